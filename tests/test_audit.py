"""The precision audit re-scores output against our verdicts; it never needs the texts it judged
to be in the project."""

import json

from lagebild.eval.audit import VERDICTS, Article, draw, event_key, read_verdicts, score
from lagebild.model import Event, Evidence


def _event(type_, start, modality="asserted", confidence=0.5):
    ev = Evidence(document_id="d", sentence="s", start=start, end=start + 1)
    return Event(id=f"{type_}{start}", type=type_, modality=modality, confidence=confidence, evidence=[ev])


def _article(record):
    return Article("set", record, "text", None, "en", None)


def test_score_counts_verdicts_non_event_articles_and_lists_unjudged(tmp_path):
    verdicts = tmp_path / "v.jsonl"
    lines = [
        {"dataset": "set", "record": "1", "article": "event"},
        {"dataset": "set", "record": "1", "event": "ASSAULT@0", "verdict": "right", "why": ""},
        {"dataset": "set", "record": "1", "event": "CONSULT@40", "verdict": "wrong", "why": ""},
        {"dataset": "set", "record": "2", "article": "none"},
        {"dataset": "set", "record": "3", "article": "none"},
    ]
    verdicts.write_text("".join(json.dumps(x) + "\n" for x in lines))
    output = {
        "1": [_event("ASSAULT", 0, confidence=0.9), _event("CONSULT", 40), _event("AGREE", 80)],
        "2": [_event("ASSAULT", 5)],  # a sports report with an event: counted against us
        "3": [_event("PROTEST", 5, modality="future")],  # not asserted: not counted
    }
    result = score([_article(r) for r in "123"], verdicts, extract=lambda a: output[a.record])
    assert (result["right"], result["wrong"], result["precision"]) == (1, 1, 0.5)
    assert result["main_event_right"] == 1
    assert (result["non_event_articles"], result["non_event_articles_with_event"]) == (2, 1)
    assert {p["event"] for p in result["pending"]} == {"AGREE@80", "ASSAULT@5", "PROTEST@5"}


def test_event_key_is_type_and_first_sentence():
    e = _event("PROTEST", 120)
    e.evidence.append(Evidence(document_id="d", sentence="t", start=40, end=60))
    assert event_key(e) == "PROTEST@40"


def test_project_verdicts_are_ours_and_keyed_not_texts():
    articles, events = read_verdicts(VERDICTS)
    assert len(articles) >= 150
    assert set(articles.values()) <= {"event", "none"}
    assert set(events.values()) <= {"right", "wrong"}
    for line in VERDICTS.read_text(encoding="utf-8").splitlines():
        assert "text" not in json.loads(line)


def test_draw_is_stable_and_spread_over_sources(shared_dir):
    first = draw(shared_dir / "eval")
    again = draw(shared_dir / "eval")
    assert [(a.dataset, a.record) for a in first] == [(a.dataset, a.record) for a in again]
    assert len(first) == 150
    assert len({a.dataset for a in first}) == 6


def test_main_event_judgements_score_type_and_country_of_the_most_confident_event(tmp_path):
    from lagebild.model import Place

    verdicts = tmp_path / "v.jsonl"
    lines = [
        {"dataset": "set", "record": "1", "main": ["ASSAULT"], "country": "NG"},
        {"dataset": "set", "record": "2", "main": ["PROTEST", "COERCE"], "country": None},
        {"dataset": "set", "record": "3", "main": ["AGREE"], "country": "FR"},
    ]
    verdicts.write_text("".join(json.dumps(x) + "\n" for x in lines))
    nigeria = Place(name="Nigeria", lat=9.0, lon=8.0, country="NG", precision="country")
    attack = _event("ASSAULT", 0, confidence=0.6)
    attack.location = nigeria
    wrong_place = _event("ASSAULT", 0, confidence=0.9)  # the right type in another country
    output = {
        "1": [wrong_place, attack],  # found, but not the most confident
        "2": [_event("COERCE", 10, confidence=0.8), _event("ACCUSE", 50, confidence=0.4)],
        "3": [],
    }
    result = score([_article(r) for r in "123"], verdicts, extract=lambda a: output[a.record])
    assert result["main_judged_articles"] == 3
    assert result["most_confident_is_main"] == round(1 / 3, 4)
    assert result["main_event_found"] == round(2 / 3, 4)
    assert result["most_confident_type_is_main"] == round(2 / 3, 4)
