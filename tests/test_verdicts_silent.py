"""How changes no notice covers are judged (issue 15, item 3): by what the change did
to a published fact, read from its structure. One synthetic pair per pattern seen in
real newsroom copy; every text here is invented."""

from __future__ import annotations

from verdict_chain import audit_lines

NOTICE = "This story has been updated with additional information."
STORY = [
    "Council approves new tram line after long debate",
    "VELMAR, May 12 (Gazette) - The city council approved a new tram line on Monday by a vote of 31 to 14.",
    "“We have waited a decade for this line,” council leader Petra Osk said. “It will carry "
    "twenty thousand riders a day.”",
    "Work on the line is due to start next spring, the transport office said, and the mayor gave his backing.",
    "His office said the first trams would run in 2029.",
    "The Regional Transit Authority will run the line.",
]


def _with(lines: list[str], index: int, text: str) -> list[str]:
    return [text if i == index else line for i, line in enumerate(lines)]


def test_a_closing_quote_moved_with_the_attribution_is_no_quote_changed() -> None:
    # a quoted sentence merged into the quotation before it, its closing mark and its
    # "she said" gone with it, under an update notice that covers the new paragraph
    old = STORY[:2] + ["“We have waited a decade for this line,” council leader Petra Osk said after the "
                       "vote, adding that the city had planned it for years.",
                       "“It will carry twenty thousand riders a day,” she said."] + STORY[3:]
    new = STORY[:2] + ["“We have waited a decade for this line. It will carry twenty thousand riders a "
                       "day,” council leader Petra Osk said after the vote, adding that the city had "
                       "planned it for years."] + STORY[3:]
    v = audit_lines(old, new + ["Opponents said they would ask for a review of the cost.", NOTICE])[1]
    assert v.verdict == "consistent", v.reasons
    assert not v.undisclosed


def test_quoted_words_changed_without_a_notice_stay_stealth() -> None:
    new = _with(STORY, 2, "“We have waited years for this line,” council leader Petra Osk said. “It will "
                          "carry twenty thousand riders a day.”")
    v = audit_lines(STORY, new)[1]
    assert v.verdict == "stealth"
    assert v.stealth_kind == "altered"


def test_a_pronoun_opening_a_sentence_replaced_by_the_name_is_not_a_name_taken_out() -> None:
    # "His office" -> "Osk's office": the capitalised pronoun was never a name
    new = _with(STORY, 4, "Osk's office said the first trams would run in 2029.")
    new = new + ["The council will publish the route in June."]
    v = audit_lines(STORY, new)[1]
    assert v.verdict == "update", v.reasons
    assert v.stealth_kind == "added"


def test_an_initialism_replaced_by_words_of_its_spelt_out_name_is_not_a_name_taken_out() -> None:
    old = STORY + ["The RTA has not said how many drivers it will hire."]
    new = STORY + ["The transit authority has not said how many drivers it will hire.",
                   "The council will publish the route in June."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "update", v.reasons


def test_an_attribution_verb_restyled_with_the_speaker_kept_is_no_attribution_change() -> None:
    old = STORY + ["“The vote is a mistake,” said Ivo Brandt, whose group opposed the line."]
    new = STORY + ["“The vote is a mistake,” Ivo Brandt told reporters. Brandt's group opposed the line.",
                   "The council will publish the route in June."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "update", v.reasons


def test_the_speaker_of_a_quote_replaced_is_stealth() -> None:
    old = STORY + ["“The vote is a mistake,” said Ivo Brandt."]
    new = STORY + ["“The vote is a mistake,” said Mara Lind."]
    assert audit_lines(old, new)[1].verdict == "stealth"


def test_an_ordinal_replaced_without_a_notice_is_stealth() -> None:
    # a place or rank in words is a figure: "fifth" -> "11th" is a published fact changed
    old = STORY + ["The line was ranked fifth in the national transit survey."]
    new = STORY + ["The line was ranked 11th in the national transit survey."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "stealth", v.reasons
    assert v.stealth_kind == "altered"


def test_a_quotation_in_single_marks_changed_without_a_notice_stays_stealth() -> None:
    # copy that quotes in single marks: an apostrophe looks the same, so the quote is
    # not read as moved; changed quoted words are still a quote altered
    old = STORY + ["Osk called the line 'a promise kept to the city', the transport office said."]
    new = STORY + ["Osk called the line 'a promise made to the city', the transport office said."]
    assert audit_lines(old, new)[1].verdict == "stealth"


def test_a_place_named_in_the_possessive_then_plainly_is_not_a_name_taken_out() -> None:
    # a homepage summary rolled on: "Norland's ministers are discussing" become "Norland is
    # considering", the place still named, with new measures added
    old = ["Velmar follows Ostmark with new curbs from Sunday",
           "Velmar limits the size of gatherings among other measures and Norland's ministers are also "
           "discussing further action."]
    new = [old[0], "Velmar will limit gatherings, Ostmark will close its stadiums and Norland is considering "
                   "new rules too."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "update", v.reasons


def test_a_name_taken_out_of_a_summary_stays_stealth() -> None:
    # the same summary rewritten, but the minister it named is gone from the text
    old = ["Velmar follows Ostmark with new curbs from Sunday",
           "Velmar limits the size of gatherings, health minister Karl Brenn's office said."]
    new = [old[0], "Velmar will limit gatherings and close its stadiums, the health office said."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "stealth", v.reasons
