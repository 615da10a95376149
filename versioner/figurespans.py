"""Figures around edits: the figures of a text that touch a few edited spans, read
without reading the whole text, and where no figure can end.

``figures_touching`` reads the candidate starts of ``figures.py``'s reader only
between the last barrier before each span (a character no figure holds) and the
span's end, so a few edits in a long text cost a few sentences; property tests hold
it, ``figures_touching_among`` and ``may_end_figure`` to what ``extract_figures``
reads from the whole text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from versioner.figurepatterns import _ASCII_LETTERS, _END_WORDS, _SCAN_OTHER, _SCAN_SPACE
from versioner.figures import Figure, _compiled, _glued_starts, _scan

# Bump when an edit here changes what compare_pair returns (see figures.RULES_VERSION).
RULES_VERSION = 1  # split from figures.py (its version 6), behaviour unchanged

__all__ = ["figures_touching", "figures_touching_among", "may_end_figure", "may_end_figure_within"]


def may_end_figure(text: str, end: int, lo: int = 0, hi: int | None = None) -> bool:
    """False only when no figure read from ``text[lo:hi]`` can end at ``end``: a cheap test
    that lets a caller skip reading figures (a property test holds it to every figure)."""
    if end <= lo:
        return False
    last = text[end - 1]
    if last.isdigit() or last == "%" or last == ".":
        return True
    if last not in _ASCII_LETTERS:
        return False
    if end < (len(text) if hi is None else hi) and "a" <= text[end] <= "z":
        return False  # a figure's last word ends there: "th" is not a figure's end in "the"
    start = end - 1
    while start > lo and text[start - 1] in _ASCII_LETTERS:
        start -= 1
    return text[start:end].lower() in _END_WORDS


def may_end_figure_within(text: str, first: int, last: int, lo: int = 0, hi: int | None = None) -> bool:
    """``any(may_end_figure(text, end, lo, hi) for end in range(first, last + 1))`` in one
    call, each end's last character looked at before the word it ends is (a property test
    holds the two equal): a hunk asks this of the few characters before it."""
    n = len(text) if hi is None else hi
    for end in range(max(first, lo + 1), last + 1):
        c = text[end - 1]
        if c.isdigit() or c == "%" or c == ".":
            return True
        if c in _ASCII_LETTERS and not (end < n and "a" <= text[end] <= "z") and may_end_figure(text, end, lo, hi):
            return True
    return False


def _candidate_starts_between(text: str, lo: int, end: int) -> list[int]:
    """``[s for s in _candidate_starts(text) if lo <= s < end]``, read from ``lo`` on and
    only as far as ``end``: what a scan of the whole text finds there, as a boundary
    character never stands inside a candidate's match (a property test holds the two
    equal). A figure edited in a long paragraph reads its own sentence."""
    out: list[int] = []
    hi = _scan_reach(text, end)
    for pattern in (_SCAN_SPACE, _SCAN_OTHER):
        for m in _compiled(pattern).finditer(text, max(0, lo - 1), hi):
            at = m.start() + 1
            if at >= end:
                break
            if at >= lo:
                out.append(at)
    # a glued date is rare: a search not bounded near ``end`` would read on to the
    # text's end at every edit
    out += _glued_starts(text, lo, end)
    out.sort()
    return out


def _scan_reach(text: str, end: int) -> int:
    """How far a scan for the candidates before ``end`` can read: a candidate's test
    reads a few letters past it, or "a"/"an", the spaces after it and a scale word
    ("a  thousand"). Scanning only that far keeps the search for the rare boundary
    characters of _SCAN_OTHER from running on to the text's end at every edit."""
    i = end + 1
    while i < len(text) and text[i].isspace():
        i += 1
    return min(len(text), i + _SCAN_WORD_REACH)


# The longest word a candidate's test reads after the spaces ("thousand", "trillion"), and one more
_SCAN_WORD_REACH = 9


def figures_touching(text: str, spans: Sequence[tuple[int, int]]) -> list[Figure]:
    """The figures of ``extract_figures(text)`` that overlap one of ``spans`` (in order,
    each [start, end); an empty one stands for the character at its start), and maybe a
    few more. Reading resumes after the last character before a span that no figure can
    hold, and stops at its end, so a few edits in a long text cost a few sentences."""
    try:
        out: list[Figure] = []
        scanned = pos = 0  # starts before `scanned` are done; `pos`: end of the last figure
        every: list[int] | None = None  # every span's candidates: one search, sliced per span
        for start, end in spans:
            end = max(end, start + 1)
            if end <= scanned:
                continue
            lo = scanned
            last = _LAST_BARRIER_RE.match(text, scanned, start)
            if last:
                lo = pos = last.end()  # no figure spans the barrier: what came before is done
            starts = [0] if lo == 0 and _compiled(_SCAN_SPACE).match(" " + text[:16]) else []
            if every is None:  # those between two points are the whole text's there
                every = _candidate_starts_between(text, lo, max(max(e, s + 1) for s, e in spans))
            starts += every[bisect.bisect_left(every, lo):bisect.bisect_left(every, end)]
            found, pos = _scan(text, starts, pos)
            out += found
            scanned = end
        return out
    except Exception:
        return []  # as extract_figures


def figures_touching_among(text: str, spans: Sequence[tuple[int, int]], figs: Sequence[Figure]) -> list[Figure]:
    """``figures_touching(text, spans)`` picked out of ``figs``, all of ``extract_figures(text)``
    (a caller that reads the whole text anyway): the figures that start where it reads,
    from the last barrier before each span (or where it stopped) to the span's end. Each
    stretch reads as the whole text does unless a figure of the whole runs across its
    barrier ("Rs. Twenty"): then the text is read again as figures_touching reads it (a
    property test holds the two equal)."""
    out: list[Figure] = []
    scanned = 0
    for start, end in spans:
        end = max(end, start + 1)
        if end <= scanned:
            continue
        last = _LAST_BARRIER_RE.match(text, scanned, start)
        lo = last.end() if last else scanned
        if last and any(f.start < lo < f.end for f in figs):
            return figures_touching(text, spans)
        out += [f for f in figs if lo <= f.start < end]
        scanned = end
    return out


# Characters no figure holds (its text is ASCII letters and digits, spaces and a few
# separators and signs), and a space between a full stop and a capital ("Nov. 24",
# "U.S. Dollars" are the only figures with a full stop and a space inside).
_BARRIER_RE = re.compile(r"[^0-9A-Za-z\s\-–—,.:%$£€¥₹₨]|(?<=\.) (?=[A-CE-Z])")
# The last barrier: every barrier is one character, so backing off from the end finds
# the one a left-to-right search would find last, without stepping through the others.
_LAST_BARRIER_RE = re.compile(rf"(?s:.*)(?:{_BARRIER_RE.pattern})")
