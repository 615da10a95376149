"""What the terminal UI shows, read from a store on demand.

No widgets and no SQL here: the UI asks this browser for plain dataclasses
(``Article``, ``TimelineEntry``, ``Verdict``, ``DiffResult``) and renders them.
Everything is computed only when asked for, so a store of many thousand
articles opens at the cost of one listing. Store reads take a lock because
the UI reads from worker threads as well as its own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from versioner.audit import Verdict
    from versioner.history import TimelineEntry
    from versioner.pipeline import DiffResult
    from versioner.store import Article, Revision, Store


@dataclass(frozen=True)
class TimelineRow:
    """One revision in the timeline pane: what ``log`` shows, and its audit verdict."""

    entry: TimelineEntry
    verdict: Verdict

    @property
    def revision(self) -> Revision:
        return self.entry.revision


@dataclass(frozen=True)
class RevisionView:
    """The selected revision and, unless it is the first, its diff against the one before."""

    row: TimelineRow
    diff: DiffResult | None


class Browser:
    """Access to one store for the UI: it reads revisions, and keeps the comparisons
    it computes in the store's cache as ``audit`` and ``log`` do."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._articles: list[Article] | None = None
        self._worst: dict[str, str | None] = {}

    def close(self) -> None:
        # a worker still reading (the user quit during a long diff) may hold the lock
        # for seconds: the process is ending then, and the file closes with it
        if self._lock.acquire(timeout=0.2):
            try:
                self._store.close()
            finally:
                self._lock.release()

    def articles(self) -> list[Article]:
        """Every article, most recently changed first (one query, cached). Their
        ``notices`` add up every revision's: the timeline counts each once, as ``list``."""
        if self._articles is None:
            with self._lock:
                self._articles = self._store.articles()
        return self._articles

    def matching(self, query: str) -> list[Article]:
        """Articles whose key or URL contains every word of ``query`` (any case)."""
        words = query.casefold().split()
        if not words:
            return self.articles()
        return [a for a in self.articles()
                if all(w in f"{a.key} {a.url or ''}".casefold() for w in words)]

    def cached_worst(self, key: str) -> tuple[bool, str | None]:
        """(known, verdict): the worst verdict if it was already computed."""
        return (key in self._worst, self._worst.get(key))

    def worst_verdict(self, key: str) -> str | None:
        """The most serious audit verdict among the article's revisions (computed once)."""
        if key not in self._worst:
            self.timeline(key)
        return self._worst[key]

    def _revisions(self, key: str) -> list[Revision]:
        with self._lock:
            return self._store.revisions(key)

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """SQLite's own errors (a damaged file) as the StoreError the UI shows."""
        from versioner.store import sqlite_failure

        try:
            yield
        except Exception as exc:
            failure = sqlite_failure(self._store.path, exc)
            if failure is None:
                raise
            raise failure from None

    def timeline(self, key: str) -> list[TimelineRow]:
        """Each revision of ``key``, oldest first, with its notices and verdict.
        Raises StoreError when the article's rows are damaged."""
        with self._reading():
            return self._timeline(key)

    def _timeline(self, key: str) -> list[TimelineRow]:
        from versioner.audit import audit_chain, worst_verdict
        from versioner.history import timeline
        from versioner.pipeline import PairCache

        revisions = self._revisions(key)
        with self._lock:
            # the store's cached comparisons, each pair compared at most once and
            # kept for next time; the verdicts are worked out once for both panes
            pairs = PairCache(self._store)
            verdicts = audit_chain(revisions, pairs)
            entries = timeline(revisions, pairs, verdicts)
            pairs.save()
        self._worst[key] = worst_verdict(verdicts)
        return [TimelineRow(e, v) for e, v in zip(entries, verdicts, strict=True)]

    def open_revision(self, rows: Sequence[TimelineRow], index: int) -> RevisionView:
        """The diff of ``rows[index]`` against the revision before it (none for the first)."""
        from versioner.pipeline import diff_revisions

        row = rows[index]
        if index == 0:
            return RevisionView(row, None)
        return RevisionView(row, diff_revisions(rows[index - 1].revision, row.revision))
