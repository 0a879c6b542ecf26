"""Pick the sentence that answers a question, and how sure the bot is of it.

Scoring (which passages) lives in `bot.index`; this module decides which sentence of those
passages answers and whether it is an answer, a guess, or nothing. It builds no HTML: the
reply is `bot.reply`'s.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
import re
import threading
import zoneinfo
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from bot.claims import Verdict, check_claim
from bot.corpus import Article
from bot.documents import (
    Fact,
    dates_an_issue,
    reference_in,
    registry_answer,
    several_bear,
    signer_in,
    speaks_of_taking_effect,
)
from bot.evidence import (
    TYPED_KINDS,
    ArticleFacts,
    ConfidenceModel,
    Evidence,
    SentenceModel,
    default_model,
    default_sentence_model,
)
from bot.index import Hit, Index
from bot.query import Speller, query_terms, reading_terms
from bot.question import DATE_KINDS, Constraint, Kind, Question, analyse, chat_written_out, follow_up
from bot.spans import answer_spans, whole_list
from bot.text import (
    CODE,
    CONCEPT,
    PLAIN,
    clause_of,
    clean_syllable,
    code_terms,
    concept_terms,
    nfc,
    ordinal_terms,
    plain,
    plain_key,
    split_sentences,
    strip_diacritics,
)

K = TypeVar("K")
V = TypeVar("V")
VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
MAX_QUESTION_CHARS = 500
MAX_ANSWER_CHARS = 300  # a longer sentence is cut into its clauses; one still longer is no sure answer
# Passages returned with an answer by default, and articles offered in all.
CANDIDATE_PASSAGES = 12
MAX_FINDINGS = 9


def vietnam_today() -> dt.date:
    """Today's date in Vietnam, whatever the server's time zone."""
    return dt.datetime.now(VIETNAM).date()


class Status(enum.Enum):
    ANSWER = "answer"  # a sentence that answers, with the evidence to be sure of it
    UNSURE = "unsure"  # relevant articles, but no sentence the bot can vouch for
    EMPTY = "empty"  # nothing but spaces or punctuation
    TOO_LONG = "too_long"
    NO_TERMS = "no_terms"  # only question words, nothing to search for
    NOT_FOUND = "not_found"  # nothing in the corpus is relevant enough


@dataclass(frozen=True)
class Finding:
    """One article's answer to a question: its best sentence, and the passage holding it."""

    article: Article
    sentence: str
    highlight: tuple[int, int] | None  # the span of `sentence` that answers (a name, a number...)
    hit: Hit
    score: float
    strong: bool = False  # the highlight is what the question asks for, not merely of its kind
    spans: int = 0  # how many spans of the asked kind the sentence holds (several names: which one?)
    margin: float = 0.0  # how far its score is above the next best sentence's
    features: dict[str, float] = dataclasses.field(default_factory=dict)  # the sentence model's inputs


@dataclass(frozen=True)
class Answer:
    """What the bot found for a question: findings best first (one per article), and the hits."""

    question: str
    status: Status
    findings: tuple[Finding, ...] = ()
    hits: tuple[Hit, ...] = ()
    kind: Kind | None = None
    evidence: Evidence | None = None  # for the best finding, when there is one
    search: bool = False  # the question asked nothing ("chỉ thị 15"): the articles are the reply
    verdict: Verdict | None = None  # for a yes/no question: what the best sentence says of its claim

    @property
    def found(self) -> bool:
        """True only for a sure answer."""
        return self.status is Status.ANSWER

    @property
    def best(self) -> Finding | None:
        return self.findings[0] if self.findings else None


@dataclass(frozen=True)
class Tuning:
    """Weights of the sentence choice and the no-answer threshold (measured with eval/)."""

    title_term_weight: float = 0.15  # terms the title already has say little about which sentence
    near_boost: float = 1.0
    # Nothing is relevant unless one of the best articles (relevance_articles) holds in its passages
    # this share of the question's idf mass, and this much of it in units of a rarest term's idf
    # (about "1.4 rare words").
    min_coverage: float = 0.5
    min_matched: float = 1.45
    # … or, when the article holds nearly all of the question's words, as much counting the words of
    # several syllables it holds too ("Chủ tịch nước Trần Đại Quang từ trần ngày nào?": every word is
    # common, but "từ trần" and "Trần Đại Quang" are there).
    full_coverage: float = 0.9
    min_matched_unaccented: float = 1.1
    min_passages_for_matched: int = 2000
    coverage_passages: int = 3  # how many of the best article's passages count for that
    # How many of the best articles may each be the one that covers it: more turns out-of-scope questions
    # of the first set from "không tìm thấy" into unsure lists (its gate needs 80% not found).
    relevance_articles: int = 1
    search_depth: int = 40  # passages ranked to choose the candidate articles from
    articles_in_depth: int = 3  # articles whose several passages are read for the answer
    passages_per_article: int = 6
    whole_article_passages: int = 40  # the best article is read whole when it has at most this many
    # A lower article whose sentence holds what is asked (the name, the number) is put first when
    # the best one has none and its passage scores at least this share of the best.
    promote_ratio: float = 0.9
    # A sentence holding no span of the asked kind (no number for "bao nhiêu") cannot be a sure answer:
    # the article's best sentence that holds one is chosen instead when it scores at most this much less.
    span_margin: float = 1.0
    neighbours: int = 1  # passages either side of an article's two best also read
    # A question bounded in time ("tháng 5/2025", "hôm nay") searches this deep for articles of that time.
    dated_search_depth: int = 400
    # "mới nhất": articles whose best passage scores at least this share of the best are put newest first.
    newest_ratio: float = 0.5


DEFAULT_TUNING = Tuning()


# --- sentence choice ------------------------------------------------------------------------


class _Text:
    """A sentence (or title) prepared for matching index terms without segmenting it again."""

    __slots__ = ("_codes", "_concepts", "_key", "_plain", "_plain_words", "accented", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        # Each word as a clean syllable (None for punctuation), where the sentence's word positions count.
        self.words = [clean_syllable(word) for word in nfc(text).split()]
        # Padded with spaces so that " hội nghị " matches whole syllables only.
        self.accented = " " + " ".join(word for word in self.words if word) + " "
        self._plain: str | None = None
        self._plain_words: list[str | None] | None = None
        self._key: str | None = None
        self._codes: frozenset[str] | None = None
        self._concepts: frozenset[str] | None = None

    @property
    def plain(self) -> str:
        """The syllables without diacritics (needed only for questions typed without them)."""
        if self._plain is None:
            self._plain = strip_diacritics(self.accented)
        return self._plain

    @property
    def plain_words(self) -> list[str | None]:
        if self._plain_words is None:
            # One call for the whole sentence (a word never holds the separator, nor loses it when stripped).
            stripped = strip_diacritics("\x01".join(word or "" for word in self.words)).split("\x01")
            self._plain_words = [word or None for word in stripped]
        return self._plain_words

    # Document codes and concepts are read only for questions that have them (most have concepts only).
    @property
    def codes(self) -> frozenset[str]:
        if self._codes is None:
            self._codes = frozenset(code_terms(self.text) + ordinal_terms(self.text, self.key))
        return self._codes

    @property
    def concepts(self) -> frozenset[str]:
        if self._concepts is None:
            self._concepts = frozenset(concept_terms(self.text, self.key))
        return self._concepts

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = plain_key(nfc(self.text))
        return self._key


@dataclass(frozen=True)
class _Needle:
    """How to look for one index term in a prepared text."""

    field: str  # "accented", "plain", "codes" or "concepts"
    needle: str

    @staticmethod
    def of(term: str) -> _Needle:
        if term[0] == PLAIN:
            return _Needle("plain", " " + term[1:].replace("_", " ") + " ")
        if term[0] == CODE:
            return _Needle("codes", term)
        if term[0] == CONCEPT:
            return _Needle("concepts", term)
        return _Needle("accented", " " + term.replace("_", " ") + " ")

    def found_in(self, text: _Text) -> bool:
        return self.needle in getattr(text, self.field)


class Answerer:
    """Answers questions from one index; keeps the sentences of recently read passages ready."""

    def __init__(
        self,
        index: Index,
        tuning: Tuning = DEFAULT_TUNING,
        cache_size: int = 4096,
        confidence: ConfidenceModel | None = None,
        today: Callable[[], dt.date] = vietnam_today,
        sentence_model: SentenceModel | None = None,
    ) -> None:
        self.index = index
        self.today = today
        self.sentence_model = sentence_model or default_sentence_model()
        self.speller = Speller(index.term_ids, self._document_frequency, index.passage_count)
        # Called with every sentence scored and its features (eval/calibrate.py learns from them).
        self._observe: Callable[[str, dict[str, float]], None] | None = None
        self.tuning = tuning
        self.confidence = confidence or default_model()
        self._article_facts: OrderedDict[str, ArticleFacts] = OrderedDict()
        self._cache: OrderedDict[int, list[_Text]] = OrderedDict()
        self._titles: OrderedDict[int, _Text] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()  # the bot answers from several threads at once

    def _kept(self, cache: OrderedDict[K, V], key: K, make: Callable[[], V]) -> V:
        """`cache[key]`, made (outside the lock) and kept when missing; the least recently used go."""
        with self._lock:
            value = cache.get(key)
            if value is not None:
                cache.move_to_end(key)
                return value
        value = make()
        with self._lock:
            cache[key] = value
            if len(cache) > self._cache_size:
                cache.popitem(last=False)
        return value

    def _sentences(self, hit: Hit) -> list[_Text]:
        text = hit.text
        return self._kept(self._cache, hit.passage, lambda: [_Text(text[s:e]) for s, e in answer_units(text)])

    def _title(self, article_index: int) -> _Text:
        return self._kept(self._titles, article_index, lambda: _Text(self.index.articles[article_index].title))

    def _facts(self, article: Article) -> ArticleFacts:
        return self._kept(self._article_facts, article.id, lambda: ArticleFacts(article))

    def answer(
        self,
        text: str,
        *,
        passages: int = CANDIDATE_PASSAGES,
        previous: str | None = None,
        earlier_article: str | None = None,
    ) -> Answer:
        """Answer a question: the best sentence per article, best article first.

        `passages` is how many of the best passages to return in `hits`; `previous` is the question
        a follow-up continues ("thế còn ai phát biểu?" after "Ai chủ trì hội nghị X?"), and
        `earlier_article` the id of the article its answer led with, which "bà ấy", "lần đó" point at.
        """
        index, tuning = self.index, self.tuning
        stripped = nfc(text).strip()  # measured as it will be read
        if not re.search(r"[^\W_]", stripped):
            return Answer(text, Status.EMPTY)
        if len(stripped) > MAX_QUESTION_CHARS:
            return Answer(text, Status.TOO_LONG)
        spaced = " ".join(stripped.split())
        question = follow_up(spaced, previous) if previous else analyse(spaced)
        asked = question.document
        parts = (asked.fact, asked.name, asked.topic, asked.kind, asked.day) if asked else (None, "", "", "", False)
        fact = registry_answer(index.documents, index.articles, chat_written_out(spaced), *parts)
        if fact is not None:
            return self._document_answer(text, fact)
        reference = reference_in(asked.name) if asked is not None and asked.fact == "date" else None
        dated_document = reference is not None and bool(reference.kinds)
        takes_effect = asked is not None and asked.fact == "date" and speaks_of_taking_effect(spaced)
        # "Chỉ thị 27 nói về gì?" when two documents are Chỉ thị 27: whichever a sentence answers for is a guess.
        ambiguous = asked is not None and asked.fact != "which" and several_bear(index.documents, asked.name)
        query = query_terms(question, index.term_ids, self.speller)
        if not query.ids:
            status = Status.NO_TERMS if not query.terms else Status.NOT_FOUND
            return Answer(text, status, kind=question.kind)
        scores = index.bm25.scores(query.ids, query.factors)
        today = self.today()
        # A word read as a typo weighs what it counts in the search.
        factor = dict(zip((index.vocabulary[i] for i in query.ids), query.weights, strict=True))
        idf = {t: index.idf(t) * factor.get(t, 1.0) for t in set(query.terms)}
        depth = max(passages, tuning.search_depth)
        bounds = tuple(c for c in question.constraints if c.kind in DATE_KINDS)
        top, _ = index.bm25.top_of(scores, max(depth, tuning.dated_search_depth) if bounds else depth)
        ranked = [int(p) for p in top]
        if bounds:
            # Only articles published in the asked time, when one of them is relevant; else the closest
            # others, shown unsure (they disagree), as for any question its articles contradict.
            articles = [index.articles[int(index.passage_article[p])] for p in ranked]
            in_time = [p for p, a in zip(ranked, articles, strict=True) if not self._facts(a).disagrees(bounds, today)]
            ranked = in_time if self._covering(in_time, idf, question) is not None else ranked[:depth]
        best_score = float(scores[ranked[0]]) if ranked else 0.0
        earlier = index.position_of(earlier_article) if question.points_back and earlier_article else None
        if earlier is not None and ranked:
            ranked = _earlier_first(index, ranked, scores, earlier)
        hits = [index.hit(p, float(scores[p])) for p in ranked[:passages]]
        # The article a follow-up points back at is relevant: the chat has been about it.
        pointed_at = earlier is not None and int(index.passage_article[ranked[0]]) == earlier
        covering = 0 if pointed_at else self._covering(ranked, idf, question)
        if covering is None:
            return Answer(text, Status.NOT_FOUND, hits=tuple(hits), kind=question.kind)
        article_of = index.passage_article

        near = {plain(s) if question.unaccented else s for s in question.near}
        near_words = [w.removeprefix(PLAIN) for w in near]
        # The sentence is chosen, and weighed, on the question's own words: a follow-up's earlier topic
        # only finds the articles.
        own_idf = {t: w for t, w in idf.items() if t not in query.context}
        query_mass = sum(own_idf.values()) or 1.0
        findings = []
        needles = {t: _Needle.of(t) for t in own_idf}
        for first, rest in _candidates(index, ranked, scores, tuning):
            title = self._title(int(index.passage_article[first[0].passage]))
            # Terms the title already has say little about which sentence answers.
            weighted = []
            for (t, w), n in zip(own_idf.items(), needles.values(), strict=True):
                in_title = n.found_in(title)
                boost = (tuning.title_term_weight if in_title else 1.0) + (tuning.near_boost if t in near else 0.0)
                weighted.append((n.field, n.needle, w * boost, in_title, "_" in t))
            best = self._best_sentence(first, question, weighted, query_mass, best_score, near_words)
            if rest and not (best and best.strong):
                # The answer may sit in a paragraph of the best article that names nothing else.
                best = self._best_sentence(first + rest, question, weighted, query_mass, best_score, near_words)
            if best is not None:
                findings.append(best)
        # Articles that contradict the question (another year, another session) go last.
        if question.constraints:
            findings.sort(key=lambda f: bool(self._facts(f.article).disagrees(question.constraints, today)))
        if question.newest:
            relevant = tuning.newest_ratio * best_score
            findings.sort(key=lambda f: (f.hit.score < relevant, f.article.date is None, -_ordinal(f.article.date)))
        # Among near-duplicate reports of one event, one that holds the asked name or number beats
        # a slightly better-scored one that does not.
        elif findings and not findings[0].strong:
            for position, finding in enumerate(findings[1 : tuning.articles_in_depth], start=1):
                if finding.strong and finding.hit.score >= tuning.promote_ratio * best_score:
                    findings.insert(0, findings.pop(position))
                    break
        if not findings:
            return Answer(text, Status.NOT_FOUND, hits=tuple(hits), kind=question.kind)
        evidence = self._evidence(question, findings, own_idf, near_words, int(article_of[ranked[0]]), today)
        verdict = None
        if question.kind is Kind.YES_NO:
            check = check_claim(findings[0].sentence, question, findings[0].article.title)
            verdict = check.verdict
            findings[0] = dataclasses.replace(findings[0], highlight=check.span)
        signer_asked = asked is not None and asked.fact == "signer"
        if signer_asked:
            # Who signed a document: a person the sentence says signed one, never any name near it.
            findings[0] = dataclasses.replace(findings[0], highlight=signer_in(findings[0].sentence))
        # A search ("chỉ thị 15", a name) asks no question: its reply is the articles, never one sentence.
        sure = (
            self.confidence.is_sure(evidence)
            and not question.search
            and verdict is not Verdict.UNCLEAR
            and not (signer_asked and findings[0].highlight is None)
            and not ambiguous
            # (an answer from the best article, when only a lower one covers the question, is a guess)
            and covering == 0
            # A date the registry could not pin to the document asked about is of a meeting or a report
            # about it ("Sáng 23/2, … thực hiện chỉ thị 16") unless the sentence dates an issue of one.
            and not (dated_document and not dates_an_issue(findings[0].sentence))
            # … and when it takes effect only from a sentence saying so ("Cuối năm 2005, Quốc hội thông qua
            # Luật Doanh nghiệp mới" is no day it took effect).
            and not (takes_effect and not speaks_of_taking_effect(findings[0].sentence))
        )
        status = Status.ANSWER if sure else Status.UNSURE
        return Answer(text, status, tuple(findings), tuple(hits), question.kind, evidence, question.search, verdict)

    def _covering(self, ranked: list[int], idf: dict[str, float], question: Question) -> int | None:
        """Which of the best articles of these passages (0 for the best) first covers enough of the
        question to answer from; None when none does."""
        article_of = self.index.passage_article
        leading = list(dict.fromkeys(int(article_of[p]) for p in ranked))[: self.tuning.relevance_articles]
        return next(
            (
                place
                for place, article in enumerate(leading)
                if self._covers([p for p in ranked if article_of[p] == article], idf, question)
            ),
            None,
        )

    def _covers(self, passages: list[int], idf: dict[str, float], question: Question) -> bool:
        """Whether an article's best passages cover enough of the question to answer from."""
        index, tuning = self.index, self.tuning
        best = passages[: tuning.coverage_passages]
        coverage, matched = relevance(index, idf, best)
        # On a small corpus every word is common, so its idf mass says little: the share alone decides.
        # Diacritic-free twins merge several words each, so their idf is lower: less mass is needed.
        min_matched = tuning.min_matched_unaccented if question.unaccented else tuning.min_matched
        enough_evidence = matched >= min_matched or index.passage_count < tuning.min_passages_for_matched
        if not enough_evidence and coverage >= tuning.full_coverage:
            enough_evidence = relevance(index, idf, best, compounds=True)[1] >= min_matched
        return coverage >= tuning.min_coverage and enough_evidence

    def _document_answer(self, text: str, fact: Fact) -> Answer:
        """The registry's answer to a question about a document: the sentence stating the fact, in its article."""
        index = self.index
        passages = [index.hit(p, 1.0) for p in index.article_passages(fact.citation.article)]
        # The passage holding the sentence (a title is no passage: the article's first stands for it).
        hit = next((h for h in passages if fact.citation.sentence in h.text), passages[0])
        sentence, highlight = excerpt(fact.citation.sentence, fact.span)
        finding = Finding(hit.article, sentence, highlight, hit, 1.0, strong=True, spans=1)
        kind = _FACT_KINDS[fact.asked]
        return Answer(text, Status.ANSWER, (finding,), (hit,), kind)

    def _document_frequency(self, term: str) -> float:
        """How many passages hold a term (more common words are likelier corrections)."""
        term_id = self.index.term_ids.get(term)
        return (
            0.0
            if term_id is None
            else float(self.index.bm25.postings_ptr[term_id + 1] - self.index.bm25.postings_ptr[term_id])
        )

    def _evidence(
        self,
        question: Question,
        findings: list[Finding],
        idf: dict[str, float],
        near_words: list[str],
        top_article: int,
        today: dt.date,
    ) -> Evidence:
        """What supports the best finding's sentence as the answer."""
        index = self.index
        finding = findings[0]
        article_index = int(index.passage_article[finding.hit.passage])
        sentence, title = _Text(finding.sentence), self._title(article_index)
        idf = _as_read(idf, reading_terms(question), (sentence, title))
        # Single syllables only: a question's runs of syllables include accidental compounds.
        terms = {t: w for t, w in idf.items() if "_" not in t}
        mass = sum(terms.values()) or 1.0
        in_title = {t for t in terms if _Needle.of(t).found_in(title)}
        in_sentence = {t for t in terms if _Needle.of(t).found_in(sentence)}
        if finding.strong and question.counted:
            # "bao nhiêu tiền" is answered by "517 tỉ": a span of the asked kind stands for the counted noun.
            in_sentence |= {plain(s) if question.unaccented else s for s in question.counted} & terms.keys()
        beyond_title = sum(w for t, w in terms.items() if t not in in_title)
        added = sum(w for t, w in terms.items() if t in in_sentence and t not in in_title)
        passages = list(index.article_passages(article_index))
        in_article = {t for t in idf if _in_passages(index, t, passages)}
        compounds = [t for t in idf if "_" in t]
        words = sentence.plain if question.unaccented else sentence.accented
        near_found = sum(1 for w in near_words if f" {w} " in words)
        stated = tuple(c for c in question.constraints if c.kind not in DATE_KINDS)
        # A sentence that itself says the question's year, place or person is better evidence than one whose
        # article says it somewhere else.
        said = ArticleFacts(Article("", finding.article.title, (finding.sentence,)))
        missing = len(said.disagrees(stated, today)) if stated else 0
        # The clause of the answer may state another year than the sentence's other clauses ("Trong 6 tháng
        # đầu năm 2019, có 8.711 doanh nghiệp …; … so với cùng kỳ 2018"): that one is the answer's.
        clause_text = clause_of(finding.sentence, finding.highlight)
        clause = (
            said
            if clause_text == finding.sentence
            else ArticleFacts(Article("", finding.article.title, (clause_text,)))
        )
        return Evidence(
            agreement=_agreement(findings),
            kind=question.kind,
            span=finding.strong,
            disagreements=(
                self._unmet(finding.article, question, today)
                + tuple(dict.fromkeys(said.contradicts(stated) + clause.contradicts(stated)))
                if question.constraints
                else ()
            ),
            sentence_share=sum(terms[t] for t in in_title | in_sentence) / mass,
            own_share=added / beyond_title if beyond_title else 1.0,
            article_share=sum(w for t, w in terms.items() if t in in_article) / mass,  # `relevance`, whole article
            missing_rare=max((w for t, w in terms.items() if t not in in_article), default=0.0) / index.idf(""),
            compound_share=sum(1 for t in compounds if t in in_article) / len(compounds) if compounds else 1.0,
            near_share=near_found / len(near_words) if near_words else 1.0,
            caption=finding.hit.caption,
            long_sentence=len(finding.sentence) > MAX_ANSWER_CHARS,
            spans=finding.spans,
            near_span=finding.features.get("near_span", 0.0),
            prior=finding.features.get("prior", 0.0),
            phrase_share=finding.features.get("phrase_share", 0.0),
            sentence_margin=finding.margin,
            # (A sentence holding the asked span may come from a passage that matched nothing.)
            article_ratio=findings[1].hit.score / finding.hit.score if len(findings) > 1 and finding.hit.score else 0.0,
            top_article=article_index == top_article,
            unaccented=question.unaccented,
            sentence_states=1.0 - missing / len(stated) if stated else 1.0,
            span_leads=finding.strong
            and finding.highlight is not None
            and len(finding.sentence[: finding.highlight[0]].split()) <= LEADING_WORDS
            and not finding.sentence.startswith("…"),
        )

    def _unmet(self, article: Article, question: Question, today: dt.date) -> tuple[Constraint, ...]:
        """What the question states and the article does not. A month the question dates an event by
        ("chuyến thăm tháng 11/2017") is met by an article that states it, though published later; only
        the search keeps to the articles published in it."""
        facts = self._facts(article)
        unmet = facts.disagrees(question.constraints, today)
        return tuple(c for c in unmet if not (c.kind == "period" and facts.states_period(c.value)))

    def _best_sentence(
        self,
        hits: list[Hit],
        question: Question,
        weighted: list[tuple[str, str, float, bool, bool]],
        query_mass: float,
        best_score: float,
        near_words: list[str],
    ) -> Finding | None:
        """The sentence of these passages that best answers, with the span that answers.

        Sentences are scored by the sentence model's weights (bot/answer_model.json) over their
        features; the cheap ones (word matches, passage score) first, the answer spans only for
        sentences that could still win.
        """
        model = self.sentence_model
        # The counted noun sits beside every number: nearness to the other words tells them apart.
        counted = {strip_diacritics(s) if question.unaccented else s for s in question.counted}
        verbs = [w for w in near_words if w not in counted]
        beyond_title = sum(w for _, _, w, in_title, _ in weighted if not in_title) or 0.0
        compounds = sum(1 for *_, compound in weighted if compound)
        scored: list[tuple[float, int, Hit, _Text, dict[str, float]]] = []
        for hit in hits:
            prior = hit.score / best_score
            for number, sentence in enumerate(self._sentences(hit)):
                lexical = own = 0.0
                phrases = 0
                for field, needle, weight, in_title, compound in weighted:
                    haystack = sentence.accented if field == "accented" else getattr(sentence, field)
                    if needle in haystack:
                        lexical += weight
                        own += 0.0 if in_title else weight
                        phrases += compound
                words = sentence.plain if question.unaccented else sentence.accented
                cheap = {
                    "near_share": sum(1 for w in near_words if f" {w} " in words) / len(near_words)
                    if near_words
                    else 1.0,
                    "long": float(len(sentence.text) > MAX_ANSWER_CHARS),
                    "lexical": lexical / query_mass,
                    "prior": prior,
                    "caption": float(hit.caption),
                    "own_share": own / beyond_title if beyond_title else 1.0,
                    "phrase_share": phrases / compounds if compounds else 0.0,
                    "lead": float(hit.paragraph == 0 and hit.start == 0 and number == 0),
                }
                scored.append((model.partial(cheap), len(scored), hit, sentence, cheap))
        # Answer spans are sought best-first, until no sentence could overtake the best.
        best: Finding | None = None
        best_order = 0
        runner_up = -math.inf  # the best score of any other sentence: how clearly the best one wins
        holding_margin = self.tuning.span_margin if question.kind in TYPED_KINDS else -math.inf
        best_holding: Finding | None = None  # the best sentence holding a span of the asked kind
        for partial, order, hit, sentence, cheap in sorted(scored, key=lambda s: (-s[0], s[1])):
            could_win = best is None or partial + model.most_added >= best.score
            could_hold = (
                best_holding is None and best is not None and partial + model.most_added >= best.score - holding_margin
            )
            if not (could_win or could_hold) and self._observe is None:
                runner_up = max(runner_up, partial + model.most_added - (CAPTION_PENALTY if hit.caption else 0.0))
                break
            strong, weak = answer_spans(sentence.text, question)
            positions = _near_positions(sentence, verbs, question.unaccented)
            highlight = _closest(sentence.text, strong or weak, positions)
            if question.many and len(strong) > 1:
                highlight = whole_list(sentence.text, strong)  # the whole list, each name with its title
            features = cheap | sentence_features(sentence.text, strong, weak, highlight, positions)
            # A caption comes after every body sentence: it is often another event's photo or a link.
            score = model.score(features) - (CAPTION_PENALTY if hit.caption else 0.0)
            if self._observe is not None:
                self._observe(sentence.text, features)
            finding = Finding(
                hit.article,
                sentence.text,
                highlight,
                hit,
                score,
                bool(strong),
                spans=min(len(strong), 1) if question.many else len(strong),
                features=features,
            )
            if strong and (best_holding is None or score > best_holding.score):
                best_holding = finding
            if best is None or score > best.score or (score == best.score and order < best_order):
                if best is not None:
                    runner_up = max(runner_up, best.score)
                best, best_order = finding, order
            else:
                runner_up = max(runner_up, score)
        if best is None:
            return None
        if not best.strong and best_holding is not None and best_holding.score >= best.score - holding_margin:
            runner_up, best = best.score, best_holding  # outscored: its margin is below zero
        sentence_text, highlight = excerpt(best.sentence, best.highlight)
        margin = best.score - runner_up if runner_up > -math.inf else model.most_added
        # A span cut off by the excerpt (a list too long to show whole) is no answer shown: none is held.
        holds_span = best.strong and highlight is not None
        return dataclasses.replace(best, sentence=sentence_text, highlight=highlight, margin=margin, strong=holds_span)


def _as_read(
    idf: dict[str, float], readings: tuple[tuple[frozenset[str], ...], ...], texts: tuple[_Text, ...]
) -> dict[str, float]:
    """The question's terms with each ambiguous abbreviation read as these texts read it: "TT Phúc" is
    thủ tướng to a sentence saying "Thủ tướng Nguyễn Xuân Phúc", which need not say "thứ trưởng" or
    "thông tư" too. (Read as the question wrote it out where no reading is found.)"""
    dropped: set[str] = set()
    for terms in readings:
        found = [
            sum(idf.get(t, 0.0) for t in reading if any(_Needle.of(t).found_in(x) for x in texts)) for reading in terms
        ]
        chosen = max(range(len(terms)), key=lambda i: (found[i], -i))
        dropped |= set().union(*(reading for i, reading in enumerate(terms) if i != chosen)) - terms[chosen]
    return {t: w for t, w in idf.items() if t not in dropped}


def _ordinal(date: dt.date | None) -> int:
    return date.toordinal() if date else 0


# At most so many words before a span that opens its sentence ("Lúc 11h20 ngày 12-11, …", "Theo đó, ngày …").
LEADING_WORDS = 2

# The kind of question each fact of a document answers.
_FACT_KINDS = {
    "subject": Kind.WHAT,
    "which": Kind.WHAT,
    "issuer": Kind.WHO,
    "signer": Kind.WHO,
    "plenum": Kind.WHO,
    "date": Kind.WHEN,
}


def _span_text(finding: Finding) -> str | None:
    if finding.highlight is None or not finding.strong:
        return None
    return strip_diacritics(finding.sentence[slice(*finding.highlight)].lower())


def _agreement(findings: list[Finding], among: int = 5) -> float:
    """How many other articles' best sentences give the same name or number (other reports of the
    same event agreeing), up to two."""
    best = _span_text(findings[0])
    if best is None:
        return 0.0
    return min(2, sum(1 for f in findings[1:among] if _span_text(f) == best)) / 2


def _near_positions(sentence: _Text, near_words: list[str], unaccented: bool) -> list[int]:
    """Word positions in the sentence of the question's words next to its question words."""
    wanted = set(near_words)
    return [i for i, word in enumerate(sentence.plain_words if unaccented else sentence.words) if word in wanted]


def _word_index(text: str, offset: int) -> int:
    return len(text[:offset].split())


def _distance(text: str, span: tuple[int, int], positions: list[int]) -> int:
    first, last = _word_index(text, span[0]), max(_word_index(text, span[1]) - 1, _word_index(text, span[0]))
    return min((0 if first <= p <= last else min(abs(p - first), abs(p - last)) for p in positions), default=99)


def _closest(text: str, spans: list[tuple[int, int]], positions: list[int]) -> tuple[int, int] | None:
    """Of several names or numbers, the one nearest the question's own words ("đã kết nạp 1.250", not
    "chỉ tiêu 1.000"); the first when the sentence has none of them."""
    if not spans:
        return None
    return min(spans, key=lambda span: (_distance(text, span, positions), span[0]))


def sentence_features(
    text: str,
    strong: list[tuple[int, int]],
    weak: list[tuple[int, int]],
    highlight: tuple[int, int] | None,
    positions: list[int],
) -> dict[str, float]:
    """What, beyond its words, says a sentence answers: the asked-for span, and the question's own
    words next to it ("chủ trì" beside the name for "Ai chủ trì")."""
    return {
        "strong": float(bool(strong)),
        "weak": float(bool(weak) and not strong),
        "near_span": float(highlight is not None and _distance(text, highlight, positions) <= PROXIMITY_WORDS),
    }


CAPTION_PENALTY = 10.0  # larger than any difference the sentence model makes
PROXIMITY_WORDS = 10  # the question's verb within this many words of the name or number (titles are long)


_CLAUSE_END = re.compile(r";\s+")
_COMMA = re.compile(r",\s+")
ELLIPSIS = "…"


def excerpt(sentence: str, highlight: tuple[int, int] | None) -> tuple[str, tuple[int, int] | None]:
    """A sentence longer than MAX_ANSWER_CHARS cut to its comma-separated parts around the highlight.

    Cut ends are marked with an ellipsis; the highlight's offsets follow the cut.
    """
    if len(sentence) <= MAX_ANSWER_CHARS:
        return sentence, highlight
    bounds = [0] + [m.end() for m in _COMMA.finditer(sentence)] + [len(sentence)]
    start_at, end_at = highlight or (0, 0)
    first = max(i for i, b in enumerate(bounds[:-1]) if b <= start_at)
    last = first + 1
    while last < len(bounds) - 1 and bounds[last] < end_at:
        last += 1
    room = MAX_ANSWER_CHARS - 2 * len(ELLIPSIS)
    if bounds[last] - bounds[first] > room:  # one part alone is too long: cut at words
        start = max(0, min(start_at - room // 4, len(sentence) - room))
        # Inside a word: from the next one (never later than the highlight).
        if start and not sentence[start - 1].isspace():
            space = sentence.find(" ", start, max(start, start_at))
            start = space + 1 if space >= 0 else start
        end = min(len(sentence), start + room)
        space = sentence.rfind(" ", start, end)
        # Whole words only: back to the last space, unless that cuts a highlight that would have fitted.
        if end < len(sentence) and not sentence[end].isspace() and space > start and (space >= end_at or end < end_at):
            end = space
    else:
        while True:  # grow by whole parts, after the highlight first (what follows a name says what they did)
            if last < len(bounds) - 1 and bounds[last + 1] - bounds[first] <= room:
                last += 1
            elif first > 0 and bounds[last] - bounds[first - 1] <= room:
                first -= 1
            else:
                break
        start, end = bounds[first], bounds[last]
    text = sentence[start:end].strip().rstrip(",")
    offset = start + (len(sentence[start:end]) - len(sentence[start:end].lstrip()))
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(sentence) else ""
    moved = None
    if highlight and offset <= start_at and end_at <= offset + len(text):
        moved = (start_at - offset + len(prefix), end_at - offset + len(prefix))
    return prefix + text + suffix, moved


def answer_units(text: str) -> list[tuple[int, int]]:
    """The sentences of a passage, a sentence longer than MAX_ANSWER_CHARS cut into its clauses."""
    units = []
    for start, end in split_sentences(text):
        if end - start <= MAX_ANSWER_CHARS:
            units.append((start, end))
            continue
        clause_start = start
        for match in _CLAUSE_END.finditer(text, start, end):
            units.append((clause_start, match.start() + 1))
            clause_start = match.end()
        units.append((clause_start, end))
    return units


def relevance(index: Index, idf: dict[str, float], passages: list[int], compounds: bool = False) -> tuple[float, float]:
    """How well some passages (titles included) cover a question's terms.

    Returns the share of the question's idf mass they hold, and that mass in units of the idf of
    a term no passage has (about "how many rare words matched", whatever the corpus size).
    Compounds are left out unless asked for: a question's runs of syllables include accidental ones.
    A single word no passage of the corpus has, among at least three it has (a typo no spelling fix
    reached: "mơi", "tich"), is left out too: no article could hold it. (Two or more such words say
    the question is about something else: "Giá vàng hôm nay" over a corpus without prices.)
    """
    terms = {t: w for t, w in idf.items() if compounds or "_" not in t}
    unknown = [t for t in terms if t not in index.term_ids]
    if len(unknown) == 1 and len(terms) >= 4:
        del terms[unknown[0]]
    total = sum(terms.values())
    if total <= 0:
        return 0.0, 0.0
    found = sum(w for term, w in terms.items() if _in_passages(index, term, passages))
    return found / total, found / index.idf("")


def _in_passages(index: Index, term: str, passages: list[int]) -> bool:
    """Whether any of the passages has the term; an article's passages (a run of ids) cost one search."""
    term_id = index.term_ids.get(term)
    if term_id is None or not passages:
        return False
    if passages[-1] - passages[0] == len(passages) - 1 and passages == sorted(passages):
        return index.bm25.contains_any(term_id, passages[0], passages[-1] + 1)
    return any(index.bm25.contains(term_id, p) for p in passages)


def _earlier_first(index: Index, ranked: list[int], scores: np.ndarray, article: int) -> list[int]:
    """The passages of the article a follow-up points back at ("bà ấy sinh ngày nào?") first, best first,
    when any of them holds a word of the search."""
    own = sorted(index.article_passages(article), key=lambda p: -scores[p])
    if not own or scores[own[0]] <= 0:
        return ranked
    kept = set(own)
    return own + [p for p in ranked if p not in kept]


def _candidates(
    index: Index, ranked: list[int], scores: np.ndarray, tuning: Tuning
) -> list[tuple[list[Hit], list[Hit]]]:
    """Passages to look for the answer in, by article, best article first.

    Each article offers its best passages (and, for the best few, the neighbours of their two
    best); the best article also offers the rest of its passages, read when those first ones
    hold no answer of the kind asked for.
    """
    by_article: dict[int, list[int]] = {}
    for passage in ranked:
        by_article.setdefault(int(index.passage_article[passage]), []).append(passage)
    candidates: list[tuple[list[Hit], list[Hit]]] = []
    for rank, (article, article_ranked) in enumerate(by_article.items()):
        if rank >= MAX_FINDINGS:
            break
        rest: list[int] = []
        if rank >= tuning.articles_in_depth:
            chosen = article_ranked[:1]
        else:
            passages = index.article_passages(article)
            chosen = list(article_ranked[: tuning.passages_per_article])
            for passage in article_ranked[:2]:
                for p in range(passage - tuning.neighbours, passage + tuning.neighbours + 1):
                    if p in passages and p not in chosen:
                        chosen.append(p)
            if rank == 0 and len(passages) <= tuning.whole_article_passages:
                # Passages that match nothing but the title's words cannot hold the answer's words.
                title_only = min(float(scores[p]) for p in passages)
                rest = [
                    p for p in passages if p not in chosen and (scores[p] > title_only * 1.05 or len(passages) <= 3)
                ]
        candidates.append(
            ([index.hit(p, float(scores[p])) for p in chosen], [index.hit(p, float(scores[p])) for p in rest])
        )
    return candidates


def find_answer(
    index: Index, text: str, *, passages: int = CANDIDATE_PASSAGES, tuning: Tuning = DEFAULT_TUNING
) -> Answer:
    """Answer one question (an `Answerer` is better for many: it caches what it reads)."""
    return Answerer(index, tuning).answer(text, passages=passages)
