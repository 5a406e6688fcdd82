"""The one exception tree of newsdesk.

Every error newsdesk raises on purpose is a :class:`NewsdeskError`; its message is written
to be shown to a user as it is (no traceback, no internals). Front ends convert these at
their edge only: the console prints the message and exits non-zero, the Telegram bot
replies with it.

    NewsdeskError
    ├── ConfigError            broken or invalid configuration
    ├── QuestionError          a question that cannot be asked (empty, too long)
    ├── ArticleError           an article that cannot be added
    │   ├── UnreadableFileError    missing, unreadable, binary or undecodable file
    │   ├── UnsupportedFormatError file type newsdesk does not read
    │   ├── ArticleTooLargeError   larger than newsdesk adds (MAX_ARTICLE_BYTES)
    │   ├── EmptyArticleError      no text left after parsing and cleaning
    │   ├── DuplicateArticleError  the same text (or page) is already in the answer base
    │   └── InvalidMetadataError   a date, language or URL given by hand that is not one
    ├── ArticleNotFoundError   no article with that id
    ├── FetchError             a page or feed that cannot be fetched (404, timeout, too large…)
    │   └── UnsafeURLError         not http(s), or it leads to a private or local address
    ├── FeedError              not a feed, or no feed with that id
    └── StoreError             the answer base on disk is damaged or locked
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of all errors newsdesk raises on purpose; ``str(err)`` is fit for a user."""


class ConfigError(NewsdeskError):
    """The configuration file or an environment override is invalid."""


class QuestionError(NewsdeskError):
    """The question cannot be asked as it is (empty, too long, nothing to search for)."""


class ArticleError(NewsdeskError):
    """An article cannot be added; nothing was stored."""


class UnreadableFileError(ArticleError):
    """A file is missing, unreadable, binary, or not in a known text encoding."""


class UnsupportedFormatError(ArticleError):
    """A file has a type newsdesk does not read."""


class ArticleTooLargeError(ArticleError):
    """An article file or text is larger than newsdesk adds."""


class EmptyArticleError(ArticleError):
    """Parsing and cleaning left no text to index."""


class DuplicateArticleError(ArticleError):
    """The article's text is already stored; ``existing_id`` names the stored copy."""

    def __init__(self, message: str, existing_id: str) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class InvalidMetadataError(ArticleError):
    """A published date, language or URL given by hand is not valid; nothing was stored."""


class ArticleNotFoundError(NewsdeskError):
    """No article has the given id."""


class StoreError(NewsdeskError):
    """The answer base on disk is damaged, locked, or of an unknown version."""


class FetchError(NewsdeskError):
    """A web page or feed could not be fetched, or is not something newsdesk reads."""


class UnsafeURLError(FetchError):
    """The URL is not http(s), or it (or a redirect) leads to a private or local address."""


class FeedError(NewsdeskError):
    """A feed cannot be followed (not RSS or Atom), or no feed has the given id."""
