"""Killed and injured figures read from sentences we wrote, in several languages, and the GVC-style
casualty metric on hand-computed records."""

from __future__ import annotations

import csv
import io

import pytest

from lagebild.eval.casualties import casualty_scores
from lagebild.events.casualties import casualties, figures
from lagebild.export.acled import write_acled
from lagebild.merge import summarise
from lagebild.model import Document, Event, Evidence
from lagebild.pipeline import extract_mentions, extract_text


@pytest.mark.parametrize(
    ("lang", "sentence", "killed", "injured"),
    [
        ("en", "Three people were killed and five injured in the attack on the market.", 3, 5),
        ("en", "The blast killed at least 21 people and wounded dozens.", 21, None),
        ("en", "Two soldiers and a civilian were killed near the border.", 3, None),
        ("en", "A man was shot dead outside the station on Monday.", 1, None),
        ("en", "John Reed, 25, was killed in 2019.", 1, None),
        ("en", "The boy, 14, died on Sunday.", 1, None),
        ("en", "No one was injured.", None, 0),
        ("en", "Two men were shot, one fatally.", 1, 1),
        ("en", "Dozens were wounded when police fired tear gas.", None, None),
        ("en", "The 1,200 residents of the village fled.", None, None),
        ("de", "Bei dem Anschlag wurden mindestens 21 Menschen getötet und fünf verletzt.", 21, 5),
        ("de", "Es gab drei Tote und zwölf Verletzte.", 3, 12),
        ("de", "Ein Polizist wurde erschossen.", 1, None),
        ("fr", "Au moins trois personnes ont été tuées et deux blessées.", 3, 2),
        ("fr", "L'explosion a fait deux morts et cinq blessés.", 2, 5),
        ("es", "Al menos 21 personas murieron y 14 resultaron heridas.", 21, 14),
        ("es", "Dos soldados y un civil fueron asesinados.", 3, None),
        ("ru", "В результате взрыва погибли три человека, пять ранены.", 3, 5),
        ("ru", "По меньшей мере 21 человек погиб.", 21, None),
        # The victims of a killing noun, or the object of a kill verb.
        ("en", "Two brothers were charged in the shooting deaths of four women.", 4, None),
        ("en", "He is accused of killing Ana Ruiz and her five-year-old son.", 2, None),
        ("en", "Police investigate the killings of Ana Ruiz, Tom Berg and Lea Holm.", 3, None),
        ("en", "Police investigate the death of Ana Ruiz, according to a statement.", 1, None),
        ("en", "Protesters mourned the deaths of demonstrators.", None, None),
        ("en", "The death of democracy was lamented.", None, None),
        ("en", "Prosecutors will seek the death penalty.", None, None),
        ("de", "Die Polizei ermittelt zum Tod von zwei Männern.", 2, None),
        ("fr", "La mort de trois personnes a été confirmée.", 3, None),
        ("es", "La policía investiga la muerte de dos jóvenes.", 2, None),
        # A double homicide, a murder-suicide, one who killed himself.
        ("en", "Detectives are investigating a double homicide.", 2, None),
        ("en", "Police called it a murder-suicide.", 2, None),
        ("en", "A couple and their two children were found in an apparent triple murder-suicide.", 4, None),
        ("en", "He accidentally shot himself and died.", 1, None),
        ("de", "Der Mann tötete sich dann selbst.", 1, None),
        # A name or a singular verb before the death: one dead.
        ("en", "Officials say Tom Berg died after he was hit.", 1, None),
        ("en", "Officers found Berg dead on the street.", 1, None),
        ("en", "Police learned about the boy's death on Monday.", 1, None),
        ("de", "Anna Schmidt starb im Krankenhaus.", 1, None),
        ("es", "El periodista Juan Pérez murió en el hospital.", 1, None),
        ("ru", "Погиб журналист.", 1, None),
        # Proper names inside a count's noun phrase; the count of a place is no count of people.
        ("en", "Two Riverdale High School students were found dead.", 2, None),
        ("en", "The students found in a home were shot to death.", None, None),
        # Not people, not harmed: shots, clock times, negations.
        ("en", "The man pulled his gun and shot two times.", None, None),
        ("en", "He was pronounced dead at 2:19 a.m. on Saturday.", 1, None),
        ("en", "The boy's mother was not injured.", None, None),
        ("es", "Ana Ruiz no resultó herida.", None, None),
        ("en", "The father shot and killed his wife before killing himself.", 2, None),
        ("en", "A 5-year-old boy was shot about 6:15 p.m. Tuesday.", None, 1),
        # One wounded, no number written, who later died is one dead, not also one injured.
        ("en", "The teenager was wounded. He later died in hospital.", 1, 0),
        ("de", "Der Mann wurde verletzt. Er starb später im Krankenhaus.", 1, 0),
        ("es", "El hombre resultó herido y murió en el hospital.", 1, 0),
        ("en", "One person was killed and another injured.", 1, 1),
        ("en", "He was shooting with friends when he was fatally wounded.", 1, None),
        # A toll phrase gives its figure after the verb, in every language with casualty words.
        ("en", "The death toll has now risen to at least 12 people, officials said.", 12, None),
        ("en", "The death toll is unclear.", None, None),
        ("de", "Die Zahl der Toten stieg auf 21.", 21, None),
        ("de", "Die Zahl der Verletzten stieg auf 40.", None, 40),
        ("fr", "Le nombre de morts s'élève à 12.", 12, None),
        ("es", "La cifra de muertos ascendió a 30.", 30, None),
        ("ru", "Число погибших возросло до 30.", 30, None),
        # Plural harm nouns are never one person, nor a verb's "lives".
        ("en", "A friend found the bodies shortly before 3 p.m. in the basement.", None, None),
        ("en", "The girl is cared for by the family with whom she lives.", None, None),
        ("en", "The shooting claimed two lives.", 2, None),
        # One who was shot and died in the same clause is one dead, not one injured.
        ("en", "The teen who shot himself in the chest and died last week was 15.", 1, None),
        ("en", "A man was shot in the head and later died at the hospital.", 1, None),
        # A surname ending in "s", given with the first name before, dies alone later.
        ("en", "Owen Hicks was shot on June 2. Hicks died from a gunshot wound on June 5.", 1, 0),
        ("en", "Americans died in the war.", None, None),
        # One person named beside others, without a number, is one more.
        ("en", "Father and two children found dead inside of home", 3, None),
        ("en", "6-year-old girl and grandfather found dead", 2, None),
        ("en", "Mother, child found dead in southeast Houston home", 2, None),
        ("en", "Police found an 8-year-old boy and 12-year-old girl, both dead.", 2, None),
        ("en", "Paramedics treated the suspect, but he died.", 1, None),
        ("en", "A mother, father, and toddler were found dead.", 3, None),
        ("en", "A 4-year-old girl and mother who were shot and killed were identified.", 2, None),
        ("en", "The boy who died was 14.", 1, None),
        # A headline or caption before, without a full stop, is no victim of the one who shot himself.
        ("en", "A shooting killed a child on Tuesday\n\nPolice said the boy fatally shot himself.", 1, None),
        (
            "en",
            "►Related: teen kills 13-year-old boy ►Related: shooting prompts teen to kill himself",
            1,
            None,
        ),
        # "a fatal shooting", "a County death" after a preposition are one dead, not a place's count.
        ("en", "He was charged in a fatal shooting on Monday.", 1, None),
        ("en", "A person of interest in a Sumter County death is no longer wanted.", 1, None),
        # The one who turned the gun on himself is one more dead than his victims.
        (
            "en",
            "A woman killed her daughter and two grandchildren before turning the gun on herself.",
            4,
            None,
        ),
        ("en", "Officers found the injured girl in the kitchen.", None, None),
        ("en", "The child died as a result of the injuries.", 1, None),
        # Ages, dates, street numbers, clock times and appositions are no victims.
        ("en", "Police investigate the fatal shooting of a 15-year-old girl near 35th and Elm.", 1, None),
        ("en", "The boy was fatally shot about 5 p.m. Thursday.", 1, None),
        ("en", "Tom Berg of the 900 block of West 36th Street was pronounced dead.", 1, None),
        ("en", "He is charged in the shooting death of 15 year-old Tom Berg.", 1, None),
        ("en", "Two men were charged in the May 11 fatal shooting of the girl.", 1, None),
        ("en", "She killed her daughter, Ana Berg, and her father, Tom Berg, 50, on July 18.", 2, None),
        # A doer who shot himself is the victim, not one more dead.
        ("en", "The man may have shot himself. The shooting may have been a suicide.", 1, 0),
        # An age as the subject, a singular shooting death: one dead; a sentence is no death.
        ("en", "Benton 17-year-old killed in officer involved shooting", 1, None),
        ("en", "20-year-old charged in accidental shooting death", 1, None),
        ("en", "He was sentenced to death.", None, None),
        ("en", "Robert Mathis was shot at 921 Vance St. on Saturday.", None, 1),
        ("en", "Four Year Old Girl Shot in Head", None, 1),
        ("de", "Gegen 6:15 Uhr erschossen.", None, None),
        ("de", "Um 6:15 Uhr wurden zwei Männer erschossen.", 2, None),
        ("en", "A 2-year-old boy fatally shot himself with a gun he found.", 1, None),
        ("en", "Sheriff: 13-year-old kills 6-year-old brother, self", 2, None),
        ("en", "He was charged with attempted murder with use of a deadly weapon.", None, None),
        ("en", "For the second time in six months, a 15-year-old has been shot and killed.", 1, None),
    ],
)
def test_figures_of_a_sentence(lang: str, sentence: str, killed: int | None, injured: int | None) -> None:
    assert figures(casualties(sentence, lang)) == (killed, injured)


def test_hit_then_died_is_one_killed_and_the_others_injured() -> None:
    counts = casualties("Three people were shot on Friday. One of them died in hospital.", "en")
    assert figures(counts) == (1, 2)


def test_a_toll_told_in_a_sentence_of_its_own_is_the_shootings() -> None:
    """ "One of them died" names no shooting, yet it is the toll of the one before it: the event
    has 1 killed and 2 injured, in every mention (the store keeps one figure per article)."""
    text = "Three people were shot in Dayton on Friday night. One of them later died in hospital."
    mentions = extract_mentions(Document.create(text, lang="en", published="2024-05-06"))
    shootings = [m for m in mentions if m.type == "ASSAULT"]
    assert shootings and all((m.fatalities, m.injured) == (1, 2) for m in shootings)
    assert (summarise(shootings).fatalities, summarise(shootings).injured) == (1, 2)


def test_a_death_told_by_itself_ends_the_shooting_before_it() -> None:
    """ "where he died on Sunday", "all four died": the victims of the shooting told before, which
    has them as dead, not as injured."""
    for text, killed in (
        (
            "Police said the 15-year-old accidentally shot himself in the head at his home in Dayton on "
            "Friday. He was flown to a hospital in Cincinnati, where he died on Sunday.",
            1,
        ),
        (
            "Four people were found shot in the head in an Akron townhouse on Thursday, police said. "
            "Autopsies on Friday showed that all four died from a single gunshot wound.",
            4,
        ),
    ):
        mentions = extract_mentions(Document.create(text, lang="en", published="2024-05-06"))
        shootings = [m for m in mentions if m.type == "ASSAULT"]
        assert shootings and all(m.fatalities == killed and not m.injured for m in shootings), text


def test_a_toll_over_separate_happenings_is_none_of_theirs() -> None:
    text = (
        "A 19-year-old man was shot in the leg in Dayton on Friday night, police said. "
        "Two people are dead after several separate shootings in the city this weekend."
    )
    mentions = extract_mentions(Document.create(text, lang="en", published="2024-05-06"))
    shootings = [m for m in mentions if m.type == "ASSAULT"]
    assert shootings and all(not m.fatalities for m in shootings)


def _mention(doc: str, start: int, killed: int | None, injured: int | None) -> Event:
    ev = Evidence(document_id=doc, sentence="...", start=start, end=start + 3, lang="en")
    return Event(id=f"{doc}{start}", type="ASSAULT", evidence=[ev], fatalities=killed, injured=injured)


def test_an_article_keeps_its_killed_and_injured_together() -> None:
    """Two tolls one article told (1 dead; 1 shot) are not mixed into 1 dead and 1 injured."""
    merged = summarise([_mention("a", 0, 1, 0), _mention("a", 40, None, 1)])
    assert (merged.fatalities, merged.injured) == (1, 0)


def test_articles_that_disagree_give_a_range() -> None:
    merged = summarise([_mention("a", 0, 2, 1), _mention("b", 0, 3, 1), _mention("c", 0, 3, None)])
    assert (merged.fatalities, merged.injured) == (3, 1)
    assert merged.disagreement.get("fatalities") == [2, 3] and "injured" not in merged.disagreement


def test_the_headline_gives_the_toll_the_text_does_not() -> None:
    text = "Gunmen opened fire at a wedding in Tulsa on Saturday night. Police are searching for them."
    doc = Document.create(text, lang="en", published="2024-05-06", title="Three dead, two wounded in Tulsa")
    shooting = next(m for m in extract_mentions(doc) if m.type == "ASSAULT")
    assert (shooting.fatalities, shooting.injured) == (3, 2)


def test_a_later_shooting_keeps_its_own_toll() -> None:
    text = (
        "Two men were killed in a shooting in Dayton on Friday.\n\n"
        "In a separate attack in Toledo on Sunday, gunmen shot dead four people."
    )
    mentions = extract_mentions(Document.create(text, lang="en", published="2024-05-06"))
    by_place = {m.location.name: m.fatalities for m in mentions if m.type == "ASSAULT" and m.location}
    assert by_place.get("Dayton") == 2 and by_place.get("Toledo") == 4


def test_the_span_is_the_count_and_its_harm_word() -> None:
    text = "Officials said at least 21 people were killed."
    (count,) = casualties(text, "en")
    assert text[count.start : count.end] == "at least 21 people were killed"


def test_offsets_index_the_whole_text_when_a_window_is_given() -> None:
    text = "Calm morning. Four people died."
    (count,) = casualties(text, "en", 14, len(text))
    assert (count.kind, count.value, text[count.start : count.end]) == ("killed", 4, "Four people died")


def test_a_language_without_data_gives_no_figures() -> None:
    assert casualties("Üç kişi öldü.", "tr") == []


def test_extracted_events_carry_the_figures_and_acled_exports_them() -> None:
    events = extract_text(
        "Gunmen attacked a police checkpoint in Kandahar on Monday, killing four officers.",
        lang="en",
        published="2024-05-06",
    )
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.fatalities == 4
    out = io.StringIO()
    write_acled([assault], out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["fatalities"] == "4"


def test_unknown_fatalities_stay_empty_in_acled() -> None:
    event = Event(
        id="e1", type="ASSAULT", acled_event_type="Violence against civilians", acled_sub_event_type="Attack"
    )
    out = io.StringIO()
    write_acled([event], out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["fatalities"] == ""


def test_casualty_scores_by_hand() -> None:
    records = [
        {"id": "a", "gold_num_killed": 1, "gold_num_injured": 0},
        {"id": "b", "gold_num_killed": 2, "gold_num_injured": 3},
        {"id": "c", "gold_num_killed": 1, "gold_num_injured": 1},  # no main event: predicts 0 and 0
        {"id": "d", "gold_num_killed": None, "gold_num_injured": 2},  # killed not scored
    ]
    mains = {
        "a": Event(id="1", type="ASSAULT", fatalities=1),  # injured None reads 0: right
        "b": Event(id="2", type="ASSAULT", fatalities=2, injured=1),
        "d": Event(id="4", type="ASSAULT", injured=2),
    }
    # killed: a right, b right, c wrong -> 2/3; injured: a right, b wrong, c wrong, d right -> 2/4
    assert casualty_scores(records, mains) == {"n": 4, "killed_accuracy": 0.667, "injured_accuracy": 0.5}
