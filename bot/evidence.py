"""Whether an article agrees with what a question states, and whether a sentence is evidence enough.

A press officer forwards the bot's answer with its citation: a wrong sentence shown as an answer
is the worst outcome, "not sure, here are the closest articles" a good one. So a sentence is
vouched for only when the asked-for span is in it, of the asked kind, the article agrees with the
question's years, spans of years, numbered sessions and documents, and the sentence (with its
title) holds enough of what the question asks about. The thresholds are measured on the dev
split of the blind evaluation set (eval/blind.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.corpus import Article
from bot.question import YEAR, YEARS_SPAN, Constraint, Kind
from bot.text import code_terms, nfc, ordinal_terms, strip_diacritics


@dataclass(frozen=True)
class ArticleFacts:
    """The years, spans of years, numbered sessions and documents an article states."""

    years: frozenset[str]
    spans_of_years: frozenset[str]
    ordinals: frozenset[str]
    documents: frozenset[str]

    @classmethod
    def of(cls, article: Article) -> ArticleFacts:
        text = nfc(article.title + "\n" + article.text)
        plain_text = " ".join(strip_diacritics(text).lower().split())
        years = {m.group(1) for m in YEAR.finditer(plain_text)}
        if article.date is not None:
            years.add(str(article.date.year))
        return cls(
            years=frozenset(years),
            spans_of_years=frozenset(str(int(m.group(1))) for m in YEARS_SPAN.finditer(plain_text)),
            ordinals=frozenset("".join(c for c in term if c.isdigit()) for term in ordinal_terms(text)),
            documents=frozenset(term.split(":")[0] for term in code_terms(text)),
        )

    def disagrees(self, constraints: tuple[Constraint, ...]) -> tuple[Constraint, ...]:
        """The constraints this article does not state."""
        held = {
            "year": self.years,
            "years": self.spans_of_years,
            "ordinal": self.ordinals,
            "document": self.documents,
        }
        return tuple(c for c in constraints if c.value not in held[c.kind])


@dataclass(frozen=True)
class Evidence:
    """What supports the best sentence as the answer."""

    kind: Kind
    span: bool  # the asked-for span is in the sentence, of the asked kind
    disagreements: tuple[Constraint, ...]  # what the question states and the article does not
    sentence_share: float  # of the question's idf mass, in the sentence or the title
    own_share: float  # of the mass the title lacks, in the sentence
    article_share: float  # of the question's idf mass, anywhere in the article
    near_share: float  # of the words next to the question words ("chủ trì" in "Ai chủ trì")
    caption: bool  # the sentence is a photo caption, a subheading or a link to another article
    long_sentence: bool
    spans: int  # spans of the asked kind in the sentence
    sentence_margin: float  # its score above the next best sentence's
    article_ratio: float  # the next article's best passage score over this one's
    top_article: bool  # the article of the best passage
    unaccented: bool


@dataclass(frozen=True)
class Thresholds:
    """How much evidence makes an answer (measured on the dev split of the blind set)."""

    min_sentence_share: float = 0.5
    min_article_share: float = 0.75
    min_near_share: float = 0.5


DEFAULT_THRESHOLDS = Thresholds()


def is_sure(evidence: Evidence, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> bool:
    """Whether the evidence is enough to show the sentence as the answer."""
    return (
        evidence.span
        and not evidence.disagreements
        and not evidence.caption
        and not evidence.long_sentence
        and evidence.sentence_share >= thresholds.min_sentence_share
        and evidence.article_share >= thresholds.min_article_share
        and evidence.near_share >= thresholds.min_near_share
    )
