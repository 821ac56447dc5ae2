"""Ingestion: inputs -> documents -> events -> store, one transaction per document.

The store's per-document transaction is what makes a batch safe to kill at any moment: a
document is either fully stored with all its events or absent, so running the same command
again skips what is done and completes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lagebild.merge import Embed, embedder, plan
from lagebild.model import Document, Event
from lagebild.sources import IngestError, read_inputs
from lagebild.store import Store, StoreError


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    already_stored: int = 0
    events: int = 0  # new events (asserted or not) that the new documents started
    joined: int = 0  # reports that joined an event already stored
    copies: int = 0  # near-identical copies of stored documents: more sources, no new events
    mentions: int = 0
    errors: list[IngestError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def prepare(doc: Document) -> Document:
    """Fill what the pipeline needs and the input did not say (the language)."""
    if not doc.lang:
        from lagebild.nlp.langid import detect_language

        doc.lang = detect_language(doc.text)
    return doc


@dataclass(slots=True)
class Stored:
    """What storing one document did: whether it was new, and its events new and joined."""

    new: bool
    events: int = 0
    joined: int = 0
    mentions: int = 0


def store_document(
    store: Store,
    doc: Document,
    embed: Embed | None = None,
    extract: Callable[[Document], list[Event]] | None = None,
) -> Stored:
    """Extract a document's mentions, merge them with the stored events and store it all in one
    transaction. The one way documents enter a store: ingest, the watcher and the API use it.

    `extract` gives the mentions (default: the pipeline's extract_mentions)."""
    if extract is None:
        from lagebild.pipeline import extract_mentions as extract

    doc = prepare(doc)
    return link_and_store(store, doc, extract(doc), embed)


def link_and_store(store: Store, doc: Document, mentions: list[Event], embed: Embed | None = None) -> Stored:
    """Merge a document's mentions with the stored events and store it all in one transaction."""
    decisions = plan(doc, mentions, store.merge_candidates, embed)
    if not store.add_document(doc, mentions, decisions):
        return Stored(new=False)
    joined = sum(1 for d in decisions if d.target is not None)
    return Stored(new=True, events=len(decisions) - joined, joined=joined, mentions=len(mentions))


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    published: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    on_item: Callable[[Document | IngestError, int], None] | None = None,
) -> IngestSummary:
    """Read every input, extract events from new documents, merge and store them.

    `on_item(item, n_events)` is called after each document or error (progress display).
    """
    from lagebild.merge.copies import Copies

    summary = IngestSummary()
    embed = embedder()
    copies = Copies(store)
    for item in read_inputs(inputs, published=published, lang=lang, source=source):
        n_events = 0
        if isinstance(item, IngestError):
            summary.errors.append(item)
        elif store.has_document(item.id):
            copies.remember(item)  # a kill may have come between a document and its sketch
            summary.already_stored += 1
        elif (original := copies.original_of(prepare(item))) is not None:
            copies.add_copy(original, item)
            summary.copies += 1
        else:
            try:
                result = store_document(store, item, embed)
            except StoreError:
                raise
            except Exception as exc:  # an extractor bug must not lose the rest of the batch
                err = IngestError(
                    item.url or item.title or item.id, f"extraction failed: {type(exc).__name__}: {exc}"
                )
                summary.errors.append(err)
                if on_item:
                    on_item(err, 0)
                continue
            if result.new:
                copies.remember(item)
                n_events = result.events
                summary.new += 1
                summary.events += result.events
                summary.joined += result.joined
                summary.mentions += result.mentions
            else:  # another process stored it meanwhile
                summary.already_stored += 1
        if on_item:
            on_item(item, n_events)
    return summary
