"""When a question counts as relevant to the corpus at all ("không tìm thấy" otherwise)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.answer import DEFAULT_TUNING, Answerer, Status
from bot.corpus import Article
from bot.evidence import ConfidenceModel
from bot.index import Index

QUESTION = "Chủ tịch nước Trần Đại Quang từ trần ngày nào?"


@pytest.fixture(scope="module")
def index() -> Index:
    """Twelve articles using the question's words apart, and one holding them all, names included."""
    others = [
        Article(
            f"o-{i}",
            f"Tin số {i}",
            (
                f"Chủ tịch Quốc hội gặp đoàn đại biểu nước bạn lần {i}.",
                f"Ông Trần Văn Quang, Phó chủ tịch tỉnh, đón đoàn đại biểu tại trụ sở lần {i}.",
            ),
        )
        for i in range(12)
    ]
    death = Article(
        "t-1",
        "Chủ tịch nước Trần Đại Quang từ trần",
        ("Chủ tịch nước Trần Đại Quang từ trần ngày 21/9 tại Hà Nội.",),
    )
    return Index.from_articles([*others, death])


def test_an_article_holding_every_word_and_name_of_the_question_is_relevant_though_each_word_is_common(index):
    # Its common single words fall short of the rare-word mass (the corpus is large enough that it
    # counts); the whole name "Trần Đại Quang", which it holds too, makes up for it.
    tuning = dataclasses.replace(DEFAULT_TUNING, min_passages_for_matched=0, min_matched=0.9)
    answer = Answerer(index, tuning).answer(QUESTION)
    assert answer.status is not Status.NOT_FOUND
    assert answer.findings[0].article.id == "t-1"


def test_an_article_holding_only_some_of_the_questions_words_needs_rare_ones(index):
    # "gặp đoàn đại biểu nước bạn" is in the other articles, not in the one on Trần Đại Quang.
    tuning = dataclasses.replace(DEFAULT_TUNING, min_passages_for_matched=0, min_matched=0.9)
    answer = Answerer(index, tuning).answer("Chủ tịch nước Trần Đại Quang gặp đoàn đại biểu nước bạn năm nào?")
    assert answer.status is Status.NOT_FOUND


def test_a_word_no_article_has_does_not_make_a_question_irrelevant(index):
    # "mơi" (for "mới") is no word of the corpus, and no spelling fix reaches it: the article still
    # holds every word the corpus could.
    answer = Answerer(index).answer("Chủ tịch nước Trần Đại Quang mơi từ trần ngày nào?")
    assert answer.status is not Status.NOT_FOUND
    assert answer.findings[0].article.id == "t-1"


THREE_ARTICLES = dataclasses.replace(DEFAULT_TUNING, relevance_articles=3)


@pytest.fixture(scope="module")
def raid_first() -> Index:
    """Three short sentences of "Israel tấn công" that outscore the long report naming Gaza, Rafah and
    "cực nam" too."""
    others = [
        Article(f"o-{i}", f"Tin số {i}", (f"Quân đội tổ chức diễn tập lần {i} tại thành phố ven biển phía nam.",))
        for i in range(6)
    ]
    raid = Article("raid", "Israel tấn công", ("Israel tấn công. Israel lại tấn công. Israel tấn công dữ dội.",))
    waiting = " Người dân mang theo chăn màn, nước uống và lương thực, dựng lều dọc bờ biển, chờ tin cứu trợ."
    rafah = Article(
        "rafah", "Nguy cơ ở Rafah", ("Israel được cho là sắp tấn công thành phố Rafah ở cực nam Gaza." + waiting * 3,)
    )
    return Index.from_articles([*others, raid, rafah])


def test_an_article_below_the_first_that_covers_the_question_keeps_it_from_not_found(raid_first):
    question = "Israel sắp tấn công thành phố nào ở cực nam Gaza?"
    answer = Answerer(raid_first, THREE_ARTICLES).answer(question)
    assert answer.status is Status.UNSURE
    assert [f.article.id for f in answer.findings[:2]] == ["raid", "rafah"]
    # (the shipped tuning reads the best article alone: the first set's out-of-scope gate needs it)
    assert Answerer(raid_first).answer(question).status is Status.NOT_FOUND


def test_the_first_articles_sentence_is_no_sure_answer_when_only_a_lower_article_covers_the_question(raid_first):
    always = ConfidenceModel({}, bias=0.0, threshold=0.0)  # however sure of the sentence
    answer = Answerer(raid_first, THREE_ARTICLES, confidence=always).answer(
        "Israel sắp tấn công ra sao ở cực nam Gaza?"
    )
    assert answer.status is Status.UNSURE
    assert answer.findings[0].article.id == "raid"
