"""Polite fetching for the watcher: robots.txt, per-host pacing, retries with backoff.

Built on `lagebild.sources.fetch` (User-Agent, timeouts, size cap, redirect limit). What this
layer adds is what a program that comes back every few minutes owes the sites it reads:
- robots.txt is fetched once per host (cached for an hour) and obeyed, Crawl-delay included;
- at most `host_concurrency` requests to one host at a time, `host_delay` seconds apart;
- a failure that may pass within seconds (timeout, 5xx, 429) is retried a few times with
  exponential backoff, honouring Retry-After; anything else fails at once (a feed that
  cannot be reached at all is retried on the watcher's per-feed backoff instead).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from lagebild.sources.fetch import MAX_BYTES, Fetched, FetchError, fetch, make_client

ROBOTS_AGENT = "lagebild"  # the product token robots.txt rules name
ROBOTS_TTL = 3600.0
ROBOTS_RETRY = 300.0  # a robots.txt that could not be fetched is asked for again after this
ROBOTS_MAX_BYTES = 512 * 1024  # Google reads the first 500 kB, and so do we
MAX_CRAWL_DELAY = 30.0  # a larger Crawl-delay would stall a feed of fifty items for half an hour


@dataclass(frozen=True, slots=True)
class Politeness:
    """How the watcher treats the sites it reads; tests and benchmarks shorten the waits."""

    host_delay: float = 1.0  # seconds between the starts of two requests to one host
    host_concurrency: int = 2
    timeout: float = 20.0  # connecting and each read
    max_seconds: float = 60.0  # a whole response; slower ones are dropped and retried later
    max_bytes: int = MAX_BYTES
    retries: int = 2  # further tries after a failure that may pass
    backoff: float = 2.0  # first retry after this many seconds, then doubling
    max_backoff: float = 30.0
    robots: bool = True


class _Host:
    def __init__(self, concurrency: int) -> None:
        self.slots = threading.BoundedSemaphore(max(1, concurrency))
        self.lock = threading.Lock()
        self.next_start = 0.0
        self.robots: RobotFileParser | None = None
        self.robots_until = 0.0


class PoliteFetcher:
    """One per watcher; safe to share between its worker threads."""

    def __init__(self, politeness: Politeness | None = None, client: httpx.Client | None = None) -> None:
        self.politeness = politeness or Politeness()
        self._own = client is None
        self.client = client or make_client(self.politeness.timeout)
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self.requests = 0  # HTTP requests made, robots.txt included

    def close(self) -> None:
        if self._own:
            self.client.close()

    def __enter__(self) -> PoliteFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        accept: frozenset[str] | None,
        headers: Mapping[str, str] | None = None,
        stop: threading.Event | None = None,
    ) -> Fetched:
        """GET `url` politely; raises FetchError (one line) when it cannot be had.

        `stop`, when set, ends the waits between retries early (the watcher is shutting down).
        """
        p = self.politeness
        host = self._host(url)
        if p.robots and not self._allowed(url, host):
            raise FetchError("disallowed by the site's robots.txt, skipped")
        attempt = 0
        while True:
            try:
                return self._request(url, host, accept=accept, headers=headers)
            except FetchError as exc:
                # A refused connection or an unknown host (offline) will not change within
                # seconds: the feed's own backoff tries again later.
                if not exc.retryable or attempt >= p.retries or isinstance(exc.__cause__, httpx.ConnectError):
                    raise
                wait = min(p.max_backoff, p.backoff * 2**attempt)
                if exc.retry_after is not None:
                    wait = max(wait, min(exc.retry_after, p.max_backoff))
                attempt += 1
                if stop is not None:
                    if stop.wait(wait):
                        raise
                else:
                    time.sleep(wait)

    # -- internals ------------------------------------------------------------------------------

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        key = f"{parts.scheme.lower()}://{(parts.netloc or '').lower()}"
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.politeness.host_concurrency)
            return self._hosts[key]

    def _request(
        self, url: str, host: _Host, *, accept: frozenset[str] | None, headers: Mapping[str, str] | None
    ) -> Fetched:
        p = self.politeness
        with host.slots:
            delay = p.host_delay
            if host.robots is not None:
                crawl_delay = host.robots.crawl_delay(ROBOTS_AGENT)
                if crawl_delay:
                    delay = max(delay, min(float(crawl_delay), MAX_CRAWL_DELAY))
            with host.lock:
                start = max(time.monotonic(), host.next_start)
                host.next_start = start + delay
            pause = start - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            self.requests += 1
            return fetch(
                url,
                client=self.client,
                accept=accept,
                max_bytes=p.max_bytes,
                headers=headers,
                max_seconds=p.max_seconds,
            )

    def _allowed(self, url: str, host: _Host) -> bool:
        now = time.monotonic()
        with host.lock:
            fresh = host.robots is not None and now < host.robots_until
        if not fresh:
            self._load_robots(url, host)
        return host.robots.can_fetch(ROBOTS_AGENT, url) if host.robots else True

    def _load_robots(self, url: str, host: _Host) -> None:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        parser = RobotFileParser(robots_url)
        ttl = ROBOTS_TTL
        try:
            got = self._request(robots_url, host, accept=None, headers=None)
            text = got.content[:ROBOTS_MAX_BYTES].decode("utf-8", "replace")
            parser.parse(text.splitlines())
        except FetchError as exc:
            # As urllib.robotparser does: 401/403 mean "keep out", other 4xx "no rules".
            if exc.status in (401, 403):
                parser.disallow_all = True
            elif exc.status is not None and exc.status < 500:
                parser.allow_all = True
            else:
                # The server is down or unreachable: the request for the page itself will say
                # so; ask for the rules again soon.
                parser.allow_all = True
                ttl = ROBOTS_RETRY
        # robotparser treats a parser that never read rules as "disallow everything"
        parser.modified()
        with host.lock:
            host.robots = parser
            host.robots_until = time.monotonic() + ttl
