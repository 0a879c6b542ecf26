"""The bot end to end: `python -m bot` against a local server speaking the Telegram Bot API."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.fake_bot_api import ApiCall, FakeBotApi

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


@contextmanager
def running_bot(
    tmp_path: Path, corpus_files: list[Path], ready: str = "getUpdates", **env: str
) -> Iterator[RunningBot]:
    """Start the bot the way `python -m bot` does, pointed at a fresh fake Bot API server.

    It is serving once it calls `ready` (getUpdates when polling, setWebhook for a webhook).
    """
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for source in corpus_files:
        shutil.copy(source, corpus / source.name)
    api = FakeBotApi(TOKEN)
    api.start()
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "CORPUS_", "CACHE_", "ADMIN_"))
    }
    environment.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=api.base_url,
        CORPUS_DIR=str(corpus),
        CACHE_DIR=str(tmp_path / "cache"),
        ADMIN_IDS=str(ADMIN),
        QUESTIONS_PER_MINUTE="1000",
        WORKERS="1",
    )
    environment.update(env)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    bot = RunningBot(api, process, corpus)
    try:
        api.wait_for(ready, timeout=120, ok=None)
        yield bot
    finally:
        process.send_signal(signal.SIGINT)
        try:
            bot.output = process.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            bot.output = process.communicate()[0]
        api.stop()


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> Iterator[RunningBot]:
    """One bot over the seed and the fixture articles, for the scenarios that change nothing."""
    with running_bot(tmp_path_factory.mktemp("bot"), [*SHIPPED.iterdir(), *FIXTURES.iterdir()]) as running:
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


def test_the_command_menu_is_registered_in_vietnamese(bot):
    (call,) = bot.api.calls_to("setMyCommands")
    assert [c["command"] for c in call.params["commands"]] == ["start", "help", "ask", "vanban", "moi"]
    assert call.params["commands"][0]["description"] == "Giới thiệu bot và kho bài viết"


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


# --- admin commands -----------------------------------------------------------------------


def test_admin_commands_from_anyone_else_are_politely_refused(bot):
    for command in ("/reload", "/stats"):
        assert text_of(bot.ask(command, user_id=2013)) == "Xin lỗi, lệnh này chỉ dành cho quản trị viên."


def test_stats_tell_an_admin_what_is_served(bot):
    shown = text_of(bot.ask("/stats", user_id=ADMIN))
    assert shown.startswith("Bài viết: 5; đoạn: ")
    assert "Câu hỏi đã trả lời từ " in shown and "Đang nạp lại: không" in shown


# --- bots of their own: reload, failures, flood control -----------------------------------


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
        assert text_of(bot.ask("Ai tới dự hội nghị sơ kết Chỉ thị 05?", user_id=2202)).startswith("Tới dự có")


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


@contextmanager
def _failing_api(failures: dict[str, int]) -> Iterator[None]:
    """Make every FakeBotApi started inside fail these methods (set before the bot starts)."""
    original = FakeBotApi.start

    def start(self: FakeBotApi) -> None:
        original(self)
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


def test_webhook_mode_registers_the_webhook_and_answers_posted_updates(tmp_path):
    import json
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
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
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": int(time.time()),
                "chat": {"id": 5001, "type": "private", "first_name": "Lan"},
                "from": {"id": 5001, "is_bot": False, "first_name": "Lan"},
                "text": "Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?",
            },
        }
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/telegram/hook",
            data=json.dumps(update).encode(),
            headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "bi-mat-123"},
        )
        for _ in range(100):  # the webhook server may still be starting
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    assert response.status == 200
                break
            except OSError:
                time.sleep(0.2)
        answer = bot.api.wait_for("sendMessage", lambda c: str(c.params["chat_id"]) == "5001")
        assert text_of(answer).startswith("Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.")
        assert bot.api.calls_to("getUpdates") == []
    assert TOKEN not in bot.output
