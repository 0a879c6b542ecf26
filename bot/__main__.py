"""Entry point: `python -m bot` runs the Telegram bot; `python -m bot ask ...` answers from the shell.

python -m bot                                    start the bot (settings from the environment / .env)
python -m bot ask [--corpus PATH]... [-k N] [--json] QUESTION
python -m bot ask [--corpus PATH]... [-k N] --json --batch FILE
python -m bot build [--corpus PATH]...           build (or refresh) the cached index
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.answer import Answer, Answerer, Status
from bot.config import ConfigError, Settings, load_settings
from bot.examples import example_questions
from bot.index import Index
from bot.reply import format_reply, plain_text
from bot.store import BuildReport, EmptyCorpusError, build_index
from bot.text import number


class TerminalProgress:
    """A one-line progress counter on standard error, shown only when it is a terminal."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.enabled = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if self.enabled:
            end = "\n" if done >= total else ""
            self.stream.write(f"\rĐang tách từ các bài viết: {done}/{total}{end}")
            self.stream.flush()


def describe_build(report: BuildReport) -> str:
    """One line about a build, for logs and the terminal."""
    origin = "nạp từ bộ nhớ đệm" if report.from_cache else f"tách từ {number(report.articles_segmented)} bài mới"
    return (
        f"Chỉ mục: {number(report.articles)} bài, {number(report.passages)} đoạn ({origin}, "
        f"{number(report.seconds, 1)} giây); bỏ qua {number(len(report.skipped))} tệp/dòng lỗi"
    )


def load_corpus_index(paths: Sequence[Path], settings: Settings, stream: TextIO = sys.stderr) -> Index:
    """Build or load the index, reporting skipped files on `stream`; exits when nothing loads."""
    try:
        index, report = build_index(
            paths, settings.cache_dir, workers=settings.workers, progress=TerminalProgress(stream)
        )
    except EmptyCorpusError as error:
        for problem in error.report.problems if error.report else []:
            print(f"lỗi: {problem}", file=stream)
        raise SystemExit(f"Không có bài viết nào đọc được trong {', '.join(map(str, paths))}.") from None
    for problem in report.problems:
        print(f"{'bỏ qua' if problem.skipped else 'lưu ý'}: {problem}", file=stream)
    print(describe_build(report), file=stream)
    return index


def cli_status(answer: Answer) -> str:
    """`answer`, `unsure` or `not_found` (an empty or unusable question finds nothing)."""
    return answer.status.value if answer.status in (Status.ANSWER, Status.UNSURE) else Status.NOT_FOUND.value


def answer_json(answer: Answer, k: int, examples: Sequence[str] = ()) -> dict:
    """The `--json` record of one answered question."""
    best = answer.best
    return {
        "question": answer.question,
        "status": cli_status(answer),
        "found": answer.found,
        "answer": best.sentence if answer.found and best else None,
        # For a yes/no question: "yes", "no" or "unclear", as far as the sentence supports it.
        "verdict": answer.verdict.value if answer.verdict else None,
        "reply": format_reply(answer, examples=examples),
        "hits": [
            {
                "article_id": hit.article.id,
                "title": hit.article.title,
                "date": hit.article.iso_date(),
                "source": hit.article.source,
                "url": hit.article.url,
                "passage": hit.text,
                "score": round(hit.score, 6),
            }
            for hit in answer.hits[:k]
        ],
    }


def is_utf8(argument: str) -> bool:
    """Whether a command-line argument was valid UTF-8 (Python keeps invalid bytes as lone surrogates)."""
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _ask(arguments: argparse.Namespace, settings: Settings) -> int:
    if arguments.batch is None and not arguments.question:
        print("Cần một câu hỏi, hoặc --batch FILE.", file=sys.stderr)
        return 2
    if arguments.batch is not None and not arguments.json:
        print("--batch chỉ dùng cùng --json.", file=sys.stderr)
        return 2
    if arguments.k < 0:
        print(f"-k là số đoạn kết quả trong --json, phải từ 0 trở lên; đang là {arguments.k}.", file=sys.stderr)
        return 2
    if not is_utf8(" ".join(arguments.question)):
        print(
            "Câu hỏi có byte không phải UTF-8: hãy đặt bảng mã của terminal là UTF-8 (ví dụ LANG=C.UTF-8) rồi gõ lại.",
            file=sys.stderr,
        )
        return 2
    if arguments.batch is not None:
        try:
            questions = [line.strip() for line in Path(arguments.batch).read_text(encoding="utf-8-sig").splitlines()]
        except (OSError, UnicodeDecodeError) as error:
            print(f"Không đọc được {arguments.batch}: {error}", file=sys.stderr)
            return 2
        questions = [q for q in questions if q]
    else:
        questions = [" ".join(arguments.question)]
    paths = [Path(p) for p in arguments.corpus] or [settings.corpus_dir]
    index = load_corpus_index(paths, settings)
    answerer = Answerer(index)
    examples: tuple[str, ...] | None = None  # drawn from the corpus only when a reply needs one
    for question in questions:
        answer = answerer.answer(question, passages=max(arguments.k, 1))
        if answer.status not in (Status.ANSWER, Status.UNSURE) and examples is None:
            examples = example_questions(answerer)
        record = answer_json(answer, arguments.k, examples or ())
        print(json.dumps(record, ensure_ascii=False) if arguments.json else plain_text(record["reply"]), flush=True)
    return 0


def _build(arguments: argparse.Namespace, settings: Settings) -> int:
    paths = [Path(p) for p in arguments.corpus] or [settings.corpus_dir]
    load_corpus_index(paths, settings)
    return 0


def parser() -> argparse.ArgumentParser:
    """The command line: no sub-command runs the bot."""
    main_parser = argparse.ArgumentParser(
        prog="python -m bot", description="Bot Telegram hỏi đáp tin chỉ thị, nghị quyết."
    )
    commands = main_parser.add_subparsers(dest="command")
    ask = commands.add_parser("ask", help="trả lời câu hỏi từ dòng lệnh")
    ask.add_argument(
        "--corpus", action="append", default=[], metavar="PATH", help="thư mục hoặc tệp bài viết (lặp lại được)"
    )
    ask.add_argument("-k", type=int, default=5, metavar="N", help="số đoạn kết quả trong --json (mặc định 5)")
    ask.add_argument("--json", action="store_true", help="in mỗi câu trả lời thành một dòng JSON")
    ask.add_argument("--batch", metavar="FILE", help="đọc mỗi dòng của FILE là một câu hỏi (cần --json)")
    ask.add_argument("question", nargs="*", help="câu hỏi")
    build = commands.add_parser("build", help="xây (hoặc cập nhật) chỉ mục trong bộ nhớ đệm")
    build.add_argument("--corpus", action="append", default=[], metavar="PATH")
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = parser().parse_args(argv)
    try:
        settings = load_settings(require_token=arguments.command is None)
    except ConfigError as error:
        print(f"Lỗi cấu hình: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if arguments.command == "ask":
        return _ask(arguments, settings)
    if arguments.command == "build":
        return _build(arguments, settings)
    from bot.telegram_app import run_bot  # the only place the Telegram library is loaded

    return run_bot(settings)


if __name__ == "__main__":
    sys.exit(main())
