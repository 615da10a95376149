"""REF syntax: ``KEY`` (latest), ``KEY@N`` (1-based, in capture order), ``KEY@-1``
(one before latest), ``KEY@sha:PREFIX`` (the revision whose sha256 starts with
PREFIX, at least 4 hex digits: unlike N, it stays the same when an older capture
is back-filled), or a path to a text file that is not stored."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from versioner.errors import UnknownRef

if TYPE_CHECKING:
    from versioner.store import Revision, Store

_AT = re.compile(r"^(?P<key>.+)@(?P<n>-?\d+)$")
_AT_SHA = re.compile(r"^(?P<key>.+)@sha:(?P<prefix>.*)$", re.DOTALL)
MIN_SHA_PREFIX = 4  # as git: fewer digits would often match several revisions
_SHA_PREFIX = re.compile(rf"[0-9a-f]{{{MIN_SHA_PREFIX},64}}")


def split_ref(ref: str) -> tuple[str, int | str]:
    """(key, number); number 0 means latest, negative counts back from it; for
    ``KEY@sha:PREFIX``, (key, PREFIX in lower case)."""
    m = _AT_SHA.match(ref)
    if m:
        prefix = m.group("prefix").lower()
        if not _SHA_PREFIX.fullmatch(prefix):
            raise UnknownRef(f"{ref}: 'sha:' takes {MIN_SHA_PREFIX} to 64 hex digits of a revision's sha256")
        return m.group("key"), prefix
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
    """The one rule for every command: a REF that names an existing file is that
    file (not stored), whatever it looks like; anything else is a stored REF."""
    try:
        return Path(ref).is_file()
    except OSError:  # a name too long for a file (over 255 bytes) is a KEY, not a file
        return False


def file_revision(path: str, encoding: str | None = None) -> Revision:
    """An ad-hoc revision read from a file, not stored."""
    from versioner.ingest import read_file, shown_path
    from versioner.model import Revision
    from versioner.parse import read_source
    from versioner.times import utc_iso

    p = Path(path)
    name = shown_path(path)  # the bytes of a name that is not UTF-8 escaped
    src = read_source(read_file(p, encoding), name, encoding)
    from datetime import datetime, timezone

    mtime = datetime.fromtimestamp(p.stat().st_mtime, timezone.utc)
    return Revision.from_text(name, 0, utc_iso(mtime), src.text, source=name)


def revisions(refs: Sequence[str], open_store: Callable[[], Store]) -> list[Revision]:
    """The revision each REF names, in order: a file read as it is, a stored REF
    from the store, which is opened once and only when some REF needs it."""
    files = [is_file_ref(r) for r in refs]
    if all(files):
        return [file_revision(r) for r in refs]
    with open_store() as store:
        return [file_revision(r) if is_file else resolve(store, r) for r, is_file in zip(refs, files)]


def resolve_pair(refs: list[str], open_store: Callable[[], Store]) -> tuple[Revision, Revision]:
    """The two revisions a ``diff`` compares: ``KEY`` alone is previous vs
    latest, ``KEY@N`` alone is @N-1 vs @N; files need no store."""
    if not 1 <= len(refs) <= 2:
        raise UnknownRef("diff takes one REF (KEY: previous vs latest) or two")
    if len(refs) == 2:
        old, new = revisions(refs, open_store)
        return old, new
    (ref,) = refs
    if is_file_ref(ref):
        raise UnknownRef(f"{ref}: a single file has nothing to compare with")
    with open_store() as store:
        key, _ = split_ref(ref)
        new = resolve(store, ref)
        if new.number == 1:
            raise UnknownRef(f"{new.ref} is the first revision; there is nothing before it")
        return store.revision(key, new.number - 1), new
