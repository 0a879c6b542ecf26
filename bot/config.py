"""Settings, read from the environment and a `.env` file when asked (never at import time)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, overload

from dotenv import dotenv_values

_TOKEN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{8,}$")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    """Everything the bot and the command line are configured with."""

    token: str | None = field(default=None, repr=False)  # never shown: repr, logs and errors omit it
    admin_ids: frozenset[int] = frozenset()
    corpus_dir: Path = Path("corpus")
    cache_dir: Path = Path(".cache")
    base_url: str | None = None
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"  # behind the reverse proxy that terminates TLS
    webhook_port: int = 8443
    webhook_secret: str | None = field(default=None, repr=False)
    log_level: str = "INFO"
    questions_per_minute: int = 20
    messages_per_second: int = 30  # all chats together; Telegram's own limit for one bot
    workers: int | None = None
    link_allowed_hosts: frozenset[str] = frozenset()  # hosts /them may fetch although not public
    reload_every: dt.timedelta | None = None  # how often changed corpus files are reloaded; None: never
    reload_timeout: dt.timedelta = dt.timedelta(minutes=30)  # a reload building longer is stopped

    @property
    def base_file_url(self) -> str | None:
        """Where files are downloaded from: a Bot API server serves `/bot<token>/…` and `/file/bot<token>/…`."""
        return self.base_url.removesuffix("bot") + "file/bot" if self.base_url else None


def _integer(name: str, value: str, minimum: int, maximum: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name} phải là một số nguyên, đang là {value!r}") from None
    if not minimum <= number <= maximum:
        raise ConfigError(f"{name} phải từ {minimum} đến {maximum}, đang là {number}")
    return number


def load_settings(
    environ: Mapping[str, str] | None = None,
    env_file: str | Path | None = ".env",
    *,
    require_token: bool = True,
) -> Settings:
    """Settings from `environ` (default: the process environment) over those in `env_file`.

    Raises ConfigError with a one-line message naming the setting to fix.
    """
    values: dict[str, str] = {}
    if env_file is not None and Path(env_file).is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if environ is None else environ)

    def get(name: str) -> str | None:
        value = values.get(name, "").strip()
        return value or None

    token = get("TELEGRAM_BOT_TOKEN")
    if token is None and require_token:
        raise ConfigError(
            "chưa đặt TELEGRAM_BOT_TOKEN: tạo bot với @BotFather trong Telegram, rồi ghi "
            "TELEGRAM_BOT_TOKEN=<token> vào .env (xem .env.example) hoặc vào biến môi trường"
        )
    if token is not None and not _TOKEN.match(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN không giống token của bot (chữ số, dấu hai chấm, rồi chữ); hãy chép lại từ @BotFather"
        )

    admin_ids: set[int] = set()
    for part in (get("ADMIN_IDS") or "").split(","):
        if part.strip():
            if not re.fullmatch(r"-?\d+", part.strip()):
                raise ConfigError(
                    f"ADMIN_IDS phải là các id người dùng Telegram dạng số, cách nhau bằng dấu phẩy, đang có {part.strip()!r}"
                )
            admin_ids.add(int(part))

    base_url = get("TELEGRAM_BASE_URL")
    if base_url is not None and not re.match(r"^https?://.*/bot$", base_url):
        # The value is not echoed: a URL may carry the token.
        raise ConfigError(
            "TELEGRAM_BASE_URL phải bắt đầu bằng http:// hoặc https:// và kết thúc bằng /bot; giá trị đang đặt thì không"
        )
    webhook_url = get("TELEGRAM_WEBHOOK_URL")
    if webhook_url is not None and not webhook_url.startswith("https://"):
        raise ConfigError(
            "TELEGRAM_WEBHOOK_URL phải là địa chỉ https:// mà Telegram gọi tới được; giá trị đang đặt không bắt đầu bằng https://"
        )

    webhook_secret = get("TELEGRAM_WEBHOOK_SECRET")
    if webhook_secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", webhook_secret):
        raise ConfigError(
            "TELEGRAM_WEBHOOK_SECRET chỉ được gồm 1 đến 256 chữ cái Latin không dấu, chữ số, _ và - (Telegram đòi hỏi vậy)"
        )

    log_level = (get("LOG_LEVEL") or "INFO").upper()
    if log_level not in _LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL phải là một trong {', '.join(_LOG_LEVELS)}, đang là {log_level!r}")

    workers = get("WORKERS")
    return Settings(
        token=token,
        admin_ids=frozenset(admin_ids),
        corpus_dir=Path(get("CORPUS_DIR") or "corpus"),
        cache_dir=Path(get("CACHE_DIR") or ".cache"),
        base_url=base_url,
        webhook_url=webhook_url,
        webhook_listen=get("TELEGRAM_WEBHOOK_LISTEN") or "127.0.0.1",
        webhook_port=_integer("TELEGRAM_WEBHOOK_PORT", get("TELEGRAM_WEBHOOK_PORT") or "8443", 1, 65535),
        webhook_secret=webhook_secret,
        log_level=log_level,
        questions_per_minute=_integer("QUESTIONS_PER_MINUTE", get("QUESTIONS_PER_MINUTE") or "20", 1, 10_000),
        messages_per_second=_integer("MESSAGES_PER_SECOND", get("MESSAGES_PER_SECOND") or "30", 1, 10_000),
        workers=_integer("WORKERS", workers, 1, 256) if workers else None,
        link_allowed_hosts=_hosts("LINK_ALLOWED_HOSTS", get("LINK_ALLOWED_HOSTS") or ""),
        reload_every=_interval("RELOAD_EVERY", get("RELOAD_EVERY"), "khoảng thời gian giữa hai lần tự nạp lại kho"),
        reload_timeout=_interval(
            "RELOAD_TIMEOUT", get("RELOAD_TIMEOUT") or "30m", "thời gian tối đa cho một lần nạp lại kho", optional=False
        ),
    )


_UNITS = {"s": 1, "m": 60, "h": 3600}


@overload
def _interval(name: str, value: str, meaning: str, *, optional: Literal[False]) -> dt.timedelta: ...
@overload
def _interval(name: str, value: str | None, meaning: str) -> dt.timedelta | None: ...
def _interval(name: str, value: str | None, meaning: str, *, optional: bool = True) -> dt.timedelta | None:
    if value is None:
        return None
    match = re.fullmatch(r"(\d{1,6})\s*([smh])", value.lower())
    if match is None or int(match.group(1)) == 0:
        raise ConfigError(
            f"{name} là {meaning}: một số nguyên dương kèm s (giây), m (phút) hoặc h (giờ), ví dụ 90s, 30m hoặc 2h; "
            f"{'để trống nếu không cần' if optional else 'để trống thì là 30m'}, đang là {value!r}"
        )
    return dt.timedelta(seconds=int(match.group(1)) * _UNITS[match.group(2)])


def _hosts(name: str, value: str) -> frozenset[str]:
    hosts = frozenset(part.strip().lower() for part in value.split(",") if part.strip())
    for host in sorted(hosts):
        if not re.fullmatch(r"[a-z0-9.-]+|[0-9a-f:]+", host):
            raise ConfigError(
                f"{name} là tên máy chủ hoặc địa chỉ IP, cách nhau bằng dấu phẩy (không kèm http:// hay cổng), đang có {host!r}"
            )
    return hosts
