"""Response shapes, for the OpenAPI document only.

The endpoints write JSON themselves (the event contract is `Event.to_dict()`, see
docs/events.md); these models describe that JSON to API users and are never used to validate it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ActorOut(BaseModel):
    name: str
    canonical: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    igo: str | None = None
    sector: str | None = Field(None, description="PLOVER sector code, e.g. MIL")


class PlaceOut(BaseModel):
    name: str
    geonameid: int | None = None
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    precision: str = Field(description="exact, city, admin2, admin1, country or region")


class EvidenceOut(BaseModel):
    document_id: str
    url: str | None = None
    source: str | None = None
    lang: str
    sentence: str
    start: int = Field(description="Character offset of the sentence in the document's text")
    end: int


class EventOut(BaseModel):
    id: str
    type: str = Field(description="PLOVER event type")
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None
    actors: list[ActorOut]
    recipients: list[ActorOut]
    location: PlaceOut | None = None
    date: str | None = Field(None, description="YYYY-MM-DD; the first day of the period at coarser precision")
    date_precision: str | None = Field(None, description="day, week, month or year")
    modality: str = Field(description="asserted, negated, future or hypothetical")
    confidence: float
    evidence: list[EvidenceOut]
    num_sources: int = Field(description="Distinct outlets that report the event")
    first_seen: str
    updated: str
    date_from: str | None = Field(
        None, description="text: a sentence gave the date; published: only the publication"
    )
    fatalities: int | None = Field(None, description="People killed, as the best-supported report says")
    injured: int | None = None
    num_articles: int = Field(1, description="Distinct articles (syndicated copies count once)")
    num_mentions: int = Field(1, description="Sentences read as this event, over all articles")
    languages: list[str] = Field(default_factory=list, description="Languages of its reports")
    disagreement: dict[str, Any] = Field(
        default_factory=dict, description="What reports disagree on: date, place, fatalities, injured, type"
    )
    flagged: bool = Field(
        False, description="An analyst flagged the event as wrong (hidden unless asked for)"
    )
    correction: dict[str, Any] | None = Field(
        None,
        description="What analysts corrected: fields, the values read before, who, when (docs/events.md)",
    )


class EventsPage(BaseModel):
    events: list[EventOut]
    next: str | None = Field(description="Pass as `cursor` for the next page; null on the last page")
    total: int = Field(description="How many events match the filters, over all pages, counted up to 10,000")
    total_exact: bool = Field(description="false when more than `total` (10,000) events match")


class DocumentOut(BaseModel):
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    lang: str | None = None


class SourceGroup(BaseModel):
    lang: str = Field(description="ISO 639-1 code of the evidence")
    source: str | None = Field(description="The outlet, where known")
    url: str | None = None
    documents: list[str] = Field(description="Ids of this source's documents that report the event")
    evidence: list[EvidenceOut] = Field(description="This source's sentences, with offsets")


class EventDetail(EventOut):
    documents: dict[str, DocumentOut] = Field(
        description="The documents behind the evidence, by document_id (title, url, source, ...)"
    )
    sources: list[SourceGroup] = Field(
        description="The evidence grouped by language, then by source (every report of the event)"
    )
    corrections: list[dict[str, Any]] = Field(
        default_factory=list, description="Every correction and flag of this event, oldest first"
    )


class TimelineBucket(BaseModel):
    date: str = Field(description="First day of the bucket, YYYY-MM-DD")
    counts: dict[str, int] = Field(description="Events per PLOVER type; types without events are left out")
    total: int


class Timeline(BaseModel):
    bucket: str = Field(description="day, week (starting Monday) or month")
    types: list[str] = Field(description="Every type that occurs in the series, most frequent first")
    series: list[TimelineBucket] = Field(
        description="Every bucket from the first to the last, empty ones too"
    )
    total: int = Field(description="Dated events counted")
    undated: int = Field(description="Matching events without a date (not in the series)")


class DocumentIn(BaseModel):
    """One document, as a line of a JSON Lines input: `text` or `html`, and what is known about it."""

    # `{}` is no document: the schema says that one of the two must hold something to read.
    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "anyOf": [
                {"required": ["text"], "properties": {"text": {"type": "string", "pattern": "\\S"}}},
                {"required": ["html"], "properties": {"html": {"type": "string", "pattern": "\\S"}}},
            ]
        },
    )

    text: str | None = Field(
        None,
        description="Plain text, kept as given except for invisible characters (zero-width, bidi controls)",
    )
    html: str | None = Field(None, description="A web page; its main text is extracted")
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="ISO date or time of publication")
    lang: str | None = Field(None, description="ISO 639-1; detected when not given")
    source: str | None = Field(None, description="Publisher; the URL's host when not given")
    author: str | None = None


class IngestResult(BaseModel):
    status: str = Field(description='"stored" (201) or "already stored" (200)')
    document_id: str
    events: list[EventOut]
    capped: dict[str, list[int]] | None = Field(
        None,
        description='What was left unread of a long document: {"sentences": [read, of], "mentions": '
        "[read, of]} past the caps per document; null when it was read to the end",
    )


class Problem(BaseModel):
    detail: str = Field(description="What was wrong, for a person to read")


class SourceCount(BaseModel):
    source: str
    documents: int


class SourcesOut(BaseModel):
    count: int = Field(description="Distinct sources of the stored documents")
    top: list[SourceCount] = Field(description="The ten with most documents")


class Range(BaseModel):
    first: str | None = None
    last: str | None = None


class StatusOut(BaseModel):
    """What /api/status answers: the store's `stats()` and the server's own facts."""

    model_config = ConfigDict(extra="allow")

    version: str
    writes_enabled: bool = Field(description="Whether POST /api/documents accepts a token")
    last_change: int = Field(description="The latest change mark (as /api/stream's marks)")
    documents: int
    events: int
    sources: SourcesOut
    languages: dict[str, int] = Field(description="Documents per language ('und': unknown)")
    event_dates: Range = Field(description="Earliest and latest event date")
    ingested: Range = Field(description="When the first and the last document were stored")
    schema_version: int
    feeds: list[dict[str, Any]] = Field(
        default_factory=list,
        description="Health of each watched feed (status ok/failing/new, last_ok, last_error, failures, "
        "next_poll, documents)",
    )
