"""What counting each notice once costs `versioner list` (issue 17): a store where
every article carries a correction through later revisions, the worst case (each
article's revisions are read again to count distinct notices).

    python bench/list_notices.py                 # 2,000 articles x 4 revisions
    python bench/list_notices.py --articles 500
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXE = str(Path(sys.executable).with_name("versioner"))


def _text(i: int, rev: int) -> str:
    notice = "(Corrects number of officials in paragraph 1)\n\n" if rev >= 2 else ""
    body = "\n\n".join(f"Paragraph {p} of story {i} says {p + rev} officials met on Monday." for p in range(1, 9))
    return f"{notice}Story {i} headline about the council\n\nOSTRA, March 1 (Meridian) \u2014 {body}\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for i in range(args.articles):
                for rev in range(1, 5):
                    fh.write(json.dumps({"article": f"story-{i}", "captured_at": f"2026-03-01T0{rev}:00:00Z",
                                         "text": _text(i, rev)}) + "\n")
        env_store = ["--store", str(Path(tmp) / "s.db")]
        subprocess.run([EXE, *env_store, "import", str(src)], check=True, capture_output=True)
        for fmt in ("json", "text"):
            best = min(_timed([EXE, *env_store, "list", "-f", fmt]) for _ in range(3))
            print(f"list -f {fmt}: {args.articles:,} articles x 4 revisions, each carrying its notice"
                  f" through 3: {best:.2f} s (best of 3)")


def _timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
