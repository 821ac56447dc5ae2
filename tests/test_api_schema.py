"""The server agrees with its own OpenAPI document: schemathesis, bounded in examples and time,
finds no 500 and no response that breaks the schema; documented statuses only."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from factories import make_doc, make_event
from lagebild.api import create_app
from lagebild.api.guard import RateLimit
from lagebild.model import Actor, Place
from lagebild.store.sqlite import SQLiteStore

TOKEN = "schema-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EXAMPLES = 25  # per operation: enough to cover each parameter's shapes, bounded in time


def _app(tmp: Path):
    path = tmp / "schema.db"
    with SQLiteStore(path) as store:
        doc = make_doc("Report.", lang="en", url="https://news.example/1", source="news.example")
        store.add_document(
            doc,
            [
                make_event(
                    doc,
                    "kharkiv",
                    "Russian forces shelled Kharkiv.",
                    type="ASSAULT",
                    mode="aerial",
                    acled_event_type="Explosions/Remote violence",
                    acled_sub_event_type="Shelling/artillery/missile attack",
                    actors=[Actor("Russian forces", country="RU", sector="MIL")],
                    location=Place("Kharkiv", 49.98, 36.25, country="UA", precision="city"),
                    date="2024-03-10",
                    confidence=0.9,
                ),
                make_event(doc, "undated", type="PROTEST", confidence=0.4),
            ],
        )
    return create_app(f"sqlite:///{path}", token=TOKEN, write_rate=RateLimit(per_minute=6000, burst=1000))


_tmp = Path(tempfile.mkdtemp(prefix="lagebild-schema-"))
schema = schemathesis.openapi.from_asgi("/openapi.json", _app(_tmp)).exclude(
    path_regex="^/api/(alerts/)?stream$"
)  # endless streams

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.positive_data_acceptance,
]


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_agrees_with_its_schema(case) -> None:
    checks = list(CHECKS)
    if case.method == "POST":
        # Whether a page has main text shows only when it is read: a schema-valid `html` may
        # rightly get its documented 422. The positive check for writing is the test below.
        checks.remove(schemathesis.checks.positive_data_acceptance)
    if case.query:
        case.query.pop("cursor", None)  # opaque: only the server makes valid ones
    case.call_and_validate(headers=AUTH, checks=checks)


def test_schema_requires_text_or_html_and_documents_every_status() -> None:
    from fastapi.testclient import TestClient

    app = _app(Path(tempfile.mkdtemp(prefix="lagebild-schema-")))
    with TestClient(app) as client:
        doc = client.get("/openapi.json").json()
        post = doc["paths"]["/api/documents"]["post"]
        assert {"400", "401", "413", "422", "429"} <= set(post["responses"])
        body = doc["components"]["schemas"]["DocumentIn"]
        assert [alt["required"] for alt in body["anyOf"]] == [["text"], ["html"]]
        status = doc["components"]["schemas"]["StatusOut"]
        answer = client.get("/api/status").json()
        assert set(status["required"]) <= set(answer)
        text = {"text": "Police detained two protesters in Berlin on Monday.", "lang": "en"}
        assert client.post("/api/documents", json=text, headers=AUTH).status_code == 201
