"""Every export format parses back with the standard library and holds the right values."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest

from lagebild.export import EXTENSIONS, FORMATS, MEDIA_TYPES
from lagebild.export.acled import disorder_type, inter_code, interaction
from lagebild.export.countries import country
from lagebild.export.flat_csv import COLUMNS as CSV_COLUMNS
from lagebild.model import Actor, Event, Evidence, Place

TRICKY = 'Officials said: "shelling, again", near Kharkiv; 3 dead.'

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
).split(",")


def shelling() -> Event:
    """Located, actors on both sides, two sources in two languages, quotes and commas."""
    return Event(
        id="a1b2c3d4e5f6a7b8c9d0e1f2",
        type="ASSAULT",
        mode="aerial",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        cameo_root="19",
        actors=[
            Actor("российские войска", canonical="Armed Forces of Russia", country="RU", sector="MIL"),
            Actor("artillery units", country="RU", sector="MIL"),
        ],
        recipients=[Actor("residents", country="UA", sector="CVL")],
        location=Place(
            "Kharkiv", 49.98, 36.25, country="UA", geonameid=706483, admin1="Kharkivska", precision="city"
        ),
        date="2024-03-10",
        date_precision="day",
        confidence=0.91,
        evidence=[
            Evidence("doc-en", TRICKY, 10, 10 + len(TRICKY), "en", "https://a.example/x?a=1,2", "a.example"),
            Evidence("doc-ru", "Российские войска обстреляли Харьков.", 0, 37, "ru", None, "b.example"),
        ],
        num_sources=2,
        first_seen="2024-03-10T08:00:00+00:00",
        updated="2024-03-11T09:30:00+00:00",
    )


def talks() -> Event:
    """No location, no actors, a month-precise date, an ACLED-less type."""
    return Event(
        id="ffff0000eeee1111dddd2222",
        type="CONSULT",
        date="2024-02-01",
        date_precision="month",
        modality="future",
        confidence=0.4,
        evidence=[Evidence("doc-ar", 'ستجري محادثات في الشهر المقبل، حسب "مصادر".', 5, 48, "ar", None, None)],
        first_seen="2024-02-01T00:00:00+00:00",
        updated="2024-02-01T00:00:00+00:00",
    )


def deployment() -> Event:
    """An IGO actor, a country-level place, no recipients, no date."""
    return Event(
        id="0123456789abcdef01234567",
        type="MOBILIZE",
        acled_event_type="Strategic developments",
        acled_sub_event_type="Headquarters or base established",
        actors=[
            Actor(
                "CSTO peacekeepers",
                canonical="Collective Security Treaty Organization",
                igo="CSTO",
                sector="PKO",
            )
        ],
        location=Place("Kazakhstan", 48.0, 68.0, country="KZ", precision="country"),
        evidence=[
            Evidence(
                "doc-de",
                "OVKS-Truppen trafen in Kasachstan ein.",
                0,
                38,
                "de",
                "https://c.example",
                "c.example",
            )
        ],
        first_seen="2022-01-07T10:00:00+00:00",
        updated="2022-01-07T10:00:00+00:00",
    )


EVENTS = [shelling(), talks(), deployment()]


def export(fmt: str, events=None) -> tuple[str, int]:
    out = io.StringIO(newline="")
    n = FORMATS[fmt](iter(EVENTS if events is None else events), out)  # any iterable, consumed once
    return out.getvalue(), n


def test_registry() -> None:
    assert set(FORMATS) == {"json", "geojson", "csv", "acled", "plover"}
    assert set(MEDIA_TYPES) == set(EXTENSIONS) == set(FORMATS)


@pytest.mark.parametrize("fmt", ["json", "geojson", "csv", "acled", "plover"])
def test_empty_export_is_still_valid(fmt: str) -> None:
    text, n = export(fmt, [])
    assert n == 0
    if fmt == "geojson":
        assert json.loads(text) == {"type": "FeatureCollection", "features": []}
    elif fmt in ("csv", "acled"):
        assert len(list(csv.reader(io.StringIO(text)))) == 1  # the header only
    else:
        assert text == ""


def test_jsonl_is_the_contract_line_by_line() -> None:
    text, n = export("json")
    lines = text.splitlines()
    assert n == len(lines) == 3
    for line, event in zip(lines, EVENTS, strict=True):
        assert json.loads(line) == event.to_dict()
        assert Event.from_dict(json.loads(line)).to_dict() == event.to_dict()
    assert "обстреляли" in text  # UTF-8, not \u escapes


def test_geojson() -> None:
    text, n = export("geojson")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert n == len(features) == 3

    located = features[0]
    assert located["id"] == "a1b2c3d4e5f6a7b8c9d0e1f2"
    assert located["geometry"] == {"type": "Point", "coordinates": [36.25, 49.98]}  # lon, lat
    props = located["properties"]
    assert props["location"] == {
        "name": "Kharkiv",
        "geonameid": 706483,
        "country": "UA",
        "admin1": "Kharkivska",
        "precision": "city",
    }
    expected = shelling().to_dict()
    del expected["location"], props["location"]
    assert props == expected

    unlocated = features[1]
    assert unlocated["geometry"] is None
    assert unlocated["properties"]["location"] is None
    assert unlocated["properties"]["evidence"][0]["sentence"].endswith('"مصادر".')
    assert features[2]["properties"]["location"]["precision"] == "country"


def test_csv() -> None:
    text, n = export("csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert n == len(rows) == 3
    assert list(rows[0]) == list(CSV_COLUMNS)

    shell, talk, deploy = rows
    assert shell["evidence"] == TRICKY
    assert shell["evidence_count"] == "2"
    assert shell["sources"] == "a.example; b.example"
    assert shell["urls"] == "https://a.example/x?a=1,2"
    assert shell["languages"] == "en; ru"
    assert shell["actors"] == "российские войска; artillery units"
    assert shell["actors_canonical"] == "Armed Forces of Russia; "  # positions line up
    assert shell["actors_sector"] == "MIL; MIL"
    assert float(shell["latitude"]) == 49.98 and float(shell["longitude"]) == 36.25
    assert float(shell["confidence"]) == 0.91

    assert talk["actors"] == talk["recipients"] == talk["latitude"] == talk["location_name"] == ""
    assert talk["evidence"].startswith("ستجري")
    assert talk["modality"] == "future"
    assert deploy["actors_country"] == "CSTO"
    assert deploy["date"] == ""


def test_acled() -> None:
    text, n = export("acled")
    reader = csv.reader(io.StringIO(text))
    assert next(reader) == ACLED_HEADER
    rows = [dict(zip(ACLED_HEADER, r, strict=True)) for r in reader]
    assert n == len(rows) == 2  # CONSULT has no ACLED type and is left out

    shell, deploy = rows
    assert shell["event_id_cnty"] == "UKRa1b2c3d4e5f6"
    assert (shell["event_date"], shell["year"], shell["time_precision"]) == ("2024-03-10", "2024", "1")
    assert shell["disorder_type"] == "Political violence"
    assert shell["event_type"] == "Explosions/Remote violence"
    assert shell["actor1"] == "Armed Forces of Russia"
    assert shell["assoc_actor_1"] == "artillery units"
    assert shell["inter1"] == "8"  # a state's forces outside their own country
    assert (shell["actor2"], shell["inter2"]) == ("residents", "7")
    assert shell["interaction"] == "78"
    assert shell["civilian_targeting"] == "Civilian targeting"
    assert (shell["iso"], shell["country"], shell["region"]) == ("804", "Ukraine", "Europe")
    assert (shell["admin1"], shell["location"], shell["geo_precision"]) == ("Kharkivska", "Kharkiv", "1")
    assert float(shell["latitude"]) == 49.98
    assert shell["source"] == "a.example; b.example"
    assert shell["notes"] == TRICKY
    assert shell["fatalities"] == ""  # unknown, not zero
    assert shell["tags"] == ""
    assert int(shell["timestamp"]) == int(datetime.fromisoformat("2024-03-11T09:30:00+00:00").timestamp())

    assert deploy["event_id_cnty"] == "KAZ0123456789ab"
    assert deploy["disorder_type"] == "Strategic developments"
    assert (deploy["inter1"], deploy["actor2"], deploy["inter2"], deploy["interaction"]) == (
        "8",
        "",
        "",
        "80",
    )
    assert (deploy["geo_precision"], deploy["region"]) == ("3", "Caucasus and Central Asia")
    assert deploy["event_date"] == deploy["year"] == deploy["time_precision"] == ""


def test_acled_marks_events_that_are_not_facts() -> None:
    negated = shelling()
    negated.modality = "negated"
    negated.location = None
    text, _ = export("acled", [negated])
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["tags"] == "modality=negated"
    assert row["event_id_cnty"] == "a1b2c3d4e5f6"  # no country, no prefix
    assert row["iso"] == row["latitude"] == row["country"] == ""


@pytest.mark.parametrize(
    ("sector", "kwargs", "acled_type", "expected"),
    [
        ("MIL", {"country": "UA"}, "Battles", 1),
        ("COP", {}, "Protests", 1),
        ("MIL", {"country": "RU"}, "Battles", 8),
        ("REB", {}, "Battles", 2),
        ("UAF", {}, "Battles", 3),
        ("CRM", {}, "Violence against civilians", 3),
        ("CVL", {}, "Protests", 6),
        ("LAB", {}, "Riots", 5),
        ("CVL", {}, "Violence against civilians", 7),
        ("PROT", {}, "Strategic developments", 6),
        ("PKO", {}, "Strategic developments", 8),
        (None, {"igo": "UN"}, "Strategic developments", 8),
        (None, {}, "Battles", None),
    ],
)
def test_inter_codes(sector, kwargs, acled_type, expected) -> None:
    assert inter_code(Actor("x", sector=sector, **kwargs), acled_type, "UA") == expected


def test_interaction_and_disorder() -> None:
    assert interaction(6, 1) == 16
    assert interaction(3, None) == 30
    assert interaction(None, 7) is None
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert (
        disorder_type("Protests", "Excessive force against protesters")
        == "Political violence; Demonstrations"
    )
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Battles", "Armed clash") == "Political violence"
    assert disorder_type(None, None) is None


def test_countries() -> None:
    ru = country("ru")
    assert (ru.alpha3, ru.numeric, ru.name, ru.region) == ("RUS", 643, "Russia", "Europe")
    assert country("XK").name == "Kosovo"
    assert country("SY").region == "Middle East"
    assert country("ZZ") is None and country(None) is None


def test_plover() -> None:
    text, n = export("plover")
    records = [json.loads(line) for line in text.splitlines()]
    assert n == len(records) == 3
    shell, talk, deploy = records

    assert shell["id"] == "a1b2c3d4e5f6a7b8c9d0e1f2"
    assert (shell["date"], shell["event"], shell["mode"]) == ("2024-03-10", ["ASSAULT"], "aerial")
    assert shell["quad_code"] == 4  # material conflict
    assert shell["source"][0] == {
        "code": "RUS",
        "sector": "MIL",
        "actor_text": "российские войска",
        "identifier_text": "Armed Forces of Russia",
        "igo": None,
    }
    assert [r["code"] for r in shell["recipient"]] == ["UKR"]
    assert shell["event_loc"]["geonameid"] == 706483
    assert (shell["event_loc"]["latitude"], shell["event_loc"]["longitude"]) == (49.98, 36.25)
    assert (shell["event_loc"]["country_code"], shell["event_loc"]["cc3"]) == ("UA", "UKR")
    assert shell["event_text"] == [TRICKY, "Российские войска обстреляли Харьков."]
    assert shell["text_info"][0] == {"start": 10, "end": 10 + len(TRICKY)}
    assert [c["publication"] for c in shell["cite_info"]] == ["a.example", "b.example"]
    assert (shell["coded_date"], shell["coded_time"]) == ("2024-03-11", "09:30:00+00:00")

    assert talk["quad_code"] == 1  # verbal cooperation
    assert talk["source"] == talk["recipient"] == []
    assert talk["event_loc"] is None
    assert talk["modality"] == "future"

    assert deploy["source"][0]["code"] == "IGO" and deploy["source"][0]["igo"] == "CSTO"
    assert deploy["date"] is None
