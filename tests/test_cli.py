"""`python -m bot ask`: the answering core from the shell, as text or as JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"


def run_bot(*arguments: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN", "CORPUS_DIR", "CACHE_DIR"}}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *arguments], cwd=cwd, env=environment, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A directory like a fresh checkout: the shipped corpus under ./corpus, no .env, no cache."""
    directory = tmp_path_factory.mktemp("checkout")
    (directory / "corpus").mkdir()
    for source in (ROOT / "corpus").iterdir():
        (directory / "corpus" / source.name).write_bytes(source.read_bytes())
    return directory


def test_ask_prints_the_answer_and_its_citation_for_the_shipped_corpus(workdir):
    result = run_bot("ask", "Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?", cwd=workdir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong."
    assert "Đảng ủy Khối các cơ quan TP Hà Nội sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW" in result.stdout
    assert "Nguồn: HNP · 15:30 02/04/2021" in result.stdout
    assert "Chỉ mục: 1 bài, 16 đoạn" in result.stderr


def test_ask_json_has_exactly_the_documented_keys(workdir):
    result = run_bot(
        "ask",
        "--corpus",
        "corpus",
        "--corpus",
        str(FIXTURES),
        "-k",
        "2",
        "--json",
        "bao nhieu tap the duoc tang bang khen cua ban thuong vu thanh uy",
        cwd=workdir,
    )
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert list(record) == ["question", "status", "found", "answer", "verdict", "reply", "hits"]
    assert record["verdict"] is None  # not a yes/no question
    assert (record["status"], record["found"]) == ("answer", True)
    assert "10 tập thể" in record["answer"]
    assert record["reply"].startswith("Nhân dịp này, Ban Thường vụ Thành ủy đã tặng Bằng khen cho <b>10 tập thể</b>")
    assert len(record["hits"]) == 2
    hit = record["hits"][0]
    assert list(hit) == ["article_id", "title", "date", "source", "url", "passage", "score"]
    assert (hit["article_id"], hit["date"], hit["source"], hit["url"]) == (
        "000_33da5da0feea9827",
        "2021-04-02T15:30",
        "HNP",
        None,
    )
    assert hit["score"] > 0 and hit["score"] >= record["hits"][1]["score"]


def test_batch_answers_each_line_from_one_index(workdir):
    questions = workdir / "cau_hoi.txt"
    questions.write_text("Ai tới dự hội nghị sơ kết Chỉ thị 05?\n\nGiá vàng hôm nay bao nhiêu?\n", encoding="utf-8")
    result = run_bot("ask", "--json", "--batch", str(questions), cwd=workdir)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in records] == ["Ai tới dự hội nghị sơ kết Chỉ thị 05?", "Giá vàng hôm nay bao nhiêu?"]
    assert [(r["status"], r["found"]) for r in records] == [("answer", True), ("not_found", False)]
    assert records[1]["answer"] is None
    assert records[1]["reply"].startswith("Xin lỗi, tôi không tìm thấy")
    assert result.stderr.count("Chỉ mục:") == 1


def test_the_corpus_comes_from_the_corpus_dir_setting(workdir, tmp_path):
    result = run_bot(
        "ask", "--json", "Quảng Ninh đón bao nhiêu lượt khách", cwd=workdir, env={"CORPUS_DIR": str(FIXTURES)}
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["hits"][0]["article_id"] == "vn-001"


def test_a_missing_question_and_a_missing_corpus_are_explained(workdir):
    no_question = run_bot("ask", cwd=workdir)
    assert no_question.returncode == 2 and "Cần một câu hỏi" in no_question.stderr
    no_corpus = run_bot("ask", "--corpus", "khong_co", "Ai dự hội nghị?", cwd=workdir)
    assert no_corpus.returncode != 0
    assert "khong_co: không có tệp hay thư mục này" in no_corpus.stderr
    assert "Không có bài viết nào đọc được" in no_corpus.stderr


def test_a_negative_k_is_refused_with_a_clear_message(workdir):
    result = run_bot("ask", "-k", "-2", "--json", "Ai tới dự hội nghị sơ kết Chỉ thị 05?", cwd=workdir)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "-k là số đoạn kết quả trong --json, phải từ 0 trở lên; đang là -2.\n"


def test_a_question_with_bytes_that_are_not_utf8_is_refused_with_a_clear_message(workdir):
    result = run_bot("ask", os.fsdecode(b"Ai t\xf4i d\xe1 h\xe9i ngh\xec?"), cwd=workdir)  # typed in a Latin-1 terminal
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "Câu hỏi có byte không phải UTF-8: hãy đặt bảng mã của terminal là UTF-8 (ví dụ LANG=C.UTF-8) rồi gõ lại.\n"
    )
