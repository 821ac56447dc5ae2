"""Sentence segmentation with character offsets into the original text.

Rule-based on purpose: it must run on 12 languages without models, keep offsets exact (evidence
highlighting depends on them), and treat paragraph breaks as hard boundaries (news boilerplate
such as "Check Also" blocks lives in its own paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph (blank-line or line-break separated block)


# Words after which a period does not end a sentence (lower-cased, without the dot). Short,
# cross-language list of the abbreviations news text uses most; language modules may add more.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt maj cmdr adm gov sen rep st jr sr vs etc al
    inc ltd co corp dept univ no nr jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.n e.g i.e a.m p.m approx est fig
    bzw ca dh evtl ggf hr fr frau inkl min mio mrd nr str usw vgl zb z.b d.h u.a o.ä s.o
    m mme mlle sr sra srta dña av etc
    г гг тыс млн млрд ул им т.е т.д т.п др проф
    """.split()
)

# A sentence ends at . ! ? … (and Arabic/Persian ؟ ۔) followed by closing quotes/brackets,
# then whitespace, then something that can start a sentence.
_END = re.compile(r"""([.!?…؟۔]+)(["'»«“”„)\]]*)(\s+)(?=["'«»“”„(\[]?[\w¿¡\d])""")


# The word before a period, looked for only this far back: searching the whole prefix at every
# period made splitting quadratic in the text's length. A word cut off by the window is longer
# than any abbreviation, ordinal or initial, so it is still rightly taken for a sentence end.
_WORD_BEFORE = re.compile(r"\w[\w.]*\Z")
_MAX_WORD = 32


def _is_abbreviation(text: str, dot_pos: int) -> bool:
    lo = max(0, dot_pos - _MAX_WORD)
    m = _WORD_BEFORE.search(text, lo, dot_pos)
    if not m:
        return False
    word = m.group(0).lower()
    if word in _ABBREVIATIONS:
        return True
    # Single letters ("J. Smith") and ordinals/dates ("13. Januar", "3.000") do not end sentences.
    if len(word) == 1 and word.isalpha():
        return True
    return bool(word.isdigit() and len(word) <= 2)


def _split_block(text: str, offset: int, paragraph: int) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        punct = m.group(1)
        if punct == "." and _is_abbreviation(text, m.start(1)):
            continue
        end = m.end(2)
        _add(out, text, start, end, offset, paragraph)
        start = m.end(3)
    _add(out, text, start, len(text), offset, paragraph)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, offset: int, paragraph: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = offset + start + lead
    out.append(Sentence(s, s + len(stripped), stripped, paragraph))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; `text[s.start:s.end] == s.text` always holds."""
    sentences: list[Sentence] = []
    # Line breaks separate blocks: extracted web text puts headlines, captions and list items
    # on their own lines without final punctuation.
    blocks = (b for b in re.finditer(r"[^\n]+", text) if b.group(0).strip())
    for paragraph, block in enumerate(blocks):
        sentences.extend(_split_block(block.group(0), block.start(), paragraph))
    return sentences
