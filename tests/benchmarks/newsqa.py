"""Retrieval quality on real news questions: the NewsQA sample, Lucene BM25 beside newsdesk.

Run on demand (pytest does not collect this file; the data stays outside the repository)::

    .venv/bin/python tests/benchmarks/newsqa.py [--questions 500] [--systems ...]

``../shared/data/newsqa/newsqa_sample.csv`` holds 500 NewsQA questions over 401 CNN stories
(research terms: measured here, never copied into the repository). Its text is Penn-Treebank
tokenised; :func:`detokenise` undoes that. Every story becomes one article; every question is
asked against all of them. A hit is a returned sentence of the question's own story that holds
the answer (compared without whitespace, so detokenising quirks do not count). Columns: P@1,
MRR@10, R@3 over all questions, how often newsdesk said "not found", and (as in quality.py)
P@1 and MRR@10 "as shown": a hit anywhere in what the passage shows (the ranked sentence with
the neighbours that make it readable).

With ``--halves``, P@1 / MRR@10 also for the questions of even- and odd-numbered stories
(first-seen order): values tuned on NewsQA were chosen on the even half, so the odd half
tells how much of a gain is real.

Systems: ``lucene`` (quality.py's Lucene-style BM25 over Snowball stems), ``newsdesk`` (BM25
alone), ``newsdesk+e5`` (the e5 reranker over stored sentence embeddings, hybrid; embeddings
cached by ``embedded.py``, so only the first run embeds the ~13,000 sentences).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "newsqa" / "newsqa_sample.csv"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

K = 10
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_SPACE = re.compile(r"\s+")


def detokenise(text: str) -> str:
    """Penn-Treebank tokens back to plain text (close enough for retrieval)."""
    for token, char in _BRACKETS.items():
        text = text.replace(token, char)
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m|'S)\b", r"\1", text)
    text = re.sub(r" ([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    # quotes: open ones stick to the next word, closing ones to the previous
    out, opening = [], True
    for part in re.split(r'( ?" ?)', text):
        if part.strip() == '"':
            out.append(' "' if opening else '" ')
            opening = not opening
        else:
            out.append(part)
    return _SPACE.sub(" ", "".join(out)).strip()


def squeeze(text: str) -> str:
    """Text without whitespace, lowercase: how hits compare answers."""
    return _SPACE.sub("", text).lower()


@dataclass(frozen=True, slots=True)
class Question:
    """One NewsQA question, the index of its story and its answer."""

    question: str
    story: int
    answer: str


def load_newsqa(limit: int | None = None) -> tuple[list[str], list[Question]]:
    """The sample's stories (detokenised, in first-seen order) and its questions."""
    csv.field_size_limit(10**8)
    stories: dict[str, int] = {}
    questions: list[Question] = []
    with DATA.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            story = detokenise(row["story_text"])
            index = stories.setdefault(story, len(stories))
            questions.append(
                Question(detokenise(row["question"]), index, detokenise(row["answer"]))
            )
    if limit is not None:
        questions = questions[:limit]
    return list(stories), questions


def is_hit(question: Question, story: int, sentence: str) -> bool:
    """Whether ``sentence`` of story ``story`` answers ``question``."""
    return story == question.story and squeeze(question.answer) in squeeze(sentence)


def rank_of_hit(question: Question, ranked: Sequence[tuple[int, str]]) -> int | None:
    """1-based rank of the first hit among (story, sentence) results."""
    for rank, (story, sentence) in enumerate(ranked, 1):
        if is_hit(question, story, sentence):
            return rank
    return None


def run_lucene(
    stories: Sequence[str], questions: Sequence[Question]
) -> tuple[list, list | None, int]:
    """quality.py's Lucene-style BM25 over newsdesk's sentences of every story."""
    from quality import Doc, LuceneBM25, snowball_words, split_units, top_ids

    docs = [Doc(str(i), text, "en") for i, text in enumerate(stories)]
    units = split_units(docs)
    tokenize = snowball_words("en")
    scorer = LuceneBM25([tokenize(stories[int(u.key)][u.start : u.end]) for u in units])
    ranks = []
    for q in questions:
        ids = top_ids(scorer.scores(tokenize(q.question)), K)
        ranked = [
            (int(units[i].key), stories[int(units[i].key)][units[i].start : units[i].end])
            for i in ids
        ]
        ranks.append(rank_of_hit(q, ranked))
    return ranks, None, 0


def run_newsdesk(
    stories: Sequence[str], questions: Sequence[Question], reranker: str
) -> tuple[list, list | None, int]:
    """The public API over all stories; with e5, every sentence's embedding stored first."""
    from embedded import fill

    from retrieval.answers import AnswerBase, RetrievalConfig
    from retrieval.articles import make_draft

    with (
        tempfile.TemporaryDirectory() as tmp,
        AnswerBase.open(Path(tmp) / "base", config=RetrievalConfig(reranker=reranker)) as base,
    ):
        stored = base.add_many([make_draft(t, title="Untitled", language="en") for t in stories])
        story_of = {art.id: i for i, art in enumerate(stored)}
        if reranker != "none":
            fill(base, quiet=True)
        ranks, shown, silent = [], [], 0
        for q in questions:
            answer = base.search(q.question, k=K)
            silent += not answer.found
            ranked = [
                (story_of[p.article_id], stories[story_of[p.article_id]][p.start : p.end])
                for p in answer.passages
            ]
            ranks.append(rank_of_hit(q, ranked))
            seen = [
                (
                    story_of[p.article_id],
                    stories[story_of[p.article_id]][p.context_start : p.context_end],
                )
                for p in answer.passages
            ]
            shown.append(rank_of_hit(q, seen))
    return ranks, shown, silent


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table."""
    from quality import score

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=None, help="ask only the first N")
    parser.add_argument("--systems", default="lucene,newsdesk,newsdesk+e5")
    parser.add_argument(
        "--halves", action="store_true", help="also score even- and odd-numbered stories apart"
    )
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"NewsQA sample not found at {DATA}", file=sys.stderr)
        return 2
    stories, questions = load_newsqa(args.questions)
    print(f"{len(questions)} questions over {len(stories)} stories")
    header = f"{'system':12} {'P@1':>6} {'MRR@10':>7} {'R@3':>6} {'silent':>6} {'shown P@1':>9} {'MRR':>5}"
    print(header)
    print("-" * len(header))
    for system in args.systems.split(","):
        t0 = time.perf_counter()
        if system == "lucene":
            ranks, shown, silent = run_lucene(stories, questions)
        else:
            ranks, shown, silent = run_newsdesk(
                stories, questions, "e5" if system == "newsdesk+e5" else "none"
            )
        res = score(ranks)
        seen = f"{score(shown).p1:9.3f} {score(shown).mrr:5.3f}" if shown else f"{'-':>9} {'-':>5}"
        print(
            f"{system:12} {res.p1:6.3f} {res.mrr:7.3f} {res.r3:6.3f} {silent / len(questions):6.3f}"
            f" {seen}   ({time.perf_counter() - t0:.0f}s)",
            flush=True,
        )
        if args.halves:
            for name, parity in (("even", 0), ("odd", 1)):
                half = score(
                    [r for r, q in zip(ranks, questions, strict=True) if q.story % 2 == parity]
                )
                print(f"  {name} stories {half.p1:6.3f} {half.mrr:7.3f} {half.r3:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
