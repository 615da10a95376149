"""Command line (typer): each command parses options, makes one library call
and hands the result to a renderer. Errors are mapped to exit codes in one place
(cli_base._guard). diff and audit are in cli_compare.py, the web commands in
cli_web.py, on the same app; output helpers in cli_output.py."""

import functools
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from versioner.cli_base import (
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
from versioner.cli_output import (
    CsvOpt,
    Format,
    FormatOpt,
    ListFormat,
    NlOpt,
    TsvOpt,
    _console,
    _print,
    _print_json,
    _rows_format,
    _write,
    _write_rows,
)
from versioner.errors import BadInput

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
    from versioner.audit import verdict_rules
    from versioner.auditverify import verify_store
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


from versioner import cli_compare  # noqa: E402,F401  (diff and audit register on app here: their place in --help)


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
