from __future__ import annotations

import pytest

from retrieval.languages import (
    LANGUAGES,
    detect_language,
    guess_language,
    script_of,
    script_of_language,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin is preparing for a new wave of arrests among the generals.", "en"),
        ("Кремль готовит новую волну арестов среди высокопоставленных военных.", "ru"),
        ("Кремль готує нову хвилю арештів серед високопосадовців армії.", "uk"),
        ("Der Kreml plant eine neue Welle von Verhaftungen.", "de"),
        # Short lines: the letter heuristics decide.
        ("Президент Росії Володимир Путін", "uk"),
        ("Путін", "uk"),
        ("Объявлен розыск", "ru"),
        ("Съезд партии", "ru"),
        # No marker letters, but long enough for py3langid restricted to ru/uk.
        ("Война на Украине продолжается", "ru"),
        ("Зеленський заявив про наступ", "uk"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_no_letters_gives_the_default() -> None:
    assert detect_language("12:45 — 2024", default="ru") == "ru"
    assert detect_language("") == "en"


def test_short_unsure_text_yields_to_a_default_of_its_script() -> None:
    # "Путин" alone could be Russian or Ukrainian; a Russian default settles it.
    assert detect_language("Путин", default="ru") == "ru"
    assert detect_language("Путин", default="uk") == "uk"


def test_a_default_in_another_script_does_not_win() -> None:
    assert detect_language("Президент России Владимир Путин", default="en") == "ru"
    assert detect_language("Russian President Vladimir Putin Photo: AR", default="ru") == "en"


def test_guess_language_reports_certainty() -> None:
    assert guess_language("Президент Росії") == ("uk", 1.0)
    assert guess_language("Объявлен розыск") == ("ru", 1.0)
    assert guess_language("...") is None
    guess = guess_language("The Kremlin denied the reports on Tuesday.")
    assert guess is not None
    assert guess[0] == "en"
    assert 0.9 < guess[1] <= 1.0


def test_script_of() -> None:
    assert script_of("Путин said no") == "latin"
    assert script_of("Путин сказал: no") == "cyrillic"
    assert script_of("北京") == "other"
    assert script_of("— 12 —") is None


def test_script_of_language() -> None:
    assert script_of_language("uk") == "cyrillic"
    assert script_of_language("en") == "latin"
    assert script_of_language("zh") == "other"
    assert {"en", "ru", "uk"} <= set(LANGUAGES)
