"""The API's page read (`event_page`, issue #13) against the event contract, on both backends.

`event_page` builds the contract straight from the rows, and on SQLite answers map views from
the events_map R*Tree (migration 5) without reading event rows: every page it gives must be what
`query_events` + `Event.to_dict()` + `count_events` give, over many events of every kind (partial
dates, undated, modalities, flagged, places on a box's edge and across the antimeridian), many
views and every page of each.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest

from lagebild.api.app import json_response
from lagebild.corrections import changes_of
from lagebild.model import Actor, Document, Event, Evidence, Place
from lagebild.store import EventQuery, Store, open_store
from lagebild.store import sqlite as sqlite_store

# Coordinates that 32-bit floats do not hold exactly, used as box edges below: the R*Tree's
# rounded entry overlaps the edge, and only the event's own coordinates decide.
EDGE_LAT, EDGE_LON = 52.52, 13.405
DATES = ["2024-03-01", "2024-03-02", "2024-03-31", "2024-03", "2024-04", "2024", "2023-12-31", None]


def _events(doc: Document, rng: random.Random, n: int) -> list[Event]:
    events = []
    for i in range(n):
        kind = rng.random()
        if kind < 0.1:  # on an edge, or a hair outside it (inside the R*Tree's rounded entry)
            lat = EDGE_LAT + rng.choice([0.0, -1e-7, 1e-7])
            lon = EDGE_LON + rng.choice([-1.0, 0.0, 1.0, -1e-7, 1e-7])
        elif kind < 0.2:
            lat, lon = rng.uniform(-10, 10), rng.choice([179.999, -179.999, 180.0, -180.0, 175.0])
        else:
            lat, lon = rng.uniform(45, 60), rng.uniform(5, 25)
        place = None if rng.random() < 0.1 else Place(f"Place {i}", lat, lon, "DE", precision="city")
        events.append(
            Event(
                id=f"ev{i:04d}",
                type=rng.choice(["ASSAULT", "PROTEST", "COERCE"]),
                mode=rng.choice([None, "demo"]),
                actors=[Actor(f"Group {i % 7}", canonical=rng.choice([None, "Grupo"]), sector="MIL")],
                recipients=[Actor("Ärzte ohne Grenzen", country="DE")] if i % 3 == 0 else [],
                location=place,
                date=rng.choice(DATES),
                date_precision="day",
                modality=rng.choice(["asserted"] * 6 + ["negated", "future"]),
                confidence=rng.random(),
                evidence=[
                    Evidence(
                        doc.id, f"Sentence {i} «quoted».", i * 10, i * 10 + 9, "de", "https://x.example/a"
                    )
                ],
                fatalities=rng.choice([None, 0, 3]),
                languages=["de", "en"][: i % 3],
                disagreement={"fatalities": [1, 3]} if i % 5 == 0 else {},
            )
        )
    return events


@pytest.fixture
def filled(store_url: str):
    rng = random.Random(13)
    with open_store(store_url) as store:
        doc = Document.create("A report of many things.", url="https://x.example/a", source="x.example")
        store.add_document(doc, _events(doc, rng, 240))
        for i in range(0, 240, 17):  # analysts' flags: hidden from the default view
            store.add_correction(f"ev{i:04d}", "flag", {}, "wrong", "tester")
        yield store


def _views(rng: random.Random) -> list[EventQuery]:
    boxes = [
        (EDGE_LON, EDGE_LAT, 30.0, 70.0),  # south-west corner on the edge events
        (0.0, 40.0, EDGE_LON, EDGE_LAT),  # north-east corner on them
        (175.0, -20.0, -175.0, 20.0),  # across the antimeridian
        (179.999, -10.0, 180.0, 10.0),
        (-180.0, -90.0, 180.0, 90.0),
    ]
    boxes += [(w, s, w + rng.uniform(1, 20), s + rng.uniform(1, 15)) for w, s in ((5, 45), (10, 50), (0, 40))]
    ranges = [("2024-03-01", "2024-03-31"), ("2024-03", "2024-03"), ("2024", None), (None, "2024-03-01")]
    ranges += [("2023-12-31", "2024-04"), ("2024-03-02", "2024-03-02"), (None, None)]
    queries = [EventQuery(bbox=b, since=s, until=u) for b in boxes for s, u in ranges]
    queries += [
        EventQuery(bbox=boxes[0], since="2024", modality=("asserted", "negated")),
        EventQuery(bbox=boxes[0], since="2024", flagged=None),
        EventQuery(bbox=boxes[0], since="2024", type="PROTEST"),
        EventQuery(since="2024-03"),
        EventQuery(),
    ]
    return queries


@pytest.mark.parametrize("limit", [1, 7, 100])
@pytest.mark.parametrize("sort_max", [20_000, 12])
def test_pages_are_the_event_contract(
    filled: Store, limit: int, sort_max: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # sort_max 12: dense views leave events_map for reading in date order (SQLite), mid-way too
    monkeypatch.setattr(sqlite_store, "MAP_SORT_MAX", sort_max)
    at_most = 30 if sort_max > 30 else 8  # below some views' matches: the cap is exercised too
    for view in _views(random.Random(5)):
        cursor, pages = None, 0
        while True:
            query = replace(view, limit=limit, cursor=cursor)
            events, expected_next = filled.query_events(query)
            page, next_cursor, counted = filled.event_page(query, count_at_most=at_most)
            assert page == [e.to_dict() for e in events], (view, cursor)
            assert next_cursor == expected_next, (view, cursor)
            assert counted == min(filled.count_events(query, at_most=at_most), at_most), (view, cursor)
            # The body the API sends: byte for byte what the contract's dicts encode to.
            assert json_response(page).body == json_response([e.to_dict() for e in events]).body
            pages += 1
            cursor = next_cursor
            if cursor is None:
                break
        assert pages >= 1


def test_a_map_view_follows_writes(filled: Store) -> None:
    """events_map is kept by triggers: a flag, a move and a new date show in the next page."""
    view = EventQuery(bbox=(0.0, 40.0, 30.0, 70.0), since="2024-03-01", until="2024-03-31", limit=500)
    before = {e["id"] for e in filled.event_page(view, 10_000)[0]}
    flagged, moved, redated = sorted(before)[:3]
    filled.add_correction(flagged, "flag", {}, "wrong", "tester")
    filled.add_correction(moved, "correct", changes_of(place="-33.9,18.4"), None, "tester")
    filled.add_correction(redated, "correct", changes_of(date="2024-05-02"), None, "tester")
    after = {e["id"] for e in filled.event_page(view, 10_000)[0]}
    assert after == before - {flagged, moved, redated}
    assert after == {e.id for e in filled.query_events(view)[0]}
    back = replace(view, bbox=(18.0, -34.0, 19.0, -33.0), since="2024-03")
    assert [e["id"] for e in filled.event_page(back, 10_000)[0]] == [moved]


def test_the_contract_matches_to_dict_for_every_stored_event(filled: Store) -> None:
    everything = EventQuery(modality=None, flagged=None, limit=1000)
    page, _, counted = filled.event_page(everything, 10_000)
    events, _ = filled.query_events(everything)
    assert counted == len(page) == 240
    assert page == [e.to_dict() for e in events]
    assert json.loads(json_response(page).body) == [e.to_dict() for e in events]


def test_a_schema_4_store_gets_its_map_tree_filled(tmp_path) -> None:
    """Migration 5 on a store written before it: events_map is filled from the events table."""
    import sqlite3

    from lagebild.store.sqlite import SQLiteStore

    path = tmp_path / "old.db"
    rng = random.Random(3)
    with SQLiteStore(path) as store:
        doc = Document.create("An older report.")
        store.add_document(doc, _events(doc, rng, 120))
        store.add_correction("ev0003", "flag", {}, "wrong", "tester")
    conn = sqlite3.connect(path, isolation_level=None)  # back to schema 4, its rows kept
    conn.execute("BEGIN")
    for trigger in ("events_map_insert", "events_map_update", "events_map_delete"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE events_map")
    conn.execute("PRAGMA user_version = 4")
    conn.execute("COMMIT")
    conn.close()
    with SQLiteStore(path) as store:
        assert store.schema_version == 5
        for view in _views(random.Random(8))[:20]:
            query = replace(view, limit=10)
            events, expected_next = store.query_events(query)
            page, next_cursor, _ = store.event_page(query, count_at_most=1000)
            assert page == [e.to_dict() for e in events] and next_cursor == expected_next, view
