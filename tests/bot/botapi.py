"""A local HTTP server that plays the Telegram Bot API, strict the way Telegram is.

The tests point the real python-telegram-bot stack at it (``base_url``), queue updates for
``getUpdates`` and read back every request the bot made. Like Telegram, it refuses malformed
HTML entities, texts over 4,096 characters, callback data over 64 bytes and edits that change
nothing, with Telegram's own error descriptions.

Faults can be injected: a token refused at ``getMe`` (401/404), server errors before or after
a message is delivered, answers that come too late (the bot times out after delivery), flood
waits per chat (a chat in its wait gets 429 again, as on Telegram), an outage, and random
429s and 5xx for load tests. A request refused by a fault is recorded as ``"METHOD (why)"``;
:meth:`FakeBotAPI.requests` of ``METHOD`` are what users saw.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import math
import random
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote

BOT_ID = 7000
BOT_USERNAME = "newsdesk_test_bot"
TOKEN = "123456:TEST-token-never-logged"
ADMIN, READER, GROUP = 11, 22, -500
"""User ids of the bot's admin and of a reader, and a group chat's id."""
MESSAGE_LIMIT = 4096
ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "tg-spoiler", "span", "blockquote", "tg-emoji",
}  # fmt: skip
_TOKEN = re.compile(
    r"<(/?)([A-Za-z][\w-]*)((?:\s+[\w-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>"
)
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});")


class BadRequest(Exception):
    """A request Telegram would refuse; the message is Telegram's description."""


@dataclass
class Call:
    """One Bot API request as the server received it."""

    method: str
    params: dict[str, Any]


@dataclass
class Fault:
    """One injected failure of the next call of ``method`` (optionally to one chat)."""

    method: str
    status: int
    delivered: bool = False
    delay: float = 0.0
    chat: int | None = None


@dataclass
class FakeBotAPI:
    """The server: queue updates with :meth:`push`, read requests from :attr:`calls`."""

    token: str
    calls: list[Call] = field(default_factory=list)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    chats: dict[int, str] = field(default_factory=dict)
    refused: list[Call] = field(default_factory=list)
    """Requests refused with 400 Bad Request (also in :attr:`calls`)."""

    def __post_init__(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._floods: list[tuple[str, int]] = []
        self._faults: list[Fault] = []
        self._flooded: dict[int, float] = {}
        self._outage_until = 0.0
        self._random: tuple[random.Random, float, float, int] | None = None
        self._texts: dict[tuple[int, int], tuple[str, Any]] = {}
        self._held: threading.Event = threading.Event()
        self._held.set()
        self._generation = 0
        self.get_me_status: int | None = None
        self._lock = threading.Condition()
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # -- what tests do --------------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> int:
        """Queue an update for the bot's next getUpdates; return its update_id."""
        with self._lock:
            update_id = next(self._update_ids)
            self._updates.append({"update_id": update_id, **update})
            self._lock.notify_all()
        return update_id

    def add_file(self, file_id: str, name: str, data: bytes) -> None:
        """Make a file downloadable through getFile."""
        self.files[file_id] = (f"documents/{name}", data)

    def flood_wait_next(self, method: str, seconds: int = 1) -> None:
        """Answer the next ``method`` call with Telegram's 429 flood-wait error."""
        self._floods.append((method, seconds))

    def fail_next(
        self,
        method: str,
        status: int = 500,
        *,
        times: int = 1,
        delivered: bool = False,
        delay: float = 0.0,
        chat: int | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with HTTP ``status``, after ``delay``
        seconds; with ``delivered`` the call takes effect first (the user sees the message)."""
        with self._lock:
            self._faults.extend(Fault(method, status, delivered, delay, chat) for _ in range(times))

    def flood(self, chat: int, seconds: int) -> None:
        """Put a chat in a flood wait: every request to it gets 429 until the wait is over."""
        with self._lock:
            self._flooded[chat] = time.monotonic() + seconds

    def outage(self, seconds: float) -> None:
        """Answer every request with 502 Bad Gateway (and do nothing) for ``seconds``."""
        with self._lock:
            self._outage_until = time.monotonic() + seconds

    def random_faults(
        self, *, flood: float = 0.0, server: float = 0.0, retry_after: int = 1, seed: int = 0
    ) -> None:
        """Refuse a share of sendMessage calls: ``flood`` with 429 (a flood wait of that chat),
        ``server`` with 500 or 502 (nothing delivered)."""
        with self._lock:
            self._random = (random.Random(seed), flood, server, retry_after)

    def hold_sends(self) -> None:
        """Keep every sendMessage waiting, undelivered, until :meth:`drop_held` (a bot that is
        killed now has sends in flight that never reached Telegram)."""
        self._held.clear()

    def drop_held(self) -> None:
        """Refuse the held sends unseen (their bot is gone) and stop holding."""
        with self._lock:
            self._generation += 1
        self._held.set()

    def requests(self, method: str) -> list[Call]:
        with self._lock:
            return [call for call in self.calls if call.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 15.0) -> list[Call]:
        """Wait until the bot has made ``count`` requests of ``method``; return them all."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.requests(method)
            if len(found) >= count:
                return found
            await asyncio.sleep(0.02)
        raise AssertionError(
            f"the bot made {len(self.requests(method))} {method} calls, not {count}"
        )

    # -- the API ---------------------------------------------------------------------------

    def _call(self, method: str, params: dict[str, Any]) -> Any:
        with self._lock:
            self.calls.append(Call(method, params))
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return True
        return handler(params)

    def _fault(self, method: str, params: dict[str, Any]) -> Fault | None:
        """The failure this call meets, if any (and the flood wait it starts)."""
        chat = params.get("chat_id")
        chat = (
            int(chat) if isinstance(chat, int | str) and str(chat).lstrip("-").isdigit() else None
        )
        now = time.monotonic()
        with self._lock:
            if method == "getMe" and self.get_me_status:
                return Fault(method, self.get_me_status)
            if now < self._outage_until:
                return Fault(method, 502)
            if chat is not None and self._flooded.get(chat, 0.0) > now:
                return Fault(method, 429, chat=chat)
            for fault in self._faults:
                if fault.method == method and fault.chat in (None, chat):
                    self._faults.remove(fault)
                    return fault
            if self._random and method == "sendMessage" and chat is not None:
                rng, flood, server, retry_after = self._random
                draw = rng.random()
                if draw < flood:
                    self._flooded[chat] = now + retry_after
                    return Fault(method, 429, chat=chat)
                if draw < flood + server:
                    return Fault(method, rng.choice((500, 502)))
        return None

    def _refusal(self, fault: Fault) -> tuple[int, dict[str, Any]]:
        descriptions = {
            401: "Unauthorized",
            404: "Not Found",
            500: "Internal Server Error",
            502: "Bad Gateway",
            503: "Service Unavailable",
        }
        payload: dict[str, Any] = {
            "ok": False,
            "error_code": fault.status,
            "description": descriptions.get(fault.status, "Error"),
        }
        if fault.status == 400 and fault.method == "answerCallbackQuery":
            payload["description"] = (
                "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        if fault.status == 429:
            with self._lock:
                left = self._flooded.get(fault.chat or 0, time.monotonic() + 1) - time.monotonic()
            retry_after = max(1, math.ceil(left))
            payload["description"] = f"Too Many Requests: retry after {retry_after}"
            payload["parameters"] = {"retry_after": retry_after}
        return fault.status, payload

    def _api_getMe(self, params: dict[str, Any]) -> Any:
        return {
            "id": BOT_ID, "is_bot": True, "first_name": "newsdesk", "username": BOT_USERNAME,
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }  # fmt: skip

    def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset", 0) or 0)
        timeout = min(float(params.get("timeout", 0) or 0), 0.5)
        with self._lock:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates and timeout:
                self._lock.wait(timeout)
            return list(self._updates)

    def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        text = _check_text(params)
        _check_markup(params.get("reply_markup"))
        sent = self._message(int(params["chat_id"]), text)
        with self._lock:
            self._texts[(sent["chat"]["id"], sent["message_id"])] = (
                params.get("text"),
                params.get("reply_markup"),
            )
        return sent

    def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        text = _check_text(params)
        _check_markup(params.get("reply_markup"))
        key = (int(params["chat_id"]), int(params["message_id"]))
        new = (params.get("text"), params.get("reply_markup"))
        with self._lock:
            if self._texts.get(key) == new:
                raise BadRequest(
                    "Bad Request: message is not modified: specified new message content and "
                    "reply markup are exactly the same as a current content and reply markup of "
                    "the message"
                )
            self._texts[key] = new
        return self._message(key[0], text, key[1])

    def _api_answerInlineQuery(self, params: dict[str, Any]) -> Any:
        results = params.get("results", [])
        if len(results) > 50:
            raise BadRequest("Bad Request: RESULTS_TOO_MUCH")
        for result in results:
            _check_text(result["input_message_content"])
        return True

    def _api_getFile(self, params: dict[str, Any]) -> Any:
        file_id = params["file_id"]
        if file_id not in self.files:
            raise BadRequest("Bad Request: invalid file_id")
        path, data = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_size": len(data),
            "file_path": path,
        }

    def _message(self, chat_id: int, text: str, message_id: int | None = None) -> dict[str, Any]:
        return {
            "message_id": message_id or next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": self.chats.get(chat_id, "private")},
            "from": self._api_getMe({}),
            "text": text,
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                prefix = f"/file/bot{api.token}/"
                for path, data in api.files.values():
                    if unquote(self.path) == prefix + path:
                        self.send_response(200)
                        self.send_header("Content-Length", str(len(data)))
                        self.end_headers()
                        self.wfile.write(data)
                        return
                self.send_response(404)
                self.end_headers()

            def do_POST(self) -> None:
                match = re.fullmatch(rf"/bot{re.escape(api.token)}/(\w+)", unquote(self.path))
                if match is None:
                    self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                    return
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                params = _params(body, self.headers.get("Content-Type", ""))
                method = match.group(1)
                if method == "sendMessage":
                    generation = api._generation
                    api._held.wait()
                    if generation != api._generation:
                        self.close_connection = True
                        return
                fault = api._fault(method, params)
                if fault is not None and not fault.delivered:
                    with api._lock:
                        api.calls.append(Call(f"{method} ({fault.status})", params))
                    time.sleep(fault.delay)
                    self._reply(*api._refusal(fault))
                    return
                flood = next((f for f in api._floods if f[0] == match.group(1)), None)
                if flood is not None:
                    api._floods.remove(flood)
                    with api._lock:
                        api.calls.append(Call(f"{flood[0]} (flood wait)", params))
                    self._reply(
                        429,
                        {
                            "ok": False,
                            "error_code": 429,
                            "description": f"Too Many Requests: retry after {flood[1]}",
                            "parameters": {"retry_after": flood[1]},
                        },
                    )
                    return
                try:
                    result = api._call(match.group(1), params)
                except BadRequest as err:
                    with api._lock:
                        api.refused.append(Call(method, params))
                    self._reply(400, {"ok": False, "error_code": 400, "description": str(err)})
                    return
                if fault is not None:  # delivered, and yet the answer is late or an error
                    time.sleep(fault.delay)
                    self._reply(*api._refusal(fault))
                    return
                self._reply(200, {"ok": True, "result": result})

            def _reply(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except ConnectionError:  # the bot gave up waiting (a timeout): as on Telegram
                    self.close_connection = True

        return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # The bot opens up to 256 connections at once; with the default backlog of 5 the kernel
    # drops some and resets them a second later, which Telegram's servers never do.
    request_queue_size = 512

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The bot closing a long poll at shutdown is normal; anything else is a test failure.
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _params(body: bytes, content_type: str) -> dict[str, Any]:
    if not body:
        return {}
    if content_type.startswith("application/json"):
        loaded: dict[str, Any] = json.loads(body)
        return loaded
    params: dict[str, Any] = {}
    for key, values in parse_qs(body.decode(), keep_blank_values=True).items():
        value: Any = values[0]
        if value[:1] in "[{":
            value = json.loads(value)
        params[key] = value
    return params


def _check_text(params: dict[str, Any]) -> str:
    """The text a user would see; raises BadRequest where Telegram would."""
    text = str(params.get("text", params.get("message_text", "")))
    if params.get("parse_mode") == "HTML":
        text = parse_html(text)
    if not text.strip():
        raise BadRequest("Bad Request: message text is empty")
    if len(text) > MESSAGE_LIMIT:
        raise BadRequest("Bad Request: message is too long")
    return text


def _check_markup(markup: Any) -> None:
    if not markup:
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise BadRequest("Bad Request: BUTTON_DATA_INVALID")


def parse_html(text: str) -> str:
    """Telegram's HTML parse mode: the visible text, or BadRequest for malformed markup."""
    visible: list[str] = []
    stack: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char == "<":
            match = _TOKEN.match(text, position)
            offset = len(text[:position].encode())
            if match is None:
                raise BadRequest(
                    f"Bad Request: can't parse entities: Unsupported start tag at byte offset {offset}"
                )
            closing, name, _ = match.groups()
            name = name.lower()
            if name not in ALLOWED_TAGS:
                raise BadRequest(
                    f'Bad Request: can\'t parse entities: Unsupported start tag "{name}" at byte '
                    f"offset {offset}"
                )
            if closing:
                if not stack or stack[-1] != name:
                    expected = f'"</{stack[-1]}>"' if stack else "no end tag"
                    raise BadRequest(
                        f"Bad Request: can't parse entities: Unmatched end tag at byte offset "
                        f'{offset}, expected {expected}, found "</{name}>"'
                    )
                stack.pop()
            else:
                stack.append(name)
            position = match.end()
        elif char == "&":
            match = _ENTITY.match(text, position)
            if match is None:
                offset = len(text[:position].encode())
                raise BadRequest(
                    "Bad Request: can't parse entities: Character '&' is reserved and must be "
                    f"escaped with the preceding '\\' at byte offset {offset}"
                )
            visible.append(html.unescape(match.group()))
            position = match.end()
        elif char == ">":
            raise BadRequest("Bad Request: can't parse entities: Unexpected '>'")
        else:
            visible.append(char)
            position += 1
    if stack:
        raise BadRequest(
            f"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1]}\""
        )
    return "".join(visible)
