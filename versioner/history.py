"""A timeline of one article: each revision with its notices, what changed, its flag
counts and its audit verdict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from versioner.model import Article, Revision

if TYPE_CHECKING:
    from versioner.audit import Verdict
    from versioner.pipeline import PairCache
    from versioner.store import Store


@dataclass(frozen=True)
class TimelineEntry:
    revision: Revision
    words: int
    notices: tuple[str, ...]
    new_notices: tuple[str, ...]
    summary: str
    flag_counts: Counter[str] = field(default_factory=Counter)
    verdict: str | None = None
    verdict_reasons: tuple[str, ...] = ()


def article_timeline(store: Store, key: str) -> list[TimelineEntry]:
    """``timeline`` of one stored article, its comparisons read from (and kept in)
    the store's cache."""
    from versioner.pipeline import PairCache

    pairs = PairCache(store)
    entries = timeline(store.revisions(key), pairs)
    pairs.save()
    return entries


def article_list(store: Store) -> list[Article]:
    """The store's articles as ``list`` shows them, each notice counted once however
    many revisions carry it (the store's count adds up every revision's)."""
    out = []
    for a in store.articles():
        if a.notices > 1 and a.revisions > 1:  # else the stored count is already distinct
            a = replace(a, notices=distinct_notices(store.revisions(a.key)))
        out.append(a)
    return out


def distinct_notices(revisions: Sequence[Revision]) -> int:
    """How many different notices the revisions show between them."""
    return count_distinct(p.text for rev in revisions for p in rev.parts().notices)


def count_distinct(notices: Iterable[str]) -> int:
    """How many different notices these are: one carried unchanged counts once."""
    return len({n.strip() for n in notices})


def timeline(revisions: Sequence[Revision], pairs: PairCache | None = None,
             verdicts: Sequence[Verdict] | None = None) -> list[TimelineEntry]:
    """One entry per revision, oldest first; changes, flags and verdicts are against the
    one before (verdicts as ``versioner audit`` gives them, over the whole chain;
    pass them when already worked out)."""
    from versioner.audit import audit_chain
    from versioner.pipeline import compare_pair

    if verdicts is None:
        verdicts = audit_chain(revisions, pairs)
    entries: list[TimelineEntry] = []
    seen: dict[str, int] = {}
    prev = prev_parts = None
    for rev, verdict in zip(revisions, verdicts, strict=True):
        parts = rev.parts()
        notices = tuple(p.text for p in parts.notices)
        # the notices this revision introduces, as audit reports them (audit.introduced_notices)
        new_notices = tuple(n.text for n in verdict.notices)
        if prev is None or prev_parts is None:
            summary = "first revision"
        elif rev.sha256 in seen:
            summary = f"same text as @{seen[rev.sha256]}"
        else:
            pair = pairs.get(prev, rev, prev_parts, parts) if pairs else compare_pair(prev_parts, parts)
            summary = _summary(pair.changes)
        seen.setdefault(rev.sha256, rev.number)
        counts = Counter[str](f.type for f in verdict.flags)
        entries.append(TimelineEntry(rev, len(rev.text.split()), notices, new_notices, summary,
                                     counts, verdict.verdict, verdict.reasons))
        prev, prev_parts = rev, parts
    return entries


def _summary(changes: Sequence[tuple[str, str]]) -> str:
    counts = Counter("headline" if section == "headline" else f"{section} {kind}" for section, kind in changes)
    return ", ".join(f"{k} x{v}" if v > 1 else k for k, v in sorted(counts.items())) or "whitespace only"


def select(entries: Sequence[TimelineEntry], max_count: int | None = None, since: str | None = None,
           until: str | None = None) -> list[TimelineEntry]:
    """The entries captured at or after ``since`` and at or before ``until`` (ISO 8601,
    UTC when no zone is given), the last ``max_count`` of them (git log -n: the newest),
    still oldest first."""
    from versioner.errors import BadInput
    from versioner.times import time_key, utc_iso

    bounds = []
    for name, value in (("--since", since), ("--until", until)):
        try:
            bounds.append(time_key(utc_iso(value)) if value is not None else None)
        except BadInput as exc:
            raise BadInput(f"{name}: {exc}") from None
    low, high = bounds
    kept = [e for e in entries if (low is None or time_key(e.revision.captured_at) >= low)
            and (high is None or time_key(e.revision.captured_at) <= high)]
    return kept[len(kept) - max_count:] if max_count is not None and max_count < len(kept) else kept
