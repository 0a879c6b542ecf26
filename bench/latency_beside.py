"""Question latency of several checkouts, timed in turns on the same machine.

    python bench/latency_beside.py [--rounds 4] [--corpus-dir ../shared/corpus] CHECKOUT [CHECKOUT ...]

Each round runs `bench/benchmark.py`'s `phase_latency` (one pass over the 297 evaluation questions,
answer and Telegram reply, wall clock, fresh caches) once per checkout, each in its own process
with that checkout's `bot` package, over the politics corpus and the checkout's shipped article.
The machine's speed moves from hour to hour: turns let a p50 be compared with another checkout's
(the code of the 5 ms target's measurement, say) rather than with a figure of another day.
Each checkout needs its own virtual environment's packages importable by this Python, and its
index cache in `<checkout>/.cache` (the first run builds it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = """
import json, sys
root, politics = sys.argv[1], sys.argv[2]
sys.path.insert(0, root)
sys.path.insert(0, root + "/bench")
from benchmark import phase_latency
print(json.dumps(phase_latency([root + "/corpus", politics], root + "/.cache")))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkouts", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--corpus-dir", type=Path, default=ROOT.parent / "shared" / "corpus")
    arguments = parser.parse_args(argv)
    politics = arguments.corpus_dir / "vnds-politics.jsonl.gz"
    if not politics.is_file():
        print(f"SKIPPED: {politics} is absent; the latency needs ../shared/corpus/.")
        return 0
    p50s: dict[Path, list[float]] = {checkout: [] for checkout in arguments.checkouts}
    p95s: dict[Path, list[float]] = {checkout: [] for checkout in arguments.checkouts}
    for round_number in range(1, arguments.rounds + 1):
        for checkout in arguments.checkouts:
            run = subprocess.run(
                [sys.executable, "-c", _RUN, str(checkout.resolve()), str(politics.resolve())],
                capture_output=True,
                text=True,
                cwd=checkout,
                check=True,
            )
            figures = json.loads(run.stdout.strip().splitlines()[-1])
            p50s[checkout].append(figures["p50_ms"])
            p95s[checkout].append(figures["p95_ms"])
            print(f"round {round_number} {checkout}: p50 {figures['p50_ms']:.2f} ms, p95 {figures['p95_ms']:.2f} ms")
    for checkout in arguments.checkouts:
        print(
            f"{checkout}: median p50 {statistics.median(p50s[checkout]):.2f} ms, "
            f"median p95 {statistics.median(p95s[checkout]):.2f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
