"""The PostgreSQL store: the same commands give the same documents as on SQLite,
16 processes adding to one article lose nothing and number it without gaps,
an import is all or nothing, verify finds a tampered row, and a store that
cannot be reached is one line and exit 2. (The store tests in test_store.py
and test_capture_times.py run on both backends through the ``store`` fixture.)"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from versioner.store import NewRevision, Store
from versioner.store.pg_schema import PG_MIGRATIONS
from versioner.store.schema import migrations

HELPER = Path(__file__).parent / "helpers" / "bulk_writer.py"
V1 = "Ship sinks off coast\n\nA cargo ship sank on Monday, officials said.\n"


def test_every_migration_has_its_postgresql_equivalent() -> None:
    assert [name for name, _ in PG_MIGRATIONS] == [m.name for m in migrations()._migrations]


def _documents(run: Callable[..., Any], store: str | Path) -> dict[str, str]:
    out = {}
    for args in (("list",), ("log", "vessa-landslide"), ("show", "balochistan-militants"),
                 ("diff", "balochistan-militants"), ("audit",)):
        result = run("--store", store, *args, "--format", "json")
        assert result.exit_code in (0, 1), result.stderr
        out[" ".join(args)] = result.stdout
    return out


def test_the_same_import_gives_the_same_documents_on_both_backends(
        run: Callable[..., Any], seeds_dir: Path, store_path: Path, pg_url: str) -> None:
    for store in (store_path, pg_url):
        assert run("--store", store, "import", seeds_dir).exit_code == 0
    sqlite_docs, pg_docs = _documents(run, store_path), _documents(run, pg_url)
    assert json.loads(pg_docs["list"])["articles"]
    assert pg_docs == sqlite_docs
    # a second audit reads the pair cache written by the first: the same again
    assert _documents(run, pg_url) == sqlite_docs
    result = run("--store", pg_url, "verify")
    assert result.exit_code == 0, result.stdout + result.stderr


def test_versioner_store_may_name_a_postgresql_url(
        run: Callable[..., Any], write: Callable[..., Path], pg_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERSIONER_STORE", pg_url)
    assert run("add", write("a.txt", V1), "--article", "ship").exit_code == 0
    with Store.open(pg_url) as store:
        assert [r.ref for r in store.revisions("ship")] == ["ship@1"]


def test_an_import_with_a_bad_file_late_writes_nothing(
        run: Callable[..., Any], write: Callable[..., Path], seeds_dir: Path, pg_url: str) -> None:
    assert run("--store", pg_url, "add", write("a.txt", V1), "--article", "ship").exit_code == 0
    before = run("--store", pg_url, "list", "--format", "json").stdout
    write("in/aaa/20260101T000000Z.txt", V1 + "More.\n")
    write("in/zz-last/20260505T000000Z.txt", b"Binary\n\x00\x01\x02 data\n")
    result = run("--store", pg_url, "import", Path("in"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert run("--store", pg_url, "list", "--format", "json").stdout == before


def test_verify_finds_a_text_altered_behind_versioners_back(
        run: Callable[..., Any], write: Callable[..., Path], pg_url: str) -> None:
    import psycopg

    assert run("--store", pg_url, "add", write("a.txt", V1), "--article", "ship").exit_code == 0
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("update revisions set text = text || 'x'")
    result = run("--store", pg_url, "verify")
    assert result.exit_code == 1
    assert "ship@1" in result.stderr and "sha256" in result.stderr, result.stderr


def test_a_store_that_cannot_be_reached_is_one_line_and_exit_2(
        sh: Callable[..., subprocess.CompletedProcess[bytes]], tmp_path: Path) -> None:
    result = sh("--store", f"postgresql://nobody@/none?host={tmp_path}", "list")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith("versioner: cannot open store postgresql://") and err.count("\n") == 1, err


def test_a_password_is_never_shown(sh: Callable[..., subprocess.CompletedProcess[bytes]],
                                   tmp_path: Path) -> None:
    result = sh("--store", f"postgresql://me:secret@/none?host={tmp_path}", "list")
    assert result.returncode == 2 and b"secret" not in result.stderr, result.stderr


@pytest.mark.slow
def test_16_processes_adding_to_one_article_lose_nothing_and_leave_no_gap(pg_url: str) -> None:
    """16 writers x 20 adds: half to one article all of them share, half to one
    a pair shares; every ref each was told is in the store, numbered 1..n."""
    writers, adds = 16, 20
    procs = [subprocess.Popen([sys.executable, str(HELPER), pg_url, str(w), str(adds)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for w in range(writers)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0] * writers, [err.decode() for _, err in outs]
    refs = [line for out, _ in outs for line in out.decode().split()]
    assert len(refs) == len(set(refs)) == writers * adds
    with Store.open(pg_url) as store:
        numbers = {a.key: [r.number for r in store.revisions(a.key)] for a in store.articles()}
        checked, faults = store.verify()
    assert faults == [] and checked == writers * adds
    assert len(numbers["shared"]) == writers * adds // 2
    assert all(v == list(range(1, len(v) + 1)) for v in numbers.values())
    assert sorted(refs) == sorted(f"{k}@{n}" for k, v in numbers.items() for n in v)


def _crawl(path: Path, keys: list[str], day: str) -> Path:
    """A JSON Lines import adding one revision to each of ``keys``, in that order."""
    with path.open("w", encoding="utf-8") as fh:
        for i, key in enumerate(keys):
            at = f"2026-03-{day}T{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z"
            fh.write(json.dumps({"article": key, "captured_at": at,
                                 "text": f"Story {key}\n\nAs captured on day {day}.\n"}) + "\n")
    return path


@pytest.mark.slow
def test_two_imports_taking_the_same_articles_in_opposite_orders_both_land(
        tmp_path: Path, pg_url: str, versioner_exe: str) -> None:
    # were each import to lock an article as it reaches it, one going up the keys and the
    # other down would wait for each other (deadlock_detected); an import holds one lock alone
    keys = [f"story-{i:04d}" for i in range(1500)]
    first = _crawl(tmp_path / "up.jsonl", keys, "01")
    second = _crawl(tmp_path / "down.jsonl", keys[::-1], "02")
    procs = [subprocess.Popen([versioner_exe, "--store", pg_url, "import", str(p)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for p in (first, second)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    with Store.open(pg_url) as store:
        counts = {n for (n,) in store.conn.execute(
            "select count(*) from revisions group by article_id").fetchall()}
    assert counts == {2}


def test_an_import_postgresql_ends_to_break_a_deadlock_is_run_again(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import versioner.store as store_module
    from versioner.errors import StoreError
    from versioner.store.backend import PgDeadlock

    calls = []
    real = store_module.import_all

    def deadlocked_once(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:  # as PostgreSQL ends the transaction that closes a cycle of waits
            raise PgDeadlock("deadlock detected")
        return real(*args)

    monkeypatch.setattr(store_module, "import_all", deadlocked_once)
    revisions = [NewRevision(V1, article="ship", captured_at="2026-03-01T00:00:00Z")]
    with Store.open(pg_url, create=True) as store:
        assert store.import_many(revisions).stored == 1 and len(calls) == 2
        # a one-shot iterator cannot be read again: the deadlock is the error, nothing written
        calls.clear()
        with pytest.raises(StoreError, match="deadlock detected; nothing written"):
            store.import_many(iter([NewRevision(V1 + "More.\n", article="ship")]))
        assert [r.ref for r in store.revisions("ship")] == ["ship@1"]


@pytest.fixture(scope="module")
def small_lock_table() -> Iterator[str]:
    """A PostgreSQL store on a cluster of its own whose lock table holds a few hundred
    locks (``max_locks_per_transaction`` x the server's backends): PostgreSQL's default
    holds about 7,000, which an import of 25,000 articles overflowed."""
    from pgcluster import Cluster

    cluster = Cluster("-c max_connections=10 -c max_locks_per_transaction=10 -c max_wal_senders=0"
                      " -c max_worker_processes=1 -c autovacuum=off")
    try:
        why = cluster.start()
        if why:
            pytest.skip(f"PostgreSQL tests skipped: {why}")
        yield cluster.new_schema()
    finally:
        cluster.stop()


def _story(key: str, day: int) -> NewRevision:
    return NewRevision(f"Story {key}\n\nAs captured on day {day}.\n", article=key,
                       captured_at=f"2026-03-{day:02d}T00:00:00Z")


def test_an_import_of_more_articles_than_the_lock_table_holds_lands(small_lock_table: str) -> None:
    # an import once took a transaction-long lock per article: "out of shared memory"
    keys = [f"story-{i:04d}" for i in range(3000)]
    with Store.open(small_lock_table, create=True) as store:
        assert store.import_many([_story(k, 1) for k in keys]).stored == 3000  # in capture order
        # a one-shot iterator is staged and sorted: the other way in
        assert store.import_many(iter([_story(k, 2) for k in reversed(keys)])).stored == 3000
        counts = {n for (n,) in store.conn.execute(
            "select max(number) from revisions group by article_id").fetchall()}
        checked, faults = store.verify()
    assert counts == {2} and checked == 6000 and faults == []


def _waiting_on_a_lock(url: str) -> bool:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            " and wait_event = 'advisory'").fetchone()[0] > 0


def test_an_add_while_an_import_runs_waits_for_it_and_numbers_after_it(pg_url: str) -> None:
    """The import holds one lock alone instead of one an article: an add to an article
    the import has not reached yet waits for the whole import, then follows it."""
    added: list[Any] = []

    def add() -> None:
        with Store.open(pg_url) as other:
            added.append(other.add(NewRevision(V1, article="story-b")).revision.ref)

    def crawl() -> Iterator[NewRevision]:
        yield _story("story-a", 1)  # the import holds its lock by now
        adder = threading.Thread(target=add)
        adder.start()
        while not _waiting_on_a_lock(pg_url):
            assert adder.is_alive(), "the add did not wait for the import"
            time.sleep(0.05)
        yield from (_story("story-b", 1), _story("story-b", 2))
        threads.append(adder)

    threads: list[threading.Thread] = []
    with Store.open(pg_url, create=True) as store:
        assert store.import_many(crawl()).stored == 3
        threads[0].join(timeout=60)
        assert added == ["story-b@3"]
        assert [r.text for r in store.revisions("story-b")][-1] == V1
        assert [r.number for r in store.revisions("story-b")] == [1, 2, 3]
