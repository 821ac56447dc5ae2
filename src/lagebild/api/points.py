"""The map's own read: `GET /api/events.points`, the event contract cut to what a pin and its list
row show, one event a line.

The map loads every event in view, 100,000 and more; the full contract is mostly evidence
(sentences, offsets, documents) that a pin never shows and the panel fetches when an event is
opened. Cut to a point, the first page of the map benchmark's synthetic events (one short
sentence each) is 42% of its size, and real events, with several long sentences, shrink
more: the server writes and the browser parses that much less.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from lagebild.model import Actor, Event

MEDIA_TYPE = "application/x-ndjson"
COORD_DIGITS = 5  # 1e-5 degrees is about a metre: finer than any place the gazetteer gives
# Keys of the event contract a point keeps (docs/web.md), each with its contract meaning.
POINT_KEYS = (
    "id",
    "type",
    "mode",
    "modality",
    "date",
    "date_precision",
    "confidence",
    "location",
    "actors",
    "recipients",
    "num_sources",
    "fatalities",
    "flagged",
)


def _actor(a: Actor) -> dict[str, Any]:
    """An actor's keys that are set (most are not: a name and a sector, say)."""
    keys = {"name": a.name, "canonical": a.canonical, "country": a.country, "igo": a.igo, "sector": a.sector}
    return {k: v for k, v in keys.items() if v is not None}


def point(event: Event) -> dict[str, Any]:
    """The POINT_KEYS of `event.to_dict()`, read from the fields (its evidence is never copied):
    a location with name, coordinates (to about a metre), country and precision; actors without
    their unset keys."""
    loc = event.location
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "modality": event.modality,
        "date": event.date,
        "date_precision": event.date_precision,
        "confidence": event.confidence,
        "location": None
        if loc is None
        else {
            "name": loc.name,
            "lat": round(loc.lat, COORD_DIGITS),
            "lon": round(loc.lon, COORD_DIGITS),
            "country": loc.country,
            "precision": loc.precision,
        },
        "actors": [_actor(a) for a in event.actors],
        "recipients": [_actor(a) for a in event.recipients],
        "num_sources": event.num_sources,
        "fatalities": event.fatalities,
        "flagged": event.flagged,
    }


def write_points(events: Iterable[Event], out: TextIO) -> int:
    """One point per line (JSON lines, no raw newline inside one); returns how many."""
    n = 0
    for event in events:
        out.write(json.dumps(point(event), ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        n += 1
    return n
