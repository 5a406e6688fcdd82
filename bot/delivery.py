"""Every Bot API request the handlers make: rate limits, flood waits per chat, bounded retries.

python-telegram-bot passes each request (all but ``getUpdates``) through its rate limiter;
:class:`Delivery` is that limiter. It keeps Telegram's limits (30 messages a second in all,
20 a minute per group), and when a request fails it decides, from what is known about the
failure, whether repeating it could show a user something twice:

- **Telegram never saw it** (the connection could not be made, or no pooled connection was
  free): retried.
- **Telegram answered with an error of its own**: a flood wait (429) is waited out for *that chat
  only*, other chats go on; a server error (5xx) means the method failed, so it is retried.
- **The request went out and no answer came** (a read timeout, a connection dropped mid-answer):
  Telegram may have delivered it. The Bot API has no idempotency key, so a message sent again
  could be a duplicate; methods that change nothing when repeated (edits, getters, answering a
  callback) are retried, a send is not, and one log line says the message may be lost.

Retries back off exponentially (with jitter) and stop after :attr:`DeliveryPolicy.retry_for`
seconds; the last error then reaches the handler, and the error handler. Each failure is one
log line, without a traceback: its first attempt and its end at WARNING, the tries between at
DEBUG (a 5-second outage once wrote 12,000 lines of tracebacks).
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import random
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

import httpx
from aiolimiter import AsyncLimiter
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import BaseRateLimiter

from bot import journal

log = logging.getLogger(__name__)

JSON = bool | dict[str, Any] | list[dict[str, Any]]

SENDS = frozenset(
    {
        "sendMessage",
        "sendDocument",
        "sendPhoto",
        "copyMessage",
        "forwardMessage",
        "sendMediaGroup",
        "sendPoll",
        "sendLocation",
        "sendContact",
        "sendDice",
        "sendSticker",
        "sendVideo",
        "sendAudio",
        "sendVoice",
        "sendAnimation",
    }
)
"""Methods that post a new message: repeating one after an unknown outcome may duplicate it."""

_UNSENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True, slots=True)
class DeliveryPolicy:
    """How hard to try: Telegram's rates, the retry budget and the backoff between attempts."""

    retry_for: float = 60.0
    """Seconds after the first attempt when a request is given up (flood waits included)."""
    first_backoff: float = 0.5
    max_backoff: float = 8.0
    overall_per_second: int = 30
    group_per_minute: int = 20
    read_timeout: float = 10.0
    """Seconds to wait for Telegram's answer to a request; a send that times out is not repeated."""


class Delivery(BaseRateLimiter[int]):
    """The rate limiter of :mod:`bot.telegram`: see the module docstring."""

    def __init__(self, policy: DeliveryPolicy | None = None) -> None:
        self.policy = policy or DeliveryPolicy()
        self._overall = AsyncLimiter(self.policy.overall_per_second, 1)
        self._groups: dict[int | str, AsyncLimiter] = {}
        self._flood_until: dict[object, float] = {}

    async def initialize(self) -> None:
        """Nothing to set up: the limiters are created as chats appear."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        """Make the request, within the rates, retrying what can safely be retried."""
        chat = data.get("chat_id")
        started = time.monotonic()
        attempt = 0
        while True:
            await self._flood_wait(chat)
            try:
                await self._acquire(chat)
                if endpoint in SENDS:
                    journal.note_sending()
                result = await callback(*args, **kwargs)
                if endpoint in SENDS:
                    journal.note_delivered()
                return result
            except RetryAfter as err:
                wait = _seconds(err.retry_after)
                until = time.monotonic() + wait
                self._flood_until[chat] = max(self._flood_until.get(chat, 0.0), until)
                if until - started > self.policy.retry_for:
                    log.warning("%s to chat %s: flood wait of %gs; given up", endpoint, chat, wait)
                    raise
                log.warning("%s to chat %s: flood wait of %gs for this chat", endpoint, chat, wait)
                if endpoint in SENDS:
                    journal.note_sending(False)
            except TelegramError as err:
                if not _retryable(err, endpoint):
                    if isinstance(err, TimedOut | NetworkError) and not isinstance(err, BadRequest):
                        log.warning(
                            "%s to chat %s: %s after it was sent; not repeated, so it may be "
                            "lost but never doubled",
                            endpoint,
                            chat,
                            _describe(err),
                        )
                    raise
                delay = min(self.policy.max_backoff, self.policy.first_backoff * 2**attempt)
                delay *= random.uniform(0.5, 1.0)
                attempt += 1
                if time.monotonic() + delay - started > self.policy.retry_for:
                    log.warning(
                        "%s to chat %s: %s; given up after %d attempts",
                        endpoint,
                        chat,
                        _describe(err),
                        attempt,
                    )
                    raise
                log.log(
                    logging.WARNING if attempt == 1 else logging.DEBUG,  # one line per failure
                    "%s to chat %s: %s; attempt %d, next in %.1fs",
                    endpoint,
                    chat,
                    _describe(err),
                    attempt,
                    delay,
                )
                if endpoint in SENDS:
                    journal.note_sending(False)  # retried only when Telegram did not take it
                await asyncio.sleep(delay)

    async def _flood_wait(self, chat: object) -> None:
        """Wait out this chat's flood wait, if it has one; other chats are not held up."""
        while (until := self._flood_until.get(chat, 0.0)) > time.monotonic():
            await asyncio.sleep(until - time.monotonic())
        self._flood_until.pop(chat, None)

    async def _acquire(self, chat: object) -> None:
        """Take a slot of the limits a request to ``chat`` counts against (none without one).

        A group's own limit comes first, so a busy group holds no slot of the overall one.
        """
        if chat is None:
            return
        if (isinstance(chat, int) and chat < 0) or isinstance(chat, str):
            group = self._groups.get(chat)
            if group is None:
                group = self._groups[chat] = AsyncLimiter(self.policy.group_per_minute, 60)
            await group.acquire()
        await self._overall.acquire()


def _retryable(err: TelegramError, endpoint: str) -> bool:
    """Whether repeating the request after ``err`` is safe: see the module docstring."""
    if isinstance(err, BadRequest | Forbidden | InvalidToken | Conflict | ChatMigrated):
        return False
    if not isinstance(err, NetworkError):  # TimedOut is a NetworkError
        return False
    cause = err.__cause__
    if isinstance(cause, _UNSENT):
        return True
    if cause is None or isinstance(cause, TelegramError):
        return True  # Telegram answered with a status of its own (5xx): the method failed
    return endpoint not in SENDS  # sent, no answer: only what is harmless twice


def _describe(err: TelegramError) -> str:
    """One short line for the log: the error and, for network faults, the transport's cause."""
    cause = err.__cause__
    if isinstance(cause, httpx.HTTPError):
        return f"{type(err).__name__} ({type(cause).__name__})"
    return f"{type(err).__name__}: {err.message}"


def _seconds(value: float | dtm.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)
