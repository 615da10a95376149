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
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from versioner import identity
from versioner.errors import BadInput, OutOfOrder, StoreError, UnknownRef
from versioner.parse import (
    Parts,
    Piece,
    parse,
    parse_pieces,
    parts_from_spans,
    parts_to_spans,
    pieces_to_spans,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

DEFAULT_STORE = Path("store") / "versioner.db"
# How long a writer waits for another's lock before giving up (a setting:
# VERSIONER_BUSY_TIMEOUT, in seconds); `_retry` tries a few times on top.
BUSY_TIMEOUT_S = 30.0
_SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_KEY_LEN = 200
# the name of the last migration in migrations.py (a test holds the two together)
LATEST_MIGRATION = "m003_revision_summary_index"
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
    stored: bool  # False when the text equals the article's latest revision
    joined: str | None = None  # why an existing article was chosen by similarity
    new_article: bool = False


@dataclass(frozen=True)
class ImportResult:
    stored: int
    unchanged: int
    articles: int
    new_articles: int


@dataclass(frozen=True)
class Fault:
    kind: str  # "hash" | "numbering" | "parts" | "sqlite"
    where: str
    message: str


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_CANONICAL_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?Z", re.ASCII)


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
    dt = dt.astimezone(timezone.utc)
    fmt = "%Y-%m-%dT%H:%M:%S.%fZ" if dt.microsecond else "%Y-%m-%dT%H:%M:%SZ"
    return dt.strftime(fmt)


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
    return key


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

    def articles(self) -> list[Article]:
        rows = self.conn.execute(
            """select a.key, a.url, count(r.id), min(r.captured_at), max(r.captured_at),
                      coalesce(sum(r.notices), 0)
               from articles a join revisions r on r.article_id = a.id
               group by a.id order by max(r.captured_at) desc, a.key"""
        ).fetchall()
        return [Article(*row) for row in rows]

    def has_article(self, key: str) -> bool:
        return self._article_id(key) is not None

    def revisions(self, key: str) -> list[Revision]:
        aid = self._require_article(key)
        rows = self.conn.execute(
            _REV_SELECT + " where r.article_id = ? order by r.number", (aid,)
        ).fetchall()
        return [Revision(*row) for row in rows]

    def iter_revisions(self) -> Iterator[Revision]:
        """Every revision, article by article, in revision order (streamed)."""
        cur = self.conn.execute(_REV_SELECT + " order by a.key, r.number")
        for row in cur:
            yield Revision(*row)

    def revision(self, key: str, number: int) -> Revision:
        """``number`` is 1-based; 0 or negative counts back from the latest (-1: one before)."""
        aid = self._require_article(key)
        count = self.conn.execute(
            "select max(number) from revisions where article_id = ?", (aid,)
        ).fetchone()[0]
        n = number if number > 0 else count + number
        if not 0 < n <= count:
            raise UnknownRef(f"{key} has {count} revision(s); there is no {key}@{number}")
        row = self.conn.execute(
            _REV_SELECT + " where r.article_id = ? and r.number = ?", (aid, n)
        ).fetchone()
        if row is None:
            raise UnknownRef(f"{key} has {count} revision(s); there is no {key}@{number}")
        return Revision(*row)

    def latest(self, key: str) -> Revision:
        return self.revision(key, 0)

    def cached_parts(self, revision: Revision) -> str | None:
        row = self.conn.execute(
            "select r.parts from revisions r join articles a on a.id = r.article_id"
            " where a.key = ? and r.number = ?",
            (revision.article, revision.number),
        ).fetchone()
        return row[0] if row else None

    def _article_id(self, key: str) -> int | None:
        row = self.conn.execute("select id from articles where key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _require_article(self, key: str) -> int:
        aid = self._article_id(key)
        if aid is None:
            raise UnknownRef(f"no article {key!r} in the store")
        return aid

    # -- writing -------------------------------------------------------------

    def add(self, new: NewRevision) -> AddResult:
        """Store one revision (or nothing, if it equals the article's latest)."""
        return self._written(lambda: _Writer(self).add(new))

    def import_many(self, items: Iterable[NewRevision], progress: Any = None) -> ImportResult:
        """Store many revisions in one transaction, each article's in capture order.

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
            writer = _Writer(self)
            if isinstance(items, Iterator) or not _import_in_order(writer, items, progress):
                writer = _Writer(self)
                _import_staged(writer, items, progress)
            writer.flush_sketches()
            return writer

        writer = self._written(write)
        return ImportResult(writer.stored, writer.unchanged, len(writer.touched), writer.created)

    # -- derived data (a cache of pure functions of stored text) ---------------

    def cached_pairs(self, key: str) -> dict[tuple[int, int], tuple[str, str, str]]:
        """Cached comparisons of ``key``'s revisions: (from number, to number) ->
        (rules version, changes JSON, flags JSON)."""
        rows = self.conn.execute(
            "select o.number, n.number, p.rules, p.changes, p.flags from pairs p"
            " join revisions n on n.id = p.to_revision_id"
            " join revisions o on o.id = p.from_revision_id"
            " join articles a on a.id = n.article_id where a.key = ?",
            (key,),
        ).fetchall()
        return {(o, n): (rules, changes, flags) for o, n, rules, changes, flags in rows}

    def save_pairs(self, rows: list[tuple[str, int, int, str, str, str]]) -> int:
        """Keep computed comparisons: (key, from number, to number, rules, changes, flags).
        Best effort: a store that is read-only or busy keeps none and says 0."""
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
                " join revisions o on o.article_id = a.id and o.number = ?2"
                " join revisions n on n.article_id = a.id and n.number = ?3 where a.key = ?1",
                rows,
            )
            conn.execute("COMMIT")
        except sqlite3.DatabaseError:
            _rollback(conn)
            return 0
        return len(rows)

    def iter_cached_pairs(self) -> Iterator[tuple[Revision, Revision, str, str, str]]:
        """Every cached comparison with its two revisions (streamed)."""
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
        """Recompute every hash and parse, check numbering and SQLite's own
        integrity. Returns (revisions checked, faults)."""
        conn = self.conn
        faults: list[Fault] = []
        try:
            check = conn.execute("pragma integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            return 0, [Fault("sqlite", str(self.path), f"database is damaged: {exc}")]
        if check != [("ok",)]:
            faults.append(Fault("sqlite", str(self.path), "; ".join(r[0] for r in check[:5])))
            return 0, faults
        count = 0
        expected = 1
        current = None
        for key, number, sha, text, parts in conn.execute(
            "select a.key, r.number, r.sha256, r.text, r.parts from revisions r"
            " left join articles a on a.id = r.article_id order by a.key, r.number"
        ):
            count += 1
            if key is None:
                faults.append(Fault("orphan", f"revision #{number}", "revision belongs to no article"))
                continue
            if key != current:
                current, expected = key, 1
            ref = f"{key}@{number}"
            if number != expected:
                faults.append(Fault("numbering", ref, f"expected {key}@{expected}, found {ref}"))
            expected = number + 1
            fault = _content_fault(text, sha, parts)
            if fault:
                faults.append(Fault(fault[0], ref, fault[1]))
        return count, faults


def _content_fault(text: object, sha: object, parts: object) -> tuple[str, str] | None:
    """What is wrong with one stored revision's text, hash and cached parts.
    (One row cannot tell an altered text from an altered hash: both are one fault.)"""
    if not isinstance(text, str):
        return "hash", f"text is not text but {type(text).__name__} data"
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        return "hash", "stored sha256 is not 64 hex digits"
    if sha256_hex(text) != sha:
        return "hash", "text does not match its sha256"
    if parts != parts_json(parse(text)):
        return "parts", "cached parts differ from a fresh parse"
    return None


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


class _Writer:
    """Writes inside an open transaction; caches each article's latest state."""

    def __init__(self, store: Store) -> None:
        self.conn = store.conn
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
        key, joined = self._resolve(new, at)
        sha = new.prepared[0] if new.prepared else sha256_hex(new.text)
        state = self._state(key)
        new_article = state is None
        if state is None:
            aid = self.conn.execute(
                "insert into articles (key, url, created_at) values (?, ?, ?)", (key, new.url, at)
            ).lastrowid
            assert aid is not None
            number = 0
            self.created += 1
            self._unsketched.add(aid)
        else:
            aid, number, last_sha, last_at = state
            if number and last_sha == sha:
                rev = Revision(key, number, last_at, sha, new.text, new.source, new.url)
                return AddResult(rev, stored=False, joined=joined)
            if number and time_key(at) <= time_key(last_at) and self._has(aid, sha, at):
                # the same capture imported again: idempotent, not out of order
                rev = Revision(key, number, last_at, sha, new.text, new.source, new.url)
                return AddResult(rev, stored=False, joined=joined)
            if number and time_key(at) < time_key(last_at):
                raise OutOfOrder(
                    f"{key}@{number} was captured at {last_at}; a revision captured at {at}"
                    " cannot follow it"
                )
            if new.url and number:
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
        self.latest[key] = (aid, number, sha, at)
        self.touched.add(aid)
        self._dirty_sketch[aid] = rid
        if not defer_sketch:
            self.flush_sketches()
        rev = Revision(key, number, at, sha, new.text, new.source, new.url)
        return AddResult(rev, stored=True, joined=joined, new_article=new_article)

    def add_item(self, new: NewRevision) -> None:
        """``add`` for import: counted, and keyed items' sketches left for ``flush_sketches``."""
        # keyless items are matched by similarity, so they need fresh sketches
        res = self.add(new, defer_sketch=bool(new.article or new.url))
        self.stored += res.stored
        self.unchanged += not res.stored

    def _has(self, aid: int, sha: str, at: str) -> bool:
        return self.conn.execute(
            "select 1 from revisions where article_id = ? and sha256 = ? and captured_at = ?",
            (aid, sha, at),
        ).fetchone() is not None

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
