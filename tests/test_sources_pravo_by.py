"""Reading the portal's pages: the listing, cards, draft links, what counts as a change of content;
sources as plugins; the folder a user fills by hand."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from builders import make_pdf
from portal import fixtures
from portal.site import (
    card_page,
    consolidated_page,
    draft_index_page,
    listing_page,
    week_of_publications,
)

from lexwatch.config import parse_settings
from lexwatch.sources.base import FetchContext, Fetched, create_source, register_source, source_names
from lexwatch.sources.folder import FolderSource
from lexwatch.sources.pravo_by import (
    draft_entries,
    edition_date,
    fingerprint,
    page_title,
    parse_listing,
    pdf_link,
    stable_text,
)
from lexwatch.sources.runner import FetchRun
from lexwatch.workspace import Workspace

fixture_portal = fixtures.fixture_portal
portal_site = fixtures.portal_site

TODAY = date(2026, 11, 25)


def test_the_listing_gives_each_act_with_its_publication_number_date_and_card():
    publications = week_of_publications(TODAY)
    entries = parse_listing(listing_page(publications).decode())
    assert [e.regnum for e in entries] == ["H12200165", "H12200146", "HK2200200", "P32200015", "C22200031"]
    first = entries[0]
    assert first.number == "2/2912"
    assert first.published == TODAY - timedelta(days=2)
    assert first.title == ("Закон Республики Беларусь от 13 мая 2022 г. № 165-З «Об изменении кодексов по вопросам"
                           " уголовной ответственности»")
    assert first.card_href == "/document/?guid=12551&p0=H12200165"


def test_a_listing_link_whose_register_number_has_other_digits_than_ascii_is_no_act():
    # "\\d" reads full-width and Arabic-Indic digits as digits: "H1２２００１６５" was kept as an act of its
    # own (no --act names it), its card asked of the portal, its files put in drafts/H1/ beside every
    # other such act's. A Cyrillic "Н" is still read as the Latin letter it looks like.
    listing = ('<div class="usercontent"><dl><dt>2/2912<br/>(18.05.2022)</dt><dd>'
               '<p><a href="/document/?guid=12551&p0=H1%EF%BC%92%EF%BC%92%EF%BC%90%EF%BC%90%EF%BC%91%EF%BC%96%EF%BC%95">'
               "Закон Республики Беларусь от 13 мая 2022 г. № 165-З</a></p>"
               '<p><a href="/document/?guid=12551&p0=H1\u0662\u0662\u0660\u0660\u0661\u0666\u0665">Закон № 165-З</a></p>'
               '<p><a href="/document/?guid=12551&p0=\u041d12200146">Закон Республики Беларусь от 5 января 2022 г.'
               " № 146-З</a></p></dd></dl></div>")
    assert [e.regnum for e in parse_listing(listing)] == ["H12200146"]


def test_titles_from_the_portal_carry_no_terminal_control_sequences():
    # An escape sequence in a title would be printed as is by `fetch`/`check` (set the window
    # title, write the clipboard with OSC 52, clear the screen) on the user's terminal.
    # A bidi control would show the title's words in another order in every draft naming the act.
    evil = "Закон\x1b]52;c;cm0gLXJmIH4=\x07 № \u202e165-З\u202c\x1b[2J\x9b31m"
    listing = ('<div class="usercontent"><dl><dt>2/2912<br/>(18.05.2022)</dt><dd><p>'
               f'<a href="/document/?guid=12551&p0=H12200165">{evil}</a></p></dd></dl></div>')
    entry = parse_listing(listing)[0]
    page = page_title(f'<div class="Section1"><p class="titlek">{evil}</p></div>')
    for title in (entry.title, page):
        assert not any(ord(ch) < 32 or 127 <= ord(ch) < 160 or ch in "\u202e\u202c" for ch in title)
        assert title.startswith("Закон") and "№ 165-З" in title


def test_a_bidi_control_inside_a_word_of_a_portal_title_is_dropped_not_made_a_space():
    # The stored text drops it ("Бела\u200eрусь" reads "Беларусь"); the title had a space in its place
    # ("Республики Бела русь"), and a law then named two ways in one commentary draft.
    from lexwatch.text.load import parse_bytes

    page = ('<html><body><div class="Section1"><p class="titlek">УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛА\u200eРУСЬ</p>'
            '<p class="article">Статья 1. Уголовный закон Республики Бела\u200eрусь</p>'
            "<p>1. Уголовный закон Республики Беларусь основывается на Конституции.</p></div></body></html>")
    assert page_title(page) == "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ"
    assert parse_bytes(page.encode(), "HK9900275.html").articles[0].title == "Уголовный закон Республики Беларусь"


def test_a_page_without_the_listing_markup_is_not_mistaken_for_an_empty_week():
    from lexwatch.errors import UnexpectedPageError

    with pytest.raises(UnexpectedPageError, match="not the listing"):
        parse_listing("<html><body><h1>Технические работы</h1><p>Сайт временно недоступен</p></body></html>")
    assert parse_listing(listing_page([]).decode()) == []


def test_a_card_links_its_pdf_as_a_link_or_an_embed():
    law = week_of_publications(TODAY)[0]
    assert pdf_link(card_page(law).decode()) == law.pdf_path
    assert pdf_link(card_page(law, pdf_as_embed=True).decode()) == law.pdf_path
    assert law.pdf_path.startswith("/upload/docs/op/H12200165_")
    assert pdf_link("<html><body><p>Документ не опубликован</p></body></html>") is None


def test_draft_links_are_the_bank_entries_only_once_each():
    page = draft_index_page(["2025021015", "2025021102"]).decode()
    page += '<a href="/document/?guid=3941&amp;p0=2025021015">ещё раз</a><a href="/document/?guid=3871&amp;p0=HK9900275">УК</a>'
    assert draft_entries(page) == ["2025021015", "2025021102"]


def test_counters_menus_and_generation_dates_do_not_change_the_content():
    monday = consolidated_page("2022", visits=1520, generated="23.11.2026 06:12")
    tuesday = consolidated_page("2022", visits=1913, generated="24.11.2026 18:40")
    assert monday != tuesday
    assert fingerprint(monday.decode()) == fingerprint(tuesday.decode())
    assert fingerprint(consolidated_page("2020").decode()) != fingerprint(monday.decode())
    text = stable_text(monday.decode())
    assert "Просмотров" not in text and "Дата генерации" not in text and "Главная" not in text
    assert "Отрицание геноцида белорусского народа" in text


def test_the_edition_is_dated_by_its_latest_amendment_but_never_from_the_future():
    assert edition_date(consolidated_page("2022").decode()) == date(2022, 5, 13)
    # "…вступившие в силу 27 октября 2019 г. и 1 февраля 2020 г.": the text speaks for 1 February 2020.
    assert edition_date(consolidated_page("2020").decode()) == date(2020, 2, 1)
    assert edition_date(consolidated_page("2020").decode(), today=date(2019, 12, 31)) == date(2019, 11, 23)
    assert page_title(consolidated_page("2022").decode()) == "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ"


def test_built_in_sources_are_listed_and_a_name_cannot_be_taken_twice():
    assert source_names()[:2] == ["pravo_by", "folder"]
    with pytest.raises(ValueError, match="already registered"):
        register_source("pravo_by", lambda settings, root: FolderSource(settings, root))


class AdiletSource:
    """A portal added as one module: Kazakhstan's adilet.zan.kz, serving a text it already has."""

    name = "adilet_test"
    description = "adilet.zan.kz (test double)"

    def __init__(self, settings: object, root: Path) -> None:
        self.root = root

    def enabled(self) -> bool:
        return True

    def where(self) -> str:
        return "https://adilet.zan.kz"

    def fetch(self, ctx: FetchContext) -> Iterator[Fetched]:
        text = ("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН\n\nСтатья 1. Уголовное законодательство Республики Казахстан\n"
                "1. Уголовное законодательство Республики Казахстан состоит из настоящего Кодекса.\n")
        yield Fetched(url="https://adilet.zan.kz/rus/docs/K1400000226", kind="consolidated", act="K1400000226",
                      data=text.encode(), filename="K1400000226.txt", content_type="text/plain",
                      fingerprint="f" * 64)
        yield Fetched(url="https://adilet.zan.kz/rus/docs/K9700000167", kind="consolidated",
                      error="HTTP 404 Not Found")


def test_a_new_portal_is_one_registered_source_and_runs_like_the_others(tmp_path, monkeypatch):
    from lexwatch.sources import base

    monkeypatch.setattr(base, "_REGISTRY", {})
    register_source("adilet_test", AdiletSource)  # type: ignore[arg-type]
    assert "adilet_test" in source_names()
    ws, _ = Workspace.init(tmp_path / "ws")
    source = create_source("adilet_test", ws.settings, ws.root)
    with ws.open_store() as store:
        report = FetchRun(ws.settings, ws.root, store, today=TODAY).run([source])
        assert [o.status for o in report.outcomes] == ["new", "failed"]
        assert store.list()[0].articles == 1
        again = FetchRun(ws.settings, ws.root, store, today=TODAY).run([source])
    assert [o.status for o in again.outcomes] == ["unchanged", "failed"]
    assert again.counts("adilet_test") == {"new": 0, "changed": 0, "unchanged": 1, "failed": 1}


def _law_pdf(title: str, article: str) -> bytes:
    from lexwatch.ids import ArticleNumber
    from lexwatch.text.model import Article, Document

    return make_pdf(Document(title=title, articles=[Article(ArticleNumber.parse("1"), "Изменения", article)]))


def test_the_folder_source_reads_what_the_user_saved_and_nothing_outside_it(tmp_path):
    inbox = tmp_path / "ws" / "inbox"
    (inbox / "2022").mkdir(parents=True)
    (inbox / "2022" / "H12200165.pdf").write_bytes(_law_pdf(
        "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении кодексов по вопросам уголовной ответственности",
        "Часть 1 статьи 59 Уголовного кодекса Республики Беларусь изложить в новой редакции."))
    (inbox / ".~lock.H12200165.pdf#").write_text("lock")
    (inbox / "notes.odt").write_bytes(b"PK\x03\x04")
    secret = tmp_path / "secret.txt"
    secret.write_text("Статья 1. Не для lexwatch\nТекст.", encoding="utf-8")
    os.symlink(secret, inbox / "link.txt")
    settings = parse_settings('[sources.folder]\npath = "inbox"\n')
    source = FolderSource(settings, tmp_path / "ws")
    assert source.enabled()
    assert [p.name for p in source.files()] == ["H12200165.pdf"]
    ctx = FetchContext(settings, tmp_path / "ws", since=TODAY, today=TODAY)
    [item] = list(source.fetch(ctx))
    assert item.kind == "file" and item.data is not None and item.data.startswith(b"%PDF-")
    assert not FolderSource(parse_settings(""), tmp_path / "ws").enabled()


def test_a_folder_path_that_is_not_text_is_a_config_error(tmp_path):
    from lexwatch.errors import ConfigError

    with pytest.raises(ConfigError, match=r"sources\.folder\.path"):
        FolderSource(parse_settings("[sources.folder]\npath = 42\n"), tmp_path)


def test_documents_are_fetched_two_at_a_time_in_order_without_piling_up(tmp_path):
    import threading
    import time

    ctx = FetchContext(parse_settings(""), tmp_path, since=TODAY, today=TODAY)
    started: list[int] = []
    running: list[int] = []
    most = [0]
    lock = threading.Lock()

    def download(number: int) -> int:
        with lock:
            started.append(number)
            running.append(number)
            most[0] = max(most[0], len(running))
        time.sleep(0.005)
        with lock:
            running.remove(number)
        return number

    consumed = []
    for number in ctx.parallel(download, range(30)):
        time.sleep(0.01)  # parsing and storing are slower than the downloads
        consumed.append(number)
        assert len(started) - len(consumed) <= 4
    assert consumed == list(range(30)) and most[0] == 2


def test_probing_the_draft_bank_walks_each_day_up_to_the_first_missing_entry(tmp_path, portal_site):
    from portal.fixtures import portal_toml
    from portal.server import Reply
    from portal.site import DRAFTS, draft_page

    today = date.today()
    yesterday = today - timedelta(days=1)
    portal = portal_site.portal
    for number, entry in enumerate(DRAFTS, 1):
        portal.set(f"/document/?guid=3941&p0={yesterday:%Y%m%d}{number:02d}", Reply(body=draft_page(entry, DRAFTS[entry])))
    portal.set(f"/document/?guid=3941&p0={today:%Y%m%d}01",
               Reply(body="<html><body><h1>Документ не найден</h1></body></html>".encode()))
    ws, _ = Workspace.init(tmp_path / "ws")
    ws.config_path.write_text(portal_toml(portal.base_url, draft_index_urls=[])
                              + "\n[sources.pravo_by]\nprobe_drafts = true\n", encoding="utf-8")
    with ws.open_store() as store:
        report = FetchRun(ws.settings, ws.root, store, today=today).run(
            [create_source("pravo_by", ws.settings, ws.root)], since=yesterday)
    assert report.with_status("failed") == []
    drafts = [o for o in report.outcomes if o.kind == "draft"]
    assert [(o.act, o.status) for o in drafts] == [(f"{yesterday:%Y%m%d}01", "new"), (f"{yesterday:%Y%m%d}02", "new")]
    assert drafts[0].title.startswith("ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении Уголовного кодекса")
    probed = [r.query["p0"] for r in portal.requests if r.query.get("guid") == "3941"]
    assert probed == [f"{yesterday:%Y%m%d}01", f"{yesterday:%Y%m%d}02", f"{yesterday:%Y%m%d}03", f"{today:%Y%m%d}01"]


def test_pravo_by_settings_are_checked(tmp_path):
    from lexwatch.errors import ConfigError

    with pytest.raises(ConfigError, match=r"sources\.pravo_by\.probe_drafts"):
        create_source("pravo_by", parse_settings('[sources.pravo_by]\nprobe_drafts = "yes"\n'), tmp_path)
    with pytest.raises(ConfigError, match=r"sources\.pravo_by\.listing"):
        create_source("pravo_by", parse_settings("[sources.pravo_by]\nlisting = false\n"), tmp_path)
    assert not create_source("pravo_by", parse_settings("[sources.pravo_by]\nenabled = false\n"), tmp_path).enabled()
    with pytest.raises(ConfigError, match=r"not a register number: 'УК РБ'.*watch\.acts"):
        create_source("pravo_by", parse_settings('[watch]\nacts = ["УК РБ"]\n'), tmp_path)


def test_the_source_parses_each_page_it_fetches_once(tmp_path, portal_site, monkeypatch):
    # A page was parsed for each thing read from it: a consolidated text four times (is it a legal text,
    # its title, its edition date, its fingerprint), a draft three times, a card twice; a 10 MB page of
    # "<p>" took ~15 s. Each page is now one tree, read for all of them; what is read is unchanged.
    from collections import Counter

    import selectolax.lexbor
    from portal.fixtures import portal_toml

    real = selectolax.lexbor.LexborHTMLParser
    parsed: Counter[str] = Counter()

    def counting(html: str) -> object:
        parsed[html] += 1
        return real(html)

    monkeypatch.setattr(selectolax.lexbor, "LexborHTMLParser", counting)
    today = date.today()
    settings = parse_settings(portal_toml(portal_site.portal.base_url))
    ctx = FetchContext(settings, tmp_path, since=today - timedelta(days=7), today=today)
    try:
        fetched = list(create_source("pravo_by", settings, tmp_path).fetch(ctx))
    finally:
        ctx.close()
    assert [f.error for f in fetched if f.failed] == []
    pages = [f for f in fetched if f.text is not None]
    assert sorted(f.kind for f in pages) == ["card"] * 3 + ["consolidated"] + ["draft"] * 2
    # every page read once: the texts above, the listing and the draft index
    assert sorted(parsed.values()) == [1] * (len(pages) + 2)
    assert {f.text for f in pages} < set(parsed)
    [code] = [f for f in pages if f.kind == "consolidated"]
    assert code.title == "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ" and code.edition_date == date(2020, 2, 1)
    assert code.fingerprint == fingerprint(consolidated_page("2020").decode())


def test_a_card_without_articles_is_extracted_once_and_kept_as_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # A card has no articles: it was extracted, parsed, found empty and extracted again for its text.
    import lexwatch.text.load as load
    from lexwatch.sources.runner import parse_fetched

    publication = week_of_publications(date(2022, 5, 16))[0]
    page = card_page(publication).decode()
    calls: list[str] = []
    real = load.extract

    def counted(data: bytes, name: str, content_type: str | None = None) -> object:
        calls.append(name)
        return real(data, name, content_type)

    monkeypatch.setattr(load, "extract", counted)
    item = Fetched(url="https://pravo.by/x", kind="card", data=page.encode(), text=page, filename="x.card.html",
                   content_type="text/html")
    document, note = parse_fetched(item)
    assert calls == ["x.card.html"] and note is None and not document.articles
    assert publication.name in document.preamble and "Опубликован на Национальном правовом" in document.preamble
