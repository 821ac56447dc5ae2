from __future__ import annotations

import pytest

from lagebild.events.detect import detect, event_sentences
from lagebild.events.lexicon import build_matcher, pattern_regex
from lagebild.lang import LANGUAGES, load


def _found(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    return [(c.type, c.mode, c.modality) for c in detect(text, lang)]


def test_pattern_syntax() -> None:
    m = build_matcher([("A", "withdr*"), ("B", "*abzug"), ("C", "open* _ fire"), ("D", "~hit")])
    got = [
        (label, w)
        for _, _, label, w in m.finditer("They withdrew after the Truppenabzug; men opened heavy fire.")
    ]
    assert got == [("A", 1.0), ("B", 1.0), ("C", 1.0)]
    assert [w for *_, w in m.finditer("a rocket hit the house")] == [0.5]
    assert m.finditer("withdrawn") and not m.finditer("rewithdraw")
    with pytest.raises(ValueError):
        pattern_regex("  ")


def test_every_language_has_a_trigger_lexicon_with_modality_and_boilerplate() -> None:
    for lang in LANGUAGES:
        mod = load(lang, "triggers")
        assert mod is not None, lang
        types = {key.split("/")[0] for key in mod.TRIGGERS}
        assert {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"} <= types, lang
        assert mod.NEGATION and mod.FUTURE and mod.HYPOTHETICAL and mod.BOILERPLATE, lang


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Government forces shelled the town on Monday.", "en", ("ASSAULT", "heavy-weapons", "asserted")),
        ("Five people were killed in an air strike.", "en", ("ASSAULT", "aerial", "asserted")),
        ("No clashes were reported overnight.", "en", ("ASSAULT", "clash", "negated")),
        ("The troops will withdraw next week.", "en", ("RETREAT", "withdraw", "future")),
        ("If the army attacks, we respond.", "en", ("ASSAULT", "clash", "hypothetical")),
        ("Die Polizei hat 20 Demonstranten festgenommen.", "de", ("COERCE", "arrest", "asserted")),
        ("Es wurden keine Zusammenstöße beobachtet.", "de", ("ASSAULT", "clash", "negated")),
        ("Die Truppen werden sich morgen zurückziehen.", "de", ("RETREAT", "withdraw", "future")),
        ("Полиция задержала двадцать протестующих.", "ru", ("COERCE", "arrest", "asserted")),
        ("Des milliers de personnes ont manifesté à Paris.", "fr", ("PROTEST", "demo", "asserted")),
        ("La policía detuvo a diez manifestantes.", "es", ("COERCE", "arrest", "asserted")),
        ("وتظاهر المئات في بغداد.", "ar", ("PROTEST", "demo", "asserted")),
    ],
)
def test_triggers_modes_and_modality(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in _found(text, lang)


def test_boilerplate_teasers_and_captions_carry_no_events() -> None:
    text = (
        "Rebels attacked the base.\n\nPhoto: soldiers attacked by rebels\n\n"
        "– Reporter (@someone) 13 January 2022\n\nCheck Also\n\nTroops attacked a village in the north."
    )
    sentences = [s.text for s in event_sentences(text, "en")]
    assert sentences == ["Rebels attacked the base."]


def test_a_headline_repeated_in_the_body_is_read_once() -> None:
    text = "Troops withdraw from the city\n\nTroops withdraw from the city\n\nThey left on Monday."
    assert [s.text for s in event_sentences(text, "en")].count("Troops withdraw from the city") == 1


def test_phrases_that_contain_a_trigger_word_are_no_trigger() -> None:
    found = _found("Riot police watched thousands of non-violent protesters march.", "en")
    assert ("PROTEST", "riot", "asserted") not in found
    assert any(t == "PROTEST" for t, _, _ in found)


def test_harm_in_an_accident_is_no_assault_but_named_violence_stays() -> None:
    assert not any(t == "ASSAULT" for t, _, _ in _found("Five people died when the bus crashed.", "en"))
    assert any(t == "ASSAULT" for t, _, _ in _found("Gunmen shot dead five people after the crash.", "en"))


def test_a_lone_weak_trigger_reads_less_sure_than_a_strong_one():
    from lagebild.events.compose import compose
    from lagebild.events.detect import Candidate
    from lagebild.nlp.sentences import split_sentences

    sentence = split_sentences("Rebels seized the headquarters.")[0]

    def cand(score: float) -> Candidate:
        return Candidate(
            type="MOBILIZE", mode="base", score=score, modality="asserted", trigger_start=19,
            trigger_end=31, trigger="headquarters", sentence=sentence, lexical_mode="base",
        )  # fmt: skip

    weak, strong = compose([cand(0.6)])[0], compose([cand(1.1)])[0]
    assert weak.score < strong.score - 0.5
    two_weak = compose([cand(0.6), cand(0.6)])
    assert two_weak[0].score > weak.score


def test_stems_do_not_swallow_other_words():
    from lagebild.events.detect import detect

    def types(text: str, lang: str) -> set[tuple[str, str | None]]:
        return {(c.type, c.mode) for c in detect(text, lang) if c.score >= 1.0}

    assert types("Бойцы смогут заключить контракты с Минобороны.", "ru") == set()
    assert ("ASSAULT", "explosives") in types("На мине подорвался автомобиль.", "ru")
    assert types("Міністр оборони провів нараду.", "uk") == set()
    # Hostages handed over: a release, never an abduction.
    assert types("Die Hamas übergab 13 Geiseln an das Rote Kreuz.", "de") == {("RETREAT", "release")}
    assert ("ASSAULT", "abduct") in types("Bewaffnete haben zwei Helfer als Geiseln genommen.", "de")
