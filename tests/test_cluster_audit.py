"""`audit --workers N` on a local Dask cluster: the same document as the
single-process audit, and the comparisons the workers computed written back to
the store's pair cache by the one writer (a second audit then computes none)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed", reason="audit --workers needs Dask (pip install -e '.[dask]')")


def _verdicts(path: Path) -> tuple[Any, ...]:
    from versioner.store import Store

    with Store.open(path) as st:
        return st.stored_verdicts()


def _pairs(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("select count(*) from pairs").fetchone()[0])


@pytest.mark.slow
def test_audit_on_two_workers_is_the_single_process_audit(
        run: Callable[..., Any], seeds_dir: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    for store in (one, two):
        assert run("--store", store, "import", seeds_dir).exit_code == 0
    alone = run("--store", one, "audit", "--format", "json")
    assert _pairs(two) == 0
    spread = run("--store", two, "audit", "--format", "json", "--workers", "2")
    assert spread.exit_code == alone.exit_code == 0, spread.stderr
    assert spread.stdout == alone.stdout
    assert _pairs(two) == _pairs(one) > 0  # written back by this process
    assert _verdicts(two) == _verdicts(one) and _verdicts(one)[0]  # so are the verdicts
    since = ("--since", "2026-01-01", "--format", "markdown")
    assert run("--store", two, "audit", *since, "--workers", "1").stdout == run("--store", one, "audit", *since).stdout


@pytest.mark.slow
def test_audit_of_a_postgresql_store_on_workers(run: Callable[..., Any], seeds_dir: Path, pg_url: str,
                                                store_path: Path) -> None:
    for store in (store_path, pg_url):
        assert run("--store", store, "import", seeds_dir).exit_code == 0
    spread = run("--store", pg_url, "audit", "--format", "json", "--workers", "2")
    assert spread.exit_code == 0, spread.stderr
    assert spread.stdout == run("--store", store_path, "audit", "--format", "json").stdout


def test_workers_must_be_one_or_more(run: Callable[..., Any], seeded: Path) -> None:
    result = run("audit", "--workers", "0")
    assert result.exit_code == 2 and result.stderr == "versioner: --workers must be 1 or more\n"


def test_an_unreachable_scheduler_is_one_line_and_exit_2_at_once(
        sh: Callable[..., Any], seeded: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = sh("audit", "--scheduler", f"tcp://127.0.0.1:{port}")
    assert result.returncode == 2 and result.stdout == b""
    # refused, said as such: not Dask's retries until its 30 s timeout
    assert result.stderr.decode() == (
        f"versioner: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: connection refused\n")


@pytest.mark.slow
def test_a_worker_killed_mid_run_costs_only_its_partitions(
        sh: Callable[..., Any], seeded: Path, tmp_path: Path) -> None:
    import os
    import signal

    from distributed import Client, LocalCluster, WorkerPlugin

    log, dead = tmp_path / "ran.log", tmp_path / "dead"

    class KillFirstWorker(WorkerPlugin):  # defined here: pickled by value to the workers
        """Each partition run is logged with its worker's pid; the first worker to start
        one is killed (SIGKILL) then and there, once (a replacement worker lives on)."""

        def __init__(self, log: str, dead: str) -> None:
            self.log, self.dead = log, dead

        def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
            if finish != "executing":
                return
            with open(self.log, "a") as fh:
                fh.write(f"{os.getpid()} {key}\n")
            try:
                fd = os.open(self.dead, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                return
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
            os.kill(os.getpid(), signal.SIGKILL)

    alone = sh("audit", "--format", "json")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      scheduler_port=0, dashboard_address=None, silence_logs=50) as cluster, \
            Client(cluster) as client:
        client.register_plugin(KillFirstWorker(str(log), str(dead)))
        spread = sh("audit", "--format", "json", "--scheduler", cluster.scheduler_address)
    assert spread.returncode == alone.returncode == 0, spread.stderr
    assert spread.stdout == alone.stdout
    killed = dead.read_text()
    runs: dict[str, list[str]] = {}
    for line in log.read_text().splitlines():
        pid, key = line.split(" ", 1)
        runs.setdefault(key, []).append(pid)
    assert len(runs) == 7  # the seeds' 7 articles, one a partition
    again = {key for key, pids in runs.items() if len(pids) > 1}
    assert again and all(runs[key][0] == killed for key in again)  # only the dead worker's ran twice
    assert all(killed not in pids[1:] for pids in runs.values())
