"""A publication that fails every run must not make every later run read the window again: it is
remembered and looked at again by itself, told once when it comes, given up with word of what to do;
a run looks at so many items and carries the rest (cron runs against the fixture portal)."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from portal import fixtures
from portal.server import Reply
from portal.site import CONSOLIDATED, LISTING, busy_bank, extremism_law

from lexwatch.sources.runner import GIVE_UP_DAYS, GIVE_UP_RUNS, MAX_ITEMS

fixture_portal = fixtures.fixture_portal
portal_site = fixtures.portal_site
portal_workspace = fixtures.portal_workspace

NOT_FOUND = Reply(404, "<html><body><h1>Страница не найдена</h1></body></html>".encode())
TODAY = date.today()


@pytest.fixture(autouse=True)
def _today() -> None:
    """TODAY as each test starts, not as the module was collected: a suite that runs past midnight
    compared the runs' dates with the day before."""
    global TODAY
    TODAY = date.today()


def _listing_windows(portal) -> list[str]:
    return [r.query.get("p0", "") for r in portal.requests if r.path == LISTING]


def _db(workspace: Path) -> sqlite3.Connection:
    return sqlite3.connect(workspace / ".lexwatch" / "state.db")


def _failing_for(workspace: Path, runs: int, since: date) -> None:
    """What `runs` runs, each meeting the same failure since `since`, leave in the state."""
    db = _db(workspace)
    with db:
        db.execute("UPDATE fetch_pending SET failures = ?, failing_since = ?", (runs, since.isoformat()))
    db.close()


def _late_pdf(lexwatch_cli, workspace: Path, site):
    """A week stored, then a law the portal lists yesterday whose PDF is not there (404); the last
    good run was three days back. Returns the law and the run that met the missing PDF."""
    assert lexwatch_cli("check", cwd=workspace).code == 1
    db = _db(workspace)
    with db:
        db.execute("UPDATE source_runs SET last_success_date = ?", ((TODAY - timedelta(days=3)).isoformat(),))
    db.close()
    law = extremism_law(TODAY - timedelta(days=1))
    site.publications.append(law)
    site.install()
    site.portal.set(law.pdf_path, NOT_FOUND)
    site.portal.reset_log()
    first = lexwatch_cli("check", cwd=workspace)
    return law, first


def test_a_pdf_that_fails_is_looked_at_again_by_itself_and_told_once_when_the_portal_serves_it(
        lexwatch_cli, portal_workspace, portal_site):
    law, first = _late_pdf(lexwatch_cli, portal_workspace, portal_site)
    assert first.code == 4, first
    assert f"(failing since {TODAY.isoformat()}, 1 run; looked at again next run)" in first.err
    assert "H12300289" in first.out and "(card)" in first.out  # the card came: told as any new document
    # what a sysadmin looks at: the source has one item the next runs look at again
    [listed] = [row for row in lexwatch_cli("sources", "list", "--json", cwd=portal_workspace).json()
                if row["name"] == "pravo_by"]
    assert (listed["failing"], listed["left"]) == (1, 0), listed
    assert "1 failing" in lexwatch_cli("sources", "list", cwd=portal_workspace).out
    assert _listing_windows(portal_site.portal) == [f"{TODAY - timedelta(days=3):%d.%m.%Y}"]

    portal_site.portal.reset_log()
    second = lexwatch_cli("check", cwd=portal_workspace)
    assert second.code == 4, second  # never a silent "no changes"
    assert f"(failing since {TODAY.isoformat()}, 2 runs; looked at again next run)" in second.err
    # the window moved on: yesterday's listing is not read again, the law is looked at by itself
    assert _listing_windows(portal_site.portal) == [f"{TODAY:%d.%m.%Y}"]
    assert len(portal_site.portal.hits(law.card_path)) == 1 and len(portal_site.portal.hits(law.pdf_path)) == 1

    portal_site.install()  # the portal uploads the PDF
    portal_site.portal.reset_log()
    fixed = lexwatch_cli("check", "--json", cwd=portal_workspace)
    assert fixed.code == 1, fixed
    [told] = fixed.json()["documents"]
    assert (told["act"], told["kind"], told["status"]) == ("H12300289", "publication", "new")
    assert told["url"].endswith(law.pdf_path) and fixed.json()["failed"] == []
    assert "extremism" in {f["pack"] for f in told["flags"]}, told["flags"]  # Art. 361¹ rewritten

    portal_site.portal.reset_log()
    after = lexwatch_cli("check", cwd=portal_workspace)
    assert after.code == 0 and "0 failed" in after.err and "H12300289" not in after.err, after  # told once
    [listed] = [row for row in lexwatch_cli("sources", "list", "--json", cwd=portal_workspace).json()
                if row["name"] == "pravo_by"]
    assert (listed["failing"], listed["left"]) == (0, 0), listed
    assert portal_site.portal.hits(law.pdf_path) == []


def _live(err: str, source: str = "pravo_by") -> list[str]:
    """The lines --verbose printed for failed documents as the run met them (the summary's say "failed:")."""
    return [line for line in err.splitlines() if line.startswith(f"failed    {source} ")]


def test_the_live_line_of_a_failing_publication_says_how_long_it_has_failed_as_the_summary_does(
        lexwatch_cli, portal_workspace, portal_site):
    # A lawyer watching `check -v` sees the PDF fail again: that it has failed since the day it was
    # published, not a fresh 404, and in the words the run's last lines use
    law, first = _late_pdf(lexwatch_cli, portal_workspace, portal_site)
    assert first.code == 4, first
    second = lexwatch_cli("check", "-v", cwd=portal_workspace)
    assert second.code == 4, second
    said = f"(failing since {TODAY.isoformat()}, 2 runs; looked at again next run)"
    [live] = _live(second.err)
    assert law.pdf_path in live and live.endswith(said), second.err
    [summary] = [line for line in second.err.splitlines() if line.startswith("failed: ")]
    assert summary.endswith(said) and live.endswith(" " + summary.removeprefix("failed: ")), second.err
    assert second.err.index(live) < second.err.index("pravo_by: 0 new"), second.err  # live: before the summary
    began = TODAY - timedelta(days=GIVE_UP_DAYS)
    _failing_for(portal_workspace, GIVE_UP_RUNS - 1, began)
    last = lexwatch_cli("fetch", "--verbose", cwd=portal_workspace)
    assert last.code == 4, last
    [live] = _live(last.err)
    assert live.endswith(f"(failing since {began.isoformat()}, {GIVE_UP_RUNS} runs: given up, not looked at again;"
                         " save it from the portal and add it with `lexwatch add FILE --act H12300289`)"), last.err


def test_a_failure_met_before_the_portal_answered_is_shown_live_with_the_count_the_summary_gives(
        lexwatch_cli, portal_workspace, portal_site):
    # Whether this run counts as a try of the law is known only once the portal answers something: the
    # code's page fails and the law's card is gone, then the listing answers (a try: 2 runs) ...
    law, first = _late_pdf(lexwatch_cli, portal_workspace, portal_site)
    assert first.code == 4, first
    portal_site.portal.set(CONSOLIDATED, Reply(503, b"<html><body>Service Unavailable</body></html>",
                                               headers={"Retry-After": "0"}))
    portal_site.portal.set(law.card_path, NOT_FOUND)
    second = lexwatch_cli("check", "-v", cwd=portal_workspace)
    assert second.code == 4, second
    [card] = [line for line in _live(second.err) if law.card_path in line]
    assert card.endswith(f"(failing since {TODAY.isoformat()}, 2 runs; looked at again next run)"), second.err
    assert f"{law.card_path}: " in second.err.split(card, 1)[1], second.err  # the summary says the same
    # ... or the portal answers nothing at all (a blocked network: no try, and the summary says 1 run)
    portal_site.portal.outage = Reply(403, b"<html><body><h1>403 Forbidden</h1></body></html>")
    blocked = lexwatch_cli("check", "-v", cwd=portal_workspace)
    assert blocked.code == 4 and "could not check anything" in blocked.err, blocked
    said = f"(failing since {TODAY.isoformat()}, 2 runs; looked at again next run)"
    [card] = [line for line in _live(blocked.err) if law.card_path in line]
    assert card.endswith(said) and blocked.err.count(said) == 2, blocked.err
    assert blocked.err.index(card) < blocked.err.index("pravo_by: 0 new"), blocked.err  # live: before the summary


def test_a_publication_failing_for_a_month_is_given_up_once_with_what_to_do(
        lexwatch_cli, portal_workspace, portal_site):
    law, first = _late_pdf(lexwatch_cli, portal_workspace, portal_site)
    assert first.code == 4, first
    began = TODAY - timedelta(days=GIVE_UP_DAYS)
    _failing_for(portal_workspace, GIVE_UP_RUNS - 1, began)  # a month of daily runs, each meeting the same 404
    rehearsal = lexwatch_cli("fetch", "--dry-run", "--json", cwd=portal_workspace)  # drops nothing, says so
    assert rehearsal.code == 4 and "given up, not looked at again" not in rehearsal.err, rehearsal
    assert "a run that stores would give it up (this dry run keeps it)" in rehearsal.err, rehearsal
    assert [f["failing"]["given_up"] for f in rehearsal.json()["failed"] if f["failing"]] == [False]
    last = lexwatch_cli("check", cwd=portal_workspace)
    assert last.code == 4, last
    assert (f"(failing since {began.isoformat()}, {GIVE_UP_RUNS} runs: given up, not looked at again; save it from"
            " the portal and add it with `lexwatch add FILE --act H12300289`)") in last.err
    portal_site.portal.reset_log()
    quiet = lexwatch_cli("check", cwd=portal_workspace)
    assert quiet.code == 0 and "H12300289" not in quiet.err, quiet
    assert portal_site.portal.hits(law.pdf_path) == []


def test_a_month_of_failures_is_not_given_up_in_a_run_the_portal_answers_nothing(
        lexwatch_cli, portal_workspace, portal_site):
    # The portal blocks networks outside Belarus (403) and the user's proxy broke: a run that reaches
    # nothing must not drop the law, which could not even be saved from the portal by hand then.
    law, _first = _late_pdf(lexwatch_cli, portal_workspace, portal_site)
    began = TODAY - timedelta(days=GIVE_UP_DAYS)
    _failing_for(portal_workspace, GIVE_UP_RUNS - 1, began)
    portal_site.portal.outage = Reply(403, b"<html><body><h1>403 Forbidden</h1></body></html>")
    blocked = lexwatch_cli("check", cwd=portal_workspace)
    assert blocked.code == 4 and "could not check anything" in blocked.err, blocked
    assert "given up" not in blocked.err, blocked
    portal_site.portal.outage = None
    portal_site.portal.reset_log()
    back = lexwatch_cli("check", cwd=portal_workspace)  # the portal answers; the PDF is still missing
    assert back.code == 4 and "given up, not looked at again" in back.err, back
    assert len(portal_site.portal.hits(law.pdf_path)) == 1


def test_a_run_the_portal_answers_nothing_in_is_not_counted_as_a_try_of_the_item(
        lexwatch_cli, portal_workspace, portal_site):
    # A month of outage under an hourly cron must not leave a law tried twice to be given up in the
    # first run the portal answers in: only runs that reached the portal count toward GIVE_UP_RUNS.
    law, _first = _late_pdf(lexwatch_cli, portal_workspace, portal_site)
    began = TODAY - timedelta(days=GIVE_UP_DAYS)
    _failing_for(portal_workspace, GIVE_UP_RUNS - 2, began)
    portal_site.portal.outage = Reply(503, b"<html><body><h1>503 Service Unavailable</h1></body></html>")
    for _ in range(3):
        blocked = lexwatch_cli("check", cwd=portal_workspace)
        assert blocked.code == 4 and "could not check anything" in blocked.err, blocked
        assert f"(failing since {began.isoformat()}, {GIVE_UP_RUNS - 2} runs; looked at again" in blocked.err
    portal_site.portal.outage = None
    portal_site.portal.reset_log()
    back = lexwatch_cli("check", cwd=portal_workspace)  # the ninth try that reached the portal
    assert back.code == 4 and "given up" not in back.err, back
    assert len(portal_site.portal.hits(law.pdf_path)) == 1
    assert f"{GIVE_UP_RUNS - 1} runs; looked at again next run" in back.err, back
    last = lexwatch_cli("check", cwd=portal_workspace)  # the tenth: given up, said with what to do
    assert last.code == 4 and f"{GIVE_UP_RUNS} runs: given up, not looked at again" in last.err, last


def test_one_day_short_of_a_month_it_is_still_looked_at(lexwatch_cli, portal_workspace, portal_site):
    law, _first = _late_pdf(lexwatch_cli, portal_workspace, portal_site)
    # many runs, but not yet a month: a portal out for weeks must not lose a law
    _failing_for(portal_workspace, GIVE_UP_RUNS * 5, TODAY - timedelta(days=GIVE_UP_DAYS - 1))
    run = lexwatch_cli("check", cwd=portal_workspace)
    assert run.code == 4 and "looked at again next run" in run.err and "given up" not in run.err, run
    portal_site.portal.reset_log()
    assert lexwatch_cli("check", cwd=portal_workspace).code == 4
    assert len(portal_site.portal.hits(law.pdf_path)) == 1


def test_a_run_looks_at_so_many_items_and_carries_the_rest_to_the_next(lexwatch_cli, portal_workspace, portal_site):
    # the draft-law index names more drafts than one run looks at (a page of 10 MB may name 100 000)
    bank = busy_bank(MAX_ITEMS + 5, TODAY)
    portal_site.draft_texts, portal_site.drafts = bank, list(bank)
    portal_site.install()
    first = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert first.code == 0, first
    publications = 3  # the week's kept laws and code, looked at before the drafts
    drafted = {i["act"] for i in first.json()["new"] if i["kind"] == "draft"}
    left = [e for e in bank if e not in drafted]
    assert len(drafted) == MAX_ITEMS - publications and len(left) == 5 + publications
    assert first.json()["sources"]["pravo_by"]["left"] == len(left)
    assert (f"pravo_by: {len(left)} publications or drafts left for the next runs (a run looks at {MAX_ITEMS}"
            " at most)") in first.err

    portal_site.portal.reset_log()
    second = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert second.code == 0, second
    # the drafts left are fetched first, and the rest of the index goes round in turn
    assert left == [i["act"] for i in second.json()["new"]][:len(left)]
    assert all(len(portal_site.portal.hits(f"/document/?guid=3941&p0={e}")) == 1 for e in left)
    assert sum(1 for r in portal_site.portal.requests if r.query.get("guid") == "3941") == MAX_ITEMS
    assert second.json()["sources"]["pravo_by"]["left"] == 5


def test_a_run_killed_between_fetching_a_remembered_item_and_forgetting_it_tells_it_next_run(
        lexwatch_cli, portal_workspace, portal_site, monkeypatch):
    from lexwatch.store.fetchstate import FetchState

    law, first = _late_pdf(lexwatch_cli, portal_workspace, portal_site)
    assert first.code == 4, first
    portal_site.install()

    class Killed(BaseException):
        pass

    def killed(*_args: object) -> None:
        raise Killed  # kill -9 after the PDF is stored, before the run forgets the item

    with monkeypatch.context() as patched:
        patched.setattr(FetchState, "forget_items", killed)
        with pytest.raises(Killed):
            fixtures.killed_run(portal_workspace)
    portal_site.portal.reset_log()
    run = lexwatch_cli("check", "--json", cwd=portal_workspace)
    assert run.code == 1, run
    [told] = run.json()["documents"]
    assert (told["act"], told["kind"]) == ("H12300289", "publication") and "did not finish" in told["note"]
    assert len(portal_site.portal.hits(law.pdf_path)) == 1  # still remembered: looked at again, not told twice
    assert lexwatch_cli("check", cwd=portal_workspace).code == 0


def test_a_probed_draft_that_fails_has_its_day_probed_again_from_that_entry(tmp_path, portal_site):
    from portal.fixtures import portal_toml
    from portal.site import DRAFTS, draft_page

    from lexwatch.sources.base import create_source
    from lexwatch.sources.runner import FetchRun
    from lexwatch.workspace import Workspace

    yesterday, portal = TODAY - timedelta(days=1), portal_site.portal
    entries = [f"{yesterday:%Y%m%d}{n:02d}" for n in (1, 2)]
    pages = [Reply(body=draft_page(entry, DRAFTS[entry])) for entry in DRAFTS]
    portal.set(f"/document/?guid=3941&p0={entries[0]}", pages[0])
    portal.set(f"/document/?guid=3941&p0={entries[1]}", Reply(503, b"<html><body>Service Unavailable</body></html>",
                                                              headers={"Retry-After": "0"}))
    ws, _ = Workspace.init(tmp_path / "ws")
    ws.config_path.write_text(portal_toml(portal.base_url, draft_index_urls=[])
                              + "\n[sources.pravo_by]\nprobe_drafts = true\n", encoding="utf-8")

    def run(since: date | None = None) -> list[tuple[str | None, str]]:
        with ws.open_store() as store:
            report = FetchRun(ws.settings, ws.root, store, today=TODAY).run(
                [create_source("pravo_by", ws.settings, ws.root)], since=since)
        return [(o.act, o.error or o.status) for o in report.outcomes if o.kind == "draft"]

    first = run(since=yesterday)
    assert first[0] == (entries[0], "new") and first[1][0] == entries[1]
    assert f"(failing since {TODAY.isoformat()}, 1 run; looked at again next run)" in first[1][1]
    portal.set(f"/document/?guid=3941&p0={entries[1]}", pages[1])
    portal.reset_log()
    assert run() == [(entries[1], "new")]
    # yesterday probed again from its second entry on; the window itself starts today
    probed = [r.query["p0"] for r in portal.requests if r.query.get("guid") == "3941"]
    assert probed == [entries[1], f"{yesterday:%Y%m%d}03", f"{TODAY:%Y%m%d}01"]
    portal.reset_log()
    assert run() == []  # forgotten once fetched


def test_json_tells_a_script_how_long_an_item_has_failed_and_when_it_is_given_up(
        lexwatch_cli, portal_workspace, portal_site):
    # A script mailing the lawyer "save this law by hand" must tell the last word on a law from a
    # failure looked at again next run, without parsing the English of `error`.
    _law, first = _late_pdf(lexwatch_cli, portal_workspace, portal_site)
    assert first.code == 4, first
    again = lexwatch_cli("check", "--json", cwd=portal_workspace)
    assert again.code == 4, again
    [failed] = again.json()["failed"]
    assert failed["kind"] == "publication"
    assert failed["failing"] == {"since": TODAY.isoformat(), "runs": 2, "given_up": False}
    assert again.json()["documents"] == [] or all(d["failing"] is None for d in again.json()["documents"])
    began = TODAY - timedelta(days=GIVE_UP_DAYS)
    _failing_for(portal_workspace, GIVE_UP_RUNS - 1, began)
    last = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert last.code == 4, last
    [given_up] = last.json()["failed"]
    assert given_up["failing"] == {"since": began.isoformat(), "runs": GIVE_UP_RUNS, "given_up": True}
    assert {o["failing"] for o in last.json()["unchanged"]} == {None}


def test_a_remembered_law_of_a_kind_the_user_no_longer_keeps_is_forgotten_not_fetched(
        lexwatch_cli, portal_workspace, portal_site):
    # The lawyer narrows [portal] publication_kinds to codes while a law's PDF is failing: the law
    # must not be fetched, told (exit 1) and flagged by a later run as if it had been asked for.
    law, first = _late_pdf(lexwatch_cli, portal_workspace, portal_site)
    assert first.code == 4, first
    config = portal_workspace / "lexwatch.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("[portal]\n", '[portal]\npublication_kinds = ["HK"]\n'),
                      encoding="utf-8")
    portal_site.install()  # the PDF is there now
    portal_site.portal.reset_log()
    run = lexwatch_cli("check", cwd=portal_workspace)
    assert run.code == 0 and "H12300289" not in run.out + run.err, run
    assert portal_site.portal.hits(law.card_path) == [] and portal_site.portal.hits(law.pdf_path) == []
    db = _db(portal_workspace)
    assert db.execute("SELECT count(*) FROM fetch_pending").fetchone() == (0,)  # forgotten, not carried
    db.close()


def test_a_probed_day_remembered_is_not_probed_once_the_user_turns_probing_off(tmp_path, portal_site):
    from portal.fixtures import portal_toml

    from lexwatch.sources.base import create_source
    from lexwatch.sources.runner import FetchRun
    from lexwatch.workspace import Workspace

    yesterday, portal = TODAY - timedelta(days=1), portal_site.portal
    failing = f"{yesterday:%Y%m%d}01"
    portal.set(f"/document/?guid=3941&p0={failing}", Reply(503, b"<html><body>Service Unavailable</body></html>",
                                                           headers={"Retry-After": "0"}))
    ws, _ = Workspace.init(tmp_path / "ws")
    toml = portal_toml(portal.base_url, draft_index_urls=[])

    def run(probe: bool) -> list[str]:
        ws.config_path.write_text(toml + f"\n[sources.pravo_by]\nprobe_drafts = {str(probe).lower()}\n",
                                  encoding="utf-8")
        settings = Workspace.find(ws.root).settings
        with ws.open_store() as store:
            FetchRun(settings, ws.root, store, today=TODAY).run([create_source("pravo_by", settings, ws.root)],
                                                                since=yesterday)
            return [key for (key,) in store.db.execute("SELECT key FROM fetch_pending")]

    assert run(probe=True) == [f"probe {yesterday:%Y%m%d}"]
    portal.reset_log()
    assert run(probe=False) == []  # forgotten with probing, not probed day after day until it answers
    assert [r for r in portal.requests if r.query.get("guid") == "3941"] == []
