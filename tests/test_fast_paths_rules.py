"""Shortcuts taken for speed in the rules after the word diff (issue 16) give what the
plain way gives: property tests against the plain computation each one replaces."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import headlinewords
from versioner.figureedges import _HEDGE, same_hedge_wording

# every hedge (as written, in capitals, capitalised), words that end like one, numbers and signs
_PHRASES = sorted(_HEDGE) + [p.upper() for p in _HEDGE] + [p.capitalize() for p in _HEDGE]
_HEDGED = st.lists(st.one_of(st.sampled_from(_PHRASES), st.sampled_from([
    " ", " ", "  ", "\n", "\xa0", "-", "'", "$", "€", "5", "18,000", "x", "nover", "then", "ſome", "Kelvin",
])), max_size=10).map("".join)


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(st.one_of(_HEDGED, st.text(max_size=40)))
def test_a_headline_no_hedge_screen_lets_through_holds_no_hedge_to_reword(text: str) -> None:
    if not headlinewords._may_hold_hedge(text):
        assert same_hedge_wording(text) == text


_WORDS = st.lists(st.sampled_from(["a", "b", "c", "d", "aa", "B", ""]), max_size=8).map(sorted)


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(_WORDS, _WORDS)
def test_words_within_by_one_walk_as_by_counters(a: list[str], b: list[str]) -> None:
    assert headlinewords._within(a, b) == (not Counter(a) - Counter(b))
