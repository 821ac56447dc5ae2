"""What the server checks before any handler runs: Host, token, body size, write rate, OPTIONS.

A pure ASGI middleware, because these checks must come before the body is read: FastAPI reads
and parses a body before it runs a route's dependencies, so a token dependency alone let anyone
without the token make the server buffer a gigabyte (a chunked body has no Content-Length to
refuse early).

- Host: a page on a DNS-rebinding domain reaches 127.0.0.1 with its own name in the Host
  header; only the names the server is known by are answered (400 otherwise).
- Writes (POST) need the token, checked on the headers alone (401), are rate-limited per
  client address (429 with Retry-After), and their body is read up to the cap and no further
  (413), with or without Content-Length.
- OPTIONS is answered for every route: 204 with the methods the route allows. There is no CORS:
  the API is same-origin, so a cross-origin preflight gets no Access-Control-Allow-* and fails.
"""

from __future__ import annotations

import ipaddress
import json
import math
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import Headers
from starlette.routing import Match

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
_WILDCARD = ("0.0.0.0", "::", "")
_BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def host_name(header: str | None) -> str | None:
    """The host of a Host header without its port, lower-cased ("[::1]:8765" -> "::1")."""
    if not header:
        return None
    value = header.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else None
    name, _, port = value.rpartition(":") if value.count(":") == 1 else (value, "", "")
    if port and not port.isdigit():
        return None
    return (name or value).rstrip(".") or None


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class HostRule:
    """The host names a server answers to.

    A server bound to one address answers to that address, the loopback names and `extra`. One
    bound to every interface (0.0.0.0, ::) cannot know each name it is reached by, so it also
    answers to any IP literal: a DNS-rebinding page always sends a domain name, never an IP.
    """

    names: frozenset[str]
    any_ip: bool = False

    @classmethod
    def serving(cls, bound: str, extra: Iterable[str] = ()) -> HostRule:
        names = {*LOOPBACK_HOSTS, *(n for n in (host_name(e) for e in extra) if n)}
        bound_name = host_name(bound) or bound.strip().lower()
        if bound_name not in _WILDCARD:
            names.add(bound_name)
        return cls(frozenset(names), any_ip=bound_name in _WILDCARD)

    def allows(self, header: str | None) -> bool:
        name = host_name(header)
        if name is None:
            return False
        return name in self.names or (self.any_ip and _is_ip(name))


def token_problem(authorization: str | None, token: str | None) -> str | None:
    """Why a request may not write (a message for a 401), or None when it may."""
    if token is None:
        return "writing is disabled: this server was started without a token"
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        return "send the server's token as 'Authorization: Bearer TOKEN'"
    if not secrets.compare_digest(credentials.strip().encode(), token.encode()):
        return "wrong token"
    return None


@dataclass
class RateLimit:
    """A token bucket per client address: `burst` writes at once, then `per_minute`.

    Bounded in memory: past `max_clients` addresses, full buckets (idle clients) are dropped."""

    per_minute: float = 120.0
    burst: int = 30
    max_clients: int = 10_000
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, client: str, now: float | None = None) -> float:
        """0 when `client` may write now (and counts the write), else the seconds until it may."""
        now = time.monotonic() if now is None else now
        rate = self.per_minute / 60.0
        with self._lock:
            tokens, last = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * rate)
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                return (1.0 - tokens) / rate if rate > 0 else math.inf
            self._buckets[client] = (tokens - 1.0, now)
            if len(self._buckets) > self.max_clients:
                self._prune(now, rate)
            return 0.0

    def _prune(self, now: float, rate: float) -> None:
        full = [c for c, (t, last) in self._buckets.items() if t + (now - last) * rate >= self.burst]
        for client in full:
            del self._buckets[client]


class BodyTooLarge(Exception):
    pass


class Guard:
    """The checks of the module doc, around `app` (the FastAPI application)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        routes: Callable[[], Iterable[Any]],
        token: str | None,
        write_paths: Iterable[str],
        max_body: int,
        hosts: HostRule | None = None,
        rate: RateLimit | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.app = app
        self.routes = routes
        self.token = token
        self.write_paths = frozenset(write_paths)
        self.max_body = max_body
        self.hosts = hosts
        self.rate = rate
        self.headers = headers or {}
        self._encoded = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in self.headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_headers(send, api=scope["path"].startswith("/api/"))
        headers = Headers(scope=scope)
        method = scope["method"]
        if self.hosts is not None and not self.hosts.allows(headers.get("host")):
            shown = (headers.get("host") or "")[:100]
            await self._problem(send, 400, f"this server does not answer for the host {shown!r}")
            return
        if method == "OPTIONS":
            await self._options(scope, send)
            return
        if method not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        if scope["path"] in self.write_paths:
            problem = token_problem(headers.get("authorization"), self.token)
            if problem is not None:
                await self._problem(send, 401, problem, {"WWW-Authenticate": "Bearer"})
                return
            client = (scope.get("client") or ("unknown", 0))[0]
            wait = self.rate.wait(client) if self.rate is not None else 0.0
            if wait > 0:
                retry = str(max(1, math.ceil(wait)))
                await self._problem(send, 429, f"too many writes: retry in {retry} s", {"Retry-After": retry})
                return
        length = headers.get("content-length", "")
        if length.strip().isdigit() and int(length) > self.max_body:
            await self._problem(send, 413, self._too_large())
            return
        try:
            body = await self._read_body(receive)
        except BodyTooLarge:
            await self._problem(send, 413, self._too_large())
            return
        await self.app(scope, _replay(body, receive), send)

    def _with_headers(self, send: Send, api: bool) -> Send:
        """`send` that adds the security headers (and no-cache under /api/) where the response
        does not set its own. Plain ASGI: an HTTP middleware of Starlette's costs a task per request."""

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self._encoded if k not in present]
                if api and b"cache-control" not in present:
                    extra.append((b"cache-control", b"no-cache"))
                if extra:
                    message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return sending

    def _too_large(self) -> str:
        return f"request body over {self.max_body // 2**20} MiB"

    async def _read_body(self, receive: Receive) -> list[Message]:
        """The request's body messages, refusing at the first byte over the cap."""
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages  # the client went away; the app sees the disconnect
            size += len(message.get("body", b""))
            if size > self.max_body:
                raise BodyTooLarge
            if not message.get("more_body", False):
                return messages

    async def _options(self, scope: Scope, send: Send) -> None:
        # A route of the API decides over the mount of the map's files that takes every path.
        routes = list(self.routes())
        methods: set[str] = set()
        for route in routes:
            if getattr(route, "methods", None) and route.matches({**scope, "method": "GET"})[0] != Match.NONE:
                methods |= set(route.methods)
        if not methods:
            for route in routes:
                if not getattr(route, "methods", None) and route.matches(scope)[0] == Match.FULL:
                    methods = {"GET", "HEAD"}
                    break
        if not methods:
            await self._problem(send, 404, "Not Found")
            return
        if "GET" in methods:
            methods.add("HEAD")
        allow = ", ".join(sorted(methods | {"OPTIONS"}))
        await self._send(send, 204, b"", {"Allow": allow})

    async def _problem(
        self, send: Send, status: int, detail: str, extra: dict[str, str] | None = None
    ) -> None:
        body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
        await self._send(send, status, body, {"Content-Type": "application/json", **(extra or {})})

    async def _send(self, send: Send, status: int, body: bytes, extra: dict[str, str]) -> None:
        out = {**self.headers, "Cache-Control": "no-cache", **extra}
        if status != 204:  # a 204 carries no body and no Content-Length (RFC 9110)
            out["Content-Length"] = str(len(body))
        if status in (413, 400):
            out["Connection"] = "close"  # the rest of an unread body must not be taken for a request
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in out.items()],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A `receive` that gives the body already read, then waits on the real one (disconnects)."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
