"""Fetch speed: 200 documents (100 publication cards + their PDFs, plus the Criminal Code and two
drafts) from the fixture portal with the politeness delay at 0, fetched, parsed and stored; time per
stage and peak memory, against bare httpx GETs of the same URLs in the same run.

The portal runs in a child process so it does not share the interpreter lock with lexwatch.
Run: python bench/fetch.py [--documents 200]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))   # the fixture portal and its builders


def publications(count: int, today: date) -> list[Any]:
    """`count` laws published yesterday, each a short amending law with its own text."""
    from portal.site import Publication

    from lexwatch.ids import ArticleNumber
    from lexwatch.text.model import Article, Document

    laws = []
    for i in range(1, count + 1):
        doc = Document(title=f"ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ Об изменении законов № {i}", articles=[
            Article(ArticleNumber.parse("1"), "Изменения в Уголовный кодекс",
                    f"Внести в Уголовный кодекс Республики Беларусь следующие изменения:\n"
                    f"1) в части {1 + i % 3} статьи {100 + i} слова «лишением свободы на срок до трех лет» заменить "
                    f"словами «лишением свободы на срок до {3 + i % 5} лет»;\n"
                    f"2) статью {200 + i} дополнить примечанием следующего содержания:\n"
                    "«Примечание. Лицо, добровольно сообщившее о преступлении, освобождается от уголовной "
                    "ответственности.»"),
            Article(ArticleNumber.parse("2"), "Вступление в силу настоящего Закона",
                    "Настоящий Закон вступает в силу через десять дней после его официального опубликования."),
        ])
        laws.append(Publication(f"H126{i:05d}", f"2/{3000 + i}", today - timedelta(days=1),
                                f"Закон Республики Беларусь от 1 ноября 2026 г. № {300 + i}-З",
                                f"Об изменении законов № {i}", doc))
    return laws


def serve(count: int, queue: Any) -> None:
    from portal.server import FixturePortal
    from portal.site import PortalSite

    portal = FixturePortal().start()
    site = PortalSite(portal, publications=publications(count, date.today()))
    urls = ["/document/?guid=3871&p0=HK9900275",
            f"/ofitsialnoe-opublikovanie/novye-postupleniya/?p0={date.today() - timedelta(days=7):%d.%m.%Y}"
            f"&p1={date.today():%d.%m.%Y}"]
    for p in site.publications:
        urls += [p.card_path, p.pdf_path]
    urls += ["/pravovaya-informatsiya/proekty-zakonov/", *(f"/document/?guid=3941&p0={e}" for e in site.drafts)]
    queue.put((portal.base_url, urls))
    time.sleep(3600)


def bare_gets(base_url: str, urls: list[str]) -> float:
    import httpx

    start = time.perf_counter()
    with httpx.Client(base_url=base_url, timeout=30) as client:
        for url in urls:
            client.get(url).raise_for_status()
    return time.perf_counter() - start


def bare_gets_two(base_url: str, urls: list[str]) -> float:
    """The same GETs two at a time, as lexwatch sends them."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    start = time.perf_counter()
    with httpx.Client(base_url=base_url, timeout=30) as client, ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda u: client.get(u).raise_for_status(), urls))
    return time.perf_counter() - start


def fetch_run(base_url: str, root: Path, since: date | None = None) -> tuple[float, Any]:
    from lexwatch.sources.runner import FetchRun, enabled_sources
    from lexwatch.workspace import Workspace

    ws = Workspace(root)
    settings = ws.settings
    start = time.perf_counter()
    with ws.lock(), ws.open_store() as store:
        report = FetchRun(settings, root, store).run(enabled_sources(settings, root, ["pravo_by"]), since)
    return time.perf_counter() - start, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200, help="cards + PDFs to fetch (default 200)")
    args = parser.parse_args()
    count = args.documents // 2
    queue: Any = mp.get_context("fork").Queue()
    server = mp.get_context("fork").Process(target=serve, args=(count, queue), daemon=True)
    server.start()
    try:
        base_url, urls = queue.get(timeout=120)
        from portal.fixtures import portal_toml

        from lexwatch.workspace import Workspace

        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "ws"
            Workspace.init(root)
            (root / "lexwatch.toml").write_text(portal_toml(base_url), encoding="utf-8")
            baseline = bare_gets(base_url, urls)
            baseline_two = bare_gets_two(base_url, urls)
            first, report = fetch_run(base_url, root)
            # The same week again (--since): every card and PDF re-examined, nothing new to store.
            second, again = fetch_run(base_url, root, date.today() - timedelta(days=7))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    finally:
        server.kill()
    counts = report.counts()
    stored = counts["new"] + counts["changed"]
    t = report.timings
    print(f"fixture portal, delay 0: {len(urls)} URLs, {stored} documents stored, {counts['failed']} failed")
    print(f"{'lexwatch fetch, first run (fetch + parse + store)':58} {first:7.2f} s   budget 20 s")
    print(f"{'  waiting for downloads (2 in flight, overlapping parsing)':58} {t['download']:7.2f} s")
    print(f"{'  parse':58} {t['parse']:7.2f} s")
    print(f"{'  store (sqlite, files, FTS)':58} {t['store']:7.2f} s")
    print(f"{'  per document':58} {first / max(stored, 1) * 1000:7.1f} ms")
    print(f"{'baseline: bare httpx GETs of the same URLs, one at a time':58} {baseline:7.2f} s"
          f"   lexwatch/baseline = {first / baseline:.1f}x")
    print(f"{'baseline: bare httpx GETs, two at a time':58} {baseline_two:7.2f} s"
          f"   download/baseline = {t['download'] / baseline_two:.1f}x")
    print(f"{'lexwatch fetch --since <same week>, second run':58} {second:7.2f} s"
          f"   {again.counts()['unchanged']} unchanged, {again.counts()['new']} new")
    print(f"{'peak memory (max RSS of this process, incl. baselines)':58} {peak_mb:7.0f} MB  budget 300 MB")


if __name__ == "__main__":
    main()
