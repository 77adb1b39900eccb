"""Rule packs are data: the shipped five, a workspace's own packs, and one clear line for a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexwatch.errors import ConfigError, UsageError
from lexwatch.flags import available_packs, load_packs
from lexwatch.flags.match import find_hits
from lexwatch.ids import ArticleNumber

WAR_PROPAGANDA = """\
description = "Пропаганда войны"

[[rules]]
id = "war-propaganda"
severity = "high"
description = "Пропаганда войны (ст. 123)"
terms = ["пропаганда войны"]
articles = ["123"]
"""


def test_the_shipped_packs_and_their_rules() -> None:
    packs = available_packs(None)
    assert list(packs) == ["death-penalty", "extremism", "genocide", "migration", "terrorism"]
    death = packs["death-penalty"]
    assert {r.id for r in death.rules} == {"death-penalty", "death-penalty-articles"}
    articles = {a for r in death.rules for a in r.articles}
    assert articles == {ArticleNumber(59), ArticleNumber(67)}
    genocide_articles = {a for r in packs["genocide"].rules for a in r.articles}
    assert ArticleNumber(130, 2) in genocide_articles and ArticleNumber(130, 1) in genocide_articles
    for pack in packs.values():
        assert pack.source == "builtin" and pack.description
        assert all(r.severity in ("high", "medium", "low") and r.description for r in pack.rules)


def test_a_workspace_pack_is_added_and_one_of_the_same_name_replaces_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "flags").mkdir()
    (tmp_path / "flags" / "war.toml").write_text(WAR_PROPAGANDA, encoding="utf-8")
    (tmp_path / "flags" / "migration.toml").write_text(
        WAR_PROPAGANDA.replace("war-propaganda", "asylum").replace("пропаганда войны", "убежище"), encoding="utf-8")
    packs = available_packs(tmp_path)
    assert list(packs)[-1] == "war" and packs["war"].source.endswith("war.toml")
    assert [r.id for r in packs["migration"].rules] == ["asylum"]
    hits = find_hits("Публичная пропаганда войны наказывается; статья 123 настоящего Кодекса",
                     load_packs(tmp_path, ["war"]))
    assert [(h.rule, h.kind) for h in hits] == [("war-propaganda", "term"), ("war-propaganda", "article")]


def test_choosing_packs_by_name(tmp_path: Path) -> None:
    assert [p.name for p in load_packs(None, ["genocide", "death-penalty"])] == ["genocide", "death-penalty"]
    with pytest.raises(UsageError, match="no rule pack 'death'"):
        load_packs(None, ["death"])


@pytest.mark.parametrize(("text", "message"), [
    ('description = "x"\n[[rules]]\nid = "a"\nseverity = "fatal"\ndescription = "d"\nterms = ["казнь"]\n',
     "flags/bad.toml: severity must be one of high, medium, low (key 'rules.a.severity')"),
    ('[[rules]]\nid = "a"\nseverity = "high"\ndescription = "d"\narticles = ["59a"]\n',
     "flags/bad.toml: not an article number: '59a' (key 'rules.a.articles')"),
    ('[[rules]]\nid = "a"\nseverity = "high"\ndescription = "d"\nterms = ["smertnaya kazn"]\n',
     "flags/bad.toml: term 'smertnaya kazn' is not 1-6 Russian words (key 'rules.a.terms')"),
    ('[[rules]]\nid = "a"\nseverity = "high"\ndescription = "d"\npatterns = ["146-(З"]\n',
     "(key 'rules.a.patterns')"),
    ('[[rules]]\nid = "a"\nseverity = "high"\ndescription = "d"\npatterns = ["(СМИ)?"]\n',
     "regular expression '(СМИ)?' matches empty text: it would flag every word (key 'rules.a.patterns')"),
    ('[[rules]]\nid = "a"\nseverity = "high"\ndescription = "d"\n',
     "a rule needs terms, articles or patterns (key 'rules.a')"),
    ('[[rules]]\nid = "a"\nseverity = "high"\ndescription = "d"\nterms = ["казнь"]\nword = "x"\n',
     "unknown key 'word' in a rule (key 'rules[0].word')"),
    ('description = "x"\n[[rules]\n', "flags/bad.toml:2: not valid TOML"),
    # a RecursionError in tomllib, an internal error (exit 3) before
    ('description = "x"\n[[rules]]\nterms = ' + "[" * 1000 + "]" * 1000 + "\n",
     "flags/bad.toml:3: lists or tables nested too deeply"),
    ('description = "x"\n', "a pack needs at least one [[rules]] table (key 'rules')"),
])
def test_a_broken_pack_is_one_line_naming_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "flags").mkdir()
    (tmp_path / "flags" / "bad.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        available_packs(tmp_path)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_pack_file_name_must_be_a_plain_name(tmp_path: Path) -> None:
    (tmp_path / "flags").mkdir()
    (tmp_path / "flags" / "Смертная казнь.toml").write_text(WAR_PROPAGANDA, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"named like death-penalty\.toml"):
        available_packs(tmp_path)
