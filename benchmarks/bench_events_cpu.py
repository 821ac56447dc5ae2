"""CPU per map-view request of /api/events, by part and over HTTP: the measure of issue #13.

    .venv/bin/python benchmarks/bench_events_cpu.py [--db PATH] [--views 200] [--parts] [--http] [--profile]

On benchmarks/bench_api.py's synthetic 1,000,000-event store (built at --db if missing), random
map views (bbox + time window, page of 100, asserted) as the load test asks them. CPU time
(`time.process_time`, or the server process's own counter over HTTP) is what a closed loop of
connections on a few cores waits for; unlike wall time it is not inflated by a busy machine.

- in-process: the whole request through the app (TestClient), CPU ms per request;
- `--parts`: the store's `query_events`, `count_events` up to 10,001 and the old body (`to_dict` +
  JSON), each alone: where the CPU of the read went before `event_page`;
- `--http`: the app served by uvicorn in a child process, one connection, the same views in turn;
  the server's CPU (user + system, from /proc) per request, and wall p50/p99 of that one client;
- `--profile`: cProfile of the in-process requests (the calling thread only: TestClient runs the
  app in another, so profile the store's functions directly for their part).

For a paired before/after, run a baseline tree with PYTHONPATH=BASE/src in the same conditions.
Not part of `make test`.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import build_store, hotspots, random_view

MAX_TOTAL = 10_000  # the API's count cap (lagebild.api.app.MAX_TOTAL)


def views(n: int) -> list[dict[str, str]]:
    rng, spots = random.Random(11), hotspots(random.Random(7))
    return [random_view(rng, spots) for _ in range(n)]


def in_process(db: Path, params: list[dict[str, str]], profile: bool) -> dict[str, float]:
    """CPU ms per request of each part of GET /api/events, as its handler runs them."""
    from fastapi.testclient import TestClient

    from lagebild.api import create_app

    app = create_app(f"sqlite:///{db}")
    parts: dict[str, float] = {}
    with TestClient(app) as client:
        for view in params[:20]:  # the page cache and the pool warm up
            client.get("/api/events", params=view)
        started = time.process_time()
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        for view in params:
            response = client.get("/api/events", params=view)
            if response.status_code != 200:
                raise SystemExit(f"{view}: {response.status_code} {response.text[:200]}")
        if profiler:
            profiler.disable()
        parts["request (TestClient, in-process)"] = (time.process_time() - started) * 1000 / len(params)
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(25)
    return parts


def over_http(db: Path, params: list[dict[str, str]]) -> dict[str, float]:
    """The server's own CPU per request and one client's wall times, uvicorn in a child process."""
    import socket

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code = (
        "import uvicorn\n"
        "from lagebild.api import create_app\n"
        f"uvicorn.run(create_app('sqlite:///{db}'), host='127.0.0.1', port={port}, log_level='warning')\n"
    )
    server = subprocess.Popen([sys.executable, "-c", code])
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)

        def cpu_s() -> float:
            fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

        times: list[float] = []
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for view in params[:20]:
                client.get("/api/events", params=view)
            before = cpu_s()
            for view in params:
                t0 = time.perf_counter()
                response = client.get("/api/events", params=view)
                times.append((time.perf_counter() - t0) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{view}: {response.status_code} {response.text[:200]}")
            cpu = cpu_s() - before
    finally:
        server.terminate()
        server.wait(10)
    times.sort()
    return {
        "server CPU (HTTP, uvicorn)": cpu * 1000 / len(params),
        "wall p50 (one client)": statistics.median(times),
        "wall p99 (one client)": times[max(0, round(0.99 * len(times)) - 1)],
    }


def store_parts(db: Path, params: list[dict[str, str]]) -> dict[str, float]:
    """CPU ms per request of the store's page query and count, without the web framework."""
    from lagebild.store import EventQuery
    from lagebild.store.sqlite import SQLiteStore

    queries = [
        EventQuery(
            bbox=tuple(float(x) for x in v["bbox"].split(",")),  # type: ignore[arg-type]
            since=v["since"],
            until=v["until"],
            modality=("asserted",),
            flagged=False,
            limit=100,
        )
        for v in params
    ]
    totals = {"page query (query_events)": 0.0, "count up to 10,001": 0.0, "body (to_dict + json)": 0.0}
    import json

    with SQLiteStore(db) as store:
        for query in queries[:20]:
            store.query_events(query)
        for query in queries:
            t0 = time.process_time()
            events, _ = store.query_events(query)
            t1 = time.process_time()
            store.count_events(query, at_most=MAX_TOTAL + 1)
            t2 = time.process_time()
            json.dumps([e.to_dict() for e in events], ensure_ascii=False, separators=(",", ":")).encode()
            t3 = time.process_time()
            totals["page query (query_events)"] += t1 - t0
            totals["count up to 10,001"] += t2 - t1
            totals["body (to_dict + json)"] += t3 - t2
    return {k: v * 1000 / len(queries) for k, v in totals.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "lagebild-reliability.db")
    parser.add_argument("--views", type=int, default=200)
    parser.add_argument("--http", action="store_true", help="also measure the server's CPU over HTTP")
    parser.add_argument("--profile", action="store_true", help="cProfile the in-process requests")
    parser.add_argument("--parts", action="store_true", help="also time the store's parts alone")
    args = parser.parse_args(argv)
    if not args.db.exists():
        build_store(args.db, 1_000_000)
    params = views(args.views)
    results: dict[str, Any] = {}
    if args.parts:
        results.update(store_parts(args.db, params))
    results.update(in_process(args.db, params, args.profile))
    if args.http:
        results.update(over_http(args.db, params))
    print(f"{args.views} map views, page of 100, load average {os.getloadavg()[0]:.1f}:")
    for name, value in results.items():
        print(f"  {name}: {value:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
