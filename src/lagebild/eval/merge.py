"""Family 5: events, not articles. Are articles about the same real incident merged into one event?

Each article's main event (most confident asserted one) is put into a cluster by the merge step;
an article without an event stays alone. The clustering of articles is scored against the gold
incidents with B-cubed and pairwise P/R/F1, and each main event's date and place against the
incident's. Until lagebild.merge offers `cluster(events)`, every event is its own cluster (the
singleton baseline); any function events -> one cluster key per event plugs in.
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


def default_clusterer() -> Clusterer | None:
    """lagebild.merge.cluster when it exists, else None (singletons)."""
    try:
        from lagebild.merge import cluster
    except ImportError:
        return None
    return cluster


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


def evaluate_merge(
    path: str | Path,
    limit: int | None = None,
    extract: DocExtractor | None = None,
    cluster: Clusterer | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Score cross-article event merging on one gold file (Gun Violence Corpus format)."""
    records = read_jsonl(path, limit)
    require(records, ("id", "text", "gold_cluster"), "event merging", path)
    extract = extract or default_extractor()
    cluster = cluster or default_clusterer() or singletons
    started = time.perf_counter()
    mains: dict[str, Event] = {}
    for n, r in enumerate(records, 1):
        events = extract(r["text"], r.get("lang"), iso_day(r.get("published")), r.get("title"))
        if (event := main_event([e for e in events if e.modality == "asserted"])) is not None:
            mains[str(r["id"])] = event
        if progress:
            progress(n, len(records))
    ids = list(mains)
    keys = cluster_keys([mains[i] for i in ids], cluster) if ids else []
    elapsed = time.perf_counter() - started
    key_of = dict(zip(ids, keys, strict=True))
    gold = {str(r["id"]): r["gold_cluster"] for r in records}
    pred = {i: ("event", key_of[i]) if i in key_of else ("alone", i) for i in gold}

    date_errors, km_errors = [], []
    for r in records:
        event = mains.get(str(r["id"]))
        if event is None:
            continue
        if (days := _day_diff(event.date, r.get("gold_incident_date"))) is not None:
            date_errors.append(days)
        loc = r.get("gold_location") or {}
        if event.location is not None and loc.get("lat") is not None and loc.get("long") is not None:
            km_errors.append(
                haversine_km(event.location.lat, event.location.lon, float(loc["lat"]), float(loc["long"]))
            )
    return {
        "n_docs": len(records),
        "n_gold_clusters": len(set(gold.values())),
        "n_pred_clusters": len(set(pred.values())),
        "merge": "singletons" if cluster is singletons else getattr(cluster, "__module__", "custom"),
        "bcubed": bcubed(gold, pred),
        "pairwise": pairwise(gold, pred),
        "no_event": len(records) - len(mains),
        "date_error_days": _summary(date_errors),
        "location_error_km": _summary(km_errors),
        "casualties": casualty_scores(records, mains),
        "docs_per_s": round(len(records) / elapsed, 1) if elapsed > 0 else None,
    }
