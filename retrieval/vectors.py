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
    return np.vstack([dequantise(blob) for blob in blobs]) if blobs else np.zeros((0, 0), "f4")


class VectorIndex:
    """The sentences nearest in meaning to a question, for questions BM25 cannot match.

    A first pass compares sign bits (48 bytes a sentence for 384 dimensions; 6 ms over
    100,000 sentences on a busy 2-core machine, where a float32 product took 24 ms and
    streamed 150 MB); the caller rescores the candidates with their stored int8 vectors.
    Rows live in arrays that double when full, kept in sentence-id order, so adding a batch
    costs the batch and forgetting a sentence a binary search.
    """

    def __init__(self, dim: int = 0) -> None:
        self._dim = dim
        self._size = 0
        self._bits = np.zeros((0, (dim + 7) // 8), dtype=np.uint8)
        self._sids = np.zeros(0, dtype=np.int64)
        self._live = np.zeros(0, dtype=bool)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, sids: Sequence[int], vectors: npt.NDArray[np.float32]) -> None:
        """Index the embeddings of sentences ``sids`` (one row each)."""
        if not len(sids):
            return
        rows = np.asarray(vectors, dtype=np.float32)
        if self._dim == 0:
            self._dim = rows.shape[1]
            self._bits = np.zeros((0, (self._dim + 7) // 8), dtype=np.uint8)
        if rows.shape != (len(sids), self._dim):
            raise ValueError(f"vectors must be {len(sids)} rows of {self._dim}, not {rows.shape}")
        ids = np.asarray(sids, dtype=np.int64)
        self.remove(ids)  # a sentence embedded again keeps one row
        start, end = self._size, self._size + len(ids)
        self._reserve(end)
        self._bits[start:end] = np.packbits(rows > 0, axis=1)
        self._sids[start:end] = ids
        self._live[start:end] = True
        self._size = end
        self._count += len(ids)
        in_order = bool(np.all(np.diff(ids) > 0)) and (start == 0 or self._sids[start - 1] < ids[0])
        if not in_order:  # embeddings come in sentence-id order; else sorted, dead rows dropped
            kept = np.flatnonzero(self._live[:end])
            order = kept[np.argsort(self._sids[kept], kind="stable")]
            size = len(order)
            self._bits[:size] = self._bits[order]
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
        """Up to ``k`` sentence ids whose sign bits agree most with the query's."""
        if not self._count:
            return []
        bits = np.packbits(np.asarray(query) > 0)
        distance = np.bitwise_count(self._bits[: self._size] ^ bits).sum(axis=1, dtype=np.int32)
        distance[~self._live[: self._size]] = np.iinfo(np.int32).max
        k = min(k, self._count)
        top = np.argpartition(distance, k - 1)[:k]
        top = top[np.argsort(distance[top], kind="stable")]
        return [int(sid) for sid in self._sids[top]]

    def _reserve(self, size: int) -> None:
        if size <= len(self._sids):
            return
        capacity = max(size, 2 * len(self._sids), 1024)
        bits = np.zeros((capacity, self._bits.shape[1]), dtype=np.uint8)
        bits[: self._size] = self._bits[: self._size]
        sids = np.zeros(capacity, dtype=np.int64)
        sids[: self._size] = self._sids[: self._size]
        live = np.zeros(capacity, dtype=bool)
        live[: self._size] = self._live[: self._size]
        self._bits, self._sids, self._live = bits, sids, live
