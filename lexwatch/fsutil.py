"""Atomic file writes and path sanitising: nothing half-written, no path built from raw input."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path

from lexwatch.errors import DiskFullError

_SAFE_RE = re.compile(r"[^A-Za-z0-9_.-]+")


def safe_name(text: str, fallback: str = "unknown") -> str:
    """A file or folder name made from untrusted text: ASCII letters, digits, _ . - only."""
    name = _SAFE_RE.sub("_", text).strip("._")[:80]
    return name or fallback


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temp file beside `path`, fsync, rename: readers see the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError(f"disk full while writing {path}; nothing was half-stored") from None
        raise
