"""From the paths and URLs a user names to documents: dispatch on what each input turns out to be."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from lagebild.model import Document
from lagebild.sources.base import Defaults, IngestError, make_document, normalise_lang, normalise_published
from lagebild.sources.decode import DecodeError, decode_bytes
from lagebild.sources.detect import HEAD_BYTES, binary_kind, sniff
from lagebild.sources.feed import read_feed
from lagebild.sources.fetch import (
    FEED_TYPES,
    HTML_TYPES,
    MAX_BYTES,
    TEXT_TYPES,
    FetchError,
    fetch,
    human_size,
    make_client,
)
from lagebild.sources.html import document_from_html
from lagebild.sources.jsonl import read_jsonl
from lagebild.sources.text import clean_text, headline
from lagebild.sources.warc import read_warc

log = logging.getLogger(__name__)

_URL_TYPES = HTML_TYPES | FEED_TYPES | TEXT_TYPES


def is_url(value: str) -> bool:
    return urlsplit(value).scheme.lower() in ("http", "https")


def _from_text(text: str, url: str | None, label: str, defaults: Defaults) -> Document | IngestError:
    text = clean_text(text)
    if not text:
        return IngestError(label, "no text")
    return make_document(text, defaults, url=url, title=headline(text))


def _read_content(
    content: bytes,
    fmt: str,
    label: str,
    defaults: Defaults,
    *,
    url: str | None,
    charset: str | None,
    client: httpx.Client,
    max_bytes: int,
) -> Iterator[Document | IngestError]:
    """Documents of a whole text, HTML or feed body (a local file's or a response's)."""
    if fmt == "feed":
        yield from read_feed(content, label, defaults, client=client, base_url=url, max_bytes=max_bytes)
        return
    try:
        decoded = decode_bytes(content, charset, markup=fmt == "html")
    except DecodeError as exc:
        yield IngestError(label, f"{exc}, skipped")
        return
    if fmt == "html":
        yield document_from_html(decoded, url, label, defaults)
    else:
        yield _from_text(decoded, url, label, defaults)


_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file or folder is, from its st_mode; None for those two."""
    for test, kind in _SPECIAL_KINDS:
        if test(mode):
            return kind
    return None


def _read_head(path: Path) -> bytes:
    """The first bytes of a regular file. Opened without blocking and checked before reading:
    reading a FIFO (or a device) waits forever for a writer that never comes."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _NotRegular(special_kind(mode) or "not a regular file")
        return fh.read(HEAD_BYTES)


class _NotRegular(OSError):
    """A path that names something other than a regular file."""


def _read_file(
    path: Path, defaults: Defaults, client: httpx.Client, max_bytes: int
) -> Iterator[Document | IngestError]:
    label = str(path)
    try:
        head = _read_head(path)
    except _NotRegular as exc:
        yield IngestError(label, f"{exc}, not a regular file: skipped")
        return
    fmt = sniff(head, path.name)
    if fmt == "empty":
        yield IngestError(label, "empty file")
        return
    if fmt == "binary":
        yield IngestError(label, f"binary file ({binary_kind(head) or 'unknown type'}), skipped")
        return
    if fmt == "warc":
        yield from read_warc(path, defaults, max_bytes=max_bytes)
        return
    if fmt == "jsonl":
        yield from read_jsonl(path, defaults, max_bytes=max_bytes)
        return
    size = path.stat().st_size
    if size > max_bytes:
        yield IngestError(label, f"file larger than {human_size(max_bytes)} ({human_size(size)}), skipped")
        return
    content = path.read_bytes()
    yield from _read_content(
        content, fmt, label, defaults, url=None, charset=None, client=client, max_bytes=max_bytes
    )


def _read_url(
    url: str, defaults: Defaults, client: httpx.Client, max_bytes: int
) -> Iterator[Document | IngestError]:
    try:
        got = fetch(url, client=client, accept=_URL_TYPES, max_bytes=max_bytes)
    except FetchError as exc:
        yield IngestError(url, str(exc))
        return
    fmt = sniff(got.content[:HEAD_BYTES], urlsplit(got.url).path)
    if fmt == "empty":
        yield IngestError(url, "empty response")
        return
    if fmt not in ("html", "feed", "text"):
        kind = got.media_type or "no content type"
        yield IngestError(url, f"not a web page, feed or text ({kind}, looks like {fmt}), skipped")
        return
    if got.media_type in TEXT_TYPES and fmt == "html" and not _looks_like_page(got.content):
        fmt = "text"  # plain text that merely starts with "<"
    yield from _read_content(
        got.content, fmt, url, defaults, url=got.url, charset=got.charset, client=client, max_bytes=max_bytes
    )


def _looks_like_page(content: bytes) -> bool:
    return b"<html" in content[:4096].lower() or b"<body" in content[:4096].lower()


def _files_under(folder: Path) -> list[Path]:
    """Files below `folder`, sorted by path; hidden files and folders (".git") are skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _read_one(
    item: str, defaults: Defaults, client: httpx.Client, max_bytes: int
) -> Iterator[Document | IngestError]:
    if is_url(item):
        yield from _read_url(item, defaults, client, max_bytes)
        return
    path = Path(item)
    if path.is_dir():
        files = _files_under(path)
        if not files:
            yield IngestError(item, "folder has no files")
        for file in files:
            yield from _guarded(_read_file(file, defaults, client, max_bytes), str(file))
    elif path.is_file():
        yield from _read_file(path, defaults, client, max_bytes)
    elif path.exists():
        kind = special_kind(path.stat().st_mode) or "not a regular file"
        yield IngestError(item, f"{kind}, not a regular file: skipped")
    elif "://" in item:
        yield IngestError(item, f"unsupported URL scheme {urlsplit(item).scheme!r} (only http and https)")
    else:
        yield IngestError(item, "no such file or folder")


def _guarded(docs: Iterator[Document | IngestError], label: str) -> Iterator[Document | IngestError]:
    """Pass `docs` on; an unexpected failure ends this input with an error, not the batch."""
    try:
        yield from docs
    except PermissionError:
        yield IngestError(label, "permission denied")
    except OSError as exc:
        yield IngestError(label, f"could not read: {exc.strerror or exc}")
    except Exception as exc:  # a bug or a library's surprise must not lose the rest of the batch
        log.exception("unexpected error while reading %s", label)
        yield IngestError(label, f"unexpected error ({exc.__class__.__name__}: {exc}), skipped")


def read_inputs(
    inputs: Iterable[str],
    *,
    published: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    client: httpx.Client | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | IngestError]:
    """Every document in the given paths and URLs, in order, with an IngestError for each bad input.

    Folders are read recursively in sorted order; each file's format is sniffed from its content
    (text, HTML, JSON Lines, RSS/Atom, WARC). http(s) URLs are fetched: a page, a feed (whose
    articles are fetched in turn) or plain text. Bad input (a missing, binary, empty or oversized
    file, a malformed line, a dead server) yields an IngestError and the batch goes on.

    Metadata: what an input says about a document wins; `published`, `lang` and `source` fill the
    gaps it leaves (a page with its own date keeps it). A document's language comes only from an
    explicit per-record `lang` (JSONL) or `lang`: page and feed declarations are ignored, as site
    templates often carry a wrong one. Language is never guessed here: the pipeline detects it
    (lagebild.nlp.langid) for documents whose `lang` is still None.

    `max_bytes` caps each page, file of text or HTML, JSON line and archived record.
    Raises ValueError at once, before reading anything, for an unreadable `published` or `lang`.
    """
    if isinstance(inputs, str):
        inputs = [inputs]  # one path, not its characters
    defaults = Defaults(
        published=_checked(published, normalise_published, "published date"),
        lang=_checked(lang, normalise_lang, "language code"),
        source=" ".join(source.split()) or None if source else None,
    )
    return _read_all(list(inputs), defaults, client, max_bytes)


def _checked(value: str | None, normalise: Callable[[str], str | None], what: str) -> str | None:
    if value is None:
        return None
    result = normalise(value)
    if result is None:
        raise ValueError(f"not a valid {what}: {value!r}")
    return result


def _read_all(
    inputs: list[str], defaults: Defaults, client: httpx.Client | None, max_bytes: int
) -> Iterator[Document | IngestError]:
    own = client is None
    client = client or make_client()
    try:
        for item in inputs:
            yield from _guarded(_read_one(item, defaults, client, max_bytes), item)
    finally:
        if own:
            client.close()
