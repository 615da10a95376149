"""The backend seam: what differs between a SQLite store and a PostgreSQL one.

The store's modules speak one SQL (SQLite's placeholders ``?`` and ``?N``, the
DB-API calls of ``sqlite3``) to ``Connection.conn``. For a PostgreSQL store that
is a ``PgConnection``: psycopg 3 behind the same calls, placeholders rewritten
once per statement, its errors raised as ``sqlite3`` error classes so that every
``except`` in the store (and the CLI's one-line failures) holds for both.
Statements whose SQL differs beyond placeholders ask ``dialect`` (the table
of differences is ``docs/architecture.md``'s "Backends").
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from versioner.errors import StoreError

if TYPE_CHECKING:
    import psycopg

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
_SCHEMES = ("postgresql://", "postgres://")


def postgres_url(explicit: str | os.PathLike[str] | None) -> str | None:
    """The PostgreSQL URL the store is at (``--store``, else ``VERSIONER_STORE``), or None."""
    target = os.fspath(explicit) if explicit else os.environ.get("VERSIONER_STORE", "")
    return target if target.startswith(_SCHEMES) else None


def shown_url(url: str) -> str:
    """A URL for messages: the password left out."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


@functools.lru_cache(maxsize=256)
def _pg_sql(sql: str) -> str:
    """SQLite's placeholders as psycopg's: ``?`` -> ``%s``, ``?N`` -> ``%(pN)s``."""
    sql = sql.replace("%", "%%").replace("BEGIN IMMEDIATE", "BEGIN")
    return re.sub(r"\?(\d+)", r"%(p\1)s", sql).replace("?", "%s")


def _pg_params(sql: str, params: Sequence[Any] | None) -> Any:
    if params is None:
        return None
    if re.search(r"\?\d", sql):
        return {f"p{i}": v for i, v in enumerate(params, 1)}
    return params


class PgError(sqlite3.DatabaseError):
    """A PostgreSQL error, raised where the store catches SQLite's."""

    sqlite_errorname = ""


class PgOperationalError(sqlite3.OperationalError):
    """PostgreSQL gone, or a lock not granted: the operational failures."""

    sqlite_errorname = ""


class PgDeadlock(PgOperationalError):
    """PostgreSQL broke a deadlock by ending this transaction (40P01): run again, it can succeed."""


def _raised(exc: Exception) -> sqlite3.DatabaseError:
    import psycopg

    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if getattr(exc, "sqlstate", None) == "40P01":
        return PgDeadlock(message)
    if isinstance(exc, psycopg.OperationalError):
        return PgOperationalError(message)
    return PgError(message)


class PgCursor:
    """A psycopg cursor with sqlite3's cursor calls the store uses."""

    def __init__(self, cur: psycopg.Cursor[Any]) -> None:
        self._cur = cur

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    def fetchone(self) -> Any:
        return self._cur.fetchone() if self._cur.description else None

    def fetchall(self) -> list[Any]:
        return self._cur.fetchall() if self._cur.description else []

    def fetchmany(self, size: int) -> list[Any]:
        return self._cur.fetchmany(size) if self._cur.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())

    def close(self) -> None:
        self._cur.close()


class PgConnection:
    """A psycopg 3 connection in autocommit mode, driven like ``sqlite3``'s: the
    store opens its transactions itself (``BEGIN``)."""

    dialect = POSTGRESQL

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("a PostgreSQL store needs psycopg: pip install 'versioner[pg]'") from None
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=30)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {shown_url(url)}: {_raised(exc)}") from None
        self.text_factory: Any = str  # PostgreSQL keeps text valid UTF-8: nothing to be lenient about

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self._conn.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> PgCursor:
        import psycopg

        try:
            return PgCursor(self._conn.execute(_pg_sql(sql), _pg_params(sql, params)))  # type: ignore[arg-type]
        except psycopg.Error as exc:
            raise _raised(exc) from None

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> PgCursor:
        import psycopg

        cur = self._conn.cursor()
        if not rows:
            return PgCursor(cur)
        try:
            cur.executemany(_pg_sql(sql), [_pg_params(sql, r) for r in rows])  # type: ignore[arg-type]
        except psycopg.Error as exc:
            raise _raised(exc) from None
        return PgCursor(cur)

    def close(self) -> None:
        self._conn.close()


def dialect_of(conn: Any) -> str:
    return getattr(conn, "dialect", SQLITE)


def lock_names(conn: Any, *names: str) -> None:
    """Hold a transaction-long lock on each name (an article key, a URL): a
    PostgreSQL writer takes it before it reads what it will number, so writers
    to one article queue while writers to others go on. (SQLite needs none: a
    write transaction holds the whole file.)"""
    if dialect_of(conn) != POSTGRESQL:
        return
    for name in names:
        conn.execute("select pg_advisory_xact_lock(hashtextextended(?, 0))", (name,))


def lock_imports(conn: Any, alone: bool) -> None:
    """A writer's first lock on PostgreSQL: shared by the writers that run side by
    side (each then locks the articles it numbers, ``lock_names``); ``alone`` (a bulk
    import), it waits for those under way to end and keeps new ones waiting."""
    if dialect_of(conn) != POSTGRESQL:
        return
    mode = "" if alone else "_shared"
    conn.execute(f"select pg_advisory_xact_lock{mode}(hashtextextended('versioner: imports', 0))")


def insert_id(conn: Any, sql: str, params: Sequence[Any]) -> int:
    """Insert one row; its id. (SQLite's ``lastrowid`` is cheaper than ``returning id``,
    which PostgreSQL needs: it has no last row id.)"""
    if dialect_of(conn) == POSTGRESQL:
        return int(conn.execute(sql + " returning id", params).fetchone()[0])
    rid = conn.execute(sql, params).lastrowid
    assert rid is not None
    return int(rid)
