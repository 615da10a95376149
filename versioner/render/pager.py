"""A pager for output at a terminal, as git has one: ``$VERSIONER_PAGER``, else
``$PAGER``, else ``less`` with ``LESS=FRX`` (quit when the output fits one screen,
keep colours, leave the text on the screen). Never into a pipe or a file; an empty
pager or ``cat`` means none."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess


def pager_command() -> str | None:
    """The pager to run through the shell, or None for none."""
    import shutil

    command = os.environ.get("VERSIONER_PAGER", os.environ.get("PAGER"))
    if command is None:
        command = "less" if shutil.which("less") else ""
    return None if command.strip() in ("", "cat") else command


class _PagerOutput(io.TextIOBase):
    """Standard output while paging: the pager starts at the first write (an error,
    or a command with nothing to say, never opens one), and it says it is a terminal:
    what is written reaches one, so rich lays it out and colours it as for the terminal."""

    def __init__(self, command: str, encoding: str) -> None:
        super().__init__()
        self._command, self._encoding = command, encoding
        self._pager: subprocess.Popen[bytes] | None = None
        self._pipe: io.TextIOWrapper | None = None

    @property
    def encoding(self) -> str:  # type: ignore[override]  # read-only on io.TextIOBase too
        return self._encoding

    def isatty(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self._pipe is None:
            self._start()
        assert self._pipe is not None
        return self._pipe.write(text)

    def flush(self) -> None:
        if self._pipe is not None:
            self._pipe.flush()

    def _start(self) -> None:
        import subprocess

        env = {**os.environ, "LESS": os.environ.get("LESS", "FRX"), "LV": os.environ.get("LV", "-c")}
        self._pager = subprocess.Popen(self._command, shell=True, stdin=subprocess.PIPE, env=env)
        assert self._pager.stdin is not None
        self._pipe = io.TextIOWrapper(self._pager.stdin, encoding=self._encoding, errors="backslashreplace")

    def finish(self) -> None:
        """Close the pager's input and wait for the reader to quit it."""
        if self._pipe is None or self._pager is None:
            return
        try:
            self._pipe.close()
        except BrokenPipeError:
            pass  # the reader quit before the end: nothing more to show
        while True:
            try:
                self._pager.wait()
                return
            except KeyboardInterrupt:
                continue  # Ctrl-C belongs to the pager (less keeps running): wait for it to end


@contextmanager
def paged(enabled: bool = True) -> Iterator[None]:
    """``sys.stdout`` goes to a pager while the block runs, when ``enabled`` and
    stdout is a terminal; the pager is waited for at the end (a reader who quits
    early makes the next write a BrokenPipeError, as a closed pipe does)."""
    command = pager_command() if enabled and sys.stdout.isatty() else None
    if command is None:
        yield
        return
    sys.stdout.flush()
    real = sys.stdout
    out = _PagerOutput(command, real.encoding or "utf-8")
    sys.stdout = out
    try:
        yield
    finally:
        sys.stdout = real
        out.finish()
