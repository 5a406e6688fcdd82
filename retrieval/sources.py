"""Reported sources: who an article says a sentence comes from.

News text marks what it reports: "According to Bloomberg, …", "…, The Moscow Times reports, …",
"Как сообщает «Коммерсантъ», …", "За даними Міністерства …". :func:`attribute_paragraph`
gives each sentence of one paragraph its :class:`Attribution`, or ``None`` for the outlet's
own claim. A sentence that continues a report in the same paragraph ("This may become the
basis …" after the Verstka sentence) inherits it; a new explicit source, a framing opener
("In addition", "Meanwhile") or a new paragraph ends the inheritance.

The rules are patterns over the sentence text, per language (en, ru, uk); a name is cleaned of
its descriptive lead ("the independent Russian publication “Verstka”" → "Verstka").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

UNNAMED = "unnamed sources"


@dataclass(frozen=True, slots=True)
class Attribution:
    """The reported source of a sentence, with what it cites when the article says so."""

    source: str
    detail: str | None = None

    def __str__(self) -> str:
        return f"{self.source} ({self.detail})" if self.detail else self.source


def describe(attribution: Attribution | None) -> str:
    """The human line: "reported by Bloomberg", "according to unnamed sources", ..."""
    if attribution is None:
        return "the outlet's own claim"
    if attribution.source == UNNAMED:
        return f"according to {attribution}"
    return f"reported by {attribution}"


# A marker that the sentence refers back to a source named before ("the publication").
_BACK = Attribution("\0back")

_QUOTED = re.compile(r"[“\"«„]([^”\"»“]{1,80})[”\"»“]")
_CAP = r"[A-ZА-ЯЁІЇЄҐ]"
_WORD = r"[\w'’.&-]+"

_EN_VERBS = (
    r"(?:said|says|reported|reports|told|tells|wrote|writes|claimed|claims|stated|states|"
    r"announced|announces|warned|warns|added|adds|noted|notes|confirmed|confirms|believes|"
    r"estimated|estimates|quoted|quotes|alleged|alleges|insisted|insists|explained|explains|"
    r"say|report|claim|warn|believe|estimate|insist|suggest|suggests|suggested)"
)
_EN_UNNAMED = re.compile(
    r"^(?:(?:anonymous|unnamed|other|several|some|two|three|many|military|government|"
    r"western|russian|ukrainian|informed|senior|local)\s+)*(?:sources?|officials?|insiders?|"
    r"people familiar with [\w ]+|analysts|experts|observers|witnesses|residents|traders|"
    r"diplomats|investors|economists|lawmakers|critics|activists|insiders|residents)$",
    re.IGNORECASE,
)
_EN_BACK = re.compile(
    r"^(?:the|this|that|these|its|their|his|her)\s+(?:\w+\s+){0,2}"
    r"(?:publication|outlet|newspaper|paper|agency|report|source|channel|media|site|magazine|"
    r"broadcaster|authors?|journalists?|investigation)$|^(?:he|she|they|it)$",
    re.IGNORECASE,
)
_EN_PATTERNS = [
    # According to X, citing Y, …   /   … according to X.
    re.compile(
        r"\b[Aa]ccording to (?P<name>[^,.;:()]{2,120}?)"
        r"(?:,\s+(?P<detail>citing [^,.;:]{2,120}?))?(?=[,.;:()]|\s+(?:that|who|which)\b|$)"
    ),
    # As reported by X / as X reported
    re.compile(r"\b[Aa]s (?:reported|first reported|noted|stated) by (?P<name>[^,.;:]{2,80})"),
    # …, X reports, …   /   …, X said.   /   …, X told Reuters.
    re.compile(
        rf",\s+(?P<name>(?:[Tt]he\s+)?{_CAP}[^,.;:]{{0,80}}?)\s+{_EN_VERBS}"
        r"(?:\s+(?:on|in|last|this)\s+\w+|\s+(?:reporters|journalists|\w+))?\s*(?:[,.;]|$)"
    ),
    # …, said X.
    re.compile(
        r"[,!?][\"”»’']?\s+(?:said|says|wrote|reported|told|added)\s+(?P<name>[^,.;:]{2,80}?)\s*[.;]?$"
    ),
    # X said (that) … at the start of the sentence
    re.compile(
        r"^(?P<name>[\w'’.&“”\"«» -]{1,90}?)\s+"
        rf"(?:also\s+|earlier\s+|previously\s+|has\s+|have\s+)?{_EN_VERBS}\b"
    ),
    # … X's report / claim
    re.compile(
        rf"\b(?P<name>{_CAP}[\w.&-]*(?:\s+{_CAP}[\w.&-]*)*)['’]s\s+(?:report|claim|sources)\b"
    ),
    # …, citing X.
    re.compile(r",\s+citing (?P<name>[^,.;:]{2,120}?)\s*[.;,]"),
]

_RU_PATTERNS = [
    re.compile(
        r"(?i:по\s+(?:данным|словам|информации|сведениям|мнению|оценкам)|как\s+(?:сообщает|сообщил[аи]?|"
        r"пишет|писал[аи]?|заявил[аи]?|отмечает|рассказал[аи]?|утверждает|передает|передаёт)|"
        r"(?:^|,\s*)(?:сообщает|пишет|передает|передаёт|заявил[аи]?|сообщил[аи]?|"
        r"рассказал[аи]?|отметил[аи]?|утверждает))\s+(?P<name>[^,.;:—()]{2,120})"
        r"(?:,\s+(?P<detail>(?:ссылаясь на|со ссылкой на)\s+[^,.;:]{2,120}))?"
    ),
    re.compile(
        rf"^(?P<name>{_CAP}[^,.;:]{{0,80}}?)\s+(?:также\s+)?(?:сообщил[аи]?|сообщает|заявил[аи]?|"
        r"пишет|написал[аи]?|рассказал[аи]?|утверждает|утверждают|предупреждает|предупреждают|"
        r"считает|считают)\b"
    ),
    re.compile(r"(?:ссылаясь на|со ссылкой на)\s+(?P<name>[^,.;:]{2,120})"),
]

_UK_PATTERNS = [
    re.compile(
        r"(?i:за\s+(?:даними|словами|інформацією|оцінками)|як\s+(?:повідомляє|повідомив|"
        r"повідомила|повідомили|пише|заявив|заявила|заявили|зазначає|розповів|розповіла)|"
        r"(?:^|,\s*)(?:повідомляє|пише|передає|заявив|заявила|заявили|повідомив|повідомила|"
        r"повідомили|розповів|розповіла|зазначив|зазначила))\s+(?P<name>[^,.;:—()]{2,120})"
        r"(?:,\s+(?P<detail>(?:посилаючись на|з посиланням на)\s+[^,.;:]{2,120}))?"
    ),
    re.compile(
        rf"^(?P<name>{_CAP}[^,.;:]{{0,80}}?)\s+(?:також\s+)?(?:повідомив|повідомила|повідомили|"
        r"повідомляє|заявив|заявила|заявили|пише|написав|написала|розповів|розповіла|"
        r"попереджає|попереджають|вважає|вважають)\b"
    ),
    re.compile(r"(?:посилаючись на|з посиланням на)\s+(?P<name>[^,.;:]{2,120})"),
]

_CYR_UNNAMED = re.compile(
    r"^(?:\w+\s+)?(?:источник\w*|чиновник\w*|джерел\w*|посадов\w*|собеседник\w*|співрозмовник\w*)"
    r"(?:\s+\w+){0,4}$",
    re.IGNORECASE,
)
_CYR_BACK = re.compile(
    r"^(?:это\w*|этого|эт\w+|це\w*|цього|ц\w+\s+)?(?:издани\w*|газет\w*|агентств\w*|канал\w*|"
    r"видання|журнал\w*|сайт\w*|автор\w*|журналіст\w*|журналист\w*|он\w?|она|они|він|вона|вони)$",
    re.IGNORECASE,
)
_FRAMING = re.compile(
    r"^(?:in addition|additionally|meanwhile|separately|earlier|at the same time|however|"
    r"кроме того|между тем|тем временем|ранее|однако|крім того|тим часом|раніше|однак)\b",
    re.IGNORECASE,
)


def attribute_paragraph(sentences: Sequence[str], language: str) -> list[Attribution | None]:
    """The attribution of each sentence of one paragraph, inherited where a report goes on."""
    result: list[Attribution | None] = []
    current: Attribution | None = None
    for sentence in sentences:
        found = _explicit_source(sentence, language)
        if found is _BACK or (found is None and not _FRAMING.match(sentence.strip())):
            found = current
        result.append(found)
        current = found
    return result


def _explicit_source(sentence: str, language: str) -> Attribution | None:
    """The source this sentence names itself: ``_BACK`` for "the publication", else None."""
    text = " ".join(sentence.split())
    cyrillic = language in {"ru", "uk"} or re.search("[а-яА-ЯіїєґІЇЄҐ]", text) is not None
    if cyrillic:
        patterns = _UK_PATTERNS if language == "uk" else _RU_PATTERNS
        for pattern in (*patterns, *(_RU_PATTERNS if language == "uk" else _UK_PATTERNS)):
            match = pattern.search(text)
            if match and (found := _cyrillic_name(match)) is not None:
                return found
    for pattern in _EN_PATTERNS:
        for match in pattern.finditer(text):
            found = _english_name(match, pattern is _EN_PATTERNS[6])
            if found is not None:
                return found
    return None


def _english_name(match: re.Match[str], citing_only: bool) -> Attribution | None:
    raw = match.group("name").strip(" ,")
    detail = match.groupdict().get("detail")
    quoted = _QUOTED.search(raw)
    if _EN_UNNAMED.match(raw) or re.match(r"^(?:the\s+)?sources?\b", raw, re.IGNORECASE):
        return Attribution(UNNAMED, _clean_detail(detail))
    if _EN_BACK.match(raw):
        return _BACK
    if quoted:
        name = quoted.group(1).strip()
    else:
        name = _proper_name(raw)
        if name is None:
            return None
    if citing_only:
        return Attribution(UNNAMED if _EN_UNNAMED.match(name) else name)
    return Attribution(name, _clean_detail(detail))


def _proper_name(raw: str) -> str | None:
    """The name in a noun phrase: its run of capitalised words, descriptive lead dropped."""
    words = raw.split()
    joiners = {"of", "for", "the", "and", "on", "de", "in", "&"}
    start = next((i for i, w in enumerate(words) if w[:1].isupper() and w.lower() != "the"), None)
    if start is None:
        return None
    end = start
    while end + 1 < len(words) and (
        words[end + 1][:1].isupper() or (words[end + 1] in joiners and end + 2 < len(words))
    ):
        end += 1
    while words[end] in joiners:
        end -= 1
    if start > 0 and words[start - 1] == "The" and start == 1:
        start -= 1  # "The Moscow Times": a capital The inside a sentence is part of the name
    name = " ".join(words[start : end + 1]).strip("“”\"«»'’")
    name = re.sub(r"['’]s$", "", name)
    if name.lower() in {"he", "she", "they", "it", "i", "we", "this", "that"}:
        return None
    return name or None


def _cyrillic_name(match: re.Match[str]) -> Attribution | None:
    raw = match.group("name").strip()
    detail = match.groupdict().get("detail")
    quoted = _QUOTED.search(raw)
    if quoted:
        return Attribution(quoted.group(1).strip(), _clean_detail(detail))
    words = raw.split()[:6]
    phrase = " ".join(words)
    if _CYR_UNNAMED.match(phrase) or _CYR_UNNAMED.match(words[0]):
        return Attribution(UNNAMED, _clean_detail(detail))
    if _CYR_BACK.match(phrase):
        return _BACK
    start = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if start is None:
        return None
    # The name runs from its first capital to the last word still capitalised or joined to it
    # (genitive tails like "Міністерства аграрної політики" stay whole).
    name = " ".join(words[start:])
    name = re.split(r"\s+(?:что|що|о том|про те|в|у|на)\s+", name)[0]
    return Attribution(name.strip(' «»"“”'), _clean_detail(detail))


def _clean_detail(detail: str | None) -> str | None:
    return " ".join(detail.split()).strip(" ,") if detail else None
