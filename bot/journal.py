"""No question lost: updates accepted but not yet answered, kept in the data folder.

Telegram forgets an update once the bot asks for the next ones (python-telegram-bot does so
right away), so a bot stopped or killed with questions in hand would lose them. The journal
writes each update to ``<data>/pending/<update_id>.json`` as soon as it is fetched, before
Telegram is told it arrived (:class:`UpdatesRequest`), and deletes the file once the update
has been handled (:class:`JournaledProcessor`). On the next start the files left are handled
first (:meth:`Journal.pending`). An update is forgotten as soon as its first reply is
delivered, without waiting for the handler to return, so a kill after that point cannot make
it answered twice.

Exactly once: Telegram may deliver again an update whose receipt it never got. The journal
remembers the highest update id it wrote (``last_update_id``); an update at or below it that
is not in the journal was handled before the restart and is skipped, one still in it is handled
from the journal alone. At a stop, a handler that has not begun to send is stopped and stays
in the journal; one sending is given a few seconds to finish (:meth:`JournaledProcessor.drain`).
What is left is one window no client of the Bot API can close: a kill after Telegram stored a
reply and before its answer reached the bot; that question is answered again after the
restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import time
from collections.abc import Awaitable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.error import NetworkError
from telegram.ext import BaseUpdateProcessor
from telegram.request import BaseRequest, HTTPXRequest, RequestData

log = logging.getLogger(__name__)

WATERMARK_MAX_AGE = 24 * 3600.0
"""Telegram keeps an update at most 24 hours (and may restart its ids after a quiet week), so
an older ``last_update_id`` says nothing about the updates that come now."""


STARTED_KEPT = 100_000
"""How many update ids a run remembers having taken (to recognise one sent twice)."""


@dataclass
class _InFlight:
    update_id: int
    journal: Journal
    sending: bool = False
    delivered: bool = False


_current: ContextVar[_InFlight | None] = ContextVar("newsdesk_update", default=None)


def note_sending(sending: bool = True) -> None:
    """Called before a message is sent for the update being handled (if any), and with False
    when the send failed in a way that shows Telegram did not take it."""
    state = _current.get()
    if state is not None:
        state.sending = sending


def note_delivered() -> None:
    """Called when Telegram took a message for the update being handled: forget the update
    now, so it is never answered twice, whatever happens next."""
    state = _current.get()
    if state is not None and not state.delivered:
        state.delivered = True
        state.journal.done(state.update_id)


class Journal:
    """The files of the updates in hand, and which updates were handled already."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._watermark_file = folder / "last_update_id"
        self._left = {u["update_id"]: u for u in self._read()}
        self._watermark = max(self._left, default=0)
        with contextlib.suppress(OSError, ValueError):
            if time.time() - self._watermark_file.stat().st_mtime < WATERMARK_MAX_AGE:
                self._watermark = max(self._watermark, int(self._watermark_file.read_text()))
        self._start_watermark = self._watermark
        self._written: set[int] = set(self._left)
        self._started: set[int] = set()

    def pending(self) -> list[dict[str, Any]]:
        """The updates left unanswered by the previous run, oldest first."""
        return [self._left[key] for key in sorted(self._left)]

    def record(self, updates: list[dict[str, Any]]) -> None:
        """Keep these raw updates (from ``getUpdates`` or a webhook) until they are handled."""
        newest = self._watermark
        for update in updates:
            update_id = update.get("update_id")
            if not isinstance(update_id, int):
                continue
            if update_id in self._written or update_id in self._started:
                continue
            if self.handled_before(update_id):
                continue
            _write(self.folder / f"{update_id}.json", json.dumps(update, ensure_ascii=False))
            self._written.add(update_id)
            newest = max(newest, update_id)
        if newest > self._watermark:
            self._watermark = newest
            _write(self._watermark_file, str(newest))

    def handled_before(self, update_id: int) -> bool:
        """Whether a previous run handled this update (Telegram sent it again)."""
        return update_id <= self._start_watermark and update_id not in self._left

    def claim(self, update: Update) -> bool:
        """Take the update for handling; False when it is, or was, handled already."""
        update_id = update.update_id
        if update_id in self._started or self.handled_before(update_id):
            return False
        if update_id not in self._written:  # a webhook's update: not journaled yet
            self.record([update.to_dict()])
        self._started.add(update_id)
        if len(self._started) > STARTED_KEPT:  # an update sent twice comes again soon, if ever
            self._started = set(sorted(self._started)[-STARTED_KEPT // 2 :])
        return True

    def done(self, update_id: int) -> None:
        """The update was handled: forget it."""
        self._written.discard(update_id)
        self._left.pop(update_id, None)
        with contextlib.suppress(FileNotFoundError):
            (self.folder / f"{update_id}.json").unlink()

    def _read(self) -> list[dict[str, Any]]:
        updates = []
        for path in self.folder.glob("*.json"):
            try:
                update = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                log.warning("skipped unreadable pending update %s: %s", path.name, err)
                continue
            if isinstance(update, dict) and isinstance(update.get("update_id"), int):
                updates.append(update)
        return updates


class UpdatesRequest(HTTPXRequest):
    """The ``getUpdates`` transport: journals what Telegram sends before anything confirms it.

    It also retries a failed fetch itself, once a second for up to ``retry_for`` seconds (asking
    again confirms nothing), so python-telegram-bot's polling backoff, which grows to 30 s, does
    not keep the first answer after an outage waiting.
    """

    def __init__(self, journal: Journal, *, retry_for: float = 10.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.journal = journal
        self.retry_for = retry_for

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Fetch, and journal the updates (writing is synchronous, so nothing runs in between)."""
        deadline = time.monotonic() + self.retry_for
        while True:
            try:
                code, payload = await super().do_request(
                    url,
                    method,
                    request_data,
                    read_timeout,
                    write_timeout,
                    connect_timeout,
                    pool_timeout,
                )
            except NetworkError as err:
                if time.monotonic() + 1.0 > deadline:
                    raise
                log.debug("fetching updates failed (%s); asking again in 1s", type(err).__name__)
            else:
                if code < 500 or time.monotonic() + 1.0 > deadline:
                    break
                log.debug("fetching updates failed (HTTP %d); asking again in 1s", code)
            await asyncio.sleep(1.0)
        if code == 200 and url.endswith("/getUpdates"):
            with contextlib.suppress(ValueError):
                answer = json.loads(payload)
                if isinstance(answer, dict) and isinstance(answer.get("result"), list):
                    self.journal.record(answer["result"])
        return code, payload


class JournaledProcessor(BaseUpdateProcessor):
    """Handles updates concurrently, each once, and drains within a bounded time at stop."""

    def __init__(self, journal: Journal, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self.journal = journal
        self._in_hand: dict[asyncio.Task[Any], _InFlight] = {}
        self._stopping = False

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Handle the update unless it was handled before; forget it once handled."""
        if not isinstance(update, Update):
            await coroutine
            return
        if self._stopping or not self.journal.claim(update):
            if asyncio.iscoroutine(coroutine):
                coroutine.close()
            return
        state = _InFlight(update.update_id, self.journal)
        token = _current.set(state)
        task = asyncio.current_task()
        if task is not None:
            self._in_hand[task] = state
        try:
            await coroutine
        except asyncio.CancelledError:
            if state.sending:  # it may have reached Telegram: lose it rather than double it
                self.journal.done(update.update_id)
            raise
        except BaseException:
            self.journal.done(update.update_id)
            raise
        else:
            self.journal.done(update.update_id)
        finally:
            _current.reset(token)
            if task is not None:
                self._in_hand.pop(task, None)

    async def drain(self, seconds: float, grace: float = 5.0) -> int:
        """Let the updates in hand finish for up to ``seconds``; stop the rest.

        Updates that sent nothing yet are stopped at once and stay in the journal for the next
        start; those already replying get ``grace`` seconds more. Returns how many were left.
        """
        deadline = time.monotonic() + seconds
        while self._in_hand and (left := deadline - time.monotonic()) > 0:
            await asyncio.wait(list(self._in_hand), timeout=left)
        self._stopping = True
        stopped = [task for task, state in self._in_hand.items() if not state.sending]
        for task in stopped:
            task.cancel()
        replying = [task for task in self._in_hand if task not in stopped]
        if replying:
            await asyncio.wait(replying, timeout=grace)
        for task in list(self._in_hand):
            task.cancel()
        if self._in_hand:
            await asyncio.wait(list(self._in_hand), timeout=grace)
        return len(stopped)


def _write(path: Path, text: str) -> None:
    """Replace the file whole (write, then rename), so a kill never leaves half of it."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
