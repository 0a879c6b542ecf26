"""The admins' audit log: appended as JSON lines, read back newest first, shown within one message."""

from __future__ import annotations

import datetime as dt
import json

from bot.audit import AuditLog, Entry
from bot.reply import TELEGRAM_LIMIT, format_audit, plain_text


def test_actions_are_appended_as_json_lines_in_vietnam_time_and_read_back_newest_first(tmp_path):
    audit = AuditLog(tmp_path / "cache" / "audit.jsonl")
    assert audit.latest() == []
    audit.record(4242, "Lan", "/xoa vn-001", True, "cất 003_tin_tinh.jsonl dòng 1")
    audit.record(4242, "Lan", "/hoantac", False, "không có lần xoá nào để hoàn tác")
    records = [
        json.loads(line) for line in (tmp_path / "cache" / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [(r["user_id"], r["user"], r["action"], r["ok"], r["result"]) for r in records] == [
        (4242, "Lan", "/xoa vn-001", True, "cất 003_tin_tinh.jsonl dòng 1"),
        (4242, "Lan", "/hoantac", False, "không có lần xoá nào để hoàn tác"),
    ]
    assert all(r["time"].endswith("+07:00") for r in records)
    assert [e.action for e in audit.latest()] == ["/hoantac", "/xoa vn-001"]


def test_only_the_latest_are_read_and_a_damaged_line_is_passed_over(tmp_path):
    audit = AuditLog(tmp_path / "audit.jsonl")
    for n in range(30):
        audit.record(1, "An", f"/reload {n}", True, "ok")
    with audit.path.open("a", encoding="utf-8") as stream:
        stream.write('{"time": "hỏng"\n')
    audit.record(1, "An", "/reload cuối", True, "ok")
    assert [e.action for e in audit.latest(4)] == ["/reload cuối", "/reload 29", "/reload 28"]


def test_the_log_is_shown_escaped_in_vietnam_time_and_fits_one_message():
    moment = dt.datetime(2026, 12, 2, 7, 5, tzinfo=dt.UTC)
    entries = [
        Entry(moment, 4242, "Lan <admin>", "tải tệp a&b.txt", True, "lưu tai-len-1.txt; thêm tai-len-1; bỏ qua 0"),
        Entry(moment, 4242, "Lan <admin>", "/hoantac", False, "không có lần xoá nào để hoàn tác"),
    ]
    assert format_audit(entries) == (
        "<b>Thao tác gần nhất của quản trị viên (mới nhất trước):</b>\n"
        "• 14:05 02/12/2026 · Lan &lt;admin&gt; (4242) · tải tệp a&amp;b.txt\n"
        "  ✅ lưu tai-len-1.txt; thêm tai-len-1; bỏ qua 0\n"
        "• 14:05 02/12/2026 · Lan &lt;admin&gt; (4242) · /hoantac\n"
        "  ❌ không có lần xoá nào để hoàn tác"
    )
    long = [Entry(moment, 1, "A" * 100, "/xoa " + "x" * 300, False, "y" * 500) for _ in range(20)]
    shown = format_audit(long)
    assert len(shown) <= TELEGRAM_LIMIT and plain_text(shown).count("❌") == 10  # the rest would not fit
    assert format_audit([]) == "Nhật ký chưa có thao tác nào của quản trị viên."
