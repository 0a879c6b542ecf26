"""A sample of the document registry for checking its precision by hand.

    python bench/registry_sample.py [--corpus-dir ../shared/corpus] [--sample 50] [--seed 11]

Builds the registry (bot/documents.py) over vnds-politics and vnexpress-2024, prints how many
documents it holds and how many have an issuer (named in the text, or read from the code alone), a
subject and a date or year of issue, then the given number of entries drawn at random (seeded):
kind, number, code, issuer, date, subject and the sentence each was read from, for a person to
mark right or wrong. Stops with a message where the corpora are absent.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.corpus import read_corpus  # noqa: E402
from bot.documents import build_registry  # noqa: E402

CORPORA = ("vnds-politics.jsonl.gz", "vnexpress-2024.jsonl.gz")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus-dir", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=11)
    options = parser.parse_args()
    paths = [options.corpus_dir / name for name in CORPORA]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"Corpora absent ({', '.join(missing)}): nothing to sample.", file=sys.stderr)
        return 1

    started = time.perf_counter()
    articles, _ = read_corpus(paths)
    registry = build_registry(articles)
    documents = registry.documents
    seconds = time.perf_counter() - started

    def share(count: int) -> str:
        return f"{count:5d} ({100 * count / max(1, len(documents)):.0f}%)"

    stated = sum(d.issuer is not None and d.issuer_citation is not None for d in documents)
    from_code = sum(d.issuer is not None and d.issuer_citation is None for d in documents)
    print(f"{len(articles)} articles, {len(documents)} documents ({seconds:.1f} s to read and extract)")
    print(f"with an issuer:           {share(stated + from_code)}  (named {stated}, from the code alone {from_code})")
    print(f"with a subject:           {share(sum(d.subject is not None for d in documents))}")
    print(f"with a date of issue:     {share(sum(d.date is not None for d in documents))}")
    print(f"with a year (or a date):  {share(sum(d.year is not None for d in documents))}")
    print(f"cited by 2+ articles:     {share(sum(len(d.citations) > 1 for d in documents))}")
    print()

    for number, document in enumerate(random.Random(options.seed).sample(documents, options.sample), start=1):
        source = document.subject_citation or document.issuer_citation or document.citations[0]
        print(f"#{number} {document.name}  [{document.kind} | số {document.number} | key {document.key}]")
        print(f"   issuer:  {document.issuer or '-'}{'' if document.issuer_citation else ' (from the code)'}")
        print(f"   date:    {document.date or document.year or '-'}")
        print(f"   subject: {document.subject or '-'}")
        print(f"   cited by {len(document.citations)} article(s); sentence: {source.sentence}")
        print(f"   article: {articles[source.article].title}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
