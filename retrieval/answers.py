"""The answer base: the one entry to newsdesk's retrieval core.

Open it on a folder, add articles, ask questions::

    with AnswerBase.open("var/newsdesk", seeds=Path("seeds")) as base:
        base.sync()                              # make the base match seeds/
        answer = base.search("Who coordinates the law enforcement agencies?")
        for passage in answer.passages:
            print(passage.context, passage.reported_by)

Seed files are the truth; the SQLite database and the BM25 index are derived from them and
can always be rebuilt (:meth:`AnswerBase.reindex`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import logging
import os
import re
import shutil
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType

import numpy as np
import numpy.typing as npt

from retrieval.analysis import ANALYSIS_VERSION, analyzer_for
from retrieval.articles import (
    ArticleDraft,
    content_hash,
    language_code,
    make_draft,
    parse_file,
    render_seed,
)
from retrieval.dates import Period, check_published, period
from retrieval.errors import (
    ArticleError,
    ArticleNotFoundError,
    DuplicateArticleError,
    EmptyArticleError,
    InvalidMetadataError,
    NewsdeskError,
    QuestionError,
    StoreError,
)
from retrieval.fetching import Fetcher, check_url, clean_url
from retrieval.index import BM25Index
from retrieval.languages import detect_language, script_of, script_of_language
from retrieval.passages import PER_ARTICLE, Passage, context_span, make_passage, spread
from retrieval.ranking import Ranker, Ranking
from retrieval.rerank import (
    CROSS_MEANING,
    DENSE_BELOW,
    DENSE_DEPTH,
    DEPTH,
    Reranker,
    context_of,
    coverage_with_meaning,
    fuse,
    load_reranker,
    pooled_articles,
)
from retrieval.seeds import SeedsFolder
from retrieval.sentences import SentenceSplitter
from retrieval.sources import ATTRIBUTION_VERSION, Attribution, attribute_article
from retrieval.store import (
    NewSentence,
    Store,
    StoredArticle,
    StoredSentence,
)
from retrieval.vectors import VectorIndex, dequantise, quantise, stack

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while a long operation runs."""

_MARKUP = re.compile(
    r"<(?:script|style)\b.*?</(?:script|style)\s*>|</?[A-Za-z][^<>]*>|<!--.*?-->", re.S | re.I
)
_SNAPSHOT = "index"
_SYNC_BATCH = 500  # seeds a sync stores per transaction and index add
_MOST_SEGMENTS = 3  # more, and the indexes are merged into one (see AnswerBase._compact)


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
    reranker_threads: int = 1
    """Threads the reranker's model computes with (more are faster only on an idle machine)."""
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
    reported_by: str | None
    attribution: Attribution | None


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
class _Prepared:
    """An article analysed and ready to store (all the slow work done, nothing written)."""

    draft: ArticleDraft
    content_hash: str
    sentences: tuple[NewSentence, ...]


@dataclass(slots=True)
class _SyncBatch:
    """Seeds read by a sync and not yet stored: stored together, a few hundred at a time.

    One by one, every article would copy the ranker's per-sentence arrays and merge the
    index's newest segment again: at 200,000 seeds, quadratic.
    """

    rows: list[tuple[_Prepared, str, Path, int, int]] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # content hash -> article id
    ids: dict[str, str] = field(default_factory=dict)  # article id -> seed path

    def add(
        self, item: _Prepared, article_id: str, file: Path, relative: str, stat: os.stat_result
    ) -> None:
        self.rows.append((item, article_id, file, stat.st_mtime_ns, stat.st_size))
        self.hashes[item.content_hash] = article_id
        self.ids[article_id] = relative

    def take(self) -> list[tuple[_Prepared, str, Path, int, int]]:
        rows = self.rows
        self.rows, self.hashes, self.ids = [], {}, {}
        return rows


class AnswerBase:
    """Articles, their sentences and a BM25 index over them, kept on disk under one folder."""

    def __init__(
        self,
        path: Path,
        seeds: Path,
        config: RetrievalConfig,
        *,
        on_phase: Callable[[str], None] | None = None,
    ) -> None:
        self.config = config
        self._index = self._new_index()  # a variant BM25Index refuses fails before any I/O
        self.reranker: Reranker | None = load_reranker(
            config.reranker, threads=config.reranker_threads
        )
        self.path = path
        self.seeds = seeds
        self._on_phase = on_phase
        self._embedder: Reranker | None = None  # the reranker's twin for embed_pending
        self._vectors: VectorIndex | None = None  # built on the first question that needs it
        self._background: threading.Thread | None = None
        self._stopping = threading.Event()
        self._added = threading.Event()  # wakes the background embedding
        self._store = Store(path / "newsdesk.sqlite3", timeout=config.lock_timeout)
        self._seeds = SeedsFolder(seeds, lock_timeout=config.lock_timeout)
        try:
            self._seeds.ensure(self._store.counts()[0], path)
        except BaseException:
            self._store.close()
            raise
        self._splitter = SentenceSplitter()
        self._lock = threading.RLock()  # this process's threads
        self._doc_sids = array("q")
        self._dirty = False
        self._generation = "0"  # the database generation the index in memory describes
        self._languages: dict[str, int] | None = None  # see _language_counts
        self._load_index()
        self._check_analysis()

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        seeds: Path | str | None = None,
        config: RetrievalConfig | None = None,
        on_phase: Callable[[str], None] | None = None,
    ) -> AnswerBase:
        """Open (or create) the answer base in folder ``path``; seeds default to ``path/seeds``."""
        folder = Path(path).expanduser()
        seeds_dir = folder / "seeds" if seeds is None else Path(seeds).expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(
                f"cannot create the answer base at {folder}: {err.strerror}."
            ) from None
        return cls(folder, seeds_dir, config or RetrievalConfig(), on_phase=on_phase)

    def _phase(self, name: str) -> None:
        """Tell ``on_phase`` (tests that kill the process at each step) where a write is."""
        if self._on_phase is not None:
            self._on_phase(name)

    def __enter__(self) -> AnswerBase:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def read_only(self) -> str | None:
        """Why nothing can be added or removed now (a full disk, a read-only base), or None.

        Such a base still answers from what it holds; it is not synced with seeds/.
        """
        return self._store.read_only

    def close(self) -> None:
        """Save the index snapshot (so the next start is fast) and close the database."""
        if self._background is not None:
            self._stopping.set()
            self._added.set()
            self._background.join(timeout=30.0)  # a batch is a few seconds at most
        with self._lock:
            if self._dirty and not self.read_only:
                try:
                    self._save_index()
                except (OSError, StoreError) as err:
                    # Only the next start's speed depends on it: it rebuilds from the rows.
                    log.warning("the index snapshot was not saved: %s", err)
            self._store.close()

    # -- adding and removing -------------------------------------------------------------

    def add(
        self,
        text: str,
        *,
        article_id: str | None = None,
        title: str | None = None,
        url: str | None = None,
        outlet: str | None = None,
        published: str | None = None,
        language: str | None = None,
    ) -> Article:
        """Add an article given as text; it is written to seeds/ and searchable at once.

        The metadata is checked as typed by a person: a URL that is not http(s), a date or a
        language newsdesk cannot read is refused (:class:`InvalidMetadataError`).
        """
        if url is not None and url.strip():
            url = check_url(url)
        if published is not None and published.strip():
            published = check_published(published)
        if language is not None and language.strip() and language_code(language) is None:
            raise InvalidMetadataError(
                f"language {language!r} is not a language code newsdesk knows; use a two-letter "
                "code such as en, ru or uk, or give none and newsdesk detects it."
            )
        draft = make_draft(
            text, title=title, url=url, outlet=outlet, published=published, language=language
        )
        return self.add_draft(draft, article_id=article_id)

    def add_url(self, url: str, fetcher: Fetcher, *, outlet: str | None = None) -> Article:
        """Fetch a web page and add its article (:mod:`retrieval.links`).

        A page already stored under the same canonical URL is a
        :class:`DuplicateArticleError`, before any fetch when the link itself is known.
        """
        from retrieval.links import fetch_draft

        self._check_url_is_new(clean_url(url))
        draft = fetch_draft(url, fetcher, outlet=outlet)
        return self.add_draft(draft)

    def article_by_url(self, url: str) -> Article | None:
        """The article stored under this URL (tracking parameters ignored), if any."""
        stored = self._store.article_by_url(clean_url(url))
        return None if stored is None else self._article(stored)

    def _check_url_is_new(self, url: str | None) -> None:
        if url is None:
            return
        existing = self._store.article_by_url(url)
        if existing is not None:
            raise DuplicateArticleError(
                f"{url} is already in the answer base as {existing.id}.", existing.id
            )

    def add_file(self, path: Path | str, *, root: Path | None = None) -> Article:
        """Add an article from a .txt, .md, .html or .json file (a copy goes into seeds/).

        ``root`` is the folder being added (by default the file's own): a link that leads out
        of it is refused.
        """
        return self.add_draft(parse_file(Path(path), root=root))

    def add_draft(self, draft: ArticleDraft, *, article_id: str | None = None) -> Article:
        """Add one parsed article."""
        return self.add_many([draft], article_ids=[article_id])[0]

    def add_many(
        self,
        drafts: Iterable[ArticleDraft],
        *,
        article_ids: Sequence[str | None] | None = None,
        progress: Progress | None = None,
    ) -> list[Article]:
        """Add several articles in one transaction: all of them are stored, or none."""
        stamp = _now()
        items = [draft if draft.added else replace(draft, added=stamp) for draft in drafts]
        ids = list(article_ids) if article_ids is not None else [None] * len(items)
        if len(ids) != len(items):
            raise ValueError("article_ids must have one entry per draft")
        prepared = []
        for done, draft in enumerate(items, 1):
            prepared.append(self._prepare(draft))
            if progress:
                progress(done, len(items))
        stored = self._add_prepared(prepared, ids)
        return [article for article in stored if isinstance(article, Article)]

    def add_each(
        self, drafts: Sequence[ArticleDraft], *, progress: Progress | None = None
    ) -> list[Article | ArticleError]:
        """Add several articles, each on its own merits, and say what became of each.

        One that cannot be added (no text left, already stored) is reported in its place; the
        others are stored together, in one transaction, one fsync and one index segment: the
        way ``newsdesk add FOLDER`` adds a folder (one by one it took twice as long).
        """
        stamp = _now()
        outcomes: list[_Prepared | ArticleError] = []
        for done, draft in enumerate(drafts, 1):
            try:
                outcomes.append(
                    self._prepare(draft if draft.added else replace(draft, added=stamp))
                )
            except ArticleError as err:
                outcomes.append(err)
            if progress:
                progress(done, len(drafts))
        ready = [item for item in outcomes if isinstance(item, _Prepared)]
        stored = iter(self._add_prepared(ready, [None] * len(ready), each=True))
        return [next(stored) if isinstance(item, _Prepared) else item for item in outcomes]

    def _add_prepared(
        self, prepared: Sequence[_Prepared], ids: Sequence[str | None], *, each: bool = False
    ) -> list[Article | ArticleError]:
        """Write the seeds of prepared articles and store them in one transaction.

        A duplicate raises, or (``each``) takes the place of its article in the result.
        """
        if self.read_only:
            raise StoreError(f"{self.read_only}; nothing was added.")
        refused: list[ArticleError | None] = []  # None: stored, in the order of ``planned``
        with self._lock, self._seeds.lock:
            self._in_step()
            seen: dict[str, str] = {}
            next_number = self._seeds.next_number()
            planned: list[tuple[_Prepared, str]] = []
            for item, wanted in zip(prepared, ids, strict=True):
                try:
                    self._check_url_is_new(item.draft.url)
                    existing = self._store.article_by_hash(item.content_hash)
                    if existing is not None or item.content_hash in seen:
                        other = existing.id if existing else seen[item.content_hash]
                        raise DuplicateArticleError(
                            f"this article is already in the answer base as {other}.", other
                        )
                except DuplicateArticleError as err:
                    if not each:
                        raise
                    refused.append(err)
                    continue
                if wanted is None:
                    article_id = f"{next_number:03d}_{item.content_hash[:16]}"
                    next_number += 1
                else:
                    article_id = self._check_new_id(wanted, planned)
                seen[item.content_hash] = article_id
                planned.append((item, article_id))
                refused.append(None)
            written: list[Path] = []
            try:
                rows = []
                for item, article_id in planned:
                    seed, stat = self._seeds.write(article_id, render_seed(item.draft, article_id))
                    written.append(seed)
                    rows.append((item, article_id, seed, stat.st_mtime_ns, stat.st_size))
                    self._phase("add:seed-written")
                self._seeds.flush()  # once for the batch, before the rows point at them
                self._phase("add:seeds-synced")
                stored = iter(self._insert(rows))
                self._phase("add:stored")
            except BaseException:
                for seed in written:
                    with contextlib.suppress(OSError):
                        self._seeds.delete(seed)
                raise
            self._seeds.numbers_used([article_id for _, article_id in planned], next_number)
        self._compact()
        return [next(stored) if error is None else error for error in refused]

    def remove(self, article_id: str) -> Article:
        """Remove an article from seeds/ and from the index."""
        if self.read_only:
            raise StoreError(f"{self.read_only}; nothing was removed.")
        with self._lock, self._seeds.lock:
            self._in_step()
            stored = self._store.article(id=article_id)
            if stored is None:
                raise ArticleNotFoundError(f"there is no article with id {article_id!r}.")
            article = self._article(stored)
            # The seed is set aside first, under a hidden name sync passes over: a crash after
            # it leaves a row that the next sync removes; a failed transaction puts it back.
            aside = self._seeds.set_aside(stored.path)
            self._phase("remove:seed-set-aside")
            try:
                self._delete([stored])
            except BaseException:
                if aside is not None:
                    self._seeds.put_back(aside, stored.path)
                raise
            self._phase("remove:row-deleted")
            if aside is not None:
                with contextlib.suppress(OSError):
                    self._seeds.delete(aside)
            self._store.reclaim()
        return article

    def prune(self, older_than: dt.timedelta, *, now: dt.datetime | None = None) -> list[Article]:
        """Remove the articles dated before ``now - older_than`` (seeds too); return them.

        The space of their rows goes back to the file system, as after :meth:`remove`.
        """
        if older_than <= dt.timedelta(0):
            raise ValueError(f"older_than must be a positive period, not {older_than!r}")
        if self.read_only:
            raise StoreError(f"{self.read_only}; nothing was removed.")
        cutoff = ((now or dt.datetime.now(dt.UTC)) - older_than).date()
        last_kept_out = (cutoff - dt.timedelta(days=1)).isoformat()
        removed: list[Article] = []
        with self._lock, self._seeds.lock:
            self._in_step()
            old = [
                stored
                for rowid in self._store.dated(None, last_kept_out)
                if (stored := self._store.article(rowid=rowid)) is not None
            ]
            for stored in old:
                removed.append(self._article(stored))
                self._seeds.delete(self.seeds / stored.path)
            if old:
                self._delete(old)
                self._store.reclaim()
        return removed

    # -- reading -------------------------------------------------------------------------

    def get(self, article_id: str) -> Article:
        """One article by id."""
        stored = self._store.article(id=article_id)
        if stored is None:
            raise ArticleNotFoundError(f"there is no article with id {article_id!r}.")
        return self._article(stored)

    def sentences(self, article_id: str) -> list[ArticleSentence]:
        """Every indexed sentence of an article in reading order, with its attribution."""
        stored = self._store.article(id=article_id)
        if stored is None:
            raise ArticleNotFoundError(f"there is no article with id {article_id!r}.")
        return [
            ArticleSentence(
                position=row.position,
                paragraph=row.paragraph,
                start=row.start,
                end=row.end,
                text=stored.text[row.start : row.end],
                reported_by=row.source,
                attribution=row.attribution,
            )
            for row in self._store.sentences(article=stored.rowid)
        ]

    def articles(self) -> list[Article]:
        """All articles, oldest first."""
        return [self._article(stored) for stored in self._store.articles()]

    def stats(self) -> Stats:
        """How many articles and sentences the base holds."""
        articles, sentences = self._store.counts()
        return Stats(
            articles=articles,
            sentences=sentences,
            languages=self._store.language_counts(),
            data_dir=self.path,
            seeds_dir=self.seeds,
            variant=self.config.variant,
            reranker=self.reranker.name if self.reranker else None,
            without_embeddings=self.pending_embeddings(),
        )

    def __len__(self) -> int:
        return self._store.counts()[0]

    # -- asking --------------------------------------------------------------------------

    def search(
        self,
        question: str,
        k: int = 3,
        *,
        offset: int = 0,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
    ) -> Answer:
        """The ``k`` best passages for ``question`` (after skipping ``offset`` of them).

        ``since`` and ``until`` (a day, ``"2024-05-01"``, or an age, ``"7d"``) keep only the
        articles dated in that period, both ends included; an article's date is its published
        date, else the day it was added.
        """
        if not isinstance(k, int) or not 1 <= k <= 100:
            raise ValueError(f"k must be a whole number from 1 to 100, not {k!r}")
        if offset < 0:
            raise ValueError(f"offset must not be negative, not {offset!r}")
        text = self._check_question(question)
        language = self._question_language(text)
        terms = tuple(dict.fromkeys(analyzer_for(language)(text)))
        if not terms:
            raise QuestionError(
                "the question has no words to search for; ask with a few keywords, "
                "e.g. “Who coordinates the operation in Kursk?”"
            )
        articles: dict[int, StoredArticle] = {}
        days = _period(since, until)
        empty = Answer(question=text, passages=(), terms=terms, offset=offset, period=days)
        with self._lock:
            keys = None
            if days:
                since_day = days.since.isoformat() if days.since else None
                until_day = days.until.isoformat() if days.until else None
                keys = np.array(self._store.dated(since_day, until_day), dtype=np.int64)
            ranking = self._ranker.rank(terms, (offset + k) * 4 + 8, question=text, keys=keys)
            if self.reranker is None and not (ranking.hits and ranking.found):
                return empty
            rows = self._store.sentence_rows([self._doc_sids[doc] for doc, _ in ranking.hits])
            hits = [
                (sid, score) for doc, score in ranking.hits if (sid := self._doc_sids[doc]) in rows
            ]
        if self.reranker is not None:
            allowed = None if keys is None else {int(key) for key in keys}
            found = self._by_meaning(text, language, ranking, hits, rows, articles, allowed)
            if found is None:
                return empty
            hits = found
        if self.config.recency_half_life_days > 0:
            hits = self._by_recency(hits, rows, articles)
        with self._lock:
            passages = self._passages(
                [sid for sid, _ in hits],
                [score for _, score in hits],
                rows,
                set(terms),
                needed=offset + k + 1,
                articles=articles,
            )
        page = passages[offset : offset + k]
        return Answer(
            question=text,
            passages=tuple(page),
            terms=terms,
            offset=offset,
            has_more=len(passages) > offset + k,
            period=days,
        )

    def _by_meaning(
        self,
        question: str,
        language: str,
        ranking: Ranking,
        hits: list[tuple[int, float]],
        rows: dict[int, StoredSentence],
        articles: dict[int, StoredArticle],
        allowed: set[int] | None = None,
    ) -> list[tuple[int, float]] | None:
        """BM25's hits reranked by meaning, with the sentences nearest in meaning when BM25
        covered little of the question; None when nothing answers it.

        ``rows`` gains the rows of the sentences found by meaning alone (of the articles in
        ``allowed`` when it is given: a date filter). The model runs outside the lock: adds
        and other questions go on.
        """
        assert self.reranker is not None
        coverage = ranking.coverage
        query = self.reranker.embed_query(question)
        head = [sid for sid, _ in hits[:DEPTH]]
        proposed = {sid for sid, _ in hits}
        extra = []
        if coverage < DENSE_BELOW:
            extra = [sid for sid, _ in self._nearest(query, DENSE_DEPTH) if sid not in proposed]
        with self._lock:
            rows.update(self._store.sentence_rows([sid for sid in extra if sid not in rows]))
            extra = [
                sid
                for sid in extra
                if sid in rows and (allowed is None or rows[sid].article in allowed)
            ]
            stored = self._store.sentence_vectors(head + extra)
            texts = [self._sentence_text(rows[sid], articles) for sid in head + extra]
            article_of = {sid: rows[sid].article for sid in head}
            pooled = self._store.article_vectors(pooled_articles(hits[:DEPTH], article_of))
            rows.update((row.sid, row) for row, _ in pooled if row.sid not in rows)
        known = [dequantise(stored[sid]) if sid in stored else None for sid in head + extra]
        similarities = self.reranker.similarities(question, texts, known, query=query)
        near, far = similarities[: len(head)], similarities[len(head) :]
        answered = bool(head) and (
            coverage_with_meaning(coverage, near) >= self._ranker.config.min_coverage
        )
        across = any(
            similarity >= CROSS_MEANING
            and (article := articles.get(rows[sid].article)) is not None
            and article.language != language
            for sid, similarity in zip(head + extra, similarities, strict=True)
        )
        if not (answered or across):
            return None
        context = context_of(pooled, query, ranking.articles)
        return fuse(hits, near, extra, far, coverage, context=context)

    def _sentence_text(self, row: StoredSentence, articles: dict[int, StoredArticle]) -> str:
        article = self._cached_article(row.article, articles)
        return article.text[row.start : row.end] if article else ""

    def _nearest(self, query: npt.NDArray[np.float32], k: int) -> list[tuple[int, float]]:
        """The ``k`` sentences whose stored embeddings are closest to ``query``, with cosines."""
        with self._lock:
            if self._vectors is None or self._vectors.stale:
                index = VectorIndex()
                for batch in self._store.iter_vectors():
                    index.add([sid for sid, _ in batch], stack([blob for _, blob in batch]))
                self._vectors = index
            candidates = self._vectors.candidates(query, 10 * k)
            stored = self._store.sentence_vectors(candidates)
        found = [sid for sid in candidates if sid in stored]
        cosines = stack([stored[sid] for sid in found]) @ query if found else np.zeros(0)
        scored = sorted(zip(found, map(float, cosines), strict=True), key=lambda item: -item[1])
        return scored[:k]

    # -- embeddings computed once, at ingest ----------------------------------------------

    def pending_embeddings(self) -> int:
        """Sentences the reranker has no stored embedding for yet (0 without a reranker)."""
        return self._store.count_without_vectors() if self.reranker is not None else 0

    def embed_pending(
        self,
        progress: Progress | None = None,
        *,
        batch: int = 16,
        stop: threading.Event | None = None,
    ) -> int:
        """Embed the sentences that have no stored embedding yet; return how many were done.

        Each batch is stored as it is done, so an interrupted run keeps its work. Runs on the
        reranker's second instance: questions do not wait for it.
        """
        if self.reranker is None or self.read_only:
            return 0
        if self._embedder is None:
            self._embedder = self.reranker.another()
        total, done = self._store.count_without_vectors(), 0
        while not (stop is not None and stop.is_set()):
            rows = self._store.sentences_without_vectors(batch)
            if not rows:
                break
            vectors = self._embedder.embed([text for _, text in rows])
            self._store.set_vectors(
                [(sid, blob) for (sid, _), blob in zip(rows, quantise(vectors), strict=True)]
            )
            with self._lock:
                if self._vectors is not None:
                    self._vectors.add([sid for sid, _ in rows], vectors)
            done += len(rows)
            if progress:
                progress(min(done, total), total)
        return done

    def embed_in_background(self) -> None:
        """Keep embedding new sentences in a thread of their own until :meth:`close`."""
        if self.reranker is None or self.read_only or self._background is not None:
            return

        def work() -> None:
            while not self._stopping.is_set():
                try:
                    if self.embed_pending(stop=self._stopping):
                        log.info("sentence embeddings stored; %d to go", self.pending_embeddings())
                except NewsdeskError as err:
                    log.warning("sentence embeddings paused: %s", err)
                self._added.wait(timeout=60.0)
                self._added.clear()

        self._background = threading.Thread(target=work, name="embeddings", daemon=True)
        self._background.start()

    # -- keeping the base in step with seeds/ ---------------------------------------------

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Make the base match seeds/: add new files, re-read changed ones, drop deleted ones."""
        report = SyncReport()
        if self.read_only:
            return report  # answers go on from what the base holds
        with self._lock, self._seeds.lock:
            self._in_step()
            known = self._store.seed_files()
            files = self._seeds.files()
            gone = [path for path in known if path not in files]
            for path in gone:
                stored = self._store.article(rowid=known[path][0])
                if stored is not None:
                    self._delete([stored])
                    report.removed.append(stored.id)
            todo: list[tuple[str, Path, int | None]] = []
            for relative, file in files.items():
                stat = file.stat()
                if relative in known:
                    known_row, mtime_ns, size = known[relative]
                    if (mtime_ns, size) == (stat.st_mtime_ns, stat.st_size):
                        continue
                    todo.append((relative, file, known_row))
                else:
                    todo.append((relative, file, None))
            batch = _SyncBatch()
            for done, (relative, file, old_row) in enumerate(todo, 1):
                self._sync_file(relative, file, old_row, report, batch)
                if len(batch.rows) >= _SYNC_BATCH:
                    self._insert(batch.take())
                if progress:
                    progress(done, len(todo))
            self._insert(batch.take())
            if report.removed or report.updated:
                self._store.reclaim()
        self._compact()
        return report

    def reindex(self, progress: Progress | None = None) -> SyncReport:
        """Throw the derived data away and rebuild everything from seeds/."""
        with self._lock, self._seeds.lock:
            with self._store.transaction():
                self._store.clear()
                self._bump_generation()
            self._index = self._new_index()
            self._ranker = Ranker(self._index)
            self._doc_sids = array("q")
            self._vectors = None
            shutil.rmtree(self.path / _SNAPSHOT, ignore_errors=True)
            self._dirty = True
            return self.sync(progress)

    # -- internals -----------------------------------------------------------------------

    def _new_index(self) -> BM25Index:
        return BM25Index(variant=self.config.variant, k1=self.config.k1, b=self.config.b)

    def _check_question(self, question: object) -> str:
        if not isinstance(question, str):
            raise QuestionError("the question must be text.")
        if not question.isascii():
            try:
                question.encode("utf-8")
            except UnicodeEncodeError:  # bytes that were not UTF-8, kept as surrogates
                raise QuestionError(
                    "the question is not valid UTF-8 text; type it again."
                ) from None
        if len(question) > 10 * self.config.max_question_chars:
            raise QuestionError(
                f"the question is too long ({len(question):,} characters; the limit is "
                f"{self.config.max_question_chars:,}). Ask it in fewer words."
            )
        if "<" in question or "&" in question:
            # Pasted from a web page: the markup is not part of the question.
            question = html.unescape(_MARKUP.sub(" ", question))
        text = " ".join(question.split())
        if not text:
            raise QuestionError("the question is empty; type a question about the news.")
        limit = self.config.max_question_chars
        if len(text) > limit:
            raise QuestionError(
                f"the question is too long ({len(text):,} characters; the limit is {limit:,}). "
                "Ask it in fewer words."
            )
        return text

    def _language_counts(self) -> dict[str, int]:
        """Article language → number of articles (read once per change of the base)."""
        if self._languages is None:
            self._languages = self._store.language_counts()
        return self._languages

    def _question_language(self, text: str) -> str:
        """The language to analyse a question in.

        When the base holds one language in the question's script, that one: the analysers
        route words by script, so guessing among languages the base does not hold would only
        cost time (py3langid, a twentieth of an answer at 1M sentences). Else a detection,
        with the most common article language as the guess for questions too short to tell.
        """
        languages = self._language_counts()
        script = script_of(text)
        same = [code for code in languages if script_of_language(code) == script]
        if len(same) == 1:
            return same[0]
        main = max(languages, key=languages.__getitem__) if languages else "en"
        return detect_language(text, default=main)

    def _passages(
        self,
        sids: Sequence[int],
        scores: Sequence[float],
        rows: dict[int, StoredSentence],
        terms: set[str],
        *,
        needed: int,
        articles: dict[int, StoredArticle],
    ) -> list[Passage]:
        """Passages for the ranked sentences, in :func:`_spread` order.

        Building stops once ``needed`` passages are sure of their place up front: the page
        and whether there is more are then known, and the rest would be built for nothing.
        """
        merged: list[Passage] = []
        shown: Counter[str] = Counter()
        for sid, score in zip(sids, scores, strict=True):
            if sum(min(count, PER_ARTICLE) for count in shown.values()) >= needed:
                break
            row = rows[sid]  # search keeps only the hits whose rows it read
            article = self._cached_article(row.article, articles)
            if article is None:
                continue
            # The context takes at most the sentence before and the one after.
            near = list(self._store.sentences(article=row.article, around=row.position))
            if not any(sentence.sid == row.sid for sentence in near):
                continue  # removed while the reranker ran, outside the lock
            start, end = context_span(row, near, article.text)
            if any(
                p.article_id == article.id and p.context_start <= end and start <= p.context_end
                for p in merged
            ):
                continue  # a better passage of this article already shows this sentence
            merged.append(make_passage(article, row, score, start, end, terms))
            shown[article.id] += 1
        return spread(merged)

    def _by_recency(
        self,
        hits: list[tuple[int, float]],
        rows: dict[int, StoredSentence],
        articles: dict[int, StoredArticle],
    ) -> list[tuple[int, float]]:
        """The hits re-ordered with each score times its article's :func:`recency_factor`."""
        today = dt.datetime.now(dt.UTC).date()
        half_life = self.config.recency_half_life_days
        scored = []
        with self._lock:
            for sid, score in hits:
                article = self._cached_article(rows[sid].article, articles)
                published = article.published if article is not None else None
                scored.append((sid, score * recency_factor(published, today, half_life)))
        return sorted(scored, key=lambda hit: -hit[1])

    def _cached_article(self, rowid: int, cache: dict[int, StoredArticle]) -> StoredArticle | None:
        """The stored article ``rowid``, read once per answer (None if it was removed)."""
        if rowid not in cache:
            stored = self._store.article(rowid=rowid)
            if stored is None:
                return None
            cache[rowid] = stored
        return cache[rowid]

    def _prepare(self, draft: ArticleDraft) -> _Prepared:
        """Split, attribute and analyse an article: the slow part, done before any lock."""
        analyzer = analyzer_for(draft.language)
        body = [(n, p) for n, p in enumerate(draft.paragraphs) if p.kind == "body"]
        spans = [
            self._splitter.split_paragraph(draft.text, p.start, p.end, draft.language)
            for _, p in body
        ]
        sources = attribute_article(
            draft.text, [[(s.start, s.end) for s in group] for group in spans], draft.language
        )
        sentences: list[NewSentence] = []
        for (number, _), group, attributions in zip(body, spans, sources, strict=True):
            for span, source in zip(group, attributions, strict=True):
                terms = analyzer(draft.text[span.start : span.end])
                if not terms:
                    continue
                sentences.append(
                    NewSentence(
                        position=len(sentences),
                        paragraph=number,
                        start=span.start,
                        end=span.end,
                        attribution=source,
                        terms=tuple(terms),
                    )
                )
        if not sentences:
            raise EmptyArticleError(
                f"{draft.source_name} has no sentences to index after cleaning; nothing was added."
            )
        return _Prepared(draft=draft, content_hash=content_hash(draft), sentences=tuple(sentences))

    def _insert(self, rows: Sequence[tuple[_Prepared, str, Path, int, int]]) -> list[Article]:
        """Store prepared articles in one transaction, then make them searchable."""
        if not rows:
            return []
        added = _now()
        stored: list[tuple[StoredArticle, list[int], _Prepared]] = []
        with self._store.transaction():
            for item, article_id, seed, mtime_ns, size in rows:
                draft = item.draft
                record = StoredArticle(
                    rowid=0,
                    id=article_id,
                    path=self._seeds.relative(seed),
                    mtime_ns=mtime_ns,
                    size=size,
                    content_hash=item.content_hash,
                    title=draft.title,
                    text=draft.text,
                    url=draft.url,
                    outlet=draft.outlet,
                    published=draft.published,
                    language=draft.language,
                    added=draft.added or added,
                    paragraphs=tuple((p.start, p.end, p.kind) for p in draft.paragraphs),
                    author=draft.author,
                )
                rowid, sids = self._store.insert_article(record, item.sentences)
                stored.append((_with_rowid(record, rowid), sids, item))
            self._bump_generation()
        self._index_sentences(
            [
                (sid, record.rowid, s.terms)
                for record, sids, item in stored
                for sid, s in zip(sids, item.sentences, strict=True)
            ]
        )
        self._added.set()
        return [self._article(record, len(item.sentences)) for record, _, item in stored]

    def _index_sentences(self, rows: Sequence[tuple[int, int, Sequence[str]]]) -> None:
        if not rows:
            return
        docs = self._index.add([terms for _, _, terms in rows])
        self._ranker.add(docs, [article for _, article, _ in rows], [t for _, _, t in rows])
        self._doc_sids.extend(sid for sid, _, _ in rows)
        self._dirty = True

    def _delete(self, articles: Sequence[StoredArticle]) -> None:
        with self._store.transaction():
            sids: list[int] = []
            for stored in articles:
                sids.extend(self._store.delete_article(stored.rowid))
            self._bump_generation()
        if sids and self._vectors is not None:
            self._vectors.remove(sids)
        if sids:
            positions = np.searchsorted(np.frombuffer(self._doc_sids, dtype=np.int64), sids)
            self._index.remove(int(p) for p in positions)
            self._ranker.remove(int(p) for p in positions)
            self._dirty = True

    def _sync_file(
        self,
        relative: str,
        file: Path,
        rowid: int | None,
        report: SyncReport,
        batch: _SyncBatch,
    ) -> None:
        """Read one new or changed seed; what is to be stored goes into ``batch``."""
        try:
            draft = parse_file(file, root=self.seeds)
            item = self._prepare(draft)
        except ArticleError as err:
            report.failed.append((relative, str(err)))
            log.warning("skipped seed %s: %s", relative, err)
            return
        stat = file.stat()
        old = self._store.article(rowid=rowid) if rowid is not None else None
        if old is not None and old.content_hash == item.content_hash:
            with self._store.transaction():
                self._store.update_stat(old.rowid, stat.st_mtime_ns, stat.st_size)
            return
        other = self._store.article_by_hash(item.content_hash)
        if other is not None and (old is None or other.rowid != old.rowid):
            report.duplicates.append((relative, other.id))
            return
        if item.content_hash in batch.hashes:
            report.duplicates.append((relative, batch.hashes[item.content_hash]))
            return
        article_id = file.stem
        taken = self._store.article(id=article_id)
        if article_id in batch.ids or (
            taken is not None and (old is None or taken.rowid != old.rowid)
        ):
            where = batch.ids.get(article_id) or (taken.path if taken else "")
            message = (
                f"{where} already gives the article id {article_id!r}; "
                "seed files need different names, even in different folders"
            )
            report.failed.append((relative, message))
            log.warning("skipped seed %s: %s", relative, message)
            return
        if old is not None:
            self._delete([old])
        batch.add(item, article_id, file, relative, stat)
        (report.updated if old is not None else report.added).append(article_id)

    def _check_new_id(self, wanted: str, planned: Sequence[tuple[_Prepared, str]]) -> str:
        self._seeds.check_id(wanted)
        taken = self._store.article(id=wanted) is not None
        if taken or any(article_id == wanted for _, article_id in planned):
            raise ArticleError(f"article id {wanted!r} is already taken; choose another.")
        return wanted

    def _article(self, stored: StoredArticle, sentence_count: int | None = None) -> Article:
        if sentence_count is None:
            sentence_count = sum(1 for _ in self._store.sentences(article=stored.rowid))
        return Article(
            id=stored.id,
            title=stored.title,
            text=stored.text,
            url=stored.url,
            outlet=stored.outlet,
            published=stored.published,
            language=stored.language,
            path=self.seeds / stored.path,
            content_hash=stored.content_hash,
            added=stored.added,
            sentence_count=sentence_count,
            author=stored.author,
        )

    def _bump_generation(self) -> None:
        self._languages = None
        generation = str(int(self._store.get_meta("generation") or 0) + 1)
        self._store.set_meta("generation", generation)
        self._generation = generation

    def _in_step(self) -> None:
        """Reload the index when another process changed the database since it was read.

        Each process keeps its own index in memory; the database's generation says whether
        it still describes the rows (a bot's periodic sync and a ``newsdesk add`` beside it).
        """
        if (self._store.get_meta("generation") or "0") != self._generation:
            log.info("the answer base was changed by another process; reloading its index")
            self._load_index()

    def _check_analysis(self) -> None:
        """Re-read the seeds when the stored terms came from another version of the analysis.

        Questions are analysed by this version; terms stored by another would not match them.
        Attributions made by another version of the engine are recomputed the same way.
        The versions are recorded only once the rebuild is done, so an interrupted one is redone.
        """
        stored = self._store.get_meta("analysis_version")
        attributed = self._store.get_meta("attribution_version")
        current = stored == ANALYSIS_VERSION and attributed == ATTRIBUTION_VERSION
        if current or self.read_only:
            return
        if self._store.counts()[1]:
            if stored != ANALYSIS_VERSION:
                log.warning(
                    "the answer base was analysed by version %s of the text analysis, this is %s; "
                    "rebuilding it from %s",
                    stored or "1",
                    ANALYSIS_VERSION,
                    self.seeds,
                )
            else:
                log.warning(
                    "the answer base's sources were attributed by version %s of attribution, "
                    "this is %s; rebuilding it from %s",
                    attributed or "1",
                    ATTRIBUTION_VERSION,
                    self.seeds,
                )
            self.reindex()
        self._store.set_meta("analysis_version", ANALYSIS_VERSION)
        self._store.set_meta("attribution_version", ATTRIBUTION_VERSION)

    def _load_index(self) -> None:
        """Load the index snapshot when it matches the database; else rebuild it from SQLite."""
        snapshot = self.path / _SNAPSHOT
        generation = self._store.get_meta("generation") or "0"
        self._generation = generation
        self._languages = None
        self._vectors = None
        if self._store.get_meta("snapshot_generation") == generation and snapshot.is_dir():
            try:
                self._index = BM25Index.load(snapshot)
                self._ranker = Ranker.load(snapshot / "ranking", self._index)
                self._doc_sids = array("q", np.load(snapshot / "sids.npy").tobytes())
                if len(self._doc_sids) == len(self._index.get_scores([])):
                    return
            except (OSError, ValueError, KeyError) as err:
                log.warning("index snapshot unreadable (%s); rebuilding it", err)
        self._index = self._new_index()
        self._ranker = Ranker(self._index)
        self._doc_sids = array("q")
        self._index_sentences([(s.sid, s.article, s.terms) for s in self._store.sentences()])
        self._dirty = True

    def _compact(self, most: int = _MOST_SEGMENTS) -> None:
        """Merge the indexes' segments into one when they are more than ``most``.

        Adds leave segments behind (a big ingest about five; live adds keep two or three);
        every query pays for each. Searches go on meanwhile: the merge runs outside the lock.
        """
        for index in (self._index, self._ranker.articles):
            if index.segment_count > most:
                index.optimize()

    def _save_index(self) -> None:
        self._compact(most=1)
        snapshot = self.path / _SNAPSHOT
        generation = self._store.get_meta("generation") or "0"
        if generation != self._generation:
            return  # another process wrote since: the next open rebuilds from the rows
        self._store.set_meta("snapshot_generation", "")
        self._index.save(snapshot)
        self._ranker.save(snapshot / "ranking")
        np.save(snapshot / "sids.npy", np.frombuffer(self._doc_sids, dtype=np.int64))
        self._store.set_meta("snapshot_generation", generation)
        self._dirty = False


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


def _period(since: str | dt.date | None, until: str | dt.date | None) -> Period:
    if isinstance(since, dt.datetime):
        since = since.date()
    if isinstance(until, dt.datetime):
        until = until.date()
    if isinstance(since, dt.date) or isinstance(until, dt.date):
        start = since if isinstance(since, dt.date) else period(since).since
        end = until if isinstance(until, dt.date) else period(until=until).until
        if start and end and start > end:
            raise QuestionError(
                f"since {start.isoformat()} is after until {end.isoformat()}; no article can be "
                "from both."
            )
        return Period(start, end)
    return period(since, until)


def _with_rowid(record: StoredArticle, rowid: int) -> StoredArticle:
    from dataclasses import replace

    return replace(record, rowid=rowid)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
