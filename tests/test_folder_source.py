"""The folder source as `lexwatch check` tells it: a draft saved by hand is named as a draft, and one
document saved in several formats (the .txt, the .docx and the .pdf of one law) is told once."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from builders import DEJAVU, criminal_code, folder_inbox
from test_check import ART_67_NEW, ART_67_OLD
from test_flags_amendments import LAW  # Law No. 165-З as saved from its publication

# The same law as its draft reads on the Legal Forum, saved from it: "ПРОЕКТ" above the kind of act,
# no date or number yet, the same instructions.
DRAFT = "ПРОЕКТ\n" + LAW.replace("13 мая 2022 г. № 165-З\n", "").replace(
    "Принят Палатой представителей 27 апреля 2022 года\nОдобрен Советом Республики 29 апреля 2022 года\n\n", "")
DRAFT_NAME = "Проект закона «Об изменении Уголовного кодекса Республики Беларусь»"


def _word(text: str) -> bytes:
    """The text as Word saves it when pasted in: a paragraph a line."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buf = BytesIO()
    document.save(buf)
    return buf.getvalue()


def _pdf(text: str) -> bytes:
    """The text printed to PDF: a paragraph a line, its first row indented, long ones wrapped."""
    import textwrap

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not DEJAVU.exists():
        pytest.skip("no DejaVu font to print Cyrillic with")
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    buf = BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=True)
    y = 790.0
    for line in text.splitlines():
        for at, row in enumerate(textwrap.wrap(line, 95) or [""]):
            pdf.setFont("DejaVuSans", 9)
            pdf.drawString(65 if at == 0 else 50, y, row)
            y -= 12
            if y < 60:
                pdf.showPage()
                y = 790.0
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _told(out: str) -> list[str]:
    """The name on each document's line of `check`."""
    return [line.split("(file)  ", 1)[1] for line in out.splitlines() if line.startswith(("new ", "changed "))]


def test_a_draft_saved_in_the_folder_is_named_as_a_draft_and_its_law_as_the_law(lexwatch_cli, workspace):
    inbox = folder_inbox(workspace)
    (inbox / "proekt_izmeneniya_UK.txt").write_text(DRAFT, encoding="utf-8")
    (inbox / "zakon_165-z.txt").write_text(LAW, encoding="utf-8")
    run = lexwatch_cli("check", cwd=workspace)
    assert run.code == 1, run
    # the draft, adopted word for word, is not the law: both told, each by its name
    assert _told(run.out) == [DRAFT_NAME, "Об изменении Уголовного кодекса Республики Беларусь"], run.out
    again = lexwatch_cli("check", "--json", cwd=workspace)
    assert again.code == 0 and again.json()["documents"] == [], again


def test_check_json_says_which_document_is_a_draft(lexwatch_cli, workspace):
    inbox = folder_inbox(workspace)
    (inbox / "proekt.txt").write_text(DRAFT, encoding="utf-8")
    (inbox / "zakon.txt").write_text(LAW, encoding="utf-8")
    documents = lexwatch_cli("check", "--json", cwd=workspace).json()["documents"]
    assert [(Path(d["url"]).name, d["draft"], d["kind"]) for d in documents] == [
        ("proekt.txt", True, "file"), ("zakon.txt", False, "file")]
    assert documents[0]["title"] == "ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ"  # as stored


def test_one_law_saved_as_txt_docx_and_pdf_is_told_once_and_every_file_kept(lexwatch_cli, workspace):
    inbox = folder_inbox(workspace)
    saved = {name: data for name, data in (("zakon_165-z.docx", _word(LAW)), ("zakon_165-z.pdf", _pdf(LAW)),
                                            ("zakon_165-z.txt", LAW.encode()))}
    for name, data in saved.items():
        (inbox / name).write_bytes(data)
    run = lexwatch_cli("check", cwd=workspace)
    assert run.code == 1, run
    assert _told(run.out) == ["Об изменении Уголовного кодекса Республики Беларусь"], run.out
    assert "folder: 1 new, 0 changed, 2 unchanged, 0 failed" in run.err
    again = lexwatch_cli("check", cwd=workspace)
    assert (again.code, again.out) == (0, ""), again
    assert "nothing new" in again.err
    assert {p.name: p.read_bytes() for p in inbox.iterdir()} == saved  # the folder is the user's: untouched
    [stored] = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()
    assert stored["source"] == str(inbox / "zakon_165-z.docx")


def test_a_copy_saved_later_of_an_earlier_edition_is_no_news(lexwatch_cli, workspace):
    # Two editions of the Code are both told, the second against the first; the older one's PDF put in
    # the folder afterwards is neither a new edition nor the latest one's reversal
    inbox = folder_inbox(workspace)
    old, new = criminal_code(ART_67_OLD).as_text(), criminal_code(ART_67_NEW).as_text()
    (inbox / "uk_2020.txt").write_text(old, encoding="utf-8")
    (inbox / "uk_2022.txt").write_text(new, encoding="utf-8")
    first = lexwatch_cli("check", "--json", cwd=workspace)
    assert first.code == 1, first
    older, newer = first.json()["documents"]
    assert older["previous"] is None and newer["previous"]["version"] == older["version"]
    assert newer["articles"]["changed"] == ["67"]
    (inbox / "uk_2020.pdf").write_bytes(_pdf(old))
    later = lexwatch_cli("check", "--json", cwd=workspace)
    assert later.code == 0 and later.json()["documents"] == [], later


def test_a_file_that_goes_back_to_its_earlier_text_in_other_bytes_is_still_a_change(lexwatch_cli, workspace):
    # A text stored from the same file before is not "a copy": A, B, then A again is a change to tell
    inbox = folder_inbox(workspace)
    draft = inbox / "proekt.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    assert lexwatch_cli("check", cwd=workspace).code == 1
    draft.write_text(DRAFT.replace("до шести лет", "до семи лет"), encoding="utf-8")
    assert lexwatch_cli("check", cwd=workspace).code == 1
    draft.write_bytes(DRAFT.replace("\n", "\r\n").encode("utf-8-sig"))
    back = lexwatch_cli("check", "--json", cwd=workspace)
    assert back.code == 1, back
    [told] = back.json()["documents"]
    assert told["status"] == "changed" and told["articles"]["changed"] == ["1"], told


def test_a_copy_is_not_parsed_again_on_every_run(workspace, monkeypatch):
    from lexwatch.sources import runner
    from lexwatch.sources.runner import FetchRun, enabled_sources
    from lexwatch.workspace import Workspace

    inbox = folder_inbox(workspace)
    (inbox / "zakon.txt").write_text(LAW, encoding="utf-8")
    (inbox / "zakon.docx").write_bytes(_word(LAW))
    ws = Workspace.find(workspace)
    parsed: list[str] = []
    real = runner.parse_fetched
    monkeypatch.setattr(runner, "parse_fetched", lambda item: parsed.append(item.filename) or real(item))
    with ws.open_store() as store:
        first = FetchRun(ws.settings, ws.root, store).run(enabled_sources(ws.settings, ws.root))
        assert [o.status for o in first.outcomes] == ["new", "unchanged"] and sorted(parsed) == ["zakon.docx",
                                                                                                "zakon.txt"]
        parsed.clear()
        again = FetchRun(ws.settings, ws.root, store).run(enabled_sources(ws.settings, ws.root))
    assert [o.status for o in again.outcomes] == ["unchanged", "unchanged"]
    assert len({o.version for o in again.outcomes}) == 1 and parsed == []


def test_two_scans_with_no_text_are_two_documents(lexwatch_cli, workspace):
    # The second of two text-less pages (a law published as its scan) was read as a copy of the first
    # ("unchanged", as the first's version) and not stored
    inbox = folder_inbox(workspace)
    for name in ("postanovlenie_12.html", "reshenie_7.html"):
        (inbox / name).write_text(f'<html><body><div class="Section1"><p><img src="/upload/{name}.png"></p>'
                                  "</div></body></html>", encoding="utf-8")
    run = lexwatch_cli("check", "--json", cwd=workspace)
    documents = run.json()["documents"]
    assert [(Path(d["url"]).name, d["status"]) for d in documents] == [
        ("postanovlenie_12.html", "new"), ("reshenie_7.html", "new")], run
    assert len({d["version"] for d in documents}) == 2


@pytest.mark.parametrize(("emptied", "held"), [
    (b"", "0 bytes"),
    (b"\xef\xbb\xbf", "3 bytes: a byte-order mark only"),                 # Notepad's "empty" UTF-8 file
    (b"\xef\xbb\xbf\r\n\r\n", "7 bytes: a byte-order mark and white space only"),
    ("\ufeff \r\n".encode("utf-16-le"), "8 bytes: a byte-order mark and white space only"),  # Word's "Unicode" .txt
    (bytes(4096), "4096 bytes: zero bytes only"),                          # a crash before the blocks were written
])
def test_a_file_emptied_by_a_crash_is_a_failure_and_its_last_version_stays_the_latest(
        lexwatch_cli, workspace, emptied, held):
    # An editor crashed or a sync client wrote half: the law's file holds no text. Stored, it was a new
    # untitled version "changed" (exit 1, "no articles to compare"), and the law saved again a second
    # change ("the source went back to it").
    inbox = folder_inbox(workspace)
    law = inbox / "zakon_165-z.txt"
    law.write_text(LAW, encoding="utf-8")
    assert lexwatch_cli("check", cwd=workspace).code == 1
    law.write_bytes(emptied)
    run = lexwatch_cli("check", cwd=workspace)
    assert (run.code, run.out) == (4, ""), run  # a failure, as an unreadable file is: no change told
    assert run.err.count(f"failed: {law}: the file is empty ({held}): not stored\n") == 1, run.err
    [stored] = lexwatch_cli("drafts", "list", "--json", cwd=workspace).json()
    assert stored["act"] == "H12200165" and stored["articles"] == 2, stored  # the law's version stays the latest
    law.write_text(LAW, encoding="utf-8")  # saved again as it was
    back = lexwatch_cli("check", cwd=workspace)
    assert (back.code, back.out) == (0, ""), back
    assert "nothing new" in back.err


def test_a_folder_whose_only_file_was_emptied_was_reached_not_gone(lexwatch_cli, workspace):
    # The folder was read; its one law's file failed. It said "could not check anything: every request
    # failed" and `reached: false` in JSON, which README gives a script as "the folder gone".
    inbox = folder_inbox(workspace)
    law = inbox / "zakon_165-z.txt"
    law.write_text(LAW, encoding="utf-8")
    assert lexwatch_cli("check", cwd=workspace).code == 1
    law.write_bytes(b"\xef\xbb\xbf")
    run = lexwatch_cli("check", "--json", cwd=workspace)
    assert run.code == 4, run
    assert run.json()["sources"]["folder"]["reached"] is True and run.json()["sources"]["folder"]["failed"] == 1
    said = lexwatch_cli("check", cwd=workspace)
    assert said.code == 4 and "could not check anything" not in said.err, said
    # the folder itself gone is still "not reached"
    law.unlink()
    inbox.rmdir()
    gone = lexwatch_cli("check", "--json", cwd=workspace)
    assert gone.code == 4 and gone.json()["sources"]["folder"]["reached"] is False, gone


def test_check_tells_a_copy_that_lost_a_sanction_line_with_the_document(lexwatch_cli, workspace):
    # A code saved from elsewhere whose Art. 139 lost its sanction line after "–": its flags for that
    # article come from the copy, not the law; `add` and `diff` said so, `check` (and cron's mail) did not.
    from test_text_structure import _MURDER_CUT, _SOUND

    inbox = folder_inbox(workspace)
    (inbox / "uk.txt").write_text("\n".join(["УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", "", *_MURDER_CUT, *_SOUND]),
                                  encoding="utf-8")
    run = lexwatch_cli("check", "--json", cwd=workspace)
    assert run.code == 1, run
    [document] = run.json()["documents"]
    assert document["note"] == ("article 139: a line ends in a dash and what follows it is missing (a line lost in "
                                "this copy?): a sanction so lost reads as no penalty")
    again = lexwatch_cli("check", cwd=workspace)
    assert (again.code, again.out) == (0, ""), again  # told once, with the version


def test_an_empty_folder_was_reached_not_gone(lexwatch_cli, workspace):
    # The inbox made, no file saved in it yet (or all taken out): `check` said "nothing new", exit 0, and
    # `reached: false` in JSON, which README gives a script as "the folder gone".
    inbox = folder_inbox(workspace)
    run = lexwatch_cli("check", "--json", cwd=workspace)
    assert run.code == 0 and run.json()["sources"]["folder"] == {
        "new": 0, "changed": 0, "unchanged": 0, "failed": 0, "reached": True, "left": 0}, run
    inbox.rmdir()
    gone = lexwatch_cli("check", "--json", cwd=workspace)
    assert gone.code == 4 and gone.json()["sources"]["folder"]["reached"] is False, gone


def test_a_folder_that_cannot_be_read_is_a_failure_not_an_empty_folder(workspace, monkeypatch):
    # Its permissions changed (a share mounted for another user): listing it passed over it as if it held
    # no file, and `check` said "nothing new", exit 0, about a folder it never read.
    import os
    from datetime import date

    from lexwatch.sources.base import FetchContext
    from lexwatch.sources.folder import FolderSource
    from lexwatch.workspace import Workspace

    inbox = folder_inbox(workspace)
    (inbox / "zakon_165-z.txt").write_text(LAW, encoding="utf-8")
    listing = os.scandir

    def denied(path=".", *rest):
        if Path(path) == inbox.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path, *rest)

    monkeypatch.setattr(os, "scandir", denied)
    ws = Workspace.find(workspace)
    ctx = FetchContext(ws.settings, ws.root, since=date.today(), today=date.today())
    [item] = FolderSource(ws.settings, ws.root).fetch(ctx)
    assert item.error == f"[sources.folder] path {inbox.resolve()}: cannot read the folder (Permission denied)"
    assert not ctx.answered  # not reached: the folder was not read
