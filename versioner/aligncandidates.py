"""Which pairs of unmatched paragraphs the aligner compares for similarity: every pair
when few, else rank neighbours inside the same gap of the backbone and pairs that share
rare words, so that a long article is not compared pair by pair (split from align.py)."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from itertools import product

RULES_VERSION = 1  # split from align.py (its version 2), behaviour unchanged

ALL_PAIRS_LIMIT = 4096  # below this many unmatched pairs, compare every pair
_WINDOW = 3  # otherwise: neighbours either side, by rank, within the same backbone gap
_RARE_DF = 8  # ... plus paragraphs sharing a word found in at most this many paragraphs
_RARE_TOP = 3  # ... keeping the few that share the most such words


def candidates(
    free_old: list[int],
    free_new: list[int],
    bb_old: list[int],
    bb_new: list[int],
    wo: Callable[[int], frozenset[str]],
    wn: Callable[[int], frozenset[str]],
) -> Iterator[tuple[int, int]]:
    """(old, new) pairs worth comparing: all of them when few; otherwise rank
    neighbours inside the same backbone gap, and pairs sharing rare words."""
    if len(free_old) * len(free_new) <= ALL_PAIRS_LIMIT:
        yield from product(free_old, free_new)
        return
    gaps_old: dict[int, list[int]] = defaultdict(list)
    gaps_new: dict[int, list[int]] = defaultdict(list)
    for i in free_old:
        gaps_old[bisect_left(bb_old, i)].append(i)
    for j in free_new:
        gaps_new[bisect_left(bb_new, j)].append(j)
    for gap, news in gaps_new.items():
        olds = gaps_old.get(gap)
        if not olds:
            continue
        for rank, j in enumerate(news):
            centre = rank * len(olds) // len(news)
            for i in olds[max(0, centre - _WINDOW) : centre + _WINDOW + 1]:
                yield i, j
    # Index the smaller side by its rare words; look the other side up in it.
    if len(free_old) <= len(free_new):
        for i, j in _rare_word_pairs(free_old, wo, free_new, wn):
            yield i, j
    else:
        for j, i in _rare_word_pairs(free_new, wn, free_old, wo):
            yield i, j


def _rare_word_pairs(
    indexed: list[int],
    words_of: Callable[[int], frozenset[str]],
    queries: list[int],
    query_words: Callable[[int], frozenset[str]],
) -> Iterator[tuple[int, int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for k in indexed:
        for w in words_of(k):
            postings[w].append(k)
    rare = {w: ks for w, ks in postings.items() if len(ks) <= _RARE_DF}
    for q in queries:
        hits: Counter[int] = Counter()
        for w in query_words(q):
            if w in rare:
                hits.update(rare[w])
        for k, _ in hits.most_common(_RARE_TOP):
            yield k, q
