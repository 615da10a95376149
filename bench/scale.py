"""Scaling figures (issue 19): bulk import on SQLite and PostgreSQL, and a first
(cold) audit in one process against `audit --workers 1` and `--workers 2` on a
local Dask cluster, with the outputs compared byte for byte.

    python bench/scale.py                    # 100,000 revisions (several minutes)
    python bench/scale.py --revisions 20000  # smaller
    python bench/scale.py --no-postgresql    # SQLite only

PostgreSQL runs in a throwaway cluster (tests/helpers/pgcluster.py: Debian's
postgresql package, a Unix socket in a temporary folder). Whole processes are
timed (interpreter start-up and, for --workers, the cluster's start included).
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "helpers"))
import corpus  # noqa: E402

EXE = str(Path(sys.executable).with_name("versioner"))


PEAK_MB = [0.0]  # the last timed command's peak memory: its largest process's max RSS
CPU_S = [0.0]  # the last timed command's CPU time (user + system), its reading processes included


def timed(*args: str) -> tuple[float, bytes]:
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen([EXE, *args], stdout=out, stderr=err)
        # wait4: this child's own rusage; its max RSS is that of the largest process
        # in its tree (the importing process or one of its readers)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - t0
        PEAK_MB[0] = usage.ru_maxrss / 1024
        CPU_S[0] = usage.ru_utime + usage.ru_stime
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if p.returncode not in (0, 1):
        raise RuntimeError(f"versioner {' '.join(args[:3])}: {stderr.decode()[-400:]}")
    return seconds, stdout


def copy_store(src: Path, dst: Path) -> None:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


def audits(target: str, fresh: object, pairs: int, label: str) -> None:
    """A cold audit three ways; ``fresh()`` empties the pair cache before each."""
    outputs = {}
    for name, extra in (("one process", []), ("--workers 1", ["--workers", "1"]),
                        ("--workers 2", ["--workers", "2"])):
        store = fresh()  # type: ignore[operator]
        seconds, out = timed("--store", store or target, "audit", "--format", "json", *extra)
        outputs[name] = hashlib.sha256(out).hexdigest()
        print(f"{label} audit, {name}: {seconds:.1f} s, {pairs / seconds:,.0f} pairs/s", flush=True)
        if name == "--workers 1":
            one = seconds
        if name == "--workers 2":
            print(f"{label} audit --workers 2 vs --workers 1: {one / seconds:.2f}x (target >= 1.7x)")
    same = len(set(outputs.values())) == 1
    print(f"{label} audit outputs identical: {same}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--revisions", type=int, default=100_000)
    ap.add_argument("--no-postgresql", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="versioner-scale-"))
    try:
        jsonl = tmp / "revisions.jsonl"
        info = corpus.write_jsonl(jsonl, args.revisions)
        n = info["revisions"]
        db = tmp / "big.db"
        seconds, _ = timed("--store", str(db), "import", str(jsonl))
        print(f"SQLite import of {n:,} revisions: {seconds:.1f} s, {n / seconds:,.0f} revisions/s"
              f" (target >= 12,000), peak memory {PEAK_MB[0]:.0f} MB (target < 300)", flush=True)
        # on a shared machine the rate follows the load; the CPU time per revision less so
        cores = len(os.sched_getaffinity(0))
        print(f"SQLite import CPU time: {1e6 * CPU_S[0] / n:.0f} us per revision, so at most"
              f" {cores * n / CPU_S[0]:,.0f} revisions/s on {cores} cores; load average"
              f" {os.getloadavg()[0]:.1f}", flush=True)
        with sqlite3.connect(db) as conn:
            pairs = conn.execute("select count(*) - count(distinct article_id) from revisions").fetchone()[0]
        copies = iter(range(10))

        def fresh_sqlite() -> str:
            dst = tmp / f"audit-{next(copies)}.db"
            copy_store(db, dst)
            return str(dst)

        audits(str(db), fresh_sqlite, pairs, "SQLite")
        if not args.no_postgresql:
            postgresql(jsonl, n, pairs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def postgresql(jsonl: Path, n: int, pairs: int) -> None:
    import psycopg
    from pgcluster import Cluster

    cluster = Cluster()
    try:
        why = cluster.start()
        if why:
            print(f"PostgreSQL figures skipped: {why}")
            return
        url = cluster.new_schema()
        seconds, _ = timed("--store", url, "import", str(jsonl))
        print(f"PostgreSQL import of {n:,} revisions: {seconds:.1f} s, {n / seconds:,.0f} revisions/s,"
              f" peak memory {PEAK_MB[0]:.0f} MB", flush=True)

        def fresh_pg() -> str:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("delete from pairs")
            return url

        audits(url, fresh_pg, pairs, "PostgreSQL")
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
