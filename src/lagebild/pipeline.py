"""Extraction pipeline: one document in, its events out.

    language -> event sentences -> triggers -> readings (events.compose)
             -> actors, places, dates linked per trigger -> ACLED/CAMEO -> confidence -> dedupe

Arguments come from the sentence first (nearest to the trigger, within the clause where possible)
and fall back on document context: the nearest earlier actor in the paragraph, the document's
main country as location, the publication date. The location is where the event happened, not
every place named: places introduced as origin, past experience or comparison are skipped (cues
in lang/<code>/triggers.py NOT_LOCATION).

Confidence is a logistic combination of evidence (see `confidence`), hand-set and documented in
docs/ontology.md; negated and hypothetical events are kept with their modality.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from lagebild.events.compose import Reading, compose
from lagebild.events.detect import Candidate, detect_sentence, event_sentences
from lagebild.events.hybrid import reading_without_trigger, rerank
from lagebild.events.lexicon import Lexicon, lexicon
from lagebild.events.ontology import CIVILIAN_SECTORS, acled_for, acled_role, cameo_for
from lagebild.model import Actor, Document, Event, Evidence, Place, event_id, normalise_text
from lagebild.nlp.sentences import Sentence
from lagebild.time.values import parse_iso_date

log = logging.getLogger(__name__)

# How far (characters) from a trigger an argument may be to count as its own.
_ACTOR_REACH = 160
_SUBJECT_REACH = 40  # characters from a subject to its verb
_SCENE_REACH = 400  # characters back within a paragraph that a named scene still holds
_PLACE_REACH = 200
_NOT_LOCATION_REACH = 30
# Place mentions the geoparser is less sure of than this are not used as locations.
_MIN_PLACE_SCORE = 0.45
# Above this linking cost (about 60 characters away in another clause) the main country is the
# safer location.
_FAR_PLACE_COST = 100
# Types whose passive subject is acted upon ("were arrested"), unlike troops that "were deployed".
_PATIENT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "THREATEN"})
# Armed state forces do not protest: named beside a protest they police it or are its target.
_STATE_FORCES = frozenset({"MIL", "COP", "SPY"})
# Event types whose actor may be taken from the previous sentence when the sentence names none.
_CARRY_ACTOR = frozenset(
    {"RETREAT", "MOBILIZE", "COERCE", "ASSAULT", "AGREE", "CONSULT", "SANCTION", "AID", "COOPERATE"}
)


@dataclass(slots=True)
class _Context:
    """What the document says beyond one sentence, computed once per document."""

    doc: Document
    lang: str
    dct: str | None
    lex: Lexicon | None
    actors: list[Any]
    places: list[Any]
    timexes: list[Any]
    main_place: Place | None


# --- the neighbouring modules, imported lazily so that each can fail alone -----------------------


def _call(module: str, name: str, *args: Any) -> list[Any]:
    try:
        mod = __import__(module, fromlist=[name])
        fn = getattr(mod, name)
    except (ImportError, AttributeError):
        log.debug("%s.%s is not available", module, name)
        return []
    try:
        return list(fn(*args) or [])
    except Exception:
        log.warning("%s.%s failed; continuing without it", module, name, exc_info=True)
        return []


def _detect_language(text: str) -> str | None:
    try:
        from lagebild.nlp.langid import detect_language
    except ImportError:
        return None
    return detect_language(text)


def _event_date(
    timexes: list[Any], start: int, end: int, dct: str | None, text: str
) -> tuple[str | None, str | None]:
    try:
        from lagebild.time import event_date
    except ImportError:
        return (dct, "day") if dct else (None, None)
    # `text` bounds the look-back for an earlier date to the sentence's own paragraph.
    date, precision = event_date(timexes, start, end, dct, text=text)
    return date, precision


def _country_place(code: str, places: list[Any]) -> Place | None:
    """A country-level Place for ISO2 `code`: from the document's mentions, else the gazetteer."""
    for pm in places:
        p = pm.place
        if p is not None and p.country == code and p.precision == "country":
            return p
    try:
        from lagebild.places import country_place
    except ImportError:
        return None
    return country_place(code)


def _main_country(places: list[Any], actors: list[Any], limit: int) -> str | None:
    """The country the document is mostly about: places count twice, actors once."""
    votes: Counter[str] = Counter()
    for pm in places:
        if pm.start < limit and pm.place is not None and pm.place.country:
            votes[pm.place.country] += 2
    for am in actors:
        if am.start < limit and am.actor.country and am.kind in ("country", "demonym"):
            votes[am.actor.country] += 1
    return votes.most_common(1)[0][0] if votes else None


# --- argument linking ----------------------------------------------------------------------------


def _agent_marker_before(text: str, pos: int, lex: Lexicon | None) -> bool:
    if lex is None or lex.agent is None:
        return False
    window = text[max(0, pos - 14) : pos]
    return lex.agent.search(window)


def _passive_before(text: str, pos: int, lex: Lexicon | None) -> bool:
    if lex is None or lex.passive is None:
        return False
    window = text[max(0, pos - 16) : pos].rstrip()
    return any(end == len(window) for _, end, _, _ in lex.passive.finditer(window))


def _is_speaker(text: str, mention: Any, lex: Lexicon | None) -> bool:
    """A mention followed or preceded closely by a reporting verb is who speaks, not who acts."""
    if lex is None:
        return False
    after = text[mention.end : mention.end + 30]
    before = text[max(0, mention.start - 25) : mention.start]
    return lex.reporting.search(after) or lex.reporting.search(before)


def _of_actor(text: str, anchor: Candidate, m: Any, lex: Lexicon | None) -> bool:
    """An actor attached to a nominal trigger: "withdrawal of CSTO troops", "Rückzug der CSTO"."""
    if lex is None or lex.of is None:
        return False
    gap = text[anchor.trigger_end : m.start]
    if len(gap) > 50:
        return False
    first = gap.strip().split(" ", 1)[0] if gap.strip() else ""
    return bool(first) and lex.of.search(first)


def _link_actors(
    text: str, s: Sentence, anchor: Candidate, mentions: list[Any], lex: Lexicon | None, taken: Place | None
) -> tuple[list[Actor], list[Actor]]:
    t0, t1 = anchor.trigger_start, anchor.trigger_end
    inside = [m for m in mentions if s.start <= m.start and m.end <= s.end]
    # A country named as the event's location is not also its actor ("left Kazakhstan").
    if taken is not None:
        inside = [m for m in inside if not (m.kind == "country" and m.actor.country == taken.country)]
    # Country names are places more often than actors; they act only when nothing else does.
    people = [m for m in inside if m.kind != "country"] or inside
    left = sorted((m for m in people if m.end <= t0 and t0 - m.end < 2 * _ACTOR_REACH), key=lambda m: -m.end)
    right = sorted(
        (m for m in people if m.start >= t1 and m.start - t1 < _ACTOR_REACH), key=lambda m: m.start
    )
    # The agent of a passive follows its verb closely ("was seized by rebels"), in the same clause.
    c1 = _clause_of(s, t0)[1]
    agents = [
        m for m in right if m.start - t1 < 40 and m.end <= c1 and _agent_marker_before(text, m.start, lex)
    ]
    if agents:
        return [agents[0].actor], [m.actor for m in left[:1]]
    if anchor.type in _PATIENT_TYPES and _passive_before(text, t0, lex):
        # "Protesters were killed": the subject suffered the event; the doer is unnamed.
        return [], [m.actor for m in left[:1]]
    speakers = [m for m in left if _is_speaker(text, m, lex)]
    doers = [m for m in left if m not in speakers]
    if not doers and right and _of_actor(text, anchor, right[0], lex):
        return [right[0].actor], [m.actor for m in right[1:2]]
    doers = doers or left
    objects = [m for m in right if not _is_speaker(text, m, lex)]
    if anchor.type == "PROTEST":
        doers = [m for m in doers if m.actor.sector not in _STATE_FORCES]
    return [m.actor for m in doers[:1]], [m.actor for m in objects[:1]]


def _not_location(text: str, pm: Any, s: Sentence, lex: Lexicon | None, type_: str) -> bool:
    if lex is None:
        return False
    window = text[max(s.start, pm.start - _NOT_LOCATION_REACH) : pm.start]
    if lex.not_location.search(window):
        return True
    # "aus Moskau" names an origin, except for departures, where it is the place left.
    near = text[max(s.start, pm.start - 12) : pm.start]
    return type_ != "RETREAT" and lex.origin is not None and lex.origin.search(near)


def _usable_places(text: str, places: list[Any], actors: list[Any]) -> list[Any]:
    """Place mentions that can be locations: resolved, confident, not part of a name or compound."""
    named = [(m.start, m.end) for m in actors if m.kind not in ("country", "demonym")]
    out = []
    for pm in places:
        if pm.place is None or (pm.score is not None and pm.score < _MIN_PLACE_SCORE):
            continue
        if any(a < pm.end and pm.start < b for a, b in named):
            continue  # "Nur Otan" is a party, "Stanislav Zas" a person
        if text[pm.start - 1 : pm.start] == "-" or text[pm.end : pm.end + 1] == "-":
            continue  # part of a compound: "CSTO-Mission"
        out.append(pm)
    return out


def _clause_of(s: Sentence, pos: int) -> tuple[int, int]:
    rel = pos - s.start
    lo = max((s.text.rfind(ch, 0, rel) for ch in ",;:"), default=-1) + 1
    his = [i for i in (s.text.find(ch, rel) for ch in ",;:") if i >= 0]
    return s.start + lo, s.start + (min(his) if his else len(s.text))


_JOINER = re.compile(r"\s*(?:,|\w{1,3})?\s*")  # "EU and US", "UE y EE. UU.", "ЕС и США"


def _country_as_subject(text: str, pm: Any, anchor: Candidate, c0: int, ctx: _Context) -> bool:
    """A country (or capital) named as the subject of the trigger acts; it is not where the
    event happened.

    "Die USA verlegten Soldaten an den Flughafen": the USA deploy, the place is elsewhere. A
    subject stands before its verb in the same clause with no preposition before it, and no
    other actor stands between it and the clause start unless joined to it ("EU and US").
    """
    # Capitals stand for their governments as often as countries do ("Moscow said").
    if pm.place.precision != "country" and getattr(pm, "feature", "") != "PPLC":
        return False
    if pm.end > anchor.trigger_start or pm.start < c0:
        return False
    if anchor.trigger_start - pm.end > _SUBJECT_REACH:
        return False
    from lagebild.places.langdata import hints
    from lagebild.places.normalise import fold

    before = re.findall(r"\w+", text[max(c0, pm.start - 30) : pm.start])
    if any(fold(w) in hints(ctx.lang).prepositions for w in before[-2:]):
        return False  # "in the United States", "in den USA"
    between = [m for m in ctx.actors if m.kind != "country" and pm.end <= m.start < anchor.trigger_start]
    if between:
        return False  # "the USA's envoy said": someone else is the subject
    earlier = [m for m in ctx.actors if c0 <= m.start and m.end <= pm.start and m.kind != "country"]
    return all(_JOINER.fullmatch(text[m.end : pm.start]) for m in earlier[-1:])


def _subject_countries(text: str, s: Sentence, anchor: Candidate, ctx: _Context) -> list[Actor]:
    """The country that is the subject of the trigger, as an actor ("Die USA verlegten ...")."""
    c0 = _clause_of(s, anchor.trigger_start)[0]
    for pm in ctx.places:
        if s.start <= pm.start < s.end and _country_as_subject(text, pm, anchor, c0, ctx):
            for m in ctx.actors:
                if m.kind == "country" and m.start < pm.end and pm.start < m.end:
                    return [m.actor]
    return []


def _link_place(text: str, s: Sentence, anchor: Candidate, ctx: _Context) -> Place | None:
    best: tuple[float, Place] | None = None
    c0, c1 = _clause_of(s, anchor.trigger_start)
    for pm in ctx.places:
        if pm.start < s.start or pm.end > s.end:
            continue
        if _not_location(text, pm, s, ctx.lex, anchor.type):
            continue
        if _country_as_subject(text, pm, anchor, c0, ctx):
            continue
        after = pm.start >= anchor.trigger_end
        dist = pm.start - anchor.trigger_end if after else anchor.trigger_start - pm.end
        if dist > _PLACE_REACH:
            continue
        # Same clause first; places after the trigger ("protests in Almaty") slightly preferred;
        # finer beats coarser.
        cost = dist * (0.8 if after else 1.0)
        cost += 0 if c0 <= pm.start < c1 else 50
        cost += 40 if pm.place.precision in ("country", "region") else 0
        cost += 60 * (1.0 - min(1.0, pm.score if pm.score is not None else 1.0))
        if best is None or cost < best[0]:
            best = (cost, pm.place)
    # A place far off in another clause names something else ("... crackdown on protests in X").
    if best is not None and best[0] > _FAR_PLACE_COST:
        return ctx.main_place or best[1]
    return best[1] if best else _previous_place(text, s, ctx) or ctx.main_place


def _previous_place(text: str, s: Sentence, ctx: _Context) -> Place | None:
    """The last place named before the sentence in its paragraph, finer than a country.

    News tells a scene once and goes on ("Crowds gathered in Yerevan. The speaker of parliament
    was beaten."); the scene holds until the paragraph ends. A country named earlier adds
    nothing over the document's main place, so only finer places carry.
    """
    line_start = text.rfind("\n", 0, s.start) + 1
    scene = Sentence(line_start, s.start, "", s.paragraph)  # the cue window may reach back to here
    for pm in reversed(ctx.places):
        if pm.end > s.start or pm.start < max(line_start, s.start - _SCENE_REACH):
            continue
        if pm.place.precision in ("country", "region"):
            continue
        if _not_location(text, pm, scene, ctx.lex, ""):
            continue
        return pm.place
    return None


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


def _events_of_sentence(
    s: Sentence,
    cands: list[Candidate],
    ctx: _Context,
    carry: list[Actor],
    probs: dict[str, float] | None = None,
    rank: int = 99,
) -> list[Event]:
    text = ctx.doc.text
    out = []
    date, precision = _event_date(ctx.timexes, s.start, s.end, ctx.dct, text)
    has_date = _sentence_has_timex(ctx.timexes, s)

    def actor_sector(c: Candidate) -> str | None:
        linked = _link_actors(text, s, c, ctx.actors, ctx.lex, None)[0]
        return linked[0].sector if linked else None

    victims = [
        acled_role(m.actor.sector, m.actor.canonical)
        for m in ctx.actors
        if s.start <= m.start < s.end and m.actor.sector in CIVILIAN_SECTORS
    ]
    readings = compose(cands, actor_sector, lambda c: _passive_before(text, c.trigger_start, ctx.lex))
    if probs is not None:
        readings = rerank(readings, probs)
    for reading in readings:
        anchor = reading.anchor
        place = _link_place(text, s, anchor, ctx)
        actors, recipients = _link_actors(text, s, anchor, ctx.actors, ctx.lex, place)
        if not actors:
            actors = _subject_countries(text, s, anchor, ctx)
        # "They were injured": a passive without its agent names no doer, so none is carried in.
        passive = _passive_before(text, anchor.trigger_start, ctx.lex)
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
                modality=reading.modality,  # type: ignore[arg-type]
                confidence=conf,
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


def _actor_keys(e: Event) -> set[object]:
    # A name, or who it stands for: "Russische Truppen" and "russischen Truppen" are one actor.
    keys: set[object] = {x.canonical or x.name for x in e.actors}
    keys |= {(x.country, x.igo, x.sector) for x in e.actors if x.country or x.igo}
    return keys


def _same_event(a: Event, b: Event, headline_end: int = -1) -> bool:
    """Same type, mode, modality, date and place, and the same actor (or the same sentence).

    A headline carries no date of its own (it is dated by publication), so it matches a body
    event on any date.
    """
    in_headline = min(a.evidence[0].end, b.evidence[0].end) <= headline_end
    if (a.type, a.mode, a.modality) != (b.type, b.mode, b.modality):
        return False
    if a.date != b.date and not in_headline:
        return False
    la, lb = a.location, b.location
    if (la and la.name) != (lb and lb.name):
        return False
    ka, kb = _actor_keys(a), _actor_keys(b)
    if ka and kb:
        return bool(ka & kb)
    if in_headline:
        return True
    return normalise_text(a.evidence[0].sentence).lower() == normalise_text(b.evidence[0].sentence).lower()


def dedupe(events: list[Event], headline_end: int = -1) -> list[Event]:
    """The same event told twice in one document (headline and body, quote and narrative) -> one.

    `headline_end`: offset where the document's headline line ends (-1: it has none).
    """
    kept: list[Event] = []
    for e in sorted(events, key=lambda e: -e.confidence):
        for k in kept:
            if _same_event(k, e, headline_end):
                if not k.actors and e.actors:
                    k.actors = e.actors
                if not k.recipients and e.recipients:
                    k.recipients = e.recipients
                break
        else:
            kept.append(e)
    kept.sort(key=lambda e: e.evidence[0].start)
    return kept


def _learned_probabilities(sentences: list[Sentence]) -> list[dict[str, float]] | None:
    try:
        from lagebild.events.learned import predict

        return predict([s.text for s in sentences])
    except Exception:  # the learned layer is optional: without its model the lexicon still works
        log.warning("learned event layer unavailable; using the lexicon alone", exc_info=True)
        return None


def extract(doc: Document, learned: bool = False) -> list[Event]:
    """Events of one document, deduplicated, in text order.

    `learned=True` adds the embedding classifier (events.learned) to the lexicon: it re-ranks
    readings, fills missing modes and reads sentences without triggers. It costs an embedding per
    sentence, far slower than the lexicon, so it is off by default.
    """
    if not isinstance(doc, Document):
        raise TypeError(f"extract() needs a lagebild.model.Document, not {type(doc).__name__}")
    text = doc.text or ""
    if not text.strip():
        return []
    # "de-DE", "DE" -> "de"; an unknown code falls back on detection, then English.
    given = (doc.lang or "").strip().lower().replace("_", "-").split("-")[0] or None
    lang = given if given and lexicon(given) else _detect_language(text) or given or "en"
    code = lang if lexicon(lang) else "en"
    sents = event_sentences(text, code, doc.title)
    cands = [c for sent in sents for c in detect_sentence(sent, code)]
    probs_of: dict[int, dict[str, float]] = {}
    if learned and sents:
        probs = _learned_probabilities(sents)
        if probs is not None:
            probs_of = {sent.start: p for sent, p in zip(sents, probs, strict=True)}
            cands_starts = {c.sentence.start for c in cands}
            # Sentences the classifier is sure about join the candidates (as sentence anchors).
            for sent in sents:
                extra = (
                    None
                    if sent.start in cands_starts
                    else reading_without_trigger(sent, probs_of[sent.start])
                )
                if extra is not None:
                    cands.append(extra.anchor)
    if not cands:
        return []
    # Feeds and pages put all sorts of strings in `published`; only a real date anchors time.
    day = parse_iso_date(doc.published)
    dct = day.isoformat() if day else None
    actors = sorted(_call("lagebild.actors", "find_actors", text, lang, dct), key=lambda m: m.start)
    # A trigger word inside a name is no trigger: "Rapid Support Forces", "Liberation Army".
    names = [(m.start, m.end) for m in actors if m.kind in ("group", "igo", "person")]
    cands = [c for c in cands if not any(a <= c.trigger_start and c.trigger_end <= b for a, b in names)]
    if not cands:
        return []
    places = sorted(_call("lagebild.places", "geoparse", text, lang), key=lambda m: m.start)
    places = _usable_places(text, places, actors)
    timexes = _call("lagebild.time", "find_timexes", text, lang, dct)
    limit = max(c.sentence.end for c in cands)
    main = _main_country(places, actors, limit)
    ctx = _Context(
        doc=doc,
        lang=lang,
        dct=dct,
        lex=lexicon(lang) or lexicon("en"),
        actors=actors,
        places=places,
        timexes=timexes,
        main_place=_country_place(main, places) if main else None,
    )
    by_sentence: dict[int, list[Candidate]] = {}
    sentences: dict[int, Sentence] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence.start, []).append(c)
        sentences[c.sentence.start] = c.sentence
    events: list[Event] = []
    carry: list[Actor] = []
    last_paragraph = -1
    for rank, start in enumerate(sorted(by_sentence)):
        s = sentences[start]
        if s.paragraph != last_paragraph:
            carry, last_paragraph = [], s.paragraph
        found = _events_of_sentence(
            s, by_sentence[start], ctx, carry, probs_of.get(start) if learned else None, rank
        )
        events.extend(found)
        # Only named doers carry over to the next sentence: a bare "police" may be another force,
        # and a person the sentence's events were done to ("the home of the prime minister") is no doer.
        doers = {id(a) for e in found for a in e.actors}
        in_sentence = [
            m.actor
            for m in actors
            if s.start <= m.start < s.end and m.kind in ("person", "igo") and id(m.actor) in doers
        ]
        if in_sentence:
            carry = in_sentence[-1:]
    return dedupe(events, _headline_end(text))


def _headline_end(text: str) -> int:
    """End of the first line when it is a headline (no sentence-final punctuation), else -1."""
    stripped = text.lstrip()
    first = stripped.split("\n", 1)[0].rstrip()
    if not first or first.endswith((".", "!", "?", "…", "؟")) or "\n" not in stripped:
        return -1
    return len(text) - len(stripped) + len(first)


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
