"""Web archives (WARC, WARC.GZ): every archived HTML response becomes a document.

Crawls hold redirects, error pages, images and scripts as well; those are skipped without a
word, since they are the normal content of an archive, not faults in it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

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


_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


class TruncatedArchive(ValueError):
    """The archive ends inside a record or a gzip member: the file was cut off."""


class _Gunzip:
    """The decompressed bytes of a (multi-member) gzip file, raising TruncatedArchive at a cut.

    warcio decompresses by itself but takes a gzip member that ends early for the end of the
    archive, so a cut-off .warc.gz lost its later records without a word; here every member
    must reach its end (zlib's eof) before the file may end.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""  # compressed bytes read but not yet given to a decompressor
        self._delivered = 0

    def tell(self) -> int:
        """Position in the decompressed stream (warcio computes record offsets from it)."""
        return self._delivered

    def read(self, size: int = -1) -> bytes:
        want = _CHUNK if size is None or size < 0 else max(size, 1)
        while True:
            if self._member.eof:
                self._pending = self._member.unused_data + self._pending
                if not self._pending:
                    self._pending = self._raw.read(_CHUNK)
                    if not self._pending:
                        return b""  # the last member ended where the file ends: complete
                self._member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            data = self._member.unconsumed_tail or self._pending or self._raw.read(_CHUNK)
            self._pending = b""
            if not data:
                raise TruncatedArchive("the gzip stream ends before its end: the file is truncated")
            out = self._member.decompress(data, want)
            if out:
                self._delivered += len(out)
                return out


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def _finish(record: ArcWarcRecord) -> None:
    """Read the rest of `record`; raise TruncatedArchive when the file ends before its length."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    if getattr(stream, "limit", 0) > 0:
        raise TruncatedArchive(f"{stream.limit} of its {record.length} bytes are missing")


def read_warc(path: Path, defaults: Defaults, *, max_bytes: int) -> Iterator[Document | IngestError]:
    """Documents of the HTML responses (and HTML resource records) in a WARC file.

    A damaged or truncated archive yields the documents before the damage, then one error for
    the file that says which.
    """
    count = 0
    with path.open("rb") as fh:
        gzipped = fh.read(2) == _GZIP_MAGIC
        fh.seek(0)
        stream: BinaryIO | _Gunzip = _Gunzip(fh) if gzipped else fh
        archive = ArchiveIterator(stream)
        records = iter(archive)
        while True:
            try:
                record = next(records)
                content_type = _html_content_type(record)
                body = b""
                if content_type is not None:
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    body = record.content_stream().read(max_bytes + 1)
                _finish(record)
                count += 1
                if content_type is None:
                    continue
            except StopIteration:
                # warcio takes a record cut inside its headers for the end of the archive.
                if archive.offset < stream.tell():
                    cut = f"the file ends inside the headers of record {count + 1}"
                    yield IngestError(
                        str(path), f"truncated WARC: {cut}; the {count} record(s) before it were read"
                    )
                return
            except TruncatedArchive as exc:
                kept = f"the {count} complete record(s) before the cut were read"
                yield IngestError(
                    str(path), f"truncated WARC: it ends inside record {count + 1} ({exc}); {kept}"
                )
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
