"""The store's map-page query alone, paired: R*Tree or date order by PAGE_RTREE_FACTOR.

    .venv/bin/python benchmarks/bench_map_page.py [--db PATH] [--views 120] [--factors 500,50] [--rounds 3]

Runs `SQLiteStore.query_events` (page of 100) for random map views of benchmarks/bench_api.py
on its synthetic 1,000,000-event store (built at --db if missing), alternating the factors round
by round so that a busy machine slows both alike; prints CPU per query and p50/p99/max. Factor
500 is the old rule (the R*Tree up to 50,000 matches for any page). Not part of `make test`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import build_store, hotspots, random_view


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "lagebild-reliability.db")
    parser.add_argument("--views", type=int, default=120)
    parser.add_argument("--factors", default="500,50")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    import lagebild.store.sqlite as sqlite_store
    from lagebild.store import EventQuery

    if not args.db.exists():
        build_store(args.db, 1_000_000)
    store = sqlite_store.SQLiteStore(args.db)
    rng, spots = random.Random(11), hotspots(random.Random(7))
    views = [random_view(rng, spots) for _ in range(args.views)]
    queries = [
        EventQuery(
            bbox=tuple(float(x) for x in v["bbox"].split(",")),  # type: ignore[arg-type]
            since=v["since"],
            until=v["until"],
            modality=("asserted",),
            limit=100,
        )
        for v in views
    ]
    for query in queries[:20]:  # warm the page cache
        store.query_events(query)
    for _ in range(args.rounds):
        for factor in (int(f) for f in args.factors.split(",")):
            sqlite_store.PAGE_RTREE_FACTOR = factor
            times, cpu = [], time.process_time()
            for query in queries:
                started = time.perf_counter()
                store.query_events(replace(query))
                times.append((time.perf_counter() - started) * 1000)
            cpu_ms = (time.process_time() - cpu) * 1000 / len(queries)
            times.sort()
            print(
                f"factor {factor}: CPU {cpu_ms:.1f} ms/query, p50 {statistics.median(times):.1f} ms, "
                f"p99 {times[max(0, round(0.99 * len(times)) - 1)]:.1f} ms, max {times[-1]:.1f} ms"
            )
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
