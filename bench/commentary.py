"""Commentary draft speed on the two real editions (2020 -> 2022, every changed article, flags on),
each figure next to a baseline of the same run: the facts and the Jinja2 rendering against the
markdown redline of the same diff, the Word draft against the comparative table as .docx, and the
whole `lexwatch commentary new` call against `lexwatch diff --format markdown`; the Word draft of
4x the text against 1x (it must stay linear). Best of --repeat.

Run: python bench/commentary.py [--corpus ../shared/corpus] [--repeat 5]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from timing import best_of, editions

from lexwatch.commentary import scaffold
from lexwatch.commentary.word import markdown_docx
from lexwatch.diff.engine import diff_documents
from lexwatch.diff.model import DocumentSide
from lexwatch.diff.render import RenderOptions, renderer
from lexwatch.flags import annotate_diff, load_packs
from lexwatch.text.load import read_document

ROOT = Path(__file__).resolve().parents[1]
# bench/docx.py would hide python-docx's `docx` package (imported lazily by both Word writers).
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != ROOT / "bench"]


def main() -> None:
    repeat, old_path, new_path = editions(__doc__, 5)
    old, new = read_document(old_path), read_document(new_path)
    diff = diff_documents(old, new, old_side=DocumentSide(str(old_path), old_path.name, len(old.articles)),
                          new_side=DocumentSide(str(new_path), new_path.name, len(new.articles)))
    packs = load_packs(None)
    annotate_diff(diff, packs)
    template = scaffold.find("commentary", None)
    options = RenderOptions()

    def facts() -> dict[str, object]:
        return scaffold.facts(diff, title="Изменения", kind="markdown", docs=(old, new), versions=(None, None),
                              packs=packs)

    data = facts()
    text = scaffold.render(template, data, None)
    print(f"{len(data['articles'])} articles in the draft, {len(text) / 1e6:.2f} MB of Markdown")  # type: ignore[arg-type]
    redline = best_of(repeat, lambda: renderer("markdown")(diff, options))
    made = best_of(repeat, facts)
    rendered = best_of(repeat, lambda: scaffold.render(template, data, None))
    print(f"markdown redline (baseline)      {redline * 1e3:8.1f} ms")
    print(f"facts (wordings, redlines)       {made * 1e3:8.1f} ms  ({made / redline:.2f}x the redline)")
    print(f"template rendered                {rendered * 1e3:8.1f} ms  ({rendered / redline:.2f}x)")
    table = best_of(repeat, lambda: renderer("table")(diff, RenderOptions(docx=True)))
    word = best_of(repeat, lambda: markdown_docx(text))
    print(f"comparative table .docx (baseline) {table * 1e3:6.1f} ms")
    print(f"Word draft from the Markdown     {word * 1e3:8.1f} ms  ({word / table:.2f}x the table)")
    # scaling: a python-docx paragraph put at the body's end read the body from its start (quadratic)
    big = best_of(max(1, repeat // 2), lambda: markdown_docx(text * 4))
    print(f"Word draft of 4x the Markdown    {big * 1e3:8.1f} ms  ({big / word:.2f}x the 1x draft: near 4 is linear)")

    def call(*command: str) -> None:
        subprocess.run([sys.executable, "-m", "lexwatch", *command], check=False, capture_output=True)

    with tempfile.TemporaryDirectory() as folder:
        diffed = best_of(repeat, lambda: call("diff", str(old_path), str(new_path), "--format", "markdown"))
        drafted = best_of(repeat, lambda: call("commentary", "new", str(old_path), str(new_path), "-o", "-"))
        target = Path(folder) / "draft.docx"
        worded = best_of(repeat, lambda: call("commentary", "new", str(old_path), str(new_path), "-o",
                                                   str(target)), before=lambda: target.unlink(missing_ok=True))
    print(f"`lexwatch diff --format markdown` (baseline) {diffed * 1e3:6.0f} ms")
    print(f"`lexwatch commentary new -o -`             {drafted * 1e3:6.0f} ms  ({drafted / diffed:.2f}x)")
    print(f"`lexwatch commentary new -o draft.docx`    {worded * 1e3:6.0f} ms  ({worded / diffed:.2f}x)")


if __name__ == "__main__":
    main()
