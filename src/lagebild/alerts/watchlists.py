"""Watch-lists: saved filters with a name, and the alerts they raise.

A watch-list's filter is checked against each event in Python (lagebild.alerts.match), not in
SQL: the dispatcher sees events one change at a time, and a drawn area is a polygon, which the
store's bbox search does not know. Everything a user sends is checked here, with one clear line
saying what is wrong, before it is stored.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lagebild.model import MODALITIES

MAX_POLYGON_POINTS = 1000  # a drawn area; the point-in-polygon test is linear in it
MAX_TERMS = 100  # countries, types, actors or words in one filter
MAX_NAME = 100


class WatchlistError(ValueError):
    """A watch-list that cannot be saved; the message says which value and why."""


@dataclass(slots=True)
class Filter:
    """What a watch-list matches; empty lists and None mean "any". All given conditions must hold;
    within a list (countries, types, actors, words) any one item is enough."""

    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    polygon: list[tuple[float, float]] | None = None  # a drawn area: [lon, lat] points of its ring
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2
    types: list[str] = field(default_factory=list)  # PLOVER types
    actors: list[str] = field(default_factory=list)  # part of a name, canonical name or IGO code
    words: list[str] = field(default_factory=list)  # words or phrases of an evidence sentence
    min_confidence: float | None = None
    min_sources: int | None = None
    modality: list[str] = field(default_factory=lambda: ["asserted"])

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["bbox"] = list(self.bbox) if self.bbox else None
        d["polygon"] = [list(p) for p in self.polygon] if self.polygon else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Filter:
        """A checked filter from JSON (the API's body, the store's column); WatchlistError if bad."""
        if not isinstance(d, dict):
            raise WatchlistError("filter: expected a JSON object")
        unknown = sorted(set(d) - {f for f in cls.__dataclass_fields__})
        if unknown:
            allowed = ", ".join(cls.__dataclass_fields__)
            raise WatchlistError(f"filter: unknown key {', '.join(unknown)} (allowed: {allowed})")
        modality = d.get("modality")
        return cls(
            bbox=check_bbox(d.get("bbox")),
            polygon=check_polygon(d.get("polygon")),
            countries=check_countries(d.get("countries") or []),
            types=check_types(d.get("types") or []),
            actors=_terms(d.get("actors") or [], "actors"),
            words=_terms(d.get("words") or [], "words"),
            min_confidence=check_confidence(d.get("min_confidence")),
            min_sources=check_sources(d.get("min_sources")),
            modality=check_modality(modality if modality is not None else ["asserted"]),
        )

    def describe(self) -> str:
        """The filter in a few words, for `lagebild watchlist list`."""
        parts = []
        if self.bbox:
            parts.append("bbox " + ",".join(f"{v:g}" for v in self.bbox))
        if self.polygon:
            parts.append(f"area of {len(self.polygon)} points")
        for name in ("countries", "types", "actors", "words"):
            values = getattr(self, name)
            if values:
                parts.append(f"{name} " + ",".join(values))
        if self.min_confidence is not None:
            parts.append(f"confidence >= {self.min_confidence:g}")
        if self.min_sources:
            parts.append(f"sources >= {self.min_sources}")
        if self.modality != ["asserted"]:
            parts.append("modality " + ",".join(self.modality))
        return "; ".join(parts) or "every event"


@dataclass(slots=True)
class Watchlist:
    id: int
    name: str
    filter: Filter
    webhook: str | None
    created: str
    since_change: int  # events changed after this mark may alert

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "filter": self.filter.to_dict(),
            "webhook": self.webhook,
            "created": self.created,
            "since_change": self.since_change,
        }


@dataclass(slots=True)
class Alert:
    """One watch-list matched one event; `event` is the event contract as it matched."""

    id: int
    watchlist_id: int
    watchlist: str
    event_id: str
    change_seq: int
    raised: str
    reason: str  # "new": a new event; "update": an event that matches after a merge or correction
    event: dict[str, Any]
    delivery: str  # none, pending, sending, delivered, failed
    attempts: int = 0
    next_attempt: float | None = None
    last_error: str | None = None
    delivered: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "watchlist_id": self.watchlist_id,
            "watchlist": self.watchlist,
            "event_id": self.event_id,
            "raised": self.raised,
            "reason": self.reason,
            "delivery": {
                "state": self.delivery,
                "attempts": self.attempts,
                "next_attempt": self.next_attempt,
                "last_error": self.last_error,
                "delivered": self.delivered,
            },
            "event": self.event,
        }


def filter_json(f: Filter) -> str:
    return json.dumps(f.to_dict(), ensure_ascii=False, separators=(",", ":"))


def check_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise WatchlistError("name: a watch-list needs a name")
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise WatchlistError(f"name: at most {MAX_NAME} characters")
    if name.isdigit():
        raise WatchlistError("name: not only digits (a number names a watch-list by its id)")
    return name


def check_webhook(url: object) -> str | None:
    """An http(s) URL, or None. Where it points is the user's choice (a local receiver is usual)."""
    if url is None or (isinstance(url, str) and not url.strip()):
        return None
    if not isinstance(url, str):
        raise WatchlistError("webhook: expected a URL")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WatchlistError(f"webhook: expected an http:// or https:// URL, got {url!r}")
    return url.strip()


def check_bbox(value: object) -> tuple[float, float, float, float] | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = value.split(",")
    try:
        west, south, east, north = (float(v) for v in value)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise WatchlistError(f"bbox: expected four numbers west,south,east,north, got {value!r}") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)) or not (
        -90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180
    ):
        raise WatchlistError(
            f"bbox: {west:g},{south:g},{east:g},{north:g} is not west,south,east,north in degrees "
            "(south <= north, longitudes within -180..180; west > east crosses the antimeridian)"
        )
    return west, south, east, north


def check_polygon(value: object) -> list[tuple[float, float]] | None:
    """A ring of [lon, lat] points, or a GeoJSON Polygon (its outer ring)."""
    if value is None:
        return None
    if isinstance(value, dict):
        if value.get("type") != "Polygon" or not value.get("coordinates"):
            raise WatchlistError("polygon: expected a GeoJSON Polygon or a list of [lon, lat] points")
        value = value["coordinates"][0]
    if not isinstance(value, list):
        raise WatchlistError("polygon: expected a list of [lon, lat] points")
    points = []
    for p in value:
        try:
            lon, lat = (float(v) for v in p)
        except (TypeError, ValueError):
            raise WatchlistError(f"polygon: each point is [lon, lat], got {p!r}") from None
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise WatchlistError(f"polygon: point {lon:g},{lat:g} is outside -180..180, -90..90")
        points.append((lon, lat))
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()  # a closed ring: the last point repeats the first
    if len(points) < 3:
        raise WatchlistError("polygon: an area needs at least three points")
    if len(points) > MAX_POLYGON_POINTS:
        raise WatchlistError(f"polygon: at most {MAX_POLYGON_POINTS} points")
    return points


def _terms(values: object, name: str) -> list[str]:
    if isinstance(values, str):
        values = values.split(",")
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise WatchlistError(f"{name}: expected a list of strings")
    terms = list(dict.fromkeys(" ".join(v.split()) for v in values if v.strip()))
    if len(terms) > MAX_TERMS:
        raise WatchlistError(f"{name}: at most {MAX_TERMS} items")
    return terms


def check_countries(values: object) -> list[str]:
    import pycountry

    out = []
    for value in _terms(values, "countries"):
        code = value.upper()
        country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
        if country is None and len(code) == 3:
            country = pycountry.countries.get(alpha_3=code)
        if country is None:
            raise WatchlistError(f"countries: {value!r} is not an ISO 3166 code like UA or UKR")
        out.append(country.alpha_2)
    return list(dict.fromkeys(out))


def check_types(values: object) -> list[str]:
    from lagebild.events.ontology import PLOVER_TYPES, normalise_type

    out = []
    for value in _terms(values, "types"):
        try:
            out.append(normalise_type(value)[0])
        except ValueError:
            raise WatchlistError(
                f"types: unknown type {value!r}; use one of {', '.join(PLOVER_TYPES)}"
            ) from None
    return list(dict.fromkeys(out))


def check_modality(values: object) -> list[str]:
    terms = [t.lower() for t in _terms(values, "modality")]
    if terms == ["all"]:
        return list(MODALITIES)
    bad = [t for t in terms if t not in MODALITIES]
    if bad or not terms:
        raise WatchlistError(
            f"modality: unknown {', '.join(bad) or 'empty list'} (use some of {', '.join(MODALITIES)}, or all)"
        )
    return terms


def check_confidence(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise WatchlistError(f"min_confidence: expected a number between 0 and 1, got {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise WatchlistError(f"min_confidence: expected a number between 0 and 1, got {number:g}")
    return number


def check_sources(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise WatchlistError(f"min_sources: expected a whole number, got {value!r}")
    try:
        number = int(value)
    except ValueError:
        raise WatchlistError(f"min_sources: expected a whole number, got {value!r}") from None
    if number < 1:
        raise WatchlistError("min_sources: at least 1")
    return number


@dataclass(slots=True)
class NewAlert:
    """An alert the dispatcher found and the store is to record (once per watch-list and event)."""

    watchlist_id: int
    event_id: str
    change_seq: int
    reason: str
    event: dict[str, Any]
    delivery: str  # none (no webhook) or pending
    next_attempt: float | None
