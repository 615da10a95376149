"""Names in rewritten copy as an editor reads them (issue 16, item 2), each pattern pinned
with invented copy: a headline rewritten about other things, a person identified inside a
long clause, the speaker of a quote changed, a place cut to its head word, a detail after a
colon, one body named with or without its country or its kind, a syllable of a hyphened
given name, a name glued to the next word;
and the property that a name standing on both sides is never reported changed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner.flags import Flag, flag_texts

BODY = "\nOSTRA, June 2 (Meridian) – The harbour board met on Monday, Varo Tesk said.\n"


def _flags(old: str, new: str) -> list[Flag]:
    return list(flag_texts(old, new))


def _named(flags: list[Flag]) -> bool:
    """Does any flag say a name changed (a name flag, or a headline naming one in its facts)?"""
    return any(f.type == "name" or "name" in f.facts for f in flags)


# -- a headline rewritten about other things ----------------------------------------------

def test_a_headline_rewritten_with_other_names_is_no_name_change() -> None:
    # a live page's headline moves on to the next event: one sentence for another
    flags = _flags("Harbour chiefs weigh post-Easter Dellmar curfew" + BODY,
                   "Ostra follows Varossa with limits from Midsummer Day" + BODY)
    assert flags and not _named(flags), flags
    flags = _flags("Tesk wins season-ending Harbour Regatta" + BODY,
                   "Tesk holds off Marrow to win Coastal Cup title" + BODY)
    assert flags and not _named(flags), flags


def test_names_only_taken_out_of_a_rewritten_headline_still_un_name_someone() -> None:
    # no name put in their place: the people the headline named are gone from it
    body = "\nOSTRA, June 2 (Meridian) – The minister spoke on Monday.\n"
    flags = _flags("Minister: when Dorrin Mak and Kasmir Velt meet, we can stop it" + body,
                   "Minister: meetings between two convicted men can sometimes be stopped" + body)
    assert _named(flags), flags


def test_one_name_for_another_in_a_short_phrase_is_still_a_name_change() -> None:
    flags = _flags("Tesk wins Harbour Regatta in Ostra" + BODY, "Tesk wins Harbour Regatta in Dellmar" + BODY)
    assert _named(flags), flags


# -- a person identified inside a long clause ----------------------------------------------

def test_a_name_in_a_short_phrase_put_in_place_of_a_long_clause_is_a_name_change() -> None:
    head = "Port fees rose after a memo\n"
    old = head + "The board was asked about a memo sent by a Harrow manager about higher fees.\n"
    new = head + ("The board was asked about a memo sent two years ago by Ida Marsh, who now runs the "
                  "docks for Keel Logistics, which owns the cranes, about higher fees.\n")
    assert _named(_flags(old, new)), _flags(old, new)


def test_the_speaker_of_a_quote_changed_in_a_long_clause_is_no_name_change() -> None:
    # "X told Meridian" -> "Councillor Y, who wrote the bill ..., said": who said it (attribution)
    head = "Port fees rose after a memo\n"
    old = head + "Harrow told Meridian she sees why the board would want to guard the name.\n"
    new = head + ("Councillor Ida Marsh, who wrote the bill to rename the Dellmar quay, said she sees "
                  "why the board would want to guard the name.\n")
    flags = _flags(old, new)
    assert not _named(flags), flags


# -- one place or body named short or another way -----------------------------------------

def test_a_place_built_on_of_cut_to_its_head_word_is_the_same_place() -> None:
    head = "Drilling resumes offshore\n"
    for old, new in (("It is the first rig since the 2011 spill in the Gulf of Varossa.",
                      "It is the first rig in the Gulf since the 2011 spill."),
                     ("Students at the University of Dellmar protested.", "Students at the University protested.")):
        flags = _flags(head + old + "\n", head + new + "\n")
        assert flags and not _named(flags), (old, new, flags)


def test_a_body_named_with_and_without_its_country_or_its_kind_is_the_same_body() -> None:
    head = "Refunds rise\n"
    flags = _flags(head + "Refunds averaged $310, according to the US Exchequer.\n",
                   head + "Refunds averaged $310, according to the Exchequer Department.\n")
    assert not _named(flags), flags


def test_one_country_for_another_before_a_body_is_still_a_name_change() -> None:
    head = "Refunds rise\n"
    flags = _flags(head + "Refunds averaged $310, the US Exchequer said.\n",
                   head + "Refunds averaged $310, the UK Exchequer said.\n")
    assert _named(flags), flags


def test_a_name_opening_a_clause_after_a_colon_is_a_detail_not_a_person_described() -> None:
    # the word before the colon ends another clause: it does not describe the name
    flags = _flags("A port at a standstill" + BODY, "A port at a standstill: Dellmar as you have never seen it" + BODY)
    assert flags and not _named(flags), flags


# -- one word of a name, and words a page glued to it ---------------------------------------

def test_a_syllable_fixed_in_a_hyphened_given_name_is_the_spelling_of_a_name() -> None:
    head = "Court rules on decree\n"
    flags = _flags(head + "The judge named the party leader Pak Sung-hoo in the ruling.\n",
                   head + "The judge named the party leader Pak Sung-hoon in the ruling.\n")
    assert [f.reason for f in flags if f.type == "name"] == [
        "spelling of a name: Pak Sung-hoo -> Pak Sung-hoon (one letter)"], flags


def test_a_participle_hyphened_to_a_name_is_no_part_of_it() -> None:
    head = "Court rules on decree\n"
    flags = _flags(head + "The Ida Marsh-led panel met.\n", head + "The Ida Marsh-backed panel met.\n")
    assert not _named(flags), flags


def test_a_place_and_its_people_are_one_name_but_a_name_and_another_ending_in_n_are_two() -> None:
    head = "Talks resume\n"
    assert not _named(_flags(head + "Envoys from Varossa met.\n", head + "Varossan envoys met.\n"))
    flags = _flags(head + "The envoy Dae Jo spoke.\n", head + "The envoy Dae Jon spoke.\n")
    assert _named(flags), flags


def test_a_name_glued_to_the_next_word_by_markup_is_no_name_changed() -> None:
    head = "Court rules on decree\n"
    flags = _flags(head + "On May 2, Marshdeclared a curfew in the port.\n",
                   head + "On May 2, Marsh, 61,declared a curfew in the port.\n")
    assert not _named(flags), flags
    # two ordinary words run together after the name, put apart again with a long clause
    flags = _flags(head + "Marshsaidin a statement that the port would reopen.\n",
                   head + "Port chief Ida Marsh said on the radio that she was sure, after weeks of talks with the "
                          "unions and the board, that the port would reopen.\n")
    assert not any(f.type == "name" and "Marshsaidin" in f.reason for f in flags), flags


# -- property: a name on both sides is never reported changed -----------------------------

_NAMES = ["Sen. Ann Lee", "Acme Steel", "Dellmar", "Varo Tesk", "the U.N.", "Harbour Safety Office", "Ida Marsh"]
_VERBS = ["met", "called", "thanked", "blamed"]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.permutations(_NAMES), st.integers(2, 4), st.sampled_from(_VERBS), st.sampled_from(_VERBS),
       st.booleans())
def test_a_name_on_both_sides_is_never_reported_changed(order: list[str], k: int, verb_old: str, verb_new: str,
                                                         in_headline: bool) -> None:
    names = order[:k]
    old = f"{names[0]} {verb_old} " + " and ".join(names[1:]) + " on Monday after the vote."
    new = "After the vote on Monday, " + " and ".join(reversed(names[1:])) + f" were {verb_new} by {names[0]}."
    if in_headline:
        old, new = old + BODY, new + BODY
    else:
        old, new = "Harbour talks go on\n" + old + "\n", "Harbour talks go on\n" + new + "\n"
    flags = _flags(old, new)
    assert not _named(flags), (old, new, flags)


# -- a name used as a modifier of a common noun ----------------------------------------------

def test_a_name_put_in_as_a_modifier_of_a_common_noun_is_a_detail() -> None:
    # a proper adjective or a place before a common noun says what kind of thing, not who
    flags = _flags("Tesk misses out on podium" + BODY, "Tesk misses out on Varossan medal" + BODY)
    assert not _named(flags), flags
    head = "Tesk sets a record\n"
    flags = _flags(head + "Varo Tesk set a record for wins in a row.\n",
                   head + "Varo Tesk set the Coastline 1 record for wins in a row.\n")
    assert not _named(flags), flags
    flags = _flags(head + "Varo Tesk was found dead on Sunday.\n",
                   head + "Varo Tesk was found dead in his Dellmar hometown on Sunday.\n")
    assert not _named(flags), flags


def test_a_name_that_heads_its_phrase_is_still_a_name() -> None:
    head = "Tesk sets a record\n"
    # a body after "the" that then acts ("the Pentagon said") is who, not what kind
    flags = _flags("Fees rise after vote" + BODY, "Fees rise after the Varossa Authority voted" + BODY)
    assert _named(flags), flags
    # one modifier put in place of another is a name changed ("the Ostra company" -> "the Dellmar company")
    flags = _flags(head + "Varo Tesk joined the Ostra company in May.\n",
                   head + "Varo Tesk joined the Dellmar company in May.\n")
    assert _named(flags), flags
    # copy not in English: no English word order to read a modifier by
    flags = _flags("Tesk mist podium" + BODY, "Tesk mist de Varossaanse medaille" + BODY)
    assert _named(flags), flags
