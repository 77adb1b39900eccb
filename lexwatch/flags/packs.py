"""Rule packs as data: the TOML packs shipped in lexwatch/flags/packs/ and the workspace's flags/*.toml.

A pack is named by its file stem; a workspace pack with the name of a shipped one replaces it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lexwatch.errors import ConfigError, UsageError
from lexwatch.ids import ArticleNumber

BUILTIN_DIR = Path(__file__).resolve().parent / "packs"
USER_SUBDIR = "flags"
SEVERITIES = ("high", "medium", "low")

_NAME_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_RULE_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_TERM_RE = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?(?: [А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?){0,5}")
_RULE_KEYS = {"id", "severity", "description", "terms", "articles", "patterns"}
_PACK_KEYS = {"description", "rules"}


@dataclass(frozen=True)
class Rule:
    """One thing a commentator watches: Russian terms (matched by lemma), articles, or patterns."""

    id: str
    severity: str
    description: str
    terms: tuple[str, ...] = ()
    articles: tuple[ArticleNumber, ...] = ()
    patterns: tuple[str, ...] = ()   # regular expressions for what is not a word (e.g. "146-З")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "severity": self.severity, "description": self.description,
                "terms": list(self.terms), "articles": [a.canonical for a in self.articles],
                "patterns": list(self.patterns)}


@dataclass(frozen=True)
class Pack:
    name: str
    description: str
    rules: tuple[Rule, ...]
    source: str = "builtin"   # "builtin" or the path of the workspace file
    compiled_patterns: tuple[tuple[Rule, re.Pattern[str]], ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description, "source": self.source,
                "rules": [r.to_dict() for r in self.rules]}


def _fail(path: Path, message: str, key: str | None = None, line: int | None = None) -> ConfigError:
    return ConfigError(message, path=str(path), line=line, key=key)


def _str_list(value: Any, path: Path, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, "expected a list of non-empty strings", key)
    return [v.strip() for v in value]


def _parse_rule(raw: Any, index: int, path: Path) -> Rule:
    where = f"rules[{index}]"
    if not isinstance(raw, dict):
        raise _fail(path, "each rule is a table ([[rules]])", where)
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise _fail(path, f"unknown key {unknown[0]!r} in a rule", f"{where}.{unknown[0]}")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _RULE_ID_RE.fullmatch(rule_id):
        raise _fail(path, "a rule needs an id of lower-case letters, digits and '-'", f"{where}.id")
    where = f"rules.{rule_id}"
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        raise _fail(path, f"severity must be one of {', '.join(SEVERITIES)}", f"{where}.severity")
    description = raw.get("description")
    if not isinstance(description, str) or not description.strip():
        raise _fail(path, "a rule needs a description", f"{where}.description")
    terms = _str_list(raw.get("terms", []), path, f"{where}.terms")
    for term in terms:
        if not _TERM_RE.fullmatch(term):
            raise _fail(path, f"term {term!r} is not 1-6 Russian words", f"{where}.terms")
    articles: list[ArticleNumber] = []
    for text in _str_list(raw.get("articles", []), path, f"{where}.articles"):
        try:
            articles.append(ArticleNumber.parse(text))
        except UsageError:
            raise _fail(path, f"not an article number: {text!r}", f"{where}.articles") from None
    patterns = _str_list(raw.get("patterns", []), path, f"{where}.patterns")
    for pattern in patterns:
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise _fail(path, f"bad regular expression {pattern!r}: {exc}", f"{where}.patterns") from None
        if compiled.fullmatch("") is not None:  # "x*", "(СМИ)?": a hit between every two letters
            raise _fail(path, f"regular expression {pattern!r} matches empty text: it would flag every word",
                        f"{where}.patterns")
    if not (terms or articles or patterns):
        raise _fail(path, "a rule needs terms, articles or patterns", where)
    return Rule(rule_id, severity, description.strip(), tuple(t.lower().replace("ё", "е") for t in terms),
                tuple(articles), tuple(patterns))


def parse_pack(text: str, path: Path, source: str = "builtin") -> Pack:
    """A pack from its TOML text; any flaw is one ConfigError naming the file and the key."""
    name = path.stem
    if not _NAME_RE.fullmatch(name):
        raise _fail(path, "a pack file is named like death-penalty.toml (lower-case, digits, '-')")
    try:
        data = tomllib.loads(text)
    except RecursionError:  # "x = [[[…" a few hundred deep exhausts tomllib's recursion, as in lexwatch.toml
        from lexwatch.config import deepest_line

        raise _fail(path, "lists or tables nested too deeply", line=deepest_line(text)) from None
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise _fail(path, f"not valid TOML: {str(exc).split(' (at')[0]}",
                    line=int(line.group(1)) if line else None) from None
    unknown = sorted(set(data) - _PACK_KEYS)
    if unknown:
        raise _fail(path, f"unknown key {unknown[0]!r}", unknown[0])
    description = data.get("description", "")
    if not isinstance(description, str):
        raise _fail(path, "expected a string", "description")
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise _fail(path, "a pack needs at least one [[rules]] table", "rules")
    rules = [_parse_rule(r, i, path) for i, r in enumerate(raw_rules)]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise _fail(path, f"rule id {rule.id!r} appears twice", f"rules.{rule.id}.id")
        seen.add(rule.id)
    compiled = tuple((rule, re.compile(p, re.IGNORECASE)) for rule in rules for p in rule.patterns)
    return Pack(name, description.strip(), tuple(rules), source, compiled)


def _read(path: Path, source: str) -> Pack:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise _fail(path, "not UTF-8 text") from None
    except OSError as exc:
        raise _fail(path, f"cannot read ({exc.strerror or exc})") from None
    return parse_pack(text, path, source)


def available_packs(workspace_root: Path | None) -> dict[str, Pack]:
    """Every pack by name, shipped ones first; a workspace pack of the same name replaces it."""
    packs: dict[str, Pack] = {}
    for path in sorted(BUILTIN_DIR.glob("*.toml")):
        pack = _read(path, "builtin")
        packs[pack.name] = pack
    if workspace_root is not None:
        folder = workspace_root / USER_SUBDIR
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                if path.is_file():
                    pack = _read(path, str(path))
                    packs[pack.name] = pack
    return packs


def load_packs(workspace_root: Path | None, names: list[str] | None = None) -> list[Pack]:
    """The packs to flag with: all of them, or those named (an unknown name is a UsageError)."""
    packs = available_packs(workspace_root)
    if not names:
        return list(packs.values())
    missing = [n for n in names if n not in packs]
    if missing:
        raise UsageError(f"no rule pack {missing[0]!r} (known: {', '.join(packs)})")
    return [packs[n] for n in dict.fromkeys(names)]


def descriptions(packs: list[Pack]) -> dict[tuple[str, str], str]:
    """What each rule watches, by (pack, rule): how a Russian document or a commentary draft names
    a flag (a workspace pack's description in whatever words it has)."""
    return {(pack.name, rule.id): rule.description for pack in packs for rule in pack.rules}
