"""Verdicts an editor gives as a story follows an event (issue 15, item 3): a preview
turned into coverage, a live page rolling on, a headline restyled with the same figure
or a demonym respelt, a plan headlined as under way. Every text here
is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines

PREVIEW = [
    "Farmers heading to the capital to press for water rights",
    "Farmers from the Delvar valley are heading to Ostrava this week to press lawmakers for new water rights.",
    "The group is set to march to the assembly building on Wednesday morning.",
    "Their program will include speeches by three growers and a regional mayor.",
    "Organisers said the march was planned months ago.",
    "They’ll also carry 80 empty buckets, standing for the wells that ran dry last summer.",
]
COVERAGE = [
    "Farmers head to the capital to press for water rights",
    "Farmers from the Delvar valley gathered in Ostrava on Wednesday to press lawmakers for new water rights.",
    "The group marched to the assembly building on Wednesday morning.",
    "Their program included speeches by three growers and a regional mayor.",
    "Organisers said the march was planned months ago.",
    "At noon the protesters set down 80 buckets on the steps.",
    "Grower Hana Lisk told the crowd the valley could not wait another season.",
]


def test_a_preview_turned_into_coverage_of_the_event_is_an_update() -> None:
    # the plans took place: "will include" -> "included", and the plan line that said
    # what they would carry gave way to what they carried
    v = audit_lines(PREVIEW, COVERAGE)[1]
    assert v.verdict == "update", v.reasons
    assert v.stealth_kind == "added"


def test_a_plan_whose_figure_is_gone_is_still_taken_back() -> None:
    # the 80 buckets are nowhere in the coverage: a published figure went with the plan
    coverage = COVERAGE[:5] + ["Grower Hana Lisk told the crowd the valley could not wait another season."]
    v = audit_lines(PREVIEW, coverage)[1]
    assert v.verdict == "stealth", v.reasons


LIVE = [
    "Regional elections: Live Results Tracker",
    "Counting is under way in the four northern districts, where polls closed at 8 p.m.",
    "Minister Jana Holt says the count may finish by midnight.",
]


def test_a_live_page_whose_lines_roll_on_is_an_update() -> None:
    # the page moves on to the latest result; what it said before was overtaken
    rolled = LIVE[:2] + ["The governing party concedes the coastal district as turnout "
                         "figures are published for the first time."]
    v = audit_lines(LIVE, rolled)[1]
    assert v.verdict == "update", v.reasons
    # the same rewrite on a page that is not live coverage takes a published line out
    plain = "Regional elections: the count"
    v = audit_lines([plain, *LIVE[1:]], [plain, *rolled[1:]])[1]
    assert v.verdict == "stealth", v.reasons


def test_a_live_page_whose_running_score_is_replaced_stays_stealth() -> None:
    old = ["Cup final – live", "Harbour City lead Vale Rovers 1-0 at half-time in the cup final."]
    new = ["Cup final – live", "Harbour City lead Vale Rovers 2-0 at half-time in the cup final."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "stealth", v.reasons


def test_a_figure_replaced_in_a_headline_is_stealth_and_a_name_with_live_is_no_live_page() -> None:
    # the headline's figure changed over an unchanged body; "Live Arena" opening the
    # headline is a name, not a live page
    old = ["Live Arena chief says 40 staff will be laid off", "The venue group made the announcement on Monday."]
    new = ["Live Arena chief says 25 staff will be laid off", "The venue group made the announcement on Monday."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "stealth", v.reasons


def test_a_headline_writing_the_same_figure_short_is_no_new_material() -> None:
    # "18,000" written "18k" and a demonym respelt: the same facts, no new material
    old = ["Regulator receives more than 12,000 complaints over Tarvish broadcast"]
    new = ["Regulator receives over 12k complaints over Tarvish broadcast"]
    v = audit_lines(old, new)[1]
    assert v.verdict == "minor", v.reasons
    old = ["Leading Tarvinian campaigner dies aged 88"]
    new = ["Leading Tarvine campaigner dies aged 88"]
    v = audit_lines(old, new)[1]
    assert v.verdict == "minor", v.reasons


def test_a_plan_headlined_as_under_way_is_an_update() -> None:
    # "plans to close" -> "is closing": the plan became the news, nothing taken back
    old = ["Borough council plans to close three branch libraries"]
    new = ["Borough council is closing three branch libraries"]
    v = audit_lines(old, new)[1]
    assert v.verdict == "update", v.reasons


def test_a_score_replaced_in_a_headline_is_stealth() -> None:
    # "0-0" -> "1-0": the 0 is still there, but the score it headlined is not
    old = ["Cup final: Harbour City 0-0 Vale Rovers - Lisk starts on the bench",
           "Follow the match between the two northern clubs."]
    new = ["Cup final: Harbour City 1-0 Vale Rovers - Lisk scores off the bench",
           "Follow the match between the two northern clubs."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "stealth", v.reasons
