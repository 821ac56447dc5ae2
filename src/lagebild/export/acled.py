"""CSV in the column layout of ACLED's data files, for tools built around ACLED.

Filled as far as an event tells; what we do not know stays EMPTY, never a made-up default:
`fatalities` is the event's killed figure, empty (not 0) where no report gives one (ACLED reads 0
as "nobody died"); so do admin2/admin3,
source_scale and the ACLED-assigned fields. Conventions followed:

- event_id_cnty: ISO alpha-3 of the event's country + the first 12 characters of our id
  (just the 12 characters when the country is unknown).
- time_precision 1/2/3 for a date known to the day/week/month (a year is coarser than ACLED
  goes and is written as 3).
- geo_precision 1 (the town itself), 2 (a district: admin2), 3 (a province, country or region).
- disorder_type from the ACLED event type, inter1/inter2 (1-8) from the actors' sectors,
  interaction the two inter codes lowest first (one actor: its code times ten).
- notes: the first evidence sentence; source: the distinct sources of all evidence.
- tags: `modality=...` for events that are not asserted facts (when an export includes them).

Events without an ACLED event type (PLOVER types ACLED does not record, e.g. CONSULT) are left
out: an ACLED file holds ACLED events only. `write_acled` returns how many rows it wrote.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, TextIO

from lagebild.events.ontology import (
    ARMED_NONSTATE_SECTORS,
    CIVILIAN_SECTORS,
    PROTESTER_SECTORS,
    STATE_SECTORS,
)
from lagebild.export.countries import country
from lagebild.export.flat_csv import distinct, safe_row
from lagebild.model import Actor, Event

COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# ACLED's actor categories ("inter" codes).
STATE_FORCES, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(
    1, 9
)

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"exact": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3, "region": 3}

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC_DEVELOPMENTS = "Strategic developments"

_REBEL_SECTORS = frozenset({"REB", "INS", "SEP", "TER", "TERR"})
_EXTERNAL_SECTORS = frozenset({"PKO", "PMC"})  # peacekeepers, private military companies


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str | None:
    """ACLED's disorder type of an (event type, sub-event type)."""
    if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return POLITICAL_VIOLENCE
    if event_type == "Protests":
        if sub_event_type == "Excessive force against protesters":
            return f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}"
        return DEMONSTRATIONS
    if event_type == "Riots":
        return POLITICAL_VIOLENCE if sub_event_type == "Mob violence" else DEMONSTRATIONS
    if event_type == "Strategic developments":
        return STRATEGIC_DEVELOPMENTS
    return None


def inter_code(actor: Actor, event_type: str | None, event_country: str | None) -> int | None:
    """ACLED inter code (1-8) of an actor, from its sector; None when the sector says nothing.

    Unarmed groups (civilians, workers, parties...) count as protesters in a protest, rioters in
    a riot and civilians otherwise, as ACLED codes them by what they do in the event. State
    forces outside their own country are "external/other forces" in ACLED's scheme.
    """
    sector = (actor.sector or "").upper()
    if actor.igo or sector in _EXTERNAL_SECTORS:
        return EXTERNAL
    if sector in STATE_SECTORS:
        if actor.country and event_country and actor.country.upper() != event_country.upper():
            return EXTERNAL
        return STATE_FORCES
    if sector in _REBEL_SECTORS:
        return REBELS
    if sector in ARMED_NONSTATE_SECTORS:
        return POLITICAL_MILITIA
    if sector == "RIOT":
        return RIOTERS
    if sector in PROTESTER_SECTORS or sector in CIVILIAN_SECTORS or sector in ("OPP", "PTY", "HRI"):
        if event_type == "Protests":
            return PROTESTERS
        if event_type == "Riots":
            return RIOTERS
        return PROTESTERS if sector in PROTESTER_SECTORS else CIVILIANS
    return None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _display(actor: Actor) -> str:
    return actor.canonical or actor.name


def _unix_time(stamp: str | None) -> int | None:
    try:
        return int(datetime.fromisoformat(stamp).timestamp()) if stamp else None
    except ValueError:
        return None


def _side(actors: Sequence[Actor], event_type: str | None, event_country: str | None) -> tuple[str, str, Any]:
    if not actors:
        return "", "", None
    first = actors[0]
    assoc = "; ".join(distinct(_display(a) for a in actors[1:]))
    return _display(first), assoc, inter_code(first, event_type, event_country)


def row(event: Event) -> dict[str, Any]:
    """The ACLED row of one event, keyed by COLUMNS (None for an empty cell)."""
    place = event.location
    where = country(place.country) if place else None
    event_country = place.country if place else None
    actor1, assoc1, inter1 = _side(event.actors, event.acled_event_type, event_country)
    actor2, assoc2, inter2 = _side(event.recipients, event.acled_event_type, event_country)
    disorder = disorder_type(event.acled_event_type, event.acled_sub_event_type)
    targets_civilians = (
        disorder is not None and disorder.startswith(POLITICAL_VIOLENCE) and inter2 == CIVILIANS
    )
    short_id = event.id[:12]
    return {
        "event_id_cnty": f"{where.alpha3}{short_id}" if where else short_id,
        "event_date": event.date,
        "year": int(event.date[:4]) if event.date else None,
        "time_precision": TIME_PRECISION.get(event.date_precision or ""),
        "disorder_type": disorder,
        "event_type": event.acled_event_type,
        "sub_event_type": event.acled_sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if targets_civilians else None,
        "iso": where.numeric if where else None,
        "region": where.region if where else None,
        "country": where.name if where else None,
        "admin1": place.admin1 if place else None,
        "admin2": None,
        "admin3": None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": GEO_PRECISION.get(place.precision) if place else None,
        "source": "; ".join(distinct(e.source or e.url for e in event.evidence)),
        "source_scale": None,
        "notes": event.evidence[0].sentence if event.evidence else None,
        "fatalities": event.fatalities,  # None (unknown) stays empty: 0 would say nobody died
        "tags": None if event.modality == "asserted" else f"modality={event.modality}",
        "timestamp": _unix_time(event.updated),
    }


def write_acled(events: Iterable[Event], out: TextIO) -> int:
    """Write ACLED's header and one row per event with an ACLED type; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        if not event.acled_event_type:
            continue
        writer.writerow(safe_row(row(event)))
        n += 1
    return n
