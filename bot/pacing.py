"""The pace of the bot's requests to Telegram, chat by chat.

Telegram's flood control (a 429 with retry_after) concerns the chat it answered for, so its pause
holds back that chat only; a 429 outside any chat holds back everything. Requests into chats also
keep to an overall bound (MESSAGES_PER_SECOND) and to 20 messages a minute in each group, as
Telegram asks of bots.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

from aiolimiter import AsyncLimiter

GROUP_PER_MINUTE = 20
Chat = int | str | None  # a chat id, "@channel", or None for a request outside any chat


def chat_key(chat_id: object) -> Chat:
    """The chat a request's chat_id names (PTB may pass it as a string of digits)."""
    if chat_id is None:
        return None
    with contextlib.suppress(ValueError, TypeError):
        return int(chat_id)  # type: ignore[call-overload]
    return str(chat_id)


class ChatPacer:
    """Turns for requests: a paused chat waits out its own pause; the others go on."""

    def __init__(self, per_second: float, max_chats: int = 512) -> None:
        self.max_chats = max_chats
        self._overall = AsyncLimiter(per_second, 1)
        self._groups: dict[int | str, AsyncLimiter] = {}
        self._paused: dict[Chat, float] = {}  # chat -> time.monotonic() its pause ends

    def pause(self, chat: Chat, seconds: float) -> None:
        """Holds back requests into `chat` (None: all requests) for `seconds`."""
        now = time.monotonic()
        self._paused[chat] = max(now + seconds, self._paused.get(chat, now))
        if len(self._paused) > self.max_chats:
            self._paused = {c: until for c, until in self._paused.items() if until > now}

    @contextlib.asynccontextmanager
    async def turn(self, chat: Chat) -> AsyncIterator[None]:
        """Waits until a request into `chat` may go: past its pauses, within the group and overall rates."""
        while (wait := self._pause_left(chat)) > 0:
            await asyncio.sleep(wait)
        async with contextlib.AsyncExitStack() as limits:
            group = chat if isinstance(chat, str) or (chat is not None and chat < 0) else None
            if group is not None:
                await limits.enter_async_context(self._group(group))
            if chat is not None:  # as Telegram counts: messages into chats, not answers to queries
                await limits.enter_async_context(self._overall)
            yield

    def _pause_left(self, chat: Chat) -> float:
        ends = max(self._paused.get(None, 0.0), self._paused.get(chat, 0.0))
        return ends - time.monotonic()

    def _group(self, group: int | str) -> AsyncLimiter:
        if group not in self._groups and len(self._groups) >= self.max_chats:  # forget the idle ones
            self._groups = {g: limit for g, limit in self._groups.items() if not limit.has_capacity(limit.max_rate)}
        return self._groups.setdefault(group, AsyncLimiter(GROUP_PER_MINUTE, 60))
