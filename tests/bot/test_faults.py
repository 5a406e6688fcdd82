"""The bot under faults: the real python-telegram-bot stack against a local Bot API that fails.

Server errors, late answers, flood waits, outages and forged buttons; the token at a refused
start. Signals and restarts are in ``test_restarts.py``.
"""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import Config, load_config
from bot.delivery import DeliveryPolicy
from bot.formatting import NO_ANSWER
from bot.telegram import FAILURE, STALE_BUTTON, build_application
from retrieval.answers import AnswerBase
from tests.bot.botapi import ADMIN, BOT_ID, READER, TOKEN, FakeBotAPI, parse_html
from tests.bot.conftest import bot_environment, running
from tests.bot.test_telegram import document, message, user

ROOT = Path(__file__).resolve().parents[2]
OTHER = 33
POLICY = DeliveryPolicy(retry_for=10.0, first_backoff=0.05, max_backoff=0.5, read_timeout=0.5)


@pytest.fixture
async def bot(config: Config, base: AnswerBase, api: FakeBotAPI) -> AsyncIterator[FakeBotAPI]:
    async with running(build_application(config, base, policy=POLICY)):
        yield api


def answers(api: FakeBotAPI, chat: int = READER) -> list[str]:
    """What the chat saw, as visible text."""
    return [
        parse_html(c.params["text"]) if c.params.get("parse_mode") == "HTML" else c.params["text"]
        for c in api.requests("sendMessage")
        if int(c.params["chat_id"]) == chat
    ]


def callback(data: str, *, with_message: bool = True) -> dict[str, Any]:
    query: dict[str, Any] = {
        "id": f"cq-{data[:20]}",
        "from": user(READER),
        "chat_instance": "ci",
        "data": data,
    }
    if with_message:
        query["message"] = {
            **message("x")["message"],
            "message_id": 1000,
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "newsdesk"},
        }
    else:
        query["inline_message_id"] = "im1"
    return {"callback_query": query}


# -- sends: retried when Telegram did not take them, never doubled -----------------------------


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_a_send_refused_with_a_server_error_is_retried(
    bot: FakeBotAPI, status: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="bot.delivery")
    bot.fail_next("sendMessage", status, times=2)
    bot.push(message("Which generals were arrested?"))
    await bot.wait_for("sendMessage")
    await asyncio.sleep(0.3)
    assert len(bot.requests(f"sendMessage ({status})")) == 2
    (answer,) = answers(bot)
    assert "Kuznetsov" in answer
    retries = [r for r in caplog.records if r.name == "bot.delivery"]
    assert [(r.levelname, r.getMessage().split(";")[1].split(",")[0]) for r in retries] == [
        ("WARNING", " attempt 1"),
        ("DEBUG", " attempt 2"),
    ]
    assert all(r.exc_info is None and "\n" not in r.getMessage() for r in retries)


async def test_a_timeout_after_delivery_is_not_sent_twice(
    bot: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    # Telegram stores the message, then answers too late: the bot cannot know it arrived.
    bot.fail_next("sendMessage", 200, delivered=True, delay=POLICY.read_timeout + 1)
    bot.push(message("Which generals were arrested?"))
    await bot.wait_for("sendMessage")
    await asyncio.sleep(POLICY.read_timeout + 1.5)
    (answer,) = answers(bot)
    assert "Kuznetsov" in answer  # once, and no "Sorry" after it
    (line,) = [r.getMessage() for r in caplog.records if r.name == "bot.delivery"]
    assert line == (
        f"sendMessage to chat {READER}: TimedOut (ReadTimeout) after it was sent; not repeated, "
        "so it may be lost but never doubled"
    )


async def test_a_502_after_delivery_brings_no_sorry(bot: FakeBotAPI) -> None:
    # A gateway error after Telegram stored the message: retried, as a 5xx says the method
    # failed. This is the one case a proxy that lies can double; Telegram's own 5xx do not.
    bot.fail_next("sendMessage", 502, delivered=True)
    bot.push(message("Which generals were arrested?"))
    await bot.wait_for("sendMessage", 2)
    await asyncio.sleep(0.3)
    assert FAILURE not in answers(bot)


async def test_an_outage_is_waited_out(bot: FakeBotAPI) -> None:
    bot.push(message("Which generals were arrested?"))
    await bot.wait_for("sendMessage")
    bot.outage(2.0)
    bot.push(message("Who coordinates the law enforcement agencies?", chat=OTHER, sender=OTHER))
    bot.push(message("What is the weather in Paris?"))
    await bot.wait_for("sendMessage", 3, timeout=20)
    await asyncio.sleep(0.3)
    assert len(answers(bot)) == 2
    assert answers(bot)[1] == NO_ANSWER.reply()
    (other,) = answers(bot, OTHER)
    assert "Bortnikov" in other


async def test_polling_resumes_within_a_second_of_an_outage(bot: FakeBotAPI) -> None:
    await bot.wait_for("getUpdates")
    bot.outage(3.0)
    await asyncio.sleep(3.2)
    asked = time.monotonic()
    bot.push(message("Which generals were arrested?"))
    await bot.wait_for("sendMessage")
    assert time.monotonic() - asked < 1.5
    assert bot.requests("getUpdates (502)")


async def test_a_flood_wait_holds_only_its_own_chat(bot: FakeBotAPI) -> None:
    bot.flood(READER, 3)
    started = time.monotonic()
    bot.push(message("Which generals were arrested?"))
    bot.push(message("Which generals were arrested?", chat=OTHER, sender=OTHER))
    first = await bot.wait_for("sendMessage")
    other_after = time.monotonic() - started
    assert int(first[0].params["chat_id"]) == OTHER
    await bot.wait_for("sendMessage", 2, timeout=10)
    reader_after = time.monotonic() - started
    assert other_after < 2.0 < 3.0 <= reader_after
    assert len(bot.requests("sendMessage (429)")) == 1  # asked once, then waited it out
    assert len(answers(bot)) == len(answers(bot, OTHER)) == 1


async def test_a_failure_is_one_log_line_with_the_traceback_once_per_kind(
    bot: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    for number in range(2):
        bot.fail_next("sendMessage", 400)  # a bug of ours: Telegram refuses the message
        bot.push(message("Which generals were arrested?"))
        await bot.wait_for("sendMessage", number + 1)
    await asyncio.sleep(0.2)
    failures = [
        r for r in caplog.records if r.name == "bot.telegram" and r.levelno >= logging.ERROR
    ]
    assert [r.getMessage() for r in failures] == [
        f"update {update} failed: BadRequest: Error" for update in (1, 2)
    ]
    assert [r.exc_info is not None for r in failures] == [True, False]
    assert answers(bot) == [FAILURE, FAILURE]


# -- buttons --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        "more:0123456789abcdef",
        "more:a:b:c",
        "ctx:deadbeef:-1",
        "ctx:KEY:1",
        "src:x",
        "src:",
        "\x00" * 3 + "é" * 30,
        "nonsense",
    ],
)
async def test_forged_button_data_gets_a_short_alert(bot: FakeBotAPI, data: str) -> None:
    bot.push(callback(data))
    (call,) = await bot.wait_for("answerCallbackQuery")
    assert (call.params["text"], call.params["show_alert"]) == (STALE_BUTTON, "true")
    await asyncio.sleep(0.2)
    assert not bot.requests("sendMessage")


async def test_an_expired_question_gets_a_short_alert(bot: FakeBotAPI) -> None:
    bot.push(callback("more:deadbeef:3"))
    (call,) = await bot.wait_for("answerCallbackQuery")
    assert (call.params["text"], call.params["show_alert"]) == (
        "That question is too old; please ask it again.",
        "true",
    )


async def test_a_press_too_old_to_acknowledge_is_still_acted_on(
    bot: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    # A press taken before a restart: Telegram refuses its late answerCallbackQuery.
    bot.fail_next("answerCallbackQuery", 400)
    bot.push(callback("src:0"))
    await bot.wait_for("editMessageText")
    await asyncio.sleep(0.2)
    assert bot.requests("answerCallbackQuery (400)")
    assert not bot.requests("sendMessage")  # no "Sorry…"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_sources_button_without_its_message_gets_a_short_alert(bot: FakeBotAPI) -> None:
    bot.push(callback("src:1", with_message=False))
    (call,) = await bot.wait_for("answerCallbackQuery")
    assert (call.params["text"], call.params["show_alert"]) == (STALE_BUTTON, "true")


async def test_pressing_a_page_twice_is_no_error(
    bot: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    bot.push(callback("src:0"))
    bot.push(callback("src:0"))
    await bot.wait_for("answerCallbackQuery", 2)
    await bot.wait_for("editMessageText", 2)
    await asyncio.sleep(0.2)
    assert not bot.requests("sendMessage")  # no "Sorry"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# -- messages ---------------------------------------------------------------------------------


async def test_an_edited_question_is_not_answered_again(bot: FakeBotAPI) -> None:
    first = message("Which generals were arrested?")
    bot.push(first)
    await bot.wait_for("sendMessage")
    bot.push({"edited_message": {**first["message"], "text": "Who coordinates the agencies?"}})
    bot.push(message("What is the weather in Paris?"))
    await bot.wait_for("sendMessage", 2)
    await asyncio.sleep(0.3)
    assert answers(bot)[1:] == [NO_ANSWER.reply()]


async def test_an_html_upload_is_parsed(bot: FakeBotAPI, base: AnswerBase) -> None:
    page = (ROOT / "tests" / "data" / "articles" / "page.html").read_bytes()
    bot.add_file("h1", "page.html", page)
    bot.push(document("h1", "page.html", len(page), sender=ADMIN))
    (reply,) = await bot.wait_for("sendMessage")
    assert parse_html(reply.params["text"]).startswith("Added 001_")
    assert len(base) == 2


async def test_the_api_url_may_end_in_bot(
    config: Config, base: AnswerBase, api: FakeBotAPI
) -> None:
    from dataclasses import replace

    article = b"Brent crude rose 3 percent on Monday after a pipeline outage, Reuters reported.\n"
    api.add_file("f1", "oil.txt", article)
    application = build_application(
        replace(config, telegram_api_base_url=f"{api.base_url}/bot/"), base, policy=POLICY
    )
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        api.push(document("f1", "oil.txt", len(article), sender=ADMIN))
        (reply,) = await api.wait_for("sendMessage")
        await application.updater.stop()
        await application.stop()
    assert parse_html(reply.params["text"]).startswith("Added 001_")


def test_the_config_takes_the_api_url_with_or_without_bot(tmp_path: Path) -> None:
    file = tmp_path / "newsdesk.toml"
    file.write_text("")
    roots = [
        load_config(file, environ={"TELEGRAM_API_BASE_URL": url}).telegram_api_base_url
        for url in ("http://127.0.0.1:8081", "http://127.0.0.1:8081/", "http://127.0.0.1:8081/bot")
    ]
    assert roots == ["http://127.0.0.1:8081"] * 3


# -- the token --------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "reason"), [(401, "Unauthorized"), (404, "Not Found")])
async def test_a_refused_token_is_one_line_without_the_token(
    tmp_path: Path, api: FakeBotAPI, status: int, reason: str
) -> None:
    api.get_me_status = status
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    config = tmp_path / "newsdesk.toml"
    config.write_text('[search]\nreranker = "none"\n')
    env = bot_environment(tmp_path, api, seeds, NEWSDESK_LOG_LEVEL="DEBUG")
    process = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "bot.cli", "--config", str(config), "run"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert process.returncode == 1
    assert TOKEN not in process.stderr + process.stdout
    assert "Traceback" not in process.stderr
    assert process.stderr.splitlines()[-1] == (
        f"newsdesk: Telegram refused the bot token ({reason}): check TELEGRAM_BOT_TOKEN (and "
        "TELEGRAM_API_BASE_URL, if set)."
    )


# -- the journal in webhook mode ---------------------------------------------------------------


async def test_a_webhook_update_is_journaled_and_forgotten_once_answered(
    config: Config, base: AnswerBase, api: FakeBotAPI
) -> None:
    import socket

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    application = build_application(config, base, policy=POLICY)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="hook",
            webhook_url=f"http://127.0.0.1:{port}/hook",
        )
        async with httpx.AsyncClient() as client:
            await client.post(
                f"http://127.0.0.1:{port}/hook",
                json={"update_id": 41, **message("Which generals were arrested?")},
            )
        await api.wait_for("sendMessage")
        await asyncio.sleep(0.2)
        await application.updater.stop()
        await application.stop()
    pending = config.data_dir / "pending"
    assert (pending / "last_update_id").read_text() == "41"
    assert not list(pending.glob("*.json"))
