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
from dataclasses import replace
from typing import TYPE_CHECKING

from versioner.attribution import saying_moved
from versioner.figuredates import told_another_way
from versioner.figureedges import (
    edited_figures,
    hedge_changed,
    made_a_range,
    one_for_an_article,
    stated_values,
)
from versioner.figurenouns import AGE_WORDS as _AGE_WORDS
from versioner.figurenouns import changed_across_hunks
from versioner.figurenouns import counted_head as _counted_head
from versioner.figurenouns import noun_head as _noun_head
from versioner.figurenouns import stem as _stem
from versioner.figures import Figure, extract_figures, figures_touching, figures_touching_among, same_quantity
from versioner.headlinewords import demonyms_restyled, restyled, same_words
from versioner.hunkrules import FIGURE_EDIT, QUOTE_PUNCTUATION, STYLE_ONLY, Hunk, classify, hunks
from versioner.model import FACT_TYPES, PARAGRAPH_FLAG, ChangeKind, FlagType, Section, Severity
from versioner.model import Flag as Flag
from versioner.namechanges import ArticleNames
from versioner.nameidentified import identified, surname
from versioner.reading import CONTEXT, words_as_written

if TYPE_CHECKING:
    from versioner.diff import Change, Comparison, Op


# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
# 2: issue 16 (the paragraph reading, names, scores, typos and grammar, negation anchors);
# 3: moved words, phrases and figures are moves (issue 16);
# 4: figures, dates, names and quotes in rewritten clauses; names written another way (t16).
# 5: quotes moved whole, tense-only edits, headline-only stories (issue 16);
# 6: promotional lines, the first text under a lone headline, a headline reordered are low (t16-quotes);
# 7: telephone and dialled numbers are no figures; a figure on both sides of a hunk is unchanged; ages count the person
# 8: a headline flag carries the types of the facts changed inside it (Flag.facts, t16c)
# 9: a figure is paired with one that measures the same (an age, a span, a count) and a count with its rank;
#    an age in brackets after a name is a figure even in a rewrite (t16fq)
# 10: a headline with only a typo or its small words changed, or only trimmed, is low; a moved paragraph mostly
#     rewritten is no move (t16h)
# 11: a headline with a demonym restyled is low, no fact changed
# 12: a date alone that tells no new time (a weekday told as its date, an event's name) is no figure; a figure
#     removed in one hunk and one added in another, counting the same thing, are one figure changed (t16f)
# 13: a paragraph put in that identifies someone the story never named adds a name (t17n)
RULES_VERSION = 13


SEVERITY_RANK = {severity.value: severity.rank for severity in Severity}


TYPES = tuple(FlagType)


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
    if _first_text_under_headline(comparison):
        flags = [replace(f, severity=Severity.LOW, reason=FIRST_TEXT) if f.type == FlagType.PARAGRAPH_ADDED else f
                 for f in flags]
    return tuple(f for f in moved_figures(flags) if not is_hidden_figure(f))


FIRST_TEXT = "text first shown under a headline that stood alone (a summary or teaser displayed)"


def _first_text_under_headline(comparison: Comparison) -> bool:
    """Was the older text its headline alone, the newer one showing text under it? A
    homepage slot or feed that shows a story's summary for the first time, a stub
    filled in: nothing published was changed, and no paragraph of a story was added
    to (the audit reads such a revision as minor too)."""
    old = comparison.old
    # one part with words: looked for up to a second one, not counted over a long article
    with_words = (p for p in old.parts if p.text.strip())
    return old.headline is not None and next(with_words, None) is not None and next(with_words, None) is None \
        and bool(comparison.new.paragraphs)


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
    if change.section == Section.BODY and change.kind in (ChangeKind.INSERT, ChangeKind.DELETE):
        what = "added" if change.kind == ChangeKind.INSERT else "removed"
        if is_promo(change.new or change.old):
            # "Sign up for our newsletter", "Stream the special now": the page selling
            # itself, not the story (the labels' boilerplate)
            return [_whole(PARAGRAPH_FLAG[change.kind], Severity.LOW, where, change.old, change.new,
                           f"promotional line {what}: a call to watch, read, follow or sign up")]
        return [_whole(PARAGRAPH_FLAG[change.kind], Severity.MEDIUM, where, change.old, change.new, f"paragraph {what}")] \
            + _identified(change, names)
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
        if not change.ops:
            return [_whole(PARAGRAPH_FLAG[change.kind], Severity.LOW, where, change.old, change.new,
                           f"paragraph moved from {change.old_paragraph} to {change.paragraph}")]
        if _words_stand(change.old, change.new):
            flags.append(_whole(PARAGRAPH_FLAG[change.kind], Severity.LOW, where, change.old, change.new,
                                f"paragraph moved from {change.old_paragraph} to {change.paragraph}"))
    if change.section == Section.HEADLINE:
        return [_headline_flag(change, names)]
    inner = _flag_ops(change.ops, change.section, change.paragraph, names)
    if change.section == Section.BYLINE:
        return [_whole(FlagType.NAME, Severity.HIGH, where, change.old, change.new, "byline changed")]
    flags.extend(inner)
    return flags


# Share of a moved paragraph's words (Jaccard) that must stand for it to read as moved
MOVED_WORDS_STAND = 0.75


def _identified(change: Change, names: ArticleNames | None) -> list[Flag]:
    """A name flag for each person a paragraph put in identifies ("identified the victim
    as Ann Lee") whom the older revision never named: the story now says who they are."""
    if change.kind != ChangeKind.INSERT or names is None:
        return []
    return [Flag(FlagType.NAME, Severity.HIGH, change.section, change.paragraph, "", name, f"person identified: {name}")
            for name in dict.fromkeys(identified(change.new)) if not names.mentioned(surname(name), side=0)]


def _words_stand(old: str, new: str) -> bool:
    """Do most of a paragraph's words stand in its new place? One rewritten around a few
    of them reads as a rewrite, which its word flags tell; where it now stands, with the
    paragraphs around it added and removed, is no news to a reader."""
    from versioner.align import word_overlap

    return word_overlap(old, new) >= MOVED_WORDS_STAND


# A sentence that turns to the reader to sell the page: an imperative call to action
# opening it (at the paragraph's start or after a sentence's end, a page's markup may
# glue the two), or a label such as "WATCH:" or "READ MORE:" opening the paragraph ...
_CALL = re.compile(r"(?:^|[.!?:]\s*)(?:sign up|subscribe|follow (?:us|along|@|on)|download|stream|watch|listen|upgrade|"
                   r"click|tap|read more|get (?:our|the)|don['’]t miss|join us|register)\b", re.I)
_LABEL = re.compile(r"^(?:WATCH|LISTEN|READ MORE|READ|RELATED|STREAMING(?: NOW)?|SUBSCRIBE|SIGN UP|SEE ALSO|"
                    r"ALSO READ|MORE|VIDEO|PODCAST)\s*:")
# ... and naming what it sells or where: a newsletter, an app, a show, an account
_OUTLET = re.compile(r"\b(?:newsletters?|app|apps|podcasts?|episodes?|special|documentary|docuseries|series|videos?|"
                     r"livestream|stream(?:ing)?|full (?:report|interview|story|episode)|here|channel|inbox|"
                     r"subscri(?:be|ption|bers?)|on (?:X|Twitter|Facebook|Instagram|YouTube|TikTok|Threads|Bluesky|"
                     r"WhatsApp|Telegram))\b", re.I)
# Words beyond which a paragraph is a story's own, whatever it says
_PROMO_WORDS = 60


def is_promo(text: str) -> bool:
    """Is this paragraph a promotional line ("Sign up for our newsletter", "Follow us on
    Instagram", "STREAMING NOW: ... Upgrade to watch the full report")? Short, and a call
    to action or a promo label together with what it sells."""
    text = text.strip()
    if not text or len(text.split()) > _PROMO_WORDS:
        return False
    return bool(_CALL.search(text) or _LABEL.match(text)) and _OUTLET.search(text) is not None


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
    if same_words(old_bare, new_bare):
        # "Manchester's post-punk icons" for "post-punk's Manchester icons": nothing said
        # that was not said before, nothing taken out
        return _whole(FlagType.HEADLINE, Severity.LOW, where, change.old, change.new,
                      "headline changed: the same words in another order")
    # without a slug the bare headlines are the change's own texts: its diff is theirs
    same_texts = old_bare == change.old and new_bare == change.new and change.ops
    # each headline's figures read once, for the edits' figures and for what it states
    figures = extract_figures(old_bare), extract_figures(new_bare)
    inner = [f for f in _flag_ops(change.ops if same_texts else word_diff(old_bare, new_bare), Section.HEADLINE, None, names,
                                  figures) if not is_hidden_figure(f)]
    top = max((f.rank for f in inner), default=2)
    detail = "; ".join(dict.fromkeys(f.reason for f in inner)) or "reworded"
    cosmetic = bool(inner) and all(f.type in (FlagType.TYPO, FlagType.PUNCTUATION) for f in inner)
    # only style inside (an article added, the same figure restyled, a typo fixed): low,
    # like the wording; so is the same headline with only its small words changed
    style = bool(inner) and all(f.severity == Severity.LOW for f in inner)
    # a demonym in another style names the same people: no fact changed, whatever the
    # words inside read it as (a name respelled, a word swapped)
    demonyms = demonyms_restyled(old_bare, new_bare)
    low = style or demonyms or restyled(old_bare, new_bare, figures)
    sev = Severity.LOW if demonyms else Severity.HIGH if top >= 3 else Severity.LOW if low else Severity.MEDIUM
    facts = () if demonyms else tuple(t for t in FACT_TYPES if any(f.type == t for f in inner))
    return Flag(FlagType.HEADLINE, sev, change.section, change.paragraph,
                change.old, change.new, f"headline changed: {detail}", cosmetic=cosmetic, facts=facts)


def _whole(typ: FlagType, sev: Severity, where: tuple[Section, int | None], old: str, new: str, reason: str) -> Flag:
    return Flag(typ, sev, where[0], where[1], old, new, reason)


def _figures_in(figs: Sequence[Figure], start: int, end: int) -> list[Figure]:
    end = max(end, start + 1)
    return [f for f in figs if f.start < end and start < f.end]


def _flag_ops(ops: Sequence[Op], section: Section, paragraph: int | None,
              names: ArticleNames | None = None,
              figures: tuple[list[Figure], list[Figure]] | None = None) -> list[Flag]:
    """The flags of one edited text's hunks; ``figures``: every figure of each side, when
    the caller read them (a headline)."""
    hs = hunks(ops, section == Section.HEADLINE)
    if not hs:
        return []
    old_whole, new_whole = figures if figures is not None else (None, None)
    old_figs = _figures_around(hs[0].old_text, [(h.old_start, h.old_end) for h in hs], old_whole)
    new_figs = _figures_around(hs[0].new_text, [(h.new_start, h.new_end) for h in hs], new_whole)
    flags: list[Flag] = []
    for h in hs:
        if not h.old.strip() and not h.new.strip():
            continue  # whitespace only
        one = one_for_an_article(h, section, paragraph)
        if one:
            flags.append(one)
            continue
        ofs = _figures_in(old_figs, h.old_start, h.old_end)
        nfs = _figures_in(new_figs, h.new_start, h.new_end)
        # (a hunk without figures gets no figure flags, whatever the rewrite: not read)
        rewrite = None if not (ofs or nfs) or _figures_carry(h, ofs, nfs) else (h.old, h.new)
        ages = _bracketed_ages(h.old_text, ofs) | _bracketed_ages(h.new_text, nfs)
        fig_flags = _figure_flags(*edited_figures(h, ofs, nfs), section, paragraph, old_figs, new_figs,
                                  rewrite, ages, (h.old_text, h.new_text))
        if names is not None:  # a move may still claim it (is_hidden_figure)
            fig_flags = [replace(f, severity=Severity.LOW) if _stands_elsewhere(f, names) else f for f in fig_flags]
        flags.extend(fig_flags)
        hedge = None if fig_flags else hedge_changed(h, section, paragraph)
        rest = hedge or classify(h, ofs, nfs, bool(fig_flags), section, paragraph, names)
        if rest:
            flags.append(rest)
    return _merge_wording(_quote_punctuation(saying_moved(changed_across_hunks(flags), hs[0].old_text, hs[0].new_text)))


def _quote_punctuation(flags: list[Flag]) -> list[Flag]:
    """Punctuation changed inside a quote is part of a reworded quote when the paragraph's
    quoted words change too, and punctuation (low) when they do not."""
    if any(f.type == FlagType.QUOTE and f.reason != QUOTE_PUNCTUATION for f in flags):
        return flags
    return [replace(f, type=FlagType.PUNCTUATION, severity=Severity.LOW) if f.reason == QUOTE_PUNCTUATION else f
            for f in flags]


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
                  texts: tuple[str, str] = ("", "")) -> list[Flag]:
    """The figure flags of one hunk; a figure that only left this hunk for another place
    in the paragraph (``old_all``, ``new_all``: the paragraph's figures near its edits)
    is moved, not removed and added. In a ``rewrite`` (the hunk's old and new words, when
    its figures do not carry it) a figure only added or only removed rides in a clause
    written in or taken out, which the wording rules judge: its flag is a low one that
    only a move can claim (flag_comparison drops the rest), unless the thing it counted
    still stands on the other side ("killed 17 soldiers" -> "left soldiers dead")."""
    flags = []
    ofs, nfs = _unchanged_taken_out(ofs, nfs)
    unmatched_new = [nf for nf in nfs if not _stands_in(nf, old_all, ofs)]
    for of in ofs:
        partner = _partner(of, unmatched_new)
        if partner is None and (_stands_in(of, new_all, nfs) or of.kind == "vague"
                                or told_another_way(of, texts[0], texts[1])):
            continue  # moved; or a count without its number taken out: no number retracted
        if partner is None:
            sev = Severity.HIGH if of in ages else _alone_severity(of, rewrite, 1)
            flags.append(Flag(FlagType.FIGURE, sev, section, paragraph, of.phrase, "",
                              f"figure {of.text} removed" + _counting(of), _stated(of), None, of.noun))
            continue
        unmatched_new.remove(partner)
        if same_quantity(of, partner):
            continue  # same value written differently: left to the wording rules
        noun = partner.noun or of.noun
        flags.append(Flag(FlagType.FIGURE, Severity.HIGH, section, paragraph, of.phrase, partner.phrase,
                          f"number {of.text} -> {partner.text}" + _counting(partner, of),
                          *stated_values(of, partner), noun))
    for nf in unmatched_new:
        if nf.kind == "vague" or told_another_way(nf, texts[1], texts[0]):
            continue  # a count without its number put in states no number: the wording rules judge it
        sev = Severity.HIGH if nf in ages else _alone_severity(nf, rewrite, 0)
        flags.append(Flag(FlagType.FIGURE, sev, section, paragraph, "", nf.phrase,
                          f"figure {nf.text} added" + _counting(nf), None, _stated(nf), nf.noun))
    return flags


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
    what it counts is not on the ``other`` side (0 old, 1 new) of the hunk."""
    if rewrite is None or not fig.noun:
        return Severity.HIGH if rewrite is None else Severity.LOW
    head = _counted_head(fig.noun)
    kept = len(head) >= 3 and head in {_stem(w) for w in words_as_written(rewrite[other])}
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


def _merge_wording(flags: list[Flag]) -> list[Flag]:
    """Consecutive wording (or quote) flags in one paragraph become one: a
    rewrite of a sentence or a quote is one event for an editor."""
    out: list[Flag] = []
    merged = 1  # how many changes the last flag in ``out`` stands for: counted, never read back from its reason
    for f in flags:
        last = out[-1] if out else None
        # one constant on both sides, not a reading of the text: rewording it changes nothing
        if (last and f.reason == last.reason == STYLE_ONLY
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
