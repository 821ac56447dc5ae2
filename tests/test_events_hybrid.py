from __future__ import annotations

from lagebild.events.compose import compose
from lagebild.events.detect import detect
from lagebild.events.hybrid import reading_without_trigger, rerank
from lagebild.nlp.sentences import split_sentences


def test_classifier_fills_a_missing_mode_and_raises_the_agreeing_type() -> None:
    readings = compose(detect("Five people were killed in the attack.", "en"))
    assert readings[0].mode is None
    before = readings[0].score
    rerank(readings, {"ASSAULT/aerial": 0.7, "ASSAULT": 0.1, "NONE": 0.2})
    assert readings[0].mode == "aerial"
    assert readings[0].score > before


def test_a_sentence_without_triggers_needs_a_confident_classifier() -> None:
    s = split_sentences("Something happened in the north.")[0]
    assert reading_without_trigger(s, {"NONE": 0.6, "PROTEST": 0.4}) is None
    r = reading_without_trigger(s, {"PROTEST/demo": 0.95, "NONE": 0.05})
    assert r is not None and (r.type, r.mode) == ("PROTEST", "demo")
