"""The sequence differ under both the alignment and the word diff: diff-match-patch
run over items (paragraphs, words) mapped one-to-one onto private-use characters.

Its own module, below ``align`` and ``diff``, so that both use it and neither
imports the other for it.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 1

DEFAULT_TIMEOUT = 0.5  # seconds diff-match-patch may spend before settling for a coarser diff

# Private-use code points only: no letters, digits or spaces among them, so
# diff-match-patch's cosmetic boundary scoring treats every item alike.
_PLANES = ((0xE000, 0xF900), (0xF0000, 0xFFFFE), (0x100000, 0x10FFFE))
ALPHABET_SIZE = sum(hi - lo for lo, hi in _PLANES)  # 137,468 distinct items per diff


# -- sequence diff over hashed items -----------------------------------------


def _alphabet(n: int) -> Iterator[str]:
    """The first ``n`` characters items are mapped onto."""
    if n <= _PLANES[0][1] - _PLANES[0][0]:
        return map(chr, range(_PLANES[0][0], _PLANES[0][0] + n))
    return _planes(n)


def _planes(n: int) -> Iterator[str]:
    for lo, hi in _PLANES:
        take = min(n, hi - lo)
        yield from map(chr, range(lo, lo + take))
        n -= take


# The first plane's characters, made once: most diffs (every word diff of a paragraph)
# need no more, and zipping items with these skips making a character per item per diff
_FIRST_PLANE = tuple(map(chr, range(*_PLANES[0])))


def _encode(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[str, str] | None:
    """Both sequences as strings, one character per distinct item; None when
    there are more distinct items than characters to give them."""
    distinct = dict.fromkeys(a)
    distinct.update(dict.fromkeys(b))
    if len(distinct) > ALPHABET_SIZE:
        return None
    # Built with C-level calls throughout: this runs once per word diff.
    chars = _FIRST_PLANE if len(distinct) <= len(_FIRST_PLANE) else _alphabet(len(distinct))
    table = dict(zip(distinct, chars))
    get = table.__getitem__
    return "".join(map(get, a)), "".join(map(get, b))


_CLEANUP_CHUNK = 256  # diff entries: semantic cleanup is quadratic, so long diffs go in pieces
_FAST_OPS = {"=": 0, "-": -1, "+": 1}
_TAGS = {0: "equal", -1: "delete", 1: "insert"}


@cache
def has_fast_engine() -> bool:
    """Is the C++ build of diff-match-patch (extra ``fast``) installed?"""
    return importlib.util.find_spec("fast_diff_match_patch") is not None


def diff_runs(
    a: Sequence[Hashable],
    b: Sequence[Hashable],
    *,
    semantic: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    fast: bool | None = None,
) -> list[tuple[str, int]] | None:
    """Runs of ``(tag, count)``, tag equal/delete/insert, that turn ``a`` into
    ``b`` item by item, no two neighbours with the same tag; None when the two
    hold more than ``ALPHABET_SIZE`` distinct items. ``semantic`` applies
    diff-match-patch's semantic cleanup. Past ``timeout`` seconds (0: no limit)
    the diff, then the cleanup, settle for coarser results that are still
    valid. ``fast`` diffs with the C++ build (fast_diff_match_patch), which gives the
    same runs 2-3x sooner; None: whenever it is installed."""
    encoded = _encode(a, b)
    if encoded is None:
        return None
    if fast or (fast is None and has_fast_engine()):
        engine = _fast_diff()
        # The C++ build's own semantic cleanup gives the same diff as the Python one,
        # several times sooner, but in one piece: used when the diff cannot need chunks.
        if not semantic or len(encoded[0]) + len(encoded[1]) <= _CLEANUP_CHUNK:
            counts = engine(
                *encoded, timelimit=timeout, checklines=False,
                cleanup="Semantic" if semantic else "No", counts_only=True,
            )
            return _runs_of_counts(counts)
        started = time.monotonic()
        raw = engine(*encoded, timelimit=timeout, checklines=False, cleanup="No", counts_only=False)
        diffs = [(_FAST_OPS[op], text) for op, text in raw]
    else:
        from diff_match_patch import diff_match_patch

        started = time.monotonic()
        dmp = diff_match_patch()
        dmp.Diff_Timeout = timeout
        diffs = dmp.diff_main(*encoded, False)
    if semantic:
        diffs = _cleanup_semantic(diffs, started + 2 * timeout if timeout > 0 else None)
    return _runs((op, len(text)) for op, text in diffs)


@cache
def _fast_diff() -> Callable[..., Any]:
    """The C++ build's diff function, its module imported once, not at every word diff."""
    import fast_diff_match_patch

    return fast_diff_match_patch.diff  # type: ignore[no-any-return]


def _runs(steps: Iterable[tuple[int, int]]) -> list[tuple[str, int]]:
    """(op, count) steps as runs: empty ones dropped, neighbours with one tag merged."""
    runs: list[tuple[str, int]] = []
    for op, n in steps:
        if not n:
            continue
        if runs and runs[-1][0] == _TAGS[op]:
            runs[-1] = (runs[-1][0], runs[-1][1] + n)
        else:
            runs.append((_TAGS[op], n))
    return runs


_FAST_TAGS = {"=": "equal", "-": "delete", "+": "insert"}


def _runs_of_counts(counts: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """``_runs`` of the C++ build's (op, count) pairs, read without a step through
    ``_FAST_OPS``: every word diff that reaches the engine ends here."""
    runs: list[tuple[str, int]] = []
    last = None
    for op, n in counts:
        if not n:
            continue
        tag = _FAST_TAGS[op]
        if tag == last:
            runs[-1] = (tag, runs[-1][1] + n)
        else:
            runs.append((tag, n))
            last = tag
    return runs


def _cleanup_semantic(diffs: list[tuple[int, str]], deadline: float | None) -> list[tuple[int, str]]:
    """diff-match-patch's semantic cleanup, a chunk at a time, each cut in the
    middle of a long equality; chunks reached after ``deadline`` stay as they are."""
    cleanup = _cleanup_semantic_step()
    out: list[tuple[int, str]] = []
    for chunk in _chunks(diffs):
        if deadline is None or time.monotonic() < deadline:
            cleanup(chunk)
        out += chunk
    return out


@cache
def _cleanup_semantic_step() -> Callable[[list[tuple[int, str]]], None]:
    """diff-match-patch's semantic cleanup (in place), its module loaded once: it
    keeps no state between calls, so one instance serves every diff."""
    from diff_match_patch import diff_match_patch

    return diff_match_patch().diff_cleanupSemantic


def _chunks(diffs: list[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    start = 0
    carry: list[tuple[int, str]] = []  # second half of the equality cut last time
    while len(diffs) - start > _CLEANUP_CHUNK:
        # The longest equality in the window's second half: the least likely
        # to be one that cleanup would have merged away.
        cut = max(
            range(start + _CLEANUP_CHUNK // 2, start + _CLEANUP_CHUNK),
            key=lambda k: len(diffs[k][1]) if diffs[k][0] == 0 else -1,
        )
        op, text = diffs[cut]
        keep = len(text) - len(text) // 2 if op == 0 else len(text)
        yield carry + diffs[start:cut] + [(op, text[:keep])]
        carry = [(op, text[keep:])] if keep < len(text) else []
        start = cut + 1
    yield carry + diffs[start:]
