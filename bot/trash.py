"""Removing an article from the corpus into CORPUS_DIR/.trash, and undoing the last removal.

Nothing is deleted: a `.txt` article's file moves into the trash; a JSON Lines article's line
moves into the removal's record and is left blank in its file, so that the other lines keep their
numbers (and `FILE:LINE` ids). The corpus reader skips hidden folders, so `.trash` is never read.
Plain code, no Telegram.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from bot.corpus import TXT_SUFFIXES, corpus_files, jsonl_article_id, jsonl_stem

TRASH = ".trash"
RECORD = "removal.json"


class TrashError(ValueError):
    """The removal or the undo was not done; `reason` says why, in Vietnamese."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Removal:
    """One article taken out of the corpus: from which file (relative to CORPUS_DIR) and line."""

    article_id: str
    title: str
    file: str
    line: int | None  # None: the whole file moved into the trash
    folder: Path  # this removal's folder in the trash


def remove_article(corpus_dir: Path, article_id: str, title: str) -> Removal:
    """Move the article with `article_id` (the first file holding it, as the reader serves it) into the trash."""
    for path in corpus_files([corpus_dir])[0]:
        if path.name.lower().endswith(TXT_SUFFIXES):
            if path.name[: -len(".txt")] == article_id:
                return _trash_file(corpus_dir, path, article_id, title)
            continue
        try:
            lines = _lines(path)
        except (OSError, EOFError, zlib.error):
            continue  # a damaged archive: the reader keeps only what precedes the damage
        number = _line_of(path, lines, article_id)
        if number is not None:
            return _trash_line(corpus_dir, path, lines, number, article_id, title)
    raise TrashError(f"không tìm thấy tệp chứa bài mã {article_id} trong kho")


def undo_last(corpus_dir: Path) -> Removal:
    """Put back the latest removal not yet undone; never overwrites what is there now."""
    trash = corpus_dir / TRASH
    pending = [f for f in sorted(trash.iterdir(), reverse=True) if _pending(f)] if trash.is_dir() else []
    if not pending:
        raise TrashError("không có lần xoá nào để hoàn tác")
    folder = pending[0]
    record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    target = corpus_dir / record["file"]
    if record["line"] is None:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(folder / target.name, target)  # fails when the name was taken since: nothing replaced
        except FileExistsError:
            raise TrashError(f"đã có tệp {record['file']} trong kho; tệp cũ nằm ở {TRASH}/{folder.name}") from None
        os.unlink(folder / target.name)
    else:
        lines = _lines(target) if target.is_file() else []
        number = record["line"]
        if len(lines) < number or lines[number - 1].strip():
            raise TrashError(f"dòng {number} của tệp {record['file']} đã thay đổi; dòng cũ nằm ở {TRASH}/{folder.name}")
        lines[number - 1] = record["text"].encode("utf-8")
        _write(target, lines)
    record["restored"] = _now()
    (folder / RECORD).write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return Removal(record["id"], record["title"], record["file"], record["line"], folder)


# --- helpers ---------------------------------------------------------------------------------


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _pending(folder: Path) -> bool:
    record = folder / RECORD
    return record.is_file() and "restored" not in json.loads(record.read_text(encoding="utf-8"))


def _new_folder(corpus_dir: Path) -> Path:
    """A removal's own folder, named so that names sort by time."""
    trash = corpus_dir / TRASH
    trash.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
    return Path(tempfile.mkdtemp(dir=trash, prefix=f"{stamp}-"))


def _record(folder: Path, removal: Removal, text: str | None = None) -> Removal:
    record = {"id": removal.article_id, "title": removal.title, "file": removal.file, "line": removal.line}
    record["removed"] = _now()
    if text is not None:
        record["text"] = text
    (folder / RECORD).write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return removal


def _trash_file(corpus_dir: Path, path: Path, article_id: str, title: str) -> Removal:
    folder = _new_folder(corpus_dir)
    removal = _record(folder, Removal(article_id, title, path.relative_to(corpus_dir).as_posix(), None, folder))
    os.replace(path, folder / path.name)  # the folder is new: nothing there to replace
    return removal


def _lines(path: Path) -> list[bytes]:
    """The lines of a JSON Lines file, without their ends, split where the reader splits them."""
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        data = gzip.decompress(data)
    lines = data.split(b"\n")
    return lines[:-1] if lines and not lines[-1] else lines


def _line_of(path: Path, lines: list[bytes], article_id: str) -> int | None:
    """The number of the line holding the article, read as the corpus reader reads it."""
    stem = jsonl_stem(path)
    for number, raw in enumerate(lines, start=1):
        raw = raw.rstrip(b"\r").removeprefix(b"\xef\xbb\xbf") if number == 1 else raw.rstrip(b"\r")
        if article_id.encode("utf-8") not in raw and f"{stem}:{number}" != article_id:
            continue  # most lines are skipped without parsing them
        try:
            record = json.loads(raw)
        except ValueError:
            continue
        if isinstance(record, dict) and jsonl_article_id(record, stem, number) == article_id:
            return number
    return None


def _trash_line(corpus_dir: Path, path: Path, lines: list[bytes], number: int, article_id: str, title: str) -> Removal:
    folder = _new_folder(corpus_dir)
    relative = path.relative_to(corpus_dir).as_posix()
    removal = _record(folder, Removal(article_id, title, relative, number, folder), lines[number - 1].decode("utf-8"))
    lines[number - 1] = b""  # blank, so that the lines after it keep their numbers
    _write(path, lines)
    return removal


def _write(path: Path, lines: list[bytes]) -> None:
    """Replace `path` with `lines` atomically (compressed again for a .gz)."""
    data = b"".join(line + b"\n" for line in lines)
    if path.name.lower().endswith(".gz"):
        data = gzip.compress(data)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)
