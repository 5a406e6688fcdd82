"""The BM25 index: oracle tests against rank_bm25, fast paths against the simple path."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np
import pytest
import rank_bm25
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import retrieval.bm25.segments as segments_module
from retrieval.index import BM25Index

CORPUS = [
    "the cat sat on the mat".split(),
    "the dog sat on the log".split(),
    "cats and dogs".split(),
    "a bird".split(),
    "the the the cat".split(),
    [],
]

ORACLES = [
    ("okapi", rank_bm25.BM25Okapi, {"k1": 1.5, "b": 0.75, "epsilon": 0.25}),
    ("okapi", rank_bm25.BM25Okapi, {"k1": 1.2, "b": 0.3, "epsilon": 0.5}),
    ("bm25l", rank_bm25.BM25L, {"k1": 1.5, "b": 0.75, "delta": 0.5}),
    ("bm25plus", rank_bm25.BM25Plus, {"k1": 1.5, "b": 0.75, "delta": 1.0}),
    ("bm25plus", rank_bm25.BM25Plus, {"k1": 0.9, "b": 0.9, "delta": 0.25}),
]

WORDS = st.sampled_from([f"w{i}" for i in range(12)])
DOCS = st.lists(st.lists(WORDS, max_size=8), min_size=1, max_size=40)
QUERIES = st.lists(
    st.lists(WORDS | st.just("unknown"), min_size=1, max_size=5), min_size=1, max_size=4
)


def simple_top(index: BM25Index, query: list[str], k: int) -> list[tuple[int, float]]:
    """The reference ranking: every score, sorted by score then id."""
    scores = index.get_scores(query)
    ranked = sorted((i for i in range(len(scores)) if scores[i] > 0), key=lambda i: (-scores[i], i))
    return [(i, float(scores[i])) for i in ranked[:k]]


def build(docs: list[list[str]], batches: int = 3, **params: object) -> BM25Index:
    """An index of ``docs`` added in ``batches``, each a segment of its own (small_segment=0),
    so that merging is exercised on tiny data."""
    index = BM25Index(**{"small_segment": 0, **params})  # type: ignore[arg-type]
    step = max(1, len(docs) // batches)
    for start in range(0, len(docs), step):
        index.add(docs[start : start + step])
    return index


ZERO = 1e-12
"""Scores this close to 0 are 0: Okapi's IDF floor is epsilon times a mean IDF that can itself
be 0, which rank_bm25's summation leaves at -7e-18 and ours at exactly 0 (hypothesis found it:
four documents, a term in three of them)."""


@pytest.mark.parametrize(("variant", "oracle", "params"), ORACLES)
def test_scores_equal_rank_bm25_on_a_small_corpus(
    variant: str, oracle: type, params: dict[str, float]
) -> None:
    index = build(CORPUS, variant=variant, **params)
    reference = oracle(CORPUS, **params)
    for query in (["cat"], ["the", "cat"], ["dog", "log", "dog"], ["bird", "unknown"], ["the"]):
        assert np.allclose(
            index.get_scores(query), reference.get_scores(query), rtol=1e-9, atol=ZERO
        )


@pytest.mark.parametrize(("variant", "oracle", "params"), ORACLES)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(docs=DOCS, queries=QUERIES, data=st.data())
def test_scores_equal_rank_bm25_after_adds_and_removes(
    variant: str,
    oracle: type,
    params: dict[str, float],
    docs: list[list[str]],
    queries: list[list[str]],
    data: st.DataObject,
) -> None:
    batches = data.draw(st.integers(1, 5))
    index = build(docs, batches, variant=variant, **params)
    if any(docs):
        reference = oracle(docs, **params)
        assert np.allclose(
            index.get_scores(queries[0]), reference.get_scores(queries[0]), rtol=1e-9, atol=ZERO
        )
    gone = data.draw(st.sets(st.integers(0, len(docs) - 1), max_size=len(docs) - 1))
    index.remove(sorted(gone))
    kept = [i for i in range(len(docs)) if i not in gone]
    survivors = [docs[i] for i in kept]
    if not any(survivors):
        return  # rank_bm25 divides by an average length of 0
    reference = oracle(survivors, **params)
    for query in queries:
        scores = index.get_scores(query)
        assert np.allclose(scores[kept], reference.get_scores(query), rtol=1e-9, atol=ZERO)
        assert not scores[sorted(gone)].any()
    assert len(index) == len(kept)


def test_lucene_idf_is_never_negative() -> None:
    index = build([["a", "b"], ["a"], ["a", "c"]])
    scores = index.get_scores(["a"])
    assert (scores > 0).all()
    # Lucene: idf = ln(1 + (3 - 3 + .5) / (3 + .5)); tf part for dl=1, avgdl=5/3.
    idf = np.log(1 + 0.5 / 3.5)
    assert scores[1] == pytest.approx(idf * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 1 / (5 / 3))))


def test_top_k_ranks_by_score_then_id() -> None:
    index = build(CORPUS)
    assert [doc for doc, _ in index.top_k(["cat"], 10)] == [4, 0]
    assert [doc for doc, _ in index.top_k(["sat", "the"], 10)] == [0, 1, 4]
    assert [doc for doc, _ in index.top_k(["sat"], 1)] == [0]  # 0 and 1 tie: smaller id
    assert index.top_k(["unknown"], 5) == []
    assert index.top_k(["cat"], 0) == []


def test_top_k_allowed_as_mask_or_ids() -> None:
    index = build(CORPUS)
    mask = np.zeros(len(CORPUS), dtype=bool)
    mask[[1, 4]] = True
    assert [doc for doc, _ in index.top_k(["the", "cat"], 5, allowed=mask)] == [4, 1]
    assert [doc for doc, _ in index.top_k(["the", "cat"], 5, allowed=np.array([1]))] == [1]
    assert index.top_k(["the"], 5, allowed=np.array([], dtype=np.int64)) == []


@settings(max_examples=60, deadline=None)
@given(docs=DOCS, queries=QUERIES, data=st.data())
def test_top_k_equals_sorting_all_scores(
    docs: list[list[str]], queries: list[list[str]], data: st.DataObject
) -> None:
    variant = data.draw(st.sampled_from(["lucene", "okapi", "bm25l", "bm25plus"]))
    index = build(docs, data.draw(st.integers(1, 6)), variant=variant)
    index.remove(data.draw(st.sets(st.integers(0, len(docs) - 1))))
    for query in queries:
        k = data.draw(st.integers(1, 12))
        assert index.top_k(query, k) == simple_top(index, query, k)
        allowed = np.array(
            data.draw(st.lists(st.booleans(), min_size=len(docs), max_size=len(docs))), dtype=bool
        )
        expected = [(i, s) for i, s in simple_top(index, query, len(docs)) if allowed[i]][:k]
        assert index.top_k(query, k, allowed=allowed) == expected


@settings(max_examples=30, deadline=None)
@given(docs=DOCS, extra=DOCS, queries=QUERIES)
def test_incremental_adds_rank_like_a_full_rebuild(
    docs: list[list[str]], extra: list[list[str]], queries: list[list[str]]
) -> None:
    index = build(docs, 4)
    index.add(extra)
    rebuilt = BM25Index(small_segment=0)
    rebuilt.add(docs + extra)
    for query in queries:
        assert index.top_k(query, 10) == rebuilt.top_k(query, 10)
        assert np.array_equal(index.get_scores(query), rebuilt.get_scores(query))


@settings(max_examples=40, deadline=None)
@given(docs=DOCS, extra=DOCS, queries=QUERIES, data=st.data())
def test_optimize_merges_into_one_segment_and_changes_no_score(
    docs: list[list[str]], extra: list[list[str]], queries: list[list[str]], data: st.DataObject
) -> None:
    index = build(docs, data.draw(st.integers(2, 6)))
    index.remove(data.draw(st.sets(st.integers(0, len(docs) - 1))))
    before = [(index.get_scores(q), index.top_k(q, 5)) for q in queries]
    segments = index.segment_count
    assert index.optimize() is (segments > 1)
    assert index.segment_count == 1
    for query, (scores, top) in zip(queries, before, strict=True):
        assert np.array_equal(index.get_scores(query), scores)
        assert index.top_k(query, 5) == top
    # It goes on working as an index: adds and removes after it rank like a rebuild.
    index.add(extra)
    gone = data.draw(st.sets(st.integers(0, len(docs) + len(extra) - 1)))
    index.remove(gone)
    for query in queries:
        assert index.top_k(query, 10) == simple_top(index, query, 10)


def test_optimize_keeps_what_is_added_while_it_merges() -> None:
    index = build(CORPUS, 3, merge_ratio=0)  # adds never merge
    assert index.segment_count == 3
    merge = segments_module.merge

    def add_meanwhile(*args: object) -> object:
        index.add([["cat", "late"]])
        return merge(*args)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segments_module, "merge", add_meanwhile)
        assert index.optimize() is True
    assert index.segment_count == 2
    rebuilt = BM25Index(small_segment=0)
    rebuilt.add([*CORPUS, ["cat", "late"]])
    assert index.top_k(["cat", "late"], 10) == rebuilt.top_k(["cat", "late"], 10)
    assert index.top_k(["late"], 10) == [(6, rebuilt.top_k(["late"], 1)[0][1])]


def test_optimize_gives_way_to_a_remove_that_rewrote_a_segment() -> None:
    index = build(CORPUS, 3, merge_ratio=0)  # adds never merge
    assert index.segment_count == 3
    merge = segments_module.merge
    calls = 0

    def remove_meanwhile(*args: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 1:  # the optimize's own merge: a remove kills a whole segment meanwhile
            index.remove([0, 1])
        return merge(*args)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segments_module, "merge", remove_meanwhile)
        assert index.optimize() is False
    assert index.segment_count == 3
    assert index.top_k(["sat"], 10) == simple_top(index, ["sat"], 10)
    assert [doc for doc, _ in index.top_k(["sat"], 10)] == []
    assert index.optimize() is True
    assert index.segment_count == 1


def test_optimize_on_one_segment_does_nothing() -> None:
    index = BM25Index(small_segment=0)
    assert index.optimize() is False
    index.add(CORPUS)
    assert index.segment_count == 1
    assert index.optimize() is False


def test_remove_is_as_if_never_added() -> None:
    index = build(CORPUS)
    index.remove([0, 2])
    index.remove([0])  # twice is harmless
    fresh = BM25Index(small_segment=0)
    fresh.add([CORPUS[i] for i in (1, 3, 4, 5)])
    assert len(index) == 4
    for query in (["cat"], ["the", "dog"], ["bird"]):
        assert np.allclose(
            index.get_scores(query)[[1, 3, 4, 5]], fresh.get_scores(query), rtol=1e-12
        )
    assert index.add([["cat"]]) == range(6, 7)


def test_add_returns_consecutive_ids() -> None:
    index = BM25Index(small_segment=0)
    assert index.add([["a"], ["b"]]) == range(0, 2)
    assert index.add([]) == range(2, 2)
    assert index.add([["c"]]) == range(2, 3)
    assert len(index) == 3
    assert len(index.get_scores([])) == 3


def test_bad_arguments_are_named() -> None:
    with pytest.raises(ValueError, match="variant must be one of"):
        BM25Index(variant="bm26")
    with pytest.raises(ValueError, match="b must be"):
        BM25Index(b=2)
    with pytest.raises(ValueError, match="small_segment must be a whole number"):
        BM25Index(small_segment=0.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_dead_share must be a number from 0 to 1"):
        BM25Index(max_dead_share=2)
    index = build(CORPUS)
    with pytest.raises(TypeError, match="document 1 must be a sequence of terms"):
        index.add([["ok"], "not tokens"])
    with pytest.raises(ValueError, match="no document has id 99"):
        index.remove([99])
    with pytest.raises(ValueError, match="not -1"):
        index.remove([-1])
    with pytest.raises(ValueError, match="k must be"):
        index.top_k(["cat"], -1)
    with pytest.raises(TypeError, match="query must be a sequence"):
        index.get_scores("cat")  # type: ignore[arg-type]


@pytest.mark.parametrize("variant", ["lucene", "okapi", "bm25l", "bm25plus"])
def test_save_and_load_round_trip(tmp_path: Path, variant: str) -> None:
    index = build(CORPUS, variant=variant, k1=1.1, b=0.5)
    index.remove([2])
    index.save(tmp_path / "index")
    loaded = BM25Index.load(tmp_path / "index")
    assert (loaded.variant, loaded.k1, loaded.b, len(loaded)) == (variant, 1.1, 0.5, 5)
    for query in (["cat"], ["the", "dog"], ["cats"]):
        assert np.array_equal(loaded.get_scores(query), index.get_scores(query))
    # A loaded index keeps changing like the original.
    for changed in (index, loaded):
        changed.add([["cat", "cats"], ["dog"]])
        changed.remove([0])
    assert loaded.top_k(["cat", "dog"], 10) == index.top_k(["cat", "dog"], 10)


def test_save_replaces_the_previous_snapshot_atomically(tmp_path: Path) -> None:
    target = tmp_path / "index"
    index = build(CORPUS)
    index.save(target)
    (target / "other.npy").write_bytes(b"owned by the caller")
    index.add([["new"]])
    index.save(target)
    data_folders = [p.name for p in target.iterdir() if p.name.startswith("bm25-")]
    header = json.loads((target / "bm25.json").read_text())
    assert data_folders == [header["data"]]
    assert (target / "other.npy").exists()
    assert BM25Index.load(target).top_k(["new"], 1) == index.top_k(["new"], 1)


def test_a_half_written_save_leaves_the_old_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "index"
    index = build(CORPUS)
    index.save(target)
    index.add([["new"]])

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(json, "dumps", killed)
    with pytest.raises(KeyboardInterrupt):
        index.save(target)
    monkeypatch.undo()
    assert len(BM25Index.load(target)) == len(CORPUS)
    assert [p.name for p in target.iterdir() if p.name.endswith(".tmp")] == []


def test_load_rejects_what_is_not_an_index(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        BM25Index.load(tmp_path / "missing")
    (tmp_path / "bm25.json").write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        BM25Index.load(tmp_path)
    build(CORPUS).save(tmp_path)
    header = json.loads((tmp_path / "bm25.json").read_text())
    (tmp_path / "bm25.json").write_text(json.dumps({**header, "version": 99}))
    with pytest.raises(ValueError, match="version 99"):
        BM25Index.load(tmp_path)


def test_queries_never_see_half_an_add() -> None:
    """Each batch adds `batch` docs with the term "m"; a query must see whole batches only."""
    batch = 50
    index = BM25Index(small_segment=0)
    index.add([["seed"]])
    stop = threading.Event()
    seen: list[int] = []

    def query() -> None:
        while not stop.is_set():
            hits = index.top_k(["m"], 10_000)
            seen.append(len(hits))
            scores = index.get_scores(["m"])
            seen.append(int((scores > 0).sum()))

    readers = [threading.Thread(target=query) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for n in range(40):
            index.add([["m", f"t{n}", f"u{i}"] for i in range(batch)])
            if n % 7 == 3:
                index.remove(range(1 + n * batch, 1 + (n + 1) * batch))
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert seen
    assert all(count % batch == 0 for count in seen)


@pytest.mark.parametrize("variant", ["lucene", "okapi", "bm25l"])
def test_pruned_top_k_equals_sorting_on_a_zipf_corpus(variant: str) -> None:
    """Large enough that MaxScore stops early and prunes; still exactly the simple ranking."""
    rng = np.random.default_rng(7)
    p = 1.0 / (np.arange(1, 3001) + 5.0) ** 1.1
    words = np.array([f"w{i}" for i in range(3000)], dtype=object)
    lengths = rng.integers(1, 25, 4000)
    docs = [words[rng.choice(3000, size=n, p=p / p.sum())].tolist() for n in lengths]
    index = build(docs, 7, variant=variant)
    index.remove(rng.choice(4000, 300, replace=False).tolist())
    allowed = rng.random(4000) < 0.5
    for _ in range(60):
        source = docs[int(rng.integers(4000))]
        query = [source[int(i)] for i in rng.integers(0, len(source), 5)]
        query += words[rng.choice(3000, size=3, p=p / p.sum())].tolist()
        for k in (1, 3, 10):
            assert index.top_k(query, k) == simple_top(index, query, k)
        expected = [(i, s) for i, s in simple_top(index, query, 4000) if allowed[i]][:5]
        assert index.top_k(query, 5, allowed=allowed) == expected


@settings(max_examples=40, deadline=None)
@given(
    docs=st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=8), min_size=1, max_size=30),
    query=st.lists(st.sampled_from("abcdefghz"), min_size=1, max_size=5),
    variant=st.sampled_from(["lucene", "okapi", "bm25l", "bm25plus"]),
    data=st.data(),
)
def test_term_scores_are_get_scores_split_by_term(
    docs: list[list[str]], query: list[str], variant: str, data: st.DataObject
) -> None:
    index = BM25Index(variant=variant, b=0.9, small_segment=0)
    half = len(docs) // 2
    index.add(docs[:half])
    index.add(docs[half:])
    gone = data.draw(st.lists(st.integers(0, len(docs) - 1), max_size=3, unique=True))
    index.remove(gone)
    ids = np.array(data.draw(st.lists(st.integers(0, len(docs) - 1), max_size=10)), dtype=np.int64)
    matrix = index.term_scores(query, ids)
    assert matrix.shape == (len(query), len(ids))
    np.testing.assert_allclose(matrix.sum(axis=0), index.get_scores(query)[ids], rtol=1e-12, atol=0)
