"""Performance benchmarks for versioner, each figure against its target.

    python bench/run.py              # full run (~10 min on 2 cores)
    python bench/run.py --quick      # smaller run (< 1 min)
    python bench/run.py --json       # the same figures as JSON on stdout
    python bench/run.py --sections diff,scaling   # only some sections

Sections: diff (align + diff + flags per edit type and size, against
difflib), parse, import (CLI bulk import, `versioner add`, Store.add),
audit, startup (CLI start-up), scaling (one figure edit, 1 KB to 1 MB).
The corpus is synthetic and made from a fixed seed (bench/corpus.py); stores
and files go to a temporary folder that is removed at the end.

What is timed:
- diff: ``flag_comparison(compare(old_parts, new_parts))`` on Parts parsed
  beforehand (align + word diff + flags; parse excluded), one thread of one
  process, so pairs/s is per core. difflib gets the same pairs in the same
  rounds: ``SequenceMatcher(None, old.split(), new.split(),
  autojunk=False).get_opcodes()`` on the whole texts (the split is timed).
  Each cell: one untimed warm-up pass, then rounds; the figure is the median
  of the rounds. "typical" is the six everyday edit types (all but
  reword-30) in equal numbers: total pairs / total time. Timed in CPU time
  of the process (time.process_time), for both engines: per-core figures
  that the other tenants of a shared machine disturb less.
- parse: ``parse(normalise(text))`` per text, median of rounds (CPU time).
- scaling: one figure edit per size, CPU time as for diff.
- CLI figures are whole processes (interpreter start-up included), timed
  with time.perf_counter around the child; peak memory is that child's own
  max RSS (os.wait4).

Standard library only, besides versioner and its dependencies.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import math
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (str(HERE), str(ROOT)):
    if p not in sys.path:
        sys.path.insert(0, p)

import corpus  # noqa: E402

from versioner.diff import compare  # noqa: E402
from versioner.flags import flag_comparison  # noqa: E402
from versioner.parse import normalise, parse  # noqa: E402

SECTIONS = ("diff", "parse", "import", "audit", "startup", "scaling")


@dataclass
class Config:
    quick: bool
    diff_pairs: dict[str, int]  # size label -> pairs per edit type
    diff_rounds: dict[str, int]
    revisions: int
    cli_adds: int
    inproc_adds: int
    startup_runs: int
    scaling_min_s: float


FULL = Config(
    quick=False,
    diff_pairs={"2.7KB": 40, "10KB": 12, "100KB": 2},
    diff_rounds={"2.7KB": 7, "10KB": 5, "100KB": 3},
    revisions=100_000,
    cli_adds=50,
    inproc_adds=500,
    startup_runs=15,
    scaling_min_s=0.3,
)
QUICK = Config(
    quick=True,
    diff_pairs={"2.7KB": 12, "10KB": 4, "100KB": 1},
    diff_rounds={"2.7KB": 3, "10KB": 3, "100KB": 1},
    revisions=5_000,
    cli_adds=10,
    inproc_adds=100,
    startup_runs=7,
    scaling_min_s=0.05,
)


def log(msg: str) -> None:
    sys.stderr.write(f"[bench {time.strftime('%H:%M:%S')}] {msg}\n")
    sys.stderr.flush()


# -- machine ------------------------------------------------------------------


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    return {
        "platform": platform.platform(),
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "diff-match-patch": _version("diff-match-patch"),
        "fast-diff-match-patch": _version("fast-diff-match-patch"),
        "sqlite": sqlite3.sqlite_version,
        "sqlite-utils": _version("sqlite-utils"),
        "versioner": _version("versioner"),
    }


# -- helpers ------------------------------------------------------------------


def median(xs: Sequence[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def versioner_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("versioner")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("versioner")
    return [found] if found else [sys.executable, "-m", "versioner"]


@dataclass
class Proc:
    seconds: float
    rc: int
    max_rss_kb: int | None
    stdout: str
    stderr: str


def run_proc(cmd: Sequence[str], *, capture: bool = False, env: dict[str, str] | None = None,
             cwd: str | None = None) -> Proc:
    """Run one child process; wall time around it and its own peak RSS."""
    out_f = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    err_f = tempfile.TemporaryFile()
    try:
        t0 = time.perf_counter()
        p = subprocess.Popen(list(cmd), stdin=subprocess.DEVNULL, stdout=out_f, stderr=err_f,
                             env=env, cwd=cwd)
        rss: int | None = None
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(p.pid, 0)
            seconds = time.perf_counter() - t0
            rc = os.waitstatus_to_exitcode(status)
            p.returncode = rc
            # Linux reports KB; macOS bytes
            rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
        else:  # pragma: no cover
            rc = p.wait()
            seconds = time.perf_counter() - t0
        stdout = ""
        if capture:
            out_f.seek(0)  # type: ignore[union-attr]
            stdout = out_f.read().decode("utf-8", "replace")  # type: ignore[union-attr]
        err_f.seek(0)
        stderr = err_f.read().decode("utf-8", "replace")
        return Proc(seconds, rc, rss, stdout, stderr)
    finally:
        if capture:
            out_f.close()  # type: ignore[union-attr]
        err_f.close()


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("VERSIONER_STORE", None)
    env["NO_COLOR"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "0"
    return env


def write_records(path: Path, records: Sequence[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


# -- 1. diff + flags against difflib ------------------------------------------


# In-process passes are timed in CPU time of this process (time.process_time):
# the figures are per core, and on a shared machine wall time also counts the
# moments the process is not running at all (2-6 ms stalls seen inside one
# 5 us call). Both engines are timed alike, so their ratio is fair.
_cpu = time.process_time


def _versioner_pass(parsed: Sequence[tuple[Any, Any]]) -> float:
    t0 = _cpu()
    for old, new in parsed:
        flag_comparison(compare(old, new))
    return _cpu() - t0


def _difflib_pass(texts: Sequence[tuple[str, str]]) -> float:
    t0 = _cpu()
    for old, new in texts:
        difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False).get_opcodes()
    return _cpu() - t0


def bench_diff(cfg: Config) -> dict[str, Any]:
    cells: list[dict[str, Any]] = []
    for size in cfg.diff_pairs:
        n, rounds = cfg.diff_pairs[size], cfg.diff_rounds[size]
        for edit in corpus.EDIT_TYPES:
            texts = corpus.pairs(corpus.SIZES[size], edit, n)
            parsed = [(parse(normalise(a)), parse(normalise(b))) for a, b in texts]
            # warm-up: every pair once through versioner, one through difflib
            _versioner_pass(parsed)
            _difflib_pass(texts[:1])
            vt: list[float] = []
            dt: list[float] = []
            worst = 0.0
            for _ in range(rounds):
                gc.collect()
                vt.append(_versioner_pass(parsed))
                gc.collect()
                dt.append(_difflib_pass(texts))
            # the slowest single pair (did any run into diff-match-patch's 0.5 s timeout?)
            for old, new in parsed:
                t0 = _cpu()
                flag_comparison(compare(old, new))
                worst = max(worst, _cpu() - t0)
            v, d = median(vt) / n, median(dt) / n
            cell = {
                "size": size, "edit": edit, "pairs": n, "rounds": rounds,
                "bytes": round(statistics.mean(len(a.encode()) for a, _ in texts)),
                "versioner_s_per_pair": v, "versioner_pairs_per_s": 1 / v,
                "difflib_s_per_pair": d, "difflib_pairs_per_s": 1 / d,
                "ratio": d / v, "slowest_pair_s": worst,
            }
            cells.append(cell)
            log(f"diff {size:>6} {edit:<15} {1 / v:9.0f} pairs/s  difflib {1 / d:8.1f}/s  x{d / v:.1f}")
    summary: dict[str, Any] = {}
    for size in cfg.diff_pairs:
        mine = [c for c in cells if c["size"] == size]
        typ = [c for c in mine if c["edit"] in corpus.TYPICAL_TYPES]
        v_mix = sum(c["versioner_s_per_pair"] for c in typ) / len(typ)
        d_mix = sum(c["difflib_s_per_pair"] for c in typ) / len(typ)
        worst = min(mine, key=lambda c: c["versioner_pairs_per_s"])
        summary[size] = {
            "typical_pairs_per_s": 1 / v_mix,
            "typical_difflib_pairs_per_s": 1 / d_mix,
            "typical_ratio": d_mix / v_mix,
            "worst_edit": worst["edit"],
            "worst_pairs_per_s": worst["versioner_pairs_per_s"],
            "worst_ratio": worst["ratio"],
        }
    return {"cells": cells, "summary": summary}


# -- parse cost -----------------------------------------------------------------


def bench_parse(cfg: Config) -> dict[str, Any]:
    out = {}
    for size, count in (("2.7KB", 40), ("10KB", 12), ("100KB", 3), ("1MB", 1)):
        if cfg.quick:
            count = max(1, count // 3)
        texts = [corpus.article(corpus.SIZES[size], seed=corpus.SEED + i).text() for i in range(count)]
        for t in texts:
            parse(normalise(t))
        rounds = []
        for _ in range(3 if cfg.quick else 5):
            gc.collect()
            t0 = _cpu()
            for t in texts:
                parse(normalise(t))
            rounds.append((_cpu() - t0) / count)
        s = median(rounds)
        out[size] = {"s_per_text": s, "texts_per_s": 1 / s,
                     "bytes": round(statistics.mean(len(t.encode()) for t in texts))}
        log(f"parse {size:>6} {s * 1e6:9.0f} µs/text")
    return out


# -- 2. ingest -------------------------------------------------------------------

_IMPORTED = re.compile(r"imported (\d+) revision\(s\) \((\d+) unchanged\) into (\d+) article")


def bench_import(cfg: Config, tmp: Path, cmd: list[str]) -> dict[str, Any]:
    jsonl = tmp / "revisions.jsonl"
    log(f"writing {cfg.revisions:,} revisions to {jsonl.name} ...")
    t0 = time.perf_counter()
    info = corpus.write_jsonl(jsonl, cfg.revisions)
    log(f"  {info['bytes'] / 1e6:.0f} MB in {time.perf_counter() - t0:.1f}s (not timed)")
    store = tmp / "big.db"
    log(f"versioner import {cfg.revisions:,} revisions (one call, whole process) ...")
    proc = run_proc([*cmd, "--store", str(store), "import", str(jsonl)], capture=True, env=child_env())
    if proc.rc != 0:
        raise RuntimeError(f"import failed (exit {proc.rc}): {proc.stderr.strip()[-500:]}")
    m = _IMPORTED.search(proc.stdout)
    stored = int(m.group(1)) if m else None
    with sqlite3.connect(store) as conn:
        revs = conn.execute("select count(*) from revisions").fetchone()[0]
        arts = conn.execute("select count(*) from articles").fetchone()[0]
    res: dict[str, Any] = {
        "revisions_in_file": info["revisions"], "file_bytes": info["bytes"],
        "stored": stored if stored is not None else revs, "articles": arts,
        "seconds": proc.seconds, "revisions_per_s": info["revisions"] / proc.seconds,
        "max_rss_kb": proc.max_rss_kb, "store_bytes": store.stat().st_size,
        "store": str(store), "jsonl": str(jsonl), "pairs": revs - arts,
    }
    log(f"  {res['revisions_per_s']:.0f} revisions/s, {proc.seconds:.1f}s, "
        f"max RSS {(proc.max_rss_kb or 0) / 1024:.0f} MB")
    return res


def bench_add_cli(cfg: Config, tmp: Path, cmd: list[str]) -> dict[str, Any]:
    """`versioner add` once per revision, a whole process each, into a fresh store."""
    store = tmp / "adds.db"
    recs = list(corpus.revision_chains(-(-cfg.cli_adds // 4), seed=corpus.SEED + 7))[: cfg.cli_adds]
    recs.sort(key=lambda r: r["captured_at"])
    files = []
    for i, r in enumerate(recs):
        f = tmp / f"add-{i:04d}.txt"
        f.write_text(r["text"], encoding="utf-8")
        files.append((f, r))
    env = child_env()
    run_proc([*cmd, "--help"], env=env)  # warm the file cache
    times, rss = [], []
    for f, r in files:
        p = run_proc([*cmd, "--store", str(store), "add", str(f), "--article", r["article"],
                      "--at", r["captured_at"]], env=env)
        if p.rc != 0:
            raise RuntimeError(f"versioner add failed (exit {p.rc}): {p.stderr.strip()[-300:]}")
        times.append(p.seconds)
        rss.append(p.max_rss_kb or 0)
    s = median(times)
    log(f"versioner add (CLI) x{len(times)}: median {s * 1e3:.0f} ms per add")
    return {"adds": len(times), "median_s": s, "mean_s": statistics.mean(times), "max_rss_kb": max(rss)}


def bench_add_inproc(cfg: Config, tmp: Path) -> dict[str, Any]:
    """Store.add in this process, one transaction per call: keyed, then keyless
    (the store finds the article by similarity)."""
    from versioner.store import NewRevision, Store

    recs = list(corpus.revision_chains(-(-cfg.inproc_adds // 4), seed=corpus.SEED + 11))
    recs.sort(key=lambda r: r["captured_at"])
    out: dict[str, Any] = {}
    for mode in ("keyed", "keyless"):
        path = tmp / f"inproc-{mode}.db"
        with Store.open(path, create=True) as st:
            t0 = time.perf_counter()
            for r in recs:
                st.add(NewRevision(r["text"], r["article"] if mode == "keyed" else None, None,
                                   r["captured_at"], "bench"))
            s = (time.perf_counter() - t0) / len(recs)
        out[mode] = {"adds": len(recs), "s_per_add": s, "adds_per_s": 1 / s}
        log(f"Store.add {mode:<7} x{len(recs)}: {s * 1e3:.2f} ms per add")
    return out


# -- 3. audit ----------------------------------------------------------------------


def bench_audit(imp: dict[str, Any], cmd: list[str]) -> dict[str, Any]:
    # The first audit compares every pair and keeps the results in the store; the
    # second reads them back (what `log`, the UI and a re-audit after new captures see).
    res: dict[str, Any] = {"pairs": imp["pairs"], "revisions": imp["stored"]}
    for run in ("cold", "cached"):
        log(f"versioner audit --format json over {imp['stored']:,} revisions ({run}) ...")
        p = run_proc([*cmd, "--store", imp["store"], "audit", "--format", "json"], env=child_env())
        if p.rc not in (0, 1):
            raise RuntimeError(f"audit failed (exit {p.rc}): {p.stderr.strip()[-500:]}")
        prefix = "" if run == "cold" else "cached_"
        res.update({f"{prefix}seconds": p.seconds, f"{prefix}pairs_per_s": imp["pairs"] / p.seconds,
                    f"{prefix}max_rss_kb": p.max_rss_kb})
        log(f"  {imp['pairs'] / p.seconds:.0f} pairs/s, {p.seconds:.1f}s, "
            f"max RSS {(p.max_rss_kb or 0) / 1024:.0f} MB")
    return res


# -- 4. CLI start-up -------------------------------------------------------------


def bench_startup(cfg: Config, tmp: Path, cmd: list[str]) -> dict[str, Any]:
    store = tmp / "small.db"
    rng = random.Random(corpus.SEED + 3)
    a = corpus.Writer(rng).article(corpus.SIZES["2.7KB"])
    b = corpus.edit_figure(rng, a)
    src = tmp / "small.jsonl"
    write_records(src, [
        {"article": "small-story", "captured_at": "2026-02-01T08:15:00Z", "text": a.text()},
        {"article": "small-story", "captured_at": "2026-02-01T11:30:00Z", "text": b.text()},
    ])
    env = child_env()
    p = run_proc([*cmd, "--store", str(store), "import", str(src)], env=env)
    if p.rc != 0:
        raise RuntimeError(f"small import failed: {p.stderr.strip()}")
    runs = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "versioner --help": [*cmd, "--help"],
        "versioner diff KEY": [*cmd, "--store", str(store), "diff", "small-story"],
    }
    for c in runs.values():  # warm-up
        run_proc(c, env=env)
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(cfg.startup_runs):  # interleaved, so drift hits all alike
        for k, c in runs.items():
            p = run_proc(c, env=env)
            if p.rc not in (0, 1):
                raise RuntimeError(f"{k} failed (exit {p.rc}): {p.stderr.strip()[-300:]}")
            times[k].append(p.seconds)
    out = {k: {"median_s": median(v), "min_s": min(v), "runs": len(v)} for k, v in times.items()}
    base = out["python -c pass"]["median_s"]
    for k in ("versioner --help", "versioner diff KEY"):
        out[k]["ratio_to_python"] = out[k]["median_s"] / base
        log(f"{k:<20} median {out[k]['median_s'] * 1e3:.0f} ms ({out[k]['ratio_to_python']:.1f}x python -c pass)")
    return out


# -- 5. scaling -------------------------------------------------------------------


def bench_scaling(cfg: Config) -> dict[str, Any]:
    points = []
    for size in ("1KB", "10KB", "100KB", "1MB"):
        n = 1 if size == "1MB" else 3
        texts = corpus.pairs(corpus.SIZES[size], "figure", n, seed=corpus.SEED + 5)
        parsed = [(parse(normalise(a)), parse(normalise(b))) for a, b in texts]
        _versioner_pass(parsed)  # warm-up
        per_pair = []
        spent = 0.0
        while len(per_pair) < 3 or spent < cfg.scaling_min_s:
            gc.collect()
            t = _versioner_pass(parsed)
            spent += t
            per_pair.append(t / n)
            if len(per_pair) >= 200:
                break
        s = median(per_pair)
        nbytes = statistics.mean(len(a.encode()) for a, _ in texts)
        points.append({"size": size, "bytes": round(nbytes), "s_per_pair": s, "rounds": len(per_pair)})
        log(f"scaling {size:>6} ({nbytes:,.0f} B): {s * 1e3:.3f} ms per figure edit")
    xs = [math.log(p["bytes"]) for p in points]
    ys = [math.log(p["s_per_pair"]) for p in points]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    k = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    # the slope between the two largest sizes: the per-pair constant
    # (setup, the one edited paragraph) no longer hides the growth there
    k_top = (ys[-1] - ys[-2]) / (xs[-1] - xs[-2])
    log(f"scaling exponent k = {k:.2f} (100 KB -> 1 MB alone: {k_top:.2f})")
    return {"points": points, "k": k, "k_100KB_1MB": k_top}


# -- report --------------------------------------------------------------------------


@dataclass
class Row:
    measure: str
    value: float | None
    unit: str
    target: str = "—"
    ok: bool | None = None
    note: str = ""

    def cells(self) -> list[str]:
        result = "—" if self.ok is None else ("PASS" if self.ok else "**MISS**")
        return [self.measure, fmt(self.value, self.unit), self.target, result]


def fmt(v: float | None, unit: str) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    if unit == "ms":
        return f"{v * 1e3:,.1f} ms" if v < 1 else f"{v * 1e3:,.0f} ms"
    if unit == "µs":
        return f"{v * 1e6:,.0f} µs"
    if unit == "MB":
        return f"{v / 1024:,.0f} MB"
    if unit == "x":
        return f"{v:,.1f}x"
    if unit == "k":
        return f"{v:.2f}"
    if unit == "s":
        return f"{v:,.1f} s"
    return f"{v:,.0f} {unit}"


@dataclass
class Report:
    machine: dict[str, Any]
    config: Config
    results: dict[str, Any] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    def build_rows(self) -> None:
        r, rows = self.results, self.rows
        if "diff" in r:
            s = r["diff"]["summary"]
            if "2.7KB" in s:
                rows.append(Row("diff+flags, 2.7 KB, typical edits (pairs/s/core)",
                                s["2.7KB"]["typical_pairs_per_s"], "/s", ">= 10,000",
                                s["2.7KB"]["typical_pairs_per_s"] >= 10_000))
                rows.append(Row(f"diff+flags, 2.7 KB, worst type ({s['2.7KB']['worst_edit']})",
                                s["2.7KB"]["worst_pairs_per_s"], "/s", ">= 1,000",
                                s["2.7KB"]["worst_pairs_per_s"] >= 1000))
            if "100KB" in s:
                rows.append(Row("diff+flags, 100 KB, typical edits (pairs/s/core)",
                                s["100KB"]["typical_pairs_per_s"], "/s", ">= 3,000",
                                s["100KB"]["typical_pairs_per_s"] >= 3000))
                rows.append(Row(f"diff+flags, 100 KB, worst type ({s['100KB']['worst_edit']})",
                                s["100KB"]["worst_pairs_per_s"], "/s"))
            if "2.7KB" in s:
                rows.append(Row("speed-up over difflib, 2.7 KB, typical edits",
                                s["2.7KB"]["typical_ratio"], "x", ">= 5x", s["2.7KB"]["typical_ratio"] >= 5))
            if "100KB" in s:
                rows.append(Row("speed-up over difflib, 100 KB, typical edits",
                                s["100KB"]["typical_ratio"], "x", ">= 100x", s["100KB"]["typical_ratio"] >= 100))
        if "scaling" in r:
            k = r["scaling"]["k"]
            rows.append(Row("scaling exponent k (figure edit, 1 KB - 1 MB)", k, "k", "<= 1.2", k <= 1.2))
            rows.append(Row("scaling slope, 100 KB -> 1 MB alone", r["scaling"]["k_100KB_1MB"], "k"))
        if "parse" in r:
            for size in ("2.7KB", "100KB"):
                if size in r["parse"]:
                    rows.append(Row(f"parse cost, {size} (not in diff+flags above)",
                                    r["parse"][size]["s_per_text"], "µs" if size == "2.7KB" else "ms"))
        if "import" in r:
            imp = r["import"]
            n = imp["revisions_in_file"]
            rows.append(Row(f"`versioner import`, {n:,} revisions, one call (revisions/s)",
                            imp["revisions_per_s"], "/s", ">= 20,000", imp["revisions_per_s"] >= 20000))
            rss = imp["max_rss_kb"]
            rows.append(Row(f"`versioner import` peak RSS, {n:,} revisions", rss, "MB", "< 300 MB",
                            None if rss is None else rss < 300 * 1024))
        if "add_cli" in r:
            rows.append(Row("`versioner add`, whole process, per add", r["add_cli"]["median_s"], "ms"))
        if "add_inproc" in r:
            for mode, d in r["add_inproc"].items():
                rows.append(Row(f"Store.add in-process, {mode}, per add", d["s_per_add"], "ms"))
        if "audit" in r:
            a = r["audit"]
            rows.append(Row(f"`versioner audit --format json`, {a['pairs']:,} pairs, first run (pairs/s)",
                            a["pairs_per_s"], "/s", ">= 2,000", a["pairs_per_s"] >= 2000))
            if "cached_pairs_per_s" in a:
                rows.append(Row("`versioner audit --format json`, again, pairs cached (pairs/s)",
                                a["cached_pairs_per_s"], "/s", ">= 2,000", a["cached_pairs_per_s"] >= 2000))
            rows.append(Row(f"`versioner audit` peak RSS, {a['revisions']:,} revisions", a["max_rss_kb"], "MB"))
        if "startup" in r:
            st = r["startup"]
            h, d, py = st["versioner --help"], st["versioner diff KEY"], st["python -c pass"]
            rows.append(Row("`versioner --help`, whole process", h["median_s"], "ms", "<= 120 ms",
                            h["median_s"] <= 0.120))
            rows.append(Row("`versioner diff KEY`, small store, whole process", d["median_s"], "ms",
                            "<= 200 ms", d["median_s"] <= 0.200))
            rows.append(Row("`python -c pass`, same venv", py["median_s"], "ms"))
            rows.append(Row("`--help` / `python -c pass`", h["ratio_to_python"], "x"))
            rows.append(Row("`diff KEY` / `python -c pass`", d["ratio_to_python"], "x"))

    def markdown(self) -> str:
        m = self.machine
        out = [
            f"## versioner benchmarks ({'quick' if self.config.quick else 'full'} run)",
            "",
            f"Machine: {m['platform']}; {m['cpu']}; {m['cpu_count']} CPUs ({m['cpus_usable']} usable); "
            f"Python {m['python']} ({m['python_implementation']}); diff-match-patch {m['diff-match-patch']}; "
            f"SQLite {m['sqlite']} (sqlite-utils {m['sqlite-utils']}); versioner {m['versioner']}.",
            "",
            "| measure | value | target | result |",
            "|---|---:|---|---|",
        ]
        out += ["| " + " | ".join(row.cells()) + " |" for row in self.rows]
        r = self.results
        if "diff" in r:
            out += ["", "diff+flags per edit type: `flag_comparison(compare(old_parts, new_parts))` on "
                    "pre-parsed Parts (parse excluded), one thread; difflib: "
                    "`SequenceMatcher(None, old.split(), new.split(), autojunk=False).get_opcodes()` "
                    "on the same pairs in the same rounds. Medians of rounds.", "",
                    "| size | edit | pairs/s (versioner) | µs/pair | pairs/s (difflib) | speed-up | slowest pair |",
                    "|---|---|---:|---:|---:|---:|---:|"]
            for c in r["diff"]["cells"]:
                out.append(f"| {c['size']} ({c['bytes']:,} B) | {c['edit']} | {c['versioner_pairs_per_s']:,.0f} | "
                           f"{c['versioner_s_per_pair'] * 1e6:,.0f} | {c['difflib_pairs_per_s']:,.1f} | "
                           f"{c['ratio']:,.1f}x | {c['slowest_pair_s'] * 1e3:,.1f} ms |")
        if "scaling" in r:
            out += ["", "Scaling, one figure edit (align + diff + flags, parse excluded):", "",
                    "| size | bytes | ms per pair |", "|---|---:|---:|"]
            for p in r["scaling"]["points"]:
                out.append(f"| {p['size']} | {p['bytes']:,} | {p['s_per_pair'] * 1e3:,.3f} |")
            out.append(f"\nLeast-squares slope on log-log over all four sizes: k = {r['scaling']['k']:.2f}; "
                       f"slope from 100 KB to 1 MB alone: {r['scaling']['k_100KB_1MB']:.2f}.")
        if "parse" in r:
            out += ["", "Parse cost, `parse(normalise(text))`:", "", "| size | bytes | µs per text |",
                    "|---|---:|---:|"]
            for size, p in r["parse"].items():
                out.append(f"| {size} | {p['bytes']:,} | {p['s_per_text'] * 1e6:,.0f} |")
        if "import" in r:
            i = r["import"]
            out += ["", f"Import: {i['revisions_in_file']:,} revisions ({i['file_bytes'] / 1e6:,.0f} MB JSONL, "
                    f"{i['articles']:,} articles, {i['stored']:,} stored) in {i['seconds']:,.1f} s; "
                    f"store {i['store_bytes'] / 1e6:,.0f} MB."]
        if "audit" in r:
            a = r["audit"]
            out += [f"Audit: {a['pairs']:,} revision pairs in {a['seconds']:,.1f} s, comparing each pair; "
                    f"{a.get('cached_seconds', float('nan')):,.1f} s again with the pairs cached."]
        if self.errors:
            out += ["", "Errors:"] + [f"- {k}: {v}" for k, v in self.errors.items()]
        return "\n".join(out) + "\n"

    def to_json(self) -> dict[str, Any]:
        return {
            "machine": self.machine,
            "mode": "quick" if self.config.quick else "full",
            "results": self.results,
            "summary": [{"measure": row.measure, "value": row.value, "unit": row.unit, "target": row.target,
                         "result": None if row.ok is None else ("PASS" if row.ok else "MISS")}
                        for row in self.rows],
            "errors": self.errors,
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller run, under a minute")
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    ap.add_argument("--sections", default=",".join(SECTIONS), help=f"comma-separated, of: {', '.join(SECTIONS)}")
    ap.add_argument("--revisions", type=int, help="revisions for the import/audit runs")
    ap.add_argument("--save", metavar="FILE", help="also write the JSON report to FILE")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (its path goes to stderr)")
    args = ap.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    if args.revisions:
        cfg.revisions = args.revisions
    wanted = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = set(wanted) - set(SECTIONS)
    if unknown:
        ap.error(f"unknown section(s): {', '.join(sorted(unknown))}")

    report = Report(machine(), cfg)
    cmd = versioner_cmd()
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="versioner-bench-"))
    log(f"temporary folder {tmp}; versioner CLI: {' '.join(cmd)}")
    steps: list[tuple[str, str, Callable[[], Any]]] = [
        ("diff", "diff", lambda: bench_diff(cfg)),
        ("parse", "parse", lambda: bench_parse(cfg)),
        ("scaling", "scaling", lambda: bench_scaling(cfg)),
        ("startup", "startup", lambda: bench_startup(cfg, tmp, cmd)),
        ("import", "add_cli", lambda: bench_add_cli(cfg, tmp, cmd)),
        ("import", "add_inproc", lambda: bench_add_inproc(cfg, tmp)),
        ("import", "import", lambda: bench_import(cfg, tmp, cmd)),
    ]
    try:
        for section, key, fn in steps:
            if section in wanted:
                try:
                    report.results[key] = fn()
                except Exception as exc:  # a broken stage is reported, the rest still runs
                    report.errors[key] = f"{type(exc).__name__}: {exc}"
                    log(f"{key} FAILED: {exc}")
        if "audit" in wanted:
            try:
                imp = report.results.get("import")
                if imp is None:
                    if "import" not in wanted:
                        imp = bench_import(cfg, tmp, cmd)
                    else:
                        raise RuntimeError("no store to audit (the import failed)")
                report.results["audit"] = bench_audit(imp, cmd)
            except Exception as exc:
                report.errors["audit"] = f"{type(exc).__name__}: {exc}"
                log(f"audit FAILED: {exc}")
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    report.results["wall_s"] = time.perf_counter() - started
    report.build_rows()
    if args.save:
        Path(args.save).write_text(json.dumps(report.to_json(), indent=2, default=str) + "\n")
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), indent=2, default=str) + "\n")
    else:
        sys.stdout.write(report.markdown())
    log(f"done in {report.results['wall_s']:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
