"""How commands write to stdout: the output formats they offer, the rich console
(coloured as --color says, unwrapped into a pipe), JSON and rows written in pieces
that notice a closed pipe. Shared by the commands of cli.py and cli_compare.py."""

import functools
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from versioner.errors import BadInput

if TYPE_CHECKING:
    from rich.console import Console


class Format(str, Enum):
    text = "text"
    json = "json"


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="output format")]


class ListFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    nl = "nl"


# sqlite-utils' spellings of -f csv, -f tsv, -f nl
CsvOpt = Annotated[bool, typer.Option("--csv", help="CSV with a header row (-f csv)")]
TsvOpt = Annotated[bool, typer.Option("--tsv", help="tab-separated, with a header row (-f tsv)")]
NlOpt = Annotated[bool, typer.Option("--nl", help="newline-delimited JSON, an object a line (-f nl)")]


def _rows_format(fmt: str, csv: bool, tsv: bool, nl: bool) -> str:
    """The output format that --format and the --csv/--tsv/--nl shorthands name."""
    chosen = [name for name, on in (("csv", csv), ("tsv", tsv), ("nl", nl)) if on]
    if len(chosen) > 1 or (chosen and fmt not in ("text", chosen[0])):
        raise BadInput("--csv, --tsv, --nl and --format each name an output format: give one")
    return chosen[0] if chosen else fmt


# Into a pipe or a file nothing is wrapped: a table row is one line however long
PIPE_WIDTH = 1 << 20


def _console(no_color: bool = False) -> "Console":
    """A rich console for stdout, coloured as --color says (auto: at a terminal that
    shows colour, and not under NO_COLOR or TERM=dumb)."""
    from rich.console import Console

    from versioner.cli_base import _color_when

    class PipedConsole(Console):
        def on_broken_pipe(self) -> None:
            # rich's own handling exits 1 with no word; _guard's exits 0
            raise BrokenPipeError

    when = "never" if no_color else _color_when()
    settings: dict[str, Any] = ({"no_color": True} if when == "never" else
                                {"force_terminal": True, "no_color": False} if when == "always" else {})
    console = PipedConsole(highlight=False, soft_wrap=False, emoji=False, **settings)
    if when == "always" and console.color_system is None:  # TERM=dumb, but colour asked for
        console = PipedConsole(highlight=False, soft_wrap=False, emoji=False, color_system="standard", **settings)
    # into a pipe or file, a line of text stays one line (grep, diff tools), and a
    # table is as wide as its rows
    console.soft_wrap = not console.is_terminal
    if not console.is_terminal:
        console.width = PIPE_WIDTH
    return console


def _colour_off(console: "Console") -> bool:
    """Whether changes must be marked with [-…-]{+…+}: colour is not shown."""
    return console.no_color or console.color_system is None


def _print(renderable: Any) -> None:
    _console().print(renderable)


def _json_dumps() -> "functools.partial[str]":
    """JSON as this stdout wants it: indented for a person at a terminal; one line for
    a pipe, which json's C encoder writes several times faster (it has no indented
    mode); ASCII escapes where the stream cannot encode UTF-8."""
    from versioner.render.safe import json_dumps

    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return functools.partial(json_dumps, indent=2 if sys.stdout.isatty() else None,
                             ascii_only=encoding != "utf8")


def _write(text: str, piece: int = 1 << 16) -> None:
    """``text`` to stdout in pieces: a pipe closed during one large write loses its
    tail without an error (the buffered writer returns a short count that the text
    layer drops), but the next piece sees it."""
    for start in range(0, len(text), piece):
        sys.stdout.write(text[start:start + piece])


def _print_json(data: Any) -> None:
    _write(_json_dumps()(data) + "\n")


def _write_rows(rows: Any, columns: Any, fmt: str) -> None:
    from versioner.render.rows import write_rows

    # one line a row even at a terminal; ASCII escapes where stdout cannot encode UTF-8
    write_rows(rows, columns, fmt, sys.stdout, _json_dumps().keywords["ascii_only"])
