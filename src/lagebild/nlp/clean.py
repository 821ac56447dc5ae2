"""Invisible characters out of document text, before anything else sees it.

Zero-width characters and bidi controls are invisible on screen but split words for every
matcher: "Char\u200bkiw" is no longer Kharkiv, and an article with them sprinkled through its
letters lost nearly all its events. They are removed when a Document is made, so the stored text,
the document id (its hash) and the evidence offsets all refer to the same, cleaned text.

Kept, because they are orthographic: the zero-width non-joiner and joiner (U+200C, U+200D)
between two letters of a script that joins (Arabic script, as in Persian "می‌خواهم", and the
Indic scripts), where they decide how a word is spelt. Elsewhere (between Latin or Cyrillic
letters, where they only hide words) they are removed like the rest.
"""

from __future__ import annotations

import re

# Always invisible and never part of a word: zero-width space, word joiner, invisible operators,
# BOM/zero-width no-break space, soft hyphen, Mongolian vowel separator, and the bidi controls
# (LRM, RLM, ALM, embeddings, overrides, isolates).
_INVISIBLE = (
    "\u200b\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
)
# Letters of the scripts in which ZWNJ/ZWJ are spelling: Arabic (with its supplements and
# presentation forms) and the Indic blocks.
_JOINING = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc\u0900-\u0dff"
_REMOVE = re.compile(f"[{_INVISIBLE}]")
_JOINERS_RUN = re.compile("[\u200c\u200d]{2,}")
_STRAY_JOINER = re.compile(f"(?<![{_JOINING}])[\u200c\u200d]|[\u200c\u200d](?![{_JOINING}])")


def strip_invisible(text: str) -> str:
    """`text` without zero-width and bidi control characters (ZWNJ/ZWJ kept inside Arabic-script
    and Indic words, one of a run). Linear in the length of the text."""
    text = _REMOVE.sub("", text)
    text = _JOINERS_RUN.sub(lambda m: m.group(0)[0], text)
    return _STRAY_JOINER.sub("", text)
