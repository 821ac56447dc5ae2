"""How fast `lagebild watch` brings news to the map -> docs/PERFORMANCE.md (watch section).

1. Latency: a local server publishes a new feed item; the watcher (real pipeline, --interval 2)
   polls, fetches, extracts and stores it; we time until GET /api/events of
   lagebild.api.create_app serves its event. Target: under 5 s.
2. Throughput: 1,000 items in 10 local feeds, one `--once` poll, with the real pipeline and
   with a stand-in extractor (what fetching, parsing, deduplication and storing cost alone).

Everything runs on 127.0.0.1 against pages this script writes; no network is used.

    .venv/bin/python benchmarks/bench_watch.py [--trials 10] [--items 1000] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from sections import write_section  # noqa: E402

from lagebild.store.sqlite import SQLiteStore  # noqa: E402
from lagebild.watch import Feed, Politeness, Watcher  # noqa: E402
from watch_server import Route, Server, article_html, article_text, fake_extract, rss  # noqa: E402

PERF = REPO / "docs" / "PERFORMANCE.md"
CITIES = [
    "Kharkiv",
    "Lyon",
    "Valencia",
    "Hamburg",
    "Odesa",
    "Marseille",
    "Seville",
    "Leipzig",
    "Porto",
    "Naples",
]
LOCAL = Politeness(host_delay=0.0, host_concurrency=8, retries=0)


def story(i: int) -> tuple[str, bytes]:
    """A made-up article with one protest in its lead; the title carries a unique token."""
    city = CITIES[i % len(CITIES)]
    lead = f"Police fired tear gas at hundreds of protesters in {city} on Monday, officials said."
    title = f"Protest in {city} item{i}x"
    return title, article_html(title, [lead, *article_text(10_000 + i, paragraphs=3)])


class Site:
    """Feeds whose items can be added while the server runs."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.items: dict[str, list[tuple[str, str]]] = {}

    def add(self, feed: str, i: int) -> None:
        title, page = story(i)
        link = f"/{feed}/{i}.html"
        self.server.routes[link] = Route(page)
        self.items.setdefault(feed, []).insert(0, (title, link))
        body = rss(self.server.base, self.items[feed], title=feed)
        self.server.routes[f"/{feed}.xml"] = Route(
            body, ctype="application/rss+xml", etag=f'"{len(body)}-{i}"'
        )

    def feed(self, name: str) -> Feed:
        return Feed(f"{self.server.base}/{name}.xml", title=name, lang="en")


def latency(trials: int, interval: float) -> list[float]:
    from fastapi.testclient import TestClient

    from lagebild.api import create_app

    with tempfile.TemporaryDirectory() as tmp, Server() as server:
        site = Site(server)
        site.add("live", 0)
        db = Path(tmp) / "live.db"
        store = SQLiteStore(db)
        stop = threading.Event()
        watcher = Watcher(store, [site.feed("live")], interval=interval, politeness=LOCAL, stop=stop)
        watcher.run(once=True)  # loads the pipeline's models: not part of the delay being measured
        thread = threading.Thread(target=watcher.run, daemon=True)
        thread.start()
        delays = []
        rng = random.Random(1)
        with TestClient(create_app(f"sqlite:///{db}")) as client:
            for trial in range(1, trials + 1):
                time.sleep(rng.uniform(0, interval))  # items appear at any point of the poll cycle
                site.add("live", trial)
                appeared = time.monotonic()
                while True:
                    page = client.get("/api/events", params={"q": f"item{trial}x", "modality": "all"}).json()
                    if page["events"]:
                        delays.append(time.monotonic() - appeared)
                        break
                    if time.monotonic() - appeared > 60:
                        raise SystemExit(f"item {trial} never reached /api/events")
                    time.sleep(0.05)
        stop.set()
        thread.join(10)
        watcher.close()
        store.close()
    return delays


def throughput(items: int, feeds: int, extract: object) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as tmp, Server() as server:
        site = Site(server)
        for i in range(items):
            site.add(f"f{i % feeds}", i)
        with SQLiteStore(Path(tmp) / "bulk.db") as store:
            watcher = Watcher(
                store, [site.feed(f"f{k}") for k in range(feeds)], politeness=LOCAL, extract=extract
            )
            if extract is None:
                watcher.extract(story_doc())  # load the models first
            start = time.perf_counter()
            watcher.run(once=True)
            seconds = time.perf_counter() - start
            watcher.close()
            return seconds, store.stats()["documents"], store.stats()["events"]


def story_doc():
    from lagebild.ingest import prepare
    from lagebild.model import Document

    return prepare(
        Document.create("Police fired tear gas at protesters in Lyon on Monday.", published="2025-03-04")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--no-write", action="store_true", help="print only, leave docs/PERFORMANCE.md alone")
    args = parser.parse_args()

    delays = latency(args.trials, args.interval)
    print(f"latency: {' '.join(f'{d:.2f}' for d in delays)}", flush=True)
    throughput(20, 2, fake_extract)  # warm-up: first use of the HTML extractor, thread pools
    fake_s, fake_docs, _ = throughput(args.items, 10, fake_extract)
    print(f"fetch+store only: {fake_docs} docs in {fake_s:.1f} s", flush=True)
    real_s, real_docs, real_events = throughput(args.items, 10, None)
    print(f"real pipeline: {real_docs} docs, {real_events} events in {real_s:.1f} s", flush=True)

    cpu = platform.processor() or platform.machine()
    report = "\n".join(
        [
            "## Live monitoring (`lagebild watch`)",
            "",
            f"`.venv/bin/python benchmarks/bench_watch.py --trials {args.trials} --items {args.items}` "
            f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}; "
            "feeds, pages and the API on 127.0.0.1 in one process).",
            "",
            "| measure | result | target |",
            "|---|---|---|",
            f"| feed item appears -> its event served by `/api/events`, `--interval {args.interval:g}` "
            f"({len(delays)} trials) | median {statistics.median(delays):.2f} s, max {max(delays):.2f} s "
            f"| < 5 s |",
            f"| {args.items} items in 10 feeds, one `--once` poll, real pipeline | {real_s:.1f} s "
            f"({real_docs / real_s:.0f} articles/s; {real_docs} articles, {real_events} events) | |",
            f"| the same, stand-in extractor (fetch, parse, dedupe, store) | {fake_s:.1f} s "
            f"({fake_docs / fake_s:.0f} articles/s) | |",
            "",
            "The delay is at most one interval of waiting plus fetching, extracting and storing the "
            "article; the API reads the store directly, so an event is served as soon as its "
            "document's transaction commits. Live sites add their network time and the watcher's "
            "politeness: one request per second per site by default (`--host-delay`).",
        ]
    )
    print(report)
    if not args.no_write:
        write_section(PERF, "watch", report)


if __name__ == "__main__":
    main()
