"""Following feeds: RSS 2.0, RSS 1.0 and Atom from a local server, state after each poll."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.answers import AnswerBase, RetrievalConfig
from retrieval.errors import FeedError
from retrieval.feeds import FeedPoller, FeedsConfig, FeedSpec
from retrieval.fetching import FetchConfig, Fetcher
from tests.webserver import WEB, Route, WebServer

START = dt.datetime(2024, 5, 22, 12, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def web(web: WebServer) -> WebServer:
    web.page("/news/bridge", "bridge.html")
    web.page("/news/strike", "strike.html")
    web.page("/news/floods", "floods.html")
    web.page("/news/mayor", "mayor.html")
    web.page("/rss.xml", "rss.xml", content_type="application/rss+xml", etag='"rss-1"')
    web.page("/atom.xml", "atom.xml", content_type="application/atom+xml")
    web.page("/rdf.xml", "rdf.xml", content_type="application/rdf+xml")
    return web


@pytest.fixture
def base(tmp_path: Path) -> Iterator[AnswerBase]:
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", reranker=None) as answer_base:
        yield answer_base


@pytest.fixture
def clock() -> Clock:
    return Clock()


def poller(base: AnswerBase, clock: Clock, **config: object) -> FeedPoller:
    fetcher = Fetcher(FetchConfig(allow_private=True, timeout=5.0))
    return FeedPoller(base, fetcher, FeedsConfig(**config), clock=clock)  # type: ignore[arg-type]


def test_rss_poll_adds_each_entry_once(web: WebServer, base: AnswerBase, clock: Clock) -> None:
    feeds = poller(base, clock)
    feed = feeds.follow(web.url("/rss.xml"))
    assert (feed.id, feed.url, feed.title, feed.name, feed.entries) == (
        1,
        web.url("/rss.xml"),
        "Harbour Times",
        "Harbour Times",
        0,
    )
    report = feeds.poll()
    [result] = report.results
    assert [a.title for a in result.added] == [
        "Old bridge in Talberg closed to traffic",
        "Dock workers strike at the port of Kessel",
        "Lighthouse keeper retires after 40 years",
    ]
    bridge, strike, lighthouse = result.added
    # A page linked with tracking parameters is stored under its clean address.
    assert (bridge.url, bridge.outlet, bridge.published) == (
        web.url("/news/bridge"),
        "Harbour Times",
        "2024-05-21",
    )
    assert (strike.url, strike.published) == (web.url("/news/strike"), "2024-05-20")
    # The lighthouse entry carries its full text: no page fetched, the entry's date kept.
    assert (lighthouse.url, lighthouse.outlet, lighthouse.published) == (
        web.url("/news/lighthouse"),
        "Harbour Times",
        "2024-05-19T12:00:00+00:00",
    )
    assert web.requests("/news/lighthouse") == []
    assert lighthouse.text.startswith("Henrik Aas, the keeper of the Kessel lighthouse, retired")
    state = result.feed
    assert (state.errors, state.etag, state.entries, state.last_error) == (0, '"rss-1"', 3, None)
    assert (state.last_polled, state.next_poll) == (
        "2024-05-22T12:00:00+00:00",
        "2024-05-22T12:15:00+00:00",
    )
    answer = base.search("Why did the dock workers at Kessel strike?")
    assert answer.passages[0].article_id == strike.id

    # Not due yet: nothing fetched.
    assert feeds.poll().results == ()
    assert len(web.requests("/rss.xml")) == 2  # follow, first poll
    # Due: a conditional GET, answered 304.
    clock.now += dt.timedelta(minutes=15)
    [again] = feeds.poll().results
    assert (again.not_modified, again.added, again.feed.errors) == (True, (), 0)
    assert web.requests("/rss.xml")[-1].headers["If-None-Match"] == '"rss-1"'


def test_a_changed_feed_adds_only_the_new_entry(
    web: WebServer, base: AnswerBase, clock: Clock
) -> None:
    feeds = poller(base, clock)
    feeds.follow(web.url("/rss.xml"))
    feeds.poll()
    rss = (WEB / "rss.xml").read_text().replace("{BASE}", web.base_url)
    item = (
        "<item><title>River Elde floods three villages</title>"
        f"<link>{web.url('/news/floods')}</link><guid>vp-1</guid>"
        "<pubDate>Sun, 12 May 2024 06:00:00 +0000</pubDate></item>"
    )
    web.routes["/rss.xml"] = Route(
        body=rss.replace("<item>", item + "<item>", 1).encode(),
        content_type="application/rss+xml",
        etag='"rss-2"',
    )
    [result] = feeds.poll(everything=True).results
    assert [a.title for a in result.added] == ["River Elde floods three villages"]
    assert (result.skipped, result.feed.etag, result.feed.entries) == (3, '"rss-2"', 4)
    # The floods page has no date of its own: the entry's is kept.
    assert result.added[0].published == "2024-05-12T06:00:00+00:00"
    assert len(web.requests("/news/bridge")) == 1


def test_at_most_max_new_entries_per_poll(web: WebServer, base: AnswerBase, clock: Clock) -> None:
    feeds = poller(base, clock, max_new=2)
    feeds.follow(web.url("/rss.xml"))
    first = feeds.poll().results[0]
    assert [a.title for a in first.added] == [
        "Old bridge in Talberg closed to traffic",
        "Dock workers strike at the port of Kessel",
    ]
    web.routes["/rss.xml"].etag = '"rss-1b"'
    second = feeds.poll(everything=True).results[0]
    assert [a.title for a in second.added] == ["Lighthouse keeper retires after 40 years"]
    assert second.skipped == 2


@pytest.mark.parametrize(
    ("path", "title", "published", "outlet"),
    [
        (
            "/atom.xml",
            "River Elde floods three villages",
            "2024-05-12T06:00:00+00:00",
            "Valley Post",
        ),
        (
            "/rdf.xml",
            "Northbridge mayor resigns after audit finds missing funds",
            "2024-05-03",
            "City Herald",
        ),
    ],
)
def test_atom_and_rss_1_0(
    web: WebServer,
    base: AnswerBase,
    clock: Clock,
    path: str,
    title: str,
    published: str,
    outlet: str,
) -> None:
    feeds = poller(base, clock)
    feeds.follow(web.url(path), outlet=None)
    [result] = feeds.poll().results
    assert [(a.title, a.published, a.outlet) for a in result.added] == [(title, published, outlet)]


def test_a_given_outlet_names_the_articles(web: WebServer, base: AnswerBase, clock: Clock) -> None:
    feeds = poller(base, clock)
    feed = feeds.follow(web.url("/atom.xml"), outlet="VP")
    assert feed.name == "VP"
    [result] = feeds.poll().results
    assert result.added[0].outlet == "VP"


def test_entries_already_stored_are_skipped(web: WebServer, base: AnswerBase, clock: Clock) -> None:
    fetcher = Fetcher(FetchConfig(allow_private=True))
    strike = base.add_url(web.url("/news/strike"), fetcher)
    feeds = poller(base, clock)
    feeds.follow(web.url("/rss.xml"))
    [result] = feeds.poll().results
    assert len(result.added) == 2
    assert result.skipped == 1
    assert len(web.requests("/news/strike")) == 1
    assert strike.id not in [a.id for a in result.added]


def test_failing_feed_backs_off(web: WebServer, base: AnswerBase, clock: Clock) -> None:
    feeds = poller(base, clock, interval_minutes=10)
    feed = feeds.follow(web.url("/rss.xml"))
    web.routes["/rss.xml"] = Route(status=500, body=b"down")
    [failed] = feeds.poll().results
    message = f"{web.url('/rss.xml')} answered 500 Internal Server Error."
    assert (failed.error, failed.feed.errors, failed.feed.last_error) == (message, 1, message)
    assert failed.feed.next_poll == "2024-05-22T12:20:00+00:00"  # 10 minutes, doubled
    clock.now += dt.timedelta(minutes=15)
    assert feeds.poll().results == ()  # still backing off
    clock.now += dt.timedelta(minutes=5)
    [again] = feeds.poll().results
    assert again.feed.errors == 2
    assert again.feed.next_poll == "2024-05-22T13:00:00+00:00"  # 40 minutes after 12:20
    web.page("/rss.xml", "rss.xml", content_type="application/rss+xml")
    clock.now = dt.datetime(2024, 5, 22, 13, 0, tzinfo=dt.UTC)
    [recovered] = feeds.poll().results
    assert (recovered.feed.errors, recovered.feed.last_error, len(recovered.added)) == (0, None, 3)
    assert recovered.feed.next_poll == "2024-05-22T13:10:00+00:00"
    assert feeds.list.get(feed.id).errors == 0


def test_an_entry_whose_page_fails_is_tried_again(
    web: WebServer, base: AnswerBase, clock: Clock
) -> None:
    feeds = poller(base, clock)
    feeds.follow(web.url("/rss.xml"))
    del web.routes["/news/bridge"]
    [result] = feeds.poll().results
    assert result.failed == (
        (web.url("/news/bridge"), f"{web.url('/news/bridge')} answered 404 Not Found."),
    )
    assert len(result.added) == 2
    assert result.feed.etag is None  # so the next poll reads the feed whole
    web.page("/news/bridge", "bridge.html")
    [again] = feeds.poll(everything=True).results
    assert [a.title for a in again.added] == ["Old bridge in Talberg closed to traffic"]


def test_follow_refuses_what_is_not_a_feed(web: WebServer, base: AnswerBase, clock: Clock) -> None:
    feeds = poller(base, clock)
    with pytest.raises(FeedError) as caught:
        feeds.follow(web.url("/news/mayor"))
    assert str(caught.value) == f"{web.url('/news/mayor')} is not an RSS or Atom feed."
    feeds.follow(web.url("/rss.xml"))
    with pytest.raises(FeedError) as again:
        feeds.follow(web.url("/rss.xml"))
    assert str(again.value) == f"{web.url('/rss.xml')} is followed already, as feed 1."
    assert feeds.feeds()[0].url == web.url("/rss.xml")


def test_unfollow(web: WebServer, base: AnswerBase, clock: Clock) -> None:
    feeds = poller(base, clock)
    feed = feeds.follow(web.url("/atom.xml"))
    feeds.poll()
    assert feeds.unfollow(feed.id).url == web.url("/atom.xml")
    assert feeds.feeds() == []
    assert len(base) == 1  # its articles stay
    with pytest.raises(FeedError, match="there is no feed with id 1"):
        feeds.unfollow(1)


def test_feeds_from_the_config_are_followed(web: WebServer, base: AnswerBase, clock: Clock) -> None:
    spec = FeedSpec(web.url("/atom.xml"), "Valley")
    first = poller(base, clock, follow=(spec,))
    assert [(f.url, f.outlet) for f in first.feeds()] == [(web.url("/atom.xml"), "Valley")]
    first.close()
    again = poller(base, clock, follow=(spec,))
    assert len(again.feeds()) == 1


def test_state_survives_a_reindex(web: WebServer, base: AnswerBase, clock: Clock) -> None:
    feeds = poller(base, clock)
    feeds.follow(web.url("/rss.xml"))
    feeds.poll()
    base.reindex()
    web.routes["/rss.xml"].etag = '"rss-1c"'
    [result] = feeds.poll(everything=True).results
    assert (result.added, result.skipped) == ((), 3)


def test_keep_days_prunes_after_a_poll(web: WebServer, base: AnswerBase, clock: Clock) -> None:
    feeds = poller(base, clock, keep_days=2)
    feeds.follow(web.url("/rss.xml"))
    report = feeds.poll()
    assert report.added == 3
    # Clock at 2024-05-22: articles dated before 2024-05-20 go (the lighthouse, 19 May).
    assert [a.title for a in report.pruned] == ["Lighthouse keeper retires after 40 years"]
    assert len(base) == 2


def test_questions_are_answered_while_a_poll_runs(
    web: WebServer, tmp_path: Path, clock: Clock
) -> None:
    # BM25 alone: the reranker's model competes with the poll's extraction for the CPU, and
    # on a busy test machine that measures the machine, not the locking.
    base = AnswerBase.open(
        tmp_path / "quiet", seeds=tmp_path / "quiet-seeds", config=RetrievalConfig(reranker="none")
    )
    fetcher = Fetcher(FetchConfig(allow_private=True))
    base.add_url(web.url("/news/mayor"), fetcher)
    base.search("Who will lead Northbridge until the election?")
    for path in ("/news/bridge", "/news/strike"):
        web.routes[path].delay = 1.0  # slow pages: the poll takes two seconds or more
    feeds = poller(base, clock)
    feeds.follow(web.url("/rss.xml"))
    thread = threading.Thread(target=feeds.poll)
    started = time.perf_counter()
    thread.start()
    latencies = []
    while thread.is_alive():
        before = time.perf_counter()
        answer = base.search("Who will lead Northbridge until the election?")
        latencies.append(time.perf_counter() - before)
        assert answer.found
        time.sleep(0.05)
    thread.join()
    took = time.perf_counter() - started
    assert took >= 2.0
    assert len(latencies) >= 10
    assert max(latencies) < 0.5, latencies
    assert len(base) == 4
    assert feeds.poll().busy is False
    base.close()


def test_one_poll_at_a_time(web: WebServer, base: AnswerBase, clock: Clock) -> None:
    web.routes["/news/bridge"].delay = 1.0
    feeds = poller(base, clock)
    feeds.follow(web.url("/rss.xml"))
    thread = threading.Thread(target=feeds.poll)
    thread.start()
    time.sleep(0.3)
    assert feeds.poll().busy is True
    thread.join()


def test_a_feed_list_that_cannot_be_written(tmp_path: Path) -> None:
    from retrieval.errors import StoreError
    from retrieval.feeds import FeedList

    (tmp_path / "newsdesk.sqlite3").mkdir()  # not a database: sqlite cannot open it
    feeds = FeedList(tmp_path / "newsdesk.sqlite3")
    assert feeds.read_only is not None
    assert feeds.feeds() == []
    with pytest.raises(StoreError, match="no feed was added"):
        feeds.add("https://a.example/rss.xml")
    feeds.close()


def test_an_unexpected_error_on_one_feed_does_not_stop_the_others(
    web: WebServer, base: AnswerBase, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    feeds = poller(base, clock)
    broken = feeds.follow(web.url("/rdf.xml"))
    feeds.follow(web.url("/atom.xml"))
    real = feeds.poll_feed

    def poll_feed(feed: object) -> object:
        if feed.id == broken.id:  # type: ignore[attr-defined]
            raise KeyError("a bug")
        return real(feed)  # type: ignore[arg-type]

    monkeypatch.setattr(feeds, "poll_feed", poll_feed)
    first, second = feeds.poll().results
    assert (first.error, first.feed.errors) == ("unexpected error (KeyError)", 1)
    assert [a.title for a in second.added] == ["River Elde floods three villages"]
