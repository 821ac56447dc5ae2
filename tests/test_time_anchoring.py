"""What relative expressions count from: the DCT, a dated quote or post, or the narrative's last date."""

from __future__ import annotations

from lagebild.time import find_timexes

DCT = "2022-01-14"


def by_text(text: str, lang: str, dct: str | None = DCT) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, lang, dct)}


def test_quote_dated_by_apposition() -> None:
    # The speaker's "today" is named in the quote; "morgen" in the same quote is the day after
    # it, while "gestern" outside the quote counts from the publication date.
    text = (
        "Der Sprecher erklärte: „Wir haben schon heute, am 11. Januar dieses Jahres, die Lager geräumt. "
        "Morgen folgen die Depots.“ Gestern bestätigte das Ministerium die Räumung."
    )
    got = by_text(text, "de")
    assert got["heute"] == "2022-01-11"
    assert got["11. Januar dieses Jahres"] == "2022-01-11"
    assert got["Morgen"] == "2022-01-12"
    assert got["Gestern"] == "2022-01-13"


def test_embedded_post_dated_by_its_signature() -> None:
    text = (
        "Der Grenzschutz meldete sich auf Twitter.\n"
        "Morgen werden an der Grenze zusätzliche Kontrollen eingerichtet. pic.twitter.com/xyz\n"
        "— Grenzschutz (@grenze_beispiel) 10. Januar 2022\n"
        "Morgen will die Regierung darüber beraten."
    )
    found = find_timexes(text, "de", DCT)
    tomorrows = [t.value for t in found if t.text == "Morgen"]
    # Inside the post: the day after 10 January; after it: the day after the DCT.
    assert tomorrows == ["2022-01-11", "2022-01-15"]


def test_signature_in_english() -> None:
    text = (
        "Shelling resumed today near the airport.\n— Reporter Name (@reporter) March 3, 2022\nToday is calm."
    )
    got = [t.value for t in find_timexes(text, "en", "2022-03-05") if t.text.lower() == "today"]
    assert got == ["2022-03-03", "2022-03-05"]


def test_narrative_counts_from_the_last_date_given() -> None:
    text = (
        "Am 3. März 1943 begann die Offensive. Am folgenden Tag fiel die Stadt. "
        "Im Mai zogen sich die Truppen zurück, am 5. Juni kehrten sie zurück. Zwei Tage später endete es."
    )
    got = by_text(text, "de", None)
    assert got["folgenden Tag"] == "1943-03-04"  # the extent leaves out the preposition
    assert got["Mai"] == "1943-05"
    assert got["5. Juni"] == "1943-06-05"
    assert got["Zwei Tage später"] == "1943-06-07"


def test_history_with_a_crawl_date_is_read_as_narrative() -> None:
    # A DCT decades after the text's own dates (a crawl time) must not date "im März".
    text = (
        "Im Jahr 1916 griffen die Truppen an. 1917 folgte eine Pause, 1918 der Rückzug. "
        "Am 11. November 1918 endete der Krieg. Im März 1919 wurde verhandelt, im Juni unterschrieben."
    )
    got = by_text(text, "de", "2011-02-16")
    assert got["Juni"] == "1919-06"


def test_english_next_day_counts_from_the_text() -> None:
    got = by_text("On 5 May 2021 the ceasefire began. The next day it broke down.", "en", DCT)
    assert got["The next day"] == "2021-05-06"


def test_anchor_is_reported() -> None:
    t = find_timexes("Yesterday troops moved.", "en", DCT)[0]
    assert t.anchored_on == DCT


def test_post_of_several_paragraphs_with_blank_lines() -> None:
    text = (
        "Ein langer Absatz des Artikels, der die Lage an der Grenze beschreibt und dabei weit mehr Zeichen "
        "umfasst, als ein einzelner Beitrag in einem sozialen Netzwerk je haben dürfte. Er erwähnt Truppen, "
        "Kontrollen, Straßen und Brücken, und er schließt mit einem Hinweis auf die Regierung, die sich "
        "heute äußern will.\n\n"
        "Erste Einheiten haben die Brücke geräumt https://t.co/abc\n\n"
        "Die übrigen folgen morgen pic.twitter.com/def\n\n"
        "– Lagekarte (@lagekarte_bsp) 12. Januar 2022\n\n"
        "Morgen soll die Brücke wieder offen sein."
    )
    found = {(t.text, t.value) for t in find_timexes(text, "de", DCT)}
    assert ("heute", "2022-01-14") in found  # the article's own paragraph
    assert ("morgen", "2022-01-13") in found  # inside the post of 12 January
    assert ("Morgen", "2022-01-15") in found  # after it: from the DCT


def test_a_look_back_leaves_the_narrative_where_it_was() -> None:
    # "im Vorjahr", "two years earlier", "la veille" glance back; the next date without a year
    # is still in the year the text is at, not in the year looked back to.
    de = by_text(
        "1864\n\nDie Union hatte bereits im Vorjahr versucht, Texas zu besetzen. Im März griff sie erneut an.",
        "de",
        None,
    )
    assert de["Vorjahr"] == "1863"
    assert de["März"] == "1864-03"
    en = by_text(
        "On 4 June 1917 the offensive began. Two years earlier the same army had failed. "
        "On 9 July it reached the river.",
        "en",
        None,
    )
    assert en["Two years earlier"] == "1915"
    assert en["9 July"] == "1917-07-09"
    fr = by_text(
        "Le 3 mai 1871 la ville tomba. La veille, les troupes avaient fui. Le 7 mai elles revinrent.",
        "fr",
        None,
    )
    assert fr["La veille"] == "1871-05-02"
    assert fr["7 mai"] == "1871-05-07"
    # Looking forward does move it: "two days later" after "the next day" counts from that day.
    fwd = by_text(
        "On 4 June 1917 the offensive began. The next day it stalled. Two days later it resumed.", "en", None
    )
    assert fwd["Two days later"] == "1917-06-07"


def test_a_year_said_in_passing_leaves_the_narrative_where_it_was() -> None:
    # "bis 1915", "ab 1941", "von 1856", "1870/71": the end or start of a stretch, part of a name.
    de = by_text(
        "Am 5. August 1914 begann der Vormarsch. Bis 1915 wurden 40 Divisionen aufgestellt, nach Plänen "
        "ab 1912 und gemäß der Deklaration von Paris von 1856, wie im Krieg 1870/71. Am 10. August fiel die Festung.",
        "de",
        None,
    )
    assert de["10. August"] == "1914-08-10"
    en = by_text(
        "On 5 June 1944 the fleet sailed, on plans drawn up from 1941 and kept until 1943. On 6 June it landed.",
        "en",
        None,
    )
    assert en["6 June"] == "1944-06-06"
    # A year the text comes to does move it.
    moved = by_text(
        "Am 5. August 1914 begann der Vormarsch. Im Jahr 1915 folgte der Stellungskrieg. Am 10. August fiel Warschau.",
        "de",
        None,
    )
    assert moved["10. August"] == "1915-08-10"


def test_news_that_looks_back_on_history_still_speaks_from_its_day() -> None:
    # Many old years, but "today", "next month", "a decade ago": news, not a history.
    text = (
        "The alliance was founded in 1949. Greece joined in 1952, West Germany in 1955, Spain in 1982. "
        "France left its command in 1966. Today the ministers met in Brussels. A decade ago the "
        "alliance had fewer members; next month three more join, at a summit in April."
    )
    got = by_text(text, "en", "1999-03-12")
    assert got["Today"] == "1999-03-12"
    assert got["next month"] == "1999-04"
    assert got["April"] == "1999-04"
    assert got["A decade ago"] == "198"
