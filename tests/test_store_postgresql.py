"""The PostgreSQL store: the same commands give the same documents as on SQLite,
16 processes adding to one article lose nothing and number it without gaps,
an import is all or nothing, verify finds a tampered row, and a store that
cannot be reached is one line and exit 2. (The store tests in test_store.py
and test_capture_times.py run on both backends through the ``store`` fixture.)"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from versioner.store import Store
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
