"""The curated actor data: consistent ids, ISO dates, known codes; every language module well-formed."""

from __future__ import annotations

import itertools
import re
from importlib import resources

import pycountry
import pytest

from lagebild.actors.lexicon import _data_rows, group_rows, igo_names, persons, tenures
from lagebild.lang import LANGUAGES, load

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _sector_codes() -> set[str]:
    doc = (resources.files("lagebild.actors") / "data" / "SECTORS.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| ([A-Z]{3}) \|", doc, flags=re.M))


def _country(code: str) -> bool:
    return code == "XK" or pycountry.countries.get(alpha_2=code) is not None


def test_every_office_belongs_to_a_known_person_and_has_valid_fields() -> None:
    sectors, igos, people = _sector_codes(), set(igo_names()), persons()
    assert {"GOV", "MIL", "COP", "REB", "CVL", "PKO"} <= sectors
    for row in _data_rows("offices.tsv"):
        assert row["person"] in people, row
        assert row["sector"] in sectors, row
        assert not (row["country"] and row["igo"]), f"an office is a country's or an IGO's: {row}"
        assert not row["igo"] or row["igo"] in igos, row
        assert not row["country"] or _country(row["country"]), row
        assert ISO_DAY.match(row["from"]) and (not row["to"] or ISO_DAY.match(row["to"])), row
        assert not row["to"] or row["from"] < row["to"], row


def test_terms_of_the_same_office_do_not_overlap() -> None:
    # Two offices at once are real (Qatar's prime minister is also its foreign minister);
    # two overlapping terms of one office are a data error.
    for pid, offices in tenures().items():
        for a, b in itertools.combinations(offices, 2):
            if (a.role, a.country, a.igo) == (b.role, b.country, b.igo):
                assert a.end and a.end <= b.start, (pid, a, b)


def test_persons_and_groups_have_valid_countries_and_sectors() -> None:
    sectors = _sector_codes()
    for p in persons().values():
        assert p.country is None or _country(p.country), p
    for row in group_rows().values():
        assert not row["country"] or _country(row["country"]), row
        assert row["sector"] in sectors, row


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_modules_use_known_codes(lang: str) -> None:
    mod = load(lang, "actors")
    if mod is None:
        pytest.skip(f"{lang} has no actors module")
    sectors = _sector_codes()
    assert {code.partition("/")[0] for code in getattr(mod, "SECTORS", {}).values()} <= sectors
    assert {s for _, s in getattr(mod, "ROLES", {}).values()} <= sectors
    for code in [*getattr(mod, "DEMONYMS", {}), *getattr(mod, "COUNTRY_ALIASES", {})]:
        assert _country(code), (lang, code)
