"""diff_documents: align two Documents and diff each aligned pair word by word."""

from __future__ import annotations

from lexwatch.diff.align import RENUMBER_THRESHOLD, Pair, align
from lexwatch.diff.headings import renamed_headings
from lexwatch.diff.model import ArticleDiff, DocumentDiff, DocumentSide, Op, Status
from lexwatch.diff.normalize import FOLDED, collapse, normalize, read_lost_part_superscripts
from lexwatch.diff.words import diff_words
from lexwatch.errors import UsageError
from lexwatch.ids import SUPERSCRIPT_DIGITS, ArticleNumber
from lexwatch.text.acts import own_name
from lexwatch.text.model import Article, Document


def _cites_sub_number(text: str) -> bool:
    """Whether a comparison form holds a superscript digit: every cited sub-number is one there."""
    return any(digit in text for digit in SUPERSCRIPT_DIGITS)


def _article_diff(pair: Pair, show_technical: bool, known: frozenset[ArticleNumber] | None = None) -> ArticleDiff:
    old, new = pair.old, pair.new
    if old is None or new is None:
        only = old or new
        assert only is not None
        text = normalize(only.text)
        status: Status = "removed" if new is None else "added"
        op: Op = ("delete", text) if new is None else ("insert", text)
        return ArticleDiff(status, old, new, [op] if text else [], pair.matched_by, pair.score)

    if old.text == new.text and old.title == new.title:  # most articles of an edition
        # ops None: the text as one equal op, normalised only if some output reads it
        return ArticleDiff("renumbered" if old.number != new.number else "unchanged", old, new,
                           None, pair.matched_by, pair.score)

    old_text, new_text = normalize(old.text), normalize(new.text)
    if old_text != new_text and (_cites_sub_number(old_text) or _cites_sub_number(new_text)):
        if known:
            # one side may cite 171¹ where the other lost the superscript ("1711"): read both again
            old_text, new_text = normalize(old.text, known), normalize(new.text, known)
        # and name part 1¹ where the other says "частью 11"
        old_text, new_text = read_lost_part_superscripts(old_text, new_text)
    old_title, new_title = normalize(old.title), normalize(new.title)
    moved = old.number != new.number
    content_same = old_text == new_text and old_title == new_title
    technical = content_same and (collapse(old.text) != collapse(new.text)
                                  or collapse(old.title) != collapse(new.title))
    if content_same and not (technical and show_technical):
        status = "renumbered" if moved else "unchanged"
        ops: list[Op] = [("equal", new_text)] if new_text else []
        return ArticleDiff(status, old, new, ops, pair.matched_by, pair.score, technical)
    if content_same:  # technical only, and asked for: show the raw (whitespace-collapsed) change
        old_text, new_text = collapse(old.text), collapse(new.text)
        old_title, new_title = collapse(old.title), collapse(new.title)
    item = ArticleDiff("renumbered" if moved else "changed", old, new, diff_words(old_text, new_text),
                       pair.matched_by, pair.score, technical)
    if old_title != new_title:
        item.title_ops = diff_words(old_title, new_title)
    return item


def diff_documents(old: Document, new: Document, *, old_side: DocumentSide | None = None,
                   new_side: DocumentSide | None = None,
                   articles: list[ArticleNumber] | None = None,
                   show_technical: bool = False) -> DocumentDiff:
    """The article-aligned diff of OLD and NEW; `articles` restricts it (unknown numbers refused)."""
    old_side = old_side or DocumentSide("old", old.title or "old", len(old.articles))
    new_side = new_side or DocumentSide("new", new.title or "new", len(new.articles))
    pairs = align(old.articles, new.articles)
    # Both versions' article numbers: a reference "1711" in a text whose superscript was lost
    # reads as 171¹ when 171¹ is an article and 1711 is not (a lost superscript is no change).
    written = {a.number: a.number for a in (*old.articles, *new.articles)}  # of equal numbers, the new side's
    known = frozenset(written)
    if articles:
        wanted = set(articles)
        missing = [n for n in articles if n not in known]
        if missing:
            from lexwatch.diff.history import lost_superscript  # "1301" copied for 130¹: history's hint

            raise UsageError("no article " + ", ".join(n.display + lost_superscript(n, set(known)) for n in missing)
                             + " in either version")
        pairs = [p for p in pairs if any(a is not None and a.number in wanted for a in (p.old, p.new))]
    settings = {
        "renumber_threshold": RENUMBER_THRESHOLD,
        "show_technical": show_technical,
        # each as the versions write it: "130.2" typed is 130-2 in the Criminal Code, "19-11" 19.11 in КоАП
        "articles": list(dict.fromkeys(written[n].canonical for n in articles)) if articles else None,
        "normalised": list(FOLDED),
    }
    whole = not articles  # asked of some articles: those only, not the act's name or headings
    return DocumentDiff(old_side, new_side, [_article_diff(p, show_technical, known) for p in pairs], settings,
                        name_ops=_name_ops(old, new) if whole else [],
                        headings=renamed_headings(old.articles, new.articles, pairs) if whole else [])


def _name_ops(old: Document, new: Document) -> list[Op]:
    """The act's own name redlined when an amendment renamed it (a law's "О …" line is part of its
    text, though no article holds it); none when a side has no name to compare (a code, an excerpt)."""
    old_name, new_name = normalize(own_name(old)), normalize(own_name(new))
    if not old_name or not new_name or old_name == new_name:
        return []
    return diff_words(old_name, new_name)


def article_text(article: Article | None) -> str:
    return normalize(article.text) if article else ""
