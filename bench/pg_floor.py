"""PostgreSQL's floor for a bulk import (bench/scale.py prints it beside versioner's
import): the benchmark's revisions, their rows made beforehand (sha256, parsed
parts), written into versioner's own schema in one transaction, two ways:

- one statement a row, waiting for each (a revision's insert, and a new article's
  select and insert): the round trips versioner's writer makes;
- ``executemany`` in batches of 2,000, which psycopg 3 sends pipelined: one round
  trip a batch. (``COPY`` measured the same: the server's inserts, indexes and
  TOAST compression are then the limit, not the round trips.)

    python bench/pg_floor.py --revisions 20000
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "helpers"))

REV_INSERT = ("insert into revisions (article_id, number, captured_at, sha256, text, parts, notices)"
              " values (%s, %s, %s, %s, %s, %s, %s)")


def _rows(jsonl: Path) -> list[tuple[Any, ...]]:
    """(article, number, captured_at, sha256, text, parts, notices), as versioner would write them."""
    from versioner.prepared import parsed, sha256_hex

    rows: list[tuple[Any, ...]] = []
    numbers: dict[str, int] = {}
    with jsonl.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            key, text = rec["article"], rec["text"]
            numbers[key] = numbers.get(key, 0) + 1
            rows.append((key, numbers[key], rec["captured_at"], sha256_hex(text), text, *parsed(text)))
    return rows


def _one_by_one(cur: Any, rows: list[tuple[Any, ...]]) -> None:
    ids: dict[str, int] = {}
    for key, *rest in rows:
        if key not in ids:
            cur.execute("select id from articles where key = %s", (key,)).fetchone()
            ids[key] = cur.execute("insert into articles (key, created_at) values (%s, %s) returning id",
                                   (key, rest[1])).fetchone()[0]
        cur.execute(REV_INSERT + " returning id", (ids[key], *rest)).fetchone()


def _batched(cur: Any, rows: list[tuple[Any, ...]]) -> None:
    keys = list(dict.fromkeys(r[0] for r in rows))
    cur.executemany("insert into articles (key, created_at) values (%s, '')", [(k,) for k in keys])
    ids = dict(cur.execute("select key, id from articles").fetchall())
    for i in range(0, len(rows), 2000):
        cur.executemany(REV_INSERT, [(ids[key], *rest) for key, *rest in rows[i:i + 2000]])


def floor(new_store: Any, jsonl: Path) -> dict[str, float]:
    """Revisions/s each way; ``new_store()`` gives the URL of an empty, migrated store."""
    import psycopg

    rows = _rows(jsonl)
    rates = {}
    for name, write in (("one statement a row", _one_by_one), ("executemany, pipelined", _batched)):
        with psycopg.connect(new_store(), autocommit=True) as conn, conn.transaction(), conn.cursor() as cur:
            t0 = time.perf_counter()
            write(cur, rows)
        rates[name] = len(rows) / (time.perf_counter() - t0)
        print(f"PostgreSQL floor, {name}: {rates[name]:,.0f} revisions/s", flush=True)
    return rates


def new_store(cluster: Any) -> str:
    from versioner.store import Store

    url = str(cluster.new_schema())
    Store.open(url, create=True).close()
    return url


def main() -> int:
    import corpus
    from pgcluster import Cluster

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--revisions", type=int, default=100_000)
    args = ap.parse_args()
    cluster = Cluster()
    try:
        why = cluster.start()
        if why:
            print(f"skipped: {why}")
            return 0
        jsonl = Path(tempfile.mkdtemp(prefix="versioner-floor-")) / "revisions.jsonl"
        corpus.write_jsonl(jsonl, args.revisions)
        floor(lambda: new_store(cluster), jsonl)
        jsonl.unlink()
        jsonl.parent.rmdir()
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
