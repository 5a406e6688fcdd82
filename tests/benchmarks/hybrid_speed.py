"""Answer time with stored sentence embeddings (reranker + dense candidates) at ~100k sentences.

Run on demand (pytest does not collect this file)::

    .venv/bin/python tests/benchmarks/hybrid_speed.py [--articles 9500] [--hogs 0,2] [--threads 1]

``--articles 82000`` makes about a million sentences (an hour of ingest on this busy machine).

Builds an answer base in a temporary folder from the 240 XQuAD English paragraphs plus
generated distractor articles (``distractors.py``, as in ``answers_speed.py``). The XQuAD
sentences get their real e5 embeddings (cached by ``embedded.py``); the distractors' are
**synthetic**: random unit vectors, quantised and stored as the real ones are
(``retrieval.vectors.quantise``, ``Store.set_vectors``), since embedding 100,000 sentences
takes hours on this 2-core machine. The dense pass costs the same for any vector; what the
synthetic vectors cannot show is quality.

Then asks XQuAD's 1,190 questions in English (same language as the articles: BM25 covers most
of them, the dense pass runs on few) and in Russian (another language: every question takes
the dense pass) and prints median and p95 of ``AnswerBase.search(k=3)`` with the e5 reranker
over stored embeddings, beside the same base with no reranker (BM25 alone), interleaved
question by question in the same run. ``--hogs 2`` repeats it with two background processes
keeping both cores busy.

Memory and disk, printed before the table: the stored embeddings' bytes per sentence on disk
(the ``sentences`` table's pages, from SQLite's ``dbstat``, before and after the synthetic
vectors are stored, divided by their count), the whole data folder's bytes per sentence, the
vector index's arrays, and this process's resident memory once the index is loaded and at
its peak (the peak includes building the base in this same process).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

HOG = "while True: pass"


def synthetic_vectors(base: object, dim: int, seed: int = 13) -> int:
    """Random unit vectors for every sentence still without an embedding."""
    from retrieval.vectors import quantise

    store = base._store  # type: ignore[attr-defined]
    rng = np.random.default_rng(seed)
    done = 0
    while rows := store.sentences_without_vectors(10_000):
        vectors = rng.standard_normal((len(rows), dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        store.set_vectors(
            [(sid, blob) for (sid, _), blob in zip(rows, quantise(vectors), strict=True)]
        )
        done += len(rows)
    return done


def table_bytes(base: object) -> int:
    """Bytes of the pages that hold the ``sentences`` table (and its overflow pages)."""
    db = base._store._db  # type: ignore[attr-defined]
    row = db.execute("SELECT sum(pgsize) FROM dbstat WHERE name = 'sentences'").fetchone()
    return int(row[0] or 0)


def folder_bytes(folder: str) -> int:
    """Bytes of every file under ``folder``."""
    return sum(
        (Path(root) / name).stat().st_size for root, _, names in os.walk(folder) for name in names
    )


def rss_mib() -> float:
    """This process's resident memory, MiB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def percentiles(values: list[float]) -> tuple[float, float]:
    """Median and p95."""
    return statistics.median(values), statistics.quantiles(values, n=20)[-1]


def main() -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=9_500, help="distractor articles")
    parser.add_argument("--hogs", default="0,2", help="background CPU hogs per round")
    parser.add_argument(
        "--threads", type=int, default=1, help="the model's threads ([search] reranker_threads)"
    )
    args = parser.parse_args()
    from embedded import fill
    from quality import DATA, load_xquad, make_distractors

    if not DATA.is_dir():
        print(f"XQuAD not found at {DATA}", file=sys.stderr)
        return 2
    from retrieval.answers import AnswerBase, RetrievalConfig
    from retrieval.articles import make_draft

    docs, cases = load_xquad("en")
    _, ru_cases = load_xquad("ru")
    questions = {"en": [c.question for c in cases], "ru": [c.question for c in ru_cases]}
    generated = make_distractors(docs, args.articles, "en")
    with (
        tempfile.TemporaryDirectory() as folder,
        AnswerBase.open(
            folder, config=RetrievalConfig(reranker="e5", reranker_threads=args.threads)
        ) as base,
    ):
        drafts = [make_draft(d.text, title="Untitled", language="en") for d in docs]
        base.add_many(drafts)
        fill(base, quiet=True)  # the real articles: real embeddings
        dim = len(base.reranker.embed_query("dimension"))  # type: ignore[union-attr]
        for chunk in range(0, len(generated), 1000):
            base.add_many(
                [
                    make_draft(d.text, title="Untitled", language="en")
                    for d in generated[chunk : chunk + 1000]
                ]
            )
            if chunk % 10_000 == 0:
                print(f"  {chunk + 1000} distractor articles added", file=sys.stderr, flush=True)
        before = table_bytes(base)
        synthetic = synthetic_vectors(base, dim)
        stored = (table_bytes(base) - before) / synthetic
        sentences = base.stats().sentences
        reranker = base.reranker
        t0 = time.perf_counter()
        base.search(questions["ru"][0], k=3)  # loads the vector index
        loading = time.perf_counter() - t0
        index = base._meaning._vectors  # type: ignore[attr-defined]
        arrays = index._bits.nbytes + index._sids.nbytes + index._live.nbytes
        print(
            f"{len(docs) + len(generated)} articles, {sentences} sentences "
            f"({synthetic} with synthetic random vectors)"
        )
        print(
            f"stored embeddings {stored:.0f} B/sentence on disk; data folder "
            f"{folder_bytes(folder) / sentences:.0f} B/sentence; vector index loaded in "
            f"{loading:.1f} s, its arrays {arrays / sentences:.0f} B/sentence "
            f"({arrays / 2**20:.0f} MiB, capacity {index._sids.size}); resident "
            f"{rss_mib():.0f} MiB, peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
        )
        print(f"model threads: {args.threads}")
        print(f"load before timing: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
        header = (
            f"{'hogs':>4} {'questions':9} {'path':22} {'median ms':>9} {'p95 ms':>7} {'× BM25':>7}"
        )
        print(header)
        print("-" * len(header))
        for hogs in (int(h) for h in args.hogs.split(",")):
            procs = [subprocess.Popen([sys.executable, "-c", HOG]) for _ in range(hogs)]
            try:
                time.sleep(3.0)  # the hogs started, the machine settled
                for language, asked in questions.items():
                    plain: list[float] = []
                    hybrid: list[float] = []
                    for question in asked:
                        base.reranker = None
                        t0 = time.perf_counter()
                        base.search(question, k=3)
                        plain.append((time.perf_counter() - t0) * 1000)
                        base.reranker = reranker
                        t0 = time.perf_counter()
                        base.search(question, k=3)
                        hybrid.append((time.perf_counter() - t0) * 1000)
                    bm25 = percentiles(plain)
                    for label, values in (("BM25 alone", plain), ("e5 + stored vectors", hybrid)):
                        median, p95 = percentiles(values)
                        print(
                            f"{hogs:4} {language:9} {label:22} {median:9.1f} {p95:7.1f} "
                            f"{median / bm25[0]:7.1f}",
                            flush=True,
                        )
            finally:
                for proc in procs:
                    proc.kill()
                    proc.wait()
        print(f"load after timing: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
