"""The watcher's memory, kept in the store's key-value table so that a restart continues.

Keys (values are JSON):
    watch:feed:<feed url>      FeedState: validators, last result, failures, next poll time
    watch:item:<canonical url> ItemState: the document an item gave, or why it gave none
    watch:sketch:<document id> the MinHash sketch of a stored article (near-duplicates)

Order of writes, so that a kill at any moment loses nothing and doubles nothing: a document
(with its events) is stored first, then its item is marked seen, and a feed's validators
(ETag, Last-Modified) are saved only after all its items are stored. Killed in between, the
next run fetches the feed in full again, finds the stored documents by their content hash
and only marks them seen.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from typing import Any

import numpy as np

from lagebild.store import Store
from lagebild.watch.dedupe import sketch_from_text, sketch_to_text

FEED_PREFIX = "watch:feed:"
ITEM_PREFIX = "watch:item:"
SKETCH_PREFIX = "watch:sketch:"
ITEM_TRIES = 3  # an item whose article keeps failing for a passing reason is given up after this


@dataclass(slots=True)
class FeedState:
    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_poll: str | None = None  # ISO time of the last attempt
    last_ok: str | None = None  # ISO time of the last successful fetch (200 or 304)
    last_status: str = "new"  # "ok", "not modified", "error", "new"
    last_error: str | None = None
    failures: int = 0  # consecutive failed polls; drives the backoff
    next_poll: float = 0.0  # Unix time
    items: int = 0  # items in the feed at the last successful fetch
    new_total: int = 0  # documents stored from this feed, all time
    last_new: str | None = None  # ISO time the feed last gave a new document

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> FeedState:
        data = json.loads(text)
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(slots=True)
class ItemState:
    document_id: str | None = None  # the stored document (or the one it duplicates)
    kind: str = "new"  # "new", "duplicate", "near-duplicate", "failed"
    error: str | None = None
    tries: int = 0

    @property
    def done(self) -> bool:
        """True when the item needs no further fetch."""
        return self.kind != "failed" or self.tries >= ITEM_TRIES


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def load_feed(store: Store, url: str) -> FeedState:
    raw = store.get_meta(FEED_PREFIX + url)
    if raw is None:
        return FeedState(url=url)
    try:
        return FeedState.from_json(raw)
    except (ValueError, TypeError):  # state of another version: start over for this feed
        return FeedState(url=url)


def save_feed(store: Store, state: FeedState) -> None:
    store.set_meta(FEED_PREFIX + state.url, state.to_json())


def load_item(store: Store, key: str) -> ItemState | None:
    raw = store.get_meta(ITEM_PREFIX + key)
    if raw is None:
        return None
    try:
        return ItemState(**json.loads(raw))
    except (ValueError, TypeError):
        return None


def save_item(store: Store, key: str, item: ItemState) -> None:
    store.set_meta(ITEM_PREFIX + key, json.dumps(asdict(item), ensure_ascii=False))


def save_sketch(store: Store, document_id: str, sketch: np.ndarray) -> None:
    store.set_meta(SKETCH_PREFIX + document_id, sketch_to_text(sketch))


def has_sketch(store: Store, document_id: str) -> bool:
    return store.get_meta(SKETCH_PREFIX + document_id) is not None


def load_sketches(store: Store) -> list[tuple[str, np.ndarray]]:
    found = []
    for key, value in store.meta_items(SKETCH_PREFIX):  # type: ignore[attr-defined]
        try:
            found.append((key.removeprefix(SKETCH_PREFIX), sketch_from_text(value)))
        except ValueError:
            continue
    return found


def feed_health(store: Store) -> list[dict[str, Any]]:
    """Per-feed health for `lagebild stats` and GET /api/status: one dict per feed ever polled.

    `status` is "ok" (last poll fetched the feed or found it unchanged), "failing" (the last
    poll failed; `failures` in a row, retried at `next_poll`) or "new" (not polled yet).
    """
    health = []
    for _, value in store.meta_items(FEED_PREFIX):  # type: ignore[attr-defined]
        try:
            state = FeedState.from_json(value)
        except (ValueError, TypeError):
            continue
        health.append(
            {
                "url": state.url,
                "title": state.title,
                "status": {"error": "failing", "new": "new"}.get(state.last_status, "ok"),
                "last_poll": state.last_poll,
                "last_ok": state.last_ok,
                "last_error": state.last_error,
                "failures": state.failures,
                "next_poll": datetime.fromtimestamp(state.next_poll, UTC).replace(microsecond=0).isoformat()
                if state.next_poll
                else None,
                "items": state.items,
                "documents": state.new_total,
                "last_new": state.last_new,
            }
        )
    return health


def health_summary(health: list[dict[str, Any]]) -> dict[str, int]:
    """Counts for a one-line overview: feeds, ok, failing, new."""
    summary = {"feeds": len(health), "ok": 0, "failing": 0, "new": 0}
    for feed in health:
        summary[feed["status"]] = summary.get(feed["status"], 0) + 1
    return summary
