"""`lagebild migrate`: copy a whole store to another, e.g. a laptop's SQLite file to a team's PostgreSQL.

Documents, their mentions, events with all their evidence and their merge signatures (names,
embedding: what later reports are matched against), and the key-value state (feed ETags,
watcher progress) are copied; events keep their order (the destination numbers them in the source's
insertion order), so pages and cursors come out alike. Into an empty PostgreSQL store the copy is
ONE transaction of COPY statements (all or nothing, fast); into anything else it goes document by
document through the ordinary store methods, idempotently: an interrupted copy is completed by
running it again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lagebild.model import Document, Event
from lagebild.store.base import Store, StoreError
from lagebild.store.sqlite import SQLiteStore
from lagebild.store.sqlite import _load_events as _sqlite_load_events


def _postgres_load_events(conn: Any, rows: Any) -> list[Event]:
    from lagebild.store.postgres import _load_events  # psycopg only where it is used

    return _load_events(conn, rows)


BATCH = 1000


@dataclass(slots=True)
class CopyReport:
    documents: int = 0
    events: int = 0
    mentions: int = 0
    meta: int = 0
    seconds: float = 0.0
    bulk: bool = False  # one COPY transaction (empty PostgreSQL destination)


def copy_store(
    src: Store, dst: Store, *, batch: int = BATCH, progress: Callable[[str, int], None] | None = None
) -> CopyReport:
    """Copy everything in `src` into `dst`; `progress(what, count)` hears of every batch."""
    if src.url == dst.url:
        raise StoreError(f"source and destination are the same store: {src.url}")
    started = time.perf_counter()
    report = CopyReport()
    tell = progress or (lambda what, n: None)
    if _is_empty_postgres(dst):
        report.bulk = True
        report.documents, report.events, report.mentions = dst.copy_in(  # type: ignore[attr-defined]
            _document_rows(src, batch), _events_in_order(src, batch), _mention_rows(src, batch), progress=tell
        )
    else:
        for row in _document_rows(src, batch):
            dst.add_document(_document(row), [])
            report.documents += 1
            if report.documents % batch == 0:
                tell("documents", report.documents)
        for event, names, embedding in _events_in_order(src, batch):
            dst.upsert_event(event)
            _sql(
                dst, "UPDATE events SET names = ?, embedding = ? WHERE id = ?", [(names, embedding, event.id)]
            )
            report.events += 1
            if report.events % batch == 0:
                tell("events", report.events)
        pending: list[tuple[Any, ...]] = []
        for row in _mention_rows(src, batch):
            pending.append(tuple(row[c] for c in MENTION_COLUMNS))
            report.mentions += 1
            if len(pending) >= batch:
                _insert_mentions(dst, pending)
                tell("mentions", report.mentions)
        _insert_mentions(dst, pending)
    for key, value in src.meta_items(""):
        dst.set_meta(key, value)
        report.meta += 1
    report.seconds = time.perf_counter() - started
    return report


MENTION_COLUMNS = ("id", "document_id", "event_id", "confidence", "data", "embedding")


def _sql(store: Store, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """Run `sql` (with ? placeholders) once per row in one write transaction of either backend."""
    if not rows:
        return
    if not isinstance(store, SQLiteStore):
        sql = sql.replace("?", "%s")
    with store._write() as conn:  # type: ignore[attr-defined]
        for row in rows:
            conn.execute(sql, row)


def _insert_mentions(store: Store, rows: list[tuple[Any, ...]]) -> None:
    """Mentions not stored yet (a rerun skips those it copied before)."""
    _sql(
        store,
        f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        rows,
    )
    rows.clear()


def _is_empty_postgres(store: Store) -> bool:
    from lagebild.store.postgres import PostgresStore

    if not isinstance(store, PostgresStore):
        return False
    stats = store.stats()
    return stats["documents"] == 0 and stats["events"] == 0


def _document(row: dict[str, Any]) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        url=row["url"],
        source=row["source"],
        title=row["title"],
        published=row["published"],
        lang=row["lang"],
        author=row["author"],
        fetched_at=row["fetched_at"],
    )


def _document_rows(src: Store, batch: int) -> Iterator[dict[str, Any]]:
    """Every document row of `src` (with `ingested_at`), page by page."""
    if isinstance(src, SQLiteStore):
        last = 0
        while True:
            with src._read() as conn:
                rows = conn.execute(
                    "SELECT rowid AS n, * FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?",
                    (last, batch),
                ).fetchall()
            yield from (dict(row) for row in rows)
            if len(rows) < batch:
                return
            last = rows[-1]["n"]
    yield from src.iter_documents(batch)  # type: ignore[attr-defined]


def _events_in_order(src: Store, batch: int) -> Iterator[tuple[Event, str, bytes | None]]:
    """Every event of `src` with all its evidence and its merge signature (names as JSON,
    embedding), in the order they were first stored."""
    last = 0
    while True:
        if isinstance(src, SQLiteStore):
            with src._read() as conn:
                rows = conn.execute(
                    "SELECT * FROM events e WHERE seq > ? ORDER BY seq LIMIT ?", (last, batch)
                ).fetchall()
                events = _sqlite_load_events(conn, rows)
        else:
            with src._read() as conn:  # type: ignore[attr-defined]
                rows = conn.execute(
                    "SELECT * FROM events e WHERE seq > %s ORDER BY seq LIMIT %s", (last, batch)
                ).fetchall()
                events = _postgres_load_events(conn, rows)
        if rows:
            last = rows[-1]["seq"]
        for event, row in zip(events, rows, strict=True):
            yield event, row["names"], row["embedding"]
        if len(rows) < batch:
            return


def _mention_rows(src: Store, batch: int) -> Iterator[dict[str, Any]]:
    """Every mention row of `src`, in the order stored."""
    last = 0
    mark = "?" if isinstance(src, SQLiteStore) else "%s"
    while True:
        with src._read() as conn:  # type: ignore[attr-defined]
            rows = conn.execute(
                f"SELECT * FROM mentions WHERE seq > {mark} ORDER BY seq LIMIT {mark}", (last, batch)
            ).fetchall()
        yield from (dict(row) for row in rows)
        if len(rows) < batch:
            return
        last = rows[-1]["seq"]
