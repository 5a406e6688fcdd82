"""Fetching: limits, redirects, content types and address checks, against a local server."""

from __future__ import annotations

import ipaddress

import pytest

from retrieval.errors import FetchError, UnsafeURLError
from retrieval.fetching import FEED_TYPES, FetchConfig, Fetcher, clean_url, is_public
from tests.webserver import Route, WebServer

LOCAL = FetchConfig(allow_private=True, timeout=2.0, connect_timeout=1.0, max_bytes=100_000)


@pytest.fixture
def fetcher() -> Fetcher:
    return Fetcher(LOCAL)


def test_fetches_a_page_with_its_type_and_validators(web: WebServer, fetcher: Fetcher) -> None:
    url = web.page("/news/mayor", "mayor.html", etag='"v1"', last_modified="Fri, 03 May 2024")
    page = fetcher.fetch(url)
    assert (page.url, page.status, page.content_type, page.charset) == (
        url,
        200,
        "text/html",
        "utf-8",
    )
    assert page.body.startswith(b"<!DOCTYPE html>")
    assert (page.etag, page.last_modified, page.not_modified) == ('"v1"', "Fri, 03 May 2024", False)
    assert web.requests("/news/mayor")[0].headers["User-Agent"].startswith("newsdesk/")


def test_conditional_get_answers_not_modified(web: WebServer, fetcher: Fetcher) -> None:
    url = web.page("/feed", "rss.xml", content_type="application/rss+xml", etag='"abc"')
    page = fetcher.fetch(url, accept=FEED_TYPES, etag='"abc"', last_modified="Mon, 20 May 2024")
    assert (page.status, page.not_modified, page.body, page.etag) == (304, True, b"", '"abc"')
    headers = web.requests("/feed")[0].headers
    assert (headers["If-None-Match"], headers["If-Modified-Since"]) == ('"abc"', "Mon, 20 May 2024")


def test_follows_up_to_five_redirects(web: WebServer, fetcher: Fetcher) -> None:
    url = web.page("/final", "floods.html")
    for hop in range(5):
        target = "/final" if hop == 4 else f"/hop{hop + 1}"
        web.routes[f"/hop{hop}"] = Route(status=302, headers={"Location": target})
    page = fetcher.fetch(web.url("/hop0"))
    assert page.url == url
    assert [len(web.requests(f"/hop{n}")) for n in range(5)] == [1, 1, 1, 1, 1]


def test_refuses_a_sixth_redirect(web: WebServer, fetcher: Fetcher) -> None:
    for hop in range(6):
        web.routes[f"/hop{hop}"] = Route(status=301, headers={"Location": f"/hop{hop + 1}"})
    web.page("/hop6", "floods.html")
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(web.url("/hop0"))
    assert (
        str(caught.value) == f"{web.url('/hop0')} redirects more than 5 times; nothing was fetched."
    )
    assert web.requests("/hop6") == []


@pytest.mark.parametrize(
    ("status", "reason"), [(404, "Not Found"), (500, "Internal Server Error"), (410, "Gone")]
)
def test_http_errors_name_the_status(
    web: WebServer, fetcher: Fetcher, status: int, reason: str
) -> None:
    web.routes["/err"] = Route(status=status, body=b"oops")
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(web.url("/err"))
    assert str(caught.value) == f"{web.url('/err')} answered {status} {reason}."


def test_a_slow_answer_times_out(web: WebServer) -> None:
    web.routes["/slow"] = Route(body=b"<p>late</p>", delay=3.0)
    fetcher = Fetcher(FetchConfig(allow_private=True, timeout=0.5))
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(web.url("/slow"))
    assert str(caught.value) == f"{web.url('/slow')} did not answer within 0.5 seconds."


def test_a_body_that_drips_in_hits_the_deadline(web: WebServer) -> None:
    web.routes["/drip"] = Route(body=b"<p>" + b"x" * 2000 + b"</p>", delay=0.2, chunks=10)
    fetcher = Fetcher(FetchConfig(allow_private=True, timeout=0.7))
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(web.url("/drip"))
    assert str(caught.value) in {
        f"{web.url('/drip')} took longer than 0.7 seconds.",
        f"{web.url('/drip')} did not answer within 0.7 seconds.",
    }


def test_an_announced_50_mb_body_is_refused_unread(web: WebServer, fetcher: Fetcher) -> None:
    web.routes["/huge"] = Route(length=50_000_000)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(web.url("/huge"))
    assert str(caught.value) == f"{web.url('/huge')} is 50,000,000 bytes; the limit is 100,000."


def test_an_unannounced_large_body_is_cut_at_the_limit(web: WebServer, fetcher: Fetcher) -> None:
    web.routes["/big"] = Route(body=b"<p>" + b"word " * 50_000 + b"</p>", announce=False)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(web.url("/big"))
    assert str(caught.value) == f"{web.url('/big')} is larger than the limit of 100,000 bytes."


def test_a_wrong_content_type_is_refused(web: WebServer, fetcher: Fetcher) -> None:
    web.routes["/file.pdf"] = Route(body=b"%PDF-1.7", content_type="application/pdf")
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(web.url("/file.pdf"))
    assert str(caught.value) == (
        f"{web.url('/file.pdf')} is application/pdf, not something newsdesk reads; "
        "it reads web pages (HTML or plain text)."
    )


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/a.txt", "data:text/html,hi"],
)
def test_only_http_and_https(url: str, fetcher: Fetcher) -> None:
    with pytest.raises(UnsafeURLError) as caught:
        fetcher.fetch(url)
    assert str(caught.value) == (
        f"{url} is not a web page address; newsdesk fetches http:// and https:// links."
    )


def test_private_addresses_are_refused_by_default(web: WebServer) -> None:
    web.page("/news/mayor", "mayor.html")
    with pytest.raises(UnsafeURLError) as caught:
        Fetcher(FetchConfig()).fetch(web.url("/news/mayor"))
    assert str(caught.value) == (
        f"{web.url('/news/mayor')} leads to a private or local address (127.0.0.1); "
        "newsdesk fetches public web pages only."
    )
    assert web.seen == []


@pytest.mark.parametrize(
    "target", ["http://10.1.2.3/admin", "http://169.254.169.254/latest/meta-data", "http://[::1]/"]
)
def test_a_redirect_to_a_private_address_is_refused(web: WebServer, target: str) -> None:
    # The test's server counts as public here; every other private address does not.
    trusted = ipaddress.ip_address("127.0.0.1")
    fetcher = Fetcher(LOCAL, address_allowed=lambda ip: ip == trusted or is_public(ip))
    web.routes["/go"] = Route(status=302, headers={"Location": target})
    with pytest.raises(UnsafeURLError) as caught:
        fetcher.fetch(web.url("/go"))
    assert "leads to a private or local address" in str(caught.value)
    assert [seen.path for seen in web.seen] == ["/go"]


def test_a_name_is_resolved_once_and_the_checked_address_used(web: WebServer) -> None:
    asked: list[tuple[str, int]] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return ["127.0.0.1"]

    web.page("/news/mayor", "mayor.html")
    port = int(web.base_url.rsplit(":", 1)[1])
    fetcher = Fetcher(LOCAL, resolve=resolve)
    page = fetcher.fetch(f"http://news.test:{port}/news/mayor")
    assert page.url == f"http://news.test:{port}/news/mayor"
    assert asked == [("news.test", port)]
    assert web.requests("/news/mayor")[0].headers["Host"] == f"news.test:{port}"


def test_an_unknown_host_is_a_clear_error() -> None:
    def resolve(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with pytest.raises(FetchError) as caught:
        Fetcher(LOCAL, resolve=resolve).fetch("https://no-such-host.test/a")
    assert str(caught.value) == "no-such-host.test cannot be found; check the link."


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
        ("10.0.0.1", False),
        ("192.168.1.1", False),
        ("127.0.0.1", False),
        ("169.254.169.254", False),
        ("224.0.0.1", False),
        ("239.255.255.250", False),
        ("::1", False),
        ("fe80::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


def test_clean_url_drops_tracking_and_fragment() -> None:
    assert clean_url(
        "HTTPS://Herald.Example/news/a?utm_source=rss&id=5&fbclid=x&utm_medium=feed#top"
    ) == ("https://herald.example/news/a?id=5")
    assert clean_url("https://herald.example") == "https://herald.example/"
