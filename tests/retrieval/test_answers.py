"""The answer base end to end: real splitter, analyser, sources and index on tiny data."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from retrieval.analysis import ANALYSIS_VERSION
from retrieval.answers import AnswerBase, RetrievalConfig, Tuning
from retrieval.bm25.segments import MergePolicy
from retrieval.errors import (
    ArticleError,
    ArticleNotFoundError,
    DuplicateArticleError,
    EmptyArticleError,
    QuestionError,
    StoreError,
    UnreadableFileError,
)
from retrieval.sources import UNNAMED, Attribution

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("000_*.txt"))
CORPUS = ROOT / "tests" / "data" / "corpus"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture
def base(tmp_path: Path, seeds: Path) -> AnswerBase:
    answer_base = AnswerBase.open(tmp_path / "base", seeds=seeds, reranker=None)
    answer_base.sync()
    yield answer_base
    answer_base.close()


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- the seed article: the questions a reader asks ----------------------------------------


def test_bortnikov_coordinates_law_enforcement(base: AnswerBase) -> None:
    answer = base.search("Who coordinates the law enforcement agencies in the Kursk region?")
    first = answer.passages[0]
    assert "Bortnikov" in first.context
    assert first.sentence.startswith("In addition, since August 9, the head of the FSB")
    assert first.article_id == SEED.stem
    assert first.reported_by is None


def test_territory_loss_is_reported_by_verstka(base: AnswerBase) -> None:
    answer = base.search("How much territory did Moscow lose?")
    first = answer.passages[0]
    assert "Moscow lost control over 1,000 square kilometers" in first.sentence
    assert first.reported_by == "Verstka"
    assert first.attribution is not None
    assert first.attribution.detail == "citing sources in the government and parliament"


def test_gerasimov_question_is_reported_by_bloomberg(base: AnswerBase) -> None:
    first = base.search("Did Gerasimov tell Putin about the offensive?").passages[0]
    assert first.reported_by == "Bloomberg"
    assert "did not inform Vladimir Putin" in first.context


def test_arrested_generals_are_named(base: AnswerBase) -> None:
    first = base.search("Which generals were arrested?").passages[0]
    assert "Kuznetsov" in first.context
    assert "Popov" in first.context


def test_weather_in_paris_has_no_answer(base: AnswerBase) -> None:
    answer = base.search("What is the weather in Paris?")
    assert not answer.found
    assert answer.passages == ()


def test_passage_offsets_point_into_the_article(base: AnswerBase) -> None:
    text = base.get(SEED.stem).text
    for passage in base.search("Gerasimov offensive Putin", k=5).passages:
        assert text[passage.start : passage.end] == passage.sentence
        assert text[passage.context_start : passage.context_end] == passage.context
        assert passage.context_start <= passage.start < passage.end <= passage.context_end
        for start, end in passage.highlights:
            assert (
                passage.context[start:end].lower().startswith(("gerasimov", "offensive", "putin"))
            )


def test_noise_lines_are_stored_but_never_answers(base: AnswerBase) -> None:
    article = base.get(SEED.stem)
    assert "Close this search box." in article.text
    assert "Президент Росії Володимир Путін" in article.text
    for question in ("Close this search box", "Президент Росії Володимир Путін", "Photo AR"):
        for passage in base.search(question, k=10).passages:
            assert "search box" not in passage.sentence
            assert "Photo: AR" not in passage.sentence
            assert "Президент" not in passage.sentence


def test_more_pages_do_not_repeat(base: AnswerBase) -> None:
    first = base.search("Russian generals arrests defense", k=2)
    second = base.search("Russian generals arrests defense", k=2, offset=2)
    assert first.has_more
    assert {p.start for p in first.passages}.isdisjoint({p.start for p in second.passages})


# -- bad questions ---------------------------------------------------------------------------


def test_empty_question_is_refused(base: AnswerBase) -> None:
    with pytest.raises(QuestionError, match=r"^the question is empty; type a question"):
        base.search("   \n ")


def test_question_of_markup_alone_says_so(base: AnswerBase) -> None:
    with pytest.raises(QuestionError) as err:
        base.search("<script>alert('Kursk')</script><br/>")
    assert str(err.value) == (
        "the question holds only HTML markup, which is not searched; type the question as words."
    )


def test_question_with_markup_is_searched_by_its_words(base: AnswerBase) -> None:
    answer = base.search("<b>Who</b> coordinates the operation in <i>Kursk</i>?")
    assert answer.question == "Who coordinates the operation in Kursk?"
    assert "Bortnikov" in answer.passages[0].sentence


def test_huge_question_is_refused(base: AnswerBase) -> None:
    with pytest.raises(QuestionError) as err:
        base.search("Kursk " * 20_000)
    assert str(err.value) == (
        "the question is too long (119,999 characters; the limit is 12,000). Ask it in fewer words."
    )


def test_question_of_stopwords_only_is_refused(base: AnswerBase) -> None:
    with pytest.raises(QuestionError, match="no words to search for"):
        base.search("who is it?")


def test_html_in_a_question_is_just_text(base: AnswerBase) -> None:
    answer = base.search("<b>Bortnikov</b> & <i>FSB</i>")
    assert "Bortnikov" in answer.passages[0].sentence


# -- adding, duplicates, removing ----------------------------------------------------------


def test_added_text_is_written_to_seeds_and_searchable(base: AnswerBase, seeds: Path) -> None:
    article = base.add(
        "The grain corridor from Odesa carried forty ships in August, Reuters reported.",
        title="Grain corridor",
        outlet="Example Wire",
        published="2024-08-20",
    )
    assert article.path.parent == seeds
    assert article.path.read_text(encoding="utf-8").startswith("---\n")
    first = base.search("How many ships used the grain corridor?").passages[0]
    assert first.article_id == article.id
    assert first.reported_by == "Reuters"
    assert first.outlet == "Example Wire"


def test_the_same_article_twice_is_reported(base: AnswerBase, seeds: Path) -> None:
    text = "Brent crude rose 3 percent on Monday after a pipeline outage."
    first = base.add(text)
    before = files(seeds)
    with pytest.raises(DuplicateArticleError) as err:
        base.add("  Brent crude rose 3 percent on Monday   after a pipeline outage. ")
    assert err.value.existing_id == first.id
    assert str(err.value) == f"this article is already in the answer base as {first.id}."
    assert files(seeds) == before
    assert len(base) == 2


def test_new_ids_number_on_from_the_highest_seed_number(base: AnswerBase, seeds: Path) -> None:
    numbers = []
    numbers.append(base.add("Oil prices climbed on Monday.").id[:4])
    numbers.append(base.add("Gas prices fell on Tuesday.").id[:4])
    (seeds / "041_by-hand.txt").write_text("Coal prices held on Wednesday.", "utf-8")
    # Dropped in by hand a while after the add (within one clock tick, the folder's time may
    # not change and the number only orders ids: the hash in them keeps them unique).
    later = seeds.stat().st_mtime_ns + 1_000_000_000
    os.utime(seeds, ns=(later, later))
    numbers.append(base.add("Wheat prices rose on Thursday.").id[:4])
    numbers.append(base.add("Corn rose too.", article_id="100_custom").id[:4])
    numbers.append(base.add("Soy fell on Friday.").id[:4])
    assert numbers == ["001_", "002_", "042_", "100_", "101_"]


def test_add_many_is_all_or_nothing(base: AnswerBase, seeds: Path) -> None:
    from retrieval.articles import make_draft

    before = files(seeds)
    drafts = [make_draft("Oil prices climbed on Monday."), make_draft(SEED.read_text("utf-8"))]
    with pytest.raises(DuplicateArticleError):
        base.add_many(drafts)
    assert files(seeds) == before
    assert len(base) == 1


def test_remove_deletes_seed_and_index_entry(base: AnswerBase, seeds: Path) -> None:
    removed = base.remove(SEED.stem)
    assert removed.id == SEED.stem
    assert files(seeds) == []
    assert not base.search("Bortnikov FSB").found
    with pytest.raises(ArticleNotFoundError, match=r"^there is no article with id 'nope'\.$"):
        base.remove("nope")


def test_article_ids_are_validated(base: AnswerBase) -> None:
    with pytest.raises(ArticleError, match=r"article id '\.\./x' is not allowed"):
        base.add("Some text about oil prices.", article_id="../x")
    with pytest.raises(ArticleError, match=f"article id '{SEED.stem}' is already taken"):
        base.add("Some text about oil prices.", article_id=SEED.stem)


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("binary.txt", bytes(range(256)) * 4, UnreadableFileError),
        (
            "cp1251.txt",
            "Генерал Герасимов не доложил Путину.".encode("cp1251"),
            UnreadableFileError,
        ),
        ("empty.txt", b"", EmptyArticleError),
        ("blank.md", b"   \n\n  \n", EmptyArticleError),
    ],
)
def test_bad_files_store_nothing(
    base: AnswerBase, seeds: Path, tmp_path: Path, name: str, data: bytes, error: type[Exception]
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    with pytest.raises(error, match=name):
        base.add_file(bad)
    assert files(seeds) == [SEED.name]
    assert len(base) == 1


def test_empty_text_is_refused(base: AnswerBase) -> None:
    with pytest.raises(EmptyArticleError):
        base.add(" \n ")


# -- seeds are the truth -------------------------------------------------------------------


def test_sync_follows_files_added_and_deleted(base: AnswerBase, seeds: Path) -> None:
    shutil.copy(CORPUS / "markets-en.md", seeds / "markets-en.md")
    report = base.sync()
    assert report.added == ["markets-en"]
    first = base.search("Why did Brent crude rise?").passages[0]
    assert first.article_id == "markets-en"
    assert first.reported_by == "Reuters"
    assert first.url == "https://example.com/markets/oil-prices"
    (seeds / "markets-en.md").unlink()
    assert base.sync().removed == ["markets-en"]
    assert not base.search("Brent crude pipeline outage").found


def test_sync_reports_unreadable_seeds_and_goes_on(base: AnswerBase, seeds: Path) -> None:
    (seeds / "broken.txt").write_bytes(b"\x00\x01\x02garbage\x00\x01" * 50)
    shutil.copy(CORPUS / "markets-en.md", seeds / "markets-en.md")
    report = base.sync()
    assert report.added == ["markets-en"]
    assert [path for path, _ in report.failed] == ["broken.txt"]


@pytest.mark.parametrize("batch", [1, 500])
def test_sync_reports_a_copy_and_a_second_seed_of_the_same_name(
    tmp_path: Path, seeds: Path, batch: int
) -> None:
    # With batches of one, the first seed is found stored; with 500, still pending.
    tuning = Tuning(sync_batch=batch)
    with AnswerBase.open(tmp_path / "batched", seeds=seeds, tuning=tuning, reranker=None) as base:
        base.sync()
        for folder, text in (("a", "Gas prices fell in Paris."), ("b", "Coal held in Berlin.")):
            (seeds / folder).mkdir()
            (seeds / folder / "report.txt").write_text(text, "utf-8")
        shutil.copy(CORPUS / "markets-en.md", seeds / "markets-copy.md")
        shutil.copy(CORPUS / "markets-en.md", seeds / "markets-en.md")
        report = base.sync()
        assert report.added == ["report", "markets-copy"]
        assert report.duplicates == [("markets-en.md", "markets-copy")]
        assert report.failed == [
            (
                "b/report.txt",
                "a/report.txt already gives the article id 'report'; "
                "seed files need different names, even in different folders",
            )
        ]
        assert [a.id for a in base.articles()] == [SEED.stem, "report", "markets-copy"]
        assert base.search("Where did gas prices fall?").passages[0].article_id == "report"
        assert base.search("Why did Brent crude rise?").passages[0].article_id == "markets-copy"


def test_sync_stores_many_seeds_in_batches_as_one_by_one(tmp_path: Path, seeds: Path) -> None:
    for name in ("markets-en.md", "kursk-ru.md", "grain-uk.md"):
        shutil.copy(CORPUS / name, seeds / name)
    questions = ["Why did Brent crude rise?", "Что проверяет министерство обороны?", "Kursk"]
    answers = []
    for batch in (1, 2, 500):
        tuning = Tuning(sync_batch=batch)
        with AnswerBase.open(
            tmp_path / f"base-{batch}", seeds=seeds, tuning=tuning, reranker=None
        ) as base:
            assert len(base.sync().added) == 4
            answers.append([base.search(q, k=5) for q in questions])
    assert answers[0] == answers[1] == answers[2]


def test_reopen_and_reindex_give_the_same_answers(tmp_path: Path, seeds: Path) -> None:
    for name in ("markets-en.md", "kursk-ru.md", "grain-uk.md"):
        shutil.copy(CORPUS / name, seeds / name)
    question = "Who coordinates the law enforcement agencies in the Kursk region?"
    with AnswerBase.open(tmp_path / "base", seeds=seeds, reranker=None) as base:
        base.sync()
        expected = base.search(question, k=5)
    with AnswerBase.open(tmp_path / "base", seeds=seeds, reranker=None) as base:
        assert base.sync().changed is False
        assert base.search(question, k=5) == expected
        base.reindex()
        assert base.search(question, k=5) == expected


def test_segments_left_by_adds_are_merged_and_answers_stay(tmp_path: Path, seeds: Path) -> None:
    # Every add stays a segment, in the sentence index and the ranker's article index.
    tuning = Tuning(merging=MergePolicy(small_segment=0, merge_ratio=0))
    question = "Who coordinates the law enforcement agencies in the Kursk region?"
    counts = []
    with AnswerBase.open(tmp_path / "base", seeds=seeds, tuning=tuning, reranker=None) as base:
        base.sync()
        expected = base.search(question, k=5)
        for name in ("markets-en.md", "kursk-ru.md", "grain-uk.md"):
            base.add_file(CORPUS / name)
            counts.append(base.index.segment_counts)
        base.add("Grain prices rose in Chicago on Monday. Traders cited the weather.")
        counts.append(base.index.segment_counts)
        answers = [base.search(q, k=5) for q in (question, "grain prices", "Что проверяет?")]
        assert answers[0].passages[0].sentence == expected.passages[0].sentence
    assert counts == [(2, 2), (3, 3), (1, 1), (2, 2)]
    with AnswerBase.open(tmp_path / "base", seeds=seeds, tuning=tuning, reranker=None) as base:
        assert base.index.segment_counts == (1, 1)
        assert [base.search(a.question, k=5) for a in answers] == answers
        base.reindex()  # a full rebuild ranks the same
        assert [base.search(a.question, k=5) for a in answers] == answers


def test_a_base_from_another_analysis_version_is_rebuilt_from_the_seeds(
    tmp_path: Path, seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copy(CORPUS / "kursk-ru.md", seeds / "kursk-ru.md")
    question = "Что проверяет министерство обороны?"
    with AnswerBase.open(tmp_path / "base", seeds=seeds, reranker=None) as base:
        base.sync()
        expected = base.search(question, k=5)
    # What an older newsdesk left behind: other terms, an older version, its snapshot.
    database = sqlite3.connect(tmp_path / "base" / "newsdesk.sqlite3")
    with database:
        database.execute("UPDATE sentences SET terms = 'старый термин'")
        database.execute("UPDATE meta SET value = '1' WHERE key = 'analysis_version'")
    database.close()
    with AnswerBase.open(tmp_path / "base", seeds=seeds, reranker=None) as base:
        assert (
            f"version 1 of the text analysis, this is {ANALYSIS_VERSION}; rebuilding it from"
            in caplog.text
        )
        assert [article.id for article in base.articles()] == [SEED.stem, "kursk-ru"]
        assert base.search(question, k=5) == expected
    database = sqlite3.connect(tmp_path / "base" / "newsdesk.sqlite3")
    assert database.execute(
        "SELECT COUNT(*) FROM sentences WHERE terms LIKE '%старый%'"
    ).fetchone() == (0,)
    assert database.execute("SELECT value FROM meta WHERE key = 'analysis_version'").fetchone() == (
        ANALYSIS_VERSION,
    )
    database.close()
    caplog.clear()
    with AnswerBase.open(tmp_path / "base", seeds=seeds, reranker=None):
        assert "rebuilding" not in caplog.text


def test_questions_are_analysed_in_the_base_language_of_their_script(
    base: AnswerBase, seeds: Path
) -> None:
    from retrieval.analysis import analyzer_for

    question = "Скільки військових перевіряє міністерство оборони?"  # Ukrainian
    as_ru = tuple(dict.fromkeys(analyzer_for("ru")(question)))
    as_uk = tuple(dict.fromkeys(analyzer_for("uk")(question)))
    assert as_ru != as_uk
    shutil.copy(CORPUS / "kursk-ru.md", seeds / "kursk-ru.md")
    base.sync()
    assert base.search(question).terms == as_ru  # the one Cyrillic language of the base
    shutil.copy(CORPUS / "grain-uk.md", seeds / "grain-uk.md")
    base.sync()
    assert base.search(question).terms == as_uk  # two: the question's own is detected


def test_russian_and_ukrainian_questions(base: AnswerBase, seeds: Path) -> None:
    for name in ("kursk-ru.md", "grain-uk.md"):
        shutil.copy(CORPUS / name, seeds / name)
    base.sync()
    ru = base.search("Что проверяет министерство обороны?").passages[0]
    assert ru.article_id == "kursk-ru"
    assert ru.reported_by == "Коммерсантъ"
    uk = base.search("Скільки суден із зерном вийшли з портів?").passages[0]
    assert uk.article_id == "grain-uk"
    assert uk.reported_by is not None and "Міністерств" in uk.reported_by


def test_okapi_variant_is_selectable(tmp_path: Path, seeds: Path) -> None:
    config = RetrievalConfig(variant="okapi", reranker="none")
    with AnswerBase.open(tmp_path / "okapi", seeds=seeds, config=config) as base:
        base.sync()
        assert "Bortnikov" in base.search("law enforcement agencies Kursk").passages[0].context


def test_a_missing_seeds_folder_never_empties_a_built_base(tmp_path: Path, seeds: Path) -> None:
    with AnswerBase.open(
        tmp_path / "base", seeds=seeds, config=RetrievalConfig(reranker="none")
    ) as base:
        base.sync()
    typo = tmp_path / "seedz"
    with pytest.raises(StoreError) as info:
        AnswerBase.open(tmp_path / "base", seeds=typo, reranker=None)
    assert str(info.value) == (
        f"the seeds folder {typo} does not exist, and the answer base at {tmp_path / 'base'} "
        "holds 1 article read from seeds; nothing was changed. Check the seeds path "
        "(NEWSDESK_SEEDS_DIR or [paths] seeds), or create the folder to start from no articles."
    )
    assert not typo.exists()
    with AnswerBase.open(
        tmp_path / "base", seeds=seeds, config=RetrievalConfig(reranker="none")
    ) as base:
        assert [a.id for a in base.articles()] == [SEED.stem]


def test_a_new_base_creates_its_seeds_folder(tmp_path: Path) -> None:
    with AnswerBase.open(
        tmp_path / "base", seeds=tmp_path / "new" / "seeds", reranker=None
    ) as base:
        assert base.seeds.is_dir()
        assert len(base) == 0


# -- the public view of attributions --------------------------------------------------------


def test_sentences_give_offsets_and_who_says_what(base: AnswerBase) -> None:
    article = base.get(SEED.stem)
    sentences = base.sentences(SEED.stem)
    assert len(sentences) == article.sentence_count == 12
    for sentence in sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    assert [s.position for s in sentences] == list(range(12))
    verstka = sentences[2]
    assert verstka.text.startswith("According to the independent Russian publication")
    assert verstka.reported_by == "Verstka"
    assert verstka.attribution == Attribution(
        "Verstka", "citing sources in the government and parliament", "according to", "according to"
    )
    assert sentences[3].attribution == Attribution(
        "Verstka", "citing sources in the government and parliament", "according to", "carried over"
    )
    assert [s.reported_by for s in sentences] == [
        None,
        None,
        "Verstka",
        "Verstka",
        None,
        "Bloomberg",
        "Bloomberg",
        None,
        None,
        None,
        "The Moscow Times",
        UNNAMED,
    ]
    with pytest.raises(ArticleNotFoundError):
        base.sentences("nope")


def test_a_base_from_another_attribution_version_is_reattributed(
    tmp_path: Path, seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with AnswerBase.open(tmp_path / "base", seeds=seeds, reranker=None) as base:
        base.sync()
    database = sqlite3.connect(tmp_path / "base" / "newsdesk.sqlite3")
    with database:
        database.execute("UPDATE sentences SET source = 'Old guess', source_kind = NULL")
        database.execute("UPDATE meta SET value = '1' WHERE key = 'attribution_version'")
    database.close()
    with AnswerBase.open(tmp_path / "base", seeds=seeds, reranker=None) as base:
        assert "attributed by version 1 of attribution, this is" in caplog.text
        sources = {s.reported_by for s in base.sentences(SEED.stem)}
    assert sources == {None, "Verstka", "Bloomberg", "The Moscow Times", UNNAMED}


def test_remove_gives_the_disk_space_back(tmp_path: Path) -> None:
    text = "\n\n".join(
        f"Paragraph {n} says the plant {n} made widgets qx{n} and gizmos zy{n} all year."
        for n in range(3000)
    )
    config = RetrievalConfig(reranker="none")
    database = tmp_path / "base" / "newsdesk.sqlite3"
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", config=config) as base:
        article = base.add(text)
    grown = database.stat().st_size  # closed: the write-ahead log is in the file
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", config=config) as base:
        base.remove(article.id)
    assert grown > 500_000
    assert database.stat().st_size < 100_000


def test_add_each_stores_the_good_ones_together_and_reports_the_rest_in_place(
    tmp_path: Path,
) -> None:
    from retrieval.articles import make_draft

    config = RetrievalConfig(reranker="none")
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", config=config) as base:
        first = base.add("The Snerd plant shut down on Monday, Reuters reported.")
        drafts = [
            make_draft("Grain prices rose by a tenth in May, the ministry said."),
            make_draft("The Snerd plant shut down on Monday, Reuters reported."),  # stored
            make_draft("Copper fell for a third week, traders said."),
            make_draft("Grain prices rose by a tenth in May, the ministry said."),  # in batch
            make_draft("Who? What? When? Why?"),  # no words to index
        ]
        outcomes = base.add_each(drafts)
        kinds = [type(outcome).__name__ for outcome in outcomes]
        assert kinds == [
            "Article",
            "DuplicateArticleError",
            "Article",
            "DuplicateArticleError",
            "EmptyArticleError",
        ]
        assert outcomes[1].existing_id == first.id
        assert outcomes[3].existing_id == outcomes[0].id
        assert len(base) == 3
        assert base.search("copper week").passages[0].article_id == outcomes[2].id


def test_markup_pasted_into_a_question_is_not_searched_for(base: AnswerBase) -> None:
    plain = base.search("How much territory did Moscow lose?")
    pasted = base.search(
        "<p>How much <b>territory</b> did Moscow&nbsp;lose?</p><script>alert('x')</script>"
    )
    assert pasted.question == "How much territory did Moscow lose?"
    assert pasted.terms == plain.terms
    assert [p.sentence for p in pasted.passages] == [p.sentence for p in plain.passages]
    assert base.search("Is 3 < 4 in Moscow & Kursk?").question == "Is 3 < 4 in Moscow & Kursk?"


def test_a_base_made_before_bylines_opens_with_its_articles(tmp_path: Path) -> None:
    config = RetrievalConfig(reranker="none")
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", config=config) as base:
        article = base.add("The Snerd plant shut down on Monday, Reuters reported.")
    old = sqlite3.connect(tmp_path / "base" / "newsdesk.sqlite3")
    old.execute("ALTER TABLE articles DROP COLUMN author")
    old.commit()
    old.close()
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", config=config) as base:
        assert [(a.id, a.author) for a in base.articles()] == [(article.id, None)]
        assert base.search("Snerd plant").passages[0].article_id == article.id


def test_a_date_filter_finds_its_article_however_many_others_outrank_it(tmp_path: Path) -> None:
    from retrieval.articles import make_draft

    config = RetrievalConfig(reranker="none")
    with AnswerBase.open(tmp_path / "base", seeds=tmp_path / "seeds", config=config) as base:
        old = [
            make_draft(
                f"Grain exports rose again in port {n}, grain traders said. "
                f"Grain exports from port {n} hit a record, exporters said.",
                published="2020-03-01",
            )
            for n in range(60)
        ]
        base.add_many(old)
        recent = base.add(
            "The ministry said grain exports were steady in June.", published="2024-06-03"
        )
        answer = base.search("grain exports", k=3, since="2024-05-01")
        assert [p.article_id for p in answer.passages] == [recent.id]


def test_an_articles_third_passage_comes_after_the_others_and_on_the_next_page(
    tmp_path: Path,
) -> None:
    # Passages past an article's two places up front are built only when the page needs them.
    crane = "\n\n".join(
        [
            "The harbour crane lifted grain on Monday.",
            "Dockers cheered the early shift.",
            "The harbour crane lifted coal on Tuesday.",
            "Rain slowed the trucks at the gate.",
            "The harbour crane lifted steel on Wednesday.",
        ]
    )
    with AnswerBase.open(tmp_path / "base", reranker=None) as base:
        first = base.add(crane, title="Crane week")
        other = base.add("A harbour crane was ordered from Finland.", title="Order")
        page = base.search("harbour crane lifted", k=3)
        assert [p.article_id for p in page.passages] == [first.id, first.id, other.id]
        assert page.has_more
        rest = base.search("harbour crane lifted", k=3, offset=3)
        assert [p.article_id for p in rest.passages] == [first.id]
        assert rest.passages[0].sentence not in {p.sentence for p in page.passages}
        assert not rest.has_more
