"""A threaded HTTP server on 127.0.0.1 (random port) that plays the portal, and every way it fails.

Routes map a path with its query ("/document/?guid=3871&p0=HK9900275") to a Reply, a list of
Replies served in turn (the last one repeats), or a function of the query. Every request is logged
so tests can ask what lexwatch sent, how often, and how many requests overlapped.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit

HTML = "text/html; charset=utf-8"
TRICKLED_BYTES = 200  # of a header sent a byte at a time (Reply.trickle)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str | None = HTML
    headers: dict[str, str] = field(default_factory=dict)
    etag: bool = True                     # send an ETag and answer If-None-Match with 304
    stall: float = 0.0                    # seconds to hang after the headers, before the body
    trickle: float = 0.0                  # seconds between the bytes of a header sent one at a time
    declared_length: int | None = None    # a Content-Length other than the body's (truncation)
    stream: Callable[[], Iterator[bytes]] | None = None   # a body made on the fly, sent chunked
    stream_length: int | None = None      # Content-Length announced for a streamed body


Route = Reply | list[Reply] | Callable[[dict[str, str]], Reply]


@dataclass
class Request:
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    at: float


def route_key(path_and_query: str) -> str:
    """Paths with their query parameters sorted, so `?p0=..&guid=..` and `?guid=..&p0=..` match."""
    parts = urlsplit(path_and_query)
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return parts.path + ("?" + urlencode(query) if query else "")


class _QuietServer(ThreadingHTTPServer):
    """A client that gives up on a stalled or huge response (as lexwatch must) closes the socket
    under the handler: expected here, so no traceback in the test output."""

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class FixturePortal:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.prefix_routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.outage: Reply | None = None  # when set, every request gets it: the whole portal down
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FixturePortal:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def set(self, path: str, route: Route) -> None:
        self.routes[route_key(path)] = route

    def set_prefix(self, path: str, route: Route) -> None:
        """A route for a path whatever its query (the listing, whose dates change every day)."""
        self.prefix_routes[path] = route

    def hits(self, path: str) -> list[Request]:
        key = route_key(path)
        return [r for r in self.requests if route_key(r.path + ("?" + urlencode(r.query) if r.query else "")) == key]

    def reset_log(self) -> None:
        with self._lock:
            self.requests.clear()
            self.max_in_flight = 0

    def reply_for(self, raw_path: str) -> Reply:
        if self.outage is not None:
            return self.outage
        key = route_key(raw_path)
        route = self.routes.get(key)
        if route is None:
            route = self.prefix_routes.get(urlsplit(raw_path).path)
        if route is None:
            return Reply(404, "<html><body><h1>Страница не найдена</h1></body></html>".encode())
        if isinstance(route, list):
            with self._lock:
                return route.pop(0) if len(route) > 1 else route[0]
        if callable(route):
            return route(dict(parse_qsl(urlsplit(raw_path).query)))
        return route


def _handler(portal: FixturePortal) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes; without this, Nagle + delayed ACK add 40 ms each.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            with portal._lock:
                portal.requests.append(Request(parts.path, dict(parse_qsl(parts.query)),
                                               {k.lower(): v for k, v in self.headers.items()}, time.monotonic()))
                portal.in_flight += 1
                portal.max_in_flight = max(portal.max_in_flight, portal.in_flight)
            try:
                self._answer(portal.reply_for(self.path))
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True
            finally:
                with portal._lock:
                    portal.in_flight -= 1

        def _answer(self, reply: Reply) -> None:
            etag = '"' + hashlib.sha256(reply.body).hexdigest()[:20] + '"' if reply.etag and reply.body else None
            if etag and self.headers.get("If-None-Match") == etag and reply.status == 200:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if reply.trickle:
                self._trickle(reply)
            else:
                self.send_response(reply.status)
            if reply.content_type:
                self.send_header("Content-Type", reply.content_type)
            if etag and reply.status == 200:
                self.send_header("ETag", etag)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.stream is not None:
                self._stream(reply)
                return
            length = reply.declared_length if reply.declared_length is not None else len(reply.body)
            self.send_header("Content-Length", str(length))
            if reply.declared_length is not None:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if reply.stall:
                self.wfile.flush()
                time.sleep(reply.stall)
            self.wfile.write(reply.body)

        def _trickle(self, reply: Reply) -> None:
            """The status line, then a header a byte at a time, each byte well within a read timeout: a
            slow portal, or one that keeps a client busy (the rest of the answer follows as usual)."""
            self.wfile.write(f"HTTP/1.1 {reply.status} {self.responses[reply.status][0]}\r\nX-Padding: ".encode())
            for _ in range(TRICKLED_BYTES):
                self.wfile.write(b"x")
                time.sleep(reply.trickle)
            self.wfile.write(b"\r\n")

        def _stream(self, reply: Reply) -> None:
            assert reply.stream is not None
            if reply.stream_length is not None:
                self.send_header("Content-Length", str(reply.stream_length))
                self.end_headers()
                for chunk in reply.stream():
                    self.wfile.write(chunk)
                return
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for chunk in reply.stream():
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")

    return Handler
