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
from functools import cache
from importlib import resources

import pymorphy3

from lagebild.actors.lexicon import Lexicon
from lagebild.actors.tokens import Token
from lagebild.lang import load

_MAX_WORDS = 4
_ROMAN = re.compile(r"[IVXLCDM]+")


@cache
def given_names() -> frozenset[str]:
    path = resources.files("lagebild.actors") / "data" / "first_names.txt"
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


class _Finder:
    def __init__(self, lex: Lexicon, toks: list[Token], taken: set[int]) -> None:
        self.lex = lex
        self.toks = toks
        self.taken = taken  # token indices inside mentions already found
        mod = load(lex.lang, "names")
        self.heads = frozenset(h.lower() for h in getattr(mod, "ORG_HEADS", ()))
        self.particles = frozenset(getattr(mod, "NAME_PARTICLES", ()))
        self.connectors = frozenset(getattr(mod, "ORG_CONNECTORS", ()))

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and i not in self.taken

    def word(self, i: int) -> bool:
        """A capitalised word that may be part of a name."""
        t = self.toks[i]
        return self.free(i) and _capitalised(t) and t.text.lower() not in self.lex.stop_words

    def person(self, i: int) -> tuple[int, int] | None:
        if not (self.word(i) and self.toks[i].text in given_names()):
            return None
        last, k = i, i + 1
        while k < len(self.toks) and k - i < _MAX_WORDS and self.toks[k].joined and self.free(k):
            if self.word(k):
                last, k = k, k + 1
            elif self.toks[k].text in self.particles and k + 1 < len(self.toks) and self.toks[k + 1].joined:
                k += 1
            else:
                break
        return (i, last) if last > i else None

    def organisation(self, i: int) -> tuple[int, int] | None:
        t = self.toks[i]
        if not t.text[:1].isupper():
            return None
        low = t.text.lower()
        if not self.word(i) and not (self.free(i) and _acronym(t)):
            return None
        # The capitalised phrase from i, with connectors inside ("University of Oxford").
        last, k, has_head = i, i + 1, low in self.heads
        while k < len(self.toks) and k - i < _MAX_WORDS and self.toks[k].joined and self.free(k):
            tk = self.toks[k]
            if self.word(k) or _acronym(tk):
                has_head = has_head or tk.text.lower() in self.heads
                last, k = k, k + 1
            elif tk.text in self.connectors and k + 1 < len(self.toks) and self.word(k + 1):
                k += 1
            else:
                break
        if has_head and (last > i or low not in self.heads):
            return i, last
        if _acronym(t) and last == i:
            return i, i  # "SPD", "BBC"
        return None


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
    acronyms and quoted names after an organisation noun ("компания «Ромашка»")."""
    heads = frozenset(getattr(load(lex.lang, "names"), "ORG_HEADS", ()))
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
        if not _capitalised(t) or t.text.lower() in lex.stop_words:
            i += 1
            continue
        tags = _tags(lex.lang, t.text)
        if "Orgn" in tags and "Geox" not in tags:
            out.append((i, i, "group"))
            i += 1
            continue
        if not tags & {"Name", "Surn"}:
            i += 1
            continue
        last, k = i, i + 1
        while (
            k < len(toks)
            and k - i < _MAX_WORDS
            and toks[k].joined
            and k not in taken
            and _capitalised(toks[k])
        ):
            if not _tags(lex.lang, toks[k].text) & {"Name", "Patr", "Surn"}:
                break
            last, k = k, k + 1
        # A lone given name is no one we can tell ("Маша"); a surname is ("Путин заявил").
        if last > i or "Surn" in tags:
            out.append((i, last, "person"))
        i = last + 1
    return out


def unknown_names(lex: Lexicon, text: str, toks: list[Token], taken: set[int]) -> list[tuple[int, int, str]]:
    """(first token, last token, "person" | "group") of names outside our lists, in text order."""
    if lex.lang == "ru":
        return _russian(lex, text, toks, taken)
    if not lex.cased:
        return []
    finder = _Finder(lex, toks, taken)
    out: list[tuple[int, int, str]] = []
    surnames: set[str] = set()
    i = 0
    while i < len(toks):
        span = finder.person(i)
        kind = "person"
        if span is not None:
            surnames.add(toks[span[1]].text)
        elif toks[i].text in surnames and finder.word(i):
            span = (i, i)
        else:
            span, kind = finder.organisation(i), "group"
        if span is None:
            i += 1
            continue
        out.append((*span, kind))
        i = span[1] + 1
    return out
