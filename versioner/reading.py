"""One reading of one side of an edited paragraph: its tokens, sentence openings, quotation
spans, names and negations, made once and looked up by every flag rule (issue 16).

Every span is a half-open ``(start, end)`` range of the text, in order. A reading is
cached by its text, so the rules of every hunk of a paragraph share it.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from versioner.names import FUNCTION_WORDS, NAME_JOINERS, is_ordinary, is_title

# An acronym or abbreviation with full stops is one token ("U.S.", "U.N.", "Ph.D."), and
# so is a word with inner apostrophes ("Don't", "O'Neill").
TOKEN = re.compile(r"[A-Z][a-z]?\.(?:[A-Za-z][a-z]?\.)+|\w+(?:['’]\w+)*")
# Days and months carry a capital but are dates, not names
DATE_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december""".split())
NEGATIONS = frozenset("not no never without nor none cannot neither nobody nothing".split())
_OPENERS = ".!?:“\"‘'(—–-"
_DOUBLE_QUOTES = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|«[^»]*(?:»|$)|„[^“”]*(?:[“”]|$)")
# A single-quoted phrase: the mark opens after a space or a bracket and before a word, and
# closes after a word before a non-letter; an apostrophe inside a word ("don't") does neither.
_SINGLE_QUOTES = re.compile(r"(?<![\w'’])['‘](?=\w)[^'‘’\n]{1,300}?(?<=[\w.,!?])['’](?!\w)")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    opens: bool  # opens a sentence (or the text): its capital is no evidence of a name


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str
    opens: bool  # its first word opens a sentence
    first: str  # that first word


class Reading:
    """The reading of ``text``; ``headline``: every word may carry a capital."""

    __slots__ = ("text", "headline", "tokens", "_starts", "quotes", "names", "negations")

    def __init__(self, text: str, headline: bool = False) -> None:
        self.text = text
        self.headline = headline
        self.tokens = _tokens(text, headline)
        self._starts = [t.start for t in self.tokens]
        self.quotes = _quote_spans(text)
        self.names = _name_spans(text, self.tokens, headline)
        self.negations = tuple(t for t in self.tokens if is_negation(t.text))

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens overlapping [start, end) (an empty range: none)."""
        i = bisect.bisect_left(self._starts, start)
        if i > 0 and self.tokens[i - 1].end > start:
            i -= 1
        out = []
        while i < len(self.tokens) and self.tokens[i].start < end:
            out.append(self.tokens[i])
            i += 1
        return out

    def token_after(self, pos: int) -> Token | None:
        i = bisect.bisect_left(self._starts, pos)
        return self.tokens[i] if i < len(self.tokens) else None

    def token_before(self, pos: int) -> Token | None:
        i = bisect.bisect_left(self._starts, pos)
        while i > 0:
            i -= 1
            if self.tokens[i].end <= pos:
                return self.tokens[i]
        return None

    def in_quotes(self, start: int, end: int) -> bool:
        """Does [start, end) touch the inside of a quotation?"""
        i = bisect.bisect_left(self.quotes, (max(end, start + 1),))
        return i > 0 and self.quotes[i - 1][1] > start

    def names_in(self, start: int, end: int) -> list[Name]:
        end = max(end, start + 1)
        return [n for n in self.names if n.start < end and start < n.end]


@functools.lru_cache(maxsize=64)
def read(text: str, headline: bool = False) -> Reading:
    """The reading of ``text``, made once per text."""
    return Reading(text, headline)


def is_negation(word: str) -> bool:
    lw = word.lower()
    return lw in NEGATIONS or lw.endswith(("n't", "n’t"))


def _tokens(text: str, headline: bool) -> tuple[Token, ...]:
    out: list[Token] = []
    prev: Token | None = None
    for m in TOKEN.finditer(text):
        start = m.start()
        out.append(prev := Token(start, m.end(), m.group(), headline or _opens(text, start, prev)))
    return tuple(out)


def _opens(text: str, start: int, prev: Token | None) -> bool:
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == 0:
        return True
    c = text[i - 1]
    if c not in _OPENERS:
        return False
    if c == "." and prev is not None and prev.end >= i - 1 and (
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


def _name_spans(text: str, tokens: tuple[Token, ...], headline: bool) -> tuple[Name, ...]:
    """Runs of capitalised words ("Acme Steel", "Sen. Ann Lee", "Department of Homeland
    Security"), each one name; a title or honorific belongs to the name after it."""
    out: list[Name] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if not _capital(tok):
            i += 1
            continue
        j = i
        while j + 1 < n:
            nxt, gap = tokens[j + 1], text[tokens[j].end:tokens[j + 1].start]
            if _capital(nxt) and (headline or not nxt.opens) and gap in (" ", ". ", "-", "\xa0") \
                    and (gap != ". " or is_title(tokens[j].text) or len(tokens[j].text) == 1):
                j += 1
            elif (nxt.text in NAME_JOINERS and (nxt.text != "of" or _institution(tok)) and gap in (" ", "-") and j + 2 < n and _capital(tokens[j + 2])
                  and text[nxt.end:tokens[j + 2].start] in (" ", "-")):
                j += 2
            else:
                break
        out.append(Name(tok.start, tokens[j].end, text[tok.start:tokens[j].end], tok.opens, tok.text))
        i = j + 1
    return tuple(out)
