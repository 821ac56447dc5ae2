"""Where things live: the default database and the cache directory."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

APP = "lagebild"


def data_dir() -> Path:
    path = Path(os.environ.get("LAGEBILD_DATA_DIR") or user_data_dir(APP))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Built artefacts (the gazetteer index): safe to delete, rebuilt on first use."""
    path = Path(os.environ.get("LAGEBILD_CACHE_DIR") or user_cache_dir(APP))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    """`$LAGEBILD_DB`, else a SQLite file in the user's data directory."""
    return os.environ.get("LAGEBILD_DB") or f"sqlite:///{data_dir() / 'lagebild.db'}"
