"""The structure parser: plain lines of a Criminal Code -> parts, sections, chapters and articles."""

from __future__ import annotations

import pytest

from lexwatch.errors import NoArticlesError
from lexwatch.ids import ArticleNumber
from lexwatch.text.blocks import Block
from lexwatch.text.structure import parse_blocks

CHAPTER_17 = """\
УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ

ОСОБЕННАЯ ЧАСТЬ

РАЗДЕЛ VI. ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА, БЕЗОПАСHОСТИ ЧЕЛОВЕЧЕСТВА И ВОЕННЫЕ ПРЕСТУПЛЕНИЯ

ГЛАВА 17. Преступления против мира и безопасности человечества

Статья 130. Разжигание расовой, национальной, религиозной либо иной социальной вражды или розни
1. Умышленные действия, направленные на возбуждение расовой, национальной, религиозной либо иной социальной \
вражды или розни, –
наказываются штрафом, или арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же срок.

Статья {n1}. Реабилитация нацизма
1. Умышленные действия по реабилитации нацизма –
наказываются штрафом, или арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же срок.

Статья {n2}. Отрицание геноцида белорусского народа
1. Отрицание геноцида белорусского народа, содержащееся в публичном выступлении, –
наказывается арестом, или ограничением свободы на срок до пяти лет, или лишением свободы на тот же срок.

Статья 131. Экоцид
Умышленное массовое уничтожение растительного или животного мира (экоцид), –
наказываются лишением свободы на срок от десяти до пятнадцати лет.
"""


def parse(text: str):
    return parse_blocks([Block(line) for line in text.splitlines()], name="test.txt")


@pytest.mark.parametrize(("n1", "n2"), [
    ("130¹", "130²"), ("130-1", "130-2"), ("130.1", "130.2"), ("130/1", "130/2"), ("130 / 1", "130 / 2"),
    ("1301", "1302"),   # superscripts lost in copy-paste: resolved from the neighbours 130 and 131
])
def test_every_written_form_of_a_sub_number_gives_the_same_articles(n1: str, n2: str) -> None:
    doc = parse(CHAPTER_17.format(n1=n1, n2=n2))
    assert [a.number.display for a in doc.articles] == ["130", "130¹", "130²", "131"]
    genocide = doc.article("130-2")
    assert genocide is not None
    assert genocide.title == "Отрицание геноцида белорусского народа"
    assert genocide.id == "130-2"
    assert genocide.lines[1].startswith("наказывается арестом")


def test_the_heading_levels_set_part_section_and_chapter_even_with_a_latin_h() -> None:
    doc = parse(CHAPTER_17.format(n1="130¹", n2="130²"))
    ecocide = doc.article("131")
    assert ecocide is not None
    assert ecocide.part == "ОСОБЕННАЯ ЧАСТЬ"
    # The 2022 source writes a Latin "H" in "БЕЗОПАСHОСТИ": kept as written, still a section heading.
    assert ecocide.section == "РАЗДЕЛ VI. ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА, БЕЗОПАСHОСТИ ЧЕЛОВЕЧЕСТВА И ВОЕННЫЕ ПРЕСТУПЛЕНИЯ"
    assert ecocide.chapter == "ГЛАВА 17. Преступления против мира и безопасности человечества"
    assert doc.title == "УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ"


def test_461_is_46_superscript_1_between_46_and_47_but_article_461_between_460_and_462() -> None:
    # The 2020 source collapses 46¹ to "461", and the code also has a real article 461.
    text = """\
ГЛАВА 8 ОБЩИЕ ПОЛОЖЕНИЯ ОБ УГОЛОВНОЙ ОТВЕТСТВЕННОСТИ
Статья 46. Реализация уголовной ответственности
Уголовная ответственность реализуется в осуждении:
Статья 461. Специальная конфискация
Специальная конфискация состоит в принудительном безвозмездном изъятии в собственность государства имущества.
Статья 47. Понятие наказания
Наказание является мерой принуждения, применяемой от имени Республики Беларусь по приговору суда.
ГЛАВА 39 ПРЕСТУПЛЕНИЯ ПРОТИВ ПОРЯДКА ОБРАЩЕНИЯ С ВОЕННЫМ ИМУЩЕСТВОМ
Статья 460. Исключена
Статья 461. Уничтожение либо повреждение военного имущества по неосторожности
Уничтожение либо повреждение по неосторожности оружия, боеприпасов –
наказывается штрафом, или арестом, или ограничением свободы на срок до трех лет.
Статья 462. Утрата военного имущества
Нарушение военнослужащим установленных правил сбережения вверенного ему для служебного пользования оружия –
наказывается арестом.
"""
    doc = parse(text)
    assert [a.number.display for a in doc.articles] == ["46", "46¹", "47", "460", "461", "462"]
    assert doc.article("46-1").title == "Специальная конфискация"  # type: ignore[union-attr]
    assert doc.article("461").title.startswith("Уничтожение либо повреждение военного")  # type: ignore[union-attr]
    assert doc.article("460").excluded  # type: ignore[union-attr]
    assert doc.warnings == []


def test_a_sub_numbered_heading_with_spaces_before_the_dot_and_an_excluded_article() -> None:
    text = """\
ГЛАВА 30. Преступления против общественного порядка и общественной нравственности
Статья 343. Изготовление и распространение порнографических материалов
1. Изготовление либо хранение с целью распространения порнографических материалов –
наказываются штрафом.
 Статья 343/1 . Изготовление и распространение порнографических материалов с изображением несовершеннолетнего
1. Изготовление либо хранение с целью распространения порнографических материалов –
наказываются исправительными работами на срок до двух лет.
Статья 344. Исключена
"""
    doc = parse(text)
    assert [a.id for a in doc.articles] == ["343", "343-1", "344"]
    assert doc.articles[1].title.endswith("с изображением несовершеннолетнего")
    excluded = doc.articles[2]
    assert excluded.excluded and excluded.text == ""


def test_article_lines_are_kept_one_per_line_with_whitespace_collapsed() -> None:
    text = ("Статья  59.\u00a0Смертная казнь\n"
            "1.\u00a0В качестве исключительной меры наказания   допускается применение смертной казни\t– расстрела.\n"
            "\n"
            "2. Смертная казнь не может быть назначена:\n"
            "1) лицам, совершившим преступления в возрасте до восемнадцати лет;\n"
            "2) женщинам;\n")
    article = parse(text).articles[0]
    assert article.number == ArticleNumber(59)
    assert article.title == "Смертная казнь"
    assert article.lines == [
        "1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела.",
        "2. Смертная казнь не может быть назначена:",
        "1) лицам, совершившим преступления в возрасте до восемнадцати лет;",
        "2) женщинам;",
    ]


def test_a_table_of_contents_after_its_heading_does_not_create_articles() -> None:
    text = """\
УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ
СОДЕРЖАНИЕ
ГЛАВА 9. Наказание и его виды
Статья 57. Лишение свободы на определенный срок ........ 41
Статья 58. Пожизненное лишение свободы ........ 43
Статья 59. Смертная казнь ........ 44
ГЛАВА 9. Наказание и его виды
Статья 57. Лишение свободы на определенный срок
2. Срок лишения свободы за преступления, совершенные по неосторожности, не может превышать десяти лет.
Статья 58. Пожизненное лишение свободы
2. Пожизненное лишение свободы не может быть назначено:
Статья 59. Смертная казнь
3. Смертная казнь в порядке помилования может быть заменена пожизненным лишением свободы.
"""
    doc = parse(text)
    assert [a.id for a in doc.articles] == ["57", "58", "59"]
    assert all(a.text for a in doc.articles)
    assert all(a.chapter == "ГЛАВА 9. Наказание и его виды" for a in doc.articles)
    assert any("table of contents" in w for w in doc.warnings)


def test_a_run_of_bare_headings_before_the_first_chapter_is_a_table_of_contents_too() -> None:
    text = """\
Статья 1. Уголовный кодекс Республики Беларусь
Статья 2. Задачи Уголовного кодекса
Статья 3. Принципы уголовного закона и уголовной ответственности
ГЛАВА 1. Общие положения
Статья 1. Уголовный кодекс Республики Беларусь
1. Уголовный кодекс Республики Беларусь определяет, какие общественно опасные деяния являются преступлениями.
Статья 2. Задачи Уголовного кодекса
Уголовный кодекс Республики Беларусь имеет задачей охрану мира и безопасности человечества.
"""
    doc = parse(text)
    assert [a.id for a in doc.articles] == ["1", "2"]
    assert doc.articles[0].lines[0].startswith("1. Уголовный кодекс")


def test_a_heading_split_over_two_lines_is_joined_and_notes_under_it_stay_out_of_articles() -> None:
    text = """\
ГЛАВА 24
ПРЕСТУПЛЕНИЯ ПРОТИВ СОБСТВЕННОСТИ
Примечания:
1. Под хищением в настоящей главе понимается умышленное противоправное безвозмездное завладение чужим имуществом.
Статья 205. Кража
1. Тайное похищение имущества (кража) –
наказывается общественными работами, или штрафом, или исправительными работами на срок до двух лет.
"""
    doc = parse(text)
    theft = doc.articles[0]
    assert theft.chapter == "ГЛАВА 24 ПРЕСТУПЛЕНИЯ ПРОТИВ СОБСТВЕННОСТИ"
    assert theft.lines[0] == "1. Тайное похищение имущества (кража) –"
    assert doc.notes == [("ГЛАВА 24 ПРЕСТУПЛЕНИЯ ПРОТИВ СОБСТВЕННОСТИ",
                          "Примечания:\n1. Под хищением в настоящей главе понимается умышленное противоправное "
                          "безвозмездное завладение чужим имуществом.")]


def test_lines_that_merely_mention_an_article_or_a_chapter_stay_article_text() -> None:
    text = """\
Статья 67. Назначение наказания за неоконченное преступление
Глава 10 настоящего Кодекса применяется с учетом особенностей, предусмотренных настоящей статьей.
Статья 124 настоящего Кодекса при этом не применяется.
Часть первая настоящей статьи распространяется и на покушение.
"""
    doc = parse(text)
    assert len(doc.articles) == 1
    assert len(doc.articles[0].lines) == 3


def test_a_text_without_article_headings_is_refused() -> None:
    with pytest.raises(NoArticlesError, match="no articles found"):
        parse("Протокол заседания\nПрисутствовали: члены комиссии.\nСлушали: о текущих делах.\n")


_FORMS = {
    "superscript": lambda n: n.display,
    "hyphen": lambda n: n.canonical,
    "slash": lambda n: f"{n.base}/{n.sub}" if n.sub else str(n.base),
    "dot": lambda n: f"{n.base}.{n.sub}" if n.sub else str(n.base),
}


def test_any_ordered_numbering_in_any_explicit_form_parses_back() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    numbers = st.lists(st.tuples(st.integers(1, 600), st.integers(0, 15)), min_size=1, max_size=30, unique=True)

    @settings(max_examples=150, deadline=None)
    @given(numbers, st.lists(st.sampled_from(sorted(_FORMS)), min_size=30, max_size=30))
    def check(pairs: list[tuple[int, int]], forms: list[str]) -> None:
        wanted = sorted(ArticleNumber(base, sub) for base, sub in pairs)
        lines = []
        for number, form in zip(wanted, forms, strict=False):
            lines += [f"Статья {_FORMS[form](number)}. Порядок исполнения наказания",
                      "Наказание исполняется в порядке, установленном уголовно-исполнительным законодательством."]
        doc = parse("\n".join(lines))
        assert [a.number for a in doc.articles] == wanted

    check()


def test_an_excerpt_jumping_from_article_1_to_110_keeps_110_but_a_flattened_130_2_is_recovered() -> None:
    # Found by the property test above: "110" right after article 1 was read as 1¹⁰.
    excerpt = parse("Статья 1. Уголовный закон Республики Беларусь\nНастоящий Кодекс основывается на Конституции.\n"
                    "Статья 110. Истязание\nУмышленное причинение систематических побоев – наказывается арестом.\n")
    assert [a.number for a in excerpt.articles] == [ArticleNumber(1), ArticleNumber(110)]
    flattened = parse("Статья 130. Разжигание вражды\n1. Умышленные действия – наказываются арестом.\n"
                      "Статья 1301. Реабилитация нацизма\n1. Публичное отрицание – наказывается арестом.\n"
                      "Статья 1302. Отрицание геноцида белорусского народа\n1. Отрицание – наказывается арестом.\n"
                      "Статья 131. Применение оружия массового поражения\nПрименение – наказывается лишением свободы.\n")
    assert [a.number.display for a in flattened.articles] == ["130", "130¹", "130²", "131"]


def test_a_heading_with_a_hundred_thousand_leader_dots_not_at_its_end_is_read_in_linear_time() -> None:
    import signal

    # The leaders pattern, searched from each start in a long run of "…" or " ." that does not end
    # the line, rescanned the rest of the run each time (minutes for 100 000 of them).
    blocks = [Block("Статья 1. Смертная казнь" + "…" * 100_000 + "x"), Block("1. Текст."),
              Block("Статья 2. Общие начала" + " ." * 100_000 + " 1 1"), Block("1. Текст."),
              Block("Статья 3. Наказание ........ 17"), Block("1. Текст.")]

    def expired(*_args: object) -> None:
        pytest.fail("still looking for dot leaders")

    signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, 5)
    try:
        doc = parse_blocks(blocks)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    assert [a.id for a in doc.articles] == ["1", "2", "3"]
    assert doc.articles[0].title == "Смертная казнь" + "…" * 100_000 + "x"
    assert doc.articles[1].title == "Общие начала" + " ." * 100_000 + " 1 1"
    assert doc.articles[2].title == "Наказание"


AMENDING_LAW = """\
ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
9 января 2023 г. № 241-З
Об изменении законов по вопросам уголовной ответственности
Статья 1. Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З следующие изменения:
1. В статье 289:
1.1. часть 1 изложить в следующей редакции:
«1. Совершение взрыва, поджога или иных действий, направленных на устрашение населения, – наказывается \
лишением свободы на срок от восьми до двенадцати лет.»;
1.2. в части 3 слова «или смертной казнью» исключить.
Статья 2. Совету Министров Республики Беларусь в шестимесячный срок:
привести решения Правительства Республики Беларусь в соответствие с настоящим Законом.
Статья 3. Признать утратившим силу Закон Республики Беларусь от 5 января 2015 г. № 241-З.
Статья 4. Вступление в силу настоящего Закона
Настоящий Закон вступает в силу через десять дней после его официального опубликования.
"""


def test_an_amending_laws_first_sentence_is_its_articles_text_not_its_title() -> None:
    # An amending law's article has no title: "Внести в … следующие изменения:" after the number was
    # read as the heading, so a redline or an overview showed the instruction's lead-in as a title.
    doc = parse(AMENDING_LAW)
    first, second, third, fourth = doc.articles
    assert (first.title, first.heading) == ("", "Статья 1.")
    assert first.lines[0].startswith("Внести в Уголовный кодекс Республики Беларусь")
    assert first.lines[1:3] == ["1. В статье 289:", "1.1. часть 1 изложить в следующей редакции:"]
    assert second.title == "" and second.lines[0] == "Совету Министров Республики Беларусь в шестимесячный срок:"
    assert third.title == "" and third.text == "Признать утратившим силу Закон Республики Беларусь от 5 января 2015 г. № 241-З."
    # a law's own title stays a title, as every title of the Criminal Code does
    assert (fourth.title, fourth.lines) == ("Вступление в силу настоящего Закона",
                                            ["Настоящий Закон вступает в силу через десять дней после его"
                                             " официального опубликования."])


def test_a_bidi_control_never_reaches_a_stored_text() -> None:
    # U+202E shows what follows backwards: a law's name or an article number in a commentary draft or
    # a quoted redline would read otherwise than it is. Russian legal text has no use for one.
    from lexwatch.text.load import parse_bytes

    law = ("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\n20 февраля 2024 г. № 350-З\n"
           "О внесении изменений в Уголовный \u202eкодекс\u202c Республики Беларусь\n"
           "Статья 1. Внести в Уголовный кодекс Республики Беларусь следующие изменения:\n"
           "1.1. в части 1 статьи \u2067361-1\u2069 слова «от трех до семи лет» заменить словами «от пяти до десяти лет».\n")
    doc = parse_bytes(law.encode(), "zakon_350-z.txt")
    stored = doc.preamble + doc.title + "".join(a.heading + a.text for a in doc.articles)
    assert "Уголовный кодекс Республики Беларусь" in doc.preamble and "статьи 361-1 слова" in stored
    assert not any(chr(c) in stored for c in (0x202E, 0x202C, 0x2067, 0x2069))


DRAFT_OF_A_LAW = """Проект
вносится Советом Министров Республики Беларусь
ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
Об изменении законов по вопросам противодействия экстремизму
Статья 1. Внести в Закон Республики Беларусь от 4 января 2007 г. № 203-З «О противодействии экстремизму» следующие изменения:
1. статью 1 дополнить пунктом 11 следующего содержания:
«11) экстремистская деятельность с использованием сети Интернет – действия, указанные в пункте 3 настоящей статьи, совершенные с использованием глобальной компьютерной сети Интернет;».
Статья 2. Настоящий Закон вступает в силу через шесть месяцев после его официального опубликования.
"""


def test_the_mark_of_a_draft_above_its_title_joins_the_title_as_the_portal_sets_it() -> None:
    # "Проект" stood in the preamble: the draft was titled as the law it may become, and its text (the
    # title and the articles) was the law's own once adopted word for word
    doc = parse(DRAFT_OF_A_LAW)
    assert doc.title == "ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ"
    assert doc.preamble == ("вносится Советом Министров Республики Беларусь\n"
                            "Об изменении законов по вопросам противодействия экстремизму")
    adopted = parse(DRAFT_OF_A_LAW.replace("Проект\n", "").replace(
        "вносится Советом Министров Республики Беларусь\n", "14 марта 2024 г. № 362-З\n"))
    assert adopted.title == "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ" and adopted.as_text() != doc.as_text()


def test_a_draft_whose_mark_the_page_sets_as_a_title_of_its_own_is_titled_whole() -> None:
    from lexwatch.text.blocks import BlockKind

    lines = DRAFT_OF_A_LAW.splitlines()
    blocks = [Block("ПРОЕКТ", BlockKind.TITLE), Block(lines[2], BlockKind.TITLE), *map(Block, lines[3:])]
    doc = parse_blocks(blocks, name="draft.html", fmt="html", title="ПРОЕКТ")
    assert doc.title == "ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ"
    assert doc.preamble == "Об изменении законов по вопросам противодействия экстремизму"


def test_the_word_proekt_in_a_law_or_alone_is_no_draft_of_the_title_below_it() -> None:
    # the mark must stand above the title: "Проект" after it, or a sentence naming a draft, is text
    body = DRAFT_OF_A_LAW.split("\n", 2)[2]
    after = parse(body.replace("ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\n", "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ\nПроект\n"))
    assert after.title == "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ" and after.preamble.startswith("Проект\n")
    named = parse("Проект подготовлен Национальным центром правовой информации\n" + body)
    assert named.title == "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ" and named.preamble.startswith("Проект подготовлен")
    alone = parse("ПРОЕКТ\nСтатья 1. Настоящий Закон вступает в силу после его официального опубликования.\n")
    assert (alone.title, alone.preamble) == ("ПРОЕКТ", "")


SHORT_LAW = """\
ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
14 марта 2024 г. № 360-З
Об изменении Закона Республики Беларусь «О массовых мероприятиях»
Принят Палатой представителей 20 февраля 2024 года
Одобрен Советом Республики 28 февраля 2024 года
Статья 1. В статье 7 Закона Республики Беларусь от 30 декабря 1997 г. № 114-З «О массовых мероприятиях в Республике \
Беларусь» слова «общественных объединений» заменить словами «политических партий и других общественных объединений».
Статья 2. Совету Министров Республики Беларусь в шестимесячный срок привести решения Правительства Республики \
Беларусь в соответствие с настоящим Законом.
Статья 3. Признать утратившим силу подпункт 1.2 пункта 1 статьи 1 Закона Республики Беларусь от 9 января 2017 г. \
№ 15-З «Об изменении законов».
Статья 4. Настоящий Закон вступает в силу после его официального опубликования.
"""


@pytest.mark.parametrize("signature", ["", "Президент Республики Беларусь А.Лукашенко\n"])
def test_a_short_law_whose_articles_are_one_line_each_is_not_a_table_of_contents(signature: str) -> None:
    # Its one-line articles were taken for a contents list: without a signature the law was refused ("no
    # articles found"), with one its first three articles were dropped as the contents of the fourth.
    doc = parse(SHORT_LAW + signature)
    assert [a.id for a in doc.articles] == ["1", "2", "3", "4"]
    assert not any("table of contents" in w for w in doc.warnings)
    assert doc.articles[3].title == "Настоящий Закон вступает в силу после его официального опубликования."
    assert doc.articles[2].text.startswith("Признать утратившим силу подпункт 1.2")


def test_a_contents_list_whose_entries_end_with_a_full_stop_is_still_a_contents_list() -> None:
    # an entry ending with "." was taken for an article all on its line: each article was read twice
    entries = ["Статья 1. Основные термины, применяемые в настоящем Законе",
               "Статья 2. Правовое регулирование противодействия экстремизму",
               "Статья 3. Субъекты противодействия экстремизму"]
    body = ["Для целей настоящего Закона применяются следующие основные термины и их определения:",
            "Правовое регулирование противодействия экстремизму осуществляется Конституцией Республики Беларусь.",
            "Субъектами противодействия экстремизму являются государственные органы."]
    text = "\n".join(["ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "4 января 2007 г. № 203-З", "О противодействии экстремизму",
                      *(entry + "." for entry in entries),
                      *(line for pair in zip(entries, body, strict=True) for line in pair)])
    doc = parse(text)
    assert [a.id for a in doc.articles] == ["1", "2", "3"]
    assert doc.warnings == ["skipped a table of contents (3 article headings)"]
    assert doc.articles[1].text.startswith("Правовое регулирование противодействия экстремизму осуществляется")


def test_a_number_alone_on_its_line_heads_the_article_whose_title_or_text_follows() -> None:
    # a PDF or a draft that sets the title below the number, or none: "Статья 1" was not read as a heading
    text = """\
ГЛАВА 17. Преступления против мира и безопасности человечества
Статья 130
Разжигание расовой, национальной, религиозной либо иной социальной вражды или розни
1. Умышленные действия, направленные на возбуждение расовой, национальной, религиозной либо иной социальной \
вражды или розни, –
наказываются лишением свободы на срок от трех до двенадцати лет.
Статья 130¹
Реабилитация нацизма
1. Умышленные действия по реабилитации нацизма –
наказываются штрафом, или арестом, или ограничением свободы на срок до пяти лет.
Статья 131
Умышленное массовое уничтожение растительного или животного мира (экоцид) –
наказывается лишением свободы на срок от десяти до пятнадцати лет.
Статья 124
настоящего Кодекса при этом не применяется.
"""
    doc = parse(text)
    assert [(a.number.display, a.title) for a in doc.articles] == [
        ("130", "Разжигание расовой, национальной, религиозной либо иной социальной вражды или розни"),
        ("130¹", "Реабилитация нацизма"), ("131", "")]
    assert doc.articles[0].lines[0].startswith("1. Умышленные действия, направленные на возбуждение")
    assert doc.articles[2].lines[0].startswith("Умышленное массовое уничтожение")
    # a reference wrapped at a line's end goes on in lower case: the text of the article before it
    assert doc.articles[2].lines[-2:] == ["Статья 124", "настоящего Кодекса при этом не применяется."]


def test_a_reference_in_lower_case_alone_on_its_line_heads_nothing() -> None:
    # "статья 130" wrapped to a line's start, the code's name after it in capitals, was read as a second
    # article 130 (with no title): a heading writes "Статья"
    text = """\
Статья 129. Уничтожение памятников истории и культуры
1. Умышленные уничтожение или повреждение памятников истории и культуры, в том числе деяния, указанные в
статья 130
Уголовного кодекса Республики Беларусь, совершенные из хулиганских побуждений, –
наказываются лишением свободы на срок до трех лет.
Статья 130. Разжигание расовой, национальной, религиозной либо иной социальной вражды или розни
1. Умышленные действия, направленные на возбуждение вражды или розни, –
наказываются лишением свободы на срок от трех до двенадцати лет.
"""
    doc = parse(text)
    assert [a.number.display for a in doc.articles] == ["129", "130"] and not doc.warnings
    assert doc.articles[0].lines[1:3] == ["статья 130", "Уголовного кодекса Республики Беларусь, совершенные из"
                                          " хулиганских побуждений, –"]


# Art. 139 as the 2020 copy in ../shared/corpus holds it: part 2's sanction line lost after its dash
_MURDER_CUT = ["Статья 139. Убийство",
               "1. Умышленное противоправное лишение жизни другого человека (убийство) –",
               "наказывается лишением свободы на срок от шести до пятнадцати лет.",
               "2. Убийство:",
               "1) двух или более лиц;",
               "15) совершенное группой лиц, –"]
_SOUND = ["Статья 140. Убийство матерью новорожденного ребенка",
          "Убийство матерью своего ребенка во время родов или непосредственно после них –",
          "наказывается ограничением свободы на срок до пяти лет или лишением свободы на тот же срок.",
          "Статья 141. Убийство, совершенное в состоянии аффекта",
          "Убийство, совершенное в состоянии внезапно возникшего сильного душевного волнения, –",
          "наказывается ограничением свободы на срок до пяти лет или лишением свободы на срок до четырех лет."]


def test_a_part_whose_sanction_line_was_lost_after_its_dash_is_noted_by_article() -> None:
    # a commentator's draft said the death penalty for murder was "введено" in 2022: the 2020 copy had
    # lost the line; the note says so where the text is read
    doc = parse_blocks([Block(line) for line in _MURDER_CUT + _SOUND], name="uk_2020.txt")
    assert [w for w in doc.warnings if "dash" in w] == [
        "article 139: a line ends in a dash and what follows it is missing (a line lost in this copy?): a sanction"
        " so lost reads as no penalty"]
    whole = [*_MURDER_CUT, "наказывается лишением свободы на срок от восьми до двадцати пяти лет, "
             "или пожизненным лишением свободы, или смертной казнью."]
    assert not [w for w in parse_blocks([Block(line) for line in whole + _SOUND]).warnings if "dash" in w]


def test_a_dash_at_a_line_end_of_a_law_without_sanctions_is_no_lost_line() -> None:
    law = ["Статья 1. Основные термины", "В настоящем Законе применяются следующие термины –",
           "экстремистские материалы – информационная продукция, предназначенная для публичного использования.",
           "Статья 2. Вступление в силу", "Настоящий Закон вступает в силу через десять дней."]
    assert not [w for w in parse_blocks([Block(line) for line in law]).warnings if "dash" in w]


def test_a_dash_leading_to_words_other_than_a_sanction_is_no_lost_line() -> None:
    # Art. 33 of the 2022 edition, whole: its list's dash leads to "влекут уголовную ответственность лишь…",
    # and the note called the line after it missing
    article = ["Статья 33. Деяния, влекущие уголовную ответственность по требованию",
               "1. Деяния, содержащие признаки преступлений:",
               "31) хищение либо уничтожение личных документов (статья 378);",
               "32) принуждение к выполнению обязательств (часть 1 статьи 384), –",
               "влекут уголовную ответственность лишь при наличии выраженного в установленном "
               "уголовно-процессуальным законом порядке требования лица, пострадавшего от преступления.",
               "2. Прокурор вправе возбудить уголовное дело по признакам совершения преступлений, указанных в "
               "настоящей статье, лишь в случаях, предусмотренных уголовно-процессуальным законом."]
    doc = parse_blocks([Block(line) for line in article + _SOUND + _MURDER_CUT[:3]], name="uk_2022.txt")
    assert not [w for w in doc.warnings if "dash" in w], doc.warnings
    # the 2020 copy lost that paragraph: the dash is followed by the next part
    cut = [line for line in article if not line.startswith("влекут")]
    doc = parse_blocks([Block(line) for line in cut + _SOUND + _MURDER_CUT[:3]], name="uk_2020.txt")
    assert [w for w in doc.warnings if "dash" in w] == [
        "article 33: a line ends in a dash and what follows it is missing (a line lost in this copy?): a sanction"
        " so lost reads as no penalty"]
