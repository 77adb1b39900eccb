"""`lexwatch check` notifying the Apprise services of [notify]: once per change, again after a failed
delivery, never a URL's secret on the screen, and a bad URL refused before anything is fetched."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from builders import ART_130_2, criminal_code

pytest.importorskip("apprise")

SECRET = "s3cr3t-Pa55word"


class Hook:
    """A web hook on 127.0.0.1 that records what Apprise's json:// service posts to it."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.paths: list[str] = []  # as asked: an absolute URL when the hook serves as a proxy
        self.times: list[float] = []  # time.monotonic() of each request
        self.status = 200
        self.location = ""          # answered with status 307: a redirect
        self.trickle = 0.0          # seconds between the bytes of a header that takes 40 of them
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                hook.times.append(time.monotonic())
                hook.paths.append(self.path)
                hook.received.append(json.loads(body) if body.startswith(b"{") else {"message": body.decode()})
                if hook.trickle:
                    self._trickle()
                    return
                self.send_response(hook.status)
                if hook.location:
                    self.send_header("Location", hook.location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def _trickle(self) -> None:
                """A service that answers a byte at a time, each well within Apprise's 4 s read
                timeout: 40 s for the whole answer."""
                try:
                    self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Queue: ")
                    for _ in range(round(40 / hook.trickle)):
                        time.sleep(hook.trickle)
                        self.wfile.write(b"a")
                        self.wfile.flush()
                    self.wfile.write(b"\r\nContent-Length: 0\r\n\r\n")
                except OSError:  # the sender hung up
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"json://watcher:{SECRET}@127.0.0.1:{self.server.server_address[1]}/lexwatch"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def _served() -> Iterator[Hook]:
    made = Hook()
    yield made
    made.server.shutdown()
    made.server.server_close()


@pytest.fixture
def hook() -> Iterator[Hook]:
    yield from _served()


def _configure(workspace: Path, urls: list[str], *, failures: bool = False, inbox: str = "inbox",
               proxy: str | None = None, timeout: float | None = None) -> None:
    config, default = workspace / "lexwatch.toml", workspace.parent / "init.toml"
    if not default.exists():  # what `lexwatch init` wrote, for a test that configures twice
        default.write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    text = default.read_text(encoding="utf-8")
    text = text.replace("\nurls = []", f"\nurls = {json.dumps(urls)}").replace("failures = false",
                                                                           f"failures = {str(failures).lower()}")
    if proxy:
        text = text.replace('# proxy = ""', f'proxy = "{proxy}"')
    if timeout is not None:  # [notify]'s, not [portal]'s
        portal, notify, rest = text.partition("\n[notify]\n")
        text = portal + notify + rest.replace("\ntimeout = 30.0", f"\ntimeout = {timeout}")
    text = text.replace("# enabled = true", "enabled = false").replace("# [sources.folder]", "[sources.folder]")
    config.write_text(text.replace('# path = "inbox"', f'path = "{inbox}"'), encoding="utf-8")


def _code_in_inbox(workspace: Path) -> None:
    (workspace / "inbox").mkdir(exist_ok=True)
    (workspace / "inbox" / "УК_2022.txt").write_text(criminal_code(ART_130_2).as_text(), encoding="utf-8")


def test_a_change_is_notified_once_in_the_words_check_prints(lexwatch_cli, workspace, hook) -> None:
    _configure(workspace, [hook.url])
    _code_in_inbox(workspace)
    first = lexwatch_cli("check", cwd=workspace)
    assert first.code == 1, first
    [sent] = hook.received
    assert sent["title"] == "lexwatch check: 1 new or changed"
    assert sent["type"] == "info"
    # the same lines the terminal shows, then the run's summary
    assert sent["message"].startswith(first.out.rstrip("\n") + "\n\n")
    assert "genocide/genocide-denial" in sent["message"] and "folder: 1 new" in sent["message"]
    again = lexwatch_cli("check", cwd=workspace)
    assert again.code == 0 and len(hook.received) == 1  # nothing new: nothing sent, nothing twice


def test_a_notification_not_delivered_is_sent_again_next_run_and_no_secret_is_shown(
        lexwatch_cli, workspace, hook) -> None:
    _configure(workspace, [hook.url])
    _code_in_inbox(workspace)
    hook.status = 500
    failed = lexwatch_cli("check", cwd=workspace)
    assert failed.code == 4, failed
    [line] = [line for line in failed.err.splitlines() if line.startswith("lexwatch: error:")]
    assert line.startswith("lexwatch: error: notify.urls[1] (json://…): not delivered: ")
    assert "told again next run" in failed.err
    assert SECRET not in failed.out + failed.err
    hook.status = 200
    retried = lexwatch_cli("check", cwd=workspace)
    assert retried.code == 1 and retried.out.startswith("new "), retried  # told again, as promised
    assert len(hook.received) == 2
    first, second = (sent["message"].splitlines() for sent in hook.received)
    assert second[0] == first[0] and second[1].startswith("          note: stored by the run of") and "did not finish reporting it" in second[1]
    assert lexwatch_cli("check", cwd=workspace).code == 0 and len(hook.received) == 2


def test_a_source_that_cannot_be_checked_is_notified_only_when_asked(lexwatch_cli, workspace, hook) -> None:
    _configure(workspace, [hook.url], inbox="gone")  # the folder source's folder is missing
    quiet = lexwatch_cli("check", cwd=workspace)
    assert quiet.code == 4 and hook.received == [], quiet
    _configure(workspace, [hook.url], failures=True, inbox="gone")
    asked = lexwatch_cli("check", cwd=workspace)
    assert asked.code == 4, asked
    [sent] = hook.received
    assert sent["title"] == "lexwatch check: could not check anything" and sent["type"] == "failure"
    assert "failed: " in sent["message"]


@pytest.mark.parametrize(("url", "proxy", "said"), [
    ("nosuch://token@host", None, "notify.urls[2] (nosuch://…) is not a notification URL Apprise knows"),
    (f"mailtos://lawyer:{SECRET}@example.org", "http://127.0.0.1:3128",
     "notify.urls[2] (mailtos://…) cannot go through the proxy set in portal.proxy"),
    (f"ircs://lawyer:{SECRET}@irc.example.org/#pravo", "http://127.0.0.1:3128",
     "notify.urls[2] (ircs://…) cannot go through the proxy set in portal.proxy"),
])
def test_a_url_lexwatch_cannot_use_is_refused_before_anything_is_fetched(
        lexwatch_cli, workspace, hook, url, proxy, said) -> None:
    _configure(workspace, [hook.url, url], proxy=proxy)
    _code_in_inbox(workspace)
    refused = lexwatch_cli("check", cwd=workspace)
    assert refused.code == 2 and refused.out == "", refused
    assert said in refused.err and "(key 'notify.urls')" in refused.err and len(refused.err.splitlines()) == 1
    assert SECRET not in refused.err and hook.received == []
    _configure(workspace, [hook.url])
    assert lexwatch_cli("check", cwd=workspace).code == 1  # nothing was fetched, so it is new now
    assert len(hook.received) == 1


def test_without_apprise_installed_the_user_is_told_what_to_install(lexwatch_cli, workspace, hook,
                                                                    tmp_path) -> None:
    blocked = tmp_path / "no-apprise" / "apprise"
    blocked.mkdir(parents=True)
    (blocked / "__init__.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    _configure(workspace, [hook.url])
    run = lexwatch_cli("check", cwd=workspace, env={"PYTHONPATH": str(blocked.parent)})
    assert run.code == 2
    assert "notifications need Apprise: pip install 'lexwatch[notify]'" in run.err


@pytest.fixture
def proxy() -> Iterator[Hook]:
    """A second hook, as an HTTP proxy: it records the absolute URLs asked of it and answers 200."""
    yield from _served()


def test_an_ntfy_topic_and_a_chat_id_are_not_shown_when_the_service_refuses(lexwatch_cli, workspace, hook) -> None:
    # an ntfy topic is its password (anyone who knows it reads it); Apprise's reason names it
    hook.status = 500
    port = hook.server.server_address[1]
    _configure(workspace, [f"ntfy://127.0.0.1:{port}/{SECRET}", f"json://127.0.0.1:{port}/chat/{SECRET}"])
    _code_in_inbox(workspace)
    refused = lexwatch_cli("check", "--verbose", cwd=workspace)
    assert refused.code == 4 and len(hook.received) == 2, refused
    assert "notify.urls[1] (ntfy://…): not delivered: Failed to send ntfy notification" in refused.err
    assert SECRET not in refused.out + refused.err


def test_a_service_that_redirects_elsewhere_is_not_followed(lexwatch_cli, workspace, hook, proxy) -> None:
    hook.status, hook.location = 307, f"http://127.0.0.1:{proxy.server.server_address[1]}/elsewhere"
    _configure(workspace, [hook.url])
    _code_in_inbox(workspace)
    redirected = lexwatch_cli("check", cwd=workspace)
    assert redirected.code == 4 and "error=307" in redirected.err, redirected
    assert len(hook.received) == 1 and proxy.received == []  # the message went to the configured host only


def test_the_portal_proxy_carries_the_notification_whatever_no_proxy_says(lexwatch_cli, workspace, proxy) -> None:
    # nothing listens on port 9: only the proxy can take it
    _configure(workspace, ["json://127.0.0.1:9/lexwatch"],
               proxy=f"http://127.0.0.1:{proxy.server.server_address[1]}")
    _code_in_inbox(workspace)
    run = lexwatch_cli("check", cwd=workspace, env={"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1"})
    assert run.code == 1, run
    assert proxy.paths == ["http://127.0.0.1:9/lexwatch"]


def test_a_proxy_variable_the_portal_does_not_use_does_not_carry_the_notification(
        lexwatch_cli, workspace, hook, proxy) -> None:
    # the portal is https://pravo.by: HTTP_PROXY is not its proxy, so the message goes as its requests do
    _configure(workspace, [hook.url])
    _code_in_inbox(workspace)
    run = lexwatch_cli("check", cwd=workspace, env={"HTTP_PROXY": f"http://127.0.0.1:{proxy.server.server_address[1]}"})
    assert run.code == 1, run
    assert len(hook.received) == 1 and proxy.received == []


def test_a_socks_proxy_without_pysocks_is_one_line_before_anything_is_fetched(lexwatch_cli, workspace, hook,
                                                                              tmp_path) -> None:
    blocked = tmp_path / "no-socks"
    blocked.mkdir()
    (blocked / "socks.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    _configure(workspace, [hook.url], proxy="socks5://127.0.0.1:9050")
    _code_in_inbox(workspace)
    run = lexwatch_cli("check", cwd=workspace, env={"PYTHONPATH": str(blocked)})
    assert run.code == 2 and run.out == "" and len(run.err.splitlines()) == 1, run
    assert "notifications through the SOCKS proxy set in portal.proxy need PySocks" in run.err
    assert hook.received == []


def test_a_socks5_proxy_resolves_the_services_names_itself(monkeypatch) -> None:
    """requests resolves a socks5:// proxy's names locally: a DNS query would name the service."""
    from lexwatch.notify import _through

    monkeypatch.setenv("NO_PROXY", "api.telegram.org")
    monkeypatch.delenv("HTTPS_PROXY", raising=False)
    with _through("socks5://127.0.0.1:9050"):
        assert os.environ["HTTPS_PROXY"] == os.environ["ALL_PROXY"] == "socks5h://127.0.0.1:9050"
        assert "NO_PROXY" not in os.environ
    assert os.environ["NO_PROXY"] == "api.telegram.org" and "HTTPS_PROXY" not in os.environ


def test_a_service_that_trickles_its_answer_is_cut_at_the_deadline_and_told_again(lexwatch_cli, workspace,
                                                                               hook) -> None:
    # a byte of its answer every 0.5 s: no read times out, and the answer would take 40 s
    hook.trickle = 0.5
    _configure(workspace, [hook.url], timeout=2)
    _code_in_inbox(workspace)
    started = time.monotonic()
    cut = lexwatch_cli("check", cwd=workspace)
    ended = time.monotonic()
    assert cut.code == 4, cut
    assert ended - started < 15, f"the run took {ended - started:.1f} s"
    [line] = [line for line in cut.err.splitlines() if line.startswith("lexwatch: error:")]
    assert line == "lexwatch: error: notify.urls[1] (json://…): not delivered: no answer within 2 s"
    assert "told again next run" in cut.err and SECRET not in cut.out + cut.err
    time.sleep(1.5)  # nothing sent after the deadline: no retry, no sender left behind
    assert len(hook.times) == 1 and hook.times[0] < ended
    hook.trickle = 0
    again = lexwatch_cli("check", cwd=workspace)
    assert again.code == 1 and again.out.startswith("new "), again
    assert len(hook.received) == 2 and "did not finish reporting it" in hook.received[1]["message"]


def test_a_proxy_cut_at_the_deadline_leaves_no_message_to_go_around_it(lexwatch_cli, workspace, hook,
                                                                      proxy) -> None:
    # the proxy trickles; the service itself listens: once the proxy is given up on, nothing may
    # reach the service directly, then or later
    proxy.trickle = 0.5
    _configure(workspace, [hook.url], proxy=f"http://127.0.0.1:{proxy.server.server_address[1]}", timeout=2)
    _code_in_inbox(workspace)
    started = time.monotonic()
    cut = lexwatch_cli("check", cwd=workspace, env={"NO_PROXY": "127.0.0.1"})
    ended = time.monotonic()
    assert cut.code == 4 and ended - started < 15, cut
    assert "notify.urls[1] (json://…): not delivered: no answer within 2 s" in cut.err
    time.sleep(1.5)
    assert proxy.paths == [f"http://127.0.0.1:{hook.server.server_address[1]}/lexwatch"]
    assert hook.received == []


def test_a_notify_timeout_that_bounds_nothing_is_refused(lexwatch_cli, workspace, hook) -> None:
    _configure(workspace, [hook.url], timeout=0)
    refused = lexwatch_cli("check", cwd=workspace)
    assert refused.code == 2 and len(refused.err.splitlines()) == 1, refused
    assert "must be a number above 0 and at most 3600" in refused.err and "notify.timeout" in refused.err


@pytest.mark.filterwarnings("ignore:'imghdr' is deprecated:DeprecationWarning")  # Apprise's mail plugin
@pytest.mark.parametrize(("interpreter", "said"), [
    ("false", "the sending process ended with code 1"),  # exits at once, as a broken Python would
    ("no-such-python", "cannot start the sending process (No such file or directory)"),
])
def test_a_sending_process_that_fails_to_run_is_a_service_not_delivered(monkeypatch, tmp_path, hook,
                                                                        interpreter, said) -> None:
    from lexwatch.config import parse_settings
    from lexwatch.notify import prepare, send

    notifier = prepare(parse_settings(f'[notify]\nurls = ["{hook.url}"]\n'))
    assert notifier is not None
    executable = shutil.which(interpreter) or str(tmp_path / interpreter)
    if interpreter == "false" and not Path(executable).exists():
        pytest.skip("no `false` command here")
    monkeypatch.setattr("sys.executable", executable)
    assert send(notifier, "lexwatch check: 1 new or changed", "new", failed=False) == [
        f"notify.urls[1] (json://…): not delivered: {said}"]
    assert hook.received == []


@pytest.mark.filterwarnings("ignore:'imghdr' is deprecated:DeprecationWarning")  # Apprise's mail plugin
def test_a_line_printed_in_the_sending_process_before_its_answer_does_not_undo_a_delivery(monkeypatch, hook) -> None:
    # The whole of the child's output was read as its JSON answer: a line a plugin or library printed
    # first made a delivered message "not delivered" (exit 4, and the change sent again next run).
    import lexwatch.notify
    from lexwatch.config import parse_settings
    from lexwatch.notify import prepare, send

    notifier = prepare(parse_settings(f'[notify]\nurls = ["{hook.url}"]\n'))
    assert notifier is not None
    monkeypatch.setattr(lexwatch.notify, "_CHILD", "print('custom plugins: 1 loaded'); " + lexwatch.notify._CHILD)
    assert send(notifier, "lexwatch check: 1 new or changed", "new HK9900275@2022-09-26", failed=False) == []
    assert [r["message"] for r in hook.received] == ["new HK9900275@2022-09-26"]
