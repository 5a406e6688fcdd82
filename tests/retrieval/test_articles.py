from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retrieval.articles import (
    SUPPORTED_SUFFIXES,
    ArticleDraft,
    Paragraph,
    content_hash,
    make_draft,
    normalise_date,
    parse_bytes,
    parse_file,
    render_seed,
    split_front_matter,
)
from retrieval.errors import (
    ArticleError,
    EmptyArticleError,
    UnreadableFileError,
    UnsupportedFormatError,
)

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_7da7026f9556804b.txt"
DATA = ROOT / "tests" / "data" / "articles"

SEED_TITLE = (
    "The Kremlin plans to punish generals for the failure of the defense near Kursk: "
    "new arrests on the horizon"
)


def kinds(draft: ArticleDraft) -> list[tuple[str, str]]:
    return [(p.kind, draft.text[p.start : p.end]) for p in draft.paragraphs]


# --------------------------------------------------------------------------- the seed


def test_seed_paragraph_kinds() -> None:
    draft = parse_file(SEED)
    found = kinds(draft)
    assert [kind for kind, _ in found] == [
        "chrome",
        "title",
        "foreign",
        "caption",
        *["body"] * 7,
    ]
    assert found[0][1] == "Close this search box."
    assert found[1][1] == SEED_TITLE
    assert found[2][1] == "Президент Росії Володимир Путін"
    assert found[3][1] == "Russian President Vladimir Putin Photo: AR"
    assert found[4][1].startswith("The Kremlin is preparing for a new wave of arrests")
    assert found[-1][1].endswith("increasingly tense.")


def test_seed_metadata() -> None:
    draft = parse_file(SEED)
    assert draft.title == SEED_TITLE
    assert draft.language == "en"
    assert draft.source_name == "000_7da7026f9556804b.txt"
    assert (draft.url, draft.outlet, draft.published) == (None, None, None)


def test_seed_text_is_kept_whole() -> None:
    draft = parse_file(SEED)
    assert draft.text == SEED.read_text(encoding="utf-8").strip()
    # Nothing is lost: the caption and the foreign line stay in the stored text.
    assert "Президент Росії Володимир Путін" in draft.text
    assert "Photo: AR" in draft.text
    body = " ".join(draft.body())
    assert "Photo: AR" not in body
    assert "Close this search box" not in body
    assert "Президент" not in body


def test_paragraph_offsets_are_stripped_and_ordered() -> None:
    draft = parse_file(SEED)
    last_end = 0
    for paragraph in draft.paragraphs:
        piece = draft.text[paragraph.start : paragraph.end]
        assert piece == piece.strip()
        assert piece
        assert paragraph.start >= last_end
        last_end = paragraph.end


# --------------------------------------------------------------------------- formats


def test_markdown_front_matter() -> None:
    draft = parse_file(DATA / "front_matter.md")
    assert draft.title == "Shoigu's deputy detained: what we know"
    assert draft.url == "https://example.com/news/deputy-detained"
    assert draft.outlet == "The Example Times"
    assert draft.published == "2024-08-16"
    assert draft.language == "en"
    assert draft.text.startswith("# Shoigu's deputy detained: what we know\n\nShare this article")
    assert [kind for kind, _ in kinds(draft)] == [
        "title",
        "chrome",
        "body",
        "caption",
        "body",
        "chrome",
    ]


def test_russian_article_with_a_ukrainian_line() -> None:
    draft = parse_file(DATA / "ru_article.txt")
    assert draft.language == "ru"
    assert draft.title == "Кремль готовит новую волну арестов среди генералов"
    assert [kind for kind, _ in kinds(draft)] == [
        "chrome",
        "title",
        "caption",
        "body",
        "foreign",
        "body",
    ]


def test_html_through_trafilatura() -> None:
    draft = parse_file(DATA / "page.html")
    assert draft.title == "Kursk offensive: what we know"
    assert draft.url == "https://example.com/kursk"
    assert draft.outlet == "Example News"
    assert draft.published == "2024-08-16"
    assert draft.language == "en"
    assert kinds(draft) == [
        ("title", "Kursk offensive: what we know"),
        (
            "body",
            "Ukrainian forces have advanced more than 30 kilometres into the Kursk region, "
            "according to the Institute for the Study of War.",
        ),
        (
            "body",
            "Russian officials said the situation was under control, but thousands of "
            "residents have been evacuated from border towns.",
        ),
        (
            "body",
            "The offensive is the largest incursion into Russian territory since the Second "
            "World War.",
        ),
    ]
    assert "All rights reserved" not in draft.text


def test_json_article() -> None:
    draft = parse_file(DATA / "article.json")
    assert draft.title == "Bortnikov to coordinate security in the Kursk region"
    assert draft.url == "https://example.com/bortnikov"
    assert draft.outlet == "Example Wire"
    assert draft.published == "2024-08-10T08:00:00+00:00"
    assert draft.language == "en"
    assert [kind for kind, _ in kinds(draft)] == ["body", "body"]


def test_json_text_may_be_a_list_of_paragraphs() -> None:
    draft = parse_bytes(
        b'{"text": ["Moscow denied the report.", "Kyiv did not comment."]}', "list.json"
    )
    assert draft.text == "Moscow denied the report.\n\nKyiv did not comment."


def test_utf16_with_bom_is_read() -> None:
    draft = parse_file(DATA / "utf16.txt")
    assert draft.text == "The Kremlin denied the reports.\n\nMoscow said the border was secure."
    assert draft.title == "The Kremlin denied the reports."


def test_utf8_bom_and_crlf_are_normalised() -> None:
    draft = parse_bytes(b"\xef\xbb\xbfFirst line here.\r\n\r\nSecond paragraph.\r\n", "bom.txt")
    assert draft.text == "First line here.\n\nSecond paragraph."
    assert draft.source_name == "bom.txt"


def test_supported_suffixes() -> None:
    assert frozenset({".txt", ".md", ".html", ".htm", ".json"}) == SUPPORTED_SUFFIXES


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "SEED.TXT"
    shutil.copy(SEED, path)
    assert parse_file(path).title == SEED_TITLE


# --------------------------------------------------------------------------- bad input


def rel(name: str) -> Path:
    return (DATA / name).relative_to(ROOT)


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.usefixtures("at_root")
@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        (
            "binary.txt",
            UnreadableFileError,
            "tests/data/articles/binary.txt is a binary file, not text; nothing was added.",
        ),
        (
            "cp1251.txt",
            UnreadableFileError,
            "tests/data/articles/cp1251.txt is not UTF-8 text; save it as UTF-8 and add it again.",
        ),
        (
            "latin1.txt",
            UnreadableFileError,
            "tests/data/articles/latin1.txt is not UTF-8 text; save it as UTF-8 and add it again.",
        ),
        (
            "empty.txt",
            EmptyArticleError,
            "tests/data/articles/empty.txt is empty; there is no article to add.",
        ),
        (
            "whitespace.md",
            EmptyArticleError,
            "tests/data/articles/whitespace.md contains only blank space; there is no article to add.",
        ),
        (
            "missing.txt",
            UnreadableFileError,
            "tests/data/articles/missing.txt does not exist.",
        ),
        (
            "notes.pdf",
            UnsupportedFormatError,
            "tests/data/articles/notes.pdf has type .pdf; newsdesk reads .htm, .html, .json, .md and .txt files.",
        ),
        (
            "malformed.json",
            UnreadableFileError,
            "tests/data/articles/malformed.json is not valid JSON (Expecting ',' delimiter at line 2, column 1).",
        ),
        (
            "no_text.json",
            UnsupportedFormatError,
            'tests/data/articles/no_text.json is JSON but not an article: it needs an object with a "text" string, like {"title": "...", "text": "..."}.',
        ),
    ],
)
def test_bad_files(name: str, error: type[ArticleError], message: str) -> None:
    with pytest.raises(error) as caught:
        parse_file(rel(name))
    assert str(caught.value) == message


@pytest.mark.usefixtures("at_root")
def test_directory() -> None:
    with pytest.raises(UnreadableFileError) as caught:
        parse_file(Path("tests/data/articles"))
    assert str(caught.value) == "tests/data/articles is a folder, not an article file."


def test_file_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text("Some text.", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError) as caught:
        parse_file(path)
    assert str(caught.value) == (
        f"{path} has no file type; newsdesk reads .htm, .html, .json, .md and .txt files."
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7 hello", "scan.txt is a binary file, not text; nothing was added."),
        (b"text\x00with nul", "scan.txt is a binary file, not text; nothing was added."),
        (b"ok\x07bell", "scan.txt is a binary file, not text; nothing was added."),
        (b"\xff\xfe\x00\xd8", "scan.txt is not UTF-8 text; save it as UTF-8 and add it again."),
        (
            "Привет".encode("cp1251"),
            "scan.txt is not UTF-8 text; save it as UTF-8 and add it again.",
        ),
    ],
)
def test_parse_bytes_rejects_what_is_not_text(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        parse_bytes(data, "scan.txt")
    assert str(caught.value) == message


def test_parse_bytes_checks_the_suffix() -> None:
    with pytest.raises(UnsupportedFormatError) as caught:
        parse_bytes(b"hello", "photo.jpg")
    assert str(caught.value) == (
        "photo.jpg has type .jpg; newsdesk reads .htm, .html, .json, .md and .txt files."
    )


def test_json_with_empty_text() -> None:
    with pytest.raises(EmptyArticleError) as caught:
        parse_bytes(b'{"title": "T", "text": "  "}', "a.json")
    assert str(caught.value) == 'a.json has an empty "text"; there is no article to add.'


@pytest.mark.parametrize("data", [b"[1, 2]", b'"just a string"', b'{"text": 42}'])
def test_json_that_is_not_an_article(data: bytes) -> None:
    with pytest.raises(UnsupportedFormatError, match='needs an object with a "text" string'):
        parse_bytes(data, "a.json")


def test_html_without_article_text() -> None:
    with pytest.raises(EmptyArticleError) as caught:
        parse_bytes(b"<html><body><p> </p></body></html>", "page.html")
    assert str(caught.value) == "page.html has no article text that newsdesk could find."


def test_html_with_only_site_chrome() -> None:
    with pytest.raises(EmptyArticleError, match=r"page\.htm has no article text left once"):
        parse_bytes(b"<html><body><nav>Home</nav></body></html>", "page.htm")


def test_only_chrome_is_empty() -> None:
    with pytest.raises(EmptyArticleError) as caught:
        make_draft("Close this search box.\n\nShare this article\n\nPhoto: AP")
    assert str(caught.value) == (
        "The article text has no article text left once site menus, captions and lines in "
        "other languages are set aside; there is nothing to index."
    )


@pytest.mark.parametrize("text", ["", "  \n\t\n "])
def test_make_draft_of_nothing(text: str) -> None:
    with pytest.raises(EmptyArticleError) as caught:
        make_draft(text)
    assert str(caught.value) == "The article text is empty; there is no article to add."


# --------------------------------------------------------------------------- cleaning


@pytest.mark.parametrize(
    "line",
    [
        "Close this search box.",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter Telegram",
        "Subscribe to our newsletter",
        "Read more: Russia's elite turns on the generals",
        "Advertisement",
        "Skip to main content",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "© 2024 Example Media. All rights reserved.",
        "Tags: Russia, Kursk, Army",
        "Читайте также: Кремль готовит аресты",
        "Поділитися",
        "* * *",
        "By John Smith and Anna Petrova",
        "Автор: Иван Петров",
        "16 August 2024",
        "Updated: 16.08.2024 10:30",
    ],
)
def test_chrome_lines(line: str) -> None:
    draft = make_draft(f"{line}\n\nThe Kremlin denied the report on Tuesday, officials said.")
    assert [p.kind for p in draft.paragraphs] == ["chrome", "body"]


@pytest.mark.parametrize(
    "line",
    [
        "Russian President Vladimir Putin Photo: AR",
        "Soldiers near Sudzha. Photo: Reuters",
        "Photo: AP",
        "Valery Gerasimov. REUTERS/Maxim Shemetov",
        "A destroyed bridge over the Seym river (Getty Images)",
        "Kremlin towers at dusk. Image credit: Shutterstock",
        "Soldiers in the Kursk region / AFP",
        "Shoigu at a meeting in Moscow (Photo by Mikhail Metzel)",
    ],
)
def test_caption_lines(line: str) -> None:
    draft = make_draft(f"{line}\n\nThe Kremlin denied the report on Tuesday, officials said.")
    assert [p.kind for p in draft.paragraphs] == ["caption", "body"]


@pytest.mark.parametrize(
    "line",
    ["Фото: AP", "Владимир Путин. Фото: ТАСС", "Ілюстративне фото", "Фото — Reuters"],
)
def test_cyrillic_captions(line: str) -> None:
    draft = make_draft(f"{line}\n\nКремль опроверг сообщения об арестах, заявили в ведомстве.")
    assert [p.kind for p in draft.paragraphs] == ["caption", "body"]


def test_body_mentioning_agencies_stays_body() -> None:
    text = (
        "Reuters could not independently verify the report.\n\n"
        "A Reuters/Ipsos poll showed that most voters back more aid to Ukraine, "
        "while support among Republicans has fallen over the last year, the agency said."
    )
    assert [p.kind for p in make_draft(text).paragraphs] == ["body", "body"]


def test_foreign_script_line_in_an_english_article() -> None:
    draft = make_draft(
        "Kyiv says its troops are advancing.\n\nЗСУ просуваються вперед\n\n"
        "Russia said the attack had been stopped."
    )
    assert [p.kind for p in draft.paragraphs] == ["body", "foreign", "body"]


def test_same_script_other_language_paragraph() -> None:
    draft = make_draft(
        "Die Bundesregierung hat am Dienstag neue Hilfen für die Ukraine angekündigt.\n\n"
        "The German government announced new aid for Ukraine on Tuesday, officials said.\n\n"
        "The package includes air defence systems and ammunition for the coming months."
    )
    assert draft.language == "en"
    assert [p.kind for p in draft.paragraphs] == ["foreign", "body", "body"]


def test_one_paragraph_per_line_in_scraped_text() -> None:
    text = (
        "Close this search box.\n"
        "Generals face arrest after Kursk failure\n"
        "The Kremlin is preparing a new wave of arrests among the generals, sources say, after the failure to defend the Kursk region.\n"
        "Gerasimov knew about the offensive but did not inform Putin, Bloomberg reported, citing people familiar with the matter."
    )
    draft = make_draft(text)
    assert [p.kind for p in draft.paragraphs] == ["chrome", "title", "body", "body"]
    assert draft.title == "Generals face arrest after Kursk failure"


def test_hard_wrapped_prose_stays_one_paragraph() -> None:
    text = (
        "The Kremlin is preparing a new wave of arrests among the\n"
        "generals, sources say, after the failure to defend the Kursk\n"
        "region from the Ukrainian offensive in August.\n\n"
        "Gerasimov did not attend the meeting."
    )
    draft = make_draft(text)
    assert [(p.kind, draft.text[p.start : p.end].count("\n")) for p in draft.paragraphs] == [
        ("body", 2),
        ("body", 0),
    ]


# --------------------------------------------------------------------------- titles


def test_given_title_wins_and_marks_its_paragraph() -> None:
    draft = make_draft(
        "Generals face arrest\n\nThe Kremlin is preparing a new wave of arrests.",
        title="  Generals   face arrest ",
    )
    assert draft.title == "Generals face arrest"
    assert [p.kind for p in draft.paragraphs] == ["title", "body"]


def test_blank_given_title_is_no_title() -> None:
    draft = make_draft("Generals face arrest\n\nThe Kremlin is preparing arrests.", title="  ")
    assert draft.title == "Generals face arrest"


def test_given_title_not_in_text() -> None:
    draft = make_draft("The Kremlin is preparing a new wave of arrests.", title="Arrests")
    assert draft.title == "Arrests"
    assert [p.kind for p in draft.paragraphs] == ["body"]


def test_title_from_first_sentence_when_no_headline() -> None:
    draft = make_draft(
        "The Kremlin is preparing a new wave of arrests. Sources say dozens may follow."
    )
    assert draft.title == "The Kremlin is preparing a new wave of arrests."
    assert [p.kind for p in draft.paragraphs] == ["body"]


def test_long_first_sentence_is_cut_at_a_word() -> None:
    sentence = "word " * 40 + "end."
    draft = make_draft(sentence)
    assert draft.title == ("word " * 20).strip() + "…"
    assert len(draft.title) <= 101


def test_a_lone_line_is_body_not_title() -> None:
    draft = make_draft("Putin fires Shoigu")
    assert draft.title == "Putin fires Shoigu"
    assert [p.kind for p in draft.paragraphs] == ["body"]


def test_a_line_continued_in_lower_case_is_no_headline() -> None:
    # The sentence goes on after the line break: one paragraph, as the sentence splitter sees it.
    draft = make_draft("Prices of oil and gas rose sharply\nafter the pipeline was damaged.")
    assert [p.kind for p in draft.paragraphs] == ["body"]
    assert draft.title == "Prices of oil and gas rose sharply after the pipeline was damaged."


def test_make_draft_keeps_the_text_as_given() -> None:
    # Callers with offsets into their own text (benchmarks, the API) rely on this.
    text = "\ufeffThe Kremlin  denied it.   \n\n \u200bMoscow said nothing. "
    draft = make_draft(text)
    assert draft.text == text
    assert [draft.text[p.start : p.end] for p in draft.paragraphs] == [
        "The Kremlin  denied it.",
        "Moscow said nothing.",
    ]
    assert draft.title == "The Kremlin denied it."


def test_trailing_spaces_survive_the_seed_round_trip(tmp_path: Path) -> None:
    draft = make_draft("The Kremlin denied it. \n\nMoscow said nothing. ")
    path = tmp_path / "a.md"
    path.write_text(render_seed(draft, "a"), encoding="utf-8")
    assert parse_file(path).text == draft.text


def test_markdown_heading_is_title() -> None:
    draft = make_draft("# Putin fires Shoigu\n\nThe president replaced the minister on Sunday.")
    assert draft.title == "Putin fires Shoigu"
    assert [p.kind for p in draft.paragraphs] == ["title", "body"]


# --------------------------------------------------------------------------- metadata


def test_given_language_wins() -> None:
    draft = make_draft("The Kremlin denied the report.", language="English")
    assert draft.language == "en"
    assert make_draft("The Kremlin denied the report.", language="en-GB").language == "en"


def test_wrong_given_language() -> None:
    with pytest.raises(EmptyArticleError) as caught:
        make_draft("Кремль опроверг сообщения об арестах.", language="en")
    assert str(caught.value) == (
        "The article text is not written in the language it is said to be in (en); "
        "give the right language or none, and newsdesk will detect it."
    )


def test_short_body_lines_that_look_like_chrome_stay_body() -> None:
    text = (
        "By then it was too late.\n\n"
        "Updated figures show heavy losses.\n\n"
        "Subscribers to the channel were told to leave the region at once, officials said."
    )
    assert [p.kind for p in make_draft(text).paragraphs] == ["body", "body", "body"]


def test_front_matter_aliases(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\nid: 007_x\ndate: 2024-08-16\nsource: Verstka\nlang: ru\nlink: https://v.st/a\n---\n"
        "Кремль опроверг сообщения об арестах.",
        encoding="utf-8",
    )
    draft = parse_file(path)
    assert (draft.published, draft.outlet, draft.language, draft.url) == (
        "2024-08-16",
        "Verstka",
        "ru",
        "https://v.st/a",
    )


def test_unreadable_language_is_detected_instead() -> None:
    assert make_draft("Кремль опроверг сообщения.", language="Klingon").language == "ru"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-16", "2024-08-16"),
        ("2024-08-16T09:30:00+00:00", "2024-08-16T09:30:00+00:00"),
        ("2024-08-16T09:30:00Z", "2024-08-16T09:30:00+00:00"),
        ("16.08.2024", "2024-08-16"),
        ("August 16, 2024", "2024-08-16"),
        ("Aug 16, 2024", "2024-08-16"),
        ("16 August 2024", "2024-08-16"),
        ("16 августа 2024", "2024-08-16"),
        ("16 серпня 2024 року", "2024-08-16"),
        ("Fri, 16 Aug 2024 09:30:00 +0000", "2024-08-16T09:30:00+00:00"),
        ("last Friday", "last Friday"),
        ("31 февраля 2024", "31 февраля 2024"),
    ],
)
def test_normalise_date(value: str, expected: str) -> None:
    assert normalise_date(value) == expected


def test_published_is_normalised_in_drafts() -> None:
    draft = make_draft("The Kremlin denied the report.", published=" 16.08.2024 ")
    assert draft.published == "2024-08-16"


# --------------------------------------------------------------------------- front matter


def test_front_matter_quotes() -> None:
    meta, text = split_front_matter(
        "---\n"
        "title: \"Putin: 'no talks'\"\n"
        "outlet: 'Novaya Gazeta ''Europe'''\n"
        "url: https://example.com/a?b=c\n"
        "---\n"
        "Body."
    )
    assert meta == {
        "title": "Putin: 'no talks'",
        "outlet": "Novaya Gazeta 'Europe'",
        "url": "https://example.com/a?b=c",
    }
    assert text == "Body."


@pytest.mark.parametrize(
    "raw",
    [
        "---\nthis is not front matter\n---\nBody.",
        "---\ntitle: never closed\nBody.",
        "Body first\n---\ntitle: x\n---",
    ],
)
def test_not_front_matter(raw: str) -> None:
    assert split_front_matter(raw) == ({}, raw)


def test_front_matter_in_a_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "---\ntitle: Arrests\npublished: 2024-08-16\n---\n\nThe Kremlin denied it.",
        encoding="utf-8",
    )
    draft = parse_file(path)
    assert (draft.title, draft.published, draft.text) == (
        "Arrests",
        "2024-08-16",
        "The Kremlin denied it.",
    )


# --------------------------------------------------------------------------- seeds and hashes


@pytest.mark.parametrize("source", ["seed", "front_matter.md", "page.html", "article.json"])
def test_render_seed_round_trip(source: str, tmp_path: Path) -> None:
    original = parse_file(SEED if source == "seed" else DATA / source)
    path = tmp_path / "001_abc.md"
    path.write_text(render_seed(original, "001_abc"), encoding="utf-8")
    again = parse_file(path)
    assert again.text == original.text
    assert again.title == original.title
    assert again.language == original.language
    assert (again.url, again.outlet, again.published) == (
        original.url,
        original.outlet,
        original.published,
    )
    assert again.paragraphs == original.paragraphs
    assert content_hash(again) == content_hash(original)


def test_render_seed_text() -> None:
    draft = make_draft(
        '"Verstka": arrests ahead\n\nThe Kremlin is preparing arrests, Verstka reports.',
        url="https://example.com/v",
        published="2024-08-16",
    )
    assert render_seed(draft, "002_ff") == (
        "---\n"
        "id: 002_ff\n"
        'title: "\\"Verstka\\": arrests ahead"\n'
        "url: https://example.com/v\n"
        "published: 2024-08-16\n"
        "language: en\n"
        "---\n"
        "\n"
        '"Verstka": arrests ahead\n\nThe Kremlin is preparing arrests, Verstka reports.\n'
    )


def test_content_hash_ignores_chrome_case_and_spacing() -> None:
    plain = make_draft("The Kremlin denied the report.\n\nMoscow stayed silent.")
    noisy = make_draft(
        "Close this search box.\n\nTHE KREMLIN  denied the report.\n\n\nMoscow stayed\nsilent."
    )
    other = make_draft("The Kremlin confirmed the report.\n\nMoscow stayed silent.")
    assert content_hash(plain) == content_hash(noisy)
    assert content_hash(plain) != content_hash(other)
    assert len(content_hash(plain)) == 64


def test_records_are_frozen() -> None:
    paragraph = Paragraph(0, 5, "body")
    with pytest.raises(AttributeError):
        paragraph.kind = "title"  # type: ignore[misc]
