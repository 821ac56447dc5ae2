"""Reading gold files: JSONL in the formats of ../shared/eval/README.md, with clear errors."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any


class EvalDataError(ValueError):
    """A gold file that cannot be read or is not of the expected family; the message says why."""


def read_jsonl(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first `limit` records of a JSONL file (all when None); blank lines are skipped."""
    path = Path(path)
    if not path.is_file():
        raise EvalDataError(f"{path}: no such file")
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalDataError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise EvalDataError(f"{path}:{n}: expected a JSON object per line")
            records.append(record)
    if not records:
        raise EvalDataError(f"{path}: no records")
    return records


def require(records: list[dict[str, Any]], fields: tuple[str, ...], family: str, path: str | Path) -> None:
    """Fail early, naming the field, when a file is not of the family it is scored as."""
    for n, record in enumerate(records, 1):
        missing = [f for f in fields if f not in record]
        if missing:
            raise EvalDataError(
                f"{path}: record {n} lacks {', '.join(missing)}: not a {family} file "
                "(see the formats in the gold data README)"
            )
        if not isinstance(record.get("text", ""), str):
            raise EvalDataError(f"{path}: record {n}: 'text' is not a string")


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def iso_day(value: Any) -> str | None:
    """YYYY-MM-DD from a gold record's date field, None when it is not ISO.

    Some sets carry free-text dates ("9:55 AM ET"); the system gets none rather than a wrong one.
    """
    if value is None:
        return None
    m = _ISO_DAY.match(str(value).strip())
    return m.group(0) if m else None
