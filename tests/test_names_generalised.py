"""Names an edit does not change, though a capitalised word comes or goes (issue 16),
each pinned with invented copy: places put in place of a wider scope ("across the
world"), a place trimmed off a headline, a demonym used as a noun ("a Canadian")."""

from __future__ import annotations

import pytest

from versioner.flags import Flag, flag_texts
from versioner.model import FlagType

HEAD = "Dock strike spreads\nDock workers walked out on Monday, the union said.\n"


def _flags(old_para: str, new_para: str, head: str = HEAD) -> list[Flag]:
    return list(flag_texts(head + old_para + "\n", head + new_para + "\n"))


def _names(flags: list[Flag]) -> list[Flag]:
    return [f for f in flags if f.type == "name" or "name" in f.facts]


# -- named places put in place of a wider scope ---------------------------------------

def test_places_widened_to_the_world_are_wording_not_a_name() -> None:
    flags = _flags("Strikes spread across Varossa and Ostmark after the vote.",
                   "Strikes spread around the world after the vote.")
    assert not _names(flags), flags
    assert any(f.type == "wording" and f.severity == "medium" for f in flags), flags


def test_one_of_two_places_widened_to_the_region_is_wording() -> None:
    flags = _flags("Strikes spread across Varossa and Ostmark after the vote.",
                   "Strikes spread across Varossa and across the region after the vote.")
    assert not _names(flags), flags


def test_a_place_put_in_place_of_another_stays_a_name_change() -> None:
    flags = _flags("Strikes spread across Varossa and Ostmark after the vote.",
                   "Strikes spread across Varossa and Delmoor after the vote.")
    assert _names(flags), flags


def test_a_person_put_in_place_of_people_everywhere_stays_a_name_change() -> None:
    flags = _flags("The plan was praised by Ann Lee after the vote.",
                   "The plan was praised by people around the world after the vote.")
    assert _names(flags), flags


# -- a place trimmed off a headline -------------------------------------------------------

def test_a_place_trimmed_off_a_rewritten_headline_is_no_name_fact() -> None:
    old = "Mayor: night ferry between Ostra and Varossa in Delmoor can resume"
    new = "Mayor: if the night ferry sails again, we will let it resume"
    flags = list(flag_texts(old, new))
    assert flags and not _names(flags), flags


def test_people_trimmed_off_a_headline_stay_a_name_fact() -> None:
    old = "Mayor: night ferry between Ostra and Varossa for Ann Lee can resume"
    new = "Mayor: the night ferry can sometimes resume"
    assert _names(list(flag_texts(old, new)))


def test_a_place_put_in_place_of_another_in_a_headline_stays_a_name_fact() -> None:
    old = "Ferry runs aground in Delmoor after storm"
    new = "Ferry runs aground in Kestrel Bay after storm"
    assert _names(list(flag_texts(old, new)))


# -- a demonym used as a noun -------------------------------------------------------------

def test_a_demonym_as_a_noun_in_a_headline_is_no_name() -> None:
    flags = list(flag_texts("Why Canadians should not fear a rate rise\nRates rose on Monday.",
                            "Why savers should not fear a rate rise\nRates rose on Monday."))
    assert flags and not _names(flags), flags


def test_the_dutchman_for_the_rider_is_no_name() -> None:
    flags = _flags("The Dutchman won the stage by two seconds.", "The rider won the stage by two seconds.")
    assert flags and not _names(flags), flags


def test_a_canadian_for_a_cyclist_is_no_name() -> None:
    flags = _flags("A Canadian won the stage by two seconds.", "A cyclist won the stage by two seconds.")
    assert flags and not _names(flags), flags


def test_a_surname_ending_like_a_demonym_stays_a_name() -> None:
    flags = _flags("Susan Morgan won the stage by two seconds.", "Ida Berg won the stage by two seconds.")
    assert _names(flags), flags
    flags = _flags("The stage was won by Morgan on Sunday.", "The stage was won by Berg on Sunday.")
    assert _names(flags), flags


def test_a_demonym_put_in_place_of_a_person_still_names_nobody_new() -> None:
    flags = _flags("Ann Lee won the stage by two seconds.", "A Canadian won the stage by two seconds.")
    assert any("Ann Lee" in f.reason for f in _names(flags)), flags


# -- one word of a longer name changed (a vessel's, a body's) -----------------------------

def test_one_word_of_a_vessel_name_changed_names_the_whole_vessel() -> None:
    flags = _names(_flags("The cargo ship Northern Star was seized on Thursday.",
                          "The cargo ship Western Star was seized on Thursday."))
    assert flags and "Northern Star -> Western Star" in flags[0].reason, flags


def test_two_letters_of_a_short_word_are_another_name_not_a_respelling() -> None:
    flags = _names(_flags("The vessel, the MV Star Dawn, was seized on Thursday.",
                          "The vessel, the MV Sea Dawn, was seized on Thursday."))
    assert flags and flags[0].severity == "high" and "spelling" not in flags[0].reason, flags


def test_two_letters_of_a_long_name_stay_a_respelling() -> None:
    flags = _names(_flags("The ferry captain Mohammed Osei was praised on Thursday.",
                          "The ferry captain Muhammad Osei was praised on Thursday."))
    assert flags and flags[0].severity == "medium" and "spelling" in flags[0].reason, flags


@pytest.mark.parametrize(("old", "new"), [
    ("More than 300 B'holters sign up for river clean-up", "More than 300 Brennholters sign up for river clean-up"),
    ("Brennholters flock to river clean-up despite rain", "B'holters flock to river clean-up despite rain"),
])
def test_a_name_written_short_with_a_mark_and_spelt_out_is_the_same_name(old: str, new: str) -> None:
    body = "VARNO - Residents joined the clean-up on Sunday, organisers said.\n"
    flags = flag_texts(f"{old}\n{body}", f"{new}\n{body}")
    assert flags and not any(f.type == FlagType.NAME or FlagType.NAME in f.facts for f in flags), flags
