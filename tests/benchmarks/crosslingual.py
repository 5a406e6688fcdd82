"""Questions in one language over articles in another: XQuAD's aligned en/ru, through the API.

Run on demand (pytest does not collect this file)::

    .venv/bin/python tests/benchmarks/crosslingual.py [--pairs ru-en,en-ru,en-en,ru-ru]

XQuAD's English and Russian files hold the same paragraphs and questions in the same order, so
the questions of one language can be asked against the other language's paragraphs (pair
``ru-en``: Russian questions, English articles). Every paragraph is one article, as in
``quality.py``, and a hit is defined the same way (a returned sentence of the question's own
paragraph that holds the answer). Answers go through ``AnswerBase.search`` with the e5
reranker over stored sentence embeddings (``embed_pending``; the embeddings are cached outside
the repository by ``embedded.py``, so only a first run computes them), so the hybrid's dense
candidates are in play; same-language pairs are the check that it does not cost XQuAD.

Columns: P@1, MRR@10, R@3; "silent(ans)": answerable questions left with "not found";
"answered(unans)": questions answered once their paragraph is removed (every paragraph in turn;
the other paragraphs of the same Wikipedia article stay, the hardest case).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from embedded import fill  # noqa: E402
from quality import DATA, Case, K, load_xquad, rank_of_hit, score  # noqa: E402


def aligned(questions: str, articles: str) -> tuple[list, list[Case]]:
    """``articles``' paragraphs with ``questions``' questions pointing at them."""
    docs, gold = load_xquad(articles)
    _, asked = load_xquad(questions)
    if len(gold) != len(asked):
        raise SystemExit("XQuAD files are not aligned")
    cases = [Case(q.question, g.key, g.answers) for q, g in zip(asked, gold, strict=True)]
    return docs, cases


def run(pair: str, no_answer: bool) -> str:
    """One row of the table."""
    from retrieval.answers import AnswerBase, RetrievalConfig
    from retrieval.articles import make_draft

    questions, articles = pair.split("-")
    docs, cases = aligned(questions, articles)
    texts = {d.key: d.text for d in docs}
    by_key: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_key[case.key].append(case)
    with (
        tempfile.TemporaryDirectory() as tmp,
        AnswerBase.open(Path(tmp) / "base", config=RetrievalConfig(reranker="e5")) as base,
    ):
        drafts = [make_draft(d.text, title="Untitled", language=d.language) for d in docs]
        stored = base.add_many(drafts)
        fill(base, quiet=True)
        id_of = {doc.key: art.id for doc, art in zip(docs, stored, strict=True)}
        key_of = {v: k for k, v in id_of.items()}
        ranks: list[int | None] = []
        silent = 0
        times = []
        for case in cases:
            t0 = time.perf_counter()
            answer = base.search(case.question, k=K)
            times.append((time.perf_counter() - t0) * 1000)
            silent += not answer.found
            ranked = ((key_of[p.article_id], p.start, p.end) for p in answer.passages)
            ranks.append(rank_of_hit(case, ranked, texts))
        answered = asked = 0
        if no_answer:
            for doc, draft in zip(docs, drafts, strict=True):
                if doc.key not in by_key:
                    continue
                base.remove(id_of[doc.key])
                for case in by_key[doc.key]:
                    answered += base.search(case.question, k=K).found
                    asked += 1
                base.add_draft(draft, article_id=id_of[doc.key])
                fill(base, quiet=True)
    res = score(ranks)
    unans = f"{answered / asked:.3f}" if asked else "-"
    return (
        f"{pair:6} {res.p1:6.3f} {res.mrr:7.3f} {res.r3:6.3f} {silent / len(cases):11.3f} "
        f"{unans:>15} {statistics.median(times):9.1f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", default="ru-en,en-ru,en-en,ru-ru")
    parser.add_argument("--no-answer", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"XQuAD not found at {DATA}", file=sys.stderr)
        return 2
    header = (
        f"{'q-art':6} {'P@1':>6} {'MRR@10':>7} {'R@3':>6} {'silent(ans)':>11} "
        f"{'answered(unans)':>15} {'median ms':>9}"
    )
    print(header)
    print("-" * len(header))
    for pair in args.pairs.split(","):
        print(run(pair, args.no_answer), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
