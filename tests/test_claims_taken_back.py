"""Notices that take words back, and the values a graphic's correction states.

- a notice that only takes published words out, quoting them, is a correction: what
  the words said is taken back; one that also adds material stays an update;
- what a graphic or chart "showed" is what the story said;
- a wrong figure answered by a sentence with no figure of its kind is put right by
  the figure a later sentence gives.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from versioner.kinds import NoticeKind
from versioner.notices import Claim, parse_notice


def _claims(text: str) -> tuple[NoticeKind, tuple[Claim, ...]]:
    notice = parse_notice(text, "top")
    assert notice is not None
    return notice.kind, notice.claims


def test_a_notice_that_only_removes_quoted_words_is_a_correction() -> None:
    kind, claims = _claims('(Removes words "and twice missed rent payments," paragraph 4)')
    assert kind == NoticeKind.CORRECTION
    assert claims[0].action == "remove" and "twice missed rent payments" in (claims[0].old_value or "")


def test_a_notice_that_adds_material_and_drops_a_line_stays_an_update() -> None:
    kind, _ = _claims('(Updates with harbour master\'s statement, removes "developing story" line)')
    assert kind == NoticeKind.UPDATE


def test_a_removal_that_quotes_nothing_stays_as_read() -> None:
    kind, _ = _claims("This story has been updated to remove a paragraph on the old timetable.")
    assert kind == NoticeKind.UPDATE


def test_what_a_graphic_showed_is_the_old_value() -> None:
    _, (c,) = _claims("Correction: A graphic in an earlier version of this story showed turnout of 64 percent. "
                      "Turnout was 46 percent.")
    assert c.old_value is not None and "64" in c.old_value
    assert c.new_value is not None and "46" in c.new_value


def test_a_wrong_amount_is_put_right_by_the_amount_a_later_sentence_gives() -> None:
    _, (c,) = _claims("Correction: A chart accompanying this story showed a figure of up to $240 for the weekly "
                      "fare. In fact that fare applies to riders who joined after 2020. The fare for other "
                      "riders is $180 per week.")
    assert c.old_value is not None and "$240" in c.old_value
    assert c.new_value is not None and "$180" in c.new_value


def test_a_right_version_with_a_figure_of_its_kind_closes_the_claim() -> None:
    _, (c,) = _claims("Correction: An earlier version of this story said the fare rose by 3 percent. "
                      "In fact it rose by 4 percent.")
    assert c.old_value is not None and "3 percent" in c.old_value
    assert c.new_value is not None and "4 percent" in c.new_value
