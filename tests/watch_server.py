"""A local HTTP server for the watcher's tests and benchmark: feeds and pages we write ourselves.

Routes map a path to a `Route`; the server honours conditional requests (ETag, Last-Modified),
gzip, delays, trickling bodies, endless bodies and redirects, and counts the requests per path.
"""

from __future__ import annotations

import gzip
import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    ctype: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    delay: float = 0.0  # before the headers
    trickle: float = 0.0  # seconds between single bytes of the body
    endless: bool = False  # a body without end and without Content-Length
    location: str | None = None  # a redirect
    fail_first: int = 0  # answer 503 to this many requests first
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {}
    hits: ClassVar[Counter] = Counter()
    conditional: ClassVar[Counter] = Counter()
    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        self.agents.append(self.headers.get("User-Agent", ""))
        route = self.routes.get(self.path)
        if route is None:
            self._send(404, "text/plain", b"not here")
            return
        if route.delay:
            time.sleep(route.delay)
        if route.fail_first > 0:
            route.fail_first -= 1
            self._send(503, "text/plain", b"busy")
            return
        if route.location:
            self.send_response(route.status if route.status in (301, 302, 307, 308) else 302)
            self.send_header("Location", route.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
        if inm or ims:
            self.conditional[self.path] += 1
        if route.status == 200 and (
            (route.etag and inm == route.etag) or (route.last_modified and ims == route.last_modified)
        ):
            self.send_response(304)
            if route.etag:
                self.send_header("ETag", route.etag)
            self.end_headers()
            return
        if route.endless:
            self.send_response(route.status)
            self.send_header("Content-Type", route.ctype)
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>\n"
            try:
                for _ in range(1700):  # about 110 MB, generated as it is sent
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        body = gzip.compress(route.body) if route.gzip else route.body
        self.send_response(route.status)
        self.send_header("Content-Type", route.ctype)
        if route.gzip:
            self.send_header("Content-Encoding", "gzip")
        if route.etag:
            self.send_header("ETag", route.etag)
        if route.last_modified:
            self.send_header("Last-Modified", route.last_modified)
        for key, value in route.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            if route.trickle:
                for i in range(len(body)):
                    self.wfile.write(body[i : i + 1])
                    self.wfile.flush()
                    time.sleep(route.trickle)
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter = Counter()
        self.conditional: Counter = Counter()
        self.agents: list[str] = []
        handler = type(
            "Handler",
            (_Handler,),
            {
                "routes": self.routes,
                "hits": self.hits,
                "conditional": self.conditional,
                "agents": self.agents,
            },
        )
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- content ---------------------------------------------------------------------------------

WORDS = (
    "river harbour council minister budget vote bridge school market railway village mayor court "
    "farmers police station winter summer storm border soldiers talks treaty election museum "
    "library hospital doctors nurses strike union factory workers port ships cargo grain wheat "
    "prices fuel energy power plant dam flood drought fire forest hills valley north south east "
    "west capital province region district governor parliament party leader opposition protest "
    "square crowd speech report agency statement officials residents families children teachers "
    "students exams results season team match coach players stadium festival music film theatre"
).split()


def article_text(seed: int, paragraphs: int = 4) -> list[str]:
    """Paragraphs of made-up news prose; different seeds share almost no three-word runs."""
    rng = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(3):
            words = [rng.choice(WORDS) for _ in range(rng.randint(12, 18))]
            sentences.append(" ".join(words).capitalize() + ".")
        out.append(" ".join(sentences))
    return out


def article_html(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Copyright</footer></body></html>"
    ).encode()


def rss(base: str, items: list[tuple[str, str]], title: str = "Test feed", encoding: str = "utf-8") -> bytes:
    """An RSS 2.0 feed of (title, path) items; `encoding` is the one declared."""
    parts = [
        f'<?xml version="1.0" encoding="{encoding}"?>',
        f"<rss version='2.0'><channel><title>{escape(title)}</title><link>{base}/</link>",
    ]
    for number, (item_title, path) in enumerate(items):
        parts.append(
            f"<item><title>{escape(item_title)}</title><link>{base}{escape(path)}</link>"
            f"<guid>{base}{escape(path)}</guid><pubDate>{http_date(1741075200 + number * 60)}</pubDate>"
            "<description>A teaser.</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def http_date(unix: float) -> str:
    return formatdate(unix, usegmt=True)


def feed_items(n: int, start: int = 0) -> Iterator[tuple[str, str]]:
    for i in range(start, start + n):
        yield f"Story {i}", f"/a/{i}.html?utm_source=rss&utm_medium=feed"


def fake_extract(doc):
    """One sure event per document, read from its first sentence: fast, and enough to count
    events (sure: the store keeps it as the document's main event whatever the text's topic)."""
    from lagebild.model import Event, Evidence, event_id
    from lagebild.nlp.sentences import split_sentences

    first = split_sentences(doc.text)[0]
    evidence = Evidence(doc.id, first.text, first.start, first.end, doc.lang or "en", doc.url, doc.source)
    return [
        Event(
            id=event_id(doc.id, first.start, "PROTEST"),
            type="PROTEST",
            date="2025-03-04",
            confidence=0.95,
            evidence=[evidence],
        )
    ]
