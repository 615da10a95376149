"""Command line (typer): each command parses options, makes one library call
and hands the result to a renderer. Errors are mapped to exit codes in one place
(cli_base._guard). The web commands are in cli_web.py, on the same app."""

import contextlib
import functools
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from versioner.cli_base import (
    ColorOpt,
    ColorWhen,
    Exit,
    GlobalColorOpt,
    GlobalNoPagerOpt,
    GlobalStoreOpt,
    Options,
    StoreOpt,
    _err,
    _guard,
    _open,
    _options,
    _paged,
    _safe,
    _unused,
    app,
    examples,
)
from versioner.errors import BadInput

if TYPE_CHECKING:
    from rich.console import Console

    from versioner.store import Store


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


# Limits on one revision: settings with defaults (option, else environment variable).
# At most 1 GiB: a revision is held in memory several times over while it is stored.
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", metavar="N", min=1, max=1024 ** 3, envvar="VERSIONER_MAX_BYTES",
                      help="largest revision accepted, in bytes")
]
MaxParagraphsOpt = Annotated[
    int, typer.Option("--max-paragraphs", metavar="N", min=1, envvar="VERSIONER_MAX_PARAGRAPHS",
                      help="most paragraphs a revision may have")
]
AllowFutureOpt = Annotated[
    bool, typer.Option("--allow-future", envvar="VERSIONER_ALLOW_FUTURE",
                       help="store capture times over a day ahead of the clock")
]


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


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"versioner {version('versioner')}\n")
        raise typer.Exit(Exit.OK)


@app.callback()
def _main(
    ctx: typer.Context,
    store: GlobalStoreOpt = None,
    color: GlobalColorOpt = ColorWhen.auto,
    no_pager: GlobalNoPagerOpt = False,
    _version: Annotated[bool, typer.Option("--version", "-V", is_eager=True, callback=_show_version,
                                           help="print the version and exit")] = False,
) -> None:
    ctx.obj = Options(store, color.value, not no_pager)
    if ctx.invoked_subcommand is None:  # `versioner` alone: help, and no error (clig.dev)
        sys.stdout.write(ctx.get_help() + "\n")
        raise typer.Exit(Exit.OK)


@app.command(epilog=examples(
    'versioner add story.txt --article my-story --at 2026-02-01T09:30:00Z',
    'versioner add page.html                  # a saved web page, keyed by its URL',
    'curl -s https://example.org/story | versioner add - --url https://example.org/story',
))
@_guard
def add(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="text, Markdown or JSON file; - for stdin")],
    article: Annotated[Optional[str], typer.Option("--article", metavar="KEY", help="article key")] = None,
    url: Annotated[Optional[str], typer.Option("--url", metavar="URL", help="the article's URL")] = None,
    at: Annotated[Optional[str], typer.Option("--at", metavar="TIME", help="capture time, ISO 8601 (default: now)")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", metavar="ENC", help="e.g. latin-1, cp1252")] = None,
    max_bytes: MaxBytesOpt = 5 * 1024 * 1024,
    max_paragraphs: MaxParagraphsOpt = 20_000,
    allow_future: AllowFutureOpt = False,
    store: StoreOpt = None,
) -> None:
    """Store one revision of an article; prints KEY@N."""
    from versioner.ingest import read_file, read_stdin, shown_path
    from versioner.keys import check_key
    from versioner.model import NewRevision
    from versioner.parse import read_source, require_utf8
    from versioner.times import utc_iso
    from versioner.web.extract import looks_like_html

    if article is not None:
        check_key(article)  # before anything is read or created
    if file.startswith(("http://", "https://")):
        raise BadInput(f"{file}: add reads files; to fetch a page use `versioner fetch {file}`")
    name = "stdin" if file == "-" else shown_path(file)
    data = read_stdin(max_bytes) if file == "-" else read_file(Path(file), encoding, max_bytes)
    if looks_like_html(data):  # a saved page: its article, extracted as `fetch` does
        from versioner.web.pages import html_source

        src = html_source(data, name, encoding)
    else:
        src = read_source(data, name, encoding, max_bytes, max_paragraphs)
    when = at or src.published
    url = require_utf8(url, "--url") if url else src.url
    new = NewRevision(src.text, article, url, utc_iso(when) if when else None, name)
    with _open(ctx, create=True) as st:
        res = st.add(new, allow_future)
    if res.joined:
        _err(f"joined article {res.revision.article}: {res.joined}")
    if not res.stored:
        _err(f"unchanged: same text as {res.revision.ref}; nothing stored")
    if res.renumbered:
        _err(_backfill_note(res.revision, res.renumbered))
    sys.stdout.write(_safe(res.revision.ref) + "\n")


@app.command("import", epilog=examples(
    'versioner import seeds                  # KEY/TIME.txt files',
    'versioner import captures.jsonl',
    'versioner import crawl.warc.gz',
))
@_guard
def import_(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(
        help="folder of KEY/TIME.txt files, a .jsonl file, a .warc(.gz) file, or a folder written by export")],
    encoding: Annotated[Optional[str], typer.Option("--encoding", metavar="ENC", help="e.g. latin-1, cp1252")] = None,
    max_bytes: MaxBytesOpt = 5 * 1024 * 1024,
    max_paragraphs: MaxParagraphsOpt = 20_000,
    allow_future: AllowFutureOpt = False,
    store: StoreOpt = None,
) -> None:
    """Store many revisions in one transaction, each article's in capture order."""
    from versioner.ingest import PathRevisions
    from versioner.parquet import ExportRevisions, import_derived, is_export
    from versioner.render.progress import counter

    if path.name.endswith((".warc", ".warc.gz")):
        from versioner.cli_web import import_warc

        _unused(ctx, ["encoding", "max_paragraphs", "allow_future"], "not applied to a WARC file's pages")

        return import_warc(ctx, path, max_bytes)
    export = is_export(path)
    items = ExportRevisions(path) if export else PathRevisions(path, encoding, max_bytes, max_paragraphs)
    with _open(ctx, create=True) as st, counter("importing") as tick:
        res = st.import_many(items, progress=tick, allow_future=allow_future)
        if export:
            import_derived(st, path)
    sys.stdout.write(
        f"imported {res.stored} revision(s) ({res.unchanged} unchanged) into "
        f"{res.articles} article(s), {res.new_articles} new\n"
    )
    if res.backfilled:
        _err(f"{res.backfilled} revision(s) back-filled before later captures, which were renumbered;"
             " KEY@sha:PREFIX refs do not change")


class ExportFormat(str, Enum):
    parquet = "parquet"


@app.command()
@_guard
def export(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="a new or empty folder")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="output format")] = ExportFormat.parquet,
    store: StoreOpt = None,
) -> None:
    """Write revisions, cached pairs, flags, verdicts and notices as Parquet, by capture day (extra: parquet)."""
    from versioner.parquet import export as write_export

    with _open(ctx) as st:
        counts = write_export(st, folder)
    sys.stdout.write(f"exported {counts['revisions']} revision(s), {counts['pairs']} pair(s),"
                     f" {counts['flags']} flag(s), {counts['verdicts']} verdict(s) to {folder}\n")


@app.command("list")
@_guard
@_paged
def list_(
    ctx: typer.Context,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="output format")] = ListFormat.text,
    csv: CsvOpt = False, tsv: TsvOpt = False, nl: NlOpt = False,
    store: StoreOpt = None,
) -> None:
    """Articles with revision counts, first and last capture, notices (each counted once)."""
    from versioner.history import article_list
    from versioner.render import records, rows

    fmt_name = _rows_format(fmt.value, csv, tsv, nl)
    with _open(ctx) as st:
        articles = article_list(st)
    if fmt_name in rows.ROW_FORMATS:
        _write_rows(rows.article_rows(articles), rows.ARTICLE_COLUMNS, fmt_name)
    elif fmt_name == "json":
        _print_json(records.articles_json(articles))
    else:
        _print(records.articles_table(articles))


@app.command(epilog=examples(
    'versioner log vessa-landslide',
    'versioner log vessa-landslide -f json',
))
@_guard
@_paged
def log(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="article key")],
    fmt: FormatOpt = Format.text,
    max_count: Annotated[Optional[int], typer.Option(
        "--max-count", "-n", min=0, metavar="N", help="only the N most recent revisions")] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", metavar="DATE", help="only revisions captured at or after DATE (ISO 8601)")] = None,
    until: Annotated[Optional[str], typer.Option(
        "--until", metavar="DATE", help="only revisions captured at or before DATE (ISO 8601)")] = None,
    oneline: Annotated[bool, typer.Option("--oneline", help="one line per revision")] = False,
    store: StoreOpt = None,
) -> None:
    """Timeline of one article: revisions, notices, what changed."""
    from versioner.history import article_timeline, select
    from versioner.render import records

    if oneline and fmt is not Format.text:
        raise BadInput("--oneline is a text layout; it takes no --format json")
    select([], max_count, since, until)  # a bad date is an error before the store is read
    with _open(ctx) as st:
        entries = select(article_timeline(st, key), max_count, since, until)
    if fmt is Format.json:
        _print_json(records.timeline_json(key, entries))
    elif oneline:
        console = _console()
        for line in records.timeline_oneline(entries):
            console.print(line, soft_wrap=True)  # a long line is the terminal's to wrap, as git's is
    else:
        _print(records.timeline_table(key, entries))


@app.command(epilog=examples(
    'versioner show vessa-landslide          # the latest revision',
    'versioner show vessa-landslide@1',
    'versioner show vessa-landslide@sha:1a2b -f json',
))
@_guard
@_paged
def show(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="KEY, KEY@N or KEY@-1")],
    fmt: FormatOpt = Format.text,
    text: Annotated[bool, typer.Option("--text", help="the revision's text exactly as stored"
                                                      " (at a terminal, controls shown as escapes)")] = False,
    store: StoreOpt = None,
) -> None:
    """One revision with its parts labelled."""
    from versioner.refs import revisions
    from versioner.render import records

    if text and fmt is not Format.text:
        raise BadInput("--text is the stored text itself; --format json has it as .text")
    (rev,) = revisions([ref], functools.partial(_open, ctx), _err)
    if text:
        _write_stored_text(rev.text)
    elif fmt is Format.json:
        _print_json(records.revision_json(rev))
    elif not (console := _console()).is_terminal:
        _write("".join(line + "\n" for line in records.revision_lines(rev)))
    else:
        console.print(records.revision_view(rev))


def _write_stored_text(text: str) -> None:
    """Into a pipe or a file, the stored text's UTF-8 bytes and nothing else; at a
    terminal (as rich sees one), untrusted text is shown through render.safe."""
    if _console().is_terminal:
        from versioner.render.safe import visible

        _write(visible(text))
        return
    sys.stdout.flush()
    data, piece = text.encode("utf-8"), 1 << 16
    for start in range(0, len(data), piece):  # a pipe closed early is seen at the next piece
        sys.stdout.buffer.write(data[start:start + piece])


@app.command()
@_guard
def verify(ctx: typer.Context, fmt: FormatOpt = Format.text, store: StoreOpt = None) -> None:
    """Check the store: every hash, the numbering, cached parts, SQLite integrity."""
    from versioner.audit import verdict_rules, verify_store
    from versioner.render import records

    with _open(ctx) as st:
        checked, faults = verify_store(st)
        # the stored verdicts verify_store recomputed (none when SQLite itself failed)
        verdicts = 0 if any(f.kind == "sqlite" for f in faults) else st.current_verdicts(verdict_rules())
    if fmt is Format.json:
        _print_json(records.verify_json(checked, verdicts, faults))
    else:
        out = sys.stdout if not faults else sys.stderr
        out.write("\n".join(records.verify_lines(checked, verdicts, faults)) + "\n")
    raise typer.Exit(Exit.FOUND if faults else Exit.OK)


class DiffFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class Severity(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"


@app.command(epilog=examples(
    'versioner diff balochistan-militants    # previous vs latest; exit 1 when they differ',
    'versioner diff vessa-landslide@1 vessa-landslide@3 --side-by-side',
    'versioner diff altair-flight-diversion --flags-only -f json',
    'versioner diff old.txt ./new.txt       # two files, no store',
))
@_guard
@_paged
def diff(
    ctx: typer.Context,
    refs: Annotated[list[str], typer.Argument(help="KEY (previous vs latest), KEY@N, KEY@-1, or files")],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="output format")] = DiffFormat.text,
    context: Annotated[int, typer.Option("--context", "-C", metavar="N", min=0, help="unchanged paragraphs around each change")] = 0,
    side_by_side: Annotated[bool, typer.Option("--side-by-side", "-s", help="old and new in two columns")] = False,
    flags_only: Annotated[bool, typer.Option("--flags-only", help="print only the flags table")] = False,
    min_severity: Annotated[Severity, typer.Option("--min-severity", help="hide flags below this")] = Severity.low,
    stat: Annotated[bool, typer.Option("--stat", help="words inserted and deleted in each changed part")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="no colour (also NO_COLOR); as --color never")] = False,
    color: ColorOpt = None,
    store: StoreOpt = None,
) -> None:
    """What changed between two revisions, word by word, with flags. Exit 1 if they differ."""
    from versioner.pipeline import diff_revisions
    from versioner.refs import resolve_pair
    from versioner.render import diffview

    diffview.check_options(fmt.value, side_by_side=side_by_side, flags_only=flags_only, stat=stat,
                           context=context)
    if stat:
        _unused(ctx, ["min_severity"], "--stat counts words and shows no flags")
    old, new = resolve_pair(refs, functools.partial(_open, ctx), _err)
    result = diff_revisions(old, new)
    view = diffview.DiffView.of(result, context, result.flags_at_least(min_severity.value))
    if stat:
        _diff_stat(view, fmt, no_color)
    elif fmt is DiffFormat.json:
        _print_json(view.json(flags_only))
    elif fmt is DiffFormat.markdown:
        _write(view.markdown(side_by_side, flags_only))
    elif fmt is DiffFormat.html:
        _write(view.html(side_by_side, flags_only))
    elif not (console := _console(no_color)).is_terminal:
        # a pipe or a file: plain lines as they are made, every flag; no rich layout,
        # most of the time of a 4 MB revision's diff (bench/large_revision.py)
        for line in view.lines(side_by_side, flags_only):
            sys.stdout.write(line + "\n")
    else:
        for r in view.renderables(_colour_off(console), side_by_side, flags_only):
            console.print(r)
    raise typer.Exit(Exit.OK if result.identical else Exit.FOUND)


class AuditFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    csv = "csv"
    tsv = "tsv"
    nl = "nl"


def _diff_stat(view: Any, fmt: DiffFormat, no_color: bool) -> None:
    from versioner.render import diffstat

    if fmt is DiffFormat.json:
        _print_json(diffstat.stat_json(view))
    elif fmt is DiffFormat.markdown:
        _write(diffstat.stat_markdown(view))
    elif fmt is DiffFormat.html:
        _write(diffstat.stat_html(view))
    elif not (console := _console(no_color)).is_terminal:
        _write("".join(line + "\n" for line in diffstat.stat_lines(view)))
    else:
        for text in diffstat.stat_text(view):
            console.print(text)


@app.command(epilog=examples(
    'versioner audit vessa-landslide',
    'versioner audit --strict --since 2026-04-07   # exit 1 on stealth, late, ...',
    'versioner audit -f markdown > audit.md',
))
@_guard
@_paged
def audit(
    ctx: typer.Context,
    key: Annotated[Optional[str], typer.Argument(help="article key (default: every article)")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="exit 1 when a revision shown is stealth, late, undisclosed or mismatch")] = False,
    since: Annotated[Optional[str], typer.Option(
        "--since", metavar="DATE",
        help="report only revisions captured at or after DATE (ISO 8601); verdicts still use the whole chain")] = None,
    only: Annotated[Optional[str], typer.Option(
        "--only", metavar="VERDICTS", help="show only revisions with these verdicts, e.g. stealth,late")] = None,
    problems: Annotated[bool, typer.Option(
        "--problems", help="show only the verdicts --strict fails on")] = False,
    fmt: Annotated[AuditFormat, typer.Option("--format", "-f", help="output format")] = AuditFormat.text,
    csv: CsvOpt = False, tsv: TsvOpt = False, nl: NlOpt = False,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", metavar="N", help="audit on a local Dask cluster of N processes (extra: dask)")] = None,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", metavar="URL", help="audit on the Dask cluster at URL, e.g. tcp://host:8786")] = None,
    notify: Annotated[Optional[str], typer.Option(
        "--notify", metavar="URL", help="POST a JSON event to URL for each revision judged as --alert-on says"
        " (extra: web)")] = None,
    alert_on: Annotated[str, typer.Option("--alert-on", metavar="VERDICTS")] = "stealth,undisclosed,mismatch,late",
    store: StoreOpt = None,
) -> None:
    """Hold each revision's correction and update notices against what changed; ends
    with a count of each verdict."""
    from versioner.audit import iter_audit
    from versioner.auditrun import AuditRun, shown_verdicts
    from versioner.render.progress import bar

    shown = shown_verdicts(only, problems)
    fmt_name = _rows_format(fmt.value, csv, tsv, nl)
    if notify is None:
        _unused(ctx, ["alert_on"], "says which verdicts --notify posts; give --notify URL")
    # streamed: each article is written as soon as it is audited; closed (its cache
    # saved) before the store is, also when the output stops early (a closed pipe)
    with _open(ctx) as st, bar("auditing", lambda: 1 if key else len(st.articles()), "articles") as tick, \
            contextlib.closing(
                iter_audit(st, key, since) if workers is None and scheduler is None
                else _cluster_audit(ctx, st, key, since, workers, scheduler)) as articles:
        report = AuditRun(articles, shown, tick)
        _write_audit(report, fmt_name)
    if notify:
        from versioner.cli_web import notify_audited

        notify_audited(ctx, key, notify, alert_on)
    raise typer.Exit(Exit.FOUND if strict and report.failing else Exit.OK)


def _write_audit(report: Any, fmt: str) -> None:
    from versioner.render import auditview, rows

    if fmt in rows.ROW_FORMATS:
        _write_rows(rows.audit_rows(report), rows.AUDIT_COLUMNS, fmt)
    elif fmt == "json":
        sys.stdout.writelines(auditview.audit_json_stream(report, _json_dumps(), report.summary))
    elif fmt == "markdown":
        _write(auditview.audit_markdown(report, report.summary))
    elif fmt == "html":
        _write(auditview.audit_html(report, report.summary))
    else:
        console = _console()
        # a person's terminal: a reason quoting a long paragraph is cut to a few lines
        room = max(240, 3 * console.width) if console.is_terminal else None
        for r in auditview.audit_view(report, room, report.summary):
            console.print(r)


def _cluster_audit(ctx: typer.Context, st: "Store", key: Optional[str], since: Optional[str],
                   workers: Optional[int], scheduler: Optional[str]) -> Any:
    from versioner.cluster import iter_audit_cluster
    from versioner.store import store_location

    return iter_audit_cluster(st, store_location(_options(ctx).store), key, since, workers, scheduler)


@app.command()
@_guard
def ui(
    ctx: typer.Context,
    key: Annotated[Optional[str], typer.Argument(help="article to open at (default: the list)")] = None,
    store: StoreOpt = None,
) -> None:
    """Browse articles, revisions and flags in an interactive terminal UI (extra: ui)."""
    from versioner.ui import run

    if run(_options(ctx).store, key):
        raise typer.Exit(Exit.ERROR)  # Textual ended on an error it has shown


def _backfill_note(rev: Any, renumbered: int) -> str:
    n, key = rev.number, rev.article
    now = f"@{n + 1}" if renumbered == 1 else f"@{n + 1} to @{n + renumbered}"
    return (f"back-filled before {key}@{n + 1}: {renumbered} later revision(s) renumbered one up"
            f" (now {now}); {key}@sha:PREFIX refs do not change")


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        # a terminal or pipe that cannot encode the article's characters gets
        # escapes instead of a UnicodeEncodeError
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(errors="backslashreplace")
    app()


from versioner import cli_web  # noqa: E402,F401  (its commands register on app)
