"""Telegram handlers and their wiring: the only module that imports `telegram`.

One wiring point (`build_application`) puts the services in `bot_data`; handlers reach them
through `services(context)`. Handlers are thin: the answering, the reload and the formatting
live in `bot.service` and `bot.answer`, and CPU work runs off the event loop.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
import sys
from dataclasses import dataclass
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.answer import Answer, Status
from bot.config import Settings
from bot.documents import Document
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
from bot.question import is_follow_up
from bot.reply import format_date, format_finding, format_page, format_reply, page_count
from bot.service import Conversations, Library, ReloadFailed, ResultPages, UserRateLimit
from bot.store import EmptyCorpusError

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
ASK_USAGE = "Hãy gõ câu hỏi ngay sau lệnh"
ADMINS_ONLY = "Xin lỗi, lệnh này chỉ dành cho quản trị viên."
SLOW_DOWN = "Bạn hỏi nhanh quá. Vui lòng chờ một chút rồi hỏi tiếp nhé."
APOLOGY = "Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Bạn thử lại sau ít phút nhé."
TEXT_ONLY = "Tôi chỉ đọc được câu hỏi dạng chữ. Bạn hãy gõ câu hỏi nhé, hoặc xem /help."
UNKNOWN_COMMAND = "Tôi không biết lệnh này. Gõ /help để xem cách đặt câu hỏi."
EXPIRED = "Kết quả này đã hết hạn. Bạn hãy hỏi lại nhé."
RELOAD_BUSY = "Đang nạp lại kho bài viết; vui lòng chờ lần này xong rồi thử lại."
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


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The one way handlers reach the library, the result pages and the rate limit."""
    return context.bot_data[SERVICES]


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


def _is_admin(update: Update, settings: Settings) -> bool:
    return update.effective_user is not None and update.effective_user.id in settings.admin_ids


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


def _reply_to_bot(message: Message, context: ContextTypes.DEFAULT_TYPE) -> Message | None:
    """The bot's own message that `message` replies to, if it replies to one."""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id:
        return replied
    return None


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Answer a question in the chat it came from, replying to it in groups."""
    message = update.effective_message
    svc = services(context)
    in_group = message.chat.type != ChatType.PRIVATE
    if update.effective_user and not svc.rate.allow(update.effective_user.id):
        await message.reply_text(SLOW_DOWN, do_quote=in_group)
        return
    await _best_effort_typing(message, context)
    replied = _reply_to_bot(message, context)
    previous = svc.conversations.earlier(
        message.chat_id, replied.message_id if replied else None, is_follow_up(question)
    )
    # A message that only names a document ("chỉ thị 15") gets its card, not a list of search results.
    documents = [] if previous else await asyncio.to_thread(svc.library.documents_named, question)
    if documents:
        sent = await _reply_documents(message, svc.library, question, documents)
        svc.conversations.remember(message.chat_id, sent.message_id, question)
        return
    answer = await asyncio.to_thread(svc.library.answer, question, 12, previous)
    pages = page_count(answer)
    markup = pager(svc.pages.keep(answer), 0, pages) if pages > 1 else None
    sent = await message.reply_html(
        format_reply(answer, examples=svc.library.examples),
        do_quote=in_group,
        reply_markup=markup,
        link_preview_options=preview_for(answer),
    )
    # A follow-up keeps the question it continued: "thế còn ..." twice in a row stays on the topic.
    svc.conversations.remember(message.chat_id, sent.message_id, previous or question)


# --- handlers -------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explains what the bot knows and how to ask it."""
    await update.effective_message.reply_html(
        help_text(services(context).library, context.bot.username), link_preview_options=NO_PREVIEW
    )


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answers `/ask question`; explains the usage when the question is missing."""
    question = " ".join(context.args or [])
    if not question.strip():
        await update.effective_message.reply_html(
            ask_usage(services(context).library), do_quote=update.effective_chat.type != ChatType.PRIVATE
        )
        return
    await _answer(update, context, question)


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answers any text in a private chat as a question."""
    await _answer(update, context, update.effective_message.text)


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answers group messages that mention the bot or reply to it; stays silent otherwise."""
    message = update.effective_message
    mention = re.compile(rf"@{re.escape(context.bot.username or '')}\b", re.IGNORECASE)
    if _reply_to_bot(message, context) is None and not mention.search(message.text):
        return
    question = mention.sub(" ", message.text).strip()
    if not question:
        await message.reply_html(ask_usage(services(context).library), do_quote=True)
        return
    await _answer(update, context, question)


async def more_results(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows another page of answers for the question the button belongs to."""
    query = update.callback_query
    match = re.fullmatch(r"more:([\w-]{1,16}):(\d{1,2})", query.data or "")
    answer = services(context).pages.get(match.group(1)) if match else None
    if answer is None:
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


async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows the card of the document named after /vanban, or the candidates when several fit."""
    message = update.effective_message
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
    await update.effective_message.reply_html(
        format_newest_page(articles),
        do_quote=update.effective_chat.type != ChatType.PRIVATE,
        reply_markup=pager("all", 0, newest_pages(articles), "new"),
        link_preview_options=NO_PREVIEW,
    )


async def browse_page(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shows a chosen document's card, or another page of its articles or of the newest articles."""
    query = update.callback_query
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
    query = update.inline_query
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
    if not svc.rate.allow(query.from_user.id):
        await query.answer(
            [], cache_time=5, is_personal=True, button=InlineQueryResultsButton(SLOW_DOWN[:64], start_parameter="help")
        )
        return
    answer = await asyncio.to_thread(svc.library.answer, text)
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


async def reload_corpus(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Re-reads the corpus off the event loop and swaps the new index in (admins only)."""
    message = update.effective_message
    svc = services(context)
    if not _is_admin(update, svc.settings):
        await message.reply_text(ADMINS_ONLY)
        return
    if not svc.library.reserve_reload():
        await message.reply_text(RELOAD_BUSY)
        return
    try:
        await message.reply_text("Đang nạp lại kho bài viết… Câu hỏi vẫn được trả lời trong lúc chờ.")
    except BaseException:
        svc.library.release_reload()
        raise
    try:
        outcome = await asyncio.to_thread(svc.library.reload, True)
    except ReloadFailed as failure:
        lines = [
            f"Không nạp lại được: {failure.reason}.",
            f"Bot vẫn dùng kho cũ ({len(svc.library.index.articles)} bài).",
        ]
        lines += [f"• {p}" for p in failure.problems[:10]]
        await message.reply_text("\n".join(lines)[:4000])
        return
    lines = [
        f"Đã nạp lại trong {outcome.seconds:.1f} giây: {outcome.articles} bài, {outcome.passages} đoạn.",
        f"Thêm {len(outcome.added)}, bớt {len(outcome.removed)}, sửa {len(outcome.changed)} bài "
        f"(tách từ {outcome.articles_segmented} bài).",
    ]
    for label, ids in (("Thêm", outcome.added), ("Bớt", outcome.removed), ("Sửa", outcome.changed)):
        if ids:
            lines.append(f"{label}: {', '.join(ids[:10])}" + (" …" if len(ids) > 10 else ""))
    if outcome.skipped:
        lines.append(f"Bỏ qua {len(outcome.skipped)} tệp/dòng lỗi:")
        lines += [f"• {p}" for p in outcome.skipped[:10]]
    await message.reply_text("\n".join(lines)[:4000])


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reports what is served and how much it is used (admins only)."""
    svc = services(context)
    if not _is_admin(update, svc.settings):
        await update.effective_message.reply_text(ADMINS_ONLY)
        return
    library = svc.library
    lines = [
        f"Bài viết: {len(library.index.articles)}; đoạn: {library.index.passage_count}",
        f"Nạp lần cuối: {library.loaded_at:%d/%m/%Y %H:%M} UTC",
        f"Câu hỏi đã trả lời từ {library.started_at:%d/%m/%Y %H:%M} UTC: {library.questions_answered}",
        f"Đang nạp lại: {'có' if library.reloading else 'không'}",
    ]
    await update.effective_message.reply_text("\n".join(lines))


async def text_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tells a private user that only text questions are read."""
    await update.effective_message.reply_text(TEXT_ONLY)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Points a private user at /help after a command the bot does not have."""
    await update.effective_message.reply_text(UNKNOWN_COMMAND)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Logs the error with its traceback and apologises to the user; the bot keeps running."""
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_message:
        try:
            await update.effective_message.reply_text(APOLOGY)
        except TelegramError as error:
            log.warning("could not send the apology: %s", error)


# --- wiring ---------------------------------------------------------------------------------


async def _post_init(application: Application) -> None:
    """Registers the command menu; a failure here is cosmetic and only logged."""
    try:
        await application.bot.set_my_commands(COMMANDS)
    except TelegramError as error:
        log.warning("could not register the command menu: %s", error)


def build_application(settings: Settings, library: Library) -> Application:
    """The one wiring point: services into bot_data, handlers, error handler, rate limiter."""
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .rate_limiter(AIORateLimiter(overall_max_rate=settings.messages_per_second, max_retries=2))
        .concurrent_updates(True)
        .post_init(_post_init)
    )
    if settings.base_url:
        builder = builder.base_url(settings.base_url)
    application = builder.build()
    application.bot_data[SERVICES] = Services(
        settings, library, ResultPages(), UserRateLimit(settings.questions_per_minute), Conversations()
    )

    new_message = filters.UpdateType.MESSAGE
    application.add_handler(CommandHandler(["start", "help"], start))
    application.add_handler(CommandHandler("ask", ask))
    application.add_handler(CommandHandler("reload", reload_corpus))
    application.add_handler(CommandHandler("stats", stats))
    application.add_handler(CommandHandler("vanban", document))
    application.add_handler(CommandHandler("moi", newest))
    application.add_handler(
        MessageHandler(new_message & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, private_text)
    )
    application.add_handler(
        MessageHandler(new_message & filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND, group_text)
    )
    application.add_handler(MessageHandler(new_message & filters.ChatType.PRIVATE & filters.COMMAND, unknown_command))
    application.add_handler(MessageHandler(new_message & filters.ChatType.PRIVATE & ~filters.TEXT, text_only))
    application.add_handler(CallbackQueryHandler(more_results, pattern=r"^more:"))
    application.add_handler(CallbackQueryHandler(browse_page, pattern=r"^(doc|new):"))
    application.add_handler(InlineQueryHandler(inline_query))
    application.add_error_handler(on_error)
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


def configure_logging(settings: Settings) -> None:
    """Log lines without the token; HTTP request lines (which carry it in the URL) only on warnings."""
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if settings.token:
        for handler in logging.getLogger().handlers:
            handler.addFilter(_HideToken(settings.token))


def run_bot(settings: Settings) -> int:
    """Build the index, then serve Telegram by long polling (or a webhook when configured)."""
    configure_logging(settings)
    try:
        library = Library.open([settings.corpus_dir], settings.cache_dir, settings.workers)
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
    application = build_application(settings, library)
    if settings.webhook_url:
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
