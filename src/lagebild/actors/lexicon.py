"""The per-language actor lexicon: every name and term we know, stemmed, in one Aho-Corasick automaton.

Built once per language (a few hundred ms) and cached: countries (CLDR names from babel plus the
language's own aliases), demonyms, IGOs, armed groups and parties, curated persons, sector terms
and role titles. Lookups then cost one pass of the automaton over the document's stem string.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

import ahocorasick
from babel import Locale

from lagebild.actors.tokens import Token, make_stemmer, tokenize
from lagebild.lang import LANGUAGES, load

# Kinds of lexicon entries, in order of preference when two entries share a key.
# A country beats a person sharing its key ("Судан" is Sudan, not a declined "ас-Судани").
KINDS = ("group", "igo", "country", "person", "role", "sector", "demonym")

# CLDR territory codes that are not countries, or not ones an actor belongs to.
_NOT_COUNTRIES = frozenset(
    {"EU", "EZ", "UN", "QO", "ZZ", "AQ", "BV", "HM", "UM", "CP", "DG", "EA", "IC", "TA"}
)

# Defaults for a language whose actors module leaves something out.
_DEFAULT_SUFFIXES: tuple[str, ...] = ("s",)


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # one of KINDS
    value: str  # ISO2 (country, demonym), IGO code, group id, person id, sector code, role name
    sector: str | None = None
    country: str | None = None
    case_sensitive: bool = False  # acronyms: "UN" must not match French "un"
    canonical: str | None = None
    capital: bool = False  # a name written with a capital must be found with one ("Мали" vs "малая")


@dataclass(slots=True)
class Person:
    id: str
    canonical: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Tenure:
    role: str
    country: str | None
    igo: str | None
    sector: str | None
    start: str  # ISO date, inclusive
    end: str  # ISO date, exclusive; "" while in office


@dataclass(slots=True)
class Lexicon:
    lang: str
    module: ModuleType | None
    stem: Callable[[str], str]
    automaton: ahocorasick.Automaton
    heads: dict[str, Entry] = field(default_factory=dict)  # compound heads (German): stem -> entry
    connectors: frozenset[str] = frozenset()
    cased: bool = True
    adjectives_lower: bool = True
    demonym_after: bool = False  # adjectives follow the noun (fr, es, ar ...)
    stop_words: frozenset[str] = frozenset()  # words an adjective never reaches across ("and", "und")
    given: dict[str, frozenset[str]] = field(default_factory=dict)  # person id -> stems of their first names
    former: frozenset[str] = frozenset()  # stems of "former", "ehemalig", "бывший", "السابق"

    def tokens(self, text: str) -> list[Token]:
        return tokenize(text, self.stem)


def _data_rows(name: str) -> list[dict[str, str]]:
    """Rows of a curated TSV file under actors/data (header line names the columns)."""
    path = resources.files("lagebild.actors") / "data" / name
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


def _split(aliases: str) -> list[str]:
    return [a.strip() for a in aliases.split("|") if a.strip()]


@cache
def persons() -> dict[str, Person]:
    return {r["id"]: Person(r["id"], r["canonical"], r["country"] or None) for r in _data_rows("persons.tsv")}


@cache
def tenures() -> dict[str, tuple[Tenure, ...]]:
    """Offices held, by person id, oldest first."""
    out: dict[str, list[Tenure]] = {}
    for r in _data_rows("offices.tsv"):
        out.setdefault(r["person"], []).append(
            Tenure(r["role"], r["country"] or None, r["igo"] or None, r["sector"] or None, r["from"], r["to"])
        )
    return {k: tuple(sorted(v, key=lambda t: t.start)) for k, v in out.items()}


@cache
def _english_territories() -> dict[str, str]:
    return dict(Locale.parse("en").territories)


def country_name(iso2: str) -> str:
    """The English (CLDR) name of a country, the canonical name of country actors."""
    return _english_territories().get(iso2, iso2)


@cache
def igo_names() -> dict[str, str]:
    return {r["code"]: r["canonical"] for r in _data_rows("igos.tsv")}


@cache
def group_rows() -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in _data_rows("groups.tsv")}


def _attr(mod: ModuleType | None, name: str, default: Any) -> Any:
    return getattr(mod, name, default) if mod is not None else default


# Arabic article particles that news writes or drops at will: "Bashar al-Assad" / "Bashar Assad".
_PARTICLE = re.compile(
    r"(?<!\w)(?:al|el|as|ash|ad|an|ar|at|az|ul|аль|аш|ас|ад|эль|ан|ар|ат)[-‐ ](?=\w)", re.I
)


def _variants(alias: str) -> list[str]:
    """An alias, and the alias without Arabic article particles when it has any."""
    bare = _PARTICLE.sub("", alias)
    return [alias, bare] if bare != alias and len(bare) > 3 else [alias]


def _name_forms(alias: str, name_suffixes: tuple[str, ...]) -> list[str]:
    """An alias and its inflected forms (Russian surnames: Токаев, Токаева, Токаеву ...)."""
    # Only names in the script of the endings decline (a Latin "Tokayev" in Russian text does not).
    if not name_suffixes or alias.isupper() or not set(alias.lower()) & set("".join(name_suffixes)):
        return [alias]
    last = alias.split()[-1]
    head = alias[: len(alias) - len(last)]
    forms = [alias]
    stem = last[:-1] if last[-1:] in "аяь" else last
    forms += [head + stem + s for s in name_suffixes]
    return forms


@cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of `lang`; a language without an actors module still gets names and IGOs."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    mod = load(lang, "actors")
    stem = make_stemmer(
        tuple(_attr(mod, "SUFFIXES", _DEFAULT_SUFFIXES)),
        tuple(_attr(mod, "PREFIXES", ())),
        _attr(mod, "MIN_STEM", 4),
    )
    name_suffixes = tuple(_attr(mod, "NAME_SUFFIXES", ()))
    keys: dict[str, list[Entry]] = {}

    def add(phrase: str, entry: Entry) -> None:
        toks = tokenize(phrase, stem)
        if not toks:
            return
        key = " ".join(t.stem for t in toks)
        # German nouns, proper names: a list entry written with a capital needs one in the text
        # ("Unternehmen" the companies, not "unternehmen" the verb).
        if entry.kind != "demonym" and phrase[:1].isupper():
            entry = replace(entry, capital=True)
        bucket = keys.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    # Countries: CLDR names in this language and in English (news often keeps English names).
    for loc in {lang, "en"}:
        for code, name in Locale.parse(loc).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                add(name, Entry("country", code))
    for code, aliases in _attr(mod, "COUNTRY_ALIASES", {}).items():
        for alias in _split(aliases):
            add(alias, Entry("country", code, case_sensitive=alias.isupper()))
    for code, forms in _attr(mod, "DEMONYMS", {}).items():
        for form in _split(forms):
            add(form, Entry("demonym", code))
    for r in _data_rows("igos.tsv"):
        for alias in [r["code"], r["canonical"], *_split(r["aliases"])]:
            add(alias, Entry("igo", r["code"], case_sensitive=alias.isupper(), canonical=r["canonical"]))
    for r in group_rows().values():
        for alias in {v for a in [r["canonical"], *_split(r["aliases"])] for v in _variants(a)}:
            entry = Entry(
                "group", r["id"], r["sector"] or None, r["country"] or None, alias.isupper(), r["canonical"]
            )
            add(alias, entry)
    given: dict[str, frozenset[str]] = {}
    for r in _data_rows("persons.tsv"):
        aliases = {v for a in [r["canonical"], *_split(r["aliases"])] for v in _variants(a)}
        for alias in aliases:
            for form in _name_forms(alias, name_suffixes):
                add(form, Entry("person", r["id"], canonical=r["canonical"]))
        # First names seen in any alias: "Реджеп Эрдоган" when we list "Реджеп Тайип Эрдоган".
        given[r["id"]] = frozenset(t.stem for a in aliases for t in tokenize(a, stem)[:-1])
    # Where endings stack (Turkish "polis-i", "asker-ler-i"), stripping the longest ending of an
    # inflected word need not give the stem of its base form: register the stems of the
    # inflected forms of single-word common nouns too.
    endings = tuple(_attr(mod, "SUFFIXES", ())) if _attr(mod, "GENERATE_FORMS", False) else ()

    def add_common(term: str, entry: Entry) -> None:
        add(term, entry)
        if " " not in term and not term.isupper():
            for ending in endings:
                add(term + ending, entry)

    for term, code in _attr(mod, "SECTORS", {}).items():
        # "CVL/protesters": CAMEO has no code for protesters; the gloss keeps them apart.
        sector, _, gloss = code.partition("/")
        add_common(term, Entry("sector", sector, sector, canonical=gloss or None))
    for title, (role, sector) in _attr(mod, "ROLES", {}).items():
        add_common(title, Entry("role", role, sector))

    automaton = ahocorasick.Automaton()
    heads: dict[str, Entry] = {}
    for key, entries in keys.items():
        entries.sort(key=lambda e: KINDS.index(e.kind))
        automaton.add_word(key, (key.count(" ") + 1, len(key), tuple(entries)))
    automaton.make_automaton()
    for head in _attr(mod, "COMPOUND_HEADS", ()):
        key = stem(head)
        entries = keys.get(key)
        if entries is None or entries[0].kind not in ("sector", "role"):
            raise ValueError(f"lang/{lang}/actors.py: compound head {head!r} is no sector term or role title")
        heads[key] = entries[0]
    return Lexicon(
        lang=lang,
        module=mod,
        stem=stem,
        automaton=automaton,
        heads=heads,
        given=given,
        former=frozenset(stem(w) for w in _attr(mod, "FORMER", ())),
        connectors=frozenset(stem(w) for w in _attr(mod, "CONNECTORS", ())),
        cased=_attr(mod, "CASED", True),
        adjectives_lower=_attr(mod, "ADJECTIVES_LOWER", True),
        demonym_after=_attr(mod, "DEMONYM_AFTER", False),
        stop_words=frozenset(w.lower() for w in _attr(load(lang, "stop_words"), "STOP_WORDS", ())),
    )
