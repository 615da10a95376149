"""The largest revision the default limits allow: `diff` and `ui` stay responsive.

    python bench/large_revision.py              # builds the pair (a few seconds), 3 rounds each
    python bench/large_revision.py --rounds 1 --paragraphs 5000

The pair: one article of 19,990 paragraphs, about 4 MB (the defaults are
5 MiB and 20,000 paragraphs), and a second revision with a figure changed in
every fourth paragraph, stored with `versioner add`. Whole processes, timed
by this parent with time.perf_counter; peak memory is the child's own max RSS
(os.wait4). Medians of the rounds:

- diff text: `versioner diff KEY` into a pipe (read and thrown away)
- diff json: `versioner diff KEY --format json` into a pipe
- ui first paint: `versioner ui KEY` headless at 100x30, from the start of the
  process to the first paint of the diff pane with the diff in it
- ui quit: `q` pressed while the diff is being computed (the pane says so),
  to the end of the process
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

KEY = "big"

# The UI child: open KEY (the diff of its latest revision starts at once); report
# when the diff pane shows the diff, or press q while it is still being computed.
_UI_CHILD = """
import asyncio, sys, time
t0 = time.perf_counter()
from textual import events
from versioner.ui import make_app
from versioner.ui.panes import DiffPane

async def main(store, key, mode):
    app = make_app(store, key)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            pane = app.query_one(DiffPane)
            if mode == "quit":
                while "computing the diff" not in str(pane.children[0].content if pane.children else ""):
                    await pilot.pause(0.01)
                # the key as a terminal delivers it (pilot.press also waits for the
                # screen to settle, which is not what a user waits for)
                print("q", time.time(), flush=True)
                app.post_message(events.Key("q", "q"))
                while app.is_running:
                    await asyncio.sleep(0.005)
                return
            while not pane.blocks:
                await pilot.pause(0.05)
            await pilot.pause()
            print("paint", time.perf_counter() - t0, flush=True)
            await pilot.press("q")
    finally:
        app.browser.close()

asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
"""


def build_texts(paragraphs: int, seed: int = 13) -> tuple[str, str]:
    """(old, new): ``paragraphs`` short wire paragraphs, each with figures; the new
    text changes one figure in every fourth paragraph."""
    from corpus import _NUMBER, Writer, _other_number

    rng = random.Random(seed)
    w = Writer(rng)
    names: list[str] = []
    paras = []
    para = ""
    while len(paras) < paragraphs:
        # sentences to about 200 characters a paragraph: 4 MB in all, under 5 MiB
        s = w.sentence(names)
        para = f"{para} {s}" if para else s
        if len(para) >= 170:
            if _NUMBER.search(para) and len(para) < 260:
                paras.append(para)
            para = ""
    edited = list(paras)
    for i in range(3, paragraphs, 4):
        m = rng.choice(list(_NUMBER.finditer(edited[i])))
        edited[i] = edited[i][: m.start()] + _other_number(rng, m.group()) + edited[i][m.end():]
    head = "Officials revise the count after the floods\n\n"
    return head + "\n\n".join(paras) + "\n", head + "\n\n".join(edited) + "\n"


def _exe() -> str:
    return shutil.which("versioner") or str(Path(sys.executable).with_name("versioner"))


def build_store(store: Path, tmp: Path, paragraphs: int) -> int:
    old, new = build_texts(paragraphs)
    for i, text in enumerate((old, new)):
        path = tmp / f"r{i}.txt"
        path.write_text(text, encoding="utf-8")
        subprocess.run([_exe(), "--store", str(store), "add", str(path), "--article", KEY,
                        "--at", f"2026-02-0{i + 1}T09:00:00Z"], check=True, stdout=subprocess.DEVNULL)
    return len(new.encode())


def _timed(cmd: Sequence[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stdout's last line) of one child whose stdout is a pipe."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    last = b""
    for line in proc.stdout:
        last = line or last
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, last.decode(errors="replace").strip()


def ui_quit(store: Path) -> tuple[float, float]:
    """Seconds from `q` (pressed during the diff) to the end of the process, and peak RSS."""
    proc = subprocess.Popen([sys.executable, "-c", _UI_CHILD, str(store), KEY, "quit"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    pressed = 0.0
    for line in proc.stdout:
        if line.startswith("q "):
            pressed = float(line.split()[1])
    _, _, usage = os.wait4(proc.pid, 0)
    return time.time() - pressed, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=19_990)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--skip", default="", help="comma-separated cells to skip: text,json,paint,quit")
    args = ap.parse_args(argv)
    skip = set(args.skip.split(","))
    tmp = Path(tempfile.mkdtemp(prefix="versioner-large-"))
    try:
        store = tmp / "v.db"
        size = build_store(store, tmp, args.paragraphs)
        print(f"pair: {args.paragraphs:,} paragraphs, {size / 1e6:.1f} MB", file=sys.stderr)
        cells = {
            "text": lambda: _timed([_exe(), "--store", str(store), "diff", KEY])[:2],
            "json": lambda: _timed([_exe(), "--store", str(store), "diff", KEY, "--format", "json"])[:2],
            "paint": lambda: (lambda r: (float(r[2].split()[1]), r[1]))(
                _timed([sys.executable, "-c", _UI_CHILD, str(store), KEY, "paint"])),
            "quit": lambda: ui_quit(store),
        }
        labels = {"text": "diff text into a pipe", "json": "diff --format json into a pipe",
                  "paint": "ui: first paint of the diff pane", "quit": "ui: q during the diff, to exit"}
        report: dict[str, object] = {"paragraphs": args.paragraphs, "mb": round(size / 1e6, 2)}
        for name, cell in cells.items():
            if name in skip:
                continue
            rounds = [cell() for _ in range(args.rounds)]
            secs = statistics.median(r[0] for r in rounds)
            rss = max(r[1] for r in rounds)
            report[name] = {"s": round(secs, 2), "peak_rss_mb": round(rss)}
            print(f"{labels[name]:<36} {secs:8.2f} s  {rss:7.0f} MB", file=sys.stderr)
        print(json.dumps(report))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
