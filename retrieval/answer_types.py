"""What kind of answer a question asks for, and whether a sentence holds one.

"Who portrays Che?", "Where did Clarke die?", "When did Patz disappear?", "How long was the
silence?" each ask for a kind of thing: a name, a place, a date, a stretch of time. Among
sentences the reranker finds about equally close, the one that holds such a thing, a thing
the question does not already say, is more often the answer than one that only repeats the
question ("Now, nearly 31 years since Etan Patz vanished, …" beside "Etan was 6 when he
disappeared on the morning of May 25, 1979."). :func:`prefer_expected` multiplies those
sentences' scores by ``exp(TYPE_WEIGHT)``.

The rules read the question's wh-word in English, Russian and Ukrainian, and the sentence's
surface (capitals, digits, month and day names, a preposition before a capitalised word).
Only sentences in the question's language are judged: across languages "a thing the question
does not say" cannot be told by comparing words, every capitalised word looks new, and
judging them anyway cost XQuAD's Russian questions over the English paragraphs P@1 .645 →
.630 (``tests/benchmarks/crosslingual.py``).
Questions that ask for a number ("how many", "сколько") are left alone: news sentences are
full of numbers, and preferring them moved nothing (measured below).

Measured with the e5 reranker over stored embeddings, weight 0 → .1 → .2, P@1 (stop 19, one
run each): ``tests/benchmarks/newsqa.py --halves`` all .440 → .442 → .448 (MRR@10 .515 → .519
→ .524), the odd half (not used to choose) .436 → .436 → .440; ``tests/benchmarks/quality.py
--lang en,ru --distractors 0,2000,5000 --no-no-answer --systems newsdesk+e5``: XQuAD en .8025 →
.8034 → .8017 (955, 956, 954 of 1,190), among 2,000 distractors .782 → .783 → .782, among
5,000 .774 → .776 → .775; ru .785 → .788 → .791, .771 → .775 → .776, .760 → .764 → .764;
across languages (``crosslingual.py``) ru → en .645 and en → ru .615 whatever the weight (only
same-language sentences are judged). The weight is .1: the most that keeps XQuAD English where
it was (.2 loses it one question net, "Where did the Tran dynasty rule?" among them), at the
cost of three NewsQA questions that .2 also answered (two of them in the half it was chosen
on). At .3 and .4 the even half reached .460 and .468, the odd .444 and .440, with XQuAD en
.801 and .800, ru .789 and .783.
Preferring numbers for "how many" questions as well gave nothing (even .440, odd .436).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

Kind = Literal["person", "place", "date", "duration"]

TYPE_WEIGHT = 0.1
"""A sentence holding the kind of answer asked for has its score multiplied by
``exp(TYPE_WEIGHT)`` (1.105): enough to decide between near-tied sentences, far from enough
to lift one the reranker finds much further in meaning (it is the factor that .02 of cosine
makes at the reranker's weight of 5)."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# The question words of each kind, in English, Russian and Ukrainian. The earliest match in
# the question decides; at the same place the first kind listed ("сколько лет" is a duration).
_ASKS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "duration",
        re.compile(
            r"\bhow\s+long\b|\bкак\s+долго\b|\bсколько\s+(?:лет|дней|месяц\w*|недел\w*|час\w*"
            r"|минут)\b|\bяк\s+довго\b|\bскільки\s+(?:років|днів|місяц\w*|тижн\w*|годин\w*"
            r"|хвилин)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "date",
        re.compile(
            r"\bwhen\b|\bwhat\s+(?:year|date|day|month|time|decade|century)\b"
            r"|\bwhich\s+(?:year|day|month|decade|century)\b|\bкогда\b"
            r"|\bв\s+как\w+\s+(?:году|месяце|день|веке)\b|\bкакого\s+числа\b|\bколи\b"
            r"|\bв\s+як\w+\s+(?:році|місяці|день|столітті)\b|\bякого\s+числа\b",
            re.IGNORECASE,
        ),
    ),
    (
        "person",
        re.compile(
            r"\b(?:who|whom|whose|кто|кого|кому|кем|ком|чей|чья|чьё|чье|чьи|хто|ким|чий|чия|чиє"
            r"|чиї)\b",
            re.IGNORECASE,
        ),
    ),
    ("place", re.compile(r"\b(?:where|где|куда|откуда|де|куди|звідки)\b", re.IGNORECASE)),
)
# Question words that ask for other things ("what", "how", "почему"): one of them before the
# words above makes the question ask for something else ("What is the team of the player who
# …?").
_OTHER_WH = (
    r"what|which|why|how|что|какой|какая|какое|какие|каким|почему|зачем|как|сколько|що|який"
    r"|яка|яке|які|яким|чому|навіщо|як|скільки"
)
_ANY_WH = re.compile(
    rf"\b(?:{_OTHER_WH}|who|whom|whose|when|where|кто|кого|кому|кем|когда|где|куда|откуда"
    r"|хто|ким|коли|де|куди|звідки)\W*$",
    re.IGNORECASE,
)
_FIRST_OTHER = re.compile(rf"\b(?:{_OTHER_WH})\b", re.IGNORECASE)

_NUMBER_WORDS = frozenset(
    (
        "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
        "forty fifty sixty hundred hundreds thousand thousands million dozen dozens several "
        "один одна одно два две три четыре пять шесть семь восемь девять десять двадцать "
        "тридцать сорок пятьдесят сто несколько полтора одне дві чотири п'ять шість "
        "сім вісім дев'ять десять двадцять тридцять сорок сто кілька півтора"
    ).split()
)
_TIME_UNIT = re.compile(
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)"
    r"|секунд\w*|минут\w*|час\w*|дн\w*|день|недел\w*|месяц\w*|год\w*|лет|век\w*|хвилин\w*"
    r"|годин\w*|тижн\w*|тиждень|місяц\w*|рок\w*|рік|століт\w*)$"
)
# Month and day names: English ones only capitalised ("May", not the verb "may").
_DATE_WORD = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday"
    r"|[Tt]oday|[Tt]omorrow|[Tt]onight"
    r"|(?i:январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]"
    r"|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|понедельник|вторник"
    r"|среду|четверг|пятницу|субботу|воскресенье|вчера|сегодня|завтра"
    r"|січ(?:ень|ня|ні)|лют(?:ий|ого|ому)|берез(?:ень|ня|ні)|квіт(?:ень|ня|ні)"
    r"|трав(?:ень|ня|ні)|черв(?:ень|ня|ні)|лип(?:ень|ня|ні)|серп(?:ень|ня|ні)"
    r"|верес(?:ень|ня|ні)|жовт(?:ень|ня|ні)|листопада?|листопаді|груд(?:ень|ня|ні)"
    r"|понеділок|вівторок|середу|четвер|п'ятницю|суботу|неділю|вчора|сьогодні))$"
)
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d(?:s|-[а-яіїє]+)?$")
_BEFORE_PLACE = frozenset(
    "in at from to near into outside inside across в во на из под около у з із до біля".split()
)


@dataclass(frozen=True, slots=True)
class Expected:
    """The kind of answer a question asks for, the question's own words (as stems) and its
    language."""

    kind: Kind
    question_stems: frozenset[str]
    language: str

    def found_in(self, sentence: str, language: str) -> bool:
        """Whether ``sentence`` holds a thing of this kind that the question does not say.

        A sentence in another ``language`` than the question's is not judged (False): which
        of its words the question says cannot be told by comparing them.
        """
        if language != self.language:
            return False
        words = _WORD.findall(sentence.replace("’", "'"))
        if self.kind == "person":
            return any(self._new_name(word) for word in words[1:])
        if self.kind == "place":
            return any(
                before.lower() in _BEFORE_PLACE and self._new_name(word)
                for before, word in pairwise(words)
            )
        if self.kind == "date":
            return any(
                self._new(word) and (_YEAR.match(word) or _DATE_WORD.match(word)) for word in words
            )
        return any(
            self._new(count) and _is_count(count) and _TIME_UNIT.match(unit.lower()) is not None
            for count, unit in pairwise(words)
        )

    def _new(self, word: str) -> bool:
        return _stem(word) not in self.question_stems

    def _new_name(self, word: str) -> bool:
        # a capitalised word that is not an acronym ("CNN") nor a month or a weekday
        return (
            word[0].isupper()
            and not word.isupper()
            and _DATE_WORD.match(word) is None
            and self._new(word)
        )


def expected_answer(question: str, language: str) -> Expected | None:
    """The kind of answer ``question`` (in ``language``) asks for; None when it asks for
    something else.

    The question word decides: the one that ends the question when one does ("Burrell was
    employed by whom?", "The Church supports those who oppose what?"), else the first.
    """
    stripped = question.strip()
    last = _ANY_WH.search(stripped)
    text = last.group(0) if last else stripped
    found = [
        (m.start(), order, kind)
        for order, (kind, pattern) in enumerate(_ASKS)
        if (m := pattern.search(text))
    ]
    if not found:
        return None
    start, _, kind = min(found)
    other = _FIRST_OTHER.search(text)
    if other is not None and other.start() < start:
        return None
    return Expected(kind, frozenset(_stem(word) for word in _WORD.findall(stripped)), language)


# Questions whose answer is a number, a date or an amount: the ranking's number boost
# (:class:`retrieval.ranking.RankingConfig`). Wider than the kinds above: "how many", "how old";
# in German, French, Spanish, Italian, Portuguese, Dutch and Polish too ("wie viele",
# "cuándo", "ile").
_NUMBER_QUESTION = re.compile(
    r"\b(?:how\s+(?:many|much|long|old|far|often|large|big|tall|high)|when|what\s+(?:year|"
    r"percentage|percent|number|date|amount|decade|century)|which\s+year|in\s+what\s+year"
    r"|сколько|когда|в\s+как\w+\s+(?:году|годах|веке)|как\w+\s+(?:процент|числ|дат|сумм)\w*"
    r"|как\s+долго|скільки|коли|в\s+як\w+\s+(?:році|роках|столітті)"
    # de, fr, es, it, pt, nl
    r"|wie\s+(?:viele?|lange|alt|oft|weit|hoch|groß)|wann|in\s+welchem\s+jahr|combien|quand"
    r"|en\s+quelle\s+année|cu[aá]nt[oa]s?|cu[aá]ndo|en\s+qu[eé]\s+año|quant[oiae]|quando"
    r"|in\s+che\s+anno|em\s+que\s+ano|hoeveel|wanneer|in\s+welk\s+jaar|ile|kiedy"
    r"|w\s+którym\s+roku)\b",
    re.IGNORECASE,
)


def expects_number(question: str) -> bool:
    """Whether the question asks for a number, a date or an amount."""
    return _NUMBER_QUESTION.search(question) is not None


def prefer_expected(
    hits: Sequence[tuple[int, float]], holds: Callable[[int], bool]
) -> list[tuple[int, float]]:
    """``hits`` (sentence id, score), with the scores of the sentences that hold the expected
    answer (``holds(sid)``: :meth:`Expected.found_in` of its text) multiplied by
    ``exp(TYPE_WEIGHT)``, best first (ties keep their order)."""
    boost = math.exp(TYPE_WEIGHT)
    rescored = [
        (sid, score * boost if holds(sid) else score, i) for i, (sid, score) in enumerate(hits)
    ]
    rescored.sort(key=lambda item: (-item[1], item[2]))
    return [(sid, score) for sid, score, _ in rescored]


def _stem(word: str) -> str:
    """A word compared with the question's: lowercase, its first five letters ("Pausch's",
    "Пейтону" and "Пейтон" are the question's "Pausch" and "Пейтона")."""
    return word.lower().replace("’", "'")[:5]


def _is_count(word: str) -> bool:
    return any(ch.isdigit() for ch in word) or word.lower() in _NUMBER_WORDS
