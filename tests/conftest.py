"""Shared fixtures: every test gets its own store and working directory.

``run`` drives the CLI in-process (typer's CliRunner); ``sh`` runs the
installed program in a subprocess, for pipes, exit codes and encodings.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from versioner.cli import app
from versioner.store import Store

sys.path.insert(0, str(Path(__file__).parent / "helpers"))
from pgcluster import Cluster  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
# The real wire story lives beside the project, not in it: a user's clone has no shared/.
SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
REUTERS_FILE = SHARED_SEEDS / "reuters-balochistan-2026-02-01.corrected.txt"


@pytest.fixture(autouse=True)
def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh store under tmp_path, tmp_path as the working directory, and a
    fixed, colourless terminal for rich."""
    store = tmp_path / "store" / "versioner.db"
    monkeypatch.setenv("VERSIONER_STORE", str(store))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("VERSIONER_PAGER", "")  # a test on a pseudo-terminal is not paged unless it asks
    for var in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "CLICOLOR_FORCE",
                "VERSIONER_MAX_BYTES", "VERSIONER_MAX_PARAGRAPHS", "VERSIONER_BUSY_TIMEOUT",
                "VERSIONER_ALLOW_FUTURE"):
        monkeypatch.delenv(var, raising=False)
    return store


@pytest.fixture
def store_path(hermetic: Path) -> Path:
    return hermetic


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throwaway PostgreSQL cluster for the session, stopped and removed at its end."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests need psycopg (pip install -e '.[pg]')")
    cluster = Cluster()
    try:
        why = cluster.start()
        if why:
            pytest.skip(f"PostgreSQL tests skipped: {why}")
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> str:
    """The URL of an empty PostgreSQL store of this test's own (a schema of its own)."""
    return pg_cluster.new_schema()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Each store test runs on both backends; one marked ``sqlite_only`` (it looks at
    the SQLite file itself: its folder, its mode, its PRAGMAs) on SQLite alone."""
    if request.param == "postgresql" and request.node.get_closest_marker("sqlite_only"):
        pytest.skip("SQLite-file-specific (sqlite_only): nothing to test on PostgreSQL")
    return str(request.param)


@pytest.fixture
def store_target(backend: str, store_path: Path, request: pytest.FixtureRequest) -> str | Path:
    """Where a store test's store is: the SQLite file, or a PostgreSQL URL."""
    if backend == "postgresql":
        return str(request.getfixturevalue("pg_url"))
    return store_path


@pytest.fixture
def store(store_target: str | Path) -> Iterator[Store]:
    """An open store, on each backend in turn."""
    st_ = Store.open(store_target, create=True)
    yield st_
    st_.close()


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def reuters_file() -> Path:
    if not REUTERS_FILE.is_file():
        pytest.skip("the real Reuters story is only in the project's shared/ folder")
    return REUTERS_FILE


@pytest.fixture
def run() -> Callable[..., Any]:
    """Invoke the CLI in-process; returns click's Result (stdout, stderr, exit_code)."""
    runner = CliRunner()

    def _run(*args: object, input: str | bytes | None = None) -> Any:
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    return _run


@pytest.fixture
def versioner_exe() -> str:
    """The installed console script."""
    exe = shutil.which("versioner") or str(Path(sys.executable).with_name("versioner"))
    if not Path(exe).is_file():
        pytest.skip("the versioner console script is not installed")
    return exe


@pytest.fixture
def sh() -> Callable[..., subprocess.CompletedProcess[bytes]]:
    """Run ``python -m versioner`` (or the console script, ``exe=``) in a subprocess."""

    def _sh(*args: object, input: bytes | None = None, exe: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
        cmd = [exe] if exe else [sys.executable, "-m", "versioner"]
        return subprocess.run(
            cmd + [str(a) for a in args], input=input, capture_output=True,
            env={**os.environ, **(env or {})}, timeout=60,
        )

    return _sh


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write text (UTF-8) or bytes to a file under tmp_path; returns its path."""

    def _write(name: str, content: str | bytes) -> Path:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        return p

    return _write


@pytest.fixture
def seeded(run: Callable[..., Any], seeds_dir: Path, store_path: Path) -> Path:
    """A store holding every sample chain of seeds/."""
    result = run("import", seeds_dir)
    assert result.exit_code == 0, result.stderr
    return store_path


@pytest.fixture
def snapshot(run: Callable[..., Any], store_path: Path) -> Callable[[], tuple[dict[str, str], str]]:
    """What a store holds: the hash of every file in its folder, and `list --format json`."""

    def _snapshot() -> tuple[dict[str, str], str]:
        files = {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(store_path.parent.iterdir()) if p.is_file()
        } if store_path.parent.is_dir() else {}
        listing = run("list", "--format", "json")
        return files, listing.stdout

    return _snapshot


@pytest.fixture
def sql(store_path: Path) -> Callable[..., list[tuple[Any, ...]]]:
    """Run SQL on the store behind versioner's back (tests of tampering and schema)."""

    def _sql(statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        conn = sqlite3.connect(store_path)
        try:
            rows = conn.execute(statement, params).fetchall()
            conn.commit()
            return rows
        finally:
            conn.close()

    return _sql


@pytest.fixture
def listing(run: Callable[..., Any]) -> Callable[[], dict[str, dict[str, Any]]]:
    """`list --format json` as {article key: its record}."""

    def _listing() -> dict[str, dict[str, Any]]:
        result = run("list", "--format", "json")
        assert result.exit_code == 0, result.stderr
        return {a["article"]: a for a in json.loads(result.stdout)["articles"]}

    return _listing


@pytest.fixture
def created(store_path: Path) -> str:
    """What the first write to the test's store says on stderr (issue 17: a store never appears silently)."""
    return f"versioner: created new store at {store_path}\n"
