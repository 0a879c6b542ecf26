"""Give helpers unused articles to write a blind batch from, then append what they wrote.

    python eval/new_batch.py sample --split dev --seed 20261215 --helpers 2 --per-helper 20 --out DIR
    python eval/new_batch.py append --split dev --batch 10 DIR/helper-1/questions.jsonl ...
    python eval/new_batch.py sample --split dev --seed 20261221 --helpers 1 --per-helper 40 --documents 30 --out DIR
    python eval/new_batch.py append --split dev --batch 5 --documents DIR/helper-1/questions.jsonl

`sample` draws politics articles whose story falls in the split (sha256 of the story id: mod 3 is
not 0, so none is held out and the index stays the same; the next bit, (hash // 3) % 2, is 0 for
dev and 1 for test, as for the batches before), that no question set has used, and writes each
helper's `articles.txt` as the bot reads the articles (no page furniture). A helper sees only its
folder and the brief.

`append` turns the helpers' lines into the blind set's records (ids after the last one, roles from
kinds, a diacritic-free lowercase twin for every answerable question in standard form but
follow-ups) and appends them to `eval/blind_<split>.jsonl`. Lines whose answer is not in their
evidence, or whose article is not in the sample, are reported and left out.

With `--documents`, `sample` draws for the document questions instead: articles naming a numbered
document (the registry's own reading), split by article (first hex digit of its sha256 even for dev),
none of a held-out story, DATED of them dating a document; `append --documents` appends to
`eval/blind_documents_<split>.jsonl` (ids d…, no twins: those questions vary their forms themselves).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(EVAL))

import blind  # noqa: E402

from bot import documents  # noqa: E402
from bot.corpus import Article, read_corpus  # noqa: E402
from bot.text import strip_diacritics  # noqa: E402

POLITICS = "vnds-politics.jsonl.gz"
SETS = ("blind_dev", "blind_test", "blind_documents_dev", "blind_documents_test", "questions_dev", "questions_test")
ROLES = {"constraint_negative": "constraint", "out_of_scope": "out_of_scope"}
KINDS = {"constraint_negative": "constraint"}
# A fact-rich article a helper can read in a few minutes.
SHORTEST, LONGEST = 1500, 9000


def split_of(story: str) -> str | None:
    """The split a story's questions fall in, or None when it is held out of the index."""
    number = int(hashlib.sha256(story.encode()).hexdigest(), 16)
    if number % 3 == 0:
        return None
    return ("dev", "test")[(number // 3) % 2]


def used_stories() -> set[str]:
    stories = {blind.story(i) for i in blind.held_out_ids()}
    for name in SETS:
        for line in (EVAL / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                stories.add(blind.story(json.loads(line).get("article_id")))
    return stories


def document_split_of(article_id: str) -> str:
    """The document questions' split: by article, the first hex digit of its sha256 even for dev."""
    return ("dev", "test")[int(hashlib.sha256(article_id.encode()).hexdigest()[0], 16) % 2]


def _cites_a_document(article: Article) -> tuple[bool, bool]:
    """Whether the article names a numbered document, and whether it also dates one."""
    mentions = documents.mentions_in_article(article, 0)
    return bool(mentions), any(m.dated for m in mentions)


def sample(
    split: str, seed: int, helpers: int, per_helper: int, corpus_dir: Path, out: Path, dated: int | None = None
) -> None:
    articles, _ = read_corpus([corpus_dir / POLITICS])
    used = used_stories()
    pool = [
        a
        for a in articles
        if split_of(blind.story(a.id) or a.id) is not None
        and (split_of(blind.story(a.id) or a.id) if dated is None else document_split_of(a.id)) == split
        and blind.story(a.id) not in used
        and SHORTEST <= len(a.text) <= LONGEST
    ]
    pool.sort(key=lambda a: a.id)
    if dated is None:
        chosen = random.Random(seed).sample(pool, helpers * per_helper)
    else:
        # Document questions: articles citing a numbered document, `dated` of them dating one.
        cites = {a.id: _cites_a_document(a) for a in pool}
        citing = [a for a in pool if cites[a.id][0] and cites[a.id][1]]
        undated = [a for a in pool if cites[a.id][0] and not cites[a.id][1]]
        draw = random.Random(seed)
        chosen = draw.sample(citing, dated) + draw.sample(undated, helpers * per_helper - dated)
        draw.shuffle(chosen)
        pool = citing + undated
    for number in range(helpers):
        folder = out / f"helper-{number + 1}"
        folder.mkdir(parents=True, exist_ok=True)
        part = chosen[number * per_helper : (number + 1) * per_helper]
        (folder / "articles.txt").write_text("\n\n".join(_as_read(a) for a in part) + "\n", encoding="utf-8")
        print(f"{folder}: {len(part)} articles of {len(pool)} unused in {split}")


def _as_read(article: Article) -> str:
    date = article.date.isoformat() if article.date else ""
    return f"=== ARTICLE {article.id}\n{article.title}\n{date}\n{article.text}"


def _twin_text(question: str) -> str:
    return strip_diacritics(question.lower()).replace("đ", "d")


def _sampled(questions: Path) -> set[str]:
    """The ids of the articles a helper was given (its folder's articles.txt)."""
    with (questions.parent / "articles.txt").open(encoding="utf-8") as lines:
        return {line.split()[2] for line in lines if line.startswith("=== ARTICLE ")}


def _rows(questions: Path) -> list[dict]:
    """A helper's questions, one JSON object per non-empty line."""
    return [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]


def _append_to(target: Path, records: list[dict]) -> None:
    with target.open("a", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def append(split: str, batch: int, files: list[Path]) -> None:
    target = EVAL / f"blind_{split}.jsonl"
    existing = [json.loads(line) for name in ("blind_dev", "blind_test") for line in (EVAL / f"{name}.jsonl").open()]
    next_number = 1 + max(int(r["id"][1:].rstrip("n")) for r in existing)
    records, dropped = [], 0
    for path in files:
        allowed = _sampled(path)
        for row in _rows(path):
            kind = row["kind"]
            role = ROLES.get(kind, "answerable")
            answer, evidence = row.get("answer"), row.get("evidence")
            if role == "answerable" and (
                row.get("article_id") not in allowed or (answer and evidence and answer not in evidence)
            ):
                print(f"dropped ({path.parent.name}): {row['question']}")
                dropped += 1
                continue
            record = {
                "id": f"b{next_number}",
                "split": split,
                "batch": batch,
                "role": role,
                "kind": KINDS.get(kind, kind),
                "form": row.get("form", "standard"),
                "question": row["question"],
                "article_id": row.get("article_id") if role != "out_of_scope" else None,
                "answer": answer if role == "answerable" else None,
                "answers": row.get("answers") if kind == "who_list" else None,
                "verdict": row.get("verdict") if kind == "yes_no" else None,
                "previous": row.get("previous") if kind == "follow_up" else None,
                "evidence": evidence if role == "answerable" else None,
                "twin_of": None,
            }
            if row.get("note"):
                record["note"] = row["note"]
            records.append(record)
            if role == "answerable" and record["form"] == "standard" and kind != "follow_up":
                twin = record | {
                    "id": f"b{next_number}n",
                    "form": "twin_no_diacritics",
                    "question": _twin_text(row["question"]),
                    "twin_of": record["id"],
                }
                twin.pop("note", None)
                records.append(twin)
            next_number += 1
    _append_to(target, records)
    twins = sum(r["form"] == "twin_no_diacritics" for r in records)
    print(f"appended {len(records) - twins} questions and {twins} twins to {target.name}; dropped {dropped}")


def append_documents(split: str, batch: int, files: list[Path]) -> None:
    """Document questions: every line answerable, ids after the last d-number, no twins (forms vary)."""
    target = EVAL / f"blind_documents_{split}.jsonl"
    names = ("blind_documents_dev", "blind_documents_test")
    existing = [json.loads(line) for name in names for line in (EVAL / f"{name}.jsonl").open() if line.strip()]
    next_number = 1 + max(int(r["id"][1:]) for r in existing)
    records, dropped = [], 0
    for path in files:
        allowed = _sampled(path)
        for row in _rows(path):
            if row.get("article_id") not in allowed or row["answer"] not in row["evidence"]:
                print(f"dropped ({path.parent.name}): {row['question']}")
                dropped += 1
                continue
            records.append(
                {
                    "id": f"d{next_number:03d}",
                    "split": split,
                    "batch": batch,
                    "role": "answerable",
                    "kind": row["kind"],
                    "form": row.get("form", "standard"),
                    "question": row["question"],
                    "article_id": row["article_id"],
                    "answer": row["answer"],
                    "evidence": row["evidence"],
                }
            )
            next_number += 1
    _append_to(target, records)
    print(f"appended {len(records)} questions to {target.name}; dropped {dropped}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("sample")
    drawing.add_argument("--split", choices=("dev", "test"), required=True)
    drawing.add_argument("--seed", type=int, required=True)
    drawing.add_argument("--helpers", type=int, default=2)
    drawing.add_argument("--per-helper", type=int, default=20)
    drawing.add_argument("--corpus-dir", type=Path, default=ROOT.parent / "shared" / "corpus")
    drawing.add_argument("--out", type=Path, required=True)
    drawing.add_argument(
        "--documents",
        type=int,
        metavar="DATED",
        help="draw for the document questions: articles citing a numbered document, DATED of them dating one",
    )
    appending = commands.add_parser("append")
    appending.add_argument("--split", choices=("dev", "test"), required=True)
    appending.add_argument("--batch", type=int, required=True)
    appending.add_argument("--documents", action="store_true", help="append to the document questions")
    appending.add_argument("files", nargs="+", type=Path)
    arguments = parser.parse_args(argv)
    if arguments.command == "sample":
        sample(
            arguments.split,
            arguments.seed,
            arguments.helpers,
            arguments.per_helper,
            arguments.corpus_dir,
            arguments.out,
            arguments.documents,
        )
    elif arguments.documents:
        append_documents(arguments.split, arguments.batch, arguments.files)
    else:
        append(arguments.split, arguments.batch, arguments.files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
