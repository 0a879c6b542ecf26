"""Vietnamese text normalisation and tokenisation.

Everything that turns text into index terms lives here, so that articles and questions are
treated alike: NFC, one tone-mark placement, lowercase, underthesea word segmentation, a
diacritic-free twin of every term, and a few "concept" terms for directive codes and the
abbreviations people type (UBND, BTV, CT 05...).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Bump when anything below changes the terms produced: cached segmentations are keyed by it.
TOKENIZER_VERSION = "10"

# Prefix of the diacritic-free twin of every term ("hội" -> "~hoi"), so that both spellings live in
# one index without colliding (the ASCII word "ban" and the stripped form of "bàn" differ).
PLAIN = "~"
# Prefixes of concept terms; they cannot occur in segmented text, which has no such characters.
CODE = "#"
CONCEPT = "@"

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_QUALITY_VOWELS = set("ăâêôơưĂÂÊÔƠƯ")
_WORD = re.compile(r"\w+")
_HAS_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


# Invisible characters that cut a word in two ("Th\u200bành ủy"): zero-width space, non-joiner and
# joiner, word joiner, byte-order mark, soft hyphen.
_INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = str.maketrans(dict.fromkeys(_INVISIBLE_CHARACTERS))
_ANY_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC without invisible characters, the form every comparison here assumes."""
    # translate() reads a non-ASCII text character by character: ten times slower than the search.
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE) if _ANY_INVISIBLE.search(text) else text)


@functools.lru_cache(maxsize=200_000)
def canonical_syllable(syllable: str) -> str:
    """Place the tone mark of one syllable by a single rule, so `hoà`/`hòa`, `uỷ`/`ủy` agree.

    The rule is the one underthesea's own output follows: a vowel with a quality mark takes the
    tone; otherwise the last vowel of the nucleus before a final consonant; otherwise, in an open
    syllable, the first vowel of a pair (`hòa`, `thủy`, `mùa`) or the middle one of three.
    """
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [ch for ch in decomposed if ch in _TONES]
    if not tones:
        return syllable
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    start = next((i for i, ch in enumerate(base) if ch in _VOWELS), None)
    if start is None:
        return syllable
    end = start
    while end < len(base) and base[end] in _VOWELS:
        end += 1
    nucleus = list(range(start, end))
    # "qu" and "gi" (before another vowel) are onsets, not part of the nucleus.
    if len(nucleus) > 1 and start > 0:
        onset, first = base[start - 1].lower(), base[start].lower()
        if (onset == "q" and first == "u") or (onset == "g" and first == "i"):
            nucleus = nucleus[1:]
    marked = [i for i in nucleus if base[i] in _QUALITY_VOWELS]
    if marked:
        position = marked[-1]
    elif end < len(base):
        position = nucleus[-1]
    elif len(nucleus) == 3:
        position = nucleus[1]
    else:
        position = nucleus[0]
    toned = unicodedata.normalize("NFC", base[position] + tones[0])
    return base[:position] + toned + base[position + 1 :]


def has_tone_mark(syllable: str) -> bool:
    """Whether a syllable carries one of the five tone marks (quality marks such as ô, ư aside)."""
    return any(ch in _TONES for ch in unicodedata.normalize("NFD", syllable))


@functools.cache
def dictionary_words() -> frozenset[str]:
    """underthesea's Vietnamese word list (Viet74K), lowercase, each syllable's tone mark in the canonical place.

    Empty when the list cannot be read.
    """
    try:
        text = (importlib.resources.files("underthesea") / "corpus" / "data" / "Viet74K.txt").read_text("utf-8")
    except (OSError, ModuleNotFoundError):
        return frozenset()
    return frozenset(" ".join(canonical_syllable(s) for s in line.split()) for line in text.lower().splitlines())


@functools.cache
def plain_dictionary_words() -> frozenset[str]:
    """The dictionary's words without diacritics, as a question typed without them spells them."""
    return frozenset(strip_diacritics(w) for w in dictionary_words())


_NEXT_SYLLABLES = re.compile(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?)?")
_LAST_SYLLABLE = re.compile(r"([^\W\d_]+)$")


def _in_dictionary(*syllables: str | None) -> bool:
    return (
        None not in syllables and " ".join(canonical_syllable(s.lower()) for s in syllables if s) in dictionary_words()
    )


def name_end(text: str, end: int) -> int:
    """Where a name (or a counted noun) ending at `end` really ends: past the lowercase syllable that makes
    one word with its last ("Phủ Chủ" + "tịch", "Bộ Y" + "tế", "trường đại" + "học"), unless that syllable
    rather makes a word with the next ("Hòa Bình | thường xuyên"; but "Bộ Y tế | chủ trì", the next two
    being a word of their own)."""
    last = _LAST_SYLLABLE.search(text, 0, end)
    following = _NEXT_SYLLABLES.match(text, end)
    if last is None or following is None or not following.group(1).islower():
        return end
    first, second, third = following.groups()
    if not _in_dictionary(last.group(1), first):
        return end
    if _in_dictionary(first, second) and not _in_dictionary(second, third):
        return end
    return following.end(1)


def canonicalize(text: str) -> str:
    """NFC `text` with every syllable's tone mark in the canonical place."""
    return _WORD.sub(lambda m: canonical_syllable(m.group()), nfc(text))


# "truởng", "nguời", "tuớng": the horn of "ươ" typed on one of its two letters only (as Telex typing
# leaves it when the "w" comes after the "o", or before it). Vietnamese spells no "uơ" or "ưo" before a final
# consonant or "i" ("thuở", "huơ" end their syllable; "quơ" is "q" and "ơ").
_HORN_ON_O = re.compile(r"(?<![qQ])([uU])([ơớờởỡợƠỚỜỞỠỢ])(?=[nctmpiNCTMPI])")
_HORN_ON_U = re.compile(r"([ưƯ])([oóòỏõọOÓÒỎÕỌ])(?=[nctmpiNCTMPI])")
_HORNED = str.maketrans("oóòỏõọOÓÒỎÕỌ", "ơớờởỡợƠỚỜỞỠỢ")


def mend_horns(text: str) -> str:
    """NFC `text` with "ươ" typed with one horn written with both ("truởng" -> "trưởng")."""
    text = _HORN_ON_O.sub(lambda m: ("ư" if m.group(1) == "u" else "Ư") + m.group(2), nfc(text))
    return _HORN_ON_U.sub(lambda m: m.group(1) + m.group(2).translate(_HORNED), text)


_PLAIN_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


def _strip_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_PLAIN_TABLE))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


# Every precomposed Latin letter with diacritics maps to its base letter: one C-level translate.
_BASE_LETTERS = str.maketrans(
    {
        chr(code): _strip_slowly(chr(code))
        for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
        if len(_strip_slowly(chr(code))) == 1 and _strip_slowly(chr(code)) != chr(code)
    }
)
_COMBINING = re.compile(r"[\u0300-\u036f]")


# The same mapping as one array, for long texts (an article): a table lookup in numpy beats `translate`,
# which looks every letter up in a dict, from a few hundred letters on.
def _base_array() -> np.ndarray:
    array = np.arange(0x1F00, dtype=np.uint32)
    for code, base in _BASE_LETTERS.items():
        array[code] = ord(base)
    return array


_BASE_ARRAY = _base_array()
LONG_TEXT = 200  # letters from which the array is the faster (measured: 300 letters 25 µs against 11)


def _base_letters_long(text: str) -> str:
    """`text.translate(_BASE_LETTERS)` for a long text (short ones call `translate` itself: this is most calls)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    mapped = np.where(codes < len(_BASE_ARRAY), _BASE_ARRAY[np.minimum(codes, len(_BASE_ARRAY) - 1)], codes)
    return mapped.tobytes().decode("utf-32-le", "surrogatepass")


def strip_diacritics(text: str) -> str:
    """`text` without any Vietnamese diacritic (`Đảng ủy` -> `Dang uy`)."""
    if text.isascii():
        return text
    stripped = text.translate(_BASE_LETTERS) if len(text) < LONG_TEXT else _base_letters_long(text)
    return _strip_slowly(stripped) if _COMBINING.search(stripped) else stripped


_NOT_WORD = re.compile(r"[^\w%]+")


def clause_of(sentence: str, span: tuple[int, int] | None) -> str:
    """The part of the sentence between semicolons that holds the span (the whole sentence without one)."""
    if span is None:
        return sentence
    start = sentence.rfind(";", 0, span[0]) + 1
    end = sentence.find(";", span[1])
    return sentence[start : end if end >= 0 else len(sentence)]


def padded_words(text: str) -> str:
    """Lowercase diacritic-free words, padded with spaces for whole-word containment ("% " kept)."""
    return " " + " ".join(_NOT_WORD.sub(" ", strip_diacritics(text).lower()).split()) + " "


def accented_words(text: str) -> list[str]:
    """`padded_words`'s words one for one, lowercase with their diacritics (tone marks in the canonical place)."""
    return _NOT_WORD.sub(" ", canonicalize(text).lower()).split()


def number(value: float, decimals: int = 0) -> str:
    """A number as Vietnamese readers write it: 7.891 bài, 6,6 giây."""
    return f"{value:,.{decimals}f}".translate(str.maketrans(",.", ".,"))


def _letters(predicate: object) -> str:
    """Every Latin letter with Vietnamese diacritics (or none) for which `predicate` holds."""
    candidates = map(chr, [*range(0x41, 0x7B), *range(0xC0, 0x250), *range(0x1EA0, 0x1EFA)])
    return "".join(c for c in candidates if predicate(c) and strip_diacritics(c).isascii() and c.isalpha())  # type: ignore[operator]


# For regex character classes: a range such as "À-Ỹ" holds lowercase letters too.
UPPER_LETTERS = _letters(str.isupper)
LOWER_LETTERS = _letters(str.islower)


# One syllable of Vietnamese, spelled without diacritics: an onset, a vowel cluster and a coda
# ("thanh", "nguyen", "khoa"), which "Trump" or "Putin" are not.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt]|[iyou])?"
)


def is_vietnamese_syllable(word: str) -> bool:
    """Whether `word` is spelled as one Vietnamese syllable ("Thuận", "Thanh"; not "Trump")."""
    return _SYLLABLE.fullmatch(strip_diacritics(word).lower()) is not None


def has_diacritics(text: str) -> bool:
    """True when `text` carries any Vietnamese diacritic or `đ`."""
    return strip_diacritics(text) != text


_NOT_ALNUM = re.compile(r"[\W_]")


def plain_key(text: str) -> str:
    """Lowercase, diacritic-free `text` with punctuation as spaces, aligned char by char with `text`."""
    key = _NOT_ALNUM.sub(" ", text.translate(_BASE_LETTERS) if len(text) < LONG_TEXT else _base_letters_long(text))
    lowered = key.lower()
    return lowered if len(lowered) == len(text) else key


# --- concept terms: directive codes and abbreviations --------------------------------------

_DOC_KINDS = {
    "chi thi": "ct",
    "ct": "ct",
    "nghi quyet": "nq",
    "nq": "nq",
    "quyet dinh": "qd",
    "quy dinh": "qd",
    "qd": "qd",
    "nghi dinh": "nd",
    "nd": "nd",
    "ket luan": "kl",
    "kl": "kl",
    "thong tu": "tt",
    "tt": "tt",
    "ke hoach": "kh",
    "kh": "kh",
    "thong bao": "tb",
    "tb": "tb",
    "huong dan": "hd",
    "hd": "hd",
}
# "05-CT/TW", "31/2018/CT-TTg", "1234/QĐ-UBND", "100/2019/NĐ-CP" (on the plain key, so "đ" is "d").
_CODE = re.compile(
    r"(?<![\w/])(\d{1,5})(?:/(\d{4}))?[-/]([a-z]{1,4})(?:[-/]([a-z]{1,8}))?(?:[-/][a-z]{1,8})*(?!\w)",
)
_MENTION = re.compile(r"(?<!\w)(" + "|".join(sorted(_DOC_KINDS, key=len, reverse=True)) + r")(?: so)? (\d{1,5})(?!\d)")
_PLAIN_CODE_SOURCE = re.compile(r"[^\w/-]|_")
_DIGIT = re.compile(r"\d")


def code_terms(text: str) -> list[str]:
    """Terms naming directive-like documents: `#ct5` for Chỉ thị 05 in any spelling.

    `05-CT/TW`, `Chỉ thị số 05`, `chi thi 05` and `CT 05` all give `#ct5`; a full code also gives
    its issuer (`#ct5:tw`), so `05-CT/TW` prefers the Politburo's directive over a ministry's.
    """
    if not _DIGIT.search(text):
        return []
    key = _PLAIN_CODE_SOURCE.sub(" ", strip_diacritics(nfc(text)).lower())
    terms: list[str] = []
    numbers_seen: set[int] = set()
    for match in _CODE.finditer(key):
        number, _year, kind, issuer = match.groups()
        if kind not in _DOC_KINDS.values():
            continue
        numbers_seen.add(match.start(1))
        terms.append(f"{CODE}{kind}{int(number)}")
        if issuer:
            terms.append(f"{CODE}{kind}{int(number)}:{issuer}")
    for match in _MENTION.finditer(key):
        if match.start(2) not in numbers_seen:
            terms.append(f"{CODE}{_DOC_KINDS[match.group(1)]}{int(match.group(2))}")
    return terms


@dataclass(frozen=True)
class _Concept:
    name: str
    phrase: str  # lowercase, diacritic-free, words separated by single spaces
    abbreviations: tuple[str, ...] = ()  # lowercase forms anyone may type
    cased: tuple[str, ...] = ()  # abbreviations that count only in capitals ("CA", not "ca")


CONCEPTS_FILE = Path(__file__).with_name("data") / "concepts.tsv"


def _load_concepts(path: Path = CONCEPTS_FILE) -> tuple[_Concept, ...]:
    """bot/data/concepts.tsv: each phrase, the abbreviations written for it, and where they come from."""
    with path.open(encoding="utf-8") as stream:
        rows = [line.rstrip("\n").split("\t") for line in stream if line.strip() and not line.startswith("#")]

    def listed(cell: str) -> tuple[str, ...]:
        return tuple(cell.split("|")) if cell else ()

    return tuple(
        _Concept(name, phrase, listed(anyhow), listed(capitals)) for name, phrase, anyhow, capitals, _ in rows[1:]
    )


_CONCEPTS = _load_concepts()


def _concept_table() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Phrase -> concept names, for phrases anyone may type and for capitals-only ones."""
    anyhow: dict[str, tuple[str, ...]] = {}
    cased: dict[str, tuple[str, ...]] = {}
    for concept in _CONCEPTS:
        for phrase in (concept.phrase, *concept.abbreviations):
            anyhow[phrase] = (*anyhow.get(phrase, ()), concept.name)
        for abbreviation in concept.cased:
            cased[abbreviation] = (*cased.get(abbreviation, ()), concept.name)
    return anyhow, cased


_CONCEPT_BY_PHRASE, _CONCEPT_BY_CAPITALS = _concept_table()


def abbreviations_of(phrase: str) -> tuple[str, ...]:
    """The abbreviations anyone may type for a phrase (lowercase, without diacritics): "quoc hoi" gives "qh"."""
    return tuple(a for concept in _CONCEPTS if concept.phrase == phrase for a in concept.abbreviations)


_CONCEPT_PATTERN = re.compile(
    r"(?<!\w)(?=("
    + "|".join(
        re.escape(p).replace(r"\ ", " +")
        for p in sorted({*_CONCEPT_BY_PHRASE, *(c.lower() for c in _CONCEPT_BY_CAPITALS)}, key=len, reverse=True)
    )
    + r")(?!\w))"
)


def _concept_matches(text: str, key: str | None = None) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(phrase as matched, concept names) for each phrase or abbreviation in `text`.

    `key` is `plain_key(text)` when the caller has it already.
    """
    text = nfc(text)
    key = plain_key(text) if key is None else key
    covered = 0  # matches do not overlap: the longest phrase at the leftmost place wins
    for match in _CONCEPT_PATTERN.finditer(key):
        if match.start(1) < covered:
            continue
        covered = match.end(1)
        phrase = re.sub(" +", " ", match.group(1))
        names = _CONCEPT_BY_PHRASE.get(phrase)
        if names is None:
            names = _CONCEPT_BY_CAPITALS.get(text[match.start(1) : match.end(1)], ())
        if names:
            yield phrase, names


def concept_terms(text: str, key: str | None = None) -> list[str]:
    """Terms shared by a phrase and its abbreviation: `UBND` and `Ủy ban nhân dân` give `@ubnd`."""
    return [CONCEPT + name for _, names in _concept_matches(text, key) for name in names]


def abbreviations_in(text: str) -> set[str]:
    """The abbreviations of `text` that stand for a concept (`ubnd`, `vn`), lowercase: those of several
    words as each word and as typed in one (`tp`, `hcm`, `tp.hcm`, `tphcm`), all searched as the concept."""
    full_phrases = {c.phrase for c in _CONCEPTS}
    found = set()
    for phrase, _ in _concept_matches(text):
        if phrase not in full_phrases:
            found |= (
                {phrase} if " " not in phrase else {phrase.replace(" ", "."), phrase.replace(" ", ""), *phrase.split()}
            )
    return found


_NUMBER_WORDS = {
    "nhat": 1,
    "mot": 1,
    "hai": 2,
    "nhi": 2,
    "ba": 3,
    "tu": 4,
    "bon": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}
# "lần 4", "lần thứ 4", "lần thứ tư" (number words only after "thứ": "gấp 2 lần năm 1989" is no session).
# The number words an ordinal is said with after "thứ" ("thứ mười hai", "thứ nhất").
_ORDINAL_WORDS = r"muoi (?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin)|nhat|nhi|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi"
_ORDINAL = re.compile(
    r"(?<!\w)(lan|khoa|ky hop|dai hoi|hoi nghi trung uong|hoi nghi)"
    rf"(?:(?: thu)? (\d{{1,3}}|[ivxl]{{1,7}})| thu ({_ORDINAL_WORDS}))(?!\w)"
)


_ORDINAL_HINT = re.compile(r"lan|khoa|ky hop|dai hoi|hoi nghi")


def _ordinal_value(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word.startswith("muoi "):
        unit = word.split()[1]
        return 10 + {"lam": 5}.get(unit, _NUMBER_WORDS.get(unit, 0))
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    values = [_ROMAN[c] for c in word]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else None


# "lần lấy phiếu tín nhiệm thứ ba": the ordinal after the noun of the thing counted, a few words on (not a
# weekday: "lần họp vào thứ ba").
_ORDINAL_AFTER_NOUN = re.compile(
    rf"(?<!\w)lan(?: (?!vao |ngay |hom |sang |chieu |toi |trua |dem )[a-z]+){{1,4}} thu (\d{{1,2}}|{_ORDINAL_WORDS})(?!\w)"
)


def ordinals_after_a_noun(text: str) -> list[int]:
    """The ordinals said a few words after "lần" ("Lần lấy phiếu tín nhiệm thứ ba" -> 3)."""
    key = " ".join(plain_key(text).split())
    values = (_ordinal_value(m.group(1)) for m in _ORDINAL_AFTER_NOUN.finditer(key))
    return [v for v in values if v is not None]


def ordinal_terms(text: str, key: str | None = None) -> list[str]:
    """Terms for numbered sessions and terms of office: `lần thứ tư`, `lần 4` -> `#lan4`; `khóa XI` -> `#khoa11`."""
    key = plain_key(text) if key is None else key
    if not _ORDINAL_HINT.search(key):
        return []
    return [term for term, _ in _ordinals(" ".join(key.split()))]


def ordinal_spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    """`ordinal_terms` of a text with where each is said in it ("lần thứ ba" -> ("#lan3", span))."""
    key = plain_key(text)
    # (as in ordinal_terms: most texts name no session, and the hint is cheaper than the pattern)
    return _ordinals(key) if _ORDINAL_HINT.search(key) else []


def _ordinals(key: str) -> list[tuple[str, tuple[int, int]]]:
    found = []
    for match in _ORDINAL.finditer(key):
        value = _ordinal_value(match.group(2) or match.group(3))
        if value is not None:
            kind = match.group(1).replace(" ", "")
            found.append((f"{CODE}{'lan' if kind.startswith('hoinghi') else kind}{value}", match.span()))
    return found


def special_terms(text: str) -> list[str]:
    """Directive-code, ordinal and abbreviation terms of `text` (spelling-independent)."""
    text = nfc(text)
    key = plain_key(text)
    return code_terms(text) + ordinal_terms(text, key) + concept_terms(text, key)


# --- segmentation -------------------------------------------------------------------------


def _underthesea_tokenize(text: str) -> list[str]:
    from underthesea import word_tokenize  # imported late: loading its model costs ~0.3 s

    return word_tokenize(text)


_NUMBER = re.compile(r"\d+")


@functools.lru_cache(maxsize=500_000)
def clean_syllable(raw: str) -> str | None:
    """A lowercase, canonical syllable with edge punctuation removed, or None if nothing is left."""
    syllable = raw.strip(".,;:!?()[]{}\"'“”‘’«»…-–—/\\*+=<>|#@%&^~`")
    if not syllable or not _HAS_LETTER_OR_DIGIT.search(syllable):
        return None
    syllable = _WORD.sub(lambda m: canonical_syllable(m.group()), syllable.lower())
    if _NUMBER.fullmatch(syllable):
        syllable = str(int(syllable))  # "05" and "5" are the same number
    return syllable


def segment(text: str) -> list[tuple[str, ...]]:
    """Words of `text` by underthesea, each a tuple of clean syllables (`("hội", "nghị")`)."""
    return [w for phrase in segment_phrases(text) for w in phrase]


def segment_phrases(text: str) -> list[list[tuple[str, ...]]]:
    """The words of `text`, in runs between punctuation ("ngân sách: báo cáo" is two runs)."""
    phrases: list[list[tuple[str, ...]]] = [[]]
    for raw_word in _underthesea_tokenize(canonicalize(text)):
        syllables = tuple(s for s in map(clean_syllable, raw_word.split()) if s)
        if syllables:
            phrases[-1].append(syllables)
        elif phrases[-1]:
            phrases.append([])
    return [p for p in phrases if p]


def syllables(text: str) -> list[str]:
    """Clean syllables of `text` without segmentation (cheap; used for sentence scoring)."""
    return [s for s in map(clean_syllable, nfc(text).split()) if s]


def word_terms(words: Iterable[tuple[str, ...]]) -> Iterator[str]:
    """Accented terms of segmented words: every syllable, plus each compound as one term.

    Syllables make matching independent of how underthesea happened to segment a phrase
    (`Bằng khen` is one word in one sentence and two in another); compounds reward the phrase.
    """
    for word in words:
        yield from word
        if len(word) > 1:
            yield "_".join(word)


def plain(term: str) -> str:
    """The diacritic-free twin of an accented term."""
    return PLAIN + strip_diacritics(term)


def document_terms(text: str) -> list[str]:
    """Index terms of a text: accented terms, their diacritic-free twins, and concept terms."""
    accented = list(word_terms(segment(text)))
    return accented + [plain(t) for t in accented] + special_terms(text)


def accented_share(text: str) -> float:
    """The share of the words of `text` that carry diacritics (about 0.6 in ordinary Vietnamese)."""
    words = [w for w in _WORD.findall(nfc(text)) if not w.isdigit()]
    if not words:
        return 1.0
    return sum(1 for w in words if has_diacritics(w)) / len(words)


def looks_unaccented(text: str) -> bool:
    """True when a question was typed without diacritics (few or none of its syllables have any)."""
    return accented_share(text) < 0.2


def looks_partly_unaccented(text: str) -> bool:
    """True when some words of an accented question seem typed without their accents."""
    return accented_share(text) < 0.45


# --- sentences -----------------------------------------------------------------------------

# Words that end with a period without ending a sentence ("TP. Hồ Chí Minh", "PGS. TS. Lê").
_ABBREVIATIONS = {
    "tp",
    "ts",
    "ths",
    "pgs",
    "gs",
    "bs",
    "th.s",
    "st",
    "mr",
    "mrs",
    "ms",
    "dr",
    "nxb",
    "v.v",
    "p",
    "q",
    "tx",
    "tt",
}
# A run of end marks (matched only from its first mark, possessively: a run of thousands of
# dots costs one pass) before a space and a word, or glued straight to a capitalised word after
# a lowercase letter or digit, as scraped pages do ("nhà bếp.Lực lượng", "năm 2024.Minh Anh").
_SENTENCE_END = re.compile(
    r"(?<![.!?…])[.!?…]++[\"”’»)\]]*+"
    rf"(?:(?=\s+[\"“‘«(\[\-–—]?[\w])|(?<=[{LOWER_LETTERS}\d][.!?…])(?=[{UPPER_LETTERS}][{LOWER_LETTERS}]))"
)
_LAST_WORD = re.compile(r"\S+$")
_LONGEST_ABBREVIATION = 12


def ends_in_abbreviation(text: str) -> bool:
    """Whether the text's last word is an abbreviation with its period ("… Chủ tịch UBND TP.")."""
    last = _LAST_WORD.search(text.rstrip())
    return last is not None and last.group().endswith(".") and last.group()[:-1].lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of a paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = _LAST_WORD.search(text, max(start, match.start() - _LONGEST_ABBREVIATION), match.start())
        last_word = before.group().lower().lstrip('("“‘«[') if before else ""
        if match.group().startswith(".") and (
            last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())
        ):
            continue
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans
