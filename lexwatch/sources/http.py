"""The one polite HTTP client every source uses: one host only, timeouts, retries with backoff,
a delay between requests, at most two in flight, conditional GET, size caps while streaming, and a
breaker that stops asking a portal that keeps failing (ADR-12).

httpx is imported inside the client (start-up time of the CLI).
"""

from __future__ import annotations

import os
import random
import re
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urljoin, urlsplit

from lexwatch.config import PortalSettings, check_proxy, redact_url
from lexwatch.errors import (
    ConfigError,
    FetchError,
    PortalBlockedError,
    PortalDownError,
    RedirectRefusedError,
    ResponseTooLargeError,
    TruncatedResponseError,
    UnexpectedPageError,
)
from lexwatch.store.fetchstate import Validators

if TYPE_CHECKING:
    import httpx

Kind = Literal["page", "pdf"]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 5
# The User-Agent sent unless [portal] user_agent says otherwise: Tor Browser's (Firefox ESR on
# Windows), which millions send, not one naming lexwatch; the portal's owner reads its logs, and
# a tool that watches the death penalty and "extremism" laws must not mark its users there (ADR-12).
USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; rv:140.0) Gecko/20100101 Firefox/140.0"
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
# A try (its redirects, headers and body) may take this many read timeouts in all: each byte of a
# portal that trickles its answer comes within the read timeout (ADR-12).
TRY_TIMEOUTS = 10
# Requests in a row the host may fail (each after its retries) before the run stops asking it: a
# portal that is down ends a run in minutes, not in an hour of retries (ADR-12).
BREAKER_AFTER = 3
# Response headers kept as evidence: nothing that could carry a cookie or a credential.
EVIDENCE_HEADERS = ("content-type", "content-length", "content-encoding", "etag", "last-modified", "date",
                    "server", "cache-control", "expires", "retry-after", "location")
# What block and challenge pages served with 200 say; the portal's own texts never do.
_BLOCK_MARKERS = re.compile(
    r"captcha|g-recaptcha|hcaptcha|cf-challenge|Подтвердите,? что вы не робот|вы не робот|"
    r"Доступ (?:к сайту )?(?:ограничен|запрещ[её]н)|Access denied|Attention Required|DDoS", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# What the client asks for and decodes itself, each layer bounded (never httpx's decoders, which
# inflate a whole network chunk at once: 2 KB of "gzip, gzip" is a gigabyte in memory).
ACCEPT_ENCODING = "gzip, deflate"
_INFLATE_STEP = 256 * 1024


@dataclass
class HttpResult:
    """A response read in full (or a 304 / a tolerated miss), with what is kept as evidence."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""
    text: str | None = None
    encoding: str | None = None
    fetched_at: str = ""
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    @property
    def validators(self) -> Validators:
        return Validators(etag=self.headers.get("etag"), last_modified=self.headers.get("last-modified"))

    def evidence(self) -> dict[str, Any]:
        """The `meta` stored with a version: what the server said, when, after how many tries."""
        meta: dict[str, Any] = {"url": self.url, "status": self.status, "headers": dict(self.headers),
                                "fetched_at": self.fetched_at, "attempts": self.attempts}
        if self.final_url != self.url:
            meta["final_url"] = self.final_url
        if self.encoding:
            meta["encoding"] = self.encoding
        return meta


class _Retry(Exception):
    """A try that may succeed later; `error` is what the user sees if none does."""

    def __init__(self, error: FetchError, retry_after: float | None = None) -> None:
        super().__init__(error.message)
        self.error = error
        self.retry_after = retry_after


redact = redact_url  # a URL without user:password, fit for logs and JSON


def origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def _join(base: str, link: str) -> str:
    """`link` made absolute against `base`; a link urljoin cannot read ("http://[::1") as it is."""
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def _named(url: str) -> str:
    """The host `url` names, for a message; or the address itself, quoted and cut short, when it names
    none (a "file:" link) or cannot be read (a port that is no number)."""
    try:
        host = origin(url)[1]
    except ValueError:
        host = ""
    return host or repr(redact(url)[:80])


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None for anything
    else ("²" and "٣" are digits to str.isdigit, not to float)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, base: float, cap: float, rand: Callable[[], float] = random.random) -> float:
    """Exponential backoff with jitter: base·2^attempt scaled by 0.5–1.5, never above `cap`."""
    return float(min(cap, base * (2 ** attempt) * (0.5 + rand())))


def decode_page(content: bytes, header_charset: str | None) -> tuple[str, str]:
    """The page's text: the charset of the header, else of a <meta>, else detected."""
    import codecs

    candidates: list[str] = []
    if header_charset:
        candidates.append(header_charset)
    meta = _META_CHARSET.search(content[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "replace"))
    for name in [*candidates, "utf-8"]:
        try:
            info = codecs.lookup(name)
        except LookupError:
            continue
        encoding = info.name
        # A charset the page names is a page's claim, not a codec to run: "rot13", "zlib", "base64"
        # (no text encodings: bytes.decode raises LookupError), "idna" or "undefined" (UnicodeError
        # on any page) stopped the whole run; "unicode-escape" turned "\\x1b" into an escape.
        if not getattr(info, "_is_text_encoding", True) or encoding in _NOT_CHARSETS:
            continue
        text = _decode_nearly(content, encoding)
        if text is not None:
            return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(content[:200_000], cp_isolation=["cp1251", "koi8_r", "cp866", "utf_8"]).best()
    encoding = best.encoding if best is not None else "cp1251"
    return content.decode(encoding, errors="replace"), encoding


def _decode_nearly(content: bytes, encoding: str) -> str | None:
    """`content` in `encoding`, tolerating a few bytes it cannot read (a character cut at the end of
    a page, a stray byte): one in a thousand at most, each read as U+FFFD. More than that is
    another charset (a Windows-1251 page labelled UTF-8), and None."""
    try:
        return content.decode(encoding)
    except UnicodeDecodeError:
        pass
    except (UnicodeError, LookupError):  # a codec that reads no page at all
        return None
    try:
        text = content.decode(encoding, errors="replace")
    except (UnicodeError, LookupError):
        return None
    return text if text.count("\ufffd") <= 4 + len(content) // 1000 else None


# Codecs Python can look up that are no page's charset: escapes, domain names, a codec that fails.
_NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined", "utf-7"})


def looks_blocked(text: str) -> bool:
    """A captcha, challenge or access-denied page (served with 200 by some front ends)."""
    return _BLOCK_MARKERS.search(text[:20_000]) is not None


def proxy_for(portal: PortalSettings, env: Mapping[str, str]) -> str | None:
    """portal.proxy, else HTTPS_PROXY / ALL_PROXY (HTTP_PROXY for an http base); none for loopback."""
    found = proxy_setting(portal, env)
    return found[0] if found else None


def proxy_setting(portal: PortalSettings, env: Mapping[str, str]) -> tuple[str, str] | None:
    """(proxy URL, where it was set: "portal.proxy" or the variable's name), checked: a URL that is
    not a proxy is a ConfigError naming where it came from, its password hidden."""
    if portal.proxy:
        return portal.proxy, "portal.proxy"
    scheme, host, _ = origin(portal.base_url)
    if host in _LOOPBACK:
        return None
    names = ("HTTPS_PROXY", "https_proxy") if scheme == "https" else ("HTTP_PROXY", "http_proxy")
    for name in (*names, "ALL_PROXY", "all_proxy"):
        if env.get(name):
            check_proxy(env[name], name, path="environment")
            return env[name], name
    return None


class PortalClient:
    """GETs from the configured host only; thread-safe, shared by every worker of a run."""

    def __init__(self, portal: PortalSettings, *, validators: Mapping[str, Validators] | None = None,
                 transport: httpx.BaseTransport | None = None, backoff_base: float | None = None,
                 backoff_max: float = 60.0, retry_after_max: float = 300.0,
                 sleep: Callable[[float], None] = time.sleep, env: Mapping[str, str] | None = None) -> None:
        import httpx

        self.portal = portal
        self.base_url = portal.base_url.rstrip("/")
        self.origin = origin(self.base_url)
        self.validators: Mapping[str, Validators] = validators or {}
        self.backoff_base = portal.backoff if backoff_base is None else backoff_base
        self.backoff_max = backoff_max
        self.retry_after_max = retry_after_max
        self.sleep = sleep
        found = proxy_setting(portal, os.environ if env is None else env)
        self.proxy = found[0] if found else None
        if found and found[0].lower().startswith("socks"):
            import importlib.util

            if importlib.util.find_spec("socksio") is None:
                raise ConfigError("a SOCKS proxy needs `pip install 'httpx[socks]'`",
                                  path="environment" if found[1] != "portal.proxy" else None, key=found[1])
        from lexwatch.sources import deadline

        self._client = httpx.Client(
            transport=transport or deadline.transport(self.proxy), trust_env=False, follow_redirects=False,
            timeout=httpx.Timeout(portal.timeout), event_hooks={"response": [_readable_location]},
            headers={"User-Agent": portal.user_agent or USER_AGENT, "Accept": ACCEPT,
                     "Accept-Language": "ru,be;q=0.8,en;q=0.5", "Accept-Encoding": ACCEPT_ENCODING})
        self._slots = threading.BoundedSemaphore(max(1, min(2, portal.max_in_flight)))
        self._pace = threading.Lock()
        self._next_start = 0.0
        # The breaker: requests the host failed in a row (reset by a success), the last one's error,
        # and the seconds this run has waited to retry, at most retry_after_max in all.
        self._health = threading.Lock()
        self._failed_in_a_row = 0
        self._last_failure = ""
        self._waited = 0.0

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> PortalClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- URLs --------------------------------------------------------------------------------

    def url(self, path_or_url: str) -> str:
        """An absolute URL on the configured host; a link to any other host, or to none, is refused."""
        url = _join(self.base_url + "/", path_or_url)
        if not self._on_host(url):
            raise RedirectRefusedError(f"refusing to contact {_named(url)}: lexwatch only talks to {self.base_url}")
        return url

    def _on_host(self, url: str) -> bool:
        """Whether `url` is on the configured host: scheme, name and port (a malformed one is not)."""
        try:
            return origin(url) == self.origin
        except ValueError:  # "http://[::1", a port that is no number: urlsplit raises on .port
            return False

    # -- requests ----------------------------------------------------------------------------

    def get(self, path_or_url: str, *, kind: Kind = "page", conditional: bool = True,
            missing_ok: bool = False) -> HttpResult:
        """GET with retries. 304 and (with `missing_ok`) 404/410 come back as results; every other
        failure is a FetchError subclass with one line for the user."""
        url = self.url(path_or_url)
        headers: dict[str, str] = {}
        known = self.validators.get(url) if conditional else None
        if known is not None:
            # what the portal sent is sent back only as ASCII: httpx cannot encode "é" in a header, and a
            # stored ETag of the portal's choosing stopped every run after it (the fingerprint still tells)
            if known.etag and known.etag.isascii():
                headers["If-None-Match"] = known.etag
            if known.last_modified and known.last_modified.isascii():
                headers["If-Modified-Since"] = known.last_modified
        self._refuse_if_down()
        attempts = self.portal.retries + 1
        for attempt in range(attempts):
            self._wait_turn()
            try:
                with self._slots:
                    result = self._once(url, kind, headers, missing_ok)
            except _Retry as retry:
                self.sleep(self._wait_before_retry(retry, attempt + 1, attempts))
                continue
            with self._health:
                self._failed_in_a_row = 0
            result.attempts = attempt + 1
            return result
        raise AssertionError("unreachable")

    # -- the breaker -------------------------------------------------------------------------

    def _refuse_if_down(self) -> None:
        """Once the host has failed BREAKER_AFTER requests in a row, the rest of the run is not asked
        for: each fails at once, saying why (and is looked at again next run, as any failure)."""
        with self._health:
            failed, last = self._failed_in_a_row, self._last_failure
        if failed >= BREAKER_AFTER:
            raise PortalDownError(f"{self.origin[1]}: skipped, the portal failed {failed} requests in a row"
                                  f" (last: {last})")

    def _wait_before_retry(self, retry: _Retry, tried: int, attempts: int) -> float:
        """Seconds to wait before trying again, or the request's failure, counted by the breaker.
        After a request the host failed, the next ones get one try each until one succeeds; and the
        run waits retry_after_max seconds in all, as long as one Retry-After it honours."""
        wait = retry.retry_after
        if tried < attempts and wait is not None and wait > self.retry_after_max:
            raise self._host_failed(retry, FetchError(f"{retry.error.message}; the portal asks to wait"
                                                      f" {wait:.0f} s, try again later")) from None
        if wait is None:
            wait = backoff_delay(tried - 1, self.backoff_base, self.backoff_max)
        with self._health:
            if tried >= attempts:
                why = f"gave up after {attempts} tries"
            elif self._failed_in_a_row:
                why = "not tried again: the portal failed the last request too"
            elif self._waited + wait > self.retry_after_max:
                why = f"not tried again: this run has already waited {self._waited:.0f} s for the portal"
            else:
                self._waited += wait
                return wait
        raise self._host_failed(retry, type(retry.error)(f"{retry.error.message} ({why})")) from None

    def _host_failed(self, retry: _Retry, error: FetchError) -> FetchError:
        """`error`, the request's end, counted; the skipped ones name what the host last did."""
        with self._health:
            self._failed_in_a_row += 1
            self._last_failure = retry.error.message
        return error

    def _wait_turn(self) -> None:
        """Keep `delay` seconds between the starts of two requests to the host."""
        with self._pace:
            now = time.monotonic()
            start = max(now, self._next_start)
            self._next_start = start + self.portal.delay
        if start > now:
            self.sleep(start - now)

    def _once(self, url: str, kind: Kind, headers: dict[str, str], missing_ok: bool) -> HttpResult:
        import httpx

        from lexwatch.sources.deadline import Deadline

        current = url
        with Deadline(self.portal.timeout * TRY_TIMEOUTS) as clock:
            for _hop in range(MAX_REDIRECTS + 1):
                try:
                    with self._client.stream("GET", current, headers=headers) as response:
                        status = response.status_code
                        if status in (301, 302, 303, 307, 308):
                            current = self._redirect(current, response.headers.get("location", ""))
                            continue
                        return self._read(url, current, response, kind, missing_ok)
                except httpx.TimeoutException as exc:
                    if clock.passed:
                        raise _Retry(FetchError(f"{current}: the answer is too slow to finish"
                                                f" (over {clock.seconds:g} s)")) from None
                    raise _Retry(FetchError(f"{current}: no answer in {self.portal.timeout:g} s"
                                            f" ({type(exc).__name__})")) from None
                except httpx.RemoteProtocolError as exc:
                    raise _Retry(TruncatedResponseError(f"{current}: the connection broke off mid-answer"
                                                        f" ({exc})")) from None
                except (httpx.ConnectError, httpx.ReadError, httpx.WriteError) as exc:
                    hint = " through the proxy" if self.proxy else ""
                    raise _Retry(FetchError(f"{current}: cannot connect{hint} ({exc or type(exc).__name__})")) \
                        from None
                except httpx.ProxyError as exc:
                    raise FetchError(f"the proxy {redact(self.proxy or '')} refused: {exc}") from None
                except httpx.HTTPError as exc:
                    raise FetchError(f"{current}: {type(exc).__name__}: {exc}") from None
        raise RedirectRefusedError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _redirect(self, current: str, location: str) -> str:
        """Where a redirect from `current` leads, if that is on the configured host."""
        target = _join(current, location)
        if not location or not self._on_host(target):
            raise RedirectRefusedError(f"{current}: redirected to {redact(target) or 'nowhere'}; lexwatch only"
                                       f" follows redirects within {self.base_url}")
        return target

    def _read(self, url: str, final: str, response: httpx.Response, kind: Kind, missing_ok: bool) -> HttpResult:
        status = response.status_code
        headers = {k: response.headers[k] for k in EVIDENCE_HEADERS if k in response.headers}
        fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
        result = HttpResult(url=url, final_url=final, status=status, headers=headers, fetched_at=fetched_at)
        if status == 304:
            return result
        if status == 403:
            raise PortalBlockedError(
                f"{final}: HTTP 403 Forbidden. The portal blocks many networks outside Belarus; set"
                " portal.proxy in lexwatch.toml or HTTPS_PROXY to a proxy in Belarus")
        if status == 407:  # the proxy's answer, not the portal's: nothing to retry
            proxy = f" {redact(self.proxy)}" if self.proxy else ""
            raise FetchError(f"{final}: HTTP 407 from the proxy{proxy}: it wants a user name and password"
                             " (write them into the proxy URL: http://user:password@host:port)")
        if status in RETRY_STATUSES:
            raise _Retry(FetchError(f"{final}: HTTP {status} {response.reason_phrase}".rstrip()),
                         parse_retry_after(response.headers.get("retry-after")))
        if status in (404, 410) and missing_ok:
            return result
        if status != 200:
            raise FetchError(f"{final}: HTTP {status} {response.reason_phrase}".rstrip())
        result.content = self._body(final, response, kind)
        if kind == "pdf":
            if result.content.lstrip()[:5] != b"%PDF-":
                got = headers.get("content-type", "something else")
                raise UnexpectedPageError(f"{final}: expected a PDF, got {got}")
            return result
        result.text, result.encoding = decode_page(result.content, response.charset_encoding)
        if looks_blocked(result.text):
            raise UnexpectedPageError(f"{final}: the portal answered with a captcha or access-denied page,"
                                      " not the document; try later or through a proxy")
        return result

    def _body(self, url: str, response: httpx.Response, kind: Kind) -> bytes:
        """The body, streamed and refused as soon as it passes the cap; short bodies are failures.
        The bytes on the wire and every decoded layer are held to the cap as they arrive."""
        cap = self.portal.max_pdf_bytes if kind == "pdf" else self.portal.max_page_bytes
        declared = response.headers.get("content-length")
        expected = int(declared) if declared and declared.isdigit() else None
        if expected is not None and expected > cap:
            raise ResponseTooLargeError(f"{url}: {expected / 2**20:.1f} MB is over the {cap / 2**20:g} MB"
                                        f" cap for a {kind} (portal.max_{kind}_mb)")
        too_large = ResponseTooLargeError(f"{url}: more than the {cap / 2**20:g} MB cap for a {kind}"
                                          f" (portal.max_{kind}_mb)")
        decoders = _decoders(url, response.headers.get("content-encoding", ""), cap, too_large)
        chunks: list[bytes] = []
        size = raw_size = 0
        for raw in response.iter_raw():
            raw_size += len(raw)
            if raw_size > cap:
                raise too_large
            pieces = [raw]
            for decoder in decoders:
                pieces = [out for piece in pieces for out in decoder.feed(piece)]
            for chunk in pieces:
                size += len(chunk)
                if size > cap:
                    raise too_large
                chunks.append(chunk)
        if expected is not None and raw_size < expected:
            raise _Retry(TruncatedResponseError(f"{url}: the answer broke off at {raw_size} of {expected} bytes"))
        if any(not decoder.done for decoder in decoders):
            raise _Retry(TruncatedResponseError(f"{url}: the compressed answer broke off"))
        return b"".join(chunks)


def _readable_location(response: httpx.Response) -> None:
    """A redirect whose Location httpx cannot read fails its request at once. httpx reads it even when
    not following redirects, and says so as a RemoteProtocolError, which was retried as a connection
    broken off mid-answer (every try, then counted by the breaker): the portal's answer is malformed,
    the same on each try. This hook runs before httpx reads it."""
    import httpx

    if not response.has_redirect_location:
        return
    location = response.headers["location"]
    try:
        httpx.URL(location)
    except httpx.InvalidURL:
        raise RedirectRefusedError(f"{redact(str(response.request.url))}: redirected to an address that cannot"
                                   f" be read ({redact(location)[:80]!r}); not followed") from None


class _Inflater:
    """One gzip or deflate layer, decoded `_INFLATE_STEP` bytes at a time, at most `cap` in all."""

    def __init__(self, url: str, encoding: str, cap: int, too_large: ResponseTooLargeError) -> None:
        self.url, self.encoding, self.cap, self.too_large = url, encoding, cap, too_large
        self.size = 0
        self._zlib: Any = None
        self._head = b""

    @property
    def done(self) -> bool:
        if self._zlib is None:  # an empty body is an empty answer, not a broken one
            return not self._head
        return bool(self._zlib.eof)

    def _start(self, data: bytes) -> None:
        if self.encoding == "deflate":
            # "deflate" is meant as zlib-wrapped, but some servers send raw deflate (httpx accepts both).
            wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        else:
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._zlib is None:
            self._head += data
            if len(self._head) < 2:
                return
            data, self._head = self._head, b""
            self._start(data)
        try:
            while not self._zlib.eof:  # bytes after the end of the stream are ignored, as httpx does
                out = self._zlib.decompress(data, _INFLATE_STEP)
                self.size += len(out)
                if self.size > self.cap:
                    raise self.too_large
                if out:
                    yield out
                data = self._zlib.unconsumed_tail
                if not data and len(out) < _INFLATE_STEP:  # all read, nothing held back
                    return
        except zlib.error as exc:
            raise FetchError(f"{self.url}: the {self.encoding} answer cannot be decoded ({exc})") from None


def _decoders(url: str, header: str, cap: int, too_large: ResponseTooLargeError) -> list[_Inflater]:
    """The decoders for a Content-Encoding, in the order they apply (the last coding first)."""
    codings = [c.strip().lower() for c in header.split(",") if c.strip()]
    decoders = []
    for coding in reversed(codings):
        if coding == "identity":
            continue
        if coding in ("gzip", "x-gzip", "deflate"):
            decoders.append(_Inflater(url, "deflate" if coding == "deflate" else "gzip", cap, too_large))
            continue
        raise UnexpectedPageError(f"{url}: the portal answered in an encoding lexwatch did not ask for"
                                  f" ({coding}; it asks for {ACCEPT_ENCODING})")
    return decoders
