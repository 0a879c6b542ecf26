"""The on-disk cache: what is unchanged is never segmented again, and a bad cache is never trusted."""

from __future__ import annotations

import errno
import json
import logging
import os
import pickle
import shutil
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from bot import store
from bot.answer import Answerer
from bot.corpus import Article
from bot.index import PassageTable, TermCounts
from bot.store import EmptyCorpusError, FileData, build_index

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
    targets = [*cache.glob("files/*.npz"), *cache.glob("index/*/*.json"), *cache.glob("index/*/*.npy")]
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


class Planted:
    """Unpickling this creates `marker`: code run by a cache load would show."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def test_a_pickle_planted_in_the_cache_is_never_run(corpus_copy, tmp_path, caplog):
    cache = tmp_path / "cache"
    reference, _ = build_index([corpus_copy], cache, workers=1)
    marker = tmp_path / "code-ran"
    planted = [p for p in cache.rglob("*") if p.is_file()]
    assert planted
    for path in planted:
        path.write_bytes(pickle.dumps(Planted(marker)))
    with caplog.at_level(logging.WARNING, logger="bot.store"):
        index, report = build_index([corpus_copy], cache, workers=1)
    assert not marker.exists()
    assert not report.from_cache and report.articles_segmented == 5
    assert article_ids(index) == article_ids(reference)


def test_the_cache_holds_only_arrays_and_json(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    build_index([corpus_copy], cache, workers=1)
    stored = [p for p in cache.rglob("*") if p.is_file()]
    assert {p.suffix for p in stored} == {".npy", ".npz", ".json"}
    for path in stored:
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        else:
            np.load(path, allow_pickle=False)  # raises on an object array (a pickle)


def test_a_cache_built_by_another_python_or_underthesea_is_not_used(corpus_copy, tmp_path, monkeypatch):
    import bot.store

    cache = tmp_path / "cache"
    build_index([corpus_copy], cache, workers=1)
    monkeypatch.setattr(bot.store, "sys", SimpleNamespace(version_info=SimpleNamespace(major=3, minor=99)))
    _, report = build_index([corpus_copy], cache, workers=1)
    assert not report.from_cache and report.articles_segmented == 5
    monkeypatch.undo()
    monkeypatch.setattr(bot.store, "_underthesea_version", lambda: "0.0.0")
    _, report = build_index([corpus_copy], cache, workers=1)
    assert not report.from_cache and report.articles_segmented == 5


def _unusable_cache(tmp_path: Path, how: str) -> Path:
    cache = tmp_path / "cache"
    if how == "a file":
        cache.write_text("not a directory", encoding="utf-8")
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only directory")
        cache.mkdir()
        cache.chmod(0o555)
    return cache


@pytest.mark.parametrize("how", ["a file", "read-only"])
def test_an_unusable_cache_directory_costs_one_warning_and_the_index_is_still_served(
    corpus_copy, tmp_path, caplog, how
):
    cache = _unusable_cache(tmp_path, how)
    try:
        with caplog.at_level(logging.WARNING, logger="bot.store"):
            index, report = build_index([corpus_copy], cache, workers=1)
    finally:
        if cache.is_dir():
            cache.chmod(0o755)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "cannot be written" in warnings[0]
    assert report.articles == 5 and report.index_dir is None
    assert Answerer(index).answer("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?").found


def test_a_read_only_warm_cache_is_still_read(corpus_copy, tmp_path, caplog):
    if os.geteuid() == 0:
        pytest.skip("root writes into a read-only directory")
    cache = tmp_path / "cache"
    build_index([corpus_copy], cache, workers=1)
    for directory in (cache, cache / "files", cache / "index", *(cache / "index").iterdir()):
        directory.chmod(0o555)
    try:
        with caplog.at_level(logging.WARNING, logger="bot.store"):
            _, report = build_index([corpus_copy], cache, workers=1)
    finally:
        for directory in (cache, cache / "files", cache / "index", *(cache / "index").iterdir()):
            directory.chmod(0o755)
    assert report.from_cache
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 1


def test_a_full_disk_costs_one_warning_and_the_index_is_still_served(corpus_copy, tmp_path, caplog, monkeypatch):
    import bot.store

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bot.store.np, "savez", full)
    with caplog.at_level(logging.WARNING, logger="bot.store"):
        _, report = build_index([corpus_copy], tmp_path / "cache", workers=1)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "No space left" in warnings[0]
    assert report.articles == 5 and report.index_dir is None


def test_caches_of_files_gone_from_the_corpus_and_killed_builds_leftovers_are_removed(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    build_index([corpus_copy], cache, workers=1)
    assert len(list((cache / "files").iterdir())) == 4
    (corpus_copy / "003_tin_tinh.jsonl").unlink()
    stale_file, stale_dir = cache / "files" / ".tmp-killed", cache / "index" / ".tmp-killed"
    stale_file.write_bytes(b"half a cache")
    stale_dir.mkdir()
    (stale_dir / "weights.npy").write_bytes(b"half an array")
    hour_ago = time.time() - 3600
    for path in (stale_file, stale_dir):
        os.utime(path, (hour_ago, hour_ago))
    writing = cache / "files" / ".tmp-another-build-writing-now"
    writing.write_bytes(b"")
    build_index([corpus_copy], cache, workers=1)
    assert sorted(p.name for p in (cache / "files").iterdir()) == sorted(
        [writing.name, *(store._file_cache_name(p, k) for p, k in _keys(corpus_copy))]
    )
    assert not stale_dir.exists()


def _keys(corpus: Path) -> list[tuple[Path, str]]:
    return [(p, store._digest(store._params(), p.name, p.read_bytes())) for p in sorted(corpus.iterdir())]


def _count_listings(monkeypatch, under: Path) -> list[str]:
    listed: list[str] = []
    for name in ("scandir", "listdir"):
        original = getattr(os, name)

        def counting(path=".", _original=original):
            if str(path).startswith(str(under)):
                listed.append(str(path))
            return _original(path)

        monkeypatch.setattr(os, name, counting)
    return listed


def test_building_many_files_lists_the_cache_directory_a_fixed_number_of_times(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(60):
        (corpus / f"{number:03}.txt").write_text(f"Tin số {number}\n\nHội nghị lần thứ {number}.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    listed = _count_listings(monkeypatch, cache)
    build_index([corpus], cache, workers=1)
    # Pruning (files, index), the older indexes, the new index's old document registries: none per file.
    assert len(listed) <= 4, listed


def test_saving_thousands_of_file_caches_takes_linear_time(tmp_path, monkeypatch):
    files = tmp_path / "files"
    files.mkdir()
    article = Article("a", "Tin", ("Một câu.",))
    counts = TermCounts.from_term_lists([["một", "câu"]])

    def save(count: int, prefix: str) -> float:
        started = time.perf_counter()
        for number in range(count):
            data = FileData(
                f"{prefix}{number}",
                f"/corpus/{prefix}{number}.txt",
                [article],
                [],
                PassageTable.from_spans([[]]),
                counts,
                [None],
            )
            data.passages = PassageTable(np.array([1], dtype=np.int32), np.array([[0, 0, 8, 0]], dtype=np.int32))
            store._save_file_cache(files, data)
        return time.perf_counter() - started

    save(2000, "old")  # a directory already full of other files' caches
    listed = _count_listings(monkeypatch, files)
    seconds = save(2000, "new")
    print(f"\n2,000 file caches saved beside 2,000 others in {seconds:.2f} s")
    assert listed == []
    assert seconds < 60


def test_caches_of_an_older_format_are_removed(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    (cache / "files").mkdir(parents=True)
    (cache / "index" / "0123456789abcdef").mkdir(parents=True)
    old_entry, old_index = cache / "files" / "0123456789abcdef-0123.pkl", cache / "index" / "0123456789abcdef"
    old_entry.write_bytes(b"an old pickle")
    (old_index / "meta.pkl").write_bytes(b"an old pickle")
    build_index([corpus_copy], cache, workers=1)
    assert not old_entry.exists() and not old_index.exists()
    assert [p.name for p in (cache / "index").iterdir()] == [Path(build_index([corpus_copy], cache)[1].index_dir).name]
