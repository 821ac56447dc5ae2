"""The storage interface that the CLI, the API and the watcher talk to.

Backends implement `Store`; `open_store(url)` picks one by the URL's scheme.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from lagebild.model import Document, Event, Evidence


class StoreError(Exception):
    """A value the store refuses, or a store that cannot be used; the message says why."""


class StoreUnavailable(StoreError):
    """The database itself cannot be used (cannot open, locked, full, closed): not the caller's fault."""


@dataclass(slots=True)
class EventQuery:
    """Filters on events; None means no filter. Dates are ISO `YYYY-MM-DD`."""

    since: str | None = None
    until: str | None = None
    type: str | None = None
    mode: str | None = None
    acled_type: str | None = None
    country: str | None = None
    actor: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    q: str | None = None  # full text over titles and evidence
    lang: str | None = None
    min_confidence: float | None = None
    modality: tuple[str, ...] | None = ("asserted",)
    updated_since: str | None = None
    # Events an analyst flagged as wrong (lagebild.corrections): False hides them (the default),
    # True gives only them, None both.
    flagged: bool | None = False
    limit: int | None = None
    cursor: str | None = None  # opaque keyset cursor from a previous page


class Store(Protocol):
    url: str

    def has_document(self, document_id: str) -> bool: ...

    def add_document(self, doc: Document, events: list[Event]) -> bool:
        """Store a document and its events in one transaction; False if it was already there."""
        ...

    def get_document(self, document_id: str) -> Document | None: ...

    def get_event(self, event_id: str) -> Event | None: ...

    def query_events(self, query: EventQuery) -> tuple[list[Event], str | None]:
        """Events matching `query`, newest first, and the cursor of the next page (or None)."""
        ...

    def count_events(self, query: EventQuery, at_most: int | None = None) -> int:
        """How many events match `query`'s filters, counting no further than `at_most`."""
        ...

    def event_page(
        self, query: EventQuery, count_at_most: int
    ) -> tuple[list[dict[str, Any]], str | None, int]:
        """`query_events` as the event contract (dicts of `Event.to_dict()`), and how many
        events match the filters, counted up to `count_at_most` (the API's page)."""
        ...

    def iter_events(self, query: EventQuery) -> Iterator[Event]:
        """All matching events, page by page (exports)."""
        ...

    def upsert_event(self, event: Event) -> None:
        """Insert or overwrite an event's fields; evidence is only ever added (merging)."""
        ...

    def add_evidence(self, event_id: str, evidence: Evidence) -> int:
        """Attach another source's sentence to an event; returns the number of new rows."""
        ...

    def last_change(self) -> int:
        """A counter that grows with every write (live streams poll it)."""
        ...

    def events_changed_since(self, change: int, limit: int = 1000) -> tuple[list[Event], int]:
        """Events written after `change`, and the new mark to poll from."""
        ...

    def get_meta(self, key: str, default: str | None = None) -> str | None: ...

    def set_meta(self, key: str, value: str | None) -> None:
        """Small key-value state (feed ETags, watcher progress); None deletes."""
        ...

    def meta_items(self, prefix: str) -> list[tuple[str, str]]:
        """Every key-value pair whose key starts with `prefix` (the watcher's per-feed state)."""
        ...

    def stats(self) -> dict[str, Any]: ...

    def close(self) -> None: ...


def check_bbox(bbox: Sequence[float]) -> tuple[float, float, float, float]:
    """`bbox` as four floats west, south, east, north in degrees, or a StoreError saying why not
    (a box may cross the antimeridian: west > east)."""
    try:
        west, south, east, north = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise StoreError(f"bbox must be four numbers west,south,east,north; got {bbox!r}") from None
    if not (-90 <= south <= north <= 90) or not (-180 <= west <= 180 and -180 <= east <= 180):
        raise StoreError(
            f"bbox {west},{south},{east},{north} is not west,south,east,north in degrees "
            "(south <= north, longitudes within -180..180)"
        )
    return west, south, east, north


def open_store(url: str, *, create: bool = True) -> Store:
    """Open (and migrate) the store at `url`: `sqlite:///path`, a bare path, or `postgresql://...`.

    `create=False` refuses to make a new, empty store: a reader with a mistyped URL should hear
    so, not see an empty result.
    """
    if url.startswith("sqlite:///") or "://" not in url:
        from pathlib import Path

        from lagebild.store.sqlite import SQLiteStore

        path = url.removeprefix("sqlite:///")
        if not create and path != ":memory:" and not Path(path).expanduser().exists():
            raise StoreUnavailable(f"no database at {path}")
        return SQLiteStore(path)
    if url.startswith(("postgresql://", "postgres://")):
        from lagebild.store.postgres import PostgresStore

        return PostgresStore(url, create=create)
    raise StoreError(
        f"unknown database URL scheme: {url!r} (expected sqlite:///path or postgresql://user@host/db)"
    )
