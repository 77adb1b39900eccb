"""The text stage's public API: bytes or a file in any supported format -> a parsed Document.

Extractors are registered by format name against the `Extractor` protocol; the built-in ones are
imported only when a document of their format arrives (pypdf and python-docx are slow to import).
"""

from __future__ import annotations

import importlib
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Protocol

from lexwatch.errors import InputError, NoArticlesError, NotLegalTextError
from lexwatch.text.acts import act_from_text, act_from_title, law_register_number
from lexwatch.text.blocks import Extracted, emptied
from lexwatch.text.model import Document
from lexwatch.text.structure import parse_blocks, strip_control_sequences

__all__ = ["FORMATS", "Extractor", "detect_act", "detect_format", "extract", "extract_text", "parse_bytes",
           "parse_extracted", "parse_or_plain", "plain_text", "read_document", "register_extractor"]


class Extractor(Protocol):
    def __call__(self, data: bytes, name: str, /) -> Extracted: ...


# Built-in formats: name -> module exposing `extract(data, name) -> Extracted`.
_BUILTIN: dict[str, str] = {
    "html": "lexwatch.text.extract_html",
    "pdf": "lexwatch.text.extract_pdf",
    "docx": "lexwatch.text.extract_docx",
    "txt": "lexwatch.text.extract_txt",
}
FORMATS = tuple(_BUILTIN)
_REGISTRY: dict[str, Extractor] = {}

_EXTENSIONS = {".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf", ".docx": "docx",
               ".txt": "txt", ".text": "txt"}
_CONTENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
                  "text/plain": "txt"}
_HTML_MARKS = (b"<!doctype html", b"<html", b"<p class", b"<div", b"<body", b"<head", b"<p>")


def register_extractor(fmt: str, extractor: Extractor) -> None:
    """Add an extractor for a new format; a name already taken is refused."""
    if fmt in _BUILTIN or fmt in _REGISTRY:
        raise ValueError(f"an extractor for {fmt!r} is already registered")
    _REGISTRY[fmt] = extractor


def _extractor(fmt: str) -> Extractor:
    if fmt in _REGISTRY:
        return _REGISTRY[fmt]
    module = importlib.import_module(_BUILTIN[fmt])
    function: Callable[[bytes, str], Extracted] = module.extract
    _REGISTRY[fmt] = function
    return function


def detect_format(data: bytes, name: str = "", content_type: str | None = None) -> str:
    """By magic bytes first, then the content type, then the file name's extension; else text."""
    head = data[:1024]
    # The PDF header may follow some junk (the format allows 1 KB), but then the file ends like a PDF.
    if head.lstrip().startswith(b"%PDF-") or (b"%PDF-" in head and b"%%EOF" in data[-2048:]):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError):
            # zipfile raises more than BadZipFile at a damaged directory: NotImplementedError ("zip file
            # version 8.8") at a flipped byte of a member's version, OSError or ValueError at a bad offset
            raise InputError(f"{name}: a damaged ZIP/DOCX file") from None
        raise InputError(f"{name}: a ZIP archive, not a DOCX document")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(f"{name}: an old binary Word .doc file; save it as DOCX or PDF first")
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(mark in probe[:600] for mark in _HTML_MARKS):
        return "html"
    if content_type:
        fmt = _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
        if fmt:
            return fmt
    return _EXTENSIONS.get(Path(name).suffix.lower(), "txt")


def extract(data: bytes, name: str, content_type: str | None = None) -> Extracted:
    empty = emptied(data)
    if empty is not None:  # a byte-order mark alone is no text either (an editor's crash)
        raise InputError(f"{name} is empty ({empty})")
    fmt = detect_format(data, name, content_type)
    return _extractor(fmt)(data, name)


def plain_text(extracted: Extracted) -> str:
    """The extracted plain text, one paragraph a line, without parsing articles: stored as a
    document's text when it has none, so no escape sequence may reach it either."""
    return "\n".join(strip_control_sequences(b.text) for b in extracted.blocks)


def extract_text(data: bytes, name: str, content_type: str | None = None) -> tuple[str, str]:
    """The extracted plain text (one paragraph a line) and its format, without parsing articles."""
    extracted = extract(data, name, content_type)
    return plain_text(extracted), extracted.format


def parse_bytes(data: bytes, name: str, content_type: str | None = None) -> Document:
    """Detect the format, extract the text and parse it into a Document of articles."""
    return parse_extracted(extract(data, name, content_type), name)


def parse_or_plain(extracted: Extracted, name: str) -> Document:
    """What `extract` gave as a Document of articles, or, when it has none (a publication card, a
    draft's cover page), its plain text kept as the document's preamble: read once either way."""
    try:
        return parse_extracted(extracted, name)
    except (NoArticlesError, NotLegalTextError):
        return Document(title="", preamble=plain_text(extracted), format=extracted.format)


def parse_extracted(extracted: Extracted, name: str) -> Document:
    """What `extract` gave, parsed into a Document of articles: NoArticlesError (NotLegalTextError
    for HTML without the portal's markup) when it has none, and the caller may keep `plain_text`."""
    try:
        doc = parse_blocks(extracted.blocks, name=name, fmt=extracted.format, title=extracted.title,
                           act=extracted.act)
    except NoArticlesError:
        if extracted.format == "html" and not extracted.marked_up:
            raise NotLegalTextError(
                f"{name}: HTML but not a legal text (no div.Section1, no 'Статья N.' paragraphs)") from None
        raise
    doc.warnings[:0] = extracted.warnings
    if doc.act is None:
        doc.act = detect_act(doc) or act_from_text(extracted.text) or law_register_number(doc)
    return doc


def read_document(path: Path) -> Document:
    """Read and parse a local file; a missing, unreadable or empty file is an InputError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return parse_bytes(data, str(path))  # an empty file is said so by `extract`


def detect_act(doc_or_text: Document | str) -> str | None:
    """The register number of an act: named in the text (HK9900275), else known from its title."""
    if isinstance(doc_or_text, Document):
        doc = doc_or_text
        if doc.act:
            return doc.act
        return act_from_title(doc.title, doc.preamble) or act_from_text(doc.preamble)
    text = doc_or_text
    found = act_from_text(text)
    if found:
        return found
    for line in text.splitlines()[:40]:
        by_title = act_from_title(line, text)
        if by_title:
            return by_title
    return None
