"""Diff stage: word-level diffs, and the comparison of two parsed revisions.

A word diff maps each distinct token (a word, a number, one punctuation mark,
a run of whitespace) to one character, diffs those strings with
diff-match-patch and cleans the result up semantically, so a change never
splits a word and a comma fixed is a change of its own.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat, starmap
from operator import attrgetter, eq, is_not

from versioner.align import PUNCTUATION, Pairing, align_paragraphs, aligned, first_difference
from versioner.alignsimilar import common_cut
from versioner.model import CHANGE_OF_PAIRING, ChangeKind, PairingKind, Section
from versioner.parse import Part, Parts
from versioner.seqdiff import DEFAULT_TIMEOUT, diff_runs

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 2  # 2: the body aligned with rewrites paired (issue 16)

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
SECTION_ORDER = (Section.HEADLINE, Section.NOTICE, Section.BYLINE, Section.DATELINE, Section.BODY, Section.CREDITS)


@dataclass(frozen=True)
class Op:
    """One step of a word diff: text kept, inserted or deleted."""

    tag: str  # equal | insert | delete
    text: str


_new_object = object.__new__
_set_attribute = object.__setattr__


def _op(tag: str, text: str) -> Op:
    """``Op(tag, text)``, equal to it in value, hash and repr, made without the frozen
    __init__ (one object.__setattr__ a field): a word diff makes several ops a hunk,
    and a reworded paragraph dozens (a property test holds the two equal)."""
    op = _new_object(Op)
    _set_attribute(op, "__dict__", {"tag": tag, "text": text})
    return op


# -- tokens ------------------------------------------------------------------

_W = rf"[^\s{re.escape(PUNCTUATION)}]"
# Whitespace runs; words (apostrophes inside a word, and the separators inside
# a number such as 1,200 or 3.5, belong to it); any other character alone.
_TOKEN = re.compile(rf"\s+|{_W}+(?:(?:['’]|(?<=\d)[.,:/](?=\d)){_W}+)*|.", re.DOTALL)
_BACKOFF_LIMIT = 256  # chars: past this, tokenize everything rather than hunt for a boundary
_LINE_PASS = 1000  # chars: longer multi-line middles are diffed line by line first


def tokenize(text: str) -> list[str]:
    """Tokens that join back to ``text`` exactly: whitespace runs, words (with
    inner apostrophes; numbers with inner separators) and single punctuation marks."""
    return _TOKEN.findall(text)


# -- word diff ---------------------------------------------------------------


def word_diff(
    old: str, new: str, timeout: float = DEFAULT_TIMEOUT, *, fast: bool | None = None
) -> tuple[Op, ...]:
    """Ops turning ``old`` into ``new`` token by token: ``old_text(ops) == old``,
    ``new_text(ops) == new``, no empty op, no two neighbours with the same tag,
    and a delete always before the insert it pairs with. Past ``timeout``
    seconds the diff gets coarser, never wrong. ``fast``: see ``diff_runs``."""
    if old == new:
        return (_op(EQUAL, old),) if old else ()
    deadline = time.monotonic() + timeout if timeout > 0 else None
    p, s = common_cut(old, new)
    # Cut only where whitespace meets non-whitespace: always a token boundary.
    p = _back_off(old, new, p)
    s = _back_off_end(old, new, s)
    mid_old, mid_new = old[p : len(old) - s], new[p : len(new) - s]
    steps = [(EQUAL, old[:p])]
    steps += _diff_middle(mid_old, mid_new, deadline, fast)
    steps.append((EQUAL, old[len(old) - s :]))
    return _normalise(steps)


def _boundary(text: str, k: int) -> bool:
    return k <= 0 or k >= len(text) or text[k - 1].isspace() != text[k].isspace()


def _back_off(old: str, new: str, k: int) -> int:
    """The largest cut at or below ``k`` (the length of the start ``old`` and ``new``
    share) that is a boundary in both (0 if none nearby). Below ``k`` the two read
    alike on both sides of a cut, so only the cut at ``k`` needs asking of both."""
    if _boundary(old, k) and _boundary(new, k):
        return k
    for cut in range(k - 1, max(k - _BACKOFF_LIMIT, 0), -1):
        if old[cut - 1].isspace() != old[cut].isspace():
            return cut
    return 0


def _back_off_end(old: str, new: str, k: int) -> int:
    """``_back_off(old[::-1], new[::-1], k)``, read from the end in place: the shared
    end cut back to a boundary without copying both texts reversed (a property test
    holds the two equal)."""
    lo, ln = len(old), len(new)
    if k <= 0 or (k >= lo or old[lo - k].isspace() != old[lo - k - 1].isspace()) and (
            k >= ln or new[ln - k].isspace() != new[ln - k - 1].isspace()):
        return k
    for cut in range(k - 1, max(k - _BACKOFF_LIMIT, 0), -1):
        if old[lo - cut].isspace() != old[lo - cut - 1].isspace():
            return cut
    return 0


def _left(deadline: float | None) -> float:
    """Seconds left before ``deadline``, as a diff timeout (0 means no limit)."""
    return 0.0 if deadline is None else max(deadline - time.monotonic(), 1e-6)


Step = tuple[str, str]  # (tag, text): an op before it is made, cheap to build and merge


def _diff_middle(old: str, new: str, deadline: float | None, fast: bool | None) -> list[Step]:
    """Steps for the part of the texts between their common ends."""
    if len(old) + len(new) > _LINE_PASS and "\n" in old and "\n" in new:
        # Like diff-match-patch's own line mode: find the changed lines cheaply,
        # then diff words only where lines were both deleted and inserted.
        lines = _diff_tokens(_lines(old), _lines(new), deadline, fast, semantic=False)
        if lines is not None:
            steps: list[Step] = []
            for tag, text in _merge(lines):
                if tag == INSERT and steps and steps[-1][0] == DELETE:
                    steps[-1:] = _diff_words(steps[-1][1], text, deadline, fast)
                else:
                    steps.append((tag, text))
            return steps
    return _diff_words(old, new, deadline, fast)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _diff_words(old: str, new: str, deadline: float | None, fast: bool | None) -> list[Step]:
    a, b = tokenize(old), tokenize(new)
    if not a or not b or set(a).isdisjoint(b):
        # Nothing in common (a word replaced, a phrase added): the diff can only delete
        # the one side and insert the other, so the engine is not asked.
        return [(DELETE, old), (INSERT, new)]
    few = _replaced_between_ends(a, b)
    if few is not None:
        return few
    steps = _diff_tokens(a, b, deadline, fast)
    # More distinct tokens than characters to map them to: one coarse replace.
    return steps if steps is not None else [(DELETE, old), (INSERT, new)]


def _replaced_between_ends(a: list[str], b: list[str]) -> list[Step] | None:
    """The engine's steps when ``a`` and ``b`` share tokens only at their ends ("Lee," ->
    "Lea,": a word respelled before a comma): the common ends kept, the middle of one
    deleted and the other inserted; None otherwise. diff-match-patch trims the common
    ends itself, diffs two middles with no token in common as one delete and one
    insert, and its semantic cleanup leaves an equality with no edit on its far side
    as it is (a property test holds this to the engine). Two short middles are not
    worth the engine's set-up (most of a small diff's cost)."""
    p = first_difference(a, b)
    if p == len(a) or p == len(b):
        return None  # one side holds the other's start: an insert or delete the cleanup may shift
    s = first_difference(a[:p - 1 if p else None:-1], b[:p - 1 if p else None:-1])
    mid_a, mid_b = a[p:len(a) - s], b[p:len(b) - s]
    if not mid_a or not mid_b or not set(mid_a).isdisjoint(mid_b):
        return None
    steps = [(EQUAL, "".join(a[:p]))] if p else []
    steps += [(DELETE, "".join(mid_a)), (INSERT, "".join(mid_b))]
    return steps + [(EQUAL, "".join(a[len(a) - s:]))] if s else steps


def _diff_tokens(
    a: list[str], b: list[str], deadline: float | None, fast: bool | None, semantic: bool = True
) -> list[Step] | None:
    runs = diff_runs(a, b, semantic=semantic, timeout=_left(deadline), fast=fast)
    if runs is None:
        return None
    steps = []
    x = y = 0
    for tag, n in runs:
        if tag == DELETE:
            steps.append((DELETE, "".join(a[x : x + n])))
            x += n
        elif tag == INSERT:
            steps.append((INSERT, "".join(b[y : y + n])))
            y += n
        else:
            steps.append((EQUAL, "".join(a[x : x + n])))
            x += n
            y += n
    return steps


def _normalise(steps: Iterable[Step]) -> tuple[Op, ...]:
    """The ops of ``_merge(steps)``, made once each: no op is made and then merged away."""
    return tuple(starmap(_op, _merge(steps)))


def _merge(steps: Iterable[Step]) -> list[Step]:
    """Drop empty steps; each stretch of changes becomes one delete then one insert, and
    neighbouring equal steps one."""
    out: list[Step] = []
    kept: list[str] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for tag, text in steps:
        if not text:
            continue
        if tag == EQUAL:
            if deleted or inserted:
                _flush_changes(out, deleted, inserted)
                deleted, inserted = [], []
            kept.append(text)
        else:
            if kept:
                out.append((EQUAL, "".join(kept)))
                kept = []
            (deleted if tag == DELETE else inserted).append(text)
    _flush_changes(out, deleted, inserted)
    if kept:
        out.append((EQUAL, "".join(kept)))
    return out


def _flush_changes(out: list[Step], deleted: list[str], inserted: list[str]) -> None:
    if deleted:
        out.append((DELETE, "".join(deleted)))
    if inserted:
        out.append((INSERT, "".join(inserted)))


def old_text(ops: Iterable[Op]) -> str:
    """The old side of a diff: its equal and deleted text."""
    return "".join(op.text for op in ops if op.tag != INSERT)


def new_text(ops: Iterable[Op]) -> str:
    """The new side of a diff: its equal and inserted text."""
    return "".join(op.text for op in ops if op.tag != DELETE)


def is_whitespace_only(ops: Sequence[Op]) -> bool:
    """True when the diff changes something, and only whitespace: the two
    sides hold the same words in the same order (joining two words is not)."""
    if all(op.tag == EQUAL for op in ops):
        return False
    # Equal text is on both sides, so when the changed text holds other non-space
    # characters on one side, so does the whole: no need to join the paragraph. Counted
    # first; compared letter for letter when few (a figure or a name changed).
    deleted, inserted = _non_space(ops, DELETE), _non_space(ops, INSERT)
    if len(deleted) != len(inserted):
        return False
    if len(deleted) <= _FEW_CHANGED and sorted(deleted) != sorted(inserted):
        return False
    return old_text(ops).split() == new_text(ops).split()


_FEW_CHANGED = 64  # characters: sorting more than a few could cost more than the full test


def _non_space(ops: Sequence[Op], tag: str) -> str:
    return "".join(word for op in ops if op.tag == tag for word in op.text.split())


# -- comparing two revisions -------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One difference between two revisions, in one section."""

    section: Section  # never caption or any: those are only what a notice points at
    kind: ChangeKind
    old: str  # "" for insert
    new: str  # "" for delete
    paragraph: int | None  # 1-based: body in the new revision (old for deletes); notices among notices
    old_paragraph: int | None  # 1-based in the old revision, where there is one
    ops: tuple[Op, ...] = ()  # word diff for a replace, and for a move whose words changed
    whitespace_only: bool = False  # a replace that changes nothing but whitespace
    split_merge: PairingKind | None = None  # split or merged: one paragraph against two


def _change(
    section: Section, kind: ChangeKind, old: str, new: str, paragraph: int | None, old_paragraph: int | None,
    ops: tuple[Op, ...] = (), whitespace_only: bool = False, split_merge: PairingKind | None = None,
) -> Change:
    """``Change(...)``, equal to it in value, hash and repr, made without the frozen
    __init__'s nine object.__setattr__ calls: a reworded article makes one a paragraph
    (a property test holds the two equal)."""
    change = _new_object(Change)
    _set_attribute(change, "__dict__", {
        "section": section, "kind": kind, "old": old, "new": new, "paragraph": paragraph,
        "old_paragraph": old_paragraph, "ops": ops, "whitespace_only": whitespace_only, "split_merge": split_merge})
    return change


@dataclass(frozen=True)
class Comparison:
    """What changed between two parsed revisions."""

    old: Parts
    new: Parts
    changes: tuple[Change, ...]
    pairings: tuple[Pairing, ...]  # body paragraphs, aligned

    @property
    def identical(self) -> bool:
        """The two revisions have the same text (so the same sha256): the one test of
        "identical" (``DiffResult.identical`` asks this one)."""
        return self.old.text() == self.new.text()


def compare(old: Parts, new: Parts, *, timeout: float = DEFAULT_TIMEOUT) -> Comparison:
    """Every change from ``old`` to ``new``, by section (headline, notice,
    byline, dateline, body, credits) and, within the body, in the order of the
    new text with removals where they stood. Kept paragraphs give no change."""
    if old.text() == new.text():
        kept = tuple(Pairing(PairingKind.KEPT, (i,), (i,), 1.0) for i in range(len(new.paragraphs)))
        return Comparison(old, new, (), kept)
    changes: list[Change] = []
    old_of, new_of = old.of, new.of
    for section in SECTION_ORDER:
        if section is _NOTICE:
            parts_old, parts_new = old_of(section), new_of(section)
            if not (parts_old or parts_new):
                continue  # no notice either side (most articles)
            olds, news = _texts(parts_old), _texts(parts_new)
            if olds != news:  # the same notices in the same order align as kept: no change
                changes += _list_changes(section, olds, news, align_paragraphs(olds, news), timeout)
        elif section is _BODY:
            pairings, ends = aligned(old.paragraphs, new.paragraphs, timeout=timeout, rewrites=True)
            changes += _list_changes(section, old.paragraphs, new.paragraphs, pairings, timeout, ends)
        else:
            parts_old, parts_new = old_of(section), new_of(section)
            # one line a side, the same (most sections of most edits): told here, no call
            if len(parts_old) == len(parts_new) == 1 and parts_old[0].raw == parts_new[0].raw:
                continue
            changes += _single_change(section, parts_old, parts_new, timeout)
    return Comparison(old, new, tuple(changes), pairings)


# read once, not looked up on the enum class at every section and pairing
_NOTICE, _BODY = Section.NOTICE, Section.BODY
_KEPT, _MOVED, _SPLIT, _MERGED = PairingKind.KEPT, PairingKind.MOVED, PairingKind.SPLIT, PairingKind.MERGED
_INSERT, _DELETE, _MOVE, _REPLACE = ChangeKind.INSERT, ChangeKind.DELETE, ChangeKind.MOVE, ChangeKind.REPLACE


def _texts(parts: Sequence[Part]) -> tuple[str, ...]:
    return tuple(p.text for p in parts)


_RAW = attrgetter("raw")


def _single_change(section: Section, olds: Sequence[Part], news: Sequence[Part], timeout: float) -> list[Change]:
    if len(olds) == len(news) and all(map(eq, map(_RAW, olds), map(_RAW, news))):
        return []  # the same lines (most sections of most edits): nothing to join and compare
    # A section that holds several lines (credits can) is compared as one text.
    a = "\n".join(_texts(olds)) if olds else None
    b = "\n".join(_texts(news)) if news else None
    if a == b:
        return []
    if a is None:
        return [_change(section, _INSERT, "", b or "", None, None)]
    if b is None:
        return [_change(section, _DELETE, a, "", None, None)]
    ops = word_diff(a, b, timeout)
    return [_change(section, _REPLACE, a, b, None, None, ops, is_whitespace_only(ops))]


_KIND = attrgetter("kind")


def _list_changes(
    section: Section,
    olds: Sequence[str],
    news: Sequence[str],
    pairings: Sequence[Pairing],
    timeout: float,
    ends: tuple[int, int] = (0, 0),
) -> list[Change]:
    """The changes ``pairings`` make; ``ends``: how many of its first and last pairings
    are known kept in place (``align.aligned``), not read at all."""
    changes = []
    head, tail = ends
    middle = pairings[head : len(pairings) - tail]
    # kept paragraphs in the middle skipped at C speed
    for p in compress(middle, map(is_not, map(_KIND, middle), repeat(_KEPT))):
        pkind = p.kind
        if pkind is _MOVED and not p.edited and section is _NOTICE:
            continue  # a notice carried over is no change, wherever it now stands
        kind = CHANGE_OF_PAIRING[pkind]
        if kind is _MOVE and section is not _BODY:
            kind = _REPLACE  # notices have no order a reader follows: an edited one is replaced
        # one paragraph a side (all but splits and merges): the text itself, not a join
        a = olds[p.old[0]] if len(p.old) == 1 else "\n".join([olds[i] for i in p.old])
        b = news[p.new[0]] if len(p.new) == 1 else "\n".join([news[j] for j in p.new])
        where = p.new[0] + 1 if p.new else p.old[0] + 1
        was = p.old[0] + 1 if p.old else None
        if kind is _INSERT:
            changes.append(_change(section, kind, "", b, where, None))
        elif kind is _DELETE:
            changes.append(_change(section, kind, a, "", where, was))
        elif kind is _MOVE:
            ops = word_diff(a, b, timeout) if p.edited else ()
            changes.append(_change(section, kind, a, b, where, was, ops))
        else:
            ops = word_diff(a, b, timeout)
            split_merge = pkind if pkind is _SPLIT or pkind is _MERGED else None
            changes.append(_change(section, kind, a, b, where, was, ops, is_whitespace_only(ops), split_merge))
    return changes
