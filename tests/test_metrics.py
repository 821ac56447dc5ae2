"""Metric functions on small cases whose answers are worked out by hand in the comments."""

from __future__ import annotations

import math

import pytest

from lagebild.eval.metrics import (
    bcubed,
    classification_report,
    geo_errors,
    haversine_km,
    match_spans,
    multilabel_report,
    pairwise,
    prf,
    span_prf,
    timex_scores,
)


def test_prf_counts_and_undefined_cases():
    # tp=2 fp=1 fn=2: P = 2/3, R = 1/2, F1 = 2*(2/3)(1/2)/(2/3+1/2) = 4/7
    out = prf(2, 1, 2)
    assert out["precision"] == pytest.approx(0.6667, abs=1e-4)
    assert out["recall"] == 0.5
    assert out["f1"] == pytest.approx(4 / 7, abs=1e-4)
    assert prf(0, 0, 0)["f1"] == 0.0


def test_classification_report_micro_macro_weighted():
    gold = ["A", "A", "A", "B"]
    pred = ["A", "A", "B", "B"]
    # A: tp 2, fp 0, fn 1 -> P 1, R 2/3, F1 0.8 ; B: tp 1, fp 1, fn 0 -> P 0.5, R 1, F1 2/3
    out = classification_report(gold, pred)
    assert out["per_label"]["A"]["f1"] == 0.8
    assert out["per_label"]["B"]["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert out["micro_f1"] == 0.75  # 3 of 4 right
    assert out["macro_f1"] == pytest.approx((0.8 + 2 / 3) / 2, abs=1e-3)
    assert out["weighted_f1"] == pytest.approx((0.8 * 3 + 2 / 3) / 4, abs=1e-3)


def test_classification_report_averages_over_gold_labels_only():
    # a predicted label never in gold ("X") adds no zero-F1 row to the macro average
    out = classification_report(["A", "B"], ["A", "X"])
    assert set(out["per_label"]) == {"A", "B"}
    assert out["macro_f1"] == pytest.approx((1.0 + 0.0) / 2)


def test_classification_report_rejects_unequal_lengths():
    with pytest.raises(ValueError):
        classification_report(["A"], ["A", "B"])


def test_haversine_quarter_meridian():
    # pole to equator is a quarter of a great circle: pi/2 * 6371
    assert haversine_km(0, 0, 90, 0) == pytest.approx(math.pi / 2 * 6371, rel=1e-9)
    assert haversine_km(52.5, 13.4, 52.5, 13.4) == 0.0


def test_geo_errors_auc_is_the_trapezoid_of_gritta_et_al():
    # errors 0, 0, max: log(1+e) heights 0, 0, L over 2 unit intervals -> area L/2, normalised by 2L
    out = geo_errors([20039 - 1, 0, 0])
    assert out["auc"] == pytest.approx(0.25, abs=1e-4)
    # two points 0 and max: area L/2 over one interval -> 0.5
    assert geo_errors([0, 20038])["auc"] == pytest.approx(0.5, abs=1e-4)
    assert geo_errors([0, 0, 0])["auc"] == 0.0


def test_geo_errors_accuracy_mean_median():
    out = geo_errors([10, 200, 100, 1000])
    assert out["acc161"] == 0.5  # 10 and 100 are within 161 km
    assert out["mean_km"] == 327.5
    assert out["median_km"] == 150.0  # mean of the middle two, 100 and 200
    assert geo_errors([])["n"] == 0


def test_bcubed_hand_computed():
    gold = {"a": 1, "b": 1, "c": 2}
    pred = {"a": "x", "b": "y", "c": "y"}
    # precision per item: a 1/1, b 1/2, c 1/2 -> 2/3 ; recall: a 1/2, b 1/2, c 1/1 -> 2/3
    out = bcubed(gold, pred)
    assert out["precision"] == pytest.approx(0.6667, abs=1e-4)
    assert out["recall"] == pytest.approx(0.6667, abs=1e-4)


def test_pairwise_hand_computed():
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y"}
    # gold pairs ab ac bc ; predicted pairs ab cd -> tp 1 (ab), fp 1 (cd), fn 2 (ac bc)
    out = pairwise(gold, pred)
    assert out["precision"] == 0.5
    assert out["recall"] == pytest.approx(0.3333, abs=1e-4)


def test_clusterings_must_cover_the_same_items():
    with pytest.raises(ValueError):
        pairwise({"a": 1, "b": 1}, {"a": 1})
    with pytest.raises(ValueError):
        bcubed({"a": 1, "b": 1}, {"a": 1})


def test_singletons_have_perfect_bcubed_precision_and_no_pairwise_hits():
    gold = {"a": 1, "b": 1, "c": 2}
    pred = {k: k for k in gold}
    assert bcubed(gold, pred)["precision"] == 1.0
    assert pairwise(gold, pred)["f1"] == 0.0


def test_match_spans_strict_and_overlap():
    gold = [(0, 5), (10, 20)]
    pred = [(0, 5), (12, 15), (30, 31)]
    assert match_spans(gold, pred, "strict") == [(0, 0)]
    assert match_spans(gold, pred, "overlap") == [(0, 0), (1, 1)]
    # one long prediction overlapping two gold spans matches only one of them (the larger overlap)
    assert match_spans([(0, 3), (4, 10)], [(0, 10)], "overlap") == [(1, 0)]
    out = span_prf(gold, pred, "strict")
    assert (out["tp"], out["fp"], out["fn"]) == (1, 2, 1)
    with pytest.raises(ValueError):
        match_spans(gold, pred, "fuzzy")


def test_timex_scores_tempeval3_style():
    gold = [[(0, 9, "1998-01-08"), (20, 24, "P1W")], [(5, 10, "2001")]]
    pred = [[(0, 9, "1998-01-08"), (18, 24, "P2W")], [(40, 45, "2002")]]
    # strict: only the first span matches -> tp 1, fp 2, fn 2
    # relaxed: (20,24)~(18,24) also matches -> tp 2, fp 1, fn 1 -> P = R = F1 = 2/3
    # value on the 2 relaxed matches: 1 right -> accuracy 0.5 ; value F1 = 2/3 * 0.5
    out = timex_scores(gold, pred)
    assert (out["extent_strict"]["tp"], out["extent_strict"]["fp"], out["extent_strict"]["fn"]) == (1, 2, 2)
    assert out["extent_relaxed"]["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert out["value_accuracy"] == 0.5
    assert out["value_f1"] == pytest.approx(0.3333, abs=1e-3)


def test_multilabel_report_per_label():
    gold = [{"ARREST"}, {"ARREST", "KILL"}, set()]
    pred = [{"ARREST"}, set(), {"KILL"}]
    out = multilabel_report(gold, pred, ["ARREST", "KILL"])
    # ARREST: tp 1, fn 1 ; KILL: fp 1, fn 1
    assert out["ARREST"]["precision"] == 1.0 and out["ARREST"]["recall"] == 0.5
    assert out["KILL"]["f1"] == 0.0 and out["KILL"]["support"] == 1
