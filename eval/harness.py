"""Measure answer quality on the evaluation set, beside a naive BM25 baseline, in one run.

    python eval/harness.py [--corpus-dir ../shared/corpus] [--show-test-failures]

Runs every question of eval/questions_dev.jsonl and eval/questions_test.jsonl through the bot's
real `ask` path over vnds-politics.jsonl.gz plus the shipped corpus, and the same questions
through the baseline: rank_bm25.BM25Okapi over paragraphs tokenised by plain
underthesea.word_tokenize (lowercased, nothing else). Prints, per split and for questions with
and without diacritics: right article at rank 1 and in the top 3, answer string inside the
answering sentence, answer string anywhere in the reply; declines of out-of-scope questions
beside in-scope questions wrongly declined; a per-type breakdown; the failing dev questions.

The test split is for reporting only: its failures stay hidden unless asked for.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.__main__ import answer_json  # noqa: E402  (the CLI's own JSON record: the real ask path)
from bot.answer import find_answer  # noqa: E402
from bot.corpus import read_corpus  # noqa: E402
from bot.reply import plain_text  # noqa: E402
from bot.store import build_index  # noqa: E402
from bot.text import canonicalize  # noqa: E402

QUESTION_FILES = (ROOT / "eval" / "questions_dev.jsonl", ROOT / "eval" / "questions_test.jsonl")
POLITICS = "vnds-politics.jsonl.gz"


def load_questions(paths: tuple[Path, ...] = QUESTION_FILES) -> list[dict]:
    """Every evaluation question, from all split files."""
    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as stream:
            rows.extend(json.loads(line) for line in stream if line.strip())
    return rows


def normalise(text: str) -> str:
    """Comparable form: NFC, one tone placement, lowercase, single spaces."""
    return " ".join(canonicalize(text).lower().split())


def contains(haystack: str | None, needle: str) -> bool:
    return haystack is not None and normalise(needle) in normalise(haystack)


# --- the baseline ---------------------------------------------------------------------------


@dataclass
class Baseline:
    """rank_bm25.BM25Okapi over paragraphs, tokens = underthesea.word_tokenize, lowercased."""

    paragraphs: list[tuple[str, str]]  # (article id, paragraph)
    titles: dict[str, str]
    bm25: object = field(repr=False)

    @staticmethod
    def tokens(text: str) -> list[str]:
        from underthesea import word_tokenize

        return [t.lower() for t in word_tokenize(text)]

    @classmethod
    def build(cls, articles: list, cache_dir: Path) -> Baseline:
        from rank_bm25 import BM25Okapi

        paragraphs = [(a.id, p) for a in articles for p in a.paragraphs]
        digest = hashlib.sha256("\n".join(f"{i}\t{p}" for i, p in paragraphs).encode()).hexdigest()[:24]
        cache = cache_dir / f"baseline-tokens-{digest}.json"
        if cache.exists():
            tokens = json.loads(cache.read_text(encoding="utf-8"))
        else:
            print(f"baseline: segmenting {len(paragraphs)} paragraphs (cached afterwards)...", file=sys.stderr)
            tokens = _parallel_tokens([p for _, p in paragraphs])
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text(json.dumps(tokens, ensure_ascii=False), encoding="utf-8")
        return cls(paragraphs, {a.id: a.title for a in articles}, BM25Okapi(tokens))

    def ask(self, question: str, k: int = 30) -> tuple[list[str], str]:
        """Ranked distinct article ids, and the top paragraph (the baseline's whole answer)."""
        scores = self.bm25.get_scores(self.tokens(question))
        order = scores.argsort()[::-1][:k]
        ranked: list[str] = []
        for position in order:
            article_id = self.paragraphs[position][0]
            if article_id not in ranked:
                ranked.append(article_id)
        return ranked, self.paragraphs[order[0]][1]


def _tokens_chunk(texts: list[str]) -> list[list[str]]:
    return [Baseline.tokens(t) for t in texts]


def _parallel_tokens(texts: list[str]) -> list[list[str]]:
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    chunks = [texts[i : i + 2000] for i in range(0, len(texts), 2000)]
    with ProcessPoolExecutor(len(os.sched_getaffinity(0)), mp_context=multiprocessing.get_context("spawn")) as pool:
        return [tokens for chunk in pool.map(_tokens_chunk, chunks) for tokens in chunk]


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    question: dict
    declined: bool
    rank1: bool
    top3: bool
    in_sentence: bool
    in_reply: bool
    cited: str | None = None
    sentence: str | None = None


def judge_bot(question: dict, record: dict, ranked_articles: list[str]) -> Outcome:
    """`declined` when nothing is found; an unsure reply lists articles (ranked) but answers nothing
    (`answer` is null), so it counts for the article ranks and the reply, not the sentence."""
    target, answer = question["article_id"], question["answer"]
    declined = record.get("status", "answer" if record["found"] else "not_found") == "not_found"
    reply = plain_text(record["reply"])
    return Outcome(
        question,
        declined=declined,
        rank1=not declined and ranked_articles[:1] == [target],
        top3=not declined and target in ranked_articles[:3],
        in_sentence=not declined and answer is not None and contains(record["answer"], answer),
        in_reply=not declined and answer is not None and contains(reply, answer),
        cited=ranked_articles[0] if ranked_articles else None,
        sentence=record["answer"],
    )


def judge_baseline(question: dict, ranked: list[str], top_paragraph: str) -> Outcome:
    target, answer = question["article_id"], question["answer"]
    return Outcome(
        question,
        declined=False,  # the baseline always answers with its top paragraph
        rank1=ranked[:1] == [target],
        top3=target in ranked[:3],
        in_sentence=answer is not None and contains(top_paragraph, answer),
        in_reply=answer is not None and contains(top_paragraph, answer),
        cited=ranked[0] if ranked else None,
        sentence=top_paragraph,
    )


def percent(values: list[bool]) -> str:
    return f"{100 * sum(values) / len(values):5.1f}%" if values else "    -"


def table(bot: list[Outcome], base: list[Outcome], title: str) -> str:
    """One split's figures, bot beside baseline, for questions with and without diacritics."""
    lines = [title, f"{'':32}{'n':>4}  {'art@1':>13}  {'art@3':>13}  {'ans∈sentence':>13}  {'ans∈reply':>13}"]
    pairs = list(zip(bot, base, strict=True))
    for label, accented in (("with diacritics", True), ("without diacritics", False)):
        rows = [
            (b, s) for b, s in pairs if b.question["type"] != "out_of_scope" and b.question["diacritics"] is accented
        ]
        if not rows:
            continue
        cells = []
        for metric in ("rank1", "top3", "in_sentence", "in_reply"):
            ours = percent([getattr(b, metric) for b, _ in rows])
            theirs = percent([getattr(s, metric) for _, s in rows])
            cells.append(f"{ours} /{theirs}")
        lines.append(f"  {label:30}{len(rows):>4}  " + "  ".join(f"{c:>13}" for c in cells))
    in_scope = [b for b in bot if b.question["type"] != "out_of_scope"]
    out_scope = [b for b in bot if b.question["type"] == "out_of_scope"]
    lines.append(
        f"  out-of-scope declined: {sum(b.declined for b in out_scope)}/{len(out_scope)} "
        f"({percent([b.declined for b in out_scope]).strip()}; baseline declines none)   "
        f"in-scope wrongly declined: {sum(b.declined for b in in_scope)}/{len(in_scope)} "
        f"({percent([b.declined for b in in_scope]).strip()})"
    )
    return "\n".join(lines)


def by_type(bot: list[Outcome], base: list[Outcome]) -> str:
    lines = ["Per type (all in-scope questions, both splits; bot / baseline):"]
    groups: dict[str, list[tuple[Outcome, Outcome]]] = defaultdict(list)
    for b, s in zip(bot, base, strict=True):
        if b.question["type"] != "out_of_scope":
            groups[b.question["type"]].append((b, s))
    for kind in ("who", "how_many", "when", "where", "what"):
        rows = groups.get(kind, [])
        if rows:
            lines.append(
                f"  {kind:10}{len(rows):>4}  art@1 {percent([b.rank1 for b, _ in rows])} /{percent([s.rank1 for _, s in rows])}"
                f"   ans∈sentence {percent([b.in_sentence for b, _ in rows])} /{percent([s.in_sentence for _, s in rows])}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-dir", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--cache-dir", default=str(ROOT / ".cache"))
    parser.add_argument("--show-test-failures", action="store_true", help="also list failing held-out questions")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline (faster, for tuning)")
    parser.add_argument("--dev-only", action="store_true", help="only the dev split (for tuning)")
    arguments = parser.parse_args(argv)

    politics = Path(arguments.corpus_dir) / POLITICS
    if not politics.is_file():
        print(f"SKIPPED: {politics} is absent; the evaluation needs ../shared/corpus/ beside the checkout.")
        return 0
    corpus = [ROOT / "corpus", politics]
    started = time.perf_counter()
    index, report = build_index(corpus, arguments.cache_dir)
    print(f"index: {report.articles} articles, {report.passages} passages ({report.seconds:.1f} s)", file=sys.stderr)
    questions = [q for q in load_questions() if not arguments.dev_only or q["split"] == "dev"]

    bot: list[Outcome] = []
    latencies = []
    for question in questions:
        t0 = time.perf_counter()
        answer = find_answer(index, question["question"], passages=30)
        latencies.append(time.perf_counter() - t0)
        record = answer_json(answer, 30)
        ranked = [f.article.id for f in answer.findings]
        bot.append(judge_bot(question, record, ranked))

    if arguments.no_baseline:
        base = [Outcome(q, False, False, False, False, False) for q in questions]
    else:
        articles, _ = read_corpus(corpus)
        baseline = Baseline.build(articles, Path(arguments.cache_dir))
        base = [judge_baseline(q, *baseline.ask(q["question"])) for q in questions]

    print(f"\nEvaluation: {len(questions)} questions; figures are bot / baseline\n")
    for split in ("dev",) if arguments.dev_only else ("dev", "test"):
        chosen = [i for i, q in enumerate(questions) if q["split"] == split]
        print(table([bot[i] for i in chosen], [base[i] for i in chosen], f"[{split}]"))
        print()
    if not arguments.dev_only:
        print(by_type(bot, base))
    print(
        f"\nbot answer time: median {1000 * statistics.median(latencies):.1f} ms over {len(latencies)} questions; "
        f"whole run {time.perf_counter() - started:.0f} s"
    )

    shown_splits = {"dev", "test"} if arguments.show_test_failures else {"dev"}
    failures = [
        b
        for b in bot
        if b.question["split"] in shown_splits
        and (
            (b.question["type"] == "out_of_scope") != b.declined
            or (b.question["type"] != "out_of_scope" and not b.in_sentence)
        )
    ]
    print(f"\nFailing questions ({', '.join(sorted(shown_splits))}): {len(failures)}")
    for b in failures:
        q = b.question
        what = (
            "declined"
            if b.declined
            else (
                "answered (should decline)"
                if q["type"] == "out_of_scope"
                else f"rank1={'y' if b.rank1 else 'n'} top3={'y' if b.top3 else 'n'}"
            )
        )
        print(f"  {q['id']:6} {q['type']:12} {what:28} {q['question']}")
        if q["type"] != "out_of_scope" and not b.declined:
            print(f"         want {q['answer']!r} in {q['article_id']}; cited {b.cited}: {(b.sentence or '')[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
