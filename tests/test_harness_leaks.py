"""What the tests start dies with the test run, however the run ends: a pytest
killed by SIGKILL (a timeout, an OOM kill) runs no fixture teardown and no
``finally``, and its PostgreSQL server once lived on with its data folder. A child
pytest holds the real ``pg_cluster`` fixture open (the held test below, idle unless
the child is told to hold), is killed, and the server and its folder must be gone
within seconds. A server started with ``lifeline.die_with_parent`` (Datasette's)
goes with the process that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pgcluster import Cluster, sweep_stale

HOLD = "VERSIONER_TEST_HOLD_PG"  # the file the held test names its cluster folder in
FORK = "VERSIONER_TEST_HOLD_FORK"  # set: the held test forks a process that outlives it


def test_a_held_cluster(pg_cluster: Cluster) -> None:
    """Run only by the tests below, in a child pytest: says where its cluster is, then waits to be killed."""
    hold = os.environ.get(HOLD)
    if not hold:
        pytest.skip("run by the cleanup tests in a child pytest")
    forked = 0
    if os.environ.get(FORK) and (forked := os.fork()) == 0:  # holds what pytest holds, the pipe too
        time.sleep(60)
        os._exit(0)
    Path(f"{hold}.part").write_text(f"{pg_cluster.dir} {forked}")
    os.replace(f"{hold}.part", hold)  # whole when it appears: the parent reads it at once
    time.sleep(120)


def _until(done: Callable[[], bool], seconds: float) -> bool:
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie awaiting its reaper is gone too
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return False


def _held(tmp_path: Path, fork: bool = False) -> tuple[subprocess.Popen[bytes], Path, int]:
    """A child pytest holding a started cluster: (the child, the cluster's folder, its server's pid)."""
    pytest.importorskip("psycopg", reason="PostgreSQL tests need psycopg (pip install -e '.[pg]')")
    hold = tmp_path / "held"
    child = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         f"{__file__}::test_a_held_cluster"], cwd=Path(__file__).parent.parent,
        env={**os.environ, HOLD: str(hold), **({FORK: "1"} if fork else {})}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT)
    if not _until(lambda: hold.exists() or child.poll() is not None, 90):
        child.kill()
        pytest.fail("the child pytest never started its cluster")
    if child.poll() is not None:
        out = child.communicate()[0].decode(errors="replace")
        if "skipped" in out and "PostgreSQL" in out:
            pytest.skip("no PostgreSQL server to start")
        pytest.fail(f"the child pytest ended before holding its cluster:\n{out[-2000:]}")
    folder = Path(hold.read_text().split()[0])
    server = int((folder / "data" / "postmaster.pid").read_text().split()[0])
    assert _running(server)
    return child, folder, server


def _watchdog_of(folder: Path) -> int:
    """The pid of the watchdog of a cluster folder (its command line names the folder)."""
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit() and _cmdline_has(proc, folder):
            return int(proc.name)
    raise AssertionError(f"no watchdog for {folder}")


def _state(folder: Path, server: int) -> str:
    """What is left, for a failure's message."""
    watchdogs = [p.name for p in Path("/proc").iterdir() if p.name.isdigit() and _cmdline_has(p, folder)]
    left = sorted(os.listdir(folder)) if folder.exists() else "gone"
    return f"server {server} running: {_running(server)}; folder: {left}; watchdog pids: {watchdogs}"


def _cmdline_has(proc: Path, folder: Path) -> bool:
    try:
        argv = (proc / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return b"--watch" in argv and str(folder).encode() in argv


def test_a_killed_run_leaves_no_server_and_no_folder(tmp_path: Path) -> None:
    child, folder, server = _held(tmp_path)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert _until(lambda: not _running(server), 10), _state(folder, server)
    assert _until(lambda: not folder.exists(), 10), _state(folder, server)


def test_a_killed_run_whose_forked_process_lives_on_leaves_no_server(tmp_path: Path) -> None:
    """A process the run forked holds the watchdog's pipe open: the run's pid going is enough."""
    child, folder, server = _held(tmp_path, fork=True)
    forked = int((tmp_path / "held").read_text().split()[1])
    try:
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert _until(lambda: not _running(server), 10), "the server outlived the killed test run"
        assert _until(lambda: not folder.exists(), 10)
    finally:
        os.kill(forked, signal.SIGKILL)


def test_a_run_killed_with_its_watchdog_is_swept_by_the_next(tmp_path: Path) -> None:
    child, folder, server = _held(tmp_path)
    os.kill(_watchdog_of(folder), signal.SIGKILL)  # the watchdog first: nothing cleans up
    child.send_signal(signal.SIGKILL)
    child.wait()
    time.sleep(0.5)
    assert _running(server) and folder.exists()  # leaked, as any run before the watchdog
    assert folder in sweep_stale()
    assert _until(lambda: not _running(server), 10) and not folder.exists()


_STARTER = """
import subprocess, sys, time
sys.path.insert(0, sys.argv[1])
from lifeline import die_with_parent
server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], preexec_fn=die_with_parent)
print(server.pid, flush=True)
time.sleep(120)
"""


def test_a_server_started_with_a_lifeline_dies_with_its_starter() -> None:
    helpers = str(Path(__file__).parent / "helpers")
    starter = subprocess.Popen([sys.executable, "-c", _STARTER, helpers], stdout=subprocess.PIPE)
    assert starter.stdout is not None
    server = int(starter.stdout.readline())
    assert _running(server)
    starter.send_signal(signal.SIGKILL)
    starter.wait()
    assert _until(lambda: not _running(server), 5), "the server outlived the process that started it"
