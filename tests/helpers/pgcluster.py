"""A throwaway PostgreSQL cluster for the tests: Debian's ``postgresql`` package,
``initdb`` and ``pg_ctl`` in a temporary folder, listening only on a Unix socket
there, run as an unprivileged user when the tests run as root (``initdb``
refuses root). Each test gets a schema of its own in one database.

The server dies with the test run however the run ends: a watchdog started
beside it (a session of its own, so a signal to pytest's process group spares
it) reads a pipe only pytest holds and watches pytest's pid; when the pipe
closes or the pid is gone (pytest ended, even by SIGKILL or a timeout, when no
fixture teardown runs) it stops the server and removes the folder. A folder whose owner file names a process that has
gone (its watchdog killed too) is swept when the next cluster is made."""

from __future__ import annotations

import glob
import os
import select
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

BIN_GLOB = "/usr/lib/postgresql/*/bin"
PREFIX = "versioner-pg-"
OWNER_FILE = "owner"  # "pid start-time" of the process the cluster lives for


def _bin() -> Path | None:
    found = sorted(glob.glob(f"{BIN_GLOB}/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _as_owner(*cmd: str) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL program as the cluster's owner: nobody when we are root."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    return subprocess.run(prefix + list(cmd), capture_output=True, text=True, timeout=120)


def _started_at(pid: int) -> str:
    """When a process started (clock ticks since boot, /proc/PID/stat field 22): a pid
    reused by a later process has another; "" where /proc cannot say."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[-1].split()[19]


def _alive(owner: str) -> bool:
    """Whether the process an owner file names ("pid start-time") still runs."""
    pid_text, _, started = owner.partition(" ")
    try:
        pid = int(pid_text)
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: alive
    except ValueError:
        return True  # not ours to judge: leave it
    return not started or _started_at(pid) in ("", started)


def _remove(folder: Path, bin: Path | None) -> None:
    """Stop the server of a cluster folder (if it runs) and remove the folder."""
    data = folder / "data"
    if bin is not None and (data / "postmaster.pid").exists():
        _as_owner(str(bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    shutil.rmtree(folder, ignore_errors=True)


def sweep_stale(root: Path | None = None) -> list[Path]:
    """Remove the clusters of earlier runs killed with their watchdog (their owner gone);
    a folder with no owner file is left (another run may be making it). Returns those removed."""
    removed = []
    for owner_file in sorted(Path(root or tempfile.gettempdir()).glob(f"{PREFIX}*/{OWNER_FILE}")):
        try:
            owner = owner_file.read_text()
        except OSError:
            continue
        if not _alive(owner):
            _remove(owner_file.parent, _bin())
            removed.append(owner_file.parent)
    return removed


class Cluster:
    def __init__(self, settings: str = "") -> None:
        """``settings``: more server options (``-c name=value ...``), e.g. a small lock table."""
        sweep_stale()
        self.dir = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.dir / OWNER_FILE).write_text(f"{os.getpid()} {_started_at(os.getpid())}")
        self.bin = _bin()
        self.settings = settings
        self.started = False
        self.watchdog: subprocess.Popen[bytes] | None = None

    def start(self) -> str | None:
        """Start the cluster; None when started, else why it cannot be."""
        if self.bin is None:
            return f"no PostgreSQL server installed ({BIN_GLOB}: apt-get install postgresql)"
        # before initdb, so a run killed while the server starts leaves nothing either
        self.watchdog = subprocess.Popen([sys.executable, __file__, "--watch", str(self.dir)],
                                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL, start_new_session=True)
        if os.geteuid() == 0:
            shutil.chown(self.dir, "nobody", "nogroup")
        os.chmod(self.dir, 0o700)
        data = self.dir / "data"
        done = _as_owner(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                         "--no-sync", "-E", "UTF8", "--locale=C")
        if done.returncode:
            return f"initdb failed: {done.stderr.strip()[:300]}"
        options = (f"-k {self.dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
                   " -c full_page_writes=off -c max_connections=100 " + self.settings)
        done = _as_owner(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options,
                         "-l", str(self.dir / "log"), "-w", "-t", "60", "start")
        if done.returncode:
            return f"pg_ctl start failed: {done.stderr.strip()[:300]}"
        self.started = True
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute("create database versioner")
        return None

    def url(self, database: str = "versioner", schema: str | None = None) -> str:
        url = f"postgresql://postgres@/{database}?host={self.dir}"
        return url + (f"&options=-csearch_path%3D{schema}" if schema else "")

    def new_schema(self) -> str:
        """A URL to an empty schema of its own (a store of its own)."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"create schema {name}")
        return self.url(schema=name)

    def stop(self) -> None:
        """Stop the server and remove its folder: the watchdog's work, done now."""
        if self.watchdog is not None and self.watchdog.stdin is not None:
            self.watchdog.stdin.close()
            try:
                self.watchdog.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.watchdog.kill()
                self.watchdog.wait()
        _remove(self.dir, self.bin)  # whatever the watchdog left (none started, or it failed)


def _watch(folder: Path) -> None:
    """The watchdog: wait until the pipe from the test run closes (``stop``, or the run
    ended however it ended) or the run's process is gone (a process it forked may hold
    the pipe a while longer), then clean up."""
    owner = (folder / OWNER_FILE).read_text()
    while _alive(owner):
        ready, _, _ = select.select([sys.stdin], [], [], 1.0)
        if ready and not os.read(sys.stdin.fileno(), 1024):
            break
    _remove(folder, _bin())


if __name__ == "__main__" and sys.argv[1:2] == ["--watch"]:
    _watch(Path(sys.argv[2]))
