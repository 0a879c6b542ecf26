"""Read article files into `Article` records, reporting the files (or lines) that cannot be read.

Formats:
- `.txt`: the raw scraped-page format, `TITLE (HH:MM DD/MM/YYYY)` on the first line, then the
  body, a byline, and the news site's page furniture (dropped).
- `.jsonl` / `.jsonl.gz`: one JSON object a line with `title` and `text`, optionally `id`, `date`,
  `source`, `url`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.names import KNOWN_PLACE, alternation, table
from bot.tables import word_tables
from bot.text import LOWER_LETTERS, UPPER_LETTERS, ends_in_abbreviation, nfc, number, split_sentences

TXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")

# Bounds on what one file may cost while it is read (a hostile or broken file is reported, and
# everything else still loads): a scraped page is a few hundred KB, an article line a few hundred.
MAX_TXT_BYTES = 20 * 2**20
MAX_JSONL_BYTES = 2 * 2**30  # read into memory whole (compressed)
MAX_DECOMPRESSED_BYTES = 4 * 2**30
MAX_LINE_BYTES = 16 * 2**20
MAX_PROBLEMS_PER_FILE = 50  # the rest are counted, not listed


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
    """Articles read from one file, with its problems (the first MAX_PROBLEMS_PER_FILE of them)."""

    path: str
    articles: list[Article] = field(default_factory=list)
    # The line each article was read from, where its file has one article a line (JSON Lines), for
    # the reports that name it; kept beside the articles so that Article stays what it holds.
    lines: list[int | None] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    unlisted: int = 0  # problems past the limit, counted only

    def report(self, line: int | None, reason: str, skipped: bool = True) -> None:
        """Note a problem; past the limit only its count is kept (20 million bad lines cost nothing)."""
        if len(self.problems) < MAX_PROBLEMS_PER_FILE:
            self.problems.append(LoadProblem(self.path, line, reason, skipped))
        else:
            self.unlisted += 1

    def finish(self) -> FileContent:
        """The content, with one line counting the problems not listed."""
        if self.unlisted:
            self.problems.append(
                LoadProblem(self.path, None, f"và {number(self.unlisted)} lỗi khác không liệt kê", skipped=False)
            )
            self.unlisted = 0
        return self


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
            found, trouble = _walk(path)
            problems.extend(trouble)
            for child in found:
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


def _walk(directory: Path) -> tuple[list[Path], list[LoadProblem]]:
    """The files under a directory, sorted, hidden entries skipped; what cannot be read is reported:
    a folder without permission, a linked folder (not followed: a link may loop), a broken link."""
    files: list[Path] = []
    problems: list[LoadProblem] = []

    def unreadable(error: OSError) -> None:
        problems.append(LoadProblem(str(error.filename), None, f"không đọc được thư mục: {error.strerror}"))

    for root, folders, names in os.walk(directory, onerror=unreadable):
        here = Path(root)
        for folder in [f for f in folders if not f.startswith(".") and (here / f).is_symlink()]:
            problems.append(
                LoadProblem(str(here / folder), None, "thư mục liên kết (symlink): không đọc, hãy chép vào")
            )
        folders[:] = sorted(f for f in folders if not f.startswith(".") and not (here / f).is_symlink())
        for name in names:
            child = here / name
            if name.startswith("."):
                continue
            if child.is_file():
                files.append(child)
            elif child.is_symlink():
                problems.append(LoadProblem(str(child), None, "liên kết hỏng: tệp nó trỏ tới không còn"))
    return sorted(files), problems


def parse_file(path: Path, data: bytes) -> FileContent:
    """Parse the bytes of one corpus file (already read, so the caller can hash them)."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return parse_jsonl(path, data)
    return parse_txt(path, data)


def too_large(path: Path, size: int) -> str | None:
    """Why a corpus file of this size is not read, if it is too large."""
    limit = MAX_JSONL_BYTES if path.name.lower().endswith(JSONL_SUFFIXES) else MAX_TXT_BYTES
    if size > limit:
        return f"tệp quá lớn ({number(size / 2**20)} MB, tối đa {number(limit / 2**20)} MB)"
    return None


def read_file(path: Path) -> FileContent:
    """Read and parse one corpus file."""
    try:
        reason = too_large(path, path.stat().st_size)
        if reason:
            return FileContent(str(path), problems=[LoadProblem(str(path), None, reason)])
        data = path.read_bytes()
    except OSError as error:
        return FileContent(str(path), problems=[LoadProblem(str(path), None, f"không đọc được: {error.strerror}")])
    return parse_file(path, data)


def read_corpus(paths: Iterable[str | Path]) -> tuple[list[Article], list[LoadProblem]]:
    """Every article under `paths`, and the problems met (duplicate ids keep the first)."""
    files, problems = corpus_files(paths)
    articles: list[Article] = []
    seen: dict[str, Seen] = {}
    for path in files:
        content = read_file(path)
        problems.extend(content.problems)
        for article, line in zip(content.articles, content.lines, strict=True):
            admitted, problem = admit(article, str(path), seen, line)
            if problem:
                problems.append(problem)
            if admitted:
                articles.append(admitted)
    return articles, problems


@dataclass(frozen=True)
class Seen:
    """Where an admitted article id was read, and a hash of its content."""

    path: str
    line: int | None
    content: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


def admit(
    article: Article, path: str, seen: dict[str, Seen], line: int | None = None
) -> tuple[Article | None, LoadProblem | None]:
    """The article under an id no earlier file took (`seen`: id -> where it was read), or None and
    why; `line` is the article's line in its file, when it has one.

    Another page named like one in another folder (y2024/001.txt, y2025/001.txt) is told apart by
    its folder; the same article twice, or an article given an id another already has, is a
    duplicate, and the later one is skipped.
    """
    content = hash((article.title, article.paragraphs))
    if article.id not in seen:
        seen[article.id] = Seen(path, line, content)
        return article, None
    earlier = seen[article.id]
    file = Path(path)
    if (
        content != earlier.content
        and file.name.lower().endswith(TXT_SUFFIXES)
        and article.id == file.name[: -len(".txt")]
    ):
        qualified = f"{file.parent.name}/{article.id}"
        if qualified not in seen:
            seen[qualified] = Seen(path, line, content)
            note = f"mã bài {article.id!r} đã có trong {earlier}: bài này mang mã {qualified!r}"
            return dataclasses.replace(article, id=qualified), LoadProblem(path, line, note, skipped=False)
    return None, LoadProblem(path, line, f"trùng mã bài {article.id!r} (đã có trong {earlier})")


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
    if "\x00" in text:  # text never holds NUL: this is a binary file that happens to decode
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, LoadProblem(str(path), line, "tệp nhị phân (có byte 0), không phải văn bản")
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n")), None


# --- .txt (scraped page) ---------------------------------------------------------------------

_TITLE_LINE = re.compile(
    r"^(?P<title>.*?\S)\s*\((?P<hh>\d{1,2}):(?P<mm>\d{2})\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\)\s*$"
)


def _furniture(table_name: str) -> str:
    """A table of bot/data/furniture.toml as a pattern: any of its phrases ("Họ tên:" as "Họ tên :" too)."""
    return alternation(tuple(word_tables("furniture")[table_name]["words"])).replace(":", r"\s*:")


@functools.cache
def _furniture_line() -> re.Pattern[str]:
    """A line of page furniture, which ends a .txt article."""
    return re.compile(rf"^(?:{_furniture('line_openings')})", re.IGNORECASE)


@functools.cache
def _glued_furniture() -> re.Pattern[str]:
    """Page furniture glued to the end of a JSON Lines text, which ends that text."""
    return re.compile(_furniture("glued"))


@functools.cache
def _dateline() -> re.Pattern[str]:
    """A place glued to the first word of a text ("Tiền GiangAnh Phan Quốc Huy …"): the report's dateline."""
    places = sorted(table("provinces") + table("countries"), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, places))})(?=[{UPPER_LETTERS}][{LOWER_LETTERS}])")


def _jsonl_text(body: str) -> tuple[str, str | None]:
    """A JSON Lines body without the page furniture glued after it, with its dateline set apart, and
    the byline that ended it ("… qua thời sốt đất. Hoàng Văn Phương")."""
    footer = _glued_furniture().search(body)
    text = body[: footer.start()].strip() if footer else body.strip()
    dateline = _dateline().match(text)
    if dateline is not None:
        text = f"{dateline.group()} - {text[dateline.end() :]}"
    head, _, last = text.rpartition("\n")
    sentences = split_sentences(last)
    if len(sentences) > 1 and looks_like_byline(byline := last[sentences[-1][0] : sentences[-1][1]].strip()):
        kept = last[: sentences[-1][0]].rstrip()
        return (f"{head}\n{kept}" if head else kept), byline
    return text, None


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


def rejoined(paragraphs: Iterable[str]) -> list[str]:
    """Paragraphs with the breaks scrapers put after an abbreviation's period mended: "Chủ tịch UBND
    TP." and "Đà Nẵng đã đọc tờ trình …" are one sentence. A break is mended when the next line goes
    on in lowercase or with a number, or names the city ("HCM", a province); "TP." before "Ông …"
    may end a sentence and is left."""
    mended: list[str] = []
    for paragraph in paragraphs:
        if mended and ends_in_abbreviation(mended[-1]) and _goes_on(paragraph):
            mended[-1] = f"{mended[-1]} {paragraph}"
        else:
            mended.append(paragraph)
    return mended


def _goes_on(paragraph: str) -> bool:
    return (
        paragraph[:1].islower()
        or paragraph[:1].isdigit()
        or paragraph.startswith(("HCM", "Hồ Chí Minh"))
        or KNOWN_PLACE.match(paragraph) is not None
    )


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
        content.report(None, "tệp rỗng")
        return content
    title, date, time = lines[first], None, None
    match = _TITLE_LINE.match(title)
    if match:
        try:
            date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            time = dt.time(int(match["hh"]), int(match["mm"]))
            title = match["title"]
        except ValueError:
            content.report(first + 1, "ngày ở dòng tiêu đề không có thật; giữ bài, bỏ ngày", skipped=False)
    title = title.strip()
    paragraphs: list[str] = []
    for line_number, line in enumerate(lines[first + 1 :], start=first + 2):
        if _furniture_line().match(line):
            break
        if "\ufffd" in line:  # broken characters: a scraped captcha, or text damaged before it came here
            content.report(line_number, "bỏ đoạn có ký tự hỏng (U+FFFD); giữ phần còn lại của bài", skipped=False)
        elif line:
            paragraphs.append(line)
    paragraphs = rejoined(paragraphs)
    byline = None
    if paragraphs and looks_like_byline(paragraphs[-1]):
        byline = paragraphs.pop()
    source = None
    if paragraphs:
        source, opening = _source_tag(paragraphs[0])
        paragraphs[0] = opening
    if not title:
        content.report(first + 1, "không có tiêu đề")
    elif not paragraphs:
        content.report(None, "không có nội dung sau tiêu đề")
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
        content.lines.append(None)
    return content.finish()


# --- .jsonl / .jsonl.gz ----------------------------------------------------------------------


class _Unpacked(ValueError):
    """The file unpacks to more than MAX_DECOMPRESSED_BYTES."""


def _jsonl_lines(path: Path, data: bytes, content: FileContent) -> Iterator[tuple[int, bytes]]:
    """Non-empty lines with their numbers, decompressed as they are read (never all at once): an
    overlong line is reported and skipped a piece at a time, an archive that unpacks too far stopped."""
    stream = gzip.GzipFile(fileobj=io.BytesIO(data)) if path.name.lower().endswith(".gz") else io.BytesIO(data)
    unpacked = 0
    with stream:
        number = 0
        while line := stream.readline(MAX_LINE_BYTES + 1):
            number += 1
            unpacked += len(line)
            if len(line) > MAX_LINE_BYTES:
                while line and not line.endswith(b"\n") and unpacked <= MAX_DECOMPRESSED_BYTES:
                    line = stream.readline(MAX_LINE_BYTES)
                    unpacked += len(line)
                if unpacked <= MAX_DECOMPRESSED_BYTES:
                    content.report(number, f"dòng dài quá {MAX_LINE_BYTES // 2**20} MB")
                    continue
            if unpacked > MAX_DECOMPRESSED_BYTES:
                raise _Unpacked
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


def parse_jsonl(path: Path, data: bytes) -> FileContent:
    """Parse JSON Lines articles; each broken line is reported and skipped."""
    content = FileContent(str(path))
    stem = jsonl_stem(path)
    try:
        for number, raw in _jsonl_lines(path, data, content):
            _parse_jsonl_line(
                content, number, stem, raw[3:] if number == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
            )
    except (OSError, EOFError, zlib.error) as error:  # a damaged archive: keep what was read before the damage
        content.report(None, f"tệp gzip hỏng, chỉ giữ các bài trước chỗ hỏng ({error})")
    except _Unpacked:
        content.report(
            None, f"giải nén ra quá {MAX_DECOMPRESSED_BYTES // 2**30} GB: chỉ giữ các bài trước đó", skipped=True
        )
    return content.finish()


def jsonl_stem(path: Path) -> str:
    """What names a JSON Lines file's articles that have no id: "news.2024" for news.2024.jsonl.gz
    (not "news": news.2024.jsonl and news.2025.jsonl would both give news:1)."""
    name = path.name
    for suffix in sorted(JSONL_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def jsonl_article_id(record: dict, stem: str, number: int) -> str:
    """A JSON Lines article's id: its own, or `FILE:LINE` when it has none."""
    raw_id = record.get("id")
    return str(raw_id).strip() if raw_id not in (None, "") else f"{stem}:{number}"


def _parse_jsonl_line(content: FileContent, number: int, stem: str, raw: bytes) -> None:
    """One JSON Lines article into `content`, or a problem naming the line."""
    skip = functools.partial(content.report, number)
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
    body, byline = _jsonl_text(nfc(body).replace("\xa0", " "))
    if not body:
        return skip("chỉ có phần khung của trang báo (quảng cáo, bản quyền), không có nội dung bài")
    try:
        date, time = _parse_date(record.get("date"))
    except ValueError:
        date, time = None, None
        content.report(number, f"không đọc được ngày {record.get('date')!r}; giữ bài, bỏ ngày", skipped=False)
    article_id = jsonl_article_id(record, stem, number)
    paragraphs = tuple(rejoined(p for p in (line.strip() for line in body.split("\n")) if p))
    content.articles.append(
        Article(
            id=article_id,
            title=nfc(title).strip(),
            paragraphs=paragraphs,
            date=date,
            time=time,
            source=_optional_text(record, "source"),
            url=_optional_text(record, "url"),
            byline=byline,
        )
    )
    content.lines.append(number)
    return None
