"""One event from the mentions that report it: the best-supported reading of every field.

A merged event takes the most precise place and date its mentions support, the union of actors,
the type most mentions (weighted by confidence) agree on, and counts its sources, articles and
languages. Where reports disagree (dates, places, casualty counts) the disagreement is kept in
`Event.disagreement`, never silently dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from lagebild.model import DATE_PRECISIONS, PLACE_PRECISIONS, Actor, Event, Evidence, Place

_PLACE_RANK = {p: i for i, p in enumerate(PLACE_PRECISIONS)}  # 0 = most precise
_DATE_RANK = {p: i for i, p in enumerate(DATE_PRECISIONS)}


def _vote(values: Sequence[tuple[object, float]]) -> object:
    """The value with the largest summed weight; ties go to the value seen first."""
    total: dict[object, float] = defaultdict(float)
    for value, weight in values:
        total[value] += weight
    return max(total, key=lambda v: total[v]) if total else None


def _union(groups: Sequence[Sequence[Actor]]) -> list[Actor]:
    """Actors of all mentions, each once: "russischen Truppen" and "Russian troops" are one actor."""
    seen: set[object] = set()
    out: list[Actor] = []
    for actors in groups:
        for a in actors:
            key = (a.canonical or a.name.casefold(), a.country, a.igo, a.sector)
            loose = (a.country, a.igo, a.sector) if (a.country or a.igo) and a.sector else None
            if key in seen or (loose is not None and loose in seen):
                continue
            seen.add(key)
            if loose is not None:
                seen.add(loose)
            out.append(a)
    return out


def _place_key(p: Place) -> object:
    return p.geonameid if p.geonameid is not None else (p.name, p.country)


def best_place(mentions: Sequence[Event]) -> tuple[Place | None, list[str]]:
    """The most precise place of the most-supported country, and the names of rival places of
    that precision (a disagreement when there is more than one)."""
    located = [m for m in mentions if m.location is not None]
    if not located:
        return None, []
    country = _vote([(m.location.country, m.confidence) for m in located])  # type: ignore[union-attr]
    ours = [m for m in located if m.location.country == country] or located  # type: ignore[union-attr]
    finest = min(_PLACE_RANK.get(m.location.precision, 9) for m in ours)  # type: ignore[union-attr]
    at_finest = [m for m in ours if _PLACE_RANK.get(m.location.precision, 9) == finest]  # type: ignore[union-attr]
    key = _vote([(_place_key(m.location), m.confidence) for m in at_finest])  # type: ignore[arg-type]
    place = next(m.location for m in at_finest if _place_key(m.location) == key)  # type: ignore[arg-type]
    rivals = sorted({m.location.name for m in at_finest})  # type: ignore[union-attr]
    return place, rivals if len(rivals) > 1 else []


def best_date(mentions: Sequence[Event]) -> tuple[str | None, str | None, list[str]]:
    """The most precise date the mentions support, its precision, and rival dates at that
    precision (a disagreement when there is more than one)."""
    dated = [m for m in mentions if m.date]
    if not dated:
        return None, None, []
    # A date a report read from its text beats the publication day it fell back on.
    dated = [m for m in dated if m.date_from != "published"] or dated
    finest = min(_DATE_RANK.get(m.date_precision or "day", 9) for m in dated)
    at_finest = [m for m in dated if _DATE_RANK.get(m.date_precision or "day", 9) == finest]
    date = _vote([(m.date, m.confidence) for m in at_finest])
    precision = next(m.date_precision for m in at_finest if m.date == date)
    rivals = sorted({m.date for m in at_finest if m.date})
    return str(date), precision, rivals if len(rivals) > 1 else []


def _count(mentions: Sequence[Event], field: str) -> tuple[int | None, list[int]]:
    """A casualty figure over articles: each article's reading (see `_article_figures`), then the
    figure most articles give, the lower one in a tie; [low, high] if they differ."""
    per_doc = {
        doc: pair[0 if field == "fatalities" else 1] for doc, pair in _article_figures(mentions).items()
    }
    given = [v for v in per_doc.values() if v is not None]
    if not given:
        return None, []
    votes = Counter(given)
    best = min(votes, key=lambda v: (-votes[v], v))
    low, high = min(given), max(given)
    return best, [low, high] if low != high else []


def _article_figures(mentions: Sequence[Event]) -> dict[str, tuple[int | None, int | None]]:
    """Each article's (killed, injured): the reading with the most dead (reports grow as bodies
    are found), its injured with it. An article's mentions of one happening carry the same
    figures (events.tally); two readings that differ are two tolls it told, and mixing the dead
    of one with the injured of the other would be neither's."""
    best: dict[str, tuple[int, int, int | None, int | None]] = {}
    for m in mentions:
        if m.fatalities is None and m.injured is None:
            continue
        doc = m.evidence[0].document_id if m.evidence else m.id
        key = (-1 if m.fatalities is None else m.fatalities, -1 if m.injured is None else m.injured)
        if doc not in best or key > best[doc][:2]:
            best[doc] = (*key, m.fatalities, m.injured)
    return {doc: (v[2], v[3]) for doc, v in best.items()}


def _source_key(ev: Evidence) -> str:
    return ev.source or ev.url or ev.document_id


def summarise(mentions: Sequence[Event], event_id: str | None = None) -> Event:
    """The event that `mentions` (one evidence each, or already merged events) report together.

    `event_id` keeps a stored event's id as sources join it; by default the id of the first mention.
    """
    if not mentions:
        raise ValueError("summarise() needs at least one mention")
    weight = [(m, max(m.confidence, 0.01)) for m in mentions]
    type_ = _vote([(m.type, w) for m, w in weight])
    typed = [m for m in mentions if m.type == type_]
    mode = _vote([(m.mode, m.confidence) for m in typed if m.mode])
    modality = _vote([(m.modality, w) for m, w in weight])
    lead = max(
        (m for m in typed if m.mode == mode and m.modality == modality),
        key=lambda m: m.confidence,
        default=max(typed, key=lambda m: m.confidence),
    )
    place, place_rivals = best_place(mentions)
    date, date_precision, date_rivals = best_date(mentions)
    fatalities, fatality_range = _count(mentions, "fatalities")
    injured, injured_range = _count(mentions, "injured")
    evidence: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    for m in mentions:
        for ev in m.evidence:
            key = (ev.document_id, ev.start, ev.end)
            if key not in seen:
                seen.add(key)
                evidence.append(ev)
    articles = {ev.document_id for ev in evidence}
    actors = _union([m.actors for m in sorted(typed, key=lambda m: -m.confidence)])
    actor_keys = {(a.canonical or a.name.casefold(), a.country, a.sector) for a in actors}
    recipients = [
        a
        for a in _union([m.recipients for m in sorted(typed, key=lambda m: -m.confidence)])
        if (a.canonical or a.name.casefold(), a.country, a.sector) not in actor_keys
    ]
    # More independent articles make a report more credible, and a happening an article tells in
    # several sentences is what the article is about (not a passing reference), though less so.
    best = max(m.confidence for m in mentions)
    sentences = len({(ev.document_id, ev.start) for ev in evidence})
    conf = 1.0 - (1.0 - best) * (0.8 ** (len(articles) - 1)) * (0.93 ** (sentences - len(articles)))
    disagreement: dict[str, object] = {}
    if date_rivals:
        disagreement["date"] = date_rivals
    if place_rivals:
        disagreement["place"] = place_rivals
    if fatality_range:
        disagreement["fatalities"] = fatality_range
    if injured_range:
        disagreement["injured"] = injured_range
    types = sorted({m.type for m in mentions})
    if len(types) > 1:
        disagreement["type"] = types
    return Event(
        id=event_id or mentions[0].id,
        type=str(type_),
        mode=lead.mode,
        acled_event_type=lead.acled_event_type,
        acled_sub_event_type=lead.acled_sub_event_type,
        cameo_root=lead.cameo_root,
        actors=actors,
        recipients=recipients,
        location=place,
        date=date,
        date_precision=date_precision,  # type: ignore[arg-type]
        date_from="text" if any(m.date_from == "text" for m in mentions) else lead.date_from,
        modality=modality,  # type: ignore[arg-type]
        confidence=round(min(conf, 0.99), 3),
        evidence=evidence,
        num_sources=len({_source_key(ev) for ev in evidence}),
        first_seen=min(m.first_seen for m in mentions),
        updated=max(m.updated for m in mentions),
        fatalities=fatalities,
        injured=injured,
        num_articles=len(articles),
        num_mentions=sum(max(1, m.num_mentions) for m in mentions),
        languages=sorted({ev.lang for ev in evidence if ev.lang and ev.lang != "und"}),
        disagreement=disagreement,
        reference=all(m.reference for m in mentions),
    )
