"""What the Telegram layer serves from: the library (index, reload, counters), result pages for
the "more results" button, and a per-user question rate. Plain synchronous code, no Telegram.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import multiprocessing
import os
import secrets
import shutil
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TypeVar

from bot.answer import Answer, Answerer, Status
from bot.corpus import Article, LoadProblem, corpus_files
from bot.documents import Document
from bot.examples import example_questions
from bot.index import Index
from bot.store import (
    BuildReport,
    EmptyCorpusError,
    build_index,
    die_with_parent,
    load_built_index,
    save_for_handover,
)

log = logging.getLogger(__name__)
T = TypeVar("T")


class ReloadInProgress(RuntimeError):
    """A reload is already running; a second one is not started."""


class ReloadFailed(RuntimeError):
    """The new corpus could not be loaded; the index being served is unchanged."""

    def __init__(self, reason: str, problems: Sequence[LoadProblem] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.problems = list(problems)


@dataclass(frozen=True)
class ReloadOutcome:
    """What a reload changed, for the admin who asked for it."""

    articles: int
    passages: int
    added: list[str]
    removed: list[str]
    changed: list[str]
    skipped: list[LoadProblem]
    articles_segmented: int
    seconds: float
    newly_skipped: list[LoadProblem] = field(default_factory=list)  # skipped now, not by the load before

    @property
    def changes_anything(self) -> bool:
        """Whether readers or admins would notice: articles added, removed or edited, or new problems."""
        return bool(self.added or self.removed or self.changed or self.newly_skipped)


def _build_in_child(paths: list[str], cache_dir: str, workers: int | None, connection: object, parent: int) -> None:
    """Run in a separate process: build (and cache) the index, send back its report (which names
    where the index was saved) or what went wrong."""
    die_with_parent(parent)
    try:
        index, report = build_index(paths, cache_dir, workers=workers)
        handover = report.index_dir is None  # the cache directory cannot be written
        if handover:
            report.index_dir = str(save_for_handover(index))
        connection.send(("ok", (report, handover)))  # type: ignore[attr-defined]
    except EmptyCorpusError as error:
        problems = error.report.problems if error.report else []
        connection.send(("empty", problems))  # type: ignore[attr-defined]
    except Exception as error:  # any failure is reported to the admin, never fatal to the bot
        connection.send(("error", f"{type(error).__name__}: {error}"))  # type: ignore[attr-defined]
    finally:
        connection.close()  # type: ignore[attr-defined]


STOP_SECONDS = 2.0  # a reload child asked to stop is killed after this
RELOAD_TIMEOUT = 30 * 60.0  # seconds a reload may build before it is stopped (RELOAD_TIMEOUT's default)


def _stop(child: BaseProcess) -> None:
    """End a reload child: asked first (SIGTERM), killed if it has not ended within STOP_SECONDS."""
    if child.is_alive():
        child.terminate()
        child.join(STOP_SECONDS)
    if child.is_alive():
        child.kill()
    child.join()


def _duration(seconds: float) -> str:
    """90 giây, 30 phút, 2 giờ, 0,5 giây (bot.reply imports this module, so its number() is not used)."""
    value, unit = seconds, "giây"
    if seconds >= 3600 and seconds % 3600 == 0:
        value, unit = seconds / 3600, "giờ"
    elif seconds >= 60 and seconds % 60 == 0:
        value, unit = seconds / 60, "phút"
    return f"{value:g} {unit}".replace(".", ",")


def files_state(paths: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    """Each corpus file's path, size and modification time: a cheap look (no file is read) that
    changes when a file is added, removed, replaced or written."""
    state = []
    for path in corpus_files(paths)[0]:
        try:
            info = path.stat()
        except OSError:  # gone since it was listed: the next look sees it gone
            continue
        state.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(state)


UNANSWERED_KEPT = 10  # questions with no answer that /stats shows
UNANSWERED_CHARS = 200  # each kept cut to this: memory stays bounded whatever is asked


@dataclass(frozen=True)
class Usage:
    """Questions since start by outcome, and the latest that got no answer (their text only)."""

    answered: int = 0
    unsure: int = 0
    not_found: int = 0
    unanswered: tuple[str, ...] = ()


def newest_first(articles: Iterable[Article]) -> list[Article]:
    """Dated articles newest first (a stated time before none on the same day), then the undated in corpus order."""
    return sorted(
        articles,
        key=lambda a: (
            a.date is None,
            -a.date.toordinal() if a.date else 0,
            -(a.time.hour * 60 + a.time.minute) if a.time else 1,
        ),
    )


@dataclass(frozen=True)
class DocumentCard:
    """A document with the articles citing it, newest first, and the articles its citations point into."""

    document: Document
    citing: list[Article]
    articles: Sequence[Article]


@dataclass
class Library:
    """The index being served and the means to replace it while questions keep being answered."""

    paths: list[Path]
    cache_dir: Path | None
    answerer: Answerer
    report: BuildReport
    workers: int | None = None
    reload_timeout: float = RELOAD_TIMEOUT
    loaded_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    started_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    _questions: itertools.count = field(default_factory=itertools.count, repr=False)
    _answered: int = 0
    _outcomes: dict[Status, int] = field(default_factory=dict, repr=False)
    _unanswered: deque[str] = field(default_factory=lambda: deque(maxlen=UNANSWERED_KEPT), repr=False)
    _usage_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _reload_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # Questions about the articles served that the bot answers itself (for /help and "not found").
    examples: tuple[str, ...] = ()
    # The corpus files as the last load (or reload attempt) found them, see `files_state`.
    _files: tuple[tuple[str, int, int], ...] = field(default=(), repr=False)
    _child: BaseProcess | None = field(default=None, repr=False)  # the reload child building now
    _stopping: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        if not self.examples:
            self.examples = example_questions(self.answerer)

    @classmethod
    def open(
        cls,
        paths: Sequence[Path],
        cache_dir: Path | None,
        workers: int | None = None,
        reload_timeout: float = RELOAD_TIMEOUT,
    ) -> Library:
        """Build or load the index for `paths` (raises EmptyCorpusError when nothing loads)."""
        files = files_state(paths)
        index, report = build_index(paths, cache_dir, workers=workers)
        return cls(list(paths), cache_dir, Answerer(index), report, workers, reload_timeout, _files=files)

    @property
    def index(self) -> Index:
        return self.answerer.index

    @property
    def questions_answered(self) -> int:
        return self._answered

    @property
    def reloading(self) -> bool:
        return self._reload_lock.locked()

    def answer(self, question: str, passages: int = 12, previous: Asked | None = None, *, tally: bool = True) -> Answer:
        """Answer from the current index (whichever it is when the question arrives); `previous` is
        what a follow-up continues. `tally=False` leaves it out of the usage counts (an inline query
        is asked again at each pause in the typing: its fragments are no questions)."""
        answer = self.answerer.answer(
            question,
            passages=passages,
            previous=previous.question if previous else None,
            earlier_article=previous.article if previous else None,
        )
        self._answered = next(self._questions) + 1
        if not tally:
            return answer
        # Empty, too long or keyword-less questions find nothing, as far as the counts go.
        outcome = answer.status if answer.status in (Status.ANSWER, Status.UNSURE) else Status.NOT_FOUND
        with self._usage_lock:
            self._outcomes[outcome] = self._outcomes.get(outcome, 0) + 1
            if outcome is Status.NOT_FOUND and question.strip():
                self._unanswered.append(question.strip()[:UNANSWERED_CHARS])
        return answer

    def usage(self) -> Usage:
        """A snapshot of the question counts and the latest questions with no answer (newest first)."""
        with self._usage_lock:
            return Usage(
                answered=self._outcomes.get(Status.ANSWER, 0),
                unsure=self._outcomes.get(Status.UNSURE, 0),
                not_found=self._outcomes.get(Status.NOT_FOUND, 0),
                unanswered=tuple(reversed(self._unanswered)),
            )

    def find_documents(self, text: str) -> list[Document]:
        """The documents a query names (number, code or words of the subject), most cited first."""
        return self.index.documents.find(text)

    def documents_named(self, message: str) -> list[Document]:
        """The documents a message names when it is nothing but a document's name ("chỉ thị 15")."""
        return self.index.documents.named_alone(message)

    def document_card(self, key: str) -> DocumentCard | None:
        """A document and the articles citing it, read from one index even while a reload swaps it."""
        index = self.index
        document = index.documents.get(key)
        if document is None:
            return None
        return DocumentCard(document, newest_first(index.articles[i] for i in document.articles), index.articles)

    def newest(self) -> list[Article]:
        """The dated articles, newest first."""
        return newest_first(a for a in self.index.articles if a.date)

    def reserve_reload(self) -> bool:
        """Claim the one reload slot now (False when a reload holds it); `reload(reserved=True)` uses
        and frees it. Claiming before saying "reloading" means a second /reload can never slip in
        between the reply and the start of the work."""
        return self._reload_lock.acquire(blocking=False)

    def release_reload(self) -> None:
        """Give back a slot claimed by `reserve_reload` when the reload will not run after all."""
        self._reload_lock.release()

    def reload(self, reserved: bool = False) -> ReloadOutcome:
        """Re-read the corpus and swap the new index in; the old one serves until then.

        The expensive part (segmenting new files, assembling the index) runs in a child process,
        so this process keeps answering at full speed; the result is then mapped from the cache.
        """
        if not reserved and not self._reload_lock.acquire(blocking=False):
            raise ReloadInProgress
        try:
            return self._reload(files_state(self.paths))
        finally:
            self._reload_lock.release()

    def reload_if_changed(self) -> ReloadOutcome | None:
        """Reload when a corpus file was added, removed or touched since the last load or reload
        attempt (None, without reading any file, when none was); ReloadInProgress while the reload
        slot is taken. A reload that failed is not tried again on the same files."""
        if not self._reload_lock.acquire(blocking=False):
            raise ReloadInProgress
        try:
            files = files_state(self.paths)
            return None if files == self._files else self._reload(files)
        finally:
            self._reload_lock.release()

    def _reload(self, files: tuple[tuple[str, int, int], ...]) -> ReloadOutcome:
        """The reload itself, with the slot held; `files` is the state of the files read, taken
        before reading them: a file written meanwhile looks changed on the next check."""
        self._files = files
        started = time.perf_counter()
        built = self._build_elsewhere()
        if built is not None:
            index, report = built
        else:  # no cache directory: built here
            try:
                index, report = build_index(self.paths, self.cache_dir, workers=self.workers, previous=self.index)
            except EmptyCorpusError as error:
                problems = error.report.problems if error.report else []
                raise ReloadFailed("kho không có bài nào đọc được", problems) from None
        outcome = self._compare(self.index, self.report, index, report, time.perf_counter() - started)
        answerer = Answerer(index, self.answerer.tuning, confidence=self.answerer.confidence)
        self.examples = example_questions(answerer)  # before the swap: questions meanwhile use the old ones
        self.answerer = answerer
        self.report = report
        self.loaded_at = dt.datetime.now(dt.UTC)
        return outcome

    def edit(self, change: Callable[[], T], revert: Callable[[T], object]) -> tuple[T, ReloadOutcome]:
        """Change the corpus files and reload, one change or reload at a time (ReloadInProgress
        otherwise); when the reload fails, `revert` undoes the change and ReloadFailed is raised."""
        if not self._reload_lock.acquire(blocking=False):
            raise ReloadInProgress
        try:
            done = change()
        except BaseException:
            self._reload_lock.release()
            raise
        try:
            return done, self.reload(reserved=True)
        except ReloadFailed:
            revert(done)
            raise

    def article(self, article_id: str) -> Article | None:
        """The article served under `article_id`, if any."""
        index = self.index
        position = index.position_of(article_id)
        return index.articles[position] if position is not None else None

    def stop_reload(self) -> None:
        """Stop a reload's child now and start no other (the bot is shutting down): the reload fails,
        the index served stays."""
        self._stopping = True
        child = self._child
        if child is not None:  # asked only: the reload's own thread waits for it, and kills it if need be
            child.terminate()

    def _build_elsewhere(self) -> tuple[Index, BuildReport] | None:
        """The new index, built in a child process within `reload_timeout` and loaded from where the
        child saved it (the cache, or a temporary directory when the cache cannot be written).
        None when there is no cache directory (the caller builds here)."""
        if self.cache_dir is None:
            return None
        if self._stopping:
            raise ReloadFailed("bot đang tắt")
        context = multiprocessing.get_context("spawn")
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(
            target=_build_in_child,
            args=([str(p) for p in self.paths], str(self.cache_dir), self.workers, sender, os.getpid()),
            name="reload-index",
        )
        child.start()
        self._child = child
        sender.close()
        answered = False
        try:
            if not receiver.poll(self.reload_timeout):
                raise ReloadFailed(
                    f"dựng chỉ mục mới quá {_duration(self.reload_timeout)} (giới hạn RELOAD_TIMEOUT) nên đã bị dừng"
                )
            status, detail = receiver.recv()
            answered = True
        except EOFError:  # the child ended without a word: stopped, killed or crashed
            if self._stopping:
                raise ReloadFailed("bot đang tắt") from None
            status, detail = "error", "tiến trình dựng chỉ mục dừng mà không trả kết quả"
        finally:
            if answered:  # it is ending by itself
                child.join(STOP_SECONDS)
            _stop(child)
            self._child = None
            receiver.close()
        if status == "empty":
            raise ReloadFailed("kho không có bài nào đọc được", detail)
        if status == "error":
            raise ReloadFailed(detail)
        report: BuildReport
        report, handover = detail
        directory = Path(str(report.index_dir))
        try:
            # Exactly what the child built, even if a file changed since: nothing is read or
            # segmented here (a file changed meanwhile looks changed to the next check).
            index = load_built_index(directory, previous=self.index)
        finally:
            if handover:  # a temporary directory: the mapped arrays outlive its removal
                shutil.rmtree(directory.parent.parent, ignore_errors=True)
        if index is None:
            raise ReloadFailed("không đọc được chỉ mục vừa dựng")
        return index, report

    @staticmethod
    def _compare(old: Index, old_report: BuildReport, new: Index, report: BuildReport, seconds: float) -> ReloadOutcome:
        before = {a.id: a for a in old.articles}
        after = {a.id: a for a in new.articles}
        known = {str(p) for p in old_report.skipped}
        return ReloadOutcome(
            articles=len(new.articles),
            passages=new.passage_count,
            added=sorted(after.keys() - before.keys()),
            removed=sorted(before.keys() - after.keys()),
            changed=sorted(i for i in after.keys() & before.keys() if after[i] != before[i]),
            skipped=report.skipped,
            articles_segmented=report.articles_segmented,
            seconds=seconds,
            newly_skipped=[p for p in report.skipped if str(p) not in known],
        )


@dataclass
class ResultPages:
    """Answers kept for the "more results" button: bounded in number and in age."""

    capacity: int = 2000
    ttl_seconds: float = 6 * 3600
    _pages: OrderedDict[str, tuple[float, Answer]] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def keep(self, answer: Answer) -> str:
        """Store an answer; returns its short key (safe inside 64-byte callback data)."""
        key = secrets.token_urlsafe(6)
        with self._lock:
            self._pages[key] = (time.monotonic(), answer)
            while len(self._pages) > self.capacity:
                self._pages.popitem(last=False)
        return key

    def get(self, key: str) -> Answer | None:
        """The stored answer, or None when it has expired or been pushed out."""
        with self._lock:
            entry = self._pages.get(key)
            if entry is None:
                return None
            stored, answer = entry
            if time.monotonic() - stored > self.ttl_seconds:
                del self._pages[key]
                return None
            return answer

    def __len__(self) -> int:
        return len(self._pages)


@dataclass
class UserRateLimit:
    """At most `per_minute` actions (questions, commands, button presses, inline queries, files) per sender in
    any 60 seconds; other senders are not affected."""

    per_minute: int
    window_seconds: float = 60.0
    max_users: int = 10_000
    _times: OrderedDict[int, deque[float]] = field(default_factory=OrderedDict)
    _warned: OrderedDict[int, float] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, user_id: int, now: float | None = None) -> bool:
        """Record a question from `user_id` if it is within the rate; False when it is not."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._times.setdefault(user_id, deque())
            self._times.move_to_end(user_id)
            while times and now - times[0] >= self.window_seconds:
                times.popleft()
            if len(times) >= self.per_minute:
                return False
            times.append(now)
            while len(self._times) > self.max_users:
                self._times.popitem(last=False)
            return True

    def should_warn(self, user_id: int, now: float | None = None) -> bool:
        """True for the first refused action of a sender in a window: the slow-down notice is sent
        once, not once a message (a flood of notices would be a flood of its own)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            warned = self._warned.get(user_id)
            if warned is not None and now - warned < self.window_seconds:
                return False
            self._warned[user_id] = now
            self._warned.move_to_end(user_id)
            while len(self._warned) > self.max_users:
                self._warned.popitem(last=False)
            return True


@dataclass
class ErrorNotices:
    """Errors are told to the admins at most once per `every_seconds`: a failing dependency must not
    flood their chats. Errors in between are only counted; the next notice gives the count."""

    every_seconds: float = 60.0
    _last: float | None = None
    _held: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def due(self, now: float | None = None) -> int | None:
        """For an error now: None when it is only counted, else how many errors were held back since
        the last notice (this error's notice reports them)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            if self._last is not None and now - self._last < self.every_seconds:
                self._held += 1
                return None
            held, self._last, self._held = self._held, now, 0
            return held


@dataclass
class Asked:
    """A question the bot is answering in a chat, and the message that answers it once sent."""

    at: float
    question: str
    message_id: int | None = None
    article: str | None = None  # the article the answer led with: "bà ấy" in a follow-up is of it


@dataclass
class Conversations:
    """What each chat asked the bot lately, so that a follow-up is read with the question it continues.

    Bounded (the newest chats, a few answers each) and forgetful (ten minutes).
    """

    ttl_seconds: float = 600.0
    max_chats: int = 10_000
    per_chat: int = 20
    _chats: OrderedDict[int, deque[Asked]] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def remember(self, chat_id: int, question: str, now: float | None = None) -> Asked:
        """The bot is answering `question` in `chat_id`. Remembered before the answer is sent, so that
        "còn …" typed as soon as it shows is read with it; set `message_id` on what is returned once
        the answer is sent, for replies to it."""
        now = time.monotonic() if now is None else now
        asked = Asked(now, question)
        with self._lock:
            chat = self._chats.setdefault(chat_id, deque(maxlen=self.per_chat))
            self._chats.move_to_end(chat_id)
            chat.append(asked)
            while len(self._chats) > self.max_chats:
                self._chats.popitem(last=False)
        return asked

    def earlier(self, chat_id: int, replied_to: int | None, follows_on: bool, now: float | None = None) -> Asked | None:
        """What a message continues: the question the bot's replied-to answer answered, or (for a
        message opening with "còn", "thế còn") the chat's latest; None when there is none or it is old."""
        now = time.monotonic() if now is None else now
        with self._lock:
            asked = [a for a in self._chats.get(chat_id, ()) if now - a.at <= self.ttl_seconds]
        if replied_to is not None:
            for earlier in reversed(asked):
                if earlier.message_id == replied_to:
                    return earlier
        if follows_on and asked:
            return asked[-1]
        return None
