"""Quotations in an article: paired marks, quotes over several sentences and paragraphs.

“…”, "…", ''…'', «…» (with „…“ nested inside) and „…“ are paired within a paragraph; a
quote left open at the end of a paragraph goes on when the next paragraph opens with a
quotation mark (the newspaper convention for a quote that runs over paragraphs), or, for «,
when the next « or » in the three paragraphs after it is a » (no mark reopens it); it ends with
the paragraph otherwise. A paragraph opening with a dash ("— Мы готовы, — сказал он.") is a
line of dialogue: speech up to the author's dash. Marks round a word or two ("the publication
“Verstka”") are names or scare quotes, not speech, unless they end a sentence or follow a
colon ("Лавров: «Решение за Киевом»"): :attr:`Quote.is_speech` tells them apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

_CLOSERS = {"“": '”"', "„": "“”", "«": "»", '"': '"', "‘": "’"}
_OPENERS = frozenset(_CLOSERS)
# German also sets »…«: there » opens and « closes.
_REVERSED_CLOSERS = {**_CLOSERS, "»": "«"}
_REVERSED_OPENERS = frozenset(_REVERSED_CLOSERS)
# Written as literals, not a class, so the regex engine skips to the next mark in C.
_MARK = re.compile(r"''|“|”|„|«|»|\"")
_MARK_OR_SINGLE = re.compile(r"''|“|”|„|«|»|\"|‘|’")  # where a ‘ opens: ’ is mostly an apostrophe
SPEECH_WORDS = 4


class Quote(NamedTuple):
    """The content of one quotation: ``text[start:end]`` without its marks.

    A named tuple, not a frozen dataclass: an article has hundreds and they are made fast.
    """

    start: int
    end: int
    words: int
    sentence: bool
    """Whether it ends as a sentence or a clause does (“…,” / “….”): speech however short."""
    run: int
    """Quotes that continue one another over paragraphs share a run number."""
    dialogue: bool = False
    """A line of dialogue opened by a dash, not by quotation marks."""

    @property
    def is_speech(self) -> bool:
        """Whether it is long enough to be something said, not a name or a scare quote."""
        return self.words >= SPEECH_WORDS or self.sentence


def find_quotes(
    text: str, paragraphs: Sequence[tuple[int, int]], *, reversed_guillemets: bool = False
) -> list[Quote]:
    """Every quotation in the article, in order; ``paragraphs`` are (start, end) offsets.

    ``reversed_guillemets``: »…« is a quotation too (German), not a stray » and «.
    """
    closers_of, openers = (
        (_REVERSED_CLOSERS, _REVERSED_OPENERS) if reversed_guillemets else (_CLOSERS, _OPENERS)
    )
    quotes: list[Quote] = []
    run = 0
    open_at: int | None = None
    closers = ""
    depth = 0
    for number, (p_start, p_end) in enumerate(paragraphs):
        dashed = text.startswith(_DASHES, p_start)
        if open_at is None and dashed and (spoken := _DIALOGUE.match(text, p_start, p_end)):
            # "— Мы готовы. Но не сейчас, — добавил министр.": the line is speech up to the
            # author's dash, which is read as the quote's frame.
            line = _quote(text, spoken.end(), _remark(text, spoken.end(), p_end), run)
            quotes.append(line._replace(dialogue=True))
            run += 1
            continue
        marks = _MARK_OR_SINGLE if text.find("‘", p_start, p_end) >= 0 or closers == "’" else _MARK
        for found in marks.finditer(text, p_start, p_end):
            mark = found.start()
            i = found.end() - 1
            # ''…'' (typewriter doubled apostrophes) stands for "…"
            char = '"' if found.group() == "''" else found.group()
            if open_at is None:
                if char == "”" and i == p_start:
                    char = "“"  # a paragraph opened with the wrong mark still opens a quote
                if char in openers and _opens(text, i, p_start):
                    open_at, closers, depth = i + 1, closers_of[char], 0
            elif char == "«" and closers == "»":
                depth += 1
            elif char in closers and (
                (char != '"' or _closes(text, i, p_end))
                and (char != "’" or _closes_single(text, i, p_end))
            ):
                if depth:
                    depth -= 1
                else:
                    quotes.append(_quote(text, open_at, mark, run))
                    open_at = None
                    run += 1
        if open_at is not None and closers == "’":
            open_at = None  # a ‘ never closed is an apostrophe ("‘90s"), not a quotation
        if open_at is not None:
            following = paragraphs[number + 1][0] if number + 1 < len(paragraphs) else None
            if following is not None and text[following : following + 1] in openers:
                # The quote goes on: skip the next paragraph's opening mark.
                quotes.append(_quote(text, open_at, p_end, run))
                open_at = following + 1
                continue
            if following is not None and closers == "»" and _closed_later(text, paragraphs, number):
                # «… over paragraphs, none of them reopened, closed by a » further on: the
                # Russian and Ukrainian way with a long quote.
                quotes.append(_quote(text, open_at, p_end, run))
                open_at = following
                continue
            quotes.append(_quote(text, open_at, p_end, run))
            open_at = None
            run += 1
    return quotes


_DASHES = ("—", "–", "―")
_DIALOGUE = re.compile(r"[—–―]\s+(?=\S)")
_REMARK = re.compile(r"[,.!?…]\s+[—–―]\s+")


_GUILLEMETS = re.compile(r"[«»]")


def _closed_later(text: str, paragraphs: Sequence[tuple[int, int]], number: int) -> bool:
    """Whether the first « or » of the next three paragraphs is a », closing an open «."""
    for start, end in paragraphs[number + 1 : number + 4]:
        mark = _GUILLEMETS.search(text, start, end)
        if mark is not None:
            return mark.group() == "»"
    return False


def _remark(text: str, start: int, end: int) -> int:
    """Where the author's remark in a dialogue line starts (the line's end if it has none)."""
    found = _REMARK.search(text, start, end)
    return found.start() + 1 if found else end


def _opens(text: str, i: int, p_start: int) -> bool:
    """A straight or curly mark opens a quote at the start of a word, not after one."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1 : i + 2]
    if after == " " and text[i] == "«":
        after = text[i + 2 : i + 3]  # French sets a space inside: « Nous … »
    return not before.isalnum() and after not in {"", " ", "\n"}


def _closes(text: str, i: int, p_end: int) -> bool:
    after = text[i + 1] if i + 1 < p_end else " "
    return not after.isalnum()


def _closes_single(text: str, i: int, p_end: int) -> bool:
    """A ’ closes a ‘…’ quotation after its last punctuation (",’ she said") or after a word
    with no letter after it (‘needless’); not as the apostrophe of "customers’ needs"."""
    before = text[i - 1]
    after = text[i + 1] if i + 1 < p_end else " "
    if after.isalnum():
        return False  # "it’s", "Trump’s"
    return before in ".,!?…" or (before.isalnum() and before not in "sS")


def _quote(text: str, start: int, end: int, run: int) -> Quote:
    content = text[start:end]
    ending = content.rstrip()[-1:]
    words = len(content.split())
    announced = text[max(0, start - 4) : max(0, start - 1)].rstrip().endswith(":")
    spoken = (ending in {".", ",", "!", "?", "…"} and words > 1) or (announced and words > 1)
    return Quote(start, end, words, spoken, run)
