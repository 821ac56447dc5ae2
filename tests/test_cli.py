"""The `lagebild` command end to end, over a real SQLite store and the real pipeline."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app

runner = CliRunner()

ARTICLES = [
    {
        "url": "https://news.invalid/de/abzug",
        "source": "Testzeitung",
        "title": "Truppen ziehen ab",
        "published": "2022-01-14",
        "lang": "de",
        "text": "Russische Soldaten haben am Donnerstag die Stadt Almaty verlassen. "
        "Der Abzug der Truppen soll zehn Tage dauern.",
    },
    {
        "url": "https://news.invalid/en/protest",
        "source": "Test Herald",
        "title": "Protest in Paris",
        "published": "2023-03-07",
        "lang": "en",
        "text": "Thousands of protesters marched through Paris on Tuesday against the pension reform. "
        "Police arrested twelve people near the Place de la Concorde.",
    },
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    return path


def _db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'events.db'}"


def test_help_documents_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "extract", "events", "stats", "gazetteer", "eval"):
        assert command in result.output


def test_ingest_is_idempotent(tmp_path: Path, corpus: Path):
    db = _db(tmp_path)
    first = runner.invoke(app, ["ingest", "--db", db, str(corpus)])
    assert first.exit_code == 0, first.output
    assert "2 new documents" in first.output
    again = runner.invoke(app, ["ingest", "--db", db, str(corpus)])
    assert again.exit_code == 0
    assert "0 new documents" in again.output and "2 already stored" in again.output
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert stats["documents"] == 2


def test_bad_input_is_reported_and_the_batch_goes_on(tmp_path: Path, corpus: Path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["ingest", "--db", _db(tmp_path), str(binary), str(corpus), str(empty)])
    assert result.exit_code == 1
    assert "image.png" in result.output and "empty.txt" in result.output
    assert "2 new documents" in result.output
    assert "Traceback" not in result.output


def test_events_export_formats(tmp_path: Path, corpus: Path):
    db = _db(tmp_path)
    assert runner.invoke(app, ["ingest", "--db", db, str(corpus)]).exit_code == 0
    lines = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    events = [json.loads(line) for line in lines]
    assert events, "the articles report a withdrawal, a protest and arrests"
    assert all(e["evidence"] and e["evidence"][0]["sentence"] for e in events)

    geo = json.loads(runner.invoke(app, ["events", "--db", db, "--format", "geojson"]).stdout)
    assert geo["type"] == "FeatureCollection"

    acled = runner.invoke(app, ["events", "--db", db, "--format", "acled"]).stdout
    header = next(csv.reader(io.StringIO(acled)))
    assert header[:3] == ["event_id_cnty", "event_date", "year"] and header[-1] == "timestamp"

    fr = [e for e in events if (e["location"] or {}).get("country") == "FR"]
    only_fr = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--country", "FR"]).stdout
    assert len(only_fr.splitlines()) == len(fr)

    table = runner.invoke(app, ["events", "--db", db])
    assert table.exit_code == 0 and f"{len(events)} events" in table.stdout


def test_events_rejects_bad_parameters(tmp_path: Path):
    result = runner.invoke(app, ["events", "--db", _db(tmp_path), "--bbox", "1,2,3"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["events", "--db", _db(tmp_path), "--since", "yesterday"])
    assert result.exit_code == 2


def test_extract_prints_json_lines_and_stores_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES[1]["text"], encoding="utf-8")
    monkeypatch.setenv("LAGEBILD_DB", _db(tmp_path))
    result = runner.invoke(app, ["extract", str(article), "--published", "2023-03-07", "--lang", "en"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"PROTEST", "COERCE"} <= {e["type"] for e in events}
    assert not (tmp_path / "events.db").exists()


def test_module_entry_point_runs():
    out = subprocess.run([sys.executable, "-m", "lagebild", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("lagebild ")


def test_reading_commands_do_not_create_a_database_by_a_typo(tmp_path: Path):
    missing = tmp_path / "typo" / "events.db"
    for command in (["events"], ["stats"]):
        result = runner.invoke(app, [*command, "--db", f"sqlite:///{missing}"])
        assert result.exit_code == 2
        assert "no database" in result.output
    assert not missing.exists()


def _stored(tmp_path: Path, corpus: Path) -> str:
    db = _db(tmp_path)
    assert runner.invoke(app, ["ingest", "--db", db, str(corpus)]).exit_code == 0
    return db


def test_events_table_fits_80_columns_one_line_per_event(tmp_path: Path, corpus: Path):
    db = _stored(tmp_path, corpus)
    events = json.loads(runner.invoke(app, ["events", "--db", db, "--format", "json"]).stdout)
    narrow = runner.invoke(app, ["events", "--db", db], env={"COLUMNS": "80"}).stdout
    lines = narrow.splitlines()
    assert max(len(line) for line in lines) <= 80
    # header, rule, one line per event and the count: nothing wraps
    assert len(lines) == len(events) + 3, narrow
    assert "Paris, FR" in narrow and "Protest" in narrow
    wide = runner.invoke(app, ["events", "--db", db], env={"COLUMNS": "180"}).stdout
    assert "evidence" in wide and "conf" in wide and "evidence" not in narrow
    assert "marched through Paris" in wide


def test_events_json_is_an_array_and_jsonl_one_event_a_line(tmp_path: Path, corpus: Path):
    db = _stored(tmp_path, corpus)
    array = json.loads(runner.invoke(app, ["events", "--db", db, "--format", "json"]).stdout)
    lines = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    assert isinstance(array, list) and array
    assert [json.loads(line)["id"] for line in lines] == [e["id"] for e in array]
    empty = runner.invoke(app, ["events", "--db", db, "--format", "json", "--country", "JP"]).stdout
    assert json.loads(empty) == []


def test_events_takes_the_apis_filters(tmp_path: Path, corpus: Path):
    db = _stored(tmp_path, corpus)

    def ids(*args: str) -> set[str]:
        result = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return {json.loads(line)["id"] for line in result.stdout.splitlines()}

    everything = ids("--modality", "all")
    german = ids("--lang", "de", "--modality", "all")
    english = ids("--lang", "en", "--modality", "all")
    assert german and english and german.isdisjoint(english) and german | english == everything
    assert ids("--type", "RETREAT", "--mode", "withdraw", "--modality", "all") <= german
    police = ids("--actor", "police", "--modality", "all")
    assert police and police <= english


def test_unknown_filter_values_are_an_error_naming_the_allowed_ones(tmp_path: Path, corpus: Path):
    db = _stored(tmp_path, corpus)
    for args, allowed in (
        (["--type", "BOMBING"], "ASSAULT"),
        (["--lang", "xx"], "de"),
        (["--type", "RETREAT", "--mode", "bombing"], "withdraw"),
        (["--modality", "maybe"], "hypothetical"),
    ):
        result = runner.invoke(app, ["events", "--db", db, *args])
        assert result.exit_code == 2, args
        assert allowed in result.output and args[-1] in result.output, result.output


def test_help_shows_no_bool_type_on_flags():
    for command in (["stats"], ["merge"], ["extract"], ["events"]):
        result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
        assert result.exit_code == 0
        assert "<bool>" not in result.output
    assert "<str>" in runner.invoke(app, ["stats", "--help"], env={"COLUMNS": "120"}).output


def test_stats_summarises_feeds_in_one_line(tmp_path: Path, corpus: Path):
    from lagebild.store import open_store
    from lagebild.watch.state import FEED_PREFIX, FeedState

    db = _stored(tmp_path, corpus)
    store = open_store(db)
    try:
        for i in range(5):
            state = FeedState(url=f"https://feeds.invalid/{i}.xml", title=f"Feed {i}")
            state.last_status = "error" if i < 3 else "ok"
            state.last_error = "connection refused"
            store.set_meta(FEED_PREFIX + state.url, state.to_json())
    finally:
        store.close()
    out = runner.invoke(app, ["stats", "--db", db], env={"COLUMNS": "100"}).stdout
    feed_lines = [line for line in out.splitlines() if "feed" in line.lower() and "database" not in line]
    assert len(feed_lines) == 1 and "5 (2 ok, 3 failing)" in feed_lines[0], out
    table = runner.invoke(app, ["stats", "--db", db, "--feeds"], env={"COLUMNS": "100"}).stdout
    assert all(f"Feed {i}" in table for i in range(5))
