"""SQLite vs PostgreSQL: ingest throughput and API latency on 1,000,000 events -> docs/SCALING.md.

    .venv/bin/python benchmarks/bench_store_pg.py --pg postgresql://postgres@127.0.0.1/postgres \
        [--events 1000000] [--requests 300] [--docs ../shared/eval/lgl/articles.jsonl] [--out FILE]

`--pg` names a server where the user may create databases (or set $LAGEBILD_BENCH_PG). Two
databases are made there: `lagebild_bench_api` (kept, like bench_api's SQLite file, so that later
runs skip building it) and `lagebild_bench_ingest` (made anew for every run).

Ingest: the same articles into a new SQLite file and a new PostgreSQL database, the whole
pipeline (extraction, merge with its candidate search, one transaction per document), after a
warm-up that loads the models; the store's own share is timed by a thin wrapper around it. Two
rounds in alternating order, so that a slow minute of this shared machine does not favour one.

API: bench_api's 1,000,000 synthetic events (its `build_store`), copied into PostgreSQL with
`lagebild migrate`'s bulk copy, then bench_api's map views (random bbox + time range) over HTTP
against both, one request at a time. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_api
from sections import write_section

REPO = Path(__file__).resolve().parents[1]
API_DB = "lagebild_bench_api"
INGEST_DB = "lagebild_bench_ingest"


def _db_url(server: str, name: str) -> str:
    return server.rpartition("/")[0] + "/" + name


def _recreate(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(
            f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )
    return _db_url(server, name)


def _exists(server: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


class TimedStore:
    """A store whose every call is timed: the store's own share of an ingest."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.seconds = 0.0

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - t0

        return timed


def ingest_once(url: str, docs: Path) -> dict[str, float]:
    from lagebild.ingest import ingest
    from lagebild.store import open_store

    store = open_store(url)
    timed = TimedStore(store)
    t0 = time.perf_counter()
    summary = ingest([str(docs)], timed)  # type: ignore[arg-type]
    wall = time.perf_counter() - t0
    events = store.count_events(bench_api_query())
    store.close()
    if summary.errors:
        raise SystemExit(f"{url}: {len(summary.errors)} inputs failed, e.g. {summary.errors[0]}")
    return {
        "docs": summary.new,
        "events": events,
        "wall_s": wall,
        "docs_per_s": summary.new / wall,
        "store_ms_per_doc": timed.seconds / summary.new * 1000,
    }


def bench_api_query() -> Any:
    from lagebild.store import EventQuery

    return EventQuery(modality=None)


def run_ingest(server: str, docs: Path) -> dict[str, Any]:
    from lagebild.ingest import ingest
    from lagebild.store import open_store

    tmp = Path(tempfile.mkdtemp(prefix="lagebild-bench-pg-"))
    lines = docs.read_text(encoding="utf-8").splitlines()
    warm = tmp / "warm.jsonl"
    warm.write_text("\n".join(lines[:20]) + "\n", encoding="utf-8")
    with open_store(f"sqlite:///{tmp / 'warm.db'}") as store:
        ingest([str(warm)], store)  # models and gazetteer loaded before anything is timed
    rounds: dict[str, list[dict[str, float]]] = {"sqlite": [], "postgresql": []}
    for n, order in enumerate((("sqlite", "postgresql"), ("postgresql", "sqlite"))):
        for backend in order:
            if backend == "sqlite":
                url = f"sqlite:///{tmp / f'ingest{n}.db'}"
            else:
                url = _recreate(server, INGEST_DB)
            result = ingest_once(url, docs)
            print(f"  ingest round {n + 1} {backend}: {result}", file=sys.stderr)
            rounds[backend].append(result)
    same = rounds["sqlite"][0]["events"] == rounds["postgresql"][0]["events"]
    return {"rounds": rounds, "same_events": same, "docs_file": docs.name}


def run_api(server: str, n_events: int, n_requests: int, sqlite_db: Path) -> dict[str, Any]:
    import httpx

    from lagebild.api import create_app
    from lagebild.store import open_store
    from lagebild.store.copy import copy_store
    from lagebild.store.sqlite import SQLiteStore

    if not sqlite_db.exists():
        print(f"building {n_events:,} synthetic events in {sqlite_db} ...", file=sys.stderr)
        bench_api.build_store(sqlite_db, n_events)
    with SQLiteStore(sqlite_db) as store:
        have = store.stats()["events"]
    if have != n_events:
        raise SystemExit(
            f"{sqlite_db} holds {have:,} events, not {n_events:,}: delete it or pass another --db"
        )
    pg_url = _db_url(server, API_DB)
    copy_s = None
    if _exists(server, API_DB):
        with open_store(pg_url) as store:
            if store.stats()["events"] != n_events:
                pg_url = None  # type: ignore[assignment]
    else:
        pg_url = None  # type: ignore[assignment]
    if pg_url is None:
        pg_url = _recreate(server, API_DB)
        print(f"copying into {pg_url} ...", file=sys.stderr)
        with open_store(f"sqlite:///{sqlite_db}") as src, open_store(pg_url) as dst:
            copy_s = copy_store(
                src, dst, progress=lambda what, n: print(f"  {n:,} {what}", file=sys.stderr)
            ).seconds

    rng = random.Random(11)
    spots = bench_api.hotspots(random.Random(7))  # the hotspots the store was built around
    views = [bench_api.random_view(rng, spots) for _ in range(n_requests)]
    results: dict[str, Any] = {"events": n_events, "requests": n_requests, "copy_s": copy_s}
    for name, url in (("sqlite", f"sqlite:///{sqlite_db}"), ("postgresql", pg_url)):
        with (
            bench_api.serving(create_app(url)) as base_url,
            httpx.Client(base_url=base_url, timeout=120) as client,
        ):
            for v in views[:20]:  # warm the caches of both alike
                client.get("/api/events", params=v)
            results[name] = {
                "median_total": statistics.median(
                    client.get("/api/events", params=v).json()["total"] for v in views[:50]
                ),
                "events_bbox_time": bench_api.measure(client, "/api/events", views),
                "timeline_bbox_time": bench_api.measure(client, "/api/timeline", views[:100]),
                "events_world": bench_api.measure(client, "/api/events", [{"bbox": "-180,-90,180,90"}] * 20),
            }
        print(f"  api {name}: {results[name]}", file=sys.stderr)
    return results


def report(ingest: dict[str, Any] | None, api: dict[str, Any] | None) -> str:
    lines = ["## PostgreSQL and SQLite", ""]
    if ingest:
        rounds = ingest["rounds"]
        best = {k: max(r["docs_per_s"] for r in v) for k, v in rounds.items()}
        ratio = best["postgresql"] / best["sqlite"]
        lines += [
            f"Ingest of `{ingest['docs_file']}` ({rounds['sqlite'][0]['docs']} articles, the whole pipeline with the "
            "merge stage, one transaction per document), two rounds in alternating order after a warm-up:",
            "",
            "| store | round | documents/s | store ms per document | events |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for backend, results in rounds.items():
            for n, r in enumerate(results, 1):
                lines.append(
                    f"| {backend} | {n} | {r['docs_per_s']:.1f} | {r['store_ms_per_doc']:.1f} | {r['events']:,} |"
                )
        lines += [
            "",
            f"PostgreSQL reaches {ratio:.0%} of SQLite's throughput (best round each; target: within 20%, "
            f"{'met' if ratio >= 0.8 else 'missed'}); both stores hold "
            f"{'the same number of' if ingest['same_events'] else 'DIFFERENT numbers of'} events. The store's "
            "share is the time spent inside store calls (writes, the merge's candidate search, lookups).",
            "",
        ]
    if api:

        def row(name: str, key: str) -> str:
            s, p = api["sqlite"][key], api["postgresql"][key]
            return f"| {name} | {s['p50']:.0f} | {s['p95']:.0f} | {p['p50']:.0f} | {p['p95']:.0f} |"

        copied = f" (bulk copy into PostgreSQL: {api['copy_s']:.0f} s)" if api.get("copy_s") else ""
        lines += [
            f"API on {api['events']:,} synthetic events (bench_api's store){copied}, over HTTP, one request at a "
            f"time; median matching events per map view: SQLite {api['sqlite']['median_total']:,.0f}, "
            f"PostgreSQL {api['postgresql']['median_total']:,.0f}.",
            "",
            "| request | SQLite p50 ms | SQLite p95 ms | PostgreSQL p50 ms | PostgreSQL p95 ms |",
            "| --- | ---: | ---: | ---: | ---: |",
            row(f"`/api/events` bbox + since/until ({api['requests']} requests)", "events_bbox_time"),
            row("`/api/timeline` bbox + since/until (100 requests)", "timeline_bbox_time"),
            row("`/api/events` whole-world bbox, no dates (20 requests)", "events_world"),
            "",
            "PostgreSQL: GiST index on the point (SRID 4326) and a btree on the day, combined by the planner "
            "(statistics from the copy's ANALYZE); SQLite: the space-time R*Tree.",
            "",
        ]
    lines.append(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs shared with other work, Python "
        f"{platform.python_version()}, {datetime.now(UTC).date().isoformat()}. Command: "
        "`.venv/bin/python benchmarks/bench_store_pg.py --pg postgresql://postgres@127.0.0.1/postgres`."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default=os.environ.get("LAGEBILD_BENCH_PG"), help="a PostgreSQL server URL")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument(
        "--docs", type=Path, default=REPO.parent / "shared" / "eval" / "lgl" / "articles.jsonl"
    )
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "lagebild-bench-api.db")
    parser.add_argument("--skip", choices=("ingest", "api"), help="measure only the other part")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "SCALING.md")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    args = parser.parse_args()
    if not args.pg:
        raise SystemExit("pass --pg postgresql://user@host/db (a server where databases may be created)")
    ingest = None if args.skip == "ingest" else run_ingest(args.pg, args.docs)
    api = None if args.skip == "api" else run_api(args.pg, args.events, args.requests, args.db)
    if args.json:
        args.json.write_text(json.dumps({"ingest": ingest, "api": api}, indent=2), encoding="utf-8")
    section = report(ingest, api)
    print(section)
    write_section(args.out, "postgres", section)


if __name__ == "__main__":
    main()
