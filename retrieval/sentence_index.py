"""The sentence index: BM25 over the answer base's sentences, ranked in two levels.

It owns the three things that must change together — the sentence :class:`BM25Index`, the
:class:`Ranker` with its article index, and the map from the index's docs to the database's
sentence ids (``sid``) — and their snapshot on disk. Outside it, sentences are known by
``sid`` and articles by ``rowid`` alone (see :mod:`retrieval.records`).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from retrieval.bm25.segments import MergePolicy
from retrieval.index import BM25Index
from retrieval.ranking import Ranker, Ranking
from retrieval.records import RetrievalConfig

IndexRow = tuple[int, int, Sequence[str]]
"""A sentence to index: its ``sid``, its article's ``rowid``, its analysed terms."""


class SentenceIndex:
    """BM25 sentence index, two-level ranker and doc → sid map, kept in step."""

    def __init__(self, config: RetrievalConfig, merging: MergePolicy | None = None) -> None:
        self._config = config
        self._merging = merging or MergePolicy()
        self._index = self._bm25(config.variant, config.k1, config.b)
        self._ranker = Ranker(self._index, articles=self._bm25())
        self._sids = array("q")
        self.changed = False
        """Whether it holds changes its snapshot on disk does not."""

    def _bm25(self, variant: str = "lucene", k1: float = 1.2, b: float = 0.75) -> BM25Index:
        merging = self._merging
        return BM25Index(
            variant=variant,
            k1=k1,
            b=b,
            small_segment=merging.small_segment,
            merge_ratio=merging.merge_ratio,
            max_dead_share=merging.max_dead_share,
        )

    def __len__(self) -> int:
        """Sentences indexed (removed ones not counted)."""
        return len(self._index)

    @property
    def bm25(self) -> BM25Index:
        """The plain BM25 sentence index (benchmarks compare against it)."""
        return self._index

    @property
    def min_coverage(self) -> float:
        """The share of the question a ranking must cover to count as an answer."""
        return self._ranker.config.min_coverage

    @property
    def segment_counts(self) -> tuple[int, int]:
        """Segments of the sentence index and of the article index (see :meth:`compact`)."""
        return self._index.segment_count, self._ranker.articles.segment_count

    def add(self, rows: Sequence[IndexRow]) -> None:
        """Index new sentences; the sentences of one article come together, in text order."""
        if not rows:
            return
        docs = self._index.add([terms for _, _, terms in rows])
        self._ranker.add(docs, [rowid for _, rowid, _ in rows], [t for _, _, t in rows])
        self._sids.extend(sid for sid, _, _ in rows)
        self.changed = True

    def remove(self, sids: Sequence[int]) -> None:
        """Forget sentences (ids in increasing order, as the database gives them)."""
        if not sids:
            return
        docs = np.searchsorted(np.frombuffer(self._sids, dtype=np.int64), sids)
        self._index.remove(int(doc) for doc in docs)
        self._ranker.remove(int(doc) for doc in docs)
        self.changed = True

    def rank(
        self,
        terms: Sequence[str],
        k: int,
        *,
        question: str = "",
        rowids: npt.NDArray[np.int64] | None = None,
    ) -> Ranking:
        """The ``k`` best sentences (as ``(sid, score)``) for the analysed question.

        With ``rowids``, only sentences of those articles (see :meth:`Ranker.rank`).
        """
        ranking = self._ranker.rank(terms, k, question=question, keys=rowids)
        hits = tuple((self._sids[doc], score) for doc, score in ranking.hits)
        return Ranking(hits, ranking.coverage, ranking.found)

    def compact(self, most: int) -> None:
        """Merge each index's segments into one when it has more than ``most``.

        Adds leave segments behind (a big ingest about five; live adds keep two or three);
        every query pays for each. Searches go on meanwhile: the merge runs on a snapshot.
        """
        for index in (self._index, self._ranker.articles):
            if index.segment_count > most:
                index.optimize()

    def save(self, folder: Path) -> None:
        """Write the snapshot under ``folder`` (merged into one segment first)."""
        self.compact(most=1)
        self._index.save(folder)
        self._ranker.save(folder / "ranking")
        np.save(folder / "sids.npy", np.frombuffer(self._sids, dtype=np.int64))
        self.changed = False

    @classmethod
    def load(
        cls, folder: Path, config: RetrievalConfig, merging: MergePolicy | None = None
    ) -> SentenceIndex:
        """Read what :meth:`save` wrote; OSError, ValueError or KeyError when it is unusable.

        The snapshot keeps its own BM25 variant and parameters; ``merging`` applies to
        segments added from now on.
        """
        loaded = cls(config, merging)
        loaded._index = BM25Index.load(folder)
        loaded._ranker = Ranker.load(folder / "ranking", loaded._index)
        loaded._sids = array("q", np.load(folder / "sids.npy").tobytes())
        if len(loaded._sids) != len(loaded._index.get_scores([])):
            raise ValueError("the sentence ids do not match the sentence index")
        return loaded
