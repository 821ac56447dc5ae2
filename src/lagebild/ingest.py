"""Ingestion: inputs -> documents -> events -> store, one transaction per document.

The store's per-document transaction is what makes a batch safe to kill at any moment: a
document is either fully stored with all its events or absent, so running the same command
again skips what is done and completes the rest.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from lagebild.bounded import TaskFailed, Workers, over_limit
from lagebild.merge import Embed, embedder, plan
from lagebild.model import Document, Event
from lagebild.sources import IngestError, read_inputs
from lagebild.store import Store


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    already_stored: int = 0
    events: int = 0  # new events (asserted or not) that the new documents started
    joined: int = 0  # reports that joined an event already stored
    copies: int = 0  # near-identical copies of stored documents: more sources, no new events
    mentions: int = 0
    errors: list[IngestError] = field(default_factory=list)
    # Documents stored but not read to the end (the caps per document): one line each.
    capped: list[str] = field(default_factory=list)

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


def _read(task: tuple[str, Document]) -> tuple[str, Document, list[Event] | str]:
    """A worker's part: the mentions of a new document, or why extraction failed."""
    kind, doc = task
    if kind != "new":
        return kind, doc, []
    from lagebild.pipeline import extract_mentions

    try:
        return kind, doc, extract_mentions(doc)
    except Exception as exc:  # an extractor bug must not lose the rest of the batch
        return "failed", doc, f"extraction failed: {type(exc).__name__}: {exc}"


def _warm() -> None:
    """Load the gazetteer and the language data in a new worker, before its clock starts."""
    from lagebild.pipeline import extract_text

    extract_text("Police arrested two protesters in Berlin on Monday.", lang="en")


def name_of(doc: Document) -> str:
    """How a report names a document: its URL, else its headline and id."""
    if doc.url:
        return doc.url
    title = (doc.title or "").strip()
    shown = title if len(title) <= 60 else title[:57] + "..."
    return f"{shown!r} (document {doc.id[:12]})" if shown else f"document {doc.id[:12]}"


def cap_note(capped: dict[str, list[int]]) -> str:
    """`Document.capped` in words: "read 1,000 of 5,151 sentences (the cap per document)"."""
    parts = [f"{read:,} of {total:,} {what}" for what, (read, total) in capped.items()]
    return "read " + ", ".join(parts) + " (the caps per document): the rest was not read"


Task = tuple[str, Document]  # (kind, document): kind "new" is to be read, others pass through
Result = tuple[str, Document, list[Event] | str]  # _read's answer: mentions, or why reading failed
ExtractAll = Callable[[Iterator[Task]], Iterator[Result]]


class ExtractionFailed(TaskFailed):
    """The extractor raised on a document (a bug): the message says what it raised."""


def extraction_workers(time_limit: float) -> Workers[Task, Result]:
    """One extraction worker process with a time limit per document (see `read_within`)."""
    return Workers(_read, size=1, limit=time_limit, warm=_warm)


def read_within(workers: Workers[Task, Result], doc: Document) -> list[Event]:
    """A document's mentions, read by `workers` within their time limit: for callers that read
    one document at a time (the watcher, POST /api/documents). What extraction sets on the
    document (relevance, capped) is copied back; TimeLimitExceeded when it ran over the limit,
    ExtractionFailed when the extractor raised, TaskFailed when the worker died."""
    _, read, payload = workers.call(("new", doc))
    if isinstance(payload, str):
        raise ExtractionFailed(payload)
    doc.relevance, doc.capped = read.relevance, read.capped
    return payload


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    published: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    workers: int = 1,
    on_item: Callable[[Document | IngestError, int], None] | None = None,
    extract_all: ExtractAll | None = None,
    time_limit: float | None = None,
) -> IngestSummary:
    """Read every input, extract events from new documents, merge and store them.

    With `workers` > 1, extraction runs in that many worker processes (each loads the gazetteer
    and the language data once) while this process alone merges and stores, in input order: the
    store ends up exactly as with one worker. `on_item(item, n_events)` is called after each
    document or error (progress display). `extract_all` replaces the local extraction (another
    engine, e.g. lagebild.ingest_ray): it maps the tasks to `_read`'s results, in order.

    `time_limit` (seconds) bounds the reading of each document: extraction then runs in worker
    processes (one with `workers` 1), and a document over the limit is reported and skipped, its
    worker ended and replaced, the batch goes on (lagebild.bounded).
    """
    from lagebild.merge.copies import Copies

    summary = IngestSummary()
    bounded: list[Workers[Task, Result]] = []  # the batch's workers, and one for copies to reread

    def failed_for(message: str) -> Callable[[Task, object], Result]:
        """The answer for a task over the limit (`message`) or whose worker died (its reason)."""
        return lambda task, detail: ("failed", task[1], message or str(detail))

    def read_copy(doc: Document) -> list[Event] | str:
        """A copy's mentions, read here when its original failed; within the limit, if one is set."""
        if time_limit is None:
            return _read(("new", doc))[2]
        if len(bounded) < 2:  # a worker of its own: the batch's workers are busy reading ahead
            bounded.append(Workers(_read, size=1, limit=time_limit, warm=_warm))
        kind, _, payload = next(
            bounded[1].map(
                [("new", doc)],
                on_timeout=failed_for(over_limit(time_limit)),
                on_crash=failed_for(""),
            )
        )
        return payload if kind == "new" else str(payload)

    embed = embedder()
    copies = Copies(store)
    errors: list[IngestError] = []

    def tasks() -> Iterator[tuple[str, Document]]:
        for item in read_inputs(inputs, published=published, lang=lang, source=source):
            if isinstance(item, IngestError):
                errors.append(item)
                yield "error", Document(id="", text="")
            elif store.has_document(item.id):
                yield "stored", item
            else:
                doc = prepare(item)
                # A copy of a document still being read is a copy too: its original is indexed
                # as it is handed out, so that any number of workers find the same copies.
                if copies.original_of(doc) is not None:
                    yield "copy", doc
                else:
                    copies.expect(doc)
                    yield "new", doc

    if extract_all is not None:
        pool, results = None, extract_all(tasks())
    elif time_limit is not None:
        pool = None
        bounded.append(Workers(_read, size=max(1, workers), limit=time_limit, warm=_warm))
        results = bounded[0].map(
            tasks(),
            on_timeout=failed_for(over_limit(time_limit)),
            on_crash=failed_for(""),
            local=lambda task: task[0] != "new",  # nothing to read: answered at once
        )
    elif workers > 1:
        pool = multiprocessing.get_context("spawn").Pool(workers)
        results: Iterator[tuple[str, Document, list[Event] | str]] = pool.imap(_read, tasks(), chunksize=4)
    else:
        pool, results = None, map(_read, tasks())
    try:
        for kind, doc, payload in results:
            item: Document | IngestError = doc
            n_events = 0
            if kind == "error":
                item = errors.pop(0)
                summary.errors.append(item)
            elif kind == "stored":
                copies.remember(doc)  # a kill may have come between a document and its sketch
                summary.already_stored += 1
            elif kind == "copy" and (original := copies.original_of(doc)) and store.has_document(original):
                copies.add_copy(original, doc)
                summary.copies += 1
            elif kind == "failed":
                item = IngestError(name_of(doc), str(payload))
                summary.errors.append(item)
            else:
                # New, or a copy of an original that failed: read here, then merged and stored.
                mentions = payload if kind == "new" else read_copy(doc)
                if isinstance(mentions, str):
                    item = IngestError(name_of(doc), mentions)
                    summary.errors.append(item)
                else:
                    result = link_and_store(store, doc, mentions, embed)
                    if result.new:
                        copies.remember(doc)
                        if doc.capped:
                            summary.capped.append(f"{name_of(doc)}: {cap_note(doc.capped)}")
                        n_events = result.events
                        summary.new += 1
                        summary.events += result.events
                        summary.joined += result.joined
                        summary.mentions += result.mentions
                    else:  # another process stored it meanwhile
                        summary.already_stored += 1
            if on_item:
                on_item(item, n_events)
    finally:
        if pool is not None:
            pool.terminate()
        for workers_ in bounded:
            workers_.close()
    return summary
