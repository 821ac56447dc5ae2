"""The publication date of an article: from its metadata, else from its dateline."""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

from lagebild.time.lexicon import alt, lexicon
from lagebild.time.tagger import find_timexes
from lagebild.time.values import parse_iso_date

_HEAD = 400  # a dateline or byline date sits in the first lines


def _from_metadata(value: str, lang: str) -> date | None:
    got = parse_iso_date(value)
    if got:
        return got
    try:
        return parsedate_to_datetime(value).date()  # RFC 2822, as in RSS feeds
    except (TypeError, ValueError, IndexError):
        pass
    timexes = [t for t in find_timexes(value, lang) if t.precision == "day" and t.anchored_on is None]
    return date.fromisoformat(timexes[0].value[:10]) if timexes else None


def publication_date(text: str, lang: str, metadata_date: str | None = None) -> str | None:
    """ISO date (YYYY-MM-DD) the article was published, or None when neither source gives one.

    Metadata wins (ISO, RFC 2822 or a written date). Otherwise: a full date next to a
    "published/updated" cue of the language, else the first full date in the head of the text.
    Relative expressions are never used: they need this very date to be read.
    """
    if metadata_date:
        got = _from_metadata(str(metadata_date), lang)
        if got:
            return got.isoformat()
    if not text:
        return None
    explicit = [
        t
        for t in find_timexes(text, lang)
        if t.precision == "day" and t.anchored_on is None and t.type != "DURATION"
    ]
    cues = lexicon(lang).words.get("PUBLISHED_CUES") or ()
    if cues and explicit:
        cue_re = re.compile(alt(cues), re.I)
        for cue in cue_re.finditer(text):
            after = [t for t in explicit if 0 <= t.start - cue.end() <= 40]
            if after:
                return after[0].value[:10]
    head = [t for t in explicit if t.start < _HEAD]
    return head[0].value[:10] if head else None
