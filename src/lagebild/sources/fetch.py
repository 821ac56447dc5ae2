"""HTTP GET for articles and feeds, with limits that keep one bad server from hurting a batch.

One function, `fetch`, and one error type whose message is a single line a user can act on.
Polite polling (conditional requests, robots.txt, per-host pacing) belongs in a layer above this.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from lagebild import __version__

USER_AGENT = f"lagebild/{__version__} (+https://github.com/lagebild/lagebild)"
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(20.0, connect=10.0)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
    }
)
TEXT_TYPES = frozenset({"text/plain"})


class FetchError(Exception):
    """A fetch that gave no usable body; str(error) is one line for the user."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    content: bytes
    media_type: str  # e.g. "text/html", lower case, without parameters; "" when the server sent none
    charset: str | None  # as declared in the Content-Type header


def make_client() -> httpx.Client:
    """A client with lagebild's User-Agent, timeouts and redirect limit; reuse it for a batch."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=TIMEOUT,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
    )


def human_size(n: int) -> str:
    """Sizes in messages ("10 MB", "512 kB"), rounded down."""
    if n >= 1024 * 1024:
        return f"{n // (1024 * 1024)} MB"
    return f"{n // 1024} kB" if n >= 1024 else f"{n} bytes"


def _describe(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        reason = str(exc) or "connection failed"
        if "refused" in reason.lower():
            return "could not connect: connection refused"
        if (
            "name or service" in reason.lower()
            or "nodename" in reason.lower()
            or "getaddrinfo" in reason.lower()
        ):
            return "could not connect: host name not found"
        return f"could not connect: {reason}"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "unsupported URL scheme (only http and https)"
    if isinstance(exc, httpx.InvalidURL):
        return "invalid URL"
    return f"request failed: {exc.__class__.__name__}{': ' + str(exc) if str(exc) else ''}"


def fetch(
    url: str,
    *,
    client: httpx.Client | None = None,
    accept: frozenset[str] | None = HTML_TYPES,
    max_bytes: int = MAX_BYTES,
) -> Fetched:
    """GET `url` and return its body, streamed and cut off at `max_bytes`.

    `accept` lists the media types wanted (None accepts any); a response of another declared
    type is refused before its body is read. A response without a Content-Type passes, for the
    caller to sniff. Raises FetchError with a one-line reason for every failure.
    """
    own = client is None
    client = client or make_client()
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                phrase = response.reason_phrase or ""
                raise FetchError(f"HTTP {response.status_code} {phrase}".strip())
            content_type = response.headers.get("content-type", "")
            media_type = content_type.split(";", 1)[0].strip().lower()
            if accept is not None and media_type and media_type not in accept:
                raise FetchError(f"unsupported content type {media_type}, skipped")
            limit = f"page larger than {human_size(max_bytes)}, skipped"
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(limit)
            chunks: list[bytes] = []
            received = 0
            for chunk in response.iter_bytes():
                received += len(chunk)
                if received > max_bytes:
                    raise FetchError(limit)
                chunks.append(chunk)
            charset = response.charset_encoding
            final_url = str(response.url)
    except httpx.HTTPError as exc:
        raise FetchError(_describe(exc)) from exc
    finally:
        if own:
            client.close()
    return Fetched(url=final_url, content=b"".join(chunks), media_type=media_type, charset=charset)
