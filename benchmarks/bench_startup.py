"""`lagebild --help` start-up against the floor of its toolkit -> docs/PERFORMANCE.md ("startup-help").

    .venv/bin/python benchmarks/bench_startup.py [--repeat 10]

Paired runs, alternating: the installed `lagebild --help`, and a bare `python -c "import typer,
rich.console, click"` (what any Typer command costs before lagebild's own code). On a machine
shared with other work both move with its load; their difference is lagebild's part.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sections import write_section

REPO = Path(__file__).resolve().parents[1]
TARGET_S = 0.3


def _time(argv: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "PERFORMANCE.md")
    args = parser.parse_args()
    lagebild = str(Path(sys.executable).with_name("lagebild"))
    help_s, floor_s = [], []
    for _ in range(args.repeat):
        help_s.append(_time([lagebild, "--help"]))
        floor_s.append(_time([sys.executable, "-c", "import typer, rich.console, click"]))
    h, f = statistics.median(help_s), statistics.median(floor_s)
    section = (
        "## Start-up of `lagebild --help`\n\n"
        f"Median of {args.repeat} paired runs: `lagebild --help` {h:.2f} s (fastest {min(help_s):.2f} s);"
        f" importing typer, rich and click alone {f:.2f} s (fastest {min(floor_s):.2f} s): lagebild's own"
        f" part {h - f:.2f} s. Target < {TARGET_S} s: {'met' if h < TARGET_S else 'missed'}. The watcher,"
        " the gazetteer commands, trafilatura, httpx and numpy are imported only by the commands that use"
        " them (tests/test_cli_lazy.py). Machine: "
        f"{os.cpu_count()} CPUs shared with other work. Command: `.venv/bin/python benchmarks/bench_startup.py"
        f" --repeat {args.repeat}`."
    )
    print(section)
    write_section(args.out, "startup-help", section)


if __name__ == "__main__":
    main()
