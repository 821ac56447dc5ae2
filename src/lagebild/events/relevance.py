"""Is this document news about events at all? A judgement made before any sentence counts.

Sports reports, market news, weather, culture, science and lifestyle pieces are full of violent
metaphors ("crushed", "sank", "price war", "battered") that the trigger lexicon cannot tell from
real violence sentence by sentence; the article as a whole can. Each language's
`lang/<code>/topics.py` lists the cue words of those domains (OFF_TOPIC) and of political,
security and crime news (EVENT_NEWS). Cues are counted once per zone, and the headline and the
lead weigh most: that is where news says what it is about. A document whose strongest off-topic
domain clearly outweighs its event-news cues gives no events; the score is kept on the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lagebild.events.lexicon import Matcher, build_matcher
from lagebild.lang import load

EVENT_NEWS = "EVENT"
# Zone weights: headline, lead (first sentences), the rest of the text read.
HEADLINE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
_LEAD_CHARS = 320
_READ_CHARS = 3000  # the topic of an article shows early; reading further costs time only
# Off-topic when the strongest domain has at least this weight and outweighs event news this much.
MIN_OFF = 3.0
RATIO = 1.5


@dataclass(frozen=True, slots=True)
class Relevance:
    """How much a document is news about events (0..1), and the off-topic domain that won."""

    score: float
    topic: str | None = None  # "sports", "business", ... when that domain outweighs event news
    off_topic: bool = False
    # Every off-topic domain the document clearly tells of (weight MIN_OFF or more), whether or
    # not it outweighs event news: a crash can be news with police and victims in it.
    domains: tuple[str, ...] = ()


@cache
def _matcher(lang: str) -> Matcher | None:
    mod = load(lang, "topics")
    if mod is None:
        return None
    prefix = getattr(load(lang, "triggers"), "WORD_PREFIX", "")
    entries = [(domain, p) for domain, patterns in getattr(mod, "OFF_TOPIC", {}).items() for p in patterns]
    entries += [(EVENT_NEWS, p) for p in getattr(mod, "EVENT_NEWS", ())]
    return build_matcher(entries, prefix)


def _zones(text: str, title: str | None) -> list[tuple[str, float]]:
    """(text, weight) zones: headline, lead, body. A first line without final punctuation is the
    headline when no title is given (feeds and pages often put it there)."""
    body = text[:_READ_CHARS]
    zones: list[tuple[str, float]] = []
    if title:
        zones.append((title, HEADLINE_WEIGHT))
    else:
        first, sep, rest = body.partition("\n")
        if sep and rest.strip() and len(first) < 200 and not first.rstrip().endswith((".", "!", "?")):
            zones.append((first, HEADLINE_WEIGHT))
            body = rest
    cut = body.find(". ", _LEAD_CHARS)
    cut = len(body) if cut < 0 else cut + 1
    zones.append((body[:cut], LEAD_WEIGHT))
    if cut < len(body):
        zones.append((body[cut:], BODY_WEIGHT))
    return zones


def judge(text: str, lang: str, title: str | None = None) -> Relevance:
    """The relevance judgement of one document in language `lang` (English cues where the language
    has none)."""
    matchers = [m for m in (_matcher(lang) or _matcher("en"),) if m is not None]
    if not matchers:
        return Relevance(1.0)
    weights: dict[str, float] = {}
    for zone, weight in _zones(text, title):
        seen: set[tuple[str, str]] = set()
        for matcher in matchers:
            for start, end, label, _ in matcher.finditer(zone):
                key = (label, zone[start:end].lower())
                if key not in seen:  # a cue repeated in one zone says nothing new
                    seen.add(key)
                    weights[label] = weights.get(label, 0.0) + weight
    on = weights.pop(EVENT_NEWS, 0.0)
    if not weights:
        return Relevance(1.0 if on else 0.5)
    topic, off = max(weights.items(), key=lambda kv: kv[1])
    score = round((on + 1.0) / (on + off + 2.0), 3)
    off_topic = off >= MIN_OFF and off >= RATIO * on
    domains = tuple(sorted(d for d, w in weights.items() if w >= MIN_OFF))
    return Relevance(score, topic if off > on else None, off_topic, domains)
