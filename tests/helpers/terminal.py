"""Run the installed `versioner` with stdout and stderr on a pseudo-terminal, as a
person at a terminal would: rich colours its output there, and a pager may start."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time
from pathlib import Path


def pty_run(exe: str, args: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[int, bytes]:
    """The exit code and every byte the terminal showed (its CRLF line ends kept)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([exe, *args], stdout=slave, stderr=slave, stdin=subprocess.DEVNULL,
                            env=env, cwd=cwd)
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        elif proc.poll() is not None:
            break
    os.close(master)
    return proc.wait(timeout=10), b"".join(chunks)
