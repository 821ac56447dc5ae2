"""Family 3: time expressions, scored TempEval-3 style (extent strict/relaxed, value accuracy, value F1).

The tagger under test is any function (text, lang, dct) -> timexes with start, end and value:
lagebild.time.find_timexes by default, HeidelTime (lagebild.eval.heideltime) as a peer.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lagebild.eval.data import read_jsonl, require
from lagebild.eval.metrics import timex_scores

Tagger = Callable[[str, str, str | None], Sequence[Any]]


def default_tagger() -> Tagger:
    from lagebild.time import find_timexes

    def run(text: str, lang: str, dct: str | None) -> Sequence[Any]:
        return find_timexes(text, lang, dct)

    return run


def evaluate_time(
    path: str | Path,
    limit: int | None = None,
    tagger: Tagger | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Score a time tagger on one gold file (TempEval-3 TBAQ / WikiWarsDE format)."""
    records = read_jsonl(path, limit)
    require(records, ("text", "gold_timexes"), "time expression", path)
    tagger = tagger or default_tagger()
    gold_docs, pred_docs = [], []
    elapsed = 0.0
    for n, r in enumerate(records, 1):
        gold_docs.append([(int(t["start"]), int(t["end"]), t.get("value")) for t in r["gold_timexes"]])
        started = time.perf_counter()
        found = tagger(r["text"], r.get("lang") or "en", r.get("dct"))
        elapsed += time.perf_counter() - started
        pred_docs.append([(int(t.start), int(t.end), getattr(t, "value", None)) for t in found])
        if progress:
            progress(n, len(records))
    return {
        "n_docs": len(records),
        "n_gold": sum(len(d) for d in gold_docs),
        "n_pred": sum(len(d) for d in pred_docs),
        **timex_scores(gold_docs, pred_docs),
        "docs_per_s": round(len(records) / elapsed, 1) if elapsed > 0 else None,
    }
