"""Roles: are the source (who acts) and the target (whom it is done to) of an event the right
actors? Scored on PLOVER gold records (`gold_source` / `gold_target`), country and sector.

Each actor is reduced to (country code, sector), the way PLOVER and CAMEO code actors: a
CAMEO-style alpha-3 country (or "IGO" for an intergovernmental organisation) and a sector such as
GOV, MIL, REB, CVL. A predicted actor matches a gold actor when the codes are equal and, where
the gold actor has a sector, the sectors are equal too (a gold actor without a sector, "Tokyo",
says nothing about one). Matching is one to one within a record; over the file, micro precision,
recall and F1 of the main event's actors against gold sources and of its recipients against gold
targets. Our actor without a country or IGO can match nothing: it counts against precision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import pycountry

from lagebild.eval.metrics import prf
from lagebild.model import Actor, Event

# Codes of CAMEO-coded data that differ from ISO 3166 alpha-3.
_CAMEO_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
_NO_SECTOR = (None, "", "***")

Code = tuple[str | None, str | None]  # (country code, sector)


@cache
def _alpha3(iso2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country is not None else None


def actor_code(actor: Actor) -> Code:
    """(alpha-3 country or "IGO", sector) of one of our actors."""
    code = _alpha3(actor.country) if actor.country else ("IGO" if actor.igo else None)
    return code, actor.sector


def gold_code(gold: Mapping[str, Any]) -> Code:
    """(country code, sector) of a gold actor, with CAMEO's own codes made ISO where they differ."""
    code = gold.get("code")
    sector = gold.get("sector")
    code = _CAMEO_ALIASES.get(code, code) if isinstance(code, str) else None
    # "CVLalb": a sector with a sub-type; the sector is its first three letters.
    sector = sector[:3] if isinstance(sector, str) and sector not in _NO_SECTOR else None
    return code, sector


def _matches(pred: Code, gold: Code) -> bool:
    return pred[0] is not None and pred[0] == gold[0] and (gold[1] is None or pred[1] == gold[1])


def match_counts(pred: Sequence[Code], gold: Sequence[Code]) -> tuple[int, int, int]:
    """(tp, fp, fn) of one record: each gold actor matched at most once, exact sectors first."""
    left = list(gold)
    tp = 0
    # Predictions with a sector first, so that a sector-less gold actor does not take the
    # prediction that an exact gold actor needs.
    for p in sorted(pred, key=lambda c: c[1] is None):
        exact = [g for g in left if _matches(p, g) and g[1] is not None]
        loose = [g for g in left if _matches(p, g)]
        hit = (exact or loose)[:1]
        if hit:
            left.remove(hit[0])
            tp += 1
    return tp, len(pred) - tp, len(left)


def role_scores(records: Sequence[Mapping[str, Any]], mains: Sequence[Event | None]) -> dict[str, Any]:
    """{source: {precision, recall, f1}, target: {...}} of the main events against the gold records."""
    totals = {"source": [0, 0, 0], "target": [0, 0, 0]}
    for record, event in zip(records, mains, strict=True):
        for role, gold_key, actors in (
            ("source", "gold_source", event.actors if event else []),
            ("target", "gold_target", event.recipients if event else []),
        ):
            gold = [gold_code(g) for g in record.get(gold_key) or []]
            counts = match_counts([actor_code(a) for a in actors], gold)
            totals[role] = [t + c for t, c in zip(totals[role], counts, strict=True)]
    return {role: prf(*counts) for role, counts in totals.items()}
