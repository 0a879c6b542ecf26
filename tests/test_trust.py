"""Answers people can trust: a sentence is shown as the answer only with evidence that it answers.

The fixture corpus (tests/fixtures/trust, beside the shipped and fixture articles) holds an award
ceremony with a photo caption and two counts, a 2018 review of Chỉ thị 08 after 5 years, a
scraped page whose sentences and byline are glued together, and storm number 3 in Quảng Ninh.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answer import Answerer, Status
from bot.corpus import Article, read_corpus
from bot.evidence import MODEL_FILE, ArticleFacts, ConfidenceModel, Evidence
from bot.index import Index
from bot.question import Constraint, Kind, analyse, constraints_of
from bot.reply import UNSURE_TEXT, format_reply, plain_text

ROOT = Path(__file__).resolve().parent.parent
TRUST = Path(__file__).resolve().parent / "fixtures" / "trust"
CORPORA = [ROOT / "corpus", Path(__file__).resolve().parent / "fixtures" / "corpus", TRUST]
TODAY = dt.date(2024, 2, 8)


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    articles, problems = read_corpus(CORPORA)
    assert problems == [] and len(articles) >= 8
    return Answerer(Index.from_articles(articles), today=lambda: TODAY)


def highlighted(answer) -> str:
    start, end = answer.best.highlight
    return answer.best.sentence[start:end]


def test_how_many_counts_the_asked_noun_with_the_asked_verb(answerer):
    answer = answerer.answer("Bao nhiêu tác phẩm đoạt giải Báo chí về xây dựng Đảng Bình Định?")
    assert answer.status is Status.ANSWER
    assert highlighted(answer) == "30 tác phẩm"  # not the 500 entries received


def test_the_figure_achieved_is_answered_not_the_target(answerer):
    answer = answerer.answer("Đảng ủy Khối Doanh nghiệp Nghệ An kết nạp bao nhiêu đảng viên mới?")
    assert answer.status is Status.ANSWER
    assert highlighted(answer) == "1.250 đảng viên"


def test_a_photo_caption_does_not_answer_who_chaired(answerer):
    answer = answerer.answer("Ai chủ trì lễ trao Giải Báo chí về xây dựng Đảng Bình Định?")
    assert answer.status is Status.ANSWER
    assert (
        answer.best.sentence
        == "Phó Bí thư Thường trực Tỉnh ủy Lê Kim Toàn chủ trì buổi lễ và trao giải A cho các tác giả."
    )
    assert highlighted(answer) == "Lê Kim Toàn"


@pytest.mark.parametrize(
    "question",
    [
        "Ai chủ trì hội nghị sơ kết Chỉ thị 08 năm 2024?",  # the article is from 2018
        "Ai chủ trì hội nghị sơ kết 3 năm thực hiện Chỉ thị 08?",  # the article reviews 5 years
        "Ai chủ trì hội nghị sơ kết Chỉ thị 18 của Đảng ủy Khối Doanh nghiệp Nghệ An?",  # another directive
        "Ai chủ trì hội nghị sơ kết 5 năm thực hiện Chỉ thị 08 của Đảng ủy Khối Doanh nghiệp Hà Tĩnh?",  # another province
    ],
)
def test_a_question_the_article_contradicts_is_never_answered_from_it(answerer, question):
    answer = answerer.answer(question)
    assert answer.status is not Status.ANSWER
    assert not any("Hoàng Văn Hải" in f.sentence and f is answer.best and answer.found for f in answer.findings)


def test_the_matching_question_is_answered_from_the_same_article(answerer):
    answer = answerer.answer("Ai chủ trì hội nghị sơ kết 5 năm thực hiện Chỉ thị 08 ở Nghệ An năm 2018?")
    assert answer.status is Status.ANSWER
    assert highlighted(answer) == "Hoàng Văn Hải"


@pytest.mark.parametrize(
    ("question", "constraints"),
    [
        ("Bão số 4 làm bao nhiêu nhà tốc mái ở Quảng Ninh?", [("numbered", "bao 4"), ("place", "quang ninh")]),
        ("tuyen metro so 5 cua TPHCM cham tien do?", [("numbered", "metro 5"), ("place", "tp hcm")]),
        ("Sài Gòn có bao nhiêu tuyến metro?", [("place", "tp hcm")]),  # one city, however it is spelled
        ("Bí thư Tỉnh ủy Thừa Thiên - Huế là ai?", [("place", "thua thien hue")]),
        ("Quyết định số 12 giữ gìn hòa bình", [("document", "#qd12")]),  # a document's "số"; peace, not Hòa Bình
        # A district or commune by its first two capitalised syllables: a person's name may follow.
        (
            "Chủ tịch quận Liên Chiểu Dương Thành Thị bị kỷ luật ngày nào?",
            [("place", "lien chieu"), ("person", "duong thanh thi")],
        ),
        ("Công an TP Thủ Dầu Một khởi tố ai?", [("place", "thu dau")]),
        ("Bí thư TP Hà Nội là ai?", [("place", "ha noi")]),  # a province, however it is introduced
        ("Quận 3 phạt xe đậu trên vỉa hè bao nhiêu tiền?", [("place", "quan 3")]),  # a district by its number
        ("Chùa ở phường 12, quận 10 khánh thành khi nào?", [("place", "phuong 12"), ("place", "quan 10")]),
        ("Quân khu 3 diễn tập ở đâu?", []),  # an army's region, no district
        ("Ông Hoàng Văn Hải chủ trì hội nghị nào?", [("person", "hoang van hai")]),  # a person named in full
        # "năm nay", "hôm nay" are today's year or day, but after a number or "mấy" they count a duration.
        ("Năm nay Hà Nội khen bao nhiêu tập thể?", [("place", "ha noi"), ("recent", "year")]),
        ("Mấy hôm nay có tin gì về Chỉ thị 05?", [("document", "#ct5")]),
        ("Ba năm nay Hà Nội khen bao nhiêu tập thể?", [("place", "ha noi")]),
        ("Hơn 20 năm nay Hà Nội khen bao nhiêu tập thể?", [("years", "20"), ("place", "ha noi")]),
        ("Giá xăng RON 95 hôm nay bao nhiêu?", [("recent", "day")]),  # a grade's number, then today
        # A province's delegation ("đoàn"), not a person surnamed Đoàn; a Đoàn named in full is a person.
        ("Đoàn Cà Mau dự hội chợ ở Australia vào tháng mấy?", [("place", "ca mau")]),
        ("Ông Đoàn Ngọc Hải từ chức khi nào?", [("person", "doan ngoc hai")]),
        # A person's name right after a province's that ends with a family name ("Đắk Nông Nguyễn Bốn").
        (
            "Chủ tịch UBND tỉnh Đắk Nông Nguyễn Bốn bị kỷ luật ngày nào?",
            [("place", "dak nong"), ("person", "nguyen bon")],
        ),
        # … nor a committee's delegation ("Đoàn Uỷ ban Kinh tế").
        ("Đoàn Uỷ ban Kinh tế của Quốc hội xuống Đồng Nai làm việc hôm nào?", [("place", "dong nai")]),
        # The ordinal a few words after "lần", not a weekday ("vào thứ ba").
        ("Lần lấy phiếu tín nhiệm thứ ba, Quốc hội dành bao nhiêu phút?", [("ordinal", "3")]),
        ("Lần họp vào thứ ba có bao nhiêu đại biểu?", []),
    ],
)
def test_a_question_names_numbered_things_and_provinces_its_article_must_name_too(question, constraints):
    assert constraints_of(question) == tuple(Constraint(kind, value) for kind, value in constraints)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # A duration up to now is what the question says, and searched for: "20 năm nay" stays in its topic.
        ("Hơn 20 năm nay Hà Nội khen bao nhiêu tập thể?", "Hơn 20 năm nay Hà Nội khen tập thể"),
        # "năm nay" as this year filters the articles by date: it is not searched for.
        ("Năm nay Hà Nội khen bao nhiêu tập thể?", "Hà Nội khen tập thể"),
    ],
)
def test_a_duration_up_to_now_stays_in_the_topic_and_this_year_does_not(question, words):
    assert " ".join(re.findall(r"\w+", analyse(question).topic)) == words


@pytest.mark.parametrize(
    ("question", "disagrees"),
    [
        ("Báo cáo điều hành của Chính phủ năm 2016 do ai trình bày?", True),  # the article's report is of 2017
        ("Báo cáo điều hành của Chính phủ năm 2017 do ai trình bày?", False),
        ("Báo cáo điều hành của Chính phủ từ năm 2017 do ai trình bày?", False),
        ("Đầu năm 2016, ai trình bày báo cáo điều hành của Chính phủ?", False),  # a time, not the report's year
    ],
)
def test_a_phrase_dated_by_another_year_in_the_article_contradicts_the_question(question, disagrees):
    article = Article(
        "r-1",
        "Hội nghị Chính phủ với địa phương",
        ("Phó Thủ tướng trình bày Báo cáo điều hành của Chính phủ năm 2017.", "Năm 2016 tăng trưởng 6,2%."),
    )
    constraints = analyse(question).constraints
    assert bool(ArticleFacts(article).disagrees(constraints, TODAY)) is disagrees


@pytest.mark.parametrize(
    ("text", "disagrees"),
    [
        ("Kim Yo - jong được bổ nhiệm vào tháng 10/2017.", False),
        ("Kim Yo-jong được bổ nhiệm.", False),
        ("Kim Jong-un được bầu lại.", True),
    ],
)
def test_an_article_names_the_asked_person_with_a_hyphen_spaced_or_not(text, disagrees):
    article = Article("r-3", "Bổ nhiệm ở Triều Tiên", (text,))
    constraints = analyse("Kim Yo-jong được bổ nhiệm ủy viên dự khuyết khi nào?").constraints
    assert constraints == (Constraint("person", "kim yo-jong"),)
    assert bool(ArticleFacts(article).disagrees(constraints, TODAY)) is disagrees


@pytest.mark.parametrize(
    ("text", "disagrees"),
    [
        ("Đoàn công tác của THÀNH PHỐ HỒ CHÍ MINH thăm hỏi bà con.", False),  # capitals
        ("Đoàn công tác của TP\nHCM thăm hỏi bà con.", False),  # broken across lines
        ("Đoàn công tác của Sai Gon thăm hỏi bà con.", False),  # typed without diacritics
        ("Đoàn công tác của Hà Nội thăm hỏi bà con.", True),
        ("Đoàn công tác của TP HCMC thăm hỏi bà con.", True),  # a longer word is not the city's name
    ],
)
def test_an_article_names_the_asked_province_however_it_is_accented_cased_or_spaced(text, disagrees):
    article = Article("r-2", "Thăm hỏi bà con vùng lũ", (text,))
    constraints = analyse("Đoàn công tác của TP.HCM thăm hỏi bà con ở đâu?").constraints
    assert [c.kind for c in constraints] == ["place"]
    assert bool(ArticleFacts(article).disagrees(constraints, TODAY)) is disagrees


@pytest.mark.parametrize(
    ("question", "disagrees"),
    [
        # Another law of the same first words is another law.
        ("Dự án Luật Thi hành án dân sự sửa đổi có bao nhiêu chương?", True),
        ("du an luat thi hanh an hinh su sua doi co bao nhieu chuong", False),
        ("Luật Phòng chống tham nhũng sửa đổi có bao nhiêu chương?", True),
        # A law named by the first words of a longer title the article gives.
        ("Luật Giáo dục sửa đổi có bao nhiêu chương?", False),
        ("Luật Giáo dục đại học sửa đổi có bao nhiêu chương?", True),
    ],
)
def test_a_law_the_question_names_by_its_title_must_be_named_by_the_article(question, disagrees):
    article = Article(
        "r-3",
        "Quốc hội thảo luận dự án luật",
        ("Dự án Luật Thi hành án hình sự (sửa đổi) có 16 chương.", "Luật Giáo dục nghề nghiệp có 9 chương."),
    )
    constraints = analyse(question).constraints
    assert [c.kind for c in constraints] == ["law"]
    assert bool(ArticleFacts(article).disagrees(constraints, TODAY)) is disagrees


@pytest.mark.parametrize(
    "sentence",
    [
        "Ông Nhân bị truy tố về tội vu khống theo Điều 156, Bộ luật Hình sự.",
        "Ông Vũ bị khởi tố (theo điều 263 Bộ luật Hình sự) hôm qua.",
        "Tội danh được quy định tại “Bộ luật Hình sự”: điều 156.",
    ],
)
def test_a_law_named_before_a_full_stop_a_bracket_or_a_quote_is_named(sentence):
    article = Article("r-4", "Truy tố giám đốc", (sentence,))
    constraints = analyse("Ông Nhân bị truy tố theo điều nào của Bộ luật Hình sự?").constraints
    assert [c.kind for c in constraints] == ["law"]
    assert ArticleFacts(article).disagrees(constraints, TODAY) == ()


def test_a_yes_no_questions_province_is_the_claim_it_checks_not_a_constraint():
    question = analyse("Ông Hoàng Văn Hải là Bí thư Đảng ủy Khối Doanh nghiệp Hà Tĩnh phải không?")
    assert [c for c in question.constraints if c.kind == "place"] == []


@pytest.mark.parametrize(
    "question",
    [
        "Bão số 4 làm bao nhiêu ngôi nhà ở Quảng Ninh bị tốc mái?",  # the article is about storm number 3
        "Bão số 3 làm bao nhiêu ngôi nhà ở Thái Bình bị tốc mái?",  # and about Quảng Ninh
        "Hà Tĩnh thu gom được bao nhiêu tấn cặn dầu ở xã Kỳ Ninh?",  # the oil came ashore at xã Kỳ Lợi
        "Phó Chủ tịch UBND tỉnh Nguyễn Văn Lĩnh chỉ đạo làm sạch bờ biển Kỳ Lợi trước ngày nào?",  # Nguyễn Hồng Lĩnh did
    ],
)
def test_another_storm_number_province_or_commune_is_not_answered_from_the_article(answerer, question):
    assert answerer.answer(question).status is Status.UNSURE


@pytest.mark.parametrize(
    "question",
    [
        "Đảng ủy Khối Doanh nghiệp Nghệ An kết nạp bao nhiêu người?",
        "dang uy khoi doanh nghiep nghe an ket nap bao nhieu nguoi?",
    ],
)
def test_the_counted_noun_is_said_by_a_span_of_its_kind(answerer, question):
    # "1.250 đảng viên" counts people: the sentence need not say "người".
    answer = answerer.answer(question)
    assert highlighted(answer) == "1.250 đảng viên"
    assert (answer.evidence.sentence_share, answer.evidence.own_share) == pytest.approx((1.0, 1.0))


def test_an_ambiguous_abbreviation_is_weighed_in_the_reading_the_sentence_uses(answerer):
    # "TU" is Tỉnh ủy or Thành ủy; the sentence says "Thành ủy Hà Nội": it need not say "tỉnh ủy" too.
    typed = answerer.answer("PBT TU Hà Nội nào tới dự hội nghị sơ kết Chỉ thị 05?")
    written = answerer.answer("Phó bí thư Thành ủy Hà Nội nào tới dự hội nghị sơ kết Chỉ thị 05?")
    assert typed.best.sentence == written.best.sentence == "Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong."
    shares = ("sentence_share", "own_share", "article_share", "missing_rare", "compound_share")
    assert [getattr(typed.evidence, s) for s in shares] == pytest.approx([getattr(written.evidence, s) for s in shares])


def test_a_sentence_that_itself_states_the_questions_place_and_person_is_stronger_evidence(answerer):
    question = "Phó Chủ tịch UBND tỉnh Nguyễn Hồng Lĩnh chỉ đạo làm sạch bờ biển xã Kỳ Lợi trước ngày nào?"
    answer = answerer.answer(question)
    assert (
        answer.best.sentence
        == "Phó Chủ tịch UBND tỉnh Nguyễn Hồng Lĩnh chỉ đạo hoàn thành việc làm sạch bờ biển trước ngày 10/2."
    )
    assert answer.evidence.sentence_states == 0.5  # the person, not the commune (said in another sentence)


def test_the_storm_province_and_commune_the_article_names_are_answered_from_it(answerer):
    answer = answerer.answer("Bão số 3 làm bao nhiêu ngôi nhà ở Quảng Ninh bị tốc mái?")
    assert answer.status is Status.ANSWER
    assert highlighted(answer) == "1.200 ngôi nhà"
    answer = answerer.answer("Hà Tĩnh thu gom được bao nhiêu tấn cặn dầu ở xã Kỳ Lợi?")
    assert answer.status is Status.ANSWER
    assert highlighted(answer) == "12 tấn cặn"


def test_today_is_vietnam_today_so_an_old_article_is_no_answer_for_hom_nay(answerer):
    answer = answerer.answer("Hôm nay Hà Tĩnh thu gom được bao nhiêu tấn cặn dầu?")
    assert answer.status is Status.ANSWER  # the article is dated 7/2/2024, "today" is 8/2/2024
    stale = Answerer(answerer.index, today=lambda: dt.date(2024, 3, 8)).answer(
        "Hôm nay Hà Tĩnh thu gom được bao nhiêu tấn cặn dầu?"
    )
    assert stale.status is Status.UNSURE


def test_glued_sentences_and_byline_are_separate_answers(answerer):
    answer = answerer.answer("Hà Tĩnh thu gom được bao nhiêu tấn cặn dầu ở Kỳ Lợi?")
    assert answer.best.sentence == "Lực lượng chức năng đã thu gom được 12 tấn cặn dầu sau hai ngày."
    officer = answerer.answer("Ai chỉ đạo làm sạch bờ biển Kỳ Lợi trước ngày 10/2?")
    assert highlighted(officer) == "Nguyễn Hồng Lĩnh"  # "UBND tỉnh Nguyễn Hồng Lĩnh" is a person, not a place


def test_an_unsure_reply_says_so_and_lists_the_closest_articles_with_their_best_sentence(answerer):
    answer = answerer.answer("Ai chủ trì hội nghị sơ kết Chỉ thị 08 năm 2024?")
    assert answer.status is Status.UNSURE
    reply = format_reply(answer)
    assert reply.startswith(UNSURE_TEXT + "\n\n1. 📰 ")
    shown = plain_text(reply)
    assert "Đảng ủy Khối Doanh nghiệp tỉnh Nghệ An sơ kết 5 năm thực hiện Chỉ thị 08-CT/TW" in shown
    assert "Nguồn: NA · 14:00 20/03/2018" in shown
    assert "Đồng chí Hoàng Văn Hải, Bí thư Đảng ủy Khối chủ trì hội nghị." in shown
    assert "<b>Hoàng Văn Hải</b>" not in reply  # nothing is presented as the answer
    assert 2 <= reply.count("📰") <= 3


def test_an_unsure_reply_links_titles_that_have_a_url(answerer):
    answer = answerer.answer("Hôm qua ai chỉ đạo làm sạch bờ biển Kỳ Lợi?")
    stale = Answerer(answerer.index, today=lambda: dt.date(2024, 5, 1)).answer(answer.question)
    assert stale.status is Status.UNSURE
    assert (
        '<a href="https://example.vn/ha-tinh-dau?id=7">Hà Tĩnh khắc phục sự cố tràn dầu ở Kỳ Anh</a>'
        in format_reply(stale)
    )


def test_the_cli_json_says_answer_unsure_or_not_found(tmp_path):
    questions = tmp_path / "q.txt"
    questions.write_text(
        "Bao nhiêu tác phẩm đoạt giải Báo chí về xây dựng Đảng Bình Định?\n"
        "Ai chủ trì hội nghị sơ kết 3 năm thực hiện Chỉ thị 08?\n"
        "Giá vàng hôm nay bao nhiêu?\n",
        encoding="utf-8",
    )
    arguments = [sys.executable, "-m", "bot", "ask", "--json", "--batch", str(questions)]
    for corpus in CORPORA:
        arguments += ["--corpus", str(corpus)]
    result = subprocess.run(
        arguments,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "CACHE_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["status"], r["found"]) for r in records] == [
        ("answer", True),
        ("unsure", False),
        ("not_found", False),
    ]
    assert records[1]["answer"] is None and records[1]["reply"].startswith(UNSURE_TEXT)


def test_a_photo_caption_is_never_a_sure_answer(answerer):
    answer = answerer.answer("Ai là Phó Trưởng ban Tuyên giáo Tỉnh ủy Bình Định?")
    # Only the caption names him: a body sentence comes first, and nothing is vouched for.
    assert not answer.best.hit.caption
    assert answer.status is Status.UNSURE


@pytest.mark.parametrize("query", ["Chỉ thị 08", "chi thi 08", "CT 08"])
def test_a_short_query_gets_the_articles_never_a_single_sentence(answerer, query):
    answer = answerer.answer(query)
    assert answer.status is Status.UNSURE and answer.search
    reply = format_reply(answer)
    assert reply.startswith(f"Các bài viết phù hợp nhất với «{query}»:\n\n1. 📰 ")
    assert answer.findings[0].article.id == "002_so_ket_chi_thi"


def test_a_question_with_a_question_word_is_no_search(answerer):
    assert not answerer.answer("Chỉ thị 08 nói về gì?").search
    assert not answerer.answer("có phải ông Hoàng Văn Hải chủ trì không").search


@pytest.mark.parametrize(
    ("sentence", "contradicted"),
    [
        ("Quốc hội khóa XIII bế mạc kỳ họp cuối.", [("ordinal", "12")]),  # another term of office
        ("Quốc hội khóa XII bế mạc kỳ họp cuối.", []),
        ("Quốc hội bế mạc kỳ họp cuối.", []),  # says nothing of it: not a contradiction
        ("Năm 2017, bão số 4 làm sập 12 ngôi nhà.", [("year", "2016"), ("numbered", "bao 3")]),
        ("Năm 2016, bão số 3 và tuyến số 2 bị ảnh hưởng.", []),  # "tuyến 2" is no other storm
    ],
)
def test_a_sentence_stating_another_year_session_or_number_contradicts_the_question(sentence, contradicted):
    asked = (Constraint("ordinal", "12"), Constraint("year", "2016"), Constraint("numbered", "bao 3"))
    said = ArticleFacts(Article("s-1", "Tin tổng hợp", (sentence,)))
    assert said.contradicts(asked) == tuple(Constraint(kind, value) for kind, value in contradicted)


def test_an_answer_whose_sentence_gives_another_year_than_asked_is_not_sure():
    articles = [
        Article(
            "y-1",
            "Tỉnh A tổng kết thu ngân sách",
            (
                "Tỉnh A được tái lập năm 2015.",
                "Năm 2016, tỉnh A thu ngân sách đạt 10.000 tỷ đồng.",
            ),
        ),
        Article("y-2", "Tỉnh B khánh thành cầu mới", ("Năm 2019, tỉnh B khánh thành cầu Bến Lức dài 2 km.",)),
        Article("y-3", "Tỉnh C trồng rừng", ("Tỉnh C trồng mới 500 ha rừng trong năm 2020.",)),
    ]
    answer = Answerer(Index.from_articles(articles), today=lambda: TODAY).answer(
        "Năm 2015 tỉnh A thu ngân sách đạt bao nhiêu?"
    )
    assert answer.best.sentence == "Năm 2016, tỉnh A thu ngân sách đạt 10.000 tỷ đồng."
    assert Constraint("year", "2015") in answer.evidence.disagreements  # the article names 2015, for another thing
    assert answer.status is Status.UNSURE


def test_an_answer_whose_clause_gives_another_year_than_asked_is_not_sure():
    # The sentence names the asked year only in another clause, as what it compares with.
    articles = [
        Article(
            "c-1",
            "Doanh nghiệp xây dựng thành lập mới",
            (
                "Trong 6 tháng đầu năm 2019, có 8.711 doanh nghiệp xây dựng mới được thành lập; tăng 22% so với"
                " cùng kỳ 2018.",
            ),
        ),
        Article("c-2", "Tỉnh B khánh thành cầu mới", ("Năm 2019, tỉnh B khánh thành cầu Bến Lức dài 2 km.",)),
        Article("c-3", "Tỉnh C trồng rừng", ("Tỉnh C trồng mới 500 ha rừng trong năm 2020.",)),
    ]
    answer = Answerer(Index.from_articles(articles), today=lambda: TODAY).answer(
        "Năm 2018 có bao nhiêu doanh nghiệp xây dựng được thành lập mới?"
    )
    assert highlighted(answer) == "8.711 doanh nghiệp"
    assert Constraint("year", "2018") in answer.evidence.disagreements
    assert answer.status is Status.UNSURE


def _evidence_of(kind: Kind) -> Evidence:
    """Evidence of a typed answer with nothing against it: only the model's probability decides."""
    return Evidence(
        agreement=0.0,
        kind=kind,
        span=True,
        disagreements=(),
        sentence_share=1.0,
        own_share=1.0,
        article_share=1.0,
        missing_rare=0.0,
        compound_share=1.0,
        near_share=1.0,
        caption=False,
        long_sentence=False,
        spans=1,
        near_span=1.0,
        prior=1.0,
        phrase_share=1.0,
        sentence_margin=1.0,
        article_ratio=0.5,
        top_article=True,
        unaccented=False,
    )


def test_a_kind_with_its_own_threshold_is_answered_from_it_and_the_others_from_the_common_one():
    # A bias alone: every sentence is 75% sure, between the kind's 0.7 and the common 0.8.
    model = ConfidenceModel({}, bias=math.log(0.75 / 0.25), threshold=0.8, kind_thresholds={"where": 0.7})
    assert model.is_sure(_evidence_of(Kind.WHERE))
    assert not model.is_sure(_evidence_of(Kind.WHO))


def test_a_date_opening_its_sentence_is_held_to_the_threshold_of_leading_dates():
    # 75% sure: over a leading date's 0.75, under the common 0.8 a date within the sentence is held to.
    model = ConfidenceModel({}, bias=math.log(0.75 / 0.25), threshold=0.8, kind_thresholds={"when_leading": 0.75})
    leading = dataclasses.replace(_evidence_of(Kind.WHEN), span_leads=True)
    assert model.is_sure(leading)
    assert not model.is_sure(_evidence_of(Kind.WHEN))
    assert not model.is_sure(dataclasses.replace(_evidence_of(Kind.WHO), span_leads=True))


@pytest.mark.parametrize(
    ("sentence", "leads"),
    [
        ("Ngày 21/12, Cơ quan An ninh điều tra ra quyết định truy nã ông Phan Văn Anh Vũ.", True),
        ("Lúc 11h20 ngày 21/12, Cơ quan An ninh điều tra ra quyết định truy nã ông Phan Văn Anh Vũ.", True),
        ("Cơ quan An ninh điều tra ra quyết định truy nã ông Phan Văn Anh Vũ vào ngày 21/12.", False),
    ],
)
def test_a_date_answer_says_whether_it_opens_its_sentence(sentence, leads):
    articles = [
        Article("l-1", "Truy nã ông Phan Văn Anh Vũ", (sentence,)),
        Article("l-2", "Tỉnh B khánh thành cầu mới", ("Năm 2019, tỉnh B khánh thành cầu Bến Lức dài 2 km.",)),
        Article("l-3", "Tỉnh C trồng rừng", ("Tỉnh C trồng mới 500 ha rừng trong năm 2020.",)),
    ]
    answer = Answerer(Index.from_articles(articles), today=lambda: TODAY).answer(
        "Cơ quan An ninh điều tra ra quyết định truy nã ông Phan Văn Anh Vũ ngày nào?"
    )
    assert highlighted(answer).endswith("21/12") and answer.evidence.span_leads is leads


def test_the_shipped_model_reads_its_kind_thresholds():
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))["confidence"]
    model = ConfidenceModel.load()
    assert {kind.value: model.threshold_for(kind) for kind in Kind} == {
        kind.value: shipped.get("kind_thresholds", {}).get(kind.value, shipped["threshold"]) for kind in Kind
    }
