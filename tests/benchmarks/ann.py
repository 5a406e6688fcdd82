"""Exact sign-bit search (newsdesk's VectorIndex) beside ANN libraries at 100k and 1M vectors.

Run on demand (pytest does not collect this file)::

    .venv/bin/python tests/benchmarks/ann.py [--sizes 100000,1000000] [--queries 500]
        [--methods newsdesk,newsdesk-before,faiss-binary,usearch,hnswlib] [--build-threads 2]

The issue asks for exact search while it is fast enough and an ANN library when it is not,
chosen by measurement. What is compared, for each size N:

* ``newsdesk``: :class:`retrieval.vectors.VectorIndex` (centred sign bits, 48 bytes a
  sentence) gives 100 candidates, rescored with their int8 vectors as ``AnswerBase._nearest``
  does (``10 * DENSE_DEPTH``). The int8 vectors are read from memory here; the answer base
  reads the 100 it needs from SQLite (about 0.5 ms, in ``hybrid_speed.py``'s figures).
* ``newsdesk-before``: the same sign bits searched as VectorIndex did before this benchmark
  (one pass over the whole array per 64-bit word, then ``argpartition``).
* ``faiss-binary``: the same sign bits searched exactly by faiss's ``IndexBinaryFlat`` (C++),
  then the same int8 rescoring: what the exact search would cost compiled.
* ``usearch``: HNSW with int8 vectors (connectivity 16, expansion 128 to add, 64 to search).
* ``hnswlib``: HNSW with float32 vectors (M 16, ef_construction 100, ef 64).

Columns: build time (``--build-threads`` threads where the library takes a count; VectorIndex
uses one), query median and p95 over ``--queries`` questions on one thread, recall@10 against
the exact float32 cosine top 10 over all N, and the resident memory the index added (RSS
before and after building, divided by N; the float32 input matrix is not counted).

The vectors, honestly: every real e5-small passage vector in the benchmark cache
(``embedded.py``; XQuAD, NewsQA and generated-distractor sentences), and past those,
vectors drawn from a Gaussian with the real vectors' mean and covariance, normalised to unit
length. They have e5's large common direction and its spectrum, but none of the clustering of
real text: a harder case than real sentences for both sign bits and HNSW graphs. The queries
are real: e5 query embeddings of XQuAD questions, half English, half Russian.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import importlib.util
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")  # queries on one thread; builds set their own
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from embedded import CACHE, CachedEmbedder  # noqa: E402

from retrieval.vectors import VectorIndex, _words, quantise  # noqa: E402

K = 10
CANDIDATES = 100  # AnswerBase._nearest asks the sign bits for 10 * DENSE_DEPTH
Matrix = npt.NDArray[np.float32]
Search = Callable[[Matrix], list[int]]


@dataclass(frozen=True, slots=True)
class Row:
    """One method at one size."""

    method: str
    build_s: float
    median_ms: float
    p95_ms: float
    recall: float
    bytes_per_vector: float


def rss() -> int:
    """This process's resident memory in bytes, after glibc has returned its free pages.

    glibc raises its mmap threshold as large blocks are freed, so later arrays come from heap
    pages that are already resident and an RSS delta would read near zero; ``malloc_trim``
    gives the free ones back first. (Fixing the threshold low instead made every numpy
    temporary a fresh mapping and the sign-bit pass three times slower.)
    """
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def real_vectors(path: Path = CACHE) -> Matrix:
    """Every passage vector in the benchmark cache (query vectors are keyed apart)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60.0)
    blobs = [blob for (blob,) in db.execute("SELECT v FROM vectors")]
    db.close()
    rows = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), -1)
    return rows[np.abs(np.linalg.norm(rows, axis=1) - 1) < 1e-3]


def corpus(real: Matrix, n: int, seed: int = 13) -> tuple[Matrix, int]:
    """``n`` unit vectors: the real ones first, then Gaussian ones shaped like them."""
    rng = np.random.default_rng(seed)
    take = real[rng.permutation(len(real))[:n]]
    if len(take) == n:
        return np.ascontiguousarray(take), n
    mean = real.mean(axis=0)
    factor = np.linalg.cholesky(np.cov(real, rowvar=False) + 1e-6 * np.eye(real.shape[1]))
    out = np.empty((n, real.shape[1]), dtype=np.float32)
    out[: len(take)] = take
    for start in range(len(take), n, 100_000):
        end = min(n, start + 100_000)
        drawn = mean + rng.standard_normal((end - start, real.shape[1])) @ factor.T
        out[start:end] = drawn / np.linalg.norm(drawn, axis=1, keepdims=True)
    return out, len(take)


class _QueryModel:
    """e5's query embedding behind the ``embed`` that CachedEmbedder calls."""

    def __init__(self) -> None:
        from retrieval.rerank import E5Reranker

        self._e5 = E5Reranker(cache_size=0)

    def embed(self, texts: Sequence[str]) -> Matrix:
        return np.vstack([self._e5.embed_query(t.removeprefix("query: ")) for t in texts])


def queries(count: int) -> Matrix:
    """e5 query vectors of ``count`` XQuAD questions, half English, half Russian.

    Cached beside the passage cache, in a file of their own: :func:`real_vectors` reads
    every vector of the passage cache.
    """
    from quality import load_xquad

    texts: list[str] = []
    for language in ("en", "ru"):
        _, cases = load_xquad(language)
        step = max(1, len(cases) // (count // 2))
        texts += [f"query: {c.question}" for c in cases[::step][: count // 2]]
    return CachedEmbedder(_QueryModel(), CACHE.with_name("e5-queries.sqlite3")).embed(texts)


def exact_top(data: Matrix, asked: Matrix) -> npt.NDArray[np.int64]:
    """The true top K by float32 cosine, for each query."""
    parts = []
    for start in range(0, len(asked), 50):
        scores = asked[start : start + 50] @ data.T
        top = np.argpartition(-scores, K, axis=1)[:, :K]
        order = np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1)
        parts.append(np.take_along_axis(top, order, axis=1))
    return np.vstack(parts)


def int8_rescorer(data: Matrix) -> Callable[[Matrix, npt.NDArray[np.int64]], list[int]]:
    """Rescore candidate rows with their stored int8 vectors, as ``_nearest`` does."""
    scales = np.abs(data).max(axis=1) / 127.0  # retrieval.vectors.quantise, whole matrix
    codes = np.rint(data / scales[:, None]).astype(np.int8)
    check = quantise(data[:1])[0]
    if check != scales[:1].astype(np.float32).tobytes() + codes[0].tobytes():
        raise SystemExit("int8 rescoring here no longer matches retrieval.vectors.quantise")

    def rescore(query: Matrix, candidates: npt.NDArray[np.int64]) -> list[int]:
        cosines = (codes[candidates].astype(np.float32) * scales[candidates, None]) @ query
        return [int(i) for i in candidates[np.argsort(-cosines, kind="stable")[:K]]]

    return rescore


def build_newsdesk(data: Matrix, threads: int) -> Search:
    index = VectorIndex()
    for start in range(0, len(data), 10_000):  # as AnswerBase reads them from the store
        end = min(len(data), start + 10_000)
        index.add(range(start, end), data[start:end])
    return lambda query: index.candidates(query, CANDIDATES)


def build_newsdesk_before(data: Matrix, threads: int) -> Search:
    """VectorIndex's pass as it was at af266f5: one whole-array pass per word, argpartition."""
    index = VectorIndex()
    for start in range(0, len(data), 10_000):
        index.add(range(start, min(len(data), start + 10_000)), data[start : start + 10_000])
    assert index.centre is not None
    centre, rows = index.centre, index._bits[:, : len(data)]

    def search(query: Matrix) -> list[int]:
        bits = _words(query[None, :] > centre)[0]
        distance = np.zeros(len(data), dtype=np.int32)
        for word, query_word in zip(rows, bits, strict=True):
            distance += np.bitwise_count(word ^ query_word)
        top = np.argpartition(distance, CANDIDATES - 1)[:CANDIDATES]
        return [int(i) for i in top[np.argsort(distance[top], kind="stable")]]

    return search


def build_faiss_binary(data: Matrix, threads: int) -> Search:
    import faiss

    faiss.omp_set_num_threads(1)
    centre = data[: min(len(data), 10_000)].mean(axis=0)
    index = faiss.IndexBinaryFlat(data.shape[1])
    for start in range(0, len(data), 100_000):
        index.add(np.packbits(data[start : start + 100_000] > centre, axis=1))

    def search(query: Matrix) -> list[int]:
        _, found = index.search(np.packbits(query[None, :] > centre, axis=1), CANDIDATES)
        return [int(i) for i in found[0]]

    return search


def build_usearch(data: Matrix, threads: int) -> Search:
    from usearch.index import Index

    index = Index(
        ndim=data.shape[1],
        metric="cos",
        dtype="i8",
        connectivity=16,
        expansion_add=128,
        expansion_search=64,
    )
    index.add(np.arange(len(data)), data, threads=threads)

    def search(query: Matrix) -> list[int]:
        return [int(i) for i in index.search(query, K, threads=1).keys]

    return search


def build_hnswlib(data: Matrix, threads: int) -> Search:
    import hnswlib

    index = hnswlib.Index(space="ip", dim=data.shape[1])
    index.init_index(max_elements=len(data), ef_construction=100, M=16)
    index.add_items(data, np.arange(len(data)), num_threads=threads)
    index.set_ef(64)

    def search(query: Matrix) -> list[int]:
        labels, _ = index.knn_query(query[None, :], k=K, num_threads=1)
        return [int(i) for i in labels[0]]

    return search


BUILDERS: dict[str, tuple[Callable[[Matrix, int], Search], bool, str | None]] = {
    # name: (builder, rescored with int8 vectors, module it needs)
    "newsdesk": (build_newsdesk, True, None),
    "newsdesk-before": (build_newsdesk_before, True, None),
    "faiss-binary": (build_faiss_binary, True, "faiss"),
    "usearch": (build_usearch, False, "usearch"),
    "hnswlib": (build_hnswlib, False, "hnswlib"),
}


def measure(method: str, data: Matrix, asked: Matrix, truth: Any, threads: int) -> Row:
    """Build one index over ``data``, ask every query, and tell what it cost."""
    builder, rescored, _ = BUILDERS[method]
    rescore = int8_rescorer(data) if rescored else None
    gc.collect()
    before = rss()
    t0 = time.perf_counter()
    search = builder(data, threads)
    build = time.perf_counter() - t0
    gc.collect()
    added = rss() - before
    times: list[float] = []
    hits = 0
    for query, true in zip(asked, truth, strict=True):
        t0 = time.perf_counter()
        found = search(query)
        if rescore is not None:
            found = rescore(query, np.asarray(found, dtype=np.int64))
        times.append((time.perf_counter() - t0) * 1000)
        hits += len(set(found[:K]) & set(int(i) for i in true))
    return Row(
        method,
        build,
        statistics.median(times),
        statistics.quantiles(times, n=20)[-1],
        hits / (K * len(asked)),
        added / len(data),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--methods", default="newsdesk,faiss-binary,usearch,hnswlib")
    parser.add_argument("--build-threads", type=int, default=2)
    args = parser.parse_args(argv)
    methods = []
    for method in args.methods.split(","):
        needs = BUILDERS[method][2]
        if needs and importlib.util.find_spec(needs) is None:
            print(f"{method} skipped: pip install -e '.[bench]' to measure it.", file=sys.stderr)
            continue
        methods.append(method)
    real = real_vectors()
    asked = queries(args.queries)
    print(f"{len(real)} real e5 passage vectors, {len(asked)} real e5 queries; load {load()}")
    header = (
        f"{'N':>9} {'real':>7} {'method':13} {'build s':>8} {'median ms':>9} {'p95 ms':>7} "
        f"{'recall@10':>9} {'RSS B/vector':>12}"
    )
    print(header)
    print("-" * len(header))
    for n in (int(size) for size in args.sizes.split(",")):
        data, real_count = corpus(real, n)
        truth = exact_top(data, asked)
        for method in methods:
            row = measure(method, data, asked, truth, args.build_threads)
            print(
                f"{n:9} {real_count:7} {row.method:13} {row.build_s:8.1f} {row.median_ms:9.2f} "
                f"{row.p95_ms:7.2f} {row.recall:9.3f} {row.bytes_per_vector:12.0f}",
                flush=True,
            )
            gc.collect()
        del data, truth
        print(f"  load after N={n}: {load()}", flush=True)
    return 0


def load() -> str:
    """The load averages, as uptime gives them."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    raise SystemExit(main())
