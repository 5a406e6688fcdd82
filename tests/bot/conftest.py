"""What the bot's tests share: the process set-up the entry point does (bot/process.py), an
answer base holding the seed article, the fake Bot API, a Config factory and a running bot."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.config import Config
from bot.telegram import BotApplication
from retrieval.answers import AnswerBase
from tests.bot.botapi import ADMIN, GROUP, TOKEN, FakeBotAPI

SEED = next((Path(__file__).resolve().parents[2] / "seeds").glob("000_*.txt"))

# python-telegram-bot's timedelta periods, as `newsdesk run` opts in to them; without it a
# flood wait raises a deprecation warning, an error here.
os.environ.setdefault("PTB_TIMEDELTA", "true")


@pytest.fixture
def base(tmp_path: Path) -> Iterator[AnswerBase]:
    """The answer base the bot answers from: the seed article, in a temporary folder."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    with AnswerBase.open(tmp_path / "base", seeds=seeds, reranker=None) as answer_base:
        answer_base.sync()
        yield answer_base


@pytest.fixture
def api() -> Iterator[FakeBotAPI]:
    """The fake Telegram Bot API on 127.0.0.1, knowing the group chat ``GROUP``."""
    server = FakeBotAPI(TOKEN)
    server.chats[GROUP] = "group"
    server.start()
    yield server
    server.stop()


ConfigFactory = Callable[..., Config]


@pytest.fixture
def make_config(tmp_path: Path, api: FakeBotAPI) -> ConfigFactory:
    """Config for a bot talking to ``api``, ``ADMIN`` its admin; keywords change any field."""

    def make(**changes: Any) -> Config:
        config = Config(
            data_dir=tmp_path / "base",
            seeds_dir=tmp_path / "seeds",
            telegram_token=TOKEN,
            telegram_api_base_url=api.base_url,
            admins=frozenset({ADMIN}),
        )
        return replace(config, **changes)

    return make


@pytest.fixture
def config(make_config: ConfigFactory) -> Config:
    return make_config()


@asynccontextmanager
async def running(application: BotApplication, *, post_init: bool = False) -> AsyncIterator[None]:
    """The application started and polling the fake API, then stopped.

    ``post_init``: run the start-up hook too (it sends the command list to Telegram).
    """
    async with application:
        if post_init and application.post_init is not None:
            await application.post_init(application)
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        yield
        await application.updater.stop()
        await application.stop()


def bot_environment(tmp_path: Path, api: FakeBotAPI, seeds: Path, **extra: str) -> dict[str, str]:
    """The environment of a ``newsdesk run`` process talking to ``api`` from this checkout:
    the base in ``tmp_path/base``; ``extra`` adds or overrides variables."""
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "NEWSDESK_SEEDS_DIR": str(seeds),
        "NEWSDESK_DATA_DIR": str(tmp_path / "base"),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        **extra,
    }
