"""The store's web tables (migration m004): the HTML kept beside fetched
revisions, each URL's fetch state and watch schedule, and alert events.

SQL for web pages lives here, in the store package; every write runs in the store's
own transaction (``Store._written``), so a revision, its HTML and its URL's
state are stored together or not at all. Read paths of the other commands never
touch these tables, and the functions that only read answer for a store made
before them (no rows) rather than fail."""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from versioner.model import AddResult, NewRevision, Revision
from versioner.store.writer import Writer
from versioner.times import utc_iso

if TYPE_CHECKING:
    from versioner.store import Store


@dataclass(frozen=True)
class Page:
    """The HTML a revision was extracted from."""

    revision: Revision
    url: str
    fetched_at: str
    extractor: str
    html: bytes


@dataclass(frozen=True)
class UrlState:
    """What fetch and watch know of one URL."""

    url: str
    kind: str  # "page" or "feed"
    article: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    first_seen: str | None = None
    next_check: str | None = None  # None: no longer checked
    step: int = 0
    checks: int = 0
    failures: int = 0
    last_error: str | None = None


@dataclass(frozen=True)
class Alert:
    id: int
    created_at: str
    article: str
    ref: str
    url: str | None
    verdict: str
    event: str  # JSON
    target: str | None
    delivered_at: str | None
    attempts: int
    last_error: str | None


def _has_web_tables(st: Store) -> bool:
    return st.conn.execute("select 1 from sqlite_master where type = 'table' and name = 'pages'").fetchone() is not None


def add_pages(st: Store, items: Iterable[tuple[NewRevision, bytes, str, str]],
              state: UrlState | None = None) -> list[AddResult]:
    """Store revisions (new revision, its HTML, the extractor's name, the URL it came
    from) and, for each one new, its HTML compressed beside it; and a URL's state:
    all in one transaction."""

    def write() -> list[AddResult]:
        writer = Writer(st.conn)
        stored: list[tuple[AddResult, bytes, str, str]] = []
        results = []
        saved = state
        for new, html, extractor, url in items:
            res = writer.add(new)
            results.append(res)
            if saved is not None and saved.article is None:  # the key the store gave the page
                saved = replace(saved, article=res.revision.article)
            if res.stored:
                stored.append((res, zlib.compress(html, 6), extractor, url))
        writer.close_gaps()  # numbers settle here: the pages are found by text and time
        for res, packed, extractor, url in stored:
            rev = res.revision
            rid = st.conn.execute(
                "select r.id from revisions r join articles a on a.id = r.article_id"
                " where a.key = ? and r.sha256 = ? and r.captured_at = ?",
                (rev.article, rev.sha256, rev.captured_at)).fetchone()[0]
            st.conn.execute("insert or replace into pages (revision_id, url, fetched_at, extractor, html)"
                            " values (?, ?, ?, ?, ?)", (rid, url, rev.captured_at, extractor, packed))
        if saved is not None:
            _save_state(st.conn, saved)
        return results

    return st._written(write)


def save_state(st: Store, state: UrlState) -> None:
    st._written(lambda: _save_state(st.conn, state))


def _save_state(conn: sqlite3.Connection, s: UrlState) -> None:
    conn.execute(
        "insert or replace into fetch_state (url, kind, article, etag, last_modified, first_seen, next_check,"
        " step, checks, failures, last_error) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (s.url, s.kind, s.article, s.etag, s.last_modified, s.first_seen or utc_iso(), s.next_check,
         s.step, s.checks, s.failures, s.last_error))


def url_state(st: Store, url: str) -> UrlState | None:
    if not _has_web_tables(st):
        return None
    row = st.conn.execute("select url, kind, article, etag, last_modified, first_seen, next_check, step,"
                          " checks, failures, last_error from fetch_state where url = ?", (url,)).fetchone()
    return UrlState(*row) if row else None


def due_states(st: Store, now: str) -> list[UrlState]:
    """URLs whose next check is at or before ``now``, earliest first."""
    if not _has_web_tables(st):
        return []
    rows = st.conn.execute("select url, kind, article, etag, last_modified, first_seen, next_check, step,"
                           " checks, failures, last_error from fetch_state where next_check <= ?"
                           " order by next_check, url", (now,)).fetchall()
    return [UrlState(*row) for row in rows]


def next_due(st: Store) -> str | None:
    """When the next URL is due; None when nothing is scheduled."""
    if not _has_web_tables(st):
        return None
    row = st.conn.execute("select min(next_check) from fetch_state").fetchone()
    return row[0] if row else None


def iter_pages(st: Store, key: str | None = None) -> Iterator[Page]:
    """Every kept page (of one article), with the revision it was read into, in order."""
    if not _has_web_tables(st):
        return
    where, args = ("where a.key = ?", (key,)) if key else ("", ())
    rows = st.conn.execute(
        "select a.key, r.number, r.captured_at, r.sha256, r.text, r.source, r.url, p.url, p.fetched_at,"
        f" p.extractor, p.html from pages p join revisions r on r.id = p.revision_id"
        f" join articles a on a.id = r.article_id {where} order by a.key, r.number", args)
    for key_, number, at, sha, text, source, url, page_url, fetched, extractor, html in rows:
        rev = Revision(key_, number, at, sha, text, source, url)
        yield Page(rev, page_url, fetched, extractor, zlib.decompress(html))


def add_alerts(st: Store, rows: list[tuple[str, str, str, str, str | None, str, str, str | None]]) -> list[int]:
    """New alert events (created_at, article, ref, sha256, url, verdict, event JSON,
    target); an event already recorded for the same revision and target is not
    recorded again. The ids of those recorded."""

    def write() -> list[int]:
        ids = []
        for row in rows:
            # '' for an event with no webhook (the feed's only): NULLs are never equal in UNIQUE
            cur = st.conn.execute(
                "insert or ignore into alerts (created_at, article, ref, sha256, url, verdict, event, target)"
                " values (?, ?, ?, ?, ?, ?, ?, ?)", (*row[:7], row[7] or ""))
            if cur.rowcount:
                ids.append(cur.lastrowid)
        return [i for i in ids if i is not None]

    return st._written(write)


def alerts(st: Store, since: str | None = None, undelivered: bool = False) -> list[Alert]:
    """Alert events, oldest first: since a time, or those still to be delivered."""
    if not _has_web_tables(st):
        return []
    sql = ("select id, created_at, article, ref, url, verdict, event, target, delivered_at, attempts,"
           " last_error from alerts where 1")
    args: list[str] = []
    if since:
        sql += " and created_at >= ?"
        args.append(since)
    if undelivered:
        sql += " and target != '' and delivered_at is null"
    rows = st.conn.execute(sql + " order by created_at, id", args).fetchall()
    return [Alert(i, at, key, ref, url, verdict, event, target or None, delivered, attempts, error)
            for i, at, key, ref, url, verdict, event, target, delivered, attempts, error in rows]


def mark_delivery(st: Store, alert_id: int, delivered_at: str | None, error: str | None) -> None:
    st._written(lambda: st.conn.execute(
        "update alerts set delivered_at = ?, last_error = ?, attempts = attempts + 1 where id = ?",
        (delivered_at, error, alert_id)))
