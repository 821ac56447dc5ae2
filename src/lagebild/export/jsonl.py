"""JSON lines: one event contract (`Event.to_dict()`) per line, the lossless export."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from lagebild.model import Event


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """Write each event's contract as one line of JSON (UTF-8, not escaped); returns the count."""
    n = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n
