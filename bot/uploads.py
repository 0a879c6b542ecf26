"""Files an admin sends to the bot: checked, turned into corpus files, saved without replacing anything.

Plain code, no Telegram: the handler passes the bytes and the name the user gave, and gets back
what was saved or an `UploadRefused` saying why nothing was. The user's file name only chooses
the format; the stored name is made here from the content, so that it is never a path from the
user and the same file sent twice lands on the same name.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
import tempfile
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from bot.corpus import Article, LoadProblem, parse_jsonl, parse_txt
from bot.text import number

UPLOADS = "uploads"  # the folder of CORPUS_DIR that uploaded files go to
MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # Telegram lets a bot download at most 20 MB
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # what a .gz or a .docx may unpack to (a zip bomb is refused)
MIN_ARTICLE_CHARS = 200  # an extracted page with less text than this is no article (a listing, a stub)
SUFFIXES = (".txt", ".docx", ".jsonl.gz", ".jsonl", ".html", ".htm")
ACCEPTED = ".txt, .docx, .jsonl, .jsonl.gz hoặc .html"


class UploadRefused(ValueError):
    """Nothing was written: `reason` says why, `problems` what was wrong where."""

    def __init__(self, reason: str, problems: Collection[LoadProblem] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.problems = list(problems)


@dataclass(frozen=True)
class Upload:
    """A checked file ready to be written as `name` under CORPUS_DIR/uploads."""

    name: str
    data: bytes
    articles: list[Article]
    skipped: list[LoadProblem] = field(default_factory=list)


def upload_suffix(filename: str) -> str | None:
    """The format of a file by its name's ending, or None when the bot does not read it."""
    lower = filename.lower()
    return next((suffix for suffix in SUFFIXES if lower.endswith(suffix)), None)


def check_upload(filename: str, size: int | None) -> None:
    """Refuse a file of a format the bot does not read, or over the size limit (before it is downloaded)."""
    if upload_suffix(filename) is None:
        raise UploadRefused(f"tôi chỉ đọc được tệp {ACCEPTED}")
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise UploadRefused(f"tệp lớn quá ({number(size / 2**20, 1)} MB; tối đa {number(MAX_UPLOAD_BYTES / 2**20)} MB)")


def prepare_upload(filename: str, data: bytes, existing_ids: Collection[str]) -> Upload:
    """Check and convert an uploaded file; raises UploadRefused when it adds no article."""
    check_upload(filename, len(data))
    suffix = upload_suffix(filename)
    stem = "tai-len-" + hashlib.sha256(data).hexdigest()[:12]
    if suffix == ".txt":
        upload = _checked_txt(stem, data)
    elif suffix == ".docx":
        upload = _checked_txt(stem, _docx_as_txt(data))
    elif suffix in (".html", ".htm"):
        upload = _as_jsonl(stem, [html_record(data)], [])
    else:
        plain = _gunzip(data) if suffix == ".jsonl.gz" else data
        content = parse_jsonl(Path(f"{stem}.jsonl"), plain)
        upload = _as_jsonl(stem, [_record(a) for a in content.articles], content.problems)
    return _without_known(upload, existing_ids)


def save_upload(upload: Upload, corpus_dir: Path) -> Path:
    """Write the file atomically under CORPUS_DIR/uploads; never replaces a file already there."""
    folder = corpus_dir / UPLOADS
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / upload.name
    # A hidden temporary name: the corpus reader skips it should a reload run meanwhile.
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(upload.data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, target)  # fails when the name exists, where a rename would replace
        except FileExistsError:
            raise UploadRefused("đã có một tệp cùng tên trong kho; tệp cũ được giữ nguyên") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return target


def add_upload(corpus_dir: Path, filename: str, data: bytes, existing_ids: Collection[str]) -> tuple[Upload, Path]:
    """Check the file, then save what it adds (raises UploadRefused, having written nothing)."""
    upload = prepare_upload(filename, data, existing_ids)
    return upload, save_upload(upload, corpus_dir)


def add_link(corpus_dir: Path, url: str, page: bytes, existing_ids: Collection[str]) -> tuple[Upload, Path]:
    """Save the article of a fetched page as a JSON line with its url; the same url twice is refused."""
    stem = "lien-ket-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    upload = _without_known(_as_jsonl(stem, [html_record(page, url)], []), existing_ids)
    return upload, save_upload(upload, corpus_dir)


# --- formats ---------------------------------------------------------------------------------


def _checked_txt(stem: str, data: bytes) -> Upload:
    content = parse_txt(Path(f"{stem}.txt"), data)
    return Upload(f"{stem}.txt", data, content.articles, content.problems)


def _docx_as_txt(data: bytes) -> bytes:
    """A Word document as the scraped-page text: its first paragraph the title, then the body."""
    import docx  # only when a Word file comes: the bot starts without loading it
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise UploadRefused("tệp Word giải nén ra lớn quá")
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, XMLSyntaxError, KeyError, ValueError) as error:
        raise UploadRefused(f"không mở được tệp Word ({type(error).__name__})") from None
    paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    return "\n\n".join(paragraphs).encode("utf-8")


def _gunzip(data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            plain = stream.read(MAX_UNPACKED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise UploadRefused(f"tệp gzip hỏng ({error})") from None
    if len(plain) > MAX_UNPACKED_BYTES:
        raise UploadRefused(f"tệp giải nén ra lớn quá (tối đa {number(MAX_UNPACKED_BYTES / 2**20)} MB)")
    return plain


def html_record(page: bytes | str, url: str | None = None) -> dict:
    """The article of a web page (title, date, text, site name) as a JSON Lines record; refuses a
    page that holds no article."""
    import trafilatura  # only when a page comes: the bot starts without loading it

    document = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=False, as_dict=False
    )
    assert not isinstance(document, dict)  # as_dict=False: a Document, or None
    if document is None or not document.text:
        raise UploadRefused("trang không có nội dung bài viết")
    title = (document.title or "").strip()
    lines = [line.strip() for line in document.text.split("\n") if line.strip()]
    if lines and lines[0] == title:  # the headline is extracted with the body
        lines = lines[1:]
    if not title:
        raise UploadRefused("trang không có tiêu đề bài viết")
    if sum(len(line) for line in lines) < MIN_ARTICLE_CHARS:
        raise UploadRefused("trang quá ít chữ để là một bài viết (có thể là trang danh sách hoặc trang chủ)")
    record = {"title": title, "text": "\n".join(lines), "date": document.date, "source": document.sitename}
    if url:
        record["url"] = url
    return {k: v for k, v in record.items() if v}


def _record(article: Article) -> dict:
    record = {
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "date": article.iso_date(),
        "source": article.source,
        "url": article.url,
    }
    return {k: v for k, v in record.items() if v}


def _as_jsonl(stem: str, records: list[dict], problems: list[LoadProblem]) -> Upload:
    """Records written one a line, each with an id: ids stay put when a line is later removed."""
    lines = []
    for position, record in enumerate(records, start=1):
        record = dict(record)
        record.setdefault("id", f"{stem}-{position}")
        lines.append(json.dumps(record, ensure_ascii=False))
    data = "".join(f"{line}\n" for line in lines).encode("utf-8")
    content = parse_jsonl(Path(f"{stem}.jsonl"), data)
    return Upload(f"{stem}.jsonl", data, content.articles, problems + content.problems)


def _without_known(upload: Upload, existing_ids: Collection[str]) -> Upload:
    """The upload less the articles whose ids the corpus (or the file itself) already has."""
    seen = set(existing_ids)
    kept: list[Article] = []
    skipped = list(upload.skipped)
    for article in upload.articles:
        if article.id in seen:
            skipped.append(LoadProblem(upload.name, None, f"bài «{article.title}» (mã {article.id}) đã có trong kho"))
        else:
            seen.add(article.id)
            kept.append(article)
    if not kept:
        raise UploadRefused("tệp không có bài viết mới nào đọc được", skipped)
    if len(kept) == len(upload.articles):
        return Upload(upload.name, upload.data, kept, skipped)
    # Only a JSON Lines file holds several articles: the known ones are left out of what is written.
    data = "".join(json.dumps(_record(a), ensure_ascii=False) + "\n" for a in kept).encode("utf-8")
    return Upload(upload.name, data, kept, skipped)
