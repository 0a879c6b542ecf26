"""Removing an article into CORPUS_DIR/.trash and undoing it: nothing is deleted, nothing replaced."""

from __future__ import annotations

import gzip
import json

import pytest

from bot.corpus import read_corpus
from bot.trash import TrashError, remove_article, undo_last

SERVED = ["000_33da5da0feea9827", "001_nghi_quyet_35", "002_chi_thi_31", "vn-001", "vn-002"]


def served_ids(corpus) -> list[str]:
    articles, problems = read_corpus([corpus])
    assert problems == []  # the trash is never read
    return sorted(a.id for a in articles)


def test_a_txt_article_moves_into_the_trash_and_back(corpus_copy):
    original = (corpus_copy / "001_nghi_quyet_35.txt").read_bytes()
    removal = remove_article(corpus_copy, "001_nghi_quyet_35", "Tiêu đề")
    assert (removal.file, removal.line) == ("001_nghi_quyet_35.txt", None)
    assert not (corpus_copy / "001_nghi_quyet_35.txt").exists()
    assert (removal.folder / "001_nghi_quyet_35.txt").read_bytes() == original
    assert removal.folder.parent == corpus_copy / ".trash"
    assert served_ids(corpus_copy) == [i for i in SERVED if i != "001_nghi_quyet_35"]
    restored = undo_last(corpus_copy)
    assert (restored.article_id, restored.title) == ("001_nghi_quyet_35", "Tiêu đề")
    assert (corpus_copy / "001_nghi_quyet_35.txt").read_bytes() == original
    assert served_ids(corpus_copy) == SERVED


def test_a_json_lines_article_leaves_a_blank_line_and_comes_back_to_it(corpus_copy):
    path = corpus_copy / "003_tin_tinh.jsonl"
    original = path.read_bytes()
    removal = remove_article(corpus_copy, "vn-001", "Tiêu đề")
    assert (removal.file, removal.line) == ("003_tin_tinh.jsonl", 1)
    assert path.read_bytes() == b"\n" + original.split(b"\n", 1)[1]
    record = json.loads((removal.folder / "removal.json").read_text(encoding="utf-8"))
    assert json.loads(record["text"])["id"] == "vn-001"
    assert served_ids(corpus_copy) == [i for i in SERVED if i != "vn-001"]
    undo_last(corpus_copy)
    assert path.read_bytes() == original


def test_articles_named_by_their_line_keep_their_names_when_one_is_removed(tmp_path):
    lines = [json.dumps({"title": f"Bài {n}", "text": f"Nội dung {n}."}, ensure_ascii=False) for n in (1, 2, 3)]
    data = ("\n".join(lines) + "\n").encode()
    (tmp_path / "tin.jsonl.gz").write_bytes(gzip.compress(data))
    remove_article(tmp_path, "tin:2", "Tiêu đề")
    assert served_ids(tmp_path) == ["tin:1", "tin:3"]
    undo_last(tmp_path)
    assert gzip.decompress((tmp_path / "tin.jsonl.gz").read_bytes()) == data


def test_undo_goes_back_one_removal_at_a_time_then_says_there_is_nothing_left(corpus_copy):
    remove_article(corpus_copy, "vn-002", "Tiêu đề")
    remove_article(corpus_copy, "002_chi_thi_31", "Tiêu đề")
    assert undo_last(corpus_copy).article_id == "002_chi_thi_31"
    assert undo_last(corpus_copy).article_id == "vn-002"
    with pytest.raises(TrashError, match="không có lần xoá nào để hoàn tác"):
        undo_last(corpus_copy)
    assert served_ids(corpus_copy) == SERVED
    assert len(list((corpus_copy / ".trash").iterdir())) == 2  # the records stay, marked as undone


def test_undo_never_replaces_a_file_put_there_since(corpus_copy):
    removal = remove_article(corpus_copy, "002_chi_thi_31", "Tiêu đề")
    (corpus_copy / "002_chi_thi_31.txt").write_text("Bài khác (10:00 01/01/2024)\n\nNội dung khác.\n", encoding="utf-8")
    with pytest.raises(TrashError, match=r"đã có tệp 002_chi_thi_31\.txt trong kho"):
        undo_last(corpus_copy)
    assert (corpus_copy / "002_chi_thi_31.txt").read_text(encoding="utf-8").startswith("Bài khác")
    assert (removal.folder / "002_chi_thi_31.txt").is_file()


def test_an_unknown_article_is_not_removed(corpus_copy):
    with pytest.raises(TrashError, match="không tìm thấy tệp chứa bài mã vn-999"):
        remove_article(corpus_copy, "vn-999", "Tiêu đề")
    assert served_ids(corpus_copy) == SERVED
