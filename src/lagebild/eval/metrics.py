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


MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the worst possible error


def geo_errors(errors_km: Iterable[float]) -> dict[str, float]:
    """Gritta et al.'s resolution metrics over error distances (km).

    acc161: share within 161 km (100 miles). AUC: trapezoid area under the curve of the
    sorted log(1+km) errors over unit-spaced points, normalised by log(20039) times the
    number of intervals, as in Gritta et al.'s evaluation code: 0 is perfect, 1 is the worst.
    """
    errs = sorted(min(float(e), MAX_ERROR_KM) for e in errors_km)
    n = len(errs)
    if not n:
        return {"n": 0, "acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0}
    norm = math.log(MAX_ERROR_KM)
    logs = [math.log(1 + e) for e in errs]
    if n == 1:
        auc = logs[0] / norm  # one point spans no interval: its height is the area
    else:
        area = sum(logs) - (logs[0] + logs[-1]) / 2
        auc = area / (norm * (n - 1))
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
    _same_items(gold, pred)
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
    """Pairwise precision/recall/F1: a pair of items is positive when in the same cluster.

    Counted from cluster sizes, not by enumerating pairs, so that sets of many thousand
    articles score in linear time.
    """
    _same_items(gold, pred)

    def pairs(counts: Iterable[int]) -> int:
        return sum(c * (c - 1) // 2 for c in counts)

    same_both = pairs(Counter((gold[i], pred[i]) for i in gold).values())
    same_gold = pairs(Counter(gold.values()).values())
    same_pred = pairs(Counter(pred[i] for i in gold).values())
    out = prf(same_both, same_pred - same_both, same_gold - same_both)
    return {k: out[k] for k in ("precision", "recall", "f1")}


def _same_items(gold: dict, pred: dict) -> None:
    if missing := [i for i in gold if i not in pred]:
        raise ValueError(f"{len(missing)} items have no predicted cluster, e.g. {missing[0]!r}")


Span = tuple[int, int]


def match_spans(gold: Sequence[Span], pred: Sequence[Span], mode: str = "strict") -> list[tuple[int, int]]:
    """One-to-one matching of predicted to gold character spans: pairs of (gold index, pred index).

    strict: same start and end. overlap: any shared character; where spans compete, the pair
    with the larger overlap wins, so one long prediction cannot match two gold spans.
    """
    if mode not in ("strict", "overlap"):
        raise ValueError(f"unknown match mode {mode!r}")
    if mode == "strict":
        where = {}
        for j, p in enumerate(pred):
            where.setdefault((p[0], p[1]), []).append(j)
        pairs = []
        for i, g in enumerate(gold):
            if where.get((g[0], g[1])):
                pairs.append((i, where[(g[0], g[1])].pop(0)))
        return pairs
    candidates = []
    for i, (gs, ge) in enumerate(gold):
        for j, (ps, pe) in enumerate(pred):
            shared = min(ge, pe) - max(gs, ps)
            if shared > 0 or (gs == ps and ge == pe):
                candidates.append((-shared, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def span_prf(gold: Sequence[Span], pred: Sequence[Span], mode: str = "strict") -> dict[str, float]:
    """Precision/recall/F1 counts of predicted spans against gold spans in one document."""
    tp = len(match_spans(gold, pred, mode))
    return prf(tp, len(pred) - tp, len(gold) - tp)


def sum_prf(parts: Iterable[dict[str, float]]) -> dict[str, float]:
    """Micro-average: P/R/F1 from the summed tp/fp/fn of per-document results."""
    tp = fp = fn = 0
    for part in parts:
        tp, fp, fn = tp + part["tp"], fp + part["fp"], fn + part["fn"]
    return prf(tp, fp, fn)


def normalise_timex_value(value: str | None) -> str:
    """Compare TIMEX values as TempEval-3 does, exactly, up to case and surrounding blanks."""
    return (value or "").strip().upper()


def timex_scores(
    gold_docs: Sequence[Sequence[tuple[int, int, str | None]]],
    pred_docs: Sequence[Sequence[tuple[int, int, str | None]]],
) -> dict:
    """TempEval-3 scores over documents of (start, end, value) timexes.

    extent_strict / extent_relaxed: P/R/F1 of exact and overlapping spans; value_accuracy: share
    of relaxed matches whose value is right; value_f1 = relaxed F1 x value accuracy (TempEval-3's
    attribute F1).
    """
    if len(gold_docs) != len(pred_docs):
        raise ValueError("gold and pred differ in number of documents")
    strict, relaxed = [], []
    matched = right = 0
    for gold, pred in zip(gold_docs, pred_docs, strict=True):
        g_spans = [(g[0], g[1]) for g in gold]
        p_spans = [(p[0], p[1]) for p in pred]
        strict.append(span_prf(g_spans, p_spans, "strict"))
        pairs = match_spans(g_spans, p_spans, "overlap")
        relaxed.append(prf(len(pairs), len(p_spans) - len(pairs), len(g_spans) - len(pairs)))
        matched += len(pairs)
        right += sum(
            1 for i, j in pairs if normalise_timex_value(gold[i][2]) == normalise_timex_value(pred[j][2])
        )
    extent_relaxed = sum_prf(relaxed)
    accuracy = right / matched if matched else 0.0
    return {
        "extent_strict": sum_prf(strict),
        "extent_relaxed": extent_relaxed,
        "value_accuracy": round(accuracy, 4),
        "value_f1": round(extent_relaxed["f1"] * accuracy, 4),
    }


def multilabel_report(
    gold: Sequence[Iterable[Hashable]], pred: Sequence[Iterable[Hashable]], labels: Iterable[Hashable]
) -> dict[str, dict[str, float]]:
    """Per-label precision/recall/F1 where each item carries a set of labels (binary = one label)."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    out = {}
    for label in labels:
        tp = fp = fn = 0
        for g, p in zip(gold, pred, strict=True):
            in_g, in_p = label in set(g), label in set(p)
            tp += in_g and in_p
            fp += in_p and not in_g
            fn += in_g and not in_p
        out[str(label)] = {**prf(tp, fp, fn), "support": tp + fn}
    return out
