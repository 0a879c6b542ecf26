"""Numbers, times and the /stats text as Vietnamese readers expect them."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from bot.corpus import Article
from bot.reply import format_error_notice, format_stats, vietnam_time
from bot.service import Usage
from bot.telegram_app import help_text
from bot.text import number


def test_numbers_use_dots_between_thousands_and_a_comma_before_decimals():
    assert [number(7), number(7891), number(1_234_567), number(-4200)] == ["7", "7.891", "1.234.567", "-4.200"]
    assert [number(6.6, 1), number(1234.5, 1), number(0.25, 2)] == ["6,6", "1.234,5", "0,25"]


def test_times_are_shown_in_vietnam_time():
    assert vietnam_time(dt.datetime(2026, 12, 2, 20, 5, tzinfo=dt.UTC)) == "03:05 03/12/2026"


def test_stats_count_each_outcome_in_vietnam_time_and_list_the_unanswered_escaped():
    usage = Usage(answered=6000, unsure=1000, not_found=891, unanswered=("Giá <vàng> & đô la?", "Thời tiết mai?"))
    shown = format_stats(
        7891,
        23456,
        dt.datetime(2026, 12, 2, 1, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 1, 17, 0, tzinfo=dt.UTC),
        usage,
        reloading=False,
    )
    assert shown == (
        "Bài viết: 7.891; đoạn: 23.456\n"
        "Nạp lần cuối: 08:30 02/12/2026 (giờ Việt Nam)\n"
        "Câu hỏi từ 00:00 02/12/2026: 7.891\n"
        "• trả lời được: 6.000\n"
        "• chưa chắc chắn: 1.000\n"
        "• không tìm thấy: 891\n"
        "Đang nạp lại: không\n"
        "\n<b>2 câu hỏi không tìm thấy câu trả lời gần nhất:</b>\n"
        "• Giá &lt;vàng&gt; &amp; đô la?\n"
        "• Thời tiết mai?"
    )


def test_help_counts_the_articles_the_vietnamese_way():
    undated = Article(id="a", title="Tin", paragraphs=("Nội dung.",))
    library = SimpleNamespace(index=SimpleNamespace(articles=[undated] * 7891), examples=())
    assert "Kho hiện có <b>7.891</b> bài viết (chưa bài nào ghi ngày đăng)." in help_text(library, "DirectiveNewsBot")


def test_an_error_notice_is_escaped_in_vietnam_time_and_counts_the_errors_held_back():
    shown = format_error_notice(
        "xử lý lệnh /them<x>", "ValueError: <b>&</b>", 1234, dt.datetime(2026, 12, 2, 1, 30, tzinfo=dt.UTC)
    )
    assert shown == (
        "⚠️ Bot gặp lỗi lúc 08:30 02/12/2026 khi xử lý lệnh /them&lt;x&gt;: <code>ValueError: &lt;b&gt;&amp;&lt;/b&gt;</code>\n"
        "Kể từ lần báo trước còn 1.234 lỗi khác (mỗi phút chỉ báo một lần).\n"
        "Chi tiết xem trong nhật ký (log) của bot."
    )
