"""A local fake of the Telegram Bot API for end-to-end tests of python-telegram-bot bots.

The bot under test talks HTTP to this server (``ApplicationBuilder().base_url(api.base_url)``,
or env TELEGRAM_BASE_URL for a subprocess); the test feeds updates in and waits for what the
bot sends back::

    with FakeBotApi() as api:
        bot = start_bot_subprocess(TELEGRAM_BASE_URL=api.base_url, token=api.token)
        api.private_message("/start")
        reply = api.wait_for("sendMessage", lambda c: c.params["chat_id"] == 1001)

How PTB encodes a request: ``POST {base_url}{token}/{method}`` with a form body (multipart when
files are attached) in which every value is a string: ``str`` values as they are, everything
else ``json.dumps``-ed (ints ``"5"``, booleans ``"true"``, objects such as reply_markup,
reply_parameters, results, commands as JSON text). ``ApiCall.params`` decodes them back.

Standard library only; the server runs in a daemon thread and is safe to use from any thread.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import json
import re
import socket
import sys
import threading
import time
import traceback
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = [
    "ApiCall",
    "FakeBotApi",
    "HtmlError",
    "find_entities",
    "parse_html",
    "utf16_len",
]

MAX_MESSAGE_LENGTH = 4096
MAX_DOWNLOAD_SIZE = 20 * 1024 * 1024  # getFile refuses bigger files, as Telegram does for bots
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
POLL_CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"

# Update types Telegram leaves out unless they are listed in allowed_updates.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
# fmt: off
_CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
})
# Parameters whose values are strings even when they look like numbers or JSON.
_STRING_PARAMS = frozenset({
    "text", "caption", "parse_mode", "query", "description", "short_description", "name",
    "language_code", "callback_query_id", "inline_query_id", "inline_message_id", "url",
    "next_offset", "switch_pm_text", "switch_pm_parameter", "action", "secret_token",
    "ip_address", "message_effect_id", "business_connection_id", "title", "emoji",
    "custom_emoji_id", "question", "explanation", "address", "phone_number", "first_name",
    "last_name", "vcard", "payload", "currency", "start_parameter", "error_message",
    "game_short_name", "file_id",
})
# fmt: on
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request",
    429: "Too Many Requests: retry after ",
    500: "Internal Server Error",
    502: "Bad Gateway",
}
# Who a message sent on behalf of a chat is "from", as Telegram fills it in.
_ANONYMOUS_ADMIN = {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}
_CHANNEL_BOT = {"id": 136817688, "is_bot": True, "first_name": "Channel", "username": "Channel_Bot"}
_INT_RE = re.compile(r"-?\d+")
_FLOAT_RE = re.compile(r"-?\d+\.\d+(?:[eE][-+]?\d+)?")


@dataclass
class ApiCall:
    """One request the bot made, with its decoded parameters."""

    method: str  # e.g. "sendMessage" (canonical spelling for known methods)
    params: dict  # decoded: JSON values parsed, ints as int, booleans as bool
    time: float  # time.monotonic() when received
    response: dict | None = None  # the JSON body answered; None while a long poll is pending

    @property
    def ok(self) -> bool:
        """Whether the call was answered with ok=true."""
        return bool(self.response and self.response.get("ok"))


class _ApiError(Exception):
    """An error answer: HTTP status and Bot API error_code are the same."""

    def __init__(self, code: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters

    def body(self) -> dict:
        """The JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


class _HangUp(Exception):
    """Close the connection without answering."""


def _bad(description: str) -> _ApiError:
    """A 400 Bad Request error."""
    return _ApiError(400, f"Bad Request: {description}")


# --------------------------------------------------------------------------- text & entities


def utf16_len(text: str) -> int:
    """Length of text in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2


# As tdlib's match_bot_commands / match_mentions (mentions shorter than 5 are not usernames).
_COMMAND_RE = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/<>@])")
_MENTION_RE = re.compile(r"(?<!\w)@[A-Za-z0-9_]{5,32}(?!\w)")


def find_entities(text: str) -> list[dict]:
    """The bot_command and mention entities Telegram detects in plain text (UTF-16 offsets)."""
    spans = [("bot_command", m.start(), m.end()) for m in _COMMAND_RE.finditer(text)]
    for m in _MENTION_RE.finditer(text):
        if not any(start <= m.start() < end for _, start, end in spans):
            spans.append(("mention", m.start(), m.end()))
    spans.sort(key=lambda span: span[1])
    return [
        {
            "type": kind,
            "offset": utf16_len(text[:start]),
            "length": utf16_len(text[start:end]),
        }
        for kind, start, end in spans
    ]


class HtmlError(ValueError):
    """Text that Telegram's HTML parse mode rejects."""


# fmt: off
_HTML_TAGS = frozenset({
    "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
    "code", "pre", "blockquote", "tg-emoji",
})
# fmt: on
_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
}
_NAMED_REFS = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_REF_RE = re.compile(r"&(?:#[xX]([0-9a-fA-F]*)|#([0-9]*)|([A-Za-z]*))(;?)")


def _decode_ref(text: str, pos: int, strict: bool) -> tuple[str | None, int]:
    """Decode the character reference at text[pos] ('&'): (character or None, end position)."""
    match = _REF_RE.match(text, pos)
    assert match is not None
    hex_digits, dec_digits, name, semicolon = match.groups()
    if hex_digits is not None or dec_digits is not None:
        digits = hex_digits if hex_digits is not None else dec_digits
        if not digits or len(digits) > 7:
            return None, pos
        code = int(digits, 16 if hex_digits is not None else 10)
        if code == 0 or code >= 0x10FFFF:
            return None, pos
        if 0xD800 <= code <= 0xDFFF:
            raise HtmlError(
                "Text contains invalid Unicode characters after decoding HTML entities, "
                "check for unmatched surrogate code units"
            )
        char: str | None = chr(code)
    else:
        char = _NAMED_REFS.get(name)
    if char is None or (strict and not semicolon):
        return None, pos
    return char, match.end()


def parse_html(text: str, *, strict: bool = True) -> tuple[str, list[dict]]:
    """Parse Telegram HTML into (plain text, entities) or raise HtmlError as Telegram would.

    Follows tdlib's parser (tag set, error messages with UTF-8 byte offsets). With strict=True it
    also rejects a bare "&" or ">" and unknown or unterminated entities such as "&nbsp;", which
    Telegram itself would show literally, because they mean the bot forgot to escape something.
    """
    out: list[str] = []
    u16 = 0
    # Open tags: (name, attributes, UTF-16 offset, len(out)) at the start tag.
    stack: list[tuple[str, dict[str, str], int, int]] = []
    entities: list[dict] = []
    size = len(text)
    i = 0

    def at(k: int) -> str:
        return text[k] if k < size else ""

    def byte(k: int) -> int:
        return len(text[:k].encode("utf-8"))

    def skip_spaces(k: int) -> int:
        while k < size and text[k].isspace():
            k += 1
        return k

    while i < size:
        char = text[i]
        if char == "&":
            decoded, end = _decode_ref(text, i, strict)
            if decoded is not None:
                out.append(decoded)
                u16 += utf16_len(decoded)
                i = end
                continue
            if strict:
                raise HtmlError(
                    f'Unescaped "&" at byte offset {byte(i)}: write &amp; (the fake is stricter '
                    "than Telegram, which would show it literally)"
                )
        if char == ">" and strict:
            raise HtmlError(f'Unescaped ">" at byte offset {byte(i)}: write &gt; (the fake is stricter than Telegram)')
        if char != "<":
            out.append(char)
            u16 += utf16_len(char)
            i += 1
            continue

        begin = i
        i += 1
        if at(i) != "/":  # start tag
            while i < size and not text[i].isspace() and text[i] != ">":
                i += 1
            if i >= size:
                raise HtmlError(f"Unclosed start tag at byte offset {byte(begin)}")
            tag = text[begin + 1 : i].lower()
            if tag not in _HTML_TAGS:
                raise HtmlError(f'Unsupported start tag "{tag}" at byte offset {byte(begin)}')
            attrs: dict[str, str] = {}
            while True:
                i = skip_spaces(i)
                if i >= size:
                    raise HtmlError(f"Unclosed start tag at byte offset {byte(begin)}")
                if text[i] == ">":
                    break
                name_start = i
                while i < size and not text[i].isspace() and text[i] not in "=>":
                    i += 1
                attr = text[name_start:i].lower()
                if not attr:
                    raise HtmlError(f'Empty attribute name in the tag "{tag}" at byte offset {byte(begin)}')
                i = skip_spaces(i)
                if at(i) != "=":
                    if tag == "blockquote" and attr == "expandable" and i < size:
                        attrs[attr] = ""
                        continue
                    if i >= size:
                        raise HtmlError(f"Unclosed start tag at byte offset {byte(begin)}")
                    raise HtmlError(
                        "Expected equal sign in declaration of an attribute of the tag "
                        f'"{tag}" at byte offset {byte(begin)}'
                    )
                i = skip_spaces(i + 1)
                if i >= size:
                    raise HtmlError(f'Unclosed start tag "{tag}" at byte offset {byte(begin)}')
                if text[i] in "'\"":
                    quote, value_chars = text[i], []
                    i += 1
                    while i < size and text[i] != quote:
                        if text[i] == "&":
                            decoded, end = _decode_ref(text, i, False)
                            if decoded is not None:
                                value_chars.append(decoded)
                                i = end
                                continue
                        value_chars.append(text[i])
                        i += 1
                    i += 1  # the closing quote
                    value = "".join(value_chars)
                else:
                    token_start = i
                    while i < size and (text[i] in ".-" or (text[i].isascii() and text[i].isalnum())):
                        i += 1
                    value = text[token_start:i].lower()
                    if i < size and not text[i].isspace() and text[i] != ">":
                        raise HtmlError(f"Unexpected end of name token at byte offset {byte(token_start)}")
                if i >= size:
                    raise HtmlError(f"Unclosed start tag at byte offset {byte(begin)}")
                attrs[attr] = value
            i += 1  # the '>'
            if tag == "span" and attrs.get("class") != "tg-spoiler":
                raise HtmlError(f'Tag "span" must have class "tg-spoiler" at byte offset {byte(begin)}')
            if tag == "tg-emoji" and not attrs.get("emoji-id"):
                raise HtmlError(f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {byte(begin)}')
            stack.append((tag, attrs, u16, len(out)))
            continue

        # end tag
        if not stack:
            raise HtmlError(f"Unexpected end tag at byte offset {byte(begin)}")
        i += 1
        name_start = i
        while i < size and not text[i].isspace() and text[i] != ">":
            i += 1
        end_name = text[name_start:i].lower()
        i = skip_spaces(i)
        if at(i) != ">":
            raise HtmlError(f"Unclosed end tag at byte offset {byte(begin)}")
        i += 1
        tag, attrs, offset, out_index = stack.pop()
        if end_name and end_name != tag:
            raise HtmlError(
                f'Unmatched end tag at byte offset {byte(begin)}, expected "</{tag}>", found "</{end_name}>"'
            )
        if u16 > offset:
            _add_html_entity(entities, tag, attrs, offset, u16 - offset, "".join(out[out_index:]))
    if stack:
        raise HtmlError(f"Can't find end tag corresponding to start tag {stack[-1][0]}")
    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _add_html_entity(
    entities: list[dict],
    tag: str,
    attrs: dict[str, str],
    offset: int,
    length: int,
    inner: str,
) -> None:
    """Append the entity for a closed tag (merging <pre><code class="language-x">)."""
    entity: dict[str, Any] = {
        "type": _SIMPLE_TAGS.get(tag, tag),
        "offset": offset,
        "length": length,
    }
    if tag == "a":
        url = attrs.get("href") or inner
        user = re.fullmatch(r"tg://user\?id=(\d+)", url)
        if user:
            entity.update(
                type="text_mention",
                user={"id": int(user[1]), "is_bot": False, "first_name": inner},
            )
        else:
            entity.update(type="text_link", url=url)
    elif tag == "code":
        css = attrs.get("class", "")
        if css.startswith("language-") and len(css) > 9:
            entity["language"] = css[9:]
    elif tag == "pre":
        last = entities[-1] if entities else None
        if last and last["type"] == "code" and (last["offset"], last["length"]) == (offset, length):
            entities.pop()
            if "language" in last:
                entity["language"] = last["language"]
    elif tag == "blockquote":
        entity["type"] = "expandable_blockquote" if "expandable" in attrs else "blockquote"
    elif tag == "tg-emoji":
        entity.update(type="custom_emoji", custom_emoji_id=attrs["emoji-id"])
    entities.append(entity)


def _decode_value(name: str, value: Any) -> Any:
    """Turn one PTB-encoded form value back into the Python value it was made from."""
    if not isinstance(value, str) or name in _STRING_PARAMS:
        return value
    if value in ("true", "false"):
        return value == "true"
    if _INT_RE.fullmatch(value):
        return int(value)
    if _FLOAT_RE.fullmatch(value):
        return float(value)
    if value.startswith(("[", "{")):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _ascii_slug(name: str) -> str:
    """A lowercase ASCII rendering of a (Vietnamese) name, for usernames."""
    name = name.replace("đ", "d").replace("Đ", "D")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_name.lower()) or "user"


def _strip_reply(message: dict) -> dict:
    """A copy of a message fit to be placed in reply_to_message (Telegram does not nest them)."""
    message = copy.deepcopy(message)
    message.pop("reply_to_message", None)
    return message


# --------------------------------------------------------------------------- HTTP plumbing


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    api: FakeBotApi


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes: without this, Nagle + delayed ACK cost 40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.api._track_connection(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.api._track_connection(self.connection, add=False)

    def do_POST(self) -> None:
        self.server.api._serve(self)

    do_GET = do_POST

    def log_message(self, format: str, *args: Any) -> None:
        pass


# --------------------------------------------------------------------------- the fake


class FakeBotApi:
    """A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests (stdlib only)."""

    def __init__(
        self,
        token: str = "123456:TEST-TOKEN",
        *,
        bot_id: int = 123456,
        username: str = "DirectiveNewsBot",
        first_name: str = "Tin Chỉ thị",
        strict_html: bool = True,
    ) -> None:
        """Configure the fake; strict_html also rejects bare & and > (see parse_html)."""
        self.token = token
        self.strict_html = strict_html
        self.bot_user: dict = {
            "id": bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)  # new call, new update, or stopping
        self._calls: list[ApiCall] = []
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._allowed_updates: list[str] = []
        self._poll_generation = 0
        self._message_ids: dict[int, int] = {}
        self._messages: dict[tuple[int, int], dict] = {}
        self._sent: list[dict] = []
        self._chats: dict[int, dict] = {}
        self._users: dict[int, dict] = {}
        self._callback_queries: dict[str, bool] = {}  # id -> answered
        self._inline_queries: dict[str, bool] = {}
        self._query_ids = itertools.count(4_000_000_000_000_001)
        self._failures: dict[str, dict] = {}
        self._delays: dict[str, dict] = {}
        self._commands: dict[tuple[str, str], list] = {}
        self._descriptions: dict[str, str] = {}
        self._files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, content)
        self._webhook_url = ""
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._active_requests = 0
        self._started_at = time.monotonic()
        self._handlers: dict[str, Callable[[dict], Any]] = {
            "getMe": lambda p: dict(self.bot_user),
            "getUpdates": self._get_updates,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "answerCallbackQuery": self._answer_callback_query,
            "answerInlineQuery": self._answer_inline_query,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": lambda p: copy.deepcopy(self._commands.get(self._commands_key(p), [])),
            "deleteMyCommands": self._delete_my_commands,
            "sendChatAction": self._send_chat_action,
            "getFile": self._get_file,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyDescription": lambda p: self._set_description("description", p),
            "setMyShortDescription": lambda p: self._set_description("short_description", p),
            "close": lambda p: True,
            "logOut": lambda p: True,
        }
        self._canonical = {name.lower(): name for name in self._handlers}

    # ----------------------------------------------------------------- lifecycle

    def start(self, port: int = 0) -> None:
        """Bind `port` (default: a free one) on 127.0.0.1 and serve in a daemon thread."""
        if self._server is not None:
            raise RuntimeError("FakeBotApi already started")
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.api = self
        self._started_at = time.monotonic()
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.01},
            name="FakeBotApi",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Release long polls and delays, answer in-flight requests, close all connections."""
        if self._server is None or self._stopping.is_set():
            return
        with self._lock:
            self._stopping.set()
            self._changed.notify_all()
        self._server.shutdown()
        deadline = time.monotonic() + 2.0
        with self._lock:
            while self._active_requests and time.monotonic() < deadline:
                self._changed.wait(0.05)
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=2.0)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_BASE_URL / ApplicationBuilder().base_url(): PTB appends the token."""
        if self._server is None:
            raise RuntimeError("FakeBotApi not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    # ----------------------------------------------------------------- feeding updates

    def add_update(self, update: dict) -> int:
        """Queue an update for getUpdates; assigns, sets and returns its update_id."""
        with self._lock:
            update = copy.deepcopy(update)
            update["update_id"] = next(self._update_ids)
            self._updates.append(update)
            self._changed.notify_all()
            return update["update_id"]

    def private_message(
        self,
        text: str,
        *,
        user_id: int = 1001,
        first_name: str = "Lan",
        reply_to: dict | None = None,
    ) -> dict:
        """Queue a message from a user in their private chat with the bot; returns the Message."""
        with self._lock:
            user = self._user(user_id, first_name)
            chat = self._chats.setdefault(
                user_id,
                {
                    "id": user_id,
                    "type": "private",
                    "first_name": first_name,
                    "username": user["username"],
                },
            )
            return self._incoming_message(chat, user, text, reply_to, None)

    def group_message(
        self,
        text: str,
        *,
        chat_id: int = -100500,
        user_id: int = 1002,
        chat_type: str = "supergroup",
        reply_to: dict | None = None,
        thread_id: int | None = None,
        first_name: str = "Minh",
        title: str = "Nhóm thử nghiệm",
        sender_chat: dict | None = None,
    ) -> dict:
        """Queue a group message; thread_id makes it a forum-topic message. Returns the Message.

        As in Telegram, a topic message that replies to nothing gets reply_to_message = the
        topic's forum_topic_created service message. With sender_chat the message is sent on
        behalf of a chat: the group itself (an anonymous admin, from @GroupAnonymousBot) or a
        channel (from @Channel_Bot); user_id is then ignored.
        """
        with self._lock:
            user = self._user(user_id, first_name)
            chat = self._chats.setdefault(chat_id, {"id": chat_id, "type": chat_type, "title": title})
            chat["type"] = chat_type
            if thread_id is not None:
                chat["is_forum"] = True
            if sender_chat is not None:
                user = dict(_ANONYMOUS_ADMIN if sender_chat["id"] == chat_id else _CHANNEL_BOT)
            return self._incoming_message(chat, user, text, reply_to, thread_id, sender_chat)

    def private_document(
        self,
        content: bytes,
        file_name: str,
        *,
        user_id: int = 1001,
        first_name: str = "Lan",
        mime_type: str = "application/octet-stream",
        file_size: int | None = None,
    ) -> dict:
        """Queue a file sent by a user in their private chat; the bot can fetch it with getFile.

        file_size overrides the size Telegram reports (to test a size check without the bytes).
        """
        with self._lock:
            user = self._user(user_id, first_name)
            chat = self._chats.setdefault(
                user_id, {"id": user_id, "type": "private", "first_name": first_name, "username": user["username"]}
            )
            file_id = f"BQAC{len(self._files) + 1:06d}"
            suffix = file_name.rsplit(".", 1)[-1] if "." in file_name else "bin"
            self._files[file_id] = (f"documents/file_{len(self._files)}.{suffix}", bytes(content))
            message = {
                "message_id": self._next_message_id(chat["id"]),
                "from": user,
                "chat": dict(chat),
                "date": int(time.time()),
                "document": {
                    "file_id": file_id,
                    "file_unique_id": f"u{file_id}",
                    "file_name": file_name,
                    "mime_type": mime_type,
                    "file_size": len(content) if file_size is None else file_size,
                },
            }
            self._messages[(chat["id"], message["message_id"])] = message
            self.add_update({"message": message})
            return copy.deepcopy(message)

    def edit_message(self, message: dict, text: str) -> dict:
        """Queue an edited_message update: the user changed the text of `message`. Returns the Message."""
        with self._lock:
            key = (message["chat"]["id"], message["message_id"])
            edited = copy.deepcopy(self._messages.get(key, message))
            edited.update(text=text, edit_date=int(time.time()))
            edited.pop("entities", None)
            entities = find_entities(text)
            if entities:
                edited["entities"] = entities
            self._messages[key] = edited
            self.add_update({"edited_message": edited})
            return copy.deepcopy(edited)

    def callback_query(self, message: dict, data: str, *, user_id: int = 1001) -> str:
        """Queue a button press (callback_query) on a message the bot sent; returns the query id."""
        with self._lock:
            key = (message["chat"]["id"], message["message_id"])
            current = copy.deepcopy(self._messages.get(key, message))
            query_id = str(next(self._query_ids))
            self._callback_queries[query_id] = False
            self.add_update(
                {
                    "callback_query": {
                        "id": query_id,
                        "from": self._user(user_id),
                        "message": current,
                        "chat_instance": str(abs(hash(key[0])) % 10**18),
                        "data": data,
                    }
                }
            )
            return query_id

    def inline_query(self, query: str, *, user_id: int = 1001) -> str:
        """Queue an inline query ("@bot query" typed by a user); returns the query id."""
        with self._lock:
            query_id = str(next(self._query_ids))
            self._inline_queries[query_id] = False
            self.add_update(
                {
                    "inline_query": {
                        "id": query_id,
                        "from": self._user(user_id),
                        "query": query,
                        "offset": "",
                        "chat_type": "private",
                    }
                }
            )
            return query_id

    # ----------------------------------------------------------------- observing

    @property
    def calls(self) -> list[ApiCall]:
        """A snapshot of every call received, in order."""
        with self._lock:
            return list(self._calls)

    def calls_to(self, method: str) -> list[ApiCall]:
        """The calls to one method, in order."""
        method = self._canonical.get(method.lower(), method)
        with self._lock:
            return [call for call in self._calls if call.method == method]

    def mark(self) -> int:
        """The current number of calls, to pass as wait_for(after=...)."""
        with self._lock:
            return len(self._calls)

    def wait_for(
        self,
        method: str,
        predicate: Callable[[ApiCall], bool] | None = None,
        *,
        timeout: float = 15.0,
        after: int = 0,
        ok: bool | None = True,
    ) -> ApiCall:
        """Wait for the first call to method with index >= after that matches predicate.

        Only calls the fake answered successfully match, so a message the fake rejected (bad
        HTML, too long, ...) is not mistaken for one the bot delivered; ok=False waits for a
        failed call, ok=None for either. Raises AssertionError with a summary on timeout.
        """
        method = self._canonical.get(method.lower(), method)
        deadline = time.monotonic() + timeout
        checked = after
        with self._lock:
            while True:
                for call in self._calls[checked:]:
                    if (
                        call.method == method
                        and (ok is None or (call.response is not None and call.ok == ok))
                        and (predicate is None or predicate(call))
                    ):
                        return call
                # Calls still waiting for their answer (a long poll) are looked at again later.
                pending = [i for i in range(checked, len(self._calls)) if self._calls[i].response is None]
                checked = pending[0] if pending else max(checked, len(self._calls))
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(self._timeout_summary(method, timeout, after))
                self._changed.wait(remaining)

    def sent_messages(self, chat_id: int | None = None) -> list[dict]:
        """Messages the bot sent with sendMessage, as returned to it (later edits not applied)."""
        with self._lock:
            return [copy.deepcopy(m) for m in self._sent if chat_id is None or m["chat"]["id"] == chat_id]

    # ----------------------------------------------------------------- failures

    def fail(
        self,
        method: str,
        *,
        error_code: int = 500,
        description: str | None = None,
        times: int | None = None,
        retry_after: int | None = None,
        hang_up: bool = False,
    ) -> None:
        """Make method fail (times=None: always, 0: stop failing); 429 gets retry_after (default 1).

        Without a description Telegram's usual one for error_code is used. hang_up closes the
        connection without an answer instead (the client sees a network error); such a call is
        recorded with {"ok": False, "hung_up": True} as its response.
        """
        method = self._canonical.get(method.lower(), method)
        with self._lock:
            if times == 0:
                self._failures.pop(method, None)
                return
            parameters = None
            if error_code == 429 or retry_after is not None:
                parameters = {"retry_after": 1 if retry_after is None else retry_after}
            if description is None:
                description = _DEFAULT_DESCRIPTIONS.get(error_code, "Internal Server Error")
                if error_code == 429 and parameters:
                    description += str(parameters["retry_after"])
            self._failures[method] = {
                "error": _ApiError(error_code, description, parameters),
                "times": times,
                "hang_up": hang_up,
            }

    def delay(self, method: str, seconds: float, *, times: int | None = None) -> None:
        """Answer method only after seconds (to provoke client timeouts); times=0 clears it."""
        method = self._canonical.get(method.lower(), method)
        with self._lock:
            if times == 0:
                self._delays.pop(method, None)
            else:
                self._delays[method] = {"seconds": seconds, "times": times}

    # ----------------------------------------------------------------- internals: requests

    def _track_connection(self, conn: socket.socket, *, add: bool) -> None:
        with self._lock:
            (self._connections.add if add else self._connections.discard)(conn)

    def _serve(self, handler: _Handler) -> None:
        """Handle one HTTP request: route, record, answer."""
        with self._lock:
            if self._stopping.is_set():  # hang up: the client sees a network error and retries
                handler.close_connection = True
                return
            self._active_requests += 1
        try:
            downloaded = self._download(handler)
        except OSError:
            downloaded = handler.close_connection = True
        if downloaded:
            with self._lock:
                self._active_requests -= 1
                self._changed.notify_all()
            return
        try:
            status, body = self._answer(handler)
        except _HangUp:
            handler.close_connection = True
            with self._lock:
                self._active_requests -= 1
                self._changed.notify_all()
            return
        except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
            # A malformed request or a bug in the fake: tell the bot and the test's stderr.
            traceback.print_exc(file=sys.stderr)
            status, body = (
                500,
                _ApiError(500, f"Internal error in FakeBotApi: {exc!r}").body(),
            )
        try:
            payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
            handler.wfile.flush()
        except OSError:
            handler.close_connection = True
        finally:
            if self._stopping.is_set():
                handler.close_connection = True
            with self._lock:
                self._active_requests -= 1
                self._changed.notify_all()

    def _download(self, handler: _Handler) -> bool:
        """Serve GET /file/bot<token>/<file_path> (a file getFile described); False for other paths."""
        route = re.fullmatch(r"/file/bot([^/]+)/(.+)", unquote(urlsplit(handler.path).path))
        if route is None:
            return False
        with self._lock:
            content = next((c for p, c in self._files.values() if p == route[2]), None)
        if route[1] != self.token or content is None:
            handler.send_response(404)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return True
        handler.send_response(200)
        handler.send_header("Content-Type", "application/octet-stream")
        handler.send_header("Content-Length", str(len(content)))
        handler.end_headers()
        handler.wfile.write(content)
        return True

    def _answer(self, handler: _Handler) -> tuple[int, dict]:
        url = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        route = re.fullmatch(r"/bot([^/]+)/([A-Za-z]+)/?", url.path)
        if route is None:
            return 404, _ApiError(404, "Not Found").body()
        if route[1] != self.token:
            return 401, _ApiError(401, "Unauthorized").body()
        method = self._canonical.get(route[2].lower(), route[2])
        try:
            params = self._decode_params(url.query, handler.headers.get("Content-Type", ""), raw)
        except ValueError as err:  # includes bad JSON and bad UTF-8
            return 400, _bad(f"can't parse request: {err}").body()
        call = ApiCall(method, params, time.monotonic())

        with self._lock:
            failure = self._take(self._failures, method)
            delay = self._take(self._delays, method)
        if delay:
            self._stopping.wait(delay["seconds"])
        if failure and failure["hang_up"]:
            self._record(call, {"ok": False, "hung_up": True})
            raise _HangUp
        if failure:
            return self._record(call, failure["error"].body())
        if method == "getUpdates":
            self._record(call, None)
            try:
                response: dict = {"ok": True, "result": self._get_updates(params)}
            except _ApiError as err:
                response = err.body()
            with self._lock:
                call.response = response
                self._changed.notify_all()
            return self._status(response), response
        with self._lock:
            handler_fn = self._handlers.get(method)
            try:
                if handler_fn is None:
                    raise _ApiError(404, "Not Found")
                response = {"ok": True, "result": handler_fn(params)}
            except _ApiError as err:
                response = err.body()
            return self._record(call, response)

    @staticmethod
    def _take(rules: dict[str, dict], method: str) -> dict | None:
        """Consume one use of a failure/delay rule for method, if any."""
        rule = rules.get(method)
        if rule is not None and rule["times"] is not None:
            rule["times"] -= 1
            if rule["times"] <= 0:
                del rules[method]
        return rule

    @staticmethod
    def _status(response: dict) -> int:
        return 200 if response.get("ok") else int(response.get("error_code", 500))

    def _record(self, call: ApiCall, response: dict | None) -> tuple[int, dict]:
        with self._lock:
            call.response = response
            self._calls.append(call)
            self._changed.notify_all()
        return (self._status(response) if response else 200), response or {}

    @staticmethod
    def _decode_params(query: str, content_type: str, raw: bytes) -> dict:
        """Decode query string and body (form, multipart or JSON) into typed parameters."""
        fields: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
        ctype = content_type.split(";")[0].strip().lower()
        if ctype == "application/json" and raw:
            fields.update(json.loads(raw))
        elif ctype == "multipart/form-data":
            header = f"Content-Type: {content_type}\r\n\r\n".encode()
            message = BytesParser(policy=policy.HTTP).parsebytes(header + raw)
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                content = part.get_payload(decode=True) or b""
                fields[name] = content if part.get_filename() else content.decode("utf-8")
        elif raw:
            fields.update(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
        return {name: _decode_value(name, value) for name, value in fields.items()}

    def _timeout_summary(self, method: str, timeout: float, after: int) -> str:
        recent = self._calls[after:]
        polls = sum(1 for c in recent if c.method == "getUpdates")
        lines = [
            (
                f"FakeBotApi: no matching {method} call within {timeout:g}s "
                f"(looked at calls #{after}..#{len(self._calls) - 1}; "
                f"{polls} getUpdates omitted)."
            )
        ]
        shown = [(after + k, c) for k, c in enumerate(recent) if c.method != "getUpdates"][-20:]
        for index, call in shown:
            params = {k: (v[:80] + "…" if isinstance(v, str) and len(v) > 80 else v) for k, v in call.params.items()}
            if call.response is None:
                outcome = "pending"
            elif call.response.get("ok"):
                outcome = "ok"
            else:
                outcome = f"{call.response.get('error_code')} {call.response.get('description')}"
            lines.append(f"  #{index} +{call.time - self._started_at:.2f}s {call.method} {params} -> {outcome}")
        if not shown:
            lines.append("  (no calls other than getUpdates)")
        return "\n".join(lines)

    # ----------------------------------------------------------------- internals: state

    def _user(self, user_id: int, first_name: str | None = None) -> dict:
        if user_id not in self._users or first_name is not None:
            name = first_name or self._users.get(user_id, {}).get("first_name") or "User"
            self._users[user_id] = {
                "id": user_id,
                "is_bot": False,
                "first_name": name,
                "username": f"{_ascii_slug(name)}_{user_id}",
                "language_code": "vi",
            }
        return dict(self._users[user_id])

    def _next_message_id(self, chat_id: int) -> int:
        self._message_ids[chat_id] = self._message_ids.get(chat_id, 0) + 1
        return self._message_ids[chat_id]

    def _topic_root(self, chat: dict, thread_id: int, sender: dict) -> dict:
        """The forum_topic_created service message a topic message replies to implicitly."""
        self._message_ids[chat["id"]] = max(self._message_ids.get(chat["id"], 0), thread_id)
        return {
            "message_id": thread_id,
            "date": int(time.time()),
            "chat": dict(chat),
            "from": dict(sender),
            "message_thread_id": thread_id,
            "is_topic_message": True,
            "forum_topic_created": {
                "name": f"Topic {thread_id}",
                "icon_color": 7322096,
            },
        }

    def _incoming_message(
        self,
        chat: dict,
        user: dict,
        text: str,
        reply_to: dict | None,
        thread_id: int | None,
        sender_chat: dict | None = None,
    ) -> dict:
        root = self._topic_root(chat, thread_id, user) if thread_id is not None else None
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat["id"]),
            "from": user,
            "chat": dict(chat),
            "date": int(time.time()),
        }
        if sender_chat is not None:
            message["sender_chat"] = dict(sender_chat)
        if thread_id is not None:
            message.update(message_thread_id=thread_id, is_topic_message=True)
        if reply_to is not None:
            key = (reply_to["chat"]["id"], reply_to["message_id"])
            message["reply_to_message"] = _strip_reply(self._messages.get(key, reply_to))
        elif root is not None:
            message["reply_to_message"] = root
        message["text"] = text
        entities = find_entities(text)
        if entities:
            message["entities"] = entities
        self._messages[(chat["id"], message["message_id"])] = message
        self.add_update({"message": message})
        return copy.deepcopy(message)

    def _chat(self, chat_id: Any) -> dict:
        """The chat for a chat_id parameter; unknown numeric ids get a plausible chat."""
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        if isinstance(chat_id, str) and not _INT_RE.fullmatch(chat_id):
            for chat in self._chats.values():
                if chat_id.startswith("@") and chat.get("username") == chat_id[1:]:
                    return chat
            raise _bad("chat not found")
        if isinstance(chat_id, bool) or not isinstance(chat_id, int | str):
            raise _bad("chat not found")
        chat_id = int(chat_id)
        if chat_id not in self._chats:
            if chat_id > 0:
                chat = {"id": chat_id, "type": "private", "first_name": "User"}
            elif str(chat_id).startswith("-100"):
                chat = {"id": chat_id, "type": "supergroup", "title": f"Chat {chat_id}"}
            else:
                chat = {"id": chat_id, "type": "group", "title": f"Chat {chat_id}"}
            self._chats[chat_id] = chat
        return self._chats[chat_id]

    def _formatted(self, params: dict, text_key: str = "text") -> tuple[str, list[dict]]:
        """Validate and parse a text parameter: (plain text, entities) as Telegram stores them."""
        text = params.get(text_key)
        if not isinstance(text, str) or not text:
            raise _bad("message text is empty")
        parse_mode = params.get("parse_mode")
        entities: list[dict] = []
        if parse_mode is not None and parse_mode != "":
            mode = str(parse_mode).lower()
            if mode not in ("html", "markdown", "markdownv2"):
                raise _bad(f"unsupported parse_mode {parse_mode!r}")
            if mode == "html":
                try:
                    text, entities = parse_html(text, strict=self.strict_html)
                except HtmlError as err:
                    raise _bad(f"can't parse entities: {err}") from None
        elif isinstance(params.get("entities"), list):
            entities = copy.deepcopy(params["entities"])
        if not text.strip():
            raise _bad("message text is empty")
        if len(text) > MAX_MESSAGE_LENGTH:
            raise _bad("message is too long")
        # Telegram also detects commands and mentions in what bots send, outside code and links.
        taken = [e for e in entities if e["type"] in ("code", "pre", "text_link", "text_mention")]
        for auto in find_entities(text):
            start, end = auto["offset"], auto["offset"] + auto["length"]
            if not any(e["offset"] < end and start < e["offset"] + e["length"] for e in taken):
                entities.append(auto)
        entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return text, entities

    @staticmethod
    def _inline_markup(params: dict) -> dict | None:
        """The reply_markup Telegram echoes in a Message: only inline keyboards."""
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            return copy.deepcopy(markup)
        return None

    # ----------------------------------------------------------------- method handlers

    def _get_updates(self, params: dict) -> list[dict]:
        """Long-poll: wait up to timeout seconds for updates after offset."""
        offset = params.get("offset")
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        deadline = time.monotonic() + timeout
        with self._lock:
            if self._webhook_url:
                raise _ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            if isinstance(params.get("allowed_updates"), list):
                self._allowed_updates = list(params["allowed_updates"])
            self._poll_generation += 1
            generation = self._poll_generation
            if isinstance(offset, int) and offset < 0:
                self._updates = self._updates[offset:]
            elif isinstance(offset, int):
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while True:
                allowed = self._allowed_updates
                ready = [
                    copy.deepcopy(u)
                    for u in self._updates
                    if any(key in allowed if allowed else key not in _OPT_IN_UPDATES for key in u if key != "update_id")
                ][:limit]
                if ready or self._stopping.is_set():
                    return ready
                if generation != self._poll_generation:
                    raise _ApiError(409, POLL_CONFLICT)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                self._changed.wait(remaining)

    def _send_message(self, params: dict) -> dict:
        chat = self._chat(params.get("chat_id"))
        text, entities = self._formatted(params)
        sender = {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}
        message: dict[str, Any] = {
            "message_id": 0,
            "from": sender,
            "chat": dict(chat),
            "date": int(time.time()),
        }
        thread_id = params.get("message_thread_id")
        if isinstance(thread_id, int):
            message["message_thread_id"] = thread_id
            if chat.get("is_forum"):
                message["is_topic_message"] = True
        reply = params.get("reply_parameters")
        if not isinstance(reply, dict) and params.get("reply_to_message_id") is not None:
            reply = {
                "message_id": params["reply_to_message_id"],
                "allow_sending_without_reply": params.get("allow_sending_without_reply", False),
            }
        if isinstance(reply, dict):
            reply_chat = self._chat(reply.get("chat_id", chat["id"]))
            target = self._messages.get((reply_chat["id"], reply.get("message_id")))
            if target is not None:
                message["reply_to_message"] = _strip_reply(target)
            elif not reply.get("allow_sending_without_reply"):
                raise _bad("message to be replied not found")
        if "reply_to_message" not in message and isinstance(thread_id, int) and chat.get("is_forum"):
            message["reply_to_message"] = self._topic_root(chat, thread_id, sender)
        message["message_id"] = self._next_message_id(chat["id"])
        message["text"] = text
        if entities:
            message["entities"] = entities
        markup = self._inline_markup(params)
        if markup is not None:
            message["reply_markup"] = markup
        self._messages[(chat["id"], message["message_id"])] = message
        self._sent.append(copy.deepcopy(message))
        return copy.deepcopy(message)

    def _edit_message_text(self, params: dict) -> dict | bool:
        if params.get("inline_message_id"):
            self._formatted(params)
            return True
        chat = self._chat(params.get("chat_id"))
        if params.get("message_id") is None:
            raise _bad("message identifier is not specified")
        message = self._messages.get((chat["id"], params["message_id"]))
        if message is None:
            raise _bad("message to edit not found")
        if message.get("from", {}).get("id") != self.bot_user["id"]:
            raise _bad("message can't be edited")
        text, entities = self._formatted(params)
        markup = self._inline_markup(params)
        if (text, entities, markup) == (
            message.get("text"),
            message.get("entities", []),
            message.get("reply_markup"),
        ):
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message["text"] = text
        message.pop("entities", None)
        message.pop("reply_markup", None)
        if entities:
            message["entities"] = entities
        if markup is not None:
            message["reply_markup"] = markup
        message["edit_date"] = int(time.time())
        return copy.deepcopy(message)

    def _answer_callback_query(self, params: dict) -> bool:
        query_id = params.get("callback_query_id")
        if self._callback_queries.get(query_id, True):
            raise _bad(QUERY_INVALID.removeprefix("Bad Request: "))
        self._callback_queries[query_id] = True
        return True

    def _answer_inline_query(self, params: dict) -> bool:
        query_id = params.get("inline_query_id")
        if self._inline_queries.get(query_id, True):
            raise _bad(QUERY_INVALID.removeprefix("Bad Request: "))
        results = params.get("results")
        if not isinstance(results, list):
            raise _bad("RESULTS_INVALID")
        if len(results) > 50:
            raise _bad("RESULTS_TOO_MUCH")
        ids = [r.get("id") for r in results if isinstance(r, dict)]
        if len(ids) != len(results) or not all(isinstance(i, str) and i for i in ids):
            raise _bad("RESULT_ID_INVALID")
        if len(set(ids)) != len(ids):
            raise _bad("RESULT_ID_DUPLICATE")
        for result in results:
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                self._formatted(content, "message_text")
        self._inline_queries[query_id] = True
        return True

    @staticmethod
    def _commands_key(params: dict) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    def _set_my_commands(self, params: dict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise _bad("BOT_COMMANDS_TOO_MUCH" if isinstance(commands, list) else "commands is empty")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        self._commands[self._commands_key(params)] = copy.deepcopy(commands)
        return True

    def _delete_my_commands(self, params: dict) -> bool:
        self._commands.pop(self._commands_key(params), None)
        return True

    def _get_file(self, params: dict) -> dict:
        stored = self._files.get(params.get("file_id"))
        if stored is None:
            raise _bad("invalid file_id")
        path, content = stored
        if len(content) > MAX_DOWNLOAD_SIZE:
            raise _bad("file is too big")
        return {
            "file_id": params["file_id"],
            "file_unique_id": f"u{params['file_id']}",
            "file_size": len(content),
            "file_path": path,
        }

    def _send_chat_action(self, params: dict) -> bool:
        self._chat(params.get("chat_id"))
        if params.get("action") not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        return True

    def _delete_webhook(self, params: dict) -> bool:
        self._webhook_url = ""
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _set_webhook(self, params: dict) -> bool:
        self._webhook_url = str(params.get("url") or "")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _get_webhook_info(self, params: dict) -> dict:
        return {
            "url": self._webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _set_description(self, key: str, params: dict) -> bool:
        limit = 512 if key == "description" else 120
        value = str(params.get(key) or "")
        if len(value) > limit:
            raise _bad(f"{key} is too long")
        self._descriptions[key] = value
        return True


def post_to_webhook(url: str, update: dict, secret: str | None) -> int:
    """POST an update to a bot's webhook server, as Telegram would (waiting for it to listen); the HTTP
    status it answers. `secret` goes in the header Telegram sends it back in."""
    headers = {"Content-Type": "application/json"} | ({"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {})
    request = urllib.request.Request(url, data=json.dumps(update).encode(), headers=headers)
    for _ in range(100):
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:  # not listening yet
            time.sleep(0.2)
    raise AssertionError(f"nothing listens at {url}")
