"""Reading revisions from files, folders and JSON Lines, streamed.

Folder layout: ``DIR/<article-key>/<capture time>.txt`` (ISO 8601, basic
format allowed: ``20260201T081500Z.txt``); files directly in DIR get no key
and are placed by similarity. JSON Lines: one object a line with ``text`` or
``headline`` + ``body``, and optional ``article``, ``url``, ``captured_at``.
"""

from __future__ import annotations

import io
import itertools
import multiprocessing
import os
import signal
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from versioner.errors import BadInput
from versioner.model import NewRevision
from versioner.parse import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PARAGRAPHS,
    load_json,
    read_source,
    source_from_json,
)
from versioner.prepared import prepare
from versioner.times import utc_iso

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

SUFFIXES = (".txt", ".md", ".json")


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can be stored and printed: bytes of a name that are not
    UTF-8 (which Python carries as lone surrogates) become ``\\xNN`` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_file(path: Path, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, with one-line errors for what cannot be read. Devices and pipes
    are read no further than the limit: their size is not known beforehand."""
    name = shown_path(path)
    with open_input(path) as fh:
        st = os.fstat(fh.fileno())
        if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:  # refused without reading it
            raise BadInput(f"{name}: {st.st_size:,} bytes is over the limit of {max_bytes:,} (--max-bytes)")
        return read_bounded(fh, name, max_bytes)


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Standard input's bytes, read no further than the limit."""
    if sys.stdin is None:  # started with it closed (`<&-`)
        raise BadInput("stdin: standard input is closed")
    return read_bounded(sys.stdin.buffer, "stdin", max_bytes)


_CHUNK = 1024 * 1024


def read_bounded(fh: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Everything ``fh`` gives, refused as soon as it passes ``max_bytes``: an endless
    device or pipe costs no more memory than the limit. Read in chunks, since a
    single read allocates the size it asks for."""
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= max_bytes and (chunk := fh.read(min(_CHUNK, max_bytes + 1 - total))):
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise BadInput(f"{name}: cannot read ({exc.strerror})") from None
    except MemoryError:
        raise BadInput(f"{name}: out of memory reading it (a lower --max-bytes?)") from None
    if total > max_bytes:
        raise BadInput(f"{name}: over the limit of {max_bytes:,} bytes (--max-bytes)")
    return b"".join(chunks)


# How long to wait for a process to open a named pipe (FIFO) for writing: a plain
# open() would wait for ever. A writer that has opened it may take its time, as
# on stdin (``add <(curl ...)``).
PIPE_WAIT_S = 10.0


def open_input(path: Path) -> BinaryIO:
    """``path`` opened for reading, with one-line errors; a FIFO that no process
    opens for writing within ``PIPE_WAIT_S`` is refused rather than waited on."""
    name = shown_path(path)
    try:
        # non-blocking, or opening a FIFO would wait for a writer for ever
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    except FileNotFoundError:
        raise BadInput(f"{name}: no such file") from None
    except OSError as exc:
        raise BadInput(f"{name}: cannot read ({exc.strerror})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise BadInput(f"{name}: is a directory (use `versioner import` for folders)")
        first = _wait_for_writer(fd, name) if stat.S_ISFIFO(mode) and not _from_pipe_call(fd) else b""
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb") if not first else io.BufferedReader(_Prefixed(first, fd))


def _from_pipe_call(fd: int) -> bool:
    """A pipe made by pipe(), not a named FIFO (``<(...)`` is /dev/fd/N): it had its
    writer from the start, so an end of data is real and nothing is to be waited for.
    Such pipes live on one pseudo file system (Linux: pipefs)."""
    probe, other = os.pipe()
    try:
        return os.fstat(fd).st_dev == os.fstat(probe).st_dev
    finally:
        os.close(probe)
        os.close(other)


def _wait_for_writer(fd: int, name: str) -> bytes:
    """The first bytes of a FIFO opened non-blocking, once a writer has opened it
    (b"" if it wrote nothing yet, or nothing at all and closed)."""
    import select
    import time

    poller = select.poll()
    poller.register(fd, select.POLLIN)
    deadline = time.monotonic() + PIPE_WAIT_S
    while True:
        try:
            first = os.read(fd, _CHUNK)
        except BlockingIOError:
            return b""  # a writer has it open, with nothing written yet
        if first:
            return first
        # b"": no writer, yet. poll() wakes for data, or (POLLHUP) for a writer
        # that came and went; a writer that opened and is silent only a read sees.
        left = deadline - time.monotonic()
        if left <= 0:
            raise BadInput(f"{name}: no process wrote to this pipe within {PIPE_WAIT_S:g} s")
        events = poller.poll(min(left, 0.1) * 1000)
        if events and not events[0][1] & select.POLLIN:
            return b""  # a writer opened it and closed it without writing: empty


class _Prefixed(io.RawIOBase):
    """A file descriptor's bytes with ``first`` (already read from it) in front."""

    def __init__(self, first: bytes, fd: int) -> None:
        self._first = first
        self._fd = fd

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def readinto(self, buffer: Any) -> int:
        if self._first:
            n = min(len(buffer), len(self._first))
            buffer[:n] = self._first[:n]
            self._first = self._first[n:]
            return n
        return os.readv(self._fd, [buffer])

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
        super().close()


def time_from_name(path: Path) -> str | None:
    """The capture time a file's name gives (``20260201T081500Z.txt``), if it is one."""
    try:
        when = datetime.fromisoformat(path.stem)
    except ValueError:
        return None  # not a dated name: the time comes from the text or the file
    return _time(when, str(path))


def iter_path(
    path: Path,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_paragraphs: int = DEFAULT_MAX_PARAGRAPHS,
) -> Iterator[NewRevision]:
    """Every revision under a folder, or in a .jsonl file, one at a time."""
    try:
        is_dir = stat.S_ISDIR(path.stat().st_mode)
    except FileNotFoundError:
        raise BadInput(f"{shown_path(path)}: no such file or directory") from None
    except OSError as exc:  # a name too long, a loop of links
        raise BadInput(f"{shown_path(path)}: cannot read ({exc.strerror})") from None
    if is_dir:
        yield from _iter_dir(path, encoding, max_bytes, max_paragraphs)
    elif path.suffix in (".jsonl", ".ndjson"):
        yield from _iter_jsonl(path, max_bytes, max_paragraphs)
    else:
        raise BadInput(f"{shown_path(path)}: import takes a folder or a .jsonl file")


# A .jsonl file at least this big is read, normalised and parsed in a second
# process while this one writes; for less, starting that process does not pay.
READ_AHEAD_BYTES = 8 * 1024 * 1024
_BATCH = 200  # revisions sent from the reading process at a time
# Reading processes: parsing is most of an import's work, more than writing, so the
# batches are dealt out to two in turn, and the writer takes them back in that order.
READERS = 2


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

    def read_share(self, reader: int, readers: int) -> Iterator[NewRevision]:
        """``read`` of a .jsonl file, only the batches of ``_BATCH`` lines dealt to
        ``reader`` of ``readers``; an error of a line dealt to another reader may come too."""
        return _iter_jsonl(self.path, self.max_bytes, self.max_paragraphs, (reader, readers))

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
    (``prepared.prepare``) in another process, in the same order, with the same errors."""
    ctx = multiprocessing.get_context("fork")
    pipes = [ctx.Pipe(duplex=False) for _ in range(READERS)]
    workers = [
        ctx.Process(target=_prepare_in_worker, args=(revisions, k, pipes), daemon=True)
        for k in range(READERS)
    ]
    for worker in workers:
        worker.start()
    for _, sender in pipes:
        sender.close()
    try:
        # batch i comes from reader i % READERS; the first end (None) ends the input
        for k in itertools.cycle(range(READERS)):
            batch = pipes[k][0].recv()
            if batch is None:
                break
            if isinstance(batch, Exception):
                raise batch
            for row in batch:
                yield NewRevision(*row)
    except EOFError:
        raise BadInput(f"{revisions.path}: the process reading it stopped (out of memory?)") from None
    finally:
        for receiver, _ in pipes:
            receiver.close()
        for worker in workers:
            worker.kill()  # done, or no longer wanted: the import stopped reading
            worker.join()


def _prepare_in_worker(revisions: PathRevisions, reader: int,
                       pipes: list[tuple[Connection, Connection]]) -> None:
    # The forked copies of the reading ends (and of the other readers' sending
    # ends) would keep the pipes open after the importing process dies: closed,
    # a send to a killed import fails at once.
    out = pipes[reader][1]
    for receiver, sender in pipes:
        receiver.close()
        if sender is not out:
            sender.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the importing process
    batch: list[tuple[object, ...]] = []
    try:
        try:
            for item in revisions.read_share(reader, READERS):
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
        raise BadInput(f"{shown_path(root)}: no .txt, .md or .json files to import")
    for f in files:
        rel = f.relative_to(root)
        # a folder or file name that is not UTF-8 is taken, with the bytes escaped
        key = shown_path(rel.parts[-2]) if len(rel.parts) >= 2 else None
        src = read_source(read_file(f, encoding, max_bytes), shown_path(f), encoding, max_bytes, max_paragraphs)
        at = time_from_name(f) or src.published and _time(src.published, shown_path(f)) or _mtime(f)
        yield NewRevision(src.text, key, src.url, at, shown_path(rel))


def _mtime(f: Path) -> str:
    return utc_iso(datetime.fromtimestamp(f.stat().st_mtime, timezone.utc))


def _iter_jsonl(path: Path, max_bytes: int, max_paragraphs: int,
                share: tuple[int, int] = (0, 1)) -> Iterator[NewRevision]:
    name = shown_path(path)
    reader, readers = share
    count = 0
    with open_input(path) as fh:
        for lineno, line in _bounded_lines(fh, name, max_bytes):
            if line.isspace():  # a blank line (the same test as strip(), without a copy of the line)
                continue
            count += 1
            if (count - 1) // _BATCH % readers != reader:
                continue  # another reader's line
            where = f"{name}:{lineno}"
            obj = load_json(line, where)
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


def _bounded_lines(fh: BinaryIO, name: str, max_bytes: int) -> Iterator[tuple[int, bytes]]:
    """(number, line) for each line; a line longer than ``max_bytes`` is refused
    once that much of it is read, not after reading all of it (or, from a device,
    for ever)."""
    lineno = 0
    try:
        # max_bytes + 2: room for the limit and a line end (\r\n)
        while line := fh.readline(max_bytes + 2):
            lineno += 1
            if len(line) > max_bytes and len(line.rstrip(b"\r\n")) > max_bytes:
                raise BadInput(f"{name}:{lineno}: a line over the limit of {max_bytes:,} bytes (--max-bytes)")
            yield lineno, line
    except OSError as exc:
        raise BadInput(f"{name}: cannot read ({exc.strerror})") from None


def _time(value: str | datetime, where: str) -> str:
    """``utc_iso``, its error saying where the time was read."""
    try:
        return utc_iso(value)
    except BadInput as exc:
        raise BadInput(f"{where}: {exc}") from None
