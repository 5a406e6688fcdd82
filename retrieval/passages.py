"""Passages: a ranked sentence made readable — its context, its source, its highlights.

A hit sentence is shown with the neighbour it leans on ("This may become …" needs the
sentence before; "… were arrested." is followed by "Among them are …"), with the question's
terms marked, and passages are spread so one article does not crowd out the others.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from retrieval.analysis import analyzer_for
from retrieval.sources import Attribution
from retrieval.store import ArticleCache, Store, StoredArticle, StoredSentence


@dataclass(frozen=True, slots=True)
class Passage:
    """One answer passage: the ranked sentence, the context that makes it readable, its source."""

    article_id: str
    title: str
    sentence: str
    start: int
    end: int
    context: str
    context_start: int
    context_end: int
    score: float
    attribution: Attribution | None
    """Who the article says the sentence comes from; None: the outlet's own claim."""
    url: str | None
    outlet: str | None
    published: str | None
    highlights: tuple[tuple[int, int], ...]
    paragraph: str
    added: str = field(default="", compare=False)
    """When the article was stored (ISO date-time): its date when none was published. Not
    compared: the same passage found again after a rebuild is equal."""

    @property
    def reported_by(self) -> str | None:
        """The source's name (:attr:`attribution`'s), None for the outlet's own claim."""
        return self.attribution.source if self.attribution else None

    @property
    def date(self) -> str:
        """The article's day for a source line: “2024-05-03”, or “added 2024-06-01”."""
        if self.published:
            return self.published[:10]
        return f"added {self.added[:10]}" if self.added else ""


def make_passage(
    article: StoredArticle,
    row: StoredSentence,
    score: float,
    start: int,
    end: int,
    terms: set[str],
) -> Passage:
    """The passage for one ranked sentence shown with the context ``text[start:end]``."""
    text = article.text
    context = text[start:end]
    analyzer = analyzer_for(article.language)
    highlights = tuple((s, e) for term, s, e in analyzer.terms_with_spans(context) if term in terms)
    attribution = row.attribution
    paragraph = next(
        (
            text[p_start:p_end]
            for p_start, p_end, _ in article.paragraphs
            if p_start <= row.start < p_end
        ),
        context,
    )
    return Passage(
        article_id=article.id,
        title=article.title,
        sentence=text[row.start : row.end],
        start=row.start,
        end=row.end,
        context=context,
        context_start=start,
        context_end=end,
        score=float(score),
        attribution=attribution,
        url=article.url,
        outlet=article.outlet,
        published=article.published,
        highlights=highlights,
        paragraph=paragraph,
        added=article.added,
    )


# Longest context made by adding a following sentence, in characters.
_MAX_CONTEXT = 500

# A sentence opening with one of these leans on the sentence before it.
_ANAPHORA = frozenset(
    (
        "this that these those it its he his him she her they their them such there then "
        "also however but meanwhile moreover besides among "
        "это этот эта эти этим он она они его её ее их однако также при среди тем "
        "це цей ця ці цим він вона вони його її їх однак також серед тим"
    ).split()
)


def context_span(
    row: StoredSentence, siblings: Sequence[StoredSentence], text: str
) -> tuple[int, int]:
    """The span to show for a hit: the sentence, plus the neighbours that lean on each other.

    The sentence before is added when the hit opens with a word pointing back to it ("This
    may become …", "Among them …"); the sentence after when it points back to the hit, or
    when the hit is only a lead-in (ends with a colon, or is very short).
    """
    same = [s for s in siblings if s.paragraph == row.paragraph]
    index = next(i for i, s in enumerate(same) if s.sid == row.sid)
    start, end = row.start, row.end
    if index > 0 and leans_back(text[row.start : row.end]):
        start = same[index - 1].start
    if index + 1 < len(same):
        following = same[index + 1]
        sentence = text[row.start : row.end].rstrip()
        lead_in = sentence.endswith(":") or len(sentence) < 60
        if lead_in or (
            leans_back(text[following.start : following.end])
            and following.end - start <= _MAX_CONTEXT
        ):
            end = following.end
    return start, end


def leans_back(sentence: str) -> bool:
    """Whether a sentence opens with a word pointing back to the one before it."""
    first_word = re.match(r"\W*(\w+)", sentence)
    return first_word is not None and first_word.group(1).lower() in _ANAPHORA


PER_ARTICLE = 2
"""Passages of one article shown before other articles get their turn."""


def spread(passages: list[Passage], per_article: int = PER_ARTICLE) -> list[Passage]:
    """Keep score order but let no article take more than ``per_article`` places up front."""
    first: list[Passage] = []
    rest: list[Passage] = []
    counts: Counter[str] = Counter()
    for passage in passages:
        counts[passage.article_id] += 1
        (first if counts[passage.article_id] <= per_article else rest).append(passage)
    return first + rest


def assemble(
    hits: Sequence[tuple[int, float]],
    rows: dict[int, StoredSentence],
    terms: set[str],
    *,
    needed: int,
    articles: ArticleCache,
    store: Store,
) -> list[Passage]:
    """Passages for the ranked sentences ``(sid, score)``, in :func:`spread` order.

    ``rows`` holds every hit's row. Building stops once ``needed`` passages are sure of their
    place up front: the page and whether there is more are then known, and the rest would be
    built for nothing. A sentence already shown in a better passage's context is left out.
    """
    merged: list[Passage] = []
    shown: Counter[str] = Counter()
    later: list[tuple[int, float]] = []  # hits of articles that have their places up front

    def add(sid: int, score: float, *, now: bool = False) -> None:
        row = rows[sid]
        article = articles.get(row.article)
        if article is None:
            return
        if shown[article.id] >= PER_ARTICLE and not now:
            # Shown only after every other article's passages: built if they are too few.
            later.append((sid, score))
            return
        # The context takes at most the sentence before and the one after.
        near = list(store.sentences(article=row.article, around=row.position))
        if not any(sentence.sid == row.sid for sentence in near):
            return  # removed while the reranker ran, outside the lock
        start, end = context_span(row, near, article.text)
        if any(
            p.article_id == article.id and p.context_start <= end and start <= p.context_end
            for p in merged
        ):
            return  # a better passage of this article already shows this sentence
        merged.append(make_passage(article, row, score, start, end, terms))
        shown[article.id] += 1

    def enough() -> bool:
        return sum(min(count, PER_ARTICLE) for count in shown.values()) >= needed

    for sid, score in hits:
        if enough():
            break
        add(sid, score)
    if not enough():
        for sid, score in later:
            add(sid, score, now=True)
    return spread(merged)
