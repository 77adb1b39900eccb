"""Plain text: decode UTF-8 (with or without BOM; a few bad bytes replaced), UTF-16 (with or without
BOM), or a Cyrillic 8-bit code page; a binary file named .txt is refused."""

from __future__ import annotations

import codecs
import re

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


# Characters of a Russian text in any encoding: ASCII letters, digits and signs, Cyrillic, the dashes
# and quotes of typeset text. UTF-16 read as the wrong byte order, or UTF-8 read as UTF-16, gives CJK.
_TEXT_CHARS = re.compile(r"[\t\n\r\f\x20-\x7e\u00a0-\u00bf\u0400-\u04ff\u2010-\u2026\u2116]")
# C0 controls that no text file holds (tab, line feed, form feed, carriage return and ESC aside):
# more than a few in a hundred characters is a binary file (an image, a program, a .doc) named .txt.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def _share(pattern: re.Pattern[str], text: str) -> float:
    return len(pattern.findall(text)) / len(text) if text else 0.0


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: every other byte is 0x00 (Latin) or 0x04 (Cyrillic)."""
    sample = data[:20_000]
    if len(sample) < 8:
        return None
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if (high.count(0) + high.count(4)) / len(high) < 0.9:
            continue
        text = sample[: len(sample) // 2 * 2].decode(encoding, errors="replace")
        if _share(_TEXT_CHARS, text) > 0.95:
            return encoding
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a download cut inside a letter, one stray byte of another code
    page): read as UTF-8, the bad bytes as U+FFFD, rather than the whole text as a code page's
    mojibake. A text in a code page is not: nearly every one of its Cyrillic letters is a bad byte."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return text if bad * 100 <= good else None


def _refuse_binary(text: str, name: str) -> None:
    if _share(_BINARY, text[:200_000]) > 0.02:
        raise InputError(f"{name}: a binary file, not text (an image, a program, an old .doc?); "
                         "lexwatch reads HTML, PDF, DOCX and text files")


def decode_text(data: bytes, name: str = "text") -> tuple[str, str]:
    """The text and the encoding it was read with; a binary file is an InputError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not {encoding}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data[: len(data) // 2 * 2].decode(utf16, errors="replace"), utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_binary(text, name)
        return text, "utf-8"
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8 (with invalid bytes replaced)"
    sample = data[:200_000]
    best = max(_CYRILLIC_PAGES, key=lambda enc: _score(sample.decode(enc, errors="replace")))
    decoded = sample.decode(best, errors="replace")
    _refuse_binary(decoded, name)
    if _score(decoded) < 0.2:
        raise InputError(f"{name}: not UTF-8 and not Russian text in a Cyrillic code page; save it as UTF-8")
    return data.decode(best, errors="replace"), best


def text_to_blocks(text: str) -> list[Block]:
    return [Block(line) for line in text.splitlines() if line.strip()]


def extract(data: bytes, name: str) -> Extracted:
    text, encoding = decode_text(data, name)
    warnings = [] if encoding in ("utf-8", "utf-8-sig", "utf-16") else [f"read as {encoding}"]
    text = text.replace("\x00", "")
    if text.count("\f") >= 1 and text.strip("\f\n "):
        # Page breaks: a PDF's text dumped by pdftotext or similar. Reflow it as the PDF would be.
        from lexwatch.text.extract_pdf import dump_pages, reflow_pages

        warnings.append("form feeds: read as the text of a paginated (PDF) document")
        return Extracted(blocks=[Block(p) for p in reflow_pages(dump_pages(text))], format="txt",
                         warnings=warnings)
    return Extracted(blocks=text_to_blocks(text), format="txt", warnings=warnings)
