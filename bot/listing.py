"""The Telegram replies (HTML parse mode) for browsing: a document's card and the articles citing
it, the newest articles, and what the corpus holds. Every string a user reads is here, in
Vietnamese with Vietnamese numbers and dates; everything inserted is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.corpus import Article
from bot.documents import Citation, Document
from bot.reply import TELEGRAM_LIMIT, _e, format_date
from bot.text import number

LIST_LINK_CHARS = 250  # longer links are left out of a list (a cut link is a broken link)
DOCUMENT_PAGE_SIZE = 5  # citing articles on each page of a document
NEWEST_PAGE_SIZE = 8
MAX_CANDIDATES = 8  # documents offered as buttons when a number is ambiguous

DOCUMENT_USAGE = "Gõ số hiệu hoặc tên văn bản ngay sau lệnh"
NO_DOCUMENTS = "Kho bài viết chưa nhắc đến văn bản nào có số hiệu."
DOCUMENT_NOT_FOUND = "Không tìm thấy văn bản «{query}» trong các bài viết. Bạn thử gõ số hiệu khác"
DOCUMENT_EXPIRED = "Văn bản này không còn trong kho bài viết. Bạn hãy tìm lại nhé."
NO_DATED_ARTICLES = "Kho chưa có bài viết nào ghi ngày đăng, nên tôi chưa biết bài nào mới nhất."


def _day(day: object) -> str:
    return f"{day:%d/%m/%Y}"


def corpus_summary(articles: Sequence[Article]) -> str:
    """How many articles, how many carry a date, and from when to when: "7.891 bài viết, 1 bài có ngày đăng (02/04/2021)"."""
    dates = [a.date for a in articles if a.date]
    total = f"<b>{number(len(articles))}</b> bài viết"
    if not dates:
        return f"{total} (chưa bài nào ghi ngày đăng)"
    first, last = min(dates), max(dates)
    span = f"từ {_day(first)} đến {_day(last)}" if first != last else f"ngày {_day(first)}"
    if len(dates) == len(articles):
        return f"{total}, đăng {span}"
    return f"{total}, {number(len(dates))} bài có ngày đăng ({span if first != last else _day(first)})"


def document_usage(documents: Sequence[Document]) -> str:
    """How to use /vanban, with the most cited numbered document as the example."""
    documents = _numbered(documents)
    if not documents:
        return NO_DOCUMENTS
    example = f"{documents[0].kind.lower()} {documents[0].number}"
    return f"{DOCUMENT_USAGE}, ví dụ: <code>/vanban {_e(example)}</code> hoặc <code>/vanban {_e(documents[0].code or example)}</code>"


def _numbered(documents: Sequence[Document]) -> list[Document]:
    """The documents with a number (a law cited by its title alone makes no example of "kind number")."""
    return [d for d in documents if d.number]


def document_not_found(query: str, documents: Sequence[Document]) -> str:
    """Nothing matched: say so, with an example that does."""
    text = DOCUMENT_NOT_FOUND.format(query=_e(query.strip(), 200))
    documents = _numbered(documents)
    if not documents:
        return text + "."
    return f"{text}, ví dụ: <code>/vanban {_e(documents[0].kind.lower())} {_e(documents[0].number)}</code>"


def _facts(document: Document) -> str:
    """ "Bộ Chính trị · 2016": who and when, for a button or a heading."""
    return " · ".join(str(v) for v in (document.issuer or "chưa rõ cơ quan ban hành", document.year) if v)


def candidate_label(document: Document) -> str:
    """A button's text (plain, not HTML) for one of several documents with the same number."""
    return f"{document.name} · {_facts(document)} ({number(len(document.citations))} bài)"[:120]


def format_candidates(query: str, documents: Sequence[Document]) -> str:
    """Several documents fit: ask which one (the buttons list them, most cited first)."""
    shown = min(len(documents), MAX_CANDIDATES)
    text = f"Có {number(len(documents))} văn bản khớp với «{_e(query.strip(), 200)}». Bạn muốn xem văn bản nào?"
    if len(documents) > shown:
        text += f"\nDưới đây là {shown} văn bản được nhắc đến nhiều nhất; gõ rõ hơn (loại, số hiệu, năm) để thu hẹp."
    return text


def _title(article: Article) -> str:
    """The title, linked when the article has a (short enough) URL."""
    title = _e(article.title, 150)
    link = _e(article.url) if article.url else ""
    return f'<a href="{link}">{title}</a>' if link and len(link) <= LIST_LINK_CHARS else f"<b>{title}</b>"


def _details(article: Article) -> str:
    """ "02/04/2021 · Báo Hà Nội Mới"."""
    return " · ".join(d for d in (format_date(article), _e(article.source, 80) if article.source else None) if d)


def _article_line(number: int, article: Article) -> str:
    details = _details(article)
    return f"{number}. {_title(article)}" + (f"\n{details}" if details else "")


def _quoted(citation: Citation, articles: Sequence[Article]) -> str:
    """The sentence a fact came from, then the article it is in."""
    article = articles[citation.article]
    details = _details(article)
    return f"<i>«{_e(citation.sentence, 400)}»</i>\n— {_title(article)}" + (f" · {details}" if details else "")


def document_pages(citing: Sequence[Article]) -> int:
    return max(1, -(-len(citing) // DOCUMENT_PAGE_SIZE))


def format_document_page(
    document: Document, citing: Sequence[Article], articles: Sequence[Article], page: int = 0
) -> str:
    """Page 0 is the document's card, then the first citing articles; later pages list the next ones.

    `citing` are the articles citing it, newest first; `articles` are the index's, where its citations point.
    """
    pages = document_pages(citing)
    page = max(0, min(page, pages - 1))
    first = page * DOCUMENT_PAGE_SIZE
    shown = citing[first : first + DOCUMENT_PAGE_SIZE]
    parts: list[str] = []
    if page == 0:
        lines = [f"📄 <b>{_e(document.name, 200)}</b>"]
        if document.issuer and document.issuer_citation is None:
            lines.append(f"Cơ quan ban hành: {_e(document.issuer, 150)} (theo ký hiệu văn bản)")
        else:
            lines.append(f"Cơ quan ban hành: {_e(document.issuer or 'chưa rõ', 150)}")
        if document.date:
            lines.append(f"Ngày ban hành: {_day(document.date)}")
        elif document.year:
            lines.append(f"Năm ban hành: {document.year}")
        else:
            lines.append("Ngày ban hành: chưa rõ")
        if document.subject and document.subject_citation:
            lines.append(f"Về: {_e(document.subject, 400)}")
            lines.append(_quoted(document.subject_citation, articles))
        lines.append(f"Số bài viết nhắc đến: <b>{number(len(citing))}</b>")
        parts.append("\n".join(lines))
        heading = "<b>Các bài viết nhắc đến</b>, mới nhất trước"
    else:
        heading = f"<b>{_e(document.name, 200)}</b>: các bài viết nhắc đến"
    parts.append(heading + (f" ({page + 1}/{pages}):" if pages > 1 else ":"))
    parts.append("\n".join(_article_line(first + n, a) for n, a in enumerate(shown, start=1)))
    reply = "\n\n".join(parts)
    assert len(reply) <= TELEGRAM_LIMIT, len(reply)
    return reply


def newest_pages(newest: Sequence[Article]) -> int:
    return max(1, -(-len(newest) // NEWEST_PAGE_SIZE))


def format_newest_page(newest: Sequence[Article], page: int = 0) -> str:
    """A page of the dated articles, newest first."""
    if not newest:
        return NO_DATED_ARTICLES
    pages = newest_pages(newest)
    page = max(0, min(page, pages - 1))
    first = page * NEWEST_PAGE_SIZE
    heading = f"<b>Bài viết mới nhất</b> ({page + 1}/{pages}, {number(len(newest))} bài có ngày đăng):"
    lines = [_article_line(first + n, a) for n, a in enumerate(newest[first : first + NEWEST_PAGE_SIZE], start=1)]
    reply = heading + "\n\n" + "\n".join(lines)
    assert len(reply) <= TELEGRAM_LIMIT, len(reply)
    return reply
