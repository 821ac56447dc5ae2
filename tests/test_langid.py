"""Language identification among lagebild's languages, with None for short or foreign text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.lang import LANGUAGES
from lagebild.nlp.langid import detect_language, language_confidence

# One short news sentence per language, written for these tests.
SENTENCES = {
    "en": "The regional council postponed the vote on the new water tariff until next month.",
    "de": "Der Stadtrat hat die Abstimmung über die neuen Wassergebühren auf nächsten Monat verschoben.",
    "ru": "Областной совет отложил голосование по новому тарифу на воду до следующего месяца.",
    "uk": "Обласна рада відклала голосування щодо нового тарифу на воду до наступного місяця.",
    "fr": "Le conseil régional a reporté au mois prochain le vote sur le nouveau tarif de l'eau.",
    "es": "El consejo regional aplazó hasta el mes que viene la votación sobre la nueva tarifa del agua.",
    "ar": "أجّل المجلس الإقليمي التصويت على تعرفة المياه الجديدة حتى الشهر المقبل.",
    "tr": "Bölge meclisi yeni su tarifesine ilişkin oylamayı gelecek aya erteledi.",
    "pt": "O conselho regional adiou para o próximo mês a votação sobre a nova tarifa da água.",
    "it": "Il consiglio regionale ha rinviato al mese prossimo il voto sulla nuova tariffa dell'acqua.",
    "pl": "Rada regionu przełożyła głosowanie w sprawie nowej taryfy za wodę na przyszły miesiąc.",
    "fa": "شورای منطقه‌ای رأی‌گیری درباره تعرفه جدید آب را به ماه آینده موکول کرد.",
}


def test_every_language_has_a_test_sentence() -> None:
    assert set(SENTENCES) == set(LANGUAGES)


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_detects_each_supported_language(lang: str) -> None:
    assert detect_language(SENTENCES[lang]) == lang


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Правительство во вторник решило вывести войска с севера страны, сообщил министр."),
        ("uk", "Уряд у вівторок вирішив вивести війська з півночі країни, повідомив міністр."),
        ("fa", "ارتش روز دوشنبه از شهر عقب نشینی کرد و مردم به خانه‌هایشان بازگشتند."),
        ("ar", "انسحب الجيش من المدينة يوم الاثنين وعاد السكان إلى منازلهم."),
        ("pt", "O governo decidiu na terça-feira retirar as tropas do norte do país, disse o ministro."),
        ("es", "El gobierno decidió el martes retirar las tropas del norte del país, dijo el ministro."),
    ],
)
def test_close_neighbours_are_told_apart(lang: str, text: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text", ["", "Berlin", "12:45 – 3:0 !!!", "https://example.org/a/b?id=3", "Kyiv Berlin"]
)
def test_short_or_letterless_text_gives_none(text: str) -> None:
    assert detect_language(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "De regering heeft dinsdag besloten de troepen uit het noorden van het land terug te trekken.",
        "Regeringen beslutade på tisdagen att dra tillbaka trupperna från norra delen av landet.",
        "Правителството реши във вторник да изтегли войските от северната част на страната.",
        "政府星期二决定从该国北部撤军，部长对记者说。这是一个重要的决定。",
    ],
)
def test_text_in_a_language_we_do_not_read_gives_none(text: str) -> None:
    # forcing it onto the nearest language we read would run the wrong lexicons over it
    assert detect_language(text) is None


def test_upper_case_headline_and_mixed_paragraphs() -> None:
    assert detect_language(SENTENCES["de"].upper()) == "de"
    mostly_french = " ".join([SENTENCES["fr"]] * 3 + [SENTENCES["en"]])
    assert detect_language(mostly_french) == "fr"


def test_confidence_prefers_correct_decoding_over_mojibake() -> None:
    text = "Les employés de la gare ont cessé le travail jeudi matin à l'aube, à Besançon."
    mojibake = text.encode("cp1252").decode("cp1250")
    assert mojibake != text
    assert language_confidence(text) > language_confidence(mojibake)


def test_gold_texts_are_identified(shared_dir: Path) -> None:
    """The labelled languages of the gold sets: few wrong answers, few abstentions on documents."""
    total = wrong = abstained = 0
    for path in sorted((shared_dir / "eval").glob("*/*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh):
                if number >= 60:
                    break
                record = json.loads(line)
                text, lang = record.get("text"), record.get("lang")
                if not isinstance(text, str) or lang not in LANGUAGES or len(text) < 200:
                    continue
                got = detect_language(text)
                total += 1
                wrong += got is not None and got != lang
                abstained += got is None
    assert total > 200
    assert wrong <= total * 0.01
    assert abstained <= total * 0.02
