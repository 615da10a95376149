"""Reading a store: articles and revisions, each row checked before it becomes
an Article or a Revision."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from versioner.errors import StoreError, UnknownRef
from versioner.model import Article, Revision
from versioner.parse import is_utf8
from versioner.store.connection import Connection, Undecodable, damaged, fetched, is_undecodable
from versioner.store.rows import (
    REV_COLUMNS,
    REV_SELECT,
    article_problem,
    cell_name,
    revision_of,
    revision_problem,
    shown,
)


class Reader(Connection):
    """An open store's reads."""

    # Each row read is checked before it becomes an Article or a Revision: a damaged
    # store (a hand-altered row, bytes flipped on disk) is one StoreError naming the
    # revision and suggesting `verify`, not a TypeError three stages further on.

    def articles(self) -> list[Article]:
        with self._reading():
            rows = self.conn.execute(
                """select a.key, a.url, count(r.id), min(r.captured_at), max(r.captured_at),
                          coalesce(sum(r.notices), 0)
                   from articles a join revisions r on r.article_id = a.id
                   group by a.id order by max(r.captured_at) desc, a.key"""
            ).fetchall()
        for row in rows:
            problem = article_problem(row)
            if problem:
                raise self.damaged(cell_name(row[0]), problem)
        return [Article(*row) for row in rows]

    def has_article(self, key: str) -> bool:
        return self._article_id(key) is not None

    def revisions(self, key: str) -> list[Revision]:
        aid = self._require_article(key)
        with self._reading(aid):
            rows = self.conn.execute(
                REV_SELECT + " where r.article_id = ? order by r.number", (aid,)
            ).fetchall()
        return [self._revision(row) for row in rows]

    def iter_revisions(self) -> Iterator[Revision]:
        """Every revision, article by article, in revision order (streamed)."""
        with self._reading():
            cur = self.conn.execute(REV_SELECT + " order by a.key, r.number")
            for row in cur:
                yield self._revision(row)

    def revision(self, key: str, number: int | str) -> Revision:
        """``number`` is 1-based; 0 or negative counts back from the latest (-1: one before);
        a string is a prefix of the revision's sha256 (lower-case hex), which a back-fill
        never changes."""
        aid = self._require_article(key)
        if isinstance(number, str):
            return self._revision_by_sha(aid, key, number)
        count = self.conn.execute(
            "select max(number) from revisions where article_id = ?", (aid,)
        ).fetchone()[0]
        if count is not None and type(count) is not int:
            raise self.damaged(key, f"revision number {shown(count)} is not a whole number")
        count = count or 0
        n = number if number > 0 else count + number
        if not 0 < n <= count:
            raise UnknownRef(f"{key} has {count} revision(s); there is no {key}@{number}")
        with self._reading(aid):
            row = self.conn.execute(
                REV_SELECT + " where r.article_id = ? and r.number = ?", (aid, n)
            ).fetchone()
        if row is None:
            raise UnknownRef(f"{key} has {count} revision(s); there is no {key}@{number}")
        return self._revision(row)

    def _revision_by_sha(self, aid: int, key: str, prefix: str) -> Revision:
        rows = self.conn.execute(
            REV_SELECT + " where r.article_id = ? and substr(r.sha256, 1, ?) = ? order by r.number",
            (aid, len(prefix), prefix),
        ).fetchall()
        ref = f"{key}@sha:{prefix}"
        if not rows:
            raise UnknownRef(f"{ref}: no revision of {key} has a sha256 starting {prefix}")
        if len(rows) > 1:
            refs = ", ".join(f"{key}@{row[1]}" for row in rows[:5]) + (", ..." if len(rows) > 5 else "")
            if len({row[3] for row in rows}) > 1:
                raise UnknownRef(f"{ref} is ambiguous: {len(rows)} revisions match ({refs});"
                                 " give more hex digits")
            raise UnknownRef(f"{ref}: {len(rows)} revisions have that text ({refs}: it came back);"
                             " name one by number")
        return revision_of(rows[0])

    def latest(self, key: str) -> Revision:
        return self.revision(key, 0)

    def damaged(self, where: str | None, what: str) -> StoreError:
        """The error for a store whose rows are not what it wrote."""
        return damaged(self.path, f"{where}: {what}" if where else what)

    def _revision(self, row: tuple[Any, ...]) -> Revision:
        problem = revision_problem(row)
        if problem:
            raise self.damaged(f"{cell_name(row[0])}@{cell_name(row[1])}", problem)
        return revision_of(row)

    @contextmanager
    def _reading(self, aid: int | None = None) -> Iterator[None]:
        """Text SQLite cannot give back as UTF-8 becomes ``damaged``, naming the
        revision (found again, reading leniently, only when it happens)."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if not is_undecodable(exc):
                raise
            raise self._undecodable(aid) from None

    def _undecodable(self, aid: int | None) -> StoreError:
        where = "" if aid is None else " where r.article_id = ?"
        with self._lenient_text():
            for row in fetched(self.conn.execute(
                    "select a.key, r.number, r.captured_at, r.sha256, r.text, r.source, r.url, r.parts"
                    " from revisions r left join articles a on a.id = r.article_id" + where,
                    () if aid is None else (aid,))):
                bad = [column for column, cell in zip(REV_COLUMNS, row) if isinstance(cell, Undecodable)]
                if bad:
                    return self.damaged(f"{cell_name(row[0])}@{cell_name(row[1])}", f"{bad[0]} is not valid UTF-8")
        return self.damaged(None, "text that is not valid UTF-8")

    def _article_id(self, key: str) -> int | None:
        if not is_utf8(key):  # bytes that are not UTF-8 in an argument: no stored key has them
            return None
        row = self.conn.execute("select id from articles where key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _require_article(self, key: str) -> int:
        aid = self._article_id(key)
        if aid is None:
            raise UnknownRef(f"no article {key!r} in the store{self._did_you_mean(key)}")
        return aid

    def _did_you_mean(self, key: str) -> str:
        """``; did you mean a, b or c?`` naming the stored keys closest to ``key``, or ''."""
        import difflib

        keys = [row[0] for row in self.conn.execute("select key from articles") if isinstance(row[0], str)]
        close = [repr(k) for k in difflib.get_close_matches(key, keys, n=3)]
        if not close:
            return ""
        return f"; did you mean {' or '.join([', '.join(close[:-1]), close[-1]] if len(close) > 1 else close)}?"
