"""Align stage: pair the paragraphs of two revisions.

Every paragraph of either revision lands in exactly one ``Pairing``: kept,
edited, added, removed, moved, split or merged (the NewsEdits taxonomy of
addition, deletion, update and refactor). Identical paragraphs are matched
first, along an order-preserving backbone (a longest common subsequence over
whole paragraphs); the rest are paired by word overlap, looked up only among
nearby or rare-word-sharing candidates so that big documents stay linear.

Both the backbone and the word diff run on ``seqdiff.diff_runs``.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter, ne
from typing import Literal

from versioner.aligncandidates import ALL_PAIRS_LIMIT, candidates
from versioner.model import PairingKind
from versioner.pairing import HALVING_FROM, KEPT_SHIFTED, Pairing, shared_head, shared_tail
from versioner.pairing import first_difference as first_difference  # re-exported: diff and tests ask here
from versioner.seqdiff import DEFAULT_TIMEOUT, diff_runs

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 2  # 2: a paragraph rewritten in other words is edited (issue 16)

KINDS = tuple(PairingKind)
EDIT_THRESHOLD = 0.5  # word-overlap similarity at or above which two paragraphs are one, edited
CONTAINED_WEIGHT = 0.8  # a paragraph grown or cut by a sentence: its shorter side's share, discounted
CONTAINED_MIN_WORDS = 5  # ... counted only when the shorter side has this many distinct words
PART_CONTAINMENT = 0.5  # share of a split/merge part's words that must come from the whole


# Marks that stand apart from words: ASCII punctuation, quotes, dashes, CJK marks.
PUNCTUATION = string.punctuation + "¡¿«»‹›“”„‟‘’‚‛–—―‐‑‒…·•†‡§¶′″、。，！？：；（）「」『』【】《》〈〉"
# One mark at a time, not runs: the split after it drops the extra spaces, and the
# engine skips ahead to a single-character class twice as fast.
_PUNCT_MARK = re.compile(f"[{re.escape(PUNCTUATION)}]")


# -- alignment ---------------------------------------------------------------


_GroupKind = Literal["identical", "similar", "split", "merged"]


@dataclass(frozen=True)
class _Group:
    """Paragraphs matched outside the backbone, before they get their kind."""

    kind: _GroupKind  # split and merged become PairingKinds
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float


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


def _overlap(a: str, b: str) -> tuple[int, int, int]:
    """How many words (as _folded_word_set reads them) ``a`` and ``b`` share, and how
    many each holds. The text both start and end with, cut where a space ends a word,
    is folded once for both: a paragraph with a figure or a name fixed is mostly that
    (a property test holds this to the two word sets)."""
    p = shared_start(a, b)
    while p and not a[p - 1].isspace():
        p -= 1
    s = shared_end(a, b, min(len(a), len(b)) - p)
    while s and not a[len(a) - s].isspace():
        s -= 1
    # folded in one piece: the start ends in a space, so no word is glued across the join
    both = _folded_word_set(a[:p] + a[len(a) - s:])
    only_a = _folded_word_set(a[p:len(a) - s]) - both
    only_b = _folded_word_set(b[p:len(b) - s]) - both
    return len(both) + len(only_a & only_b), len(both) + len(only_a), len(both) + len(only_b)


def shared_start(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` start with alike (halving: slices compare at C speed)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a.startswith(b[lo:mid], lo):  # one slice a step, not two
            lo = mid
        else:
            hi = mid - 1
    return lo


def shared_end(a: str, b: str, limit: int) -> int:
    """How many characters ``a`` and ``b`` end with alike, at most ``limit`` (halving,
    in place: neither text is copied reversed)."""
    la, lb = len(a), len(b)
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a.endswith(b[lb - mid : lb - lo], 0, la - lo):  # one slice a step, not two
            lo = mid
        else:
            hi = mid - 1
    return lo


def _folded_word_set(text: str) -> frozenset[str]:
    """The paragraph's words, case-folded, punctuation dropped."""
    return frozenset(_PUNCT_MARK.sub(" ", text.casefold()).split())


def similarity(a: str, b: str) -> float:
    """Word overlap of two paragraphs in [0, 1], as ``align_paragraphs`` scores it."""
    return _similarity(_folded_word_set(a), _folded_word_set(b))


def word_overlap(a: str, b: str) -> float:
    """The share of two paragraphs' words that both hold (Jaccard), with no allowance for
    a sentence gained or lost: how much of a paragraph stands as it was."""
    wa, wb = _folded_word_set(a), _folded_word_set(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 1.0


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return _score(len(a & b), len(a), len(b))


def _score(common: int, size_a: int, size_b: int) -> float:
    """Jaccard of two word sets sharing ``common`` words; or, when a paragraph
    gained or lost a sentence, the share of the shorter one's words found in
    the longer, discounted."""
    if not common:
        return 0.0
    score = common / (size_a + size_b - common)
    shorter = min(size_a, size_b)
    if shorter >= CONTAINED_MIN_WORDS:
        score = max(score, CONTAINED_WEIGHT * common / shorter)
    return score


_Key = tuple[tuple[int, ...], tuple[int, ...]]  # (old indexes, new indexes) of a candidate match


def _match_similar(
    old: Sequence[str],
    new: Sequence[str],
    free_old: list[int],
    free_new: list[int],
    bb_old: list[int],
    bb_new: list[int],
    threshold: float,
) -> list[_Group]:
    """Reworded, split and merged paragraphs among the unmatched ones, best first."""
    if not free_old or not free_new:
        return []
    # every free paragraph's words are asked for (by a pair, or by the rare-word index
    # of long documents): read once each, up front
    wo = {i: _folded_word_set(old[i]) for i in free_old}.__getitem__
    wn = {j: _folded_word_set(new[j]) for j in free_new}.__getitem__
    open_old, open_new = set(free_old), set(free_new)
    found: dict[_Key, tuple[_GroupKind, float]] = {}
    key: _Key
    # The words each candidate pair shares, counted once: a split or merge asks of a
    # pair's neighbours what their own pairs counted (every pair, when few). The ranking
    # below orders ``found`` whole, so reading the pairs in two passes changes nothing.
    shared = {(i, j): len(wo(i) & wn(j)) for i, j in candidates(free_old, free_new, bb_old, bb_new, wo, wn)}
    for (i, j), common in shared.items():
        if not common:
            continue
        whole, part = wo(i), wn(j)
        score = _score(common, len(whole), len(part))
        if score >= threshold:
            found[(i,), (j,)] = ("similar", score)
        # One old paragraph split into j and a neighbour (j's words mostly from
        # it), or two merged into j (i's words mostly in j).
        if common >= PART_CONTAINMENT * len(part):
            for j2 in (j - 1, j + 1):
                key = ((i,), (min(j, j2), max(j, j2)))
                if (
                    j2 in open_new
                    and key not in found
                    and (joint := _split_score(whole, part, wn(j2), score, threshold, shared.get((i, j2))))
                ):
                    found[key] = ("split", joint)
        if common >= PART_CONTAINMENT * len(whole):
            for i2 in (i - 1, i + 1):
                key = ((min(i, i2), max(i, i2)), (j,))
                if (
                    i2 in open_old
                    and key not in found
                    and (joint := _split_score(part, whole, wo(i2), score, threshold, shared.get((i2, j))))
                ):
                    found[key] = ("merged", joint)
    groups = []
    ranked = sorted(found.items(), key=lambda kv: (-kv[1][1], len(kv[0][0]) + len(kv[0][1]), kv[0]))
    for (olds, news), (kind, score) in ranked:
        if all(i in open_old for i in olds) and all(j in open_new for j in news):
            open_old.difference_update(olds)
            open_new.difference_update(news)
            groups.append(_Group(kind, olds, news, score))
    return groups


# -- rewritten paragraphs ---------------------------------------------------------
# A paragraph said again in other words (a rewritten lede) shares too few words to
# reach EDIT_THRESHOLD, but its content words (names, figures, the nouns and verbs
# of the news) are largely the same, and it stands where the old one stood. Paired
# as edited, the figures, names, quotes and negations inside are held against each
# other instead of vanishing into "paragraph removed" and "paragraph added".

REWRITE_SHARE = 0.28  # content words shared (Jaccard) by a rewrite among other changes
REWRITE_ALONE_SHARE = 0.15  # ... by a rewrite that is the only change between its neighbours
REWRITE_CONTAINED = 0.5  # ... or this share of the shorter side's, with REWRITE_MIN_COMMON words
REWRITE_MIN_COMMON = 4
# Function words of English (the language of the rules): not content. Words of one
# character and those in other languages simply count as content.
_FUNCTION_WORDS = frozenset("""a an the and or but nor of to in on at for by with from as into onto
over under about after before than then so that this these those it its he she they them his her
their we our you your i me my is are was were be been being has have had do does did will would
shall should can could may might must who whom whose which what when where while also not no
said says say""".split())


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _folded_word_set(text) if w not in _FUNCTION_WORDS)


def rewritten(a: str, b: str, *, alone: bool = False, only: bool = False) -> float:
    """How far ``b`` reads as ``a`` rewritten, 0 when it does not. ``alone``: the two are
    the only paragraphs changed between the same neighbours, so less in common is
    enough (REWRITE_ALONE_SHARE); ``only``: and the only paragraphs of the body (a
    teaser or summary, rewritten in its one slot): one content word in common is."""
    return _rewrite_score(_content_words(a), _content_words(b), alone, only)


def _rewrite_score(ca: frozenset[str], cb: frozenset[str], alone: bool, only: bool) -> float:
    common = len(ca & cb)
    if not common:
        return 0.0
    share = common / len(ca | cb)
    if only or share >= (REWRITE_ALONE_SHARE if alone else REWRITE_SHARE) or (
            common >= REWRITE_MIN_COMMON and common >= REWRITE_CONTAINED * min(len(ca), len(cb))):
        return max(share, 1e-3)
    return 0.0


def _match_rewritten(
    old: Sequence[str], new: Sequence[str], groups: list[_Group], free_old: list[int],
    free_new: list[int], bb_old: list[int], bb_new: list[int],
) -> list[_Group]:
    """Rewritten paragraphs among those still unmatched, within one gap of the backbone
    (a rewrite stays where it stood), best first."""
    used_old = {i for g in groups for i in g.old}
    used_new = {j for g in groups for j in g.new}
    gaps_old: dict[int, list[int]] = defaultdict(list)
    gaps_new: dict[int, list[int]] = defaultdict(list)
    for i in free_old:
        if i not in used_old:
            gaps_old[bisect_left(bb_old, i)].append(i)
    for j in free_new:
        if j not in used_new:
            gaps_new[bisect_left(bb_new, j)].append(j)
    out: list[_Group] = []
    for gap, olds in gaps_old.items():
        news = gaps_new.get(gap)
        if not news or len(olds) * len(news) > ALL_PAIRS_LIMIT:
            continue
        alone = len(olds) == len(news) == 1
        only = alone and len(old) == len(new) == 1
        words_old = {i: _content_words(old[i]) for i in olds}  # once each, not once per pair
        words_new = {j: _content_words(new[j]) for j in news}
        found = sorted(((score, i, j) for i in olds for j in news
                        if (score := _rewrite_score(words_old[i], words_new[j], alone, only))), reverse=True)
        taken_old: set[int] = set()
        taken_new: set[int] = set()
        for score, i, j in found:
            if i not in taken_old and j not in taken_new:
                taken_old.add(i)
                taken_new.add(j)
                out.append(_Group("similar", (i,), (j,), score))
    return out


def _split_score(
    whole: frozenset[str], part: frozenset[str], other: frozenset[str], single: float, threshold: float,
    from_whole: int | None = None,
) -> float:
    """Similarity of ``whole`` to ``part`` and ``other`` together, when ``other``
    too comes mostly from ``whole`` (``part`` is known to) and together they
    match it better than either alone; else 0. ``from_whole``: ``len(other & whole)``,
    when the caller counted it."""
    if from_whole is None:
        from_whole = len(other & whole)
    if not other or from_whole < PART_CONTAINMENT * len(other):
        return 0.0
    joint = _similarity(whole, part | other)
    if joint >= threshold and joint > single and joint > _similarity(whole, other):
        return joint
    return 0.0


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
