from __future__ import annotations

import re
from pathlib import Path

import nltk
import pytest

from retrieval import sentences
from retrieval.articles import make_draft
from retrieval.sentences import SentenceSplitter, Span

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(autouse=True)
def no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    """Prove the splitter never downloads NLTK data: any call fails the test."""

    def refuse(*args: object, **kwargs: object) -> bool:
        raise AssertionError(f"nltk.download called with {args} {kwargs}")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.downloader, "download", refuse)


@pytest.fixture(scope="module")
def splitter() -> SentenceSplitter:
    return SentenceSplitter()


def texts(splitter: SentenceSplitter, text: str, language: str) -> list[str]:
    spans = splitter.split(text, language)
    for span in spans:
        assert isinstance(span, Span)
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == text[span.start : span.end].strip()
    return [text[span.start : span.end] for span in spans]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Gen. Valery Gerasimov met Lt. Gen. Yuriy Kuznetsov in the U.S. capital. They talked.",
            [
                "Gen. Valery Gerasimov met Lt. Gen. Yuriy Kuznetsov in the U.S. capital.",
                "They talked.",
            ],
        ),
        (
            "en",
            "According to Bloomberg, Gerasimov knew about the offensive. He did not tell Putin.",
            [
                "According to Bloomberg, Gerasimov knew about the offensive.",
                "He did not tell Putin.",
            ],
        ),
        (
            "en",
            "Shares of Acme Inc. rose 5% in the U.S. The company said so.",
            ["Shares of Acme Inc. rose 5% in the U.S.", "The company said so."],
        ),
        (
            "en",
            "J. R. R. Tolkien was born on Jan. 3, 1892. Mr. Smith met Col. Jones at St. Paul's.",
            [
                "J. R. R. Tolkien was born on Jan. 3, 1892.",
                "Mr. Smith met Col. Jones at St. Paul's.",
            ],
        ),
        (
            "en",
            "“We will win,” he said. “They lost.” Then he left. (It was late.) Next came No. 5.",
            [
                "“We will win,” he said.",
                "“They lost.”",
                "Then he left.",
                "(It was late.)",
                "Next came No. 5.",
            ],
        ),
        (
            "en",
            '"What?" asks Winston. "Nothing!" she said. Fine, e.g. apples, etc. and more.',
            ['"What?" asks Winston.', '"Nothing!" she said.', "Fine, e.g. apples, etc. and more."],
        ),
        (
            "en",
            "Great service!!! Would come again :) The staff is nice.",
            ["Great service!!!", "Would come again :) The staff is nice."],
        ),
        (
            "ru",
            "В 2023 г. генерал ушёл в отставку, т.е. покинул армию. Он жил на ул. Ленина, д. 5.",
            [
                "В 2023 г. генерал ушёл в отставку, т.е. покинул армию.",
                "Он жил на ул. Ленина, д. 5.",
            ],
        ),
        (
            "ru",
            "Ущерб составил 2 млн. руб. и т.д. «Мы победим», — сказал он. «Нет!» Всё.",
            ["Ущерб составил 2 млн. руб. и т.д.", "«Мы победим», — сказал он.", "«Нет!»", "Всё."],
        ),
        (
            "ru",
            "Музей им. Пушкина открыт. Его основал А. С. Петров в 1912 г. Сейчас там выставка.",
            [
                "Музей им. Пушкина открыт.",
                "Его основал А. С. Петров в 1912 г.",
                "Сейчас там выставка.",
            ],
        ),
        (
            "ru",
            "Томас Бейкер (род. 20 января 1934) — актёр. Жил в 1990-х гг. Умер в Лондоне.",
            ["Томас Бейкер (род. 20 января 1934) — актёр.", "Жил в 1990-х гг.", "Умер в Лондоне."],
        ),
        (
            "ru",
            "Он переехал в г. Москва в 2001 г. и жил на ул. Садовая. Затем уехал.",
            ["Он переехал в г. Москва в 2001 г. и жил на ул. Садовая.", "Затем уехал."],
        ),
        (
            "uk",
            "У 2023 р. генерал пішов, т.б. залишив армію. Він жив на вул. Шевченка. Кінець.",
            [
                "У 2023 р. генерал пішов, т.б. залишив армію.",
                "Він жив на вул. Шевченка.",
                "Кінець.",
            ],
        ),
    ],
)
def test_tricky_sentences(
    splitter: SentenceSplitter, language: str, text: str, expected: list[str]
) -> None:
    assert texts(splitter, text, language) == expected


def test_exact_spans(splitter: SentenceSplitter) -> None:
    text = "  Gen. Ivan Popov was arrested.\tHe denied it.  "
    assert splitter.split(text, "en") == [Span(2, 31), Span(32, 45)]


def test_split_paragraph_offsets_are_into_whole_text(splitter: SentenceSplitter) -> None:
    text = "Title\n\nFirst one. Second one.\n\nOther paragraph."
    start = text.index("First")
    end = text.index("\n\nOther")
    spans = splitter.split_paragraph(text, start, end, "en")
    assert [text[s.start : s.end] for s in spans] == ["First one.", "Second one."]
    assert spans[0].start == start


def test_split_paragraph_rejects_bad_offsets(splitter: SentenceSplitter) -> None:
    with pytest.raises(ValueError, match="outside the text"):
        splitter.split_paragraph("abc", 2, 10, "en")


def test_line_breaks(splitter: SentenceSplitter) -> None:
    text = "A headline without a period\nThe body starts here and\ngoes on. Done.\n\nNext"
    assert texts(splitter, text, "en") == [
        "A headline without a period",
        "The body starts here and\ngoes on.",
        "Done.",
        "Next",
    ]


def test_a_hard_wrapped_paragraph_keeps_its_sentences_whole(splitter: SentenceSplitter) -> None:
    # Lines wrapped at a fixed width, two of them before a capitalised name: the article's
    # paragraph and the splitter's agree (split_paragraphs), so no line break cuts a sentence.
    text = (
        "The finance minister said on Tuesday that the government would meet\n"
        "Gazprom executives next week to discuss the new export duty, which\n"
        "Moscow introduced in March. Officials declined to comment further."
    )
    expected = [text[: text.index(" Officials")], "Officials declined to comment further."]
    assert texts(splitter, text, "en") == expected
    (paragraph,) = make_draft(text).paragraphs
    spans = splitter.split_paragraph(text, paragraph.start, paragraph.end, "en")
    assert [text[s.start : s.end] for s in spans] == expected


def test_empty_and_blank(splitter: SentenceSplitter) -> None:
    assert splitter.split("", "en") == []
    assert splitter.split(" \n\n \t", "ru") == []


def test_german_ordinal_periods_end_no_sentence(splitter: SentenceSplitter) -> None:
    text = (
        "Am 28. Februar 2008 unterzeichneten beide den Vertrag. Im 19. Jahrhundert wuchs "
        "die Stadt. Der 2. Weltkrieg endete 1945. Er wurde 85. Danach zog er weg."
    )
    assert texts(splitter, text, "de") == [
        "Am 28. Februar 2008 unterzeichneten beide den Vertrag.",
        "Im 19. Jahrhundert wuchs die Stadt.",
        "Der 2. Weltkrieg endete 1945.",
        "Er wurde 85.",
        "Danach zog er weg.",
    ]
    # only in German: in English a number ends a sentence before a month's name
    assert texts(splitter, "The score was 2. March began well.", "en") == [
        "The score was 2.",
        "March began well.",
    ]


def test_unknown_language_uses_all_lists(splitter: SentenceSplitter) -> None:
    text = "Mr. Brown met г-н Иванов. It went well."
    assert texts(splitter, text, "xx") == ["Mr. Brown met г-н Иванов.", "It went well."]
    assert texts(splitter, "Dr. Who came. Bye.", "EN-us") == ["Dr. Who came.", "Bye."]


def test_seed_article_per_paragraph(splitter: SentenceSplitter) -> None:
    (seed,) = sorted(SEEDS.glob("*.txt"))
    text = seed.read_text(encoding="utf-8")
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    by_paragraph = [splitter.split_paragraph(text, s, e, "en") for s, e in paragraphs]
    for (p_start, p_end), spans in zip(paragraphs, by_paragraph, strict=True):
        assert spans, text[p_start:p_end]
        assert all(p_start <= s.start < s.end <= p_end for s in spans)
    gerasimov = next(
        spans
        for (s, _), spans in zip(paragraphs, by_paragraph, strict=True)
        if text.startswith("General Valery Gerasimov", s)
    )
    assert [text[s.start : s.end] for s in gerasimov] == [
        "General Valery Gerasimov, chief of the General Staff and head of Russian military "
        "operations in Ukraine since January 2023, has already found himself at the center of "
        "the scandal.",
        "According to Bloomberg, Gerasimov knew about the preparation of the offensive, but did "
        "not inform Vladimir Putin about it, which could put his career in jeopardy.",
        "His absence from the meeting of the Ministry of Defense of Russia on August 15, where "
        "additional measures for the defense of the Kursk region were discussed, only "
        "strengthens the rumors about his disfavor.",
    ]
    assert sum(len(spans) for spans in by_paragraph) == 16
    # Blank lines are hard breaks, so splitting the whole text gives the same sentences.
    assert splitter.split(text, "en") == [span for spans in by_paragraph for span in spans]


def test_installed_punkt_data_is_used_when_present(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tmp_path / "tokenizers" / "punkt_tab" / "english"
    model.mkdir(parents=True)
    # The four files of a punkt_tab model, as NLTK's installer lays them out.
    (model / "abbrev_types.txt").write_text("zq\n", encoding="utf-8")
    (model / "collocations.tab").write_text("", encoding="utf-8")
    (model / "sent_starters.txt").write_text("", encoding="utf-8")
    (model / "ortho_context.tab").write_text("", encoding="utf-8")
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    text = "It was zq. Forty men came."
    assert texts(SentenceSplitter(), text, "en") == ["It was zq. Forty men came."]
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path / "nothing")])
    assert sentences._installed_punkt("en") is None
    assert texts(SentenceSplitter(), text, "en") == ["It was zq.", "Forty men came."]
