"""Index speed: newsdesk's BM25Index beside rank-bm25, bm25s and tantivy on generated corpora.

Run on demand (pytest does not collect this file)::

    .venv/bin/python tests/benchmarks/speed.py                  # 10k, 100k and 1M sentences
    .venv/bin/python tests/benchmarks/speed.py --sizes 10000,100000

The corpus stands for analysed news sentences: terms drawn from a Zipf-Mandelbrot law
(``p(r) ~ 1 / (r + 20) ** 1.1``; the offset stands for the stopwords the analyser removed) over
a vocabulary that grows with the corpus (Heaps), and sentence lengths from a log-normal law
(median 11 terms, 1 to 60). A question has 9 terms: 6 taken from one sentence of the corpus (a
question is about something reported) and 3 from the Zipf law. Every system gets the same
token lists and the same questions and returns the top 10.

Each system runs in a subprocess of its own, so that its peak memory is its own: "index MB"
is the growth of the resident set from before the build to after it (Python objects
included), "peak MB" the high-water mark of the build above that start. Cold start is a fresh
process that loads the saved index and answers one question (imports not counted; files in
the page cache, as after a restart of the bot). "add article" adds one 30-sentence article
to the built index and makes it searchable (median and worst of 20 adds).

rank-bm25 has no index to speak of: it scores every sentence in Python per question, so it
runs only up to 100k sentences and its 1M figures are extrapolated (linearly, marked "~").
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

K = 10
ARTICLE = 30
ADDS = 20
SYSTEMS = ("newsdesk", "rank_bm25", "bm25s", "tantivy")
RANK_BM25_MAX = 100_000


@dataclass(frozen=True, slots=True)
class Corpus:
    """Token lists, questions and the articles added one at a time."""

    docs: list[list[str]]
    questions: list[list[str]]
    articles: list[list[list[str]]]


def make_corpus(size: int, n_questions: int, seed: int = 0) -> Corpus:
    """The generated corpus of ``size`` sentences (the same for every system and run)."""
    rng = np.random.default_rng(seed)
    vocabulary = max(20_000, int(60 * size**0.6))
    p = 1.0 / (np.arange(1, vocabulary + 1) + 20.0) ** 1.1
    cdf = np.cumsum(p)
    cdf /= cdf[-1]
    names = np.array([f"t{i}" for i in range(vocabulary)], dtype=object)

    def sentences(count: int) -> list[list[str]]:
        lengths = np.clip(rng.lognormal(2.4, 0.45, count).astype(int), 1, 60)
        words = names[np.searchsorted(cdf, rng.random(int(lengths.sum())))].tolist()
        ends = np.cumsum(lengths).tolist()
        return [words[end - n : end] for end, n in zip(ends, lengths.tolist(), strict=True)]

    docs = sentences(size)
    questions = []
    for _ in range(n_questions):
        source = docs[int(rng.integers(size))]
        picked = [source[int(i)] for i in rng.integers(0, len(source), 6)]
        questions.append(picked + names[np.searchsorted(cdf, rng.random(3))].tolist())
    articles = [sentences(ARTICLE) for _ in range(ADDS)]
    return Corpus(docs, questions, articles)


# -- the systems, each behind the same four steps ---------------------------------------------


class System:
    """Build, search, add an article, save; load in a fresh process for the cold start."""

    name = ""

    def build(self, docs: list[list[str]]) -> None:
        raise NotImplementedError

    def search(self, question: list[str]) -> list[int]:
        raise NotImplementedError

    def add(self, article: list[list[str]]) -> str | None:
        """Add and make searchable; returns why it cannot, if it cannot."""
        return "no incremental add (rebuild)"

    def save(self, directory: Path) -> str | None:
        return "no saved index"

    def load(self, directory: Path) -> None:
        raise NotImplementedError

    def index_bytes(self) -> int | None:
        """Bytes the index itself holds, when the system can say exactly."""
        return None


class Newsdesk(System):
    name = "newsdesk"

    def __init__(self) -> None:
        from retrieval.index import BM25Index

        self.index = BM25Index()

    def build(self, docs: list[list[str]]) -> None:
        self.index.add(docs)

    def search(self, question: list[str]) -> list[int]:
        return [doc for doc, _ in self.index.top_k(question, K)]

    def add(self, article: list[list[str]]) -> None:
        self.index.add(article)

    def save(self, directory: Path) -> None:
        self.index.save(directory)

    def load(self, directory: Path) -> None:
        from retrieval.index import BM25Index

        self.index = BM25Index.load(directory)

    def index_bytes(self) -> int:
        return self.index.memory_bytes()


class RankBM25(System):
    name = "rank_bm25"

    def build(self, docs: list[list[str]]) -> None:
        import rank_bm25

        self.bm25 = rank_bm25.BM25Okapi(docs, k1=1.2, b=0.75)

    def search(self, question: list[str]) -> list[int]:
        scores = self.bm25.get_scores(question)
        return np.argsort(-scores, kind="stable")[:K].tolist()  # type: ignore[no-any-return]


class BM25S(System):
    name = "bm25s"

    def build(self, docs: list[list[str]]) -> None:
        import bm25s

        self.retriever = bm25s.BM25(method="lucene", k1=1.2, b=0.75)
        self.retriever.index(docs, show_progress=False)

    def search(self, question: list[str]) -> list[int]:
        found = self.retriever.retrieve([question], k=K, show_progress=False)
        return found.documents[0].tolist()  # type: ignore[no-any-return]

    def save(self, directory: Path) -> None:
        self.retriever.save(str(directory))

    def load(self, directory: Path) -> None:
        import bm25s

        self.retriever = bm25s.BM25.load(str(directory), mmap=True)


class Tantivy(System):
    name = "tantivy"

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="speed-tantivy-"))

    def _schema(self) -> Any:
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("body", stored=False, tokenizer_name="whitespace")
        return builder.build()

    def build(self, docs: list[list[str]]) -> None:
        import tantivy

        self.index = tantivy.Index(self._schema(), path=str(self.folder))
        self.writer = self.index.writer(heap_size=500_000_000, num_threads=2)
        for doc in docs:
            self.writer.add_document(tantivy.Document(body=" ".join(doc)))
        self.writer.commit()
        self.writer.wait_merging_threads()
        self.writer = self.index.writer(heap_size=50_000_000, num_threads=1)
        self.index.reload()
        self.searcher = self.index.searcher()

    def search(self, question: list[str]) -> list[int]:
        query = self.index.parse_query(" ".join(question), ["body"])
        return [address.doc for _, address in self.searcher.search(query, K).hits]

    def add(self, article: list[list[str]]) -> None:
        import tantivy

        for doc in article:
            self.writer.add_document(tantivy.Document(body=" ".join(doc)))
        self.writer.commit()
        self.index.reload()
        self.searcher = self.index.searcher()

    def save(self, directory: Path) -> None:
        directory.rmdir()
        self.folder.rename(directory)
        self.folder = directory

    def load(self, directory: Path) -> None:
        import tantivy

        self.index = tantivy.Index(self._schema(), path=str(directory))
        self.searcher = self.index.searcher()


MAKERS: dict[str, Callable[[], System]] = {
    "newsdesk": Newsdesk,
    "rank_bm25": RankBM25,
    "bm25s": BM25S,
    "tantivy": Tantivy,
}


# -- measuring ------------------------------------------------------------------------------


def _status(field: str) -> int:
    """A field of /proc/self/status in bytes (VmRSS, VmHWM)."""
    text = Path("/proc/self/status").read_text()
    match = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) * 1024 if match else 0


def _reset_peak() -> None:
    """Start the VmHWM high-water mark again from the current resident set."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def worker(system_name: str, size: int, n_questions: int, folder: Path) -> dict[str, Any]:
    """Measure one system at one size (runs in its own process)."""
    corpus = make_corpus(size, n_questions)
    system = MAKERS[system_name]()
    gc.collect()
    _reset_peak()
    before = _status("VmRSS")
    started = time.perf_counter()
    system.build(corpus.docs)
    build = time.perf_counter() - started
    peak = _status("VmHWM") - before
    gc.collect()
    held = _status("VmRSS") - before
    times = []
    for question in corpus.questions[:3]:
        system.search(question)
    for question in corpus.questions:
        started = time.perf_counter()
        system.search(question)
        times.append(time.perf_counter() - started)
    result: dict[str, Any] = {
        "build_s": build,
        "query_ms": statistics.median(times) * 1e3,
        "query_p95_ms": float(np.percentile(times, 95)) * 1e3,
        "peak_mb": peak / 2**20,
        "held_bytes": held,
        "exact_bytes": system.index_bytes(),
    }
    adds = []
    for article in corpus.articles:
        started = time.perf_counter()
        why = system.add(article)
        adds.append(time.perf_counter() - started)
        if why:
            result["add_note"] = why
            break
    else:
        result["add_ms"] = statistics.median(adds) * 1e3
        result["add_max_ms"] = max(adds) * 1e3
    if isinstance(system, Newsdesk):
        result.update(check_newsdesk(system, corpus))
    saved = folder / "saved"
    saved.mkdir()
    why = system.save(saved)
    if why:
        result["cold_note"] = why
    else:
        question = json.dumps(corpus.questions[0])
        cold = subprocess.run(
            [sys.executable, __file__, "--cold", system_name, str(saved), question],
            capture_output=True,
            text=True,
            check=True,
        )
        result["cold_s"] = float(cold.stdout.split()[-1])
    return result


def check_newsdesk(system: Newsdesk, corpus: Corpus) -> dict[str, Any]:
    """After the adds: rankings equal to an index built in one go? And ingest by articles."""
    from retrieval.index import BM25Index

    everything = corpus.docs + [doc for article in corpus.articles for doc in article]
    rebuilt = BM25Index()
    rebuilt.add(everything)
    same = all(system.index.top_k(q, K) == rebuilt.top_k(q, K) for q in corpus.questions)
    found: dict[str, Any] = {"same_as_rebuild": same}
    if len(corpus.docs) <= RANK_BM25_MAX:
        by_articles = BM25Index()
        started = time.perf_counter()
        for start in range(0, len(everything), ARTICLE):
            by_articles.add(everything[start : start + ARTICLE])
        found["build_by_articles_s"] = time.perf_counter() - started
        found["same_by_articles"] = all(
            by_articles.top_k(q, K) == rebuilt.top_k(q, K) for q in corpus.questions
        )
    return found


def cold_start(system_name: str, folder: Path, question: list[str]) -> float:
    """Seconds to load a saved index and answer one question, in this fresh process."""
    system = MAKERS[system_name]()
    __import__({"newsdesk": "retrieval.index"}.get(system_name, system_name))
    started = time.perf_counter()
    system.load(folder)
    system.search(question)
    return time.perf_counter() - started


def analysis_rate() -> list[tuple[str, int, float]]:
    """Sentences per second through a fresh TextAnalyzer (empty word cache), per language."""
    from retrieval.analysis import TextAnalyzer

    texts: dict[str, list[str]] = {}
    ud = ROOT.parent / "shared" / "data" / "ud"
    for language, name in (("en", "en_ewt-ud-test.conllu"), ("ru", "ru_gsd-ud-test.conllu")):
        path = ud / name
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            texts[language] = [line[9:] for line in lines if line.startswith("# text = ")]
    if "ru" in texts:
        # No Ukrainian treebank here: the Russian sentences through the Ukrainian analyser
        # cost what Ukrainian text does (one pymorphy3 parse per new word form).
        texts["uk (ru text)"] = texts["ru"]
    rates = []
    for language, sentences in texts.items():
        analyse = TextAnalyzer(language.split()[0])
        analyse("warm up the stemmer: Bloomberg, Київ, Москва")  # loads pymorphy3 and Snowball
        started = time.perf_counter()
        for sentence in sentences:
            analyse(sentence)
        rates.append((language, len(sentences), len(sentences) / (time.perf_counter() - started)))
    return rates


# -- the table --------------------------------------------------------------------------------


def _cell(value: float | None, fmt: str, approx: bool = False) -> str:
    if value is None:
        return "—"
    return ("~" if approx else "") + format(value, fmt)


def run(sizes: Sequence[int], systems: Sequence[str], n_questions: int) -> None:
    """Measure every system at every size and print one table."""
    rows = []
    rank_last: tuple[int, dict[str, Any]] | None = None
    for size in sizes:
        for name in systems:
            if name == "rank_bm25" and size > RANK_BM25_MAX:
                if rank_last is None:
                    continue
                base_size, base = rank_last
                scale = size / base_size
                rows.append((size, name, {**extrapolate(base, scale), "approx": True}))
                continue
            questions = n_questions if name != "rank_bm25" else max(10, n_questions * 2000 // size)
            questions = min(questions, n_questions)
            with tempfile.TemporaryDirectory(prefix="speed-") as folder:
                done = subprocess.run(
                    [sys.executable, __file__, "--worker", name, str(size), str(questions), folder],
                    capture_output=True,
                    text=True,
                )
            if done.returncode != 0:
                print(f"{name} at {size}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
                continue
            result = json.loads(done.stdout.splitlines()[-1])
            if name == "rank_bm25":
                rank_last = (size, result)
            rows.append((size, name, result))
            print(f"  measured {name} at {size:,}", file=sys.stderr)
    print_table(rows)


def extrapolate(base: dict[str, Any], scale: float) -> dict[str, Any]:
    return {
        "build_s": base["build_s"] * scale,
        "query_ms": base["query_ms"] * scale,
        "query_p95_ms": base["query_p95_ms"] * scale,
        "peak_mb": base["peak_mb"] * scale,
        "held_bytes": base["held_bytes"] * scale,
        "exact_bytes": None,
        "add_note": base.get("add_note"),
        "cold_note": base.get("cold_note"),
    }


def print_table(rows: list[tuple[int, str, dict[str, Any]]]) -> None:
    header = (
        f"{'sentences':>10} {'system':<10} {'build s':>8} {'add article ms':>15} "
        f"{'query ms med':>12} {'p95':>8} {'cold s':>7} {'peak MB':>8} {'index MB':>9} {'B/sent':>7}"
    )
    print(header)
    print("-" * len(header))
    for size, name, r in rows:
        approx = bool(r.get("approx"))
        add = f"{r['add_ms']:.1f} (max {r['add_max_ms']:.0f})" if "add_ms" in r else "rebuild"
        held = r["held_bytes"]
        exact = r.get("exact_bytes")
        per_sentence = (exact if exact else held) / size
        print(
            f"{size:>10,} {name:<10} {_cell(r['build_s'], '.2f', approx):>8} {add:>15} "
            f"{_cell(r['query_ms'], '.2f', approx):>12} {_cell(r['query_p95_ms'], '.2f', approx):>8} "
            f"{_cell(r.get('cold_s'), '.3f'):>7} {_cell(r['peak_mb'], '.0f', approx):>8} "
            f"{_cell(held / 2**20, '.0f', approx):>9} {_cell(per_sentence, '.0f', approx):>7}"
        )
    print()
    for size, _name, r in rows:
        if "same_as_rebuild" in r:
            line = f"newsdesk at {size:,}: top 10 after the adds equal a full rebuild's: "
            line += "yes" if r["same_as_rebuild"] else "NO"
            if "build_by_articles_s" in r:
                line += f"; built by {ARTICLE}-sentence adds in {r['build_by_articles_s']:.1f} s"
                line += " (same top 10)" if r["same_by_articles"] else " (top 10 DIFFER)"
            print(line)
    print("query: top 10 of a 9-term question, median and 95th percentile; ~ extrapolated")
    print("B/sent: newsdesk counts its arrays and vocabulary exactly, others by resident set")
    print("add article: one 30-sentence article added and searchable, median (worst) of 20")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--worker", nargs=4, metavar=("SYSTEM", "SIZE", "QUESTIONS", "FOLDER"))
    parser.add_argument("--cold", nargs=3, metavar=("SYSTEM", "FOLDER", "QUESTION"))
    parser.add_argument("--no-analysis", action="store_true")
    args = parser.parse_args(argv)
    if args.worker:
        name, size, questions, folder = args.worker
        print(json.dumps(worker(name, int(size), int(questions), Path(folder))))
        return
    if args.cold:
        name, folder, question = args.cold
        print(cold_start(name, Path(folder), json.loads(question)))
        return
    systems = [s for s in args.systems.split(",") if s]
    available = []
    for name in systems:
        module = {"newsdesk": "retrieval.index"}.get(name, name)
        try:
            __import__(module)
        except ImportError:
            print(f"{name} is not installed; skipped", file=sys.stderr)
            continue
        available.append(name)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    started = time.perf_counter()
    run(sizes, available, args.questions)
    if not args.no_analysis:
        print()
        print("analysis (fresh TextAnalyzer, empty word cache):")
        for language, count, rate in analysis_rate():
            print(f"  {language}: {rate:,.0f} sentences/s over {count:,} sentences")
    print(f"\nbenchmark took {time.perf_counter() - started:.0f} s on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
