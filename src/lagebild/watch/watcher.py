"""The watch loop: poll due feeds, fetch their new items' articles, extract, store.

Fetching runs in worker threads (one feed each, pacing per host shared between them); the
CPU-bound part (extraction) and every write run in the calling thread, one document at a time,
as the items arrive, so the first new article of a poll is on the map before the last feed
has answered. See `lagebild.watch.state` for why a kill at any moment loses and doubles nothing.
"""

from __future__ import annotations

import hashlib
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import feedparser

from lagebild.bounded import TaskFailed
from lagebild.ingest import extraction_workers, prepare, read_within, store_document
from lagebild.merge import embedder
from lagebild.model import Document, Event
from lagebild.sources.base import Defaults, IngestError
from lagebild.sources.feed import extract_article, item_document, item_link, parse_feed
from lagebild.sources.fetch import HTML_TYPES, FetchError
from lagebild.store import Store, StoreError
from lagebild.watch.dedupe import canonical_url
from lagebild.watch.feeds import Feed
from lagebild.watch.poll import PoliteFetcher, Politeness
from lagebild.watch.state import (
    ITEM_TRIES,
    FeedState,
    ItemState,
    load_feed,
    load_item,
    now_iso,
    save_feed,
    save_item,
)

DEFAULT_INTERVAL = 300.0
MAX_FEED_BACKOFF = 3600.0  # a dead feed is still tried every hour: sites come back
WORKERS = 8

Extractor = Callable[[Document], list[Event]]


@dataclass(slots=True)
class Progress:
    """Running totals since the watcher started, for the live view."""

    rounds: int = 0
    feeds_polled: int = 0
    feeds_ok: int = 0
    not_modified: int = 0
    feeds_failed: int = 0
    new_documents: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    item_errors: int = 0
    in_flight: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    recent: deque[str] = field(default_factory=lambda: deque(maxlen=6))
    next_poll: float | None = None

    def busy(self) -> list[str]:
        """Names of the feeds being fetched right now."""
        with self.lock:
            return sorted(self.in_flight)


@dataclass(slots=True)
class _Item:
    feed: Feed
    key: str
    item: Document | IngestError
    retryable: bool
    tries: int


@dataclass(slots=True)
class _FeedDone:
    feed: Feed
    error: str | None = None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    items: int = 0
    complete: bool = True


def item_key(entry: feedparser.FeedParserDict, link: str | None) -> str:
    """What identifies a feed item across polls: its canonical link, else its id, else a hash."""
    if link:
        return canonical_url(link)
    if entry.get("id"):
        return str(entry["id"]).strip()
    basis = f"{entry.get('title') or ''}\n{entry.get('summary') or ''}"
    return "sha256:" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


class Watcher:
    """Polls `feeds` into `store`. `run()` loops until `stop` is set; `poll()` does one round.

    `extract` turns a document into events (default: lagebild.pipeline.extract); `log`
    receives one line per failing feed or skipped article. With `time_limit` (seconds) the
    pipeline runs in a worker process and an article that takes longer is skipped (not retried).
    """

    def __init__(
        self,
        store: Store,
        feeds: Sequence[Feed],
        *,
        interval: float = DEFAULT_INTERVAL,
        politeness: Politeness | None = None,
        extract: Extractor | None = None,
        workers: int = WORKERS,
        log: Callable[[str], None] | None = None,
        stop: threading.Event | None = None,
        time_limit: float | None = None,
    ) -> None:
        self.store = store
        self.feeds = list(feeds)
        self.interval = max(0.1, float(interval))
        self.fetcher = PoliteFetcher(politeness)
        self._extract = extract
        self._embed = embedder()  # the engine loads on the first merge that needs it
        self.workers = max(1, workers)
        self.log = log or (lambda line: None)
        self.stop = stop or threading.Event()
        self.progress = Progress()
        self._workers = extraction_workers(time_limit) if time_limit is not None and extract is None else None
        from lagebild.merge.copies import Copies  # merge.copies reads watch.dedupe: import after it

        self.copies = Copies(store)

    def close(self) -> None:
        self.fetcher.close()
        if self._workers is not None:
            self._workers.close()

    # -- the loop -------------------------------------------------------------------------------

    def run(self, *, once: bool = False) -> None:
        """Poll every feed now (`once`), or poll due feeds until `stop` is set."""
        while not self.stop.is_set():
            now = time.time()
            due = [f for f in self.feeds if once or load_feed(self.store, f.url).next_poll <= now]
            if due:
                self.poll(due)
            if once:
                return
            upcoming = min((load_feed(self.store, f.url).next_poll for f in self.feeds), default=now)
            self.progress.next_poll = upcoming
            self.stop.wait(min(max(upcoming - time.time(), 0.05), self.interval))

    def poll(self, feeds: Sequence[Feed]) -> None:
        """One round over `feeds`: fetch in threads, store here as items arrive."""
        self.progress.rounds += 1
        out: queue.Queue[_Item | _FeedDone] = queue.Queue()
        new_per_feed: dict[str, int] = {}
        retry_items: set[str] = set()
        pending = len(feeds)
        pool = ThreadPoolExecutor(self.workers, thread_name_prefix="lagebild-watch")
        try:
            for feed in feeds:
                pool.submit(self._fetch_feed, feed, out)
            while pending:
                try:
                    message = out.get(timeout=0.2)
                except queue.Empty:
                    continue
                if isinstance(message, _FeedDone):
                    pending -= 1
                    url = message.feed.url
                    self._feed_done(message, new_per_feed.get(url, 0), url in retry_items)
                    continue
                kind = self._handle_item(message)
                if kind == "new":
                    new_per_feed[message.feed.url] = new_per_feed.get(message.feed.url, 0) + 1
                elif kind == "retry":
                    retry_items.add(message.feed.url)
        except BaseException:
            # Ctrl-C or a broken store: workers stop at their next item or retry wait. What
            # they fetched and nobody stored is fetched again next time (validators unsaved).
            self.stop.set()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)

    # -- worker side: fetching ------------------------------------------------------------------

    def _fetch_feed(self, feed: Feed, out: queue.Queue[_Item | _FeedDone]) -> None:
        try:
            self._fetch_feed_items(feed, out)
        except Exception as exc:  # a bug on one feed must not stop the watcher
            out.put(_FeedDone(feed, error=f"unexpected {type(exc).__name__}: {exc}"))

    def _fetch_feed_items(self, feed: Feed, out: queue.Queue[_Item | _FeedDone]) -> None:
        with self.progress.lock:
            self.progress.in_flight.add(feed.name)
        try:
            state = load_feed(self.store, feed.url)
            headers = {}
            if state.etag:
                headers["If-None-Match"] = state.etag
            if state.last_modified:
                headers["If-Modified-Since"] = state.last_modified
            try:
                got = self.fetcher.get(feed.url, accept=None, headers=headers, stop=self.stop)
            except FetchError as exc:
                out.put(_FeedDone(feed, error=str(exc)))
                return
            if got.status == 304:
                out.put(_FeedDone(feed, not_modified=True, etag=got.etag, last_modified=got.last_modified))
                return
            parsed = parse_feed(got.content, feed.url, got.charset)
            if isinstance(parsed, IngestError):
                out.put(_FeedDone(feed, error=parsed.message))
                return
            entries, title = parsed
            defaults = Defaults(lang=feed.lang)
            complete = True
            for number, entry in enumerate(entries, start=1):
                if self.stop.is_set():
                    complete = False
                    break
                link = item_link(entry, got.url)
                key = item_key(entry, link)
                seen = load_item(self.store, key)
                if seen is not None and seen.done:
                    continue
                page = None
                failure, retryable = "item has no link", False
                if link:
                    try:
                        fetched = self.fetcher.get(link, accept=HTML_TYPES, stop=self.stop)
                        page = extract_article(fetched)
                    except FetchError as exc:
                        failure, retryable = f"article {link} not read ({exc})", exc.retryable
                item = item_document(
                    entry,
                    page,
                    failure,
                    defaults,
                    where=f"{feed.url}#item-{number}",
                    link=link,
                    feed_title=title or feed.title,
                )
                out.put(_Item(feed, key, item, retryable, seen.tries if seen else 0))
            out.put(
                _FeedDone(
                    feed,
                    etag=got.etag,
                    last_modified=got.last_modified,
                    title=title,
                    items=len(entries),
                    complete=complete,
                )
            )
        finally:
            with self.progress.lock:
                self.progress.in_flight.discard(feed.name)

    # -- calling thread: storing ----------------------------------------------------------------

    def _handle_item(self, message: _Item) -> str:
        """Store one item; returns what it was: new, duplicate, near-duplicate, failed or retry."""
        p = self.progress
        if isinstance(message.item, IngestError):
            p.item_errors += 1
            tries = message.tries + 1 if message.retryable else ITEM_TRIES
            save_item(self.store, message.key, ItemState(None, "failed", message.item.message, tries))
            return "retry" if tries < ITEM_TRIES else "failed"
        try:
            kind, document_id, n_events = self._store_document(message.item)
        except StoreError:
            raise  # the store is gone: nothing sensible to do but stop
        except TaskFailed as exc:  # over the time limit, or its worker died: skipped for good
            p.item_errors += 1
            save_item(self.store, message.key, ItemState(None, "failed", str(exc), ITEM_TRIES))
            line = f"{message.item.url or message.key}: {exc}"
            p.recent.append(line)
            self.log(line)
            return "failed"
        except Exception as exc:  # an extractor bug must not stop the watcher
            p.item_errors += 1
            reason = f"extraction failed: {type(exc).__name__}: {exc}"
            save_item(self.store, message.key, ItemState(None, "failed", reason, ITEM_TRIES))
            p.recent.append(f"{message.item.url or message.key}: {reason}")
            return "failed"
        save_item(self.store, message.key, ItemState(document_id, kind))
        if kind == "new":
            p.new_documents += 1
            p.events += n_events
        elif kind == "near-duplicate":
            p.near_duplicates += 1
        else:
            p.duplicates += 1
        return kind

    def _store_document(self, doc: Document) -> tuple[str, str, int]:
        """(kind, id of the stored document or of the one it copies, events stored)."""
        store = self.store
        if doc.url:
            doc.url = canonical_url(doc.url)  # the link a reader follows, without the trackers
        if store.has_document(doc.id):
            self.copies.remember(doc)  # a kill may have come between the document and its sketch
            return "duplicate", doc.id, 0
        doc = prepare(doc)
        original = self.copies.original_of(doc)
        if original is not None:
            self.copies.add_copy(original, doc)
            return "near-duplicate", original, 0
        stored = store_document(store, doc, self._embed, self.extract)
        if not stored.new:
            return "duplicate", doc.id, 0
        self.copies.remember(doc)
        return "new", doc.id, stored.events + stored.joined

    def extract(self, doc: Document) -> list[Event]:
        """The document's mentions (the pipeline's, unless the watcher was given another extractor);
        within the time limit in a worker process when there is one."""
        if self._workers is not None:
            return read_within(self._workers, doc)
        if self._extract is None:
            from lagebild.pipeline import extract_mentions

            self._extract = extract_mentions
        return self._extract(doc)

    def _feed_done(self, done: _FeedDone, new: int, items_to_retry: bool) -> None:
        p = self.progress
        p.feeds_polled += 1
        state = load_feed(self.store, done.feed.url)
        state.last_poll = now_iso()
        state.title = done.feed.title or done.title or state.title
        now = time.time()
        if done.error is not None:
            p.feeds_failed += 1
            state.failures += 1
            state.last_status = "error"
            state.last_error = done.error
            wait = min(self.interval * 2**state.failures, max(self.interval, MAX_FEED_BACKOFF))
            state.next_poll = now + wait
            line = f"{done.feed.name}: {done.error}; retry in {_human_seconds(wait)}"
            p.recent.append(line)
            self.log(line)
        else:
            state.failures = 0
            state.last_error = None
            state.last_ok = state.last_poll
            state.next_poll = now + self.interval
            if done.not_modified:
                p.not_modified += 1
                state.last_status = "not modified"
            else:
                p.feeds_ok += 1
                state.last_status = "ok"
                state.items = done.items
            # Validators only once every item is stored: a 304 must never hide an unread item.
            if done.complete and not items_to_retry:
                state.etag, state.last_modified = done.etag, done.last_modified
            else:
                state.etag = state.last_modified = None
            if new:
                state.new_total += new
                state.last_new = state.last_poll
        save_feed(self.store, state)


def _human_seconds(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


__all__ = ["DEFAULT_INTERVAL", "FeedState", "Progress", "Watcher", "item_key"]
