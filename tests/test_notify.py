"""`lexwatch check` notifying the Apprise services of [notify]: once per change, again after a failed
delivery, never a URL's secret on the screen, and a bad URL refused before anything is fetched."""

from __future__ import annotations

import json
import threading
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
        self.status = 200
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                hook.received.append(json.loads(self.rfile.read(length)))
                self.send_response(hook.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"json://watcher:{SECRET}@127.0.0.1:{self.server.server_address[1]}/lexwatch"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def hook() -> Iterator[Hook]:
    made = Hook()
    yield made
    made.server.shutdown()
    made.server.server_close()


def _configure(workspace: Path, urls: list[str], *, failures: bool = False, inbox: str = "inbox",
               proxy: str | None = None) -> None:
    config, default = workspace / "lexwatch.toml", workspace.parent / "init.toml"
    if not default.exists():  # what `lexwatch init` wrote, for a test that configures twice
        default.write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    text = default.read_text(encoding="utf-8")
    text = text.replace("\nurls = []", f"\nurls = {json.dumps(urls)}").replace("failures = false",
                                                                           f"failures = {str(failures).lower()}")
    if proxy:
        text = text.replace('# proxy = ""', f'proxy = "{proxy}"')
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
