"""A headline rewritten without a notice, read as an editor reads it (issue 15; the label
scheme's stealth_kind): a headline that stops headlining a fact without contradicting it
is a silent update (``update``); one that takes a fact back is ``stealth``.

- a figure dropped from a headline rewritten around people or a body it now names, no
  figure in its place, is a new angle; dropped with no one new named, or replaced by
  another figure, it is taken back;
- the small words that join a reworded headline ("after", "when") are no new material:
  a headline said again in other words is ``minor``.

Every text here is invented, modelled on patterns seen in real headline feeds."""

from __future__ import annotations

from verdict_chain import audit_lines


def _verdict(old: str, new: str) -> str:
    return str(audit_lines([old], [new])[1].verdict)


def test_a_figure_dropped_for_people_now_named_is_a_new_angle() -> None:
    old = "Harbour United beat Vessa 4-3 in a late thriller with seven goals"
    new = "Harbour United beat Vessa 4-3 in a late thriller, Ann Lind and Tor Berg score"
    assert _verdict(old, new) == "update"


def test_an_initialism_opening_the_headline_is_someone_named() -> None:
    old = "Inspectors struggle to keep pace with 2023 surge in boiler faults"
    new = "HSB struggles to keep pace with surge in boiler faults and gas leaks"
    assert _verdict(old, new) == "update"


def test_a_figure_dropped_with_no_one_new_named_is_taken_back() -> None:
    old = "Police pelted with stones at Vessa derby, at least seven arrests"
    new = "Vessa derby passed off calmly, police say"
    assert _verdict(old, new) == "stealth"


def test_a_figure_replaced_in_a_rewritten_headline_is_taken_back() -> None:
    old = "Harbour United beat Vessa in a late thriller with seven goals"
    new = "Harbour United beat Vessa in a late thriller with five goals, Ann Lind scores"
    assert _verdict(old, new) == "stealth"


def test_function_words_joining_a_reworded_headline_are_no_new_material() -> None:
    old = "Council receives more than 2,000 letters over bridge plan"
    new = "Council gets over 2k letters after bridge plan unveiled"
    assert _verdict(old, new) == "minor"
