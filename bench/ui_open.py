"""Time `versioner ui` from start to first paint on a store of 10,000 articles.

    python bench/ui_open.py                    # builds the store (about a minute), then 9 rounds
    python bench/ui_open.py --store X.db       # reuse a store built before (--keep prints its path)
    python bench/ui_open.py --articles 2000 --rounds 5

The store is made the way a user makes one: ``versioner import`` of a JSONL
file of revision chains from bench/corpus.py (4 revisions an article). Each
round is a fresh process that runs the app headless at 100x30 and stops
after the first screen refresh that follows mounting (the article list
painted; worst verdicts still being computed for the rows on screen).
Two figures per round: in-process (from the first line of the child,
before Textual is imported, to first paint) and whole process (interpreter
start-up and exit included, timed by the parent). Medians are printed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# The child: what `versioner ui --store X` does, plus a hook that reports
# first paint and exits. Textual is imported inside make_app, after t0.
_CHILD = """
import time
t0 = time.perf_counter()
import sys
from versioner.ui import make_app

app = make_app(sys.argv[1])
mount = type(app).on_mount

def on_mount(self):
    mount(self)
    self.call_after_refresh(lambda: (print(time.perf_counter() - t0), self.exit()))

type(app).on_mount = on_mount
try:
    app.run(headless=True, size=(100, 30))
finally:
    app.browser.close()
"""


def build_store(store: Path, articles: int, tmp: Path) -> None:
    from corpus import write_jsonl

    jsonl = tmp / "revisions.jsonl"
    counts = write_jsonl(jsonl, articles * 4)
    print(f"corpus: {counts['articles']} articles, {counts['revisions']} revisions", file=sys.stderr)
    exe = shutil.which("versioner") or str(Path(sys.executable).with_name("versioner"))
    subprocess.run([exe, "--store", str(store), "import", str(jsonl)], check=True,
                   stdout=subprocess.DEVNULL)


def one_round(store: Path) -> tuple[float, float]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _CHILD, str(store)], check=True,
                         capture_output=True, text=True).stdout
    whole = time.perf_counter() - start
    return float(out.strip().splitlines()[-1]), whole


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--store", type=Path, help="an existing store to open (skips building one)")
    ap.add_argument("--keep", action="store_true", help="keep the store built for this run")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="versioner-ui-bench-"))
    try:
        store = args.store or tmp / "ui.db"
        if args.store is None:
            build_store(store, args.articles, tmp)
        one_round(store)  # warm the page cache and the bytecode cache
        rounds = [one_round(store) for _ in range(args.rounds)]
        paint = statistics.median(r[0] for r in rounds)
        whole = statistics.median(r[1] for r in rounds)
        print(json.dumps({"store": str(store), "rounds": args.rounds,
                          "first_paint_s": round(paint, 3), "whole_process_s": round(whole, 3),
                          "target_s": 1.0, "pass": paint < 1.0}))
    finally:
        if args.keep or args.store:
            print(f"store kept at {args.store or tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
