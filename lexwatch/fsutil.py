"""Atomic file writes and path sanitising: nothing half-written, no path built from raw input."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from pathlib import Path

from lexwatch.errors import DiskFullError

_SAFE_RE = re.compile(r"[^A-Za-z0-9_.-]+")


def safe_name(text: str, fallback: str = "unknown") -> str:
    """A file or folder name made from untrusted text: ASCII letters, digits, _ . - only."""
    name = _SAFE_RE.sub("_", text).strip("._")[:80]
    return name or fallback


def _create_beside(path: Path) -> tuple[int, str]:
    """A new temp file beside `path` with the permissions `path` has, or else those a plain open()
    gives (0666 less the umask; mkstemp's 0600 would make a redline unreadable to colleagues)."""
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = None
    for _ in range(100):
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        if mode is not None:
            with contextlib.suppress(OSError):
                os.chmod(tmp, mode)
        return fd, tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def atomic_write(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write to a temp file beside `path`, fsync, rename: readers see the old or the new file.
    With `replace=False` a file already at `path` is kept and FileExistsError raised (a commentary
    a user may have edited): the temp file is linked to its name, which fails if the name is taken."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError(f"disk full while writing {path}; nothing was half-stored") from None
        raise


def _link_new(tmp: str, path: Path) -> None:
    """`tmp` renamed to `path` only if `path` does not exist (FileExistsError if it does)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:  # a file system without hard links (FAT, some network shares)
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)
