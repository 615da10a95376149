"""Never lose a revision to a concurrent writer.

Guards: the write lock taken at the start of each write (``BEGIN IMMEDIATE``
in ``Store._write``), SQLite's busy timeout, and the bounded retry in
``store.connection._retry`` that ends in one clear line and exit 2. Without the early
lock two writers read the same max(number): one of them then fails with
SQLite's bare "database is locked", which these tests look for.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from versioner.store import Store

HELPER = Path(__file__).parent / "helpers" / "bulk_writer.py"
WRITERS = 8
ADDS = 50


def _numbering_and_verify(path: Path) -> tuple[dict[str, list[int]], int]:
    with Store.open(path) as store:
        numbers = {a.key: [r.number for r in store.revisions(a.key)] for a in store.articles()}
        checked, faults = store.verify()
    assert faults == []
    return numbers, checked


def _assert_clean(procs: list[subprocess.Popen[bytes]], outs: list[tuple[bytes, bytes]]) -> None:
    errors = [err.decode() for _, err in outs if err]
    assert [p.returncode for p in procs] == [0] * len(procs), errors
    # not even a warning: a lock is something to wait for, never to report
    assert all(b"locked" not in err and b"Traceback" not in err for _, err in outs), errors


def test_8_writers_x_50_adds_through_the_library_lose_nothing(tmp_path: Path) -> None:
    """400 adds from 8 processes at once, to one shared article and four pair
    articles: 400 revisions, each reported ref unique, numbering 1..n."""
    path = tmp_path / "store" / "versioner.db"
    procs = [
        subprocess.Popen([sys.executable, str(HELPER), str(path), str(w), str(ADDS)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for w in range(WRITERS)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    _assert_clean(procs, outs)
    refs = [line for out, _ in outs for line in out.decode().split()]
    assert len(refs) == len(set(refs)) == WRITERS * ADDS
    numbers, checked = _numbering_and_verify(path)
    assert checked == WRITERS * ADDS
    assert {k: len(v) for k, v in numbers.items()} == {
        "shared": WRITERS * ADDS // 2, **{f"pair-{i}": 2 * ADDS // 2 for i in range(WRITERS // 2)}}
    assert all(v == list(range(1, len(v) + 1)) for v in numbers.values())
    # what each writer was told is what the store holds
    assert sorted(refs) == sorted(f"{k}@{n}" for k, v in numbers.items() for n in v)


@pytest.mark.slow
def test_8_console_scripts_adding_at_once_lose_nothing(tmp_path: Path, versioner_exe: str) -> None:
    """The real `versioner add`, 8 processes x 3 adds, on a store none of them
    has created yet (the first writers race to create the schema too)."""
    rounds = 3
    files = []
    for w in range(WRITERS):
        for a in range(rounds):
            f = tmp_path / f"w{w}-{a}.txt"
            f.write_text(f"Writer {w} text {a}\n\nBody of add {a} by writer {w}.\n")
            files.append((w, a, f))
    path = tmp_path / "cli" / "versioner.db"
    path.parent.mkdir()
    env = {**os.environ, "VERSIONER_STORE": str(path)}
    outs: list[tuple[bytes, bytes]] = []
    procs: list[subprocess.Popen[bytes]] = []
    for a in range(rounds):
        # each round starts 8 processes together, so their adds overlap
        batch = [subprocess.Popen([versioner_exe, "add", str(f), "--article", "shared" if w % 2 else f"own-{w}"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
                 for w, aa, f in files if aa == a]
        outs += [p.communicate(timeout=60) for p in batch]
        procs += batch
    _assert_clean(procs, outs)
    numbers, checked = _numbering_and_verify(path)
    assert checked == WRITERS * rounds
    assert len(numbers["shared"]) == WRITERS // 2 * rounds
    assert all(v == list(range(1, len(v) + 1)) for v in numbers.values())
    assert Counter(out for out, _ in outs).most_common(1)[0][1] == 1  # no ref handed out twice


def test_a_lock_held_too_long_gives_one_clear_line_and_exit_2(store_path: Path, versioner_exe: str,
                                                               tmp_path: Path) -> None:
    """Bounded wait: with the lock held by someone else past the busy timeout
    (a setting, here 0.1 s) and the retries, `add` gives up with one line."""
    story = tmp_path / "a.txt"
    story.write_text("Ship sinks\n\nA ship sank.\n")
    env = {**os.environ, "VERSIONER_STORE": str(store_path)}
    assert subprocess.run([versioner_exe, "add", str(story), "--article", "ship"], env=env,
                          capture_output=True).returncode == 0
    story.write_text("Ship sinks\n\nA cargo ship sank.\n")
    holder = sqlite3.connect(store_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        result = subprocess.run([versioner_exe, "add", str(story), "--article", "ship"],
                                env={**env, "VERSIONER_BUSY_TIMEOUT": "0.1"}, capture_output=True, timeout=60)
        elapsed = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.startswith(b"versioner: store is busy: another process held its write lock")
    assert result.stderr.count(b"\n") == 1 and b"database is locked" not in result.stderr
    assert elapsed < 15
    with Store.open(store_path) as store:
        assert [r.number for r in store.revisions("ship")] == [1]  # nothing written


def test_a_bad_busy_timeout_setting_is_an_error_not_a_default(store_path: Path, run: Callable[..., Any],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("add", "-", "--article", "ship", input="Ship sinks\n\nA ship sank.\n").exit_code == 0
    monkeypatch.setenv("VERSIONER_BUSY_TIMEOUT", "soon")
    result = run("list")
    assert result.exit_code == 2
    assert result.stderr == "versioner: VERSIONER_BUSY_TIMEOUT must be seconds from 0 to 3600, not 'soon'\n"
