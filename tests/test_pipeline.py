from __future__ import annotations

import pytest

from lagebild import pipeline
from lagebild.merge import merge_document
from lagebild.model import Document
from lagebild.pipeline import extract, extract_text


def test_events_carry_exact_evidence_offsets_and_mappings() -> None:
    text = "Intro line without events.\n\nPolice arrested 20 protesters in Lagos on Monday."
    doc = Document.create(text, lang="en", published="2022-01-14")
    events = extract(doc)
    arrests = [e for e in events if e.type == "COERCE"]
    assert arrests, events
    e = arrests[0]
    ev = e.evidence[0]
    assert doc.text[ev.start : ev.end] == ev.sentence
    assert e.mode == "arrest"
    assert (e.acled_event_type, e.acled_sub_event_type) == ("Strategic developments", "Arrests")
    assert e.cameo_root == "17"
    assert 0.0 < e.confidence < 1.0


def test_protest_with_state_force_is_composed() -> None:
    events = extract_text("Police fired tear gas to disperse protesters in the capital.", lang="en")
    protest = [e for e in events if e.type == "PROTEST"]
    assert protest and protest[0].acled_sub_event_type == "Protest with intervention"


def test_negated_and_future_events_are_kept_with_their_modality() -> None:
    events = extract_text("No clashes were reported. The troops will withdraw tomorrow.", lang="en")
    modalities = {(e.type, e.modality) for e in events}
    assert ("ASSAULT", "negated") in modalities
    assert ("RETREAT", "future") in modalities


def test_event_ids_are_stable() -> None:
    text = "Rebels attacked an army post near the border."
    assert [e.id for e in extract_text(text, lang="en")] == [e.id for e in extract_text(text, lang="en")]


def test_the_same_sentence_twice_is_one_event() -> None:
    text = "Rebels attacked an army post.\n\nMore text here.\n\nRebels attacked an army post."
    events = [e for e in extract_text(text, lang="en") if e.type == "ASSAULT"]
    assert len(merge_document(events)) == 1


def test_a_place_of_origin_is_not_the_location(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import dataclass

    from lagebild.model import Place

    @dataclass
    class PM:
        start: int
        end: int
        text: str
        place: Place | None
        feature: str = "PPL"
        population: int = 0
        score: float = 1.0

    text = "Soldiers from Moscow clashed with rebels in Aleppo."
    places = [
        PM(text.index("Moscow"), text.index("Moscow") + 6, "Moscow", Place("Moscow", 55.7, 37.6, "RU")),
        PM(text.index("Aleppo"), text.index("Aleppo") + 6, "Aleppo", Place("Aleppo", 36.2, 37.1, "SY")),
    ]
    monkeypatch.setattr(pipeline, "geoparse", lambda text, lang: places)
    events = [e for e in extract_text(text, lang="en") if e.type == "ASSAULT"]
    assert events and events[0].location is not None and events[0].location.name == "Aleppo"


def test_bad_input_gets_a_clear_error() -> None:
    with pytest.raises(TypeError):
        extract_text(None)  # type: ignore[arg-type]
    assert extract_text("   ") == []


def test_a_headline_and_its_body_sentence_are_one_event() -> None:
    text = (
        "Russian troops withdraw from Kazakhstan\n\n"
        "Russian troops began their withdrawal from Kazakhstan on Thursday, the defence ministry said."
    )
    retreats = [e for e in extract_text(text, lang="en", published="2022-01-14") if e.type == "RETREAT"]
    assert len(retreats) == 1
    assert not retreats[0].evidence[0].sentence.startswith("Russian troops withdraw from")


def test_language_codes_are_normalised_and_unknown_ones_detected() -> None:
    text = "Die Polizei hat in Berlin 20 Demonstranten festgenommen, teilte ein Sprecher mit."
    for lang in ("DE-at", "xx", None):
        events = extract_text(text, lang=lang)
        assert any(e.type == "COERCE" and e.evidence[0].lang == "de" for e in events), lang


def test_state_forces_are_not_the_actors_of_a_protest():
    from lagebild.pipeline import extract_text

    events = extract_text(
        "Soldiers were deployed as thousands of protesters marched through the capital on Friday.",
        lang="en",
        published="2022-01-07",
    )
    protests = [e for e in events if e.type == "PROTEST"]
    assert protests
    assert all(a.sector not in ("MIL", "COP") for e in protests for a in e.actors)


def test_a_published_value_that_is_no_date_is_ignored():
    from lagebild.pipeline import extract_text

    events = extract_text(
        "Police arrested twelve protesters in Paris on Tuesday.", lang="en", published="9:55 AM ET"
    )
    assert events and all(e.date is None for e in events)


def test_a_country_as_subject_acts_and_is_not_the_location():
    from lagebild.pipeline import extract_text

    events = extract_text(
        "Die USA verlegten zusätzliche Soldaten an den Flughafen von Kabul.",
        lang="de",
        published="2021-08-16",
    )
    mobilize = [e for e in events if e.type == "MOBILIZE"]
    assert mobilize and mobilize[0].location.country == "AF"
    assert [a.country for a in mobilize[0].actors] == ["US"]
    # A capital as subject stands for its government ("Moscow accused ...").
    accuse = [e for e in extract_text("Moscow accused Kyiv of shelling.", lang="en") if e.type == "ACCUSE"]
    assert accuse and accuse[0].actors[0].country == "RU"
    assert accuse[0].location is None or accuse[0].location.name != "Moscow"
    # A country after a locative preposition stays the place.
    protest = extract_text(
        "Protesters gathered in the United States on Sunday.", lang="en", published="2021-08-16"
    )
    assert [e.location.country for e in protest if e.type == "PROTEST"] == ["US"]


def test_only_doers_carry_over_and_never_into_a_passive():
    from lagebild.pipeline import extract_text

    text = (
        "Protesters set fire to the private home of Prime Minister Ranil Wickremesinghe. "
        "Dozens of people were injured during the day."
    )
    injured = [e for e in extract_text(text, lang="en", published="2022-07-09") if e.type == "ASSAULT"]
    assert injured and all(a.canonical != "Ranil Wickremesinghe" for e in injured for a in e.actors)


def test_a_scene_named_earlier_in_the_paragraph_holds():
    from lagebild.pipeline import extract_text

    text = (
        "Angry crowds in Yerevan stormed the government building on Tuesday. "
        "The speaker of parliament was beaten by protesters.\n\n"
        "Azerbaijan's president spoke on television."
    )
    beaten = [
        e for e in extract_text(text, lang="en", published="2020-11-10") if "beaten" in e.evidence[0].sentence
    ]
    assert beaten and all(e.location and e.location.name == "Yerevan" for e in beaten)


def test_a_demanded_event_is_not_a_fact():
    from lagebild.pipeline import extract_text

    events = extract_text("Protesters demanded the resignation of the prime minister.", lang="en")
    resign = [e for e in events if e.type == "RETREAT"]
    assert resign and all(e.modality == "future" for e in resign)
    condemned = extract_text("Western leaders condemned the attacks on the capital.", lang="en")
    assert any(e.type == "ASSAULT" and e.modality == "asserted" for e in condemned)
