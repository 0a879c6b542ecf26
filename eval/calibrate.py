"""Fit the answer models on the dev split of the blind set, and write bot/answer_model.json.

    python eval/calibrate.py [--corpus-dir ../shared/corpus] [--max-wrong 0.045] [--dry-run] [--keep-sentence-model]
                             [--kind-thresholds]

First the sentence model: every sentence the answerer scores for a dev question is labelled 1
when it holds the gold answer (or is the sentence the question's writer marked), and the weights
of its features are learned so that, question by question, a right sentence outscores the others
(a softmax over each question's sentences, L2-regularised, numpy).

Then the confidence model, with that sentence model in place. Each dev question is answered as if
every best sentence were shown as the answer; the sentence's
evidence (bot.evidence.Evidence.features) is labelled 1 when it is correct (eval/blind.py's
judgement) and 0 otherwise: wrong sentences, and any sentence for a question whose article is
held out of the index, names a year or number the corpus lacks, or is out of scope. A logistic
regression (L2, numpy) gives the weights; the threshold is the lowest at which, on dev, confidently
wrong answers stay at most --max-wrong of the answerable questions and answered negatives at most
--max-wrong of the negatives, read off cross-validated probabilities (each story's questions scored
by a model fitted without them: in-sample probabilities flatter). The sentence each question's
evidence is read from is chosen the same way, by a sentence model fitted without its fold: one
fitted on it would choose better than it will for questions never seen, and flatter the threshold.
With --keep-sentence-model only the confidence model is fitted, on the sentences the shipped
sentence model chooses. The test split is never read. The sentences scored are those the committed weights look at: run
it on the committed bot/answer_model.json to reproduce it.

With --kind-thresholds both shipped models are kept, and a kind's threshold is lowered a step
(KIND_STEP) at a time while every dev answer the step adds (of both dev sets: the blind set's and the
document questions') is right and none is a negative, and kept only when it adds at least MIN_ADDED
right answers (bot/answer_model.json "kind_thresholds"). A refit drops them: run it again after one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import blind  # noqa: E402

from bot.answer import Answer, Answerer  # noqa: E402
from bot.claims import Verdict  # noqa: E402
from bot.evidence import MODEL_FILE, ConfidenceModel, SentenceModel, threshold_key  # noqa: E402
from bot.index import Index  # noqa: E402
from bot.store import build_index  # noqa: E402

# Kinds whose correctness does not depend on a sure sentence (short queries) or that need the chat
# (follow-ups) are left out of the fit.
LEFT_OUT = {"short_query", "follow_up"}
ALWAYS = ConfidenceModel({}, bias=0.0, threshold=0.0)  # every gated best sentence shown as the answer
FOLDS = 5  # cross-validation folds, by story
L2 = 1.0


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 4000, rate: float = 0.5) -> tuple[np.ndarray, float]:
    """Logistic regression by gradient descent (the data are a few hundred rows)."""
    weights, bias = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ weights + bias)))
        weights -= rate * (x.T @ (p - y) + l2 * weights) / len(y)
        bias -= rate * float(np.mean(p - y))
    return weights, bias


def fit_ranking(
    groups: list[tuple[np.ndarray, np.ndarray]], l2: float = 0.01, steps: int = 3000, rate: float = 0.3
) -> np.ndarray:
    """Weights under which each group's right rows (label 1) outscore its other rows (softmax loss)."""
    weights = np.zeros(groups[0][0].shape[1])
    for _ in range(steps):
        gradient = l2 * weights
        for x, y in groups:
            z = x @ weights
            p = np.exp(z - z.max())
            p /= p.sum()
            right = p * y
            gradient -= (right / right.sum() - p) @ x / len(groups)
        weights -= rate * gradient
    return weights


def fold_of(question: dict) -> int:
    """The cross-validation fold of a question: by story, so reports of one event share a fold."""
    story = blind.story(question["article_id"]) or question["id"]
    return int(hashlib.sha256(story.encode()).hexdigest(), 16) % FOLDS


def sentence_groups(
    answerer: Answerer, questions: list[dict]
) -> tuple[list[str], list[tuple[int, np.ndarray, np.ndarray]]]:
    """Every sentence scored for each answerable dev question, as (fold, features, labels), with the
    features' names: the questions with a right sentence among others."""
    groups = []
    names: list[str] = []
    for question in questions:
        if question["role"] != "answerable" or question["kind"] in LEFT_OUT:
            continue
        seen: list[tuple[str, dict[str, float]]] = []
        answerer._observe = lambda sentence, features, seen=seen: seen.append((sentence, features))
        answerer.answer(question["question"], passages=30)
        answerer._observe = None
        labels = [
            float(
                blind.contains(s, question["answer"]) or (blind.contains(question["evidence"] or "", s) and len(s) > 20)
            )
            for s, _ in seen
        ]
        if seen and any(labels) and not all(labels):
            names = list(seen[0][1])
            groups.append((fold_of(question), np.array([[f[n] for n in names] for _, f in seen]), np.array(labels)))
    return names, groups


def sentence_model(
    names: list[str], groups: list[tuple[int, np.ndarray, np.ndarray]], left_out: int | None = None
) -> SentenceModel:
    """The sentence weights learned from the groups (but those of fold `left_out`)."""
    weights = fit_ranking([(x, y) for fold, x, y in groups if fold != left_out])
    return SentenceModel(dict(zip(names, (round(float(w), 4) for w in weights), strict=True)), 0.0)


def past_the_gates(answer: Answer) -> bool:
    """Whether some confidence could show the answer's best sentence: not gated out (no span, another
    year, a caption) and, for a yes/no question, a claim the sentence confirms or denies. Only these
    are rows of the confidence model: the others are never shown, whatever it says."""
    return answer.evidence is not None and ALWAYS.is_sure(answer.evidence) and answer.verdict is not Verdict.UNCLEAR


def gated_dev_answers(
    answerer_of: Callable[[dict], Answerer], question_sets: tuple[str, ...] = ("all",)
) -> Iterator[tuple[dict, Answer, bool, str]]:
    """The dev questions (of `question_sets`) whose best sentence some confidence could show
    (`past_the_gates`), each with its answer, whether that is correct (eval/blind.py's judgement) and its
    group: "pos" (answerable, or a held-out fact quoted rightly from another report of it), "neg" or "oos"."""
    for question in (q for questions in question_sets for q in blind.load_questions("dev", questions)):
        if question["role"] == "answerable" and question["kind"] in LEFT_OUT:
            continue  # (negatives of every kind count: whatever their form, they must not be answered)
        answer = answerer_of(question).answer(question["question"], passages=30)
        if not past_the_gates(answer):
            continue
        record = {
            "status": "answer",
            "found": True,
            "answer": answer.best.sentence if answer.best else None,
            "verdict": answer.verdict.value if answer.verdict else None,
        }
        correct = blind.judge(question, record, [f.article.id for f in answer.findings]).correct
        group = {"answerable": "pos", "out_of_scope": "oos"}.get(question["role"], "neg")
        if correct and group == "neg":
            group = "pos"
        yield question, answer, correct, group


# A kind's threshold is lowered, a step at a time, only while every dev answer it adds is right (and no
# negative is among them), and only when that adds at least MIN_ADDED right answers: fewer say too little.
KIND_STEP = 0.05
LOWEST_KIND_THRESHOLD = 0.5
MIN_ADDED = 10


def kind_thresholds(index: Index, dry_run: bool) -> int:
    """Lower the shipped model's threshold for the kinds whose dev answers just below it were all right."""
    shipped = ConfidenceModel.load()
    answerer = Answerer(index, confidence=ALWAYS, sentence_model=SentenceModel.load())
    rows: dict[str, list[tuple[float, bool, str]]] = {}  # kind -> (probability, correct, group)
    # Both dev sets: the document questions' are where what a named document says is asked.
    for _, answer, correct, group in gated_dev_answers(lambda _: answerer, ("all", "documents")):
        evidence = answer.evidence
        assert evidence is not None  # past the gates
        rows.setdefault(threshold_key(evidence), []).append((shipped.probability(evidence), correct, group))
    chosen = {}
    for kind, scored in sorted(rows.items()):
        threshold = shipped.threshold
        while threshold - KIND_STEP >= LOWEST_KIND_THRESHOLD - 1e-9:
            added = [(correct, group) for p, correct, group in scored if threshold - KIND_STEP <= p < shipped.threshold]
            if not all(correct and group == "pos" for correct, group in added):
                break
            threshold = round(threshold - KIND_STEP, 3)
        added_right = sum(1 for p, correct, _ in scored if threshold <= p < shipped.threshold and correct)
        print(
            f"  {kind:10s} {len(scored):4d} gated answers: threshold {threshold:.2f} adds {added_right} right, 0 wrong"
        )
        if threshold < shipped.threshold and added_right >= MIN_ADDED:
            chosen[kind] = threshold
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["confidence"]["kind_thresholds"] = chosen
    print(json.dumps(chosen))
    if not dry_run:
        MODEL_FILE.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"written to {MODEL_FILE.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-dir", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--cache-dir", default=str(ROOT / ".cache"))
    parser.add_argument("--max-wrong", type=float, default=0.045)
    parser.add_argument("--dry-run", action="store_true", help="print the model, do not write it")
    parser.add_argument(
        "--keep-sentence-model",
        action="store_true",
        help="refit the confidence model only, on the sentences the shipped sentence model chooses",
    )
    parser.add_argument(
        "--kind-thresholds",
        action="store_true",
        help="keep both shipped models; lower the threshold of the kinds whose answers below it were all right",
    )
    arguments = parser.parse_args(argv)
    corpus_dir = Path(arguments.corpus_dir)
    if not all((corpus_dir / name).is_file() for name in blind.CORPORA):
        print(f"SKIPPED: {corpus_dir} lacks the shared corpora.")
        return 0
    cache = Path(arguments.cache_dir)
    index, _ = build_index(blind.filtered_corpus(corpus_dir, cache / "blind-corpus", blind.held_out_ids()), cache)
    if arguments.kind_thresholds:
        return kind_thresholds(index, arguments.dry_run)
    if arguments.keep_sentence_model:
        sentences = SentenceModel.load()
        answerers = [Answerer(index, confidence=ALWAYS, sentence_model=sentences)] * FOLDS
    else:
        names, groups = sentence_groups(Answerer(index, confidence=ALWAYS), blind.load_questions("dev"))
        print(f"sentence model: {len(groups)} dev questions with a right sentence among others")
        sentences = sentence_model(names, groups)
        # Each question's sentence is chosen by a sentence model fitted without its fold, as it will be
        # for questions never seen: its evidence, in-sample, would flatter the confidence model.
        answerers = [
            Answerer(index, confidence=ALWAYS, sentence_model=sentence_model(names, groups, fold))
            for fold in range(FOLDS)
        ]
    print(json.dumps(sentences.weights))

    rows = []  # (features, label, group, fold): group "pos" (answerable), "neg" or "oos"
    for question, answer, correct, group in gated_dev_answers(lambda question: answerers[fold_of(question)]):
        rows.append((answer.evidence.features(), float(correct), group, fold_of(question)))

    evidence_names = list(rows[0][0])
    x = np.array([[features[n] for n in evidence_names] for features, *_ in rows])
    y = np.array([label for _, label, _, _ in rows])
    groups = np.array([group for _, _, group, _ in rows])
    folds = np.array([fold for *_, fold in rows])
    weights, bias = fit(x, y)
    # The threshold is read off probabilities each question got from a model fitted without its
    # story: in-sample ones are optimistic.
    p = np.zeros(len(y))
    for fold in range(FOLDS):
        held = folds == fold
        fold_weights, fold_bias = fit(x[~held], y[~held])
        p[held] = 1 / (1 + np.exp(-(x[held] @ fold_weights + fold_bias)))
    questions = blind.load_questions("dev")
    answerable = sum(1 for q in questions if q["role"] == "answerable" and q["kind"] not in LEFT_OUT)
    negatives = sum(1 for q in questions if q["role"] in ("held_out", "constraint"))
    chosen = None
    print(f"{len(rows)} gated dev answers ({int(y.sum())} correct); {answerable} answerable, {negatives} negatives")
    for threshold in np.round(np.arange(0.30, 0.96, 0.025), 3):
        shown = p >= threshold
        right = int(np.sum(shown & (y == 1)))
        wrong = int(np.sum(shown & (y == 0) & (groups == "pos")))
        negative = int(np.sum(shown & (groups == "neg")))
        print(f"  threshold {threshold:.3f}: correct {right}, wrong {wrong}, negatives answered {negative}")
        if chosen is None and wrong <= arguments.max_wrong * answerable and negative <= arguments.max_wrong * negatives:
            chosen = float(threshold)
    if chosen is None:
        chosen = 1.0
    fitted_by = "eval/calibrate.py on the dev split of the blind set (eval/blind_dev.jsonl); test never read"
    confidence = {
        "about": "Logistic model of 'the best sentence answers the question' (bot.evidence.ConfidenceModel).",
        "fitted_by": fitted_by,
        "fitted_on": dt.date.today().isoformat(),
        "rows": len(rows),
        "max_wrong": arguments.max_wrong,
        "features": evidence_names,
        "weights": [round(float(w), 4) for w in weights],
        "bias": round(bias, 4),
        "threshold": chosen,
    }
    model = {
        "about": "Learned weights of the answer choice (bot.evidence): which sentence answers, and how sure to be of it.",
        "sentence": {
            "about": "Softmax ranking of a question's sentences (bot.evidence.SentenceModel).",
            "fitted_by": fitted_by,
            "features": list(sentences.weights),
            "weights": list(sentences.weights.values()),
            "bias": 0.0,
        },
        "confidence": confidence,
    }
    print(json.dumps(model, indent=1, ensure_ascii=False))
    if not arguments.dry_run:
        MODEL_FILE.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"written to {MODEL_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
