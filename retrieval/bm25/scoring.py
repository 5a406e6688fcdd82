"""BM25 variants as strategy objects, chosen once when an index is made.

Each variant owns its IDF formula and its term-frequency part; the index and its searches
ask the variant, never which variant it is. ``"lucene"`` (the default) and ``"okapi"`` share
the classic tf part and a shortcut for tf 1; ``"bm25l"`` and ``"bm25plus"`` are rank_bm25's
``BM25L`` and ``BM25Plus``, score for score (the oracle tests hold us to that).
"""

from __future__ import annotations

from typing import Any, ClassVar, Protocol

import numpy as np
import numpy.typing as npt

VARIANTS = ("lucene", "okapi", "bm25l", "bm25plus")

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


def lucene_idf(n: float | npt.NDArray[Any], df: float | npt.NDArray[Any]) -> Floats:
    """Lucene's BM25 IDF, ``ln(1 + (n - df + 0.5) / (df + 0.5))``, element-wise: never negative."""
    n_ = np.asarray(n, dtype=np.float64)
    df_ = np.asarray(df, dtype=np.float64)
    idf: Floats = np.log1p((n_ - df_ + 0.5) / (df_ + 0.5))
    return idf


def top_scores(scores: Floats, k: int) -> list[tuple[int, float]]:
    """The ``k`` best positive scores as (id, score), best first, ties by smaller id."""
    positive = np.flatnonzero(scores > 0)
    if k <= 0 or not len(positive):
        return []
    if len(positive) > k:
        cut = np.argpartition(-scores[positive], k - 1)[:k]
        threshold = scores[positive[cut]].min()
        positive = positive[scores[positive] >= threshold]
    order = np.lexsort((positive, -scores[positive]))[:k]
    return [(int(i), float(scores[i])) for i in positive[order]]


class Collection(Protocol):
    """The collection statistics a score depends on (one immutable index state)."""

    @property
    def dl(self) -> npt.NDArray[np.int32]: ...  # length of every doc id
    @property
    def df(self) -> Ints: ...  # per term id: live docs that have it
    @property
    def n_live(self) -> int: ...
    @property
    def avgdl(self) -> float: ...
    @property
    def cache(self) -> dict[str, Any]: ...  # per-state results, computed once


class Variant:
    """One BM25 variant: its IDF and the score part of a term in a doc.

    ``k1``, ``b``, ``delta`` (BM25L/BM25+) and ``epsilon`` (Okapi's IDF floor) are the usual
    parameters; a variant ignores those it has no use for.
    """

    name: ClassVar[str]
    every_doc_scores: ClassVar[bool] = False
    """True when a doc without a query term still gains from it (BM25+): no pruning then."""

    def __init__(self, *, k1: float, b: float, delta: float, epsilon: float) -> None:
        self.k1, self.b, self.delta, self.epsilon = k1, b, delta, epsilon

    @staticmethod
    def named(name: str, *, k1: float, b: float, delta: float, epsilon: float) -> Variant:
        """The variant called ``name`` (one of :data:`VARIANTS`) with these parameters."""
        if name not in _BY_NAME:
            raise ValueError(f"variant must be one of {', '.join(VARIANTS)}, not {name!r}")
        return _BY_NAME[name](k1=k1, b=b, delta=delta, epsilon=epsilon)

    def idf(self, stats: Collection) -> Floats:
        """The IDF of every term id (0 for terms no live doc has), computed once per state."""
        cached: Floats | None = stats.cache.get("idf")
        if cached is not None:
            return cached
        with np.errstate(divide="ignore", invalid="ignore"):
            idf = self._idf(float(stats.n_live), stats.df)
        idf[stats.df == 0] = 0.0
        stats.cache["idf"] = idf
        return idf

    def _idf(self, n: float, df: Ints) -> Floats:
        raise NotImplementedError

    def weigh(
        self, idf: float | Floats, tfs: npt.NDArray[Any], dl: npt.NDArray[Any], avgdl: float
    ) -> Floats:
        """The score part of one term in docs of length ``dl`` that have it ``tfs`` times."""
        raise NotImplementedError

    def gains(
        self, stats: Collection, idf: float, docs: npt.NDArray[np.int32], tfs: npt.NDArray[Any]
    ) -> Floats:
        """The score part of one term (IDF ``idf``) in ``docs``, which have it ``tfs`` times."""
        return self.weigh(idf, tfs, stats.dl[docs], stats.avgdl)

    def absent(self, idf: float) -> float:
        """The score part of a term (IDF ``idf``) in a doc that lacks it."""
        return 0.0


class _Classic(Variant):
    """The classic tf part, ``tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))``.

    Most postings have tf 1; their part is ``idf`` times a per-doc factor computed once per
    state, which is the formula of :meth:`weigh` at tf 1, operation for operation, so the
    result is the same to the last bit.
    """

    def weigh(
        self, idf: float | Floats, tfs: npt.NDArray[Any], dl: npt.NDArray[Any], avgdl: float
    ) -> Floats:
        k1, b, tf = self.k1, self.b, tfs.astype(np.float64)
        length = dl.astype(np.float64)
        return idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avgdl)))

    def gains(
        self, stats: Collection, idf: float, docs: npt.NDArray[np.int32], tfs: npt.NDArray[Any]
    ) -> Floats:
        gains: Floats = idf * self._unit(stats)[docs]
        heavy = np.flatnonzero(tfs != 1)
        if len(heavy):
            docs = docs[heavy]
            gains[heavy] = self.weigh(idf, tfs[heavy], stats.dl[docs], stats.avgdl)
        return gains

    def _unit(self, stats: Collection) -> Floats:
        """Per doc: the tf part of the score at tf 1."""
        unit: Floats | None = stats.cache.get("unit")
        if unit is None:
            k1, b, tf = self.k1, self.b, 1.0
            length = stats.dl.astype(np.float64)
            unit = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / stats.avgdl))
            stats.cache["unit"] = unit
        return unit


class Lucene(_Classic):
    """Lucene's BM25: an IDF that is never negative (rank_bm25's Okapi IDF goes to zero or
    below for a term in half the documents or more, which a small answer base hits often)."""

    name = "lucene"

    def _idf(self, n: float, df: Ints) -> Floats:
        return lucene_idf(n, df.astype(np.float64))


class Okapi(_Classic):
    """rank_bm25's ``BM25Okapi``: a negative IDF is raised to ``epsilon`` times the mean IDF."""

    name = "okapi"

    def _idf(self, n: float, df: Ints) -> Floats:
        df_ = df.astype(np.float64)
        idf: Floats = np.log(n - df_ + 0.5) - np.log(df_ + 0.5)
        present = df > 0
        if present.any():
            floor = self.epsilon * float(idf[present].mean())
            idf = np.where(idf < 0, floor, idf)
        return idf


class BM25L(Variant):
    """rank_bm25's ``BM25L``: the tf part shifted by ``delta`` after length normalisation."""

    name = "bm25l"

    def _idf(self, n: float, df: Ints) -> Floats:
        idf: Floats = np.log(n + 1) - np.log(df.astype(np.float64) + 0.5)
        return idf

    def weigh(
        self, idf: float | Floats, tfs: npt.NDArray[Any], dl: npt.NDArray[Any], avgdl: float
    ) -> Floats:
        k1, b, tf = self.k1, self.b, tfs.astype(np.float64)
        length = dl.astype(np.float64)
        ctd = tf / (1 - b + b * length / avgdl)
        return idf * tf * (k1 + 1) * (ctd + self.delta) / (k1 + ctd + self.delta)


class BM25Plus(Variant):
    """rank_bm25's ``BM25Plus``: every doc gains ``idf * delta`` from every query term."""

    name = "bm25plus"
    every_doc_scores = True

    def _idf(self, n: float, df: Ints) -> Floats:
        idf: Floats = np.log((n + 1) / df.astype(np.float64))
        return idf

    def weigh(
        self, idf: float | Floats, tfs: npt.NDArray[Any], dl: npt.NDArray[Any], avgdl: float
    ) -> Floats:
        k1, b, tf = self.k1, self.b, tfs.astype(np.float64)
        length = dl.astype(np.float64)
        return idf * (self.delta + (tf * (k1 + 1)) / (k1 * (1 - b + b * length / avgdl) + tf))

    def absent(self, idf: float) -> float:
        return idf * self.delta


_BY_NAME: dict[str, type[Variant]] = {v.name: v for v in (Lucene, Okapi, BM25L, BM25Plus)}
