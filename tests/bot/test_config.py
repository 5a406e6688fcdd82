"""Configuration: defaults, environment overrides, and clear errors for broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_config
from retrieval.errors import ConfigError
from retrieval.records import RetrievalConfig


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "newsdesk.toml"
    path.write_text(text, encoding="utf-8")
    return path


ROOT = Path(__file__).resolve().parents[2]


def test_the_checkouts_config_points_at_its_seeds() -> None:
    config = load_config(ROOT / "config" / "newsdesk.toml", environ={})
    assert config.seeds_dir == ROOT / "seeds"
    assert config.data_dir == ROOT / ".newsdesk"


def test_packaged_defaults_resolve_against_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no config/newsdesk.toml here: the packaged defaults alone
    config = load_config(environ={})
    assert config.seeds_dir == tmp_path / "seeds"
    assert config.data_dir == tmp_path / ".newsdesk"
    assert config.source == Path("<defaults>")
    assert config.retrieval.variant == "lucene"
    assert config.retrieval.reranker == "auto"
    assert config.answers_per_page == 3
    assert config.telegram_token is None
    assert config.admins == frozenset()


def test_packaged_defaults_are_the_retrieval_cores_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # bot/defaults.toml restates RetrievalConfig's defaults for people to read and edit; a
    # default changed in one place only would make `make run` and the library disagree.
    monkeypatch.chdir(tmp_path)
    assert load_config(environ={}).retrieval == RetrievalConfig()


def test_relative_paths_from_the_command_line_and_environment_use_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config(
        ROOT / "config" / "newsdesk.toml",
        environ={"NEWSDESK_SEEDS_DIR": "my/seeds"},
        data_dir="base",
    )
    assert config.seeds_dir == tmp_path / "my" / "seeds"
    assert config.data_dir == tmp_path / "base"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"data_dir": ""}, "--data-dir is empty; give the answer base folder."),
        ({"path": ""}, "--config is empty; give a config file."),
    ],
)
def test_empty_paths_are_refused(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(environ={}, **kwargs)
    assert str(info.value) == message


def test_packaged_config_keys_in_the_file_override_the_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "[search]\nanswers = 5\n"), environ={})
    assert config.answers_per_page == 5
    assert config.retrieval.variant == "lucene"  # untouched keys keep their defaults


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, '[paths]\nseeds = "s"\n[telegram]\nadmins = [1, 2]\n')
    config = load_config(
        path,
        environ={
            "NEWSDESK_DATA_DIR": str(tmp_path / "elsewhere"),
            "TELEGRAM_BOT_TOKEN": "123:secret",
            "NEWSDESK_ADMINS": "7, 8",
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/",
            "NEWSDESK_LOG_LEVEL": "debug",
        },
    )
    assert config.seeds_dir == tmp_path / "s"
    assert config.data_dir == tmp_path / "elsewhere"
    assert config.admins == frozenset({7, 8})
    assert config.telegram_api_base_url == "http://127.0.0.1:8081"
    assert config.log_level == "DEBUG"
    assert config.telegram_token == "123:secret"
    assert "secret" not in repr(config)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[search\n", "is not valid TOML"),
        (
            "[serch]\n",
            "unknown section [serch]; allowed: [paths], [search], [telegram], [logging], "
            "[fetch], [feeds].",
        ),
        ("[search]\nanswers = 0\n", "[search] answers is 0; allowed: 1 to 20."),
        (
            "[search]\nreranker_threads = 0\n",
            "[search] reranker_threads is 0; allowed: 1 to 64.",
        ),
        (
            '[search]\nanswers = "3"\n',
            "[search] answers is '3'; it must be a whole number from 1 to 20.",
        ),
        (
            '[search]\nvariant = "bm42"\n',
            "[search] variant is 'bm42'; allowed: lucene, okapi, bm25l, bm25plus.",
        ),
        ("[search]\nb = 1.5\n", "[search] b is 1.5; allowed: 0 to 1."),
        (
            '[search]\nreranker = "bert"\n',
            "[search] reranker is 'bert'; allowed: auto, e5, none.",
        ),
        (
            "[search]\ntop = 3\n",
            "unknown key 'top' in [search]; allowed: answers, b, k1, max_question_chars, "
            "recency_half_life_days, reranker, reranker_threads, variant.",
        ),
        (
            '[telegram]\ntoken = "1:x"\n',
            "[telegram] token must not be kept in a file; remove it and set TELEGRAM_BOT_TOKEN",
        ),
        (
            '[telegram]\nadmins = ["alice"]\n',
            "[telegram] admins must be a list of numeric Telegram ids.",
        ),
        ('[telegram]\napi_base_url = "ftp://x"\n', "it must start with http:// or https://."),
        (
            '[logging]\nlevel = "LOUD"\n',
            "log level is 'LOUD'; allowed: DEBUG, INFO, WARNING, ERROR.",
        ),
    ],
)
def test_broken_config_names_the_problem(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path, text), environ={})
    assert message in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "none.toml", environ={})


def test_bad_admins_in_environment(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="NEWSDESK_ADMINS is 'bob'; it must be comma-separated"):
        load_config(write(tmp_path, ""), environ={"NEWSDESK_ADMINS": "bob"})


def test_fetch_and_feeds_sections(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "[search]\nrecency_half_life_days = 7\n"
        "[fetch]\nallow_private = true\ntimeout = 3\nmax_bytes = 10_000\nmax_redirects = 2\n"
        "[feeds]\ninterval = 30\nmax_new = 5\nkeep_days = 90\n"
        'follow = [{ url = "https://a.example/rss.xml", outlet = "A" }, '
        '"https://b.example/atom.xml"]\n',
    )
    config = load_config(path, environ={})
    assert config.retrieval.recency_half_life_days == 7
    assert (config.fetch.allow_private, config.fetch.timeout, config.fetch.max_bytes) == (
        True,
        3,
        10_000,
    )
    assert (config.fetch.max_redirects, config.fetch.connect_timeout) == (2, 5.0)
    assert (config.feeds.interval_minutes, config.feeds.max_new, config.feeds.keep_days) == (
        30,
        5,
        90,
    )
    assert [(f.url, f.outlet) for f in config.feeds.follow] == [
        ("https://a.example/rss.xml", "A"),
        ("https://b.example/atom.xml", None),
    ]


def test_fetch_and_feeds_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the packaged defaults alone
    config = load_config(environ={})
    assert (config.fetch.allow_private, config.fetch.timeout, config.fetch.max_redirects) == (
        False,
        20.0,
        5,
    )
    assert (config.feeds.interval_minutes, config.feeds.keep_days, config.feeds.follow) == (
        15,
        0,
        (),
    )
    assert config.retrieval.recency_half_life_days == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[fetch]\nallow_private = 1\n", "[fetch] allow_private is 1; it must be true or false."),
        ("[fetch]\nmax_redirects = 11\n", "[fetch] max_redirects is 11; allowed: 0 to 10."),
        ("[feeds]\ninterval = 0\n", "[feeds] interval is 0; allowed: 1 to 1440."),
        (
            '[feeds]\nfollow = [{ url = "ftp://x/rss" }]\n',
            "[feeds] follow: url 'ftp://x/rss' must start with http:// or https://.",
        ),
        (
            "[feeds]\nevery = 5\n",
            "unknown key 'every' in [feeds]; allowed: follow, interval, keep_days, max_new.",
        ),
    ],
)
def test_fetch_and_feeds_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text), environ={})
    assert str(caught.value).endswith(message)
