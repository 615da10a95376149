"""A rank in someone's title swapped in place ("a deputy director" -> "acting director")
is a published fact put right, with or without a notice (issue 15).

- no notice: the title was changed in silence, ``stealth`` (altered), not a rewording;
- a carried update notice does not cover it either;
- a rank put in where there was none, or a title written out around new material,
  takes nothing back.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines, replaced

NOTICE = "This story has been updated with additional information."
STORY = [
    "Port authority names new head of harbour safety",
    "The Vessa port authority on Monday named Ida Marsk a deputy director of harbour safety, "
    "a spokesperson said.",
    "Marsk ran the pilot boat service for nine years before the appointment.",
    "The authority said the post had been empty since March.",
]


def test_a_rank_swapped_in_place_without_a_notice_is_stealth() -> None:
    v = audit_lines(STORY, replaced(STORY, "a deputy director", "acting director"))[1]
    assert v.verdict == "stealth"
    assert v.stealth_kind == "altered"


def test_a_rank_swapped_under_a_carried_update_notice_is_stealth() -> None:
    noticed = STORY + [NOTICE]
    v = audit_lines(STORY, noticed, replaced(noticed, "a deputy director", "acting director"))[2]
    assert v.verdict == "stealth"
    assert v.stealth_kind == "altered"


def test_a_rank_put_in_where_there_was_none_takes_nothing_back() -> None:
    # "a director" -> "a senior director": a word put in among the published ones
    plain = replaced(STORY, "a deputy director", "a director")
    v = audit_lines(plain, replaced(plain, "a director", "a senior director"))[1]
    assert v.verdict != "stealth"
