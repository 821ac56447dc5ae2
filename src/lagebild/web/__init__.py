"""The map page's built files.

The page's source lives in frontend/ (MapLibre GL and the offline world map, from npm);
`make install` builds it into web/static/ inside the package, where the server finds it. The
build output is not in git: a checkout without Node.js still installs, only without the map.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"


def static_dir() -> Path:
    """Where the built map page lies (it may not exist: see `is_built`)."""
    return STATIC_DIR


def is_built() -> bool:
    """Whether the map page has been built into the package (`make install` with npm present)."""
    return (STATIC_DIR / "index.html").is_file() and any((STATIC_DIR / "assets").glob("*.js"))
