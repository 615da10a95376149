"""`fetch` against a server on 127.0.0.1 only: pages that change, ETag and 304,
robots.txt, timeouts, retries, redirect loops, huge and endless bodies,
non-HTML, charsets, canonical keys; `add` of HTML and of a URL."""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("httpx")
pytest.importorskip("trafilatura")

from loopback import Reply, Request, Site, html  # noqa: E402

PAGES = Path(__file__).parent / "web_pages"
FAST = ("--delay", "0", "--retries", "0")


def page(headline: str, *paragraphs: str, canonical: str | None = None, notice: str = "") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{headline}</title>{link}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{headline}</h1>"
            f"{notice}{body}</article><footer>Copyright The Test Gazette</footer></body></html>")


STORY = ("Ferry service to Tollan resumes after repairs",
         "The ferry link between Aven and Tollan resumed on Monday after three weeks of repairs to the"
         " landing ramp, the operator said, with four crossings a day until the summer timetable starts.",
         "Passengers had been taken by coach over the northern bridge while the ramp was closed, a"
         " journey that added about 90 minutes each way, according to the regional transport office.",
         "The operator said the repairs had cost 2.1 million crowns and that the ramp would be"
         " inspected again in the autumn before the winter storms arrive in the strait.")


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


def _sql(store: Path, query: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(store)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def test_a_revision_is_stored_only_when_the_article_text_changes(
        site: Site, run: Callable[..., Any], store_path: Path) -> None:
    v1 = page(*STORY)
    v2 = page(STORY[0], STORY[1].replace("four crossings", "five crossings"), *STORY[2:])
    site.serve("/ferry", html(v1), html(v1.replace("Home", "Front page")), html(v2))
    key = "127-0-0-1-ferry"  # the site's name (an address here) and the page's slug
    first = run("fetch", site.url("/ferry"), *FAST)
    assert first.exit_code == 0 and first.stdout.strip() == f"{key}@1"
    same = run("fetch", site.url("/ferry"), *FAST)  # only the navigation changed
    assert same.exit_code == 0 and "unchanged" in same.stderr
    changed = run("fetch", site.url("/ferry"), *FAST)
    assert changed.stdout.strip() == f"{key}@2"
    text = run("show", f"{key}@2").stdout
    assert "five crossings" in text and "Front page" not in text and "<p>" not in text
    # the HTML is kept beside each revision, compressed, with the extractor's name and version
    rows = _sql(store_path, "select extractor, length(html) from pages")
    assert len(rows) == 2 and all(e.startswith("trafilatura ") and n < len(v1) for e, n in rows)


def test_etag_and_last_modified_are_sent_back_and_a_304_stores_nothing(
        site: Site, run: Callable[..., Any], store_path: Path) -> None:
    def answer(req: Request) -> Reply:
        if req.headers.get("if-none-match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return html(page(*STORY), ETag='"v1"', **{"Last-Modified": "Mon, 02 Mar 2026 08:00:00 GMT"})

    site.route("/story", answer)
    assert run("fetch", site.url("/story"), *FAST).exit_code == 0
    again = run("fetch", site.url("/story"), *FAST)
    assert again.exit_code == 0 and "not modified" in again.stderr
    second = site.hits("/story")[1]
    assert second.headers["if-none-match"] == '"v1"'
    assert second.headers["if-modified-since"] == "Mon, 02 Mar 2026 08:00:00 GMT"
    assert _sql(store_path, "select count(*) from revisions") == [(1,)]


def test_robots_txt_is_honoured(site: Site, run: Callable[..., Any]) -> None:
    site.serve("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}))
    site.serve("/private/story", html(page(*STORY)))
    res = run("fetch", site.url("/private/story"), *FAST)
    assert res.exit_code == 2 and "robots.txt disallows it" in res.stderr
    assert site.hits("/private/story") == []


def test_the_user_agent_is_identifiable_and_configurable(site: Site, run: Callable[..., Any]) -> None:
    site.serve("/ua", html(page(*STORY)))
    run("fetch", site.url("/ua"), *FAST)
    assert site.hits("/ua")[0].headers["user-agent"].startswith("versioner/")
    run("fetch", site.url("/ua"), *FAST, "--user-agent", "newsroom-bot/2 (desk@example.org)")
    assert site.hits("/ua")[1].headers["user-agent"] == "newsroom-bot/2 (desk@example.org)"


def test_a_slow_server_times_out_in_one_line(site: Site, versioner_exe: str, tmp_path: Path) -> None:
    site.serve("/slow", Reply(200, page(*STORY).encode(), {"Content-Type": "text/html"}, delay=5))
    res = subprocess.run([versioner_exe, "fetch", site.url("/slow"), *FAST, "--timeout", "0.5"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.count("\n") == 1 and "timed out" in res.stderr


def test_5xx_and_dropped_connections_are_retried_with_backoff() -> None:
    from versioner.web.fetch import Fetcher, FetchError, Settings

    s = Site()
    try:
        s.serve("/flaky", Reply(500), Reply(503), html(page(*STORY)))
        s.serve("/down", Reply(502))
        with Fetcher(Settings(retries=3, backoff=0.01, delay=0)) as f:
            assert f.get(s.url("/flaky")).status == 200
            assert len(s.hits("/flaky")) == 3
            with pytest.raises(FetchError, match="HTTP 502 \\(after 4 attempts\\)"):
                f.get(s.url("/down"))
    finally:
        s.close()
    with Fetcher(Settings(retries=1, backoff=0.01, delay=0, robots=False)) as f:
        # the server is gone: a connection error, retried, then one line
        with pytest.raises(FetchError, match="cannot connect"):
            f.get(s.url("/flaky"))


def test_a_redirect_loop_stops_at_the_limit(site: Site, run: Callable[..., Any]) -> None:
    site.serve("/a", Reply(302, b"", {"Location": "/b"}))
    site.serve("/b", Reply(302, b"", {"Location": "/a"}))
    res = run("fetch", site.url("/a"), *FAST)
    assert res.exit_code == 2 and "more than 5 redirects" in res.stderr
    assert len(site.requests) <= 7  # robots.txt, then the first request and five redirects


def test_a_redirect_is_followed_and_the_key_is_the_canonical_url(site: Site, run: Callable[..., Any]) -> None:
    site.serve("/old", Reply(301, b"", {"Location": "/new"}))
    site.serve("/new", html(page(*STORY, canonical="https://www.gazette.example/ferry/?utm_source=x")))
    res = run("fetch", site.url("/old"), *FAST)
    assert res.stdout.strip() == "gazette-ferry@1"


def test_one_story_under_several_urls_is_one_article(site: Site, run: Callable[..., Any]) -> None:
    v1 = page(*STORY, canonical="https://www.gazette.example/world/ferry")
    v2 = page(STORY[0], STORY[1], STORY[2] + " Tickets are unchanged.", STORY[3],
              canonical="https://gazette.example/world/ferry/amp/")
    site.serve("/world/ferry", html(v1))
    site.serve("/amp/world/ferry", html(v2))
    assert run("fetch", site.url("/world/ferry?utm_campaign=feed&fbclid=abc"), *FAST).stdout.strip() \
        == "gazette-ferry@1"
    assert run("fetch", site.url("/amp/world/ferry"), *FAST).stdout.strip() == "gazette-ferry@2"


def _endless(chunk: bytes = b"<p>" + b"x" * 65_000 + b"</p>") -> Iterator[bytes]:
    yield b"<!doctype html><html><body>"
    yield from itertools.repeat(chunk)


def test_huge_and_endless_bodies_are_cut_at_the_cap_with_memory_flat(site: Site) -> None:
    from versioner.web.fetch import Fetcher, FetchError, Settings

    cap = 1024 * 1024
    site.serve("/declared", Reply(200, b"x" * 10, {"Content-Type": "text/html", "Content-Length": str(10 ** 10)}))
    site.route("/endless", lambda _: Reply(200, _endless(), {"Content-Type": "text/html"}))
    with Fetcher(Settings(max_bytes=cap, delay=0, retries=0)) as f:
        with pytest.raises(FetchError, match="over the limit"):
            f.get(site.url("/declared"))
        tracemalloc.start()
        try:
            with pytest.raises(FetchError, match="over the limit of 1,048,576 bytes"):
                f.get(site.url("/endless"))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 4 * cap  # the cap and a chunk, never the stream


def test_an_endless_body_through_the_cli_is_one_line(site: Site, run: Callable[..., Any]) -> None:
    site.route("/endless", lambda _: Reply(200, _endless(), {"Content-Type": "text/html"}))
    res = run("fetch", site.url("/endless"), *FAST, "--max-bytes", "200000")
    assert res.exit_code == 2 and "over the limit of 200,000 bytes (--max-bytes)" in res.stderr


def test_content_that_is_not_html_is_refused(site: Site, run: Callable[..., Any]) -> None:
    site.serve("/photo", Reply(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, {"Content-Type": "image/png"}))
    site.serve("/data", Reply(200, b'{"a": 1}', {"Content-Type": "application/json"}))
    for path, kind in (("/photo", "image/png"), ("/data", "application/json")):
        res = run("fetch", site.url(path), *FAST)
        assert res.exit_code == 2 and f"not a page to read ({kind})" in res.stderr


def test_wrong_and_missing_charsets_are_read_right(site: Site, run: Callable[..., Any]) -> None:
    words = "Café owners in Sète say the new harbour fees are too high"
    body = page(words, *STORY[1:])
    # declared UTF-8, sent as Latin-1 with a <meta> saying so
    site.serve("/wrong", html(body.replace("charset='utf-8'", "charset='iso-8859-1'").encode("latin-1"), "utf-8"))
    # declared Latin-1 (a server default), sent as UTF-8
    site.serve("/latin", Reply(200, body.encode("utf-8"), {"Content-Type": "text/html; charset=iso-8859-1"}))
    # no charset anywhere, cp1252 bytes
    site.serve("/none", html(body.replace("<meta charset='utf-8'>", "").encode("cp1252"), None))
    for path in ("/wrong", "/latin", "/none"):
        res = run("fetch", site.url(path), *FAST)
        assert res.exit_code == 0, res.stderr
        assert words in run("show", res.stdout.strip()).stdout, path


def test_fetch_errors_on_one_url_do_not_stop_the_others(site: Site, run: Callable[..., Any]) -> None:
    site.serve("/good", html(page(*STORY)))
    res = run("fetch", site.url("/missing"), site.url("/good"), *FAST)
    assert res.exit_code == 2 and "HTTP 404" in res.stderr
    assert res.stdout.strip().endswith("-good@1")


def test_fetch_refuses_what_is_not_an_http_address(run: Callable[..., Any]) -> None:
    res = run("fetch", "ftp://example.org/x")
    assert res.exit_code == 2 and "not an http:// or https:// address" in res.stderr


def test_add_of_a_url_says_to_use_fetch(run: Callable[..., Any]) -> None:
    # before: "https:/example.org/world/story: no such file" (one slash lost)
    res = run("add", "https://example.org/world/story")
    assert res.exit_code == 2
    assert "use `versioner fetch https://example.org/world/story`" in res.stderr


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_add_recognises_html_and_extracts_it(how: str, run: Callable[..., Any], tmp_path: Path) -> None:
    # before: `<!doctype html>` became the headline and the <nav> and <script> lines paragraphs
    source = (PAGES / "top-box.html").read_bytes()
    if how == "file":
        (tmp_path / "saved.html").write_bytes(source)
        res = run("add", tmp_path / "saved.html")
    else:
        res = run("add", "-", input=source)
    assert res.exit_code == 0, res.stderr
    ref = res.stdout.strip()
    assert ref == "dailylantern-orvel-dam-inspection@1"  # from the canonical link
    shown = run("show", ref, "--format", "json").stdout
    assert "Orvel dam inspection finds cracks in spillway" in shown
    assert "doctype" not in shown and "dataLayer" not in shown and "Privacy" not in shown


def test_urls_are_normalised() -> None:
    from versioner.web.urls import canonical

    same = ["http://www.example.org/world/story", "https://example.org/world/story/",
            "https://m.example.org/world/story?utm_source=tw&utm_medium=social",
            "https://amp.example.org/world/story", "https://example.org/world/story/amp/",
            "https://example.org/amp/world/story?gclid=1#comments", "HTTPS://Example.org:443/world//story"]
    assert {canonical(u) for u in same} == {"https://example.org/world/story"}
    assert canonical("https://example.org/story?id=7&utm_source=x&page=2") == "https://example.org/story?id=7&page=2"
