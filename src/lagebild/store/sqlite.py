"""The SQLite store: the zero-setup default backend.

One file holds documents, events and their evidence, an R*Tree over event coordinates (bbox) and
an FTS5 index over evidence sentences and document titles (q).

Concurrency: the file is in WAL mode, so readers in other processes never block the writer and
vice versa; writers queue on `busy_timeout`. Within a process one `SQLiteStore` holds ONE
connection opened with check_same_thread=False, and every method takes the store's lock, so an
instance may be shared between threads (calls are serialised; open one store per thread if you
want parallel reads).

Durability: each write is one `BEGIN IMMEDIATE ... COMMIT`; a process killed at any moment leaves
either the whole document with all its events and evidence, or nothing. synchronous=NORMAL keeps
that guarantee against process crashes; a power cut may lose the last commits, never consistency.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import numpy as np

from lagebild.alerts.watchlists import Alert, Filter, NewAlert, Watchlist, filter_json
from lagebild.corrections import Correction, applied, before_of, fields_of
from lagebild.merge.decide import FAR_KM, WINDOW_DAYS
from lagebild.merge.features import date_range
from lagebild.merge.link import Candidate, Decision, lead_sentence
from lagebild.model import MODALITIES, Actor, Document, Event, Evidence, Place, utcnow
from lagebild.store.base import EventQuery, StoreError, StoreUnavailable, check_bbox
from lagebild.store.contract import event_dict, evidence_dict
from lagebild.store.migrations import MigrationError, latest_version, migrate, schema_version
from lagebild.store.rows import (
    ANALYST_TABLES,
    FOLDED,
    SUMMARY_MENTIONS,
    blob,
    correction_json,
    event_row,
    folded_signature,
    loose_mention_rows,
    mention_rows,
    names_json,
    summary_when_joined,
)

PAGE_SIZE = 500  # events per page when iterating over everything (exports)
_CHUNK = 500  # ids per IN (...) list, well below SQLite's variable limit
MERGE_CANDIDATES = 200  # stored events a new one is compared with, nearest in time first
_BLOCK_NAMES = 24  # names an event is found by in the candidate search (event_names)
_BLOCK_PER_NAME = 50  # events one name may bring in: common names must not flood the search

_EVENT_COLUMNS = (
    "id",
    "type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "cameo_root",
    "date",
    "date_precision",
    "modality",
    "confidence",
    "location",
    "lat",
    "lon",
    "country",
    "precision",
    "place_name",
    "actors",
    "recipients",
    "actor_text",
    "num_sources",
    "first_seen",
    "updated",
    "change_seq",
    "num_articles",
    "num_mentions",
    "languages",
    "fatalities",
    "injured",
    "disagreement",
)
_SORT_KEY = "coalesce(e.date, '')"  # must match the events_order index expression
_JULIAN_OFFSET = 1721424.5  # date.toordinal() + this = SQLite's julianday() at midnight
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Bucket start of an event date, as SQL on alias `e` (dates are ISO strings, maybe partial).
# A partial date ("2024-03") counts on the first day of its period, as Event.date does.
_FULL_DATE = "substr(e.date || '-01-01', 1, 10)"
TIMELINE_BUCKETS: dict[str, str] = {
    "day": f"date({_FULL_DATE})",
    "week": f"date({_FULL_DATE}, 'weekday 0', '-6 days')",
    "month": f"date({_FULL_DATE}, 'start of month')",
}


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back what is still open; an error here must not replace the one that caused it."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


def _is_read_only_fault(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) or "readonly" in str(exc)


class SQLiteStore:
    """`Store` on one SQLite file (or ":memory:"); creates and migrates the schema on open."""

    def __init__(self, path: str | Path, *, timeout: float = 30.0, read_only: bool = False) -> None:
        """Open (creating and migrating when it can) the store at `path`.

        A file that cannot be written (permissions, immutable, read-only media) is opened
        read-only instead, so that it can still be read; `read_only=True` asks for that.
        Every failure is a StoreUnavailable whose one line says what happened and what to do.
        """
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        self._lock = threading.RLock()
        self._timeout = timeout
        self.read_only = False
        self._read_only_reason = ""
        file_path = None
        if self.path != ":memory:" and not self.path.startswith("file:"):
            file_path = Path(self.path).expanduser()
            if not read_only and not file_path.exists():
                try:
                    file_path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreUnavailable(
                        f"cannot create the folder of the database {self.path}: {exc.strerror or exc}"
                    ) from None
        if read_only and file_path is not None:
            self._conn: sqlite3.Connection | None = self._open_read_only(file_path, "opened read-only")
            return
        try:
            conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise self._fault(exc, "cannot open database") from None
        conn.row_factory = sqlite3.Row
        deadline = time.monotonic() + timeout
        while True:
            try:
                conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                migrate(conn)
                break
            except sqlite3.OperationalError as exc:
                # Switching a new file to WAL needs an exclusive lock, and SQLite answers "locked"
                # there without waiting: another process is creating the same store. Wait for it.
                if "locked" in str(exc) and time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                conn.close()
                if _is_read_only_fault(exc) and file_path is not None and file_path.is_file():
                    self._conn = self._open_read_only(file_path, str(exc))
                    return
                raise self._fault(exc, "cannot open database") from None
            except (sqlite3.Error, MigrationError) as exc:
                conn.close()
                if isinstance(exc, sqlite3.Error):
                    if _is_read_only_fault(exc) and file_path is not None and file_path.is_file():
                        self._conn = self._open_read_only(file_path, str(exc))
                        return
                    raise self._fault(exc, "cannot open database") from None
                raise StoreUnavailable(f"cannot open database {self.path}: {exc}") from None
        self._conn = conn

    def _open_read_only(self, file_path: Path, reason: str) -> sqlite3.Connection:
        """A read-only connection: `mode=ro` where SQLite may still create the WAL index beside
        the file, else `immutable=1` (read-only media or folder: nobody can be writing it)."""
        uri = "file:" + quote(str(file_path.resolve()))
        last: sqlite3.Error | None = None
        for options in ("mode=ro", "mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(
                    f"{uri}?{options}",
                    uri=True,
                    timeout=self._timeout,
                    isolation_level=None,
                    check_same_thread=False,
                )
            except sqlite3.Error as exc:
                last = exc
                continue
            try:
                conn.row_factory = sqlite3.Row
                conn.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
                version = schema_version(conn)
                conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            except sqlite3.Error as exc:
                conn.close()
                last = exc
                continue
            if version != latest_version():
                conn.close()
                if version > latest_version():
                    raise StoreUnavailable(
                        f"cannot open database {self.path}: it has schema version {version}, newer than "
                        f"this lagebild supports ({latest_version()}); upgrade lagebild to open it"
                    )
                raise StoreUnavailable(
                    f"cannot open database {self.path}: it is read-only ({reason}) and its schema "
                    f"(version {version}) needs an upgrade to {latest_version()}; open it once where "
                    "it can be written"
                )
            self.read_only = True
            self._read_only_reason = reason
            return conn
        assert last is not None
        raise self._fault(last, "cannot open database") from None

    def _fault(self, exc: sqlite3.Error, doing: str = "database error in") -> StoreUnavailable:
        """One line for a failed database operation: what happened and what to do about it."""
        name = getattr(exc, "sqlite_errorname", "") or ""
        text = str(exc)
        if name == "SQLITE_FULL" or "disk is full" in text:
            return StoreUnavailable(
                f"the disk is full: {doing} {self.path} failed ({text}); nothing of this write was "
                "stored: free some space and run the command again"
            )
        if name.startswith("SQLITE_READONLY") or "readonly" in text:
            return StoreUnavailable(
                f"the database {self.path} is read-only ({text}): it can be read but not written; "
                "check the permissions of the file and its folder"
            )
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
            return StoreUnavailable(
                f"the database {self.path} is locked by another process (waited {self._timeout:g} s): "
                "try again when it has finished"
            )
        if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
            return StoreUnavailable(
                f"{doing} {self.path}: the file cannot be opened ({text}); check the path and "
                "the permissions of the file and its folder"
            )
        if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text or "not a database" in text:
            return StoreUnavailable(f"{doing} {self.path}: the file is damaged or not a database ({text})")
        if name.startswith("SQLITE_IOERR") or "disk I/O error" in text:
            return StoreUnavailable(
                f"{doing} {self.path}: input/output error ({text}); the disk or file system failed"
            )
        return StoreUnavailable(f"{doing} {self.path}: {text}")

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreUnavailable(f"the store {self.path} is closed")
        return self._conn

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise self._fault(exc) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; BEGIN IMMEDIATE takes the write lock up front, so no deadlock upgrade.

        On any failure the transaction is rolled back when it is still open: SQLite ends it by
        itself on some errors (a full disk), and a ROLLBACK then would hide the real cause behind
        "cannot rollback - no transaction is active"."""
        with self._lock:
            conn = self._db
            if self.read_only:
                raise StoreUnavailable(
                    f"the database {self.path} is read-only ({self._read_only_reason}): it can be "
                    "read but not written; check the permissions of the file and its folder"
                )
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._fault(exc, "cannot write to") from None
            try:
                yield conn
            except BaseException as exc:
                _rollback(conn)
                if isinstance(exc, sqlite3.Error):
                    raise self._fault(exc, "writing to") from None
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise self._fault(exc, "cannot commit to") from None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                finally:
                    self._conn = None

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._read() as conn:
            return schema_version(conn)

    # -- documents --------------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        with self._read() as conn:
            return conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is not None

    def add_document(
        self, doc: Document, events: list[Event], decisions: Sequence[Decision] | None = None
    ) -> bool:
        """Store a document, its mentions and their events in one transaction; False (and no
        write) if it was already there.

        `decisions` (lagebild.merge.plan) say which mentions form one event and which stored
        event each joins. Without them every item of `events` is a mention that is its own event.
        """
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone():
                return False
            conn.execute(
                "INSERT INTO documents (id, url, source, title, published, lang, author, text, fetched_at,"
                " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id,
                    doc.url,
                    doc.source,
                    doc.title,
                    doc.published,
                    doc.lang,
                    doc.author,
                    doc.text,
                    doc.fetched_at,
                    utcnow(),
                ),
            )
            if decisions is None:
                decisions = [Decision(event=e, names=set(), mentions=[e]) for e in events]
            change = _next_change(conn)
            for offset, d in enumerate(decisions):
                _store_decision(conn, doc.id, d, change + offset)
            conn.executemany(
                "INSERT INTO mentions (id, document_id, event_id, confidence, data, embedding)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                loose_mention_rows(doc.id, events, decisions),
            )
        return True

    def store_decisions(self, document_id: str, decisions: Sequence[Decision]) -> None:
        """Write the merge decisions of a stored document's mentions (`lagebild merge --rebuild`)."""
        with self._write() as conn:
            change = _next_change(conn)
            for offset, d in enumerate(decisions):
                _store_decision(conn, document_id, d, change + offset)

    def clear_events(self) -> None:
        """Forget every event (mentions stay, ungrouped): the first step of a rebuild."""
        with self._write() as conn:
            conn.execute("DELETE FROM evidence_fts")
            conn.execute("DELETE FROM evidence")
            conn.execute("DELETE FROM events_rtree")
            conn.execute("DELETE FROM event_names")
            conn.execute("DELETE FROM events")
            conn.execute("DELETE FROM kv WHERE key >= ? AND key < ?", (FOLDED, FOLDED[:-1] + ";"))
            conn.execute("UPDATE mentions SET event_id = NULL")

    def document_ids(self) -> list[str]:
        """Every stored document's id, in the order of ingestion."""
        with self._read() as conn:
            return [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY rowid")]

    def mentions_of_document(self, document_id: str) -> tuple[list[Event], dict[str, np.ndarray]]:
        """A document's mentions in text order, and the embeddings stored for their sentences."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT data, embedding FROM mentions WHERE document_id = ? ORDER BY seq", (document_id,)
            ).fetchall()
        mentions = [Event.from_dict(json.loads(row[0])) for row in rows]
        vectors = {lead_sentence(m): _vector(row[1]) for m, row in zip(mentions, rows, strict=True) if row[1]}
        return mentions, vectors

    def event_of_mention(self, mention_id: str) -> str | None:
        """The id of the event a mention belongs to (None: unknown mention)."""
        with self._read() as conn:
            row = conn.execute("SELECT event_id FROM mentions WHERE id = ?", (mention_id,)).fetchone()
        return row[0] if row else None

    def mentions_of_event(self, event_id: str) -> list[Event]:
        """Every mention of an event, in the order they were stored."""
        with self._read() as conn:
            rows = conn.execute("SELECT data FROM mentions WHERE event_id = ? ORDER BY seq", (event_id,))
            return [Event.from_dict(json.loads(row[0])) for row in rows]

    def merge_candidates(
        self, event: Event, limit: int = MERGE_CANDIDATES, names: set[str] | None = None
    ) -> list[Candidate]:
        """Stored events the merge may join `event` to: same type and modality, dates within the
        merge window, and near its place in space and time (R*Tree), or a coarser report of its
        country, or sharing one of its rarer `names`."""
        span = date_range(event)
        if span is None:
            return []
        lo = (span[0] - timedelta(days=WINDOW_DAYS)).isoformat()
        hi = (span[1] + timedelta(days=WINDOW_DAYS)).isoformat()
        where = ["e.type = ?", "e.modality = ?", "e.date >= ?", "e.date <= ?"]
        params: list[Any] = [event.type, event.modality, lo[:7], hi]
        same = [event.type, event.modality, lo[:7], hi]
        place = event.location
        if place is not None and place.precision not in ("country", "region", "admin1"):
            # Near in space and time (the space-time R*Tree), or a coarser report of its country:
            # both bounded by the area and the window, whatever the size of the store.
            dlat = FAR_KM / 111.0
            dlon = min(180.0, dlat / max(0.05, math.cos(math.radians(place.lat))))
            day0 = (span[0] - timedelta(days=WINDOW_DAYS)).toordinal() + _JULIAN_OFFSET - 1
            day1 = (span[1] + timedelta(days=WINDOW_DAYS)).toordinal() + _JULIAN_OFFSET + 1
            # A third block: events of the window that share its rarest names, wherever their place
            # was read (a same-named town in another state is the commonest geocoding error).
            blocks = [
                "SELECT seq FROM events_rtree_time WHERE min_lat <= ? AND max_lat >= ?"
                " AND min_lon <= ? AND max_lon >= ? AND min_day <= ? AND max_day >= ?",
                "SELECT seq FROM events WHERE country = ? AND type = ? AND modality = ? AND date >= ?"
                " AND date <= ? AND precision IN ('admin1', 'country', 'region')",
            ]
            params += [place.lat + dlat, place.lat - dlat, place.lon + dlon, place.lon - dlon, day1, day0]
            params += [place.country, *same]
            rare = sorted((n for n in names or () if not n.startswith("@")), key=lambda n: (-len(n), n))
            for name in rare[:_BLOCK_NAMES]:
                blocks.append(
                    "SELECT * FROM (SELECT seq FROM event_names WHERE name = ? AND day BETWEEN ? AND ?"
                    f" LIMIT {_BLOCK_PER_NAME})"
                )
                params += [name, day0, day1]
            where.append(f"e.seq IN ({' UNION '.join(blocks)})")
        elif place is not None and place.country:
            # Its country, and what lies near its centre: a town report finds a coarser report by
            # that centre (the block above), so the coarser report must find the town report back,
            # or the order of arrival would decide whether the two merge.
            dlat = FAR_KM / 111.0
            dlon = min(180.0, dlat / max(0.05, math.cos(math.radians(place.lat))))
            day0 = (span[0] - timedelta(days=WINDOW_DAYS)).toordinal() + _JULIAN_OFFSET - 1
            day1 = (span[1] + timedelta(days=WINDOW_DAYS)).toordinal() + _JULIAN_OFFSET + 1
            where.append(
                "(e.country = ? OR e.seq IN (SELECT seq FROM events_rtree_time WHERE min_lat <= ?"
                " AND max_lat >= ? AND min_lon <= ? AND max_lon >= ? AND min_day <= ? AND max_day >= ?))"
            )
            params += [place.country, place.lat + dlat, place.lat - dlat, place.lon + dlon, place.lon - dlon]
            params += [day1, day0]
        sql = (
            "SELECT e.*, (SELECT min(id) FROM evidence WHERE event_id = e.id) AS lead FROM events e"
            f" WHERE {' AND '.join(where)}"
            " ORDER BY abs(julianday(substr(e.date || '-01-01', 1, 10)) - julianday(?)), e.seq LIMIT ?"
        )
        params += [span[0].isoformat(), limit]
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
            out = []
            for row in rows:
                lead = conn.execute("SELECT * FROM evidence WHERE id = ?", (row["lead"],)).fetchone()
                evidence = [_row_to_evidence(lead)] if lead else []
                out.append(
                    Candidate(
                        event=_row_to_event(row, evidence),
                        names=set(json.loads(row["names"])),
                        embedding=_vector(row["embedding"]) if row["embedding"] else None,
                    )
                )
            return out

    def get_document(self, document_id: str) -> Document | None:
        with self._read() as conn:
            row = conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            return None
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

    # -- events: writes ---------------------------------------------------------------------

    def upsert_event(self, event: Event) -> None:
        """Insert an event or overwrite a stored one's fields (merging across articles).

        Evidence is only ever added: rows already stored (same document and offsets) are kept
        once, rows not in `event.evidence` stay. `first_seen` keeps the earlier of the two.
        """
        with self._write() as conn:
            _upsert_event(conn, event, _next_change(conn))

    def add_evidence(self, event_id: str, evidence: Iterable[Evidence]) -> int:
        """Attach more evidence to a stored event; returns how many rows were new.

        When rows were added, `num_sources` becomes the number of distinct sources in the
        evidence (never lower than before) and `updated` becomes now.
        """
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is None:
                raise StoreError(f"no event with id {event_id!r}")
            added = _insert_evidence(conn, event_id, evidence)
            if added:
                distinct = conn.execute(
                    "SELECT count(DISTINCT coalesce(source, url, document_id)) FROM evidence WHERE event_id = ?",
                    (event_id,),
                ).fetchone()[0]
                conn.execute(
                    "UPDATE events SET num_sources = max(num_sources, ?), updated = ?, change_seq = ?"
                    " WHERE id = ?",
                    (distinct, utcnow(), _next_change(conn), event_id),
                )
        return added

    # -- events: reads ----------------------------------------------------------------------

    def get_event(self, event_id: str) -> Event | None:
        """The event with ALL its evidence, in the order it was stored. The id of an event that
        was folded into another (reports that tied two parts of one happening) gives that one."""
        with self._read() as conn:
            current = _resolve_event(conn, event_id)
            if current is None:
                return None
            row = conn.execute("SELECT * FROM events e WHERE e.id = ?", (current,)).fetchone()
            if row is None:
                return None
            return _load_events(conn, [row])[0]

    def query_events(self, query: EventQuery) -> tuple[list[Event], str | None]:
        """Events matching `query`, newest first, and the cursor of the next page (or None).

        Order: event date descending with undated events last, then insertion order descending;
        a cursor points just past the last event of its page, so pages neither repeat nor skip
        events even while new ones are written. `limit=None` returns all matches at once.
        """
        limit = _check_limit(query.limit)
        cursor = _decode_cursor(query.cursor) if query.cursor else None
        with self._read() as conn:
            where, params = _where(query, conn, ordered=True, page=limit)
            if cursor is not None:
                # (date, seq) < (d, s), spelled so that the events_order index starts the scan at
                # the cursor: a row-value comparison would scan every earlier page again.
                where.append(f"{_SORT_KEY} <= ? AND ({_SORT_KEY} < ? OR e.seq < ?)")
                params += [cursor[0], cursor[0], cursor[1]]
            sql = f"SELECT e.*, {_SORT_KEY} AS sort_date FROM events e"
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += f" ORDER BY {_SORT_KEY} DESC, e.seq DESC"
            if limit is not None:
                sql += " LIMIT ?"
                params.append(limit + 1)
            rows = conn.execute(sql, params).fetchall()
            next_cursor = None
            if limit is not None and len(rows) > limit:
                rows = rows[:limit]
                next_cursor = _encode_cursor(rows[-1]["sort_date"], rows[-1]["seq"])
            return _load_events(conn, rows), next_cursor

    def count_events(self, query: EventQuery, at_most: int | None = None) -> int:
        """How many events match the filters of `query` (its limit and cursor are ignored).

        `at_most` stops counting there: a zoomed-out map view of a large store matches hundreds
        of thousands, and counting them all costs more than the page itself."""
        with self._read() as conn:
            return _count(conn, query, at_most)

    def event_page(
        self, query: EventQuery, count_at_most: int
    ) -> tuple[list[dict[str, Any]], str | None, int]:
        """The page of `query_events` as the event contract (`Event.to_dict()` of each event),
        the cursor of the next page, and how many events match the filters, counted up to
        `count_at_most` (the whole answer when it fits on a first page).

        The API's read (issue #13): rows become dicts without dataclasses, the page is chosen
        on seq and date alone before its rows are read in full, and a box small enough to be
        searched in the R*Tree is counted in the same pass as its page (a window count), so the
        count no longer reads the matches a second time."""
        limit = _check_limit(query.limit)
        cursor = _decode_cursor(query.cursor) if query.cursor else None
        known = None  # the count, when events_map found more matches than a page may sort
        if _on_map_tree(query) and limit is not None and (cursor is None or _is_date(cursor[0])):
            page = self._map_page(query, limit, cursor, count_at_most)
            if page is not None:
                return page
            known = count_at_most
        with self._read() as conn:
            where, params, bounded = _conditions(query, conn, ordered=True, page=limit)
            counted = bounded and cursor is None
            if cursor is not None:
                where.append(f"{_SORT_KEY} <= ? AND ({_SORT_KEY} < ? OR e.seq < ?)")
                params += [cursor[0], cursor[0], cursor[1]]
            sql = f"SELECT e.seq, {_SORT_KEY} AS sort_date"
            sql += ", count(*) OVER () AS matches FROM events e" if counted else " FROM events e"
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += f" ORDER BY {_SORT_KEY} DESC, e.seq DESC"
            if limit is not None:
                sql += " LIMIT ?"
                params.append(limit + 1)
            keys = conn.execute(sql, params).fetchall()
            next_cursor = None
            if limit is not None and len(keys) > limit:
                keys = keys[:limit]
                next_cursor = _encode_cursor(keys[-1]["sort_date"], keys[-1]["seq"])
            if counted:
                matches = int(keys[0]["matches"]) if keys else 0
            elif next_cursor is None and cursor is None:
                matches = len(keys)
            else:
                matches = known if known is not None else _count(conn, query, count_at_most)
            return _contracts(conn, [k["seq"] for k in keys]), next_cursor, min(matches, count_at_most)

    def _map_page(
        self, query: EventQuery, limit: int, cursor: tuple[str, int] | None, count_at_most: int
    ) -> tuple[list[dict[str, Any]], str | None, int] | None:
        """`event_page` of a map view, chosen and counted in events_map (see `_on_map_tree`);
        None when more than MAP_SORT_MAX events match (and so more than `count_at_most`)."""
        most = max(MAP_SORT_MAX, count_at_most)
        matches_sql, params = _map_matches(query)
        page_sql, page_params = f"SELECT seq, key FROM ({matches_sql})", list(params)
        if cursor is not None:
            key = _map_key(cursor[0])
            page_sql += " WHERE key <= ? AND (key < ? OR seq < ?)"
            page_params += [key, key, cursor[1]]
        page_sql += " ORDER BY key DESC, seq DESC LIMIT ?"
        with self._read() as conn:
            # One snapshot for the page, its rows and its count, while writers go on.
            conn.execute("BEGIN")
            try:
                # Counting in the R*Tree is cheap; sorting all its matches for a page is not
                # when they are many (a whole continent over a year): then reading rows in date
                # order, the other path, wins.
                matches = conn.execute(
                    f"SELECT count(*) FROM (SELECT 1 FROM ({matches_sql}) LIMIT ?)", [*params, most + 1]
                ).fetchone()[0]
                if matches > most:
                    return None
                keys = conn.execute(page_sql, [*page_params, limit + 1]).fetchall()
                more = len(keys) > limit
                events = _contracts(conn, [k[0] for k in keys[:limit]])
            finally:
                conn.execute("COMMIT")
        next_cursor = _encode_cursor(events[-1]["date"], keys[limit - 1][0]) if more else None
        return events, next_cursor, min(int(matches), count_at_most)

    def iter_events(self, query: EventQuery) -> Iterator[Event]:
        """All matching events, page by page, from `query.cursor` on; `query.limit` caps the total."""
        remaining = _check_limit(query.limit)
        cursor = query.cursor
        while remaining is None or remaining > 0:
            size = PAGE_SIZE if remaining is None else min(PAGE_SIZE, remaining)
            events, cursor = self.query_events(replace(query, limit=size, cursor=cursor))
            yield from events
            if remaining is not None:
                remaining -= len(events)
            if cursor is None:
                return

    def last_change(self) -> int:
        """The highest change number so far: it grows with every event written or updated."""
        with self._read() as conn:
            return int(conn.execute("SELECT coalesce(max(change_seq), 0) FROM events").fetchone()[0])

    def events_changed_since(self, change: int, limit: int = 1000) -> tuple[list[Event], int]:
        """Events written or updated after change number `change` (all modalities), oldest change
        first, and the change number to ask from next time (a live stream's high-water mark)."""
        _check_limit(limit)
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM events e WHERE change_seq > ? ORDER BY change_seq LIMIT ?",
                (int(change), limit),
            ).fetchall()
            events = _load_events(conn, rows)
        return events, (rows[-1]["change_seq"] if rows else int(change))

    def events_of_document(self, document_id: str) -> list[Event]:
        """The events a document gave evidence for (with all their evidence), in stored order."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM events e WHERE e.id IN (SELECT event_id FROM evidence WHERE document_id = ?)"
                " ORDER BY e.seq",
                (document_id,),
            ).fetchall()
            return _load_events(conn, rows)

    def timeline(self, query: EventQuery, bucket: str = "day") -> list[tuple[str, str, int]]:
        """How many dated events match the filters of `query`, per time bucket and type.

        Rows `(bucket_start, type, count)` ordered by bucket then type; `bucket` is "day",
        "week" (starting on Monday) or "month" (starting on the 1st). Events without a (readable)
        date come first, with bucket_start None. Counting happens in SQL: a histogram over a
        million events must not load them. Limit and cursor are ignored.
        """
        if bucket not in TIMELINE_BUCKETS:
            raise StoreError(f"bucket must be one of {', '.join(TIMELINE_BUCKETS)}, got {bucket!r}")
        key = TIMELINE_BUCKETS[bucket]
        with self._read() as conn:
            where, params = _where(query, conn)
            sql = f"SELECT {key} AS bucket, e.type AS type, count(*) AS n FROM events e"
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += " GROUP BY 1, 2 ORDER BY 1, 2"
            return [(row[0], row[1], int(row[2])) for row in conn.execute(sql, params)]

    def stats(self) -> dict[str, Any]:
        """Counts and ranges for `lagebild stats` and the API's /stats."""
        with self._read() as conn:
            documents, first_ingested, last_ingested = conn.execute(
                "SELECT count(*), min(ingested_at), max(ingested_at) FROM documents"
            ).fetchone()
            events, first_date, last_date = conn.execute(
                "SELECT count(*), min(date), max(date) FROM events"
            ).fetchone()
            source_count = conn.execute(
                "SELECT count(DISTINCT source) FROM documents WHERE source IS NOT NULL"
            ).fetchone()[0]
            top = conn.execute(
                "SELECT source, count(*) AS n FROM documents WHERE source IS NOT NULL"
                " GROUP BY source ORDER BY n DESC, source LIMIT 10"
            ).fetchall()
            languages = conn.execute(
                "SELECT coalesce(lang, 'und') AS lang, count(*) AS n FROM documents GROUP BY 1 ORDER BY n DESC, 1"
            ).fetchall()
            version = schema_version(conn)
        return {
            "documents": documents,
            "events": events,
            "sources": {"count": source_count, "top": [{"source": s, "documents": n} for s, n in top]},
            "languages": {lang: n for lang, n in languages},
            "event_dates": {"first": first_date, "last": last_date},
            "ingested": {"first": first_ingested, "last": last_ingested},
            "schema_version": version,
        }

    # -- now and escalation (lagebild.now: the map's "Now" column) --------------------------

    def latest_day(self, query: EventQuery, today: str) -> str | None:
        """The newest day (YYYY-MM-DD) an event matching the filters is dated to, not after `today`."""
        with self._read() as conn:
            where, params = _where(query, conn)
            where += ["length(e.date) = 10", "e.date <= ?"]
            sql = "SELECT max(e.date) FROM events e WHERE " + " AND ".join(where)
            return conn.execute(sql, [*params, today]).fetchone()[0]

    def now_events(self, query: EventQuery, since: str, at: str, limit: int) -> list[tuple[Event, float]]:
        """Events dated to a day in since..at, most important first (lagebild.now), with the score."""
        with self._read() as conn:
            where, params = _where(query, conn)
            where += ["length(e.date) = 10", "e.date >= ?", "e.date <= ?"]
            sql = (
                "SELECT e.*, e.num_sources * e.confidence / (1.0 + (julianday(?) - julianday(e.date)) / 2.0)"
                " AS score FROM events e WHERE " + " AND ".join(where) + " ORDER BY score DESC, e.date DESC,"
                " e.seq DESC LIMIT ?"
            )
            rows = conn.execute(sql, [at, *params, since, at, int(limit)]).fetchall()
            return list(zip(_load_events(conn, rows), [float(r["score"]) for r in rows], strict=True))

    def country_counts(
        self, query: EventQuery, baseline_start: str, recent_start: str, at: str
    ) -> list[tuple[str, int, int]]:
        """Per country: events dated recent_start..at and baseline_start..(recent_start - 1 day)."""
        with self._read() as conn:
            where, params = _where(query, conn)
            where += ["e.country IS NOT NULL", "length(e.date) = 10", "e.date >= ?", "e.date <= ?"]
            sql = (
                "SELECT e.country, sum(e.date >= ?) AS recent, sum(e.date < ?) AS before FROM events e"
                " WHERE " + " AND ".join(where) + " GROUP BY e.country"
            )
            rows = conn.execute(sql, [recent_start, recent_start, *params, baseline_start, at]).fetchall()
            return [(r[0], int(r[1]), int(r[2])) for r in rows]

    # -- key-value state --------------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        """A value stored with `set_meta` (feed ETags, cursors of watchers), or `default`."""
        with self._read() as conn:
            row = conn.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        """Store `value` under `key`; None deletes the key."""
        with self._write() as conn:
            if value is None:
                conn.execute("DELETE FROM kv WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, str(value)),
                )

    def meta_items(self, prefix: str) -> list[tuple[str, str]]:
        """All `(key, value)` pairs whose key starts with `prefix`, ordered by key (watcher state)."""
        # A range scan on the primary key rather than LIKE, which treats % and _ as wildcards.
        with self._read() as conn:
            if not prefix:
                return [(k, v) for k, v in conn.execute("SELECT key, value FROM kv ORDER BY key")]
            rows = conn.execute(
                "SELECT key, value FROM kv WHERE key >= ? AND key < ? ORDER BY key",
                (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)),
            )
            return [(k, v) for k, v in rows]

    # -- watch-lists, alerts, corrections (lagebild.alerts, lagebild.corrections) ------------
    # Kept apart from the event code above: these tables are the analysts', not the pipeline's.

    def add_watchlist(self, name: str, flt: Filter, webhook: str | None) -> Watchlist:
        """Save a watch-list; it alerts on events written from now on. StoreError if the name is taken."""
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM watchlists WHERE name = ?", (name,)).fetchone():
                raise StoreError(f"a watch-list named {name!r} exists already; remove it first")
            since = int(conn.execute("SELECT coalesce(max(change_seq), 0) FROM events").fetchone()[0])
            created = utcnow()
            cur = conn.execute(
                "INSERT INTO watchlists (name, filter, webhook, created, since_change) VALUES (?, ?, ?, ?, ?)",
                (name, filter_json(flt), webhook, created, since),
            )
            return Watchlist(int(cur.lastrowid or 0), name, flt, webhook, created, since)

    def watchlists(self) -> list[Watchlist]:
        with self._read() as conn:
            return [_row_to_watchlist(r) for r in conn.execute("SELECT * FROM watchlists ORDER BY id")]

    def get_watchlist(self, key: str | int) -> Watchlist | None:
        """The watch-list with this id (a number) or name."""
        with self._read() as conn:
            column = "id" if str(key).isdigit() else "name"
            row = conn.execute(f"SELECT * FROM watchlists WHERE {column} = ?", (key,)).fetchone()
            return _row_to_watchlist(row) if row else None

    def remove_watchlist(self, key: str | int) -> bool:
        """Delete a watch-list (by id or name) and its alerts; False if there was none."""
        with self._write() as conn:
            column = "id" if str(key).isdigit() else "name"
            return conn.execute(f"DELETE FROM watchlists WHERE {column} = ?", (key,)).rowcount > 0

    def alert_changes(self, after: int, limit: int = 500) -> list[tuple[int, Event]]:
        """Events written after change mark `after`, oldest change first, each with its mark."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM events e WHERE change_seq > ? ORDER BY change_seq LIMIT ?", (int(after), limit)
            ).fetchall()
            return [(int(r["change_seq"]), e) for r, e in zip(rows, _load_events(conn, rows), strict=True)]

    def record_alerts(self, alerts: Sequence[NewAlert], mark_key: str, mark: int) -> int:
        """Record alerts and move the dispatcher's mark in ONE transaction (no alert lost or doubled
        by a kill at any moment); an alert already raised for its watch-list and event is skipped."""
        added = 0
        with self._write() as conn:
            for a in alerts:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO alerts (watchlist_id, event_id, change_seq, raised, reason, event,"
                    " delivery, next_attempt) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS"
                    " (SELECT 1 FROM watchlists WHERE id = ?)",
                    (
                        a.watchlist_id,
                        a.event_id,
                        a.change_seq,
                        utcnow(),
                        a.reason,
                        json.dumps(a.event, ensure_ascii=False),
                        a.delivery,
                        a.next_attempt,
                        a.watchlist_id,
                    ),
                )
                added += cur.rowcount
            conn.execute(
                "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (mark_key, str(int(mark))),
            )
        return added

    def alerts(
        self, *, watchlist: int | None = None, after: int | None = None, limit: int = 100
    ) -> list[Alert]:
        """Alerts, newest first; `after` gives those with a larger id, oldest first (live streams)."""
        where, params = [], []
        if watchlist is not None:
            where.append("a.watchlist_id = ?")
            params.append(int(watchlist))
        if after is not None:
            where.append("a.id > ?")
            params.append(int(after))
        sql = "SELECT a.*, w.name AS watchlist FROM alerts a JOIN watchlists w ON w.id = a.watchlist_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY a.id {'ASC' if after is not None else 'DESC'} LIMIT ?"
        with self._read() as conn:
            return [_row_to_alert(r) for r in conn.execute(sql, [*params, int(limit)])]

    def claim_deliveries(self, now: float, lease: float, limit: int) -> list[tuple[Alert, str | None]]:
        """Alerts due for a webhook POST, each with its watch-list's URL, claimed for `lease`
        seconds: another dispatcher does not take them meanwhile, and a claim left by a killed
        process runs out and is taken again."""
        with self._write() as conn:
            rows = conn.execute(
                "SELECT a.*, w.name AS watchlist, w.webhook AS webhook FROM alerts a"
                " JOIN watchlists w ON w.id = a.watchlist_id"
                " WHERE a.delivery IN ('pending', 'sending') AND a.next_attempt <= ?"
                " ORDER BY a.next_attempt, a.id LIMIT ?",
                (now, int(limit)),
            ).fetchall()
            conn.executemany(
                "UPDATE alerts SET delivery = 'sending', next_attempt = ? WHERE id = ?",
                [(now + lease, r["id"]) for r in rows],
            )
            return [(_row_to_alert(r), r["webhook"]) for r in rows]

    def finish_delivery(
        self,
        alert_id: int,
        *,
        state: str,
        attempts: int,
        next_attempt: float | None = None,
        error: str | None = None,
    ) -> None:
        """What one delivery try came to: delivered, pending again (next_attempt), failed or none."""
        with self._write() as conn:
            conn.execute(
                "UPDATE alerts SET delivery = ?, attempts = ?, next_attempt = ?, last_error = ?,"
                " delivered = CASE WHEN ? = 'delivered' THEN ? ELSE delivered END WHERE id = ?",
                (state, attempts, next_attempt, error, state, utcnow(), alert_id),
            )

    def add_correction(
        self, event_id: str, kind: str, changes: dict[str, Any], reason: str | None, author: str
    ) -> Correction:
        """Record a correction (or flag) of an event and apply it at once."""
        with self._write() as conn:
            row = conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
            if row is None:
                raise StoreError(f"no event with id {event_id!r}")
            mention_id, document_id, start, end = _lead_anchor(conn, event_id)
            before = before_of(fields_of(row), changes)
            created = utcnow()
            cur = conn.execute(
                'INSERT INTO corrections (event_id, mention_id, document_id, start, "end", kind, changes,'
                " before, reason, author, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event_id,
                    mention_id,
                    document_id,
                    start,
                    end,
                    kind,
                    json.dumps(changes, ensure_ascii=False),
                    json.dumps(before, ensure_ascii=False),
                    reason,
                    author,
                    created,
                ),
            )
            _apply_corrections(conn, event_id, _next_change(conn), fresh=False)
            return Correction(
                int(cur.lastrowid or 0), event_id, mention_id, document_id, start, end, kind,
                changes, before, reason, author, created,
            )  # fmt: skip

    def corrections(self, event_id: str | None = None, limit: int | None = None) -> list[Correction]:
        """The corrections of one event (or all), oldest first."""
        sql = "SELECT * FROM corrections"
        params: list[Any] = []
        if event_id is not None:
            sql += " WHERE event_id = ?"
            params.append(event_id)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._read() as conn:
            return [_row_to_correction(r) for r in conn.execute(sql, params)]

    def reapply_corrections(self) -> int:
        """Find each correction's event again by its anchor and apply them (after a rebuild);
        returns how many events carry corrections."""
        with self._write() as conn:
            found = {}
            for c in conn.execute("SELECT * FROM corrections ORDER BY id").fetchall():
                target = _resolve_anchor(conn, c)
                if target != c["event_id"]:
                    conn.execute("UPDATE corrections SET event_id = ? WHERE id = ?", (target, c["id"]))
                if target is not None:
                    found[target] = True
            change = _next_change(conn)
            for offset, event_id in enumerate(found):
                _apply_corrections(conn, event_id, change + offset, fresh=False)
        return len(found)

    # -- copies (lagebild migrate) ----------------------------------------------------------

    def restore_event(self, event: Event, names: str, embedding: bytes | None, change: int) -> None:
        """Write an event as another store kept it (lagebild.store.copy): its row with the
        source's change number (so that watch-lists' and the alert dispatcher's marks stay
        true), its merge signature (names as JSON, embedding), its flag and correction summary."""
        with self._write() as conn:
            _upsert_event(conn, event, change)
            conn.execute(
                "UPDATE events SET names = ?, embedding = ?, change_seq = ?, flagged = ?, correction = ?"
                " WHERE id = ?",
                (names, embedding, change, int(event.flagged), correction_json(event), event.id),
            )
            _index_names(conn, event.id, set(json.loads(names)))

    def copy_rows(self, table: str, rows: Sequence[dict[str, Any]]) -> int:
        """Insert rows of another store's analyst tables (watch-lists, alerts, corrections) as
        they are, ids included; a row whose id is taken is skipped (an earlier run copied it).
        Returns how many were new."""
        if table not in ANALYST_TABLES:
            raise StoreError(f"{table!r} is not a table copied row by row")
        if not rows:
            return 0
        columns = list(rows[0])
        quoted = ", ".join(f'"{c}"' for c in columns)  # "end" is a keyword
        sql = f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(columns))}) ON CONFLICT (id) DO NOTHING"
        with self._write() as conn:
            before = conn.total_changes
            conn.executemany(sql, [[row[c] for c in columns] for row in rows])
            return conn.total_changes - before


# -- writing helpers (called inside a write transaction) ---------------------------------------


def _next_change(conn: sqlite3.Connection) -> int:
    # Writers are serialised by BEGIN IMMEDIATE, so max + 1 is monotonic across processes.
    return int(conn.execute("SELECT coalesce(max(change_seq), 0) + 1 FROM events").fetchone()[0])


def _upsert_event(conn: sqlite3.Connection, event: Event, change: int) -> None:
    place = event.location
    values = event_row(event, change)
    row = conn.execute("SELECT seq, first_seen FROM events WHERE id = ?", (event.id,)).fetchone()
    if row is None:
        cur = conn.execute(
            f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(_EVENT_COLUMNS))})",
            [values[c] for c in _EVENT_COLUMNS],
        )
        seq = cur.lastrowid
    else:
        seq = row["seq"]
        values["first_seen"] = min(row["first_seen"], event.first_seen)
        columns = [c for c in _EVENT_COLUMNS if c != "id"]
        conn.execute(
            f"UPDATE events SET {', '.join(f'{c} = ?' for c in columns)} WHERE seq = ?",
            [values[c] for c in columns] + [seq],
        )
        conn.execute("DELETE FROM events_rtree WHERE seq = ?", (seq,))
    if place is not None:
        conn.execute(
            "INSERT INTO events_rtree (seq, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)",
            (seq, place.lon, place.lon, place.lat, place.lat),
        )
    _insert_evidence(conn, event.id, event.evidence)
    # The machine's reading was just written: an analyst's corrections of the event win again.
    _apply_corrections(conn, event.id, change, fresh=True)


def _insert_evidence(conn: sqlite3.Connection, event_id: str, evidence: Iterable[Evidence]) -> int:
    titles: dict[str, str] = {}
    added = 0
    for ev in evidence:
        cur = conn.execute(
            'INSERT OR IGNORE INTO evidence (event_id, document_id, sentence, start, "end", lang, url, source)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (event_id, ev.document_id, ev.sentence, int(ev.start), int(ev.end), ev.lang, ev.url, ev.source),
        )
        if cur.rowcount != 1:
            continue
        added += 1
        if ev.document_id not in titles:
            row = conn.execute("SELECT title FROM documents WHERE id = ?", (ev.document_id,)).fetchone()
            titles[ev.document_id] = (row[0] if row else None) or ""
        conn.execute(
            "INSERT INTO evidence_fts (rowid, sentence, title) VALUES (?, ?, ?)",
            (cur.lastrowid, ev.sentence, titles[ev.document_id]),
        )
    return added


def _store_decision(conn: sqlite3.Connection, document_id: str, d: Decision, change: int) -> None:
    """Write one merge decision: the mentions with their event, and that event summarised again."""
    stored = None
    target = _resolve_event(conn, d.target) if d.target is not None else None
    if target is not None and d.absorb:
        target = _fold_events(conn, target, d.absorb)
    if target is not None:
        stored = conn.execute(
            "SELECT id, first_seen, names, embedding FROM events WHERE id = ?", (target,)
        ).fetchone()
    event_id = stored["id"] if stored is not None else d.mentions[0].id
    lead_embedding = blob(d.embedding)
    conn.executemany(
        "INSERT INTO mentions (id, document_id, event_id, confidence, data, embedding) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET event_id = excluded.event_id,"
        " embedding = coalesce(mentions.embedding, excluded.embedding)",
        mention_rows(document_id, event_id, d.mentions, lead_embedding),
    )
    for other, vector in d.embedded.items():
        # Kept with the stored event and with its lead mention, so that a rebuild finds it again.
        conn.execute(
            "UPDATE events SET embedding = ? WHERE id = ? AND embedding IS NULL", (blob(vector), other)
        )
        conn.execute(
            "UPDATE mentions SET embedding = ? WHERE embedding IS NULL AND seq ="
            " (SELECT min(seq) FROM mentions WHERE event_id = ?)",
            (blob(vector), other),
        )
    if stored is None:
        # A new event: the plan's summary of its mentions, as it is; a rebuild finds the lead
        # mention's embedding where an earlier merge stored it.
        _upsert_event(conn, d.event, change)
        conn.execute(
            "UPDATE events SET names = ?, embedding = coalesce(?, (SELECT embedding FROM mentions WHERE id = ?))"
            " WHERE id = ?",
            (names_json(d.names), lead_embedding, d.mentions[0].id, event_id),
        )
        _index_names(conn, event_id, d.names)
        return
    surest = conn.execute(
        "SELECT data FROM mentions WHERE event_id = ? ORDER BY confidence DESC, seq LIMIT ?",
        (event_id, SUMMARY_MENTIONS + len(d.mentions) + 1),
    ).fetchall()
    first = conn.execute("SELECT data FROM mentions WHERE event_id = ? ORDER BY seq LIMIT 1", (event_id,))
    merged = summary_when_joined(
        event_id,
        stored["first_seen"],
        Event.from_dict(json.loads(first.fetchone()[0])),
        (Event.from_dict(json.loads(row[0])) for row in surest),
        d.mentions,
    )
    _upsert_event(conn, merged, change)
    _index_names(conn, event_id, d.names)
    # Counted over all its mentions and evidence, not only those summarised.
    counts = conn.execute(
        "SELECT count(*), count(DISTINCT document_id) FROM mentions WHERE event_id = ?", (event_id,)
    ).fetchone()
    sources = conn.execute(
        "SELECT count(DISTINCT coalesce(source, url, document_id)), json_group_array(DISTINCT lang)"
        " FROM evidence WHERE event_id = ? AND lang != 'und'",
        (event_id,),
    ).fetchone()
    conn.execute(
        "UPDATE events SET num_mentions = ?, num_articles = ?, num_sources = max(1, ?), languages = ?,"
        " names = ?, embedding = ? WHERE id = ?",
        (
            counts[0],
            counts[1],
            sources[0],
            json.dumps(sorted(json.loads(sources[1]))),
            names_json(set(json.loads(stored["names"])) | d.names),
            stored["embedding"] or None,
            event_id,
        ),
    )


def _resolve_event(conn: sqlite3.Connection, event_id: str) -> str | None:
    """The stored event `event_id` is now: itself, or the event it was folded into."""
    for _ in range(64):  # chains are short; the bound only guards against a cycle
        if conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone():
            return event_id
        row = conn.execute("SELECT value FROM kv WHERE key = ?", (FOLDED + event_id,)).fetchone()
        if row is None:
            return None
        event_id = row[0]
    return None


def _fold_events(conn: sqlite3.Connection, target: str, absorb: Sequence[str]) -> str:
    """Fold the events `absorb` and `target` into the oldest of them (the one whose id readers
    have known longest); return its id. Mentions, evidence and names move; the folded ids stay
    resolvable (get_event answers with the event they were folded into)."""
    ids = {target, *(r for r in (_resolve_event(conn, a) for a in absorb) if r is not None)}
    if len(ids) == 1:
        return target
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT seq, id, first_seen, names, embedding FROM events WHERE id IN ({marks}) ORDER BY seq",
        sorted(ids),
    ).fetchall()
    keep, folded = rows[0], rows[1:]
    for row in folded:
        old = row["id"]
        conn.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", (keep["id"], old))
        conn.execute("UPDATE OR IGNORE evidence SET event_id = ? WHERE event_id = ?", (keep["id"], old))
        # A sentence both events already held: one copy stays, with its full-text row.
        conn.execute(
            "DELETE FROM evidence_fts WHERE rowid IN (SELECT id FROM evidence WHERE event_id = ?)", (old,)
        )
        conn.execute("DELETE FROM evidence WHERE event_id = ?", (old,))
        conn.execute("DELETE FROM event_names WHERE seq = ?", (row["seq"],))
        conn.execute("DELETE FROM events_rtree WHERE seq = ?", (row["seq"],))
        conn.execute("DELETE FROM events WHERE seq = ?", (row["seq"],))
        conn.execute(
            "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (FOLDED + old, keep["id"]),
        )
    sig = folded_signature(keep, folded)
    conn.execute(
        "UPDATE events SET names = ?, embedding = ?, first_seen = ? WHERE seq = ?",
        (names_json(sig.names), sig.embedding, sig.first_seen, keep["seq"]),
    )
    _index_names(conn, keep["id"], sig.names)
    return str(keep["id"])


def _index_names(conn: sqlite3.Connection, event_id: str, names: set[str]) -> None:
    """Block the event under its names (the longest first: the rarer), dated by its event."""
    row = conn.execute(
        f"SELECT seq, julianday({_FULL_DATE}) FROM events e WHERE e.id = ?", (event_id,)
    ).fetchone()
    if row is None or row[1] is None:
        return
    chosen = sorted((n for n in names if not n.startswith("@")), key=lambda n: (-len(n), n))[:_BLOCK_NAMES]
    conn.executemany(
        "INSERT OR IGNORE INTO event_names (name, seq, day) VALUES (?, ?, ?)",
        [(n, row[0], row[1]) for n in chosen],
    )


# -- reading helpers ---------------------------------------------------------------------------


def _load_events(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[Event]:
    """Events for `rows` of the events table, each with all its evidence, in `rows` order."""
    evidence: dict[str, list[Evidence]] = {row["id"]: [] for row in rows}
    ids = list(evidence)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        for ev in conn.execute(
            f"SELECT * FROM evidence WHERE event_id IN ({', '.join('?' * len(chunk))}) ORDER BY id", chunk
        ):
            evidence[ev["event_id"]].append(_row_to_evidence(ev))
    return [_row_to_event(row, evidence[row["id"]]) for row in rows]


def _count(conn: sqlite3.Connection, query: EventQuery, at_most: int | None) -> int:
    where, params = _where(query, conn)
    sql = "SELECT 1 FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
    if at_most is not None:
        sql += f" LIMIT {int(_check_limit(at_most))}"  # type: ignore[arg-type]
    return int(conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])


def _contracts(conn: sqlite3.Connection, seqs: Sequence[int]) -> list[dict[str, Any]]:
    """The event contract of the events `seqs` (in that order), each with all its evidence."""
    rows: dict[int, sqlite3.Row] = {}
    evidence: dict[str, list[dict[str, Any]]] = {}
    for i in range(0, len(seqs), _CHUNK):
        chunk = list(seqs[i : i + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        for row in conn.execute(f"SELECT * FROM events WHERE seq IN ({marks})", chunk):
            rows[row["seq"]] = row
            evidence[row["id"]] = []
        ids = [rows[seq]["id"] for seq in chunk if seq in rows]
        for ev in conn.execute(
            'SELECT event_id, document_id, sentence, start, "end", lang, url, source FROM evidence'
            f" WHERE event_id IN ({', '.join('?' * len(ids))}) ORDER BY id",
            ids,
        ):
            evidence[ev["event_id"]].append(evidence_dict(ev))
    return [event_dict(rows[seq], evidence[rows[seq]["id"]]) for seq in seqs if seq in rows]


def _row_to_evidence(ev: sqlite3.Row) -> Evidence:
    return Evidence(
        document_id=ev["document_id"],
        sentence=ev["sentence"],
        start=ev["start"],
        end=ev["end"],
        lang=ev["lang"],
        url=ev["url"],
        source=ev["source"],
    )


def _vector(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)


def _row_to_event(row: sqlite3.Row, evidence: list[Evidence]) -> Event:
    return Event(
        id=row["id"],
        type=row["type"],
        mode=row["mode"],
        acled_event_type=row["acled_event_type"],
        acled_sub_event_type=row["acled_sub_event_type"],
        cameo_root=row["cameo_root"],
        actors=[Actor.from_dict(a) for a in json.loads(row["actors"])],
        recipients=[Actor.from_dict(a) for a in json.loads(row["recipients"])],
        location=Place.from_dict(json.loads(row["location"])) if row["location"] else None,
        date=row["date"],
        date_precision=row["date_precision"],
        modality=row["modality"],
        confidence=row["confidence"],
        evidence=evidence,
        num_sources=row["num_sources"],
        first_seen=row["first_seen"],
        updated=row["updated"],
        fatalities=row["fatalities"],
        injured=row["injured"],
        num_articles=row["num_articles"],
        num_mentions=row["num_mentions"],
        languages=json.loads(row["languages"]),
        disagreement=json.loads(row["disagreement"]),
        flagged=bool(row["flagged"]),
        correction=json.loads(row["correction"]) if row["correction"] else None,
    )


# -- query building ----------------------------------------------------------------------------


def _where(
    q: EventQuery,
    conn: sqlite3.Connection | None = None,
    *,
    ordered: bool = False,
    page: int | None = None,
) -> tuple[list[str], list[Any]]:
    """SQL conditions (on alias `e`) and their parameters for the filters of `q`.

    With `conn`, a bbox is searched the faster way for its size (see `_bbox_clause`);
    `ordered` says that the query reads rows in page order (date, seq descending), `page` how
    many of them it wants."""
    where, params, _ = _conditions(q, conn, ordered=ordered, page=page)
    return where, params


def _conditions(
    q: EventQuery,
    conn: sqlite3.Connection | None = None,
    *,
    ordered: bool = False,
    page: int | None = None,
) -> tuple[list[str], list[Any], bool]:
    """`_where`, and whether the matches come from an R*Tree search that found at most
    `_rtree_limit(ordered, page)` entries (few enough to count while reading a page)."""
    where: list[str] = []
    params: list[Any] = []
    bounded = False
    if q.since:
        where.append("e.date >= ?")
        params.append(_check_date(q.since, "since"))
    if q.until:
        until = _check_date(q.until, "until")
        # A partial date ("2024-03") includes the whole period.
        where.append("substr(e.date, 1, ?) <= ?")
        params += [len(until), until]
    if q.type:
        where.append("e.type = ? COLLATE NOCASE")
        params.append(q.type.strip())
    if q.mode:
        where.append("e.mode = ? COLLATE NOCASE")
        params.append(q.mode.strip())
    if q.acled_type:
        where.append("e.acled_event_type = ? COLLATE NOCASE")
        params.append(q.acled_type.strip())
    if q.country:
        where.append("e.country = ?")
        params.append(_country_alpha2(q.country))
    if q.actor and q.actor.strip():
        where.append("instr(e.actor_text, ?) > 0")
        params.append(q.actor.strip().casefold())
    if q.bbox is not None:
        days = _day_range(q.since, q.until) if (q.since or q.until) else None
        clause, bbox_params, indexed = _bbox_clause(q.bbox, days, conn, _rtree_limit(ordered, page))
        where.append(clause)
        params += bbox_params
        bounded = indexed and conn is not None
        if not indexed and ordered:
            # The same date conditions in the form of the events_order index, so that a page
            # reads rows in page order from the date range only. (A count reads every row in
            # table order instead: faster than hopping from the index when the box is large.)
            if q.since:
                where.append(f"{_SORT_KEY} >= ?")
                params.append(q.since.strip())
            if q.until:
                where.append(f"{_SORT_KEY} <= ?")
                params.append(q.until.strip() + "\uffff")  # every date in the period sorts below
    if q.q and q.q.strip():
        match = fts_query(q.q)
        if not match:
            where.append("0")  # only punctuation: matches nothing rather than everything
        else:
            where.append(
                "e.id IN (SELECT event_id FROM evidence WHERE id IN"
                " (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?))"
            )
            params.append(match)
    if q.lang:
        where.append("EXISTS (SELECT 1 FROM evidence ev WHERE ev.event_id = e.id AND ev.lang = ?)")
        params.append(q.lang.strip().lower())
    if q.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(_check_confidence(q.min_confidence))
    if q.modality is not None:
        modalities = (q.modality,) if isinstance(q.modality, str) else tuple(q.modality)
        unknown = sorted(set(modalities) - set(MODALITIES))
        if unknown:
            raise StoreError(
                f"unknown modality {', '.join(unknown)} (expected some of {', '.join(MODALITIES)})"
            )
        where.append(f"e.modality IN ({', '.join('?' * len(modalities))})")
        params += modalities
    if q.updated_since:
        where.append("e.updated >= ?")
        params.append(_normalise_timestamp(q.updated_since))
    if q.flagged is not None:  # analysts' flags (lagebild.corrections): hidden unless asked for
        where.append("e.flagged = ?")
        params.append(1 if q.flagged else 0)
    return where, params, bounded


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for what a user typed, safe from FTS syntax errors.

    Every word becomes a quoted token and all must match; "quoted phrases" stay phrases and a
    trailing * asks for a prefix match (`Kharkiv*`). Operators and brackets are taken literally.
    """
    parts = []
    for match in re.finditer(r'"([^"]*)"|(\S+)', text):
        phrase, word = match.group(1), match.group(2)
        prefix = False
        if phrase is None:
            prefix = word.endswith("*")
            phrase = word.rstrip("*")
        if not any(ch.isalnum() for ch in phrase):
            continue
        parts.append('"' + phrase.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " AND ".join(parts)


def _day_range(since: str | None, until: str | None) -> tuple[float, float]:
    """Julian day numbers around since..until, a day wider on each side: the search in
    `events_rtree_time` only narrows, the date conditions decide (and are already checked)."""
    first = _period(since)[0] if since else date(1, 1, 1)
    last = _period(until)[1] if until else date(9999, 12, 31)
    return first.toordinal() + _JULIAN_OFFSET - 1, last.toordinal() + _JULIAN_OFFSET + 1


def _period(value: str) -> tuple[date, date]:
    """First and last day of a checked (maybe partial) ISO date."""
    parts = [int(p) for p in value.strip().split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        if parts[1] == 12:  # the day after 9999-12 is no date: end the month without it
            return first, date(parts[0], 12, 31)
        following = date(parts[0], parts[1] + 1, 1)
        return first, following - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _bbox_clause(
    bbox: Sequence[float],
    days: tuple[float, float] | None = None,
    conn: sqlite3.Connection | None = None,
    most: int | None = None,
) -> tuple[str, list[Any], bool]:
    """The condition for `bbox` (and the date range in `days`, if any), its parameters, and
    whether it searches the R*Tree (False: the box holds so many events that reading rows in
    date order and comparing coordinates is faster; with `conn` the store probes which)."""
    west, south, east, north = check_bbox(bbox)
    # The R*Tree stores 32-bit floats rounded outwards: it narrows the search, the exact
    # comparison on lat/lon decides. west > east means the box crosses the antimeridian.
    # With a date range (a map view) the search runs in space and time at once (migration 2).
    if west <= east:
        exact = "e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?"
        lon_ranges = [(west, east)]
    else:
        exact = "e.lat BETWEEN ? AND ? AND (e.lon >= ? OR e.lon <= ?)"
        lon_ranges = [(west, 180.0), (-180.0, east)]
    exact_params: list[Any] = [south, north, west, east]
    table, dims = "events_rtree", "min_lat <= ? AND max_lat >= ? AND min_lon <= ? AND max_lon >= ?"
    if days is not None:
        table, dims = "events_rtree_time", dims + " AND min_day <= ? AND max_day >= ?"
    rtree_sql = " UNION ALL ".join(f"SELECT seq FROM {table} WHERE {dims}" for _ in lon_ranges)
    rtree_params: list[Any] = []
    for low, high in lon_ranges:
        rtree_params += [north, south, high, low, *([days[1], days[0]] if days is not None else [])]
    if conn is not None and _many(conn, rtree_sql, rtree_params, most or RTREE_MAX_MATCHES):
        return exact, exact_params, False
    return f"e.seq IN ({rtree_sql}) AND {exact}", rtree_params + exact_params, True


# -- the map's default view from events_map (migration 5) ----------------------------------------


# events_map entries a page may sort: ~0.2 us each, against ~2 us for each row that reading in
# date order passes over (about page x events in the date range / matches of them). Beyond this
# many, a view is dense enough that date order wins (a whole-world map over two years: 160 ms
# sorted in events_map, 16 ms in date order, on 1,000,000 events).
MAP_SORT_MAX = 20_000


def _on_map_tree(q: EventQuery) -> bool:
    """Whether events_map answers `q` alone: a box and a date range over asserted, unflagged
    events, the map's view, with no filter that needs the event rows."""
    if q.bbox is None or not (q.since or q.until) or q.flagged is not False:
        return False
    modalities = (q.modality,) if isinstance(q.modality, str) else tuple(q.modality or ())
    if set(modalities) != {"asserted"}:
        return False
    others = (q.type, q.mode, q.acled_type, q.country, q.lang, q.updated_since)
    return (
        not any(others)
        and not (q.actor and q.actor.strip())
        and not (q.q and q.q.strip())
        and (q.min_confidence is None)
    )


def _is_date(value: str) -> bool:
    """Whether `value` is a canonical ISO date (YYYY, YYYY-MM or YYYY-MM-DD), as events_map keeps."""
    try:
        return _check_date(value, "date") == value
    except StoreError:
        return False


def _map_key(value: str, *, last: bool = False) -> int:
    """events_map's sort key of a checked ISO date (`last`: of the last day of its period)."""
    first, end = _period(value)
    if last:
        return end.toordinal() * 4 + 2
    return first.toordinal() * 4 + (len(value) - 4) // 3


def _map_matches(q: EventQuery) -> tuple[str, list[Any]]:
    """SELECT seq, key of the events_map entries matching `q` (see `_on_map_tree`).

    The R*Tree holds 32-bit floats rounded outwards: an entry whose box lies inside the bbox is
    inside; one that only overlaps its edge is decided by the event row's own coordinates."""
    west, south, east, north = check_bbox(q.bbox)  # type: ignore[arg-type]
    low = _map_key(_check_date(q.since, "since")) if q.since else 0
    high = _map_key(_check_date(q.until, "until"), last=True) if q.until else 2**24
    ranges = [(west, east)] if west <= east else [(west, 180.0), (-180.0, east)]
    parts, params = [], []
    for lo, hi in ranges:
        parts.append(
            "SELECT seq, max_key AS key FROM events_map m WHERE min_lat <= ? AND max_lat >= ?"
            " AND min_lon <= ? AND max_lon >= ? AND min_key <= ? AND max_key >= ?"
            " AND ((min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ?) OR (SELECT"
            " e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? FROM events e WHERE e.seq = m.seq))"
        )
        params += [north, south, hi, lo, high, low, south, north, lo, hi, south, north, lo, hi]
    return " UNION ALL ".join(parts), params


# With more events than this in a box, reading rows in date order (or all of them, to count)
# beats looking each one up from the R*Tree: a zoomed-out map view over a large store.
RTREE_MAX_MATCHES = 50_000
# A page of n events read in date order stops after about n * D / M rows (D events in the time
# range, M of them in the box); looked up from the R*Tree it reads all M. Reading in date order
# wins once M > sqrt(n * D): for a page of 100 and a few hundred thousand events in range, some
# 5,000 (measured on 1,000,000 events: map-view p99 61 -> 29 ms, and a cheaper probe).
PAGE_RTREE_FACTOR = 50


def _rtree_limit(ordered: bool, page: int | None) -> int:
    """How many R*Tree matches a query may look up before reading rows in date order wins."""
    if not ordered or page is None:
        return RTREE_MAX_MATCHES
    return min(RTREE_MAX_MATCHES, max(2_000, PAGE_RTREE_FACTOR * page))


def _many(conn: sqlite3.Connection, rtree_sql: str, params: list[Any], most: int = RTREE_MAX_MATCHES) -> bool:
    """Whether the R*Tree finds more than `most` entries (stops counting there)."""
    sql = f"SELECT count(*) FROM (SELECT 1 FROM ({rtree_sql}) LIMIT {int(most) + 1})"
    return int(conn.execute(sql, params).fetchone()[0]) > most


def _check_date(value: str, name: str) -> str:
    value = value.strip()
    if _DATE.match(value):
        parts = [int(p) for p in value.split("-")] + [1, 1]
        try:
            date(parts[0], parts[1], parts[2])
            return value
        except ValueError:
            pass
    raise StoreError(f"{name}: expected a date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")


def _normalise_timestamp(value: str) -> str:
    """`updated_since` in the form `updated` is stored in (UTC, +00:00), so strings compare as times."""
    value = value.strip()
    if _DATE.match(value):
        return _check_date(value, "updated_since")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise StoreError(f"updated_since: expected an ISO 8601 date or time, got {value!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC).isoformat()
    except OverflowError:
        # 0001-01-01T00:00+14:00 is before the first UTC moment there is (everything was updated
        # since), 9999-12-31T23:59-14:00 after the last (nothing was): the nearest end decides.
        edge = datetime.min if moment.year == 1 else datetime.max
        return edge.replace(tzinfo=UTC).isoformat()


def _check_confidence(value: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise StoreError(f"min_confidence must be a number between 0 and 1, got {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise StoreError(f"min_confidence must be between 0 and 1, got {number}")
    return number


def _check_limit(limit: int | None) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise StoreError(f"limit must be a positive whole number, got {limit!r}")
    return limit


def _country_alpha2(value: str) -> str:
    """Accept ISO alpha-2 or alpha-3 codes (events store alpha-2)."""
    code = value.strip().upper()
    if len(code) == 3 and code.isalpha():
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            return country.alpha_2
    if len(code) != 2 or not code.isalpha():
        raise StoreError(f"country: expected an ISO 3166 code like UA or UKR, got {value!r}")
    return code


def _encode_cursor(sort_date: str, seq: int) -> str:
    raw = json.dumps([sort_date, seq], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[str, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sort_date, seq = json.loads(raw)
        # SQLite integers are 64-bit: a larger sequence number overflows in the query.
        if (
            isinstance(sort_date, str)
            and isinstance(seq, int)
            and not isinstance(seq, bool)
            and 0 <= seq < 2**63
        ):
            return sort_date, seq
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        pass
    raise StoreError("invalid cursor: pass the cursor of a previous page unchanged")


# -- watch-lists, alerts, corrections: helpers -------------------------------------------------


def _row_to_watchlist(row: Any) -> Watchlist:
    return Watchlist(
        id=int(row["id"]),
        name=row["name"],
        filter=Filter.from_dict(json.loads(row["filter"])),
        webhook=row["webhook"],
        created=row["created"],
        since_change=int(row["since_change"]),
    )


def _row_to_alert(row: Any) -> Alert:
    return Alert(
        id=int(row["id"]),
        watchlist_id=int(row["watchlist_id"]),
        watchlist=row["watchlist"],
        event_id=row["event_id"],
        change_seq=int(row["change_seq"]),
        raised=row["raised"],
        reason=row["reason"],
        event=json.loads(row["event"]),
        delivery=row["delivery"],
        attempts=int(row["attempts"]),
        next_attempt=row["next_attempt"],
        last_error=row["last_error"],
        delivered=row["delivered"],
    )


def _row_to_correction(row: Any) -> Correction:
    return Correction(
        id=int(row["id"]),
        event_id=row["event_id"],
        mention_id=row["mention_id"],
        document_id=row["document_id"],
        start=int(row["start"]),
        end=int(row["end"]),
        kind=row["kind"],
        changes=json.loads(row["changes"]),
        before=json.loads(row["before"]),
        reason=row["reason"],
        author=row["author"],
        created=row["created"],
    )


def _lead_anchor(conn: sqlite3.Connection, event_id: str) -> tuple[str, str, int, int]:
    """What a correction of `event_id` is anchored to: its lead mention and that mention's sentence."""
    mention = conn.execute(
        "SELECT id, data FROM mentions WHERE event_id = ? ORDER BY seq LIMIT 1", (event_id,)
    ).fetchone()
    if mention is not None:
        evidence = json.loads(mention["data"]).get("evidence") or []
        if evidence:
            ev = evidence[0]
            return mention["id"], ev["document_id"], int(ev["start"]), int(ev["end"])
    lead = conn.execute(
        'SELECT document_id, start, "end" FROM evidence WHERE event_id = ? ORDER BY id LIMIT 1', (event_id,)
    ).fetchone()
    mention_id = mention["id"] if mention is not None else event_id
    if lead is None:
        return mention_id, "", 0, 0
    return mention_id, lead[0], int(lead[1]), int(lead[2])


def _resolve_anchor(conn: sqlite3.Connection, c: Any) -> str | None:
    """The event a correction belongs to now: the one holding its mention, else its sentence."""
    row = conn.execute(
        "SELECT m.event_id FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.id = ?",
        (c["mention_id"],),
    ).fetchone()
    if row is None:
        row = conn.execute("SELECT id FROM events WHERE id = ?", (c["mention_id"],)).fetchone()
    if row is None and c["document_id"]:
        row = conn.execute(
            'SELECT event_id FROM evidence WHERE document_id = ? AND start = ? AND "end" = ? ORDER BY id LIMIT 1',
            (c["document_id"], c["start"], c["end"]),
        ).fetchone()
    return row[0] if row else None


def _apply_corrections(conn: sqlite3.Connection, event_id: str, change: int, *, fresh: bool) -> None:
    """Set an event's row to its corrected values. `fresh`: the row holds the machine's reading
    (just written), so the summary's `original` is taken from it again."""
    # Its own corrections, and those anchored to a mention it holds now: an event that absorbed
    # another (or was re-grouped by a rebuild) carries the corrections of the mentions it took in.
    # Corrections are few (made by hand): scanning their table is cheap, and nothing when empty.
    rows = conn.execute(
        "SELECT c.* FROM corrections c LEFT JOIN mentions m ON m.id = c.mention_id"
        " WHERE c.event_id = ? OR m.event_id = ? ORDER BY c.id",
        (event_id, event_id),
    ).fetchall()
    if not rows:
        return
    moved = [r["id"] for r in rows if r["event_id"] != event_id]
    for correction_id in moved:
        conn.execute("UPDATE corrections SET event_id = ? WHERE id = ?", (event_id, correction_id))
    row = conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return
    previous = None if fresh or not row["correction"] else json.loads(row["correction"])
    columns, summary, flagged = applied(row, [_row_to_correction(r) for r in rows], previous)
    place = columns.pop("location")
    values: dict[str, Any] = {
        **columns,
        "location": json.dumps(place, ensure_ascii=False) if place else None,
        "lat": place["lat"] if place else None,
        "lon": place["lon"] if place else None,
        "country": place.get("country") if place else None,
        "precision": place.get("precision") if place else None,
        "place_name": place.get("name") if place else None,
        "flagged": int(flagged),
        "correction": json.dumps(summary, ensure_ascii=False),
        "change_seq": change,
    }
    if not fresh:
        values["updated"] = utcnow()
    conn.execute(
        f"UPDATE events SET {', '.join(f'{c} = ?' for c in values)} WHERE seq = ?",
        [*values.values(), row["seq"]],
    )
    if values["location"] != row["location"]:
        conn.execute("DELETE FROM events_rtree WHERE seq = ?", (row["seq"],))
        if place:
            conn.execute(
                "INSERT INTO events_rtree (seq, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)",
                (row["seq"], place["lon"], place["lon"], place["lat"], place["lat"]),
            )
