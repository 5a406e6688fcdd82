"""Ingest preparation: an article's draft made ready to store, before any lock or write.

The slow part of adding an article — splitting its paragraphs into sentences, telling who
each sentence comes from, analysing the words — needs nothing from the answer base, so it is
done here first, for a whole batch, while questions and other writers go on. What is left
for the base is to number, write and store the :class:`PreparedArticle`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.analysis import analyzer_for
from retrieval.articles import ArticleDraft, content_hash
from retrieval.errors import EmptyArticleError
from retrieval.sentences import SentenceSplitter
from retrieval.sources import attribute_article
from retrieval.store import NewSentence, StoredArticle


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article analysed and ready to store (all the slow work done, nothing written)."""

    draft: ArticleDraft
    content_hash: str
    sentences: tuple[NewSentence, ...]

    def record(
        self, article_id: str, path: str, mtime_ns: int, size: int, added: str
    ) -> StoredArticle:
        """The article's row, for the seed at ``path`` (relative to the seeds folder)."""
        draft = self.draft
        return StoredArticle(
            rowid=0,
            id=article_id,
            path=path,
            mtime_ns=mtime_ns,
            size=size,
            content_hash=self.content_hash,
            title=draft.title,
            text=draft.text,
            url=draft.url,
            outlet=draft.outlet,
            published=draft.published,
            language=draft.language,
            added=draft.added or added,
            paragraphs=tuple((p.start, p.end, p.kind) for p in draft.paragraphs),
            author=draft.author,
        )


def prepare(draft: ArticleDraft, splitter: SentenceSplitter) -> PreparedArticle:
    """Split, attribute and analyse an article; :class:`EmptyArticleError` if nothing is left."""
    analyzer = analyzer_for(draft.language)
    body = [(n, p) for n, p in enumerate(draft.paragraphs) if p.kind == "body"]
    spans = [splitter.split_paragraph(draft.text, p.start, p.end, draft.language) for _, p in body]
    sources = attribute_article(
        draft.text,
        [[(s.start, s.end) for s in group] for group in spans],
        draft.language,
        title=draft.title,
    )
    sentences: list[NewSentence] = []
    for (number, _), group, attributions in zip(body, spans, sources, strict=True):
        for span, source in zip(group, attributions, strict=True):
            terms = analyzer(draft.text[span.start : span.end])
            if not terms:
                continue
            sentences.append(
                NewSentence(
                    position=len(sentences),
                    paragraph=number,
                    start=span.start,
                    end=span.end,
                    attribution=source,
                    terms=tuple(terms),
                )
            )
    if not sentences:
        raise EmptyArticleError(
            f"{draft.source_name} has no sentences to index after cleaning; nothing was added."
        )
    return PreparedArticle(draft, content_hash(draft), tuple(sentences))


@dataclass(frozen=True, slots=True)
class ReadySeed:
    """A prepared article with its id and the seed file it was read from or written to."""

    article: PreparedArticle
    article_id: str
    seed: Path
    mtime_ns: int
    size: int


@dataclass(slots=True)
class SyncBatch:
    """Seeds read by a sync and not yet stored: stored together, a few hundred at a time."""

    rows: list[ReadySeed] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # content hash -> article id
    ids: dict[str, str] = field(default_factory=dict)  # article id -> seed path

    def add(
        self,
        item: PreparedArticle,
        article_id: str,
        file: Path,
        relative: str,
        stat: os.stat_result,
    ) -> None:
        self.rows.append(ReadySeed(item, article_id, file, stat.st_mtime_ns, stat.st_size))
        self.hashes[item.content_hash] = article_id
        self.ids[article_id] = relative

    def take(self) -> list[ReadySeed]:
        rows = self.rows
        self.rows, self.hashes, self.ids = [], {}, {}
        return rows
