"""REF syntax: ``KEY`` (latest), ``KEY@N`` (1-based, in capture order), ``KEY@-1``
(one before latest), ``KEY@sha:PREFIX`` (the revision whose sha256 starts with
PREFIX, at least 4 hex digits: unlike N, it stays the same when an older capture
is back-filled), or a path to a text file that is not stored.

A REF that names a stored article is that article, even when a file in the
current folder has the same name (a note on stderr says so): ``./NAME``, or any
path starting with ``/``, ``./`` or ``../``, is always a file."""

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
    if "@" in ref:  # no key holds an '@' (keys.check_key): it is a REF's, misspelt
        raise UnknownRef(f"{ref}: after '@' comes a revision number ({_key(ref)}@2, {_key(ref)}@-1)"
                         " or sha: and a hash prefix")
    return ref, 0


def _key(ref: str) -> str:
    return ref.split("@", 1)[0]


def resolve(store: Store, ref: str) -> Revision:
    key, n = split_ref(ref)
    if n == 0 and "@" in ref:
        raise UnknownRef(f"{ref}: revisions are numbered from 1 ({key}@1)")
    return store.revision(key, n)


def is_file_ref(ref: str) -> bool:
    """``ref`` names an existing file (which it means unless it names an article too)."""
    try:
        return Path(ref).is_file()
    except OSError:  # a name too long for a file (over 255 bytes) is a KEY, not a file
        return False


def is_path(ref: str) -> bool:
    """``ref`` is written as a path (``./NAME``, ``../NAME``, ``/NAME``): a file, never a KEY."""
    return ref.startswith(("/", "./", "../"))


def _means_file(store: Store | None, ref: str, is_file: bool, note: Callable[[str], None]) -> bool:
    """The one rule for every command: an existing file is read as a file unless
    the REF names a stored article, which wins (saying so: a file must not
    silently stand in for an article, nor an article for a file)."""
    if is_file and is_path(ref):
        return True
    if store is None or not store.has_article(_key(ref)):
        return is_file or is_path(ref)  # ./missing: "no such file", not "no article"
    if not is_file:
        return False
    note(f"{ref} names an article in the store and a file here: using the article (./{ref} for the file)")
    return False


def _store_if_any(open_store: Callable[[], Store]) -> Store | None:
    """The store, to look up REFs that are also files; None when there is none
    (``diff old.txt new.txt`` needs no store)."""
    from versioner.errors import StoreError

    try:
        return open_store()
    except StoreError:
        return None


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


def _quiet(note: str) -> None:
    pass


def revisions(refs: Sequence[str], open_store: Callable[[], Store],
              note: Callable[[str], None] = _quiet) -> list[Revision]:
    """The revision each REF names, in order: a file read as it is, a stored REF
    from the store, which is opened once and only when some REF may need it."""
    files = [is_file_ref(r) for r in refs]
    if all(is_path(r) and f for r, f in zip(refs, files)):
        return [file_revision(r) for r in refs]
    store = _store_if_any(open_store) if all(files) else open_store()
    if store is None:
        return [file_revision(r) for r in refs]
    with store:
        return [file_revision(r) if _means_file(store, r, is_file, note) else resolve(store, r)
                for r, is_file in zip(refs, files)]


def resolve_pair(refs: list[str], open_store: Callable[[], Store],
                 note: Callable[[str], None] = _quiet) -> tuple[Revision, Revision]:
    """The two revisions a ``diff`` compares: ``KEY`` alone is previous vs
    latest, ``KEY@N`` alone is @N-1 vs @N; files need no store."""
    if not 1 <= len(refs) <= 2:
        raise UnknownRef("diff takes one REF (KEY: previous vs latest) or two")
    if len(refs) == 2:
        old, new = revisions(refs, open_store, note)
        return old, new
    (ref,) = refs
    is_file = is_file_ref(ref)
    store = _store_if_any(open_store) if is_file else open_store()
    if is_file and (store is None or _means_file(store, ref, is_file, note)):
        if store is not None:
            store.close()
        raise UnknownRef(f"{ref}: a single file has nothing to compare with")
    assert store is not None
    with store:
        key, _ = split_ref(ref)
        new = resolve(store, ref)
        if new.number == 1:
            raise UnknownRef(f"{new.ref} is the first revision; there is nothing before it")
        return store.revision(key, new.number - 1), new
