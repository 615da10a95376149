"""A developing story (issue 15): a published fact taken back without a notice is still
``stealth``, but it is marked ``developing`` when the story moved on (a running count
in any language the notices are read in, or a fact dropped beside newly reported
material), not when an earlier fact was put right in an otherwise unchanged story.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines

STORY = [
    "Storm floods coastal towns as rivers burst their banks",
    "ORLEN, Nov 4 (Courier) - Heavy rain flooded three coastal towns on Tuesday after two rivers burst "
    "their banks, the regional government said.",
    "Emergency crews evacuated residents from low-lying streets near the harbour overnight.",
    "Schools in the area will stay closed until Thursday, the education office said.",
    "Forecasters expect the rain to ease by the weekend.",
]


def test_a_lede_recast_around_a_new_development_is_developing() -> None:
    # the line about the evacuation gives way to the news of the rescue, with new facts
    later = STORY[:2] + [
        "Coast guard helicopters lifted 41 people from rooftops in Vessa on Wednesday morning, officials said.",
        "Mayor Lina Okafor said the town hall would open as a shelter for families who lost their homes."] + STORY[3:]
    v = audit_lines(STORY, later)[1]
    assert (v.verdict, v.stealth_kind) == ("stealth", "altered")
    assert v.developing


def test_a_dutch_death_toll_moving_on_is_developing() -> None:
    first = ["Minstens zes doden door noodweer in het zuiden"]
    later = ["Minstens acht doden door noodweer in het zuiden"]
    v = audit_lines(first, later)[1]
    assert (v.verdict, v.developing) == ("stealth", True)


def test_a_fact_replaced_with_nothing_new_beside_it_is_not_developing() -> None:
    fixed = [line.replace("until Thursday", "until Friday") for line in STORY]
    v = audit_lines(STORY, fixed)[1]
    assert v.verdict == "stealth"
    assert not v.developing
