"""Expand the hand-written templates in templates/*.txt into the training files <lang>.jsonl.

Run from the repository root after editing a template file:

    python src/lagebild/events/training/expand.py

Template files: `=LABEL` starts a block ("TYPE/mode", "TYPE" or "NONE"); each following line is
one sentence. A sentence with `{P}` (a place name) or `{inP}` (the place with its preposition or
case, as the language needs it) is written out twice with different places from the `=PLACES`
block of the language; `{N}` becomes a number. Several files per language
(`en.txt`, `en.more.txt`) are merged. Output is deterministic, so a diff shows what changed.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
NUMBERS = (2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 17, 20, 23, 30, 45)
VARIANTS = 2


def _blocks(path: Path) -> list[tuple[str, str]]:
    """(block name, line) pairs, comments and blank lines dropped."""
    out, block = [], None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("="):
            block = line[1:].strip()
        elif block is None:
            raise ValueError(f"{path.name}: text before the first =LABEL line: {line!r}")
        else:
            out.append((block, line))
    return out


def expand_language(files: list[Path]) -> list[dict[str, str]]:
    places: list[tuple[str, str]] = []
    for block, line in (pair for path in files for pair in _blocks(path)):
        if block == "PLACES":
            name, _, inp = (s.strip() for s in line.partition("|"))
            places.append((name, inp))
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for i, path in enumerate(files):
        rnd = random.Random(7 + i)
        for label, line in _blocks(path):
            if label == "PLACES":
                continue
            if "{" not in line:
                texts = [line]
            else:
                if not places:
                    raise ValueError(f"{path.name}: {{P}} used but the language has no =PLACES block")
                texts = []
                for _ in range(VARIANTS):
                    name, inp = rnd.choice(places)
                    text = line.replace("{inP}", inp).replace("{P}", name)
                    text = text.replace("{N}", str(rnd.choice(NUMBERS)))
                    texts.append(text[0].upper() + text[1:])
            for text in texts:
                if text not in seen:
                    seen.add(text)
                    rows.append({"text": text, "label": label})
    return rows


def main() -> None:
    by_lang: dict[str, list[Path]] = {}
    for path in sorted((HERE / "templates").glob("*.txt")):
        by_lang.setdefault(path.name.split(".")[0], []).append(path)
    for lang, files in sorted(by_lang.items()):
        rows = expand_language(files)
        with (HERE / f"{lang}.jsonl").open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{lang}: {len(rows)} sentences")


if __name__ == "__main__":
    main()
