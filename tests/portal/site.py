"""The portal's pages in its real markup (PORTAL.md), made from realistic documents.

The Criminal Code's consolidated text in two editions (the bundled 2020 and 2022 excerpts) wrapped
in the site's menus, view counter and generation date; a week of new publications (laws, a code,
a decree and a government resolution) with their cards and PDFs; a page of draft laws.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from builders import make_pdf, render_portal_html

import lexwatch
from lexwatch.ids import ArticleNumber
from lexwatch.text.model import Article, Document
from portal.server import FixturePortal, Reply

SAMPLES = Path(lexwatch.__file__).resolve().parent / "data" / "samples"
EDITIONS = {"2020": SAMPLES / "uk_excerpt_2020.html", "2022": SAMPLES / "uk_excerpt.html"}
CRIMINAL_CODE = "HK9900275"
CONSOLIDATED = f"/document/?guid=3871&p0={CRIMINAL_CODE}"
LISTING = "/ofitsialnoe-opublikovanie/novye-postupleniya/"
DRAFT_INDEX = "/pravovaya-informatsiya/proekty-zakonov/"
MINSK = timezone(timedelta(hours=3))

MENU = ('<header class="l-header"><nav class="main-menu"><ul><li><a href="/">Главная</a></li>'
        '<li><a href="/ofitsialnoe-opublikovanie/">Официальное опубликование</a></li>'
        '<li><a href="/natsionalnyy-reestr/">Национальный реестр</a></li></ul></nav>'
        '<div class="breadcrumbs"><a href="/">Главная</a> / Поиск документов</div></header>\n')
FOOTER = ('<footer class="l-footer"><p>© Национальный центр правовой информации Республики Беларусь, {year}</p>'
          '<script>var _counter = {visits};</script></footer>\n')


def chrome(page: str, *, visits: int = 1520, generated: str = "25.11.2026 06:12") -> str:
    """Put a content page inside the site: menu, breadcrumbs, a view counter, the generation time."""
    info = (f'<div class="document-info"><span class="views-counter">Просмотров: {visits}</span> '
            f'<span class="print-date">Дата генерации: {generated}</span></div>\n')
    page = page.replace('<main class="l-main">', MENU + '<main class="l-main">', 1)
    page = page.replace('<div class="Section1">', info + '<div class="Section1">', 1)
    return page.replace("</body>", FOOTER.format(year=generated[6:10], visits=visits) + "</body>", 1)


def consolidated_page(edition: str, *, visits: int = 1520, generated: str = "25.11.2026 06:12") -> bytes:
    return chrome(EDITIONS[edition].read_text(encoding="utf-8"), visits=visits, generated=generated).encode()


def _law(title: str, articles: list[tuple[str, str, str]]) -> Document:
    return Document(title=title, articles=[Article(ArticleNumber.parse(n), t, text) for n, t, text in articles])


@dataclass
class Publication:
    regnum: str
    number: str                 # number of the publication on the portal, e.g. 2/2912
    published: date
    heading: str                # "Закон Республики Беларусь от 13 мая 2022 г. № 165-З"
    name: str                   # "Об изменении кодексов по вопросам уголовной ответственности"
    document: Document

    @property
    def title(self) -> str:
        return f"{self.heading} «{self.name}»"

    @property
    def card_path(self) -> str:
        return f"/document/?guid=12551&p0={self.regnum}"

    @property
    def pdf_path(self) -> str:
        midnight = int(datetime(self.published.year, self.published.month, self.published.day,
                                tzinfo=MINSK).timestamp())
        return f"/upload/docs/op/{self.regnum}_{midnight}.pdf"


def week_of_publications(today: date) -> list[Publication]:
    """Acts published in the last days: two laws and a code (kept), a decree and a resolution (not)."""
    return [
        Publication("H12200165", "2/2912", today - timedelta(days=2),
                    "Закон Республики Беларусь от 13 мая 2022 г. № 165-З",
                    "Об изменении кодексов по вопросам уголовной ответственности",
                    _law("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении кодексов по вопросам уголовной ответственности", [
                        ("1", "Изменения в Уголовный кодекс Республики Беларусь",
                         "Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:\n"
                         "1) часть 1 статьи 59 изложить в следующей редакции:\n"
                         "«1. Смертная казнь – расстрел – может назначаться за особо тяжкие преступления, сопряженные с "
                         "умышленным лишением жизни человека при отягчающих обстоятельствах, а также за покушение на "
                         "такие преступления.»;\n"
                         "2) в части 4 статьи 67 слова «за приготовление к преступлению и покушение на преступление» "
                         "заменить словами «за приготовление к преступлению»."),
                        ("2", "Вступление в силу настоящего Закона",
                         "Настоящий Закон вступает в силу через десять дней после его официального опубликования."),
                    ])),
        Publication("H12200146", "2/2877", today - timedelta(days=3),
                    "Закон Республики Беларусь от 5 января 2022 г. № 146-З",
                    "О геноциде белорусского народа",
                    _law("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ О геноциде белорусского народа", [
                        ("1", "Цель настоящего Закона",
                         "Целью настоящего Закона является сохранение исторической памяти о геноциде белорусского "
                         "народа, недопущение реабилитации нацизма."),
                        ("2", "Изменение Уголовного кодекса Республики Беларусь",
                         "Дополнить Уголовный кодекс Республики Беларусь статьей 130² следующего содержания:\n"
                         "«Статья 130². Отрицание геноцида белорусского народа»."),
                    ])),
        Publication("HK2200200", "2/2880", today - timedelta(days=4),
                    "Кодекс Республики Беларусь от 8 января 2022 г. № 200-З",
                    "Процессуально-исполнительный кодекс Республики Беларусь об административных правонарушениях",
                    _law("ПРОЦЕССУАЛЬНО-ИСПОЛНИТЕЛЬНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ ОБ АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ", [
                        ("1", "Задачи настоящего Кодекса",
                         "Задачами настоящего Кодекса являются обеспечение своевременного, всестороннего, полного и "
                         "объективного рассмотрения дел об административных правонарушениях."),
                    ])),
        Publication("P32200015", "1/20110", today - timedelta(days=2),
                    "Указ Президента Республики Беларусь от 14 января 2022 г. № 15",
                    "О мерах по совершенствованию работы с обращениями граждан",
                    _law("УКАЗ ПРЕЗИДЕНТА РЕСПУБЛИКИ БЕЛАРУСЬ", [
                        ("1", "", "Установить, что обращения граждан рассматриваются в сроки, установленные законом."),
                    ])),
        Publication("C22200031", "5/49832", today - timedelta(days=1),
                    "Постановление Совета Министров Республики Беларусь от 17 января 2022 г. № 31",
                    "Об утверждении положения о порядке ведения реестра",
                    _law("ПОСТАНОВЛЕНИЕ СОВЕТА МИНИСТРОВ РЕСПУБЛИКИ БЕЛАРУСЬ", [
                        ("1", "", "Утвердить прилагаемое Положение о порядке ведения реестра."),
                    ])),
    ]


DRAFTS = {
    "2025021015": _law("ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении Уголовного кодекса Республики Беларусь", [
        ("1", "Изменения в Уголовный кодекс",
         "Внести в Уголовный кодекс Республики Беларусь следующие изменения:\n"
         "1) статью 130¹ дополнить частью 3 следующего содержания:\n"
         "«3. Действия, предусмотренные частью 2 настоящей статьи, совершенные повторно, – наказываются "
         "лишением свободы на срок от пяти до десяти лет.»"),
        ("2", "Вступление в силу", "Настоящий Закон вступает в силу через шесть месяцев после его официального опубликования."),
    ]),
    "2025021102": _law("ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении законов по вопросам противодействия экстремизму", [
        ("1", "Изменения в Уголовный кодекс",
         "Часть 1 статьи 361¹ изложить в следующей редакции:\n"
         "«1. Создание экстремистского формирования – наказывается лишением свободы на срок от шести до десяти лет.»"),
    ]),
}


def busy_bank(count: int, until: date) -> dict[str, Document]:
    """`count` draft laws entered on the days up to `until` (90 an entry day at most), each amending
    another article of the Code: an index page naming more drafts than one run looks at."""
    drafts = {}
    for n in range(count):
        entry = f"{until - timedelta(days=n // 90):%Y%m%d}{n % 90 + 1:02d}"
        article = 100 + n
        drafts[entry] = _law(f"ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении статьи {article} Уголовного кодекса", [
            ("1", "Изменение Уголовного кодекса",
             f"Часть 1 статьи {article} Уголовного кодекса Республики Беларусь после слов «наказывается штрафом»"
             " дополнить словами «или арестом»."),
        ])
    return drafts


def extremism_law(published: date) -> Publication:
    """A law the listing names after the week's others: its PDF may be late on the portal."""
    return Publication("H12300289", "2/3014", published, "Закон Республики Беларусь от 17 июля 2023 г. № 289-З",
                       "Об изменении законов по вопросам противодействия экстремизму",
                       _law("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении законов по вопросам противодействия экстремизму", [
                           ("1", "Изменения в Уголовный кодекс Республики Беларусь",
                            "Внести в Уголовный кодекс Республики Беларусь следующие изменения:\n"
                            "1) часть 1 статьи 361¹ изложить в следующей редакции:\n"
                            "«1. Создание экстремистского формирования – наказывается лишением свободы на срок от "
                            "шести до десяти лет.»."),
                           ("2", "Вступление в силу настоящего Закона",
                            "Настоящий Закон вступает в силу после его официального опубликования."),
                       ]))


def listing_page(entries: list[Publication]) -> bytes:
    rows = []
    for p in entries:
        rows.append(f"<dt>{p.number}<br/>({p.published:%d.%m.%Y})</dt>\n<dd><p><a href=\"{html.escape(p.card_path)}\">"
                    f"{html.escape(p.title)}</a></p></dd>")
    body = "\n".join(rows)
    return chrome(
        '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"/><title>Новые поступления</title></head><body>\n'
        '<main class="l-main"><div class="usercontent"><h1>Новые поступления</h1>\n'
        f"<dl>\n{body}\n</dl></div></main>\n</body></html>\n").encode()


def card_page(p: Publication, *, pdf_as_embed: bool = False) -> bytes:
    link = (f'<embed data="{html.escape(p.pdf_path)}" type="application/pdf"/>' if pdf_as_embed else
            f'<a class="link-pdf" href="{html.escape(p.pdf_path)}">Официальное опубликование (PDF)</a>')
    return chrome(
        f'<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"/><title>{html.escape(p.heading)}</title></head>'
        '<body>\n<main class="l-main"><div class="usercontent" id="userContent">\n'
        f"<h1>{html.escape(p.heading)}</h1>\n<p class=\"name\">{html.escape(p.name)}</p>\n"
        f"<p>Опубликован на Национальном правовом Интернет-портале Республики Беларусь {p.published:%d.%m.%Y},"
        f" {p.number}</p>\n{link}\n</div></main>\n</body></html>\n").encode()


def draft_page(entry: str, doc: Document) -> bytes:
    page = render_portal_html(doc, regnum=None, toc=False, date_line="")
    page = page.replace('<div class="Section1">', '<h1>Проекты законов (текст)</h1>\n<div class="Section1">', 1)
    return chrome(page).encode()


def draft_index_page(entries: list[str], drafts: dict[str, Document] = DRAFTS) -> bytes:
    return index_page([(f"/document/?guid=3941&p0={e}", drafts[e].title.title()) for e in entries])


def index_page(links: list[tuple[str, str]]) -> bytes:
    """A draft index linking each (href, title) as given: a test's bent links too."""
    items = "\n".join(f'<li><a href="{html.escape(href)}">{html.escape(title)}</a></li>' for href, title in links)
    return chrome('<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"/><title>Проекты законов</title>'
                  '</head><body>\n<main class="l-main"><div class="usercontent"><h1>Проекты законов</h1>\n'
                  f"<ul>\n{items}\n</ul></div></main>\n</body></html>\n").encode()


@dataclass
class PortalSite:
    """The realistic content of the fixture portal; tests change it between runs."""

    portal: FixturePortal
    today: date = field(default_factory=date.today)
    edition: str = "2020"
    visits: int = 1520
    publications: list[Publication] = field(default_factory=list)
    drafts: list[str] = field(default_factory=lambda: list(DRAFTS))
    draft_texts: dict[str, Document] = field(default_factory=lambda: dict(DRAFTS))
    pdfs: dict[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.publications:
            self.publications = week_of_publications(self.today)
        self.install()

    def pdf(self, p: Publication) -> bytes:
        if p.regnum not in self.pdfs:
            self.pdfs[p.regnum] = make_pdf(p.document, running_head=p.heading)
        return self.pdfs[p.regnum]

    def install(self) -> None:
        portal = self.portal
        portal.set(CONSOLIDATED, Reply(body=consolidated_page(self.edition, visits=self.visits)))
        portal.set_prefix(LISTING, self._listing)
        for p in self.publications:
            portal.set(p.card_path, Reply(body=card_page(p)))
            portal.set(p.pdf_path, Reply(body=self.pdf(p), content_type="application/pdf"))
        portal.set(DRAFT_INDEX, Reply(body=draft_index_page(self.drafts, self.draft_texts)))
        for entry in self.drafts:
            portal.set(f"/document/?guid=3941&p0={entry}", Reply(body=draft_page(entry, self.draft_texts[entry])))

    def _listing(self, query: dict[str, str]) -> Reply:
        """The listing answers for the dates asked (p0..p1, DD.MM.YYYY), as the real one does."""
        def day(value: str) -> date:
            d, m, y = value.split(".")
            return date(int(y), int(m), int(d))

        start = day(query["p0"]) if "p0" in query else self.today - timedelta(days=30)
        end = day(query["p1"]) if "p1" in query else self.today
        return Reply(body=listing_page([p for p in self.publications if start <= p.published <= end]))

    def revisit(self, *, generated: str = "26.11.2026 09:41") -> None:
        """The same text served again, with another view count and generation time."""
        self.visits += 37
        self.portal.set(CONSOLIDATED, Reply(body=consolidated_page(self.edition, visits=self.visits,
                                                                  generated=generated)))

    def amend(self, edition: str = "2022") -> None:
        """The portal publishes a new consolidated edition of the Criminal Code."""
        self.edition = edition
        self.portal.set(CONSOLIDATED, Reply(body=consolidated_page(edition, visits=self.visits)))
