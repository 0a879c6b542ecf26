"""Passages, the BM25 index over them, and `search()`.

Scores are exactly `rank_bm25.BM25Okapi`'s (same k1, b, epsilon, same idf floor), but each term's
weight in each passage is computed once, when the index is built, and stored term-major: a
question touches only the postings of its own terms instead of every passage.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse

from bot.corpus import Article, looks_like_caption
from bot.documents import Registry
from bot.query import query_terms
from bot.question import Question
from bot.text import document_terms, split_sentences

# rank_bm25.BM25Okapi's defaults.
K1 = 1.5
B = 0.75
EPSILON = 0.25

# Paragraphs longer than this are cut into windows of whole sentences of about WINDOW_CHARS.
MAX_PASSAGE_CHARS = 700
WINDOW_CHARS = 450
# A "sentence" longer than this (a paragraph with no sentence end) is cut at spaces: one passage
# of a megabyte would cost gigabytes to segment and score.
MAX_SENTENCE_CHARS = 2000


# --- passages -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PassageSpan:
    """Where a passage lies in its article: a paragraph, or a window of its sentences."""

    paragraph: int
    start: int
    end: int
    caption: bool


def passage_spans(article: Article) -> list[PassageSpan]:
    """Split an article into passages: paragraphs, long ones cut into sentence windows."""
    spans: list[PassageSpan] = []
    for number, paragraph in enumerate(article.paragraphs):
        caption = looks_like_caption(paragraph)
        if len(paragraph) <= MAX_PASSAGE_CHARS:
            spans.append(PassageSpan(number, 0, len(paragraph), caption))
            continue
        window: tuple[int, int] | None = None
        for start, end in _pieces(paragraph, split_sentences(paragraph)):
            if window is None:
                window = (start, end)
            elif end - window[0] > WINDOW_CHARS:
                spans.append(PassageSpan(number, *window, caption))
                window = (start, end)
            else:
                window = (window[0], end)
        if window is not None:
            spans.append(PassageSpan(number, *window, caption))
    return spans


def _pieces(text: str, sentences: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The sentences, each overlong one cut at the last space before MAX_SENTENCE_CHARS (or at it)."""
    for start, end in sentences:
        while end - start > MAX_SENTENCE_CHARS:
            space = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
            cut = space if space > start else start + MAX_SENTENCE_CHARS
            yield start, cut
            start = cut + 1 if space > start else cut
        yield start, end


@dataclass
class PassageTable:
    """The passages of a run of articles, compactly: how many each article has, and where each lies."""

    per_article: np.ndarray  # int32, one per article
    spans: np.ndarray  # int32 (passages, 4): paragraph, start, end, caption

    @classmethod
    def from_spans(cls, spans: Sequence[Sequence[PassageSpan]]) -> PassageTable:
        rows = [(p.paragraph, p.start, p.end, p.caption) for s in spans for p in s]
        return cls(np.array([len(s) for s in spans], dtype=np.int32), np.array(rows, dtype=np.int32).reshape(-1, 4))

    @classmethod
    def concatenate(cls, tables: Sequence[PassageTable]) -> PassageTable:
        if not tables:
            return cls(np.zeros(0, dtype=np.int32), np.zeros((0, 4), dtype=np.int32))
        return cls(np.concatenate([t.per_article for t in tables]), np.concatenate([t.spans for t in tables]))

    @property
    def passages(self) -> int:
        return len(self.spans)

    def slice(self, first_article: int, last_article: int) -> PassageTable:
        """The passages of articles `first_article` to `last_article` (exclusive)."""
        start = int(self.per_article[:first_article].sum())
        end = start + int(self.per_article[first_article:last_article].sum())
        return PassageTable(self.per_article[first_article:last_article].copy(), self.spans[start:end].copy())

    def select(self, keep_articles: np.ndarray) -> tuple[PassageTable, np.ndarray]:
        """Only the kept articles' passages, and the mask of kept passages."""
        keep_rows = np.repeat(keep_articles, self.per_article)
        return PassageTable(self.per_article[keep_articles], self.spans[keep_rows]), keep_rows


def article_term_lists(article: Article, spans: Sequence[PassageSpan]) -> list[list[str]]:
    """Index terms of each passage: the article title's terms, then the passage's own.

    The title belongs to every passage because a question names the event (the title's words)
    while the answering paragraph often names only the person or the number.
    """
    title = document_terms(article.title)
    return [title + document_terms(article.paragraphs[s.paragraph][s.start : s.end]) for s in spans]


def segment_articles(articles: Sequence[Article]) -> tuple[PassageTable, TermCounts]:
    """Passages and term counts of some articles: the expensive step, run in worker processes."""
    spans = [passage_spans(a) for a in articles]
    counts = TermCounts.from_term_lists(
        terms for article, s in zip(articles, spans, strict=True) for terms in article_term_lists(article, s)
    )
    return PassageTable.from_spans(spans), counts


# --- term counts ----------------------------------------------------------------------------


COUNT_DTYPE = np.uint16  # a term's count in one passage; larger counts are clipped (BM25 saturates long before)


@dataclass
class TermCounts:
    """How often each term occurs in each of a run of passages (CSR rows over `vocabulary`)."""

    vocabulary: list[str]
    indptr: np.ndarray  # int64, rows + 1
    indices: np.ndarray  # int32 term ids
    counts: np.ndarray  # COUNT_DTYPE
    lengths: np.ndarray  # int32 per row: how many terms the passage has (BM25's document length)
    df: np.ndarray | None = None  # int32 per term: rows holding it, once computed (and then cached)

    def document_frequencies(self) -> np.ndarray:
        """In how many rows each term occurs (computed once, then kept and cached with the counts)."""
        if self.df is None or len(self.df) != len(self.vocabulary):
            self.df = np.bincount(self.indices, minlength=len(self.vocabulary)).astype(np.int32)
        return self.df

    @property
    def rows(self) -> int:
        return len(self.indptr) - 1

    @classmethod
    def from_term_lists(cls, term_lists: Iterable[Sequence[str]]) -> TermCounts:
        """Count the terms of each passage."""
        ids: dict[str, int] = {}
        indptr = [0]
        indices: list[int] = []
        counts: list[int] = []
        lengths: list[int] = []
        for terms in term_lists:
            row = Counter(ids.setdefault(t, len(ids)) for t in terms)
            indices.extend(row.keys())
            counts.extend(row.values())
            indptr.append(len(indices))
            lengths.append(len(terms))
        return cls(
            vocabulary=list(ids),
            indptr=np.asarray(indptr, dtype=np.int64),
            indices=np.asarray(indices, dtype=np.int32),
            counts=np.minimum(np.asarray(counts, dtype=np.int64), np.iinfo(COUNT_DTYPE).max).astype(COUNT_DTYPE),
            lengths=np.asarray(lengths, dtype=np.int32),
        )

    @classmethod
    def concatenate(cls, parts: Iterable[TermCounts]) -> TermCounts:
        """The rows of `parts` one after another, over the union of their vocabularies."""
        builder = TermCountsBuilder()
        for part in parts:
            builder.add(part)
        return builder.build()

    @classmethod
    def empty(cls) -> TermCounts:
        return cls(
            [],
            np.zeros(1, dtype=np.int64),
            np.zeros(0, dtype=np.int32),
            np.zeros(0, dtype=COUNT_DTYPE),
            np.zeros(0, dtype=np.int32),
        )

    def slice(self, start: int, end: int) -> TermCounts:
        """Rows `start` to `end` alone, over just the terms they use."""
        low, high = self.indptr[start], self.indptr[end]
        used, indices = np.unique(self.indices[low:high], return_inverse=True)
        return TermCounts(
            vocabulary=[self.vocabulary[i] for i in used],
            indptr=self.indptr[start : end + 1] - low,
            indices=indices.astype(np.int32),
            counts=self.counts[low:high].copy(),
            lengths=self.lengths[start:end].copy(),
        )

    def select_rows(self, keep: np.ndarray) -> TermCounts:
        """Only the rows where `keep` is true (same vocabulary)."""
        lengths = np.diff(self.indptr)
        entry_mask = np.repeat(keep, lengths)
        indptr = np.concatenate([[0], np.cumsum(lengths[keep])]).astype(np.int64)
        return TermCounts(
            self.vocabulary, indptr, self.indices[entry_mask], self.counts[entry_mask], self.lengths[keep]
        )


class TermCountsBuilder:
    """Joins runs of rows as they come, over one growing vocabulary.

    Each part's own vocabulary is dropped as soon as it is mapped, so many small parts (one per
    worker chunk) never hold their strings all at once.
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._indices: list[np.ndarray] = []
        self._counts: list[np.ndarray] = []
        self._row_sizes: list[np.ndarray] = []
        self._lengths: list[np.ndarray] = []

    def add(self, part: TermCounts) -> None:
        ids = self._ids
        mapping = np.fromiter(
            (ids.setdefault(t, len(ids)) for t in part.vocabulary), dtype=np.int32, count=len(part.vocabulary)
        )
        self._indices.append(mapping[part.indices])
        self._counts.append(part.counts)
        self._row_sizes.append(np.diff(part.indptr))
        self._lengths.append(part.lengths)

    def build(self) -> TermCounts:
        if not self._indices:
            return TermCounts.empty()
        counts = TermCounts(
            vocabulary=list(self._ids),
            indptr=np.concatenate([[0], np.cumsum(np.concatenate(self._row_sizes))]).astype(np.int64),
            indices=np.concatenate(self._indices),
            counts=np.concatenate(self._counts),
            lengths=np.concatenate(self._lengths),
        )
        self._indices, self._counts, self._row_sizes, self._lengths = [], [], [], []
        return counts


# --- BM25 -----------------------------------------------------------------------------------

# Entries whose weights are computed at once while building (bounds the temporary arrays).
_BLOCK = 1_000_000
SAMPLE_STRIDE = 16  # top_of: the share of passages whose scores bound the k-th best from below


@dataclass
class Bm25:
    """BM25Okapi over term counts, with every (term, passage) weight precomputed, term-major.

    `postings_ptr[t]:postings_ptr[t+1]` slices `postings` (passage ids, ascending) and `weights`.
    """

    idf: np.ndarray  # float64 per term, with BM25Okapi's epsilon floor
    postings_ptr: np.ndarray  # int64, terms + 1
    postings: np.ndarray  # int32 passage ids
    weights: np.ndarray  # float32
    passages: int

    @classmethod
    def from_counts(cls, counts: TermCounts, k1: float = K1, b: float = B, epsilon: float = EPSILON) -> Bm25:
        """Weights exactly as `BM25Okapi(corpus, k1, b, epsilon)` would score them."""
        return cls.from_parts([counts], k1, b, epsilon)[1]

    @classmethod
    def from_parts(
        cls, parts: list[TermCounts], k1: float = K1, b: float = B, epsilon: float = EPSILON
    ) -> tuple[list[str], Bm25]:
        """BM25 over the rows of several parts one after another, and the joint vocabulary.

        The parts are joined while the weights are computed, never copied into one TermCounts
        first, and `parts` is emptied once they are read, so that (if the caller keeps no other
        reference) their memory is free before the term-major copy is made.
        """
        # The largest part's terms come first, so its ids need no remapping (a reload adds a small
        # file to a big one).
        ids: dict[str, int] = {}
        mappings: list[np.ndarray | None] = [None] * len(parts)
        for position in sorted(range(len(parts)), key=lambda i: -len(parts[i].indices)):
            vocabulary_of = parts[position].vocabulary
            if not ids:
                ids = dict(zip(vocabulary_of, range(len(vocabulary_of)), strict=True))
            else:
                mappings[position] = np.fromiter(
                    (ids.setdefault(t, len(ids)) for t in vocabulary_of), dtype=np.int32, count=len(vocabulary_of)
                )
        vocabulary = list(ids)
        rows, terms = sum(p.rows for p in parts), len(vocabulary)
        if rows == 0:
            raise ValueError("cannot index an empty corpus")
        entries = sum(len(p.indices) for p in parts)
        indices = np.empty(entries, dtype=np.int32)
        indptr = np.zeros(rows + 1, dtype=np.int64)
        df = np.zeros(terms, dtype=np.float64)
        row = entry = 0
        for part, mapping in zip(parts, mappings, strict=True):
            part_df = part.document_frequencies()
            if mapping is None:
                indices[entry : entry + len(part.indices)] = part.indices
                df[: len(part_df)] += part_df
            else:
                indices[entry : entry + len(part.indices)] = mapping[part.indices]
                df[mapping] += part_df  # a mapping never repeats an id
            indptr[row + 1 : row + part.rows + 1] = part.indptr[1:] + entry
            row += part.rows
            entry += len(part.indices)
        doc_len = np.concatenate([p.lengths for p in parts]).astype(np.float64)
        avgdl = doc_len.sum() / rows
        idf = np.log(rows - df + 0.5) - np.log(df + 0.5)
        average_idf = idf.sum() / terms
        idf[idf < 0] = epsilon * average_idf
        # Per passage, the part of BM25's denominator that does not depend on the term.
        norm = (k1 * (1 - b + b * doc_len / avgdl)).astype(np.float32)
        # Entry-level arithmetic in float32 (the stored precision): half the memory traffic.
        idf32 = idf.astype(np.float32)
        weights = np.empty(entries, dtype=np.float32)
        row = entry = 0
        for part in parts:
            for low in range(0, len(part.indices), _BLOCK):
                high = min(low + _BLOCK, len(part.indices))
                first_row = np.searchsorted(part.indptr, low, side="right") - 1
                last_row = np.searchsorted(part.indptr, high, side="left")
                row_of = row + np.repeat(
                    np.arange(first_row, last_row), np.diff(np.clip(part.indptr[first_row : last_row + 1], low, high))
                )
                tf = part.counts[low:high].astype(np.float32)
                weights[entry + low : entry + high] = idf32[indices[entry + low : entry + high]] * (
                    tf * np.float32(k1 + 1) / (tf + norm[row_of])
                )
            row += part.rows
            entry += len(part.indices)
        parts.clear()
        del part, mappings, mapping, part_df  # loop variables would keep the last part alive
        # int32 index arrays keep scipy from widening (and so copying) the indices.
        index_dtype = np.int32 if entries < np.iinfo(np.int32).max else np.int64
        matrix = scipy.sparse.csr_matrix(
            (weights, indices, indptr.astype(index_dtype)), shape=(rows, terms), copy=False
        )
        del weights, indices
        matrix = matrix.tocsc()
        # csr->csc visits rows in order, so every column's rows come out ascending already.
        matrix.has_sorted_indices = True
        return vocabulary, cls(
            idf=idf,
            postings_ptr=matrix.indptr.astype(np.int64),
            postings=matrix.indices.astype(np.int32, copy=False),
            weights=matrix.data,
            passages=rows,
        )

    def scores(self, term_ids: Sequence[int], factors: Sequence[float] = ()) -> np.ndarray:
        """BM25 score of every passage for a query given as term ids (repeats count, as in BM25Okapi).

        `factors` (one per id) scale a term's contribution; without them every term counts fully.
        """
        if not term_ids:
            return np.zeros(self.passages, dtype=np.float64)
        ranges = [(self.postings_ptr[t], self.postings_ptr[t + 1]) for t in term_ids]
        # One pass in C; terms are added in query order, as BM25Okapi adds them.
        passages = np.concatenate([self.postings[start:end] for start, end in ranges])
        weights = np.concatenate([self.weights[start:end] for start, end in ranges])
        if factors and any(f != 1.0 for f in factors):
            weights = weights * np.repeat(np.asarray(factors, dtype=np.float32), [end - start for start, end in ranges])
        return np.bincount(passages, weights=weights, minlength=self.passages)

    def top(self, term_ids: Sequence[int], k: int) -> tuple[np.ndarray, np.ndarray]:
        """The `k` best passages (ids, scores), best first; passages scoring 0 are left out."""
        return self.top_of(self.scores(term_ids), k)

    @staticmethod
    def top_of(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The `k` best passages of a score vector (ids, scores), best first, zeros left out; of equal
        scores, the lower passage id first (also at the k-th place)."""
        # The k-th best score of every SAMPLE_STRIDE-th passage is at most the k-th best of all: only
        # passages scoring that much need sorting (a common word gives most passages some score).
        sample = scores[::SAMPLE_STRIDE]
        floor = np.partition(sample, len(sample) - k)[len(sample) - k] if 0 < k < len(sample) else 0.0
        candidates = np.flatnonzero(scores >= floor) if floor > 0 else np.flatnonzero(scores > 0)
        order = np.lexsort((candidates, -scores[candidates]))
        best = candidates[order[:k]]
        return best, scores[best]

    def contains_any(self, term: int, first: int, end: int) -> bool:
        """Whether any passage from `first` to `end` (exclusive) has `term`."""
        start, stop = self.postings_ptr[term], self.postings_ptr[term + 1]
        position = start + np.searchsorted(self.postings[start:stop], first)
        return bool(position < stop and self.postings[position] < end)

    def contains(self, term: int, passage: int) -> bool:
        """Whether `passage` has `term` (a binary search in the term's postings)."""
        start, end = self.postings_ptr[term], self.postings_ptr[term + 1]
        position = start + np.searchsorted(self.postings[start:end], passage)
        return bool(position < end and self.postings[position] == passage)


# --- the index ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """A passage found for a question, with its BM25 score."""

    passage: int
    score: float
    article: Article
    paragraph: int
    start: int
    end: int
    caption: bool

    @property
    def text(self) -> str:
        return self.article.paragraphs[self.paragraph][self.start : self.end]


class Index:
    """Articles, their passages, and the BM25 index over the passages' terms."""

    def __init__(
        self,
        articles: Sequence[Article],
        passage_article: np.ndarray,
        passage_spans: np.ndarray,
        vocabulary: Sequence[str],
        bm25: Bm25,
    ) -> None:
        self.articles = list(articles)
        self.passage_article = passage_article  # int32 per passage
        self.passage_spans = passage_spans  # int32 (passages, 4): paragraph, start, end, caption
        self.vocabulary = list(vocabulary)
        self.term_ids = {term: i for i, term in enumerate(self.vocabulary)}
        self.bm25 = bm25
        self.article_first_passage = np.searchsorted(passage_article, np.arange(len(self.articles) + 1))
        # Where the articles came from, in order (set by bot.store, which reuses it on reload).
        self.provenance: tuple = ()
        # The documents the articles cite (set by bot.store, cached beside the index).
        self.documents = Registry()

    @classmethod
    def from_articles(cls, articles: Sequence[Article]) -> Index:
        """Build an index in memory, segmenting every article here (small corpora and tests)."""
        table, counts = segment_articles(articles)
        return cls.from_counts(articles, table, counts)

    @classmethod
    def from_counts(
        cls, articles: Sequence[Article], table: PassageTable, counts: TermCounts | Sequence[TermCounts]
    ) -> Index:
        """Assemble an index from the articles' passages and their term counts (rows in article order)."""
        parts = [counts] if isinstance(counts, TermCounts) else list(counts)
        rows = sum(p.rows for p in parts)
        if rows != table.passages or len(table.per_article) != len(articles):
            raise ValueError(f"{rows} rows of term counts for {table.passages} passages")
        passage_article = np.repeat(np.arange(len(articles), dtype=np.int32), table.per_article)
        vocabulary, bm25 = Bm25.from_parts(parts)
        return cls(articles, passage_article, table.spans, vocabulary, bm25)

    # --- facts ---

    @property
    def passage_count(self) -> int:
        return len(self.passage_article)

    def hit(self, passage: int, score: float = 0.0) -> Hit:
        paragraph, start, end, caption = (int(v) for v in self.passage_spans[passage])
        article = self.articles[int(self.passage_article[passage])]
        return Hit(passage, score, article, paragraph, start, end, bool(caption))

    def article_passages(self, article_index: int) -> range:
        return range(int(self.article_first_passage[article_index]), int(self.article_first_passage[article_index + 1]))

    def position_of(self, article_id: str) -> int | None:
        """Where the article of this id is in `articles` (the first, should two share it), or None."""
        return self._positions.get(article_id)

    @functools.cached_property
    def _positions(self) -> dict[str, int]:
        positions: dict[str, int] = {}
        for position, article in enumerate(self.articles):
            positions.setdefault(article.id, position)
        return positions

    # --- questions ---

    def search(self, question: Question | str, k: int = 10) -> list[Hit]:
        """The `k` passages with the best BM25 scores for a question, best first."""
        ids, scores = self.bm25.top(query_terms(question, self.term_ids).ids, k)
        return [self.hit(int(p), float(s)) for p, s in zip(ids, scores, strict=True)]

    def idf(self, term: str) -> float:
        """The term's idf; an unknown term gets the idf of a term no passage has."""
        term_id = self.term_ids.get(term)
        if term_id is None:
            return math.log(self.passage_count + 0.5) - math.log(0.5)
        return float(self.bm25.idf[term_id])
