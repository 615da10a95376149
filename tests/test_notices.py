"""Reading correction and update notices: kinds, targets, actions and values."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from versioner.notices import (
    ACTIONS,
    KINDS,
    SECTIONS,
    Claim,
    Notice,
    Target,
    is_notice,
    parse_notice,
    slug_notice,
    split_headline_slug,
)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def read(text: str, position: str = "top") -> Notice:
    notice = parse_notice(text, position)
    assert notice is not None, text
    return notice


def only_claim(text: str, position: str = "top") -> Claim:
    notice = read(text, position)
    assert len(notice.claims) == 1, notice.claims
    return notice.claims[0]


# -- Reuters top parentheticals -------------------------------------------------


def test_corrects_to_add_missing_word_in_headline() -> None:
    notice = read("(Corrects to add missing word in headline)")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("add", Target("headline", None, "word", "missing word")),)


def test_corrects_paragraph_to_show_figure_gives_new_and_old_values() -> None:
    notice = read("(Corrects paragraph 3 to show rate cut was 25 basis points, not 50)")
    assert notice.kind == "correction"
    assert notice.claims == (
        Claim("change", Target("body", 3, "figure", "rate cut"), "25 basis points", "50"),
    )


def test_corrects_spelling_of_judges_name_in_paragraph() -> None:
    notice = read("(Corrects spelling of judge's name in paragraph 2)")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("fix-spelling", Target("body", 2, "name", "judge's name")),)


def test_updates_with_details_adds_quotes_gives_generic_update_and_quote() -> None:
    notice = read("(Updates with details, adds quotes)")
    assert notice.kind == "update"
    assert notice.claims == (
        Claim("update", Target("any")),
        Claim("add", Target("body", None, "quote")),
    )


def test_updates_death_toll_and_adds_rescue_details() -> None:
    notice = read("(Updates death toll, adds rescue details)")
    assert notice.kind == "update"
    assert notice.claims == (
        Claim("change", Target("any", None, "figure", "death toll")),
        Claim("add", Target("body", None, None, "rescue details")),
    )


def test_updates_figure_to_new_from_old_gives_values() -> None:
    claim = only_claim("(Updates death toll to 50 from 40)")
    assert claim == Claim("change", Target("any", None, "figure", "death toll"), "50", "40")


def test_adds_comment_in_paragraph_is_an_update_adding_a_quote() -> None:
    notice = read("(Adds comment from foreign ministry in paragraph 9)")
    assert notice.kind == "update"
    assert notice.claims == (
        Claim("add", Target("body", 9, "quote", "comment from foreign ministry")),
    )


def test_updates_with_named_material_is_an_addition() -> None:
    claim = only_claim("(Updates with comment from police)")
    assert claim == Claim("add", Target("body", None, "quote", "comment from police"))


def test_refiles_to_fix_typo_in_headline() -> None:
    notice = read("(Refiles to fix typo in headline)")
    assert notice.kind == "refile"
    assert notice.claims == (Claim("fix-spelling", Target("headline", None, "typo")),)


def test_recasts_is_an_update_that_changes_any_part() -> None:
    notice = read("(Recasts with comment from minister, details)")
    assert notice.kind == "update"
    assert notice.claims == (Claim("change", Target("any")),)


def test_writes_through_is_read_like_recasts() -> None:
    notice = read("(Writes through with new details)")
    assert notice.kind == "update"
    assert notice.claims == (Claim("change", Target("any")),)


def test_corrects_dateline_to_new_date_from_old() -> None:
    notice = read("(Corrects dateline to Feb 2 from Feb 1)")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("change", Target("dateline", None, "date"), "Feb 2", "Feb 1"),)


def test_corrects_byline() -> None:
    notice = read("(Corrects byline)")
    assert notice.kind == "correction"
    assert notice.targets == (Target("byline"),)
    assert notice.claims[0].action == "change"


def test_removes_incorrect_reference_in_paragraph_is_a_correction() -> None:
    notice = read("(Removes incorrect reference to a second suspect in paragraph 4)")
    assert notice.kind == "correction"
    assert notice.claims == (
        Claim("remove", Target("body", 4, None, "reference to a second suspect")),
    )


def test_removes_without_error_word_is_an_update() -> None:
    notice = read("(Removes paragraph 6)")
    assert notice.kind == "update"
    assert notice.claims == (Claim("remove", Target("body", 6)),)


def test_corrects_headline_and_paragraph_gives_one_claim_each() -> None:
    notice = read("(Corrects headline and paragraph 1 to show the company cut 500 jobs, not 5,000)")
    assert notice.kind == "correction"
    assert [(c.target.section, c.target.paragraph) for c in notice.claims] == [
        ("headline", None), ("body", 1)]
    assert {(c.action, c.new_value, c.old_value, c.target.subject) for c in notice.claims} == {
        ("change", "500 jobs", "5,000", "figure")}


def test_repeats_to_additional_subscribers_is_a_repeat_with_no_claims() -> None:
    notice = read("(Repeats to additional subscribers)")
    assert notice.kind == "repeat"
    assert notice.claims == ()


def test_clarifies_paragraph_is_a_clarification() -> None:
    notice = read("(Clarifies paragraph 5 to show the loan was repaid in 2023, not 2022)")
    assert notice.kind == "clarification"
    assert notice.claims == (Claim("clarify", Target("body", 5, "date", "loan was repaid"), "2023", "2022"),)


def test_bare_corrects_gives_one_generic_change() -> None:
    notice = read("(Corrects)")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("change", Target("any")),)


def test_correction_in_a_later_clause_makes_the_notice_a_correction() -> None:
    notice = read("(Adds quotes, corrects spelling of mayor's name in paragraph 5)")
    assert notice.kind == "correction"
    assert notice.claims == (
        Claim("add", Target("body", None, "quote")),
        Claim("fix-spelling", Target("body", 5, "name", "mayor's name")),
    )


def test_semicolon_separates_claims() -> None:
    notice = read("(Corrects paragraph 2; adds byline)")
    assert [c.action for c in notice.claims] == ["change", "add"]
    assert notice.targets == (Target("body", 2), Target("byline"))


def test_location_before_infinitive_still_gives_the_inner_action() -> None:
    notice = read("(Corrects paragraphs 3 and 4 to fix typo)")
    assert notice.claims == (
        Claim("fix-spelling", Target("body", 3, "typo")),
        Claim("fix-spelling", Target("body", 4, "typo")),
    )


def test_bloomberg_story_published_tail_is_not_part_of_the_detail() -> None:
    claim = only_claim("(Corrects spelling of company's name in fifth paragraph of story published Feb. 1.)")
    assert claim == Claim("fix-spelling", Target("body", 5, "name", "company's name"))


def test_afp_capitals_corrects_name_of_minister_in_ordinal_para() -> None:
    notice = read("(CORRECTS name of minister in 3rd para)")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("change", Target("body", 3, "name", "name of minister")),)


def test_afp_capitals_without_parentheses_is_a_notice() -> None:
    assert is_notice("CORRECTS name of minister in 3rd para")
    assert read("CORRECTS name of minister in 3rd para").targets == (
        Target("body", 3, "name", "name of minister"),)


# -- paragraph references ---------------------------------------------------------


@pytest.mark.parametrize(("where", "paragraphs"), [
    ("paragraph 3", [3]),
    ("third paragraph", [3]),
    ("para 3", [3]),
    ("3rd paragraph", [3]),
    ("graf 3", [3]),
    ("3rd para", [3]),
    ("paragraph three", [3]),
    ("paragraphs 3 and 4", [3, 4]),
    ("paragraphs 3, 4", [3, 4]),
    ("paras 3, 4", [3, 4]),
    ("3rd and 4th paras", [3, 4]),
    ("third and fourth paragraphs", [3, 4]),
    ("paragraphs 3-5", [3, 4, 5]),
    ("lede", [1]),
    ("last paragraph", [None]),
])
def test_paragraph_reference_forms(where: str, paragraphs: list[int | None]) -> None:
    notice = read(f"(Corrects figure in {where})")
    assert [t.paragraph for t in notice.targets] == paragraphs
    assert {t.section for t in notice.targets} == {"body"}


@pytest.mark.parametrize("number", range(1, 21))
def test_ordinal_words_first_to_twentieth_name_paragraphs(number: int) -> None:
    words = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
    notice = read(f"(Corrects {words[number - 1]} paragraph)")
    assert notice.targets == (Target("body", number),)


# -- bottom lines: AP, NYT, Guardian, BBC ----------------------------------------


def test_correction_label_misstated_number_takes_values_from_next_sentence() -> None:
    notice = read("Correction: An earlier version of this article misstated the number of passengers. "
                  "It was 212, not 221.", "bottom")
    assert notice.kind == "correction"
    assert notice.position == "bottom"
    assert notice.claims == (
        Claim("change", Target("any", None, "figure", "number of passengers"), "212", "221"),
    )


def test_ap_story_has_been_corrected_to_show() -> None:
    notice = read("This story has been corrected to show the minister resigned on Tuesday, not Monday.",
                  "bottom")
    assert notice.kind == "correction"
    assert notice.claims == (
        Claim("change", Target("any", None, "date", "minister resigned"), "Tuesday", "Monday"),
    )


def test_ap_this_version_corrects() -> None:
    notice = read("This version corrects the spelling of the coach's name.", "bottom")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("fix-spelling", Target("any", None, "name", "coach's name")),)


def test_guardian_amended_on_date_to_correct_spelling_of_name() -> None:
    notice = read("This article was amended on 3 May 2024 to correct the spelling of Lisa Nandy's name.",
                  "bottom")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("fix-spelling", Target("any", None, "name", "Lisa Nandy's name")),)


def test_earlier_version_incorrectly_said_gives_detail_and_old_value() -> None:
    notice = read("An earlier version of this article incorrectly said the death toll was 50.", "bottom")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("change", Target("any", None, "figure", "death toll"), None, "50"),)


def test_earlier_version_incorrectly_said_then_the_right_value() -> None:
    claim = only_claim("An earlier version of this article incorrectly said the minister resigned on "
                       "Monday. He resigned on Tuesday.", "bottom")
    assert claim == Claim("change", Target("any", None, "date", "minister resigned"), "Tuesday", "Monday")


def test_correction_label_incorrect_headline_targets_headline() -> None:
    notice = read("Correction: An earlier version of this article gave an incorrect headline", "bottom")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("change", Target("headline")),)


def test_correction_label_with_only_the_right_value() -> None:
    claim = only_claim("Correction: The minister's name is Lisa Nandy, not Lisa Nandi.", "bottom")
    assert claim == Claim("change", Target("any", None, "name", "minister's name"), "Lisa Nandy", "Lisa Nandi")


def test_nyt_editing_error_preamble_and_passive_misspelling() -> None:
    notice = read("Because of an editing error, an earlier version of this article misspelled the "
                  "surname of the coach.", "bottom")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("fix-spelling", Target("any", None, "name", "surname of the coach")),)


def test_nyt_correction_label_with_date_and_year_value() -> None:
    notice = read("Correction: Feb. 2, 2024 An earlier version of this article misstated the year the "
                  "bridge opened. It was 1992, not 1993.", "bottom")
    assert notice.claims == (
        Claim("change", Target("any", None, "date", "year the bridge opened"), "1992", "1993"),
    )


def test_clarification_label_is_a_clarification() -> None:
    notice = read("Clarification: An earlier version of this story did not make clear that the loan "
                  "was repaid.", "bottom")
    assert notice.kind == "clarification"
    assert [c.action for c in notice.claims] == ["clarify"]


def test_editors_note_is_a_clarification_by_default() -> None:
    notice = read("Editor's note: This story was originally published with a photo of a different "
                  "person.", "bottom")
    assert notice.kind == "clarification"
    assert notice.claims == (Claim("clarify", Target("any")),)


def test_editors_note_saying_corrected_is_a_correction() -> None:
    notice = read("Editor's note: This story has been corrected to show the vote was 7-2, not 6-3.",
                  "bottom")
    assert notice.kind == "correction"
    assert notice.claims[0].new_value == "7-2"
    assert notice.claims[0].old_value == "6-3"


def test_editors_note_saying_updated_is_an_update() -> None:
    notice = read("Editor\u2019s note: This story has been updated to include comments from the mayor.",
                  "bottom")
    assert notice.kind == "update"
    assert notice.claims == (Claim("add", Target("body", None, "quote", "comments from the mayor")),)


def test_update_label_with_date_is_an_update() -> None:
    notice = read("Update, Feb 2: This story has been updated with new information.", "bottom")
    assert notice.kind == "update"
    assert notice.claims == (Claim("update", Target("any")),)


def test_bbc_article_was_updated_to_include_statement() -> None:
    notice = read("This article was updated to include a statement from the police.", "bottom")
    assert notice.kind == "update"
    assert notice.claims == (Claim("add", Target("body", None, "quote", "statement from the police")),)


def test_bbc_updated_to_correct_is_a_correction() -> None:
    notice = read("This article was updated to correct the age of the victim.", "bottom")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("change", Target("any", None, "figure", "age of the victim")),)


def test_two_clauses_in_a_sentence_give_two_claims() -> None:
    notice = read("This story has been corrected to show the fire started on Monday, not Sunday, "
                  "and updated to add comment from the fire brigade.", "bottom")
    assert notice.kind == "correction"
    assert [c.action for c in notice.claims] == ["change", "add"]
    assert notice.claims[0].new_value == "Monday"
    assert notice.claims[0].old_value == "Sunday"
    assert notice.claims[1].target == Target("body", None, "quote", "comment from the fire brigade")


def test_regret_sentence_adds_nothing() -> None:
    notice = read("Correction: An earlier version of this article misspelled Ms. Okafor's name. "
                  "We regret the error.", "bottom")
    # the name misspelled is the right spelling (claims.py), without the honorific
    assert notice.claims == (Claim("fix-spelling", Target("any", None, "name", "Ms. Okafor's name"), "Okafor"),)


def test_number_words_shape_the_new_value() -> None:
    claim = only_claim("(Corrects paragraph 4 to say police arrested three people, not four)")
    assert claim == Claim("change", Target("body", 4, "figure", "police arrested"), "three people", "four")


def test_to_from_values_keep_a_trailing_paragraph_location() -> None:
    claim = only_claim("(Corrects age of victim to 34 from 43 in paragraph 2)")
    assert claim == Claim("change", Target("body", 2, "figure", "age of victim"), "34", "43")


def test_misidentified_as_gives_old_name_and_next_sentence_the_new() -> None:
    claim = only_claim("Correction: An earlier version of this story misidentified the mayor of Springfield "
                       "as John Smith. The mayor is Jane Doe.", "bottom")
    assert claim == Claim("change", Target("any", None, "name", "mayor of Springfield"), "Jane Doe", "John Smith")


def test_headline_on_an_earlier_version_targets_the_headline() -> None:
    notice = read("Editors' Note: A headline on an earlier version of this article misstated the "
                  "team's record.", "bottom")
    assert notice.kind == "correction"
    assert notice.claims == (Claim("change", Target("headline", None, None, "team's record")),)


def test_this_article_originally_misstated_is_an_earlier_version_notice() -> None:
    assert is_notice("This article originally misstated the number of victims.")
    claim = only_claim("This article originally misstated the number of victims.", "bottom")
    assert claim == Claim("change", Target("any", None, "figure", "number of victims"))


def test_dated_amendment_line_gives_way_to_the_specific_sentence_after_it() -> None:
    claim = only_claim("This article was amended on 4 March 2024. An earlier version said the bill "
                       "passed by 12 votes; it passed by 21.", "bottom")
    assert claim == Claim("change", Target("any", None, "figure", "bill passed"), "21", "12 votes")


def test_and_to_add_starts_a_second_claim() -> None:
    notice = read("This story has been updated to correct the spelling of the victim's name and to add "
                  "comment from police.", "bottom")
    assert notice.kind == "correction"
    assert notice.claims == (
        Claim("fix-spelling", Target("any", None, "name", "victim's name")),
        Claim("add", Target("body", None, "quote", "comment from police")),
    )


def test_story_has_been_updated_alone_gives_one_generic_update() -> None:
    assert read("This story has been updated.", "bottom").claims == (Claim("update", Target("any")),)


def test_caption_and_credits_are_sections() -> None:
    assert read("(Corrects photo caption)").targets == (Target("caption"),)
    assert read("(Adds reporting credit)").targets == (Target("credits"),)


# -- not notices --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "(Reporting by Ariba Shahid; Editing by William Mallard)",
    "(Reporting by Ariba Shahid in Karachi; Additional reporting Hritam Mukherjee in Bengaluru; "
    "Editing by William Mallard)",
    "(Reuters)",
    "(AP)",
    "(Edited by Jane Doe)",
    "(Includes reporting by the Associated Press)",
    "Corrections officers said the inmate escaped from the county jail on Sunday.",
    "The update was released on Tuesday and fixes several bugs.",
    "Updates to the software were released on Tuesday.",
    "An earlier version of the plan was rejected by parliament.",
    "The report was edited by the ministry before publication.",
    "The story was repeated across the region.",
    "We have added 500 jobs this year, the chief executive said.",
    "This report originally appeared in the Financial Times.",
    "Update, the minister said: nothing has changed.",
    "",
    "   ",
])
def test_ordinary_text_is_not_a_notice(text: str) -> None:
    assert is_notice(text) is False
    assert parse_notice(text) is None
    assert parse_notice(text, "bottom") is None


# -- headline slugs ---------------------------------------------------------------


@pytest.mark.parametrize(("headline", "expected"), [
    ("CORRECTED-Pakistan says 145 militants killed", ("CORRECTED", "Pakistan says 145 militants killed")),
    ("UPDATE 2-Pakistan says 145 militants killed", ("UPDATE 2", "Pakistan says 145 militants killed")),
    ("REFILE-Pakistan says 145 militants killed", ("REFILE", "Pakistan says 145 militants killed")),
    ("RPT-Pakistan says 145 militants killed", ("RPT", "Pakistan says 145 militants killed")),
    ("CORRECTED-UPDATE 1-Pakistan says 145 militants killed",
     ("CORRECTED-UPDATE 1", "Pakistan says 145 militants killed")),
])
def test_split_headline_slug_finds_notice_slugs(headline: str, expected: tuple[str, str]) -> None:
    assert split_headline_slug(headline) == expected


@pytest.mark.parametrize("headline", [
    "Pakistan says 145 militants killed",
    "Repeat-offender law passes senate",
    "Update: Pakistan says 145 militants killed",
])
def test_split_headline_slug_leaves_other_headlines_alone(headline: str) -> None:
    assert split_headline_slug(headline) == (None, headline)


@pytest.mark.parametrize(("slug", "kind", "claims"), [
    ("CORRECTED", "correction", (Claim("change", Target("any")),)),
    ("UPDATE 2", "update", (Claim("update", Target("any")),)),
    ("REFILE", "refile", ()),
    ("RPT", "repeat", ()),
    ("CORRECTED-UPDATE 1", "correction", (Claim("change", Target("any")),)),
])
def test_slug_notice_kind_and_claims(slug: str, kind: str, claims: tuple[Claim, ...]) -> None:
    notice = slug_notice(slug)
    assert (notice.kind, notice.position, notice.claims) == (kind, "slug", claims)


def test_slug_notice_rejects_a_word_that_is_not_a_slug() -> None:
    with pytest.raises(ValueError):
        slug_notice("EXCLUSIVE")


def test_parse_notice_reads_a_slugged_headline_at_slug_position() -> None:
    notice = read("CORRECTED-Pakistan says 145 militants killed", "slug")
    assert (notice.kind, notice.position, notice.text) == ("correction", "slug", "CORRECTED")


def test_parse_notice_at_slug_position_without_slug_is_none() -> None:
    assert parse_notice("Pakistan says 145 militants killed", "slug") is None


# -- the Notice object ----------------------------------------------------------------


def test_targets_are_deduplicated_in_order() -> None:
    notice = read("(Updates paragraph 3, corrects paragraph 3, adds byline)")
    assert len(notice.claims) == 3
    assert notice.targets == (Target("body", 3), Target("byline"))


def test_notice_keeps_its_text_and_position() -> None:
    notice = read("  (Corrects byline)\n", "bottom")
    assert (notice.text, notice.position) == ("(Corrects byline)", "bottom")


def test_unknown_position_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_notice("(Corrects byline)", "middle")


def test_real_reuters_seed_notice_claims_a_headline_fix() -> None:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip("shared seeds not present")
    first_line = seeds[0].read_text(encoding="utf-8").splitlines()[0]
    notice = read(first_line)
    assert notice.kind == "correction"
    assert [t.section for t in notice.targets] == ["headline"]


# -- properties ---------------------------------------------------------------------

_FRAGMENTS = st.sampled_from([
    "(", ")", "Corrects", "Updates", "Adds", "Refiles", "Repeats", "Clarifies", "Removes", "Recasts",
    "to", "show", "add", "fix", "with", "paragraph", "paragraphs", "para", "3", "third", "3rd", "and",
    ",", ";", ".", "not", "from", "in", "headline", "byline", "dateline", "caption", "name", "spelling",
    "of", "typo", "was", "It", "Correction:", "Editor's note:", "Update, Feb 2:", "An earlier version",
    "of this article", "This story has been", "corrected", "updated", "incorrectly said", "misstated",
    "25 basis points", "50", "Tuesday", "rather than", "-", "twentieth", "credits", "lede",
])


@settings(derandomize=True, max_examples=500, deadline=None)
@given(st.text())
def test_parse_and_is_notice_never_raise_on_any_text(text: str) -> None:
    assert isinstance(is_notice(text), bool)
    for position in ("top", "bottom", "slug"):
        notice = parse_notice(text, position)
        assert notice is None or isinstance(notice, Notice)


@settings(derandomize=True, max_examples=500, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=25).map(" ".join))
def test_notice_like_text_never_raises_and_parse_agrees_with_is_notice(text: str) -> None:
    notice = parse_notice(text)
    assert (notice is not None) == is_notice(text)
    if notice is not None:
        assert notice.kind in KINDS
        assert all(c.target.section in SECTIONS and c.action in ACTIONS for c in notice.claims)


def test_paragraph_then_to_value_is_not_a_paragraph_range():
    n = parse_notice("(Corrects death toll in paragraph 2 to 17, not 19)")
    assert n is not None and len(n.claims) == 1
    claim = n.claims[0]
    assert (claim.target.section, claim.target.paragraph, claim.target.subject) == ("body", 2, "figure")
    assert (claim.new_value, claim.old_value) == ("17", "19")


def test_plural_paragraphs_to_is_a_range():
    n = parse_notice("(Corrects paragraphs 3 to 5 to fix typos)")
    assert n is not None
    assert [t.paragraph for t in n.targets] == [3, 4, 5]
