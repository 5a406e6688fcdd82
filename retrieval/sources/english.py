"""English reporting cues and their subjects.

A cue is a reporting, belief or stance verb ("said", "argued", "expects"), "according to", or a
participle after a comma ("…, saying …"). Its subject is found where English puts it: to the
left ("Trump said", "In an interview Monday, Trump said", "Nicholas Chapin, 18, said", "its
chief executive has said"), after it when the verb follows a quote or a comma ("…,” said
Derek Kukura, a student."), after "according to" or a passive's "by". A report closing the
sentence governs it (", sources said."). Words that are nouns as often as verbs ("states",
"reports") count only after a name or before "that"; bare forms ("say") only after a plural
("analysts say", "many Democrats say"); title-case headlines count too ("…, Former White House
Doctor Says.").

Stance and speech-act words are as often actions ("agreed to meet", "attacked the plan"), so
they report only with their content after them: a that-clause ("Clinton reiterated that …",
"Democrats are afraid that …"), a clause without "that" for verbs of belief ("Many experts
suspect the losses were …"), the question for doubts ("Trump questioned whether …"), and for
verbs that judge someone the charge, the label or the words quoted ("mocked Rubio for …",
"denounced the remarks as “hurtful”"). "Show", "find" and "indicate" report the findings of a
poll, a study or a record named before them ("A poll released Sunday by X found …", "…, court
records show."). A subject far from its verb is found in a few safe cases: a name opening the
sentence before a long description ("David Kamin, an adviser to … and a professor at …,
said"), the subject of a coordinated verb with what was said after it ("Reid caucused in
Nevada and says he voted …"; not "and praised her effort"), a noun described after it ("a
source close to him said", "those surveyed say") and a speaker placed in a town ("police in
Meriden, Connecticut, said"). "Some say", "many argue" report
for people the article does not name.
"""

from __future__ import annotations

import re
from typing import Final

from retrieval.sources import verbs
from retrieval.sources.record import LABELS, Finding

VERBS: Final = verbs.VERBS
STANCE_ADJECTIVES: Final = verbs.STANCE_ADJECTIVES
_HOLDS: Final = verbs.HOLDS
_JUDGING_FORMS: Final = verbs.JUDGING_FORMS
_LINKING: Final = verbs.LINKING
_NOUN_LIKE: Final = verbs.NOUN_LIKE
_THAT_FORMS: Final = verbs.THAT_FORMS
_WITH_THAT: Final = verbs.WITH_THAT
_BELIEFS: Final = verbs.BELIEFS
# What "states" a clause: a pronoun or a text ("The law states that …", "It states:", "…, the
# filing states."); after any other word "states" is the noun ("Western states", "the four
# states that voted": 25 of 32 on PolNeAR train).
_STATING: Final = frozenset(
    "it he she this which law laws memo report document letter statement website site bill "
    "policy constitution text rule order filing complaint lawsuit indictment agreement contract "
    "release ruling guidance page section article clause amendment platform plan notice "
    "manual charter treaty study".split()
)
_ASKING: Final = verbs.ASKING_FORMS
_QUESTION_WORDS: Final = verbs.QUESTION_WORDS

# Abbreviations keep their period: titles, "No. 2", and the states news writes after a town
# ("Ann Lee, 59, of Dayton, Ohio" but "of Tampa, Fla.,"), so a description stays one phrase.
_STATES: Final = frozenset(
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont "
    "Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo".split()
)
_TOKEN = re.compile(  # the look-ahead skips the abbreviations at most token starts
    r"(?=[A-Z][a-z]{0,4}\.)(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Lt|Col|Jr|Sr|St|Prof|No|Inc|Corp|Co|Ltd|Ala|Ariz|Ark|"
    r"Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|"
    r"Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo|[A-Z])\.|\w++(?:[-'’.&]\w++)*+|[^\w\s]"
)

# Bare forms that are verbs only after a plural subject ("analysts say", "polls show").
_BARE: Final = frozenset(
    "say think believe argue claim suggest warn expect report estimate predict insist agree "
    "show find write contend fear hope worry doubt suspect feel question wonder acknowledge "
    "admit concede note".split()
)
_PARTICIPLES: Final = frozenset(
    "saying adding arguing noting claiming warning insisting explaining stressing telling "
    "asking urging calling accusing suggesting predicting describing".split()
)
# Verbs that may come before their subject after a quote or comma: "…,” said Trump.
_INVERTING: Final = frozenset(
    "said says added wrote told asked argued noted explained continued insisted "
    "recalled replied responded countered warned explained".split()
)
_AUX: Final = frozenset(
    "has have had also previously repeatedly later then already once often again would will "
    "could might may can did does do not never still recently publicly privately reportedly "
    "just even ever now further frequently long earlier since first last separately similarly "
    "flatly "
    "openly widely strongly quickly immediately simply specifically explicitly "
    "is are was were be been being n't".split()
)
_BE: Final = frozenset("is are was were be been being".split())
# Verbs that come before their subject only right after a quotation: "“…,” declared Senator
# Flake"; after a comma they take an object ("DuPont, later, announced plans to merge").
_INVERTING_AFTER_QUOTES: Final = frozenset(
    "declared predicted tweeted acknowledged conceded admitted stated announced cautioned "
    "observed boasted concluded commented concurred quipped retorted".split()
)
# What ends a quotation or clause before an inverted verb: ",” said X", ",'' said X" (''…''
# is how some archives write “…”: two apostrophes, two tokens).
_CLOSING: Final = frozenset({",", "”", '"', "’", "»", "'"})
_QUOTES_CLOSED: Final = _CLOSING - {","}
_QUOTE_MARKS: Final = frozenset({"“", "”", '"', "«", "»", "„", "''"})
_MODAL: Final = frozenset("to will would could should might may can not".split())
_STOP: Final = frozenset(
    "that which who whom whose what where when while whether why how if because although "
    "though as after before since until unless so than and but or nor to not having being".split()
)
_OPENERS: Final = frozenset(
    "but and so yet still now also however instead meanwhile indeed then later earlier "
    "previously today yesterday recently moreover furthermore besides thus hence".split()
)
_PREPOSITIONS: Final = frozenset(
    "in on at during after before since last this in speaking asked when at about".split()
)
_TIME: Final = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week weekend month year night "
    "morning afternoon evening day today yesterday interview statement".split()
)
_MONTHS: Final = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_NOT_HEAD: Final = frozenset(
    "the a an this that these those his her its their our my your some many most all any "
    "each every both other such no not only even also very more less".split()
)
_NOT_HEAD_OR_STOP: Final = _NOT_HEAD | _STOP
_NOT_HEAD_OR_STOP_BUT_THOSE: Final = _NOT_HEAD_OR_STOP - {"those"}
_PREPOSITION_HEADS: Final = frozenset(
    "in of for at on with from by into onto over about among against through across".split()
)
PRONOUNS: Final = frozenset("he she they it i we you him her them".split())
_OBJECTS: Final = frozenset("him her them us me you you're i'm we're they're".split())
_NOT_SAID_OF: Final = _OBJECTS | {"it", "there", "this"}  # "It is certain that …"
_MAX_NP = 9


_CUE_WORDS: Final = frozenset({"according", *VERBS, *_PARTICIPLES, *STANCE_ADJECTIVES})
_LABEL = re.compile(r"\s*(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}):\s+\S")
_HEARING_NOUNS: Final = frozenset(
    w for n in "court jury jurors inquest tribunal hearing trial".split() for w in (n, n.title())
)
_HEARD = re.compile(
    r"(?:^|(?<=[,;] )|(?<=\bthat ))(?P<subject>(?:[Tt]he )?(?:[Cc]ourt|[Jj]ury|[Jj]urors|"
    r"[Ii]nquest|[Tt]ribunal|[Hh]earing|[Tt]rial))"
    r"(?: (?:was|were|has been|had been|has|had|also))*"
    r" (?P<cue>heard|told) (?:that|how)\b"
)
_CAPITAL_CUES: Final = frozenset(w.capitalize() for w in _CUE_WORDS)
_LETTERS_ONLY: Final = bytes(
    b if chr(b).isascii() and chr(b).isalpha() else ord(" ") for b in range(256)
)


def _letter_runs(sentence: str) -> list[str]:
    """The runs of ASCII letters in the sentence, as ``re.findall("[A-Za-z]+")`` finds them.

    Every other character becomes a space and the rest is split: four C calls, about twice
    as fast as the regex, on every sentence of every article.
    """
    ascii_only = sentence.encode("ascii", "replace").translate(_LETTERS_ONLY)
    return ascii_only.decode("ascii").split()


def find(sentence: str) -> list[Finding]:
    """Every cue in the sentence with its subject, in order of position."""
    labelled = _LABEL.match(sentence) if ":" in sentence else None
    if labelled and labelled.group("name").split()[0].lower() not in LABELS:
        # "Pence: Gennifer Flowers Won’t Be at Debate", "Politifact: Trump Is Right"
        return [Finding(labelled.group("name"), ":", "reported speech", "colon", 0)]
    plain = _letter_runs(sentence)
    hits = _GATE.intersection(plain)  # one pass over the words for every rule below
    if hits.isdisjoint(_ANY_WORD) and "According" not in sentence:
        return []  # most sentences: no cue, no need to tokenise them
    if ("heard" in hits or "told" in hits) and not hits.isdisjoint(_HEARING_NOUNS):
        heard = _HEARD.search(sentence)
        if heard is not None:
            # "The court heard that …", "The jury was told …": evidence given at a hearing
            subject = heard.group("subject")
            return [
                Finding(subject, heard.group("cue"), "reported speech", "hearing", heard.start())
            ]
    if ("read" in hits or "reads" in hits) and (reading := _READ.search(sentence)):
        # "“…,” the statement read.": a document's words, quoted, close the sentence
        subject = reading.group("subject")
        return [Finding(subject, reading.group("cue"), "reported speech", "tail", reading.start())]
    if "back" in hits and (back := _BACK.search(sentence)):
        subject = back.group("subject")
        if subject.split()[-1].lower() not in _NOT_HEAD_OR_STOP:
            return [Finding(subject, back.group("cue"), "reported speech", "tail", back.start())]
    if (
        "learned" in hits
        and (learned := _LEARNED.search(sentence))
        and learned.group("subject").lower() not in PRONOUNS
    ):
        # "…, The Ledger has learned.", "but POLITICO has learned that …": the outlet's report
        subject = learned.group("subject")
        return [Finding(subject, "has learned", "reported speech", "learned", learned.start())]
    if not hits.isdisjoint(_FORECASTS):
        forecast = _forecast(sentence)
        if forecast is not None:
            return [forecast]
    if "quoted" in hits and _QUOTED_AS.search(sentence):
        quoting = _quoting(sentence)
        if quoting is not None:
            return [quoting]
    if hits.isdisjoint(_ANY_CUE_OR_CAPITAL) and "According" not in sentence:
        return []  # a sentence with one of the words above and no other cue
    headline = not _CAPITAL_CUES.isdisjoint(hits) and _title_case([w for w in plain if len(w) > 3])
    if not headline and "According" not in sentence and not _may_report(plain, hits, sentence):
        return []
    tokens, lower = _tokenised(sentence)
    cues = _CUE_WORDS.intersection(lower)
    if not cues:
        return []
    if headline:
        # A headline: "Chris Christie Calls Clinton ‘A Disgrace’", "…, Former Doctor Says."
        # Its verbs are read as written in lower case (same offsets: the verbs are ASCII).
        verbs = [t for t, w in zip(tokens, lower, strict=True) if w in VERBS]
        cased = list(sentence)
        for token in verbs:
            cased[token.start() : token.end()] = token[0].lower()
        tokens = _tokens("".join(cased))
    found: list[Finding] = []
    for i in _indexes(lower, cues):
        word = lower[i]
        if word == "according" and i + 1 < len(lower) and lower[i + 1] == "to":
            finding = _according(sentence, tokens, lower, i)
        elif word in _PARTICIPLES and i > 0 and lower[i - 1] == ",":
            finding = _participle(sentence, tokens, lower, i, found)
        elif word in VERBS or word in STANCE_ADJECTIVES:
            # "are worried that" (a feeling held) before "worried that" (a verb)
            stance = _stance(sentence, tokens, lower, i) if word in STANCE_ADJECTIVES else None
            data = _data(sentence, tokens, lower, i) if VERBS.get(word) in _DATA_VERBS else None
            finding = (
                stance or data or (_verb(sentence, tokens, lower, i) if word in VERBS else None)
            )
        else:
            continue
        if finding is not None:
            found.append(finding)
    return found


def _indexes(words: list[str], wanted: frozenset[str]) -> list[int]:
    """Where the wanted words are in the list, in order."""
    if len(wanted) == 1:
        [word] = wanted
        if words.count(word) == 1:
            return [words.index(word)]  # most sentences: one cue, once
    return [i for i, word in enumerate(words) if word in wanted]


# Cue words that can report on their own; the others only with a word the rules need.
_ALONE: Final = frozenset(
    w
    for w in _CUE_WORDS
    if w not in _WITH_THAT
    and w not in _THAT_FORMS
    and w not in STANCE_ADJECTIVES
    and not (w in VERBS and w == VERBS[w] and w not in _BARE)  # "tell", "comment": never
    and not (w in VERBS and w.endswith("ing") and w not in _PARTICIPLES)  # "reporting"
    and not (w in VERBS and VERBS[w] in {"show", "find"})  # "polls show": with a data word
    and w not in {"called", "calls"}  # "called for", "called by", "called it “…”"
    and w not in _ASKING  # "questioned whether": with the question word only
)
_SPECIAL: Final = _WITH_THAT | _THAT_FORMS | _HOLDS | _JUDGING_FORMS | _ASKING | {"expected"}
_NEEDS_THAT: Final = (_WITH_THAT | _THAT_FORMS | STANCE_ADJECTIVES) - _ALONE
_NEEDS_BE: Final = frozenset(w for w in VERBS if w.endswith("ing") and w not in _PARTICIPLES)
_NEEDS_DATA: Final = (
    frozenset(w for w in VERBS if VERBS[w] in {"show", "find", "indicate"}) - _NEEDS_BE - _ALONE
)
_NEEDS_CALL: Final = frozenset({"called", "calls"})
_ANY_CUE: Final = _ALONE | _NEEDS_THAT | _NEEDS_BE | _NEEDS_DATA | _NEEDS_CALL | _ASKING
_PROGRESSIVE: Final = frozenset({"is", "are", "was", "were", "been"})
_ANY_CUE_OR_CAPITAL: Final = _ANY_CUE | _CAPITAL_CUES
# What :func:`find` reads before the cues: hearings, documents that read, outlets that quote.
_ANY_WORD: Final = _ANY_CUE_OR_CAPITAL | {
    "heard",
    "told",
    "read",
    "reads",
    "quoted",
    "forecast",
    "forecasts",
    "projected",
    "projects",
    "back",
    "learned",
}
_GATE: Final = _ANY_WORD | _HEARING_NOUNS
_DATA: Final = (
    "poll", "survey", "study", "report", "research", "data", "analysis", "result", "inquir",
    "statistic", "filing", "finding",
    "investigat", "review", "audit", "record", "document", "footage", "video", "figures",
    "estimate", "count", "tally", "census", "transcript", "slide", "memo",
)  # fmt: skip
_CALL_WORDS: Final = frozenset({"for", "on", "by", "to"})
_QUOTED = re.compile("[”\"»]|''")


def _may_report(plain: list[str], hits: frozenset[str], sentence: str) -> bool:
    """Whether any cue among the words can make a finding (a cheap test before tokenising).

    ``hits`` are the words of ``plain`` in :data:`_GATE`: a few words, not the sentence's,
    for the cue sets tested here, all parts of :data:`_ANY_CUE`.

    The test only rules out what :func:`_verb` would reject anyway: a bare form outside
    :data:`_BARE`, a "that"-verb without "that", an "-ing" form without "is"/"was", "shows"
    or "found" without a poll or study, "called" without "for", "on", "by" or a quotation
    mark after it.
    """
    if _ANY_CUE.isdisjoint(hits):
        return False  # most sentences
    if not _ALONE.isdisjoint(hits):
        return True
    if not _NEEDS_THAT.isdisjoint(hits) and "that" in plain:
        return True
    if not _BELIEFS.isdisjoint(plain) and not _FINITE_AUX.isdisjoint(plain):
        return True  # "Many experts suspect the losses were …"
    if not _ASKING.isdisjoint(hits) and (not _QUESTION_WORDS.isdisjoint(plain) or "that" in plain):
        return True  # "Trump questioned whether …", "questioned the idea that …"
    if ("responded" in plain or "responds" in plain) and not _CHARGES.isdisjoint(plain):
        return True  # "responded to accusations that …"
    if not _THAT_FORMS.isdisjoint(hits) and _QUOTED.search(sentence):
        return True  # "“…,” she repeated."
    if not _NEEDS_BE.isdisjoint(hits) and not _PROGRESSIVE.isdisjoint(plain):
        return True
    if not _NEEDS_DATA.isdisjoint(hits) and any(w.lower().startswith(_DATA) for w in plain):
        return True
    if plain[-1] in {"found", "finds", "ruled"} and sentence.rstrip().endswith(
        ("found.", "finds.", "ruled.")
    ):
        return True  # "…, CNBC found.", "…, a judge has ruled."
    return not _NEEDS_CALL.isdisjoint(hits) and (
        "“" in sentence
        or "‘" in sentence  # "calls Obamacare ‘crazy system’"
        or '"' in sentence
        or "''" in sentence
        or "«" in sentence
        or " a " in sentence  # "called climate change a hoax"
        or " an " in sentence
        or any(w.lower() in _CALL_WORDS for w in plain)
    )


Tokens = list[re.Match[str]]
"""A sentence's tokens: the matches of :data:`_TOKEN`."""
_word = re.Match.group


def _tokenised(sentence: str) -> tuple[Tokens, list[str]]:
    """The sentence's tokens, the regex's matches (token[0] its word, .start() and .end() its
    offsets), and their words lowercased."""
    tokens = _tokens(sentence)
    return tokens, list(map(str.lower, map(_word, tokens)))


# The engine blanks a quotation out of the sentence it reads, keeping the offsets: a run of
# spaces the regex would try a token at one by one (a fifth of the characters tokenised on
# PolNeAR dev).
_BLANK: Final = " " * 8
_BLANKS = re.compile(" {8,}")


def _tokens(sentence: str) -> Tokens:
    """The matches of :data:`_TOKEN` in the sentence, the stretches between long runs of
    spaces matched apart (no token holds a space, so they are the same matches)."""
    if _BLANK not in sentence:
        return list(_TOKEN.finditer(sentence))  # most sentences: nothing blanked out
    tokens: Tokens = []
    start = 0
    for blank in _BLANKS.finditer(sentence):
        tokens += _TOKEN.finditer(sentence, start, blank.start())
        start = blank.end()
    tokens += _TOKEN.finditer(sentence, start)
    return tokens


def _title_case(words: list[str]) -> bool:
    """Whether most words of four letters or more are capitalised, as in a headline."""
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _span(sentence: str, tokens: Tokens, first: int, last: int) -> str:
    return sentence[tokens[first].start() : tokens[last].end()].strip(" ,.;:")


_READ = re.compile(
    r"(?:^|(?<=[,”\"’»] ))"
    r"(?P<subject>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir) (?:[\w’'-]+ ){0,2}"
    r"(?:statement|letter|post|message|note|tweet|notice|text|caption|e-?mail|memo|release|"
    r"document|sign|banner|placard|filing|complaint|lawsuit|suit|petition|ruling|order|"
    r"indictment|report|leaflet|poster|card|inscription))"
    r" (?P<cue>read|reads)(?: in part)?[.,:;!]?[\s”\"’]*$"
)
# "“…,” the former officer shot back.": a retort closing the quote it follows.
_BACK = re.compile(
    r"(?<=[\s,?!.—-])[”\"’] "
    r"(?P<subject>(?:[Tt]he |[Hh]is |[Hh]er |[Tt]heir )?[\w’'.-]+(?: [\w’'.-]+){0,4})"
    r" (?P<cue>(?:shot|fired|hit|snapped) back)[.!]?[\s”\"’]*$"
)
# An outlet that "has learned" reports what it learned: "…, The Ledger has learned." closing the
# sentence, or "but POLITICO has learned that …"; a name of one to four capitalised words.
_LEARNED = re.compile(
    r"(?:^|(?<=, )|(?<=\bbut )|(?<=\band ))"
    r"(?P<subject>(?:[Tt]he )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})"
    r" has learned(?: that\b|[.!]?[\s”\"’]*$)"
)
_FORECASTS: Final = frozenset({"forecast", "forecasts", "projected", "projects"})
_FORECAST_OBJECTS: Final = frozenset(
    "revenue revenues earnings sales profit profits loss losses growth inflation deficit "
    "deficits demand output income eps margin margins".split()
)


def _forecast(sentence: str) -> Finding | None:
    """ "CNet forecast revenue of …", "Analysts had forecast earnings of …", "The bank projects
    that …": a forecast is its maker's, as "predicted" is."""
    tokens, lower = _tokenised(sentence)
    for i, word in enumerate(lower):
        if word not in _FORECASTS or i == 0 or not tokens[i][0].islower():
            continue
        ahead = lower[i + 1 : i + 4]
        if not (ahead[:1] == ["that"] or not _FORECAST_OBJECTS.isdisjoint(ahead)):
            continue  # "research projects", "forecast rain": no figure reported
        j = _skip_back(lower, i - 1)
        if j < 0 or lower[j] in _BE or lower[j] in _DETERMINERS or lower[j] in {"to", "be"}:
            continue  # "growth is forecast to …", "the forecast": nobody's forecast
        found = _left_subject(sentence, tokens, lower, i, j)
        if found is None or lower[found[2]] in _OBJECTS:
            continue
        if not (tokens[found[2]][0][:1].isupper() or lower[found[2]] in _FORECASTERS):
            continue  # "the storm forecast": a thing, no forecaster
        return Finding(found[0], tokens[i][0], "reported speech", "forecast", tokens[i].start())
    return None


_FORECASTERS: Final = frozenset(
    "analysts economists company firm bank group government ministry agency office he she "
    "they we it fund lender insurer carrier maker retailer airline".split()
)
_QUOTED_AS = re.compile(r"\bquoted\b.{1,80}?\bas (?:saying|telling|calling)\b")


def _quoting(sentence: str) -> Finding | None:
    """ "La Repubblica quoted Putin as telling Barroso …": the outlet that quotes is the source,
    whom it quotes its detail."""
    tokens, lower = _tokenised(sentence)
    i = lower.index("quoted")
    j = _skip_back(lower, i - 1)
    if j < 0 or (j < i - 1 and lower[j + 1] in _BE) or lower[j] in _BE:
        # "“…,” adviser Pierre Nazroo was quoted as saying.": the words are his, told by no
        # one named; he is their source
        k = j - 1 if lower[j] in _BE else j
        found = _left_subject(sentence, tokens, lower, i, k) if k >= 0 else None
        if found is None or lower[found[2]] in _OBJECTS:
            return None
        return Finding(
            found[0], "quoted", "reported speech", "quoting", tokens[i].start(), found[1]
        )
    found = _left_subject(sentence, tokens, lower, i, j)
    if found is None or lower[found[2]] in _OBJECTS:
        return None
    k = i + 1
    while k < len(tokens) and lower[k] != "as":
        k += 1
    quoted = f"quoting {_span(sentence, tokens, i + 1, k - 1)}" if k > i + 1 else None
    return Finding(found[0], "quoted", "reported speech", "quoting", tokens[i].start(), quoted)


# Verbs that report only with a claim after them: "rejected that idea" is no that-clause.
_CLAIM_ONLY: Final = frozenset({"rejects", "rejected", "disputes", "disputed"})
_CLAIM_NOUNS: Final = frozenset(
    "claim claims allegation allegations assertion assertions accusation accusations "
    "suggestion suggestions charge charges argument arguments report reports idea notion".split()
)
_IDEAS: Final = frozenset({"idea", "notion"})


def _claim_that(lower: list[str], i: int) -> bool:
    """ "repeated claims that …", "disputes his claim that …": the verb reports a claim's
    content as a that-clause would."""
    k = i + 1
    while k < len(lower) and k - i <= 3 and lower[k] not in _CLAIM_NOUNS:
        if not lower[k].isalpha() or lower[k] in _STOP or lower[k] in VERBS:
            return False
        k += 1
    return k + 1 < len(lower) and lower[k] in _CLAIM_NOUNS and lower[k + 1] == "that"


_CHARGES: Final = frozenset(
    "accusations allegations charges claims criticism criticisms reports suggestions "
    "questions".split()
)


def _answers_charges(lower: list[str], i: int) -> bool:
    """ "Carson responded on Sunday to accusations that …", "Nehlen responded Friday to reports
    that …": an answer to what was said of the speaker is what the speaker said."""
    if lower[i] not in {"responded", "responds"}:
        return False
    k = i + 1
    while k < len(lower) and k - i <= 3 and (lower[k] in _WHEN or lower[k] in {"on", "this"}):
        k += 1  # "on Sunday", "Friday"
    if k >= len(lower) or lower[k] != "to":
        return False
    k += 1
    if k < len(lower) and lower[k] in {"the", "his", "her", "their", "new", "recent"}:
        k += 1
    return k < len(lower) and lower[k] in _CHARGES


def _apposed(tokens: Tokens, lower: list[str], i: int) -> bool:
    """ "Christopher Harvey, a delegate from Houston, said the turmoil …": the comma before the
    verb closes a description of the name that opens the sentence, so the words after the verb
    are what was said, not its subject. No quotation comes before the verb."""
    if any(t[0] in _APPOSITION_QUOTES for t in tokens[:i]):
        return False
    k = 0
    while k < i and tokens[k][0][:1].isupper() and k < 4:
        k += 1  # "Christopher Harvey", "Sen. Rand Paul"
    if k == 0 or k >= i or lower[k] != ",":
        return False
    following = lower[k + 1] if k + 1 < i else ""
    return (
        following in _APPOSITION_OPENERS
        or following[:1].isdigit()
        or (k + 1 < i and tokens[k + 1][0][:1].isupper())
    )


_APPOSITION_QUOTES: Final = _QUOTE_MARKS | {"‘", "’"}
_APPOSITION_OPENERS: Final = frozenset(
    "a an the who whose his her its their one another chief executive former senior".split()
)


def _named_at_the_end(tokens: Tokens, lower: list[str], i: int) -> bool:
    """ "…, CNBC found.", "…, the Financial Times found.": a name between a comma and the verb,
    the sentence over after it."""
    if i + 1 < len(lower) and lower[i + 1] not in {".", "!"}:
        return False
    k = i - 1
    while k >= 0 and tokens[k][0][:1].isupper() and i - k <= 4:
        k -= 1
    if k == i - 1:
        return False
    if k >= 0 and lower[k] == "the":
        k -= 1
    return k >= 0 and lower[k] == ","


def _names_next(tokens: Tokens, lower: list[str], i: int) -> bool:
    """ "reports CNBC", "reported the Financial Times": a name follows the verb."""
    k = i + 1
    if k < len(lower) and lower[k] == "the":
        k += 1
    return k < len(tokens) and tokens[k][0][:1].isupper() and lower[k] not in _WHEN_OR_TIME


def _according(sentence: str, tokens: Tokens, lower: list[str], i: int) -> Finding | None:
    first = i + 2
    last = first
    while last < len(tokens) and lower[last] not in {",", ".", ";", ":", "(", "that", "who"}:
        last += 1
    if last == first or last - first > 25:
        return None
    subject = _span(sentence, tokens, first, last - 1)
    detail = None
    if last + 1 < len(tokens) and lower[last] == "," and lower[last + 1] == "citing":
        end = last + 2
        while end < len(tokens) and lower[end] not in {",", ".", ";", ":"}:
            end += 1
        if end > last + 2:
            detail = _span(sentence, tokens, last + 1, end - 1)
    return Finding(
        subject, "according to", "according to", "according-to", tokens[i].start(), detail
    )


def _verb(sentence: str, tokens: Tokens, lower: list[str], i: int) -> Finding | None:
    word = lower[i]
    if not tokens[i][0].islower():
        return None  # "United States", "Says Who"
    before = lower[i - 1] if i > 0 else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    if (
        VERBS[word] in {"show", "find"}
        and not _can_speak_for_data(lower, i)
        and not (word in {"found", "finds"} and _named_at_the_end(tokens, lower, i))
    ):
        return None  # but "…, CNBC found.": a named finder closing the sentence
    if word.endswith("ing") and i > 1 and _manner(before) and tokens[i - 1][0].islower():
        before = lower[i - 2]  # "are increasingly admitting that"
    if word.endswith("ing") and before not in {"is", "are", "was", "were", "been"}:
        return None  # "saying" after a comma is a participle (handled apart); else a gerund
    bare = word == VERBS[word]
    special = word in _SPECIAL  # one look-up for the common verbs ("said"), none of these
    judging = belief = False
    if special:
        belief = word in _BELIEFS and _bare_clause(tokens, lower, i)
        if (
            word in _WITH_THAT
            and not _clause(lower, i)
            and not belief
            and not (word == "ruled" and after in {".", ""} and "," in lower[:i])
        ):
            # "Trump charges that …" reports; "the charges", "ruled that out" not; but
            # "…, a judge has ruled." does.
            return None
        if (
            word in _THAT_FORMS
            and after != "that"
            and not (_closes_quote(tokens, i, after) and word != "agree")
            and not belief
            and not _claim_that(lower, i)
            and not _answers_charges(lower, i)
        ) or (word in _CLAIM_ONLY and not _claim_that(lower, i)):
            return None  # "agreed to meet"; but "… that", and "“…,” Clinton reiterated."
        if word in _HOLDS and after not in {"that", ".", ",", ";", ""}:
            return None  # "Clinton maintains a wide lead"; but "…, her doctor maintains."
        if word in _ASKING and after not in _QUESTION_WORDS and not _claim_that(lower, i):
            return None  # "was questioned by police"; but "questioned whether …", "the idea that"
        if word == "expected" and after == "to":
            return None  # "Trump is expected to attend": a forecast, nobody's report
        judging = word in _JUDGING_FORMS
        if judging and not _judges(tokens, lower, i):
            return None
    if VERBS[word] in {"slam", "blast"} and (
        after in {"into", "through", "off", "away", "higher", "lower", "up", "down", "past"}
        or after[:1].isdigit()
    ):
        return None  # "the plane slammed into the tower", "shares blasted 42.7% higher"
    if VERBS[word] == "find" and after == "out":
        return None  # "found out how to fix the roof": learned, not reported
    if word in {"estimate", "estimates"} and after == "of":
        return None  # "above the average analyst estimate of 74 cents": a figure, no report
    if bare and word == "note" and after != "that":
        return None  # "sounded a cautious note", "a handwritten note"; but "experts note that"
    if bare and i > 1 and before in {"ever", "never", "even", "really", "only"}:
        before = lower[i - 2]  # "would ever admit": still a modal
    if bare and (word not in _BARE or before in _MODAL):
        return None  # "wants to say", "would say", "a report": not a report of what was said
    # Inverted: ",” said Derek Kukura, a student."; "…, reports CNBC."
    if (
        (word in _INVERTING and before in _CLOSING and word not in {"told", "tells"})
        or (word in {"reports", "reported"} and before == "," and _names_next(tokens, lower, i))
    ) or (word in _INVERTING_AFTER_QUOTES and before in _QUOTES_CLOSED):
        inverted = (
            None
            if before == "," and _apposed(tokens, lower, i)
            else (_inverted(sentence, tokens, lower, i))
        )
        if inverted is not None:
            return inverted
    j = _skip_back(lower, i - 1)
    while j > 0 and lower[j].endswith("ly") and _manner(lower[j]) and tokens[j][0].islower():
        j = _skip_back(lower, j - 1)  # "Cruz gingerly said", "Trump angrily denied"
    if VERBS[word] == "ask" and after == "for" and not {"not", "never"}.isdisjoint(lower[j:i]):
        return None  # "has so far not asked for help": nothing was asked, nobody reported
    participle = word.endswith(("ed", "en")) or word in {"said", "told", "thought", "found"}
    if participle and after == "by":
        if judging:
            return None  # "was mocked by Rubio": who is judged, not what was said
        return _agent(sentence, tokens, lower, i)  # "As first reported by The Guardian"
    passive = participle and not _BE.isdisjoint(lower[j + 1 : i])
    if judging and (passive or before in {"the", "a", "an", "as"}):
        return None
    if before == "as" and after == "in" and participle:
        return _as_in(sentence, tokens, lower, i)  # "as stated in Mr. Hale's commentary"
    if passive or before in {"the", "a", "an", "as"}:
        return _agent(sentence, tokens, lower, i)  # passive: "was first reported by The Post"
    found = _left_subject(sentence, tokens, lower, i, j)
    how = ""  # how a subject far from its verb was found, if it was
    if found is not None and not _POSTMODIFIERS.isdisjoint(lower[max(0, j - 7) : j]):
        # "A source close to the mayor said": the source speaks, not the mayor
        described = _postmodified(sentence, tokens, lower, j)
        begins = found[3] if found[3] >= 0 else _np_start(tokens, lower, found[2])
        if described is not None and described[3] < begins:
            found, how = described, "postmodified"
    if (found is None or lower[found[2]] in _OBJECTS) and j >= 1:
        # "a source close to him said", "People briefed on the move said", "those surveyed say"
        found, how = _postmodified(sentence, tokens, lower, j), "postmodified"
    if found is None and j >= 0:
        if lower[j] == "," and word in _INVERTING:
            found, how = _opening_name(sentence, tokens, lower, j), "described"
        elif lower[j] in {"and", "but"} and not bare and _carries_content(tokens, lower, i):
            found, how = _opening_subject(sentence, tokens, lower, j), "coordinated"
    if found is None:
        return None
    subject, detail, head, start = found
    head_word = tokens[head][0]
    if lower[head] in _OBJECTS:
        return None
    announces = after == ":" and head < i and i + 2 >= len(tokens)
    if head_word.endswith(("'s", "’s")):
        return None  # "Friday’s tweets"
    if (
        word in _NOUN_LIKE
        and after != "that"
        and (not (head_word[:1].isupper() or lower[head] in PRONOUNS) or _NUMBER.match(lower[head]))
    ):
        return None  # "… in key battleground states."; but "a new poll shows that …"
    if word == "states" and not (
        after in {"that", ":", ".", ""} and not _STATING.isdisjoint(lower[min(start, head) : i])
    ):
        return None  # "Western states", "the four states that voted"; but "The memo states that"
    if (
        word in {"called", "calls"}
        and after not in {"for", "on", "to"}
        and not (after in _WHEN and i + 2 < len(lower) and lower[i + 2] in {"for", "on"})
        and not any(t[0] in {"“", '"', "«", "'", "‘"} for t in tokens[i + 1 :])
        and not (_names(lower, i) and (tokens[head][0][:1].isupper() or lower[head] in PRONOUNS))
    ):
        return None  # "a group called …"; but "Cruz called Trump a “liar”" reports
    if start < 0:
        start = _np_start(tokens, lower, head)
    if bare and not (lower[head] in _PLURAL_HEADS or _plural(tokens, lower, start, head)):
        return None  # "the state", "a simple question"
    tail = start > 0 and lower[start - 1] in _CLOSING and _ends(lower, i)
    # "The New York Times reports:" claims nothing itself; it gives the quote after it a speaker.
    rule = how or ("announce" if announces else "tail" if tail else _rule(i, head))
    if special and judging:
        rule = "judging"
    elif special and word in _THAT_FORMS and after == "that":
        rule = "that-clause"
    elif special and _IDEAS.intersection(lower[i + 1 : i + 5]) and _claim_that(lower, i):
        rule = "idea"  # "rejected the notion that …", "questioned the idea that …"
    elif special and word in _ASKING:
        rule = "question"
    elif special and _answers_charges(lower, i):
        rule = "answer"
    elif belief and after != "that":
        if start > 0 and lower[start - 1] in _SUBORDINATE:
            return None  # "…, because he worries Sanders would lose": the outlet explains
        rule = "belief"
    return Finding(subject, tokens[i][0], "reported speech", rule, tokens[i].start(), detail)


_QUOTE_TOKENS: Final = frozenset({"“", '"', "«", "'", "‘"})
_SPEAKING_PRONOUNS: Final = frozenset({"he", "she", "they"})


def _closes_quote(tokens: Tokens, i: int, after: str) -> bool:
    """Whether the verb ends a sentence that opens with a quotation: "“…,” she repeated."."""
    return after in {".", ",", ";", ""} and any(t[0] in _QUOTES_CLOSED for t in tokens[:i])


def _judges(tokens: Tokens, lower: list[str], i: int) -> bool:
    """Whether a judging verb carries what was said: "for …", "as …" or a quotation after it."""
    window = lower[i + 1 : i + 9]
    return (
        "for" in window
        or "as" in window
        or any(t[0] in _QUOTE_TOKENS for t in tokens[i + 1 : i + 12])
    )


_GROUP_ENDINGS: Final = ("ans", "ats", "ists")  # "Republicans", "Democrats", "Socialists"
_QUANTIFIERS: Final = frozenset("many some most few several other all both these those".split())


def _stance(sentence: str, tokens: Tokens, lower: list[str], i: int) -> Finding | None:
    """A belief or feeling its subject holds: "Many Democrats are afraid that …"."""
    if i + 1 >= len(lower) or lower[i + 1] != "that" or not tokens[i][0].islower():
        return None
    j = i - 1
    while j >= 0 and (lower[j] in _AUX or lower[j].endswith("ly")):
        j -= 1  # "are increasingly worried that"
    if not any(lower[k] in _LINKING for k in range(j + 1, i)):
        return None  # "a worried mother that …": not said of a subject
    found = _left_subject(sentence, tokens, lower, i, j)
    if found is None:
        return None
    subject, detail, head, _ = found
    if lower[head] in _NOT_SAID_OF or tokens[head][0].endswith(("'s", "’s")):
        return None  # "It is certain that …" says nothing of anyone
    return Finding(subject, tokens[i][0], "reported speech", "stance", tokens[i].start(), detail)


_FINITE: Final = _AUX | frozenset(
    "took met spoke went made gave said told wrote began won lost ran saw came got held left "
    "kept sent stood sat became shook drew fought brought bought thought felt led put".split()
)
_NOT_OPENING: Final = _PREPOSITIONS | _STOP | _PREPOSITION_HEADS
_OPENERS_OR_COMMA: Final = _OPENERS | {","}
_PREPOSITIONS_OR_STOP: Final = _PREPOSITIONS | _STOP
_ANY_PREPOSITION: Final = _PREPOSITIONS | _PREPOSITION_HEADS
_SUBORDINATE: Final = frozenset(
    "when while who whom which that after before as because if since though although "
    "whether where until unless".split()
)


def _opening_subject(
    sentence: str, tokens: Tokens, lower: list[str], conjunction: int
) -> tuple[str, str | None, int, int] | None:
    """The subject of the sentence's first verb, when the cue is that verb's coordinate.

    "Reid caucused in Nevada on Saturday and says he voted “uncommitted.”": Reid says.
    Only a name or a personal pronoun right at the start, its verb next, and no clause
    opened between them and "and" (whose subject might be someone else's).
    """
    start = 0
    while start < conjunction and lower[start] in _OPENERS_OR_COMMA:
        start += 1
    if lower[start] in _PREPOSITIONS and "," in lower[start:conjunction]:
        # "At a rally in Ohio, Trump exhorted the crowd … and said": past the opening phrase
        comma = lower.index(",", start)
        if comma - start <= 10 and not _SUBORDINATE.intersection(lower[start:comma]):
            start = comma + 1
    end = start
    while end < conjunction and tokens[end][0][:1].isupper() and tokens[end][0][:1].isalpha():
        end += 1
    if end == start and lower[start] in _SPEAKING_PRONOUNS:
        end = start + 1
    if end == start or end - start > 4 or end >= conjunction:
        return None
    verb = lower[end]
    if lower[start] in _NOT_OPENING or not (
        tokens[end][0].islower() and (verb.endswith(("ed", "s")) or verb in _FINITE)
    ):
        return None  # "At a meeting …", "Nuclear experts …": no name and verb open it
    between = lower[end:conjunction]
    if any(w in _SUBORDINATE or w in {";", ":"} for w in between) or not _quotes_closed(between):
        return None  # but "Cruz urged them to “vote your conscience” and said …": a quote closed
    if lower[start] in {"the", "a", "an"} or tokens[end - 1][0].endswith(("'s", "’s")):
        return None
    return _span(sentence, tokens, start, end - 1), None, end - 1, start


def _quotes_closed(words: list[str]) -> bool:
    """Whether every quotation opened among the words is closed among them as well."""
    if "“" not in words and "”" not in words and '"' not in words:
        return True
    return words.count("“") == words.count("”") and words.count('"') % 2 == 0


def _opening_name(
    sentence: str, tokens: Tokens, lower: list[str], comma: int
) -> tuple[str, str | None, int, int] | None:
    """A full name opening the sentence, set off by a long description before "said".

    "David Kamin, an adviser to the campaign and a professor of law at a university in New
    York, said …"; "Ann Lee, 59, of Dayton, Ohio, who watched the speech at home, said …".
    Only a name of two capitalised words or more, right at the start: any other subject
    would need the clause to be parsed.
    """
    start = 0
    while start < comma and (lower[start] in _OPENERS_OR_COMMA or lower[start] in _QUOTE_MARKS):
        start += 1  # past openers, and a quotation before the name: "“…,” Ann Lee, 59, said"
    end = start
    while end < comma and (tokens[end][0][:1].isupper() or tokens[end][0] == "."):
        end += 1
    words = [t[0] for t in tokens[start:end] if t[0][:1].isupper()]
    # "Crawford, who recalled taking the elevator up to the suite, said": one name, a relative
    # clause describing it
    relative = (
        len(words) == 1
        and end + 1 < comma
        and lower[end + 1] in {"who", "whose"}
        and lower[start] not in _NOT_HEAD_OR_STOP | PRONOUNS | _NOT_OPENING
    )
    if (len(words) < 2 and not relative) or end >= comma or lower[end] != "," or end - start > 5:
        return None
    if not all(t[0][:1].isalpha() for t in tokens[start:end] if t[0] != "."):
        return None
    if any(
        lower[k] in {".", ";", ":", "”", '"'} and not _abbreviated(tokens, lower, k)
        for k in range(end + 1, comma)
    ):
        return None  # a sentence or a quotation in between: not one description
    detail = _span(sentence, tokens, end + 1, comma - 1)
    return _span(sentence, tokens, start, end - 1), detail, end - 1, start


def _abbreviated(tokens: Tokens, lower: list[str], k: int) -> bool:
    """Whether the full stop at ``k`` ends an abbreviation just before a comma: "R-Ky.,",
    "Calif.,", "Jr.,"."""
    return (
        lower[k] == "."
        and k + 1 < len(lower)
        and lower[k + 1] == ","
        and tokens[k - 1][0][:1].isupper()
        and len(tokens[k - 1][0]) <= 5
    )


# Words that open what describes a speaker after the noun: "a source close to the talks",
# "people familiar with the plan", "officials briefed on the move", "those surveyed".
_POSTMODIFIERS: Final = frozenset(
    "close familiar briefed knowledgeable surveyed polled interviewed representing speaking "
    "working advising".split()
)
_POSTMODIFIED_BETWEEN: Final = frozenset("to with on about of the a his her their its".split())


def _postmodified(
    sentence: str, tokens: Tokens, lower: list[str], j: int
) -> tuple[str, str | None, int, int] | None:
    """The subject whose noun is described after it, ending at ``j``: "A source close to him",
    "People briefed on the move", "those surveyed", "a person familiar with the plan"."""
    k = j
    while k > 0 and j - k < 8 and lower[k] not in _POSTMODIFIERS:
        word, low = tokens[k][0], lower[k]
        plain = word[:1].isalnum() or word in {"'s", "’s", "."}
        noun = low.endswith("ing") and lower[k - 1] in _POSTMODIFIED_BETWEEN  # "her thinking"
        function = word[:1].islower() and (low in _STOP or low in VERBS or low in _AUX)
        if ((function and not noun) or not plain) and low not in _POSTMODIFIED_BETWEEN:
            return None  # a clause or a break between the description and the verb
        k -= 1
    if k < 1 or lower[k] not in _POSTMODIFIERS:
        return None
    head = k - 1
    if lower[k] in {"surveyed", "polled", "interviewed"} and (
        k != j or not tokens[head][0].islower()
    ):
        return None  # "those surveyed said"; not "voters polled in May", "the scholars I polled"
    if lower[head] in _NOT_HEAD_OR_STOP_BUT_THOSE or not tokens[head][0][:1].isalpha():
        return None
    if (
        lower[head] in VERBS
        or lower[head] in _AUX
        or (tokens[head][0].islower() and lower[head].endswith(("ed", "ly")))
    ):
        return None  # "He is close to him": no noun before the description
    start = head if lower[head] == "those" else _np_start(tokens, lower, head)
    while start < head and lower[start] in _OPENERS:
        start += 1
    if lower[start] in _PREPOSITIONS:
        return None
    return _span(sentence, tokens, start, j), None, head, start


def _plural(tokens: Tokens, lower: list[str], start: int, head: int) -> bool:
    """Whether the subject (or a word just before it) is a plural: "analysts say", and
    a group named with a capital: "many Democrats say", "Republicans argue"."""
    if tokens[head][0][:1].isupper() and lower[head].endswith(_GROUP_ENDINGS):
        return True
    if head > 0 and lower[head - 1] in _QUANTIFIERS and lower[head].endswith("s"):
        return True
    return any(
        w.endswith("s") and not w.endswith("ss") and (tokens[k][0].islower() or k == 0)
        for k, w in enumerate(lower[max(0, start - 4) : head + 1], max(0, start - 4))
        if k >= start or tokens[k][0][0].isalpha()
    )


def _ends(lower: list[str], i: int) -> bool:
    """Whether only a few words follow the verb ("…, sources said on Monday.")."""
    rest = [w for w in lower[i + 1 :] if w[0].isalnum()]
    return len(rest) <= 5 and "that" not in rest


def _agent(sentence: str, tokens: Tokens, lower: list[str], i: int) -> Finding | None:
    """The agent of a passive report: "… was first reported by The Washington Post"."""
    named = i + 2 < len(tokens) and tokens[i + 2][0][:1].isupper()
    definite = i + 3 < len(tokens) and lower[i + 2] == "the"
    if i + 2 >= len(tokens) or lower[i + 1] != "by" or not (named or definite):
        return None
    first = i + 2
    last = first
    while last < len(tokens) and (tokens[last][0][:1].isupper() or lower[last] in {"the", "of"}):
        last += 1
    if last == first:
        return None
    subject = _span(sentence, tokens, first, last - 1)
    return Finding(
        subject, f"{tokens[i][0]} by", "reported speech", "passive-by", tokens[i].start()
    )


def _as_in(sentence: str, tokens: Tokens, lower: list[str], i: int) -> Finding | None:
    """The document a passive report points to: "as stated in Mr. Hale's commentary" is
    Mr. Hale's; "as noted in the report" the report's."""
    first = i + 2
    last = first
    while last < len(tokens) and last - first < 12 and lower[last] not in _PHRASE_END:
        last += 1
    if last == first or not tokens[first][0][:1].isalnum():
        return None
    phrase = _span(sentence, tokens, first, last - 1)
    owner = next((k for k in range(first, last) if lower[k].endswith(("'s", "’s"))), None)
    subject, detail = phrase, None
    if owner is not None and owner < last - 1:
        # "Mr. Hale’s commentary": the owner is the source, the document what he wrote
        subject = sentence[tokens[first].start() : tokens[owner].end() - 2]
        detail = _span(sentence, tokens, owner + 1, last - 1)
    cue = f"as {tokens[i][0]} in"
    return Finding(subject, cue, "according to", "as-in", tokens[i - 1].start(), detail)


_PHRASE_END: Final = frozenset({",", ".", ";", ":", "(", "that", "who", "which", "—"})


_WHEN: Final = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week month year night morning "
    "afternoon evening weekend".split()
)


_DETERMINERS: Final = frozenset("the a an another this its his her their".split())
_TIME_WORDS: Final = _TIME | _WHEN | {"past", "spring", "summer", "fall", "autumn", "winter"}
_WHEN_OR_TIME: Final = _WHEN | _TIME
_TIME_NOUNS: Final = frozenset("week month year day decade while few".split())
_LY_NOUNS: Final = frozenset(
    "family ally rally assembly supply reply monopoly anomaly homily folly bully belly jelly "
    "daily weekly monthly quarterly early only".split()
)


_CLAUSE_PRONOUNS: Final = frozenset("he she they we i".split())


def _carries_content(tokens: Tokens, lower: list[str], i: int) -> bool:
    """Whether a coordinated verb has what was said after it: "and said he would", "and told
    them …", "and pointed out that", "and predicted it would"; not an object alone ("and
    praised her effort", "and criticized Sanders"), which tells what someone did. A verb that
    judges has its charge checked already ("and chastised Snyder for …"); "and called for" is
    a demand; "and expects them to", "and asked the crowd to" a forecast or a request."""
    k = i + 2 if i + 1 < len(lower) and lower[i + 1] == "out" else i + 1
    after = lower[k] if k < len(lower) else ""
    if after in {"that", ":"} or after in _QUOTE_TOKENS or VERBS[lower[i]] in {"say", "tell"}:
        return True
    if after in _CLAUSE_PRONOUNS:
        return True  # "and insisted he acted in self-defense": a clause without "that"
    if lower[i] in _JUDGING_FORMS or (VERBS[lower[i]] == "call" and after == "for"):
        return True  # the charge was checked already ("chastised Snyder for …"); a demand
    if VERBS[lower[i]] in {"expect", "ask", "urge"} and "to" in lower[k + 1 : k + 4]:
        return True  # "and expects them to become", "and asked the crowd to welcome"
    return _bare_clause(tokens, lower, k - 1)


def _names(lower: list[str], i: int) -> bool:
    """ "called climate change a hoax": an object, then what it is called."""
    rest = lower[i + 2 : i + 6]
    return lower[i + 1][:1].isalpha() and any(
        w in {"a", "an"} and k + 1 < len(rest) and rest[k + 1] not in _TIME_NOUNS
        for k, w in enumerate(rest)
    )


def _clause(lower: list[str], i: int) -> bool:
    """Whether a that-clause follows the verb ("ruled that the law …", not "ruled that out")."""
    return (
        i + 2 < len(lower)
        and lower[i + 1] == "that"
        and lower[i + 2] not in {"out", "off", "down", "up", ".", ",", ";"}
    )


_CLAUSE_OPENERS: Final = frozenset(
    "he she they it we i you the a an his her their its this these those our my some many most "
    "no few".split()
)
_CLAUSE_REACH: Final = 10  # "hopes his latest endorsement before the primary will …"
_NOT_BELIEF: Final = frozenset("without no little any of the a an much".split())
_FINITE_AUX: Final = frozenset(
    "will would can could may might should must is are was were has have had do does did won't "
    "can't isn't wasn't aren't doesn't didn't wouldn't".split()
)


def _bare_clause(tokens: Tokens, lower: list[str], i: int) -> bool:
    """Whether a clause without "that" follows a verb of belief: a subject, then a modal or
    an auxiliary ("suspect the losses were", "hope they will", "agreed he had")."""
    first = i + 1
    if i > 0 and lower[i - 1] in _NOT_BELIEF:
        return False  # "demonstrate without doubt most voters are": a noun
    if first >= len(tokens) or not (
        lower[first] in _CLAUSE_OPENERS or tokens[first][0][:1].isupper()
    ):
        return False
    for k in range(first + 1, min(first + _CLAUSE_REACH, len(tokens))):
        if lower[k] in _FINITE_AUX:
            return True
        if not tokens[k][0][:1].isalnum() and tokens[k][0] not in {"'s", "’s"}:
            return False
        if lower[k] in _STOP:
            return False
    return False


def _manner(word: str) -> bool:
    """An adverb of manner between a subject and its verb ("gingerly", "angrily")."""
    return len(word) > 5 and word.endswith("ly") and word not in _LY_NOUNS


def _skip_back(lower: list[str], j: int) -> int:
    """Step left over auxiliaries, adverbs and time phrases between a subject and its verb."""
    while j >= 0:
        if lower[j] in _AUX:
            j -= 1
        elif lower[j] == "far" and j > 0 and lower[j - 1] in {"so", "thus"}:
            j -= 2  # "has so far not asked"
        elif lower[j] in _WHEN:
            j -= 1
            while j >= 0 and lower[j] in {"this", "last", "next", "on", "early", "late", "that"}:
                j -= 1
        else:
            break
    return j


def _rule(verb: int, head: int) -> str:
    return "subject-verb" if verb - head <= 3 else "subject-aux-verb"


_DATA_VERBS: Final = frozenset({"show", "find", "indicate", "suggest", "reveal"})
# What a finding is read from: "a poll shows", "Data show", "Exit polling showed".
_DATA_HEADS: Final = frozenset(
    "poll polls polling survey surveys study studies analysis analyses report reports data "
    "figures statistics records findings filings documents emails results numbers research "
    "census audit review investigation inquiry tally count video footage paper estimates "
    "examination assessment evaluation probe transcript transcripts slide slides memo memos".split()
)
# Words between a data head and its verb that leave it the subject: "A poll released Sunday by
# The Washington Post and ABC News shows", "The survey, conducted by …, finds".
_DATA_BETWEEN: Final = (
    frozenset(
        "released conducted published taken commissioned carried out by of for from in on at the a "
        "an and this last late early new latest recent , – - / % ' ’ s".split()
    )
    | _WHEN
)


def _data(sentence: str, tokens: Tokens, lower: list[str], i: int) -> Finding | None:
    """A finding of the poll, study or record named before the verb, past what describes it.

    "A poll released Sunday by The Washington Post found …", "…, a Quinnipiac poll shows.":
    the verb's subject is the data word nearest before it, when only a date, the words
    "released", "conducted by" or names stand between them.
    """
    if not tokens[i][0].islower() or lower[i].endswith("ing"):
        return None  # "Despite polls showing her behind": no finding reported
    k = i - 1
    if k >= 2 and lower[k] == "to" and lower[k - 1] in _LASTING:
        k -= 2  # "polls continue to show that …": still the polls' finding
    verb = k + 1
    described = False  # a lowercase word between: only in an agent's phrase ("by the … group")
    while k >= 0 and verb - k <= 16 and lower[k] not in _DATA_HEADS:
        if not (lower[k] in _DATA_BETWEEN or tokens[k][0][:1].isupper() or lower[k].isdigit()):
            if not _plain_word(tokens, lower, k):
                return None
            described = True
        k -= 1
    if k < 0 or lower[k] not in _DATA_HEADS or not tokens[k][0][:1].isalpha():
        return None
    if k == i - 1 and lower[k] in {"slide", "slides"}:
        return None  # "walked them through a slide show": a noun, no finding
    if lower[k] in _PAGES and k > 0 and not tokens[k][0].islower():
        return None  # "the 10,152-acre Slide Fire seems to indicate": a name, no document
    clause = i + 1 < len(lower) and lower[i + 1] == "that"
    if described and not (lower[k + 1] == "by" or (lower[k + 1] == "of" and clause)):
        return None  # "the poll numbers fell and show …": only an agent describes the data
    if (
        k + 1 < i
        and lower[k + 1] in {"of", "for", "and"}
        and tokens[k + 2][0][:1].islower()
        and not clause
    ):
        return None  # "an analysis of voters found": those found; but "… of the call shows that"
    if lower[k + 1 : i].count(",") == 1:
        return None  # "With a little research, Brett found out": the name is the subject
    start = _np_start(tokens, lower, k)
    determiners = [m for m in range(start, k) if lower[m] in {"a", "an", "the", "this"}]
    start = determiners[-1] if determiners else start  # "… effects A 2006 study showed"
    if lower[start] in _PREPOSITION_HEADS or (
        start > 0 and lower[start - 1] in {"in", "of", "from", "by", "to", "with", "about"}
    ):
        return None  # "the lead in the polls shows": not the poll's finding
    subject = _span(sentence, tokens, start, verb - 1)
    # "…, court documents show.": a finding that closes the sentence governs it, as "said".
    tail = start > 0 and lower[start - 1] in _CLOSING and _ends(lower, i)
    rule = "tail" if tail else "data"
    return Finding(subject, tokens[i][0], "reported speech", rule, tokens[i].start())


_PAGES: Final = frozenset("transcript transcripts slide slides memo memos".split())
_LASTING: Final = frozenset("continue continues continued seem seems seemed appear appears".split())


def _plain_word(tokens: Tokens, lower: list[str], k: int) -> bool:
    """A lowercase word of a noun phrase: no verb, auxiliary, clause word or adverb."""
    low = lower[k]
    return (
        low.isalpha()
        and low not in VERBS
        and low not in _AUX
        and low not in _STOP
        and not low.endswith(("ly", "ing"))
        and not (low.endswith("ed") and low not in _DATA_BETWEEN)
    )


def _can_speak_for_data(lower: list[str], i: int) -> bool:
    """ "Polls show …", "the survey found …": findings of a poll or study are attributed."""
    window = lower[max(0, i - 7) : i]
    return any(w.startswith(_DATA) for w in window)


_AFTER_INVERTED: Final = frozenset(
    ', . ; : ( — – in on at during after before that ” " ? ! when while as who whose which'.split()
)


def _inverted(sentence: str, tokens: Tokens, lower: list[str], i: int) -> Finding | None:
    first = i + 1
    last = first
    while last < len(tokens) and lower[last] not in _AFTER_INVERTED:
        if tokens[last][0].islower() and (
            lower[last].endswith(("ing", "ed")) or lower[last] in VERBS or lower[last] in _AUX
        ):
            return None  # "said the union expected …": a clause, not a speaker
        last += 1
    described = None  # "said Jeffery S. Pettis of the U.S. Department of Agriculture"
    if last - first > 7 and (cut := _name_before_of(tokens, lower, first, last)) is not None:
        described, last = (cut, last), cut
    if last == first or last - first > 7 or lower[first] in PRONOUNS - {"he", "she", "they"}:
        return None
    if lower[first] in _WHEN or lower[first] in _TIME:
        return None  # "…,” Trump tweeted Sunday": a day, not the speaker
    if last - first == 1 and lower[first] in {"he", "she", "they"}:
        pass
    elif not any(w[:1].isupper() for w in map(_word, tokens[first:last])) and lower[first] not in {
        "the",
        "a",
        "an",
        "one",
        "another",
        "his",
        "her",
        "its",
        "their",
    }:
        return None
    subject = _span(sentence, tokens, first, last - 1)
    detail = None
    if described is not None:
        detail = _span(sentence, tokens, described[0], described[1] - 1)
    elif last < len(tokens) and lower[last] == ",":
        end = last + 1
        while end < len(tokens) and lower[end] not in {",", ".", ";", ":", "”", '"', "(", "—"}:
            end += 1
        if end > last + 1 and end - last <= 12:
            detail = _span(sentence, tokens, last + 1, end - 1)
    return Finding(
        subject, tokens[i][0], "reported speech", "verb-subject", tokens[i].start(), detail
    )


def _name_before_of(tokens: Tokens, lower: list[str], first: int, last: int) -> int | None:
    """Where "of" follows a name of two words or more at ``first``: the speaker is the name,
    what follows is where they work ("Jeffery S. Pettis of the U.S. Department of …")."""
    k = first
    while k < last and tokens[k][0][:1].isupper():
        k += 1
    if k - first >= 2 and k < last and lower[k] == "of":
        return k
    return None


def _left_subject(
    sentence: str, tokens: Tokens, lower: list[str], i: int, j: int
) -> tuple[str, str | None, int, int] | None:
    """(subject, apposition, head index, noun phrase start) of the verb at ``i``, read leftwards.

    ``j`` is where :func:`_skip_back` stopped; the noun phrase start is :func:`_np_start` of
    the head (-1 when not computed).
    """
    if j >= 1 and lower[j] == ")":
        # "Gov. Pat McCrory (R) said"
        k = j
        while k >= 0 and lower[k] != "(":
            k -= 1
        if k < 1 or j - k > 8:
            return None
        j = k - 1
    detail = None
    described_to = j - 1  # where a description between commas ends
    if j >= 1 and lower[j] == ",":
        # "Nicholas Chapin, 18, said" / "The state's campaign chairman, Phil Lovas, said"
        k = j - 1
        titles = False  # "CBS, home to shows such as “Homeland” and “NCIS”, said"
        while k >= 0:
            if lower[k] in {"”", '"'} and (opening := _title_quoted(tokens, lower, k)) is not None:
                k, titles = opening - 1, True
                continue
            if (
                lower[k] == ","
                and titles
                and lower[k - 1] in {"”", '"'}
                and lower[k + 1] in {"“", '"'}
            ):
                k -= 1  # a list of titles
                continue
            if lower[k] in {",", ".", ";", ":", "”", '"', "(", "—"}:
                break
            k -= 1
        if not (k >= 1 and lower[k] == "," and 0 < j - k - 1 <= (24 if titles else 14)):
            return None
        inner = tokens[k + 1 : j]
        if len(inner) == 1 and inner[0][0].endswith(".") and inner[0][0][:-1] in _STATES:
            return None  # "…, of Flint, Mich., said": a place ends the description
        if lower[k - 1] == ")":
            k = next((m for m in range(k - 1, -1, -1) if lower[m] == "("), 0)
        if all(t[0][:1].isupper() for t in inner):
            # "The state's campaign chairman, Phil Lovas, said", "His partner at Lenox, Lee
            # Cummings, said": the name speaks, the description before it is its detail.
            located = (
                _located_subject(sentence, tokens, lower, k - 1)
                if tokens[k - 1][0][:1].isupper() and len(inner) > 1  # not "Dover, Delaware"
                else None
            )
            if tokens[k - 1][0][:1].islower() or located is not None:
                start = located[2] if located else _np_start(tokens, lower, k - 1)
                detail = _span(sentence, tokens, start, k - 1)
                return _span(sentence, tokens, k + 1, j - 1), detail, j - 1, -1
        if lower[k + 1] not in {"who", "which"}:
            detail = _span(sentence, tokens, k + 1, j - 1)
        if len(inner) == 1 and inner[0][0][:1].isupper() and _placed(tokens, lower, k - 1):
            # "police in Meriden, Connecticut, said": the place is where the speaker is
            return _placed_subject(sentence, tokens, lower, k - 1, j - 1)
        j = k - 1
    if j < 0:
        return None
    head = j
    head_word = tokens[head][0]
    if lower[head] in _SOME and _opens_clause(lower, head) and lower[i] not in _NOUN_LIKE:
        # "Some say …", "But few believe …", "…, many argue, …": people not named; but
        # "Some states remained close", "Edwards and others said"
        return head_word, None, head, head
    if not head_word[0].isalnum() or lower[head] in _NOT_HEAD_OR_STOP:
        return None
    if head_word.endswith(".") and head_word[:-1] in _STATES:
        return None  # "a truck driver from Ava, Mo., who …, said": a place, not the speaker
    if head_word in _PREPOSITION_HEADS or (
        head_word[0].isdigit()
        and not (head > 0 and (lower[head - 1] in {",", "in"} or tokens[head - 1][0][:1].isupper()))
        and not (lower[head].endswith("-year-old") and head > 0 and lower[head - 1] == "the")
    ):
        # "a lead in pledged delegates", "270 pledged delegates": nobody speaks; but
        # "Marley Anderson, 21, said" and "four in 10 said" do.
        return None
    if (lower[head] in VERBS and VERBS[lower[head]] != lower[head]) or (
        lower[head].endswith("ly") and _manner(lower[head]) and tokens[head][0].islower()
    ):
        return None  # "said", "told": a verb, not the subject ("report", "claim" may be)
    # "A report released last year found": "released" is not the subject; but a noun in -ing
    # after a determiner is ("The ruling says", "Another ranking says").
    noun_in_ing = lower[head].endswith("ing") and head > 0 and lower[head - 1] in _DETERMINERS
    if (
        tokens[head][0].islower()
        and lower[head].endswith("ed")
        and head >= 3
        and lower[head - 1] == "those"
        and lower[head - 2] in {"of", "for"}
        and lower[head - 3].isalpha()
        and lower[head - 3] not in _NOT_HEAD_OR_STOP
    ):
        # "Relatives of those killed said": the relatives speak, "those killed" says whose
        start = _np_start(tokens, lower, head - 3)
        return _span(sentence, tokens, start, head), detail, head - 3, start
    if tokens[head][0].islower() and lower[head].endswith(("ed", "ing")) and not noun_in_ing:
        return None
    if (
        head > 1
        and head_word[:1].isupper()
        and not _LOCATING.isdisjoint(lower[max(0, head - 6) : head])
    ):
        placed = _located_subject(sentence, tokens, lower, head)
        if placed is not None:
            return placed[0], detail, placed[1], placed[2]
    start = phrase = _np_start(tokens, lower, head)
    while start < head and lower[start] in _OPENERS:
        start += 1
    if lower[start] in _MONTHS and start + 1 < head and lower[start + 1] in {"a", "an", "the"}:
        start += 1  # "In March a BBC spokeswoman said": the month is when, not who
    approximate = lower[start] == "about" and bool(_NUMBER.match(lower[start + 1]))  # "About 4"
    # "This week Trump said" opens with a time; "This group recognizes" with its subject.
    determiner = (
        lower[start] in {"this", "last"}
        and lower[start + 1] not in _TIME_WORDS
        and not (start > 0 and lower[start - 1] in _ANY_PREPOSITION)
    )  # but "In this case we say": a phrase before the subject
    if lower[start] in _PREPOSITIONS and start < head and not approximate and not determiner:
        # "In an interview Monday Trump said": the subject starts after the time phrase.
        cut = next(
            (
                k
                for k in range(start + 1, head + 1)
                if tokens[k][0][:1].isupper()
                and (lower[k - 1] in _TIME or tokens[k - 1][0][:1].islower())
            ),
            None,
        )
        if cut is None:
            return None
        start = cut
    if (
        detail is not None
        and phrase >= 3
        and lower[phrase - 1] == ","
        and not all(t[0][:1].isupper() for t in tokens[phrase : head + 1])
    ):
        named = _name_before(tokens, lower, phrase - 2)
        if named is not None:
            # "McKeel Hagerty, CEO of Hagerty, a specialty insurer …, said": the name speaks,
            # its title and the description of his company are its detail
            detail = _span(sentence, tokens, phrase, described_to)
            return _span(sentence, tokens, named, phrase - 2), detail, phrase - 2, named
    return _span(sentence, tokens, start, head), detail, head, phrase


def _title_quoted(tokens: Tokens, lower: list[str], closing: int) -> int | None:
    """Where the quotation closing at ``closing`` opens, when it holds a title of one to five
    capitalised words ("“Homeland”") inside a description after "such as", "including", "of"."""
    for opening in range(closing - 1, max(-1, closing - 7), -1):
        if lower[opening] in {"“", '"'}:
            inner = tokens[opening + 1 : closing]
            if (
                inner
                and tokens[opening + 1][0][:1].isupper()
                and opening > 0
                and lower[opening - 1] in {"as", "including", "and", "or", "of", ","}
                and not any(lower[m] in {",", ".", "!", "?"} for m in range(opening + 1, closing))
            ):
                return opening
            return None
    return None


def _name_before(tokens: Tokens, lower: list[str], last: int) -> int | None:
    """Where a person's or company's name of two to four capitalised words ending at ``last``
    starts, when it opens the sentence or a clause, or follows a quotation."""
    first = last
    while first > 0 and tokens[first - 1][0][:1].isupper() and last - first < 4:
        first -= 1
    if not (
        1 <= last - first <= 3 and all(tokens[k][0][:1].isupper() for k in range(first, last + 1))
    ):
        return None
    if lower[first] in _PREPOSITIONS or not _TIME_WORDS.isdisjoint(lower[first : last + 1]):
        return None  # "On Sunday, …", "In October, …": when, not who
    if first == 0 or lower[first - 1] in {"”", '"', "’", ","}:
        return first
    return None


def _located_subject(
    sentence: str, tokens: Tokens, lower: list[str], head: int
) -> tuple[str, int, int] | None:
    """(subject, head, start) for "The health ministry in Gaza said", "officials in the
    besieged Gaza Strip say": the place ends the phrase, the common noun before it speaks."""
    k = head
    while k > 0 and head - k < 3 and tokens[k - 1][0][:1].isupper():
        k -= 1  # "Gaza Strip": the words of the name
    skipped = 0
    while k > 1 and skipped < 2 and lower[k - 1] not in _LOCATING and tokens[k - 1][0].islower():
        low = lower[k - 1]
        if low in _STOP or low in VERBS or low in _AUX or not low.isalpha():
            return None
        k -= 1  # "the besieged": a determiner and an adjective of the place
        skipped += 1
    if k < 2 or lower[k - 1] not in _LOCATING:
        return None
    speaker = k - 2
    word = tokens[speaker][0]
    if (
        not word.isalpha()
        or not (word.islower() or (speaker == 0 and word[1:].islower()))
        or lower[speaker] in _NOT_HEAD_OR_STOP
        or lower[speaker] in VERBS
        or lower[speaker] in _AUX
        or lower[speaker].endswith(("ing", "ly", "ed"))
        or lower[speaker] in _TIME_WORDS
        or lower[speaker] in _TIME_NOUNS
    ):
        return None  # "Speaking in Iowa Trump said", "Last week in Ohio Clinton said"
    start = _np_start(tokens, lower, speaker)
    if start > 0 and lower[start - 1] in _PREPOSITION_HEADS:
        return None  # "a lead among voters in Ohio": the phrase is not a subject
    return _span(sentence, tokens, start, head), speaker, start


_LOCATING: Final = frozenset({"in", "at", "from"})
_WHERE: Final = frozenset("in at from near outside inside across during to".split())
_NUMBER = re.compile(
    r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|hundreds?|thousands?)$"
)
_SOME: Final = frozenset("some many most few several both others".split())
_PUNCTUATION: Final = frozenset(", ; : — –".split())
_CONJUNCTIONS: Final = frozenset("but and yet still while though although".split())


def _opens_clause(lower: list[str], k: int) -> bool:
    """Whether the word at ``k`` opens a clause: first, after a comma, or after a conjunction
    that opens the sentence or follows a comma ("But few …", "…, and many …")."""
    if k == 0 or lower[k - 1] in _PUNCTUATION:
        return True
    return lower[k - 1] in _CONJUNCTIONS and (k == 1 or lower[k - 2] in _PUNCTUATION)


_PLURAL_HEADS: Final = _SOME | frozenset(
    "they we i you police people staff media military public personnel crew children men "
    "women leadership management".split()
)
_NP_JOINERS: Final = frozenset({"of", "for", "at", "in", "'s", "’s", "&"})


def _placed(tokens: Tokens, lower: list[str], name: int) -> bool:
    """Whether the name ending at ``name`` follows "in", "at", "from" or "of" (a place)."""
    return _place_start(tokens, lower, name) > 0


def _place_start(tokens: Tokens, lower: list[str], name: int) -> int:
    """Where the place name ending at ``name`` starts, after its preposition (-1 if none)."""
    k = name
    while k > 0 and tokens[k - 1][0][:1].isupper() and k > name - 3:
        k -= 1  # "in Colorado Springs": the words of the name
    return k if k > 1 and lower[k - 1] in _WHERE_SPEAKER else -1


def _placed_subject(
    sentence: str, tokens: Tokens, lower: list[str], name: int, last: int
) -> tuple[str, str | None, int, int] | None:
    """ "police in Meriden, Connecticut", "A pastor at New Life Church in Colorado Springs,
    Colorado": the noun phrase before the places, with them."""
    start = _place_start(tokens, lower, name)
    speaker = -1
    for _ in range(2):
        if not (start > 1 and lower[start - 1] in _WHERE_SPEAKER):
            break
        speaker = start - 2
        if not tokens[speaker][0][:1].isalnum() or lower[speaker] in _NOT_HEAD_OR_STOP:
            return None  # "Ann Lee, 59, of Dayton, Ohio, said": the name opens the sentence
        start = _np_start(tokens, lower, speaker)
        while start > 1 and tokens[start - 1][0][:1].isupper() and lower[start - 2] in _WHERE:
            start -= 1  # "at New Life Church": the name whole, though a place precedes it
    if speaker < 0 and any(t[0][:1].islower() for t in tokens[start:name]):
        speaker = name  # "The mayor of Dayton, Ohio": the place is inside the phrase
    if (
        speaker < 0
        or lower[start] in _PREPOSITIONS
        or (start > 0 and lower[start - 1] in _PREPOSITIONS)
    ):
        return None  # "Clinton, during a town hall in Columbus, Ohio, said": no speaker in it
    return _span(sentence, tokens, start, last), None, speaker, start


_WHERE_SPEAKER: Final = frozenset({"in", "at", "from", "of"})


def _np_start(tokens: Tokens, lower: list[str], head: int) -> int:
    """Where the noun phrase ending at ``head`` starts, read leftwards.

    After a name only the name and the words that belong to it ("the FBI", "Bank of America");
    after a common noun its determiners, adjectives and "of"/"for" phrases ("a spokesman for
    the ministry", "its chief executive"); never across a verb, "-ing" or "-ly" word.
    """
    start = head
    name = tokens[head][0][:1].isupper()
    while start - 1 >= 0 and head - start < _MAX_NP:
        word, low = tokens[start - 1][0], lower[start - 1]
        if not word[0].isalnum() or low in _STOP or low in VERBS or low in _AUX:
            break
        if name:
            if word[:1].isupper() and start - 2 >= 0 and lower[start - 2] in _WHERE:
                break  # "In Washington Trump said": Washington is where, not who
            if word[:1].isupper() or low in {"of", "&", "for"}:
                start -= 1
                continue
            if lower[start] in {"of", "for"}:
                name = False  # "a spokesman for the Bank of America": the description leads
                start -= 1
                continue
            if low == "the":
                start -= 1
                if start - 1 >= 0 and lower[start - 1] in {"of", "for"}:
                    continue  # "the Institute for the Study of War"
            break
        if low in _NP_JOINERS and low in {"in", "at"}:
            if low == "in" and start - 2 >= 0 and _NUMBER.match(lower[start - 2]):
                start -= 1  # "four in 10": a share of the people asked
                continue
            if not (start - 2 >= 0 and lower[start - 2].endswith("s")):
                break
        elif low.endswith(("ing", "ly", "ed")) and low not in {"unnamed"}:
            break
        start -= 1
    while start < head and lower[start] in {"of", "&", "for", "in", "at"}:
        start += 1
    return start


def _participle(
    sentence: str,
    tokens: Tokens,
    lower: list[str],
    i: int,
    found: list[Finding],
) -> Finding | None:
    if found:
        subject = found[-1].subject
    else:
        start = 0
        while start < len(tokens) and lower[start] in _OPENERS_OR_COMMA:
            start += 1
        end = start
        while end < i and (tokens[end][0][:1].isupper() or lower[end] in {"of", "the"}):
            end += 1
        opening = lower[start] in _PREPOSITIONS_OR_STOP  # "During a speech, …"
        if opening or end == start or (lower[start] in _NOT_HEAD and end == start + 1):
            if not opening and start < len(lower) and lower[start] in {"he", "she", "they"}:
                return Finding(
                    tokens[start][0],
                    tokens[i][0],
                    "reported speech",
                    "participle",
                    tokens[i].start(),
                )
            if i + 1 < len(lower) and lower[i + 1] == "that":
                return _saying_that(sentence, tokens, lower, i)
            return None
        subject = _span(sentence, tokens, start, end - 1)
    return Finding(subject, tokens[i][0], "reported speech", "participle", tokens[i].start())


def _saying_that(sentence: str, tokens: Tokens, lower: list[str], i: int) -> Finding | None:
    """The subject of the main clause a "…, saying that …" hangs on.

    "The billionaire businessman began by talking about the crisis, saying that …", "At a rally
    in Dover, Ohio, on Sunday, Mrs. Vale endorsed him, saying that …": the noun phrase before
    the first verb, after the last comma before it; no clause opened between the verb and the
    participle (whose subject might be someone else).
    """
    verb = next((k for k in range(i) if _finite_verb(tokens, lower, k)), None)
    if verb is None or verb == 0:
        return None
    if any(w in _SUBORDINATE or w in {";", ":", "(", "—", "–"} for w in lower[verb : i - 1]):
        return None
    start = verb
    while start > 0 and lower[start - 1] != "," and verb - start < 8:
        start -= 1
    if start > 0 and lower[start - 1] != ",":
        return None
    words = tokens[start:verb]
    if not words or not all(t[0][:1].isalnum() or t[0] in {"'s", "’s", "."} for t in words):
        return None
    if lower[start] in _NOT_OPENING or lower[verb - 1] in PRONOUNS | _OBJECTS:
        return None  # "In the end, …": no noun phrase; "he": resolved as a pronoun elsewhere
    if any(lower[k] in _STOP or lower[k].endswith(("ing", "ly")) for k in range(start, verb)):
        return None
    subject = _span(sentence, tokens, start, verb - 1)
    return Finding(subject, tokens[i][0], "reported speech", "saying-that", tokens[i].start())


def _finite_verb(tokens: Tokens, lower: list[str], k: int) -> bool:
    """A word that likely opens a predicate: "endorsed", "left", "has", "also"."""
    word = tokens[k][0]
    if k > 0 and word.endswith("ed") and (lower[k - 1] in _NOT_HEAD or _manner(lower[k - 1])):
        return False  # "The retired banker", "the newly elected mayor": an adjective
    return word.islower() and (
        lower[k] in _FINITE or (word.endswith("ed") and len(word) > 4) or lower[k] in VERBS
    )
