"""Flat CSV of the event contract: one row per event, for spreadsheets.

Lists become strings: actors, their canonical names, countries and sectors are four parallel
columns joined with "; " (an unknown value leaves an empty slot, so positions line up), sources,
URLs, languages and document ids list each distinct value once. The evidence column holds the
first evidence sentence; `evidence_count` says how many there are (the JSON export has them all).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from lagebild.model import Actor, Event

COLUMNS: tuple[str, ...] = (
    "id",
    "type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "cameo_root",
    "date",
    "date_precision",
    "modality",
    "confidence",
    "location_name",
    "location_geonameid",
    "latitude",
    "longitude",
    "location_country",
    "location_admin1",
    "location_precision",
    "actors",
    "actors_canonical",
    "actors_country",
    "actors_sector",
    "recipients",
    "recipients_canonical",
    "recipients_country",
    "recipients_sector",
    "num_sources",
    "sources",
    "urls",
    "languages",
    "document_ids",
    "evidence",
    "evidence_count",
    "first_seen",
    "updated",
)

SEPARATOR = "; "


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV Injection"):
# =HYPERLINK(...) in an evidence sentence or an actor name would run on the reader's machine.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def safe_cell(value: Any) -> Any:
    """`value`, with a leading ' when a spreadsheet would take the text for a formula (OWASP's rule).

    Numbers stay numbers: a negative longitude is data, not a formula. A carriage return becomes a
    newline: with the "\n" line terminator the csv module would leave it unquoted and break the row."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def safe_row(values: Mapping[str, Any]) -> dict[str, Any]:
    """Every cell of a CSV row through `safe_cell`."""
    return {key: safe_cell(value) for key, value in values.items()}


def distinct(values: Iterable[str | None]) -> list[str]:
    """Non-empty values, each once, in first-seen order."""
    return list(dict.fromkeys(v for v in values if v))


def _actor_columns(prefix: str, actors: Sequence[Actor]) -> dict[str, str]:
    return {
        prefix: SEPARATOR.join(a.name for a in actors),
        f"{prefix}_canonical": SEPARATOR.join(a.canonical or "" for a in actors) if actors else "",
        f"{prefix}_country": SEPARATOR.join(a.country or a.igo or "" for a in actors) if actors else "",
        f"{prefix}_sector": SEPARATOR.join(a.sector or "" for a in actors) if actors else "",
    }


def row(event: Event) -> dict[str, Any]:
    """The CSV row of one event, keyed by COLUMNS."""
    place = event.location
    evidence = event.evidence
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "cameo_root": event.cameo_root,
        "date": event.date,
        "date_precision": event.date_precision,
        "modality": event.modality,
        "confidence": round(float(event.confidence), 3),
        "location_name": place.name if place else None,
        "location_geonameid": place.geonameid if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "location_country": place.country if place else None,
        "location_admin1": place.admin1 if place else None,
        "location_precision": place.precision if place else None,
        **_actor_columns("actors", event.actors),
        **_actor_columns("recipients", event.recipients),
        "num_sources": event.num_sources,
        "sources": SEPARATOR.join(distinct(e.source for e in evidence)),
        "urls": SEPARATOR.join(distinct(e.url for e in evidence)),
        "languages": SEPARATOR.join(distinct(e.lang for e in evidence)),
        "document_ids": SEPARATOR.join(distinct(e.document_id for e in evidence)),
        "evidence": evidence[0].sentence if evidence else None,
        "evidence_count": len(evidence),
        "first_seen": event.first_seen,
        "updated": event.updated,
    }


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    """Write a header and one row per event; returns the number of rows. Open files with newline=""."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(safe_row(row(event)))
        n += 1
    return n
