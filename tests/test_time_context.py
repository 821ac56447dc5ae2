"""Dates read in context: weekdays and "yesterday" count from the publication date in the right
direction, announced events lie ahead, and house numbers, phone numbers, counts and prices are
never years. Texts are our own, in several languages."""

from __future__ import annotations

import pytest

from lagebild.time import find_timexes

FRIDAY = "2023-03-24"  # the publication date of every text below


def _values(text: str, lang: str, dct: str = FRIDAY) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, lang, dct)}


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("en", "Police clashed with protesters in Paris and Bordeaux on Thursday.", "Thursday"),
        ("fr", "Des heurts ont éclaté jeudi soir à Paris et à Bordeaux.", "jeudi"),
        ("de", "Am Donnerstag kam es in Paris und Bordeaux zu Zusammenstößen.", "Donnerstag"),
        ("es", "El jueves hubo enfrentamientos en París y Burdeos.", "jueves"),
        ("ru", "В четверг в Париже произошли столкновения.", "четверг"),
    ],
)
def test_a_past_weekday_is_the_day_before_not_the_publication_day(lang: str, text: str, word: str) -> None:
    got = next(t for t in find_timexes(text, lang, FRIDAY) if t.text.lower().startswith(word.lower()))
    assert got.value.startswith("2023-03-23")


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("en", "Unions announced a strike on Tuesday against the pension reform.", "Tuesday"),
        ("en", "Organisers called a march on Tuesday in the capital.", "Tuesday"),
        ("fr", "Les syndicats ont appelé à une nouvelle journée de grève mardi.", "mardi"),
        ("de", "Die Gewerkschaft kündigte einen Streik am Dienstag an.", "Dienstag"),
        ("es", "Los sindicatos convocaron una huelga para el martes.", "martes"),
        ("it", "I sindacati hanno proclamato uno sciopero martedì.", "martedì"),
        ("ru", "Профсоюзы объявили забастовку во вторник.", "вторник"),
    ],
)
def test_an_announced_event_takes_the_coming_weekday(lang: str, text: str, word: str) -> None:
    assert _values(text, lang)[word] == "2023-03-28"


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("en", "The union announced on Tuesday that talks had failed.", "Tuesday"),
        ("fr", "Le gouvernement a annoncé mardi la fin des négociations.", "mardi"),
        ("de", "Die Gewerkschaft kündigte am Dienstag einen Streik an.", "Dienstag"),
        ("en", "Officers were called to the scene on Tuesday after a protest.", "Tuesday"),
    ],
)
def test_the_day_of_an_announcement_is_past(lang: str, text: str, word: str) -> None:
    assert _values(text, lang)[word] == "2023-03-21"


@pytest.mark.parametrize(
    ("lang", "text", "word", "value"),
    [
        ("en", "He said yesterday that the attack happened last night.", "yesterday", "2023-03-23"),
        ("en", "He said yesterday that the attack happened last night.", "last night", "2023-03-23TNI"),
        ("de", "Gestern Abend wurden drei Menschen verletzt.", "Gestern Abend", "2023-03-23TEV"),
        ("fr", "Hier, trois personnes ont été blessées.", "Hier", "2023-03-23"),
    ],
)
def test_yesterday_and_last_night_count_back(lang: str, text: str, word: str, value: str) -> None:
    assert _values(text, lang)[word] == value


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The shooting happened at 1199 N. Poplar St. around 10 p.m."),
        ("en", "Officers were called to 1205 Lone Oak Road last night."),
        ("en", "A car was stolen in the 1300 block of Elm Avenue."),
        ("de", "Die Polizei wurde in die Hauptstraße 1201 gerufen."),
        ("de", "Der Brand brach in der Karl-Marx-Allee 1400 aus."),
        ("fr", "Un incendie s'est déclaré au 1200 rue Saint-Denis."),
        ("es", "La explosión ocurrió en la calle Mayor 1205 de Madrid."),
        ("it", "Un incendio in via Roma 1500 ha causato danni."),
    ],
)
def test_house_numbers_are_not_years(lang: str, text: str) -> None:
    assert not [
        t
        for t in find_timexes(text, lang, FRIDAY)
        if t.type == "DATE" and t.value[:2] in ("11", "12", "13", "14", "15")
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Call 555-1999 or 1-800-273-8255 for help."),
        ("en", "Some 1500 people attended and tickets cost $1,995."),
        ("de", "1500 Menschen demonstrierten, der Eintritt kostete 1200 Euro."),
        ("fr", "Quelque 1500 personnes ont manifesté."),
    ],
)
def test_phone_numbers_counts_and_prices_are_not_years(lang: str, text: str) -> None:
    assert [t.text for t in find_timexes(text, lang, FRIDAY) if t.type == "DATE"] == []


def test_a_real_year_after_an_address_is_still_a_year() -> None:
    got = _values("The house at 1850 Main Street was built in 1905.", "en")
    assert got == {"1905": "1905"}


def test_a_dated_post_anchors_its_own_yesterday() -> None:
    text = (
        "The minister answered on social media.\n\n"
        "We were attacked yesterday and we will respond.\n"
        "— Jane Doe (@janedoe) March 20, 2023\n\n"
        "Yesterday, police said the situation was calm."
    )
    found = find_timexes(text, "en", FRIDAY)
    post, article = [t for t in found if t.text.lower() == "yesterday"]
    assert post.value == "2023-03-19"  # the day before the post
    assert article.value == "2023-03-23"  # the day before publication


JANUARY = "1998-01-08"


@pytest.mark.parametrize(
    ("lang", "text", "word", "value"),
    [
        ("en", "Fourth-quarter profit rose 5%.", "Fourth-quarter", "1997-Q4"),
        ("de", "Im vierten Quartal sank der Umsatz.", "vierten Quartal", "1997-Q4"),
        ("fr", "Au quatrième trimestre, les ventes ont baissé.", "quatrième trimestre", "1997-Q4"),
        ("en", "In the fourth quarter, profit will rise.", "the fourth quarter", "1998-Q4"),
        ("de", "Im vierten Quartal wird der Umsatz steigen.", "vierten Quartal", "1998-Q4"),
        ("en", "In the first quarter sales fell.", "the first quarter", "1998-Q1"),
    ],
)
def test_a_quarter_without_a_year_is_the_latest_one_unless_the_sentence_looks_ahead(
    lang: str, text: str, word: str, value: str
) -> None:
    assert _values(text, lang, JANUARY)[word] == value


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Profit in the 1997 fourth quarter rose.", "the 1997 fourth quarter"),
        ("Its 1997 fourth-quarter results were weak.", "1997 fourth-quarter"),
    ],
)
def test_a_year_before_the_quarter_belongs_to_it(text: str, word: str) -> None:
    assert _values(text, "en", JANUARY) == {word: "1997-Q4"}


@pytest.mark.parametrize(
    ("lang", "text", "word", "value"),
    [
        ("en", "Profit rose 5% in the third quarter from a year earlier.", "a year earlier", "1996-Q3"),
        (
            "de",
            "Der Umsatz stieg im dritten Quartal gegenüber einem Jahr zuvor.",
            "einem Jahr zuvor",
            "1996-Q3",
        ),
        ("en", "Profit rose in 1995 from a year earlier.", "a year earlier", "1994"),
        (
            "en",
            "The talks began on March 3, 1997. Two days earlier, rebels had attacked.",
            "Two days earlier",
            "1997-03-01",
        ),
    ],
)
def test_earlier_counts_from_the_period_the_text_is_at(lang: str, text: str, word: str, value: str) -> None:
    assert _values(text, lang, JANUARY)[word] == value
