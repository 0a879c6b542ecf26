"""The Telegram replies (HTML parse mode) for answers: sentence, citation, other articles.

Every string a user reads is here, in Vietnamese; everything inserted is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.answer import MAX_QUESTION_CHARS, Answer, Finding, Status
from bot.claims import Verdict
from bot.corpus import Article, LoadProblem
from bot.service import ReloadOutcome, Usage
from bot.text import number
from bot.trash import Removal

if TYPE_CHECKING:  # the audit log itself uses this module's Vietnam time
    from bot.audit import Entry

TELEGRAM_LIMIT = 4096
MAX_LINK_CHARS = 600  # longer links are left out rather than cut (a cut link is a broken link)
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def vietnam_time(moment: dt.datetime) -> str:
    """`HH:MM dd/mm/yyyy` in Vietnam time, whatever zone the server runs in."""
    return moment.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")


def format_date(article: Article) -> str | None:
    """`dd/mm/yyyy`, with `HH:MM` before it when the time is known."""
    if article.date is None:
        return None
    day = article.date.strftime("%d/%m/%Y")
    return f"{article.time.strftime('%H:%M')} {day}" if article.time else day


def _e(text: str, limit: int | None = None) -> str:
    """`text` escaped for HTML, cut (with an ellipsis) so that the escaped form has at most `limit` characters."""
    escaped = html.escape(text, quote=True)
    if limit is None or len(escaped) <= limit:
        return escaped
    cut = limit - 1
    while len(escaped := html.escape(text[:cut].rstrip(), quote=True) + "…") > limit:
        cut -= max(1, len(escaped) - limit)
    return escaped


def _sentence_html(finding: Finding, limit: int = 1500) -> str:
    sentence = finding.sentence
    if finding.highlight:
        start, end = finding.highlight
        head, mark, tail = _e(sentence[:start]), _e(sentence[start:end]), sentence[end:]
        if len(head) + len(mark) < limit - 10:
            return head + "<b>" + mark + "</b>" + _e(tail, max(1, limit - len(head) - len(mark)))
    return _e(sentence, limit)


def citation_html(article: Article) -> str:
    """Title (linked when the article has a URL), then source and date."""
    title = _e(article.title, 300)
    link = _e(article.url) if article.url else ""
    lines = [f'📰 <a href="{link}">{title}</a>' if link and len(link) <= MAX_LINK_CHARS else f"📰 <b>{title}</b>"]
    details = [d for d in (f"Nguồn: {_e(article.source, 120)}" if article.source else None, format_date(article)) if d]
    if details:
        lines.append(" · ".join(details))
    return "\n".join(lines)


FINDING_SENTENCE_LIMIT = 1200  # characters of a sentence shown with its own citation


def format_finding(finding: Finding, sentence_limit: int = FINDING_SENTENCE_LIMIT) -> str:
    """One article's answer on its own: the sentence, then the citation."""
    return _sentence_html(finding, sentence_limit) + "\n\n" + citation_html(finding.article)


PAGE_SIZE = 2  # findings on each "more results" page
UNSURE_ARTICLES = 3  # articles an unsure reply lists


def _on_first_page(answer: Answer) -> int:
    """How many findings the reply itself shows in full."""
    return 1 if answer.found else UNSURE_ARTICLES


def page_count(answer: Answer) -> int:
    """Pages of an answer: the reply itself, then the other articles PAGE_SIZE at a time."""
    if answer.status not in (Status.ANSWER, Status.UNSURE):
        return 1
    return 1 + -(-max(0, len(answer.findings) - _on_first_page(answer)) // PAGE_SIZE)


def format_page(answer: Answer, page: int, examples: Sequence[str] = ()) -> str:
    """Page 0 is the reply; later pages show the next articles' answers in full."""
    if page <= 0 or answer.status not in (Status.ANSWER, Status.UNSURE):
        return format_reply(answer, examples=examples)
    first = _on_first_page(answer) + (page - 1) * PAGE_SIZE
    findings = answer.findings[first : first + PAGE_SIZE]
    header = f"<b>Kết quả khác</b> ({page + 1}/{page_count(answer)}) cho: <i>{_e(answer.question, 300)}</i>"
    # The sentences share what the header and the citations leave of the message (a highlight's
    # <b></b> comes on top of a sentence's limit).
    room = TELEGRAM_LIMIT - len(header) - sum(len(citation_html(f.article)) + 4 for f in findings)
    limit = min(FINDING_SENTENCE_LIMIT, room // max(1, len(findings)) - len("<b></b>"))
    reply = "\n\n".join([header, *(format_finding(f, limit) for f in findings)])
    assert len(reply) <= TELEGRAM_LIMIT, len(reply)
    return reply


def related_line(finding: Finding) -> str:
    """One line for another relevant article: title and date."""
    date = format_date(finding.article)
    title = _e(finding.article.title, 200)
    return f"• {title}" + (f" ({date})" if date else "")


NOT_FOUND_TEXT = (
    "Xin lỗi, tôi không tìm thấy thông tin trả lời câu hỏi này trong kho bài viết.\n"
    "Bạn thử diễn đạt lại, nêu rõ tên chỉ thị, nghị quyết, hội nghị, cơ quan hoặc địa phương"
)
EMPTY_TEXT = "Bạn hãy gõ một câu hỏi"
TOO_LONG_TEXT = f"Câu hỏi dài quá (tối đa {number(MAX_QUESTION_CHARS)} ký tự). Bạn hãy hỏi ngắn gọn một ý"
NO_TERMS_TEXT = "Câu hỏi chưa có từ khóa để tìm. Bạn hãy nêu rõ sự kiện, văn bản hoặc cơ quan muốn hỏi"


def with_example(text: str, examples: Sequence[str]) -> str:
    """A hint, ending with an example question about the articles served when there is one."""
    return f"{text}, ví dụ: <i>{_e(examples[0], 300)}</i>" if examples else f"{text}."


UNSURE_TEXT = "Tôi chưa tìm được câu trả lời chắc chắn. Các bài viết gần nhất với câu hỏi:"
UNCLEAR_TEXT = "Chưa rõ: tôi chưa tìm được câu nào khẳng định hay bác bỏ điều này. Các bài viết gần nhất:"
# A yes/no question's answer opens with what the sentence says of the claim.
VERDICT_TEXT = {Verdict.YES: "Đúng.", Verdict.NO: "Không đúng."}
SEARCH_TEXT = "Các bài viết phù hợp nhất với «{query}»:"
UNSURE_SENTENCE_LIMIT = 400


def format_unsure(answer: Answer) -> str:
    """No sentence to vouch for (or a search, which asks none): one plain line, then the closest
    articles, each with its best sentence."""
    findings = answer.findings[:UNSURE_ARTICLES]
    citations = [citation_html(f.article) for f in findings]
    # The sentences share what the line and the citations leave of the message.
    overhead = len("\n\n9. \n<i></i>")
    if answer.search:
        header = SEARCH_TEXT.format(query=_e(answer.question.strip(), 200))
    else:
        header = UNCLEAR_TEXT if answer.verdict is not None else UNSURE_TEXT
    room = TELEGRAM_LIMIT - len(header) - sum(len(c) + overhead for c in citations)
    limit = min(UNSURE_SENTENCE_LIMIT, room // max(1, len(findings)))
    parts = [header]
    for position, (finding, citation) in enumerate(zip(findings, citations, strict=True), start=1):
        # The sentence is shown as a lead, not as the answer: nothing in it is bold.
        parts.append(f"{position}. {citation}\n<i>{_e(finding.sentence, limit)}</i>")
    reply = "\n\n".join(parts)
    assert len(reply) <= TELEGRAM_LIMIT, len(reply)
    return reply


def format_reply(answer: Answer, related: int = 2, examples: Sequence[str] = ()) -> str:
    """The Telegram message (HTML) for an answer: sentence, citation, then other articles.

    `examples` are questions about the articles served, offered when nothing could be answered.
    """
    if answer.status is Status.EMPTY:
        return with_example(EMPTY_TEXT, examples)
    if answer.status is Status.TOO_LONG:
        return with_example(TOO_LONG_TEXT, examples)
    if answer.status is Status.NO_TERMS:
        return with_example(NO_TERMS_TEXT, examples)
    if answer.status is Status.UNSURE and answer.findings:
        return format_unsure(answer)
    if not answer.found or answer.best is None:
        return with_example(NOT_FOUND_TEXT, examples)
    best = answer.best
    parts = [_sentence_html(best), citation_html(best.article)]
    if answer.verdict in VERDICT_TEXT:
        parts[0] = f"<b>{VERDICT_TEXT[answer.verdict]}</b> {parts[0]}"
    others = [related_line(f) for f in answer.findings[1 : 1 + related]]
    if others:
        parts.append("<b>Bài liên quan:</b>\n" + "\n".join(others))
    reply = "\n\n".join(parts)
    assert len(reply) <= TELEGRAM_LIMIT, len(reply)
    return reply


def format_stats(
    articles: int, passages: int, loaded_at: dt.datetime, started_at: dt.datetime, usage: Usage, reloading: bool
) -> str:
    """/stats (HTML): what is served, how questions went since start, the latest left unanswered."""
    asked = usage.answered + usage.unsure + usage.not_found
    lines = [
        f"Bài viết: {number(articles)}; đoạn: {number(passages)}",
        f"Nạp lần cuối: {vietnam_time(loaded_at)} (giờ Việt Nam)",
        f"Câu hỏi từ {vietnam_time(started_at)}: {number(asked)}",
        f"• trả lời được: {number(usage.answered)}",
        f"• chưa chắc chắn: {number(usage.unsure)}",
        f"• không tìm thấy: {number(usage.not_found)}",
        f"Đang nạp lại: {'có' if reloading else 'không'}",
    ]
    if usage.unanswered:
        lines.append(f"\n<b>{len(usage.unanswered)} câu hỏi không tìm thấy câu trả lời gần nhất:</b>")
        lines += [f"• {_e(question, 200)}" for question in usage.unanswered]
    return "\n".join(lines)


def format_reload(outcome: ReloadOutcome) -> str:
    """What a reload changed (plain text): the corpus's size, the articles added, removed and
    edited, the files and lines skipped."""
    lines = [
        f"Đã nạp lại trong {number(outcome.seconds, 1)} giây: {number(outcome.articles)} bài, "
        f"{number(outcome.passages)} đoạn.",
        f"Thêm {number(len(outcome.added))}, bớt {number(len(outcome.removed))}, sửa {number(len(outcome.changed))} bài "
        f"(tách từ {number(outcome.articles_segmented)} bài).",
    ]
    for label, ids in (("Thêm", outcome.added), ("Bớt", outcome.removed), ("Sửa", outcome.changed)):
        if ids:
            lines.append(f"{label}: {', '.join(ids[:10])}" + (" …" if len(ids) > 10 else ""))
    if outcome.skipped:
        lines.append(f"Bỏ qua {number(len(outcome.skipped))} tệp/dòng lỗi:")
        lines += [f"• {p}" for p in outcome.skipped[:10]]
    return "\n".join(lines)[:4000]


def format_reload_failed(reason: str, problems: Sequence[LoadProblem], articles: int) -> str:
    """Why a reload failed (plain text), and that the corpus served is unchanged."""
    lines = [f"Không nạp lại được: {reason}.", f"Bot vẫn dùng kho cũ ({number(articles)} bài)."]
    lines += [f"• {p}" for p in problems[:10]]
    return "\n".join(lines)[:4000]


def format_error_notice(what: str, error: str, held: int, when: dt.datetime) -> str:
    """The admins' notice of an error (HTML): when, while doing what, which error, and how many
    errors since the last notice went unreported."""
    lines = [f"⚠️ Bot gặp lỗi lúc {vietnam_time(when)} khi {_e(what, 100)}: <code>{_e(error, 300)}</code>"]
    if held:
        lines.append(f"Kể từ lần báo trước còn {number(held)} lỗi khác (mỗi phút chỉ báo một lần).")
    lines.append("Chi tiết xem trong nhật ký (log) của bot.")
    return "\n".join(lines)


LISTED = 8  # articles, and problems, an admin's report lists (the rest are counted)


def problem_line(problem: LoadProblem) -> str:
    """A skipped line or file of an upload, for the admin: where (the line), then why."""
    where = f"dòng {number(problem.line)}: " if problem.line else ""
    return f"• {where}{_e(problem.reason, 200)}"


def _listed(lines: list[str], total: int) -> list[str]:
    return lines[:LISTED] + ([f"• … và {number(total - LISTED)} mục nữa"] if total > LISTED else [])


def format_upload(filename: str, added: Sequence[Article], skipped: Sequence[LoadProblem], articles: int) -> str:
    """What an upload added (titles, dates, ids for /xoa) and skipped, and the corpus size after it."""
    lines = [f"Đã thêm {number(len(added))} bài từ tệp «{_e(filename, 200)}»:"]
    lines += _listed(
        [
            f"• {_e(a.title, 150)}" + (f" ({format_date(a)})" if a.date else "") + f" · mã <code>{_e(a.id, 60)}</code>"
            for a in added
        ],
        len(added),
    )
    if skipped:
        lines.append(f"Bỏ qua {number(len(skipped))} mục:")
        lines += _listed([problem_line(p) for p in skipped], len(skipped))
    lines.append(f"Kho hiện có {number(articles)} bài.")
    return "\n".join(lines)


def format_upload_refused(filename: str, reason: str, problems: Sequence[LoadProblem]) -> str:
    """Why an uploaded file added nothing."""
    lines = [f"Không thêm được tệp «{_e(filename, 200)}»: {_e(reason, 300)}."]
    lines += _listed([problem_line(p) for p in problems], len(problems))
    lines.append("Chưa có gì được ghi vào kho.")
    return "\n".join(lines)


def format_link_added(article: Article, articles: int) -> str:
    """An article added from a link: its citation (title, source, date) and its id."""
    return (
        f"Đã thêm bài từ liên kết:\n{citation_html(article)}\n"
        f"Mã bài: <code>{_e(article.id, 100)}</code> · kho hiện có {number(articles)} bài."
    )


def format_link_refused(reason: str) -> str:
    """Why a link added nothing."""
    return f"Không thêm được bài từ liên kết: {_e(reason, 300)}.\nChưa có gì được ghi vào kho."


def format_removed(article: Article, articles: int) -> str:
    """An article taken out of the corpus, and how to bring it back."""
    return (
        f"Đã xoá bài «{_e(article.title, 300)}» (mã <code>{_e(article.id, 100)}</code>) khỏi kho; "
        f"bài được cất vào thùng rác, gõ /hoantac để khôi phục.\nKho hiện có {number(articles)} bài."
    )


def format_restored(removal: Removal, articles: int) -> str:
    """An article put back by /hoantac."""
    return (
        f"Đã khôi phục bài «{_e(removal.title, 300)}» (mã <code>{_e(removal.article_id, 100)}</code>).\n"
        f"Kho hiện có {number(articles)} bài."
    )


def format_audit(entries: Sequence[Entry]) -> str:
    """/nhatky (HTML): the latest admin actions, newest first, as many as one message holds."""
    if not entries:
        return "Nhật ký chưa có thao tác nào của quản trị viên."
    lines = ["<b>Thao tác gần nhất của quản trị viên (mới nhất trước):</b>"]
    for entry in entries:
        line = (
            f"• {vietnam_time(entry.time)} · {_e(entry.user, 40)}{f' ({entry.user_id})' if entry.user_id else ''} · "
            f"{_e(entry.action, 120)}\n"
            f"  {'✅' if entry.ok else '❌'} {_e(entry.result, 200)}"
        )
        if sum(len(x) + 1 for x in lines) + len(line) > TELEGRAM_LIMIT:
            break
        lines.append(line)
    return "\n".join(lines)


def plain_text(reply_html: str) -> str:
    """The text a reader sees: tags removed, entities unescaped."""
    return html.unescape(re.sub(r"<[^>]+>", "", reply_html))
