"""/them's fetching: public http(s) pages only, bounded, redirects checked, articles only."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from bot.corpus import read_corpus
from bot.links import check_url, fetch_page
from bot.uploads import UploadRefused, add_link
from tests.pages_server import ARTICLE, pages_server

LOCAL = frozenset({"127.0.0.1"})


@pytest.fixture(scope="module")
def site():
    with pages_server() as base:
        yield base


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/tin",
        "http://172.16.5.4/",
        "https://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused_by_default(url):
    with pytest.raises(UploadRefused, match=r"là địa chỉ nội bộ .*; bot chỉ lấy trang trên Internet"):
        check_url(url, ())


@pytest.mark.parametrize(
    "url", ["ftp://example.vn/a", "file:///etc/passwd", "javascript:alert(1)", "http:///a", "tin.vn"]
)
def test_only_http_and_https_links_are_taken(url):
    with pytest.raises(UploadRefused, match="chỉ nhận liên kết bắt đầu bằng http:// hoặc https://"):
        check_url(url, ())


def test_a_public_address_or_an_allowed_host_passes():
    check_url("https://8.8.8.8/tin", ())
    check_url("http://127.0.0.1:8080/tin", LOCAL)


def test_an_article_page_is_fetched_and_kept_as_a_json_line_with_its_url(site, tmp_path):
    page, url = fetch_page(site + "/bai-moi", LOCAL)
    assert url == site + ARTICLE  # the relative redirect was followed
    added, path = add_link(tmp_path, url, page, set())
    assert path.parent == tmp_path / "uploads" and path.suffix == ".jsonl"
    (article,) = read_corpus([tmp_path])[0]
    assert article == added.articles[0]
    assert (article.title, article.date, article.source, article.url) == (
        "Đà Nẵng sơ kết 2 năm thực hiện Chỉ thị 05 về học tập và làm theo Bác",
        dt.date(2023, 5, 18),
        "Báo Đà Nẵng",
        site + ARTICLE,
    )
    with pytest.raises(UploadRefused, match="tệp không có bài viết mới nào đọc được"):
        add_link(tmp_path, url, page, {article.id})  # the same link twice


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/khong-co", "trang trả về mã lỗi 404"),
        ("/lon", "trang lớn quá (tối đa 5 MB)"),
        ("/lon-khong-khai", "trang lớn quá (tối đa 5 MB)"),
        ("/tai-lieu.pdf", "liên kết không phải trang web (application/pdf)"),
        ("/vao-noi-bo", "localhost là địa chỉ nội bộ (127.0.0.1); bot chỉ lấy trang trên Internet"),
        ("/vong-lap", "trang chuyển hướng quá nhiều lần"),
    ],
)
def test_a_page_that_cannot_be_taken_is_refused_with_the_reason(site, path, reason):
    with pytest.raises(UploadRefused) as refused:
        fetch_page(site + path, LOCAL)
    assert refused.value.reason == reason


def test_a_page_that_trickles_in_is_given_up_at_the_time_limit(site, monkeypatch):
    monkeypatch.setattr("bot.links.TIMEOUT_SECONDS", 0.5)
    started = time.monotonic()
    with pytest.raises(UploadRefused) as refused:
        fetch_page(site + "/cham", LOCAL)
    assert refused.value.reason == "trang trả lời quá chậm"
    assert time.monotonic() - started < 1.5  # the page takes 2 s


def test_a_listing_page_is_fetched_but_refused_as_no_article(site, tmp_path):
    page, url = fetch_page(site + "/chinh-tri", LOCAL)
    with pytest.raises(UploadRefused, match="trang quá ít chữ để là một bài viết"):
        add_link(tmp_path, url, page, set())
    assert not (tmp_path / "uploads").exists()
