"""References to a capital by a common noun: "the capital", "die Hauptstadt", "العاصمة".

News names the capital once and then says "the capital"; the noun stands for the capital of
the country in context: the one it names ("the capital of Sudan", "عاصمة السودان"), the
demonym beside it ("the Armenian capital", "العاصمة الأرمنية"), else the country the
document is about. Next to the capital's own name ("the capital, Colombo", "العاصمة كابول")
the name already says it and no second mention is made.
"""

from __future__ import annotations

import re

import numpy as np

from lagebild.places.gazetteer import Gazetteer
from lagebild.places.hierarchy import hierarchy
from lagebild.places.langdata import LangHints
from lagebild.places.resolver import NO_MATCH, Mention, demonym_target
from lagebild.places.spotter import Token

# Words between "capital" and the country it is the capital of ("capital of", "capitale de").
_OF = frozenset("of de du des d del di da do dos der von".split())
_APPOSITION = re.compile(r"^[\s,:(–—-]*$")
SCORE = NO_MATCH + 0.6  # as sure as a well-supported name, less than the name itself


class _Setting:
    """The country a document is about at each point of it: the caller's hint, else the country
    its resolved places lie in most often (a name said twice counts twice: it is what the story
    is about); between equals, the one named last so far ("Russia attacked Ukraine. In the
    capital..." is Kyiv). Read in text order, so a document costs one pass."""

    def __init__(self, named: list[Mention], gaz: Gazetteer, hint: str | None) -> None:
        self.hint = hint.upper() if hint else None
        self.ccs = [gaz.country[int(m.rows[m.choice])] for m in named]
        self.starts = [m.start for m in named]
        self.counts: dict[str, int] = {}
        for cc in self.ccs:
            if cc:
                self.counts[cc] = self.counts.get(cc, 0) + 1
        self.last: dict[str, int] = {}
        self.k = 0

    def at(self, pos: int) -> str | None:
        if self.hint:
            return self.hint
        while self.k < len(self.starts) and self.starts[self.k] < pos:
            if self.ccs[self.k]:
                self.last[self.ccs[self.k]] = self.starts[self.k]
            self.k += 1
        if not self.counts:
            return None
        return max(self.counts, key=lambda cc: (self.counts[cc], self.last.get(cc, -1)))


def capital_mentions(
    text: str,
    toks: list[Token],
    mentions: list[Mention],
    gaz: Gazetteer,
    h: LangHints,
    hint: str | None = None,
) -> list[Mention]:
    """A mention resolved to the capital for every capital noun of `text` (see the module doc).

    `mentions` are the resolved name mentions, in text order."""
    if not h.capital_words:
        return []
    capitals = hierarchy(gaz).capital
    named = [m for m in mentions if m.choice >= 0]
    starts = np.asarray([m.start for m in named], dtype=np.int64)
    setting = _Setting(named, gaz, hint)
    out: list[Mention] = []
    forms = h.capital_forms
    for i in [i for i, t in enumerate(toks) if t.key in forms]:
        t = toks[i]
        if not _is_noun_here(toks, i, h):
            continue
        k = int(np.searchsorted(starts, t.end))
        after = named[k] if k < len(named) else None
        before = named[k - 1] if k > 0 and named[k - 1].end <= t.start else None
        if after is not None and _is_city(gaz, after) and _APPOSITION.match(text[t.end : after.start]):
            continue  # "the capital, Colombo"
        if before is not None and _is_city(gaz, before) and _apposition_before(text, before, t, h):
            continue  # "Kabul, the capital"
        cc = None
        if after is not None and _of_gap(text[t.end : after.start]):
            r = int(after.rows[after.choice])
            if gaz.feature[r].startswith("PCL"):
                cc = gaz.country[r]
        cc = cc or _demonym_beside(toks, i, h) or setting.at(t.start)
        row = capitals.get(cc or "")
        if row is None:
            continue
        out.append(
            Mention(
                t.start,
                t.end,
                t.key,
                np.asarray([row], dtype=np.int32),
                np.asarray([SCORE]),
                [],
                [],
                0,
                SCORE,
            )
        )
    return out


def _is_noun_here(toks: list[Token], i: int, h: LangHints) -> bool:
    """Where only names are capitalised, "Capital" mid-sentence is a name ("Capital One"), and
    the noun comes after a determiner ("the capital", "la capital", "the Armenian capital");
    without one it is an adjective ("capital punishment", "capital gains")."""
    t = toks[i]
    if not h.cased or not h.proper_nouns_only or not h.capital_before:
        return True
    if t.cap and not t.initial:
        return False
    k = i - 1
    if k >= 0 and demonym_target(toks[k].key, h):
        k -= 1
    return k >= 0 and toks[k].key in h.capital_before


def _is_city(gaz: Gazetteer, m: Mention) -> bool:
    return gaz.feature[int(m.rows[m.choice])].startswith("PPL")


def _apposition_before(text: str, before: Mention, t: Token, h: LangHints) -> bool:
    gap = text[before.end : t.start]
    words = re.findall(r"\w+", gap.lower())
    return len(gap) <= 12 and all(w in h.articles or w in h.stop_words for w in words)


def _of_gap(gap: str) -> bool:
    words = re.findall(r"\w+", gap.lower())
    return len(gap) <= 8 and len(words) <= 1 and all(w in _OF for w in words)


def _demonym_beside(toks: list[Token], i: int, h: LangHints) -> str | None:
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks):
            target = demonym_target(toks[j].key, h)
            if target and len(target) == 2:
                return target
    return None
