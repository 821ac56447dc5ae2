"""Places: the gazetteer, and geoparsing (toponym recognition + resolution) in all our languages.

>>> from lagebild.places import geoparse
>>> [(m.text, m.place.country) for m in geoparse("Explosion in Baikonur, Kasachstan", "de")]
[('Baikonur', 'KZ'), ('Kasachstan', 'KZ')]
"""

from __future__ import annotations

from lagebild.places.api import PlaceMention, candidates, country_place, geoparse, resolve, spot

__all__ = ["PlaceMention", "candidates", "country_place", "geoparse", "resolve", "spot"]
