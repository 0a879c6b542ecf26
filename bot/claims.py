"""Whether a sentence confirms or contradicts the claim of a yes/no question.

"Đại hội chọn 75 người vào Ban chấp hành đúng không?" is confirmed by a sentence that says "75
người" and contradicted by one that says "74 người"; "Ông X từng làm Bí thư Tỉnh ủy Hà Tĩnh phải
không?" is contradicted by "bí thư Tỉnh uỷ Nghệ An". A claim the sentence neither states nor
contradicts stays unclear: the bot says so rather than guess.
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
from dataclasses import dataclass

from bot.names import alternation, office_pattern, offices_held, people_in, table, tables
from bot.question import PLAIN_STOP_WORDS, Question
from bot.tables import word_tables
from bot.text import (
    LOWER_LETTERS,
    UPPER_LETTERS,
    name_end,
    nfc,
    ordinal_spans,
    padded_words,
    plain_key,
    strip_diacritics,
)

Span = tuple[int, int]


class Verdict(enum.Enum):
    YES = "yes"  # the sentence states the claim
    NO = "no"  # the sentence states something else in its place (another number, another place)
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class Check:
    """A sentence against a claim: the verdict, and the spans of the sentence that decide it."""

    verdict: Verdict
    confirming: tuple[Span, ...] = ()  # the claim's numbers and names, found in the sentence
    contrary: tuple[Span, ...] = ()  # what the sentence says in their place

    @property
    def span(self) -> Span | None:
        """What to show in bold: what contradicts the claim, else what confirms it."""
        spans = {Verdict.NO: self.contrary, Verdict.YES: self.confirming}.get(self.verdict, ())
        return spans[0] if spans else None


# A number, or a range of two ("2,5-2,8%"), with the word after it ("75 người", "1,5 tỷ", "90%").
# A share of a whole is one amount: "408/450 đại biểu" (not a date: "14/6/2019", "sáng 4/5": see `_amounts`).
_AMOUNT = re.compile(r"(?<![\w/.,-])(\d+(?:[.,]\d+)*(?:/\d+(?![/\d]))?(?:\s*[-–]\s*\d+(?:[.,]\d+)*)?)\s*(%|[^\W\d_]+)")
# Numbers that place the claim (a year, a session, a date, "mùng 4 Tết", a term) or name a document ("Chỉ thị
# 05", "Nghị quyết 18"), not what it states ("từ 2015"; but "đầu tư 15.000 tỷ" is an amount).
_PLACING = re.compile(
    r"(?:nam|thang|ngay|mung|lan|khoa|thu|hoi|ky|so|quy|dot|tuan|gio|thi|quyet|dinh|luan|(?<!dau )tu|ban|van|bao|luat|giai doan"
    r"|quan|phuong|niem|ket)\s*$"
)
# Words after a number that are no unit: "… 05 phải không?"
_NOT_UNITS = PLAIN_STOP_WORDS | {"phai", "khong", "dung", "chua", "that", "tren"}  # "vành đai 3 trên cao"
_YEAR = re.compile(r"(?:19|20)\d\d")
_RUN = re.compile(rf"(?<!\w)[{UPPER_LETTERS}][{LOWER_LETTERS}]*(?:\s+[{UPPER_LETTERS}][{LOWER_LETTERS}]*)+(?!\w)")
_UNIT_SPELLINGS = {"ti": "ty"}
# A day of a month after a word that introduces one: "hôm 24/2", "ngày 24-2", "sáng 24/2/2018", "ngày 24
# tháng 2", "(24/2)"; not "1/2 số đại biểu", "2016-2020" or a document's code ("05/CT-TTg").
_DAY = re.compile(
    r"(?:^|(?<=\()|(?<!\w)(?:ngày|sáng|chiều|trưa|tối|đêm|khuya|hôm|nay|qua|vào|từ|đến|tới|và|ngay|sang|chieu|trua|toi|dem"
    r"|hom|vao|tu|den)\s+)"
    r"(?:(?P<d1>\d{1,2})[/-](?P<m1>\d{1,2})(?:[/-](?P<y1>\d{4}))?(?![\w/-])"
    r"|(?P<d2>\d{1,2})\s+(?:tháng|thang)\s+(?P<m2>\d{1,2})(?:\s+(?:năm|nam)\s+(?P<y2>\d{4}))?(?!\w))",
    re.IGNORECASE,
)


def _plain(text: str) -> str:
    return strip_diacritics(text).lower()


def _value(number: str) -> str:
    """ "15.000" and "15000", "1,5" and "1.5"... as one value (a dot groups thousands in Vietnamese); a
    range's two ends joined by "-"."""
    return "-".join(end.replace(".", "").replace(",", ".") for end in re.split(r"\s*[-–]\s*", number))


def _amounts(text: str) -> list[tuple[str, str, Span]]:
    """(value, unit, span) of the numbers in `text` that state an amount (not a year, a date...)."""
    found = []
    for match in _AMOUNT.finditer(text):
        before = _plain(text[: match.start()])
        unit = _plain(match.group(2))
        ends = re.split(r"\s*[-–]\s*", match.group(1))
        # A range before a name is an address: "8-12 Lê Duẩn".
        address = len(ends) > 1 and match.group(2)[0].isupper()
        # A day and month are no share: "sáng 19/5 …".
        day_month = "/" in match.group(1) and int(match.group(1).split("/")[1].split("-")[0].strip() or 0) <= 12
        # "6 tháng đầu năm" is when, not how much.
        period = unit == "thang" and re.match(r"\s+(?:dau|cuoi) nam", _plain(text[match.end() : match.end() + 12]))
        if (
            address
            or period
            or day_month
            or any(_YEAR.fullmatch(end) for end in ends)
            or (
                _PLACING.search(before)
                and _placing_as_typed(text[: match.start()])
                # "kết luận 3 cán bộ xã …" counts people; "Kết luận 3 của …" names a document
                and not _counted_people().match(_plain(text[match.start(2) :]))
            )
            or unit in _NOT_UNITS
        ):
            continue
        found.append((_value(match.group(1)), _UNIT_SPELLINGS.get(unit, unit), match.span()))
    return found


def _changed_to(before: str) -> bool:
    """Whether an amount after these words is what something changed to ("tăng lên 5%", "nâng … lên 4.082 m2")."""
    return re.search(rf"(?<= )(?:{_CHANGE_WORDS}) (?:muc )?$", padded_words(before)) is not None


_CHANGE_WORDS = "|".join(padded_words(w).strip() for w in word_tables("claims")["changes"]["to"])


@functools.cache
def _counted_people() -> re.Pattern[str]:
    """The nouns that count people (bot/data/counts.toml), as compared without diacritics."""
    return re.compile(rf"(?:{'|'.join(re.escape(_plain(w)) for w in word_tables('counts')['people']['words'])})(?!\w)")


def _states_what(before: str) -> bool:
    """Whether an amount after these words is what something "là" ("tỷ lệ … là 5%")."""
    return padded_words(before).endswith(" la ")


def _said_of_the_claim(sentence: str, claim: str, stated: list[tuple[str, str, Span]], value: str) -> list[Span]:
    """The amounts of the claimed unit the sentence, as the claim does, states as what something "là", of
    more of the claim's words than the claimed value (at least two it lacks, more than it has that they
    lack): "X là 5%" states 5% of the words of X, back to the amount before."""
    wanted = {w for w in claim.split() if w not in PLAIN_STOP_WORDS and not w.isdigit()}
    of: list[tuple[str, set[str], Span]] = []
    start = 0
    for amount, _, span in stated:
        before = sentence[start : span[0]]
        if _states_what(before):
            of.append((amount, wanted & set(padded_words(before).split()), span))
        start = span[1]
    claimed = [words for amount, words, _ in of if amount == value]
    if len(claimed) != 1:
        return []
    return [
        span
        for amount, words, span in of
        if amount != value and len(words - claimed[0]) >= 2 and len(words - claimed[0]) > len(claimed[0] - words)
    ]


def _placing_as_typed(before: str) -> bool:
    """Whether the word before a number, typed with diacritics, is the placing word its plain form reads as."""
    words = re.findall(r"\w+", nfc(before).lower())
    last = words[-1] if words else ""
    return last == _plain(last) or last in _placing_words()


@functools.cache
def _placing_words() -> frozenset[str]:
    return frozenset(word_tables("claims")["placing"]["words"])


def _days(text: str) -> list[tuple[tuple[int, int], int | None, Span]]:
    """((day, month), year or None, span) of the days of a month that `text` states."""
    found = []
    for match in _DAY.finditer(text):
        day, month, year = (next((match[f"{part}{n}"] for n in "12" if match[f"{part}{n}"]), None) for part in "dmy")
        if day and month and 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            start = next(match.start(f"d{n}") for n in "12" if match[f"d{n}"])
            found.append(((int(day), int(month)), int(year) if year else None, (start, match.end())))
    return found


def _same_day(one: tuple[tuple[int, int], int | None], other: tuple[tuple[int, int], int | None]) -> bool:
    """The same day of the same month, and of the same year where both say it."""
    (day, year), (other_day, other_year) = one, other
    return day == other_day and (year == other_year or None in (year, other_year))


def _claimed_names(question: Question) -> list[str]:
    """The names and places a claim states, as capitalised runs past its first word (none can be
    told from other words in a question typed without diacritics, which is typed in lowercase)."""
    if question.unaccented:
        return []
    text = question.topic or question.text
    names = []
    for match in _RUN.finditer(text):
        words = match.group().split()
        if question.text.lstrip(" ,").startswith(match.group()):
            words = words[1:]  # "Ông Phan Đình Trạc" at the start: "Ông" is capitalised as the first word
        # A place or body written right before a person's name is another name: "Tỉnh ủy Bình Thuận Phan Văn
        # Đăng", "xã Cổ Đạm Nguyễn Thái Tứ" name the person apart from the place.
        run = " ".join(words)
        cuts = [start for start, _ in people_in(run) if start > 0] if len(words) > 2 else []
        for part in (run[a:b] for a, b in itertools.pairwise([0, *cuts, len(run)])):
            if len(part.split()) >= 2:
                names.append(padded_words(part))
    names.extend(padded_words(body) for body in _bodies_named(text))
    return names


# A body's name capitalises the first syllable of each of its parts ("Đại học Quốc gia Hà Nội", "Sở Tài
# nguyên và Môi trường TP HCM"): past the word opening it, up to two lowercase words between capitalised ones.
_BODY_NAME = re.compile(
    rf"(?:\s+[{UPPER_LETTERS}]\w*(?:\s+[{LOWER_LETTERS}]+(?!\w)){{0,2}}(?=\s+[{UPPER_LETTERS}]))*"
    rf"\s+[{UPPER_LETTERS}]\w*"
)


def _bodies_named(text: str) -> list[str]:
    """The bodies a claim says something was done at ("thi tại Đại học Quốc gia Hà Nội"), named with
    lowercase words within, which capitalised runs cut short: "Hà Nội" alone is no claim of the Đại học
    Hà Nội."""
    bodies = []
    for head in _institution_heads().finditer(text):
        name = _BODY_NAME.match(text, head.end())
        if name is not None and re.search(rf"\s[{LOWER_LETTERS}]", name.group()):
            bodies.append(text[head.start("head") : name.end()])
    return bodies


def _abbreviated_bodies(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The bodies a claim names by their opening word and an abbreviation ("Sở NN&PTNT", "Bộ GD-ĐT"): the
    opening word and the abbreviation's letters (plain), its "&" or "-" read as "và" or, written so, as nothing."""
    bodies: list[tuple[str, tuple[str, ...]]] = []
    for head in _ABBREVIATED_BODY.finditer(text):
        # (capitalised as a body's name opens: "đảng bộ HN" is a party organisation of a city)
        if head["head"][0].isupper() and re.fullmatch(rf"(?:{alternation(table('institutions'))})", head["head"]):
            letters = _plain(head["short"]).replace("-", "&")  # "KH-ĐT": Kế hoạch và Đầu tư
            bodies.append((_plain(head["head"]), (letters.replace("&", "v"), letters.replace("&", ""))))
    return bodies


_ABBREVIATED_BODY = re.compile(r"(?<!\w)(?P<head>\w+)\s+(?P<short>[A-ZĐ]{2,}(?:[&-][A-ZĐ]{1,5})*)(?![\w&-])")


def _body_written(body: tuple[str, tuple[str, ...]], known: str) -> bool:
    """Whether the sentence (padded, plain) names the body: as abbreviated, or written out, its words giving
    the abbreviation's letters ("Sở Nông nghiệp và Phát triển nông thôn" for "Sở NN&PTNT")."""
    head, spellings = body
    words = known.split()
    return any(
        _initials_of(words[at + 1 :], letters) is not None
        for at, word in enumerate(words)
        if word == head
        for letters in spellings
    )


def _initials_of(words: list[str], letters: str) -> int | None:
    """How many of the first of these words give these letters, each its initial or, itself an abbreviation,
    all of them ("tand toi cao": "tandtc"); None when they do not."""
    rest, used = letters, 0
    for word in words[: len(letters)]:
        if not rest:
            break
        part = word if len(word) > 1 and rest.startswith(word) else word[0]
        if not rest.startswith(part):
            return None
        rest, used = rest[len(part) :], used + 1
    return used if not rest else None


@functools.cache
def _institution_heads() -> re.Pattern[str]:
    """A body's opening word after a word of where ("tại Đại học", "ở Sở")."""
    where = alternation(tuple(word_tables("claims")["places_of_bodies"]["words"]))
    return re.compile(rf"(?<!\w)(?:{where})\s+(?P<head>{alternation(table('institutions'))})(?!\w)")


def _misnamed(sentence: str, claim: str) -> list[Span]:
    """The people of the sentence a claim typed without diacritics (whose names cannot be told from its
    other words) names but for the last syllable ("ba nguyen thi hong" beside "bà Nguyễn Thị Thu"), when
    the sentence names no one of the claim's name."""
    people = [(span, padded_words(sentence[slice(*span)])) for span in people_in(sentence)]
    misnamed = []
    for span, person in people:
        words = person.split()
        if len(words) < 3:
            continue
        for other in re.finditer(rf"(?<= ){re.escape(' '.join(words[:-1]))} (\w+)(?= )", claim):
            if other[1] != words[-1] and not any(f" {other.group()} " in p for _, p in people):
                misnamed.append(span)
    return misnamed


@functools.cache
def _spellings() -> tuple[tuple[str, ...], ...]:
    """Groups of padded spellings of one place ("my", "hoa ky"), longest first within a group."""
    groups = tables()["country_spellings"]["groups"] + tables()["province_spellings"]["groups"]
    return tuple(tuple(sorted({padded_words(n) for n in group}, key=len, reverse=True)) for group in groups)


def _spelled_as(claimed: str, said: str) -> str:
    """A padded claim with its places spelled as the sentence spells them: "Thủ tướng Úc" is "Thủ tướng
    Australia" to a sentence that says so."""
    for group in _spellings():
        used = next((n for n in group if n in said), None)
        if used is None:
            continue
        for spelling in group:
            if spelling != used and spelling in claimed:
                claimed = claimed.replace(spelling, used)
    return claimed


def check_claim(sentence: str, question: Question, title: str = "") -> Check:
    """How `sentence` (from an article with this title) bears on the claim of a yes/no question."""
    topic = question.topic or question.text
    said = padded_words(sentence)
    known = said + padded_words(title)
    claim = _spelled_as(padded_words(topic), known)
    confirming: list[Span] = []
    contrary: list[Span] = []
    claimed = _amounts(topic)
    # "có 18 thi thể …, không phải 28 thi thể": an amount the sentence denies is no amount it states.
    every_amount = _amounts(sentence)
    denied = [
        (v, u, span) for v, u, span in every_amount if _DENIED.search(_plain(sentence[max(0, span[0] - 40) : span[0]]))
    ]
    stated = [amount for amount in every_amount if amount not in denied]
    for value, unit, claimed_span in claimed:
        same = [span for v, u, span in stated if u == unit and v == value]
        others = [span for v, u, span in stated if u == unit and v != value]
        if _changed_to(topic[: claimed_span[0]]):
            # "nâng diện tích lên 4.082 m2" is not denied by "diện tích 3.000 m2": what it was before.
            others = [span for span in others if _changed_to(sentence[: span[0]])]
        # "… thuốc bảo vệ thực vật vượt mức là 5,17%, số mẫu thịt có dư lượng kháng sinh vượt mức là 1,92%":
        # the claim's number beside another thing than the claim's, which the sentence gives another number.
        said_of_claim = (
            _said_of_the_claim(sentence, claim, [v for v in stated if v[1] == unit], value)
            if others and same and _states_what(topic[: claimed_span[0]])
            else []
        )
        if said_of_claim:
            contrary.extend(said_of_claim)
        elif others and not same:
            contrary.extend(others)
        else:
            confirming.extend(same)
        # (the value the sentence gives first, then the claimed one it denies)
        contrary.extend(span for v, u, span in denied if u == unit and v == value and not same)
    amounts_found = all(any(u == unit and v == value for v, u, _ in stated) for value, unit, _ in claimed)
    # A day the claim states ("hôm 25/2") is confirmed by the same day, contradicted by another one alone.
    claimed_days = _days(topic)
    stated_days = _days(sentence)
    for day, year, _ in claimed_days:
        same = [span for d, y, span in stated_days if _same_day((d, y), (day, year))]
        confirming.extend(same)
        if not same:
            contrary.extend(span for _, _, span in stated_days)
    days_found = all(any(_same_day((d, y), (day, year)) for d, y, _ in stated_days) for day, year, _ in claimed_days)
    # A session or term the claim says something is ("… là lần thứ ba") is confirmed by the same one; one
    # that only names the event ("kỳ họp 18 … tổ chức tại Đà Nẵng") confirms nothing of the claim.
    copula = re.search(r"(?<!\w)la(?!\w)", plain_key(topic))
    claimed_ordinals = {term for term, span in ordinal_spans(topic) if span[0] > copula.start()} if copula else set()
    # (the sentence is read for them only when the claim states one: this runs for every sentence weighed)
    stated_ordinals = ordinal_spans(sentence) if claimed_ordinals else []
    ordinals_found = [span for term, span in stated_ordinals if term in claimed_ordinals]
    confirming.extend(ordinals_found)
    names = [_spelled_as(name, known) for name in _claimed_names(question)]
    # A province or country that only sets the scene ("Vụ đổi đất ở xã Thạch Bằng (Hà Tĩnh), ông X bị
    # kỷ luật …") need not be in the sentence that states the claim about X: its other names must.
    places = [name for name in names if _known_place_plain().fullmatch(name)]
    scene = _scene(question) if places else ""
    placing = [name for name in places if name in scene]
    stating = [name for name in names if name not in placing]
    names_found = (
        all(name in known or _ministry_as_titled(name, said) for name in stating)
        and (bool(stating) or bool(claimed) or not placing)
        and all(_body_written(body, known) for body in _abbreviated_bodies(topic))
    )
    # (typed without diacritics, a person named but for the last syllable is the sentence's in place of the claim's)
    contrary.extend(_misnamed(sentence, claim) if question.unaccented else [])
    named = _spelled_as(_named_in(question), known)
    for match in _RUN.finditer(sentence):
        match = _without_title(sentence, match)
        name = padded_words(match.group())
        if name in claim:
            confirming.append(_whole_name(sentence, match, claim))
            continue
        contrary_name = _in_place_of(name, padded_words(sentence[: match.start()]), claim, said, named)
        if contrary_name and not _another_persons(sentence, match.start(), claim):
            contrary.append(match.span())
    # A rank the claim states that the sentence, giving ranks, does not ("từ Trung tướng xuống Đại tá"
    # against "xuống thiếu tướng").
    claimed_ranks = {m.group().strip() for m in _ranks().finditer(claim)}
    stated_ranks = [(" ".join(_plain(m.group()).split()), m.span()) for m in _ranks_accented().finditer(sentence)]
    if claimed_ranks - {rank for rank, _ in stated_ranks} and stated_ranks:
        others = [span for rank, span in stated_ranks if rank not in claimed_ranks]
        # The claim's person's rank, when the sentence names them: after their name.
        named_at = max((start for start, _ in confirming), default=-1)
        contrary.extend([span for span in others if span[0] > named_at] or others)
    # A month of a year the claim states ("từ tháng 6-2018") is contradicted by another one alone ("Tháng
    # 6-2017"), a year after "từ năm", "vào năm"… by another after the same words, a quarter ("vào quý
    # III") by another ("trong quý II").
    asked = padded_words(question.text)  # its dates are no words of its topic
    for pattern in (_MONTH_OF_YEAR, _YEAR_AFTER, _QUARTER):
        claimed_dates = {_date_key(m) for m in pattern.finditer(asked)}
        stated_dates = [(_date_key(m), m.span()) for m in pattern.finditer(said)]
        if claimed_dates and not claimed_dates & {d for d, _ in stated_dates}:
            others = [span for d, span in stated_dates if d[0] in {c[0] for c in claimed_dates}]
            contrary.extend(_accented_span(sentence, said, span) for span in others)
    # The year of what the claim says was done ("được xây dựng năm 1816") against another year the sentence
    # gives right after the same word ("được xây dựng năm vua Gia Long thứ 5 (1806)"), the claimed one unsaid.
    for act in _YEAR_OF_ACT.finditer(claim):
        act_word, act_year = act.groups()
        if act_word in _YEAR_WORDS or f" {act_year} " in said:
            continue
        for done in re.finditer(rf"(?<= ){re.escape(act_word)} (?:\S+ ){{0,7}}?((?:1\d|20)\d\d)(?= )", said):
            contrary.append(_accented_span(sentence, said, done.span(1)))
    # A form of discipline the claim states ("bị khiển trách") against another the sentence gives
    # ("cảnh cáo"); one the sentence does not give ("kiểm điểm rút kinh nghiệm") leaves the claim unclear.
    claimed_forms = _discipline(claim)
    stated_forms = _discipline(said)
    discipline_unsaid = bool(claimed_forms) and not claimed_forms.keys() & stated_forms.keys()
    if claimed_forms:
        confirming.extend(
            _accented_span(sentence, said, span) for form, span in stated_forms.items() if form in claimed_forms
        )
        if discipline_unsaid:
            contrary.extend(
                _accented_span(sentence, said, span)
                for form, span in stated_forms.items()
                if form in _formal_discipline()
            )
    abbreviations = frozenset(_plain(w) for w in _ABBREVIATION.findall(topic))
    office = _office_check(sentence, claim, abbreviations, _casing(question))
    if office is not None and office[0] is Verdict.NO:
        contrary.append(office[1])
    if contrary:
        verdict = Verdict.NO
    elif office is not None and office[0] is Verdict.UNCLEAR:
        verdict = Verdict.UNCLEAR  # the person is there, but not said to hold the claimed office
    elif (
        office is None and office_pattern().search(claim) and people_in(question.text) and not (claimed or claimed_days)
    ):
        verdict = Verdict.UNCLEAR  # an office is claimed of someone the sentence gives no office
    elif discipline_unsaid:
        verdict = Verdict.UNCLEAR
    elif (
        (claimed or claimed_days or names or office or ordinals_found) and amounts_found and days_found and names_found
    ):
        verdict = Verdict.YES
        if office is not None:
            confirming.insert(len(claimed) and 1, office[1])  # after the claim's number, before its names
    else:
        verdict = Verdict.UNCLEAR
    # The claim's own number first: it is what the question turns on.
    return Check(verdict, tuple(dict.fromkeys(confirming)), tuple(dict.fromkeys(contrary)))


@functools.cache
def _formal_discipline() -> frozenset[str]:
    return frozenset(padded_words(w).strip() for w in word_tables("claims")["discipline"]["formal"])


@functools.cache
def _discipline_pattern() -> re.Pattern[str]:
    table = word_tables("claims")["discipline"]
    forms = sorted({padded_words(w).strip() for w in table["formal"] + table["lighter"]}, key=len, reverse=True)
    return re.compile(rf"(?<= )(?:{'|'.join(map(re.escape, forms))})(?= )")


def _discipline(padded: str) -> dict[str, Span]:
    """The forms of discipline padded plain text states, each with its first span."""
    found: dict[str, Span] = {}
    for match in _discipline_pattern().finditer(padded):
        found.setdefault(match.group(), match.span())
    return found


# In padded plain text: "thang 6 2018" ("tháng 6/2018", "tháng 6-2018"), "tu nam 2017", "quy iii".
# (any year of a history, not only this century's and the last: "xây dựng năm 1806")
_YEAR_OF_ACT = re.compile(r"(?<= )(\w+) nam ((?:1\d|20)\d\d)(?= )")
_YEAR_WORDS = frozenset({"tu", "vao", "den", "trong", "cua", "va", "la", "nay", "ngoai", "cuoi", "dau", "giua"})
_DENIED = re.compile(r"(?<!\w)(?:chu\s+)?khong\s+phai(?:\s+la)?\s*$")
_MONTH_OF_YEAR = re.compile(r"(?<= )(thang) (\d{1,2}) ((?:19|20)\d\d)(?= )")
_YEAR_AFTER = re.compile(r"(?<= )(tu nam|vao nam|den nam|tu|vao|den) ((?:19|20)\d\d)(?= )")
_QUARTER = re.compile(r"(?<= )(quy) (iv|iii|ii|i|[1-4])(?= )")
_ROMAN_QUARTERS = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def _date_key(match: re.Match[str]) -> tuple[str, str]:
    """(the words before the date, the date): ("thang", "6 2018"), ("tu nam", "2017"), ("quy", "3")."""
    return match.group(1), " ".join(_ROMAN_QUARTERS.get(g) or str(int(g)) for g in match.groups()[1:])


def _accented_span(sentence: str, padded: str, span: Span) -> Span:
    """The span of `sentence` whose words are those of `padded_words(sentence)` at `span`."""
    before, words = len(padded[: span[0]].split()), len(padded[span[0] : span[1]].split())
    found = list(re.finditer(r"[\w%]+", sentence))
    return found[before].start(), found[before + words - 1].end()


@functools.cache
def _one_word_titles() -> frozenset[str]:
    return frozenset(t for t in table("person_titles") if " " not in t)


OFFICE_WORDS = 5  # "Nguyễn Thanh Nghị - Bí thư Tỉnh uỷ | Kiên Giang": an office right after a name is theirs


def _another_persons(sentence: str, position: int, claim: str) -> bool:
    """Whether the name at `position` ends an office the sentence gives someone the claim does not name
    ("ông Đặng Quốc Khánh và ông Nguyễn Thanh Nghị - Bí thư Tỉnh uỷ Kiên Giang"): it says nothing in
    place of the claim's."""
    before = [span for span in people_in(sentence) if span[1] <= position]
    if not before:
        return False
    start, end = before[-1]
    owner = padded_words(sentence[start:end])
    return owner not in claim and len(sentence[end:position].split()) <= OFFICE_WORDS


def _without_title(sentence: str, run: re.Match[str]) -> re.Match[str]:
    """A run opening the sentence with a one-word title, capitalised as its first word ("Ông Trần Văn
    Nam …"), without the title: the name is what the claim states."""
    first, _, rest = run.group().partition(" ")
    if first in _one_word_titles() and rest.strip() and not sentence[: run.start()].strip(" \"'“(…"):
        return _RUN.match(sentence, run.end() - len(rest.lstrip())) or run
    return run


def _whole_name(sentence: str, run: re.Match[str], claim: str) -> Span:
    """A capitalised run with the lowercase syllable that ends its last word ("Bộ Y" + "tế"), where the
    claim has it too (so that the bold never cuts a name in two)."""
    end = name_end(sentence, run.end())
    return (run.start(), end) if padded_words(sentence[run.start() : end]) in claim else run.span()


def _scene(question: Question) -> str:
    """The words of a claim that only say where it happened: after "ở", "tại", or in brackets."""
    text = question.topic or question.text
    parts = re.findall(r"\(([^()]*)\)|(?<!\w)(?:ở|tại)\s+((?:(?:tỉnh|thành phố|TP\.?)\s+)?\w+(?:\s+\w+)?)", text)
    return "".join(padded_words(bracketed or placed) for bracketed, placed in parts)


def _named_in(question: Question) -> str:
    """The names a claim may state, padded and diacritic-free: its capitalised runs (typed with
    diacritics) and the provinces and countries it names (typed either way)."""
    text = question.topic or question.text
    runs = [] if question.unaccented else [padded_words(m.group()) for m in _RUN.finditer(text)]
    places = [padded_words(m.group()) for m in _known_place_plain().finditer(padded_words(text))]
    return "".join(runs + places)


@functools.cache
def _ranks() -> re.Pattern[str]:
    """Ranks in padded plain text (" trung tuong ")."""
    ranks = {" ".join(padded_words(r).split()) for r in table("ranks")}
    return re.compile("|".join(rf"(?<= ){re.escape(r)}(?= )" for r in sorted(ranks, key=len, reverse=True)))


@functools.cache
def _ranks_accented() -> re.Pattern[str]:
    """Ranks in a sentence, however capitalised ("Trung tướng", "thiếu tướng")."""
    return re.compile(rf"(?<!\w)(?:{alternation(table('ranks'))})(?!\w)", re.IGNORECASE)


@functools.cache
def _known_place_plain() -> re.Pattern[str]:
    places = {" ".join(padded_words(p).split()) for p in table("provinces") + table("countries")}
    return re.compile("|".join(rf" {re.escape(p)} " for p in sorted(places, key=len, reverse=True)))


_PLACE_PREPOSITIONS = frozenset({"vao", "den", "toi", "ra"})  # of motion: "đổ bộ vào", not "Đại sứ tại"


def _in_place_of(name: str, before: str, claim: str, said: str, named: str) -> bool:
    """Whether the sentence's `name` stands where the claim has another one: the two words before it
    ("tỉnh uỷ" in "Tỉnh uỷ Nghệ An") are followed in the claim by words the sentence lacks
    ("tỉnh ủy Hà Tĩnh"). A province or country needs only the one word before it ("đoàn Ninh Thuận"
    against "đoàn Bình Thuận")."""
    words = 1 if _known_place_plain().fullmatch(name) else 2
    anchor = before.split()[-words:]
    if len(anchor) < words or all(word in PLAIN_STOP_WORDS for word in anchor):
        return False
    position = claim.find(" " + " ".join(anchor) + " ")
    if position < 0:
        return False
    after = claim[position:].split()[words:]
    if words == 1 and after[:1] and after[0] in _PLACE_PREPOSITIONS:
        after = after[1:]  # "đổ bộ vào Thanh Hóa" against "đổ bộ Hà Tĩnh"
    following = after[: len(name.split())]
    if len(following) < len(name.split()) or any(w in PLAIN_STOP_WORDS or w.isdigit() for w in following):
        return False
    instead = " " + " ".join(following) + " "
    # What stands there in the claim must be a name too ("tỉnh ủy Hà Tĩnh"), not its next words
    # ("huyện Bến Lức nói về …").
    return instead != name and instead not in said and instead in named


_DATING_AN_OFFICE = re.compile(r" (?:truoc|sau)? ?khi (?:con )?(?:lam|la|giu chuc) $")
# Words before an office that give it to the claim's person: "X, Phó chủ tịch", "khi đang là", "điều động làm".
_GIVES_AN_OFFICE = re.compile(r"(?:\|| la| lam| chuc| chuc vu| chuc danh)(?: nguyen| cu| tan)? $")
# Words that end an office's body in a claim: "Bí thư Thành ủy Hà Nội | là | ông …", "… | phải không".
_BODY_ENDS = PLAIN_STOP_WORDS | frozenset(
    "la phai khong dung ong ba da tung hien nay chua dong co con"
    " ko k hok hong ha ak ne vay thi".split()  # and the chat spellings of a question's end
)
# An abbreviation (MTTQ, UBND) in a claim's office can't be told from another body's name.
_ABBREVIATION = re.compile(r"(?<!\w)[A-ZĐ]{2,}(?!\w)")
WORDS_OF_BODY = 6  # an office's body is at most this many words ("Ủy ban Quốc phòng và An ninh")


@functools.cache
def _body_words() -> frozenset[str]:
    """Words an office's body may be typed with in lowercase ("UBND phường Thanh Xuân Bắc", "Bộ trưởng bộ Công an")."""
    return frozenset(w for phrase in (*table("place_kinds"), *table("institutions")) for w in _plain(phrase).split())


@dataclass(frozen=True)
class _Casing:
    """How a question typed with diacritics and capitals writes its words (diacritic-free): a word in
    lowercase that no body is named with, and no capitalised word after it, ends a claimed office's body
    ("Chủ tịch UBND phường Thanh Xuân Bắc | xuất hiện trong video …")."""

    lowercase: frozenset[str] = frozenset()
    capitalised: frozenset[str] = frozenset()


def _casing(question: Question) -> _Casing:
    words = re.findall(r"\w+", question.topic or question.text)
    capitalised = frozenset(_plain(w) for w in words[1:] if w[0].isupper())
    if question.unaccented or not capitalised:
        return _Casing()
    lowercase = frozenset(_plain(w) for w in words if w[0].islower())
    return _Casing(lowercase - capitalised - _body_words(), capitalised)


def _office_check(
    sentence: str, claim: str, abbreviations: frozenset[str], casing: _Casing = _Casing()
) -> tuple[Verdict, Span] | None:
    """Whether the sentence gives the claim's person the claimed office ("Ông X là Bí thư Tỉnh ủy
    A phải không?"): YES when the office is said beside the name, NO when another one is in its place
    (Phó Bí thư, or Chủ nhiệm of another committee), UNCLEAR when the person is there without it;
    with the span deciding it. None when the claim names no office or the sentence not its holder."""
    plain = _plain(sentence)
    if len(plain) != len(sentence):
        return None
    person = next(
        (
            span
            for span in people_in(sentence)
            if len(sentence[span[0] : span[1]].split()) >= 2 and padded_words(sentence[span[0] : span[1]]) in claim
        ),
        None,
    )
    if person is None:
        person = _by_given_name(sentence, claim)
    if person is None:
        return None
    name = padded_words(sentence[person[0] : person[1]])
    marked = claim.replace(name, " | ")
    offices = offices_held(plain, person)
    # The office claimed, not one that only dates the claim ("trước khi làm Phó chủ tịch Quốc hội, từng
    # làm …"), and every other one the claim gives the person ("được giới thiệu bầu Chủ tịch UBND khi
    # đang là Phó chủ tịch"), not another person's ("… cho biết sức khỏe Tổng bí thư"): the sentence
    # must give the person each of them.
    claimed = [m for m in office_pattern().finditer(marked) if not _DATING_AN_OFFICE.search(marked[: m.start()])]
    checks = [
        _held(sentence, plain, offices, wanted, _body(marked[wanted.end() :], casing), abbreviations)
        for n, wanted in enumerate(claimed)
        if n == 0 or _GIVES_AN_OFFICE.search(marked[: wanted.start()])
    ]
    if not checks:
        return None
    refuted = next((check for check in checks if check is not None and check[0] is Verdict.NO), None)
    if refuted is not None:
        return refuted
    if all(check is not None for check in checks):
        return checks[0]
    return Verdict.UNCLEAR, person


def _body(after: str, casing: _Casing = _Casing()) -> list[str]:
    """The body of an office claimed, from the words after its title: "Tỉnh ủy Quảng Nam"."""
    body: list[str] = []
    rest = after.split()
    while rest and len(body) < WORDS_OF_BODY:
        if (
            body
            and rest[0] in casing.lowercase
            and not casing.capitalised.intersection(rest[1 : WORDS_OF_BODY - len(body)])
        ):
            break
        # A province is the body's even when one of its words is also a function word ("da nang": "đã").
        place = _known_place_plain().match(" " + " ".join(rest) + " ")
        if place:
            body += place.group().split()
            break  # a body ends with its province: "Bí thư Tỉnh ủy Quảng Nam | phát biểu …"
        if rest[0] in _BODY_ENDS or rest[0] == "|" or rest[0].isdigit():
            break
        body.append(rest.pop(0))
    return body


def _held(
    sentence: str,
    plain: str,
    offices: list[re.Match[str]],
    wanted: re.Match[str],
    body: list[str],
    abbreviations: frozenset[str],
) -> tuple[Verdict, Span] | None:
    """Whether the person, holding `offices` in the sentence, holds the claimed one (`wanted` of `body`):
    YES or NO with the office that decides it, None when the sentence does not say."""
    title = " ".join(wanted["title"].split())
    same = [h for h in offices if " ".join(h["title"].split()) == title and bool(h["deputy"]) == bool(wanted["deputy"])]
    # Any of the person's offices may be the claimed one ("X, Chủ nhiệm Ủy ban Kinh tế, được giới
    # thiệu làm Chủ nhiệm Ủy ban Đối ngoại").
    # A ministry goes without "Bộ" after its minister's title: "Thứ trưởng Giao thông Vận tải".
    bodies = [body, body[1:]] if title in _MINISTERS and body[:1] == ["bo"] and len(body) > 1 else [body]
    for held in same:
        after = re.findall(r"\w+", plain[held.end() : held.end() + 80])
        if any(_in_order(named, after[: len(named) + 2]) for named in bodies) or _abbreviates(
            body, after, abbreviations
        ):
            return Verdict.YES, held.span()
    for held in same:
        if not abbreviations.intersection(body) and _another_body(sentence, held.end(), body):
            return Verdict.NO, held.span()
    for held in offices:
        after = re.findall(r"\w+", plain[held.end() : held.end() + 80])
        of_the_body = any(_in_order(named, after[: len(named) + 2]) for named in bodies)
        if " ".join(held["title"].split()) == title and bool(held["deputy"]) != bool(wanted["deputy"]) and of_the_body:
            return Verdict.NO, held.span()  # "Phó Bí thư" where the claim says "Bí thư", or the other way round
        if body and of_the_body:
            return Verdict.NO, held.span()  # another office of the same body: "Thứ trưởng Bộ Tài chính"
    return None


_MINISTERS = frozenset({"bo truong", "thu truong"})


def _abbreviates(body: list[str], after: list[str], abbreviations: frozenset[str]) -> bool:
    """Whether a body claimed by its abbreviation is the one the sentence writes out after the office: the
    initials of its words ("VPCP": "Văn phòng Chính phủ"), the claim's other words of it after them."""
    if not body or body[0] not in abbreviations:
        return False
    short, rest = body[0], body[1:]
    used = _initials_of(after, short)  # "TAND tối cao": TANDTC
    return used is not None and _in_order(rest, after[used : used + len(rest) + 2])


def _ministry_as_titled(name: str, said: str) -> bool:
    """A claimed "Bộ Giao thông" that the sentence names after a minister's title without "Bộ"."""
    return name.startswith(" bo ") and any(f" {title}{name[3:]}" in said for title in _MINISTERS)


_GIVEN_NAME = re.compile(rf"(?<!\w)(?:ông|bà)\s+([{UPPER_LETTERS}][{LOWER_LETTERS}]+)(?![\w-])")


def _by_given_name(sentence: str, claim: str) -> Span | None:
    """A person the sentence calls by the given name alone ("ông Thuận"), whom the claim names in full
    ("ông Võ Ngọc Quốc Thuận"): the last of two to five words after "ông" or "bà" in the claim."""
    for match in _GIVEN_NAME.finditer(sentence):
        given = _plain(match.group(1))
        if re.search(rf" (?:ong|ba)(?: \w+){{1,4}} {given} ", claim):
            return match.span(1)
    return None


def _in_order(words: list[str], among: list[str]) -> bool:
    """Whether `words` occur in `among` in this order (other words may come between)."""
    remaining = iter(among)
    return all(word in remaining for word in words)


def _another_body(sentence: str, position: int, body: list[str]) -> bool:
    """Whether the words after an office name a body (capitalised, not an abbreviation) other than
    the claim's: "Chủ nhiệm Uỷ ban Pháp luật" against "Chủ nhiệm Ủy ban Quốc phòng An ninh"."""
    # The office's body ends at a comma: "phó bí thư Chi bộ 5A, Trưởng ấp 5A" names no other body.
    following = re.split(r"[,;]", sentence[position : position + 80])[0].split()[: WORDS_OF_BODY + 2]
    named = [w for w in following if w[:1].isupper() and not w.isupper()]
    stated = {_plain(w).strip(",.;:()") for w in following}
    if any(_plain(w).strip(",.;:()") not in body for w in named) and any(w not in stated for w in body):
        return True
    # Another province ("Thành uỷ TP. HCM" against "thành ủy Đà Nẵng"), however it is abbreviated.
    claimed = {m.group() for m in _known_place_plain().finditer(" " + " ".join(body) + " ")}
    said = {m.group() for m in _known_place_plain().finditer(padded_words(" ".join(following)))}
    return bool(claimed) and bool(said) and not claimed & said
