"""The SQLite store: transactions, atomic seed writes, and a clear error for a damaged base."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from retrieval.errors import DuplicateArticleError, StoreError
from retrieval.sources import Attribution
from retrieval.store import NewSentence, Store, StoredArticle, write_atomically


def article(id: str = "a1", content_hash: str = "h1") -> StoredArticle:
    return StoredArticle(
        rowid=0,
        id=id,
        path=f"{id}.md",
        mtime_ns=1,
        size=2,
        content_hash=content_hash,
        title="T",
        text="One. Two.",
        url=None,
        outlet=None,
        published=None,
        language="en",
        added="2024-01-01T00:00:00+00:00",
        paragraphs=((0, 9, "body"),),
    )


def sentence(position: int, start: int, end: int) -> NewSentence:
    return NewSentence(position, 0, start, end, None, ("one",) if position == 0 else ("two",))


def test_insert_and_read_back(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    with store.transaction():
        rowid, sids = store.insert_article(article(), [sentence(0, 0, 4), sentence(1, 5, 9)])
    assert store.counts() == (1, 2)
    assert [s.terms for s in store.sentences(article=rowid)] == [("one",), ("two",)]
    stored = store.article(id="a1")
    assert stored is not None
    assert (stored.rowid, stored.title, stored.paragraphs) == (rowid, "T", ((0, 9, "body"),))
    by_hash = store.article_by_hash("h1")
    assert by_hash is not None and by_hash.id == "a1"
    assert store.seed_files() == {"a1.md": (rowid, 1, 2)}
    assert sorted(store.sentence_rows(sids)) == sids
    store.close()


def test_attributions_are_kept_whole(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    said = Attribution("Sergei Lavrov", "the foreign minister", "said", "quote", rule="tail")
    rows = [NewSentence(0, 0, 0, 4, said, ("one",)), NewSentence(1, 0, 5, 9, None, ("two",))]
    with store.transaction():
        rowid, _ = store.insert_article(article(), rows)
    first, second = store.sentences(article=rowid)
    assert (first.source, first.source_detail) == ("Sergei Lavrov", "the foreign minister")
    assert first.attribution == Attribution(
        "Sergei Lavrov", "the foreign minister", "said", "quote"
    )
    assert second.attribution is None
    store.close()


def test_a_base_without_the_attribution_columns_gets_them(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    database = sqlite3.connect(path)
    database.execute(
        "CREATE TABLE sentences (sid INTEGER PRIMARY KEY, article INTEGER NOT NULL, "
        "position INTEGER NOT NULL, paragraph INTEGER NOT NULL, start INTEGER NOT NULL, "
        "end INTEGER NOT NULL, source TEXT, source_detail TEXT, terms TEXT NOT NULL)"
    )
    database.commit()
    database.close()
    store = Store(path)
    with store.transaction():
        rowid, _ = store.insert_article(
            article(), [NewSentence(0, 0, 0, 4, Attribution("Reuters", cue="reported"), ("a",))]
        )
    [row] = store.sentences(article=rowid)
    assert row.attribution == Attribution("Reuters", None, "reported", "reported speech")
    store.close()


def test_a_failed_transaction_stores_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    with pytest.raises(DuplicateArticleError) as info, store.transaction():
        store.insert_article(article("a1", "h1"), [sentence(0, 0, 4)])
        store.insert_article(article("a2", "h1"), [sentence(0, 0, 4)])  # same hash: refused
    assert str(info.value) == "this article is already in the answer base as a1."
    assert store.counts() == (0, 0)


def test_delete_returns_sentence_ids(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    with store.transaction():
        rowid, sids = store.insert_article(article(), [sentence(0, 0, 4), sentence(1, 5, 9)])
    with store.transaction():
        assert store.delete_article(rowid) == sids
    assert store.counts() == (0, 0)


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot be opened: file is not a database"):
        Store(path)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    Store(path).set_meta("schema_version", "99")
    with pytest.raises(StoreError, match="has version 99; this newsdesk reads version 1"):
        Store(path)


def test_write_atomically_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "seeds" / "a.md"
    write_atomically(target, "first")
    write_atomically(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert [p.name for p in target.parent.iterdir()] == ["a.md"]


def test_article_vectors_reads_whole_articles_in_reading_order(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    with store.transaction():
        first, first_sids = store.insert_article(article(), [sentence(0, 0, 4), sentence(1, 5, 9)])
        second, second_sids = store.insert_article(
            article("a2", "h2"), [sentence(0, 0, 4), sentence(1, 5, 9)]
        )
    store.set_vectors([(second_sids[1], b"v2b"), (first_sids[0], b"v1a"), (second_sids[0], b"v2a")])
    rows = store.article_vectors([second, first])
    # The first article's second sentence has no embedding yet: it is left out.
    assert [(row.sid, row.article, row.position, vector) for row, vector in rows] == [
        (first_sids[0], first, 0, b"v1a"),
        (second_sids[0], second, 0, b"v2a"),
        (second_sids[1], second, 1, b"v2b"),
    ]
    assert store.article_vectors([]) == []
    store.close()
