"""A count given without its number made precise is no fact put right (issue 15): a vague
count names an order of magnitude, from its word's least ("dozens": two dozen) up to the
next power of ten, and a number inside it contradicts nothing published.

- "dozens of homes" -> "43 homes": precision added, ``update`` without a notice and
  covered by an update notice;
- "dozens" -> "12" or "430", or "dozens of homes" -> "43 flats" (another thing), puts
  the count right: ``stealth`` without a notice, left out by an update notice.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

import pytest
from verdict_chain import audit_lines, replaced

NOTICE = "This story has been updated with additional information."
NEWS = "Crews pumped water from cellars on Wednesday."
STORY = [
    "River floods homes in Vessa",
    "VESSA - Dozens of homes were flooded on Tuesday after the river burst its banks, the mayor said.",
    "Rescue crews worked through the night.",
]


@pytest.mark.parametrize("count", ["43 homes", "About 40 homes"])
def test_a_vague_count_made_precise_takes_nothing_back(count: str) -> None:
    new = replaced(STORY, "Dozens of homes", count)
    v = audit_lines(STORY, new)[1]
    assert (v.verdict, v.stealth_kind) == ("update", "added")
    assert audit_lines(STORY, new + [NEWS, NOTICE])[1].verdict == "consistent"


@pytest.mark.parametrize("count", ["12 homes", "430 homes"])
def test_a_number_outside_the_vague_range_puts_the_count_right(count: str) -> None:
    new = replaced(STORY, "Dozens of homes", count)
    assert audit_lines(STORY, new)[1].verdict == "stealth"
    assert audit_lines(STORY, new + [NEWS, NOTICE])[1].verdict == "undisclosed"


def test_a_number_of_another_thing_puts_the_count_right() -> None:
    new = replaced(STORY, "Dozens of homes", "43 flats")
    assert audit_lines(STORY, new)[1].verdict == "stealth"


def test_a_vague_count_made_precise_with_other_words_changed_is_not_only_precise() -> None:
    new = replaced(STORY, "Dozens of homes were flooded", "43 homes were destroyed")
    assert audit_lines(STORY, new)[1].verdict == "stealth"
