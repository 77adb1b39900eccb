"""A commentary draft: the facts of a diff (sources, summary, each shown article's wordings, redline,
flags and sanction changes) rendered by a template: the workspace's own, else a built-in one.

Templates are Jinja2 run in its sandbox (a template may come from a colleague's workspace) with
undefined names refused. A `.md.j2` template escapes every value for Markdown, an `.html.j2` one
for HTML; the redlines and wordings are ready-made markup in the template's format."""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from lexwatch.diff.render import (
    RenderOptions,
    display_ops,
    label,
    one_line,
    shown_articles,
    shown_title,
    title_change,
)
from lexwatch.diff.words import word_counts
from lexwatch.errors import UsageError
from lexwatch.flags.packs import descriptions
from lexwatch.text.acts import act_name, cited_act, is_draft, signed

if TYPE_CHECKING:
    from lexwatch.diff.model import ArticleDiff, DocumentDiff, DocumentSide, Op
    from lexwatch.flags.packs import Pack
    from lexwatch.ids import ArticleNumber
    from lexwatch.store.versions import VersionInfo, VersionStore
    from lexwatch.text.model import Document

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "data" / "templates"
# What a template's name says about the document it makes: its escaping and the draft's suffix.
KINDS = {".md": "markdown", ".html": "html"}
_DESCRIPTION_RE = re.compile(r"\A\s*\{#-?\s*(.*?)\s*-?#\}", re.DOTALL)


@dataclass(frozen=True)
class Template:
    name: str       # "commentary.md": the file name without ".j2"
    path: Path
    builtin: bool

    @property
    def stem(self) -> str:
        """"commentary" for commentary.md.j2 and commentary.html.j2 alike."""
        return Path(self.name).stem

    @property
    def suffix(self) -> str:
        """The draft's suffix: ".md" for commentary.md.j2."""
        return Path(self.name).suffix.lower()

    @property
    def kind(self) -> str:
        return KINDS[self.suffix]

    @property
    def description(self) -> str:
        """The template's opening {# comment #}, on one line."""
        try:
            head = self.path.read_text(encoding="utf-8", errors="replace")[:2000]
        except OSError:
            return ""
        found = _DESCRIPTION_RE.match(head)
        return " ".join(found.group(1).split()) if found else ""


def _template(path: Path, builtin: bool) -> Template | None:
    name = path.name
    if not name.endswith(".j2") or Path(name.removesuffix(".j2")).suffix.lower() not in KINDS:
        return None
    return Template(name.removesuffix(".j2"), path, builtin)


def available(folder: Path | None) -> list[Template]:
    """The templates a draft may use, by name: the workspace's (`folder`), then the built-in ones
    it does not replace by a template of the same name."""
    found: dict[str, Template] = {}
    for where, builtin in ((folder, False), (BUILTIN_DIR, True)):
        if where is None or not where.is_dir():
            continue
        for path in sorted(where.iterdir()):
            template = _template(path, builtin)
            if template is not None and path.is_file():
                found.setdefault(template.name, template)
    return sorted(found.values(), key=lambda t: (t.builtin, t.name))


def find(name: str, folder: Path | None) -> Template:
    """A template by name ("commentary", "review.md.j2") or by the path of its file."""
    path = Path(name)
    if path.name.endswith(".j2") and path.is_file():
        template = _template(path.resolve(), builtin=False)
        if template is None:
            raise UsageError(f"{name}: a template is NAME.md.j2 or NAME.html.j2")
        return template
    wanted = path.name.removesuffix(".j2")
    templates = available(folder)
    # "commentary" is commentary.md where there is one (Markdown first), else commentary.html
    for template in sorted(templates, key=lambda t: t.kind != "markdown"):
        if wanted in (template.name, template.stem):
            return template
    names = ", ".join(t.name for t in templates)
    raise UsageError(f"no template {name!r} (there are: {names}; `lexwatch commentary templates` lists them)")


# ---- facts -------------------------------------------------------------------------------------

_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў",
                  ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                   "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "u"],
                  strict=True))


def draft_name(title: str, today: date, suffix: str) -> str:
    """"2026-12-01-smertnaya-kazn-za-pokushenie.md": the date, then the title in Latin letters
    (a name every file system, archive and mail attachment keeps)."""
    latin = "".join(_LATIN.get(char, char) for char in title.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", latin.encode("ascii", "ignore").decode()).strip("-")
    if len(slug) > 60:
        slug = slug[:61].rsplit("-", 1)[0]
    return f"{today.isoformat()}-{slug or 'commentary'}{suffix}"


def _web_address(source: str) -> str | None:
    """The portal page a version came from; a local file's path is not told (it may name a user)."""
    try:
        parts = urlsplit(source)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return quote(source, safe=":/?#[]@!$&'()*+,;=%~-._")  # no space, <, > or quote left to end a link


def _side(side: DocumentSide, doc: Document, info: VersionInfo | None, markup: _Markup) -> dict[str, Any]:
    url = _web_address(info.source) if info is not None else None
    return {
        "label": side.label, "act": doc.act, "title": doc.title or (info.title if info else ""),
        "edition_date": info.edition_date.isoformat() if info and info.edition_date else None,
        "id": info.id if info else None, "short_id": info.short_id if info else None,
        "url": url, "link": markup.link(url) if url else None, "articles": side.articles,
    }


class _Markup:
    """Ready-made markup of a template's kind: redlines, wordings, links."""

    def __init__(self, kind: str, context: int | None) -> None:
        self.kind = kind
        self.options = RenderOptions(context=context)
        self.whole = RenderOptions()

    def ops(self, ops: list[Op], spacing: bool, whole: bool = False) -> Any:
        from markupsafe import Markup

        options = self.whole if whole else self.options
        if self.kind == "html":
            from lexwatch.diff.render_html import ops_html

            return Markup(ops_html(ops, options, spacing))
        from lexwatch.diff.render_text import md_ops

        return Markup(md_ops(ops, options, spacing))

    def link(self, url: str) -> Any:
        from markupsafe import Markup

        if self.kind == "html":
            return Markup('<a href="{0}">{0}</a>').format(url)
        # an autolink, whose text is read as it is (no escape or entity works in it): the address
        # was quoted so that no space, "<" or ">" is left to end it
        return Markup(f"<{url}>")

    def wording(self, item: ArticleDiff, side: str) -> Any:
        """The old (or new) wording whole, its deleted (or inserted) words marked; None where the
        side has no such article, and nothing marked in an article the other side lacks."""
        if (item.old if side == "delete" else item.new) is None:
            return None
        other = "insert" if side == "delete" else "delete"
        if item.old is None or item.new is None:
            return self.ops([("equal", "".join(text for kind, text in item.ops if kind != other))],
                            item.technical, whole=True)
        return self.ops([op for op in item.ops if op[0] != other], item.technical, whole=True)


def _plain(item: ArticleDiff) -> tuple[str | None, str | None]:
    """An article's old and new text, a line a part or point, as the redline breaks it (laid out
    once for both sides); None for a side without the article."""
    shown = display_ops(item.ops, item.technical)
    old = "".join(text for kind, text in shown if kind != "insert") if item.old is not None else None
    new = "".join(text for kind, text in shown if kind != "delete") if item.new is not None else None
    return old, new


def facts(diff: DocumentDiff, *, title: str, kind: str, docs: tuple[Document, Document],
          versions: tuple[VersionInfo | None, VersionInfo | None], packs: list[Pack],
          flagged_only: bool = False, context: int | None = None, today: date | None = None) -> dict[str, Any]:
    """What a template is given (README, "Commentary drafts", lists every name)."""
    from lexwatch import __version__

    markup = _Markup(kind, context)
    subjects = descriptions(packs)
    shown = [a for a in shown_articles(diff, markup.options) if a.flags or not flagged_only]
    articles: list[dict[str, Any]] = []
    for item in shown:
        inserted, deleted = word_counts(item.ops + item.title_ops)
        old_text, new_text = _plain(item)
        # a repeal's title ops ("[-Повторность преступлений-]{+Исключена+}") read as a rename: the
        # heading and status say it, as in the redline
        title_ops = title_change(item)
        articles.append({
            "label": label(item), "title": shown_title(item), "status": item.status,
            "summary": one_line(item, russian=True),
            "inserted": inserted, "deleted": deleted,
            "old_number": item.old.number.display if item.old else None,
            "new_number": item.new.number.display if item.new else None,
            "old_title": item.old.title if item.old else None, "new_title": item.new.title if item.new else None,
            "old_text": old_text, "new_text": new_text,
            "redline": markup.ops(item.ops, item.technical),
            "title_redline": markup.ops(title_ops, item.technical) if title_ops else None,
            "old_wording": markup.wording(item, "delete"), "new_wording": markup.wording(item, "insert"),
            "flags": [{**_flag(f, subjects), "targets": ", ".join(_cited(f))} for f in item.flags],
            "sanctions": [s.get("summary_ru") or s.get("summary", "") for s in item.sanctions],
            "technical": item.technical, "matched_by": item.matched_by,
            "repealed": item.repeal == "repealed", "reinserted": item.repeal == "re-inserted",
        })
    # a subject's articles in the document's order, as a lawyer cites them ("ст. 127, 128, 130¹")
    place = {id(item): i for i, item in enumerate(diff.articles)}
    in_order = [data for _, data in sorted(zip(shown, articles, strict=True), key=lambda pair: place[id(pair[0])])]
    return {
        "title": title,
        "made": {"date": (today or date.today()).isoformat(), "lexwatch": __version__},
        "act": {"regnum": docs[1].act or docs[0].act, "title": docs[1].title or docs[0].title,
                "cited": cited_act(docs[1]) or cited_act(docs[0])},
        "old": _side(diff.old, docs[0], versions[0], markup),
        "new": _side(diff.new, docs[1], versions[1], markup),
        "summary": diff.summary(),
        "renamed": _renamed(diff, markup),
        "headings": [{"key": h.key, "old": h.old, "new": h.new, "redline": markup.ops(h.ops, False)}
                     for h in diff.headings],
        "amended_by": amended_by(docs[0].preamble, docs[1].preamble),
        "articles": articles,
        "subjects": _subjects(packs, in_order),
        "unflagged": [a for a in in_order if not a["flags"]],  # "Прочие изменения", in the code's order
        "selection": {"articles": diff.settings.get("articles") or [], "packs": [p.name for p in packs],
                      "flagged_only": flagged_only, "context": context},
    }


def worth_a_draft(data: dict[str, Any], flagged_only: bool) -> bool:
    """Whether facts make a draft: an article to tell, or the act or a chapter renamed (no article holds
    either), unless only flagged articles were asked for."""
    return bool(data["articles"]) or (not flagged_only and bool(data["renamed"] or data["headings"]))


# A consolidated text's list of the acts that amended it, as the portal prints it under the act's date
# ("Изменения и дополнения:", then an act a line: "Закон Республики Беларусь от 5 января 2022 г. № 146-З
# (Национальный правовой Интернет-портал …, 2/2880) <H12200146> - внесены изменения …, вступившие в силу …;")
_CHANGES_HEAD = re.compile(r"изменения\s+и\s+дополнения\s*:?", re.IGNORECASE)
_CHANGE_ENTRY = re.compile(r"(?:Закон|Декрет|Указ|Постановление|Решение)(?![а-яё])", re.IGNORECASE)
_ANGLED = re.compile(r"<([A-Za-z0-9]{9})>")


def _changes_list(preamble: str) -> list[dict[str, str]] | None:
    """The amending acts a consolidated text lists, in its order (an act twice when the list names it
    twice, for changes taking effect on two days); None for a text without the list."""
    lines = preamble.split("\n")
    head = next((i for i, line in enumerate(lines) if _CHANGES_HEAD.fullmatch(line.strip())), None)
    if head is None:
        return None
    entries: list[str] = []
    for line in (line.strip() for line in lines[head + 1:]):
        if _CHANGE_ENTRY.match(line):
            entries.append(line)
        elif line and entries and not entries[-1].endswith(";"):  # an entry wrapped onto a second line
            entries[-1] += " " + line
        else:
            break
    found = []
    for entry in entries:
        entry = entry.rstrip(" ;")
        regnum = _ANGLED.search(entry)
        cited = re.split(r"\s*[(<]", entry, maxsplit=1)[0].strip()
        note = entry[regnum.end():].strip().lstrip("-–— ").strip() if regnum else ""
        found.append({"cited": cited, "regnum": regnum.group(1).upper() if regnum else "", "note": note,
                      "text": entry})
    return found


def amended_by(old_preamble: str, new_preamble: str) -> list[dict[str, str]]:
    """The acts the new edition's list of changes names and the old one's does not (each `cited`, as
    the list cites it, `regnum`, `note`, what it says of the changes: "внесены изменения …, вступившие
    в силу …", and `text`, the entry whole): the laws that made the changes between the two editions.
    Nothing where either edition has no such list (a text saved without it says nothing of them)."""
    old, new = _changes_list(old_preamble), _changes_list(new_preamble)
    if not old or not new:
        return []
    seen: dict[str, int] = {}
    for entry in old:
        key = entry["regnum"] or " ".join(entry["cited"].split())
        seen[key] = seen.get(key, 0) + 1
    added = []
    for entry in new:
        key = entry["regnum"] or " ".join(entry["cited"].split())
        if seen.get(key, 0) > 0:  # listed in the old edition already (its note may since read otherwise)
            seen[key] -= 1
        else:
            added.append(entry)
    return added


def _renamed(diff: DocumentDiff, markup: _Markup) -> dict[str, Any] | None:
    """The act's old and new name and their redline when an amendment renamed it, else None."""
    names = diff.renamed
    return {**names, "redline": markup.ops(diff.name_ops, False)} if names else None


def _subjects(packs: list[Pack], articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each pack that flags something, with its articles in the order given (the code's)."""
    by_pack: dict[str, list[dict[str, Any]]] = {}
    for data in articles:
        for flag in data["flags"]:
            chosen = by_pack.setdefault(flag["pack"], [])
            if not chosen or chosen[-1] is not data:
                chosen.append(data)
    return [{"name": pack.name, "description": pack.description, "articles": by_pack[pack.name]}
            for pack in packs if pack.name in by_pack]


def _flag(found: dict[str, Any], subjects: dict[tuple[str, str], str]) -> dict[str, Any]:
    """A flag of a diff or a hit of one document as a template is given it (with `subject`, what
    its rule watches)."""
    pack, rule = found.get("pack", ""), found.get("rule", "")
    return {"pack": pack, "rule": rule, "severity": found.get("severity"), "direction": found.get("direction"),
            "evidence": _evidence(found.get("evidence")), "subject": subjects.get((pack, rule), rule)}


def _evidence(text: str | None) -> str | None:
    """A flag's evidence as a template quotes it («{{ f.evidence }}»): without the opening quote mark of
    the new wording an instruction quotes, left open at its start ("««11) экстремистская деятельность …")."""
    if text and text.startswith("«") and text.count("«") > text.count("»"):
        return text[1:]
    return text


def _cited(found: dict[str, Any]) -> list[str]:
    """The Code articles a flag's instruction changes, as cited: ["ч. 1 ст. 289 УК", …]."""
    from lexwatch.flags.targets import Target

    return [Target(**t).display for t in found.get("targets") or []]


def overview_facts(doc: Document, side: DocumentSide, info: VersionInfo | None, *, title: str, kind: str,
                   packs: list[Pack], numbers: list[ArticleNumber] | None = None, flagged_only: bool = False,
                   today: date | None = None) -> dict[str, Any]:
    """What an overview template is given: one document (a law, a draft, a code) article by article,
    with what the rule packs find in it and, in an amending law, the Code articles each instruction
    changes (README, "Commentary drafts")."""
    from lexwatch import __version__
    from lexwatch.diff.normalize import normalize
    from lexwatch.flags import flag_document, grouped

    markup = _Markup(kind, None)
    subjects = descriptions(packs)
    hits: dict[str | None, list[dict[str, Any]]] = {}
    cited: dict[int, list[str]] = {}  # each flag's Code articles one by one, for its subject's list
    for hit in grouped(flag_document(doc, packs)):
        flag = {**_flag(hit, subjects), "instruction": hit["instruction"], "count": hit["count"]}
        cited[id(flag)] = _cited(hit)
        flag["targets"] = ", ".join(cited[id(flag)])
        hits.setdefault(hit["article"], []).append(flag)
    known = frozenset(a.number for a in doc.articles)
    articles: list[dict[str, Any]] = []
    for article in doc.articles:
        flags = hits.get(article.number.canonical, [])
        if (numbers and article.number not in numbers) or (flagged_only and not flags):
            continue
        text = normalize(article.text, known)  # the comparison form every redline quotes
        articles.append({
            "label": f"Статья {article.number.display}", "title": article.title, "number": article.number.display,
            "text": "".join(t for _, t in display_ops([("equal", text)])),
            "wording": markup.ops([("equal", text)], False, whole=True), "flags": flags,
            "repealed": article.excluded})
    preamble = hits.get(None, [])
    return {
        "title": title,
        "made": {"date": (today or date.today()).isoformat(), "lexwatch": __version__},
        "act": {"regnum": doc.act, "title": doc.title, "cited": cited_act(doc)},
        "document": _side(side, doc, info, markup),
        # the law's date, number and name stay with --article; its flags are not an article asked for
        "preamble": {"text": doc.preamble, "flags": [] if numbers else preamble} if doc.preamble else None,
        "articles": articles,
        # in an amending law, the Code articles each subject's instructions change ("ч. 1 ст. 289 УК"),
        # each once though two instructions change it
        "subjects": [{**subject, "targets": list(dict.fromkeys(
            target for a in subject["articles"] for f in a["flags"] if f["pack"] == subject["name"]
            for target in cited[id(f)]))} for subject in _subjects(packs, articles)],
        "unflagged": [a for a in articles if not a["flags"]],
        "selection": {"articles": [n.canonical for n in numbers or []], "packs": [p.name for p in packs],
                      "flagged_only": flagged_only},
    }


# ---- a period ----------------------------------------------------------------------------------

@dataclass
class PeriodVersions:
    """What a review of a period reads from the store, chosen by edition date (ADR-31): per act, the
    last version with articles before the period (else the first in it, of an earlier edition date),
    the last one in it and every one in it (`changed`: those between are named, not compared), or the
    last one in it alone when it is the act's only edition (`first`: an amending law, a new law, a draft)."""

    changed: list[tuple[VersionInfo, VersionInfo, list[VersionInfo]]] = field(default_factory=list)
    first: list[VersionInfo] = field(default_factory=list)
    unread: list[VersionInfo] = field(default_factory=list)   # in the period, no articles (a card, a scan)
    undated: list[VersionInfo] = field(default_factory=list)  # no edition date: placed in no period


def period_versions(versions: list[VersionInfo], since: date, until: date) -> PeriodVersions:
    """`versions` (the store's list, in edition order) sorted into what the period review tells. A
    version without an act is an act of its own: nothing says which text it follows."""
    from lexwatch.ids import is_draft_entry

    found = PeriodVersions()
    acts: dict[str, list[VersionInfo]] = {}
    for info in versions:
        if info.edition_date is None:
            found.undated.append(info)
        elif info.edition_date <= until:
            acts.setdefault(info.act or info.id, []).append(info)
    for held in acts.values():
        inside = [v for v in held if v.edition_date and v.edition_date >= since]
        if not inside:
            continue
        before = [v for v in held if v.articles and v.edition_date and v.edition_date < since]
        readable = [v for v in inside if v.articles]
        if not readable:
            found.unread.append(inside[-1])
        elif before or (readable[0].edition_date != readable[-1].edition_date and not is_draft_entry(held[0].act)):
            # two editions in the period and none before it (a code first fetched in it): the period
            # changed it from the first to the last, not enacted it (a page and its PDF of one date are
            # one edition); a draft's readings are no editions: one first put forward in the period is
            # told by what its last reading proposes, not by what the second reading changed
            found.changed.append((before[-1] if before else readable[0], readable[-1], inside))
        else:
            found.first.append(readable[-1])
    return found


def period_facts(store: VersionStore, chosen: PeriodVersions, *, title: str, since: date, until: date,
                 kind: str, packs: list[Pack], flagged_only: bool = False, context: int | None = None,
                 drafts: bool = True, today: date | None = None) -> dict[str, Any]:
    """What a period template is given (README, "Commentary drafts"): each changed act as `facts()`
    gives a pair, each document first stored in the period as `overview_facts()` gives it, the drafts
    apart; an entry with nothing to tell (no difference; nothing flagged, with `flagged_only`) is left
    out."""
    from lexwatch import __version__
    from lexwatch.diff.engine import diff_documents
    from lexwatch.diff.model import DocumentSide
    from lexwatch.flags import annotate_diff
    from lexwatch.ids import is_draft_entry

    today = today or date.today()
    adopted: dict[str, list[dict[str, Any]]] = {"changes": [], "documents": []}
    projects: dict[str, list[dict[str, Any]]] = {"changes": [], "documents": []}
    for old, new, inside in chosen.changed:
        if is_draft_entry(new.act) and not drafts:
            continue
        docs = store.document(old.id), store.document(new.id)
        draft = is_draft(docs[1])  # a bank entry's, or a file's titled "ПРОЕКТ …" (as `check` tells it)
        if draft and not drafts:
            continue
        diff = diff_documents(*docs, old_side=DocumentSide.of(old), new_side=DocumentSide.of(new))
        annotate_diff(diff, packs)
        data = facts(diff, title=title, kind=kind, docs=docs, versions=(old, new), packs=packs,
                     flagged_only=flagged_only, context=context, today=today)
        if worth_a_draft(data, flagged_only):
            # the editions between are named: a commentator cites each, though the net change is told
            data.update(name=act_name(docs[1]) or new.label, draft=draft,
                        editions=list(dict.fromkeys(v.edition_date.isoformat() for v in inside if v.edition_date)))
            (projects if draft else adopted)["changes"].append(data)
    for info in chosen.first:
        if is_draft_entry(info.act) and not drafts:
            continue
        doc = store.document(info.id)
        draft = is_draft(doc)
        if draft and not drafts:
            continue
        data = overview_facts(doc, DocumentSide.of(info), info, title=title, kind=kind, packs=packs,
                              flagged_only=flagged_only, today=today)
        if data["articles"]:
            signed_on, number = signed(doc.preamble)
            data.update(name=act_name(doc) or info.label, signed=signed_on, number=number,
                        draft=draft, amending=_amending(data))
            (projects if draft else adopted)["documents"].append(data)
    markup = _Markup(kind, None)
    unread = [] if flagged_only else [
        _side(DocumentSide.of(info), doc, info, markup) for info in chosen.unread
        for doc in (store.document(info.id),) if drafts or not is_draft(doc)]
    told: dict[str, Any] = {"changes": adopted["changes"], "documents": adopted["documents"], "drafts": projects}
    entries = period_entries(told)
    sides = [side for e in entries for side in ((e["old"], e["new"]) if "old" in e else (e["document"],))]
    return {
        "title": title,
        "made": {"date": today.isoformat(), "lexwatch": __version__},
        "period": {"since": since.isoformat(), "until": until.isoformat()},
        **told, "unread": unread,
        "subjects": _period_subjects(packs, entries),
        "sources": [*sides, *unread],
        "undated": [info.label for info in chosen.undated],
        "selection": {"packs": [p.name for p in packs], "flagged_only": flagged_only, "context": context,
                      "drafts": drafts},
    }


def _amending(overview: dict[str, Any]) -> bool:
    """Whether a document's flagged articles instruct (a hit the instruction around it gives a
    direction, or a target): an amending law's. Its own articles are then not the articles it changes,
    which a clause amending two laws at once has no target to name."""
    return any(f["targets"] or f["direction"] != "present" for a in overview["articles"] for f in a["flags"])


def period_entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    """A period's changed acts and first documents, adopted ones first, then the drafts."""
    return [*data["changes"], *data["documents"], *data["drafts"]["changes"], *data["drafts"]["documents"]]


def _period_subjects(packs: list[Pack], entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each pack that flags something in the period, with where: each act or document by name and
    what it touches ("ст. 361¹"; in an amending law the Code articles its instructions change)."""
    # a name two documents share ("Об изменении Уголовного кодекса Республики Беларусь", a code is amended
    # under one name many times a year) is followed by each one's number, else one law reads as two places
    names: dict[str, set[str]] = {}
    for entry in entries:
        names.setdefault(entry["name"], set()).add(_which(entry))
    found: list[dict[str, Any]] = []
    for pack in packs:
        places = []
        for entry in entries:
            for subject in entry["subjects"]:
                if subject["name"] == pack.name:
                    own = _cite(subject["articles"])
                    # an amending law's own article is named as such: a bare "ст. 1" reads as the act's it changes
                    cited = ", ".join(subject.get("targets") or []) or (
                        f"{own} документа" if entry.get("amending") else own)
                    name = entry["name"] if len(names[entry["name"]]) < 2 else f"{entry['name']} ({_which(entry)})"
                    places.append({"name": name, "articles": cited, "draft": entry["draft"]})
        if places:
            found.append({"name": pack.name, "description": pack.description, "places": places})
    return found


def _which(entry: dict[str, Any]) -> str:
    """What tells a period's entry from another of its name: a law's number ("№ 165-З"), else the act's
    register number or a draft's bank entry, else its label."""
    if entry.get("number"):
        return f"№ {entry['number']}"
    regnum = entry["act"].get("regnum")
    side = entry["new"] if "new" in entry else entry["document"]
    return f"№ {regnum}" if regnum else str(side["label"])

# ---- rendering ---------------------------------------------------------------------------------

def _md_value(value: Any) -> Any:
    """Every value a Markdown template prints, escaped ("*", "_", "<", "#"… are the law's text,
    not formatting); ready-made markup as it is; None as nothing."""
    from lexwatch.diff.render_text import md_escape

    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    return md_escape(str(value))


def _quote(kind: str) -> Any:
    """The `quote` filter: a wording or any text as a block quotation, a line a part or point; "—"
    where there is none (an article the edition lacks) or it has no text (one it repealed, "Статья
    41. Исключена"), not an empty quotation that reads as text lost."""
    from markupsafe import Markup

    def quote_md(value: Any) -> Any:
        if value is None or not str(value).strip():
            return Markup("> —")
        if not hasattr(value, "__html__"):
            from lexwatch.diff.render_text import md_ops

            value = md_ops([("equal", str(value))], RenderOptions(), False)
        return Markup("\n".join(f"> {line}" if line.strip() else ">" for line in str(value).split("\n")))

    def quote_html(value: Any) -> Any:
        if value is None or not str(value).strip():
            return Markup("<blockquote>—</blockquote>")
        if not hasattr(value, "__html__"):
            from lexwatch.diff.render_html import ops_html

            value = Markup(ops_html([("equal", str(value))], RenderOptions(), False))
        return Markup("<blockquote>") + value + Markup("</blockquote>")

    return quote_html if kind == "html" else quote_md


def _cite(articles: Any) -> str:
    """The `cite` filter: articles as a lawyer lists them, "ст. 59, 67, 130²" (by the new number,
    by the old one for an article the new edition lacks)."""
    numbers = [a.get("new_number") or a.get("old_number") or a.get("number") for a in articles]
    numbers = [n for n in numbers if n]
    return f"ст. {', '.join(numbers)}" if numbers else ""


def _edition(side: Any) -> str:
    """The `edition` filter: a compared version as a lawyer names an edition, by its date ("от
    07.09.2020": "редакции {{ old | edition }}"), by its label where no date is known (a file)."""
    when = side.get("edition_date")
    return f"от {_date_ru(when)}" if when else str(side.get("label") or "")


def _date_ru(value: Any) -> str:
    """The `date_ru` filter: "2022-09-26" as a Belarusian text writes a date, "26.09.2022"."""
    if value is None:
        return ""
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    return f"{found[3]}.{found[2]}.{found[1]}" if found else str(value)


# What a template's mistakes raise while it renders: a wrong filter argument, a missing key.
_RENDER_ERRORS = (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError,
                  OverflowError, RecursionError)


# What "*" and "**" may make in a template: a whole-Code draft is ~2 MB; "{{ 'a' * 10**9 }}" from a
# colleague's template wrote a 1 GB draft, or died of MemoryError.
_MAX_MADE = 10_000_000
_MAX_POWER = 256


def _bounded(left: Any, right: Any, operator: str) -> None:
    """Refuse a repetition or power a template could exhaust memory or time with (SecurityError)."""
    from jinja2.exceptions import SecurityError

    if operator == "**":
        if isinstance(right, int) and not isinstance(right, bool) and abs(right) > _MAX_POWER:
            raise SecurityError(f"a power above {_MAX_POWER} is not made in a template")
        return
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > _MAX_MADE:
            raise SecurityError(f"a text or list of more than {_MAX_MADE:,} is not made in a template")


# What rendering one template may take beyond what lexwatch holds: a draft of the whole Code takes
# ~0.5 s and a few MB; a template doubling a text in a loop (`namespace`, `~`) or padding it
# (`"a".ljust(10**9)`) would take the machine's memory, or run for hours, before `*` ever came in.
_RENDER_BYTES = 1 << 30
_RENDER_SECONDS = 120
# What one draft may hold: the whole Code's, redlines and all, is ~1 million characters; a template
# padding its one text to just under the memory limit (`{{ 'a'.ljust(10**9) }}` alone) wrote a 1 GB draft.
_MAX_DRAFT = 50_000_000


class _RanTooLong(Exception):
    pass


@contextlib.contextmanager
def _render_limits() -> Iterator[None]:
    """Memory (an address-space limit above the process's size now, where the system has one) and time
    (SIGALRM, in the main thread) for one rendering; both put back after it, an alarm the process had
    set included (one due before ours is left to fire as it would)."""
    undo: list[Callable[[], object]] = []
    try:
        import resource

        size = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = size + _RENDER_BYTES
        if soft in (resource.RLIM_INFINITY, -1) or soft > cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
            undo.append(lambda: resource.setrlimit(resource.RLIMIT_AS, (soft, hard)))
    except (ImportError, OSError, ValueError):  # no /proc (macOS), no resource module (Windows)
        pass
    pending, interval = signal.getitimer(signal.ITIMER_REAL) if hasattr(signal, "setitimer") else (0.0, 0.0)
    if (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and (not pending or pending > _RENDER_SECONDS)):  # an alarm due sooner is the process's to keep
        def expire(signum: int, frame: object) -> None:
            raise _RanTooLong

        began = time.monotonic()
        before = signal.signal(signal.SIGALRM, expire)

        def put_back() -> None:  # the process's own alarm, if it had one, runs on for what was left of it
            signal.setitimer(signal.ITIMER_REAL, 0)
            if before is not None:  # None: a handler set outside Python, which cannot be put back
                signal.signal(signal.SIGALRM, before)
            if pending:
                signal.setitimer(signal.ITIMER_REAL, max(pending - (time.monotonic() - began), 0.001), interval)

        signal.setitimer(signal.ITIMER_REAL, _RENDER_SECONDS)
        undo.append(put_back)
    try:
        yield
    finally:
        for step in reversed(undo):
            step()


def render(template: Template, data: dict[str, Any], folder: Path | None) -> str:
    """The draft's text. A template may include or extend one beside it, in the workspace's
    `folder` or among the built-in ones. Its mistakes are one line naming its file and line."""
    from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError
    from jinja2.sandbox import SandboxedEnvironment

    class Sandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _bounded(left, right, operator)
            return super().call_binop(context, operator, left, right)

    search = list(dict.fromkeys(p for p in (template.path.parent, folder, BUILTIN_DIR) if p is not None))
    html = template.kind == "html"
    env = Sandbox(
        loader=FileSystemLoader(search), autoescape=html, undefined=StrictUndefined,
        finalize=None if html else _md_value, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["quote"] = _quote(template.kind)
    env.filters["date_ru"] = _date_ru
    env.filters["cite"] = _cite
    env.filters["edition"] = _edition
    try:
        with _render_limits():
            text = env.get_template(template.path.name).render(data)
        if len(text) > _MAX_DRAFT:
            raise UsageError(f"{template.path}: template error: it made a draft of {len(text):,} characters, more"
                             f" than the {_MAX_DRAFT:,} a draft may hold (the whole Code's is about a million)")
        return text if text.endswith("\n") or not text else text + "\n"
    except MemoryError:
        # over the limit set above, or the process's own where that was lower (`ulimit -v`)
        raise UsageError(f"{template.path}: template error: it ran out of memory (a draft may take"
                         f" {_RENDER_BYTES >> 20} MB: a text made larger and larger?)") from None
    except _RanTooLong:
        raise UsageError(f"{template.path}: template error: it ran longer than {_RENDER_SECONDS} s"
                         " (loops within loops?)") from None
    except TemplateSyntaxError as exc:
        where = f"{exc.filename or template.path}:{exc.lineno}"
        raise UsageError(f"{where}: template error: {exc.message}") from None
    except TemplateNotFound as exc:
        # "../../lexwatch.toml" or "/etc/passwd": Jinja's message is the bare name, or the folders searched
        names = ", ".join(repr(n) for n in getattr(exc, "templates", None) or [exc.name])
        raise UsageError(f"{_where(exc, template)}: template error: no template {names} (a template includes, "
                         "extends or imports only those in commentary/templates/ and the built-in ones, by name)") \
            from None
    except (TemplateError, *_RENDER_ERRORS) as exc:
        raise UsageError(f"{_where(exc, template)}: template error: {exc}{_other_command(exc, template, data)}") \
            from None


# Names only one of the commands gives its templates: a template that reads one of them under another
# command was written for that one ("-T overview" with `commentary new`).
_GIVEN_BY = {"document": "overview", "preamble": "overview", "old": "new", "new": "new", "summary": "new",
             "period": "period", "changes": "period", "documents": "period", "drafts": "period",
             "sources": "period", "act": "new or overview", "articles": "new or overview"}


def _other_command(exc: BaseException, template: Template, data: dict[str, Any]) -> str:
    """", a template for `lexwatch commentary overview`" when the undefined name is one another
    command gives; "" for any other mistake."""
    from jinja2 import UndefinedError

    found = re.fullmatch(r"'(\w+)' is undefined", str(exc)) if isinstance(exc, UndefinedError) else None
    name = found.group(1) if found else ""
    command = _GIVEN_BY.get(name, "")
    if not command or name in data:
        return ""
    commands = " or ".join(f"`lexwatch commentary {c}`" for c in command.split(" or "))
    return f" ({template.name} is a template for {commands})"


def _where(exc: BaseException, template: Template) -> str:
    """The template file and line a rendering error came from (Jinja's frames carry both)."""
    place = str(template.path)
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            place = f"{name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return place
