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


# a tally told as it stands ("have claimed 12 lives", "now stands at 12"): the present
# perfect reports a count up to now, which the next report carries on
FLOOD = [
    "Floods hit the Orlen valley",
    "ORLEN, Mar 2 (Courier) - Floods in the Orlen valley have claimed 12 lives, the regional office said.",
    "The number of villages cut off by the water now stands at 9, officials said.",
    "Rescue teams from three regions were sent to the valley on Sunday.",
]
FLOOD_NOTICE = "This story has been updated with additional information."


def test_an_update_notice_covers_a_tally_told_so_far_rising() -> None:
    later = [line.replace("12 lives", "17 lives") for line in FLOOD] + [
        "More rain is forecast until Wednesday, the weather service said.", FLOOD_NOTICE]
    assert audit_lines(FLOOD, later)[1].verdict == "consistent"


def test_a_carried_update_notice_covers_a_count_that_now_stands_higher() -> None:
    first = FLOOD + [FLOOD_NOTICE]
    later = [line.replace("stands at 9", "stands at 14") for line in first]
    assert audit_lines(FLOOD, first, later)[2].verdict == "consistent"


def test_a_tally_so_far_lowered_under_an_update_notice_was_put_right() -> None:
    later = [line.replace("12 lives", "10 lives") for line in FLOOD] + [
        "More rain is forecast until Wednesday, the weather service said.", FLOOD_NOTICE]
    assert audit_lines(FLOOD, later)[1].verdict == "undisclosed"
