"""The store's SQLite connection: opening (read-only, immutable, a new store's
private file and its publication), transactions, retries, and SQLite's failures
as one line each."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self, TypeVar

from versioner.errors import StoreError
from versioner.store.backend import POSTGRESQL, PgConnection, PgDeadlock, dialect_of, postgres_url, shown_url
from versioner.store.files import (
    clean_stale,
    link_new,
    outermost_missing,
    private_file,
    remove_empty_dirs,
    remove_files,
)
from versioner.store.schema import OLDEST_READABLE, migrations, schema_is_current
from versioner.store.settings import DEFAULT_STORE, busy_timeout, store_path

if TYPE_CHECKING:
    from sqlite_utils import Database

_SQLITE_MAGIC = b"SQLite format 3\x00"
_T = TypeVar("_T")


class Connection:
    """An open store's connection and its transactions (``Store`` adds what it
    reads and writes). Use ``Store.open(path, create=..., readonly=...)``."""

    def __init__(self, conn: sqlite3.Connection, path: Path | str, pending: Path | None = None) -> None:
        self.conn = conn
        self.path = path  # a str: a PostgreSQL store's URL, its password left out
        # a new store not yet visible at ``path``: its private file, linked into place
        # by the first commit (``_publish``) and removed if there is none
        self.pending = pending
        self.made_dir: Path | None = None  # the outermost folder made for a new store
        # told the path when this process's first commit has made a new store appear
        # (the command line says so: a store never appears silently)
        self.on_create: Callable[[Path], None] | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, create: bool = False,
             readonly: bool = False) -> Self:
        """The store at ``path``. ``create``: a new path is fine (the store appears
        with the first commit). ``readonly``: for commands that only read, which
        never create, migrate or need to write the store (read-only files and
        folders are read; the pair cache is saved only where it can be)."""
        url = postgres_url(path)
        if url is not None:
            return cls._open_postgres(url)
        p = store_path(path)
        if not _is_store_file(p):
            if not create:
                raise StoreError(f"no store at {p} (add a revision first, or pass --store)")
            return cls._new(p)
        _check_magic(p)
        if readonly:
            return cls._open_reading(p)
        clean_stale(p)
        store = cls(_connect(p), p)
        # ``create``: an empty file given as the store (``mktemp``) gets the schema
        return store._set_up(lambda: store._migrate(create=create))

    @classmethod
    def _open_postgres(cls, url: str) -> Self:
        """A PostgreSQL store: its database must exist (an empty one gets the
        schema); there is no private file to publish, as a transaction is private."""
        from versioner.store.pg_schema import pg_migrate, pg_schema_is_current

        conn: Any = PgConnection(url)
        store = cls(conn, shown_url(url))
        try:
            # a writer waits this long for another's lock on an article, then says so
            conn.execute(f"set lock_timeout = {int(busy_timeout() * 1000)}")
            if not pg_schema_is_current(conn):
                store._attach(lambda: pg_migrate(conn, store._written))
        except BaseException:
            store.close()
            raise
        return store

    @property
    def dialect(self) -> str:
        return dialect_of(self.conn)

    @property
    def file(self) -> Path:
        """A SQLite store's file (what only a SQLite store has: its private file, its folder)."""
        assert isinstance(self.path, Path)
        return self.path

    @classmethod
    def _new(cls, p: Path) -> Self:
        """A store for a path where there is none: its schema is built in a file
        of this process's own beside ``p``, and the first commit links it into
        place. So no other process can see, open or write a store until a write
        to it has succeeded, and a command that fails leaves nothing behind:
        a store once visible is never removed."""
        parent = p.parent if str(p.parent) else Path(".")
        if not parent.is_dir() and not _is_store_folder(parent):
            # a mistyped --store must not make folders: only a `store` folder, as the default's
            raise StoreError(f"cannot create store {p}: no folder {parent} (make it first; only a folder"
                             " named store is made when missing)")
        made = outermost_missing(parent)
        for attempt in range(3):
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create store directory {parent}: {exc.strerror}") from None
            if not os.access(parent, os.W_OK):
                raise StoreError(f"cannot write to store directory {parent}")
            clean_stale(p)
            tmp = private_file(p)
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
        return store._set_up(lambda: store._migrate(create=True))

    @classmethod
    def _open_reading(cls, p: Path) -> Self:
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
        return store._set_up(store._check_readable)

    def _check_readable(self) -> None:
        """Read commands read any schema from ``OLDEST_READABLE`` on without
        migrating it; an older one is migrated where the store can be written."""
        if schema_is_current(self.conn, OLDEST_READABLE):
            return
        try:
            self._attach(lambda: self._migrate(create=False))
        except StoreError as exc:
            if "read-only" not in str(exc):
                raise
            raise StoreError(f"store {self.path} is read-only, and its schema is older than this"
                             " versioner reads without migrating it (a write migrates it where it can)"
                             ) from None

    def _set_up(self, setup: Callable[[], None]) -> Self:
        """``_attach`` on a store just opened; when it fails, the store is closed (a new
        store's private file removed) before the error goes on."""
        try:
            self._attach(setup)
        except BaseException:
            self.close()
            raise
        return self

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
            remove_files(self.pending)  # no write committed: the new store never appears
            self.pending = None
            remove_empty_dirs(self.file.parent, self.made_dir)

    def __enter__(self) -> Self:
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
            # in WAL mode before any other process can open it (``_write_once``: a rollback journal)
            self.conn.execute("PRAGMA main.journal_mode=WAL")
            # the whole store into the one file that is linked: a WAL left beside it would be lost
            busy, frames, done = self.conn.execute("PRAGMA main.wal_checkpoint(TRUNCATE)").fetchone()
            self.conn.close()
            if busy or frames != done:
                raise StoreError(f"cannot create store {self.path}: its first write could not be"
                                 " checkpointed; nothing written")
            linked = link_new(tmp, self.file)
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, "cannot create") from None
        finally:
            self.conn.close()
            remove_files(tmp)
        self.conn = _connect(self.file)
        self._attach(lambda: self._migrate(create=False))
        if linked and self.on_create is not None:
            self.on_create(self.file)
        return linked

    def _write_once(self) -> None:
        """Before a large write to a new store's private file, which no other process
        can open: a rollback journal instead of the WAL, so that each page is written
        to disk once, not to the WAL and again by the checkpoint that publishes the
        store (a third of the writer's time in a bulk import). ``synchronous=FULL`` keeps the
        commit as durable as WAL's is; ``_publish`` turns WAL on again."""
        if self.pending is None:
            return
        try:
            self.conn.execute("PRAGMA main.journal_mode=DELETE")
            self.conn.execute("PRAGMA synchronous=FULL")
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, "cannot write to") from None

    def _migrate(self, create: bool) -> None:
        conn = self.conn
        if not create and not conn.execute("select count(*) from sqlite_master").fetchone()[0]:
            # an empty file is a valid SQLite database, but not a store (and is left as it is)
            raise StoreError(f"{self.path} is not a versioner store (an empty database)")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            _retry(lambda: conn.execute("PRAGMA journal_mode=WAL"))
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        if schema_is_current(conn):
            return  # the common case, answered without importing sqlite-utils
        pending = migrations()
        if pending.pending(self.db):
            with self._write():
                pending.apply(self.db)

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
                rollback(conn)
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
        if self.dialect == POSTGRESQL:
            error = Deadlock if isinstance(exc, PgDeadlock) else StoreError
            return error(f"{doing} store {self.path}: {exc}"
                         + ("" if doing == "cannot open" else "; nothing written"))
        return _failure(self.file, exc, doing)

    @contextmanager
    def _lenient_text(self) -> Iterator[None]:
        """Text cells read without raising: undecodable ones as ``Undecodable`` bytes."""
        conn = self.conn
        before = conn.text_factory
        conn.text_factory = _lenient_decode
        try:
            yield
        finally:
            conn.text_factory = before


def _is_store_folder(folder: Path) -> bool:
    """``folder`` is named as the default store's (``store``) and its own folder exists."""
    return folder.name == DEFAULT_STORE.parent.name and (folder.parent if str(folder.parent) else Path(".")).is_dir()


class Deadlock(StoreError):
    """A write PostgreSQL ended to break a deadlock; nothing of it was written."""


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


def rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:  # an error (disk full, damage) may have ended it already
        try:
            conn.execute("ROLLBACK")
        except sqlite3.DatabaseError:
            pass  # closing the connection rolls back whatever is left

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


def fetched(cur: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    while rows := cur.fetchmany(500):
        yield from rows


class Undecodable(bytes):
    """A text cell whose bytes are not UTF-8 (read under ``Store._lenient_text``)."""


def _lenient_decode(raw: bytes) -> str | bytes:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return Undecodable(raw)


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
    if type(exc) is sqlite3.DatabaseError or is_undecodable(exc):
        # SQLITE_CORRUPT and SQLITE_NOTADB ("database disk image is malformed",
        # "file is not a database") are plain DatabaseErrors
        return damaged(path, str(exc))
    return StoreError(f"store {path}: {exc}")


def _raised_by_sqlite(exc: Exception) -> bool:
    """Was ``exc`` raised by a call into SQLite? The innermost Python frame is then
    code that talks to SQLite (the store package or sqlite-utils), which decodes nothing
    else that could fail."""
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    module = str(tb.tb_frame.f_globals.get("__name__", ""))
    return module == "versioner.store" or module.startswith(("versioner.store.", "sqlite_utils"))


def is_undecodable(exc: Exception) -> bool:
    return str(exc).startswith("Could not decode to UTF-8")


