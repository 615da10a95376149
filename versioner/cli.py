"""Command line (typer): each command parses options, makes one library call
and hands the result to a renderer. Errors are mapped to exit codes in one place."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import Enum, IntEnum
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

from versioner.errors import VersionerError


class Exit(IntEnum):
    """Exit codes as diff(1) and linters use them."""

    OK = 0
    FOUND = 1  # differences found (diff), undisclosed changes (audit --strict), faults (verify)
    ERROR = 2


class Format(str, Enum):
    text = "text"
    json = "json"


app = typer.Typer(
    help="versioner: keep every revision of a news article, see what changed, "
    "and check corrections against the changes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state: dict[str, Any] = {"store": None}
F = TypeVar("F", bound=Callable[..., Any])

StoreOpt = Annotated[
    Optional[Path],
    typer.Option("--store", help="SQLite store (default: $VERSIONER_STORE or store/versioner.db)"),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="output format")]


def _err(message: str) -> None:
    from versioner.render.safe import visible

    sys.stderr.write(f"versioner: {visible(message)}\n")


def _guard(fn: F) -> F:
    """Library errors become one line on stderr and exit 2; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except VersionerError as exc:
            _err(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            # a closed pipe (`| head`) is not an error worth a traceback
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(Exit.OK) from None
        except KeyboardInterrupt:
            _err("interrupted; nothing written")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _print(renderable: Any) -> None:
    _console().print(renderable)


def _print_json(data: Any) -> None:
    from versioner.render.safe import json_dumps

    sys.stdout.write(json_dumps(data) + "\n")


def _open(create: bool = False) -> Any:
    from versioner.store import Store

    return Store.open(_state["store"], create=create)


@app.callback()
def _main(store: StoreOpt = None) -> None:
    _state["store"] = store


@app.command()
@_guard
def add(
    file: Annotated[str, typer.Argument(help="text, Markdown or JSON file; - for stdin")],
    article: Annotated[Optional[str], typer.Option("--article", help="article key")] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="the article's URL")] = None,
    at: Annotated[Optional[str], typer.Option("--at", help="capture time, ISO 8601 (default: now)")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="e.g. latin-1, cp1252")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="largest input accepted")] = 5 * 1024 * 1024,
    store: StoreOpt = None,
) -> None:
    """Store one revision of an article; prints KEY@N."""
    from versioner.ingest import read_file
    from versioner.parse import read_source
    from versioner.store import NewRevision, utc_iso

    if store:
        _state["store"] = store
    name = "stdin" if file == "-" else file
    data = sys.stdin.buffer.read(max_bytes + 1) if file == "-" else read_file(Path(file), encoding, max_bytes)
    src = read_source(data, name, encoding, max_bytes)
    when = at or src.published
    new = NewRevision(src.text, article, url or src.url, utc_iso(when) if when else None, name)
    with _open(create=True) as st:
        res = st.add(new)
    if res.joined:
        _err(f"joined article {res.revision.article}: {res.joined}")
    if not res.stored:
        _err(f"unchanged: same text as {res.revision.ref}; nothing stored")
    sys.stdout.write(_safe(res.revision.ref) + "\n")


@app.command("import")
@_guard
def import_(
    path: Annotated[Path, typer.Argument(help="folder of KEY/TIME.txt files, or a .jsonl file")],
    encoding: Annotated[Optional[str], typer.Option("--encoding")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="largest revision accepted")] = 5 * 1024 * 1024,
    store: StoreOpt = None,
) -> None:
    """Store many revisions in one transaction, each article's in capture order."""
    from versioner.ingest import iter_path
    from versioner.render.progress import counter

    if store:
        _state["store"] = store
    items = iter_path(path, encoding, max_bytes)
    with _open(create=True) as st, counter("importing") as tick:
        res = st.import_many(items, progress=tick)
    sys.stdout.write(
        f"imported {res.stored} revision(s) ({res.unchanged} unchanged) into "
        f"{res.articles} article(s), {res.new_articles} new\n"
    )


@app.command("list")
@_guard
def list_(fmt: FormatOpt = Format.text, store: StoreOpt = None) -> None:
    """Articles with revision counts, first and last capture, notices."""
    from versioner.render import records

    if store:
        _state["store"] = store
    with _open() as st:
        articles = st.articles()
    if fmt is Format.json:
        _print_json(records.articles_json(articles))
    else:
        _print(records.articles_table(articles))


@app.command()
@_guard
def log(
    key: Annotated[str, typer.Argument(help="article key")],
    fmt: FormatOpt = Format.text,
    store: StoreOpt = None,
) -> None:
    """Timeline of one article: revisions, notices, what changed."""
    from versioner.history import timeline
    from versioner.render import records

    if store:
        _state["store"] = store
    with _open() as st:
        entries = timeline(st.revisions(key))
    if fmt is Format.json:
        _print_json(records.timeline_json(key, entries))
    else:
        _print(records.timeline_table(key, entries))


@app.command()
@_guard
def show(
    ref: Annotated[str, typer.Argument(help="KEY, KEY@N or KEY@-1")],
    fmt: FormatOpt = Format.text,
    store: StoreOpt = None,
) -> None:
    """One revision with its parts labelled."""
    from versioner.refs import resolve
    from versioner.render import records

    if store:
        _state["store"] = store
    with _open() as st:
        rev = resolve(st, ref)
    if fmt is Format.json:
        _print_json(records.revision_json(rev))
    else:
        _print(records.revision_view(rev))


@app.command()
@_guard
def verify(fmt: FormatOpt = Format.text, store: StoreOpt = None) -> None:
    """Check the store: every hash, the numbering, cached parts, SQLite integrity."""
    from versioner.render import records

    if store:
        _state["store"] = store
    with _open() as st:
        checked, faults = st.verify()
    if fmt is Format.json:
        _print_json(records.verify_json(checked, faults))
    else:
        out = sys.stdout if not faults else sys.stderr
        out.write("\n".join(records.verify_lines(checked, faults)) + "\n")
    raise typer.Exit(Exit.FOUND if faults else Exit.OK)


def _safe(text: str) -> str:
    from versioner.render.safe import visible

    return visible(text)


def main() -> None:
    app()
