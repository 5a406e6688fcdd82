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
from collections.abc import Callable, Mapping
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


@dataclass(frozen=True, slots=True)
class Key:
    """One setting: where it lives, what it may be, which environment variable overrides it."""

    section: str
    name: str
    kind: str
    """"int" or "number" (from ``low`` to ``high``), "choice" (one of ``choices``), "bool",
    "text" (non-empty; ``hint`` says what), "url" (http or https), "ids" (Telegram ids),
    "feeds" (a list of feeds), "path" (a folder)."""
    low: float = 0
    high: float = 0
    choices: tuple[str, ...] = ()
    env: str | None = None
    hint: str = ""


SECTIONS = ("paths", "search", "telegram", "logging", "fetch", "feeds")
KEYS = (
    Key("paths", "seeds", "path", env="NEWSDESK_SEEDS_DIR"),
    Key("paths", "data", "path", env="NEWSDESK_DATA_DIR"),
    Key("search", "answers", "int", 1, 20),
    Key("search", "variant", "choice", choices=VARIANTS),
    Key("search", "k1", "number", 0.0, 10.0),
    Key("search", "b", "number", 0.0, 1.0),
    Key("search", "max_question_chars", "int", 10, 1_000_000),
    Key("search", "reranker", "choice", choices=RERANKERS),
    Key("search", "recency_half_life_days", "number", 0, 36500),
    Key("search", "reranker_threads", "int", 1, 64),
    Key("telegram", "api_base_url", "url", env="TELEGRAM_API_BASE_URL"),
    Key("telegram", "admins", "ids", env="NEWSDESK_ADMINS"),
    Key("telegram", "allowed_chats", "ids", env="NEWSDESK_ALLOWED_CHATS"),
    Key("telegram", "max_upload_bytes", "int", 1, 20_000_000),
    Key("telegram", "webhook_listen", "text", hint="a host name or address"),
    Key("telegram", "webhook_port", "int", 1, 65535),
    Key("telegram", "drain_seconds", "number", 0.0, 600.0),
    Key("logging", "level", "choice", choices=LOG_LEVELS, env="NEWSDESK_LOG_LEVEL"),
    Key("fetch", "allow_private", "bool"),
    Key("fetch", "connect_timeout", "number", 0.1, 60),
    Key("fetch", "timeout", "number", 0.1, 300),
    Key("fetch", "max_bytes", "int", 1_000, 100_000_000),
    Key("fetch", "max_redirects", "int", 0, 10),
    Key("fetch", "user_agent", "text", hint="a non-empty string"),
    Key("feeds", "interval", "int", 1, 1440),
    Key("feeds", "max_new", "int", 1, 1000),
    Key("feeds", "keep_days", "int", 0, 36500),
    Key("feeds", "follow", "feeds"),
)
"""Every key a config file may set (the packaged ``bot/defaults.toml`` sets each one)."""


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
    if path is not None and not str(path).strip():
        raise ConfigError("--config is empty; give a config file.")
    if data_dir is not None and not str(data_dir):
        raise ConfigError("--data-dir is empty; give the answer base folder.")
    file = Path("<defaults>") if path is None else Path(path).expanduser()
    raw = {} if path is None else _read_toml(file)
    given = _sections(raw, file)
    defaults = tomllib.loads(files("bot").joinpath("defaults.toml").read_text(encoding="utf-8"))
    values = {
        (key.section, key.name): _value(key, given[key.section], defaults[key.section], env, file)
        for key in KEYS
        if key.kind != "path"
    }

    def v(section: str, name: str) -> Any:
        return values[(section, name)]

    here, paths = Path.cwd(), given["paths"]
    api_base = v("telegram", "api_base_url")
    return Config(
        data_dir=_chosen_path(
            ("--data-dir", str(data_dir) if data_dir is not None else None, here),
            ("NEWSDESK_DATA_DIR", env.get("NEWSDESK_DATA_DIR"), here),
            (f"{file}: [paths] data", paths.get("data"), file.resolve().parent),
            ("the default data folder", defaults["paths"]["data"], here),
        ),
        seeds_dir=_chosen_path(
            ("NEWSDESK_SEEDS_DIR", env.get("NEWSDESK_SEEDS_DIR"), here),
            (f"{file}: [paths] seeds", paths.get("seeds"), file.resolve().parent),
            ("the default seeds folder", defaults["paths"]["seeds"], here),
        ),
        retrieval=RetrievalConfig(
            variant=v("search", "variant"),
            k1=v("search", "k1"),
            b=v("search", "b"),
            max_question_chars=v("search", "max_question_chars"),
            reranker=v("search", "reranker"),
            recency_half_life_days=v("search", "recency_half_life_days"),
            reranker_threads=v("search", "reranker_threads"),
        ),
        answers_per_page=v("search", "answers"),
        telegram_token=env.get("TELEGRAM_BOT_TOKEN", "").strip() or None,
        telegram_api_base_url=_api_root(api_base) if api_base else None,
        admins=v("telegram", "admins"),
        allowed_chats=v("telegram", "allowed_chats"),
        max_upload_bytes=v("telegram", "max_upload_bytes"),
        webhook_listen=v("telegram", "webhook_listen"),
        webhook_port=v("telegram", "webhook_port"),
        webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET", "").strip() or None,
        drain_seconds=v("telegram", "drain_seconds"),
        log_level=v("logging", "level"),
        source=file,
        fetch=FetchConfig(
            allow_private=v("fetch", "allow_private"),
            connect_timeout=v("fetch", "connect_timeout"),
            timeout=v("fetch", "timeout"),
            max_bytes=v("fetch", "max_bytes"),
            max_redirects=v("fetch", "max_redirects"),
            user_agent=v("fetch", "user_agent"),
        ),
        feeds=FeedsConfig(
            interval_minutes=v("feeds", "interval"),
            max_new=v("feeds", "max_new"),
            keep_days=v("feeds", "keep_days"),
            follow=v("feeds", "follow"),
        ),
    )


def _sections(raw: dict[str, Any], file: Path) -> dict[str, dict[str, Any]]:
    """The file's sections, each checked for unknown keys (and for a token kept in it)."""
    unknown = set(raw) - set(SECTIONS)
    if unknown:
        raise ConfigError(
            f"{file}: unknown section [{sorted(unknown)[0]}]; "
            f"allowed: {', '.join(f'[{name}]' for name in SECTIONS)}."
        )
    sections = {}
    for name in SECTIONS:
        keys = {key.name for key in KEYS if key.section == name}
        sections[name] = _section(
            raw, name, file, keys | ({"token"} if name == "telegram" else set())
        )
    if "token" in sections["telegram"]:
        raise ConfigError(
            f"{file}: [telegram] token must not be kept in a file; "
            "remove it and set TELEGRAM_BOT_TOKEN in the environment."
        )
    return sections


def _value(
    key: Key, given: dict[str, Any], defaults: dict[str, Any], env: Mapping[str, str], file: Path
) -> Any:
    """The checked value of ``key``: from the environment, else the file, else the defaults."""
    value = given.get(key.name, defaults.get(key.name))
    from_env = env.get(key.env) if key.env else None
    return _CHECKS[key.kind](key, value, from_env, f"{file}: [{key.section}] {key.name}", file)


def _check_number(key: Key, value: object, from_env: str | None, where: str, file: Path) -> Any:
    number = _number(value, where, key.low, key.high, integer=key.kind == "int")
    return int(number) if key.kind == "int" else number


def _check_choice(key: Key, value: object, from_env: str | None, where: str, file: Path) -> Any:
    if key.section == "logging":  # a log level: from the environment too, in any case
        level = str(from_env or value).upper()
        if level not in key.choices:
            raise ConfigError(f"log level is {level!r}; allowed: {', '.join(key.choices)}.")
        return level
    if value not in key.choices:
        raise ConfigError(f"{where} is {value!r}; allowed: {', '.join(key.choices)}.")
    return value


def _check_bool(key: Key, value: object, from_env: str | None, where: str, file: Path) -> Any:
    if not isinstance(value, bool):
        raise ConfigError(f"{where} is {value!r}; it must be true or false.")
    return value


def _check_text(key: Key, value: object, from_env: str | None, where: str, file: Path) -> Any:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where} must be {key.hint}.")
    return value.strip()


def _check_url(key: Key, value: object, from_env: str | None, where: str, file: Path) -> Any:
    url = from_env or value
    if url is not None and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
        raise ConfigError(f"{where} is {url!r}; it must start with http:// or https://.")
    return url


def _check_ids(key: Key, value: object, from_env: str | None, where: str, file: Path) -> Any:
    return _ids(from_env, value, key.name, file)


def _check_feeds(key: Key, value: object, from_env: str | None, where: str, file: Path) -> Any:
    return _follow(value, where)


_CHECKS: dict[str, Callable[[Key, Any, str | None, str, Path], Any]] = {
    "int": _check_number,
    "number": _check_number,
    "choice": _check_choice,
    "bool": _check_bool,
    "text": _check_text,
    "url": _check_url,
    "ids": _check_ids,
    "feeds": _check_feeds,
}
"""How each kind of :class:`Key` is checked ("path" keys are chosen by :func:`_chosen_path`)."""


def _api_root(url: str) -> str:
    """The Bot API server's root: accepted with or without the ``/bot`` the bot appends."""
    url = url.rstrip("/")
    return url.removesuffix("/bot")


def _follow(follow: object, where: str) -> tuple[FeedSpec, ...]:
    """``[feeds] follow``: feeds followed from the start."""
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
    return tuple(specs)


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
