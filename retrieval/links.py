"""Links: a fetched web page made into an article draft.

The page's main text, title and metadata come through trafilatura (HTML and XHTML) or are the
text itself (plain text). The URL kept is the page's canonical one (``link rel=canonical`` or
``og:url``, else where the fetch ended), cleaned of tracking parameters, so the same article
reached by two links is recognised as one.
"""

from __future__ import annotations

from dataclasses import replace

from retrieval.articles import ArticleDraft, make_draft, parse_html
from retrieval.errors import EmptyArticleError
from retrieval.fetching import Fetcher, Page, clean_url


def page_draft(page: Page, *, outlet: str | None = None) -> ArticleDraft:
    """The article in a fetched page; ``outlet`` (a feed's name) wins over the page's own."""
    name = page.url
    if page.content_type == "text/plain":
        text = page.body.decode(page.charset or "utf-8", errors="replace")
        if not text.strip():
            raise EmptyArticleError(f"{name} has no article text that newsdesk could find.")
        draft = make_draft(text, url=page.url, outlet=outlet, source_name=name)
    else:
        raw: str | bytes = page.body
        if page.charset:
            try:
                raw = page.body.decode(page.charset)
            except (LookupError, UnicodeDecodeError):
                raw = page.body  # trafilatura guesses the encoding itself
        draft = parse_html(raw, name=name, source_name=name, url=page.url)
        if outlet:
            draft = replace(draft, outlet=outlet)
    url = _canonical(draft.url, page.url)
    return replace(draft, url=url)


def fetch_draft(url: str, fetcher: Fetcher, *, outlet: str | None = None) -> ArticleDraft:
    """Fetch ``url`` and extract its article; :class:`FetchError` or :class:`ArticleError`."""
    return page_draft(fetcher.fetch(url), outlet=outlet)


def _canonical(claimed: str | None, fetched: str) -> str:
    """The page's canonical URL when it is a web address, else the URL it was fetched from."""
    if claimed and claimed.lower().startswith(("http://", "https://")):
        return clean_url(claimed)
    return clean_url(fetched)
