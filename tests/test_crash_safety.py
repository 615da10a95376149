"""A `versioner import` killed at any moment leaves all of it or none of it.

Guards: the single ``BEGIN IMMEDIATE`` transaction around the whole import
(``Store.import_many``) and WAL journaling with SQLite's recovery on the next
open. Were each revision committed on its own, a kill would leave part of
the import, which the count below would catch.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from versioner.store import Store

ARTICLES = 40
ITEMS = 3000  # about half a second of import on a small machine
KILLS = 24


def _jsonl(path: Path, items: int, start_hour: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(items):
            key = f"story-{i % ARTICLES}"
            minute = start_hour * 60 + i // ARTICLES
            fh.write(json.dumps({
                "article": key,
                "captured_at": f"2026-03-01T{minute // 60:02d}:{minute % 60:02d}:00Z",
                "text": f"Headline of {key}\n\nRevision {i} counts {i * 3} people in {i % 7} districts.\n\n"
                        f"A second paragraph, number {i}.",
            }) + "\n")


def _state(path: Path) -> int:
    """Revisions in the store; the store must open and verify clean."""
    with Store.open(path) as store:
        checked, faults = store.verify()
        numbers = [[r.number for r in store.revisions(a.key)] for a in store.articles()]
    assert faults == []
    assert all(n == list(range(1, len(n) + 1)) for n in numbers)
    return checked


@pytest.mark.slow
def test_import_killed_at_random_moments_leaves_all_of_it_or_none(tmp_path: Path, versioner_exe: str) -> None:
    base_store = tmp_path / "base.db"
    _jsonl(tmp_path / "base.jsonl", 200, 0)
    env = {**os.environ, "VERSIONER_STORE": str(base_store)}
    assert subprocess.run([versioner_exe, "import", str(tmp_path / "base.jsonl")], env=env,
                          capture_output=True, timeout=60).returncode == 0
    base = _state(base_store)  # also checkpoints: the copies below are one whole file
    big = tmp_path / "big.jsonl"
    _jsonl(big, ITEMS, 6)

    # calibrate: how long one whole import takes here, start-up included
    work = tmp_path / "work.db"
    shutil.copy(base_store, work)
    started = time.monotonic()
    done = subprocess.run([versioner_exe, "--store", str(work), "import", str(big)], capture_output=True, timeout=60)
    whole = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert _state(work) == base + ITEMS

    rng = random.Random(20260201)
    outcomes = {"none": 0, "all": 0}
    for _ in range(KILLS):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        shutil.copy(base_store, work)
        proc = subprocess.Popen([versioner_exe, "--store", str(work), "import", str(big)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # most kills land while the import is writing; a few after it ended
        time.sleep(rng.uniform(0.1, 1.1) * whole)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        count = _state(work)
        assert count in (base, base + ITEMS), count
        outcomes["all" if count == base + ITEMS else "none"] += 1
    print(f"\n{KILLS} kills of an import of {ITEMS} revisions ({whole:.2f} s whole): {outcomes}")
    # the kills were real interruptions, not all after the end
    assert outcomes["none"] >= KILLS // 3
    # and the store takes the same import afterwards as if nothing had happened
    assert subprocess.run([versioner_exe, "--store", str(work), "import", str(big)],
                          capture_output=True, timeout=60).returncode == 0
    assert _state(work) == base + ITEMS


@pytest.mark.slow
def test_the_first_import_killed_while_creating_the_store_leaves_no_store_or_a_whole_one(
        tmp_path: Path, versioner_exe: str) -> None:
    """Guards ``Store._new`` and ``Store._publish``: the store is built beside
    its path and linked into place with its first commit. Built in place, a kill between creating the file and
    committing the schema left an empty database that `verify` and every read
    command refused (7 kills in 30 did)."""
    src = tmp_path / "in.jsonl"
    _jsonl(src, 300, 0)
    # calibrate: when does the store file appear on this machine, under this load?
    probe = tmp_path / "probe" / "versioner.db"
    probe.parent.mkdir()
    started = time.monotonic()
    proc = subprocess.Popen([versioner_exe, "--store", str(probe), "import", str(src)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not probe.exists() and proc.poll() is None:
        time.sleep(0.002)
    appears = time.monotonic() - started
    assert proc.wait(timeout=60) == 0
    rng = random.Random(7)
    seen = {"no store": 0, "whole": 0}
    delay = appears
    for i in range(20):
        path = tmp_path / f"s{i}" / "store" / "versioner.db"
        path.parent.parent.mkdir()  # the store folder itself is made with the store
        proc = subprocess.Popen([versioner_exe, "--store", str(path), "import", str(src)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay * rng.uniform(0.9, 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        # walk the kill time towards the moment of creation, whatever this machine's speed
        if not path.exists():
            seen["no store"] += 1
            delay *= 1.15
            continue
        delay *= 0.87
        assert _state(path) in (0, 300)  # opens, verifies, all or nothing
        seen["whole"] += 1
        # a temporary file of a killed creation may stay behind; never a second store
        assert {p.name for p in path.parent.iterdir()} <= {
            "versioner.db", "versioner.db-wal", "versioner.db-shm"} | {
            p.name for p in path.parent.glob(".versioner.db.*.new*")}
    print(f"\nfirst import killed 20 times around {appears:.2f} s: {seen}")
    assert seen["whole"] >= 3 and seen["no store"] >= 3  # the kills did straddle the creation
