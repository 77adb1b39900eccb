"""check.explain: what a stored new edition changed against the one before it, and what it flags."""

from __future__ import annotations

from datetime import date

from builders import ART_130_2, criminal_code, folder_inbox
from test_flags_amendments import LAW  # an amending law as saved from its publication

from lexwatch.check import explain, previous_version
from lexwatch.flags import load_packs
from lexwatch.ids import ArticleNumber
from lexwatch.sources.runner import Outcome
from lexwatch.text.model import Article, Document

ART_67_OLD = Article(
    ArticleNumber(67), "Назначение наказания за неоконченное преступление",
    "1. При назначении наказания за приготовление к преступлению и покушение на преступление учитываются "
    "обстоятельства, в силу которых преступление не было доведено до конца.\n"
    "2. Смертная казнь и пожизненное заключение за приготовление к преступлению и покушение на "
    "преступление не назначаются.")
ART_67_NEW = Article(
    ArticleNumber(67), "Назначение наказания за неоконченное преступление",
    "1. При назначении наказания за приготовление к преступлению и покушение на преступление учитываются "
    "обстоятельства, в силу которых преступление не было доведено до конца.\n"
    "2. Смертная казнь и пожизненное заключение за приготовление к преступлению и покушение на "
    "преступление не назначаются, за исключением покушения на акт терроризма.")
def _fetched(store, data: bytes, doc: Document, day: date, kind: str = "consolidated",
             url: str = "https://pravo.by/document/?guid=3871&p0=HK9900275") -> Outcome:
    info = store.add(data, source=url, filename="uk.html", edition_date=day, document=doc,
                     meta={"kind": kind}).version
    return Outcome("pravo_by", "changed", info.source, kind, act=info.act, title=info.title, version=info.id)


def test_a_new_edition_is_compared_with_the_previous_one_of_its_kind_and_flagged(store, workspace):
    first = _fetched(store, b"edition 2021", criminal_code(ART_67_OLD), date(2021, 1, 1))
    _fetched(store, b"a card", criminal_code(ART_67_OLD), date(2021, 6, 1), kind="card",  # another kind: not compared
             url="https://pravo.by/document/?guid=12551&p0=HK9900275")
    second = _fetched(store, b"edition 2022", criminal_code(ART_67_NEW, ART_130_2), date(2022, 5, 13))
    [finding] = explain(store, [second], load_packs(workspace, None))
    assert finding.previous is not None and finding.previous.id == first.version
    assert finding.summary == {"added": 1, "removed": 0, "changed": 1, "renumbered": 0, "unchanged": 0}
    rules = {(f["pack"], f["rule"], f["direction"]): f["articles"] for f in finding.flags}
    assert rules[("genocide", "genocide-denial", "added")] == ["130-2"]
    assert any(pack == "death-penalty" and "67" in arts for (pack, _, _), arts in rules.items())
    assert finding.flags[0]["severity"] == "high"  # most severe first


def test_a_first_version_is_flagged_whole_and_names_no_previous(store, workspace):
    only = _fetched(store, b"edition 2022", criminal_code(ART_130_2), date(2022, 5, 13))
    [finding] = explain(store, [only], load_packs(workspace, ["genocide"]))
    assert previous_version(store, finding.version) is None and finding.summary is None
    assert {(f["rule"], f["direction"]) for f in finding.flags} >= {("genocide-denial", "present")}


def test_a_version_that_cannot_be_read_is_still_reported_with_why(store, workspace):
    _fetched(store, b"edition 2021", criminal_code(ART_67_OLD), date(2021, 1, 1))
    second = _fetched(store, b"edition 2022", criminal_code(ART_67_NEW), date(2022, 5, 13))
    # a damaged database: an article row whose number no longer parses
    store.db.execute("UPDATE articles SET number = '??' WHERE version_id = ?", (second.version,))
    [finding] = explain(store, [second], load_packs(workspace, None))
    assert finding.error and finding.summary is None and finding.flags == []
    assert finding.to_dict()["error"] == finding.error


def test_a_source_that_went_back_is_compared_with_what_it_gave_last(store, workspace):
    older = _fetched(store, b"edition 2021", criminal_code(ART_67_OLD), date(2021, 1, 1))
    newer = _fetched(store, b"edition 2022", criminal_code(ART_67_NEW), date(2022, 5, 13))
    # the portal serves the 2021 bytes again: the change to read is 2022 -> 2021, not 2021 against nothing
    [finding] = explain(store, [older], load_packs(workspace, None))
    assert finding.previous is not None and finding.previous.id == newer.version
    assert finding.summary is not None and finding.summary["changed"] == 1


ART_59_2022 = Article(
    ArticleNumber(59), "Смертная казнь",
    "1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела (до отмены "
    "смертной казни) за преступления, сопряженные с умышленным лишением жизни человека при отягчающих "
    "обстоятельствах.")
ART_59_2023 = Article(
    ArticleNumber(59), "Смертная казнь",
    "1. В качестве исключительной меры наказания допускается применение смертной казни – расстрела (до отмены "
    "смертной казни) за преступления, сопряженные с умышленным лишением жизни человека при отягчающих "
    "обстоятельствах, а также за покушение на такие преступления.")


def test_a_change_a_killed_run_stored_is_compared_with_what_came_before_it_not_with_the_next_edition(
        store, workspace):
    # 2021 told; a run stores 2022 and is killed before its report; the next run finds 2023 as well
    # and tells both: 2022 against 2021 (its own changes), then 2023 against 2022, never 2022 against 2023
    first = _fetched(store, b"edition 2021", criminal_code(ART_59_2022, ART_67_OLD), date(2021, 1, 1))
    carried = _fetched(store, b"edition 2022", criminal_code(ART_59_2022, ART_67_NEW, ART_130_2), date(2022, 5, 13))
    newer = _fetched(store, b"edition 2023", criminal_code(ART_59_2023, ART_67_NEW, ART_130_2), date(2022, 5, 13))
    found = explain(store, [carried, newer], load_packs(workspace, None))
    assert [f.previous.id if f.previous else None for f in found] == [first.version, carried.version]
    assert found[0].articles == {"changed": ["67"], "added": ["130-2"], "removed": [], "renumbered": []}
    assert found[1].articles == {"changed": ["59"], "added": [], "removed": [], "renumbered": []}
    assert found[0].to_dict()["articles"]["added"] == ["130-2"]


def test_a_changed_document_without_articles_names_the_version_it_replaced(store, workspace):
    # a register card: "Статус: действует" becomes "Статус: утратил силу"; there is no article to align,
    # but there is an earlier version, and saying "no earlier version" would be false
    url = "https://pravo.by/document/?guid=12551&p0=C22200031"

    def card(data: bytes, status: str) -> Outcome:
        doc = Document(title="", preamble="ПОСТАНОВЛЕНИЕ СОВЕТА МИНИСТРОВ РЕСПУБЛИКИ БЕЛАРУСЬ\n"
                                          f"17 января 2022 г. № 31\nСтатус: {status}")
        info = store.add(data, source=url, filename="card.txt", document=doc, allow_unparsed=True,
                         meta={"kind": "card"}).version
        return Outcome("pravo_by", "changed", url, "card", title=info.title, version=info.id)

    before = card(b"card in force", "действует")
    after = card(b"card repealed", "утратил силу")
    [finding] = explain(store, [after], load_packs(workspace, None))
    assert finding.previous is not None and finding.previous.id == before.version
    assert finding.summary is None and finding.articles is None and finding.error is None


def test_a_diff_that_breaks_on_one_document_is_reported_with_why_and_the_rest_still_explained(
        store, workspace, monkeypatch):
    import lexwatch.diff.engine

    _fetched(store, b"edition 2021", criminal_code(ART_67_OLD), date(2021, 1, 1))
    second = _fetched(store, b"edition 2022", criminal_code(ART_67_NEW), date(2022, 5, 13))
    only = _fetched(store, b"draft", criminal_code(ART_130_2), date(2022, 6, 1), kind="draft",
                    url="https://pravo.by/document/?guid=3941&p0=2025021015")

    def broken(*_args, **_kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(lexwatch.diff.engine, "diff_documents", broken)
    changed, new = explain(store, [second, only], load_packs(workspace, ["genocide"]))
    assert changed.error and "IndexError" in changed.error and changed.summary is None
    assert any(f["rule"] == "genocide-denial" for f in new.flags)  # the next document is still explained


def test_an_edition_saved_from_another_address_is_compared_with_the_acts_previous_edition_of_its_kind(
        store, workspace):
    # the lawyer saves the 2022 edition by hand (the folder source): no earlier version from that file,
    # so it is read against the code's 2021 edition from the portal, never against the card
    first = _fetched(store, b"edition 2021", criminal_code(ART_67_OLD), date(2021, 1, 1))
    _fetched(store, b"a card", criminal_code(ART_67_OLD), date(2021, 6, 1), kind="card",
             url="https://pravo.by/document/?guid=12551&p0=HK9900275")
    saved = _fetched(store, b"edition 2022 saved by hand", criminal_code(ART_67_NEW, ART_130_2), date(2022, 5, 13),
                     url="/home/lawyer/Законы РБ/inbox/uk-2022.html")
    [finding] = explain(store, [saved], load_packs(workspace, None))
    assert finding.previous is not None and finding.previous.id == first.version
    assert finding.articles == {"changed": ["67"], "added": ["130-2"], "removed": [], "renumbered": []}
    assert finding.changed_articles == 2
    told = finding.to_dict()
    assert told["previous"] == {"version": first.version, "label": "HK9900275@2021-01-01"}
    assert told["edition_date"] == "2022-05-13" and told["label"] == "HK9900275@2022-05-13"


def test_a_scan_from_a_new_address_names_no_previous_version_of_the_act(store, workspace):
    # the code's PDF had a text layer; the portal now links a scan of it at another address: there is
    # nothing article by article to compare it with, so it is told as it is, with no "against …"
    url = "https://pravo.by/upload/docs/op/HK9900275_1652389200.pdf"
    _fetched(store, b"the PDF with text", criminal_code(ART_130_2), date(2022, 5, 13), kind="publication", url=url)
    info = store.add(b"%PDF scanned", source=url.replace(".pdf", "_scan.pdf"), filename="scan.pdf",
                     act="HK9900275", allow_unparsed=True,  # a scan: no edition date to read
                     document=Document(title="", preamble="", format="pdf"), meta={"kind": "publication"}).version
    scan = Outcome("pravo_by", "new", info.source, "publication", act=info.act, version=info.id)
    [finding] = explain(store, [scan], load_packs(workspace, None))
    assert finding.previous is None and finding.summary is None and finding.error is None
    told = finding.to_dict()
    assert told["previous"] is None and told["edition_date"] is None and finding.changed_articles == 0


def test_a_page_without_articles_in_between_is_skipped_when_comparing_editions(store, workspace):
    # the portal's address gave the 2021 text, then a page cut short (stored before that was refused),
    # then the 2022 text: 2022 is read against 2021, not against the page without articles
    url = "https://pravo.by/document/?guid=3871&p0=HK9900275"
    first = _fetched(store, b"edition 2021", criminal_code(ART_67_OLD), date(2021, 1, 1), url=url)
    store.add(b"<html>cut", source=url, filename="uk.html", act="HK9900275", allow_unparsed=True,
              document=Document(title="", preamble="УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ БЕЛАРУСЬ"),
              meta={"kind": "consolidated"})
    second = _fetched(store, b"edition 2022", criminal_code(ART_67_NEW), date(2022, 5, 13), url=url)
    [finding] = explain(store, [second], load_packs(workspace, None))
    assert finding.previous is not None and finding.previous.id == first.version
    assert finding.summary == {"added": 0, "removed": 0, "changed": 1, "renumbered": 0, "unchanged": 0}


def test_a_first_version_flagged_whole_names_each_article_once(store, workspace):
    # Art. 130² speaks of the genocide of the Belarusian people twice; the flag names the article once
    only = _fetched(store, b"edition 2022", criminal_code(ART_67_NEW, ART_130_2), date(2022, 5, 13))
    [finding] = explain(store, [only], load_packs(workspace, ["genocide"]))
    denial = [f for f in finding.flags if f["rule"] == "genocide-denial"]
    assert [f["articles"] for f in denial] == [["130-2"]]
    assert finding.changed_articles == 0 and finding.to_dict()["previous"] is None


def test_a_file_that_went_back_after_a_killed_run_is_told_against_what_it_gave_between(store, workspace):
    # A draft law with no register number in the commentator's folder: text A, then B (stored by a run
    # killed before its report), then A restored. The next report tells B (carried over), then A again:
    # B is read against A before it, though A is told after it in the same report.
    url = "/home/lawyer/Законы РБ/inbox/проект_УК.docx"

    def draft(data: bytes, article: Article) -> Outcome:
        doc = Document(title="ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении Уголовного кодекса", articles=[article])
        info = store.add(data, source=url, filename="проект_УК.docx", document=doc, meta={"kind": "file"}).version
        return Outcome("folder", "changed", url, "file", title=info.title, version=info.id)

    first = draft(b"draft A", ART_67_OLD)
    carried = draft(b"draft B", ART_67_NEW)
    assert first.act is None and carried.act is None
    found = explain(store, [carried, first], load_packs(workspace, None))
    assert [f.previous.id if f.previous else None for f in found] == [first.version, carried.version]
    assert [f.articles["changed"] if f.articles else None for f in found] == [["67"], ["67"]]


LAW_165 = Document(
    title="ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении кодексов по вопросам уголовной ответственности", act="H12200165",
    articles=[
        Article(ArticleNumber(1), "Внести в Уголовный кодекс Республики Беларусь от 9 июля 1999 г. № 275-З "
                "следующие изменения:",
                "1. часть 1 статьи 59 изложить в следующей редакции:\n"
                "«1. Смертная казнь – расстрел – может назначаться за особо тяжкие преступления, сопряженные с "
                "умышленным лишением жизни человека при отягчающих обстоятельствах, а также за покушение на такие "
                "преступления.»;\n"
                "2. В статье 67:\n"
                "в части 2 слова «за приготовление к преступлению и покушение на преступление» заменить словами "
                "«за приготовление к преступлению»;\n"
                "дополнить статью частью 3 следующего содержания:\n"
                "«3. Смертная казнь может быть назначена за покушение на акт терроризма.»."),
        Article(ArticleNumber(2), "Настоящий Закон вступает в силу через десять дней после его официального "
                "опубликования.", "")])


def test_a_new_amending_law_names_the_code_articles_behind_its_flags(store, workspace):
    law = _fetched(store, b"law 165-Z", LAW_165, date(2022, 5, 13), kind="publication",
                   url="https://pravo.by/upload/docs/op/H12200165_1652389200.pdf")
    [finding] = explain(store, [law], load_packs(workspace, ["death-penalty"]))
    assert finding.previous is None
    flags = {(f["rule"], f["direction"]): f for f in finding.to_dict()["flags"]}
    # the law's own Art. 1 holds every hit; what a commentator needs is the Code's articles it changes
    assert flags[("death-penalty", "added")]["articles"] == ["1"]
    assert flags[("death-penalty", "added")]["targets"] == [{"code": "УК", "article": "67", "part": "3", "point": None}]
    assert flags[("death-penalty", "changed")]["targets"] == [{"code": "УК", "article": "59", "part": "1", "point": None}]
    cited = [t for (rule, _), f in flags.items() if rule == "death-penalty-articles" for t in f["targets"]]
    assert cited == [{"code": "УК", "article": "59", "part": "1", "point": None},
                     {"code": "УК", "article": "67", "part": None, "point": None}]   # "В статье 67:" leads its items


def test_a_title_set_in_capitals_is_named_as_a_lawyer_writes_it(lexwatch_cli, workspace):
    inbox = folder_inbox(workspace)
    (inbox / "HK9900275.txt").write_text(criminal_code(ART_67_OLD).as_text(), encoding="utf-8")
    (inbox / "zakon_165-z.txt").write_text(LAW, encoding="utf-8")
    run = lexwatch_cli("check", cwd=workspace)
    assert run.code == 1, run
    named = sorted(line.split("(file)  ", 1)[1] for line in run.out.splitlines() if line.startswith("new "))
    assert named == ["Об изменении Уголовного кодекса Республики Беларусь",
                     "Уголовный кодекс Республики Беларусь"], run.out


def test_an_untitled_file_is_named_once_by_its_address(lexwatch_cli, workspace):
    # a note dropped in the inbox printed its path as its title, then again as its address
    (folder_inbox(workspace) / "zametki.txt").write_text("Позвонить адвокату\nв понедельник\n", encoding="utf-8")
    run = lexwatch_cli("check", cwd=workspace)
    assert run.code == 1, run
    assert run.out.splitlines()[0].endswith("(file)  (untitled)"), run.out
    assert run.out.count("zametki.txt") == 1, run.out


def test_a_title_the_portal_gives_as_a_lawyer_writes_it_is_kept_whole(store, workspace):
    # the register card names the law with its date and number, which its name alone would lose
    title = ("Закон Республики Беларусь от 13 мая 2022 г. № 165-З «Об изменении кодексов по вопросам уголовной "
             "ответственности»")
    card = Document(title=title, preamble="Закон Республики Беларусь от 13 мая 2022 г. № 165-З\n"
                                          "Об изменении кодексов по вопросам уголовной ответственности")
    [finding] = explain(store, [_fetched(store, b"card", card, date(2022, 5, 13), kind="card",
                                         url="https://pravo.by/document/?guid=12551&p0=H12200165")],
                        load_packs(workspace, None))
    from lexwatch.cli.fetch import _finding_lines

    assert _finding_lines([finding], None)[0].endswith(f"(card)  {title}")


def test_a_subjects_flags_stand_together_in_the_packs_order(store, workspace, tmp_path):
    from lexwatch.text.load import read_document

    (tmp_path / "zakon_165-z.txt").write_text(LAW, encoding="utf-8")
    law = read_document(tmp_path / "zakon_165-z.txt")
    # Art. 289 restated first: terrorism is hit before the death penalty in the text
    packs = load_packs(workspace, None)
    [finding] = explain(store, [_fetched(store, b"law 165-Z", law, date(2022, 5, 13), kind="publication",
                                         url="https://pravo.by/upload/docs/op/H12200165_1652389200.pdf")], packs)
    order = [(pack.name, rule.id) for pack in packs for rule in pack.rules]
    told = [(f["pack"], f["rule"]) for f in finding.flags]
    assert {pack for pack, _ in told} >= {"death-penalty", "terrorism"}
    assert all(f["severity"] == "high" for f in finding.flags)
    assert told == sorted(told, key=order.index)  # death-penalty's lines first, each rule's together


def test_a_portal_draft_is_named_as_a_lawyer_cites_a_draft(store, workspace):
    # the bank entry's page sets the mark, the kind and the name in one title; check printed it as set
    title = "ПРОЕКТ ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении Уголовного кодекса Республики Беларусь"
    draft = Document(title=title, act="2025021015", articles=[
        Article(ArticleNumber(1), "Изменения в Уголовный кодекс",
                "Внести в Уголовный кодекс Республики Беларусь следующие изменения:\n"
                "1) статью 130¹ дополнить частью 3 следующего содержания:\n"
                "«3. Действия, предусмотренные частью 2 настоящей статьи, совершенные повторно, – наказываются "
                "лишением свободы на срок от пяти до десяти лет.»")])
    [finding] = explain(store, [_fetched(store, b"draft page", draft, date(2025, 2, 10), kind="draft",
                                         url="https://pravo.by/document/?guid=3941&p0=2025021015")],
                        load_packs(workspace, None))
    from lexwatch.cli.fetch import _finding_lines

    cited = "Проект закона «Об изменении Уголовного кодекса Республики Беларусь»"
    assert _finding_lines([finding], None)[0].endswith(f"(draft)  {cited}")
    assert finding.to_dict()["draft"] is True and finding.to_dict()["title"] == title


EXTREMISM_LAW = "\n".join([
    "ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ", "4 января 2007 г. № 203-З", "О противодействии экстремизму", "",
    "Статья 1. Основные термины, применяемые в настоящем Законе и их определения",
    "Для целей настоящего Закона применяются следующие основные термины и их определения:",
    "1) экстремизм (экстремистская деятельность) – деятельность граждан Республики Беларусь по планированию, "
    "организации, подготовке и совершению действий, направленных на насильственное изменение "
    "конституционного строя;", "",
    "Статья 2. Субъекты противодействия экстремизму",
    "Субъектами противодействия экстремизму являются государственные органы и иные организации.", ""])


def test_a_law_renamed_by_an_amendment_is_told_once_as_renamed(lexwatch_cli, workspace):
    # the same articles under a new name were stored as nothing new: "unchanged", exit 0, never told
    law = folder_inbox(workspace) / "zakon_203-z.txt"
    law.write_text(EXTREMISM_LAW, encoding="utf-8")
    assert lexwatch_cli("check", cwd=workspace).code == 1
    law.write_text(EXTREMISM_LAW.replace("\n", "\r\n"), encoding="utf-8")  # other bytes, the same law
    assert lexwatch_cli("check", cwd=workspace).code == 0
    renamed = "О противодействии экстремизму и реабилитации нацизма"
    law.write_text(EXTREMISM_LAW.replace("О противодействии экстремизму\n", renamed + "\n"), encoding="utf-8")
    run = lexwatch_cli("check", cwd=workspace)
    assert run.code == 1, run
    assert run.out.splitlines()[0].startswith("changed   H10700203:"), run.out
    assert f"          renamed: «О противодействии экстремизму» → «{renamed}»" in run.out.splitlines()
    assert "no article changed" not in run.out and "lexwatch diff " in run.out
    assert lexwatch_cli("check", cwd=workspace).code == 0  # told once
    law.write_text(EXTREMISM_LAW, encoding="utf-8")
    [told] = lexwatch_cli("check", "--json", cwd=workspace).json()["documents"]
    assert told["renamed"] == {"old": renamed, "new": "О противодействии экстремизму"}
    assert told["summary"]["changed"] == 0
