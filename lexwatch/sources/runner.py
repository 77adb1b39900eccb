"""One fetch run: every enabled source, each document it yields judged new / changed / unchanged /
failed, stored through the version store, and the run remembered for the next one."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lexwatch.config import Settings
from lexwatch.errors import ConfigError, LexwatchError, NoTextLayerError, UsageError
from lexwatch.sources.base import FetchContext, Fetched, Item, Source, create_source, source_names
from lexwatch.store.fetchstate import FetchState, PendingItem, Validators

if TYPE_CHECKING:
    from lexwatch.sources.http import PortalClient
    from lexwatch.store.versions import VersionInfo, VersionStore
    from lexwatch.text.model import Document

STATUSES = ("new", "changed", "unchanged", "failed")
FIRST_RUN_DAYS = 7
# How far back a listing window reaches, asked for (--since) or left from the last good run: every
# publication of the window is fetched (card and PDF, a second apart), so years of them would take
# days; older acts' files go in with `lexwatch add`.
MAX_WINDOW_DAYS = 366
# Items (a publication's card and PDF, a draft, a probed entry) one run of a source looks at; the rest
# are carried to the next runs. The default kinds (laws, codes) come to ~100-150 a year (PORTAL.md:
# law 2/2877 in January 2022, 2/2912 in May), so a year's window fits in one run (~400 requests, ~7
# min at the 1 s delay); a page naming 100 000 links takes 500 runs instead of one run of days.
MAX_ITEMS = 200
# An item failing this long, in this many runs, is reported one last time as given up and dropped: a
# locked or oversized PDF, a card without its PDF fails for ever, and a cron job must not mail it
# daily. Both, so that neither a few runs a month nor a day of hourly runs gives up on a portal outage.
GIVE_UP_DAYS = 30
GIVE_UP_RUNS = 10


@dataclass
class Outcome:
    """What happened to one document of one source."""

    source: str
    status: str                       # one of STATUSES
    url: str
    kind: str
    act: str | None = None
    title: str = ""
    version: str | None = None
    error: str | None = None
    note: str | None = None           # stored, but worth a word: e.g. a scanned PDF without text
    carried: bool = False             # stored by an earlier run that never reported it: not fetched now
    item: Item | None = None          # the window's item it belongs to (a publication, a probed day)
    # a failed item of the window: {"since": ISO date, "runs": N, "given_up": bool}, so a script tells
    # a law dropped for good (to save by hand) from one looked at again next run without parsing `error`
    failing: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "act": self.act, "title": self.title, "version": self.version,
                "error": self.error, "note": self.note, "source": self.source, "kind": self.kind,
                "failing": self.failing}


@dataclass
class FetchReport:
    outcomes: list[Outcome] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    windows: dict[str, str] = field(default_factory=dict)
    # per source, where its last good run's window reached when that was over MAX_WINDOW_DAYS back
    cut: dict[str, str] = field(default_factory=dict)
    # per source, the items (publications, drafts) not looked at this run, carried to the next runs
    left: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False
    # the sources that answered whatever their documents gave (a folder listed): reached all the same
    answered: set[str] = field(default_factory=set)
    # Seconds spent per stage: download (inside the sources), parse, store.
    timings: dict[str, float] = field(default_factory=lambda: {"download": 0.0, "parse": 0.0, "store": 0.0})

    def with_status(self, status: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def failed(self) -> bool:
        return any(o.status == "failed" for o in self.outcomes)

    def reached(self, source: str | None = None) -> bool:
        """Whether a request of this run (to `source`) was answered. A change an earlier run stored
        and this one reports is no sign of it: with the portal down it is still "could not check"."""
        return (any(o.status != "failed" and not o.carried for o in self.outcomes
                    if source is None or o.source == source)
                or (source in self.answered if source is not None else bool(self.answered)))

    @property
    def nothing_new(self) -> bool:
        return not any(o.status in ("new", "changed") for o in self.outcomes)

    def counts(self, source: str | None = None) -> dict[str, int]:
        chosen = [o for o in self.outcomes if source is None or o.source == source]
        return {s: sum(1 for o in chosen if o.status == s) for s in STATUSES}

    def sources_json(self) -> dict[str, dict[str, Any]]:
        """Each source's counts and whether any of its requests was answered (`reached`: false is
        "could not check anything", never "no changes")."""
        return {name: {**self.counts(name), "reached": self.reached(name), "left": self.left.get(name, 0)}
                for name in self.sources}

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {s: [o.to_dict() for o in self.with_status(s)] for s in STATUSES}
        data["dry_run"] = self.dry_run
        data["sources"] = self.sources_json()
        return data


def enabled_sources(settings: Settings, root: Path, names: Iterable[str] | None = None) -> list[Source]:
    """Every enabled source, or the ones named (each must exist and be enabled)."""
    if not names:
        return [s for s in (create_source(n, settings, root) for n in source_names()) if s.enabled()]
    chosen = []
    for name in names:
        if name not in source_names():
            raise UsageError(f"--source {name}: no such source (known: {', '.join(source_names())})")
        source = create_source(name, settings, root)
        if not source.enabled():
            raise UsageError(f"--source {name}: not enabled in lexwatch.toml ({source.where()})")
        chosen.append(source)
    return chosen


SCANNED_NOTE = "no text layer (probably a scanned image): kept as evidence, no text or articles"


def parse_fetched(item: Fetched) -> tuple[Document, str | None]:
    """The fetched bytes as a Document, and a note when it has no text. HTML is read in the
    charset the client settled on; a page without articles (a card, a draft's cover page) is
    kept as plain text; a PDF without a text layer (a scan) is kept as evidence without text, so
    it does not fail every run again (its listing window would never move on)."""
    from lexwatch.text.load import extract, parse_or_plain
    from lexwatch.text.model import Document

    assert item.data is not None
    data = item.text.encode() if item.text is not None else item.data
    try:
        extracted = extract(data, item.filename, item.content_type)
    except NoTextLayerError:
        return Document(title="", preamble="", format="pdf"), SCANNED_NOTE
    return parse_or_plain(extracted, item.filename), None


class FetchRun:
    def __init__(self, settings: Settings, root: Path, store: VersionStore, *, dry_run: bool = False,
                 today: date | None = None, client_factory: Callable[[], PortalClient] | None = None,
                 status: Callable[[str], None] | None = None,
                 on_outcome: Callable[[Outcome], None] | None = None, defer_ack: bool = False) -> None:
        """`defer_ack`: the caller reports the run and then calls `acknowledge()`; until then what
        the run stored stays pending and a later run reports it again (a run killed before its
        report, or stopped by a full disk, never loses an alert). Without it `run()` acknowledges."""
        self.settings = settings
        self.root = root
        self.store = store
        self.state = FetchState(store.db)
        self.dry_run = dry_run
        self.today = today or date.today()
        self.client_factory = client_factory
        self.status = status or (lambda _message: None)
        self.on_outcome = on_outcome or (lambda _outcome: None)
        self.run_at = datetime.now(UTC).isoformat(timespec="seconds")
        self.report = FetchReport(dry_run=dry_run)
        self.defer_ack = defer_ack
        self._carried: set[tuple[str, str]] = set()  # (url, version) reported from an earlier run
        self._remembered: dict[str, PendingItem] = {}  # the source's items left by earlier runs, by key
        self._failing: dict[str, Outcome] = {}         # the items that failed in this run, by key
        self._given_up: set[str] = set()
        self._answered = False  # a request of the current source was answered (FetchReport.reached)
        self._waiting: list[Outcome] = []  # failed items shown once it is known whether this run counts

    def window_start(self, source: str, since: date | None) -> date:
        """--since, else where the last clean run's listing reached (at most MAX_WINDOW_DAYS back),
        else the last 7 days."""
        if since is not None:
            return since
        last = self.state.last_run(source)
        if last is not None and last.last_success_date is not None:
            floor = self.today - timedelta(days=MAX_WINDOW_DAYS)
            if last.last_success_date < floor:  # a machine off for over a year: said in the summary
                self.report.cut[source] = last.last_success_date.isoformat()
                return floor
            return last.last_success_date
        return self.today - timedelta(days=FIRST_RUN_DAYS)

    def run(self, sources: list[Source], since: date | None = None) -> FetchReport:
        for source in sources:
            self.run_source(source, since)
        if not self.defer_ack:
            self.acknowledge()
        return self.report

    def acknowledge(self) -> None:
        """The report is out: what it names as new or changed is never reported again."""
        if self.dry_run:
            return
        self.state.clear_alerts([o.version for o in self.report.outcomes
                                 if o.status in ("new", "changed") and o.version])

    def carry_over(self, source: str) -> None:
        """Report what an earlier run of `source` stored and never reported (it was killed, or the
        disk filled, between storing and printing): stored is not the same as told."""
        for alert in self.state.pending_alerts(source):
            self._record(Outcome(source, alert.status, alert.url, alert.kind, act=alert.act, title=alert.title,
                                 version=alert.version_id, carried=True,
                                 note=f"stored by the run of {alert.run_at}, which did not finish reporting it"))
            self._carried.add((alert.url, alert.version_id))

    def run_source(self, source: Source, since: date | None) -> None:
        start = self.window_start(source.name, since)
        self.report.sources.append(source.name)
        self.carry_over(source.name)
        if getattr(source, "windowed", True):  # a folder has no date window: "(since …)" would mislead
            self.report.windows[source.name] = start.isoformat()
        remembered = self.state.pending_items(source.name)
        again = remembered[:MAX_ITEMS]
        self._remembered = {p.key: p for p in remembered}
        self._failing, self._given_up, self._answered, self._waiting = {}, set(), False, []
        ctx = FetchContext(self.settings, self.root, since=start, today=self.today,
                           validators=self.state.validators(), client_factory=self.client_factory,
                           status=self.status, again=[Item(p.key, p.recipe) for p in again],
                           remembered=self._remembered, budget=MAX_ITEMS - len(again))
        ok = True
        held = False  # a failure only the same date window brings back: the window must not move on
        finished = False
        seen: set[str] = set()
        try:
            items = iter(source.fetch(ctx))
            while True:
                began = time.perf_counter()
                try:
                    item = next(items)
                except StopIteration:
                    break
                finally:
                    self.report.timings["download"] += time.perf_counter() - began
                outcome = self.handle(source.name, item, ctx)
                ok = ok and outcome.status != "failed"
                if item.item is not None:
                    seen.add(item.item.key)
                # what the source looks at every run (Fetched.every_run) is looked at again anyway, and
                # an item of the window (a card, a PDF, a probed draft) by itself: only a listing holds it
                held = held or (outcome.status == "failed" and not item.every_run and item.item is None)
            finished = True
        except ConfigError:  # the settings, not the source: the whole run stops with exit 2
            raise
        except LexwatchError as exc:
            ok, held = False, True
            self._say_failures(source.name)  # the items that failed before it stopped, shown first
            self._record(Outcome(source.name, "failed", source.where(), "source", error=str(exc)))
        finally:
            ctx.close()
        if ctx.answered:
            self.report.answered.add(source.name)
        self._say_failures(source.name)
        carried = {i.key: i for i in ctx.deferred}
        self.report.left[source.name] = len(carried.keys() | {p.key for p in remembered[MAX_ITEMS:]})
        if self.dry_run:
            return
        # A handed item the source finished with and did not fail was looked at: forgotten, in the
        # transaction that moves the window on, after what it gave was stored (a run killed before
        # this looks at it again: told again, never lost).
        looked = seen | ({p.key for p in again} if finished else set())
        tried = self.report.reached(source.name)
        with self.state.transaction():
            self.state.forget_items(source.name, (looked - self._failing.keys() - carried.keys()) | self._given_up)
            for key, failed in self._failing.items():
                if key not in self._given_up:
                    assert failed.item is not None
                    self.state.item_failed(source.name, key, failed.item.recipe, on=self.today, url=failed.url,
                                           error=failed.error, tried=tried)
            for key, left in carried.items():
                self.state.item_carried(source.name, key, left.recipe)
            self.state.record_run(source.name, ok=ok, reached=None if held else ctx.reached)

    def _count_failure(self, outcome: Outcome) -> bool:
        """An item of the window that failed: counted, and said (`_say_failing`) once it is known whether
        this run counts as a try of it. False when an earlier outcome of this run already failed it."""
        assert outcome.item is not None
        return self._failing.setdefault(outcome.item.key, outcome) is outcome

    def _say_failures(self, source: str) -> None:
        """The items that failed before any request of the source was answered, decided now that it
        is done (`report.reached`: false here, or they would have been decided already) and shown."""
        answered = self.report.reached(source)
        for outcome in self._waiting:
            self._say_failing(outcome, answered)
            self.on_outcome(outcome)
        self._waiting = []

    def _say_failing(self, outcome: Outcome, answered: bool) -> None:
        """How long the item of `outcome` has been failing, in its error, the one wording the live
        line and the run's summary both print; given up (said once, with what to do, then forgotten)
        after GIVE_UP_DAYS and GIVE_UP_RUNS, but never in a run in which the portal answered nothing
        (down, or blocking the user's network): the item could not be saved by hand then either. Nor
        is such a run counted among its runs: it was not a try of the item (a month-long outage under
        hourly cron would give up, in the first run the portal answers in, a law tried twice).
        `answered` is final once true, so a failure is decided as soon as a request was answered, and
        the rest when the source is done: the order of its requests changes nothing."""
        assert outcome.item is not None
        prior = self._remembered.get(outcome.item.key)
        runs = max((prior.failures if prior else 0) + int(answered), 1)
        since = (prior.failing_since if prior else None) or self.today
        said = f"failing since {since.isoformat()}, {runs} run{'s' if runs > 1 else ''}"
        due = answered and runs >= GIVE_UP_RUNS and (self.today - since).days >= GIVE_UP_DAYS
        given_up = due and not self.dry_run  # a dry run drops nothing: it says what a run would do
        outcome.failing = {"since": since.isoformat(), "runs": runs, "given_up": given_up}
        if due and self.dry_run:
            said += "; a run that stores would give it up (this dry run keeps it)"
        elif given_up:
            self._given_up.add(outcome.item.key)
            act = f" --act {outcome.act}" if outcome.act else ""
            said += (": given up, not looked at again; save it from the portal and add it with"
                     f" `lexwatch add FILE{act}`")
        else:
            said += "; looked at again next run"
        outcome.error = f"{outcome.error or 'failed'} ({said})"

    def handle(self, source: str, item: Fetched, ctx: FetchContext) -> Outcome:
        outcome = Outcome(source, "failed", item.url, item.kind, act=item.act, title=item.title, error=item.error,
                          item=item.item)
        if item.failed:
            return self._record(outcome)
        latest = self.state.latest_from(item.url)
        seen = latest is not None
        if latest is not None:
            outcome.version, outcome.act, outcome.title = latest[0], latest[1] or item.act, latest[2] or item.title
        if item.not_modified:
            outcome.status, outcome.version = "unchanged", self._given(item.url, outcome.version)
            return self._record(outcome)
        known = ctx.validators.get(item.url)
        # the bytes of the last look: what they gave then, stored from here or the same text stored from
        # elsewhere (a law's .pdf beside its .txt: not parsed again on every run to find it the same)
        given = self._given(item.url, outcome.version)
        if known is not None and given and item.fingerprint and known.fingerprint == item.fingerprint:
            outcome.status, outcome.version = "unchanged", given
            self._remember(item, item.fingerprint)
            return self._record(outcome)
        if self.dry_run:
            outcome.status = "changed" if seen else "new"
            outcome.version = None
            return self._record(outcome)
        try:
            began = time.perf_counter()
            document, outcome.note = parse_fetched(item)
            stored = time.perf_counter()
            self.report.timings["parse"] += stored - began
            assert item.data is not None
            had = latest[3] if latest is not None else 0
            if had and not document.articles and outcome.note is None and item.kind != "file":
                # The page of a text that had articles, now without one: a page cut short or broken on
                # the way (an error page in the text's frame, the wrong charset), not a repeal of the
                # whole act. Stored, it would be told as a change, and the real text again as another.
                repealed = (" (if the act was repealed, take it out of [watch] acts in lexwatch.toml)"
                            if item.kind == "consolidated" else "")
                outcome.error = (f"{item.url}: no article could be read where the last version had {had};"
                                 f" a broken or cut page, not stored (looked at again next run){repealed}")
                return self._record(outcome)
            status = "changed" if seen else "new"

            def alert(db: sqlite3.Connection, info: VersionInfo) -> None:
                FetchState.add_alert(db, info.id, run_at=self.run_at, source=source, url=item.url,
                                     kind=item.kind, status=status)

            result = self.store.add(
                item.data, source=item.url, filename=item.filename, act=item.act,
                title=item.title or None, edition_date=item.edition_date, meta={**item.meta, "kind": item.kind},
                content_type=item.content_type, skip_if_text_unchanged=outcome.note is None, allow_unparsed=True,
                document=document, on_insert=alert)
            self.report.timings["store"] += time.perf_counter() - stored
        except LexwatchError as exc:
            outcome.error = str(exc)
            return self._record(outcome)
        except Exception as exc:  # one bad document (a parser bug on odd input) never stops the run
            outcome.error = f"cannot read the document: {type(exc).__name__}: {exc}"
            return self._record(outcome)
        info = result.version
        outcome.version = info.id
        outcome.act = info.act
        outcome.title = info.title or item.title
        outcome.status = status if result.created else "unchanged"
        if result.created and result.warnings:  # what reading it noticed (a line lost after a dash: a flag
            # of that article may be the copy's, not the law's), told with the document, once
            outcome.note = "; ".join([outcome.note, *result.warnings] if outcome.note else result.warnings)
        if (result.same_bytes and latest is not None and (item.url, info.id) not in self._carried
                and self._given(item.url, latest[0]) != info.id):
            # The exact bytes of an earlier version, where this address last gave another: the
            # source went back (a file restored, a PDF served again). A change to tell, once: the
            # fingerprint remembered below makes the next run's copy "unchanged". A -> B -> A -> B
            # is three changes; A, then A's text in other bytes (a byte-order mark), then A is none.
            outcome.status = "changed"
            outcome.note = f"the same bytes as {info.label}, stored {info.added_at[:10]}: the source went back to it"
            FetchState.add_alert(self.state.db, info.id, run_at=self.run_at, source=source, url=item.url,
                                 kind=item.kind, status="changed")
        self._remember(item, item.fingerprint)
        return self._record(outcome)

    def _given(self, url: str, latest: str | None) -> str | None:
        """What `url` gave at its last look: the version logged then (an earlier one it went back to,
        or the one whose text a copy in other bytes had), else `latest`, the version last stored from it."""
        return self.state.last_given(url) or latest

    def _remember(self, item: Fetched, fingerprint: str | None) -> None:
        if self.dry_run:
            return
        got = item.validators or Validators()
        if got.etag or got.last_modified or fingerprint:
            self.state.remember(item.url, Validators(got.etag, got.last_modified, fingerprint))

    def _record(self, outcome: Outcome) -> Outcome:
        counted = outcome.status == "failed" and outcome.item is not None and self._count_failure(outcome)
        if outcome.status != "failed" and outcome.version and (outcome.url, outcome.version) in self._carried:
            # already in this report as the change an interrupted run stored: found again (unchanged,
            # or changed when that run died before remembering what it had seen), it is one change
            return outcome
        self.report.outcomes.append(outcome)
        if not self.dry_run:
            self.state.log(self.run_at, outcome.source, outcome.url, outcome.status, outcome.version,
                           outcome.error)
        if outcome.status != "failed" and not outcome.carried and not self._answered:
            # the source answered (FetchReport.reached): the failures met before this are decided, and
            # shown live before it, in the order they came
            self._answered = True
            for waiting in self._waiting:
                self._say_failing(waiting, answered=True)
                self.on_outcome(waiting)
            self._waiting = []
        if counted:  # shown with how long it has been failing, as the summary says it
            if not self._answered:
                self._waiting.append(outcome)
                return outcome
            self._say_failing(outcome, answered=True)
        self.on_outcome(outcome)
        return outcome
