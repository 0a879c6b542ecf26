"""Build the index for a corpus, reusing what earlier builds cached on disk.

Segmenting is the slow part (underthesea does about 60 articles a second on one core), so:
- each corpus file's passages and term counts are cached under a key of its name and bytes: an
  unchanged file is never segmented again, and a changed file costs only its own articles;
- the assembled index is cached under a key of all the files: a start on an unchanged corpus
  maps it from disk instead of assembling it;
- files that do need segmenting are spread over the machine's cores.
A cache that cannot be read or does not fit is discarded and rebuilt, never trusted.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import logging
import multiprocessing
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.corpus import Article, LoadProblem, admit, corpus_files, parse_file, too_large
from bot.documents import Registry, build_registry, registry_key
from bot.index import (
    EPSILON,
    K1,
    MAX_PASSAGE_CHARS,
    MAX_SENTENCE_CHARS,
    WINDOW_CHARS,
    B,
    Bm25,
    Index,
    PassageTable,
    TermCounts,
    TermCountsBuilder,
    segment_articles,
)
from bot.text import TOKENIZER_VERSION

log = logging.getLogger(__name__)

CACHE_FORMAT = "7"  # 7: problem reasons in Vietnamese
# Below this many articles to segment, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 64
CHUNK_ARTICLES = 16
KEEP_INDEXES = 3

Progress = Callable[[int, int], None]


class EmptyCorpusError(ValueError):
    """The corpus has no readable article: there is nothing to index."""

    report: BuildReport | None = None


@dataclass
class BuildReport:
    """What a build did: sizes, what it had to segment, problems met, and time taken."""

    articles: int = 0
    passages: int = 0
    files: int = 0
    files_segmented: int = 0
    articles_segmented: int = 0
    problems: list[LoadProblem] = field(default_factory=list)
    from_cache: bool = False
    seconds: float = 0.0
    segment_seconds: float = 0.0

    @property
    def skipped(self) -> list[LoadProblem]:
        return [p for p in self.problems if p.skipped]


@dataclass
class FileData:
    """What one corpus file contributes to the index (cached by its content key)."""

    key: str
    path: str
    articles: list[Article]
    problems: list[LoadProblem]
    passages: PassageTable
    counts: TermCounts

    def __getstate__(self) -> dict:
        return {**self.__dict__, "articles": pack_articles(self.articles)}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update({**state, "articles": unpack_articles(state["articles"])})


@dataclass(frozen=True)
class Source:
    """The articles one corpus file gave the index: enough to find them again without reading."""

    path: str
    key: str  # the file's content key
    ids_digest: str  # of the ids kept (a repeated id elsewhere may drop some)
    count: int


def _ids_digest(ids: Iterable[str]) -> str:
    return _digest("\0".join(ids))


def pack_articles(articles: Sequence[Article]) -> dict[str, list]:
    """Articles as a few flat lists: pickling a handful of big lists is far faster than a
    million small paragraph strings (it is what makes a warm start and a reload quick)."""
    return {
        "id": [a.id for a in articles],
        "title": [a.title for a in articles],
        "text": [a.text for a in articles],
        "date": [a.date for a in articles],
        "time": [a.time for a in articles],
        "source": [a.source for a in articles],
        "url": [a.url for a in articles],
        "byline": [a.byline for a in articles],
    }


def unpack_articles(packed: dict[str, list]) -> list[Article]:
    """The inverse of `pack_articles`."""
    return [
        Article(id=i, title=t, paragraphs=tuple(x.split("\n")) if x else (), date=d, time=tm, source=s, url=u, byline=b)
        for i, t, x, d, tm, s, u, b in zip(
            packed["id"],
            packed["title"],
            packed["text"],
            packed["date"],
            packed["time"],
            packed["source"],
            packed["url"],
            packed["byline"],
            strict=True,
        )
    ]


# --- keys -----------------------------------------------------------------------------------


def _digest(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:32]


def _params() -> str:
    # underthesea's version is part of the key: another model segments differently.
    return (
        f"format={CACHE_FORMAT} tokenizer={TOKENIZER_VERSION} underthesea={_underthesea_version()} "
        f"k1={K1} b={B} epsilon={EPSILON} passages={MAX_PASSAGE_CHARS}/{WINDOW_CHARS}/{MAX_SENTENCE_CHARS}"
    )


@functools.cache
def _underthesea_version() -> str:
    return importlib.metadata.version("underthesea")


# --- segmentation (runs in worker processes) ------------------------------------------------


def _segment_all(
    articles: Sequence[Article], workers: int, progress: Progress | None
) -> tuple[PassageTable, TermCounts]:
    """Segment articles, spread over `workers` processes, folding the results in article order."""
    chunks = [articles[i : i + CHUNK_ARTICLES] for i in range(0, len(articles), CHUNK_ARTICLES)]
    tables: list[PassageTable] = []
    builder = TermCountsBuilder()
    done = 0

    def fold(result: tuple[PassageTable, TermCounts], size: int) -> None:
        nonlocal done
        tables.append(result[0])
        builder.add(result[1])
        done += size
        if progress:
            progress(done, len(articles))

    if workers <= 1 or len(articles) < PARALLEL_THRESHOLD:
        for chunk in chunks:
            fold(segment_articles(chunk), len(chunk))
    else:
        context = multiprocessing.get_context("spawn")  # no fork: the caller may be running threads
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = {pool.submit(segment_articles, chunk): n for n, chunk in enumerate(chunks)}
            waiting: dict[int, tuple[PassageTable, TermCounts]] = {}
            next_chunk = 0
            for future in as_completed(futures):
                # Popped, so that the finished future (and the result it holds) can be freed.
                waiting[futures.pop(future)] = future.result()
                while next_chunk in waiting:  # rows must stay in article order
                    fold(waiting.pop(next_chunk), len(chunks[next_chunk]))
                    next_chunk += 1
    return PassageTable.concatenate(tables), builder.build()


# --- the per-file cache ---------------------------------------------------------------------


def _file_cache_path(cache_dir: Path, path: Path, key: str) -> Path:
    return cache_dir / "files" / f"{_digest(str(path.resolve()))[:16]}-{key}.pkl"


def _write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _load_file_cache(cache_file: Path, key: str) -> FileData | None:
    try:
        with cache_file.open("rb") as stream:
            data = pickle.load(stream)
        if not isinstance(data, FileData) or data.key != key:
            raise ValueError("cache entry does not match its file")
        if data.counts.rows != data.passages.passages or len(data.passages.per_article) != len(data.articles):
            raise ValueError("cache entry is inconsistent")
        return data
    except FileNotFoundError:
        return None
    except Exception as error:  # any unreadable cache is rebuilt, whatever went wrong in it
        log.warning("discarding unreadable cache %s: %s", cache_file, error)
        cache_file.unlink(missing_ok=True)
        return None


def _save_file_cache(cache_dir: Path, path: Path, data: FileData) -> None:
    target = _file_cache_path(cache_dir, path, data.key)

    def write(temporary: Path) -> None:
        with temporary.open("wb") as stream:
            pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)

    _write_atomically(target, write)
    # Older versions of the same file are dead weight now.
    prefix = target.name.split("-")[0]
    for old in target.parent.glob(f"{prefix}-*.pkl"):
        if old != target:
            old.unlink(missing_ok=True)


# --- the assembled index cache --------------------------------------------------------------

_ARRAYS = ("passage_article", "passage_spans", "idf", "postings_ptr", "postings", "weights")


def _save_index(directory: Path, index: Index, problems: list[LoadProblem]) -> None:
    directory.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=directory.parent, prefix=".tmp-"))
    try:
        arrays = {
            "passage_article": index.passage_article,
            "passage_spans": index.passage_spans,
            "idf": index.bm25.idf,
            "postings_ptr": index.bm25.postings_ptr,
            "postings": index.bm25.postings,
            "weights": index.bm25.weights,
        }
        for name, array in arrays.items():
            np.save(temporary / f"{name}.npy", np.ascontiguousarray(array))
        with (temporary / "meta.pkl").open("wb") as stream:
            meta = {
                "params": _params(),
                "vocabulary": index.vocabulary,
                "problems": problems,
                "sources": index.provenance,
            }
            pickle.dump(meta, stream, protocol=pickle.HIGHEST_PROTOCOL)
        with (temporary / "articles.pkl").open("wb") as stream:
            pickle.dump(pack_articles(index.articles), stream, protocol=pickle.HIGHEST_PROTOCOL)
        shutil.rmtree(directory, ignore_errors=True)
        os.replace(temporary, directory)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    # Keep the few most recent indexes (other corpora may share the cache directory).
    others = sorted(
        (d for d in directory.parent.iterdir() if d.is_dir() and d != directory and not d.name.startswith(".")),
        key=lambda d: d.stat().st_mtime,
        reverse=True,
    )
    for old in others[KEEP_INDEXES - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def _reused_articles(sources: Sequence[Source], previous: Index, cache: Path) -> list[Article] | None:
    """The new index's articles from the previous index (and small new files), without reading
    them all again; None when some cannot be found that way."""
    slices: dict[tuple[str, str], tuple[int, int]] = {}
    start = 0
    for old in previous.provenance:
        slices[(old.key, old.ids_digest)] = (start, start + old.count)
        start += old.count
    if start != len(previous.articles):
        return None
    articles: list[Article] = []
    for source in sources:
        if (source.key, source.ids_digest) in slices:
            low, high = slices[(source.key, source.ids_digest)]
            articles.extend(previous.articles[low:high])
            continue
        data = _load_file_cache(_file_cache_path(cache, Path(source.path), source.key), source.key)
        if data is None:
            return None
        earlier = {a.id for a in articles}
        kept = [a for a in data.articles if a.id not in earlier]
        if len(kept) != source.count or _ids_digest(a.id for a in kept) != source.ids_digest:
            return None
        articles.extend(kept)
    return articles


def _load_index(directory: Path, previous: Index | None = None) -> tuple[Index, list[LoadProblem]] | None:
    if not directory.is_dir():
        return None
    try:
        with (directory / "meta.pkl").open("rb") as stream:
            meta = pickle.load(stream)
        if meta["params"] != _params():
            raise ValueError("built with other parameters")
        # Mapped, not read: a warm start costs no copy. np.asarray drops the memmap subclass,
        # whose Python-level indexing is slow on the query path.
        arrays = {name: np.asarray(np.load(directory / f"{name}.npy", mmap_mode="r")) for name in _ARRAYS}
        vocabulary, sources = meta["vocabulary"], tuple(meta["sources"])
        articles = _reused_articles(sources, previous, directory.parent.parent) if previous is not None else None
        if articles is None:
            with (directory / "articles.pkl").open("rb") as stream:
                articles = unpack_articles(pickle.load(stream))
        passages = len(arrays["passage_article"])
        if (
            arrays["passage_spans"].shape != (passages, 4)
            or len(arrays["idf"]) != len(vocabulary)
            or len(arrays["postings_ptr"]) != len(vocabulary) + 1
            or int(arrays["postings_ptr"][-1]) != len(arrays["postings"])
            or len(arrays["postings"]) != len(arrays["weights"])
            or (passages and int(arrays["passage_article"][-1]) >= len(articles))
            or sum(s.count for s in sources) != len(articles)
        ):
            raise ValueError("arrays do not fit together")
        bm25 = Bm25(arrays["idf"], arrays["postings_ptr"], arrays["postings"], arrays["weights"], passages)
        index = Index(articles, arrays["passage_article"], arrays["passage_spans"], vocabulary, bm25)
        index.provenance = sources
        return index, list(meta["problems"])
    except Exception as error:  # any unreadable cache is rebuilt, whatever went wrong in it
        log.warning("discarding unreadable index cache %s: %s", directory, error)
        shutil.rmtree(directory, ignore_errors=True)
        return None


def _write_text(target: Path, text: str) -> None:
    target.write_text(text, encoding="utf-8")


def _documents(directory: Path | None, index: Index) -> Registry:
    """The index's document registry: from its cache beside the index when this extraction (and
    these tables) built it, else built now and cached (JSON: a registry is data, never code)."""
    if directory is None:
        return build_registry(index.articles)
    path = directory / f"documents-{registry_key()}.json"
    try:
        with path.open(encoding="utf-8") as stream:
            return Registry.from_json(json.load(stream), len(index.articles))
    except FileNotFoundError:
        pass
    except Exception as error:  # any unreadable registry is rebuilt, whatever went wrong in it
        log.warning("discarding unreadable document registry %s: %s", path, error)
    registry = build_registry(index.articles)
    for old in directory.glob("documents-*.json"):
        old.unlink(missing_ok=True)
    text = json.dumps(registry.to_json(), ensure_ascii=False)
    _write_atomically(path, lambda target: _write_text(target, text))
    return registry


# --- building -------------------------------------------------------------------------------


def build_index(
    paths: Iterable[str | Path],
    cache_dir: str | Path | None = None,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    previous: Index | None = None,
) -> tuple[Index, BuildReport]:
    """The index of the articles under `paths`, from the cache where it is still valid.

    `previous`, the index being served, lends its articles to a cached index that shares files
    with it (a reload then reads only the new files' articles). Raises EmptyCorpusError when no
    article can be read (the report's problems say why).
    """
    started = time.perf_counter()
    workers = workers or len(os.sched_getaffinity(0))
    cache = Path(cache_dir) if cache_dir is not None else None
    files, problems = corpus_files(paths)
    contents: list[tuple[Path, bytes, str]] = []
    for path in files:
        try:
            reason = too_large(path, path.stat().st_size)
            if reason:
                problems.append(LoadProblem(str(path), None, reason))
                continue
            data = path.read_bytes()
        except OSError as error:
            problems.append(LoadProblem(str(path), None, f"không đọc được: {error.strerror}"))
            continue
        contents.append((path, data, _digest(_params(), path.name, data)))
    index_key = _digest(_params(), *(f"{p.resolve()}\0{k}" for p, _, k in contents))
    report = BuildReport(files=len(contents))

    if cache is not None:
        loaded = _load_index(cache / "index" / index_key, previous)
        if loaded is not None:
            index, cached_problems = loaded
            index.documents = _documents(cache / "index" / index_key, index)
            report.problems = problems + cached_problems
            report.from_cache = True
            return index, _finish(report, index, started)

    file_data: list[FileData] = []
    pending: list[FileData] = []
    for path, data, key in contents:
        cached = _load_file_cache(_file_cache_path(cache, path, key), key) if cache is not None else None
        if cached is None:
            parsed = parse_file(path, data)
            cached = FileData(
                key, str(path), parsed.articles, parsed.problems, PassageTable.concatenate([]), TermCounts.empty()
            )
            pending.append(cached)
        file_data.append(cached)

    to_segment = [a for data in pending for a in data.articles]
    if to_segment:
        segment_started = time.perf_counter()
        table, counts = _segment_all(to_segment, workers, progress)
        report.segment_seconds = time.perf_counter() - segment_started
        if len(pending) == 1:
            pending[0].passages, pending[0].counts = table, counts
        else:
            article = row = 0
            for part in pending:
                part.passages = table.slice(article, article + len(part.articles))
                part.counts = counts.slice(row, row + part.passages.passages)
                article += len(part.articles)
                row += part.passages.passages
        del table, counts
    report.files_segmented = len(pending)
    report.articles_segmented = len(to_segment)
    if cache is not None:
        for part in pending:
            part.counts.document_frequencies()  # computed once, kept in the cache for every later build
            _save_file_cache(cache, Path(part.path), part)

    file_problems = [p for data in file_data for p in data.problems]
    try:
        index, assembly_problems = _assemble(file_data)
    except EmptyCorpusError as error:
        report.problems = problems + file_problems
        error.report = report
        raise
    report.problems = problems + file_problems + assembly_problems
    del file_data, pending, contents  # the index holds what it needs; let the rest go before saving
    if cache is not None:
        _save_index(cache / "index" / index_key, index, file_problems + assembly_problems)
    index.documents = _documents(cache / "index" / index_key if cache is not None else None, index)
    return index, _finish(report, index, started)


def _assemble(file_data: Sequence[FileData]) -> tuple[Index, list[LoadProblem]]:
    """One index over the files' articles; a repeated article id keeps its first occurrence."""
    problems: list[LoadProblem] = []
    seen: dict[str, tuple[str, int]] = {}
    articles: list[Article] = []
    tables: list[PassageTable] = []
    parts: list[TermCounts] = []
    sources: list[Source] = []
    for data in file_data:
        keep = np.ones(len(data.articles), dtype=bool)
        kept_ids = []
        for position, article in enumerate(data.articles):
            admitted, problem = admit(article, data.path, seen)
            if problem:
                problems.append(problem)
            if admitted is None:
                keep[position] = False
                continue
            articles.append(admitted)
            kept_ids.append(admitted.id)
        sources.append(Source(data.path, data.key, _ids_digest(kept_ids), len(kept_ids)))
        if keep.all():
            tables.append(data.passages)
            parts.append(data.counts)
        else:
            table, keep_rows = data.passages.select(keep)
            tables.append(table)
            parts.append(data.counts.select_rows(keep_rows))
        data.counts = TermCounts.empty()  # the part above is the only reference left
    if not articles:
        raise EmptyCorpusError("kho không có bài nào đọc được")
    index = Index.from_counts(articles, PassageTable.concatenate(tables), parts)
    index.provenance = tuple(sources)
    return index, problems


def _finish(report: BuildReport, index: Index, started: float) -> BuildReport:
    report.articles = len(index.articles)
    report.passages = index.passage_count
    report.seconds = time.perf_counter() - started
    return report
