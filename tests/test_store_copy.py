"""`lagebild migrate` keeps what analysts made: watch-lists, their alerts with the state of their
delivery, corrections and flags, and the change marks that say which events have been alerted,
into either backend and back (SQLite always; PostgreSQL where a server is there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import make_doc, make_event
from lagebild.alerts.dispatch import Dispatcher
from lagebild.alerts.watchlists import Filter
from lagebild.corrections import changes_of
from lagebild.model import Place
from lagebild.store import EventQuery, StoreError, open_store
from lagebild.store.copy import copy_store

KYIV = Place("Kyiv", 50.45, 30.52, country="UA", precision="city")
NOW = 1_000_000.0


def _add(store, event_id: str) -> None:
    text = f"Shelling hit Kyiv ({event_id})."
    doc = make_doc(text, source=f"{event_id}.example")
    store.add_document(
        doc, [make_event(doc, event_id, text, type="ASSAULT", location=KYIV, date="2024-05-01")]
    )


def _dispatch(store) -> int:
    """Match what changed since the dispatcher's mark; how many alerts that raised."""
    return sum(Dispatcher(store, clock=lambda: NOW, log=lambda line: None).match())


def _fill(store) -> None:
    _add(store, "before")  # older than the watch-lists: never alerts
    store.add_watchlist("kyiv", Filter.from_dict({"countries": ["UA"]}), "http://127.0.0.1:9/hook")
    store.add_watchlist("quiet", Filter.from_dict({"types": ["ASSAULT"]}), None)
    _add(store, "ev1")
    _add(store, "ev2")
    assert _dispatch(store) == 4
    (first, second) = store.claim_deliveries(NOW, 30.0, 10)
    store.finish_delivery(first[0].id, state="delivered", attempts=1)
    store.finish_delivery(second[0].id, state="pending", attempts=1, next_attempt=NOW + 60, error="HTTP 500")
    store.add_correction("ev1", "correct", changes_of(type="COERCE"), "misread", "anna")
    store.add_correction("ev2", "flag", {}, "a hoax", "ben")
    store.set_meta("feed:https://a.example/rss", '{"etag": "W/1"}')


def _analysts(store) -> tuple:
    """What an analyst sees of a store, and the marks that decide what alerts next."""
    events = {e.id: e.to_dict() for e in store.iter_events(EventQuery(modality=None, flagged=None))}
    return (
        store.watchlists(),
        store.alerts(),
        store.corrections(),
        events,
        {e.id for e in store.iter_events(EventQuery(modality=None))},  # the flagged one hidden
        store.last_change(),
        store.meta_items(""),
    )


@pytest.fixture
def source(tmp_path: Path):
    with open_store(f"sqlite:///{tmp_path / 'source.db'}") as store:
        _fill(store)
        yield store


def test_watchlists_alerts_and_corrections_go_there_and_back(source, store_url: str, tmp_path: Path) -> None:
    expected = _analysts(source)
    assert expected[4] == {"before", "ev1"} and expected[3]["ev1"]["type"] == "COERCE"
    with open_store(store_url) as dst:
        report = copy_store(source, dst)
        assert (report.watchlists, report.alerts, report.corrections) == (2, 4, 2)
        assert _analysts(dst) == expected
        with open_store(f"sqlite:///{tmp_path / 'back.db'}") as back:
            copy_store(dst, back)
            assert _analysts(back) == expected


def test_a_copied_store_alerts_what_is_new_and_nothing_twice(source, store_url: str) -> None:
    with open_store(store_url) as dst:
        copy_store(source, dst)
        assert _dispatch(dst) == 0  # the dispatcher's mark and the events' change numbers agree
        _add(dst, "ev3")
        assert _dispatch(dst) == 2
        assert {a.event_id for a in dst.alerts()} == {"ev1", "ev2", "ev3"}
        # New rows get ids of their own, after the copied ones.
        made = dst.add_watchlist("later", Filter.from_dict({}), None)
        assert made.id > max(w.id for w in source.watchlists())
        correction = dst.add_correction("ev3", "flag", {}, None, "carl")
        assert correction.id > max(c.id for c in source.corrections())


def test_copying_again_adds_nothing_twice(source, store_url: str) -> None:
    with open_store(store_url) as dst:
        copy_store(source, dst)
        expected = _analysts(dst)
        again = copy_store(source, dst)
        assert again.bulk is False
        assert _analysts(dst) == expected


def test_a_destination_with_watchlists_of_its_own_is_refused_before_anything_is_copied(
    source, store_url: str
) -> None:
    with open_store(store_url) as dst:
        dst.add_watchlist("quiet", Filter.from_dict({}), None)  # id 1, where the copy's "kyiv" goes
        with pytest.raises(StoreError, match="watch-list of its own"):
            copy_store(source, dst)
        assert dst.stats()["documents"] == 0
