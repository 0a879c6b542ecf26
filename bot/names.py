"""Names of people in Vietnamese news: the tables of bot/data/names.toml and the patterns built on them.

Shared by the answer finder (bot/spans.py) and the yes/no claim checker (bot/claims.py).
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

from bot.text import LOWER_LETTERS, UPPER_LETTERS

Span = tuple[int, int]

NAMES_FILE = Path(__file__).with_name("data") / "names.toml"


@functools.cache
def tables() -> dict[str, dict]:
    with NAMES_FILE.open("rb") as stream:
        return tomllib.load(stream)


def table(name: str) -> tuple[str, ...]:
    """One table of bot/data/names.toml (each keeps its source beside its words)."""
    return tuple(dict.fromkeys(tables()[name]["words"]))


def alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


UPPER = UPPER_LETTERS
NAME_SYLLABLE = rf"[{UPPER}][{LOWER_LETTERS}]+"
PERSON = re.compile(rf"(?<!\w)(?:{alternation(table('surnames'))})(?:\s+{NAME_SYLLABLE}){{1,3}}(?!\w)")
NOT_PEOPLE = re.compile(rf"(?<!\w)(?:{alternation(table('not_people'))})(?!\w)")
# "ông Trump", "Đại sứ David Pressman": a capitalised run after a title is a person, whatever the family name.
CAPITALISED_RUN = rf"[{UPPER}][\w'-]*(?:\s+[{UPPER}][\w'-]*){{0,3}}"
TITLED_RUN = re.compile(rf"(?<!\w)(?:{alternation(table('person_titles'))})\s+(?P<name>{CAPITALISED_RUN})(?!\w)")
NOT_NAME_START = re.compile(rf"(?:{alternation(table('not_name_start'))})(?!\w)")
# A province, a country or a region named anywhere ("Đồng Nai thu ngân sách...").
KNOWN_PLACE = re.compile(rf"(?<!\w)(?:{alternation(table('provinces') + table('countries'))})(?!\w)")

# A name right after one of these is a place or an institution named after a person.
PLACE_BEFORE_NAME = re.compile(
    r"(huyện|quận|thị xã|thị trấn|xã|phường|đường|phố|tỉnh|thành phố|TP\.?|trường|cầu|bệnh viện|"
    r"sân bay|cảng|khu|tư tưởng|Chủ tịch|lăng|nhà máy)\s*$",
    re.IGNORECASE,
)
# "Phó Chủ tịch UBND tỉnh Nguyễn Hồng Lĩnh": the province left unsaid, the name is the officer's.
OFFICE_OF_PLACE = re.compile(
    r"(UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ)\s+"
    r"(tỉnh|thành phố|huyện|quận|TP\.?)\s*$"
)


def office_titles() -> tuple[str, ...]:
    """Titles of offices ("bí thư", "chủ nhiệm"), from bot/data/names.toml."""
    return table("offices")


def people_in(sentence: str) -> list[Span]:
    """Where a sentence names people: a family name and given names, or a capitalised run after a title
    ("Đại sứ David Pressman"); places that start like a name ("Hà Nội") are not people."""
    masked = NOT_PEOPLE.sub(lambda m: "x" * len(m.group()), sentence)
    found = [
        m.span()
        for m in PERSON.finditer(masked)
        if not (PLACE_BEFORE_NAME.search(sentence, 0, m.start()) and not OFFICE_OF_PLACE.search(sentence, 0, m.start()))
    ]
    for match in TITLED_RUN.finditer(masked):
        start, end = match.span("name")
        if not (
            any(start < e and s < end for s, e in found)
            or NOT_NAME_START.match(sentence, start)
            or KNOWN_PLACE.fullmatch(sentence[start:end])
        ):
            found.append((start, end))
    return sorted(found)
