"""Audit stage: hold each revision's new notices against what actually changed.

Verdicts (DESIGN.md): first, unchanged, minor, update, consistent, mismatch,
undisclosed, stealth, late, revert. ``late`` and ``revert`` look across the
whole chain; the rest compare a revision with the one before it.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from versioner import model
from versioner.develop import (
    live_coverage,
    moved_on,
    plan_carried_out,
    projection_settled,
    score_replaced,
    settles,
)
from versioner.evidence import Clue, evidence, value_in
from versioner.flags import Flag, substantive
from versioner.held import check_values as _check_values
from versioner.held import claim_text as _claim_text
from versioner.held import covers, hold_carried, match
from versioner.held import describe as _describe
from versioner.held import held_to_notice as _held_to_notice
from versioner.held import notice_reasons as _notice_reasons
from versioner.model import NoticeKind, Revision, Section
from versioner.notices import Claim, Notice, is_notice_slug, parse_notice, slug_notice
from versioner.parse import Parts, split_headline_slug
from versioner.pipeline import PairCache, compare_pair, rules_version
from versioner.silent import headline_unquoted
from versioner.stealth import StealthKind, adds_material, alters, credit_line, rearranged, respaced
from versioner.store import NoticeRow, Store, VerdictRow
from versioner.times import duration

# Bump when a verdict this module (or evidence.py, stealth.py, held.py) reaches changes: stored verdicts
# are keyed by it with the pair cache's rule versions (``verdict_rules``).
RULES_VERSION = 25  # 25: whom a notice names ties it to a change only in the changed sentence,
# not anywhere in its paragraph (evidence.py); 24 (v1verdicts): a title or a direction put for another in common words
# (swaps.py) is a fact put right, which no update covers; nor a sentence of fact cut; a tally
# of an ongoing event (stranded, without power, rain) rising, or of those it still holds
# (missing, trapped) falling, moves on; a headline-list line with one name put for another
# is put right, one with a clause joined on is news
# 23 (q2verdicts): a byline is a credit; a name or number cut from a headline
# that the story still gives is not taken back; a word still quoted anywhere is not a quotation
# altered (a lede re-cut); a source's identifying word swapped ("hospital officials" -> "local
# officials") is a source swapped; an update notice does not cover a paragraph told again with
# one of its counts changed
# 22 (v1verdicts): a speaker is a source only when common words describe it
# 21 (v1verdicts): a named speaker ("Iran said" -> "Tehran said") is judged as names are,
# not read as one source put for another
# 20 (v1verdicts): one hedge of doubt put for another ("may have" -> "probably",
# "could" -> "is expected to") takes no hedge out
# 19 (v1verdicts): the speaker a speech verb closes on is a source ("The fire service
# said" -> "Rescue workers said"), swapped in place as one cited after "according to" is
# 18 (v1verdicts): a name put in place by one the story never had is replaced even
# when the old one still stands elsewhere (a byline): it is named fewer times
# 17 (v1verdicts): a claim hedged by a modal or by who holds it ("may have", "is believed
# to have", "appears to") loses its hedge when that goes; one approximator put for another ("about" ->
# "around") takes none out
# 16 (t19v): a vague count made precise within its range ("dozens" -> 43) takes nothing back
# 15 (t19v): an attribution flag that says one source was put for another is a swap
# 14 (t19v): a headline re-angled on someone it now names drops a figure without
# taking it back; small joining words are no new material
# 13: a swapped source is read in the paragraph that cites it, not an earlier one sharing its words
# 12 (t17v): a source swapped after "according to" is altered; no update notice covers it or a rank swapped;
# a count told as a tally so far ("have been evacuated", "stands at") that rises is a running figure;
# an ordinary word capitalised only where it opens a sentence is no name lost; "throughout" is a hedge,
# "all" opening a compound ("all-time") is none
# 11: a rank swapped in a title is altered without a notice too
# 9 (t15c): a claim tied to a change in its own revision owns no earlier one; a correction naming
# someone covers their passage only; an update covers a quotation carried on, not a rank swapped in a title
# 9 (t15v): live pages by address and timestamped entries; an item re-topped; names shortened
# 8: a later notice owns only a change it names; headline quote marks dropped (t15a)
# 7: previews become coverage, live pages, a headline's figure or score gone (t15v)
# 6: a name in the possessive still named plainly; 5: silent changes read by their structure (silent.py); place, attribution and negation claims
# (claims.py); what a notice covers in held.py, developing stories in develop.py (t15-vb)

_V = model.Verdict
VERDICTS = tuple(model.Verdict)
STRICT_FAILS = frozenset((_V.MISMATCH, _V.UNDISCLOSED, _V.STEALTH, _V.LATE))
VERDICT_RANK = {v: i for i, v in enumerate(
    (_V.FIRST, _V.UNCHANGED, _V.REVERT, _V.MINOR, _V.UPDATE, _V.CONSISTENT, _V.LATE, _V.UNDISCLOSED, _V.MISMATCH, _V.STEALTH))}


@dataclass(frozen=True)
class Verdict:
    """The audit of one revision against the one before it."""

    revision: Revision
    verdict: model.Verdict
    reasons: tuple[str, ...]
    notices: tuple[Notice, ...] = ()
    flags: tuple[Flag, ...] = ()
    covered: tuple[Flag, ...] = ()
    undisclosed: tuple[Flag, ...] = ()
    unmatched: tuple[Claim, ...] = ()
    # the notice's "X, not Y" values no covered figure bears out, one line each: kept
    # apart from ``reasons`` so that re-judging never reads the wording of a reason
    wrong_values: tuple[str, ...] = ()
    # what the changes no notice covers did: ``altered`` a published fact, or only ``added``
    stealth_kind: StealthKind | None = None
    # the altered facts are running figures that moved on (a toll, a count), not a fix
    developing: bool = False
    disclosed_by: str | None = None
    latency_s: int | None = None
    previous: Revision | None = None

    @property
    def ref(self) -> str:
        return self.revision.ref


@dataclass
class _Work:
    verdict: Verdict
    pending: list[Flag] = field(default_factory=list)  # stealth flags a later notice may own
    # its notice came with no substantive edit of its own (nothing taken back, nothing
    # added): what the notice names may have been done before this revision
    quiet: bool = False


def new_notices(old: Parts | None, new: Parts) -> list[Notice]:
    """Notices in ``new`` that ``old`` did not carry, headline slugs included."""
    seen = {p.text.strip() for p in old.notices} if old else set()
    found: list[Notice] = []
    for p in new.notices:
        if p.text.strip() in seen:
            continue
        seen.add(p.text.strip())  # a footnote printed twice is one notice
        n = parse_notice(p.text, p.position or "top")
        if n:
            found.append(n)
    slug, _ = split_headline_slug(new.headline or "")
    old_slug = split_headline_slug(old.headline or "")[0] if old else None
    if slug and slug != old_slug and is_notice_slug(slug):
        found.append(slug_notice(slug))
    return found


# kinds that tell readers the story changed; a note of another kind (a content warning,
# a funding line) that claims nothing tells them nothing about the changes
_TELLING = frozenset((NoticeKind.CORRECTION, NoticeKind.CLARIFICATION, NoticeKind.UPDATE,
                      NoticeKind.REFILE, NoticeKind.REPEAT))


def _discloses(notice: Notice) -> bool:
    return notice.kind in _TELLING or bool(notice.claims)


def introduced_notices(old: Parts | None, new: Parts) -> tuple[Notice, ...]:
    """The notices a revision introduces, an editor's note that claims nothing
    included: what ``audit`` reports on the revision and what ``log`` and the UI show
    (one notion for every view; a notice carried over is not new). Only those that
    tell readers the story changed (``_discloses``) are held against the changes."""
    return tuple(new_notices(old, new))


def _carried_notices(parts: Parts) -> list[Notice]:
    """The notices a revision shows that were already in the one before (read again)."""
    found = [parse_notice(p.text, p.position or "top") for p in parts.notices]
    return [n for n in found if n is not None and _discloses(n)]


def audit_chain(revisions: Sequence[Revision], pairs: PairCache | None = None) -> list[Verdict]:
    """One verdict per revision, oldest first. ``pairs`` supplies (and keeps) the
    comparison of each revision with the one before."""
    works: list[_Work] = []
    seen_text: dict[str, int] = {}
    seen_headline: dict[str, int] = {}
    prev: Revision | None = None
    prev_parts: Parts | None = None
    for rev in revisions:
        parts = rev.parts()
        works.append(_audit_one(rev, parts, prev, prev_parts, seen_text, seen_headline, pairs))
        seen_text.setdefault(rev.sha256, rev.number)
        if parts.headline is not None:
            seen_headline.setdefault(_bare_headline(parts.headline), rev.number)
        prev, prev_parts = rev, parts
    _resolve_late(works)
    return [w.verdict for w in works]


def _bare_headline(headline: str) -> str:
    return split_headline_slug(headline)[1].strip()


def _audit_one(rev: Revision, parts: Parts, prev: Revision | None, prev_parts: Parts | None,
               seen_text: dict[str, int], seen_headline: dict[str, int],
               pairs: PairCache | None) -> _Work:
    if prev is None or prev_parts is None:
        return _Work(Verdict(rev, _V.FIRST, ("no earlier revision",), introduced_notices(None, parts)))
    if rev.sha256 == prev.sha256:
        return _Work(Verdict(rev, _V.UNCHANGED, ("same text as the revision before",), previous=prev))
    pair = pairs.get(prev, rev, prev_parts, parts) if pairs else compare_pair(prev_parts, parts)
    flags = pair.flags
    shown = introduced_notices(prev_parts, parts)
    # every new notice is reported; only those that tell of changes are held against them
    notices = tuple(n for n in shown if _discloses(n))
    base = Verdict(rev, _V.FIRST, (), shown, flags, previous=prev)  # its verdict is always replaced
    if rev.sha256 in seen_text:
        n = seen_text[rev.sha256]
        return _Work(replace(base, verdict=_V.REVERT,
                             reasons=(f"text returns to @{n} (a rollback)",)))
    only_headline = all(section == Section.HEADLINE for section, _ in pair.changes)
    if only_headline and parts.headline and not notices:
        seen = seen_headline.get(_bare_headline(parts.headline))
        if seen is not None and seen != prev.number:
            return _Work(replace(base, verdict=_V.REVERT, reasons=(
                f"headline returns to the one in @{seen} (A/B headline test or rollback)",)))
    # words moved, split or shifted between parts say nothing new and take nothing out
    subst = [f for f in substantive(flags) if not rearranged(f, prev.text, rev.text) and not respaced(f)]
    # a headline's quotation marks taken off a claim: low as a flag, an attribution dropped here
    unquoted = [f for f in flags if headline_unquoted(f) and f not in subst]
    subst += unquoted
    one_paragraph = len(prev_parts.paragraphs) <= 1
    headline_only = _one_line(prev_parts) and _one_line(parts)
    if not notices:
        if _first_text_under_headline(prev_parts, parts):
            return _Work(replace(base, verdict=_V.MINOR, reasons=(
                "no notice; the first text shown under an unchanged headline (a summary or teaser "
                "displayed), nothing published before was changed",)))
        if not subst:
            kinds = sorted({"headline typo" if f.cosmetic else f.type for f in flags}) or ["whitespace"]
            moved = tuple(f"words moved, not changed: {_describe(f)}" for f in substantive(flags))
            return _Work(replace(base, verdict=_V.MINOR, reasons=(
                f"no new notice; only {', '.join(kinds)} fixes",) + moved))
        altered = [f for f in subst if f in unquoted or alters(f, rev.text, one_paragraph, headline_only, prev.text)
                   and not projection_settled(f, subst) and not plan_carried_out(f, subst, rev.text)]
        if live_coverage(prev_parts, parts, rev.url or prev.url):
            altered = [f for f in altered if score_replaced(f)]
        carried = _carried_notices(parts)
        if carried:
            held = hold_carried(carried, subst, altered, rev.text, prev.text)
            return _Work(replace(base, verdict=held.verdict, reasons=held.reasons, covered=held.covered,
                                 undisclosed=held.undisclosed, stealth_kind=held.stealth_kind),
                         pending=[f for f in subst if f not in held.covered])
        if not altered and not any(adds_material(f) or settles(f) for f in subst):
            return _Work(replace(base, verdict=_V.MINOR, reasons=(
                "no notice; words replaced or rearranged within the same sentences, no new material "
                "and no fact taken out",) + tuple(f"reworded: {_describe(f)}" for f in subst)),
                         pending=list(subst))  # a later notice may still own up to them (late)
        if not altered:
            return _Work(replace(base, verdict=_V.UPDATE, stealth_kind=StealthKind.ADDED, reasons=(
                "no notice; nothing published was changed or taken out, only added or reworded",)
                + tuple(f"added or reworded: {_describe(f)}" for f in subst), undisclosed=tuple(subst)),
                         pending=list(subst))
        return _Work(replace(base, verdict=_V.STEALTH, stealth_kind=StealthKind.ALTERED,
                             developing=moved_on(altered, subst, rev.text),
                             reasons=tuple(f"no notice for {_describe(f)}" for f in altered)
                             + tuple(f"also added or reworded: {_describe(f)}" for f in subst if f not in altered),
                             undisclosed=tuple(subst)),
                     pending=list(subst))
    covered, unmatched, wrong_values, ties = match(notices, flags, rev.text, prev.text)
    # material only added or reworded needs no notice; what a notice leaves out counts
    # against it only when it took back something published
    outside = tuple(f for f in subst if f not in covered
                    and (f in unquoted or alters(f, rev.text, one_paragraph, headline_only, prev.text)))
    verdict = _held_to_notice(unmatched, wrong_values, outside)
    reasons = _notice_reasons(unmatched, wrong_values, outside)
    if verdict == _V.CONSISTENT:
        reasons.append(f"the notice covers all {len(subst)} substantive change(s)" if subst
                       else "the notice matches the changes")
    reasons.extend(ties)
    reasons.extend(f"added or reworded, which needs no notice: {_describe(f)}"
                   for f in subst if f not in covered and f not in outside)
    kind = StealthKind.ALTERED if outside else None
    quiet = not any(alters(f, rev.text, one_paragraph, headline_only, prev.text) or adds_material(f)
                    for f in subst)
    return _Work(replace(base, verdict=verdict, reasons=tuple(reasons), covered=tuple(covered),
                         undisclosed=outside, unmatched=tuple(unmatched), wrong_values=tuple(wrong_values),
                         stealth_kind=kind), quiet=quiet)


def _one_line(parts: Parts) -> bool:
    return sum(bool(p.text.strip()) for p in parts.parts) == 1


def _first_text_under_headline(old: Parts, new: Parts) -> bool:
    """The earlier revision was the headline alone, and this one shows it with text under
    it for the first time (a summary or teaser displayed, a stub filled in)."""
    lines = [p.text.strip() for p in old.parts if p.text.strip()]
    return len(lines) == 1 and new.headline is not None and _bare_headline(new.headline) == _bare_headline(lines[0])


def _resolve_late(works: list[_Work]) -> None:
    """A stealth change that a later notice owns up to is ``late``."""
    for j, later in enumerate(works):
        v = later.verdict
        if not v.unmatched and not v.notices:
            continue
        claims = list(v.unmatched) or [c for n in v.notices if _discloses(n) for c in n.claims]
        still: list[Claim] = []
        if not v.unmatched and _notice_only(v):
            _disclose_late(works, j)
        for claim in claims:
            if _generic(claim):
                continue  # "updated with additional information" names no earlier change to own
            if claim not in v.unmatched and _tied_here(claim, v):
                continue  # it tells of a change its own revision made, not of one made before
            owner = None
            for k in range(j - 1, -1, -1):
                earlier = works[k]
                hits = [f for f in earlier.pending if _owns(claim, f, earlier.verdict.revision)]
                if hits and _check_values(claim, hits) is None:
                    owner = (k, hits)
                    break
            if owner is None:
                if claim in v.unmatched:
                    still.append(claim)
                continue
            k, hits = owner
            ev = works[k].verdict
            latency = _seconds(ev.revision.captured_at, v.revision.captured_at)
            remaining = tuple(f for f in ev.undisclosed if f not in hits)
            reasons = (f"{_describe(hits[0])} was disclosed only by {v.ref}, {duration(latency)} later",) + tuple(
                f"never disclosed: {_describe(f)}" for f in remaining)
            works[k].verdict = replace(ev, verdict=_V.LATE, disclosed_by=v.ref, latency_s=latency,
                                       reasons=reasons, undisclosed=remaining,
                                       covered=ev.covered + tuple(hits))
            works[k].pending = [f for f in works[k].pending if f not in hits]
        if v.unmatched and len(still) < len(v.unmatched):
            _settle(later, still)
        if still and later.quiet and not v.wrong_values and not _silent_before(works, j) \
                and all(_done_before(c, v) for c in still):
            later.verdict = _before_capture(later.verdict, still)


def _owns(claim: Claim, flag: Flag, rev: Revision) -> bool:
    """Does a later notice own up to this earlier change? Only when it names it (its
    values, whom the sentence is about, the kind of thing, the place): a correction
    about something else says nothing of a change made in silence before it."""
    return covers(claim, flag) and bool(evidence(claim, flag, rev.text))


def _tied_here(claim: Claim, v: Verdict) -> bool:
    """Does the claim name a change its own revision made (its values, whom it is about,
    the kind of thing, the place)? Then that change is the one it tells of."""
    return any(evidence(claim, f, v.revision.text) for f in v.covered)


def _silent_before(works: list[_Work], j: int) -> bool:
    """Did a revision before ``j`` leave changes no notice owned?"""
    return any(w.pending for w in works[:j])


def _done_before(claim: Claim, v: Verdict) -> bool:
    """Does the story bear out what the claim says it now says, while none of the
    revision's own (minor) edits is the kind of thing it names or has its values? A typo
    claimed in the headline while one was fixed in the body names the wrong place."""
    if claim.new_value is not None and not value_in(claim.new_value, _story_text(v.revision)):
        return False
    return not any(e.clue in (Clue.THING, Clue.VALUE) for f in v.flags for e in evidence(claim, f))


def _story_text(rev: Revision) -> str:
    """The revision's text outside its notices (a notice's own value is no fix in the story)."""
    return "\n".join(p.text for p in rev.parts().parts if p.section != Section.NOTICE)


def _before_capture(v: Verdict, still: Sequence[Claim]) -> Verdict:
    """A notice whose claims match nothing, on a revision that made no edit of its own a
    notice could tell of, in a history with no silent edit it could mean: it owns up to
    a fix made before the earliest revision captured (``late``), when the text bears out
    what it says the text now says. A notice whose stated value is nowhere in the text
    tells of a fix readers cannot see, and one that names another change than the
    revision made, a ``mismatch``."""
    return replace(v, verdict=_V.LATE, unmatched=(), reasons=tuple(
        f"notice claims {_claim_text(c)}, a fix made before the earliest revision captured: "
        "no revision here made it" for c in still))


def _generic(claim: Claim) -> bool:
    """A claim that names no part, thing or value: "This story has been updated"."""
    t = claim.target
    return (t.section == Section.ANY or t.section == Section.BODY and t.paragraph is None) \
        and not (t.subject or t.detail or claim.new_value or claim.old_value)


def _notice_only(v: Verdict) -> bool:
    """A revision that only adds a notice (and perhaps credits): no change of its own."""
    return any(map(_discloses, v.notices)) and v.verdict == _V.CONSISTENT and not any(
        f.section != Section.CREDITS and not credit_line(f.new or f.old) for f in substantive(v.flags))


def _disclose_late(works: list[_Work], j: int) -> None:
    """A notice that comes alone, after revisions that changed the story without one,
    discloses those changes late: the revision carrying it is ``late``."""
    for k in range(j - 1, -1, -1):
        earlier = works[k]
        if earlier.verdict.verdict in (_V.UPDATE, _V.STEALTH, _V.MINOR) and earlier.pending:
            v = works[j].verdict
            latency = _seconds(earlier.verdict.revision.captured_at, v.revision.captured_at)
            works[j].verdict = replace(v, verdict=_V.LATE, disclosed_by=v.ref, latency_s=latency, reasons=(
                f"the notice discloses changes made in {earlier.verdict.ref}, {latency} s earlier; "
                "this revision changes nothing else",))
            return
        if any(map(_discloses, earlier.verdict.notices)):
            return  # a notice came in between: the changes before it were told then


def _settle(work: _Work, still: list[Claim]) -> None:
    """Re-judge a revision after some of its claims were matched to earlier changes."""
    v = work.verdict
    reasons = _notice_reasons(still, v.wrong_values, v.undisclosed)
    if not still:
        reasons.append("the notice owns up to a change made in an earlier revision")
    work.verdict = replace(v, verdict=_held_to_notice(still, v.wrong_values, v.undisclosed),
                           reasons=tuple(reasons), unmatched=tuple(still))


def _parse_time(s: str) -> datetime:
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def _seconds(a: str, b: str) -> int:
    return int((_parse_time(b) - _parse_time(a)).total_seconds())


@dataclass(frozen=True)
class Latency:
    """How long a revision's substantive changes waited for a notice.

    ``disclosed_by`` is the revision whose notice owned up (the revision itself
    when its own notice covered them, latency 0); None with ``latency_s`` None
    when no notice ever did. ``never_disclosed`` counts the changes no notice
    ever covered (some may remain even when others were disclosed). ``has_notice``:
    the revision brought a notice of its own (which may cover none of its changes)."""

    ref: str
    captured_at: str
    disclosed_by: str | None
    latency_s: int | None
    never_disclosed: int
    has_notice: bool = False


# verdicts of revisions that made substantive changes (a revert restores text already seen)
_CHANGING = frozenset((_V.CONSISTENT, _V.UNDISCLOSED, _V.MISMATCH, _V.STEALTH, _V.UPDATE, _V.LATE))


def notice_latency(verdicts: Sequence[Verdict]) -> list[Latency]:
    """One entry per revision with substantive changes, oldest first."""
    out: list[Latency] = []
    for v in verdicts:
        if v.verdict not in _CHANGING or not substantive(v.flags):
            continue
        if v.verdict == _V.LATE:
            by, latency = v.disclosed_by, v.latency_s
        elif substantive(v.covered):
            by, latency = v.ref, 0
        else:
            by, latency = None, None
        out.append(Latency(v.ref, v.revision.captured_at, by, latency, len(substantive(v.undisclosed)),
                           bool(v.notices)))
    return out


@dataclass(frozen=True)
class ArticleAudit:
    """An article's verdicts (those reported) and its notice latency."""

    article: str
    verdicts: tuple[Verdict, ...]
    latency: tuple[Latency, ...]


def worst_verdict(verdicts: Sequence[Verdict]) -> model.Verdict | None:
    return max((v.verdict for v in verdicts), key=VERDICT_RANK.__getitem__, default=None)


def audit_store(store: Store, key: str | None = None, since: str | None = None) -> list[ArticleAudit]:
    """``iter_audit`` gathered into a list."""
    return list(iter_audit(store, key, since))


def iter_audit(store: Store, key: str | None = None,
               since: str | None = None) -> Generator[ArticleAudit, None, None]:
    """Audit one article, or every article in the store, yielding article by article
    (memory stays flat over millions of revisions). Comparisons come from the store's
    cache where it has them, and are kept there.

    ``since`` (ISO 8601, UTC when no zone is given) keeps only the revisions captured
    at or after it, and drops articles left with none; verdicts and latencies are
    still worked out on the whole chain, so a change made before ``since`` and owned
    up to after it is still ``late``."""
    # checked before the first article is yielded: a bad key or date is an error
    # before any output, not halfway through it
    cutoff = since_cutoff(since)
    chains = [store.revisions(key)] if key is not None else _chains(store.iter_revisions())
    return audit_chains(PairCache(store), chains, cutoff)


def since_cutoff(since: str | None) -> datetime | None:
    """``--since`` as a time (None: no cutoff); a bad one is BadInput."""
    from versioner.errors import BadInput
    from versioner.times import utc_iso

    try:
        return _parse_time(utc_iso(since)) if since is not None else None
    except BadInput as exc:
        raise BadInput(f"--since: {exc}") from None


def audit_chains(pairs: PairCache, chains: Iterable[list[Revision]],
                 cutoff: datetime | None) -> Generator[ArticleAudit, None, None]:
    """Each chain audited in turn (the seam ``cluster`` partitions by article)."""
    rules = verdict_rules()
    try:
        for chain in chains:
            verdicts = audit_chain(chain, pairs)
            pairs.keep_verdicts(*verdict_rows(chain, verdicts, rules), rules)
            latency = notice_latency(verdicts)
            if cutoff is not None:
                verdicts = [v for v in verdicts if _parse_time(v.revision.captured_at) >= cutoff]
                kept = {v.ref for v in verdicts}
                latency = [x for x in latency if x.ref in kept]
                if not verdicts:
                    continue
            yield ArticleAudit(chain[0].article, tuple(verdicts), tuple(latency))
    finally:
        pairs.save()


def _chains(revisions: Iterator[Revision]) -> Iterator[list[Revision]]:
    """Consecutive revisions of one article at a time."""
    chain: list[Revision] = []
    for rev in revisions:
        if chain and chain[-1].article != rev.article:
            yield chain
            chain = []
        chain.append(rev)
    if chain:
        yield chain


def verdict_rules() -> str:
    """The key of a stored verdict: the pair cache's rule versions and this module's."""
    return f"{rules_version()}.audit={RULES_VERSION}"


def verdict_rows(chain: Sequence[Revision], verdicts: Sequence[Verdict],
                 rules: str) -> tuple[list[VerdictRow], list[NoticeRow]]:
    """A chain's verdicts, and the notices each held against its changes, as the
    store keeps them."""
    import json

    rows: list[VerdictRow] = []
    notices: list[NoticeRow] = []
    for v in verdicts:
        rev = v.revision
        rows.append((rev.article, rev.number, rev.sha256, rules, len(chain), v.verdict.value,
                     json.dumps(list(v.reasons), ensure_ascii=False),
                     None if v.stealth_kind is None else str(v.stealth_kind), v.disclosed_by,
                     v.latency_s))
        notices += [(rev.article, rev.number, rev.sha256, idx, n.kind.value, n.position, n.text,
                     json.dumps([_claim_json(c) for c in n.claims], ensure_ascii=False))
                    for idx, n in enumerate(v.notices)]
    return rows, notices


def _claim_json(claim: Claim) -> dict[str, object]:
    t = claim.target
    return {"action": claim.action, "section": t.section.value, "paragraph": t.paragraph,
            "subject": t.subject, "detail": t.detail, "new_value": claim.new_value,
            "old_value": claim.old_value}
