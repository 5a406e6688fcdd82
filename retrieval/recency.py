"""Recency: among near ties, the newer article's sentence first (off unless configured)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from retrieval.store import ArticleCache, StoredSentence

RECENCY_WEIGHT = 0.1
"""The largest recency bonus: a score grows by at most a tenth, so only near ties change."""


def recency_factor(published: str | None, today: dt.date, half_life_days: float) -> float:
    """``1 + RECENCY_WEIGHT * 2 ** (-age / half_life)`` for a dated article, 1 for an undated one.

    A bonus, never a penalty: articles with no published date (the time they were added says
    nothing of the news) rank exactly as without the prior, and an article published today
    beats an equally good one from a year ago by a tenth of its score at most.
    """
    if not published:
        return 1.0
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return 1.0
    age = max((today - day).days, 0)
    return 1.0 + RECENCY_WEIGHT * float(2.0 ** (-age / half_life_days))


def by_recency(
    hits: Sequence[tuple[int, float]],
    rows: dict[int, StoredSentence],
    articles: ArticleCache,
    half_life_days: float,
    today: dt.date,
) -> list[tuple[int, float]]:
    """The hits ``(sid, score)`` re-ordered with each score times its :func:`recency_factor`."""
    scored = []
    for sid, score in hits:
        article = articles.get(rows[sid].article)
        published = article.published if article is not None else None
        scored.append((sid, score * recency_factor(published, today, half_life_days)))
    return sorted(scored, key=lambda hit: -hit[1])
