"""Example questions come from the corpus being served, and the bot answers each of them."""

from __future__ import annotations

from bot.answer import Answerer
from bot.examples import example_questions
from bot.reply import format_reply


def test_the_shipped_corpus_offers_a_question_about_the_seed_article(shipped_answerer):
    assert example_questions(shipped_answerer) == ("Ai dự hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW?",)


def test_every_example_is_answered_surely_and_each_from_another_article(mixed_answerer):
    examples = example_questions(mixed_answerer)
    answers = [mixed_answerer.answer(question) for question in examples]
    assert len(examples) == 3 and all(answer.found for answer in answers)
    assert len({answer.best.article.id for answer in answers}) == 3


def test_a_not_found_reply_offers_an_example_about_the_corpus(shipped_answerer):
    reply = format_reply(
        shipped_answerer.answer("Giá vàng hôm nay bao nhiêu?"), examples=example_questions(shipped_answerer)
    )
    assert reply.endswith("ví dụ: <i>Ai dự hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW?</i>")


def test_a_corpus_without_any_conference_gives_no_examples_and_hints_end_plainly(tmp_path):
    from bot.corpus import Article
    from bot.index import Index

    articles = [
        Article(f"a{i}", title, (text,))
        for i, (title, text) in enumerate(
            [
                ("Giá lúa tăng", "Giá lúa tại Cần Thơ tăng 200 đồng mỗi ký."),
                ("Mưa lớn ở miền Trung", "Mưa lớn kéo dài ba ngày ở Quảng Nam."),
                ("Khai trương cầu mới", "Cầu mới dài 500 mét được thông xe."),
            ]
        )
    ]
    answerer = Answerer(Index.from_articles(articles))
    assert example_questions(answerer) == ()
    assert format_reply(answerer.answer("Ai chủ trì hội nghị thượng đỉnh?"), examples=()).endswith("hoặc địa phương.")
