"""Build first_names.txt, the given names lagebild.actors.names recognises persons by.

Derived from the given-name lists of the `Faker` package (PyPI, MIT licence): per locale, the
first names its person provider draws from, which its authors compiled from public name
statistics. Only the names are kept: no surname, no count, no person. A name is kept when one of
the LOCALES below (the countries whose news our languages read) lists it and it is written in a
script our languages use. Rerun in any environment with Faker installed:

    pip install faker && python src/lagebild/actors/data/build_first_names.py

It also builds surnames.txt from the same locales' surname lists, less the surnames that German
writes as common nouns ("Koch", "Bauer", "Richter"): a capital says nothing about those. The
German nouns come from the `german-nouns` package (PyPI, Wiktionary data, CC BY-SA 4.0), used at
build time as a filter only: no word of it is kept that Faker's lists do not hold. Without it
installed the surnames are written unfiltered (and a warning says so):

    pip install faker german-nouns && python src/lagebild/actors/data/build_first_names.py

lagebild itself never imports Faker or german-nouns. (The list was first derived from `names-dataset`, whose code
is Apache-2.0 but whose data comes from a leaked dump of social-network profiles, with no licence
of its own: replaced.)
"""

from __future__ import annotations

import csv
import importlib
import importlib.util
import unicodedata
from pathlib import Path

# Faker locales for the countries our languages cover (those without a given-name list are skipped).
LOCALES = (
    "en en_GB en_IE en_IN en_KE en_NG en_NZ en_PK en_US ga_IE de_AT de_CH de_DE de_LI de_LU "
    "fr_BE fr_CA fr_CH fr_DZ fr_FR es_AR es_CL es_CO es_ES es_MX ru_RU uk_UA ar_AA ar_DZ fa_IR "
    "tr_TR pt_BR pt_PT it_IT pl_PL nl_BE nl_NL sv_SE ro_RO hu_HU az_AZ hy_AM ka_GE he_IL sw tw_GH "
    "yo_NG bg_BG cs_CZ sk_SK hr_HR sl_SI el_GR"
).split()
_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
_SCRIPTS = ("LATIN", "CYRILLIC", "ARABIC")


def _names(locale: str, attributes: tuple[str, ...] = _ATTRIBUTES) -> set[str]:
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    out: set[str] = set()
    for attribute in attributes:
        value = provider.__dict__.get(attribute)  # class data only, not inherited or computed
        if isinstance(value, dict):
            out.update(value)
        elif isinstance(value, list | tuple):
            out.update(value)
    return out


def _usable(name: str) -> bool:
    """A single given name (no "Anna-Lena Maria"), three letters or more, in one of our scripts."""
    return (
        len(name) >= 3
        and name.isalpha()
        and name[:1].isupper()
        and all(unicodedata.name(ch, "").split(" ")[0] in _SCRIPTS for ch in name)
    )


def _german_common_nouns() -> set[str]:
    """Every form of the German nouns that are not names (no surname, given name or place)."""
    spec = importlib.util.find_spec("german_nouns")
    if spec is None or not spec.submodule_search_locations:
        print("warning: german-nouns is not installed: surnames are not filtered")
        return set()
    path = Path(next(iter(spec.submodule_search_locations))) / "nouns.csv"
    out: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        rows = csv.reader(fh)
        next(rows)
        for row in rows:
            if not any(p in row[1] for p in ("Nachname", "Eigenname", "Vorname", "Toponym")):
                out.update(x for x in row[7:] if x)
                out.add(row[0])
    return out


def _write(name: str, what: str, names: list[str]) -> None:
    out = Path(__file__).with_name(name)
    header = f"# {what} for lagebild.actors.names; built by build_first_names.py from Faker (MIT).\n"
    out.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {out}")


def _locales() -> list[str]:
    return [loc for loc in LOCALES if importlib.util.find_spec(f"faker.providers.person.{loc}") is not None]


def main() -> None:
    locales = _locales()
    _write(
        "first_names.txt", "Given names", sorted({n for loc in locales for n in _names(loc) if _usable(n)})
    )
    nouns = _german_common_nouns()
    last = {n for loc in locales for n in _names(loc, ("last_names",)) if _usable(n)}
    _write("surnames.txt", "Surnames", sorted(last - nouns))


if __name__ == "__main__":
    main()
