"""Questions about a document itself, answered from the registry with the sentence that states the fact.

The fixture corpus (tests/fixtures/documents) cites Chỉ thị 05-CT/TW of the Bộ Chính trị (2016), Chỉ thị
05/CT-TTg of the Thủ tướng (2018), and two Nghị quyết 18-NQ/TW of the Ban Chấp hành Trung ương (2017, 2022).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import documents
from bot.answer import Answerer, Status
from bot.corpus import Article
from bot.documents import Fact, build_registry, fact_asked, registry_answer, signer_in
from bot.evidence import ConfidenceModel
from bot.index import Index
from bot.question import DocumentAsk, Kind, analyse, chat_written_out
from bot.store import build_index

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOCUMENTS = FIXTURES / "documents"
ROOT = Path(__file__).resolve().parent.parent


def _answerer_over(fixture: str, articles: int) -> Answerer:
    """An answerer over one fixture corpus, once it is seen to hold the articles its tests count on."""
    index, _ = build_index([FIXTURES / fixture])
    assert len(index.articles) == articles
    return Answerer(index)


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    index, _ = build_index([DOCUMENTS])
    assert len(index.articles) == 6 and len(index.documents) == 4
    return Answerer(index)


def shown(answerer: Answerer, question: str) -> tuple[Status, Kind | None, str, str, str]:
    """Status, kind, the answering article's id, its sentence and the highlighted span."""
    answer = answerer.answer(question)
    best = answer.best
    assert best is not None and best.highlight is not None
    return answer.status, answer.kind, best.article.id, best.sentence, best.sentence[slice(*best.highlight)]


@pytest.mark.parametrize(
    ("question", "fact", "name"),
    [
        ("Chỉ thị 05 nói về gì?", "subject", "chi thi 05"),
        ("NQ 18 về cái gì", "subject", "nq 18"),
        ("Chỉ thị 05-CT/TW do ai ban hành?", "issuer", "chi thi 05-ct/tw"),
        # Chat asks which side issued it.
        ("kết luận 45-KL/TW là bên nào ra vậy", "issuer", "ket luan 45-kl/tw"),
        ("cv 159 là bên nào ban hành v", "issuer", "cv 159"),
        ("Nghị quyết 18 được ban hành năm nào?", "date", "nghi quyet 18"),
        ("chi thi 05 nam 2018 do ai ky", "signer", "chi thi 05 nam 2018"),
        ("Quyết định 200/2004/QĐ-UB quy định những gì?", "subject", "quyet dinh 200/2004/qd-ub"),
        ("QĐ 1637/QĐ-UBND ban hành cái gì?", "subject", "qd 1637/qd-ubnd"),
        # The noun of what it governs may stand before "gì"; a decision approves or issues something.
        ("Nghị định 11/2014/NĐ-CP quy định về hoạt động gì?", "subject", "nghi dinh 11/2014/nd-cp"),
        ("Nghị định 108/2014 về chính sách gì?", "subject", "nghi dinh 108/2014"),
        ("QĐ 3344/QĐ-TTCP phê duyệt gì?", "subject", "qd 3344/qd-ttcp"),
        ("quyet dinh 1087-QD/TU ban hanh quy che gi", "subject", "quyet dinh 1087-qd/tu"),
        ("Quyết định 4480 phê duyệt nội dung gì?", "subject", "quyet dinh 4480"),
        ("Nghị quyết 01 năm 2019 của Chính phủ nói về nội dung gì?", "subject", "nghi quyet 01 nam 2019 cua chinh phu"),
        # Chat particles ending the question are no part of the name.
        ("cv 5228 của Bộ Nội vụ quy định cái j v mn", "subject", "cv 5228 cua bo noi vu"),
        # A filler word ("đã", "là") written with a capital or in a province's name is the name's.
        ("Chỉ thị 05 của Thành uỷ Đà Nẵng đã ban hành ngày nào?", "date", "chi thi 05 cua thanh uy da nang"),
        ("cv 617 của ubnd tỉnh sơn la ra năm nào vậy", "date", "cv 617 cua ubnd tinh son la ra"),
        ("Nghị quyết 4266 thời ông Đinh La Thăng là về việc gì?", "subject", "nghi quyet 4266 thoi ong dinh la thang"),
        # Which plenum of the Central Committee issued it, asked once or twice.
        ("nq 12-NQ/TW là của hội nghị TW nào, khoá mấy vậy", "plenum", "nq 12-nq/tw"),
        ("Nghị quyết 18 ban hành tại hội nghị trung ương lần thứ mấy?", "plenum", "nghi quyet 18 ban hanh tai"),
    ],
)
def test_a_question_about_a_document_says_which_fact_it_asks_and_names_the_document(question, fact, name):
    asked = analyse(question).document
    assert asked is not None and (asked.fact, asked.name) == (fact, name)


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("Quyết định 367 được ký ngày nào?", True),
        ("chỉ thị 05 ký ngày mấy vậy", True),
        ("nq 120 của cp ban hành hôm nào vậy", True),  # "hôm nào" after a verb of issuing asks its day
        ("Chỉ thị 15 ban hành năm nào?", False),
        ("NQ 120 ra đời khi nào?", False),
    ],
)
def test_a_question_about_a_documents_date_says_whether_it_asks_the_day(question, day):
    asked = analyse(question).document
    assert asked is not None and (asked.fact, asked.day) == ("date", day)


def test_which_document_is_about_a_topic_is_read_with_its_kind_and_topic():
    assert analyse("Chỉ thị nào về bảo vệ rừng?").document == DocumentAsk("which", "", "bao ve rung", "chi thi")
    assert analyse("Chỉ thị nào của Bộ trưởng GD&ĐT về đạo đức nhà giáo?").document == DocumentAsk(
        "which", "", "dao duc nha giao", "chi thi"
    )


def test_what_a_document_is_about_is_the_registry_subject_in_its_citing_sentence(answerer):
    status, kind, article, sentence, span = shown(answerer, "Chỉ thị 05-CT/TW nói về gì?")
    assert (status, kind, article) == (Status.ANSWER, Kind.WHAT, "vb-1")
    assert sentence.startswith("Sáng 2/4, Thành ủy Hà Nội sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016")
    assert span == "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"


def test_a_question_about_a_document_typed_in_chat_spelling_is_answered_as_typed_in_full(answerer):
    assert shown(answerer, "chỉ thị 05-CT/TW nói về cái j v") == shown(answerer, "Chỉ thị 05-CT/TW nói về gì?")


def test_the_same_number_from_another_issuer_is_another_document(answerer):
    assert shown(answerer, "Chỉ thị 05 của Thủ tướng nói về gì?")[2:] == (
        "vb-2",
        "Chiều 5/6, Công an tỉnh Nghệ An sơ kết một năm thực hiện Chỉ thị số 05/CT-TTg năm 2018 của Thủ tướng "
        "Chính phủ về tăng cường chấn chỉnh công tác quy hoạch xây dựng.",
        "tăng cường chấn chỉnh công tác quy hoạch xây dựng",
    )
    assert shown(answerer, "Chỉ thị 05 của Bộ Chính trị nói về gì?")[2] == "vb-1"


def test_a_year_in_the_question_picks_that_years_document(answerer):
    status, _, article, _, span = shown(answerer, "NQ 18 năm 2022 về cái gì")
    assert (status, article) == (Status.ANSWER, "vb-4")
    assert span.endswith("nâng cao hiệu lực, hiệu quả quản lý và sử dụng đất")
    status, kind, article, _, span = shown(answerer, "Nghị quyết 18 năm 2017 ban hành ngày nào?")
    assert (status, kind, article, span) == (Status.ANSWER, Kind.WHEN, "vb-3", "ngày 25/10/2017")


def test_a_number_cited_far_more_often_as_one_document_than_as_any_other_means_that_one(answerer):
    # 05-CT/TW is cited by five articles (three of them as "Chỉ thị 05 của Bộ Chính trị"), 05/CT-TTg by one.
    status, _, article, _, span = shown(answerer, "Chỉ thị 05 nói về gì?")
    assert (status, article) == (Status.ANSWER, "vb-1")
    assert span == "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"


def test_who_issued_a_document_is_the_issuer_named_in_its_citing_sentence(answerer):
    status, kind, article, _, span = shown(answerer, "Chỉ thị 05 năm 2018 do ai ban hành?")
    assert (status, kind, article, span) == (Status.ANSWER, Kind.WHO, "vb-2", "Thủ tướng Chính phủ")


def test_when_only_the_year_is_stated_the_year_answers(answerer):
    status, kind, _, _, span = shown(answerer, "Chỉ thị 05/CT-TTg ban hành năm nào?")
    assert (status, kind, span) == (Status.ANSWER, Kind.WHEN, "năm 2018")


def test_which_document_is_about_a_topic_names_it_in_the_sentence_stating_its_subject(answerer):
    status, kind, article, _, span = shown(answerer, "Chỉ thị nào về quy hoạch xây dựng?")
    assert (status, kind, article, span) == (Status.ANSWER, Kind.WHAT, "vb-2", "Chỉ thị số 05/CT-TTg")
    assert shown(answerer, "Chỉ thị nào của Thủ tướng về chấn chỉnh công tác quy hoạch?")[4] == "Chỉ thị số 05/CT-TTg"


@pytest.mark.parametrize(
    "question",
    [
        "Nghị quyết 18 ban hành năm nào?",  # two documents 18-NQ/TW: which one?
        "Chỉ thị 05-CT/TW năm 2019 nói về gì?",  # the registry's 05-CT/TW is of 2016
        "Nghị quyết 18 của Thủ tướng nói về gì?",  # no such issuer for it
        "Hội nghị sơ kết Chỉ thị 05-CT/TW diễn ra khi nào?",  # asks about a meeting, not the document
        "Nghị quyết nào về bảo vệ rừng?",  # no document about that
    ],
)
def test_the_registry_answers_nothing_it_cannot_pin_to_one_document(answerer, question):
    asked = analyse(question).document
    assert asked is not None
    assert fact_asked(answerer.index.documents, asked.fact, asked.name, asked.topic, asked.kind) is None


def test_the_cli_json_shows_a_document_answer_like_any_other(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN", "CORPUS_DIR", "CACHE_DIR"}}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "--corpus", str(DOCUMENTS), "Chỉ thị 05-CT/TW do ai ban hành?"],
        cwd=tmp_path,
        env=environment | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["status"], record["found"]) == ("answer", True)
    assert record["answer"].startswith("Sáng 2/4, Thành ủy Hà Nội sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW")
    assert "của <b>Bộ Chính trị</b> về đẩy mạnh" in record["reply"]
    assert record["hits"][0]["article_id"] == "vb-1"


@pytest.fixture(scope="module")
def cited() -> Answerer:
    """Short articles, each citing documents among other words."""
    return _answerer_over("document_questions", 29)


def _stated_in(answerer: Answerer, question: str) -> tuple[str, str] | None:
    """The registry's answer as the answering path asks for it (with no document analysed, none passed): the
    citing article's id and the span stating the fact."""
    asked = analyse(question).document
    parts = (asked.fact, asked.name, asked.topic, asked.kind, asked.day) if asked else (None, "", "", "", False)
    index = answerer.index
    fact = registry_answer(index.documents, index.articles, question, *parts)
    return (index.articles[fact.citation.article].id, fact.citation.sentence[slice(*fact.span)]) if fact else None


def _registry_fact(answerer: Answerer, question: str) -> Fact | None:
    asked = analyse(question).document
    assert asked is not None
    index = answerer.index
    parts = (asked.fact, asked.name, asked.topic, asked.kind, asked.day)
    return registry_answer(index.documents, index.articles, question, *parts)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Chỉ thị số 18 của Thủ tướng về việc gì?", "subject"),
        ("QĐ 1051/QĐ-TTg là quyết định gì?", "subject"),
        ("Thông tư 41 là của cơ quan nào?", "issuer"),
        ("Thông tư 41 do bộ nào ban hành?", "issuer"),
        ("Chỉ thị 07 ra tháng nào?", "date"),
        ("Chỉ thị 07 ban hành hồi nào?", "date"),
        ("Chỉ thị 07 ký ngày mấy?", "date"),
        ("Thông tư 41 cơ quan ban hành là ai?", "issuer"),
        ("Thông tư 41 ai là người ký?", "signer"),
        ("Ai ký ban hành Thông tư 41?", "signer"),
        # Chat spelling: "j" is "gì", "z" and "v" are "vậy", "dc" is "được".
        ("nghị quyết số 28 về cái j vậy", "subject"),
        ("ct 07 dc ban hanh khi nao v", "date"),
        ("tt 41 cua co quan nao z", "issuer"),
    ],
)
def test_the_usual_ways_of_asking_what_who_and_when_are_read(question, fact):
    asked = analyse(question).document
    assert asked is not None and asked.fact == fact


@pytest.mark.parametrize(
    ("question", "kind", "article", "span"),
    [
        # The document named among words of its citing sentence: the sentence, its issuer in bold.
        (
            "Thông tư 41 về giấy xác nhận khi nhập khẩu phế liệu là của bộ nào?",
            Kind.WHO,
            "dq-1",
            "Bộ Tài nguyên và Môi trường",
        ),
        # A year opening the clause before "<issuer> có <document>" is the document's.
        ("Bộ Y tế ra Chỉ thị 07 về phòng chống dịch sởi vào năm nào?", Kind.WHEN, "dq-2", "Năm 2015"),
        # "… theo nghị định nào?": the document of that kind whose citing sentence holds the question's words.
        ("học sinh bán trú vùng cao được hỗ trợ tiền ăn trưa theo nghị định nào", Kind.WHAT, "dq-3", "Nghị định 116"),
        # A number in the topic names no document ("hơn 10 năm" is no Nghị quyết 10).
        (
            "Nghị quyết nào về phát triển du lịch thành ngành kinh tế mũi nhọn đã thực hiện hơn 10 năm?",
            Kind.WHAT,
            "dq-4",
            "Nghị quyết 08",
        ),
        # "có hiệu lực từ ngày nào": the day it takes effect, stated beside its name.
        ("Nghị quyết 23 về thí điểm chính quyền đô thị có hiệu lực từ ngày nào?", Kind.WHEN, "dq-7", "1/7/2019"),
        # What it does, written right after its name without "về".
        (
            "Nghị quyết số 512 mà hội đồng thành viên ban hành là về việc gì?",
            Kind.WHAT,
            "dq-8",
            "góp vốn vào ngân hàng thương mại, trái quy định của pháp luật",
        ),
        # The issuer its code names, where the sentence names it; "pct" is held by "Phó Chủ tịch".
        ("qđ 88-QĐ/UBKTTW kỷ luật pct tỉnh là của ai ban hành", Kind.WHO, "dq-9", "Ủy ban Kiểm tra Trung ương"),
        # The issuer asked for, with the verb of issuing before the name ("Cơ quan nào ra Quyết định …").
        ("Cơ quan nào ra Quyết định 777/QĐ-TTg kỷ luật ông Trần Văn B?", Kind.WHO, "dq-11", "Thủ tướng Chính phủ"),
        # "Tại Quyết định …, Thủ tướng quyết định thi hành …": what it decides ("thi hành" is no "thì").
        (
            "QĐ 777/QĐ-TTg của Thủ tướng là quyết định gì?",
            Kind.WHAT,
            "dq-11",
            "thi hành kỷ luật bằng hình thức cảnh cáo đối với ông Trần Văn B",
        ),
        # "Nghị quyết có hiệu lực từ …" in an article citing Nghị quyết 44 alone of its kind.
        ("Nghị quyết 44 về lấy phiếu tín nhiệm có hiệu lực khi nào?", Kind.WHEN, "dq-12", "1/7/2015"),
        # What its issuer issues in it ("tại Quyết định …, UBND thành phố ban hành quy chế …"), and what it does
        # written after its date and issuer ("Quyết định số 3210/QĐ-UBND, ngày 21/7/2014 của UBND tỉnh chấp thuận …").
        ("QĐ 1999/QĐ-UBND ban hành cái gì?", Kind.WHAT, "dq-13", "quy chế thu phí hạ tầng cảng biển"),
        ("QĐ 3210 năm 2014 của UBND tỉnh là về gì?", Kind.WHAT, "dq-21", "chấp thuận chủ trương đầu tư dự án lấn sông"),
        # A month of issue ("tháng 6/2017") dates it.
        ("Quyết định 1999/QĐ-UBND về thu phí hạ tầng cảng biển ban hành khi nào?", Kind.WHEN, "dq-13", "tháng 6/2017"),
        # Less of the question's words will do when no other document of that number comes near.
        (
            "Nghị quyết 31 về phát triển đô thị bền vững và xanh mà UBND TP dẫn ra khi phản đối sáp nhập các sở là của cơ quan nào?",
            Kind.WHO,
            "dq-10",
            "Bộ Chính trị",
        ),
        # The asking words first ("Ai ban hành …"), and an issuer that "từng có" it, its city left unsaid.
        ("Ai ban hành quyết định 14/2015/QĐ-UBND về hỗ trợ chi phí hỏa táng?", Kind.WHO, "dq-17", "UBND TP"),
        # A people's committee's code before 2004 (-UB) is the UBND's.
        ("QĐ 200/2004/QĐ-UB về ngành nghề gây ô nhiễm trong khu dân cư do ai ban hành?", Kind.WHO, "dq-18", "UBND TP"),
        # A body named among the words on what it is about is no issuer of it.
        (
            "Nghị quyết 439 đưa vốn cắt của các dự án chậm vào dự phòng trái phiếu Chính phủ là của cơ quan nào?",
            Kind.WHO,
            "dq-29",
            "Ủy ban Thường vụ Quốc hội",
        ),
        # Who issued it is asked: the UBND the question names is who cited it, not the issuer.
        (
            "Nghị quyết 31 về phát triển đô thị mà UBND TP dẫn ra khi phản đối sáp nhập các sở là của cơ quan nào?",
            Kind.WHO,
            "dq-10",
            "Bộ Chính trị",
        ),
    ],
)
def test_a_question_naming_a_document_among_other_words_is_answered_from_its_citing_sentence(
    cited, question, kind, article, span
):
    status, answered_kind, answered_article, _, highlighted = shown(cited, question)
    assert (status, answered_kind, answered_article, highlighted) == (Status.ANSWER, kind, article, span)


@pytest.mark.parametrize(
    ("question", "article", "span"),
    [
        # The year the question names the law with is no date of it: the sentence stating its day is.
        ("Bộ luật Dân sự 2015 được Quốc hội thông qua ngày nào?", "dq-23", "ngày 24/11/2015"),
        # The words ("thời ông Trần Văn B") are in the article, not in the sentence naming the resolution,
        # which states what it does without "về" (the registry holds no subject for it).
        (
            "Nghị quyết số 512 thời ông Trần Văn B là về việc gì?",
            "dq-8",
            "góp vốn vào ngân hàng thương mại, trái quy định của pháp luật",
        ),
        # A code named by the abbreviation the press writes is the code.
        ("BLDS 2015 do cơ quan nào biểu quyết thông qua?", "dq-23", "Quốc hội"),
        # Of the sentences covering the question enough, the one stating the day answers "khi nào".
        (
            "Nghị quyết 77 của Chính phủ về phát triển bền vững vùng ven biển thích ứng biến đổi khí hậu ra đời khi nào?",
            "dq-25",
            "Ngày 20/11/2016",
        ),
        # A legal document's code carries the year it was issued in …
        ("Nghị quyết 42 của Quốc hội ban hành năm nào?", "dq-26", "2017"),
        # … but a year written out says it more plainly: that sentence is the one kept.
        ("Thông tư 159 của Bộ Tài chính ban hành năm nào?", "dq-28", "năm 2014"),
    ],
)
def test_the_registry_answers_from_the_citing_sentence_that_states_the_asked_fact(cited, question, article, span):
    fact = _registry_fact(cited, question)
    assert fact is not None and cited.index.articles[fact.citation.article].id == article
    assert fact.citation.sentence[slice(*fact.span)] == span


def test_a_question_asking_the_day_is_not_answered_by_the_year_alone(cited):
    # The registry knows only the year of Nghị quyết 42 (its code's; asked the year, it answers "2017").
    assert _registry_fact(cited, "Nghị quyết 42 của Quốc hội ban hành ngày nào?") is None


def test_of_two_documents_of_a_name_the_one_whose_citing_sentence_holds_the_questions_words_answers():
    # Both articles citing a Nghị quyết 02/NQ-CP (of 2015, of 2014) hold the question's words; the title over
    # the sentence naming one does.
    index, _ = build_index([FIXTURES / "yearly_documents"])
    assert len(index.articles) == 3
    question = "Nghị quyết số 02 và 35 của Chính phủ mà Kho bạc triển khai là về vấn đề gì?"
    asked = analyse(question).document
    assert asked is not None
    # (the step that reads a document named among other words: the whole answer finds it another way too)
    fact = documents._named_with_words(index.documents, index.articles, asked.name, asked.fact)
    assert fact is not None and index.articles[fact.citation.article].id == "dq-30"
    assert fact.citation.sentence[slice(*fact.span)] == "cải thiện môi trường kinh doanh"


@pytest.fixture(scope="module")
def topical() -> Answerer:
    return _answerer_over("topical_documents", 27)


def test_of_two_documents_of_a_name_whose_sentences_fit_alike_the_one_whose_topic_holds_the_questions_words_answers(
    topical,
):
    # Both citing sentences hold "lấy phiếu tín nhiệm"; only the registry's Nghị quyết 85 of 2015 is known to be
    # about it (85/2014/QH13's topic is never stated).
    status, kind, article, _, span = shown(topical, "NQ 85 của QH về lấy phiếu tín nhiệm ban hành năm nào?")
    assert (status, kind, article, span) == (Status.ANSWER, Kind.WHEN, "tp-2", "năm 2015")


def test_the_only_document_of_a_number_issued_in_the_province_named_is_the_one_asked_about_in_other_words(topical):
    # The question tells Quyết định 875 by what it bans, words its citing sentence does not hold; of the two
    # of that number, one is Thanh Hoá's, the other Nghệ An's.
    asked = "QĐ 875 cấm CB, ĐV uống rượu bia trong giờ làm việc ở Thanh Hoá do cơ quan nào ban hành?"
    assert _stated_in(topical, asked) == ("tp-19", "Ban thường vụ Tỉnh ủy Thanh Hóa")
    assert _stated_in(topical, asked.replace("Thanh Hoá", "Quảng Nam")) is None


@pytest.mark.parametrize(
    ("question", "article", "span"),
    [
        # The day of issue may follow what the document is about ("… lần thứ 9 được ban hành ngày 19/7").
        ("nq 54 phong tặng nsnd nsut lần thứ 9 ban hành ngày nào thế", "tp-21", "19/7"),
        # A document cited without "của …" is the asked issuer's where its sentence names that issuer: Chỉ thị 05 of
        # 2016 (tp-22), beside the Thành ủy's other Chỉ thị 05 (tp-23).
        (
            "Chỉ thị 05 của Ban Thường vụ Thành uỷ Đà Nẵng về kiểm tra, giám sát kê khai tài sản ban hành ngày nào?",
            "tp-22",
            "ngày 5-1-2016",
        ),
        # An abbreviation typed in lowercase is held where what it stands for is ("dn": "doanh nghiệp"): the Thủ
        # tướng's Chỉ thị 10 of 2019 (tp-24), not the one of 2013 (tp-25).
        ("chỉ thị 10 của TTg chống nhũng nhiễu dân với dn ban hành hồi nào vậy", "tp-24", "Tháng 4/2019"),
        # A name the question spells out is held where its abbreviation is ("Kho bạc Nhà nước": "KBNN", "ngân sách
        # nhà nước": "NSNN"): the Nghị quyết 01/NQ-CP of 2016 (tp-26), not the one of 2019 (tp-27).
        (
            "Nghị quyết số 01/NQ-CP mà Kho bạc Nhà nước Hà Nội thực hiện khi kiểm soát chi ngân sách được ban hành "
            "ngày nào?",
            "tp-26",
            "ngày 07/01/2016",
        ),
    ],
)
def test_a_document_told_by_other_words_than_its_sentences_is_answered_from_the_one_stating_the_fact(
    topical, question, article, span
):
    assert _stated_in(topical, question) == (article, span)


def test_the_term_of_the_issuer_a_question_names_is_no_word_the_sentence_stating_the_fact_must_hold(topical):
    question = "Nghị quyết số 959 của Uỷ ban Thường vụ Quốc hội khoá 13 được ban hành ngày nào?"
    status, _, article, _, span = shown(topical, question)
    assert (status, article, span) == (Status.ANSWER, "tp-5", "ngày 28/5/2015")


def test_a_document_whose_issuer_the_registry_does_not_know_is_answered_where_its_sentence_names_the_asked_one(
    topical,
):
    status, _, article, _, span = shown(topical, "Chỉ thị số 01 của UBND tỉnh Khánh Hòa nói về gì?")
    assert (status, article, span) == (Status.ANSWER, "tp-6", "tăng cường quản lý đất đai trên địa bàn huyện Vạn Ninh")
    # Another province's Chỉ thị 01 is not this one.
    assert _registry_fact(topical, "Chỉ thị số 01 của UBND tỉnh Phú Yên nói về gì?") is None


def test_a_day_of_issue_other_citations_disagree_with_is_not_the_answer(topical):
    # tp-7 writes Quy định 102's day as 15/12/2017 and fits the question best (its title is about kỷ luật);
    # tp-8 and tp-9 give 15/11/2017.
    question = "Quy định 102 về xử lý kỷ luật đảng viên vi phạm được ban hành ngày nào?"
    status, _, article, _, span = shown(topical, question)
    assert (status, article, span) == (Status.ANSWER, "tp-8", "ngày 15/11/2017")


def test_a_day_of_issue_written_without_its_year_answers_which_day_but_not_which_year(topical):
    question = "Quyết định 1433 xoá tư cách nguyên bộ trưởng ban hành ngày nào?"
    status, _, article, _, span = shown(topical, question)
    assert (status, article, span) == (Status.ANSWER, "tp-11", "ngày 26/10")
    assert _registry_fact(topical, "Quyết định 1433 xoá tư cách nguyên bộ trưởng ban hành năm nào?") is None


def test_a_quy_dinh_the_news_calls_a_quyet_dinh_by_its_code_is_one_document_to_ask_about(topical):
    # tp-12 calls Quy định 102-QĐ/TW (tp-7 to tp-9) a Quyết định: "QĐ 102-QĐ/TW" names one document, not two.
    status, _, article, _, span = shown(topical, "QĐ 102-QĐ/TW của BCT quy định về cái gì?")
    assert (status, article, span) == (Status.ANSWER, "tp-7", "xử lý kỷ luật đảng viên vi phạm")


def test_what_the_issuer_does_in_a_document_the_sentence_opens_with_is_what_it_is_about(topical):
    status, _, article, _, span = shown(topical, "quyết định 1433/QĐ-TTg nội dung là gì")
    assert (status, article, span) == (
        Status.ANSWER,
        "tp-11",
        "xóa tư cách nguyên Bộ trưởng Thông tin và Truyền thông nhiệm kỳ 2011-2016 với ông A",  # canonical tone mark
    )


def test_a_law_asked_without_a_year_is_answered_by_its_only_enactment_stating_one(topical):
    # tp-14 cites Luật Giáo dục đại học with no year (an entry of its own, stating none): no rival to 2012's.
    assert _stated_in(topical, "Luật giáo dục đại học ban hành năm nào?") == ("tp-13", "năm 2012")


def test_how_a_law_was_passed_or_takes_effect_is_asked_not_words_its_sentence_must_hold(topical):
    question = "Luật Giáo dục sửa đổi vừa được Quốc hội biểu quyết thông qua năm 2019 có hiệu lực thi hành từ ngày nào?"
    assert _stated_in(topical, question) == ("tp-15", "1/7/2020")


def test_a_day_and_a_central_body_with_its_tw_written_apart_name_the_document_asked_about(topical):
    assert _stated_in(topical, "TB 138 ngày 27/10 của UBKT TW là về việc gì?") == (
        "tp-16",
        "kết luận kiểm tra đối với Ban Cán sự đảng Bộ Công Thương",
    )


def test_a_law_asked_for_after_a_verb_is_the_one_a_sentence_cites_right_after_that_verb(topical):
    assert _stated_in(topical, "Ông Phúc đã vi phạm luật nào khi giao đất?") == ("tp-17", "Luật đất đai")
    # tp-18 names Luật Đầu tư beside "ông Phúc" too, but no verb puts it there as what he did it under.
    assert _stated_in(topical, "Luật nào có điểm mới về thủ tục đầu tư của ông Phúc?") is None


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Ông Phúc vi phạm luật nào?", "luat"),
        ("Ông A đã ký quyết định nào?", "quyet dinh"),
        # A "kỷ luật" is no law: no document is asked for (every law's citations were read for nothing).
        ("Năm 2017 Hà Nội phải thi hành kỷ luật bao nhiêu đảng viên?", None),
        ("Ông A bị kỷ luật nào?", None),
    ],
)
def test_which_kind_of_document_a_question_asks_for(question, asked):
    which = documents._which_kind(documents._words_and_codes(documents._plain(question)))
    assert (which["kind"] if which else None) == asked


def test_a_document_of_a_body_of_an_issuer_is_not_another_issuers_document_of_its_number(topical):
    # "Ban cán sự đảng Bộ TN-MT" issues for the Bộ TN-MT: the Party's Nghị quyết 25-NQ/TW is not its, though
    # tp-10's sentence holds "sự" and "Đảng".
    assert _registry_fact(topical, "NQ 25 của Trung ương nói về gì?") is not None
    assert _registry_fact(topical, "NQ 25 của Ban cán sự đảng Bộ TN-MT nói về gì?") is None


def test_who_cited_a_document_in_the_question_is_no_word_its_citing_sentence_must_hold(topical):
    question = "Quyết định 01 của Thủ tướng mà VNSteel viện dẫn khi đòi chuyển về SCIC là về vấn đề gì?"
    status, _, article, _, span = shown(topical, question)
    assert (status, article, span) == (Status.ANSWER, "tp-4", "sắp xếp, đổi mới doanh nghiệp nhà nước")


@pytest.fixture(scope="module")
def plenums() -> Answerer:
    return _answerer_over("plenums", 4)


@pytest.mark.parametrize(
    ("question", "article", "span"),
    [
        # The plenum after the name, "của" between …
        ("nq 12-NQ/TW là của hội nghị TW nào, khoá mấy vậy", "pl-1", "Hội nghị Trung ương 5 khóa XII"),
        # … or a comma; the question's words are the sentence's.
        ("NQ số 05 về xử lý DNNN thua lỗ là của hội nghị TW nào?", "pl-2", "Hội nghị Trung ương 4 khóa XII"),
        # The plenum issuing it, before its name; with its term, over a sentence naming the plenum without.
        ("Nghị quyết 18 là của hội nghị trung ương nào?", "pl-3", "Hội nghị Trung ương 6 khóa XII"),
    ],
)
def test_the_plenum_a_resolution_is_of_is_answered_from_the_sentence_naming_it(plenums, question, article, span):
    status, kind, answered_article, _, highlighted = shown(plenums, question)
    assert (status, kind, answered_article, highlighted) == (Status.ANSWER, Kind.WHO, article, span)


def test_a_plenum_named_for_another_document_of_the_sentence_is_no_answer(plenums):
    # "Chỉ thị 05 của Bộ Chính trị và Nghị quyết 26 của Hội nghị Trung ương 7": the plenum is the resolution's.
    assert _registry_fact(plenums, "Chỉ thị 05 là của hội nghị trung ương nào?") is None


@pytest.fixture(scope="module")
def coded_issuers() -> Answerer:
    return _answerer_over("coded_issuers", 3)


def test_an_issuer_read_from_the_code_is_answered_by_the_body_of_that_issuer_named_before_the_document(
    coded_issuers,
):
    fact = _registry_fact(coded_issuers, "qđ 6039 phê duyệt đtm dự án bến du thuyền là của cơ quan nào vậy")
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "UBND TP. Đà Nẵng"


def test_an_office_of_the_issuer_named_before_the_document_is_no_issuer_of_it(coded_issuers):
    # "Văn phòng UBND tỉnh Quảng Nam" announces the decision; it did not issue it.
    assert _registry_fact(coded_issuers, "Quyết định 77/QĐ-UBND do cơ quan nào ban hành?") is None


@pytest.fixture(scope="module")
def unmarked_subjects() -> Answerer:
    return _answerer_over("unmarked_subjects", 5)


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        # What it does, written right after its name without "về" …
        ("Nghị quyết số 512 nói về gì?", "góp vốn vào ngân hàng thương mại, trái quy định của pháp luật"),
        # … but not what another document named there is about, nor the predicate of the meeting naming it.
        ("Nghị quyết 54-NQ/TW của Bộ Chính trị nói về gì?", None),
        ("Quy định 1374 nói về gì?", None),
        # … nor when it was carried out ("ngay từ những ngày đầu năm 2019") or what it should be ("cần phải …").
        ("Nghị quyết 01/NQ-CP năm 2019 của Chính phủ về nội dung gì?", None),
        # A subject naming the year the question names the document with is its subject all the same.
        (
            "Nghị quyết 19-2017/NQ-CP của Chính phủ nói về nội dung gì?",
            "tiếp tục thực hiện những nhiệm vụ, giải pháp chủ yếu cải thiện môi trường kinh doanh, nâng cao năng lực "
            "cạnh tranh quốc gia năm 2017",
        ),
    ],
)
def test_a_subject_written_without_ve_is_what_the_document_itself_does(unmarked_subjects, question, subject):
    fact = _registry_fact(unmarked_subjects, question)
    assert (fact.citation.sentence[slice(*fact.span)] if fact else None) == subject


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Ông Trần Văn B bị kỷ luật cảnh cáo theo quyết định nào?", "Quyết định 777/QĐ-TTg"),
        # The person the question names must be the article's: Trần Văn C is not Trần Văn B.
        ("Ông Trần Văn C bị kỷ luật cảnh cáo theo quyết định nào?", None),
    ],
)
def test_a_document_is_answered_only_from_an_article_naming_the_questions_person(cited, question, answered):
    index = cited.index
    fact = registry_answer(index.documents, index.articles, question, None, "", "", "")
    assert (fact.citation.sentence[slice(*fact.span)] if fact else None) == answered


def test_the_issuer_in_bold_is_the_one_naming_the_document_not_an_earlier_one(cited):
    answer = cited.answer("Quyết định 109-QĐ/TW về Tạp chí Cộng sản là của cơ quan nào?")
    best = answer.best
    assert answer.status is Status.ANSWER and best is not None and best.highlight is not None
    assert best.sentence[slice(*best.highlight)] == "Bộ Chính trị"
    assert best.highlight[0] > best.sentence.index("thay quyết định")


@pytest.mark.parametrize(
    "question",
    [
        "Chỉ thị 22 về phòng chống cháy rừng do ai ban hành?",  # two provinces' Chỉ thị 22 on it: which one?
        "Thông tư 41 về cấp phép khai thác cát sông là của bộ nào?",  # the sentence says nothing of sand
        "Nghị định nào quy định mức phạt vượt đèn đỏ?",  # no citing sentence holds the question's words
        # The meeting is asked about, not the document: its date in the sentence is no answer.
        "Hội nghị sơ kết Chỉ thị 09 về an toàn thực phẩm diễn ra ngày nào?",
        # A resolution numbered 01 every year: the citing sentence is of 2019's.
        "Nghị quyết 01/NQ-CP năm 2018 của Chính phủ về nội dung gì?",
    ],
)
def test_a_document_question_the_citing_sentences_do_not_settle_gets_no_registry_answer(cited, question):
    asked = analyse(question).document
    parts = (asked.fact, asked.name, asked.topic, asked.kind) if asked else (None, "", "", "")
    assert registry_answer(cited.index.documents, cited.index.articles, question, *parts) is None


@pytest.mark.parametrize(
    ("question", "span"),
    [
        # "Nghị quyết có hiệu lực từ …" in an article citing Nghị quyết 44 alone of its kind.
        ("Nghị quyết 44 về lấy phiếu tín nhiệm có hiệu lực khi nào?", "1/7/2015"),
        # A month of issue ("tháng 6/2017") dates it.
        ("Quyết định 1999/QĐ-UBND về thu phí hạ tầng cảng biển ban hành khi nào?", "tháng 6/2017"),
    ],
)
def test_the_registry_reads_a_day_of_taking_effect_of_the_kind_alone_and_a_month_of_issue(cited, question, span):
    asked = analyse(question).document
    assert asked is not None and asked.fact == "date"
    fact = registry_answer(cited.index.documents, cited.index.articles, question, asked.fact, asked.name, "", "")
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == span


def test_which_document_reads_every_naming_sentence_and_a_year_asked_is_a_word_not_the_documents_year(cited):
    # Chỉ thị 27 (2017): its first naming sentence says nothing of Tết, a later one does.
    question = "Ban Bí thư ban hành chỉ thị nào yêu cầu tổ chức Tết 2018 tiết kiệm?"
    fact = registry_answer(cited.index.documents, cited.index.articles, question, None, "", "", "")
    assert fact is not None and fact.document.year == 2017
    assert fact.citation.sentence == "Chỉ thị 27 yêu cầu các địa phương tổ chức Tết 2018 tiết kiệm."
    assert fact.citation.sentence[slice(*fact.span)] == "Chỉ thị 27"


def test_which_text_of_any_kind_is_asked_with_van_ban(cited):
    question = "Văn bản nào yêu cầu các địa phương tổ chức Tết 2018 tiết kiệm?"
    asked = analyse(question).document
    parts = (asked.fact, asked.name, asked.topic, asked.kind) if asked else (None, "", "", "")
    fact = registry_answer(cited.index.documents, cited.index.articles, question, *parts)
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "Chỉ thị 27"


def test_a_question_asked_again_reads_no_citing_sentence_again(answerer):
    question = "Văn bản nào của Bộ Chính trị về quy hoạch xây dựng được triển khai ở Hà Nội?"
    answerer.answer(question)
    read = documents._words_of.cache_info().misses
    answerer.answer(question)
    assert documents._words_of.cache_info().misses == read


def test_the_office_shorthand_of_an_issuer_names_it_and_is_no_word_to_find(cited):
    # "BBT" is the Ban Bí thư: the citing sentence need not hold it as a word.
    question = "CT 13-CT/TW của BBT về quản lý, bảo vệ rừng ban hành năm nào?"
    asked = analyse(question).document
    assert asked is not None
    fact = registry_answer(cited.index.documents, cited.index.articles, question, asked.fact, asked.name, "", "")
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "ngày 12/1/2017"


def _asked_of(question: str, *texts: str) -> Fact | None:
    """The registry's answer to `question` over a small corpus: one article per text (at least three)."""
    padding = ("Hội nghị diễn ra trong hai ngày.",) * max(0, 3 - len(texts))
    articles = [Article(id=str(n), title="Tin", paragraphs=(t,)) for n, t in enumerate(texts + padding)]
    asked = analyse(question).document
    parts = (asked.fact, asked.name, asked.topic, asked.kind) if asked else (None, "", "", "")
    return registry_answer(build_registry(articles), articles, question, *parts)


def test_a_body_the_question_names_doing_something_else_is_not_taken_for_the_documents_issuer():
    fact = _asked_of(
        "Thông tư liên tịch 15 mà Bộ Tài chính đang cùng Bộ Y tế sửa đổi quy định về vấn đề gì?",
        "Bộ Y tế đang cùng Bộ Tài chính sửa đổi Thông tư liên tịch 15 về khám sức khỏe định kỳ cho người lao động.",
        "Bộ Tài chính ban hành Thông tư 78/2014/TT-BTC về thuế thu nhập doanh nghiệp.",
    )
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "khám sức khỏe định kỳ cho người lao động"


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("Luật Thủy lợi năm 2017 do cơ quan nào thông qua?", "Quốc hội"),
        ("Luật Trồng trọt quy định về giống cây trồng là luật năm nào?", "năm 2018"),
    ],
)
def test_a_law_asked_by_its_title_is_answered_from_its_citing_sentence(question, span):
    fact = _asked_of(
        question,
        "Sáng 19/6, Quốc hội đã thông qua Luật Thủy lợi năm 2017 với đa số đại biểu tán thành.",
        "Theo Luật Trồng trọt năm 2018, giống cây trồng phải được công nhận lưu hành.",
        "Luật Thủy lợi giao địa phương quản lý công trình nhỏ.",
    )
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == span


def test_which_document_a_body_named_doing_something_else_works_on_is_asked_of_any_issuer():
    texts = (
        "Bộ Y tế đang phối hợp với Bộ Tài chính sửa Thông tư liên tịch 15 về khám sức khỏe định kỳ cho người lao động.",
        "Bộ Tài chính ban hành Thông tư 78/2014/TT-BTC về thuế thu nhập doanh nghiệp.",
    )
    fact = _asked_of("Bộ Y tế đang phối hợp Bộ Tài chính sửa thông tư liên tịch nào về khám sức khỏe định kỳ?", *texts)
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "Thông tư liên tịch 15"
    # A body named issuing it is asked of: the Bộ Tài chính issued no such circular.
    assert _asked_of("Bộ Tài chính ban hành thông tư liên tịch nào về khám sức khỏe định kỳ?", *texts) is None


def test_a_law_of_the_national_list_the_news_cites_by_title_answers_which_law():
    texts = (
        "Phương án 2 không được chọn vì vi phạm hành lang bảo vệ theo Luật Đê điều, đường hầm phải xuyên qua nhiều nhà.",
        "Phương án 1 được chọn theo Luật Xây dựng năm 2014.",
        "Hà Nội sẽ khởi công tuyến đường sắt số 2 vào năm sau.",
    )
    fact = _asked_of("Phương án 2 không được chọn vì vi phạm hành lang bảo vệ theo luật nào?", *texts)
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "Luật Đê điều"


def test_of_two_documents_whose_sentences_hold_the_words_alike_the_one_whose_topic_holds_them_is_which():
    texts = (
        "Theo Nghị quyết 85 năm 2015 của Quốc hội về lấy phiếu tín nhiệm, Quốc hội thực hiện việc lấy phiếu tín nhiệm.",
        "Việc lấy phiếu tín nhiệm ở Quốc hội được thực hiện, như Nghị quyết 35 của Quốc hội nêu.",
        "Quốc hội họp phiên bế mạc chiều nay.",
    )
    fact = _asked_of("Việc lấy phiếu tín nhiệm ở Quốc hội được thực hiện theo nghị quyết nào?", *texts)
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "Nghị quyết 85"


def test_whom_a_chat_question_is_put_to_is_no_word_of_its_topic():
    texts = (
        "Quy định 102 của Bộ Chính trị về xử lý kỷ luật đảng viên do thiếu trách nhiệm quản lý, con cái phạm tội.",
        "Quy định 105 của Bộ Chính trị về xử lý kỷ luật đảng viên vi phạm.",
        "Nghị quyết 26 của Trung ương về cán bộ các cấp.",
    )
    # (as the answering path reads it: "mn" written out, "mọi người")
    fact = _asked_of(chat_written_out("QĐ nào của BCT xử lý kỷ luật đảng viên có con cái phạm tội vậy mn"), *texts)
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "Quy định 102"


def test_a_year_in_the_words_on_a_documents_subject_is_the_subjects_not_the_documents():
    texts = (
        "Ngày 22/12/2017, Ban Bí thư ban hành Chỉ thị số 16-CT/TW về tổ chức Tết Nguyên đán Mậu Tuất 2018.",
        "Sáng 23/2, Ban Bí thư nghe báo cáo kết quả thực hiện chỉ thị 16 của Ban Bí thư về tổ chức Tết Nguyên đán Mậu Tuất 2018.",
        "Năm 1989, Trung ương ban hành Chỉ thị 16 về công tác cán bộ.",
    )
    fact = _asked_of("Chỉ thị 16 của Ban Bí thư về tổ chức Tết Nguyên đán Mậu Tuất 2018 ban hành ngày nào?", *texts)
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "Ngày 22/12/2017"
    # The words must still be the article's: no Chỉ thị 16 of the Ban Bí thư is about Tết Kỷ Hợi 2019.
    assert (
        _asked_of("Chỉ thị 16 của Ban Bí thư về tổ chức Tết Nguyên đán Kỷ Hợi 2019 ban hành ngày nào?", *texts) is None
    )


def test_what_a_document_provides_after_its_name_answers_what_it_is_about():
    fact = _asked_of(
        "Quyết định 45/2016/QĐ-UBND của UBND tỉnh quy định những gì?",
        "Năm 2016, UBND tỉnh ban hành quyết định số 45/2016/QĐ-UBND quy định 12 loại phí bến bãi trong cảng cá.",
        "UBND tỉnh ban hành Quyết định 46/2016/QĐ-UBND về phí chợ.",
    )
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "12 loại phí bến bãi trong cảng cá"


@pytest.fixture(scope="module")
def signed() -> Answerer:
    return _answerer_over("signers", 4)


@pytest.mark.parametrize(
    ("question", "article", "span"),
    [
        # The person who signed it, not the body whose directive it is ("của Bộ Chính trị").
        ("Ai ký Chỉ thị 27 của Bộ Chính trị?", "sg-1", "Trần Quốc Vượng"),
        ("chi thi 27-CT/TW do ai ky ban hanh", "sg-1", "Trần Quốc Vượng"),
        # "… do <who> ký": the signers, not the person the decision appoints.
        ("Quyết định 698 do ai ký?", "sg-2", "Chủ tịch Hội đồng thành viên và Tổng Giám đốc"),
    ],
)
def test_who_signed_a_document_is_the_person_its_citing_sentence_says_signed_it(signed, question, article, span):
    status, kind, answered, _, highlighted = shown(signed, question)
    assert (status, kind, answered, highlighted) == (Status.ANSWER, Kind.WHO, article, span)


def test_who_issued_a_signed_document_is_still_its_issuing_body(signed):
    assert shown(signed, "Chỉ thị 27-CT/TW do cơ quan nào ban hành?")[::2] == (Status.ANSWER, "sg-1", "Bộ Chính trị")


def test_a_person_near_a_document_no_sentence_says_signed_it_is_not_given_as_its_signer(signed):
    answer = signed.answer("Ai ký Quyết định 1637/QĐ-UBND?")
    assert (answer.status, answer.findings[0].article.id) == (Status.UNSURE, "sg-3")


@pytest.mark.parametrize(
    ("sentence", "signer"),
    [
        (
            "Ngày 24-6-2016, chủ tịch UBND tỉnh Bạc Liêu Dương Thành Trung ký ban hành thông báo số 61 kết luận "
            "đối với sai phạm của ông Huỳnh Minh Hoàng.",
            "Dương Thành Trung",
        ),
        ("Phó Thủ tướng Trương Hòa Bình đã ký Quyết định số 1234/QĐ-TTg phê duyệt đề án.", "Trương Hòa Bình"),
        (
            "Ông Sơn được bổ nhiệm theo Quyết định số 698 do Chủ tịch Hội đồng thành viên ký.",
            "Chủ tịch Hội đồng thành viên",
        ),
        # An office held then, named after "do".
        (
            "Bộ GTVT có văn bản số 5249/BGTVT-TC do nguyên Thứ trưởng bộ GTVT Nguyễn Hồng Trường ký gửi tới VEC.",
            "Thứ trưởng bộ GTVT Nguyễn Hồng Trường",
        ),
        # Described between a comma and "ký".
        (
            "Ngày 23/10/2010, ông Trần Văn Công, Chủ tịch UBND huyện Quảng Xương, tỉnh Thanh Hóa (lúc đó là Phó Chủ "
            "tịch UBND huyện) đã ký Quyết định số 2635/QĐ-UBND về việc cấp 26 lô đất.",
            "Trần Văn Công",
        ),
        # A document the sentence does not number, of any kind.
        (
            "Phó chủ tịch Quốc hội Đỗ Bá Tỵ vừa ký văn bản của Uỷ ban Thường vụ Quốc hội về kế hoạch chất vấn.",
            "Đỗ Bá Tỵ",
        ),
        (
            "Ông Duy bị Chánh thanh tra Sở Thông tin - Truyền thông TP HCM Nguyễn Đức Thọ ký quyết định xử phạt.",
            "Nguyễn Đức Thọ",
        ),
        # Named beside the document, signing nothing …
        ("Phó Chủ tịch UBND TP Nguyễn Văn Tùng cho biết, theo Quyết định số 1637/QĐ-UBND, phí được thu.", None),
        ("Ông Bùi Quang Vinh đã thiếu trách nhiệm khi ký công văn đề nghị Thủ tướng chấp thuận.", None),
        # … or named before the one who signed it, described or not.
        ("Ông Nguyễn Văn A, Chủ tịch tỉnh, cho biết Bộ trưởng đã ký Quyết định số 1637/QĐ-BTC.", None),
        ("Ông Huỳnh Minh Hoàng bị kỷ luật theo Quyết định số 88-QĐ/UBKTTW.", None),
    ],
)
def test_a_signer_is_a_person_the_sentence_says_signed_a_document(sentence, signer):
    span = signer_in(sentence)
    assert (sentence[slice(*span)] if span else None) == signer


def test_a_signer_found_beyond_the_registry_is_the_one_in_bold(signed):
    answer = signed.answer("Ông Phạm Thanh Sơn được bổ nhiệm Phó Tổng Giám đốc Vinashin theo quyết định do ai ký?")
    best = answer.best
    assert best is not None and best.highlight is not None
    assert (best.article.id, best.sentence[slice(*best.highlight)]) == (
        "sg-2",
        "Chủ tịch Hội đồng thành viên và Tổng Giám đốc",
    )


@pytest.mark.parametrize(
    "question", ["Chỉ thị 27 nói về gì?", "Chỉ thị 27 ban hành năm nào?", "chỉ thị 27 do ai ban hành"]
)
def test_a_bare_number_two_documents_bear_is_not_answered_from_whichever_states_the_fact(signed, question):
    # The Bộ Chính trị's Chỉ thị 27 states its subject, the Thủ tướng's its year and issuer.
    assert signed.answer(question).status is Status.UNSURE


@pytest.mark.parametrize(
    ("question", "article", "span"),
    [
        (
            "Chỉ thị 27 của BCT nói về gì?",
            "sg-1",
            "tăng cường sự lãnh đạo của Đảng đối với công tác bảo vệ người phát hiện, tố giác, người đấu tranh chống "
            "tham nhũng",
        ),
        ("CT 27 của TTg ban hành năm nào?", "sg-4", "ban hành năm 2014"),
    ],
)
def test_an_issuer_shortened_as_people_type_it_picks_one_of_two_documents_of_a_number(signed, question, article, span):
    # "BCT" is the Bộ Chính trị and "TTg" the Thủ tướng (bot/data/concepts.tsv).
    assert shown(signed, question)[::2] == (Status.ANSWER, article, span)


def test_the_issuer_or_year_named_picks_one_of_two_documents_of_a_number(signed):
    assert shown(signed, "Chỉ thị 27 của Bộ Chính trị nói về gì?")[::2] == (
        Status.ANSWER,
        "sg-1",
        "tăng cường sự lãnh đạo của Đảng đối với công tác bảo vệ người phát hiện, tố giác, người đấu tranh chống tham nhũng",
    )


@pytest.mark.parametrize(
    ("text", "status", "said"),
    [
        # The day of a meeting that heard a report on the directive is not the directive's date …
        (
            "Sáng 23/2, Tổng Bí thư chủ trì phiên họp của Ban Bí thư, nghe báo cáo kết quả thực hiện Chỉ thị 16 "
            "của Ban Bí thư về tổ chức Tết Nguyên đán.",
            Status.UNSURE,
            "Sáng 23/2",
        ),
        # … the day the sentence says it was issued is.
        (
            "Ngày 22/12/2017, Ban Bí thư ban hành Chỉ thị 16 về tổ chức Tết Nguyên đán Mậu Tuất 2018.",
            Status.ANSWER,
            "Ngày 22/12/2017",
        ),
    ],
)
def test_a_documents_date_is_sure_only_from_a_sentence_that_dates_its_issue(text, status, said):
    others = [
        Article(f"o-{i}", f"Tin số {i}", (f"Hội nghị lần {i} bàn về công tác cán bộ của tỉnh.",)) for i in range(3)
    ]
    index = Index.from_articles([*others, Article("ct16", "Ban Bí thư bàn về Tết", (text,))])
    always = ConfidenceModel({}, bias=0.0, threshold=0.0)  # however sure of the sentence
    answer = Answerer(index, confidence=always).answer("Chỉ thị 16 của Ban Bí thư về tổ chức Tết ban hành ngày nào?")
    assert answer.best is not None and answer.best.highlight is not None
    assert (answer.status, answer.best.sentence[slice(*answer.best.highlight)]) == (status, said)


def test_the_registry_does_not_answer_a_documents_date_with_the_year_the_question_names():
    articles = [
        Article(
            "nq-1",
            "Thủ tướng chủ trì họp về xây dựng Nghị quyết 01",
            ("Thường trực Chính phủ họp về dự thảo Nghị quyết 01/NQ-CP năm 2019 của Chính phủ.",),
        ),
        *(Article(f"o-{i}", f"Tin số {i}", (f"Hội nghị lần {i} bàn về công tác cán bộ.",)) for i in range(3)),
    ]
    registry = build_registry(articles)
    question = "NQ 01/NQ-CP của Chính phủ năm 2019 ban hành ngày nào?"
    asked = analyse(question).document
    assert asked is not None and asked.fact == "date"
    assert registry_answer(registry, articles, question, asked.fact, asked.name, asked.topic, asked.kind) is None


def test_which_document_is_the_one_stated_beside_the_topic_in_a_sentence_listing_several():
    listing = (
        "Quốc hội bổ sung vào chương trình năm nay các dự án: Nghị quyết sửa đổi Nghị quyết số 1269 ngày 14/7/2011 "
        "về biểu thuế bảo vệ môi trường; Nghị quyết sửa đổi Nghị quyết số 712 ngày 16/12/2013 về việc ban hành "
        "biểu mức thuế suất thuế tài nguyên."
    )
    articles = [
        Article("list", "Quốc hội điều chỉnh chương trình xây dựng luật", (listing,)),
        *(Article(f"o-{i}", f"Tin số {i}", (f"Hội nghị lần {i} bàn về công tác cán bộ.",)) for i in range(3)),
    ]
    question = "Nghị quyết nào về biểu thuế bảo vệ môi trường năm 2011?"
    asked = analyse(question).document
    assert asked is not None
    fact = registry_answer(
        build_registry(articles), articles, question, asked.fact, asked.name, asked.topic, asked.kind
    )
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "Nghị quyết số 1269"


# Two provinces' Chỉ thị 04/CT-UBND; the yearly Nghị quyết 01/NQ-CP of 2018 and 2019, cited three times
# more without a year; two Nghị quyết 15, Hà Nội's cited with no subject in an article about land disputes.


@pytest.fixture(scope="module")
def local() -> Answerer:
    return _answerer_over("local_documents", 9)


@pytest.mark.parametrize(
    ("question", "article", "span"),
    [
        ("Chỉ thị 04/CT-UBND của TP HCM nói về gì?", "ld-2", "lập lại trật tự lòng đường, vỉa hè trên địa bàn"),
        (
            "chi thi 04/CT-UBND cua Ha Noi noi ve gi",
            "ld-1",
            "tăng cường phòng cháy, chữa cháy tại các chợ truyền thống",
        ),
        ("Nghị quyết số 01/NQ-CP ngày 1/1/2019 do cơ quan nào ban hành?", "ld-4", "Chính phủ"),
        ("nq 01/NQ-CP của chính phủ năm 2019 ban hành ngày nào v", "ld-4", "Ngày 1/1/2019"),
    ],
)
def test_a_documents_province_day_or_year_named_after_its_number_picks_it(local, question, article, span):
    status, _, found, _, shown_span = shown(local, question)
    assert (status, found, shown_span) == (Status.ANSWER, article, span)


def test_a_province_whose_document_the_registry_lacks_is_not_answered_by_another_provinces(local):
    answer = local.answer("Chỉ thị 04/CT-UBND của Đà Nẵng nói về gì?")
    assert answer.status is not Status.ANSWER


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("Nghị quyết 15 về điểm nóng đất đai ở Đồng Tâm ban hành ngày nào?", "ngày 4/7/2017"),
        ("nghi quyet 15 ve diem nong dat dai dong tam do ai ban hanh", "Ban Thường vụ Thành ủy Hà Nội"),
    ],
)
def test_a_document_named_with_what_it_is_about_is_the_one_whose_citing_article_says_it(local, question, span):
    status, _, article, _, shown_span = shown(local, question)
    assert (status, article, shown_span) == (Status.ANSWER, "ld-8", span)


def test_a_document_named_with_what_no_citing_article_says_is_not_answered(local):
    assert local.answer("Nghị quyết 15 về xây dựng nông thôn mới ban hành ngày nào?").status is not Status.ANSWER


# A law cited by its title with only its year, the first land law's day of taking effect, a law of 1999
# that took effect in 2000, and a law passed at the end of 2005.


@pytest.fixture(scope="module")
def laws() -> Answerer:
    return _answerer_over("laws", 4)


@pytest.mark.parametrize(
    "question",
    [
        "Luật Đất đai 1993 được ban hành ngày nào?",  # only the question's own year is said
        "Luật đất đai sửa đổi năm 2013 có hiệu lực từ ngày nào?",  # 1988 is no day a 2013 law takes effect
    ],
)
def test_a_law_asked_by_its_title_and_year_is_not_answered_by_that_year_alone_or_an_earlier_one(laws, question):
    assert _registry_fact(laws, question) is None


def test_a_law_takes_effect_in_a_later_year_than_its_own(laws):
    fact = _registry_fact(laws, "Luật Doanh nghiệp năm 1999 có hiệu lực từ ngày nào?")
    assert fact is not None and fact.citation.sentence[slice(*fact.span)] == "1-1-2000"


def test_when_a_law_takes_effect_is_answered_only_by_a_sentence_saying_when_it_takes_effect(laws):
    # Shown surely whatever the confidence model says: what is tested is the gate.
    permissive = Answerer(laws.index, confidence=ConfidenceModel({}, bias=10.0, threshold=0.5))
    passed = permissive.answer("Luật doanh nghiệp mới thông qua cuối 2005 có hiệu lực từ bao giờ?")
    assert passed.best is not None and passed.best.article.id == "law-4"
    assert passed.status is Status.UNSURE
    took_effect = permissive.answer("Luật Doanh nghiệp có hiệu lực từ ngày nào?")
    assert took_effect.status is Status.ANSWER and took_effect.best is not None
    assert "có hiệu lực từ 1-1-2000" in took_effect.best.sentence
