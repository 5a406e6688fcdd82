"""Questions as typed by a person: checked, cleaned, and given a language to analyse in."""

from __future__ import annotations

import datetime as dt
import html
import re

from retrieval.dates import Period, period
from retrieval.errors import QuestionError
from retrieval.languages import detect_language, script_of, script_of_language

_MARKUP = re.compile(
    r"<(?:script|style)\b.*?</(?:script|style)\s*>|</?[A-Za-z][^<>]*>|<!--.*?-->", re.S | re.I
)

_SPACE_BEFORE_MARK = re.compile(r" ([?!.,;:])")


def check_question(question: object, limit: int) -> str:
    """The question's text with markup dropped and spaces collapsed; QuestionError if unusable.

    ``limit`` is the most characters a question may have once cleaned.
    """
    if not isinstance(question, str):
        raise QuestionError("the question must be text.")
    if not question.isascii():
        try:
            question.encode("utf-8")
        except UnicodeEncodeError:  # bytes that were not UTF-8, kept as surrogates
            raise QuestionError("the question is not valid UTF-8 text; type it again.") from None
    if len(question) > 10 * limit:
        raise QuestionError(
            f"the question is too long ({len(question):,} characters; the limit is "
            f"{limit:,}). Ask it in fewer words."
        )
    markup = False
    if "<" in question or "&" in question:
        # Pasted from a web page: the markup is not part of the question.
        cleaned = html.unescape(_MARKUP.sub(" ", question))
        markup, question = cleaned != question, cleaned
    text = " ".join(question.split())
    if markup:  # "in <i>Kursk</i>?" left "in Kursk ?"
        text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    if not text:
        if markup:
            raise QuestionError(
                "the question holds only HTML markup, which is not searched; type the "
                "question as words."
            )
        raise QuestionError("the question is empty; type a question about the news.")
    if len(text) > limit:
        raise QuestionError(
            f"the question is too long ({len(text):,} characters; the limit is {limit:,}). "
            "Ask it in fewer words."
        )
    return text


def question_language(text: str, languages: dict[str, int]) -> str:
    """The language to analyse a question in, given the base's article counts per language.

    When the base holds one language in the question's script, that one: the analysers
    route words by script, so guessing among languages the base does not hold would only
    cost time (py3langid, a twentieth of an answer at 1M sentences). Else a detection,
    with the most common article language as the guess for questions too short to tell.
    """
    script = script_of(text)
    same = [code for code in languages if script_of_language(code) == script]
    if len(same) == 1:
        return same[0]
    main = max(languages, key=languages.__getitem__) if languages else "en"
    return detect_language(text, default=main)


def question_period(since: str | dt.date | None, until: str | dt.date | None) -> Period:
    """The days a question is limited to: each end a day or an age ("7d"), or None."""
    if isinstance(since, dt.datetime):
        since = since.date()
    if isinstance(until, dt.datetime):
        until = until.date()
    if isinstance(since, dt.date) or isinstance(until, dt.date):
        start = since if isinstance(since, dt.date) else period(since).since
        end = until if isinstance(until, dt.date) else period(until=until).until
        if start and end and start > end:
            raise QuestionError(
                f"since {start.isoformat()} is after until {end.isoformat()}; no article can be "
                "from both."
            )
        return Period(start, end)
    return period(since, until)
