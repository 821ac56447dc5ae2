"""The benchmark's corpus builder: fixed, 3-5 KB documents, nothing read from the repository's own data."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("lagebild_bench_run", RUN)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def test_trim_cuts_at_a_sentence_end_within_the_byte_limit(bench):
    text = "Ein Satz über Öl. " * 400
    cut = bench._trim(text, 1000)
    assert len(cut.encode("utf-8")) <= 1000
    assert cut.endswith(".")


def test_corpus_joins_short_texts_and_is_the_same_every_run(bench, tmp_path):
    gold = tmp_path / "eval" / "gvc"
    gold.mkdir(parents=True)
    lines = [json.dumps({"text": f"Report {i}. " + "Shots were fired downtown. " * 40}) for i in range(30)]
    (gold / "docs.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, origin = bench.build_corpus(tmp_path / "eval", 5)
    again, _ = bench.build_corpus(tmp_path / "eval", 5)
    assert [d.text for d in docs] == [d.text for d in again]
    assert len(docs) == 5 and "gvc/docs.jsonl" in origin
    assert all(bench.MIN_BYTES <= len(d.text.encode("utf-8")) <= bench.MAX_BYTES for d in docs)


def test_render_flags_missed_targets(bench):
    result = {
        "date": "2026-01-01 00:00 UTC",
        "commit": "abc1234",
        "machine": {
            "cpu": "x",
            "cores": "2",
            "ram": "1 GiB",
            "python": "3.11",
            "system": "Linux",
            "load": "0",
        },
        "corpus": {"n": 1, "kb_mean": 4.0, "origin": "test"},
        "startup": {"help_s": 0.5, "first_extract_s": 4.0},
        "end_to_end": {
            "docs": 1,
            "seconds": 1.0,
            "docs_per_s": 60.0,
            "events": 2,
            "mean_ms": 16.0,
            "p95_ms": 20.0,
        },
        "stages": {"langid": {"mean_ms": 1.0, "p95_ms": 2.0}},
        "peak_rss_mb": 400.0,
    }
    text = bench.render(result)
    assert "| 60.0 | >= 50 | yes |" in text
    assert "| 4.00 s | < 3 s | **no** |" in text
