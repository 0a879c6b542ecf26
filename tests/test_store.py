"""The on-disk cache: what is unchanged is never segmented again, and a bad cache is never trusted."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from bot.answer import Answerer
from bot.store import EmptyCorpusError, build_index

NEW_ARTICLE = """Bình Dương sơ kết Chỉ thị 05 về học tập và làm theo Bác (09:00 10/10/2022)

BDO - Sáng 10/10, Tỉnh ủy Bình Dương tổ chức hội nghị sơ kết Chỉ thị 05-CT/TW.

Tới dự có Bí thư Tỉnh ủy Võ Văn Minh.
"""


def article_ids(index) -> list[str]:
    return [a.id for a in index.articles]


def test_a_second_build_of_an_unchanged_corpus_loads_the_cache_without_segmenting(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    first, first_report = build_index([corpus_copy], cache, workers=1)
    second, second_report = build_index([corpus_copy], cache, workers=1)
    assert first_report.articles_segmented == 5 and not first_report.from_cache
    assert second_report.from_cache and second_report.articles_segmented == 0
    assert article_ids(second) == article_ids(first)
    assert second.vocabulary == first.vocabulary
    np.testing.assert_array_equal(second.bm25.weights, first.bm25.weights)
    question = "Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?"
    assert Answerer(second).answer(question).best.sentence == Answerer(first).answer(question).best.sentence


def test_only_a_new_or_changed_file_is_segmented(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    build_index([corpus_copy], cache, workers=1)
    (corpus_copy / "004_binh_duong.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    index, report = build_index([corpus_copy], cache, workers=1)
    assert (report.files_segmented, report.articles_segmented) == (1, 1)
    assert "004_binh_duong" in article_ids(index)
    assert Answerer(index).answer("Ai dự hội nghị sơ kết Chỉ thị 05 của Tỉnh ủy Bình Dương?").best.sentence == (
        "Tới dự có Bí thư Tỉnh ủy Võ Văn Minh."
    )

    changed = (corpus_copy / "004_binh_duong.txt").read_text(encoding="utf-8").replace("Võ Văn Minh", "Nguyễn Văn Lộc")
    (corpus_copy / "004_binh_duong.txt").write_text(changed, encoding="utf-8")
    index, report = build_index([corpus_copy], cache, workers=1)
    assert (report.files_segmented, report.articles_segmented) == (1, 1)
    assert (
        "Nguyễn Văn Lộc"
        in Answerer(index).answer("Ai dự hội nghị sơ kết Chỉ thị 05 của Tỉnh ủy Bình Dương?").best.sentence
    )


def test_a_deleted_files_articles_disappear(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    build_index([corpus_copy], cache, workers=1)
    (corpus_copy / "003_tin_tinh.jsonl").unlink()
    index, report = build_index([corpus_copy], cache, workers=1)
    assert report.articles_segmented == 0
    assert sorted(article_ids(index)) == ["000_33da5da0feea9827", "001_nghi_quyet_35", "002_chi_thi_31"]
    assert all(h.article.id != "vn-001" for h in index.search("Quảng Ninh du lịch biển", k=20))


@pytest.mark.parametrize("damage", ["garbage", "truncate", "remove_array"])
def test_a_corrupt_cache_is_rebuilt_rather_than_trusted(corpus_copy, tmp_path, caplog, damage):
    cache = tmp_path / "cache"
    reference, _ = build_index([corpus_copy], cache, workers=1)
    targets = [*cache.glob("files/*.pkl"), *cache.glob("index/*/*.pkl"), *cache.glob("index/*/*.npy")]
    assert targets
    for path in targets:
        if damage == "garbage":
            path.write_bytes(b"not a cache at all")
        elif damage == "truncate":
            path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
        elif path.name == "weights.npy":
            path.unlink()
    with caplog.at_level(logging.WARNING, logger="bot.store"):
        index, report = build_index([corpus_copy], cache, workers=1)
    assert not report.from_cache
    assert "discarding unreadable" in caplog.text
    assert article_ids(index) == article_ids(reference)
    np.testing.assert_allclose(index.bm25.weights, reference.bm25.weights)
    # and the rebuilt cache is good again
    _, again = build_index([corpus_copy], cache, workers=1)
    assert again.from_cache


def test_segmenting_in_parallel_gives_the_same_index_as_in_one_process(corpus_copy, tmp_path, monkeypatch):
    import bot.store

    monkeypatch.setattr(bot.store, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(bot.store, "CHUNK_ARTICLES", 1)
    serial, _ = build_index([corpus_copy], None, workers=1)
    parallel, _ = build_index([corpus_copy], None, workers=2)
    assert article_ids(parallel) == article_ids(serial)
    assert parallel.vocabulary == serial.vocabulary
    np.testing.assert_array_equal(parallel.bm25.weights, serial.bm25.weights)


def test_an_empty_corpus_raises_with_the_reasons(tmp_path):
    (tmp_path / "rong.txt").write_text("", encoding="utf-8")
    with pytest.raises(EmptyCorpusError) as raised:
        build_index([tmp_path], tmp_path / "cache", workers=1)
    assert [p.reason for p in raised.value.report.problems] == ["tệp rỗng"]


def test_broken_files_are_reported_from_the_cache_too(corpus_copy, tmp_path):
    (corpus_copy / "hong.txt").write_bytes(b"\xff\xfe broken")
    cache = tmp_path / "cache"
    _, cold = build_index([corpus_copy], cache, workers=1)
    _, warm = build_index([corpus_copy], cache, workers=1)
    assert warm.from_cache
    assert [str(p) for p in warm.skipped] == [str(p) for p in cold.skipped]
    assert any(Path(p.path).name == "hong.txt" for p in warm.skipped)


def test_the_cache_directory_is_created_when_missing(corpus_copy, tmp_path):
    cache = tmp_path / "deep" / "cache"
    build_index([corpus_copy], cache, workers=1)
    assert (cache / "index").is_dir() and any((cache / "files").iterdir())
    shutil.rmtree(cache)
    _, report = build_index([corpus_copy], cache, workers=1)
    assert report.articles_segmented == 5
