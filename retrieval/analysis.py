"""Text analysis: from a sentence or a question to the terms the BM25 index stores.

A term is a lowercased word with stopwords (question words too) removed and endings taken
off: the Snowball stemmer for English, Russian and the other Snowball languages, the pymorphy3
lemma for Ukrainian. Russian stems are then cut to their first five letters: Russian inflects
and derives with suffixes the Snowball stemmer leaves on ("операция" → "операц", "оперативный"
→ "оперативн"), and a short prefix is the classic light stemmer for Russian retrieval; on XQuAD
ru it lifts P@1 from .724 to .763, and from .696 to .721 among 2,000 generated distractors
(``quality.py``).

Words are routed by script, so "Bloomberg" in a Russian sentence gets the English stemmer and
"Курск" in an English one the Russian stemmer, and the same word makes the same term
whichever language the text around it is in.

Numbers stay terms of their own ("1,000" → "1000", "3,5" → "3.5", "58th" → "58th"); hyphenated
words are split into their parts; an English possessive goes ("Russia's" → "russia"). The
stopword lists are data files in ``retrieval/data/`` (no NLTK corpus is downloaded): NLTK's for
English and Russian, newsdesk's own for Ukrainian, and for German, French, Spanish, Italian,
Portuguese, Dutch and Polish their question words alone ("welche", "wann", "cuántos"). Those
counted towards coverage as words the answer lacks, so German said "not found" to 9 % of
answerable XQuAD questions; with them gone, .092 → .064 and P@1 .674 → .689 (es .017 → .013,
.755 → .758; with 2,000 distractors de .594 → .606, es .647 → .656). The Snowball project's
lists, function words included, did worse: de .673, es .739 (2,000 distractors .571, .633), as
the articles and prepositions a question shares with its answer no longer counted for it.

French and Italian elided articles and pronouns go ("l'armée" → "armé", "dell'esercito" →
"eserc"), and a German name's genitive s after a vowel ("Chinas", "Obamas" → "china", "obama").
Polish, which has no Snowball stemmer, keeps the English one.

Stemming dominates the time it takes to index, and news repeats its words, so each analyser
caches the term of every word form it has seen.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any, Protocol

import Stemmer

# A number (with its thousands separators, decimal part and a letter suffix such as "th"),
# or a word (letters and digits, with apostrophes inside: "Russia's", "м'ясо").
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+|[\u00a0\u202f]\d{3}(?!\d))*[^\W\d_]*"
    r"|[^\W_]+(?:['’`][^\W_]+)*"
)
_APOSTROPHES = str.maketrans({"’": "'", "`": "'", "ʼ": "'"})
_THOUSANDS = re.compile(r"\d{1,3}(?:([,\u00a0\u202f])\d{3})(?:\1\d{3})*|\d{1,3}(?:\.\d{3}){2,}")
_NUMBER = re.compile(r"([\d.,\u00a0\u202f]*\d)(.*)")
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_LATIN_SNOWBALL = frozenset(
    {"danish", "dutch", "english", "finnish", "french", "german", "hungarian", "italian"}
    | {"norwegian", "portuguese", "romanian", "spanish", "swedish"}
)
_SNOWBALL_NAMES = {
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "hu": "hungarian",
    "it": "italian",
    "no": "norwegian",
    "nb": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "es": "spanish",
    "sv": "swedish",
}
# Articles, pronouns and prepositions that French and Italian elide onto the next word
# ("l'armée", "qu'il", "dell'esercito"): the word's term is that of what follows them.
_ELIDED = {
    "fr": frozenset("c d j l m n s t qu jusqu lorsqu puisqu quoiqu".split()),
    "it": frozenset(
        "c d l m s t v un all dall dell nell sull coll pell gl agl dagl degl negl sugl".split()
    ),
}
# A German name's genitive after a vowel ("Chinas Wirtschaft", "Obamas Rede") is not taken off
# by the Snowball stemmer; words of more than this many letters lose a final s after a or o.
# A noun that ends so ("Atlas", "Chaos") loses it too, in every form: they still match.
_GENITIVE_MIN = 4
_CYRILLIC = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk"})
_CACHE_SIZE = 1 << 18
_RUSSIAN_STEM_LETTERS = 5

ANALYSIS_VERSION = "5"
"""Changes whenever the terms or the sentences of some text change; a base built with another
is re-analysed. 4: sentences are cut at the paragraphs of :mod:`retrieval.paragraphs` alone
(a hard-wrapped line starting with a capital no longer cuts a sentence). 5: question words
are stopwords in de, fr, es, it, pt, nl and pl; French and Italian elisions are dropped;
a German ordinal's period ("am 28. Februar") no longer ends a sentence; a German
genitive s after a or o goes ("Chinas" → "china")."""


class Analyzer(Protocol):
    """Anything that turns text into index terms: a :class:`TextAnalyzer` or ``str.split``."""

    def __call__(self, text: str) -> list[str]: ...


def stopwords(language: str) -> frozenset[str]:
    """The stopwords shipped for ``language`` (ISO 639-1); empty for a language without a list."""
    return _stopwords(language)


@functools.cache
def _stopwords(language: str) -> frozenset[str]:
    name = f"stopwords-{language}.txt"
    files = resources.files("retrieval") / "data"
    file = files / name
    if not file.is_file():
        return frozenset()
    lines = file.read_text(encoding="utf-8").splitlines()
    return frozenset(s for line in lines if (s := line.strip()) and not s.startswith("#"))


@functools.cache
def _snowball(name: str) -> Any:
    """The Snowball stemmer of ``name`` (PyStemmer: C, 35 times NLTK's speed, no NLTK import)."""
    return Stemmer.Stemmer(name)


@functools.cache
def morphology(language: str) -> Any:
    """pymorphy3's analyser for "ru" or "uk", one per process (each dictionary is ~18 MB).

    Loaded on first use: its dictionary takes a while.
    """
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def normalise_number(token: str) -> str:
    """A number token without thousands separators and with a decimal point, suffix kept."""
    match = _NUMBER.fullmatch(token)
    if match is None:
        return token
    digits, suffix = match.groups()
    if _THOUSANDS.fullmatch(digits):
        digits = re.sub(r"[.,\u00a0\u202f]", "", digits)
    elif digits.count(",") == 1 and "." not in digits:
        digits = digits.replace(",", ".")
    return digits + suffix


class TextAnalyzer:
    """Lowercased, stopword-free, stemmed word terms of a text in one language.

    ``language`` is an ISO 639-1 code; English, Russian and Ukrainian are fully supported;
    German, French, Spanish, Italian, Portuguese and Dutch get their stemmer and their question
    words as stopwords (Polish its question words), the other Snowball languages their stemmer
    alone, the rest lowercasing only.
    """

    def __init__(self, language: str) -> None:
        if not isinstance(language, str) or not language.strip():
            raise ValueError(f"language must be an ISO 639-1 code such as 'en', not {language!r}")
        self.language = language.strip().lower()
        own = _SNOWBALL_NAMES.get(self.language)
        self._latin = self.language if own in _LATIN_SNOWBALL else "en"
        self._cyrillic = self.language if self.language in _CYRILLIC else ""
        self._term = functools.lru_cache(maxsize=_CACHE_SIZE)(self._make_term)

    def __repr__(self) -> str:
        return f"TextAnalyzer({self.language!r})"

    def __call__(self, text: str) -> list[str]:
        """The terms of ``text`` in order, repeats kept."""
        term = self._term
        return [t for t in map(term, _TOKEN.findall(text)) if t]

    def terms_with_spans(self, text: str) -> list[tuple[str, int, int]]:
        """Each term of ``text`` with the start and end of the word it came from."""
        term = self._term
        return [(t, m.start(), m.end()) for m in _TOKEN.finditer(text) if (t := term(m.group()))]

    def term(self, word: str) -> str | None:
        """The term of one word (None for a stopword); ``word`` is not split."""
        return self._term(word)

    def _make_term(self, word: str) -> str | None:
        token = word.lower().translate(_APOSTROPHES)
        first = token[0]
        if first.isdigit():
            return normalise_number(token)
        if "a" <= first <= "z" or "\u00c0" <= first <= "\u024f":
            return self._latin_term(token)
        if "\u0400" <= first <= "\u04ff":
            return self._cyrillic_term(token)
        return token

    def _latin_term(self, token: str) -> str | None:
        language = self._latin
        if language == "en":
            if token.endswith("'s"):
                token = token[:-2]
            token = token.strip("'")
        elif language == "de" and len(token) > _GENITIVE_MIN and token.endswith(("as", "os")):
            token = token[:-1]  # "Chinas", "Obamas", "Ottos": the stemmer leaves the genitive s
        elif "'" in token and language in _ELIDED:
            head, _, rest = token.partition("'")
            if rest and head in _ELIDED[language]:
                token = rest
        # ``language`` is "en" for a language with no Snowball stemmer of its own (Polish): its
        # words meet English's stopwords and its own question words both.
        if not token or token in _stopwords(language) or token in _stopwords(self.language):
            return None
        return str(_snowball(_SNOWBALL_NAMES[language]).stemWord(token))

    def _cyrillic_term(self, token: str) -> str | None:
        language = self._cyrillic or ("uk" if _UKRAINIAN_LETTERS & set(token) else "ru")
        if token in _stopwords(language):
            return None
        if language == "uk":
            lemma = str(morphology("uk").parse(token)[0].normal_form)
            return None if lemma in _stopwords("uk") else lemma
        name = _SNOWBALL_NAMES.get(language)
        if name is None:
            return token
        stem = str(_snowball(name).stemWord(token.replace("'", "")))
        return stem[:_RUSSIAN_STEM_LETTERS] if language == "ru" else stem


@functools.cache
def analyzer_for(language: str) -> TextAnalyzer:
    """The shared analyser of ``language`` (one per language, its word cache kept warm)."""
    return TextAnalyzer(language)
