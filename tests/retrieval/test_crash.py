"""A process killed in the middle of adding leaves an answer base that is whole and consistent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from retrieval.answers import AnswerBase

WRITER = """
import sys
from retrieval.answers import AnswerBase
base = AnswerBase.open(sys.argv[1], seeds=sys.argv[2], reranker=None)
for n in range(10_000):
    base.add(f"Report {n}: the committee reviewed budget line zq{n}x and approved it on Monday. "
             f"Officials said the line zq{n}x covers road repairs.")
    print(n, flush=True)
"""


@pytest.mark.parametrize("adds_before_kill", [1, 7, 23])
def test_kill_during_add_leaves_a_consistent_base(tmp_path: Path, adds_before_kill: int) -> None:
    data, seeds = tmp_path / "base", tmp_path / "seeds"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data), str(seeds)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as writer:
        assert writer.stdout is not None
        try:
            for _ in range(adds_before_kill):
                assert writer.stdout.readline(), "the writer died before it was killed"
            time.sleep(0.003 * adds_before_kill)  # land somewhere inside a later add
            writer.send_signal(signal.SIGKILL)
        finally:
            writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    with AnswerBase.open(data, seeds=seeds, reranker=None) as base:
        base.sync()
        stored = {article.id for article in base.articles()}
        on_disk = {p.stem for p in seeds.iterdir() if not p.name.startswith(".")}
        assert stored == on_disk
        assert len(stored) >= adds_before_kill
        for article in base.articles():
            number = article.text.split(":")[0].removeprefix("Report ")
            hits = base.search(f"budget line zq{number}x", k=1).passages
            assert [p.article_id for p in hits] == [article.id]
