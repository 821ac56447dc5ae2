"""The server's checks before any handler: Host, token before the body, body cap with and without
Content-Length, write rate, OPTIONS; and the parameters that once answered with a 500."""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from factories import make_doc, make_event
from lagebild.api import create_app
from lagebild.api.app import MAX_BODY_BYTES
from lagebild.api.guard import HostRule, RateLimit, host_name
from lagebild.model import Place
from lagebild.store.sqlite import SQLiteStore

TOKEN = "guard-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "guard.db"
    with SQLiteStore(path) as store:
        doc = make_doc("Report.", lang="en")
        store.add_document(
            doc,
            [
                make_event(
                    doc,
                    "kharkiv",
                    "Shelling in Kharkiv.",
                    type="ASSAULT",
                    location=Place("Kharkiv", 49.98, 36.25, country="UA", precision="city"),
                    date="2024-03-10",
                    confidence=0.9,
                )
            ],
        )
    return f"sqlite:///{path}"


# --- body and token, at the ASGI level: what is read of a body is counted ------------------------


def post(app, headers: dict[str, str], chunks, *, path: str = "/api/documents") -> tuple[int, int, bytes]:
    """Send a POST whose body comes from `chunks` (an iterator); the status, the body bytes the
    server took, and the response body."""
    taken = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal taken
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        taken += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (k.lower().encode(), v.encode()) for k, v in {"host": "127.0.0.1:8765", **headers}.items()
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8765),
        "state": {},
    }
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], taken, body


def endless(size: int = 1 << 20):
    while True:
        yield b"x" * size


def test_no_token_is_refused_before_the_body_is_read(db: str) -> None:
    app = create_app(db, token=TOKEN)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"}):
        status, taken, body = post(app, {"content-type": "application/json", **headers}, endless())
        assert status == 401 and taken == 0
        assert "token" in json.loads(body)["detail"]


def test_a_chunked_body_is_cut_at_the_cap(db: str) -> None:
    app = create_app(db, token=TOKEN)
    status, taken, _ = post(app, {"content-type": "application/json", **AUTH}, endless())
    assert status == 413
    assert taken <= MAX_BODY_BYTES + (1 << 20)  # read up to the cap and one chunk, not the gigabyte


def test_a_declared_oversized_body_is_refused_unread(db: str) -> None:
    app = create_app(db, token=TOKEN)
    headers = {"content-type": "application/json", "content-length": str(MAX_BODY_BYTES + 1), **AUTH}
    status, taken, _ = post(app, headers, endless())
    assert status == 413 and taken == 0


def test_a_small_chunked_body_still_works(db: str) -> None:
    app = create_app(db, token=TOKEN)
    record = json.dumps(
        {"text": "Police detained two protesters in Berlin on Monday.", "lang": "en"}
    ).encode()
    status, taken, body = post(
        app, {"content-type": "application/json", **AUTH}, iter([record[:10], record[10:]])
    )
    assert status == 201, body
    assert taken == len(record)


# --- rate limit -----------------------------------------------------------------------------


def test_writes_are_rate_limited_per_client(db: str) -> None:
    app = create_app(db, token=TOKEN, write_rate=RateLimit(per_minute=60, burst=3))
    with TestClient(app) as client:
        codes = [client.post("/api/documents", json={}, headers=AUTH).status_code for _ in range(5)]
        assert codes[:3] == [422, 422, 422]  # let through (and refused by the handler)
        limited = client.post("/api/documents", json={}, headers=AUTH)
        assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
        assert client.get("/api/events").status_code == 200  # reads are not limited


def test_rate_limit_refills_over_time() -> None:
    rate = RateLimit(per_minute=60, burst=2)
    assert rate.wait("a", now=0.0) == 0 and rate.wait("a", now=0.0) == 0
    assert rate.wait("a", now=0.0) == pytest.approx(1.0)
    assert rate.wait("b", now=0.0) == 0  # another client has its own bucket
    assert rate.wait("a", now=1.0) == 0


# --- Host header ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bound", "host", "ok"),
    [
        ("127.0.0.1", "127.0.0.1:8765", True),
        ("127.0.0.1", "localhost:8765", True),
        ("127.0.0.1", "[::1]:8765", True),
        ("127.0.0.1", "LOCALHOST", True),
        ("127.0.0.1", "evil.example:8765", False),
        ("127.0.0.1", "127.0.0.1.evil.example", False),
        ("127.0.0.1", "", False),
        ("192.168.1.5", "192.168.1.5:8765", True),
        ("192.168.1.5", "10.0.0.1:8765", False),
        ("::1", "[::1]:8765", True),
        ("0.0.0.0", "10.0.0.7:8765", True),  # bound everywhere: any IP literal
        ("0.0.0.0", "rebind.evil.example", False),
    ],
)
def test_host_rule(bound: str, host: str, ok: bool) -> None:
    assert HostRule.serving(bound).allows(host) is ok


def test_host_rule_takes_extra_names_for_a_reverse_proxy() -> None:
    rule = HostRule.serving("127.0.0.1", ["news.example.org", "[2001:db8::1]:443"])
    assert rule.allows("news.example.org") and rule.allows("[2001:db8::1]")
    assert not rule.allows("other.example.org")
    assert host_name("[::1]:8765") == "::1" and host_name("Example.ORG.") == "example.org"


def test_server_answers_only_for_its_hosts(db: str) -> None:
    app = create_app(db, token=TOKEN, allowed_hosts=HostRule.serving("127.0.0.1"))
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        assert client.get("/api/events").status_code == 200
        rebound = client.get("/api/events", headers={"Host": "attacker.example"})
        assert rebound.status_code == 400 and "host" in rebound.json()["detail"]
        assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400


def test_allowed_hosts_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from lagebild.api.server import host_rule

    monkeypatch.setenv("LAGEBILD_ALLOWED_HOSTS", "news.example.org, proxy.example")
    rule = host_rule("127.0.0.1", ["cli.example"])
    assert all(rule.allows(h) for h in ("news.example.org", "proxy.example", "cli.example", "localhost"))
    assert not rule.allows("evil.example")


# --- OPTIONS -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "methods"),
    [
        ("/api/documents", {"POST", "OPTIONS"}),
        ("/api/events", {"GET", "HEAD", "OPTIONS"}),
        ("/api/events/abc", {"GET", "HEAD", "OPTIONS"}),
        ("/api/stream", {"GET", "HEAD", "OPTIONS"}),
    ],
)
def test_options_answers_with_the_routes_methods(db: str, path: str, methods: set[str]) -> None:
    with TestClient(create_app(db, token=TOKEN)) as client:
        response = client.options(path)
        assert response.status_code == 204
        assert set(response.headers["Allow"].replace(" ", "").split(",")) == methods
        # A cross-origin preflight gets no CORS grant: the API is same-origin.
        preflight = client.options(
            path, headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
        )
        assert "access-control-allow-origin" not in preflight.headers


# --- values that once answered 500 ----------------------------------------------------------


def cursor(sort_date: str, seq: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([sort_date, seq]).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/events", {"cursor": cursor("2024-01-01", 2**63)}),
        ("/api/events", {"cursor": cursor("2024-01-01", 10**30)}),
        ("/api/events", {"cursor": "W1wiMjAyNFwiLCA" + "9" * 5000}),
        ("/api/stream", {"last_event_id": "²"}),
        ("/api/stream", {"last_event_id": "9" * 5000}),
        ("/api/stream", {"last_event_id": str(2**63)}),
    ],
)
def test_bad_values_are_422_not_500(db: str, path: str, params: dict) -> None:
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as client:
        response = client.get(path, params=params)
        assert response.status_code == 422, response.text
        assert response.json()["detail"]


def test_a_huge_last_event_id_header_is_422(db: str) -> None:
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as client:
        for value in ("9" * 5000, "²", "-1"):
            headers = {"Last-Event-ID": value.encode("utf-8")}
            assert client.get("/api/stream", headers=headers).status_code == 422


def test_updated_since_beyond_the_range_of_dates_takes_the_nearest_end(db: str) -> None:
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as client:
        before = client.get("/api/events", params={"updated_since": "0001-01-01T00:00:00+14:00"})
        after = client.get("/api/events", params={"updated_since": "9999-12-31T23:59:59-14:00"})
    assert before.status_code == 200 and [e["id"] for e in before.json()["events"]] == ["kharkiv"]
    assert after.status_code == 200 and after.json()["events"] == []


@pytest.mark.parametrize("path", ["/api/events", "/api/events.geojson", "/api/events.csv", "/api/timeline"])
def test_the_last_month_of_year_9999_is_a_period(db: str, path: str) -> None:
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as client:
        response = client.get(path, params={"until": "9999-12", "bbox": "30,45,40,55"})
        assert response.status_code == 200, response.text
        if path == "/api/events":
            assert [e["id"] for e in response.json()["events"]] == ["kharkiv"]
        response = client.get(path, params={"since": "9999-12", "bbox": "30,45,40,55"})
        assert response.status_code == 200, response.text


def test_bbox_latitudes_are_clamped_and_taken_in_either_order(db: str) -> None:
    with TestClient(create_app(db, token=TOKEN)) as client:
        for bbox in ("30,45,40,55", "30,55,40,45", "30,45,40,95", "30,-100,40,100"):
            response = client.get("/api/events", params={"bbox": bbox})
            assert response.status_code == 200, (bbox, response.text)
            assert [e["id"] for e in response.json()["events"]] == ["kharkiv"], bbox
        assert client.get("/api/events", params={"bbox": "30,60,40,95"}).json()["events"] == []


@pytest.mark.parametrize("bbox", ["inf,0,0,0", "0,-inf,10,10", "nan,0,1,1", "1e999,0,1,1"])
def test_a_bbox_with_infinity_is_422(db: str, bbox: str) -> None:
    # Found by the property test: "inf" parsed as a float and wrapped into NaN.
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as client:
        response = client.get("/api/events", params={"bbox": bbox})
        assert response.status_code == 422 and "bbox" in response.json()["detail"]


# --- bounded reads: a page's total is counted only so far -----------------------------------------


def test_a_pages_total_is_counted_up_to_a_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lagebild.api.app as api_app

    path = tmp_path / "many.db"
    with SQLiteStore(path) as store:
        doc = make_doc("Reports.", lang="en")
        events = [
            make_event(
                doc,
                f"e{i}",
                f"Shelling {i}.",
                start=i * 20,
                type="ASSAULT",
                location=Place("Kharkiv", 49.98, 36.25, country="UA", precision="city"),
                date=f"2024-03-{i + 1:02d}",
            )
            for i in range(6)
        ]
        store.add_document(doc, events)
        assert store.count_events(api_app.EventQuery(), at_most=4) == 4
        assert store.count_events(api_app.EventQuery()) == 6
    monkeypatch.setattr(api_app, "MAX_TOTAL", 4)
    client = TestClient(create_app(f"sqlite:///{path}"))
    whole = client.get("/api/events", params={"bbox": "30,45,40,55"}).json()  # one page: no count
    assert (whole["total"], whole["total_exact"], len(whole["events"])) == (6, True, 6)
    paged = client.get("/api/events", params={"limit": 2}).json()
    assert (paged["total"], paged["total_exact"]) == (4, False)
    few = client.get("/api/events", params={"limit": 2, "since": "2024-03-04"}).json()
    assert (few["total"], few["total_exact"]) == (3, True)
    response = client.get("/api/events", params={"limit": 2})
    assert response.headers["x-frame-options"] == "DENY" and response.headers["cache-control"] == "no-cache"
