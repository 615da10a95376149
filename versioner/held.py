"""How a revision's notices are held against its changes: which changes a notice's
claims cover (by the evidence in ``evidence.py``), what an update notice covers, what
a notice carried over from the revision before still covers, and the verdict and
reasons that follow. ``audit.py`` runs it revision by revision."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from versioner import model
from versioner.develop import forecast, running_figure, settles
from versioner.evidence import Clue, evidence, values_missing
from versioner.figures import extract_figures
from versioner.flags import Flag
from versioner.model import FlagType, NoticeKind, Section
from versioner.notices import Claim, Notice, Target
from versioner.stealth import _PROCESS_LINE, StealthKind, adds_material, rank_swapped, swapped_in_place

_V = model.Verdict


@dataclass(frozen=True)
class Held:
    """What holding notices against a revision's changes came to: the fields of its
    ``audit.Verdict`` that follow from it."""

    verdict: model.Verdict
    reasons: tuple[str, ...]
    covered: tuple[Flag, ...] = ()
    undisclosed: tuple[Flag, ...] = ()
    stealth_kind: StealthKind | None = None


def hold_carried(carried: Sequence[Notice], subst: Sequence[Flag], altered: Sequence[Flag],
                 new_text: str, old_text: str = "") -> Held:
    """A notice carried unchanged from the revision before claims nothing new, but
    readers still see it, and an update notice stays true as the story goes on ("has
    been updated with additional information"): it covers what a fresh update notice
    covers (new material, a rewrite around a development, superseded lines taken out,
    a running count moving on), never a published fact replaced since. What a notice names it named for the
    revision before ("Updates death toll"), so only its generic reading counts. A
    revision that changes no fact and adds nothing is minor, as it would be without
    the notice; a published fact changed outside it was changed in silence: stealth."""
    if not altered and not any(adds_material(f) or settles(f) for f in subst):
        return Held(_V.MINOR, (
            "the notice was carried from the revision before, which claims nothing new; words replaced "
            "or rearranged within the same sentences, no new material and no fact taken out",)
            + tuple(f"reworded: {describe(f)}" for f in subst))
    update = any(n.kind == NoticeKind.UPDATE for n in carried)
    owned = tuple(f for f in subst if update and _update_owns(f, new_text, old_text, subst))
    outside = tuple(f for f in altered if f not in owned)
    if outside:
        return Held(_V.STEALTH, tuple(f"no new notice for {describe(f)}, and the notice carried from the "
                                      "revision before does not cover it" for f in outside),
                    owned, outside, StealthKind.ALTERED)
    if len(owned) == len(subst):
        return Held(_V.CONSISTENT, (
            f"the notice carried from the revision before covers all {len(subst)} substantive change(s)",),
                    owned)
    rest = tuple(f for f in subst if f not in owned)
    return Held(_V.UPDATE, (
        "the notice carried from the revision before does not cover everything, but nothing "
        "published was changed or taken out, only added or reworded",)
                + tuple(f"added or reworded: {describe(f)}" for f in rest), owned, rest, StealthKind.ADDED)


def held_to_notice(unmatched: Sequence[Claim], wrong_values: Sequence[str],
                    outside: Sequence[Flag]) -> model.Verdict:
    """The verdict on a revision whose notice was held against its changes: from what
    did not match, never from the wording of the reasons."""
    if unmatched or wrong_values:
        return _V.MISMATCH
    return _V.UNDISCLOSED if outside else _V.CONSISTENT


def notice_reasons(unmatched: Sequence[Claim], wrong_values: Sequence[str],
                    outside: Sequence[Flag]) -> list[str]:
    return ([f"notice claims {claim_text(claim)}, but no such change was found" for claim in unmatched]
            + list(wrong_values)
            + [f"not covered by the notice: {describe(f)}" for f in outside])


# -- matching claims to flags -------------------------------------------------

_GENERIC_OK = frozenset((FlagType.PARAGRAPH_ADDED, FlagType.PARAGRAPH_REMOVED, FlagType.PARAGRAPH_MOVED,
                         FlagType.WORDING, FlagType.ATTRIBUTION, FlagType.TYPO, FlagType.PUNCTUATION,
                         FlagType.HEADLINE))


def covers(claim: Claim, flag: Flag, *, sole_correction: bool = False) -> bool:
    """Does this claim account for this flag?

    ``sole_correction``: the claim is a bare "this was corrected" (a CORRECTED- slug or a
    notice that says no more) and no notice in the revision says anything more specific;
    it then owns every change, because readers were told the story was corrected."""
    t = claim.target
    if t.section not in (Section.ANY, Section.BODY) and t.section != flag.section:
        return False
    if t.section == Section.BODY:
        if flag.section != Section.BODY:
            return False
        if t.paragraph is not None and flag.paragraph is not None and abs(flag.paragraph - t.paragraph) > 0:
            return False
    if claim.action == "add" and t.section in (Section.ANY, Section.BODY):
        # adding material ("adds comment", "adds vote tally") owns new paragraphs and
        # insertions, never a change to words already published
        if flag.type == FlagType.PARAGRAPH_ADDED:
            return True
        if flag.old:
            return False
    subject = t.subject
    if subject in ("figure", "date") or (t.detail and _looks_numeric(t.detail)):
        if flag.type == FlagType.FIGURE:
            return _kind_fits(t.detail, flag)
        if _words_values_fit(claim, flag):
            return True
        return flag.section == Section.HEADLINE and flag.type == FlagType.HEADLINE
    if subject in ("name", "spelling", "typo", "title", "place"):
        return flag.type in (FlagType.NAME, FlagType.TYPO, FlagType.WORDING, FlagType.HEADLINE, FlagType.PUNCTUATION)
    if subject in ("quote", "attribution"):
        return flag.type in (FlagType.QUOTE, FlagType.PARAGRAPH_ADDED, FlagType.WORDING, FlagType.ATTRIBUTION)
    if subject == "negation":
        return flag.type in (FlagType.NEGATION, FlagType.WORDING, FlagType.QUOTE)
    if subject == "word":
        return flag.type in (FlagType.WORDING, FlagType.TYPO, FlagType.HEADLINE, FlagType.NEGATION, FlagType.PUNCTUATION)
    if claim.action == "add" and t.section in (Section.ANY, Section.BODY) and t.paragraph is None:
        return flag.type in (FlagType.PARAGRAPH_ADDED, FlagType.WORDING, FlagType.QUOTE)
    if claim.action == "remove" and t.section in (Section.ANY, Section.BODY) and t.paragraph is None:
        return flag.type in (FlagType.PARAGRAPH_REMOVED, FlagType.WORDING)
    if t.section == Section.ANY and t.paragraph is None:
        if sole_correction and _is_bare_correction(claim):
            return True
        # a generic "updates with details" owns new material, not silent
        # changes to figures, names, quotes or negations already published
        return flag.type in _GENERIC_OK
    return True


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}


def _words_values_fit(claim: Claim, flag: Flag) -> bool:
    """"... a third of the construction cost, not of the whole scheme": values in words, not
    numbers, so the subject guessed from "cost" is weak evidence; the values say which
    words changed, and a flag whose old or new text has them is the change claimed."""
    values = [v for v in (claim.new_value, claim.old_value) if v]
    if not values:
        return False
    if any(extract_figures(v) for v in values):
        return False
    new_ok = bool(claim.new_value) and bool(_content_words(claim.new_value or "") & _content_words(flag.new))
    old_ok = bool(claim.old_value) and bool(_content_words(claim.old_value or "") & _content_words(flag.old))
    return new_ok or old_ok


def _is_bare_correction(claim: Claim) -> bool:
    return (claim.action == "change" and claim.target == Target(Section.ANY)
            and claim.new_value is None and claim.old_value is None)


_NUMERIC_DETAILS = re.compile(
    r"\b(?:toll|numbers?|figures?|count|rates?|amounts?|totals?|prices?|ages?|dates?|percent(?:age)?|"
    r"costs?|years?|tally)\b", re.IGNORECASE)
# "the cost of the barrier": an amount of money, so a count of homes changing is not it
_MONEY_DETAILS = re.compile(r"\b(?:costs?|prices?|budgets?|fines?|fees?|funding|salar(?:y|ies)|spending|"
                            r"bills?)\b", re.IGNORECASE)
_COUNT_KINDS = frozenset(("number", "date", "time", "ordinal"))


def _looks_numeric(detail: str) -> bool:
    # whole words: "Agency" is not "age"
    return _NUMERIC_DETAILS.search(detail) is not None


def _kind_fits(detail: str | None, flag: Flag) -> bool:
    """A figure claim about money does not own a changed count, date or time."""
    if not detail or not _MONEY_DETAILS.search(detail):
        return True
    kinds = {f.kind for f in extract_figures(f"{flag.old} {flag.new}")}
    return not kinds or not kinds <= _COUNT_KINDS


# the kinds of notice that, naming nothing, own every change a generic notice may
_CLAIMING_ALL = frozenset((NoticeKind.REPEAT, NoticeKind.REFILE, NoticeKind.UPDATE, NoticeKind.CORRECTION))


def match(notices: Sequence[Notice], flags: Sequence[Flag], new_text: str = "",
          old_text: str = "") -> tuple[list[Flag], list[Claim], list[str], list[str]]:
    """Which flags the notices cover, the claims nothing bears out, the stated values
    no change bears out, and what tied each claim to its changes (for the reasons)."""
    covered: list[Flag] = []
    unmatched: list[Claim] = []
    problems: list[str] = []
    ties: list[str] = []
    # a bare "corrected" counts for everything only when nothing more specific was said
    sole = not any(not _is_bare_correction(c) for n in notices for c in n.claims)
    for notice in notices:
        if not notice.claims and notice.kind in _CLAIMING_ALL:
            # a bare slug or "(Repeats ...)" claims nothing specific; a bare update still
            # tells of news, not of a published fact put right
            covered.extend(f for f in flags if f.type in _GENERIC_OK and f not in covered and not (
                notice.kind == NoticeKind.UPDATE and _puts_right(f, flags, new_text, old_text)))
            continue
        if notice.kind == NoticeKind.UPDATE:
            # a running count moving on (a toll, a tally) is the news an update brings
            covered.extend(f for f in flags if _update_owns(f, new_text, old_text, flags) and f not in covered)
        for claim in notice.claims:
            found = {f: evidence(claim, f, new_text) for f in flags}
            named = [f for f, ev in found.items()
                     if any(e.clue == Clue.VALUE for e in ev) and _in_claimed_part(claim, f)]
            # "the company that the analyst Tom Lee advises": the change in his sentence
            named = named or [f for f, ev in found.items() if f.old and any(e.clue == Clue.ENTITY for e in ev)
                              and _in_claimed_part(claim, f)]
            if named:
                tied = [f for f, ev in found.items() if any(e.clue in (Clue.VALUE, Clue.ENTITY) for e in ev)
                        and _in_claimed_part(claim, f)]
                named += [f for f in _rest_of_rewrite(tied, flags) if f not in named]
            # the change whose words the notice names is the one claimed, whatever the grammar said
            hits = named or [f for f in flags if covers(claim, f, sole_correction=sole)]
            if notice.kind != NoticeKind.UPDATE:
                hits = _about_whom_named(claim, hits, new_text)
            elif not named:
                # an update read loosely owns no title or source swapped: those put a fact right
                hits = [f for f in hits if not _puts_right(f, flags, new_text, old_text)]
            if not hits:
                # an update describes new material loosely: only values it states can be wrong
                if notice.kind != NoticeKind.UPDATE or claim.new_value or claim.old_value:
                    unmatched.append(claim)
                continue
            covered.extend(f for f in hits if f not in covered)
            said = [e.said for f in hits for e in found[f]]
            if said:
                ties.append(f"{claim_text(claim)}: {'; '.join(dict.fromkeys(said))}")
            problem = check_values(claim, hits)
            if problem:
                problems.append(problem)
    return covered, unmatched, problems, ties


def _update_owns(flag: Flag, new_text: str, old_text: str, others: Sequence[Flag] = ()) -> bool:
    """What an update notice owns by being one: new material, superseded lines taken out,
    a running count moving on, a quotation carried on; never a title or source swapped,
    nor a paragraph taken out and told again with one of its figures changed."""
    if _puts_right(flag, others, new_text, old_text):
        return False
    return update_covers(flag) or running_figure(flag, new_text) or quote_continued(flag, new_text)


def _puts_right(flag: Flag, others: Sequence[Flag], new_text: str, old_text: str) -> bool:
    """Is this change a published fact put right, which no update notice tells of however
    loosely it is read: a title, direction or source swapped in place, a sentence of fact
    cut, a paragraph told again with one of its counts changed?"""
    return swapped_in_place(flag, old_text, new_text) or claim_cut(flag, others) \
        or _retold_with_figure_changed(flag, others)


def _retold_with_figure_changed(flag: Flag, others: Sequence[Flag]) -> bool:
    """Was this paragraph taken out and told again in an added one, whose words or other
    figures it shares, with a count of the same thing changed and not moving as a running
    tally does (rising, or for those still missing, falling) ("Hospitals treated 75 injured people, and 6 ..." -> "The crash also injured
    69 people, 6 of them ...")? The sentence was rewritten around a figure put right, which
    an update notice does not tell of; a superseded line it replaces with news it does."""
    if flag.type != FlagType.PARAGRAPH_REMOVED:
        return False
    gone = [g for g in extract_figures(flag.old) if g.value is not None and g.kind == "number"]
    if not gone:
        return False
    words = _content_words(flag.old)
    for added in (f for f in others if f.type == FlagType.PARAGRAPH_ADDED):
        told = [g for g in extract_figures(added.new) if g.value is not None and g.kind == "number"]
        shared = {g.value for g in gone} & {g.value for g in told}
        if not shared and len(words & _content_words(added.new)) < _RETOLD_SHARE * max(len(words), 1):
            continue  # another paragraph, not this one told again
        for o in gone:
            for a in told:
                if a.value in shared or not o.noun or not a.noun or o.noun.split()[-1] != a.noun.split()[-1]:
                    continue
                # a tally moving as one does (a toll rising, a count of the missing falling)
                moving = running_figure(
                    Flag(FlagType.FIGURE, flag.severity, added.section, added.paragraph, o.text, a.text, reason=""),
                    added.new)
                if a.value != o.value and not moving:
                    return True
    return False


# a paragraph sharing this share of the content words of one taken out tells it again
_RETOLD_SHARE = 0.5


def _about_whom_named(claim: Claim, flags: list[Flag], new_text: str) -> list[Flag]:
    """A correction about someone named ("misstated Ann Lee's connection to ...") is about
    a change in a passage that names them: their surname stands in the changed words or
    the paragraph that holds them (or another change in that paragraph). One naming no
    one may be about any change it covers."""
    names = [n.split()[-1] for n in _NAME_IN_DETAIL.findall(claim.target.detail or "")]
    if not names:
        return flags

    def names_them(f: Flag) -> bool:
        around = [f.old, f.new] + [p for p in new_text.splitlines() if f.new.strip() and f.new in p]
        return any(re.search(rf"\b{re.escape(name)}\b", text) for name in names for text in around)

    places = {(f.section, f.paragraph) for f in flags if names_them(f)}
    return [f for f in flags if (f.section, f.paragraph) in places]


# a person or body the detail names: two capitalised words, or one in the possessive
_NAME_IN_DETAIL = re.compile(r"\b[A-Z][\w-]+(?:\s+[A-Z][\w-]+)+|\b[A-Z][\w-]+(?=['’]s\b)")


def _rest_of_rewrite(tied: Sequence[Flag], flags: Sequence[Flag]) -> list[Flag]:
    """A notice whose words or names tie it to several changes in one paragraph tells
    of that passage rewritten: every change made in it is part of the same rewrite (the
    tied ones too, whether the notice named their values or only whom they are about)."""
    places = Counter((f.section, f.paragraph) for f in tied if f.paragraph is not None)
    rewritten = {place for place, n in places.items() if n >= _REWRITE_CHANGES}
    return [f for f in flags if (f.section, f.paragraph) in rewritten]


# this many changes to one paragraph that a notice names are a passage rewritten
_REWRITE_CHANGES = 2


def _in_claimed_part(claim: Claim, flag: Flag) -> bool:
    """A claim that names a part (the headline, a caption) is about that part only."""
    section = claim.target.section
    return section in (Section.ANY, Section.BODY) and flag.section != Section.HEADLINE \
        or section in (Section.ANY, flag.section)


# a published fact replaced by another: a silent correction, not news
_CORRECTION_ONLY = frozenset((FlagType.NAME, FlagType.QUOTE, FlagType.NEGATION, FlagType.ATTRIBUTION,
                              FlagType.FIGURE))


def update_covers(flag: Flag) -> bool:
    """An update notice covers added material, a headline or paragraph rewritten around
    a development, and superseded words and lines taken out, but not a figure, name,
    quote, negation or attribution replaced, nor words cut from a quote or a negation.
    A whole quoted statement taken out (at most its attribution left, reworded) is a
    line taken out, as a paragraph is; one now told as what was said earlier ("An
    earlier police statement said ...") was overtaken by the news, not put right."""
    if not re.search(r"\w", flag.old):
        return True  # nothing but punctuation gave way: words put in
    if flag.type == FlagType.QUOTE and _statement_taken_out(flag):
        return True
    if flag.type in (FlagType.QUOTE, FlagType.ATTRIBUTION) and _told_as_earlier(flag):
        return True
    if flag.type in (FlagType.NEGATION, FlagType.QUOTE) or rank_swapped(flag):
        return False  # words taken out of a quote, a "not", a title: they change what was said
    return not (flag.type in _CORRECTION_ONLY and flag.new.strip())


def claim_cut(flag: Flag, others: Sequence[Flag] = ()) -> bool:
    """A sentence of fact cut from a paragraph that stays, otherwise unchanged, nothing in
    its place ("Two partners testified against him." gone): a deleted claim, which the
    real copy's label policy names among the silent corrections a generic update does not
    cover. A cut among other edits to the same paragraph is part of a rewrite around the
    news (stale lines dropped as the story moves on). A line
    about the reporting ("did not respond to a request for comment"), a forecast or a
    state of things the news overtook ("is expected to ...", "are still searching"), or a
    quoted statement (``_statement_taken_out``) was superseded; a whole paragraph dropped
    in a rewrite is judged as a paragraph."""
    old = flag.old.strip()
    if any(f is not flag and (f.section, f.paragraph) == (flag.section, flag.paragraph) for f in others):
        return False
    return flag.type == FlagType.WORDING and not flag.new.strip() and old.endswith((".", "!", "?", "”", '"')) \
        and len(re.findall(r"\w+", old)) >= _STATEMENT_WORDS and not _PROCESS_LINE.search(old) \
        and not forecast(old) and not _ONGOING.search(old) and not any(m in old for m in _OPENERS)


# a state of things told as it stands ("are still searching"), or what is not known yet
# ("has not been identified", "It was not immediately clear ..."): the news moves it on
_ONGOING = re.compile(r"\b(?:still|yet|unclear|unknown|not\s+(?:immediately\s+)?(?:clear|known)|"
                      r"not\s+been\s+(?:identified|named|released|confirmed|disclosed|determined))\b", re.I)


def quote_continued(flag: Flag, new_text: str) -> bool:
    """A quotation carried on past where it ended (',” Ann Lee said.' -> '. We will
    appeal.”'): the old side is only the quotation's close and the attribution after it,
    the new side more words inside the quotation, and a speaker of the old attribution
    is still named in the story. Words were added to what was said; none taken back."""
    old, new = flag.old.strip(), flag.new.strip()
    if flag.type != FlagType.QUOTE or not _CLOSES_QUOTE.match(old) or not new.endswith(_CLOSERS) \
            or any(mark in new[:-1] for mark in _OPENERS + _CLOSERS):
        return False
    speakers = re.findall(r"\b[A-Z][\w-]+", old)
    return any(re.search(rf"\b{re.escape(name)}\b", new_text) for name in speakers)


_OPENERS = ("“", '"')
_CLOSERS = ("”", '"')
_CLOSES_QUOTE = re.compile(r"^[,.;:!?]?\s*[”\"]\s*\w")


# a clause this long taken out is a statement (stealth._CLAUSE_WORDS); what is left in
# its place, at most this long, is its attribution ("the statement said")
_STATEMENT_WORDS = 6
_ATTRIBUTION_WORDS = 4


def _statement_taken_out(flag: Flag) -> bool:
    old, new = re.findall(r"\w+", flag.old), re.findall(r"\w+", flag.new)
    return len(old) >= _STATEMENT_WORDS and len(new) <= _ATTRIBUTION_WORDS


# a statement reported as an earlier one: what was said before the latest development
_EARLIER = re.compile(r"\b(?:earlier|previously|initially|at\s+first|had\s+(?:said|told|stated))\b", re.I)


def _told_as_earlier(flag: Flag) -> bool:
    return bool(_EARLIER.search(flag.new)) and not _EARLIER.search(flag.old)


def check_values(claim: Claim, hits: Sequence[Flag]) -> str | None:
    """``X, not Y`` or ``to X``: some covered change must bear the stated values out."""
    missing = values_missing(claim, list(hits))
    if missing is None:
        return None
    said, changed = missing
    return f"notice says {said}, but the change was {changed}"




def describe(f: Flag) -> str:
    where = f.section if f.paragraph is None else f"{f.section} paragraph {f.paragraph}"
    # whole: a view short of room cuts it (auditview), JSON, Markdown and HTML never do
    change = f"{f.old!r} -> {f.new!r}" if f.old and f.new else (f"{f.new!r} added" if f.new else f"{f.old!r} removed")
    return f"{f.type} in {where}: {change}"


def claim_text(claim: Claim) -> str:
    t = claim.target
    where = t.section if t.paragraph is None else f"{t.section} paragraph {t.paragraph}"
    what = t.detail or t.subject or "text"
    return f"{claim.action} {what} in {where}"
