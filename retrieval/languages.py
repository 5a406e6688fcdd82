"""Which language a text is written in.

py3langid alone is unreliable on the short lines news pages are full of (captions, headlines)
and, left free to choose among its 97 languages, it calls a Russian name Bulgarian or a
Ukrainian one Belarusian. So detection here goes in three steps:

1. the writing system (Latin, Cyrillic or other) is read from the letters themselves;
2. for Cyrillic, letters only one language uses decide at once: Ukrainian і ї є ґ,
   Russian ы э ъ ё;
3. otherwise py3langid chooses, restricted to the languages of that script in
   :data:`LANGUAGES`; on short text an unsure guess gives way to the caller's default.

The py3langid model is loaded on first use, never on import.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

LANGUAGES: tuple[str, ...] = ("en", "ru", "uk", "de", "fr", "es", "it", "pl", "pt", "nl")
"""The languages :func:`detect_language` chooses among for Latin and Cyrillic text."""

CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk"})

UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
RUSSIAN_LETTERS = frozenset("ыэъёЫЭЪЁ")

SHORT_TEXT = 40
"""Texts with fewer letters than this count as short: an unsure guess yields to the default."""

UNSURE = 0.9


def script_of(text: str) -> str | None:
    """The writing system most letters of ``text`` use: "latin", "cyrillic", "other", or None.

    None means the text has no letters at all (numbers, punctuation, emoji).
    """
    counts = _script_counts(text)
    if not any(counts.values()):
        return None
    return max(counts, key=counts.__getitem__)


def script_of_language(language: str) -> str:
    """The writing system a language is normally written in ("latin", "cyrillic" or "other")."""
    if language in CYRILLIC_LANGUAGES:
        return "cyrillic"
    if language in LANGUAGES:
        return "latin"
    return "other"


def guess_language(text: str) -> tuple[str, float] | None:
    """The most likely language of ``text`` and how sure the guess is (0 to 1).

    None when the text has no letters. Letter heuristics for Russian and Ukrainian give a
    certainty of 1.0; otherwise the certainty is py3langid's normalised probability among
    the candidate languages of the text's script.
    """
    counts = _script_counts(text)
    if not any(counts.values()):
        return None
    script = max(counts, key=counts.__getitem__)
    if script == "cyrillic":
        has_uk = any(ch in UKRAINIAN_LETTERS for ch in text)
        has_ru = any(ch in RUSSIAN_LETTERS for ch in text)
        if has_uk != has_ru:
            return ("uk" if has_uk else "ru"), 1.0
        candidates = [code for code in LANGUAGES if code in CYRILLIC_LANGUAGES]
    elif script == "latin":
        candidates = [code for code in LANGUAGES if code not in CYRILLIC_LANGUAGES]
    else:
        candidates = []
    code, probability = _classify(text, tuple(candidates))
    return code, probability


def detect_language(text: str, *, default: str = "en") -> str:
    """The ISO 639-1 code of the language ``text`` is written in.

    Returns ``default`` when the text has no letters, or when it is short and the guess is
    unsure, as long as ``default`` is written in the text's script (an English default for a
    short Cyrillic line would be plainly wrong; there the best guess wins).
    """
    guess = guess_language(text)
    if guess is None:
        return default
    code, certainty = guess
    if certainty >= UNSURE or code == default:
        return code
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < SHORT_TEXT and script_of(text) == script_of_language(default):
        return default
    return code


def _script_counts(text: str) -> dict[str, int]:
    counts = {"latin": 0, "cyrillic": 0, "other": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        point = ord(ch)
        if point < 0x250 or 0x1E00 <= point <= 0x1EFF:
            counts["latin"] += 1
        elif 0x400 <= point <= 0x52F:
            counts["cyrillic"] += 1
        else:
            counts["other"] += 1
    return counts


def _classify(text: str, candidates: tuple[str, ...]) -> tuple[str, float]:
    code, probability = _identifier(candidates).classify(text)
    return str(code), float(probability)


@cache
def _identifier(candidates: tuple[str, ...]) -> Any:
    """A py3langid identifier restricted to ``candidates`` (all languages when empty).

    Restricting slices the model, which is slow, so each restriction is made once, on a
    shallow copy of the one loaded model.
    """
    restricted = copy.copy(_model())
    restricted.set_languages(list(candidates) if candidates else None)
    return restricted


@cache
def _model() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
