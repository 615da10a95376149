"""A new store's private file: built beside the store's path by one process,
linked into place by its first commit (``Connection._publish``), and cleaned up
when a killed process left it behind."""

from __future__ import annotations

import errno
import itertools
import os
import re
import time
from pathlib import Path

from versioner.errors import StoreError

_PRIVATE = itertools.count(1)  # new stores opened by this process (threads each get their own file)
# a new store's private file (Store._new): .NAME.PID.N.new, from the store's name, the
# creating process and a counter (before the counter, the name had none: cleaned too)
_PRIVATE_NAME = r"(?P<base>\.{name}\.(?P<pid>\d+)(?:\.\d+)?\.new)(?:-wal|-shm|-journal)?"
STALE_AFTER_S = 24 * 3600


def link_new(tmp: Path, p: Path) -> bool:
    """Put the file ``tmp`` at ``p`` unless something is there already (then False)."""
    try:
        os.link(tmp, p)  # atomic, and unlike a rename it never replaces a store
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS):
            raise StoreError(f"cannot create store {p}: {exc.strerror}; nothing written") from None
        # a file system without hard links: a rename, checked first (a narrow race)
        if p.exists():
            return False
        os.replace(tmp, p)
    return True


def outermost_missing(folder: Path) -> Path | None:
    """The outermost of ``folder`` and its parents that does not exist yet."""
    missing = None
    for d in (folder, *folder.parents):
        if d.exists():
            break
        missing = d
    return missing


def remove_empty_dirs(folder: Path, made: Path | None) -> None:
    """Remove the folders a new store's open made, up to ``made``, as long as
    they are empty: rmdir refuses a folder another process has put a file in."""
    if made is None:
        return
    for d in (folder, *folder.parents):
        try:
            d.rmdir()
        except OSError:
            return
        if d == made:
            return


def remove_files(p: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{p}{suffix}")
        except FileNotFoundError:
            pass
        except OSError:
            pass  # a read-only folder: nothing of this process's can be there either


def clean_stale(p: Path) -> None:
    """Remove new stores' private files (``Store._new``) that a killed process
    left beside ``p``: those of a process that is gone, or untouched for a day."""
    parent = p.parent if str(p.parent) else Path(".")
    found: dict[str, float] = {}  # a private file -> the latest mtime of it and its -wal, -shm
    private = re.compile(_PRIVATE_NAME.format(name=re.escape(p.name)))
    try:
        for entry in os.scandir(parent):
            match = private.fullmatch(entry.name)
            if match:
                # a file of a process that is gone counts as untouched since the epoch
                mtime = entry.stat().st_mtime if _alive(int(match["pid"])) else 0.0
                found[match["base"]] = max(found.get(match["base"], 0.0), mtime)
    except OSError:
        return
    for base, mtime in found.items():
        if time.time() - mtime > STALE_AFTER_S:
            remove_files(parent / base)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def private_file(p: Path) -> Path:
    """A new name for this process's private file of a new store at ``p``."""
    return p.with_name(f".{p.name}.{os.getpid()}.{next(_PRIVATE)}.new")
