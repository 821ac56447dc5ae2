"""Extraction time against text length, 4 KB ... 4 MB -> docs/RELIABILITY.md ("Cost per document").

    .venv/bin/python benchmarks/bench_length.py [--sizes 4,16,64,256,1024,4096] [--out FILE]

Shows that the whole pipeline (lagebild.pipeline.extract, with Document.create and language
detection) costs O(n) in the text's length, and that the caps per document (MAX_SENTENCES,
MAX_MENTIONS) bound it beyond them. Two shapes of text: news-like lines, and the same words on
one line (no paragraph breaks: what made dating and sentence splitting quadratic before). The
text is made up here from a few templates with varying names and numbers (no corpus text). The
slope printed is the exponent k of time ~ size^k between neighbouring sizes (1: linear).
Not part of `make test`.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sections import write_section

PLACES = ["Kharkiv", "Berlin", "Paris", "Gaza", "Kyiv", "Warsaw", "Madrid", "Istanbul", "Odesa", "Lyon"]
PEOPLE = ["President Zelensky", "Chancellor Scholz", "Minister Baerbock", "General Syrskyi"]


def made_up_text(size: int, one_line: bool, seed: int = 1) -> str:
    """About `size` characters of news-like sentences; `one_line`: without line breaks."""
    rng = random.Random(seed)
    parts: list[str] = []
    total, i = 0, 0
    while total < size:
        part = (
            f"Police arrested {rng.randint(2, 90)} protesters in {rng.choice(PLACES)} on Monday, officials said. "
            f"Troops shelled positions near {rng.choice(PLACES)} overnight, killing {rng.randint(1, 9)} people. "
            f"{rng.choice(PEOPLE)} met {rng.choice(PEOPLE)} in {rng.choice(PLACES)} on {rng.randint(1, 28)} May. "
            f"Report {i}."
        ) + (" " if one_line else "\n")
        parts.append(part)
        total += len(part)
        i += 1
    return "".join(parts)[:size]


def measure(size: int, one_line: bool) -> tuple[float, int, dict | None]:
    from lagebild.model import Document
    from lagebild.pipeline import extract

    text = made_up_text(size, one_line)
    started = time.perf_counter()
    doc = Document.create(text, lang="en", published="2024-05-30")
    events = extract(doc)
    return time.perf_counter() - started, len(events), doc.capped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="4,16,64,256,1024,4096", help="sizes in KB, comma-separated")
    parser.add_argument("--out", type=Path, default=None, help="write the table into this file's section")
    args = parser.parse_args(argv)
    sizes = [int(s) * 1024 for s in args.sizes.split(",")]
    from lagebild.pipeline import MAX_MENTIONS, MAX_SENTENCES, extract_text

    extract_text("Police arrested two protesters in Berlin on Monday.", lang="en")  # load the data once
    rows = [
        "Measured by `benchmarks/bench_length.py` on "
        f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPU cores (a shared machine: times are noisy; "
        "the slope between sizes is what matters). Caps: "
        f"{MAX_SENTENCES:,} sentences and {MAX_MENTIONS:,} mentions per document.",
        "",
        "| text | size | seconds | µs per byte | slope k (t ~ n^k) | events | capped |",
        "|---|---|---|---|---|---|---|",
    ]
    for one_line in (False, True):
        previous: tuple[int, float] | None = None
        for size in sizes:
            seconds, n_events, capped = measure(size, one_line)
            slope = (
                f"{math.log(seconds / previous[1]) / math.log(size / previous[0]):.2f}"
                if previous and seconds > 0 and previous[1] > 0
                else "-"
            )
            shown = ", ".join(f"{k} {v[0]:,} of {v[1]:,}" for k, v in (capped or {}).items()) or "no"
            rows.append(
                f"| {'one line' if one_line else 'lines'} | {size // 1024:,} KB | {seconds:.2f} | "
                f"{seconds / size * 1e6:.1f} | {slope} | {n_events:,} | {shown} |"
            )
            print(rows[-1], file=sys.stderr, flush=True)
            previous = (size, seconds)
    section = "\n".join(rows) + "\n"
    print(section)
    if args.out is not None:
        write_section(args.out, "length", section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
