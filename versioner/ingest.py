"""Reading revisions from files, folders and JSON Lines, streamed.

Folder layout: ``DIR/<article-key>/<capture time>.txt`` (ISO 8601, basic
format allowed: ``20260201T081500Z.txt``); files directly in DIR get no key
and are placed by similarity. JSON Lines: one object a line with ``text`` or
``headline`` + ``body``, and optional ``article``, ``url``, ``captured_at``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from versioner.errors import BadInput
from versioner.parse import DEFAULT_MAX_BYTES, DEFAULT_MAX_PARAGRAPHS, read_source, source_from_json
from versioner.store import NewRevision, prepare, utc_iso

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

SUFFIXES = (".txt", ".md", ".json")


def read_file(path: Path, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, with one-line errors for what cannot be read."""
    if not path.exists():
        raise BadInput(f"{path}: no such file")
    if path.is_dir():
        raise BadInput(f"{path}: is a directory (use `versioner import` for folders)")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BadInput(f"{path}: {size:,} bytes is over the limit of {max_bytes:,} (--max-bytes)")
        return path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from None


def time_from_name(path: Path) -> str | None:
    """The capture time a file's name gives (``20260201T081500Z.txt``), if it is one."""
    try:
        when = datetime.fromisoformat(path.stem)
    except ValueError:
        return None  # not a dated name: the time comes from the text or the file
    try:
        return utc_iso(when)
    except BadInput as exc:
        raise BadInput(f"{path}: {exc}") from None


def iter_path(
    path: Path,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_paragraphs: int = DEFAULT_MAX_PARAGRAPHS,
) -> Iterator[NewRevision]:
    """Every revision under a folder, or in a .jsonl file, one at a time."""
    if not path.exists():
        raise BadInput(f"{path}: no such file or directory")
    if path.is_dir():
        yield from _iter_dir(path, encoding, max_bytes, max_paragraphs)
    elif path.suffix in (".jsonl", ".ndjson"):
        yield from _iter_jsonl(path, max_bytes, max_paragraphs)
    else:
        raise BadInput(f"{path}: import takes a folder or a .jsonl file")


# A .jsonl file at least this big is read, normalised and parsed in a second
# process while this one writes; for less, starting that process does not pay.
READ_AHEAD_BYTES = 8 * 1024 * 1024
_BATCH = 200  # revisions sent from the reading process at a time


@dataclass(frozen=True)
class PathRevisions:
    """``iter_path`` as an iterable that reads the input afresh each time it is
    iterated: an import of input that is out of capture order reads it twice
    rather than holding it."""

    path: Path
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_paragraphs: int = DEFAULT_MAX_PARAGRAPHS

    def __iter__(self) -> Iterator[NewRevision]:
        if self._read_ahead_pays():
            return _read_ahead(self)
        return self.read()

    def read(self) -> Iterator[NewRevision]:
        return iter_path(self.path, self.encoding, self.max_bytes, self.max_paragraphs)

    def _read_ahead_pays(self) -> bool:
        try:
            big = self.path.suffix in (".jsonl", ".ndjson") and self.path.stat().st_size >= READ_AHEAD_BYTES
        except OSError:
            return False  # iter_path says what is wrong
        # fork, not spawn: spawn runs the caller's main module again, and only Linux
        # forks a Python process safely (the child touches no lock and no store)
        return big and sys.platform == "linux" and len(os.sched_getaffinity(0)) > 1


def _read_ahead(revisions: PathRevisions) -> Iterator[NewRevision]:
    """The revisions of ``revisions.read()``, read and prepared for storing
    (``store.prepare``) in another process, in the same order, with the same errors."""
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_prepare_in_worker, args=(revisions, sender, receiver), daemon=True)
    worker.start()
    sender.close()
    try:
        while (batch := receiver.recv()) is not None:
            if isinstance(batch, Exception):
                raise batch
            for row in batch:
                yield NewRevision(*row)
    except EOFError:
        raise BadInput(f"{revisions.path}: the process reading it stopped (out of memory?)") from None
    finally:
        receiver.close()
        worker.kill()  # done, or no longer wanted: the import stopped reading
        worker.join()


def _prepare_in_worker(revisions: PathRevisions, out: Connection, parents_end: Connection) -> None:
    # The forked copy of the reading end would keep the pipe open after the
    # importing process dies: closed, a send to a killed import fails at once.
    parents_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the importing process
    batch: list[tuple[object, ...]] = []
    try:
        try:
            for item in revisions.read():
                batch.append((item.text, item.article, item.url, item.captured_at, item.source,
                              prepare(item.text)))
                if len(batch) >= _BATCH:
                    out.send(batch)
                    batch = []
        except Exception as exc:
            out.send(batch)
            out.send(exc)
            return
        out.send(batch)
        out.send(None)
    except OSError:
        pass  # the importing process stopped reading (an error, or killed)


def _iter_dir(root: Path, encoding: str | None, max_bytes: int, max_paragraphs: int) -> Iterator[NewRevision]:
    files = sorted(
        p for p in root.rglob("*")
        if p.is_file() and p.suffix in SUFFIXES and not p.name.upper().startswith("README")
    )
    if not files:
        raise BadInput(f"{root}: no .txt, .md or .json files to import")
    for f in files:
        rel = f.relative_to(root)
        key = rel.parts[-2] if len(rel.parts) >= 2 else None
        src = read_source(read_file(f, encoding, max_bytes), str(f), encoding, max_bytes, max_paragraphs)
        at = time_from_name(f) or src.published and _time(src.published, str(f)) or _mtime(f)
        yield NewRevision(src.text, key, src.url, at, str(rel))


def _mtime(f: Path) -> str:
    return utc_iso(datetime.fromtimestamp(f.stat().st_mtime, timezone.utc))


def _iter_jsonl(path: Path, max_bytes: int, max_paragraphs: int) -> Iterator[NewRevision]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        for lineno, line in enumerate(fh, 1):
            where = f"{path}:{lineno}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                raise BadInput(f"{where}: {len(line):,} bytes is over the limit of {max_bytes:,}")
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise BadInput(f"{where}: not valid JSON ({exc})") from None
            if not isinstance(obj, dict):
                raise BadInput(f"{where}: each line must be a JSON object")
            src = source_from_json(obj, where, max_paragraphs)
            article = obj.get("article")
            at = obj.get("captured_at") or obj.get("at") or src.published
            if article is not None and not isinstance(article, str):
                raise BadInput(f"{where}: 'article' must be a string")
            if at is not None and not isinstance(at, str):
                raise BadInput(f"{where}: 'captured_at' must be an ISO 8601 string")
            yield NewRevision(src.text, article, src.url, _time(at, where) if at else None, where)


def _time(value: str, where: str) -> str:
    """``utc_iso``, its error saying where the time was read."""
    try:
        return utc_iso(value)
    except BadInput as exc:
        raise BadInput(f"{where}: {exc}") from None
