"""Build first_names.txt, the given names lagebild.actors.names recognises persons by.

Derived from the given-name lists of the `Faker` package (PyPI, MIT licence): per locale, the
first names its person provider draws from, which its authors compiled from public name
statistics. Only the names are kept: no surname, no count, no person. A name is kept when one of
the LOCALES below (the countries whose news our languages read) lists it and it is written in a
script our languages use. Rerun in any environment with Faker installed:

    pip install faker && python src/lagebild/actors/data/build_first_names.py

lagebild itself never imports Faker. (The list was first derived from `names-dataset`, whose code
is Apache-2.0 but whose data comes from a leaked dump of social-network profiles, with no licence
of its own: replaced.)
"""

from __future__ import annotations

import importlib
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


def _names(locale: str) -> set[str]:
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    out: set[str] = set()
    for attribute in _ATTRIBUTES:
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


def main() -> None:
    keep = sorted({n for locale in LOCALES for n in _names(locale) if _usable(n)})
    out = Path(__file__).with_name("first_names.txt")
    header = "# Given names for lagebild.actors.names; built by build_first_names.py from Faker (MIT).\n"
    out.write_text(header + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} names -> {out}")


if __name__ == "__main__":
    main()
