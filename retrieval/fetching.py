"""Fetching web pages and feeds, safely: one :class:`Fetcher` with limits, and URL cleaning.

A link someone sends the bot is fetched by the bot's own machine, so every request is held
to the same rules:

* only ``http://`` and ``https://``;
* the host's addresses are looked up first, and a private, loopback, link-local, multicast
  or otherwise non-public address is refused (unless ``allow_private``); the connection then
  goes to the address that was checked, so a second DNS answer cannot swap it (the ``Host``
  header and TLS name stay the host's);
* redirects are followed by hand, at most ``max_redirects``, each new address checked again;
* a connect timeout, and a deadline for the whole exchange; at most ``max_bytes`` read;
* only the content types the caller reads (HTML, XHTML and plain text for articles; the XML
  types for feeds); anything else is refused before its body is read.

Errors are :class:`~retrieval.errors.FetchError` with a message fit for a user.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from retrieval.errors import FetchError, UnsafeURLError

if TYPE_CHECKING:  # imported when something is fetched: a question never needs it
    import httpx

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
"""Content types read as articles."""

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "text/html",  # many servers label their feeds so; feedparser decides
    "text/plain",
)
"""Content types read as feeds."""

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_TRACKING = ("utm_", "fbclid", "gclid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "ref_src")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Limits of one fetch; ``[fetch]`` in the config file."""

    connect_timeout: float = 5.0
    timeout: float = 20.0
    """Seconds for the whole exchange, redirects and body included."""
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = False
    """Fetch from private and local addresses too (tests, or a bot on an intranet)."""
    user_agent: str = "newsdesk/0.1 (a news question-answering bot)"


@dataclass(frozen=True, slots=True)
class Page:
    """What a fetch brought back: the final URL, its type and body, and cache validators."""

    url: str
    status: int
    content_type: str
    body: bytes
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """Whether the server answered 304: nothing changed since the validators given."""
        return self.status == 304


def is_public(address: Address) -> bool:
    """Whether an address is on the public internet (not private, local, multicast, reserved)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public(address.ipv4_mapped)
    return address.is_global and not address.is_multicast


def _resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class Fetcher:
    """Fetches one URL at a time under :class:`FetchConfig`; safe to share between threads.

    ``resolve`` and ``address_allowed`` are for tests: a fake DNS, or a policy that lets the
    test's own server pass while still refusing other private addresses.
    """

    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        resolve: Resolver | None = None,
        address_allowed: Callable[[Address], bool] | None = None,
    ) -> None:
        self.config = config or FetchConfig()
        self._resolve = resolve or _resolve
        self._allowed = address_allowed or (
            (lambda _: True) if self.config.allow_private else is_public
        )

    def fetch(
        self,
        url: str,
        *,
        accept: Sequence[str] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Page:
        """GET ``url`` (conditionally, given validators); raise :class:`FetchError` on failure."""
        deadline = time.monotonic() + self.config.timeout
        current = url.strip()
        headers = {
            "User-Agent": self.config.user_agent,
            "Accept": ", ".join(accept) + ", */*;q=0.1",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(self.config.max_redirects + 1):
            target, address = self._check(current)
            client, response = self._send(current, target, address, headers, deadline)
            if response.status_code in _REDIRECTS and "location" in response.headers:
                response.close()
                client.close()
                current = urljoin(current, response.headers["location"])
                continue
            try:
                return self._page(current, response, accept, deadline)
            finally:
                response.close()
                client.close()
        raise FetchError(
            f"{url} redirects more than {self.config.max_redirects} times; nothing was fetched."
        )

    def _check(self, url: str) -> tuple[httpx.URL, str]:
        """The URL to connect to and the checked address of its host."""
        import httpx

        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError):
            raise UnsafeURLError(f"{url!r} is not a valid web address.") from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise UnsafeURLError(
                f"{url} is not a web page address; newsdesk fetches http:// and https:// links."
            )
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        try:
            addresses = self._resolve(parsed.host, port)
        except (OSError, UnicodeError):
            raise FetchError(f"{parsed.host} cannot be found; check the link.") from None
        if not addresses:
            raise FetchError(f"{parsed.host} cannot be found; check the link.")
        for text in addresses:
            address = ipaddress.ip_address(text.split("%", 1)[0])
            if not self._allowed(address):
                raise UnsafeURLError(
                    f"{url} leads to a private or local address ({address}); newsdesk fetches "
                    "public web pages only."
                )
        return parsed, addresses[0]

    def _send(
        self,
        url: str,
        target: httpx.URL,
        address: str,
        headers: dict[str, str],
        deadline: float,
    ) -> tuple[httpx.Client, httpx.Response]:
        import httpx

        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"{url} took longer than {self.config.timeout:g} seconds.")
        timeout = httpx.Timeout(remaining, connect=min(self.config.connect_timeout, remaining))
        host_header = target.netloc.decode("ascii")
        pinned = target.copy_with(host=address)
        client = httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False)
        request = client.build_request(
            "GET",
            pinned,
            headers={**headers, "Host": host_header},
            extensions={"sni_hostname": target.host, "timeout": timeout.as_dict()},
        )
        try:
            response = client.send(request, stream=True)
        except httpx.TimeoutException:
            client.close()
            raise FetchError(
                f"{url} did not answer within {self.config.timeout:g} seconds."
            ) from None
        except httpx.HTTPError as err:
            client.close()
            raise FetchError(f"{url} cannot be reached ({type(err).__name__}).") from None
        return client, response

    def _page(
        self, url: str, response: httpx.Response, accept: Sequence[str], deadline: float
    ) -> Page:
        etag = response.headers.get("etag")
        modified = response.headers.get("last-modified")
        if response.status_code == 304:
            return Page(url, 304, "", b"", None, etag, modified)
        if response.status_code != 200:
            reason = response.reason_phrase or "error"
            raise FetchError(f"{url} answered {response.status_code} {reason}.")
        content_type, charset = _content_type(response.headers.get("content-type", ""))
        if content_type not in accept:
            what = "web pages (HTML or plain text)" if accept == PAGE_TYPES else "RSS or Atom"
            raise FetchError(
                f"{url} is {content_type or 'of no stated type'}, not something newsdesk "
                f"reads; it reads {what}."
            )
        import httpx

        limit = self.config.max_bytes
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise FetchError(f"{url} is {int(length):,} bytes; the limit is {limit:,}.")
        body = bytearray()
        try:
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limit:
                    raise FetchError(f"{url} is larger than the limit of {limit:,} bytes.")
                if time.monotonic() > deadline:
                    raise FetchError(f"{url} took longer than {self.config.timeout:g} seconds.")
        except httpx.TimeoutException:
            raise FetchError(
                f"{url} did not answer within {self.config.timeout:g} seconds."
            ) from None
        except httpx.HTTPError as err:
            raise FetchError(f"{url} broke off ({type(err).__name__}).") from None
        return Page(url, 200, content_type, bytes(body), charset, etag, modified)


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return kind.strip().lower(), charset


def clean_url(url: str) -> str:
    """The URL without tracking parameters (utm_*, fbclid…) and fragment; host in lower case.

    Two links to one article compare equal after this; newsdesk stores and compares URLs so.
    """
    parts = urlsplit(url.strip())
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith(_TRACKING)
    ]
    path = parts.path or "/"
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query, doseq=True), "")
    )


def check_url(url: str) -> str:
    """A URL given by hand: http(s) with a host, cleaned; else :class:`InvalidMetadataError`."""
    from retrieval.errors import InvalidMetadataError

    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidMetadataError(
            f"url {url!r} is not a web address; give one that starts with http:// or https://."
        )
    return clean_url(url)
