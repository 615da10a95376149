"""The parse's cost per revision (issue 19): what each reading process of a bulk
import spends in ``prepared.prepare`` (sha256, ``parse_pieces``, the stored
spans), on the import benchmark's revisions in their order.

    python bench/parse_cost.py                  # 20,000 revisions
    python bench/parse_cost.py --revisions 5000

CPU time of this process (not wall time: the machine may be shared), the median
of five passes. "Every paragraph new" turns the parser's memo of paragraphs seen
lately off: the cost for input whose paragraphs never repeat.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402


def per_revision_us(texts: list[str], work: Callable[[str], object], before: Callable[[], None]) -> float:
    runs = []
    for _ in range(5):
        before()
        t0 = time.process_time()
        for text in texts:
            work(text)
        runs.append(time.process_time() - t0)
    return statistics.median(runs) / len(texts) * 1e6


def main() -> int:
    from versioner import parse
    from versioner.prepared import prepare

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--revisions", type=int, default=20_000)
    args = ap.parse_args()
    texts = [parse.source_from_json(rec).text
             for rec in corpus.revision_chains(max(1, args.revisions // 4), 4)]
    clear = parse._read_unit_memo.cache_clear
    print(f"{len(texts):,} revisions, {sum(map(len, texts)) / len(texts):,.0f} characters each")
    print(f"parse_pieces: {per_revision_us(texts, parse.parse_pieces, clear):.0f} µs/revision")
    print(f"prepare (sha256, parse, spans): {per_revision_us(texts, prepare, clear):.0f} µs/revision")
    memo_chars = parse._MEMO_CHARS
    parse._MEMO_CHARS = -1
    try:
        print(f"parse_pieces, every paragraph new: {per_revision_us(texts, parse.parse_pieces, clear):.0f} µs/revision")
    finally:
        parse._MEMO_CHARS = memo_chars
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
