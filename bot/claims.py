"""Whether a sentence confirms or contradicts the claim of a yes/no question.

"Đại hội chọn 75 người vào Ban chấp hành đúng không?" is confirmed by a sentence that says "75
người" and contradicted by one that says "74 người"; "Ông X từng làm Bí thư Tỉnh ủy Hà Tĩnh phải
không?" is contradicted by "bí thư Tỉnh uỷ Nghệ An". A claim the sentence neither states nor
contradicts stays unclear: the bot says so rather than guess.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from bot.question import PLAIN_STOP_WORDS, Question
from bot.text import LOWER_LETTERS, UPPER_LETTERS, padded_words, strip_diacritics

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


# A number with the word after it ("75 người", "1,5 tỷ", "90%").
_AMOUNT = re.compile(r"(?<![\w/.,-])(\d+(?:[.,]\d+)*)\s*(%|[^\W\d_]+)")
# Numbers that place the claim (a year, a session, a date, a term) or name a document ("Chỉ thị
# 05", "Nghị quyết 18"), not what it states ("từ 2015"; but "đầu tư 15.000 tỷ" is an amount).
_PLACING = re.compile(
    r"(?:nam|thang|ngay|lan|khoa|thu|hoi|ky|so|quy|dot|tuan|gio|thi|quyet|dinh|luan|(?<!dau )tu|ban|van|bao|luat)\s*$"
)
# Words after a number that are no unit: "… 05 phải không?"
_NOT_UNITS = PLAIN_STOP_WORDS | {"phai", "khong", "dung", "chua", "that"}
_YEAR = re.compile(r"(?:19|20)\d\d")
_RUN = re.compile(rf"(?<!\w)[{UPPER_LETTERS}][{LOWER_LETTERS}]*(?:\s+[{UPPER_LETTERS}][{LOWER_LETTERS}]*)+(?!\w)")
_UNIT_SPELLINGS = {"ti": "ty"}


def _plain(text: str) -> str:
    return strip_diacritics(text).lower()


def _value(number: str) -> str:
    """ "15.000" and "15000", "1,5" and "1.5"... as one value (a dot groups thousands in Vietnamese)."""
    return number.replace(".", "").replace(",", ".")


def _amounts(text: str) -> list[tuple[str, str, Span]]:
    """(value, unit, span) of the numbers in `text` that state an amount (not a year, a date...)."""
    found = []
    for match in _AMOUNT.finditer(text):
        before = _plain(text[: match.start()])
        unit = _plain(match.group(2))
        if _YEAR.fullmatch(match.group(1)) or _PLACING.search(before) or unit in _NOT_UNITS or unit == "nam":
            continue
        found.append((_value(match.group(1)), _UNIT_SPELLINGS.get(unit, unit), match.span()))
    return found


def _claimed_names(question: Question) -> list[str]:
    """The names and places a claim states, as capitalised runs past its first word (none can be
    told from other words in a question typed without diacritics, which is typed in lowercase)."""
    if question.unaccented:
        return []
    text = question.topic or question.text
    names = []
    for match in _RUN.finditer(text):
        words = match.group().split()
        if not text[: match.start()].strip(" ,"):
            words = words[1:]  # "Ông Phan Đình Trạc" at the start: "Ông" is capitalised as the first word
        if len(words) >= 2:
            names.append(padded_words(" ".join(words)))
    return names


def check_claim(sentence: str, question: Question, title: str = "") -> Check:
    """How `sentence` (from an article with this title) bears on the claim of a yes/no question."""
    claim = padded_words(question.topic or question.text)
    said = padded_words(sentence)
    known = said + padded_words(title)
    confirming: list[Span] = []
    contrary: list[Span] = []
    claimed = _amounts(question.topic or question.text)
    stated = _amounts(sentence)
    for value, unit, _ in claimed:
        same = [span for v, u, span in stated if u == unit and v == value]
        others = [span for v, u, span in stated if u == unit and v != value]
        confirming.extend(same)
        if others and not same:
            contrary.extend(others)
    amounts_found = all(any(u == unit and v == value for v, u, _ in stated) for value, unit, _ in claimed)
    names = _claimed_names(question)
    names_found = all(name in known for name in names)
    for match in _RUN.finditer(sentence):
        name = padded_words(match.group())
        if name in claim:
            confirming.append(match.span())
            continue
        contrary_name = _in_place_of(name, padded_words(sentence[: match.start()]), claim, said)
        if contrary_name:
            contrary.append(match.span())
    if contrary:
        verdict = Verdict.NO
    elif (claimed or names) and amounts_found and names_found:
        verdict = Verdict.YES
    else:
        verdict = Verdict.UNCLEAR
    # The claim's own number first: it is what the question turns on.
    return Check(verdict, tuple(dict.fromkeys(confirming)), tuple(dict.fromkeys(contrary)))


def _in_place_of(name: str, before: str, claim: str, said: str) -> bool:
    """Whether the sentence's `name` stands where the claim has another one: the two words before it
    ("tỉnh uỷ" in "Tỉnh uỷ Nghệ An") are followed in the claim by words the sentence lacks
    ("tỉnh ủy Hà Tĩnh")."""
    anchor = before.split()[-2:]
    if len(anchor) < 2 or all(word in PLAIN_STOP_WORDS for word in anchor):
        return False
    position = claim.find(" " + " ".join(anchor) + " ")
    if position < 0:
        return False
    following = claim[position:].split()[2 : 2 + len(name.split())]
    if len(following) < len(name.split()) or any(w in PLAIN_STOP_WORDS or w.isdigit() for w in following):
        return False
    instead = " " + " ".join(following) + " "
    return instead != name and instead not in said
