"""Attribution quality on PolNeAR dev: who newsdesk says a sentence comes from, against the
annotators, beside a plain regex baseline; and what attribution costs at ingest.

Run on demand (pytest does not collect this file)::

    .venv/bin/python tests/benchmarks/attribution.py [--polnear ../shared/data/polnear]

PolNeAR states no licence: it is read from outside the repository and never copied into it.

Definitions (issue 10):

- unit: one sentence newsdesk indexes (body paragraphs, split by the real splitter);
- gold-attributed: at least half of its non-space characters lie in CONTENT spans of relations
  that have a SOURCE; its gold sources are those relations' SOURCE texts (the relations whose
  content overlaps the sentence). One annotator per article (the one metadata.tsv lists first);
- detection: newsdesk names a source ("speaker not named" names none; "unnamed sources" is a
  source). A detection is right when the unit is gold-attributed;
- source match: the normalised tokens of the shown source (``str(attribution)``: source and
  detail) share a head token with a gold source: its last token or any capitalised token,
  function words and titles never counting. Normalised: lowercase, punctuation and possessive
  's dropped, leading "the" dropped;
- (a) all units; (b) units whose gold sources are all pronouns are left out, and the pronoun
  sources of the others are dropped;
- own-claim error: of the sentences labelled "the outlet's own claim", the share that are
  gold-attributed;
- per rule: the precision of the sources each engine rule names, on (b).

Ingest cost: ``AnswerBase.add_many`` over the dev articles, each run followed by
``attribute_article`` alone over the same articles; the median of the runs' shares (attribution
time against the rest of ``add_many``) is quoted, ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from retrieval.analysis import analyzer_for  # noqa: E402
from retrieval.answers import AnswerBase, RetrievalConfig  # noqa: E402
from retrieval.articles import ArticleDraft, make_draft  # noqa: E402
from retrieval.sentences import SentenceSplitter  # noqa: E402
from retrieval.sources import NOT_NAMED, Attribution, attribute_article  # noqa: E402

_FUNCTION = frozenset(
    "a an the of for and or in on at to by from with as that this these those who which "
    "he she they it i we you him her them his hers its their theirs our my your me us "
    "one some many most other others another all both each any several".split()
)
_TITLES = frozenset(
    "mr mrs ms dr sen gov rep gen president senator governor secretary minister chairman "
    "chairwoman spokesman spokeswoman candidate nominee leader director chief executive "
    "former vice house speaker sir".split()
)
_PRONOUNS = frozenset(
    "he she they it i we you him her them his its their our my me us this that".split()
)
_BASELINE_VERB = re.compile(
    r"\b(?:said|says|told|tells|reported|reports|wrote|writes|claimed|claims|stated|"
    r"announced|added|argued|warned|believes?|thinks?|according to)\b"
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")


@dataclass(frozen=True, slots=True)
class Unit:
    """One indexed sentence with its gold sources."""

    text: str
    attributed: bool
    sources: tuple[str, ...]


@dataclass(slots=True)
class Score:
    """Counts behind P/R/F1."""

    gold: int = 0
    named: int = 0
    detected: int = 0
    matched: int = 0
    own: int = 0
    own_wrong: int = 0

    def row(self, name: str) -> str:
        p = self.detected / self.named if self.named else 0.0
        r = self.detected / self.gold if self.gold else 0.0
        sp = self.matched / self.named if self.named else 0.0
        sr = self.matched / self.gold if self.gold else 0.0
        own = self.own_wrong / self.own if self.own else 0.0
        return (
            f"{name:34} {self.gold:5} {self.named:5}  {p:.2f} {r:.2f} {_f1(p, r):.2f}   "
            f"{sp:.2f} {sr:.2f} {_f1(sp, sr):.2f}   {own:.2f} ({self.own_wrong}/{self.own})"
        )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def normalise(text: str) -> list[tuple[str, bool]]:
    """(lowercased token, was capitalised) with punctuation, possessive 's, leading "the" dropped."""
    text = re.sub(r"['’]s\b", "", text)
    tokens = [(w.lower(), w[:1].isupper()) for w in re.findall(r"[\w]+", text)]
    if tokens and tokens[0][0] == "the":
        tokens = tokens[1:]
    return tokens


def heads(source: str) -> set[str]:
    tokens = normalise(source)
    found = {w for w, cap in tokens if cap}
    if tokens:
        found.add(tokens[-1][0])
    return {w for w in found if w not in _FUNCTION and w not in _TITLES}


def is_pronoun(source: str) -> bool:
    tokens = [w for w, _ in normalise(source)]
    return bool(tokens) and all(w in _PRONOUNS for w in tokens)


def matches(predicted: str, gold: Sequence[str]) -> bool:
    tokens = {w for w, _ in normalise(predicted)}
    return any(tokens & heads(source) for source in gold)


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in field.split(";"))]


def read_gold(ann: Path) -> list[tuple[list[tuple[int, int]], str]]:
    """(content spans, source text) per relation that has a source."""
    spans: dict[str, tuple[list[tuple[int, int]], str]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            _, _, where = parts[1].partition(" ")
            spans[parts[0]] = (_spans(where), parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for pair in parts[1].split():
                role, _, ref = pair.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), ref)
                if re.sub(r"\d+$", "", role) == "Content" and role != "Content":
                    roles[role] = ref
            relations.append(roles)
    result = []
    for roles in relations:
        if "Source" not in roles or roles["Source"] not in spans:
            continue
        contents = [ref for role, ref in roles.items() if role.startswith("Content")]
        where = [span for ref in contents if ref in spans for span in spans[ref][0]]
        result.append((where, spans[roles["Source"]][1]))
    return result


Loaded = tuple[ArticleDraft, list[list[tuple[int, int]]], list[list[Unit | None]]]
"""One article: its draft, its body sentence spans by paragraph, its units (None: not indexed)."""


def load(polnear: Path) -> list[Loaded]:
    """Per dev article: its draft, body sentence spans by paragraph, and the units."""
    annotators: dict[str, list[str]] = {}
    with (polnear / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["compartment"] == "dev":
                annotators[row["filename"]] = row["annotators"].split(",")
    splitter = SentenceSplitter()
    analyzer = analyzer_for("en")
    articles = []
    for name in sorted(annotators):
        raw = (polnear / "dev" / "text" / f"{name}.txt").read_text(encoding="utf-8")
        files = [polnear / "dev" / "attributions" / f"{name}_{a}.ann" for a in annotators[name]]
        ann = next((f for f in files if f.exists()), None)
        if ann is None:
            continue
        gold = read_gold(ann)
        shift = len(raw) - len(raw.lstrip("\n"))
        draft = make_draft(raw, language="en")
        assert draft.text == raw.replace("\r\n", "\n").strip("\n")
        mask = bytearray(len(raw) + 1)
        owners: list[list[int]] = [[] for _ in range(len(raw) + 1)]
        for number, (where, _) in enumerate(gold):
            for a, b in where:
                for i in range(a, min(b, len(raw))):
                    mask[i] = 1
                    owners[i].append(number)
        groups: list[list[tuple[int, int]]] = []
        units: list[list[Unit | None]] = []
        for paragraph in draft.paragraphs:
            if paragraph.kind != "body":
                continue
            spans = splitter.split_paragraph(draft.text, paragraph.start, paragraph.end, "en")
            groups.append([(s.start, s.end) for s in spans])
            row: list[Unit | None] = []
            for span in spans:
                text = draft.text[span.start : span.end]
                if not analyzer(text):
                    row.append(None)  # not indexed
                    continue
                chars = [
                    i + shift
                    for i in range(span.start, span.end)
                    if not text[i - span.start].isspace()
                ]
                inside = sum(mask[i] for i in chars)
                relation_ids = sorted({n for i in chars for n in owners[i]})
                attributed = bool(chars) and inside / len(chars) >= 0.5
                sources = tuple(gold[n][1] for n in relation_ids) if attributed else ()
                row.append(Unit(text, attributed, sources))
            units.append(row)
        articles.append((draft, groups, units))
    return articles


def baseline(text: str) -> Attribution | None:
    """The plain regex: a reporting verb anywhere, the nearest capitalised name."""
    verb = _BASELINE_VERB.search(text)
    if verb is None:
        return None
    names = list(_CAPITALISED.finditer(text))
    if not names:
        return None
    near = min(names, key=lambda m: min(abs(m.end() - verb.start()), abs(m.start() - verb.end())))
    return Attribution(near.group(), rule="regex")


def score(
    pairs: Sequence[tuple[Unit, Attribution | None]],
    pronouns: bool,
    rules: Counter[str] | None = None,
    right: Counter[str] | None = None,
) -> Score:
    result = Score()
    for unit, predicted in pairs:
        sources = unit.sources
        if not pronouns and unit.attributed:
            sources = tuple(s for s in sources if not is_pronoun(s))
            if not sources:
                continue
        named = predicted is not None and predicted.source != NOT_NAMED
        result.gold += unit.attributed
        if predicted is None:
            result.own += 1
            result.own_wrong += unit.attributed
        if not named:
            continue
        assert predicted is not None
        result.named += 1
        result.detected += unit.attributed
        hit = unit.attributed and matches(str(predicted), sources)
        result.matched += hit
        if rules is not None and right is not None:
            rules[predicted.rule] += 1
            right[predicted.rule] += hit
    return result


def quality(articles: list[Loaded], verbose: bool) -> None:
    ours: list[tuple[Unit, Attribution | None]] = []
    plain: list[tuple[Unit, Attribution | None]] = []
    for draft, groups, units in articles:
        predicted = attribute_article(draft.text, groups, "en")
        for unit_row, attribution_row in zip(units, predicted, strict=True):
            for unit, attribution in zip(unit_row, attribution_row, strict=True):
                if unit is None:
                    continue
                ours.append((unit, attribution))
                plain.append((unit, baseline(unit.text)))
                if verbose and (unit.attributed or attribution is not None):
                    ok = attribution is not None and matches(str(attribution), unit.sources)
                    print(
                        f"{'+' if ok else '-'} {str(attribution)[:30]:30} {attribution.rule if attribution else '':16} | {'; '.join(unit.sources)[:40]:40} | {unit.text[:110]}"
                    )
    rules: Counter[str] = Counter()
    right: Counter[str] = Counter()
    print(f"PolNeAR dev: {len(articles)} articles, {len(ours)} indexed sentences")
    print(f"{'':34} {'gold':>5} {'named':>5}  detection P/R/F1  source P/R/F1    own-claim wrong")
    print(score(ours, True).row("(a) all: newsdesk"))
    print(score(plain, True).row("(a) all: regex baseline"))
    print(score(ours, False, rules, right).row("(b) non-pronoun: newsdesk"))
    print(score(plain, False).row("(b) non-pronoun: regex baseline"))
    print("per rule, (b) source precision:")
    for rule, count in rules.most_common():
        print(f"  {rule:24} {right[rule] / count:.2f}  ({right[rule]}/{count})")
    if verbose:
        cues: Counter[str] = Counter()
        good: Counter[str] = Counter()
        for unit, attribution in ours:
            if attribution is not None and attribution.kind == "reported speech":
                cue = (attribution.cue or "").lower()
                cues[cue] += 1
                good[cue] += unit.attributed
        print("per cue, detection precision:")
        for cue, count in cues.most_common():
            print(f"  {cue:24} {good[cue] / count:.2f}  ({good[cue]}/{count})")


def _time_add_many(drafts: list[ArticleDraft]) -> float:
    with (
        tempfile.TemporaryDirectory() as folder,
        AnswerBase.open(folder, config=RetrievalConfig(reranker="none")) as base,
    ):
        started = time.perf_counter()
        base.add_many(drafts)
        return time.perf_counter() - started


def _time_attribution(articles: list[Loaded]) -> float:
    started = time.perf_counter()
    for draft, groups, _ in articles:
        attribute_article(draft.text, groups, draft.language)
    return time.perf_counter() - started


def ingest(articles: list[Loaded], repeat: int) -> None:
    """Attribution's share of ``add_many``: its own time against the rest of the ingest."""
    drafts = [draft for draft, _, _ in articles]
    _time_attribution(articles)  # warm the caches as the first add_many did
    total: list[float] = []
    attribution: list[float] = []
    for _ in range(repeat):
        total.append(_time_add_many(drafts))
        attribution.append(_time_attribution(articles))
    whole, own = statistics.median(total), statistics.median(attribution)
    # Each run's share from the add_many and the attribution timed right after it, so a
    # machine busy with other work shifts both; the median of those shares is quoted.
    shares = [a / (t - a) for t, a in zip(total, attribution, strict=True)]
    print(
        f"ingest: add_many of {len(drafts)} articles, median of {repeat}: {whole * 1000:.0f} ms, "
        f"of which attribute_article {own * 1000:.0f} ms: attribution adds "
        f"{statistics.median(shares):.0%} to the rest of add_many "
        f"(runs: {', '.join(f'{s:.0%}' for s in sorted(shares))})"
    )


def ud_articles(conllu: Path, language: str, per_article: int = 20) -> list[Loaded]:
    """Articles of ``per_article`` sentences each, from a UD treebank's ``# text`` lines.

    Only for timing Russian (or any language) ingest: the sentences are not news, but their
    words, names and punctuation are real.
    """
    texts = [
        line.removeprefix("# text = ").strip()
        for line in conllu.read_text(encoding="utf-8").splitlines()
        if line.startswith("# text = ")
    ]
    splitter = SentenceSplitter()
    articles: list[Loaded] = []
    for first in range(0, len(texts) - per_article + 1, per_article):
        chunk = texts[first : first + per_article]
        raw = "\n\n".join(" ".join(chunk[i : i + 3]) for i in range(0, len(chunk), 3))
        draft = make_draft(f"Article {first}\n\n{raw}", language=language)
        groups = [
            [
                (s.start, s.end)
                for s in splitter.split_paragraph(draft.text, p.start, p.end, language)
            ]
            for p in draft.paragraphs
            if p.kind == "body"
        ]
        articles.append((draft, groups, []))
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--verbose", action="store_true", help="print every attributed sentence")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument(
        "--ud",
        type=Path,
        default=ROOT.parent / "shared" / "data" / "ud" / "ru_gsd-ud-test.conllu",
        help="a UD treebank whose sentences time Russian ingest too",
    )
    args = parser.parse_args()
    articles = load(args.polnear)
    quality(articles, args.verbose)
    if not args.no_timing:
        ingest(articles, args.repeat)
        if args.ud.exists():
            print(f"Russian ({args.ud.name}, 20 sentences an article):")
            ingest(ud_articles(args.ud, "ru"), args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
