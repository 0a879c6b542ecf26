"""Questions placed in time: "mới nhất", "hôm nay", "tuần này", "tháng này", "tháng 5/2025", "từ … đến …".

The fixture corpus (tests/fixtures/dated) holds five reports of floods on the Gianh river in Quảng Bình
(10/9/2024, 5/10/2024, 12/5/2025, 19/5/2025 and one without a date) and a book fair in Hà Nội (20/5/2025)
open to "người dân", the only words it shares with the questions.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.answer import Answerer, Status
from bot.corpus import Article, read_corpus
from bot.evidence import ArticleFacts
from bot.index import Index
from bot.question import Constraint, analyse, constraints_of

DATED = Path(__file__).resolve().parent / "fixtures" / "dated"
QUESTION = "Quảng Bình sơ tán bao nhiêu hộ dân vì lũ sông Gianh"


@pytest.fixture(scope="module")
def index() -> Index:
    articles, problems = read_corpus([DATED])
    assert problems == [] and len(articles) == 6
    return Index.from_articles(articles)


def articles_for(index: Index, question: str, today: dt.date = dt.date(2025, 5, 20)) -> list[str]:
    """The ids of the answer's candidate articles, in the order offered."""
    return [f.article.id for f in Answerer(index, today=lambda: today).answer(question).findings]


@pytest.mark.parametrize(
    ("question", "constraints"),
    [
        ("Tin tháng 5/2025 về lũ", (Constraint("period", "2025-05-01/2025-05-31"),)),
        ("lũ tháng 2 năm 2024", (Constraint("period", "2024-02-01/2024-02-29"),)),
        ("lũ từ tháng 9/2024 đến tháng 10/2024", (Constraint("period", "2024-09-01/2024-10-31"),)),
        ("lu tu 1/2/2024 den 15/2/2024", (Constraint("period", "2024-02-01/2024-02-15"),)),
        ("lũ từ năm 2020 đến năm 2022", (Constraint("period", "2020-01-01/2022-12-31"),)),
        ("lũ năm 2021", (Constraint("year", "2021"),)),  # an article may state the year without being dated then
        ("lũ ngày 15/3/2024", (Constraint("year", "2024"),)),  # a day dates the event, reported days later
        ("lũ tháng 13/2024", (Constraint("year", "2024"),)),  # no such month
        ("Tuần này lũ ở đâu?", (Constraint("recent", "week"),)),
    ],
)
def test_a_question_bounds_a_period_by_month_or_from_and_to(question, constraints):
    assert constraints_of(question) == constraints


def test_newest_is_read_from_moi_nhat_and_gan_day():
    assert analyse("Tin mới nhất về lũ sông Gianh").newest
    assert analyse("gan day Quang Binh so tan bao nhieu ho dan").newest
    assert not analyse(QUESTION + "?").newest


def test_a_month_keeps_only_articles_published_that_month(index):
    # The book fair of 20/5/2025 shares "người dân" with the question: a weak candidate, but of that month.
    assert sorted(articles_for(index, QUESTION + " tháng 5/2025?")) == ["lu-3", "lu-4", "sach-1"]


def test_from_and_to_keeps_only_articles_published_between(index):
    assert sorted(articles_for(index, QUESTION + " từ tháng 9/2024 đến tháng 10/2024?")) == ["lu-1", "lu-2"]
    assert sorted(articles_for(index, QUESTION + " từ 5/10/2024 đến 12/5/2025?")) == ["lu-2", "lu-3"]


@pytest.mark.parametrize(
    ("words", "today", "expected"),
    [
        ("hôm nay", dt.date(2025, 5, 19), ["lu-4"]),
        ("hôm qua", dt.date(2025, 5, 20), ["lu-4", "sach-1"]),
        ("tuần này", dt.date(2025, 5, 19), ["lu-3", "lu-4"]),
        ("tháng này", dt.date(2025, 5, 31), ["lu-3", "lu-4", "sach-1"]),
    ],
)
def test_today_yesterday_this_week_and_this_month_count_from_the_answerers_today(index, words, today, expected):
    assert sorted(articles_for(index, f"{words.capitalize()} {QUESTION}?", today)) == expected


def test_an_article_without_a_date_never_matches_a_date_filter(index):
    assert "lu-5" in articles_for(index, QUESTION + "?")
    for bounded in (" tháng 5/2025?", " từ năm 2020 đến năm 2026?", " năm nay?"):
        assert "lu-5" not in articles_for(index, QUESTION + bounded)


def test_when_no_article_is_of_the_asked_time_the_closest_are_shown_but_none_answers(index):
    answer = Answerer(index, today=lambda: dt.date(2025, 5, 20)).answer(QUESTION + " tháng 1/2023?")
    assert answer.status is not Status.ANSWER
    assert answer.findings and not any(f.article.date and f.article.date.year == 2023 for f in answer.findings)


def test_when_the_articles_of_the_asked_time_are_not_relevant_the_closest_are_shown_but_none_answers(index):
    # The book fair of 20/5/2025 is published "today" and shares only "người dân" with the question.
    answer = Answerer(index, today=lambda: dt.date(2025, 5, 21)).answer(f"Hôm nay {QUESTION}?")
    assert answer.status is Status.UNSURE
    assert answer.best is not None and answer.best.article.id.startswith("lu-")
    assert "sach-1" in [hit.article.id for hit in Index.search(index, "người dân hội chợ sách")]


def test_newest_puts_the_relevant_articles_newest_first_and_the_undated_last(index):
    # The book fair, newest of all, scores under half the best: it stays after them.
    assert articles_for(index, f"Tin mới nhất: {QUESTION}?") == ["lu-4", "lu-3", "lu-2", "lu-1", "lu-5", "sach-1"]


def test_a_month_dating_the_event_asked_about_is_met_by_an_article_stating_it_though_published_later():
    # Reported in June, the trip of late March: the question's "tháng 3/2019" dates the trip, not the report.
    articles = [
        Article(
            "japan-1",
            "Lãnh đạo Sóc Trăng nói về chuyến đi Nhật",
            ("Tối 12/6, ông Trương Hoài Phong khẳng định đã tự bỏ tiền túi cho chuyến đi Nhật cuối tháng 3/2019.",),
            dt.date(2019, 6, 13),
        ),
        Article(
            "japan-2",
            "Sóc Trăng kiểm điểm cán bộ",
            ("Ông Phạm Minh Tiền xác nhận đã tự bỏ tiền túi cho chuyến đi Nhật cùng đoàn.",),
            dt.date(2019, 6, 14),
        ),
        Article("fair-1", "Hội chợ sách mùa hè", ("Sáng 20/5, Hà Nội khai mạc hội chợ sách.",), dt.date(2019, 5, 20)),
    ]
    answerer = Answerer(Index.from_articles(articles), today=lambda: dt.date(2019, 7, 1))
    stated = answerer.answer("Ai khẳng định tự bỏ tiền túi cho chuyến đi Nhật cuối tháng 3/2019?")
    assert stated.best is not None and stated.best.article.id == "japan-1"
    assert stated.evidence is not None and stated.evidence.disagreements == ()
    unstated = answerer.answer("Ông Phạm Minh Tiền tự bỏ tiền túi cho chuyến đi Nhật tháng 3/2019 phải không?")
    assert unstated.best is not None and unstated.best.article.id == "japan-2"
    assert unstated.evidence is not None
    assert unstated.evidence.disagreements == (Constraint("period", "2019-03-01/2019-03-31"),)


def test_the_months_an_article_states_are_read_but_not_a_documents_number_coded_with_its_year():
    facts = ArticleFacts(
        Article("x", "Tin", ("Ngày 12/11/2017, ông Tập thăm Việt Nam theo Nghị định 11/2014/NĐ-CP; tháng 6 năm 2015.",))
    )
    assert facts.months == {(2017, 11), (2015, 6)}
    assert facts.states_period("2017-11-01/2017-11-30") and not facts.states_period("2014-11-01/2014-11-30")
