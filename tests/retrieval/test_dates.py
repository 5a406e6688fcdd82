"""Dates: typed dates and periods, hand-given metadata refused, filters and pruning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.answers import AnswerBase, RetrievalConfig
from retrieval.dates import Period, check_published, parse_age, parse_day, split_filters
from retrieval.errors import InvalidMetadataError, QuestionError

NOW = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)

ARTICLES = {
    "march": (
        "2024-03-10",
        "The harbour of Kessel was closed in March after a storm damaged the pier.",
    ),
    "may": ("2024-05-20", "The harbour of Kessel was closed in May during a dock workers strike."),
    "june": (
        "2024-06-01T08:00:00+00:00",
        "The harbour of Kessel was closed again on 1 June for a regatta.",
    ),
}


@pytest.fixture
def base(tmp_path: Path) -> Iterator[AnswerBase]:
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", reranker=None) as answer_base:
        for name, (published, text) in ARTICLES.items():
            answer_base.add(text, article_id=name, published=published)
        yield answer_base


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-01", dt.date(2024, 5, 1)),
        (" 7d ", dt.date(2024, 5, 25)),
        ("12h", dt.date(2024, 6, 1)),
        ("36h", dt.date(2024, 5, 31)),
        ("2w", dt.date(2024, 5, 18)),
        ("3m", dt.date(2024, 3, 3)),
        ("1y", dt.date(2023, 6, 2)),
    ],
)
def test_parse_day(value: str, expected: dt.date) -> None:
    assert parse_day(value, name="since", now=NOW) == expected


@pytest.mark.parametrize("value", ["yesterday", "2024-13-45", "7 days ago", "-7d", ""])
def test_parse_day_refuses(value: str) -> None:
    with pytest.raises(QuestionError) as caught:
        parse_day(value, name="since", now=NOW)
    assert str(caught.value) == (
        f"since {value!r} is not a date; use a day such as 2024-05-01 or an age such as 7d "
        "(days), 12h, 2w or 3m."
    )


def test_parse_age() -> None:
    assert parse_age("90d") == dt.timedelta(days=90)
    with pytest.raises(ValueError, match="'ninety' is not an age"):
        parse_age("ninety")


def test_split_filters() -> None:
    assert split_filters("--since 7d Who closed the harbour?", now=NOW) == (
        "Who closed the harbour?",
        Period(dt.date(2024, 5, 25), None),
    )
    assert split_filters("Who closed it --since=2024-05-01 --until 2024-05-31", now=NOW) == (
        "Who closed it",
        Period(dt.date(2024, 5, 1), dt.date(2024, 5, 31)),
    )
    assert split_filters("Who closed it?", now=NOW) == ("Who closed it?", Period())
    # A phone's smart punctuation makes "--since" a dash.
    assert split_filters("—since 7d Who closed it?", now=NOW) == (
        "Who closed it?",
        Period(dt.date(2024, 5, 25), None),
    )
    assert split_filters("Who closed it –until 2024-05-31", now=NOW)[1] == Period(
        None, dt.date(2024, 5, 31)
    )
    with pytest.raises(QuestionError, match="since 2024-05-31 is after until 2024-05-01"):
        split_filters("--since 2024-05-31 --until 2024-05-01 Who?", now=NOW)


def test_period() -> None:
    may = Period(dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    assert [
        may.contains(d) for d in ("2024-04-30", "2024-05-01", "2024-05-31T23:00", "2024-06-01")
    ] == [False, True, True, False]
    assert (may.describe(), bool(may), bool(Period())) == (
        "from 2024-05-01 to 2024-05-31",
        True,
        False,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-16", "2024-08-16"),
        ("16.08.2024", "2024-08-16"),
        ("2024-08-16T09:30:00Z", "2024-08-16T09:30:00+00:00"),
    ],
)
def test_check_published(value: str, expected: str) -> None:
    assert check_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2024-13-45", "31 февраля 2024"])
def test_check_published_refuses(value: str) -> None:
    with pytest.raises(InvalidMetadataError) as caught:
        check_published(value)
    assert str(caught.value) == (
        f"published date {value!r} is not a date newsdesk can read; write it as 2024-08-16 "
        "(or 2024-08-16T09:30:00+00:00)."
    )


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        (
            {"published": "yesterday"},
            "published date 'yesterday' is not a date newsdesk can read; write it as 2024-08-16 "
            "(or 2024-08-16T09:30:00+00:00).",
        ),
        (
            {"published": "2024-13-45"},
            "published date '2024-13-45' is not a date newsdesk can read; write it as 2024-08-16 "
            "(or 2024-08-16T09:30:00+00:00).",
        ),
        (
            {"published": "1066-10-14"},
            "published date '1066-10-14' is not a plausible publication date (from 1800 to today).",
        ),
        (
            {"language": "klingon"},
            "language 'klingon' is not a language code newsdesk knows; use a two-letter code "
            "such as en, ru or uk, or give none and newsdesk detects it.",
        ),
        (
            {"url": "javascript:alert(1)"},
            "url 'javascript:alert(1)' is not a web address; give one that starts with http:// "
            "or https://.",
        ),
        (
            {"url": "example.com/a"},
            "url 'example.com/a' is not a web address; give one that starts with http:// or https://.",
        ),
    ],
)
def test_hand_given_metadata_is_checked(
    tmp_path: Path, metadata: dict[str, str], message: str
) -> None:
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", reranker=None) as base:
        with pytest.raises(InvalidMetadataError) as caught:
            base.add("The harbour of Kessel was closed after a storm.", **metadata)
        assert str(caught.value) == message
        assert len(base) == 0


def test_hand_given_url_is_cleaned(tmp_path: Path) -> None:
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", reranker=None) as base:
        article = base.add("The pier was closed.", url="https://Port.example/a?utm_source=x&p=1")
        assert article.url == "https://port.example/a?p=1"


def test_unreadable_dates_in_files_are_dropped(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\npublished: last Friday\n---\n\nThe pier was closed.\n")
    with AnswerBase.open(tmp_path / "base", seeds=seeds, reranker=None) as base:
        base.sync()
        assert base.get("a").published is None


def test_search_since_and_until(base: AnswerBase) -> None:
    question = "When was the harbour of Kessel closed?"
    everything = base.search(question, k=5)
    assert sorted(p.article_id for p in everything.passages) == ["june", "march", "may"]
    since_may = base.search(question, k=5, since="2024-05-01")
    assert sorted(p.article_id for p in since_may.passages) == ["june", "may"]
    assert since_may.period == Period(dt.date(2024, 5, 1), None)
    in_may = base.search(question, k=5, since=dt.date(2024, 5, 1), until="2024-05-31")
    at_midnight = dt.datetime(2024, 5, 20, 0, 0, tzinfo=dt.UTC)
    from_the_20th = base.search(question, k=5, since=at_midnight)
    assert sorted(p.article_id for p in from_the_20th.passages) == ["june", "may"]
    assert [p.article_id for p in in_may.passages] == ["may"]
    until_march = base.search(question, k=5, until="2024-03-10")
    assert [p.article_id for p in until_march.passages] == ["march"]
    assert base.search(question, since="2025-01-01").passages == ()
    with pytest.raises(QuestionError, match="since 'soon' is not a date"):
        base.search(question, since="soon")


def test_search_since_an_age_counts_from_now(base: AnswerBase) -> None:
    recent = base.add("The harbour of Kessel was closed today for repairs.", article_id="today")
    answer = base.search("When was the harbour of Kessel closed?", k=5, since="2d")
    assert [p.article_id for p in answer.passages] == [recent.id]


def test_prune_removes_old_articles_and_their_seeds(base: AnswerBase) -> None:
    removed = base.prune(dt.timedelta(days=30), now=NOW)
    assert [a.id for a in removed] == ["march"]
    assert [a.id for a in base.articles()] == ["may", "june"]
    assert not (base.seeds / "march.md").exists()
    answer = base.search("When was the harbour of Kessel closed?", k=5)
    assert sorted(p.article_id for p in answer.passages) == ["june", "may"]
    assert base.prune(dt.timedelta(days=30), now=NOW) == []
    base.sync()
    assert [a.id for a in base.articles()] == ["may", "june"]


def test_prune_gives_the_space_back(tmp_path: Path) -> None:
    config = RetrievalConfig(reranker="none")
    database = tmp_path / "base" / "newsdesk.sqlite3"
    words = " ".join(f"word{n}" for n in range(400))
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", config=config) as base:
        for n in range(60):
            base.add(f"Report {n} on the harbour. {words} {n}.", published="2020-01-01")
    grown = database.stat().st_size  # closed: the write-ahead log is in the file
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", config=config) as base:
        assert len(base.prune(dt.timedelta(days=30))) == 60
        assert list(base.seeds.iterdir()) == []
    assert grown > 500_000
    assert database.stat().st_size < grown / 4
