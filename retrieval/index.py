"""A BM25 index over token lists: numpy postings, incremental adds, tombstoned removes.

The index knows nothing of text: documents are sequences of terms (see
:mod:`retrieval.analysis`), so the maths can be tested with ``str.split``. Each document gets
the next integer id, from 0; removed ids stay allocated and score 0.

Variants (``variant=``):

* ``"lucene"`` (default): ``idf = ln(1 + (N - df + 0.5) / (df + 0.5))``, never negative, and
  ``tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))``. rank_bm25's Okapi IDF goes to zero
  or below for a term in half the documents or more, which a small answer base hits often.
* ``"okapi"``, ``"bm25l"``, ``"bm25plus"``: rank_bm25's ``BM25Okapi`` (with its epsilon floor),
  ``BM25L`` and ``BM25Plus``, score for score; the oracle tests hold us to that.

Layout. Postings live in immutable *segments*, each covering a contiguous range of ids, with
per-term CSR arrays (``terms``, ``indptr``) over ``docs`` (ascending ids) and ``tfs``. An
:meth:`BM25Index.add` builds a segment for the new documents only and merges the trailing
segments when they grow to a similar size, so an add costs time in proportion to the batch and
the index stays a handful of segments. Collection statistics (live document frequencies,
lengths, the live mask) are global, so every segment scores with the same IDF and average
length and rankings equal those of an index built in one go.

Concurrency. All state a query reads is one immutable :class:`_State`; writers build the
next state under a lock and swap it in with one assignment, and readers work on the state
they took at their start, so a query never sees half of an add or a remove.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

VARIANTS = ("lucene", "okapi", "bm25l", "bm25plus")
FORMAT = "newsdesk-bm25"
FORMAT_VERSION = 1
_HEADER = "bm25.json"
# A trailing segment smaller than this is always merged with the one before it: rebuilding
# a few thousand documents costs less than the per-segment overhead of every later query.
_SMALL_SEGMENT = 4096
# Two trailing segments are merged when the older one is at most this many times larger.
_MERGE_RATIO = 2
# A segment with more than this share of removed documents is rewritten without them.
_MAX_DEAD_SHARE = 0.25

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


def lucene_idf(n: float | npt.NDArray[Any], df: float | npt.NDArray[Any]) -> Floats:
    """Lucene's BM25 IDF, ``ln(1 + (n - df + 0.5) / (df + 0.5))``, element-wise: never negative."""
    n_ = np.asarray(n, dtype=np.float64)
    df_ = np.asarray(df, dtype=np.float64)
    idf: Floats = np.log1p((n_ - df_ + 0.5) / (df_ + 0.5))
    return idf


@dataclass(frozen=True, slots=True)
class _Segment:
    """Postings of the documents with ids in ``[lo, hi)``, CSR by term."""

    lo: int
    hi: int
    terms: npt.NDArray[np.int32]  # sorted unique term ids
    indptr: Ints  # postings of terms[i] are [indptr[i], indptr[i + 1])
    docs: npt.NDArray[np.int32]  # global doc ids, ascending within a term
    tfs: npt.NDArray[Any]  # uint16 or uint32: term frequency in the doc
    max_tf: npt.NDArray[Any]  # per term: the largest tf
    min_dl: npt.NDArray[np.int32]  # per term: the shortest doc that has it

    def postings(self, tid: int) -> tuple[npt.NDArray[np.int32], npt.NDArray[Any]] | None:
        """Docs and tfs of term ``tid`` in this segment, or None when no doc has it."""
        pos = int(np.searchsorted(self.terms, self.terms.dtype.type(tid)))
        if pos == len(self.terms) or int(self.terms[pos]) != tid:
            return None
        start, end = int(self.indptr[pos]), int(self.indptr[pos + 1])
        return self.docs[start:end], self.tfs[start:end]

    def posting_terms(self) -> npt.NDArray[np.int32]:
        """The term id of every posting (the CSR expanded)."""
        return np.repeat(self.terms, np.diff(self.indptr))


# One term's postings in one segment: the segment, the docs, the tfs.
_Part = tuple[_Segment, npt.NDArray[np.int32], npt.NDArray[Any]]


@dataclass(frozen=True, slots=True)
class _State:
    """Everything a query reads, never changed once published."""

    segments: tuple[_Segment, ...]
    dl: npt.NDArray[np.int32]  # length of every doc id, removed ones too
    live: npt.NDArray[np.bool_]  # False for removed ids
    df: Ints  # per term id: live docs that have it
    n_live: int
    total_len: int  # summed length of the live docs
    cache: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def n_ids(self) -> int:
        return len(self.dl)

    @property
    def avgdl(self) -> float:
        # rank_bm25 divides the integer sum by the count; an all-empty corpus has no postings.
        return self.total_len / self.n_live if self.n_live and self.total_len else 1.0


class BM25Index:
    """BM25 over token lists: add, remove, score, save and load; safe for concurrent queries.

    ``k1``, ``b``, ``delta`` (BM25L/BM25+) and ``epsilon`` (Okapi's IDF floor) are the usual
    parameters; the defaults are Lucene's.
    """

    def __init__(
        self,
        *,
        variant: str = "lucene",
        k1: float = 1.2,
        b: float = 0.75,
        delta: float = 1.0,
        epsilon: float = 0.25,
    ) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"variant must be one of {', '.join(VARIANTS)}, not {variant!r}")
        for name, value in (("k1", k1), ("delta", delta), ("epsilon", epsilon)):
            if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
                raise ValueError(f"{name} must be a number >= 0, not {value!r}")
        if isinstance(b, bool) or not isinstance(b, int | float) or not 0 <= b <= 1:
            raise ValueError(f"b must be a number from 0 to 1, not {b!r}")
        self.variant = variant
        self.k1 = float(k1)
        self.b = float(b)
        self.delta = float(delta)
        self.epsilon = float(epsilon)
        self._vocab: dict[str, int] = {}
        self._terms: list[str] = []
        self._lock = threading.Lock()
        self._local = threading.local()
        self._state = _State(
            segments=(),
            dl=np.zeros(0, dtype=np.int32),
            live=np.zeros(0, dtype=bool),
            df=np.zeros(0, dtype=np.int64),
            n_live=0,
            total_len=0,
        )

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
            arrays += [segment.terms, segment.indptr, segment.docs, segment.tfs]
            arrays += [segment.max_tf, segment.min_dl]
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
            vocab, terms = self._vocab, self._terms
            lengths = np.fromiter((len(doc) for doc in batch), dtype=np.int64, count=len(batch))
            tids = np.empty(int(lengths.sum()), dtype=np.int64)
            pos = 0
            for doc in batch:
                for term in doc:
                    tid = vocab.get(term)
                    if tid is None:
                        tid = vocab[term] = len(terms)
                        terms.append(term)
                    tids[pos] = tid
                    pos += 1
            n_terms = len(terms)
            owners = np.repeat(np.arange(first, first + len(batch), dtype=np.int64), lengths)
            # One posting per (term, doc); np.unique sorts by term, then by doc.
            keys, tfs = np.unique(tids * (first + len(batch)) + owners, return_counts=True)
            post_terms, post_docs = np.divmod(keys, first + len(batch))
            dl = np.concatenate([state.dl, lengths.astype(np.int32)])
            segment = _segment(first, first + len(batch), post_terms, post_docs, tfs, dl)
            df = np.zeros(n_terms, dtype=np.int64)
            df[: len(state.df)] = state.df
            df += np.bincount(post_terms, minlength=n_terms)
            live = np.concatenate([state.live, np.ones(len(batch), dtype=bool)])
            segments = _merge_tail([*state.segments, segment], live, dl)
            self._state = _State(
                segments=tuple(segments),
                dl=dl,
                live=live,
                df=df,
                n_live=state.n_live + len(batch),
                total_len=state.total_len + int(lengths.sum()),
            )
            return range(first, first + len(batch))

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
            segments = list(state.segments)
            for n, segment in enumerate(state.segments):
                mine = gone[(gone >= segment.lo) & (gone < segment.hi)]
                if not len(mine):
                    continue
                dropped = np.zeros(segment.hi - segment.lo, dtype=bool)
                dropped[mine - segment.lo] = True
                hit = np.flatnonzero(dropped[segment.docs - segment.lo])
                term_index = np.searchsorted(segment.indptr, hit, side="right") - 1
                df -= np.bincount(segment.terms[term_index], minlength=len(df))
                dead = segment.hi - segment.lo - int(live[segment.lo : segment.hi].sum())
                if dead > _MAX_DEAD_SHARE * (segment.hi - segment.lo):
                    segments[n] = _merge([segment], live, state.dl)
            self._state = _State(
                segments=tuple(segments),
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
        merged = _merge(state.segments, state.live, state.dl)
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
        return self._scores(state, self._lookup(query, state))

    def _scores(self, state: _State, tids: list[int]) -> Floats:
        """Every id's score: the simple path, and the reference for the fast one."""
        scores = np.zeros(state.n_ids)
        idf = self._idf(state)
        for tid in tids:
            if tid < 0:
                continue
            weight = float(idf[tid])
            if self.variant == "bm25plus":
                contribution = np.full(state.n_ids, weight * (self.delta + 0.0))
                for segment in state.segments:
                    found = segment.postings(tid)
                    if found is not None:
                        docs, tfs = found
                        contribution[docs] = self._gains(state, weight, docs, tfs)
                scores += contribution
                continue
            for segment in state.segments:
                found = segment.postings(tid)
                if found is not None:
                    docs, tfs = found
                    scores[docs] += self._gains(state, weight, docs, tfs)
        scores[~state.live] = 0.0
        return scores

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
        order = np.argsort(wanted, kind="stable")
        ordered = wanted[order]
        idf = self._idf(state)
        matrix = np.zeros((len(query), len(wanted)))
        for row, tid in enumerate(self._lookup(query, state)):
            if tid < 0:
                continue
            weight = float(idf[tid])
            line = np.full(len(wanted), weight * self.delta if self.variant == "bm25plus" else 0.0)
            for segment in state.segments:
                found = segment.postings(tid)
                if found is None:
                    continue
                docs, tfs = found
                at = np.searchsorted(docs, ordered)
                inside = at < len(docs)
                hit = np.zeros(len(ordered), dtype=bool)
                hit[inside] = docs[at[inside]] == ordered[inside]
                line[order[hit]] = self._gains(state, weight, docs[at[hit]], tfs[at[hit]])
            matrix[row] = line
        matrix[:, ~state.live[wanted]] = 0.0
        return matrix

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
        mask = None if allowed is None else _allowed_mask(allowed, state.n_ids)
        idf = self._idf(state)
        known = [tid for tid in tids if tid >= 0]
        if not k or not known:
            return []
        if self.variant == "bm25plus" or float(idf[known].min()) < 0:
            # Every doc scores (BM25+), or a negative Okapi IDF breaks the upper bounds.
            scores = self._scores(state, tids)
            if mask is not None:
                scores[~mask] = 0.0
            return top_scores(scores, k)
        return self._top_k_pruned(state, tids, k, mask)

    def _top_k_pruned(
        self, state: _State, tids: list[int], k: int, mask: npt.NDArray[np.bool_] | None
    ) -> list[tuple[int, float]]:
        """MaxScore, term at a time: the same answer as sorting :meth:`get_scores`, faster.

        Terms are taken by falling upper bound (rare terms first). Their postings are scored
        in full until the bounds of the terms left add up to less than the k-th best score so
        far: no doc yet unseen can then reach the top k, and the terms left are only looked up
        for the docs already seen (binary search in their postings), dropping each doc whose
        score cannot reach the k-th any more. The few docs left are scored once more exactly
        as :meth:`get_scores` does, term by term in query order, so scores and ties are equal
        to the last bit.
        """
        idf = self._idf(state)
        avgdl, live = state.avgdl, state.live
        counts: dict[int, int] = {}
        for tid in tids:
            if tid >= 0 and idf[tid] > 0:  # a zero IDF adds exactly 0 to every score
                counts[tid] = counts.get(tid, 0) + 1
        if not counts:
            return []
        unique = np.fromiter(counts, dtype=np.int64, count=len(counts))
        repeats = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        weights = idf[unique]
        bounds = np.zeros(len(unique))
        parts: list[list[_Part]] = [[] for _ in unique]
        for segment in state.segments:
            pos = np.searchsorted(segment.terms, unique.astype(segment.terms.dtype))
            pos[pos == len(segment.terms)] = 0
            here = np.flatnonzero(segment.terms[pos] == unique) if len(segment.terms) else pos[:0]
            if not len(here):
                continue
            at = pos[here]
            top = self._weigh(weights[here], segment.max_tf[at], segment.min_dl[at], avgdl)
            bounds[here] = np.maximum(bounds[here], top)
            starts, ends = segment.indptr[at].tolist(), segment.indptr[at + 1].tolist()
            for n, start, end in zip(here.tolist(), starts, ends, strict=True):
                parts[n].append((segment, segment.docs[start:end], segment.tfs[start:end]))
        # Bounds of the terms not yet scored in full, a little loose against rounding.
        bounds = bounds * repeats * (1 + 1e-9)
        order = np.argsort(-bounds, kind="stable").tolist()
        left = [float(bounds[order[i:]].sum()) for i in range(len(order) + 1)]
        acc = self._accumulator(state.n_ids)
        seen: list[npt.NDArray[np.int32]] = []
        pool = np.zeros(0, dtype=np.int32)  # the k best live, allowed docs so far
        floor = theta = 0.0  # the pool's k-th partial score; that less rounding slack
        done = 0
        try:
            while done < len(order) and not left[done] < theta:
                n = order[done]
                done += 1
                for _, docs, tfs in parts[n]:
                    gain = self._gains(state, float(weights[n]), docs, tfs) * repeats[n]
                    before = acc[docs]
                    seen.append(docs[before == 0])
                    after = before + gain
                    acc[docs] = after
                    # Only docs of this term rose, so the k best are in the pool or among
                    # them, and only those that reach the pool's k-th can be.
                    rising = docs[after >= floor] if floor else docs
                    where = np.searchsorted(rising, pool).clip(max=max(len(rising) - 1, 0))
                    if len(rising):
                        pool = pool[rising[where] != pool]  # those in rising come back
                    pool = _best(acc, np.concatenate([pool, rising]), live, mask, k)
                    floor = float(acc[pool].min()) if len(pool) == k else 0.0
                theta = floor * (1 - 1e-9)
            seen = [np.concatenate(seen)] if len(seen) > 1 else seen
            candidates = seen[0] if seen else np.zeros(0, dtype=np.int32)
            keep = live[candidates] & (acc[candidates] + left[done] >= theta)
            if mask is not None:
                keep &= mask[candidates]
            # Runs of ascending ids: a stable sort (timsort) merges them quickly.
            candidates = np.sort(candidates[keep], kind="stable")
            for n in order[done:]:
                for segment, docs, tfs in parts[n]:
                    found, where = _find(docs, candidates, segment)
                    gain = self._gains(state, float(weights[n]), found, tfs[where])
                    acc[found] += gain * repeats[n]
                done += 1
                candidates = candidates[acc[candidates] + left[done] >= theta]
            by_term = {int(tid): found for tid, found in zip(unique, parts, strict=True)}
            return self._exact_top(state, tids, candidates, k, by_term)
        finally:
            for docs in seen:
                acc[docs] = 0.0

    def _exact_top(
        self,
        state: _State,
        tids: list[int],
        candidates: npt.NDArray[np.int32],
        k: int,
        parts: dict[int, list[_Part]],
    ) -> list[tuple[int, float]]:
        """The top k of ``candidates`` (sorted ids), scored to the bit as :meth:`_scores` does.

        Query terms are added in query order, a repeated term once per repeat; a term a doc
        lacks adds nothing, as adding 0.0 would not change the sum either.
        """
        idf = self._idf(state)
        gains: dict[int, Floats] = {}
        for tid, found in parts.items():
            gain = np.zeros(len(candidates))
            for segment, docs, tfs in found:
                hits, where = _find(docs, candidates, segment, positions=True)
                gain[hits] = self._gains(state, float(idf[tid]), docs[where], tfs[where])
            gains[tid] = gain
        scores = np.zeros(len(candidates))
        for tid in tids:
            if tid in gains:
                scores += gains[tid]
        positive = scores > 0
        candidates, scores = candidates[positive], scores[positive]
        best = np.lexsort((candidates, -scores))[:k]
        return [(int(candidates[i]), float(scores[i])) for i in best]

    def _accumulator(self, size: int) -> Floats:
        """This thread's all-zero scratch array of at least ``size`` scores."""
        acc: Floats | None = getattr(self._local, "acc", None)
        if acc is None or len(acc) < size:
            acc = np.zeros(max(size, 1024) * 5 // 4)
            self._local.acc = acc
        return acc

    def _lookup(self, query: Sequence[str], state: _State) -> list[int]:
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

    def _idf(self, state: _State) -> Floats:
        """The IDF of every term id under ``state`` (computed once per state)."""
        cached: Floats | None = state.cache.get("idf")
        if cached is not None:
            return cached
        n = float(state.n_live)
        df = state.df.astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.variant == "lucene":
                idf = lucene_idf(n, df)
            elif self.variant == "okapi":
                idf = np.log(n - df + 0.5) - np.log(df + 0.5)
                present = state.df > 0
                if present.any():
                    floor = self.epsilon * float(idf[present].mean())
                    idf = np.where(idf < 0, floor, idf)
            elif self.variant == "bm25l":
                idf = np.log(n + 1) - np.log(df + 0.5)
            else:
                idf = np.log((n + 1) / df)
        idf[state.df == 0] = 0.0
        state.cache["idf"] = idf
        return idf

    def _gains(
        self, state: _State, idf: float, docs: npt.NDArray[np.int32], tfs: npt.NDArray[Any]
    ) -> Floats:
        """The score part of one term in ``docs``, which have it ``tfs`` times.

        Most postings have tf 1; for Lucene and Okapi their part is ``idf`` times a per-doc
        factor computed once per state, which is the formula of :meth:`_weigh` at tf 1,
        operation for operation, so the result is the same to the last bit.
        """
        if self.variant not in ("lucene", "okapi"):
            return self._weigh(idf, tfs, state.dl[docs], state.avgdl)
        gains: Floats = idf * self._unit(state)[docs]
        heavy = np.flatnonzero(tfs != 1)
        if len(heavy):
            docs = docs[heavy]
            gains[heavy] = self._weigh(idf, tfs[heavy], state.dl[docs], state.avgdl)
        return gains

    def _unit(self, state: _State) -> Floats:
        """Per doc: the tf part of the score at tf 1 (Lucene and Okapi)."""
        unit: Floats | None = state.cache.get("unit")
        if unit is None:
            k1, b, tf = self.k1, self.b, 1.0
            length = state.dl.astype(np.float64)
            unit = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / state.avgdl))
            state.cache["unit"] = unit
        return unit

    def _weigh(
        self, idf: float | Floats, tfs: npt.NDArray[Any], dl: npt.NDArray[Any], avgdl: float
    ) -> Floats:
        """The score part of one term in docs that have it (rank_bm25's arithmetic)."""
        k1, b, tf = self.k1, self.b, tfs.astype(np.float64)
        length = dl.astype(np.float64)
        if self.variant == "bm25l":
            ctd = tf / (1 - b + b * length / avgdl)
            return idf * tf * (k1 + 1) * (ctd + self.delta) / (k1 + ctd + self.delta)
        if self.variant == "bm25plus":
            return idf * (self.delta + (tf * (k1 + 1)) / (k1 * (1 - b + b * length / avgdl) + tf))
        return idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avgdl)))

    # -- storing -------------------------------------------------------------------------

    def save(self, directory: Path) -> None:
        """Write the index under ``directory`` so that a kill at any moment leaves either the
        previous snapshot or this one, never a mix.

        The arrays go to a fresh folder inside ``directory``; a small JSON header that names
        it is then swapped in with ``os.replace``, and older array folders are deleted.
        """
        state = self._state
        terms = self._terms[: len(state.df)]
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        name = f"bm25-{uuid.uuid4().hex}"
        temp = directory / f"{name}.tmp"
        temp.mkdir()
        try:
            arrays: dict[str, npt.NDArray[Any]] = {
                "dl": state.dl,
                "live": state.live,
                "df": state.df,
            }
            for n, segment in enumerate(state.segments):
                for part in ("terms", "indptr", "docs", "tfs", "max_tf", "min_dl"):
                    arrays[f"s{n}-{part}"] = getattr(segment, part)
            for key, array in arrays.items():
                np.save(temp / f"{key}.npy", np.ascontiguousarray(array))
            (temp / "terms.json").write_text(json.dumps(terms, ensure_ascii=False), "utf-8")
            os.replace(temp, directory / name)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "data": name,
            "variant": self.variant,
            "k1": self.k1,
            "b": self.b,
            "delta": self.delta,
            "epsilon": self.epsilon,
            "n_live": state.n_live,
            "total_len": state.total_len,
            "segments": [[s.lo, s.hi] for s in state.segments],
        }
        temp_header = directory / f"{_HEADER}.{name}.tmp"
        with open(temp_header, "w", encoding="utf-8") as out:
            json.dump(header, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_header, directory / _HEADER)
        for old in directory.glob("bm25-*"):
            if old.name != name:
                shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path) -> BM25Index:
        """Read an index that :meth:`save` wrote; arrays are memory-mapped, not read.

        Raises OSError when files are missing and ValueError when they are not an index of
        this format version.
        """
        directory = Path(directory)
        try:
            header = json.loads((directory / _HEADER).read_text("utf-8"))
        except json.JSONDecodeError as err:
            raise ValueError(f"{directory / _HEADER} is not valid JSON: {err}") from err
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ValueError(f"{directory} holds no {FORMAT} index")
        if header.get("version") != FORMAT_VERSION:
            raise ValueError(
                f"{directory} holds index format version {header.get('version')!r}; "
                f"this newsdesk reads version {FORMAT_VERSION}"
            )
        data = directory / str(header["data"])
        index = cls(
            variant=header["variant"],
            k1=header["k1"],
            b=header["b"],
            delta=header["delta"],
            epsilon=header["epsilon"],
        )

        def array(key: str) -> npt.NDArray[Any]:
            loaded: npt.NDArray[Any] = np.load(
                data / f"{key}.npy", mmap_mode="r", allow_pickle=False
            )
            # A plain read-only view of the mapped pages: slicing an np.memmap makes a new
            # memmap object each time, about a sixth of a query's time at 1M sentences.
            return loaded.view(np.ndarray)

        terms = json.loads((data / "terms.json").read_text("utf-8"))
        segments = []
        for n, (lo, hi) in enumerate(header["segments"]):
            parts = {
                part: array(f"s{n}-{part}")
                for part in ("terms", "indptr", "docs", "tfs", "max_tf", "min_dl")
            }
            segments.append(_Segment(lo=int(lo), hi=int(hi), **parts))
        state = _State(
            segments=tuple(segments),
            dl=array("dl"),
            live=array("live"),
            df=array("df"),
            n_live=int(header["n_live"]),
            total_len=int(header["total_len"]),
        )
        if not len(state.live) == len(state.dl) or len(state.df) != len(terms):
            raise ValueError(f"the index in {directory} is inconsistent: array sizes differ")
        index._terms = list(terms)
        index._vocab = {term: tid for tid, term in enumerate(index._terms)}
        index._state = state
        return index


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


def _allowed_mask(allowed: npt.NDArray[Any], n_ids: int) -> npt.NDArray[np.bool_]:
    allowed = np.asarray(allowed)
    mask = np.zeros(n_ids, dtype=bool)
    if allowed.dtype == bool:
        size = min(len(allowed), n_ids)
        mask[:size] = allowed[:size]
    elif np.issubdtype(allowed.dtype, np.integer):
        ids = allowed[(allowed >= 0) & (allowed < n_ids)]
        mask[ids] = True
    else:
        raise ValueError(f"allowed must be a boolean mask or an array of ids, not {allowed.dtype}")
    return mask


def _segment(
    lo: int,
    hi: int,
    post_terms: npt.NDArray[np.integer[Any]],
    post_docs: npt.NDArray[np.integer[Any]],
    tfs: npt.NDArray[np.integer[Any]],
    dl: npt.NDArray[np.int32],
) -> _Segment:
    """A segment from postings sorted by term, then by doc."""
    if len(post_terms):
        starts = np.flatnonzero(np.diff(post_terms)) + 1
        heads = np.concatenate([[0], starts]).astype(np.int64)
    else:
        heads = np.zeros(0, dtype=np.int64)
    indptr = np.concatenate([heads, [len(post_terms)]]).astype(np.int64)
    tf_type = np.uint16 if not len(tfs) or int(tfs.max()) <= np.iinfo(np.uint16).max else np.uint32
    docs = post_docs.astype(np.int32)
    tfs_ = tfs.astype(tf_type)
    return _Segment(
        lo=lo,
        hi=hi,
        terms=post_terms[heads].astype(np.int32),
        indptr=indptr,
        docs=docs,
        tfs=tfs_,
        max_tf=np.maximum.reduceat(tfs_, heads) if len(heads) else tfs_[:0],
        min_dl=np.minimum.reduceat(dl[docs], heads) if len(heads) else np.zeros(0, np.int32),
    )


def _merge(
    segments: Sequence[_Segment], live: npt.NDArray[np.bool_], dl: npt.NDArray[np.int32]
) -> _Segment:
    """One segment with the live postings of adjacent ``segments`` (in id order)."""
    n_terms = max((int(s.terms[-1]) + 1 for s in segments if len(s.terms)), default=0)
    kept = []
    counts = np.zeros(n_terms, dtype=np.int64)
    for segment in segments:
        keep = live[segment.docs]
        owner = np.repeat(np.arange(len(segment.terms)), np.diff(segment.indptr))[keep]
        per_term = np.bincount(owner, minlength=len(segment.terms))
        counts[segment.terms] += per_term
        kept.append((segment, keep, per_term))
    indptr_all = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr_all[1:])
    total = int(indptr_all[-1])
    docs = np.empty(total, dtype=np.int32)
    tf_type = np.result_type(*(s.tfs.dtype for s in segments)) if segments else np.uint16
    tfs = np.empty(total, dtype=tf_type)
    fill = indptr_all[:-1].copy()
    for segment, keep, per_term in kept:
        # Postings of one term go after those of the segments before (smaller ids).
        local_start = np.concatenate([[0], np.cumsum(per_term)[:-1]])
        dest = np.repeat(fill[segment.terms] - local_start, per_term) + np.arange(int(keep.sum()))
        docs[dest] = segment.docs[keep]
        tfs[dest] = segment.tfs[keep]
        fill[segment.terms] += per_term
    present = np.flatnonzero(counts).astype(np.int64)
    post_terms = np.repeat(present, counts[present])
    lo = min(s.lo for s in segments)
    hi = max(s.hi for s in segments)
    return _segment(lo, hi, post_terms, docs, tfs, dl)


def _merge_tail(
    segments: list[_Segment], live: npt.NDArray[np.bool_], dl: npt.NDArray[np.int32]
) -> list[_Segment]:
    """Merge trailing segments of similar size (and all small ones) into one."""
    while len(segments) >= 2:
        older, newer = segments[-2], segments[-1]
        older_size, newer_size = older.hi - older.lo, newer.hi - newer.lo
        if older_size >= _SMALL_SEGMENT and older_size > _MERGE_RATIO * newer_size:
            break
        segments[-2:] = [_merge([older, newer], live, dl)]
    return segments


def _best(
    acc: Floats,
    seen: npt.NDArray[np.int32],
    live: npt.NDArray[np.bool_],
    mask: npt.NDArray[np.bool_] | None,
    k: int,
) -> npt.NDArray[np.int32]:
    """The (at most) k live, allowed ``seen`` docs with the best partial scores."""
    ok = live[seen] if mask is None else live[seen] & mask[seen]
    docs = seen[ok] if not ok.all() else seen
    if len(docs) <= k:
        return docs
    return docs[np.argpartition(-acc[docs], k - 1)[:k]]


def _find(
    docs: npt.NDArray[np.int32],
    wanted: npt.NDArray[np.int32],
    segment: _Segment,
    *,
    positions: bool = False,
) -> tuple[npt.NDArray[Any], npt.NDArray[np.int64]]:
    """Which of ``wanted`` (sorted ids) are in ``docs`` (one term's postings in ``segment``).

    Returns the found ids (or, with ``positions``, their indices in ``wanted``) and where
    they are in ``docs``.
    """
    lo, hi = np.searchsorted(wanted, np.array([segment.lo, segment.hi], dtype=wanted.dtype))
    sub = wanted[lo:hi]
    where = np.searchsorted(docs, sub.astype(docs.dtype, copy=False))
    where[where == len(docs)] = 0
    hit = np.flatnonzero(docs[where] == sub) if len(docs) else where[:0]
    return (hit + lo if positions else sub[hit]), where[hit]


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
