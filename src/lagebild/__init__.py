"""lagebild: news articles in many languages to a map of events, with evidence behind every pin."""

__version__ = "0.1.0"
