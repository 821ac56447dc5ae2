"""From trigger candidates to one reading per sentence: merge, resolve conflicts, compose.

A sentence often fires several triggers for one event ("were killed in an air raid": killed +
air raid) and sometimes for two events whose combination is what ACLED codes ("police fired
tear gas at protesters" is a protest with intervention, not a protest plus a dispersal). This
module keeps what a reader would keep; it knows types and modes, never words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lagebild.events.detect import Candidate
from lagebild.events.lexicon import Matcher
from lagebild.events.ontology import CIVILIAN_SECTORS, STATE_SECTORS

# Modes of ASSAULT that say how violence was done, from most to least specific: when one
# sentence has several ASSAULT triggers, the most specific mode describes the event.
_ASSAULT_SPECIFICITY = (
    "suicide-attack",
    "chemical",
    "aerial",
    "grenade",
    "heavy-weapons",
    "explosives",
    "sexual",
    "abduct",
    "retake",
    "occupy",
    "assassinate",
    "execute",
    "torture",
    "firearms",
    "destroy",
    "primitive",
    "beat",
    "clash",
    None,
)
_PROTEST_SPECIFICITY = (
    "riot",
    "mob",
    "strike-hun",
    "obstruct",
    "strike-gen",
    "strike-lim",
    "boycott",
    "demo",
    None,
)
_PROTEST_VIOLENT = ("riot", "mob")
# ASSAULT modes that, with a protest in the same sentence, mean force was used on protesters;
# a clash, stones or destruction with a protest mean the protest turned violent.
_FORCE_ON_PROTEST = ("firearms", "beat", None, "assassinate", "torture")
_VIOLENT_PROTEST = ("clash", "primitive", "destroy")
_EXPLOSIVE = ("explosives", "grenade", "heavy-weapons", "aerial", "suicide-attack", None)


@dataclass(slots=True)
class Reading:
    """One event read from one sentence (before arguments are linked)."""

    type: str
    mode: str | None
    score: float
    modality: str
    triggers: list[Candidate] = field(default_factory=list)
    acled: tuple[str | None, str | None] | None = None  # set when composition decides it
    # Set when the reading is the object of a statement ("condemned the bombing"): the offset where
    # the statement's trigger ends. The happening's own doers are named with it ("the bombing by
    # the Taliban"), never before it: that is the speaker, in any word order.
    reference_after: int | None = None

    @property
    def anchor(self) -> Candidate:
        return self.triggers[0]


def _rank(mode: str | None, order: tuple[str | None, ...]) -> int:
    return order.index(mode) if mode in order else len(order) - 1


# Triggers of one type further apart than this (characters) and in different clauses are two
# events ("3,000 troops were sent to X, some units were deployed earlier in Y").
_SAME_EVENT_GAP = 45


def _clusters(cands: list[Candidate]) -> list[list[Candidate]]:
    out: list[list[Candidate]] = []
    for c in sorted(cands, key=lambda c: c.trigger_start):
        if out:
            last = out[-1][-1]
            between = c.sentence.text[
                last.trigger_end - c.sentence.start : c.trigger_start - c.sentence.start
            ]
            if c.trigger_start - last.trigger_end <= _SAME_EVENT_GAP or not any(ch in between for ch in ",;"):
                out[-1].append(c)
                continue
        out.append([c])
    return out


# A weak trigger (weight 0.5, +0.1 for a mode) standing alone, without a second trigger of its
# type, makes a doubtful reading: it stays (short snippets often have nothing else), less sure.
WEAK_ALONE = 0.9
WEAK_PENALTY = 0.15


def _merge_type(cands: list[Candidate]) -> list[Reading]:
    """Candidates of one type in one sentence -> readings (one per modality and clause cluster)."""
    by_modality: dict[tuple[str, int], list[Candidate]] = {}
    for c in cands:
        by_modality.setdefault((c.modality, 0), []).append(c)
    groups: list[tuple[str, list[Candidate]]] = []
    for (modality, _), group in by_modality.items():
        groups.extend((modality, cl) for cl in _clusters(group))
    out = []
    for modality, group in groups:
        if group[0].type == "ASSAULT":
            best = min(group, key=lambda c: (_rank(c.mode, _ASSAULT_SPECIFICITY), -c.score))
        elif group[0].type == "PROTEST":
            best = min(group, key=lambda c: (_rank(c.mode, _PROTEST_SPECIFICITY), -c.score))
        else:
            best = max(group, key=lambda c: (c.mode is not None, c.score))
        score = max(c.score for c in group) + 0.1 * min(len(group) - 1, 3)
        if len(group) == 1 and group[0].score < WEAK_ALONE:
            score -= WEAK_PENALTY  # one weak, ambiguous trigger ("headquarters", "seized"): doubtful
        # The first trigger anchors the arguments (the event's verb usually comes first: "gunmen
        # opened fire ..., killing one"); the most specific one gives the mode.
        triggers = sorted(group, key=lambda c: c.trigger_start)
        out.append(Reading(best.type, best.mode, score, modality, triggers))
    return out


def _force_by_state(
    protest: Reading,
    assault: Reading,
    actor_sector: Callable[[Candidate], str | None] | None,
    passive: Callable[[Candidate], bool] | None,
) -> bool:
    sector = actor_sector(assault.anchor) if actor_sector else None
    if sector in STATE_SECTORS:
        return True
    if sector in CIVILIAN_SECTORS:
        return False  # protesters doing violence: a riot, handled by the caller
    # Unknown actor: a protest suffering the violence ("protesters were shot", "attacked a
    # demonstration") met force; protesters named as the subject of violence rioted.
    if passive and passive(assault.anchor):
        return True
    return protest.anchor.trigger_start > assault.anchor.trigger_start


def compose(
    cands: list[Candidate],
    actor_sector: Callable[[Candidate], str | None] | None = None,
    passive: Callable[[Candidate], bool] | None = None,
) -> list[Reading]:
    """Readings of one sentence's candidates, in order of their first trigger.

    `actor_sector(trigger)` gives the sector of the actor linked to a trigger where known: force
    used by police on a protest is excessive force, the same violence by protesters a riot.
    """
    by_type: dict[str, list[Candidate]] = {}
    for c in cands:
        by_type.setdefault(c.type, []).append(c)
    readings = [r for group in by_type.values() for r in _merge_type(group)]
    asserted = {r.type: r for r in readings if r.modality == "asserted"}

    protest = asserted.get("PROTEST")
    coerce = asserted.get("COERCE")
    assault = asserted.get("ASSAULT")
    drop: set[int] = set()
    # Weapons defused or seized before use: the explosion did not happen.
    if coerce and coerce.mode == "defuse" and assault and assault.mode in _EXPLOSIVE:
        assault.score -= 0.6
        coerce.score += 0.3
    # Violence named by its own words (killed, shot, beaten), not by a hint ("army" in the sentence).
    violence = bool(assault) and any(t.lexical_mode in _FORCE_ON_PROTEST for t in assault.triggers)
    if protest:
        if protest.mode in _PROTEST_VIOLENT:
            protest.score += 0.2
            if assault and assault.mode in ("destroy", "primitive", "beat", "clash", None):
                drop.add(id(assault))
        elif assault and any(t.lexical_mode in _VIOLENT_PROTEST for t in assault.triggers):
            protest.acled = ("Riots", "Violent demonstration")
            protest.score += 0.3
            drop.add(id(assault))
        elif violence and _force_by_state(protest, assault, actor_sector, passive):
            protest.acled = ("Protests", "Excessive force against protesters")
            protest.score += 0.3
            drop.add(id(assault))
        elif violence:
            protest.acled = ("Riots", "Violent demonstration")
            protest.score += 0.3
            drop.add(id(assault))
        elif coerce and coerce.mode in ("disperse", "arrest"):
            protest.acled = ("Protests", "Protest with intervention")
            protest.score += 0.3
            if coerce.mode == "disperse":
                drop.add(id(coerce))
    elif coerce and coerce.mode == "disperse" and violence and assault is not None:
        # A crowd dispersed with people hurt or killed: force used on a protest.
        coerce.acled = ("Protests", "Excessive force against protesters")
        coerce.score += 0.3
        drop.add(id(assault))
    readings = [r for r in readings if id(r) not in drop]
    readings.sort(key=lambda r: r.anchor.trigger_start)
    return _references(_demanded_not_done(readings))


# An event named as the object of a demand has not happened: "demanded the resignation of X",
# "called for a ceasefire". It stays, as wished for (modality "future"), never as a fact. (Objects
# of condemnation or praise, "condemned the attacks", did happen: they stay asserted.)
_OBJECT_REACH = 40  # characters from the demand verb to its object's head
_CLAUSE_BREAK = re.compile(r"[,;:.!?]|\b(?:and|und|et|y|и|і)\b|\bو")


def _demanded_not_done(readings: list[Reading]) -> list[Reading]:
    demands = [r.anchor for r in readings if r.type == "REQUEST"]
    for r in readings:
        t = r.anchor
        if r.type == "REQUEST" or r.modality != "asserted":
            continue
        for a in demands:
            gap = t.trigger_start - a.trigger_end
            base = t.sentence.start
            if 0 <= gap <= _OBJECT_REACH and not _CLAUSE_BREAK.search(
                t.sentence.text[a.trigger_end - base : t.trigger_start - base]
            ):
                r.modality = "future"
                break
    return readings


# A happening named as the object of a statement is a reference, not a report of its own: in "the
# EU condemned the bombing" or "Aliyev hailed the agreement" the statement is what the sentence
# tells; the bombing happened (it stays, asserted) but the speaker is not its doer. An accusation's
# object ("accused the ministry of attacking his camps") is claimed, not asserted. Captives named
# as the object of a release ("handed 13 hostages to the Red Cross") were taken before: the
# release is the event, and the taking no second reading of the same words.
_REFERENCING = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
_CLAIMING_MODES = frozenset({"allege"})
_OBJECT_OF_RELEASE = frozenset({"abduct"})
# Happenings worth an event even when only named ("condemned the bombing"); a named agreement,
# meeting or demand ("hailed the agreement") is background to the statement and no event here.
_MATERIAL = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})


def _governor(r: Reading, readings: list[Reading]) -> Reading | None:
    """The statement or release whose object `r`'s first trigger is, if any."""
    t = r.anchor
    base = t.sentence.start
    for g in readings:
        if g is r or g.modality != "asserted":
            continue
        if r.type in _REFERENCING:
            continue  # "condemned and rejected": one statement, told twice
        if not (g.type in _REFERENCING or (g.mode == "release" and r.mode in _OBJECT_OF_RELEASE)):
            continue
        a = g.triggers[-1]
        gap = t.trigger_start - a.trigger_end
        if 0 <= gap <= _OBJECT_REACH and not _CLAUSE_BREAK.search(
            t.sentence.text[a.trigger_end - base : t.trigger_start - base]
        ):
            return g
    return None


def cue_references(readings: list[Reading], cues: Matcher | None) -> list[Reading]:
    """Mark the material readings that a reference cue governs ("called the uprising treason",
    "to end the fighting", "in response to the bombing"): named as the object of what the
    sentence tells, not reported by it. `cues` is the language's REFERENCE matcher."""
    if cues is None:
        return readings
    for r in readings:
        if r.reference_after is not None or r.type not in _MATERIAL or r.modality != "asserted":
            continue
        t = r.anchor
        base = t.sentence.start
        before = t.sentence.text[: t.trigger_start - base]
        for _, end, _, _ in cues.finditer(before):
            if t.trigger_start - (base + end) <= _OBJECT_REACH and not _CLAUSE_BREAK.search(before[end:]):
                r.reference_after = base + end
                break
    return readings


def _references(readings: list[Reading]) -> list[Reading]:
    out = []
    for r in readings:
        g = _governor(r, readings) if r.modality == "asserted" else None
        if g is None:
            out.append(r)
        elif g.type in _REFERENCING and r.type in _MATERIAL:
            r.reference_after = g.triggers[-1].trigger_end
            if g.mode in _CLAIMING_MODES:
                r.modality = "hypothetical"
            out.append(r)
    return out
