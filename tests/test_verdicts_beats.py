"""Verdicts on other beats than the disaster story (issue 15, part 3; the patterns of
bench/beats.py): a title or a direction put right in common words, a claim cut under
an update notice, a running tally of an ongoing event, a headline-list line with a
place swapped or a clause joined on. Every text here is invented."""

from __future__ import annotations

import pytest
from verdict_chain import audit_lines, replaced

from versioner.flags import Flag
from versioner.held import claim_cut
from versioner.model import FlagType, Section, Severity
from versioner.swaps import direction_swapped, title_swapped

UPDATE = "This story has been updated with additional information."
STORM = [
    "Storm floods Saltmere as rivers rise",
    "By Orla Quirke",
    "A storm dumped 96 millimetres of rain on Saltmere on Tuesday, the weather service said.",
    "The storm was moving east at about 25 kilometres an hour.",
    "Chief meteorologist Lars Nyberg urged residents to stay indoors until the alert was lifted.",
    "Several roads were closed. A landslide blocked the only road into the valley.",
    "About 140 passengers were stranded at the central station, the rail operator said.",
]
NEWS = "Volunteers handed out sandbags at the town hall through the afternoon."


def _wording(old: str, new: str) -> Flag:
    return Flag(FlagType.WORDING, Severity.MEDIUM, Section.BODY, 2, old, new, reason="")


@pytest.mark.parametrize(("old", "new", "swapped"), [
    ("executive", "financial officer", True),
    ("Director of public health", "Health minister", True),
    ("station manager", "network director", True),
    ("chief meteorologist", "chief meteorologist and", False),  # the same office
    ("said", "told reporters", False),  # no office on either side
    ("President", "leader", False),  # a title restyled as a word of standing: the same person
    ("head of the agency", "agency boss", False),
    ("the minister said on Tuesday that the ministry would review its rules for rail operators", "coach", False),
])
def test_a_title_put_for_another_in_place(old: str, new: str, swapped: bool) -> None:
    assert title_swapped(_wording(old, new)) is swapped


@pytest.mark.parametrize(("old", "new", "swapped"), [
    ("east", "west", True), ("northbound", "southbound", True), ("rose", "fell", True),
    ("rose", "climbed", False),  # the same direction in other words
    ("east", "eastern", False),
    ("rose 3", "fell 2", False),  # a figure moving with it is judged as figures are
])
def test_a_direction_turned_in_place(old: str, new: str, swapped: bool) -> None:
    assert direction_swapped(_wording(old, new)) is swapped


def test_a_title_put_right_without_a_notice_is_stealth() -> None:
    old = STORM + ["The storm forced the town's mayor, Ines Gallo, to cancel a trip abroad."]
    v = audit_lines(old, replaced(old, "town's mayor", "town's police chief"))[1]
    assert (v.verdict, v.stealth_kind) == ("stealth", "altered"), v.reasons


def test_a_direction_turned_without_a_notice_is_stealth() -> None:
    v = audit_lines(STORM, replaced(STORM, "moving east", "moving west"))[1]
    assert (v.verdict, v.stealth_kind) == ("stealth", "altered"), v.reasons


def test_a_trend_turned_without_a_notice_is_stealth() -> None:
    old = STORM + ["Turnout rose compared with the last local election, officials said."]
    v = audit_lines(old, replaced(old, "Turnout rose", "Turnout fell"))[1]
    assert (v.verdict, v.stealth_kind) == ("stealth", "altered"), v.reasons


def test_an_update_notice_does_not_cover_a_title_or_a_direction_put_right() -> None:
    old = STORM + ["Services will resume on Thursday, the station manager said."]
    for a, b in (("the station manager", "the network director"), ("moving east", "moving west")):
        new = replaced(old, a, b) + [NEWS, UPDATE]
        v = audit_lines(old, new)[1]
        assert (v.verdict, v.stealth_kind) == ("undisclosed", "altered"), (a, v.reasons)


def test_an_update_notice_does_not_cover_a_claim_cut() -> None:
    new = replaced(STORM, "Several roads were closed. A landslide blocked the only road into the valley.",
                   "Several roads were closed.") + [NEWS, UPDATE]
    v = audit_lines(STORM, new)[1]
    assert (v.verdict, v.stealth_kind) == ("undisclosed", "altered"), v.reasons


def test_an_update_notice_covers_a_forecast_cut() -> None:
    old = replaced(STORM, "Several roads were closed. A landslide blocked the only road into the valley.",
                   "Several roads were closed. The river is expected to burst its banks near the old mill.")
    new = replaced(old, " The river is expected to burst its banks near the old mill.", "") + [NEWS, UPDATE]
    v = audit_lines(old, new)[1]
    assert v.verdict == "consistent", v.reasons


def test_an_update_notice_covers_a_running_tally_of_the_event() -> None:
    new = replaced(STORM, "About 140 passengers were stranded", "About 210 passengers were stranded")
    new = replaced(new, "96 millimetres", "118 millimetres") + [NEWS, UPDATE]
    v = audit_lines(STORM, new)[1]
    assert v.verdict == "consistent", v.reasons


def test_a_place_put_for_another_in_a_headline_list_is_stealth() -> None:
    v = audit_lines(["Treinverkeer rond Saltmere ligt stil door storing"],
                    ["Treinverkeer rond Kestrel Bay ligt stil door storing"])[1]
    assert (v.verdict, v.stealth_kind) == ("stealth", "altered"), v.reasons


def test_a_clause_joined_on_to_a_headline_list_line_is_an_update() -> None:
    v = audit_lines(["Storm treft Mellby: 300 huizen zonder stroom"],
                    ["Storm treft Mellby: 300 huizen zonder stroom, scholen dicht"])[1]
    assert (v.verdict, v.stealth_kind) == ("update", "added"), v.reasons


def test_a_phrase_of_context_run_on_to_a_headline_list_line_is_minor() -> None:
    v = audit_lines(["Rechter legt oud-wethouder zes jaar cel op"],
                    ["Rechter legt oud-wethouder zes jaar cel op voor fraude"])[1]
    assert v.verdict == "minor", v.reasons


def test_an_update_notice_covers_a_count_of_the_missing_falling() -> None:
    old = STORM + ["Rescuers said 14 people were still missing in the valley."]
    new = replaced(old, "14 people were still missing", "6 people were still missing") + [NEWS, UPDATE]
    v = audit_lines(old, new)[1]
    assert v.verdict == "consistent", v.reasons


def test_a_count_of_the_missing_retold_lower_under_an_update_is_covered() -> None:
    old = STORM + ["Rescuers said 14 people were still missing in the valley on Tuesday evening."]
    new = STORM + ["By Wednesday morning 6 people were still missing in the valley, after helicopters "
                   "reached two farms, rescuers said.", UPDATE]
    v = audit_lines(old, new)[1]
    assert v.verdict == "consistent", v.reasons


def test_a_count_of_the_injured_lowered_under_an_update_is_not_covered() -> None:
    old = STORM + ["Hospitals treated 75 injured people on Tuesday."]
    new = replaced(old, "75 injured people", "69 injured people") + [NEWS, UPDATE]
    v = audit_lines(old, new)[1]
    assert (v.verdict, v.stealth_kind) == ("undisclosed", "altered"), v.reasons


@pytest.mark.parametrize("line", ["The cause of the fault has not been determined by the rail operator.",
                                  "It was not immediately clear how many trains were affected by the fault."])
def test_an_update_notice_covers_a_line_of_what_was_not_known_cut(line: str) -> None:
    old = replaced(STORM, "Several roads were closed. A landslide blocked the only road into the valley.",
                   "Several roads were closed. " + line)
    new = replaced(old, " " + line, "") + [NEWS, UPDATE]
    v = audit_lines(old, new)[1]
    assert v.verdict == "consistent", v.reasons



def test_a_sentence_cut_among_other_edits_to_its_paragraph_is_part_of_a_rewrite() -> None:
    cut = Flag(FlagType.WORDING, Severity.MEDIUM, Section.BODY, 4,
               "A landslide blocked the only road into the valley.", "", reason="")
    assert claim_cut(cut, [cut])
    other = _wording("Several", "Many")  # paragraph 2: another paragraph
    assert claim_cut(cut, [cut, other])
    recast = Flag(FlagType.WORDING, Severity.MEDIUM, Section.BODY, 4, "were closed", "had reopened", reason="")
    assert not claim_cut(cut, [cut, recast])
