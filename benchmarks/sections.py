"""docs/PERFORMANCE.md is written by several benchmarks: each owns one marked section."""

from __future__ import annotations

import re
from pathlib import Path


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def write_section(out: Path, name: str, section: str) -> None:
    """Replace section `name` of `out` (or append it), leaving the other benchmarks' sections.

    `section` is the text between the markers; the markers are added here.
    """
    start, end = markers(name)
    body = f"{start}\n{section.strip()}\n{end}"
    text = out.read_text(encoding="utf-8") if out.exists() else "# Performance\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: body, text)
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
