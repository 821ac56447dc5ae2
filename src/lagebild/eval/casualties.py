"""Casualties: did each article's main event get the number killed and injured right?

Exact match of the main event's `fatalities` and `injured` against the article's
`gold_num_killed` / `gold_num_injured` (Gun Violence Corpus format). An event that gives no
figure (None) is read as 0: the contract leaves a figure empty when no sentence states one, and
GVC's gold 0 is exactly "the report names nobody killed". An article without a main event
predicts 0 and 0 too, so that n is every article with gold figures and a missing event costs
where the gold figure is not 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lagebild.model import Event


def _gold(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def casualty_scores(records: Sequence[Mapping[str, Any]], mains: Mapping[str, Event]) -> dict[str, Any]:
    """{n, killed_accuracy, injured_accuracy}: `mains` maps a record's id to its main event."""
    scored = {"killed": [0, 0], "injured": [0, 0]}  # [right, total]
    for r in records:
        event = mains.get(str(r.get("id")))
        for kind, gold_key, value in (
            ("killed", "gold_num_killed", event.fatalities if event else None),
            ("injured", "gold_num_injured", event.injured if event else None),
        ):
            gold = _gold(r.get(gold_key))
            if gold is None:
                continue
            scored[kind][1] += 1
            scored[kind][0] += int((value or 0) == gold)

    def accuracy(kind: str) -> float | None:
        right, total = scored[kind]
        return round(right / total, 3) if total else None

    return {
        "n": max(scored["killed"][1], scored["injured"][1]),
        "killed_accuracy": accuracy("killed"),
        "injured_accuracy": accuracy("injured"),
    }
