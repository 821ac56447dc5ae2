"""What matters now (lagebild.now): the stores' SQL on both backends, and /api/now, /api/escalation."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from factories import make_doc, make_event
from lagebild.api import create_app
from lagebild.model import Place
from lagebild.now import Window, escalation
from lagebild.store import EventQuery, open_store

AT = "2024-03-31"
KYIV = Place("Kyiv", 50.45, 30.52, country="UA", precision="city")
LAGOS = Place("Lagos", 6.45, 3.39, country="NG", precision="city")
LIMA = Place("Lima", -12.05, -77.04, country="PE", precision="city")


def _fill(store) -> dict[str, str]:
    """Ukraine: 2 events in the 30 days before the last week, 9 in it (rising). Nigeria: 30 before,
    7 in the week (steady: one a day, as before). Peru: 20 before, none in the week (falling).
    Plus, for /api/now: a fresh event with 5 sources and an old one with 9."""
    doc = make_doc("Reports.", url="https://news.example/now", source="news.example")
    events = []

    def add(key: str, place: Place, day: str, **fields) -> None:
        fields.setdefault("confidence", 0.6)
        events.append(
            make_event(
                doc, key, f"Shelling in {place.name}.", type="ASSAULT", location=place, date=day, **fields
            )
        )

    for i in range(2):
        add(f"ua-before-{i}", KYIV, f"2024-03-0{i + 2}")
    for i in range(9):
        add(f"ua-recent-{i}", KYIV, f"2024-03-{25 + i % 7}")
    for i in range(30):
        add(f"ng-before-{i}", LAGOS, f"2024-03-{1 + i % 24:02d}" if i < 24 else f"2024-02-{24 + i - 24:02d}")
    for i in range(7):
        add(f"ng-recent-{i}", LAGOS, f"2024-03-{25 + i}")
    for i in range(20):
        add(f"pe-before-{i}", LIMA, f"2024-03-{1 + i:02d}")
    add("fresh-five", KYIV, "2024-03-31", num_sources=5, confidence=0.9)
    add("old-nine", KYIV, "2024-03-25", num_sources=9, confidence=0.9)
    add("future", KYIV, "2024-04-02", num_sources=20, confidence=1.0)  # after `at`: not now
    add("month-only", KYIV, "2024-03", num_sources=20, confidence=1.0)  # no day: not counted
    add("misdated", KYIV, "2999-01-01", num_sources=1)  # after today: never the default `at`
    store.add_document(doc, events)
    return {e.id: e.id for e in events}


def test_now_ranks_by_sources_confidence_and_age_on_both_backends(store_url: str) -> None:
    with open_store(store_url) as store:
        _fill(store)
        window = Window.ending(AT, 7)
        ranked = store.now_events(EventQuery(), window.recent_start, window.at, 5)
        ids = [e.id for e, _ in ranked]
        # 5 sources today beat 9 sources six days ago: 5*0.9/1 = 4.5 > 9*0.9/(1+6/2) = 2.0.
        assert ids[:2] == ["fresh-five", "old-nine"]
        assert [round(s, 3) for _, s in ranked[:2]] == [4.5, 2.025]
        assert "future" not in ids and "month-only" not in ids
        assert store.latest_day(EventQuery(), "2024-04-01") == "2024-03-31"  # the future event is not "now"
        only_ng = store.now_events(EventQuery(country="NG"), window.recent_start, window.at, 50)
        assert {e.location.country for e, _ in only_ng} == {"NG"} and len(only_ng) == 7


def test_escalation_counts_and_signal_on_both_backends(store_url: str) -> None:
    with open_store(store_url) as store:
        _fill(store)
        window = Window.ending(AT, 7)
        rows = store.country_counts(EventQuery(), window.baseline_start, window.recent_start, window.at)
    counts = {c: (recent, before) for c, recent, before in rows}
    assert counts == {"UA": (11, 2), "NG": (7, 30), "PE": (0, 20)}
    by_country = {r["country"]: r for r in escalation(rows, window)}
    ua = by_country["UA"]
    assert ua["trend"] == "rising" and ua["expected"] == pytest.approx(2 * 7 / 30, abs=0.01)
    assert by_country["NG"]["trend"] == "steady" and by_country["NG"]["ratio"] == 1.0
    assert by_country["PE"]["trend"] == "falling"
    assert [r["country"] for r in escalation(rows, window)] == ["UA", "NG", "PE"]


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    url = f"sqlite:///{tmp_path / 'now.db'}"
    with open_store(url) as store:
        _fill(store)
    return TestClient(create_app(url))


def test_api_now_defaults_to_the_newest_event_day(client: TestClient) -> None:
    body = client.get("/api/now", params={"limit": 3}).json()
    assert body["at"] == "2024-04-02" and body["since"] == "2024-03-27"  # not the misdated event's day
    assert body["events"][0]["id"] == "future"
    body = client.get("/api/now", params={"limit": 3, "at": AT}).json()
    assert [e["id"] for e in body["events"]][:2] == ["fresh-five", "old-nine"]
    assert body["events"][0]["score"] == 4.5 and body["events"][0]["location"]["name"] == "Kyiv"


def test_api_escalation_gives_the_numbers_behind_the_signal(client: TestClient) -> None:
    body = client.get("/api/escalation", params={"days": 7, "at": AT}).json()
    assert body["recent_since"] == "2024-03-25" and body["baseline_since"] == "2024-02-24"
    ua = body["countries"][0]
    assert ua["country"] == "UA" and ua["recent"] == 11 and ua["before"] == 2 and ua["trend"] == "rising"
    day = client.get("/api/escalation", params={"days": 1, "at": AT}).json()
    assert {r["country"]: r["recent"] for r in day["countries"]}["UA"] == 2  # fresh-five and one of the nine
    only = client.get("/api/escalation", params={"country": "PE", "at": AT}).json()["countries"]
    assert [r["country"] for r in only] == ["PE"]


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"at": "2024-02-30"}, "at"),
        ({"days": 0}, "days"),
        ({"type": "BOMBING"}, "ASSAULT"),
    ],
)
def test_bad_now_parameters_are_422(client: TestClient, params: dict, words: str) -> None:
    for path in ("/api/now", "/api/escalation"):
        r = client.get(path, params=params)
        assert r.status_code == 422 and words in r.json()["detail"]


def test_an_empty_store_has_no_now(tmp_path: Path) -> None:
    client = TestClient(create_app(f"sqlite:///{tmp_path / 'empty.db'}"))
    assert client.get("/api/now").json() == {"at": None, "since": None, "events": []}
    assert client.get("/api/escalation").json()["countries"] == []
