"""A lawyer compares two editions: what the aligned, word-level diff must say (and not say)."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from lexwatch.diff.engine import diff_documents
from lexwatch.diff.normalize import normalize
from lexwatch.diff.render import to_json
from lexwatch.diff.words import diff_words
from lexwatch.ids import ArticleNumber
from lexwatch.text.model import Article, Document


def art(number: str, title: str, text: str, chapter: str = "ГЛАВА 22. Преступления против жизни") -> Article:
    return Article(ArticleNumber.parse(number), title, text, chapter=chapter)


def doc(*articles: Article) -> Document:
    return Document("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ", list(articles))


NAZISM_130 = ("1. Умышленные действия, направленные на возбуждение расовой, национальной, религиозной "
              "либо иной социальной вражды или розни, – наказываются арестом, или ограничением свободы "
              "на срок до пяти лет, или лишением свободы на срок от трех до двенадцати лет.")
GENOCIDE_131 = ("Совершение в целях уничтожения или нанесения ущерба окружающей среде действий, "
                "предусмотренных частью 1 статьи 127 настоящего Кодекса, – наказывается лишением "
                "свободы на срок от пяти до пятнадцати лет.")
REHAB_130_1 = ("Реабилитация нацизма, то есть публичное отрицание, оправдание или одобрение преступлений, "
               "совершенных нацистскими преступниками, – наказывается ограничением свободы на срок до "
               "пяти лет или лишением свободы на срок от двух до пяти лет.")
MURDER_139 = ("1. Убийство, то есть умышленное противоправное лишение жизни другого человека, – "
              "наказывается лишением свободы на срок от шести до пятнадцати лет.\n"
              "2. Убийство: 1) малолетнего или престарелого; 2) двух или более лиц – наказывается "
              "лишением свободы на срок от восьми до двадцати пяти лет, пожизненным заключением "
              "или смертной казнью.")


def ops_text(ops: list[tuple[str, str]], kinds: set[str]) -> str:
    return "".join(text for kind, text in ops if kind in kinds)


def test_article_130_1_inserted_between_130_and_131_is_added_not_a_renumbering() -> None:
    old = doc(art("130", "Разжигание вражды", NAZISM_130), art("131", "Экоцид", GENOCIDE_131))
    new = doc(art("130", "Разжигание вражды", NAZISM_130), art("130¹", "Реабилитация нацизма", REHAB_130_1),
              art("131", "Экоцид", GENOCIDE_131))
    diff = diff_documents(old, new)
    assert diff.summary() == {"added": 1, "removed": 0, "changed": 0, "renumbered": 0, "unchanged": 2}
    [added] = [a for a in diff.articles if a.status != "unchanged"]
    assert added.new_number == "130-1" and added.old is None
    assert [a.new_number for a in diff.articles] == ["130", "130-1", "131"]


def test_unchanged_and_moved_articles_read_as_their_normalised_text() -> None:
    # Their ops are made only when read; what is read must be the same as for any other article.
    wrapped = MURDER_139.replace("лишением свободы", "лишением\nсво-\nбоды")
    old = doc(art("139", "Убийство", wrapped), art("130", "Разжигание вражды", NAZISM_130))
    new = doc(art("139", "Убийство", wrapped), art("130¹", "Разжигание вражды", NAZISM_130))
    diff = diff_documents(old, new)
    assert [a.status for a in diff.articles] == ["unchanged", "renumbered"]
    unchanged, moved = diff.articles
    assert unchanged.ops == [("equal", normalize(MURDER_139))]
    assert moved.ops == [("equal", normalize(NAZISM_130))]
    [article] = to_json(diff)["articles"]
    assert article["ops"] == [["equal", normalize(NAZISM_130)]]
    assert diff_documents(doc(art("1", "Пустая", "")), doc(art("1", "Пустая", ""))).articles[0].ops == []


def test_repealed_article_reads_as_changed_to_excluded() -> None:
    old = doc(art("361-4", "Содействие экстремистской деятельности",
                  "Содействие экстремистской деятельности – наказывается лишением свободы на срок до шести лет."))
    new = doc(art("361⁴", "Исключена", ""))
    [item] = diff_documents(old, new).articles
    assert item.status == "changed"
    assert [k for k, _ in item.title_ops] == ["delete", "insert"]
    assert ops_text(item.ops, {"delete"}).startswith("Содействие экстремистской")
    assert ops_text(item.ops, {"equal", "insert"}) == ""


def test_changed_sanction_in_one_part_touches_only_those_words() -> None:
    harsher = MURDER_139.replace("от шести до пятнадцати", "от восьми до двадцати")
    [item] = diff_documents(doc(art("139", "Убийство", MURDER_139)),
                            doc(art("139", "Убийство", harsher))).articles
    assert item.status == "changed" and item.matched_by == "number"
    changes = [(k, t.strip()) for k, t in item.ops if k != "equal"]
    # one-word "до" between two edits joins them, as an amending law words it: слова «шести до
    # пятнадцати» заменить словами «восьми до двадцати»; "от" and the rest stay untouched
    assert changes == [("delete", "шести до пятнадцати"), ("insert", "восьми до двадцати")]


def test_a_renumbered_chapter_is_found_by_its_text_and_records_how() -> None:
    old = doc(art("250", "Кража", "Кража, то есть тайное похищение имущества, – наказывается общественными "
                  "работами, или штрафом, или лишением свободы на срок до трех лет."),
              art("251", "Грабеж", "Грабеж, то есть открытое похищение имущества, – наказывается ограничением "
                  "свободы на срок до четырех лет или лишением свободы на тот же срок."))
    new = doc(art("260", "Кража", old.articles[0].text),
              art("261", "Грабеж", old.articles[1].text.replace("четырех", "пяти")))
    diff = diff_documents(old, new)
    assert [(a.status, a.old_number, a.new_number, a.matched_by) for a in diff.articles] == [
        ("renumbered", "250", "260", "text"), ("renumbered", "251", "261", "similarity")]
    assert 0.9 <= diff.articles[1].score < 1
    assert [op for op in diff.articles[1].ops if op[0] != "equal"] == [("delete", "четырех"), ("insert", "пяти")]


def test_no_false_move_when_the_old_number_still_exists_or_the_text_only_resembles() -> None:
    old = doc(art("139", "Убийство", MURDER_139), art("140", "Убийство матерью", "Убийство матерью "
                                                      "новорожденного ребенка – наказывается арестом."))
    new = doc(art("139", "Убийство", MURDER_139.replace("пятнадцати", "двадцати")),
              art("141", "Убийство в состоянии аффекта", "Убийство, совершенное в состоянии внезапно "
                  "возникшего сильного душевного волнения – наказывается арестом."))
    statuses = {(a.status, a.old_number, a.new_number) for a in diff_documents(old, new).articles}
    assert statuses == {("changed", "139", "139"), ("removed", "140", None), ("added", None, "141")}


def test_pdf_rewrapping_hyphens_quotes_and_superscripts_are_not_changes() -> None:
    source = ("1. Публичные призывы, содержащиеся в «публичном выступлении» – наказываются лишением "
              "свободы. 2. Действия, предусмотренные статьей 130² настоящего Кодекса, – наказываются.")
    pdf_like = ("1. Публичные при-\nзывы,  содержащиеся в „публичном\nвыступлении“ - наказываются ли-\n"
                "шением\u00a0свободы.\n2. Действия, предусмотренные статьей 130/2 настоящего Кодекса, – "
                "наказываются.")
    plain = diff_documents(doc(art("361", "Призывы", source)), doc(art("361", "Призывы", pdf_like)))
    assert not plain.has_changes
    assert plain.articles[0].technical
    shown = diff_documents(doc(art("361", "Призывы", source)), doc(art("361", "Призывы", pdf_like)),
                           show_technical=True)
    assert shown.articles[0].status == "changed" and shown.articles[0].technical


def test_a_collapsed_superscript_is_a_real_difference_because_1302_may_be_another_article() -> None:
    assert normalize("статьей 130/2") == "статьей 130²"
    assert normalize("статьей 1302") == "статьей 1302"
    assert normalize("статьями 171, 171/1 или 181¹") == "статьями 171, 171¹ или 181¹"
    assert normalize("пункт 130/2 таблицы") == "пункт 130/2 таблицы"  # not after "статья": left alone


def test_json_ops_join_back_to_both_texts_and_list_only_what_differs() -> None:
    old = doc(art("59", "Смертная казнь", "1. Смертная казнь – расстрел за некоторые особо тяжкие преступления."),
              art("60", "Иные меры", "Иные меры уголовной ответственности применяются судом."))
    new = doc(art("59", "Смертная казнь", "1. Смертная казнь – расстрел за покушение на особо тяжкие преступления."),
              art("60", "Иные меры", "Иные меры уголовной ответственности применяются судом."))
    data = to_json(diff_documents(old, new))
    assert data["schema_version"] == 1 and data["summary"]["unchanged"] == 1
    [item] = data["articles"]
    assert item["old_number"] == "59" and item["matched_by"] == "number" and item["flags"] == []
    assert "".join(t for k, t in item["ops"] if k != "insert") == normalize(old.articles[0].text)
    assert "".join(t for k, t in item["ops"] if k != "delete") == normalize(new.articles[0].text)


WORDS = st.sampled_from(["наказывается", "лишением", "свободы", "на", "срок", "до", "пяти", "лет",
                         "смертной", "казнью", ",", "–", "«штрафом»", "130²", "статьи", "1.", "2)"])
TEXTS = st.lists(WORDS, min_size=0, max_size=40).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS, TEXTS)
def test_ops_rebuild_both_texts_and_swapping_sides_swaps_insert_and_delete(a: str, b: str) -> None:
    a, b = normalize(a), normalize(b)
    ops = diff_words(a, b)
    assert ops_text(ops, {"equal", "delete"}) == a
    assert ops_text(ops, {"equal", "insert"}) == b
    assert all(text for _, text in ops)
    assert all(x[0] != y[0] for x, y in pairwise(ops))  # neighbours merged
    back = diff_words(b, a)
    assert ops_text(back, {"equal", "delete"}) == b and ops_text(back, {"equal", "insert"}) == a
    mirrored = [("insert" if k == "delete" else "delete" if k == "insert" else k, t) for k, t in ops]
    assert ops_text(mirrored, {"equal", "delete"}) == b and ops_text(mirrored, {"equal", "insert"}) == a
    assert any(k != "equal" for k, _ in back) == any(k != "equal" for k, _ in ops) == (a != b)


ARTICLE_NUMBERS = st.lists(st.integers(1, 60), min_size=1, max_size=8, unique=True)


@settings(max_examples=60, deadline=None)
@given(ARTICLE_NUMBERS, ARTICLE_NUMBERS, TEXTS)
def test_diff_of_a_document_with_itself_is_empty_and_swapping_swaps_added_and_removed(
        left: list[int], right: list[int], body: str) -> None:
    a = doc(*[art(str(n), f"Статья про {n}", f"{body} {n}") for n in sorted(left)])
    b = doc(*[art(str(n), f"Статья про {n}", f"{n} {body}") for n in sorted(right)])
    assert not diff_documents(a, a).has_changes
    forward, backward = diff_documents(a, b).summary(), diff_documents(b, a).summary()
    assert (forward["added"], forward["removed"]) == (backward["removed"], backward["added"])
    assert forward["changed"] == backward["changed"]


@settings(max_examples=80, deadline=None)
@given(TEXTS, st.integers(8, 30), st.booleans())
def test_rewrapping_or_rehyphenating_a_text_changes_nothing(body: str, width: int, hyphenate: bool) -> None:
    text = f"Умышленное причинение тяжкого телесного повреждения {body} наказывается лишением свободы"
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) > width and line:
            if hyphenate and re.fullmatch(r"[а-яё]{6,}", word):
                lines.append(f"{line} {word[:3]}-")
                line = word[3:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    wrapped = "\n".join([*lines, line])
    diff = diff_documents(doc(art("147", "Тяжкое повреждение", text)), doc(art("147", "Тяжкое повреждение", wrapped)))
    assert not diff.has_changes


def test_a_superscript_lost_in_a_reference_is_no_change_when_the_article_it_names_exists() -> None:
    # 2020 edition of Art. 171: "статьями 171, 1711, 181" (171¹ flattened); 2022: "171/1".
    text = ("2. Те же действия, совершенные лицом, ранее совершившим преступления, предусмотренные "
            "настоящей статьей, статьями 171, {}, 181 или 187 настоящего Кодекса, – наказываются "
            "лишением свободы на срок от трех до десяти лет.")
    neighbours = [art("171", "Организация либо использование занятия проституцией", "1. Организация."),
                  art("171¹", "Вовлечение в занятие проституцией", "1. Вовлечение.")]
    old = doc(art("187", "Торговля людьми", text.format("1711")), *neighbours)
    new = doc(art("187", "Торговля людьми", text.format("171/1")), *neighbours)
    assert not diff_documents(old, new).has_changes
    [item] = to_json(diff_documents(old, new, show_technical=True))["articles"]
    assert item["technical"] is True
    # Without an article 171¹ in either version, "1711" may be article 1711: a real difference.
    alone_old, alone_new = doc(art("187", "Торговля людьми", text.format("1711"))), \
        doc(art("187", "Торговля людьми", text.format("171/1")))
    [changed] = to_json(diff_documents(alone_old, alone_new))["articles"]
    assert changed["status"] == "changed" and ["delete", "1711"] in changed["ops"]


def test_a_lost_superscript_that_reads_two_ways_is_left_as_written() -> None:
    # "1311" is 13¹¹ or 131¹: with both articles there, it is left alone.
    both = frozenset({ArticleNumber(13, 11), ArticleNumber(131, 1), ArticleNumber(131)})
    assert normalize("статьей 1311 настоящего Кодекса", both) == "статьей 1311 настоящего Кодекса"
    one = frozenset({ArticleNumber(131, 1), ArticleNumber(131)})
    assert normalize("статьей 1311 настоящего Кодекса", one) == "статьей 131¹ настоящего Кодекса"
    assert normalize("статьей 1311 настоящего Кодекса", one | {ArticleNumber(1311)}) == \
        "статьей 1311 настоящего Кодекса"  # an article 1311 exists: it is that one


def test_a_part_superscript_lost_in_one_edition_is_no_change() -> None:
    # Art. 6: the 2020 text says "частью 11" where the 2022 text prints "частью 1/1" (part 1¹)
    text = ("1. Гражданин Республики Беларусь, совершивший преступление вне пределов Республики Беларусь, подлежит "
            "ответственности по настоящему Кодексу, кроме случаев, предусмотренных частью {} настоящей статьи.")
    old = Document("УК", [Article(ArticleNumber(6), "Действие настоящего Кодекса", text.format("11"))])
    new = Document("УК", [Article(ArticleNumber(6), "Действие настоящего Кодекса", text.format("1/1"))])
    assert diff_documents(old, new).summary()["unchanged"] == 1
    technical = diff_documents(old, new, show_technical=True).articles[0]
    assert technical.technical and technical.status == "changed"
    # a real change beside it is still one, and quotes the part as printed
    changed = Document("УК", [Article(ArticleNumber(6), "Действие настоящего Кодекса",
                                      text.format("1/1").replace("подлежит", "может подлежать"))])
    [item] = diff_documents(old, changed).articles
    assert item.status == "changed" and "частью 1¹ настоящей" in "".join(t for k, t in item.ops if k != "delete")
    assert "11" not in "".join(t for k, t in item.ops if k != "insert")
