"""German and Dutch compounds in a question, split into words the base holds.

German and Dutch write compounds as one word, so a question's "Gerichtsverfahren" finds no
sentence that says "Verfahren", and a question term that occurs nowhere in the base counts
against coverage with the highest IDF (:mod:`retrieval.ranking`): the question is answered
"not found". A question term the base does not hold is therefore split, when it can be, into
a modifier and a head that both occur in the base ("gerichtsverfahr" → "gericht" +
"verfahr"): the split with the highest geometric mean of the parts' document frequencies
(Koehn and Knight's frequency-based splitting), each part at least :data:`MIN_PART` letters.
The base's own terms are the lexicon, so nothing is shipped or learnt, a term the base holds
is never split, and the index is untouched (no re-analysis). Only the question side is split:
an article's compound is still not found by a question's simple word.

On XQuAD de (``tests/benchmarks/quality.py``): P@1 .689 → .697, silent on answerable questions
.064 → .053, on questions whose paragraph was removed .565 → .544; among 2,000 distractors
.606 → .611, .113 → .103, .624 → .613.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

COMPOUNDING = frozenset({"de", "nl"})
"""Languages whose question terms are split."""

MIN_PART = 4
"""The fewest letters of each part ("funk" + "well", not "bau" + …)."""


def split_compounds(
    terms: Sequence[str],
    term_of: Callable[[str], str | None],
    frequencies: Callable[[Sequence[str]], Iterable[int]],
) -> tuple[str, ...]:
    """``terms`` with each one the base does not hold replaced by its two parts, when both
    are terms of the base; order kept, repeats dropped.

    ``term_of`` analyses a word into its term (None for a stopword); ``frequencies`` gives
    the document frequency of each term in the base.
    """
    held = dict(zip(terms, frequencies(terms), strict=True))
    out: list[str] = []
    for term in terms:
        parts = None
        if not held[term] and len(term) >= 2 * MIN_PART and term.isalpha():
            parts = best_split(term, term_of, frequencies)
        out.extend(parts or (term,))
    return tuple(dict.fromkeys(out))


def best_split(
    term: str,
    term_of: Callable[[str], str | None],
    frequencies: Callable[[Sequence[str]], Iterable[int]],
) -> tuple[str, str] | None:
    """The modifier and head of ``term`` that both occur in the base, or None.

    The head is the end of the stem as it is (the compound's ending is the head's); the
    modifier is the start analysed again, which drops a linking "s" or "en"
    ("touristen" → "tourist").
    """
    pairs = []
    for cut in range(MIN_PART, len(term) - MIN_PART + 1):
        modifier = term_of(term[:cut])
        if modifier and len(modifier) >= MIN_PART - 1:
            pairs.append((modifier, term[cut:]))
    if not pairs:
        return None
    words = list(dict.fromkeys(word for pair in pairs for word in pair))
    df = dict(zip(words, frequencies(words), strict=True))
    scored = [
        (math.sqrt(df[modifier] * df[head]), -i, modifier, head)
        for i, (modifier, head) in enumerate(pairs)
        if df[modifier] and df[head]
    ]
    if not scored:
        return None
    _, _, modifier, head = max(scored)
    return modifier, head
