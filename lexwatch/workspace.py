"""The workspace: a folder with lexwatch.toml, drafts/, commentary/ and the state database.

Found from the current folder upward, like git; `--workspace` / LEXWATCH_WORKSPACE name it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from lexwatch.config import DEFAULT_TOML, Settings, load_settings
from lexwatch.errors import LockedError, WorkspaceError
from lexwatch.fsutil import atomic_write

if TYPE_CHECKING:
    from lexwatch.store.versions import VersionStore

CONFIG_NAME = "lexwatch.toml"
STATE_DIR = ".lexwatch"

TEMPLATES_README = """\
# Commentary templates

Your commentary templates go here: NAME.md.j2 or NAME.html.j2 (Jinja2). One named like a built-in
template replaces it in `lexwatch commentary new` (a change) or `lexwatch commentary overview` (one
document), each of which gives its templates other names; `lexwatch commentary copy commentary` puts
the built-in one here to edit, and `lexwatch commentary templates` lists what there is. lexwatch
never writes over a file in this folder.
"""


class Workspace:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._settings: Settings | None = None

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def drafts_dir(self) -> Path:
        return self.root / "drafts"

    @property
    def commentary_dir(self) -> Path:
        return self.root / "commentary"

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    @property
    def db_path(self) -> Path:
        return self.state_dir / "state.db"

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config_path)
        return self._settings

    @classmethod
    def find(cls, explicit: Path | None = None) -> Workspace:
        if explicit is not None:
            root = explicit.expanduser().resolve()
            if not (root / CONFIG_NAME).is_file():
                raise WorkspaceError(f"no lexwatch workspace at {root} (run: lexwatch init {explicit})")
            return cls(root)
        here = Path.cwd().resolve()
        for folder in (here, *here.parents):
            if (folder / CONFIG_NAME).is_file():
                return cls(folder)
        raise WorkspaceError("not inside a lexwatch workspace (run `lexwatch init` or pass --workspace)")

    @classmethod
    def init(cls, root: Path) -> tuple[Workspace, list[str]]:
        """Create what is missing; return the workspace and what was created (empty: nothing)."""
        root = root.expanduser().resolve()
        created: list[str] = []
        try:
            for folder in (root, root / "drafts", root / "commentary", root / "commentary" / "templates",
                           root / STATE_DIR):
                if not folder.is_dir():
                    folder.mkdir(parents=True, exist_ok=True)
                    created.append(str(folder.relative_to(root)) + "/" if folder != root else str(root))
            ws = cls(root)
            if not ws.config_path.exists():
                atomic_write(ws.config_path, DEFAULT_TOML.encode())
                created.append(CONFIG_NAME)
            readme = root / "commentary" / "templates" / "README.md"
            if not readme.exists():
                atomic_write(readme, TEMPLATES_README.encode())
                created.append("commentary/templates/README.md")
            gitignore = root / STATE_DIR / ".gitignore"
            if not gitignore.exists():
                atomic_write(gitignore, b"*\n")
            new_db = not ws.db_path.exists()
            ws.open_store().close()
            if new_db:
                created.append(f"{STATE_DIR}/state.db")
        except OSError as exc:
            raise WorkspaceError(f"cannot create workspace at {root}: {exc.strerror or exc}") from None
        return ws, created

    def open_store(self) -> VersionStore:
        from lexwatch.store.versions import VersionStore

        self.state_dir.mkdir(exist_ok=True)
        return VersionStore(self.db_path, self.drafts_dir)

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the workspace for one run; a second concurrent run fails at once (LockedError)."""
        from filelock import FileLock, Timeout

        lock = FileLock(str(self.state_dir / "run.lock"), timeout=0)
        try:
            self.state_dir.mkdir(exist_ok=True)
            lock.acquire()
        except Timeout:  # first: filelock's Timeout is an OSError too
            raise LockedError(f"another lexwatch run holds {self.root} (lock file {self.state_dir}/run.lock);"
                              " try again when it ends") from None
        except OSError as exc:  # a read-only mount or folder: a run that would write cannot start
            raise WorkspaceError(f"cannot lock {self.root} for this run: {exc.strerror or exc} "
                                 f"({self.state_dir / 'run.lock'}); a read-only workspace can be listed, "
                                 "searched and diffed, not fetched or added to") from None
        try:
            yield
        finally:
            lock.release()
