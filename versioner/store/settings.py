"""Settings from the environment: where the store is, how long a writer waits."""

from __future__ import annotations

import os
from pathlib import Path

from versioner.errors import StoreError

DEFAULT_STORE = Path("store") / "versioner.db"
# How long a writer waits for another's lock before giving up (a setting:
# VERSIONER_BUSY_TIMEOUT, in seconds); `connection.retry` tries a few times on top.
BUSY_TIMEOUT_S = 30.0


def busy_timeout() -> float:
    """Seconds to wait for another writer: ``VERSIONER_BUSY_TIMEOUT``, else 30."""
    raw = os.environ.get("VERSIONER_BUSY_TIMEOUT")
    if not raw:
        return BUSY_TIMEOUT_S
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 3600:
        raise StoreError(f"VERSIONER_BUSY_TIMEOUT must be seconds from 0 to 3600, not {raw!r}")
    return value


def store_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--store``, else ``VERSIONER_STORE``, else ``store/versioner.db`` here."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("VERSIONER_STORE")
    return Path(env) if env else DEFAULT_STORE


def store_target(explicit: str | os.PathLike[str] | None = None) -> Path | str:
    """Where the store is, for messages: ``store_path``, or a PostgreSQL URL (its password left out)."""
    from versioner.store.backend import postgres_url, shown_url

    url = postgres_url(explicit)
    return shown_url(url) if url else store_path(explicit)


def store_location(explicit: str | os.PathLike[str] | None = None) -> str:
    """Where the store is, for another process to open it: its file or URL (password and all)."""
    from versioner.store.backend import postgres_url

    return postgres_url(explicit) or os.path.abspath(store_path(explicit))
