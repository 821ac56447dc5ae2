"""Toponym resolution: pick the place each name means, or none.

Each candidate starts from a prior (feature type, then population: a country before a big
city before a village) and gains from the document: the countries and regions the other
names resolve to (and the demonyms it uses), "X, Y" and "X in Y" where Y contains X, and
nearness to the other places. Two rounds let context settle; one name keeps one sense per
document. A name whose best candidate stays weak gets no place ("no match"), so a bad name
never drags the others with it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from lagebild.places.gazetteer import WATER_FEATURES, Gazetteer
from lagebild.places.hierarchy import hierarchy
from lagebild.places.langdata import LangHints
from lagebild.places.normalise import fold, name_key
from lagebild.places.spotter import Token

FEATURE_WEIGHT = {
    "PCLI": 1.0,
    "PCL": 1.0,
    "PCLD": 0.9,
    "PCLF": 0.9,
    "PCLS": 0.9,
    "TERR": 0.8,
    "CONT": 0.9,
    "RGN": 0.85,
    **dict.fromkeys(WATER_FEATURES, 0.85),
    "ADM1": 0.75,
    "PPLC": 0.9,
    "PPLA": 0.55,
    "ADM2": 0.25,
    "PPL": 0.3,
}
W_FEATURE, W_POP_DECADE = 0.6, 0.15
W_ADMIN2 = 0.3
W_ALIAS = 0.4  # a town named here only by an alternate name, where another bears it as its own
NEAR_KM = 200.0  # nearness decays over this distance
MAX_CANDIDATES = 40
# Below NO_MATCH the best reading of a name is too weak to trust, even when the caller says it
# is a place. A name we found ourselves must reach SPOT_MIN: a village of a few hundred people
# on its own does not, with its country or neighbours named around it, it does.
NO_MATCH = 0.6
SPOT_MIN = 1.0
SPOT_MIN_ONE_WORD = 1.32  # confidence 0.9: a one-word name of a town or district (api._doubt_lone_words)
W_COUNTRY, W_ADMIN1, W_PATTERN, W_NEAR, W_DEMONYM = 0.6, 0.5, 1.0, 0.35, 0.3
W_HINT = 1.0  # the document's country as the caller knows it (its source, its feed) counts as one name
# A town and a county of two names in one text that fit each other ("a Paris man ... Henry County
# court"): of all the Parises and Henry Counties, the pair that lies one in the other is meant.
W_PAIR = 1.0
# Names listed together are mostly of one kind ("Montana and Wyoming", "Missouri, New York and
# Virginia"): a state or country among states or countries gains this much.
W_SIBLING = 0.5
# A town written as local news writes of its own ("Paris police", "a Dublin man") lies, most
# likely, in the country the article's other places lie in: its candidates there gain this much
# times that country's share (Paris, Tennessee beside Henry County, not the French capital).
W_LOCAL = 0.6
# Nearness is measured to the places named closest in the text, at most this many on each side:
# they are the scene, and the cost per document stays linear in its length.
NEAR_WINDOW = 8
MAX_SALIENT = 24


@dataclass(slots=True)
class Mention:
    start: int  # characters
    end: int
    key: str  # folded text: repeated names share one sense
    rows: np.ndarray  # candidate rows, best prior first
    prior: np.ndarray
    containers: list[np.ndarray]  # rows of a "Y" that this name is placed in ("X, Y", "X in Y")
    container_codes: list[str]  # admin codes given by abbreviations ("Paris, Tex.")
    choice: int = -1  # index into rows; -1 = no match
    score: float = 0.0
    siblings: list[int] = field(default_factory=list)  # mentions listed with this one ("X, Y and Z")
    local: bool = False  # written as local news writes of its own town ("Paris police", "a Dublin man")
    listed: bool = False  # named with a plural region noun ("Barrow and Jackson counties")


@dataclass(frozen=True, slots=True)
class _Tables:
    """Per-row values of one gazetteer that every document needs, computed once per process:
    a mention then takes its candidates' values with one fancy index instead of a handful of
    numpy calls and a Python loop on a few rows each."""

    prior: np.ndarray
    lat: np.ndarray  # radians
    lon: np.ndarray
    areal: np.ndarray  # countries, continents and regions: no nearness bonus


_TABLES: dict[int, tuple[Gazetteer, _Tables]] = {}


def _tables(gaz: Gazetteer) -> _Tables:
    got = _TABLES.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    pop = np.minimum(np.log10(gaz.population.astype(np.float64) + 1.0), 7.0)
    feat = np.fromiter((FEATURE_WEIGHT.get(f, 0.25) for f in gaz.feature), float, len(gaz.feature))
    areal = np.fromiter((f in _AREAL for f in gaz.feature), bool, len(gaz.feature))
    lat, lon = np.radians(gaz.lat.astype(np.float64)), np.radians(gaz.lon.astype(np.float64))
    tables = _Tables(W_FEATURE * feat + W_POP_DECADE * pop, lat, lon, areal)
    _TABLES.clear()  # one gazetteer per process; a rebuilt one replaces it
    _TABLES[id(gaz)] = (gaz, tables)
    return tables


def priors(gaz: Gazetteer, rows: np.ndarray) -> np.ndarray:
    """Context-free odds of each candidate: its kind of feature, then its size in orders of magnitude."""
    return _tables(gaz).prior[rows]


def alias_only(gaz: Gazetteer, rows: np.ndarray, key: str) -> np.ndarray:
    """1.0 for the towns and districts that bear `key` only as an alternate name while another
    candidate bears it as its own: "Philadelphia" is the US city before Amman's ancient name,
    "Richmond" the town before Richmond County, "Cancun" Cancún before a romanisation of Changchun.
    Countries and first-level regions keep their many names (exonyms are how they are written)."""
    out = np.zeros(len(rows))
    if len(rows) < 2:
        return out
    names, feature = gaz.names, gaz.feature
    own = [_own_key(names[r]) == key for r in rows.tolist()]
    if not any(own):
        return out
    words = set(key.split())
    for k, r in enumerate(rows.tolist()):
        if own[k] or feature[r] in _KEEP_ALIASES:
            continue
        # A district named without its noun is penalised ("Richmond" for Richmond County); a
        # town only when its own name shares no word with this one: "St. Louis" for Saint Louis
        # and "Washington" for Washington, D.C. are spellings of the same name, not another's.
        if feature[r] in ("ADM2", "ADM3", "ADMD") or not words & set(_own_key(names[r]).split()):
            out[k] = 1.0
    return out


@lru_cache(maxsize=100_000)
def _own_key(name: str) -> str:
    """name_key of a place's own name, kept: the same few thousand names recur in every text."""
    return name_key(name)


_KEEP_ALIASES = (
    frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "TERR", "CONT", "RGN", "ADM1"}) | WATER_FEATURES
)


def make_mention(gaz: Gazetteer, start: int, end: int, key: str, rows: np.ndarray) -> Mention:
    p = priors(gaz, rows) - W_ALIAS * alias_only(gaz, rows, key)
    order = np.argsort(-p, kind="stable")[:MAX_CANDIDATES]
    return Mention(start, end, key, rows[order], p[order], [], [])


def demonym_target(word: str, h: LangHints) -> str | None:
    """What a demonym stands for ("kasachischen" -> "KZ", "europeans" -> "Europe"), else None."""
    if len(word) < 4:
        return None
    for n in range(len(word), 3, -1):
        target = h.demonyms.get(word[:n])
        if target:
            return target
    return None


def demonym_countries(toks: list[Token], h: LangHints) -> dict[str, float]:
    """Countries that demonyms in the text point to ("kasachischen" -> KZ), as counts."""
    if not h.demonyms:
        return {}
    heads = {k[:4] for k in h.demonyms}
    out: dict[str, float] = {}
    for t in toks:
        if len(t.key) < 4 or t.key[:4] not in heads:
            continue
        cc = demonym_target(t.key, h)
        if cc and len(cc) == 2:
            out[cc] = out.get(cc, 0.0) + 1.0
    return out


def link_containers(text: str, mentions: list[Mention], h: LangHints, gaz: Gazetteer) -> None:
    """Record "X, Y", "X (Y)" and "X in Y": Y is where X lies; and "X, Y and Z": X, Y, Z are listed."""
    for i, (a, b) in enumerate(itertools.pairwise(mentions)):
        gap = text[a.end : b.start]
        g = gap.strip().lower()
        if g in (",", "(", "in", "im", "в", "à", "en", "-") or (g and g in h.prepositions and len(gap) < 6):
            a.containers.append(b.rows)
        if g in _LIST_SIGNS or (g.lstrip(",").strip() in h.list_words and len(gap) < 8):
            a.siblings.append(i + 1)
            b.siblings.append(i)
    if h.local_after or h.local_before:
        for m in mentions:
            after = _WORDS.findall(text[m.end : m.end + 20])[:1]
            before = " ".join(_WORDS.findall(text[max(0, m.start - 20) : m.start])[-2:])
            m.local = bool(after and fold(after[0]) in h.local_after) or fold(before) in h.local_before
    if h.region_abbreviations:
        for m in mentions:
            tail = text[m.end : m.end + 12]
            if tail.startswith(", "):
                word = tail[2:].split(" ")[0].rstrip(".,;:)").replace(".", " ").strip().lower()
                code = h.region_abbreviations.get(word)
                if code:
                    m.container_codes.append(code)


_LIST_SIGNS = frozenset({",", "&", "/"})


def _inside(gaz: Gazetteer, row: int, container_rows: np.ndarray) -> bool:
    for c in container_rows[:MAX_CANDIDATES].tolist():
        feat = gaz.feature[c]
        if feat.startswith("PCL") and gaz.country[c] == gaz.country[row] and c != row:
            return True
        if feat == "ADM1" and gaz.admin1[c] and gaz.admin1[c] == gaz.admin1[row] and c != row:
            return True
        if feat == "ADM2" and gaz.admin2[c] and gaz.admin2[c] == gaz.admin2[row] and c != row:
            return True
    return False


def county_pairs(gaz: Gazetteer, mentions: list[Mention]) -> list[np.ndarray]:
    """Per mention, 1.0 for each candidate that is a town in a county some other name of the text
    may be, or a county that holds a town some other name may be (either reading, not the
    chosen one: the pair is the evidence for both). A county counts only where it is written
    with its own name ("Henry County"): "Richmond" alone is a town far more often."""
    feature, admin2 = gaz.feature, gaz.admin2
    county_keys: dict[str, set[str]] = {}
    for m in mentions:
        for r in m.rows.tolist():
            if feature[r] == "ADM2" and admin2[r] and _own_key(gaz.names[r]) == m.key:
                county_keys.setdefault(admin2[r], set()).add(m.key)
    out = [np.zeros(len(m.rows)) for m in mentions]
    if not county_keys:
        return out  # most texts name no county: nothing to pair
    town_keys: dict[str, set[str]] = {}
    for m, flags in zip(mentions, out, strict=True):
        for k, r in enumerate(m.rows.tolist()):
            a2 = admin2[r]
            if a2 in county_keys and feature[r].startswith("PPL"):
                town_keys.setdefault(a2, set()).add(m.key)
                if county_keys[a2] - {m.key}:
                    flags[k] = 1.0
    for m, flags in zip(mentions, out, strict=True):
        for k, r in enumerate(m.rows.tolist()):
            a2 = admin2[r]
            if (
                a2 in town_keys
                and feature[r] == "ADM2"
                and m.key in county_keys[a2]
                and town_keys[a2] - {m.key}
            ):
                flags[k] = 1.0
    return out


def _score_all(
    gaz: Gazetteer,
    mentions: list[Mention],
    demonyms: dict[str, float],
    first: bool,
    pairs: list[np.ndarray] | None = None,
) -> None:
    """One round: score every candidate of every mention against the others' current choices."""
    countries: dict[str, float] = {}
    admins: dict[str, float] = {}
    points: list[tuple[int, float, float]] = []
    seen_keys: set[str] = set()
    for i, m in enumerate(mentions):
        if m.choice < 0 or first:
            continue
        r = int(m.rows[m.choice])
        if m.key not in seen_keys:  # a name said five times is still one piece of evidence
            seen_keys.add(m.key)
            cc = gaz.country[r]
            if cc:
                countries[cc] = countries.get(cc, 0.0) + 1.0
            if gaz.admin1[r]:
                admins[gaz.admin1[r]] = admins.get(gaz.admin1[r], 0.0) + 1.0
            if gaz.admin2[r]:
                admins[gaz.admin2[r]] = admins.get(gaz.admin2[r], 0.0) + 1.0
        if gaz.feature[r] not in _AREAL:
            points.append((i, float(gaz.lat[r]), float(gaz.lon[r])))
    for cc, n in demonyms.items():
        countries[cc] = countries.get(cc, 0.0) + W_DEMONYM * n
    total_c = sum(countries.values())
    pts = np.asarray([(p[1], p[2]) for p in points], dtype=np.float64).reshape(-1, 2)
    pt_owner = np.asarray([p[0] for p in points], dtype=np.int64)
    salient = salient_points(mentions, points)
    for i, m in enumerate(mentions):
        own = int(m.rows[m.choice]) if m.choice >= 0 and not first else -1
        own_cc = gaz.country[own] if own >= 0 else ""
        own_a1 = gaz.admin1[own] if own >= 0 else ""
        own_a2 = gaz.admin2[own] if own >= 0 else ""
        near = _near_bonus(gaz, m.rows, nearby_points(pts, pt_owner, i, salient))
        if pairs is not None:
            near = near + W_PAIR * pairs[i]
        country_name = gaz.feature[int(m.rows[0])] in _COUNTRY_LEVEL
        sib_kinds = _sibling_kinds(gaz, mentions, m) if m.siblings and not first else ()
        best, best_s = -1, -1.0
        for k, r in enumerate(m.rows.tolist()):
            feat = gaz.feature[r]
            a2 = gaz.admin2[r]
            local = a2 and admins.get(a2, 0.0) - (1.0 if a2 == own_a2 else 0.0) > 0
            if country_name and (feat.startswith("PPL") or feat == "ADM2") and not local:
                # "China" beside Houston is still the country, not China, Texas: a namesake town
                # of a country takes its name only where the text places it ("Mexico, Mo.") or
                # names its county or a neighbour in it (local news of Lebanon, Pennsylvania).
                s = float(m.prior[k]) + _pattern_bonus(gaz, r, m)
                if s > best_s:
                    best, best_s = k, s
                continue
            s = float(m.prior[k]) + float(near[k])
            cc = gaz.country[r]
            if total_c and cc:
                support = countries.get(cc, 0.0) - (1.0 if cc == own_cc else 0.0)
                denom = total_c - (1.0 if own_cc else 0.0)
                if denom > 0 and support > 0:
                    local = m.local and feat.startswith("PPL") and _own_key(gaz.names[r]) == m.key
                    s += (W_COUNTRY + (W_LOCAL if local else 0.0)) * support / denom
            a1 = gaz.admin1[r]
            if a1 and admins.get(a1, 0.0) - (1.0 if a1 == own_a1 else 0.0) > 0:
                s += W_ADMIN1
            a2 = gaz.admin2[r]
            if a2 and admins.get(a2, 0.0) - (1.0 if a2 == own_a2 else 0.0) > 0:
                s += W_ADMIN2
            if feat in _COUNTRY_LEVEL and countries.get(cc, 0.0) - (1.0 if cc == own_cc else 0.0) > 0:
                s += W_ADMIN1 + W_NEAR  # a country is "near" and "the same region" as its own towns
            elif feat == "ADM1" and a1 and admins.get(a1, 0.0) - (1.0 if a1 == own_a1 else 0.0) > 0:
                s += W_NEAR
            if sib_kinds and _kind(feat) in sib_kinds:
                s += W_SIBLING
            if m.containers or m.container_codes:
                s += _pattern_bonus(gaz, r, m)
            if s > best_s:
                best, best_s = k, s
        m.choice, m.score = best, best_s


def _kind(feature: str) -> str:
    """The kinds of place a list holds together: countries, first-level regions."""
    if feature in _COUNTRY_LEVEL:
        return "country"
    return "admin1" if feature == "ADM1" else ""


def _sibling_kinds(gaz: Gazetteer, mentions: list[Mention], m: Mention) -> set[str]:
    kinds = set()
    for j in m.siblings:
        o = mentions[j]
        if o.choice >= 0 and o.key != m.key:
            kinds.add(_kind(gaz.feature[int(o.rows[o.choice])]))
    kinds.discard("")
    return kinds


def _pattern_bonus(gaz: Gazetteer, row: int, m: Mention) -> float:
    """What "X, Y", "X in Y" and "X, Tex." give candidate `row` of mention `m`."""
    s = 0.0
    if any(_inside(gaz, row, c) for c in m.containers):
        s += W_PATTERN
    if m.container_codes and gaz.admin1[row] in m.container_codes:
        s += W_PATTERN
    return s


_AREAL = frozenset({"PCLI", "CONT", "RGN"}) | WATER_FEATURES
_COUNTRY_LEVEL = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "TERR"})


@dataclass(slots=True)
class Salient:
    """The places a document names most often (its setting), as points, with their owners."""

    pts: np.ndarray  # (k, 2) lat, lon
    owner: np.ndarray  # the single mention a point came from, -1 where several mentions gave it


def salient_points(mentions: list[Mention], points: list[tuple[int, float, float]]) -> Salient:
    """The MAX_SALIENT places named most often, ties by first mention: every name is measured
    against them, however far in the text, and the number of pairs stays linear."""
    seen: dict[tuple[float, float], list[int]] = {}
    for i, lat, lon in points:
        seen.setdefault((lat, lon), []).append(i)
    top = sorted(seen.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))[:MAX_SALIENT]
    pts = np.asarray([k for k, _ in top], dtype=np.float64).reshape(-1, 2)
    owner = np.asarray([v[0] if len(v) == 1 else -1 for _, v in top], dtype=np.int64)
    return Salient(pts, owner)


def nearby_points(
    pts: np.ndarray, owner: np.ndarray, i: int, salient: Salient | None = None, window: int = NEAR_WINDOW
) -> np.ndarray:
    """Points to measure mention i against: the mentions within `window` places of it in the
    text and the document's salient places, never its own point.

    `owner` is sorted (points are collected in mention order), so this is two binary searches."""
    if salient is not None and len(owner) <= 2 * window + len(salient.pts):
        return pts[owner != i]  # few places: all of them, as cheap as the bound
    lo = int(np.searchsorted(owner, i - window, side="left"))
    hi = int(np.searchsorted(owner, i + window, side="right"))
    near = pts[lo:hi][owner[lo:hi] != i]
    if salient is None or not len(salient.pts):
        return near
    return np.concatenate([near, salient.pts[salient.owner != i]])


def _near_bonus(gaz: Gazetteer, rows: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Bonus for candidates near the other resolved places (none for countries and regions)."""
    if not len(pts):
        return np.zeros(len(rows))
    t = _tables(gaz)
    lat, lon = t.lat[rows][:, None], t.lon[rows][:, None]
    plat, plon = np.radians(pts[:, 0])[None, :], np.radians(pts[:, 1])[None, :]
    x = (plon - lon) * np.cos((lat + plat) / 2)
    d = 6371.0 * np.sqrt(x * x + (plat - lat) ** 2).min(axis=1)
    bonus = W_NEAR * np.exp(-d / NEAR_KM)
    bonus[t.areal[rows]] = 0.0
    return bonus


def resolve_mentions(
    text: str,
    mentions: list[Mention],
    gaz: Gazetteer,
    toks: list[Token],
    h: LangHints,
    min_score: float = NO_MATCH,
    country: str | None = None,
) -> None:
    """Set .choice and .score of every mention in place.

    `country` (ISO2) is the document's country where the caller knows it from outside the text."""
    if not mentions:
        return
    link_containers(text, mentions, h, gaz)
    demonyms = demonym_countries(toks, h)
    if country:
        demonyms[country.upper()] = demonyms.get(country.upper(), 0.0) + W_HINT / W_DEMONYM
    pairs = county_pairs(gaz, mentions)
    _score_all(gaz, mentions, demonyms, first=True, pairs=pairs)
    _score_all(gaz, mentions, demonyms, first=False, pairs=pairs)
    _score_all(gaz, mentions, demonyms, first=False, pairs=pairs)
    # One sense per document: every mention of a name takes its most confident reading.
    best_by_key: dict[str, tuple[float, int]] = {}
    for m in mentions:
        r = int(m.rows[m.choice])
        if m.key not in best_by_key or m.score > best_by_key[m.key][0]:
            best_by_key[m.key] = (m.score, r)
    for m in mentions:
        score, r = best_by_key[m.key]
        idx = np.flatnonzero(m.rows == r)
        if len(idx):
            m.choice, m.score = int(idx[0]), score
        if m.score < min_score:
            m.choice = -1
    _cities_for_namesake_regions(text, mentions, gaz, h)


def settle_inner(gaz: Gazetteer, inner: list[Mention], resolved: list[Mention]) -> list[bool]:
    """Choose for each mention in `inner` by its prior and the countries and regions the
    `resolved` mentions chose, without adding to their evidence. Only a country, or a place in
    a country the others lie in, is taken ("St. Michael's Hospital" in Toronto is not in the
    parish of Barbados); for each mention, whether one was."""
    countries: set[str] = set()
    admins: set[str] = set()
    for m in resolved:
        if m.choice >= 0:
            r = int(m.rows[m.choice])
            countries.add(gaz.country[r])
            admins.add(gaz.admin1[r])
    countries.discard("")
    admins.discard("")
    settled = []
    for m in inner:
        best, best_s = -1, NO_MATCH
        for k, r in enumerate(m.rows.tolist()):
            home = gaz.country[r] in countries
            if not (home or gaz.feature[r] in _COUNTRY_LEVEL):
                continue
            s = float(m.prior[k]) + W_COUNTRY * home + W_ADMIN1 * (gaz.admin1[r] in admins)
            if s >= best_s:
                best, best_s = k, s
        m.choice, m.score = best, best_s
        settled.append(best >= 0)
    return settled


def _cities_for_namesake_regions(text: str, mentions: list[Mention], gaz: Gazetteer, h: LangHints) -> None:
    """A region named after the city that dominates it is read as the city ("Khartoum",
    "Valparaíso": the region's centre may even lie at sea), unless a region word stands next
    to the name ("Valparaíso Region", "محافظة الخرطوم") or the name places another ("X, Khartoum")."""
    links = hierarchy(gaz)
    containers = {id(c) for m in mentions for c in m.containers}
    for m in mentions:
        if m.choice < 0:
            continue
        r = int(m.rows[m.choice])
        seat = links.seat(r)
        if seat is None or _region_word_beside(text, m, h):
            continue
        if id(m.rows) in containers:
            continue
        rows = m.rows.copy()
        rows[m.choice] = seat
        m.rows = rows


def _region_word_beside(text: str, m: Mention, h: LangHints) -> bool:
    """A region word next to the name, or in it ("New York State" names the state)."""
    before = _WORDS.findall(text[max(0, m.start - 30) : m.start])
    after = _WORDS.findall(text[m.end : m.end + 30])
    within = _WORDS.findall(text[m.start : m.end])[1:]
    if before and fold(before[-1]) in h.part_words:
        return True  # "central Washington", "eastern Kentucky": a part of the region
    return any(fold(w) in h.region_words for w in before[-2:] + after[:1] + within)


_WORDS = re.compile(r"\w+")


def confidence(m: Mention) -> float:
    """Resolution confidence in 0..1 from the winning score (prior plus context)."""
    if m.choice < 0:
        return 0.0
    return round(min(1.0, max(0.0, (m.score - NO_MATCH) / 1.2 + 0.3)), 3)
