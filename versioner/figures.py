"""Figures in news text: every number, amount, percentage, date and time, with its value
in plain units and the noun phrase it counts.

The change flagger compares the figures of two revisions of a paragraph ("number 31 -> 33,
counting civilians"), so extraction is regex-driven, deterministic, cheap enough to run on
every changed paragraph, and never raises. The figures touching a few edited spans of
a text, read without reading the whole of it, are found in ``figurespans.py``.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, NamedTuple

from versioner.countednoun import _noun_before, _noun_from
from versioner.figurepatterns import (
    _CUR_CODES,
    _DASHES,
    _DIGIT_PATTERN,
    _DIGITS,
    _DOLLARS,
    _GLUED_REACH,
    _HYPHEN_PREFIXES,
    _MONTHS,
    _NOUN_KINDS,
    _NOUN_RE,
    _NOUN_WORDS,
    _ONE_PRONOUN_NEXT,
    _ONE_PRONOUN_PREV,
    _ORD_VALUES,
    _QUANT_GROUPS,
    _QUANT_PATTERN,
    _RANGE_KINDS,
    _RUPEES,
    _SCALES,
    _SCAN_GLUED,
    _SCAN_OTHER,
    _SCAN_SPACE,
    _SMALL_VALUES,
    _VAGUE_VALUES,
    _WORD_PATTERN,
    RUPEE_DEFAULT,
    number_digits,
)

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
# 2: issue 16 (the paragraph reading, names, scores, typos and grammar, negation anchors).
# 3: Dutch number words (issue 16); 4: a date glued to the word before it; a count given
# without its number ("dozens", "several") is a figure of kind "vague" (t16fq);
# 5: a number standing as subject counts the noun after "were"/"are" (t16f)
# 6: hours with one clock mark after the later ("between 8 and 9 p.m.") are a time
RULES_VERSION = 6

__all__ = ["RUPEE_DEFAULT", "Figure", "extract_figures", "same_quantity"]


# What a figure measures: its own small vocabulary, named once (a Literal, not an
# enum: only figures.py makes them, and the hot path keeps plain strings).
FigureKind = Literal["number", "percent", "money", "ordinal", "fraction", "time", "date", "range", "score", "vague"]


@dataclass(frozen=True)
class Figure:
    """One figure expression: `text` is input[start:end]; `value` is in plain units
    (the low end for a range, whose high end is `high`)."""

    text: str
    start: int
    end: int
    value: float | int
    kind: FigureKind
    unit: str | None
    noun: str | None
    high: float | int | None = None
    # False when `noun` was taken from before the figure ("the death toll rose to 33") or is
    # implied by the text itself ("25bp"), so it must not be appended to the figure's text.
    noun_follows: bool = field(default=True, compare=False)

    @property
    def phrase(self) -> str:
        """The figure as a reader would quote it: text plus the noun when the noun follows it."""
        if self.noun and self.noun_follows:
            return f"{self.text} {self.noun}"
        return self.text

    def shifted(self, offset: int) -> Figure:
        """The same figure found in a slice of the text that starts at ``offset``."""
        return Figure.fast(self.text, self.start + offset, self.end + offset, self.value, self.kind,
                           self.unit, self.noun, self.high, self.noun_follows)

    @classmethod
    def fast(cls, text: str, start: int, end: int, value: float, kind: FigureKind,
             unit: str | None, noun: str | None, high: float | None, noun_follows: bool) -> Figure:
        """``Figure(text, start, end, value, kind, unit, noun, high, noun_follows)``, equal to
        it in value, hash and repr, made without the frozen __init__, which sets the fields
        one object.__setattr__ at a time and costs over twice as much, on every figure (a
        property test holds the two equal)."""
        fig = _new_object(cls)
        _set_attribute(fig, "__dict__", {
            "text": text, "start": start, "end": end, "value": value, "kind": kind,
            "unit": unit, "noun": noun, "high": high, "noun_follows": noun_follows})
        return fig


_new_object = object.__new__
_set_attribute = object.__setattr__


def extract_figures(text: str) -> list[Figure]:
    """Every figure in text, in order, non-overlapping. Never raises, for any str input."""
    if not isinstance(text, str):
        return []
    try:
        return _extract(text)
    except Exception:
        # One pathological paragraph must not stop a batch over millions of revisions;
        # the property test keeps this path unreached in practice.
        return []


def same_quantity(a: Figure, b: Figure) -> bool:
    """True when a and b state the same quantity: equal kind, unit, value and high end,
    however they are written ("1,400" and "1400", "seven" and "7")."""
    if a.kind != b.kind or a.unit != b.unit:
        return False
    if a.high is None or b.high is None:
        return a.high is b.high and _close(a.value, b.value)
    return _close(a.value, b.value) and _close(a.high, b.high)


def _close(x: float, y: float) -> bool:
    return x == y or math.isclose(x, y, rel_tol=1e-9)


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """The pattern, compiled on first use: compiling them all at import cost ~20 ms of
    start-up, and a diff whose edits hold no figure needs few of them."""
    return re.compile(pattern)


def number_word_value(word: str) -> int | None:
    """The value of a number written as one word ("two", "twenty", Dutch "zeven"), else None."""
    return _SMALL_VALUES.get(word.lower())


# --- extraction -------------------------------------------------------------------------

def _extract(text: str) -> list[Figure]:
    """extract_figures without its safety net: tries the full patterns at each candidate
    start in order, skipping starts inside a figure already taken."""
    starts = _candidate_starts(text)
    if _compiled(_SCAN_SPACE).match(" " + text[:16]):
        starts.insert(0, 0)
    return _scan(text, starts, 0)[0]


def _candidate_starts(text: str) -> list[int]:
    """Where a figure may start after a boundary character, in order."""
    starts = [m.start() + 1 for m in _compiled(_SCAN_SPACE).finditer(text)]
    other = [m.start() + 1 for m in _compiled(_SCAN_OTHER).finditer(text)]
    other += _glued_starts(text, 0, len(text))
    return sorted(starts + other) if other else starts


def _glued_starts(text: str, lo: int, end: int) -> list[int]:
    """The starts in [lo, end) of months glued to a small letter before them, each with
    its day or year after it (read no further than _GLUED_REACH past ``end``)."""
    return [at for m in _compiled(_SCAN_GLUED).finditer(text, lo, min(len(text), end + _GLUED_REACH))
            if (at := m.start()) < end and at > 0 and "a" <= text[at - 1] <= "z"]


def _scan(text: str, starts: Sequence[int], pos: int) -> tuple[list[Figure], int]:
    """The figures read from these candidate starts, in order, when the last figure
    before them ends at ``pos``; and where the last figure ends."""
    out: list[Figure] = []
    for start in starts:
        if start < pos:
            continue  # inside the previous figure
        m = _compiled(_DIGIT_PATTERN if text[start] in _DIGITS else _WORD_PATTERN).match(text, start)
        if m is None:
            continue
        group = m.lastgroup
        if group == "q" or group == "tail":
            fig = _quantity_figure(text, m)
        elif group == "date":
            fig = _date_figure(text, m)
        elif group == "time":
            fig = _time_figure(text, m)
        elif group == "ordw":
            fig = _ordinal_word_figure(text, m)
        elif group == "vague":
            fig = _vague_figure(text, m)
        elif group == "frac":
            fig = _fraction_figure(text, m)
        else:
            fig = _between_figure(text, m)
        if fig is None:
            pos = start + 1
        else:
            out.append(fig)
            pos = fig.end
    return out, pos


def _figure(text: str, start: int, end: int, value: float, kind: FigureKind,
            unit: str | None, high: float | None = None, noun: str | None = None,
            following: str | None = None) -> Figure:
    """A Figure for text[start:end]. Unless given, its noun is found in the words after it
    (`following`, when the caller already has them) or else in a subject before it."""
    follows = noun is None
    if follows and kind in _NOUN_KINDS:
        if following is None:
            nm = _NOUN_RE.match(text, end)
            following = nm.group(1) if nm else ""
        noun = _noun_from(following) if following else None
        if noun is None and (kind == "number" or kind == "range"):
            noun = _noun_before(text, start)
            follows = noun is None
    return Figure.fast(text[start:end], start, end, value, kind, unit, noun, high, follows)


class _Quant(NamedTuple):
    """One parsed quantity, before deciding whether it opens a range."""

    start: int
    end: int
    value: float | int
    kind: FigureKind
    unit: str | None
    digits: str  # the number as written, before its scale word
    scale: int
    noun: str | None  # a noun the unit itself implies ("basis points")


def _quant(m: re.Match[str]) -> _Quant:
    """The quantity m matched, with its span, for deciding on a range."""
    return _Quant(m.start("q"), m.end("q"), *_parse_quantity(m))


def _parse_quantity(m: re.Match[str]) -> tuple[float | int, FigureKind, str | None, str, int,
                                               str | None]:
    """value, kind, unit, digits, scale and implied noun of the quantity m matched."""
    num, words, scale_word, sab, pre, suf, ordinal, dec, pct, bp = m.group(*_QUANT_GROUPS)
    digits = number_digits(num, m.string, m.start("num"), m.end("num")) if num is not None else str(_words_value(words))
    scale_word = scale_word or sab
    scale = _SCALES[scale_word.lower()] if scale_word else 1
    value = _plain(digits, scale)
    kind: FigureKind = "number"
    unit: str | None = None
    noun: str | None = None
    if ordinal is not None:
        kind = "ordinal"
    elif dec is not None:
        kind = "date" if len(digits) == 4 else "number"
    elif pct is not None:
        kind, unit = "percent", "percent"
    elif bp is not None:
        unit, noun = "bp", "basis points"
    elif pre is not None or suf is not None:
        kind, unit = "money", _currency(pre, suf)
    elif num is not None and scale == 1 and len(num) == 4 and num[:2] in ("19", "20"):
        kind = "date"
    return value, kind, unit, digits, scale, noun


def _plain(digits: str, scale: int) -> int | float:
    """'1.2' x 10**9 -> 1200000000 exactly; an integral result is an int."""
    if "." not in digits:
        return int(digits) * scale
    if scale == 1:
        f = float(digits)
        return int(f) if f.is_integer() else f
    d = Decimal(digits) * scale
    return int(d) if d == d.to_integral_value() else float(d)


def _words_value(words: str) -> int:
    """'one hundred and five' -> 105, 'a dozen' -> 12, 'twenty-one thousand' -> 21000."""
    total = current = 0
    for tok in words.lower().replace("-", " ").split():
        if tok == "a":
            current = 1
        elif tok in _SMALL_VALUES:
            current += _SMALL_VALUES[tok]
        elif tok == "hundred" or tok == "dozen":
            current = (current or 1) * _SCALES[tok]
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0
    return total + current


def _currency(pre: str | None, suf: str | None) -> str:
    if pre is not None:
        return _CUR_CODES.get(pre.lower().replace(" ", ""), pre)
    low = " ".join((suf or "").lower().split())
    if "dollar" in low:
        return next((code for word, code in _DOLLARS if word in low), "USD")
    if "rupee" in low:
        return next((code for word, code in _RUPEES if word in low), RUPEE_DEFAULT)
    return _CUR_CODES.get(low.split(" ")[0], low.upper())


def _prev_word(text: str, index: int) -> str:
    """The lowercased word just before text[index] (across spaces or one hyphen), or ''."""
    if index > 0 and text[index - 1] == "-":
        index -= 1
    parts = text[max(0, index - 24):index].rsplit(None, 1)
    return parts[-1].lower() if parts else ""


def _quantity_figure(text: str, m: re.Match[str]) -> Figure | None:
    start, end = m.span("q")
    # "Covid-19", "F-16": a number glued to a word by a hyphen is part of a name,
    # except after prefixes such as "mid-2026".
    if (start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()
            and _prev_word(text, start) not in _HYPHEN_PREFIXES):
        return None
    value, kind, unit, _, _, noun = _parse_quantity(m)
    if (value == 1 and m.group("words") is not None and m.group("q").lower() == "one"
            and (_ONE_PRONOUN_NEXT.match(text, end)
                 or _prev_word(text, start) in _ONE_PRONOUN_PREV)):
        return None  # "one of the deadliest", "no one"
    if kind in _RANGE_KINDS:
        after = _range_separator(text, start, end, kind)
        if after is not None:
            fig = _range_after(text, _quant(m), after)
            if fig is not None:
                return fig
    if kind == "date":
        return _figure(text, start, end, value, "date", None)
    return _figure(text, start, end, value, kind, unit, noun=noun,
                   following=m.group("tail") or "")


def _range_separator(text: str, start: int, end: int, kind: str) -> int | None:
    """Where the second number starts when a dash or 'to' follows text[start:end]."""
    if kind == "date" and text[end - 1] == "s":
        return None  # "1990s"
    if text.startswith(" to ", end):
        # "rose from 31 to 33" is a change, not a range
        return None if _prev_word(text, start) == "from" else end + 4
    i = end + 1 if text.startswith(" ", end) else end
    if text[i:i + 1] not in _DASHES:
        return None
    return i + 2 if text.startswith(" ", i + 1) else i + 1


def _range_after(text: str, q1: _Quant, i: int) -> Figure | None:
    """'10-12', '10 to 12 million', '2019-20': a range from q1 to a quantity at i, or None."""
    m2 = _compiled(_QUANT_PATTERN).match(text, i)
    if m2 is None:
        return None
    q2 = _quant(m2)
    if (q1.kind == "date" and len(q2.digits) == 2 and q2.kind == "number"
            and int(q2.digits) == (int(q1.digits) + 1) % 100):
        # a season or fiscal year, "2019-20"
        return _figure(text, q1.start, q2.end, q1.value, "range", None,
                       high=int(q1.digits) + 1)
    return _range(text, q1.start, q1, q2)


def _range(text: str, start: int, q1: _Quant, q2: _Quant) -> Figure | None:
    if q2.kind not in _RANGE_KINDS or (q1.unit and q2.unit and q1.unit != q2.unit):
        return None
    if q1.kind == "percent" and q2.kind != "percent":
        return None  # "fell 2.3 per cent to 1,234.5 points": a change and a level
    clock = _clock_hours(text, start, q1, q2)
    if clock is not None:
        return clock
    low, high = q1.value, q2.value
    # "10 to 12 million": the scale written once applies to both ends
    if q1.scale == 1 and q2.scale > 1 and float(q1.digits) < float(q2.digits):
        low = _plain(q1.digits, q2.scale)
    if not low < high:
        return _score(text, start, q1, q2)
    return _figure(text, start, q2.end, low, "range", q1.unit or q2.unit, high=high,
                   noun=q1.noun or q2.noun)


_CLOCK_MARK = re.compile(r"[ \t\xa0]?([ap])(?:\.m\.|m\b)", re.I)


def _clock_hours(text: str, start: int, q1: _Quant, q2: _Quant) -> Figure | None:
    """"Between 8 and 9 p.m.", "8-9 am": hours of the clock, the mark written once after
    the later hour telling both (a time from 2000 to 2100), not a range of 8 to 9 "p"."""
    if not (q1.kind == q2.kind == "number" and q1.digits.isdigit() and q2.digits.isdigit()
            and 1 <= int(q1.digits) < int(q2.digits) < 12):
        return None  # up to 12, the mark could belong to the later hour only ("11 to 12 pm")
    mark = _CLOCK_MARK.match(text, q2.end)
    if mark is None:
        return None
    late = 12 if mark.group(1).lower() == "p" else 0
    low, high = (int(q.digits) % 12 + late for q in (q1, q2))
    return _figure(text, start, mark.end(), low * 100, "time", None, high=high * 100)


def _score(text: str, start: int, q1: _Quant, q2: _Quant) -> Figure | None:
    """A score or a tally, "7-2", "3-1 win": one figure (value and ``high`` are the two
    sides, ``high`` no greater), so "7-2 -> 6-3" is one change, not two numbers."""
    if (q1.kind != "number" or q2.kind != "number" or q1.unit or q2.unit or q1.scale != 1
            or q2.scale != 1 or not q1.digits.isdigit() or not q2.digits.isdigit()
            or len(q1.digits) > 3 or len(q2.digits) > 3 or "-" not in text[q1.end:q2.start]
            and "–" not in text[q1.end:q2.start]):
        return None
    return _figure(text, start, q2.end, q1.value, "score", None, high=q2.value)


def _between_figure(text: str, m: re.Match[str]) -> Figure | None:
    m1 = _compiled(_QUANT_PATTERN).match(text, m.end())
    if m1 is None:
        return None
    i = m1.end()
    m2 = _compiled(_QUANT_PATTERN).match(text, i + 5) if text.startswith(" and ", i) else None
    if m2 is None:
        return None
    q1 = _quant(m1)
    if q1.kind not in _RANGE_KINDS:
        return None
    return _range(text, m.start(), q1, _quant(m2))


def _ordinal_word_figure(text: str, m: re.Match[str]) -> Figure | None:
    start, end = m.span()
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return None  # "one-third"
    if text.startswith(" of ", end) and _prev_word(text, start) == "a":
        return None  # "a third of the votes" is a fraction
    words = m.group().lower().replace("-", " ").split()
    value = _ORD_VALUES[words[-1]] + (_SMALL_VALUES[words[0]] if len(words) > 1 else 0)
    return _figure(text, start, end, value, "ordinal", None)


def _vague_figure(text: str, m: re.Match[str]) -> Figure:
    """'several', 'dozens', 'tens of thousands': a count without its number. Its value is
    a stand-in of its order ('tens of thousands' 20,000), kind 'vague': never the same
    quantity as a number written out, so the two are compared. The noun it counts may
    follow 'of' ('dozens of homes')."""
    words = m.group().lower().split()
    value = _VAGUE_VALUES[words[-1]] * {"tens": 10, "hundreds": 100}.get(words[0], 1) if len(words) > 1 \
        else _VAGUE_VALUES[words[0]]
    nm = _OF_NOUN_RE.match(text, m.end())
    return _figure(text, m.start(), m.end(), value, "vague", None, following=nm.group(1) if nm else "")


_OF_NOUN_RE = re.compile(rf"(?:[ \t\xa0]+of)?[ \t\xa0]+({_NOUN_WORDS})")


_DENOM_VALUES = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}


def _fraction_figure(text: str, m: re.Match[str]) -> Figure:
    """'a third' -> 1/3, 'two-thirds' -> 2/3, 'half of' -> 1/2; kind 'fraction'."""
    words = m.group().lower().replace("-", " ").split()
    count = 1 if len(words) == 1 or words[0] in ("a", "an") else _SMALL_VALUES[words[0]]
    denom_word = words[-1]
    denom = _DENOM_VALUES.get(denom_word) or _ORD_VALUES[denom_word.removesuffix("s")]
    return _figure(text, m.start(), m.end(), count / denom, "fraction", None)


def _date_figure(text: str, m: re.Match[str]) -> Figure:
    """Value is YYYYMMDD, with 0 for the parts not written ('Feb 1' -> 201)."""
    g = m.groupdict()
    if g.get("iso_y") is not None:
        y, mon, d = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
    else:
        mon = _MONTHS[g["mon"][:3].lower()]
        d = int(g["day"]) if g["day"] else 0
        y = int(g["year"]) if g["year"] else 0
    return _figure(text, m.start(), m.end(), y * 10000 + mon * 100 + d, "date", None)


def _time_figure(text: str, m: re.Match[str]) -> Figure:
    """Value is the 24-hour clock as HHMM ('4:17 a.m.' -> 417, '4 pm' -> 1600)."""
    th, tm, tap, th2, tap2 = m.group("th", "tm", "tap", "th2", "tap2")
    hour = int(th or th2)
    minute = int(tm or 0)
    ampm = tap or tap2
    if ampm is not None and hour <= 12:
        if ampm[0] in "pP" and hour < 12:
            hour += 12
        elif ampm[0] in "aA" and hour == 12:
            hour = 0
    return _figure(text, m.start(), m.end(), hour * 100 + minute, "time", None)
