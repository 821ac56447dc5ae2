"""Russian NER from natasha, loaded on first use: a peer for names our lists do not hold.

natasha costs about 1 s to load and some 50 ms per 1,000 characters, twenty to fifty times what
the lexicon costs, so find_actors calls it only when asked (`natasha=True`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

TYPES = ("PER", "LOC", "ORG")


@cache
def _pipeline() -> tuple[Any, Any]:
    try:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError as exc:  # pragma: no cover - natasha is a declared dependency
        raise RuntimeError("natasha is not installed: pip install natasha") from exc
    return Segmenter(), NewsNERTagger(NewsEmbedding())


def natasha_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, PER|LOC|ORG) of the named entities natasha finds in Russian `text`."""
    from natasha import Doc

    segmenter, tagger = _pipeline()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [(s.start, s.stop, s.type) for s in doc.spans if s.type in TYPES]
