"""A source or a title swapped in place is a published fact put right, which an update
notice ("This story has been updated with additional information") never tells of
(issue 15; the label scheme's `attribution`: who the source is).

- no notice: a source cited "according to" replaced by another is ``stealth`` (altered);
- a new update notice over it, or over a rank swapped in a title, leaves it out:
  ``undisclosed``, as a carried one does (``stealth``);
- the same source told another way ("according to police" -> "police said"), a source
  narrowed ("local police" -> "police in Vessa") or one put in where there was none
  takes nothing back.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines, replaced

NOTICE = "This story has been updated with additional information."
STORY = [
    "Harbour pilots to get new night rota",
    "VESSA, May 4 (Courier) - About 40 harbour pilots will move to a new night rota in June, "
    "according to the port authority's annual report.",
    "The authority on Monday named Ida Marsk a deputy director of harbour safety, a spokesperson said.",
    "Marsk ran the pilot boat service for nine years before the appointment.",
]
NEWS = "Marsk said on Tuesday that she would review the rota with the pilots' union first."
SWAPPED = ("according to the port authority's annual report", "according to a staff memo seen by the Courier")


def test_a_source_swapped_without_a_notice_is_stealth() -> None:
    v = audit_lines(STORY, replaced(STORY, *SWAPPED))[1]
    assert v.verdict == "stealth"
    assert v.stealth_kind == "altered"


def test_a_new_update_notice_leaves_out_a_source_swapped() -> None:
    v = audit_lines(STORY, replaced(STORY, *SWAPPED) + [NEWS, NOTICE])[1]
    assert v.verdict == "undisclosed"
    assert [f.new for f in v.undisclosed] == ["a staff memo seen by the Courier"]


def test_a_source_swapped_in_a_reworded_sentence_is_left_out_too() -> None:
    reworded = replaced(STORY, "About 40 harbour pilots will move to a new night rota in June, "
                        "according to the port authority's annual report.",
                        "Some 40 harbour pilots are set to switch to a new night rota in June, "
                        "according to a staff memo seen by the Courier.")
    assert audit_lines(STORY, reworded + [NEWS, NOTICE])[1].verdict == "undisclosed"


def test_a_carried_update_notice_does_not_cover_a_source_swapped() -> None:
    noticed = STORY + [NOTICE]
    v = audit_lines(STORY, noticed, replaced(noticed, *SWAPPED))[2]
    assert v.verdict == "stealth"


def test_a_new_update_notice_leaves_out_a_rank_swapped_in_a_title() -> None:
    # a carried notice already left it out (test_verdicts_rank); a new one read loosely did not
    v = audit_lines(STORY, replaced(STORY, "a deputy director", "acting director") + [NEWS, NOTICE])[1]
    assert v.verdict == "undisclosed"


def test_the_same_source_told_another_way_takes_nothing_back() -> None:
    told = replaced(STORY, "in June, according to the port authority's annual report.",
                    "in June, the port authority said in its annual report.")
    assert audit_lines(STORY, told + [NEWS, NOTICE])[1].verdict == "consistent"
    narrowed = replaced(STORY, "the port authority's annual report", "the Vessa port authority's report")
    assert audit_lines(STORY, narrowed)[1].verdict != "stealth"


def test_a_source_put_in_where_there_was_none_takes_nothing_back() -> None:
    bare = replaced(STORY, ", according to the port authority's annual report.", ".")
    sourced = replaced(bare, "in June.", "in June, according to a staff memo seen by the Courier.")
    assert audit_lines(bare, sourced)[1].verdict != "stealth"
