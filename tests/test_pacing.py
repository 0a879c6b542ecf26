"""ChatPacer: a flood-control pause holds back its own chat only; the overall and group rates hold."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.pacing import GROUP_PER_MINUTE, ChatPacer, chat_key


async def _turn_takes(pacer: ChatPacer, chat: int | str | None) -> float:
    start = time.monotonic()
    async with pacer.turn(chat):
        return time.monotonic() - start


async def test_a_pause_holds_back_its_own_chat_only():
    pacer = ChatPacer(30)
    pacer.pause(1, 0.5)
    assert await _turn_takes(pacer, 2) < 0.1
    assert await _turn_takes(pacer, None) < 0.1
    assert 0.4 < await _turn_takes(pacer, 1) < 0.7


async def test_a_pause_outside_any_chat_holds_back_every_chat():
    pacer = ChatPacer(30)
    pacer.pause(None, 0.3)
    for chat in (1, -100500, "@kenh", None):
        assert await _turn_takes(pacer, chat) > 0.2
        pacer.pause(None, 0.3)


async def test_a_shorter_pause_never_shortens_a_longer_one():
    pacer = ChatPacer(30)
    pacer.pause(1, 0.5)
    pacer.pause(1, 0.1)
    assert await _turn_takes(pacer, 1) > 0.4


async def test_turns_into_chats_keep_to_the_overall_rate_and_queries_outside_chats_are_not_counted():
    pacer = ChatPacer(5)
    start = time.monotonic()
    for chat in range(1, 11):  # five at once, then five a second
        async with pacer.turn(chat):
            pass
    assert time.monotonic() - start > 0.8
    assert await _turn_takes(pacer, None) < 0.1


async def test_a_group_gets_twenty_turns_a_minute_and_other_chats_go_on():
    pacer = ChatPacer(1000)
    for _ in range(GROUP_PER_MINUTE):
        async with pacer.turn(-100500):
            pass
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(_turn_takes(pacer, -100500), 0.3)
    assert await _turn_takes(pacer, -100600) < 0.1
    assert await _turn_takes(pacer, 1) < 0.1


async def test_ended_pauses_are_forgotten_once_many_chats_were_paused():
    pacer = ChatPacer(30, max_chats=3)
    for chat in range(3):
        pacer.pause(chat, 0)
    pacer.pause(3, 10)
    assert list(pacer._paused) == [3]


def test_a_chat_id_given_as_digits_is_the_same_chat():
    assert chat_key("-100500") == chat_key(-100500) == -100500
    assert chat_key("@kenh") == "@kenh"
    assert chat_key(None) is None
