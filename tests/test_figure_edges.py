"""A word put in or taken out beside a figure that stays whole (issue 16,
versioner.figureedges). Every text here is invented, in the shape of the pattern."""

from __future__ import annotations

import pytest

from versioner.flags import Flag, flag_texts

HEAD = "Ward count goes to a recount\nHALLOW, May 4 (Meridian) – Counting went on overnight.\n"


def _figures(old_para: str, new_para: str) -> list[Flag]:
    return [f for f in flag_texts(HEAD + old_para + "\n", HEAD + new_para + "\n") if f.type == "figure"]


@pytest.mark.parametrize(("old", "new"), [
    # a hedge taken out, or put in, before a figure counting nothing
    ("The Greens held a lead of almost 4,200 in the ward.", "The Greens held a lead of 4,200 in the ward."),
    ("The Greens held a lead of 4,200 in the ward.", "The Greens held a lead of nearly 4,200 in the ward."),
    # a small word dropped before an amount
    ("Porters earn an average of $31,000 a year, the union said.",
     "Porters earn an average $31,000 a year, the union said."),
])
def test_a_word_beside_a_figure_that_stands_is_no_figure_added_or_removed(old: str, new: str) -> None:
    assert _figures(old, new) == []


def test_a_digit_glued_onto_a_figure_is_still_a_figure_changed() -> None:
    flags = _figures("The Greens held a lead of 4,200 in the ward.", "The Greens held a lead of 14,200 in the ward.")
    assert [(f.old_value, f.new_value) for f in flags] == [(4200, 14200)], flags


def test_a_figure_put_in_beside_another_is_still_a_figure_added() -> None:
    flags = _figures("Counting ended on May 3 in the ward.", "Counting ended on May 3, 2026 in the ward.")
    assert flags, "a year put onto a date is read"
