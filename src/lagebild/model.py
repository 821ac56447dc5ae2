"""The data model: plain dataclasses that every stage passes along.

`Event.to_dict()` is the event contract that the CLI, the exports and the HTTP API speak;
docs/events.md documents it. Keep it stable: add keys, never rename them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

Precision = Literal["exact", "city", "admin2", "admin1", "country", "region"]
DatePrecision = Literal["day", "week", "month", "year"]
Modality = Literal["asserted", "negated", "future", "hypothetical"]

MODALITIES: tuple[str, ...] = ("asserted", "negated", "future", "hypothetical")
PLACE_PRECISIONS: tuple[str, ...] = ("exact", "city", "admin2", "admin1", "country", "region")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")

_WS = re.compile(r"\s+")


def utcnow() -> str:
    """Current time as an ISO 8601 string in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def normalise_text(text: str) -> str:
    """The form of a text that its identity is computed from.

    NFC and collapsed whitespace: the same article fetched twice, or saved once with CRLF and
    once with LF, must get the same id.
    """
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str) -> str:
    """Content hash of a document's normalised text (first 128 bits of SHA-256, hex)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:32]


@dataclass(slots=True)
class Document:
    """One article as ingested: cleaned main text plus what we know about where it came from."""

    id: str
    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date or datetime, as precise as the input gave it
    lang: str | None = None  # ISO 639-1, detected when not given
    author: str | None = None
    fetched_at: str = field(default_factory=utcnow)
    # How much the text is news about events (0..1, lagebild.events.relevance), set by extraction;
    # None until then. Off-topic documents (sports, markets, weather, ...) give no events.
    relevance: float | None = None
    # What extraction left unread, set by it: {"sentences": [read, of], "mentions": [read, of]}
    # when the document passed the caps per document (lagebild.pipeline); None: all read.
    capped: dict[str, list[int]] | None = None

    @classmethod
    def create(cls, text: str, **meta: Any) -> Document:
        """Build a document whose id is the hash of its text (title excluded: feeds retitle).

        Zero-width and bidi control characters are removed first (lagebild.nlp.clean): they defeat
        every word match, and the stored text must be the one whose offsets the evidence gives."""
        from lagebild.nlp.clean import strip_invisible

        text = strip_invisible(text)
        return cls(id=document_id(text), text=text, **meta)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Actor:
    """Who acts or is acted upon, as written and as resolved."""

    name: str
    canonical: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    igo: str | None = None  # e.g. "CSTO", "UN"
    sector: str | None = None  # PLOVER/CAMEO sector code, e.g. "MIL", "GOV", "COP", "CVL"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(**{k: d.get(k) for k in ("name", "canonical", "country", "igo", "sector")})


@dataclass(slots=True)
class Place:
    """A resolved location with an honest precision level."""

    name: str
    lat: float
    lon: float
    country: str | None = None  # ISO 3166-1 alpha-2; None for regions spanning countries
    geonameid: int | None = None
    admin1: str | None = None
    precision: Precision = "city"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "precision": self.precision,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(
            name=d["name"],
            lat=float(d["lat"]),
            lon=float(d["lon"]),
            country=d.get("country"),
            geonameid=d.get("geonameid"),
            admin1=d.get("admin1"),
            precision=d.get("precision") or "city",
        )


@dataclass(slots=True)
class Evidence:
    """The sentence an event was read from; start/end index the document's text."""

    document_id: str
    sentence: str
    start: int
    end: int
    lang: str = "und"
    url: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "url": self.url,
            "source": self.source,
            "lang": self.lang,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(
            document_id=d["document_id"],
            sentence=d["sentence"],
            start=int(d["start"]),
            end=int(d["end"]),
            lang=d.get("lang") or "und",
            url=d.get("url"),
            source=d.get("source"),
        )


@dataclass(slots=True)
class Event:
    """Who did what to whom, where and when, with the evidence it was read from."""

    id: str
    type: str  # PLOVER event type, e.g. "RETREAT"
    mode: str | None = None  # PLOVER mode, e.g. "withdraw"
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    location: Place | None = None
    date: str | None = None  # YYYY-MM-DD (first day of the week/month/year at coarser precision)
    date_precision: DatePrecision | None = None
    # "text" when a sentence gave the date, "published" when only the publication date did (the
    # happening may lie a day or two before it).
    date_from: str | None = None
    modality: Modality = "asserted"
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)
    num_sources: int = 1
    first_seen: str = field(default_factory=utcnow)
    updated: str = field(default_factory=utcnow)
    fatalities: int | None = None  # people killed, as the best-supported report says
    injured: int | None = None
    num_articles: int = 1  # distinct documents that report the event
    num_mentions: int = 1  # sentences read as this event, over all its documents
    languages: list[str] = field(default_factory=list)
    # Where reports differ, what each said: {"date": [...], "place": [...], "fatalities": [lo, hi], ...}
    disagreement: dict[str, Any] = field(default_factory=dict)
    # An analyst's word on the event (lagebild.corrections): flagged as wrong (hidden from queries
    # unless asked for), and what was corrected, from what, by whom; None: nobody corrected it.
    flagged: bool = False
    correction: dict[str, Any] | None = None
    # Named as the object of what its sentences tell ("condemned the bombing", "an agreement to
    # end the fighting"), never reported by them: a mention of that kind is no event of its own.
    reference: bool = False

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "cameo_root": self.cameo_root,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [a.to_dict() for a in self.recipients],
            "location": self.location.to_dict() if self.location else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_from": self.date_from,
            "modality": self.modality,
            "confidence": round(float(self.confidence), 3),
            "evidence": [e.to_dict() for e in self.evidence],
            "num_sources": self.num_sources,
            "first_seen": self.first_seen,
            "updated": self.updated,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "num_articles": self.num_articles,
            "num_mentions": self.num_mentions,
            "languages": list(self.languages),
            "disagreement": dict(self.disagreement),
            "flagged": self.flagged,
            "correction": self.correction,
        }
        if self.reference:  # a mention's mark, kept with it for rebuilds; stored events do not keep it
            out["reference"] = True
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            type=d["type"],
            mode=d.get("mode"),
            acled_event_type=d.get("acled_event_type"),
            acled_sub_event_type=d.get("acled_sub_event_type"),
            cameo_root=d.get("cameo_root"),
            actors=[Actor.from_dict(a) for a in d.get("actors") or []],
            recipients=[Actor.from_dict(a) for a in d.get("recipients") or []],
            location=Place.from_dict(d["location"]) if d.get("location") else None,
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            date_from=d.get("date_from"),
            modality=d.get("modality") or "asserted",
            confidence=float(d.get("confidence", 0.5)),
            evidence=[Evidence.from_dict(e) for e in d.get("evidence") or []],
            num_sources=int(d.get("num_sources") or 1),
            first_seen=d.get("first_seen") or utcnow(),
            updated=d.get("updated") or utcnow(),
            fatalities=d.get("fatalities"),
            injured=d.get("injured"),
            num_articles=int(d.get("num_articles") or 1),
            num_mentions=int(d.get("num_mentions") or 1),
            languages=list(d.get("languages") or []),
            disagreement=dict(d.get("disagreement") or {}),
            flagged=bool(d.get("flagged", False)),
            correction=d.get("correction"),
            reference=bool(d.get("reference", False)),
        )


def event_id(document_id: str, start: int, type_: str, mode: str | None = None) -> str:
    """Stable id of an event read from one sentence: re-extraction gives the same id."""
    key = f"{document_id}:{start}:{type_}:{mode or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
