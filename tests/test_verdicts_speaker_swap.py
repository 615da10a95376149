"""A speaker or source put for another is a published attribution put right, which an
update notice ("This story has been updated with additional information") never tells
of (issue 15; the label scheme's `attribution`: who the source is).

The flag rules tell a swap ("a spokesperson said" -> "the harbour master said") from a
restyle (the same speaker under another verb, or by the title the story gives): a swap
is an attribution flag whose reason reads ``source swapped: A -> B`` (or, after
"according to", ``source changed: A -> B``), both sides named. These tests run the real
flag rules and audit end to end and check that the verdicts follow:

- under a new update notice it is left out (``undisclosed``), under a carried one or
  none it is ``stealth``;
- a source put in where there was none, or taken out, is no swap.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from dataclasses import replace

from verdict_chain import audit_lines, replaced

from versioner.attribution import SOURCE_SWAPPED
from versioner.flags import Flag
from versioner.model import FlagType, Section, Severity
from versioner.silent import speaker_swapped

NOTICE = "This story has been updated with additional information."
STORY = [
    "Ferry crossings cut after harbour wall cracks",
    "VESSA - Ferry crossings to Orlen will run every two hours from Monday while the harbour wall is repaired, "
    "a spokesperson said.",
    "The wall cracked during a storm last week.",
]
NEWS = "Repairs are expected to take three weeks and cost about 2 million crowns."
OLD_SPEAKER, NEW_SPEAKER = "a spokesperson", "the harbour master"


def _swap(old: str = OLD_SPEAKER, new: str = NEW_SPEAKER) -> Flag:
    return Flag(FlagType.ATTRIBUTION, Severity.MEDIUM, Section.BODY, 1, old, new,
                f"source changed: {old} -> {new}")


def _swapped(lines: list[str]) -> list[str]:
    return replaced(lines, f"{OLD_SPEAKER} said", f"{NEW_SPEAKER} said")


def test_the_comparison_flags_the_speaker_as_a_source_swapped() -> None:
    v = audit_lines(STORY, _swapped(STORY))[1]
    swaps = [f for f in v.flags if speaker_swapped(f)]
    assert [f.reason for f in swaps] == [f"{SOURCE_SWAPPED}: spokesperson -> harbour master"]


def test_a_new_update_notice_leaves_out_a_speaker_swapped() -> None:
    v = audit_lines(STORY, _swapped(STORY) + [NEWS, NOTICE])[1]
    assert v.verdict == "undisclosed"
    assert [f.new for f in v.undisclosed] == [NEW_SPEAKER]


def test_a_carried_update_notice_does_not_cover_a_speaker_swapped() -> None:
    noticed = STORY + [NOTICE]
    assert audit_lines(STORY, noticed, _swapped(noticed) + [NEWS])[2].verdict == "stealth"


def test_a_speaker_swapped_without_a_notice_is_stealth() -> None:
    v = audit_lines(STORY, _swapped(STORY))[1]
    assert v.verdict == "stealth"
    assert v.stealth_kind == "altered"


def test_only_a_swap_with_both_sides_named_is_one() -> None:
    assert speaker_swapped(_swap())
    assert not speaker_swapped(_swap("-", NEW_SPEAKER))
    assert not speaker_swapped(replace(_swap(), reason=f"source added: {NEW_SPEAKER}"))
    # a speaker restyled keeps another reason, and another type is never read as a swap
    assert not speaker_swapped(replace(_swap(), reason='verb of saying restyled, the speaker kept: said -> told'))
    assert not speaker_swapped(replace(_swap(), type=FlagType.WORDING))
