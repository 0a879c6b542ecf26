"""The document registry: what each cited document is, who issued it, when, about what, and who cites it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

import bot.documents
from bot.corpus import Article, read_corpus
from bot.documents import Registry, build_registry, document_spans, names_only_a_document, reference_in, registry_key
from bot.service import Library
from bot.store import build_index

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"


@pytest.fixture(scope="module")
def articles():
    articles, problems = read_corpus([DOCUMENTS])
    assert problems == [] and len(articles) == 6
    return articles


@pytest.fixture(scope="module")
def registry(articles) -> Registry:
    return build_registry(articles)


def _by_name(registry: Registry) -> dict[str, list]:
    named: dict[str, list] = {}
    for document in registry.documents:
        named.setdefault(document.name, []).append(document)
    return named


def test_a_cited_directive_has_its_kind_code_issuer_date_subject_and_the_sentence_stating_them(registry, articles):
    (directive,) = _by_name(registry)["Chỉ thị số 05-CT/TW"]
    assert (directive.kind, directive.number, directive.code) == ("Chỉ thị", "05", "05-CT/TW")
    assert (directive.issuer, directive.group, str(directive.date), directive.year) == (
        "Bộ Chính trị",
        "TW",
        "2016-05-15",
        2016,
    )
    assert directive.subject == "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    stated = directive.subject_citation
    assert articles[stated.article].id == "vb-1"
    assert stated.sentence.startswith("Sáng 2/4, Thành ủy Hà Nội sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW")
    assert directive.issuer_citation == directive.date_citation == stated


def test_a_bare_mention_joins_the_only_document_it_fits_and_each_citing_article_counts_once(registry, articles):
    (directive,) = _by_name(registry)["Chỉ thị số 05-CT/TW"]
    assert [articles[c.article].id for c in directive.citations] == ["vb-1", "vb-2", "vb-3", "vb-5", "vb-6"]
    assert directive.citations[1].sentence == "Cũng tại hội nghị, đơn vị quán triệt Chỉ thị 05 của Bộ Chính trị."


def test_the_same_number_from_another_issuer_or_year_is_another_document(registry, articles):
    named = _by_name(registry)
    (prime_minister,) = named["Chỉ thị số 05/CT-TTg"]
    assert (prime_minister.issuer, prime_minister.group, prime_minister.year, prime_minister.date) == (
        "Thủ tướng Chính phủ",
        "TTg",
        2018,
        None,
    )
    assert prime_minister.subject == "tăng cường chấn chỉnh công tác quy hoạch xây dựng"
    assert [articles[c.article].id for c in prime_minister.citations] == ["vb-2"]
    resolutions = sorted(named["Nghị quyết số 18-NQ/TW"], key=lambda d: d.year)
    assert [(d.year, d.issuer, [articles[c.article].id for c in d.citations]) for d in resolutions] == [
        (2017, "Ban Chấp hành Trung ương", ["vb-3"]),
        (2022, "Ban Chấp hành Trung ương", ["vb-4"]),
    ]
    assert resolutions[1].subject == (
        "tiếp tục đổi mới, hoàn thiện thể chế, chính sách, nâng cao hiệu lực, hiệu quả quản lý và sử dụng đất"
    )


def test_a_verb_that_spells_a_kind_is_no_document(registry, articles):
    assert len(registry) == 4
    assert not any(d.kind == "Kết luận" for d in registry.documents)  # "Đoàn kiểm tra kết luận 3 sai phạm"
    text = (
        "Quy định 15 lĩnh vực để xác định bí mật Nhà nước.\nQuyết định 1737 của Thủ tướng được công bố.\n"
        "Năm 2019 là năm bứt phá của Kế hoạch 5 năm 2016-2020.\n"
        "Các nghị quyết 10, 30 a / 2008/NQ-CP của Chính phủ.\nThanh tra Chính phủ có báo cáo Kết luận số 659/BC-TTCP."
    )
    found = build_registry([replace(articles[0], title="Tin", paragraphs=tuple(text.split("\n")))]).documents
    assert sorted(d.name for d in found) == ["Báo cáo số 659/BC-TTCP", "Nghị quyết số 10", "Quyết định số 1737"]


def test_a_kind_opening_a_sentence_with_a_number_then_an_adverb_names_a_document(articles):
    # "Quy định 15 lĩnh vực" counts fields (the verb); a number followed by "cũng", "đã", "được" … is a
    # document's, the sentence's subject: "Quy định 102 cũng nêu rõ bốn hình thức kỷ luật".
    text = (
        "Quy định 102 cũng nêu rõ bốn hình thức kỷ luật áp dụng đối với đảng viên chính thức.\n"
        "Quyết định 2635 đã cấp 26 lô đất cho cán bộ.\nQuy định 15 lĩnh vực để xác định bí mật Nhà nước."
    )
    found = build_registry([replace(articles[0], title="Tin", paragraphs=tuple(text.split("\n")))]).documents
    assert sorted(d.name for d in found) == ["Quy định số 102", "Quyết định số 2635"]
    assert document_spans(text.split("\n")[0]) == [(0, 12)]


def test_an_issuer_named_before_the_document_and_a_provincial_committee_are_read():
    articles, _ = read_corpus([DOCUMENTS])
    text = (
        "Ban Thường vụ Tỉnh ủy Nghệ An vừa ban hành Chỉ thị số 15-CT/TU về tăng cường công tác dân vận.\n"
        "Chỉ thị 15 của Tỉnh ủy Hà Tĩnh năm 2020 về phòng chống thiên tai cũng được nhắc lại."
    )
    registry = build_registry([replace(articles[0], title="Tin tỉnh", paragraphs=tuple(text.split("\n")))])
    assert sorted((d.issuer, d.group, d.year, d.subject) for d in registry.documents) == [
        ("Ban Thường vụ Tỉnh ủy Nghệ An", "TU", None, "tăng cường công tác dân vận"),
        ("Tỉnh ủy Hà Tĩnh", "TU", 2020, "phòng chống thiên tai"),
    ]


def test_a_subject_ends_with_its_clause_keeps_a_quoted_name_and_a_range_and_skips_a_vague_one(articles):
    text = (
        "Quyết định số 191/2006/QĐ-TTg ngày 17/8/2006 của Thủ tướng Chính phủ về việc ban hành Chương trình hành động, "
        "Chỉ thị số 22/CT-TTg của Thủ tướng Chính phủ và kế hoạch 2018-2020 của tỉnh được quán triệt.\n"
        "Thông báo Kết luận số 264-TB/TW ngày 31/7/2009 của Bộ Chính trị về tổ chức cuộc vận động “Người Việt Nam ưu tiên "
        "dùng hàng Việt Nam” sáng nay được tổng kết.\n"
        "Chính phủ cũng có Nghị quyết 44 về vấn đề này.\n"
        "Quyết định 1366 của Ban Bí thư về việc ông Lê Văn An thôi tham gia Ban Chấp hành nhiệm kỳ 2015 - 2020."
    )
    registry = build_registry([replace(articles[0], title="Tin", paragraphs=tuple(text.split("\n")))])
    assert sorted((d.name, d.issuer, d.year, d.subject) for d in registry.documents) == [
        ("Chỉ thị số 22/CT-TTg", "Thủ tướng Chính phủ", None, None),
        ("Nghị quyết số 44", "Chính phủ", None, None),
        ("Quyết định số 1366", "Ban Bí thư", None, "ông Lê Văn An thôi tham gia Ban Chấp hành nhiệm kỳ 2015 - 2020"),
        ("Quyết định số 191/2006/QĐ-TTg", "Thủ tướng Chính phủ", 2006, "ban hành Chương trình hành động"),
        # A "Thông báo Kết luận" is a Thông báo: its code says so.
        (
            "Thông báo số 264-TB/TW",
            "Bộ Chính trị",
            2009,
            "tổ chức cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”",
        ),
    ]
    assert [d.name for d in registry.find("264-TB/TW")] == ["Thông báo số 264-TB/TW"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        (
            "Thông tư số 24/2013/TT-BGDĐT về việc sửa đổi đối tượng ưu tiên trong tuyển sinh ĐH, CĐ chính quy có hiệu lực.",
            "sửa đổi đối tượng ưu tiên trong tuyển sinh ĐH, CĐ chính quy",
        ),
        (
            "Theo Quyết định 28/2018 của Thủ tướng về việc gửi, nhận văn bản điện tử thì văn bản điện tử là dữ liệu.",
            "gửi, nhận văn bản điện tử",
        ),
        ("Nghị quyết 26 về tam nông với những quyết sách đột phá ra đời.", "tam nông"),
        (
            "Nghị quyết 19 của Ban chấp hành Trung ương về vấn đề đất đai lại quy định theo hướng đánh thuế cao.",
            "vấn đề đất đai",
        ),
        ("Chỉ thị 11 về tổ chức Tết, Thủ tướng yêu cầu các bộ thực hiện.", "tổ chức Tết"),
        ("Sơ kết Nghị quyết 120 về phát triển bền vững ĐBSCL chiều 18-6.", "phát triển bền vững ĐBSCL"),
        ("Nghị quyết 19 về đổi mới đơn vị sự nghiệp được Tổng Bí thư ký ban hành.", "đổi mới đơn vị sự nghiệp"),
        (
            "Trong Chỉ thị 11 về chăm lo Tết Kỷ Hợi 2019 ban hành cuối năm ngoái, thành phố yêu cầu.",
            "chăm lo Tết Kỷ Hợi 2019",
        ),
        (
            "Nghị quyết 41 về phát triển ngành Dầu khí, đặc biệt là công nghiệp khí, được quán triệt.",
            "phát triển ngành Dầu khí",
        ),
    ],
)
def test_a_subject_stops_where_the_sentence_goes_on(articles, sentence, subject):
    (document,) = build_registry([replace(articles[0], title="Tin", paragraphs=(sentence,))]).documents
    assert document.subject == subject


def test_a_document_stated_with_several_subjects_shows_the_one_the_others_agree_with():
    stated = [
        "đổi mới đơn vị sự nghiệp",
        "tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập",
        "tiếp tục đổi mới hệ thống tổ chức và quản lý các đơn vị sự nghiệp công lập",
    ]
    texts = [f"Nghị quyết 19-NQ/TW năm 2017 của Ban Chấp hành Trung ương về {subject}." for subject in stated]
    (document,) = _registry_of(*texts).documents
    assert document.subject == stated[1] and document.subject_citation.article == 1


def test_the_topic_most_mentions_agree_on_claims_the_dated_document_first():
    texts = [
        "Nghị quyết 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương được quán triệt.",
        "Nghị quyết 19 của Ban Chấp hành Trung ương về vấn đề đất đai quy định đánh thuế dự án treo.",
        "Nghị quyết 19 của Ban Chấp hành Trung ương về đổi mới hệ thống tổ chức các đơn vị sự nghiệp công lập.",
        "Nghị quyết 19 của Ban Chấp hành Trung ương về đổi mới hệ thống tổ chức các đơn vị sự nghiệp công lập.",
    ]
    assert sorted((d.year or 0, d.subject, d.articles) for d in _registry_of(*texts).documents) == [
        (0, "vấn đề đất đai quy định đánh thuế dự án treo", [1]),
        (2017, "đổi mới hệ thống tổ chức các đơn vị sự nghiệp công lập", [0, 2, 3]),
    ]


def test_mentions_each_stating_part_of_one_document_are_one_document():
    texts = [
        "Kết luận số 2405/KL-UBND ngày 26/10/2018 về kết quả thanh tra việc san lấp đất trên địa bàn TP Pleiku.",
        "Dư luận chờ thực hiện Kết luận 2405/KL-UBND của UBND tỉnh Gia Lai.",
        "Chủ tịch tỉnh ký kết luận thanh tra số 2405/KL-UBND về việc san lấp đất trên địa bàn TP Pleiku.",
    ]
    (document,) = _registry_of(*texts).documents
    assert (document.issuer, document.year, document.articles) == ("UBND tỉnh Gia Lai", 2018, [0, 1, 2])


def test_a_body_of_an_issuer_is_not_the_issuer_and_a_firm_named_after_a_kind_is_no_document(articles):
    text = (
        "Ủy ban kiểm tra Tỉnh ủy Bình Thuận đã ban hành quyết định số 379-QĐ/UBKTTU thi hành kỷ luật.\n"
        "Văn phòng Thành ủy có thông báo số 495 ngày 18/5/2017 truyền đạt ý kiến chỉ đạo.\n"
        "Ban Thường vụ Tỉnh ủy Bình Thuận đã ban hành Chỉ thị số 12-CT/TU.\n"
        "Thực hiện nghị quyết số 339 ngày 30/10/2018 của Ban chấp hành Trung ương Hội Luật gia Việt Nam.\n"
        "Ông An là trưởng chi hội Luật gia Công ty Luật số 5 Quốc gia."
    )
    registry = build_registry([replace(articles[0], title="Tin", paragraphs=tuple(text.split("\n")))])
    assert sorted((d.name, d.issuer) for d in registry.documents) == [
        ("Chỉ thị số 12-CT/TU", "Ban Thường vụ Tỉnh ủy Bình Thuận"),
        ("Nghị quyết số 339", None),  # the lawyers' association's central committee, not the Party's
        ("Quyết định số 379-QĐ/UBKTTU", None),
        ("Thông báo số 495", None),
    ]


def test_one_issuers_number_on_two_topics_is_two_documents_and_a_vague_mention_joins_the_dated_one():
    texts = [
        "Nghị quyết 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị về tinh giản biên chế và cơ cấu lại đội ngũ cán bộ.",
        "Nghị quyết 39 của Bộ Chính trị về nâng cao hiệu quả khai thác các nguồn lực của nền kinh tế được quán triệt.",
        "Các địa phương tiếp tục thực hiện Nghị quyết 39 của Bộ Chính trị.",
        "Thông báo kết luận số 351 của Thủ tướng về dự án được công bố.",
        "Nghị quyết 32/2007/NQ-CP của Chính phủ vẫn còn hiệu lực.",
        "Nghị quyết 32 của Chính phủ về kế hoạch sắp xếp đơn vị hành chính giai đoạn 2019 - 2021 vừa được ban hành.",
        "Quy định số 55-QĐ/TW về một số việc cần làm ngay để tăng cường vai trò nêu gương của cán bộ, đảng viên và nội dung này.",
    ]
    documents = _registry_of(*texts).documents
    assert sorted((d.name, d.year, d.subject, [c.article for c in d.citations]) for d in documents) == [
        ("Nghị quyết số 32", None, "kế hoạch sắp xếp đơn vị hành chính giai đoạn 2019 - 2021", [5]),  # not of 2007
        ("Nghị quyết số 32/2007/NQ-CP", 2007, None, [4]),
        ("Nghị quyết số 39", None, "nâng cao hiệu quả khai thác các nguồn lực của nền kinh tế", [1]),
        ("Nghị quyết số 39-NQ/TW", 2015, "tinh giản biên chế và cơ cấu lại đội ngũ cán bộ", [0, 2]),
        (
            "Quy định số 55-QĐ/TW",
            None,
            "một số việc cần làm ngay để tăng cường vai trò nêu gương của cán bộ, đảng viên",
            [6],
        ),
        ("Thông báo số 351", None, "dự án", [3]),  # a Thông báo kết luận is a Thông báo
    ]
    assert len({d.key for d in documents}) == len(documents)


def test_a_numbered_van_ban_is_a_document_but_van_ban_before_a_bare_number_is_not():
    texts = [
        "Ngày 4/4/2016, UBND tỉnh Quảng Nam có văn bản số 1404 thống nhất chủ trương cho công ty thuê đất.",
        "Thực hiện chỉ đạo của Ban Bí thư theo thông báo tại văn bản số 10061-CV/VPTW ngày 16/7/2019.",
        "Các văn bản 5 năm qua đã được rà soát lại.",
    ]
    assert sorted((d.name, d.issuer, d.year, d.articles) for d in _registry_of(*texts).documents) == [
        ("Văn bản số 10061", None, 2019, [1]),
        ("Văn bản số 1404", "UBND tỉnh Quảng Nam", 2016, [0]),
    ]


def test_a_yearly_documents_topic_naming_its_year_joins_that_years_document():
    texts = [
        "Nghị quyết số 01/NQ-CP ngày 01/01/2018 của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch "
        "phát triển kinh tế - xã hội được triển khai.",
        "Các bộ thực hiện Nghị quyết số 01/NQ-CP ngày 01/01/2019 của Chính phủ.",
        "Nghị quyết 01/NQ-CP của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - "
        "xã hội năm 2019 được Bộ Kế hoạch và Đầu tư chủ trì xây dựng.",
    ]
    assert sorted((d.year, d.subject, d.articles) for d in _registry_of(*texts).documents) == [
        (2018, "nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội", [0]),
        (2019, "nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội năm 2019", [1, 2]),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("05", ["Chỉ thị số 05-CT/TW", "Chỉ thị số 05/CT-TTg"]),
        ("chỉ thị 05", ["Chỉ thị số 05-CT/TW", "Chỉ thị số 05/CT-TTg"]),
        ("Chỉ thị 05-CT/TW", ["Chỉ thị số 05-CT/TW"]),
        ("chi thi so 5 cua Thu tuong", ["Chỉ thị số 05/CT-TTg"]),
        ("18-NQ/TW", ["Nghị quyết số 18-NQ/TW", "Nghị quyết số 18-NQ/TW"]),
        ("NQ 18 năm 2022", ["Nghị quyết số 18-NQ/TW"]),
        ("nghị quyết 05", []),
        ("quy hoạch xây dựng", ["Chỉ thị số 05/CT-TTg"]),
        ("năm 2016", []),
    ],
)
def test_documents_are_found_by_number_code_kind_issuer_year_or_subject(registry, query, expected):
    assert [d.name for d in registry.find(query)] == expected


def test_a_query_names_a_document_by_kind_number_issuer_and_year():
    reference = reference_in("QĐ 181 của Bộ Chính trị năm 2013")
    assert (reference.kinds, reference.number, reference.group, reference.year) == (
        {"Quyết định", "Quy định"},
        181,
        "TW",
        2013,
    )
    assert reference_in("tình hình kinh tế") is None
    assert reference_in("nghị quyết Quốc hội ban hành ngày 29/6 năm 2016") is None  # a day is no number
    reference = reference_in("Chỉ thị 04/CT-UBND của UBND TP Hồ Chí Minh ngày 31/3/2009")
    assert (reference.place, reference.date) == ("tp hcm", dt.date(2009, 3, 31))
    # "cv" as staff type a Công văn, whose code names no kind ("7005/UBND-ĐT").
    reference = reference_in("cv 617 của UBND tỉnh Sơn La")
    assert (reference.kinds, reference.number, reference.group, reference.place) == (
        {"Công văn"},
        617,
        "UBND",
        "son la",
    )
    # A central body's "TW" may be written apart.
    assert reference_in("TB 138 của UBKT TW").group == "UBKTTW"
    # … and "vb" a Văn bản.
    reference = reference_in("vb 401 của thủ tướng ngày 15/3/2013")
    assert (reference.kinds, reference.number, reference.group) == ({"Văn bản"}, 401, "TTg")


@pytest.mark.parametrize(
    ("query", "group"),
    [
        ("CT 06 của BYT năm 2017", "BYT"),  # the abbreviation its code carries, typed as the issuer
        ("QĐ 1192 của UBKTTW", "UBKTTW"),
        ("NQ 120 của CP", "CP"),
        ("NQ 18 của BCT", "TW"),  # "BCT" as typed is the Bộ Chính trị, not the Bộ Công Thương
        ("chỉ thị 05 từ năm 2016", None),  # "TU" (Tỉnh ủy) is no issuer without its marks: "từ"
    ],
)
def test_a_query_names_the_issuer_by_the_abbreviation_of_its_codes(query, group):
    assert reference_in(query).group == group


@pytest.mark.parametrize(
    ("message", "alone"),
    [
        ("chỉ thị 15", True),
        ("NQ 26", True),
        ("Chỉ thị 05-CT/TW?", True),
        ("05-CT/TW của Bộ Chính trị", True),
        ("chi thi so 5 nam 2016", True),
        ("Quy định số 30-QĐ/TW ngày 26/7/2016", True),
        ("Công điện 09/CĐ-UBND của Hà Nội tháng 4/2019", True),
        ("QĐ 1637/QĐ-UBND của UBND TP Hải Phòng năm 2017", True),
        ("chi thi 36-CT/TW cua Bo Chinh tri khoa XI", True),  # the issuer's term
        ("Thông tư 17 của Bộ giáo dục", True),  # a ministry's short name
        ("05", False),  # a number alone could be anything
        ("Chỉ thị 05 nói về gì?", False),
        ("Ai dự hội nghị sơ kết Chỉ thị 05?", False),
    ],
)
def test_a_message_names_only_a_document_when_it_is_a_kind_and_number_and_nothing_else(message, alone):
    assert names_only_a_document(message) is alone


def test_the_registry_survives_json_and_refuses_one_that_cites_missing_articles(registry):
    data = json.loads(json.dumps(registry.to_json(), ensure_ascii=False))
    assert Registry.from_json(data, 6).documents == registry.documents
    with pytest.raises(ValueError):
        Registry.from_json(data, 2)


def test_the_registry_is_cached_with_the_index_and_rebuilt_when_the_extraction_changes(tmp_path, monkeypatch):
    index, _ = build_index([DOCUMENTS], tmp_path / "cache", workers=1)
    (cached,) = (tmp_path / "cache" / "index").glob("*/documents-*.json")
    assert cached.name == f"documents-{registry_key()}.json"
    assert len(index.documents) == 4

    cached.write_text(json.dumps({"documents": [], "provisions": []}), encoding="utf-8")
    again, report = build_index([DOCUMENTS], tmp_path / "cache", workers=1)
    assert report.from_cache and len(again.documents) == 0  # the cache is what is served

    tables = tmp_path / "documents.toml"
    tables.write_text(bot.documents.TABLES_FILE.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    monkeypatch.setattr(bot.documents, "TABLES_FILE", tables)
    rebuilt, report = build_index([DOCUMENTS], tmp_path / "cache", workers=1)
    assert report.from_cache and len(rebuilt.documents) == 4
    assert [p.name for p in (tmp_path / "cache" / "index").glob("*/documents-*.json")] == [
        f"documents-{registry_key()}.json"
    ]
    assert cached.name != f"documents-{registry_key()}.json"


def test_an_unreadable_cached_registry_is_rebuilt(tmp_path):
    build_index([DOCUMENTS], tmp_path / "cache", workers=1)
    (cached,) = (tmp_path / "cache" / "index").glob("*/documents-*.json")
    cached.write_text("{not json", encoding="utf-8")
    index, report = build_index([DOCUMENTS], tmp_path / "cache", workers=1)
    assert report.from_cache and len(index.documents) == 4
    assert json.loads(cached.read_text(encoding="utf-8"))["documents"]


def test_a_reload_rebuilds_the_registry_from_the_new_corpus(corpus_copy, tmp_path):
    library = Library.open([corpus_copy], tmp_path / "cache", workers=1)
    assert [d.issuer for d in library.find_documents("31/2018/CT-TTg")] == ["Thủ tướng Chính phủ"]
    (corpus_copy / "002_chi_thi_31.txt").unlink()
    (corpus_copy / "004_van_ban.jsonl").write_bytes((DOCUMENTS / "001_van_ban.jsonl").read_bytes())
    library.reload()
    assert library.find_documents("31/2018/CT-TTg") == []
    assert [d.issuer for d in library.find_documents("05/CT-TTg")] == ["Thủ tướng Chính phủ"]


@pytest.fixture(scope="module")
def shared_registry(politics_corpus) -> tuple[list, Registry]:
    articles, _ = read_corpus([politics_corpus, politics_corpus.with_name("vnexpress-2024.jsonl.gz")])
    return articles, build_registry(articles)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("query", "name", "issuer", "date", "subject"),
    [
        (
            "05-CT/TW",
            "Chỉ thị số 05-CT/TW",
            "Bộ Chính trị",
            "2016-05-15",
            "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ),
        ("102-QĐ/TW", "Quy định số 102-QĐ/TW", "Bộ Chính trị", "2017-11-15", "xử lý kỷ luật đảng viên vi phạm"),
        (
            "39-NQ/TW",
            "Nghị quyết số 39-NQ/TW",
            "Bộ Chính trị",
            "2015-04-17",
            "tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công chức, viên chức",
        ),
    ],
)
def test_the_best_known_documents_of_the_news_corpora_are_read_right(
    shared_registry, query, name, issuer, date, subject
):
    _, registry = shared_registry
    document = registry.find(query)[0]
    assert (document.name, document.issuer, str(document.date), document.subject) == (name, issuer, date, subject)
    assert len(document.citations) >= 20


def _registry_of(*texts: str) -> Registry:
    """The registry of a small corpus: one article per text (and at least three articles)."""
    padding = ("Hội nghị diễn ra trong hai ngày.",) * max(0, 3 - len(texts))
    return build_registry([Article(id=str(n), title="Tin", paragraphs=(t,)) for n, t in enumerate(texts + padding)])


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # "từ chức" and "tạo nguồn" go on listing: only "từ đó", "tạo điều kiện" … open a new clause.
        (
            "Quyết định 27/2003 của Thủ tướng về bổ nhiệm, bổ nhiệm lại, luân chuyển, từ chức, miễn nhiệm cán bộ, "
            "công chức lãnh đạo.",
            "bổ nhiệm, bổ nhiệm lại, luân chuyển, từ chức, miễn nhiệm cán bộ, công chức lãnh đạo",
        ),
        (
            "Điều 2 Nghị định 140/2007 của Chính phủ về chính sách thu hút, tạo nguồn cán bộ từ sinh viên tốt "
            "nghiệp xuất sắc, cán bộ khoa học trẻ.",
            "chính sách thu hút, tạo nguồn cán bộ từ sinh viên tốt nghiệp xuất sắc, cán bộ khoa học trẻ",
        ),
        # A dash inside a paired term is no break.
        (
            "Theo tinh thần Nghị quyết 32 của Bộ Chính trị về phát triển TP Hải Phòng trong giai đoạn công nghiệp "
            "hóa - hiện đại hóa.",
            "phát triển TP Hải Phòng trong giai đoạn công nghiệp hóa - hiện đại hóa",
        ),
        (
            "Chỉ thị 19 của Ban Bí thư về phát triển kinh tế - xã hội vùng biên giới - đây là nhiệm vụ lâu dài.",
            "phát triển kinh tế - xã hội vùng biên giới",
        ),
        # Compass points paired with a dash name one route.
        (
            "Dự án hoàn thành năm 2021 theo Nghị quyết số 52/2017/QH14 của Quốc hội về chủ trương đầu tư một số "
            "đoạn đường bộ cao tốc trên tuyến Bắc - Nam phía Đông.",
            "chủ trương đầu tư một số đoạn đường bộ cao tốc trên tuyến Bắc - Nam phía Đông",
        ),
        # "…, đồng ý đề nghị …": the sentence's own clause.
        (
            "Trong khi chưa sửa đổi Nghị định số 89/2014/NĐ-CP của Chính phủ về xét tặng danh hiệu “Nghệ sĩ nhân "
            "dân”, “Nghệ sĩ ưu tú”, đồng ý đề nghị xét phong tặng danh hiệu cho 50 cá nhân.",
            "xét tặng danh hiệu “Nghệ sĩ nhân dân”, “Nghệ sĩ ưu tú”",
        ),
        # A connective left before the predicate belongs to the clause after.
        (
            "Quyết định 12 của Thủ tướng về kỷ luật ông Trần Văn B do đã có vi phạm được công bố.",
            "kỷ luật ông Trần Văn B",
        ),
        # A subject wholly in quotes is shown without them.
        (
            'Nghị quyết 18 của Trung ương về " đổi mới, sắp xếp tổ chức bộ máy " được quán triệt.',
            "đổi mới, sắp xếp tổ chức bộ máy",
        ),
    ],
)
def test_a_subject_runs_to_the_end_of_the_documents_subject_and_no_further(sentence, subject):
    (document,) = _registry_of(sentence).documents
    assert document.subject == subject


def test_a_code_written_with_spaces_or_an_eth_is_read_as_a_code():
    registry = _registry_of(
        "Quy định này thay thế quy chế ban hành kèm theo Quyết định số 58 - QÐ / TW, ngày 7-5-2007 của Bộ Chính trị.",
        "Dự án được thực hiện theo nghị quyết số 38 / QH 14 ngày 19-6-2017 của Quốc hội.",
        "Nghị quyết số 54 NQ - CP của Chính phủ về việc phong tặng danh hiệu nghệ sĩ được ban hành.",
    )
    assert sorted((d.name, d.group, d.year, d.issuer) for d in registry.documents) == [
        ("Nghị quyết số 38/QH", "QH", 2017, "Quốc hội"),
        ("Nghị quyết số 54/NQ-CP", "CP", None, "Chính phủ"),
        ("Quyết định số 58-QĐ/TW", "TW", 2007, "Bộ Chính trị"),
    ]


def test_a_code_after_a_kind_the_registry_does_not_hold_is_not_read_as_one_of_its_kinds():
    registry = _registry_of(
        "Đây là bộ bản đồ đi kèm tờ trình 1861/TT-UB đã được Thủ tướng phê duyệt.",
        "Biên bản số 12/BB-UBND ghi nhận sự việc.",
        "Bộ Tài chính ban hành Thông tư 186/2013/TT-BTC về phí sử dụng đường bộ.",
    )
    assert [d.name for d in registry.documents] == ["Thông tư số 186/2013/TT-BTC"]


def test_qui_dinh_is_the_old_spelling_of_quy_dinh():
    registry = _registry_of(
        "Việc điều động là vi phạm qui định số 42/QĐ-TW của Ban bí thư.",
        "Ban Bí thư ban hành Quy định số 42/QĐ-TW về công tác nhân sự.",
        "Quyết định số 43/QĐ-TW của Ban Bí thư được công bố.",
    )
    assert sorted((d.kind, d.number, len(d.citations)) for d in registry.documents) == [
        ("Quy định", "42", 2),
        ("Quyết định", "43", 1),
    ]


def test_a_bare_mention_on_a_documents_topic_joins_it_beside_others_of_that_number_stating_none():
    registry = _registry_of(
        "Nghị quyết 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương về đổi mới, sắp xếp tổ chức bộ máy "
        "của hệ thống chính trị tinh gọn.",
        "Thành phố thực hiện Nghị quyết 18 về đổi mới, sắp xếp tổ chức bộ máy.",
        "Nghị quyết số 18/2016/NQ-HĐQT được Hội đồng quản trị thông qua.",
        "HĐND tỉnh Nghệ An đã ban hành Nghị quyết 18 trong kỳ họp này.",
    )
    (resolution,) = [d for d in registry.documents if d.code == "18-NQ/TW"]
    assert resolution.articles == [0, 1]
    assert len(registry.documents) == 3


def test_a_plenum_of_the_central_committee_is_read_as_the_issuer():
    registry = _registry_of(
        "Hội nghị Trung ương 7 khóa X đã ban hành Nghị quyết 26 về nông nghiệp, nông dân và nông thôn.",
        "Chính phủ thực hiện Nghị quyết 26 ngày 19-5-2018 của Hội nghị lần thứ 7 Ban Chấp hành Trung ương về tập "
        "trung xây dựng đội ngũ cán bộ các cấp.",
        "Thành phố quán triệt Nghị quyết 26 của Trung ương về tập trung xây dựng đội ngũ cán bộ các cấp.",
    )
    assert sorted((d.issuer, str(d.date), d.subject, d.articles) for d in registry.documents) == [
        ("Ban Chấp hành Trung ương", "2018-05-19", "tập trung xây dựng đội ngũ cán bộ các cấp", [1, 2]),
        ("Trung ương", "None", "nông nghiệp, nông dân và nông thôn", [0]),
    ]


def test_a_law_cited_by_its_title_is_a_document_of_the_national_assembly_of_its_year():
    registry = _registry_of(
        "Việc thu hồi đất trái với khoản 2, Điều 188 Luật đất đai năm 2013 và Bộ luật Hình sự 2015.",
        "Theo Luật Đất đai 2013 về thu hồi đất, người dân được bồi thường; Luật Phòng chống tham nhũng cũng quy định.",
        "Quốc hội thảo luận dự thảo Luật Đất đai (sửa đổi) và dự án Luật Thủ đô; Ngày 24-9-2015 phòng có kết luật số 02.",
    )
    assert sorted((d.name, d.kind, d.number, d.issuer, d.year, d.subject, d.articles) for d in registry.documents) == [
        ("Bộ luật Hình sự 2015", "Bộ luật", "", "Quốc hội", 2015, None, [0]),
        ("Kết luận số 02", "Kết luận", "02", None, None, None, [2]),  # a typo's "kết luật" is no law
        ("Luật Phòng, chống tham nhũng", "Luật", "", "Quốc hội", None, None, [1]),
        ("Luật Đất đai 2013", "Luật", "", "Quốc hội", 2013, None, [0, 1]),
    ]
    (land,) = registry.find("luật đất đai")
    assert land.name == "Luật Đất đai 2013" and registry.find("Luật 2013") == []


def test_a_law_named_by_its_title_alone_takes_no_other_articles_year_and_a_bill_is_no_law():
    registry = _registry_of(
        "Luật Cạnh tranh năm 2004 cấm các thỏa thuận hạn chế cạnh tranh.",
        "Các luật sư đã góp ý cho 12 dự án, trong đó có Luật Tố cáo và Luật Cạnh tranh.",  # 2018's, by its time
        "Quốc hội lùi thời gian thông qua dự Luật Đơn vị hành chính - kinh tế đặc biệt sang kỳ họp thứ 6.",
    )
    assert sorted((d.name, d.year, d.articles) for d in registry.documents) == [
        ("Luật Cạnh tranh", None, [1]),
        ("Luật Cạnh tranh 2004", 2004, [0]),
        ("Luật Tố cáo", None, [1]),
    ]


@pytest.mark.parametrize(
    ("sentence", "law"),
    [
        ("Ông Sáu đề nghị sửa Luật Thanh tra năm 2010.", "Luật Thanh tra"),
        # A misspelt "kết luận thanh tra" is no law on inspection.
        ("Thanh tra tỉnh Cà Mau cho biết đã ban hành kết luật thanh tra về việc thực hiện các giải pháp.", None),
    ],
)
def test_a_law_is_named_by_its_title_but_not_inside_a_misspelt_ket_luan(sentence, law):
    found = bot.documents._patterns()["law"].search(sentence)
    assert (found["law"] if found else None) == law


def test_a_law_takes_only_the_year_written_with_its_title_and_not_its_amending_laws():
    registry = _registry_of(
        "Khoản chi chỉ có từ khi có Luật sửa đổi, bổ sung một số điều Luật Bảo hiểm y tế năm 2014.",
        "Đại biểu kiến nghị lùi thời gian sửa đổi Luật Công đoàn vào năm 2021 và thông qua năm 2022.",
        "Theo Luật Đất đai năm 2013, người dân được bồi thường.",
    )
    assert sorted((d.name, d.year) for d in registry.documents) == [
        ("Luật Bảo hiểm y tế", None),
        ("Luật Công đoàn", None),
        ("Luật Đất đai 2013", 2013),
    ]


def test_a_subject_goes_on_through_a_paired_term_and_stops_before_what_an_inspection_found():
    registry = _registry_of(
        "Ít người nắm được Chỉ thị 43 của Thành ủy Đà Nẵng, về tăng cường sự lãnh đạo, chỉ đạo thực hiện Năm văn "
        "hóa, văn minh đô thị 2015.",
        "Về việc thực hiện quyết định 648 về điều chỉnh giá bán lẻ điện, qua kiểm tra về công tác niêm yết, các đơn vị "
        "làm đúng.",
        "Nghị quyết 5 về công tác cán bộ, chỉ đạo các địa phương thực hiện.",
    )
    assert sorted((d.name, d.subject) for d in registry.documents) == [
        ("Chỉ thị số 43", "tăng cường sự lãnh đạo, chỉ đạo thực hiện Năm văn hóa, văn minh đô thị 2015"),
        ("Nghị quyết số 5", "công tác cán bộ"),
        ("Quyết định số 648", "điều chỉnh giá bán lẻ điện"),
    ]


def test_a_ministry_named_by_its_short_name_is_the_issuer_and_a_year_opening_the_clause_dates_it():
    registry = _registry_of(
        "Doanh nghiệp phải có giấy xác nhận theo Thông tư 08 của Bộ TN&MT.",
        "Năm 2016, Bộ GTVT có Thông tư 12 về đăng kiểm xe cơ giới.",
        "Sáng 3/5, Bộ GD-ĐT đã ban hành Thông tư 20 về tuyển sinh.",
    )
    assert sorted((d.number, d.issuer, d.group, d.year) for d in registry.documents) == [
        ("08", "Bộ TN&MT", "BTNMT", None),
        ("12", "Bộ GTVT", "BGTVT", 2016),
        ("20", "Bộ GD-ĐT", "BGDĐT", None),  # "Sáng 3/5" states no year
    ]


def test_a_ve_that_means_as_for_is_no_subject():
    registry = _registry_of(
        "TAND đưa vụ án ra xét xử theo quyết định số 524/2018/QĐ-ST ngày 26/11/2018, về phía nguyên đơn là ông A "
        "đang nóng lòng.",
        "Nghị định 100 của Chính phủ, về phần mình, doanh nghiệp phải tuân thủ.",
        "Chỉ thị 16 của Thủ tướng về phòng chống dịch được ban hành.",
    )
    assert sorted((d.name, d.issuer, d.year, d.subject) for d in registry.documents) == [
        ("Chỉ thị số 16", "Thủ tướng", None, "phòng chống dịch"),
        ("Nghị định số 100", "Chính phủ", None, None),
        ("Quyết định số 524/2018/QĐ-ST", None, 2018, None),
    ]


def test_the_ban_bi_thus_directive_is_not_the_bo_chinh_tris_of_its_number_though_their_topics_share_words():
    registry = _registry_of(
        "Ngày 20/5, Ban Bí thư ban hành Chỉ thị số 34-CT/TW về tăng cường lãnh đạo, chỉ đạo thực hiện hiệu quả công "
        "tác phòng, chống, khống chế bệnh dịch tả lợn châu Phi.",
        "Chỉ thị số 34/CT-TW ngày 7/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng "
        "được quán triệt.",
        "Hội luật gia các tỉnh thực hiện Chỉ thị 34 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen "
        "thưởng.",
    )
    assert sorted((d.issuer, d.year, len(d.citations)) for d in registry.documents) == [
        ("Ban Bí thư", None, 1),
        ("Bộ Chính trị", 2014, 2),
    ]


def test_a_subject_is_read_past_a_local_codes_province_and_without_the_quotes_around_it():
    registry = _registry_of(
        "Căn cứ vào Nghị quyết 14/2013/NQ-HĐND TP Hà Nội về “Chính sách trọng dụng nhân tài trong xây dựng, phát "
        "triển Thủ đô” quy định, thủ khoa được tiếp nhận.",
        "Thủ tướng ban hành Chỉ thị số 29/CT-TTg về “Tăng cường hiệu lực quản lý nhà nước đối với nhà chung cư”.",
    )
    assert sorted((d.name, d.subject) for d in registry.documents) == [
        ("Chỉ thị số 29/CT-TTg", "Tăng cường hiệu lực quản lý nhà nước đối với nhà chung cư"),
        ("Nghị quyết số 14/2013/NQ-HĐND", "Chính sách trọng dụng nhân tài trong xây dựng, phát triển Thủ đô"),
    ]


def test_a_date_opening_the_sentence_dates_the_document_its_signer_or_issuer_then_issues():
    registry = _registry_of(
        "Cuối năm 2016 Ủy viên Bộ Chính trị, Thường trực Ban Bí thư Đinh Thế Huynh đã ký ban hành Chỉ thị số "
        "11-CT/TW của Ban Bí thư về việc tổ chức Tết năm 2017.",
        "Ngày 1-8-2014, bà Phan Thị Mỹ Thanh, khi đó là Phó Chủ tịch UBND tỉnh Đồng Nai, đã ký văn bản số "
        "7005/UBND-ĐT.",
        "Tháng 11/2014, UBND tỉnh Hà Tĩnh đã ban hành quyết định số 77, nêu rõ công chức phải làm gì. Đầu năm 2017, "
        "TP. Hải Phòng ban hành Nghị quyết 148 năm 2016 của Hội đồng Nhân dân thành phố.",
    )
    assert sorted((d.name, d.year, d.date) for d in registry.documents) == [
        ("Chỉ thị số 11-CT/TW", 2016, None),
        # Its own "năm 2016" dates it, not the year the city put it to work.
        ("Nghị quyết số 148", 2016, None),
        ("Quyết định số 77", 2014, None),
        ("Văn bản số 7005/UBND-ĐT", 2014, dt.date(2014, 8, 1)),
    ]


def test_a_provinces_inspectorate_issues_its_conclusions():
    registry = _registry_of(
        "Trước đó, Thanh tra tỉnh Cà Mau ban hành kết luận 05/KL-TT về giao đất, cấp sổ đỏ.",
        "Thanh tra Chính phủ có Kết luận số 2852/KL-TTCP về các dự án ở Đà Nẵng.",
    )
    assert sorted((d.name, d.issuer, d.group) for d in registry.documents) == [
        ("Kết luận số 05/KL-TT", "Thanh tra tỉnh Cà Mau", "TT"),
        ("Kết luận số 2852/KL-TTCP", "Thanh tra Chính phủ", "TTCP"),
    ]


def test_the_head_of_an_issuer_who_signed_a_document_is_read_past_and_a_ministrys_issues_for_it():
    registry = _registry_of(
        "Các cơ sở thực hiện Chỉ thị số 06/CT-BYT ngày 11/8/2017 của Bộ trưởng Bộ Y tế về việc tăng cường chăm sóc "
        "sức khoẻ bà mẹ, trẻ sơ sinh.",
        "Sở Nội vụ công bố Quyết định số 1788/QĐ-UBND ngày 16/7/2019 của Chủ tịch UBND tỉnh Sơn La về việc tiếp nhận, "
        "điều động và bổ nhiệm ông Cầm Văn An.",
        "Theo quyết định số 4601 do Bộ trưởng Bộ Công thương Trần Tuấn Anh ký, ông B thôi việc.",
    )
    assert sorted((d.name, d.issuer, d.subject) for d in registry.documents) == [
        ("Chỉ thị số 06/CT-BYT", "Bộ Y tế", "tăng cường chăm sóc sức khỏe bà mẹ, trẻ sơ sinh"),
        # A local body's head signs for it; who it is stays the code's (its province may be another sentence's).
        ("Quyết định số 1788/QĐ-UBND", "Ủy ban nhân dân", "tiếp nhận, điều động và bổ nhiệm ông Cầm Văn An"),
        # A ministry's head issues for it.
        ("Quyết định số 4601", "Bộ Công thương", None),
    ]


def test_a_subject_stops_where_the_sentences_event_takes_place():
    registry = _registry_of(
        "Hội nghị sơ kết 3 năm thực hiện kết luận 107/2015 của Ban bí thư về tiếp tục thực hiện cuộc vận động người "
        "Việt Nam ưu tiên dùng hàng Việt Nam giai đoạn 2015-2017, diễn ra sáng qua.",
    )
    assert [d.subject for d in registry.documents] == [
        "tiếp tục thực hiện cuộc vận động người Việt Nam ưu tiên dùng hàng Việt Nam giai đoạn 2015-2017"
    ]


def test_a_code_abbreviation_another_body_shares_is_that_bodys_when_the_sentence_names_it():
    registry = _registry_of(
        "Thực hiện Thông báo số 410/TB-BTC, ngày 26/4/2019, của Ban tổ chức lễ tang đồng chí Lê Đức Anh, các cơ quan "
        "treo cờ rủ.",
        "Bộ Tài chính ban hành Thông tư số 202/2011/TT-BTC về quản lý giá.",
        "Doanh nghiệp thực hiện Thông tư 78/2014/TT-BTC về thuế thu nhập doanh nghiệp.",
    )
    assert sorted((d.name, d.issuer, d.group, d.year) for d in registry.documents) == [
        ("Thông báo số 410/TB-BTC", None, "Ban tổ chức", 2019),
        ("Thông tư số 202/2011/TT-BTC", "Bộ Tài chính", "BTC", 2011),
        ("Thông tư số 78/2014/TT-BTC", "Bộ Tài chính", "BTC", 2014),
    ]


def test_a_subject_stops_at_the_sentences_time_place_and_predicate_and_goes_on_through_a_list_of_bodies():
    registry = _registry_of(
        "Tại hội nghị triển khai nghị định 139 về xử phạt hành chính trong lĩnh vực đầu tư xây dựng tại TP. HCM "
        "mới đây, đại diện thanh tra Bộ Xây dựng cho biết.",
        "Hội nghị tổng kết thông báo Kết luận số 264-TB/TW ngày 31/7/2009 của Bộ Chính trị về tổ chức cuộc vận động "
        "“Người Việt Nam ưu tiên dùng hàng Việt Nam” trên địa bàn TP. HCM sáng nay 20-4.",
        "Theo UBND thành phố, Nghị định 36/2009 của Chính phủ về quản lý sử dụng pháo có quy định: bắn pháo hoa "
        "không quá 15 phút. Quy định số 85-QĐ/TW ngày 23-5-2017 của Bộ Chính trị về kiểm tra, giám sát việc kê khai "
        "tài sản của cán bộ thuộc diện Bộ Chính trị, Ban Bí thư quản lý ra đời. Quyết định số 14/2015/QĐ-UBND "
        "về hỗ trợ chi phí hỏa táng trên địa bàn TP. HCM có hiệu lực.",
    )
    assert sorted((d.name, d.subject) for d in registry.documents) == [
        ("Nghị định số 139", "xử phạt hành chính trong lĩnh vực đầu tư xây dựng"),
        ("Nghị định số 36", "quản lý sử dụng pháo"),
        (
            "Quy định số 85-QĐ/TW",
            "kiểm tra, giám sát việc kê khai tài sản của cán bộ thuộc diện Bộ Chính trị, Ban Bí thư quản lý",
        ),
        # A place with no time after it is where the document applies.
        ("Quyết định số 14/2015/QĐ-UBND", "hỗ trợ chi phí hỏa táng trên địa bàn TP. HCM"),
        ("Thông báo số 264-TB/TW", "tổ chức cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”"),
    ]


def test_a_replaced_document_is_on_its_replacements_matter_and_not_one_with_another_topic_of_its_code():
    registry = _registry_of(
        "Trên cơ sở tổng kết 10 năm thực hiện chỉ thị số 21, Bộ Chính trị đã ra chỉ thị mới về tiếp tục tăng cường "
        "lãnh đạo công tác phòng, chống và kiểm soát ma túy trong tình hình mới để thay chỉ thị số 21-CT/TW, ngày "
        "26-3-2008 của Bộ Chính trị khóa X.",
        "Các chương trình luôn tuân thủ yêu cầu tại Chỉ thị 21 / TW về đẩy mạnh thực hành tiết kiệm, chống lãng phí.",
        "Thủ tướng Chính phủ vừa có Chỉ thị số 21/CT-TTg về việc hỗ trợ Hội Luật gia Việt Nam.",
    )
    assert sorted((d.name, d.issuer, d.year, d.subject, d.articles) for d in registry.documents) == [
        ("Chỉ thị số 21-CT/TW", "Bộ Chính trị", 2008, None, [0]),  # its replacement's topic is not its subject
        ("Chỉ thị số 21/CT-TTg", "Thủ tướng Chính phủ", None, "hỗ trợ Hội Luật gia Việt Nam", [2]),
        ("Chỉ thị số 21/TW", "cơ quan Trung ương Đảng", None, "đẩy mạnh thực hành tiết kiệm, chống lãng phí", [1]),
    ]
    # Dated by the text, one code's two years are two documents, each with the topic stated of it.
    dated = _registry_of(
        "Chỉ thị 21-CT/TW ngày 26/3/2008 của Bộ Chính trị về tăng cường phòng chống ma túy.",
        "Chỉ thị 21-CT/TW ngày 25/12/2012 của Ban Bí thư về đẩy mạnh thực hành tiết kiệm, chống lãng phí.",
        "Các đơn vị thực hiện Chỉ thị 21-CT/TW về đẩy mạnh thực hành tiết kiệm.",
    )
    assert sorted((d.year, d.issuer, d.subject, d.articles) for d in dated.documents) == [
        (2008, "Bộ Chính trị", "tăng cường phòng chống ma túy", [0]),
        (2012, "Ban Bí thư", "đẩy mạnh thực hành tiết kiệm, chống lãng phí", [1, 2]),
    ]


def test_a_joint_circular_is_its_own_kind_not_a_circular_of_that_number():
    registry = _registry_of(
        "Hai bộ đang sửa Thông tư liên tịch 27/2015/TTLT-BKHCN-BTC về khoán chi.",
        "Thông tư 27 của Bộ Y tế về khám bệnh vẫn có hiệu lực.",
    )
    assert sorted((d.kind, d.ordinal, d.subject) for d in registry.documents) == [
        ("Thông tư", 27, "khám bệnh"),
        ("Thông tư liên tịch", 27, "khoán chi"),
    ]


def test_a_body_whose_conclusions_a_notice_states_is_not_its_issuer():
    registry = _registry_of(
        "Thực hiện kết luận của Thủ tướng tại Thông báo số 189 về cải cách thủ tục hành chính.",
        "Ủy ban Kiểm tra Trung ương tại Quyết định số 1192-QĐ/UBKTTW đã thi hành kỷ luật.",
    )
    assert sorted((d.kind, d.ordinal, d.issuer or "") for d in registry.documents) == [
        ("Quyết định", 1192, "Ủy ban Kiểm tra Trung ương"),
        ("Thông báo", 189, ""),  # the Thủ tướng's conclusions, in a notice the Văn phòng Chính phủ issues
    ]


def test_an_issuer_that_will_issue_a_document_is_its_issuer():
    registry = _registry_of(
        "Tại hội nghị, Bộ trưởng cho biết Bộ Y tế sẽ có Chỉ thị số 03 về phòng chống dịch sốt xuất huyết.",
        "Ngay sau hội nghị, Thủ tướng sẽ ký Quyết định 45 về thành lập tổ công tác.",
    )
    assert sorted((d.name, d.issuer, d.group) for d in registry.documents) == [
        ("Chỉ thị số 03", "Bộ Y tế", "BYT"),
        ("Quyết định số 45", "Thủ tướng", "TTg"),
    ]


def test_a_yearly_documents_subjects_of_two_years_are_two_documents():
    registry = _registry_of(
        "Chính phủ ban hành Nghị quyết 01/NQ-CP ngày 1/1/2018 về nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch "
        "phát triển kinh tế - xã hội năm 2018.",
        "Chính phủ ban hành Nghị quyết 01/NQ-CP ngày 1/1/2019 về nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch "
        "phát triển kinh tế - xã hội năm 2019.",
        "Các bộ triển khai Nghị quyết 01/NQ-CP về nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch phát triển kinh "
        "tế - xã hội năm 2019.",
    )
    assert sorted((d.year, d.articles) for d in registry.documents) == [(2018, [0]), (2019, [1, 2])]


def test_a_draft_is_no_issued_document():
    registry = _registry_of(
        "Bộ Giao thông vận tải đang lấy ý kiến dự thảo Thông tư 59 về trạm thu phí, thay Thông tư 49/2016/TT-BGTVT.",
        "Quốc hội thảo luận dự án Nghị quyết 12 về thí điểm chính quyền đô thị.",
        "Bộ Tài chính công bố Dự thảo 15/2019/TT-BTC về phí trước bạ.",
    )
    assert [d.name for d in registry.documents] == ["Thông tư số 49/2016/TT-BGTVT"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # "…, kiến nghị …": what the speaker proposes next, as "…, đề nghị …".
        (
            "Hai bộ đang sửa Thông tư 19 về định mức chi hội nghị, kiến nghị Chính phủ sửa Nghị định 32.",
            "định mức chi hội nghị",
        ),
        # "… gửi đến …": whom the plan was sent to.
        (
            "Đảng đoàn ban hành Kế hoạch số 88-KH/ĐĐ về thực hiện chương trình công tác năm 2019 gửi đến các "
            "đảng ủy trực thuộc.",
            "thực hiện chương trình công tác năm 2019",
        ),
    ],
)
def test_a_subject_stops_where_a_proposal_or_the_addressees_follow(sentence, subject):
    (document,) = [d for d in _registry_of(sentence).documents if d.ordinal in (19, 88)]
    assert document.subject == subject


def test_a_lower_case_kind_with_a_bare_number_after_a_verb_taking_a_document_is_a_document():
    registry = _registry_of(
        "Bốn tháng sau, Thanh tra Chính phủ có thông báo 1483 nêu các sai phạm về đất đai.",
        "Sở Y tế thông báo 12 ca mắc mới trong ngày.",
        "Địa phương thực hiện kế hoạch 5 năm và làm theo quyết định 367 của UBND tỉnh.",
    )
    assert sorted((d.name, d.issuer, d.articles) for d in registry.documents) == [
        ("Quyết định số 367", "UBND tỉnh", [2]),
        ("Thông báo số 1483", "Thanh tra Chính phủ", [0]),
    ]


def test_a_word_taking_a_document_is_told_from_one_spelled_alike_without_its_tones():
    registry = _registry_of(
        "Thành phố thi hành kỷ luật 111 đảng viên vi phạm.",
        "Chủ tịch tỉnh ký quyết định 45 phê duyệt dự án.",
    )
    assert [(d.name, d.articles) for d in registry.documents] == [("Quyết định số 45", [1])]


def test_a_subject_stops_at_a_comma_before_an_issuer_written_in_capitals():
    registry = _registry_of(
        "Thực hiện Chỉ thị số 12/CT-TTg của Thủ tướng về rà soát quy hoạch rừng phòng hộ, UBND tỉnh đã báo cáo.",
        "Quy định 30 của Bộ Chính trị về kê khai tài sản của cán bộ thuộc diện Bộ Chính trị, BBT quản lý được ban hành.",
    )
    assert sorted((d.ordinal, d.subject) for d in registry.documents) == [
        (12, "rà soát quy hoạch rừng phòng hộ"),
        (30, "kê khai tài sản của cán bộ thuộc diện Bộ Chính trị, BBT quản lý"),
    ]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # "… quy định số lượng …": what the document provides, the sentence's predicate.
        (
            "Chỉ thị 40 của Bộ Chính trị về đại hội đảng bộ các cấp quy định số lượng cấp ủy viên giảm 5%.",
            "đại hội đảng bộ các cấp",
        ),
        # "…, hàng loạt …": a quantity opens the sentence's next clause, as "…, nhiều …".
        (
            "Theo Quyết định số 77/QĐ-BTC về kế hoạch kiểm tra năm 2019 của Bộ Tài chính, hàng loạt doanh nghiệp "
            "sẽ được kiểm tra.",
            "kế hoạch kiểm tra năm 2019 của Bộ Tài chính",
        ),
    ],
)
def test_a_subject_stops_at_what_the_document_provides_and_at_a_quantity_opening_a_clause(sentence, subject):
    (document,) = [d for d in _registry_of(sentence).documents if d.ordinal in (40, 77)]
    assert document.subject == subject


def test_a_province_named_with_a_dash_is_no_break_in_a_subject():
    registry = _registry_of(
        "Hội nghị tổng kết Kết luận 48 của Bộ Chính trị về xây dựng, phát triển tỉnh Thừa Thiên - Huế đến năm 2020.",
        "Quyết định 23 của UBND tỉnh về hỗ trợ ngư dân Bà Rịa - Vũng Tàu được ban hành.",
    )
    assert sorted((d.ordinal, d.subject) for d in registry.documents) == [
        (23, "hỗ trợ ngư dân Bà Rịa - Vũng Tàu"),
        (48, "xây dựng, phát triển tỉnh Thừa Thiên - Huế đến năm 2020"),
    ]


def test_what_a_mention_says_a_document_provides_tells_it_from_another_of_its_number():
    registry = _registry_of(
        "Cán bộ đã hưởng chế độ theo nghị định 26 quy định chế độ, chính sách đối với cán bộ không đủ tuổi tái cử.",
        "Chính phủ ban hành Nghị định 26/2019/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Thủy sản.",
        "Nghị định 26 của Chính phủ quy định chi tiết thi hành Luật Thủy sản được phổ biến tới ngư dân.",
    )
    assert sorted((d.name, d.year, d.subject, d.articles) for d in registry.documents if d.kind == "Nghị định") == [
        ("Nghị định số 26", None, None, [0]),
        ("Nghị định số 26/2019/NĐ-CP", 2019, None, [1, 2]),
    ]


def test_a_decimal_amount_after_a_kind_is_a_quantity_not_a_document_number():
    registry = _registry_of(
        "Trường chi tiền quản lý lớp không theo quy định 1,25 tỷ đồng.",
        "Khoản chi sai quyết định 2.5 triệu đồng bị thu hồi.",
        "Bộ Tài chính ban hành Thông tư 186/2013/TT-BTC về phí sử dụng đường bộ.",
    )
    assert [d.name for d in registry.documents] == ["Thông tư số 186/2013/TT-BTC"]


def test_a_documents_name_in_a_sentence_is_its_own_number_not_the_start_of_a_longer_one():
    from bot.documents import Document, _name_span

    document = Document(
        key="k",
        kind="Chỉ thị",
        number="5",
        code=None,
        issuer=None,
        issuer_citation=None,
        group=None,
        year=None,
        date=None,
        date_citation=None,
        subject=None,
        subject_citation=None,
        citations=(),
    )
    sentence = "Thực hiện Chỉ thị 50 của Bộ Chính trị và Chỉ thị 5/CT-TTg của Thủ tướng."
    start, end = _name_span(document, sentence)
    assert sentence[start:end] == "Chỉ thị 5/CT-TTg"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The legislature's term after a code ("UBTVQH 14") is part of it: the date follows.
        (
            "Số vốn đưa vào nguồn dự phòng theo Nghị quyết số 439/NQ-UBTVQH 14 ngày 30/10/2017 của uỷ ban "
            "Thường vụ Quốc hội.",
            ("439/NQ-UBTVQH", "Ủy ban Thường vụ Quốc hội", dt.date(2017, 10, 30), None),
        ),
        # A code spaced out after its year ("580/2018 / UBTVQH 14") goes on to its issuer and subject.
        (
            "Hợp nhất 3 văn phòng là căn cứ theo Nghị quyết 580/2018 / UBTVQH 14 của Uỷ ban Thường vụ Quốc hội "
            "về việc thí điểm hợp nhất văn phòng đoàn ĐBQH, văn phòng HĐND.",
            (
                "580/2018/UBTVQH",
                "Ủy ban Thường vụ Quốc hội",
                None,
                "thí điểm hợp nhất văn phòng đoàn ĐBQH, văn phòng HĐND",
            ),
        ),
    ],
)
def test_a_code_written_with_the_legislatures_term_or_spaced_out_is_read_whole(text, expected):
    others = [
        Article(id=f"o{n}", title="Tin", paragraphs=(f"Hội nghị lần {n} bàn về công tác cán bộ.",)) for n in range(2)
    ]
    (document,) = build_registry([Article(id="qh", title="Tin", paragraphs=(text,)), *others]).documents
    assert (document.code, document.issuer, document.date, document.subject) == expected


@pytest.mark.parametrize("quote", ['"', "“"])
def test_a_subject_written_in_quotes_after_the_number_is_read(quote):
    closing = '"' if quote == '"' else "”"
    text = f"Thành ủy ban hành Nghị quyết số 15 {quote} về việc xây dựng tổ chức cơ sở Đảng trong sạch, vững mạnh {closing}."
    others = [
        Article(id=f"o{n}", title="Tin", paragraphs=(f"Hội nghị lần {n} bàn về công tác cán bộ.",)) for n in range(2)
    ]
    (document,) = build_registry([Article(id="nq", title="Tin", paragraphs=(text,)), *others]).documents
    assert document.subject == "xây dựng tổ chức cơ sở Đảng trong sạch, vững mạnh"


def test_a_party_committee_of_a_corporation_issues_under_its_own_code():
    text = "Ông Thăng ký ban hành Nghị quyết 233/NQ-ĐU, ngày 17-3-2009 của Đảng uỷ Tập đoàn về chỉ định thầu."
    others = [
        Article(id=f"o{n}", title="Tin", paragraphs=(f"Hội nghị lần {n} bàn về công tác cán bộ.",)) for n in range(2)
    ]
    (document,) = build_registry([Article(id="du", title="Tin", paragraphs=(text,)), *others]).documents
    assert (document.code, document.issuer, document.date) == ("233/NQ-ĐU", "Đảng ủy Tập đoàn", dt.date(2009, 3, 17))


def test_a_local_bodys_number_named_with_its_level_only_is_of_the_province_its_sentence_names():
    hanoi = "Mới đây, UBND Hà Nội ban hành Chỉ thị số 04/CT-UBND về tăng cường cấp nước sạch nông thôn."
    hcm = (
        "Chỉ thị số 04/CT-UBND của Chủ tịch Uỷ ban nhân dân Thành phố cũng triển khai các biện pháp phòng cháy "
        "chữa cháy đối với chung cư trên địa bàn TP. HCM."
    )
    texts = {"hn": hanoi, "hcm": hcm, "other": "Hội nghị lần 3 bàn về công tác cán bộ."}
    registry = build_registry([Article(id=i, title="Tin", paragraphs=(t,)) for i, t in texts.items()])
    assert sorted(d.articles for d in registry.documents if d.code == "04/CT-UBND") == [[0], [1]]


def test_a_provinces_spellings_are_one_province_of_a_local_document():
    texts = {
        "a": "UBND TP HCM ban hành Quyết định 29 về quản lý người không có nơi cư trú năm 2017.",
        "b": "Thực hiện Quyết định 29 của UBND TP. HCM, các quận rà soát người không có nơi cư trú.",
        "c": "Hội nghị lần 3 bàn về công tác cán bộ.",
    }
    registry = build_registry([Article(id=i, title="Tin", paragraphs=(t,)) for i, t in texts.items()])
    assert [d.articles for d in registry.documents if d.number == "29"] == [[0, 1]]


def test_issued_on_a_day_after_the_subject_dates_the_document_named_last_before_it():
    registry = _registry_of(
        "Từ khi quyết định số 5383/QĐ-UBND của UBND TP. Hà Nội về giao đất được ban hành vào ngày 20/10/2014, không "
        "có tranh chấp.",
        "Nghị quyết số 54/NQ-CP của Chính phủ về phong tặng danh hiệu lần thứ 9 được ban hành ngày 19/7/2019 có ghi: "
        "Nghị định số 89/2014/NĐ-CP ngày 29/9/2014 vẫn áp dụng.",
        "Chỉ thị 16 của Thủ tướng về phòng chống dịch được ban hành ngày 5/1/19 tháng trước.",
    )
    assert sorted((d.name, d.date) for d in registry.documents) == [
        ("Chỉ thị số 16", None),
        ("Nghị quyết số 54/NQ-CP", dt.date(2019, 7, 19)),
        ("Nghị định số 89/2014/NĐ-CP", dt.date(2014, 9, 29)),
        ("Quyết định số 5383/QĐ-UBND", dt.date(2014, 10, 20)),
    ]


def test_the_body_acting_in_the_document_a_sentence_opens_with_issued_it():
    registry = _registry_of(
        "Tại văn bản số 209 ngày 28/10/2015, Bộ Thông tin Truyền thông kiến nghị Thủ tướng xem xét dự án.",
        "Theo Thông tư 08, Bộ Công an sẽ rà soát lại các quy định.",
        "Bộ Thông tin - Truyền thông đã ban hành Thông tư số 12 về quản lý trò chơi điện tử.",
    )
    assert sorted((d.name, d.issuer) for d in registry.documents) == [
        ("Thông tư số 08", None),
        ("Thông tư số 12", "Bộ Thông tin - Truyền thông"),
        ("Văn bản số 209", "Bộ Thông tin Truyền thông"),
    ]


def test_a_date_opening_a_sentence_dates_the_decision_a_personnel_act_is_done_under():
    registry = _registry_of(
        "Tháng 10/2010, ông Trương Văn Tuyến được bổ nhiệm làm Tổng giám đốc Vinashin theo quyết định số 1832 "
        "của Thủ tướng Chính phủ.",
        "Năm 2018, tỉnh triển khai các dự án theo Quyết định số 45 của UBND tỉnh.",
        "Năm 2019, ông A bị cách chức; ông B được khen thưởng theo Quyết định số 77 của Bộ Nội vụ.",
    )
    assert sorted((d.name, d.year) for d in registry.documents) == [
        ("Quyết định số 1832", 2010),
        ("Quyết định số 45", None),
        ("Quyết định số 77", None),
    ]


def test_a_law_cited_by_the_short_name_the_press_writes_is_the_law_of_its_full_title():
    registry = _registry_of(
        "Sáng 14/6, Quốc hội thông qua Luật rượu bia năm 2019 với đa số đại biểu tán thành.",
        "Luật Phòng, chống tác hại của rượu, bia có hiệu lực từ ngày 1/1/2020.",
        "Hà Nội xin ý kiến theo quy định tại Luật Di sản với công trình ga ngầm C9.",
    )
    # (a mention stating no year is of no enactment in particular: one law title has had several)
    assert sorted((d.name, len(d.citations)) for d in registry.documents) == [
        ("Luật Di sản văn hóa", 1),
        ("Luật Phòng, chống tác hại của rượu, bia", 1),
        ("Luật Phòng, chống tác hại của rượu, bia 2019", 1),
    ]


def test_an_inspections_conclusion_is_a_conclusion_when_numbered_and_a_count_is_not_its_number():
    registry = _registry_of(
        "Sở Nội vụ báo cáo kết quả kiểm điểm theo Kết luận thanh tra số 05 ngày 21-2-2019 của Thanh tra TP.",
        "Ngày 25/4/2015, thanh tra thành phố đã có kết luận thanh tra 312 biệt thự.",
        "Thanh tra Chính phủ vừa ban hành Kết luận thanh tra số 195/KL-TTCP về dự án ở Đồng Nai.",
    )
    assert sorted((d.name, d.date) for d in registry.documents) == [
        ("Kết luận số 05", dt.date(2019, 2, 21)),
        ("Kết luận số 195/KL-TTCP", None),
    ]


def test_a_day_without_its_year_after_the_name_leaves_the_issuer_and_subject_after_it_read():
    registry = _registry_of(
        "Bộ Công Thương căn cứ Thông báo số 138 ngày 27/10 của Uỷ ban Kiểm tra Trung ương về kết luận kiểm tra "
        "đối với Ban Cán sự đảng.",
        "Ban thường vụ Tỉnh uỷ đã ban hành quyết định số 2479-QĐ/TU ngày 22-4 về việc đình chỉ sinh hoạt Đảng.",
        "Chỉ thị 16 của Thủ tướng về phòng chống dịch được ban hành.",
    )
    assert sorted((d.name, d.issuer, d.date, d.subject) for d in registry.documents) == [
        ("Chỉ thị số 16", "Thủ tướng", None, "phòng chống dịch"),
        ("Quyết định số 2479-QĐ/TU", "Ban thường vụ Tỉnh ủy", None, "đình chỉ sinh hoạt Đảng"),
        ("Thông báo số 138", "Ủy ban Kiểm tra Trung ương", None, "kết luận kiểm tra đối với Ban Cán sự đảng"),
    ]
