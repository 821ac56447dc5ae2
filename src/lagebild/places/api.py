"""The public functions of lagebild.places; the event pipeline calls these."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from lagebild.model import Place
from lagebild.places.capital import capital_mentions
from lagebild.places.gazetteer import WATER_FEATURES, get_gazetteer
from lagebild.places.langdata import hints
from lagebild.places.normalise import fold, name_key
from lagebild.places.peoples import region_of_people
from lagebild.places.resolver import (
    NO_MATCH,
    SPOT_MIN,
    SPOT_MIN_ONE_WORD,
    Mention,
    confidence,
    demonym_target,
    make_mention,
    priors,
    resolve_mentions,
    settle_inner,
)
from lagebild.places.spotter import (
    Match,
    char_span,
    find_matches,
    guess_lang,
    listed_before_plural,
    spot_matches,
    tokenize,
)


@dataclass(slots=True)
class PlaceMention:
    """A place name in a text and what it was resolved to (place None = no match)."""

    start: int
    end: int
    text: str
    place: Place | None
    feature: str  # GeoNames feature code of the resolved place, e.g. "PPLC", "PPL", "ADM1", "PCLI", "RGN"
    population: int
    score: float  # resolution confidence 0..1


def _to_mentions(gaz, text: str, mentions: list[Mention]) -> list[PlaceMention]:
    out = []
    for m in mentions:
        if m.choice >= 0:
            r = int(m.rows[m.choice])
            place, feature, pop = gaz.place(r), gaz.feature[r], int(gaz.population[r])
        else:
            place, feature, pop = None, "", 0
        out.append(PlaceMention(m.start, m.end, text[m.start : m.end], place, feature, pop, confidence(m)))
    return out


def _match_mentions(gaz, text: str, toks, matches: list[Match]) -> list[Mention]:
    out = []
    for m in matches:
        start, end = char_span(text, toks, m)
        mention = make_mention(gaz, start, end, " ".join(t.key for t in toks[m.start : m.end]), m.rows)
        mention.listed = m.listed
        out.append(mention)
    return out


def spot(text: str, lang: str | None = None, demonyms: bool = False) -> list[tuple[int, int]]:
    """Recognition only: the character spans of the place names in `text`.

    These are the spans geoparse() returns: a name that no place fits well enough is not
    taken for a place name (the resolver is the last filter of recognition)."""
    return [(m.start, m.end) for m in geoparse(text, lang, demonyms, capitals=False)]


def geoparse(
    text: str,
    lang: str | None = None,
    demonyms: bool = False,
    capitals: bool = True,
    country: str | None = None,
) -> list[PlaceMention]:
    """Spot and resolve the place names of a whole document.

    A gazetteer name that no place fits well enough is dropped (most are people's names); a
    name recognised by its form alone ("Main Street", "Neches River") is placed in the town
    the document is most about, at low confidence, or kept with place None.
    With `demonyms`, "Russian" and the like come back as mentions of their country (some
    gold corpora count them); by default they are only context.
    With `capitals`, "the capital", "die Hauptstadt", "العاصمة" come back as mentions of the
    capital of the country in context (see lagebild.places.capital); gold corpora of toponyms
    do not count these common nouns. `country` (ISO2) is the document's country where the
    caller knows it from outside the text (its source): candidates there are preferred.
    """
    gaz = get_gazetteer()
    toks, matches, h = spot_matches(_checked(text), gaz, lang, demonyms)
    mentions = _match_mentions(gaz, text, toks, matches)
    for mention, match in zip(mentions, matches, strict=True):
        if match.demonym:
            mention.rows = _by_abbreviation_or_demonym(gaz, mention.key, h)
            mention.prior = priors(gaz, mention.rows)
    generic = [not len(m.rows) for m in mentions]
    live = [m for m in mentions if len(m.rows)]
    resolve_mentions(text, live, gaz, toks, h, SPOT_MIN, country)
    _doubt_lone_words(text, gaz, live, h)
    _place_generic(gaz, mentions, generic, live)
    out = _to_mentions(gaz, text, mentions)
    out = [pm for pm, by_form in zip(out, generic, strict=True) if pm.place is not None or by_form]
    if capitals:
        out = sorted(out + _to_mentions(gaz, text, capital_mentions(text, toks, live, gaz, h, country)),
                     key=lambda pm: pm.start)  # fmt: skip
    return out


def resolve(
    text: str, spans: list[tuple[int, int]], lang: str | None = None, country: str | None = None
) -> list[PlaceMention]:
    """Resolve given name spans of `text` (one PlaceMention per span, in order; place None = no match).

    `country` as in geoparse()."""
    gaz = get_gazetteer()
    text = _checked(text)
    lang = lang or guess_lang(text)
    h = hints(lang)
    toks = tokenize(text)
    # "Barrow and Jackson counties": each span there is read as "Barrow County", "Jackson County".
    listed = {(toks[a].start, toks[b - 1].end): noun for a, b, noun in listed_before_plural(text, toks, h)}
    mentions: list[Mention] = []
    generic: list[bool] = []  # no place has this whole name: "Royal Street", "Port of Spain Road"
    inside: set[int] = set()  # mentions read as the well-known place inside them: "Bank of Mexico"
    for start, end in spans:
        if not (0 <= start < end <= len(text)):
            raise ValueError(f"span ({start}, {end}) lies outside the text of length {len(text)}")
        sub = tokenize(text[start:end])
        rows = np.empty(0, dtype=np.int32)
        key = " ".join(t.key for t in sub)
        whole_name = False
        noun = listed.get((start, end))
        if sub and _dotted_abbreviation(text, start, end, key, gaz, h):
            # "Kan.", "Fla.": the region the abbreviation stands for, not a town called "Kan".
            rows = np.asarray([gaz.admin_rows[h.region_abbreviations[key]]], dtype=np.int32)
            whole_name = True
        elif noun and len(gaz.rows(f"{key} {noun}")):
            rows, whole_name = gaz.rows(f"{key} {noun}"), True
        elif sub:
            # Same lookup as spotting, but on exactly these words and without the case rules.
            unc = replace(h, cased=False)
            found = find_matches(text[start:end], sub, gaz, unc)
            whole = [m for m in found if m.start == 0 and m.end == len(sub)]
            if whole and not _demonym_over_towns(gaz, key, min(whole, key=lambda m: m.variant).rows, h):
                rows = min(whole, key=lambda m: m.variant).rows
            else:
                rows = _by_abbreviation_or_demonym(gaz, key, h)
            whole_name = bool(len(rows))
            if not len(rows) and found:
                # "Port of Los Angeles", "Arizona State University": the place inside the name.
                inner = [m for m in found if key_of(sub, m) not in h.stop_words | h.not_places]
                if inner:
                    rows = max(inner, key=_longest_first).rows
                    known = [(m, _well_known(gaz, m.rows, key_of(sub, m))) for m in inner]
                    known = [(m, k) for m, k in known if len(k)]
                    # A name ending in a place noun ("Victoria St.", "Shawnee Park", "Jackson
                    # Township", cut short: "Madison Twp.") is a place of its own, not in the
                    # place it is named after.
                    own_kind = (
                        sub[-1].key in h.place_nouns
                        or sub[0].key in h.place_prefixes
                        or (len(sub) > 1 and len(sub[-1].key) <= 3 and "." in text[end - 1 : end + 1])
                    )
                    if known and not own_kind:
                        # "Bank of Mexico", "British Embassy Tokyo": a country, region or city
                        # named inside says where the thing is; "Royal Street" is no Royal City.
                        rows = max(known, key=lambda mk: _longest_first(mk[0]))[1]
                        inside.add(len(mentions))
        mentions.append(make_mention(gaz, start, end, key, rows))
        generic.append(not whole_name and len(mentions) - 1 not in inside)
    live = [
        m
        for i, (m, g) in enumerate(zip(mentions, generic, strict=True))
        if len(m.rows) and not g and i not in inside
    ]
    resolve_mentions(text, live, gaz, toks, h, country=country)
    # After the others, so that a name inside a name is read in their context but adds none:
    # "University of California" says nothing of which London the article means.
    order = sorted(inside)
    for i, ok in zip(order, settle_inner(gaz, [mentions[i] for i in order], live), strict=True):
        generic[i] = not ok  # no fitting place inside: placed as the names no gazetteer lists
    _place_generic(gaz, mentions, generic, live)
    return _to_mentions(gaz, text, mentions)


def _longest_first(m: Match) -> tuple[int, int, int]:
    return (m.end - m.start, -m.variant, -m.start)


def _well_known(gaz, rows: np.ndarray, key: str) -> np.ndarray:
    """The rows that are known well enough to stand inside another name: countries and
    first-level regions, and capitals and cities of BIG_TOWN people by their own name ("Stoke"
    inside "Stoke Newington" is no name of Stoke-on-Trent's)."""
    keep = [
        r
        for r in rows.tolist()
        if (
            gaz.feature[r] in _KNOWN_BY_ONE_WORD
            and (gaz.feature[r] != "PPLC" or name_key(gaz.names[r]) == key)
        )
        or (gaz.population[r] >= BIG_TOWN and name_key(gaz.names[r]) == key)
    ]
    return np.asarray(keep, dtype=np.int32)


def _demonym_over_towns(gaz, key: str, rows: np.ndarray, h) -> bool:
    """Whether a demonym ("German", "Spanish", "Canadian", as written or inflected) stands for its
    country rather than for the small towns, or districts named without their noun, that happen
    to bear the word as a name."""
    if not any(h.demonyms.get(key[:n]) for n in range(len(key), max(3, len(key) - 3), -1)):
        return False
    return all(
        (gaz.feature[r].startswith("PPL") and gaz.population[r] < BIG_TOWN)
        or (gaz.feature[r] in ("ADM2", "ADM3") and name_key(gaz.names[r]) != key)  # "Canadian County"
        for r in rows.tolist()
    )


BIG_TOWN = 100_000  # people: a town this big is meant by its name, even where it is also a demonym


def _dotted_abbreviation(text: str, start: int, end: int, key: str, gaz, h) -> bool:
    """Whether the span is a region abbreviation written with its dot ("Kan.", "N.J.")."""
    code = h.region_abbreviations.get(key)
    if not code or code not in gaz.admin_rows or not text[start].isupper():
        return False
    dotted = text[end - 1] == "." or text[end : end + 1] == "."
    return dotted and name_key(gaz.names[gaz.admin_rows[code]]) != key


def _doubt_lone_words(text: str, gaz, mentions: list[Mention], h) -> None:
    """A name of one word that we found ourselves needs more support than a longer one: it is
    far more often a person's name or a word ("Clinton", "Reading") than "Port Arthur" is.
    Exempt are countries, first-level regions, capitals and cities of a million, which are
    known by one word ("Kharkiv"), and a name after a preposition of place ("in Baikonur"):
    the sentence says it is a place. A district needs that preposition however sure it looks:
    it is named with its noun ("Jefferson County"); its name alone is mostly a person's or a
    town's."""
    for m in mentions:
        if m.choice < 0 or " " in m.key or m.listed:
            continue
        r = int(m.rows[m.choice])
        if m.score >= SPOT_MIN_ONE_WORD and gaz.feature[r] != "ADM2":
            continue
        if gaz.feature[r] in _KNOWN_BY_ONE_WORD or gaz.population[r] >= KNOWN_CITY:
            continue
        if m.start <= 3 and DATELINE_END.match(text, m.end):
            continue  # the report's dateline: "LYON —", "Leipzig (dpa) -"
        before = _WORDS.findall(text[max(0, m.start - 20) : m.start])
        if before and fold(before[-1]) in h.prepositions:
            continue
        if any(text.endswith(mark, 0, m.start) for mark in h.place_marks):
            continue  # "Rep. Brent Boggs, D-Braxton"
        m.choice = -1


_WORDS = re.compile(r"\w+")
# What follows the town of a dateline: a dash or ">>", perhaps after an agency or a date in brackets.
DATELINE_END = re.compile(r"[^\n]{0,40}?(?:—|–|--|>>|\s-\s|\(\w)")


KNOWN_CITY = 1_000_000


_KNOWN_BY_ONE_WORD = (
    frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "TERR", "CONT", "RGN", "ADM1", "PPLC"}) | WATER_FEATURES
)


def _place_generic(gaz, mentions: list[Mention], generic: list[bool], resolved: list[Mention]) -> None:
    """Names no gazetteer lists ("Royal Street", "Neches River") lie, most likely, in the town
    the document is about: its most-named resolved town, else its most-named county; failing
    both, the place named inside."""
    towns: dict[int, int] = {}
    counties: dict[int, int] = {}
    for m in resolved:
        if m.choice >= 0:
            r = int(m.rows[m.choice])
            if gaz.feature[r].startswith("PPL"):
                towns[r] = towns.get(r, 0) + 1
            elif gaz.feature[r] == "ADM2":
                counties[r] = counties.get(r, 0) + 1
    local = towns or counties
    home = max(local, key=local.__getitem__) if local else None
    for m, g in zip(mentions, generic, strict=True):
        if not g:
            if not len(m.rows):
                m.choice = -1
            continue
        if home is not None:
            m.rows, m.prior = np.asarray([home], dtype=np.int32), np.asarray([NO_MATCH])
            m.choice, m.score = 0, NO_MATCH
        elif len(m.rows) and m.prior[0] >= NO_MATCH:
            m.choice, m.score = 0, float(m.prior[0])
        else:
            m.choice = -1


def key_of(toks, m: Match) -> str:
    return " ".join(t.key for t in toks[m.start : m.end])


def _by_abbreviation_or_demonym(gaz, key: str, h) -> np.ndarray:
    """A span the caller says is a place but no name fits: "Ky." (a region abbreviation) or
    "Russian" (a demonym, standing for its country)."""
    code = h.region_abbreviations.get(key)
    if code and code in gaz.admin_rows:
        return np.asarray([gaz.admin_rows[code]], dtype=np.int32)
    target = demonym_target(key, h)
    if target and len(target) == 2 and target in gaz.country_rows:
        return np.asarray([gaz.country_rows[target]], dtype=np.int32)
    if target:
        return gaz.rows(name_key(target))
    region = region_of_people(gaz, key, h)  # "Ontarians"
    if region is not None:
        return np.asarray([region], dtype=np.int32)
    return np.empty(0, dtype=np.int32)


def candidates(name: str, lang: str | None = None) -> list[PlaceMention]:
    """Every place `name` may mean, most likely first by prior alone (no document context)."""
    gaz = get_gazetteer()
    name = _checked(name).strip()
    if not name:
        return []
    h = hints(lang or guess_lang(name))
    sub = tokenize(name)
    found = [
        m for m in find_matches(name, sub, gaz, replace(h, cased=False)) if m.start == 0 and m.end == len(sub)
    ]
    rows = (
        min(found, key=lambda m: m.variant).rows
        if found
        else _by_abbreviation_or_demonym(gaz, name_key(name), h)
    )
    m = make_mention(gaz, 0, len(name), name_key(name), rows)
    out = []
    for k, r in enumerate(m.rows.tolist()):
        out.append(
            PlaceMention(
                0,
                len(name),
                name,
                gaz.place(r),
                gaz.feature[r],
                int(gaz.population[r]),
                round(float(m.prior[k]), 3),
            )
        )
    return out


def country_place(iso2: str) -> Place:
    """The country with ISO 3166-1 alpha-2 code `iso2` as a Place of precision "country"."""
    gaz = get_gazetteer()
    row = gaz.country_rows.get((iso2 or "").upper())
    if row is None:
        raise ValueError(f"unknown country code: {iso2!r}")
    return gaz.place(row)


def _checked(text: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return text
