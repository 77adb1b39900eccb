"""Pytest fixtures for the fixture portal; test modules import them by name."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from portal.server import FixturePortal
from portal.site import DRAFT_INDEX, PortalSite


@pytest.fixture
def fixture_portal() -> Iterator[FixturePortal]:
    """A portal on 127.0.0.1 at a random port, stopped after the test."""
    portal = FixturePortal().start()
    try:
        yield portal
    finally:
        portal.stop()


@pytest.fixture
def portal_site(fixture_portal: FixturePortal) -> PortalSite:
    """The fixture portal serving the Criminal Code (2020 edition), a week of publications and drafts."""
    return PortalSite(fixture_portal)


def portal_toml(base_url: str, **overrides: object) -> str:
    """A lexwatch.toml pointing at the fixture portal: no politeness delay, short timeouts, quick retries."""
    values: dict[str, object] = {"base_url": base_url, "draft_index_urls": [DRAFT_INDEX], "delay": 0.0,
                                 "timeout": 2.0, "retries": 2, "backoff": 0.01}
    values.update(overrides)

    def toml(value: object) -> str:
        if isinstance(value, str):
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if isinstance(value, list):
            return "[" + ", ".join(toml(v) for v in value) + "]"
        return str(value).lower() if isinstance(value, bool) else str(value)

    lines = ["[portal]", *(f"{k} = {toml(v)}" for k, v in values.items()), "", "[watch]", 'acts = ["HK9900275"]', ""]
    return "\n".join(lines)


@pytest.fixture
def portal_workspace(workspace: Path, portal_site: PortalSite) -> Path:
    """A fresh workspace whose lexwatch.toml points at the fixture portal."""
    (workspace / "lexwatch.toml").write_text(portal_toml(portal_site.portal.base_url), encoding="utf-8")
    return workspace


def killed_run(workspace: Path) -> None:
    """A cron run that fetched and stored, then was killed (-9) before it reported: what it stored
    waits, unreported, for the next run."""
    from lexwatch.sources.runner import FetchRun, enabled_sources
    from lexwatch.workspace import Workspace

    ws = Workspace.find(workspace)
    with ws.open_store() as store:
        FetchRun(ws.settings, ws.root, store, defer_ack=True).run(enabled_sources(ws.settings, ws.root))


def closed_port() -> str:
    """The address of a port nobody listens on: every request to it is refused, as by a portal down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"
