"""Which reader a file or a response body needs, judged from its first bytes.

Extensions lie (feeds saved as .html, pages saved as .txt, WARCs without .gz), so the content
decides; the extension only breaks ties the content leaves open.
"""

from __future__ import annotations

import os
import re
import zlib
from pathlib import Path

# How much of the start of a file is enough to tell the formats apart.
HEAD_BYTES = 64 * 1024

FORMATS: tuple[str, ...] = ("text", "html", "jsonl", "feed", "warc", "empty", "binary")

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"%PDF", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x7fELF", "application/x-executable"),
    (b"BZh", "application/x-bzip2"),
    (b"\xfd7zXZ", "application/x-xz"),
    (b"\x28\xb5\x2f\xfd", "application/zstd"),
    (b"RIFF", "application/octet-stream"),
    (b"OggS", "audio/ogg"),
    (b"ID3", "audio/mpeg"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>/]", re.IGNORECASE)
_HTML_MARK = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|h[1-6]|br)[\s>/]", re.I)
_XML_PROLOGUE = re.compile(r"^(?:\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>))*\s*", re.IGNORECASE | re.DOTALL)
_HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}


# UTF-16 text without a byte-order mark: in the scripts of our languages (Latin, Cyrillic, Greek,
# Arabic) the high byte of nearly every character is one of a few values (0x00, 0x04, 0x06), where
# binary data spreads over all 256. The share of the most common high byte tells them apart.
_UTF16_HIGH_BYTE_SHARE = 0.6
_UTF16_PRINTABLE_SHARE = 0.95


def utf16_codec(head: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when `head` reads as UTF-16 text without a BOM, else None.

    Only asked of bytes that hold NULs or control characters: ASCII read as UTF-16 is also
    "printable" (as CJK), so text that already reads as 8-bit text never gets here."""
    sample = head[: min(len(head), 8192) // 2 * 2]
    if len(sample) < 8:
        return None
    for codec, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        top = max(high.count(value) for value in set(high))
        if top < _UTF16_HIGH_BYTE_SHARE * len(high):
            continue
        text = sample.decode(codec, errors="replace")
        printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r\f")
        spaces = sum(1 for ch in text if ch.isspace())
        # Our languages separate words; a run of one repeated character is not prose.
        prose = spaces >= 0.03 * len(text)
        if printable >= _UTF16_PRINTABLE_SHARE * len(text) and prose and "\x00" not in text:
            return codec
    return None


def binary_kind(head: bytes) -> str | None:
    """A media type for bytes that are clearly not text, else None."""
    for magic, kind in _BINARY_MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"\x1f\x8b"):
        return "application/gzip"
    if head.startswith(_BOMS[1:]):
        return None  # UTF-16 text has NUL bytes but is text
    sample = head[:8192]
    if _has_controls(sample) and utf16_codec(sample):
        return None
    if b"\x00" in sample:
        return "application/octet-stream"
    # Control characters other than tab, newline, form feed and carriage return do not occur in text.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.05:
        return "application/octet-stream"
    return None


def _has_controls(sample: bytes) -> bool:
    return any(b < 32 and b not in (9, 10, 12, 13) for b in sample)


def _gunzip_head(head: bytes) -> bytes:
    """The start of a gzip stream's content; a truncated head still gives what it holds."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""


def sniff(head: bytes, name: str | None = None) -> str:
    """Format of content that begins with `head`; `name` (file name or URL path) breaks ties."""
    if head.startswith(b"\x1f\x8b"):
        return "warc" if _gunzip_head(head).startswith(b"WARC/") else "binary"
    if head.startswith(b"WARC/"):
        return "warc"
    if binary_kind(head):
        return "binary"
    if head.startswith(_BOMS[1:]):
        codec = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
        start = head[2 : len(head) - len(head) % 2].decode(codec, errors="replace")
    elif _has_controls(head[:8192]) and (codec := utf16_codec(head)):
        start = head[: len(head) - len(head) % 2].decode(codec, errors="replace")
    else:
        start = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    start = start.lstrip()
    if not start:
        return "empty"
    ext = Path(name).suffix.lower() if name else ""
    if start.startswith(("{", "[")):
        return "jsonl"
    if start.startswith("<"):
        body = _XML_PROLOGUE.sub("", start[:8192], count=1)
        feed = _FEED_ROOT.search(body[:4096])
        html = _HTML_MARK.search(body[:4096])
        if feed and (not html or feed.start() < html.start()):
            return "feed"
        return "html"
    if ext in _HTML_EXTENSIONS and _HTML_MARK.search(start[:8192]):
        return "html"
    return "text"


def detect_format(source: str | os.PathLike[str] | bytes, name: str | None = None) -> str:
    """One of FORMATS for a file path or raw bytes: "text", "html", "jsonl", "feed", "warc",
    "empty" or "binary". Reads only the start of a file. A path that is not a file raises OSError."""
    if isinstance(source, bytes):
        return sniff(source[:HEAD_BYTES], name)
    path = Path(source)
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    return sniff(head, name or path.name)
