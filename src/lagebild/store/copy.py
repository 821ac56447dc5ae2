"""`lagebild migrate`: copy a whole store to another, e.g. a laptop's SQLite file to a team's PostgreSQL.

Documents, their mentions, events with all their evidence, their merge signatures (names,
embedding: what later reports are matched against) and analysts' flags, the analysts' tables
(watch-lists, their alerts with their delivery state, corrections) and the key-value state (feed
ETags, watcher progress, the alert dispatcher's mark, folded event ids) are copied. Events keep
their order (the destination numbers them in the source's insertion order), so pages and cursors
come out alike, and their change numbers, so that a watch-list's start and the dispatcher's mark
name the same events: nothing alerts twice, nothing is missed. Rows of the analysts' tables keep
their ids (alerts and corrections refer to them; users name watch-lists by id).

Into an empty PostgreSQL store the documents, events and mentions are ONE transaction of COPY
statements (all or nothing, fast); into anything else they go document by document through the
store's methods, idempotently: an interrupted copy is completed by running it again. The
analysts' tables and the key-value state follow, equally idempotent.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lagebild.model import Document, Event
from lagebild.store.base import Store, StoreError
from lagebild.store.rows import ANALYST_TABLES
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
    watchlists: int = 0
    alerts: int = 0
    corrections: int = 0
    seconds: float = 0.0
    bulk: bool = False  # one COPY transaction (empty PostgreSQL destination)


def copy_store(
    src: Store, dst: Store, *, batch: int = BATCH, progress: Callable[[str, int], None] | None = None
) -> CopyReport:
    """Copy everything in `src` into `dst`; `progress(what, count)` hears of every batch."""
    if src.url == dst.url:
        raise StoreError(f"source and destination are the same store: {src.url}")
    _check_watchlists(src, dst)  # before anything is written
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
        for event, names, embedding, change in _events_in_order(src, batch):
            dst.restore_event(event, names, embedding, change)  # type: ignore[attr-defined]
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
    for table in ANALYST_TABLES:
        for rows in _table_rows(src, table, "id", batch):
            dst.copy_rows(table, rows)  # type: ignore[attr-defined]
            setattr(report, table, getattr(report, table) + len(rows))
        tell(table, getattr(report, table))
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


def _events_in_order(src: Store, batch: int) -> Iterator[tuple[Event, str, bytes | None, int]]:
    """Every event of `src` with all its evidence, its merge signature (names as JSON,
    embedding) and its change number, in the order they were first stored."""
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
            yield event, row["names"], row["embedding"], int(row["change_seq"])
        if len(rows) < batch:
            return


def _mention_rows(src: Store, batch: int) -> Iterator[dict[str, Any]]:
    """Every mention row of `src`, in the order stored."""
    for rows in _table_rows(src, "mentions", "seq", batch):
        yield from rows


def _table_rows(src: Store, table: str, key: str, batch: int) -> Iterator[list[dict[str, Any]]]:
    """The rows of one table of `src` in the order of `key` (its growing id), page by page."""
    last = 0
    mark = "?" if isinstance(src, SQLiteStore) else "%s"
    while True:
        with src._read() as conn:  # type: ignore[attr-defined]
            rows = conn.execute(
                f"SELECT * FROM {table} WHERE {key} > {mark} ORDER BY {key} LIMIT {mark}", (last, batch)
            ).fetchall()
        if rows:
            yield [dict(row) for row in rows]
        if len(rows) < batch:
            return
        last = rows[-1][key]


def _check_watchlists(src: Store, dst: Store) -> None:
    """Refuse a destination whose own watch-lists would take the ids or names of the copied ones
    (their alerts would then belong to another watch-list); the same watch-list copied before is
    fine."""
    for w in src.watchlists():  # type: ignore[attr-defined]
        for there in (dst.get_watchlist(w.id), dst.get_watchlist(w.name)):  # type: ignore[attr-defined]
            if there is not None and (there.id, there.name) != (w.id, w.name):
                raise StoreError(
                    f"{dst.url} has a watch-list of its own ({there.id}: {there.name!r}) where the copy's"
                    f" {w.id}: {w.name!r} would go; remove it there, or copy into a store without watch-lists"
                )
