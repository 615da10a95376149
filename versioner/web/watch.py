"""`watch`: feeds and pages checked on a schedule kept in the store.

A page is checked often while it is young and less as it ages, as NewsDiffs
does: by default every 15 minutes for its first 3 hours, hourly for a day,
every 3 hours for a week, daily for a month, then no more. Feeds are read every
``--every``; each new item's page joins the schedule. A round checks what is
due, a few URLs at a time (network and extraction in worker threads, the store
written by this one); an error on one URL is reported and that URL is tried
again later, never fatal to the round."""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any

from versioner.errors import BadInput, VersionerError
from versioner.model import AddResult
from versioner.store import Store
from versioner.store.web import UrlState, due_states, save_state, url_state
from versioner.times import utc_iso
from versioner.web.fetch import Fetcher
from versioner.web.pages import Download, download, store_download
from versioner.web.urls import check_url

DEFAULT_SCHEDULE = "3h:15m,1d:1h,7d:3h,30d:1d"
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")


def duration(text: str) -> timedelta:
    """``15m``, ``3h``, ``1d``, ``90s``, ``2w`` as a timedelta."""
    m = _DURATION.match(text)
    if not m or float(m.group(1)) <= 0:
        raise BadInput(f"{text!r} is not a duration (such as 90s, 15m, 3h, 1d, 2w)")
    return timedelta(seconds=float(m.group(1)) * _UNITS[m.group(2)])


@dataclass(frozen=True)
class Schedule:
    """(up to this age, check this often) steps; past the last age, no more checks."""

    steps: tuple[tuple[timedelta, timedelta], ...]

    @classmethod
    def parse(cls, text: str = DEFAULT_SCHEDULE) -> Schedule:
        steps = []
        for item in text.split(","):
            age, _, every = item.partition(":")
            if not every:
                raise BadInput(f"schedule step {item!r} is not AGE:EVERY (such as 3h:15m)")
            steps.append((duration(age), duration(every)))
        if [a for a, _ in steps] != sorted(a for a, _ in steps):
            raise BadInput("schedule steps must be in order of age (3h:15m,1d:1h,...)")
        return cls(tuple(steps))

    def next_check(self, first_seen: str, now: datetime) -> tuple[str | None, int]:
        """When a page first seen at ``first_seen`` is next due, and its step (None:
        it is old enough to stop)."""
        age = now - _parse(first_seen)
        for step, (until, every) in enumerate(self.steps):
            if age < until:
                return stamp(now + every), step
        return None, len(self.steps)


def stamp(when: datetime | None = None) -> str:
    """A schedule time: UTC, always with microseconds, so that times compare as
    text in SQL (``utc_iso`` leaves a zero fraction out, and "…41Z" sorts after
    "…41.5Z")."""
    return f"{(when or datetime.now(timezone.utc)).astimezone(timezone.utc):%Y-%m-%dT%H:%M:%S.%f}Z"


def _parse(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


@dataclass
class Round:
    checked: int = 0
    stored: int = 0
    unchanged: int = 0
    not_modified: int = 0
    errors: int = 0
    new_items: int = 0
    touched: set[str] = field(default_factory=set)

    def summary(self) -> str:
        return (f"round: {self.checked} checked, {self.stored} stored, {self.unchanged} unchanged,"
                f" {self.not_modified} not modified, {self.new_items} new from feeds, {self.errors} error(s)")


@dataclass(frozen=True)
class Watch:
    schedule: Schedule
    every: timedelta  # how often feeds are read
    concurrency: int = 4
    retry_after: timedelta = timedelta(minutes=5)  # after an error; doubled per failure, at most `every`


def register(st: Store, urls: list[str]) -> int:
    """Put the given URLs on the schedule (due now); those known keep their state."""
    now = stamp()
    added = 0
    for url in urls:
        check_url(url)
        if url_state(st, url) is None:
            save_state(st, UrlState(url, "watch", first_seen=now, next_check=now))
            added += 1
    return added


def run_round(st: Store, fetcher: Fetcher, watch: Watch, stop: threading.Event,
              say: Callable[[str], None], warn: Callable[[str], None]) -> Round:
    """Check every URL due now, and the new items of the feeds read meanwhile;
    stop submitting when ``stop`` is set (the checks under way are finished and
    stored)."""
    result = Round()
    seen: set[str] = set()
    with ThreadPoolExecutor(max_workers=watch.concurrency) as pool:
        running: dict[Future[Download], UrlState] = {}
        queue: list[UrlState] = []
        while True:
            if not queue and not running:
                # what is due now and not checked this round: a feed's new items join here
                queue = [s for s in due_states(st, stamp()) if s.url not in seen]
                if not queue:
                    break
            while queue and len(running) < watch.concurrency and not stop.is_set():
                state = queue.pop(0)
                seen.add(state.url)
                running[pool.submit(download, fetcher, state, state.kind != "page")] = state
            if not running:
                break  # stopping
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                state = running.pop(future)
                result.checked += 1
                _settle(st, watch, state, future, result, say, warn)
    return result


def _settle(st: Store, watch: Watch, state: UrlState, future: Future[Download], result: Round,
            say: Callable[[str], None], warn: Callable[[str], None]) -> None:
    now = datetime.now(timezone.utc)
    try:
        d = future.result()
    except Exception as exc:  # one URL's failure, whatever it is, is never the round's
        result.errors += 1
        warn(str(exc) if isinstance(exc, VersionerError) else f"{state.url}: {type(exc).__name__}: {exc}")
        failures = state.failures + 1
        later = min(watch.retry_after * 2 ** (failures - 1), max(watch.every, watch.retry_after))
        save_state(st, replace(state, failures=failures, last_error=str(exc), next_check=stamp(now + later)))
        return
    if d.feed:
        _read_feed(st, watch, state, d, now, result)
        return
    first_seen = state.first_seen or utc_iso(now)
    next_check, step = watch.schedule.next_check(first_seen, now)
    after = replace(state, kind="page", next_check=next_check, step=step)
    res = store_download(st, d, after)
    _count(res, d, result, say)


def _count(res: AddResult | None, d: Download, result: Round, say: Callable[[str], None]) -> None:
    if res is None:
        result.not_modified += 1
    elif res.stored:
        result.stored += 1
        result.touched.add(res.revision.article)
        say(f"{res.revision.ref} {d.state.url}")
    else:
        result.unchanged += 1


def _read_feed(st: Store, watch: Watch, state: UrlState, d: Download, now: datetime, result: Round) -> None:
    """Each item of a feed not seen before joins the schedule, due now."""
    import feedparser

    parsed = feedparser.parse(d.feed)
    at = stamp(now)
    for entry in parsed.entries:
        link = entry.get("link")
        if not isinstance(link, str) or not link.startswith(("http://", "https://")):
            continue
        if url_state(st, link) is None:
            save_state(st, UrlState(link, "page", first_seen=at, next_check=at))
            result.new_items += 1
    save_state(st, replace(state, kind="feed", etag=d.etag, last_modified=d.last_modified,
                           next_check=stamp(now + watch.every), checks=state.checks + 1,
                           failures=0, last_error=None))


@contextmanager
def stopping_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and Ctrl-C set ``stop`` instead of killing the process: the round
    finishes the fetches under way, stores them and ends."""
    def handler(signum: int, frame: Any) -> None:
        stop.set()

    old = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, previous in old.items():
            signal.signal(sig, previous)


def seconds_until(iso: str | None, cap: float) -> float:
    """Seconds from now to ``iso`` (at most ``cap``; ``cap`` when nothing is due)."""
    if iso is None:
        return cap
    return max(0.0, min(cap, (_parse(iso) - datetime.now(timezone.utc)).total_seconds()))
