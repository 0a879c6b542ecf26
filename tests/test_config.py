"""Settings: read from the environment and .env by a function, checked at start-up."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from bot.telegram_app import _HideToken

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_settings_come_from_the_environment_with_defaults(tmp_path):
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "ADMIN_IDS": "1, 22 ,333"}, env_file=tmp_path / ".env")
    assert settings.admin_ids == frozenset({1, 22, 333})
    assert (settings.corpus_dir, settings.cache_dir, settings.base_url, settings.webhook_url) == (
        Path("corpus"),
        Path(".cache"),
        None,
        None,
    )
    assert settings.questions_per_minute == 20
    assert settings.link_allowed_hosts == frozenset()
    assert settings.reload_every is None
    assert load_settings(
        {"TELEGRAM_BOT_TOKEN": TOKEN, "LINK_ALLOWED_HOSTS": "127.0.0.1, Intranet.vn"}, env_file=None
    ).link_allowed_hosts == {"127.0.0.1", "intranet.vn"}
    assert settings.webhook_listen == "127.0.0.1"  # only the reverse proxy in front reaches the webhook server


def test_a_dot_env_file_is_read_and_the_environment_wins(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        f"TELEGRAM_BOT_TOKEN={TOKEN}\nCORPUS_DIR=tu_env\n# comment\nLOG_LEVEL=debug\n", encoding="utf-8"
    )
    settings = load_settings({"CORPUS_DIR": "tu_moi_truong"}, env_file=env_file)
    assert settings.token == TOKEN and settings.corpus_dir == Path("tu_moi_truong") and settings.log_level == "DEBUG"


def test_the_token_is_not_shown_by_the_settings_repr(tmp_path):
    assert TOKEN not in repr(load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, env_file=None))


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({}, "chưa đặt TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": "abc"}, "TELEGRAM_BOT_TOKEN không giống token của bot"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "ADMIN_IDS": "@lan"}, "ADMIN_IDS phải là các id người dùng Telegram dạng số"),
        (
            {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": "localhost:8081"},
            "TELEGRAM_BASE_URL phải bắt đầu bằng http",
        ),
        (
            {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": "http://127.0.0.1:8081/"},
            "TELEGRAM_BASE_URL phải bắt đầu bằng http:// hoặc https:// và kết thúc bằng /bot",
        ),
        (
            {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_URL": "http://x.vn/h"},
            "TELEGRAM_WEBHOOK_URL phải là địa chỉ https://",
        ),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "QUESTIONS_PER_MINUTE": "nhanh"}, "QUESTIONS_PER_MINUTE phải là một số nguyên"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "LOG_LEVEL": "loud"}, "LOG_LEVEL phải là một trong"),
        (
            {"TELEGRAM_BOT_TOKEN": TOKEN, "LINK_ALLOWED_HOSTS": "intranet.vn, http://10.0.0.5:8080"},
            "LINK_ALLOWED_HOSTS là tên máy chủ hoặc địa chỉ IP, cách nhau bằng dấu phẩy (không kèm http:// hay cổng), "
            "đang có 'http://10.0.0.5:8080'",
        ),
        (
            {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": "bí mật"},
            "TELEGRAM_WEBHOOK_SECRET chỉ được gồm 1 đến 256 chữ cái Latin không dấu, chữ số, _ và -",
        ),
        *(
            (
                {"TELEGRAM_BOT_TOKEN": TOKEN, "RELOAD_EVERY": value},
                "RELOAD_EVERY là khoảng thời gian giữa hai lần tự nạp lại kho: một số nguyên dương kèm s (giây), "
                f"m (phút) hoặc h (giờ), ví dụ 90s, 30m hoặc 2h; để trống nếu không cần, đang là {value!r}",
            )
            for value in ("30", "30 phút", "0m", "1.5h", "2d")
        ),
        (
            {"TELEGRAM_BOT_TOKEN": TOKEN, "RELOAD_TIMEOUT": "nửa giờ"},
            "RELOAD_TIMEOUT là thời gian tối đa cho một lần nạp lại kho: một số nguyên dương kèm s (giây), "
            "m (phút) hoặc h (giờ), ví dụ 90s, 30m hoặc 2h; để trống thì là 30m, đang là 'nửa giờ'",
        ),
    ],
)
def test_a_missing_or_malformed_setting_is_named_in_one_line(environment, message):
    with pytest.raises(ConfigError) as error:
        load_settings(environment, env_file=None)
    assert message in str(error.value) and "\n" not in str(error.value)
    assert TOKEN not in str(error.value)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TELEGRAM_WEBHOOK_URL", f"http://bot.example.vn/bot{TOKEN}/hook"),
        ("TELEGRAM_BASE_URL", f"api.telegram.org/bot{TOKEN}"),
    ],
    ids=["webhook", "base"],
)
def test_a_malformed_url_setting_is_named_but_never_echoed_since_it_may_carry_the_token(name, value):
    with pytest.raises(ConfigError) as error:
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, name: value}, env_file=None)
    assert str(error.value).startswith(f"{name} phải ")
    assert (
        TOKEN not in str(error.value)
        and "example.vn" not in str(error.value)
        and "api.telegram" not in str(error.value)
    )


@pytest.mark.parametrize(
    ("value", "every"),
    [("90s", dt.timedelta(seconds=90)), ("30m", dt.timedelta(minutes=30)), ("2H", dt.timedelta(hours=2)), (" ", None)],
)
def test_reload_every_is_a_number_with_a_unit_and_empty_means_never(value, every):
    assert load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "RELOAD_EVERY": value}, env_file=None).reload_every == every


@pytest.mark.parametrize(
    ("value", "limit"),
    [("90s", dt.timedelta(seconds=90)), ("2h", dt.timedelta(hours=2)), (" ", dt.timedelta(minutes=30))],
)
def test_reload_timeout_is_a_number_with_a_unit_and_empty_means_30_minutes(value, limit):
    assert load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "RELOAD_TIMEOUT": value}, env_file=None).reload_timeout == limit


def test_the_command_line_needs_no_token():
    assert load_settings({}, env_file=None, require_token=False).token is None


def test_log_lines_and_tracebacks_never_show_the_token(caplog):
    logger = logging.getLogger("test.token")
    caplog.handler.addFilter(_HideToken(TOKEN))
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/getMe failed")
    except RuntimeError:
        logger.exception("request to %s failed", f"https://api.telegram.org/bot{TOKEN}/getMe")
    assert TOKEN not in caplog.text
    assert "bot<token>/getMe" in caplog.text
