"""The bot under load: a real ``newsdesk run`` against the local fake Bot API.

Run on demand (pytest does not collect this file)::

    .venv/bin/python tests/benchmarks/bot_load.py [--users 20] [--questions 25]
        [--reranker e5 none] [--faults]

For each reranker it starts a fresh bot process on an answer base of the seed article and
the three test-corpus articles, waits until it polls, then sends N users × M questions at once
twice: the first burst meets a cold process (nothing cached), the second the same process,
warm. Each row gives the throughput (answers a second, over the burst), the p50 and p95
latency from the burst to each answer, and the questions lost (no answer), answered twice,
answered "Sorry…" and the sends Telegram refused (400). Startup is the time from the process
start to its first ``getUpdates``; "first" the latency of one question asked before the burst.

With ``--faults`` every burst also meets 20 % of sends answered 429 (a 1 s flood wait of that
chat), 10 % answered 500/502 and, 2 s in, a 5 s outage (every request 502).

Last, per reranker, a stop: 100 questions from 100 users, SIGTERM as soon as the bot has them, the time
the process takes to exit (``drain_seconds`` is 5 here) and, after a restart, how many of the
100 were answered once, twice or not at all; and how many lines the bot logged in all.

All questions of a burst are sent at the same moment, so pairing a chat's k-th answer with its
k-th question gives the same set of latencies whatever order the answers come in.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.telegram import FAILURE  # noqa: E402
from tests.bot.botapi import FakeBotAPI  # noqa: E402
from tests.bot.test_telegram import message  # noqa: E402

TOKEN = "123456:LOAD-token"
QUESTIONS = (
    "Which generals were arrested?",
    "Who coordinates the law enforcement agencies in the Kursk region?",
    "Did Gerasimov tell Putin about the offensive?",
    "How much territory did Moscow lose?",
    "Who heads the FSB?",
    "What happened near Kursk in August?",
    "Why are generals being punished?",
    "What did Bloomberg report?",
    "What is the weather in Paris?",
    "How did grain exports change?",
    "What happened on the markets?",
    "Who reported the arrests?",
    "When did the offensive begin?",
    "What did the Kremlin plan?",
    "Which outlet reported the failure of the defense?",
)
HEADER = ["reranker", "process", "questions", "answers/s", "p50 s", "p95 s", "lost", "twice"]
HEADER += ["sorry", "refused"]


@dataclass
class Row:
    """One burst's numbers."""

    reranker: str
    process: str
    questions: int
    seconds: float
    latencies: list[float]
    lost: int
    doubled: int
    sorry: int
    refused: int

    def cells(self) -> list[str]:
        ordered = sorted(self.latencies) or [float("nan")]
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        return [
            self.reranker,
            self.process,
            str(self.questions),
            f"{len(self.latencies) / self.seconds:.1f}",
            f"{statistics.median(ordered):.2f}",
            f"{p95:.2f}",
            str(self.lost),
            str(self.doubled),
            str(self.sorry),
            str(self.refused),
        ]


def start_bot(folder: Path, api: FakeBotAPI, reranker: str) -> subprocess.Popen[bytes]:
    seeds = folder / "seeds"
    seeds.mkdir(exist_ok=True)
    for article in [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests/data/corpus").glob("*")]:
        shutil.copy(article, seeds / article.name)
    config = folder / "newsdesk.toml"
    config.write_text(f'[search]\nreranker = "{reranker}"\n\n[telegram]\ndrain_seconds = 5\n')
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "NEWSDESK_SEEDS_DIR": str(seeds),
        "NEWSDESK_DATA_DIR": str(folder / "base"),
        "NEWSDESK_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    with (folder / "bot.log").open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "--config", str(config), "run"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


async def burst(
    api: FakeBotAPI, users: int, questions: int, first_chat: int, faults: bool, timeout: float
) -> tuple[float, list[float], int, int, int, int]:
    """Send users × questions at once; (seconds, latencies, lost, doubled, sorry, refused)."""
    chats = range(first_chat, first_chat + users)
    refused_before = len(api.refused)
    if faults:
        api.random_faults(flood=0.2, server=0.1, retry_after=1, seed=first_chat)
    sent = time.monotonic()
    for number in range(questions):
        for user in chats:
            text = QUESTIONS[(user + number) % len(QUESTIONS)]
            api.push(message(text, chat=user, sender=user))
    outage = faults
    times: dict[int, list[float]] = defaultdict(list)
    texts: dict[int, list[str]] = defaultdict(list)
    seen = 0

    def collect() -> None:
        nonlocal seen
        calls = api.requests("sendMessage")
        for call in calls[seen:]:
            chat = int(call.params["chat_id"])
            if chat in chats:
                times[chat].append(time.monotonic())
                texts[chat].append(call.params["text"])
        seen = len(calls)

    while time.monotonic() < sent + timeout:
        collect()
        if outage and time.monotonic() > sent + 2.0:
            api.outage(5.0)
            outage = False
        if sum(min(len(t), questions) for t in times.values()) >= users * questions:
            break
        await asyncio.sleep(0.01)
    await asyncio.sleep(2.0)  # any duplicate shows up now
    collect()
    api.random_faults()
    latencies = [t - sent for chat in chats for t in times[chat][:questions]]
    answered = [len(times[chat]) for chat in chats]
    lost = sum(max(0, questions - n) for n in answered)
    doubled = sum(max(0, n - questions) for n in answered)
    sorry = sum(text == FAILURE for chat in chats for text in texts[chat])
    last = max((t for chat in chats for t in times[chat][:questions]), default=time.monotonic())
    return last - sent, latencies, lost, doubled, sorry, len(api.refused) - refused_before


async def measure(reranker: str, users: int, questions: int, faults: bool) -> list[Row]:
    """Start a bot process; time its start, one question, then a cold and a warm burst."""
    api = FakeBotAPI(TOKEN)
    api.start()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        started = time.monotonic()
        process = start_bot(Path(folder), api, reranker)
        try:
            await api.wait_for("getUpdates", timeout=300)
            startup = time.monotonic() - started
            asked = time.monotonic()
            api.push(message(QUESTIONS[0], chat=1, sender=1))
            await api.wait_for("sendMessage", timeout=120)
            first = time.monotonic() - asked
            print(f"{reranker}: startup {startup:.1f} s, first answer {first:.2f} s", flush=True)
            for number, label in enumerate(("cold", "warm")):
                result = await burst(
                    api, users, questions, 1000 * (number + 1), faults, timeout=900
                )
                seconds, latencies, lost, doubled, sorry, refused = result
                row = Row(
                    reranker, label, users * questions, seconds, latencies, lost, doubled, sorry,
                    refused,
                )  # fmt: skip
                rows.append(row)
                print("  ".join(row.cells()), flush=True)
            await stop_and_restart(Path(folder), api, reranker, process)
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
            api.stop()
            lines = (Path(folder) / "bot.log").read_text(errors="replace").splitlines()
            print(f"{reranker}: the bot's log (WARNING and up): {len(lines)} lines", flush=True)
    return rows


async def stop_and_restart(
    folder: Path, api: FakeBotAPI, reranker: str, process: subprocess.Popen[bytes]
) -> None:
    """SIGTERM with 100 questions in hand; then restart and count the answers."""
    chats = range(9000, 9100)
    polled = len(api.requests("getUpdates"))
    for user in chats:
        api.push(message(QUESTIONS[user % len(QUESTIONS)], chat=user, sender=user))
    await api.wait_for("getUpdates", polled + 2)  # the bot has them all in hand
    stopped = time.monotonic()
    process.send_signal(signal.SIGTERM)
    await asyncio.to_thread(process.wait, 120)
    exit_seconds = time.monotonic() - stopped
    before = sum(int(c.params["chat_id"]) in chats for c in api.requests("sendMessage"))
    restarted = start_bot(folder, api, reranker)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            calls = api.requests("sendMessage")
            if len({int(c.params["chat_id"]) for c in calls} & set(chats)) == len(chats):
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(2.0)
    finally:
        restarted.send_signal(signal.SIGTERM)
        await asyncio.to_thread(restarted.wait, 120)
    per_chat = [
        sum(int(c.params["chat_id"]) == chat for c in api.requests("sendMessage")) for chat in chats
    ]
    print(
        f"{reranker}: SIGTERM with 100 in hand: exit after {exit_seconds:.1f} s, "
        f"{before} answered before it; after the restart: {per_chat.count(1)} answered once, "
        f"{sum(n > 1 for n in per_chat)} twice or more, {per_chat.count(0)} never",
        flush=True,
    )


def main() -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--questions", type=int, default=25, help="questions per user")
    parser.add_argument("--reranker", nargs="+", default=["e5", "none"], choices=["e5", "none"])
    parser.add_argument("--faults", action="store_true", help="20 %% 429, 10 %% 5xx, 5 s outage")
    args = parser.parse_args()
    rows = []
    for reranker in args.reranker:
        rows += asyncio.run(measure(reranker, args.users, args.questions, args.faults))
    table = [HEADER, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    faults = ", with faults" if args.faults else ""
    print(f"\n{args.users} users × {args.questions} questions{faults}")
    for line in table:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
