"""The article-level attribution engine: one :class:`Attribution` or ``None`` per sentence.

Sentences are read in order, each with what is quoted masked out, so the words round a quote
(“…,” Trump said; «…», — заявил Лавров) are read apart from the words inside it:

1. the language's rules find cues and their subjects (:mod:`.english`, :mod:`.cyrillic`,
   :mod:`.latin` for de, fr, es, it, pt, pl and nl); :class:`~.speakers.Speakers` turns the
   subject into the source a reader is shown;
2. every sentence inside a quotation gets the quote's speaker: found in any sentence the
   quote runs through, named by its marks ("WALLACE: …", «…» — Лавров, "X: «…»"), by a frame
   set inside it ("«…, – сказав X. – …»", "“… – ha aggiunto – …”"), by the sentence right
   after it ("“…” Lo ha detto il ministro X."), or announced by the sentence before it
   ("Lavrov said:"); else the speaker of the sentence just before it or of an earlier quote
   in the paragraph goes on; else it is "quoted; speaker not named". In the Latin-script
   languages, lines of speech opened by a dash are the speaker's that the dash closing them
   names ("- … - mówił Mariusz Kamiński.");
3. a paragraph of a transcript, opened by its speaker's name in capitals ("FALLIN: Well, I
   think …", "ПЕСКОВ: …"), is that speaker's to its end (22 of 22 sentences right on PolNeAR
   train; a name in mixed case opens as many section headings as transcripts);
4. the paragraph right after one that ends announcing it ("Hewitt writes:", "Губернатор
   добавил:") is a block quote, its sentences the announced speaker's though no quotation
   mark is set (measured on PolNeAR train: 8 sentences, all the speaker's words; 5 of them
   annotated, the other 3 an embedded tweet's);
5. a sentence that continues an "according to" report in the same paragraph ("This may
   become …" after the Verstka sentence) carries its source over, unless it opens with a
   framing word ("In addition", "Meanwhile") or names a source of its own. (Carrying over
   after any report was measured on PolNeAR dev: right for 1 sentence in 10.)
Anything else is the outlet's own claim (``None``).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from typing import Final

from retrieval.sources import cyrillic, english, latin
from retrieval.sources.quotes import SPEECH_WORDS, Quote, find_quotes
from retrieval.sources.record import LABELS, NOT_NAMED, QUOTATION_MARKS, Attribution, Finding, Kind
from retrieval.sources.speakers import Speakers

Span = tuple[int, int]

_FRAMING = re.compile(
    r"^\W*(?:in addition|additionally|meanwhile|separately|at the same time|however|"
    r"кроме того|между тем|тем временем|однако|крім того|тим часом|однак|"
    r"außerdem|zudem|unterdessen|dagegen|en outre|par ailleurs|cependant|además|"
    r"sin embargo|mientras tanto|inoltre|tuttavia|intanto|além disso|no entanto|ponadto|"
    r"tymczasem|jednak|daarnaast|intussen|echter)\b",
    re.IGNORECASE,
)
_INSIDE = 0.5
_NO_RUNS: Final[frozenset[int]] = frozenset()  # most sentences: no quotation in them


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    paragraph: int
    runs: Set[int]
    inside: int | None
    attribution: Attribution | None = None
    opens_quote: bool = False
    """It opens with a quotation too short a share of it to be inside: "“…,” X, Y, said"."""


def attribute_article(
    text: str,
    paragraphs: Sequence[Sequence[Span]],
    language: str,
    *,
    carry_over: bool = True,
    title: str | None = None,
) -> list[list[Attribution | None]]:
    """The attribution of every sentence, grouped as ``paragraphs`` groups the sentence spans.

    ``paragraphs`` holds, per body paragraph in reading order, the (start, end) offsets of its
    sentences in ``text``. ``carry_over=False`` leaves sentences after a report unattributed.
    ``title``, the headline, may name the source of a Russian or Ukrainian lead that restates
    it ("Песков: …", "… — Минфин").
    """
    bounds = [(group[0][0], group[-1][1]) for group in paragraphs if group]
    found = find_quotes(text, bounds, reversed_guillemets=language == "de")
    speech_runs = {q.run for q in found if q.is_speech}
    quotes = [q for q in found if q.run in speech_runs]
    ends = [q.end for q in quotes]  # quotes do not overlap: starts and ends both ascend
    sentences: list[_Sentence] = []
    with_quotes: list[int] = []  # the indexes of the sentences a quote runs through
    cyrillic_text = language in {"ru", "uk"}
    latin_text = language in latin.LANGUAGES
    find: Callable[[str], list[Finding]] = english.find
    if cyrillic_text:
        find = cyrillic.Rules(language).find
    elif latin_text:
        find = latin.Rules(language).find
    speakers = Speakers(text, language)
    for number, group in enumerate(paragraphs):
        for start, end in group:
            first = bisect.bisect_right(ends, start) if quotes else 0
            if first < len(quotes) and quotes[first].start < end:
                near = [q for q in quotes[first : first + 8] if q.start < end]
                item, frame = _framed(text, start, end, number, near)
                with_quotes.append(len(sentences))
            else:  # most sentences: no quote in them
                item = _Sentence(start, end, number, _NO_RUNS, None)
                frame = text[start:end]
            findings = find(frame)
            if findings:
                item.attribution = _first(findings, speakers, start)
            sentences.append(item)
    # Cyrillic and Latin-script rules also read a frame set inside a quotation, each
    # written its own way.
    frame_find = find if cyrillic_text or latin_text else None
    inner_frame = _DASHED_FRAME if latin_text else _INNER_FRAME
    _quotes(sentences, with_quotes, text, speakers, quotes, frame_find, inner_frame)
    if latin_text:
        _dashed_lines(sentences, text)
    _transcripts(sentences, text, speakers)
    result: list[list[Attribution | None]] = [[] for _ in paragraphs]
    previous: _Sentence | None = None
    block: Attribution | None = None  # the speaker announced for the paragraph after
    block_paragraph = -1
    for index, item in enumerate(sentences):
        attribution = item.attribution
        if attribution is not None and _announces(attribution, text, item):
            block, block_paragraph = attribution, item.paragraph + 1
            if attribution.rule == "announce":
                attribution = None  # it named the speaker of what follows, and says nothing
        # A block quote is the one paragraph after its announcement.
        if attribution is None and block is not None and item.paragraph == block_paragraph:
            attribution = _as(block, "quote", "block-quote")
        if attribution is None and item.opens_quote:
            # Whoever the words after the quotation name, they were not understood: the
            # sentence is quoted all the same, and no earlier speaker is guessed for it.
            attribution = Attribution(
                NOT_NAMED, cue=QUOTATION_MARKS, kind="quote", rule="quote-opening"
            )
        if attribution is None and carry_over and previous is not None:
            attribution = _carried(previous, item, text)
        if (
            attribution is None
            and carry_over
            and cyrillic_text
            and _PASSIVE.match(text, item.start)
        ):
            attribution = _noted(sentences, index)
        item.attribution = attribution
        previous = item
    if cyrillic_text and carry_over:
        reported = _about_this(sentences, text)
        if reported:
            _goes_on(sentences, text, reported)
        if title and sentences and sentences[0].attribution is None:
            sentences[0].attribution = _headline(title, text, sentences[0], speakers)
    for item in sentences:
        result[item.paragraph].append(item.attribution)
    return result


# "Отмечается, что …", "Зазначається, що …": the report goes on, its source not named again.
_PASSIVE = re.compile(
    r"\s*(?:отмечается|сообщается|уточняется|подчеркивается|подчёркивается|указывается|"
    r"зазначається|повідомляється|наголошується|уточнюється|підкреслюється|вказується)"
    r",?\s+(?:что|що)\b",
    re.IGNORECASE,
)
# "Об этом сообщил …", "Про це повідомив …", "Так Песков прокомментировал …": the report
# is what the sentences before said.
_ABOUT_THIS = re.compile(
    r"\s*(?:(?:как|як)\s+(?:передает|передаёт|пишет|сообщает|передає|пише|повідомляє)"
    r"\s+[^,]{1,60},\s*)?"  # "Как передает ТАСС, об этом сообщил …"
    r"(?:об\s+этом|о\s+чем|о\s+чём|эту\s+информацию|про\s+це|цю\s+інформацію|"
    r"так(?!\s*,))\s",
    re.IGNORECASE,
)


_WORDS = re.compile(r"\w+")
# "Песков: …", "НБУ: …" (one or two capitalised words before the colon); "… — Сирський",
# "…, - голова ОВА" (up to three words after a spaced dash closing the headline).
_HEADLINE_COLON = re.compile(
    r"^\s*(?P<who>[A-ZА-ЯЁІЇЄҐ][\w’'-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w’'-]*)?):\s+(?P<rest>.+)$"
)
_HEADLINE_DASH = re.compile(
    r"^(?P<rest>.+?),?\s+[—–-]\s+(?P<who>[^\W\d][\w’'-]*(?:\s+[\w’'-]+){0,2})\s*$"
)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _WORDS.findall(text.lower()) if len(w) >= 4 and not w.isdigit()}


def _headline(title: str, text: str, lead: _Sentence, speakers: Speakers) -> Attribution | None:
    """The headline's source for the lead that restates the headline's claim: two words of
    four letters or more shared (their first five letters), so a dateline or a lead about
    something else stays the outlet's own."""
    found = _HEADLINE_COLON.match(title) or _HEADLINE_DASH.match(title)
    if found is None:
        return None
    if len(_stems(found.group("rest")) & _stems(text[lead.start : lead.end])) < 2:
        return None
    resolved = speakers.resolve(found.group("who"), lead.start)
    if resolved is None:
        return None
    mark = ":" if found.re is _HEADLINE_COLON else "—"
    return Attribution(resolved[0], resolved[1], mark, "reported speech", "headline")


def _dateline(sentence: str) -> bool:
    """A dateline or an agency's tag: three words at most, one in capitals or a number."""
    words = _WORDS.findall(sentence)
    return len(words) <= 3 and (
        len(words) == 1 or any((w.isupper() and len(w) > 1) or w.isdigit() for w in words)
    )


def _noted(sentences: Sequence[_Sentence], index: int) -> Attribution | None:
    """The source of the nearest named report before an impersonal "Отмечается, что …", in
    its paragraph or the two before it."""
    paragraph = sentences[index].paragraph
    for item in reversed(sentences[:index]):
        if item.paragraph < paragraph - 2:
            break
        if item.attribution is not None and item.attribution.source != NOT_NAMED:
            return _as(item.attribution, "carried over", "noted")
    return None


def _goes_on(sentences: Sequence[_Sentence], text: str, paragraphs: set[int]) -> None:
    """In a wire item, a sentence with no cue goes on with the named report just before it in
    its paragraph ("… Об этом сообщил X. …"), unless it opens with a framing word.

    Only in ``paragraphs``: the one of a "Об этом сообщил X" / "Про це повідомив X" report (the
    mark of a wire item) and the one before it; never after a quote (what follows one is mostly
    the writer's). Measured on the four annotated ru/uk sets: 5 sentences more right, 2 wrong;
    on own-voice Russian (UD GSD test, XQuAD ru) nothing changes, as no such report is there.
    Carrying over in every article or into the next paragraph was wrong too often.
    """
    for previous, item in itertools.pairwise(sentences):
        before = previous.attribution
        if (
            item.attribution is None
            and before is not None
            and before.source != NOT_NAMED
            and before.kind != "quote"
            and previous.paragraph == item.paragraph
            and item.paragraph in paragraphs
            and not _FRAMING.match(text[item.start : item.end])
        ):
            item.attribution = _as(before, "carried over", "goes on")


def _about_this(sentences: Sequence[_Sentence], text: str) -> set[int]:
    """Give the sentences a "Об этом сообщил X" report refers back to X as their source.

    Back over the unattributed sentences of its paragraph; when it opens its paragraph, over
    those of the paragraph before (the lead a report so often follows). Whether a report named
    its speaker after the verb ("Об этом сообщил X", "Про це повідомив X"), as wire items do.
    """
    found: set[int] = set()
    for index, item in enumerate(sentences):
        report = item.attribution
        if (
            report is None
            or report.source == NOT_NAMED
            or report.kind not in {"reported speech", "according to"}
            or not _ABOUT_THIS.match(text, item.start)
        ):
            continue
        if report.rule == "relay":
            continue  # "Как передает ТАСС, …" opens the report itself
        if report.rule == "inverted":  # "Об этом сообщил X": a wire item
            found |= {item.paragraph, item.paragraph - 1}
        opens = index == 0 or sentences[index - 1].paragraph != item.paragraph
        wanted = item.paragraph - 1 if opens else item.paragraph
        for before in reversed(sentences[:index]):
            if before.paragraph != wanted or before.attribution is not None:
                break
            if _dateline(text[before.start : before.end]):
                break  # "МОСКВА, 18 декабря.", "/ТАСС/.": no claim of anyone's
            before.attribution = _as(report, "reported speech", "about-this")
    return found


def _framed(
    text: str, start: int, end: int, paragraph: int, quotes: Sequence[Quote]
) -> tuple[_Sentence, str]:
    """The sentence and its frame: its text with the quoted words blanked (same offsets).

    ``quotes`` are those that overlap the sentence, in order.
    """
    covered: dict[int, int] = {}  # characters quoted, by run
    pieces: list[str] = []
    last = start
    for quote in quotes:
        a, b = max(start, quote.start), min(end, quote.end)
        covered[quote.run] = covered.get(quote.run, 0) + b - a
        pieces += (text[last:a], " " * (b - a))
        last = b
    pieces.append(text[last:end])
    size = max(1, end - start)
    inside = next((run for run, chars in covered.items() if chars / size >= _INSIDE), None)
    opens = inside is None and _opens_with_speech(text, start, end, quotes[0])
    runs = covered.keys()
    return _Sentence(start, end, paragraph, runs, inside, opens_quote=opens), "".join(pieces)


def _opens_with_speech(text: str, start: int, end: int, quote: Quote) -> bool:
    """Whether the sentence opens with a quotation that ends on its own punctuation inside the
    marks, before the sentence goes on: “We will win,” … — whatever follows frames it."""
    return (
        quote.start - start <= 2
        and quote.words >= SPEECH_WORDS
        and quote.end < end
        and text[quote.start : quote.end].rstrip()[-1:] in {",", "!", "?"}
        and not text[start : quote.start].strip(" “\"«„'‘").strip()
    )


# A report that closes the sentence governs all of it: "X called for …, sources said."
_GOVERNING = {
    "tail": 0,
    "verb-subject": 0,
    "quoting": 0,
    "relay": 2,
}  # an agency relaying comes last


def _first(findings: Sequence[Finding], speakers: Speakers, offset: int) -> Attribution | None:
    if len(findings) > 1:
        findings = sorted(findings, key=lambda f: (_GOVERNING.get(f.rule, 1), f.position))
    for finding in findings:
        resolved = speakers.resolve(finding.subject, offset + finding.position)
        if resolved is None:
            continue
        source, detail = resolved
        return Attribution(
            source,
            _join(detail, finding.detail),
            finding.cue,
            finding.kind,
            finding.rule,
        )
    return None


def _as(attribution: Attribution, kind: Kind, rule: str) -> Attribution:
    """The attribution with another kind and rule (``dataclasses.replace``, without its cost)."""
    return Attribution(attribution.source, attribution.detail, attribution.cue, kind, rule)


def _join(first: str | None, second: str | None) -> str | None:
    if first and second:
        return f"{first}, {second}"
    return first or second or None


_SPEAKER_TAG = re.compile(
    r"\s*(?P<name>[A-ZА-ЯЁІЇЄҐ][\w.'’-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w.'’-]*){0,3})\s*:\s"
)
_DASH_NAME = re.compile(
    r"^[”\"»“]?\s*[―—–-]\s*(?P<name>[A-ZА-ЯЁІЇЄҐ][\w.'’-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w.'’-]*){0,3})"
    r"\s*(?:[,.(]|$)"
)
_COLON_NAME = re.compile(
    r"(?:^|[.!?]\s+)(?P<name>[A-ZА-ЯЁІЇЄҐ][\w.'’-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w.'’-]*){0,3})\s*:\s*$"
)


def _named_in_quote(text: str, quotes: Sequence[Quote], speakers: Speakers) -> Attribution | None:
    """A speaker the quotation names by its marks: "WALLACE: …", «…» — Лавров, X: «…»."""
    first, last = quotes[0], quotes[-1]
    found = None
    tag = _SPEAKER_TAG.match(text, first.start, first.end)
    if tag:
        found = tag.group("name"), "transcript", tag.start("name")
    elif dash := _DASH_NAME.match(text[last.end : last.end + 60]):
        found = dash.group("name"), "dash", last.end
    elif colon := _COLON_NAME.search(text[max(0, first.start - 61) : first.start - 1]):
        found = colon.group("name"), "colon", first.start
    if found is None:
        return None
    name, rule, position = found
    resolved = speakers.resolve(name.title() if name.isupper() else name, position)
    if resolved is None:
        return None
    return Attribution(resolved[0], resolved[1], rule, "quote", f"quote-{rule}")


# A frame between dashes inside the quotation marks: "…, – сказав Володимир Гройсман. – …",
# or closing it: "…, - наголосив міський голова Владислав Атрошенко."
_INNER_FRAME = re.compile(
    r"[,.!?…]\s*[–—-]\s+(?P<frame>[^–—«»\"“”\n]{3,120}?)\s*(?:[.,]\s*[–—-]\s|[.!]?[»\"”]?\s*$)"
)


# Italian and Spanish set a frame between dashes with no comma: "… – ha aggiunto – …", «…
# —dijo el ministro—, …»; every Latin-script language's quotations are read with it.
_DASHED_FRAME = re.compile(r"\s[–—]\s?(?P<frame>[^–—«»\"“”\n]{3,60}?)\s?[–—](?=[\s,.;])")
# The rules that read a frame's verb and its speaker: "verb-subject" (Cyrillic and
# Latin-script), "tail" and "dropped-subject" (Latin-script: "– ha aggiunto –").
_FRAME_RULES: Final = frozenset({"verb-subject", "tail", "dropped-subject"})


def _inner_frame(
    text: str,
    quotes: Sequence[Quote],
    speakers: Speakers,
    find: Callable[[str], list[Finding]],
    pattern: re.Pattern[str],
) -> Attribution | None:
    """The speaker a frame set inside the quotation names ("…, – сказав X. – …")."""
    for quote in quotes:
        for match in pattern.finditer(text, quote.start, quote.end):
            frame = match.group("frame")
            findings = [f for f in find(", — " + frame) if f.rule in _FRAME_RULES]
            if findings:
                found = _first(findings, speakers, match.start("frame") - 4)
                if found is not None and found.source != NOT_NAMED:
                    return found
    return None


def _tagged_piece(
    text: str,
    pieces: Sequence[Quote],
    starts: Sequence[int],
    item: _Sentence,
    speakers: Speakers,
) -> Attribution | None:
    """The speaker a transcript tag names at the start of a quote piece in this sentence."""
    first = max(bisect.bisect_left(starts, item.start), 1)
    if first >= len(pieces) or pieces[first].start >= item.end:
        return None  # most sentences: no piece of the quote starts in them after its first
    for piece in itertools.islice(pieces, first, None):
        if piece.start >= item.end:
            break
        if item.start <= piece.start:
            tag = _SPEAKER_TAG.match(text, piece.start, piece.end)
            if tag:
                name = tag.group("name")
                resolved = speakers.resolve(name.title() if name.isupper() else name, piece.start)
                if resolved is not None:
                    return Attribution(
                        resolved[0], resolved[1], "transcript", "quote", "quote-transcript"
                    )
    return None


def _quotes(
    sentences: list[_Sentence],
    with_quotes: Sequence[int],
    text: str,
    speakers: Speakers,
    quotes: Sequence[Quote],
    find: Callable[[str], list[Finding]] | None,
    frame: re.Pattern[str],
) -> None:
    """Give each sentence inside a quotation its speaker.

    ``find`` (Russian, Ukrainian and the Latin-script languages) also reads a frame set
    inside the quotation marks as ``frame`` finds it ("«…, – сказав Гройсман. – …»", "— …,
    - наголосив мер.", "“… – ha aggiunto – …”").

    ``with_quotes`` holds the indexes of the sentences a quote runs through.
    """
    quotes_of: dict[int, list[Quote]] = {}
    for quote in quotes:
        quotes_of.setdefault(quote.run, []).append(quote)
    runs: dict[int, list[int]] = {}
    for index in with_quotes:
        for run in sentences[index].runs:
            runs.setdefault(run, []).append(index)
    for run, members in sorted(runs.items()):
        speaker = next(
            (sentences[i].attribution for i in members if sentences[i].attribution is not None),
            None,
        )
        kind: Kind = "quote"
        starts = [piece.start for piece in quotes_of[run]]
        if speaker is None:
            speaker = _named_in_quote(text, quotes_of[run], speakers)
        if speaker is None and find is not None:
            speaker = _inner_frame(text, quotes_of[run], speakers, find, frame)
        if speaker is None and members[-1] + 1 < len(sentences):
            # "“…” Lo ha detto il ministro X.", "“…” Così la premier X.": named right after
            following = sentences[members[-1] + 1].attribution
            if following is not None and following.rule == "backref":
                speaker = following
        first = members[0]
        before = sentences[first - 1] if first > 0 else None
        dialogue = quotes_of[run][0].dialogue
        if dialogue:
            before = None  # the lines of an interview alternate: no speaker carries over
        if speaker is None and before is not None and before.attribution is not None:
            announces = text[before.start : before.end].rstrip().endswith(":")
            if announces or before.attribution.source != NOT_NAMED:
                speaker = before.attribution
                # A quote right after a quote or an announcement is the same speaker's.
                quoted = announces or before.attribution.kind == "quote"
                kind = "quote" if quoted else "carried over"
        if speaker is None and not dialogue:
            # The speaker of an earlier quote in the same paragraph goes on speaking.
            paragraph = sentences[first].paragraph
            earlier = (
                s.attribution
                for s in reversed(sentences[:first])
                if s.paragraph == paragraph and s.attribution is not None
            )
            speaker = next((a for a in earlier if a.source != NOT_NAMED), None)
            kind = "carried over"
        for i in members:
            item = sentences[i]
            tagged = _tagged_piece(text, quotes_of[run], starts, item, speakers)
            if tagged is not None:
                speaker, kind = tagged, "quote"  # "WALLACE: …" then "PENCE: …" in one run
            if item.inside != run and item.attribution is None:
                continue
            if item.attribution is not None and item.attribution.kind != "carried over":
                item.attribution = _as(item.attribution, "quote", item.attribution.rule)
            elif speaker is not None:
                item.attribution = _as(speaker, kind, f"quote-{kind}")
            else:
                item.attribution = Attribution(
                    NOT_NAMED, cue=QUOTATION_MARKS, kind="quote", rule="quote"
                )
        if speaker is not None:
            speakers.note(speaker.source)


_DASH_OPENING = re.compile(r"\s*[-–—]\s")


def _dashed_lines(sentences: Sequence[_Sentence], text: str) -> None:
    """Give the lines of speech opened by a dash ("- Sprawuję nadzór … Jako szef MSWiA …
    Policja nie jest … - mówił Mariusz Kamiński.") the speaker the dash closing them names."""
    opened: int | None = None
    paragraph = -1
    for index, item in enumerate(sentences):
        if item.paragraph != paragraph:
            paragraph, opened = item.paragraph, None
        if _DASH_OPENING.match(text, item.start):
            opened = index if opened is None else opened
        found = item.attribution
        if opened is None or found is None:
            continue
        if found.rule in {"tail", "dropped-subject"} and found.cue and found.source != NOT_NAMED:
            closing = text.rfind(found.cue, item.start, item.end)
            if closing > item.start and text[item.start : closing].rstrip().endswith(
                ("-", "–", "—")
            ):
                for earlier in sentences[opened:index]:
                    if earlier.attribution is None:
                        earlier.attribution = _as(found, "quote", "quote-dashed")
        opened = None


# A speaker's name in capitals opening a paragraph: "FALLIN: …", "JAKE TAPPER: …", "ПЕСКОВ: …";
# at least three letters ("UN: …" heads a story) and no label ("UPDATE: …").
_TRANSCRIPT_TAG = re.compile(
    r"\s*(?P<name>[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ'’.-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ'’.-]+){0,2})"
    r"\s*:\s+\S"
)


def _transcripts(sentences: Sequence[_Sentence], text: str, speakers: Speakers) -> None:
    """Give the sentences of a transcript's paragraph the speaker its tag names.

    Sentences attributed otherwise (a quote, a report of their own) keep their attribution.
    """
    opening: Attribution | None = None
    paragraph = -1
    for item in sentences:
        if item.paragraph != paragraph:
            paragraph = item.paragraph
            opening = None
            if text[item.start].isupper() and text[item.start + 1 : item.start + 2].isupper():
                opening = _tagged(text, item.start, item.end, speakers)  # few: two capitals
        if opening is not None and item.attribution is None:
            item.attribution = opening


def _tagged(text: str, start: int, end: int, speakers: Speakers) -> Attribution | None:
    tag = _TRANSCRIPT_TAG.match(text, start, end)
    if tag is None:
        return None
    name = tag.group("name")
    if sum(c.isalpha() for c in name) < 3 or name.split()[0].lower() in LABELS:
        return None
    resolved = speakers.resolve(name.title(), tag.start("name"))
    if resolved is None:
        return None
    return Attribution(resolved[0], resolved[1], "transcript", "quote", "transcript")


def _announces(attribution: Attribution, text: str, item: _Sentence) -> bool:
    """Whether the sentence announces what follows: its reporting verb ends it with a colon
    ("Hewitt writes:", "The governor added:", "Песков заявил:")."""
    if attribution.rule == "announce":
        return True
    if attribution.kind != "reported speech" or not attribution.cue:
        return False
    ending = text[item.start : item.end].rstrip()
    return ending.endswith(":") and ending[:-1].rstrip().endswith(attribution.cue)


def _carried(previous: _Sentence, item: _Sentence, text: str) -> Attribution | None:
    """The "according to" report of the sentence before, carried over to this one, if any."""
    before = previous.attribution
    if (
        before is not None
        and before.kind == "according to"
        and previous.paragraph == item.paragraph
        and not _FRAMING.match(text[item.start : item.end])
    ):
        return _as(before, "carried over", "carry")
    return None
