"""A local web server with pages written for the tests: an article, a listing page, a 404, an
oversized page, a slow page and redirects. It listens on 127.0.0.1 only."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
ARTICLE = "/tin/da-nang-so-ket-chi-thi-05.html"
OVERSIZED_BYTES = 6 * 1024 * 1024


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        port = self.server.server_address[1]
        routes = {
            ARTICLE: (200, "text/html; charset=utf-8", (PAGES / "bai_bao.html").read_bytes()),
            "/chinh-tri": (200, "text/html; charset=utf-8", (PAGES / "danh_sach.html").read_bytes()),
            "/tai-lieu.pdf": (200, "application/pdf", b"%PDF-1.4"),
            "/lon": (200, "text/html", b"<html><body><p>" + b"chu ".ljust(OVERSIZED_BYTES, b" ")),
            "/lon-khong-khai": (200, "text/html", b"<html><body><p>" + b"chu ".ljust(OVERSIZED_BYTES, b" ")),
        }
        redirects = {
            "/bai-moi": ARTICLE,  # a relative redirect on the same (allowed) host
            "/vao-noi-bo": f"http://localhost:{port}{ARTICLE}",  # loopback under a name not allowed
            "/vong-lap": "/vong-lap",
        }
        if self.path == "/cham":  # a page that trickles in, a few bytes at a time
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(20):
                    self.wfile.write(b"<p>chu</p>\n")
                    self.wfile.flush()
                    time.sleep(0.1)
            return
        if self.path in redirects:
            self.send_response(302)
            self.send_header("Location", redirects[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status, kind, body = routes.get(self.path, (404, "text/html; charset=utf-8", b"<h1>404</h1>"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if self.path != "/lon-khong-khai":  # that one's size shows only while it is read
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client stopped reading an oversized page, as it should
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def pages_server() -> Iterator[str]:
    """Serve the pages; yields the base address, e.g. http://127.0.0.1:PORT."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
