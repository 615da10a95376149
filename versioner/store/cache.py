"""The pair cache: comparisons of two revisions kept by their texts' hashes
(derived data, a cache of pure functions of stored text; ``verify`` recomputes it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from versioner.model import Revision
from versioner.store.backend import SQLITE
from versioner.store.connection import fetched, is_undecodable, rollback
from versioner.store.reading import Reader
from versioner.store.rows import revision_of
from versioner.store.settings import busy_timeout


class PairCache(Reader):
    """An open store's reads and writes of cached comparisons."""

    def cached_pairs(self, key: str) -> dict[tuple[str, str], tuple[str, str, str]]:
        """Cached comparisons of ``key``'s revisions: (from sha256, to sha256) ->
        (rules version, changes JSON, flags JSON). Keyed by the texts, which a
        comparison is a function of: numbers move when a revision is back-filled.
        A row that is not text is left out: it is a cache, computed again (and
        replaced) when it is needed."""
        query = ("select o.sha256, n.sha256, p.rules, p.changes, p.flags from pairs p"
                 " join revisions n on n.id = p.to_revision_id"
                 " join revisions o on o.id = p.from_revision_id"
                 " join articles a on a.id = n.article_id where a.key = ?")
        try:
            rows = self.conn.execute(query, (key,)).fetchall()
        except sqlite3.OperationalError as exc:
            if not is_undecodable(exc):
                raise
            with self._lenient_text():  # slower: only when a row needs it
                rows = self.conn.execute(query, (key,)).fetchall()
        return {(o, n): (rules, changes, flags) for o, n, rules, changes, flags in rows
                if all(type(cell) is str for cell in (rules, changes, flags))}

    def save_pairs(self, rows: list[tuple[str, int, int, str, str, str, str, str]]) -> int:
        """Keep computed comparisons: (key, from number, to number, rules, changes, flags,
        from sha256, to sha256); a row whose numbers no longer hold those texts (a
        back-fill since) is left out. Best effort: a store that is read-only or busy
        keeps none and says 0."""

        def write() -> None:
            self.conn.executemany(
                "insert into pairs (from_revision_id, to_revision_id, rules, changes, flags)"
                " select o.id, n.id, ?4, ?5, ?6 from articles a"
                " join revisions o on o.article_id = a.id and o.number = ?2 and o.sha256 = ?7"
                " join revisions n on n.article_id = a.id and n.number = ?3 and n.sha256 = ?8"
                " where a.key = ?1 on conflict (from_revision_id, to_revision_id) do update"
                " set rules = excluded.rules, changes = excluded.changes, flags = excluded.flags",
                rows,
            )

        return len(rows) if self._cache_write(write) else 0

    def _cache_write(self, write: Callable[[], None]) -> bool:
        """``write()`` in one transaction, for derived data: False, with nothing
        written, when the store is read-only or busy (a cache is not worth waiting for)."""
        conn = self.conn
        sqlite = self.dialect == SQLITE
        if sqlite:
            conn.execute("pragma busy_timeout = 200")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError:
            return False
        finally:
            if sqlite:
                conn.execute(f"pragma busy_timeout = {int(busy_timeout() * 1000)}")
        try:
            write()
            conn.execute("COMMIT")
        except sqlite3.DatabaseError:
            rollback(conn)
            return False
        return True

    def iter_cached_pairs(self) -> Iterator[tuple[Revision, Revision, Any, Any, Any]]:
        """Every cached comparison with its two revisions (streamed), for ``verify``:
        cells are read as stored, unchecked (undecodable text as ``Undecodable``)."""
        with self._lenient_text():
            yield from self._cached_pair_rows()

    def _cached_pair_rows(self) -> Iterator[tuple[Revision, Revision, Any, Any, Any]]:
        cur = self.conn.execute(
            "select p.rules, p.changes, p.flags, a.key, o.number, o.captured_at, o.sha256, o.text,"
            " o.source, o.url, o.parts, n.number, n.captured_at, n.sha256, n.text, n.source, n.url,"
            " n.parts from pairs p join revisions o on o.id = p.from_revision_id"
            " join revisions n on n.id = p.to_revision_id join articles a on a.id = n.article_id"
            " order by a.key, n.number"
        )
        for rules, changes, flags, key, *rest in fetched(cur):
            yield revision_of((key, *rest[:7])), revision_of((key, *rest[7:])), rules, changes, flags
