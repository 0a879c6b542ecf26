"""Names of people in Vietnamese news: the tables of bot/data/names.toml and the patterns built on them.

Shared by the answer finder (bot/spans.py) and the yes/no claim checker (bot/claims.py).
"""

from __future__ import annotations

import functools
import re

from bot.tables import word_tables
from bot.text import LOWER_LETTERS, UPPER_LETTERS, strip_diacritics

Span = tuple[int, int]


def tables() -> dict[str, dict]:
    return word_tables("names")


def table(name: str) -> tuple[str, ...]:
    """One table of bot/data/names.toml (each keeps its source beside its words)."""
    return tuple(dict.fromkeys(tables()[name]["words"]))


def alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


UPPER = UPPER_LETTERS
# A given name may be one letter ("Nguyễn Thị Như Ý").
NAME_SYLLABLE = rf"[{UPPER}][{LOWER_LETTERS}]*"
# A Korean given name's second syllable after a hyphen, spaced or not ("Kim Jong-un", "Kim Yo - jong"):
# unaccented, so no Vietnamese word after a dash ("Trần Văn Sơn - nhân viên") is taken for it.
_HYPHENATED = r"(?:\s?-\s?[a-z]{2,5}(?![\w-]))?"
PERSON = re.compile(rf"(?<!\w)(?:{alternation(table('surnames'))})(?:\s+{NAME_SYLLABLE}){{1,3}}(?!\w){_HYPHENATED}")
_PLACE_WORDS = alternation(table("provinces") + table("countries"))
# (a province too: "Đắk Nông Nguyễn Bốn" names no one surnamed Nông)
NOT_PEOPLE = re.compile(
    rf"(?<!\w)(?:{alternation(table('not_people'))}|(?:{alternation(table('groups_of_a_place'))})\s+(?:{_PLACE_WORDS})"
    rf"|{alternation(table('provinces'))})(?!\w)"
)
_AFTER_SURNAME = re.compile(rf"(?<!\w)(?:{alternation(table('surnames'))})\s+$")


def mask_not_people(sentence: str) -> str:
    """The sentence with the places that start like a name ("Hà Nội") blanked out, so that "Hà Nội
    Nguyễn Văn Phong" yields the person; not where a family name opens them ("Bộ trưởng Nội vụ
    Nguyễn Thái Bình" is a person, not the province)."""
    return NOT_PEOPLE.sub(
        lambda m: m.group() if _AFTER_SURNAME.search(sentence, 0, m.start()) else "x" * len(m.group()), sentence
    )


# "ông Trump", "Đại sứ David Pressman": a capitalised run after a title is a person, whatever the family name.
CAPITALISED_RUN = rf"[{UPPER}][\w'-]*(?:\s+[{UPPER}][\w'-]*){{0,3}}"
TITLED_RUN = re.compile(rf"(?<!\w)(?:{alternation(table('person_titles'))})\s+(?P<name>{CAPITALISED_RUN})(?!\w)")
NOT_NAME_START = re.compile(rf"(?:{alternation(table('not_name_start'))})(?!\w)")
# A province, a country or a region named anywhere ("Đồng Nai thu ngân sách...").
KNOWN_PLACE = re.compile(rf"(?<!\w)(?:{_PLACE_WORDS})(?!\w)")
# "Ngoại trưởng Thụy Điển Tobias Billstrom", "Tổng tư lệnh quân đội Ukraine Oleksandr Syrsky", "đại sứ
# Mỹ tại Hungary David Pressman": a title, a few words of its body ending in a country, then the name.
# Or an international body, its abbreviation in brackets after it: "Tổng Thư ký Liên Hợp Quốc (LHQ) Antonio Guterres".
TITLED_FROM_PLACE = re.compile(
    rf"(?<!\w)(?:{alternation(table('person_titles'))})(?:\s+[{UPPER}]?[{LOWER_LETTERS}]+){{0,3}}"
    rf"\s+(?:{_PLACE_WORDS}|{alternation(table('international_bodies'))})(?:\s*\([{UPPER}]{{2,8}}\))?"
    rf"(?:\s+(?:tại|ở)\s+(?:{_PLACE_WORDS}))?\s+(?P<name>[{UPPER}][\w'-]+(?:\s+[{UPPER}][\w'-]+){{0,2}})(?!\w)"
)

# A name right after one of these is a place or an institution named after a person (no city is:
# "Sở Tài nguyên - Môi trường TP Nguyễn Toàn Thắng" is the department's director).
PLACE_BEFORE_NAME = re.compile(
    r"(huyện|quận|thị xã|thị trấn|xã|phường|đường|(?<!thành )phố|tỉnh|(?<!môi )trường|cầu|bệnh viện|"
    r"sân bay|cảng|khu|tư tưởng|lăng|nhà máy)\s*$",
    re.IGNORECASE,
)
# "Phó Chủ tịch UBND tỉnh Nguyễn Hồng Lĩnh": the province left unsaid, the name is the officer's.
OFFICE_OF_PLACE = re.compile(
    r"(UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ)\s+"
    r"(tỉnh|thành phố|huyện|quận|TP\.?)\s*$"
)


@functools.cache
def _plain_office_titles() -> str:
    return alternation(tuple({strip_diacritics(t).lower() for t in table("offices")}))


@functools.cache
def office_pattern() -> re.Pattern[str]:
    """An office's title in lowercase diacritic-free text, "phó" apart ("pho bi thu": deputy, "bi thu")."""
    return re.compile(rf"(?<!\w)(?P<deputy>pho\s+)?(?P<title>{_plain_office_titles()})(?!\w)")


@functools.cache
def _role_segment_ends() -> re.Pattern[str]:
    """Where the words before a name stop being its offices: at a stop, "cùng", "với", and at a "và" opening
    another person's ("… Nguyễn X và Phó Bí thư …", not "Bộ trưởng Thông tin và Truyền thông …")."""
    titles = _plain_office_titles()
    # (the stop of an abbreviation, "TP. HCM", "PGS.TS.", ends nothing)
    return re.compile(
        rf"[;:()]|(?<!tp)(?<!gs)(?<!ts)\.|\s(?:cung|voi)\s|\sva\s(?=(?:pho\s+)?(?:{titles}|ong|ba|dong chi)(?!\w))"
    )


_ABBREVIATION_IN_BRACKETS = re.compile(r"\(\s*[a-z][a-z&.-]{1,11}\s*\)")

# Words that say a person holds the office after them.
_HOLDS = re.compile(
    r"\s+(?:(?:tung|dang|hien|nguyen|da)\s+)?(?:la|lam|giu chuc|giu cuong vi|dam nhan|dam nhiem|duoc bau lam"
    r"|duoc bau giu chuc|duoc bo nhiem lam|duoc bo nhiem giu chuc|nhan nhiem vu|nhan chuc"
    r"|kinh qua cac (?:vi tri|chuc vu|cuong vi)\s*:?)\s+"
)


def offices_held(plain: str, person: Span) -> list[re.Match[str]]:
    """The offices a sentence (lowercase, diacritic-free) gives the person at `person`: before the
    name back to the clause's start or another name, and after it the comma-separated parts that
    open with an office ("Nguyễn X, Ủy viên Trung ương Đảng, Bộ trưởng Bộ Tài chính, …")."""
    start, end = person
    # "Bộ trưởng Bộ Giao thông vận tải (GTVT) Nguyễn Văn Thể": a body's abbreviation in brackets ends no clause.
    before = _ABBREVIATION_IN_BRACKETS.sub(lambda m: " " * len(m.group()), plain[max(0, start - 80) : start])
    cut = max((m.end() for m in _role_segment_ends().finditer(before)), default=0)
    segments = [(max(0, start - 80) + cut, start)]
    position = end
    # "X là Phó bí thư Quận ủy …", "X từng kinh qua các vị trí: giám đốc Sở …, Bí thư Tỉnh ủy …": the
    # offices the sentence says X holds or held, the first and those after it in a list.
    if (said := _HOLDS.match(plain, end)) is not None and office_pattern().match(plain, said.end()):
        stop = re.search(r"[,;.()]", plain[said.end() :])
        position = said.end() + (stop.start() if stop else len(plain) - said.end())
        segments.append((said.end(), position))
    # "Triệu Chính Vĩnh (Zhao Zhengyong) cựu bí thư tỉnh Thiểm Tây": the office after a name's alias in brackets.
    if (alias := _ALIAS.match(plain, position)) is not None and _opens_with_office(plain[alias.end() :]):
        stop = re.search(r"[,;.()]", plain[alias.end() :])
        position = alias.end() + (stop.start() if stop else len(plain) - alias.end())
        segments.append((alias.end(), position))
    while (part := re.match(r"\s*[,(–-]\s*([^,;.()–]*)", plain[position:])) is not None:
        if not _opens_with_office(part.group(1)) and not part.group(1).startswith(_FORMER):
            break
        segments.append((position + part.start(1), position + part.end(1)))
        position += part.end()
    return [m for first, last in segments for m in office_pattern().finditer(plain, first, last)]


_ALIAS = re.compile(r"\s*\([^()]{1,40}\)\s*")
# "nguyên", "cựu", "ủy viên …" before an office; a committee member's title before one goes on the list of
# them ("Lê Hồng Minh - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh").
_FORMER = ("nguyen ", "cuu ", "uy vien ", "tinh uy vien", "thanh uy vien", "huyen uy vien", "quan uy vien")


def _opens_with_office(text: str) -> bool:
    """Whether `text` (plain) opens with an office, past "nguyên", "cựu" or "ủy viên"."""
    for former in _FORMER:
        text = text.removeprefix(former)
    return office_pattern().match(text) is not None


def people_in(sentence: str) -> list[Span]:
    """Where a sentence names people: a family name and given names, or a capitalised run after a title
    ("Đại sứ David Pressman"); places that start like a name ("Hà Nội") are not people."""
    masked = mask_not_people(sentence)
    found = [
        m.span()
        for m in PERSON.finditer(masked)
        if not (PLACE_BEFORE_NAME.search(sentence, 0, m.start()) and not OFFICE_OF_PLACE.search(sentence, 0, m.start()))
    ]
    for match in [*TITLED_FROM_PLACE.finditer(sentence), *TITLED_RUN.finditer(masked)]:
        start, end = match.span("name")
        if not (
            any(start < e and s < end for s, e in found)
            or KNOWN_PLACE.match(sentence, start)  # "Ngoại trưởng Thụy Điển Tobias …": the country, then the name
            or NOT_NAME_START.match(sentence, start)
            or KNOWN_PLACE.fullmatch(sentence[start:end])
        ):
            found.append((start, end))
    return sorted(found)
