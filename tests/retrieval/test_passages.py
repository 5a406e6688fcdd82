"""Passages: which neighbours a hit sentence is shown with, and how articles share the page."""

from __future__ import annotations

from dataclasses import replace

from retrieval.passages import Passage, context_span, leans_back, spread
from retrieval.store import StoredSentence

TEXT = (
    "Since May, five generals have been arrested. Among them is General Popov. "
    "Prices rose. The ministry denied it."
)


def rows() -> list[StoredSentence]:
    spans = [(0, 44), (45, 73), (74, 86), (87, 108)]
    return [
        StoredSentence(
            sid=10 + i,
            article=1,
            position=i,
            paragraph=0,
            start=s,
            end=e,
            source=None,
            source_detail=None,
            terms=(),
        )
        for i, (s, e) in enumerate(spans)
    ]


def test_leans_back() -> None:
    assert leans_back("Among them is General Popov.")
    assert leans_back("“This may become the basis …”")
    assert leans_back("Это может стать основой.")
    assert not leans_back("Prices rose.")


def test_a_hit_followed_by_a_sentence_pointing_back_takes_it_along() -> None:
    sentences = rows()
    assert context_span(sentences[0], sentences, TEXT) == (0, 73)


def test_a_hit_pointing_back_takes_the_sentence_before() -> None:
    sentences = rows()
    # Short (under 60 characters) too, so it also takes the sentence after.
    assert context_span(sentences[1], sentences, TEXT) == (0, 86)


def test_a_short_lead_in_takes_the_next_sentence() -> None:
    sentences = rows()
    assert context_span(sentences[2], sentences, TEXT) == (74, 108)


def test_other_paragraphs_are_never_context() -> None:
    sentences = [replace(s, paragraph=i) for i, s in enumerate(rows())]
    assert context_span(sentences[1], sentences, TEXT) == (45, 73)


def test_spread_lets_other_articles_in_after_two() -> None:
    def passage(article: str, score: float) -> Passage:
        return Passage(
            article, "t", "s", 0, 1, "s", 0, 1, score, None, None, None, None, None, (), "s"
        )

    ranked = [passage("a", 9), passage("a", 8), passage("a", 7), passage("b", 6)]
    assert [(p.article_id, p.score) for p in spread(ranked)] == [
        ("a", 9),
        ("a", 8),
        ("b", 6),
        ("a", 7),
    ]
