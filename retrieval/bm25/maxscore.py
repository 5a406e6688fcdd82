"""The MaxScore top k: the same answer as sorting every score, faster.

Terms are taken by falling upper bound (rare terms first). Their postings are scored in full
until the bounds of the terms left add up to less than the k-th best score so far: no doc yet
unseen can then reach the top k, and the terms left are only looked up for the docs already
seen (binary search in their postings), dropping each doc whose score cannot reach the k-th
any more. The few docs left are scored once more exactly as
:func:`retrieval.bm25.search.all_scores` does, term by term in query order, so scores and ties
are equal to the last bit.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.bm25.scoring import Floats, Variant
from retrieval.bm25.segments import Part, Segment
from retrieval.bm25.state import State


class Scratch:
    """Per-thread all-zero score arrays, reused across queries (zeroed after each)."""

    def __init__(self) -> None:
        self._local = threading.local()

    def get(self, size: int) -> Floats:
        """This thread's all-zero scratch array of at least ``size`` scores."""
        acc: Floats | None = getattr(self._local, "acc", None)
        if acc is None or len(acc) < size:
            acc = np.zeros(max(size, 1024) * 5 // 4)
            self._local.acc = acc
        return acc


@dataclass(frozen=True, slots=True)
class _Plan:
    """The query's terms with a positive IDF, each once, and the order they are taken in."""

    unique: npt.NDArray[np.int64]
    repeats: Floats  # how often each of ``unique`` is in the query
    weights: Floats  # the IDF of each of ``unique``
    parts: list[list[Part]]  # the postings of each of ``unique``, segment by segment
    order: list[int]  # positions in ``unique`` by falling upper bound
    left: list[float]  # left[i]: the bounds of order[i:] added up


def top_k(
    state: State,
    variant: Variant,
    tids: list[int],
    k: int,
    mask: npt.NDArray[np.bool_] | None,
    scratch: Scratch,
) -> list[tuple[int, float]]:
    """The ``k`` best ``(id, score)`` of the live, allowed docs for query term ids ``tids``.

    ``variant`` must give no doc a score for a term it lacks, and no term a negative IDF.
    """
    plan = _plan(state, variant, tids)
    if plan is None:
        return []
    acc = scratch.get(state.n_ids)
    seen: list[npt.NDArray[np.int32]] = []  # the docs acc is not 0 for
    try:
        done, theta = _score_in_full(plan, state, variant, acc, seen, mask, k)
        seen[:] = [np.concatenate(seen)] if len(seen) > 1 else seen
        candidates = seen[0] if seen else np.zeros(0, dtype=np.int32)
        keep = state.live[candidates] & (acc[candidates] + plan.left[done] >= theta)
        if mask is not None:
            keep &= mask[candidates]
        # Runs of ascending ids: a stable sort (timsort) merges them quickly.
        candidates = np.sort(candidates[keep], kind="stable")
        for n in plan.order[done:]:
            for segment, docs, tfs in plan.parts[n]:
                found, where = _find(docs, candidates, segment)
                gain = variant.gains(state, float(plan.weights[n]), found, tfs[where])
                acc[found] += gain * plan.repeats[n]
            done += 1
            candidates = candidates[acc[candidates] + plan.left[done] >= theta]
        by_term = {int(tid): found for tid, found in zip(plan.unique, plan.parts, strict=True)}
        return _exact_top(state, variant, tids, candidates, k, by_term)
    finally:
        for docs in seen:
            acc[docs] = 0.0


def _plan(state: State, variant: Variant, tids: list[int]) -> _Plan | None:
    """The terms of ``tids`` worth scoring with their bounds and postings; None if none is."""
    idf = variant.idf(state)
    counts: dict[int, int] = {}
    for tid in tids:
        if tid >= 0 and idf[tid] > 0:  # a zero IDF adds exactly 0 to every score
            counts[tid] = counts.get(tid, 0) + 1
    if not counts:
        return None
    unique = np.fromiter(counts, dtype=np.int64, count=len(counts))
    repeats = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    weights = idf[unique]
    bounds, parts = _bounds_and_parts(state, variant, unique, weights)
    # Bounds of the terms not yet scored in full, a little loose against rounding.
    bounds = bounds * repeats * (1 + 1e-9)
    order = np.argsort(-bounds, kind="stable").tolist()
    left = [float(bounds[order[i:]].sum()) for i in range(len(order) + 1)]
    return _Plan(unique, repeats, weights, parts, order, left)


def _score_in_full(
    plan: _Plan,
    state: State,
    variant: Variant,
    acc: Floats,
    seen: list[npt.NDArray[np.int32]],
    mask: npt.NDArray[np.bool_] | None,
    k: int,
) -> tuple[int, float]:
    """Add the terms' gains to ``acc`` in ``plan.order`` while an unseen doc could still
    reach the top k; returns how many terms were taken and the k-th score less rounding slack.

    The docs ``acc`` rose from 0 for are appended to ``seen``.
    """
    pool = np.zeros(0, dtype=np.int32)  # the k best live, allowed docs so far
    floor = theta = 0.0  # the pool's k-th partial score; that less rounding slack
    done = 0
    while done < len(plan.order) and not plan.left[done] < theta:
        n = plan.order[done]
        done += 1
        for _, docs, tfs in plan.parts[n]:
            gain = variant.gains(state, float(plan.weights[n]), docs, tfs) * plan.repeats[n]
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
            pool = _best(acc, np.concatenate([pool, rising]), state.live, mask, k)
            floor = float(acc[pool].min()) if len(pool) == k else 0.0
        theta = floor * (1 - 1e-9)
    return done, theta


def _bounds_and_parts(
    state: State, variant: Variant, unique: npt.NDArray[np.int64], weights: Floats
) -> tuple[Floats, list[list[Part]]]:
    """Per term of ``unique``: the most one occurrence can add to a score, and its postings."""
    bounds = np.zeros(len(unique))
    parts: list[list[Part]] = [[] for _ in unique]
    for segment in state.segments:
        pos = np.searchsorted(segment.terms, unique.astype(segment.terms.dtype))
        pos[pos == len(segment.terms)] = 0
        here = np.flatnonzero(segment.terms[pos] == unique) if len(segment.terms) else pos[:0]
        if not len(here):
            continue
        at = pos[here]
        top = variant.weigh(weights[here], segment.max_tf[at], segment.min_dl[at], state.avgdl)
        bounds[here] = np.maximum(bounds[here], top)
        starts, ends = segment.indptr[at].tolist(), segment.indptr[at + 1].tolist()
        for n, start, end in zip(here.tolist(), starts, ends, strict=True):
            parts[n].append((segment, segment.docs[start:end], segment.tfs[start:end]))
    return bounds, parts


def _exact_top(
    state: State,
    variant: Variant,
    tids: list[int],
    candidates: npt.NDArray[np.int32],
    k: int,
    parts: dict[int, list[Part]],
) -> list[tuple[int, float]]:
    """The top k of ``candidates`` (sorted ids), scored to the bit as the simple path does.

    Query terms are added in query order, a repeated term once per repeat; a term a doc
    lacks adds nothing, as adding 0.0 would not change the sum either.
    """
    idf = variant.idf(state)
    gains: dict[int, Floats] = {}
    for tid, found in parts.items():
        gain = np.zeros(len(candidates))
        for segment, docs, tfs in found:
            hits, where = _find(docs, candidates, segment, positions=True)
            gain[hits] = variant.gains(state, float(idf[tid]), docs[where], tfs[where])
        gains[tid] = gain
    scores = np.zeros(len(candidates))
    for tid in tids:
        if tid in gains:
            scores += gains[tid]
    positive = scores > 0
    candidates, scores = candidates[positive], scores[positive]
    best = np.lexsort((candidates, -scores))[:k]
    return [(int(candidates[i]), float(scores[i])) for i in best]


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
    segment: Segment,
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
