"""What a hostile or broken portal (or a man in the middle on plain http) can send, and what lexwatch
makes of it: links that no request can go to, names that are no act's, and pages a file's sender
chose. Each is one clear line and the rest of the run, never an internal error or a stored name
that prints a line of its own."""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path

import pytest
from portal import fixtures
from portal.server import Reply
from portal.site import CONSOLIDATED, DRAFT_INDEX, DRAFTS, card_page, consolidated_page, index_page

fixture_portal = fixtures.fixture_portal
portal_site = fixtures.portal_site
portal_workspace = fixtures.portal_workspace

KEPT = {"H12200165", "H12200146", "HK2200200"}


def _acts(workspace: Path) -> list[str]:
    db = sqlite3.connect(workspace / ".lexwatch" / "state.db")
    try:
        return [act for (act,) in db.execute("SELECT act FROM versions ORDER BY rowid")]
    finally:
        db.close()


def test_a_draft_index_with_bent_entries_stores_each_draft_once_under_its_own_entry(lexwatch_cli, portal_workspace,
                                                                                  portal_site):
    # "p0=2025021015%0A" passed "^\d{10}$" ("$" matches before a final line break): the draft was fetched
    # twice and stored under the act "2025021015\n", which `check` printed as two lines. Full-width digits
    # passed "\d" and were asked of the portal; an unclosed "[" stopped the whole run (exit 3).
    [entry, other] = DRAFTS
    portal_site.portal.set(DRAFT_INDEX, Reply(body=index_page([(href, "Проект закона «Об изменении Уголовного кодекса»") for href in [
        f"/document/?guid=3941&p0={entry}%0A",
        "/document/?guid=3941&p0=" + entry.translate({ord(d): ord(d) + 0xFF10 - 0x30 for d in "0123456789"}),
        f"http://[::1/document/?guid=3941&p0={other}",
        f"/document/?guid=3941&p0={entry}",
    ]])))
    run = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert run.code == 0, run
    [draft] = [item for item in run.json()["new"] if item["kind"] == "draft"]
    assert draft["act"] == entry and run.json()["unchanged"] == []
    assert [a for a in _acts(portal_workspace) if a[0] == "2"] == [entry]
    assert [r.query["p0"] for r in portal_site.portal.requests if r.query.get("guid") == "3941"] == [entry]


@pytest.mark.parametrize("href", ["http://127.0.0.1:80:80/upload/docs/op/H12200165.pdf",
                                  "http://[::1/upload/docs/op/H12200165.pdf"])
def test_a_card_linking_a_malformed_address_fails_that_document_in_one_line(lexwatch_cli, portal_workspace,
                                                                          portal_site, href):
    # urlsplit raises ValueError on a port that is no number or an unclosed "[": it stopped the whole
    # run as an internal error (exit 3), nothing reported, what it had stored left untold.
    p = portal_site.publications[0]
    portal_site.portal.set(p.card_path, Reply(body=card_page(p).replace(html.escape(p.pdf_path).encode(),
                                                                         html.escape(href).encode())))
    run = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert run.code == 4, run
    [failed] = run.json()["failed"]
    assert failed["kind"] == "publication" and failed["act"] == p.regnum
    assert failed["error"].startswith("refusing to contact '") and "lexwatch only talks to" in failed["error"]
    assert {i["act"] for i in run.json()["new"] if i["kind"] == "card"} == KEPT
    assert "internal error" not in run.err


def test_a_page_naming_itself_with_no_register_number_is_stored_under_the_act_its_text_names(lexwatch_cli,
                                                                                          portal_workspace):
    # data-regnum was taken as it stood: the act "../../../X\x1b]0;…\x07\n  FAKE" was stored, printed by
    # `add` and `check` with its line break (a line of its own in a cron mail), and no --act named it.
    page = consolidated_page("2022").decode().replace(
        'data-regnum="HK9900275"', 'data-regnum="../../../x\x1b]0;Изменений нет\x07\n  FAKE"', 1)
    assert "FAKE" in page
    (portal_workspace / "uk.html").write_text(page, encoding="utf-8")
    added = lexwatch_cli("add", "uk.html", cwd=portal_workspace)
    assert added.code == 0, added
    assert "(act detected: HK9900275)" in added.err and "FAKE" not in added.err
    assert _acts(portal_workspace) == ["HK9900275"]
    assert lexwatch_cli("drafts", "list", "--act", "HK9900275", cwd=portal_workspace).code == 0


def test_an_etag_httpx_cannot_send_back_is_not_sent_and_stops_no_later_run(lexwatch_cli, portal_workspace,
                                                                          portal_site):
    # An ETag or Last-Modified in Latin-1 ("é", obs-text to HTTP) was stored, and every run after it sent
    # it back as If-None-Match: httpx cannot encode it, an internal error (exit 3) on each run from then on.
    portal_site.portal.set(CONSOLIDATED, Reply(body=consolidated_page("2022"), etag=False, headers={
        "ETag": '"\u00e9dition-2022"', "Last-Modified": "Mon, 16 May 2022 \u00e0 10:00"}))
    assert lexwatch_cli("fetch", cwd=portal_workspace).code == 0
    again = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert again.code == 0, again
    assert again.json()["new"] == [] and again.json()["failed"] == []
    [_, second] = [r for r in portal_site.portal.requests if r.query.get("guid") == "3871"]
    assert "if-none-match" not in second.headers and "if-modified-since" not in second.headers


def test_a_page_of_millions_of_empty_paragraphs_is_refused_before_it_is_parsed(lexwatch_cli, portal_workspace,
                                                                              portal_site):
    # 10 MB of "<p>" (within the page size cap) is 3.3 million elements: parsed and then read paragraph
    # by paragraph it held the run ~15 s a page, for an empty text stored as the Code's new edition.
    # A real page has a tag in ~130 bytes; this one is refused at the count, in one line.
    page = consolidated_page("2022").replace(b'<div class="Section1">', b'<div class="Section1">' + b"<p>" * 3_400_000, 1)
    assert len(page) < 10 * 2**20  # within the size cap, which alone never stopped it
    portal_site.portal.set(CONSOLIDATED, Reply(body=page))
    run = lexwatch_cli("fetch", "--json", cwd=portal_workspace)
    assert run.code == 4, run
    [failed] = run.json()["failed"]
    assert failed["kind"] == "consolidated" and failed["act"] == "HK9900275"
    assert "holds more than 500000 tags" in failed["error"] and "not a page of the portal" in failed["error"]
    assert {i["act"] for i in run.json()["new"] if i["kind"] == "card"} == KEPT
    assert "HK9900275" not in _acts(portal_workspace) and "Traceback" not in run.err
