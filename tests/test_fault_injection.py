"""SQLite failing at every step of every write path: each outcome is all or nothing.

A progress handler on each connection the store module opens interrupts SQLite at its N-th call, for every N from the first statement of a
write to its end: the failing statement may be a read, an insert, a savepoint,
the COMMIT or the checkpoint that makes a new store whole. Afterwards the store
holds exactly the revisions it held before, or those plus all the new ones;
the failure was a StoreError (one line from the CLI); `verify` finds nothing.
In the second mode SQLite keeps failing after step N (as a full disk does),
so the ROLLBACK fails too and closing the connection has to undo the rest.

Guards: ``Store._write`` (rollback only while a transaction is open; SQLite's
errors as StoreError), ``Store._new``/``_publish`` (a new store appears whole
with its first commit, or not at all), the migrations' transaction.
"""

from __future__ import annotations

import shutil
import sqlite3
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from versioner.errors import StoreError
from versioner.store import NewRevision, Store
from versioner.store import connection as store_connection

POINTS = 60  # failure points tried per write path and mode, spread over all its steps


def _items(articles: int, per: int, start: int, ordered: bool = True) -> list[NewRevision]:
    items = [NewRevision(f"Story {a} at {start + i}\n\nIt counts {start + i} people in district {a}.\n",
                         article=f"story-{a}", captured_at=f"2026-03-01T{start + i:02d}:00:00Z")
             for i in range(per) for a in range(articles)]
    return items if ordered else items[::-1]


def _add_new(path: Path) -> None:
    with Store.open(path, create=True) as st:
        st.add(NewRevision("Ship sinks\n\nA ship sank with 40 people.\n", article="ship"))


def _add_existing(path: Path) -> None:
    with Store.open(path, create=True) as st:
        st.add(NewRevision("Ship sinks\n\nA ship sank with 45 people.\n", article="story-0"))


def _import_in_order(path: Path) -> None:
    with Store.open(path, create=True) as st:
        st.import_many(_items(3, 3, 10))


def _import_staged(path: Path) -> None:
    with Store.open(path, create=True) as st:
        st.import_many(_items(3, 3, 10, ordered=False))


def _make_base(path: Path) -> None:
    with Store.open(path, create=True) as st:
        st.import_many(_items(2, 2, 1))


def _make_empty(path: Path) -> None:
    with Store.open(path, create=True) as st:
        st.import_many(iter([]))  # the store appears, without revisions


def _make_m001(path: Path) -> None:
    """A store as the first migration left it (the fixture of test_schema)."""
    from sqlite_utils import Database

    from versioner.prepared import sha256_hex
    from versioner.store.schema import m001_articles_and_revisions

    db = Database(str(path))
    m001_articles_and_revisions(db)
    db.execute("create table _sqlite_migrations (id integer primary key, migration_set text, name text,"
               " applied_at text)")
    db.execute("insert into _sqlite_migrations (migration_set, name, applied_at) values"
               " ('versioner', 'm001_articles_and_revisions', '2026-11-01')")
    for i, text in enumerate(["Ship sinks\n\nA ship sank.\n", "Ship sinks\n\nA cargo ship sank.\n"], 1):
        if i == 1:
            db.execute("insert into articles (id, key, created_at) values (1, 'ship', '2026-11-01T00:00:00Z')")
        db.execute("insert into revisions (article_id, number, captured_at, sha256, text, parts) values"
                   " (1, ?, ?, ?, ?, '[]')", [i, f"2026-11-0{i}T00:00:00Z", sha256_hex(text), text])
    db.conn.commit()
    db.close()


def _migrate_and_add(path: Path) -> None:
    with Store.open(path) as st:
        st.add(NewRevision("Ship sinks\n\nA cargo ship sank off the coast.\n", article="ship"))


# write path -> (how the store looks before it: None for no store, the write)
PATHS: dict[str, tuple[Callable[[Path], None] | None, Callable[[Path], None]]] = {
    "add to a new store": (None, _add_new),
    "add to an existing store": (_make_base, _add_existing),
    "import in order": (_make_base, _import_in_order),
    "import out of order (staged)": (_make_base, _import_staged),
    # the bulk load: revisions_sha dropped, built again before the commit
    "import into a new store": (None, _import_in_order),
    "import into an empty store (staged)": (_make_empty, _import_staged),
    "migration of an old store, then add": (_make_m001, _migrate_and_add),
}


class _Faults:
    """A progress handler: interrupts SQLite at its ``at``-th call (and after, if persistent)."""

    def __init__(self, at: int, persistent: bool, every: int) -> None:
        self.at, self.persistent, self.every = at, persistent, every
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return int(self.calls == self.at or (self.persistent and self.calls > self.at))


class _FaultySqlite(types.ModuleType):
    """The sqlite3 module as the store module sees it, with a progress handler
    on every connection it opens."""

    def __init__(self, faults: _Faults) -> None:
        super().__init__("sqlite3")
        self._faults = faults

    def __getattr__(self, name: str) -> Any:
        return getattr(sqlite3, name)

    def connect(self, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = sqlite3.connect(*args, **kwargs)
        conn.set_progress_handler(self._faults, self._faults.every)
        return conn


@contextmanager
def _injected(monkeypatch: pytest.MonkeyPatch, faults: _Faults) -> Iterator[None]:
    with monkeypatch.context() as m:
        m.setattr(store_connection, "sqlite3", _FaultySqlite(faults))
        yield


def _revisions(path: Path) -> set[tuple[str, int, str]] | None:
    """What the store holds (None: no store), read behind versioner's back."""
    if not path.exists():
        return None
    conn = sqlite3.connect(path)
    try:
        return set(conn.execute("select a.key, r.number, r.sha256 from revisions r"
                                " join articles a on a.id = r.article_id"))
    finally:
        conn.close()


def _migrations(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [n for (n,) in conn.execute("select name from _sqlite_migrations order by id")]
    finally:
        conn.close()


def _schema(path: Path) -> list[tuple[str, str, str]]:
    """Every table, index and view and its SQL: an index dropped for a bulk load is back."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("select type, name, sql from sqlite_master order by type, name").fetchall()
    finally:
        conn.close()


def _calls(tmp: Path, make: Callable[[Path], None] | None, write: Callable[[Path], None],
           monkeypatch: pytest.MonkeyPatch) -> tuple[int, set[tuple[str, int, str]] | None]:
    """How many progress calls (at every VM step) the write takes, and what it stores."""
    path = tmp / "count.db"
    if make:
        make(path)
    counter = _Faults(0, False, 1)
    with _injected(monkeypatch, counter):
        write(path)
    return counter.calls, _revisions(path)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(PATHS))
def test_sqlite_failing_at_any_step_leaves_all_or_nothing(name: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    make, write = PATHS[name]
    base = tmp_path / "base.db"
    if make:
        make(base)
    before = _revisions(base)
    steps, after = _calls(tmp_path, make, write, monkeypatch)
    assert after is not None and after != before
    schemas = [_migrations(tmp_path / "count.db")] + ([_migrations(base)] if make else [])
    tables = _schema(tmp_path / "count.db")
    outcomes = {"nothing": 0, "all": 0, "all, reported failed": 0}
    every = max(1, steps // POINTS)
    for persistent in (False, True):
        for at in range(1, steps // every + 2):
            path = tmp_path / f"run-{persistent}-{at}.db"
            if make:
                shutil.copy(base, path)
            error: Exception | None = None
            with _injected(monkeypatch, _Faults(at, persistent, every)):
                try:
                    write(path)
                except StoreError as exc:
                    error = exc
                    assert "\n" not in str(exc)
            found = _revisions(path)
            assert found in (before, after), (persistent, at, error)
            if found == before:
                assert error is not None, (persistent, at)  # nothing stored: never reported stored
                outcomes["nothing"] += 1
            else:
                outcomes["all" if error is None else "all, reported failed"] += 1
            if found is not None:
                assert _migrations(path) in schemas, (persistent, at)  # no migration half done
                if _migrations(path) == schemas[0]:
                    assert _schema(path) == tables, (persistent, at)
                with Store.open(path) as st:
                    assert st.verify()[1] == []
            assert [p.name for p in tmp_path.iterdir() if ".new" in p.name] == []
    print(f"\n{name}: {steps} steps, failures at {2 * (steps // every + 1)} points: {outcomes}")
    assert outcomes["nothing"] >= 10 and outcomes["all"] >= 1


def test_a_write_that_sqlite_interrupts_is_one_line_from_the_cli(run: Callable[..., Any], store_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("add", "-", "--article", "ship", input="Ship sinks\n\nA ship sank.\n").exit_code == 0
    for at in (40, 400):  # while the store opens, while the revision is written
        with _injected(monkeypatch, _Faults(at, True, 1)):
            result = run("add", "-", "--article", "ship", input="Ship sinks\n\nA cargo ship sank.\n")
        assert result.exit_code == 2
        doing, rest = ("write to", "; nothing written") if at == 400 else ("open", "")
        assert result.stderr == f"versioner: cannot {doing} store {store_path}: interrupted{rest}\n"
    assert run("verify").exit_code == 0
