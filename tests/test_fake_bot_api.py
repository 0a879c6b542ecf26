"""Tests of the fake Telegram Bot API, driven by the real python-telegram-bot client."""

from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes
from telegram.request import HTTPXRequest

try:
    from tests.fake_bot_api import FakeBotApi, find_entities, parse_html
except ModuleNotFoundError:  # plain `pytest` without the repository root on sys.path
    from fake_bot_api import FakeBotApi, find_entities, parse_html

KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Xem thêm", callback_data="more:1"),
            InlineKeyboardButton("Bỏ qua", callback_data="skip"),
        ]
    ]
)
MY_CHAT_MEMBER = {
    "chat": {"id": -100500, "type": "supergroup", "title": "Nhóm thử nghiệm"},
    "from": {"id": 1002, "is_bot": False, "first_name": "Minh"},
    "date": 1_760_000_000,
    "old_chat_member": {
        "status": "left",
        "user": {"id": 123456, "is_bot": True, "first_name": "Tin"},
    },
    "new_chat_member": {
        "status": "member",
        "user": {"id": 123456, "is_bot": True, "first_name": "Tin"},
    },
}


def local_request(**kwargs: float) -> HTTPXRequest:
    """PTB's default request, minus loading the CA bundle (plain HTTP to 127.0.0.1; saves ~40 ms)."""
    return HTTPXRequest(httpx_kwargs={"verify": False}, **kwargs)


def local_bot(api: FakeBotApi, token: str | None = None, **kwargs: float) -> Bot:
    """A real PTB Bot talking to the fake."""
    return Bot(
        token or api.token,
        base_url=api.base_url,
        request=local_request(**kwargs),
        get_updates_request=local_request(),
    )


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as fake:
        yield fake


@pytest_asyncio.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with local_bot(api) as client:
        yield client


# --------------------------------------------------------------------------- basics


@pytest.mark.asyncio
async def test_get_me_returns_the_configured_bot_user(api: FakeBotApi, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.first_name, me.is_bot) == (
        123456,
        "DirectiveNewsBot",
        "Tin Chỉ thị",
        True,
    )
    assert api.calls[0].method == "getMe"


@pytest.mark.asyncio
async def test_send_message_round_trip_echoes_the_inline_keyboard_and_records_decoded_params(
    api: FakeBotApi, bot: Bot
) -> None:
    api.private_message("/start")  # the user writes first (unknown chat ids work too)
    sent = await bot.send_message(1001, "Chỉ thị số 12", reply_markup=KEYBOARD, disable_notification=True)

    assert sent.text == "Chỉ thị số 12"
    assert sent.chat.id == 1001 and sent.chat.type == "private" and sent.chat.first_name == "Lan"
    assert sent.from_user is not None and sent.from_user.id == 123456
    assert sent.reply_markup == KEYBOARD
    call = api.wait_for("sendMessage")
    assert call.params["chat_id"] == 1001
    assert call.params["disable_notification"] is True
    assert call.params["reply_markup"] == KEYBOARD.to_dict()
    assert call.ok and call.response is not None and call.response["result"]["message_id"] == sent.message_id
    assert [m["message_id"] for m in api.sent_messages(1001)] == [sent.message_id]
    assert api.sent_messages(-1) == []


@pytest.mark.asyncio
async def test_a_reply_keeps_the_replied_message_and_numeric_looking_text_stays_a_string(
    api: FakeBotApi, bot: Bot
) -> None:
    question = api.private_message("Có chỉ thị mới không?")
    sent = await bot.send_message(1001, "123", reply_parameters=ReplyParameters(question["message_id"]))

    assert sent.reply_to_message is not None and sent.reply_to_message.text == "Có chỉ thị mới không?"
    assert sent.message_id == question["message_id"] + 1
    assert api.wait_for("sendMessage").params["text"] == "123"
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(1001, "x", reply_parameters=ReplyParameters(999))


@pytest.mark.asyncio
async def test_html_text_comes_back_as_plain_text_with_utf16_entities(bot: Bot) -> None:
    sent = await bot.send_message(
        1001,
        '😀 <b>Tin &amp; Chỉ thị</b> <a href="https://x.vn/?a=1&amp;b=2">đọc</a> &lt;3 &#128512;',
        parse_mode=ParseMode.HTML,
    )

    assert sent.text == "😀 Tin & Chỉ thị đọc <3 😀"
    by_type = {e.type: e for e in sent.entities}
    assert (by_type["bold"].offset, by_type["bold"].length) == (3, 13)
    assert by_type["text_link"].url == "https://x.vn/?a=1&b=2"
    assert sent.parse_entities([MessageEntity.BOLD, MessageEntity.TEXT_LINK]) == {
        by_type["bold"]: "Tin & Chỉ thị",
        by_type["text_link"]: "đọc",
    }


# --------------------------------------------------------------------------- validation


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<p>đoạn</p>", 'Unsupported start tag "p" at byte offset 0'),
        ("<b>đậm", "Can't find end tag corresponding to start tag b"),
        (
            "<b><i>x</b></i>",
            'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"',
        ),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ('<span class="red">x</span>', 'Tag "span" must have class "tg-spoiler"'),
        ("Tom & Jerry", 'Unescaped "&"'),
        ("1 &nbsp; 2", 'Unescaped "&"'),
        ("a > b", 'Unescaped ">"'),
        ("<br>", 'Unsupported start tag "br"'),
    ],
)
async def test_malformed_html_is_rejected_with_cant_parse_entities(bot: Bot, text: str, reason: str) -> None:
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities") as error:
        await bot.send_message(1001, text, parse_mode="HTML")
    # PTB drops "Bad Request: " and lowercases the rest of the description.
    assert reason.lower() in error.value.message.lower()


def test_lenient_html_keeps_bare_ampersands_and_unknown_entities_like_telegram() -> None:
    assert parse_html("Tom & Jerry > &nbsp; &amp", strict=False) == ("Tom & Jerry > &nbsp; &", [])


def test_every_tag_telegram_allows_parses_into_entities() -> None:
    text, entities = parse_html(
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike>"
        '<del>d</del><span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler><code>c</code>'
        '<pre><code class="language-python">x = 1</code></pre><blockquote>q</blockquote>'
        '<blockquote expandable>e</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
        "<a href='tg://user?id=42'>Lan</a>&quot;&#x41;"
    )
    assert text == 'bsieunskdpqcx = 1qe👍Lan"A'
    assert [e["type"] for e in entities] == [
        "bold",
        "bold",
        "italic",
        "italic",
        "underline",
        "underline",
        "strikethrough",
        "strikethrough",
        "strikethrough",
        "spoiler",
        "spoiler",
        "code",
        "pre",
        "blockquote",
        "expandable_blockquote",
        "custom_emoji",
        "text_mention",
    ]
    pre = next(e for e in entities if e["type"] == "pre")
    assert pre == {"type": "pre", "offset": 12, "length": 5, "language": "python"}
    assert entities[-1]["user"]["id"] == 42


@pytest.mark.asyncio
async def test_length_limit_counts_the_text_after_removing_tags(bot: Bot) -> None:
    visible = "ắ" * 4096
    sent = await bot.send_message(1001, f"<b>{visible}</b>", parse_mode="HTML")
    assert len(sent.text) == 4096
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(1001, visible + "!")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(1001, "<b> </b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(1001, "")


# --------------------------------------------------------------------------- editing


@pytest.mark.asyncio
async def test_edit_message_text_returns_the_edited_message_and_rejects_unchanged_content(
    api: FakeBotApi, bot: Bot
) -> None:
    sent = await bot.send_message(1001, "Đang tải…", reply_markup=KEYBOARD)

    edited = await bot.edit_message_text("<b>Xong</b>", 1001, sent.message_id, parse_mode="HTML", reply_markup=KEYBOARD)
    assert edited.text == "Xong" and edited.entities[0].type == "bold"
    assert edited.reply_markup == KEYBOARD and edited.edit_date is not None
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "<b>Xong</b>",
            1001,
            sent.message_id,
            parse_mode="HTML",
            reply_markup=KEYBOARD,
        )
    without_keyboard = await bot.edit_message_text("Xong", 1001, sent.message_id)
    assert without_keyboard.reply_markup is None
    assert api.sent_messages(1001)[0]["text"] == "Đang tải…"  # as returned by sendMessage


@pytest.mark.asyncio
async def test_editing_an_unknown_or_foreign_message_is_rejected_and_inline_edits_return_true(
    api: FakeBotApi, bot: Bot
) -> None:
    user_message = api.private_message("xin chào")
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", 1001, 4242)
    with pytest.raises(BadRequest, match=r"(?i)message can't be edited"):
        await bot.edit_message_text("x", 1001, user_message["message_id"])
    assert await bot.edit_message_text("x", inline_message_id="AgAAAB4") is True


# --------------------------------------------------------------------------- failures


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("code", "error"),
    [
        (400, BadRequest),
        (403, Forbidden),
        (409, Conflict),
        (500, NetworkError),
        (502, NetworkError),
    ],
)
async def test_an_injected_failure_raises_the_matching_ptb_error_once(
    api: FakeBotApi, bot: Bot, code: int, error: type[Exception]
) -> None:
    api.fail("sendMessage", error_code=code, description=f"Oops {code}", times=1)
    with pytest.raises(error, match=f"Oops {code}"):
        await bot.send_message(1001, "a")
    assert (await bot.send_message(1001, "b")).text == "b"
    assert [c.ok for c in api.calls_to("sendMessage")] == [False, True]


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's own, on int
async def test_a_429_failure_raises_retry_after_with_the_delay(api: FakeBotApi, bot: Bot) -> None:
    api.fail("sendMessage", error_code=429, retry_after=7)
    with pytest.raises(RetryAfter, match="Retry in 7 seconds"):
        await bot.send_message(1001, "a")
    api.fail("sendMessage", times=0)
    await bot.send_message(1001, "b")


@pytest.mark.asyncio
async def test_a_hang_up_raises_a_network_error_and_is_recorded_as_failed(api: FakeBotApi, bot: Bot) -> None:
    api.fail("sendMessage", hang_up=True, times=1)
    with pytest.raises(
        NetworkError, match=r"httpx\.RemoteProtocolError: Server disconnected without sending a response"
    ):
        await bot.send_message(1001, "a")
    assert (await bot.send_message(1001, "b")).text == "b"
    assert [c.response["ok"] for c in api.calls_to("sendMessage")] == [False, True]
    assert api.calls_to("sendMessage")[0].response == {"ok": False, "hung_up": True}
    assert [m["text"] for m in api.sent_messages(1001)] == ["b"]


@pytest.mark.asyncio
async def test_a_slow_answer_raises_timed_out(api: FakeBotApi) -> None:
    api.delay("sendMessage", 2.0, times=1)
    async with local_bot(api, read_timeout=0.2) as bot:
        started = time.monotonic()
        with pytest.raises(TimedOut):
            await bot.send_message(1001, "chậm")
        assert time.monotonic() - started < 1.5


@pytest.mark.asyncio
async def test_unknown_methods_and_wrong_tokens_are_refused_like_telegram(api: FakeBotApi, bot: Bot) -> None:
    with pytest.raises(InvalidToken, match="Not Found"):
        await bot.delete_message(1001, 1)
    assert api.calls_to("deleteMessage")[0].response == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found",
    }
    with pytest.raises(InvalidToken):
        async with local_bot(api, "999:WRONG"):
            pass


# --------------------------------------------------------------------------- updates


@pytest.mark.asyncio
async def test_get_updates_returns_a_queued_private_message_with_command_entity(api: FakeBotApi, bot: Bot) -> None:
    message = api.private_message("/tin@DirectiveNewsBot hỏi @nguyen_lan về chỉ thị")

    (update,) = await bot.get_updates(timeout=0)
    assert update.message is not None
    assert update.message.text == message["text"] and update.message.chat.id == 1001
    assert update.message.from_user.language_code == "vi"
    assert update.message.parse_entities() == {
        update.message.entities[0]: "/tin@DirectiveNewsBot",
        update.message.entities[1]: "@nguyen_lan",
    }
    assert [e.type for e in update.message.entities] == ["bot_command", "mention"]


@pytest.mark.asyncio
async def test_a_message_on_behalf_of_a_chat_comes_from_telegrams_anonymous_admin_or_channel_bot(
    api: FakeBotApi, bot: Bot
) -> None:
    group = {"id": -100500, "type": "supergroup", "title": "Nhóm"}
    api.group_message("/ask một", chat_id=-100500, sender_chat=group)
    api.group_message("/ask hai", chat_id=-100500, sender_chat={"id": -100900, "type": "channel", "title": "Kênh"})

    admin, channel = await bot.get_updates(timeout=0)
    assert (admin.message.from_user.id, admin.message.sender_chat.id) == (1087968824, -100500)
    assert (channel.message.from_user.id, channel.message.sender_chat.id) == (136817688, -100900)


def test_entities_are_counted_in_utf16_code_units_and_skip_emails_and_short_names() -> None:
    assert find_entities("👍🏻 @nguyen_lan") == [{"type": "mention", "offset": 5, "length": 11}]
    assert find_entities("mail lan@example.vn, @ab, /cmd/x, a/b") == []
    assert find_entities("Gõ /help hoặc /start") == [
        {"type": "bot_command", "offset": 3, "length": 5},
        {"type": "bot_command", "offset": 14, "length": 6},
    ]


@pytest.mark.asyncio
async def test_get_updates_honours_offset_and_limit(api: FakeBotApi, bot: Bot) -> None:
    api.private_message("một")
    for n in range(3):
        api.group_message(f"tin {n}")
    raw_id = api.add_update({"my_chat_member": MY_CHAT_MEMBER})

    batch = await bot.get_updates(limit=2)
    assert [u.effective_message.text for u in batch] == ["một", "tin 0"]
    assert batch[1].effective_chat.type == "supergroup"
    rest = await bot.get_updates(offset=batch[-1].update_id + 1)
    assert [u.effective_message.text for u in rest[:2]] == ["tin 1", "tin 2"]
    assert rest[2].update_id == raw_id and rest[2].my_chat_member.new_chat_member.status == "member"
    assert await bot.get_updates(offset=raw_id + 1) == ()
    assert await bot.get_updates() == ()  # confirmed updates are gone


@pytest.mark.asyncio
async def test_a_long_poll_returns_empty_after_roughly_the_timeout(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert 0.9 <= time.monotonic() - started < 1.8


@pytest.mark.asyncio
async def test_a_long_poll_returns_as_soon_as_an_update_arrives(api: FakeBotApi, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.2)
    started = time.monotonic()
    api.private_message("có tin mới")
    (update,) = await asyncio.wait_for(poll, 3)
    assert update.message.text == "có tin mới"
    assert time.monotonic() - started < 1.0


@pytest.mark.asyncio
async def test_stop_releases_a_waiting_long_poll_quickly(api: FakeBotApi, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await asyncio.sleep(0.2)
    started = time.monotonic()
    await asyncio.to_thread(api.stop)
    result = await asyncio.gather(asyncio.wait_for(poll, 3), return_exceptions=True)
    assert result[0] == () or isinstance(result[0], NetworkError)
    assert time.monotonic() - started < 2.0


@pytest.mark.asyncio
async def test_a_second_poller_ends_the_first_with_conflict(api: FakeBotApi, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    async with local_bot(api) as other:
        await other.get_updates(timeout=0)
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await asyncio.wait_for(first, 3)


@pytest.mark.asyncio
async def test_forum_topic_messages_carry_the_thread_and_the_bot_can_answer_in_it(api: FakeBotApi, bot: Bot) -> None:
    message = api.group_message("/tin@DirectiveNewsBot", thread_id=77)
    assert message["is_topic_message"] and message["message_thread_id"] == 77
    assert message["chat"] == {
        "id": -100500,
        "type": "supergroup",
        "title": "Nhóm thử nghiệm",
        "is_forum": True,
    }
    assert message["reply_to_message"]["forum_topic_created"]["name"] == "Topic 77"

    (update,) = await bot.get_updates()
    assert update.effective_chat.is_forum and update.message.message_thread_id == 77
    sent = await bot.send_message(-100500, "Đây", message_thread_id=77)
    assert sent.message_thread_id == 77 and sent.is_topic_message


@pytest.mark.asyncio
async def test_callback_and_inline_queries_can_be_answered_once(api: FakeBotApi, bot: Bot) -> None:
    sent = await bot.send_message(1001, "Chọn", reply_markup=KEYBOARD)
    callback_id = api.callback_query(api.sent_messages(1001)[-1], "more:1")
    inline_id = api.inline_query("chỉ thị 12")

    callback_update, inline_update = await bot.get_updates()
    assert callback_update.callback_query.data == "more:1"
    assert callback_update.callback_query.message.message_id == sent.message_id
    assert inline_update.inline_query.query == "chỉ thị 12"

    assert await bot.answer_callback_query(callback_id, "Đã nhận") is True
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(callback_id)
    result = InlineQueryResultArticle("1", "Chỉ thị 12", InputTextMessageContent("<b>12</b>", parse_mode="HTML"))
    assert await bot.answer_inline_query(inline_id, [result]) is True
    assert api.wait_for("answerInlineQuery").params["results"][0]["id"] == "1"


@pytest.mark.asyncio
async def test_commands_webhook_and_misc_methods_answer_like_telegram(api: FakeBotApi, bot: Bot) -> None:
    commands = [BotCommand("start", "Bắt đầu"), BotCommand("tin", "Tin chỉ thị mới")]
    assert await bot.set_my_commands(commands) is True
    assert await bot.get_my_commands() == tuple(commands)
    assert api.calls_to("setMyCommands")[0].params["commands"][1] == {
        "command": "tin",
        "description": "Tin chỉ thị mới",
    }
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Start", "viết hoa")])
    assert await bot.delete_my_commands() is True
    assert await bot.get_my_commands() == ()

    assert await bot.send_chat_action(1001, "typing") is True
    assert await bot.set_my_description("Bot tin chỉ thị") is True
    assert await bot.set_my_short_description("Tin chỉ thị") is True

    api.private_message("đang chờ")
    assert await bot.set_webhook("https://example.vn/hook") is True
    assert (await bot.get_webhook_info()).url == "https://example.vn/hook"
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    assert await bot.delete_webhook(drop_pending_updates=True) is True
    assert (await bot.get_webhook_info()).pending_update_count == 0
    assert await bot.close() is True and await bot.log_out() is True


@pytest.mark.asyncio
async def test_a_document_sent_to_the_bot_is_fetched_with_get_file_and_downloaded(api: FakeBotApi) -> None:
    content = "Tiêu đề (09:00 10/10/2022)\n\nNội dung.\n".encode()
    message = api.private_document(content, "bài mới.txt", user_id=7, mime_type="text/plain")
    document = message["document"]
    assert (document["file_name"], document["file_size"], document["mime_type"]) == (
        "bài mới.txt",
        len(content),
        "text/plain",
    )
    bot = Bot(api.token, base_url=api.base_url, base_file_url=api.base_url.removesuffix("bot") + "file/bot")
    async with bot:
        (update,) = await bot.get_updates()
        assert update.message.document.file_id == document["file_id"]
        file = await bot.get_file(document["file_id"])
        assert file.file_size == len(content)
        assert bytes(await file.download_as_bytearray()) == content
        with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
            await bot.get_file("nope")
    big = api.private_document(b"x", "lon.jsonl", file_size=30 * 2**20)
    assert big["document"]["file_size"] == 30 * 2**20  # only the size reported changes


def test_wait_for_times_out_with_a_readable_summary_of_recent_calls(
    api: FakeBotApi,
) -> None:
    api.fail("sendMessage", error_code=400, description="Bad Request: chat not found")
    request = urllib.request.Request(
        f"{api.base_url}{api.token}/sendMessage",
        data=b"chat_id=5&text=hello",
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=5)
    mark = api.mark()
    assert mark == 1
    with pytest.raises(AssertionError) as error:
        api.wait_for("sendMessage", timeout=0.2)  # rejected calls do not count as sent
    summary = str(error.value)
    assert "no matching sendMessage call within 0.2s" in summary
    assert "sendMessage {'chat_id': 5, 'text': 'hello'} -> 400 Bad Request: chat not found" in summary
    assert api.wait_for("sendMessage", ok=False, timeout=0.1).params["chat_id"] == 5
    with pytest.raises(AssertionError):
        api.wait_for("sendMessage", ok=None, timeout=0.1, after=mark)


# --------------------------------------------------------------------------- a whole bot


@pytest.mark.asyncio
async def test_a_ptb_application_polls_the_fake_and_answers_a_command_and_a_button(
    api: FakeBotApi,
) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text("Chào <b>bạn</b>", parse_mode="HTML", reply_markup=KEYBOARD)

    async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer()
        await update.callback_query.edit_message_text(f"Bạn chọn {update.callback_query.data}")

    app = Application.builder().token(api.token).base_url(api.base_url).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(button))
    async with app:
        await app.start()
        await app.updater.start_polling(timeout=1, poll_interval=0)
        api.private_message("/start")
        greeting = await asyncio.to_thread(api.wait_for, "sendMessage", timeout=5)
        assert greeting.ok and greeting.response["result"]["text"] == "Chào bạn"

        mark = api.mark()
        api.callback_query(api.sent_messages(1001)[-1], "skip")
        edit = await asyncio.to_thread(api.wait_for, "editMessageText", timeout=5, after=mark)
        assert edit.params["text"] == "Bạn chọn skip" and edit.ok
        assert api.calls_to("answerCallbackQuery")[-1].ok
        await app.updater.stop()
        await app.stop()
