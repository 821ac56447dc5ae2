"""Article salience: which event is an article's main event, and which few are worth keeping.

News says what it is about in its headline and lead; the rest is detail, background (earlier
incidents, past events quoted again) and routine (an investigation goes on, a name is not yet
released). An article reports one or two happenings, rarely three, so the lexicon's many
readings are not all events. Each event's confidence gains when the headline or lead tells it,
when the title names its type, and when the article tells it more than once; it loses when only
one sentence deep in the body tells it. Then the MAX_EVENTS most confident events are kept (the
main event is the first of them), and beyond them only asserted happenings the article gives a
doer of a known country ("Russian troops left", "Kazakh police arrested") and well-read violence,
protest and coercion: long reports do tell more events, while the statements, meetings and
doer-less readings beyond the first three are background and routine.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from lagebild.events.lexicon import lexicon
from lagebild.events.relevance import judge
from lagebild.model import Document, Event
from lagebild.nlp.langid import reading_language
from lagebild.time.values import date_span, parse_iso_date

MAX_EVENTS = 3
# The lead: the headline and the first sentences, up to the sentence end after this many characters.
LEAD_CHARS = 240
# Logit shifts (added to the event's own confidence, a logistic of its sentence evidence).
IN_LEAD = 0.6
IN_TITLE = 0.5
PER_MENTION = 0.3  # each further sentence that tells the same happening, up to two
BACKGROUND = 0.4  # told once, outside the lead
# A happening the text dates well before the publication ("last year, residents protested") is
# background to today's news, not its report.
PAST = 1.5
PAST_DAYS = 30
# Below this salience an event beyond the main one is dropped: a doubtful reading in the body.
FLOOR = 0.5
MATERIAL = frozenset({"ASSAULT", "PROTEST", "COERCE"})
INACTION = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "ACCUSE"})
FORCES = frozenset({"COP", "POL", "SEC", "MIL"})
# An article without the vocabulary of event news (relevance at most this: no political, security
# or crime cues outweigh the rest) gives events only when its main reading is this strong: local,
# business and science news use "battle", "released", "found" and "support" in other senses.
WEAK_RELEVANCE = 0.5
STRONG_MAIN = 0.85
# A snippet (a sentence or two) says too little about its topic for that judgement.
ARTICLE_CHARS = 1000


def lead_end(text: str) -> int:
    """End offset of the article's lead: the first sentence that ends after LEAD_CHARS."""
    stripped = len(text) - len(text.lstrip())
    cut = -1
    for mark in (". ", ".\n", "! ", "? ", "؟ "):
        pos = text.find(mark, stripped + LEAD_CHARS)
        if pos >= 0 and (cut < 0 or pos < cut):
            cut = pos
    return len(text) if cut < 0 else cut + 1


def title_types(title: str | None, lang: str) -> frozenset[str]:
    """Event types whose triggers the title names (a headline says what the article is about)."""
    lex = lexicon(lang) or lexicon("en")
    if not title or lex is None:
        return frozenset()
    return frozenset(label.partition("/")[0] for _, _, label, _ in lex.triggers.finditer(title)) - {"NONE"}


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def salience(
    event: Event, lead: int, title_types: Iterable[str] = (), published: date | None = None
) -> float:
    """The event's confidence as the article's evidence shifts it (0..1)."""
    starts = {ev.start for ev in event.evidence}
    z = _logit(event.confidence)
    in_lead = any(s < lead for s in starts)
    if in_lead:
        z += IN_LEAD
    if event.type in title_types:
        z += IN_TITLE
    z += PER_MENTION * min(len(starts) - 1, 2)
    if not in_lead and len(starts) == 1:
        z -= BACKGROUND
    if published is not None and event.date_from == "text":
        span = date_span(event.date, event.date_precision)
        if span is not None and span[1] < published - timedelta(days=PAST_DAYS):
            z -= PAST
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def select(
    events: Sequence[Event],
    text: str,
    title_types: Iterable[str] = (),
    published: date | None = None,
    relevance: float | None = None,
    limit: int = MAX_EVENTS,
) -> list[Event]:
    """The article's most salient events (see the module), salience as confidence, in text order.

    `relevance` is the document's judgement (events.relevance): low, only a strong main reading
    makes the article one about events. Events that are only references (Event.reference) are
    chosen only where no report of their type is."""
    # A happening only named by the statements that tell of it ("condemned the bombing") is the
    # article's event only when nothing else there reports one of its kind: crime news often
    # tells the shooting only as what a suspect is "accused of".
    reported = {e.type for e in events if not e.reference}
    events = [e for e in events if not e.reference or e.type not in reported]
    if not events:
        return []
    lead = lead_end(text)
    types = frozenset(title_types)
    for e in events:
        e.confidence = salience(e, lead, types, published)
    ranked = sorted(events, key=lambda e: -e.confidence)
    weak = relevance is not None and relevance <= WEAK_RELEVANCE and len(text) >= ARTICLE_CHARS
    if weak and ranked[0].confidence < STRONG_MAIN:
        return []
    kept = ranked[:1] + [e for e in ranked[1:limit] if e.confidence >= FLOOR]
    kept += [e for e in ranked[1:] if e not in kept and _reported_in_own_right(e)]
    return sorted(kept, key=lambda e: min((ev.start for ev in e.evidence), default=0))


def keep(events: Sequence[Event], doc: Document) -> list[Event]:
    """The events of `doc` (its mentions grouped, merge.within) that it reports: `select` with
    what the document says of itself (title, publication day, relevance).

    The one choice both `lagebild extract` and the store make, so that a stored document has the
    events extraction shows; its other readings stay stored as mentions of no event. A document
    read back from a store has no relevance judgement: it is judged again, as extraction did."""
    if not events:
        return []
    text = doc.text or ""
    _, code = reading_language(doc.lang, text)
    relevance = doc.relevance if doc.relevance is not None else judge(text, code, doc.title).score
    return select(events, text, title_types(doc.title, code), parse_iso_date(doc.published), relevance)


def _reported_in_own_right(event: Event) -> bool:
    if event.modality == "asserted" and any(a.country for a in event.actors):
        return True
    # Police or troops said not to have acted ("police did not register the complaint") is a
    # failure to act: news in its own right, however low its reading.
    if (
        event.modality == "negated"
        and event.type in INACTION
        and any(a.sector in FORCES for a in event.actors)
    ):
        return True
    # What event databases count (violence, protest, coercion), asserted or said not to have
    # happened ("police did not register the complaint"), is worth its own pin when well read.
    return event.type in MATERIAL and event.modality in ("asserted", "negated") and event.confidence >= FLOOR
