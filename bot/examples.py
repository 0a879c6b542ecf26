"""Example questions drawn from the loaded corpus, each one that the bot itself answers.

/help, /start and the "not found" reply show them, so the examples always fit the articles being
served, whatever the corpus (the shipped seed article, the politics corpus, an office's own).
"""

from __future__ import annotations

import re

from bot.answer import Answerer

# "sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW": the event a title reports, ending at the document.
_EVENT = re.compile(
    r"(?P<event>(?:sơ kết|tổng kết|triển khai|quán triệt|học tập|thực hiện)\s.{0,60}?"
    r"(?:Chỉ thị|Nghị quyết|Kết luận|Quy định)\s+(?:số\s+)?\d[\w/.-]*)",
    re.IGNORECASE,
)
TEMPLATES = (
    "Ai dự hội nghị {event}?",
    "Ai chủ trì hội nghị {event}?",
    "Bao nhiêu tập thể được khen thưởng tại hội nghị {event}?",
    "Hội nghị {event} diễn ra khi nào?",
)
MAX_TRIES = 40  # questions asked at most (a few milliseconds each, at start-up and reload)


def example_questions(answerer: Answerer, limit: int = 3) -> tuple[str, ...]:
    """Up to `limit` questions about different articles, each answered surely from its own article."""
    articles = sorted(answerer.index.articles, key=lambda a: (a.date is not None, a.date), reverse=True)
    found: list[str] = []
    tries = 0
    for article in articles:
        match = _EVENT.search(article.title)
        if match is None:
            continue
        event = match.group("event")
        for template in TEMPLATES:
            tries += 1
            question = template.format(event=event[0].lower() + event[1:])
            answer = answerer.answer(question)
            if answer.found and answer.best is not None and answer.best.article.id == article.id:
                found.append(question)
                break
            if tries >= MAX_TRIES:
                return tuple(found)
        if len(found) >= limit:
            break
    return tuple(found)
