"""The Telegram front end: python-telegram-bot handlers over the answer base.

A thin adapter, written the way python-telegram-bot's examples are: one async function per
handler, :func:`build_application` registers them all, :func:`run` wires and runs. The answer
base is synchronous, so its work runs in a thread (``asyncio.to_thread``); it takes its own lock,
and an add either lands whole or not at all, also when the bot is stopped in the middle.

Under faults: every request goes through :class:`bot.delivery.Delivery` (retries, flood waits per
chat); every update is journaled until handled (:mod:`bot.journal`), so a stop or a crash loses
no question; every button's data is checked before it is used; edited messages are ignored (a
question is answered once, as first sent).
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import signal
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

import httpx
from telegram import (
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.config import Config
from bot.delivery import Delivery, DeliveryPolicy
from bot.formatting import (
    NO_ANSWER,
    counted,
    escape,
    format_answer,
    format_context,
    format_feeds,
    format_passage,
    format_poll,
    format_sources,
    format_stats,
    split_message,
)
from bot.journal import Journal, JournaledProcessor, UpdatesRequest
from retrieval.answers import AnswerBase, Article
from retrieval.articles import SUPPORTED_SUFFIXES, parse_bytes
from retrieval.dates import split_filters
from retrieval.errors import ConfigError, DuplicateArticleError, NewsdeskError
from retrieval.feeds import FeedPoller
from retrieval.fetching import Fetcher
from retrieval.sources import describe

log = logging.getLogger(__name__)

COMMANDS = (
    ("ask", "Ask a question about the news"),
    ("sources", "The articles I know"),
    ("stats", "How many articles and sentences I know"),
    ("help", "How to use this bot"),
    ("add", "Add an article (admins): /add URL, or a file with the caption /add"),
    ("remove", "Remove an article (admins): /remove ID"),
    ("feeds", "Feeds followed (admins): /feeds, /feeds add URL, /feeds remove ID"),
)
HELP = (
    "Ask me a question about the news and I answer with the sentences that answer it, "
    "who reported them and the article they come from.\n\n"
    "In a private chat, just type your question. In a group, mention me, reply to me, or "
    "use /ask QUESTION. Inline: type my @username and a question in any chat.\n\n"
    "Only recent news? Start with --since: /ask --since 7d Who resigned? (or --since "
    "2024-05-01; --until works too; an age is h, d, w, m or y). Each source shows its date.\n\n"
    "/sources lists the articles I know, /stats counts them. Admins add an article with "
    "/add URL or by sending a .txt, .md, .html or .json file with the caption /add, remove "
    "one with /remove ID, and follow RSS or Atom feeds with /feeds add URL (/feeds lists "
    "them, /feeds remove ID stops one, /feeds poll polls now)."
)
REFUSAL = "Sorry, this bot is private."
ADMINS_ONLY = "Only the bot's admins can add or remove articles."
FAILURE = "Sorry, something went wrong on my side. Please try again in a moment."
STALE_BUTTON = "This button no longer works. Please ask again."
SOURCES_PER_PAGE = 10
QUESTIONS_KEPT = 64
SYNC_SECONDS = 60.0
"""How often, at most, the bot looks for seed files added or removed by other processes."""


class BotData:
    """What every handler shares: the application's ``bot_data``, typed.

    The four parts are set by :func:`build_application` before any update arrives.
    """

    base: AnswerBase
    config: Config
    fetcher: Fetcher
    feeds: FeedPoller

    def __init__(self) -> None:
        self.error_kinds: set[str] = set()
        """Where errors were raised already: each kind's traceback is logged once."""
        self.synced: float | None = None
        """When seeds/ was last synced (time.monotonic), None before the first question."""
        self.questions: OrderedDict[str, str] = OrderedDict()
        """Recent questions by button key, for updates that belong to no chat (inline)."""


Context = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]
"""The context every handler gets (python-telegram-bot's ``ContextTypes`` with :class:`BotData`)."""
CONTEXT_TYPES = ContextTypes(bot_data=BotData)
BotApplication = Application[Any, Context, dict[Any, Any], dict[Any, Any], BotData, Any]
"""The application :func:`build_application` makes (the bot and job queue types are PTB's)."""


def _base(context: Context) -> AnswerBase:
    return context.bot_data.base


def _config(context: Context) -> Config:
    return context.bot_data.config


def _feeds(context: Context) -> FeedPoller:
    return context.bot_data.feeds


async def gate(update: Update, context: Context) -> None:
    """Runs before every handler: ignores edits, keeps the base in step, refuses strangers."""
    if update.edited_message or update.edited_channel_post:
        raise ApplicationHandlerStop  # a question is answered once, as first sent
    await _resync(context)
    allowed = _config(context).allowed_chats
    if not allowed:
        return
    ids = {
        update.effective_chat.id if update.effective_chat else None,
        update.effective_user.id if update.effective_user else None,
    }
    if ids & allowed:
        return
    if update.callback_query:
        await _acknowledge(update.callback_query, REFUSAL, alert=True)
    elif update.inline_query:
        await update.inline_query.answer([], cache_time=60, is_personal=True)
    elif (
        update.effective_message
        and update.effective_chat
        and (update.effective_chat.type == ChatType.PRIVATE or _addressed(update, context))
    ):
        await update.effective_message.reply_text(REFUSAL)
    raise ApplicationHandlerStop


async def start(update: Update, context: Context) -> None:
    """Greet the user and say what the bot does."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(HELP)


async def help_command(update: Update, context: Context) -> None:
    """Explain how to ask and what the commands do."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(HELP)


async def ask(update: Update, context: Context) -> None:
    """Answer ``/ask QUESTION`` in any chat."""
    message = update.effective_message
    assert message is not None
    question = " ".join(context.args or [])
    if not question.strip():
        await message.reply_text("Ask like this: /ask Who coordinates the operation?")
        return
    await _answer(message, context, question)


async def private_question(update: Update, context: Context) -> None:
    """Answer any text sent in a private chat."""
    message = update.effective_message
    assert message is not None and message.text is not None
    await _answer(message, context, message.text)


async def group_question(update: Update, context: Context) -> None:
    """Answer a group message only when it mentions or replies to the bot."""
    message = update.effective_message
    assert message is not None and message.text is not None
    if not _addressed(update, context):
        return
    username = context.bot.username
    question = re.sub(rf"@{re.escape(username)}\b", " ", message.text, flags=re.IGNORECASE)
    await _answer(message, context, question)


async def more(update: Update, context: Context) -> None:
    """The next passages of a question (the "More" button)."""
    query = update.callback_query
    found = await _button_question(update, context)
    if query is None or found is None or not isinstance(query.message, Message):
        return
    key, question, offset = found
    await _acknowledge(query)
    await _answer(query.message, context, question, offset=offset, key=key)


async def show_context(update: Update, context: Context) -> None:
    """The paragraph around a passage (the "Context" button)."""
    query = update.callback_query
    found = await _button_question(update, context)
    if query is None or found is None or not isinstance(query.message, Message):
        return
    _, question, position = found
    text, days = split_filters(question)
    answer = await asyncio.to_thread(
        _base(context).search, text, 1, offset=position, since=days.since, until=days.until
    )
    await _acknowledge(query)
    if not answer.passages:
        await query.message.reply_text("That passage is no longer in my articles.")
        return
    for part in split_message(format_context(answer.passages[0])):
        await query.message.reply_html(part, disable_web_page_preview=True)


async def sources(update: Update, context: Context) -> None:
    """List the articles, a page at a time."""
    page = 0
    query = update.callback_query
    if query is not None:
        if not isinstance(query.message, Message):
            await _acknowledge(query, STALE_BUTTON, alert=True)
            return
        page = int((query.data or "src:0").split(":")[1])
    articles = await asyncio.to_thread(_base(context).articles)
    pages = max(1, -(-len(articles) // SOURCES_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    text = format_sources(articles, page, SOURCES_PER_PAGE)
    buttons = []
    if page > 0:
        buttons.append(InlineKeyboardButton("‹ Previous", callback_data=f"src:{page - 1}"))
    if page + 1 < pages:
        buttons.append(InlineKeyboardButton("Next ›", callback_data=f"src:{page + 1}"))
    markup = InlineKeyboardMarkup([buttons]) if buttons else None
    if query is not None and isinstance(query.message, Message):
        await _acknowledge(query)
        try:
            await query.message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
        except BadRequest as err:
            if "message is not modified" not in err.message.lower():
                raise  # the same page again (a double press) is no error
        return
    assert update.effective_message is not None
    await update.effective_message.reply_html(text, reply_markup=markup)


async def stats(update: Update, context: Context) -> None:
    """Say how big the answer base is."""
    assert update.effective_message is not None
    numbers = await asyncio.to_thread(_base(context).stats)
    await update.effective_message.reply_html(format_stats(numbers))


async def add(update: Update, context: Context) -> None:
    """Add the document sent with ``/add`` (or replied to with ``/add``): admins only."""
    message = update.effective_message
    assert message is not None
    if not _is_admin(update, context):
        await message.reply_text(ADMINS_ONLY)
        return
    if context.args and context.args[0].lower().startswith(("http://", "https://")):
        await _add_link(message, context, context.args[0])
        return
    document = message.document
    if document is None and message.reply_to_message is not None:
        document = message.reply_to_message.document
    if document is None:
        await message.reply_text(
            "Send /add URL, or a .txt, .md, .html or .json file with the caption /add."
        )
        return
    name = document.file_name or "article.txt"
    if PurePath(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        await message.reply_text(
            f"I can't read {name}: send a .txt, .md, .html or .json file. Nothing was added."
        )
        return
    limit = _config(context).max_upload_bytes
    if document.file_size is not None and document.file_size > limit:
        await message.reply_text(
            f"{name} is {document.file_size:,} bytes; the limit is {limit:,}. Nothing was added."
        )
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    if len(data) > limit:
        await message.reply_text(f"{name} is over {limit:,} bytes. Nothing was added.")
        return
    base = _base(context)
    await _add_and_reply(
        message,
        lambda: base.add_draft(parse_bytes(data, name)),
        lambda article: counted(article.sentence_count, "sentence"),
    )


async def feeds(update: Update, context: Context) -> None:
    """List, add, remove or poll the feeds followed: admins only."""
    message = update.effective_message
    assert message is not None
    if not _is_admin(update, context):
        await message.reply_text(ADMINS_ONLY)
        return
    args = context.args or []
    poller = _feeds(context)
    action = args[0].lower() if args else "list"
    try:
        if action == "add" and len(args) >= 2:
            outlet = " ".join(args[2:]) or None
            feed = await asyncio.to_thread(poller.follow, args[1], outlet=outlet)
            await message.reply_text(
                f"Following feed {feed.id}: {feed.name}. New articles arrive every "
                f"{_config(context).feeds.interval_minutes} minutes."
            )
        elif action == "remove" and len(args) == 2 and args[1].isdigit():
            feed = await asyncio.to_thread(poller.unfollow, int(args[1]))
            await message.reply_text(f"Stopped following feed {feed.id}: {feed.name}.")
        elif action == "poll":
            report = await asyncio.to_thread(poller.poll, everything=True)
            await message.reply_html(format_poll(report))
        elif action == "list":
            listed = await asyncio.to_thread(poller.feeds)
            await message.reply_html(format_feeds(listed), disable_web_page_preview=True)
        else:
            await message.reply_text(
                "Use /feeds, /feeds add URL [OUTLET], /feeds remove ID or /feeds poll."
            )
    except NewsdeskError as err:
        await message.reply_text(_sentence(str(err)))


async def poll_feeds(context: Context) -> None:
    """The JobQueue's feed poll: in a thread, so questions are answered while it runs."""
    report = await asyncio.to_thread(_feeds(context).poll)
    if report.results or report.pruned:
        log.info(
            "feeds polled: %d feeds, %d articles added, %d pruned, %d feeds failed",
            len(report.results),
            report.added,
            len(report.pruned),
            sum(1 for result in report.results if result.error),
        )


async def remove(update: Update, context: Context) -> None:
    """Remove an article by id: admins only."""
    message = update.effective_message
    assert message is not None
    if not _is_admin(update, context):
        await message.reply_text(ADMINS_ONLY)
        return
    if not context.args:
        await message.reply_text("Say which one: /remove ID (see /sources for ids).")
        return
    try:
        article = await asyncio.to_thread(_base(context).remove, context.args[0])
    except NewsdeskError as err:
        await message.reply_text(_sentence(str(err)))
        return
    await message.reply_text(f"Removed {article.id}: {article.title}")


async def inline(update: Update, context: Context) -> None:
    """Offer the top passages as inline results."""
    query = update.inline_query
    assert query is not None
    question = query.query.strip()
    if not question:
        await query.answer([], cache_time=5)
        return
    try:
        answer = await asyncio.to_thread(_base(context).search, question, 5)
    except NewsdeskError:
        await query.answer([], cache_time=5)
        return
    results = [
        InlineQueryResultArticle(
            id=str(number),
            title=passage.sentence[:120],
            description=f"{describe(passage.attribution)} · {passage.title}"[:200],
            input_message_content=InputTextMessageContent(
                split_message(format_passage(passage))[0],
                parse_mode=ParseMode.HTML,
                link_preview_options=None,
            ),
        )
        for number, passage in enumerate(answer.passages)
    ]
    await query.answer(results, cache_time=30)


async def stale_button(update: Update, context: Context) -> None:
    """Any button data the other handlers do not know: forged, malformed or from an old bot."""
    assert update.callback_query is not None
    await _acknowledge(update.callback_query, STALE_BUTTON, alert=True)


async def on_error(update: object, context: Context) -> None:
    """Log the error in one line (the traceback once per kind); tell the user, briefly.

    A failure to reach Telegram is not followed by "Sorry": it would not arrive either, or,
    when the reply may have been delivered after all, it would contradict it.
    """
    error = context.error
    where = _origin(error)
    kinds = context.bot_data.error_kinds
    first = where not in kinds
    kinds.add(where)
    update_id = update.update_id if isinstance(update, Update) else None
    log.error(
        "update %s failed: %s: %s",
        update_id,
        type(error).__name__,
        error,
        exc_info=error if first else None,
    )
    if not first:
        log.debug("traceback of update %s", update_id, exc_info=error)
    if not isinstance(update, Update) or (
        isinstance(error, NetworkError) and not isinstance(error, BadRequest)
    ):
        return
    try:
        if update.callback_query is not None:
            await _acknowledge(update.callback_query, FAILURE, alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(FAILURE)
    except TelegramError as err:  # the error is logged above; this one is one more line
        log.warning("could not tell the user about the error: %s", err)


# -- helpers ----------------------------------------------------------------------------------


async def _add_link(message: Message, context: Context, url: str) -> None:
    fetcher = context.bot_data.fetcher
    base = _base(context)
    await _add_and_reply(
        message,
        lambda: base.add_url(url, fetcher),
        lambda article: (
            f"{escape(article.outlet or 'no outlet')}, {escape(_article_date(article))}; "
            f"{counted(article.sentence_count, 'sentence')}"
        ),
    )


async def _add_and_reply(
    message: Message, adding: Callable[[], Article], details: Callable[[Article], str]
) -> None:
    """Add an article off the event loop (parsing, fetching) and tell the admin how it went."""
    try:
        article = await asyncio.to_thread(adding)
    except DuplicateArticleError as err:
        await message.reply_text(f"I already have this article as {err.existing_id}.")
        return
    except NewsdeskError as err:
        await message.reply_text(f"{_sentence(str(err))} Nothing was added.")
        return
    await message.reply_html(
        f"Added <code>{escape(article.id)}</code>: {escape(article.title)} "
        f"({details(article)}). Ask me about it."
    )


def _article_date(article: Any) -> str:
    return f"added {article.date}" if article.date_is_added else str(article.date)


async def _answer(
    message: Message,
    context: Context,
    question: str,
    *,
    offset: int = 0,
    key: str | None = None,
) -> None:
    config = _config(context)
    try:
        text, days = split_filters(question)
        answer = await asyncio.to_thread(
            _base(context).search,
            text,
            config.answers_per_page,
            offset=offset,
            since=days.since,
            until=days.until,
        )
    except NewsdeskError as err:
        await message.reply_text(_sentence(str(err)))
        return
    if not answer.found:
        await message.reply_text(NO_ANSWER.reply(answer.period))
        return
    key = key or _remember(context, question)
    buttons = []
    if answer.has_more:
        next_offset = offset + len(answer.passages)
        buttons.append(InlineKeyboardButton("More", callback_data=f"more:{key}:{next_offset}"))
    for number in range(len(answer.passages)):
        label = "Context" if len(answer.passages) == 1 else f"Context {offset + number + 1}"
        buttons.append(InlineKeyboardButton(label, callback_data=f"ctx:{key}:{offset + number}"))
    parts = split_message(format_answer(answer))
    for index, part in enumerate(parts):
        markup = InlineKeyboardMarkup([buttons]) if index == len(parts) - 1 else None
        await message.reply_html(part, reply_markup=markup, disable_web_page_preview=True)


async def _resync(context: Context) -> None:
    """Pick up seed files other processes (replicas, the console) added or removed."""
    now = time.monotonic()
    shared = context.bot_data
    if shared.synced is None:
        shared.synced = now  # the base was synced when the bot started
    if now - shared.synced < SYNC_SECONDS:
        return
    shared.synced = now
    report = await asyncio.to_thread(_base(context).sync)
    if report.changed:
        log.info(
            "seeds changed: %d added, %d updated, %d removed",
            len(report.added),
            len(report.updated),
            len(report.removed),
        )


async def _acknowledge(
    query: CallbackQuery, text: str | None = None, *, alert: bool = False
) -> None:
    """Answer a button press; one Telegram no longer takes (pressed before a restart) is let go.

    The press itself is still acted on: the user gets the passages, not an error.
    """
    try:
        await query.answer(text, show_alert=alert)
    except BadRequest as err:
        if "query is too old" not in err.message.lower():
            raise
        log.info("a button press was too old to acknowledge; acting on it all the same")


async def _button_question(update: Update, context: Context) -> tuple[str, str, int] | None:
    """(key, question, number) of a More/Context button; None (and a notice) when expired."""
    query = update.callback_query
    if query is None or query.data is None:
        return None
    _, key, number = query.data.split(":")  # the handlers' patterns guarantee the shape
    question = _questions(context).get(key)
    if question is None or not isinstance(query.message, Message):
        await _acknowledge(query, "That question is too old; please ask it again.", alert=True)
        return None
    return key, question, int(number)


def _questions(context: Context) -> OrderedDict[str, str]:
    """Recent questions of this chat by short key, so buttons fit in 64 bytes of data."""
    if context.chat_data is None:
        return context.bot_data.questions
    questions: OrderedDict[str, str] = context.chat_data.setdefault("questions", OrderedDict())
    return questions


def _remember(context: Context, question: str) -> str:
    questions = _questions(context)
    key = secrets.token_hex(4)
    questions[key] = question
    while len(questions) > QUESTIONS_KEPT:
        questions.popitem(last=False)
    return key


def _addressed(update: Update, context: Context) -> bool:
    """Whether a group message mentions the bot or replies to it."""
    message = update.effective_message
    if message is None:
        return False
    username = (context.bot.username or "").lower()
    text = (message.text or message.caption or "").lower()
    if username and f"@{username}" in text:
        return True
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == context.bot.id)


def _is_admin(update: Update, context: Context) -> bool:
    user = update.effective_user
    return user is not None and user.id in _config(context).admins


def _origin(error: BaseException | None) -> str:
    """Where an error was raised (type, file and line): a kind of failure, for the log."""
    if error is None:
        return "None"
    frames = traceback.extract_tb(error.__traceback__)
    last = frames[-1] if frames else None
    return f"{type(error).__name__}@{last.filename}:{last.lineno}" if last else type(error).__name__


def _sentence(text: str) -> str:
    """An error message from the core as a sentence for a chat (capitalised, but not a URL)."""
    if re.match(r"[a-z][a-z0-9+.-]*://", text):
        return text
    return text[:1].upper() + text[1:]


def build_application(
    config: Config,
    base: AnswerBase,
    *,
    policy: DeliveryPolicy | None = None,
    journal: Journal | None = None,
) -> BotApplication:
    """The python-telegram-bot application with every handler registered.

    ``policy`` says how sends are retried (:mod:`bot.delivery`); ``journal`` keeps the updates
    in hand (:mod:`bot.journal`), by default in ``<data>/pending``.
    """
    if not config.telegram_token:
        raise ValueError("build_application needs config.telegram_token")
    policy = policy or DeliveryPolicy()
    journal = journal or Journal(config.data_dir / "pending")
    # Connection failures are retried by the transport first (nothing was sent), then by
    # Delivery, which also waits out flood waits per chat and retries 5xx; see bot/delivery.py
    # for why a send that may have reached Telegram is never repeated.
    builder = (
        ApplicationBuilder()
        .token(config.telegram_token)
        .request(
            HTTPXRequest(
                read_timeout=policy.read_timeout,
                httpx_kwargs={"transport": httpx.AsyncHTTPTransport(retries=3)},
            )
        )
        .get_updates_request(
            UpdatesRequest(journal, httpx_kwargs={"transport": httpx.AsyncHTTPTransport(retries=3)})
        )
        .rate_limiter(Delivery(policy))
        .concurrent_updates(JournaledProcessor(journal))
        .context_types(CONTEXT_TYPES)
        .post_init(_post_init)
    )
    if config.telegram_api_base_url:
        root = config.telegram_api_base_url.rstrip("/").removesuffix("/bot")
        builder = builder.base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
    application = builder.build()
    shared = application.bot_data
    shared.base = base
    shared.config = config
    shared.fetcher = Fetcher(config.fetch)
    shared.feeds = FeedPoller(base, shared.fetcher, config.feeds)
    if application.job_queue is not None:
        interval = config.feeds.interval_minutes * 60
        application.job_queue.run_repeating(
            poll_feeds, interval=interval, first=min(60, interval), name="poll feeds"
        )

    application.add_handler(TypeHandler(Update, gate), group=-1)
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("help", help_command))
    application.add_handler(CommandHandler("ask", ask))
    application.add_handler(CommandHandler("sources", sources))
    application.add_handler(CommandHandler("stats", stats))
    application.add_handler(CommandHandler("add", add))
    application.add_handler(
        MessageHandler(filters.Document.ALL & filters.CaptionRegex(r"^/add(@\w+)?\b"), add)
    )
    application.add_handler(CommandHandler("remove", remove))
    application.add_handler(CommandHandler("feeds", feeds))
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, private_question)
    )
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.GROUPS, group_question)
    )
    # Button data comes back from the client and may be forged: only the exact shapes we make
    # reach a handler; anything else gets a short alert.
    application.add_handler(CallbackQueryHandler(more, pattern=r"^more:[0-9a-f]{8}:\d{1,4}$"))
    application.add_handler(
        CallbackQueryHandler(show_context, pattern=r"^ctx:[0-9a-f]{8}:\d{1,4}$")
    )
    application.add_handler(CallbackQueryHandler(sources, pattern=r"^src:\d{1,4}$"))
    application.add_handler(CallbackQueryHandler(stale_button))
    application.add_handler(InlineQueryHandler(inline))
    application.add_error_handler(on_error)
    return application


async def _post_init(application: BotApplication) -> None:
    await application.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])


ALLOWED_UPDATES = [
    kind
    for kind in Update.ALL_TYPES
    if kind not in (Update.EDITED_MESSAGE, Update.EDITED_CHANNEL_POST)
]
"""What the bot asks Telegram for: all but edits, which it ignores (see :func:`gate`)."""


def run(config: Config, base: AnswerBase, *, webhook_url: str | None = None) -> None:
    """Run the bot until SIGINT or SIGTERM: long polling, or a webhook server when given a URL.

    A start the Bot API refuses (a wrong token: 401 or 404) raises :class:`ConfigError` with a
    message that never contains the token.
    """
    token = config.telegram_token
    assert token is not None
    application = build_application(config, base)
    try:
        asyncio.run(_serve(application, config, webhook_url))
    except InvalidToken as err:
        reason = err.__cause__ if isinstance(err.__cause__, TelegramError) else err
        raise ConfigError(
            f"Telegram refused the bot token ({reason.message.replace(token, '<token>')}): "
            "check TELEGRAM_BOT_TOKEN (and TELEGRAM_API_BASE_URL, if set)."
        ) from None
    except TelegramError as err:
        raise NewsdeskError(
            f"cannot start the Telegram bot: {err.message.replace(token, '<token>')}"
        ) from None


async def _serve(
    application: BotApplication,
    config: Config,
    webhook_url: str | None,
) -> None:
    """Start, answer what the last run left, serve until a signal, drain for a bounded time."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopping.set)
    processor = application.update_processor
    assert isinstance(processor, JournaledProcessor)
    updater = application.updater
    assert updater is not None
    async with application:
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        left = processor.journal.pending()
        if left:
            log.info("answering %d updates left by the last run", len(left))
        for raw in left:
            if "inline_query" in raw:  # Telegram takes no late answer to one: it is gone
                processor.journal.done(raw["update_id"])
                continue
            await application.update_queue.put(Update.de_json(raw, application.bot))
        if webhook_url:
            await updater.start_webhook(
                listen=config.webhook_listen,
                port=config.webhook_port,
                url_path=PurePath(webhook_url.split("://", 1)[-1]).name or "telegram",
                webhook_url=webhook_url,
                secret_token=config.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
            )
        else:
            await updater.start_polling(
                allowed_updates=ALLOWED_UPDATES, error_callback=_polling_failed
            )
        await stopping.wait()
        log.info("stopping: finishing the questions in hand (%gs at most)", config.drain_seconds)
        await updater.stop()
        unanswered = await processor.drain(config.drain_seconds)
        if unanswered:
            log.info("%d questions kept for the next start", unanswered)
        await application.stop()
        if application.post_stop is not None:
            await application.post_stop(application)
    if application.post_shutdown is not None:
        await application.post_shutdown(application)


def _polling_failed(error: TelegramError) -> None:
    """One line per failed fetch of updates (python-telegram-bot would log a traceback)."""
    log.warning("fetching updates failed: %s: %s", type(error).__name__, error)
