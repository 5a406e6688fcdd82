"""The answer base on disk: seed files (the truth) and an SQLite database (derived data).

Seeds are written atomically (temporary file, fsync, rename), then the article and its
sentences go into SQLite in one transaction. A process killed between the two leaves a seed
file the database does not know yet; the next :meth:`AnswerBase.sync` adds it. Removal goes the
other way round (file first), so a kill can never bring a removed article back.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

from retrieval.errors import DuplicateArticleError, StoreError
from retrieval.sources import Attribution, kind_of

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL UNIQUE,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    published TEXT,
    language TEXT NOT NULL,
    added TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    author TEXT
);
CREATE TABLE IF NOT EXISTS sentences (
    sid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    source TEXT,
    source_detail TEXT,
    terms TEXT NOT NULL,
    source_cue TEXT,
    source_kind TEXT
);
CREATE INDEX IF NOT EXISTS sentences_article ON sentences(article, position);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
"""


@dataclass(frozen=True, slots=True)
class StoredSentence:
    """One sentence row as it is kept on disk."""

    sid: int
    article: int
    position: int
    paragraph: int
    start: int
    end: int
    source: str | None
    source_detail: str | None
    terms: tuple[str, ...]
    source_cue: str | None = None
    source_kind: str | None = None

    @property
    def attribution(self) -> Attribution | None:
        """The reported source of the sentence (None: the outlet's own claim)."""
        if self.source is None:
            return None
        kind = kind_of(self.source_kind)
        return Attribution(self.source, self.source_detail, self.source_cue, kind)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One article row (without its sentences)."""

    rowid: int
    id: str
    path: str
    mtime_ns: int
    size: int
    content_hash: str
    title: str
    text: str
    url: str | None
    outlet: str | None
    published: str | None
    language: str
    added: str
    paragraphs: tuple[tuple[int, int, str], ...]
    author: str | None = None


@dataclass(frozen=True, slots=True)
class NewSentence:
    """A sentence to insert: offsets, paragraph number, reported source and analysed terms."""

    position: int
    paragraph: int
    start: int
    end: int
    attribution: Attribution | None
    terms: tuple[str, ...]


_SENTENCE_COLUMNS = (
    "sid, article, position, paragraph, start, end, source, source_detail, terms, source_cue, "
    "source_kind"
)
_ARTICLE_COLUMNS = (
    "rowid, id, path, mtime_ns, size, content_hash, title, text, url, outlet, published, "
    "language, added, paragraphs"
)


class Store:
    """SQLite persistence of articles and sentences; safe to share between threads."""

    def __init__(self, database: Path, *, timeout: float = 10.0) -> None:
        self.path = database
        self.read_only: str | None = None
        """Why the base cannot be written (a full disk, a read-only folder), or None."""
        self._lock = threading.RLock()
        columns: dict[str, set[str]] | None = None
        try:
            database.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                database, check_same_thread=False, isolation_level=None, timeout=timeout
            )
            try:
                # Pages of removed articles go back to the file system (a new base only; an
                # older one is converted by its first reclaim()).
                self._db.execute("PRAGMA auto_vacuum=INCREMENTAL")
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("PRAGMA foreign_keys=ON")
                self._db.executescript(_SCHEMA)
                columns = self._add_missing_columns(self._table_columns())
                version = self._schema_version()
                if version is None:
                    self._db.execute(
                        "INSERT INTO meta(key, value) VALUES ('schema_version', ?)",
                        (str(SCHEMA_VERSION),),
                    )
                    version = str(SCHEMA_VERSION)
            except sqlite3.OperationalError as err:
                self._db.close()
                if not database.is_file():
                    raise
                # A full disk or a read-only folder: reading must go on.
                self.read_only = _why_not_writable(database, err)
                self._db = _open_read_only(database, timeout)
                version = self._schema_version()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"the answer base at {database} cannot be opened: {err}.") from None
        except OSError as err:
            raise StoreError(f"the answer base at {database} cannot be created: {err}.") from None
        if columns is None:  # read-only: the columns are what an older newsdesk left
            columns = self._table_columns()
        self._has_vectors = "vector" in columns["sentences"]
        has_author = "author" in columns["articles"]
        # A read-only base made before these columns has neither.
        self._columns = _ARTICLE_COLUMNS + (", author" if has_author else ", NULL")
        # A read-only base made before attributions had a cue and a kind reads them as NULL.
        self._sentence_columns = _SENTENCE_COLUMNS
        if "source_kind" not in columns["sentences"]:
            self._sentence_columns = _SENTENCE_COLUMNS.replace(
                "source_cue, source_kind", "NULL, NULL"
            )
        if version != str(SCHEMA_VERSION):
            self._db.close()
            raise StoreError(
                f"the answer base at {database} has version {version}; this newsdesk reads "
                f"version {SCHEMA_VERSION}. Run `newsdesk reindex` to rebuild it from the seeds."
            )

    def _table_columns(self) -> dict[str, set[str]]:
        """The column names of the articles and sentences tables."""
        return {
            table: {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
            for table in ("articles", "sentences")
        }

    def _add_missing_columns(self, columns: dict[str, set[str]]) -> dict[str, set[str]]:
        """Columns newer than a base are added in place (their values are filled in later);
        returns ``columns`` with them."""
        added = (
            ("articles", "author", "TEXT"),  # read at the rebuild
            ("sentences", "vector", "BLOB"),
            ("sentences", "source_cue", "TEXT"),  # the attribution's cue and kind
            ("sentences", "source_kind", "TEXT"),
        )
        for table, column, kind in added:
            if column not in columns[table]:
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
                columns[table].add(column)
        return columns

    def _schema_version(self) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return None if row is None else str(row[0])

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one SQLite transaction: all of it is stored, or none of it.

        SQLite's own errors (locked, disk full, read-only) come out as :class:`StoreError`.
        """
        if self.read_only:
            raise StoreError(f"{self.read_only}; nothing was changed.")
        with self._lock, self._errors():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self._db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite's errors into messages a user can act on."""
        try:
            yield
        except sqlite3.IntegrityError:
            raise  # insert_article explains these
        except sqlite3.OperationalError as err:
            raise StoreError(_explain(err, self.path)) from None
        except sqlite3.DatabaseError as err:
            raise StoreError(f"the answer base at {self.path} cannot be written: {err}.") from None

    def insert_article(
        self,
        article: StoredArticle,
        sentences: Sequence[NewSentence],
    ) -> tuple[int, list[int]]:
        """Insert one article and its sentences (call inside :meth:`transaction`).

        Another process may have stored the same text or id since the caller checked: that is
        a :class:`DuplicateArticleError` or a :class:`StoreError`, never SQLite's own error.
        """
        try:
            return self._insert_article(article, sentences)
        except sqlite3.IntegrityError:
            existing = self.article_by_hash(article.content_hash)
            if existing is not None:
                raise DuplicateArticleError(
                    f"this article is already in the answer base as {existing.id}.", existing.id
                ) from None
            raise StoreError(
                f"article id {article.id!r} was stored by another newsdesk process at the same "
                "time; nothing was added. Add it again."
            ) from None

    def _insert_article(
        self, article: StoredArticle, sentences: Sequence[NewSentence]
    ) -> tuple[int, list[int]]:
        with self._lock:
            cursor = self._db.execute(
                "INSERT INTO articles(id, path, mtime_ns, size, content_hash, title, text, url, "
                "outlet, published, language, added, paragraphs, author) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.path,
                    article.mtime_ns,
                    article.size,
                    article.content_hash,
                    article.title,
                    article.text,
                    article.url,
                    article.outlet,
                    article.published,
                    article.language,
                    article.added,
                    json.dumps(article.paragraphs),
                    article.author,
                ),
            )
            rowid = int(cursor.lastrowid or 0)
            sids: list[int] = []
            for sentence in sentences:
                cursor = self._db.execute(
                    "INSERT INTO sentences(article, position, paragraph, start, end, source, "
                    "source_detail, source_cue, source_kind, terms) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        rowid,
                        sentence.position,
                        sentence.paragraph,
                        sentence.start,
                        sentence.end,
                        *_attribution_columns(sentence.attribution),
                        " ".join(sentence.terms),
                    ),
                )
                sids.append(int(cursor.lastrowid or 0))
            return rowid, sids

    def delete_article(self, rowid: int) -> list[int]:
        """Delete an article and its sentences; return the deleted sentence ids."""
        with self._lock:
            sids = [
                row[0]
                for row in self._db.execute(
                    "SELECT sid FROM sentences WHERE article = ? ORDER BY sid", (rowid,)
                )
            ]
            self._db.execute("DELETE FROM sentences WHERE article = ?", (rowid,))
            self._db.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))
            return sids

    def update_stat(self, rowid: int, mtime_ns: int, size: int) -> None:
        """Record a seed file's new modification time and size (its content is unchanged)."""
        with self._lock:
            self._db.execute(
                "UPDATE articles SET mtime_ns = ?, size = ? WHERE rowid = ?",
                (mtime_ns, size, rowid),
            )

    def reclaim(self) -> None:
        """Give the space of deleted rows back to the file system (call outside a transaction)."""
        if self.read_only:
            return
        with self._lock, self._errors():
            if self._db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2:  # incremental
                self._db.executescript("PRAGMA incremental_vacuum;")  # execute() frees one page
            else:  # a base made before newsdesk reclaimed space: converted once
                self._db.execute("PRAGMA auto_vacuum=INCREMENTAL")
                self._db.execute("VACUUM")

    def set_vectors_aside(self) -> None:
        """Keep every stored embedding by its sentence's text, for a rebuild (call inside
        :meth:`transaction`, before :meth:`clear`).

        An embedding depends on the sentence's text alone, and embedding a large base again
        takes hours: a rebuild gives them back with :meth:`restore_vectors`. A rebuild
        interrupted and started again adds to what was kept.
        """
        if not self._has_vectors:
            return
        with self._lock, self._errors():
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS kept_vectors (text TEXT PRIMARY KEY, vector BLOB)"
            )
            self._db.execute(
                "INSERT OR IGNORE INTO kept_vectors SELECT "
                "substr(a.text, s.start + 1, s.end - s.start), s.vector FROM sentences s "
                "JOIN articles a ON a.rowid = s.article WHERE s.vector IS NOT NULL"
            )

    def restore_vectors(self) -> int:
        """Give the embeddings set aside back to sentences of the same text; forget the rest.

        Returns how many sentences got one back.
        """
        with self._lock, self._errors():
            kept = self._db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kept_vectors'"
            ).fetchone()
            if kept is None:
                return 0
            with self.transaction():
                restored = self._db.execute(
                    "UPDATE sentences SET vector = (SELECT k.vector FROM kept_vectors k "
                    "JOIN articles a ON a.rowid = sentences.article "
                    "WHERE k.text = substr(a.text, sentences.start + 1, "
                    "sentences.end - sentences.start)) "
                    "WHERE vector IS NULL AND EXISTS (SELECT 1 FROM kept_vectors k "
                    "JOIN articles a ON a.rowid = sentences.article "
                    "WHERE k.text = substr(a.text, sentences.start + 1, "
                    "sentences.end - sentences.start))"
                ).rowcount
                self._db.execute("DROP TABLE kept_vectors")
            return int(restored)

    def clear(self) -> None:
        """Delete every article and sentence (call inside :meth:`transaction`)."""
        with self._lock:
            self._db.execute("DELETE FROM sentences")
            self._db.execute("DELETE FROM articles")

    def article(self, *, rowid: int | None = None, id: str | None = None) -> StoredArticle | None:
        """One article by internal row id or by public id."""
        if rowid is not None:
            where, value = "rowid = ?", str(rowid)
        else:
            where, value = "id = ?", str(id)
        with self._lock:
            row = self._db.execute(
                f"SELECT {self._columns} FROM articles WHERE {where}", (value,)
            ).fetchone()
        return None if row is None else _article(row)

    def article_by_hash(self, content_hash: str) -> StoredArticle | None:
        """The article whose normalised text has this hash, if any."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {self._columns} FROM articles WHERE content_hash = ?", (content_hash,)
            ).fetchone()
        return None if row is None else _article(row)

    def article_by_url(self, url: str) -> StoredArticle | None:
        """The article stored with this (cleaned) URL, if any."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {self._columns} FROM articles WHERE url = ?", (url,)
            ).fetchone()
        return None if row is None else _article(row)

    def dated(self, since: str | None, until: str | None) -> list[int]:
        """Row ids of the articles whose date (published, else added) is in the given days.

        ``since`` and ``until`` are ISO days, inclusive; None leaves that end open.
        """
        day = "substr(coalesce(published, added), 1, 10)"
        with self._lock:
            rows = self._db.execute(
                f"SELECT rowid FROM articles WHERE (? IS NULL OR {day} >= ?) "
                f"AND (? IS NULL OR {day} <= ?)",
                (since, since, until, until),
            )
            return [int(row[0]) for row in rows]

    def articles(self) -> list[StoredArticle]:
        """All articles, oldest first."""
        with self._lock:
            rows = self._db.execute(f"SELECT {self._columns} FROM articles ORDER BY rowid")
            return [_article(row) for row in rows]

    def seed_files(self) -> dict[str, tuple[int, int, int]]:
        """Seed path → (rowid, mtime_ns, size) for every article."""
        with self._lock:
            rows = self._db.execute("SELECT path, rowid, mtime_ns, size FROM articles")
            return {path: (rowid, mtime, size) for path, rowid, mtime, size in rows}

    def sentences(
        self, *, article: int | None = None, around: int | None = None
    ) -> Iterator[StoredSentence]:
        """All sentences in id order, or one article's in reading order.

        With ``around`` (a position), only that sentence of the article and its neighbours.
        """
        query = f"SELECT {self._sentence_columns} FROM sentences "
        with self._lock:
            if article is None:
                rows = self._db.execute(query + "ORDER BY sid").fetchall()
            elif around is None:
                rows = self._db.execute(
                    query + "WHERE article = ? ORDER BY position", (article,)
                ).fetchall()
            else:
                rows = self._db.execute(
                    query + "WHERE article = ? AND position BETWEEN ? AND ? ORDER BY position",
                    (article, around - 1, around + 1),
                ).fetchall()
        for row in rows:
            yield _sentence(row)

    def sentence_rows(self, sids: Sequence[int]) -> dict[int, StoredSentence]:
        """The given sentences by id."""
        if not sids:
            return {}
        marks = ",".join("?" * len(sids))
        with self._lock:
            rows = self._db.execute(
                f"SELECT {self._sentence_columns} FROM sentences WHERE sid IN ({marks})",
                tuple(sids),
            ).fetchall()
        return {row[0]: _sentence(row) for row in rows}

    def sentence_vectors(self, sids: Sequence[int]) -> dict[int, bytes]:
        """The stored embeddings of the given sentences (those that have one)."""
        if not sids or not self._has_vectors:
            return {}
        marks = ",".join("?" * len(sids))
        with self._lock:
            rows = self._db.execute(
                f"SELECT sid, vector FROM sentences WHERE sid IN ({marks}) AND vector IS NOT NULL",
                tuple(sids),
            ).fetchall()
        return {int(sid): bytes(vector) for sid, vector in rows}

    def article_vectors(self, articles: Sequence[int]) -> list[tuple[StoredSentence, bytes]]:
        """Every sentence of the given articles that has an embedding, with it, each article in
        reading order."""
        if not articles or not self._has_vectors:
            return []
        marks = ",".join("?" * len(articles))
        with self._lock:
            rows = self._db.execute(
                f"SELECT {self._sentence_columns}, vector FROM sentences "
                f"WHERE article IN ({marks}) AND vector IS NOT NULL ORDER BY article, position",
                tuple(articles),
            ).fetchall()
        return [(_sentence(row[:-1]), bytes(row[-1])) for row in rows]

    def iter_vectors(self, batch: int = 10_000) -> Iterator[list[tuple[int, bytes]]]:
        """Every stored embedding as (sid, vector), a batch at a time, in sid order."""
        if not self._has_vectors:
            return
        last = -1
        while True:
            with self._lock:
                rows = self._db.execute(
                    "SELECT sid, vector FROM sentences WHERE sid > ? AND vector IS NOT NULL "
                    "ORDER BY sid LIMIT ?",
                    (last, batch),
                ).fetchall()
            if not rows:
                return
            yield [(int(sid), bytes(vector)) for sid, vector in rows]
            last = int(rows[-1][0])

    def sentences_without_vectors(self, limit: int) -> list[tuple[int, str]]:
        """Up to ``limit`` sentences with no embedding yet, as (sid, text), oldest first."""
        if not self._has_vectors:
            return []
        with self._lock:
            rows = self._db.execute(
                "SELECT s.sid, substr(a.text, s.start + 1, s.end - s.start) FROM sentences s "
                "JOIN articles a ON a.rowid = s.article WHERE s.vector IS NULL "
                "ORDER BY s.sid LIMIT ?",
                (limit,),
            ).fetchall()
        return [(int(sid), str(text)) for sid, text in rows]

    def count_without_vectors(self) -> int:
        """How many sentences have no embedding yet."""
        if not self._has_vectors:
            return 0
        with self._lock:
            row = self._db.execute("SELECT count(*) FROM sentences WHERE vector IS NULL").fetchone()
        return int(row[0])

    def set_vectors(self, vectors: Sequence[tuple[int, bytes]]) -> None:
        """Store embeddings by sentence id (one transaction; rows removed meanwhile are skipped)."""
        with self.transaction():
            self._db.executemany(
                "UPDATE sentences SET vector = ? WHERE sid = ?",
                [(vector, sid) for sid, vector in vectors],
            )

    def counts(self) -> tuple[int, int]:
        """(articles, sentences)."""
        with self._lock:
            articles = self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            sentences = self._db.execute("SELECT COUNT(*) FROM sentences").fetchone()[0]
        return int(articles), int(sentences)

    def language_counts(self) -> dict[str, int]:
        """Language code → number of articles."""
        with self._lock:
            rows = self._db.execute("SELECT language, COUNT(*) FROM articles GROUP BY language")
            return {str(lang): int(count) for lang, count in rows}

    def get_meta(self, key: str) -> str | None:
        """A value from the meta table."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Store a value in the meta table."""
        if self.read_only:
            raise StoreError(f"{self.read_only}; nothing was changed.")
        with self._lock, self._errors():
            self._db.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def _article(row: tuple[Any, ...]) -> StoredArticle:
    paragraphs = tuple((int(a), int(b), str(kind)) for a, b, kind in json.loads(row[13]))
    return StoredArticle(
        rowid=row[0],
        id=row[1],
        path=row[2],
        mtime_ns=row[3],
        size=row[4],
        content_hash=row[5],
        title=row[6],
        text=row[7],
        url=row[8],
        outlet=row[9],
        published=row[10],
        language=row[11],
        added=row[12],
        paragraphs=paragraphs,
        author=row[14],
    )


def _sentence(row: tuple[Any, ...]) -> StoredSentence:
    return StoredSentence(
        sid=row[0],
        article=row[1],
        position=row[2],
        paragraph=row[3],
        start=row[4],
        end=row[5],
        source=row[6],
        source_detail=row[7],
        terms=tuple(row[8].split()),
        source_cue=row[9],
        source_kind=row[10],
    )


def _attribution_columns(attribution: Attribution | None) -> tuple[str | None, ...]:
    if attribution is None:
        return (None, None, None, None)
    return (attribution.source, attribution.detail, attribution.cue, attribution.kind)


def _why_not_writable(database: Path, err: sqlite3.OperationalError) -> str:
    try:
        full = shutil.disk_usage(database.parent).free < 256 * 1024
    except OSError:
        full = False
    if full:
        return f"the disk holding the answer base {database} is full"
    if not os.access(database.parent, os.W_OK) or "readonly" in str(err).lower():
        return f"the answer base {database} is read-only"
    return f"the answer base {database} cannot be written ({err})"


def _open_read_only(database: Path, timeout: float) -> sqlite3.Connection:
    """A connection that never writes: through SQLite's shared memory if it can, else without.

    Without it (its -shm file cannot be made), the file is read as it is on disk: nothing can
    change it then, as nothing can write to that disk.
    """
    uri = f"file:{quote(str(database))}?mode=ro"
    for suffix in ("", "&immutable=1"):
        db = sqlite3.connect(
            uri + suffix, uri=True, check_same_thread=False, isolation_level=None, timeout=timeout
        )
        try:
            db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.OperationalError:
            db.close()
            if suffix:
                raise
            continue
        return db
    raise AssertionError("unreachable")  # pragma: no cover


class ArticleCache:
    """Stored articles read at most once while one question is answered."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._read: dict[int, StoredArticle] = {}

    def get(self, rowid: int) -> StoredArticle | None:
        """The article ``rowid``; None when it was removed meanwhile."""
        if rowid not in self._read:
            stored = self._store.article(rowid=rowid)
            if stored is None:
                return None
            self._read[rowid] = stored
        return self._read[rowid]

    def text(self, row: StoredSentence) -> str:
        """The sentence's text ("" when its article was removed meanwhile)."""
        article = self.get(row.article)
        return article.text[row.start : row.end] if article else ""


def _explain(err: sqlite3.OperationalError, database: Path) -> str:
    text = str(err).lower()
    if "locked" in text or "busy" in text:
        return (
            f"the answer base at {database} is locked by another newsdesk process; "
            "try again when it has finished."
        )
    if "full" in text:
        return f"the disk holding {database} is full; free some space and try again."
    if "readonly" in text or "read-only" in text:
        return f"the answer base at {database} is read-only; nothing can be changed in it."
    return f"the answer base at {database} cannot be written: {err}."


class FolderLock:
    """An exclusive lock on a folder, shared by every process that changes it (re-entrant).

    Two ``newsdesk add`` runs over one seeds folder would otherwise choose the same id and
    overwrite, then delete, each other's seed file. The lock is ``flock`` on the folder itself,
    so nothing is created in it; it is released when the process dies.
    """

    def __init__(self, folder: Path, *, timeout: float = 30.0) -> None:
        self.folder = folder
        self.timeout = timeout
        self._fd: int | None = None
        self._depth = 0

    def __enter__(self) -> FolderLock:
        if self._depth == 0:
            self._fd = self._acquire()
        self._depth += 1
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def _acquire(self) -> int:
        try:
            fd = os.open(self.folder, os.O_RDONLY)
        except OSError as err:
            raise StoreError(
                f"the seeds folder {self.folder} cannot be opened: {err.strerror}."
            ) from None
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except OSError as err:
                if err.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() > deadline:
                    os.close(fd)
                    raise StoreError(
                        f"another newsdesk process is changing the seeds folder {self.folder} "
                        f"and did not finish within {self.timeout:g} s; try again later."
                    ) from None
                time.sleep(0.05)


def write_atomically(path: Path, text: str, *, sync_directory: bool = True) -> os.stat_result:
    """Write ``text`` to ``path`` so that a reader or a crash sees the old file or the new one.

    The rename is durable once the folder is synced: here, or (``sync_directory=False``, for
    a batch) by one :func:`fsync_directory` after the last file.
    """
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as err:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(err, OSError):
            raise StoreError(
                f"cannot write {path}: {err.strerror or err}; nothing was changed."
            ) from None
        raise
    if sync_directory:
        fsync_directory(path.parent)
    return path.stat()


def fsync_directory(folder: Path) -> None:
    """Make the renames done in ``folder`` durable (where the platform allows it)."""
    with contextlib.suppress(OSError):
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
