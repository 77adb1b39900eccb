"""Fixture builders: render a Document as portal-markup HTML, DOCX (python-docx) or PDF (reportlab).

Used by the text tests (every format must parse back to the same articles), by the fixture portal
and by bench/ingest.py. Sub-numbers are written the way each format really carries them:
`<sup>` in HTML, superscript runs in DOCX, a small raised (or flattened) number in PDF.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

from lexwatch.ids import FROM_SUPERSCRIPT, SUPERSCRIPT_DIGITS, ArticleNumber
from lexwatch.text.model import Article, Document

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

_SUP_RUN = re.compile(f"([{SUPERSCRIPT_DIGITS}]+)")
_NUMBERED = re.compile(r"^(\d{1,3}(?:/\d{1,3})?)([.)])\s")


# Art. 130² as the 2022 edition prints it (Закон № 146-З): the store and check tests' new article.
ART_130_2 = Article(
    ArticleNumber(130, 2), "Отрицание геноцида белорусского народа",
    "1. Публичное отрицание геноцида белорусского народа, а равно распространение материалов, содержащих "
    "отрицание геноцида белорусского народа, –\nнаказываются арестом, или ограничением свободы на срок до "
    "пяти лет, или лишением свободы на срок до пяти лет.")


def criminal_code(*articles: Article) -> Document:
    """A Criminal Code (HK9900275) holding just these articles."""
    return Document(title="УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", articles=list(articles), act="HK9900275")


def events(doc: Document) -> Iterator[tuple[str, str]]:
    """The document in reading order: ("title"|"part"|"section"|"chapter"|"note"|"article"|"line", text)."""
    if doc.title:
        yield "title", doc.title
    notes: dict[str, list[str]] = {}
    for heading, text in doc.notes:
        notes.setdefault(heading, []).append(text)
    part = section = chapter = ""
    for article in doc.articles:
        for kind, heading, current in (("part", article.part, part), ("section", article.section, section),
                                       ("chapter", article.chapter, chapter)):
            if heading and heading != current:
                yield kind, heading
                for note in notes.get(heading, []):
                    for line in note.split("\n"):
                        yield "note", line
        part, section, chapter = article.part or part, article.section or section, article.chapter or chapter
        yield "article", article.heading
        for line in article.lines:
            yield "line", line


def _sup_html(text: str) -> str:
    return _SUP_RUN.sub(lambda m: f"<sup>{m.group(1).translate(FROM_SUPERSCRIPT)}</sup>", html.escape(text))


_PORTAL_CLASSES = {"part": "part", "section": "zagrazdel", "chapter": "chapter", "title": "titlek"}


def render_portal_html(doc: Document, *, regnum: str | None = "HK9900275", toc: bool = True,
                       date_line: str = "9 июля 1999 г. № 275-З", amendments: tuple[str, ...] = (),
                       anchors: bool = True) -> str:
    """A consolidated-text page in the portal's markup (PORTAL.md): div.Section1, one <p class> a paragraph.

    `amendments` are lines of the "Изменения и дополнения" list (changei/changeadd)."""
    body: list[str] = []
    out = body.append
    contents: list[str] = []
    for kind, text in events(doc):
        if kind == "title":
            out(f'<p class="titlek" id=""><a class="dopinfo" href="#" title=" Дополнительная информация"></a>'
                f"{html.escape(text)}</p>")
            day, _, number = date_line.partition(" № ")
            out(f'<p class="newncpi" style="TEXT-ALIGN: center;"><span class="datepr">{html.escape(day)}</span> '
                f'<span class="number">№&nbsp;{html.escape(number)}</span></p>')
            out('<p class="prinodobren">Принят Палатой представителей 2 июня 1999 года<br />\n'
                "Одобрен Советом Республики 24 июня 1999 года</p>")
            if amendments:
                out('<p class="changei">Изменения и дополнения:</p>')
                body.extend(f'<p class="changeadd">{html.escape(line)}</p>' for line in amendments)
        elif kind in ("part", "section", "chapter"):
            out(f'<p class="{_PORTAL_CLASSES[kind]}">{_sup_html(text)}</p>')
            contents.append(f'<p class="contenttext"><a href="#&amp;{kind.title()}=1">{_sup_html(text)}</a></p>')
        elif kind == "note":
            out(f'<p class="newncpi">{html.escape(text)}</p>')
        elif kind == "article":
            number, _, title = text.removeprefix("Статья ").partition(". ")
            anchor = number.translate(FROM_SUPERSCRIPT)
            dopinfo = (f'<a class="dopinfo" href="#" id="&amp;Article={anchor}" title=" Дополнительная '
                       f'информация"></a>') if anchors else ""
            out(f'<p class="article" id="{anchor}">{dopinfo}Статья&nbsp;{_sup_html(number)}.&nbsp;'
                f"{html.escape(title)}</p>")
            contents.append(f'<p class="contenttext"><a href="#&amp;Article={anchor}">Статья {_sup_html(number)}.'
                            f"</a> {html.escape(title)}</p>")
        else:
            out(_portal_line(text))
    if toc and contents:
        at = 3 + (len(amendments) + 1 if amendments else 0) if doc.title else 0
        body[at:at] = ['<p class="contentword">СОДЕРЖАНИЕ</p>', *contents]
    regnum_attr = f' data-regnum="{regnum}"' if regnum else ""
    return ("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\" />\n"
            f"<title>{html.escape(doc.title)}</title>\n</head><body>\n<main class=\"l-main\">\n"
            f'<div class="usercontent document-wrap" id="userContent"{regnum_attr}>\n<div class="Section1">\n'
            + "\n".join(body)
            + '\n<p class="newncpi">&nbsp;</p>\n<table><tr><td><p class="newncpi2"><span class="post">'
              "Президент Республики Беларусь</span></p></td><td><p class=\"newncpi2\">"
              '<span class="pers">А.Лукашенко</span></p></td></tr></table>\n'
              "</div>\n</div>\n</main>\n</body>\n</html>\n")


def _portal_line(text: str) -> str:
    if text.startswith("Примечани"):
        return f'<p class="comment">{html.escape(text)}</p>'
    m = _NUMBERED.match(text)
    if m:
        cls = "point" if m.group(2) == "." else "underpoint"
        rest = html.escape(text[m.end():])
        return f'<p class="{cls}" id="{m.group(1)}">{html.escape(m.group(1))}{m.group(2)}&nbsp;{rest}</p>'
    return f'<p class="newncpi">{html.escape(text)}</p>'


def make_docx(doc: Document) -> bytes:
    """A Word file: one paragraph per line, sub-numbers of headings as superscript runs."""
    import docx

    word = docx.Document()
    for kind, text in events(doc):
        paragraph = word.add_paragraph()
        if kind in ("title", "part", "section", "chapter", "article"):
            paragraph.alignment = 1 if kind != "article" else 0
        for piece in _SUP_RUN.split(text):
            if not piece:
                continue
            run = paragraph.add_run(piece.translate(FROM_SUPERSCRIPT))
            run.bold = kind != "line" and kind != "note"
            if piece[0] in SUPERSCRIPT_DIGITS:
                run.font.superscript = True
    buf = BytesIO()
    word.save(buf)
    return buf.getvalue()


# --- PDF ---------------------------------------------------------------------------------------

_FONT = "DejaVuSans"
_SIZE = 9.0
_SUP_SIZE = 6.0
_LEADING = 11.0
_INDENT = 15.0
_HYPHENATABLE = re.compile(r"^[а-яё]{7,}[,.;:]?$")


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_FONT, str(DEJAVU)))


def _width(text: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    total = 0.0
    for piece in _SUP_RUN.split(text):
        if piece:
            sup = piece[0] in SUPERSCRIPT_DIGITS
            total += stringWidth(piece.translate(FROM_SUPERSCRIPT), _FONT, _SUP_SIZE if sup else _SIZE)
    return total


def _wrap(text: str, first: float, width: float, hyphenate: bool) -> list[str]:
    """Greedy line breaking; a long lower-case word that does not fit is hyphenated ("нака-" / "зывается")."""
    lines: list[str] = []
    current = ""
    room = first
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if _width(candidate) <= room:
            current = candidate
            continue
        if hyphenate and current and _HYPHENATABLE.match(word):
            letters = len(word.rstrip(",.;:"))
            for cut in range(letters - 3, 2, -1):
                head = f"{current} {word[:cut]}-"
                if _width(head) <= room:
                    lines.append(head)
                    current, room = word[cut:], width
                    break
            else:
                lines.append(current)
                current, room = word, width
            continue
        if current:
            lines.append(current)
            room = width
        current = word
    if current:
        lines.append(current)
    return lines


def make_pdf(doc: Document, *, columns: int = 1, running_head: str | None = "Уголовный кодекс Республики Беларусь",
             page_numbers: bool = True, superscripts: str = "raised", hyphenate: bool = True,
             page_size: tuple[float, float] | None = None, contents: bool = False) -> bytes:
    """A typeset PDF: paragraphs with first-line indents, one or two columns, a running head and page
    numbers, hyphenated line ends. `superscripts="flat"` prints 130² as "1302", as copy-pasted PDFs do;
    `contents` starts with a table of contents (headings with dot leaders and page numbers)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    page_w, page_h = page_size or A4
    margin, gutter = (50.0, 20.0) if page_w > 400 else (30.0, 12.0)
    col_w = (page_w - 2 * margin - gutter * (columns - 1)) / columns
    top, bottom = page_h - margin - 20, margin + 20
    buf = BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(page_w, page_h), invariant=True)
    state = {"page": 1, "col": 0, "y": top}

    def furniture() -> None:
        pdf.setFont(_FONT, 8)
        if running_head:
            pdf.drawCentredString(page_w / 2, page_h - margin, running_head)
        if page_numbers:
            pdf.drawCentredString(page_w / 2, margin - 10, str(state["page"]))

    def advance() -> None:
        state["y"] -= _LEADING
        if state["y"] < bottom:
            state["col"] += 1
            state["y"] = top
            if state["col"] >= columns:
                furniture()
                pdf.showPage()
                state["page"] += 1
                state["col"] = 0

    def draw(line: str, x: float) -> None:
        text = pdf.beginText(x, state["y"])
        for piece in _SUP_RUN.split(line):
            if not piece:
                continue
            if piece[0] in SUPERSCRIPT_DIGITS and superscripts == "raised":
                text.setFont(_FONT, _SUP_SIZE)
                text.setRise(3)
                text.textOut(piece.translate(FROM_SUPERSCRIPT))
                text.setRise(0)
            else:
                text.setFont(_FONT, _SIZE)
                text.textOut(piece.translate(FROM_SUPERSCRIPT))
        pdf.drawText(text)

    paragraphs = [text for _kind, text in events(doc)]
    if contents:
        toc = [f"{text} ........ {n + 2}" for n, (kind, text) in enumerate(events(doc))
               if kind in ("part", "section", "chapter", "article")]
        paragraphs[1:1] = ["СОДЕРЖАНИЕ", *toc]
    for text in paragraphs:
        for i, line in enumerate(_wrap(text, col_w - _INDENT, col_w, hyphenate)):
            left = margin + state["col"] * (col_w + gutter)
            draw(line, left + (_INDENT if i == 0 else 0.0))
            advance()
    furniture()
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def make_scanned_pdf() -> bytes:
    """A PDF page with only drawings (what a scan without OCR looks like to a text extractor)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=True)
    for i in range(40):
        pdf.rect(60, 780 - i * 18, 470 - (i % 5) * 40, 8, stroke=0, fill=1)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def encrypt_pdf(data: bytes, password: str = "секрет") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    buf = BytesIO()
    writer.write(buf)
    return buf.getvalue()


def write_editions(folder: Path, old: str, new: str) -> tuple[Path, Path]:
    """Two editions of a code as the TXT files a user would diff: uk_2020.txt and uk_2022.txt."""
    paths = folder / "uk_2020.txt", folder / "uk_2022.txt"
    for path, text in zip(paths, (old, new), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def folder_inbox(workspace: Path) -> Path:
    """The workspace's `check` reading a folder only (the portal off): its inbox, made."""
    config = workspace / "lexwatch.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("# enabled = true", "enabled = false")
                      + '\n[sources.folder]\npath = "inbox"\n', encoding="utf-8")
    inbox = workspace / "inbox"
    inbox.mkdir()
    return inbox


def within(seconds: float) -> object:
    """A context that fails the test when its body runs longer than `seconds` (instead of for hours)."""
    import contextlib
    import signal

    import pytest

    if not hasattr(signal, "setitimer"):
        pytest.skip("needs SIGALRM")

    def expired(*_args: object) -> None:
        pytest.fail(f"took more than {seconds} s")

    @contextlib.contextmanager
    def armed():  # type: ignore[no-untyped-def]
        signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL)

    return armed()


def on_a_terminal(*args: str, cwd: Path, columns: int) -> tuple[int, str]:
    """The exit code and what `lexwatch ARGS` prints to a terminal `columns` wide (a pseudo-terminal),
    without colour."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXWATCH_")}
    env.update(COLUMNS=str(columns), NO_COLOR="1")
    proc = subprocess.Popen([sys.executable, "-m", "lexwatch", *args], cwd=cwd, env=env, stdout=follower,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end closed: the command is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return proc.wait(timeout=120), b"".join(chunks).decode().replace("\r\n", "\n")
