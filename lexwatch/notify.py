"""Notifications of what `check` found, sent through the Apprise URLs of lexwatch.toml's [notify].

Only the hosts those URLs name are contacted (a redirect is not followed), through the proxy the
portal uses; a service that cannot go through that proxy (mail, MQTT, syslog, IRC, XMPP…) is refused
while a proxy is set, so that no notification leaves by another road than the portal's requests.
Nothing is printed of a URL but its scheme and its place in the list: its tokens and passwords stay
in lexwatch.toml. Each service is sent to from a process of its own, the only one with the proxy set,
killed at [notify] timeout: a service that trickles its answer cannot hold a scheduled run, and
nothing goes on sending after the run has moved on.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import re
import subprocess
import sys
import time
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
    safe: str         # the URL as Apprise shows it with its secrets hidden


@dataclass(frozen=True)
class Notifier:
    targets: tuple[Target, ...]
    proxy: str | None
    failures: bool    # also notify of a run in which a source could not be checked
    timeout: float    # seconds the services have, together, to take a message


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
        importlib.import_module("apprise")
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
    targets = []
    for number, url in enumerate(urls, 1):
        scheme = _scheme(url)
        label = f"notify.urls[{number}] ({scheme or '?'}://…)"
        service = _service(url) if scheme else None
        if service is None:
            raise settings.error(f"{label} is not a notification URL Apprise knows"
                                 " (https://github.com/caronc/apprise/wiki)", "notify.urls")
        if found and scheme in DIRECT_SCHEMES:
            raise settings.error(f"{label} cannot go through the proxy set in {found[1]}: use a service"
                                 " reached over HTTPS, or no proxy", "notify.urls")
        targets.append(Target(label, url, str(service.url(privacy=True))))
    return Notifier(tuple(targets), found[0] if found else None, settings.notify.failures, settings.notify.timeout)


def _service(url: str) -> Any:
    """Apprise's plugin for `url` (None when Apprise knows no such URL), one that does not follow a
    redirect: a service that redirects elsewhere must not receive the message again at another host."""
    import apprise

    return apprise.Apprise.instantiate(url, asset=apprise.AppriseAsset(http_redirects=False))


def _quiet() -> None:
    """Apprise logs to the "apprise" logger; with no handler Python would print its warnings, and
    at debug level a service's address with its token, on stderr."""
    logger = logging.getLogger("apprise")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    logger.propagate = False


@contextmanager
def _through(proxy: str | None) -> Iterator[None]:
    """Apprise's HTTP services read the proxy from the environment (the sending process's own, see
    `send`): the portal's for the send, and none when the portal has none (a proxy variable the
    portal does not use, or a NO_PROXY, would send a message by another road). requests resolves a
    socks5:// proxy's host names itself, so the proxy is given as socks5h://, which leaves that to
    the proxy, as httpx does for the portal: no DNS query names a service."""
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
    """Send to every service at once, each from its own process, and wait for them until
    `notifier.timeout`; one line for each that did not take it by then (its label and Apprise's
    reason, scrubbed), [] when all did.

    Apprise cannot be stopped inside a send (its socket timeout is per read: a service trickling its
    answer held a run 202 s), and a thread left sending would go on after the proxy is unset. A
    process can be killed: at the deadline it is, so nothing is sent after it, and the proxy is set
    in that process only, for as long as it lives."""
    deadline = time.monotonic() + notifier.timeout
    request = {"path": sys.path, "proxy": notifier.proxy, "title": title, "body": body, "failed": failed}
    children: dict[Target, subprocess.Popen[bytes]] = {}
    problems = []
    try:
        for target in notifier.targets:
            try:
                children[target] = _start(dict(request, url=target.url))
            except OSError as exc:  # no interpreter where sys.executable says
                problems.append(f"{target.label}: not delivered: cannot start the sending process ({exc.strerror})")
        for target, child in children.items():
            why = _outcome(child, deadline, notifier.timeout)
            if why is not None:
                problems.append(f"{target.label}: not delivered: {scrub(why, target)}")
        return problems
    finally:  # also when the run is interrupted (Ctrl-C, SIGTERM): no sender outlives it
        for child in children.values():
            with child:  # closes its pipes and waits for it
                child.kill()


# The sending process: its request (with the URL's secrets) comes on stdin, never on its command line;
# -P keeps the current folder out of its imports, and the run's own import path is then used.
_CHILD = ("import json, sys; request = json.load(sys.stdin.buffer); sys.path[:] = request['path'];"
          " from lexwatch.notify import _deliver; _deliver(request)")


def _start(request: dict[str, Any]) -> subprocess.Popen[bytes]:
    child = subprocess.Popen([sys.executable, "-P", "-c", _CHILD], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdin is not None
    try:  # read at once by the child (a few ms of start-up), so this does not wait on any service
        with child.stdin:
            child.stdin.write(json.dumps(request).encode())
    except BrokenPipeError:  # the child died before reading: its exit code tells
        pass
    return child


def _outcome(child: subprocess.Popen[bytes], deadline: float, timeout: float) -> str | None:
    """None when the service took the message, else why not; a child still at work at the deadline is
    killed."""
    try:
        code = child.wait(max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        child.kill()
        return f"no answer within {timeout:g} s"
    assert child.stdout is not None
    try:  # its last line: a plugin or a library may have printed before it
        answer = json.loads(child.stdout.read().splitlines()[-1])
    except (IndexError, ValueError):
        return f"the sending process ended with code {code}"
    return None if answer["delivered"] else str(answer["said"])


def _deliver(request: dict[str, Any]) -> None:
    """In the process `send` starts for one service: send the message with the portal's proxy set
    (in this process only) and print as JSON whether the service took it, with Apprise's reason when
    not."""
    import apprise

    _quiet()
    service = _service(request["url"])
    kind = apprise.NotifyType.FAILURE if request["failed"] else apprise.NotifyType.INFO
    capture: Any = apprise.LogCapture  # untyped
    with _through(request["proxy"]), capture(level=logging.WARNING, fmt="%(message)s") as log:
        try:
            delivered = bool(service.notify(body=request["body"], title=request["title"], notify_type=kind,
                                            body_format=apprise.NotifyFormat.TEXT))
        except Exception as exc:  # a service's own bug must not lose the run's report
            delivered = False
            log.write(f"{type(exc).__name__}\n")
    said = [line for line in log.getvalue().splitlines() if line.strip()]
    print(json.dumps({"delivered": delivered, "said": said[-1] if said else "the service did not accept it"}))
