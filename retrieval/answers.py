"""The answer base: the one entry to newsdesk's retrieval core.

Open it on a folder, add articles, ask questions::

    with AnswerBase.open("var/newsdesk", seeds=Path("seeds")) as base:
        base.sync()                              # make the base match seeds/
        answer = base.search("Who coordinates the law enforcement agencies?")
        for passage in answer.passages:
            print(passage.context, passage.reported_by)

Seed files are the truth; the SQLite database and the BM25 index are derived from them and
can always be rebuilt (:meth:`AnswerBase.reindex`).

The base is a facade over parts that each own one thing (the flow runs file → article →
sentences → sources → analysis → index; question → ranking → meaning → passages → answer):

- :class:`~retrieval.seeds.SeedsFolder`: seed ids and numbering, listing, atomic writes;
- :func:`~retrieval.ingest.prepare`: a draft split, attributed and analysed, before any lock;
- :class:`~retrieval.store.Store`: the SQLite rows;
- :class:`~retrieval.sentence_index.SentenceIndex`: BM25, the two-level ranking, its snapshot;
- :class:`~retrieval.meaning.Meaning`: the reranker and the stored embeddings (optional);
- :func:`~retrieval.passages.assemble`: ranked sentences made into passages.

Its records (and the names of the ids) are in :mod:`retrieval.records`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import shutil
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType

import numpy as np

from retrieval.analysis import ANALYSIS_VERSION, analyzer_for
from retrieval.articles import ArticleDraft, language_code, make_draft, parse_file, render_seed
from retrieval.compounds import COMPOUNDING, split_compounds
from retrieval.dates import check_published
from retrieval.errors import (
    ArticleError,
    ArticleNotFoundError,
    DuplicateArticleError,
    InvalidMetadataError,
    QuestionError,
    StoreError,
)
from retrieval.fetching import Fetcher, check_url, clean_url
from retrieval.ingest import PreparedArticle, ReadySeed, SyncBatch, prepare
from retrieval.meaning import Meaning
from retrieval.passages import assemble
from retrieval.questions import check_question, question_language, question_period
from retrieval.recency import by_recency
from retrieval.records import (
    Answer,
    Article,
    ArticleSentence,
    Progress,
    RetrievalConfig,
    Stats,
    SyncReport,
    Tuning,
)
from retrieval.rerank import Reranker, load_reranker
from retrieval.seeds import SeedsFolder
from retrieval.sentence_index import SentenceIndex
from retrieval.sentences import SentenceSplitter
from retrieval.sources import ATTRIBUTION_VERSION
from retrieval.store import ArticleCache, Store, StoredArticle

__all__ = [
    "Answer",
    "AnswerBase",
    "Article",
    "ArticleSentence",
    "Progress",
    "RetrievalConfig",
    "Stats",
    "SyncReport",
    "Tuning",
]

log = logging.getLogger(__name__)

_SNAPSHOT = "index"


class _Default:
    """The reranker the configuration names (see :meth:`AnswerBase.open`)."""


_CONFIGURED = _Default()


class AnswerBase:
    """Articles, their sentences and a BM25 index over them, kept on disk under one folder."""

    def __init__(
        self,
        path: Path,
        seeds: Path,
        config: RetrievalConfig,
        *,
        reranker: Reranker | _Default | None = _CONFIGURED,
        tuning: Tuning | None = None,
        on_phase: Callable[[str], None] | None = None,
    ) -> None:
        self.config = config
        self.tuning = tuning or Tuning()
        # A variant BM25Index refuses fails here, before any I/O.
        self._index = SentenceIndex(config, self.tuning.merging)
        if isinstance(reranker, _Default):
            reranker = load_reranker(config.reranker, threads=config.reranker_threads)
        self._reranker: Reranker | None = reranker
        self.path = path
        self.seeds = seeds
        self._on_phase = on_phase
        self._store = Store(path / "newsdesk.sqlite3", timeout=config.lock_timeout)
        self._seeds = SeedsFolder(seeds, lock_timeout=config.lock_timeout)
        try:
            self._seeds.ensure(self._store.counts()[0], path)
        except BaseException:
            self._store.close()
            raise
        self._splitter = SentenceSplitter()
        self._lock = threading.RLock()  # this process's threads
        self._meaning = None if reranker is None else Meaning(reranker, self._store, self._lock)
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
        reranker: Reranker | _Default | None = _CONFIGURED,
        tuning: Tuning | None = None,
        on_phase: Callable[[str], None] | None = None,
    ) -> AnswerBase:
        """Open (or create) the answer base in folder ``path``; seeds default to ``path/seeds``.

        The reranker is the one ``config.reranker`` names unless one is given (None: BM25
        alone); ``tuning`` changes speed, never an answer; ``on_phase`` is told each step of
        a write (tests kill the process there).
        """
        folder = Path(path).expanduser()
        seeds_dir = folder / "seeds" if seeds is None else Path(seeds).expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(
                f"cannot create the answer base at {folder}: {err.strerror}."
            ) from None
        return cls(
            folder,
            seeds_dir,
            config or RetrievalConfig(),
            reranker=reranker,
            tuning=tuning,
            on_phase=on_phase,
        )

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

    @property
    def reranker(self) -> Reranker | None:
        """The model that reranks by meaning; None: BM25 alone."""
        return self._reranker

    @reranker.setter
    def reranker(self, reranker: Reranker | None) -> None:
        """Rank by another model, or (None) by BM25 alone, from the next question on.

        The stored embeddings and their index stay (benchmarks time both in one base).
        """
        self._reranker = reranker
        if reranker is not None:
            if self._meaning is None:
                self._meaning = Meaning(reranker, self._store, self._lock)
            else:
                self._meaning.use(reranker)

    @property
    def _by_meaning(self) -> Meaning | None:
        """The meaning part when a reranker ranks, else None."""
        return self._meaning if self._reranker is not None else None

    @property
    def index(self) -> SentenceIndex:
        """The BM25 side: how many sentences, how many segments."""
        return self._index

    def close(self) -> None:
        """Save the index snapshot (so the next start is fast) and close the database."""
        if self._meaning is not None:
            self._meaning.stop()
        with self._lock:
            if self._index.changed and not self.read_only:
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
            prepared.append(prepare(draft, self._splitter))
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
        outcomes: list[PreparedArticle | ArticleError] = []
        for done, draft in enumerate(drafts, 1):
            try:
                outcomes.append(
                    prepare(draft if draft.added else replace(draft, added=stamp), self._splitter)
                )
            except ArticleError as err:
                outcomes.append(err)
            if progress:
                progress(done, len(drafts))
        ready = [item for item in outcomes if isinstance(item, PreparedArticle)]
        stored = iter(self._add_prepared(ready, [None] * len(ready), each=True))
        return [next(stored) if isinstance(item, PreparedArticle) else item for item in outcomes]

    def _add_prepared(
        self, prepared: Sequence[PreparedArticle], ids: Sequence[str | None], *, each: bool = False
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
            planned: list[tuple[PreparedArticle, str]] = []
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
                    rows.append(ReadySeed(item, article_id, seed, stat.st_mtime_ns, stat.st_size))
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
        self._index.compact(self.tuning.most_segments)
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
        text = check_question(question, self.config.max_question_chars)
        language = question_language(text, self._language_counts())
        terms = tuple(dict.fromkeys(analyzer_for(language)(text)))
        if not terms:
            raise QuestionError(
                "the question has no words to search for; ask with a few keywords, "
                "e.g. “Who coordinates the operation in Kursk?”"
            )
        articles = ArticleCache(self._store)
        days = question_period(since, until)
        with self._lock:
            rowids = None
            if days:
                since_day = days.since.isoformat() if days.since else None
                until_day = days.until.isoformat() if days.until else None
                rowids = np.array(self._store.dated(since_day, until_day), dtype=np.int64)
            if language in COMPOUNDING:
                terms = split_compounds(
                    terms, analyzer_for(language).term, self._index.bm25.document_frequencies
                )
            # A "not found" answer names the terms searched for, as a found one does.
            empty = Answer(question=text, passages=(), terms=terms, offset=offset, period=days)
            ranking = self._index.rank(terms, (offset + k) * 4 + 8, question=text, rowids=rowids)
            meaning = self._by_meaning
            if meaning is None and not (ranking.hits and ranking.found):
                return empty
            rows = self._store.sentence_rows([sid for sid, _ in ranking.hits])
            hits = [(sid, score) for sid, score in ranking.hits if sid in rows]
        if meaning is not None:
            found = meaning.rerank(
                text,
                language,
                ranking.coverage,
                self._index.min_coverage,
                hits,
                rows,
                articles,
                allowed=None if rowids is None else {int(rowid) for rowid in rowids},
                article_scores=ranking.articles,
            )
            if found is None:
                return empty
            hits = found
        with self._lock:
            if self.config.recency_half_life_days > 0:
                today = dt.datetime.now(dt.UTC).date()
                half_life = self.config.recency_half_life_days
                hits = by_recency(hits, rows, articles, half_life, today)
            passages = assemble(
                hits, rows, set(terms), needed=offset + k + 1, articles=articles, store=self._store
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

    # -- embeddings computed once, at ingest ----------------------------------------------

    def pending_embeddings(self) -> int:
        """Sentences the reranker has no stored embedding for yet (0 without a reranker)."""
        meaning = self._by_meaning
        return meaning.pending() if meaning is not None else 0

    def embed_pending(
        self,
        progress: Progress | None = None,
        *,
        batch: int = 16,
        stop: threading.Event | None = None,
    ) -> int:
        """Embed the sentences that have no stored embedding yet; return how many were done
        (0 without a reranker or on a read-only base). See :meth:`Meaning.embed_pending`."""
        meaning = self._by_meaning
        if meaning is None or self.read_only:
            return 0
        return meaning.embed_pending(progress, batch=batch, stop=stop)

    def embed_in_background(self) -> None:
        """Keep embedding new sentences in a thread of their own until :meth:`close`."""
        meaning = self._by_meaning
        if meaning is not None and not self.read_only:
            meaning.embed_in_background()

    # -- keeping the base in step with seeds/ ---------------------------------------------

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Make the base match seeds/: add new files, re-read changed ones, drop deleted ones."""
        report = SyncReport()
        if self.read_only:
            return report  # answers go on from what the base holds
        with self._lock, self._seeds.lock:
            self._in_step()
            known = self._store.seed_files()
            gone, todo = self._seeds.changes(known)
            for path in gone:
                stored = self._store.article(rowid=known[path][0])
                if stored is not None:
                    self._delete([stored])
                    report.removed.append(stored.id)
            batch = SyncBatch()
            for done, (relative, file, old_row) in enumerate(todo, 1):
                self._sync_file(relative, file, old_row, report, batch)
                if len(batch.rows) >= self.tuning.sync_batch:
                    self._insert(batch.take())
                if progress:
                    progress(done, len(todo))
            self._insert(batch.take())
            if report.removed or report.updated:
                self._store.reclaim()
        self._index.compact(self.tuning.most_segments)
        return report

    def reindex(self, progress: Progress | None = None) -> SyncReport:
        """Throw the derived data away and rebuild everything from seeds/."""
        with self._lock, self._seeds.lock:
            with self._store.transaction():
                self._store.set_vectors_aside()  # embeddings outlive a rebuild: see restore
                self._store.clear()
                self._bump_generation()
            self._index = SentenceIndex(self.config, self.tuning.merging)
            shutil.rmtree(self.path / _SNAPSHOT, ignore_errors=True)
            self._index.changed = True
            report = self.sync(progress)
            restored = self._store.restore_vectors()
            if self._meaning is not None:
                # Its nearest-neighbour index is read again from the rebuilt rows (nothing
                # reads it before: the lock is held throughout).
                self._meaning.reset()
            if restored:
                log.info("%d sentence embeddings kept through the rebuild", restored)
            return report

    # -- internals -----------------------------------------------------------------------

    def _language_counts(self) -> dict[str, int]:
        """Article language → number of articles (read once per change of the base)."""
        if self._languages is None:
            self._languages = self._store.language_counts()
        return self._languages

    def _insert(self, rows: Sequence[ReadySeed]) -> list[Article]:
        """Store prepared articles in one transaction, then make them searchable."""
        if not rows:
            return []
        added = _now()
        stored: list[tuple[StoredArticle, list[int], PreparedArticle]] = []
        with self._store.transaction():
            for row in rows:
                record = row.article.record(
                    row.article_id, self._seeds.relative(row.seed), row.mtime_ns, row.size, added
                )
                rowid, sids = self._store.insert_article(record, row.article.sentences)
                stored.append((replace(record, rowid=rowid), sids, row.article))
            self._bump_generation()
        self._index.add(
            [
                (sid, record.rowid, s.terms)
                for record, sids, item in stored
                for sid, s in zip(sids, item.sentences, strict=True)
            ]
        )
        if self._meaning is not None:
            self._meaning.added()
        return [self._article(record, len(item.sentences)) for record, _, item in stored]

    def _delete(self, articles: Sequence[StoredArticle]) -> None:
        with self._store.transaction():
            sids: list[int] = []
            for stored in articles:
                sids.extend(self._store.delete_article(stored.rowid))
            self._bump_generation()
        if self._meaning is not None:
            self._meaning.forget(sids)
        self._index.remove(sids)

    def _sync_file(
        self,
        relative: str,
        file: Path,
        rowid: int | None,
        report: SyncReport,
        batch: SyncBatch,
    ) -> None:
        """Read one new or changed seed; what is to be stored goes into ``batch``."""
        try:
            draft = parse_file(file, root=self.seeds)
            item = prepare(draft, self._splitter)
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

    def _check_new_id(self, wanted: str, planned: Sequence[tuple[PreparedArticle, str]]) -> str:
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
        if self._meaning is not None:
            self._meaning.reset()
        if self._store.get_meta("snapshot_generation") == generation and snapshot.is_dir():
            try:
                self._index = SentenceIndex.load(snapshot, self.config, self.tuning.merging)
                return
            except (OSError, ValueError, KeyError) as err:
                log.warning("index snapshot unreadable (%s); rebuilding it", err)
        self._index = SentenceIndex(self.config, self.tuning.merging)
        self._index.add([(s.sid, s.article, s.terms) for s in self._store.sentences()])
        self._index.changed = True  # the next close saves a snapshot, even of an empty base

    def _save_index(self) -> None:
        snapshot = self.path / _SNAPSHOT
        generation = self._store.get_meta("generation") or "0"
        if generation != self._generation:
            return  # another process wrote since: the next open rebuilds from the rows
        self._store.set_meta("snapshot_generation", "")
        self._index.save(snapshot)
        self._store.set_meta("snapshot_generation", generation)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
