"""Questions as people type them: office abbreviations, chat spelling, typos (bot/data/normalise.tsv)."""

from __future__ import annotations

import re

import pytest

from bot.query import RETONED_WEIGHT, TYPO_WEIGHT, UNACCENTED_RUN_WEIGHT, is_vietnamese_syllable, query_terms
from bot.question import Kind, analyse, expand_shorthand, follow_up
from bot.spans import answer_spans


@pytest.mark.parametrize(
    ("typed", "written_out", "also_searched"),
    [
        (
            "TT BCA nào nói vụ cháy?",
            "thứ trưởng bộ công an nào nói vụ cháy?",
            "thủ tướng tổng thống thông tư thanh toán",
        ),
        ("BCS đảng Bộ XD báo cáo", "ban cán sự đảng Bộ xây dựng báo cáo", ""),
        ("HĐBA LHQ họp về TQ", "hội đồng bảo an liên hợp quốc họp về trung quốc", ""),
        ("Ông X TXCT về DNNN", "Ông X tiếp xúc cử tri về doanh nghiệp nhà nước", ""),
        ("thế ổng nói hôm nào z", "thế ông ấy nói hôm nào vậy", ""),
        # Typed in lowercase, an abbreviation without a vowel is no word: "gđ", "đb", "qđ" (but "tu", "ca" are).
        ("gđ sở nội vụ trao qđ cho ai", "giám đốc sở nội vụ trao quyết định cho ai", ""),
        ("ổng là đb đoàn tỉnh nào v", "ông ấy là đại biểu đoàn tỉnh nào vậy", ""),
        ("tu hu ca là gì", "tu hu ca là gì", ""),
        ("TTCP chuyển kết luận", "thanh tra chính phủ chuyển kết luận", "thủ tướng chính phủ"),
        ("TU Nghệ An có bn đảng viên", "tỉnh ủy Nghệ An có bao nhiêu đảng viên", "thành ủy"),
        ("tới h có bn vụ cháy vậy", "tới giờ có bao nhiêu vụ cháy vậy", ""),
        ("chủ nhà tên j", "chủ nhà tên gì", ""),
        # Office shorthand for what is counted: "DA" a project, "UVTW" a Central Committee member; in
        # lowercase "da" is "đã" typed without its marks.
        ("bao nhiêu DA, mấy UVTW", "bao nhiêu dự án, mấy ủy viên trung ương", ""),
        ("da co bao nhieu HS", "da co bao nhieu hoc sinh", ""),
        # Party and business writing: a plenum, the Secretariat, a company's board (with or without the
        # stroke of the Đ), the airport the press shortens.
        ("Bế mạc HNTW 10, BBT yêu cầu gì", "Bế mạc hội nghị trung ương 10, ban bí thư yêu cầu gì", ""),
        (
            "Thành viên HĐQT, HDQT nào ở cầu vượt TSN",
            "Thành viên hội đồng quản trị, hội đồng quản trị nào ở cầu vượt tân sơn nhất",
            "",
        ),
        ("phấn đấu bao nhiu % đơn vị", "phấn đấu bao nhiêu % đơn vị", ""),
        ("giá 10 k đồng", "giá 10 k đồng", ""),  # "10k" is ten thousand, not "không"
        ("ai la bt tinh uy nghe an", "ai la biet tinh uy nghe an", "bi thu bo truong"),  # typed plain
        # "Q1": TP HCM's District 1, or the first quarter; a code keeps it ("Q1/2024").
        ("PCT UBND Q1 là ai", "phó chủ tịch UBND quận 1 là ai", "quý 1"),
        ("Doanh thu Q1/2024 bao nhiêu", "Doanh thu Q1/2024 bao nhiêu", ""),
        # Before a ministry, "BT" is its minister; before a Party committee, its secretary.
        ("BT GTVT là ai", "bộ trưởng giao thông vận tải là ai", "bí thư"),
        ("BT Bộ Công an là ai", "bộ trưởng Bộ Công an là ai", "bí thư"),
        ("BT TU Nghệ An là ai", "bí thư tỉnh ủy Nghệ An là ai", "bộ trưởng thành ủy"),
        # A document's code is kept as typed: its "CT" and "QĐ" are no "chủ tịch" or "quyết định".
        ("Chỉ thị 05-CT/TW nói gì", "Chỉ thị 05-CT/TW nói gì", ""),
        ("QĐ 200/2004/QĐ-UB về gì", "quyết định 200/2004/QĐ-UB về gì", ""),
        # A document of any kind, a letter, as staff shorten them.
        ("vb 401 của TTg nói về cái j", "văn bản 401 của TTg nói về cái gì", ""),
        ("cv 721 của bộ KH-ĐT ai ký", "công văn 721 của bộ KH-ĐT ai ký", ""),
        ("BLHS 2015 do cơ quan nào thông qua?", "bộ luật hình sự 2015 do cơ quan nào thông qua?", ""),
        ("tội này theo điều mấy BLTTHS", "tội này theo điều mấy bộ luật tố tụng hình sự", ""),
    ],
)
def test_abbreviations_and_chat_spelling_are_written_out_and_ambiguous_ones_searched_every_way(
    typed, written_out, also_searched
):
    assert expand_shorthand(typed) == (written_out, also_searched)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("TT BCA nào nói vụ cháy karaoke do vô ý?", Kind.WHO),
        ("TW đoàn định xây bn bể bơi?", Kind.HOW_MANY),
        ("chủ nhà bị bắn tên j", Kind.WHO),
    ],
)
def test_a_written_out_question_is_read_for_what_it_asks(question, kind):
    assert analyse(question).kind is kind


def test_a_correctly_spelled_question_is_searched_on_its_own_words_only(mixed_index):
    query = query_terms("Ai tới dự hội nghị sơ kết Chỉ thị 05?", mixed_index.term_ids)
    assert set(query.factors) == {1.0} and "dự" in query.terms and "#ct5" in query.terms


def test_a_word_with_a_missing_tone_mark_is_searched_by_its_diacritic_free_twin_weighted_lower(mixed_index):
    query = query_terms("Phó chủ tich nào dự hội nghị sơ kết Chỉ thị 05?", mixed_index.term_ids)
    assert "~tich" in query.terms  # "tich" is no Vietnamese syllable: "tịch", "tích" are
    assert dict(zip(query.ids, query.factors, strict=True))[mixed_index.term_ids["~tich"]] == RETONED_WEIGHT


def test_a_word_typed_without_its_marks_is_read_by_its_twin_even_where_some_text_spells_it_so():
    # A scraped page wrote "tich" somewhere: the question's "Chủ tich" still means chủ tịch.
    words = ["chủ", "tich", "tịch", "chủ_tịch", "~chu", "~tich", "~chu_tich", "ubnd", "hà", "tĩnh"]
    vocabulary = {word: i for i, word in enumerate(words)}
    query = query_terms("Chủ tich UBND Hà Tĩnh là ai?", vocabulary)
    assert {"~tich", "~chu_tich"} <= set(query.terms) and "tich" not in query.terms
    # A real word typed plain in a question with diacritics stays itself ("tam" is three).
    assert "tam" in query_terms("Hà Tĩnh có tam nông?", {"tam": 0, "~tam": 1}).terms


def test_a_run_of_syllables_typed_without_diacritics_counts_less_in_the_search_only(mixed_index):
    # "nghich ly dat" may be "nghịch lý | đất": a run may join two words, and a rare accidental one
    # would outweigh every word of the question.
    query = query_terms("ai du hoi nghi so ket chi thi 05", mixed_index.term_ids)
    run = mixed_index.term_ids["~hoi_nghi"]
    search = dict(zip(query.ids, query.factors, strict=True))
    held = dict(zip(query.ids, query.weights, strict=True))
    assert (search[run], held[run]) == (UNACCENTED_RUN_WEIGHT, 1.0)
    assert search[mixed_index.term_ids["~hoi"]] == 1.0
    accented = query_terms("Ai dự hội nghị sơ kết Chỉ thị 05?", mixed_index.term_ids)
    assert set(accented.factors) == set(accented.weights) == {1.0}


def test_only_words_that_are_not_vietnamese_are_taken_for_typos():
    assert not is_vietnamese_syllable("tich") and is_vietnamese_syllable("tịch")
    assert is_vietnamese_syllable("giá")  # a real word the corpus may lack is no typo
    assert is_vietnamese_syllable("tich", typed_plain=True)


def test_a_typo_one_letter_off_a_common_word_finds_it_at_half_weight(mixed_index):
    from bot.query import Speller

    speller = Speller(mixed_index.term_ids, lambda term: 100.0 if term == "~khen" else 0.0, mixed_index.passage_count)
    query = query_terms("tập thể được tặng bằng khhen", mixed_index.term_ids, speller)
    assert "~khen" in query.terms
    assert dict(zip(query.ids, query.factors, strict=True))[mixed_index.term_ids["~khen"]] == TYPO_WEIGHT


def test_a_typo_the_corpus_happens_to_share_is_read_as_the_word_it_misspells():
    from bot.query import Speller

    # One article wrote "phê duyêt"; hundreds of passages spell the word right.
    words = ["phê", "duyêt", "phê_duyêt", "duyệt", "phê_duyệt", "~phe", "~duyet", "~phe_duyet", "quy", "hoạch"]
    vocabulary = {word: i for i, word in enumerate(words)}
    passages = {"duyêt": 1.0, "phê_duyêt": 1.0, "~duyet": 400.0, "~phe_duyet": 300.0}
    speller = Speller(vocabulary, lambda term: passages.get(term, 100.0), 1_000)
    query = query_terms("Thủ tướng phê duyêt quy hoạch năm nào?", vocabulary, speller)
    assert {"~duyet", "~phe_duyet"} <= set(query.terms) and not {"duyêt", "phê_duyêt"} & set(query.terms)
    assert dict(zip(query.ids, query.factors, strict=True))[vocabulary["~duyet"]] == RETONED_WEIGHT
    typed_right = query_terms("Thủ tướng phê duyệt quy hoạch năm nào?", vocabulary, speller)
    assert {"duyệt", "phê_duyệt"} <= set(typed_right.terms)


def test_a_real_word_typed_without_the_tone_mark_the_corpus_mostly_gives_it_is_searched_by_its_twin_too():
    from bot.query import Speller

    # "bắt tam giam": "tam" (three) is a word, but the corpus writes these letters "tạm", "tâm" far more often.
    words = ["bắt", "tam", "tạm", "giam", "~bat", "~tam", "~giam"]
    vocabulary = {word: i for i, word in enumerate(words)}
    passages = {"tam": 3.0, "~tam": 300.0}
    speller = Speller(vocabulary, lambda term: passages.get(term, 100.0), 1_000)
    query = query_terms("Ông A bị bắt tam giam ngày nào?", vocabulary, speller)
    assert {"tam", "~tam"} <= set(query.terms)
    assert dict(zip(query.ids, query.factors, strict=True))[vocabulary["~tam"]] == RETONED_WEIGHT
    # Where the corpus writes the word so as often, it is that word alone.
    common = Speller(vocabulary, lambda term: {"tam": 90.0, "~tam": 300.0}.get(term, 100.0), 1_000)
    assert "~tam" not in query_terms("Ông A bị bắt tam giam ngày nào?", vocabulary, common).terms


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        # A second question word is no noun counted; what follows "theo" is a source.
        ("Ủy ban Kiểm tra kỷ luật tổng cộng bao nhiêu tổ chức đảng?", ("tổ", "chức")),
        ("Tổng biên chế được phê duyệt là bao nhiêu theo báo cáo của Bộ Nội vụ?", ()),
        ("Hội nghị khen thưởng bao nhiêu PV?", ("phóng", "viên")),  # the press's "PV" is a reporter
    ],
)
def test_the_noun_counted_is_the_one_after_the_question_words(question, counted):
    assert analyse(question).counted == counted


def test_the_question_a_follow_up_continues_is_searched_as_it_was_typed(mixed_index):
    plain_before = follow_up("thế còn bao nhiêu tập thể được khen?", "ai toi du hoi nghi so ket chi thi 05")
    assert {"~hoi_nghi", "~so_ket"} <= query_terms(plain_before, mixed_index.term_ids).context
    accented_before = follow_up("the con bao nhieu tap the duoc khen?", "Ai tới dự hội nghị sơ kết Chỉ thị 05?")
    assert {"hội_nghị", "sơ_kết"} <= query_terms(accented_before, mixed_index.term_ids).context


def test_a_short_noun_before_bao_nhieu_is_what_is_counted_when_none_follows():
    assert analyse("tập thể thì bao nhiêu?").counted == ("tập", "thể")
    assert follow_up("còn tập thể thì bao nhiêu?", "TP.HCM tuyên dương bao nhiêu cá nhân?").counted == ("tập", "thể")
    assert analyse("Tổng vốn dự án cải tạo kênh là bao nhiêu?").counted == ()  # a long topic: no unit


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("thế còn nhà báo được cấp thẻ thì bao nhiêu?", ("nhà", "báo")),
        ("the con nha bao duoc cap the thi bao nhieu", ("nha", "bao")),
        # … but only a word of the dictionary, and only a topic set apart with "thì".
        ("còn vốn xây kênh thì bao nhiêu?", ()),
        ("nhà báo được cấp thẻ là bao nhiêu?", ()),
    ],
)
def test_a_longer_topic_set_apart_with_thi_counts_the_word_it_opens_with(question, counted):
    assert analyse(question).counted == counted


def test_a_follow_up_counting_a_longer_topic_bolds_its_number():
    sentence = "Hiện có gần 850 cơ quan báo chí, hơn 18.000 nhà báo được cấp thẻ."
    question = follow_up("thế còn nhà báo được cấp thẻ thì bao nhiêu?", "Cả nước có bao nhiêu cơ quan báo chí?")
    strong, _ = answer_spans(sentence, question)
    assert [sentence[s:e] for s, e in strong] == ["18.000 nhà báo"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("ông Triệu Thế Hùng phát biểu vụ chạy điểm Sơn La hôm nao", Kind.WHEN),  # "nao" lost its tone mark
        ("ông Trạc về làm phó ban nội chính từ hồi nào", Kind.WHEN),
        ("vu chay xay ra dem nao", Kind.WHEN),  # a time of day before "nào" asks when
        ("Hội nghị tổ chức o đâu?", Kind.WHERE),
        ("Máy bay nào hạ cánh trước?", Kind.WHAT),  # a lone plain "may" is no "mấy"
        ("Tổng mức đầu tư dự án vành đai 4 là bao nhieu?", Kind.HOW_MANY),  # "bao nhieu" is "bao nhiêu"
        ("Đoàn Cà Mau đi hội chợ vào thang mấy?", Kind.WHEN),  # "thang mấy" is "tháng mấy"
        ("Đoàn thăm nhà máy Vinfast tai đâu?", Kind.WHERE),  # "tai đâu" is "tại đâu"
        ("Hội nghị giao ban tổ chức ở tinh nào?", Kind.WHERE),  # "tinh nào" is "tỉnh nào"
        ("Đoàn dự hội chợ thủy sản Bắc Mỹ tại TP nào?", Kind.WHERE),
        ("Tuyến metro số 2 dài 11,3 km đúng khôg?", Kind.YES_NO),  # "khôg" is "không" missing its n
        ("Chiếc cặp bỏ quên có tổng cộng 20.300 USD phải không?", Kind.YES_NO),  # a claim of a total
        ("Có ba trường hợp nào bị kỷ luật?", Kind.WHAT),  # a lone "ba" is three, no title "bà"
    ],
)
def test_a_question_word_missing_a_tone_mark_is_still_read(question, kind):
    assert analyse(question).kind is kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Đại biểu Quốc hội nào nói phụ huynh chi 1 tỷ chạy điểm là sai?", Kind.WHO),  # "hội nào" is no "hồi nào"
        # Typed without any diacritic too: "Quốc hội nào", "Quảng Nam nào" are no "hồi nào", "năm nào".
        ("dai bieu quoc hoi nao phat bieu dau tien sang 26/10?", Kind.WHO),
        ("pho chu tich ubnd tinh quang nam nao thong tin ve du an?", Kind.WHO),
        ("viet nam gia nhap wto nam nao?", Kind.WHEN),
        ("từ đầu năm tới giờ có bao nhiêu vụ cháy quán karaoke?", Kind.HOW_MANY),  # "từ đầu" is no "từ đâu"
        ("Chủ tịch tỉnh giao cơ quan nào xử lý vụ việc?", Kind.WHAT),  # "cơ quan nào" is no "quận nào"
    ],
)
def test_a_word_with_another_tone_mark_is_not_read_as_a_question_word(question, kind):
    assert analyse(question).kind is kind


@pytest.mark.parametrize(
    "question",
    [
        "Giáo sư nào nói các quốc gia đang chờ Việt Nam vào cuộc chơi bán dẫn?",
        "luat su nao bao chua cho bi cao?",
        "bo truong nao ky cong dien dung thu phi?",  # "bộ trưởng nào", though a lone "truong" is "trường"
        "Cử tri Tây Hồ nào nêu chuyện sai phạm đất đai Thủ Thiêm?",
        "Chính uỷ Quân chủng Phòng không Không quân nào phát biểu tại lễ?",
        "phó chủ tich UBND TP.HCM nào phát biểu ở hội nghị?",  # a title's syllable without its tone mark
        # "số lượng" names a topic where "nào" asks
        "Chủ nhiệm Uỷ ban Pháp luật nào yêu cầu Chính phủ thực hiện quy định số lượng thứ trưởng?",
    ],
)
def test_a_profession_before_nao_asks_for_a_person(question):
    assert analyse(question).kind is Kind.WHO


@pytest.mark.parametrize(
    ("question", "kind", "focus"),
    [
        # The title's holder does something ("sẽ thăm") to what "nào" asks about; a classifier ("ngôi")
        # is no part of the noun asked for.
        ("Khi vào TP HCM, Tổng thống Obama sẽ thăm ngôi chùa nào?", Kind.WHAT, ("chùa",)),
        ("khi vao tp hcm, tong thong obama se tham ngoi chua nao?", Kind.WHAT, ("chua",)),
        # Without diacritics "da" may be Đà Nẵng, not "đã": the person is still asked for.
        ("chu tich ubnd da nang nao ky van ban thu hoi san van dong?", Kind.WHO, ()),
        ("Lãnh đạo Bộ Công an nào dự hội nghị?", Kind.WHO, ()),
        # A classifier before the noun asks for a thing, though no tense marker follows the title; "Tam Kỳ"
        # is no "tấm".
        ("Ông Modi ghé thăm ngôi chùa nào ở Hà Nội?", Kind.WHAT, ("chùa",)),
        ("ong modi ghe tham ngoi chua nao o ha noi", Kind.WHAT, ("chua",)),
        ("Lãnh đạo Thành ủy Tam Kỳ nào đến chủ trì đối thoại?", Kind.WHO, ()),
        ("lanh dao thanh uy tam ky nao den chu tri doi thoai?", Kind.WHO, ()),
        # "như thế nào" asks how: no title before it asks for a person, and "như thế" is no noun asked for.
        ("TBT yêu cầu bầu cử cấp ủy phải chọn người như thế nào?", Kind.WHAT, ()),
        ("de an chu truong bo tri bi thu cap tinh nhu the nao", Kind.WHAT, ()),
    ],
)
def test_a_title_doing_something_to_what_nao_asks_about_is_not_asked_for(question, kind, focus):
    read = analyse(question)
    assert (read.kind, read.focus) == (kind, focus)


@pytest.mark.parametrize(
    "question",
    [
        "Thiết bị M-Gateway được Hà Nội thí điểm ở những quận nào?",
        "thiet bi m-gateway duoc ha noi thi diem o nhung quan nao?",
        "Dịch bệnh xuất hiện ở phường nào?",
        "Sau phiên tòa, bị cáo bị đưa tới nhà tù nào?",
        "xe tai gap nan tren quoc lo nao?",
    ],
)
def test_a_kind_of_place_before_nao_asks_where(question):
    assert analyse(question).kind is Kind.WHERE


@pytest.mark.parametrize(
    "question",
    [
        "Phó thủ tướng giao những bộ ngành nào phối hợp với báo chí?",
        "pho thu tuong giao nhung bo nganh nao phoi hop voi bao chi?",
        "Bí thư giao những cơ quan nào kiểm tra?",
    ],
)
def test_a_body_asked_for_after_a_title_is_no_person(question):
    assert analyse(question).kind is Kind.WHAT


def test_a_plain_a_is_not_taken_for_chat_anh():
    assert expand_shorthand("tuong phat cao nhat dong nam a o dau") == ("tuong phat cao nhat dong nam a o dau", "")


def test_words_pointing_at_the_article_are_not_searched_for_but_its_title_words_are():
    topic = analyse("Bài tâm sự chồng không chịu đi làm trên VnExpress, người viết bao nhiêu tuổi?").topic.split()
    assert "chồng" in topic and "làm" in topic
    assert not {"Bài", "tâm", "sự", "VnExpress", "người", "viết"} & set(topic)
    assert "bài" in analyse("Tổng thống có bài phát biểu ở đâu?").topic  # a speech is content


@pytest.mark.parametrize(
    ("question", "near"),
    [
        # Typed without diacritics, places and the names after "ông" are told by the tables: as
        # capitalised words are in a question typed with them, they are no words the answer must hold.
        ("trang trai ca lua cua gia dinh ong nguyen xuan huong o dau", ("lua", "gia", "dinh")),
        ("Trang trại cá lúa của gia đình ông Nguyễn Xuân Hương ở đâu", ("lúa", "gia", "đình")),
        ("co phai nam 2017 viet nam xuat sieu 5 ty khong", ("nam", "2017", "xuat", "sieu", "5", "ty")),
    ],
)
def test_names_and_places_are_not_words_next_to_the_question_word(question, near):
    assert analyse(question).near == near


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        # Typed without diacritics, "co quan nao" is "cơ quan nào" (no "quận nào"), "don vi nao" is
        # "đơn vị nào" (no "vị nào", a person): bodies are asked for.
        ("nhung co quan nao duoc ubnd tp.hcm giao ra soat?", ("co", "quan")),
        ("nhung don vi nao duoc khen thuong?", ("don", "vi")),
    ],
)
def test_a_noun_of_bodies_typed_without_diacritics_asks_for_bodies(question, focus):
    read = analyse(question)
    assert (read.kind, read.focus, read.many) == (Kind.WHAT, focus, True)


@pytest.mark.parametrize(
    ("question", "kind", "focus"),
    [
        # "số lượng" names the topic when another word asks ("kiến nghị gì").
        ("Bộ Nội vụ kiến nghị gì để xử lý tình trạng số lượng cấp phó vượt quy định?", Kind.WHAT, ("kiến", "nghị")),
        ("Số lượng đại biểu dự hội nghị?", Kind.HOW_MANY, ()),
        # "… phải làm gì": the verb reporting what is asked is what the answer follows.
        ("Thành ủy Hà Nội yêu cầu từng cơ quan, đơn vị phải làm gì?", Kind.WHAT, ("yêu", "cầu")),
        ("thanh uy ha noi yeu cau tung co quan, don vi phai lam gi?", Kind.WHAT, ("yeu", "cau")),
    ],
)
def test_what_is_asked_of_a_body_is_read_after_the_verb_that_reports_it(question, kind, focus):
    read = analyse(question)
    assert (read.kind, read.focus) == (kind, focus)


def test_a_question_word_missing_a_tone_mark_is_not_searched_beside_one_typed_right():
    # "vào ngày" asks when, and so does "ngày nao": "nao" is no word of the topic.
    read = analyse("Ông Nguyễn Văn Lâm bỏ quên cặp tiền ở Nội Bài vào ngày nao?")
    assert read.kind is Kind.WHEN
    assert "nao" not in re.findall(r"\w+", read.topic)


def test_tp_hcm_is_searched_alike_however_it_is_written():
    from bot.corpus import Article
    from bot.index import Index

    # One article writes "TP.HCM" as one word: its vocabulary has that spelling too.
    index = Index.from_articles(
        [
            Article("h-1", "TP.HCM tuyên dương cán bộ", ("Bí thư Thành ủy TP.HCM dự lễ tuyên dương.",)),
            Article("h-2", "TP HCM khánh thành cầu", ("Chủ tịch UBND TP HCM cắt băng khánh thành cầu.",)),
            Article("h-3", "Hà Nội trồng cây", ("Bí thư Thành ủy Hà Nội trồng cây đầu xuân.",)),
        ]
    )
    searched = {
        typed: sorted(query_terms(f"Bí thư Thành ủy {typed} là ai?", index.term_ids).terms)
        for typed in ("TP.HCM", "TP HCM", "TPHCM")
    }
    assert searched["TP.HCM"] == searched["TP HCM"] == searched["TPHCM"]
    assert "@hcm" in searched["TP.HCM"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Typed plain, "thang may" is the lift when another word asks …
        ("ong cuc truong len tieng ve vu be gai bi sam so trong thang may ten la gi?", Kind.WHO),
        ("vu be gai bi sam so trong thang may xay ra o chung cu nao", Kind.WHAT),
        ("bao nhieu nguoi mac ket trong thang may", Kind.HOW_MANY),
        # … and which month when nothing else does.
        ("le ky niem dien ra vao thang may nam 2019", Kind.WHEN),
        ("Vụ việc trong thang máy xảy ra tháng mấy?", Kind.WHEN),
    ],
)
def test_thang_may_typed_plain_is_the_lift_when_another_word_asks(question, kind):
    assert analyse(question).kind is kind


@pytest.mark.parametrize(
    ("text", "points_back", "topic_words"),
    [
        ("lần đó lấy phiếu bn người v", True, ["lấy", "phiếu", "người"]),
        ("còn bí thư thành ủy hồi đó là ai?", True, ["bí", "thư", "thành", "ủy"]),
        ("ổng là đb đoàn tỉnh nào v", True, ["đại", "biểu", "đoàn"]),  # Southern "ổng": ông ấy
        ("thế còn bao nhiêu tập thể được khen?", False, ["tập", "thể", "được", "khen"]),
    ],
)
def test_a_follow_up_pointing_back_says_so_and_its_pointing_words_are_not_searched(text, points_back, topic_words):
    question = follow_up(text, "Ai chủ trì hội nghị lấy phiếu tín nhiệm năm 2014?")
    assert question.points_back is points_back
    assert [w for w in re.findall(r"\w+", question.topic) if w in topic_words] == topic_words
    assert not {"lần", "hồi", "đó", "ổng"} & set(re.findall(r"\w+", question.topic))
