"""Family 5: events, not articles. Are articles about the same real incident merged into one event?

Every article is ingested into an empty store; its predicted cluster is the stored event that its
main event (most confident asserted one) belongs to after merging; an article without an event
stays alone. The clustering of articles is scored against the gold incidents with B-cubed and
pairwise P/R/F1 beside the same-day-same-city baseline, and each merged event's date and place
against the incident's. Any other merge step (events -> one cluster key per event) plugs in.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Hashable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from lagebild.eval.casualties import casualty_scores
from lagebild.eval.data import iso_day, read_jsonl, require
from lagebild.eval.events import main_event
from lagebild.eval.metrics import bcubed, haversine_km, pairwise
from lagebild.model import Event

# (text, lang, published, title) -> events of one article
DocExtractor = Callable[[str, str | None, str | None, str | None], list[Event]]
# events -> one cluster key per event, in the same order
Clusterer = Callable[[list[Event]], Sequence[Hashable]]


def default_extractor() -> DocExtractor:
    from lagebild.model import Document
    from lagebild.pipeline import extract

    def run(text: str, lang: str | None, published: str | None, title: str | None) -> list[Event]:
        doc = Document.create(text, lang=lang, published=published, title=title)
        if not doc.lang:
            from lagebild.ingest import prepare

            doc = prepare(doc)
        return extract(doc)

    return run


def singletons(events: list[Event]) -> list[Hashable]:
    return [e.id for e in events]


def cluster_keys(events: list[Event], cluster: Clusterer) -> list[Hashable]:
    """One cluster key per event from a merge step that returns either keys or merged events.

    A merge step may answer with the merged events themselves (fewer than it was given, their
    evidence pooled): an input event then belongs to the merged event that holds its evidence.
    """
    result = list(cluster(events))
    if result and all(isinstance(r, Event) for r in result):
        holder: dict[tuple[str, int], int] = {}
        for k, merged in enumerate(result):
            for ev in merged.evidence:
                holder.setdefault((ev.document_id, ev.start), k)
        keys: list[Hashable] = []
        for e in events:
            spots = [(ev.document_id, ev.start) for ev in e.evidence]
            keys.append(next((("merged", holder[s]) for s in spots if s in holder), ("alone", e.id)))
        return keys
    if len(result) != len(events):
        raise ValueError(f"the merge step returned {len(result)} cluster keys for {len(events)} events")
    return result


def _day_diff(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(str(a)[:10]) - date.fromisoformat(str(b)[:10])).days)
    except (TypeError, ValueError):
        return None


def _summary(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"n": 0, "median": None, "mean": None}
    return {
        "n": len(values),
        "median": round(statistics.median(values), 1),
        "mean": round(statistics.fmean(values), 1),
    }


def _store_clusters(
    records: list[dict[str, Any]], progress: Callable[[int, int], None] | None
) -> tuple[dict[str, Event], dict[str, str], dict[str, Event]]:
    """Ingest every article into an empty in-memory store through the real path (extract, merge,
    store); return each article's own main event, the id of the stored event it belongs to, and
    that merged event."""
    from lagebild.ingest import prepare, store_document
    from lagebild.merge import embedder, summarise
    from lagebild.model import Document
    from lagebild.store.sqlite import SQLiteStore

    store = SQLiteStore(":memory:")
    embed = embedder()
    mains: dict[str, Event] = {}
    cluster_of: dict[str, str] = {}
    try:
        for n, r in enumerate(records, 1):
            doc = prepare(
                Document.create(
                    r["text"], lang=r.get("lang"), published=iso_day(r.get("published")), title=r.get("title")
                )
            )
            store_document(store, doc, embed)
            # The article's own reading of each event it reports; the event it belongs to.
            by_event: dict[str, list[Event]] = {}
            for m in store.mentions_of_document(doc.id)[0]:
                event = store.event_of_mention(m.id)
                if event is not None:  # readings the article does not report as its events have none
                    by_event.setdefault(event, []).append(m)
            own = {eid: summarise(ms) for eid, ms in by_event.items()}
            main = main_event([e for e in own.values() if e.modality == "asserted"])
            if main is not None:
                rid = str(r["id"])
                mains[rid] = main
                cluster_of[rid] = next(eid for eid, e in own.items() if e is main)
            if progress:
                progress(n, len(records))
        # Dates and places are scored on the merged events as stored, after every article joined.
        merged = {rid: store.get_event(eid) for rid, eid in cluster_of.items()}
    finally:
        store.close()
    return mains, cluster_of, {rid: e for rid, e in merged.items() if e is not None}


def evaluate_merge(
    path: str | Path,
    limit: int | None = None,
    extract: DocExtractor | None = None,
    cluster: Clusterer | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Score cross-article event merging on one gold file (Gun Violence Corpus format).

    By default every article is ingested into an empty store (the real merge); `cluster` (with
    `extract`) scores another merge step on the articles' main events instead, e.g. `singletons`.
    """
    records = read_jsonl(path, limit)
    require(records, ("id", "text", "gold_cluster"), "event merging", path)
    started = time.perf_counter()
    if cluster is None and extract is None:
        mains, key_of, merged = _store_clusters(records, progress)
        method = "lagebild.merge"
    else:
        extract = extract or default_extractor()
        cluster = cluster or singletons
        mains = {}
        for n, r in enumerate(records, 1):
            events = extract(r["text"], r.get("lang"), iso_day(r.get("published")), r.get("title"))
            if (event := main_event([e for e in events if e.modality == "asserted"])) is not None:
                mains[str(r["id"])] = event
            if progress:
                progress(n, len(records))
        ids = list(mains)
        keys = cluster_keys([mains[i] for i in ids], cluster) if ids else []
        key_of = dict(zip(ids, keys, strict=True))
        merged = mains
        method = "singletons" if cluster is singletons else getattr(cluster, "__module__", "custom")
    elapsed = time.perf_counter() - started
    gold = {str(r["id"]): r["gold_cluster"] for r in records}
    pred = {i: ("event", key_of[i]) if i in key_of else ("alone", i) for i in gold}
    baseline = same_day_same_city(records, mains)

    date_errors, km_errors = [], []
    city_or_finer = 0
    for r in records:
        event = merged.get(str(r["id"]))
        if event is None:
            continue
        if (days := _day_diff(event.date, r.get("gold_incident_date"))) is not None:
            date_errors.append(days)
        if event.location is not None and event.location.precision in ("exact", "city"):
            city_or_finer += 1
        loc = r.get("gold_location") or {}
        if event.location is not None and loc.get("lat") is not None and loc.get("long") is not None:
            km_errors.append(
                haversine_km(event.location.lat, event.location.lon, float(loc["lat"]), float(loc["long"]))
            )
    return {
        "n_docs": len(records),
        "n_gold_clusters": len(set(gold.values())),
        "n_pred_clusters": len(set(pred.values())),
        "merge": method,
        "bcubed": bcubed(gold, pred),
        "pairwise": pairwise(gold, pred),
        "baseline_same_day_same_city": {
            "bcubed": bcubed(gold, baseline),
            "pairwise": pairwise(gold, baseline),
        },
        "no_event": len(records) - len(mains),
        "date_error_days": _summary(date_errors),
        "location_error_km": _summary(km_errors),
        "casualties": casualty_scores(records, mains),
        "city_precision_share": round(city_or_finer / len(mains), 3) if mains else None,
        "docs_per_s": round(len(records) / elapsed, 1) if elapsed > 0 else None,
    }


def same_day_same_city(records: list[dict[str, Any]], mains: dict[str, Event]) -> dict[str, Hashable]:
    """The baseline beside ours: articles whose main events fall on the same day in the same
    place (by name) are one incident; articles without an event are alone."""
    out: dict[str, Hashable] = {}
    for r in records:
        rid = str(r["id"])
        e = mains.get(rid)
        place = e.location.name if e is not None and e.location is not None else None
        out[rid] = ("day-city", e.date, place) if e is not None and e.date and place else ("alone", rid)
    return out
