"""The National Legal Portal (pravo.by): its URLs and markup (PORTAL.md), kept here and nowhere else.

Per run: the consolidated text of each watched act, the new-publications listing since the last
good run with each kept act's card and PDF, and every draft-law bank entry linked from the
configured index pages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, overload
from urllib.parse import parse_qs, urlsplit

from lexwatch.chars import BIDI_CONTROLS
from lexwatch.config import Settings
from lexwatch.errors import LexwatchError, TruncatedResponseError, UnexpectedPageError, UsageError
from lexwatch.fsutil import safe_name
from lexwatch.ids import normalize_regnum
from lexwatch.sources.base import FetchContext, Fetched, Item, failure, source_table
from lexwatch.text.extract_html import cut_short, unparsable

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

    from lexwatch.sources.http import HttpResult, PortalClient

    # A page as fetched, or its tree: the source parses each page once and reads every field from the
    # tree (a consolidated text was parsed four times: legal text?, title, date, fingerprint).
    Markup = str | LexborHTMLParser

NAME = "pravo_by"

# -- URLs (PORTAL.md, "URL patterns") --------------------------------------------------------------

CONSOLIDATED_PATH = "/document/?guid=3871&p0={regnum}"
CARD_PATH = "/document/?guid=12551&p0={regnum}"
DRAFT_PATH = "/document/?guid=3941&p0={entry}"
LISTING_PATH = "/ofitsialnoe-opublikovanie/novye-postupleniya/?p0={since}&p1={until}"

# -- Selectors (PORTAL.md, "Listing pages" and "Text markup") ----------------------------------------

SELECTORS = {
    "text": "div.Section1",
    "article": "p.article",
    "title": "p.titlek",
    "changes": "p.changeadd",
    "content": "div.usercontent",
    "listing": "div.usercontent dl",
    "pdf_link": "a.link-pdf",
    "pdf_embed": "embed[data], object[data]",
}
# Parts of a page that change without the document changing: menus, counters, banners, scripts.
VOLATILE_SELECTORS = ("script, style, noscript, nav, header, footer, form, iframe, aside, "
                      "[class*=menu], [class*=breadcrumb], [class*=counter], [id*=counter], [class*=views], "
                      "[class*=share], [class*=banner], [class*=generated], [class*=print-date]")
VOLATILE_PATTERNS = re.compile(
    r"(?:Дата|Время)\s+(?:генерации|формирования|печати)[^\n]*|"
    r"(?:Просмотров|Просмотры|Количество просмотров)\s*:?\s*\d+|"
    r"\b\d{2}\.\d{2}\.\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\b", re.IGNORECASE)
DRAFT_HEADING = "Проекты законов"
# ASCII digits, the whole value: "\d" takes "２" or "٢", and "$" a value ending in a line break ("%0A"),
# which was stored as the draft's act and printed as a line of its own.
_DRAFT_ENTRY = re.compile(r"[0-9]{10}")
_MONTHS = {name: n for n, name in enumerate(
    ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
     "ноября", "декабря"), 1)}
_WORD_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b")
_DOT_DATE = re.compile(r"\b(\d{2})\.(\d{2})\.(\d{4})\b")


@dataclass(frozen=True)
class ListingEntry:
    """One act of the new-publications list: `2/2912 (18.05.2022)` and a link to its card."""

    regnum: str
    published: date | None
    number: str
    title: str
    card_href: str

    def item(self) -> Item:
        """The entry as an item a later run can fetch again without the listing that named it."""
        return Item(f"publication {self.regnum}", {
            "regnum": self.regnum, "published": self.published.isoformat() if self.published else "",
            "number": self.number, "title": self.title, "card_href": self.card_href})

    @classmethod
    def from_item(cls, item: Item) -> ListingEntry:
        r = item.recipe
        return cls(r["regnum"], date.fromisoformat(r["published"]) if r["published"] else None, r["number"],
                   r["title"], r["card_href"])


def _draft_item(entry: str) -> Item:
    return Item(f"draft {entry}", {"entry": entry})


def _probe_item(day: date, number: int) -> Item:
    """A day of the draft-law bank, to be probed from entry `number` on."""
    return Item(f"probe {day:%Y%m%d}", {"day": day.isoformat(), "from": str(number)})


# -- Pure functions over markup -------------------------------------------------------------------


# Tags a page of the portal may hold ("<" counted, an upper bound). The real markup has one in ~130
# bytes (the Criminal Procedure Code's page: 1 993 in 255 KB), so a page at the 10 MB cap ~80 000; a
# page of bare "<p>" has 3.3 million, and every paragraph of the page is Python work once parsed (the
# runner's extraction: seconds a million). Over 20 bytes a tag in 10 MB is still read.
MAX_TAGS = 500_000


def _tree(page: Markup) -> LexborHTMLParser:
    """The page parsed (a tree is given back as it is): the one parse of each page the source reads."""
    if not isinstance(page, str):
        return page
    from selectolax.lexbor import LexborHTMLParser

    if page.count("<") > MAX_TAGS:
        raise UnexpectedPageError(f"the page holds more than {MAX_TAGS} tags (a real page at the size cap"
                                  " has ~80 000): not a page of the portal, not read")
    # lexbor's parse time grows with the square of the nesting depth: a 10 MB page of unclosed <div>
    # from a hostile or impersonated portal would hold the run for hours before any text is read.
    refused = unparsable(page)
    if refused:
        raise UnexpectedPageError(f"the page has {refused}: not a page of the portal, not read")
    return LexborHTMLParser(page)


# C0 and C1 control characters (ESC above all): a title printed to a terminal must not drive it. The
# bidi controls, which would show its words in another order in every draft that names the act, are
# dropped, not spaced: one inside a word ("Бела\u200eрусь") leaves it whole, as the stored text has it.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_NO_BIDI = dict.fromkeys(BIDI_CONTROLS)


def _text(node: object) -> str:
    text = str(node.text(deep=True, separator=" "))  # type: ignore[attr-defined]
    return " ".join(_CONTROLS.sub(" ", text.translate(_NO_BIDI)).split())


def _query(href: str) -> dict[str, str]:
    """A link's query parameters; none for a link urlsplit cannot read ("http://[::1/…")."""
    try:
        query = urlsplit(href).query
    except ValueError:
        return {}
    return {k.lower(): v[0] for k, v in parse_qs(query).items() if v}


def _parse_date(text: str) -> date | None:
    m = _DOT_DATE.search(text)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return None


def is_legal_text_page(page: Markup) -> bool:
    tree = _tree(page)
    return tree.css_first(SELECTORS["text"]) is not None or tree.css_first(SELECTORS["article"]) is not None


def page_title(page: Markup) -> str:
    tree = _tree(page)
    for selector in (SELECTORS["title"], "h1", "title"):
        node = tree.css_first(selector)
        if node is not None and _text(node):
            return _text(node)
    return ""


def stable_text(page: Markup) -> str:
    """The page's document text without what changes on every visit (menus, counters, dates of
    generation): two fetches of an unchanged document give the same string. The volatile parts are
    taken out of a tree it is given: the last thing read from it."""
    tree = _tree(page)
    root = tree.css_first(SELECTORS["text"]) or tree.css_first(SELECTORS["content"]) or tree.body
    if root is None:
        return ""
    for node in root.css(VOLATILE_SELECTORS):
        node.decompose()
    text = root.text(deep=True, separator="\n")
    lines = (" ".join(VOLATILE_PATTERNS.sub(" ", line).split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def fingerprint(page: Markup) -> str:
    """sha256 of `stable_text` (which takes the volatile parts out of a tree it is given)."""
    return hashlib.sha256(stable_text(page).encode()).hexdigest()


def edition_date(page: Markup, today: date | None = None) -> date | None:
    """The latest date in the "Изменения и дополнения" list (an amending act's date or the day its
    changes took effect), leaving out days still to come: the day this text speaks for."""
    limit = today or date.today()
    latest: date | None = None
    for node in _tree(page).css(SELECTORS["changes"]):
        text = _text(node)
        found = []
        for y, m, d in [(y, _MONTHS[m], d) for d, m, y in _WORD_DATE.findall(text)] + \
                [(y, int(m), d) for d, m, y in _DOT_DATE.findall(text)]:
            try:
                found.append(date(int(y), m, int(d)))
            except ValueError:
                continue
        for day in found:
            if day <= limit and (latest is None or day > latest):
                latest = day
    return latest


def parse_listing(html: str) -> list[ListingEntry]:
    """Entries of the new-publications page: each <dt> (number, date) and the <dd>s after it."""
    tree = _tree(html)
    if tree.css_first(SELECTORS["content"]) is None:
        raise UnexpectedPageError("the new-publications page has no div.usercontent: not the listing")
    entries: list[ListingEntry] = []
    for dl in tree.css(SELECTORS["listing"]):
        number, published = "", None
        node = dl.child
        while node is not None:
            if node.tag == "dt":
                label = _text(node)
                number = label.split("(")[0].strip()
                published = _parse_date(label)
            elif node.tag == "dd":
                for link in node.css("a[href]"):
                    href = link.attributes.get("href") or ""
                    p0 = _query(href).get("p0", "")
                    try:
                        regnum = normalize_regnum(p0)
                    except UsageError:
                        continue
                    if not regnum.isascii():  # "H1２２００１６５": its digits are no register number's
                        continue
                    entries.append(ListingEntry(regnum, published, number, _text(link), href))
            node = node.next
    return entries


def pdf_link(page: Markup) -> str | None:
    """The PDF a publication card links: `a.link-pdf`, else an `<embed data=...>`."""
    tree = _tree(page)
    link = tree.css_first(SELECTORS["pdf_link"])
    if link is not None and link.attributes.get("href"):
        return str(link.attributes["href"])
    embed = tree.css_first(SELECTORS["pdf_embed"])
    if embed is not None and embed.attributes.get("data"):
        return str(embed.attributes["data"])
    return None


def draft_entries(html: str) -> list[str]:
    """Draft-law bank entries (`guid=3941&p0=YYYYMMDDNN`) linked from a page, in page order."""
    seen: dict[str, None] = {}
    for link in _tree(html).css("a[href]"):
        query = _query(link.attributes.get("href") or "")
        entry = query.get("p0", "")
        if query.get("guid") == "3941" and _DRAFT_ENTRY.fullmatch(entry):
            seen.setdefault(entry, None)
    return list(seen)


def draft_date(entry: str) -> date | None:
    try:
        return date(int(entry[:4]), int(entry[4:6]), int(entry[6:8]))
    except ValueError:
        return None


# -- The source -----------------------------------------------------------------------------------


class PravoBySource:
    name = NAME
    description = "National Legal Portal of Belarus: consolidated texts, new publications, draft laws"

    def __init__(self, settings: Settings, root: Path) -> None:
        self.settings = settings
        self.portal = settings.portal
        self.table = source_table(settings, NAME)
        for key in ("enabled", "probe_drafts"):
            if not isinstance(self.table.get(key, False), bool):
                raise settings.error("must be true or false", f"sources.{NAME}.{key}")
        unknown = set(self.table) - {"enabled", "probe_drafts"}
        if unknown:
            raise settings.error("unknown setting", f"sources.{NAME}.{sorted(unknown)[0]}")
        # The draft-law bank has no listing: optionally probe each day's entries 01, 02, ... (PORTAL.md).
        self.probe_drafts = bool(self.table.get("probe_drafts", False))
        try:
            self.acts = [normalize_regnum(act) for act in settings.watch.acts]
        except UsageError as exc:
            raise settings.error(str(exc), "watch.acts") from None

    def enabled(self) -> bool:
        return bool(self.table.get("enabled", True))

    def where(self) -> str:
        from lexwatch.sources.http import redact

        return redact(self.portal.base_url)

    def fetch(self, ctx: FetchContext) -> Iterator[Fetched]:
        client = ctx.client()
        ctx.status(f"{NAME}: consolidated texts of {len(self.acts)} act{'s' if len(self.acts) != 1 else ''}")
        yield from ctx.parallel(lambda act: self._consolidated(client, act), self.acts)
        yield from self._again(ctx, client)
        yield from self._publications(ctx, client)
        yield from self._drafts(ctx, client)

    def _again(self, ctx: FetchContext, client: PortalClient) -> Iterator[Fetched]:
        """The publications and drafts earlier runs could not fetch, or left over their cap, each by
        itself: the listing of their day is not read again. (Probed days: with the draft index.) A
        publication of a kind no longer in publication_kinds is not looked at: the user took it out,
        and the run forgets it as looked at."""
        items = [i for i in ctx.again if i.key.startswith("draft ")
                 or (i.key.startswith("publication ") and self._kept(ListingEntry.from_item(i)))]
        if not items:
            return
        ctx.status(f"{NAME}: {len(items)} publications and drafts from earlier runs")

        def look(item: Item) -> list[Fetched]:
            if item.key.startswith("publication "):
                return self._publication(client, ListingEntry.from_item(item))
            return [self._draft(client, item.recipe["entry"], item=item)]

        for fetched in ctx.parallel(look, items):
            yield from fetched

    # -- consolidated texts --

    def _consolidated(self, client: PortalClient, regnum: str) -> Fetched:
        url = client.url(CONSOLIDATED_PATH.format(regnum=regnum))
        try:
            result = client.get(url)
            if result.not_modified:
                return Fetched(url=url, kind="consolidated", act=regnum, every_run=True)
            html = result.text or ""
            tree = _tree(html)
            if not is_legal_text_page(tree):
                raise UnexpectedPageError(f"{url}: no legal text (div.Section1) on the page; the portal may"
                                          " have served an error page")
            if cut_short(html):
                raise TruncatedResponseError(f"{url}: the page breaks off before its end (no </html>);"
                                             " not stored, looked at again next run")
            return self._page(result, tree, "consolidated", regnum, page_title(tree), edition_date(tree),
                              f"{regnum}.html", every_run=True)
        except LexwatchError as exc:
            return failure(url, "consolidated", exc, act=regnum, every_run=True)

    @staticmethod
    def _page(result: HttpResult, tree: LexborHTMLParser, kind: str, act: str | None, title: str,
              when: date | None, filename: str, *, every_run: bool = False, item: Item | None = None) -> Fetched:
        """The fetched page, fingerprinted from its `tree`: the last read of it (see `stable_text`)."""
        return Fetched(url=result.url, kind=kind, act=act, title=title, edition_date=when, data=result.content,
                       filename=safe_name(filename, "page.html"), content_type="text/html", text=result.text or "",
                       fingerprint=fingerprint(tree), validators=result.validators, meta=result.evidence(),
                       every_run=every_run, item=item)

    # -- new publications --

    def _publications(self, ctx: FetchContext, client: PortalClient) -> Iterator[Fetched]:
        since, until = ctx.since, ctx.today
        path = LISTING_PATH.format(since=since.strftime("%d.%m.%Y"), until=until.strftime("%d.%m.%Y"))
        try:
            url = client.url(path)
            listing = client.get(url, conditional=False)
            entries = parse_listing(listing.text or "")
        except LexwatchError as exc:
            yield failure(client.base_url + path, "listing", f"new publications {since}..{until}: {exc}")
            return
        kept = list({e.regnum: e for e in entries if self._kept(e)}.values())
        kinds = ", ".join(k.upper() for k in self.portal.publication_kinds)
        ctx.status(f"{NAME}: {len(kept)} of {len(entries)} new publications kept ({kinds})")
        taken = ctx.ration(e.item() for e in kept)
        for fetched in ctx.parallel(lambda i: self._publication(client, ListingEntry.from_item(i)), taken):
            yield from fetched
        ctx.reached = until

    def _kept(self, entry: ListingEntry) -> bool:
        """Whether the entry is of a kind [portal] publication_kinds keeps (laws, codes...)."""
        return entry.regnum.startswith(tuple(k.upper() for k in self.portal.publication_kinds))

    def _publication(self, client: PortalClient, entry: ListingEntry) -> list[Fetched]:
        """The entry's card, then the PDF it links, each tagged with the entry's item."""
        item = entry.item()
        try:
            card_url = client.url(entry.card_href if "guid=12551" in entry.card_href
                                  else CARD_PATH.format(regnum=entry.regnum))
        except LexwatchError as exc:
            return [failure(entry.card_href, "card", exc, act=entry.regnum, title=entry.title, item=item)]
        try:
            # Never conditional: a 304 would hide the PDF link, and a PDF that failed last time must be
            # tried again. An unchanged card is recognised by its fingerprint instead.
            result = client.get(card_url, conditional=False)
            tree = _tree(result.text or "")
            href = pdf_link(tree)
            if href is None:
                raise UnexpectedPageError(f"{card_url}: the publication card links no PDF (a.link-pdf)")
            card = self._page(result, tree, "card", entry.regnum, entry.title or page_title(tree), entry.published,
                              f"{entry.regnum}.card.html", item=item)
        except LexwatchError as exc:
            return [failure(card_url, "card", exc, act=entry.regnum, title=entry.title, item=item)]
        pdf_url = href
        try:
            pdf_url = client.url(href)
            pdf = client.get(pdf_url, kind="pdf")
        except LexwatchError as exc:
            return [card, failure(pdf_url, "publication", exc, act=entry.regnum, title=entry.title, item=item)]
        if pdf.not_modified:
            return [card, Fetched(url=pdf_url, kind="publication", act=entry.regnum, title=entry.title, item=item)]
        return [card, Fetched(
            url=pdf_url, kind="publication", act=entry.regnum, title=entry.title, edition_date=entry.published,
            data=pdf.content, filename=safe_name(f"{entry.regnum}.pdf"), content_type="application/pdf",
            fingerprint=hashlib.sha256(pdf.content).hexdigest(), validators=pdf.validators,
            meta={**pdf.evidence(), "card": card_url, "publication_number": entry.number}, item=item)]

    # -- draft-law bank --

    def _drafts(self, ctx: FetchContext, client: PortalClient) -> Iterator[Fetched]:
        entries: dict[str, None] = {}
        for index in self.portal.draft_index_urls:
            url = index
            try:
                url = client.url(index)  # a path relative to base_url reported as the address it is
                page = client.get(url, conditional=False)
                found = draft_entries(page.text or "")
            except LexwatchError as exc:
                yield failure(url, "draft-index", exc, every_run=True)
                continue
            for entry in found:
                entries.setdefault(entry, None)
        if entries:
            ctx.status(f"{NAME}: {len(entries)} draft laws linked")
        taken = ctx.ration(_draft_item(entry) for entry in entries)
        yield from ctx.parallel(lambda item: self._draft(client, item.recipe["entry"]), taken)
        for item in ctx.again:  # days probed by an earlier run that could not finish them (unless turned off)
            if item.key.startswith("probe ") and self.probe_drafts:
                yield from self._probe_day(ctx, client, date.fromisoformat(item.recipe["day"]),
                                           int(item.recipe["from"]), set(entries), again=True)
        if self.probe_drafts:
            yield from self._probe(ctx, client, set(entries))

    def _probe(self, ctx: FetchContext, client: PortalClient, known: set[str]) -> Iterator[Fetched]:
        """Each day of the window not remembered from an earlier run (that one is probed above)."""
        day = ctx.since
        while day <= ctx.today:
            if _probe_item(day, 1).key not in ctx.remembered:
                ctx.status(f"{NAME}: probing the draft-law bank for {day:%d.%m.%Y}")
                yield from self._probe_day(ctx, client, day, 1, known)
            day += timedelta(days=1)

    def _probe_day(self, ctx: FetchContext, client: PortalClient, day: date, first: int, known: set[str], *,
                   again: bool = False) -> Iterator[Fetched]:
        """Entries YYYYMMDD`first`, the next, ... up to the first that does not exist. A miss ends the
        day; it is never an error of the run. A failure, or the run's cap, leaves the day from that
        entry on to the next runs (`again`: a remembered day, whose first probe the cap counted)."""
        for number in range(first, 100):
            item = _probe_item(day, number)
            if not (again and number == first) and not ctx.take(item):
                return
            entry = f"{day:%Y%m%d}{number:02d}"
            found = self._draft(client, entry, probing=True, item=item)
            if found is None:
                return
            if entry not in known:
                yield found
            if found.failed:  # the portal is not answering: the rest of the day stays unknown
                return

    @overload
    def _draft(self, client: PortalClient, entry: str, *, item: Item | None = None) -> Fetched: ...

    @overload
    def _draft(self, client: PortalClient, entry: str, probing: bool, item: Item | None = None) -> Fetched | None: ...

    def _draft(self, client: PortalClient, entry: str, probing: bool = False,
               item: Item | None = None) -> Fetched | None:
        """A draft's page: one the index links is looked at every run, one probed for (or remembered:
        `item`) while its day is in the window or until it is fetched."""
        url = client.url(DRAFT_PATH.format(entry=entry))
        linked = not probing
        try:
            result = client.get(url, missing_ok=True)
            if result.not_modified:
                return Fetched(url=url, kind="draft", act=entry, every_run=linked, item=item)
            html = result.text or ""
            tree = _tree(html) if result.status == 200 else None  # a miss is not read
            if tree is None or not (is_legal_text_page(tree) or DRAFT_HEADING in html):
                if probing:
                    return None
                raise UnexpectedPageError(f"{url}: no draft text at this entry (HTTP {result.status})")
            if cut_short(html):
                raise TruncatedResponseError(f"{url}: the page breaks off before its end (no </html>);"
                                             " not stored, looked at again next run")
            return self._page(result, tree, "draft", entry, page_title(tree), draft_date(entry),
                              f"draft-{entry}.html", every_run=linked, item=item)
        except LexwatchError as exc:
            return failure(url, "draft", exc, act=entry, every_run=linked, item=item)


def make_source(settings: Settings, root: Path) -> PravoBySource:
    return PravoBySource(settings, root)
