"""A commentator runs `lexwatch flags`, `lexwatch packs list` and reads flags in `lexwatch diff`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from builders import write_editions
from conftest import CliResult

Cli = Callable[..., CliResult]

CODE_2020 = """УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ

ГЛАВА 9. Наказание и его виды

Статья 59. Смертная казнь
1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела за некоторые особо тяжкие преступления, сопряженные с умышленным лишением жизни человека при отягчающих обстоятельствах.
2. Смертная казнь не может быть назначена лицам, совершившим преступления в возрасте до восемнадцати лет.

Статья 204. Кража
1. Тайное похищение имущества (кража) –
наказывается общественными работами, или штрафом, или лишением свободы на срок до двух лет.

Статья 289. Акт терроризма
1. Совершение взрыва, поджога в целях устрашения населения (акт терроризма) –
наказывается лишением свободы на срок от восьми до пятнадцати лет.
2. Акт терроризма, сопряженный с убийством человека, –
наказывается лишением свободы на срок от десяти до пятнадцати лет или пожизненным заключением.
"""

CODE_2022 = CODE_2020.replace(
    "от десяти до пятнадцати лет или пожизненным заключением",
    "от десяти до двадцати лет, или пожизненным лишением свободы, или смертной казнью").replace(
    "наказывается общественными работами, или штрафом", "наказывается штрафом") + """
Статья 130². Отрицание геноцида белорусского народа
1. Отрицание геноцида белорусского народа, содержащееся в публичном выступлении, –
наказывается арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же срок.
"""

MIGRATION_PACK = """\
description = "Только убежище"

[[rules]]
id = "asylum"
severity = "low"
description = "Убежище"
terms = ["убежище"]
"""


@pytest.fixture
def editions(tmp_path: Path) -> tuple[Path, Path]:
    return write_editions(tmp_path, CODE_2020, CODE_2022)


def test_flags_of_one_file_as_json_and_as_lines(lexwatch_cli: Cli, editions: tuple[Path, Path]) -> None:
    result = lexwatch_cli("flags", str(editions[1]), "--json")
    assert result.code == 0, result
    data = result.json()
    assert data["document"] == "uk_2022.txt" and data["packs"] == ["death-penalty", "extremism", "genocide",
                                                                   "migration", "terrorism"]
    found = {(h["article"], h["pack"], h["rule"], h["direction"]) for h in data["hits"]}
    assert ("59", "death-penalty", "death-penalty-articles", "present") in found
    assert ("289", "death-penalty", "death-penalty", "present") in found
    assert ("130-2", "genocide", "genocide-denial", "present") in found
    assert not any(h["article"] == "204" for h in data["hits"])
    assert data["summary"]["death-penalty"] >= 3 and data["summary"]["migration"] == 0
    first = next(h for h in data["hits"] if h["rule"] == "death-penalty" and h["article"] == "59")
    assert first["count"] == 5 and first["evidence"] == "Смертная казнь"  # the title, then four in the text

    text = lexwatch_cli("flags", str(editions[1]), "--pack", "genocide")
    assert text.code == 0 and text.out.splitlines()[0] == "uk_2022.txt: 1 flags"
    assert "Статья 130²  high   genocide/genocide-denial (present) ×3: Статья 130². Отрицание геноцида" in text.out


def test_nothing_flagged_is_still_success(lexwatch_cli: Cli, tmp_path: Path) -> None:
    theft = tmp_path / "theft.txt"
    theft.write_text(CODE_2020.split("Статья 289.")[0].split("Статья 59.")[0] + "Статья 204. Кража\n"
                     "1. Тайное похищение имущества (кража) – наказывается штрафом.\n", encoding="utf-8")
    result = lexwatch_cli("flags", str(theft), "--json")
    assert result.code == 0 and result.json()["hits"] == []
    lines = lexwatch_cli("flags", str(theft))
    assert lines.code == 0 and "nothing flagged" in lines.out


def test_a_stored_version_is_flagged_by_its_name(lexwatch_cli: Cli, workspace: Path,
                                                 editions: tuple[Path, Path]) -> None:
    added = lexwatch_cli("add", str(editions[1]), "--edition-date", "2022-09-26", cwd=workspace)
    assert added.code == 0, added
    result = lexwatch_cli("flags", "HK9900275@2022-09-26", "--json", "--pack", "death-penalty", cwd=workspace)
    assert result.code == 0, result
    assert {h["article"] for h in result.json()["hits"]} == {"59", "289"}
    missing = lexwatch_cli("flags", "HK9900275@2030-01-01", cwd=workspace)
    assert missing.code == 2 and len(missing.err.strip().splitlines()) == 1


def test_packs_list_shows_shipped_and_workspace_packs(lexwatch_cli: Cli, workspace: Path) -> None:
    shipped = lexwatch_cli("packs", "list", "--json", cwd=workspace)
    assert [p["name"] for p in shipped.json()] == ["death-penalty", "extremism", "genocide", "migration", "terrorism"]
    (workspace / "flags").mkdir()
    (workspace / "flags" / "migration.toml").write_text(MIGRATION_PACK, encoding="utf-8")
    replaced = {p["name"]: p for p in lexwatch_cli("packs", "list", "--json", cwd=workspace).json()}
    assert replaced["migration"]["source"].endswith("flags/migration.toml")
    assert [r["id"] for r in replaced["migration"]["rules"]] == ["asylum"]
    lines = lexwatch_cli("packs", "list", cwd=workspace).out
    assert "death-penalty-articles   high   Статьи о смертной казни" in lines and "«убежище»" in lines


def test_diff_json_carries_flags_and_sanctions(lexwatch_cli: Cli, editions: tuple[Path, Path]) -> None:
    result = lexwatch_cli("diff", *map(str, editions), "--format", "json")
    assert result.code == 1, result
    articles = {a["new_number"]: a for a in result.json()["articles"]}
    assert {(f["pack"], f["rule"], f["direction"]) for f in articles["289"]["flags"]} == {
        ("death-penalty", "death-penalty", "added"), ("terrorism", "terrorism-articles", "changed"),
        ("terrorism", "terrorism", "changed")}  # "Акт терроризма, сопряженный…": its part changed
    assert [s["summary"] for s in articles["289"]["sanctions"]] == [
        "ч.2 ст.289: death penalty added", "ч.2 ст.289: imprisonment max term 15 → 20 years"]
    assert articles["204"]["flags"] == [] and [s["summary"] for s in articles["204"]["sanctions"]] == [
        "ч.1 ст.204: community service removed"]
    assert articles["130-2"]["flags"][0]["direction"] == "added"

    only = lexwatch_cli("diff", *map(str, editions), "--format", "json", "--pack", "genocide").json()
    assert {f["pack"] for a in only["articles"] for f in a["flags"]} == {"genocide"}
    none = lexwatch_cli("diff", *map(str, editions), "--format", "json", "--no-flags").json()
    assert all(a["flags"] == [] and a["sanctions"] == [] for a in none["articles"])


def test_terminal_and_markdown_put_flagged_articles_first(lexwatch_cli: Cli, editions: tuple[Path, Path]) -> None:
    out = lexwatch_cli("diff", *map(str, editions)).out
    headings = [line for line in out.splitlines() if line.startswith("Статья")]
    assert headings[0].startswith("Статья 289.") and headings[-1].startswith("Статья 204.")
    assert "⚑ high death-penalty/death-penalty (added): … лет, или пожизненным лишением свободы, или смертной казнью." \
        in out
    assert "⚖ ч.2 ст.289: imprisonment max term 15 → 20 years" in out
    markdown = lexwatch_cli("diff", *map(str, editions), "-f", "markdown").out
    assert markdown.index("## Статья 289") < markdown.index("## Статья 204")
    # a Russian document's sanction lines are in Russian (the terminal's stay in English)
    sanctions = [line for line in markdown.splitlines() if line.startswith("- ⚖")]
    assert "- ⚖ ч. 2 ст. 289: лишение свободы: срок от 10 до 15 лет → от 10 до 20 лет" in sanctions, sanctions
    assert "- ⚖ ч. 1 ст. 204: исключено: общественные работы" in sanctions
    html = lexwatch_cli("diff", *map(str, editions), "-f", "html").out
    assert "<li>⚖ ч. 2 ст. 289: лишение свободы: срок от 10 до 15 лет → от 10 до 20 лет</li>" in html
    assert "imprisonment" not in markdown + html


def test_a_broken_workspace_pack_stops_diff_with_one_line(lexwatch_cli: Cli, workspace: Path,
                                                          editions: tuple[Path, Path]) -> None:
    (workspace / "flags").mkdir()
    (workspace / "flags" / "war.toml").write_text(MIGRATION_PACK.replace('"low"', '"urgent"'), encoding="utf-8")
    result = lexwatch_cli("diff", *map(str, editions), cwd=workspace)
    assert result.code == 2 and result.out == ""
    assert result.err.strip().splitlines() == [
        f"lexwatch: error: {workspace / 'flags' / 'war.toml'}: severity must be one of high, medium, low "
        "(key 'rules.asylum.severity')"]
    unknown = lexwatch_cli("flags", str(editions[0]), "--pack", "war-crimes", cwd=workspace)
    assert unknown.code == 2


def test_unknown_pack_is_a_usage_error(lexwatch_cli: Cli, editions: tuple[Path, Path]) -> None:
    result = lexwatch_cli("diff", *map(str, editions), "--pack", "piracy")
    assert result.code == 2
    assert result.err.startswith("lexwatch: error: no rule pack 'piracy' (known: death-penalty, extremism")


AMENDING_LAW = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
13 мая 2022 г. № 165-З
Об изменении кодексов по вопросам уголовной ответственности

Статья 1. Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:
1. В статье 289:
в части 3 слова «от восьми до двадцати лет» заменить словами «от двенадцати до двадцати пяти лет»;
в части 3 слова «или пожизненным лишением свободы» заменить словами «, или пожизненным лишением свободы, или смертной казнью»;
2. в части 2 статьи 124 слова «пожизненным лишением свободы» заменить словами «пожизненным лишением свободы или смертной казнью».
Статья 2. Настоящий Закон вступает в силу через десять дней после его официального опубликования.
"""


def test_a_hit_in_an_amending_law_names_the_code_article_it_changes(lexwatch_cli: Cli, tmp_path: Path) -> None:
    law = tmp_path / "zakon_165-z.txt"
    law.write_text(AMENDING_LAW, encoding="utf-8")
    result = lexwatch_cli("flags", str(law), "--json", "--pack", "death-penalty")
    assert result.code == 0, result
    added = [h for h in result.json()["hits"] if h["rule"] == "death-penalty"]
    # one entry per instruction: both are in the law's Art. 1, but they change two articles of the Code
    assert [(h["article"], h["direction"], h["targets"], h["instruction"], h["count"]) for h in added] == [
        ("1", "added", [{"code": "УК", "article": "289", "part": "3", "point": None}], "1", 1),
        ("1", "added", [{"code": "УК", "article": "124", "part": "2", "point": None}], "2", 1)]
    lines = lexwatch_cli("flags", str(law), "--pack", "death-penalty").out.splitlines()
    assert lines[0] == "zakon_165-z.txt: 2 flags"
    assert lines[1].startswith("     Статья 1  high   death-penalty/death-penalty (added) → ч. 3 ст. 289 УК "
                               "(п. 1 ст. 1 закона): … ")
    assert "(added) → ч. 2 ст. 124 УК (п. 2 ст. 1 закона): …" in lines[2]
