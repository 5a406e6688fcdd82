"""The interactive console: links, feeds and dated questions, driven line by line."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from bot.console import Repl
from retrieval.answers import AnswerBase, RetrievalConfig
from retrieval.feeds import FeedPoller
from retrieval.fetching import FetchConfig, Fetcher
from tests.webserver import WebServer


@pytest.fixture
def web(web: WebServer) -> WebServer:
    for name in ("mayor", "bridge", "strike"):
        web.page(f"/news/{name}", f"{name}.html")
    web.page("/rss.xml", "rss.xml", content_type="application/rss+xml")
    return web


@pytest.fixture
def repl(tmp_path: Path) -> Iterator[tuple[Repl, io.StringIO]]:
    output = io.StringIO()
    console = Console(file=output, width=400, highlight=False, color_system=None)
    with AnswerBase.open(
        tmp_path / "base", seeds=tmp_path / "seeds", config=RetrievalConfig(reranker="none")
    ) as base:
        fetcher = Fetcher(FetchConfig(allow_private=True))
        feeds = FeedPoller(base, fetcher)
        yield Repl(base, console=console, fetcher=fetcher, feeds=feeds), output
        feeds.close()


def said(output: io.StringIO) -> str:
    text = output.getvalue()
    output.seek(0)
    output.truncate()
    return text


def test_add_url_and_ask_since(repl: tuple[Repl, io.StringIO], web: WebServer) -> None:
    console, output = repl
    console.handle(f":add {web.url('/news/mayor')}")
    assert said(output).startswith("added 000_")
    console.handle("--since 2024-05-01 Who will lead Northbridge until the election?")
    answer = said(output)
    assert answer.startswith("1. The deputy mayor, Anna Berg, will lead Northbridge")
    assert "City Herald · 2024-05-03 · https://herald.example/" in answer
    console.handle("Who will lead Northbridge until the election? --since 2024-06-01")
    assert said(output).startswith("No answer found")
    console.handle("--since whenever Who leads?")
    assert said(output) == (
        "since 'whenever' is not a date; use a day such as 2024-05-01 or an age such as 7d "
        "(days), 12h, 2w or 3m.\n"
    )


def test_feeds_commands(repl: tuple[Repl, io.StringIO], web: WebServer) -> None:
    console, output = repl
    console.handle(":feeds")
    assert said(output) == "No feeds followed. Add one with :feeds add URL\n"
    console.handle(f":feeds add {web.url('/rss.xml')}")
    assert said(output) == "following feed 1: Harbour Times\n"
    console.handle(":feeds poll")
    assert said(output) == "feed 1 Harbour Times: 3 added, 0 already stored\n3 articles added\n"
    console.handle(":feeds")
    assert said(output).startswith(f"1  Harbour Times  {web.url('/rss.xml')}  (3 articles, polled ")
    console.handle(":feeds remove 1")
    assert said(output) == "stopped following feed 1: Harbour Times\n"
    console.handle(":feeds remove 1")
    assert said(output) == "there is no feed with id 1; see the feed list for ids.\n"
