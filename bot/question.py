"""What a question asks: its type (who, how many, when, where, what) and which of its words matter."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from bot.names import people_in
from bot.names import table as name_table
from bot.tables import word_tables
from bot.text import (
    LOWER_LETTERS,
    UPPER_LETTERS,
    canonicalize,
    clean_syllable,
    code_terms,
    dictionary_words,
    has_tone_mark,
    looks_unaccented,
    mend_horns,
    nfc,
    ordinal_terms,
    ordinals_after_a_noun,
    plain_dictionary_words,
    strip_diacritics,
    syllables,
)


class Kind(enum.Enum):
    WHO = "who"
    HOW_MANY = "how_many"
    WHEN = "when"
    WHERE = "where"
    WHAT = "what"
    YES_NO = "yes_no"  # "có phải … không", "… đúng không": a claim to confirm or deny


@dataclass(frozen=True)
class Constraint:
    """Something a question states that its answer's article must state too ("năm 2019", "5 năm")."""

    # "year", "years" (a span of years: "sơ kết 5 năm"), "ordinal" ("lần thứ 16"), "document",
    # "numbered" ("bão số 3"), "law" (by its title), "place" (a province, district or commune), "person" (named in full),
    # "dated" (a phrase and its year: "Chính phủ năm 2016"),
    # "recent" (relative to today: "hôm nay", "tuần này", "năm nay") or "period" ("tháng 5/2025", "từ … đến …")
    kind: str
    # "2019", "5", "16", "#ct5", "bao 3", "nghe an", "nguyen duc chung", "chinh phu 2016"; for "recent": "day", "week", "month" or "year"; for "period": "2025-05-01/2025-05-31"
    value: str


DATE_KINDS = frozenset({"recent", "period"})  # constraints only an article's date can meet


YEAR = re.compile(r"(?<![\d.,])(19[4-9]\d|20[0-4]\d)(?!\d)")
# "sơ kết 5 năm", "10 năm thực hiện", "kỷ niệm 87 năm" (on the lowercase diacritic-free text).
# Number words are left out: "Việt Nam năm nay" is no span of years.
YEARS_SPAN = re.compile(r"(?<![\w.,/])(\d{1,3}) nam(?! \d)(?!\w)")


def _question_words() -> dict:
    return word_tables("question_words")


# Words that carry no topic (bot/data/question_words.toml [stop_words]): ranking ignores them. Typed
# without diacritics, those that also spell common content words are not ("dang" is also Đảng).
STOP_WORDS = frozenset(_question_words()["stop_words"]["words"])
PLAIN_STOP_WORDS = frozenset(strip_diacritics(w) for w in STOP_WORDS) - set(
    _question_words()["stop_words"]["plain_content_words"]
)


@functools.cache
def _plain_alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word occurrences of any of the (diacritic-free) phrases, longest first."""
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)")


def _words(section: str, name: str) -> re.Pattern[str]:
    return _plain_alternation(tuple(_question_words()[section][name]))


# Checked in this order: "ngày bao nhiêu" asks when, not how many.
_KIND_PHRASES: tuple[tuple[Kind, tuple[str, ...]], ...] = tuple(
    (Kind(kind), tuple(_question_words()["kinds"][kind])) for kind in ("when", "where", "how_many", "who")
)


# A month, a year or a day, as a question bounds a period with: "tháng 5/2025", "tháng 5 năm 2025", "năm 2021",
# "15/3/2024" (on the lowercase diacritic-free text).
_WHEN = (
    r"(?:thang\s+(?P<{0}m>\d{{1,2}})\s*(?:[/.-]|\s+nam\s+)\s*(?P<{0}y>(?:19|20)\d\d)"
    r"|(?:ngay\s+)?(?P<{0}dd>\d{{1,2}})\s*[/.-]\s*(?P<{0}dm>\d{{1,2}})\s*[/.-]\s*(?P<{0}dy>(?:19|20)\d\d)"
    r"|nam\s+(?P<{0}yy>(?:19|20)\d\d))(?!\d)"
)
_PERIOD = re.compile(rf"(?<!\w)(?:tu\s+{_WHEN.format('a')}\s+(?:den|toi)\s+{_WHEN.format('b')}|{_WHEN.format('c')})")


def _bounds(match: re.Match[str], side: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a month, year or day of a `_PERIOD` match stands for."""
    try:
        if match[f"{side}m"]:
            year, month = int(match[f"{side}y"]), int(match[f"{side}m"])
            first = dt.date(year, month, 1)
            return first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        if match[f"{side}dd"]:
            day = dt.date(int(match[f"{side}dy"]), int(match[f"{side}dm"]), int(match[f"{side}dd"]))
            return day, day
        year = int(match[f"{side}yy"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None  # no such month or day


def periods_in(plain_text: str) -> list[tuple[tuple[int, int], str]]:
    """The periods a question bounds by month or by "từ … đến …" ("2025-05-01/2025-05-31"), with their spans.

    A year alone ("năm 2021") is a "year" constraint: an article may state it without being dated then.
    A day alone ("ngày 15/3/2024") dates an event, reported days later: no period either.
    """
    found = []
    for match in _PERIOD.finditer(plain_text):
        if match["cyy"] or match["cdd"]:
            continue  # a day alone is when an event took place, reported days later
        first = _bounds(match, "a" if match["am"] or match["add"] or match["ayy"] else "c")
        last = _bounds(match, "b") if match["bm"] or match["bdd"] or match["byy"] else first
        if first and last and first[0] <= last[1]:
            found.append((match.span(), f"{first[0].isoformat()}/{last[1].isoformat()}"))
    return found


def plain_words(text: str) -> str:
    """Lowercase, diacritic-free, single-spaced: the text the year patterns read."""
    return " ".join(strip_diacritics(nfc(text)).lower().split())


# What a question states and its answer's article must state too, read alike from both.
def years_in(text: str) -> list[str]:
    """The years a text names (its digits read alike with or without diacritics)."""
    return [m.group(1) for m in YEAR.finditer(text)]


def spans_of_years_in(plain_text: str) -> list[str]:
    return [str(int(m.group(1))) for m in YEARS_SPAN.finditer(plain_text)]


def ordinals_in(text: str) -> list[str]:
    numbered = ["".join(c for c in term if c.isdigit()) for term in ordinal_terms(text)]
    return list(dict.fromkeys(numbered + [str(v) for v in ordinals_after_a_noun(text)]))


def documents_in(text: str) -> list[str]:
    """Documents by kind and number ("#ct5"), whichever issuer the text names."""
    return [term for term in code_terms(text) if ":" not in term]


@functools.cache
def _places() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every province's spellings (as `plain_words` reads them), and the province each names."""
    place_of = {plain_words(name): plain_words(name) for name in name_table("provinces")}
    for group in word_tables("names")["province_spellings"]["groups"]:
        place_of.update((plain_words(name), plain_words(group[0])) for name in group)
    return _plain_alternation(tuple(place_of)), place_of


@functools.cache
def spellings_of(place: str) -> re.Pattern[str]:
    """Where a (plain) text names the province `places_in` calls `place`, however spelled; for a district
    or a person, their name itself."""
    _, place_of = _places()
    spellings = tuple(name for name, of in place_of.items() if of == place)
    if spellings:
        return _plain_alternation(spellings)
    # A hyphen in a name is written spaced or not: "Kim Yo-jong", "Kim Yo - jong".
    return re.compile(r"(?<!\w)" + r"\s*-\s*".join(re.escape(part.strip()) for part in place.split("-")) + r"(?!\w)")


def places_in(plain_text: str) -> list[str]:
    """The provinces a (plain) text names, each by one spelling of it ("tp hcm" for "Sài Gòn")."""
    pattern, place_of = _places()
    return [place_of[m.group(1)] for m in pattern.finditer(plain_text)]


# "huyện Vĩnh Tường", "TP Thủ Dầu Một": a district, town or commune by its (capitalised) name; its first
# two syllables, as a longer run may be a person's name next to it ("quận Liên Chiểu Dương Thành Thị").
_LOCALITY = re.compile(
    r"(?<!\w)(?i:thành phố|tp\.?|quận|huyện|thị xã|xã|phường|thị trấn)\s+"
    rf"(?P<name>[{UPPER_LETTERS}][{LOWER_LETTERS}]*(?:\s+[{UPPER_LETTERS}][{LOWER_LETTERS}]*)?)(?!\w)"
)


def localities_in(text: str) -> list[str]:
    """The districts, towns and communes a question names, as `plain_words` spells them (provinces aside)."""
    names = (plain_words(m.group("name")) for m in _LOCALITY.finditer(nfc(text)))
    return [name for name in names if not places_in(name)]


# "quận 3", "phường 12": a district or ward by its number (on plain text), named so by any article about it.
_NUMBERED_LOCALITY = re.compile(r"(?<!\w)(quan|phuong) (\d{1,2})(?![\d\w]|[/.,-]\d)")


def numbered_localities_in(plain_text: str) -> list[str]:
    return [f"{m.group(1)} {int(m.group(2))}" for m in _NUMBERED_LOCALITY.finditer(plain_text)]


# "Chính phủ năm 2016", "nhân dân năm 2016": the two syllables a year is of (on plain text).
_DATED = re.compile(r"(?<![\w.,/])([a-z]+ [a-z]+) nam (19[4-9]\d|20[0-4]\d)(?!\d)")


def dated_phrases_in(plain_text: str) -> list[str]:
    """The phrases a text dates by a year ("chinh phu 2016" for "… của Chính phủ năm 2016"), but time words
    and function words ("đầu năm 2016", "từ năm 2017", "vào năm 2019")."""
    return [
        f"{m.group(1)} {m.group(2)}" for m in _DATED.finditer(plain_text) if _not_dated().isdisjoint(m.group(1).split())
    ]


@functools.cache
def _not_dated() -> frozenset[str]:
    return PLAIN_STOP_WORDS | frozenset(_question_words()["constraints"]["not_dated"])


def people_named_in(text: str) -> list[str]:
    """The people a question names in full ("Nguyễn Đức Chung", "Đại sứ David Pressman"), as `plain_words` spells them."""
    text = nfc(text)
    names = (plain_words(text[start:end]) for start, end in people_in(text))
    return [name for name in names if len(name.split()) >= 2]


@functools.cache
def _numbered(with_number_word: bool) -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(_question_words()["constraints"]["numbered"], key=len, reverse=True))
    number_word = "so " if with_number_word else "(?:so )?"
    return re.compile(rf"(?<!\w)({nouns}) {number_word}(\d{{1,3}})(?![\d\w]|[/.,-]\d)")


def numbered_in(plain_text: str, *, as_asked: bool = True) -> list[str]:
    """Numbered things ("bão số 3" -> "bao 3"); a question names them with "số", an article with or without it."""
    return [f"{m.group(1)} {int(m.group(2))}" for m in _numbered(as_asked).finditer(plain_text)]


@functools.cache
def _law_titles() -> re.Pattern[str]:
    """The laws' titles (bot/data/documents.toml), plain, longest first: "luat thi hanh an dan su"."""
    titles = {" ".join(plain_words(t).replace(",", " ").split()) for t in word_tables("documents")["laws"]["titles"]}
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(titles, key=len, reverse=True)))})(?!\w)")


def laws_in(plain_text: str) -> list[str]:
    """The laws a plain text names by their titles, a comma in a title read as a space."""
    return _law_titles().findall(" ".join(plain_text.replace(",", " ").split()))


def constraints_of(text: str) -> tuple[Constraint, ...]:
    """What a question names that its answer's article must state too: years, spans of years, phrases dated
    by a year, numbered sessions, documents, numbered things, provinces, districts and people; and the
    periods of time its articles must be published in."""
    plain_text = plain_words(text)
    periods = periods_in(plain_text)
    found = [Constraint("period", value) for _, value in periods]
    # The years bounding a period are that period's ("tháng 5/2025" asks for May, not for any mention of 2025).
    for (start, end), _ in reversed(periods):
        plain_text = plain_text[:start] + " " * (end - start) + plain_text[end:]
    found += [Constraint("year", v) for v in years_in(plain_text)]
    found += [Constraint("years", v) for v in spans_of_years_in(plain_text)]
    found += [Constraint("dated", v) for v in dated_phrases_in(plain_text)]
    found += [Constraint("ordinal", v) for v in ordinals_in(text)]
    found += [Constraint("document", v) for v in documents_in(text)]
    found += [Constraint("numbered", v) for v in numbered_in(plain_text)]
    found += [Constraint("law", v) for v in laws_in(plain_text)]
    also_words = _question_words()["constraints"]["places_also_words"]
    found += [Constraint("place", v) for v in places_in(plain_text) if v not in also_words]
    found += [Constraint("place", v) for v in localities_in(text) + numbered_localities_in(plain_text)]
    found += [Constraint("person", v) for v in people_named_in(text)]
    relative = _question_words()["dates"]["relative"]
    found += [
        Constraint("recent", relative[m.group(1)])
        for m in _words("dates", "relative").finditer(plain_text)
        if not _counts_a_duration(plain_text[: m.start()])
    ]
    return tuple(dict.fromkeys(found))


def _counts_a_duration(before: str) -> bool:
    """Whether "năm nay", "hôm nay"… after these words count a duration ("hơn 20 năm nay"), not a date; a
    number counts one only after a word of duration or opening the question ("RON 95 hôm nay" is a date)."""
    words = before.split()
    dates = _question_words()["dates"]
    if words and words[-1].isdigit():
        return len(words) == 1 or words[-2] in dates["before_a_duration"]
    return bool(words) and (words[-1] in dates["duration_before"] or " ".join(words[-2:]) in dates["duration_before"])


@dataclass(frozen=True)
class Question:
    """A question as typed, with what the search and the answer finder need to know about it."""

    text: str
    kind: Kind
    unaccented: bool
    # The question without its question words ("Ai tới dự hội nghị?" -> "tới dự hội nghị?"):
    # what is searched for.
    topic: str = ""
    # For "bao nhiêu tập thể": the counted noun's syllables ("tập", "thể"), to find "10 tập thể".
    counted: tuple[str, ...] = ()
    # For "hình thức gì", "chỉ thị số mấy": the asked noun's syllables ("hình", "thức").
    focus: tuple[str, ...] = ()
    # Syllables next to the question words: what the answering sentence is about ("tới dự" in
    # "Ai tới dự hội nghị?"), as opposed to the event that only identifies the article.
    near: tuple[str, ...] = ()
    # What the answering article must agree with: a year, "5 năm", "lần thứ 16", "Chỉ thị 05".
    constraints: tuple[Constraint, ...] = ()
    # Each ambiguous abbreviation's meanings, the one written into `text` first ("TT": thứ trưởng,
    # thủ tướng, thông tư): all are searched, the one a sentence says is what it was asked with.
    readings: tuple[tuple[str, ...], ...] = ()
    search: bool = False  # no question word at all: the articles are wanted, not a sentence
    many: bool = False  # "những ai", "những lãnh đạo nào": every one the sentence names is wanted
    # For a follow-up ("thế còn ai phát biểu?"), the topic of the question it continues.
    context: str = ""
    # A follow-up that points back at what the earlier answer was about ("bà ấy sinh ngày nào?").
    points_back: bool = False
    document: DocumentAsk | None = None  # a question about a document itself ("Chỉ thị 05 nói về gì?")
    newest: bool = False  # "mới nhất", "gần đây": the newest articles first
    # For "Những ai dự cùng Thủ tướng?": titles of others the question names, whose holders are not
    # the ones asked for (diacritic-free, lowercase).
    others: tuple[str, ...] = ()

    @property
    def other_readings(self) -> str:
        """The meanings of its ambiguous abbreviations other than those written into the text."""
        return _other_meanings(self.readings)


@dataclass(frozen=True)
class DocumentAsk:
    """What a question asks about a document, read from the question alone (the registry says which one)."""

    fact: str  # "subject", "signer", "issuer", "plenum", "date", or "which" (the document about a topic)
    name: str  # the rest of the question, lowercase without diacritics: the document's name ("chi thi 05")
    topic: str = ""  # for "which": what the document is about ("bao ve rung")
    kind: str = ""  # for "which": the document noun asked with ("chi thi"; "van ban" is any kind)
    day: bool = False  # for "date": the day is asked ("ký ngày nào?"), not a year or a month


_WORDS_BETWEEN_WHICH_AND_TOPIC = 6


def document_asked(text: str) -> DocumentAsk | None:
    """A question about a document itself: what it is about, who issued it, when, or which is about a topic.

    For the first three, the question must be the document's name and the asking words only
    ("Hội nghị sơ kết Chỉ thị 05 diễn ra khi nào?" asks about a meeting): `name` is what is left.
    """
    plain_text = " ".join(re.sub(r"[?!.,;:]", " ", plain_words(text)).split())
    # As typed, letter for letter beside `plain_text` (whose lowercase drops a name's capital).
    written = " ".join(re.sub(r"[?!.,;:]", " ", " ".join(nfc(text).split())).split())
    for noun in sorted(PLAIN_DOCUMENT_NOUNS, key=len, reverse=True):
        # "Chỉ thị nào của Bộ trưởng GD&ĐT về …": a few words may name the issuer between.
        which = re.search(
            rf"(?<!\w){noun}\s+nao(?:\s+\S+){{0,{_WORDS_BETWEEN_WHICH_AND_TOPIC}}}?\s+"
            rf"{_words('document_facts', 'which').pattern}\s+(.+)$",
            plain_text,
        )
        if which:
            return DocumentAsk("which", plain_text[: which.start()].strip(), which.group(2).strip(), noun)
    for fact in ("plenum", "subject", "signer", "issuer", "date"):
        asked = _words("document_facts", fact).search(plain_text)
        if asked:
            rest = plain_text[: asked.start()] + " " * (asked.end() - asked.start()) + plain_text[asked.end() :]
            if fact == "plenum":  # "… của hội nghị TW nào, khoá mấy?" asks it twice
                rest = _words("document_facts", fact).sub(" ", rest)
            day = fact == "date" and _words("document_facts", "day").search(plain_text) is not None
            return DocumentAsk(fact, " ".join(_without_fillers(rest, written).split()), day=day)
    return None


def _without_fillers(plain: str, written: str) -> str:
    """A document's name without the filler words ("được", "đã", "là", "vậy" …), but for those written with
    a capital or in a province's name: the "Đà" of "Thành ủy Đà Nẵng", the "La" of "UBND tỉnh sơn la"."""
    places = [m.span() for m in _places()[0].finditer(plain)]

    def kept(filler: re.Match[str]) -> str:
        named = written[filler.start()].isupper() or any(s <= filler.start() < e for s, e in places)
        return filler.group() if named else " "

    return _words("document_facts", "filler").sub(kept, plain)


# Question phrases that go with any kind and are no part of the topic.
_FILLER_PHRASES = (
    "là ai",
    "ai là",
    "là gì",
    "tên là gì",
    "tên gì",
    "số mấy",
    "số bao nhiêu",
    "là bao nhiêu",
    "là mấy",
    "bao nhiêu",
    "như thế nào",
    "thế nào",
    "ra sao",
    "là những ai",
    "gồm những ai",
    "có những ai",
    "cho biết",
    "cho hỏi",
    "xin hỏi",
    "hãy cho biết",
)
# "Trung tướng nào", "ông nào", "Giáo sư nào": a person is asked for; the title stays in the topic.
_WHO_TITLES = tuple(_question_words()["who"]["titles"])
_LONG_WHO_TITLES = tuple(title for title in _WHO_TITLES if " " in title)


@functools.lru_cache(maxsize=1024)
def _pattern(phrase: str, unaccented: bool) -> re.Pattern[str]:
    return _alternation((phrase,), unaccented)


@functools.lru_cache(maxsize=64)
def _alternation(phrases: tuple[str, ...], unaccented: bool) -> re.Pattern[str]:
    """One pattern for whole-word occurrences of any of the phrases (longest first)."""
    forms = sorted({strip_diacritics(p) if unaccented else p for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")(?!\w)")


@functools.cache
def _overlapping(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The phrases' diacritic-free pattern, matching where they overlap too ("vao ngay nao": both
    "vao ngay" and "ngay nao")."""
    return re.compile(f"(?=({_alternation(phrases, True).pattern}))")


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the spans replaced by a comma and spaces (so no compound spans the gap)."""
    for start, end in spans:
        text = text[:start] + ("," + " " * (end - start - 1) if end > start else "") + text[end:]
    return text


# Nouns whose "số mấy" / "nào" asks for a document number ("Chỉ thị số mấy?" -> "34-CT/TW").
DOCUMENT_NOUNS = frozenset(
    {
        "chỉ thị",
        "nghị quyết",
        "quyết định",
        "nghị định",
        "kết luận",
        "thông tư",
        "văn bản",
        "công văn",
        "quy định",
        "luật",
    }
)
_ASKING_WORDS = ("gì", "nào", "số mấy", "số bao nhiêu", "số")


@functools.cache
def directive_verbs() -> tuple[tuple[str, ...], ...]:
    """The verbs that report what is asked or decided ("kiến nghị"), as plain syllables, longest first."""
    verbs = {tuple(strip_diacritics(v).split()) for v in _question_words()["what"]["directive_verbs"]}
    return tuple(sorted(verbs, key=len, reverse=True))


def _focus_before(key: str, end: int) -> tuple[str, ...]:
    """The (at most two) syllables of the noun just before a question word ending at `end`; for "… làm
    gì", the verb reporting what is asked ("yêu cầu từng cơ quan phải làm gì": "yêu cầu")."""
    words = syllables(key[:end])
    if words and strip_diacritics(words[-1]) == "lam":
        plain = [strip_diacritics(w) for w in words]
        for position in range(len(words) - 2, -1, -1):
            verb = next((v for v in directive_verbs() if tuple(plain[position : position + len(v)]) == v), None)
            if verb:
                return tuple(words[position : position + len(verb)])
    # "co quan nao": "cơ quan" typed plain, whose "co" is no "có".
    body = len(words) >= 2 and strip_diacritics(" ".join(words[-2:])) in _PLAIN_NOT_PERSON_NOUNS
    before = (
        [s for s in words[:-2] if s not in _NOT_NOUNS] + words[-2:]
        if body
        else [s for s in words if s not in _NOT_NOUNS]
    )
    if len(before) >= 2 and strip_diacritics(" ".join(before[-2:])) in PLAIN_DOCUMENT_NOUNS:
        return tuple(before[-2:])
    if len(before) >= 2 and (before[-2] in _PLURAL or before[-2] in _CLASSIFIERS):
        return (before[-1],)  # "những sở nào", "ngôi chùa nào": the noun is "sở", "chùa"
    return tuple(before[-2:]) if before else ()


# Pasted markup is no part of what is asked: "<b>Ai</b>", "&amp;" (but "<Chỉ thị 05>" stays).
_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]*\s*/?>|&(?:[A-Za-z]{2,6}|#\d{1,6});")


def without_markup(text: str) -> str:
    """The question without HTML tags and entities pasted into it."""
    return " ".join(_MARKUP.sub(" ", text).split())


NORMALISE_FILE = Path(__file__).with_name("data") / "normalise.tsv"


@dataclass(frozen=True)
class _Shorthand:
    form: str
    meanings: tuple[str, ...]
    kind: str  # "office" (an abbreviation of party and state writing) or "chat"


@functools.cache
def _shorthands() -> dict[str, list[_Shorthand]]:
    """bot/data/normalise.tsv by lowercase form."""
    table: dict[str, list[_Shorthand]] = {}
    with NORMALISE_FILE.open(encoding="utf-8") as stream:
        rows = [line.rstrip("\n").split("\t") for line in stream if line.strip() and not line.startswith("#")]
    for form, meanings, kind, _source in rows[1:]:
        table.setdefault(form, []).append(_Shorthand(form, tuple(meanings.split("|")), kind))
    return table


_TOKEN = re.compile(r"\w+", re.UNICODE)


@functools.cache
def _ministries() -> frozenset[str]:
    """Forms that name a ministry ("BCA", "BGTVT", "Bộ"), or its field where the table also has the
    ministry of it ("GTVT": giao thông vận tải, as "BGTVT" is bộ giao thông vận tải)."""
    meanings = {m for shorthands in _shorthands().values() for s in shorthands for m in s.meanings}
    return frozenset(
        {"bộ"}
        | {
            form
            for form, shorthands in _shorthands().items()
            for s in shorthands
            if s.kind == "office" and (s.meanings[0].startswith("bộ ") or f"bộ {s.meanings[0]}" in meanings)
        }
    )


_MINISTERS = ("bộ trưởng", "thứ trưởng")
_VOWEL = re.compile("[aeiouy]", re.IGNORECASE)


def _reading(token: str, before: str, after: str = "") -> _Shorthand | None:
    """The shorthand a typed token stands for, if any.

    An office abbreviation counts in capitals ("TU", "BCA"), or in lowercase when it has three
    letters or more ("bca") or no vowel, which no word lacks ("gđ", "đb"); chat spelling only in
    lowercase, and "k" not after a number ("10 k").
    Before a ministry, an ambiguous title is read as a minister's ("BT GTVT": bộ trưởng, not bí thư).
    """
    candidates = _shorthands().get(token.lower(), [])
    office = [
        s
        for s in candidates
        if s.kind == "office"
        and (token.isupper() or (token.islower() and (len(token) >= 3 or not _VOWEL.search(strip_diacritics(token)))))
    ]
    following = _TOKEN.match(after.lstrip())
    if office and following and following.group().lower() in _ministries():
        meanings = office[0].meanings
        ministers = tuple(m for m in meanings if m in _MINISTERS)
        office[0] = _Shorthand(token, ministers + tuple(m for m in meanings if m not in ministers), "office")
    chat = [s for s in candidates if s.kind == "chat" and token.islower()]
    if token == "k" and before.rstrip()[-1:].isdigit():
        return None
    if chat:
        # "bt" typed in lowercase is "biết" in chat and "bí thư" in an office: both are searched.
        lowercase_office = [m for s in candidates if s.kind == "office" for m in s.meanings]
        return _Shorthand(token, chat[0].meanings + tuple(lowercase_office), "chat")
    return office[0] if office else None


# A run of text with a digit and a slash or a dash in it: "05-CT/TW", "1145/QĐ-TTg", "200/2004/QĐ-UB".
_CODE_RUN = re.compile(r"[^\s,;:()?!]*(?:\d[^\s,;:()?!]*[/-]|[/-][^\s,;:()?!]*\d)[^\s,;:()?!]*")


def expand_shorthand(text: str) -> tuple[str, str]:
    """The question with abbreviations and chat spelling written out ("TT BCA nào" -> "thứ trưởng
    bộ công an nào"), and the other readings of ambiguous ones, searched too ("thủ tướng thông tư")."""
    expanded, readings = _written_out(text)
    return expanded, _other_meanings(readings)


def chat_written_out(text: str) -> str:
    """The text with only its chat spelling written out ("về cái j" -> "về cái gì"): how a question about a
    document is read, its codes and office abbreviations as typed ("CT 05" is no "chủ tịch 05")."""
    return _written_out(text, chat_only=True)[0]


def _other_meanings(readings: tuple[tuple[str, ...], ...]) -> str:
    """The meanings of ambiguous abbreviations but the first of each (the one written out)."""
    return " ".join(meaning for meanings in readings for meaning in meanings[1:])


def _written_out(text: str, chat_only: bool = False) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """The question with its shorthand (or only its chat spelling) written out, and every reading of
    each ambiguous one (the one written out first)."""
    unaccented = looks_unaccented(text)
    readings: list[tuple[str, ...]] = []

    def spell(meaning: str) -> str:
        return strip_diacritics(meaning) if unaccented else meaning

    # A document's code keeps its letters: the "QĐ" and "TTg" of "1145/QĐ-TTg" abbreviate nothing to spell out.
    codes = [m.span() for m in _CODE_RUN.finditer(text)]

    def replace(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in codes):
            return match.group()
        shorthand = _reading(match.group(), text[: match.start()], text[match.end() :])
        if shorthand is None or (chat_only and shorthand.kind != "chat"):
            return match.group()
        if chat_only:
            return spell(shorthand.meanings[0])
        if len(shorthand.meanings) > 1:
            readings.append(tuple(spell(m) for m in shorthand.meanings))
        return spell(shorthand.meanings[0])

    expanded = _TOKEN.sub(replace, text)
    # Two-word chat spellings ("bao nhiu").
    for form, shorthands in _shorthands().items():
        if " " in form and form in expanded.lower():
            expanded = re.sub(re.escape(form), spell(shorthands[0].meanings[0]), expanded, flags=re.IGNORECASE)
    return expanded, tuple(readings)


# "thế còn …", "vậy còn …", "còn …" open a follow-up; "… thì sao?" may close it.
FOLLOW_UP = re.compile(r"^\W*(?:(?:thế|the|vậy|vay|v|z)\s+)?(?:còn|con)\s+", re.IGNORECASE)
_SO_WHAT = re.compile(r"\s*(?:thì|thi)\s+(?:sao|thế nào|the nao)\W*$", re.IGNORECASE)


def is_follow_up(text: str) -> bool:
    """Whether a message continues the previous question ("thế còn ai phát biểu?")."""
    return bool(FOLLOW_UP.match(without_markup(text)))


def follow_up(text: str, previous: str) -> Question:
    """A follow-up read with the question it continues: its own words decide what it asks (or the
    earlier question's kind when it asks nothing itself: "còn Hà Tĩnh thì sao?"), and the earlier
    topic is searched too, weighted below its own words."""
    own = _SO_WHAT.sub("", FOLLOW_UP.sub("", without_markup(text))) or text
    # "lần đó", "bà ấy": what was asked before, not words to find.
    lowered = nfc(own).lower()
    pointing = [m.span() for m in _words("follow_up", "pointing").finditer(strip_diacritics(lowered))]
    typed = _alternation(tuple(_question_words()["follow_up"]["pointing_typed"]), False)
    pointing += [m.span() for m in typed.finditer(lowered)]
    own = " ".join(_blank(nfc(own), pointing).split()) or own
    question, earlier = analyse(own), analyse(previous)
    if question.kind is Kind.WHAT and not question.focus:
        question = dataclasses.replace(
            analyse(f"{own} {previous}"), topic=question.topic, near=question.near or earlier.near
        )
    return dataclasses.replace(
        question, text=text, context=earlier.topic or earlier.text, search=False, points_back=bool(pointing)
    )


def analyse(text: str) -> Question:
    """Classify a question by the words it asks with, and separate them from its topic."""
    typed = mend_horns(without_markup(text))
    text, readings = _written_out(typed)
    unaccented = looks_unaccented(text)
    key = canonicalize(text).lower()
    if unaccented:
        key = strip_diacritics(key)
    kind = Kind.WHAT
    counted: tuple[str, ...] = ()
    asked: list[tuple[int, int]] = []  # spans of question words, left out of the topic
    # A question word typed with a tone mark missing ("hôm nao", "o đâu") is read by its plain form;
    # only two-syllable ones: a lone plain "may" is as likely "máy" as "mấy".
    plain_key = None if unaccented else strip_diacritics(key)
    if plain_key is not None and len(plain_key) != len(key):  # its spans must be the key's
        plain_key = None
    # Typed plain, "thang may" is the lift ("thang máy") as often as "tháng mấy": the lift when another
    # word asks ("… trong thang may xay ra o chung cu nao").
    lift = [
        m.span()
        for m in re.finditer(r"(?<!\w)thang may(?!\w)", key)
        if unaccented and _ASKING_ELSE.search(key[: m.start()] + " " + key[m.end() :])
    ]
    for candidate, phrases in _KIND_PHRASES:
        hits = [m.span() for m in _alternation(phrases, unaccented).finditer(key)]
        hits = [(s, e) for s, e in hits if not any(start < e and s < end for start, end in lift)]
        if plain_key is not None:
            # Also where a phrase typed right asks the same ("vào ngày nao": "vào ngày", and "ngày nao").
            two_syllables = tuple(p for p in phrases if " " in p)
            hits += [
                (start, end)
                for start, end in (m.span(1) for m in _overlapping(two_syllables).finditer(plain_key))
                if _missing_tones_only(key[start:end], two_syllables)
                and not any(s <= start and end <= e for s, e in hits)
            ]
        if candidate in (Kind.WHERE, Kind.WHO):
            # Typed without diacritics, "co quan nao" is "cơ quan nào", no "quận nào"; "don vi nao" no "vị nào".
            hits = [span for span in hits if not _first_word_ends(key, span, _PLAIN_NOT_PERSON_NOUNS)]
        if candidate is Kind.WHEN and unaccented:
            # … and "quoc hoi nao" is "Quốc hội nào", no "hồi nào"; "quang nam nao" no "năm nào".
            hits = [span for span in hits if not _first_word_ends(key, span, _names_ending_in_when_words())]
        if candidate is Kind.HOW_MANY and (
            _alternation(("gì", "thế nào", "ra sao", "nào"), unaccented).search(key) or _YES_NO.search(key)
        ):
            # "kiến nghị gì để xử lý tình trạng số lượng cấp phó": "số lượng" names a topic, "gì" asks;
            # "Chủ nhiệm nào yêu cầu … số lượng thứ trưởng", "có tổng cộng 20.300 USD phải không?" too.
            hits = [(s, e) for s, e in hits if strip_diacritics(key[s:e]) not in _TOPIC_COUNTS]
        if hits:
            kind = candidate
            asked.extend(hits)
            if kind is Kind.HOW_MANY:
                start, end = min(hits)
                # Only leading "là", "được"... are skipped, and never "co": in "bao nhieu co so" it is "cơ".
                following = list(itertools.dropwhile(_NOT_COUNTED.__contains__, syllables(key[end:])))
                # "tổng cộng bao nhiêu tổ chức": the question word after the first is no noun counted.
                while following[:2] in (["bao", "nhiêu"], ["bao", "nhieu"]) or following[:1] in (["mấy"], ["may"]):
                    following = following[2:] if following[0] == "bao" else following[1:]
                # "… là bao nhiêu theo báo cáo của Bộ": what follows "theo" is a source, nothing counted.
                if following[:1] == ["theo"]:
                    following = []
                # "tập thể thì bao nhiêu?": nothing after it, a short noun before it is what is counted …
                before = [w for w in syllables(key[:start]) if w not in _NOT_COUNTED and w not in _LINKS]
                counted = tuple(
                    following[:2] or (before if len(before) <= 2 else _word_opening(key[:start], unaccented))
                )
            break
    document = _document_question(key, unaccented)
    if document:  # "Chỉ thị ... số mấy?" asks for a document number, not a count
        kind, counted = Kind.WHAT, ()
        asked.append(document[1])
    focus: tuple[str, ...] = ()
    if kind is Kind.WHAT:
        if document:
            focus = document[0]
        else:
            asking = [
                m
                for m in _alternation(("gì", "nào"), unaccented).finditer(key)
                if key[: m.start()].split()[-1:] not in (["thế"], ["the"])  # "như thế nào" asks how: no noun
            ]
            if asking:
                focus = _focus_before(key, min(m.start() for m in asking))
    if kind is Kind.WHAT and not document:
        which = _person_asked(key, unaccented)
        if which:
            kind = Kind.WHO
            asked.append(which)
    if kind is Kind.WHAT and not document:
        claim = [m.span() for m in _YES_NO.finditer(key)]
        if claim:
            kind, focus = Kind.YES_NO, ()
            asked.extend(claim)
    asked.extend(m.span() for m in _alternation(_FILLER_PHRASES, unaccented).finditer(key))
    # `key` is aligned with `text` character for character (NFC, same letters, other marks).
    # Words of time filter or order the articles by date: they are not searched for.
    stripped = strip_diacritics(key)
    # ("hơn 20 năm nay" counts a duration: its words are the topic's, as the claim's "20 năm".)
    timed = [span for span, _ in periods_in(stripped)] + [
        m.span()
        for name in ("relative", "newest")
        for m in _words("dates", name).finditer(stripped)
        if not (name == "relative" and _counts_a_duration(stripped[: m.start()]))
    ]
    # Words naming the article ("bài tâm sự … trên VnExpress") are no words of its content.
    pointing = [m.span() for m in _words("article", "words").finditer(stripped)]
    topic = _blank(nfc(text), asked + timed + pointing) if len(key) == len(nfc(text)) else text
    if kind is Kind.WHO:
        focus = ()
    near: list[str] = []
    stop = PLAIN_STOP_WORDS if unaccented else STOP_WORDS
    original = nfc(text)
    # Names and places (capitalised past the first word) say who or where the question is about,
    # not what the answering sentence must say.
    # Typed without diacritics, a question is in lowercase: its places and the names after "ông", "bà"
    # are told by the tables instead.
    named = [m.span() for m in _plain_names().finditer(key)] if unaccented else []
    words = [
        (m.start(), s)
        for m in re.finditer(r"\S+", key)
        if (s := clean_syllable(m.group()))
        and s not in stop
        and not (m.start() > 0 and len(key) == len(original) and original[m.start()].isupper())
        and not any(start <= m.start() < end for start, end in named)
    ]
    for start, end in asked:
        before = [s for position, s in words if position < start][-NEAR_SYLLABLES:]
        after = [s for position, s in words if position >= end][:NEAR_SYLLABLES]
        near.extend(before + after)
    return Question(
        text=text,
        kind=kind,
        unaccented=unaccented,
        # "chỉ thị 15", "Nguyễn Văn Phong", "phòng chống tham nhũng": no question word, a search.
        search=kind is Kind.WHAT and not asked and not focus and not _ASKS.search(key) and "?" not in text,
        topic=topic,
        counted=counted,
        focus=focus,
        many=bool(_MANY.search(key)) and kind is not Kind.YES_NO,
        others=_others_named(key, asked, unaccented) if kind is Kind.WHO else (),
        near=tuple(dict.fromkeys(near)),
        # A yes/no question's province is part of the claim it asks about ("… Bí thư Tỉnh ủy Hà Tĩnh phải
        # không?"), which the article may deny: the claim checker weighs it, not the article's choice.
        constraints=tuple(c for c in constraints_of(text) if not (kind is Kind.YES_NO and c.kind == "place")),
        readings=readings,
        document=document_asked(chat_written_out(typed)),
        newest=bool(_words("dates", "newest").search(plain_words(text))),
    )


NEAR_SYLLABLES = 3


def _word_opening(before: str, unaccented: bool) -> tuple[str, ...]:
    """… and a longer topic set apart with "thì", the word it opens with ("thế còn nhà báo được cấp thẻ thì
    bao nhiêu?" counts nhà báo), when its first two syllables are one word of the dictionary."""
    if not re.search(r"(?<!\w)(?:thì|thi)\s*$", before):
        return ()
    words = [w for w in syllables(FOLLOW_UP.sub("", before)) if w not in _NOT_COUNTED and w not in _LINKS]
    known = plain_dictionary_words() if unaccented else dictionary_words()
    return tuple(words[:2]) if " ".join(words[:2]) in known else ()


@functools.cache
def _plain_names() -> re.Pattern[str]:
    """Provinces and countries, and a family name with its given names after "ông", "bà" or "đồng
    chí", in a question typed without diacritics ("viet nam", "ong nguyen xuan huong")."""
    places = {strip_diacritics(p).lower() for p in name_table("provinces") + name_table("countries")}
    surnames = {strip_diacritics(s).lower() for s in name_table("surnames")}
    place = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
    surname = "|".join(sorted(surnames, key=len, reverse=True))
    person = rf"(?:(?<=\bong )|(?<=\bba )|(?<=\bchi ))(?:{surname})(?:\s+[a-z]+){{1,2}}"
    return re.compile(rf"(?<!\w)(?:{place})(?!\w)|{person}(?!\w)")


# A claim to confirm: "có phải … không", "… phải không", "… đúng ko" (chat "ko", "k" are written out
# first), "có … không", "… hả".
_YES_NO = re.compile(
    r"^\W*(?:có phải|co phai)(?!\w)"
    r"|(?<!\w)(?:(?:phải|phai|đúng|dung|thật|that|vậy|vay)\s+)?(?:không|khong|chưa|chua)\W*$"
    r"|(?<!\w)(?:hả|à|hở|chứ)\W*$"
)
# "những ai", "những lãnh đạo nào", "các bộ nào", "gồm những ai": a list is asked for.
_PLURAL = ("những", "nhung", "các", "cac")
# "những nguyên lãnh đạo Thành ủy nào": a few words between; "trong những năm gần đây, ai …" asks no list.
_MANY = re.compile(
    rf"(?<!\w)(?:{'|'.join(_PLURAL)})\s+(?:ai|(?!(?:năm|nam|ngày|ngay|tháng|thang|tuần|tuan|lần|lan|thời|thoi)\s)"
    rf"(?:\w+\s+){{1,5}}(?:nào|nao))(?!\w)"
)
# Words that make a question of a phrase even without "ai", "bao nhiêu"... ("có phải", "không").
# ("không" inside "không dùng tiền mặt" asks nothing: yes/no words count at the end, or "có phải" first.)
_ASKS = re.compile(
    r"(?<!\w)(?:gì|gi|nào|nao|sao|đâu|dau)(?!\w)|(?<!\w)(?:không|khong|ko|chưa|chua|phải|phai|hả|nhỉ)\W*$"
    r"|^\W*(?:có phải|co phai)(?!\w)"
)
# "Lãnh đạo Bộ Công an nào": a title, at most this many words naming a body, then "nào".
_WORDS_BETWEEN_TITLE_AND_WHICH = 6
# "Bí thư tỉnh nào" asks which province, not who.
_PLACE_NOUNS = frozenset(
    "tỉnh|thành phố|huyện|quận|xã|phường|nước|quốc gia|địa phương|vùng|khu vực|thị xã|thành|nơi".split("|")
)
# "Phó thủ tướng giao những bộ ngành nào" asks for a body: neither asks for a person.
_NOT_PERSON_NOUNS = _PLACE_NOUNS | frozenset(_question_words()["who"]["bodies"])
_PLAIN_NOT_PERSON_NOUNS = frozenset(strip_diacritics(n) for n in _NOT_PERSON_NOUNS)


# Words that ask how many on their own ("Số lượng đại biểu dự?") but name a topic beside another question word.
_TOPIC_COUNTS = frozenset({"so luong", "tong so", "tong cong"})


def _first_word_ends(key: str, phrase: tuple[int, int], nouns: frozenset[str]) -> bool:
    """Whether the first syllable of a question phrase ends one of these (diacritic-free) two-syllable
    nouns with the syllable before it: "co quan nao" is "cơ quan nào", no "quận nào"."""
    before = key[: phrase[0]].split()
    first = key[phrase[0] : phrase[1]].split()[0]
    return bool(before) and strip_diacritics(f"{before[-1]} {first}") in nouns


@functools.cache
def _names_ending_in_when_words() -> frozenset[str]:
    """The last two syllables of the names and bodies a diacritic-free "when" phrase may start inside."""
    names = [
        *_question_words()["kinds"]["when_not_after_unaccented"],
        *name_table("provinces"),
        *name_table("countries"),
    ]
    endings = (" ".join(strip_diacritics(n).lower().split()[-2:]) for n in names)
    return frozenset(e for e in endings if " " in e)


_CLAUSE_MARKERS = frozenset(_question_words()["who"]["clause_markers"]) | frozenset(
    _question_words()["who"]["clause_markers_unaccented"]
)
_CLASSIFIERS = frozenset(form for w in _question_words()["who"]["classifiers"] for form in (w, strip_diacritics(w)))
# Before the noun "nào" asks about, as typed: "ngôi chùa nào" asks for a temple, "Tam Kỳ nào" is no "tấm".
_THING_CLASSIFIERS = {
    False: frozenset(_question_words()["who"]["classifiers"]),
    True: frozenset(_question_words()["who"]["classifiers_unaccented"]),
}


# "cùng Thủ tướng", "với Bộ trưởng", "của Chủ tịch": a title after one of these names someone the
# asked person is with or works for, not the one asked about.
_COMPANY_BEFORE = {
    accentless: re.compile(
        r"(?<!\w)(?:" + (r"voi|cung|gap|tiep|cua|va" if accentless else r"với|cùng|gặp|tiếp|của|và") + r")\s+$"
    )
    for accentless in (False, True)
}


def _others_named(key: str, asked: list[tuple[int, int]], unaccented: bool) -> tuple[str, ...]:
    """Titles the question names after its question word as the asked person's company
    ("Những lãnh đạo nào cùng dự hội nghị với Thủ tướng?": "thu tuong"); not the asked title itself
    ("Chủ tịch UBND TP.HCM nào tiếp Chủ tịch Cuba?" asks for a chủ tịch)."""
    if not asked:
        return ()
    first = min(start for start, _ in asked)
    titles = list(_alternation(_WHO_TITLES, unaccented).finditer(key))
    asked_titles = {strip_diacritics(t.group()) for t in titles if t.end() <= first}
    return tuple(
        dict.fromkeys(
            strip_diacritics(title.group())
            for title in titles
            if title.start() > first
            and _COMPANY_BEFORE[unaccented].search(key[first : title.start()])
            and strip_diacritics(title.group()) not in asked_titles
        )
    )


# The question words' own syllables, the only ones read without their tone mark: "cơ quan nào" is
# no "quận nào", though "quan" lacks the tone of "quận"; "bao nhieu" is "bao nhiêu", "thang mấy" "tháng
# mấy", "tai đâu" "tại đâu" and "tinh nào" "tỉnh nào" (no other word is spelled so beside these).
_LOOSE_SYLLABLES = frozenset({"nào", "đâu", "ở", "nhiêu", "tháng", "tại", "tỉnh"})


def _missing_tones_only(typed: str, phrases: tuple[str, ...], loose: bool = False) -> bool:
    """Whether `typed` is one of the phrases with a question word's tone mark left out, never with
    another one: "hôm nao" is "hôm nào", but "hội nào" is no "hồi nào" and "từ đầu" no "từ đâu".
    With `loose`, any of the phrase's syllables may lack its tone mark ("chủ tich" for "chủ tịch")."""
    words = typed.split()
    for phrase in phrases:
        wanted = phrase.split()
        if len(wanted) == len(words) and all(
            w == p
            or (
                (loose or p in _LOOSE_SYLLABLES) and not has_tone_mark(w) and strip_diacritics(w) == strip_diacritics(p)
            )
            for w, p in zip(words, wanted, strict=True)
        ):
            return True
    return False


def _titles_in(key: str, unaccented: bool) -> list[re.Match[str]]:
    """The titles a question names, also where a syllable of one of two or more lacks only its tone mark
    ("chủ tich"; a lone "ba" is three, no "bà")."""
    titles = list(_alternation(_WHO_TITLES, unaccented).finditer(key))
    plain = strip_diacritics(key)
    if unaccented or len(plain) != len(key):
        return titles
    return titles + [
        m
        for m in _alternation(_LONG_WHO_TITLES, True).finditer(plain)
        if not any(t.span() == m.span() for t in titles)
        and _missing_tones_only(key[m.start() : m.end()], _LONG_WHO_TITLES, loose=True)
    ]


def _person_asked(key: str, unaccented: bool) -> tuple[int, int] | None:
    """The span of "nào" when it asks for a person: "ông nào", "Lãnh đạo Bộ Công an nào"."""
    titles = _titles_in(key, unaccented)
    for which in _pattern("nào", unaccented).finditer(key):
        before = key[: which.start()].split()
        if not before or (len(before) >= 2 and before[-2] in _THING_CLASSIFIERS[unaccented]):
            continue  # "Ông Modi ghé thăm ngôi chùa nào?" asks for a temple, whoever visits it
        if before[-1] in ("thế", "the"):
            continue  # "… chọn người như thế nào?" asks how, not which person
        not_people = _PLAIN_NOT_PERSON_NOUNS if unaccented else _NOT_PERSON_NOUNS
        noun = 2 if " ".join(before[-2:]) in not_people else 1 if before[-1] in not_people else 0
        # "trường nào" asks for a school, but "bo truong nao" for a person: a title that ends before "nào"
        # and takes in the noun ("đơn vị nào" is still a body, though "vị" is a title).
        noun_start = len(key[: which.start()].rstrip()) - len(" ".join(before[-noun:])) if noun else 0
        titled = any(
            title.end() <= which.start() and not key[title.end() : which.start()].strip() and title.start() < noun_start
            for title in titles
        )
        if noun and not titled:
            continue
        for title in titles:
            between = key[title.end() : which.start()].split()
            # "Tổng thống Obama sẽ thăm ngôi chùa nào": the title's holder does something to what is asked.
            if (
                title.end() <= which.start()
                and len(between) <= _WORDS_BETWEEN_TITLE_AND_WHICH
                and _CLAUSE_MARKERS.isdisjoint(between)
            ):
                return which.span()
    return None


_ASKING_ELSE = re.compile(r"(?<!\w)(?:nao|gi|ai|dau|bao nhieu|may|sao)(?!\w)")
_NOT_NOUNS = frozenset({"là", "la", "được", "duoc", "đã", "da", "có", "co", "bằng", "bang", "theo"})
_NOT_COUNTED = _NOT_NOUNS - {"có", "co", "theo"}
_LINKS = frozenset({"thì", "thi", "khoảng", "khoang", "tổng", "tong", "cộng", "cong"})
PLAIN_DOCUMENT_NOUNS = frozenset(strip_diacritics(n) for n in DOCUMENT_NOUNS)
# "kỷ luật", "pháp luật" are no law; "luật sư" is a lawyer.
NOT_A_DOCUMENT_BEFORE = re.compile(r"(?<!\w)(?:kỷ|kỉ|ky|ki|pháp|phap)\s+$")
_NUMBER_ASKED = {
    accentless: re.compile(
        r"(?<!\w)"
        + (r"so\s+(?:may|bao\s+nhieu|nao|hieu)" if accentless else r"số\s+(?:mấy|bao\s+nhiêu|nào|hiệu)")
        + r"(?!\w)"
    )
    for accentless in (False, True)
}


def _document_question(key: str, unaccented: bool) -> tuple[tuple[str, ...], tuple[int, int]] | None:
    """For "Chỉ thị ... số mấy?" or "theo chỉ thị nào?": the document noun and the asking span."""
    nouns = [
        m
        for n in DOCUMENT_NOUNS
        for m in _pattern(n, unaccented).finditer(key)
        if not NOT_A_DOCUMENT_BEFORE.search(key[: m.start()]) and not key.startswith(" sư", m.end())
    ]
    if not nouns:
        return None
    asked = _NUMBER_ASKED[unaccented].search(key)
    if asked:
        before = [m for m in nouns if m.end() <= asked.start()]
        if before:
            return tuple(max(before, key=lambda m: m.end()).group().split()), asked.span()
    for noun in nouns:
        which = _pattern("nào", unaccented).match(key, noun.end() + 1) if noun.end() < len(key) else None
        if which:
            return tuple(noun.group().split()), which.span()
    return None
