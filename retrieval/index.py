"""A BM25 index over token lists: numpy postings, incremental adds, tombstoned removes.

The index knows nothing of text: documents are sequences of terms (see
:mod:`retrieval.analysis`), so the maths can be tested with ``str.split``. Each document gets
the next integer id, from 0; removed ids stay allocated and score 0.

Variants (``variant=``, :mod:`retrieval.bm25.scoring`):

* ``"lucene"`` (default): ``idf = ln(1 + (N - df + 0.5) / (df + 0.5))``, never negative, and
  ``tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))``. rank_bm25's Okapi IDF goes to zero
  or below for a term in half the documents or more, which a small answer base hits often.
* ``"okapi"``, ``"bm25l"``, ``"bm25plus"``: rank_bm25's ``BM25Okapi`` (with its epsilon floor),
  ``BM25L`` and ``BM25Plus``, score for score; the oracle tests hold us to that.

Layout. Postings live in immutable *segments* (:mod:`retrieval.bm25.segments`), each covering
a contiguous range of ids. An :meth:`BM25Index.add` builds a segment for the new documents
only and merges the trailing segments when they grow to a similar size, so an add costs time
in proportion to the batch and the index stays a handful of segments.

Concurrency. All state a query reads is one immutable :class:`~retrieval.bm25.state.State`;
writers build the next state under a lock and swap it in with one assignment, and readers work
on the state they took at their start, so a query never sees half of an add or a remove.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.bm25 import search, segments, snapshot
from retrieval.bm25.maxscore import Scratch
from retrieval.bm25.scoring import VARIANTS, Floats, Ints, Variant, lucene_idf, top_scores
from retrieval.bm25.snapshot import FORMAT, FORMAT_VERSION
from retrieval.bm25.state import State

__all__ = ["FORMAT", "FORMAT_VERSION", "VARIANTS", "BM25Index", "lucene_idf", "top_scores"]

_PARAMS = ("variant", "k1", "b", "delta", "epsilon")


class BM25Index:
    """BM25 over token lists: add, remove, score, save and load; safe for concurrent queries.

    ``k1``, ``b``, ``delta`` (BM25L/BM25+) and ``epsilon`` (Okapi's IDF floor) are the usual
    parameters; the defaults are Lucene's. ``small_segment``, ``merge_ratio`` and
    ``max_dead_share`` tune when segments merge (see
    :class:`~retrieval.bm25.segments.MergePolicy`); they change speed, never a score.
    """

    def __init__(
        self,
        *,
        variant: str = "lucene",
        k1: float = 1.2,
        b: float = 0.75,
        delta: float = 1.0,
        epsilon: float = 0.25,
        small_segment: int = 4096,
        merge_ratio: float = 2,
        max_dead_share: float = 0.25,
    ) -> None:
        for name, value in (("k1", k1), ("delta", delta), ("epsilon", epsilon)):
            _check_number(name, value, "a number >= 0")
        _check_number("b", b, "a number from 0 to 1", most=1)
        _check_number("small_segment", small_segment, "a whole number >= 0", whole=True)
        _check_number("merge_ratio", merge_ratio, "a number >= 0")
        _check_number("max_dead_share", max_dead_share, "a number from 0 to 1", most=1)
        self.variant = variant
        self.k1 = float(k1)
        self.b = float(b)
        self.delta = float(delta)
        self.epsilon = float(epsilon)
        self._variant = Variant.named(
            variant, k1=self.k1, b=self.b, delta=self.delta, epsilon=self.epsilon
        )
        self._merging = segments.MergePolicy(small_segment, merge_ratio, max_dead_share)
        self._vocab: dict[str, int] = {}
        self._terms: list[str] = []
        self._lock = threading.Lock()
        self._scratch = Scratch()
        self._state = State.empty()

    def __repr__(self) -> str:
        state = self._state
        return (
            f"BM25Index(variant={self.variant!r}, docs={state.n_live}, ids={state.n_ids}, "
            f"terms={len(state.df)}, segments={len(state.segments)})"
        )

    def __len__(self) -> int:
        """The number of live (added and not removed) documents."""
        return self._state.n_live

    def memory_bytes(self) -> int:
        """Bytes the index holds: its arrays (query caches too) and its vocabulary's objects."""
        state = self._state
        arrays = [state.dl, state.live, state.df, *state.cache.values()]
        for segment in state.segments:
            arrays += [getattr(segment, part) for part in segments.PARTS]
        vocabulary = sys.getsizeof(self._vocab) + sys.getsizeof(self._terms)
        vocabulary += sum(map(sys.getsizeof, self._terms))
        return int(sum(a.nbytes for a in arrays)) + vocabulary

    # -- changing ------------------------------------------------------------------------

    def add(self, docs: Sequence[Sequence[str]]) -> range:
        """Index ``docs`` (each a sequence of terms); returns their new, consecutive ids."""
        batch = [_checked_doc(doc, i) for i, doc in enumerate(docs)]
        with self._lock:
            state = self._state
            first = state.n_ids
            if not batch:
                return range(first, first)
            lengths = np.fromiter((len(doc) for doc in batch), dtype=np.int64, count=len(batch))
            tids = self._term_ids(batch, int(lengths.sum()))
            dl = np.concatenate([state.dl, lengths.astype(np.int32)])
            segment = segments.from_docs(first, tids, lengths, dl)
            df = np.zeros(len(self._terms), dtype=np.int64)
            df[: len(state.df)] = state.df
            df[segment.terms] += np.diff(segment.indptr)
            live = np.concatenate([state.live, np.ones(len(batch), dtype=bool)])
            tail = self._merging.merge_tail([*state.segments, segment], live, dl)
            self._state = State(
                segments=tuple(tail),
                dl=dl,
                live=live,
                df=df,
                n_live=state.n_live + len(batch),
                total_len=state.total_len + int(lengths.sum()),
            )
            return range(first, first + len(batch))

    def _term_ids(self, batch: list[Sequence[str]], total: int) -> Ints:
        """The term ids of ``batch``'s terms end to end; new terms join the vocabulary."""
        vocab, terms = self._vocab, self._terms
        tids = np.empty(total, dtype=np.int64)
        pos = 0
        for doc in batch:
            for term in doc:
                tid = vocab.get(term)
                if tid is None:
                    tid = vocab[term] = len(terms)
                    terms.append(term)
                tids[pos] = tid
                pos += 1
        return tids

    def remove(self, ids: Iterable[int]) -> None:
        """Remove documents by id; statistics become as if they had never been added.

        Removing an id twice is harmless; an id that was never given out is a ValueError.
        """
        wanted = np.fromiter((_checked_id(i) for i in ids), dtype=np.int64)
        with self._lock:
            state = self._state
            if len(wanted) and int(wanted.max()) >= state.n_ids:
                bad = int(wanted[wanted >= state.n_ids][0])
                raise ValueError(f"no document has id {bad}; ids go from 0 to {state.n_ids - 1}")
            gone = np.unique(wanted)
            gone = gone[state.live[gone]]
            if not len(gone):
                return
            live = state.live.copy()
            live[gone] = False
            df = state.df.copy()
            kept = list(state.segments)
            for n, segment in enumerate(state.segments):
                mine = gone[(gone >= segment.lo) & (gone < segment.hi)]
                if not len(mine):
                    continue
                df -= np.bincount(segment.terms_of(mine), minlength=len(df))
                if self._merging.too_dead(segment, live):
                    kept[n] = segments.merge([segment], live, state.dl)
            self._state = State(
                segments=tuple(kept),
                dl=state.dl,
                live=live,
                df=df,
                n_live=state.n_live - len(gone),
                total_len=state.total_len - int(state.dl[gone].sum()),
            )

    @property
    def segment_count(self) -> int:
        """How many segments the postings are in (each query reads every one of them)."""
        return len(self._state.segments)

    def optimize(self) -> bool:
        """Merge all segments into one; False when there was nothing to merge or no chance to.

        Each query term is looked up once per segment, so one segment answers faster (at 1M
        sentences 1.8 ms instead of 3.1 ms end to end with five). The merge works on a
        snapshot outside the lock, so queries, adds and removes go on meanwhile; segments added
        meanwhile stay after the merged one, and if a remove rewrote a merged segment the
        merge is dropped (a later call does it). Rankings do not change: a doc's postings are
        in exactly one segment either way.
        """
        with self._lock:
            state = self._state
        if len(state.segments) < 2:
            return False
        merged = segments.merge(state.segments, state.live, state.dl)
        with self._lock:
            now = self._state
            old = len(state.segments)
            if len(now.segments) < old or any(
                a is not b for a, b in zip(now.segments, state.segments, strict=False)
            ):
                return False
            self._state = replace(now, segments=(merged, *now.segments[old:]))
        return True

    # -- scoring -------------------------------------------------------------------------

    def get_scores(self, query: Sequence[str]) -> Floats:
        """The score of every id for ``query`` (removed ids score 0), as rank_bm25 gives them.

        A term repeated in the query counts once per repeat, as in rank_bm25.
        """
        state = self._state
        return search.all_scores(state, self._variant, self._lookup(query, state))

    def term_scores(self, query: Sequence[str], ids: npt.NDArray[Any]) -> Floats:
        """Each query term's score for each of ``ids``: a ``len(query) × len(ids)`` matrix.

        The sparse path for rerankers: the arithmetic is :meth:`get_scores`' (a row summed
        over the query equals ``get_scores(query)[ids]``) but only the given ids are looked
        up in the postings, so its cost does not grow with the size of the index.
        """
        state = self._state
        wanted = np.asarray(ids, dtype=np.int64)
        if len(wanted) and (wanted.min() < 0 or wanted.max() >= state.n_ids):
            raise ValueError(f"ids must be from 0 to {state.n_ids - 1}")
        return search.term_scores(state, self._variant, self._lookup(query, state), wanted)

    def document_frequencies(self, query: Sequence[str]) -> Ints:
        """How many live documents hold each query term."""
        state = self._state
        return np.array(
            [int(state.df[tid]) if tid >= 0 else 0 for tid in self._lookup(query, state)],
            dtype=np.int64,
        )

    def top_k(
        self,
        query: Sequence[str],
        k: int,
        *,
        allowed: npt.NDArray[Any] | None = None,
    ) -> list[tuple[int, float]]:
        """The ``k`` best ``(id, score)`` pairs for ``query``: best first, ties by smaller id.

        Only positive scores are returned. ``allowed`` limits the answer to some ids: a
        boolean mask over ids (ids past its end are not allowed) or an array of ids.
        """
        if isinstance(k, bool) or not isinstance(k, int) or k < 0:
            raise ValueError(f"k must be a whole number >= 0, not {k!r}")
        state = self._state
        tids = self._lookup(query, state)
        mask = None if allowed is None else search.allowed_mask(allowed, state.n_ids)
        return search.top_k(state, self._variant, tids, k, mask, self._scratch)

    def _lookup(self, query: Sequence[str], state: State) -> list[int]:
        """Term ids of the query terms (-1: no live document has the term)."""
        if isinstance(query, str):
            raise TypeError(f"query must be a sequence of terms, not the string {query!r}")
        vocab, df, n_terms = self._vocab, state.df, len(state.df)
        tids = []
        for term in query:
            tid = vocab.get(term, -1)
            # A term added after this state was taken is unknown to it.
            tids.append(tid if 0 <= tid < n_terms and df[tid] > 0 else -1)
        return tids

    # -- storing -------------------------------------------------------------------------

    def save(self, directory: Path) -> None:
        """Write the index under ``directory`` so that a kill at any moment leaves either the
        previous snapshot or this one, never a mix (see :mod:`retrieval.bm25.snapshot`)."""
        state = self._state
        params = {name: getattr(self, name) for name in _PARAMS}
        snapshot.save(Path(directory), state, self._terms[: len(state.df)], params)

    @classmethod
    def load(cls, directory: Path) -> BM25Index:
        """Read an index that :meth:`save` wrote; arrays are memory-mapped, not read.

        The merge tuning is not stored: a loaded index has the constructor's defaults. Raises
        OSError when files are missing and ValueError when they are not an index of this
        format version.
        """
        params, state, terms = snapshot.load(Path(directory), _PARAMS)
        index = cls(**params)
        index._terms = terms
        index._vocab = {term: tid for tid, term in enumerate(terms)}
        index._state = state
        return index


def _check_number(
    name: str, value: object, allowed: str, *, most: float | None = None, whole: bool = False
) -> None:
    """Raise ValueError naming ``name`` unless ``value`` is a number from 0 to ``most``."""
    kinds = int if whole else int | float
    if (
        isinstance(value, bool)
        or not isinstance(value, kinds)
        or not value >= 0
        or (most is not None and not value <= most)
    ):
        raise ValueError(f"{name} must be {allowed}, not {value!r}")


def _checked_doc(doc: Sequence[str], position: int) -> Sequence[str]:
    if isinstance(doc, str | bytes):
        raise TypeError(
            f"document {position} must be a sequence of terms (e.g. a list of str), "
            f"not the string {doc[:40]!r}"
        )
    return doc


def _checked_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise ValueError(f"document ids are whole numbers, not {value!r}")
    if value < 0:
        raise ValueError(f"document ids are not negative, not {value!r}")
    return int(value)
