"""Stored rows straight to the event contract, for pages the API sends as they are.

`Event.to_dict()` of an event read by `_row_to_event` is the contract; building the dataclasses
first and then the dicts cost a map-view page of 100 events more CPU than its SQL (issue #13).
These functions give the same dicts, key for key and value for value, from the rows of both
backends (their columns are the same and hold the same JSON texts); tests/test_store_contract.py
holds them to `Event.to_dict()`. Keep the two in step when the contract grows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from lagebild.model import Event

_ACTOR_KEYS = ("name", "canonical", "country", "igo", "sector")
# The contract's keys in its order, with the values of what the store does not keep (date_from,
# reference, ...): a read event has its dataclass defaults there, as `_row_to_event` gives it.
_BLANK = Event(id="", type="").to_dict()
_decode = json.JSONDecoder().decode  # json.loads without its per-call type checks


def _loads(text: str) -> Any:
    # Most events have no recipients, languages or disagreement: their columns hold [] or {}.
    if text == "[]":
        return []
    if text == "{}":
        return {}
    return _decode(text)


def _actors(text: str) -> list[dict[str, Any]]:
    return [{k: a.get(k) for k in _ACTOR_KEYS} for a in _loads(text)]


def _place(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    d = _loads(text)
    return {
        "name": d["name"],
        "geonameid": d.get("geonameid"),
        "lat": float(d["lat"]),
        "lon": float(d["lon"]),
        "country": d.get("country"),
        "admin1": d.get("admin1"),
        "precision": d.get("precision") or "city",
    }


def evidence_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """`Evidence.to_dict()` of an evidence row."""
    return {
        "document_id": row["document_id"],
        "url": row["url"],
        "source": row["source"],
        "lang": row["lang"],
        "sentence": row["sentence"],
        "start": row["start"],
        "end": row["end"],
    }


def event_dict(row: Mapping[str, Any], evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """`Event.to_dict()` of an events row with its evidence (dicts of `evidence_dict`)."""
    correction = row["correction"]
    return _BLANK | {
        "id": row["id"],
        "type": row["type"],
        "mode": row["mode"],
        "acled_event_type": row["acled_event_type"],
        "acled_sub_event_type": row["acled_sub_event_type"],
        "cameo_root": row["cameo_root"],
        "actors": _actors(row["actors"]),
        "recipients": _actors(row["recipients"]),
        "location": _place(row["location"]),
        "date": row["date"],
        "date_precision": row["date_precision"],
        "modality": row["modality"],
        "confidence": round(float(row["confidence"]), 3),
        "evidence": evidence,
        "num_sources": row["num_sources"],
        "first_seen": row["first_seen"],
        "updated": row["updated"],
        "fatalities": row["fatalities"],
        "injured": row["injured"],
        "num_articles": row["num_articles"],
        "num_mentions": row["num_mentions"],
        "languages": list(_loads(row["languages"])),
        "disagreement": dict(_loads(row["disagreement"])),
        "flagged": bool(row["flagged"]),
        "correction": _loads(correction) if correction else None,
    }
