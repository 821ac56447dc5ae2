"""Milliseconds per document of the places and time stages alone (geoparse + find_timexes).

Runs on the texts of any JSONL files with a `text` field (the gold sets are convenient: their
texts are news of ordinary length). To compare two versions of the code, run it once per
source tree, alternating, on the same machine:

    PYTHONPATH=/path/to/old/src .venv/bin/python benchmarks/bench_places_time.py FILES...
    .venv/bin/python benchmarks/bench_places_time.py FILES...

The median of --rounds passes is reported, after one warm-up pass (gazetteer loading and
regex compilation are not per-document costs). Times are CPU time of this process, so that
other work on a shared machine disturbs them less than it would wall-clock time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--docs", type=int, default=300, help="documents at most (first N over all files)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    import lagebild
    from lagebild.places import geoparse
    from lagebild.time import find_timexes

    docs: list[tuple[str, str, str | None]] = []
    for f in args.files:
        for line in f.open(encoding="utf-8"):
            r = json.loads(line)
            if r.get("text"):
                docs.append(
                    (r["text"], r.get("lang") or "en", r.get("dct") or (r.get("dltime") or "")[:10] or None)
                )
    docs = docs[: args.docs]

    def one_pass() -> tuple[float, float]:
        t_places = t_time = 0.0
        for text, lang, dct in docs:
            t0 = time.process_time()
            geoparse(text, lang)
            t1 = time.process_time()
            find_timexes(text, lang, dct)
            t_places += t1 - t0
            t_time += time.process_time() - t1
        return t_places, t_time

    one_pass()
    runs = [one_pass() for _ in range(args.rounds)]
    n = len(docs)
    places = statistics.median(r[0] for r in runs) / n * 1000
    times = statistics.median(r[1] for r in runs) / n * 1000
    chars = sum(len(d[0]) for d in docs) / n
    print(
        json.dumps(
            {
                "code": str(Path(lagebild.__file__).parent),
                "docs": n,
                "mean_chars": round(chars),
                "places_ms_per_doc": round(places, 2),
                "time_ms_per_doc": round(times, 2),
                "total_ms_per_doc": round(places + times, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
