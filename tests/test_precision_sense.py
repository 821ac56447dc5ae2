"""Word sense, reports vs references, one reading per trigger and modality, on sentences we
wrote, in several languages."""

import pytest

from lagebild.pipeline import extract_text


def _events(text, lang):
    return extract_text(text, lang=lang, published="2023-06-01")


def _types(text, lang, modality=None):
    return [e.type for e in _events(text, lang) if modality is None or e.modality == modality]


# --- word sense ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La réforme des retraites a été adoptée par l'Assemblée nationale."),
        ("fr", "Le gouvernement veut repousser l'âge légal de départ à 64 ans."),
        ("en", "Firefighters battled the blaze for hours in the hills above Athens on Tuesday."),
        ("en", "Hundreds of firefighters were fighting wildfires on the island of Rhodes."),
        ("en", "The government has promised to fight inflation with higher interest rates."),
        # An attack in words is a criticism, not violence.
        ("en", "The opposition leader made a blistering attack on the government in parliament on Friday."),
        (
            "de",
            "Die Oppositionsführerin startete am Freitag im Bundestag einen verbalen Angriff auf die Regierung.",
        ),
        ("fr", "La cheffe de l'opposition a lancé vendredi une attaque verbale contre le Premier ministre."),
        ("es", "El líder opositor lanzó el viernes un duro ataque contra el gobierno en el Congreso."),
    ],
)
def test_non_event_senses_of_trigger_words(lang, text):
    assert _types(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Les soldats ont repoussé une attaque des rebelles près de Goma."),
        ("en", "Soldiers fought rebels near Goma on Monday, killing five."),
        ("en", "Gunmen attacked the government offices in the town on Friday, killing two guards."),
        ("fr", "Les troupes ont battu en retraite après trois jours de combats."),
    ],
)
def test_event_senses_stay(lang, text):
    assert _types(text, lang)


def test_a_fire_fought_and_a_battle_fought_in_one_sentence():
    text = "Firefighters were fighting the fire near Athens, while troops battled rebels in the north."
    assert _types(text, "en") == ["ASSAULT"]


def test_ceasefire_is_no_assault():
    assert _types("أعلنت الأطراف وقف إطلاق النار في غزة يوم الثلاثاء.", "ar") == ["AGREE"]
    assert _types("The parties agreed a ceasefire in Gaza on Tuesday.", "en") == ["AGREE"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die Hamas übergab am Freitag 13 Geiseln an das Rote Kreuz."),
        ("en", "Hamas handed over 13 hostages to the Red Cross on Friday."),
        ("fr", "Le Hamas a remis 13 otages à la Croix-Rouge vendredi."),
        ("es", "Hamás entregó 13 rehenes a la Cruz Roja el viernes."),
        ("ru", "ХАМАС передал 13 заложников Красному Кресту в пятницу."),
    ],
)
def test_handing_over_hostages_is_a_release_not_an_abduction(lang, text):
    events = _events(text, lang)
    assert [(e.type, e.mode) for e in events] == [("RETREAT", "release")]


def test_taking_hostages_is_an_abduction():
    events = _events("Gunmen took 13 hostages in a raid on a school in Kaduna on Friday.", "en")
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "abduct")]


# --- reports vs references -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("en", "The EU and US condemned the bombing in Kabul on Friday.", "EU"),
        ("de", "Die EU verurteilte den Bombenanschlag in Kabul.", "EU"),
        ("fr", "L'UE a condamné l'attentat à la bombe à Kaboul.", "UE"),
        ("ar", "دانت الأمم المتحدة الهجوم على المدرسة في غزة.", "الأمم المتحدة"),
    ],
)
def test_the_speaker_of_a_condemnation_is_no_doer_of_what_it_condemns(lang, text, speaker):
    events = _events(text, lang)
    assert "ACCUSE" in [e.type for e in events]
    for e in events:
        if e.type == "ASSAULT":
            assert speaker not in [a.name for a in e.actors]


def test_an_accusation_makes_its_object_claimed_not_asserted():
    events = _events("Prigozhin accused the defence ministry of attacking his camps in Ukraine.", "en")
    assert [e.type for e in events if e.modality == "asserted"] == ["ACCUSE"]
    assert all(e.modality == "hypothetical" for e in events if e.type == "ASSAULT")


def test_praising_an_agreement_is_one_statement():
    assert _types("Aliyev hailed the agreement with Armenia on Monday.", "en") == ["SUPPORT"]


# --- modality ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die Armee bereitet eine Offensive auf Charkiw vor."),
        ("en", "The army is preparing for an offensive on Kharkiv, officials said."),
        ("fr", "L'armée se prépare à une offensive sur Kharkiv."),
        ("ru", "Армия готовит наступление на Харьков."),
        ("es", "El ejército prepara una ofensiva contra Járkov."),
        ("en", "If the talks fail, the army will attack the city."),
    ],
)
def test_plans_and_conditionals_are_not_facts(lang, text):
    events = _events(text, lang)
    assert events
    assert all(e.modality in ("future", "hypothetical") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "No action was taken by the police against the rioters.",
        "The police failed to take action against the men who attacked the shops.",
        "The police refused to register a case against the accused, the family said.",
    ],
)
def test_police_who_do_not_act_are_a_negated_police_action(text):
    from lagebild.eval.events import police_labels

    assert "FAIL" in police_labels(_events(text, "en"))


def test_a_registered_case_is_a_police_action():
    from lagebild.eval.events import police_labels

    labels = police_labels(_events("Police registered a case against five men on Monday.", "en"))
    assert "ANY_ACTION" in labels and "FAIL" not in labels


@pytest.mark.parametrize(
    "text",
    [
        "Police are investigating a shooting at a bar in Dayton that sent three men to the hospital.",
        "Toledo police continue to investigate a shooting at a nightclub that sent four men to the hospital.",
    ],
)
def test_the_shooting_not_the_routine_investigation_is_the_main_event(text):
    from lagebild.eval.events import main_event

    assert main_event(_events(text, "en")).type == "ASSAULT"


@pytest.mark.parametrize(
    "text",
    [
        "The development corporation named its new chief executive officer on Monday.",
        "The mayor wants the pastor to ride along in a patrol car with officers on weekends.",
    ],
)
def test_words_that_only_look_like_triggers(text):
    assert _types(text, "en") == []


def test_the_dead_of_an_accident_story_are_no_attack():
    text = (
        "A woman was killed and five others were injured when a large eucalyptus tree fell on a wedding "
        "party taking photographs in a park on Saturday, fire officials said.\n\n"
        "Firefighters and paramedics treated the injured at the scene."
    )
    events = extract_text(
        text, lang="en", published="2023-06-01", title="Woman dies after tree fell on wedding party"
    )
    assert "ASSAULT" not in [e.type for e in events]
    shooting = "A woman was killed and five others were injured when a gunman opened fire at a wedding party on Saturday."
    assert "ASSAULT" in _types(shooting, "en")
