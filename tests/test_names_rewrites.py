"""Names in rewritten copy as an editor reads them (issue 16, item 2), each pattern pinned
with invented copy: a headline rewritten about other things, a person identified inside a
long clause, the speaker of a quote changed, a place cut to its head word, a detail after a
colon, a descriptor of people restyled inside a capitalised phrase, one body named two ways;
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
