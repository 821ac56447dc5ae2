"""Fit the few weights of the merge decision on a GVC-format file: `python -m lagebild.merge.fit`.

Only the public Gun Violence Corpus file may be used (the corpus's own train+dev split), never a
held-out part. Each article's main event (most confident asserted one) is paired with every other
article's main event that the hard rules allow; a pair is positive when both articles report the
same gold incident. A logistic regression on the pair features (each pair twice: with and without
its embedding similarity, since the embedding is computed only when it is needed) gives the
weights; the threshold is the one whose incremental clustering of the articles, in file order,
scores the best B-cubed F1. The result is written to weights.json beside this module.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

from lagebild.eval.data import iso_day, read_jsonl
from lagebild.eval.metrics import bcubed
from lagebild.merge.aggregate import summarise
from lagebild.merge.decide import FEATURES, compatible, features
from lagebild.merge.features import event_names
from lagebild.merge.link import lead_sentence
from lagebild.merge.plan import embedder
from lagebild.merge.within import group, headline_end
from lagebild.model import Document, Event

WEIGHTS = Path(__file__).with_name("weights.json")


def main_events(path: Path) -> tuple[list[dict], list[Event | None], list[set[str]]]:
    from lagebild.ingest import prepare
    from lagebild.pipeline import extract_mentions

    records = read_jsonl(path, None)
    mains: list[Event | None] = []
    names: list[set[str]] = []
    for r in records:
        doc = prepare(
            Document.create(
                r["text"], lang=r.get("lang"), published=iso_day(r.get("published")), title=r.get("title")
            )
        )
        events = [summarise(g) for g in group(extract_mentions(doc), headline_end(doc.text))]
        asserted = [e for e in events if e.modality == "asserted"]
        main = max(asserted, key=lambda e: e.confidence) if asserted else None
        mains.append(main)
        names.append(event_names(main, doc.title, doc.text) if main else set())
    return records, mains, names


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 4000) -> np.ndarray:
    """Weights by full-batch gradient descent on the log loss.

    The classes keep their natural balance: most candidate pairs are different happenings, and a
    merge that is not sure must not merge."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + l2 * w
        w -= 0.5 * grad
    return w


def _cluster(n: int, prob: dict[tuple[int, int], float], threshold: float) -> dict[int, int]:
    """Articles in order, each joining the cluster of its best-scoring earlier article above the
    threshold (as a new report joins its best candidate event)."""
    label: dict[int, int] = {}
    for i in range(n):
        best = max(((prob.get((j, i), 0.0), j) for j in range(i)), default=(0.0, -1))
        label[i] = label[best[1]] if best[0] >= threshold else i
    return label


def fit(path: Path) -> dict:
    records, mains, names = main_events(path)
    embed = embedder()
    have = [i for i, m in enumerate(mains) if m is not None]
    vectors = dict(zip(have, embed([lead_sentence(mains[i]) for i in have]), strict=True))  # type: ignore[union-attr]
    rows, labels, keys = [], [], []
    for a in have:
        for b in have:
            if b <= a or not compatible(mains[a], mains[b], names[a], names[b]):  # type: ignore[arg-type]
                continue
            same = float(records[a]["gold_cluster"] == records[b]["gold_cluster"])
            cosine = float(np.dot(vectors[a], vectors[b]))
            for c in (cosine, None):
                rows.append(features(mains[a], mains[b], names[a], names[b], c))  # type: ignore[arg-type]
                labels.append(same)
            keys.append((a, b))
    x, y = np.array(rows), np.array(labels)
    w = fit_logistic(x, y)
    with_cosine = 1.0 / (1.0 + np.exp(-(x[0::2] @ w)))
    prob = {k: float(p) for k, p in zip(keys, with_cosine, strict=True)}
    gold = {i: r["gold_cluster"] for i, r in enumerate(records)}
    best = (0.0, 0.5)
    for threshold in np.arange(0.2, 0.91, 0.05):
        f1 = bcubed(gold, _cluster(len(records), prob, float(threshold)))["f1"]
        if f1 > best[0]:
            best = (f1, round(float(threshold), 2))
    return {
        "about": (
            "Merge decision weights (lagebild.merge.decide), fitted by `python -m lagebild.merge.fit` on the "
            "public GVC train+dev file; never on held-out data."
        ),
        "fitted_on": path.name,
        "fitted": date.today().isoformat(),
        "pairs": len(keys),
        "positive_pairs": int(y[0::2].sum()),
        "bcubed_f1_in_sample": best[0],
        "threshold": best[1],
        "weights": {name: round(float(v), 4) for name, v in zip(FEATURES, w, strict=True)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a GVC-format JSONL file (public train+dev)")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    result = fit(args.data)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "about"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
