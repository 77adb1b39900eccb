"""`lexwatch.text.PARSER` names the reading a stored version's articles come from: a store reads each
version a lower PARSER stored again from its raw file, once (ADR-34). A change of what a file reads as
that leaves PARSER where it was leaves every version stored before it read the old way, and a diff of
an old version against a new one tells changes no law made. This test fails on such a change.

It reads realistic files of each format (the demo's two portal pages, a law and a draft saved as text,
the Code as .txt, .docx and a typeset PDF in one and two columns) and compares a digest of what they
read as with the one recorded for the current PARSER. When it fails because you changed the reading:
raise PARSER in lexwatch/text/__init__.py by one and record the new digests under the new number
(keep the old numbers' lines). When only the inputs changed (tests/builders.py, or the fixtures taken
from test_upgrade.LAW, test_folder_source.DRAFT and test_pdf_exact._two_columns), record the new
digests under the same number."""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from importlib.resources import files

import pytest
from builders import DEJAVU, make_docx, make_pdf
from test_folder_source import DRAFT
from test_pdf_exact import _law_first_page, _two_columns
from test_upgrade import LAW

from lexwatch.text import PARSER
from lexwatch.text.load import extract, parse_or_plain
from lexwatch.text.model import Document

READINGS: dict[int, dict[str, str]] = {
    1: {"html": "e27cef4dcf74510e1aee9bd602f196d3feade68f81acd8010a5b094482396a9d",
        "txt": "a8c7295c9f6daf6606691e29d349f78eff1aae0ff5b37d77ecdd5497e54d1082",
        "docx": "4a8690f1ccdc2b58fdad57d8e2fa0e4baf26fbbbdfdb1e12775d9f89bf3d7438",
        "pdf": "5a3f5602b1e1b614de36ea1487c4d94e1396916b4217471c80aec4dd77c5b3a9"},
    # a footnote under one column of two set aside, a title broken with a hyphen joined (the PDF inputs
    # gained the column footnote's page: under PARSER 1 they read 82b0263f…)
    2: {"html": "e27cef4dcf74510e1aee9bd602f196d3feade68f81acd8010a5b094482396a9d",
        "txt": "a8c7295c9f6daf6606691e29d349f78eff1aae0ff5b37d77ecdd5497e54d1082",
        "docx": "4a8690f1ccdc2b58fdad57d8e2fa0e4baf26fbbbdfdb1e12775d9f89bf3d7438",
        "pdf": "0d0ce9010092f11a859045c17407c4b0c5694a6ef60bcca361131b78b06b0bdf"},
    # a one-page PDF's running head drawn after its text is no line of the last article, a law's name
    # wrapped over two centred lines is its whole name (the PDF inputs gained such laws)
    3: {"html": "e27cef4dcf74510e1aee9bd602f196d3feade68f81acd8010a5b094482396a9d",
        "txt": "a8c7295c9f6daf6606691e29d349f78eff1aae0ff5b37d77ecdd5497e54d1082",
        "docx": "4a8690f1ccdc2b58fdad57d8e2fa0e4baf26fbbbdfdb1e12775d9f89bf3d7438",
        "pdf": "7ada6878d91002313e7811109dfd9424495cf85b472b412504125fcfd9613a4d"},
}
# The PDFs are typeset by reportlab and their text read by pypdf: their reading is compared where these
# are the versions it was recorded with (another pypdf may read a page otherwise: no lexwatch change).
PDF_RECORDED_WITH = {"pypdf": "7.1.1", "reportlab": "5.1.0"}


def _sample(name: str) -> bytes:
    return (files("lexwatch") / "data" / "samples" / name).read_bytes()


def _reading(data: bytes, name: str) -> dict[str, object]:
    doc = parse_or_plain(extract(data, name), name)
    return {"title": doc.title, "act": doc.act, "preamble": doc.preamble, "format": doc.format,
            "articles": [[a.number.canonical, a.title, a.text, a.part, a.section, a.chapter, a.excluded]
                         for a in doc.articles]}


def _code() -> Document:
    return parse_or_plain(extract(_sample("uk_excerpt.html"), "uk_excerpt.html"), "uk_excerpt.html")


def _inputs(fmt: str) -> list[tuple[bytes, str]]:
    if fmt == "html":
        return [(_sample("uk_excerpt_2020.html"), "uk_2020.html"), (_sample("uk_excerpt.html"), "uk_2022.html")]
    if fmt == "txt":
        return [(LAW.encode(), "zakon.txt"), (DRAFT.encode(), "proekt.txt"), (_code().as_text().encode(), "uk.txt")]
    if fmt == "docx":
        return [(make_docx(_code()), "uk.docx")]
    return [(make_pdf(_code()), "uk.pdf"), (make_pdf(_code(), columns=2), "uk_2col.pdf"),
            (_two_columns(0), "uk_a5_footnote.pdf"),
            (make_pdf(parse_or_plain(extract(LAW.encode(), "zakon.txt"), "zakon.txt"),
                      running_head="Закон Республики Беларусь от 14 февраля 2023 г. № 251-З"), "zakon_one_page.pdf"),
            (_law_first_page("margin"), "zakon_a5.pdf")]


def _digest(fmt: str) -> str:
    readings = [_reading(data, name) for data, name in _inputs(fmt)]
    return hashlib.sha256(json.dumps(readings, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


@pytest.mark.parametrize("fmt", ["html", "txt", "docx", "pdf"])
def test_what_files_read_as_is_what_parser_names(fmt):
    if fmt == "pdf":
        made_with = {"pypdf": version("pypdf"), "reportlab": version("reportlab")}
        if not DEJAVU.is_file() or made_with != PDF_RECORDED_WITH:
            pytest.skip(f"PDF reading recorded with {PDF_RECORDED_WITH}; here {made_with}")
    recorded = READINGS.get(PARSER, {}).get(fmt)
    assert recorded is not None, f"no {fmt} reading recorded for PARSER {PARSER}: record {_digest(fmt)}"
    assert _digest(fmt) == recorded, (
        f"what a .{fmt} file reads as changed ({_digest(fmt)}) but lexwatch.text.PARSER is still {PARSER}: "
        "raise it by one (stored versions are then read again) and record the new digests under it")
