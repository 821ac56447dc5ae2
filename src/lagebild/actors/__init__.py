"""Actors: who acts, resolved to country (ISO2), IGO and PLOVER sector, in all our languages.

`find_actors(text, lang, date)` returns the actors of a document; `demonym_countries(text, lang)`
the countries its demonyms and country names point to. Sector codes: see actors/data/SECTORS.md.
"""

from lagebild.actors.resolve import ActorMention, demonym_countries, find_actors

__all__ = ["ActorMention", "demonym_countries", "find_actors"]
