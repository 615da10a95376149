"""One reading of one side of an edited paragraph: its tokens, sentence openings, quotation
spans, names and negations, made once and looked up by every flag rule (issue 16).

Every span is a half-open ``(start, end)`` range of the text, in order. A paragraph's
reading is made once (``hunk.hunks``) and handed to the rules of each of its hunks:
passed down, not cached by its text, which would hash a long paragraph and keep
readings of other pairs alive.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

from versioner.names import FUNCTION_WORDS, NAME_JOINERS, is_ordinary, is_title

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 2  # 2: a lower-case syllable hyphened to a full name is part of it ("Han Dong-hoon")

# An acronym or abbreviation with full stops is one token ("U.S.", "U.N.", "Ph.D."), and
# so is a word with inner apostrophes ("Don't", "O'Neill").
TOKEN = re.compile(r"[A-Z][a-z]?\.(?:[A-Za-z][a-z]?\.)+|\w+(?:['’]\w+)*")
# Days and months carry a capital but are dates, not names
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # in the week's order
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # in the year's order
DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
NEGATIONS = frozenset("not no never without nor none cannot neither nobody nothing".split())
_OPENERS = ".!?:“\"‘'(—–-"
_DOUBLE_QUOTES = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|«[^»]*(?:»|$)|„[^“”]*(?:[“”]|$)")
# A single-quoted phrase: the mark opens after a space or a bracket and before a word, and
# closes after a word before a non-letter; an apostrophe inside a word ("don't") does neither.
_SINGLE_QUOTES = re.compile(r"(?<![\w'’])['‘](?=\w)[^'‘’\n]{1,300}?(?<=[\w.,!?])['’](?!\w)")


class Token(NamedTuple):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str


# How far either side of a lookup the reading reads: enough for any name around it
_REACH = 60
_UPPER = re.compile("[A-Z]")
# a word with a capital (or an acronym), at a word start; the capital comes first and the
# look back after it, so that the engine skips to each capital at C speed
_CAP_TOKEN = re.compile(r"[A-Z](?<![\w'’][A-Z])(?:[a-z]?\.(?:[A-Za-z][a-z]?\.)+|\w*(?:['’]\w+)*)")
_JOINER_GAP = re.compile(r"[ -](\w+)[ -]")


_Fact = TypeVar("_Fact")


class Reading:
    """The reading of ``text``; ``headline``: every word may carry a capital.

    Each part is read once, when a rule first asks, and only as far as it asks: the
    quotation spans of the whole text, the tokens and names around each edit. A long
    paragraph with one edit is not tokenised whole. A rule's own fact about the whole
    paragraph side (``fact``) is kept with it too, so that the rule reads it once for
    all the paragraph's hunks."""

    def __init__(self, text: str, headline: bool = False) -> None:
        self.text = text
        self.headline = headline
        self._names: dict[tuple[int, int], list[Name]] = {}
        self._facts: dict[Callable[[Reading], Any], Any] = {}

    def fact(self, rule: Callable[[Reading], _Fact]) -> _Fact:
        """``rule(self)``, worked out on the first ask and looked up after: what a rule
        reads of the whole paragraph side (its quotations flattened, its words) is the
        same for every hunk of the paragraph. The value is shared: never change it."""
        try:
            value: _Fact = self._facts[rule]
        except KeyError:
            value = self._facts[rule] = rule(self)
        return value

    @functools.cached_property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        return _quote_spans(self.text)

    @functools.cached_property
    def as_sentence(self) -> Reading:
        """The same text read as a sentence (where a capital opening a word marks a
        name): a headline written in sentence case is read this way too, once."""
        return Reading(self.text) if self.headline else self

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens overlapping [start, end) (an empty range: none)."""
        lo = self._word_start(start)
        return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(self.text, lo, max(end, lo))
                if m.end() > start]

    def token_after(self, pos: int) -> Token | None:
        m = TOKEN.search(self.text, self._word_start(pos) if pos else 0)
        while m is not None and m.start() < pos:
            m = TOKEN.search(self.text, m.end())
        return Token(m.start(), m.end(), m.group()) if m else None

    def token_before(self, pos: int) -> Token | None:
        found = [m for m in TOKEN.finditer(self.text, max(0, pos - _REACH), pos) if m.end() <= pos]
        return Token(found[-1].start(), found[-1].end(), found[-1].group()) if found else None

    def opens(self, tok: Token) -> bool:
        """Does ``tok`` open a sentence (or the text, or any word of a headline)?"""
        return self.headline or _opens(self.text, tok.start, self.token_before)

    def in_quotes(self, start: int, end: int) -> bool:
        """Does [start, end) touch the inside of a quotation?"""
        i = bisect.bisect_left(self.quotes, (max(end, start + 1),))
        return i > 0 and self.quotes[i - 1][1] > start

    def names_in(self, start: int, end: int) -> list[tuple[Name, list[tuple[Token, bool]]]]:
        """The names touching [start, end), each with its words and whether each opens a sentence."""
        end = max(end, start + 1)
        lo = self._word_start(start)
        if _UPPER.search(self.text, lo, end) is None:
            return []  # every name has a capital in each word that touches the range
        lo = self._word_start(max(0, start - _REACH))
        caps = [Token(m.start(), m.end(), m.group()) for m in _CAP_TOKEN.finditer(self.text, lo, min(len(self.text), end + _REACH))]
        marked = [(t, self.opens(t)) for t in caps if _capital(t)]
        return [(n, ts) for n, ts in _name_spans(self.text, marked, self.headline) if n.start < end and start < n.end]

    def _word_start(self, pos: int) -> int:
        """``pos`` moved back to the start of the word it falls in."""
        while pos > 0 and not self.text[pos - 1].isspace():
            pos -= 1
        return pos


def read(text: str, headline: bool = False) -> Reading:
    """The reading of ``text``."""
    return Reading(text, headline)


def longest_first(phrase: str) -> tuple[int, str]:
    """The order of a regex alternation of phrases: longest first, ties alphabetical, so
    the pattern is the same in every process (a set's order follows the string hash seed)."""
    return -len(phrase), phrase


def is_negation(word: str) -> bool:
    lw = word.lower()
    return lw in NEGATIONS or lw.endswith(("n't", "n’t"))


def _opens(text: str, start: int, before: Callable[[int], Token | None]) -> bool:
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == 0:
        return True
    c = text[i - 1]
    if c not in _OPENERS:
        return False
    prev = before(i) if c == "." else None
    if prev is not None and prev.end >= i - 1 and (
            "." in prev.text or is_title(prev.text) or (len(prev.text) == 1 and prev.text.isupper())):
        return False  # after "U.S.", "Sen." or an initial ("John F. Kennedy"), not a sentence end
    return True


def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = [m.span() for m in _DOUBLE_QUOTES.finditer(text)]
    if "'" in text or "‘" in text:
        spans += [m.span() for m in _SINGLE_QUOTES.finditer(text)]
        spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:  # a quotation nested in another lies inside it: one span
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)


def _capital(tok: Token) -> bool:
    w = tok.text
    return w[:1].isupper() and (w.lower() not in FUNCTION_WORDS or is_title(w)) and w.lower() not in DATE_WORDS


def _institution(tok: Token) -> bool:
    # "Department of Homeland Security", "Bank of England"; never "Ann Lee of Ohio"
    return not is_title(tok.text) and is_ordinary(tok.text)


def _name_spans(text: str, tokens: list[tuple[Token, bool]],
                headline: bool) -> list[tuple[Name, list[tuple[Token, bool]]]]:
    """Runs of capitalised words ("Acme Steel", "Sen. Ann Lee", "Department of Homeland
    Security"), each one name; a title or honorific belongs to the name after it."""
    out: list[tuple[Name, list[tuple[Token, bool]]]] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i][0]  # each ``_capital`` (names_in reads no other)
        j = i
        while j + 1 < n:
            (cur, _), (nxt, nxt_opens) = tokens[j], tokens[j + 1]
            gap = text[cur.end:nxt.start]
            joined = gap in (" ", ". ", "-", "\xa0") and (gap != ". " or is_title(cur.text) or len(cur.text) == 1)
            if not joined and (m := _JOINER_GAP.fullmatch(gap)):
                joined = m.group(1) in NAME_JOINERS and (m.group(1) != "of" or _institution(tok))
                nxt_opens = False
            if not (joined and (headline or not nxt_opens)):
                break
            j += 1
        end = tokens[j][0].end if j == i else _hyphened_tail(text, tokens[j][0].end)
        out.append((Name(tok.start, end, text[tok.start:end]), tokens[i:j + 1]))
        i = j + 1
    return out


# a lower-case syllable of two to four letters hyphened to a word ("-hoon", "-un")
_NAME_TAIL = re.compile(r"-([a-z]{2,4})\b")


def _hyphened_tail(text: str, end: int) -> int:
    """``end`` moved past a lower-case syllable hyphened to the last word of a full name
    ("Han Dong-hoon", "Kim Jong-un"): a given name spelt so is one word of the name. A
    participle ("Ann Lee-led") is no part of it."""
    m = _NAME_TAIL.match(text, end)
    return m.end() if m and not m.group(1).endswith("ed") else end


# The words of a side as written, and the word next to a position; the hunk rules and
# the small fixes look words up with these.
WORD = re.compile(r"\w+(?:['’]\w+)*")


def words_as_written(s: str) -> list[str]:
    """The words of ``s`` in order, case and inner apostrophes kept ("Don't")."""
    return TOKEN.findall(s)


# How far around a hunk a neighbouring word or figure is looked for: a window,
# not the rest of the paragraph, so a huge paragraph with many edits stays linear.
CONTEXT = 400


def word_after(text: str, pos: int) -> list[str]:
    # the first word of text[pos : pos + CONTEXT], found without reading the rest
    m = WORD.search(text, pos, pos + CONTEXT)
    return [m.group()] if m else []


def word_before(text: str, pos: int) -> list[str]:
    return words_as_written(text[max(0, pos - CONTEXT) : pos])[-1:]
