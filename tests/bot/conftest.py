"""What the bot's tests share: the process set-up the entry point does (bot/process.py), and
an answer base holding the seed article."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.answers import AnswerBase

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
