"""Ingestion: inputs -> documents -> events -> store, one transaction per document.

The store's per-document transaction is what makes a batch safe to kill at any moment: a
document is either fully stored with all its events or absent, so running the same command
again skips what is done and completes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lagebild.model import Document
from lagebild.sources import IngestError, read_inputs
from lagebild.store import Store


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    already_stored: int = 0
    events: int = 0
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


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    published: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    on_item: Callable[[Document | IngestError, int], None] | None = None,
) -> IngestSummary:
    """Read every input, extract events from new documents and store them.

    `on_item(item, n_events)` is called after each document or error (progress display).
    """
    from lagebild.pipeline import extract

    summary = IngestSummary()
    for item in read_inputs(inputs, published=published, lang=lang, source=source):
        n_events = 0
        if isinstance(item, IngestError):
            summary.errors.append(item)
        elif store.has_document(item.id):
            summary.already_stored += 1
        else:
            doc = prepare(item)
            try:
                events = extract(doc)
            except Exception as exc:  # an extractor bug must not lose the rest of the batch
                err = IngestError(
                    doc.url or doc.title or doc.id, f"extraction failed: {type(exc).__name__}: {exc}"
                )
                summary.errors.append(err)
                if on_item:
                    on_item(err, 0)
                continue
            if store.add_document(doc, events):
                n_events = len(events)
                summary.new += 1
                summary.events += n_events
            else:  # another process stored it meanwhile
                summary.already_stored += 1
        if on_item:
            on_item(item, n_events)
    return summary
