"""A folder the user fills by hand (e.g. PDFs saved from a browser behind a proxy): every legal
document in it is a candidate version. Configured by `[sources.folder] path = "..."`."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from lexwatch.config import Settings
from lexwatch.sources.base import FetchContext, Fetched, failure, source_table
from lexwatch.text.blocks import emptied

NAME = "folder"
SUFFIXES = {".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf", ".txt": "text/plain",
            ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


class FolderSource:
    name = NAME
    windowed = False  # every file in the folder is looked at each run, whatever its date
    description = "A folder you fill by hand with HTML, PDF, DOCX or TXT files ([sources.folder] path)"

    def __init__(self, settings: Settings, root: Path) -> None:
        table = source_table(settings, NAME)
        raw = table.get("path")
        if raw is not None and (not isinstance(raw, str) or not raw.strip()):
            raise settings.error("must be a folder path (a non-empty string)", "sources.folder.path")
        self.path: Path | None = (root / Path(raw).expanduser()).resolve() if raw else None
        self.cap = settings.portal.max_pdf_bytes  # the portal's PDF cap: no bigger file is read whole

    def enabled(self) -> bool:
        return self.path is not None

    def where(self) -> str:
        return str(self.path) if self.path else "not configured: no [sources.folder] path"

    def files(self) -> list[Path]:
        """Documents in the folder and its subfolders, in name order; hidden files and anything a
        symlink would take outside the folder are left out."""
        if self.path is None:
            return []
        found = []
        for path in sorted(self.path.rglob("*")):
            relative = path.relative_to(self.path)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if path.suffix.lower() not in SUFFIXES or not path.is_file():
                continue
            if not path.resolve().is_relative_to(self.path):
                continue
            found.append(path)
        return found

    def fetch(self, ctx: FetchContext) -> Iterator[Fetched]:
        if self.path is None:
            return
        if not self.path.is_dir():
            yield failure(str(self.path), "file", f"[sources.folder] path {self.path} is not a folder")
            return
        try:  # listing it below passes over a folder it cannot read: it would look empty
            with os.scandir(self.path):
                pass
        except OSError as exc:
            yield failure(str(self.path), "file", f"[sources.folder] path {self.path}: cannot read the folder"
                          f" ({exc.strerror or exc})")
            return
        files = self.files()
        ctx.answered = True  # the folder is there, read: empty, or its files failed, it is not gone
        ctx.status(f"{NAME}: {len(files)} files in {self.path}")
        for path in files:
            try:
                size = path.stat().st_size
                if size > self.cap:
                    yield failure(str(path), "file", f"{path}: {size / 2**20:.1f} MB is over the"
                                  f" {self.cap / 2**20:g} MB cap (portal.max_pdf_mb)")
                    continue
                data = path.read_bytes()
            except OSError as exc:
                yield failure(str(path), "file", f"{path}: cannot read ({exc.strerror or exc})")
                continue
            empty = emptied(data)
            if empty is not None:  # not a version: the document's last one stays its latest
                yield failure(str(path), "file", f"{path}: the file is empty ({empty}): not stored")
                continue
            modified = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")
            yield Fetched(url=str(path), kind="file", data=data, filename=path.name,
                          content_type=SUFFIXES[path.suffix.lower()],
                          fingerprint=hashlib.sha256(data).hexdigest(),
                          meta={"path": str(path), "size": len(data), "modified": modified})


def make_source(settings: Settings, root: Path) -> FolderSource:
    return FolderSource(settings, root)
