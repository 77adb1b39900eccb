"""What every extractor hands the structure parser: paragraphs of text, each with a kind when the
format knows it (HTML classes), or UNKNOWN when the parser must tell from the words (TXT, PDF, DOCX).
"""

from __future__ import annotations

import codecs
import re
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


# What an editor that crashed or a sync client that wrote half leaves of a document: nothing, a
# byte-order mark, line breaks and spaces (in UTF-16 too: a space there is b" \x00"), zero bytes.
_MARKS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_TEXT = re.compile(rb"[^ \t\r\n\x0b\x0c\x00]")  # a byte of anything else


def emptied(data: bytes) -> str | None:
    """What an emptied file holds ("0 bytes", "3 bytes: a byte-order mark only"), or None when it has
    anything else: a file of no text is no version of its document, whatever its format."""
    if not data:
        return "0 bytes"
    mark = next((m for m in _MARKS if data.startswith(m)), b"")
    if _TEXT.search(data, len(mark)):  # stops at the first byte of text: a real document costs nothing here
        return None
    rest = data[len(mark):]
    if mark and mark != codecs.BOM_UTF8:  # UTF-16 or UTF-32: its spaces hold zero bytes
        rest = rest.replace(b"\x00", b"")
    held = [what for what, there in (("a byte-order mark", mark), ("white space", rest.strip(b"\x00")),
                                     ("zero bytes", b"\x00" in rest)) if there]
    listed = " and ".join([", ".join(held[:-1]), held[-1]] if len(held) > 1 else held)
    return f"{len(data)} byte{'s' if len(data) > 1 else ''}: {listed} only"
