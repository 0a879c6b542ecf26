"""The terms a question is searched with: its words, their compounds, abbreviations and codes.

Query expansion (diacritic-free forms, compounds the corpus knows, abbreviations as concepts)
lives here, on the question side; the index only scores the term ids it is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.question import PLAIN_STOP_WORDS, STOP_WORDS, Question, analyse
from bot.text import (
    abbreviations_in,
    has_diacritics,
    looks_partly_unaccented,
    plain,
    segment_phrases,
    special_terms,
    strip_diacritics,
)

# Longest run of syllables a question's compound terms are looked up for.
MAX_COMPOUND = 4

_PLAIN_STOP_COMPOUNDS = frozenset(strip_diacritics(w) for w in STOP_WORDS if "_" in w)


@dataclass(frozen=True)
class QueryTerms:
    """The index terms a question is searched with (repeats count), and their ids."""

    terms: tuple[str, ...]
    ids: tuple[int, ...]


def query_terms(question: Question | str, vocabulary: Mapping[str, int]) -> QueryTerms:
    """The terms to search a question with.

    Stop words (question words, function words) are dropped. Compounds are every run of 2 to
    4 syllables the corpus knows as a word, so a question matches whatever underthesea did
    with it. A question typed without diacritics is searched on the diacritic-free twins.
    """
    if isinstance(question, str):
        question = analyse(question)
    phrases = segment_phrases(question.topic or question.text)
    syllables = [s for words in phrases for w in words for s in w]
    unaccented = question.unaccented
    terms: list[str] = []

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
        if form(compound) in vocabulary:
            terms.append(form(compound))
    # An abbreviation is searched by its concept term alone ("UBND" -> "@ubnd"), which also
    # finds the articles that spell it out.
    abbreviations = abbreviations_in(question.topic or question.text)
    mixed = looks_partly_unaccented(question.text)
    for syllable in syllables:
        if (syllable in PLAIN_STOP_WORDS) if unaccented else (syllable in STOP_WORDS):
            continue
        if strip_diacritics(syllable) in abbreviations:
            continue
        term = form(syllable)
        if mixed and term not in vocabulary and not has_diacritics(syllable):
            term = plain(syllable)  # a word typed without its accents in a half-accented question
        terms.append(term)
    terms.extend(special_terms(question.topic or question.text))
    return QueryTerms(tuple(terms), tuple(vocabulary[t] for t in terms if t in vocabulary))
