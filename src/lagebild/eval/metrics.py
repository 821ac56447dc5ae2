"""Metric functions shared by the evaluation families; each is tested on hand-computed cases."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def classification_report(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict:
    """Single-label classification: per-label P/R/F1 plus micro, macro and weighted F1.

    Macro and weighted averages run over the labels present in the gold data (as in
    scikit-learn with `labels=` the gold label set, the CASE 2021 convention).
    """
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    labels = sorted({*gold}, key=str)
    support = Counter(gold)
    per_label: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
        fn = support[label] - tp
        per_label[str(label)] = {**prf(tp, fp, fn), "support": support[label]}
    correct = sum(1 for g, p in zip(gold, pred, strict=True) if g == p)
    n = len(gold)
    macro = sum(v["f1"] for v in per_label.values()) / len(per_label) if per_label else 0.0
    weighted = sum(v["f1"] * v["support"] for v in per_label.values()) / n if n else 0.0
    return {
        "micro_f1": round(correct / n, 4) if n else 0.0,
        "macro_f1": round(macro, 4),
        "weighted_f1": round(weighted, 4),
        "per_label": per_label,
    }


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def geo_errors(errors_km: Iterable[float]) -> dict[str, float]:
    """Gritta et al.'s resolution metrics over error distances (km).

    acc161: share within 161 km; AUC: area under the curve of sorted log(1+km) errors,
    normalised by log(20039) (half the Earth's circumference): lower is better.
    """
    errs = sorted(float(e) for e in errors_km)
    n = len(errs)
    if not n:
        return {"n": 0, "acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0}
    logs = [math.log(1 + e) / math.log(20039) for e in errs]
    auc = sum(logs) / n  # trapezoid over unit-spaced points normalised to [0, 1]
    mid = n // 2
    median = errs[mid] if n % 2 else (errs[mid - 1] + errs[mid]) / 2
    return {
        "n": n,
        "acc161": round(sum(1 for e in errs if e <= 161) / n, 4),
        "mean_km": round(sum(errs) / n, 1),
        "median_km": round(median, 1),
        "auc": round(auc, 4),
    }


def bcubed(gold: dict[str, Hashable], pred: dict[str, Hashable]) -> dict[str, float]:
    """B-cubed precision/recall/F1 of a clustering `pred` (item -> cluster) against `gold`."""
    items = list(gold)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    g_members: dict[Hashable, set[str]] = {}
    p_members: dict[Hashable, set[str]] = {}
    for item in items:
        g_members.setdefault(gold[item], set()).add(item)
        p_members.setdefault(pred[item], set()).add(item)
    p_sum = r_sum = 0.0
    for item in items:
        g, p = g_members[gold[item]], p_members[pred[item]]
        both = len(g & p)
        p_sum += both / len(p)
        r_sum += both / len(g)
    p, r = p_sum / len(items), r_sum / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def pairwise(gold: dict[str, Hashable], pred: dict[str, Hashable]) -> dict[str, float]:
    """Pairwise precision/recall/F1: a pair of items is positive when in the same cluster."""
    items = sorted(gold)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_g = gold[a] == gold[b]
            same_p = pred[a] == pred[b]
            tp += same_g and same_p
            fp += same_p and not same_g
            fn += same_g and not same_p
    out = prf(tp, fp, fn)
    return {k: out[k] for k in ("precision", "recall", "f1")}
