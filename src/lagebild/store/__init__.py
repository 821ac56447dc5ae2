"""Storage: one interface, SQLite by default (zero setup), PostgreSQL/PostGIS in production."""

from lagebild.store.base import EventQuery, Store, StoreError, StoreUnavailable, open_store

__all__ = ["EventQuery", "Store", "StoreError", "StoreUnavailable", "open_store"]
