"""Web archives (WARC, WARC.GZ): every archived HTML response becomes a document.

Crawls hold redirects, error pages, images and scripts as well; those are skipped without a
word, since they are the normal content of an archive, not faults in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from lagebild.model import Document
from lagebild.sources.base import Defaults, IngestError
from lagebild.sources.decode import DecodeError, decode_bytes
from lagebild.sources.fetch import HTML_TYPES, human_size
from lagebild.sources.html import document_from_html


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _html_content_type(record: ArcWarcRecord) -> str | None:
    """The Content-Type of a successful HTML response or HTML resource record, else None."""
    if record.rec_type == "response" and record.http_headers is not None:
        if not (record.http_headers.get_statuscode() or "").startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    return content_type if content_type.split(";", 1)[0].strip().lower() in HTML_TYPES else None


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def read_warc(path: Path, defaults: Defaults, *, max_bytes: int) -> Iterator[Document | IngestError]:
    """Documents of the HTML responses (and HTML resource records) in a WARC file.

    A damaged archive yields the documents before the damage, then one error for the file.
    """
    count = 0
    with path.open("rb") as fh:
        records = iter(ArchiveIterator(fh))
        while True:
            try:
                record = next(records)
                count += 1
                content_type = _html_content_type(record)
                if content_type is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                body = record.content_stream().read(max_bytes + 1)
            except StopIteration:
                return
            except Exception as exc:  # warcio reports damage with assorted exception types
                yield IngestError(str(path), f"damaged WARC, stopped after {count} record(s): {_reason(exc)}")
                return
            where = f"{path}#{url or f'record-{count}'}"
            if len(body) > max_bytes:
                yield IngestError(where, f"page larger than {human_size(max_bytes)}, skipped")
                continue
            try:
                html = decode_bytes(body, _charset(content_type), markup=True)
            except DecodeError as exc:
                yield IngestError(where, str(exc))
                continue
            yield document_from_html(html, url, where, defaults)
