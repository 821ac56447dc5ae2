"""Does an event match a watch-list's filter? Plain Python over one event at a time."""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.alerts.watchlists import Filter
from lagebild.model import Event


def matches(f: Filter, event: Event) -> bool:
    """True when `event` meets every condition of `f`. A flagged event never matches: an analyst
    said it is wrong, so it must not wake anyone."""
    if event.flagged or event.modality not in f.modality:
        return False
    if f.types and event.type not in f.types:
        return False
    place = event.location
    if f.countries and (place is None or place.country not in f.countries):
        return False
    if f.min_confidence is not None and event.confidence < f.min_confidence:
        return False
    if f.min_sources is not None and event.num_sources < f.min_sources:
        return False
    if f.bbox is not None and (place is None or not in_bbox(f.bbox, place.lon, place.lat)):
        return False
    if f.polygon is not None and (place is None or not in_polygon(f.polygon, place.lon, place.lat)):
        return False
    if f.actors:
        names = [
            n.casefold()
            for a in (*event.actors, *event.recipients)
            for n in (a.name, a.canonical, a.igo)
            if n
        ]
        if not any(term.casefold() in n for term in f.actors for n in names):
            return False
    if f.words:
        text = "\n".join(ev.sentence for ev in event.evidence)
        if not any(_word(w).search(text) for w in f.words):
            return False
    return True


def in_bbox(bbox: tuple[float, float, float, float], lon: float, lat: float) -> bool:
    west, south, east, north = bbox
    if not south <= lat <= north:
        return False
    return west <= lon <= east if west <= east else (lon >= west or lon <= east)  # antimeridian


def in_polygon(ring: list[tuple[float, float]], lon: float, lat: float) -> bool:
    """Even-odd rule: a ray from the point crosses the ring's edges an odd number of times."""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


@lru_cache(maxsize=1024)
def _word(term: str) -> re.Pattern[str]:
    """A word or phrase as a whole word, any case: "port" must not match "report"."""
    return re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)
