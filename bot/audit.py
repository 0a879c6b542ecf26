"""The admins' audit log: who did what, when (Vietnam time) and with what result, one JSON line each.

Appended to a file in CACHE_DIR and written to the log as well. Plain code, no Telegram.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from bot.reply import VIETNAM

log = logging.getLogger(__name__)
AUDIT_FILE = "audit.jsonl"
# Actions the bot takes by itself (a scheduled reload): no Telegram user has id 0.
SCHEDULER_ID = 0
SCHEDULER_NAME = "Lịch tự động"


@dataclass(frozen=True)
class Entry:
    """One admin action."""

    time: dt.datetime
    user_id: int
    user: str
    action: str  # the command, e.g. "/xoa vn-001" or "tải tệp bai.txt"
    ok: bool
    result: str


class AuditLog:
    """Append-only JSON Lines in `path`; reading returns the latest entries."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def record(self, user_id: int, user: str, action: str, ok: bool, result: str) -> Entry:
        """Append one entry (and log it)."""
        entry = Entry(dt.datetime.now(VIETNAM).replace(microsecond=0), user_id, user, action, ok, result)
        line = json.dumps(
            {
                "time": entry.time.isoformat(),
                "user_id": user_id,
                "user": user,
                "action": action,
                "ok": ok,
                "result": result,
            },
            ensure_ascii=False,
        )
        try:
            with self._lock:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as stream:
                    stream.write(line + "\n")
        except OSError as error:  # CACHE_DIR unusable: the log lines below still tell it
            log.warning("audit log %s cannot be written: %s", self.path, error)
        log.info("admin %s (%d): %s -> %s: %s", user, user_id, action, "ok" if ok else "failed", result)
        return entry

    def latest(self, count: int = 20) -> list[Entry]:
        """The last `count` entries, newest first (a damaged line is passed over)."""
        try:
            with self._lock, self.path.open(encoding="utf-8", errors="replace") as stream:
                lines = deque(stream, maxlen=count)  # reads through, keeping only the tail in memory
        except OSError:  # none yet, or CACHE_DIR unusable
            return []
        entries = []
        for line in reversed(lines):
            try:
                record = json.loads(line)
                entries.append(
                    Entry(
                        dt.datetime.fromisoformat(record["time"]),
                        int(record["user_id"]),
                        str(record["user"]),
                        str(record["action"]),
                        bool(record["ok"]),
                        str(record["result"]),
                    )
                )
            except (ValueError, KeyError, TypeError):
                log.warning("audit log: a damaged line in %s", self.path)
        return entries
