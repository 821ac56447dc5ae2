"""Publication date and event date: what the event pipeline asks of lagebild.time."""

from __future__ import annotations

from lagebild.time import Timex, event_date, find_timexes, publication_date

DCT = "2022-01-14"


def test_publication_date_from_metadata_formats() -> None:
    assert publication_date("", "en", "2022-01-13T08:30:00+01:00") == "2022-01-13"
    assert publication_date("", "en", "Thu, 13 Jan 2022 10:00:00 GMT") == "2022-01-13"
    assert publication_date("", "de", "13. Januar 2022") == "2022-01-13"


def test_publication_date_from_text() -> None:
    text = "Kiew, 13.01.2022 – Die Lage ist ruhig.\nIm Jahr 2014 begann der Konflikt am 12. April 2014."
    assert publication_date(text, "de") == "2022-01-13"
    cued = "Opposition protests grow.\nMany gathered on 2 March 2020 in the square.\nPublished: 5 March 2020"
    assert publication_date(cued, "en") == "2020-03-05"


def test_publication_date_absent() -> None:
    assert publication_date("Yesterday troops moved.", "en") is None
    assert publication_date("no date here", "en", "not a date") is None


def test_event_date_from_the_sentence() -> None:
    text = "Troops crossed the border on Tuesday, January 11. The ministry spoke later."
    tx = find_timexes(text, "en", DCT)
    first = text.index(".") + 1
    assert event_date(tx, 0, first, DCT) == ("2022-01-11", "day")


def test_event_date_from_a_preceding_date_in_the_paragraph() -> None:
    text = "On 5 January 2022 protests began in Almaty. Police arrested dozens.\nOfficials said nothing."
    tx = find_timexes(text, "en", DCT)
    s = text.index("Police")
    assert event_date(tx, s, text.index("\n"), DCT, text=text) == ("2022-01-05", "day")
    # The next paragraph does not inherit it: the publication date stands in.
    o = text.index("Officials")
    assert event_date(tx, o, len(text), DCT, text=text) == (DCT, "day")


def test_event_date_at_coarse_precision_is_the_first_day() -> None:
    text = "Fighting continued last week."
    tx = find_timexes(text, "en", DCT)
    assert event_date(tx, 0, len(text), DCT) == ("2022-01-03", "week")
    tx = find_timexes("In March 2021 the talks failed.", "en", DCT)
    assert event_date(tx, 0, 31, DCT) == ("2021-03-01", "month")


def test_event_date_ignores_durations_refs_and_future_dates() -> None:
    text = "The siege, which lasted three months, ended now; elections follow on 20 February 2022."
    tx = find_timexes(text, "en", DCT)
    assert {t.type for t in tx} >= {"DURATION"}
    assert event_date(tx, 0, len(text), DCT) == (DCT, "day")
    assert event_date(tx, 0, len(text), DCT, future_ok=True) == ("2022-02-20", "day")


def test_event_date_without_anything() -> None:
    assert event_date([], 0, 10, None) == (None, None)
    t = Timex(0, 4, "2021", "DATE", "2021", precision="year")
    assert event_date([t], 0, 10, None) == ("2021-01-01", "year")
