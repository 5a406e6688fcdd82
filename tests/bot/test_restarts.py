"""No question lost: a real ``newsdesk run`` stopped or killed with 100 questions in hand.

After the restart every question has exactly one answer: the updates in hand were kept in the
data folder (``pending/``), and those Telegram sends again are not answered twice.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.bot.botapi import TOKEN, FakeBotAPI
from tests.bot.conftest import bot_environment
from tests.bot.test_telegram import SEED, message

CHATS = range(1000, 1100)
QUESTIONS = (
    "Which generals were arrested?",
    "Who coordinates the law enforcement agencies?",
    "Did Gerasimov tell Putin about the offensive?",
    "What is the weather in Paris?",
)


def start_bot(tmp_path: Path, api: FakeBotAPI) -> subprocess.Popen[str]:
    """``newsdesk run`` against the fake API: BM25 alone, half a second to drain at a stop.

    Its output goes to ``bot-<pid>.log`` (a pipe nobody reads while it runs could fill up).
    """
    seeds = tmp_path / "seeds"
    if not seeds.exists():
        seeds.mkdir()
        shutil.copy(SEED, seeds / SEED.name)
    config = tmp_path / "newsdesk.toml"
    config.write_text('[search]\nreranker = "none"\n\n[telegram]\ndrain_seconds = 0.5\n')
    level = os.environ.get("NEWSDESK_TEST_LOG_LEVEL", "INFO")
    env = bot_environment(tmp_path, api, seeds, NEWSDESK_LOG_LEVEL=level)
    with (tmp_path / "bot.log").open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "--config", str(config), "run"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
    (tmp_path / "bot.log").rename(tmp_path / f"bot-{process.pid}.log")
    return process


async def polls(api: FakeBotAPI) -> None:
    """Wait until the bot (a new one) asks for updates."""
    before = len(api.requests("getUpdates"))
    await api.wait_for("getUpdates", before + 1, timeout=60)


def answers_per_chat(api: FakeBotAPI) -> Counter[int]:
    return Counter(int(call.params["chat_id"]) for call in api.requests("sendMessage"))


async def finish(process: subprocess.Popen[str], tmp_path: Path) -> str:
    """Stop the bot with SIGTERM; its output."""
    process.send_signal(signal.SIGTERM)
    await asyncio.to_thread(process.wait, 60)
    return (tmp_path / f"bot-{process.pid}.log").read_text()


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
async def test_every_question_is_answered_once_across_a_restart(
    tmp_path: Path, api: FakeBotAPI, how: str
) -> None:
    first = start_bot(tmp_path, api)
    try:
        await polls(api)
        for number, chat in enumerate(CHATS):
            api.push(message(QUESTIONS[number % len(QUESTIONS)], chat=chat, sender=chat))
        await api.wait_for("sendMessage", 10, timeout=60)
        if how == "SIGTERM":
            started = time.monotonic()
            stderr = await finish(first, tmp_path)
            assert first.returncode == 0, stderr
            assert time.monotonic() - started < 5.0  # half a second to drain, then out
        else:
            api.hold_sends()  # sends in flight now never reach Telegram
            await asyncio.sleep(0.5)
            first.kill()
            await asyncio.to_thread(first.wait, 30)
            api.drop_held()
    finally:
        if first.poll() is None:
            first.kill()
    answered_before = len(api.requests("sendMessage"))
    assert answered_before < len(CHATS)  # the restart has questions left to answer
    assert list((tmp_path / "base" / "pending").glob("*.json"))

    second = start_bot(tmp_path, api)
    try:
        try:
            await api.wait_for("sendMessage", len(CHATS), timeout=60)
        finally:
            await asyncio.sleep(1.0)  # time for any duplicate to show
            stderr = await finish(second, tmp_path)
    finally:
        if second.poll() is None:
            second.kill()
    assert second.returncode == 0, stderr
    assert TOKEN not in stderr
    assert answers_per_chat(api) == Counter(dict.fromkeys(CHATS, 1)), stderr
    assert not list((tmp_path / "base" / "pending").glob("*.json"))
