"""Geoparsing behaviour users rely on: recognition rules, morphology, and resolution by context."""

from __future__ import annotations

import pytest

from lagebild.places import country_place, geoparse, resolve, spot


def _by_text(mentions):
    return {m.text: m for m in mentions}


def test_german_kazakhstan_names_resolve_to_kz_with_their_precision():
    text = "Nach dem Start in Baikonur lobte die Regierung Kasachstans die Arbeit; in Almaty blieb es ruhig."
    got = _by_text(geoparse(text, "de"))
    assert got["Baikonur"].place.country == "KZ"
    assert got["Baikonur"].place.precision == "city"
    assert got["Kasachstans"].place.country == "KZ"
    assert got["Kasachstans"].place.precision == "country"
    assert got["Almaty"].place.country == "KZ"
    assert got["Almaty"].place.precision == "city"


def test_ambiguous_name_follows_the_document_context():
    alone = _by_text(geoparse("Thousands marched through Paris on Saturday.", "en"))
    assert alone["Paris"].place.country == "FR"
    texas = _by_text(geoparse("A tornado hit Paris, Texas, and damaged homes near Dallas.", "en"))
    assert texas["Paris"].place.country == "US"
    assert texas["Paris"].place.admin1 == "Texas"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Взрыв произошёл в Казахстане вечером.", "Казахстане", "KZ"),
        ("Делегация прибыла из Алматы утром.", "Алматы", "KZ"),
        ("Переговоры прошли в Киеве и в Москве.", "Киеве", "UA"),
        ("Переговоры прошли в Киеве и в Москве.", "Москве", "RU"),
        ("Колонна вышла из России ночью.", "России", "RU"),
        ("Обстріл Харкова тривав усю ніч.", "Харкова", "UA"),
        ("Бои в Нагорном Карабахе возобновились.", "Нагорном Карабахе", "AZ"),
    ],
)
def test_inflected_russian_and_ukrainian_names(text, name, country):
    lang = "uk" if "тривав" in text else "ru"
    got = _by_text(geoparse(text, lang))
    assert got[name].place.country == country


def test_arabic_clitics_are_stripped():
    got = _by_text(geoparse("تظاهرات بالقاهرة وقصف في قطاع غزة", "ar"))
    assert got["بالقاهرة"].place.country == "EG"
    assert got["قطاع غزة"].place.precision == "region"


def test_common_words_and_demonyms_are_not_places():
    assert spot("Reading the report, officials praised the nice weather in May.", "en") == []
    # A demonym is context, not a mention.
    assert spot("Die kasachischen Behörden schwiegen.", "de") == []


def test_person_names_are_not_places():
    spans = spot("Senator Lincoln spoke in Ohio yesterday.", "en")
    text = "Senator Lincoln spoke in Ohio yesterday."
    assert [text[s:e] for s, e in spans] == ["Ohio"]


def test_longest_name_wins_over_the_names_inside_it():
    text = "Troops crossed from Bosnia and Herzegovina into Nagorno-Karabakh."
    assert [text[s:e] for s, e in spot(text, "en")] == ["Bosnia and Herzegovina", "Nagorno-Karabakh"]


def test_curated_regions_in_several_languages():
    for text, lang in [
        ("Angriffe im Gazastreifen gehen weiter.", "de"),
        ("Les frappes sur la bande de Gaza continuent.", "fr"),
        ("Удары по сектору Газа продолжаются, сообщили в Газе.", "ru"),
    ]:
        places = [m.place for m in geoparse(text, lang)]
        assert places and places[0].country == "PS" and places[0].precision == "region", text


def test_resolve_given_spans_gives_one_answer_per_span():
    text = "Clashes near Donbass and in Xqzzyville were reported."
    spans = [
        (text.index("Donbass"), text.index("Donbass") + 7),
        (text.index("Xqzzy"), text.index("ville") + 5),
    ]
    got = resolve(text, spans, "en")
    assert [(m.start, m.end) for m in got] == spans
    assert got[0].place.country == "UA"
    assert got[1].place is None and got[1].score == 0.0


def test_resolve_rejects_spans_outside_the_text():
    with pytest.raises(ValueError):
        resolve("Paris", [(0, 50)], "en")


def test_country_place():
    kz = country_place("kz")
    assert (kz.country, kz.precision) == ("KZ", "country")
    assert 40 < kz.lat < 56 and 46 < kz.lon < 88
    with pytest.raises(ValueError):
        country_place("XX9")


def test_geoparse_without_language_guesses_the_script():
    got = _by_text(geoparse("Переговоры прошли в Киеве."))
    assert got["Киеве"].place.country == "UA"


def test_generic_place_names_are_recognised_but_not_resolved():
    text = "Water covered Main Street near the Neches River on Monday."
    got = _by_text(geoparse(text, "en"))
    assert set(got) == {"Main Street", "Neches River"}
    assert got["Main Street"].place is None


def test_demonyms_become_country_mentions_only_on_request():
    text = "Russian troops left the area."
    assert geoparse(text, "en") == []
    (m,) = geoparse(text, "en", demonyms=True)
    assert (m.text, m.place.country, m.place.precision) == ("Russian", "RU", "country")


def test_region_abbreviation_after_a_place_keeps_its_dot():
    text = "The fire in Columbia, S.C. spread fast."
    got = _by_text(geoparse(text, "en"))
    assert (got["S.C."].place.name, got["S.C."].place.precision) == ("South Carolina", "admin1")
    assert got["Columbia"].place.admin1 == "South Carolina"


def test_quality_floor_on_tr_news(shared_dir):
    """A regression guard on real gold data (floors set below the measured numbers)."""
    import json

    from lagebild.eval.metrics import geo_errors, haversine_km, prf

    path = shared_dir / "eval" / "trnews" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    tp = fp = fn = 0
    errors = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        gold = rec["gold_toponyms"]
        gold_spans = {(g["start"], g["end"]) for g in gold}
        found = set(spot(rec["text"], rec.get("lang") or "en"))
        tp, fp, fn = tp + len(found & gold_spans), fp + len(found - gold_spans), fn + len(gold_spans - found)
        located = [g for g in gold if g.get("lat") is not None]
        for g, m in zip(
            located, resolve(rec["text"], [(g["start"], g["end"]) for g in located], "en"), strict=True
        ):
            errors.append(
                20039.0 if m.place is None else haversine_km(g["lat"], g["lon"], m.place.lat, m.place.lon)
            )
    assert prf(tp, fp, fn)["f1"] >= 0.75
    assert geo_errors(errors)["acc161"] >= 0.8
