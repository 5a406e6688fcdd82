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
