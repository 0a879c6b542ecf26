"""A reload child is never left behind: SIGTERM stops it within 2 s and the bot exits cleanly;
SIGKILL of the bot takes the child with it. Real processes, a corpus file slow to segment."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_telegram_e2e import ADMIN, NEW_ARTICLE, SHIPPED, RunningBot, running_bot

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")


def _slow_file(path: Path, articles: int = 3000) -> None:
    """Enough articles that segmenting them keeps the reload child busy for many seconds."""
    with path.open("w", encoding="utf-8") as stream:
        for number in range(articles):
            text = " ".join(
                f"Hội nghị lần thứ {number} của Tỉnh ủy bàn về việc thực hiện Chỉ thị số {n}-CT/TW." for n in range(12)
            )
            stream.write(json.dumps({"id": f"cham-{number}", "title": f"Tin {number}", "text": text}) + "\n")


def _reload_child(pid: int) -> int | None:
    """The pid of `pid`'s multiprocessing child (the reload build), if it has one."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            if b"spawn_main" in cmdline:
                return int(child)
    return None


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")  # dead; its reaper may be slow in a container


def _wait(condition, seconds: float) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():
            return time.monotonic() - started
        time.sleep(0.01)
    return None


@contextmanager
def _reloading(tmp_path: Path) -> Iterator[tuple[RunningBot, int]]:
    """A bot running a /reload that segments a slow file, and its reload child's pid."""
    with running_bot(tmp_path, list(SHIPPED.iterdir())) as bot:
        _slow_file(bot.corpus / "cham.jsonl")
        bot.api.private_message("/reload", user_id=ADMIN)
        child = None

        def found() -> bool:
            nonlocal child
            child = _reload_child(bot.process.pid)
            return child is not None

        assert _wait(found, 30) is not None, "no reload child started"
        # Segmenting (its native library mapped): past its start-up, the child is building.
        assert _wait(lambda: b"underthesea_core" in Path(f"/proc/{child}/maps").read_bytes(), 60) is not None
        yield bot, child


def test_sigterm_during_a_reload_stops_the_child_within_two_seconds_and_the_bot_exits_cleanly(tmp_path):
    with _reloading(tmp_path) as (bot, child):
        bot.process.send_signal(signal.SIGTERM)
        child_stopped = _wait(lambda: _gone(child), 10)
        exited = _wait(lambda: bot.process.poll() is not None, 30)
        print(f"\nSIGTERM during a reload: child stopped in {child_stopped:.2f} s, bot exited in {exited:.2f} s")
        assert child_stopped is not None and child_stopped < 2
        assert exited is not None and bot.process.returncode == 0
    assert "Traceback" not in bot.output


def test_sigkill_of_the_bot_leaves_no_reload_child(tmp_path):
    with _reloading(tmp_path) as (bot, child):
        os.kill(bot.process.pid, signal.SIGKILL)
        child_stopped = _wait(lambda: _gone(child), 10)
        print(f"\nSIGKILL of the bot during a reload: child gone in {child_stopped:.2f} s")
        assert child_stopped is not None and child_stopped < 2


def test_with_a_file_in_place_of_the_cache_directory_the_bot_starts_answers_and_reloads(tmp_path):
    (tmp_path / "not-a-directory").write_text("", encoding="utf-8")
    with running_bot(tmp_path, list(SHIPPED.iterdir()), CACHE_DIR=str(tmp_path / "not-a-directory")) as bot:
        answer = bot.ask("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", user_id=3001)
        assert answer.params["text"].startswith("Tới dự có Phó Bí thư Thành ủy Hà Nội")
        (bot.corpus / "004_binh_duong.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        mark = bot.api.mark()
        bot.api.private_message("/reload", user_id=ADMIN)
        done = bot.api.wait_for(
            "sendMessage", lambda c: c.params["text"].startswith("Đã nạp lại"), after=mark, timeout=120
        )
        assert "Thêm 1, bớt 0, sửa 0 bài (tách từ 2 bài)." in done.params["text"]  # no file cache to reuse
    start_up = bot.output.split(" serving ")[0]
    assert start_up.count("cannot be written") == 1 and "Traceback" not in bot.output
