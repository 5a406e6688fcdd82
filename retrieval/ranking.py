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

The no-answer decision uses the IDF-weighted share of the question's terms that the best
sentence and its article contain together (:attr:`Ranking.coverage`, 0..1); below
``min_coverage`` the answer is "not found". Terms that occur nowhere in the base count against
coverage with the highest IDF, so a question about something never reported is not answered
from a sentence that merely shares its common words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.index import BM25Index

_NUMBER_QUESTION = re.compile(
    r"\b(?:how\s+(?:many|much|long|old|far|often|large|big|tall|high)|when|what\s+(?:year|"
    r"percentage|percent|number|date|amount|decade|century)|which\s+year|in\s+what\s+year"
    r"|сколько|когда|в\s+как\w+\s+(?:году|годах|веке)|как\w+\s+(?:процент|числ|дат|сумм)\w*"
    r"|как\s+долго|скільки|коли|в\s+як\w+\s+(?:році|роках|столітті))\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class RankingConfig:
    """The few parameters of the ranking; defaults were tuned on English, checked on Russian."""

    article_weight: float = 1.0
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


def expects_number(question: str) -> bool:
    """Whether the question asks for a number, a date or an amount."""
    return _NUMBER_QUESTION.search(question) is not None


def lucene_idf(n: int | np.ndarray, df: int | np.ndarray) -> np.ndarray:
    """Lucene's BM25 IDF, ``ln(1 + (n - df + 0.5) / (df + 0.5))``, element-wise."""
    n_ = np.asarray(n, dtype=np.float64)
    df_ = np.asarray(df, dtype=np.float64)
    return np.log1p((n_ - df_ + 0.5) / (df_ + 0.5))


class Ranker:
    """Two-level ranking over a sentence index, with a calibrated no-answer decision.

    The caller owns the sentence index and tells the ranker which article each new sentence
    doc belongs to (:meth:`add`) and which docs were removed (:meth:`remove`); the ranker
    keeps the article index and the per-sentence data it needs, and saves them with
    :meth:`save`.
    """

    def __init__(self, sentences: BM25Index, config: RankingConfig | None = None) -> None:
        self.sentences = sentences
        self.config = config or RankingConfig()
        self.articles = BM25Index()
        self._slot = np.zeros(0, dtype=np.int64)  # sentence doc -> article doc (-1: removed)
        self._number = np.zeros(0, dtype=bool)  # sentence doc has a number term
        self._slot_key = np.zeros(0, dtype=np.int64)  # article doc -> caller's article key

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
        groups: list[tuple[int, list[str]]] = []
        slots = np.empty(len(docs), dtype=np.int64)
        for i, (key, words) in enumerate(zip(keys, terms, strict=True)):
            if not groups or groups[-1][0] != key:
                groups.append((key, []))
            groups[-1][1].extend(words)
            slots[i] = len(self._slot_key) + len(groups) - 1
        self.articles.add([words for _, words in groups])
        self._slot_key = np.concatenate([self._slot_key, [key for key, _ in groups]])
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
        live = np.isin(slots, self._slot)
        self.articles.remove(int(s) for s in slots[~live])

    def rank(self, terms: Sequence[str], k: int, *, question: str = "") -> Ranking:
        """The ``k`` best sentence docs for the analysed question ``terms``, best first."""
        unique = list(dict.fromkeys(terms))
        n_docs = len(self._slot)
        total = np.zeros(n_docs)
        live = self._slot >= 0
        if not unique or not live.any():
            return Ranking((), 0.0, False)
        n_live = int(live.sum())
        n_slots = len(self._slot_key)
        slot = np.where(live, self._slot, 0)
        per_article = np.bincount(slot[live], minlength=n_slots)
        covered = np.zeros(n_docs)
        idf_sum = 0.0
        for term in unique:
            scores = self.sentences.get_scores([term])[:n_docs]
            matched = np.flatnonzero(scores > 0)
            idf = float(lucene_idf(n_live, len(matched)))
            idf_sum += idf
            if not len(matched):
                continue
            in_article = np.zeros(n_slots, dtype=bool)
            in_article[slot[matched]] = True
            covered += idf * in_article[slot]
            if self.config.local_idf:
                df = np.bincount(slot[matched], minlength=n_slots)
                scale = lucene_idf(per_article, df) / lucene_idf(per_article, 1)
                total[matched] += scores[matched] * scale[slot[matched]]
            else:
                total[matched] += scores[matched]
        if not total.any():
            return Ranking((), 0.0, False)
        if self.config.article_weight:
            article_scores = self.articles.get_scores(unique)[:n_slots]
            candidates = np.flatnonzero(total > 0)
            total[candidates] += self.config.article_weight * article_scores[slot[candidates]]
        if self.config.number_boost and question and expects_number(question):
            self._boost_numbers(total, question)
        total[~live] = 0.0
        hits = _top(total, k)
        coverage = float(covered[hits[0][0]]) / idf_sum if hits and idf_sum > 0 else 0.0
        return Ranking(tuple(hits), coverage, coverage >= self.config.min_coverage)

    def _boost_numbers(self, total: np.ndarray, question: str) -> None:
        if set(re.findall(r"\d+", question)):
            # A question that names a number ("in 1901") gets no boost for repeating it.
            return
        candidates = np.flatnonzero((total > 0) & self._number[: len(total)])
        total[candidates] *= 1.0 + self.config.number_boost

    def save(self, directory: Path) -> None:
        """Write the article index and the per-sentence arrays under ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        self.articles.save(directory / "articles")
        np.save(directory / "slot.npy", self._slot)
        np.save(directory / "number.npy", self._number)
        np.save(directory / "slot_key.npy", self._slot_key)

    @classmethod
    def load(
        cls, directory: Path, sentences: BM25Index, config: RankingConfig | None = None
    ) -> Ranker:
        """Read what :meth:`save` wrote; raises OSError or ValueError when it is unusable."""
        ranker = cls(sentences, config)
        ranker.articles = BM25Index.load(directory / "articles")
        ranker._slot = np.load(directory / "slot.npy")
        ranker._number = np.load(directory / "number.npy")
        ranker._slot_key = np.load(directory / "slot_key.npy")
        total_docs = len(sentences.get_scores([]))  # live and removed ids alike
        if not len(ranker._slot) == len(ranker._number) == total_docs:
            raise ValueError("the ranking snapshot does not match the sentence index")
        return ranker


def _top(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k best positive scores as (id, score), best first, ties by smaller id."""
    positive = np.flatnonzero(scores > 0)
    if len(positive) > k:
        cut = np.argpartition(-scores[positive], k - 1)[:k]
        threshold = scores[positive[cut]].min()
        positive = positive[scores[positive] >= threshold]
    order = np.lexsort((positive, -scores[positive]))[:k]
    return [(int(i), float(scores[i])) for i in positive[order]]
