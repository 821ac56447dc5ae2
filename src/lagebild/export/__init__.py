"""Export formats: plain functions that write events to a text stream and return how many.

Every writer has the signature `write(events: Iterable[Event], out: TextIO) -> int` and streams:
it never holds more than one event. Open files with `newline=""` for the CSV formats.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from lagebild.export.acled import write_acled
from lagebild.export.flat_csv import write_csv
from lagebild.export.geojson import write_geojson
from lagebild.export.jsonl import write_jsonl
from lagebild.export.plover import write_plover
from lagebild.model import Event

Writer = Callable[[Iterable[Event], TextIO], int]

FORMATS: dict[str, Writer] = {
    "json": write_jsonl,
    "geojson": write_geojson,
    "csv": write_csv,
    "acled": write_acled,
    "plover": write_plover,
}

# For the HTTP API and for naming files.
MEDIA_TYPES: dict[str, str] = {
    "json": "application/x-ndjson",
    "geojson": "application/geo+json",
    "csv": "text/csv",
    "acled": "text/csv",
    "plover": "application/x-ndjson",
}
EXTENSIONS: dict[str, str] = {
    "json": ".jsonl",
    "geojson": ".geojson",
    "csv": ".csv",
    "acled": ".acled.csv",
    "plover": ".plover.jsonl",
}

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "MEDIA_TYPES",
    "Writer",
    "write_acled",
    "write_csv",
    "write_geojson",
    "write_jsonl",
    "write_plover",
]
