"""A throwaway PostgreSQL cluster for the tests: Debian's ``postgresql`` package,
``initdb`` and ``pg_ctl`` in a temporary folder, listening only on a Unix socket
there, run as an unprivileged user when the tests run as root (``initdb``
refuses root). Each test gets a schema of its own in one database."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

BIN_GLOB = "/usr/lib/postgresql/*/bin"


def _bin() -> Path | None:
    found = sorted(glob.glob(f"{BIN_GLOB}/pg_ctl"))
    return Path(found[-1]).parent if found else None


class Cluster:
    def __init__(self, settings: str = "") -> None:
        """``settings``: more server options (``-c name=value ...``), e.g. a small lock table."""
        self.dir = Path(tempfile.mkdtemp(prefix="versioner-pg-"))
        self.bin = _bin()
        self.settings = settings
        self.started = False

    def _as_owner(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        prefix: list[str] = []
        if os.geteuid() == 0:
            prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        return subprocess.run(prefix + list(cmd), capture_output=True, text=True, timeout=120)

    def start(self) -> str | None:
        """Start the cluster; None when started, else why it cannot be."""
        if self.bin is None:
            return f"no PostgreSQL server installed ({BIN_GLOB}: apt-get install postgresql)"
        if os.geteuid() == 0:
            shutil.chown(self.dir, "nobody", "nogroup")
        os.chmod(self.dir, 0o700)
        data = self.dir / "data"
        done = self._as_owner(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                              "--no-sync", "-E", "UTF8", "--locale=C")
        if done.returncode:
            return f"initdb failed: {done.stderr.strip()[:300]}"
        options = (f"-k {self.dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
                   " -c full_page_writes=off -c max_connections=100 " + self.settings)
        done = self._as_owner(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options,
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
        if self.started and self.bin is not None:
            self._as_owner(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate",
                           "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)
