"""Process set-up, done once by the entry point (:func:`bot.cli.main`) and nowhere else.

Logging to stderr and to a log file in the data folder, the bot token blanked out of both,
the log levels of chatty libraries, and python-telegram-bot's opt-in settings. Nothing here
runs on import.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "newsdesk.log"
"""The log in the data folder: what stderr shows, and the tracebacks it does not."""

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactToken(logging.Formatter):
    """Wraps a handler's formatter and blanks the bot token out of everything it writes.

    python-telegram-bot and httpx can put request URLs, which contain the token, into log
    messages and into the text of exceptions; the whole formatted record is redacted.
    """

    def __init__(self, inner: logging.Formatter | None, token: str) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()
        self.token = token

    def format(self, record: logging.LogRecord) -> str:
        return self.inner.format(record).replace(self.token, "<token>")


def set_up(level: str, data_dir: Path, token: str | None) -> RotatingFileHandler | None:
    """Configure logging for this process; return the log file's handler (None: no file)."""
    logging.basicConfig(level=level, format=_FORMAT, stream=sys.stderr)
    # A log file on a full disk must not print logging's own tracebacks on stderr.
    logging.raiseExceptions = False
    # httpx logs every request URL, and Telegram's URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # pymorphy3 logs its dictionary's file format when it loads: nothing for a user.
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)
    # Opt in to python-telegram-bot's coming timedelta periods; without it every flood wait
    # (RetryAfter) also raises a deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    log_file = _log_to_file(data_dir / LOG_FILE)
    if token:
        for handler in logging.getLogger().handlers:
            if not isinstance(handler.formatter, RedactToken):
                handler.setFormatter(RedactToken(handler.formatter, token))
    return log_file


def tear_down(log_file: RotatingFileHandler | None) -> None:
    """Close the log file :func:`set_up` opened."""
    if log_file is not None:
        logging.getLogger().removeHandler(log_file)
        log_file.close()


def _log_to_file(path: Path) -> RotatingFileHandler | None:
    """Log to ``path`` too (a few MB at most); None when it cannot be written (read-only, full)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(logging.INFO)
    logging.getLogger().addHandler(handler)
    return handler
