"""Sentence embeddings as stored with the answer base: int8, one scale per vector.

A question costs one embedding when its candidate sentences' embeddings are stored: computing
them at question time took most of an answer (a few tens of milliseconds a sentence on a busy
2-core machine). Each unit vector is kept as a float32 scale and ``dim`` int8 components
(388 bytes for e5-small's 384 dimensions, a quarter of float32); the cosine it gives back
differs from the float32 one by about 0.001.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]


def quantise(vectors: npt.NDArray[np.float32]) -> list[bytes]:
    """Each row of ``vectors`` as bytes: its float32 scale, then its int8 components."""
    rows = np.asarray(vectors, dtype=np.float32)
    if rows.ndim != 2:
        raise ValueError(f"vectors must be a 2-d array, not {rows.ndim}-d")
    scales = np.abs(rows).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    codes = np.rint(rows / scales[:, None]).astype(np.int8)
    return [
        scale.astype(np.float32).tobytes() + code.tobytes()
        for scale, code in zip(scales, codes, strict=True)
    ]


def dequantise(blob: bytes) -> Vector:
    """The float32 vector that :func:`quantise` stored in ``blob``."""
    scale = np.frombuffer(blob, dtype=np.float32, count=1)
    vector: Vector = np.frombuffer(blob, dtype=np.int8, offset=4).astype(np.float32) * scale
    return vector


def stack(blobs: Sequence[bytes]) -> npt.NDArray[np.float32]:
    """Several stored vectors as the rows of one matrix."""
    if not blobs:
        return np.zeros((0, 0), "f4")
    if len({len(blob) for blob in blobs}) != 1:
        return np.vstack([dequantise(blob) for blob in blobs])
    raw = np.frombuffer(b"".join(blobs), dtype=np.uint8).reshape(len(blobs), -1)
    scales = raw[:, :4].copy().view(np.float32)
    matrix: npt.NDArray[np.float32] = raw[:, 4:].view(np.int8).astype(np.float32) * scales
    return matrix


BLOCK = 65_536
"""Rows compared at a time by the sign-bit pass: its scratch (about 700 KiB) fits in L2."""

SETTLED = 10_000
"""Rows whose mean is a centre that stays: a mean of fewer is taken again as the index grows."""


class VectorIndex:
    """The sentences nearest in meaning to a question, for questions BM25 cannot match.

    A first pass compares sign bits (48 bytes a sentence for 384 dimensions, where a float32
    product over 100,000 sentences took 24 ms and streamed 150 MB); the caller rescores the
    candidates with their stored int8 vectors. The bits are kept word-major, 64 bits of every
    sentence in one contiguous array: over 200,000 sentences the pass took 0.8 ms instead of
    13 ms with one row of bytes per sentence (numpy sums short rows slowly). Rows live in
    arrays that double when full, kept in sentence-id order, so adding a batch costs the batch
    and forgetting a sentence a binary search.

    The bits are taken after subtracting the sentences' mean vector (:attr:`centre`), from the
    question too. Embeddings such as e5's share a large common direction (any two sentences'
    cosine is .7 or more), so raw sign bits mostly record it: on XQuAD (questions in one of
    en/ru, 1,200 sentences in the other) the true nearest sentence was among the first 100
    by raw bits for 74-77 % of questions, and 99-100 % once centred. Subtracting one vector
    from every sentence shifts each dot product with the question by the same amount, so the
    rescoring order is that of the cosines. The centre is the mean of the first rows added;
    while it stands on fewer than :data:`SETTLED` of them and the index has since doubled,
    :attr:`stale` asks the owner to build the index again from all the vectors.
    """

    def __init__(self, dim: int = 0, *, block: int = BLOCK) -> None:
        if block < 1:
            raise ValueError(f"block must be a positive number of rows, not {block}")
        self._dim = dim
        self._block = block
        self._centre: npt.NDArray[np.float32] | None = None
        self._centred_on = 0  # rows the centre is the mean of
        self._size = 0
        self._bits = np.zeros(((dim + 63) // 64, 0), dtype=np.uint64)  # words × rows
        self._sids = np.zeros(0, dtype=np.int64)
        self._live = np.zeros(0, dtype=bool)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    @property
    def centre(self) -> npt.NDArray[np.float32] | None:
        """The vector subtracted before taking sign bits (None until rows are added)."""
        return self._centre

    @property
    def stale(self) -> bool:
        """Whether the centre came from too few rows for what the index holds now."""
        return self._centred_on < SETTLED and self._count >= 2 * max(self._centred_on, 1)

    def add(self, sids: Sequence[int], vectors: npt.NDArray[np.float32]) -> None:
        """Index the embeddings of sentences ``sids`` (one row each)."""
        if not len(sids):
            return
        rows = np.asarray(vectors, dtype=np.float32)
        if self._dim == 0:
            self._dim = rows.shape[1]
            self._bits = np.zeros(((self._dim + 63) // 64, 0), dtype=np.uint64)
        if rows.shape != (len(sids), self._dim):
            raise ValueError(f"vectors must be {len(sids)} rows of {self._dim}, not {rows.shape}")
        if self._centre is None:
            self._centre = rows.mean(axis=0)
            self._centred_on = len(rows)
        ids = np.asarray(sids, dtype=np.int64)
        self.remove(ids)  # a sentence embedded again keeps one row
        start, end = self._size, self._size + len(ids)
        self._reserve(end)
        self._bits[:, start:end] = _words(rows > self._centre).T
        self._sids[start:end] = ids
        self._live[start:end] = True
        self._size = end
        self._count += len(ids)
        in_order = bool(np.all(np.diff(ids) > 0)) and (start == 0 or self._sids[start - 1] < ids[0])
        if not in_order:  # embeddings come in sentence-id order; else sorted, dead rows dropped
            kept = np.flatnonzero(self._live[:end])
            order = kept[np.argsort(self._sids[kept], kind="stable")]
            size = len(order)
            self._bits[:, :size] = self._bits[:, order]
            self._sids[:size] = self._sids[order]
            self._live[:size] = True
            self._live[size:end] = False
            self._size = size

    def remove(self, sids: Sequence[int] | npt.NDArray[np.int64]) -> None:
        """Forget sentences (removed articles); unknown ids are ignored."""
        wanted = np.asarray(sids, dtype=np.int64)
        if not len(wanted) or not self._size:
            return
        known = self._sids[: self._size]
        at = np.searchsorted(known, wanted)
        inside = at < self._size
        at = at[inside]
        hit = at[(known[at] == wanted[inside]) & self._live[at]]
        self._live[hit] = False
        self._count -= len(hit)

    def candidates(self, query: npt.NDArray[np.float32], k: int) -> list[int]:
        """Up to ``k`` sentence ids whose sign bits agree most with the query's.

        Ties at the cut go to the lower ids, so the answer does not depend on the pass.
        """
        if not self._count or self._centre is None:
            return []
        bits = _words(np.asarray(query)[None, :] > self._centre)[0]
        distance = self._distances(bits)
        dead = 64 * len(bits) + 1  # more than any two rows' distance
        if self._count < self._size:
            distance[~self._live[: self._size]] = dead
        k = min(k, self._count)
        # The distances are small integers: a histogram finds the k-th smallest in one pass,
        # a small part of what argpartition took over a million rows.
        counts = np.bincount(distance, minlength=dead + 1)
        cut = int(np.searchsorted(np.cumsum(counts), k))
        below = np.flatnonzero(distance < cut)
        top = np.concatenate([below, np.flatnonzero(distance == cut)[: k - len(below)]])
        top = top[np.argsort(distance[top], kind="stable")]
        return [int(sid) for sid in self._sids[top]]

    def _distances(self, bits: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint16]:
        """Hamming distance from ``bits`` to every row, in blocks that stay in the CPU cache.

        One whole-array pass per 64-bit word wrote and read back three arrays as long as the
        index; over a million rows the search took 25.7 ms that way and 15.3 ms in blocks of
        :data:`BLOCK` rows with the histogram cut (``tests/benchmarks/ann.py``, load 7).
        """
        size = self._size
        distance = np.empty(size, dtype=np.uint16)
        block = min(size, self._block)
        scratch = np.empty(block, dtype=np.uint64)
        counted = np.empty(block, dtype=np.uint8)
        for start in range(0, size, block):
            end = min(size, start + block)
            part, xor, count = distance[start:end], scratch[: end - start], counted[: end - start]
            part[:] = 0
            for words, query_word in zip(self._bits[:, start:end], bits, strict=True):
                np.bitwise_xor(words, query_word, out=xor)
                np.bitwise_count(xor, out=count)
                np.add(part, count, out=part)
        return distance

    def _reserve(self, size: int) -> None:
        if size <= len(self._sids):
            return
        capacity = max(size, 2 * len(self._sids), 1024)
        bits = np.zeros((self._bits.shape[0], capacity), dtype=np.uint64)
        bits[:, : self._size] = self._bits[:, : self._size]
        sids = np.zeros(capacity, dtype=np.int64)
        sids[: self._size] = self._sids[: self._size]
        live = np.zeros(capacity, dtype=bool)
        live[: self._size] = self._live[: self._size]
        self._bits, self._sids, self._live = bits, sids, live


def _words(signs: npt.NDArray[np.bool_]) -> npt.NDArray[np.uint64]:
    """Each row of booleans packed into 64-bit words (zero-padded), one row per input row."""
    packed = np.packbits(signs, axis=1)
    padding = -packed.shape[1] % 8
    if padding:
        packed = np.pad(packed, ((0, 0), (0, padding)))
    return np.ascontiguousarray(packed).view(np.uint64)
