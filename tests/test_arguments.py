"""Who acted and who suffered, on sentences we wrote in several languages: a harmed actor is the
patient of the event, never its doer."""

from __future__ import annotations

import pytest

from lagebild.events.casualties import suffers
from lagebild.pipeline import extract_text


def _assault(text: str, lang: str):
    events = [e for e in extract_text(text, lang=lang, published="2024-05-06") if e.type == "ASSAULT"]
    assert events, f"no assault read from {text!r}"
    return events[0]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Opposition leader Tokayev was injured in an assault in Almaty on Monday."),
        ("de", "Der Oppositionsführer Tokajew wurde bei einem Angriff in Almaty verletzt."),
        ("fr", "Le président Tokaïev a été blessé lors d'une attaque à Almaty."),
    ],
)
def test_an_injured_leader_is_the_target_not_the_actor(lang: str, text: str) -> None:
    event = _assault(text, lang)
    assert "KZ" not in {a.country for a in event.actors}
    assert [a.canonical for a in event.recipients] == ["Kassym-Jomart Tokayev"]


def test_the_group_that_bombed_stays_the_actor() -> None:
    event = _assault("Islamic State claimed the bombing that killed 12 people in Kabul.", "en")
    assert [a.canonical for a in event.actors] == ["Islamic State"]
    assert "Islamic State" not in {a.canonical for a in event.recipients}


@pytest.mark.parametrize(
    ("lang", "text", "harmed"),
    [
        ("en", "Tokayev was injured in the attack", True),
        ("en", "Tokayev was the man who killed them", False),  # the harm is another clause's
        ("en", "Tokayev said two were killed", False),  # no auxiliary right after the actor
        ("de", "Tokajew wurde bei dem Angriff schwer verletzt", True),
        ("ru", "Токаев был ранен при нападении", True),
        ("es", "Tokáyev fue herido en el ataque", True),
    ],
)
def test_suffers_reads_a_passive_harm_after_the_actor(lang: str, text: str, harmed: bool) -> None:
    name_end = text.index(" ")
    assert suffers(text, name_end, len(text), lang) is harmed


def test_a_town_after_a_preposition_is_a_place_not_a_person():
    # The Russian name finder reads an unknown capitalised word inside a sentence as a person.
    from lagebild.pipeline import extract_text

    events = extract_text(
        "В среду в Алматы толпа протестующих ворвалась в здание городского акимата.",
        lang="ru",
        published="2022-01-06",
    )
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.location is not None and protest.location.name == "Almaty"
    assert protest.location.precision == "city"
    assert "Алматы" not in [a.name for a in protest.actors]
