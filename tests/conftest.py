"""Shared fixtures: the shipped corpus, a small fixture corpus, and the shared news corpora."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.answer import Answerer
from bot.corpus import read_corpus
from bot.index import Index

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CORPUS = ROOT / "corpus"
FIXTURE_CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
SEED_ID = "000_33da5da0feea9827"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SHIPPED_CORPUS / f"{SEED_ID}.txt"


@pytest.fixture(scope="session")
def shipped_index() -> Index:
    """The index of the corpus the project ships (the seed article)."""
    articles, problems = read_corpus([SHIPPED_CORPUS])
    assert problems == []
    return Index.from_articles(articles)


@pytest.fixture(scope="session")
def shipped_answerer(shipped_index: Index) -> Answerer:
    return Answerer(shipped_index)


@pytest.fixture(scope="session")
def mixed_index() -> Index:
    """The seed plus the fixture articles: five articles in .txt and .jsonl."""
    articles, problems = read_corpus([SHIPPED_CORPUS, FIXTURE_CORPUS])
    assert problems == []
    return Index.from_articles(articles)


@pytest.fixture(scope="session")
def mixed_answerer(mixed_index: Index) -> Answerer:
    return Answerer(mixed_index)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped and fixture corpora in one directory."""
    target = tmp_path / "corpus"
    target.mkdir()
    for source in (*SHIPPED_CORPUS.iterdir(), *FIXTURE_CORPUS.iterdir()):
        if source.is_file():
            shutil.copy(source, target / source.name)
    return target


@pytest.fixture(scope="session")
def politics_corpus() -> Path:
    """vnds-politics.jsonl.gz from ../shared/corpus, or a clear skip where it is absent."""
    path = SHARED_CORPUS / "vnds-politics.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shared corpora live beside the checkout, not in it)")
    return path
