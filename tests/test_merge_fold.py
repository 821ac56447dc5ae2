"""Folding: a report that ties two stored events together makes them one.

Reports of one happening arrive piecemeal: the first names the street, the second the victims,
and nothing links them until a third names both. The third report then joins one of the two and
folds the other into it, on either backend; the folded id keeps answering with the event.
"""

from __future__ import annotations

import pytest

from factories import make_doc, make_event
from lagebild.merge.link import Candidate, Decision, bridged
from lagebild.model import Event, Place
from lagebild.store import EventQuery, open_store

DAYTON = Place(name="Dayton", lat=39.76, lon=-84.19, country="US", precision="city")
SEATTLE = Place(name="Seattle", lat=47.61, lon=-122.33, country="US", precision="city")


@pytest.fixture
def store(store_url: str):
    s = open_store(store_url)
    yield s
    s.close()


def _shooting(doc, event_id: str, sentence: str, place: Place = DAYTON, **fields) -> Event:
    return make_event(
        doc,
        event_id,
        sentence,
        type="ASSAULT",
        modality="asserted",
        date="2024-05-03",
        date_precision="day",
        location=place,
        confidence=0.8,
        **fields,
    )


def _report(store, text: str, event_id: str, names: set[str], **decision) -> str:
    doc = make_doc(text, source=f"outlet-{event_id}", url=f"https://example.invalid/{event_id}")
    event = _shooting(doc, event_id, text)
    store.add_document(doc, [event], [Decision(event=event, names=names, mentions=[event], **decision)])
    return event_id


def test_a_report_naming_both_folds_two_events_into_the_older(store) -> None:
    first = _report(store, "Two men were shot outside a bar on Elm Street.", "ev-street", {"Elm"})
    second = _report(store, "John Carter and Luis Moreno were shot on Friday.", "ev-victims", {"Carter"})
    assert store.stats()["events"] == 2
    # The bridging report joins the newer event and ties in the older: the older id survives.
    _report(
        store,
        "John Carter was one of two men shot on Elm Street.",
        "ev-both",
        {"Carter", "Elm"},
        target=second,
        absorb=[first],
    )
    assert store.stats()["events"] == 1
    event = store.get_event(first)
    assert event is not None and event.id == first
    assert event.num_articles == 3 and event.num_sources == 3
    assert len({ev.document_id for ev in event.evidence}) == 3
    # The folded id answers with the event it became part of; its mentions moved with it.
    folded = store.get_event(second)
    assert folded is not None and folded.id == first
    assert {m.id for m in store.mentions_of_event(first)} == {"ev-street", "ev-victims", "ev-both"}
    # Search and the map see one event, and the next report of the victims finds it by name.
    assert [e.id for e in store.query_events(EventQuery(q="Moreno"))[0]] == [first]
    assert store.count_events(EventQuery()) == 1
    probe = _shooting(make_doc("probe"), "probe", "Carter died in hospital.")
    assert [c.event.id for c in store.merge_candidates(probe, names={"Carter"})] == [first]


def test_a_later_decision_aimed_at_a_folded_event_lands_in_its_survivor(store) -> None:
    first = _report(store, "Shots fired on Elm Street.", "ev-a", {"Elm"})
    second = _report(store, "Two men shot in Dayton.", "ev-b", {"Dayton"})
    _report(store, "Elm Street shooting in Dayton.", "ev-c", {"Elm"}, target=first, absorb=[second])
    _report(store, "The Dayton victims were named.", "ev-d", {"Dayton"}, target=second)
    assert store.stats()["events"] == 1
    assert {m.id for m in store.mentions_of_event(first)} == {"ev-a", "ev-b", "ev-c", "ev-d"}


def _candidate(event_id: str, place: Place, names: set[str]) -> Candidate:
    doc = make_doc(event_id)
    return Candidate(event=_shooting(doc, event_id, "Shots.", place), names=names)


def test_a_bridge_never_ties_events_that_could_not_be_one_happening() -> None:
    best = _candidate("near", DAYTON, {"Elm"})
    also = _candidate("also-near", DAYTON, {"Carter"})
    far = _candidate("far", SEATTLE, {"Pike"})  # 3,000 km away, no name in common: another shooting
    weak = _candidate("weak", DAYTON, {"Oak"})
    scored = [(0.9, best), (0.8, far), (0.7, also), (0.2, weak)]
    assert bridged(best, scored, 0.5) == ["also-near"]
    assert bridged(best, scored, 0.75) == []
