"""A commentator and a lawyer browse the store: `lexwatch drafts list|show|search`."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from lexwatch.ids import ArticleNumber
from lexwatch.text.model import Article, Document
from lexwatch.workspace import Workspace

LAW_146 = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
5 января 2022 г. № 146-З
О геноциде белорусского народа

Статья 1. Основные термины, используемые в настоящем Законе
Для целей настоящего Закона используются следующие основные термины и их определения:
геноцид белорусского народа – действия, совершённые в годы Великой Отечественной войны и послевоенный период в целях полного или частичного уничтожения белорусского народа;
отрицание геноцида белорусского народа – публичные действия, направленные на отрицание факта геноцида белорусского народа.

Статья 2. Ответственность за отрицание геноцида белорусского народа
За отрицание геноцида белорусского народа наступает ответственность, предусмотренная статьёй 130² Уголовного кодекса Республики Беларусь.

Статья 3. Исключена
"""

# A publication's card as the fetch stores it: no articles, its text kept.
CARD = ('<html><head><meta charset="utf-8"></head><body><div class="usercontent">'
        "<p>Закон Республики Беларусь от 13 мая 2022 г. № 165-З «Об изменении законов по вопросам "
        "уголовной ответственности»</p></div></body></html>")


@pytest.fixture
def law(tmp_path: Path) -> Path:
    path = tmp_path / "146-З.txt"
    path.write_text(LAW_146, encoding="utf-8")
    return path


def _store_card(workspace: Path) -> str:
    with Workspace.find(workspace).open_store() as store:
        return store.add(CARD.encode(), source="https://pravo.by/document/?guid=12551&p0=H12200165",
                         filename="card.html", act="H12200165", edition_date=date(2022, 5, 18),
                         allow_unparsed=True).version.id


def test_search_json_names_each_hit_by_version_act_edition_and_article(workspace, lexwatch_cli, law):
    assert lexwatch_cli("add", str(law), "--act", "H12200146", "--edition-date", "2022-01-05", cwd=workspace).code == 0
    result = lexwatch_cli("drafts", "search", "отрицание геноцида", "--json", cwd=workspace)
    assert result.code == 0, result
    hits = result.json()
    assert all(set(hit) == {"version", "label", "act", "edition_date", "number", "display", "title", "snippet"}
               for hit in hits)
    first = hits[0]  # the article whose title holds the words comes first
    assert (first["act"], first["edition_date"], first["number"]) == ("H12200146", "2022-01-05", "2")
    assert first["label"] == "H12200146@2022-01-05" and len(first["version"]) == 64
    assert first["title"] == "Ответственность за отрицание геноцида белорусского народа"
    # quoted as written, "ё" and the superscript included, on one line
    assert first["snippet"] == ("За [отрицание] [геноцида] белорусского народа наступает ответственность, "
                                "предусмотренная статьёй 130² Уголовного кодекса Республики Беларусь.")


def test_a_search_narrowed_to_an_act_the_store_does_not_hold_is_an_error_not_no_hit(workspace, lexwatch_cli, law):
    # A mistyped register number read "no article matches", exit 1: as if the act never said it.
    lexwatch_cli("add", str(law), "--act", "H12200146", cwd=workspace)
    typo = lexwatch_cli("drafts", "search", "геноцид", "--act", "H12200164", cwd=workspace)
    assert typo.code == 2 and typo.out == "", typo
    assert typo.err == "lexwatch: error: no stored version of H12200164 (see `lexwatch drafts list`)\n"
    held = lexwatch_cli("drafts", "search", "казна", "--act", "H12200146", cwd=workspace)
    assert held.code == 1 and "no article matches 'казна'" in held.out


def test_a_huge_limit_lists_every_hit(workspace, lexwatch_cli, law):
    lexwatch_cli("add", str(law), "--act", "H12200146", cwd=workspace)
    result = lexwatch_cli("drafts", "search", "геноцид", "--limit", "100000000000000000000", "--json", cwd=workspace)
    assert result.code == 0, result  # was exit 3: "Python int too large to convert to SQLite INTEGER"
    assert sorted(hit["number"] for hit in result.json()) == ["1", "2"]


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_no_hit_stays_exit_1_when_the_output_pipe_is_closed_early(workspace, law, json_flag):
    # `lexwatch drafts search казна | head -c0` exited 0, "found", once the pipe was closed.
    with Workspace.find(workspace).open_store() as store:
        store.add(law.read_bytes(), source=str(law), filename=law.name, act="H12200146")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXWATCH_")}
    codes = []
    for query in ("казна", "геноцид"):
        proc = subprocess.Popen([sys.executable, "-m", "lexwatch", "drafts", "search", query, *json_flag], cwd=workspace,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert proc.stdout is not None
        proc.stdout.close()
        codes.append(proc.wait(timeout=120))
    assert codes == [1, 0]


def test_a_long_query_that_matches_nothing_is_echoed_cut_short(workspace, lexwatch_cli, law):
    lexwatch_cli("add", str(law), "--act", "H12200146", cwd=workspace)
    pasted = "Статья 59. Смертная казнь " * 200  # a whole page pasted as the query
    result = lexwatch_cli("drafts", "search", pasted, cwd=workspace)
    assert result.code == 1 and result.out.count("\n") == 1 and len(result.out) < 120, result


def test_list_with_an_act_the_store_does_not_hold_does_not_say_the_store_is_empty(workspace, lexwatch_cli, law):
    lexwatch_cli("add", str(law), "--act", "H12200146", cwd=workspace)
    listed = lexwatch_cli("drafts", "list", "--act", "HK9900275", cwd=workspace)
    assert listed.code == 0 and listed.out == "no versions of HK9900275 among the 1 stored (see lexwatch drafts list)\n"
    assert lexwatch_cli("drafts", "list", "--act", "HK9900275", "--json", cwd=workspace).json() == []


def test_show_a_card_prints_its_text_and_an_article_of_it_says_it_has_none(workspace, lexwatch_cli):
    card = _store_card(workspace)
    shown = lexwatch_cli("drafts", "show", "H12200165@2022-05-18", cwd=workspace)
    assert shown.code == 0, shown
    assert "0 articles, html\nno articles; its text:\nЗакон Республики Беларусь от 13 мая 2022 г. № 165-З" in shown.out
    data = lexwatch_cli("drafts", "show", card[:8], "--json", cwd=workspace).json()
    assert data["articles"] == [] and data["preamble"].startswith("Закон Республики Беларусь от 13 мая 2022 г.")
    article = lexwatch_cli("drafts", "show", card[:8], "--article", "1", cwd=workspace)
    assert article.code == 2 and article.err.count("\n") == 1
    assert "article 1 is not in H12200165@2022-05-18" in article.err and "it has no articles" in article.err


def test_show_a_law_prints_its_name_and_a_repealed_article_says_so(workspace, lexwatch_cli, law):
    lexwatch_cli("add", str(law), "--act", "H12200146", "--edition-date", "2022-01-05", cwd=workspace)
    shown = lexwatch_cli("drafts", "show", "H12200146@2022-01-05", cwd=workspace)
    assert "5 января 2022 г. № 146-З\nО геноциде белорусского народа\n" in shown.out, shown
    assert shown.out.rstrip().endswith("3  Исключена")
    repealed = lexwatch_cli("drafts", "show", "H12200146@2022-01-05", "--article", "3", "--json", cwd=workspace)
    assert repealed.code == 0 and repealed.json()["excluded"] is True and repealed.json()["text"] == ""


def test_show_names_the_article_a_number_with_its_superscript_lost_may_be(workspace, lexwatch_cli, law):
    lexwatch_cli("add", str(law), "--act", "H12200146", "--edition-date", "2022-01-05", cwd=workspace)
    with Workspace.find(workspace).open_store() as store:
        code = Document(title="УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", act="HK9900275", articles=[
            Article(ArticleNumber(130, 2), "Отрицание геноцида белорусского народа",
                    "1. Публичное отрицание геноцида белорусского народа –\nнаказывается арестом.")])
        stored = store.add(b"uk", source="uk.txt", filename="uk.txt", edition_date=date(2022, 9, 26),
                           document=code).version
    missing = lexwatch_cli("drafts", "show", "HK9900275@2022-09-26", "--article", "1302", cwd=workspace)
    assert missing.code == 2 and missing.err == (
        f"lexwatch: error: article 1302 is not in HK9900275@2022-09-26 ({stored.short_id}) "
        "(is it 130² with its superscript lost? write 130-2)\n"), missing


def test_a_damaged_store_row_is_one_line_and_exit_2(workspace, lexwatch_cli, law):
    lexwatch_cli("add", str(law), "--act", "H12200146", "--edition-date", "2022-01-05", cwd=workspace)
    db = sqlite3.connect(workspace / ".lexwatch" / "state.db")
    db.execute("UPDATE versions SET edition_date = '05.01.2022'")  # a date written by hand, not ISO
    db.commit()
    db.close()
    for args in (("drafts", "list"), ("drafts", "search", "геноцид"), ("drafts", "show", "H12200146@2022-01-05")):
        result = lexwatch_cli(*args, cwd=workspace)
        assert result.code == 2 and result.err.count("\n") == 1 and "Traceback" not in result.err, (args, result)
    assert "is damaged" in lexwatch_cli("drafts", "list", cwd=workspace).err


def test_search_over_the_two_real_editions_as_a_commentator_uses_it(workspace, lexwatch_cli, corpus_dir):
    for path, when in (("uk_2020-09.txt", "2020-09-07"), ("uk_2022-09.txt", "2022-09-26")):
        assert lexwatch_cli("add", str(corpus_dir / path), "--edition-date", when, cwd=workspace).code == 0

    def search(*args: str) -> list[dict[str, str]]:
        result = lexwatch_cli("drafts", "search", *args, "--json", cwd=workspace)
        assert result.code in (0, 1), result
        hits: list[dict[str, str]] = result.json()
        return hits

    # the articles about the subject first: FTS5's rank put "Коммерческий шпионаж" and Art. 373 first
    assert [h["number"] for h in search("шпионаж", "--limit", "2")] == ["358", "358"]
    assert [h["number"] for h in search("клевета", "--limit", "2")] == ["188", "188"]
    [genocide] = search("геноцид белорусского народа")
    assert (genocide["display"], genocide["edition_date"]) == ("130²", "2022-09-26")
    # the 2022 edition renamed the penalty: as a phrase it is in 2020 alone; as words, 2022 too
    phrase = search('"пожизненное заключение"', "--limit", "500")
    assert phrase and {h["edition_date"] for h in phrase} == {"2020-09-07"}
    assert "2022-09-26" in {h["edition_date"] for h in search("пожизненное заключение", "--limit", "500")}
    # a cited sub-number in both spellings: 2020 lost the superscript ("2901"), 2022 writes "290/1"
    cited = {(h["edition_date"], h["number"]) for h in search("290¹", "--limit", "500")}
    assert {("2020-09-07", "126"), ("2022-09-26", "126")} <= cited
    assert all("\n" not in h["snippet"] and "[" in h["snippet"] for h in phrase)


def test_a_hit_in_an_article_without_a_title_names_it_without_a_dangling_full_stop(workspace, lexwatch_cli,
                                                                                     tmp_path):
    from test_text_structure import AMENDING_LAW

    law = tmp_path / "zakon_241-z.txt"
    law.write_text(AMENDING_LAW, encoding="utf-8")
    assert lexwatch_cli("add", str(law), "--act", "H12300241", "--edition-date", "2023-01-09", cwd=workspace).code == 0
    found = lexwatch_cli("drafts", "search", "Совету Министров", cwd=workspace)
    assert found.code == 0, found
    assert found.out.splitlines()[0] == "H12300241@2023-01-09 ст. 2"
