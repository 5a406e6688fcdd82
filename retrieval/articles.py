"""Articles: files and text in, one clean :class:`~retrieval.drafts.ArticleDraft` out.

Reads ``.txt`` and ``.md`` (with optional ``---`` front matter), ``.html`` / ``.htm`` (main text
and metadata through trafilatura) and ``.json`` (``{"title": ..., "text": ..., "url": ...}``).
The text then becomes a draft in :mod:`retrieval.drafts`: paragraphs and their kinds
(:mod:`retrieval.paragraphs`), title, language and metadata values (:mod:`retrieval.metadata`).
This module is the entry: the names of those modules that callers use are importable from here.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

from retrieval.drafts import (
    MAX_ARTICLE_BYTES,
    MAX_TITLE,
    TEXT_NAME,
    ArticleDraft,
    Paragraph,
    content_hash,
    make_draft,
    normalise_text,
    render_seed,
    too_large,
)
from retrieval.errors import (
    ArticleTooLargeError,
    EmptyArticleError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from retrieval.metadata import (
    METADATA_KEYS,
    language_code,
    metadata_fields,
    normalise_date,
    split_front_matter,
)
from retrieval.paragraphs import KINDS

__all__ = [
    "KINDS",
    "MAX_ARTICLE_BYTES",
    "MAX_TITLE",
    "METADATA_KEYS",
    "SUPPORTED_SUFFIXES",
    "TEXT_NAME",
    "ArticleDraft",
    "Paragraph",
    "content_hash",
    "decode",
    "language_code",
    "make_draft",
    "normalise_date",
    "normalise_text",
    "parse_bytes",
    "parse_file",
    "parse_html",
    "render_seed",
    "split_front_matter",
]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".html", ".htm", ".json"})


def parse_file(path: Path, *, root: Path | None = None) -> ArticleDraft:
    """Read one article file; errors name the file as it was given.

    Only a regular file inside ``root`` (by default the file's own folder) is read: a link
    that leads out of the folder being added, a device or a pipe is refused.
    """
    name = str(path)
    if not path.exists():
        raise UnreadableFileError(f"{name} does not exist.")
    if path.is_dir():
        raise UnreadableFileError(f"{name} is a folder, not an article file.")
    _check_suffix(path.name, name)
    target = path.resolve()
    folder = (root if root is not None else path.absolute().parent).resolve()
    if not target.is_relative_to(folder):
        raise UnreadableFileError(
            f"{name} is a link to {target}, outside {folder}; newsdesk reads only files in the "
            "folder it adds."
        )
    try:
        info = target.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFileError(f"{name} is not a regular file; nothing was added.")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise ArticleTooLargeError(too_large(name, info.st_size))
        data = target.read_bytes()
    except PermissionError as err:
        raise UnreadableFileError(f"{name} cannot be read: permission denied.") from err
    except OSError as err:
        raise UnreadableFileError(f"{name} cannot be read: {err.strerror or err}.") from err
    return _parse(data, suffix=path.suffix.lower(), name=name, source_name=path.name)


def parse_bytes(data: bytes, filename: str) -> ArticleDraft:
    """Read one article from the bytes of an uploaded file; the suffix of ``filename`` decides."""
    _check_suffix(filename, filename)
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleTooLargeError(too_large(filename, len(data)))
    return _parse(data, suffix=Path(filename).suffix.lower(), name=filename, source_name=filename)


def _check_suffix(filename: str, name: str) -> None:
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        what = f"type {suffix}" if suffix else "no file type"
        *most, last = sorted(SUPPORTED_SUFFIXES)
        known = f"{', '.join(most)} and {last}"
        raise UnsupportedFormatError(f"{name} has {what}; newsdesk reads {known} files.")


def _parse(data: bytes, *, suffix: str, name: str, source_name: str) -> ArticleDraft:
    if not data:
        raise EmptyArticleError(f"{name} is empty; there is no article to add.")
    raw = decode(data, name)
    if not raw.strip():
        raise EmptyArticleError(f"{name} contains only blank space; there is no article to add.")
    if suffix in (".html", ".htm"):
        return parse_html(raw, name=name, source_name=source_name)
    if suffix == ".json":
        return _parse_json(raw, name=name, source_name=source_name)
    meta, text = split_front_matter(raw)
    return make_draft(text, **metadata_fields(meta), source_name=source_name)


_BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF")


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else fails."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data:
            raise UnreadableFileError(f"{name} is a binary file, not text; nothing was added.")
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise UnreadableFileError(
            f"{name} is not UTF-8 text; save it as UTF-8 and add it again."
        ) from err
    if any(ch in _CONTROL for ch in text):
        raise UnreadableFileError(f"{name} is a binary file, not text; nothing was added.")
    return text


_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v")


def parse_html(
    raw: str | bytes, *, name: str, source_name: str, url: str | None = None
) -> ArticleDraft:
    """The article in an HTML page, with its title, canonical URL, outlet and date if given.

    ``url`` is where the page came from; the page's own canonical link (or og:url) wins. The
    date comes from the page's metadata only: a year guessed from a copyright line is no date.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        raw,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not isinstance(text, str) or not text.strip():
        raise EmptyArticleError(f"{name} has no article text that newsdesk could find.")
    # trafilatura puts one paragraph per line; blank lines make that explicit.
    text = "\n\n".join(line for line in text.split("\n") if line.strip())
    meta = {
        "title": getattr(doc, "title", None),
        "url": getattr(doc, "url", None),
        "outlet": getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        "published": getattr(doc, "date", None),
        "language": getattr(doc, "language", None),
        "author": getattr(doc, "author", None),
    }
    return make_draft(text, **metadata_fields(meta), source_name=source_name)


def _parse_json(raw: str, *, name: str, source_name: str) -> ArticleDraft:
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as err:
        raise UnreadableFileError(
            f"{name} is not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})."
        ) from err
    fields: dict[str, object] = value if isinstance(value, dict) else {}
    text = fields.get("text")
    if isinstance(text, list) and all(isinstance(part, str) for part in text):
        text = "\n\n".join(text)
    if not isinstance(text, str):
        raise UnsupportedFormatError(
            f'{name} is JSON but not an article: it needs an object with a "text" string, '
            'like {"title": "...", "text": "..."}.'
        )
    if not text.strip():
        raise EmptyArticleError(f'{name} has an empty "text"; there is no article to add.')
    return make_draft(text, **metadata_fields(fields), source_name=source_name)
