"""What a back-fill costs: storing a capture older than an article's revisions
renumbers every later one (two UPDATEs in the add's transaction).

    python bench/backfill.py                      # chains of 10, 100, 1,000 and 10,000 revisions
    python bench/backfill.py --sizes 100 1000 --rounds 9

For each chain length N, three figures (medians over the rounds, CPU time of this
process, as in bench/run.py: wall time would count other tenants' stalls):
an append (`add` of a capture after the latest), a back-fill before all N
(`add` of a capture older than the first), and an import of 100 captures older
than all N in one transaction (each renumbers the N + i after it).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from versioner.store import NewRevision, Store


def _text(i: int) -> str:
    return f"Story headline\n\nBody of revision {i}, with a figure of {i * 7} people.\n"


def _chain(path: Path, n: int) -> None:
    with Store.open(path, create=True) as st:
        st.import_many([NewRevision(_text(i), "story", captured_at=f"2026-03-03T08:00:{i % 60:02}.{i:06}Z")
                        for i in range(n)])


def _cpu(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def measure(n: int, rounds: int, tmp: Path) -> tuple[float, float, float]:
    append, back, bulk = [], [], []
    for r in range(rounds):
        path = tmp / f"chain-{n}-{r}.db"
        _chain(path, n)
        with Store.open(path) as st:
            append.append(_cpu(lambda: st.add(NewRevision(_text(-1), "story", captured_at="2026-03-04T00:00:00Z"))))
            back.append(_cpu(lambda: st.add(NewRevision(_text(-2), "story", captured_at="2026-03-01T00:00:00Z"))))
            old = [NewRevision(_text(-10 - i), "story", captured_at=f"2026-02-01T00:{i // 60:02}:{i % 60:02}Z")
                   for i in range(100)]
            bulk.append(_cpu(lambda: st.import_many(old)))
            assert st.verify()[1] == []
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return statistics.median(append), statistics.median(back), statistics.median(bulk)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10_000])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    print(f"{'revisions':>10} {'append ms':>10} {'back-fill ms':>13} {'import 100 older ms':>20}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            a, b, c = measure(n, args.rounds, Path(tmp))
            print(f"{n:>10,} {a * 1000:>10.2f} {b * 1000:>13.2f} {c * 1000:>20.1f}")


if __name__ == "__main__":
    main()
