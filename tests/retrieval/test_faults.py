"""Faults from outside: other writers, locks, a full disk, a read-only base.

After each, the base is consistent (every seed file is an article and every article a seed),
nothing added before is lost, and every earlier answer is still returned.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.answers import AnswerBase, RetrievalConfig
from retrieval.errors import StoreError

ROOT = Path(__file__).resolve().parents[2]
BM25 = RetrievalConfig(reranker="none")


def article(n: int) -> str:
    return (
        f"Report {n}: the council approved budget line qz{n}x on Monday, officials said. "
        f"The line qz{n}x pays for road repairs."
    )


def assert_consistent(data: Path, seeds: Path, expected: int) -> None:
    with AnswerBase.open(data, seeds=seeds, config=BM25) as base:
        report = base.sync()
        assert not report.changed and not report.failed and not report.duplicates
        stored = {a.id for a in base.articles()}
        on_disk = {p.stem for p in seeds.iterdir() if not p.name.startswith(".")}
        assert stored == on_disk
        assert len(stored) == expected
        for a in base.articles():
            number = a.text.split(":")[0].removeprefix("Report ")
            hits = base.search(f"budget line qz{number}x", k=1).passages
            assert [p.article_id for p in hits] == [a.id]


def test_two_processes_adding_the_same_folder_store_each_article_once(tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for n in range(30):
        (folder / f"a{n:02d}.txt").write_text(article(n), encoding="utf-8")
    data, seeds = tmp_path / "base", tmp_path / "seeds"
    seeds.mkdir()
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        NEWSDESK_DATA_DIR=str(data),
        NEWSDESK_SEEDS_DIR=str(seeds),
        NEWSDESK_CONFIG="",
    )
    command = [sys.executable, "-m", "bot.cli", "add", str(folder)]
    writers = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [writer.communicate(timeout=120) for writer in writers]
    for (_out, err), writer in zip(outputs, writers, strict=True):
        assert b"Traceback" not in err, err.decode()
        assert writer.returncode in (0, 1), err.decode()
    lines = b"".join(out for out, _ in outputs).decode().splitlines()
    assert sum(line.startswith("added ") for line in lines) == 30
    assert_consistent(data, seeds, 30)


def test_a_base_locked_by_another_writer_gives_a_message(tmp_path: Path) -> None:
    data, seeds = tmp_path / "base", tmp_path / "seeds"
    config = RetrievalConfig(reranker="none", lock_timeout=0.2)
    with AnswerBase.open(data, seeds=seeds, config=config) as base:
        base.add(article(1))
        other = sqlite3.connect(data / "newsdesk.sqlite3", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            with pytest.raises(StoreError) as info:
                base.add(article(2))
            assert str(info.value) == (
                f"the answer base at {data / 'newsdesk.sqlite3'} is locked by another newsdesk "
                "process; try again when it has finished."
            )
            assert base.search("budget line qz1x").found  # reading goes on
        finally:
            other.execute("ROLLBACK")
            other.close()
        base.add(article(2))
    assert_consistent(data, seeds, 2)


def test_a_seeds_folder_held_by_another_writer_gives_a_message(tmp_path: Path) -> None:
    data, seeds = tmp_path / "base", tmp_path / "seeds"
    seeds.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDONLY); "
            "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)",
            str(seeds),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        config = RetrievalConfig(reranker="none", lock_timeout=0.2)
        with AnswerBase.open(data, seeds=seeds, config=config) as base:
            with pytest.raises(StoreError) as info:
                base.add(article(1))
            assert str(info.value) == (
                f"another newsdesk process is changing the seeds folder {seeds} and did not "
                "finish within 0.2 s; try again later."
            )
            assert list(seeds.iterdir()) == []
    finally:
        holder.kill()
        holder.communicate()
    assert_consistent(data, seeds, 0)


def test_a_running_base_picks_up_what_another_process_added(tmp_path: Path) -> None:
    data, seeds = tmp_path / "base", tmp_path / "seeds"
    with AnswerBase.open(data, seeds=seeds, config=BM25) as bot:
        bot.add(article(1))
        with AnswerBase.open(data, seeds=seeds, config=BM25) as cli:  # `newsdesk add` beside it
            cli.add(article(2))
        report = bot.sync()  # the bot's periodic sync
        assert not report.changed
        assert [p.article_id for p in bot.search("budget line qz2x", k=1).passages] == [
            a.id for a in bot.articles() if "qz2x" in a.text
        ]
        bot.add(article(3))
    assert_consistent(data, seeds, 3)


KILLER = """
import os, signal, sys
from retrieval.answers import AnswerBase, RetrievalConfig

def on_phase(name):
    if name == sys.argv[3]:
        os.kill(os.getpid(), signal.SIGKILL)

base = AnswerBase.open(
    sys.argv[1], seeds=sys.argv[2], config=RetrievalConfig(reranker="none"), on_phase=on_phase
)
if sys.argv[3].startswith("add:"):
    base.add(sys.argv[4])
else:
    base.remove(sys.argv[4])
print("the kill point was never reached", flush=True)
"""


@pytest.mark.parametrize(
    ("phase", "expected"),
    [
        ("add:seed-written", 3),  # the seed is there: the next sync stores it
        ("add:seeds-synced", 3),
        ("add:stored", 3),
        ("remove:seed-set-aside", 1),  # the seed is gone: the next sync drops the row
        ("remove:row-deleted", 1),
    ],
)
def test_sigkill_at_each_phase_of_add_and_remove(tmp_path: Path, phase: str, expected: int) -> None:
    data, seeds = tmp_path / "base", tmp_path / "seeds"
    with AnswerBase.open(data, seeds=seeds, config=BM25) as base:
        ids = [base.add(article(n)).id for n in (1, 2)]
    target = article(3) if phase.startswith("add:") else ids[1]
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(data), str(seeds), phase, target],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        timeout=120,
    )
    assert killed.returncode == -9, killed.stdout + killed.stderr
    with AnswerBase.open(data, seeds=seeds, config=BM25) as base:
        base.sync()  # what every command does first: the seeds decide
        assert ids[0] in {a.id for a in base.articles()}
    assert_consistent(data, seeds, expected)


@pytest.fixture
def small_disk(tmp_path: Path) -> Path:
    """A 3 MB tmpfs: a disk newsdesk can fill (needs root, as the project's machines have)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass
    return filler


def cli(data: Path, seeds: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        NEWSDESK_DATA_DIR=str(data),
        NEWSDESK_SEEDS_DIR=str(seeds),
        NEWSDESK_CONFIG="",
        NEWSDESK_LOG_LEVEL="WARNING",
    )
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], env=env, capture_output=True, text=True
    )


def test_a_full_disk_keeps_answering_and_refuses_changes_clearly(
    small_disk: Path, tmp_path: Path
) -> None:
    data, seeds = small_disk / "base", small_disk / "seeds"
    with AnswerBase.open(data, seeds=seeds, config=BM25) as base:
        ids = [base.add(article(n)).id for n in (1, 2)]
    filler = fill(small_disk)
    database = data / "newsdesk.sqlite3"
    warning = (
        f"newsdesk: the disk holding the answer base {database} is full: answering from what "
        "it holds; seeds/ not read.\n"
    )
    stats = cli(data, seeds, "stats")
    assert (stats.returncode, stats.stderr) == (0, warning)
    assert stats.stdout.startswith("2 articles (en 2), 4 sentences")
    asked = cli(data, seeds, "ask", "budget line qz2x", "--json", "-k", "1")
    assert asked.returncode == 0 and asked.stderr == warning
    assert json.loads(asked.stdout)["passages"][0]["article_id"] == ids[1]
    new = tmp_path / "new.txt"
    new.write_text(article(3), encoding="utf-8")
    added = cli(data, seeds, "add", str(new))
    assert added.returncode == 1
    assert added.stdout == (
        f"failed {new}: the disk holding the answer base {database} is full; nothing was added.\n"
    )
    removed = cli(data, seeds, "remove", ids[0])
    assert removed.returncode == 1
    assert removed.stderr == warning + (
        f"newsdesk: the disk holding the answer base {database} is full; nothing was removed.\n"
    )
    filler.unlink()
    assert cli(data, seeds, "add", str(new)).returncode == 0
    assert_consistent(data, seeds, 3)


def test_a_read_only_base_keeps_answering(small_disk: Path) -> None:
    data, seeds = small_disk / "base", small_disk / "seeds"
    with AnswerBase.open(data, seeds=seeds, config=BM25) as base:
        ids = [base.add(article(n)).id for n in (1, 2)]
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        asked = cli(data, seeds, "ask", "budget line qz1x", "--json", "-k", "1")
        assert asked.returncode == 0, asked.stderr
        assert asked.stderr == (
            f"newsdesk: the answer base {data / 'newsdesk.sqlite3'} is read-only: answering "
            "from what it holds; seeds/ not read.\n"
        )
        assert json.loads(asked.stdout)["passages"][0]["article_id"] == ids[0]
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert_consistent(data, seeds, 2)
