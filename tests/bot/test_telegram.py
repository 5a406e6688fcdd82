"""The Telegram bot end to end: the real python-telegram-bot stack against a local Bot API."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.config import Config
from bot.formatting import NO_ANSWER
from bot.telegram import ADMINS_ONLY, COMMANDS, REFUSAL, build_application
from retrieval.answers import AnswerBase
from tests.bot.botapi import (
    ADMIN,
    BOT_ID,
    BOT_USERNAME,
    GROUP,
    READER,
    TOKEN,
    FakeBotAPI,
    parse_html,
)
from tests.bot.conftest import ConfigFactory, running

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("000_*.txt"))

_ids = itertools.count(1)


def user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"}


def message(text: str, *, chat: int = READER, sender: int = READER, **extra: Any) -> dict[str, Any]:
    kind = "group" if chat < 0 else "private"
    body: dict[str, Any] = {
        "message_id": next(_ids),
        "date": 1_700_000_000,
        "chat": {"id": chat, "type": kind, **({"title": "Newsroom"} if chat < 0 else {})},
        "from": user(sender),
        "text": text,
    }
    if text.startswith("/"):
        command = text.split()[0]
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    body.update(extra)
    return {"message": body}


def document(file_id: str, name: str, size: int, *, sender: int) -> dict[str, Any]:
    update = message("", sender=sender, chat=sender)
    body = update["message"]
    del body["text"]
    body["document"] = {
        "file_id": file_id,
        "file_unique_id": file_id,
        "file_name": name,
        "file_size": size,
    }
    body["caption"] = "/add"
    body["caption_entities"] = [{"type": "bot_command", "offset": 0, "length": 4}]
    return update


@pytest.fixture
def config(make_config: ConfigFactory) -> Config:
    return make_config(max_upload_bytes=50_000)


@pytest.fixture
async def bot(config: Config, base: AnswerBase, api: FakeBotAPI) -> AsyncIterator[FakeBotAPI]:
    async with running(build_application(config, base), post_init=True):
        yield api


def texts(api: FakeBotAPI, chat: int | None = None) -> list[str]:
    return [
        parse_html(c.params["text"]) if c.params.get("parse_mode") == "HTML" else c.params["text"]
        for c in api.requests("sendMessage")
        if chat is None or int(c.params["chat_id"]) == chat
    ]


def buttons(call_params: dict[str, Any]) -> list[tuple[str, str]]:
    markup = call_params.get("reply_markup") or {"inline_keyboard": []}
    return [(b["text"], b["callback_data"]) for row in markup["inline_keyboard"] for b in row]


async def test_commands_are_registered(bot: FakeBotAPI) -> None:
    (call,) = bot.requests("setMyCommands")
    assert [c["command"] for c in call.params["commands"]] == [name for name, _ in COMMANDS]


async def test_a_question_gets_the_bortnikov_passage(bot: FakeBotAPI) -> None:
    bot.push(message("Who coordinates the law enforcement agencies in the Kursk region?"))
    (reply,) = await bot.wait_for("sendMessage")
    assert reply.params["parse_mode"] == "HTML"
    text = parse_html(reply.params["text"])
    assert text.startswith(
        "1. In addition, since August 9, the head of the FSB, Oleksandr Bortnikov"
    )
    assert "the outlet's own claim · The Kremlin plans to punish generals" in text
    assert "<b>coordinating</b>" in reply.params["text"]
    labels = [label for label, _ in buttons(reply.params)]
    assert labels == ["More", "Context 1", "Context 2", "Context 3"]
    assert all(len(data.encode()) <= 64 for _, data in buttons(reply.params))


async def test_more_pages_through_the_passages(bot: FakeBotAPI) -> None:
    bot.push(message("Russian generals arrests Kursk defense"))
    (first,) = await bot.wait_for("sendMessage")
    more = dict(buttons(first.params))["More"]
    bot.push(
        {
            "callback_query": {
                "id": "cq1",
                "from": user(READER),
                "chat_instance": "ci",
                "data": more,
                "message": {
                    **message("x")["message"],
                    "message_id": 1000,
                    "from": {"id": BOT_ID, "is_bot": True, "first_name": "newsdesk"},
                },
            }
        }
    )
    calls = await bot.wait_for("sendMessage", 2)
    second = parse_html(calls[1].params["text"])
    assert second.startswith("4. ")
    assert parse_html(first.params["text"]).split("\n")[0] not in second
    assert bot.requests("answerCallbackQuery")


async def test_context_button_shows_the_paragraph(bot: FakeBotAPI) -> None:
    bot.push(message("Did Gerasimov tell Putin about the offensive?"))
    (first,) = await bot.wait_for("sendMessage")
    data = dict(buttons(first.params))["Context 1"]
    bot.push(
        {
            "callback_query": {
                "id": "cq2",
                "from": user(READER),
                "chat_instance": "ci",
                "data": data,
                "message": {**message("x")["message"], "message_id": 1000},
            }
        }
    )
    calls = await bot.wait_for("sendMessage", 2)
    context = parse_html(calls[1].params["text"])
    assert context.startswith("General Valery Gerasimov, chief of the General Staff")
    assert "reported by Bloomberg" in context


async def test_no_answer_is_honest(bot: FakeBotAPI) -> None:
    bot.push(message("What is the weather in Paris?"))
    (reply,) = await bot.wait_for("sendMessage")
    assert reply.params["text"] == NO_ANSWER.reply()


async def test_no_answer_in_a_period_names_it(bot: FakeBotAPI) -> None:
    bot.push(
        message("Who coordinates the operation in Kursk? --since 2030-01-01 --until 2030-02-01")
    )
    (reply,) = await bot.wait_for("sendMessage")
    assert reply.params["text"] == (
        "I found nothing about that in my articles dated from 2030-01-01 to 2030-02-01. "
        "Try other words, or see /sources for what I know."
    )


async def test_html_and_emoji_in_a_question(bot: FakeBotAPI) -> None:
    bot.push(message("<b>Bortnikov</b> & </i> FSB 🤔 <script>"))
    (reply,) = await bot.wait_for("sendMessage")
    assert "Bortnikov" in parse_html(reply.params["text"])


async def test_a_10000_character_question_gets_a_valid_reply(bot: FakeBotAPI) -> None:
    bot.push(message("Gerasimov offensive " * 500))
    (reply,) = await bot.wait_for("sendMessage")
    text = (
        parse_html(reply.params["text"]) if reply.params.get("parse_mode") else reply.params["text"]
    )
    assert 0 < len(text) <= 4096


async def test_an_empty_looking_question_gets_a_clear_reply(bot: FakeBotAPI) -> None:
    bot.push(message("who is it?"))
    (reply,) = await bot.wait_for("sendMessage")
    assert reply.params["text"].startswith("The question has no words to search for")


async def test_group_messages_need_a_mention(bot: FakeBotAPI) -> None:
    bot.push(message("Who coordinates the law enforcement agencies?", chat=GROUP))
    bot.push(message(f"@{BOT_USERNAME} Which generals were arrested?", chat=GROUP))
    (reply,) = await bot.wait_for("sendMessage")
    assert "Kuznetsov" in parse_html(reply.params["text"])
    bot.push(message("/ask How much territory did Moscow lose?", chat=GROUP))
    calls = await bot.wait_for("sendMessage", 2)
    assert "reported by Verstka" in parse_html(calls[1].params["text"])
    assert len(bot.requests("sendMessage")) == 2


async def test_admin_adds_an_article_and_it_is_answerable(
    bot: FakeBotAPI, base: AnswerBase
) -> None:
    article = b"Brent crude rose 3 percent on Monday after a pipeline outage in the North Sea, Reuters reported.\n"
    bot.add_file("f1", "oil.txt", article)
    bot.push(document("f1", "oil.txt", len(article), sender=ADMIN))
    (reply,) = await bot.wait_for("sendMessage")
    assert parse_html(reply.params["text"]).startswith("Added 001_")
    assert len(base) == 2
    bot.push(message("Why did Brent crude rise?", chat=ADMIN, sender=ADMIN))
    calls = await bot.wait_for("sendMessage", 2)
    answer = parse_html(calls[1].params["text"])
    assert answer.startswith("1. Brent crude rose 3 percent")
    assert "reported by Reuters" in answer
    bot.push(document("f1", "oil.txt", len(article), sender=ADMIN))
    calls = await bot.wait_for("sendMessage", 3)
    assert calls[2].params["text"].startswith("I already have this article as 001_")


async def test_non_admin_add_is_refused_and_stores_nothing(
    bot: FakeBotAPI, base: AnswerBase
) -> None:
    bot.add_file("f2", "oil.txt", b"Oil prices climbed on Monday.")
    bot.push(document("f2", "oil.txt", 29, sender=READER))
    (reply,) = await bot.wait_for("sendMessage")
    assert reply.params["text"] == ADMINS_ONLY
    assert len(base) == 1
    assert not bot.requests("getFile")


@pytest.mark.parametrize(
    ("name", "data", "reply"),
    [
        (
            "photo.png",
            b"\x89PNG\r\n",
            "I can't read photo.png: send a .txt, .md, .html or .json file. Nothing was added.",
        ),
        ("cp1251.txt", "Генерал арестован.".encode("cp1251"), "Cp1251.txt is not UTF-8 text"),
        (
            "big.txt",
            b"a" * 60_000,
            "big.txt is 60,000 bytes; the limit is 50,000. Nothing was added.",
        ),
    ],
)
async def test_bad_uploads_store_nothing(
    bot: FakeBotAPI, base: AnswerBase, name: str, data: bytes, reply: str
) -> None:
    bot.add_file("f3", name, data)
    bot.push(document("f3", name, len(data), sender=ADMIN))
    (call,) = await bot.wait_for("sendMessage")
    assert call.params["text"].startswith(reply)
    assert len(base) == 1


async def test_remove_is_for_admins(bot: FakeBotAPI, base: AnswerBase) -> None:
    bot.push(message(f"/remove {SEED.stem}", sender=READER, chat=READER))
    (reply,) = await bot.wait_for("sendMessage")
    assert reply.params["text"] == ADMINS_ONLY
    bot.push(message(f"/remove {SEED.stem}", sender=ADMIN, chat=ADMIN))
    calls = await bot.wait_for("sendMessage", 2)
    assert calls[1].params["text"].startswith(f"Removed {SEED.stem}: The Kremlin plans")
    assert len(base) == 0


async def test_sources_and_stats(bot: FakeBotAPI, base: AnswerBase) -> None:
    bot.push(message("/sources"))
    (listing,) = await bot.wait_for("sendMessage")
    assert parse_html(listing.params["text"]) == (
        "Articles (1; page 1 of 1)\n"
        f"{SEED.stem} The Kremlin plans to punish generals for the failure of the defense near "
        f"Kursk: new arrests on the horizon · added {base.get(SEED.stem).date}"
    )
    bot.push(message("/stats"))
    calls = await bot.wait_for("sendMessage", 2)
    reranked = ", reranked by e5" if base.reranker else ""
    assert parse_html(calls[1].params["text"]) == (
        f"1 article (en 1), {base.stats().sentences} sentences; BM25 lucene{reranked}."
    )


async def test_inline_query_offers_passages(bot: FakeBotAPI) -> None:
    bot.push(
        {
            "inline_query": {
                "id": "iq1",
                "from": user(READER),
                "query": "Bortnikov FSB",
                "offset": "",
            }
        }
    )
    (call,) = await bot.wait_for("answerInlineQuery")
    results = call.params["results"]
    assert results[0]["title"].startswith("In addition, since August 9, the head of the FSB")
    assert "Bortnikov" in parse_html(results[0]["input_message_content"]["message_text"])


async def test_allowlist_refuses_strangers(
    config: Config, base: AnswerBase, api: FakeBotAPI
) -> None:
    application = build_application(replace(config, allowed_chats=frozenset({ADMIN})), base)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        api.push(message("Who coordinates the law enforcement agencies?", chat=READER))
        api.push(message("Which generals were arrested?", chat=ADMIN, sender=ADMIN))
        calls = await api.wait_for("sendMessage", 2)
        await application.updater.stop()
        await application.stop()
    by_chat = {int(c.params["chat_id"]): c.params["text"] for c in calls}
    assert by_chat[READER] == REFUSAL
    assert "Kuznetsov" in parse_html(by_chat[ADMIN])


async def test_the_token_never_reaches_the_logs(
    bot: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    bot.push(message("Which generals were arrested?"))
    await bot.wait_for("sendMessage")
    assert TOKEN not in caplog.text


async def test_seed_files_from_other_processes_are_picked_up(
    bot: FakeBotAPI, base: AnswerBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.telegram.SYNC_SECONDS", 0.0)
    (base.seeds / "oil.md").write_text(
        "Brent crude rose 3 percent on Monday after a pipeline outage, Reuters reported.\n",
        encoding="utf-8",
    )
    bot.push(message("Why did Brent crude rise?"))
    (reply,) = await bot.wait_for("sendMessage")
    assert parse_html(reply.params["text"]).startswith("1. Brent crude rose 3 percent")


async def test_webhook_mode_answers_and_checks_the_secret(
    config: Config, base: AnswerBase, api: FakeBotAPI
) -> None:
    import socket

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    application = build_application(config, base)
    url = f"http://127.0.0.1:{port}/newsdesk"
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="newsdesk",
            webhook_url=url,
            secret_token="s3cret",
        )
        update = {"update_id": 1, **message("Which generals were arrested?")}
        async with httpx.AsyncClient() as client:
            forged = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"}
            )
            real = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
            )
        calls = await api.wait_for("sendMessage")
        await application.updater.stop()
        await application.stop()
    assert (forged.status_code, real.status_code) == (403, 200)
    assert api.requests("setWebhook")[0].params["url"] == url
    assert len(calls) == 1
    assert "Kuznetsov" in parse_html(calls[0].params["text"])


async def test_the_bot_process_stops_cleanly_on_sigterm(tmp_path: Path, api: FakeBotAPI) -> None:
    import asyncio
    import os
    import signal
    import subprocess
    import sys

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "NEWSDESK_SEEDS_DIR": str(seeds),
        "NEWSDESK_DATA_DIR": str(tmp_path / "base"),
        "NEWSDESK_LOG_LEVEL": "DEBUG",
        "PYTHONPATH": str(ROOT),
    }
    with subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            await api.wait_for("getUpdates", timeout=60)
            api.push(message("Which generals were arrested?"))
            (reply,) = await api.wait_for("sendMessage", timeout=30)
            process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.to_thread(process.communicate, timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0, stderr
    assert "Kuznetsov" in parse_html(reply.params["text"])
    assert TOKEN not in stderr
    assert (tmp_path / "base" / "index").is_dir()  # the snapshot was saved on the way out


def test_the_token_is_redacted_from_tracebacks_too() -> None:
    import logging

    from bot.process import RedactToken

    formatter = RedactToken(logging.Formatter("%(message)s"), TOKEN)
    try:
        raise RuntimeError(f"GET https://api.telegram.org/bot{TOKEN}/getMe failed")
    except RuntimeError:
        import sys

        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "url %s", (f"/bot{TOKEN}/",), sys.exc_info()
        )
    text = formatter.format(record)
    assert TOKEN not in text
    assert text.startswith("url /bot<token>/")
    assert "getMe failed" in text


async def test_a_reply_to_the_bot_in_a_group_is_answered(bot: FakeBotAPI) -> None:
    earlier = {
        "message_id": 999,
        "date": 1_700_000_000,
        "chat": {"id": GROUP, "type": "group", "title": "Newsroom"},
        "from": {"id": BOT_ID, "is_bot": True, "first_name": "newsdesk", "username": BOT_USERNAME},
        "text": "1. …",
    }
    bot.push(
        message(
            "And who coordinates the law enforcement agencies?",
            chat=GROUP,
            reply_to_message=earlier,
        )
    )
    (reply,) = await bot.wait_for("sendMessage")
    assert int(reply.params["chat_id"]) == GROUP
    assert "Bortnikov" in parse_html(reply.params["text"])


async def test_a_flood_wait_is_waited_out_not_lost(bot: FakeBotAPI) -> None:
    bot.flood_wait_next("sendMessage", seconds=1)
    bot.push(message("Which generals were arrested?"))
    (reply,) = await bot.wait_for("sendMessage")
    assert len(bot.requests("sendMessage (flood wait)")) == 1
    assert "Kuznetsov" in parse_html(reply.params["text"])
