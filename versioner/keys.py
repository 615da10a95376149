"""Article keys: what a key may be (the identity stage makes them; the store checks them)."""

from __future__ import annotations

import re

from versioner.errors import BadInput
from versioner.parse import require_utf8

MAX_KEY_LEN = 200

_CONTROL_CHAR = re.compile("[\x00-\x1f\x7f-\x9f]")


def check_key(key: str) -> str:
    """An article key is shown and stored as text, never used as a path or SQL."""
    if not key or not key.strip():
        raise BadInput("article key is empty")
    if "@" in key:
        raise BadInput(f"article key {key!r} contains '@', which REF syntax reserves")
    if len(key) > MAX_KEY_LEN:
        raise BadInput(f"article key is over {MAX_KEY_LEN} characters")
    if _CONTROL_CHAR.search(key):
        raise BadInput("article key contains control characters")
    return require_utf8(key, "article key")
