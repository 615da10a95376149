"""Importing many revisions in one transaction: input already in capture order
is written as it is read; other input is staged in a temporary table and
written sorted by SQLite."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from versioner.model import NewRevision
from versioner.store.connection import fetched
from versioner.store.writer import Writer
from versioner.times import time_key, utc_iso


def _stage(conn: sqlite3.Connection, batch: list[tuple[Any, ...]]) -> None:
    conn.executemany(
        "insert into staging (article, url, captured_at, sort_at, source, text, sha256, parts, notices)"
        " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        batch,
    )
    batch.clear()


def _import_in_order(writer: Writer, items: Iterable[NewRevision], progress: Any) -> bool:
    """Write the items as they come, in one savepoint. False, with nothing
    written, when one turns out to be captured before the one it follows:
    the staged import is then the one that counts."""
    conn = writer.conn
    conn.execute("savepoint in_order")
    last = ""
    failure: Exception | None = None
    for item in items:
        at = utc_iso(item.captured_at) if item.captured_at else utc_iso()
        sort_at = time_key(at)
        if sort_at < last:
            conn.execute("rollback to in_order")
            conn.execute("release in_order")
            return False
        last = sort_at
        if failure is not None:
            continue
        try:
            writer.add_item(NewRevision(item.text, item.article, item.url, at, item.source, item.prepared))
        except Exception as exc:
            # The staged import reads all input before it writes: an unreadable
            # line further on, or an earlier capture that sorts first, is the
            # error to report. So read on, and raise this one only at the end.
            failure = exc
            continue
        if progress:
            progress(1)
    if failure is not None:
        raise failure
    conn.execute("release in_order")
    return True


def _import_staged(writer: Writer, items: Iterable[NewRevision], progress: Any) -> None:
    """Stage every item in a temporary table, then write them sorted by capture time."""
    conn = writer.conn
    conn.execute(
        "create temp table if not exists staging (seq integer primary key, article text,"
        " url text, captured_at text, sort_at text, source text, text text,"
        " sha256 text, parts text, notices integer)"
    )
    conn.execute("delete from staging")
    batch: list[tuple[Any, ...]] = []
    for item in items:
        at = utc_iso(item.captured_at) if item.captured_at else utc_iso()
        batch.append((item.article, item.url, at, time_key(at), item.source, item.text,
                      *(item.prepared or (None, None, None))))
        if len(batch) >= 2000:
            _stage(conn, batch)
    _stage(conn, batch)
    cur = conn.execute(
        "select article, url, captured_at, source, text, sha256, parts, notices from staging"
        " order by sort_at, seq"
    )
    for article, url, at, source, text, *prepared in fetched(cur):
        writer.add_item(NewRevision(text, article, url, at, source,
                                    tuple(prepared) if prepared[0] is not None else None))
        if progress:
            progress(1)
    conn.execute("drop table staging")


def import_all(conn: sqlite3.Connection, items: Iterable[NewRevision], progress: Any,
               allow_future: bool) -> Writer:
    """Write ``items`` in the open transaction: in order if they come in order, else staged."""
    writer = Writer(conn, allow_future)
    if isinstance(items, Iterator) or not _import_in_order(writer, items, progress):
        writer = Writer(conn, allow_future)
        _import_staged(writer, items, progress)
    writer.close_gaps()
    writer.flush_sketches()
    return writer
