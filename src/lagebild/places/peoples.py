"""Names of the people of a first-level region, made from its name by the language's rules
("Ontario" -> "Ontarians", "Texas" -> "Texans", "Minnesota" -> "Minnesotans").

Country demonyms are listed by hand per language (lang/<code>/places.py); regions are too many
for that, and their people are named by a few regular endings. Made once per gazetteer and
language, when first asked for.
"""

from __future__ import annotations

from lagebild.places.gazetteer import Gazetteer
from lagebild.places.langdata import LangHints
from lagebild.places.normalise import name_key

MIN_NAME = 5  # letters: shorter names make forms that are ordinary words


def region_of_people(gaz: Gazetteer, key: str, h: LangHints) -> int | None:
    """Row of the first-level region whose people `key` names ("ontarians"), else None."""
    if not h.people_endings:
        return None
    got = _TABLES.get((id(gaz), h.people_endings))
    if got is None or got[0] is not gaz:
        got = (gaz, _table(gaz, h.people_endings))
        _TABLES[(id(gaz), h.people_endings)] = got
    return got[1].get(key)


_TABLES: dict[tuple[int, tuple[tuple[str, str], ...]], tuple[Gazetteer, dict[str, int]]] = {}


def _table(gaz: Gazetteer, endings: tuple[tuple[str, str], ...]) -> dict[str, int]:
    out: dict[str, int] = {}
    best: dict[str, int] = {}
    for row in gaz.admin_rows.values():
        if gaz.feature[row] != "ADM1":
            continue
        name = name_key(gaz.names[row])
        if " " in name or len(name) < MIN_NAME:
            continue
        pop = int(gaz.population[row])
        for drop, add in endings:
            if drop and not name.endswith(drop):
                continue
            form = name[: len(name) - len(drop)] + add
            if form not in best or pop > best[form]:
                best[form], out[form] = pop, row
    return out
