"""`GET /api/places` and its core (lagebild.places.search) over the real gazetteer: by the beginning
of a name, any case, with or without accents, in other languages and scripts; bounded answers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.api import create_app
from lagebild.places.search import search_places


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(f"sqlite:///{tmp_path_factory.mktemp('places') / 'p.db'}"))


def names(query: str, limit: int = 5, **kw) -> list[str]:
    return [p["name"] for p in search_places(query, limit, **kw)]


@pytest.mark.parametrize(
    ("query", "place"),
    [
        ("khark", "Kharkiv"),  # a beginning
        ("KYIV", "Kyiv"),  # any case
        ("sao pa", "São Paulo"),  # without accents
        ("Київ", "Kyiv"),  # another script
        ("Lemberg", "Lviv"),  # an old name in another language
        ("münch", "Munich"),  # an accent the index folds
        ("Ukr", "Ukraine"),  # countries
    ],
)
def test_places_are_found_by_the_beginning_of_any_of_their_names(query: str, place: str) -> None:
    assert place in names(query)


def test_the_bigger_place_comes_first_and_the_match_is_named() -> None:
    found = search_places("par", 3)
    assert "Paris" in [p["name"] for p in found]
    lviv = search_places("Lemberg", 1)[0]
    assert lviv["name"] == "Lviv" and lviv["matched"] == "Lemberg" and lviv["country"] == "UA"
    assert lviv["precision"] == "city" and lviv["zoom"] >= 8
    ukraine = search_places("Ukraine", 1)[0]
    assert ukraine["precision"] == "country" and ukraine["zoom"] < 6


def test_a_country_keeps_its_own_places() -> None:
    assert {p["country"] for p in search_places("san", 10, country="ES")} == {"ES"}


def test_a_one_letter_query_stays_cheap_and_bounded() -> None:
    search_places("x", 1)  # load the index once
    started = time.perf_counter()
    found = search_places("a", 50)
    assert len(found) == 50
    assert time.perf_counter() - started < 1.0  # ranked among at most MAX_SCAN candidates


def test_api_places(client: TestClient) -> None:
    r = client.get("/api/places", params={"q": "Київ", "limit": 2})
    assert r.status_code == 200
    body = r.json()
    assert body["query"] == "Київ" and body["places"][0]["name"] == "Kyiv" and len(body["places"]) <= 2
    assert set(body["places"][0]) >= {"name", "matched", "lat", "lon", "precision", "zoom", "country"}
    assert client.get("/api/places", params={"q": "zzzzqqq"}).json()["places"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 101},
        {"q": "kyiv", "limit": 0},
        {"q": "kyiv", "limit": 51},
        {"q": "a", "country": "Ukraine"},
    ],
)
def test_api_places_refuses_what_it_cannot_bound(client: TestClient, params: dict) -> None:
    assert client.get("/api/places", params=params).status_code == 422


def test_places_are_in_the_openapi(client: TestClient, tmp_path: Path) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/places", "/api/now", "/api/escalation", "/api/events.flat.csv"} <= set(paths)
