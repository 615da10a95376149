"""The terminal UI as an SVG screenshot, driven headlessly by Textual's pilot.

    python bench/ui_screenshot.py STORE WIDTH HEIGHT OUT.svg [--key KEY] [KEYS...]

opens the UI on STORE (at article KEY), presses KEYS (Textual key names:
enter, j, s, ...) once every worker has finished, and writes the screen.
bench/screenshots.sh turns it into a PNG for docs/screenshots/.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from textual.worker import WorkerCancelled

from versioner.ui import make_app


async def _shoot(store: str, size: tuple[int, int], key: str | None, keys: list[str], out: Path) -> None:
    app = make_app(store, key)
    try:
        async with app.run_test(size=size) as pilot:
            for press in [None, *keys]:
                if press is not None:
                    await pilot.press(press)
                for _ in range(4):  # every worker, and the screen updates they post
                    try:
                        await app.workers.wait_for_complete()
                    except WorkerCancelled:
                        continue  # replaced by a newer one: wait for the rest
                    await pilot.pause()
            out.write_text(app.export_screenshot(title="versioner ui"), encoding="utf-8")
    finally:
        app.browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("width", type=int)
    parser.add_argument("height", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--key")
    parser.add_argument("keys", nargs="*")
    args = parser.parse_intermixed_args()
    asyncio.run(_shoot(args.store, (args.width, args.height), args.key, args.keys, args.out))


if __name__ == "__main__":
    main()
