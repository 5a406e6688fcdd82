"""Articles: files and text in, one clean :class:`ArticleDraft` out.

Reads ``.txt`` and ``.md`` (with optional ``---`` front matter), ``.html`` / ``.htm`` (main text
and metadata through trafilatura) and ``.json`` (``{"title": ..., "text": ..., "url": ...}``).

Scraped text carries more than the article: site menus ("Close this search box."), photo
captions and credits, a caption in another language. None of it is thrown away, because the
stored article must be the text as it was given; instead every paragraph gets a *kind*, and only
"body" paragraphs are indexed and can become answers:

    body     the article itself
    title    the headline (or a markdown heading)
    chrome   site furniture: search boxes, share buttons, cookie notices, separators
    caption  photo captions and credits ("… Photo: AP", "Фото: Reuters")
    foreign  a paragraph in another language or script than the article
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from retrieval.errors import (
    ArticleTooLargeError,
    EmptyArticleError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from retrieval.languages import detect_language, guess_language, script_of, script_of_language

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".html", ".htm", ".json"})

KINDS = frozenset({"body", "title", "chrome", "caption", "foreign"})
METADATA_KEYS = ("title", "author", "url", "outlet", "published", "language", "added")

TEXT_NAME = "<text>"
MAX_TITLE = 100


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


# --------------------------------------------------------------------------- reading files


MAX_ARTICLE_BYTES = 5_000_000
"""The largest article file or text newsdesk adds (a long news page is well under 1 MB)."""


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
            raise ArticleTooLargeError(_too_large(name, info.st_size))
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
        raise ArticleTooLargeError(_too_large(filename, len(data)))
    return _parse(data, suffix=Path(filename).suffix.lower(), name=filename, source_name=filename)


def _too_large(name: str, size: int) -> str:
    return (
        f"{name} is {size / 1_000_000:.1f} MB; newsdesk adds articles of at most "
        f"{MAX_ARTICLE_BYTES / 1_000_000:g} MB. Nothing was added."
    )


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
    return make_draft(text, **_metadata(meta), source_name=source_name)


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
    return make_draft(text, **_metadata(meta), source_name=source_name)


_ALIASES = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "sitename", "publisher"),
    "published": ("published", "date", "published_at", "pubdate"),
    "language": ("language", "lang"),
    "added": ("added",),
    "author": ("author", "byline", "creator"),
}


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
    return make_draft(text, **_metadata(fields), source_name=source_name)


# --------------------------------------------------------------------------- front matter

_FRONT_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s?(.*)$")


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Split ``---``-fenced ``key: value`` lines off the top of a text.

    Values may be quoted ('…' or "…"). Text that does not open with a well-formed block is
    returned whole, with no metadata.
    """
    text = raw.lstrip("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, raw
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[number + 1 :])
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _FRONT_LINE.match(line)
        if match is None:
            return {}, raw
        meta[match.group(1).lower()] = _unquote(match.group(2).strip())
    return {}, raw


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            loaded = json.loads(value)
        except json.JSONDecodeError:
            return value[1:-1]
        return loaded if isinstance(loaded, str) else value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _quote(value: str) -> str:
    plain = value == value.strip() and not value.startswith(("'", '"', "#")) and value != ""
    return value if plain else json.dumps(value, ensure_ascii=False)


def _metadata(fields: Mapping[str, object]) -> dict[str, str | None]:
    """The metadata make_draft takes, from front matter, JSON or trafilatura fields.

    Common other names count too ("date" for published, "source" for outlet...); values that
    are not text or a number are ignored.
    """
    out: dict[str, str | None] = {}
    for key, aliases in _ALIASES.items():
        values = (fields.get(alias) for alias in aliases)
        found = next(
            (v for v in values if isinstance(v, str | int | float) and str(v).strip()), None
        )
        out[key] = str(found).strip() if found is not None else None
    return out


def render_seed(draft: ArticleDraft, article_id: str) -> str:
    """The text of the seed file for a stored article: front matter, a blank line, the text.

    :func:`parse_file` on it gives back the same text, title, language and metadata.
    """
    # A title taken from the first sentence is left out: given back as a title, it would turn
    # a body paragraph that repeats it into a headline, which is not indexed.
    title = None if _title_is_derived(draft) else draft.title
    fields = {"id": article_id, "title": title, "author": draft.author, "url": draft.url}
    fields |= {"outlet": draft.outlet}
    fields |= {"published": draft.published, "language": draft.language, "added": draft.added}
    lines = ["---"]
    lines += [f"{key}: {_quote(value)}" for key, value in fields.items() if value is not None]
    lines += ["---", "", draft.text, ""]
    return "\n".join(lines)


def _title_is_derived(draft: ArticleDraft) -> bool:
    """Whether the draft's title is what :func:`make_draft` makes up from its first sentence."""
    if any(paragraph.kind == "title" for paragraph in draft.paragraphs):
        return False
    first = next(draft.body(), None)
    return first is not None and draft.title == _title_from_body(first)


# --------------------------------------------------------------------------- drafts


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
        raise ArticleTooLargeError(_too_large(name, len(text.encode("utf-8"))))
    text = normalise_text(text)
    if not text.strip():
        raise EmptyArticleError(f"{name} is empty; there is no article to add.")
    blocks = list(_split_paragraphs(text))
    kinds = [_pattern_kind(text[start:end]) for start, end, _ in blocks]

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
        if not kinds[number] and paragraph != detected_from and _is_foreign(paragraph, wanted):
            kinds[number] = "foreign"

    clean_title = _one_line(title) or None if title else None
    heading = _title_paragraph(text, blocks, kinds, clean_title)
    if heading is not None:
        kinds[heading] = "title"
    for number, (_, _, is_heading) in enumerate(blocks):
        if is_heading and not kinds[number]:
            kinds[number] = "title"
    final = [kind or "body" for kind in kinds]
    if "body" not in final and "foreign" in final and language_code(language):
        raise EmptyArticleError(
            f"{name} is not written in the language it is said to be in ({wanted}); "
            "give the right language or none, and newsdesk will detect it."
        )
    if "body" not in final:
        raise EmptyArticleError(
            f"{name} has no article text left once site menus, captions and lines in "
            "other languages are set aside; there is nothing to index."
        )
    if clean_title is None:
        if heading is not None:
            start, end, _ = blocks[heading]
            clean_title = _one_line(text[start:end].lstrip("#"))
        else:
            first_body = blocks[final.index("body")]
            clean_title = _title_from_body(text[first_body[0] : first_body[1]])
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
        published=_parse_date(published) if published and published.strip() else None,
        source_name=source_name,
        added=_parse_date(added) if added and added.strip() else None,
        author=_one_line(author)[:200] or None if author else None,
    )


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


# --------------------------------------------------------------------------- paragraphs

# The visible part of one line: a BOM or zero-width space at its edges is not text either.
_LINE = re.compile(r"[^\s\ufeff\u200b](?:[^\n]*[^\s\ufeff\u200b])?")
_HEADING = re.compile(r"#{1,6}\s+\S")
_LIST_ITEM = re.compile(r"(?:[-*•–]|\d{1,3}[.)])\s+\S")
_TERMINAL = tuple(".!?…:;\"'»”)")


def _split_paragraphs(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_markdown_heading) per paragraph.

    Blank lines separate paragraphs. Inside a block, each line is a paragraph of its own
    (scraped text puts one paragraph per line) unless the block is prose hard-wrapped at a
    fixed width, which stays whole.
    """
    block: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if block and text.count("\n", block[-1][1], line.start()) > 1:
            yield from _block_paragraphs(text, block)
            block = []
        block.append(line.span())
    if block:
        yield from _block_paragraphs(text, block)


def _block_paragraphs(text: str, lines: list[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    for group in _group_wrapped(text, lines):
        start, end = group[0][0], group[-1][1]
        yield start, end, bool(_HEADING.match(text, start))


def _group_wrapped(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    lengths = [end - start for start, end in lines]
    width = max(lengths)
    wrapped = (
        len(lines) >= 2
        and 40 <= width <= 100
        and all(length >= width * 0.5 for length in lengths[:-1])
    )
    groups: list[list[tuple[int, int]]] = []
    for start, end in lines:
        line = text[start:end]
        own = (
            not groups
            or not wrapped
            or bool(_HEADING.match(line) or _LIST_ITEM.match(line) or _pattern_kind(line))
            or bool(_pattern_kind(text[groups[-1][-1][0] : groups[-1][-1][1]]))
        )
        if own:
            groups.append([(start, end)])
        else:
            groups[-1].append((start, end))
    return groups


# --------------------------------------------------------------------------- kinds

_CHROME_LINE = re.compile(
    r"""(?ix)
    close\ this\ search\ box | search(\ for)? | (main\ )?menu | navigation | home(\ page)?
    | skip\ to(\ (main|the))?\ content | (back|scroll)\ to\ top | loading\.* | print(\ this)?
    | share(\ this)?(\ article|\ story|\ post|\ page)?(\ on\ \w+)?
    | ((facebook|twitter|x|telegram|whatsapp|linkedin|email|e-mail|viber|reddit)[\s|·•,/]*){1,8}
    | (subscribe|sign\ up|join)\b.{0,80} | follow\ us\b.{0,60}
    | (read|see)\ (more|also)\b.{0,120} | related(\ (articles|stories|news|posts))?
    | more\ from\ .{0,60} | most\ (read|popular|viewed) | recommended(\ for\ you)?
    | advertisement | sponsored(\ content)? | ad | (log|sign)\ ?(in|out) | register | my\ account
    | (\d+\ )?comments?(\ \(\d+\))? | leave\ a\ (comment|reply)
    | (last\ )?(updated|published|опубликовано|обновлено|опубліковано|оновлено)
      (\ on|\ at)?\ *:?\ *[^!?]{0,40}\d[^!?]{0,20}
    | (tags?|topics?|categories|category|filed\ under)\ *:.{0,200}
    | .{0,80}all\ rights\ reserved.{0,80} | ©.{0,120} | copyright\ .{0,120}
    | (accept|reject|allow)(\ all)?(\ cookies)? | (cookie|privacy)\ (settings|preferences|policy)
    | поделиться | поділитися | читайте\ (также|тоже|також)\b.{0,120} | подробнее | детальніше
    | (подписывайтесь|подпишитесь|підписуйтесь|підпишіться)\b.{0,100} | реклама
    | закрыть | закрити | поиск | пошук | меню | главная | головна | (все|всі)\ новости
    | (все|всі)\ новини | комментарии | коментарі | теги\ *:.{0,200}
    """
)
_BYLINE = re.compile(
    r"(?:By|BY|Author:|Автор:?|Авторка:?)\s+[A-ZА-ЯЁІЇЄҐ][\w'’.-]+"
    r"(?:,?\s+(?:and\s+|и\s+|і\s+)?[A-ZА-ЯЁІЇЄҐ][\w'’.-]+){0,5}"
)
_COOKIES = re.compile(
    r"(?i)\b(we|this (web)?site|our (web)?site)\s+uses?\s+cookies\b"
    r"|\baccept (all )?cookies\b|\bcookie (policy|settings|preferences)\b"
    r"|\b(использует|використовує)\s+(файлы\s+)?cookie"
)
_CREDIT_WORD = (
    r"(photo(graph)?s?|image|picture|pic|illustration|video|credit|фото|світлина|ілюстрація"
    r"|иллюстрация|видео|відео)"
)
_CAPTION = re.compile(
    rf"(?ix)"
    rf"^{_CREDIT_WORD}(\s+credit)?\s*[:：—–-]"  # Photo: AP  /  Фото — Reuters
    rf"| \b{_CREDIT_WORD}(\s+credit)?\s*[:：]\s*[^.!?]{{1,80}}\.?$"  # … Photo: AR
    rf"| \b{_CREDIT_WORD}\s+(by|courtesy\s+of)\s+[^.!?]{{1,60}}\)?\.?$"  # (Photo by …)
    r"| \b(via\s+)?getty\s+images\b | \bshutterstock\b | \bap\s+photo\b"
    r"| \b(reuters|afp|epa(-efe)?|ap|tass|тасс|anadolu|ria\ novosti|риа\ новости)\s*/"
    r"\s*\w[\w.'-]*(\s+\w[\w.'-]*){0,3}\s*\)?\.?$"  # … REUTERS/Maxim Shemetov
    r"| [/|©]\s*(reuters|afp|epa|ap|tass|тасс|getty|anadolu|укрінформ|униан|уніан)\s*\.?$"
    r"| ^(ілюстративне\ фото|фото\ ілюстративне|иллюстративное\ фото)"
)
MAX_CHROME = 400
MAX_CAPTION = 250


def _pattern_kind(paragraph: str) -> str:
    """ "chrome" or "caption" when the paragraph's own text says so, else ""."""
    line = " ".join(paragraph.split())
    if not any(ch.isalnum() for ch in line):
        return "chrome"  # separators such as "* * *" or "—"
    if len(line) <= MAX_CHROME:
        bare = line.rstrip(" .!?:…>»→|")
        if _CHROME_LINE.fullmatch(bare) or _BYLINE.fullmatch(bare) or _COOKIES.search(line):
            return "chrome"
        if len(bare) <= 40 and any(ch.isdigit() for ch in bare) and _parse_date(bare):
            return "chrome"  # a dateline on its own
    if len(line) <= MAX_CAPTION and _CAPTION.search(line):
        return "caption"
    return ""


FOREIGN_MIN_LETTERS = 30
FOREIGN_CERTAINTY = 0.98


def _is_foreign(paragraph: str, language: str) -> bool:
    """Whether a paragraph is written in another script or (surely) another language."""
    script = script_of(paragraph)
    if script is None:
        return False
    if script != script_of_language(language):
        return True
    if sum(ch.isalpha() for ch in paragraph) < FOREIGN_MIN_LETTERS:
        return False
    guess = guess_language(paragraph)
    return guess is not None and guess[0] != language and guess[1] >= FOREIGN_CERTAINTY


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


# --------------------------------------------------------------------------- metadata values

_LANGUAGE_NAMES = {
    "english": "en",
    "russian": "ru",
    "ukrainian": "uk",
    "русский": "ru",
    "українська": "uk",
    "украинский": "uk",
    "російська": "ru",
    "ua": "uk",
}
_LANGUAGE_CODE = re.compile(r"([a-z]{2})(?:[-_][A-Za-z0-9]+)?")


def language_code(language: str | None) -> str | None:
    """An ISO 639-1 code from "en", "en-GB", "English"...; None when it is not one."""
    if not language:
        return None
    value = language.strip()
    named = _LANGUAGE_NAMES.get(value.casefold())
    if named:
        return named
    match = _LANGUAGE_CODE.fullmatch(value.lower())
    return match.group(1) if match else None


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("января", "январь", "січня", "січень"),
            ("февраля", "февраль", "лютого", "лютий"),
            ("марта", "март", "березня", "березень"),
            ("апреля", "апрель", "квітня", "квітень"),
            ("мая", "май", "травня", "травень"),
            ("июня", "июнь", "червня", "червень"),
            ("июля", "июль", "липня", "липень"),
            ("августа", "август", "серпня", "серпень"),
            ("сентября", "сентябрь", "вересня", "вересень"),
            ("октября", "октябрь", "жовтня", "жовтень"),
            ("ноября", "ноябрь", "листопада", "листопад"),
            ("декабря", "декабрь", "грудня", "грудень"),
        ],
        start=1,
    )
    for name in names
}
_CYRILLIC_DATE = re.compile(r"(\d{1,2})\s+([а-яіїєґё]+)\s+(\d{4})(?:\s*(?:г\.?|р\.?|року|года))?")
_DATE_FORMATS = ("%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")
_DATETIME_FORMATS = ("%d.%m.%Y %H:%M", "%B %d, %Y %H:%M", "%Y/%m/%d %H:%M")


def normalise_date(value: str) -> str:
    """An ISO date ("2024-08-16") or date-time when ``value`` is a date we can read; else as is."""
    return _parse_date(value) or value.strip()


def _parse_date(value: str) -> str | None:
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return parsed.date().isoformat() if len(text) <= 10 else parsed.isoformat()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    for pattern in _DATETIME_FORMATS:
        try:
            return datetime.strptime(text, pattern).isoformat()
        except ValueError:
            continue
    match = _CYRILLIC_DATE.fullmatch(text.lower())
    if match and match.group(2) in _MONTHS:
        try:
            return date(
                int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1))
            ).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None
