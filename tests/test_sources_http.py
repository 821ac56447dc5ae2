"""Reading URLs and feeds over HTTP, against a server on 127.0.0.1 started by the test."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from conftest import FIXTURES
from lagebild.model import Document
from lagebild.sources import IngestError, read_inputs
from lagebild.sources.fetch import USER_AGENT

SRC = FIXTURES / "sources"
ARTICLE = (SRC / "article.html").read_bytes()

# path -> (status, content type, body); a body of None streams megabytes without end.
Routes = dict[str, tuple[int, str, bytes | None]]


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[Routes] = {}
    seen_agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        status, ctype, body = self.routes.get(
            self.path, (404, "text/html", b"<html><body>Not here</body></html>")
        )
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if body is None:  # no Content-Length: the client must count and stop by itself
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(50 * 16):  # about 50 MB
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[tuple[str, Routes, list[str]]]:
    routes: Routes = {}
    agents: list[str] = []
    handler = type("Handler", (_Handler,), {"routes": routes, "seen_agents": agents})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", routes, agents
    finally:
        httpd.shutdown()
        httpd.server_close()


def feed_bytes(base: str) -> bytes:
    return (SRC / "feed-template.xml").read_text(encoding="utf-8").replace("{base}", base).encode("utf-8")


def test_url_of_a_page_is_fetched_and_extracted(server) -> None:
    base, routes, agents = server
    routes["/bridge.html"] = (200, "text/html; charset=utf-8", ARTICLE)
    [doc] = read_inputs([f"{base}/bridge.html"])
    assert isinstance(doc, Document)
    assert "closed the old stone bridge" in doc.text and "Share on" not in doc.text
    assert doc.url == f"{base}/bridge.html"
    assert agents == [USER_AGENT] and USER_AGENT.startswith("lagebild/")


def test_feed_items_are_fetched_with_fallback_and_errors(server) -> None:
    base, routes, _ = server
    routes["/feed.xml"] = (200, "application/rss+xml", feed_bytes(base))
    routes["/bridge.html"] = (200, "text/html", ARTICLE)
    # /gone.html and /missing.html answer 404
    items = list(read_inputs([f"{base}/feed.xml"], published="1999-09-09"))
    assert len(items) == 3
    fetched, fallback, failed = items
    assert isinstance(fetched, Document)
    assert "engineers have inspected its pillars" in fetched.text  # the article, not the one-line teaser
    assert fetched.title == "River bridge in Eastbrook closed after floods"
    assert (
        fetched.published == "2025-03-04T08:15:00+00:00"
    )  # the item's date wins over the page's and the CLI's
    assert fetched.url == f"{base}/bridge.html" and fetched.source == "The Valley Courier"
    assert isinstance(fallback, Document)  # 404, but the item holds the whole story
    assert fallback.text.startswith("The town library of Eastbrook reopened")
    assert fallback.url == f"{base}/gone.html" and fallback.source == "Valley Courier - Local news"
    assert isinstance(failed, IngestError)  # 404 and only a teaser
    assert failed.input == f"{base}/feed.xml#item-3"
    assert "HTTP 404" in failed.message and "missing.html" in failed.message


def test_feed_file_fetches_linked_articles(server, tmp_path: Path) -> None:
    base, routes, _ = server
    routes["/bridge.html"] = (200, "text/html", ARTICLE)
    path = tmp_path / "saved-feed.html"  # the extension lies; the content decides
    path.write_bytes(feed_bytes(base))
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "IngestError"]
    assert items[2].input == f"{path}#item-3"


def test_same_article_from_feed_and_file_has_the_same_id(server) -> None:
    base, routes, _ = server
    routes["/feed.xml"] = (200, "application/rss+xml", feed_bytes(base))
    routes["/bridge.html"] = (200, "text/html", ARTICLE)
    from_feed = next(i for i in read_inputs([f"{base}/feed.xml"]) if isinstance(i, Document))
    [from_file] = read_inputs([str(SRC / "article.html")])
    assert from_feed.id == from_file.id


def _refused_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/page.html"


def test_each_bad_url_gives_one_clear_error_and_the_batch_goes_on(server) -> None:
    base, routes, _ = server
    routes["/good.html"] = (200, "text/html", ARTICLE)
    routes["/error.html"] = (500, "text/html", b"<html><body>Internal error</body></html>")
    routes["/photo.png"] = (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    routes["/huge.html"] = (200, "text/html", None)
    routes["/empty.html"] = (200, "text/html", b"")
    routes["/broken-feed.xml"] = (200, "application/rss+xml", b'<?xml version="1.0"?><rss><channel><tit')
    refused = _refused_url()
    inputs = [
        refused,
        f"{base}/missing.html",
        f"{base}/error.html",
        f"{base}/photo.png",
        f"{base}/huge.html",
        f"{base}/loop",
        f"{base}/empty.html",
        f"{base}/broken-feed.xml",
        f"{base}/good.html",
    ]
    items = list(read_inputs(inputs))
    assert len(items) == len(inputs) and isinstance(items[-1], Document)
    errs = items[:-1]
    assert all(isinstance(e, IngestError) and "\n" not in e.message for e in errs)
    assert [e.input for e in errs] == inputs[:-1]
    messages = [e.message for e in errs]
    assert "connection refused" in messages[0]
    assert messages[1].startswith("HTTP 404")
    assert messages[2].startswith("HTTP 500")
    assert "image/png" in messages[3]
    assert messages[4] == "page larger than 10 MB, skipped"
    assert "redirects" in messages[5]
    assert "empty" in messages[6]
    assert "feed" in messages[7]


def test_size_cap_is_configurable(server) -> None:
    base, routes, _ = server
    routes["/bridge.html"] = (200, "text/html", ARTICLE)
    [err] = read_inputs([f"{base}/bridge.html"], max_bytes=1024)
    assert isinstance(err, IngestError) and err.message == "page larger than 1 kB, skipped"
