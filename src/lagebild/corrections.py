"""Analysts' corrections: an event flagged as wrong, or its type, place or date set by hand.

A correction is recorded as made (who, when, the values before and after) and applied to the
event's own row, so every filter, page, stream and export sees the corrected values. The store
applies an event's corrections again whenever the event is written (a new report merging into it
summarises type, place and date anew), and `lagebild merge --rebuild`, which gives events new ids,
finds each correction's event again by its anchor: the lead mention of the event it was made on,
or failing that the place of that mention's sentence in its document (`reapply_corrections`).

The store-specific part (SQL) lives in the stores; what a correction means is decided here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

KINDS = ("correct", "flag", "unflag")
FIELDS = ("type", "mode", "location", "date", "date_precision")  # what a correction may set
MAX_REASON = 2000
_LAT_LON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


class CorrectionError(ValueError):
    """A correction that cannot be made; the message says which value and why."""


@dataclass(slots=True)
class Correction:
    id: int
    event_id: str | None  # where it applies now (None: its event is gone)
    mention_id: str  # the anchor: the lead mention of the event it was made on
    document_id: str  # and the place of that mention's sentence
    start: int
    end: int
    kind: str  # correct, flag, unflag
    changes: dict[str, Any]
    before: dict[str, Any]
    reason: str | None
    author: str
    created: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_id": self.event_id,
            "kind": self.kind,
            "changes": self.changes,
            "before": self.before,
            "reason": self.reason,
            "by": self.author,
            "at": self.created,
            "anchor": {
                "mention_id": self.mention_id,
                "document_id": self.document_id,
                "start": self.start,
                "end": self.end,
            },
        }


def changes_of(
    type: str | None = None, mode: str | None = None, place: Any = None, date: str | None = None
) -> dict[str, Any]:
    """The checked fields a correction sets. `place` is a name ("Kharkiv", "Kharkiv, UA"),
    "lat,lon", or a location object as in the event contract; `date` is YYYY-MM-DD, YYYY-MM or YYYY."""
    changes: dict[str, Any] = {}
    if type is not None and str(type).strip():
        from lagebild.events.ontology import PLOVER_TYPES, modes_of, normalise_type

        try:
            new_type, legacy_mode = normalise_type(str(type))
        except ValueError:
            raise CorrectionError(
                f"type: unknown type {type!r}; use one of {', '.join(PLOVER_TYPES)}"
            ) from None
        new_mode = (mode or "").strip().lower() or legacy_mode
        if new_mode and new_mode not in modes_of(new_type):
            allowed = ", ".join(modes_of(new_type)) or "none"
            raise CorrectionError(f"mode: {new_type} has no mode {mode!r}; its modes are {allowed}")
        changes["type"] = new_type
        changes["mode"] = new_mode or None
    elif mode is not None and str(mode).strip():
        raise CorrectionError("mode: give the type with it (--type), a mode belongs to its type")
    if place is not None and place != "":
        changes["location"] = resolve_place(place)
    if date is not None and str(date).strip():
        changes["date"], changes["date_precision"] = check_date(str(date))
    return changes


def check_date(value: str) -> tuple[str, str]:
    """A corrected date as the contract stores it: the first day of its period, and the period."""
    text = value.strip()
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return Date.fromisoformat(text).isoformat(), "day"
        if len(parts) == 2 and len(parts[0]) == 4:
            return Date(int(parts[0]), int(parts[1]), 1).isoformat(), "month"
        if len(parts) == 1 and len(text) == 4 and text.isdigit():
            return Date(int(text), 1, 1).isoformat(), "year"
    except ValueError:
        pass
    raise CorrectionError(f"date: expected YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}")


def resolve_place(value: Any) -> dict[str, Any]:
    """A location of the event contract for what an analyst gave."""
    if isinstance(value, dict):
        try:
            from lagebild.model import Place

            place = Place.from_dict(value)
        except (KeyError, TypeError, ValueError):
            raise CorrectionError("place: a location object needs name, lat and lon") from None
        if not (-90 <= place.lat <= 90 and -180 <= place.lon <= 180):
            raise CorrectionError("place: lat must be within -90..90 and lon within -180..180")
        return place.to_dict()
    if not isinstance(value, str) or not value.strip():
        raise CorrectionError("place: expected a place name, 'lat,lon' or a location object")
    point = _LAT_LON.match(value)
    if point:
        lat, lon = float(point.group(1)), float(point.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise CorrectionError(f"place: {value!r} is not lat,lon in degrees")
        return {
            "name": f"{lat:g}, {lon:g}",
            "geonameid": None,
            "lat": lat,
            "lon": lon,
            "country": None,
            "admin1": None,
            "precision": "exact",
        }
    from lagebild.places.api import candidates

    name, _, country = value.partition(",")
    country = country.strip().upper()
    found = [c for c in candidates(name.strip()) if c.place is not None]
    if country:
        found = [c for c in found if c.place.country == country]  # type: ignore[union-attr]
    if not found:
        where = f" in {country}" if country else ""
        raise CorrectionError(
            f"place: no place called {name.strip()!r}{where} in the gazetteer; try 'lat,lon'"
        )
    return found[0].place.to_dict()  # type: ignore[union-attr]


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise CorrectionError(f"kind: expected one of {', '.join(KINDS)}, got {kind!r}")
    return kind


def check_reason(reason: object) -> str | None:
    if reason is None:
        return None
    if not isinstance(reason, str):
        raise CorrectionError("reason: expected text")
    reason = reason.strip()
    if len(reason) > MAX_REASON:
        raise CorrectionError(f"reason: at most {MAX_REASON} characters")
    return reason or None


def check_author(author: object) -> str:
    if not isinstance(author, str) or not author.strip():
        raise CorrectionError("by: say who makes the correction")
    return " ".join(author.split())[:200]


def fields_of(row: Any) -> dict[str, Any]:
    """The correctable fields of an events row (SQLite or PostgreSQL), with the location parsed."""
    return {
        "type": row["type"],
        "mode": row["mode"],
        "location": json.loads(row["location"]) if row["location"] else None,
        "date": row["date"],
        "date_precision": row["date_precision"],
    }


def before_of(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    return {k: current.get(k) for k in changes}


def applied(
    row: Any, corrections: list[Correction], previous: dict[str, Any] | None
) -> tuple[dict[str, Any], dict[str, Any] | None, bool]:
    """An events row with `corrections` applied, oldest first: (columns to set, summary, flagged).

    `previous` is the summary the row already carries, None when the row was just written from
    the machine's reading: the summary's `original` keeps what the machine read, field by field.
    """
    current = fields_of(row)
    original = {**current, **(previous or {}).get("original", {})}
    values = dict(current)
    flagged = False
    flag_reason = None
    corrected: list[str] = []
    for c in corrections:
        if c.kind == "flag":
            flagged, flag_reason = True, c.reason
        elif c.kind == "unflag":
            flagged, flag_reason = False, None
        else:
            values.update(c.changes)
            corrected += [k for k in c.changes if k not in corrected]
    columns = dict(values)
    if "type" in corrected:
        from lagebild.events.ontology import acled_for, cameo_for

        actors = json.loads(row["actors"])
        recipients = json.loads(row["recipients"])
        acled = acled_for(
            values["type"],
            values["mode"],
            [a.get("sector") for a in actors],
            [a.get("sector") for a in recipients],
        )
        columns["acled_event_type"], columns["acled_sub_event_type"] = acled
        columns["cameo_root"] = cameo_for(values["type"], values["mode"])
    if not corrections:
        return columns, None, False
    last = corrections[-1]
    summary = {
        "flagged": flagged,
        "reason": flag_reason,
        "fields": [f for f in FIELDS if f in corrected],
        "original": {f: original[f] for f in FIELDS if f in corrected},
        "by": last.author,
        "at": last.created,
        "count": len(corrections),
    }
    return columns, summary, flagged
