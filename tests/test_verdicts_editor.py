"""Verdicts a standards editor would give on silent and noticed revisions (issue 15).

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines

from versioner.flags import Flag
from versioner.notices import parse_notice

STORY = [
    "Harbour board delays vote on new ferry pier",
    "ORLEN, June 4 (Courier) - The harbour board postponed a vote on a new ferry pier on Tuesday.",
    "Board chair Ines Marlow said members needed more time to study the cost.",
    "The pier would cost about 12 million crowns and take two years to build.",
    "Fishermen's groups have opposed the plan, saying it would crowd the inner harbour.",
]


def _with(lines: list[str], index: int, text: str) -> list[str]:
    return [text if i == index else line for i, line in enumerate(lines)]


def test_words_put_into_a_glued_sentence_take_nothing_out() -> None:
    # copy that lost its spaces around link text gains an age: words added, none replaced
    old = _with(STORY, 2, "Board chairInes Marlowsaid members needed more time to study the cost.")
    new = _with(STORY, 2, "Board chairInes Marlow, 61,said members needed more time to study the cost.")
    assert audit_lines(old, new)[1].verdict != "stealth"


def test_a_style_synonym_without_a_notice_is_minor() -> None:
    new = _with(STORY, 4, "Fishermen's groups have opposed the plan, saying it would clog the inner harbour.")
    v = audit_lines(STORY, new)[1]
    assert v.verdict == "minor"
    assert v.stealth_kind is None


def test_a_figure_replaced_without_a_notice_is_stealth() -> None:
    new = _with(STORY, 3, "The pier would cost about 15 million crowns and take two years to build.")
    v = audit_lines(STORY, new)[1]
    assert v.verdict == "stealth"
    assert v.stealth_kind == "altered"


def test_a_hedge_taken_out_is_stealth() -> None:
    new = _with(STORY, 3, "The pier would cost 12 million crowns and take two years to build.")
    assert audit_lines(STORY, new)[1].verdict == "stealth"


def test_a_person_named_by_role_instead_is_not_a_name_taken_out() -> None:
    # "Ines Marlow" -> "Marlow" in a later sentence: the person is still named
    old = STORY + ["Ines Marlow said a new vote would be held in July."]
    new = STORY + ["Marlow said a new vote would be held in July."]
    assert audit_lines(old, new)[1].verdict in ("minor", "update")


def test_a_headline_rewritten_to_a_new_angle_is_an_update_not_stealth() -> None:
    new = _with(STORY, 0, "Ferry pier vote put off as fishermen push back")
    v = audit_lines(STORY, new)[1]
    assert v.verdict == "update"
    assert v.stealth_kind == "added"


def test_words_cut_from_an_otherwise_unchanged_headline_are_stealth() -> None:
    old = _with(STORY, 0, "Harbour board delays vote on new ferry pier indefinitely")
    assert audit_lines(old, STORY)[1].verdict == "stealth"


def test_a_headline_list_line_rewritten_with_new_information_is_an_update() -> None:
    # one-line items (a homepage or feed headline): judged as headlines are
    old = ["Striker's late goal wins the cup for Halden"]
    new = ["Halden lift the cup as striker Moro scores in stoppage time"]
    assert audit_lines(old, new)[1].verdict == "update"


def test_a_headline_list_line_whose_toll_moves_on_is_stealth() -> None:
    old = ["Six dead after storm floods river towns"]
    new = ["Eight dead after storm floods river towns"]
    assert audit_lines(old, new)[1].verdict == "stealth"


def test_a_compound_spelt_together_is_not_a_change() -> None:
    old = ["Court hears Rusland-specialist in fraud case"]
    new = ["Court hears Ruslandspecialist in fraud case"]
    assert audit_lines(old, new)[1].verdict == "minor"


def test_a_headline_shown_with_its_first_summary_is_minor() -> None:
    # a homepage item first seen as a headline alone, then with its summary under it
    old = ["Harbour board delays vote on new ferry pier"]
    new = old + ["Members say they need more time to study a cost of 12 million crowns."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "minor"
    assert "first text shown" in v.reasons[0]


def test_a_credit_line_added_is_not_news() -> None:
    new = STORY + ["Courier's Dana Holm contributed to this report."]
    assert audit_lines(STORY, new)[1].verdict == "minor"


def test_a_carried_update_notice_covers_new_paragraphs() -> None:
    notice = "This story has been updated with additional information."
    first = STORY + [notice]
    second = STORY[:4] + ["The board will meet again on July 2, a spokesman said."] + STORY[4:] + [notice]
    v = audit_lines(STORY, first, second)[2]
    assert v.verdict == "consistent"
    assert "carried" in v.reasons[0]


def test_a_carried_update_notice_does_not_cover_a_fact_replaced_since() -> None:
    notice = "This story has been updated with additional information."
    first = STORY + [notice]
    second = _with(STORY, 3, "The pier would cost about 15 million crowns and take two years to build.") + [notice]
    v = audit_lines(STORY, first, second)[2]
    assert v.verdict == "stealth"
    assert v.stealth_kind == "altered"


def test_a_notice_added_alone_after_a_silent_update_is_late() -> None:
    added = STORY + ["The board will meet again on July 2, a spokesman said."]
    noticed = added + ["This story has been updated with additional content."]
    verdicts = audit_lines(STORY, added, noticed)
    assert verdicts[1].verdict == "update"  # a generic notice owns up to no earlier change
    assert verdicts[2].verdict == "late"
    assert verdicts[2].latency_s == 3600


def test_an_editors_note_that_claims_nothing_is_reported_but_not_held() -> None:
    note = "Editor's note: This story contains descriptions some readers may find distressing."
    v = audit_lines(STORY, STORY + [note])[1]
    assert [n.kind for n in v.notices] == ["editor's note"]
    assert v.verdict == "minor"


def test_an_update_notice_covers_words_put_where_there_was_only_punctuation() -> None:
    from versioner.held import update_covers

    assert update_covers(Flag("quote", "high", "body", 3, ".", ', a memo said, "we are done."', ""))
    assert not update_covers(Flag("quote", "high", "body", 3, "we are done", "we are finished", ""))


# -- column-style notices ---------------------------------------------------------

def _claim(text: str) -> tuple[str | None, str | None, str | None]:
    notice = parse_notice(text, "bottom")
    assert notice is not None
    c = notice.claims[0]
    return c.target.subject, c.old_value, c.new_value


def test_we_referred_to_her_as_then_she_is_gives_both_values() -> None:
    text = "Correction: A review on Saturday referred to the painter Mira Osk as a Swedish artist. She is Danish."
    subject, old, new = _claim(text)
    assert (old, new) == ("a Swedish artist", "Danish")


def test_misnamed_as_gives_a_name_claim_and_the_old_value() -> None:
    subject, old, _ = _claim("Correction: The cellist Tomas Wren was misnamed as Thomas Wren in an obituary.")
    assert subject == "name"
    assert old is not None and old.startswith("Thomas Wren")


def test_a_name_and_its_misspelling_in_contrast_are_a_name_claim() -> None:
    subject, old, new = _claim("Correction: The conductor of the spring concert is Alma Reede, not Alma Reade "
                               "as we had it in last Saturday's listings.")
    assert (subject, old, new) == ("name", "Alma Reade", "Alma Reede")


def test_incorrectly_said_then_in_fact_gives_old_and_new() -> None:
    subject, old, new = _claim("Correction: A previous photo caption incorrectly said the bridge opened in 1961. "
                               "In fact, it opened in 1916.")
    assert subject == "date" or subject == "figure"
    assert old is not None and "1961" in old
    assert new is not None and "1916" in new


def test_the_year_was_misstated_names_a_date() -> None:
    subject, _, _ = _claim("Correction: The mayor first took office in 2009. The year was misstated in "
                           "Tuesday's editorial.")
    assert subject == "date"


def test_reported_in_collaboration_is_not_a_claim_about_what_was_said() -> None:
    notice = parse_notice("Editor's note: This story was reported in collaboration with the Coastal Desk.",
                          "bottom")
    assert notice is not None
    assert all(c.old_value is None for c in notice.claims)


def test_a_word_trimmed_from_a_headline_is_minor() -> None:
    old = _with(STORY, 0, "Harbour board delays vote on new ferry pier again")
    assert audit_lines(old, STORY)[1].verdict == "minor"


def test_a_running_toll_moving_on_is_stealth_marked_developing() -> None:
    old = _with(STORY, 1, "ORLEN, June 4 (Courier) - At least 12 people were killed when a storm hit the harbour.")
    new = _with(STORY, 1, "ORLEN, June 4 (Courier) - At least 15 people were killed when a storm hit the harbour.")
    v = audit_lines(old, new)[1]
    assert (v.verdict, v.stealth_kind, v.developing) == ("stealth", "altered", True)
    fixed = _with(STORY, 3, "The pier would cost about 15 million crowns and take two years to build.")
    assert not audit_lines(STORY, fixed)[1].developing  # a cost put right is not a story moving on


def test_audit_json_says_developing(run, write) -> None:
    import json

    for n, para in enumerate(("At least 12 people were killed.", "At least 15 people were killed."), 1):
        text = f"Storm hits harbour town\nORLEN, June 4 (Courier) - A storm hit the harbour. {para}\n"
        result = run("add", write(f"storm-{n}.txt", text), "--article", "storm", "--at", f"2026-06-04T1{n}:00:00Z")
        assert result.exit_code == 0, result.stderr
    out = json.loads(run("audit", "--format", "json").stdout)
    last = out["articles"][0]["revisions"][-1]
    assert (last["verdict"], last["stealth_kind"], last.get("developing")) == ("stealth", "altered", True)


def test_a_headline_in_another_word_order_is_minor() -> None:
    old = _with(STORY, 0, "Harbour board delays ferry pier vote in Orlen's port")
    new = _with(STORY, 0, "Orlen harbour board delays ferry pier vote in port")
    assert audit_lines(old, new)[1].verdict == "minor"


def test_a_new_paragraph_in_common_words_is_new_material() -> None:
    # its words all occur somewhere in the story, but not as these sentences
    new = STORY + ["The board said the members would study the plan and the cost again."]
    assert audit_lines(STORY, new)[1].verdict == "update"


def test_a_correction_naming_whom_the_sentence_is_about_covers_the_change() -> None:
    old = STORY + ["Analyst Pia Lund, an adviser to Nordfrakt, called the delay sensible."]
    new = STORY + ["Analyst Pia Lund, an adviser to Sydfrakt, called the delay sensible.",
                   "Correction: An earlier version of this story misstated the firm that analyst Pia Lund advises."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "consistent"
    assert any('"Pia Lund"' in r for r in v.reasons)


def test_spaces_lost_around_words_are_no_change() -> None:
    from versioner.stealth import respaced

    assert respaced(Flag("wording", "medium", "body", 2, "officer if", "officerif", ""))
    assert not respaced(Flag("wording", "medium", "body", 2, "officer", "officers", ""))


# -- second wave: promotions, short figures, contracted negations, headline lists --------

def test_a_promotion_paragraph_added_is_minor() -> None:
    new = STORY + ["WATCH NOW: Our reporter rides the night ferry across the bay. Upgrade to watch the full film."]
    assert audit_lines(STORY, new)[1].verdict == "minor"
    new = STORY + ["A new documentary on the harbour's history is out this week.Stream the film now on our app."]
    assert audit_lines(STORY, new)[1].verdict == "minor"


def test_a_figure_in_its_short_form_is_the_same_figure() -> None:
    old = ["Harbour board receives more than 18,000 letters over ferry pier"]
    new = ["Harbour board gets over 18k letters after ferry pier vote"]
    assert audit_lines(old, new)[1].verdict != "stealth"


def test_a_contracted_negation_taken_out_is_stealth() -> None:
    old = ["Harbour board delays pier vote",
           "The board approved the new rule but hasn't addressed how the rule will be enforced."]
    new = ["Harbour board delays pier vote",
           "The board approved the new rule as ferry passengers keep complaining."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "stealth"
    assert v.stealth_kind == "altered"


def test_a_headline_that_rewords_its_quote_is_stealth() -> None:
    old = ["Minister: 'a plan we will never sign' for the harbour"]
    new = ["Minister: 'a plan we might sign' for the harbour"]
    assert audit_lines(old, new)[1].verdict == "stealth"


def test_a_quote_moved_within_a_headline_is_not_stealth() -> None:
    old = ["Marlow stays on: 'steady hand'"]
    new = ["A 'steady hand' Marlow stays on"]
    assert audit_lines(old, new)[1].verdict != "stealth"


def test_a_headline_that_stops_naming_its_people_is_stealth() -> None:
    # the people it named dropped and no one named instead: the claim was generalised
    old = ["Mayor: if Ines Marlow and Tomas K. meet, we will stop the talks"]
    new = ["Mayor: talks between rival bidders can sometimes be stopped"]
    v = audit_lines(old, new)[1]
    assert v.verdict == "stealth"
    assert v.stealth_kind == "altered"


def test_a_headline_that_drops_a_group_word_is_not_stealth() -> None:
    old = ["Islanders shouldn't expect cheaper ferry fares this summer"]
    new = ["Bargain-hunters shouldn't bet on cheaper ferry fares this summer"]
    assert audit_lines(old, new)[1].verdict != "stealth"
