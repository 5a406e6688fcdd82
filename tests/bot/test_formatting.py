"""Telegram HTML formatting: escaping, highlighting, and splitting under the message limit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.formatting import (
    NoAnswer,
    counted,
    escape,
    format_context,
    format_passage,
    format_sources,
    format_stats,
    highlighted,
    split_message,
)
from retrieval.answers import Stats
from retrieval.dates import Period
from retrieval.passages import Passage
from retrieval.sources import Attribution
from tests.bot.botapi import parse_html


def passage(**changes: object) -> Passage:
    values: dict[str, object] = {
        "article_id": "a1",
        "title": "Oil & gas <weekly>",
        "sentence": "Brent rose 3% after an outage, Reuters reported.",
        "start": 0,
        "end": 48,
        "context": "Brent rose 3% after an outage, Reuters reported.",
        "context_start": 0,
        "context_end": 48,
        "score": 1.0,
        "attribution": Attribution("Reuters"),
        "url": "https://example.com/a?x=1&y=<2>",
        "outlet": "Wire",
        "published": "2024-08-19",
        "highlights": ((0, 5), (23, 29)),
        "paragraph": "Brent rose 3% after an outage, Reuters reported.",
    }
    values.update(changes)
    return Passage(**values)  # type: ignore[arg-type]


def test_escape() -> None:
    assert escape("<b>Tom & Jerry</b>") == "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"


def test_highlighted_escapes_inside_and_outside_the_bold() -> None:
    assert highlighted("a<b & c>d", [(1, 4)]) == "a<b>&lt;b </b>&amp; c&gt;d"


def test_format_passage() -> None:
    html = format_passage(passage(), 1)
    assert html == (
        "1. <b>Brent</b> rose 3% after an <b>outage</b>, Reuters reported.\n"
        "<i>reported by Reuters</i> · "
        '<a href="https://example.com/a?x=1&amp;y=&lt;2&gt;">Oil &amp; gas &lt;weekly&gt;</a>'
        " · Wire · 2024-08-19"
    )
    assert parse_html(html).endswith("Oil & gas <weekly> · Wire · 2024-08-19")


def test_a_url_that_is_not_http_is_not_a_link() -> None:
    html = format_passage(passage(url="javascript:alert(1)", attribution=None))
    assert "<a " not in html
    assert "<i>the outlet's own claim</i>" in html


def test_short_messages_are_not_split() -> None:
    assert split_message("<b>hi</b>") == ["<b>hi</b>"]


def test_split_prefers_paragraphs_and_keeps_tags_balanced() -> None:
    block = "<b>" + "word " * 300 + "</b>"
    parts = split_message("\n\n".join([block] * 5), limit=4096)
    assert len(parts) == 3  # two 1,507-character blocks fit in a message, not three
    for part in parts:
        assert len(parse_html(part)) <= 4096
        assert part.startswith("<b>word") and part.endswith("</b>")


def test_one_huge_bold_run_is_cut_and_reopened() -> None:
    text = "<b>" + "x&amp;y " * 2000 + "</b>"
    parts = split_message(text, limit=1000)
    assert len(parts) > 10
    for part in parts:
        assert len(part) <= 1000
        assert part.startswith("<b>") and part.endswith("</b>")
        parse_html(part)
    assert "".join(parse_html(p) + " " for p in parts).split() == parse_html(text).split()


def test_limit_is_validated() -> None:
    with pytest.raises(ValueError, match="limit must be at least 200 characters, not 10"):
        split_message("x", limit=10)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=400), min_size=1, max_size=40))
def test_any_text_splits_into_valid_messages(pieces: list[str]) -> None:
    html = "\n\n".join(f"<i>{escape(p)}</i> {escape(p)}" for p in pieces)
    for part in split_message(html, limit=500):
        assert len(part) <= 500
        parse_html(part)


@pytest.mark.parametrize(
    ("reranker", "ending"), [(None, "BM25 lucene."), ("e5", "BM25 lucene, reranked by e5.")]
)
def test_stats_name_the_ranking(reranker: str | None, ending: str) -> None:
    stats = Stats(2, 31, {"ru": 1, "en": 1}, Path("d"), Path("s"), "lucene", reranker)
    assert format_stats(stats) == f"<b>2</b> articles (en 1, ru 1), <b>31</b> sentences; {ending}"


def test_format_context_says_who_says_it() -> None:
    quoted = Attribution("Sergei Lavrov", "the foreign minister", "said", "quote")
    html = format_context(passage(attribution=quoted))
    lines = parse_html(html).split("\n")
    assert lines[0] == "Brent rose 3% after an outage, Reuters reported."
    assert lines[1] == (
        "Who says it: quoting Sergei Lavrov (the foreign minister) · quote, cue “said”"
    )
    assert lines[2].startswith("quoting Sergei Lavrov (the foreign minister) · Oil & gas")
    unattributed = parse_html(format_context(passage(attribution=None)))
    assert unattributed.split("\n")[1] == (
        "Who says it: the outlet's own claim: nothing in or around the sentence attributes it"
    )


def test_the_article_list_says_when_a_date_is_the_day_it_was_added() -> None:
    from retrieval.answers import Article

    def article(published: str | None) -> Article:
        return Article(
            id="a1",
            title="Grain exports rose",
            text="Grain exports rose.",
            url=None,
            outlet="Wire",
            published=published,
            language="en",
            path=Path("seeds/a1.md"),
            content_hash="0",
            added="2026-12-04T10:00:00+00:00",
            sentence_count=1,
        )

    assert format_sources([article("2024-05-03")], 0, 10).endswith(
        "<code>a1</code> Grain exports rose · Wire · 2024-05-03"
    )
    assert format_sources([article(None)], 0, 10).endswith(
        "<code>a1</code> Grain exports rose · Wire · added 2026-12-04"
    )


def test_counted_says_one_in_the_singular() -> None:
    assert [counted(n, "sentence") for n in (0, 1, 2, 12_345)] == [
        "0 sentences",
        "1 sentence",
        "2 sentences",
        "12,345 sentences",
    ]


def test_no_answer_names_the_dates_searched_whatever_its_words() -> None:
    reply = NoAnswer("Nothing on that. Not here", "Try: other words.")
    assert reply.reply() == "Nothing on that. Not here. Try: other words."
    assert reply.reply(Period()) == "Nothing on that. Not here. Try: other words."
    period = Period(since=dt.date(2024, 5, 1), until=dt.date(2024, 5, 31))
    assert reply.reply(period) == (
        "Nothing on that. Not here dated from 2024-05-01 to 2024-05-31. Try: other words."
    )
