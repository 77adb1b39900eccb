"""Notifications of what `check` found, sent through the Apprise URLs of lexwatch.toml's [notify].

Only the hosts those URLs name are contacted (a redirect is not followed), through the proxy the
portal uses; a service that cannot go through that proxy (mail, MQTT, syslog, IRC, XMPP…) is refused
while a proxy is set, so that no notification leaves by another road than the portal's requests.
Nothing is printed of a URL but its scheme and its place in the list: its tokens and passwords stay
in lexwatch.toml.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

if TYPE_CHECKING:
    from lexwatch.config import Settings

# Apprise services that open their own socket (SMTP, MQTT, syslog, GNTP, IRC, XMPP, SMPP, AMQP,
# APRS-IS, Nostr's websockets) rather than HTTP(S): no HTTP proxy carries them.
DIRECT_SCHEMES = frozenset({"mailto", "mailtos", "deltachat", "deltachats", "mqtt", "mqtts", "rsyslog", "syslog",
                            "growl", "irc", "ircs", "xmpp", "xmpps", "smpp", "smpps", "amqp", "amqps", "aprs",
                            "nostr"})
_PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")
# NO_PROXY would let requests pass the proxy by for the hosts it names; httpx, given the portal's
# proxy, never reads it
_BYPASS_VARIABLES = ("NO_PROXY", "no_proxy")


@dataclass(frozen=True)
class Target:
    label: str        # "notify.urls[2] (tgram://…)": what lexwatch prints of the URL
    url: str
    service: Any      # Apprise's plugin for the URL
    safe: str         # the URL as Apprise shows it with its secrets hidden


@dataclass(frozen=True)
class Notifier:
    targets: tuple[Target, ...]
    proxy: str | None
    failures: bool    # also notify of a run in which a source could not be checked


def _scheme(url: str) -> str:
    found = re.match(r"([A-Za-z][\w+.-]*)://", url)
    return found.group(1).lower() if found else ""


def prepare(settings: Settings) -> Notifier | None:
    """The services of [notify] urls, each checked before anything is fetched (a mistake is one
    line naming the URL's place, never its secrets); None when none is configured."""
    urls = settings.notify.urls
    if not urls:
        return None
    try:
        import apprise
    except ImportError:
        raise settings.error("notifications need Apprise: pip install 'lexwatch[notify]'", "notify.urls") from None
    from lexwatch.sources.http import proxy_setting

    _quiet()
    found = proxy_setting(settings.portal, os.environ)
    if found and found[0].lower().startswith("socks"):
        try:  # requests speaks SOCKS through PySocks; without it every send would fail, run after run
            importlib.import_module("socks")
        except ImportError:
            raise settings.error(f"notifications through the SOCKS proxy set in {found[1]} need PySocks:"
                                 " pip install 'requests[socks]'", "notify.urls") from None
    # a service that redirects elsewhere must not receive the message again at another host
    asset = apprise.AppriseAsset(http_redirects=False)
    targets = []
    for number, url in enumerate(urls, 1):
        scheme = _scheme(url)
        label = f"notify.urls[{number}] ({scheme or '?'}://…)"
        service: Any = apprise.Apprise.instantiate(url, asset=asset) if scheme else None
        if service is None:
            raise settings.error(f"{label} is not a notification URL Apprise knows"
                                 " (https://github.com/caronc/apprise/wiki)", "notify.urls")
        if found and scheme in DIRECT_SCHEMES:
            raise settings.error(f"{label} cannot go through the proxy set in {found[1]}: use a service"
                                 " reached over HTTPS, or no proxy", "notify.urls")
        targets.append(Target(label, url, service, str(service.url(privacy=True))))
    return Notifier(tuple(targets), found[0] if found else None, settings.notify.failures)


def _quiet() -> None:
    """Apprise logs to the "apprise" logger; with no handler Python would print its warnings, and
    at debug level a service's address with its token, on stderr."""
    logger = logging.getLogger("apprise")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    logger.propagate = False


@contextmanager
def _through(proxy: str | None) -> Iterator[None]:
    """Apprise's HTTP services read the proxy from the environment: the portal's for the send, and
    none when the portal has none (a proxy variable the portal does not use, or a NO_PROXY, would
    send a message by another road). requests resolves a socks5:// proxy's host names itself, so
    the proxy is given as socks5h://, which leaves that to the proxy, as httpx does for the portal:
    no DNS query names a service."""
    names = _PROXY_VARIABLES + _BYPASS_VARIABLES
    saved = {name: os.environ.pop(name, None) for name in names}
    try:
        if proxy:
            routed = re.sub(r"(?i)^socks5://", "socks5h://", proxy)
            for name in _PROXY_VARIABLES:
                os.environ[name] = routed
        yield
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None)
            if value is not None:
                os.environ[name] = value


def scrub(message: str, target: Target) -> str:
    """An Apprise message with every piece the user wrote into the URL masked but its scheme, host,
    port and option names: what Apprise's safe form hides (a token, a password) wherever it shows,
    and what it shows (an ntfy topic, which is its password; a chat id; a phone number; a user
    name) as a word, each also as it reads decoded."""
    rest = target.url.partition("://")[2]  # after the scheme
    place = re.match(r"[^:]+://(?:[^@/?#]*@)?([^/?#]*)", target.safe)
    shown_place = place.group(1) if place else ""
    names = set(re.findall(r"[?&]([^?&=#]+)=", rest))
    for piece in sorted(set(re.split(r"[/:@?&=#,]+", rest)), key=len, reverse=True):
        if len(piece) < 3 or piece in names or piece in shown_place:
            continue
        for form in {piece, unquote(piece)}:
            if piece not in target.safe:
                message = message.replace(form, "****")
            else:
                message = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", "****", message)
    return message


def send(notifier: Notifier, title: str, body: str, *, failed: bool) -> list[str]:
    """Send to every service; one line for each that did not take it (its label and Apprise's
    reason, scrubbed), [] when all did."""
    import apprise

    kind = apprise.NotifyType.FAILURE if failed else apprise.NotifyType.INFO
    capture: Any = apprise.LogCapture  # untyped
    problems = []
    with _through(notifier.proxy):
        for target in notifier.targets:
            with capture(level=logging.WARNING, fmt="%(message)s") as log:
                try:
                    delivered = bool(target.service.notify(body=body, title=title, notify_type=kind,
                                                           body_format=apprise.NotifyFormat.TEXT))
                except Exception as exc:  # a service's own bug must not lose the run's report
                    delivered = False
                    log.write(f"{type(exc).__name__}\n")
            if not delivered:
                said = [line for line in log.getvalue().splitlines() if line.strip()]
                why = scrub(said[-1], target) if said else "the service did not accept it"
                problems.append(f"{target.label}: not delivered: {why}")
    return problems
