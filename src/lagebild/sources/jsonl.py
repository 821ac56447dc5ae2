"""JSON Lines: one document per line, as other tools and earlier runs write them.

Each line is an object with `text` (plain text) or `html` (a page to extract), and optionally
`url`, `title`, `published`, `lang`, `source`, `author`. Other keys are ignored, so records of
other tools (with their own ids and labels) load as they are. `text` is kept as given, except
for invisible characters (zero-width, bidi controls: lagebild.nlp.clean), which are removed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from lagebild.model import Document
from lagebild.sources.base import Defaults, IngestError, make_document
from lagebild.sources.fetch import human_size
from lagebild.sources.html import extract_html

_META = ("url", "title", "published", "lang", "source", "author")


def read_record(record: object, defaults: Defaults, where: str) -> Document | IngestError:
    """The document of one parsed JSON line, or an error naming `where`."""
    if not isinstance(record, dict):
        return IngestError(where, f"expected a JSON object, got {type(record).__name__}")
    bad = [
        key
        for key in ("text", "html", *_META)
        if record.get(key) is not None and not isinstance(record[key], str)
    ]
    if bad:
        return IngestError(where, f"field {bad[0]!r} must be a string")
    meta = {key: record.get(key) for key in _META}
    if (record.get("text") or "").strip():
        # As given (bar invisible characters): offsets other tools computed on it stay valid.
        return make_document(record["text"], defaults, **meta)
    if (record.get("html") or "").strip():
        page = extract_html(record["html"], url=meta["url"])
        if page is None:
            return IngestError(where, "no main text found in 'html'")
        return make_document(
            page.text,
            defaults,
            url=meta["url"] or page.url,
            source=meta["source"] or page.sitename,
            title=meta["title"] or page.title,
            published=meta["published"] or page.published,
            lang=meta["lang"],
            author=meta["author"] or page.author,
        )
    if "text" in record or "html" in record:
        return IngestError(where, "empty 'text'")
    return IngestError(where, "no 'text' or 'html' field")


def _whole_json(path: Path, max_bytes: int) -> object | None:
    """The content of a file that is one JSON document rather than JSON Lines (an array of
    records, or one pretty-printed record), else None. Such files are a common near-miss."""
    with path.open("rb") as fh:
        first = next((line for line in fh if line.strip()), b"")
    try:
        if isinstance(json.loads(first.decode("utf-8-sig")), dict):
            return None
    except (UnicodeDecodeError, json.JSONDecodeError):
        pass
    if path.stat().st_size > max_bytes:
        return None
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def read_jsonl(path: Path, defaults: Defaults, *, max_bytes: int) -> Iterator[Document | IngestError]:
    """Documents of a JSONL file, an error for each bad line, the rest read on regardless.

    A .json file holding an array of such records, or a single record, is read as well.
    """
    whole = _whole_json(path, max_bytes)
    if isinstance(whole, list):
        for number, record in enumerate(whole, start=1):
            yield read_record(record, defaults, f"{path}:item {number}")
        return
    if whole is not None:
        yield read_record(whole, defaults, str(path))
        return
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            where = f"{path}:line {number}"
            if len(raw) > max_bytes:
                yield IngestError(where, f"line longer than {human_size(max_bytes)}, skipped")
                continue
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError:
                yield IngestError(where, "not valid UTF-8 (JSON Lines must be UTF-8)")
                continue
            except json.JSONDecodeError as exc:
                yield IngestError(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
                continue
            yield read_record(record, defaults, where)
