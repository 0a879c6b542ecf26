"""Passages, term counts and BM25: the same scores as rank_bm25.BM25Okapi, without its cost."""

from __future__ import annotations

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from bot.corpus import Article
from bot.index import MAX_PASSAGE_CHARS, Bm25, Index, TermCounts, article_term_lists, passage_spans
from bot.query import query_terms

QUESTIONS = [
    "Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?",
    "ai toi du hoi nghi so ket chi thi 05",
    "bao nhiêu tập thể được tặng Bằng khen của Ban Thường vụ Thành ủy",
    "Ai chủ trì hội nghị tổng kết Nghị quyết 35?",
    "Quảng Ninh đón bao nhiêu lượt khách",
    "UBND TP Hà Nội ban hành kế hoạch",
]


def okapi_over(index: Index) -> BM25Okapi:
    """rank_bm25's own BM25Okapi over exactly the token lists the index was built from."""
    lists = [terms for article in index.articles for terms in article_term_lists(article, passage_spans(article))]
    return BM25Okapi(lists)


@pytest.mark.parametrize("question", QUESTIONS)
def test_scores_equal_bm25okapi_on_the_same_tokens(mixed_index, question):
    assert len(mixed_index.articles) >= 3
    okapi = okapi_over(mixed_index)
    query = query_terms(question, mixed_index.term_ids)
    ours = mixed_index.bm25.scores(query.ids)
    theirs = okapi.get_scores(list(query.terms))
    np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-5)
    assert theirs.max() > 0


@pytest.mark.parametrize("question", QUESTIONS)
def test_top_ten_passages_are_bm25okapis_top_ten(mixed_index, question):
    okapi = okapi_over(mixed_index)
    query = query_terms(question, mixed_index.term_ids)
    theirs = okapi.get_scores(list(query.terms))
    ids, _ = mixed_index.bm25.top(query.ids, 10)
    expected = np.argsort(-theirs, kind="stable")[: len(ids)]
    # Ties aside: a pair of passages whose scores differ by less than float32 precision may swap.
    for ours, reference in zip(ids, expected, strict=True):
        assert ours == reference or abs(theirs[ours] - theirs[reference]) < 1e-4


def test_the_idf_floor_of_bm25okapi_applies_to_terms_in_most_passages():
    lists = [["chung", "a", "e"], ["chung", "b", "f"], ["chung", "c", "g"], ["chung", "d", "h"], ["i", "j"]]
    counts = TermCounts.from_term_lists(lists)
    bm25 = Bm25.from_counts(counts)
    okapi = BM25Okapi(lists)
    ids = {t: i for i, t in enumerate(counts.vocabulary)}
    # log((5 - 4 + 0.5) / (4 + 0.5)) < 0: BM25Okapi replaces it by epsilon times the average idf.
    assert okapi.idf["chung"] == pytest.approx(0.25 * okapi.average_idf) and okapi.idf["chung"] > 0
    assert bm25.idf[ids["chung"]] == pytest.approx(okapi.idf["chung"])
    np.testing.assert_allclose(bm25.scores([ids["chung"], ids["a"]]), okapi.get_scores(["chung", "a"]), rtol=1e-6)


def test_unknown_terms_and_repeated_terms_score_as_in_bm25okapi():
    lists = [["hội", "nghị"], ["hội", "đồng"], ["nghị", "quyết"]]
    counts = TermCounts.from_term_lists(lists)
    bm25 = Bm25.from_counts(counts)
    ids = {t: i for i, t in enumerate(counts.vocabulary)}
    np.testing.assert_allclose(
        bm25.scores([ids["hội"], ids["hội"], ids["quyết"]]),
        BM25Okapi(lists).get_scores(["hội", "hội", "quyết", "không_có"]),
    )


def test_term_counts_keep_their_rows_through_concatenation_and_slicing():
    first = TermCounts.from_term_lists([["a", "b", "a"], ["c"]])
    second = TermCounts.from_term_lists([["c", "d"], ["a"]])
    joined = TermCounts.concatenate([first, second])

    def rows(counts: TermCounts) -> list[dict[str, int]]:
        return [
            {counts.vocabulary[t]: int(c) for t, c in zip(counts.indices[s:e], counts.counts[s:e], strict=True)}
            for s, e in zip(counts.indptr[:-1], counts.indptr[1:], strict=True)
        ]

    assert rows(joined) == [{"a": 2, "b": 1}, {"c": 1}, {"c": 1, "d": 1}, {"a": 1}]
    assert rows(joined.slice(1, 3)) == [{"c": 1}, {"c": 1, "d": 1}]
    assert rows(joined.select_rows(np.array([True, False, False, True]))) == [{"a": 2, "b": 1}, {"a": 1}]


def test_long_paragraphs_are_cut_into_windows_of_whole_sentences():
    sentence = "Hội nghị đã thảo luận và thống nhất nhiều nội dung quan trọng của nhiệm kỳ. "
    paragraph = (sentence * 20).strip()
    article = Article(id="dai", title="Bài dài", paragraphs=("Mở đầu ngắn.", paragraph))
    spans = passage_spans(article)
    assert spans[0].paragraph == 0 and (spans[0].start, spans[0].end) == (0, len("Mở đầu ngắn."))
    windows = spans[1:]
    assert len(windows) > 1 and all(s.paragraph == 1 for s in windows)
    assert all(paragraph[s.start : s.end].endswith(".") for s in windows)
    assert all(s.end - s.start <= MAX_PASSAGE_CHARS for s in windows)
    assert "".join(paragraph[s.start : s.end] for s in windows).replace(" ", "") == paragraph.replace(" ", "")


def test_every_passage_carries_its_articles_title_terms():
    article = Article(id="x", title="Sơ kết Chỉ thị 05", paragraphs=("Tới dự có ông Lê Văn An.", "Hội nghị bế mạc."))
    lists = article_term_lists(article, passage_spans(article))
    assert all({"sơ_kết", "#ct5"} <= set(terms) for terms in lists)


def test_the_seed_article_answers_to_a_question_without_diacritics(shipped_index):
    hits = shipped_index.search("ai toi du hoi nghi so ket chi thi 05", k=3)
    assert [h.article.id for h in hits] == ["000_33da5da0feea9827"] * 3
    assert all(t.startswith(("~", "#", "@")) for t in query_terms("ai toi du hoi nghi", shipped_index.term_ids).terms)


def test_an_abbreviation_is_searched_by_its_concept_alone(mixed_index):
    terms = query_terms("UBND thành phố chủ trì hội nghị tổng kết NQ 35", mixed_index.term_ids).terms
    assert "@ubnd" in terms and "ubnd" not in terms and "#nq35" in terms


def test_a_term_searched_at_a_factor_adds_that_share_of_its_weight(mixed_index):
    query = query_terms("hội nghị sơ kết chỉ thị", mixed_index.term_ids)
    full = mixed_index.bm25.scores(query.ids)
    alone = mixed_index.bm25.scores(query.ids[:1])
    halved = mixed_index.bm25.scores(query.ids, [0.5] + [1.0] * (len(query.ids) - 1))
    np.testing.assert_allclose(halved, full - 0.5 * alone, rtol=1e-5, atol=1e-5)


def test_the_best_passages_are_the_highest_scores_and_of_equal_ones_the_lowest_ids_even_at_the_last_place():
    rng = np.random.default_rng(7)
    scores = rng.choice([0.0, 0.0, 0.0, 1.5, 2.0, 2.5], size=5_000)
    scores[[4_000, 4_001]] = 9.0
    best, best_scores = Bm25.top_of(scores, 50)
    expected = sorted(np.flatnonzero(scores > 0), key=lambda p: (-scores[p], p))[:50]
    assert best.tolist() == expected and best_scores.tolist() == scores[expected].tolist()
    assert Bm25.top_of(scores, 0)[0].tolist() == []
    assert Bm25.top_of(np.zeros(10), 3)[0].tolist() == []
    assert Bm25.top_of(scores, 10_000)[0].tolist() == sorted(np.flatnonzero(scores > 0), key=lambda p: (-scores[p], p))
