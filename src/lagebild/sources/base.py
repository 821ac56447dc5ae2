"""What every reader shares: the error record, the CLI defaults, and how a Document is built.

Metadata rule, the same for every format: what the input says about a document wins; the values
given on the command line fill the gaps it leaves; a URL's host name is the last resort for
`source`. So `--published 2024-05-01` dates the files that carry no date of their own, and never
overrides a date an article states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from time import struct_time
from typing import Any
from urllib.parse import urlsplit

import pycountry

from lagebild.model import Document
from lagebild.nlp.clean import strip_invisible


@dataclass(frozen=True, slots=True)
class IngestError:
    """One input (or one line, item or record of it) that gave no document, and why."""

    input: str  # the path or URL, or "path:line 12", "feed#item-3", "file.warc#https://..."
    message: str  # one line for the user, e.g. "binary file (image/png), skipped"

    def __str__(self) -> str:
        return f"{self.input}: {self.message}"


@dataclass(frozen=True, slots=True)
class Defaults:
    """Values given for the whole batch (the CLI's --published, --lang, --source)."""

    published: str | None = None
    lang: str | None = None
    source: str | None = None


_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def normalise_published(value: Any) -> str | None:
    """An ISO 8601 date or datetime string, as precise as `value` is, or None when unreadable.

    Accepts ISO strings ("2024", "2024-05", "2024-05-01", "2024-05-01T08:00:00Z"), RFC 2822
    strings as feeds write them, datetime/date objects and time.struct_time (taken as UTC).
    """
    if value is None:
        return None
    if isinstance(value, struct_time):
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _ISO_PARTIAL.match(text):
        parts = [int(p) for p in text.split("-")]
        try:
            date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            return None
        return text
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def normalise_lang(value: Any) -> str | None:
    """ISO 639-1 code of a language tag ("de-DE" -> "de", "deu" -> "de"), or None."""
    if not isinstance(value, str):
        return None
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    if len(code) == 2 and code.isalpha() and code.isascii():
        return code
    if len(code) == 3 and code.isalpha() and code.isascii():
        lang = pycountry.languages.get(alpha_3=code) or pycountry.languages.get(bibliographic=code)
        return getattr(lang, "alpha_2", None) if lang else None
    return None


def host_of(url: str | None) -> str | None:
    """Host name of a URL without a leading "www.", used as a source name of last resort."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(strip_invisible(value).split())
    return value or None


def make_document(
    text: str,
    defaults: Defaults,
    *,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
    published: Any = None,
    lang: Any = None,
    author: str | None = None,
) -> Document:
    """A Document from the input's own metadata, gaps filled from `defaults` (see module doc).

    Invisible characters leave the text here, before its id is taken: every reader builds its
    documents through this function, so stored text, id and evidence offsets agree."""
    return Document.create(
        strip_invisible(text),
        url=_clean(url),
        source=_clean(source) or defaults.source or host_of(url),
        title=_clean(title),
        published=normalise_published(published) or defaults.published,
        lang=normalise_lang(lang) or defaults.lang,
        author=_clean(author),
    )
