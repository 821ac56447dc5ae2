"""GeoJSON (RFC 7946): a FeatureCollection with one Point feature per event, for maps and GIS.

Events without a location are kept, with `"geometry": null` (RFC 7946 section 3.2 allows
unlocated features), so a GeoJSON export holds the same events as any other format; map
clients skip them. Properties are the event contract minus the coordinates of `location`,
which live in the geometry instead; `location.precision` stays, because a country-level event
must not be drawn as a city pin.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from lagebild.model import Event


def feature(event: Event) -> dict[str, Any]:
    """The GeoJSON Feature of one event."""
    properties = event.to_dict()
    geometry = None
    location = properties["location"]
    if location is not None:
        geometry = {"type": "Point", "coordinates": [location.pop("lon"), location.pop("lat")]}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """Write a FeatureCollection, one feature per line, streaming; returns the number of features."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for event in events:
        if n:
            out.write(",\n")
        out.write(json.dumps(feature(event), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
