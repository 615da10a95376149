"""Stored verdicts and the notices they judged: derived data, like the pair cache.

``audit`` writes what it concluded for every revision of each article it audits,
replacing what was there (the notices of a revision with its verdict); ``verify`` recomputes the rows made by the current rules
(``audit.verdict_rules``). A row keeps ``chain``, how many revisions its article had
when it was judged: revisions are never removed, so a later add or back-fill makes
it stale, and the readable views (``schema.READABLE_VIEWS``) leave it out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from versioner.store.cache import PairCache
from versioner.store.connection import fetched

# (key, number, sha256, rules, chain, verdict, reasons JSON, stealth kind, disclosed by, latency s)
VerdictRow = tuple[str, int, str, str, int, str, str, str | None, str | None, int | None]
# (key, number, sha256, idx, kind, position, text, claims JSON)
NoticeRow = tuple[str, int, str, int, str, str, str, str]

# a row lands on the revision it was computed for, or nowhere (a back-fill since)
_REVISION = ("from revisions r join articles a on a.id = r.article_id"
             " where a.key = ?1 and r.number = ?2 and r.sha256 = ?3")


class VerdictStore(PairCache):
    """An open store's stored verdicts and notices."""

    def save_verdicts(self, verdicts: list[VerdictRow], notices: list[NoticeRow],
                      stale_rules: str | None = None) -> int:
        """Keep these verdicts, each replacing its revision's stored verdict and
        notices, then these notices; ``stale_rules``: first drop every row made by
        other rules. Best effort, as the pair cache: a store that is read-only or busy
        keeps none and says 0."""

        def write() -> None:
            conn = self.conn
            if stale_rules is not None:
                conn.execute("delete from notices where revision_id in"
                             " (select revision_id from verdicts where rules != ?)", (stale_rules,))
                conn.execute("delete from verdicts where rules != ?", (stale_rules,))
            conn.executemany(f"delete from notices where revision_id in (select r.id {_REVISION})",
                             [row[:3] for row in verdicts])
            conn.executemany(
                "insert into verdicts (revision_id, rules, chain, verdict, reasons, stealth_kind,"
                f" disclosed_by, latency_s) select r.id, ?4, ?5, ?6, ?7, ?8, ?9, ?10 {_REVISION}"
                " on conflict (revision_id) do update set rules = excluded.rules, chain = excluded.chain,"
                " verdict = excluded.verdict, reasons = excluded.reasons,"
                " stealth_kind = excluded.stealth_kind, disclosed_by = excluded.disclosed_by,"
                " latency_s = excluded.latency_s", verdicts)
            conn.executemany(
                "insert into notices (revision_id, idx, kind, position, text, claims)"
                f" select r.id, ?4, ?5, ?6, ?7, ?8 {_REVISION} on conflict (revision_id, idx) do update"
                " set kind = excluded.kind, position = excluded.position, text = excluded.text,"
                " claims = excluded.claims", notices)

        return len(verdicts) + len(notices) if self._cache_write(write) else 0

    def verdict_articles(self, rules: str) -> list[tuple[str, int]]:
        """(key, chain) of each article with verdicts made by ``rules``."""
        try:
            return [(key, chain) for key, chain in self.conn.execute(
                "select a.key, max(v.chain) from verdicts v join revisions r on r.id = v.revision_id"
                " join articles a on a.id = r.article_id where v.rules = ? group by a.key order by a.key",
                (rules,)).fetchall()]
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):  # a store read without migrating it
                return []
            raise

    def current_verdicts(self, rules: str) -> int:
        """How many stored verdicts ``rules`` made on the revisions their article still
        has (the ones ``verify`` recomputes; the rest are stale)."""
        try:
            row = self.conn.execute(
                "select count(*) from verdicts v join revisions r on r.id = v.revision_id where v.rules = ?"
                " and v.chain = (select max(number) from revisions where article_id = r.article_id)",
                (rules,)).fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):  # a store read without migrating it
                return 0
            raise
        return int(row[0])

    def stored_verdicts(self, key: str | None = None) -> tuple[list[VerdictRow], list[NoticeRow]]:
        """The verdict and notice rows of ``key`` (of every article when None), as
        ``save_verdicts`` takes them, in order."""
        return list(self.iter_verdict_rows(key)), list(self.iter_notice_rows(key))

    def iter_verdict_rows(self, key: str | None = None, day: bool = False) -> Iterator[Any]:
        """Verdict rows (streamed); ``day``: each with its revision's capture time after it."""
        where, args = _where(key)
        yield from fetched(self.conn.execute(
            "select a.key, r.number, r.sha256, v.rules, v.chain, v.verdict, v.reasons, v.stealth_kind,"
            f" v.disclosed_by, v.latency_s{', r.captured_at' if day else ''} from verdicts v"
            " join revisions r on r.id = v.revision_id"
            f" join articles a on a.id = r.article_id{where} order by a.key, r.number", args))

    def iter_notice_rows(self, key: str | None = None, day: bool = False) -> Iterator[Any]:
        """Notice rows (streamed); ``day`` as for ``iter_verdict_rows``."""
        where, args = _where(key)
        yield from fetched(self.conn.execute(
            "select a.key, r.number, r.sha256, n.idx, n.kind, n.position, n.text, n.claims"
            f"{', r.captured_at' if day else ''} from notices n join revisions r on r.id = n.revision_id"
            f" join articles a on a.id = r.article_id{where} order by a.key, r.number, n.idx", args))


def _where(key: str | None) -> tuple[str, tuple[Any, ...]]:
    return ("", ()) if key is None else (" where a.key = ?", (key,))
