"""The faults and attacks of issue 13, run in one go against this checkout, and one table of what they cost.

    python bench/adversarial.py

Each row is one fault: the time it took, the peak memory (Python allocations traced with tracemalloc
for the corpus files; the bot process's peak resident memory, from the kernel, for the rest), the
answers lost, the delay other users saw and what became of it, beside the figure the issue found
before the fixes. The bot runs as `python -m bot` against the local Bot API server of the tests
(tests/fake_bot_api.py), on the shipped corpus. It takes about a minute; nothing is left behind.

The hostile questions are asked over the blind evaluation's index (vnds-politics + vnexpress-2024
from ../shared/corpus, built by eval/blind.py's own code into .cache/, where its cache is reused:
the first build takes minutes), with the bounds of bot/query.py and with them lifted.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from bot import corpus  # noqa: E402
from bot import query as query_module  # noqa: E402
from bot.answer import MAX_QUESTION_CHARS, Answerer  # noqa: E402
from bot.index import Index, passage_spans  # noqa: E402
from tests.fake_bot_api import ApiCall, FakeBotApi, post_to_webhook  # noqa: E402

TOKEN = "123456:BENCH-TOKEN-abcdefghijklmnop"
QUESTION = "Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?"
ANSWER_STARTS = "Tới dự có"
SLOW_DOWN = "Bạn hỏi nhanh quá."
BOMB_BYTES = 2**30  # what the issue used: 1 GB of zeros, about 1 MB gzipped


@dataclass
class Row:
    fault: str
    before: str  # as issue 13 found it
    seconds: float
    peak_mib: float | None = None
    lost: int | None = None
    others_delay: float | None = None
    outcome: str = ""


# --- the bot through the local Bot API server --------------------------------------------------


class Bot:
    """The FakeBotApi a `python -m bot` process talks to, with helpers to read what it sent."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api
        self.peak_mib = 0.0  # the process's, once it has stopped

    def answer_to(self, chat_id: int, after: int, timeout: float = 60) -> ApiCall:
        """The first delivered message into a chat that is an answer."""
        return self.api.wait_for(
            "sendMessage",
            lambda c: c.params["chat_id"] == chat_id and c.params["text"].startswith(ANSWER_STARTS),
            after=after,
            timeout=timeout,
        )

    def into(self, chat_id: int, after: int) -> list[ApiCall]:
        return [c for c in self.api.calls[after:] if c.method == "sendMessage" and c.params["chat_id"] == chat_id]


def _environment(workdir: Path, base_url: str, **env: str) -> dict[str, str]:
    corpus_dir = workdir / "corpus"
    if not corpus_dir.exists():
        shutil.copytree(ROOT / "corpus", corpus_dir)
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "CORPUS_", "CACHE_"))}
    environment.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=base_url,
        CORPUS_DIR=str(corpus_dir),
        CACHE_DIR=str(workdir / "cache"),
        WORKERS="1",
        PYTHONPATH=str(ROOT),
    )
    environment.update(env)
    return environment


def _peak_mib(pid: int) -> float:
    """A running process's peak resident memory so far (VmHWM), in MiB."""
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024


def _reap_peak_mib(process: subprocess.Popen[str]) -> float:
    """Wait for a process that ends by itself; its peak resident memory in MiB (ru_maxrss is in KiB)."""
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped here: Popen must not wait for it again
    return usage.ru_maxrss / 1024


@contextmanager
def running_bot(workdir: Path, ready: str = "getUpdates", **env: str) -> Iterator[Bot]:
    """The bot serving (polling, or a webhook when configured) until the block ends, then stopped."""
    api = FakeBotApi(TOKEN)
    api.start()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=workdir,
        env=_environment(workdir, api.base_url, **env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    bot = Bot(api)
    try:
        api.wait_for(ready, timeout=180, ok=None)
        yield bot
    finally:
        bot.peak_mib = _peak_mib(process.pid)
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        api.stop()


def fault_token_refused(workdir: Path) -> Row:
    with FakeBotApi("654321:ANOTHER-TOKEN-abcdefghij") as api:  # answers 401 to any other token
        start = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", "bot"],
            cwd=workdir,
            env=_environment(workdir, api.base_url),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        output = process.stdout.read()
        peak = _reap_peak_mib(process)
    printed = "yes" if TOKEN in output or TOKEN.split(":")[1] in output else "no"
    last = output.strip().splitlines()[-1] if output.strip() else ""
    return Row(
        "token rejected at start",
        "token printed in a traceback",
        time.monotonic() - start,
        peak,
        outcome=f"token printed: {printed}; says: «{last[:40]}…»",
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fault_forged_webhook_post(workdir: Path) -> Row:
    port = _free_port()
    webhook = {"TELEGRAM_WEBHOOK_URL": "https://bot.example.vn/hook", "TELEGRAM_WEBHOOK_PORT": str(port)}
    forged = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": int(time.time()),
            "chat": {"id": 4242, "type": "private", "first_name": "Admin"},
            "from": {"id": 4242, "is_bot": False, "first_name": "Admin"},
            "text": "/reload",
        },
    }
    with running_bot(workdir, ready="setWebhook", ADMIN_IDS="4242", **webhook) as bot:
        mark = bot.api.mark()
        start = time.monotonic()
        status = post_to_webhook(f"http://127.0.0.1:{port}/hook", forged, None)
        seconds = time.monotonic() - start
        time.sleep(1)
        obeyed = bot.into(4242, mark)
    return Row(
        "webhook POST without the secret",
        "accepted: /reload run for anyone",
        seconds,
        bot.peak_mib,
        outcome=f"HTTP {status}; replies to the forged admin: {len(obeyed)}",
    )


def fault_requests(workdir: Path) -> list[Row]:
    """Faults on sendMessage and floods, against one bot with the default per-user rate."""
    rows = []
    with running_bot(workdir, QUESTIONS_PER_MINUTE="20", LOG_LEVEL="WARNING") as bot:
        api = bot.api
        mark = api.mark()
        asked = time.monotonic()
        api.private_message(QUESTION, user_id=5000)
        normal_delay = bot.answer_to(5000, mark).time - asked

        lost, start = 0, time.monotonic()
        for user, code in ((5001, 500), (5002, 502)):
            mark = api.mark()
            api.fail("sendMessage", error_code=code, times=1)
            api.private_message(QUESTION, user_id=user)
            try:
                bot.answer_to(user, mark, timeout=20)
            except AssertionError:
                lost += 1
        rows.append(
            Row(
                "one 500 and one 502 on sendMessage",
                "2 answers lost (apology instead)",
                time.monotonic() - start,
                lost=lost,
                outcome="answered after a retry" if not lost else "apology instead of the answer",
            )
        )

        mark = api.mark()
        api.fail("sendMessage", error_code=429, retry_after=3, times=1)
        api.private_message(QUESTION, user_id=5003)
        refused = api.wait_for("sendMessage", after=mark, ok=False)
        asked = time.monotonic()
        api.private_message(QUESTION, user_id=5004)
        other = bot.answer_to(5004, mark)
        waited = bot.answer_to(5003, mark)
        rows.append(
            Row(
                "a 429 (retry_after 3 s) in one chat",
                "every chat paused 3 s",
                waited.time - refused.time,
                lost=0,
                others_delay=other.time - asked,
                outcome=f"that chat answered {waited.time - refused.time:.1f} s after its 429",
            )
        )

        mark = api.mark()
        start = time.monotonic()
        for _ in range(300):
            api.private_message("/help", user_id=5005)
        asked = time.monotonic()
        api.private_message(QUESTION, user_id=5006)
        other = bot.answer_to(5006, mark)
        api.wait_for("sendMessage", lambda c: c.params["chat_id"] == 5005 and c.params["text"].startswith(SLOW_DOWN))
        time.sleep(1.5)
        to_flooder = [c.params["text"] for c in bot.into(5005, mark)]
        notices = sum(t.startswith(SLOW_DOWN) for t in to_flooder)
        rows.append(
            Row(
                "300 /help from one user",
                "other user's answer 8.8 s (0.02 s alone)",
                time.monotonic() - start,
                lost=0,
                others_delay=other.time - asked,
                outcome=f"flooder got {len(to_flooder) - notices} replies + {notices} notice; "
                f"alone {normal_delay:.2f} s",
            )
        )
    for row in rows:
        row.peak_mib = bot.peak_mib
    return rows


# --- hostile corpus files ------------------------------------------------------------------------


def _traced(work: Callable[[], str]) -> tuple[float, float, str]:
    """Run `work` twice: untraced for its time, under tracemalloc for its peak (MiB); and what it said."""
    start = time.monotonic()
    outcome = work()
    seconds = time.monotonic() - start
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak, outcome


def fault_dots(workdir: Path) -> Row:
    path = workdir / "cham.txt"
    path.write_text(f"Hội nghị (15:30 02/04/2021)\n\nTới dự có Bí thư{'.' * 16_000}\n", encoding="utf-8")

    def split() -> str:
        articles, _ = corpus.read_corpus([path])
        passages = [span for article in articles for span in passage_spans(article)]
        return f"{len(passages)} passages"

    seconds, peak, outcome = _traced(split)
    return Row("16,000 dots in a corpus file", "3.6 s to split", seconds, peak, outcome=outcome)


def fault_dots_asked(workdir: Path) -> Row:
    """40,000 dots in the passage a question finds: the time of that question, the model already loaded."""
    path = workdir / "cham-dai.txt"
    path.write_text(f"Hội nghị (15:30 02/04/2021)\n\nTới dự có Bí thư Nguyễn Văn A{'.' * 40_000}\n", encoding="utf-8")
    articles, _ = corpus.read_corpus([path])
    answerer = Answerer(Index.from_articles(articles))
    answerer.answer("khởi động")  # loads the segmenter's model

    def ask() -> str:
        answer = answerer.answer("Ai tới dự hội nghị?")
        return f"{answer.status.name}: «{answer.best.sentence[:30]}…»" if answer.found else answer.status.name

    seconds, peak, status = _traced(ask)
    return Row("40,000 dots in a paragraph, asked", "39 s per question", seconds, peak, outcome=status)


def _hostile_questions(index: Index) -> dict[str, str]:
    """Questions of 500 characters built to cost most: of the corpus's commonest words, of one of
    them again and again, of typos, of numbers and codes, of every kind of question word."""

    def fill(words: Iterable[str]) -> str:
        text = ""
        for word in words:
            if len(text) + len(word) + 2 > MAX_QUESTION_CHARS:
                break
            text += word + " "
        return text.strip() + "?"

    frequency = np.diff(index.bm25.postings_ptr)
    common = [index.vocabulary[i] for i in np.argsort(-frequency, kind="stable")[:2000]]
    words = [t for t in common if t.isalpha()]
    plain = [t[1:] for t in common if t[0] == "~" and t[1:].isalpha() and 4 <= len(t) <= 7]
    return {
        "distinct common words": fill(words),
        "one word, bộ, again and again": fill(["bộ"] * 300),
        "typos": fill(w[0] + w for w in plain),
        "numbers and codes": fill(f"{n}/QĐ-TTg Chỉ thị {n}-CT/TW năm {2000 + n % 25}" for n in range(1, 100)),
        "every question word": fill(
            "Ai khi nào ở đâu bao nhiêu tại sao như thế nào có phải không mấy người nào là gì đúng không "
            "mới nhất hôm nay tháng 5/2025 Thủ tướng chủ trì hội nghị kinh tế xã hội".split()
            * 5
        ),
    }


def _cpu_ms(warm: Answerer, question: str) -> float:
    """The CPU time of one question (the median of three), its passages' sentences not yet read (the
    speller's table, built once an index, already built)."""
    times = []
    for _ in range(3):
        answerer = Answerer(warm.index)
        answerer.speller = warm.speller
        start = time.process_time()
        answerer.answer(question)
        times.append(time.process_time() - start)
    return 1000 * sorted(times)[1]


def _question_peak_mib(warm: Answerer, question: str) -> float:
    """The peak of Python's and numpy's allocations while one question is answered."""
    answerer = Answerer(warm.index)
    answerer.speller = warm.speller
    tracemalloc.start()
    answerer.answer(question)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def fault_hostile_question() -> Row | None:
    """The costliest of a few hostile questions, with the bounds on a question's work lifted and not."""
    from eval import blind  # the evaluation's corpus, built the same way

    corpus_dir = ROOT.parent / "shared" / "corpus"
    if not all((corpus_dir / name).is_file() for name in blind.CORPORA):
        print(f"skipped the hostile questions: {corpus_dir} lacks {blind.CORPORA}", file=sys.stderr)
        return None
    from bot.store import build_index

    paths = blind.filtered_corpus(corpus_dir, ROOT / ".cache" / "blind-corpus", blind.held_out_ids())
    index, _ = build_index(paths, ROOT / ".cache")
    warm = Answerer(index)
    warm.answer("Ai chủ trì hội nghị?")  # loads the segmenter's model
    warm.speller.correct("tich")  # builds the speller's table
    questions = _hostile_questions(index)
    after = {name: _cpu_ms(warm, q) for name, q in questions.items()}
    peak_after = {name: _question_peak_mib(warm, q) for name, q in questions.items()}
    bounds = ("MAX_QUERY_TERMS", "MAX_TERM_REPEATS", "MAX_CORRECTIONS", "MAX_POSTINGS_PER_PASSAGE")
    saved = {name: getattr(query_module, name) for name in bounds}
    try:
        for name in bounds:
            setattr(query_module, name, 10**9)
        before = {name: _cpu_ms(warm, q) for name, q in questions.items()}
        peak_before = {name: _question_peak_mib(warm, q) for name, q in questions.items()}
    finally:
        for name, value in saved.items():
            setattr(query_module, name, value)
    worst_before, worst_after = max(before, key=before.__getitem__), max(after, key=after.__getitem__)
    largest = max(peak_before, key=peak_before.__getitem__)
    return Row(
        "a hostile 500-character question",
        f"no bound: {before[worst_before]:.0f} ms CPU ({worst_before}), {peak_before[largest]:.0f} MiB ({largest})",
        after[worst_after] / 1000,
        max(peak_after.values()),
        outcome=f"CPU {before[worst_before]:.0f} ms → {after[worst_after]:.0f} ms, worst of {len(questions)} "
        f"({worst_after}); {worst_before}: {after[worst_before]:.0f} ms",
    )


def fault_gzip_bomb(workdir: Path) -> Row:
    path = workdir / "bom.jsonl.gz"
    zeros, compressor = bytes(2**20), zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip format
    with path.open("wb") as out:
        out.write(compressor.compress(json.dumps({"title": "Tin", "text": "Nội dung."}).encode() + b"\n"))
        for _ in range(BOMB_BYTES // len(zeros)):
            out.write(compressor.compress(zeros))
        out.write(compressor.flush())

    def read() -> str:
        articles, problems = corpus.read_corpus([path])
        return f"{len(articles)} article kept; " + "; ".join(str(p).removeprefix(f"{path}") for p in problems)

    seconds, peak, outcome = _traced(read)
    size = path.stat().st_size / 2**20
    return Row(f"gzip bomb ({size:.1f} MB of 1 GB zeros)", "2.3 GB", seconds, peak, outcome=outcome[:60])


def fault_bad_json(workdir: Path) -> Row:
    path = workdir / "hong.jsonl.gz"
    with gzip.open(path, "wb") as out:
        out.write(b"{broken\n" * 20_000)

    def read() -> str:
        _, problems = corpus.read_corpus([path])
        return f"{len(problems)} problems kept; last: «{str(problems[-1]).removeprefix(str(path))}»"

    seconds, peak, outcome = _traced(read)
    return Row("20,000 bad JSON lines", "every line kept (9 GB for 20M)", seconds, peak, outcome=outcome)


# --- the cache and the reload --------------------------------------------------------------------


def fault_cache_a_file(workdir: Path) -> Row:
    """A file where CACHE_DIR should be: the bot starts without writing and answers."""
    place = workdir / "cache-is-a-file"
    place.write_text("", encoding="utf-8")
    start = time.monotonic()
    with running_bot(workdir / "cache-a-file", CACHE_DIR=str(place)) as bot:
        started = time.monotonic() - start
        mark = bot.api.mark()
        bot.api.private_message(QUESTION, user_id=6000)
        answered = bot.answer_to(6000, mark, timeout=30) is not None
    return Row(
        "CACHE_DIR a file",
        "traceback, no start",
        started,
        bot.peak_mib,
        lost=0 if answered else 1,
        outcome=f"started in {started:.1f} s and answered, nothing written",
    )


def fault_many_file_caches(workdir: Path) -> Row:
    """8,000 small files' caches saved one after another (as a build of 8,000 new files does)."""
    from bot import store
    from bot.index import PassageTable, TermCounts

    files = workdir / "cache-files"
    files.mkdir()
    article = corpus.Article("a", "Tin", ("Một câu.",))
    counts = TermCounts.from_term_lists([["một", "câu"]])
    counts.document_frequencies()
    table = PassageTable(np.array([1], dtype=np.int32), np.array([[0, 0, 8, 0]], dtype=np.int32))
    listings = 0
    scandir = os.scandir

    def counting(path: str = ".") -> Iterator[os.DirEntry[str]]:
        nonlocal listings
        listings += 1
        return scandir(path)

    os.scandir = counting  # type: ignore[assignment]
    try:
        start = time.monotonic()
        for number in range(8000):
            data = store.FileData(f"k{number}", f"/kho/{number}.txt", [article], [], table, counts, [None])
            store._save_file_cache(files, data)
        seconds = time.monotonic() - start
    finally:
        os.scandir = scandir  # type: ignore[assignment]
    return Row(
        "8,000 small files' caches saved",
        "34 s (the directory listed once per file)",
        seconds,
        outcome=f"{listings} directory listings; {1000 * seconds / 8000:.1f} ms a file",
    )


def _slow_file(path: Path, articles: int = 3000) -> None:
    """Enough articles that segmenting them keeps a reload busy for many seconds."""
    with path.open("w", encoding="utf-8") as stream:
        for number in range(articles):
            text = " ".join(f"Hội nghị lần thứ {number} bàn về Chỉ thị số {n}-CT/TW." for n in range(12))
            stream.write(json.dumps({"id": f"cham-{number}", "title": f"Tin {number}", "text": text}) + "\n")


def fault_reload_timeout(workdir: Path) -> Row:
    from bot.service import Library, ReloadFailed

    corpus_dir = workdir / "timeout" / "corpus"
    shutil.copytree(ROOT / "corpus", corpus_dir)
    library = Library.open([corpus_dir], workdir / "timeout" / "cache", workers=1, reload_timeout=3.0)
    served = library.index
    _slow_file(corpus_dir / "cham.jsonl")
    start = time.monotonic()
    try:
        library.reload()
        outcome = "finished within the limit (the slow file was too fast)"
    except ReloadFailed as failure:
        outcome = f"«{failure.reason}»; old index kept: {library.index is served}"
    return Row(
        "reload past RELOAD_TIMEOUT (3 s)",
        "no limit: /reload busy until done",
        time.monotonic() - start,
        outcome=outcome,
    )


def _reload_child(pid: int) -> int | None:
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                return int(child)
    return None


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def _until(condition: Callable[[], object], seconds: float) -> float:
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            raise TimeoutError
        time.sleep(0.01)
    return time.monotonic() - start


def fault_signal_during_reload(workdir: Path, sig: signal.Signals) -> Row:
    """A signal to the bot while a /reload child segments a slow file: how soon the child and the bot are gone."""
    home = workdir / f"reload-{sig.name}"
    home.mkdir()
    api = FakeBotApi(TOKEN)
    api.start()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=home,
        env=_environment(home, api.base_url, ADMIN_IDS="4242"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        api.wait_for("getUpdates", timeout=180, ok=None)
        _slow_file(home / "corpus" / "cham.jsonl")
        api.private_message("/reload", user_id=4242)
        child = 0

        def found() -> bool:
            nonlocal child
            child = _reload_child(process.pid) or 0
            return bool(child) and b"underthesea_core" in Path(f"/proc/{child}/maps").read_bytes()

        _until(found, 60)
        process.send_signal(sig)
        child_gone = _until(lambda: _gone(child), 30)
        exited = _until(lambda: process.poll() is not None, 60)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        api.stop()
    if sig == signal.SIGTERM:
        return Row(
            "SIGTERM during /reload",
            "waits for the whole reload",
            exited,
            outcome=f"reload child stopped in {child_gone:.2f} s, bot exited (status {process.returncode})",
        )
    return Row("SIGKILL during /reload", "reload child orphaned", child_gone, outcome="no reload child left")


# --- the table -----------------------------------------------------------------------------------


def render(rows: list[Row]) -> str:
    def cell(value: float | None, unit: str = "", digits: int = 2) -> str:
        return "–" if value is None else f"{value:.{digits}f}{unit}"

    header = ("fault", "before (issue 13)", "time", "peak memory", "answers lost", "others' delay", "outcome")
    lines = [
        [
            r.fault,
            r.before,
            cell(r.seconds, " s", 3),
            cell(r.peak_mib, " MiB", 1),
            "–" if r.lost is None else str(r.lost),
            cell(r.others_delay, " s", 3),
            r.outcome,
        ]
        for r in rows
    ]
    widths = [max(len(str(x)) for x in column) for column in zip(header, *lines, strict=True)]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |" for line in lines]
    return "\n".join(out)


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="adversarial-"))
    try:
        rows = [fault_token_refused(workdir), fault_forged_webhook_post(workdir)]
        rows += [fault_dots(workdir), fault_dots_asked(workdir)]
        rows += [row for row in [fault_hostile_question()] if row is not None]
        rows += [fault_gzip_bomb(workdir), fault_bad_json(workdir)]
        rows += fault_requests(workdir)
        rows += [fault_cache_a_file(workdir), fault_many_file_caches(workdir), fault_reload_timeout(workdir)]
        rows += [
            fault_signal_during_reload(workdir, signal.SIGTERM),
            fault_signal_during_reload(workdir, signal.SIGKILL),
        ]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
