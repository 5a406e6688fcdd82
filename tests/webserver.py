"""A local web server for tests: pages, feeds, redirects, errors and slow answers on 127.0.0.1.

Each route is a :class:`Route` (status, headers, body, an optional delay before answering and
ETag handling for conditional GETs); every request is recorded so tests can check what was
fetched, and how.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

WEB = Path(__file__).resolve().parent / "data" / "web"


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    chunks: int = 0
    """Send the body in this many chunks, ``delay`` seconds apart (a slow body), if above 0."""
    length: int | None = None
    """A Content-Length to announce instead of the body's (a 50 MB body without the 50 MB)."""
    announce: bool = True
    """Send a Content-Length; without one the body ends when the connection closes."""


@dataclass
class Seen:
    """One request the server received."""

    path: str
    headers: dict[str, str]


class WebServer:
    """A threaded HTTP server on 127.0.0.1 with a random port."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> WebServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def page(self, path: str, name: str, **kwargs: Any) -> str:
        """Serve the file ``tests/data/web/NAME`` on ``path``; return its URL."""
        body = (WEB / name).read_bytes().replace(b"{BASE}", self.base_url.encode())
        self.routes[path] = Route(body=body, **kwargs)
        return self.url(path)

    def requests(self, path: str) -> list[Seen]:
        with self._lock:
            return [seen for seen in self.seen if seen.path == path]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                with server._lock:
                    server.seen.append(Seen(self.path, dict(self.headers.items())))
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None:
                    self._send(404, {"Content-Type": "text/plain"}, b"not found")
                    return
                if route.delay and not route.chunks:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self._send(304, {"ETag": route.etag}, b"")
                    return
                if route.last_modified and (
                    self.headers.get("If-Modified-Since") == route.last_modified
                ):
                    self._send(304, {"Last-Modified": route.last_modified}, b"")
                    return
                headers = {"Content-Type": route.content_type, **route.headers}
                if route.etag:
                    headers["ETag"] = route.etag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                self._send(route.status, headers, route.body, route)

            def _send(
                self,
                status: int,
                headers: dict[str, str],
                body: bytes,
                route: Route | None = None,
            ) -> None:
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    length = route.length if route and route.length else len(body)
                    if route is None or route.announce:
                        self.send_header("Content-Length", str(length))
                    else:
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    self.end_headers()
                    if route and route.chunks:
                        step = max(1, len(body) // route.chunks)
                        for start in range(0, len(body), step):
                            self.wfile.write(body[start : start + step])
                            self.wfile.flush()
                            time.sleep(route.delay)
                    elif route and route.length:
                        # Stream zeros up to the announced length until the client hangs up.
                        block = b"\0" * 65536
                        for _ in range(route.length // len(block)):
                            self.wfile.write(block)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up early (a refused 50 MB body, a timeout) is what tests do.
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)
