"""Pairings: how paragraphs of the old revision correspond to paragraphs of the new
one, the value the align stage returns, and the shared "kept in place" pairings that
make most of a long article's alignment without building an object per paragraph.
Split out of align.py, which re-exports ``Pairing`` and ``first_difference``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, count
from operator import ne

from versioner.model import PairingKind

# Bump when an edit here changes what compare_pair returns for some pair; a refactor,
# a comment or a speed-up keeps it. 1: split out of align.py
RULES_VERSION = 1


@dataclass(frozen=True)
class Pairing:
    """How paragraphs of the old revision correspond to paragraphs of the new one."""

    kind: PairingKind
    old: tuple[int, ...]  # 0-based indexes into the old paragraphs (empty for added)
    new: tuple[int, ...]  # 0-based indexes into the new paragraphs (empty for removed)
    similarity: float  # 1.0 for kept, 0.0 for added/removed
    edited: bool = False  # words changed: a moved paragraph may be; edited/split/merged always are


    @classmethod
    def kept(cls, i: int, j: int) -> Pairing:
        """``Pairing(PairingKind.KEPT, (i,), (j,), 1.0)``, equal to it in value, hash and
        repr, made without the generated frozen __init__, which sets the fields one
        object.__setattr__ at a time: an alignment makes one per kept paragraph, thousands
        in a long article (a property test holds the two equal)."""
        pairing = _new_object(cls)
        _set_attribute(pairing, "__dict__", {"kind": PairingKind.KEPT, "old": (i,), "new": (j,),
                                             "similarity": 1.0, "edited": False})
        return pairing

    @classmethod
    def kept_run(cls, i: int, j: int, n: int) -> list[Pairing]:
        """``[Pairing.kept(i + k, j + k) for k in range(n)]``, the pairings shared between
        alignments when ``i`` and ``j`` differ by a few paragraphs at most (a property
        test holds the two equal)."""
        shared = KEPT_SHIFTED.get(j - i)
        if shared is None:
            return [cls.kept(i + k, j + k) for k in range(n)]
        return shared.run(min(i, j), n)


_new_object = object.__new__
_set_attribute = object.__setattr__


class _KeptInPlace:
    """Pairings are immutable, so "paragraph k kept in place" is made once per k and
    shared by every alignment: the common ends of a long article are most of its pairings.
    ``shift``: kept ``shift`` paragraphs further on in the new text (below 0: back), as
    every paragraph after one added or removed is; entry k is the pairing whose lower
    index is k."""

    def __init__(self, shift: int = 0) -> None:
        self._made: tuple[Pairing, ...] = ()
        self._old, self._new = max(0, -shift), max(0, shift)

    def run(self, start: int, n: int) -> list[Pairing]:
        made = self._made
        if len(made) < start + n:
            # a longer tuple replaces the old one whole: threads never see one half built
            made = made + tuple(Pairing.kept(k + self._old, k + self._new)
                                for k in range(len(made), 2 * (start + n)))
            self._made = made
        return list(made[start : start + n])

    def one(self, k: int) -> Pairing:
        """``run(k, 1)[0]``."""
        made = self._made
        return made[k] if k < len(made) else self.run(k, 1)[0]


# shifts of up to two paragraphs either way: one or two added, removed or moved
KEPT_SHIFTED = {shift: _KeptInPlace(shift) for shift in range(-2, 3)}


def first_difference(a: Sequence[object], b: Sequence[object]) -> int:
    """The first index at which ``a`` and ``b`` differ, or the shorter one's length:
    ``next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))``,
    found by C-level iteration, without a Python loop per item (a long article shares
    hundreds of paragraphs; a property test holds the two equal)."""
    return next(compress(count(), map(ne, a, b)), min(len(a), len(b)))


HALVING_FROM = 48  # items: below this, one pass at C speed costs no more than halving


def shared_head(a: Sequence[str], b: Sequence[str]) -> int:
    """``first_difference(a, b)`` for two tuples (or two lists) of strings, found by
    halving: slices compare item by item inside the tuple comparison, which passes over
    the same string object without a call, and a long article's revisions share most
    paragraph objects (the parse's memo). A property test holds it to ``first_difference``."""
    n = min(len(a), len(b))
    if n < HALVING_FROM or type(a) is not type(b) or type(a) not in (tuple, list):
        return first_difference(a, b)
    if a[:n] == b[:n]:
        return n
    lo, hi = 0, n  # the first difference lies in [lo, hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid
    return lo


def shared_tail(a: Sequence[str], b: Sequence[str], limit: int) -> int:
    """How many items ``a`` and ``b`` end with alike, at most ``limit`` (no more than
    either holds), by halving as ``shared_head`` does. A property test holds it to the
    plain count."""
    la, lb = len(a), len(b)
    if limit < HALVING_FROM or type(a) is not type(b) or type(a) not in (tuple, list):
        return min(next(compress(count(), map(ne, reversed(a), reversed(b))), min(la, lb)), limit)
    if a[la - limit:] == b[lb - limit:]:
        return limit
    lo, hi = 0, limit  # the last lo items alike; the last hi not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
            lo = mid
        else:
            hi = mid
    return lo
