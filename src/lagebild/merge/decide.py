"""The merge decision: is a new report the same happening as a stored event?

Hard rules first (a negated event never joins an asserted one; different types, dates further
apart than the window, or two towns far apart never merge), then a logistic score over the pair's
features. The few weights live in weights.json, fitted on the public Gun Violence Corpus file (the
corpus's own train+dev split) by `python -m lagebild.merge.fit`; see that module.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from lagebild.merge.features import (
    actor_agreement,
    count_agreement,
    day_gap,
    overlap,
    place_relation,
)
from lagebild.model import Event

# Reports of one happening lie within this many days of each other (dates read from text are
# sometimes the publication day of a follow-up); the candidate search uses the same window.
WINDOW_DAYS = 30
# Two places apart by more than this never hold one happening, however alike the reports.
FAR_KM = 300.0
DISJOINT_NAMES = 3  # names each report must give for "no name in common" to count against it
SAME_NAMES = 0.5  # share of the smaller name set that outweighs a far place

FEATURES: tuple[str, ...] = (
    "bias",
    "log_days",  # log(1 + days between the date ranges)
    "log_km",  # log(1 + km between the places), 0 when one contains the other
    "place_unknown",  # one of them has no place
    "place_contains",  # a country/province report beside a town report in it
    "names",  # shared proper names over the smaller set
    "names_none",  # one of them names nobody: the names feature says nothing
    "actors",  # +1 shared actor, -1 actors of other countries only
    "counts",  # +1 same number killed/injured, -1 different numbers
    "cosine",  # embedding similarity of the evidence, centred at 0.85 and scaled
    "cosine_missing",  # no embedding for one of them
)


@dataclass(frozen=True, slots=True)
class Model:
    weights: np.ndarray
    threshold: float  # a report joins its best candidate at this score
    # A report that also matches another stored event at this score bridges the two: they were
    # one happening split by earlier reports (each told only part of it), and become one event.
    bridge: float


@cache
def model() -> Model:
    data = json.loads(resources.files("lagebild.merge").joinpath("weights.json").read_text("utf-8"))
    w = np.array([float(data["weights"][name]) for name in FEATURES])
    threshold = float(data["threshold"])
    return Model(weights=w, threshold=threshold, bridge=float(data.get("bridge_threshold", threshold)))


def compatible(a: Event, b: Event, names_a: set[str] | None = None, names_b: set[str] | None = None) -> bool:
    """The hard rules: what can never be one happening, whatever the score says.

    Two places far apart are two happenings, unless the reports share most of their names (the
    victims, the street, the venue): then one of the two places was read wrong. Two reports in one
    language that each name several people or places, none of them the same, tell of different
    happenings (the gas-station shooting and the drive-by across town that night), and so do two
    that share neither a place nor a name; across languages names are spelt differently, and the
    embedding decides.
    """
    names_a, names_b = names_a or set(), names_b or set()
    if (
        min(len(names_a), len(names_b)) >= DISJOINT_NAMES
        and not (names_a & names_b)
        and languages(a) & languages(b)
    ):
        return False
    if a.type != b.type or a.modality != b.modality:
        return False
    gap = day_gap(a, b)
    if gap is not None and gap > WINDOW_DAYS:
        return False
    relation, km = place_relation(a.location, b.location)
    if relation == "unknown" and not (names_a & names_b) and languages(a) & languages(b):
        return False  # nothing ties them but type and day: many happenings share those
    if relation == "apart" and km > FAR_KM:
        return overlap(names_a, names_b) >= SAME_NAMES
    return True


def languages(event: Event) -> set[str]:
    return set(event.languages) or {ev.lang for ev in event.evidence}


def features(
    a: Event,
    b: Event,
    names_a: set[str],
    names_b: set[str],
    cosine: float | None = None,
) -> np.ndarray:
    """The feature vector of a pair, in the order of FEATURES."""
    gap = day_gap(a, b)
    relation, km = place_relation(a.location, b.location)
    small = min(len(names_a), len(names_b))
    fat = count_agreement(a.fatalities, b.fatalities)
    inj = count_agreement(a.injured, b.injured)
    return np.array(
        [
            1.0,
            math.log1p(min(gap if gap is not None else 3, WINDOW_DAYS)),
            0.0 if relation in ("same", "contains", "unknown") else math.log1p(min(km, 2000.0)),
            1.0 if relation == "unknown" else 0.0,
            1.0 if relation == "contains" else 0.0,
            overlap(names_a, names_b) if small else 0.0,
            0.0 if small else 1.0,
            float(actor_agreement(a, b)),
            float(max(-1, min(1, fat + inj))),
            (cosine - 0.85) * 10.0 if cosine is not None else 0.0,
            0.0 if cosine is not None else 1.0,
        ]
    )


def probability(x: np.ndarray, m: Model | None = None) -> float:
    m = m or model()
    return 1.0 / (1.0 + math.exp(-float(x @ m.weights)))
