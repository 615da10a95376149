"""A notice that owns up to a fix made before the earliest revision captured (issue 15):
``late``, not ``mismatch``, when the revision carrying it made no edit of its own a
notice could tell of and the story bears out what the notice says.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines

STORY = [
    "Former goalkeeper named head of city sports board",
    "ORLEN, March 3 (Courier) - A former national goalkeeper was named head of the city's sports board on Monday.",
    "Tomas Vrede, 48, played for three clubs before coaching youth teams for a decade.",
    "He takes over from Ana Kessel, who held the post for six years.",
]


def test_a_headline_correction_made_before_the_first_capture_is_late() -> None:
    # the headline was fixed before anything here was captured; this revision only adds
    # the notice and says who told it
    noticed = STORY[:3] + ["He takes over from Ana Kessel, who held the post for six years, the board said."] + [
        "Correction: An earlier headline on this story misstated Tomas Vrede's playing career. "
        "The headline has been updated."]
    v = audit_lines(STORY, noticed)[1]
    assert v.verdict == "late"
    assert not v.unmatched
    assert "before the earliest revision captured" in v.reasons[0]


def test_a_stated_value_nowhere_in_the_story_is_still_a_mismatch() -> None:
    # the notice says the board has 14 members; the story says nothing of the kind
    noticed = STORY + ["Correction: An earlier version of this story misstated the number of board members. "
                       "It has 14."]
    assert audit_lines(STORY, noticed)[1].verdict == "mismatch"


def test_a_notice_naming_another_change_than_the_one_made_is_still_a_mismatch() -> None:
    changed = [line.replace("six years", "eight years") for line in STORY] + [
        "Correction: An earlier headline on this story misstated Tomas Vrede's playing career."]
    assert audit_lines(STORY, changed)[1].verdict == "mismatch"


def test_a_typo_claimed_in_the_headline_while_one_was_fixed_in_the_body_is_a_mismatch() -> None:
    typo = [line.replace("decade", "decdae") for line in STORY]
    fixed = ["(Corrects typo in headline)"] + STORY
    assert audit_lines(typo, fixed)[1].verdict == "mismatch"
