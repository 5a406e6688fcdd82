"""Russian and Ukrainian reporting cues and their subjects."""

from __future__ import annotations

from retrieval.sources.record import Finding


class Rules:
    """The cue rules of one Cyrillic language."""

    def __init__(self, language: str) -> None:
        self.language = language

    def find(self, sentence: str) -> list[Finding]:
        """Every cue in the sentence with its subject, in order of position."""
        return []
