"""A commentator's words are found in every inflection, never in look-alikes or in Belarusian."""

from __future__ import annotations

import pytest

from lexwatch.flags import Pack, load_packs
from lexwatch.flags.match import find_hits
from lexwatch.ids import ArticleNumber


@pytest.fixture(scope="module")
def packs() -> list[Pack]:
    return load_packs(None)


def rules(text: str, packs: list[Pack]) -> list[tuple[str, str]]:
    return [(h.pack, h.rule) for h in find_hits(text, packs)]


@pytest.mark.parametrize("wording", [
    "наказывается пожизненным лишением свободы или смертной казнью",
    "допускается применение смертной казни – расстрела",
    "Смертную казнь заменить пожизненным лишением свободы",
    "число приведенных в исполнение смертных казней",
    "СМЕРТНАЯ КАЗНЬ",
    "или смертной\nказнью.",
])
def test_every_inflection_of_death_penalty_is_found(wording: str, packs: list[Pack]) -> None:
    assert ("death-penalty", "death-penalty") in rules(wording, packs)


@pytest.mark.parametrize("wording", [
    "Денежные средства зачисляются в республиканский бюджет (казна).",
    "Органы государственного казначейства осуществляют кассовое исполнение бюджета.",
    "Хищение имущества из казны путем злоупотребления служебными полномочиями",
    "Причинение смерти по неосторожности, смертельное ранение",
    "посмертное награждение; смертность населения",
    "лицо, страдающее психическим расстройством",
])
def test_look_alikes_of_death_penalty_are_not(wording: str, packs: list[Pack]) -> None:
    assert rules(wording, packs) == []


@pytest.mark.parametrize("wording", [
    "Смяротнае пакаранне ў выглядзе расстрэлу можа быць прызначана толькі па прыгаворы суда.",
    "Адмаўленне генацыду беларускага народа, якое змяшчаецца ў публічным выступленні.",
    "Замежныя грамадзяне і асобы без грамадзянства, якія атрымалі статус бежанца.",
    "Акт тэрарызму, здзейснены паўторна, карaецца пазбаўленнем волі.",
])
def test_belarusian_text_is_not_flagged(wording: str, packs: list[Pack]) -> None:
    assert rules(wording, packs) == []


def test_a_russian_sentence_next_to_a_belarusian_one_is_still_read(packs: list[Pack]) -> None:
    text = "Смяротнае пакаранне ў выглядзе расстрэлу. Смертная казнь в порядке помилования может быть заменена."
    hits = find_hits(text, packs)
    assert [(h.rule, text[h.start:h.end]) for h in hits] == [("death-penalty", "Смертная казнь")]


@pytest.mark.parametrize(("wording", "article", "part"), [
    ("в соответствии со ст. 59 настоящего Кодекса", "59", None),
    ("за исключением случаев, предусмотренных статьи 59", "59", None),
    ("предусмотренных статьей 130² настоящего Кодекса", "130-2", None),
    ("предусмотренных статьей 130<sup>2</sup>", "130-2", None),
    ("предусмотренных статьей 130/2", "130-2", None),
    ("в случаях 130-2 и 290-1", "130-2", None),
    ("совершенные при обстоятельствах, указанных частью 3 статьи 289", "289", "3"),
    ("часть первую статьи 59 изложить в следующей редакции", "59", "1"),
    ("ответственность по ч. 3 ст. 289 УК", "289", "3"),
])
def test_article_references_in_all_their_forms(wording: str, article: str, part: str | None,
                                                packs: list[Pack]) -> None:
    hits = [h for h in find_hits(wording, packs) if h.kind == "article"]
    assert hits and hits[0].key == article and hits[0].part == part


def test_a_bare_number_is_not_an_article_reference(packs: list[Pack]) -> None:
    assert rules("в течение 59 дней; в 2022 году; 1302 рубля; статьей 590", packs) == []


def test_reference_lists_and_ranges_name_every_article(packs: list[Pack]) -> None:
    text = "предусмотренные статьями 124, 126, 290/1 –290/5, частью 4 статьи 309 и статьей 359 настоящего Кодекса"
    found = [h.key for h in find_hits(text, packs) if h.pack == "terrorism"]
    assert found == ["124", "126", "290-1", "290-2", "290-3", "290-4", "290-5", "359"]


def test_collapsed_superscripts_are_read_against_the_document_articles(packs: list[Pack]) -> None:
    text = "статьями 124, 126, 2901–2905"
    known = frozenset(ArticleNumber.parse(n) for n in ("124", "126", "290-1", "290-2", "290-3", "290-4", "290-5"))
    assert [h.key for h in find_hits(text, packs, known=known)] == ["124", "126", "290-1", "290-2", "290-3",
                                                                    "290-4", "290-5"]
    assert [h.key for h in find_hits(text, packs)] == ["124", "126"]  # 2901 stays 2901 without them


def test_a_term_inside_a_longer_term_of_its_pack_is_one_hit(packs: list[Pack]) -> None:
    hits = find_hits("иностранные граждане и лица без гражданства", packs)
    assert [(h.rule, h.key) for h in hits] == [("foreigners", "иностранный гражданин"),
                                                ("foreigners", "лицо без гражданства")]


def test_evidence_quotes_the_words_around_the_hit_on_its_own_line(packs: list[Pack]) -> None:
    text = ("3. Деяния, предусмотренные частями 1 или 2 настоящей статьи, совершенные организованной группой, –\n"
            "наказываются лишением свободы на срок от десяти до двадцати пяти лет, или пожизненным лишением "
            "свободы, или смертной казнью.\nПримечание. Лицо освобождается от уголовной ответственности.")
    (hit,) = find_hits(text, packs)
    assert hit.evidence == "… лет, или пожизненным лишением свободы, или смертной казнью."


def test_the_shipped_lexicon_matches_pymorphy3() -> None:
    """lexicon_data.py is regenerated (python -m lexwatch.flags.lexicon) whenever a shipped term changes."""
    from lexwatch.flags.lexicon import DATA_FILE, render_data

    assert DATA_FILE.read_text(encoding="utf-8") == render_data()


def test_a_workspace_pattern_that_can_match_nothing_flags_only_real_text(tmp_path) -> None:
    (tmp_path / "flags").mkdir()
    (tmp_path / "flags" / "press.toml").write_text(
        'description = "Свобода слова и СМИ"\n[[rules]]\nid = "mass-media"\nseverity = "medium"\n'
        'description = "СМИ"\npatterns = ["\\\\bСМИ\\\\b|\\\\b"]\n', encoding="utf-8")
    [press] = load_packs(tmp_path, ["press"])
    text = "Распространение сведений в СМИ либо в сети Интернет – наказывается штрафом."
    hits = find_hits(text, [press])
    assert [(h.rule, text[h.start:h.end]) for h in hits] == [("mass-media", "СМИ")]


def test_a_range_takes_in_the_sub_numbered_articles_between_its_ends(packs: list[Pack]) -> None:
    # "289–292" covers 290¹–290⁵, "290/2 –292" covers 290³–290⁵: inserted articles sit inside a range
    text = "в целях совершения преступлений, предусмотренных статьями 124–127, 131, 287, 289–292, 359 и 360"
    known = frozenset(ArticleNumber.parse(n) for n in (
        "124", "125", "126", "127", "131", "287", "289", "290", "290-1", "290-2", "290-3", "290-4", "290-5",
        "291", "292", "359", "360"))
    terrorism = ["124", "126", "289", "290", "290-1", "290-2", "290-3", "290-4", "290-5", "359"]
    assert [h.key for h in find_hits(text, packs, known=known) if h.pack == "terrorism"] == terrorism
    assert [h.key for h in find_hits(text, packs) if h.pack == "terrorism"] == terrorism
    found = [h.key for h in find_hits("статьями 289, 290, 290/2 –292 настоящего Кодекса", packs)]
    assert found == ["289", "290", "290-2", "290-3", "290-4", "290-5"]
    # a range that only spans watched sub-numbered articles still names them
    assert ("extremism", "extremism-articles") in rules("преступления, предусмотренные статьями 357–362", packs)
