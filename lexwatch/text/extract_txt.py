"""Plain text: decode UTF-8 (with or without BOM), UTF-16 with BOM, or a Cyrillic 8-bit code page."""

from __future__ import annotations

import codecs

from lexwatch.errors import InputError
from lexwatch.text.blocks import Block, Extracted

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Legacy code pages a Russian-language text arrives in, most likely first.
_CYRILLIC_PAGES = ("cp1251", "koi8_r", "cp866", "mac_cyrillic")
# The commonest lower-case Russian letters: the right code page puts most letters here. A wrong one
# turns the same bytes into capitals, box drawing or rare letters.
_COMMON = frozenset("оеаинтсрвлкмдпуяы")


def _score(text: str) -> float:
    """Share of the non-ASCII characters that are common Russian letters (capitals count half)."""
    high = [ch for ch in text if ord(ch) > 127]
    if not high:
        return 0.0
    common = sum(1.0 if ch in _COMMON else 0.5 if "А" <= ch <= "Я" else 0.0 for ch in high)
    return common / len(high)


def decode_text(data: bytes, name: str = "text") -> tuple[str, str]:
    """The text and the encoding it was read with."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not {encoding}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[:200_000]
    best = max(_CYRILLIC_PAGES, key=lambda enc: _score(sample.decode(enc, errors="replace")))
    if _score(sample.decode(best, errors="replace")) < 0.2:
        raise InputError(f"{name}: not UTF-8 and not Russian text in a Cyrillic code page; save it as UTF-8")
    return data.decode(best, errors="replace"), best


def text_to_blocks(text: str) -> list[Block]:
    return [Block(line) for line in text.splitlines() if line.strip()]


def extract(data: bytes, name: str) -> Extracted:
    text, encoding = decode_text(data, name)
    warnings = [] if encoding.startswith("utf") else [f"read as {encoding}"]
    text = text.replace("\x00", "")
    if text.count("\f") >= 1 and text.strip("\f\n "):
        # Page breaks: a PDF's text dumped by pdftotext or similar. Reflow it as the PDF would be.
        from lexwatch.text.extract_pdf import dump_pages, reflow_pages

        warnings.append("form feeds: read as the text of a paginated (PDF) document")
        return Extracted(blocks=[Block(p) for p in reflow_pages(dump_pages(text))], format="txt",
                         warnings=warnings)
    return Extracted(blocks=text_to_blocks(text), format="txt", warnings=warnings)
