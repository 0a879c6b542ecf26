"""Articles (điều) of codes and laws: the registry reads those a sentence cites before a law's title, with the
offence it names for each, and answers what an article of the criminal code defines and which article a case
comes under from the sentence stating it.

The fixture corpus (tests/fixtures/provisions) charges Bùi Quang Huy under Điều 188 and 221 and two former
chairmen under Điều 219 and 229 of the 2015 code, tries a case under the 1999 code's Điều 229 (another offence),
and cites Điều 40 of the Luật Tổ chức Quốc hội (which defines no offence) in a story of a deputy resigning.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer import Answerer, Status
from bot.documents import Registry, registry_answer
from bot.question import analyse
from bot.store import build_index

PROVISIONS = Path(__file__).resolve().parent / "fixtures" / "provisions"


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    index, _ = build_index([PROVISIONS])
    assert len(index.articles) == 4
    return Answerer(index)


def test_the_articles_a_sentence_cites_before_a_laws_title_are_read_with_the_offence_written_before_each(answerer):
    # The offence in quotes after other words ("2 tội danh khác nhau gồm “Buôn lậu”") is what is quoted; an
    # article of a law other than the criminal code defines none, whatever "hành vi" stands before it.
    read = [
        (
            answerer.index.articles[p.citation.article].id,
            p.law,
            p.year,
            p.number,
            p.citation.sentence[slice(*p.span)],
            p.citation.sentence[slice(*p.offence)] if p.offence else None,
        )
        for p in answerer.index.documents.provisions
    ]
    assert read == [
        ("p-1", "Bộ luật Hình sự", 2015, 188, "khoản 4 Điều 188", "Buôn lậu"),
        (
            "p-1",
            "Bộ luật Hình sự",
            2015,
            221,
            "khoản 3 Điều 221 Bộ luật Hình sự năm 2015",
            "Vi phạm quy định về kế toán gây hậu quả nghiêm trọng",
        ),
        (
            "p-2",
            "Bộ luật Hình sự",
            2015,
            219,
            "Điều 219 Bộ luật Hình sự năm 2015",
            "Vi phạm quy định về quản lý, sử dụng tài sản nhà nước gây thất thoát, lãng phí",
        ),
        (
            "p-2",
            "Bộ luật Hình sự",
            2015,
            229,
            "Điều 229 Bộ luật Hình sự năm 2015",
            "Vi phạm các quy định của Nhà nước về quản lý đất đai",
        ),
        ("p-3", "Luật Tổ chức Quốc hội", None, 40, "Điều 40 Luật Tổ chức Quốc hội", None),
        (
            "p-4",
            "Bộ luật Hình sự",
            1999,
            229,
            "Điều 229 Bộ luật Hình sự năm 1999",
            "Vi phạm quy định về xây dựng gây hậu quả nghiêm trọng",
        ),
    ]


def test_the_provisions_survive_the_registrys_json(answerer):
    registry = answerer.index.documents
    again = Registry.from_json(registry.to_json(), len(answerer.index.articles))
    assert again.provisions == registry.provisions and len(again.provisions) == 6


@pytest.mark.parametrize(
    ("question", "article", "span"),
    [
        # What an article of the criminal code defines: the offence written before it.
        ("Điều 229 BLHS 2015 quy định tội gì?", "p-2", "Vi phạm các quy định của Nhà nước về quản lý đất đai"),
        ("dieu 188 bo luat hinh su nam 2015 la toi gi", "p-1", "Buôn lậu"),
        # Which article a case comes under: of the two the sentence cites, the one of the offence asked.
        ("Bùi Quang Huy bị khởi tố tội buôn lậu theo điều mấy?", "p-1", "khoản 4 Điều 188"),
        (
            "ông chủ Nhật Cường bị khởi tố tội vi phạm quy định về kế toán theo điều nào của BLHS?",
            "p-1",
            "khoản 3 Điều 221 Bộ luật Hình sự năm 2015",
        ),
    ],
)
def test_a_question_about_an_article_of_a_code_is_answered_from_the_sentence_citing_it(
    answerer, question, article, span
):
    answer = answerer.answer(question)
    best = answer.best
    assert answer.status is Status.ANSWER and best is not None and best.highlight is not None
    assert (best.article.id, best.sentence[slice(*best.highlight)]) == (article, span)


@pytest.mark.parametrize(
    "question",
    [
        # Điều 229 of the 1999 code and of the 2015 code are two offences: which code is meant is unknown.
        "Điều 229 Bộ luật Hình sự quy định tội gì?",
        # The sentence quotes Điều 40 on recalling a deputy, not what her resigning comes under.
        "Bà Mỹ Thanh xin thôi làm đại biểu Quốc hội theo điều nào của Luật Tổ chức Quốc hội?",
        # No sentence cites this article.
        "Điều 353 BLHS 2015 quy định tội gì?",
    ],
)
def test_an_article_the_citing_sentences_do_not_settle_gets_no_registry_answer(answerer, question):
    asked = analyse(question).document
    parts = (asked.fact, asked.name, asked.topic, asked.kind) if asked else (None, "", "", "")
    index = answerer.index
    assert registry_answer(index.documents, index.articles, question, *parts) is None
