"""Whether an article agrees with what a question states, and whether a sentence is evidence enough.

A press officer forwards the bot's answer with its citation: a wrong sentence shown as an answer
is the worst outcome, "not sure, here are the closest articles" a good one. So a sentence is
vouched for only when the asked-for span is in it, of the asked kind, the article agrees with the
question's years, spans of years, numbered sessions and documents, and the sentence (with its
title) holds enough of what the question asks about, by a logistic model fitted on the dev
split of the blind evaluation set (eval/calibrate.py writes bot/answer_model.json).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.corpus import Article
from bot.question import (
    Constraint,
    Kind,
    dated_phrases_in,
    documents_in,
    numbered_in,
    ordinals_in,
    plain_words,
    spans_of_years_in,
    spellings_of,
    years_in,
)
from bot.text import nfc

# The facts an article holds as sets of values, by the kind of constraint they meet; of them, those a
# sentence states one value of at a time, so that stating another contradicts the asked one (a sentence
# may cite many documents).
_HELD = {
    "year": "years",
    "years": "spans_of_years",
    "ordinal": "ordinals",
    "document": "documents",
    "numbered": "numbered",
}
_COUNTED = frozenset({"year", "years", "ordinal", "numbered"})
# A month and its year, after a day or not, in plain text; not the number of a document coded with its
# year ("Nghị định 11/2014/NĐ-CP").
_MONTH_STATED = re.compile(
    r"(?<![\d/.-])(?:\d{1,2}\s*[/.-]\s*)?(?:thang\s+)?(\d{1,2})\s*(?:[/.-]|\s+nam\s+)\s*((?:19|20)\d\d)(?!\d|\s*[/-]\s*[a-z])"
)


class ArticleFacts:
    """What an article states of the things questions name: years, spans of years, dated phrases, numbered
    sessions, documents, numbered things, places and people.

    Each is read from the article only when a question asks about it (a question names a year far
    more often than a document), then kept.
    """

    def __init__(self, article: Article) -> None:
        self.article = article

    @functools.cached_property
    def _text(self) -> str:
        return nfc(self.article.title + "\n" + self.article.text)

    @functools.cached_property
    def _plain(self) -> str:
        return plain_words(self._text)

    @functools.cached_property
    def years(self) -> frozenset[str]:
        dated = [str(self.article.date.year)] if self.article.date is not None else []
        return frozenset(years_in(self._text) + dated)  # digits read alike in the plain text

    @functools.cached_property
    def spans_of_years(self) -> frozenset[str]:
        return frozenset(spans_of_years_in(self._plain))

    @functools.cached_property
    def ordinals(self) -> frozenset[str]:
        return frozenset(ordinals_in(self._text))

    @functools.cached_property
    def _law_text(self) -> str:
        # A title's comma, and the stop, bracket or quote after it, are no part of its words.
        return " ".join(re.sub(r"[.,;:!?()\[\]\"'“”‘’«»]", " ", self._plain).split())

    @functools.cached_property
    def documents(self) -> frozenset[str]:
        return frozenset(documents_in(self._text))

    @functools.cached_property
    def numbered(self) -> frozenset[str]:
        return frozenset(numbered_in(self._plain, as_asked=False))

    @functools.cached_property
    def dated_phrases(self) -> frozenset[str]:
        return frozenset(dated_phrases_in(self._plain))

    @functools.cached_property
    def months(self) -> frozenset[tuple[int, int]]:
        """The months the text states ("tháng 11/2017", "12/11/2017", "tháng 6 năm 2017"), as (year, month)."""
        return frozenset((int(y), int(m)) for m, y in _MONTH_STATED.findall(self._plain) if 1 <= int(m) <= 12)

    def states_period(self, value: str) -> bool:
        """Whether the text states a month of a "period" constraint's ("2017-11-01/2017-11-30")."""
        first, last = (dt.date.fromisoformat(d) for d in value.split("/"))
        return any(first.replace(day=1) <= dt.date(y, m, 1) <= last for y, m in self.months)

    def disagrees(self, constraints: tuple[Constraint, ...], today: dt.date) -> tuple[Constraint, ...]:
        """The constraints this article does not state (or, for "hôm nay" or "tháng 5/2025", was not published for)."""
        return tuple(c for c in constraints if not self._agrees(c, today))

    def _agrees(self, constraint: Constraint, today: dt.date) -> bool:
        if constraint.kind == "recent":
            return self._recent(constraint.value, today)
        if constraint.kind == "period":
            first, last = (dt.date.fromisoformat(d) for d in constraint.value.split("/"))
            return self.article.date is not None and first <= self.article.date <= last
        if constraint.kind == "dated":
            # Met unless the article dates the same phrase by other years only.
            phrase, year = constraint.value.rsplit(" ", 1)
            years = {p.rsplit(" ", 1)[1] for p in self.dated_phrases if p.rsplit(" ", 1)[0] == phrase}
            return not years or year in years
        if constraint.kind == "law":
            # "Luật Thi hành án dân sự" is not met by "Luật Thi hành án hình sự"; "Luật Giáo dục" is by
            # "Luật Giáo dục đại học" (an article may name a law by a longer title's first words).
            return f" {constraint.value} " in f" {self._law_text} "
        if constraint.kind in ("place", "person"):
            # Only the asked place's spellings (or the district's or person's name) are looked for.
            return spellings_of(constraint.value).search(self._plain) is not None
        return constraint.value in getattr(self, _HELD[constraint.kind])

    def contradicts(self, constraints: tuple[Constraint, ...]) -> tuple[Constraint, ...]:
        """The constraints this text states otherwise: another year, session or numbered thing of the kind
        asked ("khóa XIII" for "khóa 12") and not the asked one."""
        contrary = []
        for constraint in constraints:
            if constraint.kind not in _COUNTED:
                continue
            values = getattr(self, _HELD[constraint.kind])
            if constraint.kind == "numbered":  # "bão 4" against "bão 3", not against "tuyến 2"
                noun = constraint.value.rsplit(" ", 1)[0]
                values = {v for v in values if v.rsplit(" ", 1)[0] == noun}
            if values and constraint.value not in values:
                contrary.append(constraint)
        return tuple(contrary)

    def _recent(self, span: str, today: dt.date) -> bool:
        """Whether the article was published within the span of time ("day", "week"...) up to today."""
        date = self.article.date
        if date is None:
            return False
        if span == "year":
            return date.year == today.year
        if span == "month":
            return (date.year, date.month) == (today.year, today.month)
        return 0 <= (today - date).days <= (1 if span == "day" else 7)


@dataclass(frozen=True)
class Evidence:
    """What supports the best sentence as the answer."""

    agreement: float  # other articles whose best sentence gives the same name or number (0, 0.5, 1)
    kind: Kind
    span: bool  # the asked-for span is in the sentence, of the asked kind
    disagreements: tuple[Constraint, ...]  # what the question states and the article does not
    sentence_share: float  # of the question's idf mass, in the sentence or the title
    own_share: float  # of the mass the title lacks, in the sentence
    article_share: float  # of the question's idf mass, anywhere in the article
    missing_rare: float  # the idf of the rarest question word the article lacks, over the highest idf
    compound_share: float  # of the question's runs of syllables the corpus knows, in the article
    near_share: float  # of the words next to the question words ("chủ trì" in "Ai chủ trì")
    caption: bool  # the sentence is a photo caption, a subheading or a link to another article
    long_sentence: bool
    spans: int  # spans of the asked kind in the sentence
    near_span: float  # 1 when a word of the question sits within a few words of the span
    prior: float  # its passage's score over the best passage's
    phrase_share: float  # of the question's runs of syllables, in the sentence
    sentence_margin: float  # its score above the next best sentence's
    article_ratio: float  # the next article's best passage score over this one's
    top_article: bool  # the article of the best passage
    unaccented: bool
    sentence_states: float = 1.0  # of what the question states (years, places, people…), in the sentence or title
    span_leads: bool = False  # the asked-for span opens the sentence ("Ngày 21/12, Cơ quan An ninh điều tra …")

    def features(self) -> dict[str, float]:
        """The numbers the confidence model weighs (kinds one-hot; unbounded values capped)."""
        return {
            **{f"kind_{kind.value}": float(self.kind is kind) for kind in Kind},
            "span": float(self.span),
            "agreement": self.agreement,
            "sentence_share": self.sentence_share,
            "own_share": self.own_share,
            "article_share": self.article_share,
            "missing_rare": self.missing_rare,
            "compound_share": self.compound_share,
            "near_share": self.near_share,
            "spans": min(self.spans, 3) / 3,
            "near_span": self.near_span,
            "prior": self.prior,
            "phrase_share": self.phrase_share,
            "sentence_margin": min(self.sentence_margin, 1.5),
            "article_ratio": min(self.article_ratio, 1.5),
            "top_article": float(self.top_article),
            "sentence_states": self.sentence_states,
        }


# Kinds whose answer is a span the bot can recognise (a name, a number, a date, a place).
TYPED_KINDS = frozenset({Kind.WHO, Kind.HOW_MANY, Kind.WHEN, Kind.WHERE})
MODEL_FILE = Path(__file__).with_name("answer_model.json")


@dataclass(frozen=True)
class SentenceModel:
    """Weights of a sentence's features in choosing the answering one (fitted by eval/calibrate.py).

    Cheap features (word matches, the passage's score, caption) are known for every sentence;
    the others (the asked-for span, the question's words beside it) are each between 0 and 1, so
    `most_added` bounds what they can add and the search can stop early.
    """

    weights: dict[str, float]
    bias: float = 0.0
    cheap: tuple[str, ...] = ("lexical", "prior", "caption", "own_share", "phrase_share", "lead", "near_share", "long")

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> SentenceModel:
        data = json.loads(path.read_text(encoding="utf-8"))["sentence"]
        return cls(dict(zip(data["features"], data["weights"], strict=True)), data["bias"])

    def partial(self, cheap: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * value for name, value in cheap.items())

    @functools.cached_property
    def most_added(self) -> float:
        """The most the costly features can add (a span is strong or weak, never both)."""
        span = max(0.0, self.weights.get("strong", 0.0), self.weights.get("weak", 0.0))
        others = (w for name, w in self.weights.items() if name not in (*self.cheap, "strong", "weak"))
        return span + sum(max(0.0, w) for w in others)

    def score(self, features: dict[str, float]) -> float:
        return self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())


@functools.cache
def default_sentence_model() -> SentenceModel:
    """The sentence model shipped in bot/answer_model.json."""
    return SentenceModel.load()


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model of "this sentence answers", fitted on the dev split by eval/calibrate.py."""

    weights: dict[str, float]
    bias: float
    threshold: float
    # Lower thresholds for kinds whose answers between it and `threshold` were all right on dev.
    kind_thresholds: dict[str, float] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> ConfidenceModel:
        data = json.loads(path.read_text(encoding="utf-8"))["confidence"]
        weights = dict(zip(data["features"], data["weights"], strict=True))
        return cls(weights, data["bias"], data["threshold"], data.get("kind_thresholds", {}))

    def probability(self, evidence: Evidence) -> float:
        """How likely the sentence answers, given its evidence."""
        features = evidence.features()
        z = self.bias + sum(w * features[name] for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-z))

    def is_sure(self, evidence: Evidence) -> bool:
        """Whether to show the sentence as the answer.

        Never without the asked-for span (for questions that ask for one), against the question's
        years, sessions or documents, or from a photo caption; otherwise when the model is sure enough.
        """
        if evidence.kind in TYPED_KINDS and not evidence.span:
            return False
        if evidence.disagreements or evidence.caption or evidence.long_sentence:
            return False
        return self.probability(evidence) >= self.kind_thresholds.get(
            threshold_key(evidence), self.threshold_for(evidence.kind)
        )

    def threshold_for(self, kind: Kind) -> float:
        """The probability from which a sentence answering a question of this kind is shown."""
        return self.kind_thresholds.get(kind.value, self.threshold)


def threshold_key(evidence: Evidence) -> str:
    """The key of the threshold an answer is held to: its kind's, or for a date that opens its sentence,
    "when_leading". A news sentence's opening date is the date of what the sentence reports ("Ngày 21/12,
    Cơ quan An ninh điều tra ra quyết định truy nã …"); a date within it may be a side event's."""
    return "when_leading" if evidence.kind is Kind.WHEN and evidence.span_leads else evidence.kind.value


@functools.cache
def default_model() -> ConfidenceModel:
    """The confidence model shipped in bot/answer_model.json."""
    return ConfidenceModel.load()
