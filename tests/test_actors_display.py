"""Every actor has a name in Latin letters for display, with the text as written beside it."""

from __future__ import annotations

import pytest

from lagebild.actors import find_actors
from lagebild.actors.display import is_latin, romanise


@pytest.mark.parametrize(
    ("text", "lang", "latin"),
    [
        ("Алексей Миллер", "ru", "Aleksey Miller"),
        ("Шойгу", "ru", "Shoygu"),
        ("Володимир Зеленський", "uk", "Volodymyr Zelenskyi"),
        ("Григорій", "uk", "Hryhorii"),  # Ukrainian г is h, и is y: not the Russian table
        ("محمد بن سلمان", "ar", "Mhmd Bn Slman"),  # no short vowels are written: a skeleton
        ("Jürgen Müller", "de", "Jürgen Müller"),  # Latin letters are kept, accents too
    ],
)
def test_names_in_latin_letters(text: str, lang: str, latin: str) -> None:
    assert romanise(text, lang) == latin
    assert is_latin(latin)


def test_no_table_no_guess() -> None:
    assert romanise("Алексей", "tr") is None  # Turkish has no Cyrillic table
    assert romanise("Алексей 李", "ru") is None  # a letter outside the table


def test_a_person_outside_our_lists_gets_a_latin_name_and_keeps_the_written_one() -> None:
    (m,) = [
        m
        for m in find_actors("Глава Газпрома Алексей Миллер заявил журналистам.", "ru")
        if m.kind == "person"
    ]
    assert m.actor.canonical == "Aleksey Miller"
    assert "Алексей Миллер" in m.actor.name


def test_known_actors_keep_their_english_name() -> None:
    (m,) = find_actors("وقال أحمد الشرع إن", "ar")
    assert m.actor.canonical == "Ahmed al-Sharaa"
