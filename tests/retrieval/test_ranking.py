"""The two-level ranker on tiny token lists, with the real BM25 index behind it."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.index import BM25Index, lucene_idf
from retrieval.ranking import Ranker, RankingConfig

# Article 10 is about Warsaw; article 20 mentions a census elsewhere.
WARSAW = [
    "warsaw capital poland",
    "warsaw grew fast",
    "census counted inhabitants",
]
TEXAS = ["census cattle texas"]


def build(articles: dict[int, list[str]], config: RankingConfig | None = None) -> Ranker:
    index = BM25Index()
    ranker = Ranker(index, config)
    keys = [key for key, sentences in articles.items() for _ in sentences]
    terms = [s.split() for sentences in articles.values() for s in sentences]
    ranker.add(list(index.add(terms)), keys, terms)
    return ranker


def ids(ranker: Ranker, question: str, k: int = 10, text: str = "") -> list[int]:
    return [doc for doc, _ in ranker.rank(question.split(), k, question=text).hits]


def test_plain_bm25_cannot_tell_these_apart() -> None:
    index = BM25Index()
    index.add([s.split() for s in [*WARSAW, *TEXAS]])
    assert [doc for doc, _ in index.top_k(["warsaw", "census"], 4)] == [0, 1, 2, 3]


def test_the_sentence_of_the_topical_article_that_holds_the_rare_term_wins() -> None:
    ranker = build({10: WARSAW, 20: TEXAS})
    assert ids(ranker, "warsaw census") == [2, 0, 1, 3]


def test_without_article_weight_and_local_idf_it_is_plain_bm25() -> None:
    config = RankingConfig(article_weight=0, local_idf=False, number_boost=0)
    ranker = build({10: WARSAW, 20: TEXAS}, config)
    assert ids(ranker, "warsaw census") == [0, 1, 2, 3]


def test_local_idf_alone_prefers_the_term_rare_inside_the_article() -> None:
    ranker = build({10: WARSAW, 20: TEXAS}, RankingConfig(article_weight=0, number_boost=0))
    assert ids(ranker, "warsaw census")[0] in (2, 3)
    assert ids(ranker, "warsaw census")[-2:] == [0, 1]


def test_number_questions_prefer_sentences_with_a_new_number() -> None:
    articles = {1: ["warsaw people live happily", "warsaw people live 1700000"]}
    assert ids(build(articles), "warsaw people live", text="How many people live in Warsaw?") == [
        1,
        0,
    ]
    assert ids(build(articles), "warsaw people live", text="Do people live in Warsaw?") == [0, 1]


def test_a_number_already_in_the_question_earns_no_boost() -> None:
    articles = {1: ["census warsaw counted", "census warsaw 1901"]}
    ranker = build(articles)
    assert ids(ranker, "census warsaw", text="When was the census in Warsaw in 1901?") == [0, 1]


def test_coverage_is_the_idf_share_of_the_question_found() -> None:
    ranker = build({10: WARSAW, 20: TEXAS})
    full = ranker.rank(["warsaw", "census"], 3)
    assert full.coverage == pytest.approx(1.0)
    assert full.found
    unseen = ranker.rank(["census", "zeppelin", "zurich"], 3)
    n = 4
    expected = lucene_idf(n, 2) / (lucene_idf(n, 2) + 2 * lucene_idf(n, 0))
    assert unseen.coverage == pytest.approx(float(expected))
    assert not unseen.found
    assert unseen.hits  # the passages are still there for whoever wants them


def test_coverage_counts_the_article_and_the_best_sentences_neighbourhood_half_each() -> None:
    story = ["alpha beta", "gamma delta", "epsilon zeta", "eta theta", "iota lambda"]
    ranker = build({10: story, 20: ["mu nu"], 30: ["xi omicron"]})
    near = ranker.rank(["beta", "gamma"], 3)  # in the best sentence and the next one
    assert near.coverage == pytest.approx(1.0)
    far = ranker.rank(["beta", "lambda"], 3)  # both in the article, four sentences apart
    assert far.coverage == pytest.approx(0.75)  # equal IDFs: article 1, neighbourhood 1/2
    assert far.found
    strict = build({10: story}, RankingConfig(min_coverage=0.8))
    assert not strict.rank(["beta", "lambda"], 3).found
    assert strict.rank(["beta", "gamma"], 3).found


def test_min_coverage_zero_always_answers() -> None:
    ranker = build({10: WARSAW}, RankingConfig(min_coverage=0))
    assert ranker.rank(["census", "zeppelin", "zurich"], 3).found


def test_nothing_matched_is_not_found() -> None:
    ranking = build({10: WARSAW}).rank(["zeppelin"], 3)
    assert ranking.hits == ()
    assert not ranking.found
    assert build({10: WARSAW}).rank([], 3).hits == ()


def test_removed_articles_are_never_returned_and_leave_the_article_index() -> None:
    ranker = build({10: WARSAW, 20: TEXAS})
    ranker.sentences.remove([0, 1, 2])
    ranker.remove([0, 1, 2])
    assert ids(ranker, "warsaw census") == [3]
    assert len(ranker.articles) == 1
    assert build({}).rank(["census"], 3).hits == ()


def test_articles_added_later_continue_the_numbering() -> None:
    ranker = build({10: WARSAW})
    terms = [s.split() for s in TEXAS]
    ranker.add(list(ranker.sentences.add(terms)), [20], terms)
    assert ids(ranker, "census texas") == [3, 2]


def test_add_rejects_docs_that_do_not_continue() -> None:
    ranker = build({10: WARSAW})
    with pytest.raises(ValueError, match="continue from 3"):
        ranker.add([5], [20], [["census"]])
    with pytest.raises(ValueError, match="same length"):
        ranker.add([3], [20, 21], [["census"]])


def test_save_and_load_give_the_same_ranking(tmp_path: Path) -> None:
    ranker = build({10: WARSAW, 20: TEXAS})
    ranker.sentences.save(tmp_path / "sentences")
    ranker.save(tmp_path / "ranking")
    loaded = Ranker.load(tmp_path / "ranking", BM25Index.load(tmp_path / "sentences"))
    assert loaded.rank(["warsaw", "census"], 4) == ranker.rank(["warsaw", "census"], 4)


def test_load_rejects_a_snapshot_of_another_index(tmp_path: Path) -> None:
    build({10: WARSAW}).save(tmp_path / "ranking")
    with pytest.raises(ValueError, match="does not match"):
        Ranker.load(tmp_path / "ranking", BM25Index())


@pytest.mark.parametrize(
    "kwargs", [{"article_weight": -1}, {"min_coverage": 1.5}, {"number_boost": "x"}]
)
def test_config_names_the_bad_value(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        RankingConfig(**kwargs)  # type: ignore[arg-type]


def test_the_ranking_tells_each_ranked_articles_part_of_the_score() -> None:
    ranker = build({10: WARSAW, 20: TEXAS})
    ranking = ranker.rank(["warsaw", "census"], 10)
    article_bm25 = ranker.articles.term_scores(["warsaw", "census"], [0, 1]).sum(axis=0)
    assert dict(ranking.articles) == {
        10: pytest.approx(2.0 * article_bm25[0]),
        20: pytest.approx(2.0 * article_bm25[1]),
    }
    # A matched sentence's score holds its article's part; "warsaw grew fast" matches one
    # term, rare in the base, common in its article.
    scores = dict(ranking.hits)
    assert scores[1] > ranking.articles[10]
