"""The reference article (../shared/samples): what a good system must and must not get from it.

The checks read the expectations file and apply them generically: nothing here (or in the code)
knows this article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.model import Event
from lagebild.pipeline import extract_text

SAMPLE = "samples/ovks-kasachstan-de"


@pytest.fixture(scope="module")
def reference(shared_dir: Path) -> tuple[dict, list[Event]]:
    expected = json.loads((shared_dir / f"{SAMPLE}.expected.json").read_text(encoding="utf-8"))
    text = (shared_dir / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    events = extract_text(text, lang=expected["lang"], published=expected["published"])
    return expected, events


def _actor_names(e: Event) -> set[str]:
    out: set[str] = set()
    for a in e.actors:
        out.update(x for x in (a.name, a.canonical, a.igo) if x)
    return out


def _matches(spec: dict, e: Event) -> bool:
    loc = e.location
    checks = {
        "plover": lambda v: e.type == v,
        "plover_any": lambda v: e.type in v,
        "mode": lambda v: e.mode == v,
        "acled_event_type_any": lambda v: e.acled_event_type in v,
        "actor_any": lambda v: bool(_actor_names(e) & set(v)),
        "actor_country": lambda v: any(a.country == v for a in e.actors),
        "location_country": lambda v: loc is not None and loc.country == v,
        "location_name_any": lambda v: loc is not None and loc.name in v,
        "location_precision": lambda v: loc is not None and loc.precision == v,
        "date": lambda v: e.date == v,
        "date_any": lambda v: e.date in v,
        "date_month": lambda v: (e.date or "").startswith(v),
    }
    for key, value in spec.items():
        if key in ("id", "why"):
            continue
        if key not in checks:
            raise KeyError(f"unknown expectation key {key!r}")
        if not checks[key](value):
            return False
    return True


def _describe(events: list[Event]) -> str:
    return "\n".join(
        f"{e.type}/{e.mode} {e.modality} actors={[a.name for a in e.actors]} "
        f"loc={e.location and (e.location.name, e.location.country, e.location.precision)} date={e.date}"
        for e in events
    )


def test_every_must_event_is_found(reference: tuple[dict, list[Event]]) -> None:
    expected, events = reference
    asserted = [e for e in events if e.modality == "asserted"]
    missing = [m["id"] for m in expected["must"] if not any(_matches(m, e) for e in asserted)]
    assert not missing, f"missing {missing} among:\n{_describe(asserted)}"


def test_no_must_not_event(reference: tuple[dict, list[Event]]) -> None:
    expected, events = reference
    asserted = [e for e in events if e.modality == "asserted"]
    wrong = [m["id"] for m in expected["must_not"] if any(_matches(m, e) for e in asserted)]
    assert not wrong, f"unwanted {wrong} among:\n{_describe(asserted)}"


def test_the_persons_are_resolved(shared_dir: Path) -> None:
    from lagebild.actors import find_actors

    expected = json.loads((shared_dir / f"{SAMPLE}.expected.json").read_text(encoding="utf-8"))
    text = (shared_dir / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    mentions = find_actors(text, expected["lang"], expected["published"])
    persons = [m for m in mentions if m.kind == "person"]
    for person in expected["actors"]:
        found = [
            m for m in persons if m.text in person["name_any"] or m.actor.canonical in person["name_any"]
        ]
        assert found, f"{person['name_any']} not recognised"
        actor = found[0].actor
        # "CSTO (IGO) ..." / "KZ government ..." / "RU military ...": the organisation or state.
        head = person["resolves_to"].split()[0]
        assert head in (actor.igo, actor.country), f"{person['name_any']} resolved to {actor}"
