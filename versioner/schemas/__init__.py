"""JSON Schemas (Draft 2020-12) of the JSON documents the commands write: ``diff``,
``diff --stat``, ``audit``, ``log``, ``list``, ``show`` and ``verify`` (``NAME.json``), and of one line of
``list`` and ``audit`` as newline-delimited JSON (``NAME-row.json``).

Every document carries ``schema_version``: SCHEMA_VERSION is raised whenever a key
is renamed, removed or changes type, or a key is added (the schemas allow no key
they do not name), and the files here change with it."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_VERSION = 1

NAMES = ("diff", "diff-stat", "audit", "log", "list", "show", "verify", "list-row", "audit-row")


def load(name: str) -> dict[str, Any]:
    """The schema of one document, one of NAMES."""
    from importlib.resources import files

    data: dict[str, Any] = json.loads(files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8"))
    return data
