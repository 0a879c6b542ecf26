"""Hostile or unlucky corpus files cost bounded time and memory, are reported by file and line, and
lose nothing else: the files are small, the limits lowered to their size, the shapes the real ones."""

from __future__ import annotations

import gzip
import json
import os
import shutil

import pytest

from bot import corpus
from bot.corpus import read_corpus
from bot.index import MAX_SENTENCE_CHARS, passage_spans
from bot.store import build_index

ARTICLE = {"title": "Hội nghị sơ kết Chỉ thị 05", "text": "Tới dự có Phó Bí thư Thành ủy Nguyễn Văn Phong."}


def line(**fields: object) -> bytes:
    return json.dumps({**ARTICLE, **fields}, ensure_ascii=False).encode("utf-8") + b"\n"


def page(title: str, body: str) -> str:
    return f"{title} (15:30 02/04/2021)\n\n{body}\n"


def reasons(problems) -> list[str]:
    return [str(p) for p in problems]


def test_an_archive_that_unpacks_past_the_limit_keeps_the_articles_before_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "MAX_DECOMPRESSED_BYTES", 10_000)
    monkeypatch.setattr(corpus, "MAX_LINE_BYTES", 1_000)
    bomb = tmp_path / "bom.jsonl.gz"
    bomb.write_bytes(gzip.compress(line(id="a") + line(id="b") + b"0" * 1_000_000))
    articles, problems = read_corpus([tmp_path])
    assert [a.id for a in articles] == ["a", "b"]
    assert reasons(problems) == [f"{bomb}: giải nén ra quá 0 GB: chỉ giữ các bài trước đó"]


def test_an_overlong_line_is_skipped_with_its_number_and_the_next_lines_still_load(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "MAX_LINE_BYTES", 1_000)
    path = tmp_path / "tin.jsonl"
    path.write_bytes(line(id="a") + b"x" * 5_000 + b"\n" + line(id="c"))
    articles, problems = read_corpus([path])
    assert [a.id for a in articles] == ["a", "c"]
    assert reasons(problems) == [f"{path}:2: dòng dài quá 0 MB"]


def test_past_fifty_problems_a_file_counts_the_rest_instead_of_listing_them(tmp_path):
    path = tmp_path / "hong.jsonl"
    path.write_bytes(b"{broken\n" * 500 + line(id="ok"))
    articles, problems = read_corpus([path])
    assert [a.id for a in articles] == ["ok"]
    assert len(problems) == 51
    assert str(problems[0]) == f"{path}:1: JSON hỏng (Expecting property name enclosed in double quotes, cột 2)"
    assert str(problems[-1]) == f"{path}: và 450 lỗi khác không liệt kê"


def test_a_binary_file_that_decodes_as_utf8_is_reported_as_binary_not_indexed(tmp_path):
    (tmp_path / "anh.txt").write_bytes(b"PNG\x00\x00\x00IHDR\n" + b"\x00" * 100)
    (tmp_path / "rong.txt").write_bytes(b"\x00" * 1000)
    articles, problems = read_corpus([tmp_path])
    assert articles == []
    assert reasons(problems) == [
        f"{tmp_path / 'anh.txt'}:1: tệp nhị phân (có byte 0), không phải văn bản",
        f"{tmp_path / 'rong.txt'}:1: tệp nhị phân (có byte 0), không phải văn bản",
    ]


def test_a_paragraph_with_a_broken_character_is_reported_and_the_article_kept(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(page("Hội nghị", "Đoạn một.\n\nMã x\ufffdy\n\nĐoạn hai."), encoding="utf-8")
    articles, problems = read_corpus([path])
    assert [a.paragraphs for a in articles] == [("Đoạn một.", "Đoạn hai.")]
    assert reasons(problems) == [f"{path}:5: bỏ đoạn có ký tự hỏng (U+FFFD); giữ phần còn lại của bài"]
    assert problems[0].skipped is False


def test_lines_without_ids_in_files_named_alike_get_different_ids(tmp_path):
    for year in ("2024", "2025"):
        (tmp_path / f"news.{year}.jsonl").write_bytes(line(title=f"Tin năm {year}"))
    articles, problems = read_corpus([tmp_path])
    assert ([a.id for a in articles], problems) == (["news.2024:1", "news.2025:1"], [])


def test_pages_named_alike_in_two_folders_are_both_kept_the_second_named_by_its_folder(tmp_path):
    for year in ("y2024", "y2025"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "001.txt").write_text(page(f"Tin {year}", "Nội dung."), encoding="utf-8")
    articles, problems = read_corpus([tmp_path])
    assert [(a.id, a.title) for a in articles] == [("001", "Tin y2024"), ("y2025/001", "Tin y2025")]
    assert reasons(problems) == [
        f"{tmp_path / 'y2025' / '001.txt'}: mã bài '001' đã có trong {tmp_path / 'y2024' / '001.txt'}: "
        "bài này mang mã 'y2025/001'"
    ]


def _repeated_ids(folder) -> tuple:
    """news.jsonl holds "a" on line 1 and "b" on line 3 (a blank line between) and "a" again on line 4;
    tiep.jsonl repeats "b" on its line 2; the page a.txt repeats "a"."""
    folder.mkdir()
    news, more = folder / "news.jsonl", folder / "tiep.jsonl"
    news.write_bytes(line(id="a") + b"\n" + line(id="b", title="Tin b") + line(id="a", title="Tin khác"))
    more.write_bytes(line(id="c") + line(id="b", title="Tin b lần nữa"))
    (folder / "z.txt").write_text(page("Tin", "Nội dung."), encoding="utf-8")
    (folder / "zz.jsonl").write_bytes(line(id="z"))
    return news, more


def test_a_repeated_id_in_a_jsonl_file_is_reported_at_its_line_and_the_earlier_ones(tmp_path):
    news, more = _repeated_ids(tmp_path / "kho")
    expected = [
        f"{news}:4: trùng mã bài 'a' (đã có trong {news}:1)",
        f"{more}:2: trùng mã bài 'b' (đã có trong {news}:3)",
        f"{tmp_path / 'kho' / 'zz.jsonl'}:1: trùng mã bài 'z' (đã có trong {tmp_path / 'kho' / 'z.txt'})",
    ]
    assert reasons(read_corpus([tmp_path / "kho"])[1]) == expected
    # The bot's own build: fresh, then from the per-file caches alone (the index cache missed).
    for _ in range(2):
        _, report = build_index([tmp_path / "kho"], tmp_path / "cache", workers=1)
        assert reasons(report.problems) == expected
        for index_dir in (tmp_path / "cache" / "index").iterdir():
            shutil.rmtree(index_dir)


def test_the_same_ids_are_given_when_the_index_is_built_through_the_cache(tmp_path):
    for year in ("y2024", "y2025"):
        (tmp_path / "kho" / year).mkdir(parents=True)
        (tmp_path / "kho" / year / "001.txt").write_text(page(f"Tin {year}", "Nội dung."), encoding="utf-8")
    (tmp_path / "kho" / "002.txt").write_text(page("Tin khác", "Nội dung khác."), encoding="utf-8")
    index, _ = build_index([tmp_path / "kho"], tmp_path / "cache", workers=1)
    assert sorted(a.id for a in index.articles) == ["001", "002", "y2025/001"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_linked_folders_and_broken_links_are_reported_not_skipped_silently(tmp_path):
    (tmp_path / "kho").mkdir()
    (tmp_path / "kho" / "bai.txt").write_text(page("Tin", "Nội dung."), encoding="utf-8")
    (tmp_path / "khac").mkdir()
    (tmp_path / "kho" / "lien-ket").symlink_to(tmp_path / "khac", target_is_directory=True)
    (tmp_path / "kho" / "mat.txt").symlink_to(tmp_path / "khong-con.txt")
    (tmp_path / "kho" / "vong.txt").symlink_to(tmp_path / "kho" / "vong.txt")
    articles, problems = read_corpus([tmp_path / "kho"])
    assert [a.id for a in articles] == ["bai"]
    assert sorted(reasons(problems)) == [
        f"{tmp_path / 'kho' / 'lien-ket'}: thư mục liên kết (symlink): không đọc, hãy chép vào",
        f"{tmp_path / 'kho' / 'mat.txt'}: liên kết hỏng: tệp nó trỏ tới không còn",
        f"{tmp_path / 'kho' / 'vong.txt'}: liên kết hỏng: tệp nó trỏ tới không còn",
    ]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_that_cannot_be_read_is_reported(tmp_path):
    (tmp_path / "kho" / "khoa").mkdir(parents=True)
    (tmp_path / "kho" / "khoa").chmod(0)
    try:
        _, problems = read_corpus([tmp_path / "kho"])
    finally:
        (tmp_path / "kho" / "khoa").chmod(0o755)
    assert reasons(problems) == [f"{tmp_path / 'kho' / 'khoa'}: không đọc được thư mục: Permission denied"]


def test_a_file_over_the_size_limit_is_reported_without_being_read(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "MAX_TXT_BYTES", 2 * 2**20)
    (tmp_path / "to.txt").write_text(page("Tin", "x " * 2_000_000), encoding="utf-8")
    (tmp_path / "nho.txt").write_text(page("Tin nhỏ", "Nội dung."), encoding="utf-8")
    articles, problems = read_corpus([tmp_path])
    assert [a.id for a in articles] == ["nho"]
    assert reasons(problems) == [f"{tmp_path / 'to.txt'}: tệp quá lớn (4 MB, tối đa 2 MB)"]
    index, report = build_index([tmp_path], tmp_path / "cache", workers=1)
    assert [a.id for a in index.articles] == ["nho"] and reasons(report.problems) == reasons(problems)


def test_a_paragraph_without_a_sentence_end_is_cut_into_passages_of_bounded_length(tmp_path):
    path = tmp_path / "dai.txt"
    path.write_text(page("Tin dài", "chữ " * 20_000), encoding="utf-8")
    (article,) = corpus.read_file(path).articles
    spans = passage_spans(article)
    assert len(spans) > 30 and max(s.end - s.start for s in spans) <= MAX_SENTENCE_CHARS
    assert spans[0].start == 0 and spans[-1].end == len(article.paragraphs[0])
