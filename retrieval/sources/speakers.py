"""Speakers as a reader would name them: full names, resolved pronouns, unnamed sources.

The article introduces a person once in full ("Sergei Lavrov", "Сергей Лавров") and then
uses the surname, a pronoun or a role ("Lavrov", "he", "the minister"). :class:`Speakers`
follows one article in reading order: a surname becomes the full name mentioned last before
it, a pronoun the most recent compatible speaker, and what it cannot resolve stays
unresolved (:data:`~retrieval.sources.record.NOT_NAMED`) rather than guessed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Final

from retrieval.analysis import morphology, stopwords
from retrieval.sources.latin import COMMON as LATIN_COMMON
from retrieval.sources.latin import DETERMINERS as LATIN_DETERMINERS
from retrieval.sources.latin import FEMININE as LATIN_FEMININE
from retrieval.sources.latin import PERSON as LATIN_PERSON
from retrieval.sources.latin import PLURAL as LATIN_PLURAL
from retrieval.sources.latin import ROLES as LATIN_ROLES
from retrieval.sources.record import NOT_NAMED, UNNAMED
from retrieval.sources.words import (
    SURNAME,
    lemma,
    nominative,
    parses,
    person_and_role,
    same_name,
)

_CAP = r"[A-ZА-ЯЁІЇЄҐ]"
# Possessive: a shorter word never ends a run, so the engine need not try one.
_NAME_WORD = rf"{_CAP}(?:[\w'’-]++|\.)"
_FULL_NAME = re.compile(rf"{_NAME_WORD}(?: +(?P<last>{_NAME_WORD}))+")
# The Latin-script languages besides English also capitalise with accents: "Émile", "Łukasz".
_LATIN_CAPS = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁІЇЄҐ"
_LATIN_NAME_WORD = rf"[{_LATIN_CAPS}](?:[\w'’-]++|\.)"
_NAME_OPENERS: Final = frozenset(
    "de du des d la le les l en à au aux del el los las di della dello dei degli da do dos "
    "das no na em w we z ze van het der den von vom zu im am".split()
)
"""Words before a capitalised run that make it a place or a body, not a role's holder."""
_ROLE_NAMES: dict[str, re.Pattern[str]] = {}
"""Per language, a role followed by a person's name ("minister Ferd Grapperhaus")."""
_LATIN_FULL_NAME = re.compile(rf"{_LATIN_NAME_WORD}(?: +(?P<last>{_LATIN_NAME_WORD}))+")
_TITLES: Final = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. sen sen. gov gov. rep rep. gen. president senator governor "
    "secretary minister chairman chairwoman sir lord madam"
    " господин госпожа пан пані".split()
)
_ORG_WORDS: Final = frozenset(
    "times post news journal party committee department ministry agency institute inc corp "
    "company campaign reuters bloomberg associated press cnn fox nbc abc cbs msnbc council "
    "office house senate congress commission bank university center centre kremlin pentagon "
    "foundation group service fbi cia police court government administration association "
    "network magazine tribune herald telegraph guardian review daily weekly radio tv "
    "министерство минобороны кремль правительство агентство издание газета служба компания "
    "міністерство уряд агентство видання газета служба компанія тасс риа интерфакс "
    "укрінформ уніан коммерсантъ ведомости interfax tass ria novosti afp xinhua anadolu "
    "yonhap kyodo ukrinform unian sputnik".split()
)
_UNNAMED = re.compile(
    r"^(?:(?:a|an|the|two|three|several|some|many|other|one|another|anonymous|unnamed|"
    r"senior|informed|government|administration|campaign|military|western|u\.s\.|american|"
    r"russian|ukrainian|intelligence|former|current|people|person)\s+)*"
    r"(?:(?:sources?|officials?|insiders?|aides?|people|person)\s+(?:familiar\s+with|close\s+to|"
    r"briefed\s+on|knowledgeable\s+about|with\s+(?:direct\s+)?knowledge\s+of)\s+.+|"
    r"sources?|officials?|insiders?|"
    r"источник\w*|собеседник\w*|джерел\w*|співрозмовник\w*)$",
    re.IGNORECASE,
)
_SOME: Final = frozenset(
    "some many most few several both others многие некоторые другие немногие "
    "багато деякі інші небагато".split()
)
_UNNAMED_HINT = re.compile("source|official|insider|familiar|close to|briefed|knowledge")
_CYR_UNNAMED = re.compile(
    r"^(?:\w+\s+){0,3}(?:источник\w*|собеседник\w*|джерел\w*|джерело|співрозмовник\w*)\b",
    re.IGNORECASE,
)
_BACK = re.compile(
    r"^(?:the|this|that|its|their|his|her|это\w*|эт\w+|ц\w+)\s+(?:\w+\s+)?(?P<noun>\w+)$",
    re.IGNORECASE,
)
_HONORIFICS: Final = (
    ("Mr.", "m"),
    ("Mr", "m"),
    ("Mrs.", "f"),
    ("Ms.", "f"),
    ("Mrs", "f"),
    ("Ms", "f"),
    ("Miss", "f"),
)
_HONORIFIC = re.compile(r"(Mr\.|Mrs\.|Ms\.|Mrs|Mr|Ms|Miss) (\S+)")
_POSTMODIFIERS: Final = frozenset("for of at from in on with close familiar who".split())
_FEMININE: Final = frozenset({"she", "her", "она", "вона", "её", "ее", "її"}) | LATIN_FEMININE
# A description whose head is one of these is one person ("a BBC spokeswoman", "a spokesman for
# the ministry"), though it names no one and an organisation follows it; some mark a gender.
_ROLE_GENDERS: Final = {
    "spokeswoman": "f",
    "chairwoman": "f",
    "businesswoman": "f",
    "congresswoman": "f",
    "woman": "f",
    "spokesman": "m",
    "chairman": "m",
    "businessman": "m",
    "congressman": "m",
    "man": "m",
    "sir": "m",
    "lord": "m",
    "dame": "f",
    "lady": "f",
}
_PERSON_ROLES: Final = frozenset(_ROLE_GENDERS) - {"sir", "lord", "dame", "lady"} | frozenset(
    "spokesperson official minister judge lawyer attorney prosecutor analyst director editor "
    "secretary mayor senator governor officer doctor professor researcher scientist economist "
    "executive president chief adviser advisor aide diplomat envoy ambassador commander "
    "witness resident student teacher founder owner manager strategist".split()
)
_ROLE_END: Final = frozenset("for of at with from to in on who".split())


def _role_head(words: list[str]) -> str | None:
    """The word a description of someone ends on before what places it ("a spokesman for the
    ministry" → "spokesman"), its words lowercased; None when the first word places it."""
    end = next((k for k, word in enumerate(words) if word in _ROLE_END), len(words))
    return words[end - 1] if end else None


_PLURAL_PRONOUNS: Final = (
    frozenset({"they", "они", "вони", "их", "їх", "їхніми", "їхню"}) | LATIN_PLURAL
)
_PERSON_PRONOUNS: Final = (
    frozenset({"he", "she", "он", "она", "він", "вона", "его", "её", "ее", "його", "її"})
    | LATIN_PERSON
)
_THING_PRONOUNS: Final = frozenset({"it", "оно", "воно"})
_PERSON_OR_OBJECT_PRONOUNS: Final = _PERSON_PRONOUNS | {"him", "her"}
_ANY_PRONOUN: Final = _PERSON_OR_OBJECT_PRONOUNS | _PLURAL_PRONOUNS | _THING_PRONOUNS


_MARKED = re.compile(r"[“«„\"](?P<name>[^”»“\"]{1,60})[”»“\"]?")
_OUTLETS: Final = frozenset(
    "publication newspaper paper outlet agency magazine channel site website portal "
    "broadcaster tabloid daily weekly издание газета агентство телеканал канал журнал сайт "
    "портал видання газета агентство телеканал канал журнал сайт портал".split()
)


_STATEMENTS: Final = frozenset(
    "сообщение заявление документ комментарий повідомлення заява документ коментар".split()
)
_TITLED: dict[str, re.Pattern[str]] = {}


@functools.lru_cache(maxsize=4096)
def _role_opening(words: str, language: str) -> bool:
    """A title opening the sentence with its capital ("Президент", "Губернатор"): an animate
    common noun, not a name."""
    if " " in words or not words[1:].islower():
        return False
    if not morphology("uk" if language == "uk" else "ru").word_is_known(words.lower()):
        return False  # "Росстат": a name the dictionary does not know, not a title
    found = parses(words.lower(), language)
    return bool(found) and all(
        {"NOUN", "anim"} <= set(p.tag.grammemes)
        and not {"Name", "Surn", "Patr"} & set(p.tag.grammemes)
        for p in found[:1]
    )


def _named_in_marks(subject: str) -> str:
    """ "the independent Russian publication “Verstka”" → "Verstka"."""
    marked = _MARKED.search(subject)
    if marked is None:
        return subject
    lead = subject[: marked.start()].split()
    if not lead or lead[-1].lower() in _OUTLETS:
        return marked.group("name")
    return subject


_PLACE_PREPOSITIONS: Final = frozenset(
    "in at from on to for by near outside inside across during "
    "в во у на из от под при к із з зі від біля до".split()
)


def _surname_key(word: str, language: str) -> str:
    """What two forms of one surname share ("Лаврова", "Лавров" → "лавр")."""
    word = word.lower().strip(".,")
    return word[: max(4, len(word) - 2)] if language in {"ru", "uk"} else word


def _unquoted(words: str) -> str:
    """Without quotation marks round the whole or left over at one end (never one of a pair)."""
    words = words.strip(" '’")
    if _MARKS.isdisjoint(words):
        return words
    while words[:1] in _MARKS and not any(c in _MARKS for c in words[1:]):
        words = words[1:].strip()
    while words[-1:] in _MARKS and not any(c in _MARKS for c in words[:-1]):
        words = words[:-1].strip()
    if len(words) > 1 and words[0] in _MARKS and words[-1] in _MARKS:
        inner = words[1:-1]
        if not any(c in _MARKS for c in inner):
            words = inner.strip()
    return words


_MARKS: Final = frozenset('"“”«»„')


def _trim(name: str, common: frozenset[str]) -> str:
    """A capitalised run without a sentence-opening common word or a possessor before it."""
    words = name.split()
    if words[0].lower() not in common and "'s" not in name and "’s" not in name:
        return " ".join(words)  # most runs: nothing to trim
    while words and words[0].lower() in common:
        # "In Washington Trump", "В Москве Песков": the place after a preposition goes too.
        words = words[2:] if words[0].lower() in _PLACE_PREPOSITIONS else words[1:]
    for i, word in enumerate(words):
        if word.endswith(("'s", "’s")):
            words = words[i + 1 :] if i + 1 < len(words) else words[:i]
            break
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A source the article has attributed something to."""

    name: str
    person: bool
    plural: bool
    words: frozenset[str]


class Speakers:
    """The speakers of one article, in reading order."""

    def __init__(self, text: str, language: str) -> None:
        self._text = text
        self._language = language
        self._said: list[Speaker] = []
        self._genders: dict[str, str | None] = {}
        self._speakers: dict[tuple[str, bool, str | None], Speaker] = {}  # one per way named
        self._by_key: dict[str, list[tuple[int, str]]] = {}

    @functools.cached_property
    def _runs(self) -> dict[str, list[tuple[int, str]]]:
        """Every run of capitalised words, by the key its last word will have once trimmed.

        Only the runs of a surname the article uses alone are trimmed (:meth:`_mentions`):
        most runs of an article ("The White House", "New York") never are.
        """
        language = self._language
        found: dict[str, list[tuple[int, str]]] = {}
        english = language not in {"ru", "uk"}
        pattern = _FULL_NAME if language in {"en", "ru", "uk"} else _LATIN_FULL_NAME
        for match in pattern.finditer(self._text):
            whole, last = match.group(0, "last")
            entry = (match.start(), whole)
            key = last.lower().strip(".,") if english else _surname_key(last, language)
            bucket = found.get(key)
            if bucket is None:
                found[key] = [entry]
            else:
                bucket.append(entry)
            if last.endswith(("'s", "’s")):  # "Trump’s" is trimmed off: "Donald" may end it
                other = _surname_key(whole.rsplit(maxsplit=2)[-2], language)
                if other != key:
                    found.setdefault(other, []).append(entry)
        return found

    def _mentions(self, key: str) -> list[tuple[int, str]]:
        """(offset, full name) of the names that can be a person's whose last word has ``key``."""
        if key in self._by_key:
            return self._by_key[key]
        language = self._language
        if language in {"en", "ru", "uk"}:
            common = stopwords(language)
        else:
            common = LATIN_COMMON.get(language, frozenset())
        text = self._text
        found = []
        for start, run in self._runs.get(key, ()):
            name = run
            before = text[max(0, start - 12) : start].split()
            if before and before[-1].lower() in _PLACE_PREPOSITIONS:
                # "… in Moscow Lavrov": the run without its first word, a place
                name = name.split(maxsplit=1)[1]
            name = _trim(name, common)
            if " " in name and _surname_key(name.rsplit(maxsplit=1)[-1], language) == key:
                found.append((start, name))
        self._by_key[key] = found
        return found

    def resolve(self, subject: str, position: int) -> tuple[str, str | None] | None:
        """(source, detail) for the words ``subject`` used at ``position`` in the article.

        ``None`` when the words cannot be a source (a stray word, "I" outside a quote).
        """
        joined = " ".join(subject.split())
        if _MARKS.isdisjoint(subject):
            words, marked = joined.strip(" '’"), False  # most subjects: no quotation marks
        else:
            words = _unquoted(_named_in_marks(joined))
            # A name given in quotation marks is an outlet's or a group's, not a person's.
            marked = _MARKED.search(subject) is not None
        lowered = words.lower()
        if not words or lowered in {"i", "we", "you", "я", "мы", "ми"}:
            return None
        ascii_only = lowered.isascii()
        if (
            # Every match of _UNNAMED contains one of these: most names skip the regex.
            _UNNAMED_HINT.search(lowered) is not None and _UNNAMED.match(lowered)
        ) or (not ascii_only and _CYR_UNNAMED.match(lowered)):
            detail = None if lowered in {"sources", "источники", "джерела"} else words
            return UNNAMED, detail
        if lowered in _SOME:
            return NOT_NAMED, words  # "Some say …", "many argue": people the article does not name
        if lowered in _ANY_PRONOUN:
            found = self._recent(lowered)
            if found is None and lowered in LATIN_PERSON and self._language in LATIN_ROLES:
                titled = self._last_titled(position)
                if titled is not None:
                    self._remember(titled)
                    return titled, None
            return (found.name, None) if found else (NOT_NAMED, words)
        cyrillic = self._language in {"ru", "uk"} and " " not in lowered
        if cyrillic and (lemma(lowered, self._language) in _OUTLETS or lowered == "там"):
            # "по данным издания", "Там отметили": the outlet or institution named last.
            outlet = next((s for s in reversed(self._said) if not s.person), None)
            return (outlet.name, None) if outlet else (NOT_NAMED, words)
        if cyrillic and lemma(lowered, self._language) in _STATEMENTS:
            # "— йдеться у повідомленні": the statement of the source named last.
            author = next(reversed(self._said), None)
            return (author.name, None) if author else (NOT_NAMED, words)
        if cyrillic and (words.islower() or _role_opening(words, self._language)):
            # "— добавил министр", "Президент заявив": the person last quoted in that role,
            # else the one the article named with it before ("Президент Володимир Зеленський").
            title = lemma(lowered, self._language)
            holder = next((s for s in reversed(self._said) if s.person and title in s.words), None)
            if holder is not None:
                return holder.name, None
            titled = self._titled(title, position)
            if titled is not None:
                self._remember(titled, role=words)
                return titled, None
        if self._language in LATIN_ROLES:
            named = self._role_holder(lowered, position)
            if named is not None:
                return named, None
        back = _BACK.match(lowered) if " " in lowered and lowered[0] in "thiэц" else None
        if back:
            noun = back.group("noun")
            for speaker in reversed(self._said):
                if noun in speaker.words:
                    return speaker.name, None
                if noun in _OUTLETS and not speaker.person and speaker.name[:1].isupper():
                    return speaker.name, None  # "The publication writes": the outlet named last
        role: str | None = None
        if self._language in {"ru", "uk"}:
            words, role = person_and_role(words, self._language)
        name = self._full_name(words, position)
        if self._language in {"ru", "uk"}:
            name = nominative(name, self._language)
        self._remember(name, outlet=marked, role=role)
        return name, role

    def note(self, source: str) -> None:
        """Record a source found another way (a quote's speaker) as the latest speaker."""
        if source not in {UNNAMED, NOT_NAMED}:
            self._remember(source)

    def _remember(self, name: str, *, outlet: bool = False, role: str | None = None) -> None:
        key = (name, outlet, role)
        speaker = self._speakers.get(key)
        if speaker is None:
            speaker = self._speakers[key] = self._speaker(name, outlet, role)
        self._said.append(speaker)

    def _speaker(self, name: str, outlet: bool, role: str | None) -> Speaker:
        split = name.split()
        tokens = [t.strip(".,").lower() for t in split]
        one_plural = len(tokens) == 1 and tokens[0].endswith("s") and self._language == "en"
        if one_plural and not self._mentions(tokens[0]) and tokens[0] not in _ORG_WORDS:
            # "Analysts", "Officials" open a sentence: a plural description, not a name.
            return Speaker(name, False, True, frozenset(tokens))
        if (
            len(tokens) > 1
            and tokens[0].endswith("s")
            and (tokens[1] in _POSTMODIFIERS or tokens[1].endswith("ing"))
            and self._language == "en"
            and not tokens[0].endswith("ss")
            and tokens[0] not in _ORG_WORDS
            and not self._mentions(tokens[0])
        ):
            # "Lawyers representing Sir Cliff", "Officials in Kyiv": people, "they" later
            return Speaker(name, False, True, frozenset(tokens))
        capitalised = any(t[:1].isupper() for t in split)
        if self._language == "en" and _role_head(tokens) in _PERSON_ROLES and not outlet:
            return Speaker(name, True, False, frozenset(tokens))  # "a BBC spokeswoman"
        org = outlet or not _ORG_WORDS.isdisjoint(tokens) or (name.isupper() and len(name) > 1)
        # A person's name is capitalised throughout ("Економічна правда" is an outlet).
        person = capitalised and not org and all(t[:1].isupper() for t in split)
        if person and len(split) == 1 and self._language in {"ru", "uk"}:
            # One word with no mark of a name ("Медиазона", "Укренерго") is no person a
            # pronoun could mean; a surname is ("Песков", "Филашкин").
            person = bool(SURNAME.match(name)) or any(
                {"Name", "Surn", "Patr"} & set(p.tag.grammemes)
                for p in parses(name, self._language)[:3]
            )
        plural = not capitalised and tokens[-1].endswith(("s", "ы", "и", "і"))
        if role:
            # "министр иностранных дел Сергей Лавров": later "министр" is him.
            tokens += [lemma(word, self._language) for word in role.lower().split()]
        return Speaker(name, person, plural, frozenset(tokens))

    def _gender(self, name: str) -> str | None:
        """A person's gender as the article marks it: Mr./Ms., or a Russian or Ukrainian name."""
        if name not in self._genders:
            self._genders[name] = self._find_gender(name)
        return self._genders[name]

    def _find_gender(self, name: str) -> str | None:
        words = name.split()
        if self._language in {"ru", "uk"}:
            for word in words:
                for parse in parses(word, self._language)[:4]:
                    grammemes = set(parse.tag.grammemes)
                    # The name as written (nominative): "Павло" is also a feminine vocative,
                    # and a surname that does not decline ("Кириленко") says nothing.
                    if (
                        {"Name", "Surn", "Patr"} & grammemes
                        and "Fixd" not in grammemes
                        and ("nomn" in grammemes)
                    ):
                        if "masc" in grammemes:
                            return "m"
                        if "femn" in grammemes:
                            return "f"
            return None
        lowered = [w.strip(".,").lower() for w in words]
        role = _role_head(lowered)
        if role in _ROLE_GENDERS:
            return _ROLE_GENDERS[role]  # "a BBC spokeswoman", "the chairman of …"
        if lowered[0] in _ROLE_GENDERS:
            return _ROLE_GENDERS[lowered[0]]  # "Sir Cliff", "Dame Judi Dench"
        surname = words[-1].strip(".,")
        following = self._honorifics
        for title, gender in _HONORIFICS:
            if any(word.startswith(surname) for word in following.get(title, ())):
                return gender  # "Mr. Smith", "Ms. Jones"
        return None

    @functools.cached_property
    def _honorifics(self) -> dict[str, list[str]]:
        """The word after each "Mr."/"Ms."/… of the article, by title: one pass over its text
        instead of one search per title and name."""
        found: dict[str, list[str]] = {}
        for match in _HONORIFIC.finditer(self._text):
            found.setdefault(match.group(1), []).append(match.group(2))
        return found

    def _recent(self, pronoun: str) -> Speaker | None:
        for speaker in reversed(self._said[-6:]):
            if pronoun in _PERSON_OR_OBJECT_PRONOUNS and speaker.person:
                wanted = "f" if pronoun in _FEMININE else "m"
                if self._gender(speaker.name) in {None, wanted}:
                    return speaker
            if pronoun in _PLURAL_PRONOUNS and speaker.plural:
                return speaker
            if pronoun in _THING_PRONOUNS and not speaker.person and not speaker.plural:
                return speaker
        return None

    def _role_holder(self, words: str, position: int) -> str | None:
        """The person a role with its article stands for in German, French, Spanish, Italian,
        Portuguese, Polish or Dutch ("il ministro", "la portavoz"): the latest speaker the
        article named with that role before ``position`` ("il ministro della Difesa Guido
        Crosetto"); else the first full name within 80 characters after the role, at the
        role's latest mention with one, which is then remembered as a speaker; None when
        there is neither."""
        parts = words.split()
        if len(parts) > 2 or (len(parts) == 2 and parts[0] not in LATIN_DETERMINERS):
            return None
        role = parts[-1]
        if role not in LATIN_ROLES[self._language]:
            return None
        before = self._text[:position]
        for speaker in reversed(self._said[-6:]):
            if not speaker.person:
                continue
            named = re.search(
                rf"(?i:\b{re.escape(role)}\b)[^.!?]{{0,80}}?\b{re.escape(speaker.name)}\b", before
            )
            if named is not None:
                return speaker.name
        # Named with the role before, though not yet as a speaker: "Le ministre de la
        # Culture, Amadou Ba, membre du parti Pastef, a vivement réagi …" then "le ministre".
        holder = None
        for match in re.finditer(rf"(?i:\b{re.escape(role)}\b)[^.!?]{{0,80}}", before):
            for run in _LATIN_FULL_NAME.finditer(match.group()):
                opener = match.group()[: run.start()].split()[-1:]
                if opener and opener[0].lower().strip("'’") in _NAME_OPENERS:
                    continue  # "du Burkina Faso", "en Centrafrique": a place or a body
                names = run.group().split()
                while names and names[0].lower() in LATIN_ROLES[self._language]:
                    names = names[1:]  # "Minister Dilan Yeşilgöz"
                if len(names) >= 2:
                    holder = " ".join(names[-2:] if len(names) > 3 else names)
                    break
        if holder is not None:
            self._remember(holder)
        return holder

    def _last_titled(self, position: int) -> str | None:
        """The person the article last named after a role before ``position`` ("Minister
        Dilan Yeşilgöz", "minister Ferd Grapperhaus"), for a pronoun no speaker before it
        stands for: "… is minister Ferd Grapperhaus „absoluut niet bang“ … zei hij"."""
        pattern = _ROLE_NAMES.get(self._language)
        if pattern is None:
            roles = "|".join(sorted(map(re.escape, LATIN_ROLES[self._language]), key=len)[::-1])
            pattern = _ROLE_NAMES[self._language] = re.compile(
                rf"(?i:\b(?:{roles})\b)\s+(?P<name>{_LATIN_NAME_WORD}(?: +{_LATIN_NAME_WORD})+)"
            )
        found = None
        for match in pattern.finditer(self._text, 0, position):
            words = match.group("name").split()
            while words and words[0].lower() in LATIN_ROLES[self._language]:
                words = words[1:]
            if len(words) >= 2:
                found = " ".join(words[-3:])
        return found

    def _titled(self, title: str, position: int) -> str | None:
        """The person the article named after this title before ``position``: "Президент
        Володимир Зеленський", "губернатор Калужской области Владислав Шапша"."""
        if len(title) < 4:
            return None
        found = None
        pattern = _TITLED.get(title)
        if pattern is None:
            pattern = _TITLED[title] = re.compile(
                rf"(?i:\b{re.escape(title[:-1])}\w*)((?:\s+[\w-]+){{0,3}}?)"
                r"\s+([А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+)\s+([А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+)"
            )
        for match in pattern.finditer(self._text, 0, position):
            first, last = match.group(2), match.group(3)
            if (
                any("Name" in p.tag.grammemes for p in parses(first, self._language)[:2])
                or SURNAME.match(last)
                or any("Surn" in p.tag.grammemes for p in parses(last, self._language)[:2])
            ):
                found = f"{first} {last}"
        return nominative(found, self._language) if found else None

    def _full_name(self, words: str, position: int) -> str:
        """ "Lavrov" → "Sergei Lavrov" when the article named him in full before."""
        parts = words.split()
        while len(parts) > 1 and parts[0].lower() in _TITLES:
            parts = parts[1:]
        if len(parts) != 1 or not parts[0][:1].isupper():
            return words
        surname = parts[0]
        mentions = self._mentions(_surname_key(surname, self._language))
        for start, name in reversed(mentions):
            if start >= position:
                continue
            tokens = name.split()
            if same_name(tokens[-1], surname, self._language):
                tail = [t for t in tokens if t.lower() not in _TITLES]
                if len(tail) >= 2 and not any(t.lower() in _ORG_WORDS for t in tail):
                    keep = 3 if len(tail) >= 3 and tail[-2].endswith(".") else 2
                    return " ".join(tail[-keep:])
        return words
