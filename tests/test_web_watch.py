"""`watch` (feeds, schedule, --once, SIGTERM), alerts to a loopback webhook and
the Atom feed of alerts, on 127.0.0.1 only."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("httpx")
pytest.importorskip("feedparser")

from loopback import Reply, Request, Site, html  # noqa: E402
from test_web_fetch import FAST, STORY, page  # noqa: E402


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


def rss(site: Site, *paths: str) -> Reply:
    items = "".join(f"<item><title>Story {p}</title><link>{site.url(p)}</link><guid>{p}</guid></item>"
                    for p in paths)
    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>'
            f"<link>{site.url('/')}</link><description>d</description>{items}</channel></rss>")
    return Reply(200, body.encode(), {"Content-Type": "application/rss+xml"})


def _story(n: int) -> str:
    return page(f"Story number {n} about the ferry", *STORY[1:])


def test_the_schedule_thins_out_with_age_and_then_stops() -> None:
    from versioner.web.watch import Schedule

    s = Schedule.parse()
    first = datetime(2026, 3, 1, tzinfo=timezone.utc)
    seen = "2026-03-01T00:00:00Z"
    for age, every in ((timedelta(hours=1), timedelta(minutes=15)), (timedelta(hours=5), timedelta(hours=1)),
                       (timedelta(days=3), timedelta(hours=3)), (timedelta(days=20), timedelta(days=1))):
        due, _ = s.next_check(seen, first + age)
        assert due is not None
        assert datetime.fromisoformat(due.replace("Z", "+00:00")) - (first + age) == every
    assert s.next_check(seen, first + timedelta(days=31)) == (None, 4)
    custom = Schedule.parse("1h:5m,2h:30m")
    assert custom.next_check(seen, first + timedelta(minutes=90))[1] == 1


@pytest.mark.parametrize("bad", ["3h", "3h:0m", "1d:1h,3h:15m", "x:15m"])
def test_a_bad_schedule_is_one_line(bad: str, run: Callable[..., Any]) -> None:
    res = run("watch", "--schedule", bad, "--once")
    assert res.exit_code == 2 and res.stderr.count("\n") == 1


def test_watch_once_reads_a_feed_fetches_its_items_and_later_only_new_ones(
        site: Site, run: Callable[..., Any], store_path: Path) -> None:
    feed = [rss(site, "/s1", "/s2")]
    site.route("/feed.xml", lambda _: feed[0])
    for n in (1, 2, 3):
        site.serve(f"/s{n}", html(_story(n)))
    res = run("watch", site.url("/feed.xml"), "--once", "--every", "1s", *FAST)
    assert res.exit_code == 0, res.stderr
    assert sorted(line.split(" ")[0] for line in res.stdout.splitlines()) == [
        "127-0-0-1-s1@1", "127-0-0-1-s2@1"]
    assert "round: 3 checked, 2 stored" in res.stderr and "2 new from feeds" in res.stderr
    feed[0] = rss(site, "/s1", "/s2", "/s3")  # the feed gains an item
    time.sleep(1.1)
    again = run("watch", "--once", "--every", "1s", *FAST)  # the schedule lives in the store
    assert again.exit_code == 0
    assert [line.split(" ")[0] for line in again.stdout.splitlines()] == ["127-0-0-1-s3@1"]
    assert len(site.hits("/s1")) == 1  # not due again for 15 minutes
    conn = sqlite3.connect(store_path)
    rows = dict(conn.execute("select url, step from fetch_state where kind = 'page'").fetchall())
    conn.close()
    assert set(rows.values()) == {0} and len(rows) == 3


def test_an_error_on_one_url_is_reported_and_retried_later_never_fatal(
        site: Site, run: Callable[..., Any], store_path: Path) -> None:
    site.serve("/good", html(_story(1)))
    site.serve("/bad", Reply(500), html(_story(2)))
    res = run("watch", site.url("/bad"), site.url("/good"), "--once", *FAST)
    assert res.exit_code == 2  # --once: cron sees the error; the good page is stored all the same
    assert "/bad: HTTP 500" in res.stderr and "1 error(s)" in res.stderr
    assert res.stdout.strip().endswith("/good")
    conn = sqlite3.connect(store_path)
    failures, error, due = conn.execute(
        "select failures, last_error, next_check from fetch_state where url like '%/bad'").fetchone()
    conn.close()
    assert failures == 1 and "HTTP 500" in error and due > "2026"


def test_sigterm_stops_watch_after_the_fetches_under_way(
        site: Site, versioner_exe: str, store_path: Path) -> None:
    arrived: list[float] = []

    def slow(_: Request) -> Reply:
        arrived.append(time.monotonic())
        return Reply(200, _story(1).encode(), {"Content-Type": "text/html"}, delay=2)

    site.route("/slow", slow)
    proc = subprocess.Popen([versioner_exe, "watch", site.url("/slow"), *FAST],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ})
    deadline = time.monotonic() + 30
    while not arrived and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.decode().strip().endswith("/slow")  # the fetch under way was stored
    assert "stopped; the fetches under way were stored" in err.decode()
    assert "Traceback" not in err.decode()


def test_watch_keeps_running_until_stopped(site: Site, versioner_exe: str) -> None:
    site.serve("/feed.xml", rss(site, "/s1"))
    site.serve("/s1", html(_story(1)))
    proc = subprocess.Popen([versioner_exe, "watch", site.url("/feed.xml"), "--every", "1s", *FAST],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while len(site.hits("/feed.xml")) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and len(site.hits("/feed.xml")) >= 2
    assert err.decode().count("round:") >= 2


class Webhook:
    def __init__(self, site: Site, path: str = "/hook") -> None:
        self.events: list[dict[str, Any]] = []
        self.fail = False
        self.url = site.url(path)
        site.route(path, self.receive)

    def receive(self, req: Request) -> Reply:
        if self.fail:
            return Reply(503)
        self.events.append(json.loads(req.body))
        return Reply(204)


def _changed_story() -> str:
    return page(STORY[0], STORY[1], STORY[2], STORY[3].replace("2.1 million", "3.4 million"))


def test_a_stealth_edit_is_posted_to_the_webhook_and_a_failed_delivery_is_kept(
        site: Site, run: Callable[..., Any]) -> None:
    hook = Webhook(site)
    site.serve("/ferry-story", html(page(*STORY)), html(_changed_story()))
    assert run("fetch", site.url("/ferry-story"), *FAST, "--notify", hook.url).exit_code == 0
    assert hook.events == []  # a first revision is no alert
    hook.fail = True
    res = run("fetch", site.url("/ferry-story"), *FAST, "--notify", hook.url)
    assert res.exit_code == 0 and res.stdout.strip().endswith("-ferry-story@2")
    assert "alert for" in res.stderr and "HTTP 503" in res.stderr and "kept for the next round" in res.stderr
    hook.fail = False
    site.serve("/other", html(_story(9)))
    run("fetch", site.url("/other"), *FAST, "--notify", hook.url)  # the next round delivers it
    (event,) = hook.events
    assert event["verdict"] == "stealth" and event["ref"].endswith("-ferry-story@2")
    assert event["url"] and event["reasons"] and event["flags"][0]["type"]
    again = run("fetch", site.url("/other"), *FAST, "--notify", hook.url)
    assert again.exit_code == 0 and len(hook.events) == 1  # delivered once


def test_the_feed_of_alerts_is_atom_that_feedparser_reads(site: Site, run: Callable[..., Any],
                                                          tmp_path: Path) -> None:
    import feedparser

    site.serve("/ferry-story", html(page(*STORY)), html(_changed_story()))
    run("fetch", site.url("/ferry-story"), *FAST)
    run("fetch", site.url("/ferry-story"), *FAST)  # no --notify: the event is for the feed only
    res = run("feed")
    assert res.exit_code == 0
    parsed = feedparser.parse(res.stdout)
    assert not parsed.bozo and parsed.version == "atom10"
    (entry,) = parsed.entries
    assert entry.title.endswith("-ferry-story@2: stealth") and "2.1 million" in entry.summary
    assert run("feed", "--since", "2999-01-01").stdout.count("<entry>") == 0
    assert run("feed", "-o", tmp_path / "alerts.xml").exit_code == 0
    assert feedparser.parse((tmp_path / "alerts.xml").read_bytes()).entries[0].title == entry.title


def test_feed_reads_a_store_made_before_the_web_tables(run: Callable[..., Any], store_path: Path) -> None:
    run("add", "-", "--article", "ship", input="Ship sinks\n\nA ship sank.\n")
    conn = sqlite3.connect(store_path)
    for table in ("pages", "fetch_state", "alerts"):
        conn.execute(f"drop table {table}")
    conn.execute("delete from _sqlite_migrations where name = 'm004_web_pages_fetch_state_alerts'")
    conn.commit()
    conn.close()
    res = run("feed")
    assert res.exit_code == 0 and "<feed" in res.stdout
    assert run("list").exit_code == 0
    conn = sqlite3.connect(store_path)
    assert conn.execute("select count(*) from sqlite_master where name = 'alerts'").fetchone() == (0,)
    conn.close()


def test_audit_notify_posts_each_failing_revision_once(site: Site, run: Callable[..., Any]) -> None:
    hook = Webhook(site)
    text = "Ferry service resumes\n\nThe ferry resumed on Monday, the operator said.\nThe repairs cost {} crowns.\n"
    run("add", "-", "--article", "ferry", "--at", "2026-03-01T10:00:00Z", input=text.format("2.1 million"))
    run("add", "-", "--article", "ferry", "--at", "2026-03-01T11:00:00Z", input=text.format("3.4 million"))
    res = run("audit", "--notify", hook.url)
    assert res.exit_code == 0 and "stealth" in res.stdout
    assert [(e["ref"], e["verdict"]) for e in hook.events] == [("ferry@2", "stealth")]
    run("audit", "ferry", "--notify", hook.url, "--alert-on", "stealth,first")
    assert [(e["ref"], e["verdict"]) for e in hook.events] == [("ferry@2", "stealth"), ("ferry@1", "first")]
    bad = run("audit", "--notify", hook.url, "--alert-on", "sneaky")
    assert bad.exit_code == 2 and "unknown verdict(s) sneaky" in bad.stderr


def test_article_text_in_the_feed_of_alerts_is_shown_escaped() -> None:
    import feedparser

    from versioner.store.web import Alert
    from versioner.web.alerts import atom_feed

    reason = 'quote changed: "calm\x1b[31m" -> "\u202eevil"'
    event = json.dumps({"sha256": "ab" * 32, "reasons": [reason]})
    xml = atom_feed([Alert(1, "2026-03-03T09:00:00Z", "story", "story@2", None, "stealth", event,
                           None, None, 0, None)])
    assert "\x1b" not in xml and "\u202e" not in xml
    assert "\\x1b[31m" in xml and "&lt;U+202E&gt;" in xml
    parsed = feedparser.parse(xml)
    assert not parsed.bozo and "\\x1b" in parsed.entries[0].summary
