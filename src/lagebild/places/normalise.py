"""One normal form for names in the gazetteer and for words in the text, so that they meet.

Case, accents and Arabic-script letter variants are folded; names become their word tokens
joined by single spaces ("Baden-Württemberg" -> "baden wurttemberg", "U.S." -> "u s").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TOKEN = re.compile(r"\w+")

# Arabic-script letters that writers swap freely (Persian and Arabic forms, alif maqsura).
_ARABIC_FOLD = str.maketrans({"ى": "ي", "ی": "ي", "ک": "ك", "ـ": None, "ۀ": "ه"})


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Case-, accent- and letter-variant-folded form of one word."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Cyrillic й and ё lose their marks in NFKD; put them back, they are letters of their own.
    if "и" in bare or "И" in bare or "е" in bare or "Е" in bare:
        bare = _restore_cyrillic(word, bare)
    return bare.casefold().translate(_ARABIC_FOLD)


def _restore_cyrillic(original: str, bare: str) -> str:
    """NFKD strips the breve of й; keep й distinct but treat ё as е (as Russian writing does)."""
    out = unicodedata.normalize("NFC", original)
    out = out.replace("ё", "е").replace("Ё", "Е")
    decomposed = unicodedata.normalize("NFKD", out.replace("й", "\0").replace("Й", "\1"))
    return (
        "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\0", "й").replace("\1", "Й")
    )


def name_key(name: str) -> str:
    """The lookup key of a place name: folded tokens joined by spaces ('' when none)."""
    return " ".join(fold(t) for t in TOKEN.findall(name))
