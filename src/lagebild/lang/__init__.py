"""Language data, one folder per language, apart from the algorithms that use it.

Each `lagebild/lang/<code>/` package holds small modules of plain data, always with the same
names, so that adding a language is adding one folder:

- `stop_words.py`  STOP_WORDS: frozenset[str]
- `triggers.py`    event trigger lexicon (see lagebild.events)
- `actors.py`      sector terms, demonyms and role titles (see lagebild.actors)
- `dates.py`       month and weekday names, relative date words (see lagebild.time)
- `places.py`      place-spotting hints: prepositions, morphology (see lagebild.places)

A module a language lacks simply contributes nothing.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

# The languages lagebild reads natively; the order is the order of preference in ties.
LANGUAGES: tuple[str, ...] = ("en", "de", "ru", "uk", "fr", "es", "ar", "tr", "pt", "it", "pl", "fa")


@cache
def load(lang: str, module: str) -> ModuleType | None:
    """The data module `module` of language `lang`, or None where that language has none."""
    if lang not in LANGUAGES:
        return None
    try:
        return importlib.import_module(f"lagebild.lang.{lang}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(f"lagebild.lang.{lang}"):
            return None
        raise


def available(module: str) -> list[str]:
    """The languages that have data module `module`."""
    return [code for code in LANGUAGES if load(code, module) is not None]
