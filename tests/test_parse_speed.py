"""The parser's short cuts (issue 19): each gives what the full reading gives."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import parse as parse_module
from versioner.notices import _GLUED, POSITIONS, _may_hold_glued, notice_tail
from versioner.parse import (
    _MEMO_CHARS,
    SECTIONS,
    _read_unit,
    _read_unit_memo,
    _units,
    parse_pieces,
    pieces_to_spans,
)
from versioner.prepared import pieces_json

# Pieces that glued notices are made of, and text around them; the odd letters
# are those that re.IGNORECASE reads as ASCII ones.
_FRAGMENTS = st.sampled_from([
    "Correction", "CORRECTION", "Update", "Editor's note", "Editor’s Note", "N.d.l.r.", "note", "been",
    "The story has been updated", "THE ARTICLE HAS BEEN corrected", "An earlier version of this story",
    "a previous VERSION of this ", "story", "article", "earlier", ":", " - ", " – ", " — ", "-", ".", "!",
    "?", '"', "'", ")", "]", " ", "  ", "\n", "\u00a0", "Officials said", "x", "Ver", "sion", "Be", "en",
    "\u0130", "\u0131", "\u017f", "\u212a",
])
_PARAGRAPHS = st.lists(_FRAGMENTS, max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PARAGRAPHS)
def test_a_paragraph_passed_by_holds_no_glued_notice(unit: str) -> None:
    # the cheap look may let through what has no glued notice, never the reverse
    assert _may_hold_glued(unit) or _GLUED.search(unit, 1) is None


def test_every_letter_ignorecase_reads_as_ascii_sends_a_paragraph_to_the_scan() -> None:
    # the cheap look lowers the text with str.lower(): a letter that re.IGNORECASE
    # matches to an ASCII one, and that str.lower() does not lower to an ASCII
    # letter, must let the paragraph through
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    odd = [chr(c) for c in range(0x80, 0x110000) if ascii_letter.fullmatch(chr(c))]
    assert odd  # İ ı ſ K
    for letter in odd:
        assert _may_hold_glued(f"Officials said so{letter}") or letter.lower().isascii()


def test_a_glued_notice_is_still_found_behind_an_odd_letter() -> None:
    unit = "Officials said so.The ſtory has been updated to correct a name."
    assert notice_tail(unit) == unit.index("The")
    assert [p[0] for p in parse_pieces(f"Headline\n\n{unit}\n")] == ["headline", "body", "notice"]


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARAGRAPHS, max_size=8), st.booleans())
def test_a_remembered_paragraph_reads_as_a_fresh_one(paragraphs: list[str], glued: bool) -> None:
    for unit in paragraphs:
        if unit:
            assert _read_unit_memo(unit, glued) == _read_unit(unit, glued)
            assert _read_unit_memo(unit, glued) == _read_unit(unit, glued)  # now from the memo


def test_long_paragraphs_are_not_remembered() -> None:
    # the memo holds at most a few megabytes however long the paragraphs are
    _read_unit_memo.cache_clear()
    long = "Officials said the river rose. " * (_MEMO_CHARS // 20)
    parse_pieces(f"Headline\n\n{long}\n\nCorrection: An earlier version misstated the date.\n")
    assert _read_unit_memo.cache_info().currsize == 2  # the headline and the notice


_LINES = st.lists(st.sampled_from(["", "Headline", "By Jane Roe", "LONDON (Reuters) - It rose.", "it went on",
                                   "Correction: a date was wrong.", "(Corrects name)", "#", "  x"]),
                  max_size=10)


@settings(max_examples=300, deadline=None)
@given(_LINES, st.booleans())
def test_units_without_blank_lines_are_the_lines(lines: list[str], leading: bool) -> None:
    text = ("\n" if leading else "") + "\n".join(lines) + "\n"
    units = _units(text)
    assert "".join(gap + unit for gap, unit in units) == text.rstrip("\n")
    if "\n\n" not in text and not text.startswith("\n"):
        assert [unit for _, unit in units] == [line for line in text.split("\n")[:-1]]


@settings(max_examples=300, deadline=None)
@given(_LINES, st.lists(st.sampled_from(["body", "headline", "byline", "credits"]), min_size=10, max_size=10),
       st.integers(0, 10), st.integers(0, 10))
def test_pieces_without_notices_are_the_merged_ones(lines: list[str], labels: list[str], lo: int, hi: int) -> None:
    units = _units("\n".join(line for line in lines if line.strip()) + "\n")
    labels = labels[: len(units)]
    positions = [""] * len(units)
    hi = min(hi, len(units))  # as the parser has them: 0 <= lo, hi <= the number of units
    merged = parse_module._merge_headings(units, labels, positions)
    assert parse_module._pieces_unmerged(units, labels, positions, lo, hi) == parse_module._pieces(merged, lo, hi)


_WIRE = ("UPDATE: adds quotes\n\nHeadline on floods\n\nBy Jane Roe\n\nLONDON, May 3 (Reuters) - Rivers rose.\n\n"
         "It rained.Correction: An earlier version misstated the date.\n\n(Reporting by Jane Roe; Editing by Al Poe)\n"
         "Company corrects first-quarter revenue.\n")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WIRE.split("\n")), max_size=12))
def test_the_stored_parse_is_what_the_json_encoder_writes(lines: list[str]) -> None:
    text = "\n".join(line for line in lines if line) + "\n"
    pieces = parse_pieces(text)
    assert pieces_json(pieces) == json.dumps(pieces_to_spans(pieces), separators=(",", ":"))


def test_section_and_position_names_need_no_json_escapes() -> None:
    for name in (*SECTIONS, *POSITIONS, ""):
        assert json.dumps(name) == f'"{name}"'
