"""Fetching and extraction from a loopback server (extra: web).

    python bench/fetch.py             # 1,000 pages, 10,000 watch fetches
    python bench/fetch.py --quick     # 200 pages, 1,000 watch fetches

Figures:
- pages/s of `versioner watch URL... --once --concurrency 4 --delay 0` over N
  distinct pages served by a threaded http.server on 127.0.0.1 (whole process:
  robots.txt, GET, extraction, notice pass, storing the revision and its HTML);
  the same with `versioner fetch URL...` (one at a time);
- median and 90th-percentile time of `extract()` per page, in-process (CPU time);
- RSS of one process over M watch fetches (rounds of 100 URLs made due again
  each round), sampled at the first, middle and last round: flat means no
  growth with the number of fetches.

Pages are invented (a headline, a byline, six paragraphs, navigation, a
footer, a correction box on every tenth page); nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from loopback import Site, html  # noqa: E402

WORDS = ("harbour council ferry budget bridge tunnel school ministry river valley port airline"
         " inspection contract station museum election market festival rail").split()


def page(n: int) -> str:
    w = [WORDS[(n * 7 + i) % len(WORDS)] for i in range(12)]
    body = "".join(
        f"<p>The {w[i]} plan of district {n} was discussed on day {i + 1} by {40 + i * n % 50} members, who said"
        f" the {w[i + 1]} would cost {n % 90 + i}.{i} million crowns and take {i + 2} years to finish.</p>"
        for i in range(6))
    box = ("<div class='correction'><p>Correction: An earlier version of this article gave the wrong"
           f" cost for the {w[0]} plan of district {n}.</p></div>") if n % 10 == 0 else ""
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>The {w[0]} plan for district {n}</title>"
            f"<link rel='canonical' href='https://www.bench-gazette.example/local/{n}'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/local'>Local</a> <a href='/sport'>Sport</a></nav>"
            f"<article>{box}<h1>The {w[0]} plan for district {n}</h1><p class='byline'>By Ana Reed</p>"
            f"{body}</article><footer>Copyright Bench Gazette. <a href='/privacy'>Privacy</a></footer>"
            "</body></html>")


def _exe() -> str:
    return str(Path(sys.executable).with_name("versioner"))


def cli_rate(site: Site, n: int, tmp: Path, command: list[str]) -> float:
    store = tmp / f"{command[0]}.db"
    urls = [site.url(f"/p/{i}") for i in range(n)]
    start = time.perf_counter()
    subprocess.run([_exe(), "--store", str(store), *command, *urls, "--delay", "0"],
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return n / (time.perf_counter() - start)


def extraction_times(n: int) -> list[float]:
    from versioner.web.extract import extract

    pages = [page(i) for i in range(n)]
    extract(pages[0])  # imports and caches warmed
    times = []
    for p in pages:
        start = time.process_time()
        extract(p)
        times.append(time.process_time() - start)
    return times


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


def watch_memory(site: Site, fetches: int, tmp: Path) -> list[tuple[int, float]]:
    """RSS after rounds of 100 URLs, each made due again after its round."""
    import threading

    from versioner.store import Store
    from versioner.web.fetch import Fetcher, Settings
    from versioner.web.watch import Schedule, Watch, duration, register, run_round

    rounds = max(1, fetches // 100)
    samples: list[tuple[int, float]] = []
    with Store.open(tmp / "memory.db", create=True) as st, Fetcher(Settings(delay=0, retries=0)) as fetcher:
        register(st, [site.url(f"/p/{i}") for i in range(100)])
        plan = Watch(Schedule.parse(), duration("15m"), concurrency=4)
        done = 0
        for r in range(rounds):
            res = run_round(st, fetcher, plan, threading.Event(), lambda _: None, lambda _: None)
            done += res.checked
            st.conn.execute("update fetch_state set next_check = '2000-01-01T00:00:00Z'")
            st.conn.commit()
            if r in (0, rounds // 2, rounds - 1):
                samples.append((done, _rss_mb()))
    return samples


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--pages", type=int)
    ap.add_argument("--fetches", type=int)
    args = ap.parse_args()
    n = args.pages or (200 if args.quick else 1000)
    fetches = args.fetches or (1000 if args.quick else 10_000)
    site = Site(keep_requests=False)  # in this process: its log would count as our memory
    for i in range(n):
        site.serve(f"/p/{i}", html(page(i)))
    try:
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d)
            watch_rate = cli_rate(site, n, tmp, ["watch", "--once", "--concurrency", "4"])
            fetch_rate = cli_rate(site, n, tmp, ["fetch"])
            times = extraction_times(n)
            memory = watch_memory(site, fetches, tmp)
    finally:
        site.close()
    ms = sorted(t * 1000 for t in times)
    print(f"## fetch ({os.cpu_count()} cores, {n} pages from 127.0.0.1)\n")
    print("| figure | value |\n|---|---|")
    print(f"| `watch URL... --once --concurrency 4`, whole process | {watch_rate:.0f} pages/s |")
    print(f"| `fetch URL...` (one at a time), whole process | {fetch_rate:.0f} pages/s |")
    print(f"| `extract()` per page, median / p90 (CPU) | {statistics.median(ms):.1f} / {ms[int(len(ms) * .9)]:.1f} ms |")
    print("| RSS over watch fetches | " + ", ".join(f"{mb:.0f} MB after {k:,}" for k, mb in memory) + " |")


if __name__ == "__main__":
    main()
