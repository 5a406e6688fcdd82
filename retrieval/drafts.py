"""Drafts: plain text and metadata in, one clean :class:`ArticleDraft` out.

A draft is an article that is not stored yet: its full text (nothing removed, newlines
normalised), its paragraphs with their kinds (:mod:`retrieval.paragraphs`), a title, a language
and its metadata values (:mod:`retrieval.metadata`). :func:`render_seed` writes a draft back as
the seed file that :func:`retrieval.articles.parse_file` reads.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from retrieval.errors import ArticleTooLargeError, EmptyArticleError
from retrieval.languages import detect_language
from retrieval.metadata import language_code, parse_date, quote
from retrieval.paragraphs import is_foreign, pattern_kind, split_paragraphs

TEXT_NAME = "<text>"
MAX_TITLE = 100

MAX_ARTICLE_BYTES = 5_000_000
"""The largest article file or text newsdesk adds (a long news page is well under 1 MB)."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of an article: ``text[start:end]``, and what kind of text it is."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """A parsed, cleaned article that is not stored yet.

    ``text`` is the full text with nothing removed (newlines normalised); ``paragraphs`` say
    which parts of it are the article body.
    """

    text: str
    title: str
    language: str
    paragraphs: tuple[Paragraph, ...]
    url: str | None
    outlet: str | None
    published: str | None
    source_name: str
    added: str | None = None
    """When the article was first stored (ISO date-time, UTC); kept in the seed's front matter."""
    author: str | None = None
    """Who wrote it, when the page or the file says (the byline)."""

    def body(self) -> Iterator[str]:
        """The text of each "body" paragraph, in order."""
        for paragraph in self.paragraphs:
            if paragraph.kind == "body":
                yield self.text[paragraph.start : paragraph.end]


def too_large(name: str, size: int) -> str:
    return (
        f"{name} is {size / 1_000_000:.1f} MB; newsdesk adds articles of at most "
        f"{MAX_ARTICLE_BYTES / 1_000_000:g} MB. Nothing was added."
    )


def make_draft(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
    source_name: str = TEXT_NAME,
    added: str | None = None,
    author: str | None = None,
) -> ArticleDraft:
    """Clean plain text into a draft: paragraphs with kinds, a title, a language.

    Given metadata wins over detection. A date that cannot be read as one is dropped (dates
    typed by hand are checked before, by :func:`retrieval.dates.check_published`). Raises
    :class:`EmptyArticleError` when nothing is left to index.
    """
    name = "The article text" if source_name == TEXT_NAME else source_name
    if len(text) > MAX_ARTICLE_BYTES:
        raise ArticleTooLargeError(too_large(name, len(text.encode("utf-8"))))
    text = normalise_text(text)
    if not text.strip():
        raise EmptyArticleError(f"{name} is empty; there is no article to add.")
    blocks = list(split_paragraphs(text))
    kinds = [pattern_kind(text[start:end]) for start, end, _ in blocks]
    wanted = _language(text, blocks, kinds, language)
    clean_title = _one_line(title) or None if title else None
    heading = _mark_titles(text, blocks, kinds, clean_title)
    final = [kind or "body" for kind in kinds]
    if "body" not in final:
        raise _no_body(name, final, wanted, given=language_code(language) is not None)
    if clean_title is None:
        clean_title = _title_made_up(text, blocks, final, heading)
    paragraphs = tuple(
        Paragraph(start, end, kind) for (start, end, _), kind in zip(blocks, final, strict=True)
    )
    return ArticleDraft(
        text=text,
        title=clean_title,
        language=wanted,
        paragraphs=paragraphs,
        url=url.strip() or None if url else None,
        outlet=outlet.strip() or None if outlet else None,
        published=parse_date(published) if published and published.strip() else None,
        source_name=source_name,
        added=parse_date(added) if added and added.strip() else None,
        author=_one_line(author)[:200] or None if author else None,
    )


def _language(
    text: str, blocks: list[tuple[int, int, bool]], kinds: list[str], language: str | None
) -> str:
    """The article's language: the one given, else detected from the paragraphs that no
    pattern set aside. Paragraphs in another language are marked "foreign" in ``kinds``."""
    wanted = language_code(language)
    detected_from = None
    if wanted is None:
        considered = [text[s:e] for (s, e, _), kind in zip(blocks, kinds, strict=True) if not kind]
        detected_from = "\n".join(considered) or text
        wanted = detect_language(detected_from)
    for number, (start, end, _) in enumerate(blocks):
        paragraph = text[start:end]
        # The text the language was detected from is in it: no second guess (a one-paragraph
        # article would pay for language identification twice).
        if not kinds[number] and paragraph != detected_from and is_foreign(paragraph, wanted):
            kinds[number] = "foreign"
    return wanted


def _mark_titles(
    text: str, blocks: list[tuple[int, int, bool]], kinds: list[str], title: str | None
) -> int | None:
    """Mark the headline and markdown headings "title" in ``kinds``; returns the headline's
    index, if there is one."""
    heading = _title_paragraph(text, blocks, kinds, title)
    if heading is not None:
        kinds[heading] = "title"
    for number, (_, _, is_heading) in enumerate(blocks):
        if is_heading and not kinds[number]:
            kinds[number] = "title"
    return heading


def _no_body(name: str, kinds: list[str], language: str, *, given: bool) -> EmptyArticleError:
    """The error for an article with no "body" paragraph; ``given``: the language was given."""
    if "foreign" in kinds and given:
        return EmptyArticleError(
            f"{name} is not written in the language it is said to be in ({language}); "
            "give the right language or none, and newsdesk will detect it."
        )
    return EmptyArticleError(
        f"{name} has no article text left once site menus, captions and lines in "
        "other languages are set aside; there is nothing to index."
    )


def _title_made_up(
    text: str, blocks: list[tuple[int, int, bool]], kinds: list[str], heading: int | None
) -> str:
    """A title when none was given: the headline's text, else the first body sentence."""
    if heading is not None:
        start, end, _ = blocks[heading]
        return _one_line(text[start:end].lstrip("#"))
    first_body = blocks[kinds.index("body")]
    return _title_from_body(text[first_body[0] : first_body[1]])


def content_hash(draft: ArticleDraft) -> str:
    """SHA-256 (hex) of the body text, whitespace collapsed and casefolded: equal bodies collide."""
    body = " ".join(" ".join(draft.body()).split()).casefold()
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def normalise_text(text: str) -> str:
    """The text with ``\\n`` newlines and no newlines at either end; nothing else changes.

    Spaces, BOMs and Unicode forms are kept as given, so offsets a caller holds into a text
    with ``\\n`` newlines stay valid, and a seed file reads back exactly.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").strip("\n")


def render_seed(draft: ArticleDraft, article_id: str) -> str:
    """The text of the seed file for a stored article: front matter, a blank line, the text.

    :func:`retrieval.articles.parse_file` on it gives back the same text, title, language and
    metadata.
    """
    # A title taken from the first sentence is left out: given back as a title, it would turn
    # a body paragraph that repeats it into a headline, which is not indexed.
    title = None if _title_is_derived(draft) else draft.title
    fields = {"id": article_id, "title": title, "author": draft.author, "url": draft.url}
    fields |= {"outlet": draft.outlet}
    fields |= {"published": draft.published, "language": draft.language, "added": draft.added}
    lines = ["---"]
    lines += [f"{key}: {quote(value)}" for key, value in fields.items() if value is not None]
    lines += ["---", "", draft.text, ""]
    return "\n".join(lines)


def _title_is_derived(draft: ArticleDraft) -> bool:
    """Whether the draft's title is what :func:`make_draft` makes up from its first sentence."""
    if any(paragraph.kind == "title" for paragraph in draft.paragraphs):
        return False
    first = next(draft.body(), None)
    return first is not None and draft.title == _title_from_body(first)


# --------------------------------------------------------------------- titles


def _title_paragraph(
    text: str, blocks: list[tuple[int, int, bool]], kinds: list[str], title: str | None
) -> int | None:
    """Index of the paragraph that is the headline, if any.

    With a given title, that is the paragraph repeating it; without, the first candidate
    paragraph if it looks like a headline (one short line, no full stop) and body follows.
    """
    candidates = [number for number, kind in enumerate(kinds) if not kind]
    if len(candidates) < 2:
        return None  # the only paragraph is the article, whatever its title
    if title is not None:
        wanted = _comparable(title)
        for number in candidates:
            start, end, _ = blocks[number]
            if _comparable(text[start:end].lstrip("#")) == wanted:
                return number
        return None
    first = candidates[0]
    start, end, is_heading = blocks[first]
    line = text[start:end]
    if is_heading:
        return first
    words = len(line.split())
    looks = "\n" not in line and 3 <= words <= 30 and len(line) <= 200
    # A body that opens in lower case continues the line before it: that was no headline.
    after = text[blocks[candidates[1]][0]]
    if looks and not line.endswith((".", ",", ";", ":")) and not after.islower():
        return first
    return None


def _comparable(text: str) -> str:
    return " ".join(text.split()).casefold().strip(" .")


def _one_line(text: str) -> str:
    return " ".join(text.replace("\ufeff", " ").replace("\u200b", " ").split())


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"«“]?[A-ZА-ЯЁІЇЄҐ])")


def _title_from_body(paragraph: str) -> str:
    """A stand-in title: the first sentence of the body, cut at a word near MAX_TITLE."""
    sentence = _one_line(_SENTENCE_END.split(paragraph, maxsplit=1)[0])
    if len(sentence) <= MAX_TITLE:
        return sentence
    cut = sentence[: MAX_TITLE + 1].rsplit(" ", 1)[0].rstrip(" ,;:—–-")
    return cut + "…"
