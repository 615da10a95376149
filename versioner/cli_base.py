"""What every command shares: the typer app, the store option and the context
that carries it, opening the store, and the one place where library errors
become one line and an exit code. Commands live in cli.py, cli_compare.py and
cli_web.py."""

import contextlib
import functools
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer
from typer.core import TyperGroup

from versioner.errors import BadInput, VersionerError

if TYPE_CHECKING:
    from versioner.store import Store


class Exit(IntEnum):
    """Exit codes as diff(1) and linters use them."""

    OK = 0
    FOUND = 1  # differences found (diff), undisclosed changes (audit --strict), faults (verify)
    ERROR = 2


# click's UsageError, from whichever click typer runs on (typer 0.28 vendors its own)
_CLICK_USAGE_ERROR: type[Exception] = typer.BadParameter.__mro__[1]


class _UsageError(typer.BadParameter):
    """A usage error as the README promises every error: one line on stderr, exit 2
    (click's own is a usage line, a hint and the error: three lines)."""

    where = "versioner"

    def show(self, file: Any = None) -> None:
        # the command's name, whatever the program was called (CliRunner calls it "root")
        command = (self.ctx.command_path if self.ctx else self.where).partition(" ")[2]
        message = self.message.rstrip(".")
        _err(f"{command + ': ' if command else ''}{message[:1].lower()}{message[1:]};"
             f" see '{f'versioner {command}'.strip()} -h'")


@contextlib.contextmanager
def _one_line_usage(group: Any = None) -> Iterator[None]:
    try:
        yield
    except _CLICK_USAGE_ERROR as exc:
        if isinstance(exc, _UsageError):
            raise
        error = _UsageError(exc.format_message(), getattr(exc, "ctx", None))  # type: ignore[attr-defined]
        if group is not None and group.invoked_subcommand:  # an error without a context: the command's
            error.where = f"{group.command_path} {group.invoked_subcommand}"
        raise error from None


class _Group(TyperGroup):
    """The app's click group: a usage error, in the group's options or a
    command's, becomes ``_UsageError`` (typer shows a ClickException with ``show``)."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _one_line_usage():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with _one_line_usage(ctx):
            return super().invoke(ctx)


app = typer.Typer(
    cls=_Group,
    help="versioner: keep every revision of a news article, see what changed, "
    "and check corrections against the changes.",
    # `versioner` alone prints help and exits 0 (clig.dev): the callback does it
    invoke_without_command=True,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def examples(*lines: str) -> str:
    """A command's ``--help`` epilog: example command lines, kept as written
    (click rewraps an epilog's paragraphs unless they start with ``\\b``)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Options:
    """What the options before the command resolve to, in ``ctx.obj`` for every
    command: the store path is passed explicitly, not kept in a global."""

    store: Optional[str] = None  # a file, or a postgresql:// URL
    color: str = "auto"  # --color: auto (a terminal that shows colour), always, never
    pager: bool = True  # --no-pager turns it off


def _options(ctx: typer.Context) -> Options:
    return ctx.ensure_object(Options)


def _store_after_command(ctx: typer.Context, value: Optional[str]) -> None:
    # `versioner cmd --store X` overrides `versioner --store Y cmd`, as it always has
    if value is not None:
        _options(ctx).store = value


_STORE_HELP = "SQLite file or postgresql:// URL (default: $VERSIONER_STORE or store/versioner.db)"


GlobalStoreOpt = Annotated[Optional[str], typer.Option("--store", metavar="PATH|URL", help=_STORE_HELP)]


# after the command: recorded in ctx.obj by its callback, not passed to the command
StoreOpt = Annotated[
    Optional[str],
    typer.Option("--store", metavar="PATH|URL", help=_STORE_HELP, callback=_store_after_command, expose_value=False),
]


class ColorWhen(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


_COLOR_HELP = "colour: auto (at a terminal that shows it), always, never"
GlobalColorOpt = Annotated[ColorWhen, typer.Option("--color", metavar="WHEN", help=_COLOR_HELP)]
GlobalNoPagerOpt = Annotated[bool, typer.Option("--no-pager", help="never page output (else $VERSIONER_PAGER,"
                                                 " $PAGER or less -FRX, at a terminal only)")]


def _color_after_command(ctx: typer.Context, value: Optional[ColorWhen]) -> None:
    if value is not None:
        _options(ctx).color = value.value


# after the command, as git takes it (`versioner diff KEY --color=always | less -R`)
ColorOpt = Annotated[
    Optional[ColorWhen],
    typer.Option("--color", metavar="WHEN", help=_COLOR_HELP, callback=_color_after_command, expose_value=False),
]


def _color_when() -> str:
    """--color of the command being run (auto outside one)."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    return "auto" if ctx is None else _options(ctx).color  # type: ignore[arg-type]


def _unused(ctx: typer.Context, names: Sequence[str], why: str) -> None:
    """Options typed on the command line that the rest of it leaves without effect are
    an error, never silently dropped (defaults and environment variables are not)."""
    from typer._click.core import ParameterSource

    given = [f"--{n.replace('_', '-')}" for n in names if ctx.get_parameter_source(n) is ParameterSource.COMMANDLINE]
    if given:
        raise BadInput(f"{', '.join(given)}: {why}")


def _err(message: str) -> None:
    from versioner.render.safe import visible

    # one line, even for SQLite's messages that quote a damaged schema's SQL
    one_line = " ".join(part.strip() for part in message.replace("\r", "\n").split("\n") if part.strip())
    sys.stderr.write(f"versioner: {visible(one_line)}\n")


def _safe(text: str) -> str:
    """Text from the store or the web as one terminal-safe string (escapes shown)."""
    from versioner.render.safe import visible

    return visible(text)


def _guard(fn: F) -> F:
    """Library errors become one line on stderr and exit 2; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return _flushed(fn, *args, **kwargs)
        except VersionerError as exc:
            _err(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            # wherever a read meets a damaged file ("database disk image is malformed")
            from versioner.store import sqlite_failure, store_target

            # every command takes the context, which holds its store
            failure = sqlite_failure(store_target(_options(kwargs["ctx"]).store), exc)
            if failure is None:
                raise
            _err(str(failure))
            raise typer.Exit(Exit.ERROR) from None
        except BrokenPipeError:
            # a closed pipe (`| head`) is the reader having read enough: exit 0 and
            # silent (1 would say "found a problem" under --strict); what is still
            # buffered goes to /dev/null, so the flush at exit cannot fail again
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(Exit.OK) from None
        except KeyboardInterrupt:
            _err("interrupted; nothing written")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _paged(fn: F) -> F:
    """The command's output through a pager when stdout is a terminal (as git pages
    log, diff and show); under ``_guard``, which sees a pager quit early as a closed pipe."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from versioner.render.pager import paged

        with paged(_options(kwargs["ctx"]).pager):
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _flushed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn``, then stdout flushed, so that a pipe closed under the last buffered
    output is seen here, not by Python's flush at exit (a traceback, exit 120)."""
    try:
        result = fn(*args, **kwargs)
    except typer.Exit:
        sys.stdout.flush()
        raise
    sys.stdout.flush()
    return result


def _open(ctx: typer.Context, create: bool = False) -> "Store":
    """The store, for writing (``create``: add and import) or else only for reading."""
    from versioner.store import Store

    store = Store.open(_options(ctx).store, create=create, readonly=not create)
    store.on_create = lambda path: _err(f"created new store at {path}")
    return store
