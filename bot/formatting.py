"""Telegram HTML for answers: every piece of text escaped, messages kept under Telegram's limits.

Pure functions, no Telegram objects: the bot calls them, the tests check them directly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.answers import Answer, Article, Stats
from retrieval.dates import Period
from retrieval.feeds import Feed, PollReport
from retrieval.passages import Passage
from retrieval.sources import describe, explain

MESSAGE_LIMIT = 4096
"""Telegram's limit for one message, in characters of text after entity parsing."""


@dataclass(frozen=True, slots=True)
class NoAnswer:
    """The reply when nothing answers: what was not found, then what to try instead."""

    nothing: str
    hint: str

    def reply(self, period: Period | None = None) -> str:
        """The reply, naming the dates searched when the question was limited to a period."""
        nothing = f"{self.nothing} dated {period.describe()}" if period else self.nothing
        return f"{nothing}. {self.hint}"


NO_ANSWER = NoAnswer(
    "I found nothing about that in my articles", "Try other words, or see /sources for what I know."
)


def plural(number: int, noun: str) -> str:
    """The noun as a count of ``number`` takes it: “sentence”, “sentences” (regular only)."""
    return noun if number == 1 else f"{noun}s"


def counted(number: int, noun: str) -> str:
    """“1 sentence”, “12,345 sentences”: a count with its noun."""
    return f"{number:,} {plural(number, noun)}"


def escape(text: str) -> str:
    """Text made safe for Telegram's HTML parse mode."""
    return html.escape(text, quote=False)


def highlighted(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` escaped, with the given character spans in bold."""
    parts: list[str] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue  # overlapping spans: the first one wins
        parts.append(escape(text[position:start]))
        parts.append(f"<b>{escape(text[start:end])}</b>")
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def source_line(passage: Passage) -> str:
    """Who reports it, the article (a link when it has a URL), outlet and date, in HTML."""
    title = escape(passage.title)
    if passage.url and re.match(r"^https?://", passage.url):
        title = f'<a href="{html.escape(passage.url, quote=True)}">{title}</a>'
    parts = [f"<i>{escape(describe(passage.attribution))}</i>", title]
    parts += [escape(part) for part in (passage.outlet, passage.date) if part]
    return " · ".join(parts)


def format_passage(passage: Passage, number: int | None = None) -> str:
    """One passage: its text with matched terms in bold, then its source line."""
    prefix = f"{number}. " if number is not None else ""
    return f"{prefix}{highlighted(passage.context, passage.highlights)}\n{source_line(passage)}"


def format_answer(answer: Answer) -> str:
    """The whole answer as Telegram HTML (may need :func:`split_message`)."""
    if not answer.found:
        return escape(NO_ANSWER.reply(answer.period))
    return "\n\n".join(
        format_passage(passage, number)
        for number, passage in enumerate(answer.passages, answer.offset + 1)
    )


def format_context(passage: Passage) -> str:
    """The paragraph around a passage, the passage's sentence in bold, and who says it."""
    paragraph = passage.paragraph
    at = paragraph.find(passage.sentence)
    spans = [(at, at + len(passage.sentence))] if at >= 0 else []
    who = f"<b>Who says it:</b> {escape(explain(passage.attribution))}"
    return f"{highlighted(paragraph, spans)}\n{who}\n{source_line(passage)}"


def format_sources(articles: Sequence[Article], page: int, per_page: int) -> str:
    """One page of the article list."""
    if not articles:
        return "I know no articles yet."
    pages = max(1, -(-len(articles) // per_page))
    shown = articles[page * per_page : (page + 1) * per_page]
    lines = [f"<b>Articles</b> ({len(articles)}; page {page + 1} of {pages})"]
    for article in shown:
        day = f"added {article.date}" if article.date_is_added else article.date
        meta = " · ".join(escape(p) for p in (article.outlet, day) if p)
        title = escape(article.title)
        if article.url and re.match(r"^https?://", article.url):
            title = f'<a href="{html.escape(article.url, quote=True)}">{title}</a>'
        lines.append(f"<code>{escape(article.id)}</code> {title}" + (f" · {meta}" if meta else ""))
    return "\n".join(lines)


def format_stats(stats: Stats) -> str:
    """Size of the answer base."""
    languages = ", ".join(f"{escape(lang)} {n}" for lang, n in sorted(stats.languages.items()))
    return (
        f"<b>{stats.articles}</b> {plural(stats.articles, 'article')} ({languages or 'none'}), "
        f"<b>{stats.sentences}</b> {plural(stats.sentences, 'sentence')}; "
        f"BM25 {escape(stats.variant)}"
        + (f", reranked by {escape(stats.reranker)}." if stats.reranker else ".")
    )


def format_feeds(feeds: Sequence[Feed]) -> str:
    """The feeds followed, one line each, with how their polls go."""
    if not feeds:
        return "I follow no feeds yet. Admins add one with /feeds add URL."
    lines = [f"<b>Feeds</b> ({len(feeds)})"]
    for feed in feeds:
        line = (
            f"<code>{feed.id}</code> {escape(feed.name)} · {escape(feed.url)} · "
            f"{counted(feed.entries, 'article')}"
        )
        if feed.last_polled:
            line += f" · polled {escape(feed.last_polled[:16].replace('T', ' '))} UTC"
        if feed.errors:
            line += f" · <b>{feed.errors} failures in a row</b>: {escape(feed.last_error or '')}"
        lines.append(line)
    return "\n".join(lines)


def format_poll(report: PollReport) -> str:
    """What a poll did, feed by feed."""
    if report.busy:
        return "A poll is running already; its articles will be there in a moment."
    if not report.results:
        return "I follow no feeds yet. Admins add one with /feeds add URL."
    lines = []
    for result in report.results:
        name = escape(result.feed.name)
        if result.error:
            lines.append(f"{name}: failed ({escape(result.error)})")
        elif result.not_modified:
            lines.append(f"{name}: nothing new")
        else:
            line = f"{name}: {len(result.added)} added, {result.skipped} already stored"
            if result.failed:
                line += f", {len(result.failed)} could not be read"
            lines.append(line)
    if report.pruned:
        lines.append(f"{counted(len(report.pruned), 'old article')} removed.")
    return "\n".join(lines)


_TAG = re.compile(r"<(/?)([a-z-]+)([^>]*)>")


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split HTML into messages of at most ``limit`` characters, never inside a tag or entity.

    Paragraph breaks are preferred, then line breaks, then spaces. Tags open at a cut are
    closed at the end of one message and opened again at the start of the next.
    """
    if limit < 200:
        raise ValueError(f"limit must be at least 200 characters, not {limit}")
    messages: list[str] = []
    reopen = ""
    rest = text
    while rest:
        body = reopen + rest
        if len(body) <= limit:
            messages.append(body)
            break
        budget = limit - 100  # room for the closing tags added at the cut
        cut = _cut_point(body, budget, len(reopen))
        head = body[:cut].rstrip()
        open_tags = _open_tags(head)
        closers = "".join(f"</{name}>" for name, _ in reversed(open_tags))
        messages.append(head + closers)
        reopen = "".join(f"<{name}{attrs}>" for name, attrs in open_tags)
        rest = body[cut:].lstrip()
    return [message for message in messages if _visible(message).strip()]


def _cut_point(text: str, budget: int, minimum: int) -> int:
    """The best place at or before ``budget`` to cut ``text``: outside tags and entities."""
    for separator in ("\n\n", "\n", " "):
        at = text.rfind(separator, minimum + 1, budget)
        while at > minimum and not _safe(text, at):
            at = text.rfind(separator, minimum + 1, at)
        if at > minimum:
            return at
    at = budget
    while at > minimum + 1 and not _safe(text, at):
        at -= 1
    return at


def _safe(text: str, at: int) -> bool:
    """Whether position ``at`` is outside any tag and any ``&…;`` entity."""
    last_open = text.rfind("<", 0, at)
    if last_open > text.rfind(">", 0, at):
        return False
    last_amp = text.rfind("&", 0, at)
    return not (last_amp >= 0 and ";" not in text[last_amp:at] and at - last_amp < 10)


def _open_tags(text: str) -> list[tuple[str, str]]:
    stack: list[tuple[str, str]] = []
    for closing, name, attrs in _TAG.findall(text):
        if closing:
            if stack and stack[-1][0] == name:
                stack.pop()
        else:
            stack.append((name, attrs))
    return stack


def _visible(text: str) -> str:
    return html.unescape(_TAG.sub("", text))
