"""Word tokens with offsets, and the crude stemming that lets one list entry match its inflections.

Why stemming rather than listing every form: German, Russian, Ukrainian and Arabic inflect the
words we look for ("russische/russischen/russischer", "российских", "Казахстана", "والروسية").
Stripping the longest known ending (and, for Arabic, clitic prefixes) from both the list entry and
the text word makes them meet, without a morphological analyser and in a few microseconds a word.
The endings themselves are language data (`lang/<code>/actors.py`: SUFFIXES, PREFIXES, MIN_STEM).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# Letters and digits; hyphens and apostrophes split words ("CSTO-Generalsekretär", "Russia's").
WORD = re.compile(r"[^\W_]+")
# What may stand between two words of one name or term: spaces, hyphens, apostrophes. Anything
# else (comma, full stop, line break, bracket, quote) separates.
_JOINER = re.compile(r"[ \t\u00a0\-‐‑–'’]*")
_INITIAL = re.compile(r"\. ?")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    stem: str
    joined: bool  # True when nothing but spaces/hyphens/apostrophes separate it from the previous


def fold(word: str) -> str:
    """Case- and spelling-fold: lower case, ё written as е (Russian news rarely writes ё), and
    Turkish dotted capital İ folded to plain i (Python lower-cases it to i + combining dot)."""
    return word.lower().replace("ё", "е").replace("i\u0307", "i")


def make_stemmer(suffixes: tuple[str, ...], prefixes: tuple[str, ...], min_stem: int) -> Callable[[str], str]:
    """A cached stem function: strip one clitic prefix, then the longest ending, keeping min_stem chars."""
    sufs = tuple(sorted({fold(s) for s in suffixes if s}, key=len, reverse=True))
    pres = tuple(sorted({fold(p) for p in prefixes if p}, key=len, reverse=True))

    @lru_cache(maxsize=200_000)
    def stem(word: str) -> str:
        w = fold(word)
        if w.isdigit():
            return w
        for p in pres:
            if w.startswith(p) and len(w) - len(p) >= min_stem:
                w = w[len(p) :]
                break
        for s in sufs:
            if w.endswith(s) and len(w) - len(s) >= min_stem:
                return w[: -len(s)]
        return w

    return stem


def tokenize(text: str, stem: Callable[[str], str]) -> list[Token]:
    """Words of `text` with offsets and stems; `joined` marks words that may continue a name."""
    out: list[Token] = []
    prev_end = 0
    for m in WORD.finditer(text):
        gap = text[prev_end : m.start()]
        # Dots join only abbreviations: "U.S.", "J. D. Vance", "EE. UU." (not "the US. Police").
        word = m.group()
        initial = bool(out) and (len(out[-1].text) == 1 or len(out[-1].text) == len(word) == 2)
        joined = bool(out) and (
            _JOINER.fullmatch(gap) is not None or (initial and _INITIAL.fullmatch(gap) is not None)
        )
        out.append(Token(m.start(), m.end(), word, stem(word), joined))
        prev_end = m.end()
    return out
