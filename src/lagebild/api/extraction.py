"""Extraction for POST /api/documents, off the server's process when a time limit is set.

With a limit, each document is read in a worker process (lagebild.bounded): one that takes
longer is ended, the request gets a 422 that says so, and the server's own threads and its GIL
stay free for the readers of the map. Without a limit (tests, embedding), the calling thread
reads it.
"""

from __future__ import annotations

import queue
import threading

from lagebild.bounded import Workers
from lagebild.ingest import Result, Task, extraction_workers, read_within
from lagebild.model import Document, Event


class Extractors:
    """Up to `size` extraction workers with `time_limit` seconds per document, started on first
    need; each request borrows one (a worker answers one caller at a time)."""

    def __init__(self, size: int, time_limit: float | None) -> None:
        self.time_limit = time_limit
        self.size = max(1, size)
        self._idle: queue.LifoQueue[Workers[Task, Result]] = queue.LifoQueue()
        self._started = 0
        self._lock = threading.Lock()

    def read(self, doc: Document) -> list[Event]:
        """The document's mentions; TimeLimitExceeded / ExtractionFailed / TaskFailed as
        `lagebild.ingest.read_within` raises them."""
        if self.time_limit is None:
            from lagebild.pipeline import extract_mentions

            return extract_mentions(doc)
        workers = self._borrow()
        try:
            return read_within(workers, doc)
        finally:
            self._idle.put(workers)

    def _borrow(self) -> Workers[Task, Result]:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            grow = self._started < self.size
            if grow:
                self._started += 1
        if grow:
            assert self.time_limit is not None
            return extraction_workers(self.time_limit)
        return self._idle.get()

    def close(self) -> None:
        """End the idle workers' processes; a later request starts new ones."""
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
