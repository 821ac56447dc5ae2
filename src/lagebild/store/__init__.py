"""Storage: one interface, SQLite by default (zero setup), PostgreSQL/PostGIS in production."""

from lagebild.store.base import EventQuery, Store, StoreError, open_store

__all__ = ["EventQuery", "Store", "StoreError", "open_store"]
