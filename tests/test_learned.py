"""The learned event layer: training data that follows the ontology, and a model that works on new text."""

from __future__ import annotations

import json

import numpy as np
import pytest

from lagebild.events import learned
from lagebild.events.ontology import EVENT_TYPES

# Sentences written for this test, not in the training files: (sentence, expected PLOVER type).
UNSEEN = [
    ("Fighter jets pounded militant hideouts in the mountains on Friday.", "ASSAULT"),
    ("Die Polizei nahm am Abend mehr als hundert Menschen fest.", "COERCE"),
    ("Тысячи жителей вышли на мирный митинг в центре города.", "PROTEST"),
    ("Le gouvernement et les rebelles ont signé un accord de cessez-le-feu.", "AGREE"),
    ("اعتقلت قوات الأمن عشرات الناشطين في العاصمة.", "COERCE"),
    ("Ворог завдав ракетного удару по житловому кварталу.", "ASSAULT"),
    ("Les troupes françaises ont quitté leur dernière base au Niger.", "RETREAT"),
    ("Die Regierung verhängte eine Ausgangssperre für die ganze Nacht.", "COERCE"),
]
NOT_EVENTS = [
    "The home team won the cup final 3-1 after extra time.",
    "Der DAX schloss am Freitag leicht im Plus.",
    "Il fera beau et chaud ce week-end sur toute la région.",
    "La inflación se moderó en octubre, según el instituto de estadística.",
]


@pytest.fixture(scope="module")
def predictions() -> dict[str, dict[str, float]]:
    sentences = [s for s, _ in UNSEEN] + NOT_EVENTS
    return dict(zip(sentences, learned.predict(sentences), strict=True))


def _best(probs: dict[str, float]) -> str:
    types = learned.type_probabilities(probs)
    return max(types, key=types.__getitem__)


@pytest.mark.parametrize(("sentence", "expected"), UNSEEN)
def test_unseen_sentences_get_their_type(predictions: dict, sentence: str, expected: str) -> None:
    assert _best(predictions[sentence]) == expected


@pytest.mark.parametrize("sentence", NOT_EVENTS)
def test_non_events_rank_none_first(predictions: dict, sentence: str) -> None:
    probs = predictions[sentence]
    assert max(probs, key=probs.__getitem__) == learned.NONE


def test_predictions_are_distributions_over_valid_labels(predictions: dict) -> None:
    for probs in predictions.values():
        assert sum(probs.values()) == pytest.approx(1.0, abs=1e-4)
        assert all(p >= 0 for p in probs.values())
        assert all(learned.check_label(label) for label in probs)


def test_predict_rejects_bad_input() -> None:
    assert learned.predict([]) == []
    with pytest.raises(TypeError):
        learned.predict("one sentence, not a list")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        learned.predict([None])  # type: ignore[list-item]


def test_training_data_covers_every_type_and_mode_in_every_start_language() -> None:
    examples = learned.load_examples()
    labels = {e.label for e in examples}
    for et in EVENT_TYPES.values():
        for m in et.modes:
            assert f"{et.name}/{m.name}" in labels
        assert any(label.startswith(et.name) for label in labels)
    langs = {e.lang for e in examples}
    assert {"en", "de", "ru", "uk", "fr", "es", "ar"} <= langs
    for lang in langs:
        assert any(e.label == learned.NONE for e in examples if e.lang == lang), lang


def test_bad_training_label_is_a_clear_error(tmp_path) -> None:
    (tmp_path / "xx.jsonl").write_text(json.dumps({"text": "a", "label": "ASSAULT/laser"}) + "\n")
    with pytest.raises(ValueError, match=r"xx\.jsonl:1"):
        learned.load_examples(tmp_path)


def test_fit_separates_classes_and_weights_rare_ones() -> None:
    # Three clusters, one rare: balanced class weights must still let the rare class win its region.
    rng = np.random.default_rng(0)
    centres = np.eye(3, 8) * 4
    sizes = [200, 200, 6]
    x = np.vstack([c + rng.normal(size=(n, 8)) for c, n in zip(centres, sizes, strict=True)])
    y = [label for label, n in zip("abc", sizes, strict=True) for _ in range(n)]
    model = learned.fit(x, y, steps=200)
    p = model.probabilities(centres)
    assert [model.labels[i] for i in p.argmax(axis=1)] == ["a", "b", "c"]
    assert np.allclose(p.sum(axis=1), 1.0)


def test_groups_keep_template_variants_together() -> None:
    ex = [
        learned.Example("Police detained 5 people in Kharkiv.", "COERCE/arrest", "en"),
        learned.Example("Police detained 9 people in Aleppo.", "COERCE/arrest", "en"),
        learned.Example("A curfew was imposed in Goma.", "COERCE/curfew", "en"),
    ]
    g = learned._groups(ex)
    assert g[0] == g[1] != g[2]
