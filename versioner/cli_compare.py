"""The commands that read what changed: ``diff`` (two revisions, word by word, with
flags) and ``audit`` (each revision's notices held against its changes). Registered
on the CLI's app by cli.py; each parses options, makes the library calls and hands
the result to a renderer."""

import contextlib
import functools
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from versioner.cli_base import (
    ColorOpt,
    Exit,
    StoreOpt,
    _err,
    _guard,
    _open,
    _options,
    _paged,
    _unused,
    app,
    examples,
)
from versioner.cli_output import (
    CsvOpt,
    NlOpt,
    TsvOpt,
    _colour_off,
    _console,
    _json_dumps,
    _print_json,
    _rows_format,
    _write,
    _write_rows,
)

if TYPE_CHECKING:
    from versioner.store import Store


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
