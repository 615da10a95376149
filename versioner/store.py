"""Store stage: articles and their immutable revisions in SQLite (sqlite-utils).

All SQL of the project lives in this module. Every public write runs in one
``BEGIN IMMEDIATE`` transaction, so concurrent writers queue on SQLite's lock
(with a busy timeout) instead of racing for revision numbers.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from versioner import identity
from versioner.errors import BadInput, StoreError, UnknownRef
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
# how far ahead of the clock a capture time may be (time zones, clock skew)
FUTURE_LIMIT = timedelta(days=1)
# the name of the last migration in migrations.py (a test holds the two together)
LATEST_MIGRATION = "m003_revision_summary_index"


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
    kind: str  # "hash" | "numbering" | "parts" | "sqlite"
    where: str
    message: str


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_CANONICAL_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?Z", re.ASCII)
# the same shape as a SQLite GLOB, which skips rows that would not decode as text
_TIME_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z"


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
    """An open store. Use ``Store.open(path, create=...)``; close when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path, created: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.created = created  # this open made the file: a failed command removes it
        self.made_dir: Path | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, create: bool = False) -> Store:
        p = store_path(path)
        if p.exists():
            if p.is_dir():
                raise StoreError(f"store {p} is a directory, not a database file")
            _check_magic(p)
        elif not create:
            raise StoreError(f"no store at {p} (add a revision first, or pass --store)")
        created = not p.exists()
        made_dir = None
        if created:
            parent = p.parent if str(p.parent) else Path(".")
            made_dir = None if parent.exists() else parent
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create store directory {parent}: {exc.strerror}") from None
            if not os.access(parent, os.W_OK):
                raise StoreError(f"cannot write to store directory {parent}")
            created = cls._create_whole(p)
        try:
            conn = sqlite3.connect(str(p), timeout=busy_timeout(), check_same_thread=False)
            store = cls(conn, p, created)
            store.made_dir = made_dir
            store._migrate(create)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {p}: {exc}") from None
        return store

    @classmethod
    def _create_whole(cls, p: Path) -> bool:
        """Build a new store's schema in a file beside ``p`` and link it into
        place, so that a crash (SIGKILL, power) leaves no store or a whole one,
        never an empty database that read commands refuse. False when another
        process linked its own first (two first writers at once)."""
        tmp = p.with_name(f".{p.name}.{os.getpid()}.new")
        try:
            conn = sqlite3.connect(str(tmp), timeout=busy_timeout())
            try:
                cls(conn, tmp)._migrate(create=True)
            finally:
                conn.close()  # the last connection: checkpoints the WAL into the file
            try:
                os.link(tmp, p)  # atomic, and unlike a rename it never replaces a store
            except FileExistsError:
                return False
            except OSError:
                # a file system without hard links: rename, as atomic, checked first
                if p.exists():
                    return False
                os.replace(tmp, p)
            return True
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot create store {p}: {exc}") from None
        except OSError as exc:
            raise StoreError(f"cannot create store {p}: {exc.strerror}") from None
        finally:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)

    @property
    def db(self) -> Database:
        """The connection as a sqlite-utils Database (migrations, table access)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close()
        if exc_type is not None and self.created:
            # a command that failed on a store it had just created leaves no file behind
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            if self.made_dir is not None:
                try:
                    self.made_dir.rmdir()
                except OSError:
                    pass  # not empty: someone else's files are there

    def _migrate(self, create: bool) -> None:
        conn = self.conn
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            _retry(lambda: conn.execute("PRAGMA journal_mode=WAL"))
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        if _schema_is_current(conn):
            return  # the common case, answered without importing sqlite-utils
        from versioner.migrations import MIGRATIONS

        pending = MIGRATIONS.pending(self.db)
        if pending and not create and not self.db.table_names():
            # an empty file is a valid SQLite database, but not a store
            raise StoreError(f"{self.path} is not a versioner store (an empty database)")
        if pending:
            with self._write():
                MIGRATIONS.apply(self.db)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: committed whole or rolled back whole."""
        conn = self.conn
        _retry(lambda: conn.execute("BEGIN IMMEDIATE"))
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            _retry(lambda: conn.execute("COMMIT"))

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
        n = number if number > 0 else count + number
        if not 0 < n <= count:
            raise UnknownRef(f"{key} has {count} revision(s); there is no {key}@{number}")
        row = self.conn.execute(
            _REV_SELECT + " where r.article_id = ? and r.number = ?", (aid, n)
        ).fetchone()
        if row is None:
            raise UnknownRef(f"{key} has {count} revision(s); there is no {key}@{number}")
        return Revision(*row)

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

    def add(self, new: NewRevision, allow_future: bool = False) -> AddResult:
        """Store one revision in capture order: after the last one captured at or
        before it, renumbering later ones (a back-fill). Nothing is stored when its
        text equals the revision it would follow, or the same capture is stored.
        A capture time over a day ahead of the clock is refused unless allowed."""
        with self._write():
            writer = _Writer(self, allow_future)
            res = writer.add(new)
            writer.close_gaps()
            return res

    def import_many(self, items: Iterable[NewRevision], progress: Any = None,
                    allow_future: bool = False) -> ImportResult:
        """Store many revisions in one transaction, each article's in capture order
        (``add``'s rules, back-fills included).

        Input already in capture order (a crawl, an export) is written as it is
        read. Other input is staged in a temporary table and sorted by SQLite,
        so it is streamed too; a collection, or an iterable whose ``__iter__``
        starts over (``ingest.PathRevisions``), is then read a second time, and
        a one-shot iterator is staged from the start."""
        with self._write():
            writer = _Writer(self, allow_future)
            if isinstance(items, Iterator) or not _import_in_order(writer, items, progress):
                writer = _Writer(self, allow_future)
                _import_staged(writer, items, progress)
            writer.close_gaps()
            writer.flush_sketches()
        return ImportResult(writer.stored, writer.unchanged, len(writer.touched), writer.created,
                            writer.backfilled)

    # -- derived data (a cache of pure functions of stored text) ---------------

    def cached_pairs(self, key: str) -> dict[tuple[str, str], tuple[str, str, str]]:
        """Cached comparisons of ``key``'s revisions: (from sha256, to sha256) ->
        (rules version, changes JSON, flags JSON). Keyed by the texts, which a
        comparison is a function of: numbers move when a revision is back-filled."""
        rows = self.conn.execute(
            "select o.sha256, n.sha256, p.rules, p.changes, p.flags from pairs p"
            " join revisions n on n.id = p.to_revision_id"
            " join revisions o on o.id = p.from_revision_id"
            " join articles a on a.id = n.article_id where a.key = ?",
            (key,),
        ).fetchall()
        return {(o, n): (rules, changes, flags) for o, n, rules, changes, flags in rows}

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
            conn.execute("ROLLBACK")
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
        faults += self._capture_order_faults()
        return count, faults

    def _capture_order_faults(self) -> list[Fault]:
        """Revisions numbered against their capture times: every view takes number
        order for capture order. (Times that do not parse are another fault.)"""
        faults: list[Fault] = []
        prev: tuple[int, int, str] | None = None
        for aid, number, at in self.conn.execute(
            "select article_id, number, captured_at from revisions where captured_at glob ?"
            " order by article_id, number", (_TIME_GLOB,)
        ):
            if not _CANONICAL_TIME.fullmatch(at):
                continue
            if prev and prev[0] == aid and time_key(at) < time_key(prev[2]):
                key = self.conn.execute(
                    "select cast(key as blob) from articles where id = ?", (aid,)
                ).fetchone()[0].decode("utf-8", "replace")
                faults.append(Fault("numbering", f"{key}@{number}",
                                    f"captured {at}, before {key}@{prev[1]} ({prev[2]})"))
            prev = (aid, number, at)
        return faults


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


def _schema_is_current(conn: sqlite3.Connection) -> bool:
    """Has the latest migration been applied? (Migrations apply in order.)"""
    try:
        row = conn.execute(
            "select 1 from _sqlite_migrations where migration_set = 'versioner' and name = ?",
            (LATEST_MIGRATION,),
        ).fetchone()
    except sqlite3.OperationalError:
        return False  # no migrations table: a new store
    return row is not None


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
