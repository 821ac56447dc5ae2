"""The store's write path alone: SQLite vs PostgreSQL, the same mentions merged and stored.

    .venv/bin/python benchmarks/bench_store_write.py --pg postgresql://postgres@127.0.0.1/postgres \
        [--docs ../shared/eval/lgl/articles.jsonl] [--limit 400] [--rounds 2]

Extraction is done once (cached beside the system's temp files, keyed by the input file and the
pipeline's source), so that what is timed is `ingest.link_and_store`: the merge's candidate
search, its decisions and the document's transaction, document by document as ingest does. The
backends alternate (sqlite, postgresql, then postgresql, sqlite...) so that a slow minute of a
shared machine does not favour one; each round writes into a new, empty store. Reports ms per
document (best round) and the number of SQL statements per document on PostgreSQL.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sections import write_section

REPO = Path(__file__).resolve().parents[1]


def _source_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted((REPO / "src" / "lagebild").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def extracted(docs: Path, limit: int) -> list[tuple[Any, list[Any]]]:
    """(document, mentions) of the first `limit` documents of `docs`, extracted once and cached."""
    from lagebild.ingest import _read, prepare
    from lagebild.sources import IngestError, read_inputs

    key = hashlib.sha256(
        f"{docs.resolve()}:{docs.stat().st_mtime}:{limit}:{_source_hash()}".encode()
    ).hexdigest()
    cache = Path(tempfile.gettempdir()) / f"lagebild-bench-write-{key[:16]}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    out = []
    for item in read_inputs([str(docs)]):
        if isinstance(item, IngestError):
            continue
        _, doc, mentions = _read(("new", prepare(item)))
        if not isinstance(mentions, str):
            out.append((doc, mentions))
        if len(out) >= limit:
            break
    cache.write_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
    return out


class Counting:
    """Counts the statements a psycopg connection runs (round trips to the server)."""

    def __init__(self) -> None:
        self.statements = 0

    def install(self) -> None:
        import psycopg

        original_execute = psycopg.Connection.execute
        original_executemany = psycopg.Cursor.executemany
        counter = self

        def execute(conn, query, params=None, **kwargs):
            counter.statements += 1
            return original_execute(conn, query, params, **kwargs)

        def executemany(cur, query, params_seq, **kwargs):
            counter.statements += 1  # pipelined: one round trip for the batch
            return original_executemany(cur, query, params_seq, **kwargs)

        psycopg.Connection.execute = execute
        psycopg.Cursor.executemany = executemany


def write_all(url: str, items: list[tuple[Any, list[Any]]], embed: Any) -> dict[str, float]:
    from lagebild.ingest import link_and_store
    from lagebild.store import EventQuery, open_store

    store = open_store(url)
    t0 = time.perf_counter()
    for doc, mentions in items:
        link_and_store(store, doc, mentions, embed)
    flush = getattr(store, "flush", None)
    if flush is not None:
        flush()
    wall = time.perf_counter() - t0
    events = store.count_events(EventQuery(modality=None))
    store.close()
    return {"ms_per_doc": wall / len(items) * 1000, "events": events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default=os.environ.get("LAGEBILD_BENCH_PG"), required=False)
    parser.add_argument(
        "--docs", type=Path, default=REPO.parent / "shared" / "eval" / "lgl" / "articles.jsonl"
    )
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "SCALING.md")
    args = parser.parse_args()
    if not args.pg:
        raise SystemExit("--pg postgresql://... (or $LAGEBILD_BENCH_PG) is needed")
    from bench_store_pg import INGEST_DB, _recreate

    from lagebild.merge import embedder

    items = extracted(args.docs, args.limit)
    embed = embedder()
    counting = Counting()
    counting.install()
    tmp = Path(tempfile.mkdtemp(prefix="lagebild-bench-write-"))
    results: dict[str, list[dict[str, float]]] = {"sqlite": [], "postgresql": []}
    statements = 0
    for n in range(args.rounds):
        order = ("sqlite", "postgresql") if n % 2 == 0 else ("postgresql", "sqlite")
        for backend in order:
            url = f"sqlite:///{tmp / f'w{n}.db'}" if backend == "sqlite" else _recreate(args.pg, INGEST_DB)
            before = counting.statements
            result = write_all(url, items, embed)
            if backend == "postgresql":
                statements = counting.statements - before
            results[backend].append(result)
            print(f"round {n + 1} {backend}: {result}", file=sys.stderr)
    best = {b: min(r["ms_per_doc"] for r in rs) for b, rs in results.items()}
    same = len({r["events"] for rs in results.values() for r in rs}) == 1
    rows = "\n".join(
        f"| {b} | {n} | {r['ms_per_doc']:.1f} | {r['events']:,} |"
        for b, rs in results.items()
        for n, r in enumerate(rs, 1)
    )
    section = (
        "## The write path alone: merge and store, SQLite vs PostgreSQL\n\n"
        f"`ingest.link_and_store` of {len(items)} documents of `{args.docs.name}` whose mentions were"
        " extracted beforehand (the merge's candidate search and decisions, the document's transaction),"
        f" into a new store each round, backends alternating:\n\n"
        "| store | round | ms per document | events |\n| --- | ---: | ---: | ---: |\n"
        f"{rows}\n\n"
        f"Best round: SQLite {best['sqlite']:.1f} ms, PostgreSQL {best['postgresql']:.1f} ms per document"
        f" (PostgreSQL at {best['sqlite'] / best['postgresql']:.0%} of SQLite's speed);"
        f" {statements / len(items):.1f} SQL statements per document on PostgreSQL, pipelined;"
        f" same events: {'yes' if same else 'NO'}. Command: `.venv/bin/python benchmarks/bench_store_write.py"
        f" --pg postgresql://... --limit {args.limit} --rounds {args.rounds}` ({os.cpu_count()} CPUs shared"
        " with other work; the PostgreSQL server on the same machine, fsync on)."
    )
    print(section)
    write_section(args.out, "store-write", section)


if __name__ == "__main__":
    main()
