"""HTTP GET for articles and feeds, with limits that keep one bad server from hurting a batch.

One function, `fetch`, and one error type whose message is a single line a user can act on.
Polite polling (robots.txt, per-host pacing, retries, per-feed state) lives in lagebild.watch.poll.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
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


# Worth another try later: the server or the network may recover (RFC 9110: 408, 425, 429, 5xx).
RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class FetchError(Exception):
    """A fetch that gave no usable body; str(error) is one line for the user.

    `status` is the HTTP status when the server answered; `retryable` says whether trying again
    later may succeed (timeouts, refused connections, 5xx, 429), which pollers use to back off
    rather than give up; `retry_after` is the server's Retry-After in seconds, if it sent one.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        retryable: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    content: bytes
    media_type: str  # e.g. "text/html", lower case, without parameters; "" when the server sent none
    charset: str | None  # as declared in the Content-Type header
    status: int = 200  # 304 (with an empty body) when a conditional request found nothing new
    etag: str | None = None  # validators for the next conditional request
    last_modified: str | None = None


def make_client(timeout: float | None = None) -> httpx.Client:
    """A client with lagebild's User-Agent, timeouts and redirect limit; reuse it for a batch.

    `timeout` (seconds) bounds connecting and each read; the default suits slow news sites.
    """
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=TIMEOUT if timeout is None else httpx.Timeout(timeout),
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


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds (delta form only; a date form is rare and ignored)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def fetch(
    url: str,
    *,
    client: httpx.Client | None = None,
    accept: frozenset[str] | None = HTML_TYPES,
    max_bytes: int = MAX_BYTES,
    headers: Mapping[str, str] | None = None,
    max_seconds: float | None = None,
) -> Fetched:
    """GET `url` and return its body, streamed and cut off at `max_bytes`.

    `accept` lists the media types wanted (None accepts any); a response of another declared
    type is refused before its body is read. A response without a Content-Type passes, for the
    caller to sniff. `headers` are sent with the request (e.g. If-None-Match for a conditional
    GET, answered by a Fetched with status 304 and no body). `max_seconds` bounds the whole
    download: the client's timeout bounds each read, so a server trickling a byte a second
    would otherwise hold the caller forever. Raises FetchError with a one-line reason for
    every failure.
    """
    own = client is None
    client = client or make_client()
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    try:
        with client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status == 304:
                return Fetched(
                    url=str(response.url),
                    content=b"",
                    media_type="",
                    charset=None,
                    status=304,
                    etag=response.headers.get("etag") or (headers or {}).get("If-None-Match"),
                    last_modified=response.headers.get("last-modified")
                    or (headers or {}).get("If-Modified-Since"),
                )
            if status >= 400:
                phrase = response.reason_phrase or ""
                raise FetchError(
                    f"HTTP {status} {phrase}".strip(),
                    status=status,
                    retryable=status in RETRYABLE_STATUS,
                    retry_after=_retry_after(response.headers.get("retry-after")),
                )
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
                if deadline is not None and time.monotonic() > deadline:
                    raise FetchError(f"too slow (not complete after {max_seconds:g} s)", retryable=True)
                chunks.append(chunk)
            charset = response.charset_encoding
            final_url = str(response.url)
            etag = response.headers.get("etag")
            last_modified = response.headers.get("last-modified")
    except httpx.HTTPError as exc:
        retryable = isinstance(exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError)
        raise FetchError(_describe(exc), retryable=retryable) from exc
    finally:
        if own:
            client.close()
    return Fetched(
        url=final_url,
        content=b"".join(chunks),
        media_type=media_type,
        charset=charset,
        status=status,
        etag=etag,
        last_modified=last_modified,
    )
