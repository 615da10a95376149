"""REF syntax: ``KEY`` (latest), ``KEY@N`` (1-based), ``KEY@-1`` (one before
latest), or a path to a text file that is not stored."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from versioner.errors import UnknownRef

if TYPE_CHECKING:
    from versioner.store import Revision, Store

_AT = re.compile(r"^(?P<key>.+)@(?P<n>-?\d+)$")


def split_ref(ref: str) -> tuple[str, int]:
    """(key, number); number 0 means latest, negative counts back from it."""
    m = _AT.match(ref)
    if m:
        return m.group("key"), int(m.group("n"))
    return ref, 0


def resolve(store: Store, ref: str) -> Revision:
    key, n = split_ref(ref)
    if n == 0 and "@" in ref:
        raise UnknownRef(f"{ref}: revisions are numbered from 1 ({key}@1)")
    return store.revision(key, n)


def is_file_ref(ref: str) -> bool:
    return Path(ref).is_file()


def file_revision(path: str, encoding: str | None = None) -> Revision:
    """An ad-hoc revision read from a file, not stored."""
    from versioner.ingest import read_file
    from versioner.parse import read_source
    from versioner.store import Revision, sha256_hex, utc_iso

    p = Path(path)
    src = read_source(read_file(p, encoding), path, encoding)
    return Revision(path, 0, utc_iso(), sha256_hex(src.text), src.text, source=path)
