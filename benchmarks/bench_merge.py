"""Cost of ingest + merge per document as the store grows: 1k, 10k, 100k, 1M events.

Each store is filled in bulk with synthetic events (bench_api.build_store: two years of events,
clustered around hotspots, every PLOVER type), then the same real articles are ingested into it
through the real path (extract, merge candidates from the store's indexes, decision, one write
transaction), their publication dates moved into the store's two years so that they meet
candidates. The merge must cost about the same per document whatever the store's size (target:
within 2x from 1k to 1M events). Writes the "merge" section of docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import DAYS, FIRST_DAY, build_store
from sections import write_section

REPO = Path(__file__).resolve().parents[1]
GVC = REPO.parent / "shared" / "eval" / "gvc" / "docs.jsonl"


def articles(n: int) -> list[dict]:
    """Real news articles (GVC, else the demo corpus), dated inside the synthetic stores' years."""
    from lagebild.demo import corpus_path

    path = GVC if GVC.exists() else corpus_path()
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()][:n]
    for k, r in enumerate(records):
        r["published"] = (FIRST_DAY + timedelta(days=(k * 37) % DAYS)).isoformat()
    return records


def measure(db: Path, records: list[dict]) -> dict[str, float]:
    from lagebild.ingest import link_and_store, prepare
    from lagebild.merge import embedder
    from lagebild.model import Document
    from lagebild.pipeline import extract_mentions
    from lagebild.store.sqlite import SQLiteStore

    store = SQLiteStore(db)
    embed = embedder()
    extract_ms, merge_ms, candidates = [], [], []
    for r in records:
        doc = prepare(
            Document.create(
                r["text"], lang=r.get("lang") or "en", published=r["published"], title=r.get("title")
            )
        )
        t0 = time.perf_counter()
        mentions = extract_mentions(doc)
        t1 = time.perf_counter()
        link_and_store(store, doc, mentions, embed)
        t2 = time.perf_counter()
        extract_ms.append((t1 - t0) * 1000)
        merge_ms.append((t2 - t1) * 1000)
        candidates.append(sum(len(store.merge_candidates(e)) for e in mentions[:3]))
    store.close()
    return {
        "extract_ms": statistics.fmean(extract_ms),
        "merge_ms": statistics.fmean(merge_ms),
        "merge_p95_ms": sorted(merge_ms)[int(0.95 * (len(merge_ms) - 1))],
        "candidates": statistics.fmean(candidates),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "PERFORMANCE.md")
    args = parser.parse_args()
    records = articles(args.docs)
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        db = args.dir / f"lagebild-bench-merge-{size}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        started = time.perf_counter()
        build_store(db, size)
        built = time.perf_counter() - started
        result = measure(db, records)
        rows.append((size, built, result))
        print(f"{size:>9,} events: {result}", file=sys.stderr)
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    base = rows[0][2]["merge_ms"]
    lines = [
        "## Merge: ingest + merge cost as the store grows (`benchmarks/bench_merge.py`)",
        "",
        f"{len(records)} real articles ingested into stores pre-filled with synthetic events (two years,"
        " hotspots, every type); dates moved into the stores' years. Merge = candidates from the store's"
        " indexes + decision (embeddings where undecided) + the write transaction.",
        "",
        "| events in store | extract ms/doc | merge ms/doc | merge p95 ms | candidates per mention | vs. smallest |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for size, _built, r in rows:
        lines.append(
            f"| {size:,} | {r['extract_ms']:.1f} | {r['merge_ms']:.1f} | {r['merge_p95_ms']:.1f} |"
            f" {r['candidates'] / 3:.1f} | {r['merge_ms'] / base:.2f}x |"
        )
    section = "\n".join(lines)
    print(section)
    write_section(args.out, "merge", section)


if __name__ == "__main__":
    main()
