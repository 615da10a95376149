"""Make docs/ui.svg, the README's screenshot of `versioner ui`, with the app itself.

    python docs/screenshot.py

Imports seeds/ into a temporary store, opens the app headless at 100x30 on
vessa-landslide, opens its second revision (``k k enter``) and saves the
screen as SVG. Deterministic: same seeds, same picture.

    python docs/screenshot.py --store S --size 80x24 --key K --out X.svg [KEYS...]

shoots another store, size, article and keys (Textual key names) instead;
bench/screenshots.sh makes docs/screenshots/ with it.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


async def _settle(app: Any, pilot: Any) -> None:
    from textual.worker import WorkerCancelled

    for _ in range(4):  # every worker, and the screen updates they post
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue  # one replaced by a newer one: wait for the rest
        await pilot.pause()


async def shoot(store: Path, out: Path, size: tuple[int, int] = (100, 30), key: str = "vessa-landslide",
                keys: Sequence[str] = ("k", "k", "enter")) -> None:
    from versioner.ui import make_app

    app = make_app(store, key)
    try:
        async with app.run_test(size=size) as pilot:
            await _settle(app, pilot)
            for press in keys:
                await pilot.press(press)
                await _settle(app, pilot)
            svg = app.export_screenshot(title="versioner ui")
    finally:
        app.browser.close()
    out.write_text(re.sub(r"terminal-\d+-", "terminal-", svg), encoding="utf-8")


def main() -> int:
    from versioner.ingest import iter_path
    from versioner.store import Store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path)
    parser.add_argument("--size", default="100x30")
    parser.add_argument("--key", default="vessa-landslide")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "ui.svg")
    parser.add_argument("keys", nargs="*", default=["k", "k", "enter"])
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "seeds.db"
            with Store.open(store, create=True) as st:
                st.import_many(iter_path(ROOT / "seeds", None, 5 * 1024 * 1024))
        asyncio.run(shoot(store, args.out, (cols, rows), args.key, args.keys))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
