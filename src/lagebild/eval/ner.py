"""Family 4: named entities, CoNLL style (exact span and type), on GermEval 2014 and FactRuEval 2016.

Our NER is not a tagger of its own: it is what the pipeline already finds. Persons are the names
inside lagebild.actors' person mentions, organisations the IGOs and groups it resolves, places
the country names it resolves plus lagebild.places' toponyms. natasha, the Russian NER that
lagebild can call as a peer, is scored on the same files for comparison (`system="natasha"`).

Type mapping. GermEval: PER, LOC, ORG scored; OTH and every -deriv/-part type ("russischen",
"EU-weit") not scored. FactRuEval: Person -> PER, Org -> ORG, Location and LocOrg -> LOC (a
place named as an actor, "Москва заявила", is still a place name; natasha's own evaluation does
the same); Project and anything else not scored. A prediction whose span is exactly that of a
gold entity of an unscored type counts neither way: the gold set says something is there, we
only disagree on a type we do not score. The same holds inside a GermEval -part token: in
"SPD-Genossen" (ORGpart) the gold says an organisation's name is part of the word, and our "SPD"
is that name; GermEval labels whole tokens, so it cannot mark the name itself.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lagebild.eval.data import EvalDataError, read_jsonl, require
from lagebild.eval.metrics import prf

SCORED = ("PER", "LOC", "ORG")
TYPE_MAP = {
    "PER": "PER",
    "LOC": "LOC",
    "ORG": "ORG",
    "Person": "PER",
    "Location": "LOC",
    "LocOrg": "LOC",
    "Org": "ORG",
}
SYSTEMS = ("lagebild", "natasha", "lagebild+natasha")
_KIND_TYPE = {"person": "PER", "igo": "ORG", "group": "ORG", "country": "LOC"}

Span = tuple[int, int, str]


def _places_spot() -> Callable[[str, str], list[tuple[int, int]]] | None:
    """lagebild.places.spot, or None while that module is missing or broken."""
    try:
        from lagebild.places import spot  # type: ignore[attr-defined]
    except ImportError:
        try:
            from lagebild.places.api import spot
        except ImportError:
            return None
    return spot


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < a[1] and a[0] < e for s, e in spans)


def _modifier(text: str, end: int) -> bool:
    """The name is the first part of a compound ("EU-Märkte", "CSU-Politiker"): an actor for
    lagebild, but no entity mention of its own (GermEval marks the whole word, as -part)."""
    return text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha()


def lagebild_entities(text: str, lang: str, natasha: bool = False) -> list[Span]:
    """Our entities: names inside actor mentions, plus place names that overlap none of them."""
    from lagebild.actors import find_actors

    out: list[Span] = []
    for m in find_actors(text, lang, natasha=natasha):
        out += [(s, e, _KIND_TYPE[k]) for s, e, k in m.names if k in _KIND_TYPE and not _modifier(text, e)]
    spot = _places_spot()
    if spot is not None:
        taken = [(s, e) for s, e, _ in out]
        out += [(s, e, "LOC") for s, e in spot(text, lang) if not _overlaps((s, e), taken)]
    return sorted(set(out))


def natasha_entities(text: str, lang: str) -> list[Span]:
    if lang != "ru":
        raise EvalDataError(f"natasha reads Russian only; this file is {lang!r}")
    from lagebild.actors.natasha_ner import natasha_spans

    return natasha_spans(text)


def _gold(
    record: dict[str, Any], unscored: Counter
) -> tuple[set[Span], set[tuple[int, int]], list[tuple[int, int]]]:
    """Scored gold entities, spans of unscored ones, and spans of -part tokens (see the module)."""
    gold: set[Span] = set()
    ignore: set[tuple[int, int]] = set()
    parts: list[tuple[int, int]] = []
    for g in record["gold_entities"]:
        typ = TYPE_MAP.get(g.get("type", ""))
        span = (int(g["start"]), int(g["end"]))
        if typ is None:
            unscored[g.get("type", "?")] += 1
            ignore.add(span)
            if str(g.get("type", "")).endswith("part"):
                parts.append(span)
        else:
            gold.add((*span, typ))
    return gold, ignore, parts


def evaluate_ner(path: str | Path, limit: int | None = None, system: str = "lagebild") -> dict[str, Any]:
    """Entity-level exact span+type precision/recall/F1, overall and per type, of `system` on `path`.

    Reads GermEval-style sentence records and FactRuEval-style document records alike: both
    carry `text` and `gold_entities` with character offsets and a type.
    """
    if system not in SYSTEMS:
        raise EvalDataError(f"unknown NER system {system!r}; expected one of {', '.join(SYSTEMS)}")
    records = read_jsonl(path, limit)
    require(records, ("text", "gold_entities"), "named-entity", path)
    counts = {t: Counter() for t in SCORED}
    unscored: Counter = Counter()
    langs: Counter = Counter()
    started = time.perf_counter()
    for record in records:
        lang = record.get("lang") or "de"
        langs[lang] += 1
        gold, ignore, parts = _gold(record, unscored)
        text = record["text"]
        if system == "natasha":
            pred = set(natasha_entities(text, lang))
        else:
            pred = set(lagebild_entities(text, lang, natasha=system == "lagebild+natasha"))
        pred = {
            p
            for p in pred
            if (p[0], p[1]) not in ignore and not any(s <= p[0] and p[1] <= e for s, e in parts)
        }
        for typ in SCORED:
            g = {x for x in gold if x[2] == typ}
            p = {x for x in pred if x[2] == typ}
            counts[typ]["tp"] += len(g & p)
            counts[typ]["fp"] += len(p - g)
            counts[typ]["fn"] += len(g - p)
    elapsed = time.perf_counter() - started
    per_type = {
        t: {**prf(c["tp"], c["fp"], c["fn"]), "support": c["tp"] + c["fn"]} for t, c in counts.items()
    }
    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")}
    return {
        "system": system,
        "lang": ",".join(sorted(langs)),
        "overall": prf(total["tp"], total["fp"], total["fn"]),
        "per_type": per_type,
        "not_scored": sorted(unscored),
        "not_scored_counts": dict(sorted(unscored.items())),
        "places": "lagebild.places.spot" if _places_spot() is not None and system != "natasha" else None,
        "n": len(records),
        "docs_per_s": round(len(records) / elapsed, 1) if elapsed > 0 else None,
    }
