"""Store stage: articles and their immutable revisions in SQLite or PostgreSQL
(``backend``: what differs between the two; ``pg_schema``: PostgreSQL's migrations).

All SQL of the project lives in this package, one module per job:
``connection`` (opening, transactions, failures), ``files`` (a new store's
private file), ``schema`` (migrations), ``reading`` and ``rows`` (reads, each
row checked), ``writer`` (article identity, placement, back-fills, sketches),
``bulk`` (imports), ``cache`` (the pair cache), ``verdicts`` (stored verdicts and
notices), ``verify`` and ``settings``.
Every public write runs in one ``BEGIN IMMEDIATE`` transaction, so concurrent
writers queue on SQLite's lock (with a busy timeout) instead of racing for
revision numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from versioner.model import AddResult, Article, Fault, ImportResult, NewRevision, Revision
from versioner.store.bulk import import_all
from versioner.store.connection import Deadlock, damaged, sqlite_failure
from versioner.store.schema import LATEST_MIGRATION, OLDEST_READABLE
from versioner.store.settings import DEFAULT_STORE, busy_timeout, store_location, store_path, store_target
from versioner.store.verdicts import NoticeRow, VerdictRow, VerdictStore
from versioner.store.verify import find_faults
from versioner.store.writer import Writer

__all__ = [
    "DEFAULT_STORE", "LATEST_MIGRATION", "OLDEST_READABLE", "AddResult", "Article", "Fault",
    "ImportResult", "NewRevision", "NoticeRow", "Revision", "Store", "VerdictRow", "busy_timeout", "damaged",
    "sqlite_failure", "store_location", "store_path", "store_target",
]


_DEADLOCK_RETRIES = 3


class Store(VerdictStore):
    """An open store. Use ``Store.open(path, create=..., readonly=...)``; close when done."""

    def add(self, new: NewRevision, allow_future: bool = False) -> AddResult:
        """Store one revision in capture order: after the last one captured at or
        before it, renumbering later ones (a back-fill). Nothing is stored when its
        text equals the revision it would follow, or the same capture is stored.
        A capture time over a day ahead of the clock is refused unless allowed."""

        def write() -> AddResult:
            writer = Writer(self.conn, allow_future)
            res = writer.add(new)
            writer.close_gaps()
            return res

        return self._written(write)

    def import_many(self, items: Iterable[NewRevision], progress: Any = None,
                    allow_future: bool = False) -> ImportResult:
        """Store many revisions in one transaction, each article's in capture order
        (``add``'s rules, back-fills included).

        Input already in capture order (a crawl, an export) is written as it is
        read. Other input is staged in a temporary table and sorted by SQLite,
        so it is streamed too; a collection, or an iterable whose ``__iter__``
        starts over (``ingest.PathRevisions``), is then read a second time, and
        a one-shot iterator is staged from the start. (Read twice, too, when
        another process creates the same new store meanwhile: see ``_written``;
        a one-shot iterator makes a new store appear before the import.)"""
        if self.pending is not None and isinstance(items, Iterator):
            self._written(lambda: None)
        self._write_once()

        # On PostgreSQL an import holds the imports lock alone (``Writer``): imports and
        # adds queue on it instead of waiting for each other's articles. PostgreSQL may
        # still end one to break a cycle of row locks with another process (an audit
        # writing pairs; deadlock_detected): it is run again, when its input can be read again.
        retries = 0 if isinstance(items, Iterator) else _DEADLOCK_RETRIES
        for attempt in range(retries + 1):
            try:
                writer = self._written(lambda: import_all(self.conn, items, progress, allow_future))
                break
            except Deadlock:
                if attempt == retries:
                    raise
        return ImportResult(writer.stored, writer.unchanged, len(writer.touched), writer.created,
                            writer.backfilled)

    def verify(self) -> tuple[int, list[Fault]]:
        """``verify.find_faults``: (revisions checked, faults); never an exception."""
        return find_faults(self)
