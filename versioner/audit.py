"""Audit stage: hold each revision's new notices against what actually changed.

Verdicts (DESIGN.md): first, unchanged, minor, consistent, mismatch,
undisclosed, stealth, late, revert. ``late`` and ``revert`` look across the
whole chain; the rest compare a revision with the one before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from versioner.flags import Flag, substantive
from versioner.notices import Claim, Notice, parse_notice, slug_notice, split_headline_slug
from versioner.parse import Parts
from versioner.pipeline import PairCache, compare_pair
from versioner.store import Revision, Store

VERDICTS = ("first", "unchanged", "minor", "consistent", "mismatch", "undisclosed", "stealth", "late", "revert")
STRICT_FAILS = {"mismatch", "undisclosed", "stealth", "late"}
VERDICT_RANK = {v: i for i, v in enumerate(
    ("first", "unchanged", "revert", "minor", "consistent", "late", "undisclosed", "mismatch", "stealth"))}


@dataclass(frozen=True)
class Verdict:
    """The audit of one revision against the one before it."""

    revision: Revision
    verdict: str
    reasons: tuple[str, ...]
    notices: tuple[Notice, ...] = ()
    flags: tuple[Flag, ...] = ()
    covered: tuple[Flag, ...] = ()
    undisclosed: tuple[Flag, ...] = ()
    unmatched: tuple[Claim, ...] = ()
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


def new_notices(old: Parts | None, new: Parts) -> list[Notice]:
    """Notices in ``new`` that ``old`` did not carry, headline slugs included."""
    seen = {p.text.strip() for p in old.notices} if old else set()
    found: list[Notice] = []
    for p in new.notices:
        if p.text.strip() in seen:
            continue
        n = parse_notice(p.text, p.position or "top")
        if n:
            found.append(n)
    slug, _ = split_headline_slug(new.headline or "")
    old_slug = split_headline_slug(old.headline or "")[0] if old else None
    if slug and slug != old_slug:
        found.append(slug_notice(slug))
    return found


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
        return _Work(Verdict(rev, "first", ("no earlier revision",)))
    if rev.sha256 == prev.sha256:
        return _Work(Verdict(rev, "unchanged", ("same text as the revision before",), previous=prev))
    pair = pairs.get(prev, rev, prev_parts, parts) if pairs else compare_pair(prev_parts, parts)
    flags = pair.flags
    notices = tuple(new_notices(prev_parts, parts))
    base = Verdict(rev, "", (), notices, flags, previous=prev)
    if rev.sha256 in seen_text:
        n = seen_text[rev.sha256]
        return _Work(replace(base, verdict="revert",
                             reasons=(f"text returns to @{n} (a rollback)",)))
    only_headline = all(section == "headline" for section, _ in pair.changes)
    if only_headline and parts.headline and not notices:
        n = seen_headline.get(_bare_headline(parts.headline))
        if n is not None and n != prev.number:
            return _Work(replace(base, verdict="revert", reasons=(
                f"headline returns to the one in @{n} (A/B headline test or rollback)",)))
    subst = substantive(flags)
    if not notices:
        if not subst:
            kinds = sorted({f.type for f in flags}) or ["whitespace"]
            return _Work(replace(base, verdict="minor", reasons=(
                f"no new notice; only {', '.join(kinds)} fixes",)))
        reasons = tuple(f"no notice for {_describe(f)}" for f in subst)
        return _Work(replace(base, verdict="stealth", reasons=reasons, undisclosed=tuple(subst)),
                     pending=list(subst))
    covered, unmatched, value_problems = _match(notices, flags)
    outside = [f for f in subst if f not in covered]
    reasons: list[str] = []
    for claim in unmatched:
        reasons.append(f"notice claims {_claim_text(claim)}, but no such change was found")
    reasons.extend(value_problems)
    reasons.extend(f"not covered by the notice: {_describe(f)}" for f in outside)
    if unmatched or value_problems:
        verdict = "mismatch"
    elif outside:
        verdict = "undisclosed"
    else:
        verdict = "consistent"
        reasons.append(f"the notice covers all {len(subst)} substantive change(s)" if subst
                       else "the notice matches the changes")
    work = _Work(replace(base, verdict=verdict, reasons=tuple(reasons), covered=tuple(covered),
                         undisclosed=tuple(outside), unmatched=tuple(unmatched)))
    return work


# -- matching claims to flags -------------------------------------------------

_GENERIC_OK = {"paragraph-added", "paragraph-removed", "paragraph-moved", "wording", "attribution",
               "typo", "punctuation", "headline"}


def covers(claim: Claim, flag: Flag) -> bool:
    """Does this claim account for this flag?"""
    t = claim.target
    if t.section not in ("any", "body") and t.section != flag.section:
        return False
    if t.section == "body":
        if flag.section != "body":
            return False
        if t.paragraph is not None and flag.paragraph is not None and abs(flag.paragraph - t.paragraph) > 0:
            return False
    subject = t.subject
    if subject in ("figure", "date") or (t.detail and _looks_numeric(t.detail)):
        return flag.type == "figure" or (flag.section == "headline" and flag.type == "headline")
    if subject in ("name", "spelling", "typo", "title"):
        return flag.type in ("name", "typo", "wording", "headline", "punctuation")
    if subject == "quote":
        return flag.type in ("quote", "paragraph-added", "wording", "attribution")
    if subject == "word":
        return flag.type in ("wording", "typo", "headline", "negation", "punctuation")
    if claim.action == "add" and t.section in ("any", "body") and t.paragraph is None:
        return flag.type in ("paragraph-added", "wording", "quote")
    if claim.action == "remove" and t.section in ("any", "body") and t.paragraph is None:
        return flag.type in ("paragraph-removed", "wording")
    if t.section == "any" and t.paragraph is None:
        # a generic "updates with details" owns new material, not silent
        # changes to figures, names, quotes or negations already published
        return flag.type in _GENERIC_OK
    return True


_NUMERIC_DETAILS = ("toll", "number", "figure", "count", "rate", "amount", "total", "price", "age", "date", "percent")


def _looks_numeric(detail: str) -> bool:
    d = detail.lower()
    return any(w in d for w in _NUMERIC_DETAILS)


def _match(notices: Sequence[Notice], flags: Sequence[Flag]) -> tuple[list[Flag], list[Claim], list[str]]:
    covered: list[Flag] = []
    unmatched: list[Claim] = []
    problems: list[str] = []
    for notice in notices:
        if not notice.claims and notice.kind in ("repeat", "refile", "update", "correction"):
            # a bare slug or "(Repeats ...)" claims nothing specific
            covered.extend(f for f in flags if f.type in _GENERIC_OK and f not in covered)
            continue
        for claim in notice.claims:
            hits = [f for f in flags if covers(claim, f)]
            if not hits:
                unmatched.append(claim)
                continue
            covered.extend(f for f in hits if f not in covered)
            problem = _check_values(claim, hits)
            if problem:
                problems.append(problem)
    return covered, unmatched, problems


def _number(text: str | None) -> float | None:
    if not text:
        return None
    from versioner.figures import extract_figures

    figs = extract_figures(text)
    return float(figs[0].value) if figs else None


def _check_values(claim: Claim, hits: Sequence[Flag]) -> str | None:
    """``X, not Y``: some covered figure must have gone from Y to X."""
    new_v, old_v = _number(claim.new_value), _number(claim.old_value)
    if new_v is None and old_v is None:
        return None
    figs = [f for f in hits if f.type == "figure"]
    if not figs:
        return None
    for f in figs:
        ok_new = new_v is None or (f.new_value is not None and float(f.new_value) == new_v)
        ok_old = old_v is None or (f.old_value is not None and float(f.old_value) == old_v)
        if ok_new and ok_old:
            return None
    got = ", ".join(f"{f.old_value} -> {f.new_value}" for f in figs)
    return (f"notice says {claim.new_value or '?'}, not {claim.old_value or '?'}; "
            f"the figure changed {got}")


def _resolve_late(works: list[_Work]) -> None:
    """A stealth change that a later notice owns up to is ``late``."""
    for j, later in enumerate(works):
        v = later.verdict
        if not v.unmatched and not v.notices:
            continue
        claims = list(v.unmatched) or [c for n in v.notices for c in n.claims]
        still: list[Claim] = []
        for claim in claims:
            owner = None
            for k in range(j - 1, -1, -1):
                earlier = works[k]
                hits = [f for f in earlier.pending if covers(claim, f)]
                if hits and _check_values(claim, hits) is None:
                    owner = (k, hits)
                    break
                if earlier.verdict.notices:
                    break  # do not reach back past an earlier notice
            if owner is None:
                if claim in v.unmatched:
                    still.append(claim)
                continue
            k, hits = owner
            ev = works[k].verdict
            latency = _seconds(ev.revision.captured_at, v.revision.captured_at)
            remaining = tuple(f for f in ev.undisclosed if f not in hits)
            reasons = (f"{_describe(hits[0])} was disclosed only by {v.ref}, {latency} s later",) + tuple(
                f"never disclosed: {_describe(f)}" for f in remaining)
            works[k].verdict = replace(ev, verdict="late", disclosed_by=v.ref, latency_s=latency,
                                       reasons=reasons, undisclosed=remaining,
                                       covered=ev.covered + tuple(hits))
            works[k].pending = [f for f in works[k].pending if f not in hits]
        if v.unmatched and len(still) < len(v.unmatched):
            _settle(later, still)


def _settle(work: _Work, still: list[Claim]) -> None:
    """Re-judge a revision after some of its claims were matched to earlier changes."""
    v = work.verdict
    reasons = [r for r in v.reasons if not r.startswith("notice claims")]
    reasons = [f"notice claims {_claim_text(c)}, but no such change was found" for c in still] + reasons
    if not still:
        reasons.append("the notice owns up to a change made in an earlier revision")
    verdict = "mismatch" if still or any(r.startswith("notice says") for r in reasons) else (
        "undisclosed" if v.undisclosed else "consistent")
    work.verdict = replace(v, verdict=verdict, reasons=tuple(reasons), unmatched=tuple(still))


def _seconds(a: str, b: str) -> int:
    def parse(s: str) -> datetime:
        return datetime.fromisoformat(s.replace("Z", "+00:00"))

    return int((parse(b) - parse(a)).total_seconds())


def _describe(f: Flag) -> str:
    where = f.section if f.paragraph is None else f"{f.section} paragraph {f.paragraph}"
    change = f"{f.old!r} -> {f.new!r}" if f.old and f.new else (f"{f.new!r} added" if f.new else f"{f.old!r} removed")
    if len(change) > 90:
        change = change[:87] + "..."
    return f"{f.type} in {where}: {change}"


def _claim_text(claim: Claim) -> str:
    t = claim.target
    where = t.section if t.paragraph is None else f"{t.section} paragraph {t.paragraph}"
    what = t.detail or t.subject or "text"
    return f"{claim.action} {what} in {where}"


def worst_verdict(verdicts: Sequence[Verdict]) -> str | None:
    return max((v.verdict for v in verdicts), key=VERDICT_RANK.__getitem__, default=None)


def audit_store(store: Store, key: str | None = None) -> list[tuple[str, list[Verdict]]]:
    """Audit one article, or every article in the store (streamed article by article).
    Comparisons come from the store's cache where it has them, and are kept there."""
    pairs = PairCache(store)
    if key is not None:
        report = [(key, audit_chain(store.revisions(key), pairs))]
        pairs.save()
        return report
    report = []
    chain: list[Revision] = []
    for rev in store.iter_revisions():
        if chain and chain[-1].article != rev.article:
            report.append((chain[0].article, audit_chain(chain, pairs)))
            chain = []
        chain.append(rev)
    if chain:
        report.append((chain[0].article, audit_chain(chain, pairs)))
    pairs.save()
    return report
