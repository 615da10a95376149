"""Scaling figures (issue 19): bulk import on SQLite and PostgreSQL, and a first
(cold) audit in one process against `audit --workers 1` and `--workers 2` on a
local Dask cluster, with the outputs compared byte for byte; the two backends'
figures side by side at the end.

    python bench/scale.py                        # 100,000 revisions, both backends
    python bench/scale.py --revisions 20000      # smaller
    python bench/scale.py --backend sqlite       # SQLite only (or postgresql)
    python bench/scale.py --workers-only         # no one-process audit: a third less time
    python bench/scale.py --import-only          # imports (and PostgreSQL's floor), no audit

PostgreSQL runs in a throwaway cluster (tests/helpers/pgcluster.py: Debian's
postgresql package, a Unix socket in a temporary folder). Whole processes are
timed (interpreter start-up and, for --workers, the cluster's start included).
Beside each wall time: the CPU seconds spent (versioner's processes, and the
PostgreSQL server's), and the load average, as wall times on a shared machine
say more about the other jobs than about versioner.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "helpers"))
import corpus  # noqa: E402
import pg_floor  # noqa: E402

EXE = str(Path(sys.executable).with_name("versioner"))
TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # CPU seconds of versioner's processes (the command and its children)
    server: float  # CPU seconds of the PostgreSQL server meanwhile (0 on SQLite)
    peak_mb: float  # the largest process's max RSS
    load: float  # the 1-minute load average at the end
    stdout: bytes

    def said(self) -> str:
        server = f" + server {self.server:.1f}" if self.server else ""
        return f"{self.wall:.1f} s (CPU {self.cpu:.1f} s{server}; load {self.load:.1f})"


def _proc_cpu(pid: int, children_too: bool) -> float:
    """A process's CPU seconds from /proc (with its reaped children's when asked); 0 if gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    if children_too:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime: exited backends
    return ticks / TICK


def server_cpu(postmaster: int | None) -> float:
    """CPU seconds of a PostgreSQL server so far: the postmaster, its exited backends, its live ones."""
    if postmaster is None:
        return 0.0
    total = _proc_cpu(postmaster, children_too=True)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == postmaster:
            total += _proc_cpu(int(stat.parent.name), children_too=False)
    return total


def timed(*args: str, postmaster: int | None = None) -> Run:
    before = server_cpu(postmaster)
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen([EXE, *args], stdout=out, stderr=err)
        # wait4: this child's own rusage, its reaped children's (readers, Dask workers)
        # included; its max RSS is that of the largest process in its tree
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if p.returncode not in (0, 1):
        raise RuntimeError(f"versioner {' '.join(args[:3])}: {stderr.decode()[-400:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, server_cpu(postmaster) - before,
               usage.ru_maxrss / 1024, os.getloadavg()[0], stdout)


def copy_store(src: Path, dst: Path) -> None:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


@dataclass
class Figures:
    """One backend's figures, for the table at the end."""

    label: str
    imported: Run | None = None
    one: Run | None = None
    two: Run | None = None
    identical: bool | None = None
    floor: dict[str, float] | None = None  # PostgreSQL's own write rates (bench/pg_floor.py)


def import_figure(fig: Figures, store: str, jsonl: Path, n: int, postmaster: int | None = None) -> None:
    run = timed("--store", store, "import", str(jsonl), postmaster=postmaster)
    fig.imported = run
    print(f"{fig.label} import of {n:,} revisions: {run.said()}, {n / run.wall:,.0f} revisions/s,"
          f" {n / (run.cpu + run.server):,.0f} a CPU second, peak memory {run.peak_mb:.0f} MB", flush=True)
    # on a shared machine the rate follows the load; the CPU time per revision less so
    cores = len(os.sched_getaffinity(0))
    print(f"{fig.label} import CPU time: {1e6 * (run.cpu + run.server) / n:.0f} us per revision (reading"
          f" processes included), so at most {cores * n / (run.cpu + run.server):,.0f} revisions/s on"
          f" {cores} cores", flush=True)


def audits(fig: Figures, fresh: Callable[[], str], pairs: int, ways_wanted: str,
           postmaster: int | None = None) -> None:
    """A cold audit three ways (two with ``workers``, none with ``none``); ``fresh()``
    gives a store with an empty pair cache before each."""
    if ways_wanted == "none":
        return
    outputs = {}
    ways = [("--workers 1", ["--workers", "1"]), ("--workers 2", ["--workers", "2"])]
    if ways_wanted == "all":
        ways.insert(0, ("one process", []))
    for name, extra in ways:
        run = timed("--store", fresh(), "audit", "--format", "json", *extra, postmaster=postmaster)
        outputs[name] = hashlib.sha256(run.stdout).hexdigest()
        print(f"{fig.label} audit, {name}: {run.said()}, {pairs / run.wall:,.0f} pairs/s", flush=True)
        if name == "--workers 1":
            fig.one = run
        if name == "--workers 2":
            fig.two = run
    assert fig.one is not None and fig.two is not None
    fig.identical = len(set(outputs.values())) == 1
    print(f"{fig.label} audit --workers 2 vs --workers 1: {fig.one.wall / fig.two.wall:.2f}x"
          f" (target >= 1.7x); outputs identical: {fig.identical}", flush=True)


def sqlite_figures(tmp: Path, jsonl: Path, n: int, ways: str) -> Figures:
    fig = Figures("SQLite")
    db = tmp / "big.db"
    import_figure(fig, str(db), jsonl, n)
    copies = iter(range(10))

    def fresh() -> str:
        dst = tmp / f"audit-{next(copies)}.db"
        copy_store(db, dst)
        return str(dst)

    audits(fig, fresh, pairs_in(db), ways)
    return fig


def pairs_in(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) - count(distinct article_id) from revisions").fetchone()[0])


def postgresql_figures(jsonl: Path, n: int, ways: str) -> Figures | None:
    import psycopg
    from pgcluster import Cluster

    cluster = Cluster()
    try:
        why = cluster.start()
        if why:
            print(f"PostgreSQL figures skipped: {why}")
            return None
        postmaster = int((cluster.dir / "data" / "postmaster.pid").read_text().split()[0])
        fig = Figures("PostgreSQL")
        url = cluster.new_schema()
        import_figure(fig, url, jsonl, n, postmaster)
        fig.floor = pg_floor.floor(lambda: pg_floor.new_store(cluster), jsonl)
        with psycopg.connect(url, autocommit=True) as conn:
            pairs = conn.execute("select count(*) - count(distinct article_id) from revisions").fetchone()[0]

        def fresh() -> str:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("delete from pairs")
            return url

        audits(fig, fresh, pairs, ways, postmaster)
        return fig
    finally:
        cluster.stop()


def table(n: int, figs: list[Figures]) -> None:
    """The backends side by side (the issue's targets)."""
    rows: list[tuple[str, list[str]]] = [
        (f"import, {n:,} revisions: revisions/s (wall)", [f"{n / f.imported.wall:,.0f}" for f in figs if f.imported]),
        ("import: revisions a CPU second (versioner + server)",
         [f"{n / (f.imported.cpu + f.imported.server):,.0f}" for f in figs if f.imported]),
        ("PostgreSQL's floor: revisions/s, one statement a row / executemany",
         [f"{f.floor['one statement a row']:,.0f} / {f.floor['executemany, pipelined']:,.0f}" if f.floor
          else "" for f in figs]),
        ("import: peak memory, MB", [f"{f.imported.peak_mb:.0f}" for f in figs if f.imported]),
        ("audit --workers 1: wall s (CPU s)", [f"{f.one.wall:.1f} ({f.one.cpu + f.one.server:.1f})"
                                              for f in figs if f.one]),
        ("audit --workers 2: wall s (CPU s)", [f"{f.two.wall:.1f} ({f.two.cpu + f.two.server:.1f})"
                                              for f in figs if f.two]),
        ("audit --workers 2 vs 1 (wall)", [f"{f.one.wall / f.two.wall:.2f}x" for f in figs if f.one and f.two]),
        ("audit outputs identical", [str(f.identical) for f in figs if f.identical is not None]),
    ]
    print(f"\n| figure | {' | '.join(f.label for f in figs)} |")
    print("| --- |" + " --- |" * len(figs))
    for name, cells in rows:
        if len(cells) < len(figs):  # not measured (--import-only)
            continue
        print(f"| {name} | {' | '.join(cells)} |")
    cpu = os.cpu_count()
    print(f"\n{cpu} cores; load average at the end {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--revisions", type=int, default=100_000)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--workers-only", action="store_true", help="audit with --workers 1 and 2 only")
    ap.add_argument("--import-only", action="store_true", help="no audit: the audits take longest")
    args = ap.parse_args()
    ways = "none" if args.import_only else "workers" if args.workers_only else "all"
    tmp = Path(tempfile.mkdtemp(prefix="versioner-scale-"))
    figs: list[Figures] = []
    try:
        jsonl = tmp / "revisions.jsonl"
        n = corpus.write_jsonl(jsonl, args.revisions)["revisions"]
        if args.backend in ("sqlite", "both"):
            figs.append(sqlite_figures(tmp, jsonl, n, ways))
        if args.backend in ("postgresql", "both"):
            pg = postgresql_figures(jsonl, n, ways)
            figs += [pg] if pg else []
        table(n, figs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
