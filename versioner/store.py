"""Store stage: articles and their immutable revisions in SQLite (sqlite-utils).

All SQL of the project lives in this module. Every public write runs in one
``BEGIN IMMEDIATE`` transaction, so concurrent writers queue on SQLite's lock
(with a busy timeout) instead of racing for revision numbers.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import json
import os
import re
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from versioner import identity
from versioner.errors import BadInput, StoreError, UnknownRef
from versioner.parse import (
    Parts,
    Piece,
    is_utf8,
    parse,
    parse_pieces,
    parts_from_spans,
    parts_to_spans,
    pieces_to_spans,
    require_utf8,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

DEFAULT_STORE = Path("store") / "versioner.db"
# How long a writer waits for another's lock before giving up (a setting:
# VERSIONER_BUSY_TIMEOUT, in seconds); `_retry` tries a few times on top.
BUSY_TIMEOUT_S = 30.0
_SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_KEY_LEN = 200
# how far ahead of the clock a capture time may be (time zones, clock skew)
FUTURE_LIMIT = timedelta(days=1)
# the name of the last migration in migrations.py (a test holds the two together)
LATEST_MIGRATION = "m004_web_pages_fetch_state_alerts"
# read commands read a store at this migration or later without migrating it (before it:
# parts cached as copies, no pair cache)
OLDEST_READABLE = "m002_pair_cache_and_span_parts"
_T = TypeVar("_T")


@dataclass(frozen=True)
class Revision:
    """One stored revision: immutable once written."""

    article: str
    number: int
    captured_at: str
    sha256: str
    text: str
    source: str | None = None
    url: str | None = None
    # the store's cached parse (parts_json); parts() rebuilds from it without parsing
    spans: str | None = field(default=None, compare=False, repr=False)

    @property
    def ref(self) -> str:
        """``KEY@N``; an ad-hoc revision read from a file (number 0) is its path."""
        return f"{self.article}@{self.number}" if self.number else self.article

    def parts(self) -> Parts:
        if self.spans is not None:
            try:
                spans = json.loads(self.spans)
            except ValueError:
                spans = None
            # a cache that does not give the text back is ignored (verify reports it)
            if isinstance(spans, list) and _spans_cover(spans, self.text):
                return parts_from_spans(self.text, spans)
        return parse(self.text)


@dataclass(frozen=True)
class Article:
    key: str
    url: str | None
    revisions: int
    first_captured: str
    last_captured: str
    notices: int


@dataclass(frozen=True)
class NewRevision:
    """A revision to be stored: text already normalised."""

    text: str
    article: str | None = None
    url: str | None = None
    captured_at: str | None = None
    source: str | None = None
    # ``prepare(text)``, when the reader worked it out already (in another process)
    prepared: Prepared | None = field(default=None, compare=False, repr=False)


# a text's sha256, its cached parse (``parts_json``) and its number of notices
Prepared = tuple[str, str, int]


def prepare(text: str) -> Prepared:
    """What storing a text takes that depends on the text alone."""
    return (sha256_hex(text), *_parsed(text))


def _parsed(text: str) -> tuple[str, int]:
    pieces = parse_pieces(text)
    return _pieces_json(pieces), sum(piece[0] == "notice" for piece in pieces)


@dataclass(frozen=True)
class AddResult:
    revision: Revision
    stored: bool  # False when the text equals the one it would follow, or is stored already
    joined: str | None = None  # why an existing article was chosen by similarity
    new_article: bool = False
    # back-filled before this many later revisions, each renumbered one up
    renumbered: int = 0


@dataclass(frozen=True)
class ImportResult:
    stored: int
    unchanged: int
    articles: int
    new_articles: int
    backfilled: int = 0  # stored before later revisions of their article, which moved up


@dataclass(frozen=True)
class Fault:
    # "sqlite" (SQLite's own check or a read failed), "orphan" (a revision of no
    # article), "numbering", "time" (capture time unreadable or out of order),
    # "text" (not text, or not UTF-8), "hash", "parts", "notices", "column" (source,
    # url or created_at not text), "article" (a bad key), "sketch", "cache" (pairs)
    kind: str
    where: str
    message: str


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_CANONICAL_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?Z", re.ASCII)
# the same shape as a SQLite GLOB, which skips rows that would not decode as text


def utc_iso(value: str | datetime | None = None) -> str:
    """A capture time as ISO 8601 UTC with a ``Z``; naive times are taken as UTC."""
    if value is None:
        dt = datetime.now(timezone.utc)
    elif isinstance(value, datetime):
        dt = value
    else:
        try:
            dt = datetime.fromisoformat(value.strip())
        except ValueError:
            raise BadInput(f"not an ISO 8601 time: {value!r}") from None
        if _CANONICAL_TIME.fullmatch(value) and not value.endswith(".000000Z"):
            return value  # already in this form: every revision passes here up to three times
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    try:
        dt = dt.astimezone(timezone.utc)
    except OverflowError:
        # 0001-01-01T00:00+01:00 is in year 0 in UTC, 9999-12-31T23:59-01:00 in 10000
        raise BadInput(f"time {dt.isoformat()} is outside the years 1 to 9999 in UTC") from None
    # not strftime: its %Y gives year 5 as "5", which neither parses nor sorts
    frac = f".{dt.microsecond:06d}" if dt.microsecond else ""
    return f"{dt.year:04d}-{dt:%m-%dT%H:%M:%S}{frac}Z"


def is_stored_time(value: object) -> bool:
    """Is ``value`` a capture time as the store keeps it (``utc_iso``'s form, a real date)?"""
    if not isinstance(value, str) or not _CANONICAL_TIME.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:  # 2026-02-30, 25:00
        return False
    return True


def time_key(iso: str) -> str:
    """A capture time that sorts as text: ``...:00Z`` and ``...:00.5Z`` compare by time."""
    return iso if "." in iso else iso[:-1] + ".000000Z"


_CONTROL_CHAR = re.compile("[\x00-\x1f\x7f-\x9f]")


def check_key(key: str) -> str:
    """An article key is shown and stored as text, never used as a path or SQL."""
    if not key or not key.strip():
        raise BadInput("article key is empty")
    if "@" in key:
        raise BadInput(f"article key {key!r} contains '@', which REF syntax reserves")
    if len(key) > MAX_KEY_LEN:
        raise BadInput(f"article key is over {MAX_KEY_LEN} characters")
    if _CONTROL_CHAR.search(key):
        raise BadInput("article key contains control characters")
    return require_utf8(key, "article key")


# -- opening -----------------------------------------------------------------


def busy_timeout() -> float:
    """Seconds to wait for another writer: ``VERSIONER_BUSY_TIMEOUT``, else 30."""
    raw = os.environ.get("VERSIONER_BUSY_TIMEOUT")
    if not raw:
        return BUSY_TIMEOUT_S
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 3600:
        raise StoreError(f"VERSIONER_BUSY_TIMEOUT must be seconds from 0 to 3600, not {raw!r}")
    return value


def store_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--store``, else ``VERSIONER_STORE``, else ``store/versioner.db`` here."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("VERSIONER_STORE")
    return Path(env) if env else DEFAULT_STORE


class Store:
    """An open store. Use ``Store.open(path, create=..., readonly=...)``; close when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path, pending: Path | None = None) -> None:
        self.conn = conn
        self.path = path
        # a new store not yet visible at ``path``: its private file, linked into place
        # by the first commit (``_publish``) and removed if there is none
        self.pending = pending
        self.made_dir: Path | None = None  # the outermost folder made for a new store

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, create: bool = False,
             readonly: bool = False) -> Store:
        """The store at ``path``. ``create``: a new path is fine (the store appears
        with the first commit). ``readonly``: for commands that only read, which
        never create, migrate or need to write the store (read-only files and
        folders are read; the pair cache is saved only where it can be)."""
        p = store_path(path)
        if not _is_store_file(p):
            if not create:
                raise StoreError(f"no store at {p} (add a revision first, or pass --store)")
            return cls._new(p)
        _check_magic(p)
        if readonly:
            return cls._open_reading(p)
        _clean_stale(p)
        store = cls(_connect(p), p)
        try:
            # ``create``: an empty file given as the store (``mktemp``) gets the schema
            store._attach(lambda: store._migrate(create=create))
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _new(cls, p: Path) -> Store:
        """A store for a path where there is none: its schema is built in a file
        of this process's own beside ``p``, and the first commit links it into
        place. So no other process can see, open or write a store until a write
        to it has succeeded, and a command that fails leaves nothing behind:
        a store once visible is never removed."""
        parent = p.parent if str(p.parent) else Path(".")
        made = _outermost_missing(parent)
        for attempt in range(3):
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create store directory {parent}: {exc.strerror}") from None
            if not os.access(parent, os.W_OK):
                raise StoreError(f"cannot write to store directory {parent}")
            _clean_stale(p)
            tmp = p.with_name(f".{p.name}.{os.getpid()}.{next(_PRIVATE)}.new")
            try:
                conn = _connect(tmp, "rwc")
                break
            except StoreError:
                # the folder can go between mkdir and here only when another process's
                # failed first write removed the empty folder it had made: make it again
                if parent.is_dir() or attempt == 2:
                    raise
        store = cls(conn, p, pending=tmp)
        store.made_dir = made
        try:
            store._attach(lambda: store._migrate(create=True))
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _open_reading(cls, p: Path) -> Store:
        """Open for reading, writable where the file and folder allow it (the
        pair cache). A read-only folder cannot hold the -wal and -shm files
        SQLite's WAL mode reads through: when there are none, nothing can be
        written either, and the file is read as immutable."""
        store = cls(_connect(p), p)
        try:
            store.conn.execute("select count(*) from sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            store.close()
            if getattr(exc, "sqlite_errorname", "") != "SQLITE_CANTOPEN" or Path(f"{p}-wal").exists():
                raise store._failure(exc, "cannot open") from None
            store = cls(_connect(p, "ro&immutable=1"), p)  # nothing can write it meanwhile
        try:
            store._attach(store._check_readable)
        except BaseException:
            store.close()
            raise
        return store

    def _check_readable(self) -> None:
        """Read commands read any schema from ``OLDEST_READABLE`` on without
        migrating it; an older one is migrated where the store can be written."""
        if _schema_is_current(self.conn, OLDEST_READABLE):
            return
        try:
            self._attach(lambda: self._migrate(create=False))
        except StoreError as exc:
            if "read-only" not in str(exc):
                raise
            raise StoreError(f"store {self.path} is read-only, and its schema is older than this"
                             " versioner reads without migrating it (a write migrates it where it can)"
                             ) from None

    def _attach(self, setup: Callable[[], None]) -> None:
        """Run ``setup`` on the new connection; SQLite's errors as one line."""
        try:
            setup()
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, "cannot open") from None

    @property
    def db(self) -> Database:
        """The connection as a sqlite-utils Database (migrations, table access)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def close(self) -> None:
        self.conn.close()
        if self.pending is not None:
            _remove_files(self.pending)  # no write committed: the new store never appears
            self.pending = None
            _remove_empty_dirs(self.path.parent, self.made_dir)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _publish(self) -> bool:
        """Link a new store's file into place after its first commit. False when
        another process's store got there first: this one is dropped, and the
        connection is then to that store."""
        tmp, self.pending = self.pending, None
        assert tmp is not None
        try:
            # the whole store into the one file that is linked: a WAL left beside it would be lost
            busy, frames, done = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            self.conn.close()
            if busy or frames != done:
                raise StoreError(f"cannot create store {self.path}: its first write could not be"
                                 " checkpointed; nothing written")
            linked = _link_new(tmp, self.path)
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, "cannot create") from None
        finally:
            self.conn.close()
            _remove_files(tmp)
        self.conn = _connect(self.path)
        self._attach(lambda: self._migrate(create=False))
        return linked

    def _migrate(self, create: bool) -> None:
        conn = self.conn
        if not create and not conn.execute("select count(*) from sqlite_master").fetchone()[0]:
            # an empty file is a valid SQLite database, but not a store (and is left as it is)
            raise StoreError(f"{self.path} is not a versioner store (an empty database)")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            _retry(lambda: conn.execute("PRAGMA journal_mode=WAL"))
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        if _schema_is_current(conn):
            return  # the common case, answered without importing sqlite-utils
        from versioner.migrations import MIGRATIONS

        if MIGRATIONS.pending(self.db):
            with self._write():
                MIGRATIONS.apply(self.db)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: committed whole or rolled back whole.
        SQLite's errors (disk full, read-only, damage) become one line."""
        conn = self.conn
        try:
            _retry(lambda: conn.execute("BEGIN IMMEDIATE"))
            try:
                yield conn
                _retry(lambda: conn.execute("COMMIT"))
            except BaseException:
                _rollback(conn)
                raise
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, "cannot write to") from None

    def _written(self, write: Callable[[], _T]) -> _T:
        """``write()`` in one transaction. A new store appears with its first
        commit; when another process's appeared first, the write is made again there."""
        with self._write():
            result = write()
        if self.pending is not None and not self._publish():
            with self._write():
                result = write()
        return result

    def _failure(self, exc: sqlite3.DatabaseError, doing: str) -> StoreError:
        return _failure(self.path, exc, doing)

    # -- reading -------------------------------------------------------------
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
            problem = _article_problem(row)
            if problem:
                raise self.damaged(_name(row[0]), problem)
        return [Article(*row) for row in rows]

    def has_article(self, key: str) -> bool:
        return self._article_id(key) is not None

    def revisions(self, key: str) -> list[Revision]:
        aid = self._require_article(key)
        with self._reading(aid):
            rows = self.conn.execute(
                _REV_SELECT + " where r.article_id = ? order by r.number", (aid,)
            ).fetchall()
        return [self._revision(row) for row in rows]

    def iter_revisions(self) -> Iterator[Revision]:
        """Every revision, article by article, in revision order (streamed)."""
        with self._reading():
            cur = self.conn.execute(_REV_SELECT + " order by a.key, r.number")
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
            raise self.damaged(key, f"revision number {_show(count)} is not a whole number")
        count = count or 0
        n = number if number > 0 else count + number
        if not 0 < n <= count:
            raise UnknownRef(f"{key} has {count} revision(s); there is no {key}@{number}")
        with self._reading(aid):
            row = self.conn.execute(
                _REV_SELECT + " where r.article_id = ? and r.number = ?", (aid, n)
            ).fetchone()
        if row is None:
            raise UnknownRef(f"{key} has {count} revision(s); there is no {key}@{number}")
        return self._revision(row)

    def _revision_by_sha(self, aid: int, key: str, prefix: str) -> Revision:
        rows = self.conn.execute(
            _REV_SELECT + " where r.article_id = ? and substr(r.sha256, 1, ?) = ? order by r.number",
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
        return Revision(*rows[0])

    def latest(self, key: str) -> Revision:
        return self.revision(key, 0)

    def damaged(self, where: str | None, what: str) -> StoreError:
        """The error for a store whose rows are not what it wrote."""
        return damaged(self.path, f"{where}: {what}" if where else what)

    def _revision(self, row: tuple[Any, ...]) -> Revision:
        problem = _revision_problem(row)
        if problem:
            raise self.damaged(f"{_name(row[0])}@{_name(row[1])}", problem)
        return Revision(*row)

    @contextmanager
    def _reading(self, aid: int | None = None) -> Iterator[None]:
        """Text SQLite cannot give back as UTF-8 becomes ``damaged``, naming the
        revision (found again, reading leniently, only when it happens)."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if not _is_undecodable(exc):
                raise
            raise self._undecodable(aid) from None

    def _undecodable(self, aid: int | None) -> StoreError:
        where = "" if aid is None else " where r.article_id = ?"
        with self._lenient_text():
            for row in _fetch(self.conn.execute(
                    "select a.key, r.number, r.captured_at, r.sha256, r.text, r.source, r.url, r.parts"
                    " from revisions r left join articles a on a.id = r.article_id" + where,
                    () if aid is None else (aid,))):
                bad = [column for column, cell in zip(_REV_COLUMNS, row) if isinstance(cell, _Undecodable)]
                if bad:
                    return self.damaged(f"{_name(row[0])}@{_name(row[1])}", f"{bad[0]} is not valid UTF-8")
        return self.damaged(None, "text that is not valid UTF-8")

    @contextmanager
    def _lenient_text(self) -> Iterator[None]:
        """Text cells read without raising: undecodable ones as ``_Undecodable`` bytes."""
        conn = self.conn
        before = conn.text_factory
        conn.text_factory = _lenient_decode
        try:
            yield
        finally:
            conn.text_factory = before

    def cached_parts(self, revision: Revision) -> str | None:
        row = self.conn.execute(
            "select r.parts from revisions r join articles a on a.id = r.article_id"
            " where a.key = ? and r.number = ?",
            (revision.article, revision.number),
        ).fetchone()
        return row[0] if row else None

    def _article_id(self, key: str) -> int | None:
        if not is_utf8(key):  # bytes that are not UTF-8 in an argument: no stored key has them
            return None
        row = self.conn.execute("select id from articles where key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _require_article(self, key: str) -> int:
        aid = self._article_id(key)
        if aid is None:
            raise UnknownRef(f"no article {key!r} in the store")
        return aid

    # -- writing -------------------------------------------------------------

    def add(self, new: NewRevision, allow_future: bool = False) -> AddResult:
        """Store one revision in capture order: after the last one captured at or
        before it, renumbering later ones (a back-fill). Nothing is stored when its
        text equals the revision it would follow, or the same capture is stored.
        A capture time over a day ahead of the clock is refused unless allowed."""

        def write() -> AddResult:
            writer = _Writer(self, allow_future)
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

        def write() -> _Writer:
            writer = _Writer(self, allow_future)
            if isinstance(items, Iterator) or not _import_in_order(writer, items, progress):
                writer = _Writer(self, allow_future)
                _import_staged(writer, items, progress)
            writer.close_gaps()
            writer.flush_sketches()
            return writer

        writer = self._written(write)
        return ImportResult(writer.stored, writer.unchanged, len(writer.touched), writer.created,
                            writer.backfilled)

    # -- derived data (a cache of pure functions of stored text) ---------------

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
            if not _is_undecodable(exc):
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
        conn = self.conn
        conn.execute("pragma busy_timeout = 200")  # a cache is not worth waiting for
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError:
            return 0
        finally:
            conn.execute(f"pragma busy_timeout = {int(busy_timeout() * 1000)}")
        try:
            conn.executemany(
                "insert or replace into pairs (from_revision_id, to_revision_id, rules, changes, flags)"
                " select o.id, n.id, ?4, ?5, ?6 from articles a"
                " join revisions o on o.article_id = a.id and o.number = ?2 and o.sha256 = ?7"
                " join revisions n on n.article_id = a.id and n.number = ?3 and n.sha256 = ?8"
                " where a.key = ?1",
                rows,
            )
            conn.execute("COMMIT")
        except sqlite3.DatabaseError:
            _rollback(conn)
            return 0
        return len(rows)

    def iter_cached_pairs(self) -> Iterator[tuple[Revision, Revision, Any, Any, Any]]:
        """Every cached comparison with its two revisions (streamed), for ``verify``:
        cells are read as stored, unchecked (undecodable text as ``_Undecodable``)."""
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
        for rules, changes, flags, key, *rest in _fetch(cur):
            yield Revision(key, *rest[:7]), Revision(key, *rest[7:]), rules, changes, flags

    # -- integrity -----------------------------------------------------------

    def verify(self) -> tuple[int, list[Fault]]:
        """SQLite's own integrity check, then every row the commands read: each
        cell's type and form, hashes, numbering, capture order, cached parts and
        notice counts, article keys, sketches. Returns (revisions checked, faults);
        a damaged store gives faults, never an exception."""
        try:
            check = self.conn.execute("pragma integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            return 0, [Fault("sqlite", str(self.path), f"database is damaged: {exc}")]
        if check != [("ok",)]:
            return 0, [Fault("sqlite", str(self.path), "; ".join(str(r[0]) for r in check[:5]))]
        faults: list[Fault] = []
        counted = [0]
        try:
            with self._lenient_text():
                self._verify_articles(faults)
                self._verify_revisions(faults, counted)
                self._verify_sketches(faults)
                self._verify_pair_links(faults)
        except sqlite3.DatabaseError as exc:
            # a schema altered by hand (a table gone) or a read failing halfway
            faults.append(Fault("sqlite", str(self.path), f"cannot read the store: {exc}"))
        return counted[0], faults

    def _verify_articles(self, faults: list[Fault]) -> None:
        for aid, key, url, created in _fetch(self.conn.execute(
                "select id, key, url, created_at from articles order by key")):
            where = f"article #{aid}"
            problem = _text_problem(key, "article key")
            if problem is None:
                try:
                    check_key(key)
                    where = key
                except BadInput as exc:
                    problem = str(exc)
            if problem:
                faults.append(Fault("article", where, problem))
            for what, value, nullable in (("url", url, True), ("created_at", created, False)):
                problem = _text_problem(value, what, nullable)
                if problem:
                    faults.append(Fault("column", where, problem))

    def _verify_revisions(self, faults: list[Fault], counted: list[int]) -> None:
        current: object = None
        expected = 1
        last: tuple[str, str] | None = None  # the article's previous (ref, capture time)
        for row in _fetch(self.conn.execute(
                "select r.article_id, a.id, a.key, r.number, r.captured_at, r.sha256, r.text, r.parts,"
                " r.notices, r.source, r.url from revisions r left join articles a on a.id = r.article_id"
                " order by a.key, r.number")):
            counted[0] += 1
            aid, found, key, number, at, sha, text, parts, notices, source, url = row
            if found is None:
                faults.append(Fault("orphan", f"revision #{_name(number)}", "revision belongs to no article"))
                continue
            if aid != current:
                current, expected, last = aid, 1, None
            ref = f"{_name(key)}@{_name(number)}"
            if type(number) is not int:
                faults.append(Fault("numbering", ref, f"revision number {_show(number)} is not a whole number"))
            elif number != expected:
                faults.append(Fault("numbering", ref, f"expected {_name(key)}@{expected}, found {ref}"))
            expected = number + 1 if type(number) is int else expected + 1
            problem = _time_problem(at)
            if problem:
                faults.append(Fault("time", ref, problem))
            else:
                if last is not None and time_key(at) < time_key(last[1]):
                    faults.append(Fault("time", ref, f"captured at {at}, before {last[0]} ({last[1]})"))
                last = (ref, at)
            for kind, message in _content_faults(text, sha, parts, notices):
                faults.append(Fault(kind, ref, message))
            for what, value in (("source", source), ("url", url)):
                problem = _text_problem(value, what, nullable=True)
                if problem:
                    faults.append(Fault("column", ref, problem))

    def _verify_sketches(self, faults: list[Fault]) -> None:
        for aid, key, bad in self.conn.execute(
                "select s.article_id, a.key, sum(typeof(s.h) != 'integer') from sketches s"
                " left join articles a on a.id = s.article_id group by s.article_id"):
            where = f"article #{_name(aid)}" if key is None else _name(key)
            if key is None:
                faults.append(Fault("sketch", where, "sketch rows belong to no article"))
            elif bad:
                faults.append(Fault("sketch", where, f"{bad} sketch value(s) are not whole numbers"))

    def _verify_pair_links(self, faults: list[Fault]) -> None:
        (loose,) = self.conn.execute(
            "select count(*) from pairs p left join revisions o on o.id = p.from_revision_id"
            " left join revisions n on n.id = p.to_revision_id"
            " left join articles a on a.id = n.article_id"
            " where o.id is null or a.id is null").fetchone()
        if loose:
            faults.append(Fault("cache", "pairs", f"{loose} cached comparison(s) refer to no revision"))


def _content_faults(text: object, sha: object, parts: object, notices: object) -> list[tuple[str, str]]:
    """What is wrong with one stored revision's text, hash, cached parts and notice
    count. (One row cannot tell an altered text from an altered hash: both are one fault.)"""
    problem = _text_problem(text, "text")
    if problem or not isinstance(text, str):
        return [("text", problem or "text is unreadable")]  # nothing else can be checked against it
    count_ok = type(notices) is int and notices >= 0
    bad_count = [] if count_ok else [("notices", f"notice count {_show(notices)} is not a whole number")]
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        return [("hash", "stored sha256 is not 64 hex digits"), *bad_count]
    if sha256_hex(text) != sha:
        # what is derived from the text is not compared with a text that is not the one stored
        return [("hash", "text does not match its sha256"), *bad_count]
    spans, found = _parsed(text)
    faults = [("parts", _parts_problem(parts))] if parts != spans else []
    if count_ok and notices != found:
        bad_count = [("notices", f"notice count {notices} differs from the {found} a fresh parse finds")]
    return faults + bad_count


def _parts_problem(parts: object) -> str:
    problem = _text_problem(parts, "cached parts")
    if problem:
        return problem
    try:
        json.loads(parts)  # type: ignore[arg-type]
    except ValueError:
        return "cached parts are not valid JSON"
    return "cached parts differ from a fresh parse"


# -- damaged rows --------------------------------------------------------------


class _Undecodable(bytes):
    """A text cell whose bytes are not UTF-8 (read under ``Store._lenient_text``)."""


def _lenient_decode(raw: bytes) -> str | bytes:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _Undecodable(raw)


def damaged(path: str | os.PathLike[str], what: str) -> StoreError:
    """The one line a command says when the store is not what it wrote."""
    return StoreError(f"store {path} is damaged: {what}; run versioner verify")


def sqlite_failure(path: str | os.PathLike[str], exc: Exception) -> StoreError | None:
    """A raw SQLite error as a StoreError: a damaged file, or SQLite's own words.
    None for an exception that did not come from SQLite."""
    if isinstance(exc, UnicodeDecodeError):
        # SQLite quoting damaged bytes ("no such table: main.r\x94visions"): the
        # sqlite3 module cannot decode its message, and raises this instead
        if isinstance(exc.object, bytes) and _raised_by_sqlite(exc):
            return damaged(path, exc.object.decode("utf-8", "backslashreplace"))
        return None
    if not isinstance(exc, sqlite3.Error):
        return None
    if type(exc) is sqlite3.DatabaseError or _is_undecodable(exc):
        # SQLITE_CORRUPT and SQLITE_NOTADB ("database disk image is malformed",
        # "file is not a database") are plain DatabaseErrors
        return damaged(path, str(exc))
    return StoreError(f"store {path}: {exc}")


def _raised_by_sqlite(exc: Exception) -> bool:
    """Was ``exc`` raised by a call into SQLite? The innermost Python frame is then
    code that talks to SQLite (this module or sqlite-utils), which decodes nothing
    else that could fail."""
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    module = str(tb.tb_frame.f_globals.get("__name__", ""))
    return module in (__name__, "versioner.migrations") or module.startswith("sqlite_utils")


def _is_undecodable(exc: Exception) -> bool:
    return str(exc).startswith("Could not decode to UTF-8")


_REV_COLUMNS = ("article key", "revision number", "capture time", "sha256", "text", "source", "url",
                "cached parts")


def _revision_problem(row: tuple[Any, ...]) -> str | None:
    """Why a row of ``_REV_SELECT`` cannot be a Revision (None when it can)."""
    key, number, at, sha, text, source, url, spans = row
    if type(number) is not int:
        return f"revision number {_show(number)} is not a whole number"
    for what, value, nullable in (("article key", key, False), ("text", text, False),
                                  ("sha256", sha, False), ("source", source, True),
                                  ("url", url, True), ("cached parts", spans, True)):
        problem = _text_problem(value, what, nullable)
        if problem:
            return problem
    return _time_problem(at)


def _article_problem(row: tuple[Any, ...]) -> str | None:
    """Why a row of ``Store.articles``'s query cannot be an Article."""
    key, url, _, first, last, notices = row
    problem = _text_problem(key, "article key") or _text_problem(url, "url", nullable=True)
    problem = problem or _time_problem(first) or _time_problem(last)
    if problem is None and (type(notices) is not int or notices < 0):
        problem = f"notice counts add up to {_show(notices)}, not a whole number"
    return problem


def _text_problem(value: object, what: str, nullable: bool = False) -> str | None:
    """Why a cell that should hold text does not (None when it does)."""
    if isinstance(value, str):
        return None
    if value is None:
        return None if nullable else f"{what} is missing (NULL)"
    if isinstance(value, _Undecodable):
        return f"{what} is not valid UTF-8"
    if isinstance(value, bytes):
        return f"{what} is binary data, not text"
    return f"{what} is a number ({_show(value)}), not text"


def _time_problem(value: object) -> str | None:
    problem = _text_problem(value, "capture time")
    if problem is None and not is_stored_time(value):
        problem = f"capture time {_show(value)} is not an ISO 8601 UTC time"
    return problem


def _show(value: object) -> str:
    """A cell's value for a message: short, whatever it holds."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _name(cell: object) -> str:
    """A key or number for naming a damaged row, whatever the cell holds."""
    if isinstance(cell, bytes):
        return cell.decode("utf-8", "backslashreplace")
    return str(cell)


_SHA256 = re.compile("[0-9a-f]{64}")

_REV_SELECT = (
    "select a.key, r.number, r.captured_at, r.sha256, r.text, r.source, r.url, r.parts"
    " from revisions r join articles a on a.id = r.article_id"
)


def _spans_cover(spans: list[Any], text: str) -> bool:
    """Do ``spans`` rebuild exactly ``text``? Their slices are consecutive, so they
    do when the lengths are whole numbers that add up to the text less its final
    newline: the same answer as re-joining the parts, without the join."""
    if not spans:
        return text == ""
    total = 0
    try:
        for _, gap, raw, _ in spans:
            if type(gap) is not int or type(raw) is not int or gap < 0 or raw < 0:
                return False
            total += gap + raw
    except (TypeError, ValueError):  # not four fields
        return False
    return total == len(text) - 1 and text.endswith("\n")


def parts_json(parts: Parts) -> str:
    """The cached form of a parse: spans over the text, not copies of it."""
    return _COMPACT_JSON(parts_to_spans(parts))


def _pieces_json(pieces: list[Piece]) -> str:
    """``parts_json`` of the parse that ``parse_pieces`` gave."""
    return _COMPACT_JSON(pieces_to_spans(pieces))


# what json.dumps(..., separators=(",", ":")) gives, without a new encoder each call
_COMPACT_JSON = json.JSONEncoder(separators=(",", ":")).encode


def _fetch(cur: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    while rows := cur.fetchmany(500):
        yield from rows


def _stage(conn: sqlite3.Connection, batch: list[tuple[Any, ...]]) -> None:
    conn.executemany(
        "insert into staging (article, url, captured_at, sort_at, source, text, sha256, parts, notices)"
        " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        batch,
    )
    batch.clear()


def _import_in_order(writer: _Writer, items: Iterable[NewRevision], progress: Any) -> bool:
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


def _import_staged(writer: _Writer, items: Iterable[NewRevision], progress: Any) -> None:
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
    for article, url, at, source, text, *prepared in _fetch(cur):
        writer.add_item(NewRevision(text, article, url, at, source,
                                    tuple(prepared) if prepared[0] is not None else None))
        if progress:
            progress(1)
    conn.execute("drop table staging")


def _schema_is_current(conn: sqlite3.Connection, migration: str = LATEST_MIGRATION) -> bool:
    """Has ``migration`` (by default the latest) been applied? (Migrations apply in order.)"""
    try:
        row = conn.execute(
            "select 1 from _sqlite_migrations where migration_set = 'versioner' and name = ?",
            (migration,),
        ).fetchone()
    except sqlite3.OperationalError:
        return False  # no migrations table: a new store
    return row is not None


def _failure(p: Path, exc: sqlite3.DatabaseError, doing: str) -> StoreError:
    """SQLite's error as one line that says what it means for the store."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL" or (name.startswith("SQLITE_IOERR") and _disk_full(p)):
        message = f"{doing} store {p}: the disk is full"
    elif name.startswith("SQLITE_READONLY") or (name.startswith("SQLITE_CANTOPEN") and not _writable(p)):
        message = f"store {p} is read-only"
    elif name == "SQLITE_NOTADB":
        message = f"{p} is not a versioner store (not a SQLite database)"
    elif name.startswith("SQLITE_CORRUPT"):
        message = f"store {p} is damaged ({exc}); `versioner verify` says more"
    else:
        message = f"{doing} store {p}: {exc}"
    return StoreError(message if doing == "cannot open" else f"{message}; nothing written")


def _disk_full(p: Path) -> bool:
    """Is there no room left beside ``p``? (SQLite says "disk I/O error" when the
    -shm file cannot grow.)"""
    try:
        return os.statvfs(p.parent if str(p.parent) else ".").f_bavail == 0
    except OSError:
        return False


def _is_store_file(p: Path) -> bool:
    """Is there a file at ``p`` (False: a new name)? Anything but a regular file
    is refused before SQLite opens it: it would block on a FIFO, and write a
    journal beside a device (``/dev/null-journal``)."""
    try:
        mode = os.stat(p).st_mode
    except NotADirectoryError:
        return False  # a file where its folder should be: said when the folder is made
    except FileNotFoundError:
        if os.path.lexists(p):
            raise StoreError(f"store {p} is a symbolic link to nothing") from None
        return False
    except OSError as exc:
        raise StoreError(f"cannot open store {p}: {exc.strerror}") from None
    if stat.S_ISDIR(mode):
        raise StoreError(f"store {p} is a directory, not a database file")
    if not stat.S_ISREG(mode):
        raise StoreError(f"store {p} is not a regular file")
    return True


def _connect(p: Path, mode: str = "rw") -> sqlite3.Connection:
    """A connection to the file ``p`` that never creates it (``mode`` ``rwc`` aside)."""
    # a URI, for its mode: a store removed by hand meanwhile is an error, not a new empty file
    quoted = os.path.abspath(p).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    try:
        return sqlite3.connect(f"file:{quoted}?mode={mode}", uri=True, timeout=busy_timeout(),
                               check_same_thread=False)
    except sqlite3.DatabaseError as exc:
        raise _failure(p, exc, "cannot open") from None


def _writable(p: Path) -> bool:
    """Can this process write the store file and its folder (for the -wal and -shm)?"""
    return os.access(p.parent if str(p.parent) else ".", os.W_OK) and (
        not p.exists() or os.access(p, os.W_OK))


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:  # an error (disk full, damage) may have ended it already
        try:
            conn.execute("ROLLBACK")
        except sqlite3.DatabaseError:
            pass  # closing the connection rolls back whatever is left


_PRIVATE = itertools.count(1)  # new stores opened by this process (threads each get their own file)
# a new store's private file (Store._new): .NAME.PID.N.new, from the store's name, the
# creating process and a counter (before the counter, the name had none: cleaned too)
_PRIVATE_NAME = r"(?P<base>\.{name}\.(?P<pid>\d+)(?:\.\d+)?\.new)(?:-wal|-shm|-journal)?"
STALE_AFTER_S = 24 * 3600


def _link_new(tmp: Path, p: Path) -> bool:
    """Put the file ``tmp`` at ``p`` unless something is there already (then False)."""
    try:
        os.link(tmp, p)  # atomic, and unlike a rename it never replaces a store
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS):
            raise StoreError(f"cannot create store {p}: {exc.strerror}; nothing written") from None
        # a file system without hard links: a rename, checked first (a narrow race)
        if p.exists():
            return False
        os.replace(tmp, p)
    return True


def _outermost_missing(folder: Path) -> Path | None:
    """The outermost of ``folder`` and its parents that does not exist yet."""
    missing = None
    for d in (folder, *folder.parents):
        if d.exists():
            break
        missing = d
    return missing


def _remove_empty_dirs(folder: Path, made: Path | None) -> None:
    """Remove the folders a new store's open made, up to ``made``, as long as
    they are empty: rmdir refuses a folder another process has put a file in."""
    if made is None:
        return
    for d in (folder, *folder.parents):
        try:
            d.rmdir()
        except OSError:
            return
        if d == made:
            return


def _remove_files(p: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{p}{suffix}")
        except FileNotFoundError:
            pass
        except OSError:
            pass  # a read-only folder: nothing of this process's can be there either


def _clean_stale(p: Path) -> None:
    """Remove new stores' private files (``Store._new``) that a killed process
    left beside ``p``: those of a process that is gone, or untouched for a day."""
    parent = p.parent if str(p.parent) else Path(".")
    found: dict[str, float] = {}  # a private file -> the latest mtime of it and its -wal, -shm
    private = re.compile(_PRIVATE_NAME.format(name=re.escape(p.name)))
    try:
        for entry in os.scandir(parent):
            match = private.fullmatch(entry.name)
            if match:
                # a file of a process that is gone counts as untouched since the epoch
                mtime = entry.stat().st_mtime if _alive(int(match["pid"])) else 0.0
                found[match["base"]] = max(found.get(match["base"], 0.0), mtime)
    except OSError:
        return
    for base, mtime in found.items():
        if time.time() - mtime > STALE_AFTER_S:
            _remove_files(parent / base)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def _check_magic(p: Path) -> None:
    try:
        with p.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"cannot read store {p}: {exc.strerror}") from None
    if head and head != _SQLITE_MAGIC:
        raise StoreError(f"{p} is not a versioner store (not a SQLite database)")


def _retry(fn: Any, attempts: int = 5) -> Any:
    """SQLite's busy timeout covers most contention; a WAL snapshot conflict
    can still surface as 'locked' at once, so retry a few times, then say so."""
    for i in range(attempts):
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if i == attempts - 1:
                # SQLite's own wording ("database is locked") names no cause or remedy
                raise StoreError(
                    f"store is busy: another process held its write lock for over {attempts} x"
                    f" {busy_timeout():g} s; nothing written, try again"
                ) from None
            time.sleep(0.05 * (2**i))
    return None


@dataclass
class _Gap:
    """An article's revisions moved to minus their numbers to make room for back-fills."""

    tail_at: str  # time_key of the first moved revision: later captures go among them
    top: int  # the number of the last back-fill put in the room
    inserted: int  # back-fills put in so far
    moved: int  # revisions moved


class _Writer:
    """Writes inside an open transaction; caches each article's latest state.
    ``close_gaps`` before the transaction commits."""

    def __init__(self, store: Store, allow_future: bool = False) -> None:
        self.conn = store.conn
        # capture times after this are refused (typos such as 2206 for 2026):
        # the clock read once, as a writer lives for one transaction
        self.horizon = None if allow_future else time_key(
            utc_iso(datetime.now(timezone.utc) + FUTURE_LIMIT))
        self.backfilled = 0  # stored before an article's later revisions, which moved up
        self._gaps: dict[int, _Gap] = {}  # article id -> later revisions moved out of the way
        self.latest: dict[str, tuple[int, int, str, str]] = {}  # key -> id, n, sha, at
        self.touched: set[int] = set()
        self.created = 0
        self.stored = self.unchanged = 0  # counted by add_item
        # article id -> row of its latest revision, whose sketch is due: read back when
        # the sketch is made, so that an import holds no texts (an article's latest is
        # only known at the end)
        self._dirty_sketch: dict[int, int] = {}
        self._unsketched: set[int] = set()  # articles created here, with no sketch rows yet

    def _state(self, key: str) -> tuple[int, int, str, str] | None:
        if key in self.latest:
            return self.latest[key]
        row = self.conn.execute(
            "select a.id, r.number, r.sha256, r.captured_at from articles a"
            " left join revisions r on r.article_id = a.id where a.key = ?"
            " order by r.number desc limit 1",
            (key,),
        ).fetchone()
        if row is None:
            return None
        self.latest[key] = row
        return row

    def _resolve(self, new: NewRevision, at: str) -> tuple[str, str | None]:
        if new.article is not None:
            return check_key(new.article), None
        if new.url:
            row = self.conn.execute("select key from articles where url = ?", (new.url,)).fetchone()
            if row:
                return row[0], None
            return self._fresh_key(identity.key_from_url(new.url)), None
        match = identity.find_same_story(new.text, self._candidates(new.text), self._latest_text)
        if match:
            key, score = match
            return key, f"same story as {key} ({score:.0%} of word shingles shared)"
        return self._fresh_key(identity.key_from_text(new.text, at)), None

    def _candidates(self, text: str) -> list[str]:
        sketch = identity.sketch(text)
        if not sketch:
            return []
        marks = ",".join("?" * len(sketch))
        rows = self.conn.execute(
            f"select a.key, count(*) c from sketches s join articles a on a.id = s.article_id"
            f" where s.h in ({marks}) group by s.article_id order by c desc limit 5",
            sketch,
        ).fetchall()
        return [r[0] for r in rows]

    def _latest_text(self, key: str) -> str:
        state = self.latest.get(key)
        if state is not None:
            # by its hash: while a back-fill's renumbering is open, the latest is numbered below 0
            row = self.conn.execute(
                "select text from revisions where article_id = ? and sha256 = ? limit 1", state[::2]
            ).fetchone()
            return row[0] if row else ""
        row = self.conn.execute(
            "select r.text from revisions r join articles a on a.id = r.article_id"
            " where a.key = ? order by r.number desc limit 1",
            (key,),
        ).fetchone()
        return row[0] if row else ""

    def _fresh_key(self, base: str) -> str:
        key, n = base, 1
        while self._state(key) is not None or self.conn.execute(
            "select 1 from articles where key = ?", (key,)
        ).fetchone():
            n += 1
            key = f"{base}-{n}"
        return key

    def add(self, new: NewRevision, defer_sketch: bool = False) -> AddResult:
        at = utc_iso(new.captured_at) if new.captured_at else utc_iso()
        if self.horizon is not None and time_key(at) > self.horizon:
            where = f"{new.source}: " if new.source else ""
            raise BadInput(
                f"{where}capture time {at} is more than a day ahead of the clock; a mistyped"
                " year? (--allow-future or VERSIONER_ALLOW_FUTURE=1 stores it)"
            )
        key, joined = self._resolve(new, at)
        sha = new.prepared[0] if new.prepared else sha256_hex(new.text)
        state = self._state(key)
        new_article = state is None
        renumbered = 0
        if state is None:
            aid = self.conn.execute(
                "insert into articles (key, url, created_at) values (?, ?, ?)", (key, new.url, at)
            ).lastrowid
            assert aid is not None
            number = 0
            self.created += 1
            self._unsketched.add(aid)
        else:
            aid, last = state[:2]
            placed = self._place(key, state, new, sha, at)
            if isinstance(placed, Revision):
                return AddResult(placed, stored=False, joined=joined)
            number, renumbered = placed
            if new.url and last:
                self.conn.execute(
                    "update articles set url = coalesce(url, ?) where id = ?", (new.url, aid)
                )
        spans, notices = new.prepared[1:] if new.prepared else _parsed(new.text)
        number += 1
        rid = self.conn.execute(
            "insert into revisions (article_id, number, captured_at, sha256, text, parts, source,"
            " url, notices) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, number, at, sha, new.text, spans, new.source, new.url, notices),
        ).lastrowid
        assert rid is not None
        self.touched.add(aid)
        if renumbered:
            self.backfilled += 1  # the latest, and so the article's sketch, is unchanged
        else:
            self.latest[key] = (aid, number, sha, at)
            self._dirty_sketch[aid] = rid
            if not defer_sketch:
                self.flush_sketches()
        rev = Revision(key, number, at, sha, new.text, new.source, new.url)
        return AddResult(rev, stored=True, joined=joined, new_article=new_article, renumbered=renumbered)

    def _place(self, key: str, state: tuple[int, int, str, str], new: NewRevision, sha: str,
               at: str) -> tuple[int, int] | Revision:
        """Where a revision of a stored article goes: (the number it follows, how many
        later revisions were moved up to make room for it); or the stored revision
        that makes it unneeded: the same capture, or the same text as the one it
        would follow. A text equal to the one after it is stored: the later one
        cannot move, and this is the earliest sighting of that text."""
        aid, last, last_sha, last_at = state
        if last and time_key(at) <= time_key(last_at):
            same = self._has(aid, sha, at)
            if same is not None:  # the same capture imported again: idempotent
                return Revision(key, same, at, sha, new.text, new.source, new.url)
        if not last or time_key(at) >= time_key(last_at):
            if last and last_sha == sha:
                return Revision(key, last, last_at, sha, new.text, new.source, new.url)
            if aid in self._gaps:
                self._close_gap(aid)  # an append goes after the moved revisions, numbered again
            return last or 0, 0  # 0: an article row left without revisions
        gap = self._gaps.get(aid)
        if gap is not None and time_key(at) >= gap.tail_at:
            self._close_gap(aid)  # it goes among the moved revisions
        prev = self._before(aid, key, at)
        if prev is not None and prev.sha256 == sha:
            return prev
        number = prev.number if prev else 0
        self.latest[key] = (aid, last + 1, last_sha, last_at)
        return number, self._make_room(aid, number)

    def add_item(self, new: NewRevision) -> None:
        """``add`` for import: counted, and keyed items' sketches left for ``flush_sketches``."""
        # keyless items are matched by similarity, so they need fresh sketches
        res = self.add(new, defer_sketch=bool(new.article or new.url))
        self.stored += res.stored
        self.unchanged += not res.stored

    def _has(self, aid: int, sha: str, at: str) -> int | None:
        """The number of the stored revision with this text and capture time, if any."""
        # no min() or order by: either makes SQLite walk the article by number
        # instead of looking the capture time up in revisions_summary
        row = self.conn.execute(
            "select number from revisions where article_id = ? and sha256 = ? and captured_at = ?",
            (aid, sha, at),
        ).fetchone()
        return row[0] if row else None

    def _before(self, aid: int, key: str, at: str) -> Revision | None:
        """The revision a capture at ``at`` comes after: the last one captured at
        or before it (numbers follow capture times, so read from the latest back;
        revisions moved out of the way, below 0, are all captured after ``at``)."""
        at_key = time_key(at)
        cur = self.conn.execute(
            "select number, captured_at from revisions where article_id = ? and number > 0"
            " order by number desc", (aid,)
        )
        for number, captured_at in cur:
            if time_key(captured_at) <= at_key:
                cur.close()
                row = self.conn.execute(
                    _REV_SELECT + " where r.article_id = ? and r.number = ?", (aid, number)
                ).fetchone()
                return Revision(*row)
        return None

    def _make_room(self, aid: int, after: int) -> int:
        """Free number ``after + 1`` for a back-fill; how many later revisions it
        goes before (each ends up one number higher). The later revisions are moved
        out of the way once, to minus their numbers, and stay there while more
        back-fills land in the space they left (an archive import, in capture order,
        goes before the same revisions many times); ``close_gaps`` puts them back
        above the back-fills. (UNIQUE(article_id, number) is checked row by row, so
        a shift of one in place would collide.)"""
        gap = self._gaps.get(aid)
        if gap is not None and gap.top != after:
            self._close_gap(aid)
            gap = None
        if gap is None:
            # the two revisions that stop being neighbours: their cached comparison goes
            self.conn.execute(
                "delete from pairs where from_revision_id in (select id from revisions"
                " where article_id = ?1 and number = ?2) and to_revision_id in (select id"
                " from revisions where article_id = ?1 and number = ?2 + 1)",
                (aid, after),
            )
            moved = self.conn.execute(
                "update revisions set number = -number where article_id = ? and number > ?", (aid, after)
            ).rowcount
            tail_at = self.conn.execute(
                "select captured_at from revisions where article_id = ? and number = ?", (aid, -after - 1)
            ).fetchone()[0]
            gap = self._gaps[aid] = _Gap(time_key(tail_at), after, 0, moved)
        gap.top += 1
        gap.inserted += 1
        return gap.moved

    def _close_gap(self, aid: int) -> None:
        gap = self._gaps.pop(aid)
        # -n + inserted: each moved revision's old number plus the back-fills before it
        self.conn.execute(
            "update revisions set number = ? - number where article_id = ? and number < 0",
            (gap.inserted, aid),
        )

    def close_gaps(self) -> None:
        """Number every revision moved out of the way by a back-fill again (before
        the transaction ends: until then the numbers of moved revisions are below 0)."""
        for aid in list(self._gaps):
            self._close_gap(aid)

    def flush_sketches(self) -> None:
        rows: list[tuple[int, int]] = []
        for aid, rid in self._dirty_sketch.items():
            if aid in self._unsketched:
                self._unsketched.discard(aid)  # nothing to delete
            else:
                self._insert_sketches(rows)  # rows go in in the same order as deletes
                self.conn.execute("delete from sketches where article_id = ?", (aid,))
            text, spans = self.conn.execute("select text, parts from revisions where id = ?", (rid,)).fetchone()
            story = identity.story_text(text, parts_from_spans(text, json.loads(spans)))
            rows.extend((aid, h) for h in identity.story_sketch(story))
            if len(rows) >= 10_000:  # an import's worth of rows would be 100 MB of tuples
                self._insert_sketches(rows)
        self._insert_sketches(rows)
        self._dirty_sketch.clear()

    def _insert_sketches(self, rows: list[tuple[int, int]]) -> None:
        self.conn.executemany("insert into sketches (article_id, h) values (?, ?)", rows)
        rows.clear()
