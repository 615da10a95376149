"""Figure flags: the figures read around a hunk's edits (telephone and dialled numbers
left out), each old figure paired with the new one it became, and a flag for each figure
changed, added or removed. Part of the flag stage (``flags.py``), which calls these for
every edited paragraph."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from versioner.figuredates import told_another_way
from versioner.figureedges import made_a_range, stated_values
from versioner.figurenouns import AGE_WORDS as _AGE_WORDS
from versioner.figurenouns import KIN_NOUNS, POSSESSIVES
from versioner.figurenouns import counted_head as _counted_head
from versioner.figurenouns import noun_head as _noun_head
from versioner.figurenouns import stem as _stem
from versioner.figures import Figure, extract_figures, same_quantity
from versioner.figurespans import figures_touching, figures_touching_among
from versioner.hunk import Hunk
from versioner.hunkrules import FIGURE_EDIT
from versioner.model import Flag, FlagType, Section, Severity
from versioner.reading import CONTEXT, words_as_written
from versioner.smallfixes import misspelling_fixed

if TYPE_CHECKING:
    from versioner.namechanges import ArticleNames

# Bump when an edit here changes what compare_pair returns (see flags.RULES_VERSION).
# 1: split from flags.py, outputs unchanged
# 2: a sentence taken out with its figure is a figure removed; "first" put in or taken out is none
# 3: a misspelt unit or counted noun fixed ("12 milloin" -> "12 million") is no figure changed (respelt_only)
# 4: a whole date (day, month, year) put into a rewrite is a figure added (high); and
# a unit or counted noun misspelt ("40,000 homes" -> "40,000 hoems") is a typo made, no figure changed;
# a count without its number quoted with its "of" ("dozens of homes") (q3figures)
# 5: a count of a person's family ("her three children"), only removed or added, rides with its
# clause (low); a rewrite keeps the thing a figure counted only when it keeps it as a group, in the
# plural as counted ("two rewards" -> "the reward ... another reward" is no count dropped)
# 6: a time of day taken out with its sentence (a lapsed schedule, "an update at 3 p.m.") rides with it
# 7: a count without its number made one whose value is the stand-in's ("dozens" -> "24") is a figure
# changed: _stands_elsewhere held it a figure added already stated by the stand-in
RULES_VERSION = 7


# Characters either side of an edit that can hold a figure touching it and what the
# figure reader looks at around it (the 60 characters before it, four words after).
_FIGURE_CONTEXT = 120


def _figures_around(text: str, spans: Sequence[tuple[int, int]], whole: list[Figure] | None = None) -> list[Figure]:
    """The figures of ``text`` that can touch these edits, read from windows around
    them that open at a sentence start, so that each reads as in the whole text; the
    whole text when the windows would cover half of it (picked out of ``whole``, its
    figures, when the caller has them). Reading only near the edits keeps a long
    paragraph with a few edits cheap."""
    if 2 * _covered(text, spans) >= len(text):
        # the windows, which open at or before these reaches, would cover half the text too
        return _quantities(text, _touching(text, spans, whole))
    windows: list[tuple[int, int, list[tuple[int, int]]]] = []  # lo, hi, the spans inside
    for start, end in spans:
        lo = _sentence_start(text, max(0, start - _FIGURE_CONTEXT))
        hi = min(len(text), end + _FIGURE_CONTEXT)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]), windows[-1][2])
        else:
            windows.append((lo, hi, []))
        windows[-1][2].append((start, end))
    # Only the figures touching an edit are looked at: figures_touching finds them
    # without reading the rest.
    if 2 * sum(hi - lo for lo, hi, _ in windows) >= len(text):
        return _quantities(text, _touching(text, spans, whole))
    return _quantities(text, [f.shifted(lo) for lo, hi, inside in windows
                              for f in figures_touching(text[lo:hi], [(s - lo, e - lo) for s, e in inside])])


def _touching(text: str, spans: Sequence[tuple[int, int]], whole: list[Figure] | None) -> list[Figure]:
    return figures_touching(text, spans) if whole is None else figures_touching_among(text, spans, whole)


def _covered(text: str, spans: Sequence[tuple[int, int]]) -> int:
    """How much of ``text`` lies within _FIGURE_CONTEXT of an edit: no more than the
    windows of _figures_around cover, whose sentence starts only open them wider."""
    covered = reached = 0
    for start, end in spans:
        lo, hi = max(reached, start - _FIGURE_CONTEXT, 0), min(len(text), end + _FIGURE_CONTEXT)
        covered += max(0, hi - lo)
        reached = max(reached, hi)
    return covered


# A telephone number ("(212) 555-0134", "1-800-555-0134", "555-0134") ...
_PHONE = re.compile(r"(?:\b1[-. ])?(?:\(\d{3}\)\s?|\b\d{3}[-. ])?\b\d{3}[-.]\d{4}\b")
# ... or a short number dialled, not counted ("a 911 call", "dial 999", "the 988 crisis line")
_DIALLED_BEFORE = re.compile(r"\b(?:call|calls|called|calling|dial|dials|dialed|dialled|dialing|dialling|text|texted)"
                             r"\s+$", re.I)
_DIALLED_NOUNS = frozenset("call caller dispatcher dispatch operator line hotline helpline center centre system "
                           "emergency number service".split())


def _quantities(text: str, figs: list[Figure]) -> list[Figure]:
    """``figs`` without the numbers that are dialled, not counted: digits of a telephone
    number, and a short emergency or hotline number (three digits, called or dialled, or
    naming the call, the line or the dispatcher after it)."""
    if not figs:
        return figs
    phones = [m.span() for m in _PHONE.finditer(text)] if _may_hold_phone(text) else []
    return [f for f in figs if not any(s <= f.start and f.end <= e for s, e in phones) and not _dialled(text, f)]


def _may_hold_phone(text: str) -> bool:
    """Does ``text`` hold three digits, a dash or point, and four digits, as every
    _PHONE match does? Looked for from each dash and point (a few a paragraph) rather
    than by running _PHONE, whose optional opening groups are tried at every position
    (a property test holds the two in step)."""
    for mark in "-.":
        at = text.find(mark, 3)
        while at >= 0:
            after = text[at + 1 : at + 5]
            if len(after) == 4 and after.isdecimal() and text[at - 3 : at].isdecimal():
                return True
            at = text.find(mark, at + 1)
    return False


def _dialled(text: str, f: Figure) -> bool:
    if not (len(f.text) == 3 and f.text.isdigit()):
        return False
    noun = words_as_written(f.noun or "")
    return (bool(noun) and f.noun_follows and noun[-1].lower() in _DIALLED_NOUNS) \
        or _DIALLED_BEFORE.search(text, max(0, f.start - 12), f.start) is not None


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (after ". ", "? ", "! " or a line break)."""
    if pos <= 0:
        return 0
    # looked for within a window: a text with no "?" in it is not searched back to its start
    # at every edit; a sentence longer than the window starts where the window does
    lo = max(0, pos - CONTEXT)
    cut = max(text.rfind(". ", lo, pos), text.rfind("? ", lo, pos), text.rfind("! ", lo, pos),
              text.rfind("\n", lo, pos))
    return cut + 1 if cut >= 0 else lo


def _bracketed_ages(text: str, figs: Sequence[Figure]) -> frozenset[Figure]:
    """The figures that are a person's age in brackets after their name ("Jan Smit (45)",
    "Suspect in Brell attack (45)"): a fact about someone who stays in the story, not a
    detail riding in a clause, so put in or taken out it is a figure added or removed
    even where the words around it are rewritten."""
    return frozenset(f for f in figs if f.kind == "number" and f.text.isdigit() and 0 < f.value < 120
                     and text[f.end:f.end + 1] == ")" and text[max(0, f.start - 2):f.start] == " ("
                     and _capital_before(text, f.start - 2))


def _capital_before(text: str, end: int) -> bool:
    """Does a capitalised word (a name) end at ``end``?"""
    words = text[max(0, end - 40):end].split()
    return bool(words) and words[-1][:1].isupper() and words[-1][-1:].isalpha()


def _figure_flags(ofs: list[Figure], nfs: list[Figure], section: Section, paragraph: int | None,
                  old_all: Sequence[Figure] = (), new_all: Sequence[Figure] = (),
                  rewrite: tuple[str, str] | None = None, ages: frozenset[Figure] = frozenset(),
                  texts: tuple[str, str] = ("", ""), riding: frozenset[Figure] = frozenset()) -> list[Flag]:
    """The figure flags of one hunk; a figure that only left this hunk for another place
    in the paragraph (``old_all``, ``new_all``: the paragraph's figures near its edits)
    is moved, not removed and added. In a ``rewrite`` (the hunk's old and new words, when
    its figures do not carry it) a figure only added or only removed rides in a clause
    written in or taken out, which the wording rules judge: its flag is a low one that
    only a move can claim (flag_comparison drops the rest), unless the thing it counted
    still stands on the other side ("killed 17 soldiers" -> "left soldiers dead"). A figure
    ``riding`` (riding_figures) is such a low one wherever it stands."""
    flags = []
    ofs, nfs = _unchanged_taken_out(ofs, nfs)
    unmatched_new = [nf for nf in nfs if not _stands_in(nf, old_all, ofs)]
    for of in ofs:
        partner = _partner(of, unmatched_new)
        if partner is None and (_stands_in(of, new_all, nfs) or of.kind == "vague" or _sequence_word(of)
                                or told_another_way(of, texts[0], texts[1])):
            continue  # moved; or a count without its number, or "first", taken out: no number retracted
        if partner is None:
            sev = Severity.HIGH if of in ages else Severity.LOW if of in riding else _alone_severity(of, rewrite, 1)
            flags.append(Flag(FlagType.FIGURE, sev, section, paragraph, _phrase(of, texts[0]), "",
                              f"figure {of.text} removed" + _counting(of), _stated(of), None, of.noun))
            continue
        unmatched_new.remove(partner)
        if same_quantity(of, partner):
            continue  # same value written differently: left to the wording rules
        noun = partner.noun or of.noun
        flags.append(Flag(FlagType.FIGURE, Severity.HIGH, section, paragraph, _phrase(of, texts[0]),
                          _phrase(partner, texts[1]),
                          f"number {of.text} -> {partner.text}" + _counting(partner, of),
                          *stated_values(of, partner), noun))
    for nf in unmatched_new:
        if nf.kind == "vague" or _sequence_word(nf) or told_another_way(nf, texts[1], texts[0]):
            continue  # a count without its number (or "first") put in states no number: the wording rules judge it
        sev = Severity.HIGH if nf in ages else Severity.LOW if nf in riding else _alone_severity(nf, rewrite, 0)
        flags.append(Flag(FlagType.FIGURE, sev, section, paragraph, "", _phrase(nf, texts[1]),
                          f"figure {nf.text} added" + _counting(nf), None, _stated(nf), nf.noun))
    return flags


def _phrase(f: Figure, text: str) -> str:
    """The figure as a reader quotes it (Figure.phrase); a count without its number with
    the "of" it reads its noun across ("dozens of homes", not "dozens homes")."""
    if f.kind == "vague" and f.noun and f.noun_follows and text:
        at = text.find(f.noun, f.end, f.end + len(f.noun) + 6)
        if at >= 0 and text[f.end:at].strip().lower() == "of":
            return text[f.start:at + len(f.noun)]
    return f.phrase


def respelt_only(h: Hunk) -> bool:
    """Is the hunk a misspelt word fixed, or a word misspelt, by a letter or two
    (smallfixes.misspelling_fixed, either way round) and do the figures touching it read
    the same, value and words, once the misspelt word is read as the right one? A unit
    or counted noun the figure reader could not read ("12 milloin" read as "12", "40,000
    hoems" counting "hoems") is then a typo made or fixed, not a figure changed."""
    old_w, new_w = words_as_written(h.old), words_as_written(h.new)
    if misspelling_fixed(old_w, new_w):
        return _reads_the_same(h.old_text, h.old_start, h.old_end, h.new, h.new_text, (h.new_start, h.new_end))
    if misspelling_fixed(new_w, old_w):
        return _reads_the_same(h.new_text, h.new_start, h.new_end, h.old, h.old_text, (h.old_start, h.old_end))
    return False


def _reads_the_same(wrong_text: str, start: int, end: int, right: str, right_text: str,
                    right_span: tuple[int, int]) -> bool:
    """Do the figures touching ``wrong_text[start:end]``, with ``right`` put there, read as
    those touching ``right_span`` of ``right_text``?"""
    mended = wrong_text[:start] + right + wrong_text[end:]
    read = figures_touching(mended, [(start, start + len(right))])
    return [(f.value, f.kind, f.text) for f in read] == \
        [(f.value, f.kind, f.text) for f in figures_touching(right_text, [right_span])]


def _sequence_word(f: Figure) -> bool:
    """Is ``f`` the word "first"? Put in or taken out on its own ("in their first weekend",
    "his first goals" -> "goals") it tells that something came before none other, a word
    of sequence the wording rules judge, not a rank or a count; for another rank ("second"
    -> "first") it is a figure changed, which pairing finds before this is asked."""
    return f.kind == "ordinal" and f.text.lower() == "first"


def sentence_taken_out(h: Hunk) -> bool:
    """Does the hunk take out whole sentences, and nothing else, from a paragraph that
    stands? A figure in them is retracted with the fact they stated: a figure removed,
    not a detail riding in a clause the wording rules judge. (A sentence put in is new
    material, which replaces no published figure.)"""
    if h.new.strip() or not h.old.strip():
        return False
    start = h.old_start + len(h.old) - len(h.old.lstrip())
    end = h.old_end - (len(h.old) - len(h.old.rstrip()))
    text = h.old_text
    opening = next((c for c in text[start:end] if c.isalnum()), "")
    return (opening.isupper() or opening.isdigit()) and _ends_sentence(text[:start]) \
        and (_ends_sentence(text[:end]) or not text[end:].strip())


_CLOSERS = "\"'”’)"


def _ends_sentence(text: str) -> bool:
    """Does ``text`` end a sentence (or is it empty: the paragraph's start)?"""
    last = text.rstrip().rstrip(_CLOSERS)
    return not text.strip() or last[-1:] in ".!?"


def _stated(f: Figure) -> float | int | None:
    """A figure's value as the flag states it: none for a count given without its
    number ("dozens"), whose value is only a stand-in for comparing."""
    return None if f.kind == "vague" else f.value


def _partner(of: Figure, news: Sequence[Figure]) -> Figure | None:
    """The new figure that ``of`` became: one counting the same thing first (a count
    restated as a rank, "six states" -> "the seventh state", is one figure changed),
    else the first of its kind (or a count given without its number, "dozens") that
    measures what it measures. An age, a span of time
    and a count are different facts ("seven months after" and "a 14-year-old" in a
    rewritten headline): paired by their order alone, one would read as changed into
    the other."""
    head = _counted_head(of.noun)
    same = [nf for nf in news if nf.kind == of.kind or {nf.kind, of.kind} in _ONE_COUNT or made_a_range(of, nf)]
    if len(head) >= 3:
        counted = next((nf for nf in same if _counted_head(nf.noun) == head and _same_measure(nf, of)), None)
        if counted is not None:
            return counted
    return next((nf for nf in same if {nf.kind, of.kind} != _COUNT_AND_RANK and _same_measure(nf, of)), None)


_COUNT_AND_RANK = frozenset(("number", "ordinal"))
# a count given without its number and one given with it ("dozens" -> "41") tell one count
_ONE_COUNT = (_COUNT_AND_RANK, frozenset(("number", "vague")))
_TIME_UNITS = frozenset("second minute hour day night week month year decade century centuries".split())


def _same_measure(a: Figure, b: Figure) -> bool:
    """Can a and b state the same fact? A figure without a noun may measure anything, but
    a count given without its number ("dozens") is a count, never an age or a span."""
    vague = a.kind == "vague" or b.kind == "vague"
    return (not (a.noun and b.noun) and not vague) or _measure(a) == _measure(b)


def _measure(f: Figure) -> str:
    """What a figure measures, as far as its noun says: an age, a span of time or a count."""
    words = [w.lower() for w in words_as_written(f.noun or "")]
    if any(w in _AGE_WORDS or w.endswith("-old") for w in words):
        return "age"
    if words and (words[0] in _TIME_UNITS or _stem(words[0]) in _TIME_UNITS):
        return "time"
    return "count"


def _unchanged_taken_out(ofs: list[Figure], nfs: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """The hunk's figures without those that stand on both sides of it, the same quantity
    counting the same thing (a sentence rewritten around "more than two years" keeps
    it): paired by their order alone, one of them would be read as changed into another."""
    if not ofs or not nfs:
        return ofs, nfs
    left = list(nfs)
    kept_old = []
    for of in ofs:
        twin = next((nf for nf in left if same_quantity(of, nf) and _noun_head(of.noun) == _noun_head(nf.noun)), None)
        if twin is None:
            kept_old.append(of)
        else:
            left.remove(twin)
    return kept_old, left


def _alone_severity(fig: Figure, rewrite: tuple[str, str] | None, other: int) -> Severity:
    """High for a figure only added or removed, low (a move candidate) in a rewrite where
    what it counts is not on the ``other`` side (0 old, 1 new) of the hunk. A date put
    in whole, day, month and year (not one told another way, which never gets here), is
    high in a rewrite too: a clause rewritten around it ("going back generations" -> "on
    or after January 1, 1947") states a time it did not. A year or a month alone put in,
    or a date taken out, stays with the rewrite (measured: on real copy those flags were
    a rolling summary's, which editors did not call figures)."""
    if other == 0 and _full_date(fig):
        return Severity.HIGH
    if rewrite is None or not fig.noun:
        return Severity.HIGH if rewrite is None else Severity.LOW
    # the thing counted kept as a group, as it was counted ("soldiers"); only one of them
    # named at a time ("two rewards" -> "the reward ... another reward") keeps no count
    counted = [w.lower() for w in words_as_written(fig.noun) if w.lower() not in _AGE_WORDS]
    head = counted[0] if counted else ""
    kept = len(head) >= 3 and head in {w.lower() for w in words_as_written(rewrite[other])}
    return Severity.HIGH if kept else Severity.LOW


def riding_figures(h: Hunk, ofs: Sequence[Figure], nfs: Sequence[Figure]) -> frozenset[Figure]:
    """The figures of a hunk that, only removed or only added, ride with the words around
    them rather than state a figure of the story: a count of a person's own family ("taken
    her three children", "his two sons"), which tells who someone is, not how many of
    anything the story reports; and a time of day taken out with its sentence ("Police will
    give an update at 3 p.m."), a schedule that lapsed as the story moved on (a superseded
    line, which editors do not count a fact retracted), as a date taken out is. Changed
    ("her three children" -> "her four children", "at 3 p.m." -> "at 4 p.m.") either is a
    figure changed: pairing finds that before this is asked."""
    taken_out = sentence_taken_out(h) if any(f.kind == "time" for f in ofs) else False
    out = [f for f in ofs if _family_count(h.old_text, f) or (taken_out and f.kind == "time")]
    out += [f for f in nfs if _family_count(h.new_text, f)]
    return frozenset(out)


def _family_count(text: str, f: Figure) -> bool:
    """"her three children": a count after a possessive, of members of a family."""
    if f.kind != "number" or not f.noun:
        return False
    before = text[max(0, f.start - 8):f.start].split()
    noun = words_as_written(f.noun)
    return bool(before) and before[-1].lower() in POSSESSIVES and bool(noun) and noun[0].lower() in KIN_NOUNS


def _full_date(f: Figure) -> bool:
    """Is ``f`` a date given whole, day, month and year (value YYYYMMDD, no part 0)?"""
    v = int(f.value)
    return f.kind == "date" and v >= 10**7 and v % 100 != 0 and v // 100 % 100 != 0


def _stands_elsewhere(f: Flag, names: ArticleNames) -> bool:
    """Is a figure only removed (or only added) still (or already) stated elsewhere in the
    other revision, counting the same thing ("her 84-year-old mother" in another
    paragraph): the fact stands, only its place changed."""
    if f.type != FlagType.FIGURE or not f.noun or (f.old_value is None) == (f.new_value is None):
        return False
    if f.old and f.new:
        return False  # a count without its number made one ("dozens" -> "24"): changed, not added
    value, side = (f.old_value, 1) if f.new_value is None else (f.new_value, 0)
    head = _noun_head(f.noun)
    # a count without its number ("dozens") has a stand-in value, never one stated
    return bool(head) and any(o.value == value and o.kind != "vague" and _noun_head(o.noun) == head
                              for o in _article_figures(names.texts[side]))


@functools.lru_cache(maxsize=8)
def _article_figures(text: str) -> tuple[Figure, ...]:
    return tuple(extract_figures(text))


def is_hidden_figure(f: Flag) -> bool:
    """A figure flag in a rewrite that no move claimed (see _figure_flags)."""
    return f.type == FlagType.FIGURE and f.severity == Severity.LOW


def _figures_carry(h: Hunk, ofs: list[Figure], nfs: list[Figure]) -> bool:
    """Is this hunk about its figures: few other words on either side?"""
    rest = _words_beside(h.old, h.old_start, ofs) + _words_beside(h.new, h.new_start, nfs)
    return len(rest) <= FIGURE_EDIT


def _words_beside(seg: str, at: int, figs: Sequence[Figure]) -> list[str]:
    """The words of ``seg`` (starting at ``at`` in its paragraph) outside its figures and
    the nouns they count."""
    for f in figs:
        lo, hi = max(0, f.start - at), max(0, f.end - at)
        seg = seg[:lo] + " " * (hi - lo) + seg[hi:]
    nouns = {w.lower() for f in figs if f.noun for w in words_as_written(f.noun)}
    return [w for w in words_as_written(seg) if w.lower() not in nouns]


def _stands_in(fig: Figure, others: Sequence[Figure], here: Sequence[Figure]) -> bool:
    """Does the same quantity stand among ``others`` outside this hunk's ``here``?"""
    return any(same_quantity(fig, o) and o not in here for o in others)


def _counting(*figs: Figure) -> str:
    noun = next((f.noun for f in figs if f.noun), None)
    return f", counting {noun}" if noun else ""
