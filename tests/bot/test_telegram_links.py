"""The Telegram bot and the news that stays current: /add URL, /feeds, dated questions.

The real python-telegram-bot stack against the fake Bot API (tests/bot/botapi.py), and the
pages and feeds on a local web server (tests/webserver.py).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from bot.config import Config
from bot.telegram import ADMINS_ONLY, build_application
from retrieval.answers import AnswerBase
from retrieval.fetching import FetchConfig
from tests.bot.botapi import ADMIN, READER, FakeBotAPI, parse_html
from tests.bot.conftest import ConfigFactory, running
from tests.bot.test_telegram import message
from tests.webserver import WebServer


@pytest.fixture
def web(web: WebServer) -> WebServer:
    for name in ("mayor", "bridge", "strike"):
        web.page(f"/news/{name}", f"{name}.html")
    web.page("/rss.xml", "rss.xml", content_type="application/rss+xml")
    return web


@pytest.fixture
def config(make_config: ConfigFactory) -> Config:
    return make_config(fetch=FetchConfig(allow_private=True, timeout=5.0))


@pytest.fixture
async def bot(config: Config, base: AnswerBase, api: FakeBotAPI) -> AsyncIterator[FakeBotAPI]:
    async with running(build_application(config, base)):
        yield api


def texts(api: FakeBotAPI) -> list[str]:
    return [
        parse_html(c.params["text"]) if c.params.get("parse_mode") == "HTML" else c.params["text"]
        for c in api.requests("sendMessage")
    ]


async def test_admin_adds_a_link_and_it_is_answerable(
    bot: FakeBotAPI, base: AnswerBase, web: WebServer
) -> None:
    bot.push(message(f"/add {web.url('/news/mayor')}", chat=ADMIN, sender=ADMIN))
    await bot.wait_for("sendMessage")
    [added] = texts(bot)
    assert added.startswith("Added 001_")
    assert added.endswith(
        ": Northbridge mayor resigns after audit finds missing funds (City Herald, 2024-05-03; "
        "4 sentences). Ask me about it."
    )
    assert len(base) == 2
    bot.push(message("Who will lead Northbridge until the election?", chat=ADMIN, sender=ADMIN))
    await bot.wait_for("sendMessage", 2)
    answer = texts(bot)[1]
    assert answer.startswith("1. The deputy mayor, Anna Berg, will lead Northbridge")
    # The source line: who says it, the article, the outlet and the date.
    assert answer.split("\n")[1].endswith(
        " · Northbridge mayor resigns after audit finds missing funds · City Herald · 2024-05-03"
    )
    bot.push(message(f"/add {web.url('/news/mayor?utm_source=tg')}", chat=ADMIN, sender=ADMIN))
    await bot.wait_for("sendMessage", 3)
    assert texts(bot)[2].startswith("I already have this article as 001_")


async def test_a_non_admin_link_is_refused_without_a_fetch(
    bot: FakeBotAPI, base: AnswerBase, web: WebServer
) -> None:
    bot.push(message(f"/add {web.url('/news/mayor')}", chat=READER, sender=READER))
    await bot.wait_for("sendMessage")
    assert texts(bot) == [ADMINS_ONLY]
    assert web.seen == []
    assert len(base) == 1


async def test_a_link_that_fails_says_why(bot: FakeBotAPI, web: WebServer) -> None:
    bot.push(message(f"/add {web.url('/gone')}", chat=ADMIN, sender=ADMIN))
    await bot.wait_for("sendMessage")
    assert texts(bot) == [f"{web.url('/gone')} answered 404 Not Found. Nothing was added."]


async def test_a_private_link_is_refused_by_default(
    api: FakeBotAPI, config: Config, base: AnswerBase, web: WebServer
) -> None:
    application = build_application(replace(config, fetch=FetchConfig()), base)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        api.push(message(f"/add {web.url('/news/mayor')}", chat=ADMIN, sender=ADMIN))
        await api.wait_for("sendMessage")
        await application.updater.stop()
        await application.stop()
    assert texts(api) == [
        f"{web.url('/news/mayor')} leads to a private or local address (127.0.0.1); newsdesk "
        "fetches public web pages only. Nothing was added."
    ]
    assert web.seen == []


async def test_ask_since(bot: FakeBotAPI, base: AnswerBase) -> None:
    base.add("The harbour of Kessel was closed after a storm.", published="2024-05-20")
    bot.push(message("/ask --since 2024-05-01 Why was the harbour of Kessel closed?"))
    await bot.wait_for("sendMessage")
    assert texts(bot)[0].startswith("1. The harbour of Kessel was closed after a storm.")
    assert "2024-05-20" in texts(bot)[0]
    bot.push(message("/ask --since 2024-06-01 Why was the harbour of Kessel closed?"))
    await bot.wait_for("sendMessage", 2)
    assert texts(bot)[1].startswith("I found nothing about that")
    bot.push(message("--since 3 days Why was the harbour closed?"))
    await bot.wait_for("sendMessage", 3)
    assert texts(bot)[2] == (
        "Since '3' is not a date; use a day such as 2024-05-01 or an age such as 7d (days), "
        "12h, 2w or 3m."
    )


async def test_feeds_for_admins(bot: FakeBotAPI, base: AnswerBase, web: WebServer) -> None:
    bot.push(message("/feeds", chat=READER, sender=READER))
    await bot.wait_for("sendMessage")
    assert texts(bot) == [ADMINS_ONLY]
    bot.push(message(f"/feeds add {web.url('/rss.xml')}", chat=ADMIN, sender=ADMIN))
    await bot.wait_for("sendMessage", 2)
    assert texts(bot)[1] == (
        "Following feed 1: Harbour Times. New articles arrive every 15 minutes."
    )
    bot.push(message("/feeds poll", chat=ADMIN, sender=ADMIN))
    await bot.wait_for("sendMessage", 3)
    assert texts(bot)[2] == "Harbour Times: 3 added, 0 already stored"
    assert len(base) == 4
    bot.push(message("/feeds", chat=ADMIN, sender=ADMIN))
    await bot.wait_for("sendMessage", 4)
    assert texts(bot)[3].startswith(
        f"Feeds (1)\n1 Harbour Times · {web.url('/rss.xml')} · 3 articles · polled "
    )
    bot.push(message("/feeds remove 1", chat=ADMIN, sender=ADMIN))
    await bot.wait_for("sendMessage", 5)
    assert texts(bot)[4] == "Stopped following feed 1: Harbour Times."


async def test_feeds_are_polled_on_the_job_queue_while_questions_go_on(
    api: FakeBotAPI, config: Config, base: AnswerBase, web: WebServer
) -> None:
    for path in ("/news/bridge", "/news/strike"):
        web.routes[path].delay = 1.0  # a poll of two seconds or more
    application = build_application(config, base)
    assert application.job_queue is not None
    [job] = application.job_queue.jobs()
    assert (job.name, job.callback.__name__) == ("poll feeds", "poll_feeds")
    assert job.trigger.interval.total_seconds() == 15 * 60  # type: ignore[attr-defined]
    application.bot_data.feeds.follow(web.url("/rss.xml"))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        started = time.perf_counter()
        poll = asyncio.create_task(job.run(application))
        await asyncio.sleep(0.2)
        api.push(message("Did Gerasimov tell Putin about the offensive?"))
        await api.wait_for("sendMessage")
        answered = time.perf_counter() - started
        assert not poll.done()  # the answer came while the poll was still running
        await poll
        polled = time.perf_counter() - started
        await application.updater.stop()
        await application.stop()
    assert texts(api)[0].startswith("1. ")
    assert answered < polled
    assert polled >= 2.0
    assert len(base) == 4
