"""Find, in a sentence, the span that answers a question of a given kind.

A person's name (with a title before it) for `ai`, a number with the counted noun for
`bao nhiêu`, a date for `khi nào`, a place for `ở đâu`, a document number for `số mấy`. A
span that only repeats the question ("Đại tá Nguyễn Văn Thuận thay ai?" is not answered by
"Nguyễn Văn Thuận") does not count.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from bot.claims import Verdict, check_claim
from bot.documents import document_spans, issuer_spans
from bot.names import (
    CAPITALISED_RUN,
    KNOWN_PLACE,
    NOT_NAME_START,
    OFFICE_OF_PLACE,
    PERSON,
    PLACE_BEFORE_NAME,
    TITLED_FROM_PLACE,
    TITLED_RUN,
    UPPER,
    alternation,
    mask_not_people,
    office_pattern,
    offices_held,
    table,
    tables,
)
from bot.question import PLAIN_DOCUMENT_NOUNS, PLAIN_STOP_WORDS, Kind, Question, directive_verbs
from bot.tables import word_tables
from bot.text import (
    accented_words,
    canonicalize,
    clean_syllable,
    code_terms,
    dictionary_words,
    has_diacritics,
    is_vietnamese_syllable,
    name_end,
    padded_words,
    plain_dictionary_words,
    strip_diacritics,
    syllables,
)

Span = tuple[int, int]

# "David Eisenhauser, 18 tuổi", "Sean Lusk - đồng giám đốc ...": a capitalised run of two or more
# words described as a person right after it (bot/data/names.toml described_after_dash).
_DESCRIBED_RUN = re.compile(
    rf"(?<![\w.])(?P<name>[{UPPER}][\w'-]+(?:\s+[{UPPER}][\w'-]+){{1,3}})"
    rf"(?=\s*(?i:,\s*\d{{1,3}}\s+tuổi|\s+-\s+(?:nguyên\s+|cựu\s+|phó\s+|đồng\s+)?(?:{alternation(table('described_after_dash'))})))"
)
# A title or office just before a name (bot/data/names.toml title_words and person_titles).
_TITLE_WORDS = re.compile(rf"(?<!\w)({alternation(table('title_words') + table('person_titles'))})[\s,]", re.IGNORECASE)
_NUMBER = r"\d+(?:[.,]\d+)*"
_DIGIT_WORDS = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"
_MAGNITUDES = ("trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ")
# A count written in words starts with how many: "hai triệu", never a bare "triệu" ("con bạc triệu đô").
# "44/48 phiếu": votes of those cast are counted as a share written with a slash (a date is not counted).
_COUNT = re.compile(
    rf"(?<![\w/])(?<!\d[.,])(?:{_NUMBER}/{_NUMBER}(?=\s+[^\W\d])|{_NUMBER}|(?:{_DIGIT_WORDS})(?:\s+(?:{_DIGIT_WORDS}|{'|'.join(_MAGNITUDES)}))*)(?![\w/])",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"(?<!\w)(?:(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)\s+(?:(?:nay|qua)\s+\(?\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\)?"
    r"|nay|qua|mai|\d{1,2}(?:[/-]\d{1,2}(?:[/-]\d{2,4})?)?)"
    r"|\d{1,2}/\d{1,2}(?:/\d{4})?|tháng\s+\d{1,2}(?:/\d{4})?|năm\s+\d{4}|quý\s+[IV1-4]+(?:/\d{4})?"
    r"|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|(?<!\d)(?:19|20)\d{2}(?!\d))(?!\w|[.,]\d)",  # no "1/5.000" scale
    re.IGNORECASE,
)
# "tại Cung Văn hóa Hữu nghị Việt Xô", "ở tỉnh Hà Nam": from the first capitalised word after the
# preposition to the last one before punctuation or a word that starts another clause.
_PREPOSITIONS = tables()["place_prepositions"]
_PLACE = re.compile(
    rf"(?<!\w)(?:{alternation(table('place_prepositions'))})\s+(?:(?:{alternation(tuple(_PREPOSITIONS['kinds']))})\s+)?"
    rf"(?P<place>[{UPPER}][\w.]*(?:\s+(?!(?:{alternation(tuple(_PREPOSITIONS['ends']))})\s)[\w.]+){{0,7}})",
)
_PLACE_END = re.compile(rf"^.*[{UPPER}](?:[\w.]*\w)?", re.DOTALL)
_DOCUMENT_CODE = re.compile(r"(?<![\w/])\d{1,5}(?:/\d{4})?[-/][A-ZĐ][A-Za-zĐđ]{0,5}(?:[-/][A-ZĐ][A-Za-zĐđ]{0,7})*")


def _count_tables() -> dict[str, dict]:
    return word_tables("counts")


@functools.cache  # read for every sentence a count is sought in
def _plain_words(table: str, key: str = "words") -> tuple[str, ...]:
    return tuple(dict.fromkeys(strip_diacritics(w).lower() for w in _count_tables()[table][key]))


# Nouns that stand for one another after a number: any noun of people for "bao nhiêu người".
_ALIKE = ("people", "nations", "votes", "calls")
_UNITS = ("length", "area", "weight", "volume", "capacity")
_PERCENT_HINT = re.compile(r"(tỷ lệ|tỉ lệ|phần trăm|%|tăng|giảm|ty le|ti le|phan tram|tang|giam)", re.IGNORECASE)
# "giảm được bao nhiêu % chỉ tiêu": a share is asked, of the noun after it.
_PERCENT_ASKED = re.compile(r"(?<!\w)(?:bao nhiêu|bao nhieu|mấy|may)\s*(?:%|phần trăm|phan tram)", re.IGNORECASE)
# "giá sầu riêng bao nhiêu 1 kg": a price per unit.
_PER_UNIT = re.compile(r"(?<!\w)bao nhieu\s+(?:tien\s+)?(?:1|mot)\s+\w+")


def _asks_with(question: Question, table: str, key: str) -> bool:
    """Whether the question says a word of the table, with its diacritics when it was typed with them
    ("đất đai" and "báo cáo" do not ask how long, "dài", or how high, "cao"), and not as the first
    syllable of a longer word ("cao điểm", "cao tốc")."""
    plain_text = strip_diacritics(question.text).lower()
    if question.unaccented:
        text, words, dictionary = plain_text, _plain_words(table, key), plain_dictionary_words()
    else:
        # (a word of two syllables or more by its letters too: "diên tích" is typed for "diện tích")
        if any(" " in w and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", plain_text) for w in _plain_words(table, key)):
            return True
        text = canonicalize(question.text).lower()
        words = tuple(dict.fromkeys(canonicalize(w).lower() for w in _count_tables()[table][key]))
        dictionary = dictionary_words()
    for word in words:
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            following = [w.strip(".,;:?!") for w in text[match.end() :].split()[:2]]
            longer = bool(following) and f"{word} {following[0]}" in dictionary
            # Typed plain, "tien boi tron" reads "tiền bối trơn" or "tiền bôi trơn": when the next syllable
            # opens a word of its own ("boi tron"), the asked word stands alone.
            if longer and question.unaccented and len(following) == 2 and " ".join(following) in dictionary:
                longer = False
            if not longer:
                return True
    return False


@functools.cache
def _glued_unit() -> re.Pattern[str]:
    """A number with its unit glued on ("130m", "400ha")."""
    # Of the one-letter units only "m": "4G" is no weight.
    glued = {w for t in _UNITS for w in _count_tables()[t]["words"] if " " not in w and (len(w) > 1 or w == "m")}
    units = sorted(glued, key=len, reverse=True)
    return re.compile(rf"(?<![\w/.,])({_NUMBER})(?:{'|'.join(map(re.escape, units))})(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _question_words(text: str) -> tuple[str, frozenset[str]]:
    return padded_words(text), frozenset(code_terms(text))


def _echoes(core: str, question: Question) -> bool:
    """Whether a candidate answer only repeats words of the question."""
    words, codes = _question_words(question.text)
    core_codes = code_terms(core)
    if core_codes:
        # "31/2018/CT-TTg" repeats "CT 31" even though the question did not name the issuer.
        return any(code.split(":")[0] in codes for code in core_codes)
    core = padded_words(core)
    # "Năm 2018" only repeats the "2018" of "… thi THPT QG 2018 … khi nào?".
    year = _YEAR_ALONE.fullmatch(core.strip())
    return core.strip() != "" and (core in words or (year is not None and f" {year[1]} " in words))


_YEAR_ALONE = re.compile(r"(?:nam\s+)?((?:19|20)\d{2})")  # (padded_words are plain)


@functools.lru_cache(maxsize=256)
def _question_tokens(text: str, accented: bool) -> tuple[tuple[str, bool], ...]:
    """The question's words, lowercase and (unless `accented`) diacritic-free, each with whether it was
    capitalised."""
    words = (w for w in text.split() if padded_words(w).strip())
    return tuple(((clean_syllable(w) or "") if accented else padded_words(w).strip(), w[:1].isupper()) for w in words)


def _ends_with_office(plain: str) -> bool:
    """Whether these diacritic-free words end with an office's title ("bi thu", "pho chu tich")."""
    return any(m.end() == len(plain) for m in office_pattern().finditer(plain))


def _names_asked_about(name: str, question: Question) -> bool:
    """Whether the question already names this person by the last word of the name ("Obama", "ông Phong").

    Not when that word ends another capitalised name in the question: "Bình" of "quận Tân Bình"
    does not name "Phan Thanh Bình".
    """
    # Compared with their diacritics where the question has them: "xây dựng" names no "Trần Văn Dũng".
    accented = not question.unaccented
    words = [clean_syllable(w) or "" for w in name.split()] if accented else padded_words(name).split()
    if not words or not words[-1][:1].isalpha():
        return False
    tokens = _question_tokens(question.text, accented)
    # Typed all in lowercase, the question tells no name by its capitals: "chinh" of "bo chinh tri" is
    # no "Chính"; the word names a person after "ông", "bà"… or the name's own word before it.
    lowercase = not any(capitalised for _, capitalised in tokens[1:])
    for i, (word, named) in enumerate(tokens):
        if word != words[-1]:
            continue
        before, capitalised = tokens[i - 1] if i else ("", False)
        if len(words) > 1 and before == words[-2]:
            return True
        if lowercase:
            # … or after an office's title: "bi thu thang" names Đinh La Thăng.
            title = " ".join(strip_diacritics(w) for w, _ in tokens[max(0, i - 2) : i])
            if strip_diacritics(before) in _forms_of_address() or _ends_with_office(title):
                return True
        elif named and not capitalised:  # "ông Phong", not "quy định" for "Nguyễn Khắc Định"
            return True
    return False


# Another name in brackets, each word capitalised: "(Joshua Wong)", not "(người phát ngôn Chính phủ)".
_ALIAS = re.compile(rf"\s*\(([{UPPER}][^\s(),]*(?:\s+[{UPPER}][^\s(),]*)+)\)")


def _alias_asked_about(sentence: str, end: int, question: Question) -> bool:
    """Whether the name ending at `end` is followed by another name of the same person that the question
    names: "Hoàng Chi Phong (Joshua Wong)" is the one "ngoài Joshua Wong" leaves out."""
    alias = _ALIAS.match(sentence, end)
    return alias is not None and _names_asked_about(alias.group(1), question)


@functools.cache
def _forms_of_address() -> frozenset[str]:
    """The forms of address, each by its last word without diacritics ("đồng chí": "chi")."""
    return frozenset(padded_words(w).split()[-1] for w in table("forms_of_address"))


def _asked_noun_before(before: str, question: Question) -> bool:
    """Whether the words just before a name are the question's own noun ("nghệ nhân" in "Nghệ nhân
    nào làm linh vật?", before "nghệ nhân Đinh Văn Tân"): the name is of the one asked about."""
    last = padded_words(before[-30:]).split()[-2:]
    words, _ = _question_words(question.text)
    return len(last) == 2 and f" {' '.join(last)} " in words and not all(w in PLAIN_STOP_WORDS for w in last)


def _titled_as_another(before: str, question: Question) -> bool:
    """Whether the name is titled as someone the question names as the asked person's company:
    "Thủ tướng Chính phủ Nguyễn Xuân Phúc" for "Những lãnh đạo nào dự cùng Thủ tướng?"."""
    if not question.others:
        return False
    title = strip_diacritics(re.split(r"[,;:()]", before[-40:])[-1]).lower()
    # "Phó Thủ tướng" is another title than "Thủ tướng".
    return any(re.search(rf"(?<!\w)(?<!pho ){re.escape(other)}(?!\w)", title) for other in question.others)


def _people(sentence: str, question: Question) -> tuple[list[Span], list[Span]]:
    masked = mask_not_people(sentence)
    titled: list[Span] = []
    untitled: list[Span] = []
    for match in PERSON.finditer(masked):
        before = sentence[max(0, match.start() - 60) : match.start()]
        if (PLACE_BEFORE_NAME.search(before) and not OFFICE_OF_PLACE.search(before)) or _echoes(
            match.group(), question
        ):
            continue
        if (
            _names_asked_about(match.group(), question)
            or _titled_as_another(before, question)
            or _alias_asked_about(sentence, match.end(), question)
        ):
            continue
        (titled if _TITLE_WORDS.search(before[-40:]) or _asked_noun_before(before, question) else untitled).append(
            match.span()
        )
    found = titled + untitled
    described = [(m, "name") for m in _DESCRIBED_RUN.finditer(masked)]
    # A country's name between the title and the name leaves no institution to open: "người phát ngôn
    # Bộ Ngoại giao Trung Quốc Cảnh Sảng" names a person, though "Cảnh" opens "Cảnh sát" elsewhere.
    from_place = list(TITLED_FROM_PLACE.finditer(sentence))
    after_a_country = {m.span("name") for m in from_place if " " in m.group("name")}
    titled_runs = [*from_place, *TITLED_RUN.finditer(masked)]
    for match, group in [(m, "name") for m in titled_runs] + described:
        start, end = match.span(group)
        name = sentence[start:end]
        if (
            # (the name after a country or body comes first: "Tổng thư ký NATO Jens Stoltenberg" is no "NATO …")
            any(start < e and s < end for s, e in [*found, *titled])
            # "Chính" of "Thủ tướng Chính phủ" is no name
            or (NOT_NAME_START.match(sentence, start) and (start, end) not in after_a_country)
            or KNOWN_PLACE.match(sentence, start)  # "Ngoại trưởng Thụy Điển Tobias …": the country, then the name
            or KNOWN_PLACE.fullmatch(name)
            or _echoes(name, question)
            or _names_asked_about(name, question)
            or _alias_asked_about(sentence, end, question)
            or _titled_as_another(sentence[max(0, start - 60) : start], question)
        ):
            continue
        titled.append((start, end))
    titled.sort()
    # "ông Thuận": a given name alone is no name to quote (a foreign one, "ông Trump", is).
    given_only = [span for span in titled if _given_name_only(sentence[span[0] : span[1]])]
    titled = [span for span in titled if span not in given_only]
    # … unless the sentence names them in full too ("Trần Văn Sơn - nhân viên … (ông Sơn đang …)").
    given = {sentence[s:e] for s, e in given_only}
    named_in_full = [span for span in untitled if sentence[span[0] : span[1]].split()[-1] in given]
    titled = sorted(titled + named_in_full)
    untitled = sorted(given_only + [span for span in untitled if span not in named_in_full])
    if _IN_ADDITION.search(sentence) and not _asks_for_others(question):
        # "Tham gia chủ trì còn có đồng chí X": X shares the role with someone the sentence does not name.
        return [], sorted(titled + untitled)
    asked = _asked_office(question)
    if asked and len(plain := strip_diacritics(sentence).lower()) == len(sentence):
        # "Đại sứ Mỹ … là ai?": someone the sentence gives no office ("ông Orban"), or another one
        # ("Thứ trưởng" for "Bộ trưởng … là ai?"), is a weaker answer; an abbreviation's every reading
        # is asked ("những BT nào": bí thư or bộ trưởng).
        readings = office_pattern().finditer(padded_words(question.other_readings))
        titles = {_title_of(asked)} | {_title_of(m) for m in readings}
        # "Tiêu Bồi, phó chủ nhiệm CCDI, …": a name without a title before it may hold the office after it.
        holding = sorted(
            span for span in titled + untitled if any(_title_of(o) in titles for o in offices_held(plain, span))
        )
        return holding, [span for span in titled + untitled if span not in holding]
    return titled, untitled


_IN_ADDITION = re.compile(rf"(?<!\w)(?:{alternation(table('in_addition'))})(?!\w)", re.IGNORECASE)


def _given_name_only(name: str) -> bool:
    """A single Vietnamese syllable (with its diacritics): the given name of someone named in full elsewhere."""
    return len(name.split()) == 1 and is_vietnamese_syllable(name)


@functools.lru_cache(maxsize=256)
def _asks_for_others(question: Question) -> bool:
    # Accents kept where typed: "ngoài" (besides) is not "đối ngoại" (foreign affairs).
    fold = strip_diacritics if question.unaccented else str
    words = " " + " ".join(re.findall(r"\w+", fold(question.text.lower()))) + " "
    opening_only = (
        {fold(w) for w in tables()["others_asked"]["opening_only_unaccented"]} if question.unaccented else set()
    )
    return any(
        (words.startswith(f" {word} ") if word in opening_only else f" {word} " in words)
        for word in map(fold, table("others_asked"))
    )


def _title_of(office: re.Match[str]) -> tuple[str, bool]:
    """An office's title, and whether it is a deputy's ("phó")."""
    return " ".join(office["title"].split()), bool(office["deputy"])


@functools.lru_cache(maxsize=256)  # asked of every sentence a question's answer is sought in
def _asked_office(question: Question) -> re.Match[str] | None:
    """The office a question about a person names ("Đại sứ Mỹ tại Hungary … là ai?", "Bộ trưởng nào
    …"), unless it is another person's ("… cùng Thủ tướng")."""
    if question.kind is not Kind.WHO:
        return None
    key = padded_words(question.text)
    offices = [m for m in office_pattern().finditer(key) if " ".join(m.group().split()) not in question.others]
    # The office asked with "nào", a few words of its body between ("Thứ trưởng Bộ LĐ-TB&XH nào")…
    which = re.search(r" nao ", key)
    if which is not None:
        return next(
            (
                m
                for m in reversed(offices)
                if m.end() <= which.start() and len(key[m.end() : which.start()].split()) <= 4
            ),
            None,
        )
    # … or opening a question that ends "là ai" ("Tân Tổng tư lệnh quân đội Ukraine … là ai?")…
    if re.search(r" (?:la ai|ten la gi|ten gi) $", key):
        return next((m for m in offices if len(key[: m.start()].split()) <= 2), None)
    # … or right after "Ai là" ("Ai là nguyên Phó chủ nhiệm … bình luận …?").
    opening = re.match(r" ai la (?:(?:nguyen|cuu|tan|duong kim) )?", key)
    return next((m for m in offices if m.start() == opening.end() - 1), None) if opening else None


def _span_of_words(text: str, words: int) -> int:
    """Length of the leading whitespace and first `words` words of `text`."""
    match = re.match(rf"(?:\s*[^\s,.;:!?)]+){{{words}}}", text)
    return match.end() if match else 0


@functools.lru_cache(maxsize=256)  # asked of every sentence a question's answer is sought in
def _wanted_nouns(question: Question) -> tuple[tuple[str, ...], ...]:
    """Diacritic-free syllables of the nouns a counted number may be followed by."""
    if _PERCENT_ASKED.search(question.text):
        return (("%",),)
    counted = [strip_diacritics(s).lower() for s in question.counted]
    plain_question = strip_diacritics(question.text).lower()
    options: list[str] = []
    for size in (2, 1):
        noun = " ".join(counted[:size])
        if not noun:
            continue
        options.append(noun)
        for group in (*_ALIKE, *_UNITS):
            if noun in _plain_words(group):
                options.extend(_plain_words(group))
    if not any(o in _plain_words(t) for t in _UNITS for o in options):
        # "xe xếp hàng dài bao nhiêu?": the dimension asked, its unit left unsaid.
        options.extend(w for t in _UNITS if _asks_with(question, t, "asked_by") for w in _plain_words(t))
    if _PERCENT_HINT.search(question.text):
        options.append("%")
    money = _plain_words("money")
    if (_asks_with(question, "money_asked", "words") or _PER_UNIT.search(plain_question)) and not any(
        o in money for o in options
    ):
        options.extend(money)
    return tuple(tuple(o.split()) for o in dict.fromkeys(options))


def _compound(words: list[str], accented: list[str] | None) -> str | None:
    """The word of two or three syllables the diacritic-free `words` open, if the dictionary has one: read
    with their diacritics (`accented`, the same syllables as written) when they were written with them,
    as "mẫu phân tích" opens no "mẫu phân"."""
    for n in (3, 2):
        if accented is not None and len(accented) >= n:
            if " ".join(accented[:n]) in dictionary_words():
                return " ".join(words[:n])
        elif len(words) >= n and " ".join(words[:n]) in plain_dictionary_words():
            return " ".join(words[:n])
    return None


def _kind_said(head_and_after: list[str], accented: list[str] | None) -> str | None:
    """What says which kind of a counted noun it is: the rest of the word it opens ("xe máy": "máy"), or the
    word after it ("trường đại học": "đại học"), diacritic-free."""
    whole = _compound(head_and_after, accented)
    return whole.split(" ", 1)[1] if whole else _compound(head_and_after[1:], accented[1:] if accented else None)


@functools.cache
def _fates() -> dict[str, int]:
    """Each way of saying what befell people (diacritic-free), to the number of its group."""
    groups = _count_tables()["fates"]["groups"]
    return {strip_diacritics(w).lower(): n for n, group in enumerate(groups) for w in group}


def _fate(words: list[str]) -> str | None:
    """The group of what befell the people counted, said by the first words of `words` ("bi thuong")."""
    return next((f"fate {_fates()[' '.join(words[:n])]}" for n in (3, 2, 1) if " ".join(words[:n]) in _fates()), None)


@functools.lru_cache(maxsize=256)  # asked of every sentence
def _kind_of_noun(question: Question) -> str | None:
    """Which kind of the counted noun is asked: "đại học" in "bao nhiêu trường đại học"; for people, what
    befell them ("bao nhiêu chiến sĩ bị thương"), any word of a group standing for the others ("chết",
    "thiệt mạng")."""
    if len(question.counted) < 2:
        return None
    plain = padded_words(question.text)
    head = f" {' '.join(strip_diacritics(s).lower() for s in question.counted)} "
    position = plain.find(head)
    if position < 0:
        return None
    after = plain[position:].split()[:6]
    people = _plain_words("people")
    noun = 2 if " ".join(after[:2]) in people else 1 if after[0] in people else 0
    if noun:
        return _fate(after[noun:])
    accented = accented_words(question.text) if not question.unaccented and has_diacritics(question.text) else None
    first = len(plain[:position].split())
    return _kind_said(after[:4], accented[first : first + 4] if accented else None)


def _another_kind(sentence: str, span: Span, asked_kind: str) -> bool:
    """Whether the number at `span` (with its noun) counts the noun of another kind ("trường mầm non"), or
    people something else befell ("hy sinh" for "bị thương")."""
    noun = padded_words(sentence[span[0] : span[1]]).split()[-1:]
    if asked_kind.startswith("fate "):
        # What befell them may come a few words on, in the same clause ("600 chiến sĩ Sư đoàn 356 đã hy sinh").
        clause = padded_words(re.split(r"[,;.:]", sentence[span[1] : span[1] + 60])[0]).split()[:6]
        said = next((fate for k in range(len(clause)) if (fate := _fate(clause[k:]))), None)
    else:
        counted, following = sentence[span[0] : span[1]], sentence[span[1] : span[1] + 40]
        written = accented_words(counted)[-1:] + accented_words(following)[:3]
        said = _kind_said(
            noun + padded_words(following).split()[:3],
            written if has_diacritics(f"{counted} {following}") else None,
        )
    return said is not None and said != asked_kind and said not in _plain_words("purposes")


def _counted_before(before: str, option: tuple[str, ...]) -> bool:
    """Whether the clause before a number names what it counts: "tổng số xe tăng cường trong dịp này là 2.500"."""
    clause = padded_words(re.split(r"[,;:.]", before)[-1]).split()
    if clause[-1:] not in (["la"], ["dat"]):
        return False
    return any(clause[i] == "so" and tuple(clause[i + 1 : i + 1 + len(option)]) == option for i in range(len(clause)))


def _counts(sentence: str, question: Question) -> tuple[list[Span], list[Span]]:
    """Numbers followed by the counted noun (strong), and any number with a word after it (weak)."""
    if _RANK_ASKED.search(question.text):
        return [m.span() for m in _RANK.finditer(sentence) if not _echoes(m.group(), question)], []
    strong: list[Span] = []
    weak: list[Span] = []
    options = _wanted_nouns(question)
    # Skipped to find the counted noun: "thông qua 7 dự án luật" counts laws, "2 triệu USD" dollars.
    prefixes = [p.split() for p in _plain_words("counted_prefix")] + [[strip_diacritics(m)] for m in _MAGNITUDES]
    by_option: list[tuple[Span, tuple[str, ...]]] = []
    for match in _COUNT.finditer(sentence):
        if _echoes(match.group(), question):
            continue
        after = sentence[match.end() :]
        following = [strip_diacritics(s).lower() for s in syllables(" ".join(after.split()[:5]))]
        skipped = next((len(p) for p in prefixes if following[: len(p)] == p), 0)
        percent = after.lstrip().startswith("%")
        matched = None
        for option in options:
            if option == ("%",):
                if percent:
                    matched = (match.start(), match.end() + after.index("%") + 1)
            elif percent:
                continue  # "95,67% đại biểu" is a share of them, not how many they are
            elif tuple(following[: len(option)]) == option:
                matched = (match.start(), match.end() + _span_of_words(after, len(option)))
            elif skipped and tuple(following[skipped : skipped + len(option)]) == option:
                matched = (match.start(), match.end() + _span_of_words(after, skipped + len(option)))
            elif _counted_before(sentence[: match.start()], option):
                matched = match.span()
            if matched:
                # The question's noun may go on past the counted one: "235 trường đại" + "học".
                end = name_end(sentence, matched[1])
                added = padded_words(sentence[matched[1] : end]).strip()
                if added not in PLAIN_STOP_WORDS and padded_words(sentence[match.end() : end]) in padded_words(
                    question.text
                ):
                    matched = (matched[0], end)
                by_option.append((matched, option))
                break
        if not matched and match.group()[0].isdigit() and following and not _DATE.match(sentence, match.start()):
            weak.append((match.start(), match.end() + _span_of_words(after, 1)))
    # "235 trường đại học" is what "bao nhiêu trường đại học" asks for; "14.880 trường mầm non" beside it, or
    # alone, is not: the same noun of another kind.
    asked_kind = _kind_of_noun(question)
    head = tuple(strip_diacritics(s).lower() for s in question.counted[:1])
    for span, option in by_option:
        longer = any(o[: len(option)] == option and len(o) > len(option) for _, o in by_option)
        # (Any noun of people may count those something befell; another kind of thing, only the asked noun.)
        another_kind = (
            asked_kind is not None
            and (asked_kind.startswith("fate ") or option == head)
            and _another_kind(sentence, span, asked_kind)
        )
        (weak if longer or another_kind else strong).append(span)
    for unit in _glued_unit().finditer(sentence):
        if _echoes(unit.group(), question):
            continue
        plain_unit = strip_diacritics(unit.group()[len(unit.group(1)) :]).lower()
        (strong if (plain_unit,) in options else weak).append(unit.span())
    return sorted(strong), sorted(weak)


# "đứng thứ mấy", "xếp hạng bao nhiêu": a rank, answered by "thứ 11", "hạng 3".
_RANK_ASKED = re.compile(r"(?<!\w)(?:thứ|thu|hạng|xep hang)\s+(?:mấy|may|bao nhiêu|bao nhieu)(?!\w)", re.IGNORECASE)
_RANK = re.compile(r"(?<!\w)(?:thứ|hạng)\s+\d+(?!\w)", re.IGNORECASE)


def _focus(sentence: str, question: Question) -> list[Span]:
    """For "hình thức gì", "chỉ số gì": the asked noun and the words after it."""
    if not question.focus:
        return []
    asked_noun = strip_diacritics(" ".join(question.focus)).lower()
    if asked_noun in PLAIN_DOCUMENT_NOUNS:
        return _documents(sentence, asked_noun, question)
    focus = [strip_diacritics(s) for s in question.focus]
    # "những bộ ngành nào" asks for names ("Ngân hàng Nhà nước"): "một số bộ ngành phối hợp" is none.
    named = f" {' '.join(focus)} nao " in f" {padded_words(question.text)} "
    words = list(re.finditer(r"\S+", sentence))
    plain_words = [strip_diacritics(w.group().lower().strip('.,;:!?()“”"')) for w in words]
    spans = []
    directive = tuple(focus) in directive_verbs()
    for i in range(len(words) - len(focus)):
        if plain_words[i : i + len(focus)] == focus:
            # "kiến nghị gì": what follows the verb, to the end of its clause.
            end = (
                _clause_end(words, i + len(focus)) if directive else _focus_end(sentence, words, i + len(focus), named)
            )
            tail = sentence[words[i + len(focus)].start() : end]
            if not _echoes(tail, question) and not (named and not re.search(f"[{UPPER}]", tail)):
                spans.append((words[i].start(), end))
    if not spans and named and " ".join(focus) in _generic_bodies():
        return _bodies_named(sentence, words, question)
    return spans


_ANY_DOCUMENT = frozenset({"van ban"})  # "văn bản nào" asks for a document of any kind


def _documents(sentence: str, asked_noun: str, question: Question) -> list[Span]:
    """For "nghị định nào", "văn bản số mấy": the documents of the asked kind the sentence names ("nghị
    định 33", "Luật Nhà ở 2015") or codes it gives ("05/CT-TTg"), each whole, but not those the question names."""
    every = document_spans(sentence)
    # Of the asked kind as written: "Thông báo kết luận số 1595" for "kết luận số mấy", "Bộ luật" for "luật nào".
    named = [
        (s, e)
        for s, e in every
        if asked_noun in _ANY_DOCUMENT or f" {asked_noun} " in f" {strip_diacritics(sentence[s:e]).lower()} "
    ]
    codes = [m.span() for m in _DOCUMENT_CODE.finditer(sentence)]
    # A code within a named document ("nghị quyết số 25/2018/NQ-HĐND") is part of that one, of its kind.
    spans = named + [code for code in codes if not any(s <= code[0] and code[1] <= e for s, e in every)]
    return sorted(span for span in spans if not _echoes(sentence[span[0] : span[1]], question))


CLAUSE_WORDS = 25  # at most, of what a directive verb reports


def _clause_end(words: list[re.Match[str]], first: int) -> int:
    """The end of the clause from word `first`: its first comma, semicolon or stop past three words
    (a comma right after the verb, "kiến nghị, kiểm soát …", opens it), at most CLAUSE_WORDS words."""
    last = min(first + CLAUSE_WORDS, len(words)) - 1
    for n in range(first, last + 1):
        if words[n].group().endswith((";", ".", ":", "!", "?")) or (n - first >= 3 and words[n].group().endswith(",")):
            last = n
            break
    return words[last].start() + len(words[last].group().rstrip(",;:.!?"))


@functools.cache
def _generic_bodies() -> frozenset[str]:
    return frozenset(strip_diacritics(w) for w in tables()["institutions"]["generic"])


@functools.cache
def _institution() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(table('institutions'))})$")


def _bodies_named(sentence: str, words: list[re.Match[str]], question: Question) -> list[Span]:
    """The bodies a sentence names, each whole ("Sở Tài nguyên và Môi trường", "Trung tâm Phát triển Quỹ
    đất"), for a question asking for them by a noun the sentence need not repeat ("những cơ quan nào");
    not one whose document or word it is ("theo văn bản của Văn phòng Chính phủ")."""
    spans: list[Span] = []
    for i, word in enumerate(words):
        if (spans and word.start() < spans[-1][1]) or (i and words[i - 1].group().lower() in ("của", "theo")):
            continue
        size = next((n for n in (3, 2, 1) if _institution().match(" ".join(w.group() for w in words[i : i + n]))), 0)
        if not size or words[i + size - 1].group().endswith((",", ";", ".", ":")):
            continue
        head_end = end = words[i + size - 1].end()
        if (level := _place_level().match(sentence, end)) is not None:
            end = level.end()  # "UBND tỉnh" before "Quảng Nam"
        # Capitalised words, each with the syllables completing it ("Tài" + "nguyên"), and "và" between two.
        while (following := _NAME_GOES_ON.match(sentence, name_end(sentence, end))) is not None:
            end = following.end()
        end = name_end(sentence, end)
        # Within a list, a body runs to the next one: "Hội đồng Thẩm định giá đất TP, Trung tâm …".
        for boundary in _NEXT_ITEM.finditer(sentence, end):
            between = sentence[end : boundary.start()]
            if len(between.split()) > 6 or _institution_ahead(between, 0, anywhere=True):
                break
            if _institution_ahead(sentence, boundary.end()):
                end = boundary.start()
                break
        if end > head_end and not _echoes(sentence[word.start() : end], question):
            spans.append((word.start(), end))
    return spans


_NEXT_ITEM = re.compile(r"\s*[,;]\s*|\s+và\s+")


@functools.cache
def _place_level() -> re.Pattern[str]:
    """A place's level after a body's opening words, when the place's name follows."""
    levels = alternation(tables()["institutions"]["place_levels"])
    return re.compile(rf"\s+(?:{levels})(?=\s+[{UPPER}])")


def _institution_ahead(text: str, position: int, anywhere: bool = False) -> bool:
    """Whether a body's name opens at `position` (or, `anywhere`, at any word after it)."""
    ahead = text[position:].split()
    starts = range(len(ahead)) if anywhere else range(1)
    return any(_institution().match(" ".join(ahead[k : k + n])) for k in starts for n in (3, 2, 1))


_NAME_GOES_ON = re.compile(rf"\s+(?:và\s+)?[{UPPER}][\w&-]*")


FOCUS_WORDS, NAMED_FOCUS_WORDS = 4, 8


def _focus_end(sentence: str, words: list[re.Match[str]], first: int, named: bool) -> int:
    """Where what follows an asked noun ends: up to four words, never past a comma ("bến xe Nước Ngầm",
    not "…, gần 200") nor on a dash; a name asked for ("sở nào") ends with its last capitalised word and
    the syllable completing it ("sở Xây dựng", "Hai Bà Trưng – Lê Duẩn", not "sở Xây dựng về vấn")."""
    last = first
    limit = min(first + (NAMED_FOCUS_WORDS if named else FOCUS_WORDS), len(words)) - 1
    while last < limit and not words[last].group().endswith((",", ";", ":", ".")):
        following = words[last + 1].group()
        if named and last + 1 - first >= FOCUS_WORDS and not (following[:1].isupper() or following in "–-"):
            break
        last += 1
    if named:
        capitalised = [n for n in range(first, last + 1) if words[n].group()[:1].isupper()]
        if capitalised:
            word = words[capitalised[-1]]
            return name_end(sentence, word.start() + len(word.group().rstrip(",;:.")))
    while last > first and not re.search(r"\w", words[last].group()):
        last -= 1
    return words[last].start() + len(words[last].group().rstrip(",;:."))  # "Nhà nước," without its comma


@functools.cache
def _opposite_events() -> dict[str, str]:
    pairs = word_tables("question_words")["events"]["opposites"]
    plain = [(strip_diacritics(a).lower(), strip_diacritics(b).lower()) for a, b in pairs]
    return {**dict(plain), **{b: a for a, b in plain}}


@functools.lru_cache(maxsize=256)  # asked of every sentence
def _events_asked(question: Question) -> tuple[tuple[str, str], ...]:
    """The events a question names that have an opposite, with it (padded, diacritic-free)."""
    asked = padded_words(question.text)
    return tuple((f" {e} ", f" {o} ") for e, o in _opposite_events().items() if f" {e} " in asked)


def _dates_another_event(sentence: str, question: Question) -> bool:
    """Whether the sentence dates the opposite of the event asked about and not that event itself."""
    events = _events_asked(question)
    said = padded_words(sentence) if events else ""
    return any(event not in said and opposite in said for event, opposite in events)


def _dates_of_the_asked(sentence: str, question: Question, dates: list[Span]) -> tuple[list[Span], list[Span]]:
    """Of several dates a sentence gives, those of what is asked, and the others.

    A weekday beside a calendar date says less ("Sáng 24/11, … sau khi kỳ họp bế mạc hôm thứ sáu"), a date in
    brackets beside one in the text is background ("Sáng 20/6, … nhân kỷ niệm 93 năm ngày Báo chí cách
    mạng (21/6/1925 - 21/6/2018)"), and a date after the opposite event dates that one ("khai mạc ngày
    20/5/2019 và bế mạc vào ngày 14/6/2019", asked when it closed).
    """
    kept = dates
    for telling in (
        lambda span: any(c.isdigit() for c in sentence[span[0] : span[1]]),
        lambda span: sentence.rfind("(", 0, span[0]) <= sentence.rfind(")", 0, span[0]),
        lambda span: not _after_the_opposite(sentence[: span[0]], question),
    ):
        if len(kept) > 1 and (told := [span for span in kept if telling(span)]):
            kept = told
    return kept, [span for span in dates if span not in kept]


def _after_the_opposite(before: str, question: Question) -> bool:
    """Whether the last event named before a date is the opposite of the one asked about."""
    said = padded_words(before)
    return any(said.rfind(opposite) > said.rfind(event) for event, opposite in _events_asked(question))


# What a "khi nào" question asks for more precisely, and what a date must hold to answer it.
_RELATIVE_DAY = re.compile(r"(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)\s+(?:nay|qua|mai)", re.IGNORECASE)
_DAY_ASKED = re.compile(r"(?<!\w)(?:ngày|hôm|ngay|hom)\s+(?:nào|mấy|bao nhiêu|nao|may|bao nhieu)(?!\w)")
_YEAR_ASKED = re.compile(r"(?<!\w)(?:năm|nam)\s+(?:nào|mấy|bao nhiêu|nao|may|bao nhieu)(?!\w)")
_GRAINS = (  # (what the question asks, what the date must hold)
    (
        _DAY_ASKED,
        re.compile(
            r"\d{1,2}[/-]\d{1,2}(?!\d)|(?:ngày|hôm|sáng|chiều|tối|trưa|đêm)\s+(?:nay|qua|mai|\d)|thứ\s|chủ nhật",
            re.IGNORECASE,
        ),
    ),
    (_YEAR_ASKED, re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")),
)

# "huyện Long Thành", "xã Quảng Thịnh", "quận 8": a place named by its kind.
_TYPED_PLACE = re.compile(
    rf"(?<!\w)(?:{alternation(table('place_kinds'))})\s+(?P<name>{CAPITALISED_RUN}|\d+(?:/\d+)?)(?!\w)"
)


@functools.cache
def _named_place_kinds() -> tuple[str, ...]:
    """Kinds of place a "where" question asks for by name ("cao tốc nào"), diacritic-free, longest first;
    not those a place is no name of ("nơi nào", "địa bàn nào"), nor "bản", whose plain form is also "Ban"."""
    generic = {"noi", "dia diem", "cho", "dia ban", "tai noi", "vung", "khu vuc", "dia phuong", "ban"}
    kinds = word_tables("question_words")["kinds"]["where"]
    nouns = {strip_diacritics(k).removesuffix(" nào").removesuffix(" nao") for k in kinds if k.endswith("nào")}
    return tuple(sorted(nouns - generic, key=len, reverse=True))


@functools.lru_cache(maxsize=256)  # asked of every sentence
def _place_kind_asked(question: Question) -> Question | None:
    """The question asking for the kind of place it names before "nào", as the noun to look for."""
    asked = padded_words(question.text)
    noun = next((noun for noun in _named_place_kinds() if f" {noun} nao " in asked), None)
    return dataclasses.replace(question, focus=tuple(noun.split())) if noun else None


@functools.lru_cache(maxsize=256)  # asked of every sentence
def _asks_a_province_or_country(question: Question) -> bool:
    """ "tỉnh nào", "nước nào": a province or country is what is asked, wherever the sentence names it."""
    return bool(re.search(r" (?:tinh|thanh pho|nuoc|quoc gia|dia phuong) nao ", padded_words(question.text)))


_LONGER_KIND = re.compile(r"(?<!\w)thị\s+$", re.IGNORECASE)


def _places(sentence: str, question: Question) -> tuple[list[Span], list[Span]]:
    """Places after "tại", "ở"... or named by their kind (strong); provinces and countries anywhere (weak)."""
    strong: list[Span] = []
    for match in _PLACE.finditer(sentence):
        start = match.start("place")
        # Up to the last capitalised word: "Cung Văn hóa Hữu nghị Việt Xô tổ chức" ends at "Xô".
        last_capital = _PLACE_END.match(match.group("place"))
        end = name_end(sentence, start + (last_capital.end() if last_capital else len(match.group("place"))))
        if not _echoes(sentence[start:end], question):
            strong.append((start, end))
    for match in _TYPED_PLACE.finditer(sentence):
        # "tỉnh Thanh Hoá" echoes a question that names "Thanh Hóa" without the word "tỉnh".
        echoed = _echoes(match.group(), question) or (not match["name"].isdigit() and _echoes(match["name"], question))
        if not any(s < match.end() and match.start() < e for s, e in strong) and not echoed:
            strong.append(match.span())
    # "cao tốc nào", "bệnh viện nào": the kind of place asked for, then its name ("cao tốc Pháp Vân - Cầu Giẽ").
    # Other places are then weaker answers ("… về Thủ đô").
    asked = _place_kind_asked(question)
    # "xã nào" is no "thị xã", "thị trấn": a place of the asked kind is never cut from a longer kind's name.
    # … and its name comes right after the kind: "tỉnh Quảng Nam", "quận 1", not "các tỉnh miền Trung".
    named = (
        [
            span
            for span in _focus(sentence, asked)
            if not _LONGER_KIND.search(sentence, 0, span[0]) and _name_after_kind(sentence, span, len(asked.focus))
        ]
        if asked
        else []
    )
    others: list[Span] = []
    if named:
        others = [span for span in strong if not any(s <= span[0] and span[1] <= e for s, e in named)]
        strong = named
    weak = others + [
        m.span()
        for m in KNOWN_PLACE.finditer(sentence)
        if not any(s < m.end() and m.start() < e for s, e in strong + others)
        and not _echoes(m.group(), question)
        and not (m.group().lower() in table("forms_of_address") and _ADDRESSING.match(sentence, m.start()))
    ]
    if question.many:  # "những tỉnh nào": every province or country the sentence names is asked for
        # "các huyện Hoài Đức, Quốc Oai và Gia Lâm": the places listed after one named by its kind too.
        listed = [span for s, e in strong for span in _listed_after(sentence, e)]
        if named and not _asks_a_province_or_country(question):
            # "những quận nào": the districts, not the city of the delegation that met their voters.
            return sorted(set(strong + listed)), weak
        return sorted(set(strong + weak + listed)), []
    if _asks_a_province_or_country(question):  # "Tỉnh nào là nơi đầu tiên …"
        return sorted(strong + weak), []
    return sorted(strong), weak


def _name_after_kind(sentence: str, span: Span, kind_words: int) -> bool:
    """Whether the word after a place's kind ("tỉnh", "cao tốc") is capitalised or a number: a name."""
    following = sentence[span[0] : span[1]].split()[kind_words : kind_words + 1]
    return bool(following) and (following[0][:1].isupper() or following[0][:1].isdigit())


# "Anh Lâm Giang, nhân viên …": opening the sentence or a clause, a form of address before a name, not
# England ("Thủ tướng Anh Rishi Sunak" is).
_ADDRESSING = re.compile(
    rf"(?<![^\s,;:(“\"])(?<!\w\s)(?:{alternation(tuple(w.capitalize() for w in table('forms_of_address')))})"
    rf"\s+{CAPITALISED_RUN}"
)
_NEXT_IN_LIST = re.compile(rf"(?:\s*,\s*|\s+và\s+)(?P<name>{CAPITALISED_RUN})(?!\w)")


def _listed_after(sentence: str, end: int) -> list[Span]:
    """The capitalised names that go on a list after `end` ("…, Quốc Oai, Thạch Thất và Gia Lâm")."""
    spans = []
    while (match := _NEXT_IN_LIST.match(sentence, end)) is not None:
        spans.append(match.span("name"))
        end = match.end()
    return spans


# Between the dates of a range or a list: "từ ngày 24 đến 26-4", "ngày 13, 14 và 15/6", "2016-2020".
_DATE_JOIN = re.compile(r"\s*(?:(?:,|và|đến|tới|–|-)\s*\d{1,2}\s*)*(?:,|và|đến|tới|–|-)\s*", re.IGNORECASE)


def _joined_dates(sentence: str, dates: list[tuple[Span, bool]]) -> list[tuple[Span, bool]]:
    """The dates with those of one range or list joined into one span (of the asked grain if any part is),
    so that the bold never cuts "ngày 1 đến 3/11" in two."""
    joined: list[tuple[Span, bool]] = []
    for span, fit in dates:
        # (only a bare number goes on a range or list: "năm 1964, năm 2010" are two dates)
        if joined and sentence[span[0]].isdigit() and _DATE_JOIN.fullmatch(sentence, joined[-1][0][1], span[0]):
            (start, _), fitted = joined.pop()
            joined.append(((start, span[1]), fitted or fit))
        else:
            joined.append((span, fit))
    # "từ ngày 24 đến 26-4", "hai ngày 12 và 13-11": a range's or a pair's end written with a dash, which no
    # date is read as alone.
    return [((start, _range_end(sentence, end)), fit) for (start, end), fit in joined]


_RANGE_END = re.compile(r"\s*(?:đến|tới|và|–|-)\s*\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?(?![\w/-])", re.IGNORECASE)


def _range_end(sentence: str, end: int) -> int:
    match = _RANGE_END.match(sentence, end)
    return match.end() if match else end


def answer_spans(sentence: str, question: Question) -> tuple[list[Span], list[Span]]:
    """Spans of `sentence` that answer the question: strong ones, and weaker ones."""
    if question.kind is Kind.WHO:
        return _with_issuers(sentence, question, _people(sentence, question))
    if question.kind is Kind.HOW_MANY:
        return _counts(sentence, question)
    if question.kind is Kind.WHEN:
        # "2018" in "31/2018/CT-TTg" is part of a document's number, not a date.
        codes = [m.span() for m in _DOCUMENT_CODE.finditer(sentence)]
        dates = [
            m
            for m in _DATE.finditer(sentence)
            if not _echoes(m.group(), question) and not any(s < m.end() and m.start() < e for s, e in codes)
        ]
        # "ngày nào" is answered by a day ("ngày 26/2"), not by "cuối tháng 2"; "năm nào" by a year.
        asked = question.text.lower()
        grain = next((held for wanted, held in _GRAINS if wanted.search(asked)), None)
        # "hôm nay", "sáng qua": a day told only from the article's own date answers weakly.
        fits = [
            m for m in dates if not _RELATIVE_DAY.fullmatch(m.group()) and (grain is None or grain.search(m.group()))
        ]
        joined = _joined_dates(sentence, [(m.span(), m in fits) for m in dates])
        if _dates_another_event(sentence, question):  # "khai mạc ngày nào": "bế mạc ngày 24/10"
            return [], [span for span, _ in joined]
        strong, aside = _dates_of_the_asked(sentence, question, [span for span, fit in joined if fit])
        return strong, sorted(aside + [span for span, fit in joined if not fit])
    if question.kind is Kind.WHERE:
        return _places(sentence, question)
    if question.kind is Kind.YES_NO:
        # What decides the claim (its number, or another in its place) is what the sentence must say.
        check = check_claim(sentence, question)
        decisive = check.contrary if check.verdict is Verdict.NO else check.confirming
        return (list(decisive), []) if check.verdict is not Verdict.UNCLEAR else ([], list(check.confirming))
    return _with_issuers(sentence, question, (_focus(sentence, question), []))


def _with_issuers(
    sentence: str, question: Question, spans: tuple[list[Span], list[Span]]
) -> tuple[list[Span], list[Span]]:
    """For "Chỉ thị 27 do ai (cơ quan nào) ban hành?", the issuer the sentence names answers too, a body or
    an office ("do Thủ tướng ban hành")."""
    strong, weak = spans
    if question.document is None or question.document.fact != "issuer":
        return strong, weak
    issuers = [
        (start, end)
        for start, end in issuer_spans(sentence, question.document.name)
        if not any(start < e and s < end for s, e in strong)
    ]
    return sorted(strong + issuers), weak


# The name a bracket follows: "Vân Đồn (Quảng Ninh)".
_NAME_BEFORE_BRACKET = re.compile(rf"{CAPITALISED_RUN}\s*$")


def whole_list(sentence: str, spans: list[Span]) -> Span:
    """The span from the first of these to the last, never opening or closing inside brackets: a list of
    places each with its province in brackets is bolded as "Vân Đồn (Quảng Ninh), …, Phú Quốc (Kiên Giang)"."""
    start, end = spans[0][0], spans[-1][1]
    opened = sentence.rfind("(", 0, start)
    if opened > sentence.rfind(")", 0, start):  # the list opens inside brackets: the name before them too
        before = _NAME_BEFORE_BRACKET.search(sentence, 0, opened)
        start = before.start() if before else opened
    if sentence.rfind("(", start, end) > sentence.rfind(")", start, end):  # and closes inside them
        closing = sentence.find(")", end)
        end = closing + 1 if closing != -1 else end
    return start, end
