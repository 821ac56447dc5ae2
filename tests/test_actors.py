"""lagebild.actors: who acts, resolved to country, IGO and sector, in our languages."""

from __future__ import annotations

import itertools

import pytest

from lagebild.actors import ActorMention, demonym_countries, find_actors


def _one(text: str, lang: str, needle: str, date: str | None = None) -> ActorMention:
    """The mention whose text contains `needle` (exactly one)."""
    found = [m for m in find_actors(text, lang, date) if needle in m.text]
    assert len(found) == 1, [m.text for m in find_actors(text, lang, date)]
    return found[0]


# --- persons with role titles ------------------------------------------------------------------


def test_german_title_before_name_gives_person_country_and_role() -> None:
    m = _one("In Astana erklärte Präsident Tokajew am Abend den Notstand.", "de", "Tokajew", "2022-01-05")
    assert (m.kind, m.role, m.actor.country, m.actor.sector) == ("person", "President", "KZ", "GOV")
    assert m.actor.canonical == "Kassym-Jomart Tokayev"
    assert m.text == "Präsident Tokajew"


def test_german_igo_prefix_and_title_give_igo_official() -> None:
    m = _one("Am Montag reiste OVKS-Generalsekretär Stanislav Zas nach Almaty.", "de", "Zas", "2022-01-10")
    assert (m.actor.igo, m.role, m.actor.country) == ("CSTO", "Secretary General", None)


def test_german_apposition_title_country_comma_name() -> None:
    text = "Der Verteidigungsminister der Russischen Föderation, Sergej Schoigu, ordnete den Abzug an."
    m = _one(text, "de", "Schoigu", "2022-01-13")
    assert (m.actor.country, m.actor.sector, m.role) == ("RU", "MIL", "Minister of Defence")
    assert m.actor.canonical == "Sergei Shoigu"


def test_english_name_comma_title_apposition() -> None:
    m = _one("Sergei Shoigu, Russia's defence minister, flew to Minsk.", "en", "Shoigu", "2021-03-01")
    assert (m.actor.country, m.actor.sector, m.role) == ("RU", "MIL", "Minister of Defence")
    assert m.text.startswith("Sergei Shoigu") and m.text.endswith("minister")


def test_title_gives_country_and_sector_for_a_person_not_in_our_list() -> None:
    m = _one("Talks were led by Armenian Foreign Minister Ararat Mirzoyan on Friday.", "en", "Mirzoyan")
    assert (m.kind, m.actor.country, m.role) == ("person", "AM", "Minister of Foreign Affairs")
    assert m.actor.canonical == "Ararat Mirzoyan"


def test_russian_title_country_genitive_and_inflected_name() -> None:
    text = "Вчера президент Казахстана Касым-Жомарт Токаев обратился к ОДКБ."
    m = _one(text, "ru", "Токаев", "2022-01-05")
    assert (m.actor.country, m.role, m.actor.canonical) == ("KZ", "President", "Kassym-Jomart Tokayev")
    m = _one("Встреча с генсеком ОДКБ Станиславом Засем прошла в Москве.", "ru", "Засем", "2021-11-02")
    assert (m.actor.igo, m.role, m.actor.canonical) == ("CSTO", "Secretary General", "Stanislav Zas")


def test_russian_title_genitive_organisation_then_unknown_name() -> None:
    text = "Глава Росатома Пётр Сидоренко-Вайс прибыл на станцию."
    m = _one(text, "ru", "Сидоренко")
    assert [text[s:e] for s, e, _ in m.names] == ["Пётр Сидоренко-Вайс"] and m.role == "Head"


def test_listed_person_with_a_first_name_our_alias_leaves_out() -> None:
    m = _one("Вчера Реджеп Эрдоган выступил в Анкаре.", "ru", "Эрдоган", "2020-01-01")
    assert m.text == "Реджеп Эрдоган" and m.actor.country == "TR"


def test_a_country_beats_a_person_with_the_same_key() -> None:
    assert [m.kind for m in find_actors("Судан и Чад.", "ru")] == ["country", "country"]


def test_names_inside_a_mention_are_reported_with_their_kind() -> None:
    text = "CSTO Secretary General Stanislav Zas arrived."
    m = _one(text, "en", "Zas", "2021-06-01")
    assert [(text[s:e], k) for s, e, k in m.names] == [("CSTO", "igo"), ("Stanislav Zas", "person")]


def test_a_bare_title_names_nobody() -> None:
    assert find_actors("In general, the minister said nothing.", "en") == []


# --- offices and dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "role", "sector"),
    [
        ("2020-06-01", "Minister of Defence", "MIL"),
        ("2024-05-11", "Minister of Defence", "MIL"),
        ("2024-06-01", "Secretary of the Security Council", "GOV"),
    ],
)
def test_the_office_held_on_the_documents_date(date: str, role: str, sector: str) -> None:
    m = _one("Shoigu spoke to reporters.", "en", "Shoigu", date)
    assert (m.role, m.actor.sector) == (role, sector)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Former president Petro Poroshenko spoke in Lviv."),
        ("de", "Ex-Präsident Poroschenko sprach in Lwiw."),
        ("ru", "Бывший президент Украины Петр Порошенко выступил во Львове."),
        ("ar", "قال الرئيس السابق بوروشينكو إن"),
    ],
)
def test_a_former_title_is_no_office(lang: str, text: str) -> None:
    persons = [m for m in find_actors(text, lang, "2021-01-01") if m.kind == "person"]
    assert [(m.role, m.actor.sector, m.actor.canonical) for m in persons] == [
        ("Former President", "ELI", "Petro Poroshenko")
    ]


def test_listed_offices_beat_an_ambiguous_title_on_a_known_date() -> None:
    m = _one("La canciller Angela Merkel llegó a Madrid.", "es", "Merkel", "2019-06-01")
    assert (m.role, m.actor.country) == ("Chancellor", "DE")


def test_a_minister_before_taking_office_has_no_role() -> None:
    m = _one("Andrei Belousov was mentioned.", "en", "Belousov", "2019-01-01")
    assert m.role is None and m.actor.sector is None and m.actor.country == "RU"
    assert (
        _one("Andrei Belousov was mentioned.", "en", "Belousov", "2024-06-01").role == "Minister of Defence"
    )


def test_head_of_an_igo_changes_with_date() -> None:
    assert _one("Stoltenberg warned Moscow.", "en", "Stoltenberg", "2019-05-01").actor.igo == "NATO"
    after = _one("Stoltenberg warned Moscow.", "en", "Stoltenberg", "2025-06-01")
    assert after.actor.igo is None and after.actor.country == "NO"
    assert _one("Rutte warned Moscow.", "en", "Rutte", "2025-06-01").actor.igo == "NATO"


# --- demonym + sector composition ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "needle", "country", "sector"),
    [
        (
            "de",
            "Kasachische Strafverfolgungsbehörden nahmen 40 Personen fest.",
            "Strafverfolgung",
            "KZ",
            "COP",
        ),
        ("de", "Einheiten russischer Luftlandetruppen landeten nachts.", "Luftlande", "RU", "MIL"),
        ("de", "Die Bodentruppen Russlands zogen sich zurück.", "Bodentruppen", "RU", "MIL"),
        ("en", "Russian airborne troops secured the airport.", "troops", "RU", "MIL"),
        ("en", "Kazakhstan's police detained dozens.", "police", "KZ", "COP"),
        ("ru", "Силы безопасности Казахстана провели операцию.", "Силы", "KZ", "COP"),
        ("ru", "Колонна российских военных покинула город.", "военных", "RU", "MIL"),
        ("uk", "Поліція Казахстану затримала активістів.", "Поліція", "KZ", "COP"),
        ("fr", "Les soldats russes ont quitté la ville.", "soldats", "RU", "MIL"),
        ("es", "La policía kazaja detuvo a varios manifestantes.", "policía", "KZ", "COP"),
        ("ar", "وقالت قوات الأمن الكازاخستانية إنها اعتقلت العشرات.", "قوات", "KZ", "COP"),
        ("tr", "Kazak polisi göstericileri gözaltına aldı.", "polisi", "KZ", "COP"),
        ("pt", "As tropas russas deixaram a cidade.", "tropas", "RU", "MIL"),
        ("it", "La polizia kazaka ha arrestato decine di persone.", "polizia", "KZ", "COP"),
        ("pl", "Rosyjscy żołnierze opuścili miasto.", "żołnierze", "RU", "MIL"),
        ("fa", "نیروهای روسی شهر را ترک کردند.", "نیروهای", "RU", "MIL"),
    ],
)
def test_demonym_or_country_qualifies_a_sector_term(
    lang: str, text: str, needle: str, country: str, sector: str
) -> None:
    m = _one(text, lang, needle)
    assert (m.kind, m.actor.country, m.actor.sector) == ("sector", country, sector)


def test_an_adjective_after_its_noun_is_not_claimed_by_the_next_title() -> None:
    found = find_actors("Las tropas rusas y el presidente Tokáyev llegaron.", "es", "2022-01-07")
    assert [(m.text, m.actor.country) for m in found] == [
        ("tropas rusas", "RU"),
        ("presidente Tokáyev", "KZ"),
    ]


def test_adjectives_do_not_reach_across_conjunctions() -> None:
    found = find_actors("Russian and Kazakh troops arrived.", "en")
    assert [(m.text, m.actor.country) for m in found] == [("Kazakh troops", "KZ")]


def test_abbreviations_with_dots_but_not_sentence_ends() -> None:
    assert [(m.text, m.actor.country) for m in find_actors("U.S. troops left.", "en")] == [
        ("U.S. troops", "US")
    ]
    found = find_actors("They flew to the US. Police said so.", "en")
    assert [(m.text, m.actor.country) for m in found] == [("US", "US"), ("Police", None)]


def test_people_nouns_are_country_actors_but_adjectives_alone_are_not() -> None:
    assert [
        (m.text, m.kind) for m in find_actors("Palestinians marched; a Palestinian flag flew.", "en")
    ] == [("Palestinians", "country")]
    assert [(m.text, m.actor.country) for m in find_actors("Dann griffen die Russen an.", "de")] == [
        ("Russen", "RU")
    ]
    assert find_actors("Russische Quellen schweigen.", "de") == []


def test_capitalised_list_entries_need_a_capital() -> None:
    # German nouns are capitalised: the verb "unternehmen" is no company.
    assert [m.text for m in find_actors("Wir wollen etwas unternehmen; die Unternehmen zögern.", "de")] == [
        "Unternehmen"
    ]


def test_sector_terms_alone_have_no_country() -> None:
    m = _one("Residents gathered before police arrived.", "en", "Residents")
    assert (m.actor.sector, m.actor.country, m.actor.canonical) == ("CVL", None, None)


@pytest.mark.parametrize(
    ("lang", "text", "needle"),
    [
        ("en", "Police dispersed the demonstrators.", "demonstrators"),
        ("de", "Die Polizei drängte Demonstranten zurück.", "Demonstranten"),
        ("ru", "Полиция задержала протестующих.", "протестующих"),
        ("fr", "La police a dispersé les manifestants.", "manifestants"),
        ("ar", "فرقت الشرطة المتظاهرين.", "المتظاهرين"),
    ],
)
def test_protesters_are_civilians_marked_as_protesters(lang: str, text: str, needle: str) -> None:
    m = _one(text, lang, needle)
    assert (m.actor.sector, m.actor.canonical) == ("CVL", "protesters")


def test_igo_qualifies_troops() -> None:
    m = _one("Миротворцы ОДКБ начали отвод.", "ru", "Миротворцы")
    assert (m.actor.igo, m.actor.sector) == ("CSTO", "PKO")


# --- IGOs and groups -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The CSTO met."),
        ("de", "Die OVKS tagte."),
        ("ru", "Совет ОДКБ собрался."),
        ("fr", "L'OTSC s'est réunie."),
        ("es", "La OTSC se reunió."),
        ("ar", "اجتمعت منظمة معاهدة الأمن الجماعي."),
        ("de", "Die Organisation des Vertrags über kollektive Sicherheit tagte."),
    ],
)
def test_csto_under_its_names_in_every_language(lang: str, text: str) -> None:
    assert [m.actor.igo for m in find_actors(text, lang) if m.kind == "igo"] == ["CSTO"]


def test_nato_in_several_languages() -> None:
    for lang, text in [
        ("fr", "L'OTAN répond."),
        ("ru", "НАТО ответило."),
        ("ar", "ردّ حلف الناتو."),
        ("de", "Die Nato"),
    ]:
        assert "NATO" in [m.actor.igo for m in find_actors(text, lang)], (lang, text)


def test_acronyms_match_only_in_capitals() -> None:
    assert not [m for m in find_actors("Il y a un problème au port.", "fr") if m.kind == "igo"]
    assert [m.actor.igo for m in find_actors("Un diplomate de l'ONU a parlé.", "fr") if m.kind == "igo"] == [
        "UN"
    ]


def test_armed_groups_have_country_and_sector() -> None:
    m = _one("Хуситы атаковали судно.", "ru", "Хуситы")
    assert (m.kind, m.actor.canonical, m.actor.country, m.actor.sector) == ("group", "Houthis", "YE", "REB")
    assert _one("Die Taliban übernahmen Kabul.", "de", "Taliban").actor.country == "AF"


def test_arabic_clitics_are_stripped() -> None:
    assert demonym_countries("والقوات الروسية", "ar")[-1][2] == "RU"


# --- contract ----------------------------------------------------------------------------------


def test_mentions_are_sorted_non_overlapping_and_offsets_index_the_text() -> None:
    text = (
        "Präsident Tokajew bat die OVKS um Hilfe. Russische Fallschirmjäger und kasachische Polizisten "
        "sicherten den Flughafen, während Demonstranten vor dem Akimat protestierten."
    )
    found = find_actors(text, "de", "2022-01-06")
    assert len(found) >= 4
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for m in found:
        assert text[m.start : m.end] == m.text == m.actor.name


def test_demonym_countries_gives_offsets_and_iso2() -> None:
    text = "Russische und kasachische Truppen in Kirgisistan"
    got = [(text[s:e], c) for s, e, c in demonym_countries(text, "de")]
    assert got == [("Russische", "RU"), ("kasachische", "KZ"), ("Kirgisistan", "KG")]


def test_bad_input_gives_clear_errors() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        find_actors("text", "xx")
    with pytest.raises(ValueError, match="ISO"):
        find_actors("text", "en", "yesterday")
    assert find_actors("", "en") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Israeli helicopters shelled positions near Rafah.", "en"),
        ("Israelische Kampfhubschrauber beschossen Stellungen bei Rafah.", "de"),
    ],
)
def test_the_weapons_of_armed_forces_act_for_them(text: str, lang: str) -> None:
    (m,) = [m for m in find_actors(text, lang) if m.actor.sector == "MIL"]
    assert (m.actor.country, m.actor.sector) == ("IL", "MIL")
