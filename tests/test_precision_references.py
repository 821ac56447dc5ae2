"""References and the events a document reports, on texts we wrote, in several languages: a
happening named by a statement about it (characterised, ended, answered, condemned) is no event
of its own, and the store keeps exactly the events extraction shows."""

import pytest

from lagebild.ingest import store_document
from lagebild.merge import rebuild
from lagebild.model import Document
from lagebild.pipeline import extract, extract_mentions, extract_text
from lagebild.store.sqlite import SQLiteStore


def _events(text, lang):
    return extract_text(text, lang=lang, published="2023-06-01")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Tokayev described the protesters as terrorist gangs trained abroad."),
        ("en", "Armenia and Azerbaijan signed an agreement to end six weeks of fighting over Karabakh."),
        ("uk", "Президент Росії Володимир Путін назвав удари відповіддю на вибух на Кримському мосту."),
        ("es", "La Unión Europea y Estados Unidos condenaron los bombardeos contra Kiev."),
        ("ar", "ودعت الأمم المتحدة والجامعة العربية إلى وقف فوري لإطلاق النار."),
        ("de", "Die Regierung bezeichnete die Proteste als Angriff auf die Verfassung."),
        ("fr", "Le président a qualifié les émeutes d'inacceptables."),
        ("ru", "Президент назвал протесты попыткой переворота."),
    ],
)
def test_a_happening_named_by_a_statement_is_a_reference(lang, text):
    mentions = extract_mentions(Document.create(text, lang=lang, published="2023-06-01"))
    material = [m for m in mentions if m.type in ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE")]
    assert material, "the named happening is still read"
    assert all(m.reference for m in material)


def test_a_reference_joins_the_report_of_its_happening():
    text = (
        "Russian missiles struck central Kyiv on Monday morning, killing at least eight people.\n\n"
        "Residents took shelter in metro stations during the morning rush hour.\n\n"
        "The European Union and the United States condemned the bombing and promised more air defence."
    )
    events = _events(text, "en")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    condemned = text.index("The European Union")
    assert condemned in {ev.start for ev in assaults[0].evidence}
    assert "ACCUSE" in [e.type for e in events]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "An 18-year-old man accused of fatally shooting his friend on Monday night appeared in court.",
        ),
        ("es", "La Unión Europea condenó el atentado con bomba en Kabul."),
    ],
)
def test_a_happening_told_only_as_a_reference_is_still_kept(lang, text):
    # Crime news often tells the shooting only as what a suspect is accused of.
    assert "ASSAULT" in [e.type for e in _events(text, lang)]


def test_a_demand_for_a_resignation_is_no_resignation():
    events = _events("Протестующие требовали отставки премьер-министра.", "ru")
    assert all(e.modality != "asserted" for e in events if e.type == "RETREAT")


def test_an_aim_is_not_a_fact():
    events = _events("Ein Sprecher sagte, die Gruppe strebe eine friedliche Übergabe der Macht an.", "de")
    assert all(e.modality != "asserted" for e in events if e.type == "RETREAT")


def test_hostages_handed_over_far_from_the_verb_are_a_release():
    text = "Am Nachmittag übergab die Hamas 13 israelische Geiseln, darunter Frauen und Kinder, an das Rote Kreuz."
    events = _events(text, "de")
    assert ("ASSAULT", "abduct") not in [(e.type, e.mode) for e in events]
    assert ("RETREAT", "release") in [(e.type, e.mode) for e in events]


LONG = (
    "Police arrested dozens of protesters in Almaty on Wednesday as crowds stormed the city hall.\n\n"
    "Security forces fired tear gas at the crowd in the main square, witnesses said.\n\n"
    "The government resigned on Wednesday evening, the presidency said.\n\n"
    "Last year, residents of the town protested against fuel prices for a week.\n\n"
    "The country's president described the protesters as terrorists.\n\n"
    "Talks between the government and opposition groups are planned for next week.\n\n"
    "Fighting between the army and rebels was also reported in the north of the country."
)


def test_the_store_keeps_the_events_extraction_shows(tmp_path):
    doc = Document.create(
        LONG, lang="en", published="2022-01-05", title="Protesters storm city hall in Almaty"
    )
    shown = extract(Document.create(LONG, lang="en", published="2022-01-05", title=doc.title))
    mentions = extract_mentions(Document.create(LONG, lang="en", published="2022-01-05", title=doc.title))
    assert len(shown) < len(mentions), "the text must have readings the article does not report"
    with SQLiteStore(tmp_path / "events.db") as store:
        store_document(store, doc)
        stored_mentions, _ = store.mentions_of_document(doc.id)
        events = store.events_of_document(doc.id)
        assert sorted(e.type for e in events) == sorted(e.type for e in shown)
        # Every reading stays stored, the ones of no event without one.
        assert len(stored_mentions) == len(mentions)
        loose = [m for m in stored_mentions if store.event_of_mention(m.id) is None]
        assert len(loose) == len(mentions) - sum(e.num_mentions for e in events)
        before = sorted((e.type, e.num_mentions) for e in events)
        rebuild(store)
        assert sorted((e.type, e.num_mentions) for e in store.events_of_document(doc.id)) == before
