"""Persons and organisations outside our lists, found by the shape of their names, on sentences we
wrote in several languages."""

from __future__ import annotations

import pytest

from lagebild.actors import find_actors
from lagebild.actors.names import given_names
from lagebild.pipeline import extract_text


def _names(text: str, lang: str) -> set[tuple[str, str]]:
    return {(text[s:e], k) for m in find_actors(text, lang) for s, e, k in m.names}


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("de", "Am Montag sagte Heinrich Baumgartner, man werde klagen.", "Heinrich Baumgartner"),
        ("en", "The statement was read by Margaret Okonkwo in Lagos.", "Margaret Okonkwo"),
        ("fr", "Selon Jean-Pierre Lefebvre, la grève continuera.", "Jean-Pierre Lefebvre"),
        ("es", "La portavoz María Fernanda Quispe habló con la prensa.", "María Fernanda Quispe"),
        ("de", "Das sagte Ursula von der Leyen in Brüssel.", "Ursula von der Leyen"),
        ("ru", "Об этом сообщил Сергей Петрович Кузнецов.", "Сергей Петрович Кузнецов"),
        ("ru", "Встреча Андрея Смирнова с журналистами прошла в пятницу.", "Андрея Смирнова"),
    ],
)
def test_an_unlisted_person_is_found(lang: str, text: str, name: str) -> None:
    assert (name, "person") in _names(text, lang)


def test_the_surname_alone_names_the_person_again() -> None:
    text = "Heinrich Baumgartner kritisierte den Plan. Baumgartner will klagen."
    found = _names(text, "de")
    assert ("Heinrich Baumgartner", "person") in found
    assert ("Baumgartner", "person") in found


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("de", "Die Mitteldeutsche Kreditbank AG meldete Verluste.", "Mitteldeutsche Kreditbank AG"),
        ("en", "Students of the University of Northern Lagos marched.", "University of Northern Lagos"),
        ("de", "Die KPVD kündigte Proteste an.", "KPVD"),
        ("ru", "Акции компании «Северный Литейщик» упали.", "Северный Литейщик"),
        ("ru", "В ЦПКО прошла акция.", "ЦПКО"),
        ("de", "Er wechselte zur Nordstern Energy Inc. nach Bremen.", "Nordstern Energy Inc"),
        ("de", "Das Bundesamt für Statistik meldete Zahlen.", "Bundesamt für Statistik"),
        ("de", "Das Buch erschien im Hafen Verlag.", "Hafen Verlag"),
    ],
)
def test_an_unlisted_organisation_is_found(lang: str, text: str, name: str) -> None:
    assert (name, "group") in _names(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Am Dienstag tagte der Stadtrat im Rathaus."),  # no name: capitalised nouns only
        ("en", "In Chapter IV the report lists the dead."),  # a Roman numeral is no acronym
        ("de", "Mark und Pfennig galten bis 2001."),  # a given name alone names nobody
    ],
)
def test_capitalised_words_that_are_no_names(lang: str, text: str) -> None:
    assert not {n for n in _names(text, lang) if n[1] in ("person", "group")}


def test_the_given_names_come_from_the_packaged_list() -> None:
    names = given_names()
    assert {"Angela", "Emmanuel", "Владимир"} <= names
    assert "the" not in names


def test_an_unresolved_name_does_not_take_the_actor_role_from_a_resolved_one() -> None:
    events = extract_text(
        "Kenyan police arrested Heinrich Baumgartner in Nairobi on Monday.", lang="en", published="2024-05-06"
    )
    arrest = next(e for e in events if e.type == "COERCE")
    assert [(a.country, a.sector) for a in arrest.actors] == [("KE", "COP")]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Am Abend lobte Trainer Okonjo die Mannschaft.", "Okonjo", "person"),
        ('"Wir bleiben hart", sagte Brandtner.', "Brandtner", "person"),
        ("Der Chemiekonzern Velmora kündigte Stellen ab.", "Velmora", "group"),
        ("Die Versicherung Nordlicht Life meldete Verluste.", "Nordlicht Life", "group"),
        ("Später betrat Neil Armstrong den Mond.", "Neil Armstrong", "person"),
        ("Wolfgang Wagner leitete das Festival.", "Wolfgang Wagner", "person"),
        ("Danach sprach A. Wiegemann zu den Gästen.", "A. Wiegemann", "person"),
        ("Die Kritik kam vom Bundesverbraucherdienst.", "Bundesverbraucherdienst", "group"),
        ("Er ist Mitglied im Hamburger Mieterverein.", "Hamburger Mieterverein", "group"),
        ("Die Lage sei ernst. Okonjo erklärte, man verhandle weiter.", "Okonjo", "person"),
        ("Sie studierte an der Lee Strasberg Theatre.", "Lee Strasberg Theatre", "group"),
        ("Er wechselte zum HSK Nordheim.", "HSK Nordheim", "group"),  # a club: acronym and place
        ("Am Ende gewann Lara K. das Finale.", "Lara K.", "person"),  # the initial keeps its stop
        ("Damals regierte Elisabeth II. das Land.", "Elisabeth II.", "person"),
        ('"Wir kämpfen", erklärt van der Kamp.', "van der Kamp", "person"),
        ("Zuvor musste Petersen noch einmal antreten.", "Petersen", "person"),  # a listed surname
        ("Damals war Julio A. Roca Präsident des Senats.", "Julio A. Roca", "person"),
        ("Er traf Fernando Collor de Mello in Brasília.", "Fernando Collor de Mello", "person"),
        ("Der Botschafter Franz von Papen reiste ab.", "Franz von Papen", "person"),
        ("Das meldete der Altmärker Kurier am Montag.", "Altmärker Kurier", "group"),
        ("Die Klassen der Realschule Nordheim sammelten Geld.", "Realschule Nordheim", "group"),
    ],
)
def test_german_names_found_by_their_context(text: str, name: str, kind: str) -> None:
    assert (name, kind) in _names(text, "de")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Das Otto-Hahn-Gymnasium bleibt geschlossen.", "Otto-Hahn-Gymnasium"),  # a school, no person
        ("Später betrat Neil Armstrong den Mond.", "Neil Armstrong den Mond"),  # "den" is no particle
        ("Dann kam Heinrich Baumgartner zu Besuch.", "Heinrich Baumgartner zu Besuch"),
        ("Die Anlage leistet 196 MW.", "MW"),  # a unit, no organisation
        ("Im April kam die Ruhe zurück.", "April"),  # a month after an article, no person
        ("Auszubildende der Nordwerk AG gewannen.", "Auszubildende der Nordwerk AG"),
        ("Die Aula der Hauptschule war voll.", "Hauptschule"),  # a compound head alone names none
    ],
)
def test_german_capitals_that_are_not_these_names(text: str, wrong: str) -> None:
    assert wrong not in {n for n, _ in _names(text, "de")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Об этом рассказал Марк, рабочий завода.", "Марк"),  # a given name inside a sentence
        ("Об этом пишет блогер (Joshua Wolf) в своём дневнике.", "Joshua Wolf"),  # Latin letters
        ("Как сообщил А. Кудрин, бюджет исполнен.", "А. Кудрин"),  # an initial before a surname
    ],
)
def test_russian_persons_beyond_the_dictionary(text: str, name: str) -> None:
    assert (name, "person") in _names(text, "ru")


def test_a_russian_organisation_with_one_capital() -> None:
    found = _names("Заявление сделал Координационный совет пострадавших вкладчиков.", "ru")
    assert ("Координационный совет пострадавших вкладчиков", "group") in found
    assert ("Общественная палата", "group") in _names("Об этом сообщила Общественная палата в четверг.", "ru")
