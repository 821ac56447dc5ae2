"""A small pool of store connections, so that requests read in parallel.

One `SQLiteStore` serialises its calls on one connection; SQLite in WAL mode lets many
connections read at once, so the server keeps a few and lends one per unit of work. A
PostgreSQL pool does the same with one connection per store, and one more that LISTENs, so
that live streams wake at every commit of any process (`wait_for_change`).
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from lagebild.store import Store, StoreError
from lagebild.store.sqlite import SQLiteStore

_POSTGRES = ("postgresql://", "postgres://")


class StorePool:
    """Up to `size` open stores on one database, created on first need."""

    def __init__(self, db_url: str, size: int = 4) -> None:
        self._postgres = db_url.startswith(_POSTGRES)
        if not self._postgres and not db_url.startswith("sqlite:///") and "://" in db_url:
            raise StoreError(
                f"the server supports sqlite:///path and postgresql://user@host/db databases, got {db_url!r}"
            )
        self.url = db_url
        self.path = db_url.removeprefix("sqlite:///")
        # Each connection to ":memory:" is a database of its own: share one.
        self.size = 1 if self.path == ":memory:" else max(1, size)
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        first = self._open()  # fail at start, not on the first request, when the database is bad
        self._idle.put(first)
        self._listener = first.listen() if self._postgres else None  # type: ignore[attr-defined]

    def _open(self) -> Store:
        if self._postgres:
            from lagebild.store.postgres import PostgresStore  # psycopg only where it is used

            store: Store = PostgresStore(self.url)
        else:
            store = SQLiteStore(self.path)
        self._all.append(store)
        return store

    async def wait_for_change(self, timeout: float) -> None:
        """Return after `timeout` seconds or, on PostgreSQL, at the next commit of any process."""
        if not self._postgres:
            await asyncio.sleep(timeout)
            return
        with self._lock:
            if self._listener is None:  # closed with the pool, and the app started again
                from lagebild.store.postgres import ChangeListener

                self._listener = ChangeListener(self.url)
        await self._listener.wait(timeout)

    @contextmanager
    def store(self) -> Iterator[Store]:
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
            with self._lock:
                live = store in self._all
            if live:
                self._idle.put(store)
            else:
                store.close()  # lent when the pool was closed: closed on its return, not in use

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        # The idle stores close now, the lent ones when they come back; the next need opens new
        # ones (an app that is started again, as test clients and schemathesis do).
        with self._lock:
            self._all.clear()
            while True:
                try:
                    self._idle.get_nowait().close()
                except queue.Empty:
                    break
