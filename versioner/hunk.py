"""A hunk: a run of non-equal word ops of an edited paragraph, with its place in the old
and the new text and one reading of each side, shared by all the hunks of the paragraph
(split from hunkrules.py; the rules that type a hunk stay there)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from versioner.reading import Reading

if TYPE_CHECKING:
    from versioner.diff import Op

__all__ = ["Hunk", "hunks"]

RULES_VERSION = 1  # split from hunkrules.py (its version 7), behaviour unchanged


@dataclass(frozen=True)
class Hunk:
    old: str
    new: str
    old_start: int
    new_start: int
    old_text: str  # the whole old paragraph, for context
    new_text: str
    # the readings of the two paragraphs, made once by ``hunks`` and shared by all its hunks
    old_reading: Reading | None = field(default=None, compare=False, repr=False)
    new_reading: Reading | None = field(default=None, compare=False, repr=False)

    @property
    def old_end(self) -> int:
        return self.old_start + len(self.old)

    @property
    def new_end(self) -> int:
        return self.new_start + len(self.new)

    @classmethod
    def fast(cls, old: str, new: str, old_start: int, new_start: int, old_text: str, new_text: str,
             old_reading: Reading, new_reading: Reading) -> Hunk:
        """``Hunk(...)`` with every field given, equal to it in value, hash and repr, made
        without the frozen __init__'s eight object.__setattr__ calls: a reworded paragraph
        holds a dozen hunks (a property test holds the two equal)."""
        hunk = _new_object(cls)
        _set_attribute(hunk, "__dict__", {
            "old": old, "new": new, "old_start": old_start, "new_start": new_start, "old_text": old_text,
            "new_text": new_text, "old_reading": old_reading, "new_reading": new_reading})
        return hunk


_new_object = object.__new__
_set_attribute = object.__setattr__


def hunks(ops: Sequence[Op], headline: bool = False) -> list[Hunk]:
    """Runs of non-equal ops, with their positions in the old and new text, sharing one
    reading of each paragraph (``headline``: as a headline)."""
    old_text = "".join([o.text for o in ops if o.tag != "insert"])
    new_text = "".join([o.text for o in ops if o.tag != "delete"])
    rd_old, rd_new = Reading(old_text, headline), Reading(new_text, headline)
    out: list[Hunk] = []
    i = j = 0
    cur_old: list[str] = []
    cur_new: list[str] = []
    start = (0, 0)

    def close() -> None:
        if cur_old or cur_new:
            out.append(Hunk.fast("".join(cur_old), "".join(cur_new), start[0], start[1], old_text, new_text,
                                 rd_old, rd_new))
            cur_old.clear()
            cur_new.clear()

    for op in ops:
        if op.tag == "equal":
            close()
            i += len(op.text)
            j += len(op.text)
            continue
        if not cur_old and not cur_new:
            start = (i, j)
        if op.tag == "delete":
            cur_old.append(op.text)
            i += len(op.text)
        else:
            cur_new.append(op.text)
            j += len(op.text)
    close()
    return out
