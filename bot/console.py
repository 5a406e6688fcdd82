"""The console front end: the interactive loop, and adding files and links from it or the CLI.

What an answer or an article looks like in a terminal is :mod:`bot.rendering`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from types import ModuleType
from typing import TextIO

from rich.console import Console
from rich.markup import escape

from bot.formatting import counted
from bot.rendering import added_line, article_line, feed_line, poll_line, render_answer
from retrieval.answers import Answer, AnswerBase, Article
from retrieval.articles import SUPPORTED_SUFFIXES, ArticleDraft, parse_file
from retrieval.dates import split_filters
from retrieval.errors import DuplicateArticleError, NewsdeskError
from retrieval.feeds import FeedPoller
from retrieval.fetching import Fetcher
from retrieval.seeds import iter_article_files

HELP = """\
Type a question and press Enter. Commands:
  :more          the next passages for the last question
  :sources       the articles newsdesk knows
  :add PATH      add an article file (.txt, .md, .html, .json) or a folder of them
  :add URL       add the article of a web page (http:// or https://)
  :feeds         the feeds followed; :feeds add URL, :feeds remove ID, :feeds poll
  :stats         size of the answer base
  :help          this help
  :quit          leave (Ctrl-D works too)
Limit a question to recent articles: --since 7d Who resigned?  (or --since 2024-05-01,
--until 2024-05-31; an age is h, d, w, m or y)."""


ADD_BATCH = 200
"""Files ``add_paths`` stores together (one transaction, one fsync, one index segment)."""


def add_paths(base: AnswerBase, paths: list[Path], console: Console) -> int:
    """Add files and folders; report each; return how many failed."""
    failed = 0
    batch: list[tuple[Path, ArticleDraft]] = []
    for path in paths:
        found = False
        for file, folder in iter_article_files([path]):
            found = True
            try:
                batch.append((file, parse_file(file, root=folder)))
            except NewsdeskError as err:
                failed += _report_added(console, file, err)
            if len(batch) >= ADD_BATCH:
                failed += _add_batch(base, batch, console)
                batch = []
        if not found:
            console.print(
                f"failed {path}: the folder has no {', '.join(sorted(SUPPORTED_SUFFIXES))} files.",
                highlight=False,
                markup=False,
            )
            failed += 1
    return failed + _add_batch(base, batch, console)


def _add_batch(base: AnswerBase, batch: list[tuple[Path, ArticleDraft]], console: Console) -> int:
    if not batch:
        return 0
    try:
        outcomes: list[Article | NewsdeskError] = list(base.add_each([draft for _, draft in batch]))
    except NewsdeskError as err:  # the batch as a whole (a full disk, a lock held elsewhere)
        outcomes = [err] * len(batch)
    return sum(
        _report_added(console, file, outcome)
        for (file, _), outcome in zip(batch, outcomes, strict=True)
    )


def _report_added(console: Console, file: Path, outcome: Article | NewsdeskError) -> int:
    """Print what became of one file; 1 if it failed."""
    if isinstance(outcome, DuplicateArticleError):
        console.print(
            f"skipped {file}: already stored as {outcome.existing_id}",
            highlight=False,
            markup=False,
        )
        return 0
    if isinstance(outcome, NewsdeskError):
        console.print(
            f"[red]failed[/red] {escape(str(file))}: {escape(str(outcome))}", highlight=False
        )
        return 1
    console.print(added_line(outcome), highlight=False, markup=False)
    return 0


def add_links(base: AnswerBase, fetcher: Fetcher, urls: list[str], console: Console) -> int:
    """Fetch and add web pages; report each; return how many failed."""
    failed = 0
    for url in urls:
        try:
            article = base.add_url(url, fetcher)
        except DuplicateArticleError as err:
            console.print(f"skipped {url}: already stored as {err.existing_id}", markup=False)
        except NewsdeskError as err:
            console.print(f"failed {url}: {err}", markup=False)
            failed += 1
        else:
            console.print(added_line(article), markup=False)
    return failed


class Repl:
    """The interactive console: questions and ``:commands``, with line editing and history."""

    def __init__(
        self,
        base: AnswerBase,
        *,
        console: Console,
        k: int = 3,
        history: Path | None = None,
        stdin: TextIO | None = None,
        fetcher: Fetcher | None = None,
        feeds: FeedPoller | None = None,
    ) -> None:
        self.base = base
        self.fetcher = fetcher or Fetcher()
        self.feeds = feeds
        self.console = console
        self.k = k
        self.history = history
        self.stdin = stdin
        self._last: Answer | None = None

    def run(self) -> None:
        """Read lines until :quit or end of input."""
        self._start_history()
        self.console.print(
            f"newsdesk: {counted(len(self.base), 'article')}. Ask a question, or type :help.",
            highlight=False,
        )
        try:
            while True:
                try:
                    line = self._read()
                except EOFError:
                    self.console.print()
                    break
                except KeyboardInterrupt:
                    self.console.print()
                    continue
                if not self.handle(line):
                    break
        finally:
            self._save_history()

    def handle(self, line: str) -> bool:
        """Act on one line; return False when the user wants to leave."""
        line = line.strip()
        if not line:
            return True
        command, _, argument = line.partition(" ")
        if command in {":quit", ":q", ":exit"}:
            return False
        try:
            if command == ":help":
                self.console.print(HELP, highlight=False)
            elif command == ":sources":
                articles = self.base.articles()
                for article in articles:
                    self.console.print(article_line(article), highlight=False, markup=False)
                if not articles:
                    self.console.print("No articles yet. Add one with :add PATH.")
            elif command == ":stats":
                stats = self.base.stats()
                self.console.print(
                    f"{counted(stats.articles, 'article')}, {counted(stats.sentences, 'sentence')}",
                    highlight=False,
                )
            elif command == ":add":
                target = argument.strip()
                if not target:
                    self.console.print("Usage: :add PATH (a file or a folder) or :add URL")
                elif target.lower().startswith(("http://", "https://")):
                    add_links(self.base, self.fetcher, [target], self.console)
                else:
                    add_paths(self.base, [Path(target).expanduser()], self.console)
            elif command == ":feeds":
                self._feeds(argument.split())
            elif command == ":more":
                self._more()
            elif command.startswith(":"):
                self.console.print(f"Unknown command {command}; type :help.", markup=False)
            else:
                self._ask(line)
        except NewsdeskError as err:
            self.console.print(str(err), style="red", highlight=False, markup=False)
        return True

    def _ask(self, line: str) -> None:
        question, days = split_filters(line)
        answer = self.base.search(question, k=self.k, since=days.since, until=days.until)
        self._last = answer
        self._show(answer, 1)

    def _feeds(self, words: list[str]) -> None:
        if self.feeds is None:
            self.console.print("Feeds are not available here.")
            return
        action = words[0] if words else "list"
        if action == "add" and len(words) >= 2:
            outlet = " ".join(words[2:]) or None
            feed = self.feeds.follow(words[1], outlet=outlet)
            self.console.print(f"following feed {feed.id}: {feed.name}", markup=False)
        elif action == "remove" and len(words) == 2 and words[1].isdigit():
            feed = self.feeds.unfollow(int(words[1]))
            self.console.print(f"stopped following feed {feed.id}: {feed.name}", markup=False)
        elif action == "poll":
            report = self.feeds.poll(
                everything=True, progress=lambda r: self.console.print(poll_line(r), markup=False)
            )
            self.console.print(f"{counted(report.added, 'article')} added", markup=False)
        elif action == "list":
            feeds = self.feeds.feeds()
            for feed in feeds:
                self.console.print(feed_line(feed), markup=False)
            if not feeds:
                self.console.print("No feeds followed. Add one with :feeds add URL")
        else:
            self.console.print(
                "Usage: :feeds, :feeds add URL [OUTLET], :feeds remove ID, :feeds poll"
            )

    def _more(self) -> None:
        if self._last is None or not self._last.found:
            self.console.print("Ask a question first.")
            return
        if not self._last.has_more:
            self.console.print("No more passages for this question.")
            return
        offset = self._last.offset + len(self._last.passages)
        days = self._last.period
        answer = self.base.search(
            self._last.question, k=self.k, offset=offset, since=days.since, until=days.until
        )
        self._last = answer
        self._show(answer, offset + 1)

    def _show(self, answer: Answer, number_from: int) -> None:
        for block in render_answer(answer, number_from=number_from):
            self.console.print(block)
        if answer.has_more:
            self.console.print("(:more for the next passages)", style="dim")

    def _read(self) -> str:
        if self.stdin is not None:
            line = self.stdin.readline()
            if not line:
                raise EOFError
            return line
        return input("? ")

    def _start_history(self) -> None:
        readline = self._readline()
        if readline is None:
            return
        with contextlib.suppress(OSError):
            readline.read_history_file(self.history)
        readline.set_history_length(1000)

    def _save_history(self) -> None:
        readline = self._readline()
        if readline is None:
            return
        with contextlib.suppress(OSError):
            readline.write_history_file(self.history)

    def _readline(self) -> ModuleType | None:
        """The readline module when history is kept (a terminal, a history file), else None."""
        if self.history is None or self.stdin is not None:
            return None
        try:
            import readline
        except ImportError:  # pragma: no cover - Windows
            return None
        return readline
