"""What every extractor hands the structure parser: paragraphs of text, each with a kind when the
format knows it (HTML classes), or UNKNOWN when the parser must tell from the words (TXT, PDF, DOCX).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class BlockKind(Enum):
    UNKNOWN = "unknown"   # plain paragraph: the parser classifies it by its words
    TITLE = "title"       # the act's title (titlek)
    PART = "part"         # ОБЩАЯ ЧАСТЬ, ЧАСТЬ ПЕРВАЯ ...
    SECTION = "section"   # РАЗДЕЛ ...
    CHAPTER = "chapter"   # ГЛАВА ...
    ARTICLE = "article"   # "Статья N. Title"
    BODY = "body"         # a line of an article (point, underpoint, newncpi): never a heading
    NOTE = "note"         # "Примечание" (class comment): belongs to the article it follows
    ASIDE = "aside"       # footnotes: text of no article, printed inside one (does not end it)
    OUTSIDE = "outside"   # signatures, appendices: text of no article; ends the current one


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    kind: BlockKind = BlockKind.UNKNOWN


@dataclass
class Extracted:
    """The result of one extractor: blocks in reading order, plus what the format told us."""

    blocks: list[Block]
    format: str
    title: str = ""
    act: str | None = None
    warnings: list[str] = field(default_factory=list)
    marked_up: bool = False      # the format's own legal markup was found (portal HTML classes)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)
