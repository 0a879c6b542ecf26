"""Fetching an article page by its link for `/them`: http(s) only, bounded in time and size, and
never into private, loopback or link-local addresses (redirects included) unless the host is
listed in LINK_ALLOWED_HOSTS. Plain code, no Telegram.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Collection
from urllib.parse import urljoin, urlsplit

import httpx

from bot.text import number
from bot.uploads import UploadRefused

MAX_PAGE_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 20.0  # for the whole fetch, redirects included
MAX_REDIRECTS = 5
USER_AGENT = "TinChiThiBot/0.1"


def check_url(url: str, allowed_hosts: Collection[str]) -> None:
    """Refuse a link that is not http(s), or whose host is (or resolves to) a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UploadRefused("chỉ nhận liên kết bắt đầu bằng http:// hoặc https://")
    host = parts.hostname
    if host in allowed_hosts:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
    except (socket.gaierror, ValueError):
        raise UploadRefused(f"không tìm thấy máy chủ {host}") from None
    for address in sorted(addresses):
        ip = ipaddress.ip_address(str(address).split("%")[0])
        ip = getattr(ip, "ipv4_mapped", None) or ip
        if not ip.is_global:
            raise UploadRefused(f"{host} là địa chỉ nội bộ ({ip}); bot chỉ lấy trang trên Internet")


def fetch_page(url: str, allowed_hosts: Collection[str] = ()) -> tuple[bytes, str]:
    """The HTML of the page at `url` and its final address, following at most a few redirects,
    each checked before it is requested."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    # trust_env=False: a proxy from the environment would make the address checks meaningless.
    with httpx.Client(
        timeout=httpx.Timeout(10.0), follow_redirects=False, trust_env=False, headers={"User-Agent": USER_AGENT}
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, allowed_hosts)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    return _body(response, deadline), url
            except httpx.TimeoutException:
                raise UploadRefused("trang trả lời quá chậm") from None
            except httpx.HTTPError as error:
                raise UploadRefused(f"không tải được trang ({type(error).__name__})") from None
    raise UploadRefused("trang chuyển hướng quá nhiều lần")


def _body(response: httpx.Response, deadline: float) -> bytes:
    if response.status_code != 200:
        raise UploadRefused(f"trang trả về mã lỗi {response.status_code}")
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("text/html", "application/xhtml+xml"):
        raise UploadRefused(f"liên kết không phải trang web ({kind or 'không rõ loại'})")
    limit = f"trang lớn quá (tối đa {number(MAX_PAGE_BYTES / 2**20)} MB)"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_PAGE_BYTES:
        raise UploadRefused(limit)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_PAGE_BYTES:
            raise UploadRefused(limit)
        if time.monotonic() > deadline:
            raise UploadRefused("trang trả lời quá chậm")
        chunks.append(chunk)
    return b"".join(chunks)
