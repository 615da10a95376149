"""Work for the UI's thread workers that the user can walk away from."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar, cast

from textual.worker import get_current_worker

T = TypeVar("T")


def cancellable(work: Callable[[], T]) -> T | None:
    """``work()`` in a daemon thread, for a thread worker: None as soon as the worker
    is cancelled (a newer choice, or quitting). A Python thread cannot be stopped, and
    Textual's worker threads are joined when the app exits: a diff of a 4 MB revision
    would hold `q` for seconds. A daemon thread is left to finish, or to end with the
    process; its result is dropped."""
    worker = get_current_worker()
    done = threading.Event()
    box: list[Any] = []

    def run() -> None:
        try:
            box.append(work())
        except BaseException as exc:  # handed to the worker, which reports it
            box.append(exc)
        finally:
            done.set()

    threading.Thread(target=run, daemon=True, name=f"versioner-{worker.name}").start()
    while not done.wait(0.05):
        if worker.is_cancelled:
            return None
    if isinstance(box[0], BaseException):
        raise box[0]
    return None if worker.is_cancelled else cast(T, box[0])
