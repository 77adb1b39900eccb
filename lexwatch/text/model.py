"""The one document model every format parses into: a Document of Articles.

An article's `text` is its body as lines joined by "\\n": parts ("1. ..."), points ("1) ..."),
sanction lines ("наказывается ...") and notes ("Примечание. ..."), each line with its internal
whitespace collapsed. This is the shape of `../shared/corpus/*.articles.jsonl`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lexwatch.ids import ArticleNumber

_WS_RE = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\u200b\ufeff]+")


def collapse_ws(line: str) -> str:
    """Collapse runs of spaces (including NBSP and thin spaces) to one space and strip."""
    return _WS_RE.sub(" ", line).strip()


@dataclass
class Article:
    number: ArticleNumber
    title: str
    text: str = ""
    chapter: str = ""
    section: str = ""
    part: str = ""
    excluded: bool = False

    @property
    def id(self) -> str:
        return self.number.canonical

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n") if self.text else []

    @property
    def heading(self) -> str:
        return f"Статья {self.number.display}. {self.title}".rstrip()

    def to_dict(self) -> dict[str, object]:
        return {
            "number": self.number.canonical,
            "display": self.number.display,
            "title": self.title,
            "text": self.text,
            "chapter": self.chapter,
            "section": self.section,
            "part": self.part,
            "excluded": self.excluded,
        }


@dataclass
class Document:
    """A parsed legal text. `act` is the register number when it is known or detected."""

    title: str
    articles: list[Article] = field(default_factory=list)
    act: str | None = None
    preamble: str = ""
    format: str = "txt"
    warnings: list[str] = field(default_factory=list)
    # Text that belongs to no article: notes under a chapter or section heading (keyed by that
    # heading), footnotes and appendices (keyed by ""). Kept so nothing of the act is lost.
    notes: list[tuple[str, str]] = field(default_factory=list)

    def article(self, number: ArticleNumber | str) -> Article | None:
        wanted = ArticleNumber.parse(number) if isinstance(number, str) else number
        for article in self.articles:
            if article.number == wanted:
                return article
        return None

    def as_text(self) -> str:
        """Render back to the plain-text form the TXT parser reads."""
        out = [self.title, ""] if self.title else []
        chapter = section = part = ""
        for article in self.articles:
            for heading, current in ((article.part, part), (article.section, section),
                                     (article.chapter, chapter)):
                if heading and heading != current:
                    out += [heading, ""]
            part, section, chapter = article.part or part, article.section or section, \
                article.chapter or chapter
            out.append(article.heading)
            out += article.lines
            out.append("")
        return "\n".join(out)
