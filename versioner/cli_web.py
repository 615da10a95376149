"""Web commands (extra: web): fetch, watch, reextract, feed; registered on the
CLI's app by cli.py. Each parses options, makes the library calls of
versioner.web and writes a line per result; errors go through cli._guard."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from versioner.cli_base import Exit, StoreOpt, _err, _guard, _open, _safe, app, examples

NotifyOpt = Annotated[Optional[str], typer.Option(
    "--notify", metavar="URL", help="POST a JSON event to URL for each revision judged stealth, "
    "undisclosed, mismatch or late (see --alert-on)")]
AlertOnOpt = Annotated[str, typer.Option(
    "--alert-on", metavar="VERDICTS", help="verdicts that make an alert, comma-separated")]
UserAgentOpt = Annotated[Optional[str], typer.Option(
    "--user-agent", metavar="UA", envvar="VERSIONER_USER_AGENT", help="User-Agent header (default: versioner/VERSION (+URL))")]
DelayOpt = Annotated[float, typer.Option("--delay", metavar="SECONDS", min=0, envvar="VERSIONER_FETCH_DELAY",
                                         help="seconds between two requests to one host")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", metavar="SECONDS", min=0.1, help="seconds to connect and for each read")]
RetriesOpt = Annotated[int, typer.Option("--retries", metavar="N", min=0, max=10,
                                         help="further attempts after a 5xx or a connection error")]
NoRobotsOpt = Annotated[bool, typer.Option("--ignore-robots", help="do not read robots.txt (your own sites)")]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", metavar="N", min=1, max=1024 ** 3, envvar="VERSIONER_MAX_BYTES",
                      help="largest page accepted, in bytes")
]
_ALERTS = "stealth,undisclosed,mismatch,late"


def _fetcher(user_agent: str | None, delay: float, timeout: float, retries: int, max_bytes: int,
             ignore_robots: bool) -> Any:
    from versioner.web.fetch import USER_AGENT, Fetcher, Settings

    return Fetcher(Settings(user_agent=user_agent or USER_AGENT, timeout=timeout, deadline=max(60.0, 3 * timeout),
                            retries=retries, max_bytes=max_bytes, delay=delay, robots=not ignore_robots))


def _verdicts(text: str) -> frozenset[str]:
    from versioner.auditrun import parse_verdicts

    return frozenset(str(v) for v in parse_verdicts(text, "--alert-on"))


def _alert(st: Any, keys: set[str], notify: str | None, alert_on: str) -> None:
    """Record alert events for the articles touched; deliver those pending."""
    from versioner.web import alerts

    if not keys and not notify:
        return
    alerts.record(st, keys, notify, _verdicts(alert_on))
    if notify is None:
        return
    delivery = alerts.deliver(st)
    for line in delivery.failed:
        _err(line)


@app.command(epilog=examples(
    'versioner fetch https://example.org/news/2026/03/02/orvel-dam-inspection',
    'versioner fetch URL --article orvel-dam --notify https://hooks.example.org/versioner',
))
@_guard
def fetch(
    ctx: typer.Context,
    urls: Annotated[list[str], typer.Argument(help="pages to fetch (http:// or https://)")],
    article: Annotated[Optional[str], typer.Option("--article", metavar="KEY", help="article key (default: from the canonical URL)")] = None,
    notify: NotifyOpt = None,
    alert_on: AlertOnOpt = _ALERTS,
    user_agent: UserAgentOpt = None,
    delay: DelayOpt = 1.0,
    timeout: TimeoutOpt = 20.0,
    retries: RetriesOpt = 3,
    ignore_robots: NoRobotsOpt = False,
    max_bytes: MaxBytesOpt = 5 * 1024 * 1024,
    store: StoreOpt = None,
) -> None:
    """Fetch pages and store a revision of each whose article text changed (extra: web)."""
    from versioner.errors import VersionerError
    from versioner.keys import check_key
    from versioner.store.web import UrlState, url_state
    from versioner.web.pages import download, store_download
    from versioner.web.urls import check_url

    if article is not None:
        check_key(article)
    for url in urls + ([notify] if notify else []):
        check_url(url)  # every argument checked before the first request
    _verdicts(alert_on)
    failed = 0
    touched: set[str] = set()
    with _fetcher(user_agent, delay, timeout, retries, max_bytes, ignore_robots) as fetcher, \
            _open(ctx, create=True) as st:
        for url in urls:
            state = url_state(st, url) or UrlState(url, "page")
            try:
                d = download(fetcher, state)
            except VersionerError as exc:
                _err(str(exc))
                failed += 1
                continue
            res = store_download(st, d, state, article)
            if res is None:
                _err(f"{url}: not modified since the last fetch (HTTP 304); nothing stored")
            elif not res.stored:
                _err(f"{url}: unchanged: same text as {res.revision.ref}; nothing stored")
            else:
                touched.add(res.revision.article)
            if res is not None:
                sys.stdout.write(_safe(res.revision.ref) + "\n")
        _alert(st, touched, notify, alert_on)
    if failed:
        raise typer.Exit(Exit.ERROR)


@app.command(epilog=examples(
    'versioner watch https://example.org/rss.xml --once   # add a feed; from cron',
    'versioner watch --every 15m                          # the feeds and pages added before',
))
@_guard
def watch(
    ctx: typer.Context,
    urls: Annotated[Optional[list[str]], typer.Argument(
        help="feeds (RSS, Atom) and pages to add to the schedule; none: the schedule as it is")] = None,
    every: Annotated[str, typer.Option("--every", metavar="DURATION", help="how often feeds are read")] = "15m",
    schedule: Annotated[str, typer.Option(
        "--schedule", metavar="AGE:EVERY,...", help="how often a page is checked as it ages; stops after the last AGE")
    ] = "3h:15m,1d:1h,7d:3h,30d:1d",
    once: Annotated[bool, typer.Option("--once", help="one round of what is due, then exit (cron, timers)")] = False,
    concurrency: Annotated[int, typer.Option("--concurrency", metavar="N", min=1, max=32, help="fetches at a time")] = 4,
    notify: NotifyOpt = None,
    alert_on: AlertOnOpt = _ALERTS,
    user_agent: UserAgentOpt = None,
    delay: DelayOpt = 1.0,
    timeout: TimeoutOpt = 20.0,
    retries: RetriesOpt = 3,
    ignore_robots: NoRobotsOpt = False,
    max_bytes: MaxBytesOpt = 5 * 1024 * 1024,
    store: StoreOpt = None,
) -> None:
    """Check feeds and pages on a schedule that thins out with age; a line per stored revision (extra: web)."""
    import threading

    from versioner.store.web import next_due
    from versioner.web.watch import (
        Schedule,
        Watch,
        duration,
        register,
        run_round,
        seconds_until,
        stopping_on_signals,
    )

    plan = Watch(Schedule.parse(schedule), duration(every), concurrency)
    _verdicts(alert_on)
    stop = threading.Event()

    def say(line: str) -> None:
        sys.stdout.write(_safe(line) + "\n")
        sys.stdout.flush()

    with _fetcher(user_agent, delay, timeout, retries, max_bytes, ignore_robots) as fetcher, \
            _open(ctx, create=True) as st, stopping_on_signals(stop):
        register(st, urls or [])
        while True:
            result = run_round(st, fetcher, plan, stop, say, _err)
            _alert(st, result.touched, notify, alert_on)
            upcoming = next_due(st)
            sys.stderr.write(result.summary() + (f"; next check at {upcoming}" if upcoming else "; nothing scheduled")
                             + "\n")
            if once or stop.is_set() or upcoming is None:
                break
            stop.wait(seconds_until(upcoming, 60.0))
            if stop.is_set():
                break
    if stop.is_set():
        _err("stopped; the fetches under way were stored")
    elif once and result.errors:
        # for cron: the round's other fetches are stored and the failed ones rescheduled,
        # but a job that exits 0 after errors hides a dead feed (as `fetch` exits 2)
        raise typer.Exit(Exit.ERROR)


@app.command()
@_guard
def reextract(
    ctx: typer.Context,
    key: Annotated[Optional[str], typer.Argument(help="article key (default: every article with kept HTML)")] = None,
    store: StoreOpt = None,
) -> None:
    """Extract the kept HTML again (after an extractor upgrade); a new revision only where the text differs."""
    from versioner.web.extract import extractor_name
    from versioner.web.pages import reextract as run

    pages = changed = 0
    with _open(ctx, create=True) as st:
        for item in run(st, key):
            pages += 1
            if item.result is not None and item.result.stored:
                changed += 1
                sys.stdout.write(_safe(f"{item.result.revision.ref}: re-read from the HTML of {item.ref}"
                                       f" ({item.extractor} -> {extractor_name()}): the text differs") + "\n")
    sys.stderr.write(f"reextract: {pages} page(s) read again, {changed} new revision(s)\n")


@app.command()
@_guard
def feed(
    ctx: typer.Context,
    since: Annotated[Optional[str], typer.Option("--since", metavar="DATE", help="events at or after DATE (ISO 8601)")]
    = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="write the feed here (default: stdout)")]
    = None,
    store: StoreOpt = None,
) -> None:
    """An Atom feed of the alert events (stealth, undisclosed, mismatch, late revisions)."""
    from versioner.store.web import alerts
    from versioner.times import utc_iso
    from versioner.web.alerts import atom_feed

    with _open(ctx) as st:
        events = alerts(st, since=utc_iso(since) if since else None)
    text = atom_feed(events)
    if output is None:
        sys.stdout.write(text)
        return
    tmp = output.with_name(f".{output.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)  # a reader never sees half a feed
    except OSError as exc:
        from versioner.errors import BadInput

        raise BadInput(f"{output}: cannot write ({exc.strerror})") from None


def notify_audited(ctx: typer.Context, key: str | None, notify: str, alert_on: str) -> None:
    """`audit --notify`: an event for each revision (of ``key``, or of every
    article) judged as ``alert_on`` says, not sent before; and those pending."""
    from versioner.web.urls import check_url

    check_url(notify)
    with _open(ctx, create=True) as st:
        keys = {key} if key else {a.key for a in st.articles()}
        _alert(st, keys, notify, alert_on)


def import_warc(ctx: typer.Context, path: Path, max_bytes: int) -> None:
    """`import` of a .warc or .warc.gz file."""
    from versioner.web.warc import import_warc as run

    with _open(ctx, create=True) as st:
        done = run(st, path, max_bytes, _err)
    assert done.articles is not None
    sys.stdout.write(f"imported {done.stored} revision(s) ({done.unchanged} unchanged, {done.skipped} skipped)"
                     f" from {done.records} HTML record(s) into {len(done.articles)} article(s)\n")
