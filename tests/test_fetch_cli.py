"""A lawyer's cron job runs `lexwatch fetch` against the portal (here the fixture portal): the first
run stores the Criminal Code, the week's laws and the drafts; the next finds nothing new; a new
edition is a change; a failing document costs exit 4 but nothing else."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from filelock import FileLock
from portal import fixtures
from portal.server import Reply
from portal.site import CONSOLIDATED, LISTING, consolidated_page, week_of_publications

from lexwatch.text.load import parse_bytes

fixture_portal = fixtures.fixture_portal
portal_site = fixtures.portal_site
portal_workspace = fixtures.portal_workspace

KEPT = {"H12200165", "H12200146", "HK2200200"}


def _by_kind(items: list[dict], kind: str) -> list[dict]:
    return [i for i in items if i["kind"] == kind]


def _versions(ws: Path) -> list[tuple[str, str, str, str]]:
    db = sqlite3.connect(ws / ".lexwatch" / "state.db")
    try:
        return db.execute("SELECT id, act, source, meta FROM versions ORDER BY rowid").fetchall()
    finally:
        db.close()


def _listing_windows(portal) -> list[str]:
    return [r.query.get("p0", "") for r in portal.requests if r.path == LISTING]


def _enable_folder(workspace: Path, *, portal: bool = True) -> Path:
    """[sources.folder] path = "inbox" (and the portal off unless `portal`); the inbox, made."""
    config = workspace / "lexwatch.toml"
    extra = '\n[sources.folder]\npath = "inbox"\n' + ("" if portal else "\n[sources.pravo_by]\nenabled = false\n")
    config.write_text(config.read_text(encoding="utf-8") + extra, encoding="utf-8")
    inbox = workspace / "inbox"
    inbox.mkdir()
    return inbox


def test_first_fetch_stores_code_laws_and_drafts_and_a_rerun_finds_nothing_new(lexwatch_cli, portal_workspace,
                                                                                 portal_site):
    first = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert first.code == 0, first
    report = first.json()
    assert report["failed"] == [] and report["changed"] == []
    [code] = _by_kind(report["new"], "consolidated")
    assert code["act"] == "HK9900275" and code["title"] == "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ"
    assert {i["act"] for i in _by_kind(report["new"], "publication")} == KEPT
    assert {i["act"] for i in _by_kind(report["new"], "card")} == KEPT
    assert {i["act"] for i in _by_kind(report["new"], "draft")} == {"2025021015", "2025021102"}
    assert all(len(i["version"]) == 64 and i["error"] is None for i in report["new"])
    assert "pravo_by: 9 new, 0 changed, 0 unchanged, 0 failed" in first.err
    assert report["sources"] == {"pravo_by": {"new": 9, "changed": 0, "unchanged": 0, "failed": 0, "reached": True,
                                              "left": 0}}

    listed = lexwatch_cli("drafts", "list", "--act", "H12200165", "--json", cwd=portal_workspace).json()
    pdf = next(v for v in listed if v["format"] == "pdf")
    assert pdf["articles"] == 2
    assert pdf["edition_date"] == (date.today() - timedelta(days=2)).isoformat()
    assert pdf["source"].endswith(week_of_publications(date.today())[0].pdf_path)
    # A draft has no register number yet: its bank entry names it wherever an act is asked for.
    [draft] = lexwatch_cli("drafts", "list", "--act", "2025021015", "--json", cwd=portal_workspace).json()
    assert draft["act"] == "2025021015" and draft["id"] in {i["version"] for i in report["new"]}
    bad = lexwatch_cli("drafts", "list", "--act", "2025131015", cwd=portal_workspace)
    assert bad.code == 2 and "not a register number" in bad.err

    evidence = json.loads(next(meta for _id, _act, source, meta in _versions(portal_workspace)
                               if source.endswith(".pdf")))
    assert evidence["status"] == 200 and evidence["kind"] == "publication"
    assert evidence["headers"]["content-type"] == "application/pdf" and evidence["headers"]["etag"]
    assert evidence["fetched_at"].startswith(date.today().isoformat()[:4])
    assert "set-cookie" not in evidence["headers"]

    stored = len(_versions(portal_workspace))
    portal_site.revisit(generated="26.11.2026 09:41")
    again = lexwatch_cli("fetch", cwd=portal_workspace)
    assert again.code == 0, again
    assert "nothing new" in again.err
    assert len(_versions(portal_workspace)) == stored
    today = date.today()
    assert _listing_windows(portal_site.portal) == [f"{today - timedelta(days=7):%d.%m.%Y}", f"{today:%d.%m.%Y}"]


def test_a_new_edition_of_the_code_is_a_change_with_its_own_version(lexwatch_cli, portal_workspace, portal_site):
    assert lexwatch_cli("fetch", cwd=portal_workspace).code == 0
    portal_site.amend("2022")
    run = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert run.code == 0, run
    [changed] = run.json()["changed"]
    assert changed["url"].endswith(CONSOLIDATED) and changed["act"] == "HK9900275"
    versions = lexwatch_cli("drafts", "list", "--act", "HK9900275", "--json", cwd=portal_workspace).json()
    assert [v["edition_date"] for v in versions] == ["2020-02-01", "2022-05-13"]
    expected = len(parse_bytes(consolidated_page("2022"), "uk.html").articles)
    assert versions[1]["articles"] == expected and versions[1]["id"] == changed["version"]


def test_one_failing_card_exits_4_keeps_the_rest_and_is_looked_at_again_next_time(lexwatch_cli, portal_workspace,
                                                                                   portal_site):
    genocide_law = week_of_publications(date.today())[1]
    portal_site.portal.set(genocide_law.card_path, Reply(503, b"<html><body>Service Unavailable</body></html>"))
    run = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert run.code == 4, run
    report = run.json()
    [failed] = report["failed"]
    assert failed["act"] == "H12200146" and "HTTP 503" in failed["error"] and failed["version"] is None
    assert {i["act"] for i in _by_kind(report["new"], "publication")} == KEPT - {"H12200146"}
    assert "failed: " in run.err and "HTTP 503" in run.err

    assert f"(failing since {date.today().isoformat()}, 1 run; looked at again next run)" in failed["error"]

    portal_site.install()
    first_window = _listing_windows(portal_site.portal)
    portal_site.portal.reset_log()
    retry = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert retry.code == 0, retry
    assert {i["act"] for i in _by_kind(retry.json()["new"], "publication")} == {"H12200146"}
    # looked at again by itself, once: the window moved on to today
    assert first_window == [f"{date.today() - timedelta(days=7):%d.%m.%Y}"]
    assert _listing_windows(portal_site.portal) == [f"{date.today():%d.%m.%Y}"]
    assert len(portal_site.portal.hits(genocide_law.card_path)) == 1


def test_a_portal_that_blocks_us_exits_4_with_the_proxy_advice_and_stores_nothing(lexwatch_cli, portal_workspace,
                                                                                  portal_site):
    portal = portal_site.portal
    blocked = Reply(403, b"<html><body><h1>403 Forbidden</h1></body></html>")
    for key in list(portal.routes):
        portal.routes[key] = blocked
    portal.set_prefix(LISTING, blocked)
    run = lexwatch_cli("--quiet", "fetch", cwd=portal_workspace)
    assert run.code == 4, run
    assert "outside Belarus" in run.err and "proxy" in run.err
    # --quiet (cron) keeps the errors and drops the summary.
    assert run.err.splitlines() and all(line.startswith("failed: ") for line in run.err.splitlines())
    assert _versions(portal_workspace) == []
    # Without --quiet the summary says nothing could be checked, never "nothing new".
    loud = lexwatch_cli("fetch", cwd=portal_workspace)
    assert loud.code == 4 and "could not check anything" in loud.err and "nothing new" not in loud.err
    assert all(line.count("http://") <= 1 for line in loud.err.splitlines())  # the URL said once


def test_a_captcha_served_instead_of_the_code_is_a_failure_not_a_version(lexwatch_cli, portal_workspace, portal_site):
    portal_site.portal.set(CONSOLIDATED, Reply(body=(
        '<html><head><meta charset="utf-8"><title>Проверка безопасности</title></head><body>'
        "<p>Подтвердите, что вы не робот</p><div class=\"g-recaptcha\"></div></body></html>").encode()))
    run = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert run.code == 4
    [failed] = run.json()["failed"]
    assert failed["kind"] == "consolidated" and "captcha" in failed["error"]
    assert not [v for v in _versions(portal_workspace) if v[1] == "HK9900275"]


def test_a_windows_1251_mirror_is_read_into_the_same_articles(lexwatch_cli, portal_workspace, portal_site):
    page = consolidated_page("2022").decode().replace('<meta charset="utf-8" />', "")
    portal_site.portal.set(CONSOLIDATED, Reply(body=page.encode("cp1251"), content_type="text/html"))
    run = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert run.code == 0, run
    version = _by_kind(run.json()["new"], "consolidated")[0]["version"]
    shown = lexwatch_cli("drafts", "show", version[:12], "--article", "130-2", "--json", cwd=portal_workspace)
    assert shown.code == 0, shown
    assert shown.json()["title"] == "Отрицание геноцида белорусского народа"


def test_dry_run_reports_what_is_new_and_stores_nothing(lexwatch_cli, portal_workspace, portal_site):
    dry = lexwatch_cli("fetch", "--dry-run", "--json", cwd=portal_workspace)
    assert dry.code == 0, dry
    report = dry.json()
    assert report["dry_run"] is True and len(report["new"]) == 9
    assert all(i["version"] is None for i in report["new"])
    assert _versions(portal_workspace) == []
    real = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert len(real.json()["new"]) == 9


def test_since_sets_the_window_and_a_bad_date_is_a_usage_error(lexwatch_cli, portal_workspace, portal_site):
    start = date.today() - timedelta(days=30)
    run = lexwatch_cli("fetch", "--since", start.isoformat(), "--source", "pravo_by", cwd=portal_workspace)
    assert run.code == 0, run
    assert _listing_windows(portal_site.portal) == [start.strftime("%d.%m.%Y")]
    bad = lexwatch_cli("fetch", "--since", "01.11.2026", cwd=portal_workspace)
    assert bad.code == 2 and bad.err.strip() == "lexwatch: error: --since must be a date YYYY-MM-DD, not '01.11.2026'"
    future = lexwatch_cli("fetch", "--since", (date.today() + timedelta(days=3)).isoformat(), cwd=portal_workspace)
    assert future.code == 2 and "in the future" in future.err
    # decades of publications (and of draft entries probed day by day) are not a "what is new" run
    ancient = lexwatch_cli("check", "--since", "1995-01-01", cwd=portal_workspace)
    assert ancient.code == 2 and "days back" in ancient.err and "within 366 days" in ancient.err
    assert _listing_windows(portal_site.portal) == [start.strftime("%d.%m.%Y")]  # refused before asking
    unknown = lexwatch_cli("fetch", "--source", "adilet", cwd=portal_workspace)
    assert unknown.code == 2 and "--source adilet: no such source (known: pravo_by, folder)" in unknown.err
    off = lexwatch_cli("fetch", "--source", "folder", cwd=portal_workspace)
    # one line a user reads, not "((not configured: …))"
    assert off.code == 2 and off.err.strip() == (
        "lexwatch: error: --source folder: not enabled in lexwatch.toml (not configured: no [sources.folder] path)"), off


def test_a_fetch_while_another_run_holds_the_workspace_exits_5(lexwatch_cli, portal_workspace):
    with FileLock(str(portal_workspace / ".lexwatch" / "run.lock"), timeout=0):
        run = lexwatch_cli("fetch", cwd=portal_workspace)
    assert run.code == 5 and "another lexwatch run" in run.err


def test_files_saved_by_hand_in_the_folder_source_are_stored_once(lexwatch_cli, portal_workspace, portal_site):
    inbox = _enable_folder(portal_workspace)
    (inbox / "H12200165.pdf").write_bytes(portal_site.pdf(portal_site.publications[0]))
    run = lexwatch_cli("fetch", "--source", "folder", "--json", cwd=portal_workspace)
    assert run.code == 0, run
    [new] = run.json()["new"]
    assert new["kind"] == "file" and new["url"] == str(inbox / "H12200165.pdf")
    assert portal_site.portal.requests == []
    again = lexwatch_cli("fetch", "--source", "folder", "--verbose", cwd=portal_workspace)
    assert again.code == 0 and "folder: 0 new, 0 changed, 1 unchanged, 0 failed\n" in again.err  # no "(since …)"
    assert "unchanged folder" in again.err
    listed = lexwatch_cli("sources", "list", "--json", cwd=portal_workspace).json()
    assert [(s["name"], s["enabled"]) for s in listed] == [("pravo_by", True), ("folder", True)]
    assert listed[1]["last_outcome"] == "ok" and listed[0]["last_success_at"] is None


def test_without_a_terminal_fetch_prints_what_is_new_and_its_summary_and_more_when_verbose(lexwatch_cli, portal_workspace):
    plain = lexwatch_cli("fetch", cwd=portal_workspace)
    assert plain.code == 0
    # the results on stdout, one line per new document; the summary on stderr
    lines = plain.out.splitlines()
    assert len(lines) == 9 and all(line.startswith("new       pravo_by ") for line in lines)
    assert any("HK9900275" in line and "http://127.0.0.1" in line for line in lines)
    assert plain.err.splitlines()[0].startswith("pravo_by: 9 new")
    loud = lexwatch_cli("fetch", "--verbose", cwd=portal_workspace)
    assert "unchanged pravo_by HK9900275" in loud.err


def test_a_scanned_pdf_is_kept_as_evidence_once_not_failed_every_day(lexwatch_cli, portal_workspace, portal_site):
    from builders import make_scanned_pdf

    law = week_of_publications(date.today())[0]
    portal_site.portal.set(law.pdf_path, Reply(body=make_scanned_pdf(), content_type="application/pdf"))
    run = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert run.code == 0, run
    [scan] = [i for i in run.json()["new"] if i["url"].endswith(law.pdf_path)]
    assert "scanned" in scan["note"] and len(scan["version"]) == 64
    assert "note: http://" in run.err and "probably a scanned image" in run.err
    listed = lexwatch_cli("drafts", "list", "--act", law.regnum, "--json", cwd=portal_workspace).json()
    assert any(v["id"] == scan["version"] and v["articles"] == 0 for v in listed)
    again = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert again.code == 0 and again.json()["new"] == [] and again.json()["failed"] == []



def test_a_run_killed_after_storing_a_new_edition_has_it_reported_by_the_next_run_once(lexwatch_cli, portal_workspace,
                                                                                       portal_site):
    import os
    import signal
    import subprocess
    import sys
    import time

    from portal.site import DRAFT_INDEX, draft_index_page

    assert lexwatch_cli("fetch", cwd=portal_workspace).code == 0
    # The portal publishes a new edition of the code; the run stores it, then hangs on the draft
    # index and is killed (-9: the OOM killer, a reboot), before it can print a word.
    portal_site.amend("2022")
    portal_site.portal.set(DRAFT_INDEX, Reply(body=draft_index_page(portal_site.drafts), stall=60))
    config = portal_workspace / "lexwatch.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("timeout = 2.0", "timeout = 120.0"),
                      encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXWATCH_")}
    killed = subprocess.Popen([sys.executable, "-m", "lexwatch", "fetch"], cwd=portal_workspace, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    def editions() -> int:
        return len([v for v in _versions(portal_workspace) if v[1] == "HK9900275"])

    deadline = time.monotonic() + 60
    while (editions() < 2 or not portal_site.portal.hits(DRAFT_INDEX)) and time.monotonic() < deadline:
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    out, err = killed.communicate(timeout=30)
    assert killed.returncode == -signal.SIGKILL and out == b"" and err == b""
    assert editions() == 2  # stored, never told

    portal_site.install()
    after = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert after.code == 0, after
    [changed] = after.json()["changed"]
    assert changed["act"] == "HK9900275" and changed["url"].endswith(CONSOLIDATED)
    assert "did not finish reporting it" in changed["note"]
    assert all(i["url"] != changed["url"] for i in after.json()["unchanged"])  # one line per document
    assert "pravo_by: 0 new, 1 changed, 2 unchanged, 0 failed" in after.err

    told = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert told.code == 0 and told.json()["changed"] == [] and told.json()["new"] == []
    assert "nothing new" in told.err


def test_a_portal_refusing_connections_is_not_nothing_new_and_names_every_address_in_full(lexwatch_cli,
                                                                                            portal_workspace):
    closed = fixtures.closed_port()  # a port nobody listens on: connection refused
    run = lexwatch_cli("fetch", "--json", cwd=portal_workspace, env={"LEXWATCH_PORTAL_URL": closed})
    assert run.code == 4, run
    assert "could not check anything" in run.err and "nothing new" not in run.err
    failed = run.json()["failed"]
    assert {i["kind"] for i in failed} == {"consolidated", "listing", "draft-index"}
    assert all(i["url"].startswith(closed + "/") for i in failed), failed  # the draft index too, not a bare path
    assert run.json()["sources"]["pravo_by"]["reached"] is False  # a script's "could not check anything"


def test_a_quiet_cron_run_prints_each_new_document_once_and_nothing_when_nothing_changed(lexwatch_cli,
                                                                                        portal_workspace):
    # cron mails whatever a job prints: the first run must say what is new, the second nothing
    first = lexwatch_cli("--quiet", "fetch", cwd=portal_workspace)
    assert first.code == 0 and first.err == ""
    lines = first.out.splitlines()
    assert len(lines) == 9 and all(line.startswith("new ") for line in lines)
    again = lexwatch_cli("--quiet", "fetch", cwd=portal_workspace)
    assert again.code == 0 and again.out == "" and again.err == ""


def test_check_says_what_a_new_edition_changed_and_flags_and_exits_1_then_0(lexwatch_cli, portal_workspace,
                                                                            portal_site):
    first = lexwatch_cli("check", cwd=portal_workspace)
    assert first.code == 1, first  # the first run: everything is new
    assert "no earlier version of HK9900275 to compare with" in first.out
    # a new amending law: its flags name the Code articles its instructions change, not only its own
    assert "high   death-penalty/death-penalty changed in ст. 1 → ч. 1 ст. 59 УК\n" in first.out, first.out
    assert "high   genocide/genocide-denial added in ст. 2 → ст. 130² УК\n" in first.out
    assert lexwatch_cli("check", cwd=portal_workspace).code == 0  # nothing new: exit 0, silent stdout
    portal_site.amend("2022")  # the portal publishes the 2022 edition of the code
    run = lexwatch_cli("check", cwd=portal_workspace)
    assert run.code == 1, run
    lines = run.out.splitlines()
    assert lines[0].startswith("changed   HK9900275@2022-") and "Уголовный кодекс Республики Беларусь" in lines[0]
    assert lines[1].strip().startswith("against HK9900275@2020-") and "renumbered articles" in lines[1]
    # the demo editions' real changes: attempted terrorism now punishable by death (Art. 67, 289),
    # denial of the genocide of the Belarusian people a new crime (Art. 130²)
    assert any(line.split()[:2] == ["high", "death-penalty/death-penalty-articles"] and "67" in line
               for line in lines), run.out
    assert any("genocide/genocide-denial added in ст. 130²" in line for line in lines), run.out
    assert any(line.strip().startswith("lexwatch diff ") for line in lines)
    assert "pravo_by: 0 new, 1 changed" in run.err
    again = lexwatch_cli("check", "--json", cwd=portal_workspace)
    assert again.code == 0 and again.json()["documents"] == [] and again.json()["failed"] == []


def test_check_as_json_names_the_previous_version_and_counts(lexwatch_cli, portal_workspace, portal_site):
    assert lexwatch_cli("check", cwd=portal_workspace).code == 1
    portal_site.amend("2022")
    run = lexwatch_cli("check", "--json", "--pack", "genocide", cwd=portal_workspace)
    assert run.code == 1, run
    [doc] = run.json()["documents"]
    assert doc["status"] == "changed" and doc["act"] == "HK9900275" and doc["url"].endswith(CONSOLIDATED)
    assert doc["previous"]["label"].startswith("HK9900275@2020-") and len(doc["previous"]["version"]) == 64
    assert doc["summary"]["changed"] + doc["summary"]["added"] > 0
    assert {f["pack"] for f in doc["flags"]} == {"genocide"}  # --pack narrows the flags
    denial = next(f for f in doc["flags"] if f["rule"] == "genocide-denial")
    assert denial["direction"] == "added" and denial["articles"] == ["130-2"]


def test_check_with_the_portal_unreachable_exits_4_never_0(lexwatch_cli, portal_workspace):
    closed = fixtures.closed_port()
    run = lexwatch_cli("check", cwd=portal_workspace, env={"LEXWATCH_PORTAL_URL": closed})
    assert run.code == 4, run
    assert run.out == "" and "could not check anything" in run.err and "nothing new" not in run.err


def test_a_quiet_check_prints_findings_only_and_nothing_once_they_are_told(lexwatch_cli, portal_workspace):
    first = lexwatch_cli("--quiet", "check", cwd=portal_workspace)
    assert first.code == 1 and first.err == "" and first.out.startswith("new ")
    # a law's card and its PDF carry one label: the kind tells their lines apart
    heads = [line for line in first.out.splitlines() if "H12200165@" in line and line.startswith("new ")]
    assert sorted(h.split()[2] for h in heads) == ["(card)", "(publication)"], first.out
    again = lexwatch_cli("--quiet", "check", cwd=portal_workspace)
    assert again.code == 0 and again.out == "" and again.err == ""


def test_a_file_put_back_to_an_earlier_version_is_a_change_told_once(lexwatch_cli, portal_workspace, portal_site):
    # A commentator's folder: the 13 May law, then a corrected PDF, then the first one restored.
    law = _enable_folder(portal_workspace) / "H12200165.pdf"
    first, corrected = portal_site.pdf(portal_site.publications[0]), portal_site.pdf(portal_site.publications[1])

    def fetch() -> dict:
        run = lexwatch_cli("fetch", "--source", "folder", "--json", cwd=portal_workspace)
        assert run.code == 0, run
        return run.json()

    law.write_bytes(first)
    [stored] = fetch()["new"]
    law.write_bytes(corrected)
    assert len(fetch()["changed"]) == 1
    law.write_bytes(first)
    back = fetch()
    [changed] = back["changed"]
    assert changed["version"] == stored["version"] and "went back" in changed["note"]
    again = fetch()
    assert again["changed"] == [] and again["new"] == [] and len(again["unchanged"]) == 1


def test_check_after_a_killed_run_tells_its_edition_against_the_one_before_and_the_next_against_it(
        lexwatch_cli, portal_workspace, portal_site):
    from portal.server import Reply as PortalReply

    assert lexwatch_cli("check", cwd=portal_workspace).code == 1
    portal_site.amend("2022")
    fixtures.killed_run(portal_workspace)  # a cron run stores the 2022 edition, then is killed (-9) before its report
    # before the next run the portal corrects Art. 59 in the same edition
    corrected = consolidated_page("2022").decode().replace(
        "2.&nbsp;Смертная казнь не может быть назначена:",
        "2.&nbsp;Смертная казнь, в том числе за покушение на преступление, не может быть назначена:", 1)
    portal_site.portal.set(CONSOLIDATED, PortalReply(body=corrected.encode()))
    run = lexwatch_cli("check", cwd=portal_workspace)
    assert run.code == 1, run
    blocks = run.out.split("\nchanged   ")
    assert len(blocks) == 2, run.out
    killed, corrected_block = blocks
    # the killed run's edition: its own changes against 2020, the genocide article among them
    assert "stored by the run of" in killed and "against HK9900275@2020-02-01: 10 changed, 3 added" in killed
    assert "added ст. 130¹, 130², 361⁴" in killed and "changed ст. 57, 58, 59, 67," in killed
    # the correction: one article, against the killed run's edition, the two told apart by short id
    head = corrected_block.splitlines()[0]
    assert head.startswith("HK9900275@2022-05-13 (") and "against HK9900275@2022-05-13 (" in corrected_block
    assert "1 changed, 0 added" in corrected_block and "\n          changed ст. 59\n" in corrected_block
    diffs = [line.split()[2:] for line in run.out.splitlines() if line.strip().startswith("lexwatch diff ")]
    assert diffs[0][1] == diffs[1][0]  # 2020 -> killed edition -> correction, never backwards
    assert lexwatch_cli("check", cwd=portal_workspace).code == 0


def test_check_as_json_lists_the_articles_behind_the_counts(lexwatch_cli, portal_workspace, portal_site):
    assert lexwatch_cli("check", cwd=portal_workspace).code == 1
    portal_site.amend("2022")
    [doc] = lexwatch_cli("check", "--json", cwd=portal_workspace).json()["documents"]
    assert doc["articles"]["added"] == ["130-1", "130-2", "361-4"]
    assert "59" in doc["articles"]["changed"] and doc["articles"]["removed"] == []
    assert len(doc["articles"]["changed"]) == doc["summary"]["changed"]


@pytest.mark.parametrize("command", ["check", "fetch"])
def test_check_or_fetch_with_no_source_enabled_is_an_error_not_nothing_new(lexwatch_cli, portal_workspace, command):
    config = portal_workspace / "lexwatch.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[sources.pravo_by]\nenabled = false\n",
                      encoding="utf-8")
    # cron (`lexwatch --quiet fetch || mail …`): must not stay silent with exit 0
    run = lexwatch_cli("--quiet", command, cwd=portal_workspace)
    assert run.code == 2, run
    assert run.out == "" and "no source is enabled" in run.err


def test_a_quiet_check_says_a_new_pdf_is_a_scan_to_be_read_by_eye(lexwatch_cli, portal_workspace):
    from builders import make_scanned_pdf

    inbox = _enable_folder(portal_workspace, portal=False)
    (inbox / "Постановление_31.pdf").write_bytes(make_scanned_pdf())
    run = lexwatch_cli("--quiet", "check", cwd=portal_workspace)
    assert run.code == 1, run
    assert "note: no text layer (probably a scanned image)" in run.out and run.err == ""


def test_check_names_the_version_a_changed_card_replaced(lexwatch_cli, portal_workspace):
    inbox = _enable_folder(portal_workspace, portal=False)
    card = inbox / "C22200031.txt"
    card.write_text("ПОСТАНОВЛЕНИЕ СОВЕТА МИНИСТРОВ РЕСПУБЛИКИ БЕЛАРУСЬ\n17 января 2022 г. № 31\n"
                    "Об утверждении положения о порядке ведения реестра\nСтатус: действует\n", encoding="utf-8")
    first = lexwatch_cli("check", "--json", cwd=portal_workspace)
    [stored] = first.json()["documents"]
    card.write_text(card.read_text(encoding="utf-8").replace("действует", "утратил силу"), encoding="utf-8")
    run = lexwatch_cli("check", cwd=portal_workspace)
    assert run.code == 1, run
    assert "no earlier version" not in run.out
    assert f"against unknown:{stored['version'][:12]}: no articles to compare" in run.out


def test_the_diff_hint_of_a_check_run_with_workspace_runs_as_printed_from_another_folder(
        lexwatch_cli, portal_workspace, portal_site, tmp_path):
    import shlex

    # cron: `lexwatch --quiet --workspace "~/Законы РБ" check`; the lawyer pastes the hint in their home folder
    moved = tmp_path / "Законы РБ"
    portal_workspace.rename(moved)
    assert lexwatch_cli("--workspace", str(moved), "check", cwd=tmp_path).code == 1
    portal_site.amend("2022")
    run = lexwatch_cli("--quiet", "--workspace", str(moved), "check", cwd=tmp_path)
    assert run.code == 1, run
    [hint] = [line.strip() for line in run.out.splitlines() if line.strip().startswith("lexwatch ")]
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    diff = lexwatch_cli(*shlex.split(hint)[1:], "--article", "130-2", cwd=elsewhere)
    assert diff.code == 1, diff  # differences found, not "not inside a lexwatch workspace"
    assert "Отрицание геноцида белорусского народа" in diff.out


def test_check_names_the_portal_it_could_not_reach_when_the_folder_was_read(lexwatch_cli, portal_workspace):
    inbox = _enable_folder(portal_workspace)
    (inbox / "uk-2022.html").write_bytes(consolidated_page("2022"))
    down = {"LEXWATCH_PORTAL_URL": fixtures.closed_port()}
    assert lexwatch_cli("check", cwd=portal_workspace, env=down).code == 4
    run = lexwatch_cli("check", cwd=portal_workspace, env=down)  # the folder: nothing new; the portal: down
    assert run.code == 4, run
    assert "pravo_by: could not check anything" in run.err and "folder: could not" not in run.err


def test_a_went_back_change_left_pending_by_a_killed_run_is_told_once(lexwatch_cli, portal_workspace, portal_site):
    # The state a run leaves when killed after writing the alert of a "went back" change but before
    # remembering the bytes it saw: the next run finds the change pending and the file changed again.
    law = _enable_folder(portal_workspace) / "H12200165.pdf"
    first, corrected = portal_site.pdf(portal_site.publications[0]), portal_site.pdf(portal_site.publications[1])
    law.write_bytes(first)
    [stored] = lexwatch_cli("fetch", "--source", "folder", "--json", cwd=portal_workspace).json()["new"]
    law.write_bytes(corrected)
    assert len(lexwatch_cli("fetch", "--source", "folder", "--json", cwd=portal_workspace).json()["changed"]) == 1
    law.write_bytes(first)
    db = sqlite3.connect(portal_workspace / ".lexwatch" / "state.db")
    with db:
        db.execute("INSERT INTO fetch_alerts (version_id, run_at, source, url, kind, status) VALUES (?,?,?,?,?,?)",
                   (stored["version"], "2026-12-01T07:00:00+00:00", "folder", str(law), "file", "changed"))
    db.close()
    run = lexwatch_cli("fetch", "--source", "folder", "--json", cwd=portal_workspace)
    assert run.code == 0, run
    [changed] = run.json()["changed"]
    assert changed["version"] == stored["version"] and "did not finish reporting it" in changed["note"]
    again = lexwatch_cli("fetch", "--source", "folder", "--json", cwd=portal_workspace).json()
    assert again["changed"] == [] and len(again["unchanged"]) == 1


def test_a_file_in_the_folder_over_the_size_cap_is_a_failure_not_read(lexwatch_cli, portal_workspace):
    inbox = _enable_folder(portal_workspace)
    (inbox / "scan_of_the_code.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * (3 * 2**20 // 2))
    config = portal_workspace / "lexwatch.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("[watch]", "max_pdf_mb = 1\n\n[watch]"),
                      encoding="utf-8")
    run = lexwatch_cli("fetch", "--source", "folder", "--json", cwd=portal_workspace)
    assert run.code == 4, run
    [failed] = run.json()["failed"]
    assert "1.5 MB is over the 1 MB cap (portal.max_pdf_mb)" in failed["error"]


def test_a_file_changed_back_and_forth_is_told_every_time(lexwatch_cli, portal_workspace, portal_site):
    # The 13 May law, a corrected PDF, the first restored, then the correction put back again:
    # three changes. The last one was missed: the store still took the correction for what the
    # folder gave last, though the run before had told the folder going back to the first.
    law = _enable_folder(portal_workspace, portal=False) / "H12200165.pdf"
    first, corrected = portal_site.pdf(portal_site.publications[0]), portal_site.pdf(portal_site.publications[1])

    def check() -> tuple[int, list[dict]]:
        run = lexwatch_cli("check", "--json", cwd=portal_workspace)
        assert run.code in (0, 1), run
        return run.code, run.json()["documents"]

    law.write_bytes(first)
    assert check()[0] == 1
    for content in (corrected, first, corrected):
        law.write_bytes(content)
        code, [told] = check()
        assert code == 1 and told["status"] == "changed"
        assert told["version"] == hashlib.sha256(content).hexdigest()
        assert check() == (0, [])  # told once


def test_a_code_page_cut_off_before_its_end_is_a_failure_not_a_repeal_of_its_articles(lexwatch_cli, portal_workspace,
                                                                                        portal_site):
    # A proxy cuts the page mid-character but the bytes announced all arrive: read as it is, it
    # decoded as mojibake and was told as a "changed" Criminal Code without articles.
    assert lexwatch_cli("check", cwd=portal_workspace).code == 1
    page = consolidated_page("2022")
    portal_site.portal.set(CONSOLIDATED, Reply(body=page[:int(len(page) * 0.6)]))
    cut = lexwatch_cli("check", cwd=portal_workspace)
    assert cut.code == 4, cut
    assert cut.out == "" and "breaks off before its end" in cut.err and "nothing new" not in cut.err.replace(
        "nothing new in what could be fetched", "")
    assert len(lexwatch_cli("drafts", "list", "--act", "HK9900275", "--json", cwd=portal_workspace).json()) == 1
    portal_site.amend("2022")
    whole = lexwatch_cli("check", "--json", cwd=portal_workspace)
    assert whole.code == 1, whole
    [told] = whole.json()["documents"]
    assert told["previous"]["label"] == "HK9900275@2020-02-01" and told["summary"]["removed"] == 0


def test_a_code_page_left_without_any_article_is_a_failure_not_a_new_version(lexwatch_cli, portal_workspace,
                                                                               portal_site):
    # The text's frame, whole, with a notice where the articles were: not a repeal of the whole code.
    assert lexwatch_cli("fetch", cwd=portal_workspace).code == 0
    page = consolidated_page("2020").decode()
    start, end = page.index('<div class="Section1">'), page.index("</body>")
    notice = ('<div class="Section1"><p class="titlek">УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ</p>'
              '<p class="newncpi">Текст документа временно недоступен. Повторите запрос позднее.</p></div>\n')
    portal_site.portal.set(CONSOLIDATED, Reply(body=(page[:start] + notice + page[end:]).encode()))
    run = lexwatch_cli("check", cwd=portal_workspace)
    assert run.code == 4, run
    assert run.out == "" and "no article could be read where the last version had 12" in run.err
    # a watched act repealed for good would fail so every run: the line says what to do then
    assert "if the act was repealed, take it out of [watch] acts in lexwatch.toml" in run.err
    assert len(lexwatch_cli("drafts", "list", "--act", "HK9900275", "--json", cwd=portal_workspace).json()) == 1
    portal_site.install()
    assert lexwatch_cli("check", cwd=portal_workspace).code == 0


def test_check_on_an_output_that_cannot_write_cyrillic_still_tells_the_change(lexwatch_cli, portal_workspace,
                                                                               portal_site):
    # A cron job whose environment makes stdout ASCII: the run crashed on the title (exit 3), never
    # told the new edition, and crashed the same way every day after.
    ascii_only = {"PYTHONIOENCODING": "ascii", "LANG": "C", "LC_ALL": "C"}
    assert lexwatch_cli("check", cwd=portal_workspace, env=ascii_only).code == 1
    portal_site.amend("2022")
    as_json = lexwatch_cli("check", "--json", cwd=portal_workspace, env=ascii_only)
    assert as_json.code == 1, as_json
    [told] = as_json.json()["documents"]
    assert told["title"] == "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ" and told["articles"]["added"] == ["130-1", "130-2",
                                                                                                   "361-4"]
    portal_site.amend("2020")
    text = lexwatch_cli("check", cwd=portal_workspace, env=ascii_only)
    assert text.code == 1, text
    assert text.out.startswith("changed   HK9900275@2020-02-01") and "removed \\u0441\\u0442. 130\\xb9" in text.out


def test_a_card_linking_its_pdf_abroad_with_escape_sequences_fails_in_plain_words(lexwatch_cli, portal_workspace,
                                                                                   portal_site):
    # An impersonated portal's card points the PDF at another host, the link carrying a terminal title
    # change and a screen clear: refused, and the failure line printed without them.
    p = portal_site.publications[0]
    card = ('<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"/><title>Закон Республики Беларусь</title>'
            '</head><body><main class="l-main"><div class="usercontent" id="userContent">'
            f"<h1>{p.heading}</h1><p class=\"name\">{p.name}</p>"
            '<a class="link-pdf" href="http://mirror.example/\x1b]2;Изменений нет\x07\x1b[2J.pdf">'
            "Официальное опубликование (PDF)</a></div></main></body></html>")
    portal_site.portal.set(p.card_path, Reply(body=card.encode()))
    for args in (("fetch", "--verbose"), ("check",)):
        run = lexwatch_cli(*args, cwd=portal_workspace)
        assert run.code == 4, run
        assert "refusing to contact mirror.example" in run.err
        assert not any(ch in run.err + run.out for ch in "\x1b\x07"), run


def test_a_code_page_nested_thousands_deep_is_a_failure_at_once_not_an_hours_long_parse(lexwatch_cli,
                                                                                       portal_workspace, portal_site):
    # 400 KB of unclosed <div> before the text: lexbor's parse time grows with the square of the depth,
    # and the source parsed the page five times (text check, title, edition date, fingerprint) before
    # the extractor's own depth limit was ever reached: minutes of a cron run, hours at the 10 MB cap.
    page = consolidated_page("2022").decode().replace('<div class="Section1">', "<div>" * 80_000
                                                      + '<div class="Section1">', 1)
    portal_site.portal.set(CONSOLIDATED, Reply(body=page.encode()))
    run = lexwatch_cli("fetch", "--json", cwd=portal_workspace, timeout=30)
    assert run.code == 4, run
    [failed] = run.json()["failed"]
    assert failed["kind"] == "consolidated" and "levels deep" in failed["error"]
    assert not [v for v in _versions(portal_workspace) if v[1] == "HK9900275"]
    assert {i["act"] for i in _by_kind(run.json()["new"], "card")} == KEPT  # the rest of the run went on


def test_a_dry_run_after_a_new_edition_says_changed_and_unchanged_documents_keep_their_titles(
        lexwatch_cli, portal_workspace, portal_site):
    from lexwatch.sources.runner import FetchRun, enabled_sources
    from lexwatch.workspace import Workspace

    # a script runs the library's fetch run itself: once run() returns, what it found is told
    ws = Workspace.find(portal_workspace)
    with ws.open_store() as store:
        report = FetchRun(ws.settings, ws.root, store).run(enabled_sources(ws.settings, ws.root))
    assert len(report.with_status("new")) == 9
    again = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert again.code == 0 and again.json()["new"] == [] and again.json()["changed"] == [], again
    [code] = _by_kind(again.json()["unchanged"], "consolidated")
    assert code["title"] == "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ" and code["act"] == "HK9900275"
    assert len(code["version"]) == 64

    portal_site.amend("2022")
    stored, logged = len(_versions(portal_workspace)), _fetch_log(portal_workspace)
    dry = lexwatch_cli("fetch", "--dry-run", "--json", cwd=portal_workspace)
    assert dry.code == 0, dry
    [changed] = dry.json()["changed"]
    assert changed["url"].endswith(CONSOLIDATED) and changed["version"] is None and dry.json()["new"] == []
    assert len(_versions(portal_workspace)) == stored and _fetch_log(portal_workspace) == logged  # nothing written
    [real] = lexwatch_cli("fetch", "--json", cwd=portal_workspace).json()["changed"]
    assert real["url"] == changed["url"] and len(real["version"]) == 64
    assert (real["url"], "changed", real["version"]) in _fetch_log(portal_workspace)


def _fetch_log(ws: Path) -> list[tuple[str, str, str | None]]:
    db = sqlite3.connect(ws / ".lexwatch" / "state.db")
    try:
        return db.execute("SELECT url, outcome, version_id FROM fetch_log ORDER BY rowid").fetchall()
    finally:
        db.close()


def test_a_file_saved_again_with_a_bom_and_crlf_is_the_same_text_not_a_change(lexwatch_cli, portal_workspace):
    from builders import ART_130_2, criminal_code

    # the lawyer opens the code in Notepad and saves it again: a byte-order mark, CRLF; not a new edition
    code = _enable_folder(portal_workspace, portal=False) / "УК_2022.txt"
    text = criminal_code(ART_130_2).as_text()
    code.write_bytes(text.encode("utf-8"))
    first = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert first.code == 0, first
    [stored] = first.json()["new"]
    assert stored["title"] == "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ"  # a file names no title: the text's own
    code.write_bytes(text.replace("\n", "\r\n").encode("utf-8-sig"))
    again = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert again.code == 0, again
    assert again.json()["changed"] == [] and again.json()["new"] == []
    [same] = again.json()["unchanged"]
    assert same["version"] == stored["version"] and same["act"] == stored["act"] == "HK9900275"
    assert len(_versions(portal_workspace)) == 1
    [still] = lexwatch_cli("fetch", "--json", cwd=portal_workspace).json()["unchanged"]  # the file untouched
    assert (still["version"], still["act"], still["title"]) == (stored["version"], "HK9900275", stored["title"])


def test_a_law_and_its_pdf_are_stored_under_the_full_title_its_card_gives(lexwatch_cli, portal_workspace):
    assert lexwatch_cli("fetch", cwd=portal_workspace).code == 0
    listed = lexwatch_cli("drafts", "list", "--act", "H12200165", "--json", cwd=portal_workspace).json()
    assert {v["format"] for v in listed} == {"html", "pdf"}
    assert all(v["title"] == "Закон Республики Беларусь от 13 мая 2022 г. № 165-З «Об изменении кодексов по "
               "вопросам уголовной ответственности»" for v in listed), listed


def test_a_dry_run_after_a_killed_run_leaves_its_edition_to_be_told_by_the_next_real_run(lexwatch_cli,
                                                                                        portal_workspace, portal_site):
    first = lexwatch_cli("fetch", cwd=portal_workspace)
    assert first.code == 0, first
    week_ago = (date.today() - timedelta(days=7)).isoformat()
    assert f"pravo_by: 9 new, 0 changed, 0 unchanged, 0 failed (since {week_ago})" in first.err
    portal_site.amend("2022")
    fixtures.killed_run(portal_workspace)  # a cron run stores the 2022 edition, then is killed before its report
    # the lawyer looks first: a dry run shows the pending edition but tells nobody
    dry = lexwatch_cli("fetch", "--dry-run", "--json", cwd=portal_workspace)
    assert dry.code == 0, dry
    assert [i["act"] for i in dry.json()["changed"]] == ["HK9900275"]
    real = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert real.code == 0, real
    [changed] = real.json()["changed"]
    assert changed["act"] == "HK9900275" and "did not finish reporting it" in changed["note"]


def test_a_file_added_by_hand_before_the_folder_source_watched_it_is_not_news(lexwatch_cli, portal_workspace):
    from builders import ART_130_2, criminal_code

    # `lexwatch add inbox/УК_2022.txt` first, then [sources.folder] set to that inbox: the same file
    code = _enable_folder(portal_workspace, portal=False) / "УК_2022.txt"
    code.write_text(criminal_code(ART_130_2).as_text(), encoding="utf-8")
    added = lexwatch_cli("add", str(code), cwd=portal_workspace)
    assert added.code == 0, added
    run = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert run.code == 0, run
    assert run.json()["new"] == [] and run.json()["changed"] == [], run.out
    [same] = run.json()["unchanged"]
    assert same["url"] == str(code) and same["note"] is None
