"""Questions while a feed poll runs: answer latency, idle and during a poll.

Run on demand (pytest does not collect this file)::

    .venv/bin/python tests/benchmarks/poll_latency.py [--reranker auto|none] [--entries 20]

A local server (tests/webserver.py) serves an RSS feed of ``--entries`` entries whose pages
each take 0.2 s to answer, like a real news site. The answer base holds the repository's seed
and the test pages. One thread polls the feed (fetch, trafilatura, sentence analysis, add);
the main thread asks the same question in a loop, idle first and then during the poll.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from retrieval.answers import AnswerBase, RetrievalConfig  # noqa: E402
from retrieval.feeds import FeedPoller, FeedsConfig  # noqa: E402
from retrieval.fetching import FetchConfig, Fetcher  # noqa: E402
from tests.webserver import WEB, Route, WebServer  # noqa: E402

QUESTION = "Who coordinates the law enforcement agencies in the Kursk region?"


def feed(web: WebServer, entries: int) -> None:
    page = (WEB / "strike.html").read_text()
    items = []
    for n in range(entries):
        body = page.replace("Kessel", f"Kessel{n}").replace("{BASE}/news/strike", f"{{BASE}}/p/{n}")
        body = body.replace("{BASE}", web.base_url)
        web.routes[f"/p/{n}"] = Route(body=body.encode(), delay=0.2)
        items.append(
            f"<item><title>Strike {n}</title><link>{web.url(f'/p/{n}')}</link>"
            f"<guid>s{n}</guid></item>"
        )
    rss = f"<rss version='2.0'><channel><title>T</title>{''.join(items)}</channel></rss>"
    web.routes["/rss.xml"] = Route(body=rss.encode(), content_type="application/rss+xml")


def latencies(
    base: AnswerBase, seconds: float | None, thread: threading.Thread | None
) -> list[float]:
    out = []
    end = time.perf_counter() + (seconds or 0)
    while (thread is not None and thread.is_alive()) or (
        thread is None and time.perf_counter() < end
    ):
        start = time.perf_counter()
        base.search(QUESTION)
        out.append(time.perf_counter() - start)
        time.sleep(0.02)
    return out


def show(label: str, values: list[float]) -> None:
    values = sorted(values)
    p95 = values[int(len(values) * 0.95) - 1] if len(values) >= 20 else values[-1]
    print(
        f"{label:<14} n={len(values):>4}  median {statistics.median(values) * 1000:7.1f} ms  "
        f"p95 {p95 * 1000:7.1f} ms  max {values[-1] * 1000:7.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reranker", default="auto")
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2, help="[search] reranker_threads")
    args = parser.parse_args()
    web = WebServer().start()
    feed(web, args.entries)
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for seed in (ROOT / "seeds").glob("*.txt"):
            shutil.copy(seed, seeds / seed.name)
        config = RetrievalConfig(reranker=args.reranker, reranker_threads=args.threads)
        with AnswerBase.open(Path(tmp) / "base", seeds=seeds, config=config) as base:
            base.sync()
            base.search(QUESTION)  # load the model, warm the caches
            fetcher = Fetcher(FetchConfig(allow_private=True))
            poller = FeedPoller(base, fetcher, FeedsConfig(max_new=args.entries))
            poller.follow(web.url("/rss.xml"))
            idle = latencies(base, 3.0, None)
            thread = threading.Thread(target=poller.poll)
            started = time.perf_counter()
            thread.start()
            during = latencies(base, None, thread)
            took = time.perf_counter() - started
            print(
                f"reranker {base.reranker.name if base.reranker else 'none'}; poll of "
                f"{args.entries} entries took {took:.1f} s, {len(base) - 1} articles added"
            )
            show("idle", idle)
            show("during poll", during)
            poller.close()
    web.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
