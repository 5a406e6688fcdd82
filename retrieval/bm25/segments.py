"""Segments: immutable postings of a contiguous range of ids, CSR by term.

An add builds a segment for the new documents only; :class:`MergePolicy` then merges the
trailing segments when they grow to a similar size, so an add costs time in proportion to the
batch and the index stays a handful of segments. A document's postings are in exactly one
segment, so merging never changes a score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
PARTS = ("terms", "indptr", "docs", "tfs", "max_tf", "min_dl")
"""The arrays of a segment, as :mod:`.snapshot` stores them."""


@dataclass(frozen=True, slots=True)
class Segment:
    """Postings of the documents with ids in ``[lo, hi)``, CSR by term."""

    lo: int
    hi: int
    terms: npt.NDArray[np.int32]  # sorted unique term ids
    indptr: Ints  # postings of terms[i] are [indptr[i], indptr[i + 1])
    docs: npt.NDArray[np.int32]  # global doc ids, ascending within a term
    tfs: npt.NDArray[Any]  # uint16 or uint32: term frequency in the doc
    max_tf: npt.NDArray[Any]  # per term: the largest tf
    min_dl: npt.NDArray[np.int32]  # per term: the shortest doc that has it

    @property
    def size(self) -> int:
        """How many ids the segment covers, removed ones too."""
        return self.hi - self.lo

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

    def terms_of(self, gone: npt.NDArray[np.int64]) -> npt.NDArray[np.int32]:
        """The term id of every posting of the docs ``gone`` (ids within this segment)."""
        dropped = np.zeros(self.size, dtype=bool)
        dropped[gone - self.lo] = True
        hit = np.flatnonzero(dropped[self.docs - self.lo])
        term_index = np.searchsorted(self.indptr, hit, side="right") - 1
        return self.terms[term_index]


# One term's postings in one segment: the segment, the docs, the tfs.
Part = tuple[Segment, npt.NDArray[np.int32], npt.NDArray[Any]]


def build(
    lo: int,
    hi: int,
    post_terms: npt.NDArray[np.integer[Any]],
    post_docs: npt.NDArray[np.integer[Any]],
    tfs: npt.NDArray[np.integer[Any]],
    dl: npt.NDArray[np.int32],
) -> Segment:
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
    return Segment(
        lo=lo,
        hi=hi,
        terms=post_terms[heads].astype(np.int32),
        indptr=indptr,
        docs=docs,
        tfs=tfs_,
        max_tf=np.maximum.reduceat(tfs_, heads) if len(heads) else tfs_[:0],
        min_dl=np.minimum.reduceat(dl[docs], heads) if len(heads) else np.zeros(0, np.int32),
    )


def from_docs(first: int, tids: Ints, lengths: Ints, dl: npt.NDArray[np.int32]) -> Segment:
    """A segment for new docs ``first, first + 1, …``: ``tids`` are their terms end to end,
    ``lengths`` how many each has, ``dl`` the length of every doc id, the new ones too."""
    end = first + len(lengths)
    owners = np.repeat(np.arange(first, end, dtype=np.int64), lengths)
    # One posting per (term, doc); np.unique sorts by term, then by doc.
    keys, tfs = np.unique(tids * end + owners, return_counts=True)
    post_terms, post_docs = np.divmod(keys, end)
    return build(first, end, post_terms, post_docs, tfs, dl)


def merge(
    segments: Sequence[Segment], live: npt.NDArray[np.bool_], dl: npt.NDArray[np.int32]
) -> Segment:
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
    return build(lo, hi, post_terms, docs, tfs, dl)


@dataclass(frozen=True, slots=True)
class MergePolicy:
    """When segments are merged: after an add (the tail) and after a remove (the dead)."""

    small_segment: int = 4096
    """A trailing segment smaller than this is always merged with the one before it:
    rebuilding a few thousand documents costs less than the per-segment overhead of every
    later query."""
    merge_ratio: float = 2
    """Two trailing segments are merged when the older one is at most this many times larger."""
    max_dead_share: float = 0.25
    """A segment with more than this share of removed documents is rewritten without them."""

    def merge_tail(
        self, segments: list[Segment], live: npt.NDArray[np.bool_], dl: npt.NDArray[np.int32]
    ) -> list[Segment]:
        """Merge trailing segments of similar size (and all small ones) into one."""
        while len(segments) >= 2:
            older, newer = segments[-2], segments[-1]
            if older.size >= self.small_segment and older.size > self.merge_ratio * newer.size:
                break
            segments[-2:] = [merge([older, newer], live, dl)]
        return segments

    def too_dead(self, segment: Segment, live: npt.NDArray[np.bool_]) -> bool:
        """Whether ``segment`` holds so many removed docs that it is worth rewriting."""
        dead = segment.size - int(live[segment.lo : segment.hi].sum())
        return dead > self.max_dead_share * segment.size
