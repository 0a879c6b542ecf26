"""Speed and memory benchmark: build, start, reload, question latency and the bot under load.

    python bench/benchmark.py [--sizes 1k,politics,50k] [--corpus-dir ../shared/corpus] [--skip-bot]

For corpora of about 1,000 articles (the first 1,000 of the politics corpus), 7,890 (politics) and
50,000 articles, each phase runs in a fresh process (its peak resident memory is the sampled
peak of its whole process tree) and prints one table:

- cold build in one process and in parallel on all cores, with the share spent segmenting;
- warm start (cache present, corpus unchanged) and reload after adding one article file;
- question latency p50/p95 over the evaluation questions (segmentation, search, answer
  selection and formatting), beside rank_bm25.BM25Okapi.get_scores on the same tokens (in its own
  process; at 50k over an evenly spaced sample of the questions, as it takes seconds each), with
  the speed-up and a check that the top 10 agree;
- the bot itself through the local Bot API server: 50 users asking at once, idle and while a
  /reload of the corpus runs.

Not part of the tests: it takes tens of minutes (the 50k corpus is segmented twice). It skips
with a message where ../shared/corpus is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NEW_ARTICLE = """Bình Dương sơ kết Chỉ thị 05 về học tập và làm theo Bác (09:00 10/10/2022)

BDO - Sáng 10/10, Tỉnh ủy Bình Dương tổ chức hội nghị sơ kết Chỉ thị 05-CT/TW.

Tới dự có Bí thư Tỉnh ủy Võ Văn Minh.
"""


# --- measuring a phase in its own process ---------------------------------------------------


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (0 once it is gone)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next((int(line.split()[1]) for line in status if line.startswith("VmRSS")), 0)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_phase(name: str, arguments: dict, timeout: float = 7200) -> dict:
    """Run one phase in a fresh interpreter; returns its JSON result plus peak tree memory (MiB)."""
    command = [sys.executable, str(Path(__file__).resolve()), "phase", name, json.dumps(arguments)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss_kib(process.pid))
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, errors = process.communicate(timeout=timeout)
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"phase {name} failed:\n{errors[-3000:]}")
    result = json.loads(output.strip().splitlines()[-1])
    result["peak_mib"] = peak[0] / 1024
    return result


# --- the phases (run inside the child process) ---------------------------------------------


def phase_build(corpus: list[str], cache: str, workers: int) -> dict:
    from bot.store import build_index

    index, report = build_index(corpus, cache, workers=workers)
    return {
        "seconds": report.seconds,
        "segment_seconds": report.segment_seconds,
        "articles": report.articles,
        "passages": report.passages,
        "from_cache": report.from_cache,
        "postings": len(index.bm25.postings),
        "terms": len(index.vocabulary),
    }


def phase_warm(corpus: list[str], cache: str) -> dict:
    started = time.perf_counter()
    from bot.answer import Answerer
    from bot.store import build_index

    index, report = build_index(corpus, cache)
    Answerer(index).answer("Ai tới dự hội nghị sơ kết Chỉ thị 05?")  # ready to answer, model loaded
    return {"seconds": time.perf_counter() - started, "from_cache": report.from_cache}


def phase_reload(corpus: list[str], cache: str, new_file: str) -> dict:
    """The bot's own reload path (child process build, then a swap) after one file is added."""
    from bot.service import Library

    library = Library.open([Path(p) for p in corpus], Path(cache))
    Path(new_file).write_text(NEW_ARTICLE, encoding="utf-8")
    try:
        outcome = library.reload()
    finally:
        Path(new_file).unlink()
    return {"seconds": outcome.seconds, "added": outcome.added, "segmented": outcome.articles_segmented}


def _questions() -> list[str]:
    rows = []
    for name in ("questions_dev.jsonl", "questions_test.jsonl"):
        with (ROOT / "eval" / name).open(encoding="utf-8") as stream:
            rows.extend(json.loads(line)["question"] for line in stream if line.strip())
    return rows


def phase_latency(corpus: list[str], cache: str) -> dict:
    from bot.answer import Answerer
    from bot.reply import format_reply
    from bot.store import build_index

    index, _ = build_index(corpus, cache)
    answerer = Answerer(index)
    questions = _questions()
    for question in questions[:5]:
        answerer.answer(question)
    answerer = Answerer(index)  # cold sentence caches: every question pays for its reading
    ours = []
    for question in questions:
        started = time.perf_counter()
        format_reply(answerer.answer(question))
        ours.append(time.perf_counter() - started)
    return {"questions": len(questions), "p50_ms": 1000 * statistics.median(ours), "p95_ms": 1000 * _p95(ours)}


def phase_okapi(corpus: list[str], cache: str, sample: int) -> dict:
    """BM25Okapi.get_scores on the index's own query terms, and whether its top 10 is ours.

    Its own process, so that its memory is not counted as the bot's.
    """
    import numpy as np
    from rank_bm25 import BM25Okapi

    from bot.query import query_terms
    from bot.store import build_index

    index, _ = build_index(corpus, cache)
    questions = _questions()
    # Evenly spaced, so a sample keeps the mix of question types.
    step = max(1, len(questions) / sample)
    questions = [questions[int(n * step)] for n in range(min(sample, len(questions)))]
    # The same token lists as the index (BM25Okapi needs only each passage's term counts).
    started = time.perf_counter()
    token_lists = _token_lists(corpus, cache)
    okapi_index = BM25Okapi(token_lists)
    del token_lists
    build_seconds = time.perf_counter() - started
    theirs, agree = [], 0
    for question in questions:
        query = query_terms(question, index.term_ids)
        started = time.perf_counter()
        reference = okapi_index.get_scores(list(query.terms))
        theirs.append(time.perf_counter() - started)
        ids, _ = index.bm25.top(query.ids, 10)
        expected = np.argsort(-reference, kind="stable")[: len(ids)]
        agree += all(a == e or abs(reference[a] - reference[e]) < 1e-4 for a, e in zip(ids, expected, strict=True))
    return {
        "okapi_p50_ms": 1000 * statistics.median(theirs),
        "okapi_p95_ms": 1000 * _p95(theirs),
        "okapi_build_s": build_seconds,
        "top10_agree": f"{agree}/{len(questions)}",
    }


def _token_lists(corpus: list[str], cache: str) -> list[list[str]]:
    """Each passage's terms, from the cached counts (order within a passage does not matter to BM25)."""
    from bot.index import TermCounts
    from bot.store import read_file_cache

    parts = [read_file_cache(path) for path in sorted(Path(cache, "files").glob("*.npz"))]
    by_path = {str(Path(p.path).resolve()): p for p in parts}
    ordered = [by_path[str(Path(c).resolve())] for c in corpus if str(Path(c).resolve()) in by_path]
    counts = TermCounts.concatenate([p.counts for p in ordered])
    lists = []
    vocabulary = counts.vocabulary
    for start, end in zip(counts.indptr[:-1], counts.indptr[1:], strict=True):
        row = []
        for term, count in zip(counts.indices[start:end], counts.counts[start:end], strict=True):
            row.extend([vocabulary[term]] * int(count))
        lists.append(row)
    return lists


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def phase_bot(corpus: list[str], cache: str, users: int) -> dict:
    """50 users ask at once through the local Bot API server: idle, then during a /reload."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fake_bot_api import FakeBotApi

    workdir = Path(tempfile.mkdtemp(prefix="bench-bot-"))
    corpus_dir = workdir / "corpus"
    corpus_dir.mkdir()
    for source in corpus:
        os.symlink(Path(source).resolve(), corpus_dir / Path(source).name)
    token = "123456:BENCH-TOKEN-abcdefghijklmnop"
    api = FakeBotApi(token)
    api.start()
    environment = dict(
        os.environ,
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_BASE_URL=api.base_url,
        CORPUS_DIR=str(corpus_dir),
        CACHE_DIR=cache,
        ADMIN_IDS="1",
        QUESTIONS_PER_MINUTE="10000",
        MESSAGES_PER_SECOND="10000",  # measure the bot, not Telegram's 30 messages a second
        LOG_LEVEL="WARNING",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=workdir,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    questions = _questions()
    try:
        api.wait_for("getUpdates", timeout=600, ok=None)

        def burst(offset: int) -> list[float]:
            sent = {}
            mark = api.mark()
            for user in range(users):
                chat = 10_000 + offset + user
                sent[chat] = time.monotonic()
                api.private_message(questions[(offset + user) % len(questions)], user_id=chat)
            latencies = {}
            deadline = time.monotonic() + 300
            while len(latencies) < users and time.monotonic() < deadline:
                for call in api.calls[mark:]:
                    if call.method == "sendMessage" and call.response is not None:
                        chat = int(call.params["chat_id"])
                        if chat in sent and chat not in latencies:
                            latencies[chat] = call.time - sent[chat]
                time.sleep(0.005)
            return list(latencies.values())

        burst(0)  # warm-up
        idle = [x for n in range(3) for x in burst(1000 * (n + 1))]
        (corpus_dir / "zz_new_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        mark = api.mark()
        api.private_message("/reload", user_id=1)
        api.wait_for("sendMessage", lambda c: "Đang nạp lại" in c.params["text"], after=mark, timeout=60)
        during, bursts = [], 0
        while True:
            during.extend(burst(100_000 + 1000 * bursts))
            bursts += 1
            done = [
                c
                for c in api.calls[mark:]
                if c.method == "sendMessage" and c.params["text"].startswith(("Đã nạp lại", "Không nạp lại"))
            ]
            if done:
                reload_text = done[0].params["text"]
                break
        return {
            "idle_p50_ms": 1000 * statistics.median(idle),
            "idle_p95_ms": 1000 * _p95(idle),
            "reload_p50_ms": 1000 * statistics.median(during),
            "reload_p95_ms": 1000 * _p95(during),
            "bursts_during_reload": bursts,
            "reload_reply": reload_text.splitlines()[0],
        }
    finally:
        process.terminate()
        process.wait(timeout=60)
        api.stop()
        shutil.rmtree(workdir, ignore_errors=True)


PHASES = {
    "build": phase_build,
    "warm": phase_warm,
    "reload": phase_reload,
    "latency": phase_latency,
    "okapi": phase_okapi,
    "bot": phase_bot,
}


# --- the orchestration ----------------------------------------------------------------------


def first_articles(source: Path, count: int, target: Path) -> Path:
    """A corpus file with the first `count` articles of `source`."""
    with gzip.open(source, "rt", encoding="utf-8") as reader, gzip.open(target, "wt", encoding="utf-8") as writer:
        for number, line in enumerate(reader):
            if number >= count:
                break
            writer.write(line)
    return target


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "phase":
        result = PHASES[argv[1]](**json.loads(argv[2]))
        print(json.dumps(result, ensure_ascii=False))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-dir", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--sizes", default="1k,politics,50k")
    parser.add_argument("--skip-bot", action="store_true", help="skip the bot-under-load phase")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--okapi-sample", type=int, default=60, help="questions timed with BM25Okapi at 50k")
    arguments = parser.parse_args(argv)
    corpus_dir = Path(arguments.corpus_dir)
    if not (corpus_dir / "vnds-politics.jsonl.gz").is_file():
        print(f"SKIPPED: {corpus_dir} has no vnds-politics.jsonl.gz; the benchmark needs ../shared/corpus/.")
        return 0
    scratch = Path(tempfile.mkdtemp(prefix="bench-"))
    sources = {
        "1k": first_articles(corpus_dir / "vnds-politics.jsonl.gz", 1000, scratch / "politics-first-1000.jsonl.gz"),
        "politics": corpus_dir / "vnds-politics.jsonl.gz",
        "50k": corpus_dir / "vnds-50k.jsonl.gz",
    }
    cores = len(os.sched_getaffinity(0))
    print(
        f"machine: {platform.processor() or platform.machine()}, {cores} cores, Python {platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M')}"
    )
    rows = []
    try:
        for size in arguments.sizes.split(","):
            corpus_root = scratch / size
            corpus_root.mkdir()
            corpus_file = corpus_root / sources[size].name
            os.symlink(sources[size].resolve(), corpus_file)
            corpus = [str(corpus_file)]
            row: dict[str, object] = {"corpus": size}
            print(f"[{size}] cold build, one process…", file=sys.stderr, flush=True)
            single = run_phase("build", {"corpus": corpus, "cache": str(scratch / f"{size}-single"), "workers": 1})
            print(f"[{size}] cold build, {cores} processes…", file=sys.stderr, flush=True)
            cache = str(scratch / f"{size}-cache")
            parallel = run_phase("build", {"corpus": corpus, "cache": cache, "workers": cores})
            shutil.rmtree(scratch / f"{size}-single", ignore_errors=True)
            print(f"[{size}] warm start, reload, latency…", file=sys.stderr, flush=True)
            warm = run_phase("warm", {"corpus": corpus, "cache": cache})
            # The reload phase reads the corpus directory (as the bot does), so it has its own cache.
            reload_cache = str(scratch / f"{size}-dir-cache")
            run_phase("build", {"corpus": [str(corpus_root)], "cache": reload_cache, "workers": cores})
            reload = run_phase(
                "reload",
                {"corpus": [str(corpus_root)], "cache": reload_cache, "new_file": str(corpus_root / "zz_new.txt")},
            )
            latency = run_phase("latency", {"corpus": corpus, "cache": cache})
            # BM25Okapi takes seconds a question at 50k articles: a sample of the questions there.
            sample = arguments.okapi_sample if size == "50k" else 10**6
            okapi = run_phase("okapi", {"corpus": corpus, "cache": cache, "sample": sample})
            okapi["okapi_peak_mib"] = okapi.pop("peak_mib")
            row.update(
                articles=parallel["articles"],
                passages=parallel["passages"],
                single_s=single["seconds"],
                single_segment_share=single["segment_seconds"] / single["seconds"],
                single_peak=single["peak_mib"],
                parallel_s=parallel["seconds"],
                parallel_segment_share=parallel["segment_seconds"] / parallel["seconds"],
                parallel_peak=parallel["peak_mib"],
                warm_s=warm["seconds"],
                warm_peak=warm["peak_mib"],
                reload_s=reload["seconds"],
                reload_peak=reload["peak_mib"],
                latency=latency | okapi,
                latency_peak=latency["peak_mib"],
            )
            if size == "politics" and not arguments.skip_bot:
                print(f"[{size}] the bot with {arguments.users} users at once…", file=sys.stderr, flush=True)
                row["bot"] = run_phase("bot", {"corpus": corpus, "cache": reload_cache, "users": arguments.users})
            shutil.rmtree(scratch / f"{size}-dir-cache", ignore_errors=True)
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False, default=str), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(render(rows, cores))
    return 0


def render(rows: list[dict], cores: int) -> str:
    """The Markdown table of all phases."""
    lines = [
        "| corpus | articles | passages | cold build, 1 process | segmenting | cold build, "
        f"{cores} processes | ratio | warm start | reload +1 file | question p50 / p95 | BM25Okapi p50 | speed-up | top-10 agree | peak memory (build 1p / {cores}p / warm / reload / questions) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        latency = row["latency"]
        okapi = latency["okapi_p50_ms"]
        lines.append(
            f"| {row['corpus']} | {row['articles']:,} | {row['passages']:,} | {row['single_s']:.1f} s | {100 * row['single_segment_share']:.0f}% "
            f"| {row['parallel_s']:.1f} s | {row['parallel_s'] / row['single_s']:.2f} | {row['warm_s']:.1f} s | {row['reload_s']:.1f} s "
            f"| {latency['p50_ms']:.1f} / {latency['p95_ms']:.1f} ms | "
            + f"{okapi:.0f} ms | {okapi / latency['p50_ms']:.0f}× | {latency['top10_agree']} |"
            + f" {row['single_peak']:.0f} / {row['parallel_peak']:.0f} / {row['warm_peak']:.0f} / {row['reload_peak']:.0f} / {row['latency_peak']:.0f} MiB |"
        )
    lines.append(
        "\nBM25Okapi (rank_bm25, built over the same token lists in its own process): "
        + "; ".join(
            f"{row['corpus']}: build {row['latency']['okapi_build_s']:.0f} s, p95 {row['latency']['okapi_p95_ms']:.0f} ms, "
            f"peak {row['latency']['okapi_peak_mib']:.0f} MiB"
            for row in rows
        )
    )
    for row in rows:
        if "bot" in row:
            bot = row["bot"]
            lines.append(
                f"\nBot, {row['corpus']}: 50 users asking at once, answer latency through the local Bot API server: "
                f"idle p50 {bot['idle_p50_ms']:.0f} ms, p95 {bot['idle_p95_ms']:.0f} ms; during /reload p50 "
                f"{bot['reload_p50_ms']:.0f} ms, p95 {bot['reload_p95_ms']:.0f} ms "
                f"(ratio of p95 {bot['reload_p95_ms'] / bot['idle_p95_ms']:.2f}; {bot['bursts_during_reload']} bursts during the reload; "
                f"the bot replied: {bot['reload_reply']})"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
