"""NER evaluation (lagebild.eval.ner) and the natasha peer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.actors import find_actors
from lagebild.eval import ner
from lagebild.eval.data import EvalDataError


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_scores_exact_spans_per_type_and_skips_unscored_types(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ner, "_places_spot", lambda: None)
    text = "Präsident Tokajew traf Stoltenberg , russische Truppen und die NATO ."
    gold = [
        {"type": "PER", "start": 10, "end": 17},  # Tokajew: found
        {"type": "PER", "start": 23, "end": 34},  # Stoltenberg: found
        {"type": "LOCderiv", "start": 37, "end": 46},  # russische: not scored
        {"type": "ORG", "start": 0, "end": 9},  # a wrong gold ORG "Präsident": missed
    ]
    path = _write(tmp_path / "de.jsonl", [{"id": "1", "lang": "de", "text": text, "gold_entities": gold}])
    out = ner.evaluate_ner(path)
    # Predicted: PER Tokajew, PER Stoltenberg, ORG NATO (not in gold: one false positive).
    assert out["per_type"]["PER"]["tp"] == 2 and out["per_type"]["PER"]["fp"] == 0
    assert (out["per_type"]["ORG"]["tp"], out["per_type"]["ORG"]["fp"], out["per_type"]["ORG"]["fn"]) == (
        0,
        1,
        1,
    )
    assert out["overall"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert out["overall"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert out["not_scored"] == ["LOCderiv"] and out["n"] == 1


def test_factrueval_types_map_to_ours(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ner, "_places_spot", lambda: None)
    text = "Министр обороны России Сергей Шойгу прибыл."
    gold = [
        {"type": "Person", "start": 23, "end": 35},
        {"type": "LocOrg", "start": 16, "end": 22},
        {"type": "Project", "start": 0, "end": 7},
    ]
    path = _write(tmp_path / "ru.jsonl", [{"id": "d", "lang": "ru", "text": text, "gold_entities": gold}])
    out = ner.evaluate_ner(path)
    assert out["per_type"]["PER"]["tp"] == 1 and out["per_type"]["LOC"]["tp"] == 1
    assert out["overall"]["f1"] == 1.0 and out["not_scored"] == ["Project"]


def test_wrong_family_and_unknown_system_are_clear_errors(tmp_path: Path) -> None:
    path = _write(tmp_path / "x.jsonl", [{"id": "1", "text": "x"}])
    with pytest.raises(EvalDataError, match="gold_entities"):
        ner.evaluate_ner(path)
    with pytest.raises(EvalDataError, match="unknown NER system"):
        ner.evaluate_ner(path, system="spacy")


def test_a_russian_name_outside_our_lists_is_found_once_with_or_without_natasha() -> None:
    text = "Директор завода Анатолий Кривошеин встретился с рабочими в Челябинске."
    plain = [m for m in find_actors(text, "ru") if "Кривошеин" in m.text]
    assert [(m.text, m.names[0][2]) for m in plain] == [("Анатолий Кривошеин", "person")]
    peer = [m for m in find_actors(text, "ru", natasha=True) if "Кривошеин" in m.text]
    assert len(peer) == 1  # natasha adds only what overlaps nothing found


def test_on_the_shared_gold_sets(shared_dir: Path) -> None:
    for rel in ("eval/germeval2014/dev.jsonl", "eval/factrueval2016/devset.jsonl"):
        path = shared_dir / rel
        if not path.is_file():
            pytest.skip(f"{rel} is absent")
        out = ner.evaluate_ner(path, limit=20)
        assert out["n"] == 20 and set(out["per_type"]) == {"PER", "LOC", "ORG"}
        assert 0.0 <= out["overall"]["f1"] <= 1.0
