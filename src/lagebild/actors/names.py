"""Persons and organisations our lists do not hold, found by the shape of their names.

- A person: a common given name (actors/data/first_names.txt) followed by capitalised words,
  with name particles between ("Ursula von der Leyen"); in Russian, the words pymorphy3's
  dictionary tags as given name, patronymic or surname ("Владимира Путина", "Шойгу").
- An organisation: a capitalised phrase holding one of the language's organisation heads
  (ORG_HEADS in lang/<code>/names.py: "Partei", "University", "GmbH"), an acronym ("SPD", "BBC"),
  or in Russian a word pymorphy3 tags as an organisation ("Газпром"). (German compounds ending in
  an institution word, "Landratsamt", are common nouns more often than names: not used.)
- Once a person is named in full, their surname alone names them again ("Merkel sagte").

These names resolve to no country or sector by themselves: they are found so that a reader sees
who is named and NER counts them, and they act in events only where nothing better is named.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import pymorphy3

from lagebild.actors.lexicon import Lexicon
from lagebild.actors.tokens import Token
from lagebild.lang import load

_MAX_WORDS = 4
# What stands before a sentence's (or a quotation's) first word.
_SENTENCE_MARKS = frozenset('.!?:\n"„“«»(')
_ROMAN = re.compile(r"[IVXLCDM]+")
# Capitals that are units, identifiers or substances, not organisations: "32 KB", "ISBN 3-77".
_NOT_ORG_ACRONYMS = frozenset(
    "ISBN ISSN PMID DOI URL PDF HTML KB MB GB TB KW MW GW PS CO ATP DNA RNA CPU GPU USB DVD CD ROM "
    "SDK API PLZ EBIT BIP PKW LKW UKW MBA PIN SMS GPS LED LCD".split()
)


@cache
def given_names() -> frozenset[str]:
    path = resources.files("lagebild.actors") / "data" / "first_names.txt"
    with path.open(encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


@cache
def surnames() -> frozenset[str]:
    path = resources.files("lagebild.actors") / "data" / "surnames.txt"
    with path.open(encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


@cache
def _morph(lang: str) -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang=lang)


@cache
def _tags(lang: str, word: str) -> frozenset[str]:
    """Name grammemes of the likeliest readings of a word: Name, Surn, Patr, Orgn, Geox."""
    parses = _morph(lang).parse(word)
    if not parses:
        return frozenset()
    best = parses[0].score
    return frozenset(
        g
        for p in parses
        if p.score >= best / 2
        for g in ("Name", "Surn", "Patr", "Orgn", "Geox")
        if g in p.tag
    )


def _capitalised(t: Token) -> bool:
    return t.text[:1].isupper() and not (t.text.isupper() and len(t.text) > 1)


def _acronym(t: Token) -> bool:
    letters = t.text.replace("-", "")
    return (
        2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and not _ROMAN.fullmatch(letters)
    )


def _suffix_matcher(nouns: frozenset[str], exact: bool = True) -> Callable[[str], bool]:
    """A cached test: the word is one of `nouns` or a compound ending in one ("Chemiekonzern",
    "Oberarzt"); one set lookup per noun length, as every capitalised word is asked."""
    lengths = tuple(sorted({len(n) for n in nouns if len(n) >= 4}))

    @lru_cache(maxsize=100_000)
    def match(word: str) -> bool:
        low = word.lower()
        return (exact and low in nouns) or any(len(low) - n >= 3 and low[-n:] in nouns for n in lengths)

    return match


@dataclass(frozen=True, slots=True)
class _Words:
    """One language's name words (lang/<code>/names.py), lower-cased where matched so."""

    heads: frozenset[str]
    compound_head: Callable[[str], bool]
    prefixes: tuple[str, ...]
    descriptor: Callable[[str], bool]
    person_noun: Callable[[str], bool]
    speech_verbs: frozenset[str]
    common_given: frozenset[str]
    not_names: frozenset[str]
    lone_blockers: frozenset[str]
    clause_openers: frozenset[str]
    noun_endings: tuple[str, ...]
    particles: frozenset[str]
    inner: frozenset[str]
    surname_openers: frozenset[str]
    connectors: frozenset[str]


@cache
def _words(lang: str) -> _Words:
    mod = load(lang, "names")

    def low(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in getattr(mod, name, ()))

    return _Words(
        heads=low("ORG_HEADS"),
        compound_head=_suffix_matcher(low("ORG_COMPOUND_HEADS"), exact=False),
        prefixes=tuple(getattr(mod, "ORG_PREFIXES", ())),
        descriptor=_suffix_matcher(low("ORG_DESCRIPTORS")),
        person_noun=_suffix_matcher(low("PERSON_NOUNS")),
        speech_verbs=low("SPEECH_VERBS"),
        common_given=frozenset(getattr(mod, "COMMON_GIVEN", ())),
        not_names=low("NOT_NAMES"),
        lone_blockers=low("LONE_BLOCKERS"),
        clause_openers=low("CLAUSE_OPENERS"),
        noun_endings=tuple(getattr(mod, "NOUN_ENDINGS", ())),
        particles=frozenset(getattr(mod, "NAME_PARTICLES", ())),
        inner=frozenset(getattr(mod, "NAME_INNER", ())),
        surname_openers=frozenset(getattr(mod, "SURNAME_OPENERS", ())),
        connectors=frozenset(getattr(mod, "ORG_CONNECTORS", ())),
    )


def name_particles(lang: str) -> frozenset[str]:
    """The particles that may stand inside a person's name in `lang` ("von", "de")."""
    return _words(lang).particles


class _Finder:
    def __init__(self, lex: Lexicon, text: str, toks: list[Token], taken: set[int]) -> None:
        self.lex = lex
        self.text = text
        self.toks = toks
        self.taken = taken  # token indices inside mentions already found
        self.w = _words(lex.lang)
        self.given = given_names()
        # word() is asked several times a token by the rules that scan a phrase: asked once.
        self._word: list[bool | None] = [None] * len(toks)

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and i not in self.taken

    def gap(self, i: int) -> str:
        """What stands between token i-1 and token i."""
        return self.text[self.toks[i - 1].end : self.toks[i].start] if i > 0 else ""

    def word(self, i: int) -> bool:
        """A capitalised word that may be part of a name."""
        if not 0 <= i < len(self.toks):
            return False
        known = self._word[i]
        if known is not None:
            return known
        t = self.toks[i]
        low = t.text.lower()
        found = (
            i not in self.taken
            and _capitalised(t)
            and low not in self.lex.stop_words
            and (low not in self.w.not_names or self.after_lower(i))
        )
        self._word[i] = found
        return found

    def after_lower(self, i: int) -> bool:
        """Token i follows a lower-case word of its sentence: "und Anders Ahlgren" is a name,
        "Anders als im Spiel" and ") Beim Konzern" are not."""
        return i > 0 and self.toks[i].joined and self.toks[i - 1].text[:1].islower()

    def sentence_start(self, i: int) -> bool:
        return i == 0 or not _SENTENCE_MARKS.isdisjoint(self.gap(i))

    def hyphen_before(self, i: int) -> bool:
        return i > 0 and self.toks[i].joined and "-" in self.gap(i)

    def hyphen_after(self, i: int) -> bool:
        return i + 1 < len(self.toks) and self.hyphen_before(i + 1)

    def is_given(self, i: int) -> bool:
        text = self.toks[i].text
        return text in self.given and text not in self.w.common_given

    def initial(self, i: int) -> bool:
        """ "A. Wiegemann": a capital letter and a full stop before a capitalised word."""
        t = self.toks[i]
        return (
            len(t.text) == 1
            and t.text.isupper()
            and i + 1 < len(self.toks)
            and self.toks[i + 1].joined
            and self.gap(i + 1).startswith(".")
            and self.word(i + 1)
            and len(self.toks[i + 1].text) > 1
        )

    def person(self, i: int) -> tuple[int, int] | None:
        """Given names (or an initial), then a surname: "Ursula von der Leyen", "A. Wiegemann".

        A hyphen joins given names ("Hans-Peter") or surnames ("Müller-Sönksen") but not the one
        to the other: "Otto-Schott-Gymnasium" and "Erzherzog-Johann-Hütte" name no person.
        """
        if not self.word(i) or self.hyphen_before(i):
            return None
        if not (self.is_given(i) or self.initial(i)):
            return None
        last, k, surname = i, i + 1, False
        while k < len(self.toks) and k - i < _MAX_WORDS and self.toks[k].joined and self.free(k):
            hyphen = "-" in self.gap(k)
            if self.word(k):
                if hyphen and not surname and not self.is_given(k):
                    return None
                if surname and not hyphen:
                    break
                # A middle initial keeps the given names going: "Julio A. Roca".
                surname = surname or not (self.is_given(k) or self.initial(k))
                last, k = k, k + 1
                continue
            # A regnal number ends a ruler's name: "Elisabeth II.", "Magnus I.".
            if not surname and _ROMAN.fullmatch(self.toks[k].text) and self.gap(k) == " ":
                last = k
                break
            # Particles open a surname: "von der Leyen", "de Surville"; "der"/"den" only follow one.
            # After a second name one particle may open a last one ("Fernando Collor de Mello",
            # "Johannes Nepomuk von Tschiderer"), but not "zu", nor "von der": prepositions there
            # ("Cantona zu United", "Müller von der SPD").
            j = k
            text = self.toks[j].text
            if text in self.w.particles and not (surname and text == "zu"):
                j += 1
                while (
                    not surname
                    and j < len(self.toks)
                    and self.toks[j].joined
                    and self.toks[j].text in self.w.inner
                ):
                    j += 1
            if j > k and j < len(self.toks) and self.toks[j].joined and self.word(j):
                last, k, surname = j, j + 1, True
                continue
            break
        if last == i or self.hyphen_after(last):
            return None
        return i, last

    def particle_surname(self, i: int) -> tuple[int, int] | None:
        """A surname with its particles and no given name: "van der Vaart"."""
        toks = self.toks
        if toks[i].text not in self.w.surname_openers or not self.free(i):
            return None
        j = i + 1
        while j < len(toks) and toks[j].joined and toks[j].text in self.w.inner:
            j += 1
        if j < len(toks) and toks[j].joined and self.word(j) and not self.hyphen_after(j):
            return i, j
        return None

    def name_after(self, i: int) -> tuple[int, int] | None:
        """The capitalised words from token i on that a person noun or a verb of saying points to."""
        if not self.word(i) or _acronym(self.toks[i]):
            return None
        last, k = i, i + 1
        while (
            k < len(self.toks)
            and k - i < 3
            and self.toks[k].joined
            and self.word(k)
            and not _acronym(self.toks[k])
        ):
            last, k = k, k + 1
        if self.hyphen_after(last) or self.w.person_noun(self.toks[last].text):
            return None
        if (
            k < len(self.toks)
            and self.toks[k].joined
            and not self.free(k)
            and self.toks[k].text[:1].isupper()
        ):
            return None  # the name goes on into a mention already found: not ours to cut
        return i, last

    def introduced_person(self, i: int) -> tuple[int, int] | None:
        """A name after a person noun ("Trainer Klopp", "Tante Cilli") or after a verb of saying
        that it ends ("sagte Rüttgers.", "so Barth,")."""
        t = self.toks[i]
        low = t.text.lower()
        nxt = i + 1
        if nxt >= len(self.toks) or not self.free(nxt) or "-" in self.gap(nxt):
            return None
        if t.text[:1].isupper() and self.w.person_noun(t.text):
            # "Dr. Meier": an abbreviated title is followed by its full stop.
            if not (self.toks[nxt].joined or (low in ("dr", "prof") and self.gap(nxt).strip() == ".")):
                return None
            if self.toks[nxt].text.lower() in ("dr", "prof") and nxt + 1 < len(self.toks):
                nxt += 1
            span = self.name_after(nxt)
            return span if span is not None and self.person(nxt) is None else None
        if low in self.w.speech_verbs and t.text[:1].islower() and self.toks[nxt].joined:
            span = self.name_after(nxt)
            if span is None or self.person(nxt) is not None:
                return None
            after = self.text[self.toks[span[1]].end :].lstrip()[:1]
            if after and ((after.isalpha() and after.isupper()) or after.isdigit()):
                return None
            return span
        return None

    def head(self, i: int, compound: bool) -> bool:
        """Token i is an organisation head, in its genitive too ("des Rundfunks")."""
        low = self.toks[i].text.lower()
        forms = [low]
        if len(low) > 4 and low.endswith("s"):
            forms += [low[:-1], low[:-2]] if low.endswith("es") else [low[:-1]]
        if any(f in self.w.heads for f in forms):
            return True
        # A true compound only: "Mieterverein", not "Dienst" alone ("48 Stunden Dienst").
        return compound and any(self.w.compound_head(f) for f in forms)

    def prefixed_organisation(self, i: int) -> bool:
        """ "Bundesnachrichtendienst", "Bundesjustizministerium": one word that names a body."""
        text = self.toks[i].text
        return any(
            text.startswith(p) and len(text) > len(p) + 3 and self.head(i, True) for p in self.w.prefixes
        )

    def introduced_organisation(self, i: int) -> tuple[int, int] | None:
        """The name after a noun that introduces one: "der Konzern Siemens", "Rockband Fold Zandura"."""
        t = self.toks[i]
        nxt = i + 1
        if not (t.text[:1].isupper() and self.w.descriptor(t.text)):
            return None
        if nxt >= len(self.toks) or not self.toks[nxt].joined or "-" in self.gap(nxt):
            return None
        if not (self.word(nxt) or (self.free(nxt) and _acronym(self.toks[nxt]))):
            return None
        last, k = nxt, nxt + 1
        while k < len(self.toks) and k - nxt < _MAX_WORDS and self.toks[k].joined and self.free(k):
            if not (self.word(k) or _acronym(self.toks[k])):
                break
            last, k = k, k + 1
        return nxt, last

    def not_organisation(self, i: int) -> bool:
        """Capitals that are a unit or identifier: listed ones, and those a number stands beside."""
        t = self.toks[i]
        if t.text in _NOT_ORG_ACRONYMS:
            return True
        before = i > 0 and self.toks[i - 1].text.isdigit() and self.gap(i) == " "
        after = i + 1 < len(self.toks) and self.toks[i + 1].text[:1].isdigit() and self.gap(i + 1) == " "
        return before or after

    def organisation(self, i: int) -> tuple[int, int] | None:
        t = self.toks[i]
        if not t.text[:1].isupper():
            return None
        if not self.word(i) and not (self.free(i) and _acronym(t)):
            return None
        # The capitalised phrase from i, with connectors inside once a head is in it
        # ("University of Oxford", but not "Debatten der Union").
        last, k, has_head = i, i + 1, self.head(i, True)
        while k < len(self.toks) and k - i < _MAX_WORDS and self.toks[k].joined and self.free(k):
            tk = self.toks[k]
            if self.word(k) or _acronym(tk):
                has_head = has_head or self.head(k, True)
                last, k = k, k + 1
            elif has_head and tk.text in self.w.connectors and k + 1 < len(self.toks) and self.word(k + 1):
                k += 1
            else:
                break
        if has_head and last > i:
            return i, last
        if last == i and self.word(i) and self.prefixed_organisation(i):
            return i, i
        if _acronym(t) and last == i and not self.not_organisation(i):
            return i, i  # "SPD", "BBC"
        if (
            _acronym(t)
            and last == i + 1
            and self.gap(last) == " "
            and not _acronym(self.toks[last])
            and not self.not_organisation(i)
        ):
            # "THW Kiel", "MSV Duisburg"; but in "FMH Finanzberatung" the acronym alone is the name.
            return (i, i) if self.noun_shaped(last) else (i, last)
        return None

    def lone_given(self, i: int) -> bool:
        """A given name alone inside a sentence, with no capitalised word beside it and no article
        or preposition of place before it: "als Claire", "dass Lucy" (not "im April", "nach Paris")."""
        toks = self.toks
        listed = i > 0 and self.gap(i).strip() == "," and self.is_given(i)  # "Tacoma, Shawn und"
        return (
            self.word(i)
            and (self.is_given(i) or toks[i].text in surnames())
            and not self.sentence_start(i)
            and (toks[i].joined or listed)
            # After a lower-case word, or after an adverb opening the sentence ("Auch Geillis hat").
            and (toks[i - 1].text[:1].islower() or toks[i - 1].text.lower() in self.w.not_names)
            and toks[i - 1].text.lower() not in self.w.lone_blockers
            # "der rechten Wade", "den heimischen Bergen": after an article and an adjective.
            and not (i > 1 and toks[i - 1].joined and toks[i - 2].text.lower() in self.w.lone_blockers)
            and not (i + 1 < len(toks) and toks[i + 1].joined and toks[i + 1].text[:1].isupper())
        )

    def opening_surname(self, i: int) -> bool:
        """A surname that opens a sentence before a lower-case word: "Eggert war", "Braun übernahm"."""
        toks = self.toks
        return (
            toks[i].text in surnames()
            and i + 1 < len(toks)
            and toks[i + 1].joined
            and toks[i + 1].text[:1].islower()
            and self.word(i)
            and self.sentence_start(i)
        )

    def speaker_before(self, i: int) -> bool:
        """A capitalised word that opens a clause before a verb of saying: "Ramelow erklärte"."""
        toks = self.toks
        return (
            i + 1 < len(toks)
            and toks[i + 1].joined
            and toks[i + 1].text in self.w.speech_verbs
            and toks[i + 1].text != "so"
            and self.word(i)
            and not _acronym(toks[i])
            and (self.sentence_start(i) or "," in self.gap(i))
            and not self.noun_shaped(i)
        )

    def clause_subject(self, i: int) -> bool:
        """A capitalised word, no article before it, right after a conjunction and before a
        lower-case word: "dass Madoff den Rest", "ob Kaminski noch spielt"."""
        toks = self.toks
        return (
            i > 0
            and toks[i].joined
            and toks[i - 1].text in self.w.clause_openers
            and i + 1 < len(toks)
            and toks[i + 1].joined
            and toks[i + 1].text[:1].islower()
            and self.word(i)
            and not _acronym(toks[i])
            and not self.hyphen_after(i)
            and not self.noun_shaped(i)
        )

    def noun_shaped(self, i: int) -> bool:
        """The word ends like a common noun, in the plural too ("Finanzberatung", "Räumlichkeiten")."""
        if not self.w.noun_endings:
            return False
        low = self.toks[i].text.lower()
        return low.endswith(self.w.noun_endings) or low.rstrip("ns").removesuffix("e").endswith(
            self.w.noun_endings
        )

    def genitive(self, i: int) -> bool:
        """A known name with the genitive -s before the noun it owns: "Bushs Parteikollegen"."""
        toks = self.toks
        text = toks[i].text
        if len(text) < 5 or not text.endswith("s") or not (i + 1 < len(toks) and toks[i + 1].joined):
            return False
        stem = text[:-1]
        known = stem in surnames() or (stem in self.given and stem not in self.w.common_given)
        return known and toks[i + 1].text[:1].isupper() and self.word(i) and not self.hyphen_before(i)

    def is_org(self, span: tuple[int, int]) -> bool:
        """A name that holds an organisation head is one: "Royal Air Force", "Lindsey School"."""
        return any(self.head(k, False) for k in range(span[0], span[1] + 1))


@cache
def _grammar(lang: str, word: str) -> tuple[str | None, str | None, str]:
    """Part of speech, case and dictionary form of a word's likeliest reading."""
    parses = _morph(lang).parse(word)
    if not parses:
        return None, None, word.lower()
    p = parses[0]
    return p.tag.POS, p.tag.case, p.normal_form


def _russian_organisation(
    lang: str, toks: list[Token], taken: set[int], i: int, heads: frozenset[str]
) -> tuple[int, int] | None:
    """ "Комитет защиты журналистов", "Верховный суд Бангладеша": Russian writes only the first
    word of such a name with a capital. Capitalised adjectives, a head noun, then words in the
    genitive (a capitalised one, the country or city, ends it)."""
    j = i
    while j < len(toks) and j - i < 3 and j not in taken and _grammar(lang, toks[j].text)[0] == "ADJF":
        j += 1
        if j < len(toks) and not toks[j].joined:
            return None
    if j >= len(toks) or j in taken or (j > i and toks[j].text[:1].isupper() and j > i + 1):
        return None
    pos, case, lemma = _grammar(lang, toks[j].text)
    if pos != "NOUN" or lemma not in heads:
        return None
    last, k = j, j + 1
    while k < len(toks) and k - i < 7 and toks[k].joined and k not in taken:
        pos, case, _ = _grammar(lang, toks[k].text)
        if case != "gent" or pos not in ("NOUN", "ADJF", "PRTF"):
            break
        capital = toks[k].text[:1].isupper()
        if capital and "Geox" not in _tags(lang, toks[k].text):
            break  # a person's name in the genitive is no part of it ("фонд Сороса")
        last, k = k, k + 1
        if capital:
            break
    return i, last


@cache
def _lemma(lang: str, word: str) -> str:
    parses = _morph(lang).parse(word.lower())
    return parses[0].normal_form if parses else word.lower()


def _quoted(text: str, toks: list[Token], i: int, taken: set[int]) -> int | None:
    """Last token of a name in «guillemets» opening right before token i, if it closes within
    a few words and no token inside is taken."""
    if text[toks[i].start - 1 : toks[i].start] != "«":
        return None
    k = i
    while k < len(toks) and k - i < _MAX_WORDS and k not in taken:
        if text[toks[k].end : toks[k].end + 1] == "»":
            return k
        k += 1
    return None


def _russian(lex: Lexicon, text: str, toks: list[Token], taken: set[int]) -> list[tuple[int, int, str]]:
    """Russian names by pymorphy3's dictionary: persons from Name/Patr/Surn, organisations Orgn,
    acronyms and quoted names after an organisation noun ("компания «Ромашка»").

    Russian writes common nouns in lower case, so inside a sentence a capital says more than in
    German: a given name alone there is a person ("сказал Марк"), and capitalised words after a
    given name are its surname even where the dictionary does not know them ("Джаред Лофнер").
    Names in Latin letters ("(Joshua Wolf)") are found as in the Latin-script languages.
    """
    heads = frozenset(getattr(load(lex.lang, "names"), "ORG_HEADS", ()))
    finder = _Finder(lex, text, toks, taken)
    given = given_names()
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if i in taken:
            i += 1
            continue
        close = _quoted(text, toks, i, taken)
        if close is not None and i > 0 and _lemma(lex.lang, toks[i - 1].text) in heads:
            out.append((i, close, "group"))
            i = close + 1
            continue
        if _acronym(t) and t.text.lower() not in lex.stop_words:
            out.append((i, i, "group"))
            i += 1
            continue
        # An initial may spell a stop word ("А. Кудрин"): it is asked before the stop words.
        if not _capitalised(t) or (t.text.lower() in lex.stop_words and not finder.initial(i)):
            i += 1
            continue
        if t.text.isascii():
            latin = finder.person(i)
            if latin is not None:
                out.append((*latin, "person"))
                i = latin[1] + 1
            else:
                i += 1
            continue
        tags = _tags(lex.lang, t.text)
        inside = not finder.sentence_start(i)
        if inside and t.text in given and "Geox" not in tags:
            tags = tags | {"Name"}
        if "Orgn" in tags and "Geox" not in tags:
            out.append((i, i, "group"))
            i += 1
            continue
        if not tags & {"Name", "Surn"} and (org := _russian_organisation(lex.lang, toks, taken, i, heads)):
            out.append((*org, "group"))
            i = org[1] + 1
            continue
        first = i
        if finder.initial(i) and i + 1 < len(toks) and i + 1 not in taken:
            first, i = i, i + 1  # "А. Кудрин"
            tags = _tags(lex.lang, toks[i].text) | {"Name"}
        nxt_caps = i + 1 < len(toks) and toks[i + 1].joined and _capitalised(toks[i + 1])
        if not tags & {"Name", "Surn"}:
            i += 1
            continue
        if nxt_caps and i + 1 in taken and first == i:
            i += 1  # the name goes on into a mention already found ("Мишель Обама")
            continue
        last, k = i, i + 1
        while (
            k < len(toks)
            and k - i < _MAX_WORDS
            and toks[k].joined
            and k not in taken
            and _capitalised(toks[k])
            and toks[k].text.lower() not in lex.stop_words
        ):
            after = _tags(lex.lang, toks[k].text)
            if not after & {"Name", "Patr", "Surn"} and ("Name" not in tags or after & {"Geox", "Orgn"}):
                break
            last, k = k, k + 1
        # A lone given name opening a sentence may be a word ("Вера", "Роман"); a surname is a
        # person ("Путин заявил"), and so is a given name inside a sentence.
        if last > i or first < i or "Surn" in tags or ("Name" in tags and inside):
            out.append((first, last, "person"))
        i = last + 1
    return out


def unknown_names(lex: Lexicon, text: str, toks: list[Token], taken: set[int]) -> list[tuple[int, int, str]]:
    """(first token, last token, "person" | "group") of names outside our lists, in text order."""
    if lex.lang == "ru":
        return _russian(lex, text, toks, taken)
    if not lex.cased:
        return []
    finder = _Finder(lex, text, toks, taken)
    lone = getattr(load(lex.lang, "names"), "LONE_GIVEN_NAMES", False)
    out: list[tuple[int, int, str]] = []
    surnames: set[str] = set()
    i = 0
    while i < len(toks):
        if (
            not toks[i].text[:1].isupper()
            and toks[i].text not in finder.w.speech_verbs
            and toks[i].text not in finder.w.surname_openers
        ):
            i += 1  # most words: no rule starts on a lower-case word but a verb of saying
            continue
        span: tuple[int, int] | None = None
        kind = "group"
        if (org := finder.introduced_organisation(i)) is not None:
            span = org
        elif (named := finder.introduced_person(i)) is not None:
            span, kind = named, "person"
        elif (van := finder.particle_surname(i)) is not None:
            span, kind = van, "person"
        elif (full := finder.person(i)) is not None:
            # A person's name before an organisation head names the organisation: "Lee Strasberg
            # Theatre", "Matthew Humberstone School".
            nxt = full[1] + 1
            if nxt < len(toks) and toks[nxt].joined and finder.free(nxt) and finder.head(nxt, False):
                full = (full[0], nxt)
            span, kind = full, "group" if finder.is_org(full) else "person"
        elif toks[i].text in surnames and finder.word(i):
            span, kind = (i, i), "person"
        elif lone and (
            finder.lone_given(i)
            or finder.opening_surname(i)
            or finder.speaker_before(i)
            or finder.genitive(i)
            or finder.clause_subject(i)
        ):
            span, kind = (i, i), "person"
        else:
            span = finder.organisation(i)
        if span is None:
            i += 1
            continue
        if kind == "person" and span[1] > span[0]:
            surnames.add(toks[span[1]].text)
        out.append((*span, kind))
        i = span[1] + 1
    return out
