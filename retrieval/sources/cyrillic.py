"""Russian and Ukrainian reporting cues and their subjects.

Verbs are matched by their forms, made once from each lemma's lexeme (pymorphy3), so every
form counts: "заявил", "заявила", "заявили", "заявив", "заявляет". Their subject is the
nominative noun phrase before the verb ("Песков заявил", "Військовий аналітик Іван Смирнов
вважає", "Мэр Казани сообщил") or, when the verb follows a comma, a dash or a quote, after
it («…», — заявил министр Сергей Лавров; …, сообщает ТАСС); words in other cases are passed
over, never taken as the speaker ("сказал журналистам Песков"), nor is an agency that was told
the news ("заявил ТАСС губернатор …"). Source phrases ("по словам", "по данным", "по его словам",
"как сообщает", "говорится в заявлении", "за словами", "за даними", "як повідомляє",
"йдеться у повідомленні") take the noun phrase after them, "со ссылкой на" / "з посиланням
на" its detail, and an institution named by where ("В Кремле заявили", "сообщили в
пресс-службе …") is given in the nominative. Verbs that are as often actions report only
with their content after them ("повторил, что …", "раскритиковал Запад за …", "уверен, что
…"), and a verb coordinated with the sentence's first one has its subject ("Песков прибыл в
Минск и заявил, что …"). An unnamed source described between commas before the verb is the
speaker, its description kept ("Источник, близкий к мэрии, сообщил", "Джерело, наближене до
Кремля, повідомило"), and a town with its region after the subject is where it is, not who
speaks ("Полиция в Казани, Татарстан, сообщила").
"""

from __future__ import annotations

import functools
import re
from typing import Final

from retrieval.analysis import morphology
from retrieval.sources.record import Finding, Kind
from retrieval.sources.words import SURNAME, cases, head_nominative, lemma, parses

# A site's name is one token ("Delo.ua", "LIGA.net", "Газета.Ru").
_TOKEN = re.compile(
    r"[«»\"“”„]|\w+\.(?:ua|ru|net|com|org|info|by|kz|Ru|UA|RU)\b|\w+(?:[-'’]\w+)*|[^\w\s]"
)

_VERBS: Final = frozenset(
    (
        "заявить заявлять сообщить сообщать сказать говорить отметить отмечать подчеркнуть "
        "подчёркивать подчеркивать рассказать рассказывать написать писать пояснить пояснять "
        "добавить добавлять считать полагать утверждать признать признавать предупредить "
        "предупреждать подтвердить подтверждать опровергнуть объявить объявлять указать "
        "указывать напомнить напоминать уточнить уточнять заверить заверять передать "
        "передавать констатировать прокомментировать комментировать ответить отвечать "
        "призвать призывать потребовать требовать пообещать обещать допустить настаивать "
        "отрицать прогнозировать ожидать опасаться сообщаться уверять проинформировать "
        "информировать объяснить объяснять резюмировать акцентировать дополнить дополнять "
        "спрогнозировать "
        "заявити заявляти повідомити повідомляти сказати говорити зазначити зазначати "
        "наголосити наголошувати розповісти розповідати написати писати пояснити пояснювати "
        "додати додавати вважати стверджувати визнати визнавати попередити попереджати "
        "підтвердити підтверджувати спростувати оголосити оголошувати вказати вказувати "
        "нагадати нагадувати уточнити уточнювати запевнити запевняти передати передавати "
        "констатувати прокоментувати коментувати відповісти відповідати закликати вимагати "
        "пообіцяти обіцяти припустити наполягати заперечувати підкреслити підкреслювати "
        "прогнозувати спрогнозувати очікувати поінформувати інформувати резюмувати акцентувати "
        "зауважити зауважувати доповнити доповнювати"
    ).split()
)
# Speech acts that report only with a "что"/"що" clause: "Песков повторил, что …";
# "согласился встретиться", "повторил ошибку" report nothing.
_THAT_ONLY: Final = frozenset(
    (
        "повторить повторять согласиться соглашаться пошутить шутить намекнуть намекать "
        "посетовать сетовать надеяться подозревать бояться сомневаться усомниться вторить "
        "вспомнить припомнить заметить замечать рассчитывать обозначить "
        # "заключил контракт", "поделился опытом": speech only with a quote or a clause
        "заключить заключать подытожить подытоживать парировать признаться признаваться "
        "уверить возразить возражать пожаловаться жаловаться воскликнуть предположить "
        "убеждать убедить отреагировать пригрозить предостеречь предостерегать "
        "спросить озвучить поделиться продолжить "
        "підсумувати підсумовувати заперечити вигукнути переконувати переконати відреагувати "
        "пригрозити озвучити поділитися зізнатися зізнаватися парирувати спитати запитати "
        "продовжити "
        "повторити повторювати погодитися погоджуватися пожартувати жартувати натякнути "
        "натякати поскаржитися скаржитися сподіватися підозрювати боятися сумніватися "
        "засумніватися вторити пригадати згадати розраховувати позначити"
    ).split()
)
# Speech acts that judge someone: they report what was said only with its content after
# them, the charge ("раскритиковал Запад за …") or the words quoted.
_JUDGING: Final = frozenset(
    (
        "раскритиковать критиковать осудить осуждать высмеять высмеивать похвалить хвалить "
        "упрекнуть упрекать "
        "розкритикувати критикувати засудити засуджувати висміяти висміювати похвалити "
        "хвалити дорікнути дорікати"
    ).split()
)
# Short adjectives of belief that report what their subject holds with a что/що clause:
# "Песков уверен, что …", "Кулеба переконаний, що …".
_STANCE_ADJECTIVES: Final = frozenset(
    (
        "уверен уверена уверены убежден убеждён убеждена убеждены "
        "впевнений впевнена впевнені переконаний переконана переконані"
    ).split()
)
# Verbs that report a finding only with a poll, a study or a record as their subject:
# "Опрос показал, что …", "Дані свідчать, що …"; "Песков показал документ" reports nothing.
_DATA_VERBS: Final = frozenset(
    "показать показывать свидетельствовать показати показувати свідчити".split()
)
_DATA_NOUNS: Final = frozenset(
    (
        "опрос опросы исследование исследования данные доклад отчет отчёт анализ статистика "
        "результаты документы перепись аудит проверка расследование видео записи подсчеты "
        "подсчёты опитування дослідження дані доповідь звіт аналіз статистика результати "
        "документи перепис аудит перевірка розслідування відео записи підрахунки"
    ).split()
)
# "назвал X Y" (Y in the instrumental) calls X something: a judgement, as "called X a Y".
_NAMING: Final = frozenset("назвать называть назвати називати".split())
_QUOTE_MARKS: Final = frozenset({"«", '"', "“", "„"})
_FRAME_MARKS: Final = frozenset({",", "—", "–", "-", "»", "”", '"'})
# Source phrases: the words, and whether the noun phrase after them is in the genitive.
_PHRASES: Final = re.compile(
    r"(?i)\b(?P<cue>по(?=\s+(?:его|её|ее|их)\s)|"
    r"по\s+(?:\w+\s+(?=данным|сведениям|оценкам|подсчетам|подсчётам|прогнозу))?"
    r"(?:словам|данным|информации|сведениям|мнению|оценкам|оценке|прогнозам|прогнозу|"
    r"подсчетам|подсчётам|утверждению|версии)|согласно(?:\s+(?:данным|информации))?|"
    r"в\s+соответствии\s+с|відповідно\s+до|(?:зі|із)\s+слів|з(?=\s+(?:його|її|їх)\s+слів)|"
    r"(?:следует|видно|вытекает)\s+из\s+(?:данных|доклада|отчета|отчёта)|"
    r"(?:випливає|видно)\s+з\s+(?:даних|доповіді|звіту)|"
    r"за(?=\s+(?:його|її|їхніми|їх)\s)|на(?=\s+(?:його|її|їхню|їх)\s+думку)|"
    r"за\s+(?:\w+\s+(?=даними|оцінками|підрахунками|прогнозом))?"
    r"(?:словами|даними|інформацією|оцінками|оцінкою|версією|підрахунками|прогнозами|прогнозом)|"
    r"на\s+думку|згідно\s+з(?:\s+даними)?|"
    r"(?:говорится|отмечается|сообщается|указывается|подчеркивается|подчёркивается|"
    r"указано|сказано|отмечено)\s+"
    r"(?:в|во)\s+(?:сообщении|заявлении|документе|отчете|отчёте|докладе|релизе|пресс-релизе|"
    r"публикации|материале|статье|исследовании|письме|обращении|(?:телеграм|telegram)-канале)|"
    r"(?:йдеться|зазначається|повідомляється|наголошується|зазначено|вказано|сказано)\s+"
    r"[ву]\s+(?:повідомленні|"
    r"заяві|документі|звіті|доповіді|релізі|пресрелізі|публікації|матеріалі|статті|"
    r"дослідженні|листі|зверненні|(?:телеграм|telegram)-каналі)|"
    r"как\s+стало\s+известно|як\s+стало\s+відомо|"
    r"как\s+(?:сообщает|сообщил[аио]?|сообщили|пишет|писал[аио]?|заявил[аио]?|заявили|"
    r"отмечает|отметил[аи]?|отмечают|рассказал[аи]?|утверждает|утверждают|передает|"
    r"передаёт|уточнил[аи]?|сообщают|заявляют|"
    r"сообщается\s+(?:на|в)\s+сайте)|"
    r"як\s+(?:повідомляє|повідомив|повідомила|повідомили|пише|писав|писала|заявив|"
    r"заявила|заявили|зазначає|зазначив|зазначила|зазначили|розповів|розповіла|розповіли|"
    r"передає|стверджує|стверджують|уточнив|уточнила|уточнили|повідомляють|зазначають|"
    r"повідомляється\s+(?:на|в|у)\s+сайті))(?:\s+|(?=[.!?;]|$))"
)
_WORD = re.compile(r"\w+")
# "Додається, що …", "Резюмується, що …", "Отмечается также: «…»", "Уточняется, …": an
# impersonal report opening the sentence goes on with the report named last ("сообщение",
# resolved to its source), else its source is not named. "Отмечается, что …" alone is left to
# the engine, which carries over the nearest report in the paragraph or the two before.
_REPORTED: Final = re.compile(
    r"[\s—–-]*(?P<cue>(?i:добавляется|дополняется|резюмируется|констатируется|уточняется|"
    r"подчеркивается|подчёркивается|отмечается|сообщается|указывается|поясняется|"
    r"напоминается|утверждается|заявляется|додається|доповнюється|резюмується|"
    r"констатується|уточнюється|підкреслюється|наголошується|зазначається|повідомляється|"
    r"вказується|пояснюється|нагадується|стверджується|заявляється|зазначено|вказано|"
    r"наголошено|підкреслено|уточнено|повідомлено|додано|резюмовано|констатовано|"
    r"отмечено|указано|подчеркнуто|уточнено|сообщено|добавлено))"
    r"(?P<also>(?i:\s+(?:также|тоже|при\s+этом|дополнительно|далее|отдельно|також|теж|"
    r"при\s+цьому|додатково|далі|окремо))?)\s*(?P<mark>[,:])\s*(?P<that>(?i:что|що)\b)?"
)
_REPORTED_KEYS: Final = frozenset(
    "добавляется дополняется резюмируется констатируется уточняется подчеркивается "
    "подчёркивается отмечается сообщается указывается поясняется напоминается утверждается "
    "заявляется додається доповнюється резюмується констатується уточнюється підкреслюється "
    "наголошується зазначається повідомляється вказується пояснюється нагадується "
    "стверджується зазначено вказано наголошено підкреслено уточнено повідомлено додано "
    "резюмовано констатовано отмечено указано подчеркнуто сообщено добавлено".split()
)
# What the engine's "Отмечается, что" rule takes (the same words, with "что"/"що" next).
_ENGINE_NOTED: Final = frozenset(
    "отмечается сообщается уточняется подчеркивается подчёркивается указывается "
    "зазначається повідомляється наголошується уточнюється підкреслюється вказується".split()
)
# A word every match of _PHRASES contains (its second word, or its first where that is rare):
# a sentence without any of them cannot match, and the regex is not run on it.
_PHRASE_KEYS: Final = frozenset(
    (
        "его её ее их словам данным информации сведениям мнению оценкам оценке подсчетам "
        "подсчётам утверждению версии согласно следует видно вытекает випливає "
        "його її їхніми їх їхню думку словами даними інформацією оцінками оцінкою версією "
        "підрахунками згідно говорится отмечается сообщается указывается подчеркивается "
        "подчёркивается йдеться зазначається повідомляється наголошується как як указано "
        "сказано отмечено зазначено вказано прогнозам прогнозами соответствии відповідно слів "
        "прогнозу прогнозом"
    ).split()
)
_PASSIVES: Final = frozenset(
    "говорится отмечается сообщается указывается подчеркивается подчёркивается указано сказано "
    "отмечено йдеться зазначається повідомляється наголошується зазначено вказано".split()
)
_DOCUMENT_KEYS: Final = frozenset(
    "говорится отмечается сказано указывается подчеркивается йдеться зазначається "
    "наголошується".split()
)
_ADVERBS: Final = frozenset(
    "также ранее уже не ещё еще вчера сегодня накануне позднее позже впервые официально "
    "також раніше вже не ще вчора сьогодні напередодні пізніше вперше офіційно "
    "якобы будто нібито начебто сейчас теперь наразі зараз нині тепер вкотре водночас "
    "одночасно одновременно вчергове знову снова опять вновь повторно".split()
)
_DOCUMENT_SAYS: Final = re.compile(
    r"(?i)\b(?P<cue>(?:в|во|у)\s+(?:заявлении|сообщении|документе|докладе|отчете|отчёте|"
    r"релизе|пресс-релизе|письме|обращении|повідомленні|заяві|документі|звіті|доповіді|"
    r"релізі|пресрелізі|листі|зверненні))\s+(?P<who>[^,.;:—«»]{2,80}?)\s+"
    r"(?:говорится|отмечается|сказано|указывается|подчеркивается|йдеться|зазначається|"
    r"сказано|наголошується)\b"
)
# "«…», — приводит слова тренера «Матч ТВ»", "— цитирует Пескова ТАСС", "— приводит РИА
# Новости сообщение пресс-службы": the one quoted speaks, the outlet quoting is the detail.
_QUOTING: Final = re.compile(
    r"\b(?i:привод(?:ит|ят)|привел[аи]?|привёл|цитиру(?:ет|ют)|процитировал[аи]?|"
    r"наводить|наводять|навів|навела|навели|цитує|цитують|процитував|процитувала|"
    r"процитували)\s+(?P<rest>[^.;!?]{2,90})(?:[.;!?]|$)"
)
_QUOTED_WHAT: Final = frozenset(
    "слова сообщение заявление высказывание реплику повідомлення заяву висловлювання "
    "репліку".split()
)
_OUTLET_FIRST: Final = re.compile(r"«([^»]{1,40})»\s+|((?:РИА\s+)?[A-ZА-ЯЁІЇЄҐ][\w-]*)\s+(?=\w)")
_WHO: Final = re.compile(r"[^\W\d][^,«»\"“”()—–]*?(?=\s+«|\s+[ву]\s|$)")
_QUOTING_KEYS: Final = frozenset(
    "приводит приводят привел привела привели привёл цитирует цитируют процитировал "
    "процитировала процитировали наводить наводять навів навела навели цитує цитують "
    "процитував процитувала процитували".split()
)
_MONTHS: Final = frozenset(
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада "
    "грудня".split()
)
_POSSESSIVES: Final = frozenset("его её ее их його її їх їхніми їхню".split())
_CITING: Final = re.compile(
    r"(?i),?\s*(?:со\s+ссылкой\s+на|ссылаясь\s+на|з\s+посиланням\s+на|"
    r"посилаючись\s+на)\s+(?P<what>[^,.;:—()]+)"
)
_STOPS: Final = frozenset(
    "что чтобы о об про в во на у с со и а но как который которая которые когда если "
    "що щоб та і й але як який яка які коли якщо з із зі від до для за к из от".split()
)
_PREPOSITIONS: Final = frozenset(
    "в во на у о об про с со к из от по за до для при над под перед з із зі від біля через "
    "после після кроме крім окрім среди серед около между між против проти під".split()
)
_NOT_SUBJECTS: Final = frozenset(
    "это этом то том это тот все всё кто что оно как так "
    "це цьому те тому все хто що воно як так там тут здесь "
    "который которая которое которые який яка яке які".split()
)
_SKIP_AFTER: Final = frozenset(
    "также уже ранее позже тогда еще ещё в во на у по журналистам об этом этом том "
    "також вже раніше пізніше тоді ще про це цьому".split()
)
_PLACE: Final = frozenset({"в", "во", "у"})
_AND: Final = frozenset({"и", "а", "но", "і", "й", "та", "але"})
_SUBORDINATE: Final = frozenset(
    "когда который которая которые которого что чтобы если пока после хотя "
    "коли який яка які якого що щоб якщо поки після хоча".split()
)


class Rules:
    """The cue rules of one Cyrillic language."""

    def __init__(self, language: str) -> None:
        self.language = language

    def find(self, sentence: str) -> list[Finding]:
        """Every cue in the sentence with its subject, in order of position."""
        # Most sentences have no cue: a set of their lowercased words rules each rule out
        # before its regex runs or the sentence is tokenised.
        words = frozenset(_WORD.findall(sentence.lower()))
        forms = _verb_forms(self.language)
        phrases = not _PHRASE_KEYS.isdisjoint(words)
        data = _data_forms(self.language)
        findings_of_data = not data.isdisjoint(words) and not _DATA_NOUNS.isdisjoint(words)
        quoting = not _QUOTING_KEYS.isdisjoint(words)
        if (
            not phrases
            and not quoting
            and forms.isdisjoint(words)
            and _DOCUMENT_KEYS.isdisjoint(words)
            and not findings_of_data
            and _REPORTED_KEYS.isdisjoint(words)
        ):
            return []
        if not _REPORTED_KEYS.isdisjoint(words):
            reported = self._reported(sentence)
            if reported is not None:
                return [reported]
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
        found: list[Finding] = []
        for match in _PHRASES.finditer(sentence) if phrases else ():
            finding = self._phrase(sentence, tokens, match)
            if finding is not None:
                found.append(finding)
        for match in (
            _DOCUMENT_SAYS.finditer(sentence) if not _DOCUMENT_KEYS.isdisjoint(words) else ()
        ):
            # "В заявлении МИД говорится, что …": the document's author is the source.
            subject = head_nominative(_clean(match.group("who")), self.language)
            cue = " ".join(match.group("cue").split()).lower()
            found.append(Finding(subject, cue, "according to", "document", match.start()))
        if quoting:
            found.extend(self._quoting(sentence))
        if findings_of_data:
            forms = forms | data
        if forms.isdisjoint(words):
            return sorted(found, key=lambda f: f.position)
        for i, (word, start, _) in enumerate(tokens):
            if word.lower() not in forms:
                continue
            if word.lower() in data:
                # "Опрос показал, что …": only a poll, a study or a record reports a finding.
                source = self._left(sentence, tokens, i) if i > 0 else None
                if source and not _DATA_NOUNS.isdisjoint(source.lower().split()):
                    found.append(Finding(source, word, "reported speech", "data", start))
                continue
            if any(f.position <= start < f.position + len(f.cue) + 1 for f in found):
                continue
            if _embedded(tokens, i, self.language):
                continue
            rule = _complement_rule(tokens, i, self.language)
            if rule == "":
                continue
            finding = self._verb(sentence, tokens, i)
            if finding is not None and rule != "verb":
                finding = finding._replace(rule=rule)
            if finding is not None:
                found.append(finding)
        return sorted(found, key=lambda f: f.position)

    def _reported(self, sentence: str) -> Finding | None:
        """ "Додається, що …": the statement named last speaks (see _REPORTED)."""
        match = _REPORTED.match(sentence)
        if match is None:
            return None
        cue = match.group("cue").lower()
        if cue in _ENGINE_NOTED and not match.group("also") and match.group("that"):
            return None  # "Отмечается, что …": the engine's
        statement = "повідомлення" if self.language == "uk" else "сообщение"
        return Finding(statement, cue, "according to", "noted", match.start("cue"))

    def _quoting(self, sentence: str) -> list[Finding]:
        """ "«…», — приводит слова тренера «Матч ТВ»": the frame after a quote names the one
        quoted as its verb's object, and the outlet quoting him is the detail."""
        found = []
        for match in _QUOTING.finditer(sentence):
            if not sentence[: match.start()].rstrip().endswith(tuple(_FRAME_MARKS)):
                continue  # only the frame of a quote: "приводит к росту цен" is no quoting
            rest = match.group("rest").strip()
            outlet = None
            first = _OUTLET_FIRST.match(rest)
            if first is not None and (first.group(1) or _agency(first.group(2))):
                outlet = first.group(1) or first.group(2)
                rest = rest[first.end() :]
            if rest.split(maxsplit=1)[0].lower() in _QUOTED_WHAT:
                rest = rest.split(maxsplit=1)[1] if " " in rest else ""
            who = _WHO.match(rest)
            if who is None or not who.group().strip():
                continue
            name = _clean(who.group())
            if not name or name.split()[0].lower() in _STOPS | _PREPOSITIONS:
                continue
            tail = rest[who.end() :].strip()
            words = name.split()
            if outlet is None and not tail and len(words) > 1 and _agency(words[-1]):
                name, tail = " ".join(words[:-1]), words[-1]  # "цитирует Пескова ТАСС"
            if outlet is None and tail:
                outlet = tail[2:].strip() if tail.startswith(("в ", "у ")) else tail
                outlet = outlet.strip("«»") or None
            found.append(
                Finding(
                    _object_nominative(name, self.language),
                    match.group().split()[0],
                    "quote",
                    "quoting",
                    match.start(),
                    outlet,
                )
            )
        return found

    def _phrase(
        self, sentence: str, tokens: list[tuple[str, int, int]], match: re.Match[str]
    ) -> Finding | None:
        first = next((k for k, t in enumerate(tokens) if t[1] >= match.end()), None)
        if first is None:
            return None
        if tokens[first][0].lower() in _POSSESSIVES and first + 1 < len(tokens):
            # "По его словам", "за її даними": the pronoun is the source, resolved later.
            cue = " ".join(sentence[match.start() : tokens[first + 1][2]].split()).lower()
            return Finding(tokens[first][0], cue, "according to", "phrase", match.start())
        cue = " ".join(match.group("cue").split()).lower()
        if cue.startswith(("как", "як")):
            # "Как заявил в интервью «Известиям» министр …", "Як зазначили в Генштабі ЗСУ"
            right = self._right(sentence, tokens, first - 1)
            if right is None:
                return None
            subject = right
            last = first - 1  # the citing phrase may follow the subject directly
        else:
            if tokens[first][0].lower() in {"от", "від"} and first + 1 < len(tokens):
                first += 1  # "по предварительным данным от МЧС России"
            last = _np_end(tokens, first, self.language, after_phrase=True)
            if tokens[first][0].lower() in _STOPS:
                last = first - 1  # "сообщается в Telegram-канале со ссылкой на …": no name after
            if last < first and cue.split()[0] in _PASSIVES:
                # "— говорится в сообщении.", "— йдеться у повідомленні.": whose statement
                # the speakers know (the source named last)
                noun = head_nominative(match.group("cue").split()[-1], self.language)
                citing = _CITING.search(sentence, match.end() - 1)
                detail = " ".join(citing.group(0).strip(" ,").split()) if citing else None
                return Finding(noun, cue, "according to", "document", match.start(), detail)
            if last < first:
                return None
            subject = head_nominative(
                _clean(sentence[tokens[first][1] : tokens[last][2]]), self.language
            )
            if cue in {"відповідно до", "в соответствии с"} and not _stated(
                tokens[first : last + 1], self.language
            ):
                return None  # "відповідно до ринкових умов": conditions, not a source
        detail = None
        citing = _CITING.search(sentence, tokens[last][2])
        if citing:
            detail = " ".join(citing.group(0).strip(" ,").split())
        kind: Kind = "reported speech" if cue.startswith(("как", "як")) else "according to"
        relays = {"как передает", "как передаёт", "как пишет", "як передає", "як пише"}
        rule = "relay" if cue in relays else "phrase"
        return Finding(subject, cue, kind, rule, match.start(), detail)

    def _verb(self, sentence: str, tokens: list[tuple[str, int, int]], i: int) -> Finding | None:
        word, position = tokens[i][0], tokens[i][1]
        before = tokens[i - 1][0] if i > 0 else ""
        after_quote = before in {",", "—", "–", "-", "»", "”", '"', "“"} and not _quoted_name(
            tokens, i
        )
        subject: str | None = None
        rule = "subject-verb"
        if before == "," and _gerund(word.lower(), self.language):
            # "Нацбанк повысил прогноз, полагая, что …": the main clause's subject reports.
            main = _main_verb(tokens, i - 1, self.language)
            subject = self._left(sentence, tokens, main) if main is not None else None
            if subject is None:
                return None
            return Finding(subject, word, "reported speech", "gerund", position)
        if before == ",":
            subject = _described_source(sentence, tokens, i - 1, self.language)
            rule = "postmodified" if subject is not None else rule
        about = [t[0].lower() for t in tokens[:2]] in (["об", "этом"], ["про", "це"]) and not (
            tokens[i - 1][0].lower() in _PRONOUNS or tokens[i - 1][0][:1].isupper()
        )
        if subject is None and not after_quote and about:
            # "Об этом в ходе коллегии Министерства науки и образования заявил глава
            # министерства …": after "Об этом" the speaker follows the verb.
            subject = self._right(sentence, tokens, i)
            rule = "inverted"
        if subject is None and not after_quote:
            rule = "subject-verb"
            subject = self._left(sentence, tokens, i)
            if subject is not None and not _MONTHS.isdisjoint(subject.lower().split()):
                # "26 мая в Минфине сообщили": a date, and the place speaks; "В конце мая
                # Песков заявил": the name after the date
                words = subject.split()
                last = max(k for k, w in enumerate(words) if w.lower() in _MONTHS)
                subject = " ".join(words[last + 1 :]) or None
            if subject is not None and _agency(subject):
                # "Об этом РИА Новости сообщил источник …": the agency was told.
                subject = self._right(sentence, tokens, i) or subject
        if subject is None and not after_quote and before.lower() in _AND:
            subject = self._opening(sentence, tokens, i - 1)
            rule = "coordinated"
        if subject is None and not after_quote and _impersonal(word):
            # "В Офисе президента опровергли опубликованную журналом «X» информацию": the
            # place before the verb speaks, not a name found far after it.
            place = self._place(sentence, tokens, i)
            right = self._right(sentence, tokens, i)
            if place is not None and (
                right is None
                or not _next_to(sentence, tokens, i, right)
                or word.lower() in _forecast_forms(self.language)
            ):
                # "В министерстве спрогнозировали рост цен": a forecast's object follows it
                return Finding(place, word, "reported speech", "place", position)
        if subject is None and word.lower().endswith(("но", "то")):
            return None  # "Наразі підтверджено збиття дронів": what is confirmed, not who
        if subject is None:
            subject = self._right(sentence, tokens, i)
            # Only a report that closes the sentence (", сообщил X") governs all of it; an
            # agency passing on another's report (", передает ТАСС", ", сообщает РБК-Украина")
            # gives way to the report it passes on.
            rule = "verb-subject" if after_quote else "inverted"
            if (
                after_quote
                and subject
                and (word.lower() in _relay_forms(self.language) or _agency(subject))
            ):
                rule = "relay"
        if subject is None and before == "," and tokens[i - 2][0][:1].isupper():
            subject = self._placed(sentence, tokens, i - 1)
            rule = "placed"
        if subject is None and before == "," and i > 2:
            # "Источник «Газеты.Ru» в экономическом блоке, сказал, что …": a comma the writer
            # set between the subject opening the sentence and its verb.
            left = self._left(sentence, tokens, i - 1)
            if left is not None and _unnamed(left.split()[0], self.language):
                subject, rule = left, "subject-verb"
        if subject is None and not after_quote:
            subject = self._place(sentence, tokens, i)
            rule = "place"
        if subject is None:
            return None
        detail = None
        citing = _CITING.search(sentence, tokens[i][2])
        if citing:
            detail = " ".join(citing.group(0).strip(" ,").split())
        return Finding(subject, word, "reported speech", rule, position, detail)

    def _opening(
        self, sentence: str, tokens: list[tuple[str, int, int]], conjunction: int
    ) -> str | None:
        """The name opening the sentence, when the cue is its first verb's coordinate.

        "Песков прибыл в Минск и заявил, что …": Песков заявил. Only a capitalised name in
        the nominative right at the start, its verb next, and no clause opened before "и".
        """
        if tokens[0][0].lower() in _STOPS | _SUBORDINATE | _PREPOSITIONS | _ADVERBS:
            return None  # "Когда Песков прибыл …": a clause, not the sentence's subject
        end = 0
        while end < conjunction and end < 3 and tokens[end][0][:1].isupper():
            if not _nominative(tokens[end][0], self.language):
                return None
            end += 1
        if end == 0 or end >= conjunction or not tokens[end][0][:1].islower():
            return None
        if "VERB" not in {str(p.tag.POS) for p in parses(tokens[end][0], self.language)[:2]}:
            return None
        between = {t[0].lower() for t in tokens[end:conjunction]}
        if between & _SUBORDINATE or between & {":", ";", "«", "»", '"'}:
            return None
        return _clean(sentence[tokens[0][1] : tokens[end - 1][2]]) or None

    def _left(self, sentence: str, tokens: list[tuple[str, int, int]], i: int) -> str | None:
        """The nominative noun phrase just before the verb."""
        j = i - 1
        phrase_end = j
        while j >= 0:
            low = tokens[j][0].lower()
            if low in _ADVERBS or _manner(low, self.language):
                j -= (
                    1  # "Серга категорично спростовував", "в правительстве резко прокомментировали"
                )
            elif j >= 1 and tokens[j - 1][0].lower() in _PREPOSITIONS and tokens[j][0][0].isalnum():
                j -= 2  # "Лавров в понедельник заявил", "Кличко в телеграмі написав"
            elif (
                tokens[j][0][0].isalpha()
                and not _nominative(tokens[j][0], self.language)
                and (m := _preposition_before(tokens, j)) is not None
            ):
                j = m - 1  # "Джерело в Офісі президента повідомило"
            elif (
                (m := _preposition_before(tokens, j)) is not None
                and tokens[m][0].lower() == "по"
                and m > 0
                and all(t[0].isalpha() for t in tokens[m - 1 : j + 1])
                and tokens[j][0].islower()
            ):
                j = m - 1  # "Главное управление МЧС по Свердловской области сообщило": detail
            else:
                break
        if j < 0 or (not tokens[j][0][0].isalnum() and tokens[j][0] not in {"»", '"', "”"}):
            return None
        end = j
        if _head_with_genitive(tokens, j, self.language):
            j -= 1  # "Мэр Казани сообщил", "Пресс-секретарь президента сообщил": the head speaks
        if tokens[j][0] in {"»", '"', "”"}:
            k = j - 1
            while k >= 0 and tokens[k][0] not in {"«", '"', "“", "„"}:
                k -= 1
            if k < 0:
                return None
            j = k - 1
            start = k
        else:
            low = tokens[j][0].lower()
            if low == "там" and j == 0:
                return tokens[j][0]  # "Там отметили": the institution named before
            if (
                low in _NOT_SUBJECTS
                or low in _STOPS
                or not _nominative(tokens[j][0], self.language)
            ):
                return None
            if low in _PRONOUNS:
                return tokens[j][0]  # "В беседе с журналистом газеты он сообщил": he alone
            start = j
            j -= 1
        while j >= 0 and tokens[j][0][0].isalnum() and end - j < 8:
            low = tokens[j][0].lower()
            if (
                low in _STOPS
                or low in _NOT_SUBJECTS
                or low in _ADVERBS
                or not (
                    _nominative(tokens[j][0], self.language)
                    or _genitive_modifier(tokens, j, self.language)
                )
            ):
                break
            start = j
            j -= 1
        if start > 0 and tokens[start - 1][0].lower() in _PREPOSITIONS:
            # "В Кремле заявили": a place, not a subject; "После голосования спикер Андрей
            # Парубий сообщил": the preposition's object goes, the nominative after it speaks.
            while start <= end and not (
                tokens[start][0][:1].isalpha() and _only_nominative(tokens[start][0], self.language)
            ):
                start += 1
            if start > end:
                return None
        if _unnamed(tokens[end][0], self.language):
            end = phrase_end  # "Источник в правительстве сообщил": the phrase says which
            while end > start and not tokens[end][0][0].isalnum():
                end -= 1
        text = sentence[tokens[start][1] : tokens[end][2]]
        return _clean(text) or None

    def _right(self, sentence: str, tokens: list[tuple[str, int, int]], i: int) -> str | None:
        """The nominative noun phrase after the verb, past words in other cases."""
        k = i + 1
        while k < len(tokens) and k - i < 7:
            word = tokens[k][0]
            low = word.lower()
            if _addressee(tokens, k):
                k += 1  # "заявил ТАСС губернатор …": the agency is told, the governor speaks
                continue
            if low == "риа" and k + 1 < len(tokens) and tokens[k + 1][0] == "Новости":
                k += 2  # "рассказали РИА Новости в пресс-службе МЧС": the agency is told
                continue
            if word in {"«", '"', "“", "„"} and tokens[k - 1][0].lower() in _OUTLET_DATIVES:
                close = next(
                    (m for m in range(k + 1, len(tokens)) if tokens[m][0] in {"»", '"', "”"}),
                    None,
                )
                if close is not None:
                    k = close + 1  # "повідомили агентству «Інтерфакс-Україна» джерела"
                    continue
            if word in {"«", '"', "“", "„"}:
                close = next(
                    (m for m in range(k + 1, len(tokens)) if tokens[m][0] in {"»", '"', "”"}),
                    None,
                )
                inner = tokens[k + 1][0] if k + 1 < len(tokens) else ""
                if close is not None and inner and not _nominative(inner, self.language):
                    k = close + 1  # "в интервью «Известиям»": not the speaker
                    continue
                break
            if word[0].isupper() and _nominative(word, self.language):
                break
            if (
                word[0].isalpha()
                and _nominative(word, self.language)
                and low not in _SKIP_AFTER
                and (
                    not {"datv", "ablt", "loct"} & cases(low, self.language)
                    or _only_nominative(low, self.language)
                )
            ):
                break
            place = (
                low in _PLACE
                and k + 1 < len(tokens)
                and tokens[k + 1][0][0].isalpha()
                and (
                    tokens[k + 1][0][:1].isupper()
                    or lemma(tokens[k + 1][0].lower(), self.language) in _INSTITUTIONS
                )
            )
            if place and _impersonal(tokens[i][0]):
                # "…, повідомили в Міністерстві аграрної політики."
                return self._place_name(sentence, tokens, k + 1, len(tokens) - 1)
            if low in _PLACE and _impersonal(tokens[i][0]) and k + 1 < len(tokens):
                quoted = _quoted_after(sentence, tokens, k + 1, self.language)
                if quoted is not None:
                    return quoted  # "…, — заверили в «Антонове»"
            if not word[0].isalnum() and word not in {"«"}:
                return None
            if low in _PREPOSITIONS and k + 1 < len(tokens) and tokens[k + 1][0][0].isalpha():
                # "очікує на повернення …", "написав у соцмережі Facebook": the preposition's
                # object, and a Latin name after it, are not the speaker.
                k += 2
                while k < len(tokens) and _LATIN.match(tokens[k][0]):
                    k += 1
                continue
            k += 1
        if k >= len(tokens) or k - i >= 7:
            return None
        end = _np_end(tokens, k, self.language, after_phrase=False)
        if end < k:
            return None
        while (
            end > k
            and tokens[end][0][0].isalpha()
            and not _nominative(tokens[end][0], self.language)
            and "gent" not in cases(tokens[end][0], self.language)
        ):
            end -= 1  # "сказал Лавров журналистам": the dative is not part of the speaker
        for m in range(k + 1, end + 1):
            word = tokens[m][0]
            if (
                word[0].isalpha()
                and not _nominative(word, self.language)
                and "gent" not in cases(word, self.language)
            ):
                name = next(
                    (n for n in range(m + 1, min(m + 3, len(tokens) - 1)) if _person(tokens, n)),
                    None,
                )
                # "представник управління розвідкою МОУ Андрій Юсов": the name closes it
                end = name + 1 if name is not None else m - 1
                break
        if (
            end + 2 < len(tokens)
            and tokens[end + 1][0].lower() in {",", "и", "і", "та"}
            and tokens[end + 2][0][:1].islower()
        ):
            # "заступник міністра, головний санітарний лікар України Віктор Ляшко", "міністр
            # освіти і науки України Сергій Шкарлет": the title goes on, then the name
            name = next(
                (n for n in range(end + 3, min(end + 10, len(tokens) - 1)) if _person(tokens, n)),
                None,
            )
            if name is not None and all(t[0][:1].isalnum() for t in tokens[end + 2 : name]):
                end = name + 1
        if _unnamed(tokens[end][0], self.language):
            # "сообщил источник в Минобороны": the phrase says which source
            while (
                end + 1 < len(tokens)
                and tokens[end + 1][0] not in {",", ".", ";", ":", "—", "(", "«"}
                and end - k < 8
            ):
                end += 1
            if (
                end + 2 < len(tokens)
                and tokens[end + 1][0] == ","
                and tokens[end + 2][0].lower().startswith(_DESCRIBING)
            ):
                # "сообщил источник, близкий к мэрии": the description says which source
                last = end + 2
                while last + 1 < len(tokens) and tokens[last + 1][0] not in {",", ".", ";", ":"}:
                    last += 1
                end = last if last - end <= 8 else end
        return _clean(sentence[tokens[k][1] : tokens[end][2]]) or None

    def _place(self, sentence: str, tokens: list[tuple[str, int, int]], i: int) -> str | None:
        """ "В Кремле заявили": the institution named by where, for a verb without subject."""
        if not _impersonal(tokens[i][0]):
            return None
        for j in range(i - 1, max(-1, i - 7), -1):
            if tokens[j][0].lower() not in _PLACE or j + 1 >= i:
                continue
            if tokens[j + 1][0][0].isupper() or (
                j + 2 == i and lemma(tokens[j + 1][0].lower(), self.language) in _INSTITUTIONS
            ):
                return self._place_name(sentence, tokens, j + 1, i - 1)  # "У фінустанові зазначили"
            quoted = _quoted_after(sentence, tokens[:i], j + 1, self.language)
            if quoted is not None:
                return quoted  # "В «Укргазі» повідомили", "В предприятии «Антонов» назвали"
        return None

    def _placed(self, sentence: str, tokens: list[tuple[str, int, int]], comma: int) -> str | None:
        """The speaker before its town and region: "Полиция" in "Полиция в Казани, Татарстан,
        сообщила", "Поліція у Львові, Україна, повідомила": where it is, not who speaks."""
        k = comma - 1
        while k > 0 and comma - k <= 3 and tokens[k][0][:1].isupper():
            k -= 1  # the region: "Татарстан", "Нижегородская область"
        if k == comma - 1 or tokens[k][0] != ",":
            return None
        town = k - 1
        if town > 0 and tokens[town - 1][0][:1].isupper():
            town -= 1  # "в Нижнем Новгороде"
        if town < 2 or tokens[town][0][:1].islower():
            return None
        if tokens[town - 1][0].lower() not in {"в", "во", "у", "из", "із", "з"}:
            return None
        left = self._left(sentence, tokens, town - 1)
        if left is None or not sentence.lstrip().startswith(left):
            return None  # "… задержала его в Казани, Татарстан, сообщил": no subject opens it
        return left

    def _place_name(
        self, sentence: str, tokens: list[tuple[str, int, int]], first: int, limit: int
    ) -> str:
        """ "Министерстве обороны" → "Министерство обороны"; "Кремле" → "Кремль"; "окружном ГУ
        МЧС" → "ГУ МЧС"; "пресслужбі «Укренерго»" → "Пресслужба «Укренерго»"."""
        if (
            first + 1 <= limit
            and tokens[first][0].islower()
            and tokens[first + 1][0].isupper()
            and len(tokens[first + 1][0]) > 1
        ):
            first += 1  # the adjective agrees with an acronym whose gender is unknown
        last = first
        while (
            last + 1 <= limit
            and tokens[last + 1][0][0].isalpha()
            and tokens[last + 1][0].lower() not in _STOPS
            and "gent" in cases(tokens[last + 1][0], self.language)
        ):
            last += 1
        while last + 1 <= limit and tokens[last + 1][0].isupper() and len(tokens[last + 1][0]) > 1:
            last += 1  # "ГУ МЧС"
        if last + 1 <= limit and tokens[last + 1][0] in {"«", '"', "“", "„"}:
            close = next(
                (m for m in range(last + 2, min(limit + 1, last + 8)) if tokens[m][0] in _CLOSE),
                None,
            )
            if close is not None:
                last = close  # "у пресслужбі «Укренерго»": the company's name goes with it
        head = tokens[first][0]
        if head.isupper() and len(head) > 1:
            nominal = head
        else:
            found = [p for p in parses(head, self.language) if p.tag.case in {"loct", "datv"}]
            form = found[0].inflect({"nomn"}) if found else None
            nominal = str(form.word).capitalize() if form is not None else head
        rest = sentence[tokens[first][2] : tokens[last][2]]
        return nominal + rest


def _preposition_before(tokens: list[tuple[str, int, int]], j: int) -> int | None:
    """The preposition up to three words before ``j`` that governs them, if any."""
    for m in range(j - 1, max(-1, j - 4), -1):
        if not tokens[m][0][0].isalnum():
            return None
        if tokens[m][0].lower() in _PREPOSITIONS:
            return m
    return None


# How an unnamed source is described between commas: "Источник, близкий к мэрии, сообщил",
# "собеседник, знакомый с ходом переговоров", "Джерело, наближене до Кремля, повідомило".
_DESCRIBING: Final = (
    "близк", "знаком", "осведомл", "информирован", "близьк", "наближен", "знайом", "обізнан",
    "поінформован",
)  # fmt: skip


def _described_source(
    sentence: str, tokens: list[tuple[str, int, int]], comma: int, language: str
) -> str | None:
    """An unnamed source described between commas just before the verb, the description
    kept: "Источник, близкий к мэрии, сообщил" (the source speaks, not the mayor's office)."""
    k = comma - 1
    while k > 0 and comma - k < 8 and tokens[k][0] != ",":
        k -= 1
    head = k - 1
    if head > 1 and tokens[head][0] in _CLOSE:
        opening = next(
            (m for m in range(head - 1, max(-1, head - 6), -1) if tokens[m][0] in _QUOTE_MARKS),
            None,
        )
        head = opening - 1 if opening is not None else head  # "источник «Газеты.Ru», знакомый …"
    if k < 1 or tokens[k][0] != "," or not _unnamed(tokens[head][0], language):
        return None
    if not tokens[k + 1][0].lower().startswith(_DESCRIBING):
        return None
    return _clean(sentence[tokens[head][1] : tokens[comma - 1][2]]) or None


def _unnamed(word: str, language: str) -> bool:
    """An unnamed source's noun: "источник", "собеседник", "джерело", "співрозмовник"."""
    return lemma(word, language) in {"источник", "собеседник", "джерело", "співрозмовник"}


def _object_nominative(phrase: str, language: str) -> str:
    """The one quoted, named as the object ("тренера", "Карпова", "капітана команди"), in the
    nominative: its first word, and a name after it, made nominative; the rest as written."""
    words = phrase.split()
    out = list(words)
    for k, word in enumerate(words[:3]):
        if k and not word[:1].isupper():
            break
        found = [
            p
            for p in parses(word, language)
            if p.tag.POS == "NOUN" and p.tag.case in {"gent", "accs"}
        ]
        if not found:
            break
        form = found[0].inflect({"nomn"})
        nominative = str(form.word) if form is not None else found[0].normal_form
        out[k] = word[:1] + nominative[1:] if word[:1].isupper() else nominative
    return " ".join(out)


def _agency(subject: str) -> bool:
    """An agency's name: "ТАСС", "РИА Новости", "РБК-Украина"."""
    words = subject.split()
    return (
        all(w.isupper() or w.split("-")[0].isupper() for w in words if w != "Новости")
        and len(subject) > 1
    )


def _embedded(tokens: list[tuple[str, int, int]], i: int, language: str) -> bool:
    """Whether the cue reports nothing of the sentence: an infinitive ("не стал комментировать",
    "не зміг пояснити"), what someone says ("слышал, что говорит Путин"), a relative clause's
    verb ("уступки, которых требует сторона"), a denial with no content ("детали не сообщили")."""
    word = tokens[i][0].lower()
    if word in _infinitive_forms(language):
        return True
    before = tokens[i - 1][0].lower() if i > 0 else ""
    just = i > 1 and tokens[i - 2][0].lower() in {"только", "лишь"}  # "только что сообщил"
    if (before in {"что", "що"} and not just) or before.startswith(_RELATIVE) or before in _WHICH:
        return True
    if before == "не" and word not in _that_forms(language):
        # "не сообщили", "не ответила на запрос «…»": nothing said, unless its content follows
        following = [t[0].lower() for t in tokens[i + 1 : i + 3]]
        if following[:1] == [","]:
            following = following[1:]
        return not following or following[0] not in {"что", "що", ":", "«", '"', "“", "„"}
    return False


_WHICH: Final = frozenset("яка яке які якій якому яким которой котором".split())


def _main_verb(tokens: list[tuple[str, int, int]], comma: int, language: str) -> int | None:
    """The finite verb of the clause before a gerund's comma ("Нацбанк повысил прогноз, …")."""
    for j in range(comma - 1, -1, -1):
        word = tokens[j][0]
        if not word[:1].isalpha():
            continue
        found = parses(word.lower(), language)
        if found and str(found[0].tag.POS) == "VERB":
            return j
    return None


def _next_to(sentence: str, tokens: list[tuple[str, int, int]], i: int, subject: str) -> bool:
    """Whether the subject found after the verb follows it at once (one word between at most)."""
    where = sentence.find(subject, tokens[i][2])
    between = sentence[tokens[i][2] : where] if where >= 0 else ""
    return where >= 0 and len(_WORD.findall(between)) <= 1


def _addressee(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """An agency's acronym told the news, with the speaker named after it ("ТАСС губернатор")."""
    word = tokens[k][0]
    if not (word.isupper() and len(word) > 1) or k + 1 >= len(tokens):
        return False
    following = tokens[k + 1][0]
    told = k > 0 and tokens[k - 1][0].lower().endswith(("л", "ла", "ли", "в", "ли"))
    return (
        told
        and following[:1].islower()
        and following[0].isalpha()
        and (following.lower() not in _STOPS | _PREPOSITIONS or following.lower() in _PLACE)
    )


_STATEMENTS: Final = frozenset(
    "заявление сообщение решение данные документ постановление указ отчет отчёт доклад "
    "информация заява повідомлення рішення дані документ постанова указ звіт доповідь "
    "інформація".split()
)


def _stated(words: list[tuple[str, int, int]], language: str) -> bool:
    """Whether a phrase names a source: a capitalised name or a statement, data, a ruling."""
    return any(w[0][:1].isupper() for w in words) or (
        bool(words) and lemma(words[0][0].lower(), language) in _STATEMENTS
    )


def _quoted_after(
    sentence: str, tokens: list[tuple[str, int, int]], k: int, language: str
) -> str | None:
    """The name in quotation marks at ``k``, or after an institution's noun there ("«Укргаз»",
    "предприятии «Антонов»"), in the nominative when it is declined ("«Антонове»")."""
    if (
        k < len(tokens)
        and tokens[k][0][:1].islower()
        and lemma(tokens[k][0].lower(), language)
        in _INSTITUTIONS | {"предприятие", "концерн", "підприємство", "корпорація", "корпорация"}
    ):
        k += 1
    if k >= len(tokens) or tokens[k][0] not in _QUOTE_MARKS:
        return None
    close = next((m for m in range(k + 1, min(len(tokens), k + 7)) if tokens[m][0] in _CLOSE), None)
    if close is None or close == k + 1 or not tokens[k + 1][0][:1].isupper():
        return None
    name = _clean(sentence[tokens[k + 1][1] : tokens[close - 1][2]])
    if close == k + 2:
        found = [p for p in parses(name.lower(), language) if p.tag.case in {"loct", "datv"}]
        form = found[0].inflect({"nomn"}) if found else None
        if form is not None and not {"Name", "Surn"} & set(found[0].tag.grammemes):
            name = _like_word(name, str(form.word))
    return name or None


def _like_word(model: str, word: str) -> str:
    return word.upper() if model.isupper() else word[:1].upper() + word[1:]


def _quoted_name(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the verb follows a name in quotation marks («Газпром» сообщил), not a quote."""
    if i < 3 or tokens[i - 1][0] not in _CLOSE:
        return False
    opening = next(
        (k for k in range(i - 2, max(-1, i - 7), -1) if tokens[k][0] in _QUOTE_MARKS), None
    )
    if opening is None or opening == i - 2:
        return False
    inner = tokens[opening + 1 : i - 1]
    return (
        len(inner) <= 4
        and inner[0][0][:1].isupper()
        and all(t[0][:1].isalnum() for t in inner)
        and (opening == 0 or tokens[opening - 1][0] not in {",", ":", "—", "–", "-"})
    )


def _manner(word: str, language: str) -> bool:
    """An adverb of manner ending in -о/-е ("категорично", "резко")."""
    if not word.endswith(("о", "е")) or len(word) < 5:
        return False
    found = parses(word, language)
    return bool(found) and str(found[0].tag.POS) == "ADVB"


def _person(tokens: list[tuple[str, int, int]], n: int) -> bool:
    """A first name and surname in capitals from ``n``, nothing but acronyms before them."""
    return (
        tokens[n][0][:1].isupper()
        and not tokens[n][0].isupper()
        and tokens[n + 1][0][:1].isupper()
        and not tokens[n + 1][0].isupper()
        and (n + 2 >= len(tokens) or not tokens[n + 2][0][:1].isalpha())
    )


def _impersonal(verb: str) -> bool:
    """A plural verb with no subject of its own ("заявили", "повідомляють")."""
    return verb.lower().endswith(("ли", "ють", "ять", "ют", "ят"))


def _np_end(
    tokens: list[tuple[str, int, int]], first: int, language: str, *, after_phrase: bool
) -> int:
    """The last token of the noun phrase starting at ``first`` (``first - 1`` if none).

    A name in quotation marks is part of it ("аналитик центра «Совэкон» Андрей Сизов").
    """
    last = first - 1
    k = first
    while k < len(tokens) and k - first < 10:
        word = tokens[k][0]
        if word in {"«", '"', "“", "„"}:
            close = next(
                (m for m in range(k + 1, len(tokens)) if tokens[m][0] in {"»", '"', "”", "“"}),
                None,
            )
            if close is None or close - k > 8:
                break
            last = k = close
            k += 1
            continue
        if not word[0].isalnum():
            break
        if word.lower() in _STOPS and k > first:
            break
        last = k
        k += 1
    return last


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.;:—-")
    words = text.split()
    if len(words) > 1 and words[0].lower() in _OUTLET_NOUNS and words[1][:1].isupper():
        text = " ".join(words[1:])  # "агентство Укрінформ" → "Укрінформ"
    quoted = _QUOTED.search(text)
    if quoted:
        lead = text[: quoted.start()].strip().lower()
        # "издание «Коммерсантъ»" → the outlet's name; "министр «…»" keeps both.
        if (
            not lead
            or lemma(lead.split()[-1], "ru") in _OUTLET_NOUNS
            or lead.split()[-1] in _OUTLET_NOUNS
        ):
            return quoted.group(1).strip()
    return text


_QUOTED: Final = re.compile(r"[«\"“„]([^»\"”“]{1,80})[»\"”“]")
_OUTLET_NOUNS: Final = frozenset(
    "издание газета агентство телеканал канал журнал сайт портал радиостанция "
    "видання газета агентство телеканал канал журнал сайт портал радіостанція "
    "издания газеты агентства телеканала канала журнала сайта".split()
)


def _complement_rule(tokens: list[tuple[str, int, int]], i: int, language: str) -> str:
    """The rule a cue reports by: "verb"; "that-clause", "judging" or "stance" for the verbs
    and adjectives that report only with their content after them; "" when it is missing."""
    word = tokens[i][0].lower()
    if word in _STANCE_ADJECTIVES:
        following = [t[0].lower() for t in tokens[i + 1 : i + 3]]
        return "stance" if following in ([",", "что"], [",", "що"]) else ""
    if word.endswith(("но", "то")) and language == "uk" and word in _impersonal_forms():
        # "Зазначено, що …", "вказано:": reported; "дуже очікувано ухвалило": an adverb
        return "verb" if tokens[i + 1 : i + 2] and tokens[i + 1][0] in {",", ":"} else ""
    if word in _that_forms(language):
        if i > 0 and tokens[i - 1][0] in _FRAME_MARKS:
            return "verb"  # «…», — повторил Песков: the quote is what he repeated
        following = [t[0].lower() for t in tokens[i + 1 : i + 5]]
        for _ in range(2):  # "намекал рынку, что …": a short object before the clause
            if following[:1] and following[0][:1].isalpha() and following[0] not in {"что", "що"}:
                following = following[1:]
        if following[:1] == [","]:
            following = following[1:]
        return "that-clause" if following[:1] and following[0] in {"что", "що"} else ""
    if word in _judging_forms(language):
        window = tokens[i + 1 : i + 10]
        if any(t[0].lower() == "за" or t[0] in _QUOTE_MARKS for t in window):
            return "judging"
        if word in _naming_forms(language) and any(
            cases(t[0], language) == {"ablt"} for t in window[1:6] if t[0][:1].isalpha()
        ):
            return "judging"  # "назвал заявление провокацией": what it is called
        return ""
    if word in _action_forms(language) and tokens[i + 1 : i + 2] and tokens[i + 1][0] not in ",:":
        following = [t[0].lower() for t in tokens[i + 1 : i + 4] if t[0][:1].isalpha()]
        if following and _act(word, following, language):
            return ""
    return "verb"


# Verbs that as often name an act: "обещает поделиться позже" (a promise of an action),
# "признали виновным" (a verdict), "відповідає прогнозам" (corresponds to).
_ACTIONS: Final = frozenset(
    "обещать пообещать признать признавать отвечать ответить обіцяти пообіцяти визнати "
    "визнавати відповідати відповісти объявить объявлять оголосити оголошувати".split()
)


@functools.cache
def _relay_forms(language: str) -> frozenset[str]:
    relays = "передать передавать передати передавати информировать інформувати"
    return _lexeme_forms(frozenset(relays.split()), language)


@functools.cache
def _action_forms(language: str) -> frozenset[str]:
    return _lexeme_forms(_ACTIONS, language)


def _act(word: str, following: list[str], language: str) -> bool:
    """Whether the verb names an act rather than what was said, from the words after it."""
    verb = lemma(word, language)
    first = parses(following[0], language)
    tags = [p.tag for p in first[:2]]
    if verb in {"обещать", "пообещать", "обіцяти", "пообіцяти"}:
        return any(str(t.POS) == "INFN" or "infn" in t.grammemes for t in tags)
    if verb in {"признать", "признавать", "визнати", "визнавати"}:
        return any(
            "ablt" in parses(w, language)[0].tag.grammemes
            for w in following[:2]
            if parses(w, language)
        ) and any(str(t.POS) in {"ADJF", "PRTF", "NOUN"} for t in tags)
    if verb in {"объявить", "объявлять", "оголосити", "оголошувати"}:
        # "оголосили тривогу", "объявил перерыв": an act; "объявил о …", "оголосив, що …": a report
        return following[0] not in {"о", "об", "про", "что", "що"} and not any(
            "nomn" in t.grammemes and str(t.POS) == "NOUN" and t.case == "nomn" for t in tags[:1]
        )
    if following[0] in {"на", "за"}:
        return False  # "ответил на вопрос": an answer
    return any("datv" in t.grammemes and "inan" in t.grammemes for t in tags)


@functools.cache
def _infinitive_forms(language: str) -> frozenset[str]:
    analyser = morphology("uk" if language == "uk" else "ru")
    return frozenset(
        form
        for form in _verb_forms(language)
        if any(
            str(p.tag.POS) == "INFN" or "infn" in p.tag.grammemes for p in analyser.parse(form)[:1]
        )
    )


@functools.lru_cache(maxsize=4096)
def _gerund(word: str, language: str) -> bool:
    """A reporting verb's gerund: "заявив", "полагая", "зазначивши", "вважаючи"."""
    for parse in parses(word, language)[:2]:
        if str(parse.tag.POS) != "GRND":
            continue
        verb = parse.normal_form
        if language == "uk":  # the dictionary gives the gerund as its own lemma
            verb = verb[:-3] + "ти" if verb.endswith(("вши", "ючи", "учи", "ачи", "ячи")) else verb
        return verb in _VERBS
    return False


@functools.cache
def _impersonal_forms() -> frozenset[str]:
    """The Ukrainian impersonal forms of the cue verbs ("зазначено", "очікувано")."""
    analyser = morphology("uk")
    return frozenset(
        word
        for word in _verb_forms("uk")
        if word.endswith(("но", "то")) and any("Impe" in p.tag for p in analyser.parse(word))
    )


@functools.cache
def _that_forms(language: str) -> frozenset[str]:
    return _lexeme_forms(_THAT_ONLY, language)


@functools.cache
def _judging_forms(language: str) -> frozenset[str]:
    return _lexeme_forms(_JUDGING | _NAMING, language)


@functools.cache
def _data_forms(language: str) -> frozenset[str]:
    return _lexeme_forms(_DATA_VERBS, language)


_FORECASTS: Final = frozenset(
    "прогнозировать спрогнозировать ожидать прогнозувати спрогнозувати очікувати".split()
)


@functools.cache
def _forecast_forms(language: str) -> frozenset[str]:
    return _lexeme_forms(_FORECASTS, language)


@functools.cache
def _naming_forms(language: str) -> frozenset[str]:
    return _lexeme_forms(_NAMING, language)


@functools.cache
def _verb_forms(language: str) -> frozenset[str]:
    """Every form of the cue verbs (past, present, infinitive, gerund), made once.

    A word is then a cue by a set look-up: no analysis of the other words of a sentence.
    """
    forms = _lexeme_forms(_VERBS | _THAT_ONLY | _JUDGING | _NAMING, language) | _STANCE_ADJECTIVES
    return forms | _uk_gerunds() if language == "uk" else forms


def _uk_gerunds() -> frozenset[str]:
    """ "заявивши", "додавши", "вважаючи": the Ukrainian dictionary gives each gerund as its
    own lemma, so they are made from the verbs' infinitives and present plurals."""
    analyser = morphology("uk")
    candidates: set[str] = set()
    for verb in _VERBS:
        if not verb.endswith("ти"):
            continue
        candidates.add(verb[:-2] + "вши")
        for parse in analyser.parse(verb)[:1]:
            for form in parse.lexeme:
                word = str(form.word)
                if {"plur", "3per", "pres"} <= set(form.tag.grammemes) and word.endswith("ть"):
                    candidates.add(word[:-2] + "чи")  # "вважають" → "вважаючи"
    return frozenset(
        word
        for word in candidates
        if any(str(p.tag.POS) == "GRND" for p in analyser.parse(word)[:1])
    )


def _lexeme_forms(verbs: frozenset[str], language: str) -> frozenset[str]:
    analyser = morphology("uk" if language == "uk" else "ru")
    forms: set[str] = set()
    for verb in verbs:
        for parse in analyser.parse(verb):
            if parse.normal_form == verb and str(parse.tag.POS) in {"INFN", "VERB"}:
                forms.update(
                    str(form.word)
                    for form in parse.lexeme
                    if str(form.tag.POS) in {"VERB", "INFN", "GRND"}
                )
                break
    return frozenset(forms | {form.replace("ё", "е") for form in forms})


def _nominative(word: str, language: str) -> bool:
    if word.isupper() and len(word) > 1:
        return True  # ТАСС, РБК, НАТО
    if SURNAME.match(word):
        return True  # a surname the dictionary does not know: "Силуанов"
    found = cases(word, language)
    return "nomn" in found or (not found and word[:1].isupper())


def _only_nominative(word: str, language: str) -> bool:
    return cases(word, language) == {"nomn"}


_LATIN: Final = re.compile(r"[A-Za-z]")
_CLOSE: Final = frozenset({"»", '"', "”"})
_PRONOUNS: Final = frozenset("он она они оно він вона вони воно".split())
# Institutions named lowercase after "в": "сообщили в пресс-службе", "повідомили в міністерстві".
_INSTITUTIONS: Final = frozenset(
    (
        "пресс-служба пресс-центр министерство ведомство правительство управление прокуратура "
        "полиция мэрия администрация штаб комитет служба офис посольство компания суд минобороны "
        "банк банка финучреждение учреждение организация пресс-офис фінустанова установа "
        "організація предприятие концерн корпорация госкорпорация підприємство концерн "
        "корпорація "
        "пресслужба прес-служба пресцентр прес-центр міністерство відомство уряд управління "
        "поліція мерія адміністрація комітет офіс посольство компанія"
    ).split()
)
_OUTLET_DATIVES: Final = frozenset(
    "агентству изданию газете телеканалу каналу журналу сайту порталу радио агентству "
    "виданню газеті телеканалу каналу журналу сайту порталу радіо".split()
)
_RELATIVE: Final = ("котор", "чь", "яки", "якого", "якої", "чиї", "чий")
_VERBAL: Final = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def _head_with_genitive(tokens: list[tuple[str, int, int]], j: int, language: str) -> bool:
    """Whether the word before the verb is a genitive after its nominative head ("Мэр Казани",
    "Прессекретар президента"), not a subject itself."""
    word = tokens[j][0]
    if j < 1 or not word[:1].isalpha() or word.lower().startswith(_RELATIVE):
        return False  # "принятие которых требует": a relative clause's verb
    if _nominative(word, language) or any(
        p.tag.POS in _VERBAL for p in parses(word.lower(), language)
    ):
        return False  # "Стихи начал писать": "начал" is a verb before "писать"
    head = tokens[j - 1][0]
    return (
        "gent" in cases(word, language)
        and head[:1].isalpha()
        and head.lower() not in _NOT_SUBJECTS
        and head.lower() not in _STOPS
        and _nominative(head, language)
    )


def _genitive_modifier(tokens: list[tuple[str, int, int]], j: int, language: str) -> bool:
    """ "министр иностранных дел Сергей Лавров": the genitive words inside the title."""
    return "gent" in cases(tokens[j][0], language) and tokens[j][0][:1].islower()
