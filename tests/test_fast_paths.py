"""Shortcuts taken for speed (issue 16) give what the plain way gives: property tests
against the plain computation each one replaces."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import figures as figures_module
from versioner import namechanges
from versioner import names as names_module
from versioner import reading as reading_module

# words and marks that start figures or stand around them, mixed with any text
_PIECES = st.lists(st.sampled_from([
    " ", "  ", "\n", "\t", "\xa0", ", ", ". ", "-", "–", "—", "“", "”", "'", "’", "(", ":", "%", "$", "£", "€",
    "5", "17", "1,200", "4.5", "a", "an", "A", "An", "hundred", "Mar", "March", "Twenty", "twenty",
    "US$", "U.S.", "Rs", "HK$", "between", "half", "Half", "third", "word", "Lee", "the", "zes", "Sept",
]), max_size=40).map("".join)
_TEXT = st.one_of(_PIECES, st.text(max_size=60))


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_TEXT, st.integers(0, 70), st.integers(0, 70))
def test_candidate_starts_between_are_those_of_the_whole_text(text: str, lo: int, width: int) -> None:
    end = lo + width
    whole = figures_module._candidate_starts(text)
    assert figures_module._candidate_starts_between(text, lo, end) == [s for s in whole if lo <= s < end]


def _plain_reference(word: str) -> str:
    for end in ("'s", "’s", "'", "’"):
        if word.endswith(end) and len(word) > len(end):
            return word[: -len(end)]
    return word


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=6), st.sampled_from(["Lee's", "Lee’s", "Jones'", "s", "'s", "'", "’", ""])))
def test_plain_with_its_last_letter_shortcut_drops_what_it_did(word: str) -> None:
    assert names_module.plain(word) == _plain_reference(word)


# the capitalised-word pattern as it was written first: the look back before the capital
_CAP_TOKEN_PLAIN = re.compile(r"(?<![\w'’])(?:[A-Z][a-z]?\.(?:[A-Za-z][a-z]?\.)+|[A-Z]\w*(?:['’]\w+)*)")


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(["U.S.", "Ph.D.", "Ann", "Lee's", "O’Neill", "a", "A", "x_Y", "É", "'", "’", " ",
                                           "-", ".", "\n", "B.", "u.S", "7"]), max_size=20).map("".join),
                 st.text(max_size=40)), st.integers(0, 40))
def test_capital_words_found_with_the_capital_first_are_those_found_before(text: str, lo: int) -> None:
    assert ([m.span() for m in reading_module._CAP_TOKEN.finditer(text, lo)]
            == [m.span() for m in _CAP_TOKEN_PLAIN.finditer(text, lo)])


_ARTICLE = st.lists(st.sampled_from(["Lee", "Lee's", "lee", "Ann", "'", "’", " ", "\n", ". ", ", ", "x", "The", "(",
                                     "Leeds", "O'Lee", "said", "\u00a0", "—"]), max_size=25).map("".join)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_ARTICLE, _ARTICLE, st.sampled_from(["Lee", "Ann", "The", "Leeds", "x", "O'Lee"]))
def test_article_names_read_under_the_first_line_in_place_as_from_a_copy(old: str, new: str, word: str) -> None:
    # what ArticleNames read when it cut each revision's first line off
    copied = any(namechanges._named_in(text.partition("\n")[2], word) for text in (old, new))
    assert (word in namechanges.ArticleNames(old, new)) == copied
