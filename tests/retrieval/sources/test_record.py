"""How an attribution reads (:mod:`retrieval.sources.record`): the source line and the audit line."""

from __future__ import annotations

from retrieval.sources import (
    NOT_NAMED,
    UNNAMED,
    Attribution,
    describe,
    explain,
)
from tests.retrieval.sources.helpers import VERSTKA


def test_describe_and_explain() -> None:
    assert describe(None) == "the outlet's own claim"
    assert describe(Attribution("Bloomberg")) == "reported by Bloomberg"
    assert describe(VERSTKA) == (
        "reported by Verstka (citing sources in the government and parliament)"
    )
    assert describe(Attribution(UNNAMED)) == "according to unnamed sources"
    assert describe(Attribution("Trump", None, "said", "quote")) == "quoting Trump"
    assert describe(Attribution(NOT_NAMED, kind="quote")) == "quoted; speaker not named"
    assert describe(Attribution(NOT_NAMED, "he")) == "reported; speaker not named (he)"
    assert explain(Attribution("Trump", None, "said", "quote")) == (
        "quoting Trump · quote, cue “said”"
    )
    assert explain(Attribution(NOT_NAMED, None, "“…”", "quote")) == (
        "quoted; speaker not named · quote, cue: the quotation marks"
    )
    assert explain(None) == (
        "the outlet's own claim: nothing in or around the sentence attributes it"
    )
