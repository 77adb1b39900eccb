"""lexwatch.toml: the commented defaults `init` writes, and loading them into typed settings.

A broken file ends as one ConfigError naming the file, the line and the key.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from lexwatch.errors import ConfigError

DEFAULT_TOML = """\
# lexwatch workspace settings. Every key is optional; the values shown are the defaults.

[portal]
# The portal lexwatch talks to. No other host is ever contacted (LEXWATCH_PORTAL_URL overrides).
base_url = "https://pravo.by"
# Pages whose links to draft-law bank entries (guid=3941) are followed; relative to base_url.
draft_index_urls = []
# Register-number prefixes kept from the new-publications list (H1 laws, HK codes).
publication_kinds = ["H1", "HK"]
# Proxy for every request, e.g. "socks5://127.0.0.1:9050"; HTTPS_PROXY / ALL_PROXY also work.
# proxy = ""
# The User-Agent header; by default a common browser's, so the portal's logs do not name lexwatch.
# user_agent = ""
# Seconds between two requests to the same host (be polite).
delay = 1.0
# Seconds to wait for a connection or a read.
timeout = 30.0
retries = 4
# Seconds before the first retry; doubled (with jitter) on each next one. Retry-After wins.
backoff = 1.0
max_page_mb = 10
max_pdf_mb = 50

[watch]
# Acts whose consolidated text is tracked (HK9900275 = Criminal Code).
acts = ["HK9900275"]

[sources.pravo_by]
# enabled = true
# Also probe the draft-law bank day by day (entries YYYYMMDD01, 02, ...), as it has no listing.
# probe_drafts = false

# [sources.folder]
# A folder you fill by hand (e.g. PDFs saved from a browser behind a proxy), relative to the workspace.
# path = "inbox"

[notify]
# Where `lexwatch check` also tells what it found: Apprise URLs (needs `pip install 'lexwatch[notify]'`),
# e.g. "tgram://BOT_TOKEN/CHAT_ID", "signal://…", "mailtos://user:password@example.org" (mail only with
# no proxy: it cannot go through one). Sent through the portal's proxy; kept in this file only:
# lexwatch prints a URL's scheme, never its token.
urls = []
# Also notify when a source could not be checked (the portal unreachable), not only of changes.
failures = false
# Seconds the services have to take a message (all are sent at once); one that has not taken it by
# then is not delivered, and the change is told again next run.
timeout = 30.0
"""


@dataclass
class PortalSettings:
    base_url: str = "https://pravo.by"
    draft_index_urls: list[str] = field(default_factory=list)
    publication_kinds: list[str] = field(default_factory=lambda: ["H1", "HK"])
    proxy: str | None = None
    user_agent: str | None = None
    delay: float = 1.0
    timeout: float = 30.0
    retries: int = 4
    backoff: float = 1.0
    max_in_flight: int = 2
    max_page_mb: float = 10
    max_pdf_mb: float = 50

    @property
    def max_page_bytes(self) -> int:
        return int(self.max_page_mb * 1024 * 1024)

    @property
    def max_pdf_bytes(self) -> int:
        return int(self.max_pdf_mb * 1024 * 1024)


@dataclass
class WatchSettings:
    acts: list[str] = field(default_factory=lambda: ["HK9900275"])


@dataclass
class NotifySettings:
    urls: list[str] = field(default_factory=list)
    failures: bool = False
    timeout: float = 30.0


@dataclass
class Settings:
    portal: PortalSettings = field(default_factory=PortalSettings)
    watch: WatchSettings = field(default_factory=WatchSettings)
    notify: NotifySettings = field(default_factory=NotifySettings)
    raw: dict[str, Any] = field(default_factory=dict)
    path: str = "lexwatch.toml"  # where the settings were read, and their text: for error lines
    text: str = ""

    def error(self, message: str, key: str) -> ConfigError:
        """A ConfigError naming this file, the line of `key` ("sources.folder.path", or a table
        such as "sources.nosuch") and the key, for the stages that read their own tables."""
        section, _, name = key.rpartition(".")
        line = _line_of(self.text, section, name) if section else None
        return ConfigError(message, path=self.path, line=line or _line_of_table(self.text, key), key=key)


# Sections lexwatch itself types and checks; other tables (e.g. [sources.folder]) are kept in `raw`
# for the stage that owns them.
_TYPED: dict[str, type] = {"portal": PortalSettings, "watch": WatchSettings, "notify": NotifySettings}


def _line_of(text: str, section: str, key: str) -> int | None:
    in_section = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_section = stripped.strip("[] ") == section
        elif in_section and re.match(rf"{re.escape(key)}\s*=", stripped):
            return number
    return None


def _line_of_table(text: str, table: str) -> int | None:
    """The line of the header "[table]" (or of "[[table]]")."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().strip("[] ") == table and line.strip().startswith("["):
            return number
    return None


# The tables of lexwatch.toml: [portal], [watch] and [notify] typed here, [sources.<name>] read by
# each source.
SECTIONS = ("portal", "watch", "sources", "notify")


def _expected(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, float):
        return "a number"
    if isinstance(default, int):
        return "a whole number"
    if isinstance(default, list):
        return "a list of strings"
    return "a string"


def _check_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, str)


# tomllib's words for a key or a table given twice, which name neither
_KEY_LINE = re.compile(r'\s*((?:[A-Za-z0-9_-]+|"[^"\n]*"|'"'[^'\n]*'"r')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"))*)\s*=')
_TABLE_TWICE = re.compile(r"Cannot declare \((.*?),?\) twice")


def _key_at(lines: list[str], line: int | None) -> re.Match[str] | None:
    """The key the 1-based `line` sets ("delay = 2.0"), if it sets one."""
    return _KEY_LINE.match(lines[line - 1]) if line and 0 < line <= len(lines) else None


def _twice(message: str, text: str, line: int | None) -> str:
    """tomllib's "Cannot overwrite a value" / "Cannot declare ('portal',) twice" with the key or
    the table named: "`delay` is set twice", "[portal] appears twice"."""
    table = _TABLE_TWICE.fullmatch(message)
    if table:
        name = ".".join(part.strip().strip("'") for part in table.group(1).split(","))
        return f"[{name}] appears twice"
    if message == "Cannot overwrite a value":
        key = _key_at(text.splitlines(), line)
        if key:
            return f"key '{key.group(1)}' is set twice"
    return message


def _opened_array(lines: list[str], line: int, column: int) -> tuple[int, re.Match[str] | None]:
    """Where the list tomllib found unclosed at `line`, `column` was opened: the nearest key before it
    whose value starts a list ("urls = [" on line 2, not line 3's "timeout = 30", where it stopped)."""
    for at in range(min(line, len(lines)), 0, -1):
        key = _key_at(lines, at)
        if key and not (at == line and column <= key.end()) and lines[at - 1][key.end():].lstrip().startswith("["):
            return at, key
    return line, None


def deepest_line(text: str) -> int | None:
    """The line where most "[" and "{" are open (strings are not told apart: the file is broken already)."""
    depth = deepest = 0
    where = None
    for number, line in enumerate(text.splitlines(), 1):
        for ch in line:
            if ch in "[{":
                depth += 1
                if depth > deepest:
                    deepest, where = depth, number
            elif ch in "]}":
                depth = max(0, depth - 1)
    return where


def parse_settings(text: str, path: str = "lexwatch.toml") -> Settings:
    try:
        data = tomllib.loads(text)
    except RecursionError:
        # tomllib reads nested lists and inline tables by recursion: a few hundred levels ("x = [[[…")
        # exhaust Python's stack. lexwatch's own settings nest one level deep.
        line = deepest_line(text)
        named = _key_at(text.splitlines(), line)
        raise ConfigError("lists or tables nested too deeply", path=path, line=line,
                          key=named.group(1) if named else None) from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"line (\d+)", msg)
        # "(at end of document)": the last line, where the file broke off ("foo = [")
        line = int(m.group(1)) if m else (text.rstrip("\n").count("\n") + 1 if "end of document" in msg else None)
        message = re.sub(r"\s*\(at (?:line|end of document).*\)$", "", msg).strip() or "invalid TOML"
        said = _twice(message, text, line)
        # "Invalid value" alone did not say which setting: the key its line starts with, if it does and the
        # error is in its value (an array left open the line before breaks at the next key, not in it)
        lines = text.splitlines()
        named = _key_at(lines, line) if said == message else None
        column = re.search(r"column (\d+)", msg)
        if named and column and int(column.group(1)) <= named.end():
            named = None
        if named is None and message == "Unclosed array" and line and column:
            line, named = _opened_array(lines, line, int(column.group(1)))
        raise ConfigError(said, path=path, line=line, key=named.group(1) if named else None) from None
    settings = Settings(raw=data, path=path, text=text)
    for section in data:
        if section not in SECTIONS:
            raise ConfigError(f"unknown section [{section}] (lexwatch reads {', '.join(f'[{s}]' for s in SECTIONS)})",
                              path=path, line=_line_of_table(text, section) or _line_of(text, "", section),
                              key=section)
    for section, cls in _TYPED.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise ConfigError(f"[{section}] must be a table", path=path, key=section)
        target = getattr(settings, section)
        for key, value in table.items():
            if not hasattr(target, key) or key.startswith("_"):
                raise ConfigError("unknown setting", path=path, line=_line_of(text, section, key),
                                  key=f"{section}.{key}")
            default = getattr(cls(), key)
            ok = isinstance(value, str) if default is None else _check_type(value, default)
            if not ok:
                raise ConfigError(f"wrong type {type(value).__name__} (expected {_expected(default)})", path=path,
                                  line=_line_of(text, section, key), key=f"{section}.{key}")
            setattr(target, key, float(value) if isinstance(default, float) else value)
    portal = settings.portal
    _check_url(portal.base_url, ("http", "https"), "base_url must be an http(s) URL such as https://pravo.by",
               path=path, line=_line_of(text, "portal", "base_url"), key="portal.base_url", portal=True)
    for url in portal.draft_index_urls:
        if urlsplit(url).netloc and _host(url) != _host(portal.base_url):
            raise settings.error(f"{redact_url(url)} is not on base_url's host; only that host is contacted",
                                 "portal.draft_index_urls")
    if portal.proxy:
        check_proxy(portal.proxy, "portal.proxy", path=path, line=_line_of(text, "portal", "proxy"))
    for section, key, low, high, low_included in _RANGES:
        value = getattr(getattr(settings, section), key)
        if not (math.isfinite(value) and (value >= low if low_included else value > low) and value <= high):
            above = f"at least {low:g}" if low_included else f"above {low:g}"
            raise settings.error(f"must be a number {above} and at most {high:g}", f"{section}.{key}")
    env_url = os.environ.get("LEXWATCH_PORTAL_URL")
    if env_url:
        _check_url(env_url, ("http", "https"), "must be an http(s) URL such as https://pravo.by",
                   path="environment", key="LEXWATCH_PORTAL_URL", portal=True)
        portal.base_url = env_url
    portal.base_url = portal.base_url.rstrip("/")
    return settings


# (section, key, lowest, highest, lowest allowed): a timeout of 0 or inf, a NaN, a cap of 0 MB are refused.
_RANGES = (("portal", "delay", 0, 3600, True), ("portal", "timeout", 0, 3600, False),
           ("portal", "retries", 0, 20, True), ("portal", "backoff", 0, 3600, True),
           ("portal", "max_page_mb", 0, 1024, False), ("portal", "max_pdf_mb", 0, 4096, False),
           ("portal", "max_in_flight", 1, 2, True), ("notify", "timeout", 0, 3600, False))
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")


def redact_url(url: str) -> str:
    """The URL with anything before an "@" (user:password) hidden, whatever its shape: also
    "user:pw@host:port" written without a scheme, which urlsplit reads as a scheme and a path."""
    m = re.match(r"^(?:([A-Za-z][\w+.-]*)://)?[^/?#]*@(.*)$", url)
    if not m and "@" in url:
        # A password with an unescaped "/", "?" or "#" ("http://bob:pa/ss@host") ends the URL's
        # authority early for a parser, but not for the person who typed it: hide up to the last "@".
        m = re.match(r"^(?:([A-Za-z][\w+.-]*)://)?.*@(.*)$", url, re.DOTALL)
    if not m:
        return url
    return f"{m.group(1)}://***@{m.group(2)}" if m.group(1) else f"***@{m.group(2)}"


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _check_url(url: str, schemes: tuple[str, ...], message: str, *, path: str | None = None,
               line: int | None = None, key: str, credentials: bool = False, portal: bool = False) -> None:
    """A URL lexwatch can connect to: one of `schemes`, a host, a port 1-65535 if any, and no
    user:password unless `credentials` (never printed: the message shows the URL redacted). A
    `portal` is https, but on this machine or as a Tor onion service (_in_the_clear)."""
    try:
        parts = urlsplit(url)
        usable = parts.port != 0 and parts.scheme.lower() in schemes and bool(parts.hostname)
    except ValueError:  # "http://[::1", a port of 99999 or "notaport"
        usable = False
    if not usable or any(c.isspace() for c in url):
        raise ConfigError(f"{message}; got {redact_url(url)!r}", path=path, line=line, key=key)
    if not credentials and (parts.username or parts.password):
        raise ConfigError(f"must not hold a user or password; got {redact_url(url)!r}", path=path, line=line, key=key)
    if portal and _in_the_clear(parts.scheme, parts.hostname or ""):
        raise ConfigError(f"plain http lets anyone on the way see which laws are read and change them: use https;"
                          f" got {redact_url(url)!r}", path=path, line=line, key=key)


def _in_the_clear(scheme: str, host: str) -> bool:
    """Whether a portal's requests would cross a network unencrypted: plain http to a host that is
    neither this machine (the tests' fixture portal, a local mirror) nor an onion service (Tor
    encrypts it). Users may be at risk: an ISP must not read which acts and drafts they follow."""
    import ipaddress

    if scheme.lower() != "http" or host.lower() == "localhost" or host.lower().endswith(".onion"):
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


def check_proxy(url: str, key: str, *, path: str | None = None, line: int | None = None) -> None:
    """A proxy URL such as http://host:3128 or socks5://127.0.0.1:9050 (user:password allowed)."""
    _check_url(url, PROXY_SCHEMES, f"a proxy must be a URL such as http://host:3128 or "
               f"socks5://127.0.0.1:9050 ({', '.join(PROXY_SCHEMES)})", path=path, line=line, key=key,
               credentials=True)


def load_settings(path: Path) -> Settings:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", path=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", path=str(path)) from None
    return parse_settings(text, str(path))
