"""Uploaded files: checked and converted before anything is written, saved without replacing anything."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
from pathlib import Path

import docx
import pytest

from bot.corpus import read_corpus
from bot.uploads import MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES, UploadRefused, check_upload, prepare_upload, save_upload

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
ARTICLE = (
    "Bình Dương sơ kết Chỉ thị 05 về học tập và làm theo Bác (09:00 10/10/2022)\n\n"
    "BDO - Sáng 10/10, Tỉnh ủy Bình Dương tổ chức hội nghị sơ kết Chỉ thị 05-CT/TW.\n\n"
    "Tới dự có Bí thư Tỉnh ủy Võ Văn Minh.\n"
).encode()
KNOWN = {"000_33da5da0feea9827", "vn-001"}


def stem_of(data: bytes) -> str:
    return "tai-len-" + hashlib.sha256(data).hexdigest()[:12]


def lines(*records: dict | str) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records).encode()


def test_a_scraped_page_txt_is_kept_as_sent_under_a_name_the_bot_makes():
    upload = prepare_upload("../../etc/passwd.txt", ARTICLE, KNOWN)
    assert upload.name == stem_of(ARTICLE) + ".txt" and upload.data == ARTICLE
    (article,) = upload.articles
    assert (article.id, article.title, article.date, article.source) == (
        stem_of(ARTICLE),
        "Bình Dương sơ kết Chỉ thị 05 về học tập và làm theo Bác",
        dt.date(2022, 10, 10),
        "BDO",
    )
    assert upload.skipped == []


def test_a_word_document_gives_its_first_paragraph_as_the_title():
    document = docx.Document()
    for text in (
        "Hải Phòng tổng kết Nghị quyết 35 (10:00 01/03/2024)",
        "",
        "Sáng 1/3, Thành ủy Hải Phòng tổng kết.",
        "Bí thư Thành ủy chủ trì hội nghị.",
    ):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    upload = prepare_upload("Bao cao.DOCX", buffer.getvalue(), KNOWN)
    (article,) = upload.articles
    assert upload.name.endswith(".txt") and article.title == "Hải Phòng tổng kết Nghị quyết 35"
    assert article.date == dt.date(2024, 3, 1)
    assert article.paragraphs == ("Sáng 1/3, Thành ủy Hải Phòng tổng kết.", "Bí thư Thành ủy chủ trì hội nghị.")


def test_a_broken_word_document_is_refused():
    with pytest.raises(UploadRefused, match="không mở được tệp Word"):
        prepare_upload("bao-cao.docx", b"PK\x03\x04 not really a zip", KNOWN)


def test_json_lines_keep_the_good_lines_with_fixed_ids_and_say_which_were_skipped_and_why():
    data = lines(
        {"title": "Bài một", "text": "Nội dung một.", "date": "2024-01-02"},
        "{hỏng",
        {"id": "vn-001", "title": "Bài đã có", "text": "Nội dung."},
        {"id": "moi-3", "title": "Bài ba", "text": "Nội dung ba.", "url": "https://example.vn/3"},
        {"title": "Thiếu nội dung"},
        {"title": "Bài năm", "text": "Nội dung năm."},
    )
    upload = prepare_upload("tin.jsonl", data, KNOWN)
    stem = stem_of(data)
    assert upload.name == f"{stem}.jsonl"
    assert [a.id for a in upload.articles] == [f"{stem}:1", "moi-3", f"{stem}:6"]
    assert [(p.line, p.reason) for p in upload.skipped] == [
        (2, "JSON hỏng (Expecting property name enclosed in double quotes, cột 2)"),
        (5, "không có nội dung (text)"),
        (None, "bài «Bài đã có» (mã vn-001) đã có trong kho"),
    ]
    # What is written holds only the kept articles, each with its id: removing a line moves no other id.
    written = [json.loads(line) for line in upload.data.decode().splitlines()]
    assert [(r["id"], r["title"]) for r in written] == [
        (f"{stem}:1", "Bài một"),
        ("moi-3", "Bài ba"),
        (f"{stem}:6", "Bài năm"),
    ]
    assert written[0]["date"] == "2024-01-02" and written[1]["url"] == "https://example.vn/3"


def test_compressed_json_lines_are_read_and_a_bomb_or_damage_refused():
    data = lines(*({"title": f"Bài {n}", "text": f"Nội dung {n}."} for n in range(3)))
    upload = prepare_upload("tin.jsonl.gz", gzip.compress(data), KNOWN)
    assert upload.name.endswith(".jsonl") and [a.title for a in upload.articles] == ["Bài 0", "Bài 1", "Bài 2"]
    with pytest.raises(UploadRefused, match="giải nén ra lớn quá"):
        prepare_upload("bom.jsonl.gz", gzip.compress(b" " * (MAX_UNPACKED_BYTES + 1)), KNOWN)
    with pytest.raises(UploadRefused, match="tệp gzip hỏng"):
        prepare_upload("hong.jsonl.gz", gzip.compress(data)[:40], KNOWN)


def test_a_saved_web_page_is_read_for_its_article():
    upload = prepare_upload("trang.html", (PAGES / "bai_bao.html").read_bytes(), KNOWN)
    (article,) = upload.articles
    assert article.title == "Đà Nẵng sơ kết 2 năm thực hiện Chỉ thị 05 về học tập và làm theo Bác"
    assert (article.date, article.source) == (dt.date(2023, 5, 18), "Báo Đà Nẵng")
    assert (
        article.paragraphs[1]
        == "Bí thư Thành ủy Nguyễn Văn Quảng chủ trì hội nghị. Hội nghị diễn ra tại Trung tâm Hành chính thành phố."
    )
    assert len(article.paragraphs) == 3  # no menu, byline, related links or footer


def test_a_listing_page_is_refused_as_no_article():
    with pytest.raises(UploadRefused, match="trang quá ít chữ để là một bài viết"):
        prepare_upload("muc.html", (PAGES / "danh_sach.html").read_bytes(), KNOWN)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bao-cao.pdf", b"%PDF-1.4", "tôi chỉ đọc được tệp .txt, .docx, .jsonl, .jsonl.gz hoặc .html"),
        ("bai.txt", b"\xff\xfe not utf-8", "tệp không có bài viết mới nào đọc được"),
        ("bai.txt", "Chỉ có tiêu đề (09:00 10/10/2022)\n".encode(), "tệp không có bài viết mới nào đọc được"),
        ("bai.jsonl", lines({"title": "Thiếu nội dung"}), "tệp không có bài viết mới nào đọc được"),
        ("bai.txt", b"x" * (MAX_UPLOAD_BYTES + 1), "tệp lớn quá (10,0 MB; tối đa 10 MB)"),
    ],
)
def test_a_file_that_adds_nothing_is_refused_with_the_reason(name, data, reason):
    with pytest.raises(UploadRefused) as refused:
        prepare_upload(name, data, KNOWN)
    assert refused.value.reason == reason


def test_the_size_is_checked_before_downloading():
    check_upload("bai.txt", MAX_UPLOAD_BYTES)
    with pytest.raises(UploadRefused, match=r"tệp lớn quá \(25,0 MB; tối đa 10 MB\)"):
        check_upload("bai.txt", 25 * 2**20)


def test_a_txt_that_is_not_utf8_says_so():
    with pytest.raises(UploadRefused) as refused:
        prepare_upload("bai.txt", b"\xff\xfe not utf-8", KNOWN)
    assert [p.reason for p in refused.value.problems] == [
        "không phải văn bản UTF-8 (byte 0xff); hãy lưu tệp dạng UTF-8"
    ]


def test_saving_writes_under_uploads_and_never_replaces_a_file(tmp_path):
    upload = prepare_upload("bai.txt", ARTICLE, KNOWN)
    path = save_upload(upload, tmp_path)
    assert path == tmp_path / "uploads" / upload.name and path.read_bytes() == ARTICLE
    path.write_bytes(b"edited by hand")
    with pytest.raises(UploadRefused, match="đã có một tệp cùng tên trong kho"):
        save_upload(upload, tmp_path)
    assert path.read_bytes() == b"edited by hand"
    assert [p.name for p in (tmp_path / "uploads").iterdir()] == [upload.name]  # no temporary file left


def test_the_same_file_sent_again_adds_nothing(tmp_path):
    save_upload(prepare_upload("bai.txt", ARTICLE, KNOWN), tmp_path)
    served, _ = read_corpus([tmp_path])
    with pytest.raises(UploadRefused) as refused:
        prepare_upload("bai-lai.txt", ARTICLE, {a.id for a in served})
    assert refused.value.problems[0].reason.endswith("đã có trong kho")
