"""The gazetteer index: every place as a row of flat arrays, every name as a 64-bit key.

Built once (`lagebild gazetteer build`, or on first use) and stored as one pickle of numpy
arrays under `lagebild.config.cache_dir()`; loading it is a few array reads, well under 2 s.
Names are looked up by the blake2b hash of their normal form (see `normalise.name_key`), so
the index never holds millions of Python strings.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from threading import Lock

import numpy as np

from lagebild.model import Place

FORMAT_VERSION = 1


def _build_id() -> str:
    """Fingerprint of the code and data the index is built from: a change rebuilds the cache."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("build.py", "curated.tsv", "normalise.py", "gazetteer.py", "subdivisions.py"):
        digest.update((here / name).read_bytes())
    from lagebild.places.subdivisions import data_version

    digest.update(data_version().encode())  # the region points come from that package's data
    return digest.hexdigest()[:10]


FILENAME = f"gazetteer-v{FORMAT_VERSION}-{_build_id()}.pkl"

# Oceans, seas, gulfs, bays, straits, canals and big lakes: areal places with no town to be near.
WATER_FEATURES = frozenset({"OCN", "SEA", "GULF", "BAY", "STRT", "CNL", "LK"})

# Feature code -> precision of the Place it yields.
PRECISION_OF_FEATURE = {
    "PCLI": "country",
    "PCL": "country",
    "PCLD": "country",
    "PCLF": "country",
    "PCLS": "country",
    "PCLIX": "country",
    "TERR": "country",
    "CONT": "region",
    "RGN": "region",
    **dict.fromkeys(WATER_FEATURES, "region"),
    "ADM1": "admin1",
    "ADM2": "admin2",
    "ADM3": "admin2",
    "ADMD": "admin2",
}


def key_hash(key: str) -> int:
    """Stable 64-bit hash of a name key (Python's own hash() changes between processes)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass
class Gazetteer:
    """Places as parallel arrays (row i is place i) plus a sorted name-key -> rows index."""

    names: list[str]
    lat: np.ndarray
    lon: np.ndarray
    country: list[str]  # ISO2, "" for multi-country regions
    admin1: list[str]  # "CC.code" of the first-level region the place lies in ("" when unknown)
    admin2: list[str]
    feature: list[str]
    population: np.ndarray
    geonameid: np.ndarray  # 0 where the place is our own (curated)
    keys: np.ndarray  # sorted unique uint64 name hashes
    offsets: np.ndarray  # rows of keys[i] are postings[offsets[i]:offsets[i+1]]
    postings: np.ndarray
    max_tokens: int = 6
    admin_rows: dict[str, int] = field(default_factory=dict)  # "CC.code" -> row of that region
    country_rows: dict[str, int] = field(default_factory=dict)  # ISO2 -> row of that country
    source: str = "packages"

    def __len__(self) -> int:
        return len(self.names)

    def rows_for_hashes(self, hashes: np.ndarray) -> list[np.ndarray | None]:
        """Rows of each name hash (None where no place has that name): one vectorised search."""
        if not len(hashes):
            return []
        pos = np.searchsorted(self.keys, hashes)
        pos_c = np.minimum(pos, len(self.keys) - 1)
        found = self.keys[pos_c] == hashes
        out: list[np.ndarray | None] = []
        for p, ok in zip(pos_c.tolist(), found.tolist(), strict=True):
            out.append(self.postings[self.offsets[p] : self.offsets[p + 1]] if ok else None)
        return out

    def rows(self, key: str) -> np.ndarray:
        """Rows of the places named `key` (a name_key)."""
        got = self.rows_for_hashes(np.array([key_hash(key)], dtype=np.uint64))[0]
        return got if got is not None else np.empty(0, dtype=np.int32)

    def precision(self, row: int) -> str:
        return PRECISION_OF_FEATURE.get(self.feature[row], "city")

    def admin1_name(self, row: int) -> str | None:
        code = self.admin1[row]
        r = self.admin_rows.get(code) if code else None
        return self.names[r] if r is not None else None

    def place(self, row: int) -> Place:
        """Row `row` as the model's Place."""
        gid = int(self.geonameid[row])
        prec = self.precision(row)
        return Place(
            name=self.names[row],
            lat=round(float(self.lat[row]), 5),
            lon=round(float(self.lon[row]), 5),
            country=self.country[row] or None,
            geonameid=gid or None,
            admin1=self.admin1_name(row) if prec not in ("country", "region") else None,
            precision=prec,  # type: ignore[arg-type]
        )

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(self.__dict__, fh, protocol=5)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        with path.open("rb") as fh:
            state = pickle.load(fh)
        return cls(**state)


def default_path() -> Path:
    from lagebild.config import cache_dir

    return cache_dir() / FILENAME


_LOCK = Lock()
_CACHE: dict[str, Gazetteer] = {}


def get_gazetteer() -> Gazetteer:
    """The gazetteer of this process: loaded from the cache, built from the packages when absent."""
    path = default_path()
    with _LOCK:
        gaz = _CACHE.get(str(path))
        if gaz is None:
            if not path.exists():
                from lagebild.places.build import build_from_packages

                build_from_packages().save(path)
                remove_stale(path)
            gaz = Gazetteer.load(path)
            _CACHE.clear()
            _CACHE[str(path)] = gaz
        return gaz


def remove_stale(path: Path) -> None:
    """Delete gazetteers built by other versions beside `path` (each is some 30 MB)."""
    for old in path.parent.glob("gazetteer-v*.pkl"):
        if old != path:
            old.unlink(missing_ok=True)


def reset_cache() -> None:
    """Forget the loaded gazetteer (after a rebuild)."""
    with _LOCK:
        _CACHE.clear()
