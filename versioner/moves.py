"""Moves: words, phrases and sentences that leave one place and reappear in another.

A step between the diff and the flag rules. The word diff of a paragraph, and
the alignment of paragraphs, see a sentence moved from the lede to the third
paragraph as a deletion in one place and an insertion in another; flagged as
they stand, the figures and names inside it come out removed (high) and added
(high) at once. Here each deleted piece (a delete op of an edited paragraph, or
a removed paragraph) is paired with an inserted piece elsewhere in the same
section (an insert op, or an added paragraph) that holds the same words, or
nearly: the pair is one move (low), taken out of the diffs the rules read, and
a move with an edit is flagged for the edit alone (the two pieces diffed
against each other). After the rules, a figure removed here and added there
that the pieces did not pair (its sentence rewritten on the way) is made one
move as well. The comparison itself (its changes and ops, what the views and
the JSON show) is left as it is: only what the rules read changes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from versioner.claims import MONTHS
from versioner.model import ChangeKind, FlagType, Section, Severity
from versioner.names import is_ordinary
from versioner.reading import WEEKDAYS

if TYPE_CHECKING:
    from versioner.diff import Change, Op
    from versioner.flags import Flag

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 3  # 3 (q1flags): a month cut short ("Sept.") is a date word too (claims.MONTHS); an
# ordinary word opening a sentence is no name put where moved words stood
# 2: a name put where a moved description stood is read as put in for it; a lone
# quotation mark carried with moved words is punctuation

# Two pieces that are not the same words are one moved and edited piece when the
# shorter has at least NEAR_MIN_WORDS words and they share NEAR_SHARE of the longer's.
NEAR_MIN_WORDS = 4
NEAR_SHARE = 0.6
# A piece this short moves only when it holds a figure or a name: "not" or "the"
# deleted here and inserted there are two edits, not one move.
SHORT_WORDS = 2
# ... or when the shorter stands whole inside the longer and is this share of it at least
CONTAINED_PHRASE = 0.25
CONTAINED_WORD = 0.4  # (for a piece of one or two words)
_CANDIDATES = 8  # inserted pieces compared with each deleted one, those sharing the most words
_COMMON_DF = 50  # a word in more inserted pieces than this does not make them candidates

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SECTIONS = (Section.BODY, Section.HEADLINE)  # where text can move; a move never crosses sections


@dataclass(frozen=True)
class _Piece:
    change: int  # index into the comparison's changes
    op: int | None  # index into that change's ops; None: the whole (added or removed) paragraph
    text: str
    words: tuple[str, ...]  # case-folded


@dataclass(frozen=True)
class Move:
    """A piece of text deleted in one place and inserted in another, edited or not."""

    section: Section
    old: str
    new: str
    paragraph: int | None  # where it now stands (1-based, new revision)
    old_paragraph: int | None  # where it stood (1-based, old revision)
    ops: tuple[Op, ...]  # the word diff of the two pieces: all equal for a move without an edit


def take_moves(changes: Sequence[Change]) -> list[Change | Move]:
    """The changes as the flag rules should read them, in order: moved pieces taken
    out of their changes (a change left with nothing to say is dropped), and each
    move placed just after the change where its text now stands."""
    from versioner.diff import word_diff

    pairs = _pair_pieces(changes)
    if not pairs:
        return list(changes)
    taken: dict[int, set[int | None]] = defaultdict(set)
    moves_at: dict[int, list[Move]] = defaultdict(list)
    for gone, came in pairs:
        if not _slot_filled(changes, gone, came):
            taken[gone.change].add(gone.op)
        taken[came.change].add(came.op)
        old_c, new_c = changes[gone.change], changes[came.change]
        old_text, new_text = gone.text.strip(), came.text.strip()
        ops = word_diff(old_text, new_text)
        moves_at[came.change].append(Move(
            new_c.section, old_text, new_text, new_c.paragraph,
            old_c.old_paragraph if old_c.old_paragraph is not None else old_c.paragraph, ops))
    out: list[Change | Move] = []
    for k, change in enumerate(changes):
        left = _without(change, taken[k]) if k in taken else change
        if left is not None:
            out.append(left)
        out.extend(moves_at.get(k, ()))
    return out


def _slot_filled(changes: Sequence[Change], gone: _Piece, came: _Piece) -> bool:
    """Did a name go in where ``gone``, a description (its last word a common noun),
    stood, the words moved on within the same text ("of the Ostra arson suspect tells
    us" -> "Ostra arson suspect: ... of Ann Lee tells us")? The name took the moved
    words' place: the rules read it as put in for them, a person identified where the
    text described them. A piece with a figure always
    leaves its slot, so a figure is never both a move and an edit."""
    if gone.op is None or gone.change != came.change or any(ch.isdigit() for ch in gone.text):
        return False
    if not gone.words or not _WORD.findall(gone.text)[-1].islower():
        return False  # a name moved on in a list ("Ostra and Vell" -> "Ostra, Vell and Dorn")
    ops = changes[gone.change].ops
    beside = [t for t in (gone.op - 1, gone.op + 1) if 0 <= t < len(ops) and t != came.op]
    return any(ops[t].tag == "insert" and _has_name(ops[t].text) and not _sentence_opened(ops, t) for t in beside)


def _sentence_opened(ops: Sequence[Op], t: int) -> bool:
    """Does insert ``t`` only open a sentence with an ordinary word, its capital the
    sentence's ("Police said more than 40 ..." -> "More than 40 ..., police said")? It
    names no one."""
    words = _WORD.findall(ops[t].text)
    before = "".join(op.text for op in ops[:t] if op.tag != "delete").rstrip()  # the newer side
    return len(words) == 1 and (not before or before[-1] in ".!?") and is_ordinary(words[0])


def move_flags(move: Move, make: type[Flag], flag_change: Callable[[Change], list[Flag]]) -> list[Flag]:
    """A move is one low flag (``make``: the flag type, passed in so that this module,
    which the flag stage imports, never imports it back); a move with an edit also
    gets the flags ``flag_change`` gives the edit."""
    from versioner.diff import Change, is_whitespace_only

    same = move.old_paragraph == move.paragraph or move.section != Section.BODY
    where = "within the paragraph" if same else f"from paragraph {move.old_paragraph}"
    flags = [make(FlagType.MOVED, Severity.LOW, move.section, move.paragraph, move.old, move.new,
                  f"words moved {where}")]
    if any(op.tag != "equal" for op in move.ops):
        edit = Change(Section.BODY, ChangeKind.REPLACE, move.old, move.new, move.paragraph,
                      move.old_paragraph, move.ops, is_whitespace_only(move.ops))
        flags += [_carried(f, move) for f in flag_change(edit)]
    return flags


def _carried(f: Flag, move: Move) -> Flag:
    """``f``, flagged in ``move``'s edit, in the move's section; a quotation mark alone that
    the moved words carry without its pair (``Lee said: “...”`` -> ``“...,” Lee said``) opens
    or closes a quotation outside them, whose words the paragraph's own diff judges:
    punctuation here."""
    if f.type == FlagType.QUOTE and not _WORD.search(f.old + f.new) and (_unpaired(move.old) or _unpaired(move.new)):
        return replace(f, section=move.section, type=FlagType.PUNCTUATION, severity=Severity.LOW,
                       reason="a quotation mark carried with moved words")
    return replace(f, section=move.section)


def _unpaired(text: str) -> bool:
    """Does ``text`` hold a quotation mark without its pair?"""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”") or text.count("«") != text.count("»")


def moved_figures(flags: Sequence[Flag]) -> list[Flag]:
    """A figure removed in one place and the same figure added in another (its value,
    and what it counts, or the same date words) is one move, even when the words
    around it were rewritten too much for its sentence to pair: one low flag where it
    now stands. So is one whose twin stands in a whole added or removed paragraph."""
    removed = [k for k, f in enumerate(flags) if f.type == FlagType.FIGURE and _only_old(f)]
    added = [k for k, f in enumerate(flags) if f.type == FlagType.FIGURE and _only_new(f)]
    if not removed and not added:
        return list(flags)
    merged: dict[int, Flag] = {}  # a figure flag that is a move, in its place
    dropped: set[int] = set()
    for r in removed:
        gone = flags[r]
        k = next((k for k in added if k not in merged and _same_figure(gone, flags[k])), None)
        if k is not None:
            came = flags[k]
            merged[k] = replace(came, type=FlagType.MOVED, severity=Severity.LOW, old=gone.old,
                                reason=f"figure moved {_from(gone.paragraph, came.paragraph)}",
                                old_value=gone.old_value)
            dropped.add(r)
    # a figure of a removed paragraph that comes back elsewhere, or one gone from its
    # place that stands in an added paragraph: the paragraph is flagged, the figure moved
    whole = [f for f in flags if f.type in (FlagType.PARAGRAPH_ADDED, FlagType.PARAGRAPH_REMOVED)]
    for k in (k for k in [*removed, *added] if k not in merged and k not in dropped and whole):
        f = flags[k]
        gone_side = f.new_value is None
        paragraph = next((p for p in whole if p.section == f.section and
                          p.type == (FlagType.PARAGRAPH_ADDED if gone_side else FlagType.PARAGRAPH_REMOVED)
                          and _holds(p.new if gone_side else p.old, f)), None)
        if paragraph is not None:
            ends = (f.paragraph, paragraph.paragraph) if gone_side else (paragraph.paragraph, f.paragraph)
            merged[k] = replace(f, type=FlagType.MOVED, severity=Severity.LOW,
                                reason=f"figure moved {_from(*ends)}",
                                old_value=f.old_value if gone_side else f.new_value,
                                new_value=f.old_value if gone_side else f.new_value)
    return [merged.get(k, f) for k, f in enumerate(flags) if k not in dropped]


def _only_old(f: Flag) -> bool:
    """A figure flag for something removed: a value on the old side only, or (a date
    word, which has no value) words on the old side only."""
    if f.old_value is not None or f.new_value is not None:
        return f.new_value is None
    return bool(_dates(f.old)) and not _dates(f.new)


def _only_new(f: Flag) -> bool:
    if f.old_value is not None or f.new_value is not None:
        return f.old_value is None
    return bool(_dates(f.new)) and not _dates(f.old)


# a weekday, a month (in full or cut short, as claims reads it) or a day told relative to today
_DATE_WORD = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)}|{MONTHS}|yesterday|today|tomorrow|tonight)\b", re.IGNORECASE)


def _dates(text: str) -> tuple[str, ...]:
    return tuple(m.casefold() for m in _DATE_WORD.findall(text))


def _from(old_paragraph: int | None, new_paragraph: int | None) -> str:
    return "within the paragraph" if old_paragraph == new_paragraph else f"from paragraph {old_paragraph}"


def _same_figure(gone: Flag, came: Flag) -> bool:
    if gone.section != came.section or gone.old_value != came.new_value:
        return False
    if gone.old_value is None:  # date words: the same ones
        return came.new_value is None and _dates(gone.old) == _dates(came.new)
    return _same_noun(gone.noun, came.noun)


def _same_noun(a: str | None, b: str | None) -> bool:
    # what it counts, the same or said on neither side: "17 dead" gone and "17 injured"
    # come are two changes (and a noun read on one side only may be one the reader missed)
    return (a or "").casefold() == (b or "").casefold()


def _holds(text: str, f: Flag) -> bool:
    """Does ``text`` (a whole added or removed paragraph) hold the figure of flag ``f``?"""
    from versioner.figures import extract_figures

    value = f.old_value if f.new_value is None else f.new_value
    if value is None:  # date words: all of them there
        wanted = _dates(f.old or f.new)
        return bool(wanted) and not (Counter(wanted) - Counter(_dates(text)))
    return any(g.value == value and _same_noun(g.noun, f.noun) for g in extract_figures(text))


# -- pairing -------------------------------------------------------------------


def _pieces(changes: Sequence[Change]) -> tuple[list[_Piece], list[_Piece]]:
    """(deleted, inserted) pieces of every change in a section text can move in; of the
    deleted ones only those that can move (_movable)."""
    gone: list[tuple[int, int | None, str]] = []
    came: list[tuple[int, int | None, str]] = []
    for k, c in enumerate(changes):
        if c.section not in _SECTIONS or c.whitespace_only:
            continue
        if c.kind == ChangeKind.INSERT and c.section == Section.BODY:
            came.append((k, None, c.new))
        elif c.kind == ChangeKind.DELETE and c.section == Section.BODY:
            gone.append((k, None, c.old))
        else:
            for t, op in enumerate(c.ops):
                if op.tag != "equal":
                    (gone if op.tag == "delete" else came).append((k, t, op.text))
    if not gone or not came or _one_place(gone, came):
        return [], []  # the everyday edit (a paragraph added, a word fixed): words not read
    # only a deleted piece that can move on its own (which every piece long enough to be
    # near another can) is ever paired: most pieces of a reworded paragraph are a word or
    # two for others, and then the inserted pieces are not read
    movable = [p for p in _with_words(gone) if _movable(p)]
    return (movable, _with_words(came)) if movable else ([], [])


def _one_place(gone: list[tuple[int, int | None, str]], came: list[tuple[int, int | None, str]]) -> bool:
    """One deletion and one insertion, the two sides of one edit in place: nothing moved."""
    if len(gone) != 1 or len(came) != 1:
        return False
    (k, t, _), (k2, t2, _) = gone[0], came[0]
    return k == k2 and t is not None and t2 == t + 1


def _with_words(pieces: list[tuple[int, int | None, str]]) -> list[_Piece]:
    out = [_Piece(k, t, text, _words(text)) for k, t, text in pieces]
    return [p for p in out if p.words]


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


def _pair_pieces(changes: Sequence[Change]) -> list[tuple[_Piece, _Piece]]:
    """Deleted and inserted pieces that are one move, best matches first, one to one."""
    gone, came = _pieces(changes)
    if not gone or not came:
        return []
    by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
    postings: dict[str, list[int]] = defaultdict(list)
    for n, p in enumerate(came):
        by_words[p.words].append(n)
        for w in set(p.words):
            postings[w].append(n)
    found: list[tuple[float, int, int]] = []  # (-score, gone index, came index)
    for g, p in enumerate(gone):
        for n in by_words.get(p.words, ()):  # every piece in ``gone`` can move
            if _apart(p, came[n], changes):
                found.append((-3.0, g, n))
        shared: Counter[int] = Counter()
        for w in set(p.words):
            if len(postings.get(w, ())) <= _COMMON_DF:
                shared.update(postings.get(w, ()))
        for n, _ in shared.most_common(_CANDIDATES):
            q = came[n]
            score = _near(p, q)
            if score and q.words != p.words and _apart(p, q, changes):
                found.append((-score, g, n))
    found.sort()
    used_gone: set[int] = set()
    used_came: set[int] = set()
    pairs = []
    for _, g, n in found:
        if g not in used_gone and n not in used_came:
            used_gone.add(g)
            used_came.add(n)
            pairs.append((gone[g], came[n]))
    return pairs


def _movable(p: _Piece) -> bool:
    """Long enough to be a move on its own, or holding a figure or a name."""
    if len(p.words) > SHORT_WORDS:
        return True
    # a digit of its text is one of its words' (a digit is a word character, unchanged by casefold)
    return any(map(str.isdigit, p.text)) or _has_name(p.text)


def _has_name(text: str) -> bool:
    if text.islower():
        return False  # no capital anywhere (islower: every cased character is small)
    # a capitalised word that is not one of those opening sentences
    return any(w[:1].isupper() and w.casefold() not in _OPENERS for w in _WORD.findall(text))


# capitalised words that open sentences and are no names
_OPENERS = frozenset("""a an the he she it its they we i you his her their our this that these those
there here but and or so if when while after before as one two some many most all no not""".split())


def _apart(p: _Piece, q: _Piece, changes: Sequence[Change]) -> bool:
    """Not the two sides of one edit in place (a delete and the insert right after it),
    nor a whole paragraph against a whole paragraph (the aligner's to pair), nor two
    sections."""
    if changes[p.change].section != changes[q.change].section:
        return False
    if p.op is None and q.op is None:
        return False
    return not (p.change == q.change and p.op is not None and q.op == p.op + 1)


def _near(p: _Piece, q: _Piece) -> float:
    """How alike two different pieces are, 0 when not enough to be one moved piece: they
    share most words, or the shorter (a figure, a name or a few words) stands whole
    inside the longer."""
    short, long_ = (p, q) if len(p.words) <= len(q.words) else (q, p)
    part = len(short.words) / len(long_.words)
    # a phrase found whole, and a fair part of where it now stands (a lone word found
    # somewhere in a long new paragraph is a coincidence, not a move)
    if part >= (CONTAINED_PHRASE if len(short.words) > SHORT_WORDS else CONTAINED_WORD) \
            and _contains(long_.words, short.words) and _movable(short):
        return part + 1.0  # ahead of mere overlaps
    if len(short.words) < NEAR_MIN_WORDS:
        return 0.0
    common = sum((Counter(p.words) & Counter(q.words)).values())
    share = common / len(long_.words)
    return share if share >= NEAR_SHARE else 0.0


def _contains(long_: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


# -- taking pieces out -----------------------------------------------------------


def _without(change: Change, ops_taken: set[int | None]) -> Change | None:
    """``change`` with the moved pieces taken out of its ops; None when nothing is left
    to flag (all of it moved)."""
    from versioner.diff import Op, is_whitespace_only

    if None in ops_taken:
        return None  # a whole added or removed paragraph, moved
    ops: list[Op] = []
    for t, op in enumerate(change.ops):
        if t in ops_taken:
            continue
        if ops and ops[-1].tag == op.tag:
            ops[-1] = Op(op.tag, _join(ops[-1].text, op.text))
        else:
            ops.append(op)
    if all(op.tag == "equal" for op in ops):
        return replace(change, ops=()) if change.kind == ChangeKind.MOVE else None
    return replace(change, ops=tuple(ops), whitespace_only=is_whitespace_only(ops))


def _join(a: str, b: str) -> str:
    """Two texts the moved piece stood between, never glued into one word."""
    if a and b and not a[-1].isspace() and not b[0].isspace():
        return f"{a} {b}"
    return a + b
