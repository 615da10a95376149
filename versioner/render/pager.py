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


class _PagerInput(io.TextIOWrapper):
    """The pager's standard input, which says it is a terminal: what is written to it
    reaches one, so rich lays it out and colours it as for the terminal itself."""

    def isatty(self) -> bool:
        return True


@contextmanager
def paged(enabled: bool = True) -> Iterator[None]:
    """``sys.stdout`` goes to a pager while the block runs, when ``enabled`` and
    stdout is a terminal; the pager is waited for at the end (a reader who quits
    early makes the next write a BrokenPipeError, as a closed pipe does)."""
    command = pager_command() if enabled and sys.stdout.isatty() else None
    if command is None:
        yield
        return
    import subprocess

    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX"), "LV": os.environ.get("LV", "-c")}
    sys.stdout.flush()
    pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    assert pager.stdin is not None
    real = sys.stdout
    sys.stdout = _PagerInput(pager.stdin, encoding=real.encoding, errors="backslashreplace")
    try:
        yield
    finally:
        piped, sys.stdout = sys.stdout, real
        _close(piped, pager)


def _close(piped: io.TextIOBase, pager: subprocess.Popen[bytes]) -> None:
    try:
        piped.close()
    except BrokenPipeError:
        pass  # the reader quit before the end: nothing more to show
    while True:
        try:
            pager.wait()
            return
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager (less keeps running): wait for it to end
