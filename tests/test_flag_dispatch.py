"""The flag stage's dispatch shortcuts: each rule a cheap screen skips is one that would
have found nothing, held on random texts and hunks to the plain computation (every rule
asked)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import flags, headlinewords
from versioner.nameidentified import identified

PROPERTY = settings(derandomize=True, max_examples=400, deadline=None)

# pieces of a sentence that names someone, or nearly does
_WORDS = st.sampled_from(["the victim", "him", "her", "police", "said", ",", "17", "as", "Ann", "Lee", "B.", "de",
                          "Vries"])
_VERBS = st.sampled_from(["identified", "named", "Identified", "Named", "renamed", "identifie", "nam ed",
                          "ident ified", "called"])


@st.composite
def _identifying(draw: st.DrawFn) -> str:
    """A text that may give someone a name: words, a verb, a few words, "as", a name."""
    def words(n: int) -> list[str]:
        return draw(st.lists(_WORDS, max_size=n))
    return " ".join([*words(3), draw(_VERBS), *words(3), *draw(st.sampled_from([["as"], []])),
                     *draw(st.sampled_from([["Ann", "Lee"], ["Ann", "B.", "Lee"], ["Ann"], ["ann", "lee"]])),
                     *words(3)])


@PROPERTY
@given(_identifying())
def test_a_paragraph_the_identify_screen_passes_over_identifies_no_one(text: str) -> None:
    if not flags._may_identify(text):
        assert identified(text) == []


# words before numbers: hedges and their last words, in any case, signs, spaces of all kinds
_BEFORE_NUMBERS = st.lists(st.sampled_from([
    "over", "Over", "than", "THAN", "more than", "about", "n", "to", "x", "nover", "ſome", "über", "_", "a_b",
    " ", "  ", "\n", "\xa0", "\u2003", "$", "€", "-", "5", "18,000", "٣", "²", "a5", ".",
]), max_size=8).map("".join)


# the plain reading: a word right before a number (a sign may stand between), matched whole
_WORD_BEFORE_NUMBER = re.compile(r"\b\w+(?=\s+\D?\d)")


def _may_hold_hedge_plain(text: str) -> bool:
    last = headlinewords._hedge_last_word()
    return any(last.fullmatch(m.group()) for m in _WORD_BEFORE_NUMBER.finditer(text))


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(st.one_of(_BEFORE_NUMBERS, st.text(max_size=30)))
def test_the_words_before_numbers_read_backwards_are_those_the_pattern_reads(text: str) -> None:
    assert headlinewords._may_hold_hedge(text) == _may_hold_hedge_plain(text)


# words that make each rule fire: a typo fixed, a verb made to agree or put in another
# tense, an apostrophe in a name, a word repeated, an article or "on" alone, names
_RULE_WORDS = st.sampled_from([
    "opertor", "operator", "shows", "show", "ended", "ends", "closes", "closed", "ONeill", "O'Neill",
    "Markaydon", "Mar'Kaydon", "teh", "the", "a", "on", "Monday", "Ann", "Lee", "Leeds", "police", "said",
    "told", "not", "17", "officers", "protesters", "Acme", "Acne", "the the", "people",
])


@st.composite
def _hunk_texts(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """A paragraph's words before and after an edit, and the edit's two sides: one word
    for another, one put in or taken out, or any few words for any few."""
    def words(n: int) -> str:
        return " ".join(draw(st.lists(_RULE_WORDS, max_size=n)))
    shape = draw(st.sampled_from(["pair", "one for one", "one in", "one out", "any"]))
    one = draw(_RULE_WORDS).split()[0]
    pair = draw(st.sampled_from(_PAIRS))
    old, new = {"pair": pair if draw(st.booleans()) else pair[::-1], "one for one": (one, draw(_RULE_WORDS).split()[0]),
                "one in": ("", one), "one out": (one, ""), "any": (words(3), words(3))}[shape]
    return words(4), old, new, words(4)


# one word for another that a one-word rule reads (typo, agreement, tense, apostrophe, name)
_PAIRS = [("opertor", "operator"), ("shows", "show"), ("ended", "ends"), ("closes", "closed"),
          ("ONeill", "O'Neill"), ("Markaydon", "Mar'Kaydon"), ("teh", "the"), ("Acme", "Acne"), ("Lee", "Lea")]


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_hunk_texts(), st.booleans(), st.booleans())
def test_a_hunk_dispatched_on_its_shape_and_capitals_is_classified_as_by_every_rule(
        texts: tuple[str, str, str, str], headline: bool, article: bool) -> None:
    from versioner import hunk, hunkrules, namechanges
    from versioner.diff import Op
    from versioner.model import Section

    before, old, new, after = texts
    ops = [Op("equal", before + " "), Op("delete", old), Op("insert", new), Op("equal", " " + after)]
    ops = [op for op in ops if op.text.strip() or op.tag == "equal"]
    section = Section.HEADLINE if headline else Section.BODY
    everything = hunkrules.Screen(*[True] * len(hunkrules.Screen._fields))
    for h in hunk.hunks(ops, headline):
        names = namechanges.ArticleNames(h.old_text, h.new_text) if article else None
        dispatched = hunkrules.classify(h, [], [], False, section, 1, names)
        real_screen = hunkrules._screen
        hunkrules._screen = lambda *_: everything  # type: ignore[assignment]
        try:
            every_rule = hunkrules.classify(h, [], [], False, section, 1, names)
        finally:
            hunkrules._screen = real_screen
        assert dispatched == every_rule


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["17", "%", ".", "million", "the", "km", "a", " ", "x", "Mar", "²", "é", "th"]),
                max_size=8).map("".join), st.integers(-3, 30), st.integers(0, 4), st.integers(0, 6), st.booleans())
def test_the_ends_before_an_edit_screened_in_one_call_are_screened_as_one_by_one(
        text: str, pos: int, lo: int, before: int, bounded: bool) -> None:
    from versioner.figurespans import may_end_figure, may_end_figure_within

    pos = min(pos, len(text))
    hi = pos if bounded else None
    one_by_one = any(may_end_figure(text, end, lo, hi) for end in range(pos - before, pos + 1))
    assert may_end_figure_within(text, pos - before, pos, lo, hi) == one_by_one


@settings(derandomize=True, max_examples=500, deadline=None)
@given(_hunk_texts(), _hunk_texts(), st.booleans(), st.booleans())
def test_a_hunk_that_names_no_one_changes_no_name(old: tuple[str, ...], new: tuple[str, ...], headline: bool,
                                                   article: bool) -> None:
    # classify asks changed_names only of a hunk with names: of none it finds none changed
    from versioner.namechanges import ArticleNames, changed_names
    from versioner.reading import read

    old_text, new_text = " ".join(old), " ".join(new)
    known = ArticleNames(old_text, new_text) if article else None
    assert changed_names([], [], read(old_text, headline), read(new_text, headline), known) == ([], [])
