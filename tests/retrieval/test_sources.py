"""Reported sources: each sentence gets the source the article attributes it to."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.articles import parse_file
from retrieval.sentences import SentenceSplitter
from retrieval.sources import UNNAMED, Attribution, attribute_paragraph, describe

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("000_*.txt"))

VERSTKA = Attribution("Verstka", "citing sources in the government and parliament")


def seed_attributions() -> list[list[tuple[str, Attribution | None]]]:
    draft = parse_file(SEED)
    splitter = SentenceSplitter()
    result = []
    for paragraph in draft.paragraphs:
        if paragraph.kind != "body":
            continue
        spans = splitter.split_paragraph(draft.text, paragraph.start, paragraph.end, "en")
        texts = [draft.text[s.start : s.end] for s in spans]
        result.append(list(zip(texts, attribute_paragraph(texts, "en"), strict=True)))
    return result


def test_every_sentence_of_the_seed() -> None:
    got = seed_attributions()
    expected = [
        [("The Kremlin is preparing for a ", None), ("The purge at the Russian Defens", None)],
        [("According to the independent R", VERSTKA), ("This may become the basis for i", VERSTKA)],
        [
            ("General Valery Gerasimov, chief", None),
            ("According to Bloomberg, Gerasim", Attribution("Bloomberg")),
            ("His absence from the meeting of", Attribution("Bloomberg")),
        ],
        [("In addition, since August 9, th", None)],
        [("Since May, at least five Russia", None), ("Among them are the head of the ", None)],
        [("The wave of arrests, The Moscow", Attribution("The Moscow Times"))],
        [("Sources also warn that by the e", Attribution(UNNAMED))],
    ]
    assert [len(paragraph) for paragraph in got] == [len(paragraph) for paragraph in expected]
    for paragraph, wanted in zip(got, expected, strict=True):
        for (text, source), (prefix, expected_source) in zip(paragraph, wanted, strict=True):
            assert text.startswith(prefix)
            assert source == expected_source, text


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Brent crude rose 3 percent, Reuters reported.", "en", Attribution("Reuters")),
        ("Putin said the offensive would fail.", "en", Attribution("Putin")),
        (
            "Defense Minister Andrei Belousov said the army was ready.",
            "en",
            Attribution("Defense Minister Andrei Belousov"),
        ),
        ('"We will win," said Zelensky.', "en", Attribution("Zelensky")),
        (
            "The talks failed, the Institute for the Study of War wrote.",
            "en",
            Attribution("Institute for the Study of War"),
        ),
        ("As reported by The Guardian, the talks failed.", "en", Attribution("The Guardian")),
        (
            "The Kremlin told reporters on Monday that talks were over.",
            "en",
            Attribution("The Kremlin"),
        ),
        ("Officials said the bridge was closed.", "en", Attribution(UNNAMED)),
        ("Traders said supplies would stay tight.", "en", Attribution(UNNAMED)),
        ("According to sources, the bridge was closed.", "en", Attribution(UNNAMED)),
        ("The bridge was closed, citing safety concerns.", "en", None),
        ("Moscow lost control over 1,000 square kilometers.", "en", None),
        ("The report said nothing new.", "en", None),
        ("Как сообщает издание «Коммерсантъ», штаб проверяют.", "ru", Attribution("Коммерсантъ")),
        ("Песков заявил, что переговоров не будет.", "ru", Attribution("Песков")),
        ("Генерал арестован, сообщает ТАСС.", "ru", Attribution("ТАСС")),
        ("Источники сообщили, что генерал арестован.", "ru", Attribution(UNNAMED)),
        (
            "Военный аналитик Иван Смирнов считает, что отставки неизбежны.",
            "ru",
            Attribution("Военный аналитик Иван Смирнов"),
        ),
        (
            "За даними Міністерства аграрної політики, вийшли сорок суден.",
            "uk",
            Attribution("Міністерства аграрної політики"),
        ),
        ("Як повідомляє агентство Укрінформ, експорт зріс.", "uk", Attribution("Укрінформ")),
        ("Зеленський заявив, що війна закінчиться.", "uk", Attribution("Зеленський")),
        ("Експорт пшениці зріс на третину.", "uk", None),
    ],
)
def test_reporting_forms(sentence: str, language: str, expected: Attribution | None) -> None:
    assert attribute_paragraph([sentence], language) == [expected]


def test_inheritance_stays_in_the_paragraph_and_stops_at_framing() -> None:
    sentences = [
        "According to Bloomberg, the general knew.",
        "He did not tell the president.",
        "Meanwhile, the offensive continued.",
    ]
    assert attribute_paragraph(sentences, "en") == [
        Attribution("Bloomberg"),
        Attribution("Bloomberg"),
        None,
    ]
    assert attribute_paragraph(["He did not tell the president."], "en") == [None]


def test_back_reference_takes_the_named_source() -> None:
    sentences = [
        "Как сообщает издание «Коммерсантъ», штаб проверяют.",
        "По данным издания, проверка продлится до конца сентября.",
    ]
    assert attribute_paragraph(sentences, "ru") == [Attribution("Коммерсантъ")] * 2


def test_describe() -> None:
    assert describe(None) == "the outlet's own claim"
    assert describe(Attribution("Bloomberg")) == "reported by Bloomberg"
    assert describe(VERSTKA) == (
        "reported by Verstka (citing sources in the government and parliament)"
    )
    assert describe(Attribution(UNNAMED)) == "according to unnamed sources"
