"""Stored sentence embeddings for the benchmarks, cached outside the repository.

Embedding a sentence with e5-small takes about 60 ms on one thread of this busy 2-core
machine, so the benchmarks that need every sentence's stored embedding (cross-language
XQuAD, NewsQA) keep them in ``~/.cache/newsdesk-bench/e5.sqlite3`` (override with
``NEWSDESK_BENCH_CACHE``), keyed by the sentence's text: a second run embeds nothing.

Run it alone to fill the cache ahead of the benchmarks::

    .venv/bin/python tests/benchmarks/embedded.py [xquad-en xquad-ru newsqa]

``xquad-en+5000`` names XQuAD English with 5,000 distractor articles (``quality.py
--distractors 5000``); they are generated in the same order for any count, so it covers the
2,000-distractor run too. At about 16 sentences a second per thread that is the better part of
an hour per language on this machine: run it with ``nice -n 19`` in the background.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CACHE = Path(
    os.environ.get("NEWSDESK_BENCH_CACHE", Path.home() / ".cache" / "newsdesk-bench" / "e5.sqlite3")
)


class CachedEmbedder:
    """A reranker's ``embed`` with a text-keyed on-disk cache in front of it."""

    def __init__(self, model: Any, path: Path = CACHE, batch: int = 16) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=60.0, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, v BLOB)")
        self._model = model
        self._batch = batch
        self.computed = 0
        self.seconds = 0.0

    @staticmethod
    def _key(text: str) -> bytes:
        return hashlib.sha1(text.encode("utf-8")).digest()

    def embed(self, sentences: Sequence[str]) -> npt.NDArray[np.float32]:
        keys = [self._key(s) for s in sentences]
        found: dict[bytes, npt.NDArray[np.float32]] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            marks = ",".join("?" * len(part))
            for key, blob in self._db.execute(
                f"SELECT key, v FROM vectors WHERE key IN ({marks})", part
            ):
                found[bytes(key)] = np.frombuffer(blob, dtype=np.float32)
        missing = list(dict.fromkeys(k for k in keys if k not in found))
        texts = {k: s for k, s in zip(keys, sentences, strict=True)}
        for i in range(0, len(missing), self._batch):
            part = missing[i : i + self._batch]
            t0 = time.perf_counter()
            vectors = np.asarray(self._model.embed([texts[k] for k in part]), dtype=np.float32)
            self.seconds += time.perf_counter() - t0
            self.computed += len(part)
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                    [(k, v.tobytes()) for k, v in zip(part, vectors, strict=True)],
                )
            found.update(zip(part, vectors, strict=True))
        return np.vstack([found[k] for k in keys]) if keys else np.zeros((0, 0), np.float32)

    def another(self) -> CachedEmbedder:
        return self


def fill(base: Any, *, quiet: bool = False) -> int:
    """Store an embedding for every sentence of ``base`` (an AnswerBase with a reranker)."""
    assert base.reranker is not None
    meaning = base._meaning  # the answer base's part that embeds (retrieval/meaning.py)
    embedder = meaning._embedder
    if not isinstance(embedder, CachedEmbedder):  # a second fill keeps the first's model
        embedder = CachedEmbedder(base.reranker.another())
        meaning._embedder = embedder  # embed_pending runs on it: cached vectors are not redone
    total = base.pending_embeddings()
    started = time.perf_counter()

    def progress(done: int, all_: int) -> None:
        if not quiet and (done % 2000 < 256 or done == all_):
            rate = embedder.computed / embedder.seconds if embedder.seconds else 0.0
            print(
                f"  embeddings {done}/{all_}: {embedder.computed} computed ({rate:.1f}/s)",
                file=sys.stderr,
                flush=True,
            )

    done = base.embed_pending(progress, batch=256)
    if not quiet:
        print(
            f"  {done}/{total} sentences embedded in {time.perf_counter() - started:.0f} s, "
            f"{embedder.computed} computed",
            file=sys.stderr,
        )
    return done


def main(argv: Sequence[str]) -> int:
    """Fill the cache for the named corpora."""
    from newsqa import load_newsqa
    from quality import load_xquad, make_distractors

    from retrieval.answers import AnswerBase, RetrievalConfig
    from retrieval.articles import make_draft

    for name in argv or ["xquad-en", "xquad-ru", "newsqa"]:
        if name == "newsqa":
            stories, _ = load_newsqa()
            drafts = [make_draft(text, title="Untitled", language="en") for text in stories]
        else:
            language, _, distractors = name.split("-")[1].partition("+")
            docs, _ = load_xquad(language)
            if distractors:
                docs = list(docs) + make_distractors(docs, int(distractors), language)
            drafts = [make_draft(d.text, title="Untitled", language=d.language) for d in docs]
        print(f"{name}: {len(drafts)} articles", file=sys.stderr)
        with (
            tempfile.TemporaryDirectory() as tmp,
            AnswerBase.open(Path(tmp) / "base", config=RetrievalConfig(reranker="e5")) as base,
        ):
            base.add_many(drafts)
            fill(base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
