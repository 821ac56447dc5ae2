"""Syndicated copies: the same text on many sites is one article with several sources.

A new document whose MinHash sketch is close to a stored one's (watch.dedupe.NEAR_DUPLICATE) is
not read again: it is stored without mentions, each evidence sentence of the original is found in
it and added to the original's events as another source, and the relation is kept
(`copy:<id>` in the store's key-value state) so that `lagebild merge --rebuild` attaches it again.
Ingest and the watcher share this; the sketches live in the store, so a restart knows them.
"""

from __future__ import annotations

import threading

from lagebild.model import Document, Evidence
from lagebild.store import Store
from lagebild.watch.dedupe import NearDuplicateIndex, locate, minhash
from lagebild.watch.state import has_sketch, load_sketches, save_sketch

COPY_PREFIX = "copy:"


class Copies:
    """The near-duplicate index of one store's documents."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index = NearDuplicateIndex(load_sketches(store))
        # Parallel ingest indexes documents as they are handed to workers (one thread) while
        # another stores them: the index is shared.
        self._lock = threading.Lock()

    def original_of(self, doc: Document) -> str | None:
        """The stored document `doc` is a copy of, or None."""
        sketch = minhash(doc.text)
        if sketch is None:
            return None
        with self._lock:
            found = self.index.find(sketch)
        return found[0] if found is not None and found[0] != doc.id else None

    def expect(self, doc: Document) -> None:
        """Index a document about to be stored (in memory only, until `remember` stores its sketch)."""
        sketch = minhash(doc.text)
        if sketch is not None:
            with self._lock:
                self.index.add(doc.id, sketch)

    def remember(self, doc: Document) -> None:
        """Index a stored original (again after a kill between the document and its sketch)."""
        if has_sketch(self.store, doc.id):
            return
        sketch = minhash(doc.text)
        if sketch is not None:
            save_sketch(self.store, doc.id, sketch)
            with self._lock:
                self.index.add(doc.id, sketch)

    def add_copy(self, original_id: str, doc: Document) -> int:
        """Store `doc` as a copy of `original_id`; returns the evidence rows added.

        Evidence first, the relation second, the document last: killed in between, the copy is
        read again and the evidence rows, keyed by document and offsets, are not doubled.
        """
        added = attach(self.store, original_id, doc)
        self.store.set_meta(COPY_PREFIX + doc.id, original_id)
        self.store.add_document(doc, [])
        return added


def attach(store: Store, original_id: str, doc: Document) -> int:
    """Add `doc`'s copy of each evidence sentence of `original_id` to that sentence's event."""
    added = 0
    for event in store.events_of_document(original_id):
        for ev in event.evidence:
            if ev.document_id != original_id:
                continue
            span = locate(ev.sentence, doc.text)
            if span is None:
                continue
            start, end = span
            copy = Evidence(doc.id, doc.text[start:end], start, end, doc.lang or ev.lang, doc.url, doc.source)
            added += store.add_evidence(event.id, [copy])
            break
    return added


def original_of_copy(store: Store, document_id: str) -> str | None:
    """The original a stored copy was attached to (None: not a copy)."""
    return store.get_meta(COPY_PREFIX + document_id)
