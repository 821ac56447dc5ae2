"""The HTTP API over a real SQLite file: every filter, pages, exports, errors, writing, the live stream."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from factories import make_doc, make_event
from lagebild.api import app as app_module
from lagebild.api import create_app
from lagebild.api import streaming as streaming_module
from lagebild.export.acled import COLUMNS as ACLED_COLUMNS
from lagebild.merge.link import Decision
from lagebild.model import Actor, Evidence, Place
from lagebild.store.sqlite import SQLiteStore

TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


KHARKIV = Place("Kharkiv", 49.98, 36.25, country="UA", precision="city")
BERLIN = Place("Berlin", 52.52, 13.40, country="DE", precision="city")
GAZA = Place("Gaza", 31.50, 34.47, country="PS", precision="city")
SUVA = Place("Suva", -18.14, 178.44, country="FJ", precision="city")
UKRAINE = Place("Ukraine", 49.0, 32.0, country="UA", precision="country")


def fill(store: SQLiteStore) -> None:
    """Seven events that the filters separate in different ways."""
    d_en = make_doc(
        "English report.",
        source="bbc.co.uk",
        title="Shelling of Kharkiv",
        lang="en",
        url="https://bbc.example/1",
    )
    d_de = make_doc("Deutscher Bericht.", source="tagesschau.de", title="Proteste in Berlin", lang="de")
    d_ar = make_doc("تقرير عربي.", source="aljazeera.net", title="غارة على غزة", lang="ar")
    store.add_document(
        d_en,
        [
            make_event(
                d_en,
                "shell",
                "Russian forces shelled Kharkiv overnight.",
                type="ASSAULT",
                mode="aerial",
                acled_event_type="Explosions/Remote violence",
                acled_sub_event_type="Shelling/artillery/missile attack",
                actors=[
                    Actor("Russian forces", canonical="Armed Forces of Russia", country="RU", sector="MIL")
                ],
                location=KHARKIV,
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
                location=KHARKIV,
                date="2024-03-12",
                modality="future",
                confidence=0.4,
            ),
            make_event(
                d_en, "undated", "Ships were seen near Suva.", start=90, type="MOBILIZE", location=SUVA
            ),
            make_event(d_en, "unlocated", "Talks were held.", start=120, type="CONSULT", date="2024-03-04"),
            make_event(
                d_en,
                "national",
                "Ukraine declared mobilisation.",
                start=150,
                type="MOBILIZE",
                location=UKRAINE,
                date="2024-03-05",
                confidence=0.5,
            ),
        ],
    )
    store.add_document(
        d_de,
        [
            make_event(
                d_de,
                "protest",
                "Tausende Demonstranten zogen durch Berlin.",
                lang="de",
                type="PROTEST",
                mode="demo",
                acled_event_type="Protests",
                acled_sub_event_type="Peaceful protest",
                actors=[Actor("Demonstranten", sector="PROT")],
                location=BERLIN,
                date="2024-02-01",
                confidence=0.7,
            )
        ],
    )
    store.add_document(
        d_ar,
        [
            make_event(
                d_ar,
                "strike",
                "شنت طائرات غارة على غزة.",
                lang="ar",
                type="ASSAULT",
                mode="aerial",
                acled_event_type="Explosions/Remote violence",
                actors=[Actor("طائرات", canonical="Israeli Air Force", country="IL", sector="MIL")],
                location=GAZA,
                date="2024-03-10",
                confidence=0.85,
            )
        ],
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "events.db"
    with SQLiteStore(path) as store:
        fill(store)
    return f"sqlite:///{path}"


@pytest.fixture
def client(db: str, tmp_path: Path):
    app = create_app(db, token=TOKEN, static_dir=tmp_path / "no-site", stream_poll_s=0.05, keepalive_s=0.1)
    with TestClient(app) as c:
        yield c


def ids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {e["id"] for e in response.json()["events"]}


# -- /api/events -------------------------------------------------------------------------------


def test_events_speak_the_event_contract(client: TestClient, db: str) -> None:
    body = client.get("/api/events").json()
    with SQLiteStore(db.removeprefix("sqlite:///")) as store:
        expected = store.get_event("shell").to_dict()
    assert next(e for e in body["events"] if e["id"] == "shell") == expected
    assert body["total"] == len(body["events"]) == 6  # the future-tense threat is not an asserted event
    assert body["next"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"bbox": "30,45,40,55"}, {"shell", "national"}),
        ({"bbox": "170,-30,-170,0"}, {"undated"}),  # across the antimeridian
        ({"bbox": "530,-30,550,0"}, {"undated"}),  # a map panned once around the globe
        ({"since": "2024-03-05"}, {"shell", "strike", "national"}),
        ({"until": "2024-02"}, {"protest"}),
        ({"since": "2024-03-01", "until": "2024-03-09"}, {"unlocated", "national"}),
        ({"type": "assault"}, {"shell", "strike"}),
        ({"mode": "demo"}, {"protest"}),
        ({"acled_type": "Protests"}, {"protest"}),
        ({"country": "UA"}, {"shell", "national"}),
        ({"country": "DEU"}, {"protest"}),
        ({"actor": "israeli air"}, {"strike"}),
        ({"q": "shelled"}, {"shell"}),
        ({"q": "Proteste"}, {"protest"}),  # a document title
        ({"lang": "ar"}, {"strike"}),
        ({"min_confidence": "0.8"}, {"shell", "strike"}),
        ({"modality": "future"}, {"threat"}),
        ({"modality": "asserted,future", "country": "UA"}, {"shell", "threat", "national"}),
        ({"modality": "all", "bbox": "36,49,37,50"}, {"shell", "threat"}),
        (
            {"updated_since": "2024-03-11T09:00:00Z"},
            {"shell", "national", "unlocated", "undated", "protest", "strike"},
        ),
        ({"updated_since": "2024-04-01"}, {"national", "unlocated", "undated", "protest", "strike"}),
        ({"type": "ASSAULT", "country": "PS", "since": "2024-03-10"}, {"strike"}),
        ({"bbox": "", "q": "  "}, {"shell", "national", "unlocated", "undated", "protest", "strike"}),
    ],
)
def test_each_filter(client: TestClient, params: dict, expected: set[str]) -> None:
    response = client.get("/api/events", params=params)
    assert ids(response) == expected
    assert response.json()["total"] == len(expected)


def test_pages_visit_every_event_once_newest_first(client: TestClient) -> None:
    seen, dates, cursor = [], [], None
    while True:
        params = {"limit": 2, "modality": "all", **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        assert body["total"] == 7
        assert len(body["events"]) <= 2
        seen += [e["id"] for e in body["events"]]
        dates += [e["date"] or "" for e in body["events"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(set(seen)) and len(seen) == 7
    assert dates == sorted(dates, reverse=True)  # undated ("") last


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/events?bbox=1,2,3", "bbox must be four numbers"),
        ("/api/events?bbox=a,b,c,d", "bbox must be four numbers"),
        ("/api/events?since=2024-13-01", "since: expected a date"),
        ("/api/events?until=yesterday", "until: expected a date"),
        ("/api/events?updated_since=soon", "updated_since"),
        ("/api/events?modality=rumoured", "unknown modality 'rumoured'"),
        ("/api/events?cursor=not-a-cursor", "invalid cursor"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=100000", "limit"),
        ("/api/events?min_confidence=high", "min_confidence"),
        ("/api/events?min_confidence=2", "min_confidence"),
        ("/api/events?country=Ukraine", "country"),
        ("/api/events.geojson?since=2024-02-30", "since"),
        ("/api/events.csv?bbox=0,0,0", "bbox"),
        ("/api/timeline?bucket=hour", "bucket"),
        ("/api/timeline?modality=maybe", "modality"),
        ("/api/stream?modality=maybe", "modality"),
    ],
)
def test_bad_parameters_are_422_with_a_clear_message(client: TestClient, path: str, message: str) -> None:
    response = client.get(path)
    assert response.status_code == 422
    assert message in response.json()["detail"]


# -- one event ---------------------------------------------------------------------------------


def test_event_detail_has_every_source_and_its_document(client: TestClient, db: str) -> None:
    other = make_doc(
        "A second report on Kharkiv.",
        source="reuters.com",
        title="Kharkiv shelled",
        url="https://r.example/2",
    )
    with SQLiteStore(db.removeprefix("sqlite:///")) as store:
        store.add_document(other, [])
        store.add_evidence(
            "shell",
            [Evidence(other.id, "Kharkiv came under fire.", 0, 24, url=other.url, source=other.source)],
        )
    body = client.get("/api/events/shell").json()
    assert [e["sentence"] for e in body["evidence"]] == [
        "Russian forces shelled Kharkiv overnight.",
        "Kharkiv came under fire.",
    ]
    assert body["documents"][other.id] == {
        "title": "Kharkiv shelled",
        "url": "https://r.example/2",
        "source": "reuters.com",
        "published": None,
        "lang": None,
    }
    assert {d["title"] for d in body["documents"].values()} == {"Shelling of Kharkiv", "Kharkiv shelled"}


def test_unknown_event_is_404(client: TestClient) -> None:
    response = client.get("/api/events/does-not-exist")
    assert response.status_code == 404
    assert "does-not-exist" in response.json()["detail"]


# -- exports -----------------------------------------------------------------------------------


def test_geojson_holds_the_filtered_events_with_points(client: TestClient) -> None:
    response = client.get("/api/events.geojson", params={"country": "UA", "modality": "all"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    by_id = {f["id"]: f for f in collection["features"]}
    assert set(by_id) == {"shell", "threat", "national"}
    assert by_id["shell"]["geometry"] == {"type": "Point", "coordinates": [36.25, 49.98]}
    assert by_id["national"]["properties"]["location"]["precision"] == "country"


def test_geojson_without_evidence_for_big_maps(client: TestClient) -> None:
    full = client.get("/api/events.geojson", params={"country": "UA"}).json()["features"]
    lean = client.get("/api/events.geojson", params={"country": "UA", "evidence": "false"}).json()["features"]
    assert [f["id"] for f in lean] == [f["id"] for f in full]
    assert all(f["properties"]["evidence"] == [] for f in lean)
    assert all(f["properties"]["evidence"] for f in full)
    assert [f["geometry"] for f in lean] == [f["geometry"] for f in full]


def test_geojson_keeps_unlocated_events_without_geometry(client: TestClient) -> None:
    features = client.get("/api/events.geojson", params={"type": "CONSULT"}).json()["features"]
    assert [(f["id"], f["geometry"]) for f in features] == [("unlocated", None)]


def test_exports_stream_every_page(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tiny pages and chunks: the export must stitch many of each into one valid document.
    monkeypatch.setattr(app_module, "EXPORT_PAGE", 2)
    monkeypatch.setattr(streaming_module, "CHUNK_BYTES", 10)
    features = client.get("/api/events.geojson", params={"modality": "all"}).json()["features"]
    assert sorted(f["id"] for f in features) == sorted(
        ["shell", "threat", "undated", "unlocated", "national", "protest", "strike"]
    )
    limited = client.get("/api/events.geojson", params={"modality": "all", "limit": 3}).json()["features"]
    assert len(limited) == 3


def test_csv_has_acled_columns_and_only_acled_events(client: TestClient) -> None:
    response = client.get("/api/events.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(csv.reader(io.StringIO(response.text)).__next__()) == ACLED_COLUMNS
    assert {r["event_type"] for r in rows} == {"Explosions/Remote violence", "Protests"}
    assert {r["notes"] for r in rows} == {
        "Russian forces shelled Kharkiv overnight.",
        "Tausende Demonstranten zogen durch Berlin.",
        "شنت طائرات غارة على غزة.",
    }
    berlin = client.get("/api/events.csv", params={"country": "DE"}).text
    assert [r["location"] for r in csv.DictReader(io.StringIO(berlin))] == ["Berlin"]


# -- timeline ----------------------------------------------------------------------------------


def test_timeline_counts_per_day_and_type_with_empty_days(client: TestClient) -> None:
    body = client.get("/api/timeline", params={"since": "2024-03-01"}).json()
    assert body["bucket"] == "day"
    days = {b["date"]: b["counts"] for b in body["series"]}
    assert days["2024-03-10"] == {"ASSAULT": 2}
    assert days["2024-03-04"] == {"CONSULT": 1}
    assert days["2024-03-06"] == {}
    assert [b["date"] for b in body["series"]] == [f"2024-03-{d:02d}" for d in range(4, 11)]
    assert body["types"][0] == "ASSAULT"
    assert body["total"] == 4


def test_timeline_weeks_start_on_monday_and_undated_are_counted_apart(client: TestClient) -> None:
    body = client.get("/api/timeline", params={"bucket": "week"}).json()
    weeks = {b["date"]: b["total"] for b in body["series"]}
    # 2024-02-01 is a Thursday (week of Mon 29 Jan); 4, 5 and 10 March fall in the weeks of 4 March.
    assert weeks["2024-01-29"] == 1
    assert weeks["2024-03-04"] == 4
    assert weeks["2024-02-12"] == 0
    assert body["undated"] == 1  # the ships near Suva
    assert sum(weeks.values()) == body["total"] == 5


def test_timeline_chooses_weeks_or_months_for_long_ranges(client: TestClient) -> None:
    assert (
        client.get("/api/timeline", params={"since": "2023-01-01", "until": "2024-12-31"}).json()["bucket"]
        == "week"
    )
    body = client.get("/api/timeline", params={"since": "2020-01-01", "until": "2024-12-31"}).json()
    assert body["bucket"] == "month"
    assert [b["date"] for b in body["series"]] == ["2024-02-01", "2024-03-01"]
    # Rolled up from days, the automatic buckets count what the store's own buckets count.
    for bucket, since in (("month", "2020-01-01"), ("week", "2023-01-01")):
        auto = client.get("/api/timeline", params={"since": since, "until": "2024-12-31"}).json()
        chosen = client.get("/api/timeline", params={"bucket": bucket}).json()
        assert auto["bucket"] == bucket
        assert auto["series"] == chosen["series"]


def test_timeline_applies_the_filters(client: TestClient) -> None:
    body = client.get("/api/timeline", params={"bbox": "30,45,40,55", "bucket": "day"}).json()
    assert {b["date"]: b["counts"] for b in body["series"] if b["total"]} == {
        "2024-03-05": {"MOBILIZE": 1},
        "2024-03-10": {"ASSAULT": 1},
    }


# -- status, pages, docs -----------------------------------------------------------------------


def test_status_reports_the_store(client: TestClient) -> None:
    import lagebild

    body = client.get("/api/status").json()
    assert body["version"] == lagebild.__version__
    assert body["documents"] == 3 and body["events"] == 7
    assert body["writes_enabled"] is True
    assert body["last_change"] >= 1


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/events",
        "/api/events.geojson",
        "/api/events.csv",
        "/api/events/{event_id}",
        "/api/timeline",
        "/api/stream",
        "/api/status",
        "/api/documents",
    ):
        assert path in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/timeline" in docs.text and 'href="/openapi.json"' in docs.text
    assert "<script" not in docs.text and "https://" not in docs.text  # nothing from a CDN


def test_map_page_says_how_to_build_it_when_missing(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "not built" in response.text and "make install" in response.text


def test_built_map_page_is_served_with_security_headers(db: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>map</title>", encoding="utf-8")
    (site / "app.js").write_text("console.log('map')", encoding="utf-8")
    with TestClient(create_app(db, token=TOKEN, static_dir=site)) as client:
        page = client.get("/")
        assert page.text == "<!doctype html><title>map</title>"
        assert "default-src 'self'" in page.headers["content-security-policy"]
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["cache-control"] == "no-cache"
        script = client.get("/app.js")
        assert script.status_code == 200 and "etag" in script.headers
        assert client.get("/app.js", headers={"If-None-Match": script.headers["etag"]}).status_code == 304
        assert client.get("/api/events").status_code == 200  # the page does not hide the API


# -- writing -----------------------------------------------------------------------------------

ARTICLE = {
    "text": "Russian troops withdrew from Kherson on 11 November 2022, the Ukrainian army said.",
    "url": "https://news.example/kherson",
    "title": "Withdrawal from Kherson",
    "published": "2022-11-12",
    "lang": "en",
}


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}],
)
def test_writing_needs_the_token(client: TestClient, headers: dict) -> None:
    response = client.post("/api/documents", json=ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/status").json()["documents"] == 3


def test_without_a_token_writing_is_disabled(db: str) -> None:
    with TestClient(create_app(db)) as client:
        response = client.post("/api/documents", json=ARTICLE, headers=AUTH)
        assert response.status_code == 401
        assert "disabled" in response.json()["detail"]


def test_post_document_ingests_it_once(client: TestClient) -> None:
    response = client.post("/api/documents", json=ARTICLE, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "stored"
    assert body["events"], "the pipeline found no event in a plain withdrawal report"
    stored = client.get(f"/api/events/{body['events'][0]['id']}").json()
    assert stored["documents"][body["document_id"]]["title"] == "Withdrawal from Kherson"
    assert stored["evidence"][0]["sentence"] in ARTICLE["text"]

    again = client.post("/api/documents", json=ARTICLE, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["status"] == "already stored"
    assert [e["id"] for e in again.json()["events"]] == [e["id"] for e in body["events"]]
    assert client.get("/api/status").json()["documents"] == 4


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "malformed JSON"),
        (b"[1, 2]", "expected a JSON object"),
        (b'{"title": "no text"}', "no 'text' or 'html'"),
        (b'{"text": "   "}', "empty 'text'"),
        (b'{"text": 42}', "body.text"),
        (b'{"html": "<html><body></body></html>"}', "no main text"),
    ],
)
def test_malformed_documents_are_422(client: TestClient, body: bytes, message: str) -> None:
    response = client.post(
        "/api/documents", content=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert message in response.json()["detail"]


# -- /api/events.points ------------------------------------------------------------------------


def test_points_are_the_map_keys_of_the_contract_in_page_order(client: TestClient) -> None:
    response = client.get("/api/events.points", params={"modality": "all"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    points = [json.loads(line) for line in response.text.splitlines()]
    events = client.get("/api/events", params={"modality": "all", "limit": 100}).json()["events"]
    assert [p["id"] for p in points] == [e["id"] for e in events]  # newest first, every event
    for p, e in zip(points, events, strict=True):
        assert "evidence" not in p and p["type"] == e["type"] and p["date"] == e["date"]
        assert p["modality"] == e["modality"] and p["num_sources"] == e["num_sources"]
        if e["location"] is None:
            assert p["location"] is None
            continue
        assert p["location"]["name"] == e["location"]["name"]
        assert p["location"]["precision"] == e["location"]["precision"]
        assert abs(p["location"]["lat"] - e["location"]["lat"]) < 1e-5
        for mine, theirs in zip(p["actors"], e["actors"], strict=True):
            assert mine == {k: v for k, v in theirs.items() if v is not None}
    assert any(a.get("canonical") for p in points for a in p["actors"])  # resolved actors come along


def test_points_take_the_filters_and_a_limit(client: TestClient) -> None:
    newest = client.get("/api/events", params={"limit": 2}).json()["events"]
    lines = client.get("/api/events.points", params={"limit": 2}).text.splitlines()
    assert [json.loads(x)["id"] for x in lines] == [e["id"] for e in newest]
    lines = client.get("/api/events.points", params={"country": "PS"}).text.splitlines()
    assert lines and all(json.loads(x)["location"]["country"] == "PS" for x in lines)
    assert client.get("/api/events.points", params={"bbox": "1,2,3"}).status_code == 422


# -- live stream -------------------------------------------------------------------------------


def read_messages(lines, until, deadline_s: float = 10.0):
    """Parsed SSE messages until `until(messages)` holds; fails (never hangs) after the deadline.

    The server sends keepalive comments every 0.1 s here, so the loop wakes up regularly."""
    messages, fields = [], {}
    deadline = time.monotonic() + deadline_s
    for line in lines:
        if time.monotonic() > deadline:
            pytest.fail(f"the stream did not deliver in time; got {messages}")
        if line == "":
            if "data" in fields:
                messages.append({**fields, "data": json.loads(fields["data"])})
                if until(messages):
                    return messages
            fields = {}
        elif not line.startswith(":"):
            name, _, value = line.partition(":")
            fields[name] = value.removeprefix(" ")
    pytest.fail("the stream ended")


def test_stream_delivers_events_written_by_another_connection(client: TestClient, db: str) -> None:
    doc = make_doc("Another process writes this.", source="watcher.example")
    event = make_event(
        doc,
        "live",
        "Troops entered Odesa.",
        type="MOBILIZE",
        location=Place("Odesa", 46.48, 30.72, country="UA"),
        date="2024-04-01",
    )
    hidden = make_event(
        doc, "hidden", "Troops may enter Odesa.", start=40, type="MOBILIZE", modality="hypothetical"
    )
    with client.stream("GET", "/api/stream") as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        lines = response.iter_lines()
        ready = read_messages(lines, lambda m: True)[0]
        assert ready["event"] == "ready"
        with SQLiteStore(db.removeprefix("sqlite:///")) as writer:  # a second connection, as another process
            writer.add_document(doc, [event, hidden])
        messages = read_messages(lines, lambda m: any(x.get("event") == "events" for x in m))
    delivered = [e for m in messages if m["event"] == "events" for e in m["data"]["events"]]
    assert [e["id"] for e in delivered] == ["live"]  # the hypothetical one is not an asserted event
    assert delivered[0] == event.to_dict()
    assert int(messages[-1]["id"]) > int(ready["id"])


def _fold_report(store: SQLiteStore, text: str, event_id: str, names: set[str], **decision) -> None:
    """One report of a shooting in Dayton, stored with the merge decision given (test_merge_fold)."""
    doc = make_doc(text, source=f"outlet-{event_id}", url=f"https://example.invalid/{event_id}")
    event = make_event(
        doc,
        event_id,
        text,
        type="ASSAULT",
        date="2024-05-03",
        location=Place("Dayton", 39.76, -84.19, country="US"),
    )
    store.add_document(doc, [event], [Decision(event=event, names=names, mentions=[event], **decision)])


def test_stream_says_which_event_a_fold_removed(client: TestClient, db: str) -> None:
    # Two reports of one shooting are two pins until a third ties them: the stream then says the
    # newer event is gone and into which one it went, so that a live map drops its pin.
    with SQLiteStore(db.removeprefix("sqlite:///")) as writer:
        _fold_report(writer, "Two men were shot outside a bar on Elm Street.", "street", {"Elm"})
        _fold_report(writer, "John Carter and Luis Moreno were shot on Friday.", "victims", {"Carter"})
    with client.stream("GET", "/api/stream") as response:
        lines = response.iter_lines()
        read_messages(lines, lambda m: True)
        with SQLiteStore(db.removeprefix("sqlite:///")) as writer:
            _fold_report(
                writer,
                "John Carter was one of two men shot on Elm Street.",
                "both",
                {"Carter", "Elm"},
                target="victims",
                absorb=["street"],
            )
        messages = read_messages(lines, lambda m: any(x["data"].get("removed") for x in m))
    message = next(x["data"] for x in messages if x["data"].get("removed"))
    assert message["removed"] == [{"id": "victims", "folded_into": "street"}]
    assert "street" in {e["id"] for e in message["events"]}
    assert client.get("/api/events/victims").json()["id"] == "street"


def test_folded_away_follows_folds_of_folded_events() -> None:
    # a went into b, b later into c: a page that still shows a or b drops both when c comes.
    folds = {"a": "b", "b": "c", "x": "y"}
    assert sorted(r["id"] for r in streaming_module.folded_away(folds, ["c"])) == ["a", "b"]
    assert all(r["folded_into"] == "c" for r in streaming_module.folded_away(folds, ["c"]))
    assert streaming_module.folded_away(folds, ["z"]) == []
    assert streaming_module.folded_away({"a": "b", "b": "a"}, ["a"]) == [{"id": "b", "folded_into": "a"}]


def test_stream_resumes_after_last_event_id(client: TestClient) -> None:
    with client.stream(
        "GET", "/api/stream", params={"modality": "all"}, headers={"Last-Event-ID": "0"}
    ) as response:
        messages = read_messages(
            response.iter_lines(),
            lambda m: (
                len({e["id"] for x in m if x.get("event") == "events" for e in x["data"]["events"]}) >= 7
            ),
        )
    assert messages[0]["event"] == "ready" and messages[0]["data"] == {"mark": 0}


def test_stream_rejects_a_bad_last_event_id(client: TestClient) -> None:
    response = client.get("/api/stream", headers={"Last-Event-ID": "yesterday"})
    assert response.status_code == 422


def test_stream_from_a_mark_of_another_database_starts_at_the_present(client: TestClient) -> None:
    with client.stream("GET", "/api/stream", headers={"Last-Event-ID": "999999"}) as response:
        ready = read_messages(response.iter_lines(), lambda m: True)[0]
    assert ready["event"] == "ready"
    assert ready["data"]["mark"] == client.get("/api/status").json()["last_change"]


def test_a_database_the_server_cannot_use_is_503_not_422(db: str) -> None:
    app = create_app(db, token=TOKEN)
    app.state.pool.close()  # the next request opens the file again: it is no database now
    path = Path(db.removeprefix("sqlite:///"))
    for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        extra.unlink(missing_ok=True)
    path.write_bytes(b"this is not a database " * 200)
    with TestClient(app) as client:
        response = client.get("/api/events")
    assert response.status_code == 503
    assert "not a database" in response.json()["detail"]


@pytest.mark.parametrize("from_env", [False, True])
def test_run_prints_the_url_and_guards_writes_with_the_token(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], from_env: bool
) -> None:
    import uvicorn

    from lagebild.api.server import run

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(app=app, **options))
    if from_env:
        monkeypatch.setenv("LAGEBILD_TOKEN", "from-the-environment")
    else:
        monkeypatch.delenv("LAGEBILD_TOKEN", raising=False)
    run(db, port=8123)
    err = capsys.readouterr().err
    assert "http://127.0.0.1:8123/" in err
    assert served["host"] == "127.0.0.1" and served["port"] == 8123
    if from_env:
        token = "from-the-environment"
        assert token not in err  # a secret someone chose is not echoed
    else:
        token = err.split("write token for POST /api/documents: ")[1].split()[0]
    with TestClient(served["app"], base_url="http://127.0.0.1:8123") as client:
        # The served app answers only for the hosts it binds (DNS rebinding): not "testserver".
        assert client.get("/api/status", headers={"Host": "testserver"}).status_code == 400
        assert client.post("/api/documents", json={"text": "x"}).status_code == 401
        assert (
            client.post(
                "/api/documents", json={"text": "   "}, headers={"Authorization": f"Bearer {token}"}
            ).status_code
            == 422
        )


def test_an_online_tile_style_is_offered_and_only_its_host_allowed(db: str, tmp_path: Path) -> None:
    offline = TestClient(create_app(db, static_dir=tmp_path))
    assert offline.get("/api/config").json() == {"tile_style": None}
    assert "tiles.example.org" not in offline.get("/api/status").headers["Content-Security-Policy"]

    style = "https://tiles.example.org/styles/basic/style.json"
    online = TestClient(create_app(db, static_dir=tmp_path, tile_style=style))
    assert online.get("/api/config").json() == {"tile_style": style}
    policy = online.get("/api/status").headers["Content-Security-Policy"]
    assert "connect-src 'self' https://tiles.example.org" in policy
    assert "script-src 'self';" in policy  # scripts stay same-origin whatever the style

    with pytest.raises(ValueError):
        create_app(db, tile_style="javascript:alert(1)")
