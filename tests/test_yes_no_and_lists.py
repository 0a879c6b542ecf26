"""Yes/no questions answered "Đúng" or "Không đúng" only as far as the sentence says so, and list
questions ("những ai …") answered with every name the sentence gives."""

from __future__ import annotations

import pytest

from bot.answer import Answerer, Status
from bot.claims import Verdict, check_claim
from bot.corpus import read_corpus
from bot.evidence import ConfidenceModel
from bot.index import Index
from bot.question import Kind, analyse
from bot.reply import UNCLEAR_TEXT, format_reply, plain_text


@pytest.mark.parametrize(
    "question",
    [
        "Có phải năm 2017 Việt Nam xuất siêu 5 tỷ USD không?",
        "đại hội chọn 75 ng vào BCH đúng ko",  # chat "ko" is written out first
        "Ông Phan Đình Trạc từng làm Bí thư Tỉnh ủy Hà Tĩnh phải không?",
        "Ông Hưng cũng bị khiển trách luôn hả",
    ],
)
def test_a_claim_with_a_yes_no_ending_is_read_as_a_yes_no_question(question):
    assert analyse(question).kind is Kind.YES_NO


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Có ai từ chức không?", Kind.WHO),  # it asks who
        ("Có bao nhiêu người dự không?", Kind.HOW_MANY),
        ("chương trình không dùng tiền mặt", Kind.WHAT),  # "không" inside a topic asks nothing
    ],
)
def test_a_question_word_wins_over_a_yes_no_ending(question, kind):
    assert analyse(question).kind is kind


def test_a_list_question_asks_for_every_name():
    assert analyse("Những ai chủ trì tiệc chiêu đãi?").many
    assert analyse("nhung lanh dao nao du hoi nghi").many
    assert not analyse("Ai chủ trì tiệc chiêu đãi?").many
    # A few words of the office between ("những nguyên lãnh đạo Thành ủy nào"); years are no list asked.
    assert analyse("Những nguyên lãnh đạo Thành ủy nào dự lễ tuyên dương?").many
    assert not analyse("Trong những năm gần đây cơ quan nào làm tốt nhất?").many


def test_the_noun_counted_after_bao_nhieu_keeps_a_plain_co_as_co_so():
    assert analyse("tinh kien giang hien co bao nhieu co so nuoi chim yen?").counted == ("co", "so")
    assert analyse("Có bao nhiêu tập thể được khen thưởng?").counted == ("tập", "thể")


@pytest.mark.parametrize(
    ("question", "sentence", "verdict", "decisive"),
    [
        (
            "bí thư tỉnh ủy đc mua xe tối đa 1,5 tỷ phải k",
            "Tiêu chuẩn của chủ tịch UBND tỉnh (tối đa 920 triệu đồng) và Bí thư Tỉnh uỷ (tối đa 1,1 tỷ đồng).",
            Verdict.NO,
            "1,1 tỷ",
        ),
        (
            "đại hội đảng bộ HN lần 16 chọn 75 ng vào BCH khóa 16 đúng ko",
            "Đại hội lựa chọn 75 người vào Ban chấp hành thành uỷ khoá 16.",
            Verdict.YES,
            "75 người",
        ),
        (
            "Có phải năm 2017 Việt Nam xuất siêu kỷ lục 15.000 tỷ đồng không?",
            "Năm 2017, Việt Nam xuất siêu kỷ lục 15000 tỷ đồng.",
            Verdict.YES,
            "15000 tỷ",
        ),
        (
            "Ông Phan Đình Trạc từng làm Bí thư Tỉnh ủy Hà Tĩnh phải không?",
            "Ông Phan Đình Trạc từng là giám đốc Công an tỉnh Nghệ An, bí thư Tỉnh uỷ Nghệ An.",
            Verdict.NO,
            "Nghệ An",
        ),
        (
            "ong phan dinh trac tung lam bi thu tinh uy ha tinh phai khong?",
            "Ông Phan Đình Trạc từng là giám đốc Công an tỉnh Nghệ An, bí thư Tỉnh uỷ Nghệ An.",
            Verdict.NO,
            "Nghệ An",
        ),
        (
            "Ông Phan Đình Trạc từng làm Bí thư Tỉnh ủy Hà Tĩnh phải không?",
            "Ông Phan Đình Trạc phát biểu tại hội nghị.",  # neither says nor denies it
            Verdict.UNCLEAR,
            None,
        ),
        (
            "co phai xuan truong de xuat dau tu 15.000 ty xay khu di tich huong son khong?",
            "Đề xuất đầu tư 15.000 tỷ xây dựng khu di tích Hương Sơn của Xuân Trường gây chú ý.",
            Verdict.YES,  # an amount invested ("đầu tư"), not a number placed "from" ("từ")
            "15.000 tỷ",
        ),
        (
            "Ông Nguyễn Văn Phong là Bí thư Thành ủy Hà Nội phải không?",
            "Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.",
            Verdict.NO,  # the deputy, not the secretary
            "Phó Bí thư",
        ),
        (
            "ong nguyen van phong la pho bi thu thanh uy ha noi phai khong",
            "Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong.",
            Verdict.YES,
            "Phó Bí thư",
        ),
        (
            "Chủ nhiệm Ủy ban Quốc phòng An ninh là ông Nguyễn Khắc Định phải không?",
            "Ông Nguyễn Khắc Định, Chủ nhiệm Uỷ ban Pháp luật cho hay, nhiều ý kiến tán thành.",
            Verdict.NO,  # the same title, of another committee
            "Chủ nhiệm",
        ),
        (
            "Thứ trưởng Bộ Tài chính là ông Đinh Tiến Dũng phải không?",
            "Ông Đinh Tiến Dũng, Bộ trưởng Bộ Tài chính, phát biểu.",
            Verdict.NO,  # another office of the same ministry
            "Bộ trưởng",
        ),
        (
            "ong dinh tien dung co phai bo truong bo tai chinh ko",
            "Ông Đinh Tiến Dũng, Ủy viên Trung ương Đảng, Bộ trưởng Bộ Tài chính, phát biểu.",
            Verdict.YES,
            "Bộ trưởng",
        ),
        (
            "Sơn La giao Phó chủ tịch tỉnh Lê Hồng Minh làm trưởng ban chỉ đạo thi phải không?",
            "Ông Lê Hồng Minh - Tỉnh uỷ viên, Phó Chủ tịch UBND tỉnh được cử làm Trưởng ban chỉ đạo thi.",
            Verdict.YES,  # a committee member's title before the office goes on the list of them
            "Phó Chủ tịch",
        ),
        (
            "nguoi gioi thieu nghi quyet 36a la pho chu nhiem VPCP Le Manh Ha phai khong",
            "Giới thiệu về Nghị quyết 36a, Phó chủ nhiệm Văn phòng Chính phủ Lê Mạnh Hà cho biết mục tiêu.",
            Verdict.YES,  # the body claimed by the initials of its words
            "Phó chủ nhiệm",
        ),
        (
            "Chánh án TANDTC Nguyễn Hòa Bình trình đề nghị xây dựng Luật hòa giải phải không?",
            "Chánh án TAND tối cao Nguyễn Hoà Bình đã trình bày tờ trình đề nghị xây dựng Luật hoà giải.",
            Verdict.YES,  # … an abbreviation among them giving all its letters
            "Chánh án",
        ),
        (
            "nguoi gioi thieu nghi quyet 36a la pho chu nhiem VPQH Le Manh Ha phai khong",
            "Giới thiệu về Nghị quyết 36a, Phó chủ nhiệm Văn phòng Chính phủ Lê Mạnh Hà cho biết mục tiêu.",
            Verdict.UNCLEAR,  # other initials: not said to be of that body (an abbreviation is not read as another)
            None,
        ),
        (
            "Phó chủ tịch xã Trần Văn Hiếu bị kỷ luật cảnh cáo có phải không?",
            "Huyện kỷ luật cảnh cáo ông Trần Văn Hiếu (Phó chủ tịch xã Thạch Bằng) vì đổi đất sai.",
            Verdict.YES,  # the office in brackets after the name
            "Phó chủ tịch",
        ),
        (
            "Ông Đinh Tiến Dũng là Bộ trưởng Bộ Tài chính phải không?",
            "Ông Đinh Tiến Dũng phát biểu tại hội nghị.",  # the person, but no office: not a yes
            Verdict.UNCLEAR,
            None,
        ),
        (
            "Ông Nguyễn Văn Giàu được giới thiệu làm Chủ nhiệm Ủy ban Đối ngoại có đúng không?",
            "Ông Nguyễn Văn Giàu, Chủ nhiệm Uỷ ban Kinh tế khoá 13 được giới thiệu làm Chủ nhiệm Uỷ ban Đối ngoại.",
            Verdict.YES,  # the office he holds is another, the one he is put forward for is the claimed one
            "Chủ nhiệm",
        ),
        (
            "CT UBND huyện Bến Lức nói về vụ cô giáo quỳ là ông Nguyễn Thanh Tiệp phải không?",
            "Tổ xác minh của UBND huyện Bến Lức, Long An đã đến trường để xác minh vụ việc cô giáo quỳ.",
            Verdict.UNCLEAR,  # "Long An" stands where the claim goes on "nói về", no name: nothing in its place
            None,
        ),
        (
            "CT MTTQ xã Kim Lương có thoát chết không?",  # "Kim Lương" is the commune, not the office holder
            "Ông Hoàng Văn Thiện - chủ tịch Mặt trận Tổ quốc xã Kim Lương - thoát chết trong gang tấc.",
            Verdict.YES,
            "Kim Lương",
        ),
        (
            "Hội nghị sơ kết Chỉ thị 05 có 300 đại biểu dự phải không?",
            "Hội nghị sơ kết Chỉ thị 05 diễn ra sáng 2/4.",  # "05" names the directive: no count
            Verdict.UNCLEAR,
            None,
        ),
        # A province in brackets or after "ở" only sets the scene: the sentence need not repeat it…
        (
            "Vụ cháy chợ ở xã Tân Trạch (Long An), Chủ tịch xã Lê Văn Tùng bị kỷ luật khiển trách phải không?",
            "Huyện Cần Đước kỷ luật khiển trách ông Lê Văn Tùng (Chủ tịch xã Tân Trạch).",
            Verdict.YES,
            "Chủ tịch",
        ),
        (
            "Có khoảng 80% người dân ở Đà Nẵng ủng hộ đề án phải không?",
            "Khoảng 80% người dân được hỏi ủng hộ đề án.",
            Verdict.YES,
            "80%",
        ),
        # … but one the claim turns on ("từ Vĩnh Long về …") must be said.
        (
            "Ông Trần Văn Nam được chuyển công tác từ Vĩnh Long về Cần Thơ phải không?",
            "Ông Trần Văn Nam được chuyển từ tỉnh Trà Vinh về TP Cần Thơ.",
            Verdict.UNCLEAR,
            None,
        ),
        # A province in the claimed office's body, "da nang" typed without diacritics too ("da" is also "đã"),
        # against the province the sentence gives the office.
        (
            "ong tat thanh cang la pho bi thu thuong truc thanh uy da nang phai khong?",
            "Ông Tất Thành Cang - uỷ viên Trung ương Đảng, phó bí thư thường trực Thành uỷ TP. HCM.",
            Verdict.NO,
            "phó bí thư",
        ),
        (
            "Ông Tất Thành Cang là phó bí thư thường trực Thành ủy Đà Nẵng phải không?",
            "Ông Tất Thành Cang - uỷ viên Trung ương Đảng, phó bí thư thường trực Thành uỷ TP. HCM.",
            Verdict.NO,
            "phó bí thư",
        ),
        (
            "ong tat thanh cang la pho bi thu thuong truc thanh uy tp hcm phai khong?",
            "Ông Tất Thành Cang - uỷ viên Trung ương Đảng, phó bí thư thường trực Thành uỷ TP. HCM.",
            Verdict.YES,
            "phó bí thư",
        ),
        # A rank the sentence does not give the person, where it gives ranks.
        (
            "Ông Bùi Văn Thành bị giáng cấp hàm từ trung tướng xuống thiếu tướng phải không?",
            "Ông Trần Việt Tân bị giáng từ Thượng tướng xuống Trung tướng và ông Bùi Văn Thành từ Trung tướng xuống Đại tá.",
            Verdict.NO,
            "Đại tá",
        ),
        (
            "Ông Bùi Văn Thành bị giáng cấp hàm từ trung tướng xuống đại tá phải không?",
            "Ông Trần Việt Tân bị giáng từ Thượng tướng xuống Trung tướng và ông Bùi Văn Thành từ Trung tướng xuống Đại tá.",
            Verdict.YES,
            "Bùi Văn Thành",
        ),
        # "mùng 4 Tết" is a day, "3 trên" no amount: the claim's amount is the "3km".
        (
            "Mùng 4 Tết, xe ùn tắc dài 3km trên cao tốc phải không?",
            "Ngày mùng 4 Tết, dòng xe ùn tắc kéo dài 3 km trên cao tốc.",
            Verdict.YES,
            "3 km",
        ),
        # A name right after "Có phải" is not the question's capitalised first word.
        (
            "Có phải Hà Tĩnh đứng đầu cả nước về chỉ số PCI không?",
            "Năm nay Hà Tĩnh đứng đầu cả nước về chỉ số PCI.",
            Verdict.YES,
            "Hà Tĩnh",
        ),
        # A body's name is bolded whole: "Bộ Y tế", not "Bộ Y"; a person's name stops before the verb.
        (
            "Có phải Bộ Y tế chủ trì soạn thảo dự thảo luật không?",
            "Dự thảo luật do Bộ Y tế chủ trì soạn thảo.",
            Verdict.YES,
            "Bộ Y tế",
        ),
        (
            "Có phải ông Trần Văn Nam phát biểu khai mạc không?",
            "Tại hội nghị, ông Trần Văn Nam phát biểu khai mạc.",
            Verdict.YES,
            "Trần Văn Nam",
        ),
        # "Ông", capitalised as the sentence's first word, is no part of the name.
        (
            "Trần Văn Nam phát biểu khai mạc phải không?",
            "Ông Trần Văn Nam phát biểu khai mạc hội nghị.",
            Verdict.YES,
            "Trần Văn Nam",
        ),
        # An office's body ends with its province, not in what the officer did next.
        (
            "Bí thư Tỉnh ủy Hà Tĩnh dự lễ khánh thành cầu là ông Trần Văn Tuấn phải không?",
            "Ông Trần Văn Tuấn, Bí thư Tỉnh ủy Hà Tĩnh, cắt băng khánh thành cầu.",
            Verdict.YES,
            "Bí thư",
        ),
        # … and before a word typed in lowercase that names no body, with no capitalised one after it
        # ("phường Thanh Xuân Bắc | xuất hiện trong video").
        (
            "Chủ tịch UBND phường Thanh Xuân Bắc xuất hiện trong video là ông Vũ Minh Lộ đúng không?",
            "Sau đó, hình ảnh ông Vũ Minh Lộ, Chủ tịch UBND phường Thanh Xuân Bắc và một cán bộ Công an phường"
            " cũng xuất hiện trong video.",
            Verdict.YES,
            "Chủ tịch",
        ),
        # A number after "giai đoạn" names the phase, it counts nothing the sentence must repeat.
        (
            "Giai đoạn 1 tuyến metro số 2 Bến Thành - Tham Lương dài 11,3 km đúng không?",
            "Giai đoạn một dài 11,3 km (Bến Thành - Tham Lương) đi qua các quận 1, 3, 10, 12.",
            Verdict.YES,
            "11,3 km",
        ),
        # A form of discipline claimed: another one given the person contradicts it; a review
        # ("kiểm điểm rút kinh nghiệm") neither confirms nor contradicts it.
        (
            "Ông Nguyễn Văn An bị cảnh cáo phải không?",
            "Ủy ban Kiểm tra quyết định thi hành kỷ luật khiển trách ông Nguyễn Văn An.",
            Verdict.NO,
            "khiển trách",
        ),
        (
            "Ông Huỳnh Quang Hưng phó chủ tịch UBND huyện Phú Quốc cũng bị khiển trách phải không?",
            "Đồng thời kiểm điểm rút kinh nghiệm đối với ông Huỳnh Quang Hưng - phó chủ tịch UBND huyện Phú Quốc.",
            Verdict.UNCLEAR,
            None,
        ),
        # The claim's person called by the given name alone, said to hold an office with "là".
        (
            "ong Vo Ngoc Quoc Thuan tung la pho bi thu quan uy Go Vap phai khong",
            "Từ năm 2012 đến 2015, ông Thuận là Phó bí thư Quận uỷ Gò Vấp.",
            Verdict.YES,
            "Phó bí thư",
        ),
        (
            "Ông Võ Ngọc Quốc Thuận từng là Bí thư Quận ủy Gò Vấp phải không?",
            "Từ năm 2012 đến 2015, ông Thuận là Phó bí thư Quận uỷ Gò Vấp.",
            Verdict.NO,
            "Phó bí thư",
        ),
        # Offices listed after "kinh qua các vị trí:", or taken up ("nhận nhiệm vụ"); the office claimed,
        # not the one that only dates it ("trước khi làm …").
        (
            "Bà Kim Ngân trước khi làm Phó chủ tịch Quốc hội từng làm Bí thư Tỉnh ủy Bến Tre phải không?",
            "Bà Kim Ngân từng kinh qua các vị trí: giám đốc Sở Tài chính tỉnh Bến Tre, Thứ trưởng Tài chính,"
            " Bí thư Tỉnh uỷ Hải Dương, Thứ trưởng Thường trực Bộ Thương mại.",
            Verdict.NO,
            "Bí thư",
        ),
        (
            "Ông Ngô Đức Mạnh thôi làm đại biểu để đi làm Đại sứ tại Trung Quốc phải không?",
            "Ông Ngô Đức Mạnh nhận nhiệm vụ Đại sứ Việt Nam tại Liên bang Nga từ 18/1.",
            Verdict.NO,
            "Đại sứ",
        ),
        # Other provinces where the claim's stand after a verb of motion it says with "vào".
        (
            "bão Doksuri đổ bộ vào Thanh Hóa, Nghệ An hôm 15/9 đúng ko",
            "Ngày 15/9, bão Doksuri đổ bộ Hà Tĩnh, Quảng Bình với sức gió cấp 12.",
            Verdict.NO,
            "Hà Tĩnh",
        ),
        # A day the claim states is contradicted by another day in its place, confirmed by the same day
        # however it is written; a fraction ("1/2 số đại biểu") is no day.
        (
            "HĐBA LHQ thông qua nghị quyết ngừng bắn ở Syria hôm 25/2 phải không?",
            "Hội đồng Bảo an Liên Hợp Quốc hôm 24/2 thông qua nghị quyết ngừng bắn ở Syria.",
            Verdict.NO,
            "24/2",
        ),
        (
            "hdba lhq thong qua nghi quyet ngung ban o syria ngay 24/2 phai khong",
            "Hội đồng Bảo an Liên Hợp Quốc ngày 24-2 thông qua nghị quyết ngừng bắn ở Syria.",
            Verdict.YES,
            "24-2",
        ),
        (
            "Hội nghị khai mạc ngày 24/2 với 1/2 số đại biểu phải không?",
            "Hội nghị khai mạc sáng 24 tháng 2 năm 2018.",
            Verdict.YES,
            "24 tháng 2 năm 2018",
        ),
        # Every office the claim gives the person must be theirs: the one they hold ("khi đang là Phó chủ
        # tịch") as well as the one they are put forward for ...
        (
            "ong nguyen duc chung duoc gioi thieu bau chu tich ubnd ha noi khi dang la pho chu tich ubnd thanh pho,"
            " dung khong?",
            "Thiếu tướng Nguyễn Đức Chung, Giám đốc công an thành phố được giới thiệu để bầu vào chức danh Chủ"
            " tịch UBND thành phố Hà Nội.",
            Verdict.NO,
            "Chủ tịch",
        ),
        # ... an office of another body, deputy or not, says nothing against it ...
        (
            "Ông Trần Văn Công, nguyên chủ tịch UBND huyện Quảng Xương, được điều động làm phó chủ tịch Hội"
            " nông dân tỉnh phải không?",
            "Ông Trần Văn Công, chủ tịch UBND huyện Quảng Xương, vừa được Ban thường vụ Tỉnh uỷ Thanh Hoá điều"
            " động giữ chức phó chủ tịch Hội nông dân tỉnh.",
            Verdict.UNCLEAR,
            None,
        ),
        # ... and another person's office the claim names (the Tổng bí thư's health) is not the person's.
        (
            "Chủ tịch Quốc hội Nguyễn Thị Kim Ngân có thông tin sức khỏe Tổng bí thư đã ổn định khi tiếp xúc cử"
            " tri Cần Thơ không?",
            "Tại cuộc tiếp xúc cử tri quận Ninh Kiều (TP Cần Thơ), Chủ tịch Quốc hội Nguyễn Thị Kim Ngân cho"
            " biết: sức khoẻ của Tổng bí thư Nguyễn Phú Trọng đã ổn định.",
            Verdict.YES,
            "Chủ tịch",
        ),
        # An office's body ends at a comma: the next office ("Trưởng ấp 5A") names no other body.
        (
            "Ông Nguyễn Công Thịnh phó bí thư chi bộ 5A xã Vĩnh Lộc A bị cách hết chức vụ trong Đảng phải không?",
            "Đồng thời cách hết hết chức vụ trong Đảng với ông Nguyễn Công Thịnh, phó bí thư Chi bộ 5A, Trưởng ấp"
            " 5A, xã Vĩnh Lộc A.",
            Verdict.UNCLEAR,
            None,
        ),
        # Another person's office ("Nguyễn Thanh Nghị - Bí thư Tỉnh uỷ Kiên Giang") says nothing against the
        # claim's ("Bí thư Tỉnh ủy Hà Giang Đặng Quốc Khánh") ...
        (
            "Tân Bí thư Tỉnh ủy Hà Giang Đặng Quốc Khánh sinh năm 1976 phải không?",
            "Ở tuổi 43, ông Đặng Quốc Khánh và ông Nguyễn Thanh Nghị - Bí thư Tỉnh uỷ Kiên Giang (SN 1976) là hai"
            " Bí thư trẻ nhất nước hiện nay.",
            Verdict.UNCLEAR,
            None,
        ),
        # ... but the claim's person's does.
        (
            "Ông Đặng Quốc Khánh là Bí thư Tỉnh ủy Hà Giang phải không?",
            "Ông Nguyễn Văn A cho biết ông Đặng Quốc Khánh - Bí thư Tỉnh uỷ Kiên Giang đã đến dự.",
            Verdict.NO,
            "Kiên Giang",
        ),
        # A country written the other way ("Úc", "Australia") is the same country.
        (
            "Có phải Thủ tướng Úc Malcolm Turnbull cho rằng bức thư của Triều Tiên không chỉ nhắm tới Úc?",
            "Thủ tướng Australia Malcolm Turnbull tin bức thư từ Triều Tiên không chỉ dành cho Australia.",
            Verdict.YES,
            "Thủ tướng",
        ),
        # A month of a year the claim states is contradicted by another one alone, and a year after "từ năm"
        # by another after the same words (the dates are no words of the question's topic).
        (
            "Văn phòng Chính phủ truyền đạt chỉ đạo yêu cầu Lâm Đồng xử lý cò mứt từ tháng 6-2018 phải không?",
            "Tháng 6-2017, Văn phòng Chính phủ truyền đạt ý kiến chỉ đạo về việc Lâm Đồng phải xử lý nạn cò mứt.",
            Verdict.NO,
            "Tháng 6-2017",
        ),
        (
            "Kim Yo-jong giữ chức Phó chủ nhiệm Ban Tuyên giáo từ năm 2017 phải không?",
            "Cô giữ chức Phó chủ nhiệm Ban Tuyên giáo từ năm 2015, có nhiệm vụ củng cố hình ảnh.",
            Verdict.NO,
            "từ năm 2015",
        ),
        # A Thái family name ("Tòng") is a name: the person's office is read, and the deputy's is not the claimed
        # one ...
        (
            "Bà Tòng Thị Phóng phát biểu về Luật phòng, chống tác hại của rượu, bia với cương vị Chủ tịch Hội"
            " đồng Dân tộc phải không?",
            "Phó chủ tịch Quốc hội Tòng Thị Phóng cho biết dư luận đang rất quan tâm Luật phòng, chống tác hại"
            " của rượu, bia.",
            Verdict.NO,
            "Phó chủ tịch",
        ),
        # ... and a person the sentence names with no office it reads is not confirmed by the name alone.
        (
            "Bà Khà Thị Lan là Chủ tịch Hội đồng Dân tộc phải không?",
            "Phó chủ tịch Quốc hội Khà Thị Lan cho biết dư luận đang rất quan tâm Luật phòng, chống tác hại của"
            " rượu, bia.",
            Verdict.UNCLEAR,
            None,
        ),
        (
            "Bà Tòng Thị Phóng là Chủ tịch Hội đồng Dân tộc phải không?",
            "Bà Tòng Thị Phóng cho biết dư luận đang rất quan tâm Luật phòng, chống tác hại của rượu, bia.",
            Verdict.UNCLEAR,
            None,
        ),
        # A quarter the claim states is contradicted by another one alone, however it is written.
        (
            "Đoàn do CT HĐND tỉnh Cà Mau sang tỉnh Trat (Thái Lan) học quản lý tàu cá vào quý III phải không?",
            "Cũng trong quý II, đoàn do Chủ tịch HĐND tỉnh dẫn đầu làm việc với tỉnh Trat (Thái Lan).",
            Verdict.NO,
            "quý II",
        ),
        (
            "Đoàn do CT HĐND tỉnh sang tỉnh Trat (Thái Lan) học quản lý tàu cá vào quý 2 phải không?",
            "Cũng trong quý II, đoàn do Chủ tịch HĐND tỉnh dẫn đầu làm việc với tỉnh Trat (Thái Lan).",
            Verdict.UNCLEAR,
            None,
        ),
        # Another province after the same word ("đoàn") stands in the claimed one's place.
        (
            "Đại biểu Lê Văn Hải thuộc đoàn Bình Thuận phải không?",
            "Ý kiến của đại biểu Lê Văn Hải (đoàn Ninh Thuận) được nhiều người chú ý.",
            Verdict.NO,
            "Ninh Thuận",
        ),
        # A ministry written without "Bộ" after its minister's title is the claimed Bộ.
        (
            "Ông Nguyễn Văn Thể trước khi về làm Bí thư Sóc Trăng là Thứ trưởng Bộ Giao thông vận tải phải không?",
            "Ông Trần Sỹ Thanh được điều động về làm Bí thư Lạng Sơn; ông Nguyễn Văn Thể, Thứ trưởng Giao thông "
            "Vận tải về làm Bí thư tỉnh Sóc Trăng.",
            Verdict.YES,
            "Bí thư",
        ),
        (
            "ong nguyen van the la thu truong bo giao thong van tai phai khong",
            "Ông Nguyễn Văn Thể, Thứ trưởng Giao thông Vận tải, về làm Bí thư tỉnh Sóc Trăng.",
            Verdict.YES,
            "Thứ trưởng",
        ),
        (
            "Ông Nguyễn Văn Thể là Bộ trưởng Bộ Giao thông vận tải phải không?",
            "Ông Nguyễn Văn Thể, Thứ trưởng Giao thông Vận tải, về làm Bí thư tỉnh Sóc Trăng.",
            Verdict.NO,
            "Thứ trưởng",
        ),
        # A range of figures is one figure: another range contradicts it, the same one confirms it.
        (
            "Bộ NN&PTNT đặt mục tiêu tăng trưởng năm 2017 khoảng 3-3,5% phải không?",
            "Năm 2017, Bộ Nông nghiệp đặt mục tiêu tăng trưởng khoảng 2,5-2,8%, xuất khẩu 32-32,5 tỷ USD.",
            Verdict.NO,
            "2,5-2,8%",
        ),
        (
            "Bộ Nông nghiệp đặt mục tiêu tăng trưởng năm 2017 khoảng 2,5 - 2,8% phải không?",
            "Năm 2017, Bộ Nông nghiệp đặt mục tiêu tăng trưởng khoảng 2,5-2,8%, xuất khẩu 32-32,5 tỷ USD.",
            Verdict.YES,
            "2,5-2,8%",
        ),
        # "nắm 30%" (holds) is a figure, not "năm 30": the sentence must state it.
        (
            "Kido nắm 30% vốn ở công ty Lavenue dự án 8-12 Lê Duẩn đúng không?",
            "Công ty Lavenue, chủ đầu tư dự án tại khu đất 8-12 Lê Duẩn, từng doạ kiện TP.",
            Verdict.UNCLEAR,
            None,
        ),
        ("Công ty bán 30 tấn gạo phải không?", "Công ty đã bán 20 tấn gạo cho đối tác.", Verdict.NO, "20 tấn"),
        # "6 tháng đầu năm" says when, not how much.
        ("6 tháng đầu năm, công ty bán 30 tấn gạo phải không?", "Công ty đã bán 30 tấn gạo.", Verdict.YES, "30 tấn"),
        # … but a range before a name is an address, no figure.
        (
            "Kido nam 30% von o cong ty Lavenue du an 8-12 Le Duan dung khong",
            "Công ty Lavenue, chủ đầu tư dự án tại khu đất 8-12 Lê Duẩn, từng doạ kiện TP.",
            Verdict.UNCLEAR,
            None,
        ),
        # A session the claim says something is, stated by the sentence …
        (
            "chuyen cong tac lan nay cua bo truong la lan thu tu phai khong",
            "Đây là chuyến công tác lần thứ tư của Bộ trưởng tới tỉnh.",
            Verdict.YES,
            "lần thứ tư",
        ),
        # … but one that only names the event confirms nothing of the claim.
        (
            "ky hop thu 18 cua uy ban duoc to chuc tai da nang phai khong",
            "Tại kỳ họp thứ 18, Uỷ ban đã đề nghị xem xét kỷ luật hai cán bộ.",
            Verdict.UNCLEAR,
            None,
        ),
        # "khuya 28/9" is a day like "sáng 28/9".
        ("Vụ việc bị phát hiện vào khuya 28/9 phải không?", "Vụ việc bị phát hiện khuya 27/9.", Verdict.NO, "27/9"),
        # The number of "quận 1" names the district: no figure.
        ("Quận ủy quận 1 gửi 2 thư xin lỗi phải không?", "Quận uỷ quận 1 đã gửi 2 thư xin lỗi.", Verdict.YES, "2 thư"),
        # A figure the sentence states of another thing than the claim's, which it gives another figure …
        (
            "Tỷ lệ mẫu thịt có dư lượng kháng sinh vượt mức là 5,17% phải không?",
            "Số mẫu có dư lượng thuốc bảo vệ thực vật vượt mức là 5,17%, số mẫu thịt có dư lượng kháng sinh vượt "
            "mức là 1,92%.",
            Verdict.NO,
            "1,92%",
        ),
        (
            "Tỷ lệ mẫu thịt có dư lượng kháng sinh vượt mức là 1,92% phải không?",
            "Số mẫu có dư lượng thuốc bảo vệ thực vật vượt mức là 5,17%, số mẫu thịt có dư lượng kháng sinh vượt "
            "mức là 1,92%.",
            Verdict.YES,
            "1,92%",
        ),
        # … but a figure before what it counts is not of the words before it.
        (
            "Có phải 740 ý kiến của cử tri được phản ánh qua các Đoàn đại biểu Quốc hội không?",
            "Có 740 ý kiến của cử tri được phản ánh qua các Đoàn đại biểu Quốc hội và 2.500 ý kiến của nhân dân "
            "qua hệ thống Mặt trận.",
            Verdict.YES,
            "740 ý",
        ),
        # Years counted are an amount like any other: "hơn 20 năm" against "Hơn 40 năm" …
        (
            "Bà Quyết Tâm nói hơn 20 năm nay TP chưa có thêm nhà hát nào phải không?",
            "Hơn 40 năm rồi, ngoài Nhà hát Hoà Bình, TP không có thêm nhà hát nào nữa.",
            Verdict.NO,
            "40 năm",
        ),
        (
            "Luật cho người nước ngoài sở hữu nhà có thời hạn 50 năm đúng không?",
            "Luật Nhà ở cho phép người nước ngoài sở hữu nhà có thời hạn 50 năm.",
            Verdict.YES,
            "50 năm",
        ),
        # … but not the years of an anniversary or a review, which name the event, nor "tháng 7 năm 2020"
        # read as "7 năm" (the same in both: no "Đúng" from it).
        (
            "Bí thư Tỉnh ủy phát biểu tại lễ kỷ niệm 20 năm tái lập tỉnh là ông Nguyễn Ngọc Quang phải không?",
            "Ông Nguyễn Ngọc Quang, Bí thư Tỉnh uỷ Quảng Nam, phát biểu tại buổi lễ.",
            Verdict.YES,
            "Bí thư",
        ),
        (
            "Hội nghị sơ kết 3 năm do ông Nguyễn Văn Phong chủ trì phải không?",
            "Hội nghị sơ kết 5 năm do ông Nguyễn Văn Phong chủ trì.",
            Verdict.YES,
            "Nguyễn Văn Phong",
        ),
        (
            "Luật có hiệu lực từ ngày 1 tháng 7 năm 2020 phải không?",
            "Luật có hiệu lực từ ngày 1 tháng 7 năm 2021.",
            Verdict.UNCLEAR,
            None,
        ),
        # A number the sentence denies ("không phải 28") is no number it states …
        (
            "Vỡ đập ở Attapeu đã tìm thấy 28 thi thể phải không?",
            "Theo thống kê mới nhất, có 18 thi thể đã được tìm thấy, không phải 28 thi thể như thông tin ban đầu.",
            Verdict.NO,
            "18 thi",
        ),
        (
            "Vỡ đập ở Attapeu đã tìm thấy 18 thi thể phải không?",
            "Theo thống kê mới nhất, có 18 thi thể đã được tìm thấy, không phải 28 thi thể như thông tin ban đầu.",
            Verdict.YES,
            "18 thi",
        ),
        # … and the year of what was done is the one the sentence gives right after the same words, in any
        # century.
        (
            "Đàn Nam Giao ở Huế được xây dựng năm 1816 phải không?",
            "Đàn Nam Giao được xây dựng năm vua Gia Long thứ 5 (1806), trong khuôn viên đất dài 390 m.",
            Verdict.NO,
            "1806",
        ),
        (
            "Đàn Nam Giao ở Huế được xây dựng năm 1806 phải không?",
            "Đàn Nam Giao được xây dựng năm vua Gia Long thứ 5 (1806), trong khuôn viên đất dài 390 m.",
            Verdict.YES,
            "Đàn Nam Giao",
        ),
        # People counted after a word that may place a number ("kết luận 3 cán bộ", not "Kết luận 3 của …").
        (
            "Huyện uỷ Phú Vang kết luận có 4 cán bộ xã dùng bằng giả phải không?",
            "Huyện uỷ Phú Vang vừa kết luận 3 cán bộ xã sử dụng bằng giả.",
            Verdict.NO,
            "3 cán",
        ),
        # A share of a whole is one amount …
        (
            "Luật Phòng, chống tác hại của rượu, bia được thông qua với 400/450 đại biểu tán thành phải không?",
            "Sáng 14/6, Quốc hội biểu quyết thông qua dự án Luật Phòng, chống tác hại rượu, bia, với 408/450 đại "
            "biểu tham gia tán thành.",
            Verdict.NO,
            "408/450 đại",
        ),
        # … a day and its month none.
        (
            "Nghệ An bế mạc lễ hội Làng Sen sáng 19/5 năm 2018 phải không?",
            "Trong sáng 19/5, tại xã Kim Liên, tỉnh Nghệ An tổ chức lễ bế mạc lễ hội Làng Sen năm 2018.",
            Verdict.YES,
            "19/5",
        ),
        # What something changed to is denied by another amount it changed to, not by what it was before.
        (
            "Dự án bến du thuyền được nâng diện tích thuê đất lên 4.082 m2 đúng không?",
            "Công ty thuê đất để xây dựng dự án bến du thuyền trên diện tích 3.000 m2.",
            Verdict.UNCLEAR,
            None,
        ),
        (
            "Dự án bến du thuyền được nâng diện tích thuê đất lên 4.082 m2 đúng không?",
            "Năm 2016, UBND TP điều chỉnh diện tích thuê đất của dự án bến du thuyền từ 3.000 m2 lên 5.000 m2.",
            Verdict.NO,
            "5.000 m",
        ),
        # Typed without diacritics, a person named but for the last syllable is the sentence's in place of
        # the claim's …
        (
            "hdnd tp hcm bau ong le van khoa va ba nguyen thi hong lam pho chu tich ubnd thanh pho phai khong?",
            "HĐND TP bầu ông Lê Văn Khoa và bà Nguyễn Thị Thu giữ chức Phó chủ tịch UBND thành phố.",
            Verdict.NO,
            "Nguyễn Thị Thu",
        ),
        # … unless the sentence names the claim's person too.
        (
            "ba nguyen thi thu duoc bau vao ban chap hanh voi 98% so phieu phai khong?",
            "Bà Nguyễn Thị Thu và bà Nguyễn Thị Hồng được bầu vào Ban Chấp hành khóa mới với 98% số phiếu.",
            Verdict.YES,
            "98%",
        ),
        # A place right before a person's name is another name of the claim, each to be found apart …
        (
            "Có phải Chủ tịch UBND xã Cổ Đạm Nguyễn Thái Tứ ra văn bản yêu cầu tháo dỡ phần nhà lấn đường không?",
            "Ngày 10/11, ông Nguyễn Thái Tứ, Chủ tịch UBND xã Cổ Đạm cho biết vừa ra văn bản yêu cầu hộ dân tháo dỡ "
            "phần nhà lấn đường.",
            Verdict.YES,
            "Chủ tịch",
        ),
        # … and a body claimed by its abbreviation must be the sentence's, abbreviated or written out.
        (
            "Có phải BT TU Nghệ An Nguyễn Đắc Vinh đề nghị Sở NN&PTNT làm rõ tỉ lệ đóng góp không?",
            "Ông Nguyễn Đắc Vinh, bí thư Tỉnh uỷ Nghệ An, đề nghị UBND tỉnh chỉ đạo làm rõ tỉ lệ đóng góp.",
            Verdict.UNCLEAR,
            None,
        ),
        (
            "Có phải BT TU Nghệ An Nguyễn Đắc Vinh đề nghị Sở NN&PTNT làm rõ tỉ lệ đóng góp không?",
            "Ông Nguyễn Đắc Vinh, bí thư Tỉnh uỷ Nghệ An, đề nghị Sở Nông nghiệp và Phát triển nông thôn làm rõ tỉ "
            "lệ đóng góp.",
            Verdict.YES,
            "bí thư",
        ),
        # The body a claim says something was done at is its whole name, lowercase words within: the
        # Đại học Hà Nội is not the Đại học Quốc gia Hà Nội.
        (
            "Ông Trần Văn Khánh đi thi chuyển ngạch tại Đại học Quốc gia Hà Nội phải không?",
            "Năm 2018, ông Trần Văn Khánh mới đi thi chuyển ngạch tại trường Đại học Hà Nội.",
            Verdict.UNCLEAR,
            None,
        ),
        (
            "Ông Trần Văn Khánh đi thi chuyển ngạch tại Đại học Quốc gia Hà Nội phải không?",
            "Năm 2018, ông Trần Văn Khánh mới đi thi chuyển ngạch tại Đại học Quốc gia Hà Nội.",
            Verdict.YES,
            "Trần Văn Khánh",
        ),
    ],
)
def test_a_claim_is_confirmed_or_contradicted_only_by_what_the_sentence_says(question, sentence, verdict, decisive):
    check = check_claim(sentence, analyse(question))
    assert check.verdict is verdict
    assert (sentence[slice(*check.span)] if check.span else None) == decisive


@pytest.fixture(scope="module")
def permissive(tmp_path_factory) -> Answerer:
    """An answerer over three articles that shows every gated sentence as the answer: what is
    tested is the reading of the claim and the list, not the confidence model."""
    corpus = tmp_path_factory.mktemp("corpus")
    articles = {
        "001_so_ket.txt": (
            "Đảng ủy Khối sơ kết 5 năm thực hiện Chỉ thị 05 (15:30 02/04/2021)\n\n\n"
            "HNP - Sáng 2/4, Đảng ủy Khối các cơ quan TP Hà Nội sơ kết 5 năm thực hiện Chỉ thị 05. "
            "Tới dự có Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong. "
            "Hội nghị đã khen thưởng 24 tập thể và 30 cá nhân.\n"
        ),
        "002_le_ky_niem.txt": (
            "TP HCM tuyên dương dân vận khéo năm 2017 (09:00 15/10/2017)\n\n\n"
            "SGGP - Lễ tuyên dương điển hình dân vận khéo diễn ra sáng 15/10. "
            "Tham dự có ông Lê Thanh Hải, nguyên Bí thư Thành ủy TP HCM, ông Phạm Chánh Trực, "
            "nguyên Phó bí thư Thường trực Thành ủy, và ông Nguyễn Văn Đua, nguyên Phó bí thư Thường trực "
            "Thành ủy.\n"
        ),
        "003_thoi_tiet.txt": (
            "Miền Bắc đón không khí lạnh (06:00 01/12/2020)\n\n\n"
            "TTXVN - Không khí lạnh tràn về các tỉnh miền Bắc từ đêm nay, nhiệt độ giảm 5 độ.\n"
        ),
    }
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    found, problems = read_corpus([corpus])
    assert problems == [] and len(found) == 3
    return Answerer(Index.from_articles(found), confidence=ConfidenceModel({}, bias=10.0, threshold=0.5))


def test_a_true_claim_is_answered_dung_with_its_sentence_and_citation(permissive):
    answer = permissive.answer("Hội nghị sơ kết Chỉ thị 05 khen thưởng 24 tập thể phải không?")
    assert (answer.status, answer.verdict) == (Status.ANSWER, Verdict.YES)
    assert plain_text(format_reply(answer)).startswith(
        "Đúng. Hội nghị đã khen thưởng 24 tập thể và 30 cá nhân.\n\n📰 Đảng ủy Khối sơ kết 5 năm"
    )


def test_a_claim_the_sentence_contradicts_is_answered_khong_dung_with_what_it_says(permissive):
    answer = permissive.answer("Hội nghị sơ kết Chỉ thị 05 khen thưởng 40 tập thể đúng không?")
    assert (answer.status, answer.verdict) == (Status.ANSWER, Verdict.NO)
    assert answer.best.sentence[slice(*answer.best.highlight)] == "24 tập"
    assert "<b>Không đúng.</b>" in format_reply(answer)


def test_a_claim_no_sentence_settles_is_unclear_and_lists_the_articles(permissive):
    answer = permissive.answer("Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05 của Đảng ủy Khối có Thủ tướng dự không?")
    assert (answer.status, answer.verdict) == (Status.UNSURE, Verdict.UNCLEAR)
    assert plain_text(format_reply(answer)).startswith(UNCLEAR_TEXT)


def test_a_list_question_is_answered_with_every_name_in_order(permissive):
    answer = permissive.answer("Những ai tham dự lễ tuyên dương dân vận khéo năm 2017?")
    assert answer.status is Status.ANSWER
    bold = answer.best.sentence[slice(*answer.best.highlight)]
    assert bold.startswith("Lê Thanh Hải") and bold.endswith("Nguyễn Văn Đua")
    assert "Phạm Chánh Trực" in bold


def test_a_list_too_long_to_show_whole_is_no_sure_answer(tmp_path):
    # The names run over more than a reply shows of one sentence: cut, the sentence would answer with none.
    guests = (
        "ông Nguyễn Văn An, Bí thư Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh nhiệm kỳ 2016 - 2021, trưởng đoàn "
        "đại biểu Quốc hội tỉnh khóa XIV, ông Trần Văn Bình, Phó Bí thư Thường trực Tỉnh ủy, trưởng ban chỉ "
        "đạo phòng chống tham nhũng của tỉnh, ông Lê Văn Cường, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân "
        "tỉnh, trưởng ban chỉ đạo xây dựng nông thôn mới của tỉnh, và ông Phạm Văn Dũng, Ủy viên Ban Thường vụ "
        "Tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy"
    )
    articles = {
        "001_khanh_thanh.txt": (
            "Khánh thành cầu Tân An (08:00 03/09/2019)\n\n\n"
            f"BBP - Tham dự lễ khánh thành cầu Tân An sáng 3/9 có {guests}.\nCầu dài 300 m.\n"
        ),
        "002_mua.txt": "Mưa lớn ở Nam Bộ (06:00 04/09/2019)\n\n\nTTXVN - Mưa lớn kéo dài ở các tỉnh Nam Bộ.\n",
        "003_lua.txt": "Giá lúa tăng (06:00 05/09/2019)\n\n\nTTXVN - Giá lúa tăng 200 đồng mỗi ký.\n",
    }
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found, problems = read_corpus([tmp_path])
    assert problems == [] and len(found) == 3
    shows_every_sentence = ConfidenceModel({}, bias=10.0, threshold=0.5)
    answer = Answerer(Index.from_articles(found), confidence=shows_every_sentence).answer(
        "Những ai tham dự lễ khánh thành cầu Tân An?"
    )
    assert answer.status is Status.UNSURE
