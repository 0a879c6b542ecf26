"""/vanban and /moi end to end: `python -m bot` against the local fake Telegram Bot API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_telegram_e2e import FIXTURES, SEED_TITLE, SHIPPED, TOKEN, RunningBot, running_bot, text_of

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> Iterator[RunningBot]:
    """A bot over the seed, the fixture articles and the document fixtures: 11 articles, 10 dated."""
    files = [*SHIPPED.iterdir(), *FIXTURES.iterdir(), *DOCUMENTS.iterdir()]
    with running_bot(tmp_path_factory.mktemp("browse"), files) as running:
        yield running
    assert TOKEN not in running.output


def click(bot: RunningBot, message: dict, data: str, user_id: int) -> tuple[object, object]:
    """Press an inline button; returns the bot's answer to the press and its edit of the message (or None)."""
    mark = bot.api.mark()
    bot.api.callback_query(message, data, user_id=user_id)
    answered = bot.api.wait_for("answerCallbackQuery", after=mark)
    edits = [c for c in bot.api.calls[mark:] if c.method == "editMessageText"]
    if not edits and not answered.params.get("show_alert"):
        edits = [bot.api.wait_for("editMessageText", after=mark)]
    return answered, edits[0] if edits else None


def test_start_says_how_many_articles_carry_a_date_and_their_range(bot):
    shown = text_of(bot.ask("/start", user_id=6001))
    assert "Kho hiện có 11 bài viết, 10 bài có ngày đăng (từ 05/06/2019 đến 10/01/2024)." in shown
    assert "/vanban 05" in shown and "/moi" in shown


def test_an_ambiguous_number_offers_the_documents_and_the_chosen_one_shows_its_card_and_pages(bot):
    asked = bot.ask("/vanban 05", user_id=6002)
    assert text_of(asked) == "Có 2 văn bản khớp với «05». Bạn muốn xem văn bản nào?"
    buttons = [row[0] for row in asked.params["reply_markup"]["inline_keyboard"]]
    assert [b["text"] for b in buttons] == [
        "Chỉ thị số 05-CT/TW · Bộ Chính trị · 2016 (6 bài)",
        "Chỉ thị số 05/CT-TTg · Thủ tướng Chính phủ · 2018 (1 bài)",
    ]
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)

    _, card = click(bot, asked.response["result"], buttons[0]["callback_data"], 6002)
    shown = text_of(card)
    assert shown.startswith(
        "📄 Chỉ thị số 05-CT/TW\nCơ quan ban hành: Bộ Chính trị\nNgày ban hành: 15/05/2016\n"
        "Về: đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\n«Sáng 2/4, Thành ủy Hà Nội"
    )
    assert (
        "Số bài viết nhắc đến: 6\n\nCác bài viết nhắc đến, mới nhất trước (1/2):\n\n1. Học tập & làm theo Bác" in shown
    )
    assert f"3. {SEED_TITLE}\n15:30 02/04/2021 · HNP\n4. Hà Nội sơ kết" in shown
    (more,) = card.params["reply_markup"]["inline_keyboard"][0]
    assert more["text"] == "Xem thêm kết quả ▸"

    _, second = click(bot, card.response["result"], more["callback_data"], 6002)
    assert text_of(second) == (
        "Chỉ thị số 05-CT/TW: các bài viết nhắc đến (2/2):\n\n"
        "6. Công an Nghệ An sơ kết một năm thực hiện chỉ thị về quy hoạch\n05/06/2019 · Báo Công an Nghệ An"
    )
    assert [b["text"] for b in second.params["reply_markup"]["inline_keyboard"][0]] == ["◂ Trước"]


def test_a_code_names_one_document_and_gets_its_card_at_once(bot):
    shown = text_of(bot.ask("/vanban 05/CT-TTg", user_id=6003))
    assert shown.startswith(
        "📄 Chỉ thị số 05/CT-TTg\nCơ quan ban hành: Thủ tướng Chính phủ\nNăm ban hành: 2018\n"
        "Về: tăng cường chấn chỉnh công tác quy hoạch xây dựng\n"
    )
    assert shown.endswith(
        "Các bài viết nhắc đến, mới nhất trước:\n\n"
        "1. Công an Nghệ An sơ kết một năm thực hiện chỉ thị về quy hoạch\n05/06/2019 · Báo Công an Nghệ An"
    )


def test_vanban_without_a_number_explains_and_an_unknown_one_says_so(bot):
    assert text_of(bot.ask("/vanban", user_id=6004)) == (
        "Gõ số hiệu hoặc tên văn bản ngay sau lệnh, ví dụ: /vanban chỉ thị 05 hoặc /vanban 05-CT/TW"
    )
    assert text_of(bot.ask("/vanban nghị quyết 999", user_id=6004)) == (
        "Không tìm thấy văn bản «nghị quyết 999» trong các bài viết. Bạn thử gõ số hiệu khác, ví dụ: /vanban chỉ thị 05"
    )


def test_a_forged_document_button_is_refused(bot):
    asked = bot.ask("/vanban 05", user_id=6005)
    answered, edit = click(bot, asked.response["result"], "doc:0123456789:0", 6005)
    assert answered.params["text"] == "Văn bản này không còn trong kho bài viết. Bạn hãy tìm lại nhé."
    assert answered.params["show_alert"] is True and edit is None


def test_moi_lists_the_newest_dated_articles_paged(bot):
    asked = bot.ask("/moi", user_id=6006)
    shown = text_of(asked)
    assert shown.startswith(
        "Bài viết mới nhất (1/2, 10 bài có ngày đăng):\n\n"
        "1. Học tập & làm theo Bác: <kinh nghiệm> từ cơ sở\n10/01/2024 · Báo Bắc Giang\n"
        "2. Hà Nội tổng kết 10 năm thực hiện Nghị quyết 35-NQ/TW về bảo vệ nền tảng tư tưởng của Đảng\n"
        "08:15 12/03/2023 · HNMO\n"  # a stated time comes before none on the same day
        "3. Bắc Ninh sắp xếp tổ chức bộ máy\n12/03/2023 · Báo Bắc Ninh\n"
    )
    assert shown.count("\n") == 2 + 8 * 2 - 1
    assert asked.params["link_preview_options"] == {"is_disabled": True}
    (more,) = asked.params["reply_markup"]["inline_keyboard"][0]
    _, second = click(bot, asked.response["result"], more["callback_data"], 6006)
    assert text_of(second) == (
        "Bài viết mới nhất (2/2, 10 bài có ngày đăng):\n\n"
        "9. Công an tỉnh Nghệ An sơ kết Chỉ thị 31/2018/CT-TTg về kỷ luật, kỷ cương ngân sách\n14:00 05/06/2019 · CAND\n"
        "10. Công an Nghệ An sơ kết một năm thực hiện chỉ thị về quy hoạch\n05/06/2019 · Báo Công an Nghệ An"
    )


def test_a_message_that_only_names_a_document_gets_its_card_or_the_choice(bot):
    card = text_of(bot.ask("Chỉ thị 05-CT/TW", user_id=6007))
    assert card.startswith("📄 Chỉ thị số 05-CT/TW\nCơ quan ban hành: Bộ Chính trị\n")
    assert text_of(bot.ask("nghị quyết 18 năm 2022", user_id=6007)).startswith(
        "📄 Nghị quyết số 18-NQ/TW\nCơ quan ban hành: Ban Chấp hành Trung ương\nNgày ban hành: 16/06/2022\n"
    )
    choice = bot.ask("NQ 18", user_id=6007)
    assert text_of(choice) == "Có 2 văn bản khớp với «NQ 18». Bạn muốn xem văn bản nào?"
    assert [row[0]["text"] for row in choice.params["reply_markup"]["inline_keyboard"]] == [
        "Nghị quyết số 18-NQ/TW · Ban Chấp hành Trung ương · 2022 (1 bài)",  # as often cited: the newer first
        "Nghị quyết số 18-NQ/TW · Ban Chấp hành Trung ương · 2017 (1 bài)",
    ]


def test_a_question_about_a_document_or_an_unknown_one_is_still_searched(bot):
    for text in ("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", "chỉ thị 99", "05"):
        shown = text_of(bot.ask(text, user_id=6008))
        assert not shown.startswith(("📄", "Có 2 văn bản")), text
