"""Benchmark newsdesk's sentence splitter against untrained Punkt on UD treebanks.

Run on demand:  .venv/bin/python tests/benchmarks/splitter.py [UD_DIR]

UD_DIR defaults to ../shared/data/ud next to the repository (en_ewt-ud-test.conllu,
ru_gsd-ud-test.conllu). For each treebank the running text is rebuilt from the gold
``# text =`` lines: per paragraph where ``# newpar`` marks exist, else per document
(``# newdoc``), else the whole file as one text; gold sentences are joined with a space.
Each splitter splits each text; predicted sentence-end offsets are compared with the gold
ones, leaving out the end of each text (every splitter gets that one for free). Nothing
here is trained on the treebanks.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from nltk.tokenize.punkt import PunktSentenceTokenizer

from retrieval.sentences import SentenceSplitter

REPO = Path(__file__).resolve().parents[2]
DEFAULT_UD_DIR = REPO.parent / "shared" / "data" / "ud"
TREEBANKS = (("en", "en_ewt-ud-test.conllu"), ("ru", "ru_gsd-ud-test.conllu"))

Splitter = Callable[[str, str], list[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class Score:
    """Boundary counts and timing of one splitter on one treebank."""

    true_pos: int
    false_pos: int
    false_neg: int
    sentences: int
    seconds: float

    @property
    def precision(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_pos)

    @property
    def recall(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_neg)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_texts(path: Path) -> list[list[str]]:
    """Gold sentences of ``path`` grouped into running texts (paragraphs or documents)."""
    texts: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("# newdoc", "# newpar")):
            texts.append([])
        elif line.startswith("# text = "):
            if not texts:
                texts.append([])
            texts[-1].append(line[len("# text = ") :].strip())
    return [sentences for sentences in texts if sentences]


def gold_ends(sentences: list[str]) -> tuple[str, set[int]]:
    """The running text of ``sentences`` and the offsets where each one ends."""
    ends: set[int] = set()
    position = 0
    for sentence in sentences:
        position += len(sentence)
        ends.add(position)
        position += 1
    return " ".join(sentences), ends


def score(split: Splitter, language: str, texts: list[list[str]]) -> Score:
    """Boundary precision/recall of ``split`` over ``texts``."""
    prepared = [gold_ends(sentences) for sentences in texts]
    tp = fp = fn = count = 0
    started = time.perf_counter()
    predictions = [split(text, language) for text, _ in prepared]
    seconds = time.perf_counter() - started
    for (text, gold), spans in zip(prepared, predictions, strict=True):
        predicted = {end for _, end in spans}
        predicted.discard(len(text))
        gold = gold - {len(text)}
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        count += len(spans)
    return Score(tp, fp, fn, count, seconds)


def splitters() -> Iterator[tuple[str, Splitter]]:
    newsdesk = SentenceSplitter()
    punkt = PunktSentenceTokenizer()
    yield "newsdesk", lambda text, lang: [(s.start, s.end) for s in newsdesk.split(text, lang)]
    yield "punkt (untrained)", lambda text, lang: list(punkt.span_tokenize(text))


def main(argv: list[str]) -> int:
    ud_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_UD_DIR
    missing = [name for _, name in TREEBANKS if not (ud_dir / name).is_file()]
    if missing:
        print(
            f"splitter benchmark: UD test files not found in {ud_dir} (missing: "
            f"{', '.join(missing)}); pass the directory that holds them as the first argument.",
            file=sys.stderr,
        )
        return 2
    header = f"{'splitter':<18} {'lang':<4} {'precision':>9} {'recall':>7} {'F1':>7} {'sent/s':>9}"
    print(header)
    print("-" * len(header))
    for language, name in TREEBANKS:
        texts = read_texts(ud_dir / name)
        for label, split in splitters():
            split("Warm up in 1912 г. Умер он. Done.", language)  # loads lazy data
            s = score(split, language, texts)
            rate = s.sentences / s.seconds if s.seconds else float("inf")
            print(
                f"{label:<18} {language:<4} {s.precision:>9.4f} {s.recall:>7.4f} "
                f"{s.f1:>7.4f} {rate:>9.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
