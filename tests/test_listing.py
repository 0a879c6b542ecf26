"""Browsing replies: a document's card and the articles citing it, the newest articles, the corpus summary."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from pathlib import Path

import pytest

from bot.corpus import Article, read_corpus
from bot.documents import build_registry
from bot.listing import (
    corpus_summary,
    document_not_found,
    document_pages,
    document_usage,
    format_candidates,
    format_document_page,
    format_newest_page,
    newest_pages,
)
from bot.reply import plain_text
from bot.service import Library, newest_first

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    return Library.open([DOCUMENTS], tmp_path_factory.mktemp("cache"), workers=1)


def _article(number: int, date: dt.date | None) -> Article:
    return Article(id=str(number), title=f"Bài {number}", paragraphs=("Nội dung.",), date=date)


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ([dt.date(2021, 4, 2)] + [None] * 7890, "7.891 bài viết, 1 bài có ngày đăng (02/04/2021)"),
        (
            [dt.date(2024, 5, 1), None, dt.date(2023, 1, 9)],
            "3 bài viết, 2 bài có ngày đăng (từ 09/01/2023 đến 01/05/2024)",
        ),
        ([dt.date(2024, 5, 1), dt.date(2023, 1, 9)], "2 bài viết, đăng từ 09/01/2023 đến 01/05/2024"),
        ([dt.date(2021, 4, 2)], "1 bài viết, đăng ngày 02/04/2021"),
        ([None, None], "2 bài viết (chưa bài nào ghi ngày đăng)"),
    ],
)
def test_the_corpus_summary_says_how_many_articles_carry_a_date_and_their_range(dates, expected):
    articles = [_article(n, d) for n, d in enumerate(dates)]
    assert plain_text(corpus_summary(articles)) == expected


def test_a_number_names_both_directives_and_a_code_names_one(library):
    assert [d.name for d in library.find_documents("05")] == ["Chỉ thị số 05-CT/TW", "Chỉ thị số 05/CT-TTg"]
    assert plain_text(format_candidates("05", library.find_documents("05"))) == (
        "Có 2 văn bản khớp với «05». Bạn muốn xem văn bản nào?"
    )
    assert [d.name for d in library.find_documents("chỉ thị 05 của Thủ tướng")] == ["Chỉ thị số 05/CT-TTg"]


def test_a_document_card_states_who_when_what_and_the_sentence_then_the_citing_articles_newest_first(library):
    (directive,) = library.find_documents("05-CT/TW")
    card = library.document_card(directive.key)
    assert [a.id for a in card.citing] == ["vb-5", "vb-3", "vb-1", "vb-6", "vb-2"]
    assert document_pages(card.citing) == 1
    reply = format_document_page(card.document, card.citing, card.articles)
    assert plain_text(reply) == (
        "📄 Chỉ thị số 05-CT/TW\n"
        "Cơ quan ban hành: Bộ Chính trị\n"
        "Ngày ban hành: 15/05/2016\n"
        "Về: đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\n"
        "«Sáng 2/4, Thành ủy Hà Nội sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị "
        "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.»\n"
        "— Hà Nội sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW · 09:00 02/04/2021 · Báo Hà Nội Mới\n"
        "Số bài viết nhắc đến: 5\n\n"
        "Các bài viết nhắc đến, mới nhất trước:\n\n"
        "1. Học tập & làm theo Bác: <kinh nghiệm> từ cơ sở\n10/01/2024 · Báo Bắc Giang\n"
        "2. Bắc Ninh sắp xếp tổ chức bộ máy\n12/03/2023 · Báo Bắc Ninh\n"
        "3. Hà Nội sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW\n09:00 02/04/2021 · Báo Hà Nội Mới\n"
        "4. Quận Ba Đình tuyên dương điển hình làm theo Bác\n10:00 20/11/2020 · Báo Hà Nội Mới\n"
        "5. Công an Nghệ An sơ kết một năm thực hiện chỉ thị về quy hoạch\n05/06/2019 · Báo Công an Nghệ An"
    )
    assert '<a href="https://example.vn/hoc-tap?x=1&amp;y=&lt;2&gt;">Học tập &amp; làm theo Bác: &lt;kinh' in reply


def test_an_issuer_read_from_the_code_alone_says_so_and_a_year_stands_for_an_unknown_day(library):
    (directive,) = library.find_documents("05/CT-TTg")
    card = library.document_card(directive.key)
    shown = plain_text(format_document_page(card.document, card.citing, card.articles))
    assert "Cơ quan ban hành: Thủ tướng Chính phủ\nNăm ban hành: 2018\n" in shown
    undated = replace(card.document, issuer_citation=None, year=None)
    shown = plain_text(format_document_page(undated, card.citing, card.articles))
    assert "Cơ quan ban hành: Thủ tướng Chính phủ (theo ký hiệu văn bản)\nNgày ban hành: chưa rõ\n" in shown


def test_a_long_list_of_citing_articles_is_paged_and_numbered_on(library):
    (directive,) = library.find_documents("05-CT/TW")
    card = library.document_card(directive.key)
    many = card.citing * 3  # 15 articles: three pages
    assert document_pages(many) == 3
    second = plain_text(format_document_page(card.document, many, card.articles, 1))
    assert second.startswith("Chỉ thị số 05-CT/TW: các bài viết nhắc đến (2/3):\n\n6. ")
    assert "Về:" not in second
    assert plain_text(format_document_page(card.document, many, card.articles, 9)).startswith(
        "Chỉ thị số 05-CT/TW: các bài viết nhắc đến (3/3):\n\n11. "
    )


def test_the_newest_articles_are_the_dated_ones_newest_first_and_paged(library):
    newest = library.newest()
    assert [a.id for a in newest] == ["vb-5", "vb-3", "vb-1", "vb-6", "vb-2"]  # vb-4 has no date
    assert newest_pages(newest) == 1
    assert plain_text(format_newest_page(newest)).startswith(
        "Bài viết mới nhất (1/1, 5 bài có ngày đăng):\n\n1. Học tập & làm theo Bác: <kinh nghiệm> từ cơ sở\n"
        "10/01/2024 · Báo Bắc Giang\n2. Bắc Ninh"
    )
    many = [_article(n, dt.date(2024, 1, 1) - dt.timedelta(days=n)) for n in range(20)]
    assert newest_pages(many) == 3
    assert plain_text(format_newest_page(many, 2)).startswith(
        "Bài viết mới nhất (3/3, 20 bài có ngày đăng):\n\n17. Bài 16\n"
    )
    assert format_newest_page([]) == "Kho chưa có bài viết nào ghi ngày đăng, nên tôi chưa biết bài nào mới nhất."


@pytest.mark.corpus
def test_on_the_news_corpora_the_summary_counts_the_dated_articles_and_the_newest_come_first(politics_corpus):
    dated, _ = read_corpus([politics_corpus.with_name("vnexpress-2024.jsonl.gz")])
    # 716 lines, 14 of them nothing but page furniture ("Video nổi bật …", "Subscribe the VnExpress …").
    assert plain_text(corpus_summary(dated)) == "702 bài viết, 427 bài có ngày đăng (từ 12/04/2006 đến 18/02/2024)"
    newest = newest_first(a for a in dated if a.date)
    assert newest[0].date == dt.date(2024, 2, 18) and all(a.date >= b.date for a, b in itertools.pairwise(newest))
    undated, _ = read_corpus([politics_corpus, Path(__file__).resolve().parent.parent / "corpus"])
    assert plain_text(corpus_summary(undated)) == "7.891 bài viết, 1 bài có ngày đăng (02/04/2021)"


def test_the_vanban_example_is_a_numbered_document_even_when_a_law_is_cited_most():
    texts = [
        "Luật Đất đai năm 2013 quy định rõ.",
        "Luật Đất đai năm 2013 được áp dụng.",
        "Chỉ thị 05-CT/TW được quán triệt.",
    ]
    documents = build_registry(
        [Article(id=str(n), title="Tin", paragraphs=(t,)) for n, t in enumerate(texts)]
    ).documents
    assert documents[0].title == "Luật Đất đai"
    assert "<code>/vanban chỉ thị 05</code>" in document_usage(documents)
    assert document_not_found("luật 99", documents).endswith("<code>/vanban chỉ thị 05</code>")
