"""A cron run of `lexwatch check` while the portal is down: it stops asking after a few failed
requests instead of waiting out every retry of every request for an hour, says the portal could
not be checked, and leaves everything it skipped to the next run."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from builders import render_portal_html
from conftest import CliResult
from portal import fixtures
from portal.server import Reply
from portal.site import CRIMINAL_CODE, DRAFT_INDEX, LISTING, chrome

from lexwatch.ids import ArticleNumber
from lexwatch.text.model import Article, Document

fixture_portal = fixtures.fixture_portal
portal_site = fixtures.portal_site

# Watched beside the Criminal Code: the laws a commentator on extremism, terrorism and migration reads.
ACTS = {
    "HK2100091": ("КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ", "6 января 2021 г. № 91-З", [
        ("19.11", "Распространение, изготовление, хранение, перевозка информационной продукции, содержащей "
                  "призывы к экстремистской деятельности или пропагандирующей такую деятельность",
         "1. Распространение информационной продукции, включенной в республиканский список экстремистских "
         "материалов, а также изготовление, издание, хранение либо перевозка с целью распространения такой "
         "информационной продукции –\nвлекут наложение штрафа в размере до тридцати базовых величин с "
         "конфискацией предмета административного правонарушения.")]),
    "H10700203": ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ О противодействии экстремизму", "4 января 2007 г. № 203-З", [
        ("1", "Основные термины, используемые в настоящем Законе и их определения",
         "Для целей настоящего Закона используются следующие основные термины и их определения:\n"
         "экстремистские материалы – информационная продукция, предназначенная для публичного использования, "
         "содержащая призывы к экстремистской деятельности, пропагандирующая такую деятельность.")]),
    "H10200077": ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ О борьбе с терроризмом", "3 января 2002 г. № 77-З", [
        ("3", "Основные понятия, применяемые в настоящем Законе",
         "Для целей настоящего Закона применяются следующие основные понятия:\n"
         "терроризм – социально-политическое криминальное явление, представляющее собой идеологию и практику "
         "применения насилия или угрозы насилием.")]),
    "H11000105": ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ О правовом положении иностранных граждан и лиц без гражданства "
                  "в Республике Беларусь", "4 января 2010 г. № 105-З", [
        ("1", "Основные термины, применяемые в настоящем Законе, и их определения",
         "Для целей настоящего Закона применяются следующие основные термины и их определения:\n"
         "иностранный гражданин – физическое лицо, не являющееся гражданином Республики Беларусь и имеющее "
         "доказательства наличия гражданства (подданства) иностранного государства.")]),
}
WATCHED = [CRIMINAL_CODE, *ACTS]
DOWN = Reply(503, b"<html><head><title>503 Service Temporarily Unavailable</title></head><body><center>"
                  b"<h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>",
             headers={"Retry-After": "120"})
# What the run may wait for the portal in all, with the default settings (ADR-12): one Retry-After.
WAIT_BOUND = 300.0

# `lexwatch` as cron runs it, but with time.sleep recording each pause instead of waiting it out.
DRIVER = """
import atexit, json, os, sys, time
waits = []
time.sleep = waits.append
atexit.register(lambda: open(os.environ["SLEEPS_FILE"], "w").write(json.dumps(waits)))
from lexwatch.cli.main import run
run()
"""


def _consolidated(regnum: str) -> str:
    return f"/document/?guid=3871&p0={regnum}"


@pytest.fixture
def watching(workspace: Path, portal_site) -> Path:
    """A workspace watching five acts on the fixture portal, with the default retries and backoff."""
    for regnum, (title, date_line, articles) in ACTS.items():
        doc = Document(title=title, articles=[Article(ArticleNumber.parse(n), t, text) for n, t, text in articles])
        page = chrome(render_portal_html(doc, regnum=regnum, toc=False, date_line=date_line)).encode()
        portal_site.portal.set(_consolidated(regnum), Reply(body=page))
    toml = fixtures.portal_toml(portal_site.portal.base_url, retries=4, backoff=1.0)
    acts = "acts = [" + ", ".join(f'"{a}"' for a in WATCHED) + "]"
    (workspace / "lexwatch.toml").write_text(toml.replace(f'acts = ["{CRIMINAL_CODE}"]', acts), encoding="utf-8")
    return workspace


def cron(workspace: Path, tmp_path: Path, *args: str) -> tuple[CliResult, list[float]]:
    """`lexwatch ARGS` in its own process, and the pauses it asked for (none is really waited)."""
    sleeps = tmp_path / "sleeps.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXWATCH_")}
    env.update(COLUMNS="200", SLEEPS_FILE=str(sleeps))
    proc = subprocess.run([sys.executable, "-c", DRIVER, *args], cwd=workspace, capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    return CliResult(proc), json.loads(sleeps.read_text())


def _listing_windows(portal) -> list[str]:
    return [r.query.get("p0", "") for r in portal.requests if r.path == LISTING]


def test_a_dead_portal_is_asked_a_few_times_then_skipped_and_the_next_run_fetches_everything(
        watching, portal_site, tmp_path):
    portal = portal_site.portal
    portal.outage = DOWN
    run, waits = cron(watching, tmp_path, "check", "--json")
    assert run.code == 4, run
    # two requests (the acts are fetched two at a time) wait 120 s once each, then give up: 300 s of
    # waiting in all is spent; one more try fails and the rest is skipped. Before: 6 requests x 5
    # tries, 24 waits of 120 s (48 minutes).
    assert sum(waits) <= WAIT_BOUND and waits == [120.0, 120.0], waits
    assert len(portal.requests) <= 6, [r.query for r in portal.requests]
    assert not portal.hits(DRAFT_INDEX) and not _listing_windows(portal)
    report = run.json()
    assert report["documents"] == [] and report["sources"]["pravo_by"]["reached"] is False
    failed = report["failed"]
    assert sorted(i["act"] for i in failed if i["kind"] == "consolidated") == sorted(WATCHED)
    assert {i["kind"] for i in failed} == {"consolidated", "listing", "draft-index"}
    skipped = [i for i in failed if "skipped" in i["error"]]
    assert {"listing", "draft-index"} <= {i["kind"] for i in skipped}
    assert all(re.search(r"127\.0\.0\.1: skipped, the portal failed [34] requests in a row \(last: http://.*"
                         r"HTTP 503 Service Unavailable", i["error"]) for i in skipped), skipped
    told = cron(watching, tmp_path, "check")[0]
    assert told.code == 4 and "could not check anything" in told.err and "skipped, the portal failed" in told.err

    portal.outage = None
    back, waits = cron(watching, tmp_path, "check", "--json")
    assert back.code == 1, back
    assert waits == []
    documents = back.json()["documents"]
    assert sorted(d["act"] for d in documents if d["kind"] == "consolidated") == sorted(WATCHED)
    assert {d["act"] for d in documents if d["kind"] == "publication"} == {"H12200165", "H12200146", "HK2200200"}
    assert {d["act"] for d in documents if d["kind"] == "draft"} == set(portal_site.drafts)
    assert back.json()["failed"] == [] and back.json()["sources"]["pravo_by"]["reached"] is True


def test_the_publications_a_dead_portal_kept_from_view_are_looked_at_from_where_the_last_good_run_left(
        watching, portal_site, tmp_path):
    portal = portal_site.portal
    assert cron(watching, tmp_path, "check")[0].code == 1
    db = sqlite3.connect(watching / ".lexwatch" / "state.db")
    with db:  # the last good run was three days ago
        db.execute("UPDATE source_runs SET last_success_date = ?", ((date.today() - timedelta(days=3)).isoformat(),))
    db.close()
    portal.outage = DOWN
    portal.reset_log()
    down, waits = cron(watching, tmp_path, "fetch", "--json")
    assert down.code == 4 and sum(waits) <= WAIT_BOUND, down
    assert _listing_windows(portal) == []  # skipped, not asked five times
    assert "could not check anything" in down.err and down.json()["sources"]["pravo_by"]["reached"] is False
    portal.outage = None
    again, _ = cron(watching, tmp_path, "fetch", "--json")
    assert again.code == 0, again
    # the window did not move past the days the dead run never looked at
    assert _listing_windows(portal) == [f"{date.today() - timedelta(days=3):%d.%m.%Y}"]
    assert again.json()["sources"]["pravo_by"]["reached"] is True
