"""Shortcuts taken for speed in the name rules (issue 16) give what the plain way
gives: property tests against the plain computation each one replaces."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import names
from versioner.articlenames import _WORD
from versioner.namechanges import reads_english

_WORD_WITH_MARKS = re.compile(r"\w[\w'’.]*\w|\w")


def _contracted_in_plain(name: str, text: str) -> bool:
    """contracted_in() as it asked every word of the text both ways round."""
    if " " in name.strip():
        return False
    return any(names.contracted(name, w) or names.contracted(w, name) for w in _WORD_WITH_MARKS.findall(text)
               if w[:1].lower() == name[:1].lower())


# words spelt out and written short, with marks and possessives around them, apart or
# run together
_WORDS = ["Singaporeans", "S'poreans", "S’poreans", "Govt.", "Government", "govt", "Gt", "G.t", "U.S.", "US",
          "Lee's", "officers'", "Lee", "L.ee", "a", "S", "s", "x2", "2.5", "é", "É", "_"]
_WRAPPED = st.tuples(st.sampled_from(["", "", "'", "’", ".", "'.", "‘"]), st.sampled_from(_WORDS),
                     st.sampled_from(["", "", "'", "’", ".", "'s", "’s", ".'", "..."])).map("".join)
_TEXTS = st.one_of(
    st.lists(st.tuples(_WRAPPED, st.sampled_from([" ", " ", "\n", "", "-", ", "])).map("".join), max_size=8).map("".join),
    st.text(alphabet="aSsGg'’. _\n2é", max_size=20), st.text(max_size=20))
# one word spelt out and written short, one of them the name, the other in the text
_PAIRS = [("Singaporeans", "S'poreans"), ("Singaporeans", "S’poreans"), ("Government", "Govt."),
          ("Government", "Gov't"), ("Great", "G.t"), ("Lee", "L.e"), ("Lee", "Lee's"), ("officers", "officers'")]


@st.composite
def _name_and_text(draw: st.DrawFn) -> tuple[str, str]:
    full, short = draw(st.sampled_from(_PAIRS))
    name, other = draw(st.permutations([full, short]))
    wrap = st.sampled_from(["", "'", "’", ".", "'.", "‘", "'s", "_", "x"])
    text = draw(_TEXTS) + draw(st.sampled_from([" ", "", "\n"])) + draw(wrap) + other + draw(wrap) + draw(_TEXTS)
    return draw(st.sampled_from([name, name.upper(), name.lower(), " " + name])), text


_NAMES = st.one_of(st.sampled_from(_WORDS), _WRAPPED, st.text(alphabet="aSsGg'’. _2é", max_size=8), st.text(max_size=8))


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(_NAMES, _TEXTS)
def test_a_name_written_short_is_found_from_the_marks_as_by_reading_every_word(name: str, text: str) -> None:
    assert names.contracted_in(name, text) == _contracted_in_plain(name, text)


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(_name_and_text())
def test_a_name_written_short_beside_marks_is_found_as_by_reading_every_word(case: tuple[str, str]) -> None:
    name, text = case
    assert names.contracted_in(name, text) == _contracted_in_plain(name, text)


def _reads_english_plain(text: str) -> bool:
    words = [w for w in _WORD.findall(text[:2000]) if w.islower() and w.isalpha() and len(w) > 2]
    return not words or 2 * sum(map(names.is_ordinary, words)) >= len(words)


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(["the", "council", "zzqx", "voted", "Lee", "s", "’s", "ſome", "straße",
                                           " ", "\n", "-", "'"]), max_size=12).map("".join),
                 st.text(max_size=30)))
def test_english_is_read_off_the_word_list_at_once_as_word_by_word(text: str) -> None:
    reads_english.cache_clear()
    assert reads_english(text) == _reads_english_plain(text)
