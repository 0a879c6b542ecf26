"""Passages, the BM25 index over them, and `search()`.

Scores are exactly `rank_bm25.BM25Okapi`'s (same k1, b, epsilon, same idf floor), but each term's
weight in each passage is computed once, when the index is built, and stored term-major: a
question touches only the postings of its own terms instead of every passage.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse

from bot.corpus import Article, looks_like_caption
from bot.question import PLAIN_STOP_WORDS, STOP_WORDS, Question, analyse
from bot.text import (
    abbreviations_in,
    document_terms,
    has_diacritics,
    looks_partly_unaccented,
    plain,
    segment,
    special_terms,
    split_sentences,
    strip_diacritics,
)

# rank_bm25.BM25Okapi's defaults.
K1 = 1.5
B = 0.75
EPSILON = 0.25

# Paragraphs longer than this are cut into windows of whole sentences of about WINDOW_CHARS.
MAX_PASSAGE_CHARS = 700
WINDOW_CHARS = 450
# Longest run of syllables a question's compound terms are looked up for.
MAX_COMPOUND = 4

_PLAIN_STOP_COMPOUNDS = frozenset(strip_diacritics(w) for w in STOP_WORDS if "_" in w)


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
        window_start = window_end = None
        for start, end in split_sentences(paragraph):
            if window_start is None:
                window_start = start
            elif end - window_start > WINDOW_CHARS:
                spans.append(PassageSpan(number, window_start, window_end, caption))
                window_start = start
            window_end = end
        if window_start is not None:
            spans.append(PassageSpan(number, window_start, window_end, caption))
    return spans


def article_term_lists(article: Article, spans: Sequence[PassageSpan]) -> list[list[str]]:
    """Index terms of each passage: the article title's terms, then the passage's own.

    The title belongs to every passage because a question names the event (the title's words)
    while the answering paragraph often names only the person or the number.
    """
    title = document_terms(article.title)
    return [title + document_terms(article.paragraphs[s.paragraph][s.start : s.end]) for s in spans]


# --- term counts ----------------------------------------------------------------------------


@dataclass
class TermCounts:
    """How often each term occurs in each of a run of passages (CSR rows over `vocabulary`)."""

    vocabulary: list[str]
    indptr: np.ndarray  # int64, rows + 1
    indices: np.ndarray  # int32 term ids
    counts: np.ndarray  # int32

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
        for terms in term_lists:
            row = Counter(ids.setdefault(t, len(ids)) for t in terms)
            indices.extend(row.keys())
            counts.extend(row.values())
            indptr.append(len(indices))
        return cls(
            vocabulary=list(ids),
            indptr=np.asarray(indptr, dtype=np.int64),
            indices=np.asarray(indices, dtype=np.int32),
            counts=np.asarray(counts, dtype=np.int32),
        )

    @classmethod
    def concatenate(cls, parts: Sequence[TermCounts]) -> TermCounts:
        """The rows of `parts` one after another, over the union of their vocabularies."""
        ids: dict[str, int] = {}
        indptrs, indices, counts = [np.zeros(1, dtype=np.int64)], [], []
        offset = 0
        for part in parts:
            mapping = np.fromiter(
                (ids.setdefault(t, len(ids)) for t in part.vocabulary), dtype=np.int32, count=len(part.vocabulary)
            )
            indices.append(mapping[part.indices])
            counts.append(part.counts)
            indptrs.append(part.indptr[1:] + offset)
            offset += int(part.indptr[-1])
        return cls(
            vocabulary=list(ids),
            indptr=np.concatenate(indptrs),
            indices=np.concatenate(indices) if indices else np.zeros(0, dtype=np.int32),
            counts=np.concatenate(counts) if counts else np.zeros(0, dtype=np.int32),
        )

    @classmethod
    def empty(cls) -> TermCounts:
        return cls([], np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32))

    def slice(self, start: int, end: int) -> TermCounts:
        """Rows `start` to `end` alone, over just the terms they use."""
        low, high = self.indptr[start], self.indptr[end]
        used, indices = np.unique(self.indices[low:high], return_inverse=True)
        return TermCounts(
            vocabulary=[self.vocabulary[i] for i in used],
            indptr=self.indptr[start : end + 1] - low,
            indices=indices.astype(np.int32),
            counts=self.counts[low:high].copy(),
        )

    def select_rows(self, keep: np.ndarray) -> TermCounts:
        """Only the rows where `keep` is true (same vocabulary)."""
        lengths = np.diff(self.indptr)
        entry_mask = np.repeat(keep, lengths)
        indptr = np.concatenate([[0], np.cumsum(lengths[keep])]).astype(np.int64)
        return TermCounts(self.vocabulary, indptr, self.indices[entry_mask], self.counts[entry_mask])


# --- BM25 -----------------------------------------------------------------------------------


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
        rows, terms = counts.rows, len(counts.vocabulary)
        if rows == 0:
            raise ValueError("cannot index an empty corpus")
        row_of = np.repeat(np.arange(rows), np.diff(counts.indptr))
        doc_len = np.bincount(row_of, weights=counts.counts, minlength=rows)
        avgdl = doc_len.sum() / rows
        df = np.bincount(counts.indices, minlength=terms).astype(np.float64)
        idf = np.log(rows - df + 0.5) - np.log(df + 0.5)
        average_idf = idf.sum() / terms
        idf[idf < 0] = epsilon * average_idf
        tf = counts.counts.astype(np.float64)
        weights = idf[counts.indices] * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len[row_of] / avgdl)))
        del row_of, tf
        matrix = scipy.sparse.csr_matrix(
            (weights.astype(np.float32), counts.indices, counts.indptr), shape=(rows, terms)
        ).tocsc()
        matrix.sort_indices()
        return cls(
            idf=idf,
            postings_ptr=matrix.indptr.astype(np.int64),
            postings=matrix.indices.astype(np.int32, copy=False),
            weights=matrix.data,
            passages=rows,
        )

    def scores(self, term_ids: Sequence[int]) -> np.ndarray:
        """BM25 score of every passage for a query given as term ids (repeats count, as in BM25Okapi)."""
        scores = np.zeros(self.passages, dtype=np.float64)
        for term in term_ids:
            start, end = self.postings_ptr[term], self.postings_ptr[term + 1]
            scores[self.postings[start:end]] += self.weights[start:end]
        return scores

    def top(self, term_ids: Sequence[int], k: int) -> tuple[np.ndarray, np.ndarray]:
        """The `k` best passages (ids, scores), best first; passages scoring 0 are left out."""
        return self.top_of(self.scores(term_ids), k)

    @staticmethod
    def top_of(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The `k` best passages of a score vector (ids, scores), best first, zeros left out."""
        candidates = np.flatnonzero(scores > 0)
        if len(candidates) > k:
            candidates = candidates[np.argpartition(-scores[candidates], k - 1)[:k]]
        # Stable order for equal scores: lower passage id first.
        order = np.lexsort((candidates, -scores[candidates]))
        best = candidates[order]
        return best, scores[best]

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


@dataclass(frozen=True)
class QueryTerms:
    """The index terms a question is searched with (repeats count), and their ids."""

    terms: tuple[str, ...]
    ids: tuple[int, ...]


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

    @classmethod
    def from_articles(cls, articles: Sequence[Article]) -> Index:
        """Build an index in memory, segmenting every article here (small corpora and tests)."""
        spans = [passage_spans(a) for a in articles]
        counts = TermCounts.from_term_lists(
            terms for article, s in zip(articles, spans, strict=True) for terms in article_term_lists(article, s)
        )
        return cls.from_counts(articles, spans, counts)

    @classmethod
    def from_counts(
        cls, articles: Sequence[Article], spans: Sequence[Sequence[PassageSpan]], counts: TermCounts
    ) -> Index:
        """Assemble an index from passage spans and their term counts (rows in article order)."""
        passage_article = np.repeat(np.arange(len(articles), dtype=np.int32), [len(s) for s in spans])
        span_array = np.array(
            [(p.paragraph, p.start, p.end, p.caption) for s in spans for p in s], dtype=np.int32
        ).reshape(-1, 4)
        if counts.rows != len(passage_article):
            raise ValueError(f"{counts.rows} rows of term counts for {len(passage_article)} passages")
        return cls(articles, passage_article, span_array, counts.vocabulary, Bm25.from_counts(counts))

    # --- facts ---

    @property
    def passage_count(self) -> int:
        return len(self.passage_article)

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """The earliest and latest publication dates, or None when no article is dated."""
        dates = [a.date for a in self.articles if a.date]
        return (min(dates), max(dates)) if dates else None

    def hit(self, passage: int, score: float = 0.0) -> Hit:
        paragraph, start, end, caption = (int(v) for v in self.passage_spans[passage])
        article = self.articles[int(self.passage_article[passage])]
        return Hit(passage, score, article, paragraph, start, end, bool(caption))

    def article_passages(self, article_index: int) -> range:
        return range(int(self.article_first_passage[article_index]), int(self.article_first_passage[article_index + 1]))

    # --- questions ---

    def query_terms(self, question: Question | str) -> QueryTerms:
        """The terms to search a question with.

        Stop words (question words, function words) are dropped. Compounds are every run of 2 to
        4 syllables the corpus knows as a word, so a question matches whatever underthesea did
        with it. A question typed without diacritics is searched on the diacritic-free twins.
        """
        if isinstance(question, str):
            question = analyse(question)
        words = segment(question.topic or question.text)
        syllables = [s for w in words for s in w]
        unaccented = question.unaccented
        terms: list[str] = []

        def form(term: str) -> str:
            return plain(term) if unaccented else term

        runs = {(i, n) for i in range(len(syllables)) for n in range(2, MAX_COMPOUND + 1) if i + n <= len(syllables)}
        position = 0
        for word in words:  # underthesea's own compounds, even longer ones
            if len(word) > 1:
                runs.add((position, len(word)))
            position += len(word)
        for i, n in sorted(runs):
            compound = "_".join(syllables[i : i + n])
            if compound in STOP_WORDS or strip_diacritics(compound) in _PLAIN_STOP_COMPOUNDS:
                continue
            if form(compound) in self.term_ids:
                terms.append(form(compound))
        # An abbreviation is searched by its concept term alone ("UBND" -> "@ubnd"), which also
        # finds the articles that spell it out.
        abbreviations = abbreviations_in(question.topic or question.text)
        mixed = looks_partly_unaccented(question.text)
        for syllable in syllables:
            if (syllable in PLAIN_STOP_WORDS) if unaccented else (syllable in STOP_WORDS):
                continue
            if strip_diacritics(syllable) in abbreviations:
                continue
            term = form(syllable)
            if mixed and term not in self.term_ids and not has_diacritics(syllable):
                term = plain(syllable)  # a word typed without its accents in a half-accented question
            terms.append(term)
        terms.extend(special_terms(question.topic or question.text))
        return QueryTerms(tuple(terms), tuple(self.term_ids[t] for t in terms if t in self.term_ids))

    def search(self, question: Question | str, k: int = 10) -> list[Hit]:
        """The `k` passages with the best BM25 scores for a question, best first."""
        ids, scores = self.bm25.top(self.query_terms(question).ids, k)
        return [self.hit(int(p), float(s)) for p, s in zip(ids, scores, strict=True)]

    def idf(self, term: str) -> float:
        """The term's idf; an unknown term gets the idf of a term no passage has."""
        term_id = self.term_ids.get(term)
        if term_id is None:
            return math.log(self.passage_count + 0.5) - math.log(0.5)
        return float(self.bm25.idf[term_id])
