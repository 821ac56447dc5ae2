"""The PostgreSQL + PostGIS store: one database shared by many writers, servers and machines.

The same `Store` as `SQLiteStore`, answer for answer: the same filters, the same newest-first
order and keyset cursors (text that is sorted is COLLATE "C", byte order as in SQLite), the same
full-text semantics (all words must match, "quoted phrases", a trailing * for a prefix) on a
`tsvector` of the `simple` configuration, so that every language is searched alike. Places are a
PostGIS point (SRID 4326) under a GiST index; a map view is `geom && box` plus the date range.

Concurrency: one `PostgresStore` holds ONE connection and every method takes the store's lock,
so an instance may be shared between threads (open several for parallel reads: the API server
keeps a small pool). Writers in any process are serialised by a transaction-level advisory lock,
which makes the change counter (max + 1) gap-free and committed in order: a live stream that
has seen change N never misses a later commit with a smaller number. Every write commits with a
NOTIFY on `lagebild_changes`, so servers wake their live streams at once (`ChangeListener`).

Durability: each document is one transaction; a process killed at any moment leaves either the
whole document with all its events and evidence, or nothing.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import psycopg
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row

from lagebild.alerts.watchlists import Alert, Filter, NewAlert, Watchlist, filter_json
from lagebild.corrections import Correction, applied, before_of, fields_of
from lagebild.merge.decide import FAR_KM, WINDOW_DAYS
from lagebild.merge.features import date_range
from lagebild.merge.link import Candidate, Decision, lead_sentence
from lagebild.model import MODALITIES, Document, Event, Evidence, utcnow
from lagebild.store.base import EventQuery, StoreError, StoreUnavailable, check_bbox
from lagebild.store.contract import event_dict, evidence_dict
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

# The checks of user input and the merge's limits are SQLite's own, so that both backends
# accept, refuse and merge alike.
from lagebild.store.sqlite import (
    MERGE_CANDIDATES,
    _check_confidence,
    _check_date,
    _check_limit,
    _country_alpha2,
    _decode_cursor,
    _encode_cursor,
    _normalise_timestamp,
    _period,
    _row_to_alert,
    _row_to_correction,
    _row_to_event,
    _row_to_evidence,
    _row_to_watchlist,
    _vector,
)

PAGE_SIZE = 500  # events per page when iterating over everything (exports)
CHANNEL = "lagebild_changes"  # NOTIFY channel; the payload is the new change number
_WRITE_LOCK = 0x6C616762  # "lagb": the advisory lock that serialises writers
_MIGRATE_LOCK = 0x6C61676D  # "lagm": the advisory lock taken while migrating
_SORT_KEY = "coalesce(e.date, '')"  # must match the events_order index expression
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

_DOCUMENT_COLUMNS = (
    "id",
    "url",
    "source",
    "title",
    "published",
    "lang",
    "author",
    "text",
    "fetched_at",
    "ingested_at",
)
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
    "geom",
    "day",
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
# Bucket start of an event's first day (`day`, NULL when the date is missing or unreadable).
TIMELINE_BUCKETS: dict[str, str] = {
    "day": "to_char(e.day, 'YYYY-MM-DD')",
    "week": "to_char(date_trunc('week', e.day), 'YYYY-MM-DD')",  # ISO weeks start on Monday
    "month": "to_char(date_trunc('month', e.day), 'YYYY-MM-DD')",
}


# -- migrations --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def migrations() -> tuple[Migration, ...]:
    """The PostgreSQL migrations shipped with the package, in order (1, 2, 3 ... without gaps)."""
    found = []
    for entry in resources.files("lagebild.store.pg_migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise StoreError(f"migration {migration.name} is out of sequence (expected {expected:04d})")
    return tuple(found)


def latest_version() -> int:
    return len(migrations())


def schema_version(conn: psycopg.Connection) -> int:
    """The schema version of the database behind `conn`; 0 if lagebild never migrated it."""
    row = conn.execute("SELECT to_regclass('lagebild_schema') IS NOT NULL AS present").fetchone()
    if not row["present"]:
        return 0
    row = conn.execute("SELECT max(version) AS v FROM lagebild_schema").fetchone()
    return int(row["v"] or 0)


def migrate(conn: psycopg.Connection, *, create: bool = True) -> int:
    """Bring the database to the latest schema in ONE transaction; returns its version.

    A crash half-way leaves the old version; two processes opening a new database at once wait
    for each other on an advisory lock. `create=False` refuses a database without our schema.
    """
    latest = latest_version()
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_LOCK,))
        current = schema_version(conn)
        if current > latest:
            raise StoreError(
                f"the database has schema version {current}, newer than this lagebild supports "
                f"({latest}); upgrade lagebild to open it"
            )
        if current == latest:
            return latest
        if current == 0:
            if not create:
                raise StoreUnavailable("no lagebild database there (it has no lagebild tables)")
            if conn.execute("SELECT to_regclass('documents') IS NOT NULL AS t").fetchone()["t"]:
                raise StoreError("the database holds tables of another program, not a lagebild database")
            conn.execute(
                "CREATE TABLE lagebild_schema (version integer PRIMARY KEY, name text NOT NULL,"
                " applied_at timestamptz NOT NULL DEFAULT now())"
            )
        for migration in migrations()[current:]:
            try:
                conn.execute(migration.sql)  # no parameters: the whole file runs as one script
            except psycopg.errors.FeatureNotSupported as exc:
                raise StoreError(f"migration {migration.name} failed: {exc}") from None
            except psycopg.errors.UndefinedFile as exc:
                raise StoreError(
                    f"PostGIS is not installed on the server ({exc}); install it (Debian: postgresql-15-postgis-3)"
                ) from None
            except psycopg.errors.InsufficientPrivilege as exc:
                raise StoreError(
                    f"cannot set up the schema: {exc}; a superuser must run CREATE EXTENSION postgis in this"
                    " database once"
                ) from None
            conn.execute(
                "INSERT INTO lagebild_schema (version, name) VALUES (%s, %s)",
                (migration.version, migration.name),
            )
    return latest


# -- the store ---------------------------------------------------------------------------------


@contextmanager
def _pipelined_transaction(conn: psycopg.Connection) -> Iterator[None]:
    """A transaction whose BEGIN and COMMIT are statements of one pipeline, answered by its one
    sync at the end. (psycopg's `transaction()` in a pipeline syncs at its start and twice at its
    end: three more waits for the server per document.) Any failure rolls it back."""
    try:
        with conn.pipeline():
            conn.execute("BEGIN")
            yield
            conn.execute("COMMIT")
    except BaseException:
        if not conn.broken and conn.info.transaction_status != TransactionStatus.IDLE:
            conn.execute("ROLLBACK")
        raise


def _redact(url: str) -> str:
    """The URL without its password, for messages and `store.url`."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _connect(url: str) -> psycopg.Connection:
    try:
        return psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
    except psycopg.Error as exc:
        raise StoreUnavailable(f"cannot open database {_redact(url)}: {str(exc).strip()}") from None


class PostgresStore:
    """`Store` on one PostgreSQL database with PostGIS; creates and migrates the schema on open."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        self._dsn = url.replace("postgres://", "postgresql://", 1)
        # The URL as given (servers reopen it); messages show it without a password. Passwords
        # are best kept out of URLs altogether: libpq reads PGPASSWORD and ~/.pgpass.
        self.url = self._dsn
        self._shown = _redact(self._dsn)
        self._lock = threading.RLock()
        conn = _connect(self._dsn)
        try:
            migrate(conn, create=create)
        except StoreUnavailable as exc:
            conn.close()
            raise StoreUnavailable(f"{exc}: {self._shown}") from None
        except (StoreError, psycopg.Error) as exc:
            conn.close()
            raise StoreUnavailable(f"cannot open database {self._shown}: {str(exc).strip()}") from None
        self._conn: psycopg.Connection | None = conn

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def _db(self) -> psycopg.Connection:
        if self._conn is None:
            raise StoreUnavailable(f"the store {self._shown} is closed")
        if self._conn.broken:  # the server restarted or the network dropped: try once more
            self._conn = _connect(self._dsn)
        return self._conn

    @contextmanager
    def _read(self) -> Iterator[psycopg.Connection]:
        with self._lock:
            try:
                yield self._db
            except psycopg.Error as exc:
                raise StoreUnavailable(f"database error in {self._shown}: {str(exc).strip()}") from None

    @contextmanager
    def _write(
        self, *, serialised: bool = True, pipelined: bool = False, durable: bool = True
    ) -> Iterator[psycopg.Connection]:
        """One transaction; `serialised` takes the writers' lock first (whoever hands out change numbers).

        `pipelined`: statements are sent without waiting for each answer (BEGIN and COMMIT too),
        so a transaction costs one round trip plus one per statement whose rows are read. Its
        statements' `rowcount` is unknown until then: read rows (RETURNING) instead.
        `durable=False`: the commit does not wait for the WAL to reach the disk (see add_document)."""
        with self._lock:
            conn = self._db
            try:
                with _pipelined_transaction(conn) if pipelined else conn.transaction():
                    if serialised and durable:
                        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
                    elif serialised:  # one statement for both
                        conn.execute(
                            "SELECT pg_advisory_xact_lock(%s), set_config('synchronous_commit', 'off', true)",
                            (_WRITE_LOCK,),
                        )
                    elif not durable:
                        conn.execute("SET LOCAL synchronous_commit = off")
                    yield conn
            except psycopg.DataError as exc:  # the value, not the database: e.g. a NUL character in text
                raise StoreError(f"the database refuses a value: {str(exc).strip()}") from None
            except psycopg.Error as exc:
                raise StoreUnavailable(f"database error in {self._shown}: {str(exc).strip()}") from None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> PostgresStore:
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
            return (
                conn.execute("SELECT 1 FROM documents WHERE id = %s", (document_id,)).fetchone() is not None
            )

    def add_document(
        self, doc: Document, events: list[Event], decisions: Sequence[Decision] | None = None
    ) -> bool:
        """Store a document, its mentions and their events in one transaction; False (and no
        write) if it was already there.

        `decisions` (lagebild.merge.plan) say which mentions form one event and which stored
        event each joins. Without them every item of `events` is a mention that is its own event.
        """
        # One transaction per document, as in SQLite, but its statements pipelined: sent without
        # waiting for each answer, so that a document costs a few round trips, not one per
        # statement. Only a statement whose answer is read waits: here the document's insert,
        # which also answers the first change number and whether any event carries corrections
        # (a joining report must apply them again). A new event of a new document waits for
        # nothing, a report joining a stored event twice (its row, then its mentions).
        # The commit does not wait for the WAL to reach the disk (synchronous_commit off): a
        # power cut may lose the last documents of a run (whole, never half: a rerun stores
        # them), SQLite's guarantee in WAL mode with synchronous=NORMAL. A killed lagebild loses
        # nothing the server acknowledged.
        with self._write(pipelined=True, durable=False) as conn:
            inserted = conn.execute(
                "INSERT INTO documents (id, url, source, title, published, lang, author, text, fetched_at,"
                " ingested_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING"
                f" RETURNING {_BATCH_STATE}",
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
            ).fetchone()  # waits for the answer: whether the document is new
            if inserted is None:
                return False
            if decisions is None:
                decisions = [Decision(event=e, names=set(), mentions=[e]) for e in events]
            _store_decisions(conn, doc.id, decisions, inserted, new_document=True)
            loose = loose_mention_rows(doc.id, events, decisions)
            if loose:
                conn.cursor().executemany(
                    "INSERT INTO mentions (id, document_id, event_id, confidence, data, embedding)"
                    " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                    loose,
                )
        return True

    def store_decisions(self, document_id: str, decisions: Sequence[Decision]) -> None:
        """Write the merge decisions of a stored document's mentions (`lagebild merge --rebuild`)."""
        with self._write(pipelined=True) as conn:
            state = conn.execute(f"SELECT {_BATCH_STATE}").fetchone()
            _store_decisions(conn, document_id, decisions, state)

    def clear_events(self) -> None:
        """Forget every event (mentions stay, ungrouped): the first step of a rebuild."""
        with self._write() as conn:
            conn.execute("DELETE FROM evidence")
            conn.execute("DELETE FROM events")
            conn.execute("DELETE FROM kv WHERE key >= %s AND key < %s", (FOLDED, FOLDED[:-1] + ";"))
            conn.execute("UPDATE mentions SET event_id = NULL")

    def document_ids(self) -> list[str]:
        """Every stored document's id, in the order of ingestion."""
        with self._read() as conn:
            rows = conn.execute("SELECT id FROM documents ORDER BY seq").fetchall()
            return [row["id"] for row in rows]

    def mentions_of_document(self, document_id: str) -> tuple[list[Event], dict[str, np.ndarray]]:
        """A document's mentions in text order, and the embeddings stored for their sentences."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT data, embedding FROM mentions WHERE document_id = %s ORDER BY seq", (document_id,)
            ).fetchall()
        mentions = [Event.from_dict(json.loads(row["data"])) for row in rows]
        vectors = {
            lead_sentence(m): _vector(row["embedding"])
            for m, row in zip(mentions, rows, strict=True)
            if row["embedding"]
        }
        return mentions, vectors

    def event_of_mention(self, mention_id: str) -> str | None:
        """The id of the event a mention belongs to (None: unknown mention)."""
        with self._read() as conn:
            row = conn.execute("SELECT event_id FROM mentions WHERE id = %s", (mention_id,)).fetchone()
        return row["event_id"] if row else None

    def mentions_of_event(self, event_id: str) -> list[Event]:
        """Every mention of an event, in the order they were stored."""
        with self._read() as conn:
            rows = conn.execute("SELECT data FROM mentions WHERE event_id = %s ORDER BY seq", (event_id,))
            return [Event.from_dict(json.loads(row["data"])) for row in rows]

    def merge_candidates(
        self, event: Event, limit: int = MERGE_CANDIDATES, names: set[str] | None = None
    ) -> list[Candidate]:
        """Stored events the merge may join `event` to: same type and modality, dates within the
        merge window, and in the same country or within reach of its place (the GiST index).
        (`names`: SQLite's name block is not built here yet; the country block stands in for it.)

        The reach is SQLite's box (FAR_KM north, south, east and west), not a distance: both
        backends must find the same candidates, or one corpus would merge differently."""
        span = date_range(event)
        if span is None:
            return []
        lo = (span[0] - timedelta(days=WINDOW_DAYS)).isoformat()
        hi = (span[1] + timedelta(days=WINDOW_DAYS)).isoformat()
        where = ["e.type = %s", "e.modality = %s", "e.date >= %s", "e.date <= %s"]
        params: list[Any] = [event.type, event.modality, lo[:7], hi]
        place = event.location
        if place is not None and place.precision not in ("country", "region", "admin1"):
            dlat = FAR_KM / 111.0
            dlon = min(180.0, dlat / max(0.05, math.cos(math.radians(place.lat))))
            # As SQLite: near in space and time, or a coarser report of its country.
            where.append(
                "((e.geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326) AND e.day BETWEEN %s AND %s)"
                " OR (e.country = %s AND e.precision IN ('admin1', 'country', 'region')))"
            )
            params += [place.lon - dlon, place.lat - dlat, place.lon + dlon, place.lat + dlat]
            params += [span[0] - timedelta(days=WINDOW_DAYS + 1), span[1] + timedelta(days=WINDOW_DAYS + 1)]
            params.append(place.country)
        elif place is not None and place.country:
            # As SQLite: its country, and what lies near its centre (so that a town report and a
            # coarser one find each other whichever came first).
            dlat = FAR_KM / 111.0
            dlon = min(180.0, dlat / max(0.05, math.cos(math.radians(place.lat))))
            where.append(
                "(e.country = %s OR (e.geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)"
                " AND e.day BETWEEN %s AND %s))"
            )
            params += [place.country, place.lon - dlon, place.lat - dlat, place.lon + dlon, place.lat + dlat]
            params += [span[0] - timedelta(days=WINDOW_DAYS + 1), span[1] + timedelta(days=WINDOW_DAYS + 1)]
        # Nearest in time first; an unreadable date (day NULL) sorts first, as SQLite's NULL does.
        sql = (
            "SELECT e.*, l.document_id AS l_document_id, l.sentence AS l_sentence, l.start AS l_start,"
            ' l."end" AS l_end, l.lang AS l_lang, l.url AS l_url, l.source AS l_source FROM events e'
            " LEFT JOIN LATERAL (SELECT * FROM evidence ev WHERE ev.event_id = e.id ORDER BY ev.id LIMIT 1) l"
            f" ON true WHERE {' AND '.join(where)}"
            " ORDER BY abs(e.day - %s::date) NULLS FIRST, e.seq LIMIT %s"
        )
        params += [span[0], limit]
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        out = []
        for row in rows:
            evidence = []
            if row["l_document_id"] is not None:
                lead = {k[2:]: v for k, v in row.items() if k.startswith("l_")}
                evidence = [_row_to_evidence(lead)]  # type: ignore[arg-type]
            out.append(
                Candidate(
                    event=_row_to_event(row, evidence),  # type: ignore[arg-type]
                    names=set(json.loads(row["names"])),
                    embedding=_vector(row["embedding"]) if row["embedding"] else None,
                )
            )
        return out

    def get_document(self, document_id: str) -> Document | None:
        with self._read() as conn:
            row = conn.execute("SELECT * FROM documents WHERE id = %s", (document_id,)).fetchone()
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

    def iter_documents(self, batch: int = PAGE_SIZE) -> Iterator[dict[str, Any]]:
        """Every document row (with `ingested_at`), in the order stored, page by page (copying a store)."""
        last = 0
        while True:
            with self._read() as conn:
                rows = conn.execute(
                    "SELECT * FROM documents WHERE seq > %s ORDER BY seq LIMIT %s", (last, batch)
                ).fetchall()
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1]["seq"]

    # -- events: writes ---------------------------------------------------------------------

    def upsert_event(self, event: Event) -> None:
        """Insert an event or overwrite a stored one's fields (merging across articles).

        Evidence is only ever added: rows already stored (same document and offsets) are kept
        once, rows not in `event.evidence` stay. `first_seen` keeps the earlier of the two.
        """
        with self._write() as conn:
            change = _next_change(conn)
            _upsert_event(conn, event, change)
            _notify(conn, change)

    def add_evidence(self, event_id: str, evidence: Iterable[Evidence]) -> int:
        """Attach more evidence to a stored event; returns how many rows were new.

        When rows were added, `num_sources` becomes the number of distinct sources in the
        evidence (never lower than before) and `updated` becomes now.
        """
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM events WHERE id = %s", (event_id,)).fetchone() is None:
                raise StoreError(f"no event with id {event_id!r}")
            added = _insert_evidence(conn, event_id, evidence)
            if added:
                change = _next_change(conn)
                conn.execute(
                    "UPDATE events SET num_sources = greatest(num_sources, (SELECT count(DISTINCT"
                    " coalesce(source, url, document_id)) FROM evidence WHERE event_id = %s)),"
                    " updated = %s, change_seq = %s WHERE id = %s",
                    (event_id, utcnow(), change, event_id),
                )
                _notify(conn, change)
        return added

    # -- events: reads ----------------------------------------------------------------------

    def get_event(self, event_id: str) -> Event | None:
        """The event with ALL its evidence, in the order it was stored; a folded event's id gives
        the event it was folded into (SQLite's `get_event`)."""
        with self._read() as conn:
            current = _resolve_event(conn, event_id)
            if current is None:
                return None
            row = conn.execute("SELECT * FROM events e WHERE e.id = %s", (current,)).fetchone()
            if row is None:
                return None
            return _load_events(conn, [row])[0]

    def query_events(self, query: EventQuery) -> tuple[list[Event], str | None]:
        """Events matching `query`, newest first, and the cursor of the next page (or None).

        Order: event date descending with undated events last, then insertion order descending;
        a cursor points just past the last event of its page (the same cursors as SQLite's).
        `limit=None` returns all matches at once.
        """
        with self._read() as conn:
            rows, next_cursor = _page_rows(conn, query)
            return _load_events(conn, rows), next_cursor

    def count_events(self, query: EventQuery, at_most: int | None = None) -> int:
        """How many events match the filters of `query` (its limit and cursor are ignored);
        `at_most` stops counting there (as SQLiteStore.count_events)."""
        with self._read() as conn:
            return _count(conn, query, at_most)

    def event_page(
        self, query: EventQuery, count_at_most: int
    ) -> tuple[list[dict[str, Any]], str | None, int]:
        """The page of `query_events` as the event contract, the next cursor, and the matches
        counted up to `count_at_most` (as SQLiteStore.event_page): rows become dicts without
        dataclasses, the page's evidence is one query."""
        with self._read() as conn:
            rows, next_cursor = _page_rows(conn, query)
            if next_cursor is None and not query.cursor:
                matches = len(rows)
            else:
                matches = _count(conn, query, count_at_most)
            return _contracts(conn, rows), next_cursor, min(matches, count_at_most)

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

    def events_by_seq(self, after: int = 0, limit: int = PAGE_SIZE) -> tuple[list[Event], int]:
        """Events in the order they were first stored, after `after`, and the seq to go on from."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM events e WHERE seq > %s ORDER BY seq LIMIT %s", (after, limit)
            ).fetchall()
            return _load_events(conn, rows), (rows[-1]["seq"] if rows else after)

    def last_change(self) -> int:
        """The highest change number so far: it grows with every event written or updated."""
        with self._read() as conn:
            return int(conn.execute("SELECT coalesce(max(change_seq), 0) AS n FROM events").fetchone()["n"])

    def events_changed_since(self, change: int, limit: int = 1000) -> tuple[list[Event], int]:
        """Events written or updated after change number `change` (all modalities), oldest change
        first, and the change number to ask from next time (a live stream's high-water mark)."""
        _check_limit(limit)
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM events e WHERE change_seq > %s ORDER BY change_seq LIMIT %s",
                (int(change), limit),
            ).fetchall()
            events = _load_events(conn, rows)
        return events, (rows[-1]["change_seq"] if rows else int(change))

    def events_of_document(self, document_id: str) -> list[Event]:
        """The events a document gave evidence for (with all their evidence), in stored order."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM events e WHERE e.id IN (SELECT event_id FROM evidence WHERE document_id = %s)"
                " ORDER BY e.seq",
                (document_id,),
            ).fetchall()
            return _load_events(conn, rows)

    def timeline(self, query: EventQuery, bucket: str = "day") -> list[tuple[str, str, int]]:
        """How many dated events match the filters of `query`, per time bucket and type.

        Rows `(bucket_start, type, count)` ordered by bucket then type, as `SQLiteStore.timeline`:
        weeks start on Monday, months on the 1st, undated events come first with bucket None.
        """
        if bucket not in TIMELINE_BUCKETS:
            raise StoreError(f"bucket must be one of {', '.join(TIMELINE_BUCKETS)}, got {bucket!r}")
        where, params = _where(query)
        sql = f"SELECT {TIMELINE_BUCKETS[bucket]} AS bucket, e.type AS type, count(*) AS n FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2"
        with self._read() as conn:
            return [(row["bucket"], row["type"], int(row["n"])) for row in conn.execute(sql, params)]

    def stats(self) -> dict[str, Any]:
        """Counts and ranges for `lagebild stats` and the API's /stats."""
        with self._read() as conn:
            docs = conn.execute(
                "SELECT count(*) AS n, min(ingested_at) AS first, max(ingested_at) AS last FROM documents"
            ).fetchone()
            events = conn.execute(
                "SELECT count(*) AS n, min(date) AS first, max(date) AS last FROM events"
            ).fetchone()
            source_count = conn.execute(
                "SELECT count(DISTINCT source) AS n FROM documents WHERE source IS NOT NULL"
            ).fetchone()["n"]
            top = conn.execute(
                "SELECT source, count(*) AS n FROM documents WHERE source IS NOT NULL"
                " GROUP BY source ORDER BY n DESC, source LIMIT 10"
            ).fetchall()
            languages = conn.execute(
                "SELECT coalesce(lang, 'und') AS lang, count(*) AS n FROM documents GROUP BY 1 ORDER BY n DESC, 1"
            ).fetchall()
            version = schema_version(conn)
        return {
            "documents": docs["n"],
            "events": events["n"],
            "sources": {
                "count": source_count,
                "top": [{"source": r["source"], "documents": r["n"]} for r in top],
            },
            "languages": {r["lang"]: r["n"] for r in languages},
            "event_dates": {"first": events["first"], "last": events["last"]},
            "ingested": {"first": docs["first"], "last": docs["last"]},
            "schema_version": version,
        }

    # -- now and escalation (lagebild.now: the map's "Now" column) --------------------------

    def latest_day(self, query: EventQuery, today: str) -> str | None:
        """The newest day (YYYY-MM-DD) an event matching the filters is dated to, not after `today`."""
        where, params = _where(query)
        where += ["length(e.date) = 10", "e.date <= %s"]
        sql = "SELECT max(e.date) AS day FROM events e WHERE " + " AND ".join(where)
        with self._read() as conn:
            return conn.execute(sql, [*params, today]).fetchone()["day"]

    def now_events(self, query: EventQuery, since: str, at: str, limit: int) -> list[tuple[Event, float]]:
        """Events dated to a day in since..at, most important first (lagebild.now), with the score."""
        where, params = _where(query)
        where += ["length(e.date) = 10", "e.date >= %s", "e.date <= %s"]
        sql = (
            "SELECT e.*, e.num_sources * e.confidence / (1.0 + (%s::date - e.day) / 2.0)"
            " AS score FROM events e WHERE " + " AND ".join(where) + " ORDER BY score DESC, e.date DESC,"
            " e.seq DESC LIMIT %s"
        )
        with self._read() as conn:
            rows = conn.execute(sql, [at, *params, since, at, int(limit)]).fetchall()
            return list(zip(_load_events(conn, rows), [float(r["score"]) for r in rows], strict=True))

    def country_counts(
        self, query: EventQuery, baseline_start: str, recent_start: str, at: str
    ) -> list[tuple[str, int, int]]:
        """Per country: events dated recent_start..at and baseline_start..(recent_start - 1 day)."""
        where, params = _where(query)
        where += ["e.country IS NOT NULL", "length(e.date) = 10", "e.date >= %s", "e.date <= %s"]
        sql = (
            "SELECT e.country, count(*) FILTER (WHERE e.date >= %s) AS recent,"
            " count(*) FILTER (WHERE e.date < %s) AS before FROM events e"
            " WHERE " + " AND ".join(where) + " GROUP BY e.country"
        )
        with self._read() as conn:
            rows = conn.execute(sql, [recent_start, recent_start, *params, baseline_start, at]).fetchall()
            return [(r["country"], int(r["recent"]), int(r["before"])) for r in rows]

    # -- key-value state --------------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        """A value stored with `set_meta` (feed ETags, cursors of watchers), or `default`."""
        with self._read() as conn:
            row = conn.execute("SELECT value FROM kv WHERE key = %s", (key,)).fetchone()
        return row["value"] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        """Store `value` under `key`; None deletes the key.

        One round trip, and the commit does not wait for the disk (as add_document's): the
        state written here (feed marks, sketches of stored documents) is rebuilt by a rerun."""
        with self._write(serialised=False, pipelined=True) as conn:
            conn.execute("SET LOCAL synchronous_commit = off")
            if value is None:
                conn.execute("DELETE FROM kv WHERE key = %s", (key,))
            else:
                conn.execute(
                    "INSERT INTO kv (key, value) VALUES (%s, %s)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, str(value)),
                )

    def meta_items(self, prefix: str) -> list[tuple[str, str]]:
        """All `(key, value)` pairs whose key starts with `prefix`, ordered by key (watcher state)."""
        # A range scan on the primary key rather than LIKE, which treats % and _ as wildcards.
        with self._read() as conn:
            if not prefix:
                rows = conn.execute("SELECT key, value FROM kv ORDER BY key").fetchall()
            else:
                rows = conn.execute(
                    "SELECT key, value FROM kv WHERE key >= %s AND key < %s ORDER BY key",
                    (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)),
                ).fetchall()
            return [(r["key"], r["value"]) for r in rows]

    # -- watch-lists, alerts, corrections (lagebild.alerts, lagebild.corrections) ------------
    # As SQLite's, statement for statement; kept apart from the event code above.

    def add_watchlist(self, name: str, flt: Filter, webhook: str | None) -> Watchlist:
        """Save a watch-list; it alerts on events written from now on. StoreError if the name is taken."""
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM watchlists WHERE name = %s", (name,)).fetchone():
                raise StoreError(f"a watch-list named {name!r} exists already; remove it first")
            since = int(conn.execute("SELECT coalesce(max(change_seq), 0) AS n FROM events").fetchone()["n"])
            created = utcnow()
            row = conn.execute(
                "INSERT INTO watchlists (name, filter, webhook, created, since_change)"
                " VALUES (%s, %s, %s, %s, %s) RETURNING id",
                (name, filter_json(flt), webhook, created, since),
            ).fetchone()
            return Watchlist(int(row["id"]), name, flt, webhook, created, since)

    def watchlists(self) -> list[Watchlist]:
        with self._read() as conn:
            rows = conn.execute("SELECT * FROM watchlists ORDER BY id").fetchall()
        return [_row_to_watchlist(r) for r in rows]

    def get_watchlist(self, key: str | int) -> Watchlist | None:
        """The watch-list with this id (a number) or name."""
        with self._read() as conn:
            if str(key).isdigit():
                row = conn.execute("SELECT * FROM watchlists WHERE id = %s", (int(key),)).fetchone()
            else:
                row = conn.execute("SELECT * FROM watchlists WHERE name = %s", (key,)).fetchone()
        return _row_to_watchlist(row) if row else None

    def remove_watchlist(self, key: str | int) -> bool:
        """Delete a watch-list (by id or name) and its alerts; False if there was none."""
        with self._write(serialised=False) as conn:
            if str(key).isdigit():
                return conn.execute("DELETE FROM watchlists WHERE id = %s", (int(key),)).rowcount > 0
            return conn.execute("DELETE FROM watchlists WHERE name = %s", (key,)).rowcount > 0

    def alert_changes(self, after: int, limit: int = 500) -> list[tuple[int, Event]]:
        """Events written after change mark `after`, oldest change first, each with its mark."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM events e WHERE change_seq > %s ORDER BY change_seq LIMIT %s",
                (int(after), limit),
            ).fetchall()
            return [(int(r["change_seq"]), e) for r, e in zip(rows, _load_events(conn, rows), strict=True)]

    def record_alerts(self, alerts: Sequence[NewAlert], mark_key: str, mark: int) -> int:
        """Record alerts and move the dispatcher's mark in ONE transaction (no alert lost or doubled
        by a kill at any moment); an alert already raised for its watch-list and event is skipped."""
        added = 0
        with self._write(serialised=False) as conn:
            for a in alerts:
                added += conn.execute(
                    "INSERT INTO alerts (watchlist_id, event_id, change_seq, raised, reason, event, delivery,"
                    " next_attempt) SELECT %s, %s, %s, %s, %s, %s, %s, %s WHERE EXISTS"
                    " (SELECT 1 FROM watchlists WHERE id = %s) ON CONFLICT (watchlist_id, event_id) DO NOTHING",
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
                ).rowcount
            conn.execute(
                "INSERT INTO kv (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (mark_key, str(int(mark))),
            )
        return added

    def alerts(
        self, *, watchlist: int | None = None, after: int | None = None, limit: int = 100
    ) -> list[Alert]:
        """Alerts, newest first; `after` gives those with a larger id, oldest first (live streams)."""
        where, params = [], []
        if watchlist is not None:
            where.append("a.watchlist_id = %s")
            params.append(int(watchlist))
        if after is not None:
            where.append("a.id > %s")
            params.append(int(after))
        sql = "SELECT a.*, w.name AS watchlist FROM alerts a JOIN watchlists w ON w.id = a.watchlist_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY a.id {'ASC' if after is not None else 'DESC'} LIMIT %s"
        with self._read() as conn:
            rows = conn.execute(sql, [*params, int(limit)]).fetchall()
        return [_row_to_alert(r) for r in rows]

    def claim_deliveries(self, now: float, lease: float, limit: int) -> list[tuple[Alert, str | None]]:
        """Alerts due for a webhook POST, each with its URL, claimed for `lease` seconds (as SQLite's)."""
        with self._write(serialised=False) as conn:
            rows = conn.execute(
                "SELECT a.*, w.name AS watchlist, w.webhook AS webhook FROM alerts a"
                " JOIN watchlists w ON w.id = a.watchlist_id"
                " WHERE a.delivery IN ('pending', 'sending') AND a.next_attempt <= %s"
                " ORDER BY a.next_attempt, a.id LIMIT %s FOR UPDATE OF a SKIP LOCKED",
                (now, int(limit)),
            ).fetchall()
            for r in rows:
                conn.execute(
                    "UPDATE alerts SET delivery = 'sending', next_attempt = %s WHERE id = %s",
                    (now + lease, r["id"]),
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
        with self._write(serialised=False) as conn:
            conn.execute(
                "UPDATE alerts SET delivery = %s, attempts = %s, next_attempt = %s, last_error = %s,"
                " delivered = CASE WHEN %s = 'delivered' THEN %s ELSE delivered END WHERE id = %s",
                (state, attempts, next_attempt, error, state, utcnow(), alert_id),
            )

    def add_correction(
        self, event_id: str, kind: str, changes: dict[str, Any], reason: str | None, author: str
    ) -> Correction:
        """Record a correction (or flag) of an event and apply it at once."""
        with self._write() as conn:
            row = conn.execute("SELECT * FROM events WHERE id = %s", (event_id,)).fetchone()
            if row is None:
                raise StoreError(f"no event with id {event_id!r}")
            mention_id, document_id, start, end = _lead_anchor(conn, event_id)
            before = before_of(fields_of(row), changes)
            created = utcnow()
            new = conn.execute(
                'INSERT INTO corrections (event_id, mention_id, document_id, start, "end", kind, changes,'
                " before, reason, author, created) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                " RETURNING id",
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
            ).fetchone()
            change = _next_change(conn)
            _apply_corrections(conn, event_id, change, fresh=False)
            _notify(conn, change)
            return Correction(
                int(new["id"]), event_id, mention_id, document_id, start, end, kind,
                changes, before, reason, author, created,
            )  # fmt: skip

    def corrections(self, event_id: str | None = None, limit: int | None = None) -> list[Correction]:
        """The corrections of one event (or all), oldest first."""
        sql = "SELECT * FROM corrections"
        params: list[Any] = []
        if event_id is not None:
            sql += " WHERE event_id = %s"
            params.append(event_id)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT %s"
            params.append(int(limit))
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [_row_to_correction(r) for r in rows]

    def reapply_corrections(self) -> int:
        """Find each correction's event again by its anchor and apply them (after a rebuild);
        returns how many events carry corrections."""
        with self._write() as conn:
            found = {}
            for c in conn.execute("SELECT * FROM corrections ORDER BY id").fetchall():
                target = _resolve_anchor(conn, c)
                if target != c["event_id"]:
                    conn.execute("UPDATE corrections SET event_id = %s WHERE id = %s", (target, c["id"]))
                if target is not None:
                    found[target] = True
            change = _next_change(conn)
            for offset, event_id in enumerate(found):
                _apply_corrections(conn, event_id, change + offset, fresh=False)
            if found:
                _notify(conn, change + len(found) - 1)
        return len(found)

    # -- bulk copy (lagebild migrate) -------------------------------------------------------

    def copy_in(
        self,
        documents: Iterable[dict[str, Any]],
        events: Iterable[tuple[Event, str, bytes | None, int]],
        mentions: Iterable[dict[str, Any]] = (),
        *,
        batch: int = 5000,
        progress: Callable[[str, int], None] | None = None,
    ) -> tuple[int, int, int]:
        """Fill an EMPTY store in ONE transaction of COPY statements: document rows (as stored,
        with `ingested_at`), events with their merge signature (names JSON, embedding) and their
        change number, and mention rows; returns how many of each. Events and documents are
        numbered in the order given; change numbers are the source's, so that the marks of
        watch-lists and of the alert dispatcher mean the same events here."""
        tell = progress or (lambda what, n: None)
        n_docs = n_events = n_mentions = 0
        with self._write() as conn:
            busy = conn.execute(
                "SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM events) AS busy"
            ).fetchone()["busy"]
            if busy:
                raise StoreError(f"{self._shown} is not empty: a bulk copy goes into an empty store only")
            titles: dict[str, str] = {}
            with conn.cursor().copy(f"COPY documents ({', '.join(_DOCUMENT_COLUMNS)}) FROM STDIN") as copy:
                for row in documents:
                    copy.write_row([row[c] for c in _DOCUMENT_COLUMNS])
                    titles[row["id"]] = row["title"] or ""
                    n_docs += 1
            tell("documents", n_docs)
            last_change = 0
            pending: list[tuple[Event, str, bytes | None, int]] = []
            columns = (*_EVENT_COLUMNS, "names", "embedding", "flagged", "correction")

            def flush() -> None:
                nonlocal n_events, last_change
                with conn.cursor().copy(f"COPY events ({', '.join(columns)}) FROM STDIN") as copy:
                    for event, names, embedding, change in pending:
                        values = event_values(event, change)
                        copy.write_row(
                            [
                                *(values[c] for c in _EVENT_COLUMNS),
                                names,
                                embedding,
                                event.flagged,
                                correction_json(event),
                            ]
                        )
                        n_events += 1
                        last_change = max(last_change, change)
                with conn.cursor().copy(
                    'COPY evidence (event_id, document_id, sentence, start, "end", lang, url, source, title)'
                    " FROM STDIN"
                ) as copy:
                    for event, *_ in pending:
                        for ev in event.evidence:
                            title = titles.get(ev.document_id, "")
                            row = (event.id, ev.document_id, ev.sentence, int(ev.start), int(ev.end))
                            copy.write_row((*row, ev.lang, ev.url, ev.source, title))
                pending.clear()
                tell("events", n_events)

            for item in events:
                pending.append(item)
                if len(pending) >= batch:
                    flush()
            if pending:
                flush()
            mention_columns = ("id", "document_id", "event_id", "confidence", "data", "embedding")
            with conn.cursor().copy(f"COPY mentions ({', '.join(mention_columns)}) FROM STDIN") as copy:
                for row in mentions:
                    copy.write_row([row[c] for c in mention_columns])
                    n_mentions += 1
            tell("mentions", n_mentions)
            if n_events:
                _notify(conn, last_change)
            conn.execute("ANALYZE documents, events, evidence, mentions")  # plans for the new size at once
        return n_docs, n_events, n_mentions

    def restore_event(self, event: Event, names: str, embedding: bytes | None, change: int) -> None:
        """Write an event as another store kept it (lagebild.store.copy): its row with the
        source's change number (so that watch-lists' and the alert dispatcher's marks stay
        true), its merge signature (names as JSON, embedding), its flag and correction summary."""
        with self._write() as conn:
            _upsert_event(conn, event, change)
            conn.execute(
                "UPDATE events SET names = %s, embedding = %s, change_seq = %s, flagged = %s, correction = %s"
                " WHERE id = %s",
                (names, embedding, change, event.flagged, correction_json(event), event.id),
            )
            _notify(conn, change)

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
        sql = (
            f"INSERT INTO {table} ({quoted}) VALUES ({', '.join(['%s'] * len(columns))})"
            " ON CONFLICT (id) DO NOTHING RETURNING 1"
        )
        with self._write() as conn:
            cur = conn.cursor()
            cur.executemany(sql, [[row[c] for c in columns] for row in rows], returning=True)
            added = 0
            while True:
                added += len(cur.fetchall())
                if not cur.nextset():
                    break
            # Ids given explicitly do not move the identity's sequence: the next row made here
            # must not take an id that was copied.
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), greatest(1, (SELECT max(id) FROM {table})))"
            )
        return added

    # -- live updates -----------------------------------------------------------------------

    def listen(self) -> ChangeListener:
        """A listener woken by every commit that changes events, from any process (see ChangeListener)."""
        return ChangeListener(self._dsn)


class ChangeListener:
    """Wakes asyncio waiters whenever any process commits a change to the events.

    One thread holds its own connection in LISTEN mode; `await wait(timeout)` returns at the next
    notification or after `timeout` seconds, whichever comes first. A live stream still checks
    the change counter after each wake-up, so a lost connection costs latency, never events.
    """

    def __init__(self, dsn: str) -> None:
        self._dsn = dsn
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lagebild-listen", daemon=True)
        self._thread.start()
        self._ready.wait(10)

    def _run(self) -> None:
        conn: psycopg.Connection | None = None
        while not self._stop.is_set():
            try:
                if conn is None or conn.closed or conn.broken:
                    conn = psycopg.connect(self._dsn, autocommit=True, connect_timeout=10)
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._ready.set()
                    self._wake()  # whatever happened while we were not listening
                for _ in conn.notifies(timeout=0.5):
                    self._wake()
            except psycopg.Error:
                self._ready.set()
                if conn is not None:
                    conn.close()
                conn = None
                self._stop.wait(1.0)
        if conn is not None:
            conn.close()

    def _wake(self) -> None:
        with self._lock:
            waiters, self._waiters = self._waiters, []
        for loop, future in waiters:
            loop.call_soon_threadsafe(_resolve, future)

    async def wait(self, timeout: float) -> None:
        """Return at the next change committed by anyone, or after `timeout` seconds."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        with self._lock:
            self._waiters.append((loop, future))
        try:
            await asyncio.wait_for(future, timeout)
        except TimeoutError:
            with self._lock:
                if (loop, future) in self._waiters:
                    self._waiters.remove((loop, future))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


# -- writing helpers (called inside a serialised write transaction) ----------------------------


def _next_change(conn: psycopg.Connection) -> int:
    # Writers hold the advisory lock, so max + 1 is monotonic across processes and commits in order.
    return int(conn.execute("SELECT coalesce(max(change_seq), 0) + 1 AS n FROM events").fetchone()["n"])


def _notify(conn: psycopg.Connection, change: int) -> None:
    """Tell every listening server; PostgreSQL delivers it at commit, and not at all on rollback."""
    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, str(change)))


def first_day(value: str | None) -> date | None:
    """The first day of an ISO (maybe partial) date, None when missing or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return None


def event_values(event: Event, change: int) -> dict[str, Any]:
    """The events row of `event` (bulk copies write the same rows as `add_document`): the
    backends' common columns, and the point and first day that PostgreSQL's indexes read."""
    place = event.location
    return {
        **event_row(event, change),
        "geom": f"SRID=4326;POINT({place.lon!r} {place.lat!r})" if place else None,
        "day": first_day(event.date),
    }


def _upsert_sql(columns: Sequence[str], *, signature: bool) -> str:
    """Insert an event, or overwrite a stored one's columns (first_seen keeps the earlier).
    `signature`: the merge signature too, the embedding being the lead mention's where the
    merge left none (a rebuild finds the one an earlier merge stored)."""
    values = ["%s"] * len(columns)
    names = list(columns)
    if signature:
        names += ["names", "embedding"]
        values += ["%s", "coalesce(%s::bytea, (SELECT embedding FROM mentions WHERE id = %s))"]
    return (
        f"INSERT INTO events ({', '.join(names)}) VALUES ({', '.join(values)}) ON CONFLICT (id) DO UPDATE SET "
        + ", ".join(
            "first_seen = least(events.first_seen, excluded.first_seen)"
            if c == "first_seen"
            else f"{c} = excluded.{c}"
            for c in names
            if c != "id"
        )
    )


_UPSERT_SQL = _upsert_sql(_EVENT_COLUMNS, signature=False)
_INSERT_NEW_SQL = _upsert_sql(_EVENT_COLUMNS, signature=True)


def _upsert_event(conn: psycopg.Connection, event: Event, change: int, *, corrected: bool = True) -> None:
    """`corrected=False`: no analyst can have corrected the event (a new one of a new document,
    or a store without corrections); skipping the lookup saves a wait for the server."""
    values = event_values(event, change)
    conn.execute(_UPSERT_SQL, [values[c] for c in _EVENT_COLUMNS])
    _insert_evidence(conn, event.id, event.evidence)
    if corrected:
        # The machine's reading was just written: an analyst's corrections of the event win again.
        _apply_corrections(conn, event.id, change, fresh=True)


# What a batch of decisions needs to know first, answered with the statement that opens it: the
# next change number (writers hold the advisory lock, so max + 1 is monotonic across processes
# and commits in order) and whether any correction exists (if none, none needs applying again).
_BATCH_STATE = (
    "(SELECT coalesce(max(change_seq), 0) + 1 FROM events) AS change,"
    " EXISTS (SELECT 1 FROM corrections) AS corrected"
)


def _store_decisions(
    conn: psycopg.Connection,
    document_id: str,
    decisions: Sequence[Decision],
    state: dict[str, Any],
    *,
    new_document: bool = False,
) -> None:
    """Write a document's decisions, numbered from `state`'s change (see _BATCH_STATE)."""
    if not decisions:
        return
    change = int(state["change"])
    for offset, d in enumerate(decisions):
        _store_decision(
            conn,
            document_id,
            d,
            change + offset,
            corrected=bool(state["corrected"]),
            new_document=new_document,
        )
    _notify(conn, change + len(decisions) - 1)


_MENTIONS_SQL = (
    "INSERT INTO mentions (id, document_id, event_id, confidence, data, embedding)"
    " SELECT r.id, %s, %s, r.confidence, r.data, CASE WHEN r.n = 1 THEN %s::bytea END"
    " FROM unnest(%b::text[], %b::float8[], %b::text[]) WITH ORDINALITY AS r(id, confidence, data, n)"
    " ORDER BY r.n ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id,"
    " embedding = coalesce(mentions.embedding, excluded.embedding)"
)


def _store_decision(
    conn: psycopg.Connection,
    document_id: str,
    d: Decision,
    change: int,
    *,
    corrected: bool = True,
    new_document: bool = False,
) -> None:
    """Write one merge decision: the mentions with their event, and that event summarised again
    (SQLite's `_store_decision`, with the statements pipelined: see add_document). `corrected`:
    the store holds corrections; `new_document`: the mentions were never stored before, so no
    correction is anchored to them."""
    stored = _joined_event(conn, d)
    event_id = stored["id"] if stored is not None else d.mentions[0].id
    lead_embedding = blob(d.embedding)
    rows = mention_rows(document_id, event_id, d.mentions, lead_embedding)
    # One statement for all of them; WITH ORDINALITY keeps their order (seq grows as SQLite's).
    # The arrays go in binary (%b): in text form every quote of the JSON is escaped, by regex.
    conn.execute(
        _MENTIONS_SQL,
        (
            document_id,
            event_id,
            lead_embedding,
            [r[0] for r in rows],
            [r[3] for r in rows],
            [r[4] for r in rows],
        ),
    )
    for other, vector in d.embedded.items():
        # Kept with the stored event and with its lead mention, so that a rebuild finds it again.
        conn.execute(
            "UPDATE events SET embedding = %s WHERE id = %s AND embedding IS NULL", (blob(vector), other)
        )
        conn.execute(
            "UPDATE mentions SET embedding = %s WHERE embedding IS NULL AND seq ="
            " (SELECT min(seq) FROM mentions WHERE event_id = %s)",
            (blob(vector), other),
        )
    if stored is None:
        # A new event: the plan's summary of its mentions, as it is, with its merge signature.
        values = event_values(d.event, change)
        conn.execute(
            _INSERT_NEW_SQL,
            [*(values[c] for c in _EVENT_COLUMNS), names_json(d.names), lead_embedding, d.mentions[0].id],
        )
        _insert_evidence(conn, d.event.id, d.event.evidence)
        if corrected and not new_document:
            _apply_corrections(conn, event_id, change, fresh=True)
        return
    # Both sent before either is read: one wait.
    surest = conn.execute(
        "SELECT data FROM mentions WHERE event_id = %s ORDER BY confidence DESC, seq LIMIT %s",
        (event_id, SUMMARY_MENTIONS + len(d.mentions) + 1),
    )
    first = conn.execute("SELECT data FROM mentions WHERE event_id = %s ORDER BY seq LIMIT 1", (event_id,))
    merged = summary_when_joined(
        event_id,
        stored["first_seen"],
        Event.from_dict(json.loads(first.fetchone()["data"])),
        [Event.from_dict(json.loads(row["data"])) for row in surest.fetchall()],
        d.mentions,
    )
    _upsert_event(conn, merged, change, corrected=corrected)
    # Counted over all its mentions and evidence (not only those summarised), by the server:
    # nothing to wait for.
    conn.execute(
        "UPDATE events SET num_mentions = m.n, num_articles = m.docs, num_sources = greatest(1, s.n),"
        " languages = s.langs, names = %s, embedding = %s"
        " FROM (SELECT count(*) AS n, count(DISTINCT document_id) AS docs FROM mentions WHERE event_id = %s) m,"
        " (SELECT count(DISTINCT coalesce(source, url, document_id)) AS n,"
        ' coalesce(json_agg(DISTINCT lang COLLATE "C" ORDER BY lang COLLATE "C")::text, \'[]\') AS langs'
        " FROM evidence WHERE event_id = %s AND lang != 'und') s"
        " WHERE events.id = %s",
        (
            names_json(set(json.loads(stored["names"])) | d.names),
            stored["embedding"] or None,
            event_id,
            event_id,
            event_id,
        ),
    )


def _joined_event(conn: psycopg.Connection, d: Decision) -> dict[str, Any] | None:
    """The stored event `d` joins (after folding the events it ties together), as the row of its
    merge signature; None for a new event."""
    if d.target is None:
        return None
    row = conn.execute(_SIGNATURE_SQL, (d.target,)).fetchone()  # the common case: one wait
    target = row["id"] if row is not None else _resolve_event(conn, d.target)
    if target is None:
        return None
    if d.absorb:
        target = _fold_events(conn, target, d.absorb)
        row = None  # folding changed the kept event's signature, or kept another one
    if row is None:
        row = conn.execute(_SIGNATURE_SQL, (target,)).fetchone()
    return row


_SIGNATURE_SQL = "SELECT id, first_seen, names, embedding FROM events WHERE id = %s"


def _resolve_event(conn: psycopg.Connection, event_id: str) -> str | None:
    """The stored event `event_id` is now: itself, or the event it was folded into."""
    for _ in range(64):  # chains are short; the bound only guards against a cycle
        if conn.execute("SELECT 1 FROM events WHERE id = %s", (event_id,)).fetchone():
            return event_id
        row = conn.execute("SELECT value FROM kv WHERE key = %s", (FOLDED + event_id,)).fetchone()
        if row is None:
            return None
        event_id = row["value"]
    return None


def _fold_events(conn: psycopg.Connection, target: str, absorb: Sequence[str]) -> str:
    """Fold the events `absorb` and `target` into the oldest of them (SQLite's `_fold_events`)."""
    ids = {target, *(r for r in (_resolve_event(conn, a) for a in absorb) if r is not None)}
    if len(ids) == 1:
        return target
    rows = conn.execute(
        "SELECT seq, id, first_seen, names, embedding FROM events WHERE id = ANY(%s) ORDER BY seq",
        (sorted(ids),),
    ).fetchall()
    keep, folded = rows[0], rows[1:]
    for row in folded:
        old = row["id"]
        conn.execute("UPDATE mentions SET event_id = %s WHERE event_id = %s", (keep["id"], old))
        # A sentence both events already held: one copy stays.
        conn.execute(
            "DELETE FROM evidence o USING evidence k WHERE o.event_id = %s AND k.event_id = %s"
            ' AND k.document_id = o.document_id AND k.start = o.start AND k."end" = o."end"',
            (old, keep["id"]),
        )
        conn.execute("UPDATE evidence SET event_id = %s WHERE event_id = %s", (keep["id"], old))
        conn.execute("DELETE FROM events WHERE seq = %s", (row["seq"],))
        conn.execute(
            "INSERT INTO kv (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (FOLDED + old, keep["id"]),
        )
    sig = folded_signature(keep, folded)
    conn.execute(
        "UPDATE events SET names = %s, embedding = %s, first_seen = %s WHERE seq = %s",
        (names_json(sig.names), sig.embedding, sig.first_seen, keep["seq"]),
    )
    return str(keep["id"])


def _insert_evidence(conn: psycopg.Connection, event_id: str, evidence: Iterable[Evidence]) -> int:
    """Insert new evidence rows (in order, each with its document's title); returns how many were new."""
    rows = list(evidence)
    if not rows:
        return 0
    # One statement for all rows; WITH ORDINALITY keeps their order, so ids grow as SQLite's do.
    cur = conn.execute(
        'INSERT INTO evidence (event_id, document_id, sentence, start, "end", lang, url, source, title)'
        " SELECT %s, r.document_id, r.sentence, r.start, r.end_, r.lang, r.url, r.source,"
        " coalesce((SELECT d.title FROM documents d WHERE d.id = r.document_id), '')"
        " FROM unnest(%s::text[], %s::text[], %s::int[], %s::int[], %s::text[], %s::text[], %s::text[])"
        " WITH ORDINALITY AS r(document_id, sentence, start, end_, lang, url, source, n)"
        " ORDER BY r.n ON CONFLICT DO NOTHING",
        (
            event_id,
            [e.document_id for e in rows],
            [e.sentence for e in rows],
            [int(e.start) for e in rows],
            [int(e.end) for e in rows],
            [e.lang for e in rows],
            [e.url for e in rows],
            [e.source for e in rows],
        ),
    )
    return cur.rowcount


# -- reading helpers ---------------------------------------------------------------------------


def _page_rows(conn: psycopg.Connection, query: EventQuery) -> tuple[list[dict[str, Any]], str | None]:
    """The events rows of a page of `query` and the cursor of the next page (or None)."""
    limit = _check_limit(query.limit)
    cursor = _decode_cursor(query.cursor) if query.cursor else None
    where, params = _where(query)
    if cursor is not None:
        where.append(f"({_SORT_KEY}, e.seq) < (%s, %s)")  # a row comparison the btree can seek
        params += [cursor[0], cursor[1]]
    sql = f"SELECT e.*, {_SORT_KEY} AS sort_date FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {_SORT_KEY} DESC, e.seq DESC"
    if limit is not None:
        sql += " LIMIT %s"
        params.append(limit + 1)
    rows = conn.execute(sql, params).fetchall()
    next_cursor = None
    if limit is not None and len(rows) > limit:
        rows = rows[:limit]
        next_cursor = _encode_cursor(rows[-1]["sort_date"], rows[-1]["seq"])
    return rows, next_cursor


def _count(conn: psycopg.Connection, query: EventQuery, at_most: int | None) -> int:
    where, params = _where(query)
    sql = "SELECT 1 FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
    if at_most is not None:
        sql += f" LIMIT {int(_check_limit(at_most))}"  # type: ignore[arg-type]
    sql = f"SELECT count(*) AS n FROM ({sql}) AS matching"
    return int(conn.execute(sql, params).fetchone()["n"])


def _contracts(conn: psycopg.Connection, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The event contract of `rows` of the events table (in that order), with all their evidence."""
    evidence: dict[str, list[dict[str, Any]]] = {row["id"]: [] for row in rows}
    if evidence:
        for ev in conn.execute(
            'SELECT event_id, document_id, sentence, start, "end", lang, url, source FROM evidence'
            " WHERE event_id = ANY(%s) ORDER BY id",
            (list(evidence),),
        ):
            evidence[ev["event_id"]].append(evidence_dict(ev))
    return [event_dict(row, evidence[row["id"]]) for row in rows]


def _load_events(conn: psycopg.Connection, rows: Sequence[dict[str, Any]]) -> list[Event]:
    """Events for `rows` of the events table, each with all its evidence, in `rows` order."""
    evidence: dict[str, list[Evidence]] = {row["id"]: [] for row in rows}
    if evidence:
        for ev in conn.execute(
            'SELECT event_id, document_id, sentence, start, "end", lang, url, source FROM evidence'
            " WHERE event_id = ANY(%s) ORDER BY id",
            (list(evidence),),
        ):
            evidence[ev["event_id"]].append(
                Evidence(
                    document_id=ev["document_id"],
                    sentence=ev["sentence"],
                    start=ev["start"],
                    end=ev["end"],
                    lang=ev["lang"],
                    url=ev["url"],
                    source=ev["source"],
                )
            )
    return [_row_to_event(row, evidence[row["id"]]) for row in rows]  # type: ignore[arg-type]


# -- query building ----------------------------------------------------------------------------


def _where(q: EventQuery) -> tuple[list[str], list[Any]]:
    """SQL conditions (on alias `e`) and their parameters for the filters of `q`, as SQLite's `_where`."""
    where: list[str] = []
    params: list[Any] = []
    if q.since:
        where.append("e.date >= %s")
        params.append(_check_date(q.since, "since"))
    if q.until:
        until = _check_date(q.until, "until")
        # A partial date ("2024-03") includes the whole period.
        where.append("substr(e.date, 1, %s) <= %s")
        params += [len(until), until]
    if q.type:
        where.append("lower(e.type) = lower(%s)")
        params.append(q.type.strip())
    if q.mode:
        where.append("lower(e.mode) = lower(%s)")
        params.append(q.mode.strip())
    if q.acled_type:
        where.append("lower(e.acled_event_type) = lower(%s)")
        params.append(q.acled_type.strip())
    if q.country:
        where.append("e.country = %s")
        params.append(_country_alpha2(q.country))
    if q.actor and q.actor.strip():
        where.append("strpos(e.actor_text, %s) > 0")
        params.append(q.actor.strip().casefold())
    if q.bbox is not None:
        clause, bbox_params = _bbox_clause(q.bbox)
        where.append(clause)
        params += bbox_params
        # The same date range on `day`, so that the planner may combine the GiST and day indexes.
        # A day wider on each side: it only narrows, the conditions on `date` decide.
        if q.since:
            where.append("e.day >= %s")
            params.append(_period(q.since)[0] - timedelta(days=1))
        if q.until:
            where.append("e.day <= %s")
            params.append(_period(q.until)[1] + timedelta(days=1))
    if q.q and q.q.strip():
        terms = search_terms(q.q)
        if not terms:
            where.append("false")  # only punctuation: matches nothing rather than everything
        else:
            parts = []
            for phrase, prefix in terms:
                if prefix:
                    # The last word of the phrase as a prefix; a phrase of no words stays empty.
                    parts.append(
                        "(SELECT CASE WHEN numnode(p) = 0 THEN p ELSE (p::text || ':*')::tsquery END"
                        " FROM phraseto_tsquery('simple', %s) AS p)"
                    )
                else:
                    parts.append("phraseto_tsquery('simple', %s)")
                params.append(phrase)
            where.append(
                "e.id IN (SELECT ev.event_id FROM evidence ev WHERE ev.tsv @@ (" + " && ".join(parts) + "))"
            )
    if q.lang:
        where.append("EXISTS (SELECT 1 FROM evidence ev WHERE ev.event_id = e.id AND ev.lang = %s)")
        params.append(q.lang.strip().lower())
    if q.min_confidence is not None:
        where.append("e.confidence >= %s")
        params.append(_check_confidence(q.min_confidence))
    if q.modality is not None:
        modalities = (q.modality,) if isinstance(q.modality, str) else tuple(q.modality)
        unknown = sorted(set(modalities) - set(MODALITIES))
        if unknown:
            raise StoreError(
                f"unknown modality {', '.join(unknown)} (expected some of {', '.join(MODALITIES)})"
            )
        where.append("e.modality = ANY(%s)")
        params.append(list(modalities))
    if q.updated_since:
        where.append("e.updated >= %s")
        params.append(_normalise_timestamp(q.updated_since))
    if q.flagged is not None:  # analysts' flags (lagebild.corrections): hidden unless asked for
        where.append("e.flagged = %s")
        params.append(bool(q.flagged))
    return where, params


def search_terms(text: str) -> list[tuple[str, bool]]:
    """What a user typed as (phrase, prefix) pairs, as `sqlite.fts_query` reads it.

    Every word must match; "quoted phrases" stay phrases and a trailing * asks for a prefix
    (`Kharkiv*`). Operators and brackets are taken literally: phraseto_tsquery parses no syntax.
    """
    terms = []
    for match in re.finditer(r'"([^"]*)"|(\S+)', text):
        phrase, word = match.group(1), match.group(2)
        prefix = False
        if phrase is None:
            prefix = word.endswith("*")
            phrase = word.rstrip("*")
        if any(ch.isalnum() for ch in phrase):
            terms.append((phrase, prefix))
    return terms


def _bbox_clause(bbox: Sequence[float]) -> tuple[str, list[Any]]:
    """The condition for `bbox`: the GiST index narrows (`&&`), the exact comparison decides."""
    west, south, east, north = check_bbox(bbox)
    box = "e.geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)"
    if west <= east:
        return (
            f"{box} AND e.lat BETWEEN %s AND %s AND e.lon BETWEEN %s AND %s",
            [west, south, east, north, south, north, west, east],
        )
    # West > east: the box crosses the antimeridian, two boxes.
    return (
        f"({box} OR {box}) AND e.lat BETWEEN %s AND %s AND (e.lon >= %s OR e.lon <= %s)",
        [west, south, 180.0, north, -180.0, south, east, north, south, north, west, east],
    )


# -- watch-lists, alerts, corrections: helpers -------------------------------------------------


def _lead_anchor(conn: psycopg.Connection, event_id: str) -> tuple[str, str, int, int]:
    """What a correction of `event_id` is anchored to: its lead mention and that mention's sentence."""
    mention = conn.execute(
        "SELECT id, data FROM mentions WHERE event_id = %s ORDER BY seq LIMIT 1", (event_id,)
    ).fetchone()
    if mention is not None:
        evidence = json.loads(mention["data"]).get("evidence") or []
        if evidence:
            ev = evidence[0]
            return mention["id"], ev["document_id"], int(ev["start"]), int(ev["end"])
    lead = conn.execute(
        'SELECT document_id, start, "end" FROM evidence WHERE event_id = %s ORDER BY id LIMIT 1', (event_id,)
    ).fetchone()
    mention_id = mention["id"] if mention is not None else event_id
    if lead is None:
        return mention_id, "", 0, 0
    return mention_id, lead["document_id"], int(lead["start"]), int(lead["end"])


def _resolve_anchor(conn: psycopg.Connection, c: dict[str, Any]) -> str | None:
    """The event a correction belongs to now: the one holding its mention, else its sentence."""
    row = conn.execute(
        "SELECT m.event_id AS id FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.id = %s",
        (c["mention_id"],),
    ).fetchone()
    if row is None:
        row = conn.execute("SELECT id FROM events WHERE id = %s", (c["mention_id"],)).fetchone()
    if row is None and c["document_id"]:
        row = conn.execute(
            'SELECT event_id AS id FROM evidence WHERE document_id = %s AND start = %s AND "end" = %s'
            " ORDER BY id LIMIT 1",
            (c["document_id"], c["start"], c["end"]),
        ).fetchone()
    return row["id"] if row else None


def _apply_corrections(conn: psycopg.Connection, event_id: str, change: int, *, fresh: bool) -> None:
    """Set an event's row to its corrected values (see the SQLite store's function of this name)."""
    # Its own corrections, and those anchored to a mention it holds now: an event that absorbed
    # another (or was re-grouped by a rebuild) carries the corrections of the mentions it took in.
    # Corrections are few (made by hand): scanning their table is cheap, and nothing when empty.
    rows = conn.execute(
        "SELECT c.* FROM corrections c LEFT JOIN mentions m ON m.id = c.mention_id"
        " WHERE c.event_id = %s OR m.event_id = %s ORDER BY c.id",
        (event_id, event_id),
    ).fetchall()
    if not rows:
        return
    moved = [r["id"] for r in rows if r["event_id"] != event_id]
    for correction_id in moved:
        conn.execute("UPDATE corrections SET event_id = %s WHERE id = %s", (event_id, correction_id))
    row = conn.execute("SELECT * FROM events WHERE id = %s", (event_id,)).fetchone()
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
        "geom": f"SRID=4326;POINT({place['lon']!r} {place['lat']!r})" if place else None,
        "day": first_day(columns["date"]),
        "country": place.get("country") if place else None,
        "precision": place.get("precision") if place else None,
        "place_name": place.get("name") if place else None,
        "flagged": flagged,
        "correction": json.dumps(summary, ensure_ascii=False),
        "change_seq": change,
    }
    if not fresh:
        values["updated"] = utcnow()
    conn.execute(
        f"UPDATE events SET {', '.join(f'{c} = %s' for c in values)} WHERE seq = %s",
        [*values.values(), row["seq"]],
    )
