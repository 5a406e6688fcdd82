"""Reported sources: who an article says each sentence comes from.

:func:`attribute_article` reads a whole article (quotes over several sentences and paragraphs,
speakers introduced earlier, pronouns) and gives each sentence its :class:`Attribution`, or
``None`` for the outlet's own claim; :func:`describe` is the line a reader is shown.
"""

from __future__ import annotations

from retrieval.sources.engine import attribute_article
from retrieval.sources.record import (
    ATTRIBUTION_VERSION,
    KINDS,
    NOT_NAMED,
    UNNAMED,
    Attribution,
    Kind,
    describe,
    explain,
    kind_of,
)

__all__ = [
    "ATTRIBUTION_VERSION",
    "KINDS",
    "NOT_NAMED",
    "UNNAMED",
    "Attribution",
    "Kind",
    "attribute_article",
    "describe",
    "explain",
    "kind_of",
]
