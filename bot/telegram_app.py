"""Telegram handlers and their wiring: the only module that imports `telegram`.

One wiring point (`build_application`) puts the services in `bot_data`; handlers reach them
through `services(context)`. Handlers are thin: the answering, the reload and the formatting
live in `bot.service` and `bot.answer`, and CPU work runs off the event loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import html
import logging
import re
import secrets
import sys
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    Update,
    User,
)
from telegram.constants import ChatAction, ChatID, ChatType, ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from bot.answer import Answer, Status
from bot.audit import AUDIT_FILE, SCHEDULER_ID, SCHEDULER_NAME, AuditLog
from bot.config import ConfigError, Settings
from bot.documents import Document
from bot.links import fetch_page
from bot.listing import (
    DOCUMENT_EXPIRED,
    MAX_CANDIDATES,
    candidate_label,
    corpus_summary,
    document_not_found,
    document_pages,
    document_usage,
    format_candidates,
    format_document_page,
    format_newest_page,
    newest_pages,
)
from bot.pacing import ChatPacer, chat_key
from bot.question import is_follow_up
from bot.reply import (
    format_audit,
    format_date,
    format_error_notice,
    format_finding,
    format_link_added,
    format_link_refused,
    format_page,
    format_reload,
    format_reload_failed,
    format_removed,
    format_reply,
    format_restored,
    format_stats,
    format_upload,
    format_upload_refused,
    page_count,
)
from bot.service import (
    Conversations,
    ErrorNotices,
    Library,
    ReloadFailed,
    ReloadInProgress,
    ReloadOutcome,
    ResultPages,
    UserRateLimit,
)
from bot.store import EmptyCorpusError
from bot.text import number
from bot.trash import Removal, TrashError, remove_article, undo_last
from bot.uploads import UploadRefused, add_link, add_upload, check_upload

log = logging.getLogger(__name__)

SERVICES = "services"
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
COMMANDS = [
    BotCommand("start", "Giới thiệu bot và kho bài viết"),
    BotCommand("help", "Cách đặt câu hỏi, kèm ví dụ"),
    BotCommand("ask", "Hỏi trong nhóm: /ask câu hỏi"),
    BotCommand("vanban", "Tra cứu văn bản: /vanban 05, /vanban 18-NQ/TW"),
    BotCommand("moi", "Các bài viết mới nhất"),
]
ADMIN_COMMANDS = [
    BotCommand("reload", "Nạp lại kho bài viết"),
    BotCommand("stats", "Số bài, số câu hỏi, câu chưa trả lời được"),
    BotCommand("them", "Thêm bài từ liên kết: /them địa chỉ bài báo"),
    BotCommand("xoa", "Xoá một bài: /xoa mã bài"),
    BotCommand("hoantac", "Khôi phục bài vừa xoá"),
    BotCommand("nhatky", "Nhật ký thao tác của quản trị viên"),
]
ASK_USAGE = "Hãy gõ câu hỏi ngay sau lệnh"
ADMINS_ONLY = "Xin lỗi, lệnh này chỉ dành cho quản trị viên."
SLOW_DOWN = "Bạn hỏi nhanh quá. Vui lòng chờ một chút rồi hỏi tiếp nhé."
APOLOGY = "Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Bạn thử lại sau ít phút nhé."
TEXT_ONLY = "Tôi chỉ đọc được câu hỏi dạng chữ. Bạn hãy gõ câu hỏi nhé, hoặc xem /help."
UNKNOWN_COMMAND = "Tôi không biết lệnh này. Gõ /help để xem cách đặt câu hỏi."
EXPIRED = "Kết quả này đã hết hạn. Bạn hãy hỏi lại nhé."
RELOAD_BUSY = "Đang nạp lại kho bài viết; vui lòng chờ lần này xong rồi thử lại."
LINK_USAGE = "Gõ /them kèm liên kết tới một bài báo, ví dụ <code>/them https://baodanang.vn/tin/bai-viet.html</code>."
LINK_ONLY = re.compile(r"https?://\S+", re.IGNORECASE)
REMOVE_USAGE = (
    "Gõ /xoa kèm mã một bài đang có trong kho, ví dụ <code>/xoa vn-001</code> (mã bài có trong tin báo khi thêm bài)."
)
TOKEN_REFUSED = (
    "Telegram từ chối token của bot: hãy kiểm tra TELEGRAM_BOT_TOKEN (chép lại từ @BotFather, "
    "hoặc lấy token mới nếu token cũ đã bị thu hồi)."
)
# PTB tries 1 + 8 times, 1.5, 2.25, … (×1.5, at most 30) s apart, each try being one send retried up
# to 3 times: about 2 minutes in all.
STARTUP_RETRIES = 8
MAX_429S = 5  # a 429's retry_after is waited out up to five times in a row
API_UNREACHABLE = (
    "Không kết nối được với máy chủ Bot API của Telegram sau khoảng 2 phút thử lại: hãy kiểm tra mạng, "
    "tường lửa hoặc TELEGRAM_BASE_URL."
)
RELOAD_JOB = "tự nạp lại kho"
SCHEDULED_RELOAD = "Tự nạp lại theo lịch vì các tệp trong kho đã thay đổi."
Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]
MORE_LABEL = "Xem thêm kết quả ▸"
BACK_LABEL = "◂ Trước"


@dataclass
class Services:
    """Everything handlers need, kept in `application.bot_data[SERVICES]`."""

    settings: Settings
    library: Library
    pages: ResultPages
    rate: UserRateLimit
    conversations: Conversations
    audit: AuditLog
    errors: ErrorNotices = field(default_factory=ErrorNotices)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The one way handlers reach the library, the result pages and the rate limit."""
    return context.bot_data[SERVICES]


def services_of(application: Application) -> Services:
    """The services, from the application itself (before any update)."""
    return application.bot_data[SERVICES]


# --- presentation helpers -------------------------------------------------------------------


def help_text(library: Library, username: str | None) -> str:
    """What the bot knows and how to ask it, in Vietnamese."""
    bot = f"@{username}" if username else "bot"
    examples = "\n".join(f"• <i>{html.escape(e)}</i>" for e in library.examples)
    return (
        "Xin chào! Tôi trả lời câu hỏi về tin tức chỉ thị, nghị quyết và các hội nghị sơ kết, tổng kết: "
        "ai chủ trì, ai dự, bao nhiêu tập thể, cá nhân được khen thưởng, diễn ra khi nào, ở đâu.\n\n"
        f"Kho hiện có {corpus_summary(library.index.articles)}.\n\n"
        "<b>Cách hỏi:</b> gõ câu hỏi bằng tiếng Việt, có dấu hay không dấu đều được. Tôi trả lời bằng "
        "câu trích nguyên văn từ bài viết, kèm tiêu đề, nguồn và ngày đăng để bạn trích dẫn.\n\n"
        + (f"<b>Ví dụ:</b>\n{examples}\n\n" if examples else "")
        + "<b>Văn bản:</b> <code>/vanban 05</code> hoặc <code>/vanban 18-NQ/TW</code> cho biết văn bản do ai ban hành, "
        "khi nào, về việc gì và các bài viết nhắc đến nó. <b>Tin mới:</b> <code>/moi</code>.\n"
        + f"<b>Trong nhóm:</b> gõ <code>/ask câu hỏi</code>, nhắc tên {bot} kèm câu hỏi, hoặc trả lời tin nhắn của tôi.\n"
        f"<b>Ở mọi cuộc trò chuyện:</b> gõ <code>{bot} câu hỏi</code> rồi chọn câu trả lời để gửi."
    )


def ask_usage(library: Library) -> str:
    """How to use /ask, with a question about the articles served."""
    if not library.examples:
        return ASK_USAGE + "."
    return f"{ASK_USAGE}, ví dụ:\n<code>/ask {html.escape(library.examples[0])}</code>"


def preview_for(answer: Answer) -> LinkPreviewOptions:
    """Previews stay off unless they would show the cited article's own page."""
    best = answer.best if answer.found else None
    if best and best.article.url:
        return LinkPreviewOptions(url=best.article.url, prefer_small_media=True)
    return NO_PREVIEW


def pager(key: str, page: int, pages: int, prefix: str = "more") -> InlineKeyboardMarkup | None:
    """Buttons to move between the pages of one answer or list (callback data well under 64 bytes)."""
    buttons = []
    if page > 0:
        buttons.append(InlineKeyboardButton(BACK_LABEL, callback_data=f"{prefix}:{key}:{page - 1}"))
    if page + 1 < pages:
        buttons.append(InlineKeyboardButton(MORE_LABEL, callback_data=f"{prefix}:{key}:{page + 1}"))
    return InlineKeyboardMarkup([buttons]) if buttons else None


def _message(update: Update) -> Message:
    """The message of an update a message handler gets (its filters let no other kind through)."""
    message = update.effective_message
    if message is None:
        raise TypeError("a message handler got an update without a message")
    return message


def _query(update: Update) -> CallbackQuery:
    """The button press of an update a button handler gets."""
    if update.callback_query is None:
        raise TypeError("a button handler got an update without a button press")
    return update.callback_query


def _inline(update: Update) -> InlineQuery:
    """The inline query of an update an inline handler gets."""
    if update.inline_query is None:
        raise TypeError("an inline handler got an update without an inline query")
    return update.inline_query


def _user(update: Update) -> User:
    """The sender of an update from a person (every admin command has one)."""
    if update.effective_user is None:
        raise TypeError("an update without a sender")
    return update.effective_user


def _is_admin(update: Update, settings: Settings) -> bool:
    return update.effective_user is not None and update.effective_user.id in settings.admin_ids


async def _audit(update: Update, svc: Services, action: str, ok: bool, result: str) -> None:
    """Appends an admin's action and its result to the audit log (off the event loop), before the
    reply: an action is on record even when the reply cannot be sent."""
    user = _user(update)
    await asyncio.to_thread(svc.audit.record, user.id, user.full_name, action, ok, result)


async def _best_effort_typing(message: Message, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A "typing…" hint; its failure is logged and never costs the answer."""
    try:
        await context.bot.send_chat_action(
            message.chat_id,
            ChatAction.TYPING,
            message_thread_id=message.message_thread_id if message.is_topic_message else None,
        )
    except TelegramError as error:
        log.warning("could not send the typing action: %s", error)


def _reply_to_bot(message: Message) -> Message | None:
    """The bot's own message that `message` replies to, if it replies to one."""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == message.get_bot().id:
        return replied
    return None


def _mention(message: Message) -> re.Pattern[str]:
    """The bot's @username, as written in a message."""
    return re.compile(rf"@{re.escape(message.get_bot().username or '')}\b", re.IGNORECASE)


class _ToTheBot(filters.MessageFilter):
    """A group message that mentions the bot or replies to it: other chatter is none of its business."""

    def filter(self, message: Message) -> bool:
        return _reply_to_bot(message) is not None or bool(_mention(message).search(message.text or ""))


def _sender(update: Update) -> int | None:
    """Whose rate an update counts against: its user, or the chat that anonymous admins and channels speak for
    (they all share one user id across every group)."""
    message = update.message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id
    user = update.effective_user
    if user is not None and user.id in (ChatID.ANONYMOUS_ADMIN, ChatID.FAKE_CHANNEL) and update.effective_chat:
        return update.effective_chat.id
    return user.id if user else None


async def _slow_down(update: Update) -> None:
    """Asks the sender to slow down, in the way this kind of update is answered."""
    if update.inline_query:
        button = InlineQueryResultsButton(SLOW_DOWN[:64], start_parameter="help")
        await _inline(update).answer([], cache_time=5, is_personal=True, button=button)
    elif update.callback_query:
        await _query(update).answer(SLOW_DOWN, show_alert=True)
    elif update.effective_message:
        message = update.effective_message
        await message.reply_text(SLOW_DOWN, do_quote=message.chat.type != ChatType.PRIVATE)


def _within_rate(callback: Callback) -> Callback:
    """The handler, run while its sender keeps within their rate; beyond it, one slow-down notice a window and
    nothing else, so that one sender's flood costs the others nothing."""

    @functools.wraps(callback)
    async def limited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        rate, sender = services(context).rate, _sender(update)
        if sender is None or rate.allow(sender):
            await callback(update, context)
        elif rate.should_warn(sender):
            await _slow_down(update)

    return limited


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Answer a question in the chat it came from, replying to it in groups."""
    message = _message(update)
    svc = services(context)
    in_group = message.chat.type != ChatType.PRIVATE
    await _best_effort_typing(message, context)
    replied = _reply_to_bot(message)
    previous = svc.conversations.earlier(
        message.chat_id, replied.message_id if replied else None, is_follow_up(question)
    )
    # A message that only names a document ("chỉ thị 15") gets its card, not a list of search results.
    documents = [] if previous else await asyncio.to_thread(svc.library.documents_named, question)
    if documents:
        asked = svc.conversations.remember(message.chat_id, question)
        asked.message_id = (await _reply_documents(message, svc.library, question, documents)).message_id
        return
    answer = await asyncio.to_thread(svc.library.answer, question, 12, previous)
    # A follow-up keeps the question it continued: "thế còn ..." twice in a row stays on the topic.
    asked = svc.conversations.remember(message.chat_id, previous.question if previous else question)
    asked.article = answer.best.article.id if answer.best else None
    pages = page_count(answer)
    markup = pager(svc.pages.keep(answer), 0, pages) if pages > 1 else None
    sent = await message.reply_html(
        format_reply(answer, examples=svc.library.examples),
        do_quote=in_group,
        reply_markup=markup,
        link_preview_options=preview_for(answer),
    )
    asked.message_id = sent.message_id


# --- handlers -------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explains what the bot knows and how to ask it."""
    await _message(update).reply_html(
        help_text(services(context).library, context.bot.username), link_preview_options=NO_PREVIEW
    )


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answers `/ask question`; explains the usage when the question is missing."""
    question = " ".join(context.args or [])
    if not question.strip():
        message = _message(update)
        await message.reply_html(ask_usage(services(context).library), do_quote=message.chat.type != ChatType.PRIVATE)
        return
    await _answer(update, context, question)


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answers any text in a private chat as a question; an admin's bare link adds its article."""
    text = _message(update).text or ""
    if LINK_ONLY.fullmatch(text.strip()) and _is_admin(update, services(context).settings):
        await _add_link(update, context, text.strip())
        return
    await _answer(update, context, text)


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answers a group message that mentions the bot or replies to it."""
    message = _message(update)
    question = _mention(message).sub(" ", message.text or "").strip()
    if not question:
        await message.reply_html(ask_usage(services(context).library), do_quote=True)
        return
    await _answer(update, context, question)


async def more_results(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows another page of answers for the question the button belongs to."""
    query = _query(update)
    match = re.fullmatch(r"more:([\w-]{1,16}):(\d{1,2})", query.data or "")
    answer = services(context).pages.get(match.group(1)) if match else None
    if match is None or answer is None:
        await query.answer(EXPIRED, show_alert=True)
        return
    pages = page_count(answer)
    page = min(int(match.group(2)), pages - 1)
    await query.answer()
    try:
        await query.edit_message_text(
            format_page(answer, page, services(context).library.examples),
            parse_mode=ParseMode.HTML,
            reply_markup=pager(match.group(1), page, pages),
            link_preview_options=NO_PREVIEW if page else preview_for(answer),
        )
    except BadRequest as error:
        if "not modified" not in str(error).lower():  # a double tap on the same page is harmless
            raise


async def unknown_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answers a button press the bot has no use for, so that the button stops spinning."""
    await _query(update).answer(EXPIRED, show_alert=True)


async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows the card of the document named after /vanban, or the candidates when several fit."""
    message = _message(update)
    library = services(context).library
    query = " ".join(context.args or [])
    in_group = message.chat.type != ChatType.PRIVATE
    if not query.strip():
        await message.reply_html(document_usage(library.index.documents.documents), do_quote=in_group)
        return
    found = await asyncio.to_thread(library.find_documents, query)
    if not found:
        await message.reply_html(document_not_found(query, library.index.documents.documents), do_quote=in_group)
        return
    await _reply_documents(message, library, query, found)


async def _reply_documents(message: Message, library: Library, query: str, found: list[Document]) -> Message:
    """A document's card, or the documents to choose from when several fit."""
    in_group = message.chat.type != ChatType.PRIVATE
    if len(found) > 1:
        buttons = [[InlineKeyboardButton(candidate_label(d), callback_data=f"doc:{d.key}:0")] for d in found]
        markup = InlineKeyboardMarkup(buttons[:MAX_CANDIDATES])
        return await message.reply_html(format_candidates(query, found), do_quote=in_group, reply_markup=markup)
    card = await asyncio.to_thread(library.document_card, found[0].key)
    if card is None:  # a reload swapped the registry in between
        return await message.reply_html(DOCUMENT_EXPIRED, do_quote=in_group)
    return await message.reply_html(
        format_document_page(card.document, card.citing, card.articles),
        do_quote=in_group,
        reply_markup=pager(card.document.key, 0, document_pages(card.citing), "doc"),
        link_preview_options=NO_PREVIEW,
    )


async def newest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Lists the newest articles, paged."""
    articles = await asyncio.to_thread(services(context).library.newest)
    message = _message(update)
    await message.reply_html(
        format_newest_page(articles),
        do_quote=message.chat.type != ChatType.PRIVATE,
        reply_markup=pager("all", 0, newest_pages(articles), "new"),
        link_preview_options=NO_PREVIEW,
    )


async def browse_page(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows a chosen document's card, or another page of its articles or of the newest articles."""
    query = _query(update)
    library = services(context).library
    match = re.fullmatch(r"(doc|new):([0-9a-f]{10}|all):(\d{1,4})", query.data or "")
    if match is None or (match.group(1) == "new") != (match.group(2) == "all"):
        await query.answer(EXPIRED, show_alert=True)
        return
    prefix, key, page = match.group(1), match.group(2), int(match.group(3))
    if prefix == "new":
        articles = await asyncio.to_thread(library.newest)
        page = min(page, newest_pages(articles) - 1)
        text, markup = format_newest_page(articles, page), pager(key, page, newest_pages(articles), prefix)
    else:
        card = await asyncio.to_thread(library.document_card, key)
        if card is None:
            await query.answer(DOCUMENT_EXPIRED, show_alert=True)
            return
        page = min(page, document_pages(card.citing) - 1)
        text = format_document_page(card.document, card.citing, card.articles, page)
        markup = pager(key, page, document_pages(card.citing), prefix)
    await query.answer()
    try:
        await query.edit_message_text(
            text, parse_mode=ParseMode.HTML, reply_markup=markup, link_preview_options=NO_PREVIEW
        )
    except BadRequest as error:
        if "not modified" not in str(error).lower():  # a double tap on the same page is harmless
            raise


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offers the best answers as results to send in any chat."""
    query = _inline(update)
    text = query.query.strip()
    svc = services(context)
    if not text:
        await query.answer(
            [],
            cache_time=5,
            is_personal=True,
            button=InlineQueryResultsButton("Gõ câu hỏi về chỉ thị, nghị quyết…", start_parameter="help"),
        )
        return
    answer = await asyncio.to_thread(functools.partial(svc.library.answer, text, tally=False))
    if answer.status is Status.UNSURE:
        results = [
            InlineQueryResultArticle(
                id="unsure",
                title="Chưa có câu trả lời chắc chắn",
                description="Gửi danh sách các bài gần nhất: " + answer.findings[0].article.title[:120],
                input_message_content=InputTextMessageContent(
                    format_reply(answer, examples=svc.library.examples),
                    parse_mode=ParseMode.HTML,
                    link_preview_options=NO_PREVIEW,
                ),
            )
        ]
    elif not answer.found:
        results = [
            InlineQueryResultArticle(
                id="none",
                title="Không tìm thấy câu trả lời",
                description="Thử diễn đạt lại, nêu rõ chỉ thị, nghị quyết, hội nghị hoặc cơ quan.",
                input_message_content=InputTextMessageContent(
                    format_reply(answer, examples=svc.library.examples), parse_mode=ParseMode.HTML
                ),
            )
        ]
    else:
        key = svc.pages.keep(answer)
        pages = page_count(answer)
        results = [
            InlineQueryResultArticle(
                id=f"{key}-{position}",
                title=finding.article.title[:120],
                description=f"{finding.sentence[:180]}"
                + (f" ({format_date(finding.article)})" if finding.article.date else ""),
                input_message_content=InputTextMessageContent(
                    format_finding(finding), parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
                ),
                reply_markup=pager(key, 0, pages) if position == 0 else None,
            )
            for position, finding in enumerate(answer.findings[:5])
        ]
    await query.answer(results, cache_time=10, is_personal=True)


def _admins_only(handler: Callback) -> Callback:
    """The command for admins; anyone else is told it is theirs only."""

    @functools.wraps(handler)
    async def checked(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if _is_admin(update, services(context).settings):
            await handler(update, context)
        else:
            await _message(update).reply_text(ADMINS_ONLY)

    return checked


async def _busy(update: Update, svc: Services, action: str) -> None:
    """Records and tells that another reload holds the slot."""
    await _audit(update, svc, action, False, "đang có lần nạp khác")
    await _message(update).reply_text(RELOAD_BUSY)


@_admins_only
async def reload_corpus(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Re-reads the corpus off the event loop and swaps the new index in (admins only)."""
    message = _message(update)
    svc = services(context)
    if not svc.library.reserve_reload():
        await _busy(update, svc, "/reload")
        return
    try:
        await message.reply_text("Đang nạp lại kho bài viết… Câu hỏi vẫn được trả lời trong lúc chờ.")
    except BaseException:
        svc.library.release_reload()
        raise
    try:
        outcome = await asyncio.to_thread(svc.library.reload, True)
    except ReloadFailed as failure:
        await _audit(update, svc, "/reload", False, failure.reason)
        await message.reply_text(
            format_reload_failed(failure.reason, failure.problems, len(svc.library.index.articles))
        )
        return
    await _audit(update, svc, "/reload", True, _changes(outcome))
    await message.reply_text(format_reload(outcome))


def _changes(outcome: ReloadOutcome) -> str:
    """A reload's changes in one line, for the audit log."""
    return (
        f"{number(outcome.articles)} bài; thêm {number(len(outcome.added))}, bớt {number(len(outcome.removed))}, "
        f"sửa {number(len(outcome.changed))}; bỏ qua {number(len(outcome.skipped))}"
    )


@_admins_only
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reports what is served and how much it is used (admins only)."""
    svc = services(context)
    library = svc.library
    await _message(update).reply_html(
        format_stats(
            len(library.index.articles),
            library.index.passage_count,
            library.loaded_at,
            library.started_at,
            library.usage(),
            library.reloading,
        )
    )


async def upload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Adds the articles of a file an admin sends to the corpus and reloads; others get the text-only hint."""
    message = _message(update)
    svc = services(context)
    if not _is_admin(update, svc.settings):
        await text_only(update, context)
        return
    document = message.document
    if document is None:  # the handler's filter lets only documents through
        return
    name = document.file_name or ""
    action = f"tải tệp {name}"
    try:
        check_upload(name, document.file_size)  # before downloading anything
    except UploadRefused as refused:
        await _audit(update, svc, action, False, refused.reason)
        await message.reply_html(format_upload_refused(name, refused.reason, refused.problems))
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    ids = {a.id for a in svc.library.index.articles}
    add = functools.partial(add_upload, svc.settings.corpus_dir, name, data, ids)
    try:
        (added, saved), outcome = await asyncio.to_thread(svc.library.edit, add, lambda done: done[1].unlink())
    except ReloadInProgress:
        await _busy(update, svc, action)
    except UploadRefused as refused:
        await _audit(update, svc, action, False, refused.reason)
        await message.reply_html(format_upload_refused(name, refused.reason, refused.problems))
    except ReloadFailed as failure:  # the saved file was taken back out
        await _audit(update, svc, action, False, failure.reason)
        await message.reply_html(
            format_upload_refused(name, f"không nạp lại được kho ({failure.reason})", failure.problems)
        )
    else:
        listed = ", ".join(a.id for a in added.articles[:20])
        await _audit(update, svc, action, True, f"lưu {saved.name}; thêm {listed}; bỏ qua {number(len(added.skipped))}")
        await message.reply_html(format_upload(name, added.articles, added.skipped, outcome.articles))


@_admins_only
async def add_from_link(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Adds the article at `/them <link>` to the corpus and reloads (admins only)."""
    url = " ".join(context.args or []).strip()
    if not url:
        await _message(update).reply_html(LINK_USAGE)
        return
    await _add_link(update, context, url)


async def _add_link(update: Update, context: ContextTypes.DEFAULT_TYPE, url: str) -> None:
    """Fetch the page off the event loop, keep its article as a JSON line with its link, reload."""
    message = _message(update)
    svc = services(context)
    action = f"/them {url}"
    await _best_effort_typing(message, context)
    try:
        page, final_url = await asyncio.to_thread(fetch_page, url, svc.settings.link_allowed_hosts)
        ids = {a.id for a in svc.library.index.articles}
        add = functools.partial(add_link, svc.settings.corpus_dir, final_url, page, ids)
        (added, saved), outcome = await asyncio.to_thread(svc.library.edit, add, lambda done: done[1].unlink())
    except ReloadInProgress:
        await _busy(update, svc, action)
    except (UploadRefused, ReloadFailed) as refused:
        await _audit(update, svc, action, False, refused.reason)
        await message.reply_html(format_link_refused(refused.reason))
    else:
        (article,) = added.articles
        await _audit(update, svc, action, True, f"lưu {saved.name}; thêm {article.id}")
        await message.reply_html(format_link_added(article, outcome.articles))


@_admins_only
async def remove(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Moves an article out of the corpus into the trash and reloads (admins only)."""
    message = _message(update)
    svc = services(context)
    wanted = " ".join(context.args or []).strip()
    article = svc.library.article(wanted)
    action = f"/xoa {wanted}"
    if article is None:
        await _audit(update, svc, action, False, "không có bài này")
        await message.reply_html(f"Không có bài nào mã «{html.escape(wanted)}» trong kho." if wanted else REMOVE_USAGE)
        return
    corpus = svc.settings.corpus_dir
    take = functools.partial(remove_article, corpus, article.id, article.title)
    try:
        removal, outcome = await asyncio.to_thread(svc.library.edit, take, lambda _: undo_last(corpus))
    except ReloadInProgress:
        await _busy(update, svc, action)
    except TrashError as error:
        await _audit(update, svc, action, False, error.reason)
        await message.reply_html(f"Không xoá được bài: {html.escape(error.reason)}.")
    except ReloadFailed as failure:  # the article was put back
        await _audit(update, svc, action, False, failure.reason)
        await message.reply_html(
            f"Không xoá được bài: sau khi xoá, {html.escape(failure.reason)}; bài đã được giữ lại."
        )
    else:
        await _audit(update, svc, action, True, f"cất {_where(removal)} vào {removal.folder.name}")
        await message.reply_html(format_removed(article, outcome.articles))


@_admins_only
async def undo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Puts the last removed article back into the corpus and reloads (admins only)."""
    message = _message(update)
    svc = services(context)
    corpus = svc.settings.corpus_dir
    try:
        restored, outcome = await asyncio.to_thread(
            svc.library.edit,
            functools.partial(undo_last, corpus),
            lambda done: remove_article(corpus, done.article_id, done.title),
        )
    except ReloadInProgress:
        await _busy(update, svc, "/hoantac")
    except (TrashError, ReloadFailed) as error:
        await _audit(update, svc, "/hoantac", False, error.reason)
        await message.reply_html(f"Không hoàn tác được: {html.escape(error.reason)}.")
    else:
        await _audit(update, svc, "/hoantac", True, f"khôi phục {restored.article_id} về {_where(restored)}")
        await message.reply_html(format_restored(restored, outcome.articles))


def _where(removal: Removal) -> str:
    """The file (and line) an article was removed from."""
    return removal.file + (f" dòng {removal.line}" if removal.line else "")


@_admins_only
async def audit_log(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows the latest admin actions from the audit log (admins only)."""
    svc = services(context)
    entries = await asyncio.to_thread(svc.audit.latest, 20)
    await _message(update).reply_html(format_audit(entries))


async def text_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tells a private user that only text questions are read."""
    await _message(update).reply_text(TEXT_ONLY)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Points a private user at /help after a command the bot does not have."""
    await _message(update).reply_text(UNKNOWN_COMMAND)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Logs the error with its traceback and apologises to the user; the bot keeps running."""
    if update is None:  # getUpdates failed; PTB polls again after a growing pause
        log.warning("polling failed, retrying: %s", context.error)
        return
    if isinstance(context.error, TimedOut):  # it may have arrived late: an apology would follow the answer
        log.warning("a request to Telegram timed out; no apology sent: %s", context.error)
        return
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_message:
        try:
            await update.effective_message.reply_text(APOLOGY)
        except TelegramError as error:
            log.warning("could not send the apology: %s", error)
    await _report_error(update, context)


async def _report_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tells the admins what failed, at most once a minute (the errors in between are counted)."""
    svc = services(context)
    held = svc.errors.due()
    if held is None:
        return
    error = f"{type(context.error).__name__}: {context.error}"
    if svc.settings.token:
        error = error.replace(svc.settings.token, "<token>")
    notice = format_error_notice(_what_failed(update, context), error, held, dt.datetime.now(dt.UTC))
    await _tell_admins(context, notice, ParseMode.HTML)


def _what_failed(update: object, context: ContextTypes.DEFAULT_TYPE) -> str:
    """What the bot was doing, without who asked or what they wrote (a command's name at most)."""
    if context.job is not None:
        return f"chạy việc định kỳ «{context.job.name}»"
    if not isinstance(update, Update):  # None: fetching updates (long polling) failed
        return "lấy tin mới từ Telegram"
    message = update.effective_message
    if update.callback_query:
        return "xử lý một nút bấm"
    if update.inline_query:
        return "xử lý một câu hỏi inline"
    if message and message.text and message.text.startswith("/"):
        return f"xử lý lệnh {message.text.split()[0].split('@')[0][:32]}"
    if message and message.document:
        return "xử lý một tệp được gửi tới"
    return "xử lý một tin nhắn"


async def _tell_admins(context: ContextTypes.DEFAULT_TYPE, text: str, parse_mode: str | None = None) -> None:
    """A private message to each admin; one that cannot be sent (e.g. an admin who never started
    the bot) is logged and does not stop the others."""
    for admin in sorted(services(context).settings.admin_ids):
        try:
            await context.bot.send_message(admin, text, parse_mode=parse_mode, link_preview_options=NO_PREVIEW)
        except TelegramError as error:
            log.warning("could not send a notice to admin %d: %s", admin, error)


async def scheduled_reload(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reloads the corpus when its files changed (RELOAD_EVERY); tells the admins what changed or failed."""
    svc = services(context)
    try:
        outcome = await asyncio.to_thread(svc.library.reload_if_changed)
    except ReloadInProgress:
        log.info("scheduled reload skipped: another reload holds the slot")
        return
    except ReloadFailed as failure:
        await asyncio.to_thread(svc.audit.record, SCHEDULER_ID, SCHEDULER_NAME, RELOAD_JOB, False, failure.reason)
        articles = len(svc.library.index.articles)
        await _tell_admins(
            context, SCHEDULED_RELOAD + "\n" + format_reload_failed(failure.reason, failure.problems, articles)
        )
        return
    if outcome is None:
        return
    await asyncio.to_thread(svc.audit.record, SCHEDULER_ID, SCHEDULER_NAME, RELOAD_JOB, True, _changes(outcome))
    if outcome.changes_anything:
        await _tell_admins(context, SCHEDULED_RELOAD + "\n" + format_reload(outcome))


# --- wiring ---------------------------------------------------------------------------------


async def _post_init(application: Application) -> None:
    """Registers the command menu, with the admin commands in the admins' chats only; a failure
    here is cosmetic and only logged."""
    try:
        await application.bot.set_my_commands(COMMANDS)
    except TelegramError as error:
        log.warning("could not register the command menu: %s", error)
    for admin in sorted(services_of(application).settings.admin_ids):
        try:
            await application.bot.set_my_commands(COMMANDS + ADMIN_COMMANDS, scope=BotCommandScopeChat(admin))
        except TelegramError as error:  # e.g. an admin who has not started the bot yet
            log.warning("could not register the admin command menu for %d: %s", admin, error)


def _failed_on_the_way(error: BaseException) -> bool:
    """Worth another try: a 5xx or a broken connection. Not a timeout: the message may have arrived."""
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest | TimedOut)


def _log_retry(state: RetryCallState) -> None:
    endpoint = state.args[3]  # _in_turn's arguments: callback, args, kwargs, endpoint, data
    error = state.outcome.exception() if state.outcome else None
    log.warning(
        "%s failed (%s); retrying in %.1f s", endpoint, error, state.next_action.sleep if state.next_action else 0
    )


class _PacedSends(BaseRateLimiter[int]):
    """Requests paced chat by chat: a 429 is waited out in its own chat only (up to five times in a row), and a
    request that failed on the way is tried again after a jittered, growing pause."""

    def __init__(self, pacer: ChatPacer) -> None:
        self.pacer = pacer

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict | list]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict | list:
        retrying = AsyncRetrying(
            retry=retry_if_exception(_failed_on_the_way),
            wait=wait_exponential_jitter(initial=0.5, max=8),  # about 0.5-1.5, 1-2, 2-3 s
            stop=stop_after_attempt(4),
            before_sleep=_log_retry,
            reraise=True,
        )
        return await retrying(self._in_turn, callback, args, kwargs, endpoint, data)

    async def _in_turn(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict | list]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
    ) -> bool | dict | list:
        chat = chat_key(data.get("chat_id"))
        refused = 0
        while True:
            async with self.pacer.turn(chat):
                try:
                    return await callback(*args, **kwargs)
                except RetryAfter as error:
                    refused += 1
                    if refused > MAX_429S:
                        raise
                    # What AIORateLimiter reads too: the public property warns unless PTB_TIMEDELTA is set.
                    seconds = error._retry_after.total_seconds() + 0.1
                    log.info("%s: flood control in chat %s; retrying in %.1f s", endpoint, chat, seconds)
                    self.pacer.pause(chat, seconds)


class _PollingRequest(HTTPXRequest):
    """getUpdates' connection: a refused token (401/404) stops the bot instead of ending polling silently."""

    def __init__(self) -> None:
        super().__init__(connection_pool_size=1)  # what PTB gives getUpdates by default
        self.refused = False
        self.stop: Callable[[], None] = lambda: None

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        status, payload = await super().do_request(*args, **kwargs)
        if status not in (HTTPStatus.UNAUTHORIZED, HTTPStatus.NOT_FOUND):
            return status, payload
        if not self.refused:
            self.refused = True
            log.error("Telegram refused the token while polling (HTTP %d): stopping", status)
            self.stop()
        # No updates while stopping: passed on, the refusal would end polling and keep the process alive.
        return HTTPStatus.OK, b'{"ok": true, "result": []}'


class _Application(Application):
    async def stop(self) -> None:
        # stop() waits for running handlers: a reload's child is stopped first rather than waited for.
        services_of(self).library.stop_reload()
        await super().stop()


def build_application(settings: Settings, library: Library, polling: _PollingRequest) -> Application:
    """The one wiring point: services into bot_data, handlers, error handler, rate limiter."""
    if settings.token is None:
        raise ConfigError("Chưa đặt TELEGRAM_BOT_TOKEN")
    builder = (
        ApplicationBuilder()
        .application_class(_Application)
        .token(settings.token)
        .rate_limiter(_PacedSends(ChatPacer(settings.messages_per_second)))
        .concurrent_updates(True)
        .post_init(_post_init)
    )
    if settings.base_url and settings.base_file_url:
        builder = builder.base_url(settings.base_url).base_file_url(settings.base_file_url)
    application = builder.get_updates_request(polling).build()
    polling.stop = application.stop_running
    application.bot_data[SERVICES] = Services(
        settings,
        library,
        ResultPages(),
        UserRateLimit(settings.questions_per_minute),
        Conversations(),
        AuditLog(settings.cache_dir / AUDIT_FILE),
    )

    new_message = filters.UpdateType.MESSAGE  # an edited message is not a new question or command
    application.add_handler(CommandHandler(["start", "help"], start, filters=new_message))
    application.add_handler(CommandHandler("ask", ask, filters=new_message))
    application.add_handler(CommandHandler("reload", reload_corpus, filters=new_message))
    application.add_handler(CommandHandler("stats", stats, filters=new_message))
    application.add_handler(CommandHandler("them", add_from_link, filters=new_message))
    application.add_handler(CommandHandler("xoa", remove, filters=new_message))
    application.add_handler(CommandHandler("hoantac", undo, filters=new_message))
    application.add_handler(CommandHandler("nhatky", audit_log, filters=new_message))
    application.add_handler(CommandHandler("vanban", document, filters=new_message))
    application.add_handler(CommandHandler("moi", newest, filters=new_message))
    application.add_handler(
        MessageHandler(new_message & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, private_text)
    )
    application.add_handler(
        MessageHandler(
            new_message & filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND & _ToTheBot(), group_text
        )
    )
    application.add_handler(MessageHandler(new_message & filters.ChatType.PRIVATE & filters.COMMAND, unknown_command))
    application.add_handler(MessageHandler(new_message & filters.ChatType.PRIVATE & filters.Document.ALL, upload))
    application.add_handler(MessageHandler(new_message & filters.ChatType.PRIVATE & ~filters.TEXT, text_only))
    application.add_handler(CallbackQueryHandler(more_results, pattern=r"^more:"))
    application.add_handler(CallbackQueryHandler(browse_page, pattern=r"^(doc|new):"))
    application.add_handler(CallbackQueryHandler(unknown_button))
    application.add_handler(InlineQueryHandler(inline_query))
    for handler in application.handlers[0]:  # everything a sender can trigger above counts against their rate
        handler.callback = _within_rate(handler.callback)
    application.add_error_handler(on_error)
    if settings.reload_every:
        if application.job_queue is None:  # an install from before the job-queue extra was required
            raise ConfigError("RELOAD_EVERY cần python-telegram-bot[job-queue]: hãy chạy lại pip install -e .")
        application.job_queue.run_repeating(scheduled_reload, settings.reload_every, name=RELOAD_JOB)
    return application


class _HideToken(logging.Filter):
    """Replaces the bot token wherever it would appear in a log line or traceback."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.token in record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, "<token>")
        return True


def _without_traceback(record: logging.LogRecord) -> bool:
    """PTB's retry loop logs a traceback when it gives up on Telegram; run_bot says why in one line."""
    if record.exc_info and isinstance(record.exc_info[1], TelegramError):
        record.exc_info = record.exc_text = None
    return True


def configure_logging(settings: Settings) -> None:
    """Log lines without the token; HTTP request lines (which carry it in the URL) only on warnings."""
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("telegram.ext").addFilter(_without_traceback)
    if settings.token:
        for handler in logging.getLogger().handlers:
            handler.addFilter(_HideToken(settings.token))


def run_bot(settings: Settings) -> int:
    """Build the index, then serve Telegram by long polling (or a webhook when configured)."""
    configure_logging(settings)
    try:
        library = Library.open(
            [settings.corpus_dir], settings.cache_dir, settings.workers, settings.reload_timeout.total_seconds()
        )
    except EmptyCorpusError as error:
        for problem in error.report.problems if error.report else []:
            log.error("corpus: %s", problem)
        print(
            f"Không có bài viết nào đọc được trong {settings.corpus_dir}: thêm bài vào đó rồi chạy lại.",
            file=sys.stderr,
        )
        return 1
    for problem in library.report.problems:
        log.warning("corpus: %s", problem)
    library.answerer.answer("khởi động")  # loads the segmenter's model before the first real question
    log.info(
        "serving %d articles, %d passages (%s in %.1f s)",
        len(library.index.articles),
        library.index.passage_count,
        "from the cache" if library.report.from_cache else f"{library.report.articles_segmented} articles segmented",
        library.report.seconds,
    )
    polling = _PollingRequest()
    application = build_application(settings, library, polling)
    log.info("connecting to the Bot API (retrying for about 2 minutes if it cannot be reached)")
    try:
        if settings.webhook_url:
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                # Without a secret anyone reaching the port could post updates "from" an admin.
                secret_token=settings.webhook_secret or secrets.token_urlsafe(32),
                allowed_updates=Update.ALL_TYPES,
                bootstrap_retries=STARTUP_RETRIES,
            )
        else:
            application.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=STARTUP_RETRIES)
    except InvalidToken:  # its message quotes the token: never printed, only what to do
        print(TOKEN_REFUSED, file=sys.stderr)
        return 1
    except NetworkError as error:
        if isinstance(error, BadRequest):  # Telegram answered and said why: that is worth a traceback
            raise
        print(API_UNREACHABLE, file=sys.stderr)
        return 1
    if polling.refused:  # a service manager restarts the bot; the start-up check then explains
        print(TOKEN_REFUSED, file=sys.stderr)
        return 1
    return 0
