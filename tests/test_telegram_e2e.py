"""The bot end to end: `python -m bot` against a local server speaking the Telegram Bot API."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.fake_bot_api import ApiCall, FakeBotApi, post_to_webhook
from tests.pages_server import ARTICLE, pages_server

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"
TOKEN = "123456:TEST-TOKEN-abcdefghijklmno"
ADMIN = 4242
SEED_TITLE = "Đảng ủy Khối các cơ quan TP Hà Nội sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"
NEW_ARTICLE = """Bình Dương sơ kết Chỉ thị 05 về học tập và làm theo Bác (09:00 10/10/2022)

BDO - Sáng 10/10, Tỉnh ủy Bình Dương tổ chức hội nghị sơ kết Chỉ thị 05-CT/TW.

Tới dự có Bí thư Tỉnh ủy Võ Văn Minh.
"""


class RunningBot:
    """A `python -m bot` process talking to a FakeBotApi, with helpers to talk to it."""

    def __init__(self, api: FakeBotApi, process: subprocess.Popen[str], corpus: Path) -> None:
        self.api = api
        self.process = process
        self.corpus = corpus
        self.output = ""  # everything the process printed, once it has stopped

    def reply_to(
        self, send: callable, *, method: str = "sendMessage", timeout: float = 30.0, **match: object
    ) -> ApiCall:
        """Queue an update with `send()` and wait for the bot's next `method` call into that chat."""
        mark = self.api.mark()
        sent = send()
        chat_id = sent["chat"]["id"] if isinstance(sent, dict) and "chat" in sent else None

        def wanted(call: ApiCall) -> bool:
            in_chat = chat_id is None or str(call.params.get("chat_id")) == str(chat_id)
            return in_chat and all(predicate(call) for predicate in match.values())

        return self.api.wait_for(method, wanted, after=mark, timeout=timeout)

    def ask(self, text: str, **kwargs: object) -> ApiCall:
        return self.reply_to(lambda: self.api.private_message(text, **kwargs))

    def silent_for(self, seconds: float, after: int, chat_id: int) -> list[ApiCall]:
        """What the bot sent into a chat during the next `seconds`."""
        time.sleep(seconds)
        return [c for c in self.api.calls[after:] if str(c.params.get("chat_id")) == str(chat_id)]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bot_environment(tmp_path: Path, corpus_files: list[Path], base_url: str, **env: str) -> dict[str, str]:
    """The environment `python -m bot` runs with: these articles copied under tmp_path, this Bot API server."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for source in corpus_files:
        shutil.copy(source, corpus / source.name)
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "CORPUS_", "CACHE_", "ADMIN_"))
    }
    environment.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=base_url,
        CORPUS_DIR=str(corpus),
        CACHE_DIR=str(tmp_path / "cache"),
        ADMIN_IDS=str(ADMIN),
        QUESTIONS_PER_MINUTE="1000",
        WORKERS="1",
    )
    environment.update(env)
    return environment


@contextmanager
def running_bot(
    tmp_path: Path, corpus_files: list[Path], ready: str = "getUpdates", api_down_for: float = 0, **env: str
) -> Iterator[RunningBot]:
    """Start the bot the way `python -m bot` does, pointed at a fresh fake Bot API server.

    It is serving once it calls `ready` (getUpdates when polling, setWebhook for a webhook). With
    `api_down_for`, the server starts only that many seconds after the bot has built its index.
    """
    api = FakeBotApi(TOKEN)
    port = _free_port()
    if not api_down_for:
        api.start(port)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=bot_environment(tmp_path, corpus_files, f"http://127.0.0.1:{port}/bot", **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    bot = RunningBot(api, process, tmp_path / "corpus")
    early = ""  # what was read while waiting for the index
    try:
        if api_down_for:
            while " serving " not in (line := process.stdout.readline()) and line:
                early += line
            time.sleep(api_down_for)
            api.start(port)
        api.wait_for(ready, timeout=120, ok=None)
        yield bot
    finally:
        process.send_signal(signal.SIGINT)
        try:
            bot.output = early + process.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            bot.output = early + process.communicate()[0]
        api.stop()


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The local web server of test pages (its 127.0.0.1 is allowed to the bots below)."""
    with pages_server() as base:
        yield base


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> Iterator[RunningBot]:
    """One bot over the seed and the fixture articles, for the scenarios that change nothing."""
    with running_bot(
        tmp_path_factory.mktemp("bot"), [*SHIPPED.iterdir(), *FIXTURES.iterdir()], LINK_ALLOWED_HOSTS="127.0.0.1"
    ) as running:
        yield running
    assert TOKEN not in running.output


def text_of(call: ApiCall) -> str:
    return call.response["result"]["text"]  # what Telegram shows: tags gone, entities decoded


# --- private chats ------------------------------------------------------------------------


def test_a_private_question_is_answered_with_the_sentence_title_and_date(bot):
    call = bot.ask("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", user_id=2001)
    assert call.params["parse_mode"] == "HTML"
    shown = text_of(call)
    assert shown.startswith("Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.")
    assert SEED_TITLE in shown and "HNP" in shown and "02/04/2021" in shown
    assert call.params["link_preview_options"] == {"is_disabled": True}
    assert "reply_parameters" not in call.params


def test_a_question_typed_without_diacritics_gets_the_same_answer(bot):
    call = bot.ask("ai toi du hoi nghi so ket 5 nam thuc hien chi thi 05", user_id=2002)
    assert text_of(call).startswith("Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.")


def test_an_answer_citing_a_link_previews_that_link_only(bot):
    call = bot.ask("Quảng Ninh đặt mục tiêu đón bao nhiêu lượt khách?", user_id=2003)
    assert text_of(call).startswith("Tỉnh đặt mục tiêu đón 20 triệu lượt khách vào năm 2025.")
    assert call.params["link_preview_options"]["url"] == "https://example.vn/quang-ninh-du-lich?id=1&lang=vi"


def test_start_and_help_explain_what_the_bot_knows_in_vietnamese(bot):
    for command in ("/start", "/help"):
        shown = text_of(bot.ask(command, user_id=2004))
        assert "Kho hiện có 5 bài viết, đăng từ 05/06/2019 đến 12/03/2023." in shown
        # Examples drawn from the articles served (three, about three articles), each one the bot answers.
        assert "Ví dụ:\n" + "\n".join(f"• {e}" for e in served_examples(bot)) + "\n\n" in shown
        assert "/ask câu hỏi" in shown and "@DirectiveNewsBot" in shown


def served_examples(bot: RunningBot) -> tuple[str, ...]:
    """The examples the bot's library draws from its corpus (the same cache, the same questions)."""
    from bot.service import Library

    examples = Library.open([bot.corpus], bot.corpus.parent / "cache").examples
    assert len(examples) == 3
    return examples


def test_every_example_in_help_gets_a_sure_answer(bot):
    for example in served_examples(bot):
        shown = text_of(bot.ask(example, user_id=2015))
        assert "📰" in shown and not shown.startswith(("Tôi chưa tìm được", "Xin lỗi"))


def test_the_command_menu_is_registered_in_vietnamese_with_admin_commands_for_admins_only(bot):
    everyone, admin = bot.api.calls_to("setMyCommands")
    assert "scope" not in everyone.params
    assert [c["command"] for c in everyone.params["commands"]] == ["start", "help", "ask", "vanban", "moi"]
    assert everyone.params["commands"][0]["description"] == "Giới thiệu bot và kho bài viết"
    assert admin.params["scope"] == {"type": "chat", "chat_id": ADMIN}
    assert [c["command"] for c in admin.params["commands"]] == [
        "start",
        "help",
        "ask",
        "vanban",
        "moi",
        "reload",
        "stats",
        "them",
        "xoa",
        "hoantac",
        "nhatky",
    ]


def test_an_unrelated_question_is_declined(bot):
    shown = text_of(bot.ask("Giá vàng hôm nay bao nhiêu?", user_id=2005))
    assert shown.startswith("Xin lỗi, tôi không tìm thấy thông tin trả lời câu hỏi này trong kho bài viết.")


def test_an_unsure_answer_says_so_and_lists_the_closest_articles(bot):
    call = bot.ask("Ai tới dự hội nghị sơ kết Chỉ thị 05 năm 2024?", user_id=2013)  # the article is from 2021
    shown = text_of(call)
    assert shown.startswith("Tôi chưa tìm được câu trả lời chắc chắn. Các bài viết gần nhất với câu hỏi:\n\n1. 📰 ")
    assert SEED_TITLE in shown and "Nguồn: HNP · 15:30 02/04/2021" in shown
    assert "Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong." in shown
    assert "<b>Nguyễn Văn Phong</b>" not in call.params["text"]  # nothing is presented as the answer


def test_an_unsure_inline_answer_offers_the_list_not_a_sentence(bot):
    mark = bot.api.mark()
    bot.api.inline_query("Ai tới dự hội nghị sơ kết Chỉ thị 05 năm 2024?", user_id=2014)
    call = bot.api.wait_for("answerInlineQuery", after=mark)
    (result,) = call.params["results"]
    assert result["title"] == "Chưa có câu trả lời chắc chắn"
    assert result["input_message_content"]["message_text"].startswith("Tôi chưa tìm được câu trả lời chắc chắn.")


def test_a_question_full_of_markup_characters_is_answered_as_valid_html(bot):
    call = bot.ask("<b>Ai</b> tới dự hội nghị & sơ kết <Chỉ thị 05> ?? <<>> &amp;", user_id=2006)
    assert call.ok  # the fake rejects malformed HTML as Telegram does
    assert text_of(call).startswith("Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.")


def test_a_4000_character_question_gets_a_short_clear_message(bot):
    shown = text_of(bot.ask("hội nghị sơ kết chỉ thị " * 167, user_id=2007))
    assert shown.startswith("Câu hỏi dài quá (tối đa 500 ký tự).")


def test_a_photo_or_an_unknown_command_gets_a_hint(bot):
    assert text_of(bot.ask("/lenhla", user_id=2008)).startswith("Tôi không biết lệnh này. Gõ /help")
    mark = bot.api.mark()
    user = {"id": 2008, "is_bot": False, "first_name": "Lan"}
    photo = {"file_id": "p", "file_unique_id": "p", "width": 10, "height": 10}
    chat = {"id": 2008, "type": "private", "first_name": "Lan"}
    bot.api.add_update(
        {"message": {"message_id": 900, "date": int(time.time()), "chat": chat, "from": user, "photo": [photo]}}
    )
    call = bot.api.wait_for("sendMessage", after=mark, predicate=lambda c: "dạng chữ" in c.params["text"])
    assert text_of(call).startswith("Tôi chỉ đọc được câu hỏi dạng chữ.")


# --- groups -------------------------------------------------------------------------------


def test_group_chatter_is_ignored(bot):
    mark = bot.api.mark()
    bot.api.group_message("Chiều nay họp lúc mấy giờ nhỉ?", chat_id=-3001)
    bot.api.group_message("Ai tới dự hội nghị sơ kết Chỉ thị 05?", chat_id=-3001)
    assert bot.silent_for(2.0, mark, -3001) == []


def test_group_ask_command_is_answered_as_a_reply(bot):
    asked = {}

    def send() -> dict:
        asked.update(bot.api.group_message("/ask bao nhiêu tập thể được tặng Bằng khen?", chat_id=-3002))
        return asked

    call = bot.reply_to(send)
    assert call.params["reply_parameters"]["message_id"] == asked["message_id"]
    assert "10 tập thể" in text_of(call)


def test_group_ask_addressed_to_the_bot_by_name_is_answered(bot):
    call = bot.reply_to(
        lambda: bot.api.group_message("/ask@DirectiveNewsBot ai toi du hoi nghi so ket chi thi 05", chat_id=-3003)
    )
    assert text_of(call).startswith("Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.")


def test_group_ask_without_a_question_explains_how_to_use_it(bot):
    call = bot.reply_to(lambda: bot.api.group_message("/ask", chat_id=-3004))
    assert text_of(call).startswith("Hãy gõ câu hỏi ngay sau lệnh, ví dụ:")


def test_a_group_message_mentioning_the_bot_is_answered_as_a_reply(bot):
    asked = {}

    def send() -> dict:
        asked.update(
            bot.api.group_message("@DirectiveNewsBot Ai chủ trì hội nghị tổng kết Nghị quyết 35?", chat_id=-3005)
        )
        return asked

    call = bot.reply_to(send)
    assert call.params["reply_parameters"]["message_id"] == asked["message_id"]
    assert text_of(call).startswith("Đồng chí Trần Văn Nam, Phó Chủ tịch UBND thành phố chủ trì hội nghị.")


def test_a_reply_to_the_bots_own_message_is_answered(bot):
    first = bot.reply_to(lambda: bot.api.group_message("/ask Ai chủ trì hội nghị tổng kết NQ 35?", chat_id=-3006))
    bots_message = first.response["result"]
    follow_up = bot.reply_to(
        lambda: bot.api.group_message("Hội nghị đó diễn ra ở đâu?", chat_id=-3006, reply_to=bots_message)
    )
    assert "Cung Văn hóa Hữu nghị Việt Xô" in text_of(follow_up).split("\n")[0]


def test_a_follow_up_replying_to_an_answer_is_read_with_the_question_it_answered(bot):
    first = bot.reply_to(
        lambda: bot.api.group_message("/ask Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", chat_id=-3007)
    )
    assert text_of(first).startswith("Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.")
    follow_up = bot.reply_to(
        lambda: bot.api.group_message(
            "thế còn bao nhiêu tập thể được khen?", chat_id=-3007, reply_to=first.response["result"]
        )
    )
    # Alone, the follow-up names no event: it is answered from the directive the first question was about.
    assert text_of(follow_up).startswith("Nhân dịp này, Ban Thường vụ Thành ủy đã tặng Bằng khen cho 10 tập thể")


def test_the_same_follow_up_without_its_question_is_not_answered_from_that_article(bot):
    alone = text_of(bot.ask("thế còn bao nhiêu tập thể được khen?", user_id=2016))
    assert not alone.startswith("Nhân dịp này, Ban Thường vụ Thành ủy đã tặng Bằng khen cho 10 tập thể")


def test_a_message_opening_with_con_continues_the_chats_last_question(bot):
    bot.ask("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", user_id=2017)
    shown = text_of(bot.ask("còn bao nhiêu tập thể được khen?", user_id=2017))
    assert shown.startswith("Nhân dịp này, Ban Thường vụ Thành ủy đã tặng Bằng khen cho 10 tập thể")


def test_a_follow_up_sent_while_the_answer_is_still_on_its_way_continues_it(bot):
    # Telegram confirms the first answer only after 3 s: "còn …", typed meanwhile, is read with it.
    bot.api.delay("sendMessage", 3.0, times=1)
    mark = bot.api.mark()
    bot.api.private_message("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", user_id=2031)
    bot.api.wait_for("sendChatAction", after=mark)
    time.sleep(1.5)
    bot.api.private_message("còn bao nhiêu tập thể được khen?", user_id=2031)

    def in_chat(call: ApiCall) -> bool:
        return str(call.params.get("chat_id")) == "2031"

    first = bot.api.wait_for("sendMessage", in_chat, after=mark)
    second = bot.api.wait_for("sendMessage", in_chat, after=bot.api.calls.index(first) + 1)
    replies = sorted(text_of(call) for call in (first, second))
    assert replies[0].startswith("Nhân dịp này, Ban Thường vụ Thành ủy đã tặng Bằng khen cho 10 tập thể")
    assert replies[1].startswith("Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.")


def test_an_answer_in_a_forum_topic_stays_in_that_topic(bot):
    call = bot.reply_to(
        lambda: bot.api.group_message("/ask bao nhiêu tập thể được tặng Bằng khen?", chat_id=-3007, thread_id=77)
    )
    assert call.params["message_thread_id"] == 77


# --- inline mode and more results ---------------------------------------------------------


def test_an_inline_query_offers_answers_to_send_personally_and_briefly_cached(bot):
    mark = bot.api.mark()
    bot.api.inline_query("ai toi du hoi nghi so ket chi thi 05", user_id=2010)
    call = bot.api.wait_for("answerInlineQuery", after=mark)
    assert call.params["is_personal"] is True and call.params["cache_time"] <= 30
    first = call.params["results"][0]
    assert first["title"] == SEED_TITLE
    assert first["description"].startswith("Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.")
    assert "(15:30 02/04/2021)" in first["description"]
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML" and "Nguồn: HNP · 15:30 02/04/2021" in content["message_text"]


def test_the_more_results_button_shows_the_next_answers_and_back(bot):
    answer = bot.ask("hội nghị sơ kết thực hiện chỉ thị nghị quyết", user_id=2011)
    markup = answer.params["reply_markup"]
    (button,) = markup["inline_keyboard"][0]
    assert button["text"] == "Xem thêm kết quả ▸"
    assert len(button["callback_data"].encode()) <= 64
    message = answer.response["result"]

    mark = bot.api.mark()
    bot.api.callback_query(message, button["callback_data"], user_id=2011)
    edited = bot.api.wait_for("editMessageText", after=mark)
    bot.api.wait_for("answerCallbackQuery", after=mark)
    assert edited.params["text"].startswith("<b>Kết quả khác</b> (2/")
    assert edited.params["text"].count("📰") == 2
    labels = [b["text"] for b in edited.params["reply_markup"]["inline_keyboard"][0]]
    assert labels[0] == "◂ Trước"

    mark = bot.api.mark()
    bot.api.callback_query(
        edited.response["result"], edited.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    )
    back = bot.api.wait_for("editMessageText", after=mark)
    assert back.params["text"] == answer.params["text"]


def test_an_expired_more_results_button_says_so(bot):
    answer = bot.ask("hội nghị sơ kết thực hiện chỉ thị nghị quyết", user_id=2012)
    mark = bot.api.mark()
    bot.api.callback_query(answer.response["result"], "more:gone000:1", user_id=2012)
    call = bot.api.wait_for("answerCallbackQuery", after=mark)
    assert call.params["text"] == "Kết quả này đã hết hạn. Bạn hãy hỏi lại nhé." and call.params["show_alert"] is True
    assert bot.api.calls_to("editMessageText") == [] or all(
        c.time < call.time for c in bot.api.calls_to("editMessageText")
    )


def test_a_button_the_bot_does_not_know_is_answered_so_that_it_stops_spinning(bot):
    answer = bot.ask("hội nghị sơ kết thực hiện chỉ thị nghị quyết", user_id=2016)
    mark = bot.api.mark()
    bot.api.callback_query(answer.response["result"], "khac:1", user_id=2016)
    call = bot.api.wait_for("answerCallbackQuery", after=mark)
    assert call.params["text"] == "Kết quả này đã hết hạn. Bạn hãy hỏi lại nhé." and call.params["show_alert"] is True


def test_an_edited_ask_is_not_answered_again(bot):
    asked = {}

    def send() -> dict:
        asked.update(bot.api.group_message("/ask Ai tới dự hội nghị sơ kết Chỉ thị 05?", chat_id=-3010))
        return asked

    assert text_of(bot.reply_to(send)).startswith("Tới dự có Phó Bí thư")
    mark = bot.api.mark()
    bot.api.edit_message(asked, "/ask bao nhiêu tập thể được tặng Bằng khen?")
    assert bot.silent_for(2.0, mark, -3010) == []


# --- admin commands -----------------------------------------------------------------------


def test_admin_commands_from_anyone_else_are_politely_refused(bot):
    for command in ("/reload", "/stats", "/them https://example.vn/a", "/xoa vn-001", "/hoantac", "/nhatky"):
        assert text_of(bot.ask(command, user_id=2013)) == "Xin lỗi, lệnh này chỉ dành cho quản trị viên."


def test_stats_tell_an_admin_what_is_served_in_vietnam_time_and_what_went_unanswered(bot):
    bot.ask("Lịch thi đấu bóng đá <U23> tối nay?", user_id=2014)
    call = bot.ask("/stats", user_id=ADMIN)
    shown = text_of(call)
    assert call.params["parse_mode"] == "HTML"
    assert shown.startswith("Bài viết: 5; đoạn: ")
    assert re.search(r"^Nạp lần cuối: \d\d:\d\d \d\d/\d\d/\d{4} \(giờ Việt Nam\)$", shown, re.MULTILINE)
    for line in ("• trả lời được: ", "• chưa chắc chắn: ", "• không tìm thấy: ", "Đang nạp lại: không"):
        assert line in shown
    assert "câu hỏi không tìm thấy câu trả lời gần nhất:\n• Lịch thi đấu bóng đá <U23> tối nay?" in shown
    assert "2014" not in shown  # no user ids


def test_a_broken_file_from_an_admin_is_refused_with_the_reasons_and_nothing_is_written(bot):
    broken = b'{"title": "Thi\xe1\xba\xbfu n\xe1\xbb\x99i dung"}\n{h\xe1\xbb\x8fng\n'
    call = bot.reply_to(lambda: bot.api.private_document(broken, "tin <moi>.jsonl", user_id=ADMIN))
    assert text_of(call) == (
        "Không thêm được tệp «tin <moi>.jsonl»: tệp không có bài viết mới nào đọc được.\n"
        "• dòng 1: không có nội dung (text)\n"
        "• dòng 2: JSON hỏng (Expecting property name enclosed in double quotes, cột 2)\n"
        "Chưa có gì được ghi vào kho."
    )
    assert not (bot.corpus / "uploads").exists()


def test_removing_an_article_that_is_not_served_says_so(bot):
    assert text_of(bot.ask("/xoa", user_id=ADMIN)).startswith(
        "Gõ /xoa kèm mã một bài đang có trong kho, ví dụ /xoa vn-001"
    )
    assert text_of(bot.ask("/xoa <vn-999>", user_id=ADMIN)) == "Không có bài nào mã «<vn-999>» trong kho."
    assert not (bot.corpus / ".trash").exists()


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/chinh-tri", "trang quá ít chữ để là một bài viết (có thể là trang danh sách hoặc trang chủ)"),
        ("/khong-co", "trang trả về mã lỗi 404"),
        ("/lon", "trang lớn quá (tối đa 5 MB)"),
        ("/vao-noi-bo", "localhost là địa chỉ nội bộ (127.0.0.1); bot chỉ lấy trang trên Internet"),
    ],
)
def test_a_link_that_is_no_article_page_is_refused_with_the_reason(bot, site, path, reason):
    shown = text_of(bot.ask(f"/them {site}{path}", user_id=ADMIN))
    assert shown == f"Không thêm được bài từ liên kết: {reason}.\nChưa có gì được ghi vào kho."
    assert not (bot.corpus / "uploads").exists()


def test_a_bare_link_is_added_for_an_admin_and_asked_as_a_question_for_anyone_else(bot, site):
    refused = bot.ask(f"{site}/chinh-tri", user_id=ADMIN)
    assert text_of(refused).startswith("Không thêm được bài từ liên kết: trang quá ít chữ")
    asked = bot.ask(f"{site}/chinh-tri", user_id=2019)
    assert text_of(asked).startswith("Xin lỗi, tôi không tìm thấy thông tin trả lời câu hỏi này trong kho bài viết.")


def test_a_too_large_file_is_refused_before_it_is_downloaded(bot):
    mark = bot.api.mark()
    big = b"x" * (10 * 2**20 + 1)
    call = bot.reply_to(lambda: bot.api.private_document(big, "kho.jsonl", user_id=ADMIN))
    assert text_of(call) == (
        "Không thêm được tệp «kho.jsonl»: tệp lớn quá (10,0 MB; tối đa 10 MB).\nChưa có gì được ghi vào kho."
    )
    assert [c for c in bot.api.calls[mark:] if c.method == "getFile"] == []
    assert not (bot.corpus / "uploads").exists()


def test_a_file_from_anyone_else_gets_the_usual_hint_and_is_neither_fetched_nor_written(bot):
    mark = bot.api.mark()
    call = bot.reply_to(lambda: bot.api.private_document(NEW_ARTICLE.encode(), "bai.txt", user_id=2018))
    assert text_of(call).startswith("Tôi chỉ đọc được câu hỏi dạng chữ.")
    assert [c for c in bot.api.calls[mark:] if c.method == "getFile"] == []
    assert not (bot.corpus / "uploads").exists()


# --- bots of their own: reload, failures, flood control -----------------------------------


def removal_folder(bot: RunningBot) -> Path:
    (folder,) = (bot.corpus / ".trash").iterdir()
    return folder


def test_an_admin_adds_articles_by_upload_and_link_they_are_answered_from_removed_and_restored(tmp_path, site):
    with running_bot(tmp_path, [*SHIPPED.iterdir(), *FIXTURES.iterdir()], LINK_ALLOWED_HOSTS="127.0.0.1") as bot:
        document = {}

        def send() -> dict:
            document.update(bot.api.private_document(NEW_ARTICLE.encode(), "Bình Dương.txt", user_id=ADMIN))
            return document

        added = bot.reply_to(send, timeout=120)
        (stored,) = (bot.corpus / "uploads").iterdir()
        assert stored.read_text(encoding="utf-8") == NEW_ARTICLE and stored.name.startswith("tai-len-")
        assert text_of(added) == (
            "Đã thêm 1 bài từ tệp «Bình Dương.txt»:\n"
            f"• Bình Dương sơ kết Chỉ thị 05 về học tập và làm theo Bác (09:00 10/10/2022) · mã {stored.stem}\n"
            "Kho hiện có 6 bài."
        )
        answer = bot.ask("Ai dự hội nghị sơ kết Chỉ thị 05 của Tỉnh ủy Bình Dương?", user_id=2104)
        assert text_of(answer).startswith("Tới dự có Bí thư Tỉnh ủy Võ Văn Minh.")
        again = bot.reply_to(lambda: bot.api.private_document(NEW_ARTICLE.encode(), "lai.txt", user_id=ADMIN))
        assert text_of(again).startswith("Không thêm được tệp «lai.txt»: tệp không có bài viết mới nào đọc được.")
        assert len(list((bot.corpus / "uploads").iterdir())) == 1

        linked = bot.reply_to(lambda: bot.api.private_message(f"/them {site}/bai-moi", user_id=ADMIN), timeout=120)
        (from_link,) = (bot.corpus / "uploads").glob("lien-ket-*.jsonl")
        assert text_of(linked) == (
            "Đã thêm bài từ liên kết:\n"
            "📰 Đà Nẵng sơ kết 2 năm thực hiện Chỉ thị 05 về học tập và làm theo Bác\n"
            "Nguồn: Báo Đà Nẵng · 18/05/2023\n"
            f"Mã bài: {from_link.stem}-1 · kho hiện có 7 bài."
        )
        assert json.loads(from_link.read_text(encoding="utf-8"))["url"] == site + ARTICLE
        answer = bot.ask("Ai chủ trì hội nghị sơ kết Chỉ thị 05 của Thành ủy Đà Nẵng?", user_id=2104)
        assert text_of(answer).startswith("Bí thư Thành ủy Nguyễn Văn Quảng chủ trì hội nghị.")

        removed = bot.reply_to(lambda: bot.api.private_message(f"/xoa {stored.stem}", user_id=ADMIN), timeout=120)
        assert text_of(removed) == (
            "Đã xoá bài «Bình Dương sơ kết Chỉ thị 05 về học tập và làm theo Bác» "
            f"(mã {stored.stem}) khỏi kho; bài được cất vào thùng rác, gõ /hoantac để khôi phục.\n"
            "Kho hiện có 6 bài."
        )
        assert not stored.exists() and len(list((bot.corpus / ".trash").glob(f"*/{stored.name}"))) == 1
        gone = bot.ask("Ai dự hội nghị sơ kết Chỉ thị 05 của Tỉnh ủy Bình Dương?", user_id=2104)
        assert "Bình Dương" not in text_of(gone) and "Võ Văn Minh" not in text_of(gone)

        restored = bot.reply_to(lambda: bot.api.private_message("/hoantac", user_id=ADMIN), timeout=120)
        assert text_of(restored) == (
            "Đã khôi phục bài «Bình Dương sơ kết Chỉ thị 05 về học tập và làm theo Bác» "
            f"(mã {stored.stem}).\nKho hiện có 7 bài."
        )
        assert stored.read_text(encoding="utf-8") == NEW_ARTICLE
        back = bot.ask("Ai dự hội nghị sơ kết Chỉ thị 05 của Tỉnh ủy Bình Dương?", user_id=2104)
        assert text_of(back).startswith("Tới dự có Bí thư Tỉnh ủy Võ Văn Minh.")
        nothing = bot.ask("/hoantac", user_id=ADMIN)
        assert text_of(nothing) == "Không hoàn tác được: không có lần xoá nào để hoàn tác."

        journal = text_of(bot.ask("/nhatky", user_id=ADMIN)).split("\n")
        assert journal[0] == "Thao tác gần nhất của quản trị viên (mới nhất trước):"
        assert re.fullmatch(r"• \d\d:\d\d \d\d/\d\d/\d{4} · Lan \(4242\) · /hoantac", journal[1])
        assert [line for line in journal if line.startswith("  ")] == [
            "  ❌ không có lần xoá nào để hoàn tác",
            f"  ✅ khôi phục {stored.stem} về uploads/{stored.name}",
            f"  ✅ cất uploads/{stored.name} vào {removal_folder(bot).name}",
            f"  ✅ lưu {from_link.name}; thêm {from_link.stem}-1",
            "  ❌ tệp không có bài viết mới nào đọc được",
            f"  ✅ lưu {stored.name}; thêm {stored.stem}; bỏ qua 0",
        ]
        assert [line.rsplit(" · ", 1)[1] for line in journal[1::2]] == [
            "/hoantac",
            "/hoantac",
            f"/xoa {stored.stem}",
            f"/them {site}/bai-moi",
            "tải tệp lai.txt",
            "tải tệp Bình Dương.txt",
        ]
        assert len((tmp_path / "cache" / "audit.jsonl").read_text(encoding="utf-8").splitlines()) == 6
    assert TOKEN not in bot.output


def test_an_admin_adds_an_article_reloads_and_the_next_question_is_answered_from_it(tmp_path):
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        (bot.corpus / "004_binh_duong.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        (bot.corpus / "005_hong.txt").write_bytes(b"\xff\xfe not utf-8")
        mark = bot.api.mark()
        started = bot.ask("/reload", user_id=ADMIN)
        assert text_of(started).startswith("Đang nạp lại kho bài viết…")
        done = bot.api.wait_for(
            "sendMessage", lambda c: c.params["text"].startswith("Đã nạp lại"), after=mark, timeout=120
        )
        report = text_of(done)
        assert "2 bài" in report and "Thêm 1, bớt 0, sửa 0 bài (tách từ 1 bài)." in report
        assert "Thêm: 004_binh_duong" in report
        assert "Bỏ qua 1 tệp/dòng lỗi:" in report and "005_hong.txt:1: không phải văn bản UTF-8" in report
        (entry,) = [
            json.loads(line) for line in (tmp_path / "cache" / "audit.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        assert (entry["user_id"], entry["action"], entry["ok"], entry["result"]) == (
            ADMIN,
            "/reload",
            True,
            "2 bài; thêm 1, bớt 0, sửa 0; bỏ qua 1",
        )
        answer = bot.ask("Ai dự hội nghị sơ kết Chỉ thị 05 của Tỉnh ủy Bình Dương?", user_id=2101)
        assert text_of(answer).startswith("Tới dự có Bí thư Tỉnh ủy Võ Văn Minh.")
    assert TOKEN not in bot.output


def test_a_second_reload_while_one_runs_is_told_to_wait_and_questions_are_still_answered(tmp_path):
    with running_bot(tmp_path, [*SHIPPED.iterdir(), *FIXTURES.iterdir()]) as bot:
        (bot.corpus / "004_binh_duong.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        mark = bot.api.mark()
        bot.api.private_message("/reload", user_id=ADMIN)
        bot.api.wait_for("sendMessage", lambda c: c.params["text"].startswith("Đang nạp lại kho bài viết…"), after=mark)
        second = bot.ask("/reload", user_id=ADMIN)
        assert text_of(second).startswith("Đang nạp lại kho bài viết; vui lòng chờ")
        during = bot.ask("Ai chủ trì hội nghị tổng kết Nghị quyết 35?", user_id=2102)
        assert text_of(during).startswith("Đồng chí Trần Văn Nam")
        bot.api.wait_for("sendMessage", lambda c: c.params["text"].startswith("Đã nạp lại"), after=mark, timeout=120)
        assert (
            len(
                [
                    c
                    for c in bot.api.calls[mark:]
                    if c.method == "sendMessage" and c.params["text"].startswith("Đã nạp lại")
                ]
            )
            == 1
        )


def test_a_reload_of_an_unreadable_corpus_keeps_the_old_index_and_says_why(tmp_path):
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        for path in bot.corpus.iterdir():
            path.unlink()
        (bot.corpus / "hong.jsonl").write_text('{"title": "Thiếu nội dung"}\n', encoding="utf-8")
        bot.ask("/reload", user_id=ADMIN)
        failed = bot.api.wait_for(
            "sendMessage", lambda c: c.params["text"].startswith("Không nạp lại được"), timeout=120
        )
        report = text_of(failed)
        assert "Không nạp lại được: kho không có bài nào đọc được." in report
        assert "Bot vẫn dùng kho cũ (1 bài)." in report and "hong.jsonl:1: không có nội dung (text)" in report
        answer = bot.ask("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", user_id=2103)
        assert text_of(answer).startswith("Tới dự có Phó Bí thư")


def test_a_user_asking_too_fast_is_asked_to_slow_down_without_affecting_others(tmp_path):
    with running_bot(tmp_path, list(SHIPPED.iterdir()), QUESTIONS_PER_MINUTE="2") as bot:
        for _ in range(2):
            assert text_of(bot.ask("Ai tới dự hội nghị sơ kết Chỉ thị 05?", user_id=2201)).startswith("Tới dự có")
        assert text_of(bot.ask("Ai tới dự hội nghị sơ kết Chỉ thị 05?", user_id=2201)).startswith("Bạn hỏi nhanh quá.")
        mark = bot.api.mark()
        for _ in range(3):
            bot.api.private_message("Ai tới dự hội nghị sơ kết Chỉ thị 05?", user_id=2201)
        assert text_of(bot.ask("Ai tới dự hội nghị sơ kết Chỉ thị 05?", user_id=2202)).startswith("Tới dự có")
        assert bot.silent_for(1.5, mark, 2201) == []  # told once in the minute, not once a message


SLOW_DOWN = "Bạn hỏi nhanh quá. Vui lòng chờ một chút rồi hỏi tiếp nhé."


def test_300_help_from_one_user_cost_another_user_nothing_and_get_one_slow_down_notice(tmp_path):
    question = "Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?"
    with running_bot(tmp_path, list(SHIPPED.iterdir()), QUESTIONS_PER_MINUTE="20") as bot:
        asked = time.monotonic()
        normal = bot.ask(question, user_id=3001).time - asked
        mark = bot.api.mark()
        for _ in range(300):
            bot.api.private_message("/help", user_id=3002)
        asked = time.monotonic()
        answer = bot.ask(question, user_id=3003)
        flooded = answer.time - asked
        bot.api.wait_for("sendMessage", lambda c: c.params["chat_id"] == 3002 and c.params["text"] == SLOW_DOWN)

        def to_flooder() -> list[str]:
            return [
                c.params["text"]
                for c in bot.api.calls[mark:]
                if c.method == "sendMessage" and c.params["chat_id"] == 3002
            ]

        # The 20 allowed may still be on their way when the notice goes out (updates run concurrently):
        # wait for them however slow the machine, then make sure nothing more comes.
        deadline = time.monotonic() + 15
        while len(to_flooder()) < 21 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.5)
        print(f"another user's answer: {normal:.2f} s alone, {flooded:.2f} s during 300 /help")
        assert text_of(answer).startswith("Tới dự có")
        assert flooded < normal + 1.5  # 9-10 s when every /help was answered
        sent = to_flooder()
        assert len(sent) == 21 and sent.count(SLOW_DOWN) == 1  # 20 a minute, then told once


def test_commands_buttons_inline_queries_and_uploads_all_count_and_the_notice_comes_once(tmp_path):
    with running_bot(tmp_path, list(SHIPPED.iterdir()), QUESTIONS_PER_MINUTE="3") as bot:
        helped = bot.ask("/start", user_id=3101).response["result"]
        bot.reply_to(lambda: bot.api.inline_query("chỉ thị 05", user_id=3101), method="answerInlineQuery")
        bot.reply_to(lambda: bot.api.callback_query(helped, "x", user_id=3101), method="answerCallbackQuery")
        told = bot.reply_to(lambda: bot.api.callback_query(helped, "x", user_id=3101), method="answerCallbackQuery")
        assert told.params["text"] == SLOW_DOWN and told.params["show_alert"] is True
        mark = bot.api.mark()
        bot.api.private_document(b"Tieu de\n\nNoi dung.", "bai.txt", user_id=3101)
        bot.api.inline_query("chỉ thị 05", user_id=3101)
        bot.api.callback_query(helped, "x", user_id=3101)
        bot.api.private_message("/help", user_id=3101)
        bot.api.private_message("Ai tới dự hội nghị sơ kết Chỉ thị 05?", user_id=3101)
        time.sleep(1.5)
        assert [c.method for c in bot.api.calls[mark:] if c.method != "getUpdates"] == []
        # An inline query is told in its own way, once.
        for _ in range(3):
            bot.reply_to(lambda: bot.api.inline_query("chỉ thị 05", user_id=3102), method="answerInlineQuery")
        told = bot.reply_to(lambda: bot.api.inline_query("chỉ thị 05", user_id=3102), method="answerInlineQuery")
        assert told.params["results"] == [] and told.params["button"]["text"] == SLOW_DOWN


def test_anonymous_admins_and_channels_are_limited_chat_by_chat_and_chatter_is_not_counted(tmp_path):
    question = "/ask Ai tới dự hội nghị sơ kết Chỉ thị 05?"
    with running_bot(tmp_path, list(SHIPPED.iterdir()), QUESTIONS_PER_MINUTE="2") as bot:

        def anonymous(chat_id: int, sender_chat: dict | None = None) -> str:
            sender = sender_chat or {"id": chat_id, "type": "supergroup", "title": f"Nhóm {chat_id}"}
            return text_of(bot.reply_to(lambda: bot.api.group_message(question, chat_id=chat_id, sender_chat=sender)))

        assert [anonymous(-100701)[:9] for _ in range(3)] == ["Tới dự có", "Tới dự có", SLOW_DOWN[:9]]
        assert anonymous(-100702).startswith("Tới dự có")  # another group's anonymous admin
        channel = {"id": -100900, "type": "channel", "title": "Kênh tin"}
        assert anonymous(-100701, channel).startswith("Tới dự có")  # a channel posting in the first group
        for _ in range(3):  # chatter the bot is not asked about costs a member nothing
            bot.api.group_message("Mọi người xem tin này chưa?", chat_id=-100701, user_id=3201)
        for _ in range(2):
            asked = bot.reply_to(lambda: bot.api.group_message(question, chat_id=-100701, user_id=3201))
            assert text_of(asked).startswith("Tới dự có")


def test_failing_cosmetic_calls_never_stop_the_bot_or_lose_an_answer(tmp_path):
    api_failures = {"setMyCommands": 500, "sendChatAction": 400}
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        pass  # warm the cache so that the next start is quick
    with _failing_api(api_failures), running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        assert not bot.api.calls_to("setMyCommands")[0].ok
        answer = bot.ask("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", user_id=2301)
        assert text_of(answer).startswith("Tới dự có Phó Bí thư")
        assert not bot.api.calls_to("sendChatAction")[-1].ok
    assert "could not register the command menu" in bot.output
    assert "could not send the typing action" in bot.output


def test_an_error_while_handling_an_update_is_logged_apologised_for_and_survived(tmp_path):
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        bot.api.fail("sendMessage", error_code=400, description="Bad Request: chat not found", times=1)
        apology = bot.ask("Ai tới dự hội nghị sơ kết Chỉ thị 05?", user_id=2401)
        assert text_of(apology) == "Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Bạn thử lại sau ít phút nhé."
        answer = bot.ask("Ai tới dự hội nghị sơ kết Chỉ thị 05?", user_id=2401)
        assert text_of(answer).startswith("Tới dự có Phó Bí thư")
    assert "error while handling an update" in bot.output and "Traceback" in bot.output
    assert TOKEN not in bot.output


def test_an_answer_whose_send_fails_on_the_way_is_sent_again_after_a_pause_without_an_apology(tmp_path):
    faults = [{"error_code": 502, "times": 2}, {"error_code": 500, "times": 1}, {"hang_up": True, "times": 1}]
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        for user_id, fault in enumerate(faults, start=2601):
            mark = bot.api.mark()
            bot.api.fail("sendMessage", **fault)
            answer = bot.ask("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", user_id=user_id)
            assert text_of(answer).startswith("Tới dự có Phó Bí thư")
            sends = [c for c in bot.api.calls[mark:] if c.method == "sendMessage"]
            assert [c.ok for c in sends] == [False] * fault["times"] + [True]
            assert answer.time - sends[0].time >= 0.5  # the first pause is 0.5 s plus up to 1 s of jitter
    assert bot.output.count("WARNING bot.telegram_app: sendMessage failed (Bad Gateway); retrying in ") == 2
    assert bot.output.count("WARNING bot.telegram_app: sendMessage failed (Internal Server Error); retrying in ") == 1
    assert "WARNING bot.telegram_app: sendMessage failed (httpx.RemoteProtocolError: " in bot.output
    assert "Traceback" not in bot.output


def test_a_send_that_times_out_is_neither_sent_again_nor_followed_by_an_apology(tmp_path):
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        bot.api.delay("sendMessage", 6, times=1)  # the bot gives up reading after 5 s; Telegram still delivers
        mark = bot.api.mark()
        answer = bot.ask("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", user_id=2701)
        assert text_of(answer).startswith("Tới dự có Phó Bí thư")
        sent = bot.silent_for(2, mark, 2701)
        assert [c.method for c in sent] == ["sendChatAction", "sendMessage"]
    assert "WARNING bot.telegram_app: a request to Telegram timed out; no apology sent: Timed out" in bot.output


def test_three_429s_in_a_row_are_each_waited_out_and_the_answer_then_delivered(tmp_path):
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        bot.api.fail("sendMessage", error_code=429, retry_after=1, times=3)
        mark = bot.api.mark()
        answer = bot.ask("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", user_id=2801)
        assert text_of(answer).startswith("Tới dự có Phó Bí thư")
        sends = [c for c in bot.api.calls[mark:] if c.method == "sendMessage"]
        assert [c.ok for c in sends] == [False, False, False, True]
        assert all(later.time - earlier.time >= 1.0 for earlier, later in itertools.pairwise(sends))


def test_an_error_is_reported_to_the_admins_at_most_once_a_minute(tmp_path):
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        mark = bot.api.mark()
        bot.api.fail("sendMessage", error_code=400, description="Bad Request: chat not found", times=1)
        bot.ask("Ai tới dự hội nghị sơ kết Chỉ thị 05?", user_id=2402)
        notice = bot.api.wait_for("sendMessage", lambda c: c.params["chat_id"] == ADMIN, after=mark)
        assert notice.params["parse_mode"] == "HTML"
        assert re.fullmatch(
            r"⚠️ Bot gặp lỗi lúc \d\d:\d\d \d\d/\d\d/\d{4} khi xử lý một tin nhắn: BadRequest: Chat not found\n"
            r"Chi tiết xem trong nhật ký \(log\) của bot\.",
            text_of(notice),
        )
        again = bot.api.mark()
        bot.api.fail("sendMessage", error_code=400, description="Bad Request: chat not found", times=1)
        apology = bot.ask("/stats", user_id=ADMIN)  # fails too, in the admin's own chat
        assert text_of(apology).startswith("Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn.")
        assert [c for c in bot.silent_for(1.5, again, ADMIN) if "Bot gặp lỗi" in c.params["text"]] == []
    assert "2402" not in text_of(notice) and TOKEN not in bot.output


def _audit_entries(tmp_path: Path) -> list[tuple[int, str, str, bool, str]]:
    audit = tmp_path / "cache" / "audit.jsonl"
    lines = audit.read_text(encoding="utf-8").splitlines() if audit.exists() else []
    return [(e["user_id"], e["user"], e["action"], e["ok"], e["result"]) for e in map(json.loads, lines)]


def _wait_for_audit(tmp_path: Path, count: int, timeout: float = 120.0) -> list[tuple[int, str, str, bool, str]]:
    deadline = time.monotonic() + timeout
    while len(entries := _audit_entries(tmp_path)) < count:
        assert time.monotonic() < deadline, f"{count} audit entries expected, found {entries}"
        time.sleep(0.2)
    return entries


def test_a_scheduled_reload_picks_up_changed_files_and_tells_the_admins_only_what_changed(tmp_path):
    with running_bot(tmp_path, list(SHIPPED.iterdir()), RELOAD_EVERY="1s") as bot:
        mark = bot.api.mark()
        assert bot.silent_for(3.0, mark, ADMIN) == [] and _audit_entries(tmp_path) == []  # nothing changed

        seed = next(bot.corpus.iterdir())
        os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**9))  # touched, same content
        assert _wait_for_audit(tmp_path, 1) == [
            (0, "Lịch tự động", "tự nạp lại kho", True, "1 bài; thêm 0, bớt 0, sửa 0; bỏ qua 0")
        ]
        assert bot.silent_for(2.0, mark, ADMIN) == []

        written = tmp_path / "004_binh_duong.txt"
        written.write_text(NEW_ARTICLE, encoding="utf-8")
        written.replace(bot.corpus / written.name)  # whole at once, as a copy into the folder would not be
        notice = bot.api.wait_for("sendMessage", lambda c: c.params["chat_id"] == ADMIN, after=mark, timeout=120)
        lines = text_of(notice).split("\n")
        assert lines[0] == "Tự nạp lại theo lịch vì các tệp trong kho đã thay đổi."
        assert re.fullmatch(r"Đã nạp lại trong \d+,\d giây: 2 bài, \d+ đoạn\.", lines[1])
        assert lines[2:] == ["Thêm 1, bớt 0, sửa 0 bài (tách từ 1 bài).", "Thêm: 004_binh_duong"]
        assert _audit_entries(tmp_path)[1] == (
            0,
            "Lịch tự động",
            "tự nạp lại kho",
            True,
            "2 bài; thêm 1, bớt 0, sửa 0; bỏ qua 0",
        )
        answer = bot.ask("Ai dự hội nghị sơ kết Chỉ thị 05 của Tỉnh ủy Bình Dương?", user_id=2501)
        assert text_of(answer).startswith("Tới dự có Bí thư Tỉnh ủy Võ Văn Minh.")

        journal = text_of(bot.ask("/nhatky", user_id=ADMIN)).split("\n")
        assert re.fullmatch(r"• \d\d:\d\d \d\d/\d\d/\d{4} · Lịch tự động · tự nạp lại kho", journal[1])

        failed_mark = bot.api.mark()
        for path in bot.corpus.iterdir():
            path.unlink()
        failed = bot.api.wait_for("sendMessage", lambda c: c.params["chat_id"] == ADMIN, after=failed_mark, timeout=120)
        assert text_of(failed) == (
            "Tự nạp lại theo lịch vì các tệp trong kho đã thay đổi.\n"
            "Không nạp lại được: kho không có bài nào đọc được.\n"
            "Bot vẫn dùng kho cũ (2 bài)."
        )
        assert _audit_entries(tmp_path)[2][2:] == ("tự nạp lại kho", False, "kho không có bài nào đọc được")
        assert bot.silent_for(3.0, failed_mark, ADMIN) == [failed]  # the same files are not tried again
        assert len(_audit_entries(tmp_path)) == 3
    assert TOKEN not in bot.output


def test_a_429_in_one_chat_delays_only_that_chat(tmp_path):
    question = "Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?"
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        bot.api.fail("sendMessage", error_code=429, retry_after=3, times=1)
        mark = bot.api.mark()
        bot.api.private_message(question, user_id=2901)
        refused = bot.api.wait_for("sendMessage", after=mark, ok=False)
        assert refused.params["chat_id"] == 2901
        asked = time.monotonic()
        other = bot.ask(question, user_id=2902)
        waited = bot.api.wait_for("sendMessage", lambda c: c.params["chat_id"] == 2901, after=mark)
        print(
            f"other chat answered {other.time - asked:.2f} s after asking; the 429'd chat {waited.time - refused.time:.2f} s after its 429"
        )
        assert text_of(other).startswith("Tới dự có") and text_of(waited).startswith("Tới dự có")
        assert other.time - asked < 1.5  # not held for the other chat's 3 s
        assert waited.time - refused.time >= 3.0
        assert other.time < waited.time


@contextmanager
def _failing_api(failures: dict[str, int]) -> Iterator[None]:
    """Make every FakeBotApi started inside fail these methods (set before the bot starts)."""
    original = FakeBotApi.start

    def start(self: FakeBotApi, port: int = 0) -> None:
        original(self, port)
        for method, code in failures.items():
            self.fail(method, error_code=code)

    FakeBotApi.start = start  # type: ignore[method-assign]
    try:
        yield
    finally:
        FakeBotApi.start = original  # type: ignore[method-assign]


# --- start-up -----------------------------------------------------------------------------


def test_without_a_token_the_bot_prints_one_line_saying_how_to_set_it_and_exits(tmp_path):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot"], cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "chưa đặt TELEGRAM_BOT_TOKEN" in lines[0] and ".env" in lines[0]
    assert result.stdout == ""


def test_a_malformed_setting_stops_start_up_with_the_setting_named(tmp_path):
    environment = dict(os.environ, TELEGRAM_BOT_TOKEN=TOKEN, ADMIN_IDS="12,abc")
    result = subprocess.run(
        [sys.executable, "-m", "bot"], cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Lỗi cấu hình: ADMIN_IDS phải là các id người dùng Telegram dạng số, cách nhau bằng dấu phẩy, đang có 'abc'"
    ]
    assert TOKEN not in result.stderr


def test_start_up_waits_for_an_unreachable_bot_api_and_serves_once_it_answers(tmp_path):
    with running_bot(tmp_path, list(SHIPPED.iterdir()), api_down_for=2.5) as bot:
        answer = bot.ask("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", user_id=2501)
        assert text_of(answer).startswith("Tới dự có Phó Bí thư")
    assert "Traceback" not in bot.output


@pytest.mark.slow
def test_start_up_gives_up_on_a_bot_api_unreachable_for_minutes_with_one_line_and_a_failure_status(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=bot_environment(tmp_path, list(SHIPPED.iterdir()), f"http://127.0.0.1:{_free_port()}/bot"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "Không kết nối được với máy chủ Bot API của Telegram sau khoảng 2 phút thử lại: hãy kiểm tra mạng, "
        "tường lửa hoặc TELEGRAM_BASE_URL."
    )


def test_a_failing_poll_is_retried_and_logged_in_one_line_without_a_traceback(tmp_path):
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        bot.api.fail("getUpdates", error_code=502, times=2)
        bot.api.group_message("Chào cả nhóm")  # ends the pending long poll; the bot stays silent
        failed = bot.api.wait_for("getUpdates", ok=False)
        bot.api.wait_for("getUpdates", lambda call: call is not failed, ok=False)
        answer = bot.ask("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", user_id=2502)
        assert text_of(answer).startswith("Tới dự có Phó Bí thư")
    assert bot.output.count("WARNING bot.telegram_app: polling failed, retrying: Bad Gateway\n") == 2
    assert "Traceback" not in bot.output and "error while handling an update" not in bot.output


@pytest.mark.parametrize("code", [401, 404])
def test_a_token_refused_while_polling_stops_the_bot_with_a_failure_status_for_a_restart(tmp_path, code):
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        bot.api.fail("getUpdates", error_code=code, times=None)
        bot.api.group_message("Chào cả nhóm")  # ends the pending long poll; the bot stays silent
        assert bot.process.wait(timeout=30) == 1
    assert "Traceback" not in bot.output and TOKEN not in bot.output
    assert bot.output.splitlines()[-1] == (
        "Telegram từ chối token của bot: hãy kiểm tra TELEGRAM_BOT_TOKEN (chép lại từ @BotFather, "
        "hoặc lấy token mới nếu token cũ đã bị thu hồi)."
    )


def test_a_token_telegram_refuses_at_start_up_is_never_printed_and_the_operator_is_told_to_check_it(tmp_path):
    with FakeBotApi("654321:ANOTHER-TOKEN-abcdefghij") as api:  # answers 401 Unauthorized to any other token
        result = subprocess.run(
            [sys.executable, "-m", "bot"],
            cwd=tmp_path,
            env=bot_environment(tmp_path, list(SHIPPED.iterdir()), api.base_url),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert TOKEN not in result.stdout + result.stderr and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "Telegram từ chối token của bot: hãy kiểm tra TELEGRAM_BOT_TOKEN (chép lại từ @BotFather, "
        "hoặc lấy token mới nếu token cũ đã bị thu hồi)."
    )


def _post_update(port: int, update: dict, secret: str | None) -> int:
    return post_to_webhook(f"http://127.0.0.1:{port}/telegram/hook", update, secret)


def _private_update(update_id: int, user_id: int, text: str) -> dict:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": "Lan"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Lan"},
            "text": text,
        },
    }


def test_webhook_mode_without_a_secret_registers_a_strong_random_one_and_refuses_posts_without_it(tmp_path):
    port = _free_port()
    webhook = {"TELEGRAM_WEBHOOK_URL": "https://bot.example.vn/telegram/hook", "TELEGRAM_WEBHOOK_PORT": str(port)}
    with running_bot(tmp_path, list(SHIPPED.iterdir()), ready="setWebhook", **webhook) as bot:
        secret = bot.api.calls_to("setWebhook")[0].params["secret_token"]
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", secret)
        forged = _private_update(1, ADMIN, "/stats")
        assert _post_update(port, forged, None) == 403
        assert _post_update(port, forged, "bi-mat-doan-mo") == 403
        assert _post_update(port, _private_update(2, 5001, "Ai tới dự hội nghị sơ kết Chỉ thị 05?"), secret) == 200
        answer = bot.api.wait_for("sendMessage", lambda c: str(c.params["chat_id"]) == "5001")
        assert text_of(answer).startswith("Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.")
        assert [c for c in bot.api.calls_to("sendMessage") if str(c.params["chat_id"]) == str(ADMIN)] == []
    assert secret not in bot.output and TOKEN not in bot.output


def test_webhook_mode_registers_the_webhook_and_answers_posted_updates(tmp_path):
    port = _free_port()
    webhook = {
        "TELEGRAM_WEBHOOK_URL": "https://bot.example.vn/telegram/hook",
        "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1",
        "TELEGRAM_WEBHOOK_PORT": str(port),
        "TELEGRAM_WEBHOOK_SECRET": "bi-mat-123",
    }
    with running_bot(tmp_path, list(SHIPPED.iterdir()), ready="setWebhook", **webhook) as bot:
        (registered,) = bot.api.calls_to("setWebhook")
        assert registered.params["url"] == "https://bot.example.vn/telegram/hook"
        assert registered.params["secret_token"] == "bi-mat-123"
        update = _private_update(1, 5001, "Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?")
        assert _post_update(port, update, "bi-mat-123") == 200
        answer = bot.api.wait_for("sendMessage", lambda c: str(c.params["chat_id"]) == "5001")
        assert text_of(answer).startswith("Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.")
        assert bot.api.calls_to("getUpdates") == []
    assert TOKEN not in bot.output
