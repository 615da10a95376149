"""Dates put in or taken out that tell no new time (issue 16, versioner.figuredates).
Every text here is invented, in the shape of the pattern."""

from __future__ import annotations

from versioner.flags import Flag, flag_texts

HEAD = "Quarry town weighs new bypass\nVELMORE, June 9 (Meridian) – Council members met on the plan.\n"


def _figures(old_para: str, new_para: str) -> list[Flag]:
    return [f for f in flag_texts(HEAD + old_para + "\n", HEAD + new_para + "\n") if f.type == "figure"]


# -- a relative time restated as a date ------------------------------------------


def test_a_weekday_restated_as_its_date_is_no_figure_added() -> None:
    # a later edit turns the weekday of last week's arrest into its date
    flags = _figures("On Tuesday, Orla Brenn was arrested at a roadblock outside Velmore, police said.",
                     "Orla Brenn was arrested June 3 at a roadblock outside Velmore, police said.")
    assert flags == [], flags


def test_last_year_restated_as_the_year_is_no_figure_added() -> None:
    flags = _figures("Last year, the council was found to have paid two firms for the same survey.",
                     "In 2025, the council was found to have paid two firms for the same survey.")
    assert flags == [], flags


def test_a_date_for_a_weekday_the_paragraph_still_gives_is_a_figure_added() -> None:
    # the weekday stands: the date is a second time, not the first told again
    flags = _figures("Orla Brenn, arrested on Tuesday, will appear in court, police said.",
                     "Orla Brenn, arrested on Tuesday, will appear in court on June 12, police said.")
    assert [f.new for f in flags] == ["June 12"], flags


def test_a_date_changed_into_another_is_still_a_figure_changed() -> None:
    flags = _figures("Orla Brenn was arrested on June 3, last week, police said.",
                     "Orla Brenn was arrested on June 4, last week, police said.")
    assert [(f.old, f.new) for f in flags] == [("June 3", "June 4")], flags


# -- a date naming the event after it --------------------------------------------


def test_a_date_that_names_the_case_is_no_figure_added() -> None:
    flags = _figures("The bribery case against Hal Tarrow was dropped in March 2024.",
                     "The June 6 case against Hal Tarrow was dropped in March 2024.")
    assert flags == [], flags


def test_a_year_put_before_the_event_it_names_is_no_figure_added() -> None:
    flags = _figures("The plant has been shut since the Morrow Valley disaster, the firm said.",
                     "The plant has been shut since the 2011 Morrow Valley dam collapse, the firm said.")
    assert flags == [], flags


def test_a_date_as_a_time_adjunct_is_still_a_figure_added() -> None:
    flags = _figures("The hearing was held, the court said.",
                     "The hearing was held on June 6, the court said.")
    assert [f.new for f in flags] == ["June 6"], flags


def test_the_date_of_a_named_event_changed_is_still_a_figure_changed() -> None:
    flags = _figures("Tarrow was charged over the June 6 protest, the court said.",
                     "Tarrow was charged over the June 7 protest, the court said.")
    assert [(f.old, f.new) for f in flags] == [("June 6", "June 7")], flags


# -- a time told by its distance from now -------------------------------------------


def test_years_ago_for_the_year_is_no_figure_added_or_removed() -> None:
    flags = _figures("The quarry, opened in 2019, was sold to a Velmore firm.",
                     "The quarry, opened six years ago, was sold to a Velmore firm.")
    assert flags == [], flags


def test_days_ago_for_last_week_is_no_figure_removed() -> None:
    flags = _figures("The bypass plan was shelved 10 days ago, the council said.",
                     "The bypass plan was shelved last week, the council said.")
    assert flags == [], flags


def test_days_ago_taken_out_with_no_time_for_it_is_a_figure_removed() -> None:
    # the weekday stands on both sides: it tells no time in place of the one cut
    flags = _figures("The plan, drawn up on Monday, was shelved 10 days ago, the council said.",
                     "The plan, drawn up on Monday, was shelved, the council said.")
    assert [f.old_value for f in flags] == [10], flags


def test_days_ago_changed_is_a_figure_changed() -> None:
    flags = _figures("The bypass plan was shelved 10 days ago.", "The bypass plan was shelved 12 days ago.")
    assert [(f.old_value, f.new_value) for f in flags] == [(10, 12)], flags
