"""A small pool of store connections, so that requests read in parallel.

One `SQLiteStore` serialises its calls on one connection; SQLite in WAL mode lets many
connections read at once, so the server keeps a few and lends one per unit of work.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from lagebild.store import StoreError
from lagebild.store.sqlite import SQLiteStore


class StorePool:
    """Up to `size` open stores on one database, created on first need."""

    def __init__(self, db_url: str, size: int = 4) -> None:
        if not db_url.startswith("sqlite:///") and "://" in db_url:
            raise StoreError(f"the server supports SQLite databases only (sqlite:///path), got {db_url!r}")
        self.path = db_url.removeprefix("sqlite:///")
        # Each connection to ":memory:" is a database of its own: share one.
        self.size = 1 if self.path == ":memory:" else max(1, size)
        self._idle: queue.LifoQueue[SQLiteStore] = queue.LifoQueue()
        self._all: list[SQLiteStore] = []
        self._lock = threading.Lock()
        self._idle.put(self._open())  # fail at start, not on the first request, when the file is bad

    def _open(self) -> SQLiteStore:
        store = SQLiteStore(self.path)
        self._all.append(store)
        return store

    @contextmanager
    def store(self) -> Iterator[SQLiteStore]:
        """Lend a store for one unit of work (a query, a page of an export)."""
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            with self._lock:
                grow = len(self._all) < self.size
                store = self._open() if grow else None
            if store is None:
                store = self._idle.get()
        try:
            yield store
        finally:
            self._idle.put(store)

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
