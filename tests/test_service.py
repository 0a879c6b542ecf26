"""The services behind the bot: reload with a swap, result pages, the per-user rate."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from pathlib import Path

import pytest

from bot.answer import Answer, Status
from bot.index import segment_articles
from bot.service import STOP_SECONDS, Library, ReloadFailed, ReloadInProgress, ResultPages, UserRateLimit


def test_result_pages_are_bounded_and_forget_the_oldest():
    pages = ResultPages(capacity=3)
    keys = [pages.keep(Answer(f"q{i}", Status.NOT_FOUND)) for i in range(5)]
    assert len(pages) == 3
    assert [pages.get(k) is None for k in keys] == [True, True, False, False, False]
    assert pages.get(keys[4]).question == "q4"
    assert all(len(f"more:{k}:10".encode()) <= 64 for k in keys)


def test_result_pages_expire(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr("bot.service.time.monotonic", lambda: now[0])
    pages = ResultPages(ttl_seconds=60)
    key = pages.keep(Answer("q", Status.NOT_FOUND))
    now[0] += 59
    assert pages.get(key) is not None
    now[0] += 2
    assert pages.get(key) is None


def test_the_rate_limit_counts_each_user_separately_over_a_sliding_minute():
    rate = UserRateLimit(per_minute=2)
    assert [rate.allow(1, now=t) for t in (0, 1, 2)] == [True, True, False]
    assert rate.allow(2, now=2)
    assert not rate.allow(1, now=59.9)
    assert rate.allow(1, now=60.0)


def test_the_slow_down_notice_is_due_once_per_user_per_window():
    rate = UserRateLimit(per_minute=2)
    assert [rate.should_warn(1, now=t) for t in (0, 10, 59.9, 60.0)] == [True, False, False, True]
    assert rate.should_warn(2, now=10)


def test_errors_are_told_at_most_once_a_minute_with_the_count_of_those_held_back():
    from bot.service import ErrorNotices

    notices = ErrorNotices()
    assert [notices.due(now=t) for t in (100, 101, 130, 159.9, 160, 161, 500)] == [0, None, None, None, 3, None, 1]


def test_usage_counts_each_outcome_and_keeps_only_the_latest_unanswered_questions(corpus_copy, tmp_path):
    from bot.service import UNANSWERED_KEPT

    library = Library.open([corpus_copy], tmp_path / "cache", workers=1)
    library.answer("Ai chủ trì hội nghị tổng kết Nghị quyết 35?")
    library.answer("Ai tới dự hội nghị sơ kết Chỉ thị 05 năm 2024?")  # the article is from 2021: unsure
    library.answer("   ")  # finds nothing, but there is no question to show
    library.answer("Giá vàng", tally=False)  # an inline query's fragment
    for number in range(UNANSWERED_KEPT + 2):
        library.answer(f"Giá vàng hôm nay bao nhiêu, lần {number}?" + " x" * 300)
    usage = library.usage()
    assert (usage.answered, usage.unsure, usage.not_found) == (1, 1, UNANSWERED_KEPT + 3)
    assert len(usage.unanswered) == UNANSWERED_KEPT
    assert usage.unanswered[0].startswith(f"Giá vàng hôm nay bao nhiêu, lần {UNANSWERED_KEPT + 1}?")
    assert usage.unanswered[-1].startswith("Giá vàng hôm nay bao nhiêu, lần 2?")
    assert {len(q) for q in usage.unanswered} == {200}


def test_reload_swaps_in_the_new_index_and_reports_what_changed(corpus_copy, tmp_path):
    library = Library.open([corpus_copy], tmp_path / "cache", workers=1)
    old_index = library.index
    (corpus_copy / "003_tin_tinh.jsonl").unlink()
    (corpus_copy / "001_nghi_quyet_35.txt").write_text(
        (corpus_copy / "001_nghi_quyet_35.txt").read_text(encoding="utf-8").replace("Trần Văn Nam", "Lê Thị Hoa"),
        encoding="utf-8",
    )
    outcome = library.reload()
    assert (outcome.articles, outcome.added, outcome.removed, outcome.changed) == (
        3,
        [],
        ["vn-001", "vn-002"],
        ["001_nghi_quyet_35"],
    )
    assert outcome.articles_segmented == 1
    assert library.index is not old_index
    # The unchanged file's articles are the very objects served before: a reload reads only new files.
    assert library.index.articles[0] is old_index.articles[0]
    assert "Lê Thị Hoa" in library.answer("Ai chủ trì hội nghị tổng kết Nghị quyết 35?").best.sentence


def test_a_failed_reload_keeps_the_index_being_served(corpus_copy, tmp_path):
    library = Library.open([corpus_copy], tmp_path / "cache", workers=1)
    served = library.index
    for path in corpus_copy.iterdir():
        path.unlink()
    with pytest.raises(ReloadFailed) as failure:
        library.reload()
    assert failure.value.reason == "kho không có bài nào đọc được"
    assert library.index is served
    assert library.answer("Ai tới dự hội nghị sơ kết Chỉ thị 05?").found


def test_a_reload_is_never_run_twice_at_once(corpus_copy, tmp_path):
    library = Library.open([corpus_copy], tmp_path / "cache", workers=1)
    library._reload_lock.acquire()  # as if a reload were running
    try:
        assert library.reloading
        with pytest.raises(ReloadInProgress):
            library.reload()
    finally:
        library._reload_lock.release()


def test_questions_are_answered_while_a_reload_runs(corpus_copy, tmp_path):
    library = Library.open([corpus_copy], tmp_path / "cache", workers=1)
    (corpus_copy / "004_moi.txt").write_text("Bài mới (10:00 01/01/2024)\n\nBDO - Nội dung mới.\n", encoding="utf-8")
    reload = threading.Thread(target=library.reload)
    reload.start()
    answers = [library.answer("Ai chủ trì hội nghị tổng kết Nghị quyết 35?") for _ in range(20)]
    reload.join()
    assert all(a.best.sentence.startswith("Đồng chí Trần Văn Nam") for a in answers)
    assert library.questions_answered == 20
    assert "004_moi" in {a.id for a in library.index.articles}


def test_a_chats_questions_are_remembered_ten_minutes_for_follow_ups():
    from bot.service import Conversations

    talks = Conversations()
    first = talks.remember(chat_id=1, question="Ai chủ trì hội nghị X?", now=0.0)
    first.message_id, first.article = 10, "vb-1"
    talks.remember(chat_id=1, question="Bao nhiêu tập thể được khen ở hội nghị Y?", now=5.0).message_id = 11
    # With the article its answer led with: what "ông ấy", "lần đó" in the follow-up point at.
    replied = talks.earlier(1, replied_to=10, follows_on=False, now=60.0)
    assert (replied.question, replied.article) == ("Ai chủ trì hội nghị X?", "vb-1")
    assert (
        talks.earlier(1, replied_to=None, follows_on=True, now=60.0).question
        == "Bao nhiêu tập thể được khen ở hội nghị Y?"
    )
    assert talks.earlier(1, replied_to=None, follows_on=False, now=60.0) is None  # not a follow-up
    assert talks.earlier(2, replied_to=None, follows_on=True, now=60.0) is None  # another chat
    assert talks.earlier(1, replied_to=10, follows_on=True, now=700.0) is None  # forgotten after 10 minutes


def test_only_the_newest_chats_are_remembered():
    from bot.service import Conversations

    talks = Conversations(max_chats=2)
    for chat in (1, 2, 3):
        talks.remember(chat, f"câu hỏi {chat}", now=0.0)
    assert [getattr(talks.earlier(c, None, True, now=1.0), "question", None) for c in (1, 2, 3)] == [
        None,
        "câu hỏi 2",
        "câu hỏi 3",
    ]


def test_an_edit_whose_reload_fails_is_reverted_and_the_slot_freed(corpus_copy, tmp_path):
    library = Library.open([corpus_copy], tmp_path / "cache", workers=1)
    moved = tmp_path / "aside"
    moved.mkdir()

    def empty_the_corpus() -> list[str]:
        names = [p.name for p in corpus_copy.iterdir()]
        for name in names:
            (corpus_copy / name).rename(moved / name)
        return names

    def put_back(names: list[str]) -> None:
        for name in names:
            (moved / name).rename(corpus_copy / name)

    with pytest.raises(ReloadFailed, match="kho không có bài nào đọc được"):
        library.edit(empty_the_corpus, put_back)
    assert sorted(p.name for p in corpus_copy.iterdir()) == [
        "000_33da5da0feea9827.txt",
        "001_nghi_quyet_35.txt",
        "002_chi_thi_31.txt",
        "003_tin_tinh.jsonl",
    ]
    with pytest.raises(ZeroDivisionError):
        library.edit(lambda: 1 / 0, put_back)  # a change that fails frees the slot too
    (corpus_copy / "004_moi.txt").write_text("Bài mới (10:00 01/01/2024)\n\nBDO - Nội dung mới.\n", encoding="utf-8")
    done, outcome = library.edit(lambda: "đã sửa", put_back)
    assert (done, outcome.added, outcome.articles) == ("đã sửa", ["004_moi"], 6)
    assert library.article("004_moi").title == "Bài mới" and library.article("không-có") is None


def test_an_edit_while_a_reload_runs_is_refused(corpus_copy, tmp_path):
    library = Library.open([corpus_copy], tmp_path / "cache", workers=1)
    assert library.reserve_reload()
    try:
        with pytest.raises(ReloadInProgress):
            library.edit(lambda: pytest.fail("the change ran"), lambda _: None)
    finally:
        library.release_reload()


def test_a_check_reloads_only_when_corpus_files_changed_and_not_again_after_a_failure(corpus_copy, monkeypatch):
    library = Library.open([corpus_copy], None, workers=1)
    served = library.index
    with monkeypatch.context() as no_reading:
        no_reading.setattr(Path, "read_bytes", lambda path: pytest.fail(f"{path} was read"))
        assert library.reload_if_changed() is None
    assert library.index is served

    seed = corpus_copy / "000_33da5da0feea9827.txt"
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**9))  # touched, not edited
    touched = library.reload_if_changed()
    assert (touched.articles, touched.changes_anything) == (5, False)
    assert library.reload_if_changed() is None

    (corpus_copy / "004_moi.txt").write_text("Bài mới (10:00 01/01/2024)\n\nBDO - Nội dung mới.\n", encoding="utf-8")
    (corpus_copy / "005_hong.txt").write_bytes(b"\xff\xfe")
    grown = library.reload_if_changed()
    assert (grown.added, [p.reason for p in grown.newly_skipped], grown.changes_anything) == (
        ["004_moi"],
        ["không phải văn bản UTF-8 (byte 0xff); hãy lưu tệp dạng UTF-8"],
        True,
    )
    (corpus_copy / "004_moi.txt").unlink()
    shrunk = library.reload_if_changed()
    assert (shrunk.removed, shrunk.newly_skipped, shrunk.changes_anything) == (["004_moi"], [], True)

    assert library.reserve_reload()
    try:
        with pytest.raises(ReloadInProgress):
            library.reload_if_changed()
    finally:
        library.release_reload()

    for path in corpus_copy.iterdir():
        path.unlink()
    with pytest.raises(ReloadFailed):
        library.reload_if_changed()
    assert library.reload_if_changed() is None  # the same files fail the same way: admins are told once
    assert len(library.index.articles) == 5  # still served


def test_the_index_the_child_built_is_served_as_built_with_no_segmenting_in_the_bot(corpus_copy, tmp_path, monkeypatch):
    import bot.store

    library = Library.open([corpus_copy], tmp_path / "cache", workers=1)
    (corpus_copy / "004_moi.txt").write_text("Bài mới (10:00 01/01/2024)\n\nBDO - Nội dung mới.\n", encoding="utf-8")
    edited = corpus_copy / "001_nghi_quyet_35.txt"
    original = edited.read_text(encoding="utf-8")
    build_elsewhere = Library._build_elsewhere

    def built_then_edited(self):
        built = build_elsewhere(self)
        edited.write_text(original.replace("Trần Văn Nam", "Lê Thị Hoa"), encoding="utf-8")  # after the child read it
        return built

    segmented: list[int] = []

    def counting(articles):
        segmented.append(len(articles))
        return segment_articles(articles)

    monkeypatch.setattr(Library, "_build_elsewhere", built_then_edited)
    monkeypatch.setattr(bot.store, "segment_articles", counting)
    outcome = library.reload()
    assert segmented == []  # in this (the serving) process
    assert (outcome.added, outcome.changed, outcome.articles_segmented) == (["004_moi"], [], 1)
    assert "Trần Văn Nam" in library.article("001_nghi_quyet_35").text  # what the child read
    monkeypatch.setattr(Library, "_build_elsewhere", build_elsewhere)
    assert library.reload_if_changed().changed == ["001_nghi_quyet_35"]  # the edit is seen next time


def _child_pids() -> set[int]:
    return {p.pid for p in multiprocessing.active_children() if p.name == "reload-index"}


def test_a_reload_past_its_time_limit_is_stopped_and_the_old_index_kept(corpus_copy, tmp_path):
    from bot.reply import format_reload_failed

    library = Library.open([corpus_copy], tmp_path / "cache", workers=1, reload_timeout=0.5)
    served = library.index
    (corpus_copy / "004_moi.txt").write_text("Bài mới (10:00 01/01/2024)\n\nBDO - Nội dung mới.\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ReloadFailed) as failure:
        library.reload()
    stopped_after = time.monotonic() - started
    print(f"\nreload stopped {stopped_after:.1f} s after it started (limit 0.5 s)")
    assert stopped_after < 0.5 + STOP_SECONDS + 1
    assert format_reload_failed(failure.value.reason, failure.value.problems, len(served.articles)) == (
        "Không nạp lại được: dựng chỉ mục mới quá 0,5 giây (giới hạn RELOAD_TIMEOUT) nên đã bị dừng.\n"
        "Bot vẫn dùng kho cũ (5 bài)."
    )
    assert library.index is served and not library.reloading
    assert _child_pids() == set()
    library.reload_timeout = 600
    assert library.reload().added == ["004_moi"]  # the next reload is not hindered


def test_stopping_the_bot_stops_a_running_reload_within_two_seconds(corpus_copy, tmp_path):
    library = Library.open([corpus_copy], tmp_path / "cache", workers=1)
    served = library.index
    (corpus_copy / "004_moi.txt").write_text("Bài mới (10:00 01/01/2024)\n\nBDO - Nội dung mới.\n", encoding="utf-8")
    failures: list[ReloadFailed] = []

    def reload() -> None:
        try:
            library.reload()
        except ReloadFailed as failure:
            failures.append(failure)

    running = threading.Thread(target=reload)
    running.start()
    deadline = time.monotonic() + 30
    while not _child_pids() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _child_pids()
    started = time.monotonic()
    library.stop_reload()
    running.join(STOP_SECONDS + 1)
    assert time.monotonic() - started < STOP_SECONDS
    assert not running.is_alive() and _child_pids() == set()
    assert [f.reason for f in failures] == ["bot đang tắt"]
    assert library.index is served
