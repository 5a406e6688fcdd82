"""The ``newsdesk`` command: the program's entry point.

``newsdesk run`` starts the Telegram bot when ``TELEGRAM_BOT_TOKEN`` is set, else the console;
the other subcommands ask, add (files or links), list, remove and prune from the shell, and
``newsdesk feeds`` follows RSS and Atom feeds. Logging is configured here and
nowhere else; errors from the core become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console

from bot.config import Config, load_config
from bot.console import Repl, add_links, add_paths
from bot.formatting import counted
from bot.process import set_up, tear_down
from bot.rendering import (
    NO_ANSWER_CLI,
    added_line,
    answer_json,
    article_line,
    feed_json,
    feed_line,
    poll_line,
    progress_bar,
    render_answer,
    render_sentences,
    sentences_json,
)
from retrieval.answers import AnswerBase, SyncReport
from retrieval.articles import decode
from retrieval.dates import parse_age
from retrieval.errors import NewsdeskError
from retrieval.feeds import FeedPoller
from retrieval.fetching import Fetcher

log = logging.getLogger("newsdesk")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Ask questions about news articles; get the sentence that answers and "
        "who said it.",
    )
    parser.add_argument(
        "--config", help="config file (default: config/newsdesk.toml in the working folder)"
    )
    parser.add_argument("--data-dir", help="answer base folder (overrides the config)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser(
        "run", help="the Telegram bot if TELEGRAM_BOT_TOKEN is set, else the console"
    )
    run.add_argument("--webhook", metavar="URL", help="serve Telegram updates on this webhook URL")

    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("-k", type=int, default=None, help="number of passages (default from config)")
    ask.add_argument("--json", action="store_true", help="print JSON")
    ask.add_argument(
        "--since",
        metavar="WHEN",
        help="only articles from this day or age on: 2024-05-01, 7d, 12h, 2w",
    )
    ask.add_argument("--until", metavar="WHEN", help="only articles up to this day or age")

    commands.add_parser("console", help="interactive questions and answers")

    add = commands.add_parser(
        "add", help="add article files or folders, web pages (http(s) links), or - for stdin"
    )
    add.add_argument("paths", nargs="+", metavar="PATH|URL")
    add.add_argument("--title", help="title of the article read from stdin")
    add.add_argument("--url")
    add.add_argument("--outlet")
    add.add_argument("--published", help="publication date, e.g. 2024-08-16")
    add.add_argument("--language", help="language code (en, ru, uk, …)")

    listing = commands.add_parser("list", help="list the articles")
    listing.add_argument("--json", action="store_true", help="print JSON")

    show = commands.add_parser("show", help="an article sentence by sentence, with who says what")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print JSON")

    remove = commands.add_parser("remove", help="remove an article (its seed file too)")
    remove.add_argument("id")

    stats = commands.add_parser("stats", help="size of the answer base")
    stats.add_argument("--json", action="store_true", help="print JSON")

    commands.add_parser("reindex", help="rebuild the answer base from seeds/")

    prune = commands.add_parser("prune", help="remove old articles (their seed files too)")
    prune.add_argument("--older-than", required=True, metavar="AGE", help="e.g. 90d, 12w, 6m, 1y")

    feeds = commands.add_parser("feeds", help="follow RSS and Atom feeds")
    feed_commands = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    follow = feed_commands.add_parser("add", help="follow a feed")
    follow.add_argument("url")
    follow.add_argument("--outlet", help="name the feed's articles carry as their outlet")
    feed_list = feed_commands.add_parser("list", help="the feeds followed and their state")
    feed_list.add_argument("--json", action="store_true", help="print JSON")
    unfollow = feed_commands.add_parser("remove", help="stop following a feed (articles stay)")
    unfollow.add_argument("id", type=int)
    poll = feed_commands.add_parser("poll", help="poll the feeds that are due, once")
    poll.add_argument("--all", action="store_true", help="poll every feed, due or not")
    commands.add_parser(
        "embed", help="store the reranker's sentence embeddings now (else done in the background)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the newsdesk command line; return the exit status."""
    args = build_parser().parse_args(argv)
    # emoji=False: ":fire:" in an article is text, not an emoji.
    out = Console(highlight=False, soft_wrap=True, emoji=False)
    err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
    try:
        config = load_config(args.config, data_dir=args.data_dir)
    except NewsdeskError as error:
        err.print(f"newsdesk: {error}", markup=False)
        return 2
    command = args.command or "run"
    log_file = set_up(config.log_level, config.data_dir, config.telegram_token)
    try:
        with AnswerBase.open(
            config.data_dir, seeds=config.seeds_dir, config=config.retrieval
        ) as base:
            if base.reranker is None:
                log.info("answers ranked by BM25 alone (reranker: %s)", config.retrieval.reranker)
            else:
                log.info("answers reranked by meaning with %s", base.reranker.name)
            if command != "reindex":
                _sync(base, err)
            return _dispatch(command, args, base, config, out, err)
    except NewsdeskError as error:
        err.print(f"newsdesk: {error}", markup=False)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        # A bug or a fault newsdesk does not know: one line here, the traceback in the log.
        where = f"the details are in {log_file.baseFilename}" if log_file else "no log file"
        if log_file is not None:
            log_file.handle(
                log.makeRecord(
                    log.name, logging.ERROR, __file__, 0, "unexpected error", (), sys.exc_info()
                )
            )
        err.print(
            f"newsdesk: unexpected error ({type(error).__name__}: {error}); {where}.",
            markup=False,
        )
        return 1
    finally:
        tear_down(log_file)


@dataclass(frozen=True, slots=True)
class _Call:
    """What every command gets: its arguments, the open answer base, config and consoles."""

    args: argparse.Namespace
    base: AnswerBase
    config: Config
    out: Console
    err: Console


def _dispatch(
    command: str,
    args: argparse.Namespace,
    base: AnswerBase,
    config: Config,
    out: Console,
    err: Console,
) -> int:
    return _COMMANDS[command](_Call(args, base, config, out, err))


def _run(call: _Call) -> int:
    """The Telegram bot when a token is set, else the console."""
    if call.config.telegram_token:
        from bot.telegram import run as run_telegram

        _embed_at_start(call)
        run_telegram(call.config, call.base, webhook_url=call.args.webhook)
        return 0
    if call.args.webhook:
        call.err.print("newsdesk: --webhook needs TELEGRAM_BOT_TOKEN in the environment.")
        return 2
    call.err.print("TELEGRAM_BOT_TOKEN is not set: starting the console.", style="dim")
    return _console(call)


def _console(call: _Call) -> int:
    """Questions and :commands until :quit or the end of input."""
    _embed_at_start(call)
    # A line that is not UTF-8 becomes a question the answer base refuses with a message.
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="surrogateescape")
    stdin = None if sys.stdin.isatty() else sys.stdin
    fetcher = Fetcher(call.config.fetch)
    poller = FeedPoller(call.base, fetcher, call.config.feeds)
    try:
        Repl(
            call.base,
            console=call.out,
            k=call.config.answers_per_page,
            history=call.config.data_dir / "console_history",
            stdin=stdin,
            fetcher=fetcher,
            feeds=poller,
        ).run()
    finally:
        poller.close()
    return 0


def _ask(call: _Call) -> int:
    """One question, answered as text or JSON."""
    args = call.args
    k = args.k if args.k is not None else call.config.answers_per_page
    if not 1 <= k <= 100:
        call.err.print(f"newsdesk: -k must be from 1 to 100, not {k}.")
        return 2
    answer = call.base.search(args.question, k=k, since=args.since, until=args.until)
    if args.json:
        call.out.print(answer_json(answer), markup=False)
    else:
        for block in render_answer(answer, no_answer=NO_ANSWER_CLI):
            call.out.print(block)
    return 0


def _prune(call: _Call) -> int:
    """Remove the articles dated before an age."""
    try:
        age = parse_age(call.args.older_than, name="--older-than")
    except ValueError as error:
        call.err.print(f"newsdesk: {error}", markup=False)
        return 2
    if not age:
        call.err.print(
            f"newsdesk: --older-than {call.args.older_than!r} would remove every article; "
            "give an age above zero, e.g. 90d.",
            markup=False,
        )
        return 2
    removed = call.base.prune(age)
    for article in removed:
        call.out.print(f"removed {article.id}: {article.title} ({article.date})", markup=False)
    call.out.print(
        f"pruned: {counted(len(removed), 'article')} older than {call.args.older_than}",
        markup=False,
    )
    return 0


def _feeds_command(call: _Call) -> int:
    """Follow, list, drop or poll feeds."""
    poller = FeedPoller(call.base, Fetcher(call.config.fetch), call.config.feeds)
    try:
        return _feeds(call.args, poller, call.out)
    finally:
        poller.close()


def _list(call: _Call) -> int:
    """The articles, a line each or as JSON."""
    articles = call.base.articles()
    if call.args.json:
        rows = [
            {key: value for key, value in asdict(a).items() if key != "text"}
            | {"path": str(a.path)}
            for a in articles
        ]
        call.out.print(json.dumps(rows, ensure_ascii=False, indent=2), markup=False)
    else:
        for article in articles:
            call.out.print(article_line(article), markup=False)
    return 0


def _show(call: _Call) -> int:
    """An article sentence by sentence, with who says what."""
    article, sentences = call.base.get(call.args.id), call.base.sentences(call.args.id)
    if call.args.json:
        call.out.print(sentences_json(article, sentences), markup=False)
    else:
        for line in render_sentences(article, sentences):
            call.out.print(line, markup=False)
    return 0


def _remove(call: _Call) -> int:
    """Remove one article, its seed file too."""
    article = call.base.remove(call.args.id)
    call.out.print(f"removed {article.id}: {article.title}", markup=False)
    return 0


def _stats(call: _Call) -> int:
    """The size of the answer base."""
    stats = call.base.stats()
    if call.args.json:
        data = asdict(stats) | {"data_dir": str(stats.data_dir), "seeds_dir": str(stats.seeds_dir)}
        call.out.print(json.dumps(data, indent=2), markup=False)
        return 0
    languages = ", ".join(f"{lang} {n}" for lang, n in sorted(stats.languages.items()))
    ranking = f"BM25 {stats.variant}{f' + {stats.reranker}' if stats.reranker else ''}"
    waiting = (
        f"{counted(stats.without_embeddings, 'sentence')} not embedded yet; "
        if stats.without_embeddings
        else ""
    )
    call.out.print(
        f"{counted(stats.articles, 'article')} ({languages or 'none'}), "
        f"{counted(stats.sentences, 'sentence')}; "
        f"{ranking}; {waiting}seeds {stats.seeds_dir}; base {stats.data_dir}",
        markup=False,
    )
    return 0


def _embed_command(call: _Call) -> int:
    """Store the sentence embeddings still missing."""
    _embed(call.base, call.err)
    call.out.print(
        f"{counted(call.base.pending_embeddings(), 'sentence')} left without an embedding",
        markup=False,
    )
    return 0


def _reindex(call: _Call) -> int:
    """Rebuild the answer base from seeds/."""
    with progress_bar(call.err, "Indexing seeds") as progress:
        report = call.base.reindex(progress)
    _report(report, call.err)
    call.out.print(f"reindexed: {counted(len(report.added), 'article')}", markup=False)
    return 1 if report.failed else 0


def _add_command(call: _Call) -> int:
    """Add files, folders, links or stdin."""
    return _add(call.args, call.base, Fetcher(call.config.fetch), call.out, call.err)


_COMMANDS: dict[str, Callable[[_Call], int]] = {
    "run": _run,
    "console": _console,
    "ask": _ask,
    "add": _add_command,
    "prune": _prune,
    "feeds": _feeds_command,
    "list": _list,
    "show": _show,
    "remove": _remove,
    "stats": _stats,
    "embed": _embed_command,
    "reindex": _reindex,
}
"""One function per subcommand (argparse allows no other names)."""


def _feeds(args: argparse.Namespace, poller: FeedPoller, out: Console) -> int:
    action = args.feeds_command
    if action == "add":
        feed = poller.follow(args.url, outlet=args.outlet)
        out.print(f"following feed {feed.id}: {feed.name}", markup=False)
    elif action == "list":
        feeds = poller.feeds()
        if args.json:
            out.print(json.dumps([feed_json(f) for f in feeds], indent=2), markup=False)
        else:
            for feed in feeds:
                out.print(feed_line(feed), markup=False)
            if not feeds:
                out.print("No feeds followed. Add one with: newsdesk feeds add URL", markup=False)
    elif action == "remove":
        feed = poller.unfollow(args.id)
        out.print(f"stopped following feed {feed.id}: {feed.name}", markup=False)
    else:
        report = poller.poll(
            everything=args.all, progress=lambda r: out.print(poll_line(r), markup=False)
        )
        for article in report.pruned:
            out.print(f"pruned {article.id}: {article.title} ({article.date})", markup=False)
        out.print(
            f"polled {counted(len(report.results), 'feed')}: "
            f"{counted(report.added, 'article')} added",
            markup=False,
        )
        return 1 if any(result.error for result in report.results) else 0
    return 0


def _add(
    args: argparse.Namespace, base: AnswerBase, fetcher: Fetcher, out: Console, err: Console
) -> int:
    links = [p for p in args.paths if p.lower().startswith(("http://", "https://"))]
    paths = [Path(p) for p in args.paths if p != "-" and p not in links]
    failed = add_paths(base, paths, out) if paths else 0
    failed += add_links(base, fetcher, links, out) if links else 0
    if "-" in args.paths:
        try:
            text = decode(sys.stdin.buffer.read(), "the input")
            article = base.add(
                text,
                title=args.title,
                url=args.url,
                outlet=args.outlet,
                published=args.published,
                language=args.language,
            )
        except NewsdeskError as error:
            err.print(f"newsdesk: stdin: {error}", markup=False)
            failed += 1
        else:
            out.print(added_line(article), markup=False)
    pending = base.pending_embeddings()
    if 0 < pending <= EMBED_NOW:
        _embed(base, err)
    elif pending:
        log.info(
            "%d sentences wait for their embeddings: `newsdesk embed` stores them now, the bot "
            "and the console in the background; questions embed what they need meanwhile",
            pending,
        )
    return 1 if failed else 0


EMBED_NOW = 2_000
"""Sentences ``add`` embeds before it returns; more are left to ``embed`` or the background."""


EMBED_AT_START = 256
"""Sentences a start (bot or console) embeds before the first question: a few seconds."""


def _embed_at_start(call: _Call) -> None:
    """Store the few pending embeddings now, so the first question can cross languages;
    more are left to the background, which starts in any case for what arrives later."""
    if 0 < call.base.pending_embeddings() <= EMBED_AT_START:
        _embed(call.base, call.err)
    call.base.embed_in_background()


def _embed(base: AnswerBase, err: Console) -> None:
    """Store the pending sentence embeddings, with a progress bar (Ctrl-C keeps what is done)."""
    if not base.pending_embeddings():
        return
    with progress_bar(err, "Embedding sentences") as progress:
        base.embed_pending(progress)


def _sync(base: AnswerBase, err: Console) -> None:
    if base.read_only:
        err.print(
            f"newsdesk: {base.read_only}: answering from what it holds; seeds/ not read.",
            markup=False,
        )
        return
    with progress_bar(err, "Indexing seeds") as progress:
        report = base.sync(progress)
    _report(report, err)


def _report(report: SyncReport, err: Console) -> None:
    if report.added or report.updated or report.removed:
        log.info(
            "seeds: %d added, %d updated, %d removed",
            len(report.added),
            len(report.updated),
            len(report.removed),
        )
    for path, message in report.failed:
        err.print(f"newsdesk: skipped seed {path}: {message}", markup=False)
    for path, existing in report.duplicates:
        err.print(f"newsdesk: skipped seed {path}: same text as {existing}", markup=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
