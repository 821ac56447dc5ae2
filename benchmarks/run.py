"""Speed and memory of lagebild on a fixed multilingual corpus -> docs/PERFORMANCE.md (`make bench`).

The corpus is built at run time from the texts of the public gold sets beside the repository
(../shared/eval): news articles trimmed or joined into documents of 3-5 KB, in a fixed order, so
that two runs measure the same work. Nothing of those texts is copied into the repository. Without
the gold sets the bundled demo corpus is used (and the report says so).

Measured: end-to-end documents/s of lagebild.pipeline.extract; milliseconds per document of each
public stage function; start-up (`lagebild --help`, and a fresh process's first extract with the
gazetteer already cached); peak resident memory. Targets: >= 50 docs/s, start-up < 3 s, < 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sections import write_section

REPO = Path(__file__).resolve().parents[1]
MIN_BYTES, MAX_BYTES = 3000, 5000

# (file under the gold folder, language, how many source records to draw at most)
SOURCES: tuple[tuple[str, str, int], ...] = (
    ("gvc/docs.jsonl", "en", 120),
    ("trnews/articles.jsonl", "en", 60),
    ("geowebnews/articles.jsonl", "en", 80),
    ("factrueval2016/devset.jsonl", "ru", 80),
    ("wikiwars_de/docs.jsonl", "de", 6),
    ("arabic_event_gsr/sentences.jsonl", "ar", 600),
)

TARGET_DOCS_PER_S = 50.0
TARGET_STARTUP_S = 3.0
TARGET_PEAK_MB = 1536.0


@dataclass(slots=True)
class BenchDoc:
    text: str
    lang: str
    published: str | None


def _iso_day(value: Any) -> str | None:
    """Only ISO dates go to the system: some sets carry free-text ones ("9:55 AM ET")."""
    m = re.match(r"\d{4}-\d{2}-\d{2}", str(value or "").strip())
    return m.group(0) if m else None


def _trim(text: str, limit: int = MAX_BYTES) -> str:
    """At most `limit` UTF-8 bytes, cut at the last paragraph or sentence end before it."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    cut = data[:limit].decode("utf-8", errors="ignore")
    for mark in ("\n\n", ". ", "。", "\n"):
        at = cut.rfind(mark)
        if at > len(cut) // 2:
            return cut[: at + len(mark)].rstrip()
    return cut


def _chunks(text: str) -> Iterator[str]:
    """Long narratives (WikiWars) split into several documents of at most MAX_BYTES."""
    while text.strip():
        piece = _trim(text)
        yield piece
        text = text[len(piece) :]


def build_corpus(eval_dir: Path | None, n_docs: int) -> tuple[list[BenchDoc], str]:
    """Documents of 3-5 KB from the gold sets' texts (short texts joined, long ones trimmed)."""
    docs: list[BenchDoc] = []
    described: list[str] = []
    if eval_dir is not None and eval_dir.is_dir():
        present = [(rel, lang, cap) for rel, lang, cap in SOURCES if (eval_dir / rel).is_file()]
        per_source = -(-n_docs // max(1, len(present)))  # ceiling: fill the corpus from what is there
        for rel, lang, max_records in present:
            path = eval_dir / rel
            made: list[BenchDoc] = []
            pending: list[str] = []
            with path.open(encoding="utf-8") as fh:
                for i, line in enumerate(fh):
                    if i >= max_records or len(made) >= per_source:
                        break
                    record = json.loads(line)
                    text = (record.get("text") or "").strip()
                    published = record.get("published") or record.get("dct") or record.get("dltime")
                    pending.append(text)
                    joined = "\n\n".join(pending)
                    if len(joined.encode("utf-8")) < MIN_BYTES:
                        continue
                    for piece in _chunks(joined):
                        if len(piece.encode("utf-8")) >= MIN_BYTES and len(made) < per_source:
                            made.append(BenchDoc(piece, lang, _iso_day(published)))
                    pending = []
            docs.extend(made)
            described.append(f"{len(made)} × {lang} from {rel}")
        origin = "public gold sets' texts: " + ", ".join(described)
    if not docs:
        from lagebild.demo import corpus_path

        for line in Path(corpus_path()).read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                docs.append(BenchDoc(r["text"], r.get("lang") or "en", r.get("published")))
        origin = f"bundled demo corpus ({len(docs)} documents; gold sets not found)"
    # A fixed interleaving of languages, the same on every run.
    by_lang: dict[str, list[BenchDoc]] = {}
    for d in docs:
        by_lang.setdefault(d.lang, []).append(d)
    mixed: list[BenchDoc] = []
    while any(by_lang.values()) and len(mixed) < n_docs:
        for lang in sorted(by_lang):
            if by_lang[lang] and len(mixed) < n_docs:
                mixed.append(by_lang[lang].pop(0))
    return mixed, origin


# --- measurements -------------------------------------------------------------------------------


def _stages() -> dict[str, Callable[[BenchDoc], Any]]:
    """Each public stage function, called as the pipeline calls it."""
    stages: dict[str, Callable[[BenchDoc], Any]] = {}

    def add(name: str, make: Callable[[], Callable[[BenchDoc], Any]]) -> None:
        try:
            stages[name] = make()
        except ImportError as exc:
            print(f"stage {name} not available: {exc}", file=sys.stderr)

    def langid():
        from lagebild.nlp.langid import detect_language

        return lambda d: detect_language(d.text)

    def sentences():
        from lagebild.nlp.sentences import split_sentences

        return lambda d: split_sentences(d.text)

    def places():
        from lagebild.places import geoparse

        return lambda d: geoparse(d.text, d.lang)

    def actors():
        from lagebild.actors import find_actors

        return lambda d: find_actors(d.text, d.lang, d.published)

    def timexes():
        from lagebild.time import find_timexes

        return lambda d: find_timexes(d.text, d.lang, d.published)

    def events():
        from lagebild.events.detect import detect

        return lambda d: detect(d.text, d.lang)

    for name, make in (
        ("langid", langid),
        ("sentences", sentences),
        ("places", places),
        ("actors", actors),
        ("time", timexes),
        ("events (trigger detection)", events),
    ):
        add(name, make)
    return stages


def measure_stages(docs: list[BenchDoc]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for name, fn in _stages().items():
        times = []
        errors = 0
        for d in docs:
            started = time.perf_counter()
            try:
                fn(d)
            except Exception as exc:  # a stage's bug is reported in the table, not a crash of the benchmark
                errors += 1
                if errors == 1:
                    print(
                        f"stage {name} failed on a {d.lang} document: {type(exc).__name__}: {exc}",
                        file=sys.stderr,
                    )
            times.append((time.perf_counter() - started) * 1000)
        out[name] = {"mean_ms": statistics.fmean(times), "p95_ms": _p95(times), "errors": errors}
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def measure_end_to_end(docs: list[BenchDoc], passes: int = 3) -> dict[str, float]:
    """Documents/s over `passes` runs of the corpus: the median pass by wall clock, and by CPU time.

    CPU time is what the process itself spent: on a shared machine it moves less with the load.
    """
    from lagebild.model import Document
    from lagebild.pipeline import extract

    runs = []
    for _ in range(passes):
        n_events = 0
        per_doc = []
        wall0, cpu0 = time.perf_counter(), time.process_time()
        for d in docs:
            t0 = time.perf_counter()
            # lang left for the pipeline to detect, as for real input
            n_events += len(extract(Document.create(d.text, published=d.published)))
            per_doc.append((time.perf_counter() - t0) * 1000)
        runs.append((time.perf_counter() - wall0, time.process_time() - cpu0, n_events, per_doc))
    wall, cpu, n_events, per_doc = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
    return {
        "docs": len(docs),
        "passes": passes,
        "seconds": wall,
        "docs_per_s": len(docs) / wall,
        "cpu_seconds": cpu,
        "docs_per_cpu_s": len(docs) / cpu if cpu > 0 else float("nan"),
        "events": n_events,
        "mean_ms": statistics.fmean(per_doc),
        "p95_ms": _p95(per_doc),
    }


def measure_startup(sample: str, repeat: int = 3) -> dict[str, Any]:
    """Wall time of `lagebild --help`, and of a fresh process's import + first extract.

    A command that fails is reported with its error instead of a time.
    """
    exe = Path(sys.executable).with_name("lagebild")
    help_cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "lagebild", "--help"]
    code = (
        "import sys; from lagebild.pipeline import extract_text; "
        "extract_text(sys.stdin.read(), lang=None, published='2024-01-01')"
    )
    first_cmd = [sys.executable, "-c", code]
    subprocess.run(first_cmd, input=sample, text=True, capture_output=True)  # builds the caches

    def wall(cmd: list[str], stdin: str | None = None) -> float | str:
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            done = subprocess.run(cmd, input=stdin, text=True, capture_output=True)
            if done.returncode != 0:
                last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
                return f"failed: {last[:160]}"
            runs.append(time.perf_counter() - started)
        return statistics.median(runs)

    return {"help_s": wall(help_cmd), "first_extract_s": wall(first_cmd, sample)}


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram": ram,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "load": load,
    }


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        )
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def _startup_row(label: str, value: float | str, ok: Callable[[bool], str]) -> str:
    if isinstance(value, str):
        return f"| {label} | {value} | < {TARGET_STARTUP_S:.0f} s | **no** |"
    return f"| {label} | {value:.2f} s | < {TARGET_STARTUP_S:.0f} s | {ok(value < TARGET_STARTUP_S)} |"


def render(result: dict[str, Any]) -> str:
    m, e2e, start, stages = result["machine"], result["end_to_end"], result["startup"], result["stages"]
    peak = result["peak_rss_mb"]

    def ok(good: bool) -> str:
        return "yes" if good else "**no**"

    lines = [
        "## Pipeline",
        "",
        f"Generated by `make bench` (benchmarks/run.py) on {result['date']} at commit `{result['commit']}`. "
        "Do not edit by hand.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram']} RAM, Python {m['python']}, {m['system']}. "
        f"Load average at start: {m['load']} (the machine may be shared: numbers are single-process, one core).",
        "",
        f"Corpus: {result['corpus']['n']} documents, {result['corpus']['kb_mean']:.1f} KB on average, "
        f"built at run time from the {result['corpus']['origin']}.",
        "",
        "### Against the targets",
        "",
        "| measure | value | target | met |",
        "|---|---|---|---|",
        f"| end-to-end documents/s (`pipeline.extract`, language detected; median of {e2e.get('passes', 1)} "
        f"passes, wall clock) | {e2e['docs_per_s']:.1f} | >= {TARGET_DOCS_PER_S:.0f} | "
        f"{ok(e2e['docs_per_s'] >= TARGET_DOCS_PER_S)} |",
        f"| the same per second of CPU time (less sensitive to other processes) | "
        f"{e2e.get('docs_per_cpu_s', float('nan')):.1f} | >= {TARGET_DOCS_PER_S:.0f} | "
        f"{ok(e2e.get('docs_per_cpu_s', 0) >= TARGET_DOCS_PER_S)} |",
        _startup_row("start-up: `lagebild --help`", start["help_s"], ok),
        _startup_row(
            "start-up: fresh process, import + first extract (gazetteer cached)", start["first_extract_s"], ok
        ),
        f"| peak resident memory (ru_maxrss) | {peak:.0f} MB | < {TARGET_PEAK_MB:.0f} MB | "
        f"{ok(peak < TARGET_PEAK_MB)} |",
        "",
        "### End to end",
        "",
        f"{e2e['docs']} documents in {e2e['seconds']:.1f} s: {e2e['mean_ms']:.1f} ms per document on average, "
        f"{e2e['p95_ms']:.1f} ms at the 95th percentile; {e2e['events']} events.",
        "",
        "### Per stage (each public function on every document, after warm-up)",
        "",
        "| stage | mean ms/doc | p95 ms/doc | documents it failed on |",
        "|---|---|---|---|",
    ]
    for name, s in stages.items():
        lines.append(f"| {name} | {s['mean_ms']:.2f} | {s['p95_ms']:.2f} | {s.get('errors', 0)} |")
    missing = result.get("missing_stages") or []
    if missing:
        lines += ["", "Not measured (not available at this commit): " + ", ".join(missing) + "."]
    lines += [
        "",
        "The pipeline runs places, actors and time only on documents in which trigger detection found "
        "a candidate event, so the end-to-end time per document can be below the sum of the stages.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "PERFORMANCE.md")
    parser.add_argument("--docs", type=int, default=200, help="corpus size (documents)")
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--json", action="store_true", help="also print the measurements as JSON")
    args = parser.parse_args(argv)

    docs, origin = build_corpus(args.eval_dir, args.docs)
    if not docs:
        print("no documents to benchmark", file=sys.stderr)
        return 2
    print(f"corpus: {len(docs)} documents ({origin})", file=sys.stderr)
    info = machine()
    startup = measure_startup(docs[0].text)
    print(f"start-up: {startup}", file=sys.stderr)

    from lagebild.model import Document
    from lagebild.pipeline import extract

    for d in docs[:5]:  # warm-up: gazetteer, lexicons, compiled patterns
        extract(Document.create(d.text, published=d.published))
    e2e = measure_end_to_end(docs)
    print(f"end to end: {e2e['docs_per_s']:.1f} docs/s", file=sys.stderr)
    stages = measure_stages(docs)
    expected = ("langid", "sentences", "places", "actors", "time", "events (trigger detection)")
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(),
        "machine": info,
        "corpus": {
            "n": len(docs),
            "kb_mean": statistics.fmean(len(d.text.encode("utf-8")) for d in docs) / 1000,
            "origin": origin,
            "languages": sorted({d.lang for d in docs}),
        },
        "startup": startup,
        "end_to_end": e2e,
        "stages": stages,
        "missing_stages": [s for s in expected if s not in stages],
        # ru_maxrss is in KiB on Linux
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    write_section(args.out, "pipeline", render(result))
    print(f"wrote {args.out}", file=sys.stderr)
    if args.json:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
