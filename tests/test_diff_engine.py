"""A lawyer compares two editions: what the aligned, word-level diff must say (and not say)."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lexwatch.diff import align as align_module
from lexwatch.diff.align import RENUMBER_THRESHOLD, Pair, align, shingles, word_ratio
from lexwatch.diff.engine import diff_documents
from lexwatch.diff.model import Op
from lexwatch.diff.normalize import normalize
from lexwatch.diff.render import to_json
from lexwatch.diff.words import diff_words, mirror
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


WORDS = st.sampled_from(["наказывается", "лишением", "свободы", "на", "срок", "до", "пяти", "лет", "место",
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
    # one change at each spot, deletion first: "~~old~~ new"
    assert all("equal" in (x[0], y[0], z[0]) for x, y, z in zip(ops, ops[1:], ops[2:], strict=False))
    assert all(pair != ("insert", "delete") for pair in pairwise(k for k, _ in ops))
    swapped = {"insert": "delete", "delete": "insert", "equal": "equal"}
    # the same redline read the other way round: each insertion a deletion of the same words and
    # back, in the same places, each replacement still reading deletion first
    assert [(swapped[k], t) for k, t in back] == _insert_first(ops)
    assert mirror(back) == ops and mirror(ops) == back
    assert any(k != "equal" for k, _ in back) == any(k != "equal" for k, _ in ops) == (a != b)


def _insert_first(ops: list[Op]) -> list[Op]:
    """`ops` with each delete+insert pair given as insert+delete."""
    out = list(ops)
    for i in range(len(out) - 1):
        if (out[i][0], out[i + 1][0]) == ("delete", "insert"):
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


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
@given(TEXTS, st.integers(8, 30), st.booleans(), st.integers(2, 4))
def test_rewrapping_or_rehyphenating_a_text_changes_nothing(body: str, width: int, hyphenate: bool, cut: int) -> None:
    # "место" and "часто" break before an ending that reads as a particle ("мес-⏎то")
    text = f"Умышленное причинение тяжкого телесного повреждения {body} наказывается часто лишением свободы"
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) > width and line:
            if hyphenate and re.fullmatch(r"[а-яё]{5,}", word):
                cut = min(cut, len(word) - 2)
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    wrapped = "\n".join([*lines, line])
    diff = diff_documents(doc(art("147", "Тяжкое повреждение", text)), doc(art("147", "Тяжкое повреждение", wrapped)))
    assert not diff.has_changes


def test_a_word_broken_before_an_ending_that_reads_as_a_particle_is_no_change() -> None:
    # Found by a rewrap property: "мес-⏎то" was kept as "мес-то" ("-то" as in "что-то")
    text = "Лицо, совершившее преступление, задерживается на месте и доставляется в место содержания под стражей."
    wrapped = text.replace("в место", "в мес-\nто")
    assert not diff_documents(doc(art("108", "Задержание", text)), doc(art("108", "Задержание", wrapped))).has_changes


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


def _pairs(pairs: list[Pair]) -> list[tuple[str | None, str | None, str]]:
    return [(p.old.title if p.old else None, p.new.title if p.new else None, p.matched_by) for p in pairs]


def _mirrored(forward: list[Pair], backward: list[Pair]) -> bool:
    """Whether aligning NEW with OLD pairs the same articles as OLD with NEW (by identity)."""
    return {(id(p.old), id(p.new)) for p in forward} == {(id(p.new), id(p.old)) for p in backward}


THEFT = "Кража, то есть тайное похищение имущества, – наказывается штрафом или арестом."


def test_equally_similar_moved_articles_are_paired_the_same_both_ways_round() -> None:
    # Found by a hypothesis property (swapping OLD and NEW swaps added and removed): every pair
    # scores 10/11 words, and the greedy pass took 39 -> 99 first, leaving 37 and 66 unpaired;
    # the other way round it paired both.
    old = [art("37", "37", THEFT.replace("то есть", "а есть").replace("арестом", "работами")), art("39", "39", THEFT)]
    new = [art("99", "99", THEFT.replace("арестом", "работами")), art("66", "66", THEFT.replace("наказывается", "карается"))]
    forward, backward = align(old, new), align(new, old)
    assert _pairs(forward) == [("37", "99", "similarity"), ("39", "66", "similarity")]
    assert _mirrored(forward, backward)


def test_the_similarity_of_two_wordings_is_the_same_either_way_round() -> None:
    # difflib's matching depends on the order of its arguments: 7 of 10 words one way, 9 the other
    a = "до пяти или штрафом наказывается арестом штрафом пяти арестом штрафом"
    b = "до пяти или штрафом наказывается штрафом пяти штрафом арестом штрафом"
    assert word_ratio(a, b) == word_ratio(b, a) == 0.9


def test_which_of_two_equally_similar_articles_moved_does_not_depend_on_the_hash_seed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # New 12 is 19/20 words of old 10 and of old 11, each sharing 15 shingles with it: the old
    # code took the candidate whose shingle a set happened to yield first, so PYTHONHASHSEED=5
    # called 11 the renumbered one and every other seed 10.
    text = ("умышленное причинение тяжкого телесного повреждения опасного для жизни или повлекшего потерю "
            "зрения речи слуха либо какого-нибудь органа наказывается лишением свободы на срок")
    words = text.split()
    first, second = list(words), list(words)
    first[3], second[17] = "легкого", "утрату"
    old = [art("10", "10", " ".join(first)), art("11", "11", " ".join(second))]
    new = [art("12", "12", text)]
    seen = set()
    for first_word in ("телесного", "наказывается"):  # the shingles only 11, then only 10, shares first
        monkeypatch.setattr(align_module, "shingles", lambda text, word=first_word: sorted(
            shingles(text), key=lambda shingle: (word not in shingle, shingle)))
        seen.add(tuple(_pairs(align(old, new))))
    assert seen == {(("10", "12", "similarity"), ("11", None, ""))}


def test_articles_under_one_number_twice_are_paired_in_order_and_move_only_where_the_number_is_gone() -> None:
    # A document may hold a number twice (a misparse); the old code paired the last old one with
    # the first new one one way round and the first with the first the other way.
    old = [art("7", "7a", THEFT), art("7", "7b", MURDER_139), art("12", "12", NAZISM_130)]
    new = [art("7", "7c", THEFT), art("7", "7d", MURDER_139), art("7", "7e", NAZISM_130)]
    forward, backward = align(old, new), align(new, old)
    assert _pairs(forward) == [("7a", "7c", "number"), ("7b", "7d", "number"), ("12", None, ""), (None, "7e", "")]
    assert _mirrored(forward, backward)


def _variants(draw: st.DrawFn, base: list[str], count: int) -> list[str]:
    out = []
    for _ in range(count):
        words = list(base)
        for _ in range(draw(st.integers(0, 2))):
            words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(["штрафом", "арестом", "работами", "лет"]))
        out.append(" ".join(words))
    return out


@st.composite
def near_copies(draw: st.DrawFn) -> tuple[list[Article], list[Article]]:
    """Articles that are near-copies of one wording under numbers that repeat or are gone: every
    tie the alignment can meet."""
    base = THEFT.split()
    numbers = st.sampled_from(["7", "7¹", "8", "12", "37", "39", "66", "99"])
    old = [art(draw(numbers), f"o{k}", text) for k, text in enumerate(_variants(draw, base, draw(st.integers(0, 5))))]
    new = [art(draw(numbers), f"n{k}", text) for k, text in enumerate(_variants(draw, base, draw(st.integers(0, 5))))]
    return old, new


@settings(max_examples=300, deadline=None)
@given(near_copies())
def test_aligning_near_copies_both_ways_round_gives_the_same_pairs_and_no_false_move(
        articles: tuple[list[Article], list[Article]]) -> None:
    old, new = articles
    forward, backward = align(old, new), align(new, old)
    assert _mirrored(forward, backward)
    for pairs, before, after in ((forward, old, new), (backward, new, old)):  # each article once
        assert sorted(id(p.old) for p in pairs if p.old) == sorted(map(id, before))
        assert sorted(id(p.new) for p in pairs if p.new) == sorted(map(id, after))
    old_numbers, new_numbers = {a.number for a in old}, {a.number for a in new}
    for p in forward:
        if p.old and p.new and p.old.number != p.new.number:
            assert p.old.number not in new_numbers and p.new.number not in old_numbers
            assert word_ratio(p.old.text, p.new.text) >= RENUMBER_THRESHOLD


def test_the_real_diff_read_backwards_is_the_same_redline_with_insertions_and_deletions_swapped(
        corpus_dir: object) -> None:
    from pathlib import Path

    from lexwatch.text.load import read_document

    assert isinstance(corpus_dir, Path)
    old, new = (read_document(corpus_dir / f"uk_{edition}.txt") for edition in ("2020-09", "2022-09"))
    forward, backward = diff_documents(old, new), diff_documents(new, old)
    swapped = {"added": "removed", "removed": "added"}
    by_pair = {(id(item.new), id(item.old)): item for item in backward.articles}
    changed = [item for item in forward.articles if item.status == "changed"]
    assert len(changed) > 150  # superscripts lost in 2020 and real amendments: most articles differ
    for item in forward.articles:
        kinds = [k for k, _ in item.ops or []]
        # one change at each spot, deletion first (Art. 350 read "{+part 2+}[-old part 2-]{+part 3+}")
        assert ("insert", "delete") not in pairwise(kinds)
        assert all("equal" in run for run in zip(kinds, kinds[1:], kinds[2:], strict=False))
        back = by_pair[id(item.old), id(item.new)]
        assert back.status == swapped.get(item.status, item.status)
        # 10 of the 211 changed articles read otherwise backwards when each way was diffed afresh
        assert back.ops == (mirror(item.ops) if item.ops is not None else None), item.old and item.old.number
        assert back.title_ops == (mirror(item.title_ops) if item.title_ops else item.title_ops)
