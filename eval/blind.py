"""Answer quality on the blind evaluation set: right, confidently wrong, or honestly unsure.

    python eval/blind.py [--corpus-dir ../shared/corpus] [--split dev|test|both] [--show-failures]
                         [--bot-root PATH] [--json FILE] [--outcomes FILE]

The questions (eval/blind_dev.jsonl, eval/blind_test.jsonl) were written by helpers that saw only
articles, never the bot, its code or any search (eval/README.md). They are asked, one by one,
through the CLI's own `ask` path over vnds-politics + vnexpress-2024 + the shipped corpus, minus
the articles in eval/blind_held_out.txt: questions about those are on-topic negatives.

Per split (never pooled), per kind and per form it prints:
- correct: status `answer`, the gold span inside the answering sentence (or the sentence is, or
  is part of, the one the writer marked as the answer), at most 300 characters (short queries:
  the right article among the first three shown);
- wrong: status `answer` and not correct (the worst outcome: a confident wrong citation);
- of the correct answers to a name, number, date or place, those whose reply bolds another span;
- of the correct answers on what a document is about, those stating it in other words than the
  writer's (most of its syllables, every number in it: `states_subject`);
- unsure, and for unsure replies how often the right article is among the three listed;
- negatives (held-out articles, changed years/numbers/places) answered as if found (a held-out
  fact quoted rightly from another outlet's report of it is counted apart, not as a wrong answer);
- out-of-scope questions declined (any status but `answer`);
- questions typed without diacritics beside their twins with them.

`--bot-root` answers with another checkout's `bot` package (the previous main, say), so that
both are measured on the same questions and corpus. Follow-ups are asked after the question they
continue, as the bot reads them in a chat (a reply to its answer, or "còn …" soon after it); they
are reported apart from the headline figures. A yes/no reply whose verdict ("Đúng", "Không đúng")
is not the writer's is wrong, whatever its sentence.
"""

from __future__ import annotations

import argparse
import gzip
import html
import inspect
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
SPLITS = ("dev", "test")
CORPORA = ("vnds-politics.jsonl.gz", "vnexpress-2024.jsonl.gz")
MAX_SENTENCE = 300
# Kinds reported apart from the headline: follow-ups depend on the question before them.
NOT_IN_HEADLINE = {"follow_up"}
# Kinds asking for one span (a name, a number, a date, a place): the reply bolds it.
SPAN_KINDS = {"who", "who_role", "who_list", "how_many", "when", "where"}


# The question sets: the first (every kind of question) and the one about documents only.
QUESTION_SETS = {"all": "blind", "documents": "blind_documents"}


def load_questions(split: str, questions: str = "all") -> list[dict]:
    with (EVAL / f"{QUESTION_SETS[questions]}_{split}.jsonl").open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def held_out_ids() -> set[str]:
    lines = (EVAL / "blind_held_out.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def story(article_id: str | None) -> str | None:
    """One story's articles count as one: vnexpress-2024 clusters the same event from several outlets."""
    if article_id is None:
        return None
    match = re.match(r"(newsmds-cluster_\d+)-\d+$", article_id)
    return match.group(1) if match else article_id


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _tone_last(word: str) -> str:
    """A word with its tone mark moved to its end: "khoá" and "khóa" (old and new placement) agree."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(c for c in decomposed if c in _TONE_MARKS)
    return "".join(c for c in decomposed if c not in _TONE_MARKS) + tones


_SAME_WORD = {"tới": "đến"}  # "từ 28/2 tới 5/3" is "từ 28/2 đến 5/3"
_NUMBER_WORDS = ("", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")


def _introduces_a_number(words: list[str], i: int, years: bool) -> bool:
    """ "Nghị quyết số 120" is "Nghị quyết 120"; with `years`, "Nghị định 91 năm 2015" is "91/2015/NĐ-CP"
    and "Luật Đất đai năm 2013" is "Luật Đất đai 2013" (a "năm" after a word, before a year)."""
    word, following = words[i], words[i + 1] if i + 1 < len(words) else ""
    if word == "số":
        return following[:1].isdigit()
    return years and word == "năm" and i > 0 and re.fullmatch(r"(?:19|20)\d\d", following) is not None


def normalise(text: str, years: bool = False) -> str:
    """Lowercase words without punctuation, the tone mark's placement, a number's leading zeros and
    the "số" before a number not told apart, "tới" read as "đến", a date written out read in figures;
    with `years`, a "năm" between a number and its year left out too."""
    text = unicodedata.normalize("NFC", text).lower()
    # A date written out is the date in figures: "ngày 01 tháng 01 năm 2019" is "01/01/2019".
    text = re.sub(r"(?<!\w)(\d{1,2}) tháng (\d{1,2}) năm ((?:19|20)\d\d)(?!\d)", r"\1/\2/\3", text)
    text = re.sub(r"(?<!\w)tháng (\d{1,2}) năm ((?:19|20)\d\d)(?!\d)", r"tháng \1/\2", text)
    words = re.sub(r"[^\w%]+", " ", text).split()
    words = [_SAME_WORD.get(w, w) for i, w in enumerate(words) if not _introduces_a_number(words, i, years)]
    # "01/01/2019" is "1/1/2019", "Chỉ thị 05" is "Chỉ thị 5".
    return " ".join(w.lstrip("0") or "0" if w.isdigit() else _tone_last(w) for w in words)


def contains(haystack: str | None, needle: str | None) -> bool:
    if not (haystack and needle):
        return False
    said, wanted = f" {normalise(haystack)} ", normalise(needle)
    if f" {wanted} " in said:
        return True
    # A document's number and year written apart ("Nghị định 91 năm 2015") or in its code ("91/2015/NĐ-CP").
    if f" {normalise(needle, years=True)} " in f" {normalise(haystack, years=True)} ":
        return True
    # A count up to ten is written in words as often as in digits: "6 nhóm" is "sáu nhóm".
    count = re.fullmatch(r"(10|[1-9]) (.+)", wanted)
    if count is not None and f" {normalise(_NUMBER_WORDS[int(count[1])])} {count[2]} " in said:
        return True
    # A date asked as "ngày 20-5" is stated by "vào 20/5".
    date = re.fullmatch(
        r"(?:vào )?ngày (\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?)", unicodedata.normalize("NFC", needle.strip())
    )
    if date is not None and f" {normalise(date[1])} " in said:
        return True
    # A month asked for ("tháng 11/2017", "tháng 11-2017") is stated by a day in that month ("ngày 15/11/2017";
    # since 7 December 2026, eleventh session), as a year is by a date in it.
    month = re.fullmatch(
        r"(?:vào\s+)?tháng\s+0?(\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*((?:19|20)\d\d)",
        unicodedata.normalize("NFC", needle.strip()),
        re.IGNORECASE,
    )
    if month is not None and re.search(
        rf"(?<![\d/.-])\d{{1,2}}\s*[/.-]\s*0?{month[1]}\s*[/.-]\s*{month[2]}(?!\d)"
        rf"|(?<!\w)ngày\s+\d{{1,2}}\s+tháng\s+0?{month[1]}\s+năm\s+{month[2]}(?!\d)",
        unicodedata.normalize("NFC", haystack),
        re.IGNORECASE,
    ):
        return True
    # A year asked for ("năm 2009") is stated by a date in that year ("ngày 31/3/2009", "tháng 6/2009"), or
    # by a document's code carrying it as its year of issue ("Thông tư 159/2013/TT-BTC"; since 7 December 2026).
    year = re.fullmatch(r"năm ((?:19|20)\d\d)", unicodedata.normalize("NFC", wanted))
    return year is not None and (
        re.search(rf"(?<![\d/.-])\d{{1,2}}[/.-](?:\d{{1,2}}[/.-])?{year[1]}(?!\d)", haystack) is not None
        or re.search(rf"(?<![\d/.-])\d{{1,5}}/{year[1]}/[^\W\d_]", haystack) is not None
    )


_DOCUMENT = re.compile(
    r"(?<!\w)(nghị quyết|chỉ thị|quyết định|nghị định|thông tư|kết luận|quy định|thông báo|luật|công điện|hướng dẫn)"
    r"\s+(?:số\s+)?0*(\d+)(?!\d|[,.]\d)",
    re.IGNORECASE,
)


def same_document(haystack: str | None, needle: str | None) -> bool:
    """Whether the needle names a document by kind and number ("Nghị quyết 13-NQ/TW") that the haystack
    names too ("Nghị quyết số 13")."""
    if not (haystack and needle):
        return False
    wanted = {(kind.lower(), number) for kind, number in _DOCUMENT.findall(unicodedata.normalize("NFC", needle))}
    said = {(kind.lower(), number) for kind, number in _DOCUMENT.findall(unicodedata.normalize("NFC", haystack))}
    return bool(wanted) and wanted <= said


# Words any subject may have or lack without saying anything else ("về việc", "các", "của").
_SUBJECT_FUNCTION_WORDS = frozenset(
    "về việc và của các những một cho với đối trong tại theo để là có được đến này đó".split()
)
# What a document is about, said in other words: this share of the writer's syllables.
SUBJECT_SHARE = 0.7


def states_subject(sentence: str | None, subject: str | None) -> bool:
    """Whether a sentence states what a document is about in other words than the writer's: most of the
    subject's syllables, in any order, and every number in it ("về thí điểm đổi mới cơ chế hoạt động đối
    với các cơ sở giáo dục đại học công lập giai đoạn 2014-2017" states "thí điểm … cơ sở giáo dục đại học
    công lập giai đoạn 2014 - 2017"; a resolution of another year's plan does not state this year's)."""
    if not (sentence and subject):
        return False

    def syllables(text: str) -> list[str]:
        words = re.findall(r"[^\W\d_]+", normalise(text))
        return [w for w in words if w not in _SUBJECT_FUNCTION_WORDS]

    wanted, said = syllables(subject), set(syllables(sentence))
    numbers = set(re.findall(r"\d+", subject)) <= set(re.findall(r"\d+", sentence))
    return bool(wanted) and numbers and sum(w in said for w in wanted) >= SUBJECT_SHARE * len(wanted)


def filtered_corpus(corpus_dir: Path, work_dir: Path, held: set[str]) -> list[Path]:
    """The shared corpora without the held-out articles, written once (deterministically) to `work_dir`."""
    work_dir.mkdir(parents=True, exist_ok=True)
    paths = [ROOT / "corpus"]
    for name in CORPORA:
        target = work_dir / name.replace(".jsonl.gz", "-blind.jsonl")
        if not target.exists():
            with gzip.open(corpus_dir / name, "rt", encoding="utf-8") as source:
                kept = [line for line in source if json.loads(line)["id"] not in held]
            partial = target.with_suffix(".part")
            partial.write_text("".join(kept), encoding="utf-8")
            partial.replace(target)
        paths.append(target)
    return paths


@dataclass
class Outcome:
    question: dict
    status: str
    correct: bool = False
    wrong: bool = False
    listed: bool = False  # for unsure: the right story among the three articles shown
    sentence: str | None = None
    cited: str | None = None
    # A correct answer whose reply bolds another name, number, date or place than the asked one.
    bold_elsewhere: bool = False
    # A correct answer on what a document is about that states it in other words than the writer's.
    in_other_words: bool = False


def judge(question: dict, record: dict, shown: list[str]) -> Outcome:
    """One question's outcome from the CLI's JSON record and the article ids shown, best first."""
    status = record.get("status") or ("answer" if record["found"] else "not_found")
    outcome = Outcome(question, status, sentence=record["answer"], cited=shown[0] if shown else None)
    gold = story(question["article_id"])
    in_top3 = gold is not None and gold in [story(a) for a in shown[:3]]
    if question["role"] == "held_out":
        # Another outlet's report of the same fact may still be indexed: quoting it is right.
        outcome.correct = status == "answer" and contains(record["answer"], question["answer"])
        outcome.wrong = status == "answer" and not outcome.correct
        return outcome
    if question["role"] != "answerable":
        outcome.wrong = status == "answer"
        return outcome
    if question["kind"] == "short_query":
        outcome.correct = status in ("answer", "unsure") and in_top3
        outcome.wrong = status == "answer" and not in_top3
    else:
        sentence = record["answer"] or ""
        # The gold span, or the very sentence the question's writer marked as the answer (whole, or
        # most of it): "13 người chết" answers as well as the writer's "13 nạn nhân".
        evidence = question["evidence"] or ""
        quoted = contains(sentence, evidence) or (
            contains(evidence, sentence) and len(normalise(sentence)) >= 0.6 * len(normalise(evidence))
        )
        # "Nghị quyết nào …?" is answered by the document's kind and number, however its code is written.
        named = question["kind"] == "which_document" and same_document(sentence, question["answer"])
        verbatim = contains(sentence, question["answer"]) or quoted or named
        # What a document is about is worded many ways ("về xử lý kỷ luật đảng viên vi phạm"): most of the
        # writer's words, numbers and all, answer as well (since 7 December 2026; eval/README.md).
        other_words = question["kind"] == "document_about" and states_subject(sentence, question["answer"])
        outcome.correct = status == "answer" and (verbatim or other_words) and len(sentence) <= MAX_SENTENCE
        outcome.in_other_words = outcome.correct and not verbatim
        # A yes/no reply that says "Đúng" to what the article denies is wrong, whatever its sentence.
        # (A bot without verdicts, the previous main, is judged on its sentence alone.)
        if question.get("verdict") and record.get("verdict") not in (None, question["verdict"]):
            outcome.correct = False
        outcome.wrong = status == "answer" and not outcome.correct
        bold = bolded(record.get("reply") or "")
        outcome.bold_elsewhere = (
            outcome.correct
            and question["kind"] in SPAN_KINDS
            and bold is not None
            and not (contains(bold, question["answer"]) or contains(question["answer"], bold))
        )
    outcome.listed = status == "unsure" and in_top3
    return outcome


def follow_up_of(answerer: Any, previous: str | None) -> dict:
    """How a follow-up is asked, as in a chat: after its earlier question, whose answer's article is what
    "bà ấy", "lần đó" point back at (a bot from before 6 December 2026 takes the question alone)."""
    if previous is None:
        return {}
    if "earlier_article" not in inspect.signature(answerer.answer).parameters:
        return {"previous": previous}
    earlier = answerer.answer(previous, passages=30).best
    return {"previous": previous, "earlier_article": earlier.article.id if earlier else None}


def bolded(reply: str) -> str | None:
    """What the reply's answering sentence (its first paragraph; the title is bold below it) puts in bold."""
    match = re.search(r"<b>(.*?)</b>", reply.split("\n\n", 1)[0])
    return html.unescape(match.group(1)) if match else None


def answer_record(answer: object) -> dict:
    """The CLI's own --json record of an answer (the real ask path)."""
    from bot.__main__ import answer_json

    return answer_json(answer, 30)


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "-"


def figures(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """The headline counts (numerator, denominator) of one split."""
    answerable = [o for o in outcomes if o.question["role"] == "answerable"]
    headline = [o for o in answerable if o.question["kind"] not in NOT_IN_HEADLINE]
    unsure = [o for o in headline if o.status == "unsure"]
    negatives = [o for o in outcomes if o.question["role"] in ("held_out", "constraint")]
    held = [o for o in negatives if o.question["role"] == "held_out"]
    constraint = [o for o in negatives if o.question["role"] == "constraint"]
    out = [o for o in outcomes if o.question["role"] == "out_of_scope"]
    by_id = {o.question["id"]: o for o in outcomes}
    twins = [o for o in headline if o.question.get("twin_of") in by_id]
    originals = [by_id[o.question["twin_of"]] for o in twins]
    return {
        "correct": (sum(o.correct for o in headline), len(headline)),
        "wrong": (sum(o.wrong for o in headline), len(headline)),
        "bold_elsewhere": (sum(o.bold_elsewhere for o in headline), sum(o.correct for o in headline)),
        "in_other_words": (sum(o.in_other_words for o in headline), sum(o.correct for o in headline)),
        "unsure": (len(unsure), len(headline)),
        "unsure_listed": (sum(o.listed for o in unsure), len(unsure)),
        "not_found": (sum(o.status == "not_found" for o in headline), len(headline)),
        "negatives_answered": (sum(o.wrong for o in negatives), len(negatives)),
        "held_out_answered": (sum(o.wrong for o in held), len(held)),
        "held_out_answered_rightly": (sum(o.correct for o in held), len(held)),
        "constraint_answered": (sum(o.wrong for o in constraint), len(constraint)),
        "out_of_scope_declined": (sum(o.status != "answer" for o in out), len(out)),
        "twins_correct": (sum(o.correct for o in twins), len(twins)),
        "their_originals_correct": (sum(o.correct for o in originals), len(originals)),
    }


def breakdown(outcomes: list[Outcome], field: str) -> list[str]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        if o.question["role"] == "answerable":
            groups[o.question[field]].append(o)
    lines = []
    for name, rows in sorted(groups.items(), key=lambda item: -len(item[1])):
        unsure = [o for o in rows if o.status == "unsure"]
        lines.append(
            f"  {name:20}{len(rows):>4}   correct {share(sum(o.correct for o in rows), len(rows)):>16}"
            f"   wrong {share(sum(o.wrong for o in rows), len(rows)):>16}"
            f"   unsure {len(unsure):>3} (listed {sum(o.listed for o in unsure)})"
            f"   not found {sum(o.status == 'not_found' for o in rows):>3}"
        )
    return lines


def report(split: str, outcomes: list[Outcome]) -> str:
    f = figures(outcomes)
    lines = [
        f"[{split}] {len(outcomes)} questions",
        f"  answerable (follow-ups apart): correct {share(*f['correct'])}   confidently wrong {share(*f['wrong'])}",
        f"    of the correct, bolding another name, number, date or place than the asked one:"
        f" {share(*f['bold_elsewhere'])}",
        f"    of the correct, what a document is about in other words than the writer's: {share(*f['in_other_words'])}",
        f"    unsure {share(*f['unsure'])}, right article listed {share(*f['unsure_listed'])}"
        f"   not found {share(*f['not_found'])}",
        f"  on-topic negatives answered: {share(*f['negatives_answered'])}"
        f"  (held-out articles {share(*f['held_out_answered'])}; changed year/number/place"
        f" {share(*f['constraint_answered'])}); held-out facts answered rightly from another report:"
        f" {f['held_out_answered_rightly'][0]}",
        f"  out-of-scope declined: {share(*f['out_of_scope_declined'])}",
        f"  typed without diacritics: correct {share(*f['twins_correct'])}"
        f" beside their twins with diacritics {share(*f['their_originals_correct'])}",
        "  per kind:",
        *breakdown(outcomes, "kind"),
        "  per form:",
        *breakdown(outcomes, "form"),
    ]
    return "\n".join(lines)


def failures(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        q = o.question
        bad = (q["role"] == "answerable" and not o.correct) or (q["role"] != "answerable" and o.wrong)
        if bad:
            lines.append(f"  {q['id']:6} {q['role']:10} {q['kind']:14} {o.status:9} {q['question']}")
            if q["role"] == "answerable":
                lines.append(f"         want {q['answer']!r} in {q['article_id']}; cited {o.cited}")
            lines.append(f"         said: {(o.sentence or '')[:220]}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-dir", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--cache-dir", default=str(ROOT / ".cache"))
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both")
    parser.add_argument("--show-failures", action="store_true", help="list the failing questions of the split(s)")
    parser.add_argument("--bot-root", default=str(ROOT), help="checkout whose bot package answers")
    parser.add_argument("--json", metavar="FILE", help="write the figures per split as JSON")
    parser.add_argument(
        "--outcomes",
        metavar="FILE",
        help="write every dev question's outcome as JSON lines, to compare two bots (never the test split's)",
    )
    parser.add_argument(
        "--questions", choices=tuple(QUESTION_SETS), default="all", help="documents: the set about documents only"
    )
    arguments = parser.parse_args(argv)
    if arguments.outcomes and arguments.split != "dev":
        parser.error("--outcomes is for the dev split only: the test split's failures are not read")

    corpus_dir = Path(arguments.corpus_dir)
    if not all((corpus_dir / name).is_file() for name in CORPORA):
        print(f"SKIPPED: {corpus_dir} lacks {' or '.join(CORPORA)}; the evaluation needs ../shared/corpus/.")
        return 0
    sys.path.insert(0, str(Path(arguments.bot_root).resolve()))
    from bot.answer import Answerer
    from bot.store import build_index

    cache = Path(arguments.cache_dir)
    corpus = filtered_corpus(corpus_dir, cache / "blind-corpus", held_out_ids())
    started = time.perf_counter()
    index, report_ = build_index(corpus, cache)
    print(f"index: {report_.articles} articles, {report_.passages} passages ({report_.seconds:.1f} s)", file=sys.stderr)
    answerer = Answerer(index)
    results = {}
    for split in SPLITS if arguments.split == "both" else (arguments.split,):
        outcomes = []
        for question in load_questions(split, arguments.questions):
            previous = question.get("previous") if question["kind"] == "follow_up" else None
            answer = answerer.answer(question["question"], passages=30, **follow_up_of(answerer, previous))
            outcome = judge(question, answer_record(answer), [f.article.id for f in answer.findings])
            if outcome.sentence is None and answer.best is not None:  # an unsure reply's first sentence, to read
                outcome.sentence = "(unsure) " + answer.best.sentence
            outcomes.append(outcome)
        print(report(split, outcomes))
        if arguments.show_failures:
            print(f"  failing [{split}]:")
            print("\n".join(failures(outcomes)))
        print()
        results[split] = figures(outcomes)
        # A later batch of a split is reported apart too: the test split's fourth batch was written after
        # the first three had been read to choose a model (eval/README.md).
        for batch in sorted({o.question["batch"] for o in outcomes if o.question.get("batch")}):
            name = f"{split}, batch {batch}"
            print(report(name, [o for o in outcomes if o.question.get("batch") == batch]), end="\n\n")
            results[name] = figures([o for o in outcomes if o.question.get("batch") == batch])
        if arguments.outcomes:
            with open(arguments.outcomes, "w", encoding="utf-8") as stream:
                for o in outcomes:
                    row = {"id": o.question["id"], "kind": o.question["kind"], "role": o.question["role"]}
                    row |= {k: v for k, v in vars(o).items() if k != "question"}
                    stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"whole run {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if arguments.json:
        Path(arguments.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
