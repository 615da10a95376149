"""Shortcuts taken for speed in the name rules (issue 16) give what the plain way
gives: property tests against the plain computation each one replaces."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from versioner import articlenames, namechanges, names
from versioner.articlenames import _WORD, ArticleNames, _mentions_word, mentions
from versioner.namechanges import reads_english
from versioner.names import FUNCTION_WORDS, is_ordinary, plain

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


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(_NAMES, _TEXTS)
@example("Government", "Gov'.t said")  # two marks running on inside a word
def test_a_name_written_short_is_found_from_the_marks_as_by_reading_every_word(name: str, text: str) -> None:
    assert names.contracted_in(name, text) == _contracted_in_plain(name, text)


@settings(derandomize=True, max_examples=1000, deadline=None)
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


def _glued_plain(name: str, other: str, known: ArticleNames | None = None) -> bool:
    """namechanges._glued() as it read the word's splits for every question."""
    word = plain(name.split()[-1]) if name.split() else ""
    apart: bool | None = None
    for k in range(len(word) - 1, 2, -1):
        head, tail = word[:k], word[k:]
        if tail.islower() and (tail in FUNCTION_WORDS or namechanges._ordinary_run(tail) or (
                len(tail) >= namechanges._GLUED_WORD and is_ordinary(tail) and _mentions_word(other, tail, known))):
            if apart is None:
                apart = not _mentions_word(other, word, known)
            if apart and (_mentions_word(other, head, known) or head.lower() in namechanges._CALENDAR):
                return True
    m = re.fullmatch(r"([A-Z][a-z]+)([A-Z]\w{2,})", word)
    if m and m.group(1).lower() in FUNCTION_WORDS and _mentions_word(other, m.group(2), known):
        return True
    return any(word[:k].lower() in namechanges._DETERMINERS and namechanges._ordinary_run(word[k:])
               for k in range(3, min(len(word), 6)))


# names glued to small words, ordinary words and days, and the words written apart
_GLUE_PIECES = ["Lee", "Tuesday", "May", "The", "House", "This", "bill", "to", "on", "signed", "said", "in",
                "son", "John", "man", "Gold", "Leesigned", "Leesaidin", "TheHouse", "Thebillto", "Tuesdayon",
                "Mayon", "Johnson", "Goldman", "Lee's", "Ann", "house", "house's", " ", " ", "\n", ".", "'s"]
_GLUE_TEXT = st.lists(st.sampled_from(_GLUE_PIECES), max_size=10).map("".join)


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.one_of(_GLUE_TEXT, st.text(max_size=12)), st.one_of(_GLUE_TEXT, st.text(max_size=20)), st.booleans())
@example("Leehouse's's", "Lee said", False)  # a tail that must stand apart in the other revision
@example("LeeHouse", "the House voted", False)  # a name glued to a name, not to a small word
def test_a_name_glued_to_a_word_is_read_off_its_splits_as_by_reading_it_anew(name: str, other: str,
                                                                               known: bool) -> None:
    names_of = ArticleNames(other, "x") if known else None
    assert namechanges._glued(name, other, names_of) == _glued_plain(name, other, names_of)


def _demonym_noun_plain(name: str, text: str) -> bool:
    """names.demonym_noun() as it found the name before reading its ending."""
    if " " in name:
        return False
    at = text.find(name)
    if at < 0 or (at + len(name) < len(text) and names._word_char(text[at + len(name)])):
        return False
    m = names._WORD_BEFORE.search(text[max(0, at - 20):at])
    before = m.group(1).lower() if m and not text[:at].rstrip().endswith((".", ":", ";")) else ""
    if names._DEMONYM_PLURAL.match(name):
        return True
    if before in ("a", "an"):
        return names._DEMONYM_ONE.match(name) is not None
    return before == "the" and names._DEMONYM_PEOPLE.match(name) is not None


_DEMONYM_PIECES = ["Canadians", "Canadian", "a", "an", "the", "The", "Dutchman", "Irish", "Japanese", "Morgan",
                   "Guardian", "Kenyan", "Kenyans", "Englishwomen", "Lee", " ", " ", ".", ":", "\n", "won", "s"]
_DEMONYM_TEXT = st.lists(st.sampled_from(_DEMONYM_PIECES), max_size=10).map("".join)


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.one_of(st.sampled_from(_DEMONYM_PIECES), _DEMONYM_TEXT, st.text(max_size=10)),
       st.one_of(_DEMONYM_TEXT, st.text(max_size=20)))
@example("Danish", "the Danish won")  # a whole people's name: neither ending of one nor of many
def test_a_name_with_no_demonym_ending_is_let_go_at_once_as_by_reading_around_it(name: str, text: str) -> None:
    assert names.demonym_noun(name, text) == _demonym_noun_plain(name, text)


def _alias_stands_plain(name: str, text: str) -> bool:
    """namechanges._alias_stands() as it read every pair for each name."""
    key = namechanges._untitled(name).lower()
    return any(mentions(text, b if a.lower() == key else a) for a, b in articlenames._ALIAS_PAIRS
               if key in (a.lower(), b.lower()))


_ALIAS_WORDS = sorted({w for pair in articlenames._ALIAS_PAIRS for w in pair})
_ALIAS_TEXT = st.lists(st.tuples(st.sampled_from([*_ALIAS_WORDS, "Mr", "the"]), st.sampled_from([" ", ", ", "'s ", ""])),
                       max_size=8).map(lambda words: "".join(w + sep for w, sep in words))


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.one_of(st.sampled_from(_ALIAS_WORDS), st.sampled_from(_ALIAS_WORDS).map(str.upper),
                 st.sampled_from(_ALIAS_WORDS).map("Mr {}'s".format), st.text(max_size=8)), _ALIAS_TEXT)
@example("Washington", "the US said")  # a name of several pairs, its first other name written
def test_a_body_named_by_its_other_name_is_looked_up_as_by_reading_every_pair(name: str, text: str) -> None:
    assert namechanges._alias_stands(name, text) == _alias_stands_plain(name, text)
