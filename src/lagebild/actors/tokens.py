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
from functools import lru_cache
from typing import NamedTuple

# Letters and digits; hyphens and apostrophes split words ("CSTO-Generalsekretär", "Russia's").
WORD = re.compile(r"[^\W_]+")
# What may stand between two words of one name or term: spaces, hyphens, apostrophes. Anything
# else (comma, full stop, line break, bracket, quote) separates.
_JOINER = re.compile(r"[ \t\u00a0\-‐‑–'’]*")
_INITIAL = re.compile(r"\. ?")


class Token(NamedTuple):
    # A tuple: a document has thousands of tokens, and tuples are the cheapest objects to make.
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
    # Endings grouped by length, longest first: a word costs one set lookup per length.
    sufs = {fold(s) for s in suffixes if s}
    by_len = tuple(
        (n, frozenset(s for s in sufs if len(s) == n)) for n in sorted({len(s) for s in sufs}, reverse=True)
    )
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
        for n, endings in by_len:
            if len(w) - n >= min_stem and w[-n:] in endings:
                return w[:-n]
        return w

    return stem


def tokenize(text: str, stem: Callable[[str], str]) -> list[Token]:
    """Words of `text` with offsets and stems; `joined` marks words that may continue a name."""
    out: list[Token] = []
    prev_end = 0
    prev_len = 0
    for m in WORD.finditer(text):
        start, end = m.span()
        word = m.group()
        gap = text[prev_end:start]
        if not out:
            joined = False
        elif gap == " ":
            joined = True
        else:
            # Dots join only abbreviations: "U.S.", "J. D. Vance", "EE. UU." (not "the US. Police").
            initial = prev_len == 1 or prev_len == len(word) == 2
            joined = _JOINER.fullmatch(gap) is not None or (initial and _INITIAL.fullmatch(gap) is not None)
        out.append(Token(start, end, word, stem(word), joined))
        prev_end, prev_len = end, len(word)
    return out
