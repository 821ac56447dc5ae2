"""Document-level relevance: non-political articles give no events, in every language; news
about events keeps them."""

from pathlib import Path

import pytest

from lagebild.events.relevance import judge
from lagebild.lang import LANGUAGES, load
from lagebild.model import Document
from lagebild.pipeline import extract, extract_mentions

FIXTURES = Path(__file__).parent / "fixtures" / "non_events"
NON_EVENTS = sorted(FIXTURES.glob("*.txt"))


def test_every_language_has_topic_cues_and_a_non_event_article():
    langs = {p.name.split("-")[0] for p in NON_EVENTS}
    for code in LANGUAGES:
        mod = load(code, "topics")
        assert mod is not None, code
        assert set(mod.OFF_TOPIC) >= {"sports", "business", "weather", "culture", "science", "lifestyle"}
        assert mod.EVENT_NEWS, code
        assert code in langs, code


@pytest.mark.parametrize("path", NON_EVENTS, ids=lambda p: p.name)
def test_non_political_article_gives_no_event(path):
    doc = Document.create(
        path.read_text(encoding="utf-8"), lang=path.name.split("-")[0], published="2024-03-02"
    )
    assert extract_mentions(doc) == []
    # The judgement is kept on the document, with its score.
    assert doc.relevance is not None and doc.relevance < 0.2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Police fired tear gas at protesters outside parliament in Nairobi on Tuesday.\n"
            "At least three demonstrators were injured, the Kenya Red Cross said.",
        ),
        (
            "de",
            "Soldaten der Armee haben am Montag ein Dorf in Mali angegriffen. Mindestens zwölf Zivilisten wurden getötet.",
        ),
        ("fr", "Des manifestants ont affronté la police à Dakar après l'arrestation d'un opposant."),
        ("ru", "Полиция задержала десятки протестующих в центре Москвы в субботу."),
        ("ar", "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب يوم الثلاثاء."),
    ],
)
def test_news_about_events_keeps_its_events(lang, text):
    doc = Document.create(text, lang=lang, published="2024-03-02")
    assert extract(doc)
    assert doc.relevance is not None and doc.relevance >= 0.5


def test_violence_at_a_football_match_is_news():
    text = (
        "Fans clash with police after cup final in Buenos Aires\n"
        "Police fired rubber bullets at football fans outside the stadium after the final on Sunday, "
        "and 40 people were arrested, the city's security ministry said."
    )
    doc = Document.create(text, lang="en", published="2024-03-02")
    assert not judge(text, "en").off_topic
    assert extract(doc)


def test_headline_weighs_more_than_the_body():
    body = "The club said the season had been hard. The coach thanked the fans.\n"
    sport = judge("Derby ends in a draw\n" + body, "en")
    news = judge("Government resigns after protests\n" + body, "en")
    assert news.score > sport.score


LOCAL_CRIME = {
    "en": (
        "Deputies responded to a reported shooting in the 200 block of Elm Street shortly after midnight "
        "on Wednesday. A 34-year-old man was found with a gunshot wound and was taken to a hospital, where "
        "he died. The suspect fled on foot before deputies arrived. "
    ),
    "de": (
        "In der Nacht zum Mittwoch sind in der Bahnhofstraße Schüsse gefallen. Ein 34 Jahre alter Mann wurde "
        "erschossen, der Täter flüchtete zu Fuß. Die Ermittler sprechen von einem Tötungsdelikt. "
    ),
    "es": (
        "Un hombre de 34 años murió la madrugada del miércoles en un tiroteo en la calle Mayor. El sospechoso "
        "huyó a pie antes de que llegaran los agentes, según vecinos que oyeron los disparos. "
    ),
}


@pytest.mark.parametrize("lang", sorted(LOCAL_CRIME))
def test_a_local_crime_report_is_news_about_events(lang):
    # Local crime news names no minister or army, yet it is what event databases count; long
    # enough (1,000+ characters) for the article-level judgement to apply.
    text = LOCAL_CRIME[lang] * 5
    assert judge(text, lang).score > 0.5
    assert any(e.type == "ASSAULT" for e in extract(Document.create(text, lang=lang, published="2024-03-06")))
