"""Feeds: following RSS and Atom feeds, so the answer base stays current by itself.

The feeds followed and their state (cache validators, errors, when to poll next, the entries
already seen) live in the answer base's SQLite file, in tables of their own: a reindex from
seeds/ keeps them. A poll (:meth:`FeedPoller.poll`) fetches each feed that is due with a
conditional GET, parses it with feedparser (RSS 0.9x/1.0/2.0 and Atom alike; the best-kept
parser there is, tolerant of the broken feeds found in the wild), and adds at most
``max_new`` new entries per feed: the entry's full content when the feed carries it
(``content:encoded``, Atom ``content``), else the page its link points to, fetched and
extracted like any link. Entries already seen (by id or link), or whose page or text is
already stored, are skipped. A feed that fails is polled again after an interval that doubles
with each failure in a row (at most a day).

The poll is synchronous and slow (network); front ends run it in a thread. The answer base
takes its lock only to store each article, so questions are answered while a poll runs.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from retrieval.answers import AnswerBase, Article
from retrieval.articles import ArticleDraft, parse_html
from retrieval.errors import DuplicateArticleError, FeedError, NewsdeskError, StoreError
from retrieval.fetching import FEED_TYPES, Fetcher, check_url, clean_url
from retrieval.links import fetch_draft

log = logging.getLogger(__name__)

MAX_BACKOFF = dt.timedelta(hours=24)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    outlet TEXT,
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    errors INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_polled TEXT,
    next_poll TEXT,
    added TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_entries (
    feed INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    article TEXT,
    seen TEXT NOT NULL,
    PRIMARY KEY (feed, key)
);
"""
_COLUMNS = (
    "id, url, outlet, title, etag, last_modified, errors, last_error, last_polled, next_poll, "
    "added, (SELECT COUNT(DISTINCT article) FROM feed_entries WHERE feed = feeds.id)"
)


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """A feed named in the config file: ``{ url = "…", outlet = "…" }``."""

    url: str
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class FeedsConfig:
    """``[feeds]`` in the config file."""

    interval_minutes: int = 15
    max_new: int = 20
    """New entries added per feed and poll at most (the newest first, as the feed lists them)."""
    keep_days: int = 0
    """Articles older than this are removed after each poll; 0 keeps them all."""
    follow: tuple[FeedSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class Feed:
    """A followed feed and its polling state."""

    id: int
    url: str
    outlet: str | None
    title: str | None
    etag: str | None
    last_modified: str | None
    errors: int
    last_error: str | None
    last_polled: str | None
    next_poll: str | None
    added: str
    entries: int
    """Entries seen so far (added, or skipped as already stored)."""

    @property
    def name(self) -> str:
        """What to call the feed: its outlet, its title, or its URL."""
        return self.outlet or self.title or self.url


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one feed's poll did."""

    feed: Feed
    added: tuple[Article, ...] = ()
    skipped: int = 0
    failed: tuple[tuple[str, str], ...] = ()
    """(entry link, message) for entries that could not be added; tried again next poll."""
    not_modified: bool = False
    error: str | None = None
    """Why the feed itself could not be read (the feed is then backed off)."""


@dataclass(frozen=True, slots=True)
class PollReport:
    """A whole poll: one result per feed polled, and the articles retention removed."""

    results: tuple[PollResult, ...] = ()
    pruned: tuple[Article, ...] = ()
    busy: bool = False
    """Another poll was running; this one did nothing."""

    @property
    def added(self) -> int:
        return sum(len(result.added) for result in self.results)


class FeedList:
    """The followed feeds and the entries seen, in the answer base's SQLite file."""

    def __init__(self, database: Path) -> None:
        self.read_only: str | None = None
        """Why the feed list cannot be written (a full disk, a read-only folder), or None."""
        try:
            self._db = sqlite3.connect(
                database, check_same_thread=False, isolation_level=None, timeout=10.0
            )
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
        except sqlite3.OperationalError as err:
            # The answer base still answers questions; feeds wait until it can be written.
            self.read_only = f"the feed list in {database} cannot be written ({err})"
        except sqlite3.DatabaseError as err:
            raise StoreError(f"the feed list in {database} cannot be opened: {err}.") from None
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            if hasattr(self, "_db"):
                self._db.close()

    def add(self, url: str, outlet: str | None = None) -> Feed:
        """Follow a feed; :class:`FeedError` when it is followed already."""
        if self.read_only:
            raise StoreError(f"{self.read_only}; no feed was added.")
        with self._lock:
            existing = self.by_url(url)
            if existing is not None:
                raise FeedError(f"{url} is followed already, as feed {existing.id}.")
            cursor = self._db.execute(
                "INSERT INTO feeds(url, outlet, added) VALUES (?, ?, ?)",
                (url, outlet, _iso(_now())),
            )
            return self.get(int(cursor.lastrowid or 0))

    def remove(self, feed_id: int) -> Feed:
        """Stop following a feed (its articles stay)."""
        with self._lock:
            feed = self.get(feed_id)
            self._db.execute("DELETE FROM feed_entries WHERE feed = ?", (feed_id,))
            self._db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
            return feed

    def get(self, feed_id: int) -> Feed:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM feeds WHERE id = ?", (feed_id,)
            ).fetchone()
        if row is None:
            raise FeedError(f"there is no feed with id {feed_id}; see the feed list for ids.")
        return Feed(*row)

    def by_url(self, url: str) -> Feed | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_COLUMNS} FROM feeds WHERE url = ?", (url,)).fetchone()
        return None if row is None else Feed(*row)

    def feeds(self) -> list[Feed]:
        """All feeds, in the order they were added (none while the list cannot be written)."""
        if self.read_only:
            return []
        with self._lock:
            return [
                Feed(*row) for row in self._db.execute(f"SELECT {_COLUMNS} FROM feeds ORDER BY id")
            ]

    def known(self, feed_id: int, key: str) -> bool:
        with self._lock:
            row = self._db.execute(
                "SELECT 1 FROM feed_entries WHERE feed = ? AND key = ?", (feed_id, key)
            ).fetchone()
        return row is not None

    def remember(self, feed_id: int, keys: list[str], article_id: str | None) -> None:
        with self._lock:
            self._db.executemany(
                "INSERT OR IGNORE INTO feed_entries(feed, key, article, seen) VALUES (?, ?, ?, ?)",
                [(feed_id, key, article_id, _iso(_now())) for key in keys],
            )

    def polled(
        self,
        feed_id: int,
        *,
        now: dt.datetime,
        next_poll: dt.datetime,
        error: str | None,
        etag: str | None = None,
        last_modified: str | None = None,
        title: str | None = None,
    ) -> Feed:
        """Record a poll: validators and title on success, the error count on failure.

        The validators given replace the stored ones (None clears them: the next poll then
        fetches the feed whole, to retry entries that failed).
        """
        with self._lock:
            if error is None:
                self._db.execute(
                    "UPDATE feeds SET errors = 0, last_error = NULL, last_polled = ?, "
                    "next_poll = ?, etag = ?, last_modified = ?, title = coalesce(?, title) "
                    "WHERE id = ?",
                    (_iso(now), _iso(next_poll), etag, last_modified, title, feed_id),
                )
            else:
                self._db.execute(
                    "UPDATE feeds SET errors = errors + 1, last_error = ?, last_polled = ?, "
                    "next_poll = ? WHERE id = ?",
                    (error, _iso(now), _iso(next_poll), feed_id),
                )
            return self.get(feed_id)


class FeedPoller:
    """Follows feeds for one answer base: add and remove feeds, poll them."""

    def __init__(
        self,
        base: AnswerBase,
        fetcher: Fetcher,
        config: FeedsConfig | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.base = base
        self.fetcher = fetcher
        self.config = config or FeedsConfig()
        self.list = FeedList(base.path / "newsdesk.sqlite3")
        self._clock = clock or _now
        self._polling = threading.Lock()
        for spec in self.config.follow if not self.list.read_only else ():
            url = check_url(spec.url)
            if self.list.by_url(url) is None:
                self.list.add(url, spec.outlet)

    def close(self) -> None:
        self.list.close()

    def follow(self, url: str, *, outlet: str | None = None) -> Feed:
        """Follow the feed at ``url`` once it has been fetched and read as RSS or Atom."""
        address = check_url(url)
        if self.list.read_only:
            raise StoreError(f"{self.list.read_only}; no feed was added.")
        if (existing := self.list.by_url(address)) is not None:
            raise FeedError(f"{address} is followed already, as feed {existing.id}.")
        page = self.fetcher.fetch(address, accept=FEED_TYPES)
        parsed = _parse(page.body, address)
        feed = self.list.add(address, outlet)
        title = _text(parsed.feed.get("title"))
        if title:
            now = self._clock()
            feed = self.list.polled(feed.id, now=now, next_poll=now, error=None, title=title)
        return feed

    def unfollow(self, feed_id: int) -> Feed:
        return self.list.remove(feed_id)

    def feeds(self) -> list[Feed]:
        return self.list.feeds()

    def poll(
        self,
        *,
        everything: bool = False,
        progress: Callable[[PollResult], None] | None = None,
    ) -> PollReport:
        """Poll the feeds that are due (all of them with ``everything``), then apply retention.

        One poll at a time: a second caller gets ``PollReport(busy=True)`` at once.
        """
        if not self._polling.acquire(blocking=False):
            return PollReport(busy=True)
        try:
            now = self._clock()
            results = []
            for feed in self.list.feeds():
                if (
                    not everything
                    and feed.next_poll
                    and dt.datetime.fromisoformat(feed.next_poll) > now
                ):
                    continue
                try:
                    result = self.poll_feed(feed)
                except Exception as err:
                    # A bug met on one feed's content must not stop the others, nor the job.
                    log.exception("feed %s: unexpected error while polling", feed.url)
                    result = self._failed(feed, now, f"unexpected error ({type(err).__name__})")
                results.append(result)
                if progress is not None:
                    progress(result)
            pruned: list[Article] = []
            if self.config.keep_days:
                pruned = self.base.prune(dt.timedelta(days=self.config.keep_days), now=now)
            return PollReport(tuple(results), tuple(pruned))
        finally:
            self._polling.release()

    def poll_feed(self, feed: Feed) -> PollResult:
        """Fetch one feed and add its new entries; failures are recorded, never raised."""
        now = self._clock()
        interval = dt.timedelta(minutes=self.config.interval_minutes)
        try:
            page = self.fetcher.fetch(
                feed.url, accept=FEED_TYPES, etag=feed.etag, last_modified=feed.last_modified
            )
            if page.not_modified:
                state = self.list.polled(
                    feed.id,
                    now=now,
                    next_poll=now + interval,
                    error=None,
                    etag=feed.etag,
                    last_modified=feed.last_modified,
                )
                return PollResult(state, not_modified=True)
            parsed = _parse(page.body, feed.url)
        except NewsdeskError as err:
            return self._failed(feed, now, str(err))
        added: list[Article] = []
        failed: list[tuple[str, str]] = []
        skipped = 0
        tried = 0
        for entry in parsed.entries:
            if tried >= self.config.max_new:
                break
            link = _link(entry)
            keys = [key for key in (_text(entry.get("id")), link) if key]
            if not keys:
                continue
            if any(self.list.known(feed.id, key) for key in keys):
                skipped += 1
                continue
            stored = self.base.article_by_url(link) if link else None
            if stored is not None:
                self.list.remember(feed.id, keys, stored.id)
                skipped += 1
                continue
            tried += 1
            try:
                article = self.base.add_draft(self._draft(entry, link, feed, parsed))
            except DuplicateArticleError as err:
                self.list.remember(feed.id, keys, err.existing_id)
                skipped += 1
                continue
            except NewsdeskError as err:
                failed.append((link or keys[0], str(err)))
                log.info("feed %s: entry %s not added: %s", feed.url, link, err)
                continue
            self.list.remember(feed.id, keys, article.id)
            added.append(article)
        state = self.list.polled(
            feed.id,
            now=now,
            next_poll=now + interval,
            error=None,
            # Entries that failed are tried again: the next poll must not be answered 304.
            etag=None if failed else page.etag,
            last_modified=None if failed else page.last_modified,
            title=_text(parsed.feed.get("title")),
        )
        return PollResult(state, tuple(added), skipped, tuple(failed))

    def _failed(self, feed: Feed, now: dt.datetime, error: str) -> PollResult:
        """Record a failed poll; the next waits twice as long as the last, at most a day."""
        interval = dt.timedelta(minutes=self.config.interval_minutes)
        backoff = min(interval * 2 ** min(feed.errors + 1, 12), MAX_BACKOFF)
        state = self.list.polled(feed.id, now=now, next_poll=now + backoff, error=error)
        log.warning("feed %s failed (%d in a row): %s", feed.url, state.errors, error)
        return PollResult(state, error=error)

    def _draft(self, entry: Any, link: str | None, feed: Feed, parsed: Any) -> ArticleDraft:
        """The entry's article: its full content when the feed carries it, else its page."""
        content = _content(entry)
        outlet = feed.outlet
        if content is not None:
            name = link or _text(entry.get("id")) or feed.url
            draft = parse_html(content, name=name, source_name=name, url=link)
            title = _text(entry.get("title"))
            draft = replace(
                draft,
                url=clean_url(link) if link else None,
                title=title or draft.title,
                outlet=outlet or _text(parsed.feed.get("title")) or draft.outlet,
            )
        elif link:
            draft = fetch_draft(link, self.fetcher, outlet=outlet)
            if not draft.outlet:
                draft = replace(draft, outlet=_text(parsed.feed.get("title")))
        else:
            raise FeedError("the entry has neither content nor a link.")
        if draft.published is None and (published := _entry_date(entry)) is not None:
            draft = replace(draft, published=published)
        return draft


def _parse(body: bytes, url: str) -> Any:
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(f"{url} is not an RSS or Atom feed.")
    return parsed


def _content(entry: Any) -> str | None:
    """The entry's full HTML content, when the feed carries more than a summary."""
    for part in entry.get("content") or ():
        value = part.get("value")
        if isinstance(value, str) and len(value.strip()) >= 200:
            return value
    return None


def _link(entry: Any) -> str | None:
    link = _text(entry.get("link"))
    if link and link.lower().startswith(("http://", "https://")):
        return clean_url(link)
    return None


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            moment = dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
            return moment.isoformat()
    return None


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat()
