"""PLOVER JSON records (the Open Event Data Alliance's interchange format), one per line.

Field names follow the "JSON Data Fields" chapter of the PLOVER manual (openeventdata/PLOVER):
`id`, `date`, `event` (a list of types), `mode`, `context`, `quad_code`, `source` and
`recipient` (lists of actor objects: `code` = ISO alpha-3 or a non-state code such as IGO,
`sector`, `actor_text`, `identifier_text`), `event_loc` (GeoNames-style: `geonameid`, `name`,
`latitude`, `longitude`, `country_code` ISO alpha-2, `cc3` alpha-3, plus our `admin1` name and
`precision`), `event_text`, `text_info`, `cite_info`, `coder`, `coded_date`, `coded_time`.
The manual recommends newline-delimited JSON; that is what we write.

Where we know more than one text for an event, `event_text`, `text_info` and `cite_info` are
parallel lists (one entry per evidence sentence) rather than single objects. Fields the manual
allows to extend with are added under our own names: `date_precision`, `modality`,
`confidence`, `num_sources`, `acled_event_type`, `acled_sub_event_type`, `cameo_root`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from lagebild import __version__
from lagebild.events.ontology import EVENT_TYPES, normalise_type
from lagebild.export.countries import alpha3, country
from lagebild.model import Actor, Event, Place

QUAD_CODES = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}
CODER = f"lagebild {__version__}"


def quad_code(event_type: str) -> int | None:
    """PLOVER quad code (1-4) of an event type; None for a type we do not know."""
    try:
        name, _ = normalise_type(event_type)
    except ValueError:
        return None
    return QUAD_CODES.get(EVENT_TYPES[name].quad)


def actor_object(actor: Actor) -> dict[str, Any]:
    """PLOVER actor object: an IGO gets the non-state code "IGO" and its own code under `igo`."""
    return {
        "code": "IGO" if actor.igo else alpha3(actor.country),
        "sector": actor.sector,
        "actor_text": actor.name,
        "identifier_text": actor.canonical,
        "igo": actor.igo,
    }


def location_object(place: Place) -> dict[str, Any]:
    c = country(place.country)
    return {
        "geonameid": place.geonameid,
        "name": place.name,
        "latitude": place.lat,
        "longitude": place.lon,
        "country_code": place.country,
        "cc3": c.alpha3 if c else None,
        "admin1": place.admin1,
        "precision": place.precision,
    }


def record(event: Event) -> dict[str, Any]:
    """The PLOVER record of one event."""
    coded_date, _, coded_time = (event.updated or "").partition("T")
    return {
        "id": event.id,
        "has_event": True,
        "date": event.date,
        "date_precision": event.date_precision,
        "event": [event.type],
        "mode": event.mode,
        "context": [],
        "quad_code": quad_code(event.type),
        "source": [actor_object(a) for a in event.actors],
        "recipient": [actor_object(a) for a in event.recipients],
        "event_loc": location_object(event.location) if event.location else None,
        "event_text": [e.sentence for e in event.evidence],
        "text_info": [{"start": e.start, "end": e.end} for e in event.evidence],
        "cite_info": [
            {"citation": e.document_id, "url": e.url, "publication": e.source, "language": e.lang}
            for e in event.evidence
        ],
        "modality": event.modality,
        "confidence": round(float(event.confidence), 3),
        "num_sources": event.num_sources,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "cameo_root": event.cameo_root,
        "coder": CODER,
        "coded_date": coded_date or None,
        "coded_time": coded_time or None,
    }


def write_plover(events: Iterable[Event], out: TextIO) -> int:
    """Write one PLOVER record per line; returns the count."""
    n = 0
    for event in events:
        out.write(json.dumps(record(event), ensure_ascii=False) + "\n")
        n += 1
    return n
