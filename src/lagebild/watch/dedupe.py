"""New items only: canonical URLs, and near-duplicate texts (the same wire story on many sites).

Three levels, cheapest first:
1. the canonical URL of a feed item: seen before -> not fetched again;
2. the content hash of the article text (Document.id): stored before -> nothing new;
3. a MinHash sketch of the text's word shingles: an article whose estimated Jaccard
   similarity to a stored one is at least NEAR_DUPLICATE is the same story from another
   site. The watcher keeps it as a document without events of its own and adds its sentences
   as evidence to the events of the first copy, so the map shows one event with N sources.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

# Query parameters that say how a reader arrived, not what they read.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ocid",
        "cmpid",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "xtor",
        "ito",
        "smid",
        "partner",
        "ref_src",
        "spm",
        "rss",
        "feature",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_", "vero_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """The form of a URL that identifies an article: tracking parameters, fragment and
    credentials removed, scheme and host lower-cased, default port dropped, the remaining
    parameters kept in their order.

    The scheme is kept: http and https may in principle serve different things, and feeds
    are consistent about which one they link to.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query, doseq=True), ""))


# -- near-duplicates ---------------------------------------------------------------------------

NUM_HASHES = 64
SHINGLE = 3  # words per shingle: long enough to ignore common phrases, short enough for edits
NEAR_DUPLICATE = 0.7  # estimated Jaccard similarity of shingle sets
MIN_SHINGLES = 20  # below this a text is too short to call a copy of another

_WORD = re.compile(r"\w+", re.UNICODE)
_rng = np.random.default_rng(20240501)  # fixed seed: sketches stored today must match tomorrow's
# Multiply-shift hashing, one (odd multiplier, offset) pair per hash function; arithmetic
# wraps modulo 2**64 and the high 32 bits are kept.
_MUL = _rng.integers(1, 2**63, size=NUM_HASHES, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_ADD = _rng.integers(0, 2**63, size=NUM_HASHES, dtype=np.uint64)


def shingles(text: str) -> set[bytes]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def minhash(text: str) -> np.ndarray | None:
    """A MinHash sketch (NUM_HASHES uint32) of the text's word shingles; None for short texts."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    base = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s, digest_size=8).digest(), "little") for s in found),
        dtype=np.uint64,
        count=len(found),
    )
    with np.errstate(over="ignore"):
        mixed = _MUL[:, None] * base[None, :] + _ADD[:, None]
    return (mixed >> np.uint64(32)).min(axis=1).astype(np.uint32)


def sketch_to_text(sketch: np.ndarray) -> str:
    return sketch.astype("<u4").tobytes().hex()


def sketch_from_text(text: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(text), dtype="<u4").astype(np.uint32)


class NearDuplicateIndex:
    """The sketches of stored documents, in memory; a linear scan in numpy is fast enough for
    hundreds of thousands of articles (one comparison is 64 integer equalities)."""

    def __init__(self, items: Iterable[tuple[str, np.ndarray]] = ()) -> None:
        self._ids: list[str] = []
        self._rows: list[np.ndarray] = []
        self._matrix: np.ndarray | None = None
        for doc_id, sketch in items:
            self.add(doc_id, sketch)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, doc_id: str, sketch: np.ndarray) -> None:
        self._ids.append(doc_id)
        self._rows.append(sketch)
        self._matrix = None

    def find(self, sketch: np.ndarray, threshold: float = NEAR_DUPLICATE) -> tuple[str, float] | None:
        """The most similar stored document at or above `threshold`, with its similarity."""
        if not self._ids:
            return None
        if self._matrix is None:
            self._matrix = np.vstack(self._rows)
        similarity = (self._matrix == sketch[None, :]).mean(axis=1)
        best = int(similarity.argmax())
        if similarity[best] < threshold:
            return None
        return self._ids[best], float(similarity[best])


# -- placing a sentence of one copy in another -------------------------------------------------


def locate(sentence: str, text: str, min_overlap: float = 0.6) -> tuple[int, int] | None:
    """Offsets of `sentence` (from one copy of a story) in `text` (another copy).

    Exactly when it is there verbatim; otherwise the sentence of `text` sharing the most words
    with it, if at least `min_overlap` of the words of both are shared (copies edit a word or
    a byline here and there). None when the other copy does not carry the sentence.
    """
    start = text.find(sentence)
    if start >= 0:
        return start, start + len(sentence)
    from lagebild.nlp.sentences import split_sentences

    wanted = {w.casefold() for w in _WORD.findall(sentence)}
    if not wanted:
        return None
    best: tuple[float, int, int] | None = None
    for candidate in split_sentences(text):
        words = {w.casefold() for w in _WORD.findall(candidate.text)}
        if not words:
            continue
        shared = len(wanted & words)
        overlap = min(shared / len(wanted), shared / len(words))
        if overlap >= min_overlap and (best is None or overlap > best[0]):
            best = (overlap, candidate.start, candidate.end)
    return (best[1], best[2]) if best else None
