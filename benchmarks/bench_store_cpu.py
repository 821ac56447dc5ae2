"""The store's write path in CPU time and waits for the server, SQLite vs PostgreSQL.

    .venv/bin/python benchmarks/bench_store_cpu.py --pg postgresql://postgres@127.0.0.1/postgres \
        [--docs ../shared/eval/lgl/articles.jsonl] [--limit 400] [--rounds 2]

bench_store_write's wall time is mostly waiting for a core on a shared machine (at a load of 10
its rounds differ by 2x). This measures what does not depend on the load: the CPU time of the
writing process and of its PostgreSQL backend (read from /proc, so the server must run on this
machine, Linux), and how often a document's transaction waits for the server's answers (pipeline
syncs: each one a round trip, which costs a scheduling delay or a network hop). Same input and
code path as bench_store_write (`ingest.link_and_store` of extracted mentions). Not part of
`make bench`; prints one line per backend and round.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store_pg import INGEST_DB, _recreate
from bench_store_write import extracted

REPO = Path(__file__).resolve().parents[1]


def count_waits() -> dict[str, int]:
    """Count the pipeline fetches that wait for answers (psycopg's internal generator)."""
    from psycopg import _pipeline_base

    counter = {"waits": 0}
    original = _pipeline_base.BasePipeline._fetch_gen

    def counted(self: Any, *, flush: bool) -> Any:
        if self.result_queue:
            counter["waits"] += 1
        return (yield from original(self, flush=flush))

    _pipeline_base.BasePipeline._fetch_gen = counted  # type: ignore[method-assign]
    return counter


def backend_cpu(pid: int | None) -> float:
    """User + system CPU seconds of a local PostgreSQL backend process."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(url: str, items: list[tuple[Any, list[Any]]], embed: Any, counter: dict[str, int]) -> str:
    from lagebild.ingest import link_and_store
    from lagebild.store import open_store

    store = open_store(url)
    conn = getattr(store, "_conn", None)
    pid = conn.execute("SELECT pg_backend_pid() AS p").fetchone()["p"] if url.startswith("postgres") else None
    link_and_store(store, *items[0], embed)  # the first statement of each kind is prepared here
    cpu, server, wall, waits = time.process_time(), backend_cpu(pid), time.perf_counter(), counter["waits"]
    for doc, mentions in items[1:]:
        link_and_store(store, doc, mentions, embed)
    n = len(items) - 1
    client_ms = (time.process_time() - cpu) / n * 1000
    server_ms = (backend_cpu(pid) - server) / n * 1000
    wall_ms = (time.perf_counter() - wall) / n * 1000
    store.close()
    return (
        f"client {client_ms:.2f} + server {server_ms:.2f} = {client_ms + server_ms:.2f} ms CPU per document,"
        f" {(counter['waits'] - waits) / n:.2f} waits for the server per document, wall {wall_ms:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default=os.environ.get("LAGEBILD_BENCH_PG"))
    parser.add_argument(
        "--docs", type=Path, default=REPO.parent / "shared" / "eval" / "lgl" / "articles.jsonl"
    )
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not args.pg:
        raise SystemExit("--pg postgresql://... (or $LAGEBILD_BENCH_PG) is needed")
    from lagebild.merge import embedder

    items = extracted(args.docs, args.limit)
    embed = embedder()
    counter = count_waits()
    tmp = Path(tempfile.mkdtemp(prefix="lagebild-bench-cpu-"))
    print(f"load average at the start: {os.getloadavg()[0]:.1f}")
    for n in range(args.rounds):
        for backend in ("sqlite", "postgresql") if n % 2 == 0 else ("postgresql", "sqlite"):
            url = f"sqlite:///{tmp / f'c{n}.db'}" if backend == "sqlite" else _recreate(args.pg, INGEST_DB)
            print(f"round {n + 1} {backend}: {run(url, items, embed, counter)}", flush=True)


if __name__ == "__main__":
    main()
