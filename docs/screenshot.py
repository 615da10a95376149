"""Make docs/ui.svg, the README's screenshot of `versioner ui`, with the app itself.

    python docs/screenshot.py

Imports seeds/ into a temporary store, opens the app headless at 100x30 on
vessa-landslide, opens its second revision (``k k enter``) and saves the
screen as SVG. Deterministic: same seeds, same picture.
"""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


async def shoot(store: Path, out: Path) -> None:
    from versioner.ui import make_app

    app = make_app(store, "vessa-landslide")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(4):
                await app.workers.wait_for_complete()
                await pilot.pause()
            await pilot.press("k", "k", "enter")
            for _ in range(4):
                await app.workers.wait_for_complete()
                await pilot.pause()
            svg = app.export_screenshot(title="versioner ui")
    finally:
        app.browser.close()
    out.write_text(re.sub(r"terminal-\d+-", "terminal-", svg), encoding="utf-8")


def main() -> int:
    from versioner.ingest import iter_path
    from versioner.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "seeds.db"
        with Store.open(store, create=True) as st:
            st.import_many(iter_path(ROOT / "seeds", None, 5 * 1024 * 1024))
        asyncio.run(shoot(store, ROOT / "docs" / "ui.svg"))
    print("wrote docs/ui.svg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
