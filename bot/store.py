"""Build the index for a corpus, reusing what earlier builds cached on disk.

Segmenting is the slow part (underthesea does about 60 articles a second on one core), so:
- each corpus file's passages and term counts are cached under a key of its name and bytes: an
  unchanged file is never segmented again, and a changed file costs only its own articles;
- the assembled index is cached under a key of all the files: a start on an unchanged corpus
  maps it from disk instead of assembling it;
- files that do need segmenting are spread over the machine's cores.
A cache that cannot be read or does not fit is discarded and rebuilt, never trusted. Caches hold
data, never code: arrays as .npy (read with allow_pickle=False), everything else as JSON. A cache
directory that cannot be written (read-only, full, a file in its place) costs one warning: the
index is then built and served without saving it.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import functools
import hashlib
import importlib.metadata
import io
import json
import logging
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bot.corpus import Article, LoadProblem, Seen, admit, corpus_files, parse_file, too_large
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

CACHE_FORMAT = "11"  # 8: .npy and JSON instead of pickles; 9: each file's article lines; 10: breaks after "TP." mended; 11: page furniture glued to JSON Lines texts dropped, datelines set apart
STALE_SECONDS = 600  # a temporary file this old is a killed build's leftover, not another build's write
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
    index_dir: str | None = None  # where the index was saved (or loaded from), for `load_built_index`

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
    lines: list[int | None]  # each article's line in a JSON Lines file (None in a .txt file)


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
    """Articles as a few flat JSON-ready lists: a handful of big lists load far faster than a
    million small objects (it is what makes a warm start and a reload quick)."""
    return {
        "id": [a.id for a in articles],
        "title": [a.title for a in articles],
        "text": [a.text for a in articles],
        "date": [a.date.isoformat() if a.date else None for a in articles],
        "time": [a.time.isoformat() if a.time else None for a in articles],
        "source": [a.source for a in articles],
        "url": [a.url for a in articles],
        "byline": [a.byline for a in articles],
    }


def unpack_articles(packed: dict[str, list]) -> list[Article]:
    """The inverse of `pack_articles`."""
    date, time_of = dt.date.fromisoformat, dt.time.fromisoformat
    return [
        Article(
            id=i,
            title=t,
            paragraphs=tuple(x.split("\n")) if x else (),
            date=date(d) if d else None,
            time=time_of(tm) if tm else None,
            source=s,
            url=u,
            byline=b,
        )
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


def _problems_json(problems: Iterable[LoadProblem]) -> list[list]:
    return [[p.path, p.line, p.reason, p.skipped] for p in problems]


def _problems(rows: Iterable[Sequence]) -> list[LoadProblem]:
    return [
        LoadProblem(str(path), line if line is None else int(line), str(reason), bool(skipped))
        for path, line, reason, skipped in rows
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
    # underthesea's version is part of the key: another model segments differently; Python's, as
    # another version may read the same data differently.
    return (
        f"format={CACHE_FORMAT} tokenizer={TOKENIZER_VERSION} underthesea={_underthesea_version()} "
        f"python={sys.version_info.major}.{sys.version_info.minor} "
        f"k1={K1} b={B} epsilon={EPSILON} passages={MAX_PASSAGE_CHARS}/{WINDOW_CHARS}/{MAX_SENTENCE_CHARS}"
    )


@functools.cache
def _underthesea_version() -> str:
    return importlib.metadata.version("underthesea")


# --- segmentation (runs in worker processes) ------------------------------------------------


def die_with_parent(parent: int) -> None:
    """Have Linux kill this process when its parent dies: a killed bot (or reload child) leaves
    no build running. Elsewhere, a no-op."""
    if sys.platform != "linux":
        return
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


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
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)
        )
        with pool:
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


# --- the cache directory --------------------------------------------------------------------


class CacheDir:
    """The cache directory as far as one build may use it: read where it can be, written while
    writing works. The first failure to write is logged once; the build then goes on without saving."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.writable = True
        try:
            (root / "files").mkdir(parents=True, exist_ok=True)
            (root / "index").mkdir(exist_ok=True)
            handle, probe = tempfile.mkstemp(dir=root, prefix=".tmp-")
            os.close(handle)
            os.unlink(probe)
        except OSError as error:
            self.failed(error)

    def failed(self, error: OSError) -> None:
        if self.writable:
            log.warning("cache directory %s cannot be written (%s): serving without saving the cache", self.root, error)
        self.writable = False

    def save(self, write: Callable[[], None]) -> None:
        """Run `write` if the directory is still writable; an OSError (read-only, full) stops all writing."""
        if not self.writable:
            return
        try:
            write()
        except OSError as error:
            self.failed(error)


def _remove(path: str, is_dir: bool) -> None:
    try:
        if is_dir:
            shutil.rmtree(path)
        else:
            os.unlink(path)
    except FileNotFoundError:  # removed meanwhile by another build
        pass


def _prune(cache: CacheDir, keep: set[str]) -> None:
    """Remove per-file caches not in `keep` (files gone from the corpus, older contents of files,
    older formats), index caches of an older format, and killed builds' temporary files: one
    listing of each directory per build, however many files are cached."""
    now = time.time()
    try:
        for directory in (cache.root / "files", cache.root / "index"):
            with os.scandir(directory) as entries:
                for entry in entries:
                    is_dir = entry.is_dir(follow_symlinks=False)
                    if entry.name.startswith(".tmp-"):
                        if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                            _remove(entry.path, is_dir)
                    elif directory.name == "files":
                        if entry.name not in keep:
                            _remove(entry.path, is_dir)
                    elif not is_dir or not os.path.isfile(os.path.join(entry.path, "meta.json")):
                        _remove(entry.path, is_dir)
    except OSError as error:
        cache.failed(error)


def _write_atomically(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _discard(path: Path) -> None:
    """Remove an unreadable cache entry, if the directory lets us."""
    try:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass


# --- the per-file cache ---------------------------------------------------------------------

_FILE_ARRAYS = ("per_article", "spans", "indptr", "indices", "counts", "lengths", "df")


def _file_cache_name(path: Path, key: str) -> str:
    return f"{_digest(str(path.resolve()))[:16]}-{key}.npz"


def read_file_cache(cache_file: Path) -> FileData:
    """One per-file cache entry: its arrays, and its articles, problems and vocabulary as JSON (raises
    when it cannot be read)."""
    with np.load(cache_file, allow_pickle=False) as stored:
        meta = json.loads(stored["meta"].tobytes().decode("utf-8"))
        arrays = {name: stored[name] for name in _FILE_ARRAYS}
    counts = TermCounts(
        meta["vocabulary"], arrays["indptr"], arrays["indices"], arrays["counts"], arrays["lengths"], arrays["df"]
    )
    passages = PassageTable(arrays["per_article"], arrays["spans"])
    articles = unpack_articles(meta["articles"])
    return FileData(meta["key"], meta["path"], articles, _problems(meta["problems"]), passages, counts, meta["lines"])


def _load_file_cache(cache_file: Path, key: str) -> FileData | None:
    try:
        data = read_file_cache(cache_file)
        if data.key != key:
            raise ValueError("cache entry does not match its file")
        if (
            data.counts.rows != data.passages.passages
            or len(data.passages.per_article) != len(data.articles)
            or len(data.lines) != len(data.articles)
            or data.counts.df is None
            or len(data.counts.df) != len(data.counts.vocabulary)
        ):
            raise ValueError("cache entry is inconsistent")
        return data
    except FileNotFoundError:
        return None
    except Exception as error:  # any unreadable cache is rebuilt, whatever went wrong in it
        log.warning("discarding unreadable cache %s: %s", cache_file, error)
        _discard(cache_file)
        return None


def _save_file_cache(files: Path, data: FileData) -> None:
    """Write one file's cache entry into `files` (older entries of the same file are left to `_prune`:
    looking for them here would list the directory once per file saved)."""
    meta = {
        "key": data.key,
        "path": data.path,
        "articles": pack_articles(data.articles),
        "problems": _problems_json(data.problems),
        "lines": data.lines,
        "vocabulary": data.counts.vocabulary,
    }
    arrays: dict[str, Any] = {
        "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
        "per_article": data.passages.per_article,
        "spans": data.passages.spans,
        "indptr": data.counts.indptr,
        "indices": data.counts.indices,
        "counts": data.counts.counts,
        "lengths": data.counts.lengths,
        "df": data.counts.document_frequencies(),
    }
    buffer = io.BytesIO()
    np.savez(buffer, allow_pickle=False, **arrays)
    _write_atomically(files / _file_cache_name(Path(data.path), data.key), buffer.getvalue())


# --- the assembled index cache --------------------------------------------------------------

_ARRAYS = ("passage_article", "passage_spans", "idf", "postings_ptr", "postings", "weights")


def _write_json(target: Path, value: object) -> None:
    with target.open("w", encoding="utf-8") as stream:
        json.dump(value, stream, ensure_ascii=False)


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as stream:
        return json.load(stream)


def _save_index(directory: Path, index: Index, problems: list[LoadProblem]) -> None:
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
            np.save(temporary / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
        _write_json(temporary / "articles.json", pack_articles(index.articles))
        meta = {
            "params": _params(),
            "vocabulary": index.vocabulary,
            "problems": _problems_json(problems),
            "sources": [[s.path, s.key, s.ids_digest, s.count] for s in index.provenance],
        }
        _write_json(temporary / "meta.json", meta)  # last: a directory with it is complete
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
        data = _load_file_cache(cache / "files" / _file_cache_name(Path(source.path), source.key), source.key)
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
        meta = _read_json(directory / "meta.json")
        if meta["params"] != _params():
            raise ValueError("built with other parameters")
        # Mapped, not read: a warm start costs no copy. np.asarray drops the memmap subclass,
        # whose Python-level indexing is slow on the query path.
        arrays = {
            name: np.asarray(np.load(directory / f"{name}.npy", mmap_mode="r", allow_pickle=False)) for name in _ARRAYS
        }
        vocabulary = meta["vocabulary"]
        sources = tuple(Source(str(p), str(k), str(d), int(c)) for p, k, d, c in meta["sources"])
        articles = _reused_articles(sources, previous, directory.parent.parent) if previous is not None else None
        if articles is None:
            articles = unpack_articles(_read_json(directory / "articles.json"))
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
        return index, _problems(meta["problems"])
    except Exception as error:  # any unreadable cache is rebuilt, whatever went wrong in it
        log.warning("discarding unreadable index cache %s: %s", directory, error)
        _discard(directory)
        return None


def load_built_index(directory: Path, previous: Index | None = None) -> Index | None:
    """The index a build saved in `directory` (its report's `index_dir`), exactly as built: no corpus
    file is read or segmented. None when it cannot be read."""
    loaded = _load_index(directory, previous)
    if loaded is None:
        return None
    index = loaded[0]
    index.documents = _documents(directory, index, None)
    return index


def save_for_handover(index: Index) -> Path:
    """Save `index` (with its registry) in a new temporary directory, for another process to load with
    `load_built_index` when the cache directory cannot be written; that process removes it."""
    directory = Path(tempfile.mkdtemp(prefix="bot-index-")) / "index" / "built"
    directory.parent.mkdir()
    _save_index(directory, index, [])
    _write_atomically(
        directory / f"documents-{registry_key()}.json",
        json.dumps(index.documents.to_json(), ensure_ascii=False).encode("utf-8"),
    )
    return directory


def _documents(directory: Path | None, index: Index, cache: CacheDir | None) -> Registry:
    """The index's document registry: from its cache beside the index when this extraction (and
    these tables) built it, else built now and cached when `cache` may be written (JSON: a
    registry is data, never code)."""
    if directory is None:
        return build_registry(index.articles)
    path = directory / f"documents-{registry_key()}.json"
    try:
        return Registry.from_json(_read_json(path), len(index.articles))
    except FileNotFoundError:
        pass
    except Exception as error:  # any unreadable registry is rebuilt, whatever went wrong in it
        log.warning("discarding unreadable document registry %s: %s", path, error)
    registry = build_registry(index.articles)
    if cache is not None and directory.is_dir():

        def write() -> None:
            for old in directory.glob("documents-*.json"):
                old.unlink(missing_ok=True)
            _write_atomically(path, json.dumps(registry.to_json(), ensure_ascii=False).encode("utf-8"))

        cache.save(write)
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
    cache = CacheDir(Path(cache_dir)) if cache_dir is not None else None
    # A cache directory is read even when it cannot be written (read-only); a file in its place is not.
    read_from = cache.root if cache is not None and cache.root.is_dir() else None
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
    if cache is not None and cache.writable:
        _prune(cache, {_file_cache_name(p, k) for p, _, k in contents})

    if read_from is not None:
        loaded = _load_index(read_from / "index" / index_key, previous)
        if loaded is not None:
            index, cached_problems = loaded
            index.documents = _documents(read_from / "index" / index_key, index, cache)
            report.problems = problems + cached_problems
            report.from_cache = True
            report.index_dir = str(read_from / "index" / index_key)
            return index, _finish(report, index, started)

    file_data: list[FileData] = []
    pending: list[FileData] = []
    for path, data, key in contents:
        cached = _load_file_cache(read_from / "files" / _file_cache_name(path, key), key) if read_from else None
        if cached is None:
            parsed = parse_file(path, data)
            cached = FileData(
                key,
                str(path),
                parsed.articles,
                parsed.problems,
                PassageTable.concatenate([]),
                TermCounts.empty(),
                parsed.lines,
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
            cache.save(functools.partial(_save_file_cache, cache.root / "files", part))

    file_problems = [p for data in file_data for p in data.problems]
    try:
        index, assembly_problems = _assemble(file_data)
    except EmptyCorpusError as error:
        report.problems = problems + file_problems
        error.report = report
        raise
    report.problems = problems + file_problems + assembly_problems
    del file_data, pending, contents  # the index holds what it needs; let the rest go before saving
    saved = None
    if cache is not None:
        cache.save(
            functools.partial(_save_index, cache.root / "index" / index_key, index, file_problems + assembly_problems)
        )
        saved = cache.root / "index" / index_key if cache.writable else None
    index.documents = _documents(saved, index, cache)
    report.index_dir = str(saved) if saved else None
    return index, _finish(report, index, started)


def _assemble(file_data: Sequence[FileData]) -> tuple[Index, list[LoadProblem]]:
    """One index over the files' articles; a repeated article id keeps its first occurrence."""
    problems: list[LoadProblem] = []
    seen: dict[str, Seen] = {}
    articles: list[Article] = []
    tables: list[PassageTable] = []
    parts: list[TermCounts] = []
    sources: list[Source] = []
    for data in file_data:
        keep = np.ones(len(data.articles), dtype=bool)
        kept_ids = []
        for position, article in enumerate(data.articles):
            admitted, problem = admit(article, data.path, seen, data.lines[position])
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
