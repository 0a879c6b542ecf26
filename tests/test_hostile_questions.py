"""A hostile question (500 characters of distinct words, of one word again and again, of typos) costs
bounded work, counted here rather than timed: how many terms it is searched with, how many postings
they add up, how many syllables are looked up as typos. Ordinary questions are searched as before."""

from __future__ import annotations

from collections import Counter

import pytest

from bot import query as query_module
from bot.answer import MAX_QUESTION_CHARS, Answerer
from bot.index import Index
from bot.query import MAX_CORRECTIONS, MAX_POSTINGS_PER_PASSAGE, MAX_QUERY_TERMS, MAX_TERM_REPEATS, query_terms
from bot.text import strip_diacritics


def fill(words: list[str]) -> str:
    """As many of the words as fit in one question."""
    text = ""
    for word in words:
        if len(text) + len(word) + 2 > MAX_QUESTION_CHARS:
            break
        text += word + " "
    return text.strip() + "?"


def corpus_words(index: Index) -> list[str]:
    """The corpus's words, each once, in the order they come."""
    words = (w.strip(".,;:()\"'") for a in index.articles for p in (a.title, *a.paragraphs) for w in p.lower().split())
    return list(dict.fromkeys(w for w in words if w.isalpha()))


def postings(index: Index, ids: tuple[int, ...]) -> int:
    ptr = index.bm25.postings_ptr
    return int(sum(ptr[i + 1] - ptr[i] for i in ids))


@pytest.fixture
def unbounded(monkeypatch):
    """Lift the bounds, to see what a question would cost without them."""

    def lift() -> None:
        for name in ("MAX_QUERY_TERMS", "MAX_TERM_REPEATS", "MAX_CORRECTIONS", "MAX_POSTINGS_PER_PASSAGE"):
            monkeypatch.setattr(query_module, name, 10**9)

    return lift


def test_500_characters_of_distinct_words_are_searched_on_their_rarest_terms_only(mixed_index, unbounded):
    speller = Answerer(mixed_index).speller
    question = fill(corpus_words(mixed_index))
    bounded = query_terms(question, mixed_index.term_ids, speller)
    unbounded()
    every = query_terms(question, mixed_index.term_ids, speller)
    assert len(set(every.terms)) > 2 * MAX_QUERY_TERMS
    assert len(set(bounded.terms)) == MAX_QUERY_TERMS
    kept, dropped = set(bounded.terms), set(every.terms) - set(bounded.terms)
    assert max(speller.frequency(t) for t in kept) <= min(speller.frequency(t) for t in dropped)
    assert [t for t in every.terms if t in kept] == list(bounded.terms)  # in the question's order


def test_a_word_typed_again_and_again_counts_a_few_times_only(mixed_index):
    query = query_terms(fill(["hội nghị"] * 100), mixed_index.term_ids, Answerer(mixed_index).speller)
    assert Counter(query.terms) == {"hội_nghị": MAX_TERM_REPEATS, "hội": MAX_TERM_REPEATS, "nghị": MAX_TERM_REPEATS}


def test_a_question_of_typos_looks_up_a_few_of_them_only(mixed_index):
    speller = Answerer(mixed_index).speller
    looked_up = []
    lookup = speller.correct
    speller.correct = lambda word: looked_up.append(word) or lookup(word)  # type: ignore[method-assign]
    typos = [w[0] + w for w in (strip_diacritics(w) for w in corpus_words(mixed_index)) if len(w) >= 3]
    query_terms(fill(typos), mixed_index.term_ids, speller)
    assert len(looked_up) == MAX_CORRECTIONS


def test_the_postings_a_question_adds_up_are_bounded_by_the_corpus_size(mixed_index, monkeypatch):
    monkeypatch.setattr(query_module, "MIN_MAX_POSTINGS", 0)  # the corpus is small: lower the floor to it
    answerer = Answerer(mixed_index)
    common = sorted(corpus_words(mixed_index), key=lambda w: -answerer.speller.frequency(w))
    question = fill([w for w in common for _ in range(3)])
    searched = []
    scores = mixed_index.bm25.scores
    monkeypatch.setattr(
        mixed_index.bm25, "scores", lambda ids, factors=(): searched.append(ids) or scores(ids, factors)
    )
    answerer.answer(question)
    (ids,) = searched
    assert postings(mixed_index, ids) <= MAX_POSTINGS_PER_PASSAGE * mixed_index.passage_count
    assert len(ids) <= MAX_QUERY_TERMS * MAX_TERM_REPEATS


@pytest.mark.parametrize(
    "question",
    [
        "pho bi thu uy ban kiem tra ky luat trung uong trung quoc nao hop bao ve so quan ly can bo?",
        "Theo nghị định tiêu chuẩn định mức xe ô tô, những chức danh nào được dùng thường xuyên 1 xe kể cả "
        "khi đã nghỉ công tác, không quy định giá?",
        "Đảng ủy Khối các cơ quan TP Hà Nội sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW, Phó chủ tich nào dự?",
    ],
)
def test_ordinary_long_questions_are_searched_as_without_the_bounds(mixed_index, unbounded, question):
    speller = Answerer(mixed_index).speller
    bounded = query_terms(question, mixed_index.term_ids, speller)
    unbounded()
    assert bounded == query_terms(question, mixed_index.term_ids, speller)
