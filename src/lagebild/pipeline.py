"""Extraction pipeline: one document in, its mentions and events out.

    language -> event sentences -> triggers -> readings (events.compose)
             -> actors, places, dates linked per trigger (events.arguments) -> ACLED/CAMEO
             -> confidence -> mentions -> one event per happening (merge.within)

A *mention* is one reading of one trigger in one sentence, with its evidence; an *event* is a
happening with all the mentions that report it. The pipeline knows nothing of the store: merging
across documents happens in lagebild.merge when mentions are stored.

Confidence is a logistic combination of evidence (see `confidence`), hand-set and documented in
docs/ontology.md; negated and hypothetical events are kept with their modality.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from typing import Any

from lagebild.actors import find_actors
from lagebild.events.arguments import (
    Context,
    Spans,
    link_actors,
    link_place,
    located_names,
    passive_before,
    subject_countries,
    usable_places,
)
from lagebild.events.casualties import casualties, figures
from lagebild.events.compose import Reading, compose, cue_references
from lagebild.events.detect import Candidate, detect_sentence, event_sentences
from lagebild.events.hybrid import reading_without_trigger, rerank
from lagebild.events.lexicon import lexicon
from lagebild.events.ontology import CIVILIAN_SECTORS, acled_for, acled_role, cameo_for
from lagebild.events.relevance import judge
from lagebild.events.salience import keep
from lagebild.events.tally import HARM_TYPES, assign
from lagebild.merge.within import headline_end, merge_document
from lagebild.model import Actor, Document, Event, Evidence, Place, event_id
from lagebild.nlp.langid import reading_language
from lagebild.nlp.sentences import Sentence
from lagebild.places import country_place, geoparse
from lagebild.time import event_date, find_timexes
from lagebild.time.values import parse_iso_date

# Caps per document: a long article has ~200 sentences and ~100 trigger readings. Beyond these,
# a text is a dump (a book, a log, a concatenated archive): its first sentences are read, the rest
# is not, and the document says so (`Document.capped`), so that ingest and the API report it.
MAX_SENTENCES = 1000
MAX_MENTIONS = 1000
# A sentence's date is looked for among this many time expressions before it in its paragraph:
# the nearest dated one is almost always among the last few; a one-line megabyte has thousands.
_DATE_LOOKBACK = 64

# Event types whose actor may be taken from the previous sentence when the sentence names none.
_CARRY_ACTOR = frozenset(
    {"RETREAT", "MOBILIZE", "COERCE", "ASSAULT", "AGREE", "CONSULT", "SANCTION", "AID", "COOPERATE"}
)


def _country_place(code: str, places: Spans) -> Place | None:
    """A country-level Place for ISO2 `code`: from the document's mentions, else the gazetteer."""
    for pm in places:
        p = pm.place
        if p is not None and p.country == code and p.precision == "country":
            return p
    return country_place(code)


def _main_country(places: Spans, actors: Spans, limit: int) -> str | None:
    """The country the document is mostly about: places count twice, actors once."""
    votes: Counter[str] = Counter()
    for pm in places.before(limit):
        if pm.place is not None and pm.place.country:
            votes[pm.place.country] += 2
    for am in actors.before(limit):
        if am.actor.country and am.kind in ("country", "demonym"):
            votes[am.actor.country] += 1
    return votes.most_common(1)[0][0] if votes else None


# --- confidence ----------------------------------------------------------------------------------


def confidence(
    reading: Reading, has_actor: bool, has_place: bool, sentence_date: bool, paragraph: int, rank: int = 99
) -> float:
    """Probability-like confidence in 0..1: a logistic combination of the evidence.

    Weights are set by hand (to be calibrated against gold): trigger strength counts most,
    then a specific mode, named arguments, and asserted modality. News puts the main event
    first: the first two sentences with events (`rank` 0, 1) gain, events deep in long articles
    are more often background.
    """
    z = -1.2
    z += 2.0 * min(reading.score, 1.6) - 1.0
    z += 0.3 if reading.mode else 0.0
    z += 0.5 if has_actor else 0.0
    z += 0.4 if has_place else 0.0
    z += 0.3 if sentence_date else 0.0
    z -= 0.6 if reading.modality != "asserted" else 0.0
    z -= 0.3 if paragraph > 12 else 0.0
    z += 0.4 if rank == 0 else 0.2 if rank == 1 else 0.0
    return round(1.0 / (1.0 + math.exp(-z)), 3)


# --- assembling ----------------------------------------------------------------------------------


def _sentence_has_timex(timexes: list[Any], s: Sentence) -> bool:
    return any(s.start <= t.start and t.end <= s.end for t in timexes)


def _timexes_near(timexes: list[Any], starts: list[int], text: str, s: Sentence) -> list[Any]:
    """The time expressions that can date sentence `s`: those inside it and up to
    _DATE_LOOKBACK before it in its paragraph (`timexes` in text order, `starts` their starts).
    Looking them up by bisection keeps dating linear in the document's length."""
    paragraph_start = text.rfind("\n", 0, s.start) + 1
    lo = max(bisect_left(starts, paragraph_start), bisect_left(starts, s.start) - _DATE_LOOKBACK)
    return timexes[lo : bisect_left(starts, s.end)]


def _mentions_of_sentence(
    s: Sentence,
    cands: list[Candidate],
    ctx: Context,
    carry: list[Actor],
    probs: dict[str, float] | None = None,
    rank: int = 99,
    timex_starts: list[int] | None = None,
) -> list[Event]:
    text = ctx.doc.text
    out = []
    timexes = ctx.timexes if timex_starts is None else _timexes_near(ctx.timexes, timex_starts, text, s)
    # `text` bounds the look-back for an earlier date to the sentence's own paragraph.
    date, precision = event_date(timexes, s.start, s.end, ctx.dct, text=text)
    has_date = _sentence_has_timex(timexes, s)

    def actor_sector(c: Candidate) -> str | None:
        linked = link_actors(text, s, c, ctx.actors, ctx.lex, None)[0]
        return linked[0].sector if linked else None

    victims = [
        acled_role(m.actor.sector, m.actor.canonical)
        for m in ctx.actors.starting(s.start, s.end)
        if m.actor.sector in CIVILIAN_SECTORS
    ]
    # Casualty figures are the sentence's: every reading of it reports the same dead and injured.
    killed, injured = figures(casualties(text, ctx.lang, s.start, s.end))
    readings = compose(cands, actor_sector, lambda c: passive_before(text, c.trigger_start, ctx.lex))
    readings = cue_references(readings, ctx.lex.reference)
    if probs is not None:
        readings = rerank(readings, probs)
    for reading in readings:
        anchor = reading.anchor
        place = link_place(text, s, anchor, ctx)
        actors, recipients = link_actors(text, s, anchor, ctx.actors, ctx.lex, place)
        if reading.reference_after is not None:
            # "The EU condemned the bombing": the speaker is no doer of the happening it names.
            actors = _named_after(actors, ctx.actors, anchor.trigger_start, s.end)
        if not actors and reading.reference_after is None:
            actors = subject_countries(text, s, anchor, ctx)
        # "They were injured": a passive without its agent names no doer, so none is carried in.
        passive = passive_before(text, anchor.trigger_start, ctx.lex)
        if not actors and carry and reading.type in _CARRY_ACTOR and not passive:
            actors = carry[:1]
        if reading.acled:
            acled = reading.acled
        else:
            hit = [acled_role(a.sector, a.canonical) for a in recipients]
            acting = [acled_role(a.sector, a.canonical) for a in actors]
            if reading.type == "ASSAULT":
                # Civilians named anywhere in the sentence ("five villagers were killed") are victims.
                hit += [v for v in victims if v not in acting]
            acled = acled_for(reading.type, reading.mode, acting, hit)
        conf = confidence(
            reading,
            bool(actors),
            place is not None and place is not ctx.main_place,
            has_date,
            s.paragraph,
            rank,
        )
        out.append(
            Event(
                id=event_id(ctx.doc.id, s.start, reading.type, reading.mode),
                type=reading.type,
                mode=reading.mode,
                acled_event_type=acled[0],
                acled_sub_event_type=acled[1],
                cameo_root=cameo_for(reading.type, reading.mode),
                actors=actors,
                recipients=recipients,
                location=place,
                date=date,
                date_precision=precision,  # type: ignore[arg-type]
                date_from=None
                if date is None
                else "published"
                if date == ctx.dct and not has_date
                else "text",
                modality=reading.modality,  # type: ignore[arg-type]
                confidence=conf,
                fatalities=killed,
                injured=injured,
                reference=reading.reference_after is not None,
                evidence=[
                    Evidence(
                        document_id=ctx.doc.id,
                        sentence=s.text,
                        start=s.start,
                        end=s.end,
                        lang=ctx.lang,
                        url=ctx.doc.url,
                        source=ctx.doc.source,
                    )
                ],
            )
        )
    return out


def _learned_probabilities(sentences: list[Sentence]) -> list[dict[str, float]]:
    from lagebild.events.learned import predict  # loads the embedding engine: only when asked for

    return predict([s.text for s in sentences])


def extract_mentions(doc: Document, learned: bool = False) -> list[Event]:
    """Every reading of every trigger in the document, one mention (an Event with one evidence
    sentence) each, in text order: what was read, before it is grouped into events.

    `learned=True` adds the embedding classifier (events.learned) to the lexicon: it re-ranks
    readings, fills missing modes and reads sentences without triggers. It costs an embedding per
    sentence, far slower than the lexicon, so it is off by default.
    """
    if not isinstance(doc, Document):
        raise TypeError(f"extract() needs a lagebild.model.Document, not {type(doc).__name__}")
    text = doc.text or ""
    if not text.strip():
        return []
    lang, code = reading_language(doc.lang, text)
    # Sports, markets, weather, culture: not news about events, whatever metaphors they use.
    relevance = judge(text, code, doc.title)
    doc.relevance = relevance.score
    if relevance.off_topic:
        return []
    sents = event_sentences(text, code, doc.title)
    capped: dict[str, list[int]] = {}
    if len(sents) > MAX_SENTENCES:
        capped["sentences"] = [MAX_SENTENCES, len(sents)]
        sents = sents[:MAX_SENTENCES]
    cands = [c for sent in sents for c in detect_sentence(sent, code)]
    if len(cands) > MAX_MENTIONS:
        # Whole sentences only: a sentence's readings are composed together.
        first_left = cands[MAX_MENTIONS].sentence.start
        kept = [c for c in cands if c.sentence.start < first_left]
        capped["mentions"] = [len(kept), len(cands)]
        cands = kept
        sents = [s for s in sents if s.start < first_left]
    doc.capped = capped or None
    # Actors, places and dates are read up to the last sentence read: the caps bound their cost too.
    scope = text[: sents[-1].end] if capped and sents else text
    probs_of: dict[int, dict[str, float]] = {}
    if learned and sents:
        probs_of = {sent.start: p for sent, p in zip(sents, _learned_probabilities(sents), strict=True)}
        cands_starts = {c.sentence.start for c in cands}
        # Sentences the classifier is sure about join the candidates (as sentence anchors).
        for sent in sents:
            if sent.start not in cands_starts:
                extra = reading_without_trigger(sent, probs_of[sent.start])
                if extra is not None:
                    cands.append(extra.anchor)
    if not cands:
        return []
    # Feeds and pages put all sorts of strings in `published`; only a real date anchors time.
    day = parse_iso_date(doc.published)
    dct = day.isoformat() if day else None
    found = geoparse(scope, lang)
    actors = Spans(located_names(scope, found, find_actors(scope, lang, dct), lang))
    # A trigger word inside a name is no trigger: "Rapid Support Forces", "Liberation Army".
    names = Spans([m for m in actors if m.kind in ("group", "igo", "person")])
    cands = [c for c in cands if not _inside_name(names, c)]
    if not cands:
        return []
    places = Spans(usable_places(scope, found, list(actors)))
    limit = max(c.sentence.end for c in cands)
    main = _main_country(places, actors, limit)
    ctx = Context(
        doc=doc,
        lang=lang,
        dct=dct,
        lex=lexicon(lang) or lexicon("en"),
        actors=actors,
        places=places,
        timexes=list(find_timexes(scope, lang, dct)),
        main_place=_country_place(main, places) if main else None,
    )
    timex_starts = [t.start for t in ctx.timexes]
    by_sentence: dict[int, list[Candidate]] = {}
    sentences: dict[int, Sentence] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence.start, []).append(c)
        sentences[c.sentence.start] = c.sentence
    mentions: list[Event] = []
    carry: list[Actor] = []
    last_paragraph = -1
    for rank, start in enumerate(sorted(by_sentence)):
        s = sentences[start]
        if s.paragraph != last_paragraph:
            carry, last_paragraph = [], s.paragraph
        found = _mentions_of_sentence(
            s, by_sentence[start], ctx, carry, probs_of.get(start), rank, timex_starts
        )
        mentions.extend(found)
        # Only named doers carry over to the next sentence: a bare "police" may be another force,
        # and a person the sentence's events were done to ("the home of the prime minister") is no doer.
        doers = {id(a) for e in found for a in e.actors}
        in_sentence = [
            m.actor
            for m in actors.starting(s.start, s.end)
            if m.kind in ("person", "igo") and id(m.actor) in doers
        ]
        if in_sentence:
            carry = in_sentence[-1:]
    if "accident" in relevance.domains:
        # In a story of a crash, a fall or a flood, those killed and injured are the accident's:
        # harm without a weapon or a way of violence (ASSAULT without a mode) is no attack there.
        mentions = [m for m in mentions if not (m.type == "ASSAULT" and m.mode is None)]
    # A toll is often told in a sentence of its own ("One of them died"): the happening's.
    return assign(mentions, text, lang, doc.title, headline_end(text))


def _named_after(actors: list[Actor], spans: Spans, start: int, end: int) -> list[Actor]:
    """The actors of `actors` that are named in text[start:end]."""
    named = {id(m.actor) for m in spans.starting(start, end)}
    return [a for a in actors if id(a) in named]


def _inside_name(names: Spans, c: Candidate) -> bool:
    return any(
        m.start <= c.trigger_start and c.trigger_end <= m.end
        for m in names.starting(c.trigger_start - 200, c.trigger_end)
    )


def extract(doc: Document, learned: bool = False) -> list[Event]:
    """Events of one document, in text order: its mentions grouped so that each event is one
    happening with every sentence that reports it (the headline, the lead, a quote, a recap)."""
    text = doc.text or ""
    events = merge_document(extract_mentions(doc, learned=learned), headline_end(text))
    # An article reports one to three happenings; its headline and lead say which (events.salience).
    lang, _ = reading_language(doc.lang, text)
    return [_event_casualties(e, text, lang) for e in keep(events, doc)]


def _event_casualties(event: Event, text: str, lang: str) -> Event:
    """Casualties of a happening over all its sentences: "two men were shot" and, later, "one
    died" are one killed and one injured, which no sentence says alone. Violent happenings have
    theirs from the whole document already (events.tally)."""
    if len(event.evidence) < 2 or event.type in HARM_TYPES:
        return event
    counts = [c for ev in event.evidence for c in casualties(text, lang, ev.start, ev.end)]
    event.fatalities, event.injured = figures(counts)
    return event


def extract_text(
    text: str, lang: str | None = None, published: str | None = None, **meta: Any
) -> list[Event]:
    """Events of a plain text; `meta` are further Document fields (url, source, title, ...).

    `learned=True` among them switches on the learned layer (see `extract`).
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_text() needs a str, not {type(text).__name__}")
    learned = bool(meta.pop("learned", False))
    return extract(Document.create(text, lang=lang, published=published, **meta), learned=learned)
