"""Killed and injured figures read from sentences we wrote, in several languages, and the GVC-style
casualty metric on hand-computed records."""

from __future__ import annotations

import csv
import io

import pytest

from lagebild.eval.casualties import casualty_scores
from lagebild.events.casualties import casualties, figures
from lagebild.export.acled import write_acled
from lagebild.model import Event
from lagebild.pipeline import extract_text


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
    ],
)
def test_figures_of_a_sentence(lang: str, sentence: str, killed: int | None, injured: int | None) -> None:
    assert figures(casualties(sentence, lang)) == (killed, injured)


def test_hit_then_died_is_one_killed_and_the_others_injured() -> None:
    counts = casualties("Three people were shot on Friday. One of them died in hospital.", "en")
    assert figures(counts) == (1, 2)


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
