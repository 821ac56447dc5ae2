"""Places read in context: common nouns, "the capital", namesake regions, the document's country,
and a bounded cost for the resolver's pairwise evidence. Texts are our own."""

from __future__ import annotations

import numpy as np
import pytest

from lagebild.places import geoparse, resolve
from lagebild.places import resolver as resolver_mod


def _places(text: str, lang: str | None, **kw) -> dict[str, tuple[str | None, str, str]]:
    return {
        m.text: (m.place.country, m.place.name, m.place.precision)
        for m in geoparse(text, lang, **kw)
        if m.place
    }


# -- common nouns of the text's language are not places ---------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("fr", "Le ministère de la Santé a confirmé trois décès à Lyon.", "Santé"),
        ("fr", "Les syndicats SUD et CGT appellent à la grève à Bordeaux.", "SUD"),
        ("ar", "قالت الشرطة في العاصمة إن الهدوء عاد إلى كابول.", "العاصمة"),
        ("ar", "تجددت الاشتباكات في مدينة مروي شمال الخرطوم.", "مدينة"),
        ("es", "El Ministerio de la Salud informó de dos heridos en la Sanidad de Sevilla.", "Sanidad"),
    ],
)
def test_common_nouns_are_not_places(lang: str, text: str, word: str) -> None:
    found = {m.text for m in geoparse(text, lang, capitals=False)}
    assert word not in found


def test_an_all_caps_country_code_is_still_a_place() -> None:
    # "US" is the stop word "us" in lower case; capitals and a country make it a place.
    assert _places("The US and the UK imposed sanctions.", "en")["US"][0] == "US"


def test_a_country_after_an_article_is_kept() -> None:
    assert _places("Des manifestations ont eu lieu dans toute la France.", "fr")["France"][0] == "FR"


# -- "the capital" is the capital of the country in context -----------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "word", "city"),
    [
        (
            "ar",
            "اندلعت اشتباكات في السودان يوم السبت. وقال شهود إن العاصمة شهدت انفجارات.",
            "العاصمة",
            "Khartoum",
        ),
        ("ar", "وصل الوفد إلى عاصمة أرمينيا بعد احتجاجات واسعة.", "عاصمة", "Yerevan"),
        (
            "de",
            "Russland griff die Ukraine erneut an. In der Hauptstadt heulten die Sirenen.",
            "Hauptstadt",
            "Kyiv",
        ),
        (
            "en",
            "Protests spread across Sri Lanka. Police in the capital fired tear gas.",
            "capital",
            "Colombo",
        ),
        ("en", "Police fired tear gas in the Armenian capital on Monday.", "capital", "Yerevan"),
        ("fr", "Des milliers de personnes ont défilé dans la capitale du Chili.", "capitale", "Santiago"),
        ("es", "Miles de personas marcharon en Chile; en la capital hubo detenidos.", "capital", "Santiago"),
    ],
)
def test_the_capital_resolves_to_the_capital_in_context(lang: str, text: str, word: str, city: str) -> None:
    found = [m for m in geoparse(text, lang) if m.text == word]
    assert found and found[0].place is not None and found[0].place.name == city
    assert found[0].place.precision == "city"


def test_the_capital_next_to_its_name_is_not_a_second_place() -> None:
    found = [m.text for m in geoparse("Protesters gathered in the capital, Colombo, on Friday.", "en")]
    assert found == ["Colombo"]


def test_the_capital_without_a_country_in_context_is_no_place() -> None:
    assert [m.text for m in geoparse("Protesters gathered in the capital on Friday.", "en")] == []


def test_capital_as_an_adjective_is_no_place() -> None:
    text = "Sri Lanka debated capital punishment and capital gains taxes."
    assert [m.text for m in geoparse(text, "en")] == ["Sri Lanka"]


def test_capital_references_are_left_out_when_asked() -> None:
    text = "Russland griff die Ukraine an. In der Hauptstadt heulten die Sirenen."
    assert "Hauptstadt" not in {m.text for m in geoparse(text, "de", capitals=False)}


# -- a city is not its namesake province ------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "name", "lat", "lon"),
    [
        ("es", "Un incendio en Valparaíso dejó decenas de muertos en Chile.", "Valparaíso", -33.05, -71.62),
        ("en", "Fires near Valparaíso killed dozens.", "Valparaíso", -33.05, -71.62),
        ("ar", "وصل الرئيس إلى الخرطوم قادما من القاهرة.", "الخرطوم", 15.55, 32.53),
    ],
)
def test_a_city_beats_its_namesake_region(lang: str, text: str, name: str, lat: float, lon: float) -> None:
    m = next(m for m in geoparse(text, lang) if m.text == name)
    assert m.place is not None and m.place.precision == "city"
    # Valparaíso's region has its centre in the Pacific (its islands): the pin must be the city.
    assert abs(m.place.lat - lat) < 0.3 and abs(m.place.lon - lon) < 0.3


def test_a_region_word_keeps_the_region() -> None:
    m = next(
        m for m in geoparse("Lluvias intensas en la región de Valparaíso.", "es") if m.text == "Valparaíso"
    )
    assert m.place is not None and m.place.precision == "admin1"


def test_almaty_is_the_city() -> None:
    got = _places("Protesters stormed the city hall in Almaty; Kazakhstan declared an emergency.", "en")
    assert got["Almaty"] == ("KZ", "Almaty", "city")
    got = _places("Протестующие захватили здание акимата в Алматы, Казахстан ввёл режим ЧП.", "ru")
    assert got["Алматы"][0] == "KZ" and got["Алматы"][2] == "city"


# -- candidates weighed by the document's country and the other places -----------------------


@pytest.mark.parametrize(
    ("lang", "text", "name", "country"),
    [
        ("es", "Hubo protestas contra el gobierno chileno en Santiago y en Concepción.", "Concepción", "CL"),
        (
            "en",
            "Thousands marched in Santiago, Chile. In Concepción police fired tear gas.",
            "Concepción",
            "CL",
        ),
        ("en", "Fighting broke out in Khartoum and Merowe, Sudan's army said.", "Merowe", "SD"),
        ("en", "Azerbaijan accused Armenia after police in Yerevan detained protesters.", "Yerevan", "AM"),
        ("ru", "В Ереване задержали участников акции, Азербайджан обвинил Армению.", "Ереване", "AM"),
    ],
)
def test_places_take_the_country_of_the_story(lang: str, text: str, name: str, country: str) -> None:
    assert _places(text, lang)[name][0] == country


def test_the_callers_country_decides_an_ambiguous_name() -> None:
    text = "Police fired tear gas at students in Concepción on Tuesday."
    spans = [(text.index("Concepción"), text.index("Concepción") + len("Concepción"))]
    assert resolve(text, spans, "en", country="CL")[0].place.country == "CL"
    assert resolve(text, spans, "en", country="PY")[0].place.country == "PY"


# -- bounded cost ------------------------------------------------------------------------------


def test_nearness_is_measured_against_a_bounded_number_of_places(monkeypatch) -> None:
    """On a long text each name meets at most the window and the salient places, not all others."""
    sizes: list[int] = []
    real = resolver_mod._near_bonus

    def spy(gaz, rows, pts):
        sizes.append(len(pts))
        return real(gaz, rows, pts)

    monkeypatch.setattr(resolver_mod, "_near_bonus", spy)
    towns = ["Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Dresden", "Leipzig",
             "Bremen", "Hannover", "Nürnberg", "Essen", "Dortmund", "Bonn", "Kiel", "Rostock",
             "Erfurt", "Mainz", "Potsdam", "Magdeburg", "Freiburg", "Augsburg", "Kassel", "Ulm"]  # fmt: skip
    text = " ".join(f"In {t} protestierten am Montag Hunderte Menschen." for t in towns * 20)
    found = geoparse(text, "de")
    assert len(found) >= 400
    bound = 2 * resolver_mod.NEAR_WINDOW + resolver_mod.MAX_SALIENT
    assert sizes and max(sizes) <= bound


def test_nearby_points_keep_the_window_and_the_salient_places() -> None:
    pts = np.arange(20, dtype=np.float64).reshape(10, 2)
    owner = np.arange(10)
    got = resolver_mod.nearby_points(pts, owner, 5, window=1)
    assert got.tolist() == [[8.0, 9.0], [12.0, 13.0]]  # mentions 4 and 6, not 5 itself


# -- a one-word town needs support: a preposition of place or strong context -----------------


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        (
            "de",
            "Kasachstan bat Russland um Hilfe. Russische Truppen schützen Einrichtungen in Baikonur.",
            "Baikonur",
        ),
        ("en", "Kazakhstan asked Russia for help. Russian troops guard facilities in Baikonur.", "Baikonur"),
        (
            "fr",
            "Le Kazakhstan a demandé l'aide de la Russie. Des troupes protègent les sites à Baïkonour.",
            "Baïkonour",
        ),
    ],
)
def test_a_one_word_town_after_a_preposition_is_a_place(lang: str, text: str, name: str) -> None:
    assert _places(text, lang)[name][0] == "KZ"


def test_a_one_word_town_as_the_subject_without_support_is_no_place() -> None:
    got = _places("Kazakhstan asked Russia for help. Baikonur said the troops were welcome.", "en")
    assert "Baikonur" not in got and got["Kazakhstan"][0] == "KZ"


def test_a_city_of_a_million_is_known_by_one_word() -> None:
    assert _places("Харків знову обстріляли вночі.", "uk")["Харків"][0] == "UA"


def test_a_district_by_its_bare_name_is_no_place_without_a_preposition() -> None:
    got = _places("Police in Texas said Tyler Jones, 34, was arrested on Monday.", "en")
    assert "Jones" not in got and got["Texas"][0] == "US"
    got = _places("Flooding hit homes in Jefferson County and in Jefferson on Monday.", "en")
    assert got["Jefferson"][0] == "US"


def test_nearby_points_add_the_salient_places_far_away_in_the_text() -> None:
    pts = np.arange(200, dtype=np.float64).reshape(100, 2)
    owner = np.arange(100)
    salient = resolver_mod.Salient(np.asarray([[0.0, 1.0], [7.0, 7.0]]), np.asarray([0, -1]))
    got = resolver_mod.nearby_points(pts, owner, 50, salient, window=1).tolist()
    assert got == [[98.0, 99.0], [102.0, 103.0], [0.0, 1.0], [7.0, 7.0]]
    # A salient place that is mention 50's own point is not measured against itself.
    salient = resolver_mod.Salient(np.asarray([[100.0, 101.0]]), np.asarray([50]))
    assert resolver_mod.nearby_points(pts, owner, 50, salient, window=1).tolist() == [
        [98.0, 99.0],
        [102.0, 103.0],
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In Philadelphia demonstrierten am Sonntag Tausende.", "de"),
        ("Protesters marched in Philadelphia on Sunday.", "en"),
    ],
)
def test_a_city_by_its_own_name_beats_another_citys_old_name(text: str, lang: str) -> None:
    # Amman bears "Philadelphia" as an ancient alternate name; the US city bears it as its own.
    assert _places(text, lang)["Philadelphia"][0] == "US"


def test_a_bare_town_name_is_the_town_not_the_county_of_that_name() -> None:
    text = "Richmond police said the fire in Richmond started overnight."
    got = resolve(text, [(0, 8), (33, 41)], "en")
    assert all(m.place is not None and m.feature.startswith("PPL") for m in got)


@pytest.mark.parametrize(
    ("text", "span", "region"),
    [
        ("The storm hit Fla. and Georgia on Monday.", (14, 18), "Florida"),
        ("He moved from Wichita to Topeka in Kan. last year.", (35, 39), "Kansas"),
    ],
)
def test_a_dotted_region_abbreviation_is_the_region(text: str, span: tuple[int, int], region: str) -> None:
    (m,) = resolve(text, [span], "en")
    assert m.place is not None and m.place.name == region and m.feature == "ADM1"
    spotted = {pm.text: pm for pm in geoparse(text, "en")}
    assert spotted[text[span[0] : span[1]]].place.name == region


def test_a_spelling_of_the_same_name_is_no_alternate_name_of_another_place() -> None:
    # "Saint Louis" is written for St. Louis itself, not only for Saint-Louis in Senegal.
    (m,) = resolve("Police in Saint Louis said two men were shot.", [(10, 21)], "en")
    assert m.place is not None and m.place.country == "US" and m.feature.startswith("PPL")
    got = _places("Schüsse in Saint Louis, Missouri, am Sonntag.", "de")
    assert got["Saint Louis"][0] == "US"


def _event_places(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    from lagebild.model import Document
    from lagebild.pipeline import extract_mentions

    doc = Document.create(text=text, lang=lang, published="2023-03-24")
    return [
        (ev.evidence[0].sentence, ev.location and ev.location.name, ev.location and ev.location.precision)
        for ev in extract_mentions(doc)
    ]


@pytest.mark.parametrize(
    ("text", "lang", "city", "written"),
    [
        (
            "Frankreich erlebte neue Proteste. In Paris lieferten sich vermummte Gruppen "
            "Straßenschlachten mit der Polizei, die Tränengas einsetzte.",
            "de",
            "Paris",
            "Paris",
        ),
        (
            "L'Azerbaïdjan a repris Choucha. À Erevan, des centaines de manifestants ont pris "
            "d'assaut le Parlement, accusant le Premier ministre de trahison.",
            "fr",
            "Yerevan",
            "Erevan",
        ),
        (
            "Russia fired dozens of missiles at cities across Ukraine on Monday morning, striking "
            "central Kyiv during rush hour.",
            "en",
            "Kyiv",
            "Kyiv",
        ),
        (
            "Rusia lanzó este lunes un ataque con misiles contra Kiev y numerosas ciudades de Ucrania.",
            "es",
            "Kyiv",
            "Kiev",
        ),
    ],
)
def test_a_city_named_in_the_events_sentence_beats_the_country(
    text: str, lang: str, city: str, written: str
) -> None:
    got = [g for g in _event_places(text, lang) if written in g[0]]
    assert got and all(g[1:] == (city, "city") for g in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Вагнеровцы заняли штаб округа в Ростове-на-Дону.", "ru"),
        ("Бойовики увійшли до Ростова-на-Дону вночі.", "uk"),
    ],
)
def test_a_hyphenated_city_declines_on_its_first_word(text: str, lang: str) -> None:
    got = {m.text: m for m in geoparse(text, lang)}
    (name,) = [k for k in got if k.startswith("Ростов")]
    assert name.endswith("-на-Дону") and got[name].place.name == "Rostov-on-Don"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vladimir Putin met the governor in Vladimir on Monday.", "en"),
        ("Владимир Путин встретился с губернатором во Владимире.", "ru"),
        ("Президент Володимир Зеленський виступив у Києві.", "uk"),
    ],
)
def test_a_big_town_that_is_a_given_name_is_no_place_before_a_surname(text: str, lang: str) -> None:
    got = geoparse(text, lang)
    first_word = text.split()[0] if lang != "uk" else "Володимир"
    assert all(not (m.text == first_word and m.start == text.find(first_word)) for m in got), got
    assert got  # the real place of the sentence is still found


@pytest.mark.parametrize(
    ("text", "lang", "surname", "town"),
    [
        ("Officer Maria Flores said the suspect fled. Flores added that he was armed.", "en", "Flores", None),
        (
            "The lawyer, David Lincoln, met the judge in Lincoln. Lincoln said he was pleased.",
            "en",
            "Lincoln",
            "in Lincoln",
        ),
        (
            "La jueza María Flores habló en Madrid. Flores dijo que el caso sigue abierto.",
            "es",
            "Flores",
            None,
        ),
        ("L'avocat Thomas Nancy a plaidé à Lyon. Nancy a demandé la relaxe.", "fr", "Nancy", None),
    ],
)
def test_a_town_name_used_as_a_surname_after_a_given_name_is_no_place_alone(
    text: str, lang: str, surname: str, town: str | None
) -> None:
    got = [m for m in geoparse(text, lang) if m.text == surname]
    assert [text[m.start - 3 : m.end] for m in got] == ([town] if town else [])


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("German troops arrived at the border on Monday.", "German", "DE"),
        ("Spanish police said two men were held.", "Spanish", "ES"),
        ("A Canadian man died in the crash.", "Canadian", "CA"),
    ],
)
def test_a_given_demonym_is_its_country_not_a_small_town_of_that_name(
    text: str, word: str, country: str
) -> None:
    start = text.index(word)
    (m,) = resolve(text, [(start, start + len(word))], "en")
    assert m.place is not None and m.place.precision == "country" and m.place.country == country
    # A town whose name merely begins like a demonym keeps its own reading.
    (town,) = resolve("He lives in Germantown.", [(12, 22)], "en")
    assert town.place is not None and town.place.precision == "city"


@pytest.mark.parametrize(
    ("text", "lang", "city"),
    [
        ("CHICAGO — Two men were wounded in a shooting on Sunday night. The suspect fled.", "en", "Chicago"),
        (
            "Leipzig (dpa) - Bei einer Schießerei wurden zwei Männer verletzt. Der Täter floh.",
            "de",
            "Leipzig",
        ),
        (
            "Sevilla (EFE) - Dos hombres resultaron heridos de bala el domingo. El tirador huyó.",
            "es",
            "Sevilla",
        ),
    ],
)
def test_an_event_without_a_place_in_its_sentence_lies_in_the_datelines_town(text, lang, city) -> None:
    got = _event_places(text, lang)
    assert got and all(g[1:] == (city, "city") for g in got), got
