"""Vietnamese normalisation and tokenisation: one spelling for the many ways a word is typed."""

from __future__ import annotations

import pytest

from bot.question import Kind, analyse
from bot.text import (
    canonical_syllable,
    canonicalize,
    code_terms,
    concept_terms,
    document_terms,
    looks_unaccented,
    mend_horns,
    ordinal_terms,
    segment,
    split_sentences,
    strip_diacritics,
    word_terms,
)


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [("hoà", "hòa"), ("uỷ", "ủy"), ("khoá", "khóa"), ("Thanh Hoá", "Thanh Hóa"), ("thuỷ", "thủy"), ("loè", "lòe")],
)
def test_old_and_new_tone_placement_become_one_spelling(old_style, new_style):
    assert canonicalize(old_style) == canonicalize(new_style) == new_style


@pytest.mark.parametrize(
    "word", ["quả", "già", "giữ", "gìn", "thuở", "hoàng", "huỳnh", "người", "khuỷu", "ngoài", "Đảng", "tiếng"]
)
def test_words_with_a_single_possible_tone_place_are_left_alone(word):
    assert canonical_syllable(word) == word


def test_stripping_diacritics_also_turns_d_with_stroke_into_d():
    assert strip_diacritics("Đảng ủy Khối đã họp") == "Dang uy Khoi da hop"


def test_a_long_text_loses_its_diacritics_as_each_of_its_letters_would_and_keeps_every_other_character():
    short = "Đảng ủy Khối “họp” ỹ Ǟ ø 😀 ω \udc80 Ω\u0301 x̃; "  # an emoji, a lone surrogate, combining marks
    long = short * 20
    assert len(long) > 500
    assert strip_diacritics(long) == strip_diacritics(short) * 20
    assert strip_diacritics(short) == "Dang uy Khoi “hop” y A ø 😀 ω \udc80 Ω x; "


@pytest.mark.parametrize(
    "spelling",
    ["Chỉ thị 05", "chỉ thị số 05-CT/TW", "05-CT/TW", "CT 05", "chi thi so 05", "Chỉ thị số 5", "CHỈ THỊ 05"],
)
def test_every_spelling_of_a_directive_gives_the_same_term(spelling):
    assert "#ct5" in code_terms(spelling)


def test_a_full_code_also_names_its_issuer_and_other_documents_keep_their_kind():
    assert code_terms("Chỉ thị số 05-CT/TW") == ["#ct5", "#ct5:tw"]
    assert code_terms("Chỉ thị 31/2018/CT-TTg") == ["#ct31", "#ct31:ttg"]
    assert code_terms("Nghị quyết 35-NQ/TW và Quyết định 1234/QĐ-UBND") == [
        "#nq35",
        "#nq35:tw",
        "#qd1234",
        "#qd1234:ubnd",
    ]
    assert code_terms("ngày 5/10 và 02/4/2021") == []


def test_an_abbreviation_and_its_phrase_share_a_concept_term():
    assert concept_terms("UBND tỉnh") == concept_terms("Ủy ban nhân dân tỉnh") == concept_terms("uy ban nhan dan tinh")
    assert concept_terms("BTV Thành ủy") == concept_terms("Ban Thường vụ Thành ủy") == ["@btv"]
    assert concept_terms("TP HCM") == concept_terms("Thành phố Hồ Chí Minh") == concept_terms("TP.HCM") == ["@hcm"]


def test_an_abbreviation_that_is_also_a_word_counts_only_in_capitals():
    assert concept_terms("Giám đốc CA tỉnh") == concept_terms("Giám đốc Công an tỉnh") == ["@gd", "@ca"]
    assert concept_terms("ca sĩ hát một ca khúc") == []


def test_an_abbreviation_of_two_phrases_gives_both_terms():
    assert concept_terms("ĐH Đà Nẵng") == ["@daihoc", "@daihoi"]
    assert concept_terms("Đại học Đà Nẵng") == ["@daihoc"]


def test_numbered_sessions_match_in_words_digits_and_roman_numerals():
    assert (
        ordinal_terms("Hội nghị lần thứ tư, khóa XI") == ordinal_terms("hội nghị lần 4 khoá 11") == ["#lan4", "#khoa11"]
    )
    assert ordinal_terms("gấp 2 lần năm 1989") == []


def test_a_phrase_segmented_as_one_word_or_two_still_shares_its_syllables():
    one_word = list(word_terms([("bằng", "khen")]))
    two_words = list(word_terms([("bằng",), ("khen",)]))
    assert one_word == ["bằng", "khen", "bằng_khen"]
    assert set(two_words) <= set(one_word)


def test_segmentation_lowercases_and_drops_punctuation():
    words = segment("Ban Thường vụ Thành uỷ tặng Bằng khen cho 10 tập thể.")
    flat = [s for w in words for s in w]
    assert flat == ["ban", "thường", "vụ", "thành", "ủy", "tặng", "bằng", "khen", "cho", "10", "tập", "thể"]
    assert ("tập", "thể") in words


@pytest.mark.parametrize("invisible", list("\u200b\u200c\u200d\u2060\ufeff\u00ad"))
def test_an_invisible_character_inside_a_word_does_not_split_it(invisible):
    assert (
        segment(f"Th{invisible}ành ủy Hà N{invisible}ội")
        == segment("Thành ủy Hà Nội")
        == [
            ("thành", "ủy"),
            ("hà", "nội"),
        ]
    )
    assert document_terms(f"Bí th{invisible}ư Th{invisible}ành ủy") == document_terms("Bí thư Thành ủy")


def test_document_terms_hold_accented_terms_their_plain_twins_and_concepts():
    terms = document_terms("Hội nghị sơ kết Chỉ thị 05")
    assert {"hội", "nghị", "hội_nghị", "~hoi", "~hoi_nghi", "~chi_thi", "#ct5"} <= set(terms)
    assert terms.count("~hoi") == terms.count("hội")


def test_a_question_typed_without_diacritics_is_recognised():
    assert looks_unaccented("ai du hoi nghi so ket chi thi 05")
    assert looks_unaccented("Dang uy khoi co quan HN")
    assert not looks_unaccented("Ai dự hội nghị sơ kết Chỉ thị 05?")
    assert not looks_unaccented("05 2021")


def test_sentences_split_at_ends_but_not_after_abbreviations():
    text = "Sáng 02/4, hội nghị diễn ra. Tới dự có ông Lê Văn An. TP. Hồ Chí Minh có 1.000 đại biểu! PGS. TS. Lê B phát biểu."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Sáng 02/4, hội nghị diễn ra.",
        "Tới dự có ông Lê Văn An.",
        "TP. Hồ Chí Minh có 1.000 đại biểu!",
        "PGS. TS. Lê B phát biểu.",
    ]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Ai tới dự hội nghị?", Kind.WHO),
        ("Giám đốc CA tỉnh là ai", Kind.WHO),
        ("Trung tướng nào được bổ nhiệm?", Kind.WHO),
        ("bao nhiêu tập thể được khen", Kind.HOW_MANY),
        ("có mấy cá nhân", Kind.HOW_MANY),
        ("Hội nghị diễn ra khi nào?", Kind.WHEN),
        ("ngày nào ký quyết định", Kind.WHEN),
        ("hội nghị tổ chức ở đâu", Kind.WHERE),
        ("tại tỉnh nào", Kind.WHERE),
        ("Chỉ thị về dịch tả lợn châu Phi số mấy?", Kind.WHAT),
        ("kỷ luật bằng hình thức gì", Kind.WHAT),
        ("bao nhieu tap the duoc khen", Kind.HOW_MANY),
        ("Đồng chí nào bị kỷ luật?", Kind.WHO),
        ("Hội nghị bắt đầu lúc mấy giờ?", Kind.WHEN),
        ("hoi nghi bat dau luc may gio", Kind.WHEN),
        ("Lãnh đạo Bộ Công an nào dự hội nghị?", Kind.WHO),
        ("lanh dao bo cong an nao du hoi nghi", Kind.WHO),
        ("Phó Chủ tịch UBND tỉnh nào chủ trì?", Kind.WHERE),
    ],
)
def test_questions_are_classified_by_what_they_ask(question, kind):
    assert analyse(question).kind is kind


def test_kỷ_luật_is_discipline_not_a_law_asked_for():
    assert analyse("Hình thức kỷ luật nào được áp dụng?").focus == ("kỷ", "luật")
    assert analyse("Luật nào quy định về đất đai?").focus == ("luật",)


def test_glued_sentences_of_scraped_pages_are_split():
    text = "Họ dọn dẹp nhà bếp.Lực lượng chức năng có mặt lúc 9h. Tin đăng năm 2024.Minh Anh"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Họ dọn dẹp nhà bếp.",
        "Lực lượng chức năng có mặt lúc 9h.",
        "Tin đăng năm 2024.",
        "Minh Anh",
    ]


def test_abbreviations_glued_to_a_name_do_not_end_a_sentence():
    text = "Tp.Hồ Chí Minh và q.Hoàn Kiếm có TP.HCM.Ông A nói."
    assert [text[s:e] for s, e in split_sentences(text)] == [text]


@pytest.mark.timeout(10)  # quadratic splitting took about 40 s here; linear takes milliseconds
def test_a_long_run_of_dots_does_not_stall_the_splitter():
    text = "Mở đầu" + "." * 40_000 + "kết thúc. Câu sau."
    assert [text[s:e] for s, e in split_sentences(text)] == [text[: -len(" Câu sau.")], "Câu sau."]


def test_the_counted_noun_and_the_topic_of_a_question_are_found():
    question = analyse("bao nhiêu tập thể được tặng Bằng khen")
    assert question.counted == ("tập", "thể")
    assert "bao nhiêu" not in question.topic and "tập thể được tặng Bằng khen" in question.topic


@pytest.mark.parametrize(
    ("word", "one_syllable"),
    [("Thuận", True), ("Thanh", True), ("Nguyễn", True), ("Khoa", True), ("Trump", False), ("Putin", False)],
)
def test_a_word_spelled_as_one_vietnamese_syllable_is_told_from_a_foreign_name(word, one_syllable):
    from bot.text import is_vietnamese_syllable

    assert is_vietnamese_syllable(word) is one_syllable


@pytest.mark.parametrize(
    ("typed", "mended"),
    [
        # The horn of "ươ" typed on one letter only, as Telex typing leaves it.
        ("Bộ truởng Kế hoạch", "Bộ trưởng Kế hoạch"),
        ("Phó thủ tuớng nào", "Phó thủ tướng nào"),
        ("ngưòi dân", "người dân"),
        ("TRUỞNG BAN", "TRƯỞNG BAN"),
        # Syllables that end in "uơ", and "quơ", are spelled so.
        ("thuở nhỏ, huơ tay, quở trách", "thuở nhỏ, huơ tay, quở trách"),
        ("Trương Quang Nghĩa", "Trương Quang Nghĩa"),
    ],
)
def test_a_half_typed_horn_is_mended(typed, mended):
    assert mend_horns(typed) == mended


def test_a_question_with_a_half_typed_horn_is_read_as_typed_right():
    assert analyse("Bộ truởng Kế hoạch đầu tư nào nhận trách nhiệm?").kind is Kind.WHO
    assert analyse("Phó thủ tuớng nào khen cây xanh Hà Nội?").text == "Phó thủ tướng nào khen cây xanh Hà Nội?"
