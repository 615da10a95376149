"""Progress on stderr, shown only when stderr is a terminal (never into a pipe or a
file), and gone once the work is done."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def counter(label: str) -> Iterator[Callable[[int], None] | None]:
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn(label), TextColumn("{task.completed:,} revisions"),
        TimeElapsedColumn(), console=Console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n: bar.advance(task, n)


@contextmanager
def bar(label: str, total: Callable[[], int], unit: str) -> Iterator[Callable[[int], None] | None]:
    """A bar of ``total()`` steps (asked only when shown) while the report goes to a
    file or a pipe; yields None (no bar) unless stderr is a terminal and stdout is not.
    A report written to the terminal shows its own progress, and a bar redrawn between
    its lines would break them."""
    if not sys.stderr.isatty() or sys.stdout.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn(unit), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
        redirect_stdout=False, redirect_stderr=False,  # rich would send stdout to the bar's stderr
    ) as progress:
        task = progress.add_task(label, total=total())
        yield lambda n: progress.advance(task, n)
