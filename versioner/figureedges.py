"""Figures at the edge of an edit: a word beside a figure that the edit left whole.

- A word only put in or only taken out has no width on the other side of the diff;
  the flag rules read that side one character wide, so that "4,000" -> "14,000" (a
  digit glued on) still finds the figure it changed. But a word put in before a figure
  and standing apart from it ("a lead of 4,000" -> "a lead of almost 4,000") leaves
  the figure whole on both sides: read one character wide, the old side finds "4,000"
  and the new side nothing, and the same figure would read as removed. A figure found
  only by that widening, when the edit's own words hold no figure, is no figure put in
  or taken out. Words put in after a figure that make it a range ("3,000" -> "3,000 to
  5,000") change the figure that ends where they start.
- A range changed at one end states the ends that changed.
- The words before a figure that bound it are part of what it states: "more than
  1,200 people" is not "about 1,200 people", nor "nearly 300 homes" "300 homes". An
  edit that only changes such a hedge, for one that bounds the figure another way, is
  a figure changed; one that says the same bound in other words ("more than" and
  "over") is not.
"""

from __future__ import annotations

import re

from versioner.figures import Figure, same_quantity
from versioner.figurespans import figures_touching
from versioner.hunk import Hunk
from versioner.model import Flag, FlagType, Section, Severity

RULES_VERSION = 1


def edited_figures(h: Hunk, ofs: list[Figure], nfs: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """``ofs`` and ``nfs`` (the figures touching the hunk on each side, a side with no
    width read one character wide) as the edit changed them: without a figure found only
    at the edge of a side with no width when the other side's words hold no figure (the
    same figure stands after the edit on both sides), and with the figure that ends where
    a side with no width stands when the other side's figure runs on across the edit
    ("3,000 walkers" -> "3,000 to 5,000 walkers": the edit made "3,000" a range)."""
    if h.old_start == h.old_end:
        ofs = _figure_edited(h.old_text, h.old_start, ofs, nfs, h.new_start)
    if h.new_start == h.new_end:
        nfs = _figure_edited(h.new_text, h.new_start, nfs, ofs, h.old_start)
    return ofs, nfs


def _figure_edited(text: str, at: int, here: list[Figure], there: list[Figure], there_start: int) -> list[Figure]:
    """The figures of the side with no width (``at`` in ``text``) that the edit changed."""
    if not there:
        return []
    if here or at == 0 or not any(f.start < there_start for f in there):
        return here
    end = len(text[:at].rstrip())  # the diff may put the space before the edit on either side
    return [f for f in figures_touching(text, [(end - 1, end)]) if f.end == end]


# How a hedge bounds the figure after it; hedges of one bound say the same thing.
# Only the approximate ("about") and the bare figure are one claim told more or less
# exactly: an editor rounds, and neither says more or fewer. The one vocabulary of
# hedges: a headline reads it too (same_hedge_wording).
# English, then Dutch, German and French (the languages whose headline words we read).
_BOUNDS = {
    "above": "more than|over|upwards of|in excess of|at least|no fewer than|no less than|well over"
             "|meer dan|ruim|minstens|ten minste|zeker|mehr als|über|mindestens|plus de|au moins",
    "below": "fewer than|less than|under|below|minder dan|weniger als|unter|moins de",
    "at most": "up to|as many as|as much as|at most|maximaal|hooguit|bis zu|höchstens|jusqu'à|jusqu’à",
    "just below": "almost|nearly|close to|just under|just shy of|not quite|bijna|nagenoeg|fast|knapp|beinahe"
                  "|près de|presque",
    "": "about|around|roughly|approximately|some|an estimated|estimated|circa"
        "|ongeveer|zo'n|zo’n|rond de|pakweg|etwa|rund|ungefähr|environ",
}
_HEDGE = {phrase: bound for bound, phrases in _BOUNDS.items() for phrase in phrases.split("|")}
HEDGE_PHRASES = frozenset(_HEDGE)  # every hedge phrase, lowercased: for other modules to read
# each bound in one wording: its first phrase
_WORDING = {bound: phrases.split("|")[0] for bound, phrases in _BOUNDS.items()}
# a hedge right before a number (a currency sign may stand between), longest phrase first
_HEDGE_BEFORE_NUMBER = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(_HEDGE, key=len, reverse=True)) + r")(?=\s+\D?\d)", re.I)


def same_hedge_wording(text: str) -> str:
    """``text`` with each hedge right before a number in the one wording of the bound it
    states: "more than 18,000", "over 18,000" and "upwards of 18,000" all read "more than
    18,000", "nearly 300" and "almost 300" both "almost 300". A word that only reads as a
    hedge before a number ("under", "some") is left alone elsewhere."""
    return _HEDGE_BEFORE_NUMBER.sub(lambda m: _WORDING[_HEDGE[m.group(1).lower()]], text)


def hedge_changed(h: Hunk, section: Section, paragraph: int | None) -> Flag | None:
    """A figure flag when the hunk only puts in, takes out or swaps the hedge of a figure
    that stands whole right after it on both sides, and the bound it states changed."""
    old, new = _hedge(h.old), _hedge(h.new)
    if old is None or new is None or _HEDGE.get(old, "") == _HEDGE.get(new, ""):
        return None
    of, nf = _figure_after(h.old_text, h.old_end), _figure_after(h.new_text, h.new_end)
    if of is None or nf is None or not same_quantity(of, nf):
        return None
    old, new = " ".join(h.old.split()), " ".join(h.new.split())  # as written, for the reader
    return Flag(FlagType.FIGURE, Severity.HIGH, section, paragraph, f"{old} {of.phrase}".strip(),
                f"{new} {nf.phrase}".strip(), f"bound of {nf.text} changed: {old or '(none)'} -> {new or '(none)'}",
                None, None, nf.noun or of.noun)


def _hedge(words: str) -> str | None:
    """The hedge ``words`` are, lowercased ("" for none), or None when they are other words."""
    phrase = " ".join(words.split()).lower()
    return phrase if phrase == "" or phrase in _HEDGE else None


_SPACES = re.compile(r"\s*")


def _figure_after(text: str, end: int) -> Figure | None:
    """The figure that starts at ``end`` of ``text``, after spaces."""
    at = _SPACES.match(text, end)
    start = at.end() if at else end
    return next((f for f in figures_touching(text, [(start, start + 1)]) if f.start == start), None)


def stated_values(of: Figure, nf: Figure) -> tuple[float | int | None, float | int | None]:
    """The values a flag of ``of`` changed into ``nf`` states: their low ends, or, when
    those agree, their high ends (a single figure's is itself): "3,000 to 4,000" ->
    "3,000 to 5,000" changed 4,000 into 5,000, and "3,000 -> 3,000" would tell no change.
    A count given without its number ("dozens") states none."""
    if of.kind == "vague" or nf.kind == "vague":
        return (None if of.kind == "vague" else of.value), (None if nf.kind == "vague" else nf.value)
    if of.value == nf.value and (of.high is not None or nf.high is not None):
        return (of.high if of.high is not None else of.value), (nf.high if nf.high is not None else nf.value)
    return of.value, nf.value


_ONE_AND_ARTICLES = frozenset(("one", "a", "an"))


def one_for_an_article(h: Hunk, section: Section, paragraph: int | None) -> Flag | None:
    """"One walker" -> "A walker": the count of one told by the article, the same count
    (low), never a figure taken out. Any other word for it ("two") is a figure changed."""
    old, new = h.old.strip().lower(), h.new.strip().lower()
    if old == new or "one" not in (old, new) or not {old, new} <= _ONE_AND_ARTICLES:
        return None
    return Flag(FlagType.WORDING, Severity.LOW, section, paragraph, h.old.strip(), h.new.strip(),
                "same figure written differently")


def made_a_range(a: Figure, b: Figure) -> bool:
    """Is one of ``a`` and ``b`` a count and the other a range starting at it ("3,000" ->
    "3,000 to 5,000"): one count told less or more exactly? A range that does not start
    at the count ("3 to 11" -> "seven") is another figure."""
    return {a.kind, b.kind} == {"number", "range"} and a.value == b.value
