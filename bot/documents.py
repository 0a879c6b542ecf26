"""The documents the articles cite (directives, resolutions, decisions, laws …), read at index time.

`build_registry(articles)` finds each numbered document a title or sentence names ("Chỉ thị số
05-CT/TW ngày 15/5/2016 của Bộ Chính trị về …"), reads what that sentence states of it (kind,
number, code, issuer, date or year of issue, subject) and gathers one document's mentions across
articles. Mentions of one kind and number are one document unless their issuer group (/TW, -TTg,
a province's /TU …) or year differ; a mention that states neither joins the only document it fits.
A law cited by its title alone ("Luật Đất đai năm 2013") is a document of the Quốc hội too; the articles
of a law a sentence cites ("theo khoản 4 Điều 188 Bộ luật Hình sự 2015") are kept as its provisions, with
the offence the sentence names for each.

`registry_answer` answers a question about a document (what it is about, who issued it, when, which
one is about a topic; what offence an article of a code defines, which article a case comes under) with the sentence of a citing article that states it, or nothing when the
sentences do not settle it. The word tables are in bot/data/documents.toml. Plain code: no
Telegram, no formatting.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import functools
import hashlib
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.corpus import Article
from bot.names import people_in
from bot.names import table as names_table
from bot.question import NOT_A_DOCUMENT_BEFORE, expand_shorthand, people_named_in, places_in, spellings_of
from bot.tables import DATA_DIR, word_tables
from bot.text import (
    LOWER_LETTERS,
    UPPER_LETTERS,
    abbreviations_of,
    canonicalize,
    clause_of,
    concept_terms,
    split_sentences,
    strip_diacritics,
)

TABLES_FILE = DATA_DIR / "documents.toml"
PROVINCES_FILE = DATA_DIR / "names.toml"
# Raise when the extraction changes: with the tables' bytes it keys the cached registry.
EXTRACTION_VERSION = "56"
MAX_SUBJECT_WORDS = 30

T = TypeVar("T")


def _tables() -> dict:
    return word_tables("documents")


@functools.cache
def _provinces() -> tuple[str, ...]:
    return tuple(canonicalize(p) for p in word_tables("names")["provinces"]["words"])


def registry_key() -> str:
    """Changes whenever the extraction or its tables do (the cached registry is then rebuilt)."""
    digest = hashlib.sha256(EXTRACTION_VERSION.encode())
    for path in (TABLES_FILE, PROVINCES_FILE):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _plain(text: str) -> str:
    return " ".join(strip_diacritics(text).lower().split())


# --- what a registry holds --------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """A sentence (or a title) of one article that names the document."""

    article: int  # position in the index's articles
    sentence: str


@dataclass(frozen=True)
class Document:
    """One cited document and what the articles state of it, each fact with the sentence it came from."""

    key: str  # short and stable for a given corpus (fits in callback data)
    kind: str  # "Chỉ thị"
    number: str  # as written most often: "05"; "" for a law cited by its name alone
    code: str | None  # "05-CT/TW"
    issuer: str | None  # "Bộ Chính trị"; from the code alone ("Thủ tướng Chính phủ" for -TTg) when none is named
    issuer_citation: Citation | None  # None when the issuer is read from the code
    group: str | None  # who numbers it: "TW", "TTg", "TU" … (bot/data/documents.toml)
    year: int | None
    date: dt.date | None
    date_citation: Citation | None  # the sentence stating the date or the year
    subject: str | None  # what follows "về": "đẩy mạnh học tập và làm theo …"
    subject_citation: Citation | None
    citations: tuple[Citation, ...]  # the first naming sentence of each citing article, in article order
    title: str | None = None  # a law's name: "Luật Đất đai"

    @property
    def name(self) -> str:
        """ "Chỉ thị số 05-CT/TW", "Luật Đất đai 2013"."""
        if self.title:
            return f"{self.title} {self.year}" if self.year else self.title
        return f"{self.kind} số {self.code or self.number}"

    @property
    def ordinal(self) -> int:
        """The number as a number (0 for a law cited by name)."""
        return int(self.number) if self.number else 0

    @property
    def articles(self) -> list[int]:
        return [c.article for c in self.citations]


# --- reading mentions -------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_DATE_OPENING = (
    r"(?:ngày\s+(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>(?:19|20)\d\d)"
    r"|ngày\s+(?P<day2>\d{1,2})\s+tháng\s+(?P<month2>\d{1,2})\s+năm\s+(?P<year2>(?:19|20)\d\d)"
    r"|(?:trong\s+|vào\s+)?năm\s+(?P<year3>(?:19|20)\d\d)"
    r"|tháng\s+(?P<month4>\d{1,2})\s*[/.-]\s*(?P<year4>(?:19|20)\d\d))"
)


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    tables = _tables()
    kinds = [canonicalize(k) for k in tables["kinds"]["names"]]
    codes = _alternation(tables["kinds"]["codes"]).replace("Đ", "[ĐÐ]")  # an eth is typed for the Đ too
    issuers = _alternation(canonicalize(name) for name in tables["issuers"] if name != "source")
    level = r"\s+(?:tỉnh|thành phố|TP\.?|huyện|quận)"
    # "UBND tỉnh Hà Tĩnh"; "UBND TP" where the article has named the city already.
    place = rf"(?:(?:{level})?\s+(?P<place>{_alternation(_provinces())})|(?P<level>{level})(?!\w))?"
    term = r"(?:\s+(?:khóa|nhiệm kỳ)\s+[IVXLivxl\d]+)?"
    # "Hội nghị lần thứ 7 Ban Chấp hành Trung ương", "Hội nghị Trung ương 7 khóa X": a plenum issues as its body.
    plenum = r"(?:Hội nghị\s+(?:lần\s+thứ\s+[\w]+\s+)?(?:của\s+)?)?"
    session = r"(?:\s+(?:lần\s+thứ\s+)?\d{1,2}(?!\d))?"
    rest = r"(?P<rest>(?:[-/][0-9A-Za-zĐđÐ]+)*)"
    offices = _alternation(canonicalize(o) for o in names_table("offices"))
    return {
        # "quy định 1,25 tỷ" is an amount: a number with decimals is never a document's.
        "mention": re.compile(
            rf"(?<!\w)(?P<kind>{_alternation(kinds)})(?:\s+số)?\s+(?P<number>\d{{1,5}})(?![.,]\d){rest}(?![\w])", re.I
        ),
        # A code standing alone: "theo 05-CT/TW" (an issuer part is required: "3/CT" alone is too little).
        "code": re.compile(
            rf"(?<![\w/-])(?P<number>\d{{1,5}})(?P<rest>(?:/(?:19|20)\d\d)?[-/](?:{codes})(?:[-/][A-Za-zĐđÐ]+\d{{0,2}})+)(?![\w/-])"
        ),
        # A bare number followed by a unit is a quantity ("kết luận 3 sai phạm" is caught by "verbs").
        # "Kế hoạch 5 năm 2016-2020" is a period too; "Chỉ thị 12 năm 2019" is a document's year.
        "unit": re.compile(
            r"\s*(?:%|năm(?!\s+(?:19|20)\d\d(?!\s*[-–]\s*\d))|tháng(?!\s+\d)|người|tỷ|triệu|nghìn|đồng|lần)(?!\w)", re.I
        ),
        "date": re.compile(
            r"(?:ban hành\s+)?(?:vào\s+)?ngày\s+(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>(?:19|20)\d\d)(?!\d)"
            r"|(?:ban hành\s+)?(?:vào\s+)?ngày\s+(?P<day2>\d{1,2})\s+tháng\s+(?P<month2>\d{1,2})\s+năm\s+(?P<year2>(?:19|20)\d\d)(?!\d)"
            r"|(?:ban hành\s+)?(?:vào\s+|trong\s+)?năm\s+(?P<year3>(?:19|20)\d\d)(?!\d)"
            # "Quyết định số 1637/QĐ-UBND tháng 6/2017": the month of issue, read as its year.
            r"|(?:ban hành\s+)?(?:vào\s+|trong\s+|từ\s+)?tháng\s+(?P<month4>\d{1,2})\s*[/.-]\s*(?P<year4>(?:19|20)\d\d)(?!\d)",
            re.I,
        ),
        # A date opening the clause, right before the issuer: "Năm 2011, ", "Ngày 19/5/2019, ", "tháng 4-2019, ".
        "date_before": re.compile(rf"(?<!\w){_DATE_OPENING}(?!\d)\s*,?\s*$", re.I),
        # … or opening the sentence, its signer between it and "ký ban hành": "Cuối năm 2016 Ủy viên Bộ Chính
        # trị, Thường trực Ban Bí thư Đinh Thế Huynh đã ký ban hành Chỉ thị số 11-CT/TW".
        "date_opening": re.compile(rf"\W*(?:(?:cuối|đầu|giữa|hồi|vào|trong)\s+)?{_DATE_OPENING}(?!\d)", re.I),
        "issuing_before": re.compile(r"(?<!\w)(?:đã\s+|vừa\s+)?(?:ký\s+ban\s+hành|ký|ban\s+hành)\s*$", re.I),
        # … or the act it carries out, done to someone under it: "Tháng 10/2010, ông Trương Văn Tuyến được bổ
        # nhiệm làm Tổng giám đốc Vinashin theo quyết định số 1832".
        "acted_under": re.compile(
            rf"(?<!\w)(?:được|bị)\s+(?:{_alternation(tables['acted_under']['words'])})(?!\w)[^;,]*\s(?:theo|tại)\s*$",
            re.I,
        ),
        # Its issuer acting in it, opening the clause after it: "Tại Quyết định số 1433/QĐ-TTg ngày 26/10, Thủ
        # tướng xoá tư cách …".
        "issuer_acting": re.compile(
            rf",\s*(?P<issuer>{issuers}){place}{term}\s+(?:đã\s+|vừa\s+)?(?=[{LOWER_LETTERS}])", re.I
        ),
        "issuer_after": re.compile(rf"(?:của|do)\s+{plenum}(?P<issuer>{issuers}){place}{session}{term}(?!\w)", re.I),
        # The head of an issuer signing for it ("Chỉ thị số 06/CT-BYT ngày 11/8/2017 của Bộ trưởng Bộ Y tế về …").
        "office_after": re.compile(
            rf"(?:của|do)\s+(?:phó\s+)?(?:{offices})\s+(?P<issuer>{issuers}){place}{term}(?!\w)",
            re.I,
        ),
        "issuer_before": re.compile(
            rf"(?<!\w)(?P<issuer>{issuers}){place}{session}{term}"
            rf"(?:\s+(?:{_alternation(tables['issuer_verbs']['words'])}))+\s*$",
            re.I,
        ),
        "subject": re.compile(r"(?:về việc|về)\s+(?:về\s+)?", re.I),
        # "… quy định chế độ, chính sách …", "… quy định 17 ngành nghề …": what it provides.
        "describing": re.compile(
            rf"(?:{_alternation(tables['subject_unmarked']['describing'])})\s+(?=[{LOWER_LETTERS}\d])"
        ),
        # "về phía nguyên đơn", "về phần mình": as for someone, not what the document is about.
        "not_about": re.compile(rf"(?:{_alternation(tables['subject_not_about']['words'])})(?!\w)", re.I),
        "event_place": re.compile(
            rf"\s+(?:{_alternation(tables['subject_event_places']['words'])})"
            rf"(?:\s+(?:tỉnh|thành phố|TP\.?|huyện|quận))?\s+(?:{_alternation(_provinces())})$",
            re.I,
        ),
        "issuer_end": re.compile(rf"(?<!\w)(?:{issuers})$", re.I),
        "issuer_named": re.compile(rf"(?<!\w)(?P<issuer>{issuers}){place}(?!\w)", re.I),
        "issuer_start": re.compile(rf"(?:{issuers})(?!\w)", re.I),
        "event_time": re.compile(
            rf"\s+(?:{_alternation(tables['subject_event_places']['times'])})(?:\s+\d|\s*,|\s*\.|$)"
            rf"|\s+(?:{_alternation(t for t in tables['subject_event_places']['times'] if ' ' in t)})(?!\w)",
            re.I,
        ),
        # "Bộ Chính trị đã ra chỉ thị mới về <topic> để thay Chỉ thị số 21-CT/TW": a replacement is on its matter.
        "replacing": re.compile(
            rf"(?<!\w)(?:{_alternation(kinds)})\s+mới\s+về\s+(?P<topic>[^;:()]+?)\s+(?:để\s+)?thay(?:\s+thế)?(?:\s+cho)?\s+$",
            re.I,
        ),
        # A local code's province right after it: "Nghị quyết 14/2013/NQ-HĐND TP Hà Nội về …".
        "code_place": re.compile(
            rf"(?:(?:tỉnh|thành phố|TP\.?)\s+)?(?P<place>{_alternation(_provinces())})(?!\w)", re.I
        ),
        # (a quote may open a subject written in quotes: 'Nghị quyết số 15 " về việc …"')
        "gap": re.compile(r"\s*,?\s*(?:[\"“]\s*(?=về\s))?"),
        # "…, Chỉ thị số 22 …", "… và Thông báo Kết luận số 50 …": the next document of a list.
        "listing": re.compile(rf"(?:,|\s+và)\s+(?:\S+\s+){{0,2}}?(?:{_alternation(kinds)})(?:\s+số)?\s+\d", re.I),
        # A dash between numbers is a range ("nhiệm kỳ 2015 - 2020"), not a break.
        # … and a time of day with a date is when the sentence's event took place ("… chiều 18-6").
        # "được Tổng Bí thư ký", "ban hành cuối năm ngoái": the sentence's predicate.
        "stop": re.compile(
            rf"[;:()]|(?<!\d)\s[-–—]\s(?!\d)|…|\.\.\.|\s(?:sáng|trưa|chiều|tối)\s+\d|\sđược\s+[{UPPER_LETTERS}][{LOWER_LETTERS}]"
            r"|\sban hành\s+(?:cuối|đầu|giữa|vào|từ|năm|tháng|ngày)\s"
        ),
        "quote": re.compile(r"[\"“”«»]"),
        # A law by its title, with its year when one follows: "Luật Đất đai năm 2013", "Bộ luật Hình sự 2015";
        # not the misspelt "kết luật thanh tra" (a kết luận).
        "law": re.compile(
            r"(?<!\w)(?<!kết\s)(?P<law>"
            + "|".join(
                re.escape(t).replace(r",\ ", r",?\ ").replace(r"\ ", r"\s+")
                for t in sorted([*tables["laws"]["titles"], *tables["laws"]["short_names"]], key=len, reverse=True)
            )
            + r")(?:\s+(?:năm\s+)?(?P<year>(?:19|20)\d\d)(?!\d))?(?![\w-])",
            re.I,
        ),
        "draft": re.compile(r"(?<!\w)(?:dự thảo|dự án|dự)\s*$", re.I),  # "dự Luật …" is a bill too
        "amended": re.compile(r"\s*\(\s*sửa đổi\s*\)", re.I),
        # "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế năm 2014": the year is the amending law's.
        "amending": re.compile(r"luật\s+sửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều)?(?:\s+của)?\s*$", re.I),
        "other_kind": re.compile(rf"(?<!\w)(?:{_alternation(tables['kinds']['others'])})(?:\s+số)?\s*$", re.I),
        "comma_term": re.compile(
            "|".join(
                r"(?<!\w)" + r",\s*".join(_alternation([part]) for part in term.split(", ")) + r"(?!\w)"
                for term in tables["subject_comma_terms"]["words"]
            ),
            re.I,
        ),
        "dash_term": re.compile(
            "|".join(
                r"(?<!\w)" + r"\s+[-–]\s+".join(_alternation([part]) for part in term.split(" - ")) + r"(?!\w)"
                # A province's name written with a dash ("Thừa Thiên - Huế", names.toml) is one term too.
                for term in [*tables["subject_dash_terms"]["words"], *(p for p in _provinces() if " - " in p)]
            ),
            re.I,
        ),
        # A code written with spaces after a bare number: "58 - QĐ / TW", "38 / QH 14", "54 NQ - CP".
        "term_number": re.compile(r"\s+\d{1,2}(?![\w/.,-])"),
        "spaced_code": re.compile(
            r"(?:\s*[-/]\s*|\s+)[A-ZĐÐ][A-Za-zĐđÐ]*(?:\s*[-/]\s*[A-ZĐÐ][A-Za-zĐđÐ]*)*(?:\s+\d{1,2}(?!\d))?"
        ),
        "predicate": re.compile(rf"\s(?:{_alternation(tables['subject_predicates']['words'])})(?!\w)"),
        # Case matters: a capitalised word after the comma opens a new clause ("…, Thủ tướng yêu cầu"),
        # an abbreviation goes on listing ("tuyển sinh ĐH, CĐ chính quy").
        "clause": re.compile(
            rf",\s+(?:(?:{_alternation(tables['subject_ends']['words'])})(?!\w)|[{UPPER_LETTERS}][{LOWER_LETTERS}])"
        ),
    }


@dataclass
class _Mention:
    """What one sentence states of one document."""

    kind: str
    number: int
    written: str
    code: str | None
    group: str | None
    year: int | None
    dated: bool  # the sentence states the date or the year
    citation: Citation
    # Read from the rest of the sentence, when it says them (`_read_tail`).
    place: str | None = None  # a local issuer's province, plain ("nghe an")
    issuer: str | None = None  # as named in the sentence
    date: dt.date | None = None
    subject: str | None = None
    title: str | None = None  # a law cited by its name
    span: tuple[int, int] = (0, 0)  # where the sentence names it
    # What a document replacing it is about ("chỉ thị mới về … ma túy … để thay Chỉ thị số 21"): its
    # matter too, to tell it from another of its number, though not its subject as written.
    replaced_by: str | None = None
    # What the sentence says it provides, without "về" ("Nghị định 26 quy định chế độ … đối với cán bộ"):
    # its matter too, to tell it from another of its number, though not a subject as written.
    matter: str | None = None
    # Where its date and issuer written after it end ("Quyết định số 2230/QĐ-UBND, ngày 21-7-2014 của Ủy ban
    # nhân dân tỉnh| chấp thuận …"): what it does may be written next, without "về".
    tail_end: int = 0
    # Where it states a day of issue without its year ("Quyết định số 1433/QĐ-TTg ngày 26/10"): no date, yet
    # what "ban hành ngày nào?" asks.
    day: tuple[int, int] | None = None


def _code_parts(rest: str) -> tuple[str | None, int | None, str | None]:
    """The kind, year and issuer group a code's parts state ("31/2018/CT-TTg": Chỉ thị, 2018, TTg)."""
    tables = _tables()
    kind_codes = {_part_key(c): k for c, k in tables["kinds"]["codes"].items()}
    issuer_codes = {_part_key(c): v[1] for c, v in tables["code_issuers"].items() if c != "source"}
    kind = year = group = other = None
    for part in re.split(r"[-/]", rest)[1:]:
        if re.fullmatch(r"(?:19|20)\d\d", part):
            year = int(part)
        elif kind is None and _part_key(part) in kind_codes:
            kind = kind_codes[_part_key(part)]
        elif group is None and _part_key(re.sub(r"\d+$", "", part)) in issuer_codes:
            group = issuer_codes[_part_key(re.sub(r"\d+$", "", part))]
        elif other is None and kind is not None and re.fullmatch(r"[^\W\d_]{2,}", part):
            other = _part_key(part)
    # An issuer the tables do not know ("18/2016/NQ-HĐQT", a company's board) still numbers its own.
    return kind, year, group or other


def _part_key(part: str) -> str:
    """A code part as compared: "QĐ", "qd", "Qđ" and "QÐ" (an Icelandic eth for the Đ) alike."""
    return strip_diacritics(part.replace("Ð", "D")).upper()


def _issuer_group(name: str) -> str:
    return _issuer_groups()[_plain(name)]


@functools.cache
def _issuer_groups() -> dict[str, str]:
    return _by_plain_name("issuers")


@functools.cache
def _by_plain_name(table: str) -> dict[str, str]:
    """A documents.toml table of names (as written = value), keyed by the names' plain form."""
    return {_plain(k): v for k, v in _tables()[table].items() if k != "source"}


@functools.cache
def _verbs() -> frozenset[str]:
    return frozenset(_plain(v) for v in _tables()["kinds"]["verbs"])


_CLOSING_QUOTE = re.compile(r'[”"]')


def _subject(sentence: str, start: int) -> str | None:
    """The subject after "về" at `start`: up to the end of its clause, at most MAX_SUBJECT_WORDS words."""
    patterns = _patterns()
    text = sentence[start:]
    # A dash inside a paired term ("kinh tế - xã hội") is no break: the breaks are searched with it masked.
    masked = patterns["dash_term"].sub(lambda m: m.group().replace("-", "~").replace("–", "~"), text)
    # … and so is the comma of a paired term ("sự lãnh đạo, chỉ đạo" though "chỉ đạo" may open a clause).
    masked = patterns["comma_term"].sub(lambda m: m.group().replace(",", "~"), masked)
    end = len(text)
    for name in ("stop", "listing", "predicate"):
        match = patterns[name].search(masked)
        if match:
            end = min(end, match.start())
    # A clause opens after a comma with a capitalised word, or with an issuer written in capitals
    # ("… 3 loại rừng, UBND TP Đà Nẵng đã tiến hành …").
    breaks = [m.start() for m in patterns["clause"].finditer(masked, 0, end)]
    breaks += [
        m.start()
        for m in re.finditer(rf",\s+(?=[{UPPER_LETTERS}])", masked[:end])
        if patterns["issuer_start"].match(masked, m.end())
    ]
    for comma in sorted(set(breaks)):
        # "… thuộc diện Bộ Chính trị, Ban Bí thư quản lý": a list of bodies goes on.
        after = comma + len(re.match(r",\s*", masked[comma:]).group())  # type: ignore[union-attr]
        if not (patterns["issuer_end"].search(masked, 0, comma) and patterns["issuer_start"].match(masked, after)):
            end = comma
            break
    # A quoted name inside the subject stays ("cuộc vận động “Người Việt Nam …”"); a quote closing
    # one opened before the subject ends it.
    opened = 0
    for quote in patterns["quote"].finditer(text, 0, end):
        straight = quote.group() == '"'
        closes = quote.group() in "”»" or (straight and (opened % 2 == 1 or '"' not in text[quote.end() :]))
        if closes and opened == 0:
            end = quote.start()
            break
        opened += -1 if closes else 1
    # A subject opening with a quote ends where it closes ("về “Chính sách trọng dụng nhân tài …” quy định, …").
    if text[:1] in '"“' and (closing := _CLOSING_QUOTE.search(text, 1, end)):
        end = closing.end()
    kept = text[:end].rstrip()
    if patterns["event_time"].match(text, len(kept)):
        # "… trên địa bàn TP. HCM sáng nay 20-4": where and when the sentence's event took place.
        kept = patterns["event_place"].sub("", kept)
    words = kept.strip().rstrip(".,!?").split()
    while words and words[-1].lower() in _dangling():
        words.pop()  # "… đối với ông B do" cut before "đã có vi phạm": "do" opens that clause
    quoted = " ".join(words)
    if quoted.startswith(('"', "“")) and quoted.endswith(('"', "”")) and not any(q in quoted[1:-1] for q in '"“”'):
        words = quoted[1:-1].split()  # a subject wholly in quotes: "về \" đổi mới, sắp xếp … \"", "về “Chính sách …”"
    vague = _vague_subjects()
    for tail in range(2, 6):  # "… của cán bộ, đảng viên và nội dung này": the pointer back is dropped
        if len(words) > tail + 1 and words[-tail - 1] == "và" and _plain(" ".join(words[-tail:])) in vague:
            words = words[: -tail - 1]
            break
    if len(words) < 2 or _plain(" ".join(words)) in vague:
        return None
    if len(words) > MAX_SUBJECT_WORDS:
        return " ".join(words[:MAX_SUBJECT_WORDS]) + " …"
    return " ".join(words)


def _read_tail(sentence: str, position: int, mention: _Mention) -> None:
    """What follows a mention: its date or year, issuer and subject, in any order."""
    patterns = _patterns()
    mention.tail_end = position
    for _ in range(4):
        gap = patterns["gap"].match(sentence, position)
        position = gap.end() if gap else position
        date = patterns["date"].match(sentence, position)
        if date:
            position = date.end()
            if not _date_read(mention, date):
                return  # no such day: what follows is not about this document either
            mention.tail_end = position
            continue
        if day := _DAY_WITHOUT_YEAR.match(sentence, position):
            # "Thông báo số 138 ngày 27/10 của Uỷ ban Kiểm tra Trung ương về …": no date for want of its
            # year, but its issuer and subject follow all the same.
            position = mention.tail_end = day.end()
            mention.day = (day.start("day"), day.end())
            continue
        right_after_a_local_code = (
            mention.code
            and mention.group in _LOCAL_GROUPS
            and mention.place is None
            and mention.tail_end == mention.span[1]
        )
        if right_after_a_local_code and (place := patterns["code_place"].match(sentence, position)):
            mention.place = _province(_plain(place["place"]))
            position = mention.tail_end = place.end()
            continue
        issuer = patterns["issuer_after"].match(sentence, position)
        if issuer:
            _set_issuer(mention, issuer)
            position = mention.tail_end = issuer.end()
            continue
        if office := patterns["office_after"].match(sentence, position):
            # A ministry's head issues for it ("chỉ thị 03 của bộ trưởng Bộ Công thương"); a local body's is
            # read past only: its province may be the article's, not the sentence's.
            if _issuer_group(office["issuer"]) not in _LOCAL_GROUPS:
                _set_issuer(mention, office)
            position = mention.tail_end = office.end()
            continue
        subject = patterns["subject"].match(sentence, position)
        if subject and not patterns["not_about"].match(sentence, subject.end()):
            mention.subject = _subject(sentence, subject.end())
        elif described := patterns["describing"].match(sentence, position):
            mention.matter = _subject(sentence, described.end())
        return


_DAY_WITHOUT_YEAR = re.compile(r"(?:ban hành\s+)?(?:vào\s+)?(?P<day>ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2})(?![\d/.-])", re.I)


def _date_read(mention: _Mention, date: re.Match[str]) -> bool:
    """The date or year a "date" match states, given to the mention; False for a day that does not exist."""
    year_only = date["year3"] or date.groupdict().get("year4")
    if year_only:
        mention.year = mention.year or int(year_only)
    else:
        day, month, year = (int(date[g] or date[f"{g}2"]) for g in ("day", "month", "year"))
        try:
            mention.date = dt.date(year, month, day)
        except ValueError:
            return False
        mention.year = mention.year or year
    mention.dated = True
    return True


# Issuer groups numbering their documents per province: one number is every province's.
_LOCAL_GROUPS = frozenset({"UBND", "HĐND", "TU", "HU"})


def _names_only_its_level(sentence: str, mention: _Mention) -> bool:
    """Whether a sentence names a mention's local issuer by its level and no place: "UBND thành phố",
    "Chủ tịch Uỷ ban nhân dân Thành phố" (not "UBND thành phố Hà Nội", nor "Thành ủy", which names no level)."""
    plain = _plain(sentence)
    names = [mention.issuer] if mention.issuer else [n for n, g in _tables()["issuers"].items() if g == mention.group]
    for named in (_plain(n) for n in names):
        for at in re.finditer(rf"(?<![\w/-]){re.escape(named)}(?!\w)", plain):
            after = plain[at.end() :].split()
            level = 2 if after[:2] == ["thanh", "pho"] else 1 if after[:1] in (["tinh"], ["tp"]) else 0
            if level and not places_in(" ".join(after[level : level + 4])):
                return True
    return False


def _province(place: str) -> str:
    """A province however written ("tp. hcm", "thanh pho ho chi minh"), as `places_in` names it."""
    named = places_in(place)
    return named[0] if named else place


def _set_issuer(mention: _Mention, match: re.Match[str]) -> None:
    group = _issuer_group(match["issuer"])
    if not match["place"] and _plain(match.string[match.end() : match.end() + 30]).startswith(_longer_names()):
        return  # "Ban Chấp hành Trung ương Hội Luật gia", "Trung ương Đoàn": another body's
    if f" {_plain(match.string[max(0, match.start('issuer') - 30) : match.start('issuer')])}".endswith(
        _part_of_a_body()
    ):
        return  # "Ủy ban kiểm tra Tỉnh ủy", "Văn phòng Thành ủy": a body of the issuer's, not the issuer
    if mention.group is not None and group != mention.group:
        return  # "05-CT/TW của Tỉnh ủy": the code says who issued it; the words may name who carries it out
    mention.group = group
    end = match.end("place") if match["place"] else match.end("level") if match["level"] else match.end("issuer")
    issuer = " ".join(match.string[match.start("issuer") : end].split())
    mention.issuer = issuer[:1].upper() + issuer[1:]  # "của uỷ ban Thường vụ Quốc hội" names the body all the same
    if match["place"]:
        mention.place = _province(_plain(match["place"]))


def _mentions_in(sentence: str, citation: Citation) -> list[_Mention]:
    patterns = _patterns()
    verbs = _verbs()
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = []
    for match in patterns["mention"].finditer(sentence):
        kind_written = match["kind"]
        if (
            match["rest"]
            and not re.search(r"[^\W\d_]", match["rest"])
            and not re.fullmatch(r"/(?:19|20)\d\d", match["rest"])
        ):
            continue  # "kế hoạch 2018-2020" is a period, "Quyết định 15/3" a date: no code
        bare = not match["rest"] and "số" not in match.group(0).lower()
        if (
            bare
            and _plain(kind_written) in verbs
            and (kind_written[0].islower() or _opens_a_clause(sentence, match))
            and not _after_a_word_taking_a_document(sentence, match.start())
        ):
            continue  # "thông báo 12 ca mắc mới" is the verb; "có thông báo 1483 …", "theo quyết định 367 …" name one
        if bare and patterns["unit"].match(sentence, match.end()):
            continue
        if f" {_plain(sentence[max(0, match.start() - 20) : match.start()])}".endswith(_named_after()):
            continue  # "Công ty Luật số 5" is a firm, not a law
        if patterns["draft"].search(sentence, max(0, match.start() - 20), match.start()):
            continue  # "dự thảo Thông tư 59": a draft, not an issued document
        canonical = next(k for k in _tables()["kinds"]["names"] if _plain(k) == _plain(kind_written))
        if bare and _plain(kind_written) in _numbered_only():
            continue  # "kết luận thanh tra 312 biệt thự": a count; "kết luận thanh tra số 5" names one
        canonical = _tables()["kinds"]["aliases"].get(canonical, canonical)
        rest, end = match["rest"], match.end()
        if not rest or rest[-1].isdigit():  # "Quyết định số 58 - QĐ / TW", "580/2018 / UBTVQH 14"
            more, end = _spaced_code(canonical, sentence, end) or ("", end)
            rest += more
        if rest.upper().endswith("QH") and (term := _patterns()["term_number"].match(sentence, end)):
            end = term.end()  # "439/NQ-UBTVQH 14 ngày 30/10/2017": the legislature's term, then the date
        found.append(_mention(canonical, match["number"], rest, sentence, match, citation, end))
        taken.append((match.start(), end))
    for match in patterns["code"].finditer(sentence):
        if any(start <= match.start() < end for start, end in taken) or sentence[: match.start()].rstrip().endswith(
            "/"
        ):
            continue  # "30 a / 2008/NQ-CP": the year of a spaced-out code, not a number
        if _patterns()["other_kind"].search(sentence, max(0, match.start() - 30), match.start()):
            continue  # "tờ trình 1861/TT-UB": another kind of paper's code
        if patterns["draft"].search(sentence, max(0, match.start() - 20), match.start()):
            continue  # "dự thảo 12/2019/TT-BTC": a draft's number
        kind = _code_parts(match["rest"])[0]
        if kind is not None:
            found.append(_mention(kind, match["number"], match["rest"], sentence, match, citation))
    for match in _patterns()["law"].finditer(sentence):
        if any(start <= match.start() < end for start, end in taken):
            continue
        if _patterns()["draft"].search(sentence, max(0, match.start() - 20), match.start()) or _patterns()[
            "amended"
        ].match(sentence, match.end()):
            continue  # "dự thảo Luật Đất đai", "Luật Đất đai (sửa đổi)": a bill, not a law
        found.append(_law_mention(sentence, match, citation))
    _date_issued_later(sentence, found)
    return found


# "… Về việc phong tặng … lần thứ 9 được ban hành ngày 19/7": the day of issue after what the document is about.
_ISSUED_ON = re.compile(
    r"\s(?:đã\s+)?được\s+(?:ký\s+)?ban\s+hành\s+(?:vào\s+)?(?:ngày\s+)?"
    r"(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})(?:\s*[/.-]\s*(?P<year>(?:19|20)\d\d))?(?!\d|\s*[/.-]\s*\d)",
    re.I,
)


def _date_issued_later(sentence: str, mentions: list[_Mention]) -> None:
    """Dates the document named last before "được ban hành ngày …" with that day, when nothing dated it."""
    for issued in _ISSUED_ON.finditer(sentence):
        before = [m for m in mentions if m.span[1] <= issued.start()]
        if not before:
            continue
        mention = max(before, key=lambda m: m.span[1])
        if mention.dated or mention.day is not None:
            continue
        if issued["year"] is None:
            mention.day = (issued.start("day"), issued.end())
            continue
        try:
            mention.date = dt.date(int(issued["year"]), int(issued["month"]), int(issued["day"]))
        except ValueError:
            continue
        mention.year, mention.dated = mention.year or mention.date.year, True


def _law_mention(sentence: str, match: re.Match[str], citation: Citation) -> _Mention:
    """A law named by its title ("Luật Đất đai năm 2013"): passed by the Quốc hội, its year when written."""
    title = _law_titles()[_law_key(match["law"])]
    year = int(match["year"]) if match["year"] else None
    mention = _Mention(
        kind="Bộ luật" if title.startswith("Bộ luật") else "Luật",
        number=0,
        written="",
        code=None,
        group="QH",
        year=year,
        dated=year is not None,
        citation=citation,
        title=title,
        span=match.span("law"),
    )
    _read_tail(sentence, match.end(), mention)
    mention.subject = None  # its title says what it is about; a "về" after it is about a provision
    if _patterns()["amending"].search(sentence, max(0, match.start() - 60), match.start()):
        mention.year, mention.date, mention.dated = None, None, False
    elif year is None and mention.date is None:
        # A year alone further on is when the sentence's event happens ("lùi thời gian sửa đổi Luật
        # Công đoàn vào năm 2021"), not the law's: one law title has had several enactments.
        mention.year, mention.dated = None, False
    return mention


def _law_key(name: str) -> str:
    return " ".join(_plain(name).replace(",", " ").split())


@functools.cache
def _law_titles() -> dict[str, str]:
    """Each law's title, keyed by its plain form and by the plain form of each short name of it."""
    laws = _tables()["laws"]
    return {_law_key(t): t for t in laws["titles"]} | {_law_key(s): t for s, t in laws["short_names"].items()}


def _spaced_code(kind: str, sentence: str, position: int) -> tuple[str, int] | None:
    """A code written with spaces after a kind and bare number ("Quyết định số 58 - QĐ / TW"), as written
    without them ("-QĐ/TW"), and where it ends. It must name an issuer group, and a kind only the kind
    named ("Quyết định 174 / CT": that CT is no Chỉ thị's)."""
    match = _patterns()["spaced_code"].match(sentence, position)
    if match is None:
        return None
    parts = re.findall(r"[A-Za-zĐđÐ]+", match.group())
    kind_codes = {_part_key(c) for c in _tables()["kinds"]["codes"]}
    issuer_codes = {_part_key(c) for c in _tables()["code_issuers"] if c != "source"}
    own = _part_key(_tables()["kinds"]["names"][kind])
    if not any(_part_key(p) in issuer_codes for p in parts) or any(
        _part_key(p) in kind_codes and _part_key(p) != own for p in parts
    ):
        return None
    if not all(_part_key(p) in kind_codes | issuer_codes for p in parts):
        return None
    code = re.sub(r"\s+", "", re.sub(r"\s+\d{1,2}$", "", match.group())).replace("Ð", "Đ")
    return (code if code[0] in "-/" else "/" + code), match.end()


def _other_body(group: str, sentence: str) -> str | None:
    """The other body a code's issuer abbreviation stands for when the sentence names it and not the
    body the tables give ("Thông báo số 410/TB-BTC của Ban tổ chức lễ tang": BTC is no Bộ Tài chính)."""
    others = _tables()["code_issuer_others"].get(group)
    if not others or group not in _tables()["code_issuers"]:
        return None
    own = _tables()["code_issuers"][group][0]
    if re.search(rf"(?<!\w){_alternation([own])}(?!\w)", sentence, re.I):
        return None
    named = re.search(rf"(?<!\w)(?:{_alternation(others)})(?!\w)", sentence, re.I)
    return next(o for o in others if _plain(o) == _plain(named.group())) if named else None


def _opens_a_clause(sentence: str, match: re.Match[str]) -> bool:
    """A verb-like kind opening the sentence with a bare number ("Quy định 15 lĩnh vực …") is the verb,
    unless what follows names a document ("Quyết định 1737 của Thủ tướng …") or says what it does
    ("Quy định 102 cũng nêu rõ …")."""
    if sentence[: match.start()].strip(" \"“'‘«") != "":
        return False
    following = ("của", "do", "về", "năm", "ngày", *_tables()["kinds"]["adverbs_after"])
    return not re.match(rf"\s+(?:{'|'.join(following)})\s", sentence[match.end() :], re.I)


def _mention(
    kind: str, number: str, rest: str, sentence: str, match: re.Match[str], citation: Citation, end: int | None = None
) -> _Mention:
    code_kind, year, group = _code_parts(rest)
    if code_kind and _tables()["kinds"]["names"][kind] != _tables()["kinds"]["names"][code_kind]:
        kind = code_kind  # "Thông báo kết luận số 351/TB-VPCP" is a Thông báo: the code says what it is
    mention = _Mention(
        kind=kind,
        number=int(number),
        written=number,
        code=(number + rest).replace("Ð", "Đ") if code_kind or group else None,
        group=group,
        year=year,
        dated=year is not None,
        citation=citation,
        span=match.span(),
    )
    if group is not None and (other := _other_body(group, sentence)) is not None:
        mention.group = other  # "410/TB-BTC … của Ban tổ chức lễ tang": not the Bộ Tài chính's
    before = _patterns()["issuer_before"].search(sentence, max(0, match.start() - 120), match.start())
    if before and _owned_elsewhere(sentence, before):
        before = None
    if before:
        _set_issuer(mention, before)
        # "Năm 2011, Chính phủ có Nghị quyết số 11 …", "Ngày 19/5/2019, Bộ Chính trị đã ra Chỉ thị 45 …":
        # the date opening the clause is when the issuer issued it.
        dated = _patterns()["date_before"].search(sentence, max(0, before.start() - 40), before.start())
        if dated and mention.issuer is not None:
            _date_read(mention, dated)
    _read_tail(sentence, match.end() if end is None else end, mention)
    if (
        mention.issuer is None
        and re.fullmatch(r"\W*tại\s+", sentence[: match.start()], re.I)
        and (acting := _patterns()["issuer_acting"].match(sentence, mention.tail_end))
    ):
        # "Tại văn bản số 209 ngày 28/10/2015, Bộ Thông tin Truyền thông kiến nghị …": the body acting in the
        # document the sentence opens with wrote it ("Theo …, Bộ X …" may be anyone acting on another's).
        _set_issuer(mention, acting)
    if (
        not before
        and mention.year is None
        and (opening := _patterns()["date_opening"].match(sentence))
        and (
            _patterns()["issuing_before"].search(sentence, opening.end(), match.start())
            or _patterns()["acted_under"].search(sentence, opening.end(), match.start())
        )
        and not _patterns()["mention"].search(sentence, opening.end(), match.start())
        and ";" not in sentence[opening.end() : match.start()]
    ):
        _date_read(mention, opening)
    if mention.place is None and mention.group in _LOCAL_GROUPS and _names_only_its_level(sentence, mention):
        # "Chỉ thị số 04/CT-UBND của Chủ tịch UBND Thành phố … trên địa bàn TP. HCM": the city or province a
        # local body is of, unnamed beside it, is the one province its sentence names.
        named = set(places_in(_plain(sentence)))
        mention.place = named.pop() if len(named) == 1 else None
    if "thay" in sentence[max(0, match.start() - 20) : match.start()].lower():
        replacing = _patterns()["replacing"].search(sentence, max(0, match.start() - 300), match.start())
        mention.replaced_by = replacing["topic"] if replacing else None
    return mention


def _owned_elsewhere(sentence: str, before: re.Match[str]) -> bool:
    """ "kết luận của Thủ tướng tại Thông báo số 189": the Thủ tướng's is the conclusion, stated in a
    notice someone else (the Văn phòng Chính phủ) issued."""
    named_end = max(before.end(group) for group in ("issuer", "place", "level") if before[group])
    only_tai = re.fullmatch(r"\s+tại\s*", sentence[named_end : before.end()], re.I) is not None
    return only_tai and re.search(r"(?<!\w)của(?:\s+[^\s,;]+){0,3}\s*$", sentence[: before.start()], re.I) is not None


def mentions_in_article(article: Article, position: int) -> list[_Mention]:
    """Every document mention of an article's title and sentences, in reading order."""
    found = []
    for text in (article.title, *article.paragraphs):
        if not _may_name_a_document(text):
            continue  # most paragraphs name no document: skip the costly steps below
        text = canonicalize(text)
        for start, end in split_sentences(text):
            sentence = text[start:end]
            if _may_name_a_document(sentence):
                found += _mentions_in(sentence, Citation(position, sentence))
    return found


def document_spans(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence names a document: by its kind and number or code ("nghị định 33", "Quyết định số
    1637/QĐ-UBND"), or a law by its title and year ("Luật Nhà ở 2015")."""
    spans = []
    for mention in _mentions_in(sentence, Citation(-1, sentence)):
        start, end = mention.span
        if mention.title is not None and (year := _YEAR_AFTER_TITLE.match(sentence, end)):
            end = year.end()
        spans.append((start, end))
    return spans


def issuer_spans(sentence: str, name: str) -> list[tuple[int, int]]:
    """Where a sentence names the issuer of the document a question calls by `name` ("chỉ thị 27 …", "NQ
    34"): "Theo chỉ thị 27 do Thủ tướng ban hành", "Nghị quyết số 34 … của Hội nghị lần thứ 8 …"."""
    wanted = reference_in(name)
    if wanted is None or not wanted.kinds:
        return []
    spans = []
    for mention in _mentions_in(sentence, Citation(-1, sentence)):
        if mention.issuer is None or mention.kind not in wanted.kinds or mention.number != wanted.number:
            continue
        starts = [m.start() for m in re.finditer(re.escape(mention.issuer), sentence)]
        if starts:  # the one nearest the document
            start = min(starts, key=lambda at: abs(at - mention.span[0]))
            spans.append((start, start + len(mention.issuer)))
    return spans


_YEAR_AFTER_TITLE = re.compile(r"\s+(?:năm\s+)?(?:19|20)\d\d(?!\d)", re.I)


def _may_name_a_document(text: str) -> bool:
    """A quick test (plain substring search, no regex alternation): a digit, and a kind's name or a code."""
    if not _DIGIT.search(text):
        return False
    lowered = text.lower()
    return any(kind in lowered for kind in _lower_kinds()) or _CODE_START.search(text) is not None


_DIGIT = re.compile(r"\d")
_CODE_START = re.compile(r"\d[-/][A-Za-zĐđ]")


@functools.cache
def _numbered_only() -> frozenset[str]:
    return frozenset(_plain(k) for k in _tables()["kinds"]["numbered_only"])


@functools.cache
def _lower_kinds() -> tuple[str, ...]:
    return tuple(canonicalize(k).lower() for k in _tables()["kinds"]["names"])


# --- gathering mentions into documents --------------------------------------------------------


def _fits(a: _Mention, b: _Mention) -> bool:
    return all(x is None or y is None or x == y for x, y in ((a.group, b.group), (a.place, b.place), (a.year, b.year)))


def _bodies(mentions: Iterable[_Mention]) -> set[str]:
    """The central Party bodies that mentions name as the issuer, where the name tells them apart."""
    apart = _by_plain_name("issuers_apart")
    return {apart[_plain(m.issuer)] for m in mentions if m.issuer and _plain(m.issuer) in apart}


def _other_bodies(ours: Iterable[_Mention], theirs: Iterable[_Mention]) -> bool:
    """Mentions naming the Bộ Chính trị and mentions naming only the Ban Bí thư are two documents."""
    mine, others = _bodies(ours), _bodies(theirs)
    return bool(mine and others and mine.isdisjoint(others))


def _refines(cluster: _Cluster, group: str | None, place: str | None, year: int | None) -> bool:
    """The cluster states everything a record states, and the same."""
    return all(
        mine is None or theirs == mine
        for mine, theirs in ((group, cluster.group), (place, cluster.place), (year, cluster.year))
    )


@dataclass
class _Cluster:
    kind: str
    number: int
    group: str | None
    place: str | None
    year: int | None
    mentions: list[_Mention] = dataclasses.field(default_factory=list)


def _merge_in_article(mentions: list[_Mention]) -> list[list[_Mention]]:
    """One article's mentions of one document together (it rarely cites two of the same number)."""
    groups: list[list[_Mention]] = []
    for mention in mentions:
        for group in groups:
            head = group[0]
            if (head.kind, head.number, head.title) == (mention.kind, mention.number, mention.title) and all(
                _fits(m, mention) for m in group
            ):
                group.append(mention)
                break
        else:
            groups.append([mention])
    return groups


def _known(mentions: list[_Mention], attribute: str) -> Any:
    return next((getattr(m, attribute) for m in mentions if getattr(m, attribute) is not None), None)


def build_registry(articles: Sequence[Article]) -> Registry:
    """The registry of every document the articles cite."""
    records: dict[tuple[str, int, str | None], list[list[_Mention]]] = collections.defaultdict(list)
    provisions: list[Provision] = []
    for position, article in enumerate(articles):
        mentions = mentions_in_article(article, position)
        provisions += _provisions_in(mentions)
        for group in _merge_in_article(mentions):
            records[(group[0].kind, group[0].number, group[0].title)].append(group)
    documents = []
    for (kind, number, title), groups in records.items():
        # The most specific records found the documents; a vaguer one joins the only document that
        # states all it states, on a shared topic (else the only one that states more, else one
        # stating just as much: a document of its own, issuer or year unknown).
        summaries = [(group, _known(group, "group"), _known(group, "place"), _known(group, "year")) for group in groups]
        # Among records as specific, the topic most records agree on claims a document first (a stray
        # "Nghị quyết 19 … về đất đai" must not give the 2017 resolution its topic).
        topics = [_topics(group) for group in groups]
        agreeing = [sum(bool(t and o) and _share_a_topic(t, o) for o in topics) for t in topics]
        order = {id(group): -agreeing[n] for n, group in enumerate(groups)}
        summaries.sort(key=lambda s: (-sum(v is not None for v in s[1:]), order[id(s[0])]))
        clusters: list[_Cluster] = []
        for group, issuer_group, place, year in summaries:
            subjects = _topics(group)
            fitting = [
                c
                for c in clusters
                if _refines(c, issuer_group, place, year)
                and not _other_bodies(group, c.mentions)
                and not _another_enactment(title, year, c.year)
                and _share_a_topic(subjects, _topics(c.mentions))
                and not _about_a_later_period(subjects, c.year)
            ]
            known = sum(v is not None for v in (issuer_group, place, year))
            finer = [c for c in fitting if sum(v is not None for v in (c.group, c.place, c.year)) > known]
            exact = [c for c in fitting if (c.group, c.place, c.year) == (issuer_group, place, year)]
            # A stated topic that one document states too names it among others stating no topic
            # ("Nghị quyết 18 về đổi mới, sắp xếp tổ chức bộ máy" beside a company's 18/2016/NQ-HĐQT).
            topical = [c for c in finer if subjects and _topics(c.mentions)]
            # A yearly document's topic names its year ("Nghị quyết 01/NQ-CP … dự toán ngân sách nhà nước năm
            # 2019" is the one of 2019, though the one of 2018 states a topic and 2019's does not).
            of_its_year = [c for c in finer if c.year is not None and str(c.year) in _years_named(" ".join(subjects))]
            target = (
                fitting[0]
                if len(fitting) == 1
                else finer[0]
                if len(finer) == 1
                else of_its_year[0]
                if len(of_its_year) == 1
                else topical[0]
                if len(topical) == 1
                else exact[0]
                if exact
                else None
            )
            if target is None:
                target = _Cluster(kind, number, issuer_group, place, year)
                clusters.append(target)
            target.mentions += group
        clusters = clusters if title else _merge_partial(clusters)
        # Documents alike in all but their topic are told apart in their keys by their order.
        twins: collections.Counter[tuple] = collections.Counter()
        for cluster in clusters:
            attributes = (cluster.group, cluster.place, cluster.year)
            documents.append(_document(cluster, twins[attributes]))
            twins[attributes] += 1
    documents.sort(key=lambda d: (-len(d.citations), d.kind, d.ordinal, -(d.year or 0), d.key))
    return Registry(tuple(documents), tuple(provisions))


def _another_enactment(title: str | None, year: int | None, cluster_year: int | None) -> bool:
    """A law named by its title alone may be any of its enactments (Luật Cạnh tranh 2004 and 2018, Luật
    Đất đai 2003, 2013 and 2024): another article's year is not this citation's."""
    return title is not None and year is None and cluster_year is not None


def _topics(mentions: Iterable[_Mention]) -> set[str]:
    """What mentions state a document is about: its subjects, and the matter of a document replacing it."""
    return {t for m in mentions for t in (m.subject, m.replaced_by, m.matter) if t}


def _mergeable(a: _Cluster, b: _Cluster) -> bool:
    """Two clusters that may be one document: nothing they state differs ("UBND tỉnh Gia Lai" beside
    "ngày 26/10/2018", one code), and their topics agree."""
    attributes = ((a.group, b.group), (a.place, b.place), (a.year, b.year))
    if any(x is not None and y is not None and x != y for x, y in attributes):
        return False
    if _other_bodies(a.mentions, b.mentions):
        return False
    ours, theirs = (_topics(c.mentions) for c in (a, b))
    return (
        _share_a_topic(ours, theirs)
        and not _about_a_later_period(ours, b.year)
        and not _about_a_later_period(theirs, a.year)
    )


def _merge_partial(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join clusters that each state part of one document: a set of clusters that may each be any
    other of the set and nothing outside it (a bare mention that fits two documents joins neither)."""
    while True:
        fits = {id(c): {id(o) for o in clusters if o is not c and _mergeable(c, o)} for c in clusters}
        keep = next(
            (c for c in clusters if fits[id(c)] and all(fits[o] == fits[id(c)] - {o} | {id(c)} for o in fits[id(c)])),
            None,
        )
        if keep is None:
            return clusters
        gone = [c for c in clusters if id(c) in fits[id(keep)]]
        for other in gone:
            keep.group, keep.place, keep.year = (
                keep.group or other.group,
                keep.place or other.place,
                keep.year or other.year,
            )
            keep.mentions += other.mentions
        clusters = [c for c in clusters if id(c) not in fits[id(keep)]]


def _most_common(values: Iterable[T | None]) -> T | None:
    counts = collections.Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


@functools.cache
def _longer_names() -> tuple[str, ...]:
    return tuple(_plain(w) + " " for w in _tables()["issuer_longer_names"]["words"])


def _after_a_word_taking_a_document(sentence: str, start: int) -> bool:
    """Compared with diacritics: "ký quyết định 12" takes one, "kỷ luật 111 đảng viên" is a count."""
    before = " " + " ".join(canonicalize(sentence[max(0, start - 20) : start]).lower().split())
    return before.endswith(_taking_a_document())


@functools.cache
def _taking_a_document() -> tuple[str, ...]:
    return tuple(" " + canonicalize(w).lower() for w in _tables()["kinds"]["verbs_before"])


@functools.cache
def _named_after() -> tuple[str, ...]:
    return tuple(f" {_plain(w)}" for w in _tables()["kinds"]["not_after"])


@functools.cache
def _part_of_a_body() -> tuple[str, ...]:
    return tuple(f" {_plain(w)}" for w in _tables()["issuer_bodies"]["words"])


def _best_subject(subjects: list[str]) -> str | None:
    """The subject stated most often; among equals, one that others only lengthen ("về A" beside
    "về A và nội dung này"), then the one sharing most with the others, then the first."""
    counts = collections.Counter(subjects)
    words = {s: _content_syllables(s) for s in counts}
    return max(
        counts,
        key=lambda s: (
            counts[s],
            any(o != s and o.startswith(s + " ") for o in counts),
            sum(len(words[s] & words[o]) for o in counts if o != s),
            -subjects.index(s),
        ),
        default=None,
    )


def _content_syllables(subject: str) -> set[str]:
    return set(_plain(subject).split()) - _function_words()


def _share_a_topic(ours: set[str], theirs: set[str]) -> bool:
    """Two sets of subjects may be one document's: either is empty, or two of them share two content
    syllables and, where both name years, a year (the yearly "Nghị quyết 01/NQ-CP … dự toán ngân sách
    nhà nước năm 2018" is not 2019's, though worded alike)."""
    if not ours or not theirs:
        return True
    mine = [(_content_syllables(s), _years_named(s)) for s in ours]
    return any(
        len(words & _content_syllables(t)) >= 2 and (not years or not _years_named(t) or years & _years_named(t))
        for words, years in mine
        for t in theirs
    )


def _years_named(subject: str) -> frozenset[str]:
    return frozenset(_YEAR_NAMED.findall(subject))


_YEAR_NAMED = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


_PERIOD_START = re.compile(r"(?<!đến )(?<!tới )(?:giai đoạn|năm)\s+((?:19|20)\d\d)(?!\d)")


def _about_a_later_period(subjects: set[str], year: int | None) -> bool:
    """A subject about a period starting years after a document's year ("giai đoạn 2019 - 2021" for a
    document of 2007) is another document's."""
    starts = [int(m.group(1)) for s in subjects for m in _PERIOD_START.finditer(s)]
    return year is not None and any(start > year + 1 for start in starts)


@functools.cache
def _dangling() -> frozenset[str]:
    return frozenset(canonicalize(w).lower() for w in _tables()["subject_dangling"]["words"])


@functools.cache
def _vague_subjects() -> frozenset[str]:
    return frozenset(_plain(v) for v in _tables()["subject_vague"]["words"])


@functools.cache
def _function_words() -> frozenset[str]:
    return frozenset(_plain(w) for w in _tables()["subject_function_words"]["words"])


def _document(cluster: _Cluster, twin: int) -> Document:
    mentions = cluster.mentions
    title = mentions[0].title
    identity = f"{cluster.kind}|{title or cluster.number}|{cluster.group}|{cluster.place}|{cluster.year}|{twin}"
    issuer = _most_common(m.issuer for m in mentions)
    if issuer is None and cluster.group in _tables()["code_issuers"]:
        issuer = _tables()["code_issuers"][cluster.group][0]
    subject = _best_subject([m.subject for m in mentions if m.subject])
    date = _most_common(m.date for m in mentions)
    dated = next((m for m in mentions if m.date == date), None) if date else None
    # (a year written out, "ban hành năm 2013", says when more plainly than one inside a code, "159/2013/TT-BTC")
    of_the_year = [m for m in mentions if m.dated and m.year == cluster.year]
    written_out = (m for m in of_the_year if re.search(rf"(?<![/\d]){m.year}(?![/\d])", m.citation.sentence))
    dated = dated or next(written_out, None) or next(iter(of_the_year), None)
    first: dict[int, Citation] = {}
    for mention in mentions:
        first.setdefault(mention.citation.article, mention.citation)
    return Document(
        key=hashlib.sha1(identity.encode()).hexdigest()[:10],
        kind=cluster.kind,
        number="" if title else str(_most_common(m.written for m in mentions)),
        code=_most_common(m.code for m in mentions),
        issuer=issuer,
        issuer_citation=next((m.citation for m in mentions if m.issuer == issuer), None),
        group=cluster.group,
        year=cluster.year or (date.year if date else None),
        date=date,
        date_citation=dated.citation if dated else None,
        subject=subject,
        subject_citation=next((m.citation for m in mentions if m.subject == subject), None) if subject else None,
        citations=tuple(first[a] for a in sorted(first)),
        title=title,
    )


# --- the registry -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Provision:
    """An article (điều) of a code or law a sentence cites, with the offence it names for it where it names
    one ("về tội “Buôn lậu” theo khoản 4 Điều 188 Bộ luật Hình sự 2015")."""

    law: str  # the law's title: "Bộ luật Hình sự"
    year: int | None  # the law's year, as the sentence writes it after the title
    number: int  # 188
    citation: Citation
    span: tuple[int, int]  # "khoản 4 Điều 188 Bộ luật Hình sự 2015" in the sentence
    offence: tuple[int, int] | None  # "Buôn lậu"


@dataclass
class Registry:
    """The documents, most cited (then newest) first, and the means to find them by number, code or subject;
    and the articles of codes and laws the news cites."""

    documents: tuple[Document, ...] = ()
    provisions: tuple[Provision, ...] = ()

    def __post_init__(self) -> None:
        self._by_key = {d.key: d for d in self.documents}

    def __len__(self) -> int:
        return len(self.documents)

    def get(self, key: str) -> Document | None:
        return self._by_key.get(key)

    def find(self, text: str) -> list[Document]:
        """The documents a query names, most cited first: "05", "chỉ thị 05", "18-NQ/TW", "NQ 26 năm 2008",
        or words of a subject ("bảo vệ rừng") or of a law's title ("luật đất đai") when it names no number."""
        wanted = reference_in(text)
        if wanted is None:
            return self.about(text)
        return [
            d
            for d in self.documents
            if d.number
            and d.ordinal == wanted.number
            and (not wanted.kinds or d.kind in wanted.kinds)
            and (wanted.group is None or d.group in (wanted.group, None))
            and (wanted.year is None or d.year in (wanted.year, None))
            and (wanted.date is None or d.date in (wanted.date, None))
            and _in_place(d, wanted.place) is not False
        ]

    def about(self, text: str) -> list[Document]:
        """The documents whose subject (or a law's title) has every word of `text`, most cited first."""
        words = _plain(re.sub(r"[^\w\s]", " ", text)).split()
        if not words:
            return []
        return [
            d
            for d in self.documents
            if (d.subject or d.title) and all(w in _plain(f"{d.title or ''} {d.subject or ''}").split() for w in words)
        ]

    def named_alone(self, text: str) -> list[Document]:
        """The documents a message names when it names one and nothing else, else none."""
        return self.find(text) if names_only_a_document(text) else []

    def to_json(self) -> dict:
        return {
            "documents": [_document_json(d) for d in self.documents],
            "provisions": [_provision_json(p) for p in self.provisions],
        }

    @classmethod
    def from_json(cls, data: dict, articles: int) -> Registry:
        """The registry saved by `to_json`; raises ValueError when it does not fit `articles` articles."""
        documents = tuple(_document_from_json(d) for d in data["documents"])
        provisions = tuple(_provision_from_json(p) for p in data["provisions"])
        cited = [c.article for d in documents for c in d.citations] + [p.citation.article for p in provisions]
        if any(article >= articles for article in cited):
            raise ValueError("the registry cites articles the index does not have")
        return cls(documents, provisions)


@dataclass(frozen=True)
class Reference:
    """What a query states of a document: "chỉ thị 05 năm 2016 của Bộ Chính trị"."""

    kinds: frozenset[str]  # empty when no kind is named; "QĐ" names both Quyết định and Quy định
    number: int
    group: str | None
    year: int | None
    # Named after the number: a local issuer's province ("của UBND TP Hải Phòng", as `places_in` names
    # it) and the day of issue ("ngày 26/7/2016").
    place: str | None = None
    date: dt.date | None = None


@functools.cache
def _query_tables() -> tuple[
    dict[str, frozenset[str]], dict[str, str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    names = _tables()["kinds"]["names"]
    aliases = _tables()["kinds"]["aliases"]
    kinds = {"": frozenset(), **{_plain(k): frozenset({aliases.get(k, k)}) for k in names}}
    for code in _tables()["kinds"]["codes"]:
        kinds[_plain(code)] = frozenset(aliases.get(k, k) for k, c in names.items() if c == code)
    # A kind's abbreviation no code reads as a kind, as staff type it: "cv 721" (a Công văn is coded by its
    # issuer, "7005/UBND-ĐT").
    for name, code in names.items():
        kinds.setdefault(_plain(code), frozenset({aliases.get(name, name)}))
    issuers = {_plain(name): group for name, group in _tables()["issuers"].items() if name != "source"}
    # As typed: "NQ 18 của TW", "Nghị quyết 85 của QH" (bot/data/concepts.tsv's abbreviations of issuers' names).
    issuers |= {short: group for name, group in list(issuers.items()) for short in abbreviations_of(name)}
    # … and by the abbreviation its codes carry ("CT 06 của BYT"), unless other bodies share it ("BTC").
    not_read = {*_tables()["code_issuers_in_questions"]["not_read"], *_tables()["code_issuer_others"]}
    for code, named in _tables()["code_issuers"].items():
        if code != "source" and code not in not_read:
            issuers.setdefault(_plain(code), named[1])
    # … with the "TW" of a central body written apart, as often typed: "UBKT TW", "BTC TW".
    issuers |= {
        f"{short[:-2]} tw": group for short, group in list(issuers.items()) if re.fullmatch(r"[a-z]{2,}tw", short)
    }
    query = re.compile(
        rf"(?<!\w)(?:(?P<kind>{_alternation(kinds)})\s+(?:so\s+)?)?(?P<number>\d{{1,5}})(?P<rest>(?:[-/][0-9a-z]+)*)(?!\w)"
    )
    # Its year, or the date or month of its issue: "năm 2008", "ngày 26/7/2016", "tháng 4/2019".
    year = r"(?:\s+(?:nam\s+|ngay\s+\d{1,2}[/.-]\d{1,2}[/.-]|thang\s+\d{1,2}[/.-])(?:19|20)\d\d)?"
    # A local issuer with its province, or the province alone: "của UBND TP Hải Phòng", "của Hà Nội".
    place = rf"(?:(?:tinh|thanh pho|tp)\s+)?(?:{_alternation(_plain(p) for p in _provinces())})"
    # … with the term of a Party committee or the legislature: "của Bộ Chính trị khóa XI".
    issuer = rf"(?:(?:{_alternation(issuers)})(?:\s+{place})?(?:\s+khoa\s+[ivxl]+)?|{place})"
    # A message that is a document's name and nothing else: "chỉ thị 15", "NQ 26 năm 2008", "05-CT/TW của Bộ Chính trị".
    alone = re.compile(
        rf"(?:van ban\s+)?(?:(?:{_alternation(kinds)})\s+(?:so\s+)?)?\d{{1,5}}(?:[-/][0-9a-z]+)*{year}"
        rf"(?:\s+(?:cua\s+)?{issuer})?{year}"
    )
    return kinds, issuers, query, re.compile(rf"(?<!\w)(?:{_alternation(issuers)})(?!\w)"), alone


def reference_in(text: str) -> Reference | None:
    """The document a query names by number ("chỉ thị 05", "18-NQ/TW", "NQ 26 năm 2008"), or None."""
    kinds, issuers, query, issuer, _ = _query_tables()
    plain = _plain(text)
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", plain)]
    for match in query.finditer(plain):
        if not match["kind"] and not match["rest"] and int(match["number"]) in years and len(years) == 1:
            continue  # "năm 2016" alone is a year, not a number
        if not match["kind"] and re.search(r"(?<!\w)(?:ngay|thang)\s+$", plain[: match.start()]):
            continue  # "ban hành ngày 29/6": a day, not a number
        code_kind, code_year, group = _code_parts(match["rest"])
        named = issuer.search(plain)
        after = plain[match.end() :]
        places = places_in(after)
        return Reference(
            # A code's "QĐ" is a Quyết định or a Quy định, whichever the registry holds.
            kinds=kinds[match["kind"] or _plain(_tables()["kinds"]["names"].get(code_kind, ""))],
            number=int(match["number"]),
            group=group or (issuers[named.group()] if named else None),
            year=code_year or next((y for y in years if y != int(match["number"])), None),
            place=places[0] if places else None,
            date=_day_named(after),
        )
    return None


def _day_named(plain: str) -> dt.date | None:
    """The day a query names ("ngay 26/7/2016"), when it is a day of the calendar."""
    day = re.search(r"(?<!\w)ngay\s+(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)(?!\d)", plain)
    try:
        return dt.date(int(day[3]), int(day[2]), int(day[1])) if day else None
    except ValueError:
        return None


def _in_place(document: Document, place: str | None, sentence: str = "") -> bool | None:
    """Whether the document's issuer (or the sentence stating the fact) names the province; None when
    neither names any province (nothing to tell it by)."""
    if place is None:
        return True
    named = places_in(_plain(f"{document.issuer or ''} {sentence}"))
    return place in named if named else None


def speaks_of_taking_effect(text: str) -> bool:
    """Whether a text speaks of when something takes effect: a question asking it ("có hiệu lực từ khi
    nào"), a sentence stating it ("có hiệu lực từ 1/7/2014")."""
    return _EFFECTIVE_ASKED.search(_plain(text)) is not None


def dates_an_issue(sentence: str) -> bool:
    """Whether a sentence says a document was issued, signed or took effect (so that a date in it may be
    the document's): a verb of issuing, or "có" right before a document's kind. Read with its accents:
    "ra" is no "rà"."""
    return _issuing_acts().search(canonicalize(sentence)) is not None


@functools.cache
def _issuing_acts() -> re.Pattern[str]:
    acts = _alternation(canonicalize(w) for w in _tables()["issuing_acts"]["words"])
    kinds = _alternation(canonicalize(k) for k in _tables()["kinds"]["names"])
    return re.compile(rf"(?<!\w)(?:{acts}|có\s+(?:{kinds}))(?!\w)", re.IGNORECASE)


def names_only_a_document(text: str) -> bool:
    """True when a message is a document's kind and number and nothing else ("chỉ thị 15", "NQ 26",
    "Chỉ thị 05-CT/TW"); a bare number ("05") is not enough: it could be anything."""
    reference = reference_in(text)
    plain = _plain(text).strip(" ?.!")
    return reference is not None and bool(reference.kinds) and _query_tables()[4].fullmatch(plain) is not None


def _citation_json(citation: Citation | None) -> list | None:
    return [citation.article, citation.sentence] if citation else None


def _citation_from_json(value: list | None) -> Citation | None:
    return Citation(int(value[0]), str(value[1])) if value is not None else None


def _document_json(document: Document) -> dict:
    return {
        **dataclasses.asdict(document),
        "date": document.date.isoformat() if document.date else None,
        "issuer_citation": _citation_json(document.issuer_citation),
        "date_citation": _citation_json(document.date_citation),
        "subject_citation": _citation_json(document.subject_citation),
        "citations": [_citation_json(c) for c in document.citations],
    }


def _provision_json(provision: Provision) -> dict:
    return {**dataclasses.asdict(provision), "citation": _citation_json(provision.citation)}


def _provision_from_json(data: dict) -> Provision:
    citation = _citation_from_json(data["citation"])
    if citation is None:
        raise ValueError("a provision without its sentence")
    offence = data["offence"]
    return Provision(
        law=str(data["law"]),
        year=None if data["year"] is None else int(data["year"]),
        number=int(data["number"]),
        citation=citation,
        span=(int(data["span"][0]), int(data["span"][1])),
        offence=None if offence is None else (int(offence[0]), int(offence[1])),
    )


def _document_from_json(data: dict) -> Document:
    return Document(
        key=str(data["key"]),
        kind=str(data["kind"]),
        number=str(data["number"]),
        code=data["code"],
        issuer=data["issuer"],
        issuer_citation=_citation_from_json(data["issuer_citation"]),
        group=data["group"],
        year=data["year"],
        date=dt.date.fromisoformat(data["date"]) if data["date"] else None,
        date_citation=_citation_from_json(data["date_citation"]),
        subject=data["subject"],
        subject_citation=_citation_from_json(data["subject_citation"]),
        citations=tuple(c for c in map(_citation_from_json, data["citations"]) if c is not None),
        title=data["title"],
    )


# --- questions about a document ---------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """What the registry states of one document in answer to a question, with the sentence stating it."""

    asked: str  # "subject", "issuer", "signer", "plenum", "date" or "which"
    document: Document
    citation: Citation
    span: tuple[int, int]  # of the citation's sentence: the subject, issuer, date or the document's name


def fact_asked(registry: Registry, fact: str, name: str, topic: str = "", kind: str = "") -> Fact | None:
    """The registry's answer to a question about a document (bot.question.DocumentAsk's parts), or None.

    `fact` is "subject", "issuer", "date" (of the document `name` names, which must be a document's name
    and nothing else) or "which" (the document of kind `kind` whose subject has the words of `topic`).
    None unless exactly one document fits, the question's number, issuer and year agree with it, and the
    registry holds the fact with the sentence stating it.
    """
    if fact == "which":
        kinds = {k for k in _tables()["kinds"]["names"] if _plain(k) == kind}
        # The topic's words, never a number in them ("đã thực hiện hơn 10 năm" names no Nghị quyết 10).
        found = [d for d in registry.about(topic) if not kinds or d.kind in kinds]
        document = _one(found)
        citation = document.subject_citation if document else None
        return _fact(fact, document, citation, _name_span) if document and citation else None
    wanted = reference_in(name)
    if wanted is None or not names_only_a_document(name):
        return None
    found = [d for d in registry.find(name) if _named_as(d, wanted)]
    # The one of the asked year is meant, beside mentions that state none ("01/NQ-CP", yearly).
    of_the_year = [d for d in found if d.year == wanted.year]
    document = _one(of_the_year if wanted.year and of_the_year else found)
    return _fact_of(document, fact, wanted) if document else None


def _fact_of(document: Document, fact: str, wanted: Reference) -> Fact | None:
    """The registry's fact of a document, with the sentence stating it."""
    if fact == "subject" and document.subject_citation:
        answer = _fact(
            fact, document, document.subject_citation, lambda d, s: _find(s, (d.subject or "").removesuffix(" …"))
        )
    elif fact == "issuer" and document.issuer_citation:
        answer = _fact(fact, document, document.issuer_citation, lambda d, s: _find(s, d.issuer or ""))
    elif fact == "date" and document.date_citation:
        answer = _fact(fact, document, document.date_citation, _date_span)
    else:
        return None
    # "Chỉ thị 04/CT-UBND của TP HCM": a province's number is shared by every province, and the registry
    # may have joined two; only a fact whose issuer or sentence names the asked province is of its document.
    return answer if answer and _in_place(document, wanted.place, answer.citation.sentence) else None


def _named_as(document: Document, wanted: Reference) -> bool:
    """The question's issuer is the document's, and its year is the document's or one the registry does not know."""
    return (wanted.group is None or document.group == wanted.group) and _agree(wanted.year, document.year)


def _one(documents: list[Document]) -> Document | None:
    """The one document meant, or None when the question is ambiguous.

    Mentions that state no issuer or year and fit the most cited document count as its own (the registry
    joins them only when they fit one document alone). Other documents of that number leave the most
    cited one meant only when it is cited DOMINANT_RATIO times as often as any of them: "Chỉ thị 05",
    cited by 32 articles as 05-CT/TW, is that one beside a ministry's cited twice.
    """
    if not documents:
        return None
    first = max(documents, key=lambda d: len(d.citations))
    same = [d for d in documents if _may_be_one(d, first)]
    others = [len(d.citations) for d in documents if not _may_be_one(d, first)]
    cited = sum(len(d.citations) for d in same)
    return first if not others or (cited >= DOMINANT_RATIO * max(others) and cited >= DOMINANT_CITATIONS) else None


DOMINANT_RATIO = 3
DOMINANT_CITATIONS = 3


def _may_be_one(document: Document, other: Document) -> bool:
    """Whether two entries may be one document: same kind and number, issuer group and year agreeing where stated."""
    return (
        (document.kind, document.ordinal, document.title) == (other.kind, other.ordinal, other.title)
        and _agree(document.group, other.group)
        and _agree(document.year, other.year)
    )


def _vaguely_one(document: Document, other: Document) -> bool:
    """The same entry, one that may be the other and states no issuer ("Nghị quyết 36" beside 36-NQ/TW), or
    one of the same code and year where stated ("102-QĐ/TW" is a Quy định the news may call a Quyết định)."""
    return (
        document.key == other.key
        or (_may_be_one(document, other) and (document.group is None or other.group is None))
        or (
            document.code is not None
            and _plain(document.code) == _plain(other.code or "")
            and _agree(document.year, other.year)
        )
    )


def _agree(one: object, other: object) -> bool:
    return one is None or other is None or one == other


def _fact(
    asked: str, document: Document, citation: Citation, span_of: Callable[[Document, str], tuple[int, int] | None]
) -> Fact | None:
    span = span_of(document, citation.sentence)
    return Fact(asked, document, citation, span) if span else None


def _find(sentence: str, part: str) -> tuple[int, int] | None:
    start = sentence.find(part) if part else -1
    return (start, start + len(part)) if start >= 0 else None


def _name_span(document: Document, sentence: str) -> tuple[int, int] | None:
    """Where the sentence names the document: its kind and number with any code ("Chỉ thị số 05/CT-TTg"),
    else its code alone."""
    if document.title:
        law = _patterns()["law"].search(sentence)
        return law.span("law") if law and _law_key(law["law"]) == _law_key(document.title) else None
    name = _name_pattern(document.kind, document.ordinal).search(sentence)
    return name.span() if name else _find(sentence, document.code or "")


@functools.lru_cache(maxsize=4096)
def _name_pattern(kind: str, ordinal: int) -> re.Pattern[str]:
    """A document's kind and number with any code ("Chỉ thị số 05/CT-TTg"), compiled once: a
    which-document question tries thousands of sentences (re's own cache holds 512 patterns)."""
    return re.compile(rf"{re.escape(kind)}(?:\s+số)?\s+0*{ordinal}(?!\d)(?:[-/][\wĐđ]+)*", re.I)


def _date_span(document: Document, sentence: str) -> tuple[int, int] | None:
    """Where the sentence states the document's date (or its year)."""
    for match in _patterns()["date"].finditer(sentence):
        if document.date:
            day, month, year = (int(match[g] or match[f"{g}2"] or 0) for g in ("day", "month", "year"))
            if (day, month, year) == (document.date.day, document.date.month, document.date.year):
                return match.span()
        elif (match["year3"] or match["year4"]) and int(match["year3"] or match["year4"]) == document.year:
            return match.span()
    # A legal document's code carries the year it was issued in (Nghị định 30/2020/NĐ-CP, Điều 8): "Nghị
    # quyết 42/2017/QH14" says 2017.
    if document.year is None or document.date is not None or not document.number:
        return None
    coded = re.search(rf"(?<![\d/])0*{document.ordinal}\s*/\s*(?P<year>{document.year})\s*/", sentence)
    return coded.span("year") if coded else None


# --- questions naming a document among other words --------------------------------------------

# Share of a question's own words (beside the document's name and the asking words) the answering
# sentence, with its article's title, must hold: the sentence is about what the question is about.
MIN_CONTEXT_COVERAGE = 0.8
MIN_LEADING_COVERAGE, LEAD = 0.7, 0.2


def registry_answer(
    registry: Registry,
    articles: Sequence[Article],
    question: str,
    fact: str | None,
    name: str,
    topic: str,
    kind: str,
    day_asked: bool = False,
) -> Fact | None:
    """The registry's answer to a question about a document (bot.question.DocumentAsk's parts, or none).

    First `fact_asked` (the question is the document's name and the asking words). Else, when the
    question names the document among other words ("Thông tư 08 về giấy xác nhận … do bộ nào ban
    hành?") or asks which document of a kind a topic is in ("… theo nghị định nào của Chính phủ?"):
    the sentence of a citing article that names the document, states the asked fact of it, and holds
    MIN_CONTEXT_COVERAGE of the question's other words. None when no sentence, or more than one
    document, fits, and for `day_asked` ("ký ngày nào?") when what it states is a year or a month.
    """
    provision = provision_answer(registry, articles, question)
    if provision is not None:
        return provision
    plain = _words_and_codes(_plain(question))
    takes_effect = fact == "date" and _EFFECTIVE_ASKED.search(plain) is not None
    found = fact_asked(registry, fact, name, topic, kind) if fact is not None else None
    if found is None and fact in (None, "which") and (which := _which_kind(plain)) is not None:
        found = _which_in_sentences(registry, articles, plain, which)
    elif found is None and fact in ("subject", "issuer", "signer", "plenum", "date"):
        # Read without the asking words, wherever they stand ("Ai ban hành Quyết định 14 về …?").
        named = _words_and_codes(name) or plain
        found = _fact_in_sentences(registry, articles, named, "effective" if takes_effect else fact)
        if found is None and not takes_effect:
            found = _named_with_words(registry, articles, name, fact)
    if found is None:
        return None
    wanted = reference_in(plain)
    # A law is named by its title and year ("Luật Đất đai 1993", "… sửa đổi năm 2013"), without a number.
    year = wanted.year if wanted is not None else (int(y[0]) if (y := _YEAR.search(plain)) else None)
    # (a law of 1999 may take effect in 2000, never in 1988)
    if year and _of_another_year(found.citation.sentence, year, later_too=not takes_effect):
        return None  # "Nghị quyết 01/NQ-CP năm 2018" is not answered by "… 01/NQ-CP … năm 2019"
    if year and found.asked == "date" and _only_the_year(found, year):
        return None  # "… năm 2019 ban hành ngày nào?" is not answered by the question's own "năm 2019"
    stated = found.citation.sentence[slice(*found.span)]
    if day_asked and found.asked == "date" and not _DAY_STATED.search(stated):
        return None  # "Quyết định 367 ký ngày nào?" is not answered by "năm 1996"
    if found.asked == "date" and _YEAR_ASKED.search(plain) and not _YEAR.search(stated):
        return None  # "… ban hành năm nào?" is not answered by "ngày 26/10"
    if people := people_named_in(question):  # (most questions name no one: their article is not read again)
        article = articles[found.citation.article]
        held = _plain(f"{article.title} {article.text}")
        if not all(spellings_of(person).search(held) for person in people):
            return None  # "ông Lê Mạnh Hùng ký bổ nhiệm …" is not answered from an article on Nguyễn Mạnh Hùng
    return found


_YEAR_ASKED = re.compile(r"(?<!\w)nam\s+(?:nao|may|bao nhieu)(?!\w)")
_DAY_STATED = re.compile(r"(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}(?!\d)|ngày\s+\d", re.I)


def _named_with_words(registry: Registry, articles: Sequence[Article], name: str, fact: str) -> Fact | None:
    """A document's name followed by words on what it is about ("Nghị quyết 233/NQ-ĐU về chỉ định thầu ở
    PVN", "Nghị định 71/NĐ-CP hướng dẫn Luật Nhà ở"): the only document of that name an article citing
    it holds MIN_CONTEXT_COVERAGE of those words of, asked about as if named alone."""
    words = name.split()
    head = next(
        (" ".join(words[:end]) for end in range(len(words) - 1, 1, -1) if names_only_a_document(" ".join(words[:end]))),
        None,
    )
    if head is None:
        return None
    # (a province named among the words is still the document's: "Chỉ thị 04/CT-UBND về … ở TP HCM"; a year
    # or a body among them is the subject's, "Chỉ thị 16 … về tổ chức Tết Mậu Tuất 2018" being of 2017 and
    # "Nghị quyết 439 quy định nguồn dự phòng trái phiếu Chính phủ" the Ủy ban Thường vụ Quốc hội's, and
    # stays a word its article must hold)
    wanted, named = reference_in(name), reference_in(head)
    context = _context(" ".join(words[len(head.split()) :]), [])
    if wanted is None or named is None or not context.words:
        return None
    wanted = dataclasses.replace(wanted, year=named.year, group=named.group)
    fitting = [
        d
        for d in registry.find(head)
        if _named_as(d, wanted) and any(_holds(articles[p], context) for p in set(d.articles))
    ]
    # Two yearly "Nghị quyết 01/NQ-CP": the one whose citing sentence, stating the fact, covers the words
    # clearly best. Not two provinces' "Chỉ thị 22 về phòng chống cháy rừng": both are about it.
    if len(fitting) > 1:
        winner = _clear_winner([b for d in fitting if (b := _best_statement(d, articles, context, fact, named.year))])
        if winner is not None or (about := _the_one_about(fitting, context)) is None:
            return winner
        fitting = [about]
    if not fitting:
        return None
    # The registry's fact, else the citing sentence that states it best among those holding the words
    # ("ban hành Nghị quyết số 4266 góp vốn vượt mức quy định vào OceanBank": what it does, unmarked).
    found = _fact_of(fitting[0], fact, wanted) if fact != "signer" else None
    stated = _best_statement(fitting[0], articles, context, fact, named.year) if found is None else None
    return stated[1] if stated is not None else found


def _holds(article: Article, context: _Context) -> bool:
    """Whether an article holds MIN_CONTEXT_COVERAGE of the question's words."""
    held = set(re.sub(r"[^\w\s]", " ", _plain(f"{article.title} {article.text}")).split())
    return sum(w in held for w in context.words) >= MIN_CONTEXT_COVERAGE * len(context.words)


def _only_the_year(fact: Fact, year: int) -> bool:
    """Whether what the fact states is nothing but this year."""
    stated = fact.citation.sentence[slice(*fact.span)]
    return re.fullmatch(rf"\D*{year}\D*", stated) is not None


def _words_and_codes(text: str) -> str:
    """`text` with single spaces and no punctuation but a code's "/" and "-" ("05-CT/TW")."""
    return " ".join(re.sub(r"[^\w\s/-]", " ", text).split())


def _of_another_year(sentence: str, year: int, later_too: bool = True) -> bool:
    """Whether a sentence states years, none of them the asked one (a yearly resolution numbered 01); with
    `later_too` false, only earlier ones."""
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", sentence)}
    return bool(years) and year not in years and (later_too or max(years) < year)


@dataclass(frozen=True)
class _Context:
    """The question's own words (outside the document's name, less function and asking words and the
    abbreviations of codes: "CP", "TTg") and its pairs of neighbouring such words ("thú y"); and the words
    saying someone cited the document ("mà VNSteel viện dẫn") or its issuer's term ("khoá 13"), which count
    only where a sentence holds them."""

    words: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    optional: tuple[str, ...] = ()


# The term of the body a question names the document's issuer with ("Ủy ban Thường vụ Quốc hội khoá 13"),
# which the sentence stating its date or topic seldom repeats.
_ISSUERS_TERM = re.compile(r"(?<!\w)khoa\s+(?:[ivx]+|\d{1,2})(?!\w)")


def _context(plain: str, removed: Iterable[tuple[int, int]]) -> _Context:
    kept = list(plain)
    if vocative := _vocative_end().search(plain):
        removed = [*removed, vocative.span()]  # "… vậy mọi người": whom the question is put to
    # Words a sentence may hold or not: verbs of citing, the issuer's term, how a law was passed or takes effect.
    optional_phrases = (_phrases("citing_words"), _ISSUERS_TERM, _phrases("asking_phrases"))
    citing = [m.span() for pattern in optional_phrases for m in pattern.finditer(plain)]
    for start, end in [*removed, *citing]:
        kept[start:end] = " " * (end - start)
    dropped = _function_words() | _asking_words() | _code_words()
    # A year stays: "chỉ thị nào về tổ chức Tết 2018" is not the one about Tết 2017.
    # A day is its numbers ("ngày 27/10"): as other numbers than years, none a sentence must hold.
    tokens = re.findall(r"[^\s/]+", "".join(kept))
    words = [w if (not w.isdigit() or _YEAR.fullmatch(w)) and w not in dropped else "" for w in tokens]
    pairs = tuple((a, b) for a, b in itertools.pairwise(words) if a and b)
    optional = tuple(w for start, end in citing for w in plain[start:end].split())
    return _Context(tuple(w for w in words if len(w) > 1), pairs, optional)


_YEAR = re.compile(r"(?:19|20)\d\d")


@functools.cache
def _vocative_end() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(_plain(w) for w in _tables()['vocatives']['words'])})\W*$")


@functools.cache
def _phrases(table: str) -> re.Pattern[str]:
    """A documents.toml table of whole phrases, to find in a plain question."""
    return re.compile(rf"(?<!\w)(?:{_alternation(_plain(p) for p in _tables()[table]['phrases'])})(?!\w)")


@functools.cache
def _stands_for(word: str) -> frozenset[str]:
    # A question's "dn" is the "DN" the tables count only in capitals (in an article "ca" may be no "CA").
    return frozenset(concept_terms(word) or concept_terms(word.upper()))


@functools.cache
def _code_words() -> frozenset[str]:
    codes = [*_tables()["kinds"]["codes"], *(c for c in _tables()["code_issuers"] if c != "source")]
    return frozenset(_plain(c) for c in codes)


@functools.cache
def _asking_words() -> frozenset[str]:
    return frozenset(w for phrase in _tables()["question_words"]["words"] for w in _plain(phrase).split())


def _clause_coverage(context: _Context, fact: Fact, title: str) -> tuple[float, float, float]:
    """`_coverage` of the clause naming the document: in a sentence listing several ("… Nghị quyết số 1269
    … về biểu thuế bảo vệ môi trường …; … Nghị quyết số 712 … về … thuế tài nguyên"), the topic is the one
    stated beside its document."""
    return _coverage(context, clause_of(fact.citation.sentence, fact.span), title)


def _coverage(context: _Context, sentence: str, title: str) -> tuple[float, float, float]:
    """How much of the question's words a sentence (with its article's title) holds: the share of its
    words, then of its pairs of neighbouring words ("thú y" beside "tịch thu"), then of its words the
    sentence holds without the title (the sentence saying it all is the better citation)."""
    own_words, own_pairs = _words_of(sentence)
    if not context.words:
        # Nothing the sentence must hold: one holding the optional words ("biểu quyết thông qua") is the better.
        return (
            1.0,
            1.0,
            sum(w in own_words for w in context.optional) / len(context.optional) if context.optional else 1.0,
        )
    title_words, title_pairs = _words_of(title)
    held = own_words | title_words
    pairs = own_pairs | title_pairs
    # An abbreviation is held where what it stands for is ("pct": "Phó Chủ tịch"; "DN": "doanh nghiệp"), and
    # the words of a name where its abbreviation is ("kho bạc nhà nước": "KBNN").
    shortened = [w for w in context.words if w not in held and _stands_for(w)]
    spelt_out = [(term, words) for term, words in _concepts_spelt_out(context.words) if not words <= held]
    if shortened or spelt_out:
        concepts = _concepts_of(f"{sentence} {title}")
        held = held | {w for w in shortened if _stands_for(w) & concepts}
        held = held.union(*(words for term, words in spelt_out if term in concepts))
    also = sum(w in held for w in context.optional)
    share = (sum(w in held for w in context.words) + also) / (len(context.words) + also)
    own_also = sum(w in own_words for w in context.optional)
    own = (sum(w in own_words for w in context.words) + own_also) / (len(context.words) + own_also)
    return share, (sum(p in pairs for p in context.pairs) / len(context.pairs) if context.pairs else share), own


# Questions about documents read the same citing sentences again and again: their words are kept.
@functools.lru_cache(maxsize=32_768)
def _words_of(text: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The plain words of a sentence or title, and its pairs of neighbouring words."""
    words = re.sub(r"[^\w\s]", " ", _plain(text)).split()
    return frozenset(words), frozenset(itertools.pairwise(words))


@functools.lru_cache(maxsize=1_024)
def _concepts_spelt_out(words: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The concepts a question's words spell out in full ("kho bac nha nuoc": @kbnn), with those words."""
    found = []
    for start, end in itertools.combinations(range(len(words) + 1), 2):
        if end - start < MIN_SPELT_OUT or end - start > MAX_CONCEPT_WORDS:
            continue
        terms = set(concept_terms(" ".join(words[start:end])))
        # (the whole window is the phrase: neither end can go)
        terms -= set(concept_terms(" ".join(words[start + 1 : end]))) | set(
            concept_terms(" ".join(words[start : end - 1]))
        )
        found += [(term, frozenset(words[start:end])) for term in terms]
    return tuple(found)


# A name of two words is too loose a match for its abbreviation ("thành phố" beside any "TP. Hà Nội").
MIN_SPELT_OUT, MAX_CONCEPT_WORDS = 3, 6


@functools.lru_cache(maxsize=8_192)
def _concepts_of(text: str) -> frozenset[str]:
    return frozenset(concept_terms(text))


@functools.lru_cache(maxsize=2_048)
def _cited_in(article: Article, position: int) -> tuple[_Mention, ...]:
    """`mentions_in_article`, kept for the articles questions come back to (never mutated here)."""
    return tuple(mentions_in_article(article, position))


def _issuer_spans(plain: str) -> list[tuple[int, int]]:
    return [m.span() for m in _query_tables()[3].finditer(plain)]


def _fact_in_sentences(registry: Registry, articles: Sequence[Article], plain: str, fact: str) -> Fact | None:
    wanted = reference_in(plain)
    if wanted is None:
        return _law_fact_in_sentences(registry, articles, plain, fact)
    if not wanted.kinds:
        return None
    named = next(m for m in _query_tables()[2].finditer(plain) if int(m["number"]) == wanted.number)
    if not _opens_with_the_document(plain[: named.start()]):
        return None  # "Hội nghị sơ kết Chỉ thị 05 diễn ra khi nào?" asks about a meeting, not the document
    if fact in ("issuer", "signer"):
        # Who issued or signed it is asked, so a body the question names is someone else ("… mà lãnh đạo UBND TP
        # dẫn ra … là của cơ quan nào?"): only the code's issuer stands.
        wanted = dataclasses.replace(wanted, group=_code_parts(named["rest"])[2])
    else:
        wanted = dataclasses.replace(wanted, group=_asked_group(plain, named))
    years = [m.span() for m in re.finditer(r"(?:nam\s+)?(?:19|20)\d\d", plain)]
    context = _context(plain, [named.span(), *_issuer_spans(plain), *years])
    named_so = _bearing(registry, wanted)
    # The registry may not know who issued it ("UBND tỉnh Khánh Hoà đã ban hành nhiều văn bản chỉ đạo, mới nhất là
    # có Chỉ thị số 01 về …", "Ban Thường vụ Thành uỷ sửa đổi khoản 8, chỉ thị 05 ngày 5-1-2016 về …"): one whose
    # sentence also names the issuer the question gives will do, in place of those bearing that issuer when none
    # does, and beside them when asked when or what about.
    unissued: list[Document] = []
    issuer_said = context
    if wanted.group is not None and (not named_so or fact in ("date", "subject")):
        unissued = [d for d in _bearing(registry, dataclasses.replace(wanted, group=None)) if d.group is None]
        issuer_said = _context(plain, [named.span(), *years])
        if not named_so:
            named_so, context, unissued = unissued, issuer_said, []
    if not context.words and wanted.year is None and wanted.group is None and _several(named_so):
        return None  # see `several_bear`
    best = [found for d in named_so if (found := _best_statement(d, articles, context, fact, wanted.year))]
    best += [found for d in unissued if (found := _best_statement(d, articles, issuer_said, fact, wanted.year))]
    winner = _clear_winner(best)
    if winner is None and fact in ("subject", "issuer", "date") and (about := _the_one_about(named_so, context)):
        return _fact_of(about, fact, wanted)
    if winner is None and fact in ("subject", "issuer", "date") and (local := _the_one_of_the_place(named_so, wanted)):
        return _fact_of(local, fact, wanted)
    return winner


def _the_one_of_the_place(documents: list[Document], wanted: Reference) -> Document | None:
    """ "QĐ 875 cấm CB, ĐV uống rượu bia trong giờ làm việc ở Thanh Hoá": the only document of that name
    whose issuer is of the province the question names, every other being another province's, is the one
    meant, in whatever words the question tells what it does."""
    if wanted.place is None:
        return None
    places = [_in_place(d, wanted.place) for d in documents]
    return documents[places.index(True)] if places.count(True) == 1 and None not in places else None


def _the_one_about(documents: list[Document], context: _Context) -> Document | None:
    """Of documents bearing the name a question gives with words on their matter ("NQ 85 của QH về lấy phiếu
    tín nhiệm"), when no citing sentence tells them apart: the only one whose topic in the registry holds
    those words. One whose topic is unknown is not known to be about them."""
    if not context.words:
        return None
    about = [d for d in documents if d.subject and _coverage(context, d.subject, "")[0] >= MIN_CONTEXT_COVERAGE]
    return about[0] if len(about) == 1 else None


def several_bear(registry: Registry, name: str) -> bool:
    """Whether `name` (a question's, without its asking words) is a bare kind and number that two
    documents bear ("Chỉ thị 27" of the Bộ Chính trị and of the Thủ tướng): the one whose sentences
    state the fact asked is no likelier the one asked about."""
    plain = _words_and_codes(name)
    wanted = reference_in(plain)
    if wanted is None or not wanted.kinds or wanted.year is not None or wanted.group is not None:
        return False
    return names_only_a_document(plain) and _several(_bearing(registry, wanted))


def _bearing(registry: Registry, wanted: Reference) -> list[Document]:
    return [
        document
        for document in registry.documents
        if document.number
        and document.ordinal == wanted.number
        and document.kind in wanted.kinds
        and _named_as(document, wanted)
    ]


def _several(documents: list[Document]) -> bool:
    return any(not _vaguely_one(other, documents[0]) for other in documents[1:])


def _asked_group(plain: str, named: re.Match[str]) -> str | None:
    """The issuer group a question gives the document it names: its code's, or a body named as issuing
    it, right after its name ("… 27 của Bộ Y tế") or before it ("Bộ Y tế ban hành Thông tư 27"). A body
    named elsewhere does something else ("Thông tư 27 mà Bộ Tài chính đang sửa …")."""
    group = _code_parts(named["rest"])[2]
    if group is not None:
        return group
    _, issuers, _, issuer, _ = _query_tables()
    # A body of the issuer issues its own ("NQ 25 của Ban cán sự đảng Bộ TN-MT"): the issuer's group still stands.
    after = re.match(
        rf"(?:\s+nam\s+(?:19|20)\d\d)?\s+(?:cua\s+|do\s+)?(?:(?:{_alternation(w.strip() for w in _part_of_a_body())})\s+)??(?=(?:{issuer.pattern}))",
        plain[named.end() :],
    )
    if after is not None:
        return issuers[issuer.match(plain, named.end() + after.end()).group()]  # type: ignore[union-attr]
    before = issuer.search(plain, 0, named.start())
    return issuers[before.group()] if before else None


def _law_fact_in_sentences(registry: Registry, articles: Sequence[Article], plain: str, fact: str) -> Fact | None:
    """ "Luật Hợp tác xã … là luật năm nào?", "Luật Đất đai sửa đổi năm 2024 do cơ quan nào thông qua?": a law
    named by its title, asked as a numbered document is (its year, when one follows its title, picks it), or
    by the abbreviation the press writes for a code ("BLHS 2015")."""
    plain = _words_and_codes(_plain(expand_shorthand(plain)[0]))
    named = _law_in_question().search(plain)
    if named is None or not _opens_with_the_document(plain[: named.start()]):
        return None
    title = _law_titles()[_law_key(named["law"])]
    year = int(named["year"]) if named["year"] else None
    years = [m.span() for m in re.finditer(r"(?:nam\s+)?(?:19|20)\d\d", plain)]
    # "là luật năm nào": the kind's name again says nothing of what the law is about.
    kinds = [m.span() for m in re.finditer(r"(?<!\w)(?:bo\s+)?luat(?!\w)", plain)]
    context = _context(plain, [named.span(), *_issuer_spans(plain), *years, *kinds])
    laws = [d for d in registry.documents if d.title == title and _agree(year, d.year)]
    # A year asked picks the law of that year over mentions stating none ("Luật Đất đai" of any year).
    if year is not None:
        laws = [d for d in laws if d.year == year] or laws
    best = [found for d in laws if (found := _best_statement(d, articles, context, fact, year)) is not None]
    return _clear_winner(best)


@functools.cache
def _law_in_question() -> re.Pattern[str]:
    """A law's title in a plain question, with the year that may follow it ("luat dat dai sua doi nam 2024")."""
    titles = _alternation(_law_titles())
    return re.compile(rf"(?<!\w)(?P<law>{titles})(?:\s+sua\s+doi)?(?:\s+(?:nam\s+)?(?P<year>(?:19|20)\d\d))?(?!\w)")


def _opens_with_the_document(before: str) -> bool:
    """The question is about the document: nothing comes before its name but a lead-in ("theo", "cho
    hỏi") or its issuer issuing it ("Chính phủ ra", "Bộ Y tế đã ban hành")."""
    return _question_lead().fullmatch(before) is not None


@functools.cache
def _question_lead() -> re.Pattern[str]:
    issuers = _alternation(_query_tables()[1])
    lead = _alternation(_plain(w) for w in _tables()["question_leads"]["words"])
    verbs = _alternation(_plain(w) for w in _tables()["question_leads"]["issuing"])
    # (the issuer may be what is asked: "Cơ quan nào ra quyết định số 2479 …" leaves "ra")
    return re.compile(rf"\s*(?:(?:{lead})\s+)?(?:(?:{issuers})\s+)?(?:(?:{verbs})\s+)*")


def _clear_winner(scored: list[tuple[tuple[float, float, float], Fact]]) -> Fact | None:
    """The best-covering fact when it covers enough and no other document's sentence covers as much
    (one sentence naming two documents, "Nghị định 49 (nay là Nghị định 74)", answers for either);
    among equals, the most cited document's."""
    scored.sort(key=lambda f: (f[0], len(f[1].document.citations)), reverse=True)
    if not scored:
        return None
    score, fact = scored[0]
    rivals = [s[0] for s, f in scored[1:] if not _vaguely_one(f.document, fact.document)]
    # Less coverage will do when no other document comes near it.
    if score[0] < MIN_CONTEXT_COVERAGE and not (
        score[0] >= MIN_LEADING_COVERAGE and score[0] - max(rivals, default=0.0) >= LEAD
    ):
        return None
    if any(
        s >= score and f.citation.sentence != fact.citation.sentence and not _vaguely_one(f.document, fact.document)
        for s, f in scored[1:]
    ):
        return None  # two documents fit the question as well: which one is unknown
    return fact


def _best_statement(
    document: Document, articles: Sequence[Article], context: _Context, fact: str, year: int | None = None
) -> tuple[tuple[float, float, float], Fact] | None:
    """The sentence of a citing article naming the document and stating `fact` of it that best covers
    the question's words, with its coverage. A date that is nothing but the `year` the question names the
    document with says nothing new ("Bộ luật Hình sự 2015" beside "… thông qua Bộ luật hình sự 2015 ngày
    27/11/2015")."""
    best: tuple[tuple[float, float, float], Fact] | None = None
    best_rank: tuple = ()
    for position in document.articles:
        article = articles[position]
        for mention in _cited_in(article, position):
            if not _is_of(mention, document):
                continue
            sentence = mention.citation.sentence
            span = _stated(mention, document, sentence, fact)
            if span is None or (fact == "date" and year and re.fullmatch(rf"\D*{year}\D*", sentence[slice(*span)])):
                continue
            score = _coverage(context, sentence, article.title)
            # Of the sentences covering the question enough, one stating the day answers better than one
            # stating the year ("Nghị quyết 120 năm 2017" beside "Ngày 17/11/2017, Chính phủ ban hành …"),
            # and one stating the year better than a code carrying it ("159/2013/TT-BTC"); a plenum with its
            # term ("Hội nghị Trung ương 6 khóa XII") better than without.
            stated = _how_fully_stated(mention, sentence[slice(*span)], fact)
            # A day most citations disagree with is a slip ("Quy định số 102-QĐ/TW, ngày 15/12/2017" beside the
            # 15/11/2017 of the others): a sentence giving the document's own day answers before it.
            slip = fact == "date" and None not in (mention.date, document.date) and mention.date != document.date
            rank = (score[0] >= MIN_CONTEXT_COVERAGE, not slip, stated, score)
            if best is None or rank > best_rank:
                best_rank = rank
                asked = "date" if fact == "effective" else fact  # a day of taking effect answers "when"
                best = (score, Fact(asked, document, mention.citation, span))
    if best is None and fact == "effective":
        best = _effective_unnamed(document, articles, context)
    return best


def _how_fully_stated(mention: _Mention, stated: str, fact: str) -> int:
    """How much a sentence's statement of the fact says, for ranking those that cover the question alike."""
    if fact == "date":
        return 2 if mention.date else 0 if stated.isdigit() else 1
    if fact == "plenum":
        return int(re.search(r"kh(?:oá|óa)\s", stated, re.I) is not None)
    return 0


def _effective_unnamed(
    document: Document, articles: Sequence[Article], context: _Context
) -> tuple[tuple[float, float, float], Fact] | None:
    """ "Nghị quyết có hiệu lực từ 1/7/2015.": the day of taking effect stated of "the" document of its
    kind, in an article citing that one alone of the kind."""
    opening = re.compile(rf"(?:{re.escape(document.kind)})(?:\s+này)?\s+(?:sẽ\s+)?(?:chính thức\s+)?có hiệu lực", re.I)
    best: tuple[tuple[float, float, float], Fact] | None = None
    for position in document.articles:
        article = articles[position]
        mentions = _cited_in(article, position)
        if any(m.kind == document.kind and not _is_of(m, document) for m in mentions):
            continue  # the article cites another of that kind: "the" one is unclear
        for paragraph in article.paragraphs:
            text = canonicalize(paragraph)
            for start, end in split_sentences(text):
                sentence = text[start:end]
                effective = _EFFECTIVE.search(sentence) if opening.match(sentence) else None
                if effective is None:
                    continue
                score = _coverage(context, sentence, article.title)
                if best is None or score > best[0]:
                    best = (score, Fact("date", document, Citation(position, sentence), effective.span("date")))
    return best


def _is_of(mention: _Mention, document: Document) -> bool:
    return (
        (mention.kind, mention.number, mention.title) == (document.kind, document.ordinal, document.title)
        and _agree(mention.group, document.group)
        and _agree(mention.year, document.year)
        # A province's document is not another province's of that number ("UBND tỉnh Hà Tĩnh").
        and (mention.place is None or document.issuer is None or mention.place in _plain(document.issuer))
    )


# "… có hiệu lực từ ngày nào?": the day it takes effect, not the day it was issued.
_EFFECTIVE_ASKED = re.compile(r"(?<!\w)hieu luc(?!\w)")
_EFFECTIVE = re.compile(
    r"hiệu lực(?:\s+thi hành)?\s+(?:từ|kể từ)\s+(?:ngày\s+)?(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*(?:19|20)\d\d)?)",
    re.I,
)


def _stated(mention: _Mention, document: Document, sentence: str, fact: str) -> tuple[int, int] | None:
    """Where the sentence states the asked fact of the document it names ("effective": the day it takes effect)."""
    if fact == "issuer":
        # The naming nearest the document's ("Bộ Chính trị đã ra quyết định mới … thay quyết định số
        # 109-QĐ/TW của Bộ Chính trị"): the one its mention read; else the issuer its code names, when
        # the sentence names it ("Ủy ban Kiểm tra Trung ương đã thi hành kỷ luật tại Quyết định số
        # 1192-QĐ/UBKTTW").
        issuer = mention.issuer or (document.issuer if document.issuer_citation is None else None)
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(issuer or "\0"), sentence, re.I)]
        nearest = min(spans, key=lambda s: min(abs(s[0] - mention.span[1]), abs(mention.span[0] - s[1])), default=None)
        if nearest is None and mention.issuer is None and document.issuer_citation is None and document.group:
            # Its issuer read from its code ("6039/QĐ-UBND"), named before it as the one acting: "dự án đã được
            # UBND TP. Đà Nẵng phê duyệt … tại Quyết định số 6039/QĐ-UBND".
            return _body_of_group_before(sentence, mention.span[0], document.group)
        return nearest
    if fact == "signer":
        return _signer_span(sentence, mention.span)
    if fact == "date":
        if mention.date or mention.year:
            dated = dataclasses.replace(document, date=mention.date, year=mention.year)
            return _date_span(dated, sentence)
        return mention.day
    if fact == "effective":
        effective = _EFFECTIVE.search(sentence)
        return effective.span("date") if effective else None
    if fact == "plenum":
        return _plenum_span(sentence, mention.span)
    if mention.subject or mention.matter:
        # "quyết định số 200/2004/QĐ-UB quy định 17 ngành nghề …": what it provides answers what it is about.
        return _find(sentence, (mention.subject or mention.matter or "").removesuffix(" …"))
    return _unmarked_subject(sentence, max(mention.span[1], mention.tail_end))


# A plenum of the Central Committee, numbered within its term: "Hội nghị Trung ương 6 khoá XII", "Hội nghị lần
# thứ 8 Ban Chấp hành Trung ương Đảng khoá XII", "hội nghị lần thứ sáu, khóa XII".
_NTH = r"(?:\d{1,2}|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+(?:một|hai|ba|bốn|lăm|năm))?)(?!\w)"
_TERM = r"(?:\s*,?\s*\(?\s*kh(?:oá|óa)\s+[IVXLC]+(?!\w)\)?)"
_CENTRAL = r"(?:Ban\s+Chấp\s+hành\s+)?(?:Trung\s+ương|TƯ|TW)(?:\s+Đảng)?"
_PLENUM = re.compile(
    rf"Hội\s+nghị\s+(?:(?:lần\s+)?thứ\s+{_NTH}\s*,?\s*(?:(?:{_CENTRAL}{_TERM}?)|{_TERM})"
    rf"|{_CENTRAL}\s+(?:lần\s+thứ\s+)?{_NTH}{_TERM}?)",
    re.I,
)
# Between a document's name and its plenum: "Nghị quyết số 18-NQ/TW ban hành tháng 10-2017 của Hội nghị …",
# "Nghị quyết số 05, Hội nghị …"; or the plenum issuing it: "Hội nghị Trung ương 4 khóa XII đã ban hành Nghị quyết 05".
_OF_THE_PLENUM = re.compile(r"(?:[^;:()“”\"]{0,50}?\s)?(?:của|tại)\s+|\s*[,(]\s*")
_PLENUM_ISSUING = re.compile(r"\s+(?:(?:đã|vừa)\s+)?(?:ban\s+hành|thông\s+qua|ra)\s+", re.I)


def _body_of_group_before(sentence: str, position: int, group: str) -> tuple[int, int] | None:
    """The last body of this issuer group (bot/data/documents.toml [issuers]) named before `position`, with
    its province: "UBND TP. Đà Nẵng"."""
    found = None
    for body in _patterns()["issuer_named"].finditer(sentence, 0, position):
        before = f" {_plain(sentence[max(0, body.start() - 30) : body.start()])}"
        if _issuer_group(body["issuer"]) == group and not before.endswith(_part_of_a_body()):
            end = body.end("place") if body["place"] else body.end("level") if body["level"] else body.end("issuer")
            found = (body.start(), end)
    return found


def _plenum_span(sentence: str, named: tuple[int, int]) -> tuple[int, int] | None:
    """The plenum the sentence says issued the document it names at `named`, or None."""
    for plenum in _PLENUM.finditer(sentence):
        gap = sentence[named[1] : plenum.start()] if plenum.start() >= named[1] else None
        if gap is not None and _OF_THE_PLENUM.fullmatch(gap) and not _may_name_a_document(gap):
            return plenum.span()
        if plenum.end() <= named[0] and _PLENUM_ISSUING.fullmatch(sentence, plenum.end(), named[0]):
            return plenum.span()
    return None


# "Thủ tướng Nguyễn Xuân Phúc đã ký Quyết định …", "ông Thăng đã ký ban hành Nghị quyết …": a person,
# then "ký" and at most two words before the document's name.
_SIGNED_BEFORE = re.compile(
    r"\s+(?:(?:đã|vừa|mới|cũng|trực tiếp)\s+)*ký(?:\s+(?:và\s+)?ban hành)?(?:\s+[^\s,;.]+){0,2}\s+", re.I
)
# "ông Trần Văn Công, Chủ tịch UBND huyện Quảng Xương, tỉnh Thanh Hoá (lúc đó là Phó Chủ tịch UBND huyện) đã ký
# Quyết định …": the nearest person, described between a comma and "ký" by an office and its place, each part
# opening with a capital or a kind of place ("…, cho biết Bộ trưởng đã ký" is someone else's saying).
_DESCRIPTION_PART = rf"(?:[{UPPER_LETTERS}]|(?:tỉnh|thành phố|TP|huyện|quận|xã)\s)[^,;:()]{{0,80}}"
_DESCRIBED_THEN_SIGNED = re.compile(
    rf",\s*{_DESCRIPTION_PART}(?:,\s*{_DESCRIPTION_PART})?(?:\s*\([^()]{{0,80}}\))?{_SIGNED_BEFORE.pattern}"
)
# "Quyết định số 698 do Chủ tịch Hội đồng thành viên và Tổng Giám đốc ký": who, between "do" and "ký" (an office
# held then: "do nguyên Thứ trưởng bộ GTVT Nguyễn Hồng Trường ký").
_SIGNED_AFTER = re.compile(
    rf"[^,;.]{{0,40}}?\s+do\s+(?:(?:nguyên|cựu)\s+)?(?P<who>[{UPPER_LETTERS}][^,;.]{{1,80}}?)\s+(?:đã\s+)?ký(?!\w)"
)


def _signer_span(sentence: str, named: tuple[int, int]) -> tuple[int, int] | None:
    """The person the sentence says signed the document it names at `named`, or None: a signer is never
    the issuing body ("Chỉ thị số 27 của Bộ Chính trị" was signed by the Thường trực Ban Bí thư)."""
    people = people_in(sentence[: named[0]])
    for start, end in reversed(people):
        if _SIGNED_BEFORE.fullmatch(sentence, end, named[0]):
            return start, end
    if people and _DESCRIBED_THEN_SIGNED.fullmatch(sentence, people[-1][1], named[0]):
        return people[-1]
    after = _SIGNED_AFTER.match(sentence, named[1])
    return after.span("who") if after else None


def signer_in(sentence: str) -> tuple[int, int] | None:
    """Where a sentence names the person who signed a document it names, or None."""
    for mention in _mentions_in(sentence, Citation(-1, sentence)):
        if (span := _signer_span(sentence, mention.span)) is not None:
            return span
    # … or a document it does not number ("Phó chủ tịch Quốc hội Đỗ Bá Tỵ vừa ký văn bản của …").
    for noun in _kind_nouns().finditer(sentence):
        if (span := _signer_span(sentence, noun.span())) is not None:
            return span
    return None


@functools.cache
def _kind_nouns() -> re.Pattern[str]:
    """The name of any kind of document or paper, in any case ("ký văn bản", "ký quyết định xử phạt")."""
    kinds = [*_tables()["kinds"]["names"], *_tables()["kinds"]["others"]]
    return re.compile(rf"(?<!\w)(?:{_alternation(kinds)})(?!\w)", re.I)


def _unmarked_subject(sentence: str, end: int) -> tuple[int, int] | None:
    """What a document does, written right after its name without "về" ("ban hành Nghị quyết số 4266
    góp vốn vượt mức quy định vào OceanBank"): a lower-case word that is no connector opens it."""
    # "Tại Quyết định 1051/QĐ-TTg, Thủ tướng Chính phủ quyết định thi hành kỷ luật …", "tại Quyết định số
    # 1637/QĐ-UBND tháng 6/2017, UBND TP. Hải Phòng đã ban hành quy chế …": what its issuer decides or issues in it.
    decided = re.match(
        rf",\s*[{UPPER_LETTERS}]\w*(?:\s+[\w.]+){{0,4}}?\s+(?:đã\s+|vừa\s+)?(?:quyết định|ban hành)(?=\s)",
        sentence[end:],
    )
    # "Tại Quyết định số 1433/QĐ-TTg ngày 26/10, Thủ tướng xoá tư cách …": what its issuer does in it, when the
    # sentence opens with the document ("Tại", "Theo").
    acting = (
        _patterns()["issuer_acting"].match(sentence, end)
        if not decided and re.match(r"\W*(?:tại|theo)\s", sentence, re.I) and sentence.count(",", 0, end) == 0
        else None
    )
    end = acting.end() - 1 if acting else end + (decided.end() if decided else 0)
    decided = decided or acting
    following = re.match(r"\s+([^\W\d_]+)", sentence[end:])
    # Compared with diacritics: "thi hành" opens one, "thì" does not; what is issued may be a "quy chế".
    if following is None or not following.group(1).islower():
        return None
    if not decided and following.group(1) in _not_a_subject():
        return None
    subject = _subject(sentence, end + following.start(1))
    if subject is None or (_may_name_a_document(subject) and _patterns()["mention"].search(subject)):
        return None  # what another document it names is about ("… phù hợp với Nghị quyết 13-NQ/TW về …")
    return _find(sentence, subject.removesuffix(" …"))


@functools.cache
def _not_a_subject() -> frozenset[str]:
    return frozenset(canonicalize(w).lower() for w in _tables()["subject_unmarked"]["not_first"])


def _which_kind(plain: str) -> re.Match[str] | None:
    """ "… theo nghị định nào …", "nghị quyết nào của Quốc hội về …", "văn bản nào …" (any kind): the
    kind of document asked for."""
    kinds = [*(k for k in _query_tables()[0] if k), ANY_KIND]
    asked = re.finditer(rf"(?<!\w)(?P<kind>{_alternation(kinds)})\s+(?:so\s+)?(?:nao|may|bao\s+nhieu)(?!\w)", plain)
    # A "kỷ luật" is no law ("thi hành kỷ luật bao nhiêu đảng viên?"), as the question's own reading has it; read
    # plain, "ky" is "ký" too: "ký quyết định nào" asks for one.
    return next(
        (m for m in asked if not (m["kind"] == "luat" and NOT_A_DOCUMENT_BEFORE.search(plain[: m.start()]))), None
    )


ANY_KIND = "van ban"


def _right_after(sentence: str, start: int, verb: list[str]) -> bool:
    """Whether the sentence's word before `start` is the question's verb (plain, one word or none)."""
    return _plain(sentence[:start]).split()[-1:] == verb


def _which_in_sentences(
    registry: Registry, articles: Sequence[Article], plain: str, which: re.Match[str]
) -> Fact | None:
    """The one document of the asked kind (and issuer) whose citing sentence holds the question's words."""
    kinds = (
        frozenset(d.kind for d in registry.documents)
        if which["kind"] == ANY_KIND
        else _query_tables()[0][which["kind"]]
    )
    groups = _issuing_groups(plain, which)
    # A year asked is one of the words the sentence must hold, not the document's year: the directive
    # "về việc tổ chức Tết 2018" is of December 2017.
    context = _context(plain, [which.span(), *_issuer_spans(plain)])
    if len(context.words) < 2:
        return None  # too little said of the topic to tell one document from another
    scored = []
    # A law is cited by its title: asked for as a law after a verb ("vi phạm luật nào?", "theo luật nào?"), a
    # titled entry answers where its sentence has that verb right before it ("đã vi phạm Luật đất đai năm 2013").
    verb = plain[: which.start()].split()[-1:]
    # (a cheap look for the verb before any law's title first: laws are cited by the thousand)
    verb_then_law = re.compile(rf"(?<!\w){re.escape(verb[0])}\s+(?:bo\s+)?luat(?!\w)") if verb else None
    for document in registry.documents:
        if document.kind not in kinds or (document.title and (which["kind"] == ANY_KIND or not verb)):
            continue
        if groups and document.group not in groups:
            continue
        sentences = {c.sentence: c for c in (*document.citations, document.subject_citation) if c}
        for citation in sentences.values():
            if document.title and not (verb_then_law and verb_then_law.search(_plain(citation.sentence))):
                continue
            fact = _fact("which", document, citation, _name_span)
            if fact is not None and document.title and not _right_after(citation.sentence, fact.span[0], verb):
                continue
            if fact is not None:
                scored.append((_clause_coverage(context, fact, articles[citation.article].title), fact))
    # The registry keeps an article's first naming sentence: the best documents' every naming sentence
    # is read too (a later one may state the topic).
    scored.sort(key=lambda f: f[0], reverse=True)
    leaders = list({id(f.document): f.document for _, f in scored[:WHICH_RESCANNED]}.values())
    for document in leaders:
        for position in document.articles:
            article = articles[position]
            for mention in _cited_in(article, position):
                if document.title and not _right_after(mention.citation.sentence, mention.span[0], verb):
                    continue
                if _is_of(mention, document):
                    citation = mention.citation
                    fact = Fact("which", document, citation, mention.span)
                    scored.append((_clause_coverage(context, fact, article.title), fact))
    winner = _clear_winner(scored)
    if winner is None and scored and (best := max(s for s, _ in scored))[0] >= MIN_CONTEXT_COVERAGE:
        # Sentences of two documents hold the words alike ("… quy định ủy quyền cho Thường trực Tỉnh ủy …" near
        # a Quy định 51): the one whose topic in the registry holds them is the one asked for.
        tied = [f for s, f in scored if s == best]
        about = _the_one_about(list({id(f.document): f.document for f in tied}.values()), context)
        winner = next((f for f in tied if f.document is about), None)
    return winner


WHICH_RESCANNED = 5


def _issuing_groups(plain: str, which: re.Match[str]) -> set[str]:
    """The issuer groups a which-document question asks of: bodies named issuing the kind asked, right
    after it ("nghị quyết nào của HĐND TP") or before it with verbs of issuing ("Ban Bí thư ban hành chỉ
    thị nào"). A body doing something else ("bộ KHCN đang phối hợp bộ Tài chính sửa thông tư nào") is
    no issuer asked."""
    issuers, issuer = _query_tables()[1], _query_tables()[3]
    verbs = _alternation(_plain(w) for w in _tables()["question_leads"]["issuing"])
    groups = set()
    lead = re.compile(r"\s+(?:(?:cua|do)\s+)?").match(plain, which.end())
    attached = issuer.match(plain, lead.end()) if lead else None
    if attached:
        groups.add(issuers[attached.group()])
    for match in issuer.finditer(plain, 0, which.start()):
        if re.fullmatch(rf"\s+(?:(?:{verbs})\s+)+", plain[match.end() : which.start()]):
            groups.add(issuers[match.group()])
    return groups


# --- articles of codes and laws: "Điều 229 Bộ luật Hình sự quy định tội gì?", "… bị khởi tố theo điều nào?" ---

# "khoản 3 Điều 220", "điểm d, Khoản 1, Điều 65" (an article, with its clause and point).
_PROVISION = re.compile(r"(?<!\w)(?:điểm\s+[a-zđ]\s*,?\s*)?(?:khoản\s+\d+\s*,?\s*)?điều\s+(?P<number>\d+)(?!\d)", re.I)
# What stands between the last article of a list and the law's title: "Điều 220, Bộ luật …", "Điều 5 của Luật …".
_PROVISION_TO_LAW = re.compile(r"\s*,?\s*(?:của\s+)?", re.I)
_LAW_YEAR = re.compile(r"\s*,?\s*(?:năm\s+)?(?P<year>(?:19|20)\d\d)(?!\d)", re.I)
# Around an offence: quotes, brackets, and "… được quy định tại", "… theo quy định tại" before its article.
_OFFENCE_LEAD = re.compile(r"[\s)\],;:“”\"'«»]*(?:và\s+)?(?:(?:các\s+)?tội\s+)?[\s“”\"'«]*", re.I)
_OFFENCE_TAIL = re.compile(
    r"[\s,;(:“”\"'»]*(?:(?:(?:được|theo)\s+)*(?:quy|qui)\s+định)?\s*(?:tại|theo)?[\s,;(:“”\"'»]*$", re.I
)
MAX_OFFENCE_WORDS = 30
# Two sentences name one offence when this share of their syllables is shared ("Vi phạm các quy định về quản lý
# đất đai" and "… của Nhà nước về quản lý đất đai"; not "… quản lý, sử dụng tài sản nhà nước …").
SAME_OFFENCE = 0.6


@functools.cache
def _offence_marker() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(_tables()['provisions']['offence_markers'])})(?!\w)\s*:?", re.I)


def _provisions_in(mentions: Sequence[_Mention]) -> list[Provision]:
    """The articles each sentence cites right before a law's title ("về tội “Buôn lậu” theo Khoản 4 Điều 188 và
    “Vi phạm …” theo Khoản 3 Điều 221 Bộ luật hình sự năm 2015"), each with the offence written before it."""
    found = []
    for mention in mentions:
        if not mention.title:
            continue
        sentence = mention.citation.sentence
        # From the end of the document named before this law in the sentence (the articles there are its).
        start = max(
            (m.span[1] for m in mentions if m.citation == mention.citation and m.span[1] <= mention.span[0]), default=0
        )
        # (past the year written after it: "(Điều 219 Bộ luật Hình sự năm 2015) và …")
        start = dated.end() if start and (dated := _LAW_YEAR.match(sentence, start)) else start
        listed = list(_PROVISION.finditer(sentence, start, mention.span[0]))
        if not listed or not _PROVISION_TO_LAW.fullmatch(sentence, listed[-1].end(), mention.span[0]):
            continue
        year = _LAW_YEAR.match(sentence, mention.span[1])
        end = year.end() if year else mention.span[1]
        defines = mention.title in _tables()["provisions"]["offence_laws"]
        cited_before = _PROVISION.search(sentence, 0, start) is not None  # by another law's title
        previous = start
        for match in listed:
            span = (match.start(), end if match is listed[-1] else match.end())
            listed_after = previous > start or cited_before
            offence = _offence(sentence, previous, match.start(), listed_after) if defines else None
            found.append(
                Provision(
                    mention.title,
                    int(year["year"]) if year else None,
                    int(match["number"]),
                    mention.citation,
                    span,
                    offence,
                )
            )
            previous = match.end()
    return found


def _offence(sentence: str, start: int, end: int, listed_after: bool) -> tuple[int, int] | None:
    """The offence written before an article at `end`: after the nearest "tội", "hành vi" … since `start`, or,
    for an article listed after another of a list of offences ("về các tội … (Điều 219 …) và Vi phạm …
    (Điều 229 …)"), all since the one before."""
    markers = list(_offence_marker().finditer(sentence, start, end))
    if markers:
        begin = markers[-1].end()
    elif listed_after and _offence_marker().search(sentence, 0, start):
        begin = start
    else:
        return None
    begin += _OFFENCE_LEAD.match(sentence, begin, end).end() - begin  # type: ignore[union-attr]
    tail = _OFFENCE_TAIL.search(sentence, begin, end)
    stop = tail.start() if tail else end
    # The offence in quotes after other words: "2 tội danh khác nhau gồm “Buôn lậu” theo …".
    quoted = max(sentence.rfind("“", begin, stop), sentence.rfind('"', begin, stop))
    begin = quoted + 1 if quoted >= 0 else begin
    begin += len(sentence[begin:stop]) - len(sentence[begin:stop].lstrip())
    words = sentence[begin:stop].split()
    if (
        not 2 <= len(words) <= MAX_OFFENCE_WORDS
        or not words[0][0].isalpha()
        or _PROVISION.search(sentence, begin, stop)
    ):
        return None
    return begin, stop


def provision_answer(registry: Registry, articles: Sequence[Article], question: str) -> Fact | None:
    """The answer to a question about an article of a code or law: the offence it defines ("Điều 229 BLHS 2015
    quy định tội gì?") or the article a case comes under ("Ông A bị khởi tố theo điều nào?"), with the sentence
    stating it; None when the question asks neither or the citing sentences do not settle it."""
    if not re.search(r"(?<!\w)dieu(?!\w)", _plain(question)):
        return None  # no article named or asked for: no shorthand to write out ("BLHS")
    plain = _words_and_codes(_plain(expand_shorthand(question)[0]))
    named = _provision_in_question().search(plain)
    asking_offence = _asking("asking_offence").search(plain)
    if named is not None and asking_offence is not None:
        return _offence_of(registry, articles, plain, named, asking_offence)
    which = _asking("asking_provision").search(plain)
    return _provision_of(registry, articles, plain, which) if which is not None else None


@functools.cache
def _provision_in_question() -> re.Pattern[str]:
    titles = _alternation(_law_titles())
    return re.compile(
        rf"(?<!\w)(?:khoan\s+\d+\s+)?dieu\s+(?P<number>\d+)\s+(?:cua\s+)?(?P<law>{titles})"
        rf"(?:\s+(?:nam\s+)?(?P<year>(?:19|20)\d\d))?(?!\w)"
    )


@functools.cache
def _law_named_after() -> re.Pattern[str]:
    """A law's title right after the asking words: "theo điều nào của BLHS" (written out)."""
    return re.compile(rf"\s+(?:cua\s+)?(?P<law>{_alternation(_law_titles())})(?!\w)")


@functools.cache
def _asking(table: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(_plain(w) for w in _tables()['provisions'][table])})(?!\w)")


def _offence_of(
    registry: Registry, articles: Sequence[Article], plain: str, named: re.Match[str], asking: re.Match[str]
) -> Fact | None:
    """The offence the citing sentences agree an article defines, in the sentence holding most of the
    question's other words. An article of another year's code defines another offence: a year asked picks
    the sentences stating it, and without one, two years' sentences must not disagree."""
    law, number = _law_titles()[_law_key(named["law"])], int(named["number"])
    year = int(named["year"]) if named["year"] else None
    candidates = [p for p in registry.provisions if p.law == law and p.number == number and p.offence]
    if year is not None:
        candidates = [p for p in candidates if p.year == year] or [p for p in candidates if p.year is None]
    elif any(
        a.year and b.year and a.year != b.year and not _same_offence(a, b)
        for a, b in itertools.combinations(candidates, 2)
    ):
        return None
    if not candidates:
        return None
    support = {id(p): sum(_same_offence(p, other) for other in candidates) for p in candidates}
    best = max(support.values())
    if any(
        support[id(p)] >= best and not _same_offence(p, q)
        for p in candidates
        for q in candidates
        if support[id(q)] >= best
    ):
        return None  # two offences named as often: which one is unclear
    agreeing = [p for p in candidates if support[id(p)] == best]
    context = _context(plain, [named.span(), asking.span()])
    chosen = max(agreeing, key=lambda p: _coverage(context, p.citation.sentence, articles[p.citation.article].title))
    return _law_fact(registry, "subject", chosen, chosen.offence)  # type: ignore[arg-type]


def _offence_words(provision: Provision) -> frozenset[str]:
    start, end = provision.offence or (0, 0)
    return _words_of(provision.citation.sentence[start:end])[0]


def _same_offence(a: Provision, b: Provision) -> bool:
    ours, theirs = _offence_words(a), _offence_words(b)
    return len(ours & theirs) >= SAME_OFFENCE * len(ours | theirs)


def _provision_of(registry: Registry, articles: Sequence[Article], plain: str, which: re.Match[str]) -> Fact | None:
    """The article (of the law the question names after "điều nào", if any) cited by a sentence holding
    the question's words: the one whose offence they name ("bị khởi tố tội buôn lậu theo điều mấy", where
    the sentence cites buôn lậu's and kế toán's), else the one whose sentence holds most of them."""
    law = _law_named_after().match(plain, which.end())
    title = _law_titles()[_law_key(law["law"])] if law else None
    context = _context(plain, [which.span(), law.span() if law else (0, 0)])
    if len(context.words) < 2:
        return None
    scored = []
    for provision in registry.provisions:
        if title is not None and provision.law != title:
            continue
        sentence = provision.citation.sentence
        coverage = _coverage(context, sentence, articles[provision.citation.article].title)
        offence = sentence[slice(*provision.offence)] if provision.offence else ""
        # The article written with its law beside it ("Khoản 4 Điều 188 Bộ luật Hình sự", not "Khoản 4 Điều
        # 188 và … Khoản 3 Điều 221 Bộ luật …") is the clearer citation of two alike.
        whole = _law_key(provision.law) in _law_key(sentence[slice(*provision.span)])
        # An article whose offence the sentence does not name is about what the sentence itself says, not
        # about its article's story: "Điều 40 Luật Tổ chức Quốc hội quy định: … bãi nhiệm" in a story of a
        # deputy resigning is no answer to which article her resigning comes under.
        if coverage[0 if provision.offence else 2] >= MIN_CONTEXT_COVERAGE:
            scored.append(((_coverage(context, offence, "")[0], whole, coverage), provision))
    scored.sort(key=lambda s: s[0], reverse=True)
    if not scored:
        return None
    score, chosen = scored[0]
    if any(s >= score and (p.law, p.number) != (chosen.law, chosen.number) for s, p in scored[1:]):
        return None  # another article fits the question as well
    return _law_fact(registry, "which", chosen, chosen.span)


def _law_fact(registry: Registry, asked: str, provision: Provision, span: tuple[int, int]) -> Fact | None:
    """The fact stated of a provision, as of the registry's document of the law its sentence cites."""
    citing = [d for d in registry.documents if d.title == provision.law and provision.citation.article in d.articles]
    law = next((d for d in citing if d.year == provision.year), citing[0] if citing else None)
    return Fact(asked, law, provision.citation, span) if law is not None else None
