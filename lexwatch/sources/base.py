"""The `Source` protocol, what a source yields (`Fetched`), and the name-keyed source registry.

Adding a portal is one module with a factory registered by name; duplicates are refused.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from lexwatch.config import Settings
from lexwatch.errors import ConfigError, LexwatchError
from lexwatch.store.fetchstate import Validators

if TYPE_CHECKING:
    from lexwatch.sources.http import PortalClient

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Item:
    """One unit of a source's date window that the source can look at again by itself, without the
    listing or index that named it: a publication (its card, then its PDF), a draft entry, a day of
    the draft-law bank probed from an entry on. A failed one is remembered and retried on the next
    runs; one over a run's cap is carried to them (`runner.MAX_ITEMS`). `key` names it within the
    source ("publication H12200165"); `recipe` is what the source needs to fetch it again (strings,
    stored as JSON)."""

    key: str
    recipe: Mapping[str, str] = field(default_factory=dict, compare=False)


@dataclass
class Fetched:
    """One document a source looked at: its bytes, or why it could not be looked at.

    `data is None` with no error means the server said "not modified" (HTTP 304).
    """

    url: str
    kind: str                                 # consolidated | publication | card | draft | file
    act: str | None = None
    title: str = ""
    edition_date: date | None = None
    data: bytes | None = None
    filename: str = "document"
    content_type: str | None = None
    text: str | None = None                   # HTML decoded with the charset the client settled on
    fingerprint: str | None = None            # sha256 of the content without volatile page parts
    validators: Validators | None = None      # remembered once the document is safely stored
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    # Looked at on every run whatever the date window (a watched act's text, a draft the index links):
    # its failure does not hold the window back, which would make every later run fetch every
    # publication since it began failing.
    every_run: bool = False
    # The item of the window this document belongs to: its failure is remembered and retried by
    # itself instead of holding the window, where the next run would fetch the whole window again.
    item: Item | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.data is None


def failure(url: str, kind: str, error: LexwatchError | str, *, act: str | None = None,
            title: str = "", every_run: bool = False, item: Item | None = None) -> Fetched:
    return Fetched(url=url, kind=kind, act=act, title=title, error=str(error), every_run=every_run, item=item)


class FetchContext:
    """What a source may use during one run: settings, the listing window, the shared HTTP client."""

    def __init__(self, settings: Settings, root: Path, *, since: date, today: date,
                 validators: Mapping[str, Validators] | None = None,
                 client_factory: Callable[[], PortalClient] | None = None,
                 status: Callable[[str], None] | None = None, again: Iterable[Item] = (),
                 remembered: Iterable[str] = (), budget: int | None = None) -> None:
        """`again`: the items remembered from earlier runs to look at this run (failed, or left by
        a run's cap); `remembered`: the keys of every remembered item, which a listing must not
        fetch again; `budget`: how many more items this run may take (None: no cap)."""
        self.settings = settings
        self.root = root
        self.since = since
        self.today = today
        self.validators: Mapping[str, Validators] = validators or {}
        self._client_factory = client_factory
        self._client: PortalClient | None = None
        self.status = status or (lambda _message: None)
        # The date the source's listing window reached; the runner records it after a clean run.
        self.reached: date | None = None
        self.again = list(again)
        self.remembered = frozenset(remembered)
        self.budget = budget
        self.deferred: list[Item] = []  # over the cap: carried to the next runs
        # The source answered, whatever its documents gave (a folder listed: empty, or its files failed):
        # reached, not gone (FetchReport.reached)
        self.answered = False

    def ration(self, items: Iterable[Item]) -> list[Item]:
        """The items to fetch now: those not remembered already (looked at through `again`, or
        carried), as many as the budget allows; the rest are carried to the next runs."""
        return [i for i in items if i.key not in self.remembered and self.take(i)]

    def take(self, item: Item) -> bool:
        """Whether the budget allows one more item; if not, it is carried to the next runs."""
        if self.budget is None:
            return True
        if self.budget > 0:
            self.budget -= 1
            return True
        self.deferred.append(item)
        return False

    def client(self) -> PortalClient:
        if self._client is None:
            if self._client_factory is None:
                from lexwatch.sources.http import PortalClient

                self._client = PortalClient(self.settings.portal, validators=self.validators)
            else:
                self._client = self._client_factory()
        return self._client

    def parallel(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """`function` over `items` with at most max_in_flight running at once; results in order."""
        from concurrent.futures import ThreadPoolExecutor

        workers = max(1, self.settings.portal.max_in_flight)
        items = list(items)
        if workers == 1 or len(items) < 2:
            yield from map(function, items)
            return
        from collections import deque
        from concurrent.futures import Future

        workers = min(workers, 2)
        # A short look-ahead: downloads overlap parsing, but never pile up (PDFs may be 50 MB each).
        ahead = workers * 2
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
            pending: deque[Future[R]] = deque()
            queue = iter(items)
            for item in queue:
                pending.append(pool.submit(function, item))
                if len(pending) >= ahead:
                    break
            while pending:
                result = pending.popleft().result()
                for item in queue:
                    pending.append(pool.submit(function, item))
                    break
                yield result

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


class Source(Protocol):
    """A place lexwatch fetches documents from."""

    name: str
    description: str
    # (optional) windowed = False: the source looks at everything each run, not a date window

    def enabled(self) -> bool:
        """Whether this workspace's settings turn the source on."""
        ...

    def where(self) -> str:
        """Where it fetches from, for people (a URL or a folder); never with credentials."""
        ...

    def fetch(self, ctx: FetchContext) -> Iterator[Fetched]:
        """Every document it looked at this run. A failing document is yielded as a failure;
        an exception ends the whole source (e.g. its listing page could not be read)."""
        ...


SourceFactory = Callable[[Settings, Path], Source]

# Built-in sources: name -> module exposing `make_source(settings, root) -> Source`; imported on use.
_BUILTIN: dict[str, str] = {
    "pravo_by": "lexwatch.sources.pravo_by",
    "folder": "lexwatch.sources.folder",
}
_REGISTRY: dict[str, SourceFactory] = {}


def register_source(name: str, factory: SourceFactory) -> None:
    """Add a source under a new name; a name already taken is refused."""
    if name in _BUILTIN or name in _REGISTRY:
        raise ValueError(f"a source named {name!r} is already registered")
    _REGISTRY[name] = factory


def source_names() -> list[str]:
    return [*_BUILTIN, *(n for n in _REGISTRY if n not in _BUILTIN)]


def create_source(name: str, settings: Settings, root: Path) -> Source:
    if name in _REGISTRY:
        return _REGISTRY[name](settings, root)
    if name not in _BUILTIN:
        raise ConfigError(f"no source named {name!r} (known: {', '.join(source_names())})", key="sources")
    module = importlib.import_module(_BUILTIN[name])
    factory: SourceFactory = module.make_source
    return factory(settings, root)


def source_table(settings: Settings, name: str) -> dict[str, Any]:
    """The `[sources.<name>]` table of lexwatch.toml ({} when absent); a non-table is a ConfigError."""
    sources = settings.raw.get("sources", {})
    if not isinstance(sources, dict):
        raise settings.error("[sources] must be a table", "sources")
    unknown = sorted(set(sources) - set(source_names()))
    if unknown:
        raise settings.error(f"no source named {unknown[0]!r} (known: {', '.join(source_names())})",
                             f"sources.{unknown[0]}")
    table = sources.get(name, {})
    if not isinstance(table, dict):
        raise settings.error(f"[sources.{name}] must be a table", f"sources.{name}")
    return table
