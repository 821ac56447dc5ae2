"""Links between gazetteer rows that the flat index does not hold: a region's namesake city
and a country's capital.

Both are derived from the loaded gazetteer when first asked for rather than stored in the
index, so the index format stays as it is and loading stays fast.
"""

from __future__ import annotations

from threading import Lock

from lagebild.places.gazetteer import Gazetteer
from lagebild.places.normalise import name_key

# A region is read as its namesake city only where the city holds this share of its people:
# Khartoum (40%), Valparaíso (17%) are meant as cities; Quebec (5%) mostly as the province.
SEAT_SHARE = 0.1
# Words that GeoNames appends to region names ("Almaty Qalasy", "Rostov Oblast").
_ADMIN_SUFFIXES = frozenset(
    "province region oblast oblysy qalasy governorate state county department prefecture district "
    "municipality city krai kray".split()
)


class Hierarchy:
    """Seats looked up when asked (a document needs a handful), capitals found once."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.capital = _capitals(gaz)  # ISO2 -> row of the country's capital
        self._seat: dict[int, int | None] = {}

    def seat(self, row: int) -> int | None:
        """The namesake city of ADM1/ADM2 region `row` that holds SEAT_SHARE of its people, else None."""
        if row not in self._seat:
            self._seat[row] = _seat(self.gaz, row)
        return self._seat[row]


_LOCK = Lock()
_CACHE: dict[int, Hierarchy] = {}


def hierarchy(gaz: Gazetteer) -> Hierarchy:
    """The seat and capital links of `gaz`, made on first use."""
    with _LOCK:
        got = _CACHE.get(id(gaz))
        if got is None:
            got = Hierarchy(gaz)
            _CACHE.clear()
            _CACHE[id(gaz)] = got
        return got


def _bare(name: str) -> str:
    words = name_key(name).split(" ")
    while len(words) > 1 and words[-1] in _ADMIN_SUFFIXES:
        words.pop()
    return " ".join(words)


def _seat(gaz: Gazetteer, adm: int) -> int | None:
    feature = gaz.feature[adm]
    if feature not in ("ADM1", "ADM2"):
        return None
    level = gaz.admin1 if feature == "ADM1" else gaz.admin2
    code = level[adm]
    if not code:
        return None
    best, best_pop = None, -1
    for r in gaz.rows(_bare(gaz.names[adm])).tolist():
        if r == adm or not gaz.feature[r].startswith("PPL"):
            continue
        # Inside the region, or (a first-level region) beside it: a city made a region of its own
        # keeps the old region's name ("Almaty" city and Almaty oblysy around it), and so does
        # the capital ("Washington"). A town of another region is no seat: Wyoming, Michigan is
        # not what "Wyoming" means.
        inside = level[r] == code
        beside = gaz.feature[r] == "PPLC" or _city_region(gaz, r)
        if inside or (feature == "ADM1" and gaz.country[r] == gaz.country[adm] and beside):
            pop = int(gaz.population[r])
            if pop > best_pop:
                best, best_pop = r, pop
    return best if best is not None and best_pop >= SEAT_SHARE * int(gaz.population[adm]) else None


def _city_region(gaz: Gazetteer, city: int) -> bool:
    """Whether the city is a first-level region of its own ("Almaty Qalasy" holds Almaty)."""
    region = gaz.admin_rows.get(gaz.admin1[city]) if gaz.admin1[city] else None
    return region is not None and _bare(gaz.names[region]) == name_key(gaz.names[city])


def _capitals(gaz: Gazetteer) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in (i for i, f in enumerate(gaz.feature) if f == "PPLC"):
        cc = gaz.country[r]
        if cc and (cc not in out or gaz.population[r] > gaz.population[out[cc]]):
            out[cc] = r
    return out
