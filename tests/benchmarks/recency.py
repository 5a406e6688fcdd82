"""The recency prior on XQuAD: nothing changes without dates; what it does with them.

Run on demand (pytest does not collect this file)::

    .venv/bin/python tests/benchmarks/recency.py [--lang en] [--half-life 30]

Three settings, each asked every XQuAD question (BM25 alone, k=10), once without the prior and
once with ``[search] recency_half_life_days``:

1. **undated**: every paragraph an article with no published date (as quality.py). The prior
   must change nothing: the table counts questions whose ten passages differ at all.
2. **random dates**: every article published on a random day of the last two years, dates
   unrelated to the questions. What the prior costs in P@1 / MRR@10 when newness says nothing
   about relevance.
3. **old and new copies**: every article stored twice, an old copy (published 400 days ago)
   and an update (yesterday) that differs by one added sentence. Both copies answer alike; the
   column "newest first" is the share of questions whose first hit comes from the update.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from quality import Case, Doc, K, is_hit, load_xquad, score

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

UPDATE = "This article was updated with more details."


def run(
    docs: Sequence[tuple[Doc, str | None]], cases: Sequence[Case], half_life: float
) -> tuple[list[tuple[str, int, int]], list[int | None], float]:
    """(passages of each question, rank of the first hit, share of first hits from updates)."""
    from retrieval.answers import AnswerBase, RetrievalConfig
    from retrieval.articles import make_draft

    config = RetrievalConfig(reranker="none", recency_half_life_days=half_life)
    with (
        tempfile.TemporaryDirectory() as tmp,
        AnswerBase.open(Path(tmp) / "base", config=config) as base,
    ):
        drafts = [
            make_draft(text.text, title="Untitled", language=text.language, published=published)
            for text, published in docs
        ]
        articles = base.add_many(drafts)
        key_of = {art.id: doc.key for (doc, _), art in zip(docs, articles, strict=True)}
        newer = {art.id for (doc, _), art in zip(docs, articles, strict=True) if UPDATE in doc.text}
        text_of = {art.id: art.text for art in articles}
        lists: list[tuple[str, int, int]] = []
        ranks: list[int | None] = []
        newest = 0
        for case in cases:
            answer = base.search(case.question, k=K)
            lists.append(tuple((p.article_id, p.start, p.end) for p in answer.passages))  # type: ignore[arg-type]
            rank = None
            for number, p in enumerate(answer.passages, 1):
                if is_hit(case, key_of[p.article_id], text_of[p.article_id], p.start, p.end):
                    rank = number
                    newest += p.article_id in newer
                    break
            ranks.append(rank)
        return lists, ranks, newest / len(cases)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--half-life", type=float, default=30.0)
    args = parser.parse_args(argv)
    docs, cases = load_xquad(args.lang)
    today = dt.datetime.now(dt.UTC).date()
    rng = random.Random(14)
    settings = {
        "undated": [(doc, None) for doc in docs],
        "random dates": [
            (doc, (today - dt.timedelta(days=rng.randrange(730))).isoformat()) for doc in docs
        ],
        "old and new copies": [(doc, (today - dt.timedelta(days=400)).isoformat()) for doc in docs]
        + [
            (
                Doc(doc.key, doc.text + " " + UPDATE, doc.language),
                (today - dt.timedelta(days=1)).isoformat(),
            )
            for doc in docs
        ],
    }
    print(
        f"XQuAD {args.lang}, {len(cases)} questions, BM25 alone, half-life {args.half_life:g} days"
    )
    print(
        f"{'setting':<20} {'prior':<6} {'P@1':>6} {'MRR@10':>7} {'newest first':>13} {'lists changed':>14}"
    )
    for name, dated in settings.items():
        base_lists, base_ranks, base_new = run(dated, cases, 0.0)
        lists, ranks, new = run(dated, cases, args.half_life)
        changed = sum(a != b for a, b in zip(base_lists, lists, strict=True))
        for label, r, n, c in (("off", base_ranks, base_new, ""), ("on", ranks, new, str(changed))):
            result = score(r)
            print(f"{name:<20} {label:<6} {result.p1:>6.3f} {result.mrr:>7.3f} {n:>13.3f} {c:>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
