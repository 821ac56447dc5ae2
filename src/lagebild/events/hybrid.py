"""Combine the lexicon readings of a sentence with the learned layer's label distribution.

The lexicon is precise about *where* (a trigger, its clause, its modality) and fast; the learned
classifier (events.learned, sentence embeddings) is better at *which* type and mode a whole
sentence reports, and knows phrasings the lexicon lacks. So the lexicon proposes and the learned
layer re-ranks and refines: a reading whose type the classifier also sees gains score, a
mode-less reading takes the classifier's mode for its type, and a sentence without triggers
yields an event only when the classifier is confident.
"""

from __future__ import annotations

from lagebild.events.compose import Reading
from lagebild.events.detect import Candidate
from lagebild.nlp.sentences import Sentence

NONE = "NONE"
# Weight of the classifier's type probability in a reading's score.
TYPE_WEIGHT = 0.3
# A mode the classifier gives this much probability within the type replaces a missing one.
MODE_SHARE = 0.5
# A sentence without triggers yields an event when the classifier is this sure of one label.
NEW_EVENT = 0.8


def type_probabilities(probs: dict[str, float]) -> dict[str, float]:
    out: dict[str, float] = {}
    for label, p in probs.items():
        if label != NONE:
            t = label.split("/")[0]
            out[t] = out.get(t, 0.0) + p
    return out


def best_mode(probs: dict[str, float], type_: str) -> tuple[str | None, float]:
    """The classifier's most likely mode of `type_` and its share of the type's probability."""
    total = sum(p for label, p in probs.items() if label.split("/")[0] == type_)
    modes = [(label.split("/", 1)[1], p) for label, p in probs.items() if label.startswith(type_ + "/")]
    if not modes or total <= 0:
        return None, 0.0
    mode, p = max(modes, key=lambda m: m[1])
    return mode, p / total


def rerank(readings: list[Reading], probs: dict[str, float]) -> list[Reading]:
    """Readings of one sentence with scores (and missing modes) informed by the classifier."""
    types = type_probabilities(probs)
    for r in readings:
        r.score += TYPE_WEIGHT * types.get(r.type, 0.0) - 0.3 * probs.get(NONE, 0.0)
        if r.mode is None:
            mode, share = best_mode(probs, r.type)
            if mode and share >= MODE_SHARE:
                r.mode = mode
    return readings


def reading_without_trigger(sentence: Sentence, probs: dict[str, float]) -> Reading | None:
    """An event for a sentence the lexicon found nothing in, when the classifier is sure."""
    label, p = max(probs.items(), key=lambda kv: kv[1]) if probs else (NONE, 0.0)
    if label == NONE or p < NEW_EVENT:
        return None
    type_, _, mode = label.partition("/")
    anchor = Candidate(type_, mode or None, p, "asserted", sentence.start, sentence.start, "", sentence)
    return Reading(type_, mode or None, 0.5 + 0.5 * p, "asserted", [anchor])
