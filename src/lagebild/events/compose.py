"""From trigger candidates to one reading per sentence: merge, resolve conflicts, compose.

A sentence often fires several triggers for one event ("were killed in an air raid": killed +
air raid) and sometimes for two events whose combination is what ACLED codes ("police fired
tear gas at protesters" is a protest with intervention, not a protest plus a dispersal). This
module keeps what a reader would keep; it knows types and modes, never words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.events.detect import Candidate

# Modes of ASSAULT that say how violence was done, from most to least specific: when one
# sentence has several ASSAULT triggers, the most specific mode describes the event.
_ASSAULT_SPECIFICITY = (
    "suicide-attack",
    "chemical",
    "aerial",
    "grenade",
    "explosives",
    "heavy-weapons",
    "sexual",
    "abduct",
    "retake",
    "occupy",
    "assassinate",
    "execute",
    "torture",
    "firearms",
    "primitive",
    "beat",
    "clash",
    "destroy",
    None,
)
_PROTEST_VIOLENT = ("riot", "mob")
# ASSAULT modes that, with a protest in the same sentence, mean force was used on protesters.
_FORCE_ON_PROTEST = ("firearms", "beat", "primitive", None, "clash", "assassinate")


@dataclass(slots=True)
class Reading:
    """One event read from one sentence (before arguments are linked)."""

    type: str
    mode: str | None
    score: float
    modality: str
    triggers: list[Candidate] = field(default_factory=list)
    acled: tuple[str | None, str | None] | None = None  # set when composition decides it

    @property
    def anchor(self) -> Candidate:
        return self.triggers[0]


def _rank(mode: str | None, order: tuple[str | None, ...]) -> int:
    return order.index(mode) if mode in order else len(order) - 1


def _merge_type(cands: list[Candidate]) -> list[Reading]:
    """Candidates of one type in one sentence -> readings (one per modality)."""
    by_modality: dict[str, list[Candidate]] = {}
    for c in cands:
        by_modality.setdefault(c.modality, []).append(c)
    out = []
    for modality, group in by_modality.items():
        if group[0].type == "ASSAULT":
            best = min(group, key=lambda c: (_rank(c.mode, _ASSAULT_SPECIFICITY), -c.score))
        else:
            best = max(group, key=lambda c: (c.mode is not None, c.score))
        score = max(c.score for c in group) + 0.1 * min(len(group) - 1, 3)
        triggers = [best, *[c for c in group if c is not best]]
        out.append(Reading(best.type, best.mode, score, modality, triggers))
    return out


def compose(cands: list[Candidate]) -> list[Reading]:
    """Readings of one sentence's candidates, in order of their first trigger."""
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
    if coerce and coerce.mode == "defuse" and assault and assault.mode in ("explosives", "grenade", None):
        assault.score -= 0.6
        coerce.score += 0.2
    if protest:
        if protest.mode in _PROTEST_VIOLENT:
            protest.score += 0.2
            if assault and assault.mode in ("destroy", "primitive", "beat", "clash", None):
                drop.add(id(assault))
        elif (
            assault
            and assault.mode in _FORCE_ON_PROTEST
            and protest.anchor.trigger_start < max(t.trigger_end for t in assault.triggers)
        ):
            protest.acled = ("Protests", "Excessive force against protesters")
            protest.score += 0.3
            drop.add(id(assault))
        elif coerce and coerce.mode in ("disperse", "arrest"):
            protest.acled = ("Protests", "Protest with intervention")
            protest.score += 0.3
            if coerce.mode == "disperse":
                drop.add(id(coerce))
        elif assault and assault.mode == "destroy":
            protest.acled = ("Riots", "Violent demonstration")
            protest.score += 0.2
            drop.add(id(assault))
    readings = [r for r in readings if id(r) not in drop]
    readings.sort(key=lambda r: r.anchor.trigger_start)
    return readings
