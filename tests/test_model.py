from lagebild.model import Actor, Document, Event, Evidence, Place, document_id, event_id


def test_document_id_ignores_whitespace_and_unicode_form():
    composed = "Café in Köln\r\n\r\nZweiter Absatz."
    decomposed = "Cafe\u0301 in Ko\u0308ln\n\nZweiter   Absatz.  "
    assert document_id(composed) == document_id(decomposed)
    assert document_id(composed) != document_id("Café in Köln. Zweiter Absatz!")


def test_document_create_hashes_text_not_title():
    a = Document.create("Same body.", title="Headline A")
    b = Document.create("Same body.", title="Headline B", url="https://x.invalid/b")
    assert a.id == b.id


def test_event_contract_round_trip():
    event = Event(
        id=event_id("doc1", 10, "PROTEST", "demonstrate"),
        type="PROTEST",
        mode="demonstrate",
        acled_event_type="Protests",
        acled_sub_event_type="Peaceful protest",
        cameo_root="14",
        actors=[Actor(name="Demonstranten", canonical="protesters", country="KZ", sector="PROT")],
        location=Place(
            name="Almaty", lat=43.25, lon=76.91, country="KZ", geonameid=1526384, precision="city"
        ),
        date="2022-01-05",
        date_precision="day",
        confidence=0.8123,
        evidence=[
            Evidence(document_id="doc1", sentence="Demonstranten zogen durch Almaty.", start=10, end=43)
        ],
    )
    data = event.to_dict()
    assert set(data) >= {
        "id",
        "type",
        "mode",
        "acled_event_type",
        "acled_sub_event_type",
        "cameo_root",
        "actors",
        "recipients",
        "location",
        "date",
        "date_precision",
        "modality",
        "confidence",
        "evidence",
        "num_sources",
        "first_seen",
        "updated",
    }
    assert data["confidence"] == 0.812
    assert data["location"]["precision"] == "city"
    assert Event.from_dict(data).to_dict() == data


def test_event_id_is_stable_and_distinguishes_events():
    assert event_id("d", 5, "ASSAULT") == event_id("d", 5, "ASSAULT")
    assert event_id("d", 5, "ASSAULT") != event_id("d", 6, "ASSAULT")
    assert event_id("d", 5, "ASSAULT", "aerial") != event_id("d", 5, "ASSAULT")
