"""Temporal tagging: detection and TIMEX3 values in every language, with a fixed publication date.

The DCT is Friday 14 January 2022 (ISO week 2) throughout, so every expected value below can
be checked with a calendar.
"""

from __future__ import annotations

import pytest

from lagebild.lang import LANGUAGES
from lagebild.time import Timex, find_timexes

DCT = "2022-01-14"


def values(text: str, lang: str, dct: str | None = DCT) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, lang, dct)}


def one(text: str, lang: str, dct: str | None = DCT) -> Timex:
    found = find_timexes(text, lang, dct)
    assert len(found) == 1, found
    return found[0]


# (language, text, expected {extent: value}); absolute and relative expressions per language.
CASES = [
    ("en", "It happened on January 13, 2022.", {"January 13, 2022": "2022-01-13"}),
    ("en", "Troops arrived yesterday and will leave tomorrow.", {"yesterday": "2022-01-13", "tomorrow": "2022-01-15"}),
    ("en", "Two days ago the talks failed.", {"Two days ago": "2022-01-12"}),
    ("en", "Prices rose last week and last year.", {"last week": "2022-W01", "last year": "2021"}),
    ("en", "This year looks calmer.", {"This year": "2022"}),
    ("en", "The strike lasted three years.", {"three years": "P3Y"}),
    ("en", "Fighting broke out in 2021.", {"2021": "2021"}),
    ("de", "Es geschah am 13. Januar 2022 in Kiew.", {"13. Januar 2022": "2022-01-13"}),
    ("de", "Heute, gestern und morgen.", {"Heute": "2022-01-14", "gestern": "2022-01-13", "morgen": "2022-01-15"}),
    ("de", "Vor drei Tagen begann der Streik.", {"Vor drei Tagen": "2022-01-11"}),
    ("de", "Die Übung dauerte zehn Tage.", {"zehn Tage": "P10D"}),
    ("de", "Letzte Woche und im vergangenen Jahr.", {"Letzte Woche": "2022-W01", "vergangenen Jahr": "2021"}),
    ("de", "Am 24.02.2022 marschierten Truppen ein.", {"24.02.2022": "2022-02-24"}),
    ("ru", "Это произошло 13 января 2022 г.", {"13 января 2022 г.": "2022-01-13"}),
    ("ru", "Вчера и сегодня, а завтра снова.", {"Вчера": "2022-01-13", "сегодня": "2022-01-14", "завтра": "2022-01-15"}),
    ("ru", "Три дня назад на прошлой неделе", {"Три дня назад": "2022-01-11", "прошлой неделе": "2022-W01"}),
    ("uk", "Це сталося 13 січня 2022 року, а вчора знову.", {"13 січня 2022 року": "2022-01-13", "вчора": "2022-01-13"}),
    ("uk", "Два дні тому", {"Два дні тому": "2022-01-12"}),
    ("fr", "Le 13 janvier, les troupes sont arrivées.", {"13 janvier": "2022-01-13"}),
    ("fr", "La semaine dernière et il y a deux jours.", {"semaine dernière": "2022-W01", "il y a deux jours": "2022-01-12"}),
    ("fr", "Hier et demain", {"Hier": "2022-01-13", "demain": "2022-01-15"}),
    ("es", "El 13 de enero de 2022 hubo protestas.", {"13 de enero de 2022": "2022-01-13"}),
    ("es", "Hace dos días y la semana pasada.", {"Hace dos días": "2022-01-12", "semana pasada": "2022-W01"}),
    ("es", "Ayer llegó; mañana se va.", {"Ayer": "2022-01-13", "mañana": "2022-01-15"}),
    ("ar", "وقع الهجوم في 13 يناير 2022.", {"13 يناير 2022": "2022-01-13"}),
    ("ar", "أمس والأسبوع الماضي", {"أمس": "2022-01-13", "الأسبوع الماضي": "2022-W01"}),
    ("ar", "منذ ثلاثة أيام", {"منذ ثلاثة أيام": "2022-01-11"}),
    ("ar", "في ١٣ يناير ٢٠٢٢", {"١٣ يناير ٢٠٢٢": "2022-01-13"}),
    ("tr", "13 Ocak 2022 tarihinde, dün ve üç gün önce.", {"13 Ocak 2022": "2022-01-13", "dün": "2022-01-13", "üç gün önce": "2022-01-11"}),
    ("pt", "Em 13 de janeiro de 2022 e ontem.", {"13 de janeiro de 2022": "2022-01-13", "ontem": "2022-01-13"}),
    ("it", "Il 13 gennaio 2022 e tre giorni fa.", {"13 gennaio 2022": "2022-01-13", "tre giorni fa": "2022-01-11"}),
    ("pl", "13 stycznia 2022 r. i wczoraj.", {"13 stycznia 2022 r.": "2022-01-13", "wczoraj": "2022-01-13"}),
    ("fa", "امروز و دیروز", {"امروز": "2022-01-14", "دیروز": "2022-01-13"}),
    # 23 Dey 1400 of the solar Hijri calendar is 13 January 2022.
    ("fa", "در ۲۳ دی ۱۴۰۰", {"۲۳ دی ۱۴۰۰": "2022-01-13"}),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_expressions_and_values(lang: str, text: str, expected: dict[str, str]) -> None:
    assert values(text, lang) == expected


def test_every_language_has_date_words() -> None:
    for lang in LANGUAGES:
        assert find_timexes("2022-01-13", lang, DCT)[0].value == "2022-01-13"


def test_offsets_index_the_text() -> None:
    text = "Gestern, am 13. Januar, und heute."
    for t in find_timexes(text, "de", DCT):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The attack came on Tuesday.", "2022-01-11"),  # news: the past Tuesday
        ("The talks will resume on Tuesday.", "2022-01-18"),  # future tense: the coming one
        ("They met on Friday.", "2022-01-14"),  # the DCT's own weekday: that day
        ("Last Friday they met.", "2022-01-07"),
        ("Next Monday they meet.", "2022-01-17"),
    ],
)
def test_weekdays_en(text: str, value: str) -> None:
    weekday = [t for t in find_timexes(text, "en", DCT) if t.precision == "day"]
    assert weekday[0].value == value


def test_weekdays_de() -> None:
    assert one("Am Montag wurde gestreikt.", "de").value == "2022-01-10"
    assert one("Am Montag wird gestreikt werden.", "de").value == "2022-01-17"


def test_german_articles_and_prepositions_are_not_dates() -> None:
    text = "Die Truppen kamen mit Panzern, die neu waren, und mit Soldaten, die müde waren."
    assert find_timexes(text, "de", DCT) == []


def test_morning_noun_is_not_tomorrow() -> None:
    assert find_timexes("Am Morgen fielen Schüsse.", "de", DCT) == []
    assert one("Am Morgen fielen Schüsse, morgen wird verhandelt.", "de").value == "2022-01-15"


def test_may_the_verb_is_not_a_month() -> None:
    # News, past tense: the last May before the DCT.
    assert values("Protests may spread, as they did in May.", "en") == {"May": "2021-05"}


def test_months_and_years() -> None:
    assert one("Im Januar wurde gewählt.", "de").value == "2022-01"
    assert one("Im Jahr 1941 begann der Angriff.", "de").value == "1941"
    # "dieses Jahres" is the DCT's year
    assert one("Der 13. Januar dieses Jahres", "de").value == "2022-01-13"
    assert one("in December", "en").value == "2021-12"  # news, past: the last December


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "for three years", "P3Y"),
        ("en", "for ten days", "P10D"),
        ("en", "for two weeks", "P2W"),
        ("en", "for six months", "P6M"),
        ("de", "zehn Tage", "P10D"),
        ("de", "drei Jahre", "P3Y"),
        ("ru", "в течение трех лет", "P3Y"),
        ("fr", "pendant deux semaines", "P2W"),
        ("ar", "لمدة يومين", "P2D"),
        ("en", "for 24 hours", "PT24H"),
        # An article before the number counts nothing (it was added to it: P6Y, P3Y).
        ("en", "He signed a five year contract.", "P5Y"),
        ("de", "Nach einer zwei Jahre dauernden Pause.", "P2Y"),
        ("en", "for a hundred days", "P100D"),
    ],
)
def test_durations(lang: str, text: str, value: str) -> None:
    t = [t for t in find_timexes(text, lang, DCT) if t.type == "DURATION"]
    assert [x.value for x in t] == [value]
    assert t[0].precision is None


@pytest.mark.parametrize(
    ("lang", "text", "extent", "value"),
    [
        ("en", "Talks will go on in the coming weeks.", "coming weeks", "PXW"),
        ("en", "Prices fell in the past years.", "the past years", "PXY"),
        ("de", "In den folgenden Tagen blieb es ruhig.", "folgenden Tagen", "PXD"),
        ("de", "In den nächsten Monaten wird gebaut.", "nächsten Monaten", "PXM"),
        ("ru", "В ближайшие месяцы цены вырастут.", "ближайшие месяцы", "PXM"),
        ("uk", "У наступні роки ціни зростали.", "наступні роки", "PXY"),
    ],
)
def test_next_or_last_units_in_the_plural_are_a_stretch(
    lang: str, text: str, extent: str, value: str
) -> None:
    # Not the next month or day: an uncounted stretch; the singular stays a date.
    t = one(text, lang)
    assert (t.text, t.type, t.value) == (extent, "DURATION", value)


def test_next_or_last_unit_in_the_singular_stays_a_date() -> None:
    assert values("Talks resume next week.", "en") == {"next week": "2022-W03"}
    assert values("Am folgenden Tag blieb es ruhig.", "de") == {"folgenden Tag": "2022-01-15"}
    assert values("В следующем месяце цены вырастут.", "ru") == {"следующем месяце": "2022-02"}


def test_adjectival_duration_is_not_a_duration() -> None:
    assert find_timexes("a 10-year plan", "en", DCT) == []


def test_times_and_modifiers() -> None:
    t = one("The blast came at 3 pm.", "en")
    assert (t.type, t.value) == ("TIME", "2022-01-14T15:00")
    assert one("um 14.30 Uhr", "de").value == "2022-01-14T14:30"
    early = one("Anfang Januar 2022", "de")
    assert (early.value, early.mod, early.text) == ("2022-01", "START", "Anfang Januar 2022")
    assert one("in the late 1990s", "en").value == "199"


def test_references_and_sets() -> None:
    assert one("Troops are now in the city.", "en").value == "PRESENT_REF"
    t = one("Convoys arrive every week.", "en")
    assert (t.type, t.value) == ("SET", "P1W")


def test_no_dct_leaves_relative_expressions_open() -> None:
    t = one("Yesterday troops moved.", "en", None)
    assert t.value == "PAST_REF"
    assert one("Fighting on 13 January 2022.", "en", None).value == "2022-01-13"


def test_bad_input_gets_a_clear_error() -> None:
    with pytest.raises(TypeError):
        find_timexes(None, "en")  # type: ignore[arg-type]
    # An unknown language falls back to the English words rather than failing.
    assert one("on 13 January 2022", "xx").value == "2022-01-13"


def test_ages_are_not_durations() -> None:
    assert find_timexes("A 45 years old man died.", "en", DCT) == []
    assert find_timexes("Ein Mann im Alter von 45 Jahren starb.", "de", DCT) == []
    assert find_timexes("Мужчина в возрасте 45 лет.", "ru", DCT) == []


def test_words_that_only_look_like_dates() -> None:
    assert find_timexes("Защита окружающей среды и среда обитания.", "ru", DCT) == []
    assert find_timexes("Foi a segunda vez e a terça parte.", "pt", DCT) == []
    assert find_timexes("He will march on, as we may.", "en", DCT) == []


def test_russian_clock_hours_and_recent_years() -> None:
    got = values("в 15 часов, в последние годы", "ru")
    assert got == {"15 часов": "2022-01-14T15:00", "последние годы": "PAST_REF"}


def test_arabic_adjectives_follow_the_noun() -> None:
    # "الماضية" closes the phrase before it; it must not date the year that follows.
    assert values("في السنوات الماضية عام 2005", "ar") == {"عام 2005": "2005"}


def test_year_of_a_yearless_date_in_news() -> None:
    got = values("On March 3, 1990 and again on May 5 it rained. In June it snowed.", "en")
    # The same sentence gave 1990; the next sentence counts from the DCT (the last June).
    assert got == {"March 3, 1990": "1990-03-03", "May 5": "1990-05-05", "June": "2021-06"}


@pytest.mark.parametrize(
    ("lang", "text", "dct", "value"),
    [
        # A few months ahead: the coming one (a date set); further ahead: the last one.
        ("en", "The summit is set for April.", "2022-01-14", "2022-04"),
        ("en", "Prices rose in September.", "2022-01-14", "2021-09"),
        # A sentence in the past takes the last one; one that looks ahead, one up to half a year on.
        ("en", "It was signed in March.", "2022-01-14", "2021-03"),
        ("en", "The dividend will be paid in July.", "2022-01-14", "2022-07"),
        # Across the turn of the year.
        ("de", "Im Januar sollen Wahlen stattfinden.", "2022-11-20", "2023-01"),
        ("de", "Im Februar wurde gewählt.", "2022-11-20", "2022-02"),
        ("fr", "Le sommet aura lieu en janvier.", "2022-11-20", "2023-01"),
        ("fr", "Le traité était signé en février.", "2022-11-20", "2022-02"),
    ],
)
def test_year_of_a_month_without_one_in_news(lang: str, text: str, dct: str, value: str) -> None:
    assert one(text, lang, dct).value == value


def test_an_inferred_year_does_not_carry_through_the_sentence() -> None:
    got = values("The dividend will be payable Jan. 3 to stock of record Nov. 16.", "en", "1999-11-01")
    assert got == {"Jan. 3": "2000-01-03", "Nov. 16": "1999-11-16"}


def test_a_count_of_things_is_not_a_year():
    from lagebild.time import find_timexes

    assert find_timexes("Ein Kontingent von 1960 Soldaten wurde entsandt.", "de", "2020-11-10") == []
    assert find_timexes("контингент численностью 1960 военнослужащих", "ru", "2020-11-10") == []
    assert find_timexes("About 2000 people marched.", "en", "2020-11-10") == []
    assert [t.value for t in find_timexes("the 2019 protests", "en", "2020-11-10")] == ["2019"]


def test_dates_without_a_year_and_no_dct_do_not_crash():
    from lagebild.time import find_timexes

    found = find_timexes("„Der Abzug hat bereits heute, am 5. April, begonnen.“", "de", None)
    assert [t.value for t in found if t.text == "5. April"] == ["XXXX-04-05"]
    assert find_timexes("Troops leave tomorrow.\n— Some One (@someone) April 5", "en", None)


def test_phone_numbers_and_hyphenated_counts_are_not_years():
    from lagebild.time import find_timexes

    assert find_timexes("Call the police at (951) 210-1045.", "en", "2020-01-01") == []
    assert find_timexes("He was shot in the 1100-block of Harding Avenue.", "en", "2020-01-01") == []
    assert [t.value for t in find_timexes("the war of 1991-1995", "en", "2020-01-01")] == ["1991", "1995"]
