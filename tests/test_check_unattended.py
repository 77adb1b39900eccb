"""`lexwatch check` as a cron job runs it, unattended, against the fixture portal: what a run that
failed, or that was killed, leaves the next one to say."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from portal import fixtures
from portal.server import Reply
from portal.site import CONSOLIDATED, LISTING

fixture_portal = fixtures.fixture_portal
portal_site = fixtures.portal_site
portal_workspace = fixtures.portal_workspace


def _listing_windows(portal) -> list[str]:
    return [r.query.get("p0", "") for r in portal.requests if r.path == LISTING]


def _last_good_run_was(workspace: Path, days_ago: int) -> None:
    """The state a cron job on a laptop leaves: its last good run `days_ago` days back."""
    db = sqlite3.connect(workspace / ".lexwatch" / "state.db")
    with db:
        db.execute("UPDATE source_runs SET last_success_date = ?",
                   ((date.today() - timedelta(days=days_ago)).isoformat(),))
    db.close()


def test_a_watched_text_failing_day_after_day_does_not_hold_the_publications_window_back(
        lexwatch_cli, portal_workspace, portal_site):
    # The Criminal Code's page answers 503 run after run (an act repealed or moved would fail the same
    # way). Its text is fetched every run anyway; the listing of new publications was read whole, so its
    # window moves on. Held back, the window grew a day a run and every run fetched every card since.
    def portal_source() -> dict:
        listed = lexwatch_cli("sources", "list", "--json", cwd=portal_workspace).json()
        return next(s for s in listed if s["name"] == "pravo_by")

    assert lexwatch_cli("check", cwd=portal_workspace).code == 1
    good = portal_source()["last_success_at"]
    _last_good_run_was(portal_workspace, 3)
    portal_site.portal.set(CONSOLIDATED, Reply(503, b"<html><body>Service Unavailable</body></html>",
                                               headers={"Retry-After": "0"}))
    portal_site.portal.reset_log()
    first = lexwatch_cli("check", cwd=portal_workspace)
    assert first.code == 4, first
    assert "HTTP 503" in first.err and "nothing new in what could be fetched; 1 failed" in first.err
    second = lexwatch_cli("check", cwd=portal_workspace)
    assert second.code == 4, second
    today = date.today()
    assert _listing_windows(portal_site.portal) == [f"{today - timedelta(days=3):%d.%m.%Y}", f"{today:%d.%m.%Y}"]
    # the run is still not a good one: `sources list` says so, and keeps the last good run's time
    after = portal_source()
    assert after["last_outcome"] == "failed" and after["last_success_at"] == good


def test_a_failing_card_no_longer_holds_the_window_its_publication_is_looked_at_again_by_itself(
        lexwatch_cli, portal_workspace, portal_site):
    # the card answering 503 (the code's text too) is remembered; the next run reads only today's
    # listing and asks for that card by itself, where a held window re-read every card since
    law = portal_site.publications[1]
    assert lexwatch_cli("check", cwd=portal_workspace).code == 1
    _last_good_run_was(portal_workspace, 3)
    portal_site.portal.set(law.card_path, Reply(503, b"<html><body>Service Unavailable</body></html>"))
    portal_site.portal.set(CONSOLIDATED, Reply(503, b"<html><body>Service Unavailable</body></html>"))
    portal_site.portal.reset_log()
    assert lexwatch_cli("check", cwd=portal_workspace).code == 4
    portal_site.install()
    cards_before = len(portal_site.portal.hits(portal_site.publications[0].card_path))
    again = lexwatch_cli("check", cwd=portal_workspace)
    assert again.code == 0, again  # the card read now is the one stored before: nothing new, nothing lost
    today, three_days_ago = f"{date.today():%d.%m.%Y}", f"{date.today() - timedelta(days=3):%d.%m.%Y}"
    assert _listing_windows(portal_site.portal) == [three_days_ago, today]
    assert len(portal_site.portal.hits(portal_site.publications[0].card_path)) == cards_before  # not re-read
    assert "0 failed" in again.err


def test_with_the_portal_down_a_change_a_killed_run_stored_is_told_and_the_run_says_it_could_not_check(
        lexwatch_cli, portal_workspace, portal_site):
    assert lexwatch_cli("check", cwd=portal_workspace).code == 1
    portal_site.amend("2022")
    fixtures.killed_run(portal_workspace)  # a cron run stores the 2022 edition, then is killed before its report
    down = {"LEXWATCH_PORTAL_URL": fixtures.closed_port()}
    run = lexwatch_cli("check", cwd=portal_workspace, env=down)
    assert run.code == 4, run
    assert run.out.startswith("changed   HK9900275@2022-") and "did not finish reporting it" in run.out
    # the edition told is not a sign the portal answered: nothing of this run was reached
    assert "could not check anything" in run.err, run.err
    as_json = lexwatch_cli("check", "--json", cwd=portal_workspace, env=down)
    assert as_json.code == 4 and as_json.json()["documents"] == []  # told once
    assert as_json.json()["sources"]["pravo_by"]["reached"] is False  # empty, but not "no changes"
    assert {i["kind"] for i in as_json.json()["failed"]} == {"consolidated", "listing", "draft-index"}
    assert lexwatch_cli("check", cwd=portal_workspace).code == 0  # the portal back: nothing new, nothing twice


def test_a_file_saved_in_another_encoding_and_back_is_never_told_as_a_change(lexwatch_cli, portal_workspace):
    from builders import ART_130_2, criminal_code

    # The lawyer's inbox: the code as UTF-8 text; Notepad saves it with a byte-order mark and CRLF,
    # another editor saves it back as it was. The same text throughout, yet the first bytes coming
    # back were told as "the source went back to it", and every such save was a change mailed again.
    config = portal_workspace / "lexwatch.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[sources.folder]\npath = "inbox"\n\n'
                      "[sources.pravo_by]\nenabled = false\n", encoding="utf-8")
    (portal_workspace / "inbox").mkdir()
    code = portal_workspace / "inbox" / "УК_2022.txt"
    text = criminal_code(ART_130_2).as_text()
    plain, notepad = text.encode("utf-8"), text.replace("\n", "\r\n").encode("utf-8-sig")
    for number, (data, told) in enumerate([(plain, 1), (notepad, 0), (plain, 0), (notepad, 0), (plain, 0)]):
        code.write_bytes(data)
        run = lexwatch_cli("check", "--json", cwd=portal_workspace)
        assert run.code == told, (number, run)
        if number:
            assert run.json()["documents"] == [] and len(run.json()["sources"]) == 1, (number, run.out)


def test_a_draft_the_index_links_failing_day_after_day_does_not_hold_the_window_back(
        lexwatch_cli, portal_workspace, portal_site):
    # A draft linked from the draft-law index is looked at every run, whatever the window: its page
    # answering 503 for weeks must not make every run fetch every publication since it began.
    entry = portal_site.drafts[0]
    assert lexwatch_cli("check", cwd=portal_workspace).code == 1
    _last_good_run_was(portal_workspace, 3)
    portal_site.portal.set(f"/document/?guid=3941&p0={entry}", Reply(503, b"<html><body>Service Unavailable</body></html>",
                                                                      headers={"Retry-After": "0"}))
    portal_site.portal.reset_log()
    first = lexwatch_cli("check", cwd=portal_workspace)
    assert first.code == 4 and entry in first.err, first
    assert lexwatch_cli("check", cwd=portal_workspace).code == 4
    today = date.today()
    assert _listing_windows(portal_site.portal) == [f"{today - timedelta(days=3):%d.%m.%Y}", f"{today:%d.%m.%Y}"]


def test_a_machine_off_for_over_a_year_looks_back_a_year_and_says_what_it_did_not_look_at(
        lexwatch_cli, portal_workspace, portal_site):
    # every publication of a window is fetched, a second apart: a window of years would run for days
    assert lexwatch_cli("fetch", cwd=portal_workspace).code == 0
    _last_good_run_was(portal_workspace, 400)
    portal_site.portal.reset_log()
    run = lexwatch_cli("fetch", cwd=portal_workspace)
    assert run.code == 0, run
    today = date.today()
    year_ago, last = today - timedelta(days=366), today - timedelta(days=400)
    assert _listing_windows(portal_site.portal) == [f"{year_ago:%d.%m.%Y}"]
    assert (f"pravo_by: its last good run reached {last.isoformat()}: publications from then to "
            f"{year_ago.isoformat()} were not looked at") in run.err
    portal_site.portal.reset_log()
    again = lexwatch_cli("fetch", cwd=portal_workspace)  # said once: the window has moved on
    assert again.code == 0 and "were not looked at" not in again.err
    assert _listing_windows(portal_site.portal) == [f"{today:%d.%m.%Y}"]
