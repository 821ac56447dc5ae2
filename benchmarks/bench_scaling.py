"""Throughput of `lagebild ingest` by engine, workers and store -> docs/SCALING.md (section "throughput").

    nice .venv/bin/python benchmarks/bench_scaling.py [--pg postgresql://postgres@127.0.0.1/postgres]
        [--corpus lgl|kb|both] [--limit 400] [--out docs/SCALING.md] [--json FILE]

Corpora: the LGL articles (../shared/eval/lgl/articles.jsonl: 401 local US news texts, 2 KB on
average) and `make bench`'s corpus of 3-5 KB multilingual articles (benchmarks/run.py
build_corpus, from the gold sets' texts). Each is written to a temporary JSONL file and ingested
whole into a new, empty store by:

- local, `--workers 1` and `--workers 2`, SQLite (and PostgreSQL with `--pg`);
- Ray (`--engine ray --workers 2`, a local cluster of 2 CPUs), SQLite;
- the same texts as HTML pages: lagebild ingest of the pages (`--workers 1`, reading them with
  trafilatura itself) against trafilatura.extract alone on the same pages, one core each.

Runs alternate in order between rounds so that a slow minute of the shared machine does not
favour one. Reported: documents/s over the whole run (start-up included: worker processes,
model loading, a Ray cluster) and in the steady state (from the first stored document to the
last), the writer's share (merging and storing, in the one process that writes), and whether
every run stored the same number of events. The commit cost of a SQLite transaction is measured
apart (why documents are not batched into shared transactions). Not part of `make test`.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sections import write_section

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
GDELT_PER_DAY = 730_000


def _lines(path: Path) -> list[str]:
    """JSON lines; not str.splitlines, which also splits at U+2028 inside a JSON string."""
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def lgl_corpus(limit: int, out: Path) -> Path:
    lines = _lines(EVAL / "lgl" / "articles.jsonl")[:limit]
    docs = []
    for line in lines:
        rec = json.loads(line)
        docs.append(
            {
                "text": rec["text"],
                "title": rec.get("title"),
                "url": rec.get("url"),
                "lang": "en",
                "published": (rec.get("dltime") or "")[:10] or None,
            }
        )
    out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return out


def kb_corpus(limit: int, out: Path) -> Path:
    import run

    docs, _ = run.build_corpus(EVAL, limit)
    out.write_text(
        "".join(
            json.dumps({"text": d.text, "published": d.published}, ensure_ascii=False) + "\n" for d in docs
        ),
        encoding="utf-8",
    )
    return out


def html_pages(corpus: Path, folder: Path) -> Path:
    """Each text as a news page: navigation, headline, paragraphs, related links, footer."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, line in enumerate(_lines(corpus)):
        rec = json.loads(line)
        paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in rec["text"].split("\n") if p.strip())
        title = html.escape(rec.get("title") or rec["text"][:60])
        page = (
            "<!doctype html><html><head><meta charset='utf-8'>"
            f"<title>{title} | Daily News</title>"
            f"<meta property='article:published_time' content='{rec.get('published') or '2020-01-01'}'>"
            "</head><body><header><nav><a href='/'>Home</a> <a href='/world'>World</a> "
            "<a href='/local'>Local</a> <a href='/sports'>Sports</a></nav></header>"
            f"<main><article><h1>{title}</h1><div class='byline'>By Staff Writer</div>{paras}</article>"
            "<aside><h3>Related</h3><ul><li><a href='/a'>Council approves budget</a></li>"
            "<li><a href='/b'>Weather: storm expected</a></li></ul></aside></main>"
            "<footer>(c) Daily News. All rights reserved. <a href='/privacy'>Privacy</a></footer></body></html>"
        )
        (folder / f"page{n:05d}.html").write_text(page, encoding="utf-8")
    return folder


class Clock:
    """on_item for ingest: when the first and the last document came out of the writer."""

    def __init__(self) -> None:
        self.first: float | None = None
        self.last = 0.0
        self.docs = 0

    def __call__(self, item: object, n_events: int) -> None:
        now = time.perf_counter()
        if self.first is None:
            self.first = now
        else:
            self.docs += 1
        self.last = now


def writer_clock() -> tuple[dict[str, float], Callable[[], None]]:
    """Time spent in ingest.link_and_store (merge + store, the one writer), by patching it."""
    import lagebild.ingest as ingest_module

    spent = {"s": 0.0}
    original = ingest_module.link_and_store

    def timed(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent["s"] += time.perf_counter() - t0

    ingest_module.link_and_store = timed

    def restore() -> None:
        ingest_module.link_and_store = original

    return spent, restore


def run_ingest(inputs: list[str], url: str, *, workers: int, engine: str) -> dict[str, float]:
    from lagebild.ingest import ingest
    from lagebild.store import EventQuery, open_store

    store = open_store(url)
    clock = Clock()
    spent, restore = writer_clock()
    t0 = time.perf_counter()
    try:
        if engine == "ray":
            from lagebild.ingest_ray import RayOptions, ingest_ray, ray_cluster

            # Batches of 50: a corpus of a few hundred documents still keeps both actors and
            # the writer busy at once (the default 200 suits backfills of many thousands).
            options = RayOptions(workers=workers, batch_size=50, object_store_mb=300)
            with ray_cluster(options):
                cluster_s = time.perf_counter() - t0
                summary = ingest_ray(inputs, store, options=options, on_item=clock)
        else:
            cluster_s = 0.0
            summary = ingest(inputs, store, workers=workers, on_item=clock)
    finally:
        restore()
    wall = time.perf_counter() - t0
    events = store.count_events(EventQuery(modality=None))
    store.close()
    steady = clock.docs / (clock.last - clock.first) if clock.first and clock.last > clock.first else 0.0
    return {
        "docs": summary.new,
        "errors": len(summary.errors),
        "events": events,
        "wall_s": wall,
        "docs_per_s": summary.new / wall,
        "startup_s": (clock.first or t0) - t0,
        "cluster_s": cluster_s,
        "steady_docs_per_s": steady,
        "writer_ms_per_doc": spent["s"] / max(1, summary.new) * 1000,
    }


def trafilatura_alone(folder: Path) -> dict[str, float]:
    import trafilatura

    pages = sorted(folder.iterdir())
    t0 = time.perf_counter()
    for page in pages:
        trafilatura.extract(page.read_text(encoding="utf-8"), with_metadata=True)
    wall = time.perf_counter() - t0
    return {"docs": len(pages), "wall_s": wall, "docs_per_s": len(pages) / wall}


def sqlite_commit_ms(n: int = 2000) -> dict[str, float]:
    """A small write in its own transaction vs. the same writes in one (WAL, synchronous=NORMAL,
    as SQLiteStore): the per-document transaction's own price."""
    path = Path(tempfile.mkdtemp()) / "commit.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)")
    t0 = time.perf_counter()
    for i in range(n):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO kv VALUES (?, ?)", (f"a{i}", "x" * 2000))
        conn.execute("COMMIT")
    each = (time.perf_counter() - t0) / n
    t0 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for i in range(n):
        conn.execute("INSERT INTO kv VALUES (?, ?)", (f"b{i}", "x" * 2000))
    conn.execute("COMMIT")
    batched = (time.perf_counter() - t0) / n
    conn.close()
    return {
        "per_transaction_ms": each * 1000,
        "batched_ms": batched * 1000,
        "commit_ms": (each - batched) * 1000,
    }


def _pg_url(server: str) -> str:
    from bench_store_pg import INGEST_DB, _recreate

    return _recreate(server, INGEST_DB)


def measure(corpus: Path, tmp: Path, pg: str | None, rounds: int) -> dict[str, Any]:
    pages = html_pages(corpus, tmp / f"{corpus.stem}-pages")
    configs: list[tuple[str, str, int, str]] = [
        ("local, 1 worker, SQLite", "local", 1, "sqlite"),
        ("local, 2 workers, SQLite", "local", 2, "sqlite"),
        ("Ray, 2 workers, SQLite", "ray", 2, "sqlite"),
    ]
    if pg:
        configs += [
            ("local, 1 worker, PostgreSQL", "local", 1, "pg"),
            ("local, 2 workers, PostgreSQL", "local", 2, "pg"),
        ]
    results: dict[str, list[dict[str, float]]] = {c[0]: [] for c in configs}
    html_runs: list[dict[str, float]] = []
    for n in range(rounds):
        order = configs if n % 2 == 0 else list(reversed(configs))
        for label, engine, workers, backend in order:
            url = (
                f"sqlite:///{tmp / f'{corpus.stem}-{n}-{engine}-{workers}.db'}"
                if backend == "sqlite"
                else _pg_url(pg)
            )
            result = run_ingest([str(corpus)], url, workers=workers, engine=engine)
            print(f"  {corpus.stem} round {n + 1} {label}: {result}", file=sys.stderr)
            results[label].append(result)
        # Paired: lagebild on the pages, then trafilatura alone on the same pages.
        e2e = run_ingest(
            [str(pages)], f"sqlite:///{tmp / f'{corpus.stem}-{n}-html.db'}", workers=1, engine="local"
        )
        alone = trafilatura_alone(pages)
        print(f"  {corpus.stem} round {n + 1} html: lagebild {e2e}, trafilatura {alone}", file=sys.stderr)
        html_runs.append(
            {
                "lagebild": e2e["docs_per_s"],
                "lagebild_steady": e2e["steady_docs_per_s"],
                "trafilatura": alone["docs_per_s"],
            }
        )
    return {"results": results, "html": html_runs}


def best(runs: list[dict[str, float]], key: str) -> float:
    return max(r[key] for r in runs)


def report(data: dict[str, Any]) -> str:
    lines = ["## Throughput: workers, engines, stores", ""]
    for name, m in data["corpora"].items():
        res = m["results"]
        lines += [
            f"**{name}** ({m['docs']} documents, {m['kb']:.1f} KB on average), best of {data['rounds']} rounds:",
            "",
            "| run | documents/s (whole run) | start-up s | documents/s (after start-up) | writer ms/document | events |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for label, runs in res.items():
            lines.append(
                f"| {label} | {best(runs, 'docs_per_s'):.1f} | {min(r['startup_s'] for r in runs):.1f} |"
                f" {best(runs, 'steady_docs_per_s'):.1f} |"
                f" {min(r['writer_ms_per_doc'] for r in runs):.1f} | {runs[0]['events']:,} |"
            )
        events = {r["events"] for runs in res.values() for r in runs}
        one = best(res["local, 1 worker, SQLite"], "steady_docs_per_s")
        two = best(res["local, 2 workers, SQLite"], "steady_docs_per_s")
        h = m["html"]
        ratio = max(x["trafilatura"] for x in h) / max(x["lagebild_steady"] for x in h)
        ray = res["Ray, 2 workers, SQLite"]
        lines += [
            "",
            "Start-up: until the first document is stored (worker processes spawned and their models"
            f" loaded; for Ray also the local cluster, {min(r['cluster_s'] for r in ray):.1f} s of it)."
            " After start-up: documents/s from the first stored document to the last.",
            "",
            f"Same events in every run: {'yes' if len(events) == 1 else 'NO: ' + str(sorted(events))}."
            f" 2 workers / 1 worker (steady): {two / one:.2f}x."
            f" As HTML pages: lagebild {max(x['lagebild_steady'] for x in h):.1f} documents/s end to end"
            f" (reading the page with trafilatura, extraction, merge, store) against trafilatura alone"
            f" {max(x['trafilatura'] for x in h):.1f} pages/s: lagebild costs {ratio:.1f}x of trafilatura.",
            "",
        ]
        if any("PostgreSQL" in k for k in res):
            for w in (1, 2):
                s = best(res[f"local, {w} worker{'s' if w > 1 else ''}, SQLite"], "steady_docs_per_s")
                p = best(res[f"local, {w} worker{'s' if w > 1 else ''}, PostgreSQL"], "steady_docs_per_s")
                lines.append(
                    f"- PostgreSQL at {w} worker{'s' if w > 1 else ''}: {p / s:.0%} of SQLite's documents/s."
                )
            lines.append("")
    c = data["commit"]
    lines += [
        f"SQLite commit (WAL, synchronous=NORMAL): {c['per_transaction_ms']:.3f} ms per small write in its own"
        f" transaction against {c['batched_ms']:.3f} ms in a shared one: {c['commit_ms']:.2f} ms per"
        " transaction.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs (load average {os.getloadavg()[0]:.1f} at the"
        f" end of the runs, these included), Python {platform.python_version()}, {datetime.now(UTC).date().isoformat()}."
        f" Command: `{data['command']}`.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default=os.environ.get("LAGEBILD_BENCH_PG"))
    parser.add_argument("--corpus", choices=("lgl", "kb", "both"), default="both")
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "SCALING.md")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from lagebild.ingest import _warm

    _warm()  # this process's models: loaded before anything is timed (workers load their own)
    tmp = Path(tempfile.mkdtemp(prefix="lagebild-bench-scaling-"))
    corpora = {}
    if args.corpus in ("lgl", "both"):
        corpora["LGL articles"] = lgl_corpus(args.limit, tmp / "lgl.jsonl")
    if args.corpus in ("kb", "both"):
        corpora["3-5 KB articles (make bench's corpus)"] = kb_corpus(args.limit, tmp / "kb.jsonl")
    data: dict[str, Any] = {"rounds": args.rounds, "corpora": {}, "command": " ".join(["python", *sys.argv])}
    for name, path in corpora.items():
        m = measure(path, tmp, args.pg, args.rounds)
        lines = _lines(path)
        m["docs"] = len(lines)
        m["kb"] = sum(len(json.loads(x)["text"].encode()) for x in lines) / len(lines) / 1000
        data["corpora"][name] = m
    data["commit"] = sqlite_commit_ms()
    if args.json:
        args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    section = report(data)
    print(section)
    write_section(args.out, "throughput", section)


if __name__ == "__main__":
    main()
