"""What both backends write alike, without SQL: an event's row values, a mention's row, the merge
signature, an event's summary when a report joins it, what folding keeps, and which tables a copy
moves row by row. Each backend keeps its own SQL and calls these, so that SQLite and PostgreSQL
store one decision in one way (the test suite checks that a corpus gives the same events on both).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from lagebild.merge.aggregate import summarise
from lagebild.merge.link import Decision
from lagebild.model import Actor, Event, utcnow

# An event's mentions summarised again when a report joins it: the most confident ones (its
# evidence rows are all kept, and counted in SQL), so that a story with thousands of reports
# costs no more per new report than one with two hundred.
SUMMARY_MENTIONS = 200
MAX_NAMES = 300  # names kept in an event's merge signature

FOLDED = "folded:"  # kv key prefix: an event folded into another -> that event's id

# The analysts' tables, in the order a copy fills them (alerts refer to their watch-list).
ANALYST_TABLES = ("watchlists", "alerts", "corrections")


def actor_text(event: Event) -> str:
    """What the `actor` filter searches: names as written, canonical names and IGO codes."""
    names = []
    for actor in (*event.actors, *event.recipients):
        names += [actor.name, actor.canonical, actor.igo]
    return "\n".join(name.casefold() for name in names if name)


def actors_json(actors: Sequence[Actor]) -> str:
    return json.dumps([a.to_dict() for a in actors], ensure_ascii=False)


def event_row(event: Event, change: int) -> dict[str, Any]:
    """The columns of an event's row that both backends keep alike (each adds its own index
    columns: PostgreSQL's point and day)."""
    place = event.location
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "cameo_root": event.cameo_root,
        "date": event.date,
        "date_precision": event.date_precision,
        "modality": event.modality,
        "confidence": float(event.confidence),
        "location": json.dumps(place.to_dict(), ensure_ascii=False) if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "country": place.country if place else None,
        "precision": place.precision if place else None,
        "place_name": place.name if place else None,
        "actors": actors_json(event.actors),
        "recipients": actors_json(event.recipients),
        "actor_text": actor_text(event),
        "num_sources": int(event.num_sources),
        "first_seen": event.first_seen,
        "updated": event.updated,
        "change_seq": change,
        "num_articles": int(event.num_articles),
        "num_mentions": int(event.num_mentions),
        "languages": json.dumps(list(event.languages)),
        "fatalities": event.fatalities,
        "injured": event.injured,
        "disagreement": json.dumps(event.disagreement, ensure_ascii=False),
    }


def blob(vector: np.ndarray | None) -> bytes | None:
    """An embedding as stored: float16 bytes (half the size; the merge's cosines do not notice)."""
    return None if vector is None else np.asarray(vector, dtype=np.float16).tobytes()


def names_json(names: Iterable[str]) -> str:
    """The merge signature's names column: sorted, at most MAX_NAMES."""
    return json.dumps(sorted(names)[:MAX_NAMES], ensure_ascii=False)


def mention_rows(
    document_id: str, event_id: str | None, mentions: Sequence[Event], lead_embedding: bytes | None
) -> list[tuple[str, str, str | None, float, str, bytes | None]]:
    """Rows (id, document_id, event_id, confidence, data, embedding) of one decision's mentions,
    each once (the first of a repeated id: the one a row-by-row upsert would keep): the first
    carries the embedding of the event's lead sentence, when the merge computed it."""
    seen: set[str] = set()
    once = [m for m in mentions if not (m.id in seen or seen.add(m.id))]
    return [
        (
            m.id,
            document_id,
            event_id,
            float(m.confidence),
            json.dumps(m.to_dict(), ensure_ascii=False),
            lead_embedding if k == 0 else None,
        )
        for k, m in enumerate(once)
    ]


def loose_mention_rows(
    document_id: str, mentions: Sequence[Event], decisions: Sequence[Decision]
) -> list[tuple[str, str, str | None, float, str, bytes | None]]:
    """`mention_rows` of the mentions no decision groups (readings the document does not report
    as its events): kept without an event, so that a rebuild reads everything that was read."""
    grouped = {m.id for d in decisions for m in d.mentions}
    return mention_rows(document_id, None, [m for m in mentions if m.id not in grouped], None)


def summary_when_joined(
    event_id: str, first_seen: str, lead: Event, surest: Iterable[Event], joining: Sequence[Event]
) -> Event:
    """A stored event summarised again as `joining` mentions join it: its first mention leads
    (its sentence stays the event's first evidence), then its surest mentions (`surest`, most
    confident first; the lead and the joining ones are skipped), then the joining ones. The
    evidence is the joining mentions' only: what is stored stays."""
    skip = {lead.id, *(m.id for m in joining)}
    others = [m for m in surest if m.id not in skip][:SUMMARY_MENTIONS]
    merged = summarise([lead, *others, *joining], event_id=event_id)
    merged.first_seen = min(first_seen, merged.first_seen)
    merged.evidence = [ev for m in joining for ev in m.evidence]
    merged.updated = utcnow()
    return merged


@dataclass(slots=True)
class Signature:
    """What an event is matched against later, and since when it is known."""

    names: set[str]
    embedding: bytes | None
    first_seen: str


def folded_signature(keep: Mapping[str, Any], folded: Iterable[Mapping[str, Any]]) -> Signature:
    """The signature of `keep` once the events `folded` are part of it (rows with names as
    JSON, embedding, first_seen): all their names, its own embedding else the first folded one's,
    the earliest first_seen."""
    sig = Signature(set(json.loads(keep["names"])), keep["embedding"], keep["first_seen"])
    for row in folded:
        sig.names |= set(json.loads(row["names"]))
        sig.embedding = sig.embedding or row["embedding"]
        sig.first_seen = min(sig.first_seen, row["first_seen"])
    return sig


def correction_json(event: Event) -> str | None:
    """The `correction` column of an event: what analysts changed, as JSON, or NULL."""
    return None if event.correction is None else json.dumps(event.correction, ensure_ascii=False)
