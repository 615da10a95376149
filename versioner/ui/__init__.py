"""The interactive terminal UI (``versioner ui``), built on Textual.

Textual is an optional extra: it is imported only here, when the UI runs, so
other commands start as fast as before.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from versioner.errors import MissingExtra, UnknownRef

if TYPE_CHECKING:
    from versioner.ui.app import VersionerApp
    from versioner.ui.model import Browser


def _open_browser(store_path: str | os.PathLike[str] | None, key: str | None) -> Browser:
    from versioner.store import Store
    from versioner.ui.model import Browser

    store = Store.open(store_path, readonly=True)
    if key is not None and not store.has_article(key):
        store.close()
        raise UnknownRef(f"no article {key!r} in the store")
    browser = Browser(store)
    browser.articles()  # the one listing query, done before the first paint needs it
    return browser


def make_app(store_path: str | os.PathLike[str] | None, key: str | None = None) -> VersionerApp:
    """An app over the store at ``store_path`` (close ``app.browser`` when done);
    raises MissingExtra without Textual and UnknownRef for an unknown ``key``."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        # the store opens and lists its articles while Textual is imported:
        # SQLite releases the GIL while it reads, so the two overlap
        loading = pool.submit(_open_browser, store_path, key)
        try:
            import textual  # noqa: F401
        except ImportError:
            if loading.exception() is None:
                loading.result().close()
            raise MissingExtra("the terminal UI needs Textual: pip install 'versioner[ui]'") from None
        from versioner.ui.app import VersionerApp

        return VersionerApp(loading.result(), key)


def run(store_path: str | os.PathLike[str] | None, key: str | None = None) -> int:
    """Run the UI until the user quits; the exit code (Textual's, non-zero after a
    crash). Raises the first error the UI showed (a damaged article), so that
    ``versioner ui`` ends with it on one line and exit 2."""
    app = make_app(store_path, key)
    try:
        app.run()
    finally:
        app.browser.close()
    if app.failure is not None:
        raise app.failure
    return app.return_code or 0
