"""One deadline over a whole try of a request: every connect, TLS handshake, read and write it makes
waits at most what is left of it (ADR-12).

httpx's timeouts hold each socket operation, not a request: a portal that sends its status line and
headers a byte at a time, each byte within the read timeout, held one request for hours (h11 reads
up to 100 KB of headers). The deadline belongs to the calling thread, since httpx's client does a
request's I/O in the thread that asked: the two workers of a run each have their own.

Imported with httpx, inside the client (start-up time of the CLI).
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

_local = threading.local()


class Deadline:
    """`seconds` for everything this thread sends and receives inside `with`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = 0.0

    def __enter__(self) -> Deadline:
        self.end = time.monotonic() + self.seconds
        _local.current = self
        return self

    def __exit__(self, *exc: object) -> None:
        _local.current = None

    @property
    def passed(self) -> bool:
        return time.monotonic() >= self.end


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    """`timeout`, cut to what is left of this thread's deadline; nothing left is `error` now."""
    current: Deadline | None = getattr(_local, "current", None)
    if current is None:
        return timeout
    left = current.end - time.monotonic()
    if left <= 0:
        raise error(f"over the {current.seconds:g} s a try may take")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_tcp(host, port, _left(timeout, httpcore.ConnectTimeout), local_address,
                                               socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, _left(timeout, httpcore.ConnectTimeout),
                                                       socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def transport(proxy: str | None) -> httpx.HTTPTransport:
    """httpx's own transport (through `proxy` if any), its connections held to the thread's deadline.
    httpx takes no network backend, so the one its connection pool was given is wrapped."""
    made = httpx.HTTPTransport(proxy=proxy, trust_env=False)
    made._pool._network_backend = _Backend(made._pool._network_backend)
    return made
