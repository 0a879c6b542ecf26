"""The evaluation set stays true to the corpus: every answer string is in its article."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from bot.corpus import read_file

EVAL = Path(__file__).resolve().parent.parent / "eval"
SEED = Path(__file__).resolve().parent.parent / "corpus" / "000_33da5da0feea9827.txt"


def read_questions(*names: str) -> list[dict]:
    rows = []
    for name in names:
        with (EVAL / name).open(encoding="utf-8") as stream:
            rows.extend(json.loads(line) for line in stream if line.strip())
    return rows


def questions() -> list[dict]:
    return read_questions("questions_dev.jsonl", "questions_test.jsonl")


def test_the_set_has_the_size_and_shape_the_evaluation_needs():
    rows = questions()
    keys = {"id", "split", "question", "article_id", "answer", "type", "diacritics", "twin_of"}
    assert all(set(r) == keys for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)
    kinds = Counter(r["type"] for r in rows)
    in_scope = [r for r in rows if r["type"] != "out_of_scope"]
    originals = [r for r in in_scope if r["twin_of"] is None]
    assert len(originals) >= 100
    assert len([r for r in in_scope if not r["diacritics"]]) >= 40
    assert kinds["out_of_scope"] >= 15
    assert {"who", "how_many", "when", "where", "what"} <= set(kinds)
    by_id = {r["id"]: r for r in rows}
    for twin in (r for r in in_scope if r["twin_of"]):
        original = by_id[twin["twin_of"]]
        assert (twin["article_id"], twin["answer"], twin["type"]) == (
            original["article_id"],
            original["answer"],
            original["type"],
        )


def test_every_answer_string_occurs_in_its_article(politics_corpus):
    texts = {}
    with gzip.open(politics_corpus, "rt", encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    texts.update({a.id: a.text for a in read_file(SEED).articles})
    missing = [
        (r["id"], r["article_id"], r["answer"])
        for r in questions()
        if r["type"] != "out_of_scope" and r["answer"] not in texts.get(r["article_id"], "")
    ]
    assert missing == []


def blind_questions() -> list[dict]:
    return read_questions("blind_dev.jsonl", "blind_test.jsonl")


def test_the_blind_set_has_the_size_splits_and_kinds_the_evaluation_needs():
    rows = blind_questions()
    assert len({r["id"] for r in rows}) == len(rows)
    originals = [r for r in rows if r["twin_of"] is None]
    roles = Counter(r["role"] for r in originals)
    assert roles["answerable"] >= 200 and roles["held_out"] + roles["constraint"] >= 100 and roles["out_of_scope"] >= 20
    kinds = Counter(r["kind"] for r in originals if r["role"] == "answerable")
    wanted = "who who_role who_list how_many when where what which_document yes_no short_query follow_up"
    assert all(kinds[k] >= 10 for k in wanted.split())
    forms = Counter(r["form"] for r in originals)
    assert all(forms[f] >= 30 for f in ("standard", "no_diacritics", "typo", "abbreviation", "chat"))
    # A story's questions sit in one split only, so tuning on dev learns nothing of test's articles.
    splits_of = {}
    for r in rows:
        if r["article_id"]:
            story = re.sub(r"^(newsmds-cluster_\d+)-\d+$", r"\1", r["article_id"])  # one event, several outlets
            splits_of.setdefault(story, set()).add(r["split"])
    assert all(len(s) == 1 for s in splits_of.values())


def test_every_numbered_batch_sits_in_the_split_its_stories_hash_to_and_none_is_held_out():
    import sys

    sys.path.insert(0, str(EVAL))
    import new_batch

    batched = [r for r in blind_questions() if r.get("batch") and r["article_id"]]
    stories = {re.sub(r"^(newsmds-cluster_\d+)-\d+$", r"\1", r["article_id"]): r["split"] for r in batched}
    assert len(stories) >= 300
    assert all(new_batch.split_of(story) == split for story, split in stories.items())


@pytest.fixture(scope="module")
def shared_texts() -> dict[str, str]:
    """Article id -> text of the two shared corpora the blind sets were written from."""
    corpus = EVAL.parent.parent / "shared" / "corpus"
    files = [corpus / "vnds-politics.jsonl.gz", corpus / "vnexpress-2024.jsonl.gz"]
    if not all(f.is_file() for f in files):
        pytest.skip(f"{corpus} is absent (the shared corpora live beside the checkout)")
    texts = {}
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            texts.update((r["id"], r["text"]) for r in map(json.loads, stream))
    return texts


def test_every_blind_answer_is_in_its_article_and_held_out_articles_are_really_out(shared_texts):
    texts = shared_texts
    rows = blind_questions()
    with_answers = [r for r in rows if r["answer"] and r["role"] in ("answerable", "held_out")]
    assert [r["id"] for r in with_answers if r["answer"] not in texts[r["article_id"]]] == []
    held = {line for line in (EVAL / "blind_held_out.txt").read_text().splitlines() if line and line[0] != "#"}
    assert {r["article_id"] for r in rows if r["role"] == "held_out"} <= held
    assert not {r["article_id"] for r in rows if r["role"] == "answerable"} & held


def test_the_document_questions_are_in_their_articles_split_by_article_and_none_held_out(shared_texts):
    texts = shared_texts
    rows = read_questions("blind_documents_dev.jsonl", "blind_documents_test.jsonl")
    assert len(rows) >= 100
    assert {r["kind"] for r in rows} == {"document_about", "which_document", "document_issuer", "document_when"}
    assert [
        r["id"] for r in rows if r["answer"] not in r["evidence"] or r["evidence"] not in texts[r["article_id"]]
    ] == []
    splits_of: dict[str, set[str]] = {}
    for r in rows:
        splits_of.setdefault(r["article_id"], set()).add(r["split"])
    assert all(len(s) == 1 for s in splits_of.values())
    held = {line for line in (EVAL / "blind_held_out.txt").read_text().splitlines() if line and line[0] != "#"}
    assert not {r["article_id"] for r in rows} & held


def test_the_blind_judge_reads_a_word_the_same_whatever_its_tone_placement_leading_zeros_or_the_words_introducing_a_number():
    import sys

    sys.path.insert(0, str(EVAL))
    import blind

    assert blind.contains("Hội nghị Trung ương khóa XI", "khoá XI")
    assert blind.contains("Theo Nghị quyết số 120/NQ-CP", "Nghị quyết 120")
    assert not blind.contains("Hội nghị Trung ương khóa XII", "khoá XI")
    assert blind.contains("ban hành ngày 1/1/2019", "01/01/2019")
    assert not blind.contains("Nghị quyết 12", "Nghị quyết 120")
    assert not blind.contains("ngày 10/1/2019", "01/01/2019")
    assert blind.contains("02/NQ-CP ngày 01 tháng 01 năm 2019 của Chính phủ", "01/01/2019")
    assert blind.contains("thông qua Nghị quyết hồi tháng 6 năm 2012", "tháng 6/2012")
    assert not blind.contains("ngày 01 tháng 02 năm 2019", "01/01/2019")
    # A date or a decree's number written another way says the same.
    assert blind.contains("kỳ họp thứ 7 dự kiến khai mạc vào 20/5 tới", "ngày 20-5")
    assert blind.contains("chuyến thăm Việt Nam từ 28/2 đến 5/3", "28/2 tới 5/3")
    assert blind.contains("trái với Nghị định 91/2015/NĐ-CP của Chính phủ", "nghị định 91 năm 2015")
    assert not blind.contains("kỳ họp khai mạc vào 21/5 tới", "ngày 20-5")
    assert not blind.contains("Nghị định 91/2016/NĐ-CP", "nghị định 91 năm 2015")
    assert blind.contains("thực hiện nghị quyết 16 năm 2012 của HĐND TP", "năm 2012")
    assert blind.contains("trong thông tư 159/2013/TT-BTC của Bộ Tài chính", "năm 2013")
    assert not blind.contains("trong thông tư 159/2013/TT-BTC của Bộ Tài chính", "năm 2012")
    # A year with or without "năm" before it is the same year: "Kỷ Hợi năm 2019", "Luật Đất đai 2013".
    assert blind.contains("đón Tết Nguyên Đán Kỷ Hợi năm 2019 vui tươi", "Tết Nguyên đán Kỷ Hợi 2019")
    assert blind.contains("vi phạm Luật Đất đai 2013 về thu hồi đất", "Luật Đất đai năm 2013")
    assert not blind.contains("đón Tết Nguyên Đán Kỷ Hợi năm 2018", "Kỷ Hợi 2019")
    assert not blind.contains("ban hành 2019", "năm 2019 ban hành")
    # A document is named by its kind and number, however its code is written.
    assert blind.same_document(
        "hội nghị tổng kết 15 năm thực hiện Nghị quyết số 13, Hội nghị lần thứ 5", "Nghị quyết 13-NQ/TW"
    )
    assert not blind.same_document("thực hiện Nghị quyết số 130 của Chính phủ", "Nghị quyết 13-NQ/TW")
    assert not blind.same_document("thực hiện Chỉ thị số 13 của Ban Bí thư", "Nghị quyết 13-NQ/TW")
    # A count up to ten written in words is the same count.
    assert blind.contains("Sáu nhóm tiêu chí này được chia thành 28 tiêu chí cụ thể", "6 nhóm")
    assert not blind.contains("Sáu nhóm tiêu chí này được chia thành 28 tiêu chí cụ thể", "7 nhóm")
    assert not blind.contains("kéo dài 15 ngày", "ngày 15")
    assert blind.contains("ngày 15/3, hội nghị", "ngày 15")
    # A year asked for is stated by a date in it, not by the year in another role.
    assert blind.contains("Quyết định số 1087-QĐ/TU ngày 31/3/2009 của Thành ủy", "năm 2009")
    assert blind.contains("ban hành tháng 6/2017", "năm 2017")
    assert not blind.contains("giai đoạn 2009-2015", "năm 2009")
    assert not blind.contains("ngày 31/3/2010", "năm 2009")
    # … and a month asked for by a day in it.
    assert blind.contains("Quy định số 102-QĐ/TW, ngày 15/11/2017 của Bộ Chính trị", "tháng 11/2017")
    assert blind.contains("Chỉ thị 10/CT-TTg, ngày 22-4-2019 về", "Tháng 4-2019")
    assert not blind.contains("ngày 15/12/2017 của Bộ Chính trị", "tháng 11/2017")
    assert not blind.contains("ngày 1/11/2017", "tháng 1/2017")


def test_the_blind_judge_takes_a_documents_subject_in_other_words_but_not_another_years_or_another_subject():
    import sys

    sys.path.insert(0, str(EVAL))
    import blind

    subject = "thí điểm đổi mới cơ chế hoạt động đối với cơ sở giáo dục đại học công lập giai đoạn 2014 - 2017"
    stated = (
        "Theo Bộ GD-ĐT, thực hiện Nghị quyết số 77/NQ-CP của Chính phủ ngày 24-10-2014 về thí điểm đổi mới cơ chế"
        " hoạt động đối với các cơ sở giáo dục đại học công lập giai đoạn 2014-2017."
    )
    assert blind.states_subject(stated, subject)
    assert not blind.states_subject(stated.replace("2014-2017", "2018-2020"), subject)
    assert not blind.states_subject("Nghị quyết số 77/NQ-CP về cải cách hành chính giai đoạn 2014 - 2017.", subject)
    question = {
        "id": "x2",
        "role": "answerable",
        "kind": "document_about",
        "article_id": "a",
        "answer": subject,
        "evidence": None,
        "verdict": None,
    }
    outcome = blind.judge(question, {"status": "answer", "answer": stated, "verdict": None}, ["a"])
    assert (outcome.correct, outcome.wrong, outcome.in_other_words) == (True, False, True)
    # Another kind of question still needs the writer's words.
    assert not blind.judge(question | {"kind": "document_when"}, {"status": "answer", "answer": stated}, ["a"]).correct


def test_the_blind_judge_tells_a_right_sentence_bolding_another_number_apart():
    import sys

    sys.path.insert(0, str(EVAL))
    import blind

    question = {
        "id": "x1",
        "role": "answerable",
        "kind": "how_many",
        "article_id": "a",
        "answer": "18.000 nhà báo",
        "evidence": None,
        "verdict": None,
    }
    sentence = "Cả nước có gần 850 cơ quan báo chí, hơn 18.000 nhà báo được cấp thẻ."
    title = "\n\n📰 <b>Thủ tướng gặp mặt các nhà báo</b>"
    record = {"status": "answer", "answer": sentence, "verdict": None}
    right = blind.judge(
        question, record | {"reply": sentence.replace("18.000 nhà báo", "<b>18.000 nhà báo</b>") + title}, ["a"]
    )
    elsewhere = blind.judge(
        question, record | {"reply": sentence.replace("850 cơ quan", "<b>850 cơ quan</b>") + title}, ["a"]
    )
    # Both quote the answering sentence (the measure), but only one bolds what was asked.
    assert (right.correct, right.bold_elsewhere) == (True, False)
    assert (elsewhere.correct, elsewhere.bold_elsewhere) == (True, True)
    # With no bold in the sentence, only the title is bold: nothing is bolded elsewhere.
    assert not blind.judge(question, record | {"reply": sentence + title}, ["a"]).bold_elsewhere


def test_calibration_learns_only_from_answers_a_confidence_could_show(mixed_index):
    import sys

    sys.path.insert(0, str(EVAL))
    from calibrate import past_the_gates

    from bot.answer import Answerer
    from bot.evidence import ConfidenceModel

    answerer = Answerer(mixed_index, confidence=ConfidenceModel({}, bias=0.0, threshold=0.0))
    unclear = answerer.answer("Hội nghị sơ kết Chỉ thị 05 có mưa không?")  # the sentence says nothing of rain
    assert unclear.evidence is not None and unclear.verdict is not None
    assert not past_the_gates(unclear)
    assert past_the_gates(answerer.answer("Ai chủ trì hội nghị sơ kết Chỉ thị 05?"))


def test_a_sentence_model_fitted_without_a_fold_learns_nothing_from_it():
    import sys

    import numpy as np

    sys.path.insert(0, str(EVAL))
    from calibrate import sentence_model

    # In fold 0 the right sentence is the one with feature "a", in fold 1 the one with "b".
    two = np.array([[1.0, 0.0], [0.0, 1.0]])
    groups = [(0, two, np.array([1.0, 0.0]))] * 3 + [(1, two, np.array([0.0, 1.0]))] * 3
    without_0 = sentence_model(["a", "b"], groups, left_out=0).weights
    without_1 = sentence_model(["a", "b"], groups, left_out=1).weights
    assert without_0["b"] > without_0["a"] and without_1["a"] > without_1["b"]
