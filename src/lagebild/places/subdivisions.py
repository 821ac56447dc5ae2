"""Reference points of first-level regions from the ISO 3166-2 data of the `iso3166-2` package (MIT).

A region's point is where a reader of "Ontario" or "Virginia" would put a pin: near the middle of
its land. The middle of the box of a region's towns (what the build falls back on) drifts to where
the towns crowd (Ontario's lie along its southern edge), so a region whose ISO code has a point
here takes that point instead. The package's JSON is read as a file, without importing the
package (its import pulls in a web client the build does not need).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import metadata

from lagebild.places.normalise import name_key


@dataclass(frozen=True, slots=True)
class IsoRegion:
    lat: float
    lon: float
    names: tuple[str, ...]  # other names of the region that contain its own ("New York State")


def data_version() -> str:
    """Version of the installed iso3166-2 package ("" when it is absent): part of the build id."""
    try:
        return metadata.version("iso3166-2")
    except metadata.PackageNotFoundError:
        return ""


@cache
def iso_regions() -> dict[str, IsoRegion]:
    """ISO 3166-2 code ("US-NY") -> its point and longer names; empty when the package is absent."""
    try:
        path = metadata.distribution("iso3166-2").locate_file("iso3166_2/iso3166-2.json")
    except metadata.PackageNotFoundError:
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, IsoRegion] = {}
    for regions in data.values():
        for code, r in regions.items():
            lat_lon = r.get("latLng") or ()
            if len(lat_lon) != 2:
                continue
            out[code] = IsoRegion(float(lat_lon[0]), float(lat_lon[1]), _longer_names(r))
    return out


def _longer_names(r: dict) -> tuple[str, ...]:
    """The region's other names that hold its own name as whole words ("New York State",
    "Free State of Bavaria"): nicknames ("The Empire State") would be taken for places in text."""
    own = name_key(r.get("name") or "")
    if not own:
        return ()
    names = []
    for part in (r.get("localOtherName") or "").split(", "):
        name = part.rsplit(" (", 1)[0].strip()
        key = name_key(name)
        if key != own and f" {own} " in f" {key} ":
            names.append(name)
    return tuple(names)
