"""Time until the map page is interactive with 100,000 events in view -> docs/PERFORMANCE.md ("Map page").

    .venv/bin/python benchmarks/bench_web.py [--events 100000] [--runs 3] [--db PATH] [--out FILE]
                                             [--screenshot FILE.png] [--static DIR]

`--static DIR` serves another build of the page (e.g. an older commit's, built in a worktree) from
the same store: run both alternately to compare on a busy machine (paired runs).

The store is bench_api's synthetic one (made-up events round a few dozen hotspots, written in
bulk), with every event asserted so that all of them are on the map. The real server (uvicorn on
a free loopback port) serves the built page; Debian's Chromium (via Playwright) loads it with no
view in the URL, so the page fits the whole world: every event is in view.

Measured in the page (performance.now(), from navigation start):
- interactive: the newest 1,000 events are drawn, MapLibre is idle and every control works;
- complete: all events are streamed in (/api/events.points), clustered and drawn (the page
  stays usable meanwhile);
- longest main-thread task after interactive (Long Tasks API): how long the page can stall;
- pan: a 300 px pan until MapLibre is idle again, with everything loaded;
- open: a click on the first event in the list until its evidence shows.
Software rendering (SwiftShader), 2 cores: a laptop with a GPU is faster. The report gives the
load average over the runs and each figure's range: on a shared machine they move together. Not
part of `make test`.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sections import write_section

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    "--disable-background-networking",
]


def build(db: Path, n_events: int) -> None:
    from bench_api import build_store

    print(f"building {n_events:,} synthetic events in {db.name} ...", file=sys.stderr)
    build_store(db, n_events)
    conn = sqlite3.connect(db)
    with conn:  # the map shows asserted events: make every synthetic event one
        conn.execute("UPDATE events SET modality = 'asserted'")
    conn.close()


SERVER = (
    "import sys, uvicorn; from pathlib import Path; from lagebild.api.app import create_app; "
    "static = Path(sys.argv[3]) if len(sys.argv) > 3 else None; "
    "uvicorn.run(create_app(sys.argv[1], static_dir=static), host='127.0.0.1', port=int(sys.argv[2]), "
    "log_level='warning')"
)


def serve(db: Path, static: Path | None = None) -> tuple[str, subprocess.Popen]:
    """The real server in a process of its own, as `lagebild serve` runs it beside a browser."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    extra = [str(static)] if static else []
    server = subprocess.Popen([sys.executable, "-c", SERVER, f"sqlite:///{db}", str(port), *extra])
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit("the server did not start") from None
            time.sleep(0.1)
    return f"http://127.0.0.1:{port}/", server


def wait_until(page: Any, expression: str, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"!!({expression})"):
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {expression}")
        time.sleep(0.05)


PAN = """() => new Promise((resolve) => {
    const map = window.__lagebild.map;
    map.once('moveend', () => map.once('idle', () => resolve()));
    map.panBy([300, 0], {animate: false});
})"""
IDLE = """() => new Promise((resolve) => {
    const map = window.__lagebild.map;
    map.once('idle', () => resolve());
    map.triggerRepaint();
})"""


def one_run(browser: Any, url: str, n_events: int, screenshot: Path | None) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(url)
    wait_until(page, "window.__lagebild && window.__lagebild.timings.ready")
    wait_until(page, "window.__lagebild.timings.complete")
    loaded = page.evaluate("window.__lagebild.records.size")
    if loaded < n_events:
        raise SystemExit(f"the page loaded {loaded:,} of {n_events:,} events")
    timings = page.evaluate("window.__lagebild.timings")
    long_tasks = page.evaluate("window.__lagebild.longTasks")
    after = [d for start, d in long_tasks if start >= timings["ready"]]
    t0 = time.perf_counter()
    page.evaluate(PAN)
    pan = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    page.locator("#event-list button[data-id]").first.click()
    page.locator("#panel mark").wait_for()
    open_ms = (time.perf_counter() - t0) * 1000
    if screenshot:
        page.keyboard.press("Escape")
        page.evaluate(IDLE)
        page.screenshot(path=str(screenshot))
    context.close()
    marks = ", ".join(f"{k} {timings[k]:.0f}" for k in ("base", "mapLoad", "firstPage") if k in timings)
    if marks:
        print(f"  before interactive (ms from navigation): {marks}", file=sys.stderr)
    return {
        "interactive": timings["ready"],
        "complete": timings["complete"],
        "longest_task": max(after, default=0.0),
        "pan": pan,
        "open": open_ms,
        "events": float(loaded),
    }


def run(
    n_events: int, runs: int, db: Path, screenshot: Path | None, static: Path | None = None
) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from lagebild.web import is_built

    if static is None and not is_built():
        raise SystemExit("the map page is not built: run make install (npm ci && npm run build in frontend/)")
    if not Path(CHROMIUM).exists():
        raise SystemExit("Debian's chromium is missing: apt-get install chromium")
    if not db.exists():
        build(db, n_events)
    url, server = serve(db, static)
    results = []
    load = [os.getloadavg()[0]]  # other work on the machine: the numbers depend on it
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for i in range(runs):
                r = one_run(browser, url, n_events, screenshot if i == runs - 1 else None)
                print(
                    "  run {}: interactive {:.0f} ms, complete {:.0f} ms, longest task {:.0f} ms, pan {:.0f} ms,"
                    " open {:.0f} ms".format(
                        i + 1, *(r[k] for k in ("interactive", "complete", "longest_task", "pan", "open"))
                    ),
                    file=sys.stderr,
                )
                results.append(r)
                load.append(os.getloadavg()[0])
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    median = {k: statistics.median(r[k] for r in results) for k in results[0]}
    spread = {f"{k}_range": (min(r[k] for r in results), max(r[k] for r in results)) for k in results[0]}
    return {"events": n_events, "runs": runs, **median, **spread, "load": load}


def report(result: dict[str, Any]) -> str:
    def ms(key: str) -> str:
        low, high = result[f"{key}_range"]
        return f"{result[key]:.0f} ms ({low:.0f}–{high:.0f})"

    def s(key: str) -> str:
        low, high = result[f"{key}_range"]
        return f"{result[key] / 1000:.2f} s ({low / 1000:.2f}–{high / 1000:.2f})"

    return "\n".join(
        [
            "## Map page",
            "",
            f"Measured by `benchmarks/bench_web.py --events {result['events']:.0f}` on {platform.machine()}, "
            f"{time.strftime('%Y-%m-%d')}: the built page served by `lagebild serve`'s app (uvicorn, "
            "loopback) over a synthetic SQLite store, loaded by headless Chromium with software WebGL "
            f"(SwiftShader) on {os.cpu_count()} CPUs shared with other work (load average "
            f"{min(result['load']):.1f}–{max(result['load']):.1f} during the runs; runs differ by 2x or "
            f"more); median of {result['runs']} page loads (range in brackets), world view (every event "
            "in view). The page reads /api/events.points (about 0.4 kB an event here).",
            "",
            "| what | time | target |",
            "|---|---|---|",
            f"| interactive: newest 1,000 of {result['events']:,.0f} events drawn, map idle, controls usable "
            f"| {s('interactive')} | < 2 s |",
            f"| complete: all {int(result['events']):,} events streamed in, clustered and drawn "
            f"| {s('complete')} | |",
            f"| longest main-thread task after interactive | {ms('longest_task')} | |",
            f"| pan 300 px until idle, all loaded | {ms('pan')} | < 150 ms |",
            f"| click an event in the list until its evidence shows | {ms('open')} | |",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="keep the synthetic store here (built when absent)")
    parser.add_argument("--out", type=Path, help="write the section into this Markdown file")
    parser.add_argument("--screenshot", type=Path, help="PNG of the page after the last run")
    parser.add_argument("--static", type=Path, help="serve this build of the page instead of the package's")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / f"web-{args.events}.db"
        result = run(args.events, args.runs, db, args.screenshot, args.static)
    section = report(result)
    print(section)
    if args.out:
        write_section(args.out, "web", section)


if __name__ == "__main__":
    main()
