"""What the attribution tests share: an article written as paragraphs split by blank lines.

Every sentence in these tests is written for them in the style of news reports; none is taken
from an annotated corpus or from collected news.
"""

from __future__ import annotations

from retrieval.sentences import SentenceSplitter
from retrieval.sources import Attribution, attribute_article

VERSTKA = Attribution(
    "Verstka", "citing sources in the government and parliament", "according to", "according to"
)
"""The seed's lead source: an outlet citing sources."""


def attribute(
    text: str, language: str, title: str | None = None
) -> list[tuple[str, Attribution | None]]:
    """(sentence, attribution) for an article given as paragraphs split by blank lines."""
    splitter = SentenceSplitter()
    groups = []
    start = 0
    for block in text.split("\n\n"):
        spans = splitter.split_paragraph(text, start, start + len(block), language)
        groups.append([(s.start, s.end) for s in spans])
        start += len(block) + 2
    result = attribute_article(text, groups, language, title=title)
    return [
        (text[s:e], attribution)
        for group, attributions in zip(groups, result, strict=True)
        for (s, e), attribution in zip(group, attributions, strict=True)
    ]


def one(sentence: str, language: str) -> Attribution | None:
    """The attribution of an article of one sentence."""
    [(_, attribution)] = attribute(sentence, language)
    return attribution
