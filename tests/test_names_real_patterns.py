"""Name flags in the patterns real revision histories show (issue 16), each pinned with
invented copy in the same shape: headline-only stories in another language, a pronoun
for a name, a detail added beside words that stand, a body and its initials, markup
gluing words, a source's aside, a clause rewritten around its names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from versioner.flags import ArticleNames, Flag, flag_texts
from versioner.hunknames import hunk_names
from versioner.reading import read

HEAD = "Dock workers in Ostra vote to strike\nOSTRA, June 2 (Meridian) – Dock workers voted on Monday.\n"


def _all(old_para: str, new_para: str, head: str = HEAD) -> list[Flag]:
    return list(flag_texts(head + old_para + "\n", head + new_para + "\n"))


def _names(flags: list[Flag]) -> list[Flag]:
    return [f for f in flags if f.type == "name"]


# -- headline-only stories (a feed that carries the headline alone) ----------------------
# Invented words stand for copy in a language other than English: no word list says
# which of its words are ordinary, so only the way the headline capitalises tells.

def test_names_swapped_in_a_sentence_case_headline_in_another_language_are_a_name_change() -> None:
    old = "Voetbalclub Ostra haalt verdediger Dorrin Mak op bij Varossa"
    new = "Voetbalclub Ostra haalt verdediger Kasmir Velt op bij Varossa"
    flags = _names(list(flag_texts(old, new)))
    assert flags and "Dorrin Mak" in flags[0].reason and "Kasmir Velt" in flags[0].reason, flags


def test_an_acronym_opening_a_headline_in_another_language_is_a_name() -> None:
    old = "Speurders volgen kwamse opkomst van brandjes nauwelijks"
    new = "VKR volgt kwamse opkomst van brandjes nauwelijks"
    assert [f.reason for f in _names(list(flag_texts(old, new)))] == ["name added: VKR"]


def test_a_capital_opening_a_title_case_headline_is_still_no_name() -> None:
    # title case capitalises every longer word: no capital in it is evidence of a name
    flags = flag_texts("Storm Closes Harbour As Winds Rise", "Storm Closes Airport As Winds Rise")
    assert not _names(list(flags)), flags


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.permutations(["Dorrin Mak", "Ostra", "Kasmir Velt", "VKR"]), st.integers(1, 4),
       st.sampled_from(["haalt", "verliest", "zoekt"]), st.sampled_from(["haalt", "verliest", "zoekt"]))
def test_a_name_on_both_sides_of_a_headline_only_story_is_never_changed(
        order: list[str], k: int, verb_old: str, verb_new: str) -> None:
    names = order[:k]
    old = f"Trainer van {names[0]} {verb_old} spelers " + " en ".join(names[1:]) + " terug"
    new = f"Trainer {verb_new} " + " en ".join(reversed(names)) + " nauwelijks terug"
    flags = _names(list(flag_texts(old, new)))
    assert not flags, (old, new, flags)


# -- body copy ---------------------------------------------------------------------------

def test_a_pronoun_put_in_place_of_a_name_is_no_respelled_name() -> None:
    head = HEAD + "The chef Mara Vellin quit on Friday.\n"
    flags = _all("His resignation came as the new kitchen opened.", "Vellin’s resignation came as the new kitchen opened.",
                 head)
    assert not _names(flags), flags


def test_a_place_or_a_body_only_added_beside_words_that_stand_is_a_detail() -> None:
    for old, new in (("Floods hit towns across the north.", "Floods hit towns across the north and in Dellmar."),
                     ("The deal funds the rest of the ministry.",
                      "The deal funds the rest of the ministry, including the Harbour Safety Office.")):
        flags = _all(old, new)
        assert not _names(flags) and [str(f.type) for f in flags] == ["wording"], (old, new, flags)


def test_a_name_put_in_a_list_of_places_or_one_spelling_out_a_group_is_a_detail() -> None:
    # a preposition of place governs the list, or a colon opens it after the group it spells out
    for old, new in (("The rules apply in Ostra and Vell.", "The rules apply in Ostra, Vell and Dorn."),
                     ("Residents of Ostra and Vell must leave.", "Residents of Ostra, Vell and Dorn must leave."),
                     ("He named the crew: Ann Lee and Tom Berg.", "He named the crew: Ann Lee, Tom Berg and Ida Marsh.")):
        flags = _all(old, new)
        assert not _names(flags) and any(f.reason.startswith("detail added") for f in flags), (old, new, flags)


def test_one_more_person_put_in_a_list_of_those_who_acted_is_a_name_added() -> None:
    # the list opens its sentence, or follows a verb: its names are who acted, not where
    for old, new in (("Reps. Ann Lee and Tom Berg called for a vote.",
                      "Reps. Ann Lee, Tom Berg and Ida Marsh called for a vote."),
                     ("Sen. Ann Lee of Ostra and Tom Berg of Vell want a vote.",
                      "Sen. Ann Lee of Ostra, Tom Berg of Vell and Ida Marsh of Dorn want a vote."),
                     ("The plan was backed by Ann Lee and Tom Berg.", "The plan was backed by Ann Lee, Tom Berg and Ida Marsh.")):
        flags = _all(old, new)
        assert [f.reason for f in _names(flags)] == ["name added: Ida Marsh" + (" of Dorn" if "Dorn" in new else "")], \
            (old, new, flags)


def test_a_person_identified_where_the_text_described_them_stays_a_name() -> None:
    flags = _all("The health minister resigned on Friday.", "The health minister Lena Dragan resigned on Friday.")
    assert [f.reason for f in _names(flags)] == ["name added: Lena Dragan"], flags


def test_a_body_spelt_out_where_the_article_wrote_its_initials_is_the_same_body() -> None:
    head = HEAD + "The US said talks would go on.\n"
    flags = _all("Talks began after the US and Ostra met.", "Talks began after the United States and Ostra met.", head)
    assert not _names(flags), flags
    head = HEAD + "Funding for the Coastal Border Office stalled.\n"
    flags = _all("Money for the CBO ran out.", "Money for the border office ran out.", head)
    assert not _names(flags), flags


def test_a_small_word_glued_to_ordinary_words_by_markup_is_no_name() -> None:
    head = HEAD + "The House met on Monday.\n"
    flags = _all("TheHouse billto rename the port passed.", "Thebillto rename the port passed.", head)
    assert not _names(flags), flags


def test_an_apostrophe_put_inside_a_name_is_a_spelling_of_the_name() -> None:
    flags = _all("The children were Ida Pugh, 6, and Jamarcus Pugh, 10.",
                 "The children were Ida Pugh, 6, and Ja’Marcus Pugh, 10.")
    assert [(str(f.type), str(f.severity)) for f in flags] == [("name", "medium")], flags


def test_a_source_aside_taken_out_is_attribution_not_a_name() -> None:
    flags = _all("Ann Lee and Tom Berg go to a runoff, the Meridian Election Desk projects, after a close vote.",
                 "Ann Lee and Tom Berg go to a runoff, after a close vote.")
    assert not _names(flags) and [str(f.type) for f in flags] == ["attribution"], flags


def test_a_clause_rewritten_around_its_names_is_wording() -> None:
    flags = _all("The bill passed in both chambers of Parliament with hours left before the deadline.",
                 "The bill was signed into law by President Ida Marsh just hours before the deadline.")
    assert not _names(flags), flags


def test_ordinary_words_that_make_one_name_are_read_whole() -> None:
    text = "Fans queued. World Cup tickets sold out."
    assert hunk_names(read(text), 0, len(text), ArticleNames(text, text)) == ["World Cup"]


def test_a_title_case_headline_names_only_its_names_not_the_words_capitalised_with_them() -> None:
    body = "OSTRA, June 2 (Meridian) – The University of Ostra said on Monday it would change its rules.\n"
    flags = list(flag_texts("University of Ostra Will End Use of Entry Tests\n" + body,
                            "University of Ostra Will Drop Entry Tests\n" + body))
    assert [(str(f.type), str(f.severity)) for f in flags] == [("headline", "medium")], flags
    assert "name" not in flags[0].reason, flags
    text = "University of Ostra Will End Use of SAT Tests"
    known = ArticleNames(text + "\n" + body, text + "\n" + body)
    assert hunk_names(read(text, headline=True), 0, len(text), known) == ["University of Ostra", "SAT"]


# -- headlines read strictly (issue 16: a headline flag's facts) ---------------------------

_BODY = "\nThe committee met on Tuesday, Varo Tesk said, and will vote next week.\n"


def _headline_facts(old: str, new: str) -> list[tuple[str, ...]]:
    return [f.facts for f in flag_texts(old + _BODY, new + _BODY) if f.type == "headline"]


def test_a_title_alone_in_a_title_case_headline_is_no_name() -> None:
    # "... to Lead Spy Agencies" -> "... as Spy Chief": a post reworded, no one renamed
    facts = _headline_facts("Council Weighs Varo Tesk as Pick to Lead Spy Agencies",
                            "Council Panel Backs Varo Tesk as Spy Chief")
    assert facts and all("name" not in f for f in facts), facts


def test_a_demonym_restyled_in_a_headline_is_no_name_change() -> None:
    facts = _headline_facts("Leading Argentinian campaigner dies aged 93",
                            "Leading Argentine campaigner dies aged 93")
    assert facts and all("name" not in f for f in facts), facts


def test_two_first_names_that_share_a_stem_still_differ() -> None:
    flags = _names(_all("Christian Varga led the count.", "Christine Varga led the count."))
    assert flags, "a first name put right is a name change"


@pytest.mark.parametrize(("old", "new"), [
    ("Varo Tesk wins Ostra council seat in recount", "Varo Tesk wins council seat in recount"),
    ("Varo Tesk will win Ostra council seat, Meridian projects", "Varo Tesk wins Ostra council seat"),
])
def test_a_name_taken_out_of_a_headline_that_the_story_still_names_is_no_name_removed(old: str, new: str) -> None:
    body = "\nVaro Tesk won the seat after a recount in Ostra, Meridian reports.\n"
    facts = [f.facts for f in flag_texts(old + body, new + body) if f.type == "headline"]
    assert facts and all("name" not in f for f in facts), facts


def test_a_name_taken_out_of_a_headline_and_the_story_is_still_a_name_removed() -> None:
    body = "\nThe seat was won after a recount in Ostra.\n"
    old, new = "Varo Tesk wins Ostra council seat", "Newcomer wins Ostra council seat"
    facts = [f.facts for f in flag_texts(old + body, new + body) if f.type == "headline"]
    assert facts and "name" in facts[0], facts


# -- a headline written anew around names the story gives ---------------------------------

_HARBOUR_STORY = ("\nOSTRA, June 2 (Meridian) – The harbour board voted on Monday to keep the port open "
                  "after Ostra dockers struck; the plan now goes to the Dellmar Assembly, Varo Tesk said.\n")


@pytest.mark.parametrize(("old", "new"), [
    # a name taken up from the story, the rest of the headline new
    ("Harbour board votes to keep port open", "Dellmar Assembly narrowly saves port"),
    # one name left for another, each still (or already) in the story
    ("Ostra dockers strike", "Varo Tesk warns the harbour board of a long summer"),
])
def test_a_headline_written_anew_around_names_the_story_gives_is_no_name_change(old: str, new: str) -> None:
    facts = [f.facts for f in flag_texts(old + _HARBOUR_STORY, new + _HARBOUR_STORY) if f.type == "headline"]
    assert facts and all("name" not in f for f in facts), facts


def test_a_headline_written_anew_around_a_name_the_story_never_gave_is_a_name_change() -> None:
    facts = [f.facts for f in flag_texts("Harbour board votes to keep port open" + _HARBOUR_STORY,
                                         "Marrow Trust narrowly saves port" + _HARBOUR_STORY) if f.type == "headline"]
    assert facts and "name" in facts[0], facts


def test_a_name_put_in_place_of_a_description_in_a_headline_that_stands_is_a_name_change() -> None:
    # most of the headline stands: the person it described is now named in it, whatever
    # the story said already
    body = "\nOSTRA, June 2 (Meridian) – Kel Darrow, 31, kept a diary, police said.\n"
    facts = [f.facts for f in flag_texts("What the diary of the harbour arsonist reveals" + body,
                                         "What the diary of Kel Darrow reveals" + body) if f.type == "headline"]
    assert facts and "name" in facts[0], facts


def test_a_name_slotted_where_a_headline_description_moved_names_the_person() -> None:
    # the description moves to the headline's front and the person's name takes its place:
    # the headline now names them, the moved words name no one new
    body = ("\nA fire destroyed three shops in Millbrook on Friday, police said.\n"
            "Police named the suspect as Corin Vashti Dalmore, 41.\n")
    flags = flag_texts("Debts and a failed bakery: What the filings of the Millbrook arson suspect tell us" + body,
                       "Millbrook arson suspect: What the filings of Corin Vashti Dalmore tell us" + body)
    heads = [f for f in flags if f.type == "headline"]
    assert heads and "name" in heads[0].facts and "name added: Corin Vashti Dalmore" in heads[0].reason, flags
    assert "Millbrook" not in heads[0].reason, flags


def test_a_name_moved_on_in_a_list_leaves_its_slot() -> None:
    # "Vell" moves one place on in the list: no name was put in its place
    flags = _all("The rules apply in Ostra and Vell.", "The rules apply in Ostra, Vell and Dorn.")
    assert not [f for f in flags if "Vell" in f.reason], flags


def test_a_name_after_of_before_a_verb_of_saying_is_not_the_source() -> None:
    # "the family of X said": the family speaks; the words after "of" say whose it is
    flags = _all("The family of the victim said they were shocked.", "The family of Ann Lee said they were shocked.")
    assert [f.reason for f in flags] == ["name added: Ann Lee"], flags
