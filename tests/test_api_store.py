"""The store queries added for the API, on both backends: timeline buckets, events of a document,
map views."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.model import Document, Event, Evidence
from lagebild.store import EventQuery, Store, StoreError, open_store
from lagebild.store import postgres as postgres_module
from lagebild.store.sqlite import SQLiteStore


@pytest.fixture
def store(store_url: str):
    with open_store(store_url) as s:
        yield s


def event(doc: Document, event_id: str, type_: str, date: str | None, start: int = 0) -> Event:
    return Event(
        id=event_id, type=type_, date=date, evidence=[Evidence(doc.id, "Sentence.", start, start + 9)]
    )


def test_timeline_buckets(store: Store) -> None:
    doc = Document.create("A report.")
    store.add_document(
        doc,
        [
            event(doc, "a", "ASSAULT", "2024-03-10", 0),  # a Sunday
            event(doc, "b", "ASSAULT", "2024-03-11", 10),  # the Monday after
            event(doc, "c", "PROTEST", "2024-03", 20),  # known to the month only
            event(doc, "d", "PROTEST", None, 30),
        ],
    )
    query = EventQuery()
    assert store.timeline(query, "day") == [
        (None, "PROTEST", 1),
        ("2024-03-01", "PROTEST", 1),
        ("2024-03-10", "ASSAULT", 1),
        ("2024-03-11", "ASSAULT", 1),
    ]
    assert store.timeline(query, "week") == [
        (None, "PROTEST", 1),
        ("2024-02-26", "PROTEST", 1),
        ("2024-03-04", "ASSAULT", 1),
        ("2024-03-11", "ASSAULT", 1),
    ]
    assert store.timeline(query, "month") == [
        (None, "PROTEST", 1),
        ("2024-03-01", "ASSAULT", 2),
        ("2024-03-01", "PROTEST", 1),
    ]
    assert store.timeline(EventQuery(type="ASSAULT", since="2024-03-11"), "month") == [
        ("2024-03-01", "ASSAULT", 1)
    ]
    with pytest.raises(StoreError, match="bucket"):
        store.timeline(query, "hour")


def test_events_of_document(store: Store) -> None:
    first, second = Document.create("First."), Document.create("Second.")
    store.add_document(
        first, [event(first, "a", "ASSAULT", "2024-01-01"), event(first, "b", "PROTEST", None, 5)]
    )
    store.add_document(second, [event(second, "c", "ASSAULT", "2024-01-02")])
    store.add_evidence("c", [Evidence(first.id, "Also here.", 40, 50)])
    assert [e.id for e in store.events_of_document(first.id)] == ["a", "b", "c"]
    assert [e.id for e in store.events_of_document(second.id)] == ["c"]
    assert store.events_of_document("unknown") == []


@pytest.mark.parametrize("rtree_max", [10**9, 50, 0])
def test_sqlite_map_view_search_matches_a_plain_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rtree_max: int
) -> None:
    """bbox + dates finds exactly what checking every event finds, whether the store searches
    the R*Trees (small boxes) or reads rows in date order (boxes with many events)."""
    from lagebild.store import sqlite as sqlite_module

    monkeypatch.setattr(sqlite_module, "RTREE_MAX_MATCHES", rtree_max)
    monkeypatch.setattr(sqlite_module, "PAGE_SIZE", 7)
    with SQLiteStore(tmp_path / "many.db") as store:
        _map_views_match_a_plain_scan(store)


def test_map_view_search_matches_a_plain_scan(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same on each backend as it comes (PostgreSQL: GiST on the point, btree on the day)."""
    from lagebild.store import sqlite as sqlite_module

    monkeypatch.setattr(sqlite_module, "PAGE_SIZE", 7)
    monkeypatch.setattr(postgres_module, "PAGE_SIZE", 7)
    _map_views_match_a_plain_scan(store)


def _map_views_match_a_plain_scan(store: Store) -> None:
    import random

    from lagebild.model import Place

    rng = random.Random(3)
    doc = Document.create("Many events.")
    events = []
    for i in range(400):
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        place = Place("p", rng.uniform(-60, 60), rng.uniform(-180, 180))
        events.append(
            Event(
                id=f"e{i}",
                type="ASSAULT",
                date=rng.choice([day, day[:7], None]),
                location=place,
                evidence=[Evidence(doc.id, "s", i, i + 1)],
            )
        )
    store.add_document(doc, events)
    # Moving events in time and space must move them in the index too.
    for event in events[:40]:
        event.date = "2024-06-15"
        event.location = Place("q", 10.0, 20.0)
        store.upsert_event(event)
    boxes = [(-180, -90, 180, 90), (0, -30, 90, 30), (150, -60, -150, 60), (19, 9, 21, 11)]
    ranges = [
        ("2024-06-15", "2024-06-15"),
        ("2024-03", "2024-05"),
        (None, "2024-02-10"),
        ("2024-11", None),
        ("2024", "2024"),
        (None, None),
    ]
    for west, south, east, north in boxes:
        for since, until in ranges:
            query = EventQuery(bbox=(west, south, east, north), since=since, until=until, modality=None)
            expected = {
                e.id
                for e in events
                if (e.date or (since is None and until is None))
                and (since is None or e.date >= since)
                and (until is None or e.date[: len(until)] <= until)
                and south <= e.location.lat <= north
                and (west <= e.location.lon <= east if west <= east else not east < e.location.lon < west)
            }
            found = [e.id for e in store.query_events(query)[0]]  # all at once
            assert set(found) == expected, (west, south, east, north, since, until)
            assert len(found) == len(expected)
            # Pages of 7 events: the cursor works the same way on both plans.
            assert [e.id for e in store.iter_events(query)] == found
            assert store.count_events(query) == len(expected)


def test_sqlite_a_cursor_starts_the_scan_where_the_page_ends(tmp_path: Path) -> None:
    """Deep pages must not read every earlier page again (exports page through everything)."""
    store = SQLiteStore(tmp_path / "events.db")
    doc = Document.create("Many.")
    store.add_document(
        doc, [event(doc, f"e{i}", "ASSAULT", f"2024-01-{i % 28 + 1:02d}", i) for i in range(30)]
    )
    _, cursor = store.query_events(EventQuery(limit=10))
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    try:
        store.query_events(EventQuery(limit=10, cursor=cursor))
    finally:
        store._db.set_trace_callback(None)
    page_sql = next(s for s in statements if s.startswith("SELECT e.*"))
    plan = " ".join(str(row[3]) for row in store._db.execute("EXPLAIN QUERY PLAN " + page_sql))
    assert "SEARCH e USING INDEX events_order" in plan, plan
