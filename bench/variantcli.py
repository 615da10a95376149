"""The command line the three invented-variant benches share (``variants.py``,
``flagvariants.py``, ``figurevariants.py``): the same options, ``--dump`` to read the
drawn pairs, and a quiet exit when the report is piped into ``head``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any


def parser(doc: str, per: int) -> argparse.ArgumentParser:
    """--per, --seed, --pattern, --failures, --json and --dump, ``per`` pairs a pattern by default."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--per", type=int, default=per, help=f"pairs of each pattern (default {per})")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pattern", action="append", help="only these patterns")
    ap.add_argument("--failures", type=int, default=0, metavar="N")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dump", help="write the pairs as JSONL here (to read them)")
    return ap


def dump(cases: Iterable[Any], path: str | None) -> None:
    """Each drawn case (a dataclass) as one JSON line in ``path``, when one is given."""
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            for c in cases:
                fh.write(json.dumps(c.__dict__, ensure_ascii=False, default=lambda o: o.__dict__) + "\n")


def run_main(main: Callable[[], int]) -> None:
    """Exit with ``main``'s status; `| head` closing the pipe early is no error."""
    try:
        sys.exit(main())
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
