"""Reading article files: the scraped-page format, JSON Lines, and the files that cannot be read."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from bot.corpus import Article, looks_like_caption, parse_txt, read_corpus, read_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"


def seed_article(seed_path: Path) -> Article:
    content = read_file(seed_path)
    assert content.problems == []
    (article,) = content.articles
    return article


def test_the_seed_title_line_gives_title_date_and_time(seed_path):
    article = seed_article(seed_path)
    assert article.id == "000_33da5da0feea9827"
    assert article.title == (
        "Đảng ủy Khối các cơ quan TP Hà Nội sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"
    )
    assert article.date == dt.date(2021, 4, 2)
    assert article.time == dt.time(15, 30)
    assert article.iso_date() == "2021-04-02T15:30"


def test_the_source_tag_is_taken_out_of_the_first_paragraph(seed_path):
    article = seed_article(seed_path)
    assert article.source == "HNP"
    assert article.paragraphs[0].startswith("Sáng 02/4, Đảng ủy Khối các cơ quan TP Hà Nội tổ chức Hội nghị")


def test_the_byline_ends_the_article_and_is_not_a_paragraph(seed_path):
    article = seed_article(seed_path)
    assert article.byline == "Thu Uyên"
    assert article.paragraphs[-1].startswith("Nhân dịp này, Ban Thường vụ Thành ủy đã tặng Bằng khen cho 10 tập thể")


def test_no_page_furniture_survives(seed_path):
    text = seed_article(seed_path).text
    for furniture in (
        "Các bài mới đăng",
        "Các bài đã đăng",
        "Bài viết Xem",
        "Viết bình luận",
        "Họ tên",
        "Mã xác nhận",
        "\ufffd",
    ):
        assert furniture not in text


def test_photo_captions_are_kept_and_recognised(seed_path):
    paragraphs = seed_article(seed_path).paragraphs
    caption = "Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong trao Bằng khen của Ban Thường vụ Thành ủy cho các cá nhân"
    assert caption in paragraphs
    assert looks_like_caption(caption)
    assert not looks_like_caption(paragraphs[0])
    assert len(paragraphs) == 9


def test_a_txt_file_without_a_dated_title_line_is_read_with_its_first_line_as_title(tmp_path):
    path = tmp_path / "khong_ngay.txt"
    path.write_text("\n\nHội nghị cán bộ chủ chốt\n\nTTXVN - Sáng nay, hội nghị đã diễn ra.\n", encoding="utf-8")
    (article,) = read_file(path).articles
    assert (article.id, article.title, article.date, article.source) == (
        "khong_ngay",
        "Hội nghị cán bộ chủ chốt",
        None,
        "TTXVN",
    )
    assert article.paragraphs == ("Sáng nay, hội nghị đã diễn ra.",)


def test_text_is_normalised_to_nfc_and_a_byte_order_mark_is_accepted(tmp_path):
    decomposed = "Ho\u0300a bi\u0300nh (10:00 01/01/2020)\n\nNo\u0302\u0323i dung ba\u0300i.\n"
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + decomposed.encode("utf-8"))
    (article,) = read_file(path).articles
    assert article.title == "Hòa bình"
    assert article.paragraphs == ("Nội dung bài.",)


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width space, (non-)joiner, word joiner, BOM, soft hyphen


@pytest.mark.parametrize("invisible", list(INVISIBLE), ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_are_taken_out_of_txt_and_jsonl_articles(tmp_path, invisible):
    (tmp_path / "bai.txt").write_text(
        f"Th{invisible}ành ủy họp (10:00 01/01/2020)\n\nTh{invisible}ành ủy Hà N{invisible}ội họp.\n", encoding="utf-8"
    )
    record = {"title": f"Th{invisible}ành ủy họp", "text": f"Th{invisible}ành ủy Hà N{invisible}ội họp."}
    (tmp_path / "bai.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in ("bai.txt", "bai.jsonl"):
        (article,) = read_file(tmp_path / name).articles
        assert (article.title, article.paragraphs) == ("Thành ủy họp", ("Thành ủy Hà Nội họp.",))


def test_a_line_broken_after_an_abbreviations_period_is_mended_in_txt_and_jsonl(tmp_path):
    body = "Chủ tịch UBND TP.\nĐà Nẵng đọc tờ trình.\nHội nghị ở TP.\nHCM có 300 đại biểu.\nÔng Tuấn nói với HĐND TP.\nÔng Nam đồng ý."
    (tmp_path / "bai.txt").write_text(f"Kỳ họp HĐND (10:00 01/01/2020)\n\n{body}\n", encoding="utf-8")
    record = {"title": "Kỳ họp HĐND", "text": body}
    (tmp_path / "bai.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in ("bai.txt", "bai.jsonl"):
        (article,) = read_file(tmp_path / name).articles
        assert article.paragraphs == (
            "Chủ tịch UBND TP. Đà Nẵng đọc tờ trình.",
            "Hội nghị ở TP. HCM có 300 đại biểu.",
            "Ông Tuấn nói với HĐND TP.",  # "Ông …" may open a sentence: the break stays
            "Ông Nam đồng ý.",
        )


def test_a_glued_dateline_is_set_apart_and_page_furniture_and_byline_glued_after_the_text_are_dropped(tmp_path):
    records = [
        {
            "title": "Khen thưởng người cứu bé trai",
            "text": "Tiền GiangAnh Phan Quốc Huy được UBND huyện Cái Bè khen thưởng. Anh nhảy xuống kênh cứu bé."
            "Võ Thạnh - Huy MạnhĐộc giả chia sẻ Video đến video@vnexpress.net hoặc gửi thông tin, câu hỏi tại đây."
            "Thời sự Chủ nhật, 18/2/2024Tải ứng dụngLiên hệĐiện thoại(Hà Nội)© 1997-2024.",
        },
        {
            "title": "Qua thời sốt đất",
            "text": "Thừa Thiên - HuếGiá đất đã hạ nhiệt. Từ nay, có lẽ đã qua thời sốt đất. Hoàng Văn Phương "
            "Để không bỏ lỡ các bài viết mới nhất từ chuyên mục Góc nhìn cũng như những thông tin hấp dẫn khác "
            "từ VnExpress Bạn có thể hủy đăng ký bất cứ khi nào",
        },
        {"title": "Tin ảnh", "text": "Video nổi bật 01:27 01:07 Tải ứng dụng Liên hệ Điện thoại (Hà Nội) Báo điện tử"},
        {"title": "Tải ứng dụng VNeID", "text": "McCain nói người dân nên tải ứng dụng VNeID để làm thủ tục."},
    ]
    path = tmp_path / "tin.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    content = read_file(path)
    assert [(a.paragraphs, a.byline) for a in content.articles] == [
        (
            ("Tiền Giang - Anh Phan Quốc Huy được UBND huyện Cái Bè khen thưởng. Anh nhảy xuống kênh cứu bé.",),
            "Võ Thạnh - Huy Mạnh",
        ),
        (("Thừa Thiên - Huế - Giá đất đã hạ nhiệt. Từ nay, có lẽ đã qua thời sốt đất.",), "Hoàng Văn Phương"),
        (("McCain nói người dân nên tải ứng dụng VNeID để làm thủ tục.",), None),
    ]
    assert [(p.line, p.skipped) for p in content.problems] == [(3, True)]  # nothing but furniture


def test_jsonl_fields_are_read_with_optional_ones_defaulted():
    content = read_file(FIXTURES / "003_tin_tinh.jsonl")
    assert content.problems == []
    first, second = content.articles
    assert first.id == "vn-001"
    assert first.date == dt.date(2022, 9, 20) and first.time is None
    assert first.url == "https://example.vn/quang-ninh-du-lich?id=1&lang=vi"
    assert first.paragraphs[1] == "Bí thư Tỉnh ủy Nguyễn Xuân Ký chủ trì hội nghị."
    assert second.time == dt.time(9, 30) and second.url is None


def test_gzipped_jsonl_reads_like_plain_jsonl(tmp_path):
    plain = (FIXTURES / "003_tin_tinh.jsonl").read_bytes()
    packed = tmp_path / "tin.jsonl.gz"
    packed.write_bytes(gzip.compress(plain))
    assert read_file(packed).articles == read_file(FIXTURES / "003_tin_tinh.jsonl").articles


def test_a_jsonl_line_without_id_is_named_after_its_file_and_line(tmp_path):
    path = tmp_path / "ban_tin.jsonl"
    path.write_text('{"title": "Tiêu đề", "text": "Nội dung."}\n', encoding="utf-8")
    assert read_file(path).articles[0].id == "ban_tin:1"


def test_broken_jsonl_lines_are_reported_with_their_line_and_the_rest_still_loads(tmp_path):
    path = tmp_path / "hon_hop.jsonl"
    lines = [
        json.dumps({"id": "a", "title": "Bài A", "text": "Nội dung A."}, ensure_ascii=False),
        '{"id": "b", "title": "Bài B", "text": ',
        json.dumps({"id": "c", "title": "", "text": "Không có tiêu đề."}, ensure_ascii=False),
        json.dumps({"id": "d", "title": "Bài D"}, ensure_ascii=False),
        json.dumps({"id": "e", "title": "Bài E", "text": "Nội dung E.", "date": "không rõ"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    content = read_file(path)
    assert [a.id for a in content.articles] == ["a", "e"]
    reported = [(p.line, p.reason, p.skipped) for p in content.problems]
    assert reported[0][0] == 2 and reported[0][1].startswith("JSON hỏng")
    assert reported[1] == (3, "không có tiêu đề", True)
    assert reported[2] == (4, "không có nội dung (text)", True)
    assert reported[3] == (5, "không đọc được ngày 'không rõ'; giữ bài, bỏ ngày", False)
    assert str(content.problems[0]).startswith(f"{path}:2: JSON hỏng")


def test_a_file_that_is_not_utf8_is_skipped_with_the_line_of_the_bad_byte(tmp_path):
    path = tmp_path / "sai_ma.txt"
    # The third line in a Windows code page, as old editors save Vietnamese text.
    path.write_bytes("Tiêu đề (10:00 01/01/2020)\n\nDòng hai\n".encode() + b"D\xf2ng ba c\xf3 ch\xf5")
    content = read_file(path)
    assert content.articles == []
    (problem,) = content.problems
    assert problem.line == 4
    assert problem.reason == "không phải văn bản UTF-8 (byte 0xf2); hãy lưu tệp dạng UTF-8"


def test_an_empty_file_and_a_title_without_body_are_skipped_with_reasons(tmp_path):
    (tmp_path / "rong.txt").write_text("   \n\n", encoding="utf-8")
    (tmp_path / "chi_tieu_de.txt").write_text("Chỉ có tiêu đề (10:00 01/01/2020)\n", encoding="utf-8")
    articles, problems = read_corpus([tmp_path])
    assert articles == []
    assert sorted((Path(p.path).name, p.reason) for p in problems) == [
        ("chi_tieu_de.txt", "không có nội dung sau tiêu đề"),
        ("rong.txt", "tệp rỗng"),
    ]


def test_a_directory_is_read_recursively_and_other_files_are_reported(tmp_path):
    nested = tmp_path / "2024" / "thang3"
    nested.mkdir(parents=True)
    (nested / "bai.txt").write_text("Bài lồng (10:00 01/03/2024)\n\nNội dung.\n", encoding="utf-8")
    (tmp_path / "ghi_chu.docx").write_bytes(b"PK")
    (tmp_path / ".an").mkdir()
    (tmp_path / ".an" / "bo_qua.txt").write_text("Ẩn\n\nẨn.\n", encoding="utf-8")
    articles, problems = read_corpus([tmp_path])
    assert [a.id for a in articles] == ["bai"]
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("ghi_chu.docx", "không phải tệp bài viết (cần .txt, .jsonl hoặc .jsonl.gz)")
    ]


def test_a_repeated_article_id_keeps_the_first_and_reports_the_second(tmp_path, seed_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / seed_path.name).write_bytes(seed_path.read_bytes())
    articles, problems = read_corpus([tmp_path])
    assert len(articles) == 1
    assert [p.reason for p in problems] == [
        f"trùng mã bài '000_33da5da0feea9827' (đã có trong {tmp_path / 'a' / seed_path.name})"
    ]


def test_a_title_line_with_an_impossible_date_keeps_the_article_without_a_date(tmp_path):
    path = tmp_path / "ngay_sai.txt"
    path.write_text("Tiêu đề (10:00 31/02/2020)\n\nNội dung.\n", encoding="utf-8")
    content = parse_txt(path, path.read_bytes())
    (article,) = content.articles
    assert article.date is None and article.title == "Tiêu đề (10:00 31/02/2020)"
    assert [p.skipped for p in content.problems] == [False]


def test_a_truncated_gzip_file_keeps_the_articles_before_the_damage_and_says_so(tmp_path):
    lines = "".join(
        json.dumps({"id": f"a{i}", "title": f"Bài {i}", "text": "Nội dung. " * 200}, ensure_ascii=False) + "\n"
        for i in range(50)
    )
    packed = gzip.compress(lines.encode())
    path = tmp_path / "hong.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    content = read_file(path)
    assert 0 < len(content.articles) < 50
    assert [a.id for a in content.articles] == [f"a{i}" for i in range(len(content.articles))]
    (problem,) = content.problems
    assert problem.reason.startswith("tệp gzip hỏng, chỉ giữ các bài trước chỗ hỏng")
