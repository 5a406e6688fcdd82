"""Word forms for ru and uk sources: lemmas, cases and names in the nominative (pymorphy3)."""

from __future__ import annotations

import functools
import re
from typing import Any

from retrieval.analysis import morphology

_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
SURNAME = re.compile(r"^[А-ЯЁІЇЄҐ]\w+(?:ов|ев|ёв|ин|ын|ский|цкий|ськ(?:ий)?|енко|ук|юк|чук)$")
"""A word shaped like a surname in the nominative ("Силуанов", "Шевченко")."""


@functools.lru_cache(maxsize=1 << 16)
def parses(word: str, language: str) -> tuple[Any, ...]:
    """pymorphy3's parses of ``word``, most likely first (the process's one analyser)."""
    return tuple(morphology("uk" if language == "uk" else "ru").parse(word))


def lemma(word: str, language: str) -> str:
    """The dictionary form of a word ("заявил" → "заявить")."""
    found = parses(word.lower(), language)
    return str(found[0].normal_form) if found else word.lower()


@functools.lru_cache(maxsize=8192)
def cases(word: str, language: str) -> frozenset[str]:
    """The grammatical cases ``word`` can be in ("журналистам" → {"datv"})."""
    found = parses(word.lower(), language)
    named = {str(p.tag.case) for p in found if p.tag.case is not None}
    # The Ukrainian dictionary leaves some lemmas untagged: "регулятор" is nominative.
    if (
        language == "uk"
        and "nomn" not in named
        and any(
            p.tag.case is None and p.tag.POS == "NOUN" and p.word == p.normal_form for p in found
        )
    ):
        named.add("nomn")
    return frozenset(named)


def nominative(name: str, language: str) -> str:
    """A person's name in the nominative ("Сергея Лаврова" → "Сергей Лавров").

    Only a name every capitalised word of which is a first name, patronymic or surname is
    changed, and only when one of them cannot be nominative ("Сергея"): "Сергей Лавров" and
    "Анна Лаврова" stay as they are; an organisation keeps the form the sentence gives it.
    """
    words = name.split()
    if any(word[:1].islower() for word in words):
        return name  # "Дані статистики": a phrase with a common noun is no person's name
    named: list[tuple[str, list[Any]]] = []
    for word in words:
        if not word[:1].isupper():
            named.append((word, []))
            continue
        person = [p for p in parses(word, language) if _NAME_TAGS & set(p.tag.grammemes)]
        if not person:
            return name
        named.append((word, person))
    oblique = [
        person
        for word, person in named
        if person and not SURNAME.match(word) and not any(p.tag.case == "nomn" for p in person)
    ]
    if not oblique:
        return name
    case, gender = oblique[0][0].tag.case, oblique[0][0].tag.gender
    out: list[str] = []
    for word, person in named:
        if not person:
            out.append(word)
            continue
        if SURNAME.match(word) and not any(p.tag.case == case for p in person):
            out.append(word)  # "Силуанов": a nominative surname the dictionary does not know
            continue
        fitting = [p for p in person if p.tag.case == case and p.tag.gender in {gender, None}]
        best = (fitting or person)[0]
        form = best.inflect({"nomn"}) if best.tag.case != "nomn" else best
        out.append(_like(word, str(form.word)) if form is not None else word)
    return " ".join(out)


@functools.lru_cache(maxsize=1 << 14)
def head_nominative(phrase: str, language: str) -> str:
    """An organisation named in the genitive, its head noun made nominative.

    "Міністерства аграрної політики" → "Міністерство аграрної політики"; the genitive words
    after the head stay as they are.
    """
    words = phrase.split()
    if not words:
        return phrase
    found = [p for p in parses(words[0], language) if p.tag.POS == "NOUN"]
    if (
        not found
        # "по данным X", "согласно решению X", "говорится в сообщении"
        or found[0].tag.case not in {"gent", "datv", "loct"}
        or _NAME_TAGS & set(found[0].tag.grammemes)
    ):
        return phrase
    number = found[0].tag.number
    form = found[0].inflect({"nomn", number} if number else {"nomn"})
    if form is None:
        return phrase
    return " ".join([_like(words[0], str(form.word)), *words[1:]])


def _like(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].islower():
        return word.lower()
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def same_name(mentioned: str, used: str, language: str) -> bool:
    """Whether a surname used now is the one mentioned before ("Лаврова" and "Лавров")."""
    a, b = mentioned.lower().strip(".,"), used.lower().strip(".,")
    if a == b:
        return True
    if language not in {"ru", "uk"} or min(len(a), len(b)) < 4:
        return False
    stem = min(len(a), len(b)) - 2
    return a[:stem] == b[:stem] and abs(len(a) - len(b)) <= 2


def person_and_role(phrase: str, language: str) -> tuple[str, str | None]:
    """ "министр иностранных дел Сергей Лавров" → ("Сергей Лавров", "министр иностранных дел").

    The trailing first names, patronymics and surnames are the person; the words before them
    the role. A phrase that does not end in a person's name is returned whole.
    """
    words = phrase.split()
    k = len(words)
    if k > 2 and words[-1][:1].isupper() and _first_name(words[-2], language):
        k -= 1  # "советник … Михаил Подоляк": any capitalised word after a first name is a surname
    while k > 0 and words[k - 1][:1].isupper() and _is_name(words[k - 1], language):
        k -= 1
        if _first_name(words[k], language):
            break  # a first name opens the person's name: "руководителя Росстата Георгий …"
    if k == len(words) or k == 0:
        return phrase, None
    if k == len(words) - 1 and not _surely_a_name(words[-1], language):
        return phrase, None  # "пресслужба Міноборони": one unknown word is no person
    return " ".join(words[k:]), " ".join(words[:k])


def _first_name(word: str, language: str) -> bool:
    return word[:1].isupper() and any(
        "Name" in p.tag.grammemes and "nomn" in p.tag.grammemes for p in parses(word, language)[:3]
    )


def _surely_a_name(word: str, language: str) -> bool:
    return bool(SURNAME.match(word)) or any(
        _NAME_TAGS & set(p.tag.grammemes) for p in parses(word, language)
    )


def _is_name(word: str, language: str) -> bool:
    if word.isupper() and len(word) > 1:
        return False  # "ОВА", "МИД": part of the role
    found = parses(word, language)
    if not found:
        return True
    grammemes = set(found[0].tag.grammemes)
    if any(_NAME_TAGS & set(p.tag.grammemes) for p in found):
        return True
    if any({"Geox", "Orgn"} & set(p.tag.grammemes) for p in found):
        return False  # "России", "НАТО": part of the role, not of the person
    if SURNAME.match(word):
        return True  # "Разумков", "Сомов": read first as genitive plurals of common nouns
    if found[0].tag.case not in {None, "nomn"}:
        return False  # "України": a genitive of the role
    if {"UNKN", "LATN", "ADJF"} & grammemes:
        return True
    # A capitalised noun that is not a title ("Президент", "Министр" are animate nouns).
    return "NOUN" in grammemes and "anim" not in grammemes
