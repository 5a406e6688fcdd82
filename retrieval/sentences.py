"""Split article text into sentences that keep their character offsets.

Paragraphs first, then sentences: a text is cut into blocks at line breaks (a single line
break that continues a sentence in lower case is not a cut), and each block goes through
NLTK's Punkt with parameters that ship with newsdesk (``retrieval/data/punkt_abbreviations.json``:
hand-curated abbreviations, titles, number abbreviations and frequent sentence starters for
English, Russian and Ukrainian). Nothing is ever downloaded: NLTK's ``punkt_tab`` models are
merged in only when they are already installed on the machine.

A few general rules then fix what plain Punkt gets wrong in news text (each kept only where
tests/benchmarks/splitter.py showed it pays):

- a title or name prefix ("Gen.", "Lt.", "ул.", "им.") never ends a sentence;
- a sentence never starts with closing or clause punctuation ("!!!", "”", ";", ":)");
- a lower-case word after a quoted question ('"What?" asks Winston') or after a period
  that closes an initial or a dotted abbreviation ("e.g.", "т.е.") continues the sentence;
- in German, an ordinal's period ("am 28. Februar", "im 19. Jahrhundert", "der 2. Weltkrieg")
  does not end the sentence;
- an abbreviation or unit ("etc.", "1912 г.", "18 км.") followed by a frequent sentence
  starter or, in Russian and Ukrainian, by a word that pymorphy3's dictionary knows only as
  a common word ("Умер", "Цветки") ends the sentence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrieval.analysis import morphology
from retrieval.paragraphs import split_paragraphs

if TYPE_CHECKING:  # NLTK is imported when a text is first split: a question never needs it
    from nltk.tokenize.punkt import PunktParameters

__all__ = ["DATA_FILE", "SentenceSplitter", "Span"]

_DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILE = "punkt_abbreviations.json"
"""Name of the curated Punkt parameters inside ``retrieval/data/``."""

# NLTK's punkt_tab model directory for each language code, used only when installed.
_PUNKT_TAB_MODELS = {"en": "english", "ru": "russian"}

# Latin names and abbreviations ("U.S.", "Inc.") turn up in Cyrillic news too.
_EXTRA_LANGUAGES = {"ru": ("en",), "uk": ("en", "ru")}

# Block boundaries: a blank line always; a single line break unless the next line goes on
# in lower case (a hard-wrapped sentence).

_OPENERS = "\"'“‘«„([{"
_CLOSERS = "\"'”’»)]}"
_NOT_A_START = re.compile(r"[?!…,;:)\]}”»]")
_ABBREVIATION_MAX = 1
_WINDOW = 200
_ABBREVIATION_CONTEXT = re.compile(
    rf"(?P<word>[^\s.]\S*?)\.[{re.escape(_CLOSERS)}]*"
    rf"(?=\s+(?P<open>[{re.escape(_OPENERS)}]*)(?P<next>\w[\w-]*)(?P<dot>\.?))"
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_NUMBER_BEFORE = re.compile(r"(?:\d|\b[IVXLC]+)\s*$")
_MORPHOLOGY_LANGUAGES = {"ru": "ru", "uk": "uk"}
# German writes ordinal numbers with a period ("am 28. Februar", "im 19. Jahrhundert", "der
# 2. Weltkrieg"): such a period ends no sentence when a month or "Jahrhundert" follows, or an
# article or preposition comes before the number.
_ORDINAL_LANGUAGES = frozenset({"de"})
_ORDINAL = re.compile(r"(?:^|\s)(?P<before>\w+)?\s*\b\d{1,3}\.$")
_AFTER_ORDINAL = frozenset(
    "januar jänner februar märz april mai juni juli august september oktober november "
    "dezember jahrhundert jahrhunderts jahrhunderte jahrtausend jahrtausends".split()
)
_BEFORE_ORDINAL = frozenset(
    "am im vom zum zur beim bis seit ab der die das des dem den ihr ihre ihrem ihres ihren "
    "sein seine seinem seines seinen ein eine einem eines einen".split()
)
# pymorphy3 grammemes of names, places and organisations: such a word can follow "г." or
# "ул." inside a sentence, so it is no evidence of a sentence start.
_PROPER_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"})


@dataclass(frozen=True, slots=True)
class Span:
    """One sentence: ``text[start:end]`` of the text it was split from, stripped."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _LanguageRules:
    """The curated parameters of one language as loaded from the data file."""

    titles: frozenset[str]
    abbreviations: frozenset[str]
    number_abbreviations: frozenset[str]
    sentence_starters: frozenset[str]


@cache
def _curated() -> dict[str, _LanguageRules]:
    """Load the shipped parameters, one entry per language code."""
    raw: dict[str, Any] = json.loads((_DATA_DIR / DATA_FILE).read_text(encoding="utf-8"))
    rules: dict[str, _LanguageRules] = {}
    for code, entry in raw["languages"].items():
        rules[code] = _LanguageRules(
            titles=frozenset(entry["titles"]),
            abbreviations=frozenset(entry["abbreviations"]),
            number_abbreviations=frozenset(entry["number_abbreviations"]),
            sentence_starters=frozenset(entry["sentence_starters"]),
        )
    return rules


def _installed_punkt(language: str) -> PunktParameters | None:
    """NLTK's own ``punkt_tab`` parameters for ``language`` if installed, else None.

    Only looks on disk (``nltk.data.find``); never downloads.
    """
    model = _PUNKT_TAB_MODELS.get(language)
    if model is None:
        return None
    from nltk.data import find
    from nltk.tokenize.punkt import load_punkt_params

    try:
        return load_punkt_params(find(f"tokenizers/punkt_tab/{model}/"))
    except (LookupError, OSError, ValueError):
        return None


def _rules_for(language: str) -> list[_LanguageRules]:
    """The curated rule sets that apply to ``language``: its own, then related ones."""
    curated = _curated()
    if language not in curated:
        return list(curated.values())
    codes = (language, *_EXTRA_LANGUAGES.get(language, ()))
    return [curated[code] for code in codes if code in curated]


def _normalise_language(language: str) -> str:
    return language.strip().lower().replace("_", "-").split("-")[0]


class _Model:
    """Punkt plus the newsdesk rules for one language."""

    def __init__(self, language: str) -> None:
        rule_sets = _rules_for(language)
        from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

        params = PunktParameters()
        installed = _installed_punkt(language)
        if installed is not None:
            params.abbrev_types |= installed.abbrev_types
            params.collocations |= installed.collocations
            params.sent_starters |= installed.sent_starters
            for typ, flag in installed.ortho_context.items():
                params.add_ortho_context(typ, flag)
        titles: set[str] = set()
        for rules in rule_sets:
            titles |= rules.titles
            params.abbrev_types |= rules.titles | rules.abbreviations
            params.sent_starters |= rules.sentence_starters
            params.collocations |= {(word, "##number##") for word in rules.number_abbreviations}
        self.titles = frozenset(titles)
        self.starters = frozenset(params.sent_starters)
        self.morphology = _MORPHOLOGY_LANGUAGES.get(language)
        self.ordinals = language in _ORDINAL_LANGUAGES
        self.tokenizer = PunktSentenceTokenizer(params)

    def split_block(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Sentence spans of ``text[start:end]``, which holds no paragraph break."""
        block = text[start:end]
        spans = [(s, e) for s, e in self.tokenizer.span_tokenize(block) if block[s:e].strip()]
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and self._continues(block, merged[-1][1], s):
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        for s, e in merged:
            for piece_start, piece_end in self._split_after_abbreviations(block, s, e):
                yield _strip(text, start + piece_start, start + piece_end)

    def _split_after_abbreviations(
        self, block: str, start: int, end: int
    ) -> Iterator[tuple[int, int]]:
        """Cut ``block[start:end]`` where an abbreviation or a unit ends the sentence.

        Punkt keeps "1912 г. Сейчас" or "etc. The" together when it has no evidence about the
        next word; a frequent sentence starter or, in Cyrillic, a word that the morphological
        dictionary knows only as a common word ("Умер", "Цветки") is that evidence.
        """
        cuts = [
            (match.end(), match.start("next") - len(match.group("open")))
            for match in _ABBREVIATION_CONTEXT.finditer(block, start, end)
            if not match.group("dot")
            and match.group("next")[0].isupper()
            and self._ends_sentence(block, match)
        ]
        for cut_end, next_start in cuts:
            if start < cut_end and next_start < end:
                yield start, cut_end
                start = next_start
        yield start, end

    def _ends_sentence(self, block: str, match: re.Match[str]) -> bool:
        word = match.group("word").lstrip(_OPENERS).lower()
        if not word or self._is_title(word):
            return False
        following = match.group("next")
        if following.lower() in self.starters:
            return True
        if not _CYRILLIC.match(following) or self.morphology is None:
            return False
        before = block[max(0, match.start("word") - 8) : match.start("word")]
        if len(word) == 1 and not _NUMBER_BEFORE.search(before):
            return False  # an initial ("А. Петров"), not a unit after a number ("1912 г.")
        return _is_common_word(self.morphology, following)

    def _continues(self, block: str, prev_end: int, next_start: int) -> bool:
        """True if Punkt's break at ``prev_end``/``next_start`` is not a sentence end."""
        # Bounded windows: a block may be a whole long text.
        following = block[next_start : next_start + _WINDOW]
        first_word = following.split(None, 1)[0] if following.strip() else ""
        # A sentence never starts with closing or clause punctuation ("!!", ":)", "; ...").
        if not first_word or _NOT_A_START.match(first_word):
            return True
        before = block[max(0, prev_end - _WINDOW) : prev_end].rstrip()
        core = before.rstrip(_CLOSERS)
        last_word = core.rsplit(None, 1)[-1].lstrip(_OPENERS).lower() if core else ""
        if last_word.endswith(".") and self._is_title(last_word[:-1]):
            return True
        if self.ordinals and self._is_ordinal(core, first_word):
            return True
        starts_lower = following.lstrip(_OPENERS)[:1].islower()
        if not starts_lower:
            return False
        if core != before and core[-1:] in "?!…":
            # '"What?" asks Winston': a quoted question or exclamation inside a sentence.
            return True
        return core.endswith(".") and _looks_abbreviated(last_word[:-1])

    @staticmethod
    def _is_ordinal(before: str, first_word: str) -> bool:
        """True if ``before`` ends in a German ordinal: ``first_word`` is a month or
        "Jahrhundert", or an article or preposition comes before the number ("am 28.")."""
        match = _ORDINAL.search(before[-40:])
        if match is None:
            return False
        after = first_word.lstrip(_OPENERS).rstrip(".,;:").lower()
        previous = (match.group("before") or "").lower()
        return after in _AFTER_ORDINAL or previous in _BEFORE_ORDINAL

    def _is_title(self, word: str) -> bool:
        return word in self.titles or word.split("-")[-1] in self.titles


def _looks_abbreviated(word: str) -> bool:
    """True for a word that reads as an abbreviation: a single letter, "e.g", "т.е"."""
    return "." in word or len(word) <= _ABBREVIATION_MAX


def _is_common_word(language: str, word: str) -> bool:
    """True if the dictionary knows ``word`` and never as a name, place or organisation."""
    parses = morphology(language).parse(word)
    return bool(parses) and all(
        parse.is_known and not (_PROPER_GRAMMEMES & parse.tag.grammemes) for parse in parses
    )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class SentenceSplitter:
    """Split text into sentences with NLTK Punkt and newsdesk's curated parameters.

    Works offline: parameters come from ``retrieval/data/`` and, when present, from NLTK
    data already installed. One splitter serves every language; models are built on first use.
    """

    def __init__(self) -> None:
        self._models: dict[str, _Model] = {}

    def _model(self, language: str) -> _Model:
        code = _normalise_language(language)
        model = self._models.get(code)
        if model is None:
            model = self._models[code] = _Model(code)
        return model

    def split(self, text: str, language: str) -> list[Span]:
        """Sentences of ``text`` as spans into it, stripped of surrounding whitespace.

        ``language`` is an ISO 639-1 code ("en", "ru", "uk"); other codes use all curated
        abbreviations. No sentence crosses a paragraph: the paragraphs are those of
        :func:`retrieval.paragraphs.split_paragraphs`, as in a stored article.
        """
        model = self._model(language)
        return list(_spans(model, text, ((s, e) for s, e, _ in split_paragraphs(text))))

    def split_paragraph(self, text: str, start: int, end: int, language: str) -> list[Span]:
        """Sentences of ``text[start:end]`` as spans with offsets into the whole ``text``."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(
                f"paragraph offsets {start}:{end} are outside the text of length {len(text)}"
            )
        return list(_spans(self._model(language), text, [(start, end)]))


def _spans(model: _Model, text: str, blocks: Iterable[tuple[int, int]]) -> Iterator[Span]:
    for block_start, block_end in blocks:
        for s, e in model.split_block(text, block_start, block_end):
            if s < e:
                yield Span(s, e)
