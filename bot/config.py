"""Configuration: packaged defaults, a config file, environment overrides, one frozen object.

The defaults ship with the package (``bot/defaults.toml``), so an installed newsdesk starts
anywhere. A config file (``--config``, ``$NEWSDESK_CONFIG``, or ``config/newsdesk.toml`` in the
working folder when there is one) overrides any of their keys, the environment overrides both.
Everything is read once, at start, and validated; every problem becomes a :class:`ConfigError`
that names the key and the allowed values. The Telegram token is read only from the
environment (``TELEGRAM_BOT_TOKEN``) and is kept out of ``repr`` so it is never logged.

Relative paths from the defaults, the command line and the environment are resolved against
the working folder; relative paths written in a config file against the folder holding it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from retrieval.answers import RetrievalConfig
from retrieval.errors import ConfigError
from retrieval.feeds import FeedsConfig, FeedSpec
from retrieval.fetching import FetchConfig
from retrieval.index import VARIANTS
from retrieval.rerank import RERANKERS

LOCAL_CONFIG = Path("config") / "newsdesk.toml"
"""The config file read when none is named, relative to the working folder (if it exists)."""
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


@dataclass(frozen=True, slots=True)
class Config:
    """Everything newsdesk's front ends need, validated."""

    data_dir: Path
    seeds_dir: Path
    retrieval: RetrievalConfig = field(default_factory=RetrievalConfig)
    answers_per_page: int = 3
    telegram_token: str | None = field(default=None, repr=False)
    telegram_api_base_url: str | None = None
    admins: frozenset[int] = frozenset()
    allowed_chats: frozenset[int] = frozenset()
    max_upload_bytes: int = 2_000_000
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: str | None = field(default=None, repr=False)
    drain_seconds: float = 8.0
    log_level: str = "INFO"
    source: Path | None = None
    fetch: FetchConfig = field(default_factory=FetchConfig)
    feeds: FeedsConfig = field(default_factory=FeedsConfig)


def load_config(
    path: Path | str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    data_dir: Path | str | None = None,
) -> Config:
    """Read the config file (``path``, ``$NEWSDESK_CONFIG`` or the default) and overrides."""
    env = os.environ if environ is None else environ
    if path is None:
        path = env.get("NEWSDESK_CONFIG") or (LOCAL_CONFIG if LOCAL_CONFIG.is_file() else None)
    defaults = tomllib.loads(files("bot").joinpath("defaults.toml").read_text(encoding="utf-8"))
    if path is not None and not str(path).strip():
        raise ConfigError("--config is empty; give a config file.")
    if path is None:
        file = Path("<defaults>")
        raw: dict[str, Any] = {}
    else:
        file = Path(path).expanduser()
        raw = _read_toml(file)

    unknown = set(raw) - {"paths", "search", "telegram", "logging", "fetch", "feeds"}
    if unknown:
        raise ConfigError(
            f"{file}: unknown section [{sorted(unknown)[0]}]; "
            "allowed: [paths], [search], [telegram], [logging], [fetch], [feeds]."
        )
    paths = _section(raw, "paths", file, {"seeds", "data"})
    search = defaults["search"] | _section(
        raw,
        "search",
        file,
        {
            "answers",
            "variant",
            "k1",
            "b",
            "max_question_chars",
            "reranker",
            "recency_half_life_days",
            "reranker_threads",
        },
    )
    telegram = defaults["telegram"] | _section(
        raw,
        "telegram",
        file,
        {
            "api_base_url",
            "admins",
            "allowed_chats",
            "max_upload_bytes",
            "webhook_listen",
            "webhook_port",
            "drain_seconds",
            "token",
        },
    )
    logging_ = defaults["logging"] | _section(raw, "logging", file, {"level"})
    default_paths = defaults["paths"]
    paths_base = file.resolve().parent
    if "token" in telegram:
        raise ConfigError(
            f"{file}: [telegram] token must not be kept in a file; "
            "remove it and set TELEGRAM_BOT_TOKEN in the environment."
        )

    def where(key: str) -> str:
        return f"{file}: {key}"

    here = Path.cwd()
    if data_dir is not None and not str(data_dir):
        raise ConfigError("--data-dir is empty; give the answer base folder.")
    seeds = _chosen_path(
        ("NEWSDESK_SEEDS_DIR", env.get("NEWSDESK_SEEDS_DIR"), here),
        (f"{file}: [paths] seeds", paths.get("seeds"), paths_base),
        ("the default seeds folder", default_paths["seeds"], here),
    )
    data = _chosen_path(
        ("--data-dir", str(data_dir) if data_dir is not None else None, here),
        ("NEWSDESK_DATA_DIR", env.get("NEWSDESK_DATA_DIR"), here),
        (f"{file}: [paths] data", paths.get("data"), paths_base),
        ("the default data folder", default_paths["data"], here),
    )

    variant = search["variant"]
    if variant not in VARIANTS:
        raise ConfigError(
            f"{where('[search] variant')} is {variant!r}; allowed: {', '.join(VARIANTS)}."
        )
    reranker = search["reranker"]
    if reranker not in RERANKERS:
        raise ConfigError(
            f"{where('[search] reranker')} is {reranker!r}; allowed: {', '.join(RERANKERS)}."
        )
    retrieval = RetrievalConfig(
        variant=variant,
        reranker=reranker,
        recency_half_life_days=_number(
            search["recency_half_life_days"],
            where("[search] recency_half_life_days"),
            0,
            36500,
        ),
        reranker_threads=int(
            _number(
                search["reranker_threads"], where("[search] reranker_threads"), 1, 64, integer=True
            )
        ),
        k1=_number(search["k1"], where("[search] k1"), 0.0, 10.0),
        b=_number(search["b"], where("[search] b"), 0.0, 1.0),
        max_question_chars=int(
            _number(
                search["max_question_chars"],
                where("[search] max_question_chars"),
                10,
                1_000_000,
                integer=True,
            )
        ),
    )
    answers = int(_number(search["answers"], where("[search] answers"), 1, 20, integer=True))

    level = str(env.get("NEWSDESK_LOG_LEVEL") or logging_["level"]).upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"log level is {level!r}; allowed: {', '.join(LOG_LEVELS)}.")

    token = env.get("TELEGRAM_BOT_TOKEN", "").strip() or None
    api_base = env.get("TELEGRAM_API_BASE_URL") or telegram.get("api_base_url")
    if api_base is not None and not (
        isinstance(api_base, str) and api_base.startswith(("http://", "https://"))
    ):
        raise ConfigError(
            f"{where('[telegram] api_base_url')} is {api_base!r}; it must start with http:// or https://."
        )
    admins = _ids(env.get("NEWSDESK_ADMINS"), telegram["admins"], "admins", file)
    allowed = _ids(
        env.get("NEWSDESK_ALLOWED_CHATS"), telegram["allowed_chats"], "allowed_chats", file
    )
    listen = telegram["webhook_listen"]
    if not isinstance(listen, str) or not listen:
        raise ConfigError(f"{where('[telegram] webhook_listen')} must be a host name or address.")
    return Config(
        fetch=_fetch(defaults["fetch"] | _section(raw, "fetch", file, set(_FETCH_KEYS)), file),
        feeds=_feeds(
            defaults["feeds"]
            | _section(raw, "feeds", file, {"interval", "max_new", "keep_days", "follow"}),
            file,
        ),
        data_dir=data,
        seeds_dir=seeds,
        retrieval=retrieval,
        answers_per_page=answers,
        telegram_token=token,
        telegram_api_base_url=_api_root(api_base) if api_base else None,
        admins=admins,
        allowed_chats=allowed,
        max_upload_bytes=int(
            _number(
                telegram["max_upload_bytes"],
                where("[telegram] max_upload_bytes"),
                1,
                20_000_000,
                integer=True,
            )
        ),
        webhook_listen=listen,
        webhook_port=int(
            _number(
                telegram["webhook_port"],
                where("[telegram] webhook_port"),
                1,
                65535,
                integer=True,
            )
        ),
        webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET", "").strip() or None,
        drain_seconds=_number(
            telegram.get("drain_seconds", 8.0), where("[telegram] drain_seconds"), 0.0, 600.0
        ),
        log_level=level,
        source=file,
    )


def _api_root(url: str) -> str:
    """The Bot API server's root: accepted with or without the ``/bot`` the bot appends."""
    url = url.rstrip("/")
    return url.removesuffix("/bot")


_FETCH_KEYS = (
    "allow_private",
    "connect_timeout",
    "timeout",
    "max_bytes",
    "max_redirects",
    "user_agent",
)


def _fetch(section: dict[str, Any], file: Path) -> FetchConfig:
    """``[fetch]``: how links and feeds are fetched."""
    allow = section.get("allow_private", False)
    if not isinstance(allow, bool):
        raise ConfigError(f"{file}: [fetch] allow_private is {allow!r}; it must be true or false.")
    agent = section.get("user_agent", FetchConfig().user_agent)
    if not isinstance(agent, str) or not agent.strip():
        raise ConfigError(f"{file}: [fetch] user_agent must be a non-empty string.")
    return FetchConfig(
        allow_private=allow,
        connect_timeout=_number(
            section.get("connect_timeout", 5.0), f"{file}: [fetch] connect_timeout", 0.1, 60
        ),
        timeout=_number(section.get("timeout", 20.0), f"{file}: [fetch] timeout", 0.1, 300),
        max_bytes=int(
            _number(
                section.get("max_bytes", 5_000_000),
                f"{file}: [fetch] max_bytes",
                1_000,
                100_000_000,
                integer=True,
            )
        ),
        max_redirects=int(
            _number(
                section.get("max_redirects", 5),
                f"{file}: [fetch] max_redirects",
                0,
                10,
                integer=True,
            )
        ),
        user_agent=agent.strip(),
    )


def _feeds(section: dict[str, Any], file: Path) -> FeedsConfig:
    """``[feeds]``: how often feeds are polled, how much they add, how long articles stay."""
    follow = section.get("follow", [])
    where = f"{file}: [feeds] follow"
    if not isinstance(follow, list):
        raise ConfigError(f'{where} must be a list like [{{ url = "https://…/rss.xml" }}].')
    specs = []
    for item in follow:
        if isinstance(item, str):
            item = {"url": item}
        if not isinstance(item, dict) or set(item) - {"url", "outlet"}:
            raise ConfigError(
                f'{where}: each feed is {{ url = "…", outlet = "…" }} (outlet optional).'
            )
        url, outlet = item.get("url"), item.get("outlet")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ConfigError(f"{where}: url {url!r} must start with http:// or https://.")
        if outlet is not None and not isinstance(outlet, str):
            raise ConfigError(f"{where}: outlet {outlet!r} must be a string.")
        specs.append(FeedSpec(url, outlet or None))
    return FeedsConfig(
        interval_minutes=int(
            _number(section.get("interval", 15), f"{file}: [feeds] interval", 1, 1440, integer=True)
        ),
        max_new=int(
            _number(section.get("max_new", 20), f"{file}: [feeds] max_new", 1, 1000, integer=True)
        ),
        keep_days=int(
            _number(
                section.get("keep_days", 0), f"{file}: [feeds] keep_days", 0, 36500, integer=True
            )
        ),
        follow=tuple(specs),
    )


def _read_toml(file: Path) -> dict[str, Any]:
    try:
        with file.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file {file} does not exist.") from None
    except OSError as err:
        raise ConfigError(f"config file {file} cannot be read: {err.strerror}.") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"config file {file} is not valid TOML: {err}.") from None


def _section(raw: dict[str, Any], name: str, file: Path, keys: set[str]) -> dict[str, Any]:
    section = raw.get(name, {})
    if not isinstance(section, dict):
        raise ConfigError(f"{file}: [{name}] must be a table.")
    unknown = set(section) - keys
    if unknown:
        raise ConfigError(
            f"{file}: unknown key {sorted(unknown)[0]!r} in [{name}]; "
            f"allowed: {', '.join(sorted(keys - {'token'}))}."
        )
    return section


def _chosen_path(*choices: tuple[str, object, Path]) -> Path:
    """The first path given among ``(where, value, base)`` choices, made absolute against base.

    An empty environment variable counts as not set; an empty path anywhere else is an error.
    """
    for where, value, base in choices:
        if value is None or (where.startswith("NEWSDESK_") and value == ""):
            continue
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where} is {value!r}; it must be a folder path.")
        path = Path(value).expanduser()
        return path if path.is_absolute() else (base / path).resolve()
    raise AssertionError("the packaged defaults name every path")  # pragma: no cover


def _number(value: object, name: str, low: float, high: float, *, integer: bool = False) -> float:
    kind = int if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kind):
        what = "a whole number" if integer else "a number"
        raise ConfigError(f"{name} is {value!r}; it must be {what} from {low:g} to {high:g}.")
    if not low <= value <= high:
        raise ConfigError(f"{name} is {value!r}; allowed: {low:g} to {high:g}.")
    return float(value)


def _ids(env_value: str | None, file_value: object, key: str, file: Path) -> frozenset[int]:
    if env_value is not None:
        try:
            return frozenset(int(part) for part in env_value.replace(" ", "").split(",") if part)
        except ValueError:
            raise ConfigError(
                f"NEWSDESK_{key.upper()} is {env_value!r}; it must be comma-separated numeric ids."
            ) from None
    if not isinstance(file_value, list) or not all(
        isinstance(item, int) and not isinstance(item, bool) for item in file_value
    ):
        raise ConfigError(f"{file}: [telegram] {key} must be a list of numeric Telegram ids.")
    return frozenset(file_value)
