"""Answers by meaning: the reranker, the stored sentence embeddings and their nearest neighbours.

Sentence embeddings are computed once, at ingest or in a background thread, and stored with
the sentences (int8, :mod:`retrieval.vectors`); a question then costs one embedding. BM25's
hits are reranked by meaning (:func:`retrieval.rerank.fuse`), and when BM25 covers little of
the question the sentences nearest in meaning join them — how a question in one language
finds an answer in an article in another.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from retrieval.answer_types import expected_answer, prefer_expected
from retrieval.errors import NewsdeskError
from retrieval.records import Progress
from retrieval.rerank import (
    CROSS_MEANING,
    DENSE_BELOW,
    DENSE_DEPTH,
    DEPTH,
    Reranker,
    context_of,
    coverage_with_meaning,
    fuse,
    pooled_articles,
)
from retrieval.store import ArticleCache, Store, StoredSentence
from retrieval.vectors import VectorIndex, dequantise, quantise, stack

log = logging.getLogger(__name__)


class Meaning:
    """The reranker over a store's sentences, with their embeddings kept up to date.

    ``lock`` is the answer base's: the store and the nearest-neighbour index are read under
    it, the model runs outside it (adds and other questions go on).
    """

    def __init__(self, reranker: Reranker, store: Store, lock: threading.RLock) -> None:
        self.reranker = reranker
        self._store = store
        self._lock = lock
        self._embedder: Reranker | None = None  # the reranker's twin for embed_pending
        self._vectors: VectorIndex | None = None  # built on the first question that needs it
        self._background: threading.Thread | None = None
        self._stopping = threading.Event()
        self._added = threading.Event()  # wakes the background embedding

    def use(self, reranker: Reranker) -> None:
        """Rank with another model from the next question on (its twin is made when needed)."""
        self.reranker = reranker
        self._embedder = None

    def rerank(
        self,
        question: str,
        language: str,
        coverage: float,
        min_coverage: float,
        hits: list[tuple[int, float]],
        rows: dict[int, StoredSentence],
        articles: ArticleCache,
        allowed: set[int] | None = None,
        article_scores: Mapping[int, float] | None = None,
    ) -> list[tuple[int, float]] | None:
        """BM25's hits ``(sid, score)`` reranked by meaning, with the sentences nearest in
        meaning when BM25 covered little of the question; None when nothing answers it.
        Among them, sentences in the question's language that hold the kind of answer it asks
        for (a name, a place, a date, a stretch of time) are preferred
        (:mod:`retrieval.answer_types`).

        ``rows`` gains the rows of the sentences found by meaning alone (of the articles in
        ``allowed`` when it is given: a date filter) and of the pooled articles' sentences
        (:data:`retrieval.rerank.ARTICLES`), which start from their article's part of the BM25
        score in ``article_scores``.
        """
        query = self.reranker.embed_query(question)
        head = [sid for sid, _ in hits[:DEPTH]]
        proposed = {sid for sid, _ in hits}
        stored: dict[int, bytes] = {}  # the nearest sentences' vectors, read once
        extra = []
        if coverage < DENSE_BELOW:
            nearest = self._nearest(query, DENSE_DEPTH, stored)
            extra = [sid for sid, _ in nearest if sid not in proposed]
        with self._lock:
            rows.update(self._store.sentence_rows([sid for sid in extra if sid not in rows]))
            extra = [
                sid
                for sid in extra
                if sid in rows and (allowed is None or rows[sid].article in allowed)
            ]
            stored |= self._store.sentence_vectors([sid for sid in head if sid not in stored])
            texts = [articles.text(rows[sid]) for sid in head + extra]
            article_of = {sid: rows[sid].article for sid in head}
            pooled = self._store.article_vectors(pooled_articles(hits[:DEPTH], article_of))
            rows.update((row.sid, row) for row, _ in pooled if row.sid not in rows)
        known = [dequantise(stored[sid]) if sid in stored else None for sid in head + extra]
        similarities = self.reranker.similarities(question, texts, known, query=query)
        near, far = similarities[: len(head)], similarities[len(head) :]
        answered = bool(head) and coverage_with_meaning(coverage, near) >= min_coverage
        across = any(
            similarity >= CROSS_MEANING
            and (article := articles.get(rows[sid].article)) is not None
            and article.language != language
            for sid, similarity in zip(head + extra, similarities, strict=True)
        )
        if not (answered or across):
            return None
        context = context_of(pooled, query, article_scores or {})
        ranked = fuse(hits, near, extra, far, coverage, context=context)
        expected = expected_answer(question, language)
        if expected is None:
            return ranked

        def holds(sid: int) -> bool:
            article = articles.get(rows[sid].article)
            return article is not None and expected.found_in(
                articles.text(rows[sid]), article.language
            )

        with self._lock:
            return prefer_expected(ranked, holds)

    def _nearest(
        self, query: npt.NDArray[np.float32], k: int, vectors: dict[int, bytes]
    ) -> list[tuple[int, float]]:
        """The ``k`` sentences whose stored embeddings are closest to ``query``, with cosines;
        ``vectors`` gains their stored vectors (the reranker reads them next)."""
        with self._lock:
            if self._vectors is None or self._vectors.stale:
                index = VectorIndex()
                for batch in self._store.iter_vectors():
                    index.add([sid for sid, _ in batch], stack([blob for _, blob in batch]))
                self._vectors = index
            candidates = self._vectors.candidates(query, 10 * k)
            stored = self._store.sentence_vectors(candidates)
        found = [sid for sid in candidates if sid in stored]
        cosines = stack([stored[sid] for sid in found]) @ query if found else np.zeros(0)
        scored = sorted(zip(found, map(float, cosines), strict=True), key=lambda item: -item[1])
        vectors.update((sid, stored[sid]) for sid, _ in scored[:k])
        return scored[:k]

    def forget(self, sids: Sequence[int]) -> None:
        """Sentences removed from the store (call under the lock)."""
        if sids and self._vectors is not None:
            self._vectors.remove(sids)

    def reset(self) -> None:
        """The store was rebuilt or changed by another process: read the vectors again."""
        self._vectors = None

    # -- embeddings computed once, at ingest ----------------------------------------------

    def pending(self) -> int:
        """Sentences with no stored embedding yet."""
        return self._store.count_without_vectors()

    def added(self) -> None:
        """New sentences were stored: wake the background embedding."""
        self._added.set()

    def embed_pending(
        self,
        progress: Progress | None = None,
        *,
        batch: int = 16,
        stop: threading.Event | None = None,
    ) -> int:
        """Embed the sentences that have no stored embedding yet; return how many were done.

        Each batch is stored as it is done, so an interrupted run keeps its work. Runs on the
        reranker's second instance: questions do not wait for it.
        """
        if self._embedder is None:
            self._embedder = self.reranker.another()
        total, done = self._store.count_without_vectors(), 0
        while not (stop is not None and stop.is_set()):
            rows = self._store.sentences_without_vectors(batch)
            if not rows:
                break
            vectors = self._embedder.embed([text for _, text in rows])
            self._store.set_vectors(
                [(sid, blob) for (sid, _), blob in zip(rows, quantise(vectors), strict=True)]
            )
            with self._lock:
                if self._vectors is not None:
                    self._vectors.add([sid for sid, _ in rows], vectors)
            done += len(rows)
            if progress:
                progress(min(done, total), total)
        return done

    def embed_in_background(self) -> None:
        """Keep embedding new sentences in a thread of their own until :meth:`stop`."""
        if self._background is not None:
            return

        def work() -> None:
            while not self._stopping.is_set():
                try:
                    if self.embed_pending(stop=self._stopping):
                        log.info("sentence embeddings stored; %d to go", self.pending())
                except NewsdeskError as err:
                    log.warning("sentence embeddings paused: %s", err)
                self._added.wait(timeout=60.0)
                self._added.clear()

        self._background = threading.Thread(target=work, name="embeddings", daemon=True)
        self._background.start()

    def stop(self) -> None:
        """Stop the background embedding (a batch is a few seconds at most)."""
        if self._background is not None:
            self._stopping.set()
            self._added.set()
            self._background.join(timeout=30.0)
