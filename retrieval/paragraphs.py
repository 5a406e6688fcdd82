"""Paragraphs: where an article's text splits, and what kind of text each paragraph is.

Scraped text carries more than the article: site menus ("Close this search box."), photo
captions and credits, a caption in another language. None of it is thrown away, because the
stored article must be the text as it was given; instead every paragraph gets a *kind*, and only
"body" paragraphs are indexed and can become answers:

    body     the article itself
    title    the headline (or a markdown heading)
    chrome   site furniture: search boxes, share buttons, cookie notices, separators
    caption  photo captions and credits ("… Photo: AP", "Фото: Reuters")
    foreign  a paragraph in another language or script than the article

This module finds the split and the kinds a paragraph's own text shows ("chrome", "caption",
"foreign"); :func:`retrieval.drafts.make_draft` picks the title and calls the rest "body".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from retrieval.languages import guess_language, script_of, script_of_language
from retrieval.metadata import parse_date

KINDS = frozenset({"body", "title", "chrome", "caption", "foreign"})


# ------------------------------------------------------------------ splitting

# The visible part of one line: a BOM or zero-width space at its edges is not text either.
_LINE = re.compile(r"[^\s\ufeff\u200b](?:[^\n]*[^\s\ufeff\u200b])?")
_HEADING = re.compile(r"#{1,6}\s+\S")
_LIST_ITEM = re.compile(r"(?:[-*•–]|\d{1,3}[.)])\s+\S")
_TERMINAL = tuple(".!?…:;\"'»”)")


def split_paragraphs(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_markdown_heading) per paragraph.

    Blank lines separate paragraphs. Inside a block, each line is a paragraph of its own
    (scraped text puts one paragraph per line) unless the block is prose hard-wrapped at a
    fixed width, which stays whole, or the line starts with a lower-case letter: that is a
    sentence going on after a line break. :mod:`retrieval.sentences` splits by the same rule,
    so no sentence ever crosses a paragraph.
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
            or not (wrapped or line[:1].islower())
            or bool(_HEADING.match(line) or _LIST_ITEM.match(line) or pattern_kind(line))
            or bool(pattern_kind(text[groups[-1][-1][0] : groups[-1][-1][1]]))
        )
        if own:
            groups.append([(start, end)])
        else:
            groups[-1].append((start, end))
    return groups


# ---------------------------------------------------------------------- kinds

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


def pattern_kind(paragraph: str) -> str:
    """ "chrome" or "caption" when the paragraph's own text says so, else ""."""
    line = " ".join(paragraph.split())
    if not any(ch.isalnum() for ch in line):
        return "chrome"  # separators such as "* * *" or "—"
    if len(line) <= MAX_CHROME:
        bare = line.rstrip(" .!?:…>»→|")
        if _CHROME_LINE.fullmatch(bare) or _BYLINE.fullmatch(bare) or _COOKIES.search(line):
            return "chrome"
        if len(bare) <= 40 and any(ch.isdigit() for ch in bare) and parse_date(bare):
            return "chrome"  # a dateline on its own
    if len(line) <= MAX_CAPTION and _CAPTION.search(line):
        return "caption"
    return ""


FOREIGN_MIN_LETTERS = 30
FOREIGN_CERTAINTY = 0.98


def is_foreign(paragraph: str, language: str) -> bool:
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
