"""Hand-built documents and events for tests that must not depend on extraction quality."""

from __future__ import annotations

from lagebild.model import Document, Event, Evidence

STAMP = "2024-05-01T12:00:00+00:00"


def make_doc(text: str, **meta) -> Document:
    meta.setdefault("fetched_at", STAMP)
    return Document.create(text, **meta)


def make_event(
    doc: Document,
    event_id: str,
    sentence: str = "Something happened.",
    *,
    start: int = 0,
    lang: str = "en",
    **fields,
) -> Event:
    """An event of `doc` with one evidence sentence at `start` (the text need not contain it)."""
    fields.setdefault("first_seen", STAMP)
    fields.setdefault("updated", STAMP)
    evidence = Evidence(
        document_id=doc.id,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        lang=lang,
        url=doc.url,
        source=doc.source,
    )
    return Event(id=event_id, evidence=[evidence], **fields)
