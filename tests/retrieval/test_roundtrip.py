"""seeds/ is the truth: whatever ``add`` accepts comes back whole from its seed file.

A property test over generated articles (one paragraph, title only, a title line, front
matter, every format, Cyrillic, odd whitespace): each survives ``reindex`` and a fresh data
dir over the same seeds with the same id, text hash and sentences, a second ``add`` of the
same input is a duplicate, and the article shows once in an answer.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retrieval.answers import AnswerBase, RetrievalConfig
from retrieval.errors import ArticleError, DuplicateArticleError

BM25 = RetrievalConfig(reranker="none")

LATIN = ["plant", "chairman", "quit", "market", "oil", "rose", "Bloomberg", "Snerd", "said"]
CYRILLIC = ["завод", "министр", "заявил", "рынок", "нафта", "зросла", "Москва", "сказав"]
SPACE = st.sampled_from([" ", "  ", "\t", "\u00a0"])


@st.composite
def sentences(draw: st.DrawFn, words: list[str]) -> str:
    chosen = draw(st.lists(st.sampled_from(words), min_size=1, max_size=9))
    gaps = draw(st.lists(SPACE, min_size=len(chosen), max_size=len(chosen)))
    text = "".join(word + gap for word, gap in zip(chosen, gaps, strict=True)).strip()
    return text[:1].upper() + text[1:] + draw(st.sampled_from([".", "!", "?", ""]))


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str | None, str]:
    """(text, given title or None, format) of an article a user could add."""
    words = draw(st.sampled_from([LATIN, CYRILLIC, LATIN + CYRILLIC]))
    paragraphs = draw(
        st.lists(
            st.lists(sentences(words), min_size=1, max_size=3).map(" ".join),
            min_size=1,
            max_size=4,
        )
    )
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    separator = newline + draw(st.sampled_from(["", "   ", "\t"])) + newline
    text = separator.join(paragraphs) + draw(st.sampled_from(["", newline, "  " + newline]))
    if draw(st.booleans()):  # a headline line of its own, short or long
        text = draw(sentences(words)).rstrip(".!?") + newline + newline + text
    title = draw(st.one_of(st.none(), st.sampled_from(paragraphs), sentences(words)))
    form = draw(st.sampled_from(["text", "txt", "md-front-matter", "json"]))
    return text, title, form


def add(base: AnswerBase, folder: Path, text: str, title: str | None, form: str) -> str:
    """Add the article the way a user would with ``form``; return its id."""
    if form == "text":
        return base.add(text, title=title).id
    file = folder / ("article.json" if form == "json" else f"article.{form[:2]}")
    if form == "json":
        file.write_text(json.dumps({"title": title, "text": text}), encoding="utf-8")
    elif form == "md-front-matter":
        head = f"---\ntitle: {json.dumps(title)}\n---\n" if title else "---\nlanguage: en\n---\n"
        file.write_text(head + text, encoding="utf-8")
    else:
        file.write_text(text, encoding="utf-8")
    return base.add_file(file).id


def snapshot(base: AnswerBase) -> dict[str, tuple[str, str, int]]:
    return {a.id: (a.content_hash, a.title, a.sentence_count) for a in base.articles()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles())
def test_what_add_accepts_survives_a_rebuild_and_is_a_duplicate_after(
    article: tuple[str, str | None, str],
) -> None:
    text, title, form = article
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seeds = root / "seeds"
        with AnswerBase.open(root / "base", seeds=seeds, config=BM25) as base:
            try:
                article_id = add(base, root, text, title, form)
            except ArticleError:
                return  # refused with a message: nothing to round-trip
            before = snapshot(base)
            report = base.reindex()
            assert report.failed == [] and report.duplicates == []
            assert snapshot(base) == before
            try:
                add(base, root, text, title, form)
            except DuplicateArticleError as err:
                assert err.existing_id == article_id
            else:
                raise AssertionError("the same input was stored twice")
            assert [a.id for a in base.articles()] == [article_id]
        with AnswerBase.open(root / "fresh", seeds=seeds, config=BM25) as fresh:
            fresh.sync()
            assert snapshot(fresh) == before
