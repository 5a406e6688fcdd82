"""Splitting a German or Dutch question's compound into terms the base holds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from retrieval.analysis import analyzer_for
from retrieval.answers import AnswerBase
from retrieval.articles import make_draft
from retrieval.compounds import best_split, split_compounds

TERM = analyzer_for("de").term


def frequencies_of(held: dict[str, int]) -> Callable[[Sequence[str]], list[int]]:
    def frequencies(terms: Sequence[str]) -> list[int]:
        return [held.get(term, 0) for term in terms]

    return frequencies


def test_an_unknown_compound_becomes_its_held_modifier_and_head() -> None:
    held = frequencies_of({"gericht": 3, "verfahr": 5, "urteil": 2})
    terms = ("urteil", "gerichtsverfahr")  # "Urteil", "Gerichtsverfahren"
    assert split_compounds(terms, TERM, held) == ("urteil", "gericht", "verfahr")


def test_a_linking_element_goes_with_the_modifier() -> None:
    held = frequencies_of({"tourist": 1, "streck": 4})
    assert best_split("touristenstreck", TERM, held) == ("tourist", "streck")


def test_held_short_and_unsplittable_terms_are_kept() -> None:
    held = frequencies_of({"gerichtsverfahr": 1, "gericht": 3, "verfahr": 5, "haus": 2})
    assert split_compounds(("gerichtsverfahr",), TERM, held) == ("gerichtsverfahr",)
    assert split_compounds(("hausbau",), TERM, held) == ("hausbau",)  # "bau": too short
    assert split_compounds(("2024", "mietpreisbrems"), TERM, held) == ("2024", "mietpreisbrems")


def test_the_split_with_the_most_frequent_parts_wins() -> None:
    held = frequencies_of({"bundes": 1, "regier": 9, "bund": 4, "esregier": 1})
    assert best_split("bundesregier", TERM, held) == ("bund", "regier")


def test_a_german_question_finds_the_parts_of_its_compound(tmp_path: Path) -> None:
    article = (
        "Das Verfahren vor dem Gericht in Karlsruhe dauerte drei Jahre. "
        "Die Kläger wohnen in Mannheim und arbeiten bei einer Bank."
    )
    with AnswerBase.open(tmp_path / "base", reranker=None) as base:
        base.add_many([make_draft(article, title="Urteil", language="de")])
        answer = base.search("Wie lange dauerte das Gerichtsverfahren?")
    assert answer.terms == ("lang", "dauert", "das", "gericht", "verfahr")  # what was searched
    assert answer.found
    assert (
        answer.passages[0].sentence
        == "Das Verfahren vor dem Gericht in Karlsruhe dauerte drei Jahre."
    )


def test_a_not_found_answer_names_the_split_terms_too(tmp_path: Path) -> None:
    article = "Das Verfahren vor dem Gericht in Karlsruhe dauerte drei Jahre."
    with AnswerBase.open(tmp_path / "base", reranker=None) as base:
        base.add_many([make_draft(article, title="Urteil", language="de")])
        answer = base.search("Wann landete die Marsmission im Gerichtsverfahren?")
    assert not answer.found
    assert answer.terms == ("land", "die", "marsmission", "im", "gericht", "verfahr")
