"""Figures at the edge of an edit that the edit did not touch.

A word only put in or only taken out has no width on the other side of the diff; the
flag rules read that side one character wide, so that "4,000" -> "14,000" (a digit
glued on) still finds the figure it changed. But a word put in before a figure and
standing apart from it ("a lead of 4,000" -> "a lead of almost 4,000") leaves the
figure whole on both sides: read one character wide, the old side finds "4,000" and
the new side nothing, and the same figure would read as removed. A figure found only
by that widening, when the edit's own words hold no figure, is no figure put in or
taken out; what the inserted word does to it is the wording rules' to judge.
"""

from __future__ import annotations

from typing import Protocol

from versioner.figures import Figure

RULES_VERSION = 1


class _Edit(Protocol):
    """The spans of a hunk on each side of the diff (hunkrules.Hunk)."""

    @property
    def old_start(self) -> int: ...
    @property
    def old_end(self) -> int: ...
    @property
    def new_start(self) -> int: ...
    @property
    def new_end(self) -> int: ...


def only_bordering_dropped(h: _Edit, ofs: list[Figure], nfs: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """``ofs`` and ``nfs`` (the figures touching the hunk on each side) without those
    found only at the edge of a side with no width, when the other side's words hold
    no figure: the same figure stands just after the edit on both sides."""
    if h.old_start == h.old_end and not nfs:
        return [], nfs
    if h.new_start == h.new_end and not ofs:
        return ofs, []
    return ofs, nfs
