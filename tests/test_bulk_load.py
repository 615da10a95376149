"""Bulk import into a SQLite store without revisions (issue 19, item 4): the index
no write reads is built after the load, in the same transaction, and a new store's
private file is written through a rollback journal (each page once) before it is
published in WAL mode. Whichever path runs, the rows, the schema and ``verify``
come out the same as on the general path; a failed import leaves the indexes.

Guards: ``bulk._drop_for_load`` and ``import_all``; ``Connection._write_once`` and
``_publish``. (Failures at every step of these paths: test_fault_injection.)
"""

from __future__ import annotations

import os
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from versioner.errors import BadInput
from versioner.store import NewRevision, Store
from versioner.store import connection as store_connection

pytestmark = pytest.mark.sqlite_only


def _items(shuffled: bool = False) -> list[NewRevision]:
    """Keyed chains (with a repeat, a back-fill once staged), captures of one URL
    without a key, and keyless texts placed by similarity."""
    items = []
    for i in range(60):
        a = i % 6
        text = f"Story {a} headline\n\nRevision {i // 6} says {i * 7} people were in district {a}.\n"
        items.append(NewRevision(text, f"story-{a}", captured_at=f"2026-03-01T{i // 6:02d}:{i % 6:02d}:00Z"))
    items.append(NewRevision(items[-1].text, "story-5", captured_at="2026-03-01T23:00:00Z"))  # unchanged
    for i in range(4):
        items.append(NewRevision(f"Bridge closed\n\nThe bridge stays closed for {i + 2} days.\n",
                                 url="https://news.example/bridge", captured_at=f"2026-03-02T0{i}:00:00Z"))
    for i in range(4):
        items.append(NewRevision(f"Harbour fire spreads\n\nFirefighters fought a blaze at the harbour"
                                 f" warehouse for {i + 3} hours on Sunday, the city said.\n",
                                 captured_at=f"2026-03-03T0{i}:00:00Z"))
    if shuffled:
        random.Random(19).shuffle(items)
    return items


def _schema(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """What the migrations made: every table, index and view with its SQL (not where
    it is in the file, nor in which order: an index made again comes later)."""
    return conn.execute("select type, name, tbl_name, sql from sqlite_master order by type, name").fetchall()


def _rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """Every imported revision as the store keeps it (another article's left out)."""
    return conn.execute(
        "select a.key, a.url, r.number, r.captured_at, r.sha256, r.text, r.parts, r.source, r.url, r.notices"
        " from revisions r join articles a on a.id = r.article_id where a.key != 'other'"
        " order by a.key, r.number").fetchall()


def _normal_schema(tmp_path: Path) -> list[tuple[Any, ...]]:
    with Store.open(tmp_path / "normal.db", create=True) as st:
        st.add(NewRevision("Ship sinks\n\nA ship sank.\n", "ship"))
        return _schema(st.conn)


def _empty_store(path: Path) -> Path:
    with Store.open(path, create=True) as st:
        st.import_many(iter([]))  # the store appears, without revisions
    return path


def test_an_import_into_a_store_without_revisions_builds_revisions_sha_after_the_load(tmp_path: Path) -> None:
    statements: list[str] = []
    with Store.open(_empty_store(tmp_path / "v.db")) as st:
        st.conn.set_trace_callback(statements.append)
        st.import_many(_items())
        st.conn.set_trace_callback(None)
        assert _schema(st.conn) == _normal_schema(tmp_path)
    inserts = [i for i, s in enumerate(statements) if s.startswith("insert into revisions")]
    dropped = statements.index('drop index "revisions_sha"')
    made = statements.index("CREATE INDEX revisions_sha on revisions(sha256)")
    commit = statements.index("COMMIT")
    assert dropped < inserts[0] and inserts[-1] < made < commit
    assert statements.count("COMMIT") == 1  # the load and its index in one transaction


def test_an_import_into_a_store_with_revisions_keeps_its_indexes(tmp_path: Path) -> None:
    statements: list[str] = []
    with Store.open(tmp_path / "v.db", create=True) as st:
        st.add(NewRevision("Ship sinks\n\nA ship sank.\n", "other"))
        st.conn.set_trace_callback(statements.append)
        st.import_many(_items())
    assert not [s for s in statements if "index" in s.lower()]


def test_the_first_import_into_a_new_store_writes_it_once_not_through_the_wal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, the load went to the private file's WAL and was copied into the file
    by the checkpoint that publishes it: each page written twice."""
    wal_at_publish = []
    publish = store_connection.Connection._publish

    def _publish(self: store_connection.Connection) -> bool:
        assert self.pending is not None
        wal = Path(f"{self.pending}-wal")
        wal_at_publish.append(wal.stat().st_size if wal.exists() else 0)
        return publish(self)

    monkeypatch.setattr(store_connection.Connection, "_publish", _publish)
    with Store.open(tmp_path / "v.db", create=True) as st:
        st.import_many(_items())
        assert st.conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert st.conn.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL, as every store opens
    assert wal_at_publish == [0]
    assert sorted(os.listdir(tmp_path)) == ["v.db"]  # no private file, no journal left
    assert (tmp_path / "v.db").read_bytes()[18:20] == b"\x02\x02"  # WAL mode in the file's header


@pytest.mark.parametrize("shuffled", [False, True], ids=["in order", "staged"])
def test_new_empty_and_used_stores_get_the_same_rows_and_schema(tmp_path: Path, shuffled: bool) -> None:
    """The same import into a new store, an empty one (both loaded without revisions_sha)
    and one with revisions (the general path): the same revisions, parts, numbers and
    articles; the schema of a store made by ``add``; ``verify`` clean."""
    used = tmp_path / "used.db"
    with Store.open(used, create=True) as st:
        st.add(NewRevision("Rates cut\n\nThe central bank cut its rate by half a point.\n", "other",
                           captured_at="2026-02-01T00:00:00Z"))
    outcomes = []
    for path in (tmp_path / "new.db", _empty_store(tmp_path / "empty.db"), used):
        with Store.open(path, create=True) as st:
            res = st.import_many(_items(shuffled))
            assert st.verify()[1] == []
            outcomes.append((res, _rows(st.conn), _schema(st.conn)))
    assert outcomes[0] == outcomes[1] == outcomes[2]
    assert outcomes[0][2] == _normal_schema(tmp_path)
    res = outcomes[0][0]
    assert (res.stored, res.unchanged) == (len(outcomes[0][1]), 1) == (68, 1)  # the repeat unchanged
    assert len({row[0] for row in outcomes[0][1]}) == 8  # 6 keys, one URL, the keyless texts grouped


def test_a_failed_import_into_an_empty_store_leaves_its_indexes_and_no_rows(tmp_path: Path) -> None:
    class Items:
        def __iter__(self) -> Iterator[NewRevision]:
            yield from _items()
            raise BadInput("line 69 cannot be read")

    path = _empty_store(tmp_path / "v.db")
    with Store.open(path) as st:
        with pytest.raises(BadInput, match="line 69"):
            st.import_many(Items())
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from revisions").fetchone() == (0,)
        assert _schema(conn) == _normal_schema(tmp_path)
