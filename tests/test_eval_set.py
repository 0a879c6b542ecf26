"""The evaluation set stays true to the corpus: every answer string is in its article."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from bot.corpus import read_file

EVAL = Path(__file__).resolve().parent.parent / "eval"
SEED = Path(__file__).resolve().parent.parent / "corpus" / "000_33da5da0feea9827.txt"


def questions() -> list[dict]:
    rows = []
    for name in ("questions_dev.jsonl", "questions_test.jsonl"):
        with (EVAL / name).open(encoding="utf-8") as stream:
            rows.extend(json.loads(line) for line in stream if line.strip())
    return rows


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
