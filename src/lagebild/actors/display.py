"""Every actor's name in Latin letters, for display beside the name as written.

Our lists give known actors an English canonical name ("Mohammed bin Salman"); names found by
their shape (actors.names) and persons named after a role keep the text as written, which a reader
of another script cannot read. Those get a romanisation from the language's table
(ROMANISATION in lang/<code>/actors.py: Russian, Ukrainian, Arabic, Persian share the Arabic
letters); names already in Latin letters are kept as they are.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from lagebild.lang import load

# Persian writes its names in Arabic letters (plus four of its own, in the Arabic table).
_TABLE_OF = {"fa": "ar"}


@cache
def _table(lang: str) -> dict[str, str]:
    mod = load(_TABLE_OF.get(lang, lang), "actors")
    return dict(getattr(mod, "ROMANISATION", {})) if mod is not None else {}


def is_latin(text: str) -> bool:
    """Whether every letter of `text` is a Latin letter (accents allowed)."""
    return all(ch.isascii() or not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def romanise(text: str, lang: str) -> str | None:
    """`text` in Latin letters by the language's table, word initials capitalised as written (or
    always, for scripts without case); None when the language has no table or a letter is not in it."""
    if is_latin(text):
        return text
    table = _table(lang)
    if not table:
        return None
    words = []
    for word in text.split():
        out = []
        for ch in word:
            low = ch.lower()
            if low in table:
                out.append(table[low].capitalize() if ch != low else table[low])
            elif not ch.isalpha():
                out.append(ch)
            else:
                return None  # a letter of another script: no honest spelling
        latin = "".join(out)
        caseless = word[:1].lower() == word[:1].upper()  # Arabic letters have no capitals
        words.append(latin[:1].upper() + latin[1:] if caseless else latin)
    return " ".join(words)
