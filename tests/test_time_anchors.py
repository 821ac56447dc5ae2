"""The tagger runs only the rules whose words stand in a text: the result must be the same as
running every rule, in every language, including clitics and days glued to their month."""

from __future__ import annotations

import pytest

import lagebild.time.tagger as tagger
from lagebild.time import find_timexes
from lagebild.time.lexicon import lexicon

TEXTS = [
    (
        "en",
        "On Tuesday, two days after the 13th of January 2022, the same day police said at 10:30 "
        "that protests in the 1990s and the 21st century had lasted for weeks; every week since.",
    ),
    ("en", "Quarterly results for the fourth quarter of 1997 came out the following day."),
    (
        "de",
        "Am 13.Januar 2022, drei Tage später, hieß es am folgenden Tag, vor zwei Wochen sei "
        "es im 20. Jahrhundert ruhig gewesen; heute Morgen um 9 Uhr, in den 1990er Jahren.",
    ),
    ("fr", "Le mardi 5 mars, deux jours plus tard, la veille, à 14 h 30 et les années 1980."),
    ("es", "El 13 de enero de 2022, hace dos semanas, el lunes pasado y en el siglo XX."),
    ("ru", "13 января 2022 года, три дня назад, вчера вечером и в прошлом месяце."),
    ("uk", "Учора ввечері, 5 березня, через два тижні після обстрілу."),
    ("ar", "وأمس قال المتحدث إن الهجوم وقع يوم الثلاثاء 5 مارس، وبعد يومين من ذلك."),
    ("fa", "دیروز و هفته گذشته در ۱۴ فروردین ۱۴۰۱ اعتراض شد."),
    ("en", "No dates at all in this sentence, only words."),
]


@pytest.mark.parametrize(("lang", "text"), TEXTS)
def test_skipping_rules_without_their_words_changes_nothing(monkeypatch, lang: str, text: str) -> None:
    dct = "2022-01-20"
    fast = find_timexes(text, lang, dct)
    every = frozenset(c for r in lexicon(lang).rules for c in r.needs)
    monkeypatch.setattr(tagger, "classes_in", lambda text, lex: every)
    assert find_timexes(text, lang, dct) == fast
    assert fast or "No dates" in text


def test_a_text_without_month_or_weekday_words_skips_their_rules() -> None:
    lex = lexicon("en")
    got = tagger.classes_in("police said 300 people marched", lex)
    assert "digit" in got and "month" not in got and "weekday" not in got
    assert "month" in tagger.classes_in("on 13january", lex)  # a day glued to its month
    assert "deictic" in tagger.classes_in("وأمس قال", lexicon("ar"))  # behind a clitic


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "The vote is set for next March.", "1999-03"),
        ("en", "Prices fell sharply last March.", "1998-03"),
        ("en", "Prices fell sharply last August.", "1997-08"),
        ("de", "Im vergangenen Juli wurde gewählt.", "1997-07"),
        ("de", "Im kommenden März wird gewählt.", "1999-03"),
        ("fr", "Ce septembre, il partira.", "1998-09"),
        ("fr", "La grève a commencé en mars dernier.", "1998-03"),
        ("es", "La huelga empezó en marzo pasado.", "1998-03"),
    ],
)
def test_a_month_with_last_next_or_this_counts_from_the_publication_date(lang, text, value) -> None:
    (t,) = find_timexes(text, lang, "1998-06-26")
    assert t.value == value


@pytest.mark.parametrize(
    ("lang", "text", "dct", "value"),
    [
        ("de", "Am 1.9.39 überschritten deutsche Truppen die Grenze.", "2011-02-16", "1939-09-01"),
        ("de", "Die Wahl am 3.4.22 verlief ruhig.", "2022-05-01", "2022-04-03"),
        ("fr", "Le 3/4/98, la grève a commencé.", "2022-05-01", "1998-04-03"),
    ],
)
def test_a_two_digit_year_is_never_far_in_the_future(lang, text, dct, value) -> None:
    (t,) = find_timexes(text, lang, dct)
    assert t.value == value


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "It is the fifth killing since 2013 in the state, police said on Monday."),
        ("de", "Seit März 2021 sitzt er in Haft, teilte die Polizei am Montag mit."),
        ("fr", "Depuis 2014, la guerre a fait des milliers de morts, a dit lundi le ministre."),
        ("es", "Desde 2013 han muerto cinco agentes, dijo el lunes la policía."),
    ],
)
def test_the_start_of_a_period_dates_no_event(lang: str, text: str) -> None:
    from lagebild.time import event_date

    timexes = find_timexes(text, lang, "2015-06-22")
    assert any(t.opens_period for t in timexes)
    assert event_date(timexes, 0, len(text), "2015-06-22") == ("2015-06-22", "day")


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "Since the decision was announced Wednesday, the family said it will appeal.", "2000-01-05"),
        ("de", "Die Entscheidung fiel am Mittwoch, die Familie wird Berufung einlegen.", "2000-01-05"),
        ("en", "The court will rule on Wednesday.", "2000-01-12"),
    ],
)
def test_a_weekday_looks_ahead_only_with_a_future_word_in_its_own_clause(lang, text, value) -> None:
    (t,) = find_timexes(text, lang, "2000-01-07")  # a Friday
    assert t.value == value
