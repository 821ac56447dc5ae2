"""Family 1: event detection and classification, scored on any file in one of five label schemes.

The scheme is recognised from the fields a record carries (README of the gold data):

- `gold_event_subtype`: CASE 2021 Task 2, one ACLED sub-event (or non-ACLED) code per snippet;
- `gold_event`: PLOVER gold records, one PLOVER type per sentence;
- `event_type_asked`: yes/no per event type (does this sentence report a PROTEST?);
- `gold_labels`: police actions, multi-label (KILL, ARREST, FAIL, FORCE, ANY_ACTION);
- `gold_label`: protest relevance, 1/0 (2 = unclear, skipped).

Our system answers in PLOVER types with ACLED sub-event types attached; each scheme gets a
documented projection of those events (below), never anything learnt from the gold labels.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lagebild.eval.data import EvalDataError, iso_day, read_jsonl, require
from lagebild.eval.metrics import classification_report, multilabel_report
from lagebild.eval.roles import role_scores
from lagebild.model import Event

# (text, lang, published) -> events; lagebild.pipeline.extract_text by default.
Extractor = Callable[[str, str | None, str | None], list[Event]]

SCHEMES = ("case", "plover", "yesno", "police", "protest")

# ACLED's 25 sub-event names -> the CASE 2021 Task 2 codes.
ACLED_TO_CASE: dict[str, str] = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
}
CASE_TO_ACLED = {code: name for name, code in ACLED_TO_CASE.items()}

# PLOVER types that ACLED does not code -> CASE's non-ACLED classes. Talks, statements, aid,
# demands, threats and sanctions between states are diplomacy; accusations and blame are CASE's
# attribution class. CASE's ORG_CRIME, NATURAL_DISASTER and MAN_MADE_DISASTER have no PLOVER
# counterpart: we never predict them.
PLOVER_TO_CASE_NON_ACLED: dict[str, str] = {
    "AGREE": "DIPLO",
    "CONSULT": "DIPLO",
    "SUPPORT": "DIPLO",
    "CONCEDE": "DIPLO",
    "COOPERATE": "DIPLO",
    "AID": "DIPLO",
    "REQUEST": "DIPLO",
    "REJECT": "DIPLO",
    "THREATEN": "DIPLO",
    "SANCTION": "DIPLO",
    "ACCUSE": "ATTRIB",
}
NO_EVENT = "NONE"  # predicted when the system found no event: always counted wrong

# Police actions (India Police Events) read off our events. FAIL (police failing to act) is a
# police action our modality detection marks as negated.
POLICE_SECTORS = frozenset({"COP"})  # police and internal security (actors/data/SECTORS.md)
LETHAL_MODES = frozenset({"firearms", "assassinate", "execute", "clash", "heavy-weapons", "aerial"})
POLICE_LABELS = ("KILL", "ARREST", "FAIL", "FORCE", "ANY_ACTION")


def detect_scheme(record: dict[str, Any]) -> str:
    """Which label scheme a record uses, from its fields."""
    if "gold_event_subtype" in record:
        return "case"
    if "gold_event" in record:
        return "plover"
    if "event_type_asked" in record:
        return "yesno"
    if "gold_labels" in record:
        return "police"
    if "gold_label" in record:
        return "protest"
    raise EvalDataError(
        "no event label field (gold_event_subtype, gold_event, event_type_asked, gold_labels or gold_label)"
    )


def main_event(events: Sequence[Event]) -> Event | None:
    """The most confident asserted event; else the most confident of any modality.

    A negated or future event still says what a snippet is about, which is what the
    single-label schemes ask.
    """
    if not events:
        return None
    asserted = [e for e in events if e.modality == "asserted"]
    return max(asserted or events, key=lambda e: e.confidence)


def case_label(event: Event | None, acled_names: bool = False) -> str:
    """CASE label of an event: its ACLED sub-event type as a CASE code, else the non-ACLED class."""
    if event is None:
        return NO_EVENT
    if event.acled_sub_event_type:
        if acled_names:
            return event.acled_sub_event_type
        return ACLED_TO_CASE.get(event.acled_sub_event_type, NO_EVENT)
    return PLOVER_TO_CASE_NON_ACLED.get(event.type, NO_EVENT)


def _acled_type_of(label: str) -> str:
    name = CASE_TO_ACLED.get(label, label)
    from lagebild.events.ontology import ACLED_SUB_TO_TYPE

    return ACLED_SUB_TO_TYPE.get(name, NO_EVENT)


def _plover_gold(label: str) -> str:
    """Gold PLOVER labels in the current vocabulary (older drafts said DEMAND, FIGHT, ...)."""
    try:
        from lagebild.events.ontology import normalise_type

        return normalise_type(label)[0]
    except (ImportError, ValueError):
        return label.strip().upper()


def police_labels(events: Sequence[Event]) -> set[str]:
    """Police-action labels implied by our events: asserted actions, and FAIL for an action the
    police are said not to have taken ("police did not register the complaint")."""
    labels: set[str] = set()
    for e in events:
        police = any((a.sector or "").upper() in POLICE_SECTORS for a in e.actors)
        if e.modality == "negated" and police and e.type in ("COERCE", "ASSAULT", "MOBILIZE", "ACCUSE"):
            labels.add("FAIL")
        if e.modality != "asserted":
            continue
        if (e.type == "COERCE" and e.mode == "arrest") or e.acled_sub_event_type == "Arrests":
            labels.add("ARREST")
        elif e.type == "COERCE" and e.mode == "disperse":
            labels.add("FORCE")
        elif e.type == "ASSAULT" and police:
            labels.add("FORCE")
            if e.mode in LETHAL_MODES:
                labels.add("KILL")
        elif police and e.type in ("COERCE", "MOBILIZE", "ACCUSE"):
            labels.add("ANY_ACTION")
    if labels - {"FAIL"}:
        labels.add("ANY_ACTION")
    return labels


def _default_extractor() -> Extractor:
    from lagebild.pipeline import extract_text

    def run(text: str, lang: str | None, published: str | None) -> list[Event]:
        return extract_text(text, lang=lang, published=published)

    return run


def _published(record: dict[str, Any]) -> str | None:
    return iso_day(record.get("published") or record.get("date") or record.get("dct"))


def evaluate_events(
    path: str | Path,
    limit: int | None = None,
    extract: Extractor | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Score the event system on one gold file; the scheme is read from the records' fields."""
    records = read_jsonl(path, limit)
    require(records, ("text",), "event", path)
    scheme = detect_scheme(records[0])
    if scheme == "yesno":
        records = [r for r in records if r.get("gold_is_event") is not None]
    elif scheme == "protest":
        records = [r for r in records if r.get("gold_label") in (0, 1, "0", "1")]
    if not records:
        raise EvalDataError(f"{path}: no scorable records")
    extract = extract or _default_extractor()
    predicted: list[list[Event]] = []
    started = time.perf_counter()
    for n, record in enumerate(records, 1):
        predicted.append(list(extract(record["text"], record.get("lang"), _published(record))))
        if progress:
            progress(n, len(records))
    elapsed = time.perf_counter() - started
    out: dict[str, Any] = {
        "scheme": scheme,
        "n": len(records),
        "no_event": sum(1 for events in predicted if not events),
        "docs_per_s": round(len(records) / elapsed, 1) if elapsed > 0 else None,
    }
    out.update(_SCORERS[scheme](records, predicted))
    return out


def _score_case(records: list[dict], predicted: list[list[Event]]) -> dict[str, Any]:
    gold = [str(r["gold_event_subtype"]) for r in records]
    # Held-out files may spell the labels as ACLED's names rather than CASE's codes.
    acled_names = sum(g in ACLED_TO_CASE for g in gold) > sum(g in CASE_TO_ACLED for g in gold)
    pred = [case_label(main_event(events), acled_names) for events in predicted]
    sub = classification_report(gold, pred)
    acled_idx = [i for i, r in enumerate(records) if r.get("gold_acled_event_type")]
    typ = classification_report(
        [str(records[i]["gold_acled_event_type"]) for i in acled_idx],
        [_acled_type_of(pred[i]) for i in acled_idx],
    )
    acled_only = classification_report(
        [gold[i] for i in acled_idx], [pred[i] for i in acled_idx]
    )  # the 25 ACLED types, the published anchor's setting
    averages = ("micro_f1", "macro_f1", "weighted_f1")
    return {
        "acled_subtype": {k: sub[k] for k in averages},
        "acled_subtype_acled_only": {"n": len(acled_idx), **{k: acled_only[k] for k in averages}},
        "acled_type": {"n": len(acled_idx), **{k: typ[k] for k in averages}},
        "per_label": sub["per_label"],
    }


def _labels_out(report: dict[str, dict[str, float]]) -> dict[str, Any]:
    return {"labels": report}


def _score_plover(records: list[dict], predicted: list[list[Event]]) -> dict[str, Any]:
    gold = [_plover_gold(str(r["gold_event"])) for r in records]
    pred = [(e.type if (e := main_event(events)) else NO_EVENT) for events in predicted]
    report = classification_report(gold, pred)
    return {
        "labels": report["per_label"],
        "micro_f1": report["micro_f1"],
        "macro_f1": report["macro_f1"],
        "weighted_f1": report["weighted_f1"],
        "roles": role_scores(records, [main_event(events) for events in predicted]),
    }


def _score_yesno(records: list[dict], predicted: list[list[Event]]) -> dict[str, Any]:
    labels = sorted({_plover_gold(str(r["event_type_asked"])) for r in records})
    gold, pred = [], []
    for r, events in zip(records, predicted, strict=True):
        asked = _plover_gold(str(r["event_type_asked"]))
        gold.append({asked} if r["gold_is_event"] else set())
        pred.append({asked} if any(e.type == asked and e.modality == "asserted" for e in events) else set())
    return _labels_out(_by_asked(records, gold, pred, labels))


def _by_asked(records: list[dict], gold: list[set], pred: list[set], labels: list[str]) -> dict:
    # Each sentence is asked about one type: score each type on its own sentences only.
    out = {}
    for label in labels:
        idx = [i for i, r in enumerate(records) if _plover_gold(str(r["event_type_asked"])) == label]
        out.update(multilabel_report([gold[i] for i in idx], [pred[i] for i in idx], [label]))
    return out


def _score_police(records: list[dict], predicted: list[list[Event]]) -> dict[str, Any]:
    gold = [set(r.get("gold_labels") or ()) for r in records]
    labels = [lab for lab in POLICE_LABELS if any(lab in g for g in gold)] or list(POLICE_LABELS)
    labels += sorted({lab for g in gold for lab in g} - set(labels))
    pred = [police_labels(events) for events in predicted]
    return _labels_out(multilabel_report(gold, pred, labels))


def _score_protest(records: list[dict], predicted: list[list[Event]]) -> dict[str, Any]:
    gold = [{"PROTEST"} if int(r["gold_label"]) == 1 else set() for r in records]
    pred = [
        {"PROTEST"} if any(e.type == "PROTEST" and e.modality == "asserted" for e in events) else set()
        for events in predicted
    ]
    return _labels_out(multilabel_report(gold, pred, ["PROTEST"]))


_SCORERS: dict[str, Callable[[list[dict], list[list[Event]]], dict[str, Any]]] = {
    "case": _score_case,
    "plover": _score_plover,
    "yesno": _score_yesno,
    "police": _score_police,
    "protest": _score_protest,
}
