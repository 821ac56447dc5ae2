"""The roles metric on hand-built PLOVER-style records, counts worked out by hand."""

from __future__ import annotations

import pytest

from lagebild.eval.roles import actor_code, gold_code, match_counts, role_scores
from lagebild.model import Actor, Event


def test_codes_of_our_actors_and_of_gold_actors() -> None:
    assert actor_code(Actor("Kenyan police", country="KE", sector="COP")) == ("KEN", "COP")
    assert actor_code(Actor("UN", igo="UN")) == ("IGO", None)
    assert actor_code(Actor("gunmen", sector="UAF")) == (None, "UAF")
    assert gold_code({"code": "JAP", "sector": None}) == ("JPN", None)  # CAMEO's Japan
    assert gold_code({"code": "ALB", "sector": "CVLalb"}) == ("ALB", "CVL")
    assert gold_code({"code": "USA", "sector": "***"}) == ("USA", None)


def test_sectors_must_agree_where_the_gold_has_one() -> None:
    # Right country, wrong sector: no match; a sector-less gold actor takes any sector.
    assert match_counts([("ISR", "MIL")], [("ISR", "GOV")]) == (0, 1, 1)
    assert match_counts([("JPN", "GOV")], [("JPN", None)]) == (1, 0, 0)


def test_each_gold_actor_is_matched_once_and_exact_sectors_go_first() -> None:
    pred = [("USA", None), ("USA", "GOV")]
    gold = [("USA", "GOV"), ("USA", None)]
    assert match_counts(pred, gold) == (2, 0, 0)
    assert match_counts([("USA", "GOV"), ("USA", "GOV")], [("USA", "GOV")]) == (1, 1, 0)
    assert match_counts([(None, "COP")], [("KEN", None)]) == (0, 1, 1)


def test_role_scores_by_hand() -> None:
    records = [
        {
            "gold_source": [{"code": "ISR", "sector": "MIL"}],
            "gold_target": [{"code": "PSE", "sector": "CVL"}],
        },
        {
            "gold_source": [{"code": "USA", "sector": "GOV"}, {"code": "GBR", "sector": "GOV"}],
            "gold_target": [],
        },
        {"gold_source": [{"code": "IGO", "sector": None}], "gold_target": [{"code": "SDN", "sector": None}]},
    ]
    mains = [
        # source right; target inverted (the victims named as source would be wrong twice)
        Event(
            id="1",
            type="ASSAULT",
            actors=[Actor("Israeli troops", country="IL", sector="MIL")],
            recipients=[Actor("Israeli police", country="IL", sector="COP")],
        ),
        # one of two sources
        Event(id="2", type="CONSULT", actors=[Actor("Biden", country="US", sector="GOV")]),
        None,  # no event: everything missed
    ]
    scores = role_scores(records, mains)
    # source: tp 2 (ISR MIL, USA GOV), fp 0, fn 2 (GBR, IGO) -> P 1.0, R 0.5, F1 0.6667
    assert scores["source"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "tp": 2, "fp": 0, "fn": 2}
    # target: tp 0, fp 1 (ISR COP), fn 2 (PSE CVL, SDN) -> all 0
    assert scores["target"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 2}


def test_records_and_events_must_pair_up() -> None:
    with pytest.raises(ValueError):
        role_scores([{"gold_source": [], "gold_target": []}], [])
