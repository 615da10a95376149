"""Flag stage: give every change a type, a severity and a one-line reason.

Rules (the README's table mirrors this module):
figure, quote, negation, name (high; a one- or two-letter name fix is
medium), attribution, headline, wording, paragraph-added/removed (medium),
paragraph-moved, typo, punctuation (low). Whitespace-only changes are not
flagged. Inside an edited paragraph the diff is cut into hunks (runs of
non-equal ops); each figure in a hunk gets its own flag, and the rest of
the hunk gets the first type that applies, in the order above.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from versioner.figures import Figure, extract_figures, figures_touching, may_end_figure, same_quantity
from versioner.model import PARAGRAPH_FLAG, ChangeKind, FlagType, Section, Severity
from versioner.namechanges import ArticleNames, changed_names, compact, hunk_names, mentions, names_make_edit
from versioner.names import is_ordinary
from versioner.reading import TOKEN, Reading, is_negation, read

if TYPE_CHECKING:
    from versioner.diff import Change, Comparison, Op

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
# 2: issue 16 (the paragraph reading, names, scores, typos and grammar, negation anchors);
# 3: moved words, phrases and figures are moves (issue 16);
# 4: figures, dates, names and quotes in rewritten clauses; names written another way (t16).
RULES_VERSION = 5  # 5: quotes moved whole, tense-only edits, headline-only stories (issue 16)

SEVERITY_RANK = {severity.value: severity.rank for severity in Severity}
TYPES = tuple(FlagType)


@dataclass(frozen=True)
class Flag:
    """One judged change. ``paragraph`` is 1-based in the newer revision
    (the older one for removals); values only on figures."""

    type: FlagType
    severity: Severity
    section: Section
    paragraph: int | None
    old: str
    new: str
    reason: str
    old_value: float | int | None = None
    new_value: float | int | None = None
    noun: str | None = None
    # a visible change that only fixes typos or punctuation (a headline typo): it keeps
    # its severity for the reader, but needs no notice (DESIGN: typo fixes are not substantive)
    cosmetic: bool = False

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self.severity]


def flag_comparison(comparison: Comparison) -> tuple[Flag, ...]:
    """Every flag for a comparison, in document order."""
    flags: list[Flag] = []
    # a notice replaced by a newer one is superseded, not withdrawn
    superseded = any(c.section == Section.NOTICE and c.kind in (ChangeKind.INSERT, ChangeKind.REPLACE) for c in comparison.changes)
    names = ArticleNames(comparison.old.text(), comparison.new.text())
    from versioner.moves import Move, move_flags, moved_figures, take_moves

    # moved words and sentences are read as moves, not as removals and additions
    for change in take_moves(comparison.changes):
        if isinstance(change, Move):
            flags.extend(move_flags(change, Flag, lambda edit: flag_change(edit, names)))
        elif _first_line_promoted(change, comparison):
            # a one-line text that gains a line under it reads its line as a headline now
            # (or the other way round): the same words, standing as another part
            flags.append(_whole(FlagType.HEADLINE, Severity.LOW, (change.section, change.paragraph), change.old,
                                change.new, "the first line now stands as the headline" if change.new
                                else "the headline now stands as the first line"))
        elif not (superseded and change.section == Section.NOTICE):
            flags.extend(flag_change(change, names))
            if change.section == Section.HEADLINE and change.kind == ChangeKind.REPLACE and _headline_only(comparison):
                flags.extend(_headline_facts(change, names))
    return tuple(f for f in moved_figures(flags) if not is_hidden_figure(f))


def _headline_only(comparison: Comparison) -> bool:
    """Is the story its headline alone, on both sides (a headline-only feed)?"""
    return not comparison.old.paragraphs and not comparison.new.paragraphs


# What a headline that is the whole story changed besides its wording: the story's facts
_HEADLINE_FACTS = frozenset((FlagType.FIGURE, FlagType.NAME, FlagType.QUOTE, FlagType.NEGATION))


def _headline_facts(change: Change, names: ArticleNames) -> list[Flag]:
    """The figure, name, quote and negation flags of a headline that is the whole story:
    with no body to state them, the headline's facts are the story's (a headline with a
    body gets one headline flag, its facts told in its reason)."""
    from versioner.diff import word_diff
    from versioner.parse import split_headline_slug

    old, new = (split_headline_slug(t.lstrip("# "))[1] for t in (change.old, change.new))
    return [f for f in _flag_ops(word_diff(old, new), Section.HEADLINE, change.paragraph, names)
            if f.type in _HEADLINE_FACTS and f.severity != Severity.LOW]


def _first_line_promoted(change: Change, comparison: Comparison) -> bool:
    """Is this a headline added whose words were the older text's first paragraph (or
    one removed whose words are the newer text's first paragraph)?"""
    if change.section != Section.HEADLINE or change.kind not in (ChangeKind.INSERT, ChangeKind.DELETE):
        return False
    line = (change.new or change.old).lstrip("# ").strip()
    other = comparison.old if change.kind == ChangeKind.INSERT else comparison.new
    return bool(other.paragraphs) and other.headline is None and other.paragraphs[0].strip() == line


def flag_texts(old_text: str, new_text: str) -> tuple[Flag, ...]:
    """Parse, compare and flag two texts (for scripts and the accuracy set)."""
    from versioner.diff import compare
    from versioner.parse import normalise, parse

    return flag_comparison(compare(parse(normalise(old_text)), parse(normalise(new_text))))


def flag_change(change: Change, names: ArticleNames | None = None) -> list[Flag]:
    """The flags of one change; ``names`` are the names its article uses."""
    where = (change.section, change.paragraph)
    if change.section == Section.NOTICE:
        # notices are read by the audit; only a notice that disappears is a
        # change of content (a correction quietly withdrawn)
        if change.kind == ChangeKind.DELETE:
            return [_whole(PARAGRAPH_FLAG[change.kind], Severity.MEDIUM, where, change.old, "", "notice removed")]
        return []
    if change.whitespace_only:
        return []
    if _credit_line(change):
        # "Ann Lee contributed to this report.": who helped report it, not what it says
        what = {ChangeKind.INSERT: "added", ChangeKind.DELETE: "removed"}.get(change.kind, "changed")
        return [_whole(FlagType.WORDING, Severity.LOW, where, change.old, change.new, f"credit line {what}")]
    if change.section == Section.BODY and change.kind == ChangeKind.INSERT:
        return [_whole(PARAGRAPH_FLAG[change.kind], Severity.MEDIUM, where, "", change.new, "paragraph added")]
    if change.section == Section.BODY and change.kind == ChangeKind.DELETE:
        return [_whole(PARAGRAPH_FLAG[change.kind], Severity.MEDIUM, where, change.old, "", "paragraph removed")]
    if change.kind in (ChangeKind.INSERT, ChangeKind.DELETE):
        what = "added" if change.kind == ChangeKind.INSERT else "removed"
        if change.section == Section.HEADLINE:
            return [_whole(FlagType.HEADLINE, Severity.HIGH, where, change.old, change.new, f"headline {what}")]
        byline = change.section == Section.BYLINE
        sev = Severity.HIGH if byline else Severity.MEDIUM
        typ = FlagType.NAME if byline else FlagType.WORDING
        return [_whole(typ, sev, where, change.old, change.new, f"{change.section} {what}")]
    flags: list[Flag] = []
    if change.kind == ChangeKind.MOVE:
        old_p = change.old_paragraph
        flags.append(_whole(PARAGRAPH_FLAG[change.kind], Severity.LOW, where, change.old, change.new,
                            f"paragraph moved from {old_p} to {change.paragraph}"))
        if not change.ops:
            return flags
    if change.section == Section.HEADLINE:
        return [_headline_flag(change, names)]
    inner = _flag_ops(change.ops, change.section, change.paragraph, names)
    if change.section == Section.BYLINE:
        return [_whole(FlagType.NAME, Severity.HIGH, where, change.old, change.new, "byline changed")]
    flags.extend(inner)
    return flags


def _credit_line(change: Change) -> bool:
    """A whole credits line added or removed, in the credits or (repeated) in the body."""
    from versioner.parse import is_credits_line

    if change.section == Section.CREDITS:
        return True
    if change.kind not in (ChangeKind.INSERT, ChangeKind.DELETE) or change.section != Section.BODY:
        return False
    # its first sentence: a photo credit often follows the reporters' names
    first = (change.new or change.old).lstrip("—–- ").split(". ", 1)[0].rstrip(".") + "."
    return is_credits_line(first)


def _headline_flag(change: Change, names: ArticleNames | None = None) -> Flag:
    """One flag per headline change: medium, high when a figure, quote, name
    or negation in it changed; a wire slug (``UPDATE 2-``) alone is low."""
    from versioner.diff import word_diff
    from versioner.parse import split_headline_slug

    where = (change.section, change.paragraph)
    old_slug, old_bare = split_headline_slug(change.old.lstrip("# "))
    new_slug, new_bare = split_headline_slug(change.new.lstrip("# "))
    if old_bare.strip() == new_bare.strip():
        return _whole(FlagType.HEADLINE, Severity.LOW, where, change.old, change.new,
                      f"only the slug changed: {old_slug or '-'} -> {new_slug or '-'}")
    # without a slug the bare headlines are the change's own texts: its diff is theirs
    same_texts = old_bare == change.old and new_bare == change.new and change.ops
    inner = [f for f in _flag_ops(change.ops if same_texts else word_diff(old_bare, new_bare), Section.HEADLINE, None, names)
             if not is_hidden_figure(f)]
    top = max((f.rank for f in inner), default=2)
    detail = "; ".join(dict.fromkeys(f.reason for f in inner)) or "reworded"
    cosmetic = bool(inner) and all(f.type in (FlagType.TYPO, FlagType.PUNCTUATION) for f in inner)
    # only style inside (an article added, the same figure restyled): low, like the wording
    style = bool(inner) and not cosmetic and all(f.severity == Severity.LOW for f in inner)
    sev = Severity.HIGH if top >= 3 else Severity.LOW if style else Severity.MEDIUM
    return Flag(FlagType.HEADLINE, sev, change.section, change.paragraph,
                change.old, change.new, f"headline changed: {detail}", cosmetic=cosmetic)


def _whole(typ: FlagType, sev: Severity, where: tuple[Section, int | None], old: str, new: str, reason: str) -> Flag:
    return Flag(typ, sev, where[0], where[1], old, new, reason)


# -- hunks -------------------------------------------------------------------


@dataclass(frozen=True)
class _Hunk:
    old: str
    new: str
    old_start: int
    new_start: int
    old_text: str  # the whole old paragraph, for context
    new_text: str

    @property
    def old_end(self) -> int:
        return self.old_start + len(self.old)

    @property
    def new_end(self) -> int:
        return self.new_start + len(self.new)


def hunks(ops: Sequence[Op]) -> list[_Hunk]:
    """Runs of non-equal ops, with their positions in the old and new text."""
    old_text = "".join(o.text for o in ops if o.tag != "insert")
    new_text = "".join(o.text for o in ops if o.tag != "delete")
    out: list[_Hunk] = []
    i = j = 0
    cur_old: list[str] = []
    cur_new: list[str] = []
    start = (0, 0)

    def close() -> None:
        if cur_old or cur_new:
            out.append(_Hunk("".join(cur_old), "".join(cur_new), start[0], start[1], old_text, new_text))
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


_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NEGATION = {"not", "no", "never", "without", "nor", "none", "cannot", "neither", "nobody", "nothing"}
# words on a side of an edit that adds or drops a negation, beyond which it is a rewrite
_NEGATION_EDIT = 3
# words on a side beyond which a clause is rewritten, not turned round ("not just", "no
# minister" inside a new sentence are no reversal of what stood there)
_NEGATION_REWRITE = 10
_ATTRIBUTION = {
    "said", "says", "say", "claimed", "claims", "claim", "alleged", "alleges", "allegedly",
    "according", "reportedly", "told", "tells", "stated", "states", "insisted", "insists",
    "admitted", "admits", "denied", "denies", "suggested", "noted", "asserted", "confirmed",
    "acknowledged", "argued", "contended", "purportedly", "apparently", "announced", "warned",
    "reported", "reports", "reporting", "cited", "citing", "quoted", "quoting", "sources", "source",
}
_DATE_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "yesterday", "today", "tomorrow", "tonight",
}
# Days named by where they stand from today: "later today" becoming "on Tuesday" as the
# story ages restates the day, it does not change it
_RELATIVE_DAYS = frozenset("yesterday today tomorrow tonight".split())
_QUOTE_CHARS = "\"“”«»„"
_QUOTE_MARK = re.compile(f"[{_QUOTE_CHARS}]")


_STYLE_ONLY = "quotation mark or apostrophe style only"
_QUOTE_STYLE = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def _plain_quotes(s: str) -> str:
    return s.translate(_QUOTE_STYLE)


def _words_as_written(s: str) -> list[str]:
    """The words of ``s`` in order, case and inner apostrophes kept ("Don't")."""
    return TOKEN.findall(s)


# How far around a hunk a neighbouring word or figure is looked for: a window,
# not the rest of the paragraph, so a huge paragraph with many edits stays linear.
_CONTEXT = 400


def _source_phrase(h: _Hunk) -> bool:
    """Does the hunk stand in a source phrase on both sides: just after "according to"
    (a few words back) or just before "said", "told", "says"...? A spelling fixed there
    is still a name; a source put in place of another is attribution."""
    def cites(text: str, start: int, end: int) -> bool:
        before = [w.lower() for w in _words_as_written(text[max(0, start - _CONTEXT):start])[-_SOURCE_REACH:]]
        return "according" in before or bool({w.lower() for w in _word_after(text, end)} & _SAID)
    return cites(h.old_text, h.old_start, h.old_end) and cites(h.new_text, h.new_start, h.new_end)


# Words back from an edit within which "according (to)" makes it a source; verbs after one
_SOURCE_REACH = 4
_SAID = frozenset("said says say told tells stated states confirmed announced reported".split())


def _word_after(text: str, pos: int) -> list[str]:
    # the first word of text[pos : pos + _CONTEXT], found without reading the rest
    m = _WORD.search(text, pos, pos + _CONTEXT)
    return [m.group()] if m else []


def _word_before(text: str, pos: int) -> list[str]:
    return _words_as_written(text[max(0, pos - _CONTEXT) : pos])[-1:]


def _negations(words: list[str]) -> list[str]:
    found = []
    for i, w in enumerate(words):
        lw = w.lower()
        if lw == "not" and i + 1 < len(words) and words[i + 1].lower() in _NOT_ADDING:
            continue  # "not just the morning but ...": an addition, nothing denied
        if lw in _NEGATION or lw.endswith(("n't", "n’t")):
            found.append(lw)
    return found


_NOT_ADDING = frozenset(("just", "only", "merely", "simply"))


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance, capped at ``limit`` (short words only)."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    # A common start and end never change the distance (a respelled name keeps most of
    # its letters): only what lies between is compared, letter by letter.
    shorter = min(len(a), len(b))
    p = 0
    while p < shorter and a[p] == b[p]:
        p += 1
    s = 0
    while s < shorter - p and a[-1 - s] == b[-1 - s]:
        s += 1
    a, b = a[p : len(a) - s], b[p : len(b) - s]
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def _figures_in(figs: Sequence[Figure], start: int, end: int) -> list[Figure]:
    end = max(end, start + 1)
    return [f for f in figs if f.start < end and start < f.end]


def _flag_ops(ops: Sequence[Op], section: Section, paragraph: int | None,
              names: ArticleNames | None = None) -> list[Flag]:
    hs = hunks(ops)
    if not hs:
        return []
    old_figs = _figures_around(hs[0].old_text, [(h.old_start, h.old_end) for h in hs])
    new_figs = _figures_around(hs[0].new_text, [(h.new_start, h.new_end) for h in hs])
    flags: list[Flag] = []
    for h in hs:
        if not h.old.strip() and not h.new.strip():
            continue  # whitespace only
        ofs = _figures_in(old_figs, h.old_start, h.old_end)
        nfs = _figures_in(new_figs, h.new_start, h.new_end)
        rewrite = None if _figures_carry(h, ofs, nfs) else (h.old, h.new)
        fig_flags = _figure_flags(ofs, nfs, section, paragraph, old_figs, new_figs, rewrite)
        if names is not None:  # a move may still claim it (is_hidden_figure)
            fig_flags = [replace(f, severity=Severity.LOW) if _stands_elsewhere(f, names) else f for f in fig_flags]
        flags.extend(fig_flags)
        rest = _classify(h, ofs, nfs, bool(fig_flags), section, paragraph, names)
        if rest:
            flags.append(rest)
    return _merge_wording(_quote_punctuation(flags))


_QUOTE_PUNCTUATION = "punctuation inside quotation marks"


def _quote_punctuation(flags: list[Flag]) -> list[Flag]:
    """Punctuation changed inside a quote is part of a reworded quote when the paragraph's
    quoted words change too, and punctuation (low) when they do not."""
    if any(f.type == FlagType.QUOTE and f.reason != _QUOTE_PUNCTUATION for f in flags):
        return flags
    return [replace(f, type=FlagType.PUNCTUATION, severity=Severity.LOW) if f.reason == _QUOTE_PUNCTUATION else f
            for f in flags]


# Characters either side of an edit that can hold a figure touching it and what the
# figure reader looks at around it (the 60 characters before it, four words after).
_FIGURE_CONTEXT = 120


def _figures_around(text: str, spans: Sequence[tuple[int, int]]) -> list[Figure]:
    """The figures of ``text`` that can touch these edits, read from windows around
    them that open at a sentence start, so that each reads as in the whole text; the
    whole text when the windows would cover half of it. Reading only near the edits
    keeps a long paragraph with a few edits cheap."""
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
        return figures_touching(text, spans)
    return [f.shifted(lo) for lo, hi, inside in windows
            for f in figures_touching(text[lo:hi], [(s - lo, e - lo) for s, e in inside])]


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (after ". ", "? ", "! " or a line break)."""
    if pos <= 0:
        return 0
    # looked for within a window: a text with no "?" in it is not searched back to its start
    # at every edit; a sentence longer than the window starts where the window does
    lo = max(0, pos - _CONTEXT)
    cut = max(text.rfind(". ", lo, pos), text.rfind("? ", lo, pos), text.rfind("! ", lo, pos),
              text.rfind("\n", lo, pos))
    return cut + 1 if cut >= 0 else lo


def _figure_flags(ofs: list[Figure], nfs: list[Figure], section: Section, paragraph: int | None,
                  old_all: Sequence[Figure] = (), new_all: Sequence[Figure] = (),
                  rewrite: tuple[str, str] | None = None) -> list[Flag]:
    """The figure flags of one hunk; a figure that only left this hunk for another place
    in the paragraph (``old_all``, ``new_all``: the paragraph's figures near its edits)
    is moved, not removed and added. In a ``rewrite`` (the hunk's old and new words, when
    its figures do not carry it) a figure only added or only removed rides in a clause
    written in or taken out, which the wording rules judge: its flag is a low one that
    only a move can claim (flag_comparison drops the rest), unless the thing it counted
    still stands on the other side ("killed 17 soldiers" -> "left soldiers dead")."""
    flags = []
    unmatched_new = [nf for nf in nfs if not _stands_in(nf, old_all, ofs)]
    for of in ofs:
        partner = next((nf for nf in unmatched_new if nf.kind == of.kind), None)
        if partner is None and _stands_in(of, new_all, nfs):
            continue
        if partner is None:
            flags.append(Flag(FlagType.FIGURE, _alone_severity(of, rewrite, 1), section, paragraph, of.phrase, "",
                              f"figure {of.text} removed" + _counting(of), of.value, None, of.noun))
            continue
        unmatched_new.remove(partner)
        if same_quantity(of, partner):
            continue  # same value written differently: left to the wording rules
        noun = partner.noun or of.noun
        flags.append(Flag(FlagType.FIGURE, Severity.HIGH, section, paragraph, of.phrase, partner.phrase,
                          f"number {of.text} -> {partner.text}" + _counting(partner, of),
                          of.value, partner.value, noun))
    for nf in unmatched_new:
        flags.append(Flag(FlagType.FIGURE, _alone_severity(nf, rewrite, 0), section, paragraph, "", nf.phrase,
                          f"figure {nf.text} added" + _counting(nf), None, nf.value, nf.noun))
    return flags


def _alone_severity(fig: Figure, rewrite: tuple[str, str] | None, other: int) -> Severity:
    """High for a figure only added or removed, low (a move candidate) in a rewrite where
    what it counts is not on the ``other`` side (0 old, 1 new) of the hunk."""
    if rewrite is None or not fig.noun:
        return Severity.HIGH if rewrite is None else Severity.LOW
    head = _stem(_words_as_written(fig.noun)[0]) if _words_as_written(fig.noun) else ""
    kept = len(head) >= 3 and head in {_stem(w) for w in _words_as_written(rewrite[other])}
    return Severity.HIGH if kept else Severity.LOW


def _stands_elsewhere(f: Flag, names: ArticleNames) -> bool:
    """Is a figure only removed (or only added) still (or already) stated elsewhere in the
    other revision, counting the same thing ("her 84-year-old mother" in another
    paragraph): the fact stands, only its place changed."""
    if f.type != FlagType.FIGURE or not f.noun or (f.old_value is None) == (f.new_value is None):
        return False
    value, side = (f.old_value, 1) if f.new_value is None else (f.new_value, 0)
    head = _noun_head(f.noun)
    return bool(head) and any(o.value == value and _noun_head(o.noun) == head
                              for o in _article_figures(names.texts[side]))


def _noun_head(noun: str | None) -> str:
    words = _words_as_written(noun or "")
    return _stem(words[0]) if words else ""


@functools.lru_cache(maxsize=8)
def _article_figures(text: str) -> tuple[Figure, ...]:
    return tuple(extract_figures(text))


def _stem(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def is_hidden_figure(f: Flag) -> bool:
    """A figure flag in a rewrite that no move claimed (see _figure_flags)."""
    return f.type == FlagType.FIGURE and f.severity == Severity.LOW


# Words besides its figures in an edit short enough that a figure put in or taken out is
# the point of the edit ("killed 17 people" -> "killed people"), not a clause rewritten
_FIGURE_EDIT = 4


def _figures_carry(h: _Hunk, ofs: list[Figure], nfs: list[Figure]) -> bool:
    """Is this hunk about its figures: few other words on either side?"""
    rest = _words_beside(h.old, h.old_start, ofs) + _words_beside(h.new, h.new_start, nfs)
    return len(rest) <= _FIGURE_EDIT


def _words_beside(seg: str, at: int, figs: Sequence[Figure]) -> list[str]:
    """The words of ``seg`` (starting at ``at`` in its paragraph) outside its figures and
    the nouns they count."""
    for f in figs:
        lo, hi = max(0, f.start - at), max(0, f.end - at)
        seg = seg[:lo] + " " * (hi - lo) + seg[hi:]
    nouns = {w.lower() for f in figs if f.noun for w in _words_as_written(f.noun)}
    return [w for w in _words_as_written(seg) if w.lower() not in nouns]


def _stands_in(fig: Figure, others: Sequence[Figure], here: Sequence[Figure]) -> bool:
    """Does the same quantity stand among ``others`` outside this hunk's ``here``?"""
    return any(same_quantity(fig, o) and o not in here for o in others)


def _counting(*figs: Figure) -> str:
    noun = next((f.noun for f in figs if f.noun), None)
    return f", counting {noun}" if noun else ""


def _classify(h: _Hunk, ofs: list[Figure], nfs: list[Figure], had_figures: bool,
              section: Section, paragraph: int | None, names: ArticleNames | None = None) -> Flag | None:
    old_w, new_w = _words_as_written(h.old), _words_as_written(h.new)
    fig_words = {w for f in [*ofs, *nfs] for w in _words_as_written(f.text)}
    rest_old = [w for w in old_w if w not in fig_words]
    rest_new = [w for w in new_w if w not in fig_words]

    def flag(typ: FlagType, sev: Severity, reason: str) -> Flag:
        return Flag(typ, sev, section, paragraph, h.old.strip(), h.new.strip(), reason)

    if had_figures and not rest_old and not rest_new:
        return None
    if (ofs and nfs and not rest_old and not rest_new
            and all(any(same_quantity(o, n) for n in nfs) for o in ofs)
            and all(any(same_quantity(o, n) for o in ofs) for n in nfs)):
        # "95 billion pounds" -> "£95bn", "April 14" -> "14 April": only the style changed,
        # whatever words happen to sit next to it
        return flag(FlagType.WORDING, Severity.LOW, "same figure written differently")
    if _plain_quotes(h.old) == _plain_quotes(h.new):
        return flag(FlagType.PUNCTUATION, Severity.LOW, _STYLE_ONLY)
    headline = section == Section.HEADLINE
    rd_old, rd_new = read(h.old_text, headline), read(h.new_text, headline)
    quote_marks = _QUOTE_MARK.search(h.old) is not None or _QUOTE_MARK.search(h.new) is not None \
        or _single_quote_mark(h, rd_old, rd_new)
    inside = _quoted_edit(h, rd_old, rd_new, old_w, new_w)
    if old_w == new_w and not quote_marks and not inside:
        return flag(FlagType.PUNCTUATION, Severity.LOW, "punctuation only")
    if (quote_marks or inside) and names is not None and _quotes_stand_elsewhere(h, rd_old, rd_new, names):
        # a quotation taken out of one paragraph that the other revision still quotes word
        # for word (a quote split off into a paragraph of its own): moved, not changed
        return flag(FlagType.MOVED, Severity.LOW, "quotation moved: the same words are quoted elsewhere")
    if quote_marks and old_w == new_w:
        if headline:
            # headlines put words in quotes for emphasis or to attribute a claim
            # without quoting anyone new: a style change, not a changed quotation
            return flag(FlagType.PUNCTUATION, Severity.LOW, "quotation marks in the headline only")
        return flag(FlagType.QUOTE, Severity.HIGH, "quotation marks added or removed")
    if inside and old_w == new_w and not quote_marks:
        return flag(FlagType.QUOTE, Severity.HIGH, _QUOTE_PUNCTUATION)
    if inside:
        slip = _slip_in_quote(h, old_w, new_w)
        if slip:
            return flag(FlagType.TYPO, Severity.LOW, f"{slip}, inside quotation marks: the speaker's words restored")
        return flag(FlagType.QUOTE, Severity.HIGH, "inside quotation marks")
    if [w.lower() for w in old_w] == [w.lower() for w in new_w]:
        return flag(FlagType.TYPO, Severity.LOW, "capitalisation only")
    if old_w and new_w and compact(h.old) == compact(h.new) and not quote_marks and h.old.lower() != h.new.lower():
        # "Acme-based" -> "Acmebased", "Leesaid" -> "Lee said": the same letters spaced
        # or hyphenated otherwise (a page's markup often glues words)
        return flag(FlagType.PUNCTUATION, Severity.LOW, "spacing or hyphens only")
    small = _small_fix(h, old_w, new_w, rd_new) or _repeat_removed(h, old_w, new_w, rd_old)
    if small:
        return flag(FlagType.TYPO, Severity.LOW, small)
    tense = _tense_only(old_w, new_w)
    if tense:
        return flag(FlagType.WORDING, Severity.LOW, tense)
    dates = _date_change(h, old_w, new_w)
    if dates:
        return flag(FlagType.FIGURE, Severity.HIGH, dates)
    noun_change = _counted_noun_change(h, ofs, nfs, old_w, new_w)
    if noun_change:
        return flag(FlagType.FIGURE, Severity.HIGH, noun_change)
    neg_old, neg_new = _negations(old_w), _negations(new_w)
    # "wouldn't" -> "won't" keeps the polarity; a sentence rewritten around a negation
    # ("did not respond" -> "declined to comment") is wording: a negation flag is for a
    # statement otherwise kept and turned round
    if len(neg_old) != len(neg_new) and (max(len(old_w), len(new_w)) <= _NEGATION_EDIT
                                         or (max(len(old_w), len(new_w)) <= _NEGATION_REWRITE
                                             and (_negated_kept(old_w, new_w) or _negated_kept(new_w, old_w)))):
        return flag(FlagType.NEGATION, Severity.HIGH, _negation_reason(h, neg_old, neg_new, rd_old, rd_new))
    if _small_words_only(old_w, new_w):
        return flag(FlagType.WORDING, Severity.LOW, "small words only: " + _wording_reason(h))
    names_old = hunk_names(rd_old, h.old_start, h.old_end, names)
    names_new = hunk_names(rd_new, h.new_start, h.new_end, names)
    att_old = [w for w in old_w if w.lower() in _ATTRIBUTION]
    att_new = [w for w in new_w if w.lower() in _ATTRIBUTION]
    if att_old != att_new and not (old_w and new_w):
        # "according to the Treasury" dropped: the name is the source being cited, and what
        # a reader loses is the attribution (the claim now reads as the writer's own)
        reason = _change_reason("attribution", att_old, att_new)
        cited = names_old or names_new
        return flag(FlagType.ATTRIBUTION, Severity.MEDIUM, reason + (f" (source: {' '.join(cited)})" if cited else ""))
    respelled = (names_old or names_new) and len(old_w) == 1 and len(new_w) == 1 and old_w[0][:1].isupper() \
        and new_w[0][:1].isupper()
    if respelled:
        names_old, names_new = old_w, new_w  # one capitalised word for another: a respelled name
    names_old, names_new = changed_names(names_old, names_new, rd_old, rd_new, names)
    if not respelled:
        if not names_make_edit(names_old, old_w, names_new, new_w):
            names_old = names_new = []  # a sentence rewritten around its names: wording
    if names_old or names_new:
        if len(names_old) == 1 and len(names_new) == 1:
            d = edit_distance(names_old[0], names_new[0])
            if d == 0:
                return flag(FlagType.WORDING, Severity.LOW, "the same name, written around differently")
            if d <= 2:
                n = "one letter" if d == 1 else "two letters"
                return flag(FlagType.NAME, Severity.MEDIUM, f"spelling of a name: {names_old[0]} -> {names_new[0]} ({n})")
        if not (names_old and names_new) and _source_phrase(h):
            # "according to Governor Ann Lee" -> "according to the armed forces": a named
            # source for an unnamed one is attribution (one person for another stays a name)
            return flag(FlagType.ATTRIBUTION, Severity.MEDIUM, _change_reason("source", names_old, names_new))
        return flag(FlagType.NAME, Severity.HIGH, _change_reason("name", names_old, names_new))
    if att_old != att_new:
        return flag(FlagType.ATTRIBUTION, Severity.MEDIUM, _change_reason("attribution", att_old, att_new))
    following = _word_after(h.new_text, h.new_end)
    if following and following[0].lower() in _ATTRIBUTION and (old_w or new_w):
        return flag(FlagType.ATTRIBUTION, Severity.MEDIUM,
                    f"source changed before \"{following[0]}\": {' '.join(old_w) or '-'} -> {' '.join(new_w) or '-'}")
    typo = _typo_reason(h, old_w, new_w)
    if typo:
        return flag(FlagType.TYPO, Severity.LOW, typo)
    if ofs and nfs and all(any(same_quantity(o, n) for n in nfs) for o in ofs) and len(old_w) <= 3:
        return flag(FlagType.WORDING, Severity.LOW, "same figure written differently")
    return flag(FlagType.WORDING, Severity.MEDIUM, _wording_reason(h))


# Articles and the like: adding or dropping one ("People who" -> "The people who") is style
_SMALL_STYLE_WORDS = frozenset("the a an".split())


def _date_change(h: _Hunk, old_w: list[str], new_w: list[str]) -> str | None:
    """A day or month put in place of another ("Monday" -> "Tuesday"). A day still named
    elsewhere in the other side was moved or kept; one only added or only dropped ("said
    Monday" -> "said"), or in a clause rewritten around it, dates the news, it does not
    change a date."""
    dates_old = [w for w in old_w if w.lower() in _DATE_WORDS and not mentions(h.new_text, w)]
    dates_new = [w for w in new_w if w.lower() in _DATE_WORDS and not mentions(h.old_text, w)]
    if not dates_old or not dates_new or max(len(old_w), len(new_w)) > _FIGURE_EDIT:
        return None
    if {w.lower() for w in dates_old} & _RELATIVE_DAYS or {w.lower() for w in dates_new} & _RELATIVE_DAYS:
        return None
    return _change_reason("date", dates_old, dates_new)


def _small_words_only(old_w: list[str], new_w: list[str]) -> bool:
    """Do the two sides differ only by articles (case aside)?"""
    strip = [[w.lower() for w in ws if w.lower() not in _SMALL_STYLE_WORDS] for ws in (old_w, new_w)]
    # a bare article put in is the "missing small word" typo, read later
    return strip[0] == strip[1] and bool(old_w) and bool(new_w)


def _wording_reason(h: _Hunk) -> str:
    old, new = " ".join(h.old.split()), " ".join(h.new.split())
    if len(old) > 40 or len(new) > 40:
        return "words changed"
    if not old:
        return f'"{new}" added'
    if not new:
        return f'"{old}" removed'
    return f'"{old}" -> "{new}"'


_OLD_FIGS_NEAR = 3  # characters between a figure and the noun after it


def _figures_ending_before(text: str, pos: int) -> list[Figure]:
    """Figures that end within _OLD_FIGS_NEAR characters before ``pos``."""
    start = max(0, pos - _CONTEXT)
    if not any(may_end_figure(text, end, start, pos) for end in range(pos - _OLD_FIGS_NEAR, pos + 1)):
        return []  # nothing there can end a figure: no need to read the text before
    # read on past ``pos`` so that each figure keeps the noun it counts
    return [f for f in extract_figures(text[start:pos + _CONTEXT // 4])
            if 0 <= pos - (start + f.end) <= _OLD_FIGS_NEAR]


def _counted_noun_change(h: _Hunk, ofs: list[Figure], nfs: list[Figure],
                         old_w: list[str], new_w: list[str]) -> str | None:
    """"17 officers" -> "17 protesters": the number now counts something else
    (``old_w``, ``new_w``: the hunk's words, read once by the caller)."""
    # the cheap conditions first: reading the figures before the hunk costs the most
    if ofs or nfs or not old_w or not new_w or old_w[0].lower() == new_w[0].lower():
        return None
    before_old = _figures_ending_before(h.old_text, h.old_start)
    if not before_old:
        return None
    before_new = _figures_ending_before(h.new_text, h.new_start)
    if not before_new:
        return None
    o, n = before_old[-1], before_new[-1]
    if o.kind == "ordinal" or n.kind == "ordinal":
        return None  # "the second superb goal" -> "the second masterful goal": a word beside a rank
    # the figure itself must count something on both sides: "€40 million agreed" ->
    # "€40 million approved" changes a verb beside an unchanged figure, which is wording
    if same_quantity(o, n) and o.noun and n.noun and o.noun != n.noun:
        return f"{o.text} now counts {' '.join(new_w)}, not {' '.join(old_w)}"
    return None


def _negated_kept(words: list[str], other: list[str]) -> bool:
    """Does the word after a negation in ``words`` come back, in any form, in ``other``
    ("without ever winning" -> "did go on to win"): the same statement turned round."""
    kept = [w.lower() for w in other if len(w) >= 3 and not is_negation(w)]
    for i, w in enumerate(words[:-1]):
        if is_negation(w):
            after = [x.lower() for x in words[i + 1:i + 3] if len(x) >= 3]
            if any(a.startswith(k) or k.startswith(a) for a in after for k in kept):
                return True
    return False


def _negation_reason(h: _Hunk, neg_old: list[str], neg_new: list[str], rd_old: Reading, rd_new: Reading) -> str:
    added = [w for w in neg_new if w not in neg_old]
    removed = [w for w in neg_old if w not in neg_new]
    if added and not removed:
        return f'"{added[0]}" added{_negated(rd_new, h.new_start, h.new_end)}'
    if removed and not added:
        return f'"{removed[0]}" removed{_negated(rd_old, h.old_start, h.old_end)}'
    return f"negation changed: {', '.join(neg_old) or '-'} -> {', '.join(neg_new) or '-'}"


def _negated(reading: Reading, start: int, end: int) -> str:
    """' before "X"': the word the hunk's negation negates, the word right after it
    (a figure there is named whole, "$2.8 billion", never a digit inside it)."""
    neg = next((t for t in reading.tokens_in(start, end) if is_negation(t.text)), None)
    nxt = reading.token_after(neg.end if neg else end)
    if nxt is None:
        return ""
    word = nxt.text
    if word[:1].isdigit():
        lo = neg.end if neg else end
        figs = extract_figures(reading.text[lo:nxt.end + 40])
        word = figs[0].text if figs else word
    return f' before "{word}"'


def _quoted_edit(h: _Hunk, rd_old: Reading, rd_new: Reading, old_w: list[str], new_w: list[str]) -> bool:
    """Does the hunk change words inside a quotation? A long clause put in place of
    another that only reaches into a quote (a paragraph rewritten around a quote, a
    quote paraphrased) is a rewrite: the words quoted must hold the edit, or the edit
    be short."""
    if not (rd_old.in_quotes(h.old_start, h.old_end) or rd_new.in_quotes(h.new_start, h.new_end)):
        return False
    if not (old_w and new_w) or max(len(old_w), len(new_w)) <= _SHORT_QUOTE_EDIT:
        return True
    return _within_quote(rd_old, h.old_start, h.old_end) and _within_quote(rd_new, h.new_start, h.new_end)


def _quotes_stand_elsewhere(h: _Hunk, rd_old: Reading, rd_new: Reading, names: ArticleNames) -> bool:
    """Does every quotation this hunk touches stand word for word in the other revision,
    with the hunk only taking words out (or only putting them in)? A quote reworded
    anywhere fails: its old words stand nowhere in the newer text."""
    if (h.old.strip() and h.new.strip()) or len(_WORD.findall(h.old + h.new)) < _QUOTE_MOVE_WORDS:
        return False
    side, reading, start, end = (1, rd_old, h.old_start, h.old_end) if h.old.strip() else (0, rd_new, h.new_start, h.new_end)
    spans = [(s, e) for s, e in reading.quotes if s < end and e > start]
    other = _flat_text(names.texts[side])
    return bool(spans) and all(len(q.split()) >= _QUOTE_MOVE_WORDS and q in other
                               for q in (_flat(reading.text[s:e]) for s, e in spans))


# Words a quotation needs to be known again elsewhere by its words alone
_QUOTE_MOVE_WORDS = 4


@functools.lru_cache(maxsize=4)
def _flat_text(text: str) -> str:
    """_flat of a whole revision, made once however many quotes are looked up in it."""
    return _flat(text)


def _flat(text: str) -> str:
    """``text`` lower case, its words only, one space apart (quotes compared so)."""
    return " ".join(_WORD.findall(text.lower()))


# Words on a side of an edit that touches a quotation, beyond which it must lie inside it
_SHORT_QUOTE_EDIT = 12


def _within_quote(reading: Reading, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in reading.quotes)


def _single_quote_mark(h: _Hunk, rd_old: Reading, rd_new: Reading) -> bool:
    """A single quotation mark added or removed where it opens or closes a quoted phrase
    ("in 'critical condition'"), not an apostrophe."""
    for seg, reading, start in ((h.old, rd_old, h.old_start), (h.new, rd_new, h.new_start)):
        for i, c in enumerate(seg):
            if c in "'‘’" and any(s == start + i or e == start + i + 1 for s, e in reading.quotes):
                return True
    return False


# Agreement pairs that are not a plain "-s" apart
_AGREEMENT = {frozenset(p.split("/")) for p in "is/are was/were has/have does/do".split()}
# Words before a noun: after one of these a changed "-s" counts something else ("the
# officer" -> "the officers"), it is no agreement fix
_BEFORE_NOUN = frozenset("""a an the one two three four five six seven eight nine ten this that these those
each every many several some few both all no any his her their its our my your""".split())


def _repeat_removed(h: _Hunk, old_w: list[str], new_w: list[str], rd_old: Reading) -> str | None:
    """A word written twice within a few words ("why can't we can't go") and removed."""
    if new_w or len(old_w) != 1:
        return None
    near = [t.text.lower() for t in rd_old.tokens_in(max(0, h.old_start - 30), h.old_start)][-2:]
    after = rd_old.token_after(h.old_end)
    if after is not None:
        near.append(after.text.lower())
    return f'repeated word "{old_w[0]}" removed' if old_w[0].lower() in near else None


def _small_fix(h: _Hunk, old_w: list[str], new_w: list[str], rd_new: Reading) -> str | None:
    """A misspelt word fixed by one or two letters (``opertor`` -> ``operator``), wherever
    it stands, or a verb made to agree (``shows`` -> ``show``): typos and grammar, low."""
    if len(old_w) != 1 or len(new_w) != 1:
        return None
    a, b = old_w[0], new_w[0]
    if not (a.isalpha() and b.isalpha() and a.islower() and b.islower()):
        return None
    if not is_ordinary(a) and is_ordinary(b):
        d = edit_distance(a, b)
        if d <= 2:
            return f"{'one' if d == 1 else 'two'}-letter fix of a misspelt word ({a} -> {b})"
        return None
    agree = frozenset((a, b)) in _AGREEMENT or (
        is_ordinary(a) and is_ordinary(b) and (a in (b + "s", b + "es") or b in (a + "s", a + "es")))
    if agree:
        before = rd_new.token_before(h.new_start)
        if before is None or before.text.lower() in _BEFORE_NOUN or before.text[:1].isdigit():
            return None
        return f"grammar: agreement fix ({a} -> {b})"
    return None


def _tense_only(old_w: list[str], new_w: list[str]) -> str | None:
    """One verb put in another tense ("ended" -> "ends", "closes" -> "closed"): the same
    statement told from another moment, style. A plan made a fact ("will close" ->
    "closed") changes more than one word and is not this."""
    if len(old_w) != 1 or len(new_w) != 1:
        return None
    a, b = old_w[0], new_w[0]
    if not (a.isalpha() and b.isalpha() and a.islower() and b.islower() and is_ordinary(a) and is_ordinary(b)):
        return None
    for past, present in ((a, b), (b, a)):
        stem = _PAST.sub("", past)
        if len(stem) >= 3 and past != stem and present in (stem + "s", stem + "es") and not present.endswith("ss"):
            return f"tense only ({a} -> {b})"
    return None


_PAST = re.compile(r"e?d$")


def _change_reason(what: str, old: list[str], new: list[str]) -> str:
    if old and new:
        return f"{what} changed: {' '.join(old)} -> {' '.join(new)}"
    if new:
        return f"{what} added: {' '.join(new)}"
    return f"{what} removed: {' '.join(old)}"


def _typo_reason(h: _Hunk, old_w: list[str], new_w: list[str]) -> str | None:
    if len(old_w) == 1 and len(new_w) == 1:
        a, b = old_w[0], new_w[0]
        d = edit_distance(a.lower(), b.lower())
        if d <= 2 and d <= max(1, len(a) // 3) and not a.isdigit():
            return f"{'one' if d == 1 else 'two'}-letter fix of a common word ({a} -> {b})"
    if not new_w and len(old_w) == 1:
        around = _word_before(h.old_text, h.old_start) + _word_after(h.old_text, h.old_end)
        if old_w[0].lower() in (w.lower() for w in around):
            return f'repeated word "{old_w[0]}" removed'
    if not old_w and len(new_w) == 1 and len(new_w[0]) <= 3 and new_w[0].lower() in _SMALL_WORDS:
        return f'missing small word "{new_w[0]}" added'
    return None


_SMALL_WORDS = {"a", "an", "the", "of", "to", "in", "on", "at", "and", "for", "by", "as", "is"}

# Real words one inserted, dropped or swapped letter apart inside the word (the only slips
# _slip_in_quote accepts): fixing one into the other inside a quote changes what the speaker
# said, so it is never a slip. A test checks every pair would otherwise pass as one.
_NEAR_WORDS = frozenset(frozenset(p.split("/")) for p in """
lose/loose were/where from/form trail/trial causal/casual later/latter diary/dairy
county/country sliver/silver bran/barn chose/choose marital/martial bought/brought
though/through unite/untie united/untied sacred/scared there/three fiend/friend
salve/slave clam/calm pubic/public cannon/canon desert/dessert complaint/compliant
lightening/lightning
""".split())


def _slip_in_quote(h: _Hunk, old_w: list[str], new_w: list[str]) -> str | None:
    """An obvious transcription slip fixed inside a quote: a doubled word removed, or one
    letter inserted, dropped or two swapped inside a word (``evry`` -> ``every``). A letter
    replaced, or a change at a word's end (``officer`` -> ``officers``, ``use`` -> ``used``),
    too often turns one real word into another (``now`` -> ``not``), so those stay quotes."""
    if not new_w and len(old_w) == 1:
        around = _words_as_written(h.old_text[: h.old_start])[-1:] + _words_as_written(h.old_text[h.old_end :])[:1]
        if old_w[0].lower() in (w.lower() for w in around):
            return f'repeated word "{old_w[0]}" removed'
        return None
    if len(old_w) != 1 or len(new_w) != 1:
        return None
    a, b = old_w[0], new_w[0]
    la, lb = a.lower(), b.lower()
    if la == lb or len(lb) < 4 or frozenset((la, lb)) in _NEAR_WORDS:
        return None
    if la[-1] != lb[-1] or la[0] != lb[0]:
        return None  # an inflection or a different word, not a slip
    if len(la) == len(lb):
        diff = [i for i in range(len(la)) if la[i] != lb[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and la[diff[0]] == lb[diff[1]] \
            and la[diff[1]] == lb[diff[0]]
        return f"two letters swapped ({a} -> {b})" if swapped else None
    short, long_ = (la, lb) if len(la) < len(lb) else (lb, la)
    if len(long_) - len(short) != 1:
        return None
    if any(long_[:i] + long_[i + 1:] == short for i in range(1, len(long_) - 1)):
        return f"one-letter fix ({a} -> {b})"
    return None


def _merge_wording(flags: list[Flag]) -> list[Flag]:
    """Consecutive wording (or quote) flags in one paragraph become one: a
    rewrite of a sentence or a quote is one event for an editor."""
    out: list[Flag] = []
    merged = 1  # how many changes the last flag in ``out`` stands for: counted, never read back from its reason
    for f in flags:
        last = out[-1] if out else None
        # one constant on both sides, not a reading of the text: rewording it changes nothing
        if (last and f.reason == last.reason == _STYLE_ONLY
                and f.paragraph == last.paragraph and f.section == last.section):
            # opening and closing marks restyled together are one typographic edit
            out[-1] = replace(last, old=f"{last.old} … {f.old}", new=f"{last.new} … {f.new}")
        elif (last and f.type == last.type and f.type in _MERGED_TYPES
                and f.severity == last.severity != Severity.LOW
                and f.paragraph == last.paragraph and f.section == last.section):
            merged += 1
            out[-1] = Flag(f.type, f.severity, f.section, f.paragraph, f"{last.old} … {f.old}",
                           f"{last.new} … {f.new}", f"{merged} {_MERGED_TYPES[f.type]} in this paragraph")
        else:
            out.append(f)
            merged = 1
    return out


_MERGED_TYPES = {FlagType.WORDING: "word changes", FlagType.QUOTE: "changes inside quotation marks"}


def substantive(flags: Sequence[Flag]) -> list[Flag]:
    """The flags that need a notice: high or medium, and not a typo or punctuation fix."""
    return [f for f in flags if f.severity in (Severity.HIGH, Severity.MEDIUM) and not f.cosmetic]
