"""Adding articles by link: extraction, seeds, duplicates and errors, against a local server."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.answers import AnswerBase
from retrieval.articles import split_front_matter
from retrieval.errors import DuplicateArticleError, EmptyArticleError, FetchError
from retrieval.fetching import FetchConfig, Fetcher
from tests.webserver import Route, WebServer

MAYOR_TEXT = (
    "Northbridge mayor resigns after audit finds missing funds\n\n"
    "The mayor of Northbridge, Peter Holm, resigned on Friday after an audit found that about "
    "2 million euros of the city budget had been spent without approval, the city council said."
)


@pytest.fixture
def fetcher() -> Fetcher:
    return Fetcher(FetchConfig(allow_private=True, timeout=2.0))


@pytest.fixture
def base(tmp_path: Path) -> Iterator[AnswerBase]:
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", reranker=None) as answer_base:
        yield answer_base


def test_add_url_stores_text_and_metadata(
    web: WebServer, fetcher: Fetcher, base: AnswerBase
) -> None:
    url = web.page("/news/mayor?utm_source=tg", "mayor.html")
    article = base.add_url(url, fetcher)
    assert article.title == "Northbridge mayor resigns after audit finds missing funds"
    assert article.text.startswith(MAYOR_TEXT)
    assert "cookies" not in article.text and "All rights reserved" not in article.text
    assert "dataLayer" not in article.text
    assert (article.url, article.outlet, article.published, article.language) == (
        "https://herald.example/news/2024/05/03/mayor-resigns?id=5",
        "City Herald",
        "2024-05-03",
        "en",
    )
    assert (article.date, article.date_is_added) == ("2024-05-03", False)
    answer = base.search("Who will lead Northbridge until the election?")
    assert answer.passages[0].sentence.startswith("The deputy mayor, Anna Berg, will lead")
    assert answer.passages[0].url == article.url


def test_the_seed_keeps_url_outlet_author_and_date_through_a_reindex(
    web: WebServer, fetcher: Fetcher, base: AnswerBase
) -> None:
    article = base.add_url(web.page("/news/mayor", "mayor.html"), fetcher)
    assert article.author == "Jane Roe"
    meta, text = split_front_matter(article.path.read_text(encoding="utf-8"))
    assert meta == {
        "id": article.id,
        "title": "Northbridge mayor resigns after audit finds missing funds",
        "author": "Jane Roe",
        "url": "https://herald.example/news/2024/05/03/mayor-resigns?id=5",
        "outlet": "City Herald",
        "published": "2024-05-03",
        "language": "en",
        "added": article.added,
    }
    assert text.strip() == article.text
    base.reindex()
    again = base.get(article.id)
    assert (again.url, again.outlet, again.author, again.published, again.added, again.text) == (
        article.url,
        article.outlet,
        "Jane Roe",
        article.published,
        article.added,
        article.text,
    )


def test_a_page_without_a_date_is_dated_by_when_it_was_added(
    web: WebServer, fetcher: Fetcher, base: AnswerBase
) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    article = base.add_url(web.page("/news/floods", "floods.html"), fetcher)
    assert article.published is None
    assert article.outlet == "Valley Post"
    assert article.url == web.url("/news/floods")
    assert dt.datetime.fromisoformat(article.added) >= before
    assert (article.date, article.date_is_added) == (article.added[:10], True)
    meta, _ = split_front_matter(article.path.read_text(encoding="utf-8"))
    assert "published" not in meta
    assert meta["added"] == article.added


def test_plain_text_pages_are_articles_too(
    web: WebServer, fetcher: Fetcher, base: AnswerBase
) -> None:
    url = web.page("/ferry.txt", "harbour.txt", content_type="text/plain; charset=utf-8")
    article = base.add_url(url, fetcher)
    assert (article.title, article.url) == ("Ferry service to Osterholm resumes", url)


def test_the_same_page_by_another_link_is_a_duplicate(
    web: WebServer, fetcher: Fetcher, base: AnswerBase
) -> None:
    first = base.add_url(web.page("/news/mayor", "mayor.html"), fetcher)
    web.page("/amp/mayor", "mayor.html")
    with pytest.raises(DuplicateArticleError) as caught:
        base.add_url(web.url("/amp/mayor"), fetcher)
    assert str(caught.value) == (
        "https://herald.example/news/2024/05/03/mayor-resigns?id=5 is already in the answer "
        f"base as {first.id}."
    )
    assert caught.value.existing_id == first.id
    assert len(base) == 1


def test_a_known_link_is_a_duplicate_before_any_fetch(
    web: WebServer, fetcher: Fetcher, base: AnswerBase
) -> None:
    url = web.page("/news/floods", "floods.html")
    first = base.add_url(url, fetcher)
    with pytest.raises(DuplicateArticleError):
        base.add_url(url + "?utm_campaign=x", fetcher)
    assert len(web.requests("/news/floods")) == 1
    assert base.article_by_url(url + "#comments") == first


def test_the_same_text_at_another_address_is_a_duplicate(
    web: WebServer, fetcher: Fetcher, base: AnswerBase
) -> None:
    first = base.add_url(web.page("/news/floods", "floods.html"), fetcher)
    with pytest.raises(DuplicateArticleError) as caught:
        base.add_url(web.page("/copy/floods", "floods.html"), fetcher)
    assert str(caught.value) == f"this article is already in the answer base as {first.id}."


def test_a_page_with_no_article_text(web: WebServer, fetcher: Fetcher, base: AnswerBase) -> None:
    web.routes["/empty"] = Route(
        body=b"<html><body><nav>Home</nav><script>x()</script></body></html>"
    )
    with pytest.raises(EmptyArticleError) as caught:
        base.add_url(web.url("/empty"), fetcher)
    assert str(caught.value) == (
        f"{web.url('/empty')} has no article text left once site menus, captions and lines in "
        "other languages are set aside; there is nothing to index."
    )
    assert len(base) == 0
    assert list(base.seeds.iterdir()) == []


def test_a_failed_fetch_stores_nothing(web: WebServer, fetcher: Fetcher, base: AnswerBase) -> None:
    with pytest.raises(FetchError) as caught:
        base.add_url(web.url("/missing"), fetcher)
    assert str(caught.value) == f"{web.url('/missing')} answered 404 Not Found."
    assert len(base) == 0
