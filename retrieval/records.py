"""The answer base's records: its settings, and what it gives back.

Ids, one name for each kind (used with these names everywhere in :mod:`retrieval`):

- ``article_id`` (str): an article's public id, its seed file's name without the extension
  (``"003_7da7026f9556804b"``); what a user sees and types.
- ``rowid`` (int): the article's row in SQLite; stable while the article is stored.
  :attr:`~retrieval.store.StoredSentence.article` holds its article's rowid, and the ranking
  knows articles by it (its ``keys``).
- ``sid`` (int): a sentence's row in SQLite.
- ``doc`` (int): a sentence's position in the BM25 sentence index, seen only inside
  :mod:`retrieval.sentence_index`, :mod:`retrieval.index` and :mod:`retrieval.ranking`; an
  article's position in the ranking's article index is its ``slot``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.bm25.segments import MergePolicy
from retrieval.dates import Period
from retrieval.passages import Passage
from retrieval.rerank import THREADS
from retrieval.sources import Attribution

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while a long operation runs."""


@dataclass(frozen=True, slots=True)
class RetrievalConfig:
    """How the answer base ranks: BM25 variant and parameters, and input limits."""

    variant: str = "lucene"
    k1: float = 1.2
    b: float = 0.75
    max_question_chars: int = 12_000
    reranker: str = "auto"
    """"none", "e5" (the ``rerank`` extra: :mod:`retrieval.rerank`) or "auto" (e5 if installed)."""
    recency_half_life_days: float = 0.0
    """0 (off), or the age in days at which an article's recency bonus halves: see
    :func:`recency_factor`."""
    reranker_threads: int = THREADS
    """Threads the reranker's model computes with; they wait passively (see
    :class:`retrieval.rerank.E5Reranker`)."""
    lock_timeout: float = 10.0
    """Seconds to wait for another process that is writing to the same base or seeds folder."""


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article: its full text and what is known about it."""

    id: str
    title: str
    text: str
    url: str | None
    outlet: str | None
    published: str | None
    language: str
    path: Path
    content_hash: str
    added: str
    sentence_count: int
    author: str | None = None
    """The byline, when the page or the file gives one."""

    @property
    def date(self) -> str:
        """The article's day (ISO): published when known, else the day it was added."""
        return (self.published or self.added)[:10]

    @property
    def date_is_added(self) -> bool:
        """Whether :attr:`date` is the day it was added, no published date being known."""
        return self.published is None


@dataclass(frozen=True, slots=True)
class ArticleSentence:
    """One indexed sentence of an article with who the article says it comes from."""

    position: int
    paragraph: int
    start: int
    end: int
    """Offsets into the article's text."""
    text: str
    attribution: Attribution | None
    """Who the article says the sentence comes from; None: the outlet's own claim."""

    @property
    def reported_by(self) -> str | None:
        """The source's name (:attr:`attribution`'s), None for the outlet's own claim."""
        return self.attribution.source if self.attribution else None


@dataclass(frozen=True, slots=True)
class Answer:
    """The passages found for a question (empty when nothing relevant matched)."""

    question: str
    passages: tuple[Passage, ...]
    terms: tuple[str, ...]
    offset: int = 0
    has_more: bool = False
    period: Period = field(default_factory=Period)
    """The days the answer was limited to (``since`` / ``until``); empty when not limited."""

    @property
    def found(self) -> bool:
        """Whether anything relevant was found."""
        return bool(self.passages)


@dataclass(frozen=True, slots=True)
class Stats:
    """Size of the answer base."""

    articles: int
    sentences: int
    languages: dict[str, int]
    data_dir: Path
    seeds_dir: Path
    variant: str
    reranker: str | None = None
    """The reranker's name ("e5"), None when answers are ranked by BM25 alone."""
    without_embeddings: int = 0
    """Sentences the reranker has not stored an embedding for yet (embedded when asked)."""


@dataclass(slots=True)
class SyncReport:
    """What :meth:`AnswerBase.sync` changed, and which seed files it could not read."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the base changed."""
        return bool(self.added or self.updated or self.removed)


@dataclass(frozen=True, slots=True)
class Tuning:
    """Knobs that change how fast the answer base works, never what it answers.

    The defaults suit every base; tests turn them to reach rare paths (a sync that stores
    one seed at a time, an index that keeps every add as a segment of its own).
    """

    sync_batch: int = 500
    """Seeds a sync stores per transaction and index add. One by one, every article would
    copy the ranker's per-sentence arrays and merge the index's newest segment again: at
    200,000 seeds, quadratic."""
    most_segments: int = 3
    """More segments than this after an add, and the indexes are merged into one: each
    costs every query term one more lookup (at 948k sentences one segment answered in 1.8 ms
    where five took 3.1 ms)."""
    merging: MergePolicy = field(default_factory=MergePolicy)
    """When the BM25 indexes merge segments on their own (see
    :class:`~retrieval.bm25.segments.MergePolicy`)."""

    def __post_init__(self) -> None:
        for name in ("sync_batch", "most_segments"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number >= 1, not {value!r}")
