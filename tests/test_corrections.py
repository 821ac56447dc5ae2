"""Corrections: an analyst flags an event or corrects its type, place or date; the correction is
recorded, applied everywhere (filters, exports), and survives merging, re-extraction and rebuilds."""

from __future__ import annotations

import json

import pytest

from factories import make_doc, make_event
from lagebild.corrections import CorrectionError, changes_of
from lagebild.merge.link import Decision
from lagebild.model import Actor, Place
from lagebild.store import EventQuery, StoreError, open_store

KYIV = Place("Kyiv", 50.45, 30.52, country="UA", precision="city")
POLICE = Actor("police", canonical="Police", sector="COP")
CROWD = Actor("protesters", sector="CVL")


@pytest.fixture
def store(store_url: str):
    s = open_store(store_url)
    yield s
    s.close()


def _add(store, event_id="ev1", text="Police beat protesters in Kyiv.", **fields):
    doc = make_doc(text + " " + event_id, source="outlet-a")
    fields.setdefault("type", "ASSAULT")
    fields.setdefault("location", KYIV)
    fields.setdefault("date", "2024-05-01")
    fields.setdefault("date_precision", "day")
    event = make_event(doc, event_id, text, actors=[POLICE], recipients=[CROWD], **fields)
    store.add_document(doc, [event])
    return doc, event


def _ids(store, **query) -> set[str]:
    return {e.id for e in store.iter_events(EventQuery(**query))}


def test_a_type_correction_is_recorded_applied_and_filterable(store) -> None:
    _add(store)
    made = store.add_correction(
        "ev1", "correct", changes_of(type="COERCE", mode="disperse"), "misread", "anna"
    )
    assert made.before == {"type": "ASSAULT", "mode": None} and made.author == "anna"
    event = store.get_event("ev1")
    assert (event.type, event.mode) == ("COERCE", "disperse")
    assert event.cameo_root == "17" and event.acled_event_type == "Protests"  # derived anew from the type
    assert event.correction["fields"] == ["type", "mode"]
    assert event.correction["original"] == {"type": "ASSAULT", "mode": None}
    assert event.correction["by"] == "anna" and not event.flagged
    assert _ids(store, type="COERCE") == {"ev1"} and _ids(store, type="ASSAULT") == set()
    (log,) = store.corrections("ev1")
    assert log.to_dict()["changes"] == {"type": "COERCE", "mode": "disperse"} and log.reason == "misread"


def test_a_place_correction_moves_the_event_on_the_map(store) -> None:
    _add(store)
    store.add_correction("ev1", "correct", changes_of(place="49.99,36.23"), None, "anna")
    event = store.get_event("ev1")
    assert (event.location.lat, event.location.lon, event.location.precision) == (49.99, 36.23, "exact")
    assert _ids(store, bbox=(36, 49, 37, 51)) == {"ev1"}
    assert _ids(store, bbox=(30, 50, 31, 51)) == set()
    assert _ids(store, bbox=(36, 49, 37, 51), since="2024-04-01", until="2024-06-01") == {"ev1"}


def test_a_date_correction_takes_the_period_of_what_was_given(store) -> None:
    _add(store)
    store.add_correction("ev1", "correct", changes_of(date="2023-11"), None, "anna")
    event = store.get_event("ev1")
    assert (event.date, event.date_precision) == ("2023-11-01", "month")
    assert _ids(store, since="2023-11-01", until="2023-11-30") == {"ev1"}
    assert event.correction["original"] == {"date": "2024-05-01", "date_precision": "day"}


def test_a_flagged_event_is_hidden_unless_asked_for(store) -> None:
    _add(store)
    _add(store, "ev2", "Police beat protesters in Kyiv again.")
    store.add_correction("ev1", "flag", {}, "a hoax, the video is from 2014", "anna")
    assert _ids(store) == {"ev2"}
    assert store.count_events(EventQuery()) == 1
    assert _ids(store, flagged=True) == {"ev1"}
    assert _ids(store, flagged=None) == {"ev1", "ev2"}
    assert store.get_event("ev1").correction["reason"] == "a hoax, the video is from 2014"
    store.add_correction("ev1", "unflag", {}, None, "ben")
    assert _ids(store) == {"ev1", "ev2"} and not store.get_event("ev1").flagged


def test_a_correction_survives_a_report_merging_into_the_event(store) -> None:
    _, event = _add(store)
    store.add_correction("ev1", "correct", changes_of(type="PROTEST", date="2024-04-30"), None, "anna")
    # The merge summarises the event again from the machine's reading (its old type and date).
    event.num_sources = 2
    store.upsert_event(event)
    again = store.get_event("ev1")
    assert (again.type, again.date, again.num_sources) == ("PROTEST", "2024-04-30", 2)
    assert again.correction["original"]["type"] == "ASSAULT"


def test_a_correction_finds_its_event_after_a_rebuild_gives_it_a_new_id(store) -> None:
    doc, _event = _add(store)
    store.add_correction("ev1", "correct", changes_of(type="PROTEST"), None, "anna")
    store.add_correction("ev1", "flag", {}, "duplicate", "ben")
    # A rebuild: the event's mention now follows another one, which leads (and names) the event.
    mentions, _ = store.mentions_of_document(doc.id)
    store.clear_events()
    lead = make_event(doc, "ev1-rebuilt", "Earlier, police beat protesters.", start=200, type="ASSAULT")
    lead.location = KYIV
    store.store_decisions(doc.id, [Decision(event=lead, names=set(), mentions=[lead, *mentions])])
    # Written with the mention it holds, the event carries the mention's corrections at once ...
    assert store.get_event("ev1-rebuilt").type == "PROTEST"
    # ... and the rebuild's last step finds every correction's event again by its anchor.
    assert store.reapply_corrections() == 1
    now = store.get_event("ev1-rebuilt")
    assert (now.type, now.flagged) == ("PROTEST", True)
    assert [c.event_id for c in store.corrections()] == ["ev1-rebuilt", "ev1-rebuilt"]


def test_a_correction_finds_its_event_after_re_extraction_by_its_sentence(store) -> None:
    doc, event = _add(store)
    store.add_correction("ev1", "correct", changes_of(date="2024-04-29"), None, "anna")
    # Re-extraction with a better model reads the same sentence as another type: a new mention
    # id, a new event id, the same place in the same document.
    store.clear_events()
    reread = make_event(
        doc, "ev-reread", event.evidence[0].sentence, type="COERCE", location=KYIV, date="2024-05-01"
    )
    store.store_decisions(doc.id, [Decision(event=reread, names=set(), mentions=[reread])])
    store.reapply_corrections()
    assert store.get_event("ev-reread").date == "2024-04-29"


def test_lagebild_merge_rebuild_keeps_corrections(tmp_path) -> None:
    from lagebild.merge import rebuild

    store = open_store(f"sqlite:///{tmp_path / 'events.db'}")
    try:
        _add(store)
        store.add_correction("ev1", "correct", changes_of(place="49.99,36.23"), None, "anna")
        rebuild(store, None)
        (event,) = store.iter_events(EventQuery())
        assert event.location.lon == 36.23 and event.correction["by"] == "anna"
        assert store.get_meta("alerts:hold") is None  # the alert dispatcher goes on afterwards
    finally:
        store.close()


def test_a_correction_of_an_unknown_event_is_refused(store) -> None:
    with pytest.raises(StoreError, match="no event with id 'nope'"):
        store.add_correction("nope", "flag", {}, None, "anna")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"type": "BOMBING"}, "unknown type 'BOMBING'"),
        ({"type": "PROTEST", "mode": "bombard"}, "PROTEST has no mode 'bombard'"),
        ({"mode": "demo"}, "give the type with it"),
        ({"date": "2024-13-01"}, "expected YYYY-MM-DD"),
        ({"place": "95,10"}, "not lat,lon"),
    ],
)
def test_bad_corrections_say_what_is_wrong(fields: dict, message: str) -> None:
    with pytest.raises(CorrectionError, match=message):
        changes_of(**fields)


def test_a_place_name_is_looked_up_in_the_gazetteer() -> None:
    place = changes_of(place="Kharkiv, UA")["location"]
    assert place["country"] == "UA" and abs(place["lat"] - 50.0) < 0.5 and abs(place["lon"] - 36.25) < 0.5
    with pytest.raises(CorrectionError, match="no place called"):
        changes_of(place="Qqqzzyx")


# -- API and CLI ---------------------------------------------------------------------------------


TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def api(tmp_path):
    from fastapi.testclient import TestClient

    from lagebild.api import create_app

    db = f"sqlite:///{tmp_path / 'events.db'}"
    with open_store(db) as s:
        _add(s)
        _add(s, "ev2", "Police beat protesters in Kyiv again.")
    app = create_app(db, token=TOKEN, static_dir=tmp_path / "no-site", stream_poll_s=0.05, keepalive_s=0.1)
    with TestClient(app) as client:
        client.db = db
        yield client


def test_api_corrections_need_the_token_and_show_in_the_event(api) -> None:
    body = {"event_id": "ev1", "type": "PROTEST", "by": "anna", "reason": "a march, not an attack"}
    assert api.post("/api/corrections", json=body).status_code == 401
    made = api.post("/api/corrections", json=body, headers=AUTH)
    assert made.status_code == 201, made.text
    assert made.json()["event"]["type"] == "PROTEST"
    detail = api.get("/api/events/ev1").json()
    assert detail["type"] == "PROTEST" and detail["correction"]["original"]["type"] == "ASSAULT"
    assert [c["by"] for c in detail["corrections"]] == ["anna"]
    assert detail["corrections"][0]["before"] == {"type": "ASSAULT", "mode": None}
    assert api.get("/api/corrections").json()["corrections"][0]["changes"]["type"] == "PROTEST"


def test_api_flag_hides_the_event_from_lists_and_exports(api) -> None:
    flag = {"event_id": "ev1", "flag": True, "by": "anna", "reason": "wrong"}
    assert api.post("/api/corrections", json=flag, headers=AUTH).status_code == 201
    listed = {e["id"] for e in api.get("/api/events").json()["events"]}
    assert listed == {"ev2"}
    assert {e["id"] for e in api.get("/api/events", params={"flagged": "true"}).json()["events"]} == {"ev1"}
    assert api.get("/api/events", params={"flagged": "all"}).json()["total"] == 2
    geo = api.get("/api/events.geojson").json()
    assert [f["properties"]["id"] for f in geo["features"]] == ["ev2"]
    assert api.get("/api/events/ev1").json()["flagged"] is True  # its own page still answers
    bad = api.get("/api/events", params={"flagged": "maybe"})
    assert bad.status_code == 422 and "false, true or all" in bad.json()["detail"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"event_id": "ev1", "type": "BOMBING", "by": "a"}, 422, "unknown type"),
        ({"event_id": "ev1", "by": "a"}, 422, "nothing to correct"),
        ({"event_id": "ev1", "flag": True, "type": "PROTEST", "by": "a"}, 422, "either flags or corrects"),
        ({"event_id": "ev1", "type": "PROTEST"}, 422, "say who"),
        ({"event_id": "nope", "type": "PROTEST", "by": "a"}, 404, "no event"),
        ({"event_id": "ev1", "colour": "red", "by": "a"}, 422, "unknown key colour"),
    ],
)
def test_api_bad_corrections_are_clear(api, body: dict, status: int, message: str) -> None:
    response = api.post("/api/corrections", json=body, headers=AUTH)
    assert response.status_code == status and message in response.json()["detail"], response.text


def test_api_watchlists_and_alerts(api) -> None:
    from lagebild.alerts.dispatch import Dispatcher

    body = {"name": "Kyiv", "filter": {"countries": ["UA"]}, "webhook": "http://127.0.0.1:9/secret-path"}
    assert api.post("/api/watchlists", json=body).status_code == 401
    made = api.post("/api/watchlists", json=body, headers=AUTH)
    assert made.status_code == 201 and made.json()["filter"]["countries"] == ["UA"]
    assert api.post("/api/watchlists", json=body, headers=AUTH).status_code == 409
    bad = api.post("/api/watchlists", json={"name": "x", "filter": {"types": ["BOMBING"]}}, headers=AUTH)
    assert bad.status_code == 422 and "unknown type 'BOMBING'" in bad.json()["detail"]
    shown = api.get("/api/watchlists").json()["watchlists"][0]
    assert "secret-path" not in shown["webhook"]  # the URL is a secret to who has no token
    assert "secret-path" in api.get("/api/watchlists", headers=AUTH).json()["watchlists"][0]["webhook"]
    with open_store(api.db) as s:
        s.remove_watchlist("Kyiv")
        s.add_watchlist("Kyiv", made_filter({"countries": ["UA"]}), None)
        Dispatcher(s).step()
        _add(s, "ev3", "Police beat protesters in Kyiv a third time.")
        Dispatcher(s).step()
    alerts = api.get("/api/alerts").json()["alerts"]
    assert [a["event_id"] for a in alerts] == ["ev3"] and alerts[0]["delivery"]["state"] == "none"
    assert api.get("/api/alerts", params={"watchlist": "nope"}).status_code == 404
    assert api.delete("/api/watchlists/Kyiv").status_code == 401
    assert api.delete("/api/watchlists/Kyiv", headers=AUTH).status_code == 204
    assert api.delete("/api/watchlists/Kyiv", headers=AUTH).status_code == 404


def made_filter(d: dict):
    from lagebild.alerts.watchlists import Filter

    return Filter.from_dict(d)


def test_cli_watchlist_alerts_correct_flag(tmp_path) -> None:
    from typer.testing import CliRunner

    from lagebild.cli import app

    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'events.db'}"
    with open_store(db) as s:
        _add(s)
    added = runner.invoke(
        app, ["watchlist", "add", "kyiv", "--db", db, "--country", "UA", "--type", "ASSAULT"]
    )
    assert added.exit_code == 0, added.output
    bad = runner.invoke(app, ["watchlist", "add", "x", "--db", db, "--type", "BOMBING"])
    assert bad.exit_code == 2 and "unknown type 'BOMBING'" in bad.output
    listed = runner.invoke(app, ["watchlist", "list", "--db", db, "-f", "jsonl"])
    assert json.loads(listed.stdout)["filter"]["types"] == ["ASSAULT"]
    assert runner.invoke(app, ["alerts", "--db", db, "--once"]).exit_code == 0
    with open_store(db) as s:
        _add(s, "ev2", "Police beat protesters in Kyiv again.")
    alerts = runner.invoke(app, ["alerts", "--db", db, "--once", "-f", "jsonl"])
    assert [json.loads(line)["event_id"] for line in alerts.stdout.splitlines()] == ["ev2"]
    table = runner.invoke(app, ["alerts", "--db", db])
    assert "ASSAULT — Kyiv — 2024-05-01" in table.stdout
    fixed = runner.invoke(app, ["correct", "ev1", "--db", db, "--type", "PROTEST", "--by", "anna"])
    assert fixed.exit_code == 0, fixed.output
    assert json.loads(fixed.stdout)["type"] == "PROTEST"
    flagged = runner.invoke(app, ["flag", "ev2", "--db", db, "--reason", "duplicate", "--by", "ben"])
    assert flagged.exit_code == 0, flagged.output
    log = runner.invoke(app, ["corrections", "--db", db, "-f", "jsonl"])
    assert [(c["kind"], c["by"]) for c in map(json.loads, log.stdout.splitlines())] == [
        ("correct", "anna"),
        ("flag", "ben"),
    ]
    missing = runner.invoke(app, ["flag", "nope", "--db", db, "--by", "ben"])
    assert missing.exit_code == 2 and "no event with id 'nope'" in missing.output
    assert runner.invoke(app, ["watchlist", "remove", "kyiv", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["watchlist", "remove", "kyiv", "--db", db]).exit_code == 2


def test_cli_events_hide_flagged_events_unless_asked(tmp_path) -> None:
    from typer.testing import CliRunner

    from lagebild.cli import app

    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'events.db'}"
    with open_store(db) as s:
        _add(s)
        _add(s, "ev2", "Police beat protesters in Kyiv again.")
        s.add_correction("ev1", "flag", {}, "hoax", "anna")

    def listed(*extra: str) -> list[str]:
        result = runner.invoke(app, ["events", "--db", db, "-f", "jsonl", *extra])
        assert result.exit_code == 0, result.output
        return sorted(json.loads(line)["id"] for line in result.stdout.splitlines())

    assert listed() == ["ev2"]
    assert listed("--flagged", "true") == ["ev1"]
    assert listed("--flagged", "all") == ["ev1", "ev2"]
    bad = runner.invoke(app, ["events", "--db", db, "--flagged", "maybe"])
    assert bad.exit_code == 2 and "use false, true or all" in bad.output
