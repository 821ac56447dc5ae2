"""Plain-text articles: line endings made uniform, hard-wrapped paragraphs rejoined, headline found.

The sentence splitter treats every line as a block, so a file wrapped at 72 columns would be cut
into fragments mid-sentence; rejoining the lines of such paragraphs keeps sentences whole.
"""

from __future__ import annotations

import re
import statistics

from lagebild.sources.html import tidy_text

_LIST_ITEM = re.compile(r"^\s*(?:[-*•–·]|\d{1,3}[.)])\s")
_SENTENCE_END = re.compile(r"""[.!?…؟。]["'»”)\]]*$""")
_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 25


def _is_hard_wrapped(blocks: list[list[str]]) -> bool:
    """True when paragraphs look wrapped at a fixed width rather than written one per line."""
    inner = [line for block in blocks if len(block) > 1 for line in block[:-1]]
    if len(inner) < 3:
        return False
    longest = max(len(line) for block in blocks for line in block)
    ending = sum(1 for line in inner if _SENTENCE_END.search(line))
    return (
        longest <= 100 and statistics.median(len(line) for line in inner) >= 40 and ending < 0.5 * len(inner)
    )


def _unwrap(block: list[str]) -> str:
    out: list[str] = []
    for line in block:
        if out and not _LIST_ITEM.match(line):
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line.strip())
    return "\n".join(out)


def clean_text(raw: str) -> str:
    """`raw` with uniform newlines, and wrapped paragraphs joined when the whole text is wrapped."""
    text = tidy_text(raw.removeprefix("\ufeff"))
    blocks = [block.split("\n") for block in re.split(r"\n\s*\n", text) if block.strip()]
    if _is_hard_wrapped(blocks):
        text = "\n\n".join(_unwrap(block) for block in blocks)
    return text


def headline(text: str) -> str | None:
    """The first line when it reads like a headline: short, no sentence-final period, text after it."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    if not first or not rest.strip():
        return None
    if len(first) > _MAX_TITLE_CHARS or len(first.split()) > _MAX_TITLE_WORDS:
        return None
    if first[-1] in ".,;:" or not any(ch.isalpha() for ch in first):
        return None
    return first
