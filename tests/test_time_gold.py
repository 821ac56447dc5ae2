"""The tagger against the gold sets of family 3 (read where they lie; skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.eval.timex import evaluate_time


@pytest.mark.parametrize(
    ("folder", "min_value_accuracy", "min_relaxed_f1"),
    [("tempeval3_tbaq", 0.80, 0.85), ("wikiwars_de", 0.75, 0.88)],
)
def test_gold_time_sets(
    shared_dir: Path, folder: str, min_value_accuracy: float, min_relaxed_f1: float
) -> None:
    path = shared_dir / "eval" / folder / "docs.jsonl"
    if not path.exists():
        pytest.skip(f"{folder} is absent")
    scores = evaluate_time(path)
    assert scores["value_accuracy"] >= min_value_accuracy
    assert scores["extent_relaxed"]["f1"] >= min_relaxed_f1


def test_reference_article_quote_and_post(shared_dir: Path) -> None:
    """The reference article's quote says "heute, am 13. Januar"; its embedded post is signed 13 January."""
    text_path = shared_dir / "samples" / "ovks-kasachstan-de.txt"
    if not text_path.exists():
        pytest.skip("reference article is absent")
    from lagebild.time import find_timexes

    found = find_timexes(text_path.read_text(encoding="utf-8"), "de", "2022-01-14")
    assert {t.value for t in found if t.text == "heute"} == {"2022-01-13"}
    assert {t.value for t in found if t.text == "morgen"} == {"2022-01-14"}
