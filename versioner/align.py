"""Align stage: pair the paragraphs of two revisions.

Every paragraph of either revision lands in exactly one ``Pairing``: kept,
edited, added, removed, moved, split or merged (the NewsEdits taxonomy of
addition, deletion, update and refactor). Identical paragraphs are matched
first, along an order-preserving backbone (a longest common subsequence over
whole paragraphs); the rest are paired by word overlap, looked up only among
nearby or rare-word-sharing candidates so that big documents stay linear.

Both the backbone and the word diff run on ``seqdiff.diff_runs``. The pairing of
similar paragraphs (word sets, similarity, reworded, split, merged and rewritten
paragraphs) is ``alignsimilar``'s; its public names are re-exported here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Hashable, Sequence
from itertools import compress, count
from operator import itemgetter, ne

from versioner.alignsimilar import (
    EDIT_THRESHOLD,
    PUNCTUATION,
    _Group,
    _match_rewritten,
    _match_similar,
    _overlap,
    _score,
    rewritten,
    shared_end,
    shared_start,
    similarity,
    word_overlap,
)
from versioner.model import PairingKind
from versioner.pairing import HALVING_FROM, KEPT_SHIFTED, Pairing, shared_head, shared_tail
from versioner.pairing import first_difference as first_difference  # re-exported: diff and tests ask here
from versioner.seqdiff import DEFAULT_TIMEOUT, diff_runs

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 2  # 2: a paragraph rewritten in other words is edited (issue 16)

KINDS = tuple(PairingKind)
# re-exported: diff, flags and tests ask here
__all__ = ["EDIT_THRESHOLD", "KINDS", "PUNCTUATION", "Pairing", "align_paragraphs", "aligned", "first_difference",
           "rewritten", "shared_end", "shared_start", "similarity", "word_overlap"]


def align_paragraphs(
    old: Sequence[str],
    new: Sequence[str],
    *,
    threshold: float = EDIT_THRESHOLD,
    timeout: float = DEFAULT_TIMEOUT,
    rewrites: bool = False,
) -> tuple[Pairing, ...]:
    """Pair every paragraph of ``old`` and ``new``: each index appears in exactly
    one pairing. Ordered by position in the new text, removals where they stood.
    Two paragraphs whose ``similarity`` reaches ``threshold`` are one, edited.
    ``rewrites``: also pair, as edited, a paragraph rewritten in other words
    (``rewritten``), where the text is read in order (the body, not the notices)."""
    return aligned(old, new, threshold=threshold, timeout=timeout, rewrites=rewrites)[0]


def aligned(
    old: Sequence[str],
    new: Sequence[str],
    *,
    threshold: float = EDIT_THRESHOLD,
    timeout: float = DEFAULT_TIMEOUT,
    rewrites: bool = False,
) -> tuple[tuple[Pairing, ...], tuple[int, int]]:
    """``align_paragraphs``, and how many paragraphs the two share at the start and then
    at the end: that many of its first and last pairings are kept in place, so a caller
    looking for changes need not read them (most of a long article's; a property test
    holds them kept)."""
    head, tail = ends = _common_ends(old, new)
    if head == len(old) == len(new):  # found at C speed
        return tuple(Pairing.kept_run(0, 0, len(new))), ends
    if len(old) - head - tail <= 1 and len(new) - head - tail <= 1:
        return _one_changed(old, new, head, tail, threshold, rewrites), ends
    pairings = _moved_only(old, new, head, tail) or _align(old, new, threshold, timeout, ends, rewrites)
    return pairings, ends


def _align(
    old: Sequence[str], new: Sequence[str], threshold: float, timeout: float,
    ends: tuple[int, int] | None = None, rewrites: bool = False,
) -> tuple[Pairing, ...]:
    """align_paragraphs in general: backbone, identical and similar matches, assembly.
    ``ends``: ``_common_ends(old, new)``, when the caller has it."""
    head, tail = ends = ends or _common_ends(old, new)
    backbone = _backbone(old, new, timeout, ends)
    # The backbone opens with the head's pairs and closes with the tail's: only the
    # paragraphs between them are looked at one by one (a long article whose edits
    # stand close together costs what its middle costs)
    middle = backbone[head : len(backbone) - tail]
    in_backbone_old = {i for i, _ in middle}
    in_backbone_new = {j for _, j in middle}
    free_old = [i for i in range(head, len(old) - tail) if i not in in_backbone_old]
    free_new = [j for j in range(head, len(new) - tail) if j not in in_backbone_new]
    groups = _match_identical(old, new, free_old, free_new)
    used_old = {i for g in groups for i in g.old}
    used_new = {j for g in groups for j in g.new}
    free_old = [i for i in free_old if i not in used_old]
    free_new = [j for j in free_new if j not in used_new]
    bb_old = list(map(_FIRST, backbone))
    bb_new = list(map(_SECOND, backbone))
    groups += _match_similar(old, new, free_old, free_new, bb_old, bb_new, threshold)
    if rewrites:
        groups += _match_rewritten(old, new, groups, free_old, free_new, bb_old, bb_new)
    return _assemble(len(old), len(new), backbone, groups, ends)


_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _common_ends(old: Sequence[str], new: Sequence[str]) -> tuple[int, int]:
    """How many paragraphs the two share at the start, and then at the end."""
    shorter = min(len(old), len(new))
    if shorter < HALVING_FROM:  # a short article: one pass each way at C speed, no halving to set up
        head = first_difference(old, new)
        if head == shorter:
            return head, 0
        # read from the end without copying the lists reversed
        tail = next(compress(count(), map(ne, reversed(old), reversed(new))), shorter)
        return head, min(tail, shorter - head)
    head = shared_head(old, new)
    if head == shorter:
        return head, 0
    return head, shared_tail(old, new, shorter - head)


def _one_changed(
    old: Sequence[str], new: Sequence[str], head: int, tail: int, threshold: float,
    rewrites: bool = False,
) -> tuple[Pairing, ...]:
    """What ``_align`` gives when the two share every paragraph but at most one on
    each side, between common ends (the everyday edit: a figure fixed, a paragraph
    added or removed), without its matching and assembly: kept ends, and the middle
    edited, or removed before added. A property test holds it to ``_align``."""
    out = Pairing.kept_run(0, 0, head)
    i, j = head, head  # the middle paragraph, where each side has one
    has_old, has_new = len(old) - head - tail == 1, len(new) - head - tail == 1
    if has_old and has_new:
        common, size_a, size_b = _overlap(old[i], new[j])
        score = _score(common, size_a, size_b) if common else 0.0
        if common and score >= threshold:
            out.append(Pairing(PairingKind.EDITED, (i,), (j,), score, edited=True))
        elif rewrites and (rewrite := rewritten(old[i], new[j], alone=True, only=len(old) == len(new) == 1)):
            out.append(Pairing(PairingKind.EDITED, (i,), (j,), rewrite, edited=True))
        else:
            out += [Pairing(PairingKind.REMOVED, (i,), (), 0.0), Pairing(PairingKind.ADDED, (), (j,), 0.0)]
    elif has_old:
        out.append(Pairing(PairingKind.REMOVED, (i,), (), 0.0))
    elif has_new:
        out.append(Pairing(PairingKind.ADDED, (), (j,), 0.0))
    end_old, end_new = len(old) - tail, len(new) - tail
    out += Pairing.kept_run(end_old, end_new, tail)
    return tuple(out)


def _moved_only(old: Sequence[str], new: Sequence[str], head: int, tail: int) -> tuple[Pairing, ...] | None:
    """What ``_align`` gives when the one change is a paragraph moved from one end of
    the middle to the other (``_one_moved``): the paragraphs it passed kept, one place
    on, and it moved; None for anything else. Taken in slices of the shared kept
    pairings, where ``_assemble`` walks every paragraph it passed (hundreds when one
    moves far in a long article). A property test holds it to ``_align``."""
    end = len(old) - tail
    if len(new) != len(old) or (runs := _one_moved(old[head:end], new[head:end])) is None:
        return None
    n = end - head
    if runs[0][0] == "delete":  # the first paragraph of the middle now its last
        middle = Pairing.kept_run(head + 1, head, n - 1) + [Pairing(PairingKind.MOVED, (head,), (end - 1,), 1.0)]
    else:
        middle = [Pairing(PairingKind.MOVED, (end - 1,), (head,), 1.0)] + Pairing.kept_run(head, head + 1, n - 1)
    return tuple(Pairing.kept_run(0, 0, head) + middle + Pairing.kept_run(end, end, tail))


def _backbone(
    old: Sequence[str], new: Sequence[str], timeout: float, ends: tuple[int, int] | None = None
) -> list[tuple[int, int]]:
    """Order-preserving matches of identical paragraphs, as (old, new) index pairs."""
    head, tail = ends or _common_ends(old, new)
    pairs = list(zip(range(head), range(head)))
    end_old, end_new = len(old) - tail, len(new) - tail
    common = {old[i] for i in range(head, end_old)}.intersection(new[j] for j in range(head, end_new))
    if common:
        # A paragraph found on one side only can never match: leave it out of the LCS.
        a_idx = [i for i in range(head, end_old) if old[i] in common]
        b_idx = [j for j in range(head, end_new) if new[j] in common]
        a = [old[i] for i in a_idx]
        b = [new[j] for j in b_idx]
        # Paragraphs only edited, added or removed leave the shared ones in order.
        runs = [("equal", len(a))] if a == b else _one_moved(a, b) or diff_runs(a, b, timeout=timeout)
        if runs is None:  # too many distinct paragraphs: keep the common ends only
            runs = _ends_only(a, b)
        x = y = 0
        for tag, n in runs:
            if tag == "equal":
                pairs.extend(zip(a_idx[x : x + n], b_idx[y : y + n], strict=True))
            x += n if tag != "insert" else 0
            y += n if tag != "delete" else 0
    pairs += zip(range(end_old, len(old)), range(end_new, len(new)))
    return pairs


def _one_moved(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[str, int]] | None:
    """The diff of the shared paragraphs when one paragraph moved (the first of ``a`` now
    last, or the last now first: the common ends are cut off), as the engine gives it:
    the paragraph deleted and inserted around the others kept. Found without the engine,
    whose set-up a long article's hundreds of paragraphs make the most of a move's cost;
    None for anything else. With two others or more, and the paragraph not among them,
    keeping the others is the one longest common run (a property test holds this to the
    engine)."""
    n = len(a)
    if n < 3 or len(b) != n:
        return None
    if a[0] == b[-1] and a[1:] == b[:-1] and a[0] not in a[1:]:
        return [("delete", 1), ("equal", n - 1), ("insert", 1)]
    if a[-1] == b[0] and a[:-1] == b[1:] and a[-1] not in a[:-1]:
        return [("insert", 1), ("equal", n - 1), ("delete", 1)]
    return None


def _ends_only(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[str, int]]:
    """A coarse diff: common prefix and suffix kept, the middle replaced."""
    p = 0
    while p < len(a) and p < len(b) and a[p] == b[p]:
        p += 1
    s = 0
    while s < len(a) - p and s < len(b) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    runs = [("equal", p), ("delete", len(a) - p - s), ("insert", len(b) - p - s), ("equal", s)]
    return [(tag, n) for tag, n in runs if n]


def _match_identical(
    old: Sequence[str], new: Sequence[str], free_old: list[int], free_new: list[int]
) -> list[_Group]:
    """Identical paragraphs the backbone left out (they moved, or repeat): paired
    first-come first-served, so duplicates pair in their original order."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for i in free_old:
        waiting[old[i]].append(i)
    taken: dict[str, int] = defaultdict(int)
    groups = []
    for j in free_new:
        olds = waiting.get(new[j])
        if olds and taken[new[j]] < len(olds):
            groups.append(_Group("identical", (olds[taken[new[j]]],), (j,), 1.0))
            taken[new[j]] += 1
    return groups


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence of ``values``."""
    tails: list[int] = []  # tails[k]: smallest tail value of an increasing run of length k+1
    tail_pos: list[int] = []
    back = [-1] * len(values)
    for pos, v in enumerate(values):
        k = bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_pos.append(pos)
        else:
            tails[k] = v
            tail_pos[k] = pos
        back[pos] = tail_pos[k - 1] if k else -1
    keep: set[int] = set()
    pos = tail_pos[-1] if tail_pos else -1
    while pos != -1:
        keep.add(pos)
        pos = back[pos]
    return keep


def _assemble(
    n_old: int, n_new: int, backbone: list[tuple[int, int]], groups: list[_Group],
    ends: tuple[int, int] = (0, 0),
) -> tuple[Pairing, ...]:
    """Give each group its kind (in order with the backbone, or moved), add the
    leftovers as added/removed, and order everything by new position. ``ends``: how
    many of the backbone's first and last pairs are the common ends (kept in place,
    taken whole; every group lies between them): only the paragraphs between are
    walked one by one. A property test holds it to the walk over every paragraph
    (``ends`` (0, 0))."""
    head, tail = ends
    end_old, end_new = n_old - tail, n_new - tail
    bb_old = list(map(_FIRST, backbone))
    bb_new = list(map(_SECOND, backbone))
    by_gap: dict[int, list[_Group]] = defaultdict(list)
    moved: list[_Group] = []
    for g in groups:
        gap = bisect_left(bb_old, g.old[0])
        (by_gap[gap] if gap == bisect_left(bb_new, g.new[0]) else moved).append(g)
    in_order: list[_Group] = []
    for members in by_gap.values():
        members.sort(key=lambda g: g.new[0])
        keep = _longest_increasing([g.old[0] for g in members])
        for pos, g in enumerate(members):
            (in_order if pos in keep else moved).append(g)

    # the middle's pairings, each at its first new paragraph (index j - head)
    at_new: list[Pairing | None] = [None] * (end_new - head)
    taken_new = bytearray(end_new - head)
    taken_old = bytearray(end_old - head)
    # The new position each in-order old paragraph maps to: removals follow it.
    anchor = [-2] * (end_old - head)
    for i, j in backbone[head : len(backbone) - tail]:
        shared = KEPT_SHIFTED.get(j - i)
        at_new[j - head] = shared.one(min(i, j)) if shared else Pairing.kept(i, j)
        taken_new[j - head] = taken_old[i - head] = 1
        anchor[i - head] = j
    for g, is_moved in [(g, False) for g in in_order] + [(g, True) for g in moved]:
        at_new[g.new[0] - head] = _pairing(g, is_moved)
        for j in g.new:
            taken_new[j - head] = 1
        for i in g.old:
            taken_old[i - head] = 1
            if not is_moved:
                anchor[i - head] = g.new[-1]
    removed_after: dict[int, list[Pairing]] = defaultdict(list)
    last = head - 1  # the head's last paragraph, kept in place (-1: the start)
    for i in range(head, end_old):
        if anchor[i - head] != -2:
            last = anchor[i - head]
        elif not taken_old[i - head]:
            removed_after[last].append(Pairing(PairingKind.REMOVED, (i,), (), 0.0))
    out = Pairing.kept_run(0, 0, head) + removed_after.get(head - 1, [])
    for j in range(head, end_new):
        p = at_new[j - head]
        if p is not None:
            out.append(p)
        elif not taken_new[j - head]:
            out.append(Pairing(PairingKind.ADDED, (), (j,), 0.0))
        if j in removed_after:
            out += removed_after[j]
    out += Pairing.kept_run(end_old, end_new, tail)
    return tuple(out)


def _pairing(g: _Group, moved: bool) -> Pairing:
    if g.kind in ("split", "merged"):
        return Pairing(PairingKind(g.kind), g.old, g.new, g.similarity, edited=True)
    if g.kind == "identical":
        return Pairing(PairingKind.MOVED if moved else PairingKind.KEPT, g.old, g.new, 1.0)
    return Pairing(PairingKind.MOVED if moved else PairingKind.EDITED, g.old, g.new, g.similarity, edited=True)
