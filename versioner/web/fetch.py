"""HTTP for fetch and watch (httpx): timeouts, bounded retries with backoff on
5xx and connection errors, a redirect limit, a size cap read as a stream,
conditional requests, robots.txt, and a polite delay between requests to one host."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from versioner.errors import MissingExtra, VersionerError
from versioner.web.urls import check_url

USER_AGENT = "versioner/0.1 (+https://github.com/versioner/versioner; correction-aware article history)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


class FetchError(VersionerError):
    """One URL could not be fetched (a per-URL error: watch reports it and goes on)."""


@dataclass(frozen=True)
class Settings:
    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds for connecting and for each read
    deadline: float = 60.0  # seconds for a whole response, a slow drip included
    retries: int = 3  # further attempts after a 5xx, a 429 or a connection error
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_redirects: int = 5
    max_bytes: int = 5 * 1024 * 1024
    delay: float = 1.0  # seconds between requests to one host
    robots: bool = True


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: no body)
    body: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None


def _httpx() -> Any:
    try:
        import httpx
    except ImportError:
        raise MissingExtra("fetching needs the web extra: pip install 'versioner[web]'") from None
    return httpx


class Fetcher:
    """One HTTP client for a command's run, safe to share between threads."""

    def __init__(self, settings: Settings = Settings()) -> None:
        httpx = _httpx()
        self.settings = settings
        self.client = httpx.Client(
            timeout=httpx.Timeout(settings.timeout), follow_redirects=True,
            max_redirects=settings.max_redirects, headers={"User-Agent": settings.user_agent},
        )
        self._hosts: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._robots: dict[str, Any] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            accept: tuple[str, ...] = HTML_TYPES) -> Response:
        """``url``'s body (status 200), or status 304 when the validators still hold.
        FetchError for what cannot be had: robots.txt says no, too many redirects,
        errors after every retry, a body over the cap, a type not in ``accept``."""
        check_url(url)
        if self.settings.robots and not self._allowed(url):
            raise FetchError(f"{url}: robots.txt disallows it for this user agent")
        headers = {"Accept": ", ".join(accept) + ", */*;q=0.1"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._with_retries(url, headers)
        if response.status != 304 and response.content_type not in accept:
            raise FetchError(f"{url}: not a page to read ({response.content_type or 'no content type'})")
        return response

    def _with_retries(self, url: str, headers: dict[str, str]) -> Response:
        httpx = _httpx()
        wait = self.settings.backoff
        for attempt in range(self.settings.retries + 1):
            last = attempt == self.settings.retries
            try:
                response = self._request(url, headers)
            except httpx.TooManyRedirects:
                raise FetchError(f"{url}: more than {self.settings.max_redirects} redirects (a loop?)") from None
            except (httpx.TransportError, httpx.DecodingError) as exc:
                if last:
                    raise FetchError(f"{url}: {_describe(exc)} (after {attempt + 1} attempts)") from None
            else:
                if response.status < 500 and response.status != 429:
                    if response.status >= 400:
                        raise FetchError(f"{url}: HTTP {response.status}")
                    return response
                if last:
                    raise FetchError(f"{url}: HTTP {response.status} (after {attempt + 1} attempts)")
            time.sleep(wait)
            wait *= 2
        raise AssertionError("unreachable")

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        """One request, streamed: the body is refused as soon as it passes the cap,
        or when it has taken longer than the deadline, never read whole first."""
        cap, deadline = self.settings.max_bytes, time.monotonic() + self.settings.deadline
        self._wait_turn(url)
        with self.client.stream("GET", url, headers=headers) as r:
            content_type = r.headers.get("content-type", "").split(";")[0].strip().lower()
            if r.status_code == 304 or r.status_code >= 400:
                return Response(str(r.url), r.status_code, b"", content_type, None, None, None)
            declared = r.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                raise FetchError(f"{url}: {int(declared):,} bytes is over the limit of {cap:,} (--max-bytes)")
            chunks: list[bytes] = []
            total = 0
            # decoded bytes are counted: a small gzip body that inflates past the cap is refused too
            for chunk in r.iter_bytes(64 * 1024):
                total += len(chunk)
                if total > cap:
                    raise FetchError(f"{url}: over the limit of {cap:,} bytes (--max-bytes)")
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: the response took over {self.settings.deadline:g} s")
                chunks.append(chunk)
            return Response(str(r.url), r.status_code, b"".join(chunks), content_type, r.charset_encoding,
                             r.headers.get("etag"), r.headers.get("last-modified"))

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host's last request is ``delay`` seconds old (or the
        robots.txt Crawl-delay); requests to one host go one at a time."""
        host = urlsplit(url).netloc
        with self._lock:
            lock = self._hosts.setdefault(host, threading.Lock())
        with lock:
            delay = max(self.settings.delay, self._delays.get(host, 0.0))
            left = self._last.get(host, 0.0) + delay - time.monotonic()
            if left > 0:
                time.sleep(left)
            self._last[host] = time.monotonic()

    def _allowed(self, url: str) -> bool:
        from urllib.robotparser import RobotFileParser

        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = origin in self._robots
        if not known:
            parser: RobotFileParser | None = RobotFileParser()
            try:
                got = self._request(origin + "/robots.txt", {})
                if got.status >= 400:
                    parser = None  # no robots.txt: everything allowed
                else:
                    assert parser is not None
                    parser.parse(got.body.decode("utf-8", "replace").splitlines())
                    crawl_delay = parser.crawl_delay(self.settings.user_agent)
                    if crawl_delay:
                        self._delays[parts.netloc] = float(crawl_delay)
            except (FetchError, _httpx().HTTPError):
                parser = None  # unreachable robots.txt: the page's own fetch says what is wrong
            with self._lock:
                self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.settings.user_agent, url)


def _describe(exc: Exception) -> str:
    name = type(exc).__name__
    words = {"ConnectTimeout": "connection timed out", "ReadTimeout": "read timed out",
             "ConnectError": "cannot connect", "RemoteProtocolError": "connection closed early",
             "WriteTimeout": "write timed out", "PoolTimeout": "no free connection"}
    detail = str(exc).strip()
    return words.get(name, name) + (f" ({detail})" if detail and name == "ConnectError" else "")

