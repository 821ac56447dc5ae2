"""Argument linking: which actors, place and scene belong to one trigger of one sentence.

Arguments come from the sentence first (nearest to the trigger, within the clause where possible)
and fall back on document context: the nearest earlier actor in the paragraph, the scene named
earlier in the paragraph, the document's main country. The location is where the event happened,
not every place named: places introduced as origin, past experience or comparison are skipped (cues
in lang/<code>/triggers.py NOT_LOCATION).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from lagebild.events.casualties import suffers
from lagebild.events.detect import Candidate
from lagebild.events.lexicon import Lexicon
from lagebild.model import Actor, Document, Place
from lagebild.nlp.sentences import Sentence
from lagebild.places.api import DATELINE_END
from lagebild.places.langdata import hints
from lagebild.places.normalise import fold

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


class Spans:
    """Mentions (anything with .start and .end) sorted by start, searched by position.

    Every argument lookup asks "which mentions start in this window?"; a scan over all mentions
    for each trigger made extraction quadratic in the length of the text.
    """

    def __init__(self, mentions: list[Any]) -> None:
        self.items = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.items]
        self._max_end: list[int] = []  # running maximum of ends, for overlap tests
        high = -1
        for m in self.items:
            high = max(high, m.end)
            self._max_end.append(high)

    def __iter__(self) -> Any:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def starting(self, lo: int, hi: int) -> list[Any]:
        """Mentions with lo <= start < hi, in text order."""
        return self.items[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]

    def before(self, pos: int) -> list[Any]:
        """Mentions that start before `pos`, in text order (callers walk them backwards)."""
        return self.items[: bisect_left(self._starts, pos)]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any mention overlaps [start, end)."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._max_end[k - 1] > start


@dataclass(slots=True)
class Context:
    """What the document says beyond one sentence, computed once per document."""

    doc: Document
    lang: str
    dct: str | None
    lex: Lexicon | None
    actors: Spans
    places: Spans
    timexes: list[Any]
    main_place: Place | None


def _agent_marker_before(text: str, pos: int, lex: Lexicon | None) -> bool:
    if lex is None or lex.agent is None:
        return False
    window = text[max(0, pos - 14) : pos]
    return lex.agent.search(window)


def passive_before(text: str, pos: int, lex: Lexicon | None) -> bool:
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


def link_actors(
    text: str, s: Sentence, anchor: Candidate, mentions: Spans, lex: Lexicon | None, taken: Place | None
) -> tuple[list[Actor], list[Actor]]:
    """(actors, recipients) of one trigger: its doer and whom it was done to, by position and voice."""
    t0, t1 = anchor.trigger_start, anchor.trigger_end
    # Names outside our lists resolve to nobody's country or sector: no argument yet.
    inside = [m for m in mentions.starting(s.start, s.end) if m.end <= s.end and m.kind != "name"]
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
    c1 = clause_of(s, t0)[1]
    agents = [
        m for m in right if m.start - t1 < 40 and m.end <= c1 and _agent_marker_before(text, m.start, lex)
    ]
    if agents:
        return [agents[0].actor], [m.actor for m in left[:1]]
    if anchor.type in _PATIENT_TYPES and passive_before(text, t0, lex):
        # "Protesters were killed": the subject suffered the event; the doer is unnamed.
        return [], [m.actor for m in left[:1]]
    # "Opposition leader X was injured in an attack": the harmed actor is the patient.
    harmed = [m for m in left if lex is not None and suffers(text, m.end, c1, lex.lang)]
    if harmed:
        left = [m for m in left if m not in harmed]
    speakers = [m for m in left if _is_speaker(text, m, lex)]
    doers = [m for m in left if m not in speakers]
    if not doers and right and _of_actor(text, anchor, right[0], lex):
        return [right[0].actor], [m.actor for m in right[1:2]]
    doers = doers or left
    objects = [m for m in right if not _is_speaker(text, m, lex)]
    if anchor.type == "PROTEST":
        doers = [m for m in doers if m.actor.sector not in _STATE_FORCES]
    return [m.actor for m in doers[:1]], [m.actor for m in (harmed or objects)[:1]]


def _not_location(text: str, pm: Any, s: Sentence, lex: Lexicon | None, type_: str) -> bool:
    if lex is None:
        return False
    window = text[max(s.start, pm.start - _NOT_LOCATION_REACH) : pm.start]
    if lex.not_location.search(window):
        return True
    # "aus Moskau" names an origin, except for departures, where it is the place left.
    near = text[max(s.start, pm.start - 12) : pm.start]
    return type_ != "RETREAT" and lex.origin is not None and lex.origin.search(near)


def located_names(text: str, places: list[Any], actors: list[Any], lang: str) -> list[Any]:
    """`actors` without the lone names that are the place after a preposition ("в Алматы",
    "in Almaty"): the name finder reads an unknown capitalised word inside a sentence as a
    person, but one the gazetteer places right after "in" is where something happened."""
    preps = hints(lang).prepositions
    spans = {(pm.start, pm.end) for pm in places if pm.place is not None}
    out = []
    for m in actors:
        if m.kind in ("name", "person") and (m.start, m.end) in spans and " " not in text[m.start : m.end]:
            before = re.findall(r"\w+", text[max(0, m.start - 20) : m.start])
            if before and fold(before[-1]) in preps:
                continue
        out.append(m)
    return out


def usable_places(text: str, places: list[Any], actors: list[Any]) -> list[Any]:
    """Place mentions that can be locations: resolved, confident, not part of a name or compound."""
    named = Spans([m for m in actors if m.kind not in ("country", "demonym")])
    out = []
    for pm in places:
        if pm.place is None or (pm.score is not None and pm.score < _MIN_PLACE_SCORE):
            continue
        if named.overlaps(pm.start, pm.end):
            continue  # "Nur Otan" is a party, "Stanislav Zas" a person
        if text[pm.start - 1 : pm.start] == "-" or text[pm.end : pm.end + 1] == "-":
            continue  # part of a compound: "CSTO-Mission"
        out.append(pm)
    return out


def clause_of(s: Sentence, pos: int) -> tuple[int, int]:
    rel = pos - s.start
    lo = max((s.text.rfind(ch, 0, rel) for ch in ",;:"), default=-1) + 1
    his = [i for i in (s.text.find(ch, rel) for ch in ",;:") if i >= 0]
    return s.start + lo, s.start + (min(his) if his else len(s.text))


_JOINER = re.compile(r"\s*(?:,|\w{1,3})?\s*")  # "EU and US", "UE y EE. UU.", "ЕС и США"


def _country_as_subject(text: str, pm: Any, anchor: Candidate, c0: int, ctx: Context) -> bool:
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
    before = re.findall(r"\w+", text[max(c0, pm.start - 30) : pm.start])
    if any(fold(w) in hints(ctx.lang).prepositions for w in before[-2:]):
        return False  # "in the United States", "in den USA"
    between = [m for m in ctx.actors.starting(pm.end, anchor.trigger_start) if m.kind != "country"]
    if between:
        return False  # "the USA's envoy said": someone else is the subject
    earlier = [m for m in ctx.actors.starting(c0, pm.start) if m.end <= pm.start and m.kind != "country"]
    return all(_JOINER.fullmatch(text[m.end : pm.start]) for m in earlier[-1:])


def subject_countries(text: str, s: Sentence, anchor: Candidate, ctx: Context) -> list[Actor]:
    """The country that is the subject of the trigger, as an actor ("Die USA verlegten ...")."""
    c0 = clause_of(s, anchor.trigger_start)[0]
    for pm in ctx.places.starting(s.start, s.end):
        if _country_as_subject(text, pm, anchor, c0, ctx):
            for m in ctx.actors.starting(pm.start - 200, pm.end):
                if m.kind == "country" and m.start < pm.end and pm.start < m.end:
                    return [m.actor]
    return []


def link_place(text: str, s: Sentence, anchor: Candidate, ctx: Context) -> Place | None:
    """Where the trigger's event happened: the nearest usable place of its clause, else its scene."""
    best: tuple[float, Place] | None = None
    towns: list[tuple[float, Place]] = []  # the usable places finer than a country, with their cost
    scene: Place | None = None
    c0, c1 = clause_of(s, anchor.trigger_start)
    for pm in ctx.places.starting(s.start, s.end):
        if pm.end > s.end:
            continue
        if _not_location(text, pm, s, ctx.lex, anchor.type):
            continue
        if _country_as_subject(text, pm, anchor, c0, ctx):
            continue
        coarse = pm.place.precision in ("country", "region")
        if (
            not coarse
            and scene is None
            and pm.end <= anchor.trigger_start
            and _opens_sentence(text, s, pm, ctx)
        ):
            scene = pm.place
        after = pm.start >= anchor.trigger_end
        dist = pm.start - anchor.trigger_end if after else anchor.trigger_start - pm.end
        if dist > _PLACE_REACH:
            continue
        # Same clause first; places after the trigger ("protests in Almaty") slightly preferred;
        # finer beats coarser.
        cost = dist * (0.8 if after else 1.0)
        cost += 0 if c0 <= pm.start < c1 else 50
        cost += 40 if coarse else 0
        cost += 60 * (1.0 - min(1.0, pm.score if pm.score is not None else 1.0))
        if not coarse:
            towns.append((cost, pm.place))
        if best is None or cost < best[0]:
            best = (cost, pm.place)
    if best is not None and best[1].precision in ("country", "region"):
        # A town of that country named in the same sentence is where it happened, more exactly:
        # "missiles at cities across Ukraine ..., striking central Kyiv".
        inside = [t for t in towns if t[1].country and t[1].country == best[1].country]
        if inside:
            best = min(inside, key=lambda t: t[0])
    # A place far off in another clause names something else ("... crackdown on protests in X"),
    # unless the sentence opened on its scene ("À Erevan, des manifestants ..., accusant ...") or
    # it is a town of the document's country, finer than that country.
    if best is not None and best[0] > _FAR_PLACE_COST:
        if scene is not None:
            return scene
        if not _finer_in(best[1], ctx.main_place):
            return ctx.main_place or best[1]
    return (
        best[1] if best else scene or _previous_place(text, s, ctx) or _dateline(text, ctx) or ctx.main_place
    )


def _dateline(text: str, ctx: Context) -> Place | None:
    """The town of the report's dateline ("CHICAGO —", "NEW HAVEN >>", "Kiew (dpa) -"), where it
    lies in the document's country: where an undated-by-place event of the report most likely
    happened, and far nearer than that country's centre."""
    first = ctx.places.starting(0, 4)
    if not first or first[0].place is None or first[0].place.precision in ("country", "region"):
        return None
    pm = first[0]
    if not DATELINE_END.match(text, pm.end) or "\n" in text[: pm.start]:
        return None
    main = ctx.main_place
    return pm.place if main is None or pm.place.country == main.country else None


def _opens_sentence(text: str, s: Sentence, pm: Any, ctx: Context) -> bool:
    """Whether the sentence opens on this place as its scene: "In Paris, ...", "À Erevan, ...",
    "Am Abend in Leipzig ..." (a preposition before it, at most three words in)."""
    words = re.findall(r"\w+", text[s.start : pm.start])
    return 0 < len(words) <= 3 and fold(words[-1]) in hints(ctx.lang).prepositions


def _finer_in(place: Place, country: Place | None) -> bool:
    """Whether `place` is a town or district inside `country` (the document's main country)."""
    return (
        country is not None
        and country.precision == "country"
        and place.precision not in ("country", "region")
        and place.country == country.country
    )


def _previous_place(text: str, s: Sentence, ctx: Context) -> Place | None:
    """The last place named before the sentence in its paragraph, finer than a country.

    News tells a scene once and goes on ("Crowds gathered in Yerevan. The speaker of parliament
    was beaten."); the scene holds until the paragraph ends. A country named earlier adds
    nothing over the document's main place, so only finer places carry.
    """
    line_start = text.rfind("\n", 0, s.start) + 1
    scene = Sentence(line_start, s.start, "", s.paragraph)  # the cue window may reach back to here
    for pm in reversed(ctx.places.starting(max(line_start, s.start - _SCENE_REACH), s.start)):
        if pm.end > s.start:
            continue
        if pm.place.precision in ("country", "region"):
            continue
        if _not_location(text, pm, scene, ctx.lex, ""):
            continue
        return pm.place
    return None
