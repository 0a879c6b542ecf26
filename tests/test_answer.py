"""The answer: the sentence that answers first, then its citation; or an honest "not found"."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from bot.answer import MAX_QUESTION_CHARS, Answer, Answerer, Finding, Status
from bot.corpus import Article
from bot.index import Index
from bot.reply import TELEGRAM_LIMIT, format_page, format_reply, plain_text

SEED_TITLE = "Đảng ủy Khối các cơ quan TP Hà Nội sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"
WHO_ATTENDED = "Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong."
TEN_COLLECTIVES = (
    "Nhân dịp này, Ban Thường vụ Thành ủy đã tặng Bằng khen cho 10 tập thể, 10 cá nhân có thành tích trong 5 năm "
    "thực hiện Chỉ thị 05-CT/TW; Ban Thường vụ Đảng ủy Khối tặng Giấy khen cho 10 tập thể, 10 cá nhân có thành "
    "tích trong 5 năm thực hiện Chỉ thị 05-CT/TW."
)


def spans_said(sentence: str, question: str) -> tuple[list[str], list[str]]:
    """The strong and the weak answer spans of `sentence` for `question`, as text."""
    from bot.question import analyse
    from bot.spans import answer_spans

    strong, weak = answer_spans(sentence, analyse(question))
    return [sentence[s:e] for s, e in strong], [sentence[s:e] for s, e in weak]


@pytest.mark.parametrize(
    "question",
    [
        "Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?",
        "ai toi du hoi nghi so ket 5 nam thuc hien chi thi 05",
        "Ai dự hội nghị sơ kết Chỉ thị 05 của Đảng ủy Khối?",
    ],
)
def test_who_attended_is_answered_with_the_sentence_naming_nguyen_van_phong(shipped_answerer, question):
    answer = shipped_answerer.answer(question)
    assert answer.found
    assert answer.best.sentence == WHO_ATTENDED
    reply = plain_text(format_reply(answer))
    assert reply.startswith(WHO_ATTENDED)
    assert SEED_TITLE in reply and "HNP" in reply and "02/04/2021" in reply


@pytest.mark.parametrize(
    "question",
    [
        "bao nhiêu tập thể được tặng Bằng khen của Ban Thường vụ Thành ủy",
        "bao nhieu tap the duoc tang bang khen cua ban thuong vu thanh uy",
        "BTV Thành uỷ tặng bằng khen cho mấy tập thể?",
    ],
)
def test_how_many_collectives_is_answered_with_the_sentence_holding_ten_collectives(shipped_answerer, question):
    answer = shipped_answerer.answer(question)
    assert answer.best.sentence == TEN_COLLECTIVES
    start, end = answer.best.highlight
    assert answer.best.sentence[start:end] == "10 tập thể"
    assert format_reply(answer).startswith(
        "Nhân dịp này, Ban Thường vụ Thành ủy đã tặng Bằng khen cho <b>10 tập thể</b>"
    )


def test_the_reply_cites_title_source_date_and_time_then_related_articles(mixed_answerer):
    reply = format_reply(mixed_answerer.answer("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?"))
    sentence, citation, *rest = reply.split("\n\n")
    assert sentence == "Tới dự có Phó Bí thư Thành ủy Hà Nội <b>Nguyễn Văn Phong</b>."
    assert citation == f"📰 <b>{SEED_TITLE}</b>\nNguồn: HNP · 15:30 02/04/2021"
    assert rest and rest[0].startswith("<b>Bài liên quan:</b>\n• ")
    assert len(rest[0].splitlines()) <= 3


def test_an_article_with_a_link_is_cited_with_it(mixed_answerer):
    answer = mixed_answerer.answer("Quảng Ninh đặt mục tiêu đón bao nhiêu lượt khách?")
    assert answer.best.sentence == "Tỉnh đặt mục tiêu đón 20 triệu lượt khách vào năm 2025."
    assert (
        '📰 <a href="https://example.vn/quang-ninh-du-lich?id=1&amp;lang=vi">'
        "Quảng Ninh triển khai Nghị quyết về phát triển du lịch biển</a>\nNguồn: Báo Quảng Ninh · 20/09/2022"
    ) in format_reply(answer)


@pytest.mark.parametrize(
    ("question", "sentence", "span"),
    [
        (
            "Ai chủ trì hội nghị tổng kết Nghị quyết 35?",
            "Đồng chí Trần Văn Nam, Phó Chủ tịch UBND thành phố chủ trì hội nghị.",
            "Trần Văn Nam",
        ),
        (
            "Có bao nhiêu cá nhân được tặng Giấy khen dịp tổng kết NQ 35?",
            "Dịp này, Ban Thường vụ Thành ủy tặng Giấy khen cho 15 tập thể và 22 cá nhân có thành tích xuất sắc.",
            "22 cá nhân",
        ),
        (
            "Hội nghị tổng kết NQ 35 ở Hà Nội diễn ra ở đâu?",
            "Hội nghị diễn ra tại Cung Văn hóa Hữu nghị Việt Xô.",
            "Cung Văn hóa Hữu nghị Việt Xô",
        ),
        (
            "Công an Nghệ An sơ kết Chỉ thị 31 vào ngày nào?",
            "Chiều 5/6, Công an tỉnh Nghệ An tổ chức hội nghị sơ kết một năm thực hiện Chỉ thị số 31/2018/CT-TTg của Thủ tướng Chính phủ.",
            "Chiều 5/6",
        ),
        (
            "công an nghệ an kiến nghị thu hồi bao nhiêu tiền",
            "Theo báo cáo, trong một năm, lực lượng công an đã kiểm tra 48 đơn vị và kiến nghị thu hồi 2,5 tỷ đồng.",
            "2,5 tỷ đồng",
        ),
    ],
)
def test_the_answering_sentence_is_chosen_for_the_kind_of_question(mixed_answerer, question, sentence, span):
    best = mixed_answerer.answer(question).best
    assert best.sentence == sentence
    start, end = best.highlight
    assert best.sentence[start:end] == span


def test_a_how_many_question_is_answered_from_the_sentence_holding_a_count_not_the_lead_that_has_none():
    """The lead says nearly every word of the question but no number; the sentence after it says how many."""
    lead = (
        "Sáng 5/12, tại kỳ họp thứ 7, HĐND TP Hà Nội thông qua Nghị quyết đặt tên, điều chỉnh độ dài một số "
        "tuyến đường."
    )
    articles = [
        Article(
            "duong", "HĐND Hà Nội thông qua nghị quyết đặt tên đường", (lead + " Có 42 tuyến phố được đặt tên mới.",)
        ),
        Article("metro", "Metro số 1 về đích năm 2020", ("Tuyến metro số 1 dài 19,7 km đã thi công đạt 63%.",)),
        Article(
            "hop", "Kỳ họp thứ 7 HĐND tỉnh Nghệ An", ("Kỳ họp thứ 7 HĐND tỉnh Nghệ An bế mạc sau 3 ngày làm việc.",)
        ),
    ]
    answer = Answerer(Index.from_articles(articles)).answer(
        "HĐND Hà Nội kỳ họp thứ 7 đặt tên mới cho bao nhiêu tuyến đường?"
    )
    start, end = answer.best.highlight
    assert (answer.best.sentence, answer.best.sentence[start:end]) == (
        "Có 42 tuyến phố được đặt tên mới.",
        "42 tuyến",
    )


@pytest.mark.parametrize(
    "question",
    [
        "Giá vàng hôm nay bao nhiêu?",
        "Kết quả trận Việt Nam gặp Thái Lan",
        "cach nau pho bo ngon",
        "Ngày mai trời có mưa không?",
    ],
)
def test_an_unrelated_question_is_declined_in_vietnamese(mixed_answerer, question):
    answer = mixed_answerer.answer(question)
    assert answer.status is Status.NOT_FOUND and answer.best is None
    reply = format_reply(answer)
    assert reply.startswith("Xin lỗi, tôi không tìm thấy thông tin trả lời câu hỏi này trong kho bài viết.")
    assert "diễn đạt lại" in reply


def test_a_question_with_invisible_characters_gets_the_answer_of_the_plain_question(shipped_answerer):
    answer = shipped_answerer.answer("Ai tới d\u200bự hội ngh\u00adị sơ kết 5 năm thực hiện Ch\u2060ỉ thị 05?")
    assert answer.status is Status.ANSWER and answer.best.sentence == WHO_ATTENDED


def test_a_question_is_measured_after_nfc_so_decomposed_accents_do_not_make_it_too_long(shipped_answerer):
    question = "Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?"
    padded = question.replace(" ", " " * (MAX_QUESTION_CHARS - len(question) + 1), 1)
    decomposed = unicodedata.normalize("NFD", padded)
    assert len(padded) == MAX_QUESTION_CHARS < len(decomposed)
    answer = shipped_answerer.answer(decomposed)
    assert answer.status is Status.ANSWER and answer.best.sentence == WHO_ATTENDED


@pytest.mark.parametrize(
    ("question", "status", "start"),
    [
        ("", Status.EMPTY, "Bạn hãy gõ một câu hỏi"),
        ("   \n\t ", Status.EMPTY, "Bạn hãy gõ một câu hỏi"),
        ("?!... ---", Status.EMPTY, "Bạn hãy gõ một câu hỏi"),
        ("ai là gì?", Status.NO_TERMS, "Câu hỏi chưa có từ khóa để tìm"),
        ("hội nghị " * 100, Status.TOO_LONG, f"Câu hỏi dài quá (tối đa {MAX_QUESTION_CHARS} ký tự)"),
    ],
)
def test_empty_punctuation_only_and_overlong_questions_get_a_short_clear_message(
    shipped_answerer, question, status, start
):
    answer = shipped_answerer.answer(question)
    assert answer.status is status
    assert format_reply(answer).startswith(start)


def test_markup_in_a_question_or_an_article_is_escaped(tmp_path):
    tricky = Article(
        id="html",
        title='Hội nghị <b>bàn</b> về A&B "mới"',
        paragraphs=("Ông Nguyễn Văn <i>An</i> & cộng sự chủ trì hội nghị bàn về A&B <script>.",),
        date=dt.date(2024, 1, 2),
        source="<Báo & Đài>",
        url='https://example.vn/a?x=1&y="2"',
    )
    others = [
        Article(id=f"o{i}", title=f"Tin khác {i}", paragraphs=(f"Nội dung số {i} về việc khác.",)) for i in range(3)
    ]
    answer = Answerer(Index.from_articles([tricky, *others])).answer("Ai chủ trì hội nghị <b>bàn về A&B</b>?")
    reply = format_reply(answer)
    assert "<script>" not in reply and "<i>" not in reply and "<Báo" not in reply
    assert "&lt;script&gt;" in reply and "A&amp;B" in reply and "&lt;Báo &amp; Đài&gt;" in reply
    assert 'href="https://example.vn/a?x=1&amp;y=&quot;2&quot;"' in reply
    assert plain_text(reply).startswith("Ông Nguyễn Văn <i>An</i> & cộng sự chủ trì")


def test_a_reply_never_exceeds_telegrams_limit_even_when_escaping_grows_it():
    sentence = "&" * 5000
    article = Article(
        id="dai", title="<" * 1000, paragraphs=(sentence,), source="&" * 500, url="https://e.vn/" + "&" * 900
    )
    finding = Finding(article, sentence, (0, 10), hit=None, score=1.0)  # type: ignore[arg-type]
    answer = Answer("?", Status.ANSWER, (finding, finding, finding))
    reply = format_reply(answer)
    assert len(reply) <= TELEGRAM_LIMIT
    assert reply.count("<b>") == reply.count("</b>")


def test_a_more_results_page_of_long_answers_stays_within_telegrams_limit():
    """Two long sentences with long titles, sources and links share one message without overflowing it."""
    sentence = "Hội nghị " * 600
    article = Article(
        id="dai",
        title="Tiêu đề " * 100,
        paragraphs=(sentence,),
        date=dt.date(2020, 1, 2),
        time=dt.time(8, 30),
        source="Báo " * 100,
        url="https://e.vn/" + "a" * 580,
    )
    finding = Finding(article, sentence, (0, 8), hit=None, score=1.0)  # type: ignore[arg-type]
    answer = Answer("Ai " * 200, Status.ANSWER, (finding, finding, finding))
    page = format_page(answer, 1)
    assert len(page) <= TELEGRAM_LIMIT
    assert page.count("<b>Hội nghị</b>") == 2 and page.count("https://e.vn/") == 2
    assert page.count("08:30 02/01/2020") == 2


def test_other_relevant_articles_follow_the_answer_one_line_each(mixed_answerer):
    answer = mixed_answerer.answer("Ai tới dự hội nghị sơ kết 5 năm thực hiện Chỉ thị 05?")
    assert answer.found
    reply = format_reply(answer)
    related = reply.split("<b>Bài liên quan:</b>\n")[1].splitlines()
    assert 1 <= len(related) <= 2
    assert all(line.startswith("• ") for line in related)
    assert len({f.article.id for f in answer.findings}) == len(answer.findings)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Ông Nguyễn Duy Ngọc được bổ nhiệm làm Thứ trưởng.", "Nguyễn Duy Ngọc"),
        ("Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.", "Nguyễn Văn Phong"),
        ("Đồng chí Trần Đức Thắng đọc quyết định.", "Trần Đức Thắng"),
        ("Phó Chủ tịch UBND tỉnh Nguyễn Hồng Lĩnh chỉ đạo.", "Nguyễn Hồng Lĩnh"),  # the province unsaid
        # A name right after "chủ tịch" is the officer's, not a place named after a person.
        ("UBND TP đã lập tổ công tác do Phó chủ tịch Trần Vĩnh Tuyến làm tổ trưởng.", "Trần Vĩnh Tuyến"),
        ("Ông Billstrom tái khẳng định lập trường.", "Billstrom"),  # a foreign name after a title
        ("GS Albert Pisano đến từ Mỹ cho rằng như vậy.", "Albert Pisano"),
        ("Sean Lusk - đồng giám đốc tại Walsh Trading - cho biết vậy.", "Sean Lusk"),  # described after it
        ("Cảnh sát xác định người này là David Eisenhauser, 18 tuổi.", "David Eisenhauser"),
        # A title, its country, then the name ("Thụy Điển Tobias Billstrom" was read as one name).
        ("Ngoại trưởng Thụy Điển Tobias Billstrom nói vậy.", "Tobias Billstrom"),
        ("Sau phiên họp, đại sứ Mỹ tại Hungary David Pressman cho biết.", "David Pressman"),
        ("Tân Tổng tư lệnh quân đội Ukraine Oleksandr Syrsky đăng trên mạng.", "Oleksandr Syrsky"),
        # … or an international body, its abbreviation in brackets after it.
        ("Thủ tướng gặp Tổng Thư ký Liên Hợp Quốc (LHQ) Antonio Guterres tối 13/11.", "Antonio Guterres"),
        ("Tổng thư ký NATO Jens Stoltenberg nói ông lo ngại.", "Jens Stoltenberg"),
        # A one-letter given name ends the name; "Uông" is a family name; "châu Âu" is Europe, not a "Âu".
        ("Tổ gồm bà Phan Thị Mỹ Thanh và bà Nguyễn Thị Như Ý tiếp xúc cử tri.", "Phan Thị Mỹ Thanh"),
        ("Tiếp xúc cử tri có bà Nguyễn Thị Như Ý, đại biểu Quốc hội.", "Nguyễn Thị Như Ý"),
        ("Ông Uông Chu Lưu được nhiều phiếu tín nhiệm cao nhất.", "Uông Chu Lưu"),
        ("Thủ tướng tiếp Chủ tịch Hội đồng châu Âu Donald Tusk bên lề hội nghị.", "Donald Tusk"),
        # A Korean given name's hyphenated syllable, spaced or not; a dash before a description is no part.
        ("Ông Kim Jong-un dự lễ duyệt binh.", "Kim Jong-un"),
        ("Bà Kim Yo - jong xuất hiện trở lại sau hơn 50 ngày.", "Kim Yo - jong"),
        ("Ông Trần Văn Sơn - nhân viên công ty - bị bắt.", "Trần Văn Sơn"),
        # A general's or a cleric's name after their title, whatever its first word.
        ("Tướng Oleksandr Syrskyi, chỉ huy quân đội Ukraine, nói vậy.", "Oleksandr Syrskyi"),
        ("Đại hội suy cử Hoà thượng Thích Trí Quảng tiếp tục làm Trưởng ban Trị sự.", "Thích Trí Quảng"),
    ],
)
def test_a_name_is_bolded_whole_and_alone(sentence, name):
    from bot.question import analyse
    from bot.spans import answer_spans

    strong, weak = answer_spans(sentence, analyse("Ai được nêu tên?"))
    start, end = (strong or weak)[0]
    assert sentence[start:end] == name


@pytest.mark.parametrize(
    "sentence",
    [
        "Dự hội nghị có Lê Văn Hải, đại diện Công an tỉnh, và Trần Minh Bình.",
        "Theo Lê Văn Hải, phường Đông Hòa và Trần Minh Bình cùng ký.",
        "Lê Văn Hải nói không ai như Trần Minh Bình.",
    ],
)
def test_a_title_inside_another_word_titles_no_name(sentence):
    # "Công", "Đông", "không" end in "ông" but address no one: both names stay untitled.
    assert spans_said(sentence, "Ai được nêu tên?") == ([], ["Lê Văn Hải", "Trần Minh Bình"])


def test_a_number_written_with_thousands_points_is_never_cut_in_two():
    sentence = "Thành phố đã giảm 1.850/1.970 chỉ tiêu Bộ Nội vụ giao, đạt 95%."
    strong, weak = spans_said(sentence, "Thành phố giảm được bao nhiêu chỉ tiêu Bộ Nội vụ giao?")
    assert strong == ["1.850/1.970 chỉ tiêu", "95%"] and weak == []


@pytest.mark.parametrize(
    "question",
    ["khối sự nghiệp giảm đc bn % chỉ tiêu Bộ Nội vụ giao", "Thành phố giảm được bao nhiêu phần trăm chỉ tiêu?"],
)
def test_a_share_asked_is_answered_by_the_percentage_not_the_count_of_the_noun_after_it(question):
    sentence = "Thành phố đã giảm 1.850/1.970 chỉ tiêu Bộ Nội vụ giao, đạt 95%."
    assert spans_said(sentence, question)[0] == ["95%"]


@pytest.mark.parametrize(
    "question",
    [
        "Ông Phạm Minh Chính thăm bà con vùng lũ Thanh Hóa sáng 8-8 ở đâu?",
        "ong pham minh chinh tham ba con vung lu thanh hoa sang 8-8 o dau",
    ],
)
def test_a_place_the_question_names_is_no_answer_with_its_kind_before_it(question):
    sentence = (
        "Trước khi làm việc với lãnh đạo tỉnh Thanh Hoá, sáng 8-8 ông Phạm Minh Chính đã thăm người dân ở vùng lũ "
        "bản Xa Ná, xã Na Mèo, huyện Quan Sơn."
    )
    assert spans_said(sentence, question) == (["bản Xa Ná", "xã Na Mèo", "huyện Quan Sơn"], [])


def test_a_place_of_the_asked_kind_is_one_named_right_after_the_kind():
    sentence = (
        "Hội nghị giao ban công tác tuyên giáo các tỉnh miền Trung - Tây Nguyên do Ban Tuyên giáo trung ương "
        "tổ chức tại tỉnh Quảng Nam ngày 27-6."
    )
    question = "Hội nghị giao ban công tác tuyên giáo các tỉnh miền Trung - Tây Nguyên tổ chức ở tỉnh nào?"
    assert spans_said(sentence, question)[0] == ["tỉnh Quảng Nam"]


@pytest.mark.parametrize("question", ["Nguyên Phó thủ tướng Vũ Văn Ninh quê ở đâu?", "vu van ninh que o dau"])
def test_a_home_province_after_que_is_the_place_asked(question):
    sentence = "Ông Vũ Văn Ninh sinh năm 1955, quê Nam Định, là Uỷ viên Trung ương Đảng khoá X, XI."
    assert spans_said(sentence, question) == (["Nam Định"], [])


def test_the_holder_of_a_sub_department_asked_for_is_the_one_given_that_office():
    sentence = (
        "Sở đã kỷ luật cảnh cáo ông Phan Xuân Thảo - Chi cục trưởng Chi cục thú y và chăn nuôi; khiển trách "
        "Chi cục phó Huỳnh Tấn Phát."
    )
    question = "Chi cục trưởng Chi cục thú y bị Sở cảnh cáo là ai?"
    assert spans_said(sentence, question) == (["Phan Xuân Thảo"], ["Huỳnh Tấn Phát"])


def test_a_sentence_cut_at_words_keeps_whole_words_and_the_answer():
    from bot.answer import ELLIPSIS, excerpt

    subject = (
        "tăng cường các biện pháp bảo đảm đón Tết Nguyên Đán Kỷ Hợi năm 2019 vui tươi, lành mạnh, an toàn, tiết kiệm"
    )
    sentence = (
        "Thừa Thiên - Huế là tỉnh đầu tiên mà Thủ tướng Nguyễn Xuân Phúc tới kiểm tra công tác chuẩn bị Tết "
        "Nguyên đán Kỷ Hợi năm 2019 theo tinh thần của Chỉ thị số 34 ngày 28/12/2018 của Thủ tướng về việc "
        f"{subject}."
    )
    start = sentence.index(subject)
    text, highlight = excerpt(sentence, (start, start + len(subject)))
    assert highlight is not None and text[slice(*highlight)] == subject
    assert all(word in sentence.split() for word in text.strip(ELLIPSIS).split())


def test_a_sentence_over_300_characters_is_cut_to_the_parts_around_the_answer():
    from bot.answer import MAX_ANSWER_CHARS, excerpt

    head = "Cùng tham dự hội nghị có " + ", ".join(f"đại diện đơn vị số {n}" for n in range(1, 12))
    sentence = head + ", trên 500 đại biểu là lãnh đạo các bộ, ngành và địa phương."
    start = sentence.index("trên 500 đại biểu")
    cut, (s, e) = excerpt(sentence, (start, start + len("trên 500 đại biểu")))
    assert len(sentence) > MAX_ANSWER_CHARS >= len(cut)
    assert cut.startswith("…đại diện đơn vị số") and cut.endswith("lãnh đạo các bộ, ngành và địa phương.")
    assert cut[s:e] == "trên 500 đại biểu"
    assert excerpt("Câu ngắn.", (0, 3)) == ("Câu ngắn.", (0, 3))


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # The Prime Minister is the one the leaders came with, not one of them.
        ("Những lãnh đạo nào cùng dự hội nghị với Thủ tướng?", ["Vương Đình Huệ"]),
        ("nhung lanh dao nao cung du hoi nghi voi thu tuong?", ["Vương Đình Huệ"]),
        # Asked for as the role itself, the title's holder is the answer.
        ("Ai được bổ nhiệm làm Thủ tướng?", ["Nguyễn Xuân Phúc", "Vương Đình Huệ"]),
    ],
)
def test_a_name_titled_as_the_company_the_question_names_is_not_the_answer(question, names):
    from bot.question import analyse
    from bot.spans import answer_spans

    sentence = "Thủ tướng Chính phủ Nguyễn Xuân Phúc và Phó Thủ tướng Vương Đình Huệ đã dự hội nghị."
    strong, weak = answer_spans(sentence, analyse(question))
    assert [sentence[s:e] for s, e in strong + weak] == names


def test_the_stop_of_tp_hcm_does_not_part_an_office_from_the_name_it_titles():
    sentence = "Chủ nhiệm Uỷ ban Kiểm tra Thành uỷ TP. HCM Nguyễn Văn Hiếu nêu thực trạng này tại hội nghị."
    question = "Chủ nhiệm Uỷ ban Kiểm tra Thành uỷ TP.HCM nêu thực trạng tại hội nghị là ai?"
    assert spans_said(sentence, question) == (["Nguyễn Văn Hiếu"], [])


@pytest.mark.parametrize(
    "question",
    ["Cựu bí thư tỉnh Thiểm Tây bị truy tố hôm 15/1 là ai?", "cuu bi thu tinh thiem tay bi truy to hom 15/1 la ai"],
)
def test_a_name_holds_the_office_written_after_its_alias_in_brackets(question):
    sentence = "Hôm 15/1, Triệu Chính Vĩnh (Zhao Zhengyong) cựu bí thư tỉnh Thiểm Tây, bị truy tố."
    assert spans_said(sentence, question) == (["Triệu Chính Vĩnh"], [])


@pytest.mark.parametrize(
    "question",
    ["Ngoài Joshua Wong, Mỹ đề cử Nobel Hoà bình cho những ai?", "ngoai joshua wong thi my de cu nobel cho nhung ai"],
)
def test_a_name_whose_alias_in_brackets_the_question_leaves_out_is_not_the_answer(question):
    sentence = "Các nghị sĩ Mỹ đề cử Hoàng Chi Phong (Joshua Wong) cùng ông Alex Chow cho giải Nobel Hoà bình."
    strong, weak = spans_said(sentence, question)
    assert strong + weak == ["Alex Chow"]


def test_the_asked_title_is_no_company_though_the_question_names_another_holder_of_it():
    from bot.question import analyse

    question = "Chủ tịch UBND TP.HCM nào cùng Bí thư Nguyễn Thiện Nhân tiếp Chủ tịch Cuba Diaz-Canel?"
    sentence = (
        "Bí thư Thành uỷ TP HCM Nguyễn Thiện Nhân cùng Chủ tịch UBND TP HCM Nguyễn Thành Phong đã đón tiếp Chủ tịch"
        " Diaz-Canel tại Dinh Thống Nhất."
    )
    assert analyse(question).others == ("bi thu",)
    assert spans_said(sentence, question) == (["Nguyễn Thành Phong"], [])


def test_a_body_asked_for_by_name_is_not_answered_by_the_noun_alone():
    from bot.question import analyse
    from bot.spans import answer_spans

    question = analyse("Phó thủ tướng giao những bộ ngành nào phối hợp với báo chí?")
    vague = "Phó thủ tướng giao cho một số bộ ngành phối hợp với các cơ quan báo chí."
    named = "Phó thủ tướng giao các bộ ngành Ngân hàng Nhà nước, Bộ Công Thương phối hợp với báo chí."
    assert answer_spans(vague, question) == ([], [])
    strong, _ = answer_spans(named, question)
    assert [named[s:e] for s, e in strong] == ["bộ ngành Ngân hàng Nhà nước"]  # bold stops before the comma


@pytest.mark.parametrize(
    ("question", "sentence", "issuer"),
    [
        (
            "chi thi 27 yeu cau ban giao tru so cu do ai ban hanh",
            "Theo chỉ thị 27 do Thủ tướng ban hành năm 2014, các bộ phải bàn giao trụ sở cũ.",
            ["Thủ tướng"],
        ),
        (
            "NQ 34 ngày 6/10/2018 do cơ quan nào ban hành?",
            "Điểm 4 Nghị quyết số 34 ngày 6/10/2018 của Ban Chấp hành Trung ương Đảng khoá XII nêu rõ việc này.",
            ["Ban Chấp hành Trung ương Đảng"],
        ),
        (  # another document's issuer answers nothing
            "Chỉ thị 27 do ai ban hành?",
            "Theo chỉ thị 28 do Thủ tướng ban hành năm 2014, các bộ phải bàn giao trụ sở cũ.",
            [],
        ),
    ],
)
def test_who_issued_a_document_is_answered_by_the_body_or_office_named_as_its_issuer(question, sentence, issuer):
    assert spans_said(sentence, question) == (issuer, [])


@pytest.mark.parametrize(
    ("question", "sentence", "documents"),
    [
        (
            "Nghị định nào khiến các chủ ghe hút cát chuyển sang dùng ghe nhỏ?",
            "Ông N. cho biết từ ngày nghị định 33 ra đời, các chủ ghe chuyển sang dùng ghe nhỏ.",
            ["nghị định 33"],
        ),
        (
            "nghi dinh nao khien cac chu ghe hut cat chuyen sang dung ghe nho?",
            "Ông N. cho biết từ ngày nghị định 33 ra đời, các chủ ghe chuyển sang dùng ghe nhỏ.",
            ["nghị định 33"],
        ),
        (  # a law by its title and year; the one the question names is no answer
            "Luật nào giống quy định của Luật Đất đai 2024 về chuyển sang nhà ở thương mại?",
            "Quy định của Luật Đất đai 2024 về cơ bản vẫn giống quy định của Luật Nhà ở 2015.",
            ["Luật Nhà ở 2015"],
        ),
        (  # a code within the named document is part of it; a document of another kind is no answer
            "Nghị quyết nào của HĐND TP quy định mức học phí năm học 2019-2020?",
            "Tiếp tục thực hiện mức học phí theo quyết định 34/2016/QĐ-UBND và nghị quyết số 25/2018/NQ-HĐND.",
            ["nghị quyết số 25/2018/NQ-HĐND"],
        ),
        (  # the asked kind as the sentence writes it, though a "Thông báo kết luận" is a Thông báo
            "Thông báo kết luận của TTCP về vụ VN Pharma số mấy?",
            "Thanh tra Chính phủ đã có Thông báo Kết luận số 1595/TB-TTCP về việc cấp giấy phép nhập khẩu.",
            ["Thông báo Kết luận số 1595/TB-TTCP"],
        ),
        (  # "văn bản" asks for any kind
            "Văn bản nào quy định mức học phí năm học 2019-2020?",
            "Tiếp tục thực hiện mức học phí theo quyết định 34/2016/QĐ-UBND và nghị quyết số 25/2018/NQ-HĐND.",
            ["quyết định 34/2016/QĐ-UBND", "nghị quyết số 25/2018/NQ-HĐND"],
        ),
    ],
)
def test_a_document_asked_for_by_its_kind_is_answered_by_the_document_the_sentence_names(question, sentence, documents):
    assert spans_said(sentence, question) == (documents, [])


@pytest.mark.parametrize(
    ("question", "sentence", "strong", "weak"),
    [
        (
            "Phiên họp tiếp theo dự kiến ngày nào?",
            "Phiên họp tiếp theo dự kiến bắt đầu cuối tháng 2, sớm nhất ngày 26/2.",
            ["ngày 26/2"],
            ["tháng 2"],
        ),
        ("Tượng Phật khởi công năm nào?", "Tượng được khởi công tháng 5/2015.", ["tháng 5/2015"], []),
        # A month and year ("tháng 9/2015") is no day, though "9/20" looks like one.
        (
            "ong bao duoc bo nhiem giam doc so ngay nao?",
            "Tháng 9/2015, UBND tỉnh bổ nhiệm ông Bảo làm giám đốc sở.",
            [],
            ["Tháng 9/2015"],
        ),
        ("Tượng Phật khởi công năm nào?", "Tượng được khởi công hôm qua.", [], ["hôm qua"]),
        ("Khi nào phiên họp diễn ra?", "Phiên họp diễn ra cuối tháng 2.", ["tháng 2"], []),
        # A day told only from the article's date ("hôm nay") is a weak answer to "lúc nào".
        (
            "Ông Thaksin được chuyển tới bệnh viện lúc nào?",
            "Ông ấy đã được chuyển đến bệnh viện, cảnh sát hôm nay cho biết.",
            [],
            ["hôm nay"],
        ),
        (
            "Ông Thaksin được chuyển tới bệnh viện lúc nào?",
            "Sáng nay 23/8, ông được chuyển viện.",
            ["Sáng nay 23/8"],
            [],
        ),
        # "Hôm nay 19-3": the day the article gives with its "today" answers, whole.
        (
            "Bộ trưởng Tư pháp trả lời chất vấn hôm nào?",
            "Hôm nay 19-3, Quốc hội chất vấn Bộ trưởng Tư pháp.",
            ["Hôm nay 19-3"],
            [],
        ),
        ("Quốc hội họp hôm nào?", "Chiều nay (27/10), Quốc hội họp.", ["Chiều nay (27/10)"], []),
        # A range or a list of days is bolded whole, its end written with a dash too; two dates of a
        # clause stay two.
        ("UBKT họp kỳ 35 ngày nào?", "Từ ngày 24 đến 26-4, Uỷ ban Kiểm tra đã họp kỳ 35.", ["ngày 24 đến 26-4"], []),
        ("Chất vấn những ngày nào?", "Quốc hội chất vấn 3 ngày (ngày 13, 14 và 15/6).", ["ngày 13, 14 và 15/6"], []),
        (
            "Ông Tập thăm Việt Nam những ngày nào?",
            "Ông Tập thăm Việt Nam trong hai ngày 12 và 13-11.",
            ["ngày 12 và 13-11"],
            [],
        ),
        ("Kỳ họp diễn ra khi nào?", "Kỳ họp diễn ra từ 20/5 đến 14/6/2019.", ["20/5 đến 14/6/2019"], []),
        ("Ông sinh năm nào?", "Ông sinh năm 1964, năm 2010 làm bí thư.", ["năm 1964", "năm 2010"], []),
        # A map's scale is no day and month.
        ("Quy hoạch được duyệt ngày nào?", "Quy hoạch tỷ lệ 1/5.000 được duyệt ngày 4/6/1996.", ["ngày 4/6/1996"], []),
        # Beside a date in the text, one in brackets is background, a weekday says less, and one after the
        # opposite event dates that event.
        (
            "Thủ tướng gặp mặt nhà báo lão thành hôm nào?",
            "Sáng 20/6, Thủ tướng gặp mặt các nhà báo lão thành nhân kỷ niệm 93 năm ngày Báo chí cách mạng Việt Nam"
            " (21/6/1925 - 21/6/2018).",
            ["Sáng 20/6"],
            ["21/6/1925 - 21/6/2018"],
        ),
        (
            "Tổng Bí thư tiếp xúc cử tri hôm nào?",
            "Sáng 24/11, Tổng Bí thư tiếp xúc cử tri sau khi kỳ họp bế mạc hôm thứ sáu.",
            ["Sáng 24/11"],
            ["thứ sáu"],
        ),
        (
            "Kỳ họp thứ 7 bế mạc ngày nào?",
            "Kỳ họp thứ 7 dự kiến khai mạc ngày 20/5/2019 và bế mạc vào ngày 14/6/2019.",
            ["ngày 14/6/2019"],
            ["ngày 20/5/2019"],
        ),
        (
            "Kỳ họp thứ 7 khai mạc ngày nào?",
            "Kỳ họp thứ 7 dự kiến khai mạc ngày 20/5/2019 và bế mạc vào ngày 14/6/2019.",
            ["ngày 20/5/2019"],
            ["ngày 14/6/2019"],
        ),
    ],
)
def test_a_day_or_a_year_asked_for_is_answered_only_by_a_date_that_holds_one(question, sentence, strong, weak):
    assert spans_said(sentence, question) == (strong, weak)


def test_a_year_the_question_states_is_no_answer_to_when_but_a_day_in_it_is():
    question = "Bộ CA và Bộ GD-ĐT có KL điều tra vụ gian lận điểm thi THPT QG 2018 ở Sơn La khi nào?"
    repeated = "Năm 2018, nhiều cán bộ tỉnh Sơn La bị kỷ luật vì vụ gian lận điểm thi THPT quốc gia năm 2018."
    assert spans_said(repeated, question) == ([], [])
    dated = "Ngày 24/5/2018, cơ quan điều tra có kết luận về vụ gian lận điểm thi ở Sơn La."
    assert spans_said(dated, question) == (["Ngày 24/5/2018"], [])


def test_a_question_asking_for_an_office_holder_is_not_answered_strongly_by_someone_of_no_office():
    from bot.question import analyse
    from bot.spans import answer_spans

    question = analyse("Đại sứ Mỹ tại Hungary thúc Budapest duyệt Thụy Điển vào NATO là ai?")
    sentence = "Các đại sứ NATO gây sức ép với đảng của ông Orban về việc duyệt Thụy Điển vào khối."
    assert answer_spans(sentence, question) == ([], [(sentence.index("Orban"), sentence.index("Orban") + 5)])
    holder = "Ông David Pressman, đại sứ Mỹ tại Hungary, cho biết Washington theo dõi chặt chẽ."
    strong, _ = answer_spans(holder, question)
    assert [holder[slice(*span)] for span in strong] == ["David Pressman"]


def test_a_question_asking_for_an_office_is_answered_strongly_only_by_its_holder_in_any_reading():
    from bot.question import analyse
    from bot.spans import answer_spans

    sentence = "Thứ trưởng Bộ Giao thông vận tải Nguyễn Nhật và Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến phát biểu."

    def strong(question: str) -> list[str]:
        return [sentence[slice(*span)] for span in answer_spans(sentence, analyse(question))[0]]

    # The deputy minister holds another office than the one asked for.
    assert strong("Bộ trưởng nào phát biểu?") == ["Nguyễn Thị Kim Tiến"]
    assert strong("Thứ trưởng nào phát biểu?") == ["Nguyễn Nhật"]
    # "BT" is a bí thư or a bộ trưởng: either answers.
    assert strong("những BT nào phát biểu?") == ["Nguyễn Thị Kim Tiến"]


@pytest.mark.parametrize(
    ("question", "sentence", "holder"),
    [
        # The ministry's abbreviation in brackets between the office and the name.
        (
            "BT GTVT chủ trì họp về thu phí không dừng là ai?",
            "Bộ trưởng Bộ Giao thông vận tải (GTVT) Nguyễn Văn Thể chủ trì cuộc họp về thu phí không dừng.",
            "Nguyễn Văn Thể",
        ),
        # A name that holds a province's ("Thái Bình") is still a name after a family name.
        (
            "Bộ trưởng Nội vụ gửi báo cáo Quốc hội là ai?",
            "Bộ trưởng Nội vụ Nguyễn Thái Bình vừa có báo cáo gửi đến Quốc hội.",
            "Nguyễn Thái Bình",
        ),
        # No city is named after a person: the name after "TP" is the department director's.
        (
            "Giám đốc Sở Tài nguyên Môi trường TP HCM bị yêu cầu giải trình là ai?",
            "Ông Phong yêu cầu giám đốc Sở Tài nguyên - Môi trường TP Nguyễn Toàn Thắng giải trình.",
            "Nguyễn Toàn Thắng",
        ),
        # The office after the name, with no title before it.
        (
            "Phó chủ nhiệm CCDI nào nói Luật Giám sát tăng tính pháp lý?",
            "Tiêu Bồi, phó chủ nhiệm CCDI, tuyên bố Luật Giám sát sẽ tăng tính pháp lý cho chiến dịch.",
            "Tiêu Bồi",
        ),
        # The office asked right after "Ai là", abbreviated.
        (
            "Ai là nguyên PCN thường trực UBKTTW bình luận về kỷ luật ông Cang?",
            "Nguyên Phó Chủ nhiệm thường trực Uỷ ban Kiểm tra Trung ương Vũ Quốc Hùng bình luận về kỷ luật ông Cang.",
            "Vũ Quốc Hùng",
        ),
        # A foreign spokesperson named after the ministry's country, whatever the name's first word opens.
        (
            "Người phát ngôn Bộ Ngoại giao Trung Quốc lên án vụ thử hạt nhân là ai?",
            "Người phát ngôn Bộ Ngoại giao Trung Quốc Cảnh Sảng lên án vụ thử hạt nhân.",
            "Cảnh Sảng",
        ),
        (
            "Người phát ngôn Bộ Ngoại giao Mỹ nào chia buồn?",
            "Người phát ngôn Bộ Ngoại giao Mỹ Heather Nauert cũng cho biết rất buồn.",
            "Heather Nauert",
        ),
        # A question word spelled like the name's last one names no one: "xây dựng" is no "Dũng", and
        # "quy định", not capitalised, no "Định".
        (
            "Phó chủ tịch quận Thủ Đức bị cảnh cáo vì xây dựng nhà trái phép là ai?",
            "Ủy ban kiểm tra Thành ủy công bố quyết định kỷ luật cảnh cáo ông Trần Văn Dũng (Ủy viên Ban thường vụ"
            " quận ủy, Phó chủ tịch quận Thủ Đức).",
            "Trần Văn Dũng",
        ),
        (
            "Chủ nhiệm Ủy ban Pháp luật nào đề nghị thực hiện nghiêm quy định số lượng thứ trưởng?",
            "“Chính phủ phải thực hiện nghiêm túc quy định số lượng thứ trưởng”, Chủ nhiệm Ủy ban Pháp luật Nguyễn"
            " Khắc Định đề nghị.",
            "Nguyễn Khắc Định",
        ),
    ],
)
def test_the_office_holder_is_found_however_the_sentence_places_the_office_and_the_name(question, sentence, holder):
    from bot.question import analyse
    from bot.spans import answer_spans

    strong, _ = answer_spans(sentence, analyse(question))
    assert [sentence[slice(*span)] for span in strong] == [holder]


def test_a_minister_of_natural_resources_and_environment_is_a_person_not_a_school():
    from bot.question import analyse
    from bot.spans import answer_spans

    # "Môi trường" is no school ("trường") whose name would follow.
    question = analyse("Bộ trưởng Tài nguyên Môi trường trả lời về sổ đỏ là ai?")
    sentence = "Khi Bộ trưởng Tài nguyên Môi trường Nguyễn Minh Quang trả lời về sổ đỏ, đại biểu chất vấn tiếp."
    strong, _ = answer_spans(sentence, question)
    assert [sentence[slice(*span)] for span in strong] == ["Nguyễn Minh Quang"]


def test_a_ministry_named_after_a_title_is_no_name_and_its_and_does_not_end_the_office():
    from bot.question import analyse
    from bot.spans import answer_spans

    question = analyse("Bộ trưởng nào tuyên bố không nhận quà Tết?")
    sentence = "Bộ trưởng Thông tin và Truyền thông Trương Minh Tuấn tuyên bố không nhận quà Tết."
    strong, _ = answer_spans(sentence, question)
    assert [sentence[slice(*span)] for span in strong] == ["Trương Minh Tuấn"]
    reported = "Tư lệnh Oleksandr Syrskyi và Bộ trưởng Quốc phòng đã báo cáo về tình hình."
    strong, weak = answer_spans(reported, analyse("Ai báo cáo tình hình?"))
    assert [reported[slice(*span)] for span in strong + weak] == ["Oleksandr Syrskyi"]  # "Quốc" is no name


@pytest.mark.parametrize(
    ("question", "sentence", "strong"),
    [
        # A unit of the asked dimension, written apart or glued to the number.
        ("Cây cầu dài bao nhiêu mét?", "Cây cầu dài 450 m, rộng 20 m.", ["450 m", "20 m"]),
        ("Con đê dài bao nhiêu?", "Con đê được nâng cấp dài hơn 12 km.", ["12 km"]),
        ("Dự án chiếm bao nhiêu ha đất lúa?", "Dự án lấy 35ha đất lúa của 3 xã.", ["35ha"]),
        ("Lợn con nặng bao nhiêu?", "Con lợn nặng 120 kg, gấp đôi con khác.", ["120 kg"]),
        ("Mỗi hộ được hỗ trợ mấy cân gạo?", "Mỗi hộ nhận 15 kg gạo.", ["15 kg"]),
        # Any noun of people answers "bao nhiêu em".
        ("Có bao nhiêu em tham gia trại hè?", "Trại hè đón 240 học sinh từ 12 tỉnh.", ["240 học sinh"]),
        # "dự án luật" counts laws.
        ("Quốc hội thông qua mấy luật?", "Quốc hội đã thông qua 9 dự án luật và 2 nghị quyết.", ["9 dự án luật"]),
        # A price asked per unit is an amount of money.
        ("Gạo ST25 bao nhiêu 1 kg?", "Gạo ST25 được bán với giá 30.000 đồng một kg.", ["30.000 đồng"]),
        # … and so is a loan.
        ("Ngân hàng cho tỉnh vay bao nhiêu?", "Ngân hàng cho tỉnh vay 120 triệu USD trong 5 năm.", ["120 triệu USD"]),
        # "công dân" counts people; "vị trí" goes between a number and the posts counted.
        ("Tỉnh đưa bao nhiêu người về quê?", "Tỉnh đã đưa 117 công dân về quê.", ["117 công dân"]),
        ("Tỉnh cắt giảm bao nhiêu công chức?", "Tỉnh đã cắt giảm 137 vị trí công chức.", ["137 vị trí công chức"]),
        # "công suất" asks for power or a plant's throughput.
        (
            "Nhà máy đốt rác có công suất mỗi nhà máy bao nhiêu?",
            "Thành phố khởi công 2 nhà máy đốt rác với công suất mỗi nhà máy 3.000 tấn / ngày.",
            ["3.000 tấn"],
        ),
        ("Nhà máy điện mặt trời công suất bao nhiêu?", "Nhà máy điện mặt trời có công suất 50 MW.", ["50 MW"]),
    ],
)
def test_a_measure_is_answered_by_a_number_with_a_unit_of_the_asked_dimension(question, sentence, strong):
    from bot.question import analyse
    from bot.spans import answer_spans

    found_strong, _ = answer_spans(sentence, analyse(question))
    assert [sentence[s:e] for s, e in found_strong] == strong


def test_a_number_with_a_unit_of_another_dimension_is_no_strong_answer():
    from bot.question import analyse
    from bot.spans import answer_spans

    sentence = "Xe chở 12 tấn hàng, đi 40 km."
    strong, weak = answer_spans(sentence, analyse("Xe chở bao nhiêu tấn hàng?"))
    assert [sentence[s:e] for s, e in strong] == ["12 tấn hàng"]
    assert [sentence[s:e] for s, e in weak] == ["40 km"]


@pytest.mark.parametrize(
    ("question", "sentence", "strong"),
    [
        # "Bình" of the place "Tân Bình" does not name "Lê Văn Bình".
        (
            "Ai dẫn đầu đoàn công tác làm việc với quận Tân Bình?",
            "Đoàn công tác do ông Lê Văn Bình dẫn đầu đã làm việc với quận.",
            ["Lê Văn Bình"],
        ),
        # "ông Bình" does.
        (
            "Ai thay ông Bình làm giám đốc?",
            "Ông Trần Quốc Hưng thay ông Lê Văn Bình làm giám đốc.",
            ["Trần Quốc Hưng"],
        ),
        # "TS", "GS" are titles: the name after them is a titled one.
        (
            "Ai đề xuất xây cầu mới?",
            "TS Trần Văn Minh - chuyên gia giao thông - đề xuất xây cầu mới.",
            ["Trần Văn Minh"],
        ),
        # Typed all in lowercase, "chinh" of "bo chinh tri" names no "Chính"…
        (
            "ai trao quyet dinh cua bo chinh tri cho tinh uy ha giang?",
            "Trưởng Ban Tổ chức Trung ương Phạm Minh Chính đã trao quyết định của Bộ Chính trị.",
            ["Phạm Minh Chính"],
        ),
        # … but "ong phong" does name "Phong".
        (
            "ai thay ong phong lam giam doc?",
            "Ông Trần Quốc Hưng thay ông Lê Văn Phong làm giám đốc.",
            ["Trần Quốc Hưng"],
        ),
        # … and so does "bi thu thang": after an office's title, a word names its holder.
        (
            "truong phong tai nguyen moi truong bi bi thu thang yeu cau cach chuc ten gi",
            "Ông Trần Quang Duy, Trưởng phòng Tài nguyên - Môi trường, bị Bí thư Thành uỷ Đinh La Thăng yêu cầu"
            " cách chức.",
            ["Trần Quang Duy"],
        ),
    ],
)
def test_a_person_is_left_out_only_when_the_question_names_them(question, sentence, strong):
    from bot.question import analyse
    from bot.spans import answer_spans

    found_strong, _ = answer_spans(sentence, analyse(question))
    assert [sentence[s:e] for s, e in found_strong] == strong


@pytest.mark.parametrize(
    ("question", "sentence", "strong", "weak"),
    [
        # A given name alone is no name to quote…
        ("Người phụ huynh đó tên là gì?", "Ông Thuận cùng nhóm phụ huynh tìm gặp cô giáo.", [], ["Thuận"]),
        ("Tổ đại biểu gồm những ai?", 'Cử tri hỏi: "Bà Thanh có nên ngồi ở đây không?"', [], ["Thanh"]),  # no diacritic
        # … unless the sentence names the person in full too…
        (
            "Những ai bị đề nghị xử lý?",
            "Đề nghị xử lý 2 cá nhân gồm: Trần Văn Sơn - nhân viên phòng địa chính (ông Sơn đang bị tạm giam).",
            ["Trần Văn Sơn"],
            ["Sơn"],
        ),
        # … and a foreign name is often given alone.
        ("Ai nói Mỹ sẽ rút quân?", "Ông Trump nói Mỹ sẽ rút quân.", ["Trump"], []),
    ],
)
def test_a_given_name_alone_is_a_weak_answer(question, sentence, strong, weak):
    assert spans_said(sentence, question) == (strong, weak)


@pytest.mark.parametrize(
    ("question", "strong"),
    [
        # "còn có" names co-chairs: not who chaired…
        ("Đồng chí nào chủ trì hội nghị tổng kết công tác đối ngoại nhân dân?", []),
        ("dong chi nao chu tri hoi nghi tong ket cong tac doi ngoai nhan dan?", []),  # "ngoai" here is "ngoại"
        # … but just what "who else" asks for.
        ("Ngoài Phó thủ tướng, những ai cùng chủ trì hội nghị?", ["Hoàng Bình Quân"]),
        ("ngoai pho thu tuong, nhung ai cung chu tri hoi nghi?", ["Hoàng Bình Quân"]),
    ],
)
def test_a_person_named_with_con_co_answers_who_else_not_who(question, strong):
    from bot.question import analyse
    from bot.spans import answer_spans

    sentence = "Tham gia chủ trì Hội nghị còn có đồng chí Hoàng Bình Quân, Trưởng Ban Đối ngoại Trung ương."
    found_strong, _ = answer_spans(sentence, analyse(question))
    assert [sentence[s:e] for s, e in found_strong] == strong


@pytest.mark.parametrize(
    ("question", "sentence", "strong", "weak"),
    [
        # A share of the delegates is not how many they are; unless the share is what is asked.
        (
            "Bao nhiêu đại biểu tán thành bầu bà Nguyễn Thị Kim Ngân?",
            "Nghị quyết được thông qua với 95,67% đại biểu tán thành.",
            [],
            ["95,67%"],
        ),
        (
            "Bao nhiêu phần trăm đại biểu tán thành?",
            "Nghị quyết được thông qua với 95,67% đại biểu tán thành.",
            ["95,67%"],
            [],
        ),
        # Beside "235 trường đại học", "14.880 trường mầm non" only shares the first word of what is asked.
        (
            "Cả nước có bao nhiêu trường đại học?",
            "Cả nước có hơn 14.880 trường mầm non và 235 trường đại học.",
            ["235 trường đại học"],
            ["14.880 trường"],
        ),
        # … nor alone: it counts schools of another kind, as "xe tải" are no "xe máy". People are counted
        # however the sentence says what befell them.
        (
            "Cả nước có bao nhiêu trường đại học?",
            "Cả nước có hơn 14.880 trường mầm non (ngoài công lập gần 2.300);",
            [],
            ["14.880 trường"],
        ),
        ("bao nhieu xe may bi phat?", "Công an đã xử phạt 12 xe tải chở quá tải.", [], ["12 xe"]),
        ("Vụ tai nạn có bao nhiêu người chết?", "Vụ tai nạn khiến 8 người thiệt mạng.", ["8 người"], []),
        # … but those killed do not answer how many were wounded, however far the clause says it.
        (
            "Vụ tai nạn có bao nhiêu người chết?",
            "Vụ tai nạn khiến 8 người thiệt mạng, 9 người bị thương.",
            ["8 người"],
            ["9 người"],
        ),
        (
            "Ngày 12/7/1984 có bao nhiêu chiến sĩ bị thương?",
            "Ngày 12/7/1984, gần 600 chiến sĩ Sư đoàn 356 đã hy sinh.",
            [],
            ["600 chiến sĩ", "356 đã"],
        ),
    ],
)
def test_a_count_is_of_the_whole_noun_asked_and_never_a_percentage_of_it(question, sentence, strong, weak):
    assert spans_said(sentence, question) == (strong, weak)


@pytest.mark.parametrize(
    ("question", "sentence", "strong", "weak"),
    [
        # A counted noun typed as its abbreviation ("DA": dự án, "UVTW": ủy viên trung ương) ...
        (
            "TPHCM công bố bao nhiêu DA chống ngập?",
            "Tại hội nghị, TP công bố 17 dự án công trình chống ngập và xử lý nước thải.",
            ["17 dự án"],
            [],
        ),
        (
            "BCT điều động mấy UVTW về các bộ làm thứ trưởng?",
            "Bộ Chính trị điều động 4 đồng chí Uỷ viên Trung ương về các Bộ giữ chức Thứ trưởng.",
            ["4 đồng chí"],
            [],
        ),
        # ... "trường hợp" between the number and what it counts ...
        (
            "Ủy ban Kiểm tra kỷ luật bao nhiêu tổ chức đảng?",
            "Uỷ ban kiểm tra vừa thi hành kỷ luật 30 trường hợp tổ chức Đảng, đảng viên vi phạm.",
            ["30 trường hợp tổ chức"],
            [],
        ),
        # ... or the noun named before the number: "tổng số xe … là 2.500".
        (
            "Sở GTVT dự kiến tăng cường bao nhiêu xe dịp Tết?",
            "Dự kiến, tổng số xe tăng cường trong dịp này là 2.500.",
            ["2.500"],
            [],
        ),
        # Trade, support and damages are amounts of money, the currency kept with its magnitude.
        (
            "Kim ngạch thương mại Việt Nam - Ấn Độ năm ngoái đạt bao nhiêu?",
            "Năm 2017, kim ngạch thương mại hai chiều ước đạt 7,5 tỷ USD (tăng gần 38% so với 2016).",
            ["7,5 tỷ USD"],
            ["38%"],
        ),
        # "đất đai", "báo cáo" and "cao điểm" ask for no length or height: a distance is no answer.
        (
            "Theo báo cáo, bao nhiêu hộ bị thu hồi đất đai?",
            "Dự án thu hồi đất của 12 hộ, làm 300 m đường mới.",
            ["12 hộ"],
            ["300 m"],
        ),
        (
            "Bao nhiêu xe tăng cường dịp cao điểm?",
            "Dự kiến 2.500 xe tăng cường, nối đuôi nhau 3 km.",
            ["2.500 xe tăng cường"],
            ["3 km"],
        ),
        ("Đoàn xe dài bao nhiêu?", "Dự kiến 2.500 xe tăng cường, nối đuôi nhau 3 km.", ["3 km"], ["2.500 xe"]),
        # What a counted sample is for ("mẫu phân tích") is no other kind of sample than "mẫu thực phẩm", and
        # words are read with their diacritics when typed with them ("mẫu phân" is no "màu phấn").
        (
            "Bộ Nông nghiệp lấy bao nhiêu mẫu thực phẩm để phân tích dư lượng thuốc?",
            "Trong 5 tháng Bộ lấy gần 6.000 mẫu phân tích thì số mẫu vượt mức cho phép là 5,17%.",
            ["6.000 mẫu"],
            ["5 tháng"],
        ),
        # Calls however named; members of a legislature counted as "thành viên".
        (
            "Đường dây nóng nhận được bao nhiêu cuộc điện thoại?",
            "Đường dây nóng nhận được gần 6.000 cuộc gọi, hơn 4.000 tin nhắn.",
            ["6.000 cuộc gọi"],
            ["4.000 tin"],
        ),
        (
            "Có bao nhiêu nghị sĩ đảng Cộng hoà ký thư?",
            "Có 4 thành viên của đảng Dân chủ và 8 thành viên đảng Cộng hoà đã ký thư.",
            ["4 thành viên", "8 thành viên"],
            [],
        ),
        # Typed plain, "tien boi tron" is "tiền bôi trơn" ("boi tron" a word), not "tiền bối": money is asked.
        (
            "nguoi dan duoc goi y nop bao nhieu tien boi tron de cap so do?",
            "Người dân cho biết được gợi ý nộp 8 triệu đồng để làm phí bôi trơn khi cấp sổ đỏ.",
            ["8 triệu đồng"],
            [],
        ),
        # A word of two syllables asking for a dimension is read by its letters too ("diên tích" typed).
        ("Dự án lấn sông có diên tích bao nhiêu?", "Dự án rộng hơn 17 ha, lấn sông 6 ha.", ["17 ha", "6 ha"], []),
        # "đứng thứ mấy" asks for a rank: "thứ 11", not the shares beside it.
        (
            "viet nam dung thu may the gioi ve tieu thu thuoc khang sinh",
            "Việt Nam đứng thứ 11 trên toàn cầu về tiêu thụ kháng sinh, 71% người dân tự mua.",
            ["thứ 11"],
            [],
        ),
        # Votes are counted of those cast, with a slash: "44/48 phiếu" (a date is no count).
        (
            "Ông Dũng được bầu với bao nhiêu phiếu?",
            "Ngày 9/7, HĐND bầu ông Dũng với 44/48 phiếu bầu.",
            ["44/48 phiếu"],
            [],
        ),
    ],
)
def test_a_count_is_found_however_the_question_names_what_it_counts(question, sentence, strong, weak):
    assert spans_said(sentence, question) == (strong, weak)


@pytest.mark.parametrize(
    ("question", "sentence", "strong"),
    [
        # A name whose last word goes on in lowercase ends with it: "Phủ Chủ tịch", not "Phủ Chủ" ...
        (
            "Tổng Bí thư hội đàm với Tổng thống Mỹ ở đâu?",
            "Sáng 27/2, tại Phủ Chủ tịch, Tổng Bí thư đã hội đàm với Tổng thống Mỹ.",
            ["Phủ Chủ tịch"],
        ),
        # ... but not into a word of what follows ("thường xuyên").
        (
            "Đoàn công tác làm việc ở đâu?",
            "Đoàn công tác làm việc tại Hòa Bình thường xuyên trong tháng 5.",
            ["Hòa Bình"],
        ),
        # What follows an asked noun stops at a comma, and a name asked for with "nào?" is taken whole.
        (
            "Xe khách xếp hàng chờ ở bến xe nào?",
            "Tại bến xe Nước Ngầm, gần 200 xe khách xếp hàng chờ khách.",
            ["bến xe Nước Ngầm"],
        ),
        (
            "Xe biển đỏ đậu ở góc đường nào?",
            "Tại góc đường Hai Bà Trưng – Lê Duẩn, lực lượng chức năng lập biên bản xe biển đỏ.",
            ["góc đường Hai Bà Trưng – Lê Duẩn"],
        ),
        # A place named by its kind ("quảng trường", "chung cư"…) or reached "tới", "sang".
        (
            "Cụm linh vật rồng Tết Giáp Thìn ở Quy Nhơn được đặt ở đâu?",
            "Cụm linh vật rồng được đặt trước quảng trường Nguyễn Tất Thành dịp Tết.",
            ["quảng trường Nguyễn Tất Thành"],
        ),
        ("Vụ việc xảy ra ở đâu?", "Vụ việc xảy ra trong thang máy chung cư GX9 sáng 1/4.", ["chung cư GX9"]),
        ("Nhà vua thăm Huế xong thì đi đâu?", "Sau Huế, Nhà vua và Hoàng hậu bay tới Bangkok.", ["Bangkok"]),
        ("Ông đi đâu chữa bệnh?", "Ông Bá Thanh đi Mỹ chữa bệnh từ tháng 12.", ["Mỹ"]),  # or gone "đi"
        # An amount is bolded with its number ("2 triệu USD", not "triệu USD") ...
        (
            "Chính phủ Mỹ tài trợ gieo mầm bao nhiêu USD?",
            "Chính phủ Mỹ sẽ cấp khoản tài trợ gieo mầm ban đầu trị giá 2 triệu USD, cùng các khoản khác.",
            ["2 triệu USD"],
        ),
        # People counted by the press's abbreviation ("ĐBQH", "ĐVTN") are people.
        (
            "Sáng 26/10 có bao nhiêu đại biểu Quốc hội đăng ký phát biểu?",
            "Sáng 26/10 có 69 ĐBQH đăng ký phát biểu tại hội trường.",
            ["69 ĐBQH"],
        ),
        # ... and a bare "triệu" counts nothing.
        (
            "Ông Lâm để quên bao nhiêu tiền trong cặp?",
            'Ông Lâm có quan hệ mật thiết với "con bạc triệu đô" Bùi Tiến Dũng.',
            [],
        ),
        # "xã nào" is answered by the commune, never by "xã Kỳ Anh" cut from "thị xã Kỳ Anh".
        (
            "Dầu loang ở bờ biển Hà Tĩnh là ở xã nào?",
            "Bờ biển dài hơn 3 km ở xã Kỳ Lợi, thị xã Kỳ Anh, tỉnh Hà Tĩnh bị ô nhiễm dầu loang.",
            ["xã Kỳ Lợi"],
        ),
    ],
)
def test_the_bold_never_cuts_a_place_or_a_name_in_two(question, sentence, strong):
    assert spans_said(sentence, question)[0] == strong


@pytest.mark.parametrize(
    ("question", "sentence", "strong"),
    [
        # "những sở nào": each body the sentence names after the noun, whole ("sở Xây dựng", not "… về vấn").
        (
            "Chủ tịch thành phố giao những sở nào đề xuất thu hồi sân vận động?",
            "Chủ tịch thành phố đã ký văn bản gửi sở Tư pháp, sở Tài nguyên và Môi trường, sở Xây dựng về vấn đề"
            " thu hồi sân vận động.",
            ["sở Tư pháp", "sở Tài nguyên và Môi trường", "sở Xây dựng"],
        ),
        # "những tỉnh nào": every province named, not only the one after "tỉnh".
        (
            "Gian lận điểm thi xảy ra ở những tỉnh nào?",
            "Các vụ gian lận điểm thi ở các tỉnh Hà Giang, Hòa Bình, Sơn La đã được xử lý nghiêm.",
            ["tỉnh Hà Giang", "Hòa Bình", "Sơn La"],
        ),
        # "những huyện nào": the districts listed after the first one named by its kind, though no table
        # knows them.
        (
            "Những huyện nào có tỷ lệ hộ nông thôn dùng nước sạch từ 75% trở lên?",
            "Tỷ lệ hộ dân nông thôn sử dụng nước sạch đạt từ 75% trở lên ở các huyện Hoài Đức, Quốc Oai, Thạch"
            " Thất và Gia Lâm.",
            ["huyện Hoài Đức", "Quốc Oai", "Thạch Thất", "Gia Lâm"],
        ),
        # "Anh" opening the sentence before a name addresses a person; after a title it is England.
        (
            "Cá lóc về chợ Bình Điền chủ yếu từ những tỉnh nào?",
            "Anh Lâm Giang, nhân viên bốc vác trong chợ đầu mối Bình Điền, cho biết cá về từ nhiều nơi.",
            [],
        ),
        ("Những nước nào đã ký?", "Thủ tướng Anh Rishi Sunak và Pháp đã ký.", ["Anh", "Pháp"]),
        # … and not the city of the delegation that met their voters.
        (
            "Ông Trương Quang Nghĩa tiếp xúc cử tri những quận nào ở Đà Nẵng?",
            "Trưởng đoàn đại biểu Quốc hội thành phố Đà Nẵng đã tiếp xúc cử tri ba quận Hải Châu, Sơn Trà và Ngũ"
            " Hành Sơn.",
            ["quận Hải Châu", "Sơn Trà", "Ngũ Hành Sơn"],
        ),
        # "những cơ quan nào": the sentence names the bodies without repeating "cơ quan"; each is bolded
        # whole, not the one that gave the task (named in the question) nor one whose document it is.
        (
            "Những cơ quan nào được UBND TP.HCM giao rà soát chính sách về đất đai?",
            "Theo văn bản của Văn phòng Thành ủy, UBND TP giao Sở Tài chính, Sở Tài nguyên và Môi trường, Hội đồng"
            " Thẩm định giá đất TP và Cục Thuế TP rà soát các quy định.",
            ["Sở Tài chính", "Sở Tài nguyên và Môi trường", "Hội đồng Thẩm định giá đất TP", "Cục Thuế TP"],
        ),
        # A local body is named with its place's level between its opening words and the place.
        (
            "Cơ quan nào ra văn bản yêu cầu thanh tra việc giao thửa đất ở khu phố mới Tân Thạnh?",
            "Chiều 21-5, UBND tỉnh Quảng Nam cho hay đã có văn bản yêu cầu thanh tra việc giao đất ở khu phố mới Tân"
            " Thạnh.",
            ["UBND tỉnh Quảng Nam"],
        ),
        # A journalist is titled "nhà báo" or "PV" as well as "phóng viên".
        (
            "Những phóng viên nào được UBND huyện Hương Sơn tặng giấy khen?",
            "UBND huyện Hương Sơn đã tặng giấy khen cho nhà báo Phan Xuân Hồng, PV Hồ Anh Thắng và phóng viên"
            " Nguyễn Phi Long.",
            ["Phan Xuân Hồng", "Hồ Anh Thắng", "Nguyễn Phi Long"],
        ),
        (
            "pho thu tuong giao nhung bo nganh nao phoi hop voi bao chi?",
            "Phó thủ tướng giao Ngân hàng Nhà nước, Bộ Thông tin và truyền thông, Bộ Công Thương phối hợp.",
            ["Ngân hàng Nhà nước", "Bộ Thông tin và truyền thông", "Bộ Công Thương"],
        ),
    ],
)
def test_a_list_question_gets_every_body_or_place_the_sentence_names(question, sentence, strong):
    assert spans_said(sentence, question)[0] == strong


def test_a_listed_answer_is_bolded_without_cutting_a_name_from_its_bracketed_province():
    sentence = (
        "Dự luật áp dụng chung cho ba đặc khu Vân Đồn (Quảng Ninh), Bắc Vân Phong (Khánh Hoà), Phú Quốc (Kiên Giang)"
        " và có tính đến đặc thù của từng đơn vị."
    )
    articles = [
        Article("dac_khu", "Quốc hội thảo luận dự án Luật đơn vị hành chính - kinh tế đặc biệt", (sentence,)),
        Article("metro", "Metro số 1 về đích năm 2020", ("Tuyến metro số 1 dài 19,7 km đã thi công đạt 63%.",)),
        Article(
            "hop", "Kỳ họp thứ 7 HĐND tỉnh Nghệ An", ("Kỳ họp thứ 7 HĐND tỉnh Nghệ An bế mạc sau 3 ngày làm việc.",)
        ),
    ]
    answer = Answerer(Index.from_articles(articles)).answer("Ba đặc khu kinh tế trong dự án luật gồm những nơi nào?")
    start, end = answer.best.highlight
    assert answer.best.sentence[start:end] == "Vân Đồn (Quảng Ninh), Bắc Vân Phong (Khánh Hoà), Phú Quốc (Kiên Giang)"


@pytest.mark.parametrize(
    "question",
    [
        "Tỉnh nào là nơi đầu tiên gộp Sở Giao thông vận tải với Sở Xây dựng?",
        "tinh nao la noi dau tien gop so giao thong van tai voi so xay dung?",
    ],
)
def test_a_province_asked_for_with_nao_is_answered_by_the_province_wherever_it_stands(question):
    sentence = "Vừa qua, Lào Cai là địa phương đầu tiên trên cả nước sáp nhập Sở Giao thông vận tải và Sở Xây dựng."
    assert spans_said(sentence, question) == (["Lào Cai"], [])
    # Asked "ở đâu", a province named without "tại" or "ở" is a weaker answer.
    assert spans_said(sentence, "Việc sáp nhập diễn ra ở đâu?") == ([], ["Lào Cai"])


@pytest.mark.parametrize(
    "question",
    [
        "Trưa mùng 4 Tết, ô tô nối đuôi nhau trên cao tốc nào để vào Hà Nội?",
        "trua mung 4 tet, o to noi duoi nhau tren cao toc nao de vao ha noi?",
    ],
)
def test_a_kind_of_place_asked_for_with_nao_is_answered_by_that_place_named_whole(question):
    # Not "Pháp" (France) alone: the road asked for, its whole name; another place is a weaker answer.
    sentence = "Trưa mùng 4 Tết, dòng ôtô nối đuôi nhau trên cao tốc Pháp Vân - Cầu Giẽ hướng về Thủ đô."
    assert spans_said(sentence, question) == (["cao tốc Pháp Vân - Cầu Giẽ"], ["Thủ đô"])


@pytest.mark.parametrize(
    ("question", "sentence", "person"),
    [
        (
            "Ai chủ trì kỳ họp 35 của UBKT TW?",
            "Uỷ ban Kiểm tra Trung ương họp kỳ thứ 35 tại Hà Nội, do Chủ nhiệm Uỷ ban Trần Cẩm Tú chủ trì.",
            "Trần Cẩm Tú",
        ),
        (
            "Ai nói ở nghị trường là cao tốc hỏng sau vài trận mưa?",
            "ĐBQH Nguyễn Hữu Cầu (Nghệ An) lo rằng cao tốc vừa nghiệm thu đã hỏng sau vài trận mưa.",
            "Nguyễn Hữu Cầu",
        ),
        (
            "Ai nói ở nghị trường là cao tốc hỏng sau vài trận mưa?",
            "Tại nghị trường, đại biểu Nguyễn Hữu Cầu lo rằng cao tốc đã hỏng sau vài trận mưa.",
            "Nguyễn Hữu Cầu",
        ),
    ],
)
def test_a_person_named_after_a_committee_chair_or_a_deputy_title_is_a_strong_answer(question, sentence, person):
    assert spans_said(sentence, question) == ([person], [])


@pytest.mark.parametrize(
    "question",
    [
        "Đại hội 19 Đảng Cộng sản Trung Quốc khai mạc ngày nào?",
        "dai hoi 19 dang cong san trung quoc khai mac ngay nao?",
    ],
)
def test_a_date_of_the_opposite_event_is_a_weaker_answer_to_when(question):
    assert spans_said("Đại hội 19 đảng Cộng sản Trung Quốc bế mạc ngày 24/10.", question) == ([], ["ngày 24/10"])
    assert spans_said("Đại hội 19 khai mạc ngày 18/10 tại Bắc Kinh.", question) == (["ngày 18/10"], [])


@pytest.mark.parametrize(
    ("question", "sentence", "strong"),
    [
        (
            "Bộ Nội vụ kiến nghị gì để xử lý tình trạng số lượng cấp phó vượt quy định?",
            "Bộ Nội vụ kiến nghị, kiểm soát chặt chẽ số lượng cấp phó trong các tổ chức hành chính, đơn vị"
            " sự nghiệp công lập.",
            ["kiến nghị, kiểm soát chặt chẽ số lượng cấp phó trong các tổ chức hành chính"],
        ),
        (
            "Thành ủy Hà Nội yêu cầu từng cơ quan, đơn vị phải làm gì?",
            "Thành uỷ yêu cầu từng cơ quan đơn vị phải xây dựng kế hoạch tinh giản biên chế; trình cấp trên duyệt.",
            ["yêu cầu từng cơ quan đơn vị phải xây dựng kế hoạch tinh giản biên chế"],
        ),
    ],
)
def test_what_a_body_asks_or_proposes_is_the_clause_after_the_verb(question, sentence, strong):
    assert spans_said(sentence, question) == (strong, [])


@pytest.fixture(scope="module")
def appointments() -> Answerer:
    return Answerer(
        Index.from_articles(
            [
                Article(
                    "bn-1",
                    "Quận 1 có bí thư mới",
                    (
                        "Chiều 12/6, Ban Thường vụ Thành ủy bổ nhiệm bà Nguyễn Thị Lệ làm Bí thư Quận ủy quận 1 thay "
                        "ông Huỳnh Thanh Hải.",
                        "Bà Lệ sinh năm 1969, quê Long An, từng làm Chủ tịch UBND quận.",
                    ),
                ),
                Article(
                    "bn-2",
                    "Nữ bí thư quận ủy trẻ nhất",
                    ("Bà Trần Thị Hoa, Bí thư Quận ủy quận 3, sinh năm 1990 tại Hà Nội.",),
                ),
                Article(
                    "bn-3",
                    "Hội nghị giao ban báo chí",
                    ("Sáng 10/6, Ban Tuyên giáo tổ chức hội nghị giao ban báo chí.", "Hội nghị có 120 đại biểu."),
                ),
            ]
        )
    )


def test_a_follow_up_pointing_back_is_answered_from_the_article_the_earlier_answer_came_from(appointments):
    earlier, pointing = "Ai làm Bí thư Quận ủy?", "thế bà ấy sinh năm nào?"
    # "bà ấy" is the person the earlier answer named: her article, whichever says "sinh năm" best.
    for article, sentence in [
        ("bn-1", "Bà Lệ sinh năm 1969, quê Long An, từng làm Chủ tịch UBND quận."),
        ("bn-2", "Bà Trần Thị Hoa, Bí thư Quận ủy quận 3, sinh năm 1990 tại Hà Nội."),
    ]:
        best = appointments.answer(pointing, previous=earlier, earlier_article=article).best
        assert best is not None and (best.article.id, best.sentence) == (article, sentence)
    # Without the earlier answer's article, the words decide.
    assert appointments.answer(pointing, previous=earlier).best.article.id == "bn-2"
    # A follow-up that points at nothing is searched as before.
    assert (
        appointments.answer("còn ai sinh năm 1969?", previous=earlier, earlier_article="bn-2").best.article.id == "bn-1"
    )


def test_a_follow_up_pointing_back_at_what_its_article_does_not_say_lists_that_article_unsure(appointments):
    # No article says how many children she has: the one the chat is about is shown, not "không tìm thấy".
    answer = appointments.answer(
        "thế bà ấy có mấy người con?", previous="Ai làm Bí thư Quận ủy?", earlier_article="bn-1"
    )
    assert (answer.status, answer.findings[0].article.id) == (Status.UNSURE, "bn-1")
    assert (
        appointments.answer("thế bà ấy có mấy người con?", previous="Ai làm Bí thư Quận ủy?").status is Status.NOT_FOUND
    )
