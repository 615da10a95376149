"""A server the tests start as a subprocess dies with the test run: pass
``preexec_fn=die_with_parent`` to ``subprocess.Popen``. Without it a pytest
killed by SIGKILL or a timeout (no ``finally`` runs) leaves the server running
and its port taken. Linux: the kernel sends SIGKILL to the child when its parent
ends (PR_SET_PDEATHSIG); elsewhere nothing is done."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In the child, between fork and exec: be killed when the parent ends."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(1)
