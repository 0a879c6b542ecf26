"""The terms a question is searched with: its words, their compounds, abbreviations and codes.

Query expansion (diacritic-free forms, compounds the corpus knows, abbreviations as concepts)
lives here, on the question side; the index only scores the term ids it is given.
"""

from __future__ import annotations

import functools
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.question import PLAIN_STOP_WORDS, STOP_WORDS, Question, analyse
from bot.text import (
    PLAIN,
    abbreviations_in,
    dictionary_words,
    has_diacritics,
    looks_partly_unaccented,
    looks_unaccented,
    plain,
    segment_phrases,
    special_terms,
    strip_diacritics,
    syllables,
)

# Longest run of syllables a question's compound terms are looked up for.
MAX_COMPOUND = 4

_PLAIN_STOP_COMPOUNDS = frozenset(strip_diacritics(w) for w in STOP_WORDS if "_" in w)


# A word read as a typo of a known one counts this much of an exact match; one typed with another
# tone mark (or none, in an accented question) this much.
TYPO_WEIGHT = 0.5
RETONED_WEIGHT = 0.75
# A run of syllables typed without diacritics may join two words by accident ("nghich ly | dat"
# reads as a rare "ly dat"): it counts this much in the search (measured on the blind dev split:
# 0.5 beat 1.0 and 0.3).
UNACCENTED_RUN_WEIGHT = 0.5
# The words of the question a follow-up continues ("thế còn ... thì sao?") count this much.
CONTEXT_WEIGHT = 0.5
# A correction must be a word this many passages hold.
MIN_CORRECTION_PASSAGES = 50

# The ceiling on the work one question causes. A question is at most 500 characters, yet what it
# costs grows with its terms: each adds its postings to the search (a common word's are a quarter of
# the passages), a needle to every sentence read, and an unknown syllable a typo lookup. 500
# characters of "bộ bộ bộ…" added up 6.6 million postings, 44 times the passages. The rarest terms
# are kept (a common word says least about which passage answers). Of the 1,221 questions of
# eval/*.jsonl, the longest has 42 distinct terms, none repeats a term more than 3 times or looks up
# more than 3 syllables, and the one touching most postings adds 5.1 times the passages: the bounds
# leave such questions as they were.
MAX_QUERY_TERMS = 64  # distinct terms
MAX_TERM_REPEATS = 4  # BM25Okapi counts every repeat: a word typed 100 times would be added 100 times
MAX_CORRECTIONS = 6  # syllables looked up as typos
# Postings a question may add up, per passage of the corpus, but at least MIN_MAX_POSTINGS (about
# 10 ms): in a small corpus a title's words are in every passage of the article.
MAX_POSTINGS_PER_PASSAGE = 10.0
MIN_MAX_POSTINGS = 1_000_000


@dataclass(frozen=True)
class QueryTerms:
    """The index terms a question is searched with (repeats count), their ids, how much each id
    counts in the search (1 for a word as typed, TYPO_WEIGHT for a typo's likely word), and how
    much in what a passage or sentence must hold (`weights`: the same, but a diacritic-free run of
    syllables, down-weighted in the search only, counts in full)."""

    terms: tuple[str, ...]
    ids: tuple[int, ...]
    factors: tuple[float, ...] = ()
    weights: tuple[float, ...] = ()
    context: frozenset[str] = frozenset()  # terms only the question a follow-up continues has


class Speller:
    """Known syllables one edit away from an unknown one ("tich" -> "tịch", "bieu" -> "biểu").

    Built from the index's diacritic-free single syllables on first use: each with its one-letter
    deletions, so a lookup touches only the handful of words that share one.
    """

    def __init__(self, vocabulary: Mapping[str, int], frequency: Callable[[str], float], passages: int) -> None:
        self._vocabulary = vocabulary
        self.frequency = frequency  # how many passages hold a term
        self.passages = passages  # in the corpus (what the postings a question may add are counted in)
        self._deletions: dict[str, list[str]] | None = None
        self._lock = threading.Lock()

    def _index(self) -> dict[str, list[str]]:
        with self._lock:
            if self._deletions is None:
                deletions: dict[str, list[str]] = {}
                for term in self._vocabulary:
                    word = term[1:]
                    if term[0] == PLAIN and word.isalpha() and word.isascii() and 2 <= len(word) <= 12:
                        for key in _with_one_letter_less(word):
                            deletions.setdefault(key, []).append(word)
                self._deletions = deletions
            return self._deletions

    def correct(self, word: str) -> str | None:
        """The most frequent known diacritic-free syllable within one edit of `word`, if any.

        Only common words are offered: in a small corpus most words are unknown without being typos.
        """
        if not (word.isalpha() and word.isascii() and 3 <= len(word) <= 12):
            return None
        index = self._index()
        candidates = {
            c for key in _with_one_letter_less(word) for c in index.get(key, ()) if c != word and _one_edit(word, c)
        }
        common = [c for c in sorted(candidates) if self.frequency(PLAIN + c) >= MIN_CORRECTION_PASSAGES]
        return max(common, key=lambda c: self.frequency(PLAIN + c), default=None)


@functools.cache
def _dictionary_syllables() -> tuple[frozenset[str], frozenset[str]]:
    """The syllables of underthesea's Vietnamese word list (Viet74K), accented and diacritic-free.

    Empty when the list cannot be read (then no word is taken for a typo).
    """
    accented = frozenset(s for word in dictionary_words() for s in word.split() if s.isalpha())
    return accented, frozenset(strip_diacritics(s) for s in accented)


def is_vietnamese_syllable(syllable: str, typed_plain: bool = False) -> bool:
    """Whether a syllable is a real Vietnamese one: as typed in an accented question ("tịch" is,
    "tich" is not), or once given some tone marks in a question typed without any."""
    accented, plain_forms = _dictionary_syllables()
    if not accented:
        return True
    return syllable in plain_forms if typed_plain else syllable in accented


def _bare(syllable: str, unaccented: bool) -> bool:
    """Whether, in a question typed with diacritics, a syllable typed without them is no word as typed
    but a word's letters ("Chủ tich UBND"): read by its diacritic-free twin, not as the stray "tich"
    some scraped text spells."""
    return (
        not unaccented
        and not has_diacritics(syllable)
        and not is_vietnamese_syllable(syllable)
        and is_vietnamese_syllable(syllable, typed_plain=True)
    )


def _with_one_letter_less(word: str) -> set[str]:
    """The word and every form of it missing one letter (two words one edit apart share one)."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _one_edit(a: str, b: str) -> bool:
    """One letter inserted, deleted, replaced, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]])
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def query_terms(question: Question | str, vocabulary: Mapping[str, int], speller: Speller | None = None) -> QueryTerms:
    """The terms to search a question with.

    Stop words (question words, function words) are dropped. Compounds are every run of 2 to
    4 syllables the corpus knows as a word, so a question matches whatever underthesea did
    with it. A question typed without diacritics is searched on the diacritic-free twins. The
    other readings of an ambiguous abbreviation ("TT": thủ tướng, thông tư) are searched too.
    The work is bounded (MAX_QUERY_TERMS, MAX_TERM_REPEATS, MAX_CORRECTIONS and, given a speller,
    which knows how many passages hold each term, MAX_POSTINGS_PER_PASSAGE): the rarest terms are kept.
    """
    if isinstance(question, str):
        question = analyse(question)
    weighted: list[tuple[str, float]] = []
    runs: set[str] = set()
    own: set[str] = set()
    # (the question a follow-up continues is read as it was typed, with or without diacritics)
    mixed = looks_partly_unaccented(question.text)
    sources = [
        (question.topic or question.text, 1.0, question.unaccented, mixed),
        (question.other_readings, 1.0, question.unaccented, mixed),
        (
            question.context,
            CONTEXT_WEIGHT,
            looks_unaccented(question.context),
            looks_partly_unaccented(question.context),
        ),
    ]
    lookups = 0
    frequency = speller.frequency if speller is not None else None

    def correct(word: str) -> str | None:
        nonlocal lookups
        if speller is None or lookups >= MAX_CORRECTIONS:
            return None
        lookups += 1
        return speller.correct(word)

    for text, weight, unaccented, partly in sources:
        if text:
            terms, typos, text_runs = _terms_of(text, unaccented, partly, vocabulary, correct, frequency)
            weighted += [(t, weight * typos.get(t, 1.0)) for t in terms]
            runs |= text_runs
            if weight == 1.0:
                own.update(terms)
    if speller is None:
        weighted = _bounded(weighted, lambda _: 0.0, math.inf)
    else:
        max_postings = max(MIN_MAX_POSTINGS, MAX_POSTINGS_PER_PASSAGE * speller.passages)
        weighted = _bounded(weighted, speller.frequency, max_postings)
    known = [(t, w) for t, w in weighted if t in vocabulary]
    return QueryTerms(
        tuple(t for t, _ in weighted),
        tuple(vocabulary[t] for t, _ in known),
        tuple(w * (UNACCENTED_RUN_WEIGHT if t in runs else 1.0) for t, w in known),
        tuple(w for _, w in known),
        frozenset(t for t, _ in weighted if t not in own),
    )


def reading_terms(question: Question) -> tuple[tuple[frozenset[str], ...], ...]:
    """For each ambiguous abbreviation of a question, the terms each of its readings alone brings to the
    search ("TT": "thủ", "tướng", "thủ_tướng", "@ttg" for thủ tướng): those the rest of the question has
    are its terms whatever the abbreviation means."""
    if not question.readings:
        return ()
    rest = question.topic or question.text
    for meanings in question.readings:
        rest = re.sub(re.escape(meanings[0]), " ", rest, count=1, flags=re.IGNORECASE)
    rest_syllables = set(syllables(rest.lower()))
    rest_specials = set(special_terms(rest))

    def terms_of(reading: str) -> frozenset[str]:
        words = syllables(reading.lower())
        runs = {
            "_".join(words[i:j])
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
            if not rest_syllables.issuperset(words[i:j])
        }
        return frozenset(
            {plain(r) if question.unaccented else r for r in runs} | set(special_terms(reading)) - rest_specials
        )

    return tuple(tuple(terms_of(reading) for reading in meanings) for meanings in question.readings)


def _bounded(
    weighted: list[tuple[str, float]], frequency: Callable[[str], float], max_postings: float
) -> list[tuple[str, float]]:
    """The terms, in the question's order, each at most MAX_TERM_REPEATS times: the rarest first (the
    first ones among equally rare), while they are at most MAX_QUERY_TERMS and their postings (each
    repeat adds them again) add up to at most `max_postings`."""
    times = Counter(t for t, _ in weighted)
    kept: set[str] = set()
    postings = 0.0
    for term in sorted(times, key=frequency):  # stable: ties keep the question's order
        postings += frequency(term) * min(times[term], MAX_TERM_REPEATS)
        if len(kept) == MAX_QUERY_TERMS or postings > max_postings:
            break
        kept.add(term)
    added: Counter[str] = Counter()
    bounded = []
    for term, weight in weighted:
        if term in kept and added[term] < MAX_TERM_REPEATS:
            added[term] += 1
            bounded.append((term, weight))
    return bounded


# A syllable no Vietnamese word has that the corpus writes at most this share as often as its diacritic-free
# twin is a typo the corpus happens to share ("phê duyêt" in one article): it is read as the twin.
MAX_TYPO_SHARE = 0.1


def _terms_of(
    text: str,
    unaccented: bool,
    mixed: bool,
    vocabulary: Mapping[str, int],
    correct: Callable[[str], str | None],
    frequency: Callable[[str], float] | None = None,
) -> tuple[list[str], dict[str, float], set[str]]:
    """The terms of a text (typed without diacritics, or `mixed`: partly), how much those standing for a
    word typed wrong count, and its diacritic-free runs of syllables (which may join two words by accident).
    `frequency` (how many passages hold a term) tells a typo the corpus shares from a rare word."""
    phrases = segment_phrases(text)
    syllables = [s for words in phrases for w in words for s in w]

    def mostly_spelt_otherwise(syllable: str) -> bool:
        """The corpus writes these letters with other marks far more often than as typed."""
        return (
            frequency is not None
            and syllable in vocabulary
            and plain(syllable) in vocabulary
            and frequency(syllable) <= MAX_TYPO_SHARE * frequency(plain(syllable))
        )

    misspelt = {
        s
        for s in syllables
        if not unaccented and has_diacritics(s) and not is_vietnamese_syllable(s) and mostly_spelt_otherwise(s)
    }
    bare = {s for s in syllables if _bare(s, unaccented)}
    # A real word typed without its tone mark that the corpus mostly writes with one ("bắt tam giam" for "tạm
    # giam"): searched as typed and by its diacritic-free twin.
    untoned = {
        s
        for s in syllables
        if not unaccented and not mixed and not has_diacritics(s) and s not in bare and mostly_spelt_otherwise(s)
    }
    read_plain = misspelt | bare  # their compounds are searched by their diacritic-free twins
    terms: list[str] = []
    typos: set[str] = set()  # one letter off a known word
    retoned: set[str] = set()  # a known word's letters with another tone mark
    plain_runs: set[str] = set()  # compounds of a question typed without diacritics

    def form(term: str) -> str:
        return plain(term) if unaccented else term

    # Runs never cross punctuation: "ngân sách: báo cáo" has no "sách báo".
    runs = set()
    position = 0
    for words in phrases:
        length = sum(len(w) for w in words)
        runs |= {(position + i, n) for i in range(length) for n in range(2, MAX_COMPOUND + 1) if i + n <= length}
        for word in words:  # underthesea's own compounds, even longer ones
            if len(word) > 1:
                runs.add((position, len(word)))
            position += len(word)
    for i, n in sorted(runs):
        compound = "_".join(syllables[i : i + n])
        if compound in STOP_WORDS or strip_diacritics(compound) in _PLAIN_STOP_COMPOUNDS:
            continue
        if read_plain.intersection(syllables[i : i + n]):
            if plain(compound) in vocabulary:
                terms.append(plain(compound))
                retoned.add(plain(compound))
        elif form(compound) in vocabulary:
            terms.append(form(compound))
            if unaccented:
                plain_runs.add(form(compound))
    # An abbreviation is searched by its concept term alone ("UBND" -> "@ubnd"), which also
    # finds the articles that spell it out.
    abbreviations = abbreviations_in(text)
    for syllable in syllables:
        if (syllable in PLAIN_STOP_WORDS) if unaccented else (syllable in STOP_WORDS):
            continue
        if strip_diacritics(syllable) in abbreviations:
            continue
        term = form(syllable)
        if syllable in misspelt:
            term = plain(syllable)
            retoned.add(term)
        elif syllable in untoned:
            terms.append(plain(syllable))
            retoned.add(plain(syllable))
        elif (term in vocabulary and syllable not in bare) or is_vietnamese_syllable(syllable, unaccented):
            pass  # known to the corpus, or a real word the corpus happens not to have ("giá")
        elif plain(syllable) in vocabulary:
            # A word typed without its accents, or with another tone mark ("thủ tuớng", "nghi"):
            # its diacritic-free twin matches every spelling.
            term = plain(syllable)
            if not (mixed and not has_diacritics(syllable)):
                retoned.add(term)
        elif (corrected := correct(strip_diacritics(syllable))) is not None:
            term = PLAIN + corrected
            typos.add(term)
        terms.append(term)
    terms.extend(special_terms(text))
    return terms, {t: TYPO_WEIGHT for t in typos} | {t: RETONED_WEIGHT for t in retoned}, plain_runs
