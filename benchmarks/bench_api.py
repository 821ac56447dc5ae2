"""Latency of the HTTP API on a store of 1,000,000 synthetic events -> docs/PERFORMANCE.md ("API").

    .venv/bin/python benchmarks/bench_api.py [--events 1000000] [--requests 300] [--db PATH] [--out FILE]

The events are made up here (no text of any corpus): places scattered around a few dozen
hotspots and uniformly over land and sea, dates over two years, a PLOVER type, one evidence row
each. They are written straight into the store's tables with executemany, far faster than
`add_document`, and the database is kept (--db) so that later runs skip building it.

Measured over HTTP against the app served by uvicorn on 127.0.0.1 (one client, keep-alive): `/api/events`
with a random map-view bbox and a random time range, as the map asks for it, plus the timeline
the map asks for alongside. Not part of `make test`.
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
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sections import write_section

REPO = Path(__file__).resolve().parents[1]

TYPES = (
    "ASSAULT",
    "COERCE",
    "PROTEST",
    "MOBILIZE",
    "RETREAT",
    "THREATEN",
    "CONSULT",
    "AID",
    "ACCUSE",
    "REQUEST",
)
ACLED = {"ASSAULT": "Battles", "PROTEST": "Protests", "RETREAT": "Strategic developments"}
MODALITIES = ("asserted",) * 9 + ("negated", "future", "hypothetical")
PRECISIONS = ("city",) * 6 + ("admin2", "admin1", "country")
FIRST_DAY = date(2023, 1, 1)
DAYS = 730


def hotspots(rng: random.Random, n: int = 40) -> list[tuple[float, float, float]]:
    """(lat, lon, spread in degrees) of places where many events cluster, as in real coverage."""
    return [(rng.uniform(-40, 60), rng.uniform(-120, 150), rng.uniform(0.3, 4.0)) for _ in range(n)]


def build_store(path: Path, n_events: int, seed: int = 7) -> None:
    """Create a store at `path` and fill it with `n_events` synthetic events, in bulk."""
    from lagebild.store.sqlite import SQLiteStore

    SQLiteStore(path).close()  # schema and migrations as the real store makes them
    import sqlite3

    rng = random.Random(seed)
    spots = hotspots(rng)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    doc_ids = [f"{i:032x}" for i in range(1000)]
    now = "2025-01-01T00:00:00+00:00"
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO documents (id, url, source, title, published, lang, text, fetched_at, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, 'en', 'synthetic', ?, ?)",
        [
            (d, f"https://news.example/{d}", f"source{i % 50}.example", f"Report {i}", None, now, now)
            for i, d in enumerate(doc_ids)
        ],
    )
    batch = 50_000
    for first in range(1, n_events + 1, batch):
        events, boxes, evidence = [], [], []
        for seq in range(first, min(first + batch, n_events + 1)):
            if rng.random() < 0.8:
                lat0, lon0, spread = rng.choice(spots)
                lat = max(-89.0, min(89.0, rng.gauss(lat0, spread)))
                lon = max(-179.9, min(179.9, rng.gauss(lon0, spread)))
            else:
                lat, lon = rng.uniform(-60, 75), rng.uniform(-180, 180)
            type_ = rng.choice(TYPES)
            day = (
                (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat() if rng.random() < 0.97 else None
            )
            event_id = f"{seq:024x}"
            place = {
                "name": f"Place {seq % 5000}",
                "geonameid": None,
                "lat": lat,
                "lon": lon,
                "country": "XX",
                "admin1": None,
                "precision": rng.choice(PRECISIONS),
            }
            actors = json.dumps(
                [{"name": "Armed group", "canonical": None, "country": "XX", "igo": None, "sector": "MIL"}]
            )
            events.append(
                (
                    seq,
                    event_id,
                    type_,
                    None,
                    ACLED.get(type_),
                    None,
                    None,
                    day,
                    "day" if day else None,
                    rng.choice(MODALITIES),
                    round(rng.random(), 3),
                    json.dumps(place),
                    lat,
                    lon,
                    "XX",
                    place["precision"],
                    place["name"],
                    actors,
                    "[]",
                    "armed group",
                    1,
                    now,
                    now,
                    seq,
                )
            )
            boxes.append((seq, lon, lon, lat, lat))
            doc = doc_ids[seq % len(doc_ids)]
            evidence.append(
                (event_id, doc, f"Synthetic sentence number {seq}.", seq, seq + 30, "en", None, None)
            )
        conn.executemany(
            "INSERT INTO events (seq, id, type, mode, acled_event_type, acled_sub_event_type, cameo_root, date,"
            " date_precision, modality, confidence, location, lat, lon, country, precision, place_name, actors,"
            " recipients, actor_text, num_sources, first_seen, updated, change_seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            events,
        )
        conn.executemany("INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)", boxes)
        conn.executemany(
            'INSERT INTO evidence (event_id, document_id, sentence, start, "end", lang, url, source)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            evidence,
        )
        print(f"  {min(first + batch - 1, n_events):,} events", file=sys.stderr)
    conn.execute("COMMIT")  # no ANALYZE: users' stores have no planner statistics either
    conn.close()


def random_view(rng: random.Random, spots: list[tuple[float, float, float]]) -> dict[str, str]:
    """A map view as users look at them: mostly around a hotspot, from a city to a continent,
    over a week to a year."""
    if rng.random() < 0.8:
        lat, lon, _ = rng.choice(spots)
    else:
        lat, lon = rng.uniform(-50, 70), rng.uniform(-170, 170)
    width = 10 ** rng.uniform(-0.3, 1.8)  # 0.5 to 63 degrees wide
    height = width * 0.6
    south, north = max(-90.0, lat - height / 2), min(90.0, lat + height / 2)
    west, east = max(-180.0, lon - width / 2), min(180.0, lon + width / 2)
    span = int(10 ** rng.uniform(0.85, 2.56))  # 7 to 365 days
    since = FIRST_DAY + timedelta(days=rng.randrange(DAYS - span))
    return {
        "bbox": f"{west:.4f},{south:.4f},{east:.4f},{north:.4f}",
        "since": since.isoformat(),
        "until": (since + timedelta(days=span)).isoformat(),
    }


def measure(client: Any, path: str, params_list: list[dict[str, str]]) -> dict[str, float]:
    times = []
    for params in params_list:
        t0 = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - t0) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} {params}: {response.status_code} {response.text[:200]}")
    times.sort()
    return {
        "p50": statistics.median(times),
        "p95": times[min(len(times) - 1, round(0.95 * len(times)) - 1)],
        "max": times[-1],
    }


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run `app` with uvicorn on a free local port in a thread; yields its base URL."""
    import socket
    import threading

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()


def run(n_events: int, n_requests: int, db: Path) -> dict[str, Any]:
    import httpx

    from lagebild.api import create_app
    from lagebild.store.sqlite import SQLiteStore

    if db.exists():
        with SQLiteStore(db) as store:
            have = store.stats()["events"]
        if have != n_events:
            raise SystemExit(f"{db} holds {have:,} events, not {n_events:,}: delete it or pass another --db")
        build_s = None
    else:
        print(f"building {n_events:,} synthetic events in {db} ...", file=sys.stderr)
        t0 = time.perf_counter()
        build_store(db, n_events)
        build_s = time.perf_counter() - t0

    rng = random.Random(11)
    spots = hotspots(random.Random(7))  # the same hotspots the store was built around
    views = [random_view(rng, spots) for _ in range(n_requests)]
    results: dict[str, Any] = {"events": n_events, "requests": n_requests, "build_s": build_s}
    with (
        serving(create_app(f"sqlite:///{db}")) as base_url,
        httpx.Client(base_url=base_url, timeout=60) as client,
    ):
        client.get("/api/events", params=views[0])  # warm the page cache once
        sizes = [client.get("/api/events", params=v).json() for v in views[:50]]
        results["median_total"] = statistics.median(s["total"] for s in sizes)
        results["events_bbox_time"] = measure(client, "/api/events", views)
        results["events_bbox_time_1000"] = measure(
            client, "/api/events", [{**v, "limit": "1000"} for v in views[:100]]
        )
        results["timeline_bbox_time"] = measure(client, "/api/timeline", views[:100])
        results["events_unfiltered"] = measure(client, "/api/events", [{}] * 20)
        results["events_world"] = measure(client, "/api/events", [{"bbox": "-180,-90,180,90"}] * 20)
        world = {"bbox": "-180,-90,180,90", "limit": "100000"}
        results["geojson_100k"] = measure(client, "/api/events.geojson", [world] * 3)
        results["geojson_100k_lean"] = measure(
            client, "/api/events.geojson", [{**world, "evidence": "false"}] * 3
        )
    return results


def report(r: dict[str, Any]) -> str:
    def row(name: str, key: str) -> str:
        m = r[key]
        return f"| {name} | {m['p50']:.0f} | {m['p95']:.0f} | {m['max']:.0f} |"

    built = f" (built in {r['build_s']:.0f} s)" if r.get("build_s") else ""
    return "\n".join(
        [
            "## API",
            "",
            f"`/api/events` on a SQLite store of {r['events']:,} synthetic events{built}: places around 40 "
            "hotspots and scattered, dates over two years, one evidence row each. Requests go over HTTP to "
            "uvicorn on 127.0.0.1 (httpx, keep-alive), one at a time, each with a random map-view bbox "
            "(0.5 to 63 degrees wide) and a random time range (7 to 365 days); the default page of 100 events "
            f"with `total`. Median matching events per request: {r['median_total']:,.0f}.",
            "",
            "| request | p50 ms | p95 ms | max ms |",
            "| --- | ---: | ---: | ---: |",
            row(f"`/api/events` bbox + since/until ({r['requests']} requests)", "events_bbox_time"),
            row("`/api/events` bbox + since/until, `limit=1000` (100 requests)", "events_bbox_time_1000"),
            row("`/api/timeline` bbox + since/until (100 requests)", "timeline_bbox_time"),
            row("`/api/events` no filter, first page (20 requests)", "events_unfiltered"),
            row("`/api/events` whole-world bbox, no dates: a zoomed-out map (20 requests)", "events_world"),
            row("`/api/events.geojson` 100,000 events, whole body (3 requests)", "geojson_100k"),
            row("`/api/events.geojson` 100,000 events, `evidence=false` (3 requests)", "geojson_100k_lean"),
            "",
            "bbox + dates is one search of the space-time R*Tree (schema 2); a box holding more than 50,000 "
            "events is read in date order instead, and its `total` costs one pass over the table. The store "
            "has no ANALYZE statistics, as users' stores do not.",
            "",
            f"Machine: {platform.machine()}, {os.cpu_count()} CPUs shared with other work (runs differ by up to "
            f"2x), Python {platform.python_version()}, {datetime.now(UTC).date().isoformat()}. "
            "Command: `.venv/bin/python benchmarks/bench_api.py`.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "lagebild-bench-api.db")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "PERFORMANCE.md")
    args = parser.parse_args()
    results = run(args.events, args.requests, args.db)
    section = report(results)
    print(section)
    write_section(args.out, "api", section)


if __name__ == "__main__":
    main()
