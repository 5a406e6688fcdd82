"""How answers, articles and feeds look in a terminal: rich text, plain lines and JSON.

The console loop (:mod:`bot.console`) and the command line (:mod:`bot.cli`) print with these;
the Telegram front end has its own HTML (:mod:`bot.formatting`).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from bot.formatting import NoAnswer, counted
from retrieval.answers import Answer, Article, ArticleSentence
from retrieval.feeds import Feed, PollResult
from retrieval.passages import Passage
from retrieval.sources import describe, explain

NO_ANSWER = NoAnswer(
    "No answer found in the articles",
    "Rephrase with other words, or type :sources to see what newsdesk knows.",
)
NO_ANSWER_CLI = NoAnswer(
    "No answer found in the articles",
    "Rephrase with other words, or run `newsdesk list` to see what newsdesk knows.",
)


def source_line(passage: Passage, seeds: Path | None = None) -> str:
    """“reported by Bloomberg · <title> · seeds/000_….txt”: who said it and where it is."""
    parts = [describe(passage.attribution), passage.title]
    if passage.outlet:
        parts.append(passage.outlet)
    if passage.date:
        parts.append(passage.date)
    parts.append(passage.url or f"seeds/{passage.article_id}")
    return " · ".join(part for part in parts if part)


def render_answer(
    answer: Answer, *, number_from: int = 1, no_answer: NoAnswer = NO_ANSWER
) -> list[Text]:
    """The answer as rich Text blocks, matched terms in bold; ``no_answer`` when none."""
    if not answer.found:
        return [Text(no_answer.reply(answer.period))]
    blocks = []
    for number, passage in enumerate(answer.passages, number_from):
        text = Text(f"{number}. ")
        body = Text(passage.context)
        for start, end in passage.highlights:
            body.stylize("bold yellow", start, end)
        text.append_text(body)
        text.append("\n   " + source_line(passage), style="dim")
        blocks.append(text)
    return blocks


def answer_json(answer: Answer) -> str:
    """The answer as JSON, for scripts."""
    return json.dumps(
        {
            "question": answer.question,
            "found": answer.found,
            "terms": list(answer.terms),
            "passages": [_passage_dict(p) for p in answer.passages],
        },
        ensure_ascii=False,
        indent=2,
    )


def _passage_dict(passage: Passage) -> dict[str, Any]:
    data = asdict(passage) | {"reported_by": passage.reported_by}
    data["highlights"] = [list(span) for span in passage.highlights]
    if data["attribution"] is not None:
        data["attribution"].pop("rule")  # the engine's audit trail is not stored with a base
    return data


def render_sentences(article: Article, sentences: list[ArticleSentence]) -> list[str]:
    """The article sentence by sentence, each under the line saying who says it (``show``)."""
    lines = [f"{article.id}  {article.title}", ""]
    paragraph = None
    for sentence in sentences:
        if paragraph is not None and sentence.paragraph != paragraph:
            lines.append("")
        paragraph = sentence.paragraph
        lines.append(f"[{sentence.start}-{sentence.end}] {explain(sentence.attribution)}")
        lines.append(f"    {sentence.text}")
    return lines


def sentences_json(article: Article, sentences: list[ArticleSentence]) -> str:
    """The article's sentences and their attributions as JSON, for scripts (``show --json``)."""
    rows = []
    for sentence in sentences:
        row = asdict(sentence) | {"reported_by": sentence.reported_by}
        if row["attribution"] is not None:
            row["attribution"].pop("rule")
        row["label"] = describe(sentence.attribution)
        rows.append(row)
    return json.dumps(
        {"id": article.id, "title": article.title, "language": article.language, "sentences": rows},
        ensure_ascii=False,
        indent=2,
    )


def article_line(article: Article) -> str:
    """One line of the article list."""
    day = f"added {article.date}" if article.date_is_added else article.date
    meta = " · ".join(part for part in (article.outlet, day, article.language) if part)
    return f"{article.id}  {article.title}  ({meta}; {counted(article.sentence_count, 'sentence')})"


@contextlib.contextmanager
def progress_bar(console: Console, label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress callback that shows a bar once there is more than a moment of work."""
    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    task = bar.add_task(label, total=None)
    started = False

    def update(done: int, total: int) -> None:
        nonlocal started
        if not started and total > 5:
            bar.start()
            started = True
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if started:
            bar.stop()


def added_line(article: Article) -> str:
    """What the console says after adding an article."""
    return f"added {article.id}: {article.title} ({counted(article.sentence_count, 'sentence')})"


def feed_line(feed: Feed) -> str:
    """One line of the feed list: id, name, URL, and how its polls go."""
    state = counted(feed.entries, "article")
    if feed.last_polled:
        state += f", polled {feed.last_polled[:16].replace('T', ' ')}"
    if feed.errors:
        state += f", {feed.errors} failures in a row: {feed.last_error}"
    return f"{feed.id}  {feed.name}  {feed.url}  ({state})"


def feed_json(feed: Feed) -> dict[str, Any]:
    """A feed as JSON, for scripts."""
    return asdict(feed)


def poll_line(result: PollResult) -> str:
    """The progress line of one feed's poll."""
    head = f"feed {result.feed.id} {result.feed.name}: "
    if result.error:
        return (
            head
            + f"failed ({result.feed.errors} in a row; next try {_hm(result.feed)}): {result.error}"
        )
    if result.not_modified:
        return head + "not modified"
    line = head + f"{len(result.added)} added, {result.skipped} already stored"
    if result.failed:
        line += f", {len(result.failed)} failed: " + "; ".join(msg for _, msg in result.failed)
    return line


def _hm(feed: Feed) -> str:
    return (feed.next_poll or "")[:16].replace("T", " ")
