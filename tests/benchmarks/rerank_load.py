"""Answer time with the e5 reranker on an idle and on a busy machine, by model threads.

Run on demand (pytest does not collect this file)::

    .venv/bin/python tests/benchmarks/rerank_load.py [--questions 80]

Each row is a fresh process (OpenMP reads its settings when the model loads): an answer base
of the 240 XQuAD English paragraphs, then ``--questions`` different XQuAD questions asked
through ``AnswerBase.search`` with the reranker (each question's sentences embedded afresh,
as for a fresh question), and a 500-character question. "busy" runs two other processes
that keep both cores at work meanwhile. The rows compare the old setting (OpenMP's default:
one thread per core, threads spinning while they wait) with newsdesk's (``[search]
reranker_threads``, passive waiting) at one and at two threads.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, statistics, sys, tempfile, time
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/tests/benchmarks")
from quality import load_xquad
from retrieval.answers import AnswerBase, RetrievalConfig
from retrieval.articles import make_draft
threads, count = int(sys.argv[2]), int(sys.argv[3])
docs, cases = load_xquad("en")
config = RetrievalConfig(reranker="e5", reranker_threads=threads)
with tempfile.TemporaryDirectory() as folder, AnswerBase.open(folder, config=config) as base:
    base.add_many([make_draft(d.text, title="Untitled", language="en") for d in docs])
    seen, questions = set(), []
    for case in cases:  # one question per paragraph: few sentences embedded twice
        if case.key not in seen:
            seen.add(case.key)
            questions.append(case.question)
    times = []
    for question in questions[:count]:
        started = time.perf_counter()
        base.search(question)
        times.append(time.perf_counter() - started)
    long_question = (questions[0] + " ") * (500 // len(questions[0]) + 1)
    started = time.perf_counter()
    base.search(long_question[:500])
    long_time = time.perf_counter() - started
print(json.dumps({"times": times, "long": long_time}))
"""


def busy() -> list[subprocess.Popen[bytes]]:
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]


def run(threads: int, wait_policy: str, count: int) -> dict[str, object]:
    env = dict(os.environ, OMP_WAIT_POLICY=wait_policy)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), str(threads), str(count)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=80)
    args = parser.parse_args()
    settings = [
        ("OpenMP default (2 threads, spinning)", 2, "ACTIVE"),
        ("1 thread, passive", 1, "PASSIVE"),
        ("2 threads, passive", 2, "PASSIVE"),
    ]
    print("| machine | model threads | questions | median ms | p95 ms | 500-char question ms |")
    print("| --- | --- | --- | --- | --- | --- |")
    for load in ("idle", "busy"):
        for label, threads, policy in settings:
            hogs = busy() if load == "busy" else []
            try:
                result = run(threads, policy, args.questions)
            finally:
                for hog in hogs:
                    hog.kill()
                    hog.wait()
            times = sorted(1000 * t for t in result["times"])  # type: ignore[attr-defined]
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            print(
                f"| {load} | {label} | {len(times)} | {statistics.median(times):.1f} | "
                f"{p95:.1f} | {1000 * float(result['long']):.1f} |"  # type: ignore[arg-type]
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
