"""Searching one state of an index: every score, per-term scores, and the top k.

:func:`all_scores` is the simple path and the reference the fast ones are tested against;
:func:`top_k` takes the pruned :mod:`.maxscore` path whenever its upper bounds hold.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.bm25 import maxscore
from retrieval.bm25.scoring import Floats, Variant, top_scores
from retrieval.bm25.state import State


def all_scores(state: State, variant: Variant, tids: list[int]) -> Floats:
    """Every id's score for query term ids ``tids`` (-1: unknown); removed ids score 0."""
    scores = np.zeros(state.n_ids)
    idf = variant.idf(state)
    for tid in tids:
        if tid < 0:
            continue
        weight = float(idf[tid])
        absent = variant.absent(weight)
        if absent:
            # Every doc gains from the term: those that have it by their postings.
            contribution = np.full(state.n_ids, absent)
            for segment in state.segments:
                found = segment.postings(tid)
                if found is not None:
                    docs, tfs = found
                    contribution[docs] = variant.gains(state, weight, docs, tfs)
            scores += contribution
            continue
        for segment in state.segments:
            found = segment.postings(tid)
            if found is not None:
                docs, tfs = found
                scores[docs] += variant.gains(state, weight, docs, tfs)
    scores[~state.live] = 0.0
    return scores


def term_scores(
    state: State, variant: Variant, tids: list[int], wanted: npt.NDArray[np.int64]
) -> Floats:
    """Each query term's score for each of ``wanted`` (valid ids): a ``len(tids) × len(wanted)``
    matrix whose rows add up to :func:`all_scores` at ``wanted``."""
    order = np.argsort(wanted, kind="stable")
    ordered = wanted[order]
    idf = variant.idf(state)
    matrix = np.zeros((len(tids), len(wanted)))
    for row, tid in enumerate(tids):
        if tid < 0:
            continue
        weight = float(idf[tid])
        line = np.full(len(wanted), variant.absent(weight))
        for segment in state.segments:
            found = segment.postings(tid)
            if found is None:
                continue
            docs, tfs = found
            at = np.searchsorted(docs, ordered)
            inside = at < len(docs)
            hit = np.zeros(len(ordered), dtype=bool)
            hit[inside] = docs[at[inside]] == ordered[inside]
            line[order[hit]] = variant.gains(state, weight, docs[at[hit]], tfs[at[hit]])
        matrix[row] = line
    matrix[:, ~state.live[wanted]] = 0.0
    return matrix


def top_k(
    state: State,
    variant: Variant,
    tids: list[int],
    k: int,
    mask: npt.NDArray[np.bool_] | None,
    scratch: maxscore.Scratch,
) -> list[tuple[int, float]]:
    """The ``k`` best ``(id, score)``: best first, ties by smaller id, positive scores only."""
    idf = variant.idf(state)
    known = [tid for tid in tids if tid >= 0]
    if not k or not known:
        return []
    if variant.every_doc_scores or float(idf[known].min()) < 0:
        # Every doc scores (BM25+), or a negative Okapi IDF breaks the upper bounds.
        scores = all_scores(state, variant, tids)
        if mask is not None:
            scores[~mask] = 0.0
        return top_scores(scores, k)
    return maxscore.top_k(state, variant, tids, k, mask, scratch)


def allowed_mask(allowed: npt.NDArray[Any], n_ids: int) -> npt.NDArray[np.bool_]:
    """A boolean mask over ``n_ids`` ids from a mask (ids past its end not allowed) or ids."""
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
