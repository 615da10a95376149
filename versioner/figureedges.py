"""Figures at the edge of an edit: a word beside a figure that the edit left whole.

- A word only put in or only taken out has no width on the other side of the diff;
  the flag rules read that side one character wide, so that "4,000" -> "14,000" (a
  digit glued on) still finds the figure it changed. But a word put in before a figure
  and standing apart from it ("a lead of 4,000" -> "a lead of almost 4,000") leaves
  the figure whole on both sides: read one character wide, the old side finds "4,000"
  and the new side nothing, and the same figure would read as removed. A figure found
  only by that widening, when the edit's own words hold no figure, is no figure put in
  or taken out.
- The words before a figure that bound it are part of what it states: "more than
  1,200 people" is not "about 1,200 people", nor "nearly 300 homes" "300 homes". An
  edit that only changes such a hedge, for one that bounds the figure another way, is
  a figure changed; one that says the same bound in other words ("more than" and
  "over") is not.
"""

from __future__ import annotations

import re

from versioner.figures import Figure, figures_touching, same_quantity
from versioner.hunkrules import Hunk
from versioner.model import Flag, FlagType, Section, Severity

RULES_VERSION = 1


def only_bordering_dropped(h: Hunk, ofs: list[Figure], nfs: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """``ofs`` and ``nfs`` (the figures touching the hunk on each side) without those
    found only at the edge of a side with no width, when the other side's words hold
    no figure: the same figure stands just after the edit on both sides."""
    if h.old_start == h.old_end and not nfs:
        return [], nfs
    if h.new_start == h.new_end and not ofs:
        return ofs, []
    return ofs, nfs


# How a hedge bounds the figure after it; hedges of one bound say the same thing.
# Only the approximate ("about") and the bare figure are one claim told more or less
# exactly: an editor rounds, and neither says more or fewer.
_BOUNDS = {
    "above": "more than|over|upwards of|in excess of|at least|no fewer than|no less than|well over",
    "below": "fewer than|less than|under|below",
    "at most": "up to|as many as|as much as|at most",
    "just below": "almost|nearly|close to|just under|just shy of|not quite",
    "": "about|around|roughly|approximately|some|an estimated|estimated|circa",
}
_HEDGE = {phrase: bound for bound, phrases in _BOUNDS.items() for phrase in phrases.split("|")}


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
