"""Read article files into `Article` records, reporting the files (or lines) that cannot be read.

Formats:
- `.txt`: the raw scraped-page format, `TITLE (HH:MM DD/MM/YYYY)` on the first line, then the
  body, a byline, and the news site's page furniture (dropped).
- `.jsonl` / `.jsonl.gz`: one JSON object a line with `title` and `text`, optionally `id`, `date`,
  `source`, `url`.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.text import UPPER_LETTERS, nfc, split_sentences

TXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


@dataclass(frozen=True)
class Article:
    """One news article, cleaned: no page furniture, no source tag, no byline in `paragraphs`."""

    id: str
    title: str
    paragraphs: tuple[str, ...]
    date: dt.date | None = None
    time: dt.time | None = None
    source: str | None = None
    url: str | None = None
    byline: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def iso_date(self) -> str | None:
        """The publication date (with time when known) in ISO 8601, or None."""
        if self.date is None:
            return None
        if self.time is None:
            return self.date.isoformat()
        return dt.datetime.combine(self.date, self.time).isoformat(timespec="minutes")


@dataclass(frozen=True)
class LoadProblem:
    """Something wrong in a corpus file: `skipped` when it cost an article (or the whole file)."""

    path: str
    line: int | None
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


@dataclass
class FileContent:
    """Articles read from one file, with its problems."""

    path: str
    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)


def is_corpus_file(path: Path) -> bool:
    """True for the file types the reader understands."""
    name = path.name.lower()
    return name.endswith(TXT_SUFFIXES) or name.endswith(JSONL_SUFFIXES)


def corpus_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[LoadProblem]]:
    """The article files under `paths` (directories read recursively, hidden entries skipped)."""
    files: list[Path] = []
    problems: list[LoadProblem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if any(part.startswith(".") for part in relative.parts) or not child.is_file():
                    continue
                if is_corpus_file(child):
                    files.append(child)
                else:
                    problems.append(
                        LoadProblem(str(child), None, "không phải tệp bài viết (cần .txt, .jsonl hoặc .jsonl.gz)")
                    )
        elif path.is_file():
            if is_corpus_file(path):
                files.append(path)
            else:
                problems.append(
                    LoadProblem(str(path), None, "không phải tệp bài viết (cần .txt, .jsonl hoặc .jsonl.gz)")
                )
        else:
            problems.append(LoadProblem(str(path), None, "không có tệp hay thư mục này"))
    return files, problems


def parse_file(path: Path, data: bytes) -> FileContent:
    """Parse the bytes of one corpus file (already read, so the caller can hash them)."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return parse_jsonl(path, data)
    return parse_txt(path, data)


def read_file(path: Path) -> FileContent:
    """Read and parse one corpus file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return FileContent(str(path), problems=[LoadProblem(str(path), None, f"không đọc được: {error.strerror}")])
    return parse_file(path, data)


def read_corpus(paths: Iterable[str | Path]) -> tuple[list[Article], list[LoadProblem]]:
    """Every article under `paths`, and the problems met (duplicate ids keep the first)."""
    files, problems = corpus_files(paths)
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for path in files:
        content = read_file(path)
        problems.extend(content.problems)
        for article in content.articles:
            if article.id in seen:
                problems.append(
                    LoadProblem(str(path), None, f"trùng mã bài {article.id!r} (đã có trong {seen[article.id]})")
                )
                continue
            seen[article.id] = str(path)
            articles.append(article)
    return articles, problems


# --- text decoding ---------------------------------------------------------------------------


def _decode(path: Path, data: bytes) -> tuple[str | None, LoadProblem | None]:
    """UTF-8 text (a byte-order mark is accepted) with newlines unified, or the problem."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, LoadProblem(
            str(path), line, f"không phải văn bản UTF-8 (byte 0x{data[error.start]:02x}); hãy lưu tệp dạng UTF-8"
        )
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n")), None


# --- .txt (scraped page) ---------------------------------------------------------------------

_TITLE_LINE = re.compile(
    r"^(?P<title>.*?\S)\s*\((?P<hh>\d{1,2}):(?P<mm>\d{2})\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\)\s*$"
)
# The news site's page furniture after the article: the first such line ends the article.
_FURNITURE = re.compile(
    r"^(Các bài (mới|đã) đăng|Bài viết\s+Xem|Viết bình luận|Họ tên\s*:|Số điện thoại\s*:|Tiêu đề\s*:"
    r"|Nội dung\s*:|Mã xác nhận\s*:|Lấy lại mã|Ý kiến bạn đọc|Gửi bình luận|In bài viết)",
    re.IGNORECASE,
)
# A source tag opening the first paragraph: "HNP - Sáng 02/4, ...", "(TTXVN) - ...".
_SOURCE_TAG = re.compile(r"^\(?(?P<tag>[A-ZĐ][A-Za-zĐđ0-9.&]{1,19})\)?\s*[-–—]\s+(?=\S)")
_BYLINE_WORD = re.compile(rf"^[{UPPER_LETTERS}][\w.]*$")
_TERMINAL = tuple('.!?…:;"”’)»')


def _source_tag(paragraph: str) -> tuple[str | None, str]:
    match = _SOURCE_TAG.match(paragraph)
    if not match:
        return None, paragraph
    tag = match.group("tag")
    capitals = sum(1 for ch in tag if ch.isupper())
    if capitals < 2 and "." not in tag:  # "Sáng - ..." is not a source
        return None, paragraph
    return tag, paragraph[match.end() :]


def looks_like_byline(paragraph: str) -> bool:
    """A short line of capitalised words without punctuation: the author's name."""
    words = paragraph.replace(",", " ").split()
    if not 1 <= len(words) <= 5 or len(paragraph) > 40 or paragraph.endswith(_TERMINAL[1:]):
        return False
    return all(_BYLINE_WORD.match(w) or w in {"-", "và"} for w in words) and not any(c.isdigit() for c in paragraph)


def looks_like_caption(paragraph: str) -> bool:
    """A photo caption: a short paragraph of one sentence that does not end with a full stop.

    (A paragraph of several glued sentences ending in the byline, "...trước ngày 10/2.Đức Hùng",
    is no caption.)
    """
    return len(paragraph) < 300 and not paragraph.rstrip().endswith(_TERMINAL) and len(split_sentences(paragraph)) <= 1


def parse_txt(path: Path, data: bytes) -> FileContent:
    """Parse a scraped news page: dated title line, body, byline, page furniture."""
    content = FileContent(str(path))
    text, problem = _decode(path, data)
    if problem:
        content.problems.append(problem)
        return content
    assert text is not None
    lines = [line.replace("\xa0", " ").strip() for line in text.split("\n")]
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        content.problems.append(LoadProblem(str(path), None, "tệp rỗng"))
        return content
    title, date, time = lines[first], None, None
    match = _TITLE_LINE.match(title)
    if match:
        try:
            date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            time = dt.time(int(match["hh"]), int(match["mm"]))
            title = match["title"]
        except ValueError:
            content.problems.append(
                LoadProblem(str(path), first + 1, "ngày ở dòng tiêu đề không có thật; giữ bài, bỏ ngày", skipped=False)
            )
    title = title.strip()
    paragraphs: list[str] = []
    for line in lines[first + 1 :]:
        if _FURNITURE.match(line):
            break
        if line and "\ufffd" not in line:  # broken characters: captcha text, not prose
            paragraphs.append(line)
    byline = None
    if paragraphs and looks_like_byline(paragraphs[-1]):
        byline = paragraphs.pop()
    source = None
    if paragraphs:
        source, opening = _source_tag(paragraphs[0])
        paragraphs[0] = opening
    if not title:
        content.problems.append(LoadProblem(str(path), first + 1, "không có tiêu đề"))
    elif not paragraphs:
        content.problems.append(LoadProblem(str(path), None, "không có nội dung sau tiêu đề"))
    else:
        content.articles.append(
            Article(
                id=path.name[: -len(".txt")] if path.name.lower().endswith(".txt") else path.stem,
                title=title,
                paragraphs=tuple(paragraphs),
                date=date,
                time=time,
                source=source,
                byline=byline,
            )
        )
    return content


# --- .jsonl / .jsonl.gz ----------------------------------------------------------------------


def _jsonl_lines(path: Path, data: bytes) -> Iterator[tuple[int, bytes]]:
    """Non-empty lines with their numbers, decompressed as they are read (never all at once)."""
    stream = gzip.GzipFile(fileobj=io.BytesIO(data)) if path.name.lower().endswith(".gz") else io.BytesIO(data)
    with stream:
        for number, line in enumerate(stream, start=1):
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield number, line


def _parse_date(value: object) -> tuple[dt.date | None, dt.time | None]:
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        raise ValueError(value)
    if len(value) <= 10:
        return dt.date.fromisoformat(value), None
    moment = dt.datetime.fromisoformat(value)
    return moment.date(), moment.time().replace(second=0, microsecond=0, tzinfo=None)


def _optional_text(record: dict, key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _report(content: FileContent, path: Path, line: int, reason: str) -> None:
    content.problems.append(LoadProblem(str(path), line, reason))


def parse_jsonl(path: Path, data: bytes) -> FileContent:
    """Parse JSON Lines articles; each broken line is reported and skipped."""
    content = FileContent(str(path))
    stem = path.name.split(".")[0]
    try:
        for number, raw in _jsonl_lines(path, data):
            _parse_jsonl_line(
                content, path, stem, number, raw[3:] if number == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
            )
    except (OSError, EOFError, zlib.error) as error:  # a damaged archive: keep what was read before the damage
        content.problems.append(
            LoadProblem(str(path), None, f"tệp gzip hỏng, chỉ giữ các bài trước chỗ hỏng ({error})")
        )
    return content


def jsonl_article_id(record: dict, stem: str, number: int) -> str:
    """A JSON Lines article's id: its own, or `FILE:LINE` when it has none."""
    raw_id = record.get("id")
    return str(raw_id).strip() if raw_id not in (None, "") else f"{stem}:{number}"


def _parse_jsonl_line(content: FileContent, path: Path, stem: str, number: int, raw: bytes) -> None:
    """One JSON Lines article into `content`, or a problem naming the line."""
    skip = functools.partial(_report, content, path, number)
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        return skip(f"không phải văn bản UTF-8 (byte 0x{raw[error.start]:02x}); hãy lưu tệp dạng UTF-8")
    except json.JSONDecodeError as error:
        return skip(f"JSON hỏng ({error.msg}, cột {error.colno})")
    if not isinstance(record, dict):
        return skip("mỗi dòng phải là một đối tượng JSON")
    title, body = record.get("title"), record.get("text")
    if not isinstance(title, str) or not title.strip():
        return skip("không có tiêu đề")
    if not isinstance(body, str) or not body.strip():
        return skip("không có nội dung (text)")
    try:
        date, time = _parse_date(record.get("date"))
    except ValueError:
        date, time = None, None
        content.problems.append(
            LoadProblem(
                str(path), number, f"không đọc được ngày {record.get('date')!r}; giữ bài, bỏ ngày", skipped=False
            )
        )
    article_id = jsonl_article_id(record, stem, number)
    paragraphs = tuple(p for p in (nfc(line).replace("\xa0", " ").strip() for line in body.split("\n")) if p)
    content.articles.append(
        Article(
            id=article_id,
            title=nfc(title).strip(),
            paragraphs=paragraphs,
            date=date,
            time=time,
            source=_optional_text(record, "source"),
            url=_optional_text(record, "url"),
        )
    )
    return None
