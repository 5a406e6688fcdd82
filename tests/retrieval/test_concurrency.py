"""Questions asked while articles are being added see each article whole or not at all."""

from __future__ import annotations

import threading
from pathlib import Path

from retrieval.answers import AnswerBase


def test_searches_during_adds_never_see_half_an_article(tmp_path: Path) -> None:
    base = AnswerBase.open(tmp_path / "base")
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
