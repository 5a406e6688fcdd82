"""The attribution record: who an article says a sentence comes from, and how it says so."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal, NamedTuple

Kind = Literal["quote", "reported speech", "according to", "carried over"]
"""How the article attributes the sentence.

``quote``: the sentence is inside quotation marks given to the source; ``reported speech``: a
reporting cue with its subject ("Lavrov said that …", "…, заявил Песков"); ``according to``: a
source phrase ("According to Bloomberg", "по данным ТАСС"); ``carried over``: the sentence
continues a report made in the sentence before it.
"""

KINDS: Final[tuple[Kind, ...]] = ("quote", "reported speech", "according to", "carried over")


def kind_of(stored: str | None) -> Kind:
    """The kind a stored string names ("reported speech" for one this version does not know)."""
    return next((kind for kind in KINDS if kind == stored), "reported speech")


QUOTATION_MARKS: Final = "“…”"
"""The cue of a quotation whose speaker is not named: the marks themselves."""

ATTRIBUTION_VERSION: Final = "15"
"""Changes whenever the engine attributes some text differently; old bases are recomputed."""

UNNAMED: Final = "unnamed sources"
"""The source of "sources said", "officials told", "источники сообщили"."""

NOT_NAMED: Final = "speaker not named"
"""A quote or report whose speaker the article does not name where newsdesk can find it."""

LABELS: Final = frozenset(
    "update note correction photo photos video watch read related breaking analysis opinion "
    "editor editor's editor’s exclusive warning disclaimer source sources credit getty images "
    "reuters ap details summary recap transcript background context q a question answer "
    "обновление внимание видео фото молния эксклюзив оновлення увага відео блискавка "
    "ексклюзив".split()
)
"""Words that label a paragraph rather than name its speaker: "Update: …", "EDITOR'S NOTE: …",
"ВИДЕО: …". A label before a colon or a transcript tag whose first word is one of these names
nobody."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """The reported source of a sentence, with what the article says about it.

    ``source`` is the name as a reader would say it ("Sergei Lavrov", "the company",
    :data:`UNNAMED`, :data:`NOT_NAMED`); ``detail`` what the article adds ("citing sources in
    the government", "a student"); ``cue`` the words that attribute it ("said", "по словам");
    ``rule`` which rule of the engine decided (for audits; not part of equality).
    """

    source: str
    detail: str | None = None
    cue: str | None = None
    kind: Kind = "reported speech"
    rule: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.source} ({self.detail})" if self.detail else self.source


def describe(attribution: Attribution | None) -> str:
    """The human line: "reported by Bloomberg", "according to unnamed sources", …"""
    if attribution is None:
        return "the outlet's own claim"
    if attribution.source == NOT_NAMED:
        what = "quoted" if attribution.kind == "quote" else "reported"
        return f"{what}; speaker not named" + (
            f" ({attribution.detail})" if attribution.detail else ""
        )
    if attribution.source == UNNAMED:
        return f"according to {attribution}"
    if attribution.kind == "quote":
        return f"quoting {attribution}"
    return f"reported by {attribution}"


def explain(attribution: Attribution | None) -> str:
    """The line for an audit: who, how the article attributes it, and by which words."""
    if attribution is None:
        return "the outlet's own claim: nothing in or around the sentence attributes it"
    if attribution.cue == QUOTATION_MARKS:
        cue = ", cue: the quotation marks"
    else:
        cue = f", cue “{attribution.cue}”" if attribution.cue else ""
    return f"{describe(attribution)} · {attribution.kind}{cue}"


class Finding(NamedTuple):
    """What a language's rules read in one sentence: a cue and its subject, as written.

    ``subject`` is the words the sentence uses ("he", "Lavrov", "the company"); the engine
    turns it into the source a reader is shown (a full name, a resolved pronoun).
    """

    subject: str
    cue: str
    kind: Kind
    rule: str
    position: int
    detail: str | None = None
