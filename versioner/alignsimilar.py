"""Pairing similar paragraphs: the words of a paragraph as the aligner reads them,
how alike two paragraphs are, and the matching of reworded, split, merged and
rewritten paragraphs among those the backbone of identical ones left unmatched
(split from align.py, which re-exports the public names)."""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Literal

from versioner.aligncandidates import ALL_PAIRS_LIMIT, candidates

RULES_VERSION = 1  # split from align.py (its version 2), behaviour unchanged

EDIT_THRESHOLD = 0.5  # word-overlap similarity at or above which two paragraphs are one, edited
CONTAINED_WEIGHT = 0.8  # a paragraph grown or cut by a sentence: its shorter side's share, discounted
CONTAINED_MIN_WORDS = 5  # ... counted only when the shorter side has this many distinct words
PART_CONTAINMENT = 0.5  # share of a split/merge part's words that must come from the whole


# Marks that stand apart from words: ASCII punctuation, quotes, dashes, CJK marks.
PUNCTUATION = string.punctuation + "¡¿«»‹›“”„‟‘’‚‛–—―‐‑‒…·•†‡§¶′″、。，！？：；（）「」『』【】《》〈〉"
# One mark at a time, not runs: the split after it drops the extra spaces, and the
# engine skips ahead to a single-character class twice as fast.
_PUNCT_MARK = re.compile(f"[{re.escape(PUNCTUATION)}]")


_GroupKind = Literal["identical", "similar", "split", "merged"]


@dataclass(frozen=True)
class _Group:
    """Paragraphs matched outside the backbone, before they get their kind."""

    kind: _GroupKind  # split and merged become PairingKinds
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float


_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _overlap(a: str, b: str) -> tuple[int, int, int]:
    """How many words (as _folded_word_set reads them) ``a`` and ``b`` share, and how
    many each holds. The text both start and end with, cut where a space ends a word,
    is folded once for both: a paragraph with a figure or a name fixed is mostly that
    (a property test holds this to the two word sets)."""
    both, only_a, only_b = _split_words(a, b)
    return len(both) + len(only_a & only_b), len(both) + len(only_a), len(both) + len(only_b)


def _word_sets(a: str, b: str) -> tuple[frozenset[str], frozenset[str]]:
    """``_folded_word_set(a), _folded_word_set(b)``, the text both start and end with
    folded once for both (a property test holds the two equal)."""
    both, only_a, only_b = _split_words(a, b)
    if not both:
        return only_a, only_b
    return both | only_a, both | only_b


def _split_words(a: str, b: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words of the text ``a`` and ``b`` start and end with, and those of each one's
    middle not among them."""
    # Any cut where a space ends the start and begins the end counts the same words:
    # the word diff's (``common_cut``), each backed off to a space.
    p, s = common_cut(a, b)
    while p and not a[p - 1].isspace():
        p -= 1
    while s and not a[len(a) - s].isspace():
        s -= 1
    if not p and not s:  # nothing shared: each read whole, no empty text folded
        return frozenset(), _folded_word_set(a), _folded_word_set(b)
    # folded in one piece: the start ends in a space, so no word is glued across the join
    both = _folded_word_set(a[:p] + a[len(a) - s:])
    return both, _folded_word_set(a[p:len(a) - s]) - both, _folded_word_set(b[p:len(b) - s]) - both


@lru_cache(maxsize=16)
def common_cut(a: str, b: str) -> tuple[int, int]:
    """How many characters ``a`` and ``b`` start with alike, and then end with alike (no
    more than the shorter holds past the start). Asked of an edited paragraph twice, by
    the aligner (``_overlap``) and by its word diff, and found once: the last few pairs
    are remembered (the strings' hashes are cached, so asking costs a dict lookup)."""
    p = shared_start(a, b)
    return p, shared_end(a, b, min(len(a), len(b)) - p)


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
    if len(free_old) == len(free_new) and len(free_old) * len(free_new) <= ALL_PAIRS_LIMIT:
        # As many old as new (paragraphs reworded in place, most often): the k-th of each
        # read together, the text they start and end with folded once (any pairing gives
        # the same sets; only the rare-word index, past the limit, reads their order).
        sets = [_word_sets(old[i], new[j]) for i, j in zip(free_old, free_new)]
        words_old = dict(zip(free_old, map(_FIRST, sets)))
        words_new = dict(zip(free_new, map(_SECOND, sets)))
    else:
        words_old = {i: _folded_word_set(old[i]) for i in free_old}
        words_new = {j: _folded_word_set(new[j]) for j in free_new}
    open_old, open_new = set(free_old), set(free_new)
    found: dict[_Key, tuple[_GroupKind, float]] = {}
    key: _Key
    # The words each candidate pair shares, counted once: a split or merge asks of a
    # pair's neighbours what their own pairs counted (every pair, when few). The ranking
    # below orders ``found`` whole, so reading the pairs in two passes changes nothing.
    if len(free_old) * len(free_new) <= ALL_PAIRS_LIMIT:
        # every pair, in the order ``candidates`` gives them, read straight from the two
        # dicts (built in the same order) rather than a pair at a time through it
        new_words = list(words_new.items())
        shared = {(i, j): len(whole & part) for i, whole in words_old.items() for j, part in new_words}
    else:
        shared = {(i, j): len(words_old[i] & words_new[j])
                  for i, j in candidates(free_old, free_new, bb_old, bb_new, words_old.__getitem__,
                                         words_new.__getitem__)}
    for (i, j), common in shared.items():
        if not common:
            continue
        whole, part = words_old[i], words_new[j]
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
                    and (joint := _split_score(whole, part, words_new[j2], score, threshold, shared.get((i, j2))))
                ):
                    found[key] = ("split", joint)
        if common >= PART_CONTAINMENT * len(whole):
            for i2 in (i - 1, i + 1):
                key = ((min(i, i2), max(i, i2)), (j,))
                if (
                    i2 in open_old
                    and key not in found
                    and (joint := _split_score(part, whole, words_old[i2], score, threshold, shared.get((i2, j))))
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
