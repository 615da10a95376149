"""A threaded HTTP server on 127.0.0.1 for the web tests and bench/fetch.py:
each path answers with a function of the request, so pages can change between
requests, stall, fail, redirect for ever or never end."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Route = Callable[[Request], Reply]


def html(body: str | bytes, charset: str | None = "utf-8", **headers: str) -> Reply:
    data = body.encode(charset or "utf-8") if isinstance(body, str) else body
    ctype = f"text/html; charset={charset}" if charset else "text/html"
    return Reply(200, data, {"Content-Type": ctype, **headers})


class Site:
    """``site.route("/page", fn)``; ``site.url("/page")``; ``site.requests``."""

    def __init__(self, keep_requests: bool = True) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.keep_requests = keep_requests  # off for benchmarks: the log grows with every request
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else a delayed ACK holds each small reply 40 ms

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._answer()

            def do_POST(self) -> None:
                self._answer()

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                req = Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()},
                              self.rfile.read(length) if length else b"")
                if site.keep_requests:
                    site.requests.append(req)
                route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                reply = route(req) if route else Reply(404, b"not found", {"Content-Type": "text/plain"})
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self._send(reply)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client hung up (a cap, a timeout): expected

            def _send(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                if isinstance(reply.body, bytes):
                    if "Content-Length" not in reply.headers:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.status != 304:
                        self.wfile.write(reply.body)
                    return
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for chunk in reply.body:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def route(self, path: str, fn: Route) -> None:
        self.routes[path] = fn

    def serve(self, path: str, *replies: Reply) -> None:
        """Answer ``path`` with each reply in turn, then the last one for ever."""
        queue = list(replies)

        def answer(_: Request) -> Reply:
            return queue.pop(0) if len(queue) > 1 else queue[0]

        self.routes[path] = answer

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path.split("?")[0] == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
