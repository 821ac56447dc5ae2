"""What two reports of events are compared on: dates, places, types, actors, names, numbers.

Each function is a plain comparison of two events (merged or single mentions); `pair_features`
turns them into the numbers the merge decision weighs (lagebild.merge.decide).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from lagebild.eval.metrics import haversine_km
from lagebild.lang import load
from lagebild.model import Event, Place
from lagebild.places.normalise import fold
from lagebild.time.values import date_span

# How far apart (km) two places may lie and still be one scene: a city and its suburbs.
NEAR_KM = 30.0
_RANK = {"exact": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}
# A word that starts with a capital letter mid-sentence, in any cased script.
_NAME = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]{2,})")


def date_range(event: Event) -> tuple[date, date] | None:
    """First and last day an event's date can mean at its precision ("2022-01" is all January)."""
    return date_span(event.date, event.date_precision)


def day_gap(a: Event, b: Event) -> int | None:
    """Days between the two events' date ranges (0 when they overlap), None when one is undated."""
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return None
    if ra[1] < rb[0]:
        return (rb[0] - ra[1]).days
    if rb[1] < ra[0]:
        return (ra[0] - rb[1]).days
    return 0


def place_relation(a: Place | None, b: Place | None) -> tuple[str, float]:
    """How two places relate: ("same"|"contains"|"near"|"apart"|"unknown", km between them).

    A country-level place contains every place in that country and an admin1 place those in its
    province: a report that knows only "in Syria" may join one that names the town. Two different
    towns (further apart than NEAR_KM) are apart however similar the rest.
    """
    if a is None or b is None:
        return "unknown", 0.0
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return "same", 0.0
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)
    coarse, fine = sorted((a, b), key=lambda p: -_RANK.get(p.precision, 1))
    if coarse.precision in ("country", "region"):
        if not coarse.country or coarse.country != fine.country:
            return "apart", km
        return ("same" if fine.precision in ("country", "region") else "contains"), km
    if coarse.precision == "admin1":
        if coarse.country != fine.country or coarse.admin1 != fine.admin1:
            return "apart", km
        return ("same" if fine.precision == "admin1" else "contains"), km
    return ("near" if km <= NEAR_KM else "apart"), km


@cache
def _stop_words(lang: str) -> frozenset[str]:
    """Words that are capitalised without being names: stop words, months and weekdays (every
    report of the week names "Saturday")."""
    words: set[str] = set()
    module = load(lang, "stop_words")
    words |= set(getattr(module, "STOP_WORDS", ()))
    dates = load(lang, "dates")
    for table in ("MONTHS", "WEEKDAYS", "WEEKDAYS_PLURAL"):
        words |= set(getattr(dates, table, {}) or {})
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=512)
def names(text: str, lang: str = "en") -> frozenset[str]:
    """Folded proper names of a text: capitalised words that do not open a sentence and are no
    stop words. Victims' names, streets and venues tell one shooting from another on the same day
    in the same city better than anything else a report says.

    Cached: every event of an article reads the same title and lead (a third of the writer's
    time went to reading them again)."""
    stop = _stop_words(lang)
    out: set[str] = set()
    for m in _NAME.finditer(text):
        word = m.group(1)
        if not word[0].isupper():
            continue
        before = text[max(0, m.start() - 3) : m.start()].rstrip(" \"'“„«(")
        if not before or before[-1] in ".!?:\n":
            continue  # a sentence's first word is capitalised whatever it is
        folded = fold(word)
        if folded in stop or len(folded) < 3:
            continue
        out.add(folded)
    return frozenset(out)


# How much of an article's text its names are read from: the lead tells the story, the rest of a
# long article drifts to background (and reading it all would cost time on huge pages).
NAMES_CHARS = 4000


def event_names(event: Event, title: str | None = None, text: str | None = None) -> set[str]:
    """Names of an event's evidence, its document's title and lead, plus who and where resolved:
    canonical actor names are the same in every language. An article names the victims, the
    street and the venue in sentences other than the one a trigger stands in."""
    lang = event.evidence[0].lang if event.evidence else "en"
    out: set[str] = set()
    for ev in event.evidence:
        out |= names(ev.sentence, ev.lang)
    if title:
        out |= names(" " + title, lang)
    if text:
        out |= names(text[:NAMES_CHARS], lang)
    for a in (*event.actors, *event.recipients):
        if a.canonical:
            out.add("@" + fold(a.canonical))
    if event.location is not None:
        # The place is compared on its own (place_relation): its name is no evidence twice over.
        out -= {fold(w) for w in re.findall(r"\w+", event.location.name)}
    return out


def overlap(a: set[str], b: set[str]) -> float:
    """Shared names over the smaller set: a short report's names all recur in a long one."""
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def actor_agreement(a: Event, b: Event) -> int:
    """+1 when the events share a resolved actor, -1 when both name actors of other countries
    or organisations only, 0 when one names none."""
    ka = {(x.country, x.igo, x.sector) for x in (*a.actors, *a.recipients) if x.country or x.igo}
    kb = {(x.country, x.igo, x.sector) for x in (*b.actors, *b.recipients) if x.country or x.igo}
    if not ka or not kb:
        return 0
    if ka & kb:
        return 1
    ca = {k[0] or k[1] for k in ka}
    cb = {k[0] or k[1] for k in kb}
    return 0 if ca & cb else -1


def count_agreement(a: int | None, b: int | None) -> int:
    """+1 when both give the same figure, -1 when both give different ones, 0 otherwise."""
    if a is None or b is None:
        return 0
    return 1 if a == b else -1
