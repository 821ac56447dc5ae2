"""The store on both backends (SQLite file, PostgreSQL database): round trips, every filter,
pagination, concurrency; SQLite's own file handling and migrations (`test_sqlite_*`)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from factories import make_doc, make_event
from lagebild.model import Actor, Event, Evidence, Place
from lagebild.store import EventQuery, Store, StoreError, open_store, postgres
from lagebild.store import migrations as migrations_module
from lagebild.store.migrations import Migration, latest_version
from lagebild.store.sqlite import SQLiteStore, fts_query


@pytest.fixture
def store(store_url: str):
    s = open_store(store_url)
    yield s
    s.close()


def ids(events) -> list[str]:
    return [e.id for e in events]


# -- round trips -------------------------------------------------------------------------------


def test_event_round_trip_equals_contract(store: Store) -> None:
    doc = make_doc(
        'Российские войска обстреляли Харьков. Troops shelled Kharkiv, "again", officials said.',
        url="https://example.org/a?x=1",
        source="example.org",
        title="Обстрел «Харькова»",
        published="2024-04-30",
        lang="ru",
        author="Анна",
    )
    event = Event(
        id="ev-1",
        type="ASSAULT",
        mode="aerial",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        cameo_root="19",
        actors=[Actor("Российские войска", canonical="Russian Armed Forces", country="RU", sector="MIL")],
        recipients=[Actor("Харьков", country="UA", sector="CVL"), Actor("UN", igo="UN")],
        location=Place(
            "Kharkiv",
            49.98081,
            36.25272,
            country="UA",
            geonameid=706483,
            admin1="Kharkivska",
            precision="city",
        ),
        date="2024-04-29",
        date_precision="day",
        modality="asserted",
        confidence=0.8765,
        evidence=[
            Evidence(doc.id, "Российские войска обстреляли Харьков.", 0, 37, "ru", doc.url, doc.source),
            Evidence(doc.id, 'Troops shelled Kharkiv, "again", officials said.', 38, 87, "en", None, None),
        ],
        num_sources=2,
        first_seen="2024-04-30T08:00:00+00:00",
        updated="2024-04-30T09:00:00+00:00",
    )
    assert store.add_document(doc, [event]) is True

    assert store.get_event("ev-1").to_dict() == event.to_dict()
    assert store.get_document(doc.id).to_dict() == doc.to_dict()
    assert store.has_document(doc.id)
    assert store.get_event("missing") is None
    assert store.get_document("missing") is None
    assert not store.has_document("missing")


def test_event_without_location_or_actors_round_trips(store: Store) -> None:
    doc = make_doc("Talks were held.")
    event = make_event(doc, "bare", "Talks were held.", type="CONSULT")
    store.add_document(doc, [event])
    assert store.get_event("bare").to_dict() == event.to_dict()


def test_add_document_is_idempotent(store: Store) -> None:
    doc = make_doc("Protesters gathered.")
    first = make_event(doc, "p1", type="PROTEST")
    assert store.add_document(doc, [first]) is True
    again = make_event(doc, "p2", type="PROTEST")
    assert store.add_document(doc, [first, again]) is False
    assert store.get_event("p2") is None
    assert store.stats()["documents"] == 1
    assert store.count_events(EventQuery()) == 1
    assert len(store.get_event("p1").evidence) == 1


def test_reopening_keeps_data(store_url: str) -> None:
    with open_store(store_url) as s:
        doc = make_doc("Kept.")
        s.add_document(doc, [make_event(doc, "k", type="AID")])
    with open_store(store_url, create=False) as s:
        assert s.get_event("k").type == "AID"
        assert s.has_document(doc.id)


def test_sqlite_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "db" / "nested" / "x.db"
    with SQLiteStore(path) as s:
        doc = make_doc("Kept.")
        s.add_document(doc, [make_event(doc, "k", type="AID")])
    assert path.is_file()


# -- filters -----------------------------------------------------------------------------------


@pytest.fixture
def filled(store: Store) -> Store:
    """Six events chosen so that every filter separates them differently."""
    d_en = make_doc("English report.", source="bbc.co.uk", title="Shelling of Kharkiv", lang="en")
    d_de = make_doc("Deutscher Bericht.", source="tagesschau.de", title="Proteste in Berlin", lang="de")
    d_ar = make_doc("تقرير عربي.", source="aljazeera.net", title="غارة على غزة", lang="ar")
    kharkiv = Place("Kharkiv", 49.98, 36.25, country="UA")
    berlin = Place("Berlin", 52.52, 13.40, country="DE")
    gaza = Place("Gaza", 31.50, 34.47, country="PS")
    fiji = Place("Suva", -18.14, 178.44, country="FJ")
    events_en = [
        make_event(
            d_en,
            "shell",
            "Russian forces shelled Kharkiv overnight.",
            type="ASSAULT",
            mode="aerial",
            acled_event_type="Explosions/Remote violence",
            actors=[Actor("Russian forces", canonical="Armed Forces of Russia", country="RU", sector="MIL")],
            recipients=[Actor("residents", sector="CVL")],
            location=kharkiv,
            date="2024-03-10",
            confidence=0.9,
            updated="2024-03-11T10:00:00+00:00",
        ),
        make_event(
            d_en,
            "threat",
            "The ministry threatened sanctions.",
            start=50,
            type="THREATEN",
            actors=[Actor("Ministry of Foreign Affairs", country="UA", sector="GOV")],
            recipients=[Actor("the alliance", igo="NATO")],
            location=kharkiv,
            date="2024-03-12",
            modality="future",
            confidence=0.4,
            updated="2024-03-12T10:00:00+00:00",
        ),
        make_event(d_en, "undated", "Ships were seen near Suva.", start=90, type="MOBILIZE", location=fiji),
    ]
    events_de = [
        make_event(
            d_de,
            "protest",
            "Tausende Demonstranten zogen durch Berlin.",
            lang="de",
            type="PROTEST",
            mode="demonstrate",
            acled_event_type="Protests",
            actors=[Actor("Demonstranten", sector="PROT")],
            location=berlin,
            date="2024-02-01",
            confidence=0.7,
        ),
        make_event(
            d_de,
            "denied",
            "Die Polizei bestritt Festnahmen in Berlin.",
            start=60,
            lang="de",
            type="COERCE",
            mode="arrest",
            actors=[Actor("Polizei", canonical="Berliner Polizei", country="DE", sector="COP")],
            location=berlin,
            date="2024-02-02",
            modality="negated",
            confidence=0.6,
        ),
    ]
    events_ar = [
        make_event(
            d_ar,
            "strike",
            "شنت طائرات غارة على غزة.",
            lang="ar",
            type="ASSAULT",
            mode="aerial",
            acled_event_type="Explosions/Remote violence",
            actors=[Actor("طائرات", canonical="Israeli Air Force", country="IL", sector="MIL")],
            location=gaza,
            date="2024-03-10",
            confidence=0.85,
        )
    ]
    store.add_document(d_en, events_en)
    store.add_document(d_de, events_de)
    store.add_document(d_ar, events_ar)
    return store


def found(store: Store, **filters) -> set[str]:
    filters.setdefault("modality", None)
    events, cursor = store.query_events(EventQuery(**filters))
    assert cursor is None
    assert store.count_events(EventQuery(**filters)) == len(events)
    return set(ids(events))


ALL = {"shell", "threat", "undated", "protest", "denied", "strike"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ALL),
        ({"modality": ("asserted",)}, {"shell", "undated", "protest", "strike"}),
        ({"modality": ("negated", "future")}, {"threat", "denied"}),
        ({"since": "2024-03-01"}, {"shell", "threat", "strike"}),
        ({"until": "2024-02-28"}, {"protest", "denied"}),
        ({"until": "2024-02"}, {"protest", "denied"}),
        ({"since": "2024-03-11", "until": "2024-03-12"}, {"threat"}),
        ({"type": "ASSAULT"}, {"shell", "strike"}),
        ({"type": "assault"}, {"shell", "strike"}),
        ({"mode": "aerial"}, {"shell", "strike"}),
        ({"acled_type": "Protests"}, {"protest"}),
        ({"country": "DE"}, {"protest", "denied"}),
        ({"country": "ukr"}, {"shell", "threat"}),
        ({"actor": "russia"}, {"shell"}),  # canonical name
        ({"actor": "POLIZEI"}, {"denied"}),  # name and canonical, any case
        ({"actor": "residents"}, {"shell"}),  # recipients count too
        ({"actor": " طائرات"}, {"strike"}),
        ({"actor": "nato"}, {"threat"}),  # IGO code
        ({"bbox": (30.0, 45.0, 40.0, 55.0)}, {"shell", "threat"}),
        ({"bbox": (10.0, 30.0, 40.0, 55.0)}, {"shell", "threat", "protest", "denied", "strike"}),
        ({"bbox": (170.0, -20.0, -170.0, -10.0)}, {"undated"}),  # across the antimeridian
        ({"bbox": (0.0, 0.0, 1.0, 1.0)}, set()),
        ({"q": "Kharkiv"}, {"shell", "threat", "undated"}),  # the document title counts for all its events
        ({"q": "kharkiv overnight"}, {"shell"}),
        ({"q": "Berlin"}, {"protest", "denied"}),
        ({"q": '"Demonstranten zogen"'}, {"protest"}),
        ({"q": "Demonstr*"}, {"protest"}),
        ({"q": "غزة"}, {"strike"}),
        ({"q": "nothing-like-this"}, set()),
        ({"lang": "de"}, {"protest", "denied"}),
        ({"lang": "AR"}, {"strike"}),
        ({"min_confidence": 0.8}, {"shell", "strike"}),
        ({"updated_since": "2024-03-11T11:00:00+01:00"}, ALL),  # the instant "shell" was updated: inclusive
        ({"updated_since": "2024-03-11T10:00:01Z"}, ALL - {"shell"}),
        ({"updated_since": "2024-04-01"}, {"undated", "protest", "denied", "strike"}),
        ({"type": "ASSAULT", "country": "UA", "since": "2024-03-01"}, {"shell"}),
    ],
)
def test_filters(filled: Store, filters: dict, expected: set[str]) -> None:
    assert found(filled, **filters) == expected


def test_default_query_shows_asserted_events_only(filled: Store) -> None:
    events, _ = filled.query_events(EventQuery())
    assert {e.modality for e in events} == {"asserted"}


@pytest.mark.parametrize(
    "q", ['"unbalanced', "a AND (b", "NEAR(x y)", "title:foo", "-x", "^start", "***", "' OR 1=1 --", "{a b}"]
)
def test_fts_syntax_never_reaches_the_user(filled: Store, q: str) -> None:
    filled.query_events(EventQuery(q=q, modality=None))  # no exception


def test_fts_query_quotes_every_term() -> None:
    assert fts_query('Kharkiv "air raid" strike*') == '"Kharkiv" AND "air raid" AND "strike"*'
    assert fts_query('say "hi') == '"say" AND """hi"'
    assert fts_query("!!! ---") == ""


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"since": "last week"}, "since"),
        ({"until": "2024-13-01"}, "until"),
        ({"bbox": (10, 50, 20, 40)}, "bbox"),
        ({"bbox": (10, 50, 20)}, "bbox"),
        ({"min_confidence": 2}, "min_confidence"),
        ({"modality": ("maybe",)}, "modality"),
        ({"limit": 0}, "limit"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"country": "Ukraine"}, "country"),
        ({"updated_since": "yesterday"}, "updated_since"),
    ],
)
def test_bad_filters_give_clear_errors(filled: Store, filters: dict, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        filled.query_events(EventQuery(**filters))


# -- pagination --------------------------------------------------------------------------------


def test_pagination_visits_each_event_once_in_order(store: Store) -> None:
    dates = [None, "2024-01-01", "2024-01-02", "2024-01-02", "2023-12-31"]
    expected_events = []
    for n in range(23):
        doc = make_doc(f"Document number {n}.")
        evs = [
            make_event(doc, f"e{n}-{k}", type="AID", start=k, date=dates[(n + k) % len(dates)])
            for k in range(3)
        ]
        store.add_document(doc, evs)
        expected_events += evs

    seen, cursor, pages = [], None, 0
    while True:
        page, cursor = store.query_events(EventQuery(limit=4, cursor=cursor))
        assert len(page) <= 4
        seen += page
        pages += 1
        if cursor is None:
            break
    assert pages == -(-len(expected_events) // 4)
    assert sorted(ids(seen)) == sorted(ids(expected_events))
    assert len(set(ids(seen))) == len(seen)
    # newest first, undated last
    keys = [e.date or "" for e in seen]
    assert keys == sorted(keys, reverse=True)
    assert seen[-1].date is None
    assert ids(store.iter_events(EventQuery())) == ids(seen)
    assert len(list(store.iter_events(EventQuery(limit=10)))) == 10


def test_pagination_is_stable_while_events_are_added(store: Store) -> None:
    for n in range(10):
        doc = make_doc(f"Old {n}.")
        store.add_document(doc, [make_event(doc, f"old{n}", type="AID", date="2024-01-05")])
    page, cursor = store.query_events(EventQuery(limit=3))
    seen = ids(page)
    # New events (newer and same date) arrive between pages: old ones must neither repeat nor vanish.
    for n in range(5):
        doc = make_doc(f"New {n}.")
        store.add_document(
            doc, [make_event(doc, f"new{n}", type="AID", date="2024-01-05" if n % 2 else "2024-02-01")]
        )
    while cursor:
        page, cursor = store.query_events(EventQuery(limit=3, cursor=cursor))
        seen += ids(page)
    old = [i for i in seen if i.startswith("old")]
    assert sorted(old) == sorted(f"old{n}" for n in range(10))
    assert len(seen) == len(set(seen))


def test_sqlite_bbox_query_uses_the_rtree(tmp_path: Path) -> None:
    filled = SQLiteStore(tmp_path / "events.db")
    plan = filled._db.execute(
        "EXPLAIN QUERY PLAN SELECT seq FROM events_rtree WHERE min_lat <= 1 AND max_lat >= 0"
    ).fetchall()
    assert any("VIRTUAL TABLE INDEX" in str(tuple(row)) for row in plan)


# -- merging across documents ------------------------------------------------------------------


def test_upsert_and_add_evidence_merge_reports(store: Store) -> None:
    a = make_doc("Report A.", source="a.example")
    b = make_doc("Report B.", source="b.example")
    event = make_event(a, "merged", "Shelling in Kharkiv.", type="ASSAULT", date="2024-03-10")
    store.add_document(a, [event])
    change_before = store.last_change()

    store.add_document(b, [])
    second = Evidence(b.id, "Kharkiv was shelled.", 5, 25, "en", None, "b.example")
    assert store.add_evidence("merged", [second]) == 1
    assert store.add_evidence("merged", [second]) == 0  # same row again: ignored

    stored = store.get_event("merged")
    assert [e.document_id for e in stored.evidence] == [a.id, b.id]
    assert stored.num_sources == 2
    assert store.last_change() > change_before
    assert ids(store.query_events(EventQuery(q="shelled"))[0]) == ["merged"]

    updated = Event.from_dict({**event.to_dict(), "confidence": 0.95, "num_sources": 3, "evidence": []})
    updated.first_seen = "2030-01-01T00:00:00+00:00"
    store.upsert_event(updated)
    stored = store.get_event("merged")
    assert stored.confidence == 0.95
    assert stored.num_sources == 3
    assert len(stored.evidence) == 2  # evidence is never dropped
    assert stored.first_seen == event.first_seen  # the earlier one stays

    changed, mark = store.events_changed_since(change_before)
    assert ids(changed) == ["merged"]
    assert store.events_changed_since(mark) == ([], mark)

    with pytest.raises(StoreError, match="no event"):
        store.add_evidence("nope", [second])


def test_upsert_moves_the_event_in_the_spatial_index(store: Store) -> None:
    doc = make_doc("Moving.")
    event = make_event(doc, "mv", type="AID", location=Place("A", 10.0, 10.0))
    store.add_document(doc, [event])
    event.location = Place("B", -10.0, -10.0)
    store.upsert_event(event)
    assert found(store, bbox=(9, 9, 11, 11)) == set()
    assert found(store, bbox=(-11, -11, -9, -9)) == {"mv"}


# -- stats and meta ----------------------------------------------------------------------------


def test_stats(filled: Store) -> None:
    stats = filled.stats()
    assert stats["documents"] == 3
    assert stats["events"] == 6
    assert stats["sources"]["count"] == 3
    assert {s["source"] for s in stats["sources"]["top"]} == {"bbc.co.uk", "tagesschau.de", "aljazeera.net"}
    assert stats["languages"] == {"en": 1, "de": 1, "ar": 1}
    assert stats["event_dates"] == {"first": "2024-02-01", "last": "2024-03-12"}
    assert stats["ingested"]["first"] <= stats["ingested"]["last"]
    shipped = postgres.latest_version() if isinstance(filled, postgres.PostgresStore) else latest_version()
    assert stats["schema_version"] == shipped


def test_empty_store_stats(store: Store) -> None:
    stats = store.stats()
    assert stats["documents"] == stats["events"] == 0
    assert stats["event_dates"] == {"first": None, "last": None}
    assert store.last_change() == 0


def test_meta_key_value(store: Store) -> None:
    assert store.get_meta("etag:feed") is None
    assert store.get_meta("etag:feed", "none") == "none"
    store.set_meta("etag:feed", 'W/"abc"')
    store.set_meta("etag:feed", 'W/"def"')
    assert store.get_meta("etag:feed") == 'W/"def"'
    store.set_meta("etag:feed", None)
    assert store.get_meta("etag:feed") is None


# -- opening, migrations -----------------------------------------------------------------------


def test_sqlite_opens_an_empty_file_and_sets_up_wal(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with SQLiteStore(path) as s:
        assert s.schema_version == latest_version()
        assert s._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s._db.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_sqlite_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    with pytest.raises(StoreError, match="newer than this lagebild supports"):
        SQLiteStore(path)


def test_sqlite_foreign_files_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all, just some text that is long enough to be a header" * 10)
    with pytest.raises(StoreError, match="cannot open database"):
        SQLiteStore(text)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE things (x)")
    with pytest.raises(StoreError, match="another program"):
        SQLiteStore(other)


def test_unknown_url_scheme() -> None:
    with pytest.raises(StoreError, match="scheme"):
        open_store("mysql://localhost/x")


def _with_extra_migration(monkeypatch: pytest.MonkeyPatch, *statements: str) -> None:
    shipped = migrations_module.migrations()
    extra = Migration(len(shipped) + 1, "9999_test.sql", statements)
    monkeypatch.setattr(migrations_module, "migrations", lambda: (*shipped, extra))


def test_sqlite_old_database_is_upgraded_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    with SQLiteStore(path) as s:
        doc = make_doc("Before the upgrade.")
        s.add_document(doc, [make_event(doc, "before", type="AID")])
    _with_extra_migration(
        monkeypatch, "CREATE TABLE added_later (x INTEGER)", "INSERT INTO added_later VALUES (1)"
    )
    with SQLiteStore(path) as s:
        assert s.schema_version == latest_version()
        assert s._db.execute("SELECT x FROM added_later").fetchone()[0] == 1
        assert s.get_event("before").type == "AID"


def test_sqlite_failed_migration_leaves_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    SQLiteStore(path).close()
    before = latest_version()
    _with_extra_migration(monkeypatch, "CREATE TABLE half (x INTEGER)", "THIS IS NOT SQL")
    with pytest.raises(StoreError, match="cannot open database"):
        SQLiteStore(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == before
        assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").fetchone()[0] == 0


def test_closed_store_says_so(store_url: str) -> None:
    s = open_store(store_url)
    s.close()
    s.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        s.stats()


# -- concurrency -------------------------------------------------------------------------------


def test_one_store_shared_by_threads(store: Store) -> None:
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for n in range(15):
                doc = make_doc(f"Thread {worker} document {n}.")
                store.add_document(doc, [make_event(doc, f"t{worker}-{n}", type="AID", date="2024-01-01")])
                store.query_events(EventQuery(limit=5))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count_events(EventQuery()) == 60


def test_two_stores_on_one_database(store_url: str) -> None:
    """Two connections (as two processes would have): the reader sees the writer's commits."""
    writer, reader = open_store(store_url), open_store(store_url)
    try:
        doc = make_doc("Seen by both.")
        writer.add_document(doc, [make_event(doc, "both", type="AID")])
        assert reader.get_event("both") is not None
        assert reader.add_document(doc, []) is False
    finally:
        writer.close()
        reader.close()
