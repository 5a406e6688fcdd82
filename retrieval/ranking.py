"""Ranking beyond plain BM25: which article, then which sentence, and when to say "not found".

Plain sentence BM25 judges each sentence alone. A news question is usually about one article
and asks for one fact in it, so the :class:`Ranker` scores in two levels:

1. **Which article.** A second BM25 index holds every article as one document; its score for
   the question is added to each of the article's sentences (``article_weight``). A sentence
   that mentions only the detail asked about still ranks high when its article is about the
   question's topic.
2. **Which sentence in it.** Each question term's sentence score is scaled by how rare the
   term is *inside the sentence's own article* (a local IDF, 1 for a term in one sentence,
   near 0 for a term in all of them). "Warsaw" in an article on Warsaw tells which article,
   not which sentence; "1901" tells which sentence.

Questions that ask for a number ("how many", "when", "сколько", "коли") prefer, by a factor of
``number_boost``, sentences with a number the question does not contain.

The no-answer decision uses the IDF-weighted share of the question's terms found, averaged
over two places: the best sentence's article, and the best sentence with its neighbours
(:attr:`Ranking.coverage`, 0..1); below ``min_coverage`` the answer is "not found". An article
that mentions every term somewhere but nowhere near the best sentence is half a match (on
XQuAD with the question's own paragraph removed, this says "not found" 3 points more often
than the article alone, at the same rate on answerable questions). Terms that occur nowhere
in the base count against coverage with the highest IDF, so a question about something never
reported is not answered from a sentence that merely shares its common words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from retrieval.answer_types import expects_number
from retrieval.index import BM25Index, lucene_idf, top_scores

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class RankingConfig:
    """The few parameters of the ranking; defaults were tuned on English, checked on Russian."""

    article_weight: float = 2.0
    """How much the article's BM25 counts beside the sentence's.

    Choosing the article matters more the more articles compete: on XQuAD (English) with
    100,000 generated distractor articles P@1 is .651 at 1.0, .685 at 2.0, .693 at 3.0; with
    5,000, en/ru .701/.713, .734/.726, .737/.730; with none, .777/.764, .775/.759, .771/.757.
    2.0 takes most of the gain where bases are large and costs little where they are small."""
    local_idf: bool = True
    number_boost: float = 0.2
    min_coverage: float = 0.35

    def __post_init__(self) -> None:
        for name in ("article_weight", "number_boost", "min_coverage"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or value < 0:
                raise ValueError(f"{name} must be a number >= 0, not {value!r}")
        if self.min_coverage > 1:
            raise ValueError(f"min_coverage must be from 0 to 1, not {self.min_coverage!r}")


@dataclass(frozen=True, slots=True)
class Ranking:
    """Ranked sentence docs (best first) and how much of the question the best one covers."""

    hits: tuple[tuple[int, float], ...]
    coverage: float
    found: bool
    articles: Mapping[int, float] = field(default_factory=dict)
    """The article-level part of a sentence's score (``article_weight`` × the article's BM25),
    by article key, for the articles ranked: what a sentence of the article that shares no
    word with the question would start from (see :mod:`retrieval.rerank`)."""


class Ranker:
    """Two-level ranking over a sentence index, with a calibrated no-answer decision.

    The caller owns the sentence index and tells the ranker which article each new sentence
    doc belongs to (:meth:`add`) and which docs were removed (:meth:`remove`); the ranker
    keeps the article index and the per-sentence data it needs, and saves them with
    :meth:`save`.

    Ranking is sparse, so its cost does not grow with the base: plain BM25 (MaxScore
    ``top_k``) proposes ``candidates`` sentences and the article index ``articles`` articles;
    the two-level features are computed for the sentences of those articles only.
    """

    candidates = 20
    """Sentences plain BM25 proposes before reranking (at least the ``k`` asked for).

    More buy nothing: on XQuAD with 200,000 generated distractor articles (948k sentences)
    200 proposed sentences and 30 articles gave the same P@1 (.587) as 20 and 10, and took
    a third longer (``tests/benchmarks/answers_speed.py``)."""
    candidate_articles = 10
    """Articles the article-level BM25 proposes (without them P@1 falls to .573 there)."""
    max_articles = 120
    """Articles whose sentences are reranked at most (the best by article score)."""

    def __init__(
        self,
        sentences: BM25Index,
        config: RankingConfig | None = None,
        *,
        articles: BM25Index | None = None,
    ) -> None:
        self.sentences = sentences
        self.config = config or RankingConfig()
        self.articles = articles if articles is not None else BM25Index()
        """The article index (each article one document); an empty one by default."""
        self._slot = np.zeros(0, dtype=np.int64)  # sentence doc -> article doc (-1: removed)
        self._number = np.zeros(0, dtype=bool)  # sentence doc has a number term
        self._slot_key = np.zeros(0, dtype=np.int64)  # article doc -> caller's article key
        self._first = np.zeros(0, dtype=np.int64)  # article doc -> its first sentence doc
        self._count = np.zeros(0, dtype=np.int64)  # article doc -> its number of sentence docs

    def add(self, docs: Sequence[int], keys: Sequence[int], terms: Sequence[Sequence[str]]) -> None:
        """Record new sentence docs (already added to the sentence index) and their articles.

        ``keys`` names each doc's article (any int, e.g. a database rowid); the docs of one
        article must come together, in text order.
        """
        if not len(docs) == len(keys) == len(terms):
            raise ValueError("docs, keys and terms must have the same length")
        if not docs:
            return
        first = int(docs[0])
        if first != len(self._slot) or list(docs) != list(range(first, first + len(docs))):
            raise ValueError(f"sentence docs must continue from {len(self._slot)}, got {first}")
        groups: list[tuple[int, int, list[str]]] = []  # key, first doc, words
        slots = np.empty(len(docs), dtype=np.int64)
        for i, (key, words) in enumerate(zip(keys, terms, strict=True)):
            if not groups or groups[-1][0] != key:
                groups.append((key, first + i, []))
            groups[-1][2].extend(words)
            slots[i] = len(self._slot_key) + len(groups) - 1
        self.articles.add([words for _, _, words in groups])
        starts = np.array([start for _, start, _ in groups], dtype=np.int64)
        ends = np.append(starts[1:], first + len(docs))
        self._slot_key = np.concatenate([self._slot_key, [key for key, _, _ in groups]])
        self._first = np.concatenate([self._first, starts])
        self._count = np.concatenate([self._count, ends - starts])
        self._slot = np.concatenate([self._slot, slots])
        numbers = [any(_DIGIT.search(word) for word in words) for words in terms]
        self._number = np.concatenate([self._number, np.array(numbers, dtype=bool)])

    def remove(self, docs: Iterable[int]) -> None:
        """Forget removed sentence docs; an article goes when its sentences go."""
        ids = np.fromiter(docs, dtype=np.int64)
        if not len(ids):
            return
        slots = np.unique(self._slot[ids])
        slots = slots[slots >= 0]
        self._slot[ids] = -1
        for slot in slots:
            span = self._slot[self._first[slot] : self._first[slot] + self._count[slot]]
            if not (span >= 0).any():
                self.articles.remove([int(slot)])

    def rank(
        self,
        terms: Sequence[str],
        k: int,
        *,
        question: str = "",
        keys: npt.NDArray[np.int64] | None = None,
    ) -> Ranking:
        """The ``k`` best sentence docs for the analysed question ``terms``, best first.

        With ``keys``, only sentences of those articles (a date filter): both indexes search
        among those articles alone, so an article of the period is found however many others
        outrank it.
        """
        unique = list(dict.fromkeys(terms))
        if not unique or not len(self.sentences) or (keys is not None and not len(keys)):
            return Ranking((), 0.0, False)
        allowed_slots = allowed_docs = None
        if keys is not None:
            allowed_slots = np.isin(self._slot_key, keys)
            allowed_docs = np.zeros(len(self._slot), dtype=bool)
            kept = self._slot >= 0
            allowed_docs[kept] = allowed_slots[self._slot[kept]]
        proposed = self.sentences.top_k(unique, max(self.candidates, k), allowed=allowed_docs)
        if not proposed:
            return Ranking((), 0.0, False)
        article_hits = self.articles.top_k(unique, self.candidate_articles, allowed=allowed_slots)
        slots = self._candidate_slots(proposed, article_hits)
        docs = np.concatenate(
            [np.arange(self._first[s], self._first[s] + self._count[s]) for s in slots]
        )
        docs = docs[self._slot[docs] >= 0]
        column = np.searchsorted(slots, self._slot[docs])  # each doc's article position
        matrix = self.sentences.term_scores(unique, docs)
        present = matrix > 0
        n_live = len(self.sentences)
        idf = lucene_idf(n_live, self.sentences.document_frequencies(unique))
        sentences_per_article = np.bincount(column, minlength=len(slots))
        in_article = np.zeros((len(unique), len(slots)), dtype=bool)
        total = np.zeros(len(docs))
        for row in range(len(unique)):
            hits = present[row]
            df = np.bincount(column[hits], minlength=len(slots))
            in_article[row] = df > 0
            if self.config.local_idf:
                scale = lucene_idf(sentences_per_article, df) / lucene_idf(sentences_per_article, 1)
                total += matrix[row] * scale[column]
            else:
                total += matrix[row]
        article_part = np.zeros(len(slots))
        if self.config.article_weight:
            article_part = self.config.article_weight * self.articles.term_scores(
                unique, slots
            ).sum(axis=0)
            matched = total > 0
            total[matched] += article_part[column[matched]]
        if self.config.number_boost and question and expects_number(question):
            self._boost_numbers(total, docs, question)
        order = top_scores(total, k)
        hits = tuple((int(docs[i]), score) for i, score in order)
        if not hits:
            return Ranking((), 0.0, False)
        idf_sum = float(idf.sum())
        best = order[0][0]
        around = present[:, best].copy()  # the best sentence and its neighbours
        for near in (best - 1, best + 1):
            # docs run in text order per article: a neighbour is the next or previous id there
            if (
                0 <= near < len(docs)
                and column[near] == column[best]
                and abs(int(docs[near]) - int(docs[best])) == 1
            ):
                around |= present[:, near]
        covered = float(idf[in_article[:, column[best]]].sum()) + float(idf[around].sum())
        coverage = covered / 2 / idf_sum if idf_sum > 0 else 0.0
        articles = {
            int(key): float(part)
            for key, part in zip(self._slot_key[slots], article_part, strict=True)
        }
        return Ranking(hits, coverage, coverage >= self.config.min_coverage, articles)

    def _candidate_slots(
        self,
        proposed: Sequence[tuple[int, float]],
        article_hits: Sequence[tuple[int, float]],
    ) -> npt.NDArray[np.int64]:
        """The articles to rerank: those of the proposed sentences and the best articles."""
        by_sentences = self._slot[np.array([doc for doc, _ in proposed], dtype=np.int64)]
        ranked = list(dict.fromkeys([int(s) for s, _ in article_hits] + by_sentences.tolist()))
        chosen = np.array([s for s in ranked if s >= 0][: self.max_articles], dtype=np.int64)
        return np.unique(chosen)

    def _boost_numbers(
        self, total: npt.NDArray[np.float64], docs: npt.NDArray[np.int64], question: str
    ) -> None:
        if set(re.findall(r"\d+", question)):
            # A question that names a number ("in 1901") gets no boost for repeating it.
            return
        boosted = (total > 0) & self._number[docs]
        total[boosted] *= 1.0 + self.config.number_boost

    def save(self, directory: Path) -> None:
        """Write the article index and the per-sentence arrays under ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        self.articles.save(directory / "articles")
        for name in ("slot", "number", "slot_key", "first", "count"):
            np.save(directory / f"{name}.npy", getattr(self, f"_{name}"))

    @classmethod
    def load(
        cls, directory: Path, sentences: BM25Index, config: RankingConfig | None = None
    ) -> Ranker:
        """Read what :meth:`save` wrote; raises OSError or ValueError when it is unusable."""
        ranker = cls(sentences, config)
        ranker.articles = BM25Index.load(directory / "articles")
        for name in ("slot", "number", "slot_key", "first", "count"):
            setattr(ranker, f"_{name}", np.load(directory / f"{name}.npy"))
        total_docs = len(sentences.get_scores([]))  # live and removed ids alike
        if not len(ranker._slot) == len(ranker._number) == total_docs:
            raise ValueError("the ranking snapshot does not match the sentence index")
        if not len(ranker._first) == len(ranker._count) == len(ranker._slot_key):
            raise ValueError("the ranking snapshot does not match its article index")
        return ranker
