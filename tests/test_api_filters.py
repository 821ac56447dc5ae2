"""Unknown filter values are a 422 that names the allowed values, not an empty answer; the
OpenAPI says the same (schemathesis generates from these patterns)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from factories import make_doc, make_event
from lagebild.api import create_app
from lagebild.model import Place
from lagebild.store.sqlite import SQLiteStore


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("filters") / "f.db"
    with SQLiteStore(path) as store:
        doc = make_doc("Report.", lang="de", url="https://news.example/1", source="news.example")
        store.add_document(
            doc,
            [
                make_event(
                    doc,
                    "e1",
                    "Truppen beschossen Charkiw.",
                    lang="de",
                    type="ASSAULT",
                    mode="aerial",
                    location=Place("Kharkiv", 49.98, 36.25, country="UA", precision="city"),
                    date="2024-03-10",
                    confidence=0.9,
                )
            ],
        )
    return TestClient(create_app(f"sqlite:///{path}"))


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"type": "BOMBING"}, ["type", "'BOMBING'", "ASSAULT", "PROTEST"]),
        ({"lang": "xx"}, ["lang", "'xx'", "en", "uk"]),
        ({"mode": "carpet"}, ["mode", "'carpet'", "aerial"]),
        ({"modality": "maybe"}, ["maybe", "asserted", "hypothetical"]),
    ],
)
@pytest.mark.parametrize(
    "path", ["/api/events", "/api/events.geojson", "/api/events.csv", "/api/events.flat.csv", "/api/timeline"]
)
def test_unknown_values_are_422_naming_the_allowed_ones(
    client: TestClient, path: str, params: dict, named: list[str]
) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 422
    for word in named:
        assert word in r.json()["detail"]


@pytest.mark.parametrize(
    "params", [{"type": "assault"}, {"type": "ASSAULT"}, {"mode": "AERIAL"}, {"lang": "DE"}, {"type": ""}]
)
def test_known_values_in_any_case_still_match(client: TestClient, params: dict) -> None:
    assert client.get("/api/events", params=params).json()["total"] == 1


def test_the_openapi_names_the_allowed_values(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    for name, good, bad in [
        ("type", "ASSAULT", "BOMBING"),
        ("lang", "uk", "xx"),
        ("mode", "aerial", "carpet"),
    ]:
        pattern = params[name]["schema"].get("pattern") or next(
            s["pattern"] for s in params[name]["schema"]["anyOf"] if "pattern" in s
        )
        assert re.match(pattern, good) and not re.match(pattern, bad)


def test_the_flat_csv_download_has_one_row_per_event(client: TestClient, tmp_path: Path) -> None:
    r = client.get("/api/events.flat.csv", params={"country": "UA"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.text.strip().splitlines()
    assert lines[0].startswith("id,type,") and len(lines) == 2 and "Kharkiv" in lines[1]
    assert "lagebild-events.csv" in r.headers["content-disposition"]
