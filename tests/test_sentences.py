from lagebild.nlp.sentences import split_sentences


def _texts(text):
    return [s.text for s in split_sentences(text)]


def test_offsets_index_the_original_text():
    text = "Erster Satz. Zweiter Satz!\n\n  Dritter Satz?  Vierter."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Erster Satz.", "Zweiter Satz!", "Dritter Satz?", "Vierter."]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_dates_ordinals_and_abbreviations_do_not_split():
    assert len(_texts("Am 13. Januar begann der Abzug. Er dauert zehn Tage.")) == 2
    assert len(_texts("Dr. Smith met Gen. Miller in the U.S. capital. They talked.")) == 2
    assert len(_texts("Über 3.000 Soldaten wurden entsandt, z.B. nach Almaty. Dann kehrten sie zurück.")) == 2


def test_lines_are_blocks_even_without_punctuation():
    sentences = split_sentences("Headline without a dot\nFirst sentence of the body. Second one.")
    assert [s.text for s in sentences] == [
        "Headline without a dot",
        "First sentence of the body.",
        "Second one.",
    ]
    assert sentences[0].paragraph != sentences[1].paragraph
    assert sentences[1].paragraph == sentences[2].paragraph


def test_quotes_close_with_their_sentence():
    text = "„Der Rückzug hat begonnen.“ Das sagte er am Montag."
    assert _texts(text) == ["„Der Rückzug hat begonnen.“", "Das sagte er am Montag."]


def test_other_scripts():
    assert len(_texts("Войска начали отход. Операция завершена.")) == 2
    assert len(_texts("انسحبت القوات من المدينة. انتهت العملية؟ نعم.")) == 3


def test_a_long_line_splits_in_linear_time():
    # 512 KiB on one line with a period every few words: the abbreviation check once searched the
    # whole prefix at every period (minutes); a generous bound keeps the test stable on slow CI.
    import time

    unit = "Die Armee meldete 12 Angriffe bei Charkiw. Dr. Weber sprach am 3. Mai. "
    text = unit * (512 * 1024 // len(unit))
    started = time.perf_counter()
    sentences = split_sentences(text)
    elapsed = time.perf_counter() - started
    assert len(sentences) == 2 * (512 * 1024 // len(unit))
    assert elapsed < 5.0


def test_abbreviations_after_long_words_still_split_correctly():
    word = "x" * 100
    assert len(_texts(f"Ein {word}. Zweiter Satz.")) == 2
    assert len(_texts(f"{word} sagte Dr. Weber. Dann ging er.")) == 2
