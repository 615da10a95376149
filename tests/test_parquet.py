"""`export DIR --format parquet` and `import DIR`: a store goes out as Parquet
partitioned by capture day, readable without versioner, and comes back (to
SQLite or PostgreSQL) giving the same documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs pyarrow (pip install -e '.[parquet]')")


def _derived(store: str | Path) -> tuple[Any, ...]:
    """The store's derived rows as they would be saved: pairs, verdicts, notices."""
    from versioner.store import Store

    with Store.open(store) as st:
        pairs = sorted((o.ref, n.ref, rules, changes, flags)
                       for o, n, rules, changes, flags in st.iter_cached_pairs())
        return (pairs, *st.stored_verdicts())


def _docs(run: Callable[..., Any], store: str | Path) -> list[str]:
    return [run("--store", store, *args, "--format", "json").stdout
            for args in (("list",), ("log", "balochistan-militants"), ("audit",))]


def test_an_export_read_back_gives_the_same_store(run: Callable[..., Any], seeded: Path,
                                                   tmp_path: Path) -> None:
    assert run("audit").exit_code == 0  # fills the pair cache: pairs and flags to export
    result = run("export", tmp_path / "out", "--format", "parquet")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("exported 17 revision(s), ")
    days = sorted(p.name for p in (tmp_path / "out" / "revisions").iterdir())
    assert days and all(d.startswith("day=20") and len(d) == len("day=2026-02-01") for d in days)
    # read as any Parquet reader would, without versioner
    table = pq.read_table(tmp_path / "out" / "revisions")
    assert table.num_rows == 17
    assert {"article", "number", "captured_at", "sha256", "text", "day"} <= set(table.column_names)
    assert pq.read_table(tmp_path / "out" / "flags").num_rows > 0
    copy = tmp_path / "copy.db"
    result = run("--store", copy, "import", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("imported 17 revision(s)")
    # the derived data comes back too: the copy's verdicts are stored before it is audited
    assert pq.read_table(tmp_path / "out" / "verdicts").num_rows == 17
    assert _derived(copy) == _derived(seeded) and _derived(copy)[1]
    assert _docs(run, copy) == _docs(run, seeded)


def test_an_export_moves_a_store_to_postgresql(run: Callable[..., Any], seeded: Path, tmp_path: Path,
                                               pg_url: str) -> None:
    assert run("audit").exit_code == 0
    assert run("export", tmp_path / "out").exit_code == 0
    assert run("--store", pg_url, "import", tmp_path / "out").exit_code == 0
    assert _derived(pg_url) == _derived(seeded) and _derived(pg_url)[2]
    assert _docs(run, pg_url) == _docs(run, seeded)


def test_export_writes_only_into_a_new_or_empty_folder(run: Callable[..., Any], seeded: Path,
                                                      write: Callable[..., Path], tmp_path: Path) -> None:
    write("out/keep.txt", "mine")
    result = run("export", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr == f"versioner: {tmp_path / 'out'} is not an empty folder: export writes only into a new one\n"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["keep.txt"]
