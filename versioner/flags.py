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

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from versioner.attribution import saying_moved
from versioner.figureedges import (
    edited_figures,
    hedge_changed,
    one_for_an_article,
)
from versioner.figureflags import (
    _bracketed_ages,
    _figure_flags,
    _figures_around,
    _figures_carry,
    _stands_elsewhere,
    is_hidden_figure,
    respelt_only,
    riding_figures,
    sentence_taken_out,
)
from versioner.figurenouns import changed_across_hunks
from versioner.figures import Figure, extract_figures
from versioner.headlinewords import demonyms_restyled, restyled, same_words
from versioner.hunk import Hunk, hunks
from versioner.hunkrules import CLAIM_UNQUOTED, QUOTE_PUNCTUATION, STYLE_ONLY, classify
from versioner.model import FACT_TYPES, PARAGRAPH_FLAG, ChangeKind, FlagType, Section, Severity
from versioner.model import Flag as Flag
from versioner.namechanges import ArticleNames
from versioner.nameidentified import identified, surname

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
# 14: an attribution changed inside a headline is one of its facts, and keeps it medium at least (f1flags)
RULES_VERSION = 14


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
    if change.kind != ChangeKind.INSERT or names is None or not _may_identify(change.new):
        return []
    return [Flag(FlagType.NAME, Severity.HIGH, change.section, change.paragraph, "", name, f"person identified: {name}")
            for name in dict.fromkeys(identified(change.new)) if not names.mentioned(surname(name), side=0)]


def _may_identify(text: str) -> bool:
    """False only when ``identified(text)`` finds no one: its pattern needs "identified"
    or "named" written as they are, which two searches of the text rule out at a tenth
    of the pattern's cost (a property test holds the two in step)."""
    return "identified" in text or "named" in text


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
    if not text or not (_may_call(text) or _LABEL.match(text)) or len(text.split()) > _PROMO_WORDS:
        return False
    return bool(_CALL.search(text) or _LABEL.match(text)) and _OUTLET.search(text) is not None


# What each call to action of _CALL starts with, lower case
_CALL_STEMS = ("sign up", "subscribe", "follow ", "download", "stream", "watch", "listen", "upgrade", "click", "tap",
               "read more", "get ", "miss", "join us", "register")


def _may_call(text: str) -> bool:
    """False only when _CALL finds no call to action in ``text``: in ASCII text (where its
    case-blind match is the lower case one) each needs one of its stems, which a few
    searches of the lower-cased text rule out at a fraction of the pattern's cost, tried
    at every character (a property test holds the two in step)."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(stem in low for stem in _CALL_STEMS)


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
    # each headline's figures read once, for the edits' figures and for what it states;
    # not at all for a headline without a digit: what it states is its own text, and the
    # edits' figures are read near them alone (figures_touching gives what the whole gives)
    figures = _headline_figures(old_bare), _headline_figures(new_bare)
    inner = [f for f in _flag_ops(change.ops if same_texts else word_diff(old_bare, new_bare), Section.HEADLINE, None, names,
                                  figures) if not is_hidden_figure(f)]
    top = max((f.rank for f in inner), default=2)
    detail = "; ".join(dict.fromkeys(f.reason for f in inner)) or "reworded"
    cosmetic = bool(inner) and all(f.type in (FlagType.TYPO, FlagType.PUNCTUATION) for f in inner)
    # only style inside (an article added, the same figure restyled, a typo fixed): low,
    # like the wording; so is the same headline with only its small words changed
    style = bool(inner) and all(f.severity == Severity.LOW for f in inner)
    # whose claim a headline states changed (marks taken off it, one source for another):
    # never only restyled. A clause put in or taken out with its own verb of saying ("as
    # the council says 'not now'") is the headline's new or dropped material, no attribution
    inner = [f for f in inner if f.type != FlagType.ATTRIBUTION or (f.old and f.new) or f.reason == CLAIM_UNQUOTED]
    attributed = any(f.type == FlagType.ATTRIBUTION and f.severity != Severity.LOW for f in inner)
    # a demonym in another style names the same people: no fact changed, whatever the
    # words inside read it as (a name respelled, a word swapped)
    demonyms = demonyms_restyled(old_bare, new_bare)
    # whether it is only restyled is asked last: a high flag inside makes it high anyway
    sev = Severity.LOW if demonyms else Severity.HIGH if top >= 3 \
        else Severity.LOW if not attributed and (style or restyled(old_bare, new_bare, figures)) else Severity.MEDIUM
    facts = () if demonyms else tuple(t for t in FACT_TYPES if any(f.type == t for f in inner))
    return Flag(FlagType.HEADLINE, sev, change.section, change.paragraph,
                change.old, change.new, f"headline changed: {detail}", cosmetic=cosmetic, facts=facts)


def _headline_figures(text: str) -> list[Figure] | None:
    return extract_figures(text) if any(map(str.isdigit, text)) else None


def _whole(typ: FlagType, sev: Severity, where: tuple[Section, int | None], old: str, new: str, reason: str) -> Flag:
    return Flag(typ, sev, where[0], where[1], old, new, reason)


def _figures_in(figs: Sequence[Figure], start: int, end: int) -> list[Figure]:
    end = max(end, start + 1)
    return [f for f in figs if f.start < end and start < f.end]


def _flag_ops(ops: Sequence[Op], section: Section, paragraph: int | None,
              names: ArticleNames | None = None,
              figures: tuple[list[Figure] | None, list[Figure] | None] | None = None) -> list[Flag]:
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
        # a hunk without figures gets no figure flags, whatever the rewrite: not read (the
        # figures an edit changed are among those touching it, _figure_flags of none is none)
        fig_flags = _hunk_figure_flags(h, ofs, nfs, section, paragraph, (old_figs, new_figs), names) \
            if ofs or nfs else []
        flags.extend(fig_flags)
        hedge = None if fig_flags else hedge_changed(h, section, paragraph)
        rest = hedge or classify(h, ofs, nfs, bool(fig_flags), section, paragraph, names)
        if rest:
            flags.append(rest)
    return _merge_wording(_quote_punctuation(saying_moved(changed_across_hunks(flags), hs[0].old_text, hs[0].new_text)))


def _hunk_figure_flags(h: Hunk, ofs: list[Figure], nfs: list[Figure], section: Section, paragraph: int | None,
                       around: tuple[list[Figure], list[Figure]], names: ArticleNames | None) -> list[Flag]:
    """The figure flags of a hunk that figures touch (``ofs``, ``nfs``); ``around``: the
    paragraph's figures near its edits, on each side."""
    if respelt_only(h):
        return []  # a misspelt unit fixed: the typo rules judge it
    rewrite = None if _figures_carry(h, ofs, nfs) or sentence_taken_out(h) else (h.old, h.new)
    ages = _bracketed_ages(h.old_text, ofs) | _bracketed_ages(h.new_text, nfs)
    fig_flags = _figure_flags(*edited_figures(h, ofs, nfs), section, paragraph, *around,
                              rewrite, ages, (h.old_text, h.new_text), riding_figures(h, ofs, nfs))
    if names is not None:  # a move may still claim it (is_hidden_figure)
        fig_flags = [replace(f, severity=Severity.LOW) if _stands_elsewhere(f, names) else f for f in fig_flags]
    return fig_flags


def _quote_punctuation(flags: list[Flag]) -> list[Flag]:
    """Punctuation changed inside a quote is part of a reworded quote when the paragraph's
    quoted words change too, and punctuation (low) when they do not."""
    if any(f.type == FlagType.QUOTE and f.reason != QUOTE_PUNCTUATION for f in flags):
        return flags
    return [replace(f, type=FlagType.PUNCTUATION, severity=Severity.LOW) if f.reason == QUOTE_PUNCTUATION else f
            for f in flags]


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
