"""Answer quality on the evaluation sets (slow: segments the shared corpora; run by CI with -m slow).

The blind set's dev split is held to the targets of "Answers people can trust" that it meets
(confidently wrong, on-topic negatives, out-of-scope, unsure replies listing the right article,
questions without diacritics beside their twins), and to a floor for answers given surely, whose
target (80%) is not met yet. The test split is only reported, by eval/blind.py.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.store import build_index

ROOT = Path(__file__).resolve().parent.parent
# Segmenting a corpus takes minutes, more on a busy machine: beyond the suite's default timeout.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def share(part_whole: tuple[int, int]) -> float:
    part, whole = part_whole
    return part / whole


def test_the_blind_dev_split_meets_the_trust_targets(politics_corpus):
    blind = load("blind")
    corpus_dir = politics_corpus.parent
    if not all((corpus_dir / name).is_file() for name in blind.CORPORA):
        pytest.skip(f"{corpus_dir} lacks {blind.CORPORA}")
    corpus = blind.filtered_corpus(corpus_dir, ROOT / ".cache" / "blind-corpus", blind.held_out_ids())
    index, _ = build_index(corpus, ROOT / ".cache")
    answerer = Answerer(index)
    outcomes = []
    for question in blind.load_questions("dev"):
        answer = answerer.answer(question["question"], passages=30)
        record = blind.answer_record(answer)
        outcomes.append(blind.judge(question, record, [f.article.id for f in answer.findings]))
    figures = blind.figures(outcomes)
    assert share(figures["wrong"]) <= 0.05
    assert share(figures["negatives_answered"]) <= 0.05
    assert share(figures["out_of_scope_declined"]) >= 0.95
    assert share(figures["unsure_listed"]) >= 0.80
    assert share(figures["their_originals_correct"]) - share(figures["twins_correct"]) <= 0.05
    assert share(figures["correct"]) >= 0.27  # a floor below the 30% measured; the target is 80%


def test_the_first_evaluation_set_keeps_finding_the_articles(politics_corpus):
    harness = load("harness")
    index, _ = build_index([ROOT / "corpus", politics_corpus], ROOT / ".cache")
    answerer = Answerer(index)
    outcomes = []
    for question in harness.load_questions():
        answer = answerer.answer(question["question"], passages=30)
        outcomes.append(
            harness.judge_bot(question, harness.answer_json(answer, 30), [f.article.id for f in answer.findings])
        )
    in_scope = [o for o in outcomes if o.question["type"] != "out_of_scope"]
    accented = [o for o in in_scope if o.question["diacritics"]]
    out_of_scope = [o for o in outcomes if o.question["type"] == "out_of_scope"]
    assert share((sum(o.top3 for o in accented), len(accented))) >= 0.95
    assert share((sum(o.in_reply for o in in_scope), len(in_scope))) >= 0.80  # the answer is shown, sure or not
    assert share((sum(o.declined for o in out_of_scope), len(out_of_scope))) >= 0.80
    assert share((sum(o.declined for o in in_scope), len(in_scope))) <= 0.05
