"""Country facts the export formats need: ISO alpha-3 and numeric codes, names, ACLED regions.

Codes come from pycountry; the short English names and the region of each country follow the
conventions of ACLED's data files (written down here by us, as ISO 3166 alpha-2 lists).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry

# Countries not (or not yet) in ISO 3166-1 that news and event data name anyway.
_EXTRA: dict[str, tuple[str, int | None, str]] = {"XK": ("XKX", None, "Kosovo")}

# Where pycountry's name is not the short name event data uses.
_SHORT_NAMES: dict[str, str] = {
    "BN": "Brunei",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "PS": "Palestine",
    "RU": "Russia",
    "SZ": "eSwatini",
    "TL": "East Timor",
    "TR": "Turkey",
    "VA": "Vatican City",
    "GM": "Gambia",
    "BS": "Bahamas",
}

_REGIONS: dict[str, str] = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MU YT RE RW SC SO SS SD TZ UG IO",
    "Southern Africa": "BW SZ LS MG MW MZ NA ZA ZM ZW",
    "Northern Africa": "DZ EG LY MA TN EH",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK MO JP KP KR MN TW",
    "Europe": (
        "AL AD AT BY BE BA BG HR CY CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV LI LT LU MT MD"
        " MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA AX"
    ),
    "North America": "US CA GL BM PM",
    "Central America": "MX BZ CR SV GT HN NI PA",
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF",
    "Antarctica": "AQ BV GS HM TF",
}
_REGION_OF: dict[str, str] = {code: region for region, codes in _REGIONS.items() for code in codes.split()}


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    alpha3: str
    numeric: int | None
    name: str
    region: str | None


@cache
def country(alpha2: str | None) -> Country | None:
    """What we know about the country with ISO 3166-1 alpha-2 code `alpha2`, or None."""
    if not alpha2:
        return None
    code = alpha2.strip().upper()
    if code in _EXTRA:
        alpha3, numeric, name = _EXTRA[code]
        return Country(code, alpha3, numeric, name, _REGION_OF.get(code))
    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if found is None:
        return None
    name = _SHORT_NAMES.get(code) or getattr(found, "common_name", None) or found.name
    return Country(code, found.alpha_3, int(found.numeric), name, _REGION_OF.get(code))


def alpha3(alpha2: str | None) -> str | None:
    c = country(alpha2)
    return c.alpha3 if c else None
