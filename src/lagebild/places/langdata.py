"""The per-language hints the spotter and resolver read, merged from lagebild.lang.<code>.

Languages are data: everything said about a language lives in lang/<code>/places.py and
lang/<code>/stop_words.py; this module only gathers it, with safe empty defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from lagebild.lang import LANGUAGES, load
from lagebild.places.normalise import fold

# Scripts without letter case: there capitalisation cannot tell a name from a word.
UNCASED = frozenset({"ar", "fa"})


@dataclass(frozen=True)
class LangHints:
    stop_words: frozenset[str] = frozenset()
    not_places: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()  # place names that open sentences as ordinary words
    proper_nouns_only: bool = True  # False where all nouns are capitalised (German)
    prepositions: frozenset[str] = frozenset()
    list_words: frozenset[str] = frozenset()  # "and", "und": join the names of a list
    local_after: frozenset[str] = frozenset()  # "police", "man": local news of its own town ("Paris police")
    local_before: frozenset[str] = frozenset()  # "city of": the same, before the name
    street_before: frozenset[str] = frozenset()  # "block of": a street's name follows, not a town's
    people_endings: tuple[tuple[str, str], ...] = ()  # ("o", "ians"): "Ontario" -> "Ontarians"
    place_marks: frozenset[str] = frozenset()  # "D-": written right before a place ("D-Braxton")
    region_plurals: dict[str, str] = field(
        default_factory=dict
    )  # "counties" -> "county": "Barrow and Jackson counties"
    honorifics: frozenset[str] = frozenset()  # words before a person's name: "Mr", "Senator"
    place_titles: frozenset[str] = frozenset()  # words that may follow a place in a name: "Governor"
    place_nouns: frozenset[str] = frozenset()  # "Street", "River": end a name of a place
    articles: frozenset[str] = frozenset()  # where nouns are capitalised: "die Lage" is no place
    place_prefixes: frozenset[str] = frozenset()  # "Lake", "Mount": begin one
    suffixes: tuple[tuple[str, str], ...] = ()
    adjective_suffixes: tuple[tuple[str, str], ...] = ()  # for the first word of a longer name
    prefixes: tuple[str, ...] = ()
    demonyms: dict[str, str] = field(default_factory=dict)
    region_abbreviations: dict[str, str] = field(default_factory=dict)
    capital_words: frozenset[str] = frozenset()  # "capital", "Hauptstadt", "العاصمة": the capital in context
    region_words: frozenset[str] = frozenset()  # "province", "محافظة": the region is meant, not its city
    part_words: frozenset[str] = frozenset()  # "central", "eastern": a part of a region is meant
    capital_before: frozenset[str] = frozenset()  # "the": where capital words need a determiner
    cased: bool = True

    @cached_property
    def common(self) -> frozenset[str]:
        """Words that are never a place name alone, also with a clitic written onto them
        ("بالعاصمة"): stop words, common words that name places somewhere, capital nouns."""
        words = self.stop_words | self.not_places | self.capital_words
        return words | {p + w for p in self.prefixes for w in words}

    @cached_property
    def capital_forms(self) -> frozenset[str]:
        """The capital nouns, also with a clitic written onto them ("بالعاصمة")."""
        return self.capital_words | {p + w for p in self.prefixes for w in self.capital_words}


def _folded(words) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


@cache
def hints(lang: str | None) -> LangHints:
    """Hints for `lang`; for an unknown or missing language, the union of all word lists
    (stop words and common words of every language), with no morphology."""
    if lang not in LANGUAGES:
        parts = [hints(code) for code in LANGUAGES]
        return LangHints(
            stop_words=frozenset().union(*(h.stop_words for h in parts)),
            not_places=frozenset().union(*(h.not_places for h in parts)),
            common_words=frozenset().union(*(h.common_words for h in parts)),
            prepositions=frozenset().union(*(h.prepositions for h in parts)),
            list_words=frozenset().union(*(h.list_words for h in parts)),
            local_after=frozenset().union(*(h.local_after for h in parts)),
            local_before=frozenset().union(*(h.local_before for h in parts)),
            street_before=frozenset().union(*(h.street_before for h in parts)),
            place_marks=frozenset().union(*(h.place_marks for h in parts)),
            honorifics=frozenset().union(*(h.honorifics for h in parts)),
            place_titles=frozenset().union(*(h.place_titles for h in parts)),
            place_nouns=frozenset().union(*(h.place_nouns for h in parts)),
            place_prefixes=frozenset().union(*(h.place_prefixes for h in parts)),
            demonyms={k: v for h in parts for k, v in h.demonyms.items()},
            region_abbreviations=hints("en").region_abbreviations,
            capital_words=frozenset().union(*(h.capital_words for h in parts)),
            region_words=frozenset().union(*(h.region_words for h in parts)),
            part_words=frozenset().union(*(h.part_words for h in parts)),
            capital_before=frozenset().union(*(h.capital_before for h in parts)),
        )
    sw = load(lang, "stop_words")
    pl = load(lang, "places")
    actors = load(lang, "actors")
    demonyms = {fold(k): v for k, v in (getattr(pl, "DEMONYMS", None) or {}).items()}
    for k, v in (getattr(actors, "DEMONYMS", None) or {}).items():
        if isinstance(v, str) and len(v) == 2:
            demonyms.setdefault(fold(k), v.upper())
    return LangHints(
        stop_words=_folded(getattr(sw, "STOP_WORDS", ())),
        not_places=_folded(getattr(pl, "NOT_PLACES", ())),
        common_words=_folded(getattr(pl, "COMMON_WORDS", ())),
        proper_nouns_only=not getattr(pl, "CAPITALISED_NOUNS", False),
        prepositions=_folded(getattr(pl, "PREPOSITIONS", ())),
        list_words=_folded(getattr(pl, "LIST_WORDS", ())),
        local_after=_folded(getattr(pl, "LOCAL_AFTER", ())),
        local_before=_folded(getattr(pl, "LOCAL_BEFORE", ())),
        street_before=_folded(getattr(pl, "STREET_BEFORE", ())),
        place_marks=frozenset(getattr(pl, "PLACE_MARKS", ())),
        people_endings=tuple((fold(a), fold(b)) for a, b in getattr(pl, "PEOPLE_ENDINGS", ())),
        region_plurals={fold(k): fold(v) for k, v in (getattr(pl, "REGION_PLURALS", None) or {}).items()},
        honorifics=_folded(getattr(pl, "HONORIFICS", ())),
        place_titles=_folded(getattr(pl, "PLACE_TITLES", ())),
        place_nouns=_folded(getattr(pl, "PLACE_NOUNS", ())),
        articles=_folded(getattr(pl, "ARTICLES", ())),
        place_prefixes=_folded(getattr(pl, "PLACE_PREFIXES", ())),
        suffixes=tuple((fold(a), fold(b)) for a, b in getattr(pl, "SUFFIXES", ())),
        adjective_suffixes=tuple((fold(a), fold(b)) for a, b in getattr(pl, "ADJECTIVE_SUFFIXES", ())),
        prefixes=tuple(fold(p) for p in getattr(pl, "PREFIXES", ())),
        demonyms=demonyms,
        region_abbreviations=dict(getattr(pl, "REGION_ABBREVIATIONS", None) or {}),
        capital_words=_folded(getattr(pl, "CAPITAL_WORDS", ())),
        region_words=_folded(getattr(pl, "REGION_WORDS", ())),
        part_words=_folded(getattr(pl, "PART_WORDS", ())),
        capital_before=_folded(getattr(pl, "CAPITAL_BEFORE", ())),
        cased=lang not in UNCASED,
    )
