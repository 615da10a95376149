"""A word put in or taken out beside a figure that stays whole (issue 16,
versioner.figureedges). Every text here is invented, in the shape of the pattern."""

from __future__ import annotations

import pytest

from versioner.flags import Flag, flag_texts

HEAD = "Ward count goes to a recount\nHALLOW, May 4 (Meridian) – Counting went on overnight.\n"


def _figures(old_para: str, new_para: str) -> list[Flag]:
    return [f for f in flag_texts(HEAD + old_para + "\n", HEAD + new_para + "\n") if f.type == "figure"]


@pytest.mark.parametrize(("old", "new"), [
    # a word taken out, or put in, before a figure counting nothing
    ("The Greens held a lead of some 4,200 in the ward.", "The Greens held a lead of 4,200 in the ward."),
    ("The Greens held a lead of 4,200 in the ward.", "The Greens held a lead of just 4,200 in the ward."),
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


# -- the hedge that bounds a figure ---------------------------------------------


@pytest.mark.parametrize(("old", "new", "want"), [
    ("About 1,300 walkers crossed the bridge.", "More than 1,300 walkers crossed the bridge.",
     ("About 1,300 walkers", "More than 1,300 walkers")),
    ("The raffle raised about $27,000 for the ward.", "The raffle raised over $27,000 for the ward.",
     ("about $27,000", "over $27,000")),
    ("Nearly 260 homes lost power in the ward.", "Up to 260 homes lost power in the ward.",
     ("Nearly 260 homes", "Up to 260 homes")),
    ("The flood left at least 14 dead in the ward.", "The flood left 14 dead in the ward.",
     ("at least 14 dead", "14 dead")),
    ("The Greens held a lead of almost 4,200 in the ward.", "The Greens held a lead of 4,200 in the ward.",
     ("almost 4,200", "4,200")),
])
def test_a_hedge_that_bounds_the_figure_another_way_is_a_figure_changed(old: str, new: str,
                                                                        want: tuple[str, str]) -> None:
    flags = _figures(old, new)
    assert [(f.old, f.new, f.severity) for f in flags] == [(*want, "high")], flags
    assert flags[0].old_value is None and flags[0].new_value is None  # the number itself stands


@pytest.mark.parametrize(("old", "new"), [
    ("The raffle raised about $27,000 for the ward.", "The raffle raised around $27,000 for the ward."),
    ("More than 1,300 walkers crossed the bridge.", "Over 1,300 walkers crossed the bridge."),
    ("The raffle raised about $27,000 for the ward.", "The raffle raised $27,000 for the ward."),
])
def test_a_hedge_said_in_other_words_or_a_rounding_dropped_is_no_figure_changed(old: str, new: str) -> None:
    assert _figures(old, new) == []


def test_a_hedge_changed_with_its_figure_is_one_figure_changed() -> None:
    flags = _figures("About 1,300 walkers crossed the bridge.", "More than 1,500 walkers crossed the bridge.")
    assert [(f.old_value, f.new_value) for f in flags] == [(1300, 1500)], flags


# -- what a changed figure's flag states ------------------------------------------


@pytest.mark.parametrize(("old", "new", "values"), [
    ("The dredging will cost between $3 million and $5 million.",
     "The dredging will cost between $3 million and $6 million.", (5_000_000, 6_000_000)),
    ("Some 3,000 to 4,000 walkers crossed the bridge.", "Some 3,000 to 5,000 walkers crossed the bridge.",
     (4000, 5000)),
    # a figure made a range, or a range cut back to its low end: once no flag at all
    ("About 3,000 walkers crossed the bridge.", "About 3,000 to 5,000 walkers crossed the bridge.", (3000, 5000)),
    ("About 3,000 to 5,000 walkers crossed the bridge.", "About 3,000 walkers crossed the bridge.", (5000, 3000)),
    ("About 3,000 walkers crossed the bridge.", "About 3,000-5,000 walkers crossed the bridge.", (3000, 5000)),
    # once a figure "moved" onto itself
    ("Some 3,000 walkers crossed.", "Between 3,000 and 5,000 walkers crossed.", (3000, 5000)),
])
def test_a_range_changed_at_its_high_end_states_the_high_ends(old: str, new: str, values: tuple[int, int]) -> None:
    # the low ends stand: stating them would read "3,000 -> 3,000", a figure unchanged
    flags = _figures(old, new)
    assert [(f.old_value, f.new_value) for f in flags] == [values], flags


def test_a_range_changed_at_its_low_end_states_the_low_ends() -> None:
    flags = _figures("Some 3,000 to 4,000 walkers crossed the bridge.", "Some 2,000 to 4,000 walkers crossed the bridge.")
    assert [(f.old_value, f.new_value) for f in flags] == [(3000, 2000)], flags


# -- "one" and "a" -----------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), [
    ("One walker was hurt on the bridge.", "A walker was hurt on the bridge."),
    ("Police arrested an officer at the bridge.", "Police arrested one officer at the bridge."),
])
def test_one_for_a_is_the_same_count(old: str, new: str) -> None:
    flags = [f for f in flag_texts(HEAD + old + "\n", HEAD + new + "\n") if f.paragraph == 2]
    assert [(f.type, f.severity) for f in flags] == [("wording", "low")], flags


def test_one_for_two_is_still_a_figure_changed() -> None:
    flags = _figures("One walker was hurt on the bridge.", "Two walkers were hurt on the bridge.")
    assert [(f.old_value, f.new_value) for f in flags] == [(1, 2)], flags


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("Bijna 300 woningen zonder stroom in Hallow", "Ruim 300 woningen zonder stroom in Hallow", True),
    ("Ongeveer 300 woningen zonder stroom in Hallow", "Zo'n 300 woningen zonder stroom in Hallow", False),
    ("Fast 300 Wohnungen in Hallow ohne Strom", "Mehr als 300 Wohnungen in Hallow ohne Strom", True),
])
def test_hedges_of_the_headline_languages_bound_a_figure_too(old: str, new: str, changed: bool) -> None:
    flags = [f for f in flag_texts(f"{old}\nHallow bleef donker.\n", f"{new}\nHallow bleef donker.\n")
             if f.type == "figure" or "figure" in f.facts]
    assert bool(flags) == changed, flags


# -- one vocabulary of hedges: a headline reads the bound a hedge states ------------


def _headline(old: str, new: str) -> list[Flag]:
    body = "HALLOW, May 4 (Meridian) – Counting went on overnight.\n"
    return [f for f in flag_texts(old + "\n" + body, new + "\n" + body) if f.section == "headline"]


@pytest.mark.parametrize(("old", "new"), [
    ("Upwards of 1,300 walkers cross Hallow bridge", "More than 1,300 walkers cross Hallow bridge"),
    ("Nearly 300 homes flooded in Hallow", "Almost 300 homes flooded in Hallow"),
    ("Around 300 homes flooded in Hallow", "About 300 homes flooded in Hallow"),
    ("In Hallow staan ruim 300 woningen onder water", "In Hallow staan meer dan 300 woningen onder water"),
])
def test_a_headline_hedge_said_in_other_words_is_a_restyle(old: str, new: str) -> None:
    assert [f.severity for f in _headline(old, new)] == ["low"]


@pytest.mark.parametrize(("old", "new"), [
    ("Up to 300 homes flooded in Hallow", "More than 300 homes flooded in Hallow"),
    ("Nearly 300 homes flooded in Hallow", "Over 300 homes flooded in Hallow"),
])
def test_a_headline_hedge_that_bounds_its_figure_another_way_is_a_change(old: str, new: str) -> None:
    assert [f.severity for f in _headline(old, new)] != ["low"]
