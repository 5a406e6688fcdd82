"""English reporting, stance and speech-act verbs: the lexicon :mod:`.english` reads with.

``VERBS`` maps every form ("said", "argues", "mocked") to its base ("say", "argue", "mock"),
or to "form:that" for the verbs that report only with a that-clause; the other sets say which
forms need what after them (:func:`.english.find` decides).
"""

from __future__ import annotations

import re
from typing import Final

_REGULAR = (
    "report claim state announce warn add note confirm believe estimate allege insist explain "
    "argue deny urge ask expect suggest acknowledge admit predict contend maintain reply "
    "testify tweet declare assert complain concede emphasize emphasise stress accuse "
    "criticize criticise promise vow pledge threaten demand reveal conclude recall caution "
    "counter boast observe indicate insist disclose propose outline defend dismiss "
    "mention blame tout slam blast condemn praise worry cite describe reference comment hail "
    "liken retort"
).split()
_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "find": ("find", "finds", "found"),
    "call": ("calls", "called"),
    "point out": ("points", "pointed"),
    "concur": ("concur", "concurs", "concurred", "concurring"),
    "quip": ("quip", "quips", "quipped", "quipping"),
}
# Forms that are plural nouns as often as verbs: a cue only after a speaker-like word.
NOUN_LIKE: Final = frozenset(
    "states claims reports notes calls estimates fears doubts demands promises pledges vows "
    "shows finds points questions tweets counters remarks comments warns answers".split()
)


def _forms(base: str) -> tuple[str, ...]:
    stem = base[:-1] if base.endswith("e") else base
    if base.endswith("y") and base not in {"say", "pray"}:
        return (base, base[:-1] + "ies", base[:-1] + "ied", base + "ing")
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    # One syllable ending in one vowel and one consonant doubles it: "slammed", "dubbed".
    single = re.fullmatch(r"[^aeiou]+[aeiou][bdgptmn]", base)
    past = base + base[-1] + "ed" if single else stem + "ed"
    if base in {"admit", "regret"}:
        past = base + base[-1] + "ed"
    doubled = past == base + base[-1] + "ed"
    gerund = base + base[-1] + "ing" if doubled else stem + "ing"
    return (base, third, past, gerund)


# Verbs that report only with a "that" clause: "Trump charges that …", "the court ruled that …"
WITH_THAT: Final = frozenset(
    "charge charges charged rule rules ruled decide decides decided feel feels felt hope hopes "
    "hoped doubt doubts doubted bet bets imply implies implied speculate speculates speculated "
    "recognize recognizes recognized realize realizes realized complain complains complained "
    "fear fears feared worry worries worried suspect suspects suspected".split()
)
# Verbs of belief that report a clause even without "that": "Many experts suspect the losses
# were larger", "Democrats hope they will gain", "Most Republicans agreed they had no choice".
BELIEFS: Final = frozenset(
    "hope hopes hoped fear fears feared doubt doubts doubted worry worries worried suspect "
    "suspects suspected feel feels felt agree agrees agreed believe believes believed think "
    "thinks thought".split()
)
# Speech acts that report only with a "that" clause: "Clinton reiterated that …", "Kasich joked
# that …"; "agreed to meet", "responded to the letter", "repeated the mistake" report nothing.
_THAT_ONLY: Final = (
    "reiterate repeat lament bemoan agree respond retort quip joke signal hint intimate posit "
    "assess dispute reject"
).split()
# Speech acts that judge someone ("Trump mocked Rubio for “having a tough night”", "Hollande
# denounced the remarks as “hurtful”"): they report what the subject said only with its content
# after them, the charge ("for …"), the label ("as …") or the words quoted.
_JUDGING: Final = (
    "attack castigate chastise scold rebuke lambaste chide mock ridicule taunt fault decry "
    "denounce deride applaud commend laud label brand dub portray characterize characterise"
).split()
# Adjectives of belief and feeling that report what their subject holds with a that-clause:
# "Many Democrats are afraid that …", "The mayor is confident that …".
STANCE_ADJECTIVES: Final = frozenset(
    "afraid worried concerned confident convinced hopeful optimistic pessimistic skeptical "
    "sceptical adamant certain incensed furious alarmed nervous fearful".split()
)
# Verbs that report a doubt only with the question after them: "Trump questioned whether …",
# "Voters wonder why …"; "was questioned by police", "questions remain" report nothing.
ASKING_FORMS: Final = frozenset(
    "question questions questioned questioning wonder wonders wondered wondering".split()
)
QUESTION_WORDS: Final = frozenset("whether why how if".split())
LINKING: Final = frozenset("is are was were been be remain remains remained".split())
# Verbs that report only before a clause or at the end of one: "X maintains that …",
# "…, X maintains."; "maintains a lead" is no report.
HOLDS: Final = frozenset("maintain maintains maintained".split())
VERBS: Final[dict[str, str]] = {}
for _base in _REGULAR:
    for _form in _forms(_base):
        VERBS.setdefault(_form, _base)
for _base, _all in _IRREGULAR.items():
    for _form in _all:
        VERBS.setdefault(_form, _base)
for _form in ("deny", "denies", "denied", "denying"):
    VERBS[_form] = "deny"
for _form in WITH_THAT:
    VERBS.setdefault(_form, f"{_form}:that")
# "mocks", "mocked": never the bare form, a gerund or a form that is a plural noun as well
JUDGING_FORMS: Final = frozenset(
    f
    for b in _JUDGING
    for f in _forms(b)[1:3]
    if f not in {"attacks", "labels", "brands", "faults", "taunts", "mocks", "rebukes", "dubs"}
)
for _base in _JUDGING:
    for _form in _forms(_base)[1:3]:
        if _form in JUDGING_FORMS:
            VERBS.setdefault(_form, _base)
for _form in ASKING_FORMS:
    VERBS.setdefault(_form, "wonder" if _form.startswith("w") else "question")
# "agree" is the one bare form: "experts agree that …", "the campaigns agree." (a plural only)
THAT_FORMS: Final = frozenset(f for b in _THAT_ONLY for f in _forms(b)[1:3]) | {"agree"}
for _form in THAT_FORMS:
    VERBS.setdefault(_form, f"{_form}:that")
