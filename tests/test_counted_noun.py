"""The same number with its noun reworded (issue 16): the count changes when the thing
counted becomes another kind of thing, not when the same thing is written another way.
Every text here is invented."""

from __future__ import annotations

import pytest

from versioner.countednoun import same_thing_counted
from versioner.flags import Flag, flag_texts


def _flags(old_para: str, new_para: str) -> list[Flag]:
    head = "Storm reaches Dorrin coast\n"
    return flag_texts(head + old_para + "\n", head + new_para + "\n")


def _figures(old_para: str, new_para: str) -> list[Flag]:
    return [f for f in _flags(old_para, new_para) if f.type == "figure"]


@pytest.mark.parametrize(("old", "new"), [
    # a unit respelt, its noun dropped: the measure stands
    ("Waves reached 6.6-foot heights along the Dorrin shore on Tuesday.",
     "Waves reached 6.6 feet along the Dorrin shore on Tuesday."),
    # a demonym contracted with an apostrophe, then spelt out
    ("The club signed 3 Vel'tians on Friday.", "The club signed 3 Veldartians on Friday."),
    # the same noun's number: one form for another
    ("The ferry carried 1 persons too many, the harbour master said.",
     "The ferry carried 1 person too many, the harbour master said."),
])
def test_the_same_thing_counted_written_another_way_is_no_figure_change(old: str, new: str) -> None:
    flags = _figures(old, new)
    assert not any("now counts" in f.reason for f in flags), flags


@pytest.mark.parametrize(("old", "new", "what"), [
    ("Rebels killed 12 soldiers near Ostra on Monday.", "Rebels killed 12 civilians near Ostra on Monday.",
     "civilians"),
    ("The storm caused 40 deaths across the province.", "The storm caused 40 injuries across the province.",
     "injuries"),
    ("Floods cut off 300 people in the valley.", "Floods cut off 300 homes in the valley.", "homes"),
])
def test_another_kind_of_thing_counted_stays_a_figure_change(old: str, new: str, what: str) -> None:
    flags = _figures(old, new)
    assert any(f.severity == "high" and what in f.reason for f in flags), flags


@pytest.mark.parametrize(("old", "new", "same"), [
    ("houses", "house", True), ("buses", "bus", True), ("cities", "city", True), ("people", "person", True),
    ("govt.", "government", True), ("v'darians", "veldarians", True),
    ("cares", "car", False), ("offices", "officers", False), ("officers'", "offers", False),
    ("soldiers", "civilians", False), ("foot heights", "feet", False),
])
def test_one_thing_counted_is_one_word_in_another_form(old: str, new: str, same: bool) -> None:
    assert same_thing_counted(old, new) is same
